"""The document model every reader produces.

A :class:`Document` is a flat list of blocks (:class:`Paragraph` and
:class:`Table`) in document order.  Readers do not build these objects
directly; they feed raw text to :class:`DocumentBuilder`, which numbers
paragraphs and tables, detects numbered headings, tracks the enclosing
section and attaches table captions, so every input format gets exactly the
same treatment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CN_DIGITS = "一二三四五六七八九十百零〇"

# What may follow an Arabic list number (“1.”, “2、”): no digit (“2.5万元” is a decimal, “1、2月” two months), or a year
# (“1.2023年完成情况”).  A Chinese one (“三、”) may be followed by any digits (“三、2023年度…”, “二、12345热线…”), but
# not by another Chinese numeral (“一、二级指标” lists two levels).
ARABIC_NUMBER_END = r"(?:(?!\d)|(?=(?:19|20)\d{2}\s*年))"

# Heading numbering patterns, tried in this order.  Each captures the raw
# number token and the title that follows it.
_LEVEL1_RE = re.compile(rf"^(第[{CN_DIGITS}]+部分|[{CN_DIGITS}]+[、.．](?![{CN_DIGITS}]))\s*(.*)$", re.S)
_LEVEL2_RE = re.compile(rf"^([（(]\s*[{CN_DIGITS}]+\s*[）)])\s*(.*)$", re.S)
_LEVEL4_RE = re.compile(r"^([（(]\s*\d{1,3}\s*[）)])\s*(.*)$", re.S)
_LEVEL3_RE = re.compile(rf"^(\d{{1,3}}[.、．]){ARABIC_NUMBER_END}\s*(.*)$", re.S)
_NUMBER_PATTERNS = ((1, _LEVEL1_RE), (2, _LEVEL2_RE), (4, _LEVEL4_RE), (3, _LEVEL3_RE))

HEADING_MAX_CHARS = 40
_SENTENCE_END = ("。", "；")
_CAPTION_RE = re.compile(r"^附?表\s*[0-9０-９一二三四五六七八九十]+")
CAPTION_MAX_CHARS = 60


_NUMBER_FIRST = frozenset(CN_DIGITS + "（(第")


def match_number(text: str) -> tuple[int, str, str] | None:
    """Return ``(level, raw number token, title)`` if ``text`` starts with heading numbering."""
    first = text[:1]
    if first not in _NUMBER_FIRST and not first.isdecimal():
        return None  # every pattern starts with a numeral or a parenthesis
    for level, pattern in _NUMBER_PATTERNS:
        m = pattern.match(text)
        if m and m.group(2).strip():
            return level, m.group(1), m.group(2).strip()
    return None


def is_heading_shaped(text: str) -> bool:
    """True for a short line without sentence-ending punctuation."""
    return len(text) <= HEADING_MAX_CHARS and not any(p in text for p in _SENTENCE_END)


def division_heading(paragraph: Paragraph) -> re.Match[str] | None:
    """The “第二部分”/“第三章” a paragraph opens with when it heads a part or chapter (a heading, or shaped like one),
    not when it is a line of the 目录 (“第一部分 基本情况……………1”)."""
    m = DIVISION.match(paragraph.text)
    if m is None or TOC_LINE.search(paragraph.text.strip()) or not (paragraph.is_heading or is_heading_shaped(paragraph.text)):
        return None
    return m


def is_caption_text(text: str) -> bool:
    """True for a "表1  绩效评价得分概况"-style caption line."""
    return bool(_CAPTION_RE.match(text)) and len(text) <= CAPTION_MAX_CHARS


def classify_paragraph(
    text: str, style_level: int | None = None, prefer_numbering: bool = False, may_be_heading: bool = True
) -> tuple[int | None, str | None]:
    """Return ``(heading_level, number)`` for a paragraph.

    ``style_level`` is the level given by the source format (Word heading style,
    markdown ``#`` count).  Word styles win over numbering; markdown passes
    ``prefer_numbering=True`` so the numbering decides and ``#`` is the fallback.
    ``may_be_heading=False`` (markdown list items) only records the number.
    """
    m = match_number(text)
    number = m[1] if m else None
    if style_level is not None:
        if prefer_numbering and m:
            return m[0], number
        return max(1, min(style_level, 4)), number
    if m and may_be_heading and is_heading_shaped(text) and not is_caption_text(text):
        return m[0], number
    return None, number


_SPACES = re.compile(r"\s+")
_LEVEL1_AFFIXES = re.compile(r"^第|部分$|[、.．]$")


def _path_part(level: int, number: str | None) -> str:
    """Normalised number token used in a section path ("四", "（二）", "1.", "（1）"), by the number's own shape (a
    “一、” styled as a second-level heading is still “一”)."""
    if not number:
        return ""
    token = _SPACES.sub("", number)
    if token[:1] in "（(":
        return "（" + token[1:-1] + "）"
    if token[:1] in CN_DIGITS or token.startswith("第"):
        return _LEVEL1_AFFIXES.sub("", token)
    return token


# “第二部分 评价结果反馈”, “第三章 …”: a part or chapter above the 一、 headings (the kind in group 1)
DIVISION = re.compile(rf"^第[{CN_DIGITS}]+(部分|篇|章)(?![{CN_DIGITS}])")
_DESCRIBE_L1_ONLY = re.compile(rf"^([{CN_DIGITS}]+)、(.*)$", re.S)
_DESCRIBE_L1_NESTED = re.compile(rf"^([{CN_DIGITS}]+)(（.*|\d.*)$", re.S)


def describe_section(section: str) -> str:
    """Chinese wording of a section path: "四（二）过程管理情况" → "第四部分（二）过程管理情况"."""
    m = _DESCRIBE_L1_ONLY.match(section)
    if m:
        return f"第{m.group(1)}部分“{m.group(2)}”"
    m = _DESCRIBE_L1_NESTED.match(section)
    if m:
        return f"第{m.group(1)}部分{m.group(2)}"
    return f"“{section}”" if section else ""


@dataclass(slots=True)
class Location:
    """Where a block or cell is: section path, paragraph/table/row/col indexes, source line.

    ``caption`` is the table's own caption (the report may number its tables differently from the checker);
    ``report`` names the report when a file holds several.
    """

    section: str = ""
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    line: int | None = None
    caption: str | None = None
    report: str | None = None
    in_section: int | None = None  # a paragraph's number under its own heading (0: the heading itself)

    def reference(self) -> str:
        """Short form for use inside a message ("表3 第2行"); falls back to :meth:`describe`."""
        if self.table is None:
            return self.describe()
        cells = (f"第{self.row}行" if self.row is not None else "") + (f"第{self.col}列" if self.col is not None else "")
        return f"表{self.table} {cells}" if cells else f"表{self.table}"

    def describe(self) -> str:
        """Human-readable Chinese location, e.g. "表3（表1 项目预算执行情况明细表）第2行第4列"."""
        text = ""
        if self.table is not None:
            text = f"表{self.table}"
            caption = (self.caption or "").strip()
            if caption and not re.match(rf"^表\s*{self.table}(?!\d)", caption):
                text += f"（{caption[:24]}{'…' if len(caption) > 24 else ''}）"
            elif not caption and self.section:  # no caption to find it by: the section it stands in
                text = f"{describe_section(self.section)}，{text}"
            if self.row is not None or self.col is not None:
                text += " "
            if self.row is not None:
                text += f"第{self.row}行"
            if self.col is not None:
                text += f"第{self.col}列"
        elif self.paragraph is not None:
            sec = describe_section(self.section)
            if sec and self.in_section == 0:
                text = f"{sec}（标题）"
            elif sec and self.in_section is not None:  # counted as a reader counts: from the section's heading
                text = f"{sec}，标题下第{self.in_section}段"
            else:
                text = f"{sec}，第{self.paragraph}段" if sec else f"第{self.paragraph}段"
        elif self.section:
            text = describe_section(self.section)
        if self.line is not None:
            text = f"{text}（第{self.line}行）" if text else f"第{self.line}行"
        text = text or "文档开头"
        return f"{self.report}，{text}" if self.report else text


@dataclass(slots=True)
class Paragraph:
    """A paragraph; ``heading_level`` 1..4 for headings, ``number`` the raw numbering token."""

    text: str
    location: Location
    heading_level: int | None = None
    number: str | None = None

    @property
    def is_heading(self) -> bool:
        """True when the paragraph is a heading."""
        return self.heading_level is not None


@dataclass(slots=True)
class Cell:
    """One physical table cell.

    ``col`` is the 1-based grid column where the cell starts and ``span`` the
    number of grid columns it covers (Word ``gridSpan``).  A cell continuing a
    vertical merge has ``merged_from_above=True`` and empty ``text``.
    """

    text: str
    row: int
    col: int
    merged_from_above: bool
    location: Location
    span: int = 1


_ROW_COL_SWAP = {"列": "行", "行": "列", "各行": "各列", "各列": "各行", "该行": "该列", "该列": "该行", "此列": "此行",
                 "此行": "此列"}  # fmt: skip
_ROW_COL_WORDS = re.compile(r"(?<=”)[行列]|[各该此][行列]")


@dataclass
class Table:
    """A table: rows of physical cells, plus the caption paragraph text if any."""

    rows: list[list[Cell]]
    location: Location
    caption: str | None = None
    transposed: bool = False  # a view of a table written sideways: its rows are the table's columns
    nested_in: int | None = None  # the number of the table in whose cell this one is nested
    _text_rows: list[list[str]] | None = field(default=None, init=False, repr=False, compare=False)
    _grids: tuple[list[list[str]], list[list[str]]] | None = field(default=None, init=False, repr=False, compare=False)

    def at(self, row: int | None = None, col: int | None = None) -> Location:
        """Location of a row (1-based) or cell of this table, with its caption and source line; for a transposed
        view, the column or cell of the table as written."""
        line = self.location.line
        if self.transposed:
            if col is not None and self.rows and 0 < col <= len(self.rows[0]):
                line = self.rows[0][col - 1].location.line or line
            row, col = col, row
        elif row is not None and 0 < row <= len(self.rows) and self.rows[row - 1]:
            line = self.rows[row - 1][0].location.line or line
        return Location(self.location.section, None, self.location.table, row, col, line, self.location.caption)

    def as_written(self, message: str) -> str:
        """A message about this table's rows and columns, told as the table is written (a transposed view's rows
        are the table's columns: “‘得分’列合计…各行相加” becomes “‘得分’行合计…各列相加”)."""
        return _ROW_COL_WORDS.sub(lambda m: _ROW_COL_SWAP[m.group()], message) if self.transposed else message

    def grids(self) -> tuple[list[list[str]], list[list[str]]]:
        """Cell texts on the grid (width ``n_cols``) twice: vertically merged cells filled from above, and counted
        once (their continuation rows empty). Computed once; callers must not modify them."""
        if self._grids is None:
            width = self.n_cols
            filled: list[list[str]] = []
            own: list[list[str]] = []
            for row in self.rows:
                previous = filled[-1] if filled else [""] * width
                grid, once = [""] * width, [""] * width
                for cell in row:
                    if cell.merged_from_above:
                        grid[cell.col - 1] = previous[cell.col - 1]
                    else:
                        grid[cell.col - 1] = once[cell.col - 1] = cell.text
                filled.append(grid)
                own.append(once)
            self._grids = (filled, own)
        return self._grids

    def transpose(self) -> Table:
        """The table turned on its side (row i of the view is grid column i), each cell keeping its location."""
        filled = self.grids()[0]
        by_position = {(cell.row, cell.col): cell.location for row in self.rows for cell in row}
        rows = [
            [Cell(filled[r][c], c + 1, r + 1, False,
                  by_position.get((r + 1, c + 1)) or self.at(r + 1, c + 1)) for r in range(len(filled))]
            for c in range(self.n_cols)
        ]  # fmt: skip
        return Table(rows, self.location, self.caption, transposed=not self.transposed)

    def text_rows(self) -> list[list[str]]:
        """Cell texts per row with vertically merged cells filled from the cell above."""
        return [list(r) for r in self._logical_rows()]

    def _logical_rows(self) -> list[list[str]]:
        """:meth:`text_rows`, computed once and shared (callers must not modify it)."""
        if self._text_rows is None:
            out: list[list[str]] = []
            above: dict[int, str] = {}
            for row in self.rows:
                current: dict[int, str] = {}
                texts: list[str] = []
                for cell in row:
                    text = above.get(cell.col, "") if cell.merged_from_above else cell.text
                    texts.append(text)
                    for col in range(cell.col, cell.col + max(cell.span, 1)):
                        current[col] = text
                out.append(texts)
                above = current
            self._text_rows = out
        return self._text_rows

    def row_text(self, i: int) -> str:
        """Logical cells of row ``i`` (0-based, like ``text_rows()``) joined by " | "."""
        return " | ".join(self._logical_rows()[i])

    @property
    def n_cols(self) -> int:
        """Number of grid columns (widest row)."""
        return max((c.col + c.span - 1 for row in self.rows for c in row), default=0)


