"""Offline drafting: every fixture in every style, Word layout, figures equal to the data."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from cli import app
from drafter.render import render_report, report_paragraph_texts
from drafter.style import available_styles, load_style
from project_file import load_project
from tests.conftest import FIXTURES, SEEDS

STYLES = ["shangcheng", "fengtai", "mof"]


def test_all_three_styles_exist():
    assert set(STYLES) <= set(available_styles())


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_drafts_in_every_style(fixture: Path, style: str, tmp_path: Path):
    evaluation = load_project(fixture)
    evaluation.style = style
    report = render_report(evaluation)
    texts = "\n".join(report_paragraph_texts(report))
    from evaluation_model import at_least_two_places

    assert f"{evaluation.total}分" in texts or f"{at_least_two_places(evaluation.total)}分" in texts  # 丰台: 84.90分
    assert f"“{evaluation.grade}”" in texts
    numbered = [s for s in report.sections if s.numbered and s.title]
    assert len(numbered) == len([s for s in load_style(style).spec.sections if s.numbered and s.title])
    from drafter.docx_writer import write_docx
    from drafter.markdown_writer import write_markdown

    write_docx(report, tmp_path / "r.docx")
    write_markdown(report, tmp_path / "r.md")
    assert Document(str(tmp_path / "r.docx")).tables
    assert "| 合计 |" in (tmp_path / "r.md").read_text(encoding="utf-8")


def _draft(tmp_path: Path, fixture: str, *extra: str) -> Path:
    out = tmp_path / "out" / "report.docx"
    result = CliRunner().invoke(app, ["draft", str(Path("fixtures") / fixture), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def test_docx_outline_fonts_and_tables(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    doc = Document(str(_draft(tmp_path, "shangcheng_2020_smart_security.yaml")))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "一、基本情况") in headings
    assert ("Heading 2", "（二）过程管理情况") in headings
    assert [h for s, h in headings if s == "Heading 1"][-1] == "七、相关建议"
    normal_fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal_fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    h1_fonts = doc.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert h1_fonts.get(qn("w:eastAsia")) == "黑体"
    assert all(t.style.name == "Table Grid" for t in doc.tables)
    texts = [p.text for p in doc.paragraphs]
    assert "B14运转程序规范性，权重4分，得分2分。" in texts
    b14_body = texts[texts.index("B14运转程序规范性，权重4分，得分2分。") + 1]
    assert b14_body.endswith("根据相关评分标准，扣2分，该指标得2分。")
    assert any("预算资金到位率为100%" in t for t in texts)
    assert any("预算执行率为89.04%" in t for t in texts)
    assert any("综合评价得分86.8分，绩效评级为“良”" in t for t in texts)
    feedback = doc.tables[0]
    assert feedback.cell(2, 1).text == "86.8分" and feedback.cell(2, 3).text == "良"


def _triples_from_seed(text: str) -> set[tuple[str, str, str]]:
    rows = re.findall(r"\t([A-D]\d\d[^\t\n]+)\n\t([\d.]+)\s*\n\t([\d.]+)", text)
    return {(label.strip(), w, s) for label, w, s in rows}


def _triples_from_docx(path: Path) -> tuple[set, set]:
    doc = Document(str(path))
    tables = set()
    for table in doc.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if len(cells) == 4 and re.match(r"^[A-D]\d\d", cells[1]):
                tables.add((cells[1], cells[2], cells[3]))
    prose = set()
    for p in doc.paragraphs:
        m = re.match(r"^([A-D]\d\d\S+?)，权重([\d.]+)分，得分([\d.]+)分。$", p.text)
        if m:
            prose.add(m.groups())
    return tables, prose


def test_round_trip_seed_000_triples(tmp_path: Path, monkeypatch):
    """The (indicator, weight, score) triples in the draft equal those in the seed's own tables."""
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    seed = _triples_from_seed((SEEDS / "000_35d0328808c89d23.txt").read_text(encoding="utf-8"))
    assert len(seed) == 32
    tables, prose = _triples_from_docx(_draft(tmp_path, "shangcheng_2020_smart_security.yaml"))
    assert tables == seed
    assert prose == seed


