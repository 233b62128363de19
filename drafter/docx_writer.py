"""Write a DraftReport as a Word document in 公文 layout: East Asian fonts, real heading styles, bordered tables."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_Merge
from docx.shared import Cm, Pt, RGBColor

from drafter.atomic import atomic_write_bytes
from drafter.report import DraftReport, PageBreak, Paragraph, Section, Table

BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
LATIN_FONT = "Times New Roman"
# 公文 sizes: 二号 22pt (title), 三号 16pt (headings, body), 四号 14pt, 小四 12pt (tables)
SIZES = {"title": 22, "heading": 16, "body": 16, "table": 12, "wide_table": 10.5, "page_number": 14}
WIDE_TABLE_COLUMNS = 7  # from this many columns a table is set in 五号 so it fits the page
HEADING_FONTS = {1: HEADING_FONT, 2: "楷体_GB2312", 3: BODY_FONT, 4: BODY_FONT}


def _set_fonts(element_rpr_owner, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set Latin and East Asian fonts on a style or run (w:rFonts w:eastAsia)."""
    font = element_rpr_owner.font
    font.name = LATIN_FONT
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = element_rpr_owner.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # Word lets a theme font win
        fonts.attrib.pop(qn(theme), None)


def _prepare_styles(doc, page_numbers: bool = True) -> None:
    normal = doc.styles["Normal"]
    _set_fonts(normal, BODY_FONT, SIZES["body"])
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    for level in range(1, 5):
        style = doc.styles[f"Heading {level}"]
        _set_fonts(style, HEADING_FONTS[level], SIZES["heading"], bold=level >= 3)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.first_line_indent = Pt(32)
        style.paragraph_format.keep_with_next = True
    title = doc.styles["Title"]
    _set_fonts(title, TITLE_FONT, SIZES["title"], bold=False)
    title.font.color.rgb = RGBColor(0, 0, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    # python-docx's default Title has a bottom border; a 公文 title has none
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    if page_numbers:
        _page_numbers(section)


def _start_numbered_part(doc) -> None:
    """A new page and Word section whose pages are numbered from 1 (the front matter before it has none)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.footer.is_linked_to_previous = False
    _page_numbers(section)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.append(numbering)


def _page_numbers(section) -> None:
    """公文 page numbers: “— 1 —” centred in the footer (a PAGE field Word fills in)."""
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraph_format.first_line_indent = Pt(0)
    for text in ("— ", None, " —"):
        if text is None:
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), "PAGE")
            run = OxmlElement("w:r")
            size = OxmlElement("w:rPr")  # the number as large as the dashes around it (not the body's 三号)
            for tag in ("w:sz", "w:szCs"):
                half_points = OxmlElement(tag)
                half_points.set(qn("w:val"), str(int(SIZES["page_number"] * 2)))
                size.append(half_points)
            run.append(size)
            number = OxmlElement("w:t")
            number.text = "1"
            run.append(number)
            field.append(run)
            footer._p.append(field)
        else:
            footer.add_run(text).font.size = Pt(SIZES["page_number"])


def _add_paragraph(doc, block: Paragraph, cover: tuple[float, float] | None = None) -> None:
    """A paragraph in its role's layout; ``cover`` is the space before and after a cover's title (see cover_space)."""
    if block.role in ("title", "cover_title"):
        title = doc.add_paragraph(balanced_title(block.text), style="Title")
        _open_page(doc, title)
        if block.role == "cover_title":  # a third of the way down the cover, its lines well below it (less when the
            before, after = cover or COVER_TITLE_SPACE  # cover's text is long)
            title.paragraph_format.space_before = Pt(before)
            title.paragraph_format.space_after = Pt(after)
        return
    para = doc.add_paragraph()
    _open_page(doc, para)
    run = para.add_run(block.text)
    if block.bold or block.role == "indicator_head":
        run.bold = True
    fmt = para.paragraph_format
    if block.role in ("indicator_head", "item_title", "subheading") or (block.bold and len(block.text) <= KEPT_LINE):
        fmt.keep_with_next = True  # a line that heads what follows never ends a page alone
    if block.role in ("body", "indicator_head", "indicator_body", "item_title", "subheading"):
        fmt.first_line_indent = Pt(32)
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    elif block.role == "center":
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif block.role == "right":
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif block.role == "cover":
        fmt.left_indent = Cm(COVER_INDENT_CM)
        fmt.space_after = Pt(COVER_LINE_AFTER)


TITLE_FILL = 0.9  # a title line a little short of the text width: fonts' digits and spacing are wider than counted
TITLE_BREAK_AFTER = ("年度", "年", "项目", "工程", "中心", "资金", "）")
TITLE_BREAK_BEFORE = ("绩效评价", "项目绩效", "专项资金", "建设项目")


def _em(text: str) -> float:
    """A text's width in em: a Chinese character one, a digit or Latin letter half."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def balanced_title(text: str, size: float = SIZES["title"]) -> str:
    """A title too long for one line, broken once where a reader would (“…指挥中心 / 建设项目绩效评价报告”), both lines
    fitting and as even as can be; Word would otherwise leave one character alone on the second line (“…建设项 / 目”)."""
    capacity = TITLE_FILL * TEXT_WIDTH_CM / (size * 2.54 / 72)
    if all(_em(line) <= capacity for line in text.split("\n")):
        return text
    whole = text.replace("\n", "")  # (a style's own break that still leaves a line too long is placed again)
    broken = _one_break(whole, capacity)
    return broken if broken is not None else text


CLOSING_MARKS = "”’）)》」』，。、；：！？"  # never the first character of a line
OPENING_MARKS = "“‘（(《「『"  # never the last


def _one_break(text: str, capacity: float) -> str | None:
    cuts = {i + len(w) for w in TITLE_BREAK_AFTER for i in range(len(text)) if text.startswith(w, i)}
    cuts |= {i for w in TITLE_BREAK_BEFORE for i in range(1, len(text)) if text.startswith(w, i)}
    for cut in list(cuts):  # (“……项目（二期）” / ”绩效评价报告”: the closing quote stays with its line)
        while 0 < cut < len(text) and text[cut] in CLOSING_MARKS:
            cut += 1
        cuts.add(cut)
    cuts = {c for c in cuts if 0 < c < len(text) and text[c] not in CLOSING_MARKS and text[c - 1] not in OPENING_MARKS}
    fitting = [c for c in cuts if 0 < c < len(text) and _em(text[:c]) <= capacity and _em(text[c:]) <= capacity]
    if not fitting:
        return None
    best = min(fitting, key=lambda c: abs(_em(text[:c]) - _em(text[c:])))
    return text[:best] + "\n" + text[best:]


KEPT_LINE = 60  # a bold line up to this long is a sub-title: kept with the text after it


def _open_page(doc, paragraph) -> None:
    """A page break the report asks for before this paragraph becomes the paragraph's “page break before”: unlike a
    paragraph holding only a break, it never leaves a blank page when the previous page is full."""
    if getattr(doc, PENDING_BREAK, False):
        paragraph.paragraph_format.page_break_before = True
        setattr(doc, PENDING_BREAK, False)


def _break_before_table(doc) -> None:
    """A table opening a page with no caption above it: the break stays a paragraph of its own."""
    if getattr(doc, PENDING_BREAK, False):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        setattr(doc, PENDING_BREAK, False)


PENDING_BREAK = "_evalreport_page_break"
TEXT_WIDTH_CM = 15.6
COVER_TITLE_SPACE = (150, 72)  # points before and after a cover's title
TEXT_HEIGHT_PT = (29.7 - 3.7 - 3.5) / 2.54 * 72  # the page's text height (A4 less the top and bottom margins)
LINE_PT = 28  # the fixed line height of every paragraph
COVER_LINE_AFTER = 16  # points after a cover line
COVER_INDENT_CM = 2


def _lines(text: str, width_cm: float, size: float) -> int:
    """How many lines a paragraph takes (estimated a little high, as a font's digits and spacing are wider)."""
    capacity = TITLE_FILL * width_cm / (size * 2.54 / 72)
    return sum(max(1, -(-int(_em(line)) // int(capacity))) for line in text.split("\n"))


def cover_space(blocks: list) -> tuple[float, float]:
    """Points before and after a cover's title so the whole cover stays on one page: the usual third of the page
    above the title, less (first above the title, then below it) when a long project name wraps its lines."""
    used = LINE_PT  # (a line's margin: estimates are not exact)
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        if block.role in ("title", "cover_title"):
            used += LINE_PT * _lines(balanced_title(block.text), TEXT_WIDTH_CM, SIZES["title"]) + 12
        elif block.role == "cover":
            used += LINE_PT * _lines(block.text, TEXT_WIDTH_CM - COVER_INDENT_CM, SIZES["body"]) + COVER_LINE_AFTER
        else:
            used += LINE_PT * _lines(block.text, TEXT_WIDTH_CM, SIZES["body"])
    room = max(0.0, TEXT_HEIGHT_PT - used)
    before, after = COVER_TITLE_SPACE
    if before + after <= room:
        return before, after
    least_before = min(before, LINE_PT)
    if least_before + after <= room:
        return room - after, after
    return least_before, max(0.0, room - least_before)


def _column_widths(block: Table, n_cols: int, size: float) -> list[float]:
    """Widths (cm) that fit the text width: number columns as wide as their longest number (never wrapped), label
    columns share the rest in proportion to their longest text, short labels (up to 8 characters, such as
    “评价组织机构”) on one line, long texts at least 4 characters wide. A number column's header stays on one line
    (“专家评分”) when the label columns still get their comfortable width; in a crowded table it may wrap onto two,
    then three lines, and a table of many columns has narrower cell margins, leaving the room to its text."""
    cjk = size * 2.54 / 72  # a Chinese character is one em wide; a digit about half
    padding = _cell_padding(n_cols)
    longest = [1] * n_cols
    numeric = [True] * n_cols
    widest_number = [0.0] * n_cols
    for r, row in enumerate(block.rows):
        for c, value in enumerate(row[:n_cols]):
            text = (value or "").split("\n")[0]
            longest[c] = max(longest[c], min(len(text), 30))
            if r < block.header_rows or not text or text.replace(" ", "") in TOTAL_WORDS:
                continue  # a 合计 label is measured by `longest` (at least 2 characters wide below)
            if _is_number(text):
                widest_number[c] = max(widest_number[c], _number_em(text))
            else:
                numeric[c] = False
    headers = block.rows[0] if block.header_rows else [""] * n_cols
    comfortable = sum(cjk * min(longest[c], COMFORTABLE_LINE) + padding for c in range(n_cols) if not numeric[c])
    for header_lines in (1, 2, 3):
        widths = [_number_column(headers[c] or "", widest_number[c], header_lines, cjk, padding) if numeric[c] else 0.0
                  for c in range(n_cols)]  # fmt: skip
        if sum(widths) + comfortable <= TEXT_WIDTH_CM:
            break
    floors = [widths[c] if numeric[c] else cjk * (longest[c] if longest[c] <= 8 else 4) + padding + SLACK_CM
              for c in range(n_cols)]  # fmt: skip
    free = TEXT_WIDTH_CM - sum(widths)
    label_total = sum(longest[c] for c in range(n_cols) if not numeric[c]) or 1
    widths = [w if numeric[c] else max(floors[c], free * longest[c] / label_total) for c, w in enumerate(widths)]
    for lowest in (floors, [w if numeric[c] else 2 * cjk + padding + SLACK_CM for c, w in enumerate(widths)]):
        excess, room = sum(widths) - TEXT_WIDTH_CM, sum(w - lowest[c] for c, w in enumerate(widths))
        if excess > 0 and room > 0:  # narrow the label columns (their text wraps): to their floors, then to 2 characters
            widths = [w - min(excess, room) * (w - lowest[c]) / room for c, w in enumerate(widths)]
    total = sum(widths)
    return [w * TEXT_WIDTH_CM / total for w in widths] if total > TEXT_WIDTH_CM else widths  # never wider than the page


def _number_column(header: str, number_em: float, most_lines: int, cjk: float, padding: float) -> float:
    """A number column's width: its numbers on one line, its header on as few lines as fit that width (half a
    character more allowed: “总预算” over “总预/算”), at most ``most_lines``."""
    numbers = max(2 * cjk, number_em * cjk) + padding + SLACK_CM
    for lines in range(1, most_lines + 1):
        wanted = cjk * -(-_em(header) // lines) + padding + SLACK_CM
        if wanted <= numbers + cjk / 2 or lines == most_lines:
            return max(numbers, wanted)
    return numbers


SLACK_CM = 0.08  # a little room over the estimate: a font's characters are not exactly one em (“序号” on one line)
COMFORTABLE_LINE = 12  # characters a label column would like on a line before number headers wrap for it
WIDE_TABLE_MARGIN_CM = 0.1  # cell margins left and right in a table of WIDE_TABLE_COLUMNS or more (Word's are 0.19)


def _cell_padding(n_cols: int) -> float:
    """A cell's left plus right margin (cm)."""
    return 2 * WIDE_TABLE_MARGIN_CM if n_cols >= WIDE_TABLE_COLUMNS else 0.4


def _number_em(text: str) -> float:
    """A number's width in em, a little generous: digits half an em, a point or comma a quarter, % most of one."""
    widths = {".": 0.28, ",": 0.28, "%": 0.85, " ": 0.25}
    return 1.05 * sum(widths.get(ch, 0.5 if ch.isascii() else 1.0) for ch in text)


TOTAL_WORDS = ("合计", "小计", "总计")
WHOLE_TABLE_ROWS = 16  # a table of up to this many rows is kept on one page (a longer one breaks between rows)


def _is_number(text: str) -> bool:
    return text.replace(".", "", 1).replace("%", "").replace(",", "").replace("分", "").strip().isdigit()


def _cell_text(cell, text: str, bold: bool, size: float = SIZES["table"]) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para = cell.paragraphs[0]
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i:
            para = cell.add_paragraph()
        para.paragraph_format.first_line_indent = Pt(0)
        para.paragraph_format.line_spacing = 1.15
        if bold or _is_number(line):
            para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(line)
        run.font.size = Pt(size)
        if bold:
            run.bold = True


def _add_table(doc, block: Table) -> None:
    if block.caption:
        caption = doc.add_paragraph(block.caption)
        _open_page(doc, caption)
        caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.keep_with_next = True  # never a caption alone at the foot of a page
        caption.runs[0].bold = True
    if block.unit_note:
        note = doc.add_paragraph(block.unit_note)
        _open_page(doc, note)
        note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        note.paragraph_format.keep_with_next = True
    _break_before_table(doc)
    n_cols = max(len(r) for r in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=n_cols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    size = SIZES["wide_table"] if n_cols >= WIDE_TABLE_COLUMNS else SIZES["table"]
    if n_cols >= WIDE_TABLE_COLUMNS:  # narrower cell margins: the room goes to the text
        _cell_margins(table, WIDE_TABLE_MARGIN_CM)
    for c, width in enumerate(_column_widths(block, n_cols, size)):
        table.columns[c].width = Cm(width)
        for cell in table.columns[c].cells:
            cell.width = Cm(width)
    merged_left = set(block.merged_left)
    rows = list(table.rows)  # (indexing table.rows builds the list of rows each time)
    for r, row in enumerate(block.rows):
        cells = rows[r].cells
        row_properties = rows[r]._tr.get_or_add_trPr()
        row_properties.append(OxmlElement("w:cantSplit"))  # a row stays on one page
        if r < block.header_rows:  # header rows repeat at the top of every page the table runs onto
            row_properties.append(OxmlElement("w:tblHeader"))
        for c in range(n_cols):
            value = row[c] if c < len(row) else ""
            if value is None or (r, c) in merged_left:
                continue
            _cell_text(cells[c], value, bold=r < block.header_rows, size=size)
        if r in block.min_heights:
            rows[r].height = Cm(block.min_heights[r])
    kept = rows[:-1] if len(rows) <= WHOLE_TABLE_ROWS else rows[-2:-1]  # a short table on one page; a long one's 合计
    for row in kept if len(rows) > block.header_rows + 1 else []:  # row never alone at the top of a page
        for paragraph in (p for cell in row._tr.tc_lst for p in cell.iterchildren(qn("w:p"))):
            paragraph.get_or_add_pPr().keepNext_val = True
    # merges after filling, so merged text is never duplicated
    for r, row in enumerate(block.rows):
        for c in range(min(len(row), n_cols)):
            if row[c] is None and r > 0:
                top = r - 1
                while top > 0 and block.rows[top][c] is None:
                    top -= 1
                if r == len(block.rows) - 1 or block.rows[r + 1][c] is not None:
                    _merge_down(rows, top, r, c)
    for r, c in sorted(merged_left):
        left = c - 1
        while (r, left) in merged_left:
            left -= 1
        if c + 1 >= n_cols or (r, c + 1) not in merged_left:
            table.cell(r, left).merge(table.cell(r, c))
    doc.add_paragraph()


def _cell_margins(table, cm: float) -> None:
    """The table's left and right cell margins (w:tblCellMar)."""
    properties = table._tbl.tblPr
    margins = properties.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        properties.append(margins)
    for side in ("w:left", "w:right"):
        element = OxmlElement(side)
        element.set(qn("w:w"), str(round(cm * 567)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)


def _merge_down(rows: list, top: int, bottom: int, column: int) -> None:
    """Merge a column's cells from ``top`` to ``bottom`` (the cells below are empty) as Word does, with vMerge; python-docx's
    merge recurses once per row (a 二级 of 1,000 三级 exceeds Python's recursion limit) and slows with the square."""
    for r in range(top, bottom + 1):
        rows[r]._tr.tc_lst[column].vMerge = ST_Merge.RESTART if r == top else ST_Merge.CONTINUE  # (no spans yet)


def _add_section(doc, section: Section, last_break: bool = True) -> None:
    """A section's heading, blocks and children; without the page break that ends it when ``last_break`` is False
    (a Word section break starts the next page instead)."""
    if section.heading:
        _open_page(doc, doc.add_heading(section.heading, level=min(section.level, 4)))
    cover = cover_space(section.blocks) if any(isinstance(b, Paragraph) and b.role == "cover_title"
                                                for b in section.blocks) else None  # fmt: skip
    for block in section.blocks:
        if isinstance(block, Paragraph):
            _add_paragraph(doc, block, cover)
        elif isinstance(block, Table):
            _add_table(doc, block)
        elif isinstance(block, PageBreak):
            setattr(doc, PENDING_BREAK, True)  # taken by the next paragraph (see _open_page)
    for index, child in enumerate(section.children):
        if last_break or index < len(section.children) - 1 or not _only_a_page_break(child):
            _add_section(doc, child)


def _only_a_page_break(section: Section) -> bool:
    return not section.heading and not section.children and all(isinstance(b, PageBreak) for b in section.blocks)


def build_docx(report: DraftReport):
    """The python-docx Document of a report."""
    doc = Document()
    start = _numbered_from(report)
    _prepare_styles(doc, page_numbers=start == 0)
    _document_properties(doc, report)
    for index, section in enumerate(report.sections):
        if index == start and start:
            _start_numbered_part(doc)
        _add_section(doc, section, last_break=index + 1 != start)
    return doc


THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _document_properties(doc, report: DraftReport) -> None:
    """What Word's 文件属性 shows: this report's title, today's date, evalreport as the program, Chinese as the text's
    language; not the blank template's 2013 dates, “Microsoft Macintosh Word” and empty preview picture."""
    now = datetime.now(UTC).replace(microsecond=0)
    properties = doc.core_properties
    properties.title = report.title.replace("\n", "")
    properties.author = properties.last_modified_by = "evalreport"
    properties.comments = f"样式：{report.style}"
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = "zh-CN"
    package = doc.part.package
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml" and hasattr(part, "_blob"):
            part._blob = re.sub(rb"<Application>[^<]*</Application>", b"<Application>evalreport</Application>", part.blob)
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == THUMBNAIL:
            del package.rels[rel_id]  # the blank template's preview picture (a dict of relationships)
    language = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")


def _numbered_from(report: DraftReport) -> int:
    """The index of the top-level section page 1 starts at (0: every page is numbered)."""
    ids = [section.id for section in report.sections]
    return ids.index(report.page_numbers_from) if report.page_numbers_from in ids else 0


def ends_before_numbered_part(report: DraftReport, section: Section) -> bool:
    """The top-level section right before the one page numbers start from: a Word section break, not a page break,
    ends it."""
    start = _numbered_from(report)
    return start > 0 and report.sections[start - 1] is section


def write_docx(report: DraftReport, path: Path) -> None:
    """Write the report atomically to `path`."""
    import io

    buffer = io.BytesIO()
    build_docx(report).save(buffer)
    atomic_write_bytes(path, buffer.getvalue())


def build_section_docx(section: Section, last_break: bool = True):
    """A scratch python-docx Document holding one section (heading, blocks, children) in the report's styles
    (without its closing page break when ``last_break`` is False, as :func:`build_docx` writes it)."""
    doc = Document()
    _prepare_styles(doc)
    _add_section(doc, section, last_break)
    return doc
