"""Regenerate one section of an edited Word report: redraft it, put it back in place, keep everything else.

Only the main document part (and the styles part, when a style the new section needs is missing) is rewritten;
every other part of the .docx is copied byte for byte, and every body element outside the section keeps its XML.
Sections are found exactly as the checker finds them (the reader's heading classification over the body).
"""

from __future__ import annotations

import contextlib
import copy
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgreader import PackageReader
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from checkers.document import Document, DocumentBuilder, match_number, squash
from checkers.document import Paragraph as DocParagraph
from checkers.document import Table as DocTable
from checkers.engine import check_document, opening_names, other_year, project_names
from checkers.finding import Finding, Severity
from checkers.readers.docx_numbering import ListNumbering, numpr_of
from checkers.readers.docx_reader import (
    _BLOCK_CONTAINERS,
    _WORD_CONTENT_TYPES,
    TOC_ENTRY,
    W_TXBX,
    _iter_blocks,
    _style_levels,
    add_block,
    is_strict,
    paragraph_info,
    paragraph_text,
    reading_order,
    shifted_levels,
    strict_message,
    style_info,
)
from checkers.report_document import document_from_report
from drafter.atomic import OutputError, atomic_write_bytes, guard_output
from drafter.docx_writer import build_section_docx, ends_before_numbered_part
from drafter.numbering import chinese_numeral
from drafter.pipeline import DraftOptions, choose_backend
from drafter.render import render_report
from drafter.report import DraftReport, Section
from drafter.report import Paragraph as DraftParagraph
from drafter.report import Table as DraftTable
from drafter.style import available_styles
from evaluation_model import Evaluation, character_pairs

Progress = Callable[[str], None] | None

