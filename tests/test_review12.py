"""Wordings and layouts from the twelfth review: ordinary reports that must stay quiet, slips that must be found."""

from __future__ import annotations

from pathlib import Path

import docx

from checkers.engine import check_document
from checkers.readers import read_document
from tests.test_wordings import findings


def _docx_findings(tmp_path: Path, rows: list[list[str]]) -> dict[str, list]:
    """Findings on a Word report holding one table whose blank cells are left blank, not merged."""
    word = docx.Document()
    word.add_paragraph("附件：绩效评价指标体系及评分表")
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "r.docx"
    word.save(str(path))
    out: dict[str, list] = {}
    for finding in check_document(read_document(path)):
        out.setdefault(finding.rule, []).append(finding)
    return out


LEVEL_WEIGHTS = [
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["决策", "10", "项目立项", "6", "立项依据充分性", "3", "3"],
    ["", "", "", "", "立项程序规范性", "3", "2"],
    ["", "", "绩效目标", "4", "绩效目标合理性", "4", "3"],
    ["过程", "10", "资金管理", "10", "资金到位率", "5", "5"],
    ["", "", "", "", "预算执行率", "5", "4"],
    ["合计", "20", "", "", "", "20", "17"],
]


def test_level_weights_over_blank_cells_left_unmerged_in_word(tmp_path: Path):
    assert _docx_findings(tmp_path, LEVEL_WEIGHTS) == {}
    slipped = [row[:] for row in LEVEL_WEIGHTS]
    slipped[1][3] = "7"  # 项目立项 written 7 where its two indicators weigh 6
    [slip] = _docx_findings(tmp_path, slipped)["TT201"]
    assert (slip.expected, slip.found) == ("6", "7")


FORM_TABLES = """\
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
|---|---|---|---|---|---|---|
| 年度资金总额 | 320.00 | 350.00 | 338.45 | 10 | 96.70% | 9.67 |
| 其中：当年财政拨款 | 270.00 | 300.00 | 288.45 | — | 96.15% | — |
| 上年结转资金 | 50.00 | 50.00 | 50.00 | — | 100% | — |

| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 新建蓄水池数量 | ≥3座 | 3座 | 40 | 40 |
|  | 质量指标 | 水质检测达标率 | ≥95% | 93.75% | 20 | 18 |
| 效益指标 | 社会效益指标 | 受益人口 | ≥8000人 | 8650人 | 20 | 20 |
| 满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥90% | 92.35% | 10 | 8 |
| 总分 | | | | | 100 | 95.67 |
"""

FORM_IN_TWO_TABLES = """# 某镇农村饮水工程项目支出绩效自评报告

## 一、综合自评结论

经自评，项目得分95.67分，自评等级为“优”。

## 附件：项目支出绩效自评表

""" + FORM_TABLES


def test_a_self_evaluation_form_set_as_two_tables_adds_its_资金_rows(tmp_path: Path):
    assert findings(tmp_path, FORM_IN_TWO_TABLES) == {}
    [slip] = findings(tmp_path, FORM_IN_TWO_TABLES.replace("| 100 | 95.67 |", "| 100 | 96.67 |"))["TT201"]
    assert (slip.expected, slip.found) == ("95.67", "96.67")
    [slip] = findings(tmp_path, FORM_IN_TWO_TABLES.replace("| 20 | 18 |", "| 20 | 17 |"))["TT201"]
    assert (slip.expected, slip.found) == ("94.67", "95.67")


POLICY = """# 某区惠民政策绩效评价报告

## 一、评价结论

经综合评价，该政策得分88分，等级为良。各一级指标得分情况为：政策制定（20分）得18分、政策执行（30分）得26分、政策产出（30分）得27分、政策效益（20分）得17分。

| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|---|
| 政策制定 | 政策依据 | 政策依据充分性 | 20 | 18 |
| 政策执行 | 资金管理 | 资金到位率 | 30 | 26 |
| 政策产出 | 产出数量 | 补贴发放完成率 | 30 | 27 |
| 政策效益 | 社会效益 | 群众满意度 | 20 | 17 |
| 合计 | | | 100 | 88 |
"""


def test_policy_style_一级_names_the_tables_give_are_read_in_prose(tmp_path: Path):
    assert findings(tmp_path, POLICY) == {}
    [slip] = findings(tmp_path, POLICY.replace("政策执行（30分）得26分", "政策执行（30分）得25分"))["TT202"]
    assert (slip.expected, slip.found) == ("权重30分，得分26分", "权重30分，得分25分")
    # the listed 一级 scores add up to the total the sentence states (“该政策得分” is the total)
    slipped = findings(tmp_path, POLICY.replace("该政策得分88分", "该政策得分87分"))
    assert [(f.expected, f.found) for f in slipped["TT202"]] == [("88分", "87分")]
    assert "TT203" not in slipped  # (it asks the same correction of the same figure: said once)
    # a 三级 ending like a 一级 of the table is not read as one (“资金到位率（5分）得5分”)
    assert findings(tmp_path, POLICY + "\n资金到位率（30分）得26分。\n") == {}


