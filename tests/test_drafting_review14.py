"""Drafting defects found by review 14 (evaluator/editor journey): missing optional data, cover, table widths,
4th-level headings, regen's listing, mof wording, CLI summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from cli import app
from drafter.render import render_report
from drafter.report import Paragraph, Section, Table
from evaluation_model import PLACEHOLDER
from project_file import load_project
from tests.conftest import ROOT

STYLES = ["shangcheng", "fengtai", "mof"]
SMART = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
runner = CliRunner()


def minimal_project(tmp_path: Path, style: str, management: bool = False) -> Path:
    """Seed 000's fixture without any optional narrative: no basis, organization, implementation, findings,
    feedback_no (and no funding.management unless asked)."""
    yaml = YAML()
    data = yaml.load(SMART.read_text(encoding="utf-8"))
    data["style"] = style
    for key in ("basis", "organization", "implementation", "findings"):
        data.pop(key, None)
    data["project"].pop("feedback_no", None)
    if not management:
        data["funding"].pop("management", None)
    path = tmp_path / f"minimal-{style}.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def _headed_without_content(sections: list[Section]) -> list[str]:
    out = []
    for section in sections:
        printed = [b for b in section.blocks if isinstance(b, Paragraph | Table)]
        if section.heading and not printed and not section.children:
            out.append(section.heading)
        out += _headed_without_content(section.children)
    return out


def _texts(report) -> list[str]:
    return [b.text for s in report.walk() for b in s.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize("style", STYLES)
def test_missing_optional_data_leaves_no_heading_alone_and_no_contradiction(tmp_path: Path, style: str):
    """No heading with nothing under it (“3.组织实施情况”); no intro announcing problems or suggestions that do not
    follow; no assurance the data does not give (“专款专用”)."""
    report = render_report(load_project(minimal_project(tmp_path, style)))
    assert _headed_without_content(report.sections) == []
    texts = _texts(report)
    assert not any("专款专用" in t for t in texts)
    assert not any("仍存在一些问题" in t or "提出进一步完善和改进的建议" in t for t in texts)
    assert any("未发现需要单独说明的问题" in t for t in texts)
    with_data = render_report(load_project(SMART).model_copy(update={"style": style}))
    assert _headed_without_content(with_data.sections) == []


def test_an_omitted_part_is_named_in_a_hint(tmp_path: Path):
    project = minimal_project(tmp_path, "shangcheng", management=True)
    result = runner.invoke(app, ["draft", str(project), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    hint = next(line for line in result.output.splitlines() if "略去" in line)
    assert "“组织实施情况”" in hint and "organization" in hint and "basis" in hint


def test_no_funding_management_is_a_placeholder_the_user_must_fill(tmp_path: Path):
    """The 上城 style's “（3）项目资金管理情况” without data: “（待补充）”, not an invented “专款专用”; the draft is
    refused naming the field, and --force writes it with the placeholder visible."""
    project = minimal_project(tmp_path, "shangcheng")
    out = tmp_path / "r.md"
    refused = runner.invoke(app, ["draft", str(project), "-o", str(out)])
    assert refused.exit_code == 2 and not out.exists()
    assert "funding.management" in refused.output and "项目资金情况”" in refused.output
    assert "extract" not in refused.output  # (not left by extract: the data simply has none)
    forced = runner.invoke(app, ["draft", str(project), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    text = out.read_text(encoding="utf-8")
    assert f"（3）项目资金管理情况\n\n{PLACEHOLDER}" in text and "专款专用" not in text


def test_the_feedback_form_has_no_empty_number_line_or_rows(tmp_path: Path):
    report = render_report(load_project(minimal_project(tmp_path, "shangcheng", management=True)))
    feedback = report.sections[0]
    assert not any(isinstance(b, Paragraph) and b.text.strip() in ("编号：", "编号:") for b in feedback.blocks)
    form = next(b for b in feedback.blocks if isinstance(b, Table))
    rows = {row[0]: row[1] for row in form.rows}
    assert rows["主要问题"] == "评价中未发现需要单独说明的问题。"
    assert rows["主要绩效情况"].startswith("项目决策得分") and "过程管理得分" in rows["主要绩效情况"]
    assert rows["建议"] == "无。"  # no blank line, no “详见报告” pointing at suggestions that are not there
    full = render_report(load_project(SMART))
    assert any(isinstance(b, Paragraph) and b.text.startswith("编号：2021-1") for b in full.sections[0].blocks)


LONG_NAME = "上城区2020年度基层社会治理智能化提升暨智慧安防小区建设与老旧小区视频监控系统改造升级及后续运维管理服务政府采购项目（一期、二期合并实施）"


def long_name_project(tmp_path: Path) -> Path:
    yaml = YAML()
    data = yaml.load(SMART.read_text(encoding="utf-8"))
    data["project"]["name"] = LONG_NAME
    data["project"].pop("short_name", None)
    path = tmp_path / "long.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def _cover_title(path: Path):
    from docx import Document

    return next(p for p in Document(str(path)).paragraphs if p.text == "上城区财政支出项目绩效评价报告")


def test_a_long_project_name_keeps_the_cover_on_one_page(tmp_path: Path):
    """The cover's fixed space above its title gives way when the project name wraps over several lines, so the
    evaluator's name stays on the cover; a short name keeps the usual third of the page above the title."""
    from drafter.docx_writer import COVER_TITLE_SPACE, LINE_PT, TEXT_HEIGHT_PT, cover_space, write_docx

    long_report = render_report(load_project(long_name_project(tmp_path)))
    before, after = cover_space(long_report.find("cover").blocks)
    assert before < COVER_TITLE_SPACE[0] and after == COVER_TITLE_SPACE[1]
    write_docx(long_report, tmp_path / "long.docx")
    title = _cover_title(tmp_path / "long.docx")
    assert title.paragraph_format.space_before.pt == pytest.approx(before, abs=0.5)
    # the cover's 9 wrapped lines (4 of them the name) and 2 centred lines fit below the title with the space kept
    lines = 1 + 4 + 5 + 2
    assert before + after + lines * LINE_PT + 6 * 16 + 12 <= TEXT_HEIGHT_PT
    write_docx(render_report(load_project(SMART)), tmp_path / "short.docx")
    assert _cover_title(tmp_path / "short.docx").paragraph_format.space_before.pt >= COVER_TITLE_SPACE[0] - 1