Block = Paragraph | Table


@dataclass(slots=True)
class Section:
    """A heading's section: blocks ``start_block`` (the heading) up to ``end_block`` (exclusive)."""

    number_path: str
    title: str
    level: int
    start_block: int
    end_block: int

    @property
    def path(self) -> str:
        """Full section path, the same string as :attr:`Location.section` of its heading."""
        if self.level == 1 and self.number_path:
            return f"{self.number_path}、{self.title}"
        return self.number_path + self.title


@dataclass
class Document:
    """A read document: source path and blocks in document order."""

    path: str
    blocks: list[Block]
    _sections: list[Section] = field(default_factory=list, repr=False, compare=False)
    unwrapped: bool = field(default=False, compare=False)  # text out of a PDF: its wrapped lines were joined again

    @property
    def paragraphs(self) -> list[Paragraph]:
        """All paragraphs (headings included), in order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        """All tables, in order."""
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def headings(self) -> list[Paragraph]:
        """Paragraphs that are headings, in order."""
        return [b for b in self.blocks if isinstance(b, Paragraph) and b.heading_level is not None]

    def sections(self) -> list[Section]:
        """Flat list of sections, one per heading, in document order."""
        return list(self._sections)


@dataclass(slots=True)
class RawCell:
    """A cell as a reader sees it, before numbering (``col`` 1-based grid column)."""

    text: str
    col: int
    merged_from_above: bool = False
    span: int = 1
    line: int | None = None


def infer_vertical_merges(rows: list[list[RawCell]]) -> None:
    """Mark leading empty cells of a row as merged from above (text formats only).

    Plain-text exports lose merge information; an empty cell is taken as a
    vertical merge only when it starts the row (every cell before it is empty
    too), some later cell in the row has text and the row above has a cell in
    that position.  Empty cells after a non-empty one stay plain empty cells.
    """
    for r in range(1, len(rows)):
        row = rows[r]
        if not any(c.text for c in row):
            continue
        above = {c.col for c in rows[r - 1]}
        for cell in row:
            if cell.text:
                break
            if cell.col in above:
                cell.merged_from_above = True


@dataclass
class _Open:
    level: int
    part: str
    title: str
    block: int
    division: str = ""  # “第二部分”: a part above the 一、 headings, named in full in a section path


# Full-width digits, decimal point and percent sign (１２．５％) are read as the ASCII ones everywhere; soft hyphens
# and zero-width characters (invisible in Word, but they split “9\u00ad5万元” into two numbers) are dropped.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
FULL_WIDTH, ASCII_FIGURES = "０１２３４５６７８９．％", "0123456789.%"
FULL_WIDTH_FIGURES = str.maketrans(FULL_WIDTH, ASCII_FIGURES, INVISIBLE)
_FULL_WIDTH_ANY = re.compile(f"[{FULL_WIDTH}{INVISIBLE}]")


def squash(text: str) -> str:
    """``text`` without any whitespace (for comparing names and cells written with stray spaces)."""
    return "".join(text.split())


def ascii_figures(text: str) -> str:
    """``text`` with full-width digits, point and percent sign made ASCII and invisible characters dropped (a scan
    first: most texts have none)."""
    return text.translate(FULL_WIDTH_FIGURES) if _FULL_WIDTH_ANY.search(text) else text


# a table-of-contents line: a short title, then a tab or leader dots, then its page number
_PAGE_END = frozenset("0123456789ivxIVX")
TOC_LINE = re.compile(r"^.{1,60}?(?:\t|[.…·．‥]{3,}|[-－—]{3,})\s*[\divxIVX]{1,4}$")
CONTENTS_TITLE = re.compile(r"^目\s*录$")
TYPED_TOC_LINE = re.compile(r"^[^。；;，,]{1,60}?\S\s+[\divxIVX]{1,4}$")  # “一、项目基本情况 1” after a 目录 line


class DocumentBuilder:
    """Collects paragraphs and tables from a reader and produces a :class:`Document`."""

    def __init__(self, path: str) -> None:
        self.path = str(path)
        self.blocks: list[Block] = []
        self._stack: list[_Open] = []
        self._sections: list[Section] = []
        self._open_sections: list[int] = []
        self._n_paragraphs = 0
        self._in_section = 0  # paragraphs since the last heading
        self._n_tables = 0
        self._path: str | None = ""  # cached section path of the open stack; None when it changed
        self._in_contents = False  # after a “目录” line, while the lines look like contents entries
        self._style_shapes: dict[int, int] = {}  # a heading style's level → the level of the numbering first seen in it

    def _section_path(self) -> str:
        path = self._path
        if path is None:
            path = self._path = self._compute_section_path()
        return path

    def _level_in_style(self, text: str, style_level: int, level: int) -> int:
        """A heading's level when one Word heading style holds two numbering levels (“一、” and “（一）” both in 标题 1):
        the numbering's shape goes one level deeper than the shallowest shape seen in that style so far (a style
        that opens with “（一）” and then holds “一、”: the later “（一）” are under the “一、”)."""
        m = match_number(text)
        if m is None:
            return level
        shallowest = self._style_shapes[style_level] = min(self._style_shapes.get(style_level, m[0]), m[0])
        return max(1, min(level + m[0] - shallowest, 4))

    def _compute_section_path(self) -> str:
        stack, division = self._stack, ""
        if stack and stack[0].division:  # “第二部分 评价结论” above “一、综合评价”
            division = stack[0].division
            if len(stack) == 1:
                return f"{division} {stack[0].title}"
            stack, division = stack[1:], division + " "
        if not stack:
            return ""
        parts = "".join(o.part for o in stack)
        inner = stack[-1]
        if len(stack) == 1 and inner.part and (inner.level == 1 or division):
            return f"{division}{inner.part}、{inner.title}"
        return division + parts + inner.title

    def add_paragraph(
        self,
        text: str,
        line: int | None = None,
        style_level: int | None = None,
        prefer_numbering: bool = False,
        may_be_heading: bool = True,
        plain: bool = False,
    ) -> Paragraph | None:
        """Add a paragraph (blank text is ignored); returns the new paragraph.

        A ``plain`` paragraph (a table-of-contents line, an item of a numbered list in the body text) and a line ending
        in a tab or leader dots and a page number are neither headings nor numbered: “一、基本情况\t3” only points at
        the real heading; so are the lines after a “目录” line that end in a page number (“一、基本情况 3”).
        """
        text = ascii_figures(text).strip()
        if not text:
            return None
        if self._in_contents:
            self._in_contents = len(text) <= 70 and text[-1] in _PAGE_END and TYPED_TOC_LINE.match(text) is not None
            plain = plain or self._in_contents
        elif CONTENTS_TITLE.match(text):
            self._in_contents = plain = True
        if plain or (len(text) <= 70 and text[-1] in _PAGE_END and TOC_LINE.search(text)):
            level, number = None, None
        else:
            level, number = classify_paragraph(text, style_level, prefer_numbering, may_be_heading)
            if level is not None and style_level is not None and number is not None and not prefer_numbering:
                level = self._level_in_style(text, style_level, level)
        index = len(self.blocks)
        if level is not None:
            division = DIVISION.match(_SPACES.sub("", number or ""))
            self._close_sections(level, index, keep_division=division is None)
            title = text
            if number is not None:
                m = match_number(text)
                title = m[2] if m else text
            part = _path_part(level, number)
            self._stack.append(_Open(level, part, title, index, division.group(0) if division else ""))
            self._path = None
            self._sections.append(Section("".join(o.part for o in self._stack), title, level, index, -1))
            self._open_sections.append(len(self._sections) - 1)
        self._n_paragraphs += 1
        self._in_section = 0 if level is not None else self._in_section + 1
        loc = Location(self._section_path(), self._n_paragraphs, None, None, None, line, in_section=self._in_section)
        para = Paragraph(text, loc, level, number)
        self.blocks.append(para)
        return para

    def _close_sections(self, level: int, index: int, keep_division: bool = False) -> None:
        """Close the open sections at ``level`` and deeper; ``keep_division``: not a “第二部分” numbering gives the same
        level as its “一、” headings (plain text, Markdown): an “一、” opens inside it, only the next part closes it."""
        while self._stack and self._stack[-1].level >= level:
            if keep_division and self._stack[-1].division and len(self._stack) == 1:
                break
            self._stack.pop()
            self._path = None
            self._sections[self._open_sections.pop()].end_block = index

    def _caption(self) -> str | None:
        candidates: list[str] = []
        for block in reversed(self.blocks[-2:]):
            if not isinstance(block, Paragraph) or block.heading_level is not None:
                break
            text = block.text
            if len(text) > CAPTION_MAX_CHARS or "。" in text:
                break
            candidates.append(text)
        for text in candidates:
            if is_caption_text(text):
                return text
        for text in candidates:
            if "表" in text:
                return text
        return None

    def add_table(self, rows: list[list[RawCell]], line: int | None = None, caption: str | None = None,
                  nested_in: int | None = None) -> Table | None:  # fmt: skip
        """Add a table from raw rows (empty tables are ignored); returns the new table. ``caption`` says where it is
        when no caption line does; ``nested_in`` is the number of the table in whose cell it is nested."""
        rows = [r for r in rows if r]
        if not rows:
            return None
        self._n_tables += 1
        section = self._section_path()
        t = self._n_tables
        caption = caption or self._caption()
        cells = [
            [
                Cell(ascii_figures(raw.text), r, raw.col, raw.merged_from_above,
                     Location(section, None, t, r, raw.col, raw.line, caption), raw.span)
                for raw in row
            ]
            for r, row in enumerate(rows, 1)
        ]  # fmt: skip
        table = Table(cells, Location(section=section, table=t, line=line, caption=caption), caption, nested_in=nested_in)
        self.blocks.append(table)
        return table

    def build(self) -> Document:
        """Close open sections and return the document."""
        self._close_sections(0, len(self.blocks))
        return Document(self.path, self.blocks, self._sections)


LONE_FIGURE = re.compile(r"^\s*[-－]?\d[\d,，]*(?:\.\d+)?\s*[%％]?\s*$")  # a paragraph that is one figure: a table's cell
BROKEN_TABLE_LINES = 10


def tables_in_lines(document: Document) -> bool:
    """No table, but many paragraphs that are one figure each: tables saved as text one cell a line (LibreOffice's
    plain-text export, a web page copied block by block). Their numbered cells cannot be told from headings."""
    return not document.tables and sum(1 for p in document.paragraphs if LONE_FIGURE.match(p.text)) >= BROKEN_TABLE_LINES