def _drafted(tmp_path: Path, fixture: str) -> tuple[Path, str]:
    """A clean Markdown draft of a shipped fixture (offline renderer) and its project file."""
    from typer.testing import CliRunner

    from cli import app

    data = Path(__file__).resolve().parent.parent / "fixtures" / fixture
    out = tmp_path / "draft.md"
    result = CliRunner().invoke(app, ["draft", str(data), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return data, out.read_text(encoding="utf-8")


def _with_data(tmp_path: Path, text: str, data: Path) -> dict[str, list]:
    from project_file import load_project

    path = tmp_path / "edited.md"
    path.write_text(text, encoding="utf-8")
    out: dict[str, list] = {}
    for finding in check_document(read_document(path), load_project(data)):
        out.setdefault(finding.rule, []).append(finding)
    return out


def test_an_indicator_whose_analysis_was_deleted_is_only_in_the_tables(tmp_path: Path):
    data, text = _drafted(tmp_path, "shangcheng_2020_smart_security.yaml")
    assert _with_data(tmp_path, text, data) == {}
    lines = text.splitlines(keepends=True)
    edited = "".join(line for line in lines if not line.startswith("D22运维管理机制健全性，权重"))
    [gap] = _with_data(tmp_path, edited, data)["DT1001"]
    assert "D22运维管理机制健全性" in gap.message and "正文没有它的分析段落" in gap.message
    assert gap.location.table is not None and "D22运维管理机制健全性" in gap.excerpt  # its row, to find it by


def test_a_wrong_indicator_score_is_one_finding_when_the_data_is_given(tmp_path: Path):
    data, text = _drafted(tmp_path, "shangcheng_2020_smart_security.yaml")
    edited = text.replace("D22运维管理机制健全性，权重4分，得分2分。", "D22运维管理机制健全性，权重4分，得分3分。")
    found = _with_data(tmp_path, edited, data)
    assert [(f.rule, f.expected) for fs in found.values() for f in fs if f.excerpt.startswith("D22")] == \
        [("SC104", "权重4分，得分2分")]  # fmt: skip


def test_an_indicator_analysed_in_prose_but_in_no_table_nor_the_data(tmp_path: Path):
    data, text = _drafted(tmp_path, "shangcheng_2020_smart_security.yaml")
    end = text.index("\nB21")  # after B15's analysis
    edited = text[:end] + "\nB16档案管理规范性，权重1分，得分1分。档案归档及时、完整。\n" + text[end:]
    [alone] = findings(tmp_path, edited)["SC101"]
    assert "B1下只有B11–B15" in alone.message and alone.found == "B16档案管理规范性"
    found = _with_data(tmp_path, edited, data)
    assert [(f.rule, f.found) for fs in found.values() for f in fs] == [("SC104", "B16档案管理规范性")]


OVERVIEW = """# 某项目绩效评价报告

## 一、综合评价结论

| 一级指标 | 权重 | 得分 | 得分率 |
|---|---|---|---|
| A.决策 | 20 | 17 | 85% |
| B.过程 | 30 | 26.8 | 89.33% |
| C.产出 | 25 | 24 | 96% |
| D.效益 | 25 | 20.5 | 82% |
| 合计 | 100 | 88.3 | 88.3% |

## 二、指标分析

### （一）过程管理情况

过程指标总分30分，得分26.8分。
"""


def test_one_mistyped_cell_the_rest_of_the_report_agrees_against_is_named_alone(tmp_path: Path):
    assert findings(tmp_path, OVERVIEW) == {}
    [cell] = [f for fs in findings(tmp_path, OVERVIEW.replace("| 30 | 26.8 |", "| 30 | 27.8 |")).values() for f in fs]
    assert (cell.rule, cell.expected, cell.found) == ("TT201", "26.8", "27.8")
    assert "本行得分率、正文小计为26.8" in cell.message and cell.location.row == 3
    # two cells wrong: no single one to blame, the 合计 and the rate are reported as before
    both = findings(tmp_path, OVERVIEW.replace("| 30 | 26.8 |", "| 30 | 27.8 |").replace("| 25 | 24 |", "| 25 | 23 |"))
    assert "RT301" in both and "TT202" in both


RULE_THEN_SCORE = """# 某道路改造项目绩效评价报告

## 一、评价结论

经综合评价，项目得分89.8分，等级为良。

| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|---|
| 决策 | 项目立项 | 立项依据充分性 | 20 | 18 |
| 过程 | 资金管理 | 资金到位率 | 30 | 29.5 |
| 产出 | 产出数量 | 管网改造完成率 | 7 | 6.3 |
| 产出 | 产出质量 | 验收合格率 | 18 | 18 |
| 效益 | 社会效益 | 群众满意度 | 25 | 18 |
| 合计 | | | 100 | 89.8 |

## 二、指标分析

### （一）决策

决策类指标共20分，评价得分18分，得分率90%。

### （二）产出

1.管网改造完成率（7分）

计划改造雨污管网8.0公里，实际完成7.6公里，完成率95%，每低1个百分点扣0.14分，扣0.7分，评价得分6.3分。
"""


def test_a_part_or_an_indicator_scored_after_its_rule_is_not_the_total(tmp_path: Path):
    assert findings(tmp_path, RULE_THEN_SCORE) == {}
    # the score after the rule and its deduction is the indicator's
    [slip] = findings(tmp_path, RULE_THEN_SCORE.replace("评价得分6.3分", "评价得分6.5分"))["SC101"]
    assert (slip.expected, slip.found) == ("权重7分，得分6.3分", "权重7分，得分6.5分")
    # a rule alone, with no deduction applied before the score, is still a rule
    quoted = RULE_THEN_SCORE.replace("每低1个百分点扣0.14分，扣0.7分，评价得分6.3分", "每低1个百分点扣0.14分，最低得分0分")
    assert "SC101" not in findings(tmp_path, quoted)
    # “决策类指标共20分，评价得分N分” is the 一级's subtotal
    assert "TT202" in findings(tmp_path, RULE_THEN_SCORE.replace("评价得分18分，得分率90%", "评价得分17分，得分率85%"))


FORM_WITH_TITLE = """# 某镇农村饮水工程项目支出绩效自评报告

## 一、绩效自评工作开展情况

绩效指标共设置3个一级指标、4个二级指标、4个三级指标。

## 二、综合自评结论

经自评，项目得分95.67分，自评等级为“优”。

| 项目支出绩效自评表 | | | | | | |
|---|---|---|---|---|---|---|
| （2023年度） | | | | | | |
| 项目名称 | 农村饮水工程 | | | | | |
""" + FORM_TABLES.replace("| 得分 |\n|---|---|---|---|---|---|---|\n| 年度资金总额", "| 得分 |\n| 年度资金总额", 1)  # (one table)


def test_a_self_evaluation_form_under_its_title_rows_its_资金_rows_no_indicators(tmp_path: Path):
    assert findings(tmp_path, FORM_WITH_TITLE) == {}
    [slip] = findings(tmp_path, FORM_WITH_TITLE.replace("| 100 | 95.67 |", "| 100 | 96.67 |"))["TT201"]
    assert (slip.expected, slip.found) == ("95.67", "96.67")
    # the form in one table: its 资金 rows are counted as no indicators
    one = FORM_WITH_TITLE.replace("| 上年结转资金 | 50.00 | 50.00 | 50.00 | — | 100% | — |\n\n", "| 上年结转资金 | 50.00 | 50.00 | 50.00 | — | 100% | — |\n")
    one = one.replace("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n",
                      "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n")
    assert findings(tmp_path, one) == {}
    [count] = findings(tmp_path, one.replace("4个三级指标", "5个三级指标"))["CT701"]
    assert (count.expected, count.found) == ("4", "5")


def test_a_hierarchy_numbered_inside_the_name_cells_adds_up_its_top_level(tmp_path: Path):
    table = "| 项目 | 预算数 |\n|---|---|\n| 一、基本支出 | 80 |\n| 1.人员经费 | 70 |\n| 2.公用经费 | 10 |\n| 二、项目支出 | 20 |\n| 合计 | 100 |\n"
    assert findings(tmp_path, table) == {}
    [slip] = findings(tmp_path, table.replace("| 2.公用经费 | 10 |", "| 2.公用经费 | 12 |"))["TT201"]
    assert (slip.expected, slip.found) == ("82", "80")


def test_the_next_item_of_a_其中_list_is_no_whole(tmp_path: Path):
    text = "全年预算200万元，实际支出180万元，其中基本支出120万元，项目支出60万元。全年预算执行率为{}%。\n"
    assert findings(tmp_path, text.format(90)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(95))["RT301"]] == ["90%"]
    again = "全年预算200万元，其中基本支出预算120万元，项目实际支出150万元，预算执行率为{}%。\n"  # the whole named again
    assert findings(tmp_path, again.format(75)) == {}


SCORED_TWICE = """| 三级指标 | 权重 | 得分 |
|---|---|---|
| 绩效目标合理性 | 3 | 2 |
| 合计 | 3 | 2 |

#### （1）绩效目标合理性（3分）

项目设定了年度绩效目标。扣分原因：未设置课后服务质量类目标，扣1分。扣1分，得2分。
"""


def test_a_closing_that_sums_up_the_deductions_without_该指标(tmp_path: Path):
    assert findings(tmp_path, SCORED_TWICE) == {}
    [slip] = findings(tmp_path, SCORED_TWICE.replace("扣1分。扣1分，得2分", "扣1分。扣0.5分，得2分"))["SC103"]
    assert (slip.expected, slip.found) == ("扣1分", "扣1.5分")  # a second, different deduction is one more
    # a rule “每发现一笔不合规支出扣1分” quoted for a full score deducts nothing
    full = ("| 三级指标 | 权重 | 得分 |\n|---|---|---|\n| B22资金使用合规性 | 5 | 5 |\n| 合计 | 5 | 5 |\n\n"
            "B22资金使用合规性，权重5分，得分5分。\n\n评分标准为每发现一笔不合规支出扣1分；经核查，未发现不合规支出。根据相关评分标准，该指标得5分。\n")  # fmt: skip
    assert findings(tmp_path, full) == {}


def test_a_table_comparing_two_years_is_read_by_the_latest(tmp_path: Path):
    text = """经评价，该政策2023年度综合评价得分86分，评价等级为“良”。

<table>
<tr><th rowspan="2">一级指标</th><th colspan="2">2022年度</th><th colspan="2">2023年度</th></tr>
<tr><th>分值</th><th>得分</th><th>分值</th><th>得分</th></tr>
<tr><td>政策制定</td><td>50</td><td>40</td><td>50</td><td>45</td></tr>
<tr><td>政策效果</td><td>50</td><td>38</td><td>50</td><td>41</td></tr>
<tr><td>合计</td><td>100</td><td>78</td><td>100</td><td>86</td></tr>
</table>

政策制定（50分）得45分。
"""
    assert findings(tmp_path, text) == {}
    slipped = findings(tmp_path, text.replace("<td>50</td><td>45</td>", "<td>50</td><td>44</td>"))
    assert [(f.rule, f.expected, f.found) for fs in slipped.values() for f in fs] == [("TT201", "45", "44")]


def test_a_group_named_before_the_indicator_and_a_caption_with_years(tmp_path: Path):
    grouped = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n"
               "| 政策产出 | 产出数量 | 补贴企业户数完成率 | 10 | 9 |\n| | | 稳定岗位数 | 10 | 9 |\n| 合计 | | | 20 | 18 |\n\n"
               "产出数量方面：补贴企业户数完成率（10分）得9分，稳定岗位数（10分）得9分。\n")  # fmt: skip
    assert findings(tmp_path, grouped) == {}
    assert "SC101" in findings(tmp_path, grouped.replace("完成率（10分）得9分", "完成率（10分）得8分"))
    earlier = ("表1  2022—2023年消费券发放及核销情况\n\n经评价，2023年度该政策综合得分76.8分，评价等级为“中”。"
               "2022年度同一政策评价得分81.5分，评价等级为“良”。\n\n| 一级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|\n"
               "| 政策制定 | 目标明确性 | 50 | 40 |\n| 政策效果 | 消费拉动效应 | 50 | 36.8 |\n| 合计 | | 100 | 76.8 |\n")  # fmt: skip
    assert findings(tmp_path, earlier) == {}