@pytest.mark.skipif(not __import__("shutil").which("soffice") or not __import__("shutil").which("pdftotext"),
                    reason="needs LibreOffice and poppler")
def test_a_long_project_name_cover_rendered_by_libreoffice(tmp_path: Path):
    """Rendered: the cover (page 3, after 反馈书 and 整改报告书) holds the evaluator and the date, page 4 the title."""
    import subprocess

    out = tmp_path / "long.docx"
    assert runner.invoke(app, ["draft", str(long_name_project(tmp_path)), "-o", str(out), "-q"]).exit_code == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    pages = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(tmp_path / "long.pdf"), "-"],
                            check=True, capture_output=True, text=True).stdout for n in (3, 4)]  # fmt: skip
    assert "江苏建圆建方工程管理咨询有限公司" in pages[0] and "2021年12月8日" in pages[0].replace(" ", "")
    assert "为加强财政支出管理" in pages[1].replace("\n", "")


def _docx_table(tmp_path: Path, fixture: str, first_header: str):
    from docx import Document

    from drafter.docx_writer import write_docx

    path = tmp_path / "t.docx"
    write_docx(render_report(load_project(ROOT / "fixtures" / fixture)), path)
    table = next(t for t in Document(str(path)).tables if t.rows[0].cells[0].text == first_header)
    return {cell.text: cell.width.cm for cell in table.rows[0].cells}


def test_the_funding_detail_table_gives_its_text_columns_the_room(tmp_path: Path):
    """9 columns: 名称 and 备注 (long texts) get about twice a number column's width, not the same width; the
    numbers still fit one line and the table the text width."""
    from drafter.docx_writer import TEXT_WIDTH_CM

    widths = _docx_table(tmp_path, "shangcheng_2020_command_center.yaml", "序号")
    numbers = [widths[h] for h in ("总预算", "中标价", "审定价", "已支付金额", "2020年支付金额")]
    assert min(widths["名称"], widths["备注"]) >= 1.8 * max(numbers), widths
    assert min(numbers) >= 1.2 and sum(widths.values()) <= TEXT_WIDTH_CM + 0.01  # “798.46” in 五号 on one line


def test_the_appendix_score_header_stays_on_one_line(tmp_path: Path):
    """丰台 appendix: “专家评分” (12 pt, four characters) is not wrapped: the label columns have room to spare."""
    widths = _docx_table(tmp_path, "fengtai_2023_lize_renovation.yaml", "一级指标")
    assert widths["专家评分"] >= 4 * 12 * 2.54 / 72 + 0.4, widths


def test_fourth_level_funding_headings_stay_with_their_text(tmp_path: Path):
    """“（1）项目资金到位情况” … “（3）项目资金管理情况” head the text after them: kept with it (keep with next), laid
    out as the body; the sentences under them are not kept."""
    from docx import Document

    from drafter.docx_writer import write_docx

    path = tmp_path / "cc.docx"
    write_docx(render_report(load_project(ROOT / "fixtures" / "shangcheng_2020_command_center.yaml")), path)
    paragraphs = Document(str(path)).paragraphs
    heads = [p for p in paragraphs if p.text in ("（1）项目资金到位情况", "（2）项目资金使用情况", "（3）项目资金管理情况")]
    assert len(heads) == 3 and all(p.paragraph_format.keep_with_next for p in heads)
    assert all(p.paragraph_format.first_line_indent is not None for p in heads)
    after = paragraphs[paragraphs.index(heads[0]) + 1]
    assert after.text.startswith("2020年度基层治理综合信息指挥中心建设项目财政预算") and not after.paragraph_format.keep_with_next