def test_markdown_output_and_progress(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    out = tmp_path / "r.md"
    result = CliRunner().invoke(app, ["draft", "fixtures/fengtai_2023_lize_renovation.yaml", "-o", str(out)])
    assert result.exit_code == 0
    assert "离线渲染器" in result.output and "已起草" in result.output
    text = out.read_text(encoding="utf-8")
    assert "其中：项目决策得分7.26分、项目过程得分15.85分、项目产出得分34.62分、项目效益得分23.50分。" in text
    assert "| 合计 |  |  | 100 | 81.23 |" in text


def test_output_never_overwrites_an_input(tmp_path: Path):
    source = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml"
    copy = tmp_path / "p.yaml"
    copy.write_bytes(source.read_bytes())
    result = CliRunner().invoke(app, ["draft", str(copy), "-o", str(copy), "--format", "md"])
    assert result.exit_code == 2
    assert "拒绝覆盖输入" in result.output
    assert copy.read_bytes() == source.read_bytes()


def test_unknown_style_is_a_clear_error(tmp_path: Path):
    source = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml"
    result = CliRunner().invoke(app, ["draft", str(source), "-o", str(tmp_path / "x.docx"), "--style", "nope"])
    assert result.exit_code == 2 and "未知的报告样式" in result.output and "shangcheng" in result.output


def test_style_with_unknown_variable_fails_loudly():
    from drafter.blocks import validate_block
    from drafter.phrases import StyleError

    with pytest.raises(StyleError, match="未知变量 budgte"):
        validate_block({"kind": "text", "template": "预算{budgte}元"}, "测试样式")


def test_styles_command_lists_sections():
    result = CliRunner().invoke(app, ["styles"])
    assert result.exit_code == 0
    assert "shangcheng" in result.output and "七、相关建议" in result.output and "七、其他需要说明的问题" in result.output


def test_draft_with_a_figure_the_checker_rejects_is_not_written(tmp_path: Path):
    source = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml"
    project = tmp_path / "p.yaml"
    project.write_text(source.read_text(encoding="utf-8").replace("审计控制率为1.29%", "审计控制率为1.02%"), encoding="utf-8")
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(app, ["draft", str(project), "-o", str(out), "-q"])
    assert result.exit_code == 1 and not out.exists()
    assert "RT301" in result.output and "未写出报告" in result.output
    line = next(n for n, text in enumerate(project.read_text(encoding="utf-8").splitlines(), 1)
                if "evidence:" in text and "审计控制率为1.02%" in text)
    assert re.search(rf"p\.yaml:{line} 字段 indicators\[\d\]\.children\[\d\]\.children\[\d\]\.evidence（C\d\d[^）]+）",
                     result.output), result.output  # (with the indicator it belongs to)
    forced = CliRunner().invoke(app, ["draft", str(project), "-o", str(out), "--force"])
    assert forced.exit_code == 0 and out.exists() and "核查错误" in forced.output


def test_every_block_kind_is_documented_and_the_reference_is_current():
    from drafter.blocks import KINDS
    from drafter.style import style_reference

    assert all(kind.help for kind in KINDS.values()), [k for k, v in KINDS.items() if not v.help]
    path = Path(__file__).resolve().parent.parent / "docs" / "styles.md"
    assert path.read_text(encoding="utf-8") == style_reference(), "docs/styles.md 已过期：运行 evalreport styles --reference -o docs/styles.md"


@pytest.mark.parametrize("style", STYLES)
def test_shallow_tree_drafts_cleanly(style: str, tmp_path: Path):
    """A 二级 scored directly spans the 二级 and 三级 columns; the checker finds nothing to reject."""
    from checkers.engine import check_document
    from checkers.finding import Severity
    from checkers.readers import read_document
    from drafter.docx_writer import write_docx
    from tests.conftest import shallow_evaluation

    evaluation = shallow_evaluation(style)
    path = tmp_path / "r.docx"
    write_docx(render_report(evaluation), path)
    document = read_document(path)
    errors = [f for f in check_document(document, data=evaluation) if f.severity is Severity.ERROR]
    assert errors == []
    cells = [c for t in document.tables for row in t.rows for c in row if c.text == "A1项目立项"]
    assert cells and all(c.span >= 2 for c in cells)
    assert not any("D1" in c.text for t in document.tables for row in t.rows for c in row)
    assert not any("共设置0个" in p.text or "0个二级指标" in p.text for p in document.paragraphs)


def test_docx_page_layout_fits_and_repeats(tmp_path: Path):
    """Theme fonts do not override 黑体/楷体; every table fits the text width, keeps rows whole and repeats its
    header; pages are numbered “— N —”."""
    from drafter.docx_writer import TEXT_WIDTH_CM, write_docx

    path = tmp_path / "r.docx"
    write_docx(render_report(load_project(Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_command_center.yaml")), path)
    doc = Document(str(path))
    for level in range(1, 5):
        fonts = doc.styles[f"Heading {level}"].element.rPr.find(qn("w:rFonts"))
        assert not [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")], level
    for table in doc.tables:
        widths = [c.width.cm for c in table.rows[0].cells if c.width is not None]
        assert sum({id(c._tc): c.width.cm for c in table.rows[0].cells}.values()) <= TEXT_WIDTH_CM + 0.01, widths
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    detail = next(t for t in doc.tables if t.rows[0].cells[0].text == "序号")
    assert len(detail.columns) == 9 and detail.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    front, body = doc.sections  # the 反馈书, 整改报告书 and 封面 print no page number; the body starts at 1
    assert front.footer.paragraphs[0]._p.find(qn("w:fldSimple")) is None
    footer = body.footer.paragraphs[0]
    assert not body.footer.is_linked_to_previous
    assert footer._p.find(qn("w:fldSimple")).get(qn("w:instr")) == "PAGE" and footer.text.startswith("— ")
    sizes = {e.get(qn("w:val")) for e in footer._p.iter(qn("w:sz"))}
    assert sizes == {"28"}, sizes  # the number and its dashes alike (14 pt)
    assert body._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    paragraphs = doc.paragraphs
    end = next(i for i, p in enumerate(paragraphs) if p._p.find(".//" + qn("w:sectPr")) is not None)
    assert paragraphs[end - 1].text and paragraphs[end - 1]._p.find(".//" + qn("w:br")) is None  # no blank page before it
    mof = tmp_path / "mof.docx"
    write_docx(render_report(load_project(Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_command_center.yaml"),
                             load_style("mof")), mof)  # fmt: skip
    [whole] = Document(str(mof)).sections  # a style without front matter numbers every page
    assert whole.footer.paragraphs[0]._p.find(qn("w:fldSimple")) is not None


def test_a_top_indicator_scored_directly_keeps_its_evidence_in_fengtai_style():
    from drafter.markdown_writer import to_markdown
    from tests.conftest import shallow_evaluation

    evaluation = shallow_evaluation("fengtai")
    evaluation.indicators[3].evidence = "项目建成后社会效益明显，居民满意度较高。"
    text = to_markdown(render_report(evaluation))
    section = text[text.index("项目效益情况") : text.index("四、存在的主要问题")]
    assert "项目建成后社会效益明显" in section


def test_the_draft_says_what_it_printed_by_default_and_what_analysis_is_missing(tmp_path: Path):
    source = next(f for f in FIXTURES if f.name == "shangcheng_2020_command_center.yaml")
    text = re.sub(r"\n  evaluation_(?:type|mode): .*|\n  evaluator_kind: .*", "", source.read_text(encoding="utf-8"))
    project = tmp_path / "p.yaml"
    project.write_text(text, encoding="utf-8")
    evaluation = load_project(project)
    leaf = next(leaf for leaf in evaluation.leaves() if leaf.total_score < leaf.total_weight)
    text = text.replace(leaf.evidence.splitlines()[0], "", 1) if leaf.evidence and "\n" not in leaf.evidence else text
    project.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", str(project), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    assert "项目文件没有写评价类型“事后评价”、评价方式“财政部门组织评价”、评价机构类型“中介机构”" in result.output
    assert f"扣分指标 {leaf.label}" in result.output
    result = CliRunner().invoke(app, ["draft", str(source), "-o", str(tmp_path / "s.docx")])
    assert "缺省值" not in result.output and "没有评分依据" not in result.output


def test_a_tables_last_row_is_kept_with_the_row_before_it(tmp_path: Path):
    """A 合计 row alone at the top of a page: the row before it keeps with the next."""
    path = tmp_path / "r.docx"
    assert CliRunner().invoke(app, ["draft", str(FIXTURES[0]), "-o", str(path), "-q"]).exit_code == 0
    for table in Document(str(path)).tables:
        if len(table.rows) > 2:
            before_last = table.rows[-2]._tr
            assert all(p.pPr is not None and p.pPr.keepNext_val for p in before_last.iter(qn("w:p")))


def test_the_full_project_name_is_printed_once_in_every_style(tmp_path: Path):
    """mof and fengtai printed only the short name; the full name opens the report, with the short name it goes by."""
    evaluation = load_project(next(f for f in FIXTURES if f.name == "shangcheng_2020_smart_security.yaml"))
    for style in ("mof", "fengtai", "shangcheng"):
        evaluation.style = style
        text = "".join(report_paragraph_texts(render_report(evaluation)))
        assert evaluation.project.name in text, style
    evaluation.style = "mof"
    assert f"{evaluation.project.name}（以下简称“{evaluation.project.called}”）" in "".join(
        report_paragraph_texts(render_report(evaluation)))  # fmt: skip


def test_what_heads_text_stays_with_it_and_short_tables_stay_whole(tmp_path: Path):
    """A bold indicator line or problem title never ends a page alone; a table shorter than a page keeps every row
    with the next; a page break is its next paragraph's “page break before” (a full page before it leaves no blank
    page); the file's properties are this report's."""
    from drafter.docx_writer import WHOLE_TABLE_ROWS

    path = tmp_path / "r.docx"
    source = next(f for f in FIXTURES if f.name == "shangcheng_2020_command_center.yaml")
    assert CliRunner().invoke(app, ["draft", str(source), "-o", str(path), "-q"]).exit_code == 0
    doc = Document(str(path))
    heads = [p for p in doc.paragraphs if re.match(r"^[A-D]\d{2}\S+，权重", p.text)]
    assert heads and all(p.paragraph_format.keep_with_next for p in heads)
    for table in doc.tables:
        rows = table.rows
        kept = [all(p.pPr is not None and p.pPr.keepNext_val for p in row._tr.iter(qn("w:p"))) for row in rows]
        assert all(kept[:-1]) if len(rows) <= WHOLE_TABLE_ROWS else kept[-2], table.rows[0].cells[0].text
    assert not [p for p in doc.paragraphs if not p.text.strip() and p._p.find(".//" + qn("w:br")) is not None]
    openers = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert "附件1-2" in openers and any(t.endswith("评价报告") for t in openers), openers  # 整改报告书 and 封面
    properties = doc.core_properties
    assert properties.created.year >= 2026 and properties.language == "zh-CN" and "指挥中心" in properties.title
    with zipfile.ZipFile(path) as package:
        assert b"<Application>evalreport</Application>" in package.read("docProps/app.xml")
        assert not [n for n in package.namelist() if "thumbnail" in n]


def test_the_draft_says_which_printed_fields_the_data_left_empty(tmp_path: Path):
    """丰台 data in the 上城 style: the 主要经验及做法 part has nothing in it; the 整改报告书 is a form its reader fills
    in, and says nothing; the 反馈书's 主要绩效情况 (no achievements, practices or conclusion) gives the subtotals."""
    source = next(f for f in FIXTURES if f.name == "fengtai_2024_groundwater.yaml")
    result = CliRunner().invoke(app, ["draft", str(source), "--style", "shangcheng", "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    note = next(line for line in result.output.splitlines() if "没有内容" in line)
    assert "主要绩效情况" not in note and "主要经验及做法”（只写了“无。”）" in note and "联系人" not in note
    own = CliRunner().invoke(app, ["draft", str(source), "-o", str(tmp_path / "own.docx")])
    assert "没有内容" not in own.output


def test_a_title_too_long_for_one_line_is_broken_where_a_reader_would():
    from drafter.docx_writer import balanced_title

    assert balanced_title("2020年度基层治理综合信息指挥中心建设项目绩效评价报告") == "2020年度基层治理综合信息指挥中心\n建设项目绩效评价报告"
    assert balanced_title("丽泽金融商务区2023年重点区域综合整治提升项目绩效评价报告").startswith("丽泽金融商务区2023年\n")
    assert balanced_title("上城区财政支出绩效评价结果反馈书") == "上城区财政支出绩效评价结果反馈书"  # fits on one line
    assert balanced_title("2020年度基层治理综合信息指挥中心建设项目\n绩效评价报告") == "2020年度基层治理综合信息指挥中心\n建设项目绩效评价报告"
    assert balanced_title("上城区财政支出\n项目绩效评价报告") == "上城区财政支出\n项目绩效评价报告"  # the style's break, lines fit


def test_weights_adding_up_to_101_stop_the_draft_until_mended_or_forced(tmp_path: Path):
    """A weight typed wrong (the weights add up to 101): not drafted, the field and line named; --force drafts and
    lists it."""
    source = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml"
    text = source.read_text(encoding="utf-8")
    first = text.index("weight: 3\n", text.index("code: A12"))  # A12 (3 → 4) and its score as it was
    project = tmp_path / "p.yaml"
    project.write_text(text[:first] + "weight: 4\n" + text[first + len("weight: 3\n") :], encoding="utf-8")
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(app, ["draft", str(project), "-o", str(out), "-q"])
    assert result.exit_code == 2 and not out.exists()
    assert "字段 indicators：各指标权重合计为 101 分" in result.output and "--force" in result.output
    forced = CliRunner().invoke(app, ["draft", str(project), "-o", str(out), "-q", "--force"])
    assert forced.exit_code == 0 and out.exists() and "101 分" in forced.output and "已按 --force 照常起草" in forced.output


def test_an_unknown_style_in_the_project_file_is_named_by_its_line(tmp_path: Path):
    source = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml"
    project = tmp_path / "p.yaml"
    project.write_text(source.read_text(encoding="utf-8").replace("style: shangcheng", "style: shangchen"), encoding="utf-8")
    line = next(n for n, text in enumerate(project.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("style:"))
    result = CliRunner().invoke(app, ["draft", str(project), "-o", str(tmp_path / "r.docx"), "-q"])
    assert result.exit_code == 2 and f"p.yaml:{line}：字段 style：未知的报告样式“shangchen”" in result.output
