"""Wordings from the eleventh review: ordinary text that must stay quiet, slips that must be found."""

from __future__ import annotations

from pathlib import Path

from tests.test_wordings import findings

SCORE_TABLE = """# 某项目绩效评价报告

## 一、评价结论

经综合评价，该项目得分85分，等级为良。

| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|---|
| 决策 | 项目立项 | A11立项依据充分性 | 8 | 7.4 |
| 决策 | 项目立项 | A12立项程序规范性 | 12 | 12 |
| 过程 | 资金管理 | B11资金到位率 | 30 | 25.6 |
| 产出 | 产出数量 | C11完成数量 | 30 | 25 |
| 效益 | 社会效益 | D11满意度 | 20 | 15 |
| 合计 | | | 100 | 85 |

## 二、指标分析

"""


def test_a_weight_stated_in_a_sentence_of_its_own_then_the_score(tmp_path: Path):
    for opening in ("A11立项依据充分性。该指标分值8分。项目立项符合政策。经评价，得{}分。",
                    "A11立项依据充分性，权重8分。项目立项符合政策，扣0.6分，得{}分。",
                    "“立项依据充分性”指标，权重为8分；项目立项符合政策，评价得分{}分。"):  # fmt: skip
        assert findings(tmp_path, SCORE_TABLE + opening.format("7.4") + "\n") == {}, opening
        [slip] = findings(tmp_path, SCORE_TABLE + opening.format("7") + "\n")["SC101"]
        assert (slip.expected, slip.found) == ("权重8分，得分7.4分", "权重8分，得分7分")
    # the score may come in the next paragraph, up to the next indicator
    apart = "A11立项依据充分性，权重8分。\n\n项目立项符合政策，经评价得{}分。\n\nA12立项程序规范性，权重12分，得分12分。\n"
    assert findings(tmp_path, SCORE_TABLE + apart.format("7.4")) == {}
    assert "SC101" in findings(tmp_path, SCORE_TABLE + apart.format("6.4"))
    # an uncoded, unquoted name with a weight alone is no indicator's opening
    plain = "本次评价，满分100分。经评价，项目得分85分。\n"
    assert findings(tmp_path, SCORE_TABLE + plain) == {}


def test_an_uncoded_name_in_prose_is_found_in_a_coded_table(tmp_path: Path):
    text = SCORE_TABLE + "立项依据充分性，权重8分，得分{}分。项目立项符合政策。\n"
    assert findings(tmp_path, text.format("7.4")) == {}
    [slip] = findings(tmp_path, text.format("7"))["SC101"]
    assert (slip.expected, slip.found) == ("权重8分，得分7.4分", "权重8分，得分7分")


def test_a_score_under_a_weighted_heading_is_not_the_total(tmp_path: Path):
    text = SCORE_TABLE + "### （1）立项依据充分性（8分）\n\n项目立项符合政策，评价得分{}分。\n"
    assert findings(tmp_path, text.format("7.4")) == {}
    assert set(findings(tmp_path, text.format("7"))) == {"SC101"}


def test_level_counts_after_the_一级_named(tmp_path: Path):
    text = SCORE_TABLE + "评价指标体系由决策、过程、产出、效益四个一级指标、{}个二级指标和5个三级指标构成。\n"
    assert findings(tmp_path, text.format(4)) == {}
    [slip] = findings(tmp_path, text.format(8))["CT701"]
    assert (slip.expected, slip.found) == ("4", "8")


def test_an_uncoded_name_with_two_characters_swapped(tmp_path: Path):
    table = SCORE_TABLE.replace("A11立项依据充分性", "立项依据充分性").replace("A12立项程序规范性", "预算执行率")
    assert findings(tmp_path, table + "预算执行率，权重12分，得分12分。\n") == {}
    [slip] = findings(tmp_path, table + "预算行执率，权重12分，得分12分。\n")["NM601"]
    assert (slip.expected, slip.found) == ("预算执行率", "预算行执率")


def test_an_一级_heading_in_plain_text_stays_inside_its_part(tmp_path: Path):
    text = ("某项目绩效评价报告\n\n第一部分 综合评价\n\n一、评价结论\n\n项目完成较好。\n\n第二部分 指标分析\n\n一、决策\n\n"
            "A11立项依据充分性，权重8分，得分7分。项目立项符合政策，扣1分，该指标得6分。\n")
    [slip] = findings(tmp_path, text, name="r.txt")["SC102"]
    assert slip.location.section == "第二部分 一、决策"


