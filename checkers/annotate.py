"""Annotated review copy: every finding as a Word comment anchored on the offending text or table cell.

The input file is never modified.  A .docx input is copied with its formatting;
any other input (plain text, markdown, a macro-enabled or template Word file)
is first rendered as a plain .docx from the read :class:`Document`, so the
paragraph and table numbers in the findings still apply.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.exceptions import InvalidSpanError
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml.etree import _Element

from checkers.document import (
    ASCII_FIGURES,
    FULL_WIDTH,
    INVISIBLE,
    Document,
    Location,
    Paragraph,
    RawCell,
    Table,
    squash,
)
from checkers.finding import Finding
from checkers.readers.docx_reader import (
    RUN_CONTAINERS,
    W_BR,
    W_CR,
    W_NBH,
    W_P,
    W_R,
    W_T,
    W_TAB,
    W_TYPE,
    iter_numbered_blocks,
    paragraph_text,
    table_cell_elements,
)
from drafter.atomic import OutputError, atomic_write_bytes, guard_output

AUTHOR = "evalreport"
INITIALS = "ER"

W_RPR = qn("w:rPr")
W_FLDCHAR, W_FLDCHARTYPE = qn("w:fldChar"), qn("w:fldCharType")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_BLOCK_WRAPPERS = frozenset(qn(t) for t in ("w:sdt", "w:sdtContent", "w:customXml"))
# An excerpt longer than this is narrowed to the found value when that value occurs once in it.
_LONG_EXCERPT = 60


def comment_text(finding: Finding) -> str:
    """Chinese comment body: "[规则 SC102 错误] message（应为：…；实为：…）"."""
    text = f"[规则 {finding.rule} {finding.severity.label}] {finding.message}"
    if finding.expected is not None or finding.found is not None:
        text += f"（应为：{finding.expected or '—'}；实为：{finding.found or '—'}）"
    return text


def annotate_copy(path: Path, document: Document, findings: Sequence[Finding], target: Path) -> bool:
    """Write ``target``: a copy of the report at ``path`` with each finding as a Word comment.

    Returns True when the copy keeps the input's own formatting (a plain .docx), False when it was re-rendered
    from the read text. Raises :class:`drafter.atomic.OutputError` (Chinese message) when ``target``
    is the input itself or does not end in .docx.
    """
    path, target = Path(path), Path(target)
    guard_output(target, [path])
    if target.suffix.lower() != ".docx":
        raise OutputError(
            f"批注副本 {target} 必须是 Word 文件，请用 .docx 作为扩展名（例如 {target.with_suffix('.docx').name}）"
        )
    out, kept = _open_copy(path, document)
    annotate_docx(out, document, findings)
    buffer = io.BytesIO()
    out.save(buffer)
    atomic_write_bytes(target, buffer.getvalue())
    return kept


def _open_copy(path: Path, document: Document) -> tuple[DocxDocument, bool]:
    """The input as an editable python-docx document, and whether it is the input itself (not converted)."""
    if path.suffix.lower() == ".docx":
        try:
            return docx.Document(str(path)), True
        except (ValueError, KeyError, PackageNotFoundError):
            pass  # e.g. a template or macro-enabled file renamed to .docx: convert instead
    return document_to_docx(document), False


# --- converting a read Document (text / markdown input) to .docx -------------------------------


def document_to_docx(document: Document) -> DocxDocument:
    """Render a read report as a plain .docx: headings as Word headings, tables on their grid with merges."""
    out = docx.Document()
    out.core_properties.author = AUTHOR
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if block.heading_level is not None:
                out.add_heading(block.text, level=block.heading_level)
            else:
                out.add_paragraph(block.text)
        else:
            _add_table(out, block)
    return out


def _add_table(out: DocxDocument, table: Table) -> DocxTable:
    """A Word table with cells at their grid columns, spans and vertical merges made real."""
    n_cols = max(table.n_cols, 1)
    t = out.add_table(rows=len(table.rows), cols=n_cols)
    t.style = "Table Grid"
    for r, row in enumerate(table.rows):
        grid = t.rows[r].cells
        for cell in row:
            if cell.text:
                lines = cell.text.split("\n")
                grid[cell.col - 1].paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    grid[cell.col - 1].add_paragraph(line)
        for cell in row:
            if cell.span > 1:
                grid[cell.col - 1].merge(grid[min(cell.col + cell.span - 1, n_cols) - 1])
        if row and row[-1].col + row[-1].span - 1 < n_cols:
            grid[row[-1].col - 1].merge(grid[n_cols - 1])
    for r, row in enumerate(table.rows):
        for cell in row:
            if not cell.merged_from_above or r == 0:
                continue
            top, below = t.cell(r - 1, cell.col - 1), t.cell(r, cell.col - 1)
            if top._tc.grid_span != below._tc.grid_span:
                continue
            try:
                top.merge(below)
            except InvalidSpanError:
                continue
    return t


# --- anchoring -----------------------------------------------------------------------------------


@dataclass
class _Blocks:
    """Numbered body blocks of the copy, as the reader numbered them."""

    paragraphs: dict[int, _Element]
    tables: dict[int, _Element]


def annotate_docx(out: DocxDocument, document: Document, findings: Iterable[Finding]) -> None:
    """Add one comment per finding to ``out`` (the copy of ``document``)."""
    blocks = _Blocks({}, {})
    for kind, number, el in iter_numbered_blocks(out.element.body):
        (blocks.paragraphs if kind == "paragraph" else blocks.tables)[number] = el
    for finding in findings:
        runs, exact = _anchor(out, document, blocks, finding)
        text = comment_text(finding)
        if not exact:
            where = finding.location.describe()
            text += f"\n位置：{where}" + (f"；原文：{finding.excerpt}" if finding.excerpt else "")
        out.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)


def _anchor(out: DocxDocument, document: Document, blocks: _Blocks, finding: Finding) -> tuple[list[Run], bool]:
    """Runs to anchor the finding's comment on, and whether they are the finding's own place."""
    loc = finding.location
    if loc.table is not None and loc.table in blocks.tables:
        runs = _table_runs(out, blocks.tables[loc.table], loc, finding.found)
        if runs:
            return runs, True
    p = _finding_paragraph(document, blocks, finding)
    if p is not None:
        span = _span_in_paragraph(p, finding)
        runs = _isolate(out, p, *span) if span else _paragraph_runs(out, p)
        if runs:
            return runs, True
    return _document_start(out, blocks), False


def _finding_paragraph(document: Document, blocks: _Blocks, finding: Finding) -> _Element | None:
    """The paragraph element a paragraph (or section-only) finding points at."""
    loc = finding.location
    number = loc.paragraph
    if number is None and loc.table is None and loc.section:
        number = next((p.location.paragraph for p in document.headings if p.location.section == loc.section), None)
    if number is not None and number in blocks.paragraphs:
        el = blocks.paragraphs[number]
        expected = _document_paragraph_text(document, number)
        shown = squash(_comparable(paragraph_text(el)))
        if expected is None or (shown and squash(expected).endswith(shown)):  # the reader adds list labels in front
            return el
    if finding.excerpt and loc.table is None:
        for el in blocks.paragraphs.values():  # fallback: the first paragraph containing the excerpt
            if _find(_comparable(paragraph_text(el)), finding.excerpt) is not None:
                return el
    return None


def _document_paragraph_text(document: Document, number: int) -> str | None:
    paragraphs = document.paragraphs
    if 1 <= number <= len(paragraphs) and paragraphs[number - 1].location.paragraph == number:
        return paragraphs[number - 1].text
    return next((p.text for p in paragraphs if p.location.paragraph == number), None)


def _span_in_paragraph(p: _Element, finding: Finding) -> tuple[int, int] | None:
    """Character span of the offending text: the excerpt, narrowed to the found value when that is practical."""
    text = _comparable(_segments_text(_segments(p)))
    whole = len(text.strip())
    found = finding.found or ""
    excerpt_span = _find(text, finding.excerpt) if finding.excerpt else None
    if excerpt_span is not None:
        start, end = excerpt_span
        if found and (end - start >= min(_LONG_EXCERPT, whole)):
            for written in _ways_written(found):
                inner = _find_unique(text[start:end], written)
                if inner is not None:
                    return start + inner[0], start + inner[1]
        return excerpt_span
    for written in _ways_written(found) if found else ():
        span = _find_unique(text, written)
        if span is not None:
            return span
    return None


_INTEGER_PART = re.compile(r"\d{4,}")


def _ways_written(found: str) -> list[str]:
    """A found value as messages give it (2945.52万元) and with thousands separators (2,945.52万元)."""
    grouped = _INTEGER_PART.sub(lambda m: f"{int(m.group()):,}", found, count=1)
    return [found] if grouped == found else [found, grouped]


# the reader's figures (ASCII digits, no invisible characters) at the positions of the Word text: one character each
_COMPARABLE = str.maketrans(FULL_WIDTH + INVISIBLE, ASCII_FIGURES + " " * len(INVISIBLE))


def _comparable(text: str) -> str:
    """``text`` as the reader gives it, character for character (so spans found in it are spans of ``text``)."""
    return text.translate(_COMPARABLE)


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """Span of ``needle`` in ``text``; whitespace differences are tolerated."""
    needle = needle.strip()
    if not needle:
        return None
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle)
    positions = [k for k, ch in enumerate(text) if not ch.isspace()]
    squashed = "".join(text[k] for k in positions)
    target = squash(needle)
    j = squashed.find(target) if target else -1
    if j < 0:
        return None
    return positions[j], positions[j + len(target) - 1] + 1


def _find_unique(text: str, needle: str) -> tuple[int, int] | None:
    """Span of ``needle`` when it occurs exactly once in ``text``."""
    needle = needle.strip()
    if not needle or text.count(needle) != 1:
        return None
    i = text.find(needle)
    return i, i + len(needle)


# A segment is one text-bearing child of a run: (run element, child element or None, text).
_Segment = tuple[_Element, _Element | None, str]


def _child_text(el: _Element) -> str:
    tag = el.tag
    if tag == W_T:
        return el.text or ""
    if tag == W_TAB:
        return "\t"
    if tag in (W_BR, W_CR):
        return "\n" if el.get(W_TYPE) in (None, "textWrapping") else ""
    if tag == W_NBH:
        return "-"
    return ""


def _runs_of(p: _Element) -> list[_Element]:
    """``w:r`` elements of a paragraph in order, looking through hyperlinks, insertions, fields…"""
    runs: list[_Element] = []

    def walk(el: _Element) -> None:
        for child in el.iterchildren():
            if child.tag == W_R:
                runs.append(child)
            elif child.tag in RUN_CONTAINERS:
                walk(child)

    walk(p)
    return runs


def _segments(p: _Element) -> list[_Segment]:
    out: list[_Segment] = []
    for r in _runs_of(p):
        for child in r.iterchildren():
            if child.tag != W_RPR:
                out.append((r, child, _child_text(child)))
    return out


def _segments_text(segments: list[_Segment]) -> str:
    return "".join(text for _, _, text in segments)


def _split_run(r: _Element, offset: int) -> None:
    """Split run ``r`` so its first ``offset`` characters stay in it and the rest move to a copy after it."""
    children = [c for c in r.iterchildren() if c.tag != W_RPR]
    pos = 0
    for i, child in enumerate(children):
        length = len(_child_text(child))
        if pos + length <= offset:
            pos += length
            continue
        tail = copy.deepcopy(r)
        for c in list(tail.iterchildren()):
            if c.tag != W_RPR:
                tail.remove(c)
        cut = offset - pos
        moving = children[i:]
        if cut > 0:  # only a w:t can be cut inside: it is the only child longer than one character
            right = copy.deepcopy(child)
            right.text = (child.text or "")[cut:]
            child.text = (child.text or "")[:cut]
            for t in (child, right):
                t.set(XML_SPACE, "preserve")
            tail.append(right)
            moving = children[i + 1 :]
        for c in moving:
            tail.append(c)  # moves the element out of r
        r.addnext(tail)
        return


def _split_at(p: _Element, offset: int) -> None:
    """Make ``offset`` a run boundary in paragraph ``p``."""
    pos = 0
    for r in _runs_of(p):
        length = len("".join(_child_text(c) for c in r.iterchildren() if c.tag != W_RPR))
        if pos < offset < pos + length:
            _split_run(r, offset - pos)
            return
        pos += length
        if pos >= offset:
            return


def _isolate(out: DocxDocument, p: _Element, start: int, end: int) -> list[Run]:
    """Split runs so ``[start, end)`` is whole runs; return those runs."""
    _split_at(p, end)
    _split_at(p, start)
    chosen: list[_Element] = []
    pos = 0
    for r in _runs_of(p):
        length = len("".join(_child_text(c) for c in r.iterchildren() if c.tag != W_RPR))
        if length and pos >= start and pos + length <= end:
            chosen.append(r)
        pos += length
    return _wrap(out, p, chosen)


def _paragraph_runs(out: DocxDocument, p: _Element) -> list[Run]:
    texty = [r for r in _runs_of(p) if any(_child_text(c) for c in r.iterchildren())]
    return _wrap(out, p, texty)


def _field_bounds(p: _Element) -> dict[int, tuple[_Element, _Element]]:
    """id(run) → (the begin run, the end run) of the outermost complex field (“{ =SUM(ABOVE) }”) whose text it is in:
    a comment around a field's result alone would be lost when Word updates the field."""
    runs = _runs_of(p)
    out: dict[int, tuple[_Element, _Element]] = {}
    depth, begin, inside = 0, None, []
    for r in runs:
        kind = next((c.get(W_FLDCHARTYPE) for c in r.iterchildren(W_FLDCHAR)), None)
        if kind == "begin":
            depth += 1
            if depth == 1:
                begin, inside = r, []
        if depth:
            inside.append(r)
        if kind == "end" and depth:
            depth -= 1
            if depth == 0 and begin is not None:
                out.update((id(x), (begin, r)) for x in inside)
    return out