W_BODY = qn("w:body")
W_P = qn("w:p")
W_TBL = qn("w:tbl")
W_PPR = qn("w:pPr")
W_SECTPR = qn("w:sectPr")
W_T = qn("w:t")
W_BR = qn("w:br")
W_JC = qn("w:jc")
W_PAGEBREAKBEFORE = qn("w:pageBreakBefore")
W_STYLE = qn("w:style")
W_STYLEID = qn("w:styleId")
W_NAME = qn("w:name")
W_TYPE = qn("w:type")
W_VAL = qn("w:val")
W_DEFAULT = qn("w:default")
_STYLE_REFS = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
_STYLE_LINKS = (qn("w:basedOn"), qn("w:next"), qn("w:link"))
_TEXT_TAGS = (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:drawing"), qn("w:pict"), qn("w:object"))
# Keeps whitespace (unlike the reader's parser) so untouched elements serialise as they were.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_HEADING_NAME_RE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


class RegenError(Exception):
    """A section that cannot be regenerated; the message (Chinese) tells the user what to do."""


class SectionCheckError(RegenError):
    """The regenerated section itself fails the checker: nothing was written; `findings` holds the errors."""

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class SectionInfo:
    """A heading's section in a .docx.

    `address` is the normalised number path (一, 一（二）, 四（二）1.; empty for an unnumbered styled heading),
    `start`/`end` the range of body elements (0-based indexes into ``w:body``, end exclusive) the section spans,
    heading included, `first_paragraph`/`last_paragraph` the checker's 1-based paragraph numbers (as in findings),
    `blocks` the range of the checker's blocks (Document.blocks indexes, end exclusive).
    """

    address: str
    heading: str
    title: str
    level: int
    start: int
    end: int
    first_paragraph: int
    last_paragraph: int
    numbered: bool = True
    blocks: tuple[int, int] = (0, 0)
    front: bool = False  # an unheaded part before the first heading (结果反馈书, 整改报告书, 封面…) or after the last
    tail: bool = False  # … after the last section (附件：…评分表)

    def label(self) -> str:
        """One line for a listing: address, title, level and paragraph range."""
        if self.front:
            title = self.title.replace("\n", "")  # (a title broken over two lines is one)
            return f"（{'后置' if self.tail else '前置'}部分）{title}（第{self.first_paragraph}–{self.last_paragraph}段）"
        name = f"{self.address} {self.title}" if self.address else self.title
        return f"{'  ' * (self.level - 1)}{name}（{self.level}级标题，第{self.first_paragraph}–{self.last_paragraph}段）"


# ---------------------------------------------------------------------------
# Reading the package and its sections


@dataclass
class _Package:
    path: Path
    main_name: str
    main_blob: bytes
    styles_name: str | None
    styles_blob: bytes | None
    numbering_blob: bytes | None = None


def _unreadable(path: Path) -> RegenError:
    """Why a .docx cannot be read: an old .doc or a PDF renamed, a Strict Open XML file, named as such (looked into only
    once reading failed)."""
    from checkers.readers import unsupported_format

    try:
        with path.open("rb") as handle:
            problem = unsupported_format(path, handle.read(8))
        if problem is not None:
            return RegenError(problem)
    except OSError:
        pass
    try:
        with zipfile.ZipFile(path) as archive:
            if is_strict(archive.read("_rels/.rels") if "_rels/.rels" in archive.namelist() else None):
                return RegenError(strict_message(path))
    except (OSError, zipfile.BadZipFile):
        pass
    return RegenError(
        f"无法读取“{path.name}”：不是有效的 Word（.docx）文档，可能已损坏或只是改了扩展名。"
        "请用 Word 打开后“另存为” .docx 格式再试。"
    )


def _refuse_oversized(path: Path) -> None:
    """A .docx whose parts would unpack abnormally large (a zip bomb, a damaged file): refused before anything is
    unpacked, as the checker's reader refuses it (every part is loaded here, so every part is measured)."""
    from checkers.readers.docx_reader import MAIN_PART_LIMIT, oversized_message, oversized_part

    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                why = oversized_part(info, MAIN_PART_LIMIT)
                if why is not None:
                    raise RegenError(oversized_message(path, why))
    except (zipfile.BadZipFile, OSError):
        return  # (not a zip: the package reader's own error says so)


def _load_package(path: Path) -> _Package:
    """The main document and styles parts of a .docx, with their zip entry names."""
    from project_file import input_problem

    path = Path(path)
    problem = input_problem(path, "报告（Word .docx）")
    if problem is not None:
        raise RegenError(f"无法读取“{path}”：{problem}")
    if not path.exists():
        raise RegenError(f"找不到文件“{path}”。请检查路径是否正确。")
    if not path.is_file():
        raise RegenError(f"“{path}”不是文件。请指定一份 Word（.docx）报告。")
    if path.suffix.lower() != ".docx":
        raise RegenError(
            f"regen 只能重写 Word（.docx）报告，“{path.name}”不是。Markdown 或文本报告请用 evalreport draft 重新起草为 .docx"
        )
    _refuse_oversized(path)
    try:
        package = PackageReader.from_file(str(path))
        parts = {name: (ctype, reltype, blob) for name, ctype, reltype, blob in package.iter_sparts()}
        srels = list(package.iter_srels())
    except Exception as exc:  # not a zip, missing [Content_Types].xml, broken rels, ...
        raise _unreadable(path) from exc
    main = next((n for n, (ct, rt, _) in parts.items() if rt == RT.OFFICE_DOCUMENT and ct in _WORD_CONTENT_TYPES), None)
    if main is None:
        raise _unreadable(path)
    styles = next((s.target_partname for src, s in srels
                   if src == main and s.reltype == RT.STYLES and not s.is_external), None)  # fmt: skip
    styles_blob = parts[styles][2] if styles in parts else None
    numbering = next((s.target_partname for src, s in srels
                      if src == main and s.reltype == RT.NUMBERING and not s.is_external), None)  # fmt: skip
    return _Package(path, str(main).lstrip("/"), parts[main][2], str(styles).lstrip("/") if styles_blob else None,
                    styles_blob, parts[numbering][2] if numbering in parts else None)  # fmt: skip


def _parse(blob: bytes, path: Path) -> _Element:
    try:
        return etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _unreadable(path) from exc


def _body(root: _Element, path: Path) -> _Element:
    body = root.find(W_BODY)
    if body is None:
        raise _unreadable(path)
    return body


def _walk(body: _Element, levels: dict[str, int], path: str,
          numbering: ListNumbering | None = None) -> tuple[Document, list[int]]:  # fmt: skip
    """The checker's Document of a body (the reader's classification) and, per block, its body element index (a
    table nested in a cell is a block of its own, owned by the body-level table that holds it)."""
    builder = DocumentBuilder(path)
    numbering = numbering.restarted() if numbering is not None else None
    owners: list[int] = []
    boxes = body.find(".//" + W_TXBX) is not None
    for index, child in enumerate(body):
        if child.tag in (W_P, W_TBL):
            elements = list(reading_order(iter([child]), boxes))
        elif child.tag in _BLOCK_CONTAINERS:
            elements = list(reading_order(_iter_blocks(child), boxes))
        else:
            continue
        for el in elements:
            before = len(builder.blocks)
            add_block(builder, el, levels, numbering)
            owners.extend([index] * (len(builder.blocks) - before))
    document = builder.build()
    shifted = shifted_levels(document, levels)
    if shifted is not None:  # headings one style level deeper than their numbers, as the reader takes them
        return _walk(body, shifted, path, numbering)
    return document, owners


_PART = re.compile(r"^第([一二三四五六七八九十]{1,3})部分")  # how check names a section: “第四部分（二）”
_BRACKETED_DIGIT = re.compile(r"（(\d{1,2})）")


def normalise_address(text: str) -> str:
    """Section keys compared loosely: no spaces, full-width brackets, 1、/1． as 1., no trailing 、."""
    text = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    return re.sub(r"(\d)[、．]", r"\1.", text).rstrip("、")


_LEADING_DIGIT = re.compile(r"^(\d{1,2})(?=（)")  # a part's number in Arabic before its bracketed subsection


def _readings(key: str) -> list[str]:
    """The ways a user's key may name a section: as written; check's “第四部分（二）” as 四（二）; “四（2）” and “4（2）”
    as 四（二）; a number without its final dot (“一（一）4”)."""
    text = _PART.sub(r"\1", normalise_address(key))
    out = [text, _BRACKETED_DIGIT.sub(lambda m: f"（{chinese_numeral(int(m.group(1)))}）", text)]
    if (lead := _LEADING_DIGIT.match(out[-1])) is not None:  # “4（2）” for 四（二）
        out.append(chinese_numeral(int(lead.group(1))) + out[-1][lead.end() :])
    out += [reading + "." for reading in out if reading[-1:].isdigit()]
    return list(dict.fromkeys(out))


def _closest_title(sections: list[SectionInfo], wanted: str) -> list[SectionInfo]:
    """The one section whose title contains the words asked for or is contained in them (“过程管理” → 过程管理情况),
    else the one sharing clearly the most two-character pairs with them (“综合评价结论” → 综合评价情况及评价结论)."""
    titled = [s for s in sections if not s.front and s.title]
    inside = [s for s in titled if wanted in normalise_address(s.title) or normalise_address(s.title) in wanted]
    if inside:
        return inside
    asked = character_pairs(wanted)
    if len(asked) < 2:
        return []
    scored = sorted(((len(asked & character_pairs(normalise_address(s.title))) / len(asked), i) for i, s in enumerate(titled)),
                    reverse=True)  # fmt: skip
    if not scored or scored[0][0] < 0.6 or len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.2:
        return []
    return [titled[scored[0][1]]]


def _body_end(body: _Element) -> int:
    last = len(body)
    while last and body[last - 1].tag == W_SECTPR:
        last -= 1
    return last


_APPENDIX_RE = re.compile(r"^\s*附\s*[件表录]")
_ALIGN_END = ("right", "end")


def _paragraph_text(el: _Element) -> str:
    return "".join(t.text or "" for t in el.iter(W_T))


def _page_break(el: _Element) -> bool:
    return any(br.get(W_TYPE) == "page" for br in el.iter(W_BR))


def _page_break_before(el: _Element) -> bool:
    """A paragraph set to start a new page (“page break before”, the drafter's and an editor's way)."""
    before = el.find(f"{W_PPR}/{W_PAGEBREAKBEFORE}") if el.tag == W_P else None
    return before is not None and before.get(W_VAL, "true") not in ("0", "false")


def _aligned_end(el: _Element) -> bool:
    jc = el.find(f"{W_PPR}/{W_JC}")
    return jc is not None and jc.get(W_VAL) in _ALIGN_END


def _boundary(body: _Element, first: int, end: int) -> int:
    """The first appendix title, page break or section break in elements first..end (else `end`)."""
    for i in range(first, end):
        el = body[i]
        if el.tag != W_P:
            continue
        text = _paragraph_text(el).strip()
        ppr = el.find(W_PPR)
        if _page_break_before(el) or _APPENDIX_RE.match(text):
            return i
        section_break = ppr is not None and ppr.find(W_SECTPR) is not None
        if section_break or _page_break(el):
            # an empty page-break paragraph opens what follows; text or a section break ends this section
            return i + 1 if text or section_break else i
    return end


def _tail_start(body: _Element, first: int, end: int) -> int:
    """Where the content after a report's last section begins (signature, new page, appendix), else `end`.

    Only for a section reaching the end of the body: its range would otherwise swallow an unheaded appendix or
    the signature block. `first` is the element after the section's last heading.
    """
    cut = _boundary(body, first, end)
    last = cut
    while last > first and body[last - 1].tag == W_P and not _paragraph_text(body[last - 1]).strip() \
            and not _page_break(body[last - 1]):  # fmt: skip
        last -= 1
    signature = last
    while signature > first and body[signature - 1].tag == W_P and _aligned_end(body[signature - 1]) and \
            _paragraph_text(body[signature - 1]).strip():  # fmt: skip
        signature -= 1
    return signature if signature < last else cut


def _infos(document: Document, owners: list[int], body: _Element) -> list[SectionInfo]:
    out: list[SectionInfo] = []
    end_of_body = _body_end(body)
    for section in document.sections():
        heading = document.blocks[section.start_block]
        assert isinstance(heading, DocParagraph)
        end = owners[section.end_block] if section.end_block < len(owners) else end_of_body
        end_block = section.end_block
        if section.end_block >= len(owners):
            last_heading = max(i for i in range(section.start_block, section.end_block)
                               if isinstance(document.blocks[i], DocParagraph) and document.blocks[i].is_heading)  # fmt: skip
            end = _tail_start(body, owners[last_heading] + 1, end)
            end_block = next((i for i in range(section.start_block, len(owners)) if owners[i] >= end), len(owners))
        start = owners[section.start_block]
        while end - 1 > start and body[end - 1].tag == W_P and _page_break(body[end - 1]) and \
                not _paragraph_text(body[end - 1]).strip():  # fmt: skip
            end -= 1  # a page break before the next part belongs to the layout, not to this section
        numbers = [b.location.paragraph for b in document.blocks[section.start_block : end_block]
                   if isinstance(b, DocParagraph) and b.location.paragraph is not None]  # fmt: skip
        out.append(SectionInfo(normalise_address(section.number_path), heading.text, section.title, section.level,
                               start, end, numbers[0], numbers[-1],
                               heading.number is not None, (section.start_block, end_block)))  # fmt: skip
    return out


_PART_TITLE = re.compile(r"书|报告|封面|评价")


def _front_parts(document: Document, owners: list[int], body: _Element) -> list[SectionInfo]:
    """The unheaded parts before the first heading, split at page breaks, each named by its title line."""
    first_heading = next((i for i, b in enumerate(document.blocks) if isinstance(b, DocParagraph) and b.is_heading),
                         len(document.blocks))  # fmt: skip
    if first_heading == 0:
        return []
    limit = owners[first_heading] if first_heading < len(owners) else _body_end(body)
    return _unheaded_parts(document, owners, body, 0, limit, tail=False)


def _back_parts(document: Document, owners: list[int], body: _Element, sections: list[SectionInfo]) -> list[SectionInfo]:
    """The unheaded parts after the last section (an appendix such as “附件：…评分表”), split at page breaks."""
    if not sections:
        return []
    start = max(info.end for info in sections)
    return _unheaded_parts(document, owners, body, start, _body_end(body), tail=True)


def _unheaded_parts(document: Document, owners: list[int], body: _Element, first: int, limit: int,
                    tail: bool) -> list[SectionInfo]:  # fmt: skip
    """The parts of body elements ``first``…``limit`` split at page and section breaks, each named by its title line."""
    ranges: list[tuple[int, int]] = []
    start = first
    for index in range(first, limit):
        el = body[index]
        if el.tag != W_P:
            continue
        ppr = el.find(W_PPR)
        if _page_break_before(el) and index > start:
            ranges.append((start, index))
            start = index
        if _page_break(el) and not _paragraph_text(el).strip():
            ranges.append((start, index))  # the break itself is layout: kept between the parts
            start = index + 1
        elif ppr is not None and ppr.find(W_SECTPR) is not None:  # a Word section break (the front matter's end)
            blank = not _paragraph_text(el).strip()
            ranges.append((start, index if blank else index + 1))  # an empty break paragraph is layout; text is the part's
            start = index + 1
    ranges.append((start, limit))
    parts: list[SectionInfo] = []
    for begin, end in ranges:
        blocks = [i for i in range(len(owners)) if begin <= owners[i] < end]
        paragraphs = [document.blocks[i] for i in blocks if isinstance(document.blocks[i], DocParagraph)]
        if not blocks or not paragraphs:
            continue
        named = next((p.text for p in paragraphs if len(p.text) <= 60 and "。" not in p.text and _PART_TITLE.search(p.text)),
                     paragraphs[0].text[:30])  # fmt: skip
        numbers = [p.location.paragraph for p in paragraphs if p.location.paragraph is not None]
        parts.append(SectionInfo("", named, named, 0, begin, end, numbers[0], numbers[-1], False,
                                 (blocks[0], blocks[-1] + 1), front=True, tail=tail))  # fmt: skip
    return parts


def _all_parts(document: Document, owners: list[int], body: _Element) -> list[SectionInfo]:
    """Front parts, headed sections, back parts, in document order."""
    infos = _infos(document, owners, body)
    return _front_parts(document, owners, body) + infos + _back_parts(document, owners, body, infos)


@dataclass
class _Parsed:
    package: _Package
    root: _Element
    body: _Element
    styles: _Element | None
    levels: dict[str, int]
    document: Document
    owners: list[int]
    sections: list[SectionInfo]
    numbering: ListNumbering | None = None


def _read(path: Path) -> _Parsed:
    package = _load_package(path)
    root = _parse(package.main_blob, package.path)
    body = _body(root, package.path)
    styles = _parse(package.styles_blob, package.path) if package.styles_blob else None
    levels, numbered_styles = style_info(styles)
    numbering = ListNumbering.for_document(package.numbering_blob, numbered_styles, package.main_blob, levels)
    document, owners = _walk(body, levels, str(path), numbering)
    sections = _all_parts(document, owners, body)
    return _Parsed(package, root, body, styles, levels, document, owners, sections, numbering)


def list_sections(path: Path) -> list[SectionInfo]:
    """The headed sections of a .docx in document order (the checker's view of its headings)."""
    return _read(Path(path)).sections


def section_listing(path: Path, evaluation: Evaluation | None = None) -> str:
    """The sections of a .docx one per line, as --list prints them; with the project data, each unheaded part also
    with the style's name for it (what --section takes)."""
    parsed = _read(Path(path))
    names = _part_names(parsed.sections, render_report(evaluation)) if evaluation is not None else None
    return _listing(parsed.sections, names)


# ---------------------------------------------------------------------------
# Choosing the section


def _listing(sections: list[SectionInfo], names: dict[int, set[str]] | None = None) -> str:
    """The sections one per line; an unheaded part with the style's name for it (“［报告标题与导语］”), which
    --section takes too."""
    def line(s: SectionInfo) -> str:
        called = sorted(n for n in (names or {}).get(s.start, ()) if not n.isascii())
        return "  " + s.label() + (f"［可写作 --section {called[0]}］" if called else "")

    return "\n".join(line(s) for s in sections) or "  （没有识别到任何编号标题）"


def find_section(sections: list[SectionInfo], key: str,
                 choose: Callable[[list[SectionInfo]], SectionInfo | None] | None = None,
                 names: dict[int, set[str]] | None = None) -> SectionInfo:  # fmt: skip
    """The section a user means: by number (四、四（二）, check's 第四部分（二）), by full heading, by title, by the
    style's name of an unheaded part (``names``: its start → 封面, …), or by a title close to the words given;
    Chinese error otherwise.

    ``choose`` picks one of several sections with the same number (in a compilation of reports: the one in the
    report about the project), or returns None."""
    if not normalise_address(key):
        raise RegenError("请用 --section 指定要重写的章节（编号如 四、四（二），或标题如 过程管理情况）")
    names = names or {}
    tests = (
        lambda s, wanted: s.numbered and s.address == wanted,
        lambda s, wanted: normalise_address(s.heading) == wanted,
        lambda s, wanted: normalise_address(s.address + s.title) == wanted,
        lambda s, wanted: normalise_address(s.title) == wanted,
        lambda s, wanted: s.front and wanted in names.get(s.start, ()),  # “封面”: the style's name of that part
        lambda s, wanted: s.front and any(wanted in name for name in names.get(s.start, ())),  # “导语” (报告标题与导语)
        lambda s, wanted: s.front and wanted in normalise_address(s.title),  # “结果反馈书” for “上城区…结果反馈书”
    )
    readings = _readings(key)
    searches = [(test, wanted) for test in tests for wanted in readings] + [(None, wanted) for wanted in readings]
    for test, wanted in searches:
        found = [s for s in sections if test(s, wanted)] if test is not None else _closest_title(sections, wanted)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            if len({(s.address, s.front, s.title if s.front else "") for s in found}) == 1:  # one number several times
                picked = choose(found) if choose is not None else None
                if picked is not None:
                    return picked
                raise RegenError(f"“{key}”在文件中出现 {len(found)} 次（文件里可能有多篇报告，或多个附件）：\n{_listing(found)}\n"
                                 "regen 无法区分它们：项目数据中的项目名称与其中恰好一篇报告的标题对不上。请把要重写的那一篇"
                                 "（或那一部分）另存为单独的 .docx 后再重写")  # fmt: skip
            raise RegenError(f"“{key}”对应报告中的多个章节，请写得更完整（如完整标题），编号章节可改用编号（如 四（二））：\n"
                             f"{_listing(found, names)}")  # fmt: skip
    raise RegenError(f"报告中没有章节“{key}”。可重写的章节：\n{_listing(sections, names)}")


def _in_the_projects_report(parsed: _Parsed, evaluation: Evaluation, progress: Progress):
    """A chooser for :func:`find_section`: in a compilation of reports, the section inside the one report whose title
    (or opening lines) names the project, as ``check --data`` picks it."""
    from checkers.engine import reports_for_data
    from checkers.segments import report_title, split_reports

    def choose(found: list[SectionInfo]) -> SectionInfo | None:
        parts = split_reports(parsed.document)
        chosen = reports_for_data(parts, evaluation) if len(parts) > 1 else set()
        if len(chosen) != 1:
            return None
        number = next(iter(chosen))
        paragraphs = {p.location.paragraph for p in parts[number - 1].paragraphs}
        inside = [s for s in found if s.first_paragraph in paragraphs]
        if len(inside) != 1:
            return None
        if progress:
            title = report_title(parts[number - 1])
            progress(f"文件中有 {len(parts)} 篇报告：按项目名称重写第{number}篇" + (f"《{title}》" if title else "") + "中的这一章节")
        return inside[0]

    return choose


def _refuse_another_project(parsed: _Parsed, evaluation: Evaluation, force: bool, progress: Progress) -> None:
    """No opening line of the report names the data's project: data of another project would rewrite the section
    with its figures and leave a mixed report. Refused, unless ``force`` (the report names it otherwise)."""
    from checkers.segments import split_reports

    names = project_names(evaluation)
    if not names or opening_names(parsed.document, names, 40):
        return
    parts = split_reports(parsed.document)
    if len(parts) > 1 and any(opening_names(part, names, 40) for part in parts):
        return  # a compilation with the project's report in it (find_section's chooser picks that report)
    if not force:
        raise RegenError(f"报告开头没有写项目名称“{evaluation.project.name}”，--data 给的可能是另一个项目的数据（按它重写会把"
                         "另一个项目的数字写进这份报告）。未写出文件。请换用这份报告的项目数据；如确是本项目（报告用了别的写法），"
                         "加 --force 重写")  # fmt: skip
    if progress:
        progress(f"警告：报告开头没有写项目名称“{evaluation.project.name}”：按 --force 仍用所给数据重写")


def _refuse_another_year(parsed: _Parsed, evaluation: Evaluation, force: bool, progress: Progress) -> None:
    """The report's title gives another year than the data's: its figures and dates would be the wrong year's.
    Refused, unless ``force``."""
    year = other_year(parsed.document, evaluation)
    if year is None:
        return
    said = f"报告中写的是{year}年度，项目数据是{evaluation.project.year}年度"
    if not force:
        raise RegenError(f"{said}（按它重写会把另一年度的数字和日期写进这份报告）。未写出文件。请换用这一年度的项目数据；"
                         "确要按所给数据重写，加 --force")  # fmt: skip
    if progress:
        progress(f"警告：{said}：按 --force 仍用所给数据重写")


def _top_titles(sections) -> set[str]:
    return {normalise_address(s.title) for s in sections if s.level == 1 and not getattr(s, "front", False)}


def _refuse_another_style(parsed: _Parsed, evaluation: Evaluation, drafted: DraftReport, force: bool,
                          progress: Progress) -> None:  # fmt: skip
    """The report's part titles look like another style than the one the section would be drafted in: the section
    would come out in other wording and numbering than the report around it. Refused, unless ``force``."""
    own = _top_titles(parsed.sections)
    matched = len(own & {normalise_address(s.title) for s in drafted.sections if s.heading})
    if not own or matched == len(own):
        return
    scores = {}
    for name in available_styles():
        other = render_report(evaluation.model_copy(update={"style": name}))
        scores[name] = len(own & {normalise_address(s.title) for s in other.sections if s.heading})
    best = max(scores, key=scores.get)
    if scores[best] > matched and best != evaluation.style:
        said = (f"报告各部分的标题更像“{best}”样式，而重写按“{evaluation.style}”样式撰写（项目文件的 style 或 --style），"
                "重写的章节会与报告其余部分的写法、编号不一致")  # fmt: skip
        if not force:
            raise RegenError(f"{said}。未写出文件。请加 --style {best}；确要按“{evaluation.style}”样式重写，加 --force")
        if progress:
            progress(f"警告：{said}（按 --force 仍重写）")


def _part_names(sections: list[SectionInfo], report: DraftReport) -> dict[int, set[str]]:
    """The style's names (封面, 结果反馈书…) of the document's unheaded parts the style drafts, by the part's start."""
    out: dict[int, set[str]] = {}
    for info in sections:
        if info.front:
            with contextlib.suppress(RegenError):
                part = _rendered_front_part(report, info)
                out[info.start] = {normalise_address(name) for name in (part.label, part.id) if name}
    return out


def _rendered_front_part(report: DraftReport, info: SectionInfo) -> Section:
    """The drafted unheaded part whose lines include the document part's title line (page breaks left out)."""
    wanted = normalise_address(info.title)
    for section in report.sections:
        if section.heading or section.numbered and section.title:
            continue
        lines = [normalise_address(block.text) for block in section.blocks if hasattr(block, "text")]
        if wanted in lines:
            part = copy.copy(section)
            part.children = [c for c in section.children if not c.id.endswith(".break")]
            part.blocks = [b for b in section.blocks if type(b).__name__ != "PageBreak"]
            return part
    where = "后置部分" if info.tail else "前置部分"
    raise RegenError(f"样式“{report.style}”不生成{where}“{info.title}”，无法重写；请手工修改该部分")


def _rendered_section(report: DraftReport, info: SectionInfo, progress: Progress) -> Section:
    """The freshly drafted section matching a document section: by number (if the title agrees), then title."""
    if info.front:
        return _rendered_front_part(report, info)
    headed = [s for s in report.walk() if s.heading]
    by_number = next((s for s in headed if info.numbered and normalise_address(s.number) == info.address), None)
    title = normalise_address(info.title)
    by_title = [s for s in headed if normalise_address(s.title) == title]
    if by_number is not None and normalise_address(by_number.title) == title:
        return by_number
    if by_title:
        same_level = [s for s in by_title if s.level == info.level]
        return (same_level or by_title)[0]
    if by_number is not None:
        if progress:
            progress(f"提示：报告中“{info.heading}”与样式中同编号章节“{by_number.heading}”标题不同，按编号重写")
        return by_number
    names = "\n".join(f"  {'  ' * (s.level - 1)}{s.number if s.level > 1 else ''}{s.heading if s.level == 1 else s.title}"
                      for s in headed)  # fmt: skip
    raise RegenError(f"样式“{report.style}”不生成章节“{info.heading}”，无法重写。该样式可重写的章节：\n{names}")


def _index_path(sections: list[Section], target: Section, prefix: tuple[int, ...] = ()) -> tuple[int, ...] | None:
    for i, section in enumerate(sections):
        if section is target:
            return prefix + (i,)
        found = _index_path(section.children, target, prefix + (i,))
        if found is not None:
            return found
    return None


def _section_at(report: DraftReport, address: tuple[int, ...]) -> Section:
    section = report.sections[address[0]]
    for index in address[1:]:
        section = section.children[index]
    return section


def _renumbered(section: Section, info: SectionInfo) -> Section:
    """The new section's heading numbered as the document numbers it (a title match at another number)."""
    if not info.numbered or normalise_address(section.number) == info.address:
        return section
    m = match_number(info.heading)
    if m is None:
        return section
    section = copy.copy(section)
    section.heading = m[1] + section.title
    return section


# ---------------------------------------------------------------------------
# Drafting (offline, or the LLM flow restricted to the section's prose units)


def _draft_llm(evaluation: Evaluation, offline: DraftReport, address: tuple[int, ...], options: DraftOptions,
               output: Path, progress: Progress) -> DraftReport | None:  # fmt: skip
    """The LLM flow over the prose units inside (or around) the section; None on a dry run.

    drafter.llm.flow has no public per-section entry point; this reuses its planning, drafting, final check and
    run log (`plan_unit`, `dry_run`, `run_paths`, `run_plans`) on the units that overlap the section.
    """
    import time
    import warnings

    from drafter.llm import flow
    from drafter.llm.backends import get_backend
    from drafter.llm.config import api_key, load_config, missing_key_error
    from drafter.llm.prompts import load_prompt
    from drafter.llm.runlog import RunLog
    from drafter.llm.units import prose_units
    from drafter.style import load_style

    config = load_config(options.config, options.model)
    style = load_style(evaluation.style)
    names = sorted({spec.prose for spec in style.walk() if spec.prose})
    prompts = {name: load_prompt(name, style.name) for name in names}
    units = [u for u in prose_units(offline, style, evaluation, {n: p.split for n, p in prompts.items()})
             if u.address[: len(address)] == address or address[: len(u.address)] == u.address]  # fmt: skip
    if not units:
        if progress:
            progress("提示：该章节没有由模型撰写的文字，使用离线渲染器起草")
        return offline
    plans = [flow.plan_unit(u, prompts[u.prompt], evaluation, style, config) for u in units]
    if options.dry_run:
        flow.dry_run(plans, config, progress)
        return None
    name = options.backend or "openai"
    backend_cls = get_backend(name)
    if backend_cls.needs_key and not api_key():  # asked for by name: do not quietly go offline
        raise missing_key_error(name)
    backend = backend_cls(config)
    log_path, cache_path = flow.run_paths(DraftOptions(output=output), config)
    log = RunLog(log_path)
    from langchain_core.globals import get_llm_cache, set_llm_cache

    previous_cache = get_llm_cache()
    if cache_path is not None and backend.needs_key:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            from langchain_community.cache import SQLiteCache

        cache_path.parent.mkdir(parents=True, exist_ok=True)
        set_llm_cache(SQLiteCache(database_path=str(cache_path)))
    try:
        return flow.run_plans(evaluation, offline, plans, backend, config, log, progress, time.perf_counter(), cache_path)
    finally:
        set_llm_cache(previous_cache)
        backend.close()
        log.close()


# ---------------------------------------------------------------------------
# Styles: every style the new elements use must exist in the target document


def _style_name(style: _Element) -> str:
    name = style.find(W_NAME)
    return (name.get(W_VAL, "") if name is not None else "").strip().lower()


def _name_keys(style: _Element) -> list[tuple[str, str]]:
    kind = style.get(W_TYPE) or "paragraph"
    name = _style_name(style)
    keys = [(name, kind)]
    m = _HEADING_NAME_RE.match(name)
    if m:  # Word writes built-in names in English, some templates localise them
        keys += [(f"heading {m.group(1)}", kind), (f"标题 {m.group(1)}", kind), (f"标题{m.group(1)}", kind)]
    return keys


class _StyleMerger:
    """Maps the scratch document's style ids to the target's (same name), copying the missing styles in."""

    def __init__(self, source: _Element, target: _Element | None) -> None:
        self.source = {s.get(W_STYLEID): s for s in source.iterchildren(W_STYLE)}
        self.target = target
        self.ids: dict[str, _Element] = {}
        self.by_name: dict[tuple[str, str], str] = {}
        if target is not None:
            for style in target.iterchildren(W_STYLE):
                sid = style.get(W_STYLEID)
                if sid:
                    self.ids[sid] = style
                    for key in _name_keys(style):
                        self.by_name.setdefault(key, sid)
        self.mapping: dict[str, str | None] = {}
        self.added: list[str] = []

    def resolve(self, sid: str) -> str | None:
        """The target style id for a scratch style id (None: drop the reference)."""
        if sid in self.mapping:
            return self.mapping[sid]
        source = self.source.get(sid)
        if source is None or self.target is None:
            self.mapping[sid] = sid if sid in self.ids else None
            return self.mapping[sid]
        for key in _name_keys(source):
            if key in self.by_name:
                self.mapping[sid] = self.by_name[key]
                return self.mapping[sid]
        new_id, n = sid, 2
        while new_id in self.ids:
            new_id, n = f"{sid}{n}", n + 1
        self.mapping[sid] = new_id  # before following links: styles link each other in cycles
        style = copy.deepcopy(source)
        style.set(W_STYLEID, new_id)
        style.attrib.pop(W_DEFAULT, None)
        self.target.append(style)
        self.added.append(source.find(W_NAME).get(W_VAL, new_id) if source.find(W_NAME) is not None else new_id)
        for tag in _STYLE_LINKS:
            for link in style.findall(tag):
                linked = self.resolve(link.get(W_VAL, ""))
                if linked is None:
                    style.remove(link)
                else:
                    link.set(W_VAL, linked)
        self.ids[new_id] = style
        for key in _name_keys(style):
            self.by_name.setdefault(key, new_id)
        return new_id

    def apply(self, elements: list[_Element]) -> None:
        for element in elements:
            for ref in list(element.iter(*_STYLE_REFS)):
                target = self.resolve(ref.get(W_VAL, ""))
                if target is None:
                    ref.getparent().remove(ref)
                else:
                    ref.set(W_VAL, target)


# ---------------------------------------------------------------------------
# Putting the section back


def _section_elements(section: Section, last_break: bool = True) -> tuple[list[_Element], _Element]:
    """The body elements of one drafted section (same writer as draft) and the scratch document's styles."""
    scratch = build_section_docx(section, last_break)
    elements = [copy.deepcopy(el) for el in scratch.element.body if el.tag != W_SECTPR]
    return elements, scratch.styles.element


def _has_text(el: _Element) -> bool:
    return any(True for _ in el.iter(*_TEXT_TAGS))


def _section_breaks(elements: list[_Element]) -> list[_Element]:
    """Paragraphs carrying a section break (page setup, header/footer links) in a range: they must survive."""
    kept: list[_Element] = []
    for el in elements:
        breaks = [s for s in el.iter(W_SECTPR) if s.getparent() is not None and s.getparent().tag == W_PPR]
        if not breaks:
            continue
        if el.tag == W_P and not _has_text(el):
            kept.append(el)
            continue
        for sect in breaks:  # keep the break itself, not the text around it
            para = etree.SubElement(etree.Element(W_BODY), W_P)
            para.append(copy.deepcopy(sect.getparent()))
            kept.append(para)
    return kept


W_SDT = qn("w:sdt")
W_PPRCHANGE = qn("w:pPrChange")
W_NUMPR = qn("w:numPr")
W_NUMID = qn("w:numId")
W_R = qn("w:r")
W_RPR = qn("w:rPr")
_ONE_OFF = (W_SECTPR, W_PPRCHANGE, qn("w:rPrChange"), qn("w:ins"), qn("w:del"), W_PAGEBREAKBEFORE)
W_GALLERY = qn("w:docPartGallery")


_PICTURES = (qn("w:drawing"), qn("w:pict"), qn("w:object"))


W_BOOKMARK_START, W_BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
W_COMMENT_START, W_COMMENT_END, W_COMMENT_REF = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference")
W_ID = qn("w:id")
_REVISIONS = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))