def test_names_as_written_with_quotes_and_a_trailing_指标(tmp_path: Path):
    table = SCORE_TABLE.replace("A12立项程序规范性", "“三公经费”变动率").replace("A11立项依据充分性", "预算执行率")
    quoted = table + "#### 1.“三公经费”变动率（12分）\n\n根据评分标准，得12分。\n"
    assert findings(tmp_path, quoted) == {}
    suffixed = table + "预算执行率指标，满分8分，实际得分7.4分。\n"
    assert findings(tmp_path, suffixed) == {}
    assert "SC101" in findings(tmp_path, suffixed.replace("实际得分7.4分", "实际得分7分"))


def test_a_short_evidence_sentence_under_a_named_heading_is_no_name(tmp_path: Path):
    text = SCORE_TABLE + "### 1.立项依据充分性\n\n项目依据充分。该指标满分8分，得{}分。\n"
    assert findings(tmp_path, text.format("7.4")) == {}
    [slip] = findings(tmp_path, text.format("7"))["SC101"]
    assert slip.found == "权重8分，得分7分"


def test_the_units_own_self_score_is_no_closing(tmp_path: Path):
    text = SCORE_TABLE + "A11立项依据充分性，权重8分，得分7.4分。\n\n县住建局自评该指标得8分。经评价组核实，扣0.6分，该指标得{}分。\n"
    assert findings(tmp_path, text.format("7.4")) == {}
    assert "SC102" in findings(tmp_path, text.format("7"))


def test_an_opening_that_gives_its_deduction_before_its_score(tmp_path: Path):
    text = SCORE_TABLE.replace("A11立项依据充分性", "立项依据充分性") + "（1）立项依据充分性，该指标扣{}分，得7.4分（满分8分）。\n"
    assert findings(tmp_path, text.format("0.6")) == {}
    [slip] = findings(tmp_path, text.format("1"))["SC103"]
    assert (slip.expected, slip.found) == ("扣0.6分", "扣1分")


def test_unit_cost_columns_are_not_summed(tmp_path: Path):
    text = ("# 某项目绩效评价报告\n\n## 一、运行情况\n\n| 水厂 | 供水量（万吨） | 运行费用（万元） | 吨水成本（元） |\n|---|---|---|---|\n"
            "| 城北水厂 | 612 | 1089.36 | 1.78 |\n| 洲湖水厂 | 348 | 664.68 | 1.91 |\n| 合计 | 960 | {} | 1.83 |\n")
    assert findings(tmp_path, text.format("1754.04")) == {}
    assert "TT201" in findings(tmp_path, text.format("1754.14"))


SELF_EVALUATION_FORM = """# 某校舍维修项目2023年度绩效自评报告

## 一、自评结果

项目全年预算执行率96.52%，对应得分9.65分（分值10分）；绩效指标分值90分，自评得分85分。项目绩效自评总得分94.65分，自评等级为“优”。

<table>
<tr><td colspan="9">2023年度项目支出绩效自评表</td></tr>
<tr><td>项目名称</td><td colspan="8">某校舍维修改造项目</td></tr>
<tr><td rowspan="3">项目资金（万元）</td><td colspan="2"></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td colspan="2">年度资金总额</td><td>420.00</td><td>452.80</td><td>437.06</td><td>10</td><td>96.52%</td><td>9.65</td></tr>
<tr><td colspan="2">其中：当年财政拨款</td><td>420.00</td><td>420.00</td><td>404.26</td><td>—</td><td>96.25%</td><td>—</td></tr>
<tr><td rowspan="5">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>维修改造面积</td><td>≥6800平方米</td><td>6920平方米</td><td>30</td><td>30</td><td></td></tr>
<tr><td>时效指标</td><td>完工及时性</td><td>8月31日前</td><td>9月15日</td><td>30</td><td>{late}</td><td>延期15天</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>隐患消除率</td><td>100%</td><td>100%</td><td>20</td><td>20</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>师生满意度</td><td>≥90%</td><td>93.6%</td><td>10</td><td>10</td><td></td></tr>
<tr><td colspan="6">总分</td><td>100</td><td>{total}</td><td>自评等级：优</td></tr>
</table>

其中产出指标得{produced}分，效益指标得20分，满意度指标得10分。
"""


