"""Markdown reader: ``#`` headings, pipe tables, paragraphs and list items."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

from checkers.document import ARABIC_NUMBER_END, CN_DIGITS, Document, DocumentBuilder, RawCell, infer_vertical_merges
from checkers.readers.errors import ReadError
from checkers.readers.text_reader import numbered_title, read_file_text, split_lines, strip_bookmarks

_ATX_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE_RE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BULLET_RE = re.compile(r"^\s*(?:[-*+]\s+|>\s?)")
_ITEM_START_RE = re.compile(
    rf"^\s*(?:[-*+]\s|\d{{1,3}}[.、．)]{ARABIC_NUMBER_END}|[（(]\s*(?:\d{{1,3}}|[{CN_DIGITS}]+)\s*[）)]|[{CN_DIGITS}]+、)"
)
_LIST_BULLET_RE = re.compile(r"^\s*[-*+]\s")
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_ESCAPED_START_RE = re.compile(r"^\\(?=[#>|*+\-\d])")  # a paragraph the writer kept from reading as markup
_CJK_RE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


_HTML_TABLE_START = re.compile(r"^\s{0,3}<table\b", re.I)


class _TableCells(HTMLParser):
    """The rows of an HTML table: (text, rowspan, colspan) per cell, <br> as a line break; ``lines`` holds each row's
    line, counted from the table's first line: that of its first cell (where its text is), else of its ``<tr>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self.lines: list[int] = []
        self._cell: list[str] | None = None
        self._spans = (1, 1)
        self._row_has_cell = False

    def _new_row(self) -> None:
        self.rows.append([])
        self.lines.append(self.getpos()[0])
        self._row_has_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._new_row()
        elif tag in ("td", "th"):
            if not self.rows:
                self._new_row()
            if not self._row_has_cell:
                self.lines[-1], self._row_has_cell = self.getpos()[0], True
            values = dict(attrs)
            self._cell, self._spans = [], (_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell).strip(), *self._spans))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(re.sub(r"\s+", " ", data) if "\n" in data else data)


def _span(value: str | None) -> int:
    return max(1, int(value)) if value and value.strip().isdigit() else 1


def html_table_rows(html: str, line: int) -> list[list[RawCell]]:
    """The grid of an HTML table starting on line ``line``: a cell spanning rows leaves a merged cell below it, one
    spanning columns a span; each row's cells carry the row's line (see :class:`_TableCells`)."""
    parser = _TableCells()
    parser.feed(html)
    parser.close()
    below: dict[int, tuple[int, int]] = {}  # grid column → (rows still covered by a cell above, its colspan)
    rows: list[list[RawCell]] = []
    for cells, at in zip(parser.rows, parser.lines, strict=True):
        row_line = line + at - 1
        row: list[RawCell] = []
        col = 1
        queue = list(cells)
        while queue or any(c >= col for c in below):
            if col in below:
                left, width = below[col]
                row.append(RawCell("", col, merged_from_above=True, span=width, line=row_line))
                below.update({col: (left - 1, width)} if left > 1 else {})
                if left <= 1:
                    del below[col]
                col += width
                continue
            if not queue:
                col += 1
                continue
            text, rowspan, colspan = queue.pop(0)
            row.append(RawCell(_emphasis_off(text), col, span=colspan, line=row_line))
            if rowspan > 1:
                below[col] = (rowspan - 1, colspan)
            col += colspan
        if row:
            rows.append(row)
    return rows


def _inline(text: str) -> str:
    """Drop emphasis markers and bullets, keep the text."""
    text = _BULLET_RE.sub("", text)
    return text.replace("**", "").replace("__", "").strip()


def _split_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = re.split(r"(?<!\\)\|", s)
    return [_BR_RE.sub("\n", _emphasis_off(c.replace("\\|", "|"))).strip() for c in cells]


def _emphasis_off(cell: str) -> str:
    """A cell's text without bold/italic markers (“**合计**”, “**6**” are 合计 and 6)."""
    return cell.replace("**", "").replace("__", "")


def _pipe_row(line: str) -> bool:
    """A line written as a table row: “| … | … |”."""
    stripped = line.strip()
    return len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3


def _join(a: str, b: str) -> str:
    if a and b and _CJK_RE.match(a[-1]) and _CJK_RE.match(b[0]):
        return a + b
    return f"{a} {b}"


def parse_markdown(text: str, path: str | os.PathLike[str]) -> Document:
    """Parse markdown text into a :class:`Document`."""
    builder = DocumentBuilder(str(path))
    lines = [strip_bookmarks(x) for x in split_lines(text)]
    para: list[str] = []
    para_line = 0
    para_is_item = False

    def flush() -> None:
        nonlocal para
        if para:
            joined = para[0]
            for part in para[1:]:
                joined = _join(joined, part)
            joined = _BR_RE.sub("\n", _ESCAPED_START_RE.sub("", joined))
            builder.add_paragraph(joined, line=para_line, may_be_heading=not para_is_item)
        para = []

    i = 0
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        if not line.strip() or _RULE_RE.match(line) or line.strip().startswith("```"):
            flush()
            i += 1
            continue
        if _HTML_TABLE_START.match(line):  # a table with merged cells, written in HTML by a converter
            flush()
            end = next((k for k in range(i, len(lines)) if "</table>" in lines[k].lower()), len(lines) - 1)
            rows = html_table_rows("\n".join(lines[i : end + 1]), lineno)
            if rows:
                builder.add_table(rows, line=lineno)
            i = end + 1
            continue
        m = _ATX_RE.match(line)
        if m:
            flush()
            builder.add_paragraph(_inline(m.group(2)), line=lineno, style_level=len(m.group(1)), prefer_numbering=True)
            i += 1
            continue
        separated = "|" in line and i + 1 < len(lines) and _SEPARATOR_RE.match(lines[i + 1])
        if separated or _pipe_row(line) and i + 1 < len(lines) and _pipe_row(lines[i + 1]):  # (a forgotten |---| line)
            flush()
            rows = [[RawCell(t, c) for c, t in enumerate(_split_row(line), 1)]]
            for cell in rows[0]:
                cell.line = lineno
            i += 2 if separated else 1
            while i < len(lines) and "|" in lines[i] and lines[i].strip() and not _SEPARATOR_RE.match(lines[i]):
                row = [RawCell(t, c, line=i + 1) for c, t in enumerate(_split_row(lines[i]), 1)]
                if len(row) != len(rows[0]):
                    raise ReadError(
                        f"“{os.fspath(path)}”第{i + 1}行：表格这一行有{len(row)}个单元格，表头（第{lineno}行）有{len(rows[0])}个，"
                        "各列会错位。请补齐或删去多余的单元格（空单元格写作“| |”，文字中的竖线写作“\\|”）后重试。"
                    )
                rows.append(row)
                i += 1
            infer_vertical_merges(rows)
            builder.add_table(rows, line=lineno)
            continue
        if para and _ITEM_START_RE.match(line):
            flush()
        if not para:
            para_line = lineno
            para_is_item = bool(_LIST_BULLET_RE.match(line))
        para.append(_inline(line))
        if len(para) == 1 and numbered_title(line) and not _LIST_BULLET_RE.match(line):  # “（一）过程管理情况” on a line of its own, no blank line after it
            flush()
        i += 1
    flush()
    return builder.build()


def read_markdown(path: str | os.PathLike[str]) -> Document:
    """Read a markdown report."""
    return parse_markdown(read_file_text(path), path)