def _keep_anchors(old: list[_Element], new: list[_Element], body: _Element, progress: Progress) -> set[str]:
    """What points into the replaced range from outside keeps its target: the heading's bookmarks (a table of
    contents' links, cross-references) move to the new heading; a comment begun or ended outside the range keeps
    its other end at the new section's start or end (Word cannot open a comment with one end). Comments wholly
    inside and pending revisions go with the old text: said, with their number."""
    paragraphs = [el for el in new if el.tag == W_P]
    if not old or not paragraphs:
        return set()
    first, last = paragraphs[0], paragraphs[-1]
    heading_marks = [copy.deepcopy(m) for m in old[0].iter(W_BOOKMARK_START)] if old[0].tag == W_P else []
    names = {m.get(W_ID) for m in heading_marks}
    for mark in reversed(heading_marks):
        first.insert(1 if first.find(W_PPR) is not None else 0, mark)
    for el in old:
        for end in (e for e in el.iter(W_BOOKMARK_END) if e.get(W_ID) in names):
            (first if el is old[0] else last).append(copy.deepcopy(end))
    inside = {kind: {e.get(W_ID) for el in old for e in el.iter(kind)} for kind in (W_COMMENT_START, W_COMMENT_END, W_COMMENT_REF)}
    started, ended = inside[W_COMMENT_START], inside[W_COMMENT_END] | inside[W_COMMENT_REF]
    ranged = {e.get(W_ID) for e in body.iter(W_COMMENT_START)}  # (a point comment has a reference only)
    outside_start = (ended - started) & ranged
    for comment in sorted(outside_start):  # begun before the range: ended where the new section ends
        last.append(last.makeelement(W_COMMENT_END, {W_ID: comment}))
        run = etree.SubElement(last, W_R)
        run.append(run.makeelement(W_COMMENT_REF, {W_ID: comment}))
    for comment in sorted(started - ended):  # ended after the range: begun where the new section begins
        first.insert(1 if first.find(W_PPR) is not None else 0, first.makeelement(W_COMMENT_START, {W_ID: comment}))
    dropped = (started & ended) | (ended - started - outside_start)
    revisions = sum(1 for el in old for _ in el.iter(*_REVISIONS))
    if progress and (dropped or revisions):
        what = "、".join(part for part in (f"{len(dropped)} 条批注" if dropped else "",
                                           f"{revisions} 处未接受的修订" if revisions else "") if part)  # fmt: skip
        progress(f"提示：原章节中的 {what}随原文字一并替换（原文件未动，可在其中查看）")
    return dropped


