"""Tests for the document model and the txt/md/docx readers."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checkers.document import Document, Location, Paragraph, Table  # noqa: E402
from checkers.readers import ReadError, read_document  # noqa: E402
from checkers.readers.docx_reader import iter_numbered_blocks  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"
SEED_000 = SEEDS / "000_35d0328808c89d23.txt"


def _load_builder():  # noqa: ANN202 - module object
    spec = importlib.util.spec_from_file_location("build_seed_docx", ROOT / "fixtures" / "build_seed_docx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _signature(doc: Document) -> list[tuple]:
    """Everything a checker relies on, for comparing two reads of the same report."""
    out: list[tuple] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            out.append(("P", b.text, b.heading_level, b.number, b.location.section, b.location.paragraph))
        else:
            cells = [[(c.text, c.merged_from_above, c.col) for c in row] for row in b.rows]
            out.append(("T", b.caption, cells, b.text_rows()))
    return out


def _table_with(doc: Document, text: str) -> Table:
    return next(t for t in doc.tables if any(text in cell for row in t.text_rows() for cell in row))


def _heading(doc: Document, text: str) -> Paragraph:
    return next(p for p in doc.headings if p.text == text)


@pytest.fixture(scope="module")
def seed000() -> Document:
    return read_document(SEED_000)


# --- seeds -----------------------------------------------------------------


def test_seed_score_overview_table(seed000: Document) -> None:
    table = next(t for t in seed000.tables if t.caption == "表1  绩效评价得分概况")
    rows = table.text_rows()
    assert rows[0] == ["指标", "权重", "分值", "得分率"]
    assert rows[-1] == ["合计", "100", "86.8", "86.8%"]
    assert len(rows) == 6
    assert table.row_text(5) == "合计 | 100 | 86.8 | 86.8%"


def test_seed_b_table_merged_cells(seed000: Document) -> None:
    table = _table_with(seed000, "B14运转程序规范性")
    rows = table.text_rows()
    assert len(rows) == 13
    b14 = next(i for i, r in enumerate(rows) if r[1] == "B14运转程序规范性")
    assert rows[b14] == ["B1组织实施", "B14运转程序规范性", "4", "2"]
    raw = table.rows[b14][0]
    assert raw.text == "" and raw.merged_from_above
    # an uncaptioned table is found by the section it stands in
    assert raw.location.describe().startswith(f"第四部分（二）过程管理情况，表{table.location.table} 第{b14 + 1}行第1列")
    assert rows[-1] == ["合计", "30", "26.8"]
    assert not any(c.merged_from_above for c in table.rows[-1])


def test_seed_headings_and_sections(seed000: Document) -> None:
    h1 = _heading(seed000, "四、绩效评价指标分析")
    assert (h1.heading_level, h1.number) == (1, "四、")
    h2 = _heading(seed000, "（二）过程管理情况")
    assert (h2.heading_level, h2.number) == (2, "（二）")
    assert h2.location.section == "四（二）过程管理情况"
    assert h2.location.describe().startswith("第四部分（二）过程管理情况（标题）")
    # a paragraph is counted from its own heading, as a reader counts
    first = seed000.blocks[seed000.blocks.index(h2) + 1]
    assert first.location.describe().startswith("第四部分（二）过程管理情况，标题下第1段")
    half = _heading(seed000, "(二) 项目绩效目标")
    assert (half.heading_level, half.number) == (2, "(二)")
    # long numbered lines are list items, not headings
    item = next(p for p in seed000.paragraphs if p.text.startswith("（1）《关于印发杭州市"))
    assert item.heading_level is None and item.number == "（1）"
    section = next(s for s in seed000.sections() if s.path == "四（二）过程管理情况")
    blocks = seed000.blocks[section.start_block : section.end_block]
    assert blocks[0] is h2
    assert any(isinstance(b, Table) and "B14运转程序规范性" in b.row_text(4) for b in blocks)
    assert isinstance(seed000.blocks[section.end_block], Paragraph)
    assert seed000.blocks[section.end_block].text == "（三）项目产出情况"


def test_seed_feedback_table_continuations(seed000: Document) -> None:
    table = seed000.tables[0]
    rows = table.text_rows()
    assert rows[3][0] == "主\n要\n绩\n效\n情\n况"
    assert rows[3][1].startswith("1.建立完善的项目管理制度") and "\n2.建设智慧安防小区" in rows[3][1]
    problems = rows[4][1]
    assert "\n4.部分设备效用未完全发挥" in problems and "\n5.个别设备修复不及时" in problems
    assert rows[5][0] == "建\n议"
    texts = [p.text for p in seed000.paragraphs]
    assert "附件1-2" in texts  # the table ended before the next attachment


def test_seed_page_break_line_ends_table() -> None:
    doc = read_document(SEEDS / "003_06df7a84ebc894a1.txt")
    table = _table_with(doc, "东铁营棚户改造项目的生态效益")
    assert table.text_rows()[-1][-1] == "3.50"
    assert any(p.text == "北京丽泽金融商务区管理委员会" for p in doc.paragraphs)
    assert not any("[bookmark:" in p.text for p in doc.paragraphs)
    assert any(p.text == "1.产出数量" and p.heading_level == 3 for p in doc.paragraphs)
    mixed = next(p for p in doc.paragraphs if p.text == "4、 存在的主要问题")
    assert (mixed.heading_level, mixed.number) == (3, "4、")


def test_gb18030_copy_reads_identically(tmp_path: Path, seed000: Document) -> None:
    copy = tmp_path / "seed_gbk.txt"
    copy.write_bytes(SEED_000.read_text(encoding="utf-8").encode("gb18030"))
    assert _signature(read_document(copy)) == _signature(seed000)


def test_a_utf8_copy_cut_inside_its_last_character_is_still_read(tmp_path: Path) -> None:
    data = SEED_000.read_bytes().rstrip()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data + "元".encode()[:2])  # a copy that stopped two bytes into a character
    assert [p.text for p in read_document(cut).paragraphs] == [p.text for p in read_document(SEED_000).paragraphs]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_built_docx_round_trips(tmp_path: Path, seed: Path) -> None:
    builder = _load_builder()
    target = builder.convert(seed, tmp_path)
    from_docx = read_document(target)
    from_txt = read_document(seed)
    assert _signature(from_docx) == _signature(from_txt)
    word = docx.Document(str(target))
    assert any(p.style.name.startswith("Heading") for p in word.paragraphs)


def test_committed_seed_docx_match_txt() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        built = SEEDS / "docx" / f"{seed.stem}.docx"
        assert built.exists(), f"run python fixtures/build_seed_docx.py to create {built}"
        assert _signature(read_document(built)) == _signature(read_document(seed)), seed.name


# --- own small examples ----------------------------------------------------


def test_text_reader_numbering_rules(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "\ufeff报告\n\n一、基本情况\n（一） 项目概况\n1.5分的事项说明\n"
        "1.项目背景\n(1)立项依据\n[bookmark: _Toc1]2、 实施情况\n"
        "1.这是一个很长的列表项，内容超过了四十个字符，所以它不是标题而是普通段落的一部分内容。\n"
        "表1  得分\n\t指标\n\t得分\n\n\tA\n\t20\n\n\n二、结论；\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    info = {p.text: (p.heading_level, p.number) for p in doc.paragraphs}
    assert info["报告"] == (None, None)
    assert info["一、基本情况"] == (1, "一、")
    assert info["（一） 项目概况"] == (2, "（一）")
    assert info["1.5分的事项说明"] == (None, None)
    assert info["1.项目背景"] == (3, "1.")
    assert info["(1)立项依据"] == (4, "(1)")
    assert info["2、 实施情况"] == (3, "2、")
    long_item = next(p for p in doc.paragraphs if p.text.startswith("1.这是"))
    assert (long_item.heading_level, long_item.number) == (None, "1.")
    assert info["二、结论；"] == (None, "二、")
    table = doc.tables[0]
    assert table.caption == "表1  得分"
    assert table.text_rows() == [["指标", "得分"], ["A", "20"]]
    assert table.location.line == 11
    p = next(p for p in doc.paragraphs if p.text == "(1)立项依据")
    assert p.location.line == 7 and p.location.section == "一（一）1.（1）立项依据"


def test_location_describe() -> None:
    assert Location(section="四（二）过程管理情况", paragraph=12).describe() == "第四部分（二）过程管理情况，第12段"
    assert Location(table=3, row=2, col=4).describe() == "表3 第2行第4列"
    assert Location(line=120).describe() == "第120行"
    assert Location(section="四、绩效评价指标分析", paragraph=3).describe() == "第四部分“绩效评价指标分析”，第3段"


def test_markdown_reader(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(
        "# 项目绩效评价报告\n\n## 一、基本情况\n\n### （一）项目概况\n\n本项目于2020年实施，\n"
        "共建设21个小区。\n\n- 1.第一项\n- 2.第二项\n\n表1 得分概况\n\n| 指标 | 权重 |\n|:---|---:|\n"
        "| A.决策 | 20 |\n|  | 5 |\n\n#### 结论\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    levels = {p.text: p.heading_level for p in doc.headings}
    assert levels == {"项目绩效评价报告": 1, "一、基本情况": 1, "（一）项目概况": 2, "结论": 4}
    assert "本项目于2020年实施，共建设21个小区。" in [p.text for p in doc.paragraphs]
    assert [p.number for p in doc.paragraphs if p.text.endswith("项")] == ["1.", "2."]
    table = doc.tables[0]
    assert table.caption == "表1 得分概况"
    assert table.text_rows() == [["指标", "权重"], ["A.决策", "20"], ["A.决策", "5"]]
    assert table.rows[2][0].merged_from_above


def test_docx_merges_styles_and_order(tmp_path: Path) -> None:
    word = docx.Document()
    word.styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)
    word.add_paragraph("绩效评价报告", style="标题 1")
    word.add_heading("（一）项目概况", level=2)
    word.add_paragraph("正文第一段。")
    t = word.add_table(rows=4, cols=3)
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    t.cell(1, 0).merge(t.cell(3, 0))  # vertical merge over rows 2-4, column 1
    t.cell(0, 1).merge(t.cell(0, 2))  # horizontal merge in the header row
    t.cell(2, 1).paragraphs[0].add_run().add_break()
    t.cell(2, 1).paragraphs[0].add_run("第二行")
    word.add_paragraph("1.结尾段落")
    path = tmp_path / "m.docx"
    word.save(str(path))

    doc = read_document(path)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table", "Paragraph"]
    title, h2 = doc.paragraphs[0], doc.paragraphs[1]
    assert (title.heading_level, title.number) == (1, None)
    assert (h2.heading_level, h2.number) == (2, "（一）")
    assert doc.paragraphs[-1].heading_level == 3  # numbering without a heading style
    table = doc.tables[0]
    header = table.rows[0]
    assert [(c.text, c.col, c.span) for c in header] == [("r0c0", 1, 1), ("r0c1\nr0c2", 2, 2)]
    assert [c.merged_from_above for c in table.rows[2]] == [True, False, False]
    assert table.rows[2][0].text == ""
    rows = table.text_rows()
    assert rows[1][0].startswith("r1c0") and rows[3][0] == rows[1][0]
    assert rows[2][1] == "r2c1\n第二行"
    assert [c.col for c in table.rows[3]] == [1, 2, 3]
    assert table.location.section == "（一）项目概况"


def test_docx_reads_a_large_report(tmp_path: Path) -> None:
    """A 1000-paragraph report with 10 tables reads completely (its speed is measured by bench/checker_speed.py)."""
    path = tmp_path / "big.docx"
    _write_large_docx(path)
    doc = read_document(path)
    assert len(doc.tables) == 10 and len(doc.tables[0].rows) == 101
    assert doc.tables[0].text_rows()[2][0] == doc.tables[0].text_rows()[1][0] == "B00组织实施"


def _write_large_docx(path: Path) -> None:
    """Word-like markup (run properties, rsids, split runs) so parsing cost is realistic."""
    rpr = (
        '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr>'
    )

    def para(text: str, style: str = "") -> str:
        ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
        runs = "".join(
            f'<w:r w:rsidRPr="00A1B2C3">{rpr}<w:t xml:space="preserve">{text[i : i + 12]}</w:t></w:r>'
            for i in range(0, len(text), 12)
        )
        return f'<w:p w:rsidR="00A1B2C3"><w:pPr>{ppr}<w:ind w:firstLine="640"/>{rpr}</w:pPr>{runs}</w:p>'

    def cell(text: str, vmerge: str = "") -> str:
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="1701" w:type="dxa"/>{vmerge}<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:jc w:val="center"/>{rpr}</w:pPr><w:r>{rpr}<w:t>{text}</w:t></w:r></w:p></w:tc>'
        )

    def table(n: int) -> str:
        rows = ["<w:tr>" + "".join(cell(x) for x in ("二级指标", "三级指标", "权重", "得分")) + "</w:tr>"]
        for r in range(100):
            first = (
                cell(f"B{n}{r // 2}组织实施", '<w:vMerge w:val="restart"/>') if r % 2 == 0 else cell("", "<w:vMerge/>")
            )
            rows.append(f"<w:tr>{first}{cell(f'B{n}{r}管理制度健全性')}{cell('3')}{cell('2.5')}</w:tr>")
        return (
            "<w:tbl><w:tblPr/><w:tblGrid>" + '<w:gridCol w:w="1701"/>' * 4 + "</w:tblGrid>" + "".join(rows) + "</w:tbl>"
        )

    body = []
    for i in range(1000):
        if i % 100 == 0:
            body.append(para(f"{'一二三四五六七八九十'[i // 100]}、第{i}部分", "Heading1"))
        else:
            body.append(para("经评价组核实，项目按照规定的程序申请设立，审批文件、材料符合相关要求。" * 2))
        if i % 100 == 50:
            body.append(table(i // 100))
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(body)
        + "<w:sectPr/></w:body></w:document>"
    )
    base = io.BytesIO()
    docx.Document().save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, data)


# --- errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("fake.docx", "这不是 Word 文件".encode(), "不是有效的 Word"),
        ("empty.txt", b"", "是空的"),
        ("blob.txt", bytes(range(256)) * 4, "二进制"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".doc"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 40, "不是有效的 Word"),
    ],
)
def test_read_errors(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert expected in str(err.value) and name in str(err.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="找不到文件"):
        read_document(tmp_path / "nope.docx")
    with pytest.raises(ReadError, match="文件夹"):
        read_document(tmp_path)


def _w(tag: str, **attrs: str):
    """A WordprocessingML element with w:-prefixed attributes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def test_docx_shows_what_word_shows(tmp_path: Path) -> None:
    """Tracked moves, hidden runs, old styles in a tracked change, symbols, soft hyphens, placeholder prompts."""
    word = docx.Document()
    moved = word.add_paragraph("预算执行率为")
    move_from = _w("w:moveFrom", id="1", author="审核", date="2026-01-01T00:00:00Z")
    old_run = moved.add_run("80%")._r
    move_from.append(old_run)
    moved._p.append(move_from)
    moved.add_run("95%。")
    hidden = word.add_paragraph("实际支出95万元。")
    run = hidden.add_run("（原稿：支出80万元。）")
    run.font.hidden = True
    restyled = word.add_paragraph("项目资金使用规范。", style="Heading 1")
    ppr = restyled._p.pPr
    change = _w("w:pPrChange", id="2", author="审核", date="2026-01-01T00:00:00Z")
    old = _w("w:pPr")
    old.append(_w("w:pStyle", val="Heading1"))
    change.append(old)
    ppr.remove(ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle"))
    ppr.append(change)
    area = word.add_paragraph("面积29.16平方米（长14.4米")
    area._p.append(_w("w:r"))
    area._p[-1].append(_w("w:sym", font="Symbol", char="F0B4"))
    area.add_run("宽2.025米）。")
    word.add_paragraph("实际支出9\u00ad5万元。")
    squared = word.add_paragraph("大厅29.16m")
    squared.add_run("2").font.superscript = True
    squared.add_run("。")
    prompt = _w("w:sdt")
    props = _w("w:sdtPr")
    props.append(_w("w:showingPlcHdr"))
    prompt.append(props)
    content = _w("w:sdtContent")
    content.append(word.add_paragraph("单击此处输入文字，例如：综合得分为85分。")._p)
    prompt.append(content)
    word.element.body.insert(len(word.element.body) - 1, prompt)
    path = tmp_path / "shown.docx"
    word.save(str(path))

    texts = [(p.text, p.heading_level) for p in read_document(path).paragraphs]
    assert texts == [
        ("预算执行率为95%。", None),
        ("实际支出95万元。", None),
        ("项目资金使用规范。", None),  # the tracked change removed its heading style
        ("面积29.16平方米（长14.4米×宽2.025米）。", None),
        ("实际支出95万元。", None),
        ("大厅29.16m²。", None),
    ]


def test_docx_table_of_contents_and_outline_level_9(tmp_path: Path) -> None:
    word = docx.Document()
    assert word.styles["TOC Heading"].base_style.name == "Heading 1"  # Word's own: outline level 9, based on Heading 1
    toc1 = word.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    body_like = word.styles.add_style("正文标题样式", WD_STYLE_TYPE.PARAGRAPH)
    body_like.base_style = word.styles["Heading 1"]
    body_like.element.get_or_add_pPr().append(_w("w:outlineLvl", val="9"))
    word.add_paragraph("某项目绩效评价报告", style="Title")
    word.add_paragraph("目录", style="TOC Heading")
    word.add_paragraph("一、基本情况\t1", style=toc1)
    word.add_paragraph("二、评价结论", style=toc1)  # a hyperlinked entry without its page number
    word.add_paragraph("三、其他……………………2")  # typed by hand, with leader dots
    word.add_heading("一、基本情况", level=1)
    word.add_paragraph("项目预算100万元。", style=body_like)
    word.add_heading("二、评价结论", level=1)
    path = tmp_path / "toc.docx"
    word.save(str(path))

    doc = read_document(path)
    assert [(h.text, h.heading_level) for h in doc.headings] == [("一、基本情况", 1), ("二、评价结论", 1)]
    assert all(p.number is None for p in doc.paragraphs[:5])
    from checkers.engine import check_document

    assert check_document(doc) == []  # no second report, no numbering slip


def test_strict_open_xml_is_named(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" '
                         'Target="word/document.xml"/></Relationships>')  # fmt: skip
    with pytest.raises(ReadError, match="Strict"):
        read_document(path)
    from drafter.regen import RegenError, list_sections

    with pytest.raises(RegenError, match="Strict"):
        list_sections(path)


def _heading_list(word, start_second: int | None = None) -> None:
    """Link Heading 1–3 to a multi-level list “一、 / （一） / 1.” (as Word's 多级列表 does)."""
    numbering = word.part.numbering_part.element
    abstract = _w("w:abstractNum", abstractNumId="90")
    for ilvl, (fmt, text) in enumerate((("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))):
        lvl = _w("w:lvl", ilvl=str(ilvl))
        lvl.append(_w("w:start", val="1"))
        lvl.append(_w("w:numFmt", val=fmt))
        lvl.append(_w("w:lvlText", val=text))
        abstract.append(lvl)
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for num_id in ("90", "91"):
        num = _w("w:num", numId=num_id)
        num.append(_w("w:abstractNumId", val="90"))
        if num_id == "91" and start_second is not None:
            override = _w("w:lvlOverride", ilvl="0")
            override.append(_w("w:startOverride", val=str(start_second)))
            num.append(override)
        numbering.append(num)
    for level in (1, 2, 3):
        ppr = word.styles[f"Heading {level}"].element.get_or_add_pPr()
        numpr = _w("w:numPr")
        numpr.append(_w("w:ilvl", val=str(level - 1)))
        numpr.append(_w("w:numId", val="90"))
        ppr.insert(0, numpr)


def test_docx_automatic_heading_numbers_are_read_as_word_shows_them(tmp_path: Path) -> None:
    word = docx.Document()
    _heading_list(word)
    word.add_paragraph("某项目绩效评价报告", style="Title")
    word.add_heading("基本情况", level=1)
    word.add_heading("项目概况", level=2)
    word.add_heading("项目背景", level=3)
    word.add_heading("项目内容", level=3)
    word.add_heading("资金情况", level=2)
    word.add_heading("评价结论", level=1)
    word.add_heading("综合评价", level=2)
    path = tmp_path / "auto.docx"
    word.save(str(path))

    doc = read_document(path)
    assert [h.text for h in doc.headings] == [
        "一、基本情况", "（一）项目概况", "1.项目背景", "2.项目内容", "（二）资金情况", "二、评价结论", "（一）综合评价",
    ]  # fmt: skip
    assert doc.headings[-1].location.section == "二（一）综合评价"
    from checkers.engine import check_document

    assert check_document(doc) == []


def test_docx_list_instance_restarting_its_numbering(tmp_path: Path) -> None:
    word = docx.Document()
    _heading_list(word, start_second=1)
    word.add_heading("基本情况", level=1)
    word.add_heading("评价结论", level=1)
    restarted = word.add_paragraph("附件内容", style="Heading 1")  # a second list instance restarting at 一、
    numpr = _w("w:numPr")
    numpr.append(_w("w:ilvl", val="0"))
    numpr.append(_w("w:numId", val="91"))
    restarted._p.get_or_add_pPr().append(numpr)
    plain = word.add_paragraph("不编号的标题", style="Heading 1")
    off = _w("w:numPr")
    off.append(_w("w:numId", val="0"))  # numId 0 switches the style's numbering off
    plain._p.get_or_add_pPr().append(off)
    path = tmp_path / "restart.docx"
    word.save(str(path))
    assert [h.text for h in read_document(path).headings] == ["一、基本情况", "二、评价结论", "一、附件内容", "不编号的标题"]


def test_docx_headings_one_style_level_deeper_than_their_numbers(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading("某项目绩效评价报告", level=1)  # the title takes 标题 1 ...
    for text, level in (("一、基本情况", 2), ("（一）项目概况", 3), ("1.项目背景", 4), ("（二）资金情况", 3), ("二、评价结论", 2)):
        word.add_heading(text, level=level)  # ... so the parts start at 标题 2
        word.add_paragraph("正文。")
    path = tmp_path / "deeper.docx"
    word.save(str(path))
    doc = read_document(path)
    assert [(h.text, h.heading_level) for h in doc.headings] == [
        ("某项目绩效评价报告", 1), ("一、基本情况", 1), ("（一）项目概况", 2), ("1.项目背景", 3), ("（二）资金情况", 2),
        ("二、评价结论", 1),
    ]  # fmt: skip
    from checkers.engine import check_document

    assert check_document(doc) == []
    from drafter.regen import list_sections

    assert [s.address for s in list_sections(path) if s.level == 1 and s.address] == ["一", "二"]


TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>
<w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>
<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def test_docx_text_boxes_are_read_once_after_their_anchor(tmp_path: Path) -> None:
    from lxml import etree

    word = docx.Document()
    anchor = word.add_paragraph("资金情况如下：")
    box = ("<w:p><w:r><w:t>实际支出80万元，预算执行率90%。</w:t></w:r></w:p>"
           "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>80</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")  # fmt: skip
    anchor._p.append(etree.fromstring(TEXT_BOX.format(content=box)))
    word.add_paragraph("正文继续。")
    path = tmp_path / "box.docx"
    word.save(str(path))
    doc = read_document(path)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert [p.text for p in doc.paragraphs] == ["资金情况如下：", "实际支出80万元，预算执行率90%。", "正文继续。"]
    assert doc.tables[0].text_rows() == [["合计", "80"]]
    blocks = list(iter_numbered_blocks(docx.Document(str(path)).element.body))
    assert [(kind, number) for kind, number, _ in blocks] == [("paragraph", 1), ("paragraph", 2), ("table", 1), ("paragraph", 3)]


def test_docx_a_text_box_inside_a_table_cell_is_read_as_the_cells_text(tmp_path: Path) -> None:
    from lxml import etree

    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "项目", (0, 1): "金额", (1, 0): "设备购置"}.items():
        table.cell(r, c).text = text
    box = "<w:p><w:r><w:t>120万元</w:t></w:r></w:p>"
    table.cell(1, 1).paragraphs[0]._p.append(etree.fromstring(TEXT_BOX.format(content=box)))  # once, not twice
    path = tmp_path / "cell-box.docx"
    word.save(str(path))
    assert read_document(path).tables[0].text_rows() == [["项目", "金额"], ["设备购置", "120万元"]]


def _one_level_list(word, num_id: str, fmt: str, text: str) -> None:
    """A list of one level (abstractNum and num both ``num_id``) in the document's numbering part."""
    numbering = word.part.numbering_part.element
    abstract = _w("w:abstractNum", abstractNumId=num_id)
    lvl = _w("w:lvl", ilvl="0")
    for child in (_w("w:start", val="1"), _w("w:numFmt", val=fmt), _w("w:lvlText", val=text)):
        lvl.append(child)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = _w("w:num", numId=num_id)
    num.append(_w("w:abstractNumId", val=num_id))
    numbering.append(num)


def test_docx_a_序号_column_word_numbers_itself_is_read_with_its_numbers(tmp_path: Path) -> None:
    word = docx.Document()
    _one_level_list(word, "93", "decimal", "%1")
    grid = [["序号", "支出内容", "金额"], ["", "设备购置", "100"], ["", "安装调试", "50"], ["合计", "", "150"]]
    table = word.add_table(rows=4, cols=3)
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            if r in (1, 2) and c == 0:  # the 序号 cell holds only Word's automatic number
                numpr = _w("w:numPr")
                numpr.append(_w("w:ilvl", val="0"))
                numpr.append(_w("w:numId", val="93"))
                table.cell(r, c).paragraphs[0]._p.get_or_add_pPr().append(numpr)
    path = tmp_path / "numbered-cells.docx"
    word.save(str(path))
    assert read_document(path).tables[0].text_rows() == [["序号", "支出内容", "金额"], ["1", "设备购置", "100"],
                                                         ["2", "安装调试", "50"], ["合计", "", "150"]]  # fmt: skip


def test_docx_numbered_body_lists_deleted_headings_and_chapters(tmp_path: Path) -> None:
    word = docx.Document()
    _heading_list(word)
    word.add_heading("基本情况", level=1)
    deleted = word.add_heading("", level=2)  # a heading deleted with tracking: Word no longer numbers it
    gone = _w("w:del", id="5", author="审核", date="2026-01-01T00:00:00Z")
    run = _w("w:r")
    text = _w("w:delText")
    text.text = "已删除的标题"
    run.append(text)
    gone.append(run)
    deleted._p.append(gone)
    word.add_heading("项目概况", level=2)
    _one_level_list(word, "92", "chineseCounting", "%1、")
    for item in ("视频监控系统", "门禁系统"):  # a numbered list in the body, on a list of its own
        p = word.add_paragraph(item, style="List Paragraph")
        numpr = _w("w:numPr")
        numpr.append(_w("w:ilvl", val="0"))
        numpr.append(_w("w:numId", val="92"))
        p._p.get_or_add_pPr().append(numpr)
    word.add_heading("资金情况", level=2)
    path = tmp_path / "lists.docx"
    word.save(str(path))
    doc = read_document(path)
    assert [h.text for h in doc.headings] == ["一、基本情况", "（一）项目概况", "（二）资金情况"]
    assert [p.text for p in doc.paragraphs if not p.is_heading] == ["一、视频监控系统", "二、门禁系统"]
    assert all(p.number is None for p in doc.paragraphs if not p.is_heading)
    from checkers.engine import check_document

    assert check_document(doc) == []  # one report, no numbering slip

    chapters = docx.Document()
    for chapter in ("第一章 项目概况", "第二章 绩效评价"):
        chapters.add_heading(chapter, level=1)
        chapters.add_heading("一、基本情况", level=2)
        chapters.add_heading("二、评价结论", level=2)
    path = tmp_path / "chapters.docx"
    chapters.save(str(path))
    doc = read_document(path)
    assert [h.heading_level for h in doc.headings] == [1, 2, 2, 1, 2, 2] and check_document(doc) == []


def test_markdown_tables_without_a_separator_line_and_rows_of_the_wrong_width(tmp_path: Path):
    from checkers.readers import ReadError, read_document

    path = tmp_path / "t.md"
    path.write_text("| 项目 | 预算 |\n| 甲 | 100 |\n| 乙 | 50 |\n| 合计 | 150 |\n", encoding="utf-8")
    [table] = read_document(path).tables
    assert table.n_cols == 2 and len(table.rows) == 4
    path.write_text("| 项目 | 预算 | 支出 |\n|---|---|---|\n| 甲 | 100 |\n| 合计 | 100 | 90 |\n", encoding="utf-8")
    with pytest.raises(ReadError, match="第3行：表格这一行有2个单元格，表头（第1行）有3个"):
        read_document(path)


def test_a_docx_missing_its_styles_part_is_read_and_one_missing_its_body_is_named(tmp_path: Path):
    source = SEEDS / "docx" / "002_4ad189d6376584c5.docx"

    def without(part: str) -> Path:
        target = tmp_path / f"without-{part.replace('/', '_')}.docx"
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
            for item in old.infolist():
                if item.filename != part:
                    new.writestr(item, old.read(item))
        return target

    assert read_document(without("word/styles.xml")).paragraphs  # read as Word recovers it
    with pytest.raises(ReadError, match="缺少正文部分 word/document.xml"):
        read_document(without("word/document.xml"))


def test_direct_numbered_headings_in_a_document_whose_heading_styles_have_numbers_for_ids(tmp_path: Path) -> None:
    """Chinese Word names 标题 1 “1” (WPS: “2”): w:val="1" is also every w:ilvl of level 1, which made the reader
    think the headings used heading styles and read the directly numbered ones as body text."""
    word = docx.Document()
    _heading_list(word)
    for level in (1, 2, 3):  # the heading styles' ids as Chinese Word writes them; no paragraph uses them
        word.styles[f"Heading {level}"].element.set(qn("w:styleId"), str(level))
    for text, ilvl in (("基本情况", 0), ("项目概况", 1), ("评价结论", 0), ("综合评价", 1)):
        paragraph = word.add_paragraph(text)
        numpr = _w("w:numPr")
        numpr.append(_w("w:ilvl", val=str(ilvl)))
        numpr.append(_w("w:numId", val="91"))
        paragraph._p.get_or_add_pPr().append(numpr)
        word.add_paragraph("正文。")
    path = tmp_path / "zh-ids.docx"
    word.save(str(path))
    doc = read_document(path)
    assert [h.text for h in doc.headings] == ["一、基本情况", "（一）项目概况", "二、评价结论", "（一）综合评价"]
    assert doc.paragraphs[-1].location.section == "二（一）综合评价"


def test_equations_one_branch_of_alternate_content_and_deleted_text_are_read_as_word_shows_them(tmp_path: Path) -> None:
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    word = docx.Document()
    equation = word.add_paragraph("其中，预算执行率")
    math = etree.SubElement(equation._p, f"{{{m}}}oMath")
    etree.SubElement(etree.SubElement(math, f"{{{m}}}r"), f"{{{m}}}t").text = "=5271022.96÷5920000×100%=98.04%"
    equation.add_run("。")
    branches = word.add_paragraph("B14运转程序规范性，得分")
    alternate = etree.SubElement(branches._p, f"{{{mc}}}AlternateContent")
    for branch, text in ((f"{{{mc}}}Choice", "2"), (f"{{{mc}}}Fallback", "2")):
        run = etree.SubElement(etree.SubElement(alternate, branch), f"{{{w}}}r")
        etree.SubElement(run, f"{{{w}}}t").text = text
    branches.add_run("分。")
    deleted = word.add_paragraph("该指标得")
    etree.SubElement(etree.SubElement(etree.SubElement(deleted._p, f"{{{w}}}del"), f"{{{w}}}r"), f"{{{w}}}t").text = "3"
    deleted.add_run("2分。")  # another editor wrote the deleted 3 as w:t, not w:delText
    table = word.add_table(rows=1, cols=1)
    cell = table.cell(0, 0).paragraphs[0]
    cell.add_run("得分")
    alternate = etree.SubElement(cell._p, f"{{{mc}}}AlternateContent")
    for branch in (f"{{{mc}}}Choice", f"{{{mc}}}Fallback"):
        etree.SubElement(etree.SubElement(etree.SubElement(alternate, branch), f"{{{w}}}r"), f"{{{w}}}t").text = "22"
    path = tmp_path / "features.docx"
    word.save(str(path))
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs] == ["其中，预算执行率=5271022.96÷5920000×100%=98.04%。", "B14运转程序规范性，得分2分。",
                                                "该指标得2分。"]  # fmt: skip
    assert doc.tables[0].rows[0][0].text == "得分22"


def test_text_hidden_by_its_character_or_paragraph_style_is_not_read(tmp_path: Path) -> None:
    word = docx.Document()
    hidden_chars = word.styles.add_style("隐藏字符", WD_STYLE_TYPE.CHARACTER)
    hidden_chars.font.hidden = True
    hidden_notes = word.styles.add_style("内部备注", WD_STYLE_TYPE.PARAGRAPH)
    hidden_notes.font.hidden = True
    paragraph = word.add_paragraph("B14运转程序规范性，权重4分，得分")
    paragraph.add_run("3", style="隐藏字符")
    paragraph.add_run("2分。")
    word.add_paragraph("内部备注：该指标得3分。", style="内部备注")
    word.add_paragraph("根据相关评分标准，该指标得2分。")
    path = tmp_path / "hidden.docx"
    word.save(str(path))
    assert [p.text for p in read_document(path).paragraphs] == ["B14运转程序规范性，权重4分，得分2分。", "根据相关评分标准，该指标得2分。"]


def test_a_custom_note_mark_is_not_read_into_the_text(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("B14运转程序规范性，权重4分，得分3分")
    run = paragraph.add_run("1")  # the mark Word shows for a footnote written with a custom mark
    run._r.insert(0, _w("w:footnoteReference", customMarkFollows="1", id="2"))
    paragraph.add_run("。")
    path = tmp_path / "note.docx"
    word.save(str(path))
    assert read_document(path).paragraphs[0].text == "B14运转程序规范性，权重4分，得分3分。"


def test_bold_markers_in_markdown_table_cells_are_not_part_of_the_cell(tmp_path):
    from checkers.engine import check_document

    text = ("## （一）项目决策\n\n| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n"
            "| A1项目立项 | **A11立项依据充分性** | 3 | 3 |\n| | A12立项程序规范性 | 3 | 2 |\n| **合计** | | **6** | **{0}** |\n")  # fmt: skip
    path = tmp_path / "r.md"
    path.write_text(text.format(5), encoding="utf-8")
    [table] = read_document(path).tables
    assert [c.text for c in table.rows[-1]][:4] == ["合计", "", "6", "5"] and table.rows[1][1].text == "A11立项依据充分性"
    assert check_document(read_document(path)) == []
    path.write_text(text.format(6), encoding="utf-8")
    assert [f.rule for f in check_document(read_document(path))] == ["TT201"]


PASTED = (
    "（一）过程管理情况\n\n过程指标总分6分，得分5分。\n"
    "二级指标\t三级指标\t权重\t得分\nB1组织实施\tB13采购程序合规性\t2\t2\n\tB14运转程序规范性\t4\t3\n合计\t\t6\t{0}\n"
    "B14运转程序规范性，权重4分，得分3分。\n项目按照既定程序执行。根据相关评分标准，扣1分，该指标得{1}分。\n"
)


def test_a_table_pasted_from_word_is_one_row_a_line_and_ends_where_its_lines_do(tmp_path):
    """A copy from Word into a text file keeps a table's cells between tabs (a merged first cell leaves the line
    opening with a tab); the text after it is still read and checked."""
    from checkers.engine import check_document

    path = tmp_path / "r.txt"
    path.write_text(PASTED.format(5, 3), encoding="utf-8")
    document = read_document(path)
    [table] = document.tables
    assert [[c.text for c in row] for row in table.rows][2:] == [["", "B14运转程序规范性", "4", "3"], ["合计", "", "6", "5"]]
    assert any(p.text.startswith("项目按照既定程序执行") for p in document.paragraphs)
    assert check_document(document) == []
    path.write_text(PASTED.format(5, 2), encoding="utf-8")
    assert [f.rule for f in check_document(read_document(path))] == ["SC102"]
    path.write_text(PASTED.format(6, 3), encoding="utf-8")
    assert "TT201" in [f.rule for f in check_document(read_document(path))]


def test_paragraphs_indented_with_a_tab_are_paragraphs(tmp_path):
    from checkers.engine import check_document

    path = tmp_path / "r.txt"
    path.write_text("（一）过程管理情况\n\tB14运转程序规范性，权重4分，得分3分。\n\t项目按照既定程序执行。根据相关评分标准，扣1分，"
                    "该指标得2分。\n", encoding="utf-8")  # fmt: skip
    assert read_document(path).tables == []
    assert [f.rule for f in check_document(read_document(path))] == ["SC102"]


PDF_TEXT = """\
2020年度某区智慧安防小区建设项目绩效评价报告

四、绩效评价指标分析

（二）过程管理情况

项目单位按照部门项目管理办法执行，政府购买服务手续完备，采
购程序规范，合同签订及时，资金拨付按照合同约定的进度执行，
项目档案资料基本齐全，但部分会议记录未能提供，影响了程序规
范性的评价。

—3—

B14运转程序规范性，权重4分，得分3分。项目按照部门项目管理办法执
行，政府购买服务手续完备。根据相关评分标准，扣1分，该指标得
{0}分。
项目实施过程中，建设单位与监理单位按月召开例会，研究解决施
工中的问题，会议纪要齐全，施工日志记录完整，变更手续完备，
"""


def test_text_out_of_a_pdf_has_its_wrapped_lines_joined_and_its_page_numbers_dropped(tmp_path):
    """pdftotext breaks every paragraph at the page width: the lines of one paragraph are joined again (a score split
    as “得\\n3分” is read whole), the page numbers between pages are dropped, and the check says what it could not
    cover; a paragraph keeps the line it starts on."""
    from checkers.engine import check_document
    from checkers.run import coverage_notes

    path = tmp_path / "r.txt"
    path.write_text(PDF_TEXT.format(3), encoding="utf-8")
    document = read_document(path)
    texts = [p.text for p in document.paragraphs]
    opening = next(p for p in document.paragraphs if p.text.startswith("B14"))
    assert opening.text.endswith("该指标得3分。") and opening.location.line == 14
    assert not any(t.startswith("—") for t in texts) and any(t.endswith("影响了程序规范性的评价。") for t in texts)
    assert document.unwrapped and check_document(document) == [] and "PDF" in coverage_notes(document)[0]
    path.write_text(PDF_TEXT.format(2), encoding="utf-8")
    assert [f.rule for f in check_document(read_document(path))] == ["SC102"]



def test_text_whose_tables_were_broken_into_a_cell_a_line_says_so(tmp_path):
    """LibreOffice's “save as text” writes every table cell as a line of its own: the rows cannot be told apart, so
    the check says the table checks were not made; the seeds' text exports (tab-led cells) keep their tables."""
    from checkers.run import coverage_notes
    from tests.conftest import ROOT

    cells = ["一级指标", "权重", "得分"] + [x for name, w, s in (("决策", 20, 17), ("过程", 20, 18), ("产出", 30, 27),
                                                          ("效益", 30, 26), ("合计", 100, 88)) for x in (name, str(w), str(s))]  # fmt: skip
    path = tmp_path / "r.txt"
    path.write_text("一、评价结论\n\n决策指标权重20分，得分17分。\n\n" + "\n\n".join(cells) + "\n", encoding="utf-8")
    [note] = coverage_notes(read_document(path))
    assert "每格一行" in note and ".docx" in note
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    assert not [seed.name for seed in seeds if any("每格一行" in n for n in coverage_notes(read_document(seed)))]



def test_two_numbering_levels_in_one_word_heading_style_are_two_levels(tmp_path):
    """Some reports put “一、” and “（一）” both in 标题 1: the numbering's shape tells the levels apart."""
    import docx

    from checkers.engine import check_document

    document = docx.Document()
    document.add_paragraph("某项目绩效评价报告")
    for heading, body in [("一、基本情况", None), ("（一）项目概况", "项目预算100万元。"), ("（二）绩效目标", "完成建设任务。"),
                          ("二、评价结论", "本项目得分85分，等级为“良”。"), ("（一）结论", "良好。"), ("（二）问题", "档案不全。")]:  # fmt: skip
        document.add_heading(heading, level=1)
        if body:
            document.add_paragraph(body)
    path = tmp_path / "r.docx"
    document.save(str(path))
    read = read_document(path)
    assert [(h.heading_level, h.text[:3]) for h in read.headings] == [
        (1, "一、基"), (2, "（一）"), (2, "（二）"), (1, "二、评"), (2, "（一）"), (2, "（二）")]
    assert check_document(read) == []


def test_text_whose_paragraphs_are_whole_lines_is_not_joined(tmp_path):
    from tests.conftest import ROOT

    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    assert len(seeds) == 4 and not [seed.name for seed in seeds if read_document(seed).unwrapped]


def test_an_html_table_in_markdown_is_read_with_its_merged_cells(tmp_path):
    from checkers.engine import check_document

    text = ("## （一）项目决策\n\n决策指标总分7分，得分6分。\n\n<table>\n<tr><th>二级指标</th><th>三级指标</th><th>权重</th><th>得分</th></tr>\n"
            '<tr><td rowspan="2">A1项目立项</td><td>A11立项依据充分性</td><td>3</td><td>3</td></tr>\n'
            "<tr><td>A12立项程序规范性</td><td>4</td><td>3</td></tr>\n"
            '<tr><td colspan="2">合计</td><td>7</td><td>{0}</td></tr>\n</table>\n')  # fmt: skip
    path = tmp_path / "r.md"
    path.write_text(text.format(6), encoding="utf-8")
    [table] = read_document(path).tables
    assert table.rows[2][0].merged_from_above and table.rows[3][0].span == 2
    assert check_document(read_document(path)) == []
    path.write_text(text.format(7), encoding="utf-8")
    assert {f.rule for f in check_document(read_document(path))} == {"TT201"}  # (the rows agree with the prose: the 合计)


def test_a_numbered_title_line_in_markdown_without_a_blank_line_after_it_is_a_heading(tmp_path):
    from checkers.engine import check_document

    path = tmp_path / "r.md"
    path.write_text("一、基本情况\n（一）过程管理情况\nB14运转程序规范性，权重4分，得分3分。\n项目按照部门项目管理办法执行。"
                    "根据相关评分标准，扣1分，该指标得2分。\n", encoding="utf-8")  # fmt: skip
    document = read_document(path)
    assert [p.text for p in document.paragraphs if p.is_heading] == ["一、基本情况", "（一）过程管理情况"]
    assert [f.rule for f in check_document(document)] == ["SC102"]


def test_paragraphs_indented_with_a_tab_beside_a_pasted_table_are_not_pdf_text(tmp_path):
    """Tab-indented paragraphs, a table pasted from Word between them, and a numbered title with no blank line before
    it: read as they are (no PDF joining), the title a heading."""
    from checkers.engine import check_document

    text = ("（一）过程管理情况\n\t过程指标总分6分，得分{0}分。各分项指标得分和绩效分析如下：\n"
            "二级指标\t三级指标\t权重\t得分\nB1组织实施\tB13采购程序合规性\t2\t2\n\tB14运转程序规范性\t4\t3\n合计\t\t6\t5\n"
            "\tB14运转程序规范性，权重4分，得分3分。项目按照部门项目管理办法执行，政府购买服务手续完备，根据相关评分标准，"
            "扣1分，该指标得3分。\n（二）项目产出情况\n\t产出指标总分10分，得分10分。\n")  # fmt: skip
    path = tmp_path / "r.txt"
    path.write_text(text.format(5), encoding="utf-8")
    document = read_document(path)
    assert not document.unwrapped and [p.text for p in document.paragraphs if p.is_heading] == ["（一）过程管理情况", "（二）项目产出情况"]
    assert check_document(document) == []
    path.write_text(text.format(4), encoding="utf-8")
    assert [f.rule for f in check_document(read_document(path))] == ["TT202"]