def test_the_national_self_evaluation_form(tmp_path: Path):
    clean = SELF_EVALUATION_FORM.format(late=25, total="94.65", produced=55)
    assert findings(tmp_path, clean) == {}
    # the prose gives 产出 55 and the 总分 94.65: a row under 产出 is off (which one, nothing tells)
    [row] = findings(tmp_path, SELF_EVALUATION_FORM.format(late=26, total="94.65", produced=55))["TT201"]
    assert (row.expected, row.found) == ("55", "56") and "“产出指标”下某一行写错" in row.message
    assert "TT201" in findings(tmp_path, SELF_EVALUATION_FORM.format(late=25, total="95.65", produced=55))
    [level1] = findings(tmp_path, SELF_EVALUATION_FORM.format(late=25, total="94.65", produced=56))["TT202"]
    assert level1.found == "得分56分"


def test_an_opening_alone_wrong_is_reported_once(tmp_path: Path):
    text = SCORE_TABLE + "A11立项依据充分性，权重8分，得分{}分。项目立项符合政策，扣0.6分，该指标得7.4分。\n"
    assert findings(tmp_path, text.format("7.4")) == {}
    assert set(findings(tmp_path, text.format("7"))) == {"SC101"}
    closing = SCORE_TABLE + "A11立项依据充分性，权重8分，得分7.4分。项目立项符合政策，扣0.6分，该指标得7分。\n"
    assert "SC102" in findings(tmp_path, closing)


