"""Project-file validation errors and derived values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evaluation_model import format_percent, grade_for
from project_file import ProjectFileError, load_project
from tests.conftest import ROOT

BASE = """\
project:
  name: 测试项目
  year: 2020
  region: 上城区
  unit: 单位
  department: 部门
  organizer: 财政局
  evaluator: 机构
  period: 2021年
  report_date: 2021年12月8日
background: [背景]
goals: {overall: 总目标, annual: 年度目标}
funding: {unit: UNIT, budget: 100, received: 100, spent: 89.04}
indicators:
  - code: A
    name: 决策
    WEIGHT
    children:
      - code: A1
        name: 项目立项
        children:
          - {code: A11, name: 立项依据充分性, weight: 20, score: SCORE}
          - {code: CODE2, name: 立项程序规范性, weight: 80, score: 70.5}
"""


def project(write, unit="万元", score="18", code2="A12", weight=""):
    text = BASE.replace("UNIT", unit).replace("SCORE", score).replace("CODE2", code2)
    text = text.replace("    WEIGHT\n", f"    weight: {weight}\n" if weight else "")
    return write("p.yaml", text)


def error_of(path) -> str:
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    return str(info.value)


def test_valid_project_derives_values(write):
    e = load_project(project(write))
    assert e.total == Decimal("88.5")
    assert e.grade == "良"
    assert e.indicators[0].total_weight == 100
    assert e.leaves()[1].deduction == Decimal("9.5")
    assert format_percent(e.received_rate) == "100%"
    assert format_percent(e.execution_rate) == "89.04%"
    assert format_percent(e.score_rate) == "88.5%"


def test_score_above_weight_names_line_and_field(write):
    message = error_of(project(write, score="21"))
    assert "p.yaml:21" in message
    assert "A11立项依据充分性" in message and "得分 21 超过权重 20" in message


def test_non_numeric_score(write):
    message = error_of(project(write, score="十八"))
    assert "p.yaml:21" in message and "不是数字" in message and "score" in message


def test_negative_score(write):
    assert "不能为负数" in error_of(project(write, score="-1"))


def test_unknown_unit(write):
    message = error_of(project(write, unit="万圆"))
    assert "p.yaml:13" in message and "万圆" in message and "元、万元、亿元" in message


def test_duplicate_codes(write):
    message = error_of(project(write, code2="A11"))
    assert "编码 A11 重复" in message and "p.yaml:22" in message


def test_declared_parent_total_must_equal_children(write):
    message = error_of(project(write, weight="90"))
    assert "权重合计 90" in message and "下级指标之和 100" in message and "p.yaml:15" in message


def test_missing_required_field(write):
    path = write("m.yaml", BASE.replace("  region: 上城区\n", "").replace("UNIT", "元").replace("SCORE", "1")
                 .replace("CODE2", "A12").replace("    WEIGHT\n", ""))  # fmt: skip
    message = error_of(path)
    assert "project.region" in message and "缺少必填字段" in message


def test_unknown_field_is_reported(write):
    path = write("u.yaml", BASE.replace("  year: 2020\n", "  year: 2020\n  yaer: 2020\n").replace("UNIT", "元")
                 .replace("SCORE", "1").replace("CODE2", "A12").replace("    WEIGHT\n", ""))  # fmt: skip
    message = error_of(path)
    assert "project.yaer" in message and "未知字段" in message and "u.yaml:4" in message


def test_yaml_syntax_error_has_line(write):
    path = write("s.yaml", "project:\n  name: [未闭合\n")
    message = error_of(path)
    assert "语法错误" in message and "s.yaml:" in message


def test_weights_not_100_is_a_warning_and_near_100_is_to_be_mended(write):
    text = BASE.replace("UNIT", "元").replace("SCORE", "1").replace("CODE2", "A12").replace("    WEIGHT\n", "")
    e = load_project(write("w.yaml", text.replace("weight: 80, score: 70.5", "weight: 40, score: 30")))
    assert any("不是 100 分" in w for w in e.warnings()) and e.unfinished() == []  # another scale: told, drafted
    e = load_project(write("w.yaml", text.replace("weight: 80, score: 70.5", "weight: 81, score: 70.5")))
    assert not any("不是 100 分" in w for w in e.warnings())
    [(field, reason)] = e.unfinished()  # 101: a weight typed wrong, the draft refused until mended (or --force)
    assert field == "indicators" and "101 分" in reason and "多是某个权重写错" in reason


def test_json_project_file(write, tmp_path):
    import json

    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(project(write).read_text(encoding="utf-8"))
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    assert load_project(path).total == Decimal("88.5")


def test_float_noise_from_a_program_is_read_as_the_number_meant(write, tmp_path):
    import json

    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(project(write).read_text(encoding="utf-8"))
    data["indicators"][0]["children"][0]["children"][0]["score"] = 17.999999999999996  # a script's sum of floats
    data["indicators"][0]["children"][0]["children"][1]["score"] = 70.50000000000001
    data["funding"]["spent"] = 89.04000000000001
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    e = load_project(path)
    assert [str(leaf.score) for leaf in e.leaves()] == ["18", "70.5"] and str(e.funding.spent) == "89.04"
    assert e.total == Decimal("88.5") and format_percent(e.execution_rate) == "89.04%"
    written = load_project(project(write, score="2.80"))  # digits a person wrote stay as written
    assert str(written.leaves()[0].score) == "2.80"


@pytest.mark.parametrize(
    ("total", "grade"),
    [("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"), ("79.9", "中"), ("60", "中"), ("59.99", "差")],
)
def test_grade_bands(total, grade):
    assert grade_for(Decimal(total)) == grade


def test_execution_rate_base_setting(write):
    path = project(write)
    text = path.read_text(encoding="utf-8").replace("budget: 100, received: 100", "budget: 200, received: 100")
    path.write_text("settings: {execution_rate_base: 预算}\n" + text, encoding="utf-8")
    e = load_project(path)
    assert format_percent(e.execution_rate) == "44.52%"
    assert format_percent(e.received_rate) == "50%"


def test_scores_keep_their_decimals():
    e = load_project(ROOT / "fixtures" / "fengtai_2024_hospital_assessment.yaml")
    assert str(e.leaves()[-1].score) == "7.40"
    assert e.total == Decimal("86.88")


def test_schema_command_prints_json_schema():
    from typer.testing import CliRunner

    from cli import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert '"indicators"' in result.stdout and "指标体系" in result.stdout


def test_schema_docs_are_up_to_date():
    import json

    from evaluation_model import json_schema, schema_markdown

    docs = ROOT / "docs"
    assert json.loads((docs / "project.schema.json").read_text(encoding="utf-8")) == json_schema(), (
        "docs/project.schema.json 已过期：运行 evalreport schema -o docs/project.schema.json"
    )
    assert (docs / "project-file.md").read_text(encoding="utf-8") == schema_markdown(), (
        "docs/project-file.md 已过期：运行 evalreport schema --markdown -o docs/project-file.md"
    )


def test_yaml_syntax_errors_are_explained_in_chinese(write):
    text = project(write).read_text(encoding="utf-8")
    duplicated = write("d.yaml", text.replace("  year: 2020\n", "  year: 2020\n  year: 2021\n"))
    assert "字段“year”在同一层级重复出现" in error_of(duplicated)
    tabbed = write("t.yaml", "project:\n\tname: x\n")
    assert "Tab 缩进" in error_of(tabbed)
    dated = write("date.yaml", text.replace("report_date: 2021年12月8日", "report_date: 2021-12-08"))
    assert "日期请写成带引号的文字" in error_of(dated)
    shifted = write("s.yaml", text.replace("  region: 上城区\n", "   region: 上城区\n"))
    message = error_of(shifted)
    assert "s.yaml:4" in message and "缩进与同级字段不一致" in message
    outdented = write("o.yaml", text.replace("    name: 决策\n", "   name: 决策\n"))
    assert "缩进" in error_of(outdented) and "expected" not in error_of(outdented)
    # slips the parser trips over only lines later are told at their own line
    colon = write("c.yaml", text.replace("  region: 上城区\n", "  region：上城区\n"))
    assert "c.yaml:4" in error_of(colon) and "中文冒号" in error_of(colon) and "region: 上城区" in error_of(colon)
    unclosed = write("q.yaml", text.replace("  region: 上城区\n", '  region: "上城区\n'))
    assert "q.yaml:4" in error_of(unclosed) and "没有闭合" in error_of(unclosed)


def test_a_total_row_in_the_funding_detail_is_refused(write):
    text = project(write).read_text(encoding="utf-8").replace(
        "funding: {unit: 万元, budget: 100, received: 100, spent: 89.04}",
        "funding:\n  unit: 万元\n  budget: 100\n  received: 100\n  spent: 89.04\n  detail:\n    title: 明细\n"
        "    columns: [{name: 名称}, {name: 金额, numeric: true}]\n    rows: [[甲, 89.04], [合计, 89.04]]",
    )
    assert "合计行由程序计算" in error_of(write("detail.yaml", text))


def test_quoted_amounts_in_a_money_column_are_numbers(write):
    text = project(write).read_text(encoding="utf-8").replace(
        "funding: {unit: 万元, budget: 100, received: 100, spent: 89.04}",
        "funding:\n  unit: 万元\n  budget: 100\n  received: 100\n  spent: 89.04\n  detail:\n    title: 明细\n"
        "    columns: [{name: 名称}, {name: 金额, numeric: true}]\n    rows: [[甲, \"1,200.50\"], [乙, 30]]",
    )
    evaluation = load_project(write("q.yaml", text))
    assert evaluation.funding.detail.column_total(1) == Decimal("1230.50")
    assert "不是数字" in error_of(write("bad.yaml", text.replace('"1,200.50"', '"一千"')))


def test_a_negative_rate_tolerance_is_refused_with_its_bound(write):
    path = project(write)
    path.write_text("settings: {rate_tolerance: -0.5}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    message = error_of(path)
    assert "p.yaml:1" in message and "settings.rate_tolerance" in message and "应不小于 0" in message


def test_a_code_not_under_its_parents_code_is_a_warning(write):
    text = project(write).read_text(encoding="utf-8")
    evaluation = load_project(project(write))
    assert not any("编码不以" in w for w in evaluation.warnings())
    leaf = evaluation.leaves()[0]
    moved = write("m.yaml", text.replace(f"code: {leaf.code}", "code: Z99", 1))
    warnings = load_project(moved).warnings()
    assert any("Z99" in w and "编码不以" in w for w in warnings), warnings


def test_dates_before_the_projects_year_are_a_warning(write):
    text = project(write).read_text(encoding="utf-8")
    assert not any("早于项目年度" in w for w in load_project(project(write)).warnings())
    later = write("y.yaml", text.replace("  year: 2020\n", "  year: 2023\n"))
    assert any("报告日期" in w and "早于项目年度 2023 年" in w for w in load_project(later).warnings())


def test_bad_values_are_named_with_their_indicator_and_how_to_mend_them(write):
    message = error_of(project(write, score="三分"))
    assert "p.yaml:21：字段 indicators[0].children[0].children[0].score（A11立项依据充分性）：“三分”不是数字" in message
    message = error_of(project(write, score="-1"))
    assert "（A11立项依据充分性）：不能为负数（填写的是 -1），请填写 0 或正数" in message
    text = BASE.replace("UNIT", "万元").replace("SCORE", "18").replace("CODE2", "A12").replace("    WEIGHT\n", "")
    message = error_of(write("y.yaml", text.replace("year: 2020", "year: 二〇二〇")))
    assert "project.year：应为整数（填写的是“二〇二〇”，请写阿拉伯数字，如 2023）" in message
    message = error_of(write("b.yaml", text.replace("{code: A11, name: 立项依据充分性, weight: 20, score: 18}",
                                                    "{code: A11, name: 立项依据充分性, weight: 0, score: 2}")))
    assert "得分 2 超过权重 0" in message and "加分项（权重 0）不作为指标" in message
