"""Regenerating one section of an edited Word report: the section is redrafted, everything else keeps its XML."""

from __future__ import annotations

import copy
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import RGBColor
from lxml import etree

from checkers.engine import check_document
from checkers.finding import Severity
from checkers.readers import read_document
from drafter import regen
from drafter.docx_writer import write_docx
from drafter.pipeline import DraftOptions
from drafter.regen import RegenError, SectionCheckError, SectionInfo, find_section, list_sections, regenerate
from drafter.render import render_report
from drafter.report import Paragraph
from project_file import load_project
from tests.conftest import ROOT

FIXTURE = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
SEED_DOCX = ROOT / "fixtures" / "seeds" / "docx" / "000_35d0328808c89d23.docx"
W_BODY, W_R, W_T, W_RPR = qn("w:body"), qn("w:r"), qn("w:t"), qn("w:rPr")
B14_OLD, B14_NEW = "B14运转程序规范性，权重4分，得分2分。", "B14运转程序规范性，权重4分，得分3分。"
EDITED_TEXT = "本次（编辑改写）评价对象"
ADDED_TEXT = "编辑补充：本段为人工添加，重写其他章节时必须保留。"


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


def _evaluation(**scores: str):
    evaluation = load_project(FIXTURE)
    for code, score in scores.items():
        evaluation.find_indicator(code).score = Decimal(score)
    return evaluation


def _draft(path: Path, evaluation=None) -> Path:
    write_docx(render_report(evaluation or _evaluation()), path)
    return path


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _body(path: Path) -> list[etree._Element]:
    root = etree.fromstring(_entries(path)["word/document.xml"])
    return list(root.find(W_BODY))


def _xml(elements: list[etree._Element]) -> list[bytes]:
    return [etree.tostring(el) for el in elements]


def _runs(elements: list[etree._Element]) -> list[tuple[str, bytes]]:
    """Every run of the elements (tables included): its text and its rPr XML."""
    out = []
    for el in elements:
        for run in el.iter(W_R):
            rpr = run.find(W_RPR)
            text = "".join(t.text or "" for t in run.iter(W_T))
            out.append((text, etree.tostring(rpr) if rpr is not None else b""))
    return out


def _text(elements: list[etree._Element]) -> str:
    return "\n".join("".join(t.text or "" for t in el.iter(W_T)) for el in elements)


def _section(path: Path, key: str) -> SectionInfo:
    return find_section(list_sections(path), key)


def _split(path: Path, key: str) -> tuple[list, list, list]:
    """Body elements before, inside and after a section (the final sectPr included in `after`)."""
    body = _body(path)
    info = _section(path, key)
    return body[: info.start], body[info.start : info.end], body[info.end :]


def _edit_section_two(source: Path, target: Path) -> None:
    """An editor's pass over section 二: reworded run, bold red run, an extra run and an added paragraph."""
    document = docx.Document(str(source))
    paragraphs = document.paragraphs
    scope = next(i for i, p in enumerate(paragraphs) if p.text == "（一）绩效评价对象、目的和范围")
    run = paragraphs[scope + 1].runs[0]
    assert run.text.startswith("本次评价对象")
    run.text = run.text.replace("本次评价对象", EDITED_TEXT, 1)
    principle = next(i for i, p in enumerate(paragraphs) if p.text == "1.绩效评价原则")
    run = paragraphs[principle + 1].runs[0]
    run.bold = True
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    paragraphs[principle + 1].add_run("（已与委托方确认）").italic = True
    conclusion = next(p for p in paragraphs if p.text == "三、综合评价情况及评价结论")
    conclusion.insert_paragraph_before(ADDED_TEXT)  # last paragraph of section 二
    document.save(str(target))


# -- (a) a drafted report, edited by hand ------------------------------------------------------------