def test_an_execution_rate_on_the_base_the_report_declares(tmp_path: Path):
    text = "项目年度预算200万元，实际到位180万元；全年支付90万元，按实际支出÷年度预算计算，预算执行率为{}%。\n"
    assert findings(tmp_path, text.format(45)) == {}
    [slip] = findings(tmp_path, text.format(55))["RT301"]
    assert slip.expected == "45%" and "报告所写口径" in slip.message
    declared = "本报告预算执行率按实际支出÷预算计算。\n\n项目年度预算200万元，实际到位180万元；全年支付90万元，预算执行率为45%。\n"
    assert findings(tmp_path, declared) == {}
    undeclared = "项目年度预算200万元，实际到位180万元；全年支付90万元，预算执行率为45%。\n"
    assert [f.severity.value for f in findings(tmp_path, undeclared)["RT301"]] == ["warning"]


NAMED_FIRST = """## （一）政策制定情况

| 三级指标 | 分值 | 得分 |
|---|---|---|
| 政策依据充分性 | 5 | 5 |
| 目标明确性 | 5 | 4 |
| 合计 | 10 | 9 |

1.政策依据充分性。政策依据《中华人民共和国中小企业促进法》制定，依据充分。该指标满分5分，得5分。

2.目标明确性。政策目标中“数字化水平显著提升”未设定量化值。该指标满分5分，扣1分，得4分。
"""


