"""Extracting a project file from an existing report: drafted fixtures round trip, seed reports, YAML output."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from checkers.extract import PLACEHOLDER, ExtractError, extract_project, project_yaml_text, write_project_yaml
from drafter.atomic import OutputError
from drafter.docx_writer import write_docx
from drafter.markdown_writer import write_markdown
from drafter.render import render_report
from evaluation_model import Evaluation, Indicator
from project_file import load_project, validate
from tests.conftest import FIXTURES, ROOT, SEEDS


def shape(nodes: list[Indicator]) -> list[tuple]:
    """Code, name, weight and score of every node, with the 一级/二级/三级 structure."""
    return [(n.code, n.name, n.weight, n.score, shape(n.children)) for n in nodes]


def _extract_valid(path: Path, report: int | None = None) -> tuple[Evaluation, list[str], dict]:
    data, notes = extract_project(path, report)
    return validate(data, {}, str(path)), notes, data


@pytest.mark.parametrize("style", [None, "mof"], ids=["own-style", "mof"])
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_draft_round_trip(fixture: Path, style: str | None, tmp_path: Path):
    evaluation = load_project(fixture)
    if style:
        evaluation.style = style
    report = tmp_path / "draft.docx"
    write_docx(render_report(evaluation), report)
    extracted, notes, _ = _extract_valid(report)
    assert shape(extracted.indicators) == shape(evaluation.indicators)
    assert extracted.total == evaluation.total and extracted.grade == evaluation.grade
    for field in ("budget", "received", "spent"):
        assert getattr(extracted.funding, field) == getattr(evaluation.funding, field)
    assert extracted.funding.unit == evaluation.funding.unit
    assert notes[0].startswith(f"提取结果：{len(evaluation.leaves())} 个三级指标")
    if "shangcheng" in fixture.stem or style == "mof":
        # every 三级 indicator has its own analysis paragraph: evidence comes back without the closing sentence
        for original, got in zip(evaluation.leaves(), extracted.leaves(), strict=True):
            assert got.evidence == original.evidence


def test_round_trip_markdown(tmp_path: Path):
    evaluation = load_project(FIXTURES[-1])
    report = tmp_path / "draft.md"
    write_markdown(render_report(evaluation), report)
    extracted, _, _ = _extract_valid(report)
    assert shape(extracted.indicators) == shape(evaluation.indicators)


def test_seed_000(tmp_path: Path):
    evaluation, notes, _ = _extract_valid(SEEDS / "000_35d0328808c89d23.txt")
    assert evaluation.total == Decimal("86.8") and evaluation.grade == "良"
    project = evaluation.project
    assert project.name == "上城区2020年度智慧安防小区建设项目"
    assert (project.unit, project.department, project.organizer) == ("杭州市公安局上城区分局",) * 2 + ("上城区财政局",)
    assert project.evaluator == "江苏建圆建方工程管理咨询有限公司"
    assert (project.period, project.report_date, project.year, project.region) == (
        "2021年11月—12月",
        "2021年12月8日",
        2020,
        "上城区",
    )
    assert project.feedback_no == "2021-1（上财〔2021〕45号）"
    funding = evaluation.funding
    assert (funding.unit.value, funding.budget, funding.received, funding.spent) == (
        "元", Decimal(5920000), Decimal(5920000), Decimal("5271022.96"))  # fmt: skip
    b26 = evaluation.find_indicator("B26")
    assert b26 is not None and b26.score == Decimal("2.8")
    assert b26.evidence.endswith("预算执行率89.04%。")
    assert "评分标准" not in b26.evidence
    assert any("A12正文名称“立项程序合规性”与评分表“立项程序规范性”不一致" in n for n in notes)
    fixture = load_project(SEEDS.parent / "shangcheng_2020_smart_security.yaml")
    # the seed's overview table calls 一级 D “效果” where the fixture (and the seed's prose) say “效益”
    assert [(t.code, t.name) for t in evaluation.indicators] == [
        ("A", "决策"),
        ("B", "过程"),
        ("C", "产出"),
        ("D", "效果"),
    ]
    assert [shape(t.children) for t in evaluation.indicators] == [shape(t.children) for t in fixture.indicators]


def test_seed_002():
    evaluation, _, _ = _extract_valid(SEEDS / "002_4ad189d6376584c5.txt")
    assert evaluation.total == Decimal("88.5") and evaluation.grade == "良"
    # 预算 of the year, not the project's multi-year total 854.33 mentioned first
    assert (evaluation.funding.budget, evaluation.funding.received, evaluation.funding.spent) == (
        Decimal("170.86"), Decimal("170.86"), Decimal("168.91"))  # fmt: skip
    fixture = load_project(SEEDS.parent / "shangcheng_2020_command_center.yaml")
    assert shape(evaluation.indicators) == shape(fixture.indicators)


def test_seed_003_fengtai_first_report():
    evaluation, notes, data = _extract_valid(SEEDS / "003_06df7a84ebc894a1.txt")
    assert evaluation.total == Decimal("86.88") and evaluation.grade == "良"
    assert data["style"] == "fengtai"
    assert evaluation.project.name == "直属公立医院绩效考核"
    assert evaluation.project.unit == "北京市丰台区卫生健康委员会"
    assert evaluation.project.department == PLACEHOLDER
    assert any("project.department" in n for n in notes)
    assert any("已提取第 1 篇" in n and "--report N" in n for n in notes)
    assert str(evaluation.find_indicator("满意度").score) == "7.40"
    fixture = load_project(SEEDS.parent / "fengtai_2024_hospital_assessment.yaml")
    assert shape(evaluation.indicators) == shape(fixture.indicators)
    assert (evaluation.funding.budget, evaluation.funding.received) == (Decimal(1500), Decimal("1415.35"))


@pytest.mark.parametrize(("index", "total", "name"), [
    (2, Decimal("84.90"), "地下水“双源”监管建设体系服务项目（二期）"),
    (4, Decimal("81.23"), "丽泽金融商务区2023年重点区域综合整治提升项目"),
])  # fmt: skip
def test_seed_003_other_reports(index: int, total: Decimal, name: str):
    evaluation, _, _ = _extract_valid(SEEDS / "003_06df7a84ebc894a1.txt", index)
    assert evaluation.total == total
    assert evaluation.project.name == name


def test_report_index_out_of_range():
    with pytest.raises(ExtractError, match="共有 4 篇报告"):
        extract_project(SEEDS / "003_06df7a84ebc894a1.txt", 9)


def test_report_without_score_tables():
    with pytest.raises(ExtractError, match="没有找到评分表"):
        extract_project(SEEDS / "001_0236d07c5160386a.txt")


def test_unreadable_report(tmp_path: Path):
    with pytest.raises(ExtractError, match="找不到文件"):
        extract_project(tmp_path / "none.docx")


def test_yaml_output_validates_and_keeps_decimals(tmp_path: Path):
    source = SEEDS / "003_06df7a84ebc894a1.txt"
    data, notes = extract_project(source)
    out = tmp_path / "p.yaml"
    write_project_yaml(data, out, notes, source=source)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 由 evalreport extract")
    assert "# - 未找到主管部门，请补填 project.department" in text
    assert "score: 7.40\n" in text and "weight: 1.5\n" in text and "budget: 1500\n" in text
    assert "!!" not in text  # Decimals are plain numbers, not tagged
    evaluation = load_project(out)
    assert evaluation.total == Decimal("86.88")
    assert str(evaluation.find_indicator("满意度").score) == "7.40"
    with pytest.raises(OutputError, match="已存在"):
        write_project_yaml(data, out, notes, source=source)
    write_project_yaml(data, out, notes, source=source, force=True)


def test_never_writes_over_the_input(tmp_path: Path):
    source = tmp_path / "r.txt"
    source.write_text((SEEDS / "000_35d0328808c89d23.txt").read_text(encoding="utf-8"), encoding="utf-8")
    data, notes = extract_project(source)
    with pytest.raises(OutputError, match="输入"):
        write_project_yaml(data, source, notes, source=source, force=True)
    assert source.read_text(encoding="utf-8").startswith("附件1-1")


def test_yaml_text_round_trips_through_project_loader(tmp_path: Path):
    data, notes = extract_project(SEEDS / "000_35d0328808c89d23.txt")
    path = tmp_path / "p.yaml"
    path.write_text(project_yaml_text(data, notes), encoding="utf-8")
    assert load_project(path).total == Decimal("86.8")


def test_findings_come_back_from_last_years_report():
    data, notes = extract_project(SEEDS / "000_35d0328808c89d23.txt")
    problems = data["findings"]["problems"]
    assert [p["aspect"] for p in problems] == ["目标管理", "组织管理", "资金管理", "项目绩效", "项目绩效"]
    assert problems[3]["title"] == "部分设备效用未完全发挥，长效管理有待加强"
    assert problems[0]["text"].startswith("区公安局未提供项目绩效目标申报表")
    assert len(data["findings"]["suggestions"]) == 4 and len(data["findings"]["practices"]) == 2
    assert any("answers" in note for note in notes)
    hospital, _ = extract_project(SEEDS / "003_06df7a84ebc894a1.txt", report=1)
    titles = [p["title"] for p in hospital["findings"]["problems"]]
    assert titles == ["项目目标不够清晰", "部分绩效指标合理性不足", "项目完成时效性不足", "项目可持续影响指标完成情况不清晰"]


def test_level_columns_are_found_under_a_title_row(tmp_path: Path):
    """A title row above the header, and a description column before the numbers: levels come from the header words."""
    report = tmp_path / "r.md"
    report.write_text(
        "# 某项目绩效评价报告\n\n"
        "| 表1 绩效评价指标评分表 | | | | | |\n|---|---|---|---|---|---|\n"
        "| 一级指标 | 二级指标 | 三级指标 | 评价要点 | 权重 | 得分 |\n"
        "| A决策 | A1项目立项 | A11立项依据充分性 | 依据是否充分 | 40 | 36 |\n"
        "| A决策 | A1项目立项 | A12立项程序规范性 | 程序是否规范 | 60 | 50 |\n"
        "| 合计 | | | | 100 | 86 |\n\n"
        "综合得分86分，评价等级为“良”。\n",
        encoding="utf-8",
    )
    evaluation, _, _ = _extract_valid(report)
    assert shape(evaluation.indicators) == [
        ("A", "决策", None, None, [("A1", "项目立项", None, None, [
            ("A11", "立项依据充分性", Decimal(40), Decimal(36), []),
            ("A12", "立项程序规范性", Decimal(60), Decimal(50), []),
        ])]),
    ]  # fmt: skip


@pytest.mark.parametrize("suffix", [".docx", ".md"])
@pytest.mark.parametrize("style", ["shangcheng", "fengtai", "mof"])
def test_shallow_tree_round_trip(style: str, suffix: str, tmp_path: Path):
    """A 二级 scored directly and a 一级 without sub-table come back as they were, in every style."""
    from tests.conftest import shallow_evaluation

    evaluation = shallow_evaluation(style)
    report = tmp_path / f"draft{suffix}"
    (write_docx if suffix == ".docx" else write_markdown)(render_report(evaluation), report)
    extracted, notes, _ = _extract_valid(report)
    assert shape(extracted.indicators) == shape(evaluation.indicators), notes
    assert extracted.indicators[0].children[0].children == [] and extracted.indicators[3].children == []
    assert extracted.total == evaluation.total


def test_a_draft_is_not_made_from_unfinished_fields(tmp_path: Path):
    """What extract could not read (“（待补充）”, a zero budget) must be filled in before drafting (or --force)."""
    from typer.testing import CliRunner

    from cli import app

    project = tmp_path / "p.yaml"
    text = (ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(\n  period: ).*", r"\1（待补充）", text, count=1)
    text = re.sub(r"(\n  budget: )[\d.]+", r"\g<1>0", text, count=1)
    project.write_text(text, encoding="utf-8")
    out = tmp_path / "r.md"
    result = CliRunner().invoke(app, ["draft", str(project), "-o", str(out), "-q"])
    assert result.exit_code == 2 and not out.exists()
    assert "字段 project.period：还是“（待补充）”" in result.output and "funding.budget" in result.output
    assert re.search(r"p\.yaml:\d+：字段 project\.period", result.output)
    assert CliRunner().invoke(app, ["draft", str(project), "-o", str(out), "-q", "--force"]).exit_code in (0, 1)
    checked = CliRunner().invoke(app, ["check", str(tmp_path / "none.md"), "--data", str(project)])
    assert "提示：项目文件" in checked.output and "project.period" in checked.output


def test_fields_the_style_never_prints_do_not_stop_a_draft(tmp_path: Path):
    """The 丰台 style prints no 主管部门, 评价期间 or 报告日期: left “（待补充）” by extract, they are no reason to refuse."""
    from typer.testing import CliRunner

    from cli import app

    text = (ROOT / "fixtures" / "fengtai_2023_lize_renovation.yaml").read_text(encoding="utf-8")
    for field in ("department", "period", "report_date"):
        text = re.sub(rf"(\n  {field}: ).*", r"\1（待补充）", text, count=1)
    project = tmp_path / "p.yaml"
    project.write_text(text, encoding="utf-8")
    fengtai = CliRunner().invoke(app, ["draft", str(project), "-o", str(tmp_path / "r.docx"), "-q"])
    assert fengtai.exit_code == 0, fengtai.output
    shangcheng = CliRunner().invoke(app, ["draft", str(project), "-o", str(tmp_path / "r2.docx"), "-q", "--style", "shangcheng"])
    assert shangcheng.exit_code == 2 and "project.department" in shangcheng.output and not (tmp_path / "r2.docx").exists()


@pytest.mark.parametrize("style", ["mof", "shangcheng"])
def test_problems_practices_and_suggestions_come_back_apart(style: str, tmp_path: Path):
    """mof puts 经验做法 and 问题 under one chapter: each list comes back with its own items only."""
    evaluation = load_project(FIXTURES[0].parent / "shangcheng_2020_command_center.yaml")
    evaluation.style = style
    report = tmp_path / "r.docx"
    write_docx(render_report(evaluation), report)
    data, notes = extract_project(report)
    found = data["findings"]
    assert [p["title"] for p in found["problems"]] == [p.title for p in evaluation.findings.problems]
    assert [p["title"] for p in found["practices"]] == [p.title for p in evaluation.findings.practices]
    assert len(found["suggestions"]) == len(evaluation.findings.suggestions)
    assert any("不从报告中提取" in note and "basis" in note for note in notes)


def _rewrite_level_tables(text: str, change) -> str:
    """Apply ``change(cells, row_index)`` to every row of the per-一级 tables (header “二级指标 | 三级指标 | 权重 | 得分”)."""
    out, in_table, index = [], False, 0
    for line in text.splitlines():
        if line.startswith("| 二级指标 | 三级指标 |"):
            in_table, index = True, 0
        if in_table and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = "| " + " | ".join(change(cells, index)) + " |"
            index += 1
        elif in_table:
            in_table = False
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("layout", ["序号 column", "swapped levels", "empty 一级 column"])
def test_per_level1_tables_in_other_layouts(layout: str, tmp_path: Path):
    evaluation = load_project(FIXTURES[0].parent / "shangcheng_2020_smart_security.yaml")
    draft = tmp_path / "d.md"
    write_markdown(render_report(evaluation), draft)

    def change(cells: list[str], index: int) -> list[str]:
        if layout == "序号 column":
            return [("序号" if index == 0 else "---" if index == 1 else str(index - 1)), *cells]
        if layout == "swapped levels":
            return [cells[1], cells[0], *cells[2:]]
        return [("一级指标" if index == 0 else "---" if index == 1 else ""), *cells]

    variant = tmp_path / "v.md"
    variant.write_text(_rewrite_level_tables(draft.read_text(encoding="utf-8"), change), encoding="utf-8")
    extracted, notes, _ = _extract_valid(variant)
    assert shape(extracted.indicators) == shape(evaluation.indicators), notes


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header repeated", "no header"])
def test_an_appendix_table_split_by_a_continuation(repeat_header: bool, tmp_path: Path):
    """A long 指标体系 table broken by “（续表）”, with or without its header repeated, is read whole."""
    evaluation = load_project(FIXTURES[0].parent / "fengtai_2024_groundwater.yaml")
    draft = tmp_path / "d.md"
    write_markdown(render_report(evaluation), draft)
    lines = draft.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| 一级指标 | 二级指标 | 三级指标 |"))
    cut = header + 8  # header, rule and six rows, then the rest on a “new page”
    width = lines[header].count("|") - 1
    again = [lines[header], lines[header + 1]] if repeat_header else ["| " + " | ".join([""] * width) + " |",
                                                                        "|" + "---|" * width]  # fmt: skip
    lines[cut:cut] = ["", "（续表）", "", *again]
    variant = tmp_path / "v.md"
    variant.write_text("\n".join(lines) + "\n", encoding="utf-8")
    extracted, notes, _ = _extract_valid(variant)
    assert shape(extracted.indicators) == shape(evaluation.indicators), notes
    assert extracted.total == evaluation.total


def test_problems_written_as_paragraphs_under_their_aspect():
    """Seed 002 writes “（二）组织管理方面” and then three problems as plain paragraphs: three problems, not one."""
    data, _ = extract_project(SEEDS / "002_4ad189d6376584c5.txt")
    problems = data["findings"]["problems"]
    assert [p["aspect"] for p in problems] == ["目标管理", "组织管理", "组织管理", "组织管理", "项目绩效"]
    assert not any(p["title"].endswith("方面") for p in problems)
    assert problems[4]["title"] == "缺少部分台账，项目效益无法准确量化"


def test_suggestion_groups_listed_in_the_feedback_form_stay_whole():
    """Seed 002: three groups of numbered sub-items, and the 反馈书 lists three suggestions."""
    data, _ = extract_project(SEEDS / "002_4ad189d6376584c5.txt")
    suggestions = data["findings"]["suggestions"]
    assert [s["title"] for s in suggestions] == ["进一步提高绩效目标编制水平", "进一步加强项目实施规范管理", "进一步推进项目监管体系"]
    assert suggestions[1]["text"].startswith("1.施工期间，所有流转环节") and "2.根据最新出台的" in suggestions[1]["text"]


def test_project_fields_from_the_mof_opening_sentence(tmp_path: Path):
    evaluation = load_project(FIXTURES[0].parent / "shangcheng_2020_smart_security.yaml")
    evaluation.style = "mof"
    report = tmp_path / "r.docx"
    write_docx(render_report(evaluation), report)
    project = extract_project(report)[0]["project"]
    for field in ("organizer", "evaluator", "unit", "period"):
        assert project[field] == getattr(evaluation.project, field), field


def test_an_extracted_tree_that_fails_validation_is_written_with_exit_code_1(tmp_path: Path):
    from typer.testing import CliRunner

    from cli import app

    report = tmp_path / "r.md"
    report.write_text(
        "# 某项目绩效评价报告\n\n| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|---|\n"
        "| A决策 | A1项目立项 | A11立项依据充分性 | 50 | 45 |\n| | | A11立项程序规范性 | 50 | 40 |\n| 合计 | | | 100 | 85 |\n",
        encoding="utf-8",
    )
    out = tmp_path / "p.yaml"
    result = CliRunner().invoke(app, ["extract", str(report), "-o", str(out)])
    assert result.exit_code == 1 and out.exists() and "未通过校验" in result.output


def test_the_last_suggestion_stops_before_the_appendix(tmp_path: Path):
    evaluation = load_project(FIXTURES[0].parent / "fengtai_2024_groundwater.yaml")
    report = tmp_path / "r.md"
    write_markdown(render_report(evaluation), report)
    last = extract_project(report)[0]["findings"]["suggestions"][-1]["text"]
    assert last.endswith(evaluation.findings.suggestions[-1].text[-20:]) and "附件" not in last


def test_the_schema_line_points_at_the_schema_from_where_the_file_is_written(tmp_path: Path):
    from checkers.extract import schema_reference

    out = tmp_path / "deep" / "p.yaml"
    out.parent.mkdir()
    reference = schema_reference(out)
    assert (out.parent / reference).resolve() == (ROOT / "docs" / "project.schema.json").resolve()