COMMENTS_PART = "word/comments.xml"


def _without_comments(path: Path, dropped: set[str]) -> dict[str, bytes]:
    """The comments part without the comments whose anchors went with the replaced text (none left dangling)."""
    with zipfile.ZipFile(path) as package:
        if not dropped or COMMENTS_PART not in package.namelist():
            return {}
        blob = package.read(COMMENTS_PART)
    root = etree.fromstring(blob)
    for comment in [c for c in root.iter(qn("w:comment")) if c.get(W_ID) in dropped]:
        comment.getparent().remove(comment)
    return {COMMENTS_PART: _serialise(root, blob)}


def _keep_page_break_before(old: list[_Element], new: list[_Element]) -> None:
    """The part still opens a new page when its first paragraph did (“page break before”, set by the drafter or by
    the editor): the redrafted first paragraph takes it over."""
    if not old or not new or not _page_break_before(old[0]) or new[0].tag != W_P or _page_break_before(new[0]):
        return
    new[0].get_or_add_pPr().pageBreakBefore_val = True


def _warn_dropped(old: list[_Element], new: list[_Element], progress: Progress) -> None:
    """Say so when the replaced range held pictures, or more tables than the redrafted part has."""
    if progress is None:
        return
    pictures = sum(1 for el in old for _ in el.iter(*_PICTURES))
    tables = sum(1 for el in old if el.tag == W_TBL) - sum(1 for el in new if el.tag == W_TBL)
    lost = "、".join(part for part in (f"{pictures} 张图片" if pictures else "", f"{tables} 个表格" if tables > 0 else "") if part)
    if lost:
        progress(f"警告：原章节中的 {lost}不在重写的内容里，已随章节一并替换（原文件未动；如需保留，请从原文件复制回来，"
                 "或先把它们移到分页符之后的单独一页再重写）")  # fmt: skip