def _wrap(out: DocxDocument, p: _Element, runs: list[_Element]) -> list[Run]:
    if not runs:
        return []
    first, last = runs[0], runs[-1]
    if next(p.iter(W_FLDCHAR), None) is not None:  # in a field's result: the comment goes around the whole field
        bounds = _field_bounds(p)
        first = bounds.get(id(first), (first, first))[0]
        last = bounds.get(id(last), (last, last))[1]
    paragraph = DocxParagraph(p, out._body)  # type: ignore[arg-type]
    return [Run(first, paragraph), Run(last, paragraph)]  # type: ignore[arg-type]


def _cell_paragraphs(tc: _Element) -> list[_Element]:
    """Direct paragraphs of a cell (looking through content controls, not into nested tables)."""
    out: list[_Element] = []

    def walk(el: _Element) -> None:
        for child in el.iterchildren():
            if child.tag == W_P:
                out.append(child)
            elif child.tag in _BLOCK_WRAPPERS:
                walk(child)

    walk(tc)
    return out


def _table_runs(out: DocxDocument, tbl: _Element, loc: Location, found: str | None = None) -> list[Run]:
    """Runs of the cell at (row, col); a finding on a whole row anchors across the row, one on a whole column (a
    table written on its side) on the column's cell holding the found value, else its first cell."""
    rows = [row for row in table_cell_elements(tbl) if row]
    if not rows:
        return []
    r = min(max((loc.row or 1) - 1, 0), len(rows) - 1)
    needle = (found or "").removesuffix("分")  # a score found as “87.5分” is written “87.5” in a table
    if loc.row is None and loc.col is not None and needle:
        r = next((i for i, row in enumerate(rows)
                  if any(cell.col <= loc.col < cell.col + cell.span and needle in cell.text for cell, _ in row)), r)  # fmt: skip
    if loc.col is None:
        cells = [tc for _, tc in rows[r]]
    else:
        tc = _cell_at(rows, r, loc.col)
        if tc is None:
            return []
        cells = [tc]
    paragraphs = [p for tc in cells for p in _cell_paragraphs(tc)]
    runs = [run for p in paragraphs for run in _paragraph_runs(out, p)]
    if runs:
        return [runs[0], runs[-1]]
    # Empty cells: anchor on a new empty run so the comment still marks the place.
    if paragraphs:
        p = paragraphs[0]
    else:
        p = OxmlElement("w:p")
        cells[0].append(p)
    r_el = OxmlElement("w:r")
    p.append(r_el)
    return _wrap(out, p, [r_el])


def _cell_at(rows: list[list[tuple[RawCell, _Element]]], r: int, col: int) -> _Element | None:
    """The ``w:tc`` holding grid column ``col`` of row ``r`` (walking up through vertical merges)."""
    while True:
        hit = next(((cell, tc) for cell, tc in rows[r] if cell.col <= col < cell.col + cell.span), None)
        if hit is None:
            return None
        cell, tc = hit
        if not cell.merged_from_above or r == 0:
            return tc
        r -= 1


def _document_start(out: DocxDocument, blocks: _Blocks) -> list[Run]:
    """Fallback anchor: the first paragraph (the title), else a new paragraph at the top."""
    for p in blocks.paragraphs.values():
        runs = _paragraph_runs(out, p)
        if runs:
            return runs
    body = out.element.body
    p = OxmlElement("w:p")
    body.insert(0, p)
    r_el = OxmlElement("w:r")
    p.append(r_el)
    return _wrap(out, p, [r_el])