def test_an_indicator_named_by_its_paragraphs_first_sentence(tmp_path: Path):
    assert findings(tmp_path, NAMED_FIRST) == {}
    [slip] = findings(tmp_path, NAMED_FIRST.replace("扣1分，得4分", "扣1分，得3.5分"))["SC101"]
    assert slip.found == "权重5分，得分3.5分" and slip.excerpt.startswith("2.目标明确性。……该指标满分5分")
    [slip] = findings(tmp_path, NAMED_FIRST.replace("扣1分，得4分", "扣0.5分，得4分"))["SC103"]
    assert (slip.expected, slip.found) == ("扣1分", "扣0.5分")
    assert "NM601" in findings(tmp_path, NAMED_FIRST.replace("2.目标明确性。", "2.政策目标明确性。"))


def test_a_mistyped_figure_in_a_table_cell_or_after_the_decimal_point(tmp_path: Path):
    table = "| 项目 | 预算数 | 支出数 |\n|---|---|---|\n| 基本支出 | 9,320.40 | 9,302.16 |\n| 合计 | 9,320.40 | 9,302.16 |\n"
    assert findings(tmp_path, table) == {}
    [slip] = findings(tmp_path, table.replace("| 基本支出 | 9,320.40 |", "| 基本支出 | 93,20.40 |"))["FG901"]
    assert slip.found == "93,20.40" and slip.location.row == 2
    [slip] = findings(tmp_path, table.replace("| 9,302.16 |\n| 合计", "| 9,3O2.16 |\n| 合计"))["FG901"]
    assert slip.expected == "9,302.16"
    [slip] = findings(tmp_path, "免疫规划疫苗接种率99.l%，得10分。\n")["FG901"]
    assert slip.expected == "99.1"
    assert findings(tmp_path, "| 管径 | 长度 |\n|---|---|\n| DN300 | 120 |\n") == {}
    clauses = "| 条款 | 预算数 |\n|---|---|\n| 1,2 | 100 |\n| 3,12 | 200 |\n| I2 | 300 |\n"  # (no column of figures)
    assert "FG901" not in findings(tmp_path, clauses)