def _contents(elements: list[_Element], levels: dict[str, int]) -> list[_Element]:
    """The table of contents in a range (a 目录 content control, toc-styled lines): rewriting the part around it
    must not delete it."""
    kept = []
    for el in elements:
        if el.tag == W_SDT and any("Contents" in (g.get(W_VAL) or "") for g in el.iter(W_GALLERY)) or el.tag == W_P and paragraph_info(el, levels)[1] == TOC_ENTRY:
            kept.append(el)
    return kept


def _heading_samples(parsed: _Parsed) -> dict[int, tuple[_Element, bool]]:
    """Per heading level (by its number: 一、 is 1), the document's first numbered heading paragraph there and
    whether Word numbers it automatically (the number is not in its text) from one list all through the document.

    Where each chapter numbers its headings from a list of its own (a numId per chapter), a new heading could only
    continue another chapter's count: it keeps its typed number and is taken off the list instead.
    """
    samples: dict[int, tuple[_Element, bool]] = {}
    lists: dict[int, set[str | None]] = {}
    for block, owner in zip(parsed.document.blocks, parsed.owners, strict=True):
        if not isinstance(block, DocParagraph) or block.heading_level is None or not block.number:
            continue
        el = parsed.body[owner]
        shaped = match_number(block.text)
        if el.tag != W_P or shaped is None:
            continue
        numpr = el.find(f"{W_PPR}/{W_NUMPR}")
        lists.setdefault(shaped[0], set()).add(numpr_of(numpr)[0] if numpr is not None else None)
        if shaped[0] not in samples:
            samples[shaped[0]] = (el, match_number(paragraph_text(el).strip()) is None)
    return {level: (el, automatic and len(lists[level]) == 1) for level, (el, automatic) in samples.items()}


