"""Plain-text reader, including the Word "save as text" export used by the seeds.

Export format: a table cell is a line starting with a tab; a blank line ends a
table row; an empty tab line is an empty (often vertically merged) cell; lines
that do not start with a tab continue the current cell.  A table ends when a
non-tab line follows a blank line, except for two cell continuations that the
exports produce after a blank line: vertical text ("主", "", "要", …) and the
next item of a numbered list inside the cell ("3.…", "", "4.…").  A line that
starts with a space right after a cell also ends the table: the export writes
the first line after a page or section break that way.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from checkers.document import (
    ARABIC_NUMBER_END,
    Document,
    DocumentBuilder,
    Paragraph,
    RawCell,
    infer_vertical_merges,
    is_caption_text,
)
from checkers.readers.errors import ReadError

_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
_LIST_ITEM_RE = re.compile(rf"^(?:(\d{{1,3}})[.、．]{ARABIC_NUMBER_END}|[（(](\d{{1,3}})[）)])")
_BAD_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def strip_bookmarks(line: str) -> str:
    """Remove ``[bookmark: _Toc…]`` artifacts of the Word text export."""
    return _BOOKMARK_RE.sub("", line) if "[bookmark:" in line else line


STRAY_NULS = 16  # at most this many NUL bytes in otherwise good text are dropped (a copy damaged in passing)
UTF16_SHARE = 0.9  # the share of Chinese, ASCII and common punctuation in text read as UTF-16 without a BOM
# Characters of a Chinese report: ASCII, Latin-1 signs (°×·), general punctuation (“”—…), number forms (Ⅱ), arrows,
# math, enclosed numbers (①), boxes and shapes (■●), CJK punctuation, ideographs, compatibility and full-width forms.
_REPORT_CHAR_RE = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u22ff\u2460-\u25ff\u3000-\u303f"
    r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def _binary(name: str, data: bytes) -> ReadError:
    """The refusal of a file that is no text, naming its first NUL byte when it has one."""
    nul, count = data.find(b"\x00"), data.count(b"\x00")
    where = f"：其中有 {count} 个空字节（NUL），第一个在第 {nul + 1} 个字节处" if nul >= 0 else ""
    return ReadError(
        f"文件“{name}”看起来是二进制文件，不是文本{where}。"
        "请提供 .docx、.md 或 .txt 格式的报告（可在 Word 中“另存为”这些格式）；"
        "如果它本是文本报告，请用记事本打开，“另存为”UTF-8 编码的 .txt 后重试。"
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """Text written as UTF-16 without a byte-order mark (little- or big-endian, told by where its NUL bytes fall),
    when it decodes cleanly to mostly the characters of a Chinese report; else None."""
    sample = data[: min(len(data), 65536) // 2 * 2]
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd + even < 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        text = sample.decode(encoding, "replace")
        if len(_REPORT_CHAR_RE.findall(text)) >= UTF16_SHARE * len(text):
            try:
                return data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, path: str | os.PathLike[str]) -> str:
    """Decode text: UTF-16 (with a BOM, or without when it reads as such), UTF-8 (BOM allowed), then GB18030, then
    charset detection. A few stray NUL bytes and NUL padding at the end are dropped; more NULs are refused."""
    name = Path(path).name
    if not data.strip():
        raise ReadError(f"文件“{name}”是空的，没有可检查的内容。请确认选择了正确的报告文件。")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    original = data
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        kept = data.rstrip(b"\x00")  # (a file cut short and padded with zeros keeps its text)
        if not kept.strip() or kept.count(b"\x00") > STRAY_NULS:
            raise _binary(name, data)
        data = kept.replace(b"\x00", b"")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            if encoding == "utf-8-sig" and exc.start >= len(data) - 3 and "end of data" in exc.reason:
                text = data[: exc.start].decode(encoding)  # a copy cut inside its last character: UTF-8 all the same
                break
            continue
    else:
        if original is not data:  # (NULs dropped from what is no UTF-8 or GB18030 text either: some binary file)
            raise _binary(name, original)
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ReadError(
                f"无法识别文件“{name}”的文字编码。请用记事本或 Word 将其另存为 UTF-8 编码的 .txt 文件后重试。"
            )
        text = str(best)
    if len(_BAD_CONTROL_RE.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise _binary(name, original)
    return text


def read_file_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a text file, raising :class:`ReadError` with a Chinese message."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"无法打开文件“{path}”：{exc.strerror or exc}。请检查路径和读取权限。") from exc
    return decode_bytes(data, path)


def split_lines(text: str) -> list[str]:
    """Split on any newline convention."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _continues_cell(cell_text: str, line: str) -> bool:
    """Whether ``line``, found after one blank line inside a table, still belongs to the cell."""
    last = cell_text.rsplit("\n", 1)[-1].strip()
    if not last:
        return False
    if len(line) <= 2 and len(last) <= 2:  # vertical text: 主 / 要 / 绩 / 效
        return True
    m_last, m_line = _LIST_ITEM_RE.match(last), _LIST_ITEM_RE.match(line)
    if m_last and m_line:
        prev = int(m_last.group(1) or m_last.group(2))
        cur = int(m_line.group(1) or m_line.group(2))
        return cur == prev + 1
    return False


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?%?|\d+(?:\.\d+)?%?", text.strip().rstrip("分")))