def test_a_wrong_合计_cell_is_one_finding(tmp_path: Path):
    slipped = findings(tmp_path, OVERVIEW.replace("| 合计 | 100 | 88.3 | 88.3% |", "| 合计 | 100 | 88.8 | 88.3% |"))
    assert [(f.rule, f.expected, f.found) for fs in slipped.values() for f in fs] == [("TT201", "88.3", "88.8")]


def test_rates_of_payments_on_time_and_in_tables(tmp_path: Path):
    on_time = "22个培训班中按时开班结业的18个，按时完成率{}%。\n"
    assert findings(tmp_path, on_time.format("81.82")) == {}
    assert [f.expected for f in findings(tmp_path, on_time.format("81.28"))["RT301"]] == ["81.82%"]
    paid = ("2023年中央财政下达我省农机购置与应用补贴资金52,800万元，资金到位率100%。截至年底，全省累计兑付补贴资金42,240万元，"
            "兑付率{}%。\n")  # fmt: skip  # (a long fund name: its 下达 is still the received amount)
    assert findings(tmp_path, paid.format(80)) == {}
    assert [f.expected for f in findings(tmp_path, paid.format(84))["RT301"]] == ["80%"]
    carried = "中央财政下达我市农机购置与应用补贴资金4,860.00万元，加上年结转资金312.45万元，可用资金5,172.45万元。全年实际兑付补贴资金4,985.30万元，资金兑付率{}%。\n"
    assert findings(tmp_path, carried.format("96.38")) == {}  # (the 结转 is at hand too: the base is 可用资金)
    table = ("| 年度 | 安排资金（万元） | 兑付资金（万元） | 兑付率 |\n|---|---|---|---|\n| 2022年 | 2,000.00 | 1,820.00 | {} |\n"
             "| 2023年 | 2,200.00 | 1,870.00 | 85% |\n| 合计 | 4,200.00 | 3,690.00 | 87.86% |\n")  # fmt: skip
    assert findings(tmp_path, table.format("91%")) == {}
    [slip] = findings(tmp_path, table.format("96%"))["RT301"]
    assert (slip.expected, slip.found) == ("91%", "96%")


def test_a_其中_list_of_一级_scores_over_semicolons_after_a_资金_item(tmp_path: Path):
    text = FORM_IN_TWO_TABLES.replace(
        "经自评，项目得分95.67分，自评等级为“优”。",
        "经自评，项目自评得分95.67分，自评等级为“优”。其中，预算执行率10分，得9.67分；产出指标60分，得58分；"
        "效益指标20分，得20分；满意度指标10分，得8分。")  # fmt: skip
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("产出指标60分，得58分", "产出指标60分，得57分"))["TT202"]
    assert (slip.expected, slip.found) == ("权重60分，得分58分", "权重60分，得分57分")


def test_quotes_in_quotes_and_a_title_broken_before_a_closing_mark():
    from drafter.docx_writer import balanced_title
    from drafter.phrases import fill, nest_quotes

    assert fill("对{unit}的“{name}”开展了绩效评价", {"unit": "区生态环境局", "name": "地下水“双源”监管项目"}) == \
        "对区生态环境局的“地下水‘双源’监管项目”开展了绩效评价"  # fmt: skip
    assert nest_quotes("“甲”和“乙”") == "“甲”和“乙”"  # side by side, not nested
    title = balanced_title("“地下水‘双源’监管建设体系服务项目（二期）”绩效评价报告")
    first, second = title.split("\n")
    assert second[0] not in "”’）" and first[-1] not in "“‘（"


