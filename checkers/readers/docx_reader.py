"""Word (.docx) reader.

Walks the body XML directly with lxml (paragraphs and tables in document
order) instead of python-docx's per-cell APIs, which are quadratic on large
tables.  Vertical merges (``w:vMerge`` continuation cells) become cells with
``merged_from_above=True`` and empty text; horizontal merges (``w:gridSpan``)
become one cell whose ``col`` is its first grid column and ``span`` its width.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.pkgreader import _ContentTypeMap, _SerializedRelationships
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from checkers.document import CN_DIGITS, Document, DocumentBuilder, RawCell
from checkers.readers.docx_numbering import ListNumbering, StyleNumbers, numpr_of
from checkers.readers.errors import ReadError

W_BODY = qn("w:body")
W_P = qn("w:p")
W_R = qn("w:r")
W_T = qn("w:t")
W_TAB = qn("w:tab")
W_PTAB = qn("w:ptab")
W_BR = qn("w:br")
W_CR = qn("w:cr")
W_NBH = qn("w:noBreakHyphen")
W_TBL = qn("w:tbl")
W_TR = qn("w:tr")
W_TC = qn("w:tc")
W_PPR = qn("w:pPr")
W_PSTYLE = qn("w:pStyle")
W_OUTLINE = qn("w:outlineLvl")
W_TCPR = qn("w:tcPr")
W_TRPR = qn("w:trPr")
W_GRIDSPAN = qn("w:gridSpan")
W_GRIDBEFORE = qn("w:gridBefore")
W_VMERGE = qn("w:vMerge")
W_HMERGE = qn("w:hMerge")
W_VAL = qn("w:val")
W_TYPE = qn("w:type")
W_STYLE = qn("w:style")
W_STYLEID = qn("w:styleId")
W_NAME = qn("w:name")
W_BASEDON = qn("w:basedOn")
W_SDT = qn("w:sdt")
W_SDTCONTENT = qn("w:sdtContent")
W_CUSTOMXML = qn("w:customXml")
W_TXBX = qn("w:txbxContent")
W_NUMPR = qn("w:numPr")
W_PPRCHANGE = qn("w:pPrChange")
W_TCPRCHANGE = qn("w:tcPrChange")
W_TRPRCHANGE = qn("w:trPrChange")
W_MOVEFROM = qn("w:moveFrom")
W_VANISH = qn("w:vanish")
W_RPR = qn("w:rPr")
W_SYM = qn("w:sym")
W_VERTALIGN = qn("w:vertAlign")
_SUPERSCRIPT_POWERS = {"2": "²", "3": "³"}  # “m<sup>2</sup>” is m²
W_CHAR = qn("w:char")
W_SDTPR = qn("w:sdtPr")
W_PLACEHOLDER = qn("w:showingPlcHdr")
# Symbol-font characters Word writes as w:sym (×, ÷, ±, ≤, ≥, ·) in figures such as “14.4×2.025米”
SYMBOL_CHARS = {0xB4: "×", 0xB8: "÷", 0xB1: "±", 0xA3: "≤", 0xB3: "≥", 0xD7: "·", 0xB0: "°"}
LEVEL1_FIRST = frozenset(CN_DIGITS + "第")  # how a level-1 number (“一、”, “第一部分”) starts
TOC_ENTRY = 0  # the "level" of a table-of-contents style: neither a heading nor numbered
_TOC_NAME_RE = re.compile(r"^(?:toc|目录)\s*(?:\d|heading|标题)?$", re.I)

# Elements inside a paragraph that wrap runs.
RUN_CONTAINERS = frozenset(
    qn(t)
    for t in (
        "w:hyperlink",
        "w:ins",
        "w:smartTag",
        "w:fldSimple",
        "w:sdt",
        "w:sdtContent",
        "w:customXml",
        "w:moveTo",
        "w:dir",
        "w:bdo",
    )
)
# Elements that wrap block content (paragraphs, tables, rows, cells).
_BLOCK_CONTAINERS = frozenset((W_SDT, W_SDTCONTENT, W_CUSTOMXML))
_HEADING_NAME_RE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


def _iter_blocks(parent: _Element) -> Iterator[_Element]:
    """Yield ``w:p``/``w:tbl`` children, looking through content controls (not those showing placeholder text)."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in (W_P, W_TBL):
            yield child
        elif tag in _BLOCK_CONTAINERS and not _placeholder(child):
            yield from _iter_blocks(child)


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
MC_CHOICE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"  # an equation's text (m:oMath)
M_OMATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath"
M_OMATHPARA = "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara"
W_DEL = qn("w:del")
W_FOOTNOTE_REF, W_ENDNOTE_REF = qn("w:footnoteReference"), qn("w:endnoteReference")
W_CUSTOM_MARK = qn("w:customMarkFollows")