def align_rows(rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """Restore what the text export loses from Word tables.

    A row split in two by a stray blank line (a label alone, then the rest) is joined again; a short row whose
    later cells hold numbers (a 合计 row whose merged cells vanished) keeps its label in column 1, spanning the
    gap, and its numbers under the right-hand columns; so does a short header row over full-width rows (its first
    heading merged over the label columns). A short row of headings over rows as short (a 自评表's 资金 part above its
    指标 part) starts a part whose rows keep their cells under that header's.
    """
    width = max((len(r) for r in rows), default=0)
    joined: list[list[RawCell]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        following = rows[index + 1] if index + 1 < len(rows) else None
        if (
            following is not None and joined and len(row) == 1 and len(following) == width - 1
            and not any(_is_number(c.text) for c in row) and following and following[0].text
        ):  # fmt: skip
            row = row + following
            index += 1
        for col, raw in enumerate(row, 1):
            raw.col, raw.span = col, 1
        joined.append(row)
        index += 1
    full = [r for r in joined[1:] if len(r) == width]
    short_header = bool(joined) and len(joined) > 2 and len(full) * 2 > len(joined) - 1 and all(
        _is_number(c.text) for r in full for c in r[width - len(joined[0]) + 1 :])  # (headings over figure columns only)
    part_width = 0  # the width of a short sub-header's part (a 自评表's 资金 rows under their own header)
    for number, row in enumerate(joined):
        header = number == 0 and short_header
        if number and 2 < len(row) < width and not any(_is_number(c.text) for c in row) \
                and len(joined) > number + 1 and len(joined[number + 1]) == len(row):  # fmt: skip
            part_width = len(row)  # “项目资金|…|年初预算数|全年预算数|全年执行数|分值|执行率|得分” over rows as wide
            continue
        if part_width and len(row) == part_width:
            continue  # a row of that part: its cells stand under its own header's
        part_width = 0
        if 1 < len(row) < width and (header or any(_is_number(c.text) for c in row[1:])):
            # (the header too: “补助类别” merged over two label columns, the figures' headers over their columns)
            gap = width - len(row)
            row[0].span = gap + 1
            for offset, raw in enumerate(row[1:], 1):
                raw.col = offset + gap + 1
    return joined


_TOTAL_CELL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计|共\s*计|总分)")


def _pad_pasted_rows(table: list[list[RawCell]]) -> None:
    """Give every row of a pasted table the table's width. A browser's copy leaves out the cells merged down from the
    rows above (“A1项目立项⇥A11…⇥5⇥5”, then “A12…⇥3⇥3”): a short row whose later cells hold figures is its last
    cells, the gap merged from above; a short 合计 row's label spans the gap; other short rows end early."""
    width = max(len(r) for r in table)
    for r in table:
        gap = width - len(r)
        figures = gap > 0 and any(_is_number(c.text) for c in r[1:])
        if figures and _TOTAL_CELL.match(r[0].text):
            r[0].span = gap + 1
            for offset, raw in enumerate(r[1:], 1):
                raw.col = offset + gap + 1
            continue
        if figures:
            r[:0] = [RawCell("", 0, line=r[0].line) for _ in range(gap)]
        else:
            r.extend(RawCell("", 0, line=r[0].line) for _ in range(gap))
        for col, raw in enumerate(r, 1):
            raw.col = col


def parse_text(text: str, path: str | os.PathLike[str]) -> Document:
    """Parse already-decoded text into a :class:`Document`."""
    builder = DocumentBuilder(str(path))
    rows: list[list[RawCell]] | None = None
    row: list[RawCell] = []
    cell: RawCell | None = None
    table_line = 0
    blank_run = 0

    def flush() -> None:
        nonlocal rows, cell
        if rows is not None and _indented_paragraphs(rows):
            for paragraph in (c for r in rows for c in r):
                builder.add_paragraph(paragraph.text, line=paragraph.line)
        elif rows is not None:
            rows = align_rows(rows)
            infer_vertical_merges(rows)
            builder.add_table(rows, line=table_line)
        rows, cell = None, None

    raw_lines = [strip_bookmarks(raw) for raw in split_lines(text)]
    lines, origin = unwrap_lines(raw_lines)
    pasted = _pasted_rows(lines)
    for position, line in enumerate(lines, 1):
        lineno = origin[position - 1]  # the line in the file (a PDF's wrapped lines are joined into the first)
        if position in pasted:  # a table copied from Word: one row per line, cells between tabs
            if pasted[position] == position:
                flush()
                run = [n for n in range(position, len(lines) + 1) if pasted.get(n) == position]
                table = [[RawCell(t.strip(), c, line=origin[n - 1]) for c, t in enumerate(lines[n - 1].split("\t"), 1)]
                         for n in run]  # fmt: skip
                _pad_pasted_rows(table)
                infer_vertical_merges(table)
                builder.add_table(table, line=lineno)
            blank_run = 0
            continue
        if line.startswith("\t"):
            if rows is None:
                rows, row, table_line = [], [], lineno
                rows.append(row)
            elif blank_run:
                row = []
                rows.append(row)
            cell = RawCell(line[1:].strip(), len(row) + 1, line=lineno)
            row.append(cell)
            blank_run = 0
            continue
        stripped = line.strip()
        if not stripped:
            if rows is not None:
                blank_run += 1
            continue
        if rows is not None and cell is not None:
            # The export starts the first line after a page/section break with a
            # space; such a line right after a cell ends the table, as does a numbered title after
            # paragraphs indented with a tab (one cell a row: no table of Word's export).
            heading_after_paragraphs = numbered_title(stripped) and _indented_paragraphs(rows)
            if (blank_run == 0 and not line.startswith(" ") and not heading_after_paragraphs) or (
                blank_run == 1 and _continues_cell(cell.text, stripped)
            ):
                cell.text = f"{cell.text}\n{stripped}" if cell.text else stripped
                blank_run = 0
                continue
            flush()
        blank_run = 0
        builder.add_paragraph(stripped, line=lineno)
    flush()
    document = builder.build()
    document.unwrapped = len(lines) != len(raw_lines)
    if document.unwrapped:
        number_prose(document)
    return document


def number_prose(document: Document) -> None:
    """Number PDF text's paragraphs under their heading as the report does: a line of a table the export broke up
    (“A11立项依据充分性”, “20”) is no paragraph; such a line takes the number of the paragraph before it. A paragraph
    counts when it ends a sentence or is a table's caption."""
    count = 0
    for block in document.blocks:
        if not isinstance(block, Paragraph):
            continue
        if block.is_heading:
            count = 0
            continue
        if block.text.endswith(SENTENCE_END) or is_caption_text(block.text):
            count += 1
        block.location.in_section = max(count, 1)


SENTENCE_END = ("。", "！", "？", "；", "：", "!", "?", ";", ":", "”", "」")
_PUNCTUATION_END = re.compile(r"[，,、。；;：:！!？?”」）)]$")
NUMBERED_TITLE = re.compile(rf"^(?:[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十\d]{{1,3}}[）)]|\d{{1,2}}[.、．]{ARABIC_NUMBER_END})")
TITLE_LENGTH = 30


def numbered_title(line: str) -> bool:
    """A short numbered line without a sentence's end (“一、基本情况”, “（一）过程管理情况”): a heading, even with no
    blank line around it (text pasted into a file)."""
    text = line.strip()
    return bool(NUMBERED_TITLE.match(text)) and len(text) <= TITLE_LENGTH and not _PUNCTUATION_END.search(text)
PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:\d{1,4}(?:\s*/\s*\d{1,4})?|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|(?i:page)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?)[-—–－\s]*$"
)  # “3”, “—3—”, “- 3 -”, “2 / 24”, “第2页/共24页”, “Page 3 of 24”
_NUMBERED_START = re.compile(rf"^(?:[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十\d]{{1,3}}[）)]|\d{{1,2}}[.、．]{ARABIC_NUMBER_END}|[A-Z]\d{{0,3}}[\u4e00-\u9fff])")
FULL_LINE = (0.85, 1.1)  # a full line's width, as a share of the text's common full line (the upper bound: telling PDF text)
WRAPPED_SHARE = 0.2  # the share of lines running to the full width without ending a sentence that marks PDF text
_WIDE_SIGNS = "“”‘’…—"  # (set full-width in a Chinese page, though Unicode leaves their width open)
_FIGURE = "0123456789%"