def test_data_of_another_year_is_warned_about_in_check_and_refused_by_regen(tmp_path: Path):
    import pytest

    from drafter.docx_writer import write_docx
    from drafter.pipeline import DraftOptions
    from drafter.regen import RegenError, regenerate
    from drafter.render import render_report
    from project_file import load_project
    from tests.conftest import ROOT

    source = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
    report = tmp_path / "r.docx"
    write_docx(render_report(load_project(source)), report)
    other = tmp_path / "p2021.yaml"
    other.write_text(source.read_text(encoding="utf-8").replace("  year: 2020", "  year: 2021", 1), encoding="utf-8")
    from typer.testing import CliRunner

    from cli import app

    result = CliRunner().invoke(app, ["check", str(report), "--data", str(other)])
    assert "报告中写的是2020年度，项目数据是2021年度" in result.output
    assert "项目数据是" not in CliRunner().invoke(app, ["check", str(report), "--data", str(source)]).output
    with pytest.raises(RegenError, match="报告中写的是2020年度，项目数据是2021年度"):
        regenerate(report, load_project(other), "一", tmp_path / "out.docx")
    regenerate(report, load_project(other), "一", tmp_path / "forced.docx", DraftOptions(force=True))
    assert (tmp_path / "forced.docx").exists()


def test_a_whole_report_table_whose_weights_are_not_100(tmp_path: Path):
    [warning] = findings(tmp_path, OVERVIEW.replace("| C.产出 | 25 |", "| C.产出 | 26 |").replace("| 合计 | 100 |", "| 合计 | 101 |")
                         .replace("| 24 | 96% |", "| 24 | 92.31% |"))["TT204"]  # fmt: skip
    assert (warning.severity.value, warning.expected, warning.found) == ("warning", "100分", "101分")
    bonus = OVERVIEW.replace("| 合计 | 100 | 88.3 | 88.3% |", "| 加分项 | 5 | 2 | 40% |\n| 合计 | 105 | 90.3 | 86% |")
    assert "TT204" not in findings(tmp_path, bonus)  # (a bonus row's weight counted in)