def _regen_lines(tmp_path: Path, report: Path, section: str, data_path: Path = SMART) -> list[str]:
    from drafter.regen import regenerate

    said: list[str] = []
    regenerate(report, load_project(data_path), section, tmp_path / f"out-{len(list(tmp_path.iterdir()))}.docx",
               progress=said.append)  # fmt: skip
    return next(line for line in said if line.startswith("已重写")).splitlines()


def test_regen_lists_headings_it_reverts_or_deletes(tmp_path: Path):
    """A heading renamed by hand (reverted) and a sub-heading added by hand (deleted, with its paragraph) are
    listed among what the new draft no longer has."""
    import copy

    import docx as python_docx

    from drafter.docx_writer import write_docx

    report = tmp_path / "r.docx"
    write_docx(render_report(load_project(SMART)), report)
    edited = python_docx.Document(str(report))
    paragraphs = edited.paragraphs
    renamed = next(p for p in paragraphs if p.text == "（二）过程管理情况")
    renamed.runs[0].text = "（二）项目过程管理情况"
    for run in renamed.runs[1:]:
        run.text = ""
    five = next(p for p in paragraphs if p.text == "五、主要经验及做法")
    sub, text = copy.deepcopy(renamed._p), copy.deepcopy(paragraphs[paragraphs.index(renamed) + 1]._p)
    five._p.addprevious(sub)
    five._p.addprevious(text)
    from docx.text.paragraph import Paragraph as DocxParagraph

    for element, words in ((sub, "（五）其他说明"), (text, "评价组补充说明：项目运维合同已续签。")):
        paragraph = DocxParagraph(element, five._parent)
        paragraph.runs[0].text = words
        for run in paragraph.runs[1:]:
            run.text = ""
    edited.save(str(tmp_path / "edited.docx"))
    lines = _regen_lines(tmp_path, tmp_path / "edited.docx", "四")
    listed = "\n".join(lines[1:])
    assert "（二）项目过程管理情况" in listed and "（五）其他说明" in listed and "项目运维合同已续签" in listed
    assert "以下 3 处与新稿不同" in lines[0]


def test_regen_names_a_changed_table_as_a_table_and_an_unchanged_caption_not_at_all(tmp_path: Path):
    """三 redrafted after a score changed: 表1's cells changed (listed as “表1  绩效评价得分概况（表格）”), its caption
    did not (not listed as a lost paragraph); redrafted unchanged, nothing is listed."""
    from drafter.docx_writer import write_docx

    report = tmp_path / "r.docx"
    write_docx(render_report(load_project(SMART)), report)
    unchanged = _regen_lines(tmp_path, report, "三")
    assert "原有文字新稿中都有" in unchanged[0] and len(unchanged) == 1
    text = SMART.read_text(encoding="utf-8")
    changed = tmp_path / "p2.yaml"
    changed.write_text(re.sub(r"(weight: 4\n\s+score: )2\n", r"\g<1>3\n", text, count=1), encoding="utf-8")
    assert load_project(changed).total != load_project(SMART).total
    lines = _regen_lines(tmp_path, report, "三", changed)
    assert "  表1  绩效评价得分概况（表格）" in lines
    assert not any(line.strip().startswith("第") and line.strip().endswith("：表1  绩效评价得分概况") for line in lines)


HOSPITAL = ROOT / "fixtures" / "fengtai_2024_hospital_assessment.yaml"


def _mof_texts(fixture: Path) -> list[str]:
    evaluation = load_project(fixture)
    evaluation.style = "mof"
    return _texts(render_report(evaluation))


def test_mof_intro_names_the_organiser_once_and_no_longer_short_name():
    """“北京市丰台区财政局组织绩效评价工作组对……实施的直属公立医院绩效考核项目”: the organiser not repeated in the
    evaluator's name, and no “以下简称” for a “short” name longer than the full name."""
    intro = next(t for t in _mof_texts(HOSPITAL) if t.startswith("根据《项目支出绩效评价管理办法》"))
    assert "北京市丰台区财政局组织绩效评价工作组对" in intro and intro.count("北京市丰台区财政局") == 1
    assert "以下简称" not in intro and "实施的直属公立医院绩效考核项目开展了绩效评价" in intro
    smart = next(t for t in _mof_texts(SMART) if t.startswith("根据《项目支出绩效评价管理办法》"))
    assert "上城区财政局组织江苏建圆建方工程管理咨询有限公司对" in smart
    assert "上城区2020年度智慧安防小区建设项目（以下简称“2020年度智慧安防小区建设项目”）" in smart