def wide(char: str) -> bool:
    """A character taking two columns on a Chinese page: ideographs, CJK and full-width punctuation, Chinese quotes."""
    return unicodedata.east_asian_width(char) in "WF" or char in _WIDE_SIGNS


def columns(line: str) -> int:
    """The width of a line in display columns: two for a wide character, one for ASCII (“2024” is as wide as “年度”)."""
    return sum(2 if wide(char) else 1 for char in line)


_INNER_SPACE = re.compile(r"(?<=\S) (?=\S)")


def close_up(line: str) -> str:
    """A line of PDF text without the spaces pdftotext puts between ideographs (a justified line's “审 计 金 额”) and
    between an ideograph and a figure (“截至 2024 年”, “100% ，”); a space between ASCII words or two numbers stays."""

    def space(match: re.Match[str]) -> str:
        before, after = line[match.start() - 1], line[match.end()]
        closes = wide(before) and (wide(after) or after in _FIGURE) or before in _FIGURE and wide(after)
        return "" if closes else " "

    return _INNER_SPACE.sub(space, line)


_LAYOUT_GAP = re.compile(r"\S {2,}\S")
_INNER_STOP = re.compile(r"[。；！？;!?]")
_PAIRS = ("（）", "()", "《》", "“”", "〔〕", "［］", "[]")
INDENT = 4  # a paragraph's first line is set in by two ideographs: four columns