def test_regen_keeps_edited_section_and_shows_new_score(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    edited = tmp_path / "edited.docx"
    _edit_section_two(drafted, edited)
    before, old_four, after = _split(edited, "四")
    _, old_two, _ = _split(edited, "二")
    assert EDITED_TEXT in _text(old_two) and ADDED_TEXT in _text(old_two)
    assert any(b"w:color" in rpr and b"<w:b/>" in rpr for _, rpr in _runs(old_two))

    evaluation = _evaluation(B14="3", B15="1")  # same 二级 subtotal: nothing outside 四 goes stale
    out = tmp_path / "out.docx"
    findings = regenerate(edited, evaluation, "四", out)

    _, new_two, _ = _split(out, "二")
    assert _runs(new_two) == _runs(old_two)  # run by run: text and rPr
    assert _xml(new_two) == _xml(old_two)
    new_before, new_four, new_after = _split(out, "四")
    assert _xml(new_before) == _xml(before) and _xml(new_after) == _xml(after)
    assert B14_OLD in _text(old_four) and B14_NEW not in _text(old_four)
    assert B14_NEW in _text(new_four) and B14_OLD not in _text(new_four)
    assert "B15绩效自评合理性，权重2分，得分1分。" in _text(new_four)
    assert findings == []
    assert check_document(read_document(out), data=evaluation) == []
    # every other part of the package is copied byte for byte
    old_parts, new_parts = _entries(edited), _entries(out)
    assert list(old_parts) == list(new_parts)
    assert {n for n in old_parts if old_parts[n] != new_parts[n]} == {"word/document.xml"}


def test_regen_with_unchanged_data_gives_back_the_same_xml(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    out = tmp_path / "out.docx"
    regenerate(drafted, _evaluation(), "四（二）", out)
    assert _entries(out) == _entries(drafted)  # the writer's XML, spliced in place: byte-identical


def test_regen_reports_stale_sections_but_writes(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    evaluation = _evaluation(B14="3")  # total 86.8 → 87.8: section 三 and its tables are now stale
    out, lines = tmp_path / "out.docx", []
    findings = regenerate(drafted, evaluation, "四", out, progress=lines.append)
    assert out.exists()
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert any(f.rule == "TT203" and f.location.section.startswith("三") for f in errors)
    assert any(f.rule == "SC104" and f.location.table == 3 for f in errors)  # the stale 得分概况表 row
    assert any("其余部分" in line for line in lines)
    _, new_three, _ = _split(out, "三")
    _, old_three, _ = _split(drafted, "三")
    assert _xml(new_three) == _xml(old_three)


def test_regen_refuses_a_section_that_fails_the_checker(tmp_path: Path, monkeypatch):
    drafted = _draft(tmp_path / "draft.docx")

    def wrong_render(evaluation, *args, **kwargs):
        report = render_report(evaluation, *args, **kwargs)
        for section in report.walk():
            for i, block in enumerate(section.blocks):
                if isinstance(block, Paragraph) and block.text == B14_OLD:
                    section.blocks[i] = Paragraph("B14运转程序规范性，权重4分，得分4分。", block.role, block.bold)
        return report

    monkeypatch.setattr(regen, "render_report", wrong_render)
    out = tmp_path / "out.docx"
    with pytest.raises(SectionCheckError, match="本身未通过核查") as caught:
        regenerate(drafted, _evaluation(), "四", out)
    assert caught.value.findings and not out.exists()


def test_regen_by_title_replaces_only_that_subsection(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    out = tmp_path / "out.docx"
    regenerate(drafted, _evaluation(B14="3", B15="1"), "过程管理情况", out)
    before, old, after = _split(drafted, "四（二）")
    new_before, new, new_after = _split(out, "四（二）")
    assert _xml(new_before) == _xml(before) and _xml(new_after) == _xml(after)
    assert B14_NEW in _text(new) and B14_OLD in _text(old)


# -- (b) a human-written report (seed 000) -------------------------------------------------------------


def _plain_headings(source: Path, target: Path) -> None:
    """The seed with headings as plain numbered paragraphs and no heading/title/table styles defined."""
    parts = _entries(source)
    root = etree.fromstring(parts["word/document.xml"])
    for style in list(root.iter(qn("w:pStyle"))):
        style.getparent().remove(style)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    styles = etree.fromstring(parts["word/styles.xml"])
    for style in list(styles.iter(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val")).lower()
        if name.startswith("heading") or name.startswith("title") or name == "table grid":
            styles.remove(style)
    parts["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w") as out:
        for info in z.infolist():
            out.writestr(info, parts[info.filename])


def _style_ids(path: Path) -> dict[str, str]:
    styles = etree.fromstring(_entries(path)["word/styles.xml"])
    return {s.get(qn("w:styleId")): s.find(qn("w:name")).get(qn("w:val")) for s in styles.iter(qn("w:style"))}


@pytest.mark.parametrize("plain", [False, True], ids=["heading-styles", "numbered-paragraphs"])
def test_regen_on_seed_docx_keeps_other_sections(tmp_path: Path, plain: bool):
    source = SEED_DOCX
    if plain:
        source = tmp_path / "seed-plain.docx"
        _plain_headings(SEED_DOCX, source)
        assert "heading 1" not in {n.lower() for n in _style_ids(source).values()}
    before, old_four, after = _split(source, "四")
    assert _text(old_four).startswith("四、绩效评价指标分析")
    out, lines = tmp_path / "out.docx", []
    findings = regenerate(source, _evaluation(B14="3"), "四", out, progress=lines.append)

    new_before, new_four, new_after = _split(out, "四")
    assert _runs(new_before) == _runs(before) and _runs(new_after) == _runs(after)
    assert _xml(new_before) == _xml(before) and _xml(new_after) == _xml(after)
    assert B14_NEW in _text(new_four) and B14_OLD not in _text(new_four)
    assert [s.address for s in list_sections(out) if s.address.startswith("四")] == \
        ["四", "四（一）", "四（二）", "四（三）", "四（四）"]  # fmt: skip
    # the human report's own problems (section 六) are reported, not fixed, and the file is written
    assert any(f.rule == "DT1003" and f.location.section.startswith("六") for f in findings)
    # every style the new section uses exists in the output
    ids = _style_ids(out)
    used = {el.get(qn("w:val")) for el in new_four[0].getparent().iter(qn("w:pStyle"), qn("w:tblStyle"))}
    assert used <= set(ids)
    changed = {n for n, data in _entries(out).items() if _entries(source)[n] != data}
    if plain:
        assert {"heading 1", "heading 2", "Table Grid"} <= set(ids.values())
        assert any("缺少样式" in line for line in lines)
        assert changed == {"word/document.xml", "word/styles.xml"}
    else:
        assert changed == {"word/document.xml"}


# -- (c) listing ------------------------------------------------------------------------------------------


def test_list_sections_of_a_draft(tmp_path: Path):
    path = _draft(tmp_path / "draft.docx")
    sections = [s for s in list_sections(path) if not s.front]
    addresses = [s.address for s in sections]
    assert addresses[:4] == ["一", "一（一）", "一（一）1.", "一（一）2."]
    assert [a for a in addresses if a.startswith("四")] == ["四", "四（一）", "四（二）", "四（三）", "四（四）"]
    assert [s.address for s in sections if s.level == 1] == ["一", "二", "三", "四", "五", "六", "七"]
    four = find_section(sections, "四（二）")
    assert (four.heading, four.title, four.level) == ("（二）过程管理情况", "过程管理情况", 2)
    parent = find_section(sections, "四")
    assert parent.start < four.start < four.end <= parent.end
    body = _body(path)
    for info in sections:  # the range starts at the heading paragraph
        assert _text([body[info.start]]) == info.heading
    # the checker's reader sees the same sections
    checked = read_document(path).sections()
    assert [regen.normalise_address(s.number_path) for s in checked] == addresses
    assert "四（二） 过程管理情况（2级标题" in four.label()


def test_list_sections_of_plain_numbered_paragraphs(tmp_path: Path):
    source = tmp_path / "seed-plain.docx"
    _plain_headings(SEED_DOCX, source)
    sections = list_sections(source)
    first = find_section(sections, "四（一）")
    assert first.heading == "(一) 项目决策情况" and first.level == 2
    assert find_section(sections, "四(一)") == first == find_section(sections, "项目决策情况")
    assert find_section(sections, "4（1）") == first == find_section(sections, "4(1)")  # (Arabic numbers)
    assert find_section(sections, "四、") == find_section(sections, "四、绩效评价指标分析")
    assert [s.address for s in sections if s.level == 1] == ["一", "二", "三", "四", "五", "六", "七"]


# -- (d) errors -------------------------------------------------------------------------------------------


def test_unknown_section_lists_the_available_ones(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    with pytest.raises(RegenError, match="没有章节“八”") as caught:
        regenerate(drafted, _evaluation(), "八", tmp_path / "out.docx")
    assert "四（二） 过程管理情况" in str(caught.value)
    assert not (tmp_path / "out.docx").exists()


def test_output_over_input_is_refused(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    before = drafted.read_bytes()
    with pytest.raises(RegenError, match="拒绝覆盖"):
        regenerate(drafted, _evaluation(), "四", drafted)
    project = tmp_path / "project.yaml"
    project.write_bytes(FIXTURE.read_bytes())
    with pytest.raises(RegenError, match="拒绝覆盖"):
        regenerate(drafted, _evaluation(), "四", project, DraftOptions(project_path=project))
    assert drafted.read_bytes() == before


def test_section_the_style_does_not_produce(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    # a numbered paragraph the checker reads as a heading, but a list item in the style's outline
    with pytest.raises(RegenError, match="不生成章节"):
        regenerate(drafted, _evaluation(), "六（四）1.", tmp_path / "out.docx")


def test_unreadable_file(tmp_path: Path):
    fake = tmp_path / "fake.docx"
    fake.write_text("不是 Word 文档", encoding="utf-8")
    with pytest.raises(RegenError, match="不是有效的 Word"):
        regenerate(fake, _evaluation(), "四", tmp_path / "out.docx")
    with pytest.raises(RegenError, match="找不到文件"):
        list_sections(tmp_path / "missing.docx")
    old_word = tmp_path / "old.docx"  # an old .doc renamed: told as check tells it
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(RegenError, match=r"旧版 Word（\.doc）格式"):
        list_sections(old_word)
    broken = tmp_path / "broken.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(_draft(tmp_path / "d.docx")) as z, zipfile.ZipFile(buffer, "w") as out:
        for info in z.infolist():
            data = z.read(info.filename)
            out.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    broken.write_bytes(buffer.getvalue())
    with pytest.raises(RegenError, match="不是有效的 Word"):
        list_sections(broken)


def test_output_must_be_docx(tmp_path: Path):
    drafted = _draft(tmp_path / "draft.docx")
    with pytest.raises(RegenError, match=r"\.docx"):
        regenerate(drafted, _evaluation(), "四", tmp_path / "out.md")


# -- the LLM backend, against the local fake server -----------------------------------------------------


def test_regen_with_llm_drafts_only_the_section(tmp_path: Path, monkeypatch):
    from tests.openai_server import fake_model

    drafted = _draft(tmp_path / "draft.docx")
    with fake_model(monkeypatch, tmp_path) as (server, config):
        out = tmp_path / "out.docx"
        options = DraftOptions(backend="openai", config=config)
        findings = regenerate(drafted, _evaluation(B14="3", B15="1"), "四（二）", out, options)
        assert server.completions == 1  # one prose unit: 四（二）, not the whole report
    assert not [f for f in findings if f.severity is Severity.ERROR]
    before, old, after = _split(drafted, "四（二）")
    new_before, new, new_after = _split(out, "四（二）")
    assert _xml(new_before) == _xml(before) and _xml(new_after) == _xml(after)
    assert B14_NEW in _text(new)
    assert (tmp_path / "out.llm-run.jsonl").exists()


def test_copy_keeps_style_references_valid():
    """The style merger maps by name (Chinese Word ids like "1" for heading 1) and copies what is missing."""
    source = etree.fromstring(
        b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        b'<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        b'<w:basedOn w:val="Normal"/><w:link w:val="Heading1Char"/></w:style>'
        b'<w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/>'
        b'<w:link w:val="Heading1"/></w:style>'
        b'<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>'
    )
    target = etree.fromstring(
        b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
        b'<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>'
    )
    merger = regen._StyleMerger(source, target)
    para = etree.fromstring(
        b'<w:tbl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:tblPr>'
        b'<w:tblStyle w:val="TableGrid"/></w:tblPr><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:p></w:tbl>'
    )
    elements = [copy.deepcopy(para)]
    merger.apply(elements)
    assert elements[0].find(".//" + qn("w:pStyle")).get(qn("w:val")) == "1"
    assert elements[0].find(".//" + qn("w:tblStyle")).get(qn("w:val")) == "TableGrid"
    assert merger.added == ["Table Grid"]
    assert [s.get(qn("w:styleId")) for s in target] == ["a", "1", "TableGrid"]


# -- what must survive around the section ------------------------------------------------------------


@pytest.mark.parametrize("style", ["shangcheng", "fengtai", "mof"])
def test_every_top_section_regenerates_to_the_same_xml(tmp_path: Path, style: str):
    evaluation = _evaluation()
    evaluation.style = style
    drafted = _draft(tmp_path / "draft.docx", evaluation)
    tops = [s for s in list_sections(drafted) if s.level == 1 or s.front]
    assert len(tops) >= 6 and tops[0].front
    for n, info in enumerate(tops):
        out = tmp_path / f"{n}.docx"
        regenerate(drafted, evaluation, info.address or info.title, out)
        assert _entries(out) == _entries(drafted), info.label()


def test_unheaded_appendix_after_the_last_section_is_kept(tmp_path: Path):
    evaluation = _evaluation()
    evaluation.style = "fengtai"
    drafted = _draft(tmp_path / "draft.docx", evaluation)
    last = [s for s in list_sections(drafted) if s.level == 1][-1]
    body = _body(drafted)
    tail = body[last.end :]
    assert _text(tail).lstrip().startswith("附件：") and any(el.tag == qn("w:tbl") for el in tail)
    out = tmp_path / "out.docx"
    evaluation.find_indicator("B14").score = Decimal("3")
    regenerate(drafted, evaluation, last.address, out)
    new_last = [s for s in list_sections(out) if s.level == 1][-1]
    assert _xml(_body(out)[new_last.end :]) == _xml(tail)


def _append_tail_and_break(source: Path, target: Path) -> None:
    """A human ending after 七 (signature, page break, appendix) and a section break inside 四（二）."""
    document = docx.Document(str(source))
    process = next(p for p in document.paragraphs if p.text.replace(" ", "").endswith("过程管理情况"))
    landscape = copy.deepcopy(document.element.body[-1])  # a page setup of its own, as for a wide table
    process._p.get_or_add_pPr().append(landscape)
    signature = document.add_paragraph("江苏建圆建方工程管理咨询有限公司")
    signature.alignment = 2  # right
    document.add_paragraph("2021年12月8日").alignment = 2
    document.add_page_break()
    document.add_paragraph("附件1：绩效评价指标体系及评分表")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "一级指标"
    document.save(str(target))


def test_human_ending_and_section_breaks_are_kept(tmp_path: Path):
    source = tmp_path / "seed-ending.docx"
    _append_tail_and_break(SEED_DOCX, source)
    seven = _section(source, "七")
    tail = _body(source)[seven.end :]
    assert _text(tail).startswith("江苏建圆建方工程管理咨询有限公司")
    out = tmp_path / "out7.docx"
    regenerate(source, _evaluation(), "七", out)
    new_seven = _section(out, "七")
    assert _xml(_body(out)[new_seven.end :]) == _xml(tail)

    out = tmp_path / "out4.docx"
    regenerate(source, _evaluation(), "四", out)
    sect = qn("w:sectPr")
    assert len(list(etree.fromstring(_entries(out)["word/document.xml"]).iter(sect))) == 2
    _, new_four, _ = _split(out, "四")
    assert any(el.find(f"{qn('w:pPr')}/{sect}") is not None for el in new_four)


def test_page_break_before_the_next_section_is_kept(tmp_path: Path):
    source = tmp_path / "breaks.docx"
    document = docx.Document(str(_draft(tmp_path / "draft.docx")))
    four = next(p for p in document.paragraphs if p.text == "四、绩效评价指标分析")
    four.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)  # 四 starts a new page
    document.save(str(source))
    three = _section(source, "三")
    assert _section(source, "四").start == three.end + 1
    out = tmp_path / "out.docx"
    regenerate(source, _evaluation(), "三", out)
    assert _entries(out) == _entries(source)


def test_a_front_part_is_listed_and_regenerated_alone(tmp_path: Path):
    """The 结果反馈书 before the first heading: listed, redrafted from the new data, everything after it untouched."""
    original = _draft(tmp_path / "r.docx")
    listing = [s.label() for s in list_sections(original)]
    assert listing[0].startswith("（前置部分）上城区财政支出绩效评价结果反馈书")
    assert any(line.startswith("（前置部分）上城区财政支出绩效评价结果整改报告书") for line in listing)
    out = tmp_path / "r2.docx"
    regenerate(original, _evaluation(B14="3"), "结果反馈书", out)
    feedback = docx.Document(str(out)).tables[0]
    assert feedback.cell(2, 1).text == "87.8分"
    info = find_section(list_sections(original), "反馈书")
    before, after = _body(original), _body(out)
    tail = len(before) - info.end
    assert _xml(before[info.end :]) == _xml(after[len(after) - tail :])  # the rest of the report, byte for byte
    with pytest.raises(RegenError, match="没有章节"):
        find_section(list_sections(original), "不存在的部分")


def test_regen_keeps_word_numbering_and_the_table_of_contents(tmp_path: Path):
    """Headings numbered by a Word list get the list's numbering (no typed “（二）（二）”); a 目录 survives."""
    from checkers.document import match_number
    from tests.test_readers import _heading_list

    word = docx.Document(str(_draft(tmp_path / "typed.docx")))
    _heading_list(word)
    for p in word.paragraphs:  # the numbers now come from the list, not from the text
        if p.style.name in ("Heading 1", "Heading 2", "Heading 3") and match_number(p.text):
            token = match_number(p.text)[1]
            for run in p.runs:
                if run.text:
                    run.text = run.text[len(token) :] if run.text.startswith(token) else run.text
                    break
    first_heading = next(p for p in word.paragraphs if p.style.name == "Heading 1")
    first_heading.insert_paragraph_before("一、项目基本情况\t3", style=word.styles["toc 1"] if "toc 1" in
                                          [s.name for s in word.styles] else word.styles.add_style("toc 1", 1))  # fmt: skip
    automatic = tmp_path / "auto.docx"
    word.save(str(automatic))
    before = [h.text for h in read_document(automatic).headings]
    assert "四、绩效评价指标分析" in before and "（二）过程管理情况" in before

    out = tmp_path / "out.docx"
    regenerate(automatic, _evaluation(), "四（二）", out)
    assert [h.text for h in read_document(out).headings] == before  # same numbers, none doubled or shifted
    assert not [f for f in check_document(read_document(out)) if f.rule == "HD801"]

    front = tmp_path / "front.docx"
    info = [s for s in list_sections(automatic) if s.front][-1]  # the part just before the first heading
    assert info.start <= next(i for i, el in enumerate(_body(automatic)) if "一、项目基本情况\t3" in "".join(el.itertext())
                              or "一、项目基本情况" in "".join(el.itertext())) < info.end  # fmt: skip
    said: list[str] = []
    regenerate(automatic, _evaluation(), info.title, front, progress=said.append)
    assert any("一、项目基本情况\t3" in p.text for p in docx.Document(str(front)).paragraphs)
    assert any("目录已保留" in line for line in said) and not any("分节符" in line for line in said)


def test_the_appendix_after_the_last_section_is_listed_and_regenerated(tmp_path: Path):
    evaluation = _evaluation()
    evaluation.style = "mof"
    drafted = _draft(tmp_path / "mof.docx", evaluation)
    [appendix] = [s for s in list_sections(drafted) if s.tail]
    assert appendix.label().startswith("（后置部分）附件")
    changed = _evaluation(D22="3")  # was 2
    changed.style = "mof"
    current = drafted
    for n, section in enumerate(("四（四）", "三", "附件")):
        out = tmp_path / f"step{n}.docx"
        regenerate(current, changed, section, out)
        current = out
    assert [f for f in check_document(read_document(current), data=changed) if f.severity is Severity.ERROR] == []
    stale = [f for f in check_document(read_document(drafted), data=changed) if f.severity is Severity.ERROR]
    assert any(f.location.table is not None for f in stale)  # the appendix table was what stayed stale before


def test_regen_refuses_a_style_other_than_the_reports_unless_forced(tmp_path: Path):
    evaluation = _evaluation()
    evaluation.style = "mof"
    drafted = _draft(tmp_path / "mof.docx", evaluation)
    with pytest.raises(RegenError, match="更像“mof”样式.*请加 --style mof.*--force"):  # the project says shangcheng
        regenerate(drafted, _evaluation(), "三", tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()
    lines: list[str] = []
    regenerate(drafted, _evaluation(), "三", tmp_path / "out.docx", DraftOptions(force=True), progress=lines.append)
    assert any(line.startswith("警告：报告各部分的标题更像“mof”样式") for line in lines)
    lines.clear()
    regenerate(drafted, evaluation, "三", tmp_path / "out2.docx", progress=lines.append)
    assert not any("--style" in line for line in lines)


def _word_p(text: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{text}</w:p>')


def test_new_headings_take_the_documents_heading_look_but_not_its_one_off_settings():
    sample = _word_p('<w:pPr><w:pStyle w:val="Heading2"/><w:pageBreakBefore/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/>'
                  '</w:numPr><w:rPr><w:ins w:id="901" w:author="审核人"/></w:rPr></w:pPr>'
                  '<w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr><w:t>项目概况</w:t></w:r>')  # fmt: skip

    def new_heading() -> etree._Element:
        return _word_p('<w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>（二）资金情况</w:t></w:r>')

    one_list = new_heading()
    regen._match_headings([one_list], {2: (sample, True)}, {"Heading2": 2})
    xml = etree.tostring(one_list, encoding="unicode")
    assert "资金情况" in xml and "（二）" not in xml  # Word numbers it from the document's list
    assert 'w:numId w:val="7"' in xml and "黑体" in xml
    assert "pageBreakBefore" not in xml and "w:ins" not in xml  # the first heading's page break and revision stay there
    per_chapter = new_heading()
    regen._match_headings([per_chapter], {2: (sample, False)}, {"Heading2": 2})
    xml = etree.tostring(per_chapter, encoding="unicode")
    assert "（二）资金情况" in xml and 'w:numId w:val="0"' in xml  # a chapter's own list: the typed number stays


def test_regen_warns_about_pictures_and_tables_it_does_not_redraw():
    lines: list[str] = []
    picture = _word_p('<w:r><w:drawing/></w:r>')
    table = etree.fromstring('<w:tbl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    regen._warn_dropped([picture, table, copy.deepcopy(table)], [copy.deepcopy(table)], lines.append)
    assert lines and "1 张图片、1 个表格" in lines[0]
    lines.clear()
    regen._warn_dropped([table], [copy.deepcopy(table)], lines.append)
    assert lines == []


def test_a_number_used_by_several_reports_of_a_compilation_is_explained():
    compilation = ROOT / "fixtures" / "seeds" / "docx" / "003_06df7a84ebc894a1.docx"
    with pytest.raises(RegenError, match="另存为单独的 .docx"):
        find_section(list_sections(compilation), "五")


def test_in_a_compilation_the_section_of_the_projects_report_is_rewritten(tmp_path: Path):
    compilation = ROOT / "fixtures" / "seeds" / "docx" / "003_06df7a84ebc894a1.docx"
    evaluation = load_project(ROOT / "fixtures" / "fengtai_2023_lize_renovation.yaml")
    lines: list[str] = []
    out = tmp_path / "合集.docx"
    regenerate(compilation, evaluation, "三", out, progress=lines.append)
    assert any("按项目名称重写第4篇《丽泽金融商务区" in line for line in lines)
    before, after = read_document(compilation), read_document(out)
    old = [p.text for p in before.paragraphs]
    new = [p.text for p in after.paragraphs]
    fourth = next(i for i, text in enumerate(old) if text.startswith("三、") and i > 220)  # 第4篇's 三、
    assert new[:fourth] == old[:fourth]  # the other three reports, word for word
    def rest(texts: list[str]) -> list[str]:
        return texts[next(i for i, text in enumerate(texts) if i > fourth and text.startswith("四、")) :]

    assert rest(new) == rest(old)  # the 4th report's later parts
    other = evaluation.model_copy(update={"project": evaluation.project.model_copy(update={"name": "另一个项目",
                                                                                           "short_name": None})})  # fmt: skip
    with pytest.raises(RegenError, match="报告开头没有写项目名称“另一个项目”"):  # no report of the compilation names it
        regenerate(compilation, other, "三", tmp_path / "另.docx")
    with pytest.raises(RegenError, match="另存为单独的 .docx"):  # forced: which of the reports is still unknown
        regenerate(compilation, other, "三", tmp_path / "另.docx", DraftOptions(force=True))


def test_sections_named_the_ways_users_name_them(tmp_path: Path):
    """check's “第四部分（二）”, “四（2）”, a number without its dot, words of the title, the style's name of a part."""
    original = _draft(tmp_path / "r.docx")
    sections = list_sections(original)
    process = find_section(sections, "四（二）")
    for key in ("第四部分（二）", "第四部分（二）过程管理情况", "四（2）", "过程管理", "过程管理情况"):
        assert find_section(sections, key) == process, key
    assert find_section(sections, "一（一）4").title == "项目资金情况"
    assert find_section(sections, "综合评价结论").title == "综合评价情况及评价结论"
    with pytest.raises(RegenError, match="没有章节“4.2”"):
        find_section(sections, "4.2")
    lines: list[str] = []
    regenerate(original, _evaluation(), "封面", tmp_path / "r2.docx", progress=lines.append)  # the style's name
    assert any("绩效评价报告”（原第" in line for line in lines), lines  # (the cover: the report's title page)


def test_data_of_another_project_is_refused_unless_forced(tmp_path: Path):
    lines: list[str] = []
    other = load_project(ROOT / "fixtures" / "shangcheng_2020_command_center.yaml")
    with pytest.raises(RegenError, match="报告开头没有写项目名称“上城区2020年度基层治理综合信息指挥中心建设项目”.*--force"):
        regenerate(SEED_DOCX, other, "四（二）", tmp_path / "x.docx", progress=lines.append)
    assert not (tmp_path / "x.docx").exists()
    regenerate(SEED_DOCX, other, "四（二）", tmp_path / "x.docx", DraftOptions(force=True), progress=lines.append)
    assert any(line.startswith("警告：报告开头没有写项目名称“上城区2020年度基层治理综合信息指挥中心建设项目”") for line in lines)
    lines.clear()
    regenerate(SEED_DOCX, _evaluation(), "四（二）", tmp_path / "y.docx", progress=lines.append)
    assert not any("报告开头没有写项目名称" in line for line in lines)


def test_a_range_holding_another_sections_indicators_is_refused_unless_forced(tmp_path: Path):
    """The editor deleted the next heading (“（三）项目产出情况”): 四（二）'s range now runs on over the C-indicators'
    analyses, and replacing it would delete them. Refused, naming them; --force replaces the whole range."""
    drafted = _draft(tmp_path / "r.docx")
    edited = tmp_path / "edited.docx"
    document = docx.Document(str(drafted))
    heading = next(p for p in document.paragraphs if p.text.strip() == "（三）项目产出情况")
    heading._p.getparent().remove(heading._p)
    document.save(str(edited))
    with pytest.raises(RegenError, match=r"还有C11.*指标的分析.*下一章节的标题被删掉了.*--force"):
        regenerate(edited, _evaluation(), "四（二）", tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()
    regenerate(edited, _evaluation(), "四（二）", tmp_path / "out.docx", DraftOptions(force=True))
    assert (tmp_path / "out.docx").exists()
    regenerate(drafted, _evaluation(), "四（二）", tmp_path / "plain.docx")  # the heading in place: no refusal


def _with_comments_and_a_toc_mark(drafted: Path, edited: Path) -> None:
    """A bookmark on 四（二）'s heading (what a 目录 links to), a comment wholly inside 四（二） and one running from
    四（一） into it, written as Word writes them."""
    document = docx.Document(str(drafted))
    paragraphs = document.paragraphs
    heading = next(p for p in paragraphs if p.text.strip() == "（二）过程管理情况")
    inside = next(p for p in paragraphs[paragraphs.index(heading) + 1 :] if p.text.startswith("B1"))
    before = paragraphs[paragraphs.index(heading) - 2]
    document.add_comment(inside.runs[0], text="内部批注", author="审核人")
    spanning = document.add_comment(before.runs[0], text="跨节批注", author="审核人")
    start = before._p.find(qn("w:commentRangeStart"))
    end = [e for e in before._p.iter(qn("w:commentRangeEnd"), qn("w:r")) if e.tag == qn("w:commentRangeEnd")
           or e.find(qn("w:commentReference")) is not None]  # fmt: skip
    for element in end:  # the comment now ends inside 四（二）
        inside._p.append(element)
    assert start is not None and spanning.comment_id is not None
    mark = heading._p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): "90", qn("w:name"): "_Toc123"})
    heading._p.insert(1, mark)
    heading._p.append(heading._p.makeelement(qn("w:bookmarkEnd"), {qn("w:id"): "90"}))
    document.save(str(edited))


def test_bookmarks_and_comments_that_point_into_the_section_keep_their_targets(tmp_path: Path):
    drafted, edited, out = _draft(tmp_path / "r.docx"), tmp_path / "edited.docx", tmp_path / "out.docx"
    _with_comments_and_a_toc_mark(drafted, edited)
    lines: list[str] = []
    regenerate(edited, _evaluation(), "四（二）", out, progress=lines.append)
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode("utf-8")
        comments = package.read("word/comments.xml").decode("utf-8")
    assert 'w:name="_Toc123"' in body and body.count("<w:bookmarkEnd") == body.count("<w:bookmarkStart")
    assert body.count("<w:commentRangeStart") == body.count("<w:commentRangeEnd") == body.count("<w:commentReference") == 1
    assert "跨节批注" in comments and "内部批注" not in comments
    assert any("1 条批注随原文字一并替换" in line for line in lines), lines