def test_regen_asks_for_more_words_when_a_title_word_matches_several_front_parts(tmp_path: Path):
    import pytest

    from drafter.docx_writer import write_docx
    from drafter.regen import RegenError, regenerate, section_listing
    from drafter.render import render_report
    from project_file import load_project
    from tests.conftest import ROOT

    evaluation = load_project(ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml")
    report = tmp_path / "r.docx"
    write_docx(render_report(evaluation), report)
    with pytest.raises(RegenError, match="请写得更完整") as refused:
        regenerate(report, evaluation, "绩效", tmp_path / "out.docx")
    assert "多篇报告" not in str(refused.value) and "［可写作 --section 结果反馈书］" in str(refused.value)
    regenerate(report, evaluation, "导语", tmp_path / "preface.docx")  # a word of the style's name of that part
    assert (tmp_path / "preface.docx").exists()
    assert "［可写作 --section 报告标题与导语］" in section_listing(report, evaluation)
    assert "可写作" not in section_listing(report)


def test_regen_lists_the_hand_written_paragraphs_it_replaces(tmp_path: Path):
    import docx as python_docx

    from drafter.docx_writer import write_docx
    from drafter.regen import regenerate
    from drafter.render import render_report
    from project_file import load_project
    from tests.conftest import ROOT

    evaluation = load_project(ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml")
    report = tmp_path / "r.docx"
    write_docx(render_report(evaluation), report)
    said: list[str] = []
    regenerate(report, evaluation, "四（三）", tmp_path / "same.docx", progress=said.append)
    assert any("原有文字新稿中都有" in line for line in said)
    edited = python_docx.Document(str(report))
    heading = next(i for i, p in enumerate(edited.paragraphs) if p.text.endswith("项目产出情况"))
    changed = edited.paragraphs[heading + 1]
    start = changed.text[:20]
    changed.add_run("另据抽查，设备完好率为96.5%。")
    edited.save(str(tmp_path / "edited.docx"))
    said.clear()
    regenerate(tmp_path / "edited.docx", evaluation, "四（三）", tmp_path / "out.docx", progress=said.append)
    [line] = [line for line in said if "与新稿不同" in line]
    assert "以下 1 处与新稿不同（手工修改或旧数据）" in line and start in line


def test_a_subtotals_expected_value_in_the_decimals_the_report_writes(tmp_path: Path):
    text = ("## （一）项目决策\n\n决策指标总分20分，得分18.00分。\n\n| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n"
            "| A1项目立项 | A11立项依据充分性 | 12 | 10 |\n| | A12立项程序规范性 | 8 | 7 |\n| 合计 | | 20 | 17 |\n")  # fmt: skip
    [slip] = findings(tmp_path, text)["TT202"]
    assert (slip.expected, slip.found) == ("权重20分，得分17.00分", "权重20分，得分18.00分")


def test_a_self_evaluation_paragraph_naming_its_indicator_and_giving_the_score_alone(tmp_path: Path):
    text = FORM_IN_TWO_TABLES.replace("## 附件：", "## 二、绩效指标完成情况\n\n2.水质检测达标率：全年抽检水样64份，达标60份，"
                                      "达标率93.75%，扣2分，得{}分。\n\n## 附件：")  # fmt: skip
    assert findings(tmp_path, text.format(18)) == {}
    [slip] = findings(tmp_path, text.format(17))["SC101"]
    assert (slip.expected, slip.found) == ("18分", "17分") and "正文写得分17分" in slip.message
    [slip] = findings(tmp_path, text.format(18).replace("扣2分", "扣1分"))["SC103"]
    assert (slip.expected, slip.found) == ("扣2分", "扣1分")
    other = text.format(18).replace("2.水质检测达标率：", "2.水质状况：")  # no row of that name: not read
    assert findings(tmp_path, other.replace("得18分", "得17分")) == {}


def test_a_rate_before_a_scoring_rule_and_a_自评表_rate_under_its_title_rows(tmp_path: Path):
    ruled = "项目预算200万元，实际到位200万元，实际支出190万元，预算执行率{}%，执行率每低于100%一个百分点扣0.1分。\n"
    assert findings(tmp_path, ruled.format(95)) == {}
    assert [f.expected for f in findings(tmp_path, ruled.format(96))["RT301"]] == ["95%"]
    form = FORM_WITH_TITLE.replace("| 338.45 | 10 | 96.70% | 9.67 |", "| 338.45 | 10 | {} | 9.67 |")
    assert findings(tmp_path, form.format("96.70%")) == {}
    [slip] = findings(tmp_path, form.format("97.70%"))["RT301"]
    assert (slip.expected, slip.found) == ("96.70%", "97.70%")  # on the 全年预算数, the year's budget as adjusted


PAID = ("全省下达资金27,000万元，累计兑付21,625万元，兑付率80.09%。\n\n"
        "| 设区市 | 下达资金（万元） | 兑付资金（万元） | 兑付率 |\n|---|---|---|---|\n| 杭州 | 6,200 | 5,270 | 85% |\n"
        "| 温州 | 4,800 | 3,600 | 75% |\n| 湖州 | 5,500 | 4,675 | 85% |\n| 金华 | 7,300 | 5,840 | 80% |\n"
        "| 丽水 | 3,200 | 2,240 | 70% |\n| 合计 | 27,000 | 21,625 | 80.09% |\n")  # fmt: skip


def test_an_amount_cell_its_rows_rate_and_the_合计_show_mistyped(tmp_path: Path):
    assert findings(tmp_path, PAID) == {}
    slipped = findings(tmp_path, PAID.replace("| 7,300 | 5,840 |", "| 7,300 | 5,480 |"))
    assert [(f.rule, f.expected, f.found) for fs in slipped.values() for f in fs] == [("TT201", "5,840", "5,480")]
    # no rate to tell the row, but the prose gives the 合计: a row is off, not the 合计
    no_rate = PAID.replace("，兑付率80.09%", "").replace("| 7,300 | 5,840 | 80% |", "| 7,300 | 5,840 | — |")
    [slip] = findings(tmp_path, no_rate.replace("| 7,300 | 5,840 |", "| 7,300 | 5,740 |"))["TT201"]
    assert (slip.expected, slip.found) == ("21,625", "21,525") and "多是某一行写错" in slip.message
    # two digits swapped: that row's cell is named
    [slip] = findings(tmp_path, no_rate.replace("| 7,300 | 5,840 |", "| 7,300 | 5,480 |"))["TT201"]
    assert (slip.expected, slip.found, slip.location.row) == ("5,840", "5,480", 5) and "两位数字对调" in slip.message


def test_an_overview_row_named_unlike_the_prose_and_the_headings_is_the_one_pointed_at(tmp_path: Path):
    text = OVERVIEW + "\n### （二）项目效益\n\n效益指标总分25分，得分20.5分。\n"
    assert findings(tmp_path, text) == {}
    [odd] = findings(tmp_path, text.replace("| D.效益 |", "| D.效果 |"))["NM601"]
    assert odd.location.table is not None and (odd.expected, odd.found) == ("效益", "效果")


def test_a_list_after_包括_or_开设_counted_in_its_own_noun(tmp_path: Path):
    text = "平台包括案件受理、派遣处置、综合评价、数据分析、移动巡查{}个功能模块。\n\n开设汽车维修、电工、中式烹调{}个专业。\n"
    assert findings(tmp_path, text.format(5, 3)) == {}
    slipped = findings(tmp_path, text.format(6, 4))["CT701"]
    assert [(f.expected, f.found) for f in slipped] == [("5", "6"), ("3", "4")]
    assert findings(tmp_path, "开设汽车维修、电工、中式烹调等6个专业。\n") == {}  # (等: the list is not complete)
    assert findings(tmp_path, "指标体系从决策、过程、产出、效益四个方面设置20个三级指标。\n") == {}


FORM_ONE_TABLE = """| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |
|---|---|---|---|---|---|---|---|
| 年度资金总额 | 90.00 | 90.00 | 86.40 | 10 | 96.00% | 9.6 | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |
| 产出指标 | 数量指标 | 维修养护工程处数 | ≥30处 | 32处 | 10 | 10 | — |
| | | 水质检测频次 | ≥4次 | 4次 | 10 | 10 | — |
| | 质量指标 | 水质检测合格率 | ≥95% | 93.75% | 10 | 8 | — |
| 总分 | | | | | 40 | 37.6 | |

1.维修养护工程处数：全年完成维修养护工程32处，得10分。

"""


def test_a_numbered_item_or_a_summary_after_an_indicator_is_not_its_analysis(tmp_path: Path):
    two = FORM_ONE_TABLE + "2.水质检测频次、水质检测合格率：全年开展水质检测4次，得10分；共检测水样64份，合格60份，合格率93.75%，扣2分，得8分。\n"
    assert findings(tmp_path, two) == {}
    summary = FORM_ONE_TABLE + ("2.水质检测频次：全年开展水质检测4次，得10分。\n\n3.水质检测合格率：共检测水样64份，合格60份，"
                                "合格率93.75%，扣2分，得8分。\n\n存在问题：枯水期4份水样浊度超标，水质检测合格率扣2分。\n")  # fmt: skip
    assert findings(tmp_path, summary) == {}
    assert "SC101" in findings(tmp_path, summary.replace("扣2分，得8分。", "扣2分，得7分。"))


def test_connectives_and_numbered_groups_before_a_name_and_rules_每有(tmp_path: Path):
    table = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n"
             "| 效益 | 社会效益 | 家长接送难问题缓解程度 | 15 | 14.5 |\n| | | 课后服务长效机制健全性 | 15 | 14 |\n| 合计 | | | 30 | 28.5 |\n\n")  # fmt: skip
    prose = "其中家长接送难问题缓解程度（15分）得{}分，课后服务长效机制健全性（15分）得14分。\n"
    assert findings(tmp_path, table + prose.format("14.5")) == {}
    assert "SC101" in findings(tmp_path, table + prose.format("14"))  # (read once the 其中 is off the name)
    numbered = table + "1.社会效益：家长接送难问题缓解程度（15分）得14.5分。\n"
    assert findings(tmp_path, numbered) == {}
    rule = ("| 三级指标 | 权重 | 得分 |\n|---|---|---|\n| 按期完工率 | 10 | 7 |\n| 合计 | 10 | 7 |\n\n"
            "按期完工率（10分）：10个标段中按期完工7个，按期完成率70%，每有1个标段未按期完工扣1分，扣3分，得7分。\n")  # fmt: skip
    assert findings(tmp_path, rule) == {}


def test_a_numbered_point_of_the_analysis_itself_does_not_end_it(tmp_path: Path):
    text = ("| 三级指标 | 权重 | 得分 |\n|---|---|---|\n| B14运转程序规范性 | 4 | 2 |\n| 合计 | 4 | 2 |\n\n"
            "B14运转程序规范性，权重4分，得分2分。\n\n（1）合同管理：项目没有按照流程规定签订合同。\n\n"
            "根据相关评分标准，扣2分，该指标得{}分。\n")  # fmt: skip
    assert findings(tmp_path, text.format(2)) == {}
    [slip] = findings(tmp_path, text.format(3))["SC102"]  # (the closing still belongs to B14)
    assert (slip.expected, slip.found) == ("2分", "3分")


def test_a_summary_inside_an_analysis_keeps_its_closing(tmp_path: Path):
    text = ("| 三级指标 | 权重 | 得分 |\n|---|---|---|\n| B14运转程序规范性 | 4 | 2 |\n| 合计 | 4 | 2 |\n\n"
            "B14运转程序规范性，权重4分，得分2分。\n\n存在问题：项目没有按照流程规定签订合同，扣2分。\n\n"
            "根据相关评分标准，扣2分，该指标得{}分。\n")  # fmt: skip
    assert findings(tmp_path, text.format(2)) == {}
    assert "SC102" in findings(tmp_path, text.format(3))


def test_an_adjusted_budget_that_is_not_the_first_plus_its_changes(tmp_path: Path):
    text = "项目年初预算300.00万元，年中追加20.00万元，全年预算{}万元；全年执行304.00万元，预算执行率95%。\n"
    assert findings(tmp_path, text.format("320.00")) == {}
    slipped = findings(tmp_path, text.format("302.00"))
    assert [(f.rule, f.expected, f.found) for fs in slipped.values() for f in fs] == [("CT702", "320.00万元", "302.00万元")]
    cut = "项目年初预算300万元，年中调减50万元，调整后预算250万元；全年支出200万元，预算执行率80%。\n"
    assert findings(tmp_path, cut) == {}