def table_row(line: str) -> bool:
    """A table's row in pdftotext -layout: cells set apart by runs of spaces (“A.决策      20     16     80%”)."""
    return bool(_LAYOUT_GAP.search(line.strip()))


def heading_shaped(line: str, width: int) -> bool:
    """A numbered heading (“（二）建设智慧安防小区，提升治安管理水平”): a numbered line without a sentence's end or stop
    inside it, its brackets closed, shorter than the page's width (its spaces counted: a justified line fills it)."""
    text = close_up(line.strip())
    return bool(NUMBERED_TITLE.match(text)) and not _PUNCTUATION_END.search(text) and not _INNER_STOP.search(text) \
        and columns(line.strip()) < width and all(text.count(pair[0]) == text.count(pair[1]) for pair in _PAIRS)


def whole_heading(line: str, width: int) -> bool:
    """A numbered heading ending short of even an indented first line's width: its text ended there."""
    return heading_shaped(line, width) and columns(line.strip()) < width - INDENT


def indented_first_line(line: str, width: int) -> bool:
    """A paragraph's first line running on: as wide as the page less its indent, without ending a sentence."""
    return FULL_LINE[0] * width <= columns(line) <= width - INDENT and not line.endswith(SENTENCE_END)


def runs_on(last: str, line: str, width: int) -> bool:
    """Whether a heading-shaped ``last`` may be followed by its own second line ``line``: not when it ended short, nor
    when ``line`` is a heading or a paragraph's first line (“…规范项目管理与监督” then “杭州市公安局…”)."""
    if not heading_shaped(last, width):
        return True
    return not (whole_heading(last, width) or heading_shaped(line, width) or indented_first_line(close_up(line), width))


RUNNING_SHARE = 0.5  # a line at the top or foot of at least this share of the pages is a running header or footer
RUNNING_PAGES = 3  # (and of at least this many pages)
EDGE_LINES = 2  # the lines at either end of a page a running header or footer may take


def _pages(lines: list[str]) -> list[list[int]]:
    """The indexes of each page's lines holding text, page numbers left out; pdftotext starts a page with a form feed."""
    pages: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if "\f" in line and pages[-1]:
            pages.append([])
        text = line.replace("\f", "").strip()
        if text and not PAGE_NUMBER.match(text):
            pages[-1].append(index)
    return pages


def running_lines(lines: list[str]) -> set[int]:
    """The indexes of a running header or footer's lines (the report's title, “XX公司 第3页”): the text found at the
    top or foot of most pages, its figures aside, no sentence's end (“该指标得3分。”). The first page's top stays: it may
    be the title itself."""
    pages = _pages(lines)

    def key(index: int) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s", "", lines[index]))

    edges = [[index for index in page[:EDGE_LINES] + page[-EDGE_LINES:] if not lines[index].strip().endswith(SENTENCE_END)]
             for page in pages]  # fmt: skip
    counts: dict[str, int] = {}
    for edge in edges:
        for text in {key(index) for index in edge}:
            counts[text] = counts.get(text, 0) + 1
    least = max(RUNNING_PAGES, RUNNING_SHARE * len(pages))
    running = {index for edge in edges for index in edge if counts[key(index)] >= least}
    return running - set(pages[0][:EDGE_LINES])