def _custom_note_mark(run: _Element) -> bool:
    """A run holding a note reference whose mark is the run's own text (“*”, “1”): not the author's figure."""
    return any(c.tag in (W_FOOTNOTE_REF, W_ENDNOTE_REF) and c.get(W_CUSTOM_MARK) in ("1", "true", "on")
               for c in run.iterchildren())  # fmt: skip


def text_box_blocks(p: _Element) -> list[_Element]:
    """The paragraphs and tables of the text boxes anchored in paragraph ``p``, in order (each box once: the
    ``mc:Fallback`` copy Word writes for older readers is skipped, as are boxes inside boxes)."""
    out: list[_Element] = []
    for box in p.iter(W_TXBX):
        outer = False
        for ancestor in box.iterancestors():
            if ancestor is p:
                break
            if ancestor.tag == MC_FALLBACK or ancestor.tag == W_TXBX:
                outer = True
                break
        if not outer:
            out.extend(_iter_blocks(box))
    return out


def reading_order(blocks: Iterator[_Element], boxes: bool) -> Iterator[_Element]:
    """``blocks`` with, when ``boxes`` (the document has text boxes), each paragraph's text-box content after it; a
    frame (a one-cell table holding a table, as WPS pastes them) gives its content instead of itself."""
    for el in blocks:
        frame = _frame_cell(el) if el.tag == W_TBL else None
        if frame is not None:
            yield from reading_order(_iter_blocks(frame), boxes)
            continue
        yield el
        if boxes and el.tag == W_P:
            yield from text_box_blocks(el)


def _frame_cell(tbl: _Element) -> _Element | None:
    """The only cell of a one-cell table that holds a table of its own (a frame around the real table), else None."""
    rows = list(islice(_iter_tagged(tbl, W_TR), 2))
    if len(rows) != 1:
        return None
    cells = list(islice(_iter_tagged(rows[0], W_TC), 2))
    if len(cells) != 1 or not any(block.tag == W_TBL for block in _iter_blocks(cells[0])):
        return None
    return cells[0]


def _placeholder(el: _Element) -> bool:
    """A content control still showing its prompt (“单击此处输入文字”): not the author's text."""
    if el.tag != W_SDT:
        return False
    props = el.find(W_SDTPR)
    return props is not None and props.find(W_PLACEHOLDER) is not None


def _hidden(run: _Element) -> bool:
    """A run formatted as hidden text (w:vanish): Word neither shows nor prints it."""
    props = run.find(W_RPR)
    vanish = props.find(W_VANISH) if props is not None else None
    return vanish is not None and vanish.get(W_VAL, "true") not in ("0", "false", "off")


def _superscript(run: _Element) -> bool:
    props = run.find(W_RPR)
    align = props.find(W_VERTALIGN) if props is not None else None
    return align is not None and align.get(W_VAL) == "superscript"