def _match_headings(elements: list[_Element], samples: dict[int, tuple[_Element, bool]], levels: dict[str, int]) -> None:
    """Give each new heading the paragraph properties of the document's own headings at its level (style, list
    numbering); where Word numbers them automatically, drop the typed number (else “（二）（二）…”)."""
    for el in elements:
        if el.tag != W_P or not paragraph_info(el, levels)[1]:
            continue  # body text (a bold “1.业务制度…” problem title is not a heading)
        shaped = match_number(paragraph_text(el).strip())
        if shaped is None or shaped[0] not in samples:
            continue
        sample, automatic = samples[shaped[0]]
        own = sample.find(W_PPR)
        if own is not None:
            props = copy.deepcopy(own)
            for extra in [*props.iter(*_ONE_OFF)]:  # a section break, a page break, tracked-change records
                extra.getparent().remove(extra)
            old = el.find(W_PPR)
            if old is not None:
                if old.find(W_PAGEBREAKBEFORE) is not None:
                    props.append(copy.deepcopy(old.find(W_PAGEBREAKBEFORE)))
                el.remove(old)
            if not automatic and props.find(W_NUMPR) is not None:  # a chapter's own list: keep the typed number
                props.remove(props.find(W_NUMPR))
                off = etree.SubElement(props, W_NUMPR)
                etree.SubElement(off, W_NUMID).set(W_VAL, "0")
            el.insert(0, props)
            _copy_run_look(sample, el)
        if automatic:
            _drop_leading(el, len(shaped[1]))


def _copy_run_look(sample: _Element, el: _Element) -> None:
    """The heading's character formatting (黑体, bold, size) as the document's own heading has it."""
    first = next((r for r in sample.iter(W_R) if r.find(W_T) is not None), None)
    look = first.find(W_RPR) if first is not None else None
    if look is None:
        return
    look = copy.deepcopy(look)
    for extra in [*look.iter(*_ONE_OFF)]:
        extra.getparent().remove(extra)
    for run in el.iter(W_R):
        old = run.find(W_RPR)
        if old is not None:
            run.remove(old)
        run.insert(0, copy.deepcopy(look))