def unwrap_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """Text taken out of a PDF (pdftotext, a copy from a PDF viewer) breaks every paragraph into lines of the page's
    width, and puts page numbers (“—3—”) and often a running header between pages: the lines of one paragraph are
    joined again (across pages too), page numbers and running headers dropped and pdftotext's spaces among ideographs
    taken out, so a sentence broken as “得\n分3分” is read whole. Headings and -layout table rows stay lines of their
    own. Returns the lines and, for each, the line of the file it starts on. Text whose paragraphs are whole lines
    (Word's export, Markdown) is returned as it is."""
    origin = list(range(1, len(lines) + 1))
    body = [close_up(line.strip()) for line in lines if line.strip() and "\t" not in line]  # (cells: no wrapped prose)
    if len(body) < 5:
        return lines, origin
    widths = sorted(columns(line) for line in body)
    width = widths[int(len(widths) * 0.9)]

    def full(line: str) -> bool:
        """A line running to the page's width (or beyond it: a justified line's letter-spacing, spaces pdftotext put
        in around figures) without ending a sentence."""
        return columns(line) >= FULL_LINE[0] * width and not line.endswith(SENTENCE_END)

    wrapped = sum(1 for line in body if full(line) and columns(line) <= FULL_LINE[1] * width  # cut mid-word: a PDF's
                  and not _PUNCTUATION_END.search(line))
    if wrapped < 3 or wrapped < WRAPPED_SHARE * len(body):
        return lines, origin
    out: list[str] = []
    out_origin: list[int] = []
    last = ""  # the last physical line of the paragraph being joined, as pdftotext spaced it
    running = running_lines(lines)
    for number, raw in enumerate(lines, 1):
        text = raw.strip().replace("\f", "")
        line = close_up(text)
        if "\t" in raw or PAGE_NUMBER.match(line) and line or number - 1 in running:
            if "\t" in raw:  # a table's cell or row: as it is
                out.append(raw)
                out_origin.append(number)
                last = ""
            continue  # (a page number, running header or footer between pages)
        if not line:
            if not full(last) or whole_heading(last, width) or table_row(last):  # (else: a page break in a paragraph)
                out.append("")
                out_origin.append(number)
                last = ""
            continue
        joins = bool(out) and out[-1].strip() != "" and not table_row(last) and not table_row(text) and (
            full(last) or "，" in last and not last.endswith(SENTENCE_END) and not _NUMBERED_START.match(line)
        ) and runs_on(last, text, width)
        if joins:
            end, start = out[-1][-1:], line[:1]  # (English words keep their space; a number wrapped mid-way is one number)
            glue = " " if end.isascii() and end.isalnum() and start.isascii() and start.isalnum() and not (end.isdigit() and start.isdigit()) else ""
            out[-1] = out[-1] + glue + line
        else:
            out.append(line)
            out_origin.append(number)
        last = text
    return out, out_origin


def _pasted_rows(lines: list[str]) -> dict[int, int]:
    """Line number → the first line of its table, for runs of two or more lines holding two or more cells between
    tabs (“B14运转程序规范性\t4\t3”; a merged first cell leaves the line opening with a tab). Word's own text export
    puts one cell per line instead, after a tab."""
    is_row = [len(line.split("\t")) >= 2 and sum(1 for field in line.split("\t") if field.strip()) >= 2 for line in lines]
    out: dict[int, int] = {}
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and is_row[end]:
            end += 1
        if end - index >= 2:
            out.update({n + 1: index + 1 for n in range(index, end)})
        index = max(end, index + 1)
    return out


def _indented_paragraphs(rows: list[list[RawCell]]) -> bool:
    """Paragraphs indented with a tab, not a table: one cell a row (or one row), most of them sentences."""
    cells = [c for r in rows for c in r]
    if not (len(rows) == 1 or all(len(r) == 1 for r in rows)) or not cells:
        return False
    prose = [c for c in cells if c.text.rstrip().endswith(("。", "；", "！", "？", "：", ":")) or len(c.text) > PROSE_CELL]
    return len(prose) * 2 > len(cells)


PROSE_CELL = 40  # a lone cell this long is a paragraph, not a table's cell


def read_text(path: str | os.PathLike[str]) -> Document:
    """Read a plain-text report."""
    return parse_text(read_file_text(path), path)