def _symbol(el: _Element) -> str:
    """The character of a ``w:sym`` (Symbol-font codes F0xx mapped to their Unicode characters)."""
    try:
        code = int(el.get(W_CHAR, ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        return SYMBOL_CHARS.get(code - 0xF000, "")
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""  # no character (a surrogate half, beyond Unicode): a broken file's
    return chr(code)


def _iter_tagged(parent: _Element, wanted: str) -> Iterator[_Element]:
    """Yield children with tag ``wanted`` (``w:tr`` or ``w:tc``), looking through wrappers."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag == wanted:
            yield child
        elif tag in _BLOCK_CONTAINERS:
            yield from _iter_tagged(child, wanted)


def _collect_text(el: _Element, parts: list[str]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if tag == W_R:
            if _hidden(child) or _custom_note_mark(child):
                continue
            power = _superscript(child)
            for c in child.iterchildren():
                t = c.tag
                if t == W_T:
                    text = c.text or ""
                    if power and text in _SUPERSCRIPT_POWERS and parts and parts[-1].endswith(("m", "M", "米")):
                        text = _SUPERSCRIPT_POWERS[text]
                    parts.append(text)
                elif t == W_TAB:
                    parts.append("\t")
                elif t in (W_BR, W_CR):
                    if c.get(W_TYPE) in (None, "textWrapping"):
                        parts.append("\n")
                elif t == W_NBH:
                    parts.append("-")
                elif t == W_SYM:
                    parts.append(_symbol(c))
        elif tag in RUN_CONTAINERS and not _placeholder(child):
            _collect_text(child, parts)
        elif tag == MC_ALTERNATE:  # Word shows one branch: the first choice (the fallback is for older readers)
            choice = child.find(MC_CHOICE)
            if choice is not None:
                _collect_text(choice, parts)
        elif tag in (M_OMATH, M_OMATHPARA):  # an equation: “预算执行率=5271022.96÷5920000×100%=98.04%”
            parts.extend(t.text or "" for t in child.iter(M_T))


def _structured_paragraph_text(p: _Element) -> str:
    parts: list[str] = []
    _collect_text(p, parts)
    return "".join(parts)


_PARA_TAGS = (W_T, W_TAB, W_PTAB, W_BR, W_CR, W_NBH, W_TXBX, W_PSTYLE, W_OUTLINE, W_PPRCHANGE, W_MOVEFROM, W_VANISH, W_SYM,
              W_PLACEHOLDER, W_VERTALIGN, W_DEL, MC_ALTERNATE, M_T, W_FOOTNOTE_REF, W_ENDNOTE_REF)  # fmt: skip
# text boxes, moved-away or deleted text (another editor may write w:t there), symbols, prompts, one of two branches,
# note references (a custom mark is written as the run's text)
_NEEDS_WALK = frozenset((W_TXBX, W_MOVEFROM, W_SYM, W_PLACEHOLDER, W_DEL, MC_ALTERNATE, W_FOOTNOTE_REF, W_ENDNOTE_REF))


def paragraph_info(p: _Element, levels: dict[str, int]) -> tuple[str, int | None]:
    """Visible text (line breaks as "\\n") and heading level from style/outline of a ``w:p``.

    Fast path: one filtered C-level ``iter``; paragraphs holding text boxes, moved-away text (a tracked move's
    ``w:moveFrom``), hidden runs, symbols or placeholder prompts fall back to a structured walk that reads only what
    Word shows.  Only the paragraph's own ``w:pPr`` gives its style and outline level (a tracked change keeps the old
    ones in ``w:pPrChange``, the last child of ``w:pPr``: nothing after it counts).
    """
    parts: list[str] = []
    append = parts.append
    style_level: int | None = None
    outline_level: int | None = None
    seen_style = seen_outline = False
    for el in p.iter(*_PARA_TAGS):
        tag = el.tag
        if tag in (W_T, M_T):
            append(el.text or "")
        elif tag in (W_TAB, W_PTAB):
            append("\t")
        elif tag == W_PSTYLE:
            if not seen_style:
                seen_style = True
                style_level = levels.get(el.get(W_VAL, ""))
        elif tag == W_PPRCHANGE:  # the old properties of a tracked change: what follows in it is not in force
            seen_style = seen_outline = True
        elif tag == W_OUTLINE:
            if not seen_outline:
                seen_outline = True
                val = _int_val(el, 9)
                outline_level = val + 1 if 0 <= val < 9 else None
        elif tag == W_NBH:
            append("-")
        elif tag == W_VERTALIGN and el.get(W_VAL) != "superscript":
            continue
        elif tag in _NEEDS_WALK or (tag in (W_VANISH, W_VERTALIGN) and el.getparent().getparent().tag == W_R):
            if tag == W_VANISH and el.get(W_VAL, "true") in ("0", "false", "off"):
                continue
            parts = [_structured_paragraph_text(p)]
            if not seen_style or not seen_outline:  # the properties come first: a style seen by now is all there is
                own = p.find(W_PPR)
                if own is not None and not seen_style and own.find(W_PSTYLE) is not None:
                    seen_style, style_level = True, levels.get(own.find(W_PSTYLE).get(W_VAL, ""))
                if own is not None and not seen_outline and own.find(W_OUTLINE) is not None:
                    val = _int_val(own.find(W_OUTLINE), 9)
                    seen_outline, outline_level = True, (val + 1 if 0 <= val < 9 else None)
            break
        elif tag in (W_VANISH, W_VERTALIGN):
            continue  # the paragraph mark's own formatting
        elif el.get(W_TYPE) in (None, "textWrapping"):  # w:br / w:cr
            append("\n")
    level = outline_level if seen_outline else style_level
    return "".join(parts), level


def paragraph_text(p: _Element) -> str:
    """Visible text of a ``w:p`` element (line breaks as "\\n")."""
    return paragraph_info(p, {})[0]


def _cell_text(tc: _Element, numbering: ListNumbering | None = None) -> str:
    """A cell's paragraphs, the cells of a table nested in it, and the text boxes anchored in it, in order; with
    ``numbering``, a paragraph Word numbers automatically has its label before it."""
    lines: list[str] = []
    _block_lines(_iter_blocks(tc), lines, numbering)
    return "\n".join(lines)


def _block_lines(blocks: Iterator[_Element] | list[_Element], lines: list[str],
                 numbering: ListNumbering | None = None) -> None:  # fmt: skip
    for block in blocks:
        if block.tag == W_P:
            text = paragraph_text(block).strip()
            if numbering is not None and (text or block.find(".//" + W_NUMPR) is not None):
                label = numbering.label(block)  # (an empty 序号 cell holding only Word's number counts too)
                text = (label + (" " if text[:1].isdigit() else "") + text) if label else text
            if text:
                lines.append(text)
            if block.find(".//" + W_TXBX) is not None:
                _block_lines(text_box_blocks(block), lines)
        else:  # nested table: its cell texts, in order
            for tr in _iter_tagged(block, W_TR):
                for inner in _iter_tagged(tr, W_TC):
                    text = _cell_text(inner)
                    if text:
                        lines.append(text)


def _int_val(el: _Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(W_VAL))
    except (TypeError, ValueError):
        return default


GRID_MAX = 63  # Word's widest table: a span or offset beyond it is a broken file's


def _grid_count(el: _Element | None, default: int) -> int:
    """A column count (``w:gridSpan``, ``w:gridBefore``) kept within Word's grid."""
    return min(max(_int_val(el, default), 0), GRID_MAX)


def table_cell_elements(tbl: _Element) -> list[list[tuple[RawCell, _Element]]]:
    """Raw cells of a ``w:tbl`` with their ``w:tc`` elements, on the same grid as :func:`table_rows`.

    A legacy horizontal-merge continuation cell is folded into the cell before it,
    so each entry's element is the ``w:tc`` where the cell's text starts.
    """
    rows: list[list[tuple[RawCell, _Element]]] = []
    for tr in _iter_tagged(tbl, W_TR):
        trpr = tr.find(W_TRPR)
        col = 1 + (_grid_count(trpr.find(W_GRIDBEFORE), 0) if trpr is not None else 0)
        cells: list[tuple[RawCell, _Element]] = []
        for tc in _iter_tagged(tr, W_TC):
            span, merged = 1, False
            tcpr = tc.find(W_TCPR)
            if tcpr is not None:
                span = max(1, _grid_count(tcpr.find(W_GRIDSPAN), 1))
                vm = tcpr.find(W_VMERGE)
                merged = vm is not None and vm.get(W_VAL, "continue") == "continue"
                hm = tcpr.find(W_HMERGE)
                if hm is not None and hm.get(W_VAL, "continue") == "continue" and cells:
                    cells[-1][0].span += span  # legacy horizontal merge
                    col += span
                    continue
            cells.append((RawCell("" if merged else _cell_text(tc), col, merged, span), tc))
            col += span
        rows.append(cells)
    return rows


def _structured_table_rows(tbl: _Element) -> list[list[RawCell]]:
    """Raw rows via an element-by-element walk (handles nested tables and text boxes)."""
    return [[cell for cell, _ in row] for row in table_cell_elements(tbl)]


_TABLE_TAGS = (
    W_TBL,
    W_TR,
    W_TC,
    W_P,
    W_T,
    W_TAB,
    W_BR,
    W_CR,
    W_NBH,
    W_GRIDBEFORE,
    W_GRIDSPAN,
    W_VMERGE,
    W_HMERGE,
    W_TXBX,
    W_TCPRCHANGE,
    W_TRPRCHANGE,
    W_MOVEFROM,
    W_SYM,
    W_PLACEHOLDER,
    W_VANISH,
    W_VERTALIGN,
    W_DEL,
    MC_ALTERNATE,
    M_T,
    W_FOOTNOTE_REF,
    W_ENDNOTE_REF,
)  # (any of the last five sends the table to the structured walk, which reads them as Word shows them)


def _close_cell(row: list[RawCell], lines: list[str], parts: list[str], col: int, span: int, merged: bool,
                h_continue: bool) -> int:  # fmt: skip
    """Finish the open cell (its last paragraph included) and return the next grid column."""
    if parts:
        text = "".join(parts).strip()
        if text:
            lines.append(text)
    if h_continue and row:
        row[-1].span += span
    else:
        row.append(RawCell("" if merged else "\n".join(lines), col, merged, span))
    return col + span


def _fast_table_rows(tbl: _Element) -> list[list[RawCell]] | None:
    """Raw rows from one filtered C-level ``iter`` over the table.

    Returns ``None`` when the table needs the structured walk (nested table,
    text box, tracked property change).  Kept flat on purpose: it is the hot loop.
    """
    rows: list[list[RawCell]] = []
    row: list[RawCell] = []
    lines: list[str] | None = None  # paragraphs of the open cell; None outside a cell
    parts: list[str] = []
    col = 1
    span, merged, h_continue = 1, False, False
    seen_self = False
    for el in tbl.iter(*_TABLE_TAGS):
        tag = el.tag
        if tag == W_T:
            parts.append(el.text or "")
            continue
        if tag == W_P:
            if parts:
                text = "".join(parts).strip()
                if text and lines is not None:
                    lines.append(text)
                parts = []
            continue
        if tag in (W_TC, W_TR):
            if lines is not None:
                col = _close_cell(row, lines, parts, col, span, merged, h_continue)
            parts = []
            if tag == W_TR:
                row = []
                rows.append(row)
                col = 1
                lines = None
            else:
                lines = []
                span, merged, h_continue = 1, False, False
        elif tag == W_TAB:
            parts.append("\t")
        elif tag in (W_BR, W_CR):
            if el.get(W_TYPE) in (None, "textWrapping"):
                parts.append("\n")
        elif tag == W_NBH:
            parts.append("-")
        elif tag == W_GRIDSPAN:
            span = max(1, _grid_count(el, 1))
        elif tag == W_VMERGE:
            merged = el.get(W_VAL, "continue") == "continue"
        elif tag == W_HMERGE:
            h_continue = el.get(W_VAL, "continue") == "continue"
        elif tag == W_GRIDBEFORE:
            col += _grid_count(el, 0)
        elif tag == W_TBL and not seen_self:
            seen_self = True
        else:
            return None
    if lines is not None:
        _close_cell(row, lines, parts, col, span, merged, h_continue)
    return rows


def table_rows(tbl: _Element) -> list[list[RawCell]]:
    """Raw rows of a ``w:tbl`` element with grid-consistent column indexes."""
    rows = _fast_table_rows(tbl)
    return rows if rows is not None else _structured_table_rows(tbl)


_STYLE_OPEN = re.compile(rb"<w:style\b[^>]*>")


def _paragraph_styles(blob: bytes) -> _Element:
    """Parse only the paragraph styles of styles.xml.

    Word's styles part is mostly table styles (97% of python-docx's template); cutting the paragraph styles
    out of the bytes before parsing is several times faster. Files that do not use the usual ``w:`` prefix
    are parsed whole.
    """
    root_start = blob.find(b"<w:styles")
    if root_start < 0 or b"<w:style " not in blob:
        return etree.fromstring(blob, _PARSER)
    parts = [blob[: blob.find(b">", root_start) + 1]]
    for match in _STYLE_OPEN.finditer(blob):
        tag = match.group(0)
        if b'w:type="paragraph"' not in tag and b"w:type='paragraph'" not in tag and b"w:type=" in tag:
            continue
        if tag.endswith(b"/>"):
            parts.append(tag)
            continue
        end = blob.find(b"</w:style>", match.end())
        if end < 0:
            return etree.fromstring(blob, _PARSER)
        parts.append(blob[match.start() : end + len(b"</w:style>")])
    parts.append(b"</w:styles>")
    return etree.fromstring(b"".join(parts), _PARSER)


def _style_levels(styles_el: _Element | None) -> dict[str, int]:
    """Map paragraph style id → heading level (from name, outline level or base style); ``TOC_ENTRY`` for the
    table-of-contents styles."""
    return style_info(styles_el)[0]


def style_info(styles_el: _Element | None) -> tuple[dict[str, int], StyleNumbers]:
    """Heading levels of the paragraph styles (see :func:`_style_levels`) and the lists numbering them, in one pass."""
    if styles_el is None:
        return {}, StyleNumbers({}, {})
    info: dict[str, tuple[str, int | None, str | None]] = {}
    numbered: dict[str, tuple[str | None, int | None]] = {}
    for st in styles_el.iterchildren(W_STYLE):
        if st.get(W_TYPE) not in (None, "paragraph"):
            continue
        sid = st.get(W_STYLEID)
        if not sid:
            continue
        name_el = st.find(W_NAME)
        name = name_el.get(W_VAL, "") if name_el is not None else ""
        ppr = st.find(W_PPR)
        outline = _int_val(ppr.find(W_OUTLINE), -1) if ppr is not None else -1
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        if numpr is not None and not name.startswith(("List", "列表")):  # list styles number body text
            numbered[sid] = numpr_of(numpr)
        based = st.find(W_BASEDON)
        info[sid] = (name, outline if 0 <= outline <= 9 else None, based.get(W_VAL) if based is not None else None)

    levels: dict[str, int] = {}
    for sid in info:
        current: str | None = sid
        for _ in range(10):  # follow basedOn, bounded
            if current is None or current not in info:
                break
            name, outline, based = info[current]
            if _TOC_NAME_RE.match(name.strip()):
                levels[sid] = TOC_ENTRY  # “toc 1”, “TOC Heading”: the table of contents
                break
            m = _HEADING_NAME_RE.match(name.strip())
            if m:
                levels[sid] = int(m.group(1))
                break
            if outline == 9:
                break  # outline level 9 is body text, whatever the style is based on
            if outline is not None:
                levels[sid] = outline + 1
                break
            current = based
    return levels, StyleNumbers(numbered, {sid: based for sid, (_, _, based) in info.items()})


_WORD_CONTENT_TYPES = (
    CT.WML_DOCUMENT_MAIN,
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
# Plain parser: element proxies without python-docx's custom classes iterate much faster.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=True)


def is_strict(package_rels: bytes | None) -> bool:
    """The package relationships of a “Strict Open XML” document (its own namespaces, which Word rarely writes)."""
    return bool(package_rels) and b"purl.oclc.org/ooxml" in package_rels


def strict_message(path: str | os.PathLike[str]) -> str:
    return (f"文件“{Path(path).name}”是“严格 Open XML（Strict）”格式，暂不支持。"
            "请在 Word 中“另存为”，保存类型选“Word 文档(*.docx)”后再试。")  # fmt: skip


def _bad_docx(path: str | os.PathLike[str]) -> ReadError:
    return ReadError(
        f"文件“{Path(path).name}”不是有效的 Word（.docx）文档，可能已损坏或只是改了扩展名。"
        "请用 Word 打开后“另存为” .docx 格式再试。"
    )


MAIN_PART_LIMIT = 100 * 1024 * 1024  # word/document.xml unpacked: real reports' run to a few tens of MB
PART_LIMIT = 20 * 1024 * 1024  # styles, numbering, content types, relationships: real ones run to a few MB at most
BOMB_RATIO = 200  # unpacked ÷ packed: Word's XML packs about 5–70 to 1; a part packed far tighter repeats itself
BOMB_MIN_SIZE = 10 * 1024 * 1024  # (the ratio is judged only for a part this large unpacked)
_CHUNK = 1024 * 1024
_MB = 1024 * 1024


def oversized_part(info: zipfile.ZipInfo, limit: int) -> str | None:
    """Why a zip member is too large to unpack (by the size and ratio its directory entry declares), else None."""
    size_mb = f"{info.file_size / _MB:.0f} MB"
    if info.file_size > limit:
        return f"{info.filename} 达 {size_mb}，超过 {limit // _MB} MB 的上限"
    if info.file_size > BOMB_MIN_SIZE and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        return f"{info.filename} 达 {size_mb}，压缩比约 {ratio}:1，正常的 Word 文档不会这样"
    return None


def oversized_message(path: str | os.PathLike[str], why: str) -> str:
    return (f"文件“{Path(path).name}”解压后异常大：{why}。文件可能已损坏，或不是正常的 Word 报告。"
            "请在 Word 或 WPS 中打开，“另存为” .docx 格式后再试。")  # fmt: skip


class _ZipParts:
    """The parts of a .docx package, each unpacked only after the size and compression ratio its zip entry declares
    are checked, and never beyond that size (a “zip bomb” cannot take minutes and gigabytes)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = path
        self._zip = zipfile.ZipFile(path)

    def close(self) -> None:
        self._zip.close()

    @property
    def content_types_xml(self) -> bytes:
        return self.read(CONTENT_TYPES_URI.membername)

    def rels_xml_for(self, source_uri: PackURI) -> bytes | None:
        try:
            return self.read(source_uri.rels_uri.membername)
        except KeyError:
            return None

    def blob_for(self, pack_uri: PackURI, limit: int = PART_LIMIT) -> bytes:
        return self.read(pack_uri.membername, limit)

    def read(self, name: str, limit: int = PART_LIMIT) -> bytes:
        """The unpacked member ``name`` (KeyError when absent)."""
        info = self._zip.getinfo(name)
        why = oversized_part(info, limit)
        if why is not None:
            raise ReadError(oversized_message(self._path, why))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _bad_docx(self._path)  # (Word writes no other method; bzip2/LZMA would unpack without a bound)
        # Read in chunks: ZipExtFile.read() with no size inflates the whole member in one call before cutting it to
        # the declared size; chunks keep the memory to that size even when the entry lies (its CRC check then fails).
        chunks: list[bytes] = []
        total = 0
        with self._zip.open(info) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                if total > info.file_size:  # (zipfile stops at the declared size already)
                    raise _bad_docx(self._path)
                chunks.append(chunk)
        return b"".join(chunks)


def load_package(path: str | os.PathLike[str]) -> tuple[bytes, bytes | None, bytes | None]:
    """Return the raw main document, styles and numbering XML of a .docx (the last two None when absent).

    Uses python-docx's OPC pieces but reads only the parts the checker needs (python-docx's
    ``PackageReader`` would inflate every part: theme, fonts, settings, images…), each within a size limit.
    """
    if not Path(path).is_file():
        raise ReadError(f"找不到文件“{path}”。请检查路径是否正确。")
    try:
        package = _ZipParts(path)
    except Exception as exc:  # not a zip
        raise _bad_docx(path) from exc
    try:
        content_types = _ContentTypeMap.from_xml(package.content_types_xml)
        main = next(
            (rel for rel in _SerializedRelationships.load_from_xml(PACKAGE_URI.baseURI, package.rels_xml_for(PACKAGE_URI))
             if rel.reltype == RT.OFFICE_DOCUMENT and not rel.is_external
             and content_types[rel.target_partname] in _WORD_CONTENT_TYPES),
            None,
        )  # fmt: skip
        if main is None:
            if is_strict(package.rels_xml_for(PACKAGE_URI)):
                raise ReadError(strict_message(path))
            raise _bad_docx(path)
        main_name = main.target_partname
        try:
            main_blob = package.blob_for(main_name, MAIN_PART_LIMIT)
        except KeyError:
            raise ReadError(f"文件“{Path(path).name}”缺少正文部分 {main_name.lstrip('/')}（文档已损坏）。请用 Word 打开，"
                            "按提示恢复内容后“另存为” .docx 再试") from None  # fmt: skip
        styles_blob = numbering_blob = None
        for rel in _SerializedRelationships.load_from_xml(main_name.baseURI, package.rels_xml_for(main_name)):
            if rel.is_external or rel.reltype not in (RT.STYLES, RT.NUMBERING):
                continue
            try:  # a styles or numbering part listed but missing: read without it, as Word recovers the text
                blob = package.blob_for(rel.target_partname)
            except KeyError:
                continue
            if rel.reltype == RT.STYLES:
                styles_blob = blob
            else:
                numbering_blob = blob
    except ReadError:
        raise
    except Exception as exc:  # missing [Content_Types].xml or part, broken rels, a bad CRC, ...
        raise _bad_docx(path) from exc
    finally:
        package.close()
    return main_blob, styles_blob, numbering_blob


def _body(main_blob: bytes) -> _Element | None:
    """The ``w:body`` of the main document part."""
    return etree.fromstring(main_blob, _PARSER).find(W_BODY)


W_RSTYLE = qn("w:rStyle")


def hidden_styles(styles_blob: bytes | None) -> tuple[set[str], set[str]]:
    """(paragraph styles, character styles) whose run properties hide the text (w:vanish): Word shows none of it."""
    if not styles_blob or b"vanish" not in styles_blob:
        return set(), set()
    paragraph, character = set(), set()
    for style in etree.fromstring(styles_blob, _PARSER).iter(W_STYLE):
        rpr = style.find(W_RPR)
        vanish = rpr.find(W_VANISH) if rpr is not None else None
        if vanish is not None and vanish.get(W_VAL, "true") not in ("0", "false", "off"):
            (character if style.get(W_TYPE) == "character" else paragraph).add(style.get(W_STYLEID, ""))
    return paragraph, character


def _hide_styled_runs(body: _Element, hidden: tuple[set[str], set[str]]) -> None:
    """Mark the runs of hidden paragraph styles and hidden character styles as hidden, as their styles make them."""
    paragraph_styles, character_styles = hidden
    for run in body.iter(W_R):
        props = run.find(W_RPR)
        if props is not None and props.find(W_VANISH) is not None:
            continue  # (the run's own setting wins)
        style = props.find(W_RSTYLE) if props is not None else None
        p = run.getparent()
        while p is not None and p.tag != W_P:
            p = p.getparent()
        ppr = p.find(W_PPR) if p is not None else None
        pstyle = ppr.find(W_PSTYLE) if ppr is not None else None
        if (style is not None and style.get(W_VAL) in character_styles) or \
                (pstyle is not None and pstyle.get(W_VAL) in paragraph_styles):  # fmt: skip
            if props is None:
                props = etree.SubElement(run, W_RPR)
                run.insert(0, props)
            etree.SubElement(props, W_VANISH)


def _read_blocks(main_blob: bytes, levels: dict[str, int], builder: DocumentBuilder,
                 numbering: ListNumbering | None = None, hidden: tuple[set[str], set[str]] = (set(), set())) -> None:  # fmt: skip
    """Feed every body-level paragraph and table to the builder, in document order.

    The whole part is parsed first and its body walked: measured in new interpreters this is faster than
    ``iterparse`` with clearing, the parser's C code doing the bulk of the work in one go.
    """
    body = _body(main_blob)
    if body is None:
        return
    if hidden[0] or hidden[1]:
        _hide_styled_runs(body, hidden)
    for el in reading_order(_iter_blocks(body), b"txbxContent" in main_blob):
        add_block(builder, el, levels, numbering)


def add_block(builder: DocumentBuilder, el: _Element, levels: dict[str, int], numbering: ListNumbering | None = None,
              nested_in: int | None = None):  # fmt: skip
    """Feed one ``w:p`` or ``w:tbl`` to the builder; the new block, or None for a blank paragraph or empty table.

    With ``numbering`` (the document uses Word's automatic lists) a paragraph's list label goes before its text;
    ``nested_in`` is the number of the table in whose cell a table is nested (it names the table's place).
    """
    if el.tag == W_P:
        text, level = paragraph_info(el, levels)
        if not text.strip():
            return None  # (nor is it counted in its list: a deleted or moved-away numbered heading)
        if numbering is not None:
            label = numbering.label(el)
            if label:
                body = text.lstrip()
                text = label + (" " if body[:1].isdigit() else "") + body  # “2. 95万元…”, not “2.95万元”
                if level is None and numbering.styled_headings:
                    return builder.add_paragraph(text, plain=True)  # a numbered list in the body text
        if level == TOC_ENTRY:
            return builder.add_paragraph(text, plain=True)
        return builder.add_paragraph(text, style_level=level)
    caption = f"嵌在表{nested_in}单元格中的表格" if nested_in is not None else None
    rows = numbered_table_rows(el, numbering) if numbering is not None and el.find(".//" + W_NUMPR) is not None else table_rows(el)
    table = builder.add_table(rows, caption=caption, nested_in=nested_in)
    for inner in _nested_tables(el) if table is not None else ():  # (its cell keeps their text too, as Word shows it)
        add_block(builder, inner, levels, numbering, nested_in=table.location.table)
    return table


def _nested_tables(tbl: _Element) -> list[_Element]:
    """The tables nested in a table's cells (a funding breakdown inside a cell), read as tables of their own right
    after it so that their totals are checked too."""
    if tbl.find(".//" + W_TBL) is None:
        return []
    return [block for tr in _iter_tagged(tbl, W_TR) for tc in _iter_tagged(tr, W_TC)
            for block in _iter_blocks(tc) if block.tag == W_TBL]  # fmt: skip


def numbered_table_rows(tbl: _Element, numbering: ListNumbering) -> list[list[RawCell]]:
    """Raw rows of a table whose cells hold automatically numbered paragraphs (a 序号 column Word numbers itself):
    each such paragraph gets the label Word shows, counted in document order with the lists outside the table."""
    rows = table_cell_elements(tbl)
    for row in rows:
        for cell, tc in row:
            if not cell.merged_from_above:
                cell.text = _cell_text(tc, numbering)
    return [[cell for cell, _ in row] for row in rows]


def shifted_levels(document: Document, levels: dict[str, int]) -> dict[str, int] | None:
    """Style levels moved up when every “一、” heading sits one (or more) style levels deeper than its number says.

    Many reports keep 标题 1 for the title and number their parts “一、” in 标题 2, “（一）” in 标题 3: the numbers,
    not the style names, then give the levels. None when the styles and the numbers agree.
    """
    first_level = []  # (position, style level) of the “一、” / “第一部分” headings
    for position, h in enumerate(document.headings):
        if h.number and h.number[0] in LEVEL1_FIRST:
            if h.heading_level <= 1:
                return None
            first_level.append((position, h.heading_level))
    if not first_level:
        return None
    deepest_title = min(level for _, level in first_level)
    above = [i for i, h in enumerate(document.headings) if h.heading_level < deepest_title]
    if any(i > first_level[0][0] for i in above):
        return None  # higher headings between the parts (“第一章 …”, “一、” under each): the styles are right
    offset = deepest_title - 1
    return {sid: (level if level == TOC_ENTRY else max(1, level - offset)) for sid, level in levels.items()}


def iter_numbered_blocks(root: _Element) -> Iterator[tuple[str, int, _Element]]:
    """Yield ``("paragraph" | "table", number, element)`` for every block the reader numbers.

    Same walk and skip rules as :func:`read_docx` (blank paragraphs and empty tables are not counted), so
    ``number`` matches ``Location.paragraph`` / ``Location.table``.  ``root`` is the main document or body.
    """
    body = root if root.tag == W_BODY else root.find(W_BODY)
    if body is None:
        return
    paragraphs = tables = 0
    for el in reading_order(_iter_blocks(body), body.find(".//" + W_TXBX) is not None):
        if el.tag == W_P:
            if paragraph_text(el).strip():
                paragraphs += 1
                yield "paragraph", paragraphs, el
            continue
        for table in _with_nested(el):  # a table, then the tables nested in it, as add_block reads them
            tables += 1
            yield "table", tables, table


def _with_nested(tbl: _Element) -> Iterator[_Element]:
    """A non-empty table and, after it, the non-empty tables nested in its cells (depth first)."""
    if any(table_rows(tbl)):
        yield tbl
        for inner in _nested_tables(tbl):
            yield from _with_nested(inner)


def read_docx(path: str | os.PathLike[str]) -> Document:
    """Read a .docx report."""
    main_blob, styles_blob, numbering_blob = load_package(path)
    builder = DocumentBuilder(str(path))
    try:
        levels, numbered_styles = style_info(_paragraph_styles(styles_blob) if styles_blob else None)
        numbering = ListNumbering.for_document(numbering_blob, numbered_styles, main_blob, levels)
        hidden = hidden_styles(styles_blob)
        _read_blocks(main_blob, levels, builder, numbering, hidden)
        document = builder.build()
        shifted = shifted_levels(document, levels)
        if shifted is None:
            return document
        builder = DocumentBuilder(str(path))  # headings one style level deeper than their numbers: read again
        _read_blocks(main_blob, shifted, builder, numbering.restarted() if numbering is not None else None, hidden)
    except etree.XMLSyntaxError as exc:
        raise _bad_docx(path) from exc
    return builder.build()