def _drop_leading(p: _Element, count: int) -> None:
    """Remove the first ``count`` characters of a paragraph's text (and the spaces after them), across runs."""
    for t in p.iter(W_T):
        text = t.text or ""
        cut = min(count, len(text))
        t.text, count = text[cut:], count - cut
        if count == 0:
            t.text = t.text.lstrip()
            if t.text:
                break
            count = 0


def _serialise(root: _Element, original: bytes) -> bytes:
    """The part's XML with its original prolog (declaration and whatever precedes the root) kept."""
    m = re.search(rb"<(?![?!])", original)
    prolog = original[: m.start()] if m else b""
    if not prolog.startswith(b"<?xml"):
        prolog = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + prolog
    return prolog + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def _zip_with(path: Path, replaced: dict[str, bytes]) -> bytes:
    """The .docx with some entries replaced; every other entry copied byte for byte, in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        names = {info.filename for info in source.infolist()}
        missing = set(replaced) - names
        if missing:
            raise _unreadable(path)
        for info in source.infolist():
            data = replaced.get(info.filename)
            target.writestr(info, data if data is not None else source.read(info.filename))
    return buffer.getvalue()


def _in_range(document: Document, info: SectionInfo | None) -> tuple[set[int], set[int], str]:
    """Paragraph and table numbers of a section's blocks, and its path."""
    if info is None:
        return set(), set(), ""
    paragraphs: set[int] = set()
    tables: set[int] = set()
    first, end = info.blocks
    for block in document.blocks[first:end]:
        if isinstance(block, DocParagraph) and block.location.paragraph is not None:
            paragraphs.add(block.location.paragraph)
        elif isinstance(block, DocTable) and block.location.table is not None:
            tables.add(block.location.table)
    heading = document.blocks[first]
    return paragraphs, tables, heading.location.section


def _in_section(finding: Finding, paragraphs: set[int], tables: set[int], path: str) -> bool:
    loc = finding.location
    if loc.table is not None:
        return loc.table in tables
    if loc.paragraph is not None:
        return loc.paragraph in paragraphs
    return bool(path) and loc.section == path


def _own_errors(report: DraftReport, section: Section, evaluation: Evaluation) -> list[Finding]:
    """Errors of the section in the freshly drafted report: wrong in itself, whatever the edited document says.

    The report is cut after the section's top-level part, so unnumbered parts after it (an appendix) are not
    taken for its content.
    """
    address = _index_path(report.sections, section)
    if address is None:
        return []
    document = document_from_report(DraftReport(report.title, report.sections[: address[0] + 1], report.style))
    wanted = (normalise_address(section.number), normalise_address(section.title))
    found = next((s for s in document.sections()
                  if (normalise_address(s.number_path), normalise_address(s.title)) == wanted), None)  # fmt: skip
    if found is None:
        return []
    info = SectionInfo("", "", "", found.level, 0, 0, 0, 0, True, (found.start_block, found.end_block))
    paragraphs, tables, path = _in_range(document, info)
    return [f for f in check_document(document, data=evaluation)
            if f.severity is Severity.ERROR and _in_section(f, paragraphs, tables, path)]  # fmt: skip


def _finding_line(finding: Finding) -> str:
    line = f"  {finding.location.describe()}：{finding.message}"
    if finding.expected is not None and finding.found is not None:
        line += f"（应为 {finding.expected}，实为 {finding.found}）"
    return line


def regenerate(
    report_path: Path,
    evaluation: Evaluation,
    section: str,
    output: Path,
    options: DraftOptions | None = None,
    progress: Progress = None,
) -> list[Finding]:
    """Redraft one section of `report_path` from `evaluation`, put it back in place, check, write `output`.

    Returns the checker findings of the written document (rest of the document included). Raises RegenError
    (Chinese message) for an unreadable file, an unknown section, a section the style does not produce or an
    output over an input, and SectionCheckError (nothing written) when the regenerated section has errors.
    """
    report_path, output = Path(report_path), Path(output)
    options = options or DraftOptions()
    try:
        guard_output(output, [report_path] + ([options.project_path] if options.project_path else [])
                     + ([options.config] if options.config else []), overwrite=options.overwrite or options.dry_run)  # fmt: skip
    except OutputError as exc:
        raise RegenError(str(exc)) from exc
    if output.suffix.lower() != ".docx":
        raise RegenError(f"重写结果只能写成 Word（.docx）文件，而不是“{output.name}”。请用 -o 指定 .docx 文件名")
    parsed = _read(report_path)
    _refuse_another_project(parsed, evaluation, options.force, progress)
    _refuse_another_year(parsed, evaluation, options.force, progress)
    drafted_report = render_report(evaluation)
    info = find_section(parsed.sections, section, _in_the_projects_report(parsed, evaluation, progress),
                        _part_names(parsed.sections, drafted_report))  # fmt: skip

    _refuse_another_style(parsed, evaluation, drafted_report, options.force, progress)
    drafted_section = _rendered_section(drafted_report, info, progress)
    backend = choose_backend(options.backend, progress)
    if backend == "offline" and options.dry_run:
        if progress:
            progress("离线渲染器不调用模型：0 个 token，费用 0。未写出文件。")
        return []
    if backend != "offline":
        address = _index_path(drafted_report.sections, drafted_section)
        assert address is not None
        drafted = _draft_llm(evaluation, drafted_report, address, options, output, progress)
        if drafted is None:  # dry run: nothing drafted, nothing written
            return []
        drafted_report, drafted_section = drafted, _section_at(drafted, address)
    target = _renumbered(drafted_section, info)

    elements, scratch_styles = _section_elements(target, not ends_before_numbered_part(drafted_report, drafted_section))
    merger = _StyleMerger(scratch_styles, parsed.styles)
    merger.apply(elements)
    levels = _style_levels(parsed.styles) if merger.added and parsed.styles is not None else parsed.levels
    _match_headings(elements, _heading_samples(parsed), levels)
    if merger.added and progress:
        progress(f"提示：报告中缺少样式 {'、'.join(merger.added)}，已从起草模板补入")

    body = parsed.body
    old = list(body[info.start : info.end])
    replaced_text = _replaced_paragraphs(parsed, info, target)
    _check_boundaries(parsed, info)
    _refuse_foreign_indicators(parsed, info, target, options.force)
    contents, breaks = _contents(old, parsed.levels), _section_breaks(old)
    kept = contents + breaks
    _warn_dropped(old, elements, progress)
    _keep_page_break_before(old, elements)
    dropped_comments = _keep_anchors(old, elements, body, progress)
    for el in old:
        body.remove(el)
    for offset, el in enumerate(elements + kept):
        body.insert(info.start + offset, el)
    if contents and progress:
        progress("提示：原部分中的目录已保留在重写的内容之后")
    if breaks and progress:
        progress(f"提示：原章节中的 {len(breaks)} 个分节符（页面设置）已保留在新章节之后")

    document, owners = _walk(body, levels, str(output), parsed.numbering)
    findings = check_document(document, data=evaluation)
    new_info = next((i for i in _all_parts(document, owners, body) if i.start == info.start and i.front == info.front),
                    None)  # fmt: skip
    paragraphs, tables, path = _in_range(document, new_info)
    inside = [f for f in findings if _in_section(f, paragraphs, tables, path)]
    own = _own_errors(drafted_report, drafted_section, evaluation)
    if own:
        lines = "\n".join(_finding_line(f) for f in own[:10])
        more = f"\n  ……共 {len(own)} 处" if len(own) > 10 else ""
        raise SectionCheckError(
            f"重写后的章节“{target.heading or info.title}”本身未通过核查（{len(own)} 处错误），未写出文件。"
            f"请先核对项目数据：\n{lines}{more}",
            own,
        )
    replaced = {parsed.package.main_name: _serialise(parsed.root, parsed.package.main_blob),
                **_without_comments(parsed.package.path, dropped_comments)}  # fmt: skip
    if merger.added and parsed.package.styles_name and parsed.package.styles_blob and parsed.styles is not None:
        replaced[parsed.package.styles_name] = _serialise(parsed.styles, parsed.package.styles_blob)
    atomic_write_bytes(output, _zip_with(parsed.package.path, replaced))
    if progress:
        where = f"第{info.first_paragraph}段" if info.first_paragraph == info.last_paragraph else \
            f"第{info.first_paragraph}–{info.last_paragraph}段"  # fmt: skip
        if replaced_text:
            shown = "\n".join(f"  {text}" for _, text in replaced_text[:REPLACED_SHOWN])
            more = f"\n  ……共 {len(replaced_text)} 处" if len(replaced_text) > REPLACED_SHOWN else ""
            progress(f"已重写“{target.heading or info.title}”（原{where}；原文件未动），写出 {output}。"
                     f"原章节中以下 {len(replaced_text)} 处与新稿不同（手工修改或旧数据），新稿中已不再有：\n{shown}{more}")  # fmt: skip
        else:
            progress(f"已重写“{target.heading or info.title}”（原{where}，原有文字新稿中都有；原文件未动），写出 {output}")
        _say_findings(progress, findings, inside)
    return findings


