"""Markdown reader: ``#`` headings, pipe tables, paragraphs and list items."""

from __future__ import annotations

import os
import re
import unicodedata
from html.parser import HTMLParser

from checkers.document import ARABIC_NUMBER_END, CN_DIGITS, Document, DocumentBuilder, RawCell, infer_vertical_merges
from checkers.readers.errors import ReadError
from checkers.readers.text_reader import numbered_title, read_file_text, split_lines, strip_bookmarks

_ATX_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+\{[#.][^{}]*\})?\s*#*\s*$")  # (“{#id .class}”: its attributes)
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


# Pandoc's own tables (its default Markdown): grid tables (“+---+” borders, “|” between cells, “+===+” under the
# header, cells wrapped over several lines, merged cells), multiline tables (a line of dashes per column under the
# header, rows apart by blank lines) and simple tables (one line a row). Their columns line up on screen, where a
# Chinese character takes two columns.
_GRID_BORDER_RE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_DASH_LINE_RE = re.compile(r"^\s*-{2,}(?:\s+-{2,})*\s*$")
_GRID_EDGE = frozenset("-=:+")  # what a grid table's horizontal borders are drawn with
_GRID_SIDE = frozenset("|+")  # and its vertical ones
_HARD_BREAK = "\\"  # a line ending in a backslash: pandoc's line break within a cell
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~^$\"'@&])")
_WORD_END_RE = re.compile(r"[A-Za-z]")
_WIDE = ("W", "F")


class UnreadableTable(Exception):
    """A pandoc table whose borders or columns do not line up (``line`` is its first line)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _layout(line: str, wide: bool = True) -> list[str]:
    """``line`` laid out in screen columns: a wide (Chinese) character takes two, the second held by "" (when ``wide``;
    else one column per character, as some converters count)."""
    cells: list[str] = []
    for ch in line.expandtabs(4):
        cells.append(ch)
        if wide and unicodedata.east_asian_width(ch) in _WIDE:
            cells.append("")
    return cells


def _unescape(text: str) -> str:
    """Text as written, without Markdown's backslash escapes (“1\\.”, “\\*”) and emphasis markers."""
    return _emphasis_off(_ESCAPE_RE.sub(r"\1", text))


def _join_wrapped(parts: list[str]) -> str:
    """A cell's lines as its text: lines wrapped by the writer joined again (with a space only between two words of
    Latin letters: Chinese text and numbers are broken anywhere), a line ending in “\\” or a blank line a line break."""
    text = ""
    for part in parts:
        stripped = part.strip()
        hard = stripped.endswith(_HARD_BREAK) and not stripped.endswith("\\" + _HARD_BREAK)
        stripped = stripped[:-1].rstrip() if hard else stripped
        if not stripped:
            text = text + "\n" if text and not text.endswith("\n") else text
        elif text and not text.endswith("\n") and _WORD_END_RE.match(text[-1]) and _WORD_END_RE.match(stripped[0]):
            text += " " + stripped
        else:
            text += stripped
        if hard:
            text += "\n"
    return _unescape(text.strip())


def grid_block_end(lines: list[str], start: int) -> int:
    """The index after the last line of the grid table whose top border is ``lines[start]``: the lines that follow
    starting (after the same indent) with “+” or “|”."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and lines[end][indent : indent + 1] in ("+", "|") and not lines[end][:indent].strip():
        end += 1
    return end


def _grid_box(grid: list[list[str]], top: int, left: int) -> tuple[int, int] | None:
    """The bottom row and right column of the grid cell whose top-left corner is at (``top``, ``left``), else None."""
    height, width = len(grid), len(grid[top])
    for right in range(left + 1, width):
        if grid[top][right] not in _GRID_EDGE:
            return None
        if grid[top][right] != "+" or top + 1 >= height or _at(grid, top + 1, right) not in _GRID_SIDE:
            continue
        for bottom in range(top + 1, height):
            if _at(grid, bottom, right) not in _GRID_SIDE:
                break
            if _at(grid, bottom, right) != "+" or _at(grid, bottom, right - 1) not in _GRID_EDGE:
                continue
            bottom_edge = all(_at(grid, bottom, c) in _GRID_EDGE for c in range(left, right + 1))
            left_edge = all(_at(grid, r, left) in _GRID_SIDE for r in range(top, bottom + 1))
            if bottom_edge and left_edge:
                return bottom, right
        return None
    return None


def _at(grid: list[list[str]], row: int, col: int) -> str:
    """The character at (``row``, ``col``), a space past the end of a short line."""
    return grid[row][col] if col < len(grid[row]) else " "


def _grid_cells(grid: list[list[str]]) -> list[tuple[int, int, int, int]] | None:
    """The cells of a grid table as (top, left, bottom, right) border positions, found corner by corner from the
    top-left one; None when a cell's borders do not close or the cells do not cover the table."""
    corners, boxes, seen = [(0, 0)], [], set()
    while corners:
        top, left = corners.pop()
        if (top, left) in seen:
            continue
        seen.add((top, left))
        found = _grid_box(grid, top, left)
        if found is None:
            return None
        bottom, right = found
        boxes.append((top, left, bottom, right))
        if right < len(grid[top]) - 1:
            corners.append((top, right))
        if bottom < len(grid) - 1 and _at(grid, bottom + 1, left) in _GRID_SIDE:  # (else a cell merged across it)
            corners.append((bottom, left))
    area = sum((b - t) * (r - left) for t, left, b, r in boxes)
    if area != (len(grid) - 1) * (len(grid[0]) - 1):
        return None
    return sorted(boxes)


def grid_table_rows(lines: list[str], first_line: int) -> list[list[RawCell]] | None:
    """The rows of the grid table ``lines`` (whose first line is line ``first_line`` of the file), a cell merged over
    several columns as a span, one over several rows as merged cells below it; None when its borders do not line up,
    on screen, character by character, or (no cell merged) bar by bar."""
    indent = len(lines[0]) - len(lines[0].lstrip())
    for wide in (True, False):
        grid = [_layout(line[indent:].rstrip(), wide) for line in lines]
        boxes = _grid_cells(grid) if len({len(row) for row in grid}) == 1 else None
        if boxes is not None:
            return _grid_rows(grid, boxes, first_line)
    return _grid_rows_by_bars(lines, first_line)


def _grid_rows_by_bars(lines: list[str], first_line: int) -> list[list[RawCell]] | None:
    """The rows of a grid table with no merged cell, each line's cells taken between its bars (a Chinese character in
    a column too narrow for it pushes the bars after it out of line); None when the lines differ in their cells."""
    borders = [k for k, line in enumerate(lines) if _GRID_BORDER_RE.match(line)]
    columns = lines[0].count("+") - 1
    if borders[-1] != len(lines) - 1 or any(lines[k].count("+") - 1 != columns for k in borders):
        return None
    rows: list[list[RawCell]] = []
    for top, bottom in zip(borders, borders[1:], strict=False):
        parts = [re.split(r"(?<!\\)\|", line.strip()[1:-1]) for line in lines[top + 1 : bottom]]
        if not parts:
            continue
        if any(len(cells) != columns for cells in parts):
            return None
        texts = [_join_wrapped([cells[c] for cells in parts]) for c in range(columns)]
        rows.append([RawCell(text, c, line=first_line + top + 1) for c, text in enumerate(texts, 1)])
    infer_vertical_merges(rows)
    return rows


def _grid_rows(grid: list[list[str]], boxes: list[tuple[int, int, int, int]], first_line: int) -> list[list[RawCell]]:
    """The rows of a grid table from its cells' borders: a row each top border, a column each left border (no row
    between two borders with no line between them: the empty body pandoc writes under a lone header)."""
    boxes = [box for box in boxes if box[2] - box[0] > 1]
    tops = sorted({box[0] for box in boxes})
    edges = sorted({box[1] for box in boxes} | {box[3] for box in boxes})
    rows: list[list[RawCell]] = [[] for _ in tops]
    for top, left, bottom, right in boxes:
        col, span = edges.index(left) + 1, edges.index(right) - edges.index(left)
        text = _join_wrapped(["".join(grid[r][left + 1 : right]) for r in range(top + 1, bottom)])
        first = tops.index(top)
        rows[first].append(RawCell(text, col, span=span, line=first_line + top + 1))
        for below in range(first + 1, len(tops)):
            if tops[below] >= bottom:
                break
            rows[below].append(RawCell("", col, merged_from_above=True, span=span, line=first_line + tops[below] + 1))
    for row in rows:
        row.sort(key=lambda cell: cell.col)
    infer_vertical_merges(rows)  # (a writer that cannot draw merged cells leaves them empty)
    return rows


def _dash_runs(line: str) -> list[tuple[int, int]]:
    """The screen columns (start, end) of each run of dashes in a line of dashes."""
    return [(m.start(), m.end()) for m in re.finditer(r"-+", line.expandtabs(4))]


def _column_cells(group: list[str], runs: list[tuple[int, int]]) -> list[str]:
    """The cells of a multiline or simple table's row written on ``group``'s lines: each column from the start of its
    dashes to the start of the next column's (the last to the end of the line)."""
    starts = [start for start, _ in runs]
    bounds = list(zip(starts, starts[1:] + [None], strict=True))
    laid = [_layout(line) for line in group]
    return [_join_wrapped(["".join(cells[a:b]) for cells in laid]) for a, b in bounds]


def _column_rows(groups: list[tuple[int, list[str]]], runs: list[tuple[int, int]]) -> list[list[RawCell]]:
    """Raw rows from (line number, lines) groups of a table laid out in ``runs`` columns."""
    rows = [[RawCell(text, c, line=line) for c, text in enumerate(_column_cells(group, runs), 1)] for line, group in groups]
    infer_vertical_merges(rows)
    return rows


def _row_groups(lines: list[str], first: int, by_blank_lines: bool) -> list[tuple[int, list[str]]]:
    """The rows of a table's body ``lines`` (the first being line ``first``): one a line, or (multiline tables) lines
    between blank lines."""
    if not by_blank_lines:
        return [(first + k, [line]) for k, line in enumerate(lines) if line.strip()]
    groups: list[tuple[int, list[str]]] = []
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if k == 0 or not lines[k - 1].strip():
            groups.append((first + k, []))
        groups[-1][1].append(line)
    return groups


def _within(line: str, runs: list[tuple[int, int]]) -> bool:
    """Whether ``line`` lies within the columns ``runs`` (as the writer lays out every line of a table: no paragraph
    after it does), or is blank."""
    laid = _layout(line.rstrip())
    indent = len(laid) - len(_layout(line.strip()))
    return not line.strip() or (indent >= runs[0][0] and len(laid) <= runs[-1][1])


def _closing_dashes(lines: list[str], start: int, runs: list[tuple[int, int]]) -> int | None:
    """The index of the line of dashes closing a table body of columns ``runs`` that starts at ``start``; None when
    a line outside the columns, two blank lines in a row or the end of the text come first."""
    for k in range(start, len(lines)):
        if _DASH_LINE_RE.match(lines[k]):
            return k
        if not _within(lines[k], runs) or not lines[k].strip() and k > start and not lines[k - 1].strip():
            return None
    return None


def dash_table(lines: list[str], i: int) -> tuple[list[list[RawCell]], int] | None:
    """The rows of the multiline or headerless table whose first line of dashes is ``lines[i]``, and the index after
    it; None when no table starts there (a rule, a lone line of dashes)."""
    runs = _dash_runs(lines[i])
    if i + 1 >= len(lines) or not lines[i + 1].strip():
        return None
    header_end = next((k for k in range(i + 1, len(lines)) if not lines[k].strip() or _DASH_LINE_RE.match(lines[k])), None)
    if (
        len(runs) == 1
        and header_end is not None
        and _DASH_LINE_RE.match(lines[header_end])
        and len(_dash_runs(lines[header_end])) > 1
    ):  # a multiline table: a full line of dashes, the header, the columns' dashes, rows between blank lines
        columns = _dash_runs(lines[header_end])
        close = _closing_dashes(lines, header_end + 1, columns)
        if close is None or not all(_within(line, columns) for line in lines[i + 1 : header_end]):
            return None
        groups = [(i + 2, lines[i + 1 : header_end])] + _row_groups(lines[header_end + 1 : close], header_end + 2, True)
        return _column_rows(groups, columns), close + 1
    close = _closing_dashes(lines, i + 1, runs)
    if close is None or _dash_runs(lines[close]) != runs:
        return None
    body = lines[i + 1 : close]
    return _column_rows(_row_groups(body, i + 2, any(not line.strip() for line in body)), runs), close + 1


def simple_table(lines: list[str], i: int) -> tuple[list[list[RawCell]], int] | None:
    """The rows of the simple table whose header is ``lines[i]`` (the columns' dashes under it), and the index after
    it; None when no such table starts there."""
    if i + 1 >= len(lines) or not _DASH_LINE_RE.match(lines[i + 1]) or len(_dash_runs(lines[i + 1])) < 2:
        return None
    if "|" in lines[i] or lines[i].lstrip().startswith("+") or _ATX_RE.match(lines[i]):
        return None
    end = next((k for k in range(i + 2, len(lines)) if not lines[k].strip() or _DASH_LINE_RE.match(lines[k])), len(lines))
    groups = [(i + 1, [lines[i]])] + _row_groups(lines[i + 2 : end], i + 3, False)
    after = end + 1 if end < len(lines) and _DASH_LINE_RE.match(lines[end]) else end
    return _column_rows(groups, _dash_runs(lines[i + 1])), after


def pandoc_table(lines: list[str], i: int, para_open: bool) -> tuple[list[list[RawCell]], int] | None:
    """The rows of the pandoc grid, multiline or simple table starting at ``lines[i]`` and the index after it; None
    when none starts there. No multiline or simple table goes on a paragraph (``para_open``): under its last line,
    dashes make it a heading. Raises :class:`UnreadableTable` for a grid table whose borders do not line up."""
    line = lines[i]
    if _GRID_BORDER_RE.match(line):
        end = grid_block_end(lines, i)
        if end - i < 3:
            return None
        rows = grid_table_rows(lines[i:end], i + 1)
        if rows is None:
            raise UnreadableTable(i + 1)
        return rows, end
    if para_open:
        return None
    if _DASH_LINE_RE.match(line):
        one_column = len(_dash_runs(line)) == 1
        return None if one_column and not line.startswith(" ") else dash_table(lines, i)
    return simple_table(lines, i)


def unreadable_table_message(path: str | os.PathLike[str], line: int) -> str:
    """Why the grid table at ``line`` of ``path`` cannot be read, and how to export the report so that it can."""
    return (f"“{os.fspath(path)}”第{line}行：这张网格表格（pandoc 的 +---+ 表格）的边框没有对齐，无法分出各行各列。"
            "请用 pandoc -t gfm 重新导出（表格写成 | 分隔的管道表格或 HTML 表格），或改正该表格的边框后重试。")


MARKDOWN_HEADINGS = 2  # this many “#” headings make a text Markdown (one may be a stray “# 注” line)


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` (a .txt file's) is Markdown: it has “#” headings, or a table written in Markdown (pipe rows over
    a |---| line, an HTML <table>, a pandoc grid, multiline or simple table). Word's text export and prose have none."""
    lines = split_lines(text)
    if sum(1 for line in lines if _ATX_RE.match(line)) >= MARKDOWN_HEADINGS:
        return True
    return any(_table_starts(lines, i) for i, line in enumerate(lines) if line.strip())


def _table_starts(lines: list[str], i: int) -> bool:
    """Whether a table written in Markdown starts at ``lines[i]``."""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    if _HTML_TABLE_START.match(lines[i]) or "|" in lines[i] and "|" in below and _SEPARATOR_RE.match(below):
        return True
    if _GRID_BORDER_RE.match(lines[i]):
        return below.lstrip().startswith("|")
    return (_DASH_LINE_RE.match(lines[i]) or _DASH_LINE_RE.match(below)) is not None and pandoc_table(lines, i, False) is not None


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
        try:
            table = pandoc_table(lines, i, bool(para)) if line.strip() else None
        except UnreadableTable as exc:
            raise ReadError(unreadable_table_message(path, exc.line)) from None
        if table is not None:
            flush()
            rows, i = table
            builder.add_table(rows, line=lineno)
            continue
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