def test_sums_written_out_in_full(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、项目概况\n\n"
    for written in ("建筑面积合计{}平方米=195+68+52+14。", "配套用房面积195平方米+68平方米+52平方米+14平方米={}平方米。",
                    "配套用房建筑面积合计{}平方米（综合服务驿站195平方米、公厕68平方米、管理用房52平方米、设备间14平方米）。",
                    "建筑面积合计{}平方米，分别为驿站195平方米、公厕68平方米、管理用房52平方米、设备间14平方米。"):  # fmt: skip
        assert findings(tmp_path, head + written.format(329) + "\n") == {}, written
        [slip] = findings(tmp_path, head + written.format(339) + "\n")["CT702"]
        assert (slip.expected, slip.found) == ("329平方米", "339平方米")
    # a rounded total, a list that is not all of it, items of another unit: no sum to judge
    for quiet in ("折算面积2.5+3.25=5.8万平方米。", "合计339平方米（驿站195平方米、公厕68平方米等）。", "合计5处（3处已完工、2个在建）。"):
        assert "CT702" not in findings(tmp_path, head + quiet + "\n"), quiet


def test_a_tenders_saving_rate_is_on_its_own_award(tmp_path: Path):
    text = ("# 某项目绩效评价报告\n\n## 一、项目资金情况\n\n项目预算3,300.00万元，实际支出3,102.58万元。项目通过公开招标确定施工单位，"
            "招标控制价3,245.60万元，中标金额3,096.40万元，节约资金149.20万元，节约率{}%。\n")
    assert findings(tmp_path, text.format("4.60")) == {}
    [slip] = findings(tmp_path, text.format("4.70"))["RT301"]
    assert slip.expected == "4.60%"


def test_a_letter_for_the_first_digit_of_a_grouped_number(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、项目产出\n\n"
    [slip] = findings(tmp_path, head + "种植乔木l,286株。\n")["FG901"]
    assert (slip.expected, slip.found) == ("1,286", "l,286")
    assert findings(tmp_path, head + "种植乔木1,286株。\n") == {}


def test_paid_out_and_on_time_written_other_ways(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、项目资金\n\n"
    for sentence, right, wrong in (
        ("全省下达补贴资金48,600.00万元，累计兑付46,813.52万元，兑付率{}%。", "96.32", "96.23"),
        ("全年应拨付补助资金12批次，按时拨付11批次，拨付及时率{}%。", "91.67", "92.67"),
        ("10处单项工程中按时完工9处，完工及时率{}%。", "90", "95"),
        ("计划活动194场，按计划时间开展186场，活动开展及时率{}%。", "95.88", "95.38"),
    ):  # fmt: skip
        assert findings(tmp_path, head + sentence.format(right) + "\n") == {}, sentence
        assert "RT301" in findings(tmp_path, head + sentence.format(wrong) + "\n"), sentence
    planned = head + "计划发放补贴资金500.00万元，实际发放补贴资金480.00万元，发放率96%。\n"
    assert findings(tmp_path, planned) == {}


def test_the_grade_of_another_year_or_fund_goes_with_its_own_score(tmp_path: Path):
    text = ("# 某资金绩效评价报告\n\n## 一、评价结果\n\n经评价，该项资金综合评价得分90.10分，绩效级别评定为“优”。\n\n"
            "2022年度该项资金评价得分84分，评价等级为“良”。同期开展评价的污水运维补助资金得分78.5分，评价等级为“{}”。\n")
    assert findings(tmp_path, text.format("中")) == {}
    [slip] = findings(tmp_path, text.format("良"))["GR401"]
    assert (slip.expected, slip.found) == ("中", "良")


def test_group_totals_under_a_grand_total(tmp_path: Path):
    table = ("# 某部门整体支出绩效评价报告\n\n## 一、部门支出\n\n| 支出类别 | 项目 | 调整预算（万元） | 决算数（万元） |\n|---|---|---|---|\n"
             "| 基本支出 | 人员经费 | 3920.15 | 3905.62 |\n|  | 公用经费 | 412.80 | 398.27 |\n| 基本支出合计 |  | {} | 4303.89 |\n"
             "| 项目支出 | 公共卫生服务 | 5486.72 | 5302.18 |\n|  | 医疗保障 | 1920.00 | 1876.45 |\n"
             "| 项目支出合计 |  | 7406.72 | 7178.63 |\n| 总计 |  | 11739.67 | 11482.52 |\n")
    assert findings(tmp_path, table.format("4332.95")) == {}
    [slip] = findings(tmp_path, table.format("4333.95"))["TT201"]
    assert (slip.expected, slip.found) == ("4332.95", "4333.95")


def test_a_penalty_taken_from_the_total_outside_the_indicators(tmp_path: Path):
    text = ("# 某项目绩效评价报告\n\n## 一、评价结论\n\n| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 决策 | 20 | 17 |\n"
            "| 过程 | 20 | 16 |\n| 产出 | 30 | 27 |\n| 效益 | 30 | 26 |\n| 合计 | 100 | 86 |\n\n"
            "指标体系得分86分。因发生1起一般安全生产事故，按照评分办法负面清单规定从总分中扣除2分，综合得分{}分，评价等级为“良”。\n")
    assert findings(tmp_path, text.format(84)) == {}
    [slip] = findings(tmp_path, text.format(85))["TT203"]
    assert (slip.expected, slip.found) == ("84分", "85分")


def test_level_counts_after_a_list_of_all_the_一级_are_the_systems(tmp_path: Path):
    text = SCORE_TABLE + "评价组从决策、过程、产出、效益四个维度构建了包含4个一级指标、{}个二级指标和5个三级指标的评价指标体系。\n"
    assert findings(tmp_path, text.format(4)) == {}
    [slip] = findings(tmp_path, text.format(6))["CT701"]
    assert (slip.expected, slip.found) == ("4", "6")


def test_a_heading_numbered_in_another_style_in_its_upper_siblings_turn(tmp_path: Path):
    text = ("# 某项目绩效评价报告\n\n## 一、存在的问题\n\n### （一）制度不健全\n\n正文。\n\n### {}实施细则不明确\n\n正文。\n\n"
            "### （三）资金管理不规范\n\n正文。\n\n## {}相关建议\n\n正文。\n\n## 三、结论\n\n正文。\n")
    assert findings(tmp_path, text.format("（二）", "二、")) == {}
    [slip] = findings(tmp_path, text.format("（2）", "二、"))["HD801"]
    assert (slip.expected, slip.found) == ("（二）", "（2）")
    [slip] = findings(tmp_path, text.format("（二）", "2、"))["HD801"]
    assert (slip.expected, slip.found) == ("二、", "2、")
    # a deeper list that starts at its second item is still told to start at its first
    deeper = text.format("（二）", "二、").replace("### （三）资金管理不规范\n\n正文。\n\n", "#### （2）细则\n\n正文。\n\n#### （3）办法\n\n正文。\n\n")
    [slip] = findings(tmp_path, deeper)["HD801"]
    assert slip.expected == "（1）"


def test_a_total_one_cent_off_its_amounts_is_a_warning_of_a_rounding_tail(tmp_path: Path):
    table = ("# 某项目绩效评价报告\n\n## 一、资金情况\n\n| 合同 | 中标价（万元） |\n|---|---|\n| 甲 | 503.34 |\n| 乙 | 342.77 |\n"
             "| 合计 | {} |\n")
    assert findings(tmp_path, table.format("846.11")) == {}
    [tail] = findings(tmp_path, table.format("846.10"))["TT201"]
    assert tail.severity.value == "warning" and "尾差" in tail.message
    [slip] = findings(tmp_path, table.format("846.20"))["TT201"]
    assert slip.severity.value == "error"
    scores = SCORE_TABLE.replace("| 合计 | | | 100 | 85 |", "| 合计 | | | 100 | 85.01 |")
    assert findings(tmp_path, scores)["TT201"][0].severity.value == "error"  # (scores are exact)


def test_with_data_a_table_row_that_differs_is_named_alone(tmp_path: Path):
    from checkers.engine import check_document
    from checkers.readers import read_document
    from drafter.markdown_writer import to_markdown
    from drafter.render import render_report
    from project_file import load_project
    from tests.conftest import ROOT

    evaluation = load_project(ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml")
    path = tmp_path / "r.md"
    path.write_text(to_markdown(render_report(evaluation)).replace("| A21绩效目标合理性 | 4 | 2 |", "| A21绩效目标合理性 | 5 | 2 |"),
                    encoding="utf-8")  # fmt: skip
    found = [f for f in check_document(read_document(path), data=evaluation) if f.severity.value != "info"]
    assert [(f.rule, f.found) for f in found] == [("SC104", "权重5分，得分2分")]
    # without the data, the prose and the table's 合计 agree: the row's cell is the one named
    [cell] = check_document(read_document(path))
    assert (cell.rule, cell.expected, cell.found) == ("TT201", "4", "5") and "A21绩效目标合理性" in cell.excerpt


def test_a_rate_after_the_items_of_a_其中_list_is_none_of_them(tmp_path: Path):
    text = ("# 某项目绩效评价报告\n\n## 一、项目产出\n\n2023年新增公办学位2,160个，其中新城小学新增1,080个、滨江幼儿园新增360个、"
            "东关初级中学新增{}个，完成率100%。\n")
    assert findings(tmp_path, text.format(720)) == {}
    [slip] = findings(tmp_path, text.format(702))["CT702"]
    assert (slip.found, slip.expected) == ("702个", "720个")  # two digits swapped: the part is named
    [slip] = findings(tmp_path, text.format(710))["CT702"]
    assert slip.expected == "2,150个"


def test_a_kind_list_counted_before_more_words(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、概况\n\n资金用于图书馆、文化馆、美术馆、博物馆{}个场馆免费开放。\n"
    assert findings(tmp_path, text.format(4)) == {}
    [slip] = findings(tmp_path, text.format(5))["CT701"]
    assert (slip.expected, slip.found) == ("4", "5")


def test_a_list_counted_in_大类(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、政策内容\n\n补贴范围涵盖耕整地机械、种植施肥机械、田间管理机械、收获机械、农产品初加工机械{}大类22个小类。\n"
    assert findings(tmp_path, text.format(5)) == {}
    [slip] = findings(tmp_path, text.format(6))["CT701"]
    assert (slip.expected, slip.found) == ("5", "6")
    assert findings(tmp_path, text.format(6).replace("机械6大类", "机械等6大类")) == {}  # (等: more than listed)


def test_a_rate_named_for_one_level_of_funds_is_on_that_levels_amounts(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、资金情况\n\n市级财政资金预算600.00万元，实际到位540.00万元，市级资金到位率为{}%。\n"
    assert findings(tmp_path, text.format(90)) == {}
    [slip] = findings(tmp_path, text.format(95))["RT301"]
    assert slip.expected == "90%"


def test_a_seed_export_header_merged_over_the_label_columns(tmp_path: Path):
    rows = [["补助类别", "户数（户）", "补助金额（万元）", "户均补助（万元）"], ["种植类", "水稻", "100", "12.00", "0.12"],
            ["", "蔬菜", "200", "33.00", "0.17"], ["合计", "300", "{}", "0.15"]]  # fmt: skip
    table = "\n\n".join("\n".join("\t" + cell for cell in row) for row in rows)
    text = "某项目绩效评价报告\n\n一、资金情况\n\n" + table + "\n\n二、结论\n\n项目完成较好。\n"
    assert findings(tmp_path, text.format("45.00"), name="r.txt") == {}
    [slip] = findings(tmp_path, text.format("46.00"), name="r.txt")["TT201"]
    assert "补助金额（万元）" in slip.message and slip.expected == "45.00"


def test_a_其中_list_behind_the_wholes_other_measure(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、项目产出\n\n共完成背街小巷整治68条，总长度41.3公里，其中：丰台街道22条、新村街道{}条、卢沟桥街道27条。\n"
    assert findings(tmp_path, text.format(19)) == {}
    [slip] = findings(tmp_path, text.format(21))["CT702"]
    assert (slip.expected, slip.found) == ("70条", "68条")


def test_a_carry_over_after_amounts_allocated_and_paid_out(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、资金\n\n全省下达补贴资金48,600.00万元，累计兑付46,813.52万元，结转{}万元。\n"
    assert findings(tmp_path, text.format("1,786.48")) == {}
    [slip] = findings(tmp_path, text.format("1,768.48"))["CT702"]
    assert slip.expected == "1,786.48万元"