def test_a_single_basis_item_has_no_lone_number(tmp_path: Path):
    texts = _mof_texts(HOSPITAL)
    assert "立项依据：国务院办公厅《关于加强三级公立医院绩效考核工作的意见》。" in texts
    assert not any(t.startswith("立项依据（1）") for t in texts)
    assert any(t.startswith("立项依据（1）：") for t in _mof_texts(SMART))  # several: numbered
    yaml = YAML()
    data = yaml.load(SMART.read_text(encoding="utf-8"))
    data["basis"] = data["basis"][:1]
    path = tmp_path / "one.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    shangcheng = _texts(render_report(load_project(path)))
    assert not any(t.startswith("（1）《") for t in shangcheng) and any(t.startswith("《") and t.endswith("。")
                                                                      for t in shangcheng)  # fmt: skip


def test_mof_names_the_first_level_indicators_alike_in_three_and_four():
    texts = _mof_texts(HOSPITAL)
    overview = next(t for t in texts if t.startswith("其中："))
    assert overview.startswith("其中：决策指标权重10分") and "项目决策指标" not in overview
    assert any(t.startswith("决策指标权重10分，实际得分") for t in texts)


GROUNDWATER = ROOT / "fixtures" / "fengtai_2024_groundwater.yaml"


def test_the_cli_summary_prints_the_total_as_the_report_does(tmp_path: Path):
    """丰台 prints totals with two decimals (84.90分): so does the line saying the report was written."""
    result = runner.invoke(app, ["draft", str(GROUNDWATER), "-o", str(tmp_path / "g.docx"), "-q"])
    assert result.exit_code == 0 and "（总分 84.90 分，等级 良）" in result.output, result.output
    result = runner.invoke(app, ["draft", str(SMART), "-o", str(tmp_path / "s.docx"), "-q"])
    assert "（总分 86.8 分，等级 良）" in result.output


def test_quiet_leaves_out_which_backend_drafts(tmp_path: Path, monkeypatch):
    """-q: no “未设置 OPENAI_API_KEY” hint (offline) and no “使用 openai 后端…” line (a model); the result line stays,
    as do the hints on the data."""
    quiet = runner.invoke(app, ["draft", str(SMART), "-o", str(tmp_path / "a.docx"), "-q"])
    assert quiet.exit_code == 0 and "OPENAI_API_KEY" not in quiet.output and "已写出" in quiet.output
    loud = runner.invoke(app, ["draft", str(SMART), "-o", str(tmp_path / "b.docx")])
    assert "OPENAI_API_KEY" in loud.output
    from tests.openai_server import fake_model

    with fake_model(monkeypatch, tmp_path) as (_, config):
        result = runner.invoke(app, ["draft", str(SMART), "-o", str(tmp_path / "c.docx"), "--backend", "openai",
                                     "--config", str(config), "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "后端" not in result.output and "已写出" in result.output and "token" in result.output


def test_an_amount_finer_than_its_unit_is_written_gets_a_hint(tmp_path: Path):
    """527.102296万元 (six places: finer than a yuan) is printed as typed: the draft says so and names the field;
    the fixtures' amounts (798.46万元, 5920000元) give no such hint."""
    yaml = YAML()
    data = yaml.load(SMART.read_text(encoding="utf-8"))
    data["funding"].update({"unit": "万元", "budget": 592, "received": 592})
    data["funding"]["spent"] = 527.102296
    data["facts"] = []
    path = tmp_path / "wan.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    result = runner.invoke(app, ["draft", str(path), "-o", str(tmp_path / "w.docx"), "-q", "--force"])
    assert result.exit_code == 0, result.output
    [hint] = [line for line in result.output.splitlines() if "小数" in line]
    assert "funding.spent" in hint and "527.102296万元" in hint and "6 位" in hint
    for fixture in (SMART, ROOT / "fixtures" / "shangcheng_2020_command_center.yaml"):
        quiet = runner.invoke(app, ["draft", str(fixture), "-o", str(tmp_path / f"{fixture.stem}.docx"), "-q"])
        assert quiet.exit_code == 0 and "小数" not in quiet.output


def test_a_yuan_amount_with_more_than_two_places_gets_a_hint():
    from drafter.pipeline import over_precise_amounts

    evaluation = load_project(SMART)  # 元
    assert over_precise_amounts(evaluation) == []
    evaluation.funding.spent = __import__("decimal").Decimal("5271022.961")
    assert [(f, places) for f, _, _, places, _, _ in over_precise_amounts(evaluation)] == [("funding.spent", 3)]