REPLACED_SHOWN = 8  # paragraphs of the old section listed as replaced


def _replaced_paragraphs(parsed: _Parsed, info: SectionInfo, target: Section) -> list[tuple[int, str]]:
    """(paragraph number, how to name it) of what the old section had and the new draft no longer has word for
    word: the hand edits (and the stale figures) the rewrite replaces, for the editor to see what went. Headings
    count (one renamed by hand is reverted, one added by hand deleted); a table whose cells changed is named as a
    table by its caption (“表1  绩效评价得分概况（表格）”), its caption itself being kept."""
    sections = target.walk()
    tables = [block for section in sections for block in section.blocks if isinstance(block, DraftTable)]
    drafted = {squash(block.text) for section in sections for block in section.blocks if isinstance(block, DraftParagraph)}
    drafted |= {squash(section.heading or section.title) for section in sections}
    drafted |= {squash(text or "") for table in tables for text in (table.caption, table.unit_note)}
    drafted_tables = {_table_text(table.rows) for table in tables}
    out: list[tuple[int, str]] = []
    last = info.first_paragraph
    for block in parsed.document.blocks[info.blocks[0] : info.blocks[1]]:
        if isinstance(block, DocParagraph):
            n = block.location.paragraph
            if n is None or not info.first_paragraph <= n <= info.last_paragraph:
                continue
            last = n
            if squash(block.text) and squash(block.text) not in drafted:
                out.append((n, f"第{n}段：{_clipped(block.text)}"))
        elif isinstance(block, DocTable) and block.nested_in is None and \
                _table_text([[c.text for c in row] for row in block.rows]) not in drafted_tables:  # fmt: skip
            out.append((last, f"{_clipped(block.caption)}（表格）" if block.caption else f"第{last}段后的表格"))
    return out


def _table_text(rows: list[list[str | None]]) -> str:
    """A table's cell texts run together (merged cells once), for telling a changed table from the drafted one."""
    return "|".join(squash(text) for row in rows for text in row if text and squash(text))


def _clipped(text: str, length: int = 40) -> str:
    return f"{text[:length]}{'……' if len(text) > length else ''}"


def _say_findings(progress: Callable[[str], None], findings: list[Finding], inside: list[Finding]) -> None:
    """The written report's findings in two groups: inside the rewritten section, and in the parts left as they were."""
    rest = [f for f in findings if not any(f is g for g in inside)]
    if not findings:
        progress("核查：未发现问题")
        return
    if inside:
        errors = sum(1 for f in inside if f.severity is Severity.ERROR)
        why = "；其中的错误多是与其他章节的旧数据不一致，可一并重写" if errors else ""
        progress(f"重写章节内 {len(inside)} 处问题{why}：")
        for f in inside:
            progress(finding_line(f))
    if rest:
        progress(f"其余部分 {len(rest)} 处问题（未改动；多为旧数据，如结果反馈书、综合评价结论中的总分：可用 --section 逐一重写"
                 "——编号章节，或“结果反馈书”等前置部分，见 --list——或按下列位置手工修改）：")  # fmt: skip
        for f in rest:
            progress(finding_line(f))


def finding_line(finding: Finding) -> str:
    """A finding on one line of the progress (or of regen -q): severity, rule, place, message."""
    return f"  {finding.severity.label} {finding.rule} {finding.location.describe()}：{finding.message}"


def _check_boundaries(parsed: _Parsed, info: SectionInfo) -> None:
    """Refuse a section whose first or last block shares a content control with a block outside it."""
    owners = parsed.owners
    first, end = info.blocks
    if first > 0 and owners[first - 1] == owners[first]:
        raise _control_error(info)
    if end < len(owners) and owners[end - 1] == owners[end]:
        raise _control_error(info)


_OPENING_CODE = re.compile(r"^\s*([A-Z]\d{2,3})\s*[\u4e00-\u9fff“\"]")
FOREIGN_LIMIT = 2  # indicator analyses of another section in the range: a deleted heading, not a stray mention


def _refuse_foreign_indicators(parsed: _Parsed, info: SectionInfo, target: Section, force: bool) -> None:
    """The range to replace holds the analyses of indicators the redrafted section does not discuss (“C11…”, “C12…”
    under 四（二）): most likely the next section's heading was deleted, and replacing the range would delete that
    section too. Refused, unless ``force``."""
    first, end = info.blocks
    written = {m.group(1) for block in parsed.document.blocks[first:end] if isinstance(block, DocParagraph)
               and (m := _OPENING_CODE.match(block.text))}  # fmt: skip
    drafted = set(re.findall(r"[A-Z]\d{2,3}", "".join(_section_texts(target))))
    foreign = sorted(written - drafted)
    if len(foreign) >= FOREIGN_LIMIT and not force:
        raise RegenError(f"章节“{info.heading}”的范围（第{info.first_paragraph}–{info.last_paragraph}段）里还有"
                         f"{'、'.join(foreign[:6])}{'等' if len(foreign) > 6 else ''}指标的分析，它们不属于这一章节："
                         "可能是下一章节的标题被删掉了，重写会把那一章节一并替换。未写出文件。请先在 Word 中恢复该标题；"
                         "确要整段替换，加 --force")  # fmt: skip


def _section_texts(section: Section) -> list[str]:
    """Every paragraph and table cell text of a drafted section, its children included."""
    out = [section.heading or ""]
    for block in section.blocks:
        if isinstance(block, DraftParagraph):
            out.append(block.text)
        elif isinstance(block, DraftTable):
            out.extend(cell or "" for row in block.rows for cell in row)
    for child in section.children:
        out.extend(_section_texts(child))
    return out


def _control_error(info: SectionInfo) -> RegenError:
    return RegenError(f"章节“{info.heading}”的开头或结尾位于 Word 内容控件中，与其他章节连在一起，无法单独替换。"
                      "请在 Word 中删除该内容控件（保留内容）后重试")  # fmt: skip


__all__ = [
    "RegenError",
    "SectionCheckError",
    "SectionInfo",
    "find_section",
    "list_sections",
    "normalise_address",
    "regenerate",
]
