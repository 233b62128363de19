"""Wordings real evaluators use (a third review): correct text that must stay quiet, slips that must be found."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checkers.engine import check_document
from checkers.readers import read_document


def findings(tmp_path: Path, text: str, name: str = "r.md") -> dict[str, list]:
    """Findings of every rule on a Markdown/text report, by rule id."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out: dict[str, list] = {}
    for finding in check_document(read_document(path)):
        out.setdefault(finding.rule, []).append(finding)
    return out


BREAKDOWN_TABLE = """\
单位：万元

| 序号 | 支出内容 | 预算金额 | 实际支出 |
|---|---|---|---|
| 1 | 设备购置费 | 100.00 | 98.00 |
| | 其中：摄像机 | 60.00 | 59.00 |
| | 存储设备 | 40.00 | 39.00 |
| 2 | 安装调试费 | 50.00 | 48.50 |
| 合计 | | 150.00 | 146.50 |
"""


def test_breakdown_rows_under_其中_are_not_added_twice(tmp_path: Path):
    assert "TT201" not in findings(tmp_path, BREAKDOWN_TABLE)
    unnumbered = BREAKDOWN_TABLE.replace("| 序号 |", "| 项 |").replace("| 1 |", "| |").replace("| 2 |", "| |")
    assert "TT201" not in findings(tmp_path, unnumbered)
    partial = BREAKDOWN_TABLE.replace("| | 存储设备 | 40.00 | 39.00 |\n", "")
    assert "TT201" not in findings(tmp_path, partial)
    slip = findings(tmp_path, BREAKDOWN_TABLE.replace("| 150.00 | 146.50 |", "| 150.00 | 146.00 |"))["TT201"]
    assert [(f.expected, f.found) for f in slip] == [("146.50", "146.00")]


def test_sums_skip_unit_figures_and_count_bracketed_subtotals_once(tmp_path: Path):
    rooms = "完成指挥中心大厅195平方米、会商室68平方米、值班室4间（每间13平方米，共52平方米）及配套机房14平方米的建设，合计329平方米。\n"
    assert "CT702" not in findings(tmp_path, rooms)
    assert "CT702" in findings(tmp_path, rooms.replace("合计329", "合计339"))
    bracket = "值班室（A室30平方米、B室22平方米，共53平方米）及机房14平方米，合计67平方米。\n"
    assert [f.expected for f in findings(tmp_path, bracket)["CT702"]] == ["52平方米"]


def test_sums_with_a_verb_after_the_total_word_and_包括(tmp_path: Path):
    invest = "一期工程完成投资120万元，二期工程完成投资85.5万元，{}215.5万元。\n"
    for wording in ("共计完成投资", "两期共完成投资", "合计"):
        assert [f.expected for f in findings(tmp_path, invest.format(wording))["CT702"]] == ["205.5万元"], wording
    assert "CT702" not in findings(tmp_path, invest.format("共计完成投资").replace("215.5", "205.5"))
    among = "项目总投资1,000万元，包括财政资金600万元、单位自筹资金395万元。\n"
    assert [f.expected for f in findings(tmp_path, among)["CT702"]] == ["995万元"]


def test_areas_are_compared_with_their_own_dimensions_in_metres_or_m(tmp_path: Path):
    two = "完成LED大屏（14.4m×2.025m，29.16㎡）及会商室拼接屏（长3.6米×宽2.025米，共7.29平方米）的建设。\n"
    assert "CT703" not in findings(tmp_path, two)
    for slip in ("会商室拼接屏13.86平方米（长4.8m*宽2.7m）。\n", "拼接屏尺寸为4.8m×2.7m，面积13.86㎡。\n"):
        assert [f.expected for f in findings(tmp_path, slip)["CT703"]] == ["12.96平方米"], slip


def test_last_years_total_is_not_this_reports_total(tmp_path: Path):
    text = "本项目综合评价得分88.5分，绩效评级为“良”，较上年度综合评价得分82分提高6.5分。\n"
    assert "TT203" not in findings(tmp_path, text)


def test_adjusted_budget_is_the_base_of_the_received_rate(tmp_path: Path):
    text = "项目年初预算200万元，年中经批准调减至180万元，实际到位180万元，资金到位率{}；实际支出171万元，预算执行率95%。\n"
    assert "RT301" not in findings(tmp_path, text.format("100%"))
    assert [f.expected for f in findings(tmp_path, text.format("90%"))["RT301"]] == ["100%"]


def test_rates_written_as_比例_and_completion_against_a_target(tmp_path: Path):
    received = findings(tmp_path, "项目预算200万元，实际到位190万元，到位比例为98%。\n")["RT301"]
    assert [(f.expected, f.found) for f in received] == [("95%", "98%")] and "到位比例写98%" in received[0].message
    done = "年度目标新建智慧安防小区21个，截至年底已建成{}个，完成比例100%。\n"
    assert [f.expected for f in findings(tmp_path, done.format(20))["RT301"]] == ["95.24%"]
    assert "RT301" not in findings(tmp_path, done.format(21))


SCORE_TABLE = """\
| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| B1组织实施 | B14运转程序规范性 | 4 | 3 |
| 合计 | | 4 | 3 |

"""


def test_indicator_openings_without_a_comma_when_coded_or_quoted(tmp_path: Path):
    for opening in ("B14运转程序规范性指标满分4分，评价得分2分。", "“B14运转程序规范性”指标满分4分，实得2分。"):
        sc101 = findings(tmp_path, SCORE_TABLE + opening + "\n")["SC101"]
        assert [(f.expected, f.found) for f in sc101] == [("权重4分，得分3分", "权重4分，得分2分")], opening
    subtotal = SCORE_TABLE + "组织实施指标权重4分，实际得分3分。\n"
    assert "SC101" not in findings(tmp_path, subtotal)


def test_closings_written_as_该项得分(tmp_path: Path):
    text = "C31项目完成及时性，权重3分，得分3分。\n\n项目延期120天完成，延期手续齐全。因此，该项得分{}分。\n"
    sc102 = findings(tmp_path, text.format(2))["SC102"]
    assert len(sc102) == 1 and "结尾写“该项得分2分”" in sc102[0].message
    assert "SC102" not in findings(tmp_path, text.format(3))


def test_full_marks_with_a_deduction_says_no_deduction_is_due(tmp_path: Path):
    text = "B11管理制度健全性，权重3分，得分3分。根据相关评分标准，扣0.5分，该指标得3分。\n"
    sc103 = findings(tmp_path, text)["SC103"]
    assert "不应扣分" in sc103[0].message and sc103[0].expected == "不扣分"


def test_grade_written_as_评价结果_and_subtotal_as_实得(tmp_path: Path):
    grade = findings(tmp_path, "本项目综合评价得分88.5分，评价结果为“优”。\n")["GR401"]
    assert grade[0].expected == "良" and "报告总分88.5分" in grade[0].message
    level1 = ("### （一）项目决策情况\n\n决策类指标满分8分，实得7分。\n\n| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n"
              "| A1项目立项 | A11立项依据充分性 | 5 | 5 |\n|  | A12立项程序规范性 | 3 | 3 |\n| 合计 |  | 8 | 8 |\n")  # fmt: skip
    assert "TT202" in findings(tmp_path, level1)


def test_two_different_totals_are_not_called_a_majority(tmp_path: Path):
    text = "本项目综合评价得分86.8分，绩效评级为“良”。\n\n| 指标 | 权重 | 得分 |\n|---|---|---|\n| A决策 | 100 | 88.5 |\n| 合计 | 100 | 88.5 |\n"
    tt203 = findings(tmp_path, text)["TT203"]  # the table's 合计 is what its rows add up to: the sentence is held to it
    assert len(tt203) == 1 and "评分表合计（与各行之和相符）" in tt203[0].message and tt203[0].expected == "88.5分"
    assert "GR401" not in findings(tmp_path, text)  # 良 fits one of the two totals: TT203 says which to check
    unsure = text.replace("| A决策 | 100 | 88.5 |", "| A决策 | 100 | 88 |")  # neither side stands out
    tt203 = findings(tmp_path, unsure)["TT203"]
    assert len(tt203) == 1 and "前文" in tt203[0].message and "请核对哪一处正确" in tt203[0].message


def test_table_findings_name_the_reports_own_caption_and_the_line(tmp_path: Path):
    text = "# 报告\n\n表1 预算执行情况明细表\n\n| 序号 | 内容 | 金额 |\n|---|---|---|\n| 1 | 甲 | 10 |\n| 2 | 乙 | 20 |\n| 合计 | | 31 |\n"
    [finding] = findings(tmp_path, "| 项 | 权重 | 得分 |\n|---|---|---|\n| 甲 | 1 | 1 |\n\n" + text)["TT201"]
    assert finding.location.describe() == "表2（表1 预算执行情况明细表） 第4行第3列（第13行）"
    [same_number] = findings(tmp_path, text)["TT201"]
    assert same_number.location.describe() == "表1 第4行第3列（第9行）"  # the caption says nothing new


def test_findings_in_a_compilation_name_their_report(tmp_path: Path):
    one = "{title}\n\n一、基本情况\n\n项目预算100万元，实际到位100万元，资金到位率{rate}。\n\n二、结论\n\n综合评价得分88分，评价等级为“良”。\n\n"
    text = one.format(title="甲项目绩效评价报告", rate="100%") + one.format(title="乙项目绩效评价报告", rate="90%")
    [finding] = findings(tmp_path, text)["RT301"]
    assert finding.location.report == "第2篇《乙项目绩效评价报告》"
    assert finding.location.describe().startswith("第2篇《乙项目绩效评价报告》，第一部分")


def test_a_hint_does_not_repeat_an_error_on_the_same_figure(tmp_path: Path):
    from checkers.rules.base import MINI_DATA
    from project_file import load_project

    project = tmp_path / "p.yaml"
    project.write_text(MINI_DATA, encoding="utf-8")
    path = tmp_path / "r.md"
    path.write_text("项目预算100万元，实际到位100万元，实际支出90万元，预算执行率95%。B14运转程序规范性，权重50分，得分40分，扣10分。\n",
                    encoding="utf-8")  # fmt: skip
    found = check_document(read_document(path), data=load_project(project))
    on_rate = [f for f in found if f.found == "95%"]
    assert [f.severity.value for f in on_rate if f.severity.value != "info"] and not [f for f in on_rate if f.rule == "DT1002"]


def test_a_deduction_in_the_evidence_of_a_full_score_indicator(tmp_path: Path):
    text = ("A11立项依据充分性，权重5分，得分5分。\n\n项目立项依据充分，但可行性研究报告缺少专家论证，扣1分。根据相关评分标准，该指标得5分。\n\n"
            "A12立项程序规范性，权重3分，得分3分。\n\n评分标准：每发现一处程序瑕疵扣0.5分。项目立项程序规范。根据相关评分标准，该指标得3分。\n")  # fmt: skip
    [finding] = findings(tmp_path, text)["SC103"]
    assert "A11" in finding.message and finding.found == "扣1分" and finding.expected == "不扣分"


def test_prose_against_a_table_that_does_not_add_up_says_the_table_may_be_wrong(tmp_path: Path):
    table = ("| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| B1组织实施 | B14运转程序规范性 | 4 | {} |\n"
             "| | B15绩效自评合理性 | 2 | 2 |\n| 合计 | | 6 | 4 |\n\nB14运转程序规范性，权重4分，得分2分。\n")  # fmt: skip
    [suspect] = findings(tmp_path, table.format("2.5").replace("得分2分", "得分3分"))["SC101"]  # no one cell to blame
    assert "也可能是表中某一格" in suspect.message
    # the prose and the 合计 agree on 2: the cell is the slip, named alone
    [cell] = [f for fs in findings(tmp_path, table.format("2.5")).values() for f in fs]
    assert (cell.rule, cell.expected, cell.found) == ("TT201", "2", "2.5")
    [plain_case] = findings(tmp_path, table.format("2").replace("| 6 | 4 |", "| 6 | 4 |").replace("得分2分", "得分3分"))["SC101"]
    assert "也可能是表中某一格" not in plain_case.message


def test_funds_received_in_full_are_the_received_amount(tmp_path: Path):
    text = "本年度项目资金170.86万元已全部拨付到位，当年共支出168.91万元，执行率达到{}。\n"
    assert [f.expected for f in findings(tmp_path, text.format("99.86%"))["RT301"]] == ["98.86%"]
    assert "RT301" not in findings(tmp_path, text.format("98.86%"))


def test_sums_and_areas_stay_quiet_on_ordinary_wording(tmp_path: Path):
    """Third-review false alarms: counts that are not sums, 公共/一共/总计划, per-unit figures, percentages,
    cumulative figures; dimensions next to an unrelated area, several rooms, per-item sizes, volumes."""
    quiet = [
        "全区12个街道中，已完成改造的5个街道共有21个小区。",
        "本项目覆盖21个小区，每个小区安装人脸识别摄像头10个，共计安装210个。",
        "安装门禁32个、车辆识别道闸16个，公共区域摄像头120个。",
        "本年度完成投资300万元，支付工程款280万元，截至年底累计完成投资1200万元。",
        "2020年到位资金300万元，2021年到位资金150万元，项目总计划投资800万元。",
        "项目涉及5个街道、21个小区，建设期共计10个月。",
        "截至6月底预算执行率为45%，截至9月底为70%，截至12月底累计执行率89.04%。",
        "共享平台接入视频点位356个、门禁设备120个，一共涉及3个部门。",
        "A21绩效目标合理性权重4分、得分2分，A22绩效指标明确性权重4分、得分2分，两项共扣4分。",
        "指挥中心大厅195平方米，安装LED拼接大屏（长14.4米×宽2.025米）一套。",
        "会商室长8米×宽6米，值班室长4米×宽3.5米，面积分别为48平方米和14平方米。",
        "设置宣传栏20块（每块1.2米×0.6米），共14.4平方米。",
        "设备机柜尺寸0.6m×1.2m，共8台，机房面积42平方米（7m×6m）。",
        "新建蓄水池（10m×5m×2m），容积100m³，配套泵房面积20平方米。",
    ]
    for text in quiet:
        assert not {"CT702", "CT703"} & set(findings(tmp_path, text + "\n")), text
    assert "CT703" in findings(tmp_path, "完成值班室改造12平方米（3m×3.5m）。\n")


def test_earlier_evaluations_surveys_and_scoring_conditions_are_not_this_reports_figures(tmp_path: Path):
    head = "**2020年度某项目绩效评价报告**\n\n## 一、分析\n\n"
    indicator = "B11管理制度健全性，权重4分，得分4分。\n\n{}根据相关评分标准，该指标得4分。\n"
    for evidence in ("上年度评价中该指标扣1分，本年度已完成整改。", "如未制定管理办法扣2分，制度未覆盖采购环节扣1分。经核实制度健全，不扣分。",
                     "制度健全（B14运转程序规范性已扣2分，见下文）。"):  # fmt: skip
        assert "SC103" not in findings(tmp_path, head + indicator.format(evidence)), evidence
    closing = "B14运转程序规范性，权重4分，得分2分。\n\n上年度评价中该项得分3分。本年度未按时验收。根据相关评分标准，扣2分，该指标得2分。\n"
    assert "SC102" not in findings(tmp_path, head + closing)
    total = head + "本项目综合评价得分88.8分，绩效评级为“良”。该项目2019年度综合评价得分82分，本年度有所提升。\n"
    assert "TT203" not in findings(tmp_path, total)
    assert "TT203" in findings(tmp_path, total.replace("2019年度", "2020年度"))
    survey = head + "本项目综合评价得分88.8分，绩效评级为“良”。居民问卷中评价结果为“优”的占62%。\n"
    assert "GR401" not in findings(tmp_path, survey)


def test_breakdowns_in_every_layout_and_a_total_row_above_its_items(tmp_path: Path):
    table = "| 序号 | 项目 | 预算金额（万元） |\n|---|---|---|\n{}| 合计 |  | {} |\n"
    partial = "| 1 | 设备购置 | 500 |\n|  | 其中：摄像头 | 300 |\n|  | 门禁 | 150 |\n| 2 | 安装调试 | 100 |\n"
    assert "TT201" not in findings(tmp_path, table.format(partial, 600))
    assert [f.expected for f in findings(tmp_path, table.format(partial, 610))["TT201"]] == ["600"]
    repeated = "| 项目 | 预算金额（万元） |\n|---|---|\n| 设备购置 | 500 |\n| 其中：摄像头 | 300 |\n| 其中：门禁 | 200 |\n| 安装调试 | 100 |\n| 合计 | 600 |\n"
    assert "TT201" not in findings(tmp_path, repeated)
    top = "| 项目 | 预算金额（万元） | 支出金额（万元） |\n|---|---|---|\n| 合计 | 600 | {} |\n| 其中：设备购置 | 500 | 480 |\n| 安装调试 | 100 | 90 |\n"
    assert "TT201" not in findings(tmp_path, top.format(570))
    assert [f.expected for f in findings(tmp_path, top.format(560))["TT201"]] == ["570"]


def test_budget_increases_and_carried_over_funds(tmp_path: Path):
    for text in ("项目年初预算500万元，年中追加预算100万元，实际到位资金600万元，资金到位率100%。",
                 "项目年初预算500万元，年中调增50万元，实际到位资金550万元，资金到位率100%。",
                 "项目预算资金500万元，实际到位资金500万元，资金到位率100%。2019年结转资金20万元已全部拨付到位。实际支出490万元，预算执行率98%。"):  # fmt: skip
        assert "RT301" not in findings(tmp_path, text + "\n"), text
    assert "RT301" in findings(tmp_path, "项目年初预算500万元，年中追加预算100万元，实际到位资金600万元，资金到位率120%。\n")


def test_a_title_heading_is_not_a_second_report_and_each_report_starts_at_its_title(tmp_path: Path):
    single = "# 某项目绩效评价报告\n\n## 一、基本情况\n\n项目预算100万元，实际到位100万元，资金到位率90%。\n"
    [finding] = findings(tmp_path, single)["RT301"]
    assert finding.location.report is None
    one = ("**{name}项目绩效评价报告**\n\n## 一、基本情况\n\n项目预算资金100万元，实际到位资金100万元，资金到位率100%。\n\n"
           "## 二、综合评价情况及评价结论\n\n该项目综合评价得分{total}分，绩效级别评定为“良”。\n\n## 三、建议\n\n进一步完善绩效指标。\n\n"
           "综上，{name}项目综合评价得分{total}分。\n\n")  # fmt: skip
    assert "TT203" not in findings(tmp_path, one.format(name="甲", total="86.88") + one.format(name="乙", total="82"))


def test_per_unit_lists_contract_rates_and_a_parts_rate_are_not_the_projects(tmp_path: Path):
    from checkers.rules.base import MINI_DATA
    from project_file import load_project

    rooms = "完成指挥中心大厅（195平方米）、会商室（68平方米）、值班室4间（每间13平方米）及配套机房（14平方米）的建设，合计329平方米。\n"
    assert "CT702" not in findings(tmp_path, rooms)
    part = "项目预算100万元，实际到位100万元。其中一期遗留尾款预算120万元，实际支出96万元，执行率80%。\n"
    assert "RT301" not in findings(tmp_path, part)
    project = tmp_path / "p.yaml"
    project.write_text(MINI_DATA, encoding="utf-8")
    path = tmp_path / "r.md"
    path.write_text("项目预算100万元，实际到位100万元，资金到位率100%；实际支出90万元，预算执行率90%。"
                    "监理合同已支付18.88万元，监理费预算执行率80%。\n", encoding="utf-8")  # fmt: skip
    assert not [f for f in check_document(read_document(path), data=load_project(project)) if f.rule == "DT1003"]


def _with_data(tmp_path: Path, text: str) -> dict[str, list]:
    from checkers.rules.base import MINI_DATA
    from project_file import load_project

    project = tmp_path / "p.yaml"
    project.write_text(MINI_DATA, encoding="utf-8")
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    out: dict[str, list] = {}
    for finding in check_document(read_document(path), data=load_project(project)):
        out.setdefault(finding.rule, []).append(finding)
    return out


def test_with_data_only_the_side_the_data_contradicts_is_blamed(tmp_path: Path):
    opening = "B14运转程序规范性，权重50分，得分45分。程序基本规范。根据相关评分标准，扣10分，该指标得40分。\n"
    found = _with_data(tmp_path, opening)
    assert "SC104" in found and "SC102" not in found and "SC103" not in found
    unit = ("项目预算100万元，实际到位100万元，资金到位率100%；实际支出90元，预算执行率90%。"
            "项目资金使用规范，实际支出90万元，全部用于项目建设。\n")  # fmt: skip
    found = _with_data(tmp_path, unit)
    assert "RT301" not in found  # the rate is the project's own; the amount before it is wrong
    [slip] = [f for group in found.values() for f in group if f.severity.value == "error"]  # one slip, one finding
    assert slip.found == "90元" and slip.expected in ("90万元", "90.00万元") and "实际支出90元" in slip.excerpt


def test_an_indicator_mentioned_only_in_another_ones_analysis_is_not_discussed(tmp_path: Path):
    text = "A11立项依据充分性，权重50分，得分50分。立项依据充分，与B14运转程序规范性相互印证。\n"
    [missing] = _with_data(tmp_path, text)["DT1001"]
    assert "B14运转程序规范性" in missing.message
    assert "DT1001" not in _with_data(tmp_path, text + "\nB14运转程序规范性，权重50分，得分40分。程序基本规范。\n")


def test_continued_tables_add_up_with_their_first_part_and_other_tables_stand_alone(tmp_path: Path):
    first = "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n| 决策 | 立项 | 立项依据充分性 | 40 | 35 |\n"
    rest = "| 过程 | 管理 | 资金使用合规性 | 60 | 50 |\n| 合计 | | | 100 | 85 |\n"
    continued = first + "\n（续表）\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n" + rest
    assert "TT201" not in findings(tmp_path, continued)
    assert [f.expected for f in findings(tmp_path, continued.replace("| 100 | 85 |", "| 100 | 86 |"))["TT201"]] == ["85"]
    funds = first + "\n| 序号 | 名称 | 单位 | 预算金额 | 支出金额 |\n|---|---|---|---|---|\n| 1 | 监测井 | 个 | 100 | 90 |\n| 合计 | | | 100 | 90 |\n"
    assert "TT203" not in findings(tmp_path, funds) and "TT201" not in findings(tmp_path, funds)


def test_a_project_rate_after_a_contract_is_still_checked_and_one_slip_gives_one_error(tmp_path: Path):
    base = "项目预算100万元，实际到位100万元，资金到位率100%；实际支出90万元。"
    assert "DT1003" in _with_data(tmp_path, base + "本年度支付建设、监理、设计等费用，项目全年预算执行率为95%。\n")
    assert "DT1003" not in _with_data(tmp_path, base + "监理合同已支付18.88万元，监理费预算执行率80%。\n")
    wrong = _with_data(tmp_path, "项目预算100万元，实际到位100万元，实际支出90万元，预算执行率95%。\n")
    assert [rule for rule, group in wrong.items() for f in group if f.found == "95%"] == ["DT1003"]


def test_a_closing_that_repeats_a_wrong_opening_is_reported_with_data(tmp_path: Path):
    text = "B14运转程序规范性，权重50分，得分45分。程序基本规范。根据相关评分标准，扣5分，该指标得45分。\n"
    found = _with_data(tmp_path, text)
    assert any("结尾写“该指标得45分”" in f.message for f in found["SC104"])


def test_a_stale_overview_row_is_reported_against_the_data_even_when_the_prose_is_wrong_too(tmp_path: Path):
    text = ("| 指标 | 权重 | 得分 |\n|---|---|---|\n| A决策 | 50 | 45 |\n| B过程 | 50 | 40 |\n| 合计 | 100 | 85 |\n\n"
            "决策指标总分50分，得分45分。\n")  # fmt: skip
    found = _with_data(tmp_path, text)
    rows = [f for f in found.get("SC104", []) if f.location.table == 1]
    assert [f.found for f in rows] == ["权重50分，得分45分"] and rows[0].expected == "权重50分，得分50分"


def test_letters_in_decimals_and_a_longer_total_phrase(tmp_path: Path):
    [letter, year] = findings(tmp_path, "项目于2O19年6月开工，实际支出168.9l万元。\n")["FG901"]
    assert {letter.found, year.found} == {"168.9l", "2O19"}
    text = "新建监控点位210个、改造监控点位176个，共计完成点位建设{}个。\n"
    assert [f.expected for f in findings(tmp_path, text.format(396))["CT702"]] == ["386个"]
    assert "CT702" not in findings(tmp_path, text.format(386))



def test_parts_that_divide_the_whole_must_add_up_to_it(tmp_path: Path):
    levels = "本次评价共设置三级指标{}个，其中决策类5个、过程类6个、产出类6个、效益类4个。\n"
    assert [f.expected for f in findings(tmp_path, levels.format(22))["CT702"]] == ["21个"]
    assert "CT702" not in findings(tmp_path, levels.format(21))
    passed = "共检查项目点位{}个，其中合格30个，不合格5个，合格率85.71%。\n"  # the rate after the parts is none of them
    assert [f.expected for f in findings(tmp_path, passed.format(38))["CT702"]] == ["35个"]
    assert "CT702" not in findings(tmp_path, passed.format(35))
    survey = "回收有效问卷{}份，其中满意120份、基本满意50份、不满意10份。\n"
    assert [f.expected for f in findings(tmp_path, survey.format(200))["CT702"]] == ["180份"]
    some = "共采购设备120台，其中电脑50台、打印机30台。\n"  # parts that need not be all of it
    assert "CT702" not in findings(tmp_path, some)



def test_a_pass_rate_is_the_part_its_word_names_over_the_whole_counted_before_it(tmp_path: Path):
    checked = "共检查项目点位35个，其中合格30个，不合格5个，合格率{}。\n"
    assert "RT301" not in findings(tmp_path, checked.format("85.71%"))
    [slip] = findings(tmp_path, checked.format("87.5%"))["RT301"]
    assert (slip.expected, slip.found) == ("85.7%", "87.5%")
    survey = "共发放问卷200份，回收有效问卷180份，有效回收率为{}。\n"
    assert "RT301" not in findings(tmp_path, survey.format("90%"))
    assert [f.expected for f in findings(tmp_path, survey.format("95%"))["RT301"]] == ["90%"]
    assert "RT301" not in findings(tmp_path, "建设内容全部验收合格，验收合格率100%。\n")
    assert [f.expected for f in findings(tmp_path, "建设内容全部验收合格，验收合格率98%。\n")["RT301"]] == ["100%"]
    for unknown in ("共验收项目12个，验收合格率95%。\n", "监测断面10个，其中8个达标，达标率90%。\n"):
        assert "RT301" not in findings(tmp_path, unknown), unknown  # the part is not counted as the rate's word



TWO_LEVEL1_TABLE = """\
| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|---|
| 决策 | 项目立项 | 立项依据充分性 | 5 | 5 |
| 决策 | 项目立项 | 立项程序规范性 | 5 | 4 |
| 决策 | 绩效目标 | 绩效目标合理性 | 10 | 8 |
| 过程 | 资金管理 | 资金到位率 | 10 | 10 |
| 过程 | 资金管理 | 预算执行率 | 10 | 9 |
| 过程 | 组织实施 | 制度执行有效性 | 10 | 9 |
| 合计 | | | 50 | 45 |
"""


def test_a_count_said_of_one_level1_indicator_counts_its_rows_only(tmp_path: Path):
    said = "## 一、评价情况\n\n{}\n\n" + TWO_LEVEL1_TABLE
    assert "CT701" not in findings(tmp_path, said.format("决策指标共设置2个二级指标、3个三级指标。"))
    slipped = findings(tmp_path, said.format("决策指标共设置3个二级指标、3个三级指标。"))["CT701"]
    assert [(f.expected, f.found) for f in slipped] == [("2", "3")]
    assert "CT701" not in findings(tmp_path, said.format("评价指标体系共设置2个一级指标、4个二级指标、6个三级指标。"))
    alone = TWO_LEVEL1_TABLE.replace("| 过程 |", "| 决策 |").replace("资金管理", "资金投入").replace("组织实施", "资金使用")
    only = said.format("决策指标共设置3个二级指标。").replace(TWO_LEVEL1_TABLE, alone)
    assert [f.expected for f in findings(tmp_path, only)["CT701"]] == ["4"]


def test_the_names_listed_after_a_count_of_indicators_are_counted(tmp_path: Path):
    text = "决策指标共设置{}个二级指标，分别为项目立项、绩效目标、资金投入。\n"
    assert "CT701" not in findings(tmp_path, text.format(3))
    [slip] = findings(tmp_path, text.format(2))["CT701"]
    assert (slip.expected, slip.found, slip.severity.value) == ("3", "2", "warning")
    assert "CT701" not in findings(tmp_path, "共设置4个一级指标：决策、过程、产出、效益。\n")
    assert "CT701" not in findings(tmp_path, "共设置4个一级指标（决策、过程、产出等）。\n")



def test_a_section_table_of_project_benefit_and_satisfaction_is_no_overview(tmp_path: Path):
    """“项目效益” and “满意度” are 二级 names under 效益: the table listing them is that section's, not the whole report's."""
    text = """\
本项目综合评价得分85分，绩效评级为“良”。

| 指标 | 权重 | 得分 |
|---|---|---|
| 决策 | 50 | 45 |
| 效益 | 50 | 40 |
| 合计 | 100 | 85 |

效益指标总分50分，得分40分。

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| D1项目效益 | D11社会效益 | 25 | 20 |
| D2满意度 | D21居民满意度 | 25 | 20 |
| 合计 | | 50 | 40 |
"""
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("得分85分", "得分86分"))["TT203"]  # (which of the two is right is not known)
    assert {slip.expected, slip.found} == {"85分", "86分"}



def test_a_total_adds_the_items_after_its_among_or_those_of_its_kind(tmp_path: Path):
    cases = [  # (text with the total as {}, the right total, the items added when it is wrong)
        ("项目计划总投资500万元，实际完成投资480万元，其中一期工程完成投资300万元、二期工程完成投资180万元，合计完成投资{}万元。", 480),
        ("项目计划工期180天，实际工期181天，其中施工期151天、验收期30天，合计{}天。", 181),
        ("东、西两个片区中，东片区原有泊位120个、新增泊位60个，西片区原有泊位80个、新增泊位40个，新增泊位合计{}个。", 100),
        ("东片区原有泊位120个、新增泊位60个，西片区原有泊位80个、新增泊位40个，两片区新增泊位合计{}个。", 100),
    ]  # fmt: skip
    for text, right in cases:
        assert "CT702" not in findings(tmp_path, text.format(right) + "\n"), text
        [slip] = findings(tmp_path, text.format(right + 10) + "\n")["CT702"]
        assert slip.expected.startswith(str(right)), (text, slip.message)


def test_a_breakdown_short_of_its_whole_by_other_than_a_typo_lists_the_main_parts(tmp_path: Path):
    text = "项目总投资3,185.00万元，其中：建安工程费2,860.50万元，设备购置费{}万元。\n"
    assert "CT702" not in findings(tmp_path, text.format("302.10"))  # 22.40 of other costs left out
    assert [f.expected for f in findings(tmp_path, text.format("324.60"))["CT702"]] == ["3,185.10万元"]  # 0.1: a typo
    assert [f.expected for f in findings(tmp_path, text.format("324.41"))["CT702"]] == ["3,184.91万元"]  # 0.09: swapped



def test_an_example_given_with_ru_is_no_scoring_rule(tmp_path: Path):
    text = ("A22绩效指标明确性，权重4分，得分2分。\n\n部分绩效指标未细化量化，如“群众满意度”未设定具体指标值，扣1分；"
            "时效指标缺失，扣{}分。根据相关评分标准，该指标得2分。\n")  # fmt: skip
    assert "SC103" not in findings(tmp_path, text.format(1))
    assert [f.expected for f in findings(tmp_path, text.format("0.5"))["SC103"]] == ["扣2分"]
    rule = "A22绩效指标明确性，权重4分，得分2分。\n\n如未设定具体指标值，扣1分。经核查，指标不够细化，扣2分。\n"
    assert "SC103" not in findings(tmp_path, rule)  # “如未……扣1分” is the scoring rule



def test_quantities_of_two_years_two_projects_or_per_person_are_not_one(tmp_path: Path):
    years = "2023年度预算2,000.00万元，实际支出1,986.40万元。\n\n2022年度预算2,000.00万元，实际支出{}万元。\n"
    assert "UN501" not in findings(tmp_path, years.format("1,996.30"))
    titled = "# 2023年度某项目绩效评价报告\n\n预算2,000.00万元，实际支出1,986.40万元。\n\n2022年度预算2,000.00万元，实际支出{}万元。\n"
    assert "UN501" not in findings(tmp_path, titled.format("1,996.30"))  # (a year not the report's own)
    assert "UN501" in findings(tmp_path, titled.replace("2022年度", "2023年度").format("1,986.46"))
    contracts = "与A公司签订施工合同，合同金额为256.80万元。\n\n与B公司签订监理合同，合同金额为{}万元。\n"
    assert "UN501" not in findings(tmp_path, contracts.format("257.30"))  # two digits apart: two amounts
    assert "UN501" in findings(tmp_path, contracts.format("256.08"))  # two neighbours swapped: a slip
    again = "2023年度预算2,000.00万元，实际支出1,986.40万元。\n\n经核实，实际支出1,986.41万元。\n"
    assert [f.expected for f in findings(tmp_path, again)["UN501"]] == ["1,986.40万元"]  # no year: the same one
    projects = "## （一）甲项目\n\n评估建议金额1,102.40万元。\n\n## （二）乙项目\n\n评估建议金额1,105.20万元。\n"
    assert "UN501" not in findings(tmp_path, projects)
    per_person = "项目预算1,200万元，实际到位1,200万元。全年共救助困难群众6,850人，人均救助金额1,200元。\n"
    assert "UN501" not in findings(tmp_path, per_person)
    assert "UN501" in findings(tmp_path, per_person.replace("人均救助金额1,200元", "实际支出1,200元"))


def test_per_person_standard_and_growth_columns_are_not_added_up(tmp_path: Path):
    table = """\
| 序号 | 街道 | 补助人数 | 补助金额（万元） | 人均补助（元） | 补助标准（元/人） | 同比增长 |
|---|---|---|---|---|---|---|
| 1 | 湖滨街道 | 100 | 18.60 | 1860 | 1800 | 5.2 |
| 2 | 清波街道 | 100 | 20.50 | 2050 | 1800 | 3.1 |
| 合计 | | 200 | 39.10 | 1955 | 1800 | 4.1 |
"""
    assert findings(tmp_path, table) == {}
    assert [f.expected for f in findings(tmp_path, table.replace("| 200 | 39.10", "| 200 | 39.20"))["TT201"]] == ["39.10"]
    scores = "| 指标 | 标准分 | 得分 |\n|---|---|---|\n| 决策 | 20 | 18 |\n| 过程 | 80 | 70 |\n| 合计 | 90 | 88 |\n"
    assert {f.found for f in findings(tmp_path, scores)["TT201"]} == {"90"}  # “标准分” is a weight: it adds up



def test_with_data_another_years_or_projects_rate_and_a_rounded_amount_are_not_the_projects(tmp_path: Path):
    others = "2019年度同类项目预算执行率为85.20%。全市同类项目平均预算执行率为80%。\n"
    assert "DT1003" not in _with_data(tmp_path, others)
    assert [f.expected for f in _with_data(tmp_path, "项目预算执行率为85.20%。\n")["DT1003"]] == ["90%"]
    rounded = "项目实际支出900,000元（约{}万元）。\n"  # the data: 90万元
    assert "DT1002" not in _with_data(tmp_path, rounded.format("90.0"))
    assert [f.found for f in _with_data(tmp_path, rounded.format("90.2"))["DT1002"]] == ["90.2万元"]



def test_a_spent_or_invested_total_of_a_plain_list_is_added_up(tmp_path: Path):
    cases = [("项目设备费120.00万元，培训费185.06万元，合计支出{}万元。", "305.06", "341.62", "305.06万元"),
             ("项目一期投资320.50万元、二期投资418.30万元，两期共完成投资{}万元。", "738.80", "738.30", "738.80万元"),
             ("首付款120万元、进度款240万元，合计支付{}万元。", "360", "350", "360万元")]  # fmt: skip
    for text, right, wrong, expected in cases:
        assert "CT702" not in findings(tmp_path, text.format(right) + "\n"), text
        assert [f.expected for f in findings(tmp_path, text.format(wrong) + "\n")["CT702"]] == [expected], text
    parts_of_a_budget = "项目预算300万元，其中设备120万元、培训180万元，合计支出290万元。\n"
    assert "CT702" not in findings(tmp_path, parts_of_a_budget)


LISTED_SYSTEM = """\
## 一、评价指标体系

评价工作组设置了决策、过程、产出和效益{}个一级指标，下设{}个二级指标、{}个三级指标。

| 一级指标 | 二级指标 | 三级指标 | 分值 | 专家评分 |
|---|---|---|---|---|
| 决策 | 项目立项 | 立项依据充分性 | 20 | 18 |
| 过程 | 资金管理 | 资金到位率 | 20 | 20 |
| 过程 | 资金管理 | 预算执行率 | 10 | 9 |
| 产出 | 产出数量 | 实际完成率 | 20 | 19 |
| 效益 | 社会效益 | 群众获得感 | 15 | 14 |
| 效益 | 满意度 | 群众满意度 | 15 | 14 |
| 合计 | | | 100 | 94 |
"""

WEIGHTS_AT_EACH_LEVEL = """\
本次评价指标体系共设置2个一级指标、{}个二级指标和4个三级指标，满分100分。

| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |
|---|---|---|---|---|---|---|
| 决策 | 40 | 项目立项 | 20 | 立项依据充分性 | 10 | 10 |
|  |  |  |  | 立项程序规范性 | 10 | 9 |
|  |  | 资金投入 | 20 | 预算编制科学性 | 20 | 18 |
| 产出 | 60 | 产出数量 | 60 | 实际完成率 | 60 | 55 |
| 合计 | 100 |  |  |  |  | 92 |
"""


def test_counts_under_the_systems_level1_and_in_a_table_weighted_at_every_level(tmp_path: Path):
    assert findings(tmp_path, LISTED_SYSTEM.format(4, 5, 6)) == {}
    assert [f.expected for f in findings(tmp_path, LISTED_SYSTEM.format(4, 4, 6))["CT701"]] == ["5"]
    assert [f.expected for f in findings(tmp_path, LISTED_SYSTEM.format(4, 5, 8))["CT701"]] == ["6"]
    [listed] = findings(tmp_path, LISTED_SYSTEM.format(5, 5, 6))["CT701"]
    assert listed.expected == "4" and "（决策、过程、产出、效益）" in listed.message
    assert findings(tmp_path, WEIGHTS_AT_EACH_LEVEL.format(3)) == {}
    assert [f.expected for f in findings(tmp_path, WEIGHTS_AT_EACH_LEVEL.format(4))["CT701"]] == ["3"]



def test_a_level1_part_worth_so_many_points_and_its_experts_score(tmp_path: Path):
    base = """\
## （一）项目过程情况

过程类指标共20分，专家评分{}分，得分率{}。

| 一级指标 | 二级指标 | 三级指标 | 分值 | 专家评分 |
|---|---|---|---|---|
| 决策 | 项目立项 | 立项依据充分性 | 80 | 72 |
| 过程 | 资金管理 | 预算执行率 | 10 | 9 |
|  | 组织实施 | 制度执行有效性 | 10 | 9 |
| 合计 |  |  | 100 | 90 |
"""
    assert findings(tmp_path, base.format(18, "90%")) == {}
    slipped = findings(tmp_path, base.format("18.5", "90%"))
    assert [f.found for f in slipped["TT202"]] and "RT301" not in slipped  # (the 90% is the table's 18 of 20)
    assert [f.expected for f in findings(tmp_path, base.format(18, "85%"))["RT301"]] == ["90%"]
    assert [f.expected for f in findings(tmp_path, "过程指标共20分，得分18分，得分率85%。\n")["RT301"]] == ["90%"]


def test_counts_in_wells_people_tons_and_channels(tmp_path: Path):
    text = ("项目计划封填自备井48眼，实际完成46眼，完成率{}。\n\n计划培训基层干部500名，实际培训480名，完成率96.00%。\n\n"
            "计划清运垃圾1,200吨，实际清运1,150吨，完成率95.83%。\n")  # fmt: skip
    assert findings(tmp_path, text.format("95.83%")) == {}
    assert [f.expected for f in findings(tmp_path, text.format("97.83%"))["RT301"]] == ["95.83%"]
    assert [f.found for f in findings(tmp_path, text.format("95.83%").replace("46眼", "4O眼"))["FG901"]] == ["4O"]



def test_a_self_evaluations_grade_must_agree_with_the_score_beside_it(tmp_path: Path):
    text = "经综合评价，该项目自评得分为95分，评价等级为“{}”。\n\n上年度该项目评价得分为85分，评价等级为“{}”。\n"
    assert "GR401" not in findings(tmp_path, text.format("优", "良"))
    assert [(f.expected, f.found) for f in findings(tmp_path, text.format("良", "良"))["GR401"]] == [("优", "良")]
    assert [(f.expected, f.found) for f in findings(tmp_path, text.format("优", "优"))["GR401"]] == [("良", "优")]
    survey = "受访群众综合满意度得分为85分，评价结果为“优”。\n"  # a survey grades on its own scale
    assert "GR401" not in findings(tmp_path, survey)



def test_a_base_total_and_a_bonus_said_only_in_prose(tmp_path: Path):
    text = "项目基础得分87分，加分项加3分，综合得分{}分，评价等级为“优”。\n"
    assert findings(tmp_path, text.format(90)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(91))["TT203"]] == ["90分"]
    others = "区人民医院基础得分91分，加分项加1.5分，最终得分92.5分。本项目基础得分87分，加分项加3分，综合得分90分。\n"
    assert "TT203" not in findings(tmp_path, others)


def test_one_quantity_said_with_and_without_a_linking_word(tmp_path: Path):
    text = ("全年预算数为1,250.00万元，全年执行数为1,163.48万元，预算执行率为93.08%。\n\n"
            "项目全年预算数1250.00万元，执行数{}万元，预算执行率93.08%。\n")  # fmt: skip
    assert "UN501" not in findings(tmp_path, text.format("1163.48"))
    [slip] = findings(tmp_path, text.format("1163.58"))["UN501"]
    assert slip.expected == "1,163.48万元" and "“执行数”" in slip.message



def test_with_data_a_budget_a_slip_away_from_the_datas_is_reported_without_a_rate_beside_it(tmp_path: Path):
    text = "区财政局批复该项目年初预算金额{}万元。\n"  # the data: 100万元
    assert "DT1003" not in _with_data(tmp_path, text.format("100.00"))
    assert [f.expected for f in _with_data(tmp_path, text.format("100.40"))["DT1003"]] == ["100万元"]
    assert "DT1003" not in _with_data(tmp_path, text.format("120.00"))  # another amount, not a slip of this one
    assert "DT1003" not in _with_data(tmp_path, "项目预算约100万元。\n")



def test_pass_rates_with_more_grades_than_two_may_count_any_of_them(tmp_path: Path):
    for text in ("共抽查路灯120盏，其中合格110盏，基本合格8盏，合格率91.67%。", "共抽查路灯120盏，其中合格110盏，基本合格8盏，不合格2盏，合格率98.33%。",
                 "共检查学校食堂40所，其中优秀12所，合格26所，不合格2所，合格率95%。", "共检查农家乐50家，评定为合格的45家，基本合格的3家，合格率96%。",
                 "共抽查工程40项，其中质量达标38项，基本达标2项，达标率100%。"):  # fmt: skip
        assert "RT301" not in findings(tmp_path, text + "\n"), text
    [slip] = findings(tmp_path, "共检查学校食堂40所，其中优秀12所，合格26所，不合格2所，合格率92%。\n")["RT301"]
    assert slip.expected == "65%" and "连同其他等次计为95%" in slip.message


def test_a_rate_of_another_date_or_after_a_breakdown_of_the_spending(tmp_path: Path):
    table = ("| 项目名称 | 某项目 | 主管部门 | 某局 |\n|---|---|---|---|\n| 预算金额（万元） | 200 | 实际到位（万元） | 180 |\n"
             "| 实际支出（万元） | 171 | 实施单位 | 某中心 |\n\n")  # fmt: skip
    for text in ("截至2024年6月30日，项目预算执行率为45%。", "截至评价时点（2024年3月31日），项目资金已全部到位，资金到位率为100%。"):
        assert "RT301" not in findings(tmp_path, table + text + "\n"), text
    assert [f.expected for f in findings(tmp_path, table + "截至2024年12月31日，项目预算执行率为90%。\n")["RT301"]] == ["95%"]
    whole = "部门预算4,677.30万元，全年执行4,608.80万元，其中基本支出执行3,210.20万元，项目支出执行1,398.60万元，预算执行率{}。\n"
    assert "RT301" not in findings(tmp_path, whole.format("98.54%"))
    assert [f.expected for f in findings(tmp_path, whole.format("97.54%"))["RT301"]] == ["98.54%"]


def test_parts_that_are_not_all_of_the_whole(tmp_path: Path):
    partial = [
        "共检查企业50家，其中合格45家，不合格3家，另有2家因停产未纳入检查结果。", "共调查群众500人，其中满意420人，基本满意60人，不满意15人，未作答5人。",
        "共抽查档案200份，其中合格180份，不合格20份，不合格档案中手续不全12份、签字缺失8份。", "共验收项目30个，其中合格28个，不合格2个，合格项目中优良22个。",
        "共设置三级指标30个，其中决策类6个、过程类8个、产出类10个、效益类6个，得满分的指标22个。",
        "项目综合得分86分，其中决策指标权重20分、得分18分，过程指标权重20分、得分17分，产出指标权重30分、得分27分，效益指标权重30分、得分24分。",
        "项目总投资1,250.00万元，其中中央资金1000万元、市级资金240万元，其余为区级配套资金。", "共拨付资金2,000万元，其中拨付甲街道1,200万元、乙街道790万元等。",
        "全年培训1008人次，其中农民工600人次，退役军人399人次，另有9人次为其他人员。", "新建监测井100眼，其中深层井60眼，浅层井39眼，另1眼因选址调整改为观测孔。",
    ]  # fmt: skip
    for text in partial:
        assert "CT702" not in findings(tmp_path, text + "\n"), text


def test_counts_in_words_ordinals_and_numbered_buildings_in_a_total(tmp_path: Path):
    mixed = "全年新建公厕三座、改建公厕12座、提升公厕5座，共计{}座。\n\n新建两座泵站、改造3座泵站、拆除2座泵站，合计{}座。\n"
    assert "CT702" not in findings(tmp_path, mixed.format(20, 7))
    assert [f.expected for f in findings(tmp_path, mixed.format(21, 8))["CT702"]] == ["20座", "7座"]
    numbered = ("对小区1栋、3栋、5栋住宅楼进行外墙保温改造，共计改造住宅楼3栋。对3幢、7幢进行屋面防水维修，合计2幢。\n\n"
                "项目档案第1册至第12册合计12册，已全部归档。第3眼、第5眼监测井出现淤堵，合计2眼已完成洗井。\n")  # fmt: skip
    assert "CT702" not in findings(tmp_path, numbered)


def test_bonuses_of_another_year_a_base_before_its_bonus_and_a_score_difference(tmp_path: Path):
    table = "\n| 一级指标 | 权重 | 得分 |\n|---|---|---|\n| 决策 | 40 | 37 |\n| 产出 | 60 | 52 |\n| 合计 | 100 | 89 |\n"
    last_year = "项目综合得分89分，评价等级为“良”。\n\n上年度该项目基础得分85分，加分项加2分，综合得分87分。\n"
    assert findings(tmp_path, last_year + table) == {}
    base_first = "项目评价得分89分，另因获评省级示范项目加2分，最终得分{}分，等级为“优”。\n"
    assert findings(tmp_path, base_first.format(91) + table) == {}
    assert [f.expected for f in findings(tmp_path, base_first.format(92) + table)["TT203"]] == ["91分"]
    added = "评分表合计89分，加上创新加分1.5分，项目最终得分90.5分，等级为“优”。\n"
    assert findings(tmp_path, added + table) == {}
    assert "GR401" not in findings(tmp_path, "本项目自评得分96分，高于评价组得分7分，评价组最终评定等级为“良”。\n")


def test_names_joined_by_he_and_unit_prices_in_headers(tmp_path: Path):
    assert "CT701" not in findings(tmp_path, "决策指标共设置3个二级指标，分别为项目立项、绩效目标和资金投入。\n")
    prices = ("| 街道 | 户数 | 单位造价（元/平方米） | 每户补助（元） |\n|---|---|---|---|\n| 甲街道 | 100 | 1200 | 3000 |\n"
              "| 乙街道 | 50 | 1200 | 3000 |\n| 合计 | 150 | 1200 | 3000 |\n")  # fmt: skip
    assert findings(tmp_path, prices) == {}
    assert [f.expected for f in findings(tmp_path, prices.replace("| 150 |", "| 160 |"))["TT201"]] == ["150"]


def test_a_wrong_detail_table_row_is_named_with_data_and_its_correct_total_is_not_blamed(tmp_path: Path):
    from drafter.markdown_writer import to_markdown
    from drafter.render import render_report
    from project_file import load_project

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_command_center.yaml"
    evaluation = load_project(fixture)
    clean = to_markdown(render_report(evaluation))
    row = "| 杭州众诚咨询监理有限公司 | 24.09 | 23.60 |  | 18.88 | 4.72 |"
    assert row in clean
    path = tmp_path / "r.md"

    def check(text: str, data) -> list:
        path.write_text(text, encoding="utf-8")
        return [f for f in check_document(read_document(path), data=data) if f.severity.value == "error"]

    assert check(clean, evaluation) == []
    slipped = clean.replace(row, row.replace("4.72", "4.27"))
    [without] = check(slipped, None)
    # alone, the table tells the cell by its two swapped digits (the prose gives the 合计 too, so a row is off)
    assert (without.rule, without.expected, without.found) == ("TT201", "4.72", "4.27")
    [unswapped] = check(clean.replace(row, row.replace("4.72", "4.82")), None)
    assert (unswapped.rule, unswapped.expected, unswapped.found) == ("TT201", "168.91", "169.01")
    [named] = check(slipped, evaluation)
    assert named.rule == "DT1003" and named.found == "4.27" and named.expected == "4.72" and "监理" in named.message
    total = clean.replace("| 675.94 | 168.91 |", "| 675.94 | 168.19 |")
    [stale] = check(total, evaluation)
    assert stale.rule == "DT1003" and stale.found == "168.19" and "合计行" in stale.message


def test_parts_that_add_up_to_more_than_their_whole_are_reported(tmp_path: Path):
    slipped = BREAKDOWN_TABLE.replace("| | 存储设备 | 40.00 | 39.00 |", "| | 存储设备 | 50.00 | 39.00 |")
    [excess] = findings(tmp_path, slipped)["TT201"]
    assert excess.found == "100.00" and "设备购置费" in excess.message and "分项" in excess.message
    prose = "项目总投资1000万元，其中：财政资金600万元，自筹资金{}万元。\n"
    [wrong] = findings(tmp_path, prose.format(500))["CT702"]
    assert wrong.found == "1000万元" and wrong.expected == "1100万元"
    assert "CT702" not in findings(tmp_path, prose.format(400))
    quiet = (
        "项目总投资1000万元，其中本年度投资800万元，累计完成投资900万元。\n\n"
        "项目预算100万元，其中设备60万元，实际支出55万元。\n\n"
        "总体满意度95%，其中居民满意度96%，商户满意度94%。\n\n"
        "项目预算100万元，其中2023年60万元，2024年50万元。\n"
    )
    assert "CT702" not in findings(tmp_path, quiet)


def test_funding_wordings_that_do_not_change_the_budget(tmp_path: Path):
    """A fourth review: year-on-year changes, carried-over funds, adjusted budgets and savings in correct paragraphs."""
    correct = [
        "项目2022年预算550万元，同比增加50万元，实际到位550万元，资金到位率100%。",
        "项目2022年预算550万元，比2021年增加50万元，实际到位550万元，资金到位率100%。",
        "项目2022年预算550万元，同比减少50万元，实际到位550万元，资金到位率100%。",
        "项目资金总额500万元，其中2021年结转资金120万元，2022年新增预算资金380万元。截至年底，实际到位资金500万元，资金到位率100%。",
        "2022年预算安排资金380万元，加上2021年结转资金120万元，合计可用资金500万元，实际到位500万元，资金到位率100%。",
        "项目年初预算500万元，实际支出480万元，较预算减少20万元，节约率4%。",
        "项目年初预算500万元，调整预算450万元，实际到位资金450万元，资金到位率100%。",
        "项目预算500万元，实际到位500万元，实际支出近450万元，预算执行率89.6%。",
        "其中决策指标权重20分，得分17分，得分率85%，过程指标权重20分，得分18分，得分率90%。",
    ]
    for text in correct:
        assert "RT301" not in findings(tmp_path, text + "\n"), text
    wrong = "项目2022年预算550万元，同比增加50万元，实际到位500万元，资金到位率100%。\n"
    assert [f.expected for f in findings(tmp_path, wrong)["RT301"]] == ["90.91%"]
    assert [f.expected for f in findings(tmp_path, correct[-1].replace("得分率90%", "得分率95%") + "\n")["RT301"]] == ["90%"]


def test_another_years_amount_and_the_budget_before_an_adjustment_are_other_quantities(tmp_path: Path):
    text = "本年度实际支出452万元，上年度实际支出450万元，同比增长0.44%。\n"
    assert "UN501" not in findings(tmp_path, text)
    assert "UN501" in findings(tmp_path, "本年度实际支出452万元。\n\n截至年底，本年度实际支出450万元。\n")
    adjusted = "项目年初预算180万元，年中调减至100万元，实际到位100万元，资金到位率100%；实际支出90万元，预算执行率90%。\n"
    assert "DT1003" not in _with_data(tmp_path, adjusted)
    assert "DT1003" in _with_data(tmp_path, adjusted.replace("调减至100万元，实际到位100万元", "调减至110万元，实际到位100万元"))


def test_ranges_rounded_totals_and_the_audit_totals_after_per_lot_figures(tmp_path: Path):
    assert "CT702" not in findings(tmp_path, "单个项目资助金额3万元至10万元不等，合计260万元。\n")
    rooms = "完成大厅（195平方米）、会商室（68平方米）、值班室（52平方米）及机房（14平方米）的建设，合计{}平方米。\n"
    assert "CT702" not in findings(tmp_path, rooms.format("约330"))
    assert "CT702" in findings(tmp_path, rooms.format("330"))
    lots = ("一标段送审金额500万元，审定金额450万元；二标段送审金额300万元，审定金额280万元；"
            "合计送审金额800万元，审定金额730万元，核减金额{}万元。\n")  # fmt: skip
    assert "CT702" not in findings(tmp_path, lots.format(70))
    assert [f.expected for f in findings(tmp_path, lots.format(60))["CT702"]] == ["70万元"]


APPENDIX_REPORT = """\
**某项目绩效评价报告**

## 一、项目基本情况

A11立项依据充分性，权重20分，得分16分。项目立项依据较充分。

## 二、综合评价情况及评价结论

本项目综合评价得分86分，绩效评级为“良”。

附件1：绩效评价指标体系及评分表

## 一、评分说明

| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|---|
| 决策 | A1项目立项 | A11立项依据充分性 | 20 | 16 |
| 过程 | B1资金管理 | B11资金到位率 | 20 | 18 |
| 产出 | C1产出数量 | C11实际完成率 | 40 | 34 |
| 效益 | D1社会效益 | D11群众满意度 | 20 | 18 |
| 合计 | | | 100 | 86 |
"""


def test_an_appendix_numbered_from_一_again_stays_with_its_report(tmp_path: Path):
    assert findings(tmp_path, APPENDIX_REPORT) == {}
    [prose] = findings(tmp_path, APPENDIX_REPORT.replace("| 20 | 16 |", "| 20 | 17 |").replace("| 100 | 86 |", "| 100 | 87 |"))["SC101"]
    assert prose.location.report is None and "16" in prose.message  # one report: the appendix table is its own
    survey = APPENDIX_REPORT.split("附件1")[0] + "附件2：满意度调查报告\n\n## 一、调查结果\n\n受访群众综合满意度得分为92.5分，评价结果为“优”。\n"
    assert "GR401" not in findings(tmp_path, survey)


def test_expert_tables_and_a_compilations_list_of_totals_are_not_the_reports_total(tmp_path: Path):
    expert = "| 一级指标 | 权重 | 专家评分 |\n|---|---|---|\n| 决策 | 50 | {} |\n| 过程 | 50 | 40 |\n| 合计 | 100 | {} |\n"
    text = ("**某项目绩效评价报告**\n\n## 一、综合评价情况及评价结论\n\n本项目综合评价得分86分（三位专家评分的平均值），绩效评级为“良”。\n\n"
            "附件2：专家个人评分表\n\n专家一评分表\n\n" + expert.format(48, 88) + "\n专家二评分表\n\n" + expert.format(44, 84))  # fmt: skip
    assert "TT203" not in findings(tmp_path, text)
    compilation = (
        "**2023年度重点项目绩效评价结果汇编**\n\n2023年度共对2个项目开展重点绩效评价，其中甲项目综合评价得分86分，乙项目综合评价得分72分。\n\n"
        "**甲项目绩效评价报告**\n\n## 一、综合评价情况及评价结论\n\n本项目综合评价得分86分，绩效评级为“良”。\n\n"
        "**乙项目绩效评价报告**\n\n## 一、综合评价情况及评价结论\n\n本项目综合评价得分72分，绩效评级为“中”。\n"
    )
    assert findings(tmp_path, compilation) == {}
    slip = compilation.replace("绩效评级为“中”。\n", "绩效评级为“中”。\n\n综上，该项目总得分74分。\n")
    assert [f.location.report for f in findings(tmp_path, slip)["TT203"]] == ["第2篇《乙项目绩效评价报告》"]


def test_enumerations_ending_with_和_and_counts_written_with_两(tmp_path: Path):
    text = "评价组从决策、过程、产出和效益{}个方面对项目进行了评价。\n"
    assert "CT701" not in findings(tmp_path, text.format("四"))
    assert "CT701" not in findings(tmp_path, text.format("三"))  # “产出和效益” may be read as one item
    assert [f.expected for f in findings(tmp_path, text.format("五"))["CT701"]] == ["四"]
    for wording in ("从资金到位率、预算执行率、支付及时性三个方面", "包括知晓率、满意度、参与度三个方面", "包括前端感知、网络传输、运行与维护三个部分"):
        assert "CT701" not in findings(tmp_path, f"评价组{wording}进行了核查。\n"), wording
    table = "共设置两个二级指标。\n\n| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| A1立项 | A11依据 | 5 | 5 |\n| A2目标 | A21目标 | 5 | 4 |\n| A3投入 | A31预算 | 5 | 5 |\n"
    assert [f.found for f in findings(tmp_path, table)["CT701"]] == ["两"]


def test_a_funding_table_continued_on_the_next_page_adds_up_with_its_first_part(tmp_path: Path):
    header = "| 序号 | 支出内容 | 预算金额 | 实际支出 |\n|---|---|---|---|\n"
    text = ("表1 项目支出明细表\n\n" + header + "| 1 | 设备购置费 | 60.00 | 60.00 |\n\n续表1\n\n" + header
            + "| 2 | 安装调试费 | 35.00 | 35.00 |\n| 合计 | | 95.00 | {} |\n")  # fmt: skip
    assert "TT201" not in findings(tmp_path, text.format("95.00"))
    [slip] = findings(tmp_path, text.format("96.00"))["TT201"]
    assert slip.expected == "95.00" and slip.found == "96.00"


LEVEL1_OVERVIEW = "| 指标 | 权重 | 得分 |\n|---|---|---|\n| 决策 | 20 | 18 |\n| 过程 | 40 | 36 |\n| 产出 | 40 | 34 |\n| 合计 | 100 | 88 |\n\n"


def test_level1_subtotals_written_in_other_common_ways(tmp_path: Path):
    wordings = [
        "## （三）项目产出\n\n产出指标，权重40分，得分{}分。\n",
        "## （三）项目产出\n\n该部分指标权重40分，得分{}分。\n",
        "## （三）项目产出\n\n产出指标（权重40分）得分{}分。\n",
    ]
    for wording in wordings:
        assert "TT202" not in findings(tmp_path, LEVEL1_OVERVIEW + wording.format(34)), wording
        assert [f.found for f in findings(tmp_path, LEVEL1_OVERVIEW + wording.format(35))["TT202"]], wording


def test_thousands_of_yuan_investment_completion_negative_cells_and_figures_as_written(tmp_path: Path):
    rate = "项目预算5,000千元，实际到位5,000千元，实际支出4,500千元，预算执行率{}%。\n"
    assert "RT301" not in findings(tmp_path, rate.format(90))
    assert [f.expected for f in findings(tmp_path, rate.format(95))["RT301"]] == ["90%"]
    invest = "计划投资500万元，实际完成投资450万元，投资完成率{}%。\n"
    assert "RT301" not in findings(tmp_path, invest.format(90))
    assert [f.expected for f in findings(tmp_path, invest.format(95))["RT301"]] == ["90%"]
    table = "| 项目 | 金额 |\n|---|---|\n| 收入 | 10.00 |\n| 结余调整 | －30.00 |\n| 退回 | (0.00) |\n| 合计 | {} |\n"
    assert "TT201" not in findings(tmp_path, table.format("－20.00"))
    assert [f.expected for f in findings(tmp_path, table.format("－25.00"))["TT201"]] == ["-20.00"]
    written = "| 项目 | 金额（元） |\n|---|---|\n| 甲 | 1,000,000.00 |\n| 乙 | 400,000.00 |\n| 合计 | 1,350,000.00 |\n"
    [slip] = findings(tmp_path, written)["TT201"]
    assert slip.found == "1,350,000.00" and "写1,350,000.00" in slip.message


def test_an_amount_written_with_万_alone_is_read_in_万元(tmp_path: Path):
    text = "项目预算500万元，实际到位500万元，实际支出450万，预算执行率{}%。\n\n项目覆盖人口20万，受益群众满意度95%。\n"
    assert findings(tmp_path, text.format(90)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(95))["RT301"]] == ["90%"]


FIFTH_REVIEW_QUIET = [
    "年度计划资金300万元，实际到位资金300万元，实际支出240万元，项目建设任务完成率100%。",
    "项目计划总投资1,200万元，截至2021年底累计完成投资900万元，其中本年度完成投资300万元，累计投资完成率75%。",
    "2021年度预算安排资金300万元，占项目三年资金总额1,000万元的30%，实际到位资金300万元，资金到位率100%。",
    "项目预算200万元，截至2021年底区财政累计拨付资金总额160万元，实际支出150万元，预算执行率75%。",
    "项目年初预算400万元，其中人员经费100万元、项目经费300万元，年中追加50万元，调整后预算450万元，实际到位资金450万元，资金到位率100%。",
    "项目年初预算200万元，年中因工程量较大追加预算50万元，实际到位资金250万元，资金到位率100%。",
    "项目产出类指标权重24分，其中数量指标权重8分、质量指标8分、时效指标8分，实际得分24分，得分率100%。",
    "项目年初预算200万元，年中调整预算30万元用于增加监控点位，实际到位资金200万元，资金到位率100%。",
]


def test_fifth_review_funding_wordings(tmp_path: Path):
    for text in FIFTH_REVIEW_QUIET:
        assert "RT301" not in findings(tmp_path, text + "\n"), text
    count = "项目年初计划建设智慧安防小区21个，计划投资500万元，实际完成建设小区20个，完成率100%。\n"
    assert [f.expected for f in findings(tmp_path, count)["RT301"]] == ["95.24%"]


def test_an_adjustment_of_unknown_direction_and_a_detail_table_in_tenths(tmp_path: Path):
    moved = "项目年初预算500万元，年中调整预算30万元用于增加监控点位，实际到位资金530万元，资金到位率100%。\n"
    assert "RT301" not in findings(tmp_path, moved)
    from checkers.detail_vs_data import _same

    assert _same(Decimal("798.5"), Decimal("798.46")) and not _same(Decimal("798.4"), Decimal("798.46"))
    assert _same(Decimal("798.460"), Decimal("798.46"))


def test_in_a_compilation_the_data_is_compared_with_its_own_report_only(tmp_path: Path):
    report = "**{}绩效评价报告**\n\n## 一、项目基本情况\n\n项目预算{}万元，实际到位{}万元，资金到位率100%。\n\n"
    text = report.format("示例项目", 100, 100) + report.format("另一项目", 300, 300)
    found = _with_data(tmp_path, text)
    assert "DT1003" not in found  # the other project's 300万元 is not compared with 示例项目's 100万元
    assert {f.location.report for group in found.values() for f in group} <= {"第1篇《示例项目绩效评价报告》"}
    slip = _with_data(tmp_path, report.format("示例项目", 120, 120) + report.format("另一项目", 300, 300))
    assert [f.location.report for f in slip["DT1003"]] == ["第1篇《示例项目绩效评价报告》"] * len(slip["DT1003"])


def test_indicator_openings_with_a_scoring_note_between_weight_and_score(tmp_path: Path):
    table = "| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| A1项目立项 | A11立项依据充分性 | 5 | 4.5 |\n| 合计 | | 5 | 4.5 |\n\n"
    for opening in ("A11立项依据充分性，权重5分，按权重的80%计分，得分4分。", "A11立项依据充分性，权重5分，得分率80%，得4分。"):
        [slip] = findings(tmp_path, table + opening + "\n")["SC101"]
        assert "得分4分" in slip.message and "4.5" in slip.message, opening
        assert "SC101" not in findings(tmp_path, table + opening.replace("80%", "90%").replace("4分", "4.5分") + "\n")


def test_the_data_goes_to_the_report_whose_title_names_the_project(tmp_path: Path):
    from checkers.engine import reports_for_data
    from checkers.rules.base import MINI_DATA
    from checkers.segments import split_reports
    from project_file import load_project

    project = tmp_path / "p.yaml"
    project.write_text(MINI_DATA.replace("name: 示例项目", 'name: \'示例"智慧"项目(二期)\''), encoding="utf-8")
    data = load_project(project)
    text = ("**示例“智慧”项目（二期）绩效评价报告**\n\n## 一、项目基本情况\n\n项目预算100万元。\n\n"
            "**另一项目绩效评价报告**\n\n## 一、项目基本情况\n\n本项目参照示例“智慧”项目（二期）的做法实施。\n")  # fmt: skip
    path = tmp_path / "c.md"
    path.write_text(text, encoding="utf-8")
    assert reports_for_data(split_reports(read_document(path)), data) == {1}


def test_rates_and_amounts_written_in_chinese_numerals_are_recomputed(tmp_path: Path):
    wrong = "项目预算三百万元，实际到位二百八十五万元，资金到位率为百分之九十。\n"
    [finding] = findings(tmp_path, wrong)["RT301"]
    assert finding.expected == "95%" and finding.found == "90%"
    assert findings(tmp_path, wrong.replace("百分之九十。", "百分之九十五。")) == {}
    assert findings(tmp_path, "项目预算300万元，实际到位三百万元，资金到位率100%。\n") == {}


SCORE_FIRST = """\
# 一、评价指标分析

| 指标 | 权重 | 得分 |
|---|---|---|
| B14运转程序规范性 | 4 | 3 |
| 预算执行率 | 2 | 1.5 |
| 合计 | 6 | 4.5 |

B14运转程序规范性，得分3分（满分4分）。部分会议记录不全，扣1分，该指标得3分。

“预算执行率”指标（得分1.5分，分值2分）。执行率75%，扣0.5分，该指标得1.5分。
"""


def test_indicator_openings_giving_the_score_before_the_weight(tmp_path: Path):
    assert findings(tmp_path, SCORE_FIRST) == {}
    [table] = findings(tmp_path, SCORE_FIRST.replace("得分3分（满分4分）", "得分2分（满分4分）"))["SC101"]
    assert (table.expected, table.found) == ("权重4分，得分3分", "权重4分，得分2分")
    wrong = findings(tmp_path, SCORE_FIRST.replace("（得分1.5分，分值2分）", "（得分1分，分值2分）"))
    assert "SC101" in wrong and "SC102" not in wrong  # (the table and the closing agree: the opening alone is named)


LISTED = """\
# 一、综合评价结论

经评价，项目综合评价得分91分，评价等级为“优”。其中，决策、过程、产出、效益四类指标权重分别为20分、20分、30分、30分，得分分别为17分、18分、27分、29分，得分率分别为85%、90%、90%、96.67%。

| 一级指标 | 权重 | 得分 |
|---|---|---|
| 决策 | 20 | 17 |
| 过程 | 20 | 18 |
| 产出 | 30 | 27 |
| 效益 | 30 | 29 |
| 合计 | 100 | 91 |
"""


def test_several_level1_figures_given_respectively(tmp_path: Path):
    assert findings(tmp_path, LISTED) == {}
    [subtotal] = findings(tmp_path, LISTED.replace("27分、29分", "27分、28分").replace("96.67%", "93.33%"))["TT202"]
    assert "效益指标小计" in subtotal.message and (subtotal.expected, subtotal.found) == ("权重30分，得分29分", "权重30分，得分28分")
    [rate] = findings(tmp_path, LISTED.replace("96.67%", "90%"))["RT301"]
    assert "“效益”得分率" in rate.message and rate.expected == "96.67%"
    unpaired = LISTED.replace("得分分别为17分、18分、27分、29分", "得分分别为17分、18分、27分")  # three scores, four names
    assert "TT202" not in findings(tmp_path, unpaired) and "RT301" not in findings(tmp_path, unpaired)
    last_year = LISTED.replace("其中，决策", "上年度决策").replace("27分、29分", "27分、20分")
    assert "TT202" not in findings(tmp_path, last_year)


def test_a_typed_table_of_contents_is_neither_headings_nor_a_second_report(tmp_path: Path):
    text = ("某项目绩效评价报告\n目  录\n一、项目基本情况 1\n（一）项目概况 1\n二、绩效评价工作开展情况 3\n三、综合评价结论 5\n"
            "一、项目基本情况\n（一）项目概况\n项目预算100万元，实际到位90万元，资金到位率95%。\n二、绩效评价工作开展情况\n三、综合评价结论\n")  # fmt: skip
    [rate] = findings(tmp_path, text, "r.txt")["RT301"]
    assert rate.location.report is None and rate.location.section.startswith("一（一）")
    document = read_document(tmp_path / "r.txt")
    assert [p.text for p in document.paragraphs if p.heading_level == 1] == [
        "一、项目基本情况", "二、绩效评价工作开展情况", "三、综合评价结论",
    ]  # fmt: skip


def test_a_bound_is_not_a_sum(tmp_path: Path):
    """“合计不足330平方米”, like “合计约330平方米”, gives no exact total to add the parts up to."""
    for bound in ("合计约330平方米", "合计不足330平方米", "合计接近330平方米", "合计330平方米左右"):
        assert "CT702" not in findings(tmp_path, f"改造了四处用房，分别为195平方米、68平方米、52平方米和14平方米，{bound}。\n"), bound
    assert "CT702" in findings(tmp_path, "改造了四处用房，分别为195平方米、68平方米、52平方米和14平方米，合计330平方米。\n")


def test_a_detail_table_in_元_is_compared_with_data_in_万元(tmp_path: Path):
    import re

    from drafter.markdown_writer import to_markdown
    from drafter.render import render_report
    from project_file import load_project

    evaluation = load_project(Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_command_center.yaml")
    lines = to_markdown(render_report(evaluation)).split("\n")
    start = lines.index("| 序号 | 名称 | 承建单位 | 总预算 | 中标价 | 审定价 | 已支付金额 | 2020年支付金额 | 备注 |")
    assert lines[start - 2] == "单位：万元"
    lines[start - 2] = "单位：元"
    end = start
    while lines[end + 1].startswith("|"):
        end += 1
    for k in range(start + 2, end + 1):  # every figure column in 元; the 备注 column as it is
        cells = lines[k].split(" | ")
        cells[3:-1] = [f"{Decimal(c) * 10000:,.2f}" if re.fullmatch(r"\d+(?:\.\d+)?", c) else c for c in cells[3:-1]]
        lines[k] = " | ".join(cells)
    in_yuan = "\n".join(lines)
    assert "| 236,000.00 | " in in_yuan
    path = tmp_path / "r.md"
    path.write_text(in_yuan.replace("| 236,000.00 | ", "| 237,000.00 | "), encoding="utf-8")
    found = [f for f in check_document(read_document(path), data=evaluation) if f.rule == "DT1003"]
    assert [(f.found, f.expected) for f in found] == [("237,000.00", "236000")] and "监理" in found[0].message
    path.write_text(in_yuan, encoding="utf-8")
    assert not [f for f in check_document(read_document(path), data=evaluation) if f.rule == "DT1003"]


def test_products_with_thousands_separators(tmp_path: Path):
    for text in ("新建生态停车场1,200平方米（长40米×宽30米），配套建设公共卫生间2座。",
                 "完成铺装面积3,750平方米（长1,500米×宽2.5米），项目绩效良好。"):  # fmt: skip
        assert "CT703" not in findings(tmp_path, text + "\n"), text
    [slip] = findings(tmp_path, "新建生态停车场1,300平方米（长40米×宽30米），项目绩效良好。\n")["CT703"]
    assert slip.expected == "1,200平方米"


def test_another_year_and_a_source_own_rates_are_not_recomputed_on_this_year_project_amounts(tmp_path: Path):
    for text in ("项目实际到位资金300万元，实际支出285万元，预算执行率95%，较上年提高5个百分点。2022年该项目预算执行率为90%。",
                 "项目实际到位资金300万元，实际支出285万元，预算执行率95%。上年同期该项目预算执行率为85.6%。",
                 "项目预算300万元，其中市级资金200万元、区级资金100万元，已全部拨付到位，资金到位率100%。截至年底实际支出270万元，"
                 "预算执行率90%。其中市级资金支出190万元，执行率95%；区级资金支出80万元，执行率80%。"):  # fmt: skip
        assert "RT301" not in findings(tmp_path, text + "\n"), text
    titled = "**2023年度示例项目绩效评价报告**\n\n项目实际到位资金300万元，实际支出285万元。2023年项目预算执行率为90%。\n"
    assert [f.expected for f in findings(tmp_path, titled)["RT301"]] == ["95%"]  # the report's own year


def test_a_cut_summed_over_several_sections(tmp_path: Path):
    text = ("项目一标段送审金额860.00万元，审定金额812.00万元，核减48.00万元；二标段送审金额420.00万元，审定金额401.00万元，"
            "核减19.00万元；两个标段合计核减67.00万元，核减率5.23%。\n")  # fmt: skip
    assert findings(tmp_path, text) == {}
    assert "CT702" in findings(tmp_path, text.replace("核减19.00万元", "核减18.00万元"))


def test_two_phases_amounts_are_two_quantities(tmp_path: Path):
    text = "项目分两期实施，一期实际支出291.6万元，二期实际支出291.2万元，两期合计支出582.8万元，预算执行率97.13%，预算600万元，实际到位600万元。\n"
    assert "UN501" not in findings(tmp_path, text)
    again = "项目送审金额2,945.51万元。\n\n经审核，项目送审金额2,945.52万元，项目绩效良好。\n"
    assert "UN501" in findings(tmp_path, again)


def test_a_deduction_made_under_another_indicator(tmp_path: Path):
    text = ("B22资金使用合规性，权重5分，得分5分。\n\n项目资金支付审批手续齐全。前述合同签订滞后问题已在B14运转程序规范性指标中扣1分，"
            "本指标不重复扣分。根据相关评分标准，该指标得5分。\n")  # fmt: skip
    assert "SC103" not in findings(tmp_path, text)
    assert "SC103" in findings(tmp_path, text.replace("前述合同签订滞后问题已在B14运转程序规范性指标中扣1分，本指标不重复扣分。", "合同签订滞后，扣1分。"))


def test_indicator_openings_with_a_full_stop_or_no_comma_before_the_score(tmp_path: Path):
    closing = "绩效目标与实际工作内容相关性不足，该指标得2.5分。\n"
    for opening in ("A21绩效目标合理性。权重3分，得分2分。", "A21绩效目标合理性得分2分（满分3分）。"):
        [slip] = findings(tmp_path, opening + closing)["SC102"]
        assert (slip.expected, slip.found) == ("2分", "2.5分"), opening
        assert "SC102" not in findings(tmp_path, opening + closing.replace("2.5分", "2分")), opening


def test_more_wordings_of_the_total_and_the_grade(tmp_path: Path):
    head = "# 一、综合评价结论\n\n"
    for sentence in ("本项目绩效评价得分89.5分，绩效评价等级为“优”。", "本项目得分89.5分，评价等级为“优”。",
                     "本项目综合评价得分89.5分，属于“优”等级。", "项目综合评价得分89.5分，评定为优秀等次。"):  # fmt: skip
        [grade] = findings(tmp_path, head + sentence + "\n")["GR401"]
        assert grade.expected == "良", sentence
        assert findings(tmp_path, head + sentence.replace("89.5", "90.5") + "\n") == {}, sentence
    two = head + "本项目综合评价得分85.6分，绩效评价等级为“良”。\n\n综上，本项目绩效评价得分85.8分。\n"
    assert [f.found for f in findings(tmp_path, two)["TT203"]] == ["85.8分"]


def test_totals_after_a_verb_and_其中_lists_followed_by_other_clauses(tmp_path: Path):
    paid = "项目资金分别支付60万元、90万元、45万元，合计支付{}万元，预算执行率100%。\n"
    assert [f.expected for f in findings(tmp_path, paid.format(205))["CT702"]] == ["195万元"]
    assert "CT702" not in findings(tmp_path, paid.format(195))
    batches = "项目预算300万元，截至年底分两批拨付，第一批拨付180万元，第二批拨付{}万元，共计拨付300万元。\n"
    assert [f.expected for f in findings(tmp_path, batches.format(110))["CT702"]] == ["290万元"]  # not the 预算
    assert "CT702" not in findings(tmp_path, batches.format(120))
    among = "项目当年预算300万元，其中基本建设资金200万元，运维经费{}万元，实际到位300万元。\n"
    assert [f.expected for f in findings(tmp_path, among.format(101))["CT702"]] == ["301万元"]
    assert "CT702" not in findings(tmp_path, among.format(100))
    bracket = "项目实际支出270万元（其中支付工程款240万元、监理费18万元、设计费{}万元），预算300万元，实际到位300万元，预算执行率90%。\n"
    assert [f.expected for f in findings(tmp_path, bracket.format(13))["CT702"]] == ["271万元"]
    assert "CT702" not in findings(tmp_path, bracket.format(12))


def test_the_third_level_count_that_follows_the_second_level_one(tmp_path: Path):
    table = ("| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| A1项目立项 | A11立项依据充分性 | 3 | 3 |\n"
             "| | A12立项程序规范性 | 3 | 3 |\n| A2绩效目标 | A21绩效目标合理性 | 5 | 4 |\n| | A22绩效指标明确性 | 4 | 3.5 |\n"
             "| 合计 | | 15 | 13.5 |\n")  # fmt: skip
    for words in ("，下设{}个三级指标", "、{}个三级指标", "和{}个三级指标"):
        text = "# （一）项目决策情况\n\n决策指标权重15分，得分13.5分。共设置2个二级指标" + words + "。\n\n" + table
        assert [f.expected for f in findings(tmp_path, text.format(5))["CT701"]] == ["4"], words
        assert findings(tmp_path, text.format(4)) == {}, words


def test_rates_written_as_formulas(tmp_path: Path):
    for text, expected in (
        ("本年度实际到位资金320万元，实际支出287.6万元，预算执行率（实际支出÷到位资金）=287.6÷320={}%。", "89.88%"),
        ("预算资金500万元，到位资金450万元，资金到位率=450/500×100%={}%。", "90%"),
        ("预算资金500万元，到位资金450万元，资金到位率=到位资金/预算资金×100%={}%。", "90%"),
        ("项目预算资金300万元，实际到位300万元，资金到位率100%；实际支出285万元，预算执行率为：285÷300={}%。", "95%"),
    ):
        assert [f.expected for f in findings(tmp_path, text.format(98) + "\n")["RT301"]] == [expected], text
        assert "RT301" not in findings(tmp_path, text.format(expected.rstrip("%")) + "\n"), text


def test_rate_columns_of_a_table_are_recomputed_row_by_row(tmp_path: Path):
    table = ("# 一、项目资金\n\n| 序号 | 支出内容 | 预算数 | 实际支出 | 执行率 |\n|---|---|---|---|---|\n"
             "| 1 | 设备购置 | 200.00 | 192.00 | 96.00% |\n| 2 | 工程施工 | 80.00 | 76.00 | {}% |\n"
             "| 3 | 其他费用 | 20.00 | 17.00 | 85.00% |\n| | 合计 | 300.00 | 285.00 | 95.00% |\n")  # fmt: skip
    [slip] = findings(tmp_path, table.format("97.00"))["RT301"]
    assert (slip.expected, slip.found) == ("95.00%", "97.00%") and slip.location.row == 3
    assert findings(tmp_path, table.format("95.00")) == {}
    received = ("# 一、项目资金\n\n| 资金来源 | 预算数 | 到位数 | 实际支出 | 到位率（%） | 执行率（%） |\n|---|---|---|---|---|---|\n"
                "| 市级 | 200 | 180 | 171 | 90.00 | {} |\n| 合计 | 200 | 180 | 171 | 90.00 | 95.00 |\n")  # fmt: skip
    assert findings(tmp_path, received.format("95.00")) == {}  # 171 ÷ 180
    assert findings(tmp_path, received.format("85.50")) == {}  # 171 ÷ 200: the other base, left to the prose rule
    assert [f.expected for f in findings(tmp_path, received.format("80.00"))["RT301"]] == ["95.00%"]


def test_deductions_in_the_analysis_when_the_closing_gives_none(tmp_path: Path):
    one = "A21绩效目标合理性，权重3分，得分2分。绩效目标与实际工作内容相关性不足，扣{}分。\n"
    assert [f.expected for f in findings(tmp_path, one.format("0.5"))["SC103"]] == ["扣1分"]
    assert findings(tmp_path, one.format("1")) == {}
    summed = ("B14运转程序规范性，权重4分，得分3分。\n\n项目开工日期早于合同签订日期，扣0.5分；培训记录日期填写错误，扣0.5分；"
              "共扣{}分。根据相关评分标准，该指标得3分。\n")  # fmt: skip
    assert [f.found for f in findings(tmp_path, summed.format("1.5"))["SC103"]] == ["扣1.5分"]
    assert findings(tmp_path, summed.format("1")) == {}
    several = "A11立项依据充分性，权重3分，得分2分。依据不足，扣0.5分；论证不充分，扣{}分。\n"
    assert findings(tmp_path, several.format("0.5")) == {}
    assert "SC103" in findings(tmp_path, several.format("1"))
    assert "SC103" in findings(tmp_path, "B15绩效自评合理性，权重3分，得分2.5分。自评报告不完整，扣减1分，该指标得2.5分。\n")
    rule = "A21绩效目标合理性，权重3分，得分2分。未按时完成的扣1分，逾期一个月以上的扣2分。目标设置不够细化，该指标得2分。\n"
    assert findings(tmp_path, rule) == {}  # scoring rules, not this indicator's deductions


def test_a_precise_small_amount_written_twice_slightly_differently(tmp_path: Path):
    text = "项目预算300万元，实际支出215.84万元，结余资金84.16万元。\n\n年末项目结余资金{}万元已上缴财政，绩效良好。\n"
    assert [f.expected for f in findings(tmp_path, text.format("84.18"))["UN501"]] == ["84.16万元"]
    assert findings(tmp_path, text.format("84.16")) == {}
    assert "UN501" not in findings(tmp_path, "监理费结余2.68万元，设计费结余2.69万元，绩效良好。\n")


def test_a_listed_count_without_a_lead_word(tmp_path: Path):
    text = "经现场核查，项目主要存在绩效目标不够细化、预算执行率偏低、资金支付不及时、长效管护机制不健全{}个方面的问题，评价得分良好。\n"
    [count] = findings(tmp_path, text.format("三"))["CT701"]
    assert count.expected == "四" and "（绩效目标不够细化、" in count.message
    assert findings(tmp_path, text.format("四")) == {}
    assert findings(tmp_path, "问题包括资料归档、验收管理等三个方面，评价得分良好。\n") == {}  # 等: not all listed


OTHERS_SCORES = (
    "项目下设三个子项目，其中雨污分流改造子项目得分92分，属于“优”等级。",
    "项目实施单位在2023年度区级部门整体绩效评价中被评定为优秀等次。",
    "项目负责人在年度绩效考核中被评为优秀等次。",
    "根据评分规则，综合得分90分（含）以上的评定为“优秀”等次，80分（含）至90分的评定为“良好”等次。",
    "经项目单位自评，本项目得分95分，自评等级为“优”。",
    "该项目2022年度绩效评价得分为82分，本年度较上年提升3.6分。",
    "项目主管部门区卫健委2023年度部门整体绩效评价得分92分，评价等级为“优”。",
    "本次评价采取专家评分法，专家甲评价得分为84分，专家乙评价得分为86分，取平均值后本项目综合评价得分85.6分。",
    "上年度该项目绩效评价等级为“优”，本年度有所下降。",
    "与同类项目对比，2023年区级同类项目“家庭医生签约服务”，该项目得分78分，评价等级为“中”。",
    "2022年，该项目得分82分，评价等级为“良”。",
)


def test_scores_and_grades_of_someone_else_are_not_the_report_total(tmp_path: Path):
    head = "# 2023年度社区卫生服务能力提升项目绩效评价报告\n\n本项目综合评价得分85.6分，绩效评价等级为“良”。\n\n"
    for sentence in OTHERS_SCORES:
        assert findings(tmp_path, head + sentence + "\n") == {}, sentence
    own = head + "经专家评议，该项目综合评价得分85.6分，绩效级别评定为“优”。\n"  # a panel's, the report's own
    assert [f.expected for f in findings(tmp_path, own)["GR401"]] == ["良"]


DEDUCTIONS_QUIET = (
    "B17合同管理规范性，权重4分，得分3分。\n\n经核查，有1份合同签订时间晚于开工时间，扣1分。\n\n综上所述，该指标扣1分，得3分。",
    "A11立项依据充分性，权重3分，得分3分。\n\n部分前期手续不完善的问题已在“立项程序规范性”指标中扣1分，本指标不再考虑。根据相关评分标准，该指标得3分。",
    "B16档案管理规范性，权重4分，得分3分。\n\n会议纪要未归档，扣0.5分；2份合同原件缺失，扣0.5分，共计扣1分。根据相关评分标准，该指标得3分。",
    "B17合同管理规范性，权重4分，得分3分。\n\n经核查，有2份合同签订时间晚于开工时间，各扣0.5分。根据相关评分标准，该指标得3分。",
    "B17合同管理规范性，权重4分，得分2.5分。\n\n2份合同签订晚于开工，1份合同未约定履约保证金，分别扣1分和0.5分。根据相关评分标准，该指标得2.5分。",
    "B22资金使用合规性，权重5分，得分5分。\n\n经抽查，资金使用符合财务管理制度，本项扣0分。根据相关评分标准，该指标得5分。",
    "A21绩效目标合理性，权重3分，得分2分。\n\n评分要点：绩效目标与项目内容不相关，扣1分；绩效指标未量化，扣1分；目标值明显偏低，扣1分。"
    "经核查，项目绩效指标未量化。根据相关评分标准，该指标得2分。",
)


def test_deductions_restated_given_per_item_elsewhere_or_as_rules(tmp_path: Path):
    for text in DEDUCTIONS_QUIET:
        assert findings(tmp_path, text + "\n") == {}, text
    applied = "B17合同管理规范性，权重4分，得分3分。\n\n经核查，有1份合同签订时间晚于开工时间，根据评分标准，扣0.5分。综上，该指标得3分。\n"
    assert [f.expected for f in findings(tmp_path, applied)["SC103"]] == ["扣1分"]
    restated = DEDUCTIONS_QUIET[0].replace("该指标扣1分", "该指标扣1.5分")
    assert [f.found for f in findings(tmp_path, restated + "\n")["SC103"]] == ["扣1.5分"]


def test_a_paid_total_is_not_added_up_from_the_budget_and_items_are_told_apart(tmp_path: Path):
    for text in ("项目预算170.86万元，实际到位170.86万元，合计支付168.91万元，预算执行率98.86%。",
                 "项目预算170.86万元，其中设备购置120万元、软件开发50.86万元，截至年底合计支付168.91万元。",
                 "项目预算300万元，分两批拨付：第一批180万元，第二批120万元，共计拨付300万元，资金到位率100%。",
                 "市级资金实际支出84.16万元，区级资金实际支出84.18万元，合计支出168.34万元，项目绩效良好。",
                 "设备购置费预算12.50万元。\n\n软件购置费预算12.52万元，项目绩效良好。",
                 "湖滨街道分配资金12.50万元。\n\n清波街道分配资金12.52万元，项目绩效良好。",
                 "东城片区新建道路1,250米，西城片区新建道路1,255米，道路建设绩效目标全面完成。",
                 "本次满意度调查居民问卷回收200份，商户问卷回收199份，项目预算300万元，资金到位率100%。"):  # fmt: skip
        assert findings(tmp_path, text + "\n") == {}, text
    slip = "项目预算300万元，分两批拨付：第一批180万元，第二批110万元，共计拨付300万元，资金到位率100%。\n"
    assert [f.expected for f in findings(tmp_path, slip)["CT702"]] == ["290万元"]


def test_a_contractor_grade_and_rate_columns_on_contract_or_adjusted_amounts(tmp_path: Path):
    head = "# 2023年度示例项目绩效评价报告\n\n本项目综合评价得分88.5分，绩效评价等级为“良”。\n\n"
    assert findings(tmp_path, head + "承建单位在区级服务商考核中得分95分，评定为优秀等次。\n") == {}
    tables = ("| 序号 | 合同名称 | 预算金额（万元） | 合同金额（万元） | 已支付金额（万元） | 执行率 |\n|---|---|---|---|---|---|\n"
              "| 1 | 设备采购 | 220 | 200 | 160 | 80% |\n| 合计 | | 220 | 200 | 160 | 80% |\n\n说明。\n\n"
              "| 资金来源 | 年初预算 | 调整预算 | 全年支出 | 预算执行率 |\n|---|---|---|---|---|\n| 区级 | 100 | 80 | 72 | 90% |\n\n说明。\n\n"
              "| 年度 | 计划投资 | 下达资金 | 到位资金 | 到位率 |\n|---|---|---|---|---|\n| 2022 | 100 | 80 | 80 | 100% |\n")  # fmt: skip
    assert findings(tmp_path, head + tables) == {}
    assert [f.expected for f in findings(tmp_path, head + tables.replace("| 72 | 90% |", "| 72 | 95% |"))["RT301"]] == ["90%"]


def test_lists_with_letters_long_items_or_brackets_and_the_overview_table(tmp_path: Path):
    for text in ("项目建设内容包括基站选址、5G网络覆盖优化、智慧管理平台搭建三个部分，绩效良好。",
                 "项目主要存在绩效目标设置不够细化、部分项目合同签订时间晚于开工时间、项目档案资料归集不完整三个方面的问题，评价得分良好。",
                 "评价组从项目决策（含立项、目标、投入）、过程、产出、效益四个方面开展绩效评价。"):  # fmt: skip
        assert findings(tmp_path, text + "\n") == {}, text
    overview = ("# 三、综合评价\n\n本次评价指标体系由决策、过程、产出、效益4个一级指标组成，共设置10个二级指标、22个三级指标。\n\n"
                "| 一级指标 | 权重 | 得分 |\n|---|---|---|\n| 决策 | 20 | 17 |\n| 过程 | 20 | 18 |\n| 产出 | 30 | 27 |\n"
                "| 效益 | 30 | 28 |\n| 合计 | 100 | 90 |\n")  # fmt: skip
    assert "CT701" not in findings(tmp_path, overview)


def test_formulas_of_several_steps_a_part_rate_listed_scores_and_unit_prices(tmp_path: Path):
    steps = "本年度实际到位资金320万元，实际支出300万元，预算执行率=实际支出÷实际到位×100%=300÷320×100%={}%。\n"
    assert [f.expected for f in findings(tmp_path, steps.format("95.75"))["RT301"]] == ["93.75%"]
    assert findings(tmp_path, steps.format("93.75")) == {}
    part = "项目预算300万元，实际到位300万元，实际支出285万元，预算执行率95%。其中，设备购置费预算200万元，实际支出150万元，执行率{}%。\n"
    assert [f.expected for f in findings(tmp_path, part.format(80))["RT301"]] == ["75%"]
    assert findings(tmp_path, part.format(75)) == {}
    listed = ("| 一级指标 | 权重 | 得分 |\n|---|---|---|\n| 决策 | 15 | 13.5 |\n| 过程 | 25 | 22 |\n| 合计 | 40 | 35.5 |\n\n"
              "其中，决策和过程指标分别得分13.5分、{}分。\n")  # fmt: skip
    assert "TT202" in findings(tmp_path, listed.format(21)) and findings(tmp_path, listed.format(22)) == {}
    price = "项目对全区1万名困难群众发放慰问金300元/人，项目预算300万元，实际支出300万元，预算执行率100%。\n"
    assert findings(tmp_path, price) == {}


def test_a_rate_off_by_orders_of_magnitude_points_at_the_unit(tmp_path: Path):
    text = "项目实际到位资金5920000元，实际支出5271022.96万元，预算执行率89.04%。\n"
    [rate] = findings(tmp_path, text)["RT301"]
    assert "相差10000倍" in rate.message and (rate.found, rate.expected) == ("5271022.96万元", "5271022.96元")
    assert "或“5920000元”应为“5920000万元”" in rate.message  # (either unit mends it: both are named)
    [far] = findings(tmp_path, text.replace("89.04%", "60.04%"))["RT301"]  # (no unit makes it right: a plain hint)
    assert "多为所用金额的单位（元/万元）写错" in far.message and far.expected == "890375.50%"
    [plain_slip] = findings(tmp_path, "项目实际到位资金300万元，实际支出285万元，预算执行率90%。\n")["RT301"]
    assert "单位" not in plain_slip.message


def test_a_累计_payment_total_and_a_grade_after_the_grading_scale(tmp_path: Path):
    paid = "项目资金分三次支付：2023年3月支付60万元，6月支付90万元，12月支付45万元，累计支付{}万元。\n"
    assert [f.expected for f in findings(tmp_path, paid.format(205))["CT702"]] == ["195万元"]
    assert findings(tmp_path, paid.format(195)) == {}
    earlier = "本年度支付60万元，累计支付800万元，项目绩效良好。\n"  # one payment: 累计 spans earlier years
    assert findings(tmp_path, earlier) == {}
    scale = "# 一、综合评价结论\n\n本项目得分{}分，按照“优（90分及以上）、良（80-89分）、中（60-79分）、差（60分以下）”的分级标准，评价等级为“优”。\n"
    assert [f.expected for f in findings(tmp_path, scale.format("89.5"))["GR401"]] == ["良"]
    assert findings(tmp_path, scale.format("90.5")) == {}


def test_the_division_a_rate_formula_writes_out_is_recomputed(tmp_path: Path):
    text = "项目资金到位率=288万元÷320万元×100%={}%，资金到位及时，绩效良好。\n"
    [slip] = findings(tmp_path, text.format(92))["RT301"]
    assert slip.expected == "90%" and "288÷320" in slip.message
    assert findings(tmp_path, text.format(90)) == {}


OVERVIEW = """| 一级指标 | 权重 | 得分 | 得分率 |
|---|---|---|---|
| 决策 | 50 | 40 | 80% |
| 过程 | 50 | 49.5 | 99% |
| 合计 | 100 | {} | 89.5% |
"""


def test_full_reports_quiet_where_they_are_right(tmp_path: Path):
    """Wordings of a review of twelve full reports that drew false alarms."""
    indicator = "# 某项目\n\n经评价，本项目综合评价得分89.5分。\n\nB11资金到位率：该指标满分3分，评价得分2.5分。\n\n该部分指标权重15分，评价得分13.5分。\n"
    assert findings(tmp_path, indicator) == {}
    heading = "# 一、情况\n\n" + OVERVIEW.format("89.5") + "\n# 二、指标分析\n\n## （一）项目决策情况\n\n该部分指标权重50分，得分40分，得分率80.00%。\n"
    assert findings(tmp_path, heading) == {}
    vehicles = "3家承接企业共投入洗扫车46辆、洒水车28辆、高压冲洗车12辆，合计{}辆。\n"
    assert findings(tmp_path, vehicles.format(86)) == {}
    assert [f.expected for f in findings(tmp_path, vehicles.format(88))["CT702"]] == ["86辆"]
    roads = "计划提质改造农村公路38公里，涉及3条路线：甲段6.2公里、乙段14.8公里、丙段17公里，合计{}公里。\n"
    assert findings(tmp_path, roads.format(38)) == {}
    assert "CT702" in findings(tmp_path, roads.format(39))
    difference = "区级配套资金到位1,892.40万元，较预算少207.60万元；项目实际支出3,318.66万元，预算执行率90.86%。\n"
    assert findings(tmp_path, difference) == {}


def test_a_total_in_a_sentence_naming_a_hospital_project_and_its_year(tmp_path: Path):
    text = ("# 利辛县人民医院2023年度医疗设备购置项目绩效评价报告\n\n经评价，利辛县人民医院2023年度医疗设备购置项目综合评价得分{}分。\n\n"
            "结论：本项目综合评价得分89.5分。\n\n" + OVERVIEW.format("89.5"))  # fmt: skip
    assert findings(tmp_path, text.format("89.5")) == {}
    [total] = findings(tmp_path, text.format("88.5"))["TT203"]
    assert total.found == "88.5分" and "医疗设备购置项目综合评价得分88.5分" in total.excerpt


SYSTEM = """# 某项目绩效评价报告

## 一、绩效评价工作开展情况

本次评价从决策、过程、产出、效益4 个方面，共设置{}个一级指标、{}个二级指标、{}个三级指标对项目进行评价。

## 附件：评价指标体系及评分情况表

| 一级指标 | 二级指标 | 三级指标 | 分值 | 专家评分 |
|---|---|---|---|---|
| 决策 | 项目立项 | 立项依据充分性 | 20 | 18 |
| | 绩效目标 | 绩效目标合理性 | 10 | 9 |
| 过程 | 资金管理 | 资金到位率 | 20 | 20 |
| 产出 | 产出数量 | 设备覆盖率 | 25 | 22 |
| 效益 | 项目效益 | 处置效率 | 15 | 12 |
| | | 使用单位满意度 | 10 | 9 |
| 合计 | | | 100 | 90 |
"""


def test_the_counts_of_the_whole_indicator_system_against_its_table(tmp_path: Path):
    assert findings(tmp_path, SYSTEM.format(4, 5, 6)) == {}
    slips = findings(tmp_path, SYSTEM.format(4, 6, 7))["CT701"]
    assert sorted((f.found, f.expected) for f in slips) == [("6", "5"), ("7", "6")]
    assert "指标体系表（表1）" in slips[0].message
    assert [f.expected for f in findings(tmp_path, SYSTEM.format(3, 5, 6))["CT701"]] == ["4"]
    listed = findings(tmp_path, SYSTEM.format(4, 5, 6).replace("4 个方面", "3 个方面"))["CT701"]
    assert [f.expected for f in listed] == ["4"]  # “3 个方面” with a space, after four names


def test_an_expert_review_opening_and_one_after_evidence_in_the_same_paragraph(tmp_path: Path):
    table = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 专家评分 |\n|---|---|---|---|---|\n"
             "| 产出 | 产出质量 | 高血压患者规范管理率 | 8 | 5.10 |\n| 合计 | | | 8 | 5.10 |\n\n")  # fmt: skip
    expert = "（1）高血压患者规范管理率（分值8分，专家评分{}分）。抽查发现记录不规范。\n"
    assert findings(tmp_path, table + expert.format("5.10")) == {}
    assert [f.found for f in findings(tmp_path, table + expert.format("5.01"))["SC101"]] == ["权重8分，得分5.01分"]
    unmarked = "高血压患者规范管理率指标分值8分，专家评分5.10分，扣{}分。\n"
    assert findings(tmp_path, table + unmarked.format("2.9")) == {}
    assert [f.expected for f in findings(tmp_path, table + unmarked.format("2.09"))["SC103"]] == ["扣2.9分"]
    after = "全区在管高血压患者98,412人。高血压患者规范管理率，权重8分，得分5.10分，扣{}分。\n"
    assert findings(tmp_path, table + after.format("2.9")) == {}
    assert [f.expected for f in findings(tmp_path, table + after.format("2.09"))["SC103"]] == ["扣2.9分"]
    subtotal = "# 一、情况\n\n决策指标分值20分，专家评分18分，扣2分。\n"  # a 一级's subtotal: no indicator's opening
    assert findings(tmp_path, subtotal) == {}


def test_a_bare_等级_and_a_项目总分_after_the_total(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、综合评价结论\n\n"
    assert [f.expected for f in findings(tmp_path, head + "经评价，本项目综合评价得分86.8分，等级为优。\n")["GR401"]] == ["良"]
    assert findings(tmp_path, head + "经评价，本项目综合评价得分86.8分，等级为良。\n") == {}
    again = head + "经评价，本项目综合评价得分86.8分，评价等级为“良”。\n\n项目总分{}分，等级为{}。\n"
    assert [f.found for f in findings(tmp_path, again.format(95, "优"))["TT203"]] == ["95分"]
    assert findings(tmp_path, again.format("86.8", "良")) == {}
    full_marks = head + "经评价，本项目综合评价得分86.8分，评价等级为“良”。\n\n指标体系项目总分100分，其中决策20分。\n"
    assert findings(tmp_path, full_marks) == {}
    survey = head + "经评价，本项目综合评价得分86.8分，评价等级为“良”。\n\n受访群众满意度得分为95分，等级为优。\n"
    assert findings(tmp_path, survey) == {}


def test_a_half_width_heading_number_is_the_one_reported(tmp_path: Path):
    text = "# 一、基本情况\n\n## (一) 项目概况\n\n正文。\n\n## （二）项目绩效目标\n\n正文。\n"
    [finding] = findings(tmp_path, text)["HD801"]
    assert (finding.found, finding.expected, finding.severity.value) == ("(一)", "（一）", "info")
    assert finding.excerpt == "(一) 项目概况"
    later = text.replace("(一) 项目概况", "（一）项目概况").replace("（二）项目绩效目标", "(二) 项目绩效目标")
    assert [(f.found, f.expected) for f in findings(tmp_path, later)["HD801"]] == [("(二)", "（二）")]


def test_counts_of_one_part_and_a_table_without_三级_rows_are_not_the_systems(tmp_path: Path):
    overview = ("# 一、评价情况\n\n从履职效能、管理效率两个方面设置2个一级指标、3个二级指标、{}个三级指标。\n\n"
                "| 一级指标 | 二级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 履职效能 | 部门履职 | 50 | 45 |\n"
                "| 管理效率 | 预算编制 | 30 | 27 |\n| | 资产管理 | 20 | 18 |\n| 合计 | | 100 | 90 |\n\n"
                "## （一）部门履职\n\n该二级指标分值50分，得分45分，下设5个三级指标。\n")  # fmt: skip
    assert findings(tmp_path, overview.format(20)) == {}  # the table stops at 二级: nothing to count 三级 against
    part = "# 一、评价情况\n\n## （一）项目决策情况\n\n该部分共设置3个二级指标、6个三级指标，满分20分，实际得分18分。\n"
    assert "NM601" not in findings(tmp_path, part)


def test_a_budget_named_after_the_kind_of_spending(tmp_path: Path):
    text = "基本支出全年预算2,442.98万元，实际支出2,419.56万元，执行率{}%。\n"
    assert findings(tmp_path, text.format("99.04")) == {}
    assert [f.expected for f in findings(tmp_path, text.format("98.04"))["RT301"]] == ["99.04%"]


CONTRACT = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 专家一 | 专家二 | 平均得分 |\n|---|---|---|---|---|---|---|\n"
            "| 过程 | 组织实施 | A22绩效指标明确性 | 3 | 2 | 2 | 2 |\n| 合计 | | | 3 | 2 | 2 | 2 |\n\n")  # fmt: skip


def test_openings_of_other_regions_layouts(tmp_path: Path):
    """四川/湖北 write the name in the heading and “该指标分值3分，评价得分2分” below it; expert reviews give the
    graders' 平均得分; codes come after names; 事前评估 says 申报/建议/审减."""
    heading = "# 一、指标分析\n\n## （1）绩效指标明确性（A22）\n\n该指标分值3分，评价得分{}分。目标未细化，扣1分。\n"
    assert findings(tmp_path, CONTRACT + heading.format(2)) == {}
    assert [f.found for f in findings(tmp_path, CONTRACT + heading.format("2.5"))["SC101"]] == ["权重3分，得分2.5分"]
    renamed = heading.replace("绩效指标明确性（A22）", "绩效指标清晰性（A22）").format(2)
    assert [f.found for f in findings(tmp_path, CONTRACT + renamed)["NM601"]] == ["A22绩效指标清晰性"]
    prose = "绩效指标明确性（A22），分值3分，平均得分{}分。\n"
    assert findings(tmp_path, CONTRACT + prose.format(2)) == {}
    assert "SC101" in findings(tmp_path, CONTRACT + prose.format("2.5"))
    bare = "# 一、情况\n\n## （一）项目过程情况\n\n过程指标满分3分，得{}分。\n\n" + CONTRACT
    assert findings(tmp_path, bare.format(2)) == {} and "TT202" in findings(tmp_path, bare.format("2.5"))
    audit = "交互式智慧黑板申报金额595.20万元，评估建议金额530.10万元，审减{}万元，审减率{}%。\n"
    assert findings(tmp_path, audit.format("65.10", "10.94")) == {}
    assert [f.expected for f in findings(tmp_path, audit.format("56.10", "9.43"))["CT702"]] == ["65.10万元"]
    assert "RT301" in findings(tmp_path, audit.format("65.10", "12.94"))


def test_an_amount_in_words_against_its_figures_in_brackets(tmp_path: Path):
    text = "养护服务合同总金额为人民币叁仟壹佰捌拾陆万元整（{}万元），服务期一年。\n"
    assert findings(tmp_path, text.format("3,186.00")) == {}
    [slip] = findings(tmp_path, text.format("3,185.00"))["UN501"]
    assert (slip.expected, slip.found) == ("3186万元", "3,185.00万元") and "大写金额" in slip.message


def test_a_total_that_says_it_includes_a_part_outside_the_rows(tmp_path: Path):
    table = ("| 一级指标 | 三级指标 | 分值 | 得分 | 说明 |\n|---|---|---|---|---|\n| 产出指标 | 维修工程处数 | 50 | 48.46 | |\n"
             "| 效益指标 | 受益人口 | 40 | 38 | |\n| 总分 | | 100 | 96.06 | {} |\n")  # fmt: skip
    assert findings(tmp_path, table.format("含预算执行率得分9.60分")) == {}
    assert "TT201" in findings(tmp_path, table.format(""))


def test_the_rates_of_a_funding_table_written_on_its_side(tmp_path: Path):
    table = ("| 项目 | 甲 | 乙 | 丙 |\n|---|---|---|---|\n| 预算（万元） | 1,260.00 | 1,650.00 | 2,000.00 |\n"
             "| 到位（万元） | 1,260.00 | 1,520.00 | 2,000.00 |\n| 支出（万元） | 1,186.42 | 1,318.76 | 1,906.38 |\n"
             "| 到位率 | 100.00% | 92.12% | 100.00% |\n| 执行率 | 94.16% | {}% | 95.32% |\n")  # fmt: skip
    assert findings(tmp_path, table.format("86.76")) == {}
    [slip] = findings(tmp_path, table.format("87.66"))["RT301"]
    assert (slip.location.row, slip.location.col, slip.expected) == (6, 3, "86.76%") and "该列" in slip.message


def test_a_weight_given_only_in_the_heading(tmp_path: Path):
    """“1.进度安排合理性（6分）” as a heading, the score stated once below it: read as that indicator's opening."""
    table = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n"
             "| 过程 | 组织实施 | 进度安排合理性 | 6 | 5 |\n| 过程 | 组织实施 | 合同管理规范性 | 4 | 4 |\n| 合计 | | | 10 | 9 |\n\n")  # fmt: skip
    text = ("# 一、指标分析\n\n## （一）过程指标（10分）\n\n### 1.进度安排合理性（6分）\n\n"
            "评分标准：按计划完成得6分，每滞后1个月扣1分。\n\n项目个别节点滞后1个月，扣1分，得{}分。\n\n"
            "### 2.合同管理规范性（4分）\n\n合同签订规范，得4分。\n")  # fmt: skip
    assert findings(tmp_path, table + text.format(5)) == {}
    slipped = findings(tmp_path, table + text.format(4))
    assert [f.found for f in slipped["SC101"]] == ["权重6分，得分4分"]
    assert "SC103" not in slipped  # the 扣1分 fits the table's 5: the score is the slip, SC101's to name
    assert slipped["SC101"][0].excerpt.endswith("扣1分，得4分。")
    in_heading = text.replace("（6分）", "（分值6分，得分{}分）").replace("得{}分。\n\n###", "得5分。\n\n###")
    assert findings(tmp_path, table + in_heading.format(5)) == {}
    assert "SC101" in findings(tmp_path, table + in_heading.format(4))
    several = text.replace("得{}分。", "得5分；资料归档完整，得1分。")  # two scores under one heading: whose is unclear
    assert "SC101" not in findings(tmp_path, table + several)


def test_a_rate_after_a_list_of_the_parts_is_the_wholes(tmp_path: Path):
    """“其中：设备购置支出300万元、安装调试支出160万元，预算执行率为92%”: the parts give no rate of their own."""
    text = "项目预算500万元，实际到位500万元，实际支出460万元，其中：设备购置支出300万元、安装调试支出160万元，预算执行率为{}%。\n"
    assert findings(tmp_path, text.format(92)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(90))["RT301"]] == ["92%"]
    own = "项目实际支出460万元，其中一期预算320万元，支出300万元，执行率为{}%。\n"  # the part's own rate
    assert findings(tmp_path, own.format("93.75")) == {}
    assert [f.expected for f in findings(tmp_path, own.format("92"))["RT301"]] == ["93.75%"]


def test_a_list_counted_as_sub_projects_or_stages(tmp_path: Path):
    text = "本项目包括道路改造、管网更新、绿化提升、照明改造{}个子项目。\n"
    assert findings(tmp_path, text.format("四")) == {}
    assert [f.expected for f in findings(tmp_path, text.format("三"))["CT701"]] == ["四"]
    assert "CT701" in findings(tmp_path, "工作分为设计、施工、验收两个阶段。\n")
    assert findings(tmp_path, "在城东、城西实施三个项目。\n") == {}  # places, not the projects: no 包括/分为 before them


def test_a_budget_column_named_after_the_kind_of_spending(tmp_path: Path):
    """A header names its amount by its last word, as prose does: “项目支出预算” is the base of the 执行率."""
    table = ("| 项目 | 项目支出预算（万元） | 实际支出（万元） | 执行率 |\n|---|---|---|---|\n"
             "| 设备购置 | 400.00 | 380.00 | 95.00% |\n| 运维服务 | 100.00 | 90.00 | {}% |\n| 合计 | 500.00 | 470.00 | 94.00% |\n")  # fmt: skip
    assert findings(tmp_path, table.format("90.00")) == {}
    assert [f.expected for f in findings(tmp_path, table.format("91.00"))["RT301"]] == ["90.00%"]


def test_near_values_among_thousands_of_amounts_in_one_paragraph(tmp_path: Path):
    """A long list of amounts is compared through sorted values, not pair by pair; a near value is still found."""
    amounts = "，".join(f"第{i}批送审金额{1000 + 7 * i}.00万元" for i in range(2000))
    text = f"项目送审金额2,945.52万元。\n\n{amounts}。\n\n经复核，项目送审金额2,945.51万元。\n"
    [slip] = findings(tmp_path, text)["UN501"]
    assert (slip.expected, slip.found) == ("2,945.52万元", "2,945.51万元")


def test_a_second_rate_of_a_kind_in_a_paragraph_is_another_things(tmp_path: Path):
    """The figures before a 执行率 belong to it; a later 执行率 of a named item takes only the figures after it."""
    text = ("项目实际到位资金1,186.40万元，实际支出1,132.58万元，预算执行率{}%，未达到100%，其中云资源租赁费执行率为91.88%。\n\n"
            "部门年初预算82,000.00万元，全年支出79,408.80万元，预算执行率96.84%；项目支出执行率仅为90.23%，"
            "主要是校舍安全改造项目年底前未完成结算。\n")  # fmt: skip
    assert findings(tmp_path, text.format("95.46")) == {}
    assert [f.expected for f in findings(tmp_path, text.format("95.64"))["RT301"]] == ["95.46%"]


def test_a_completion_rate_on_the_planned_items_added_up(tmp_path: Path):
    text = "年度计划铺设雨水管网18.4公里、污水管网15.2公里，合计33.6公里，实际完成29.5公里，完成率{}%。\n"
    assert findings(tmp_path, text.format("87.8")) == {}
    assert [f.expected for f in findings(tmp_path, text.format("78.8"))["RT301"]] == ["87.8%"]


def test_a_right_rate_next_to_a_wrong_amount_is_left_to_the_amounts_rule(tmp_path: Path):
    """送审 − 审定 gives 344.24, the 核减 written is 334.24: CT702 says so; the 核减率 holds by 送审/审定."""
    text = "送审金额合计5,986.42万元，审定金额5,642.18万元，核减金额{}万元，核减率5.75%。\n"
    assert findings(tmp_path, text.format("344.24")) == {}
    assert set(findings(tmp_path, text.format("334.24"))) == {"CT702"}


def test_a_total_matched_by_two_wordings_counts_once(tmp_path: Path):
    """“评价总得分75.4分” against two tables' 74.5: the majority is the tables'."""
    table = "| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 决策 | 20 | 15 |\n| 过程 | 80 | 59.5 |\n| 合计 | 100 | 74.5 |\n\n"
    text = "# 一、结论\n\n经综合评价，该项目绩效评价总得分75.4分。\n\n" + table + "# 二、附件\n\n" + table
    [slip] = findings(tmp_path, text)["TT203"]
    assert (slip.expected, slip.found) == ("74.5分", "75.4分")


def test_openings_that_give_the_weight_in_brackets_or_after_the_score(tmp_path: Path):
    table = ("| 三级指标 | 分值 | 得分 |\n|---|---|---|\n| D31学生及家长满意度 | 8 | 5.5 |\n| 群众满意度 | 10 | 8 |\n"
             "| 政策知晓度 | 4 | 3.5 |\n| 重点工作完成率 | 10 | 9 |\n| 合计 | 32 | 26 |\n\n")  # fmt: skip
    prose = ("D31学生及家长满意度（8分）：抽样调查满意度为81.6%。评分{0}分。\n\n"
             "“群众满意度”指标（权重10分）：群众满意度87.3%。得8分，扣{1}分。\n\n"
             "“政策知晓度”指标（分值4分）评分{2}分，扣0.5分。\n\n"
             "重点工作完成率指标得{3}分（满分10分）。\n")  # fmt: skip
    assert findings(tmp_path, table + prose.format("5.5", 2, "3.5", 9)) == {}
    assert "SC101" in findings(tmp_path, table + prose.format("6.5", 2, "3.5", 9))
    assert [f.expected for f in findings(tmp_path, table + prose.format("5.5", "1.5", "3.5", 9))["SC103"]] == ["扣2分"]
    assert "SC101" in findings(tmp_path, table + prose.format("5.5", 2, "2.5", 9))
    assert "SC101" in findings(tmp_path, table + prose.format("5.5", 2, "3.5", "9.5"))


def test_payout_and_saving_rates_on_their_own_amounts(tmp_path: Path):
    payout = "上级下达补贴资金5,760.00万元，实际发放5,737.34万元，发放率{}%。\n"
    assert findings(tmp_path, payout.format("99.61")) == {}
    assert [f.expected for f in findings(tmp_path, payout.format("99.16"))["RT301"]] == ["99.61%"]
    saving = "设备采购预算1,980.00万元，中标金额1,852.36万元，节约127.64万元，节约率{}%。\n"
    assert findings(tmp_path, saving.format("6.45")) == {}
    assert [f.expected for f in findings(tmp_path, saving.format("6.54"))["RT301"]] == ["6.45%"]


def test_a_parts_subtotal_with_its_full_marks_as_分值_and_its_评价得分(tmp_path: Path):
    table = ("| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 项目决策 | 20 | 18 |\n| 项目过程 | 25 | 21.45 |\n"
             "| 合计 | 45 | 39.45 |\n\n# 一、指标分析\n\n## （一）项目过程\n\n")  # fmt: skip
    text = table + "该部分指标分值25分，评价得分{}分，得分率{}%。\n"
    assert findings(tmp_path, text.format("21.45", "85.8")) == {}
    slipped = findings(tmp_path, text.format("21.65", "85.8"))
    assert [f.found for f in slipped["TT202"]] == ["权重25分，得分21.65分"]
    assert "RT301" not in slipped  # (the 得分率 holds on the table's 21.45: the score is the one slip)
    assert [f.expected for f in findings(tmp_path, text.format("21.45", "86.8"))["RT301"]] == ["85.8%"]


def test_a_list_of_places_before_their_count(tmp_path: Path):
    text = "# 一、评价实施\n\n评价组抽取了杭州、温州、湖州、金华、丽水{}个设区市开展现场评价。\n"
    assert findings(tmp_path, text.format(5)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(4))["CT701"]] == ["5"]
    assert findings(tmp_path, "# 一、评价实施\n\n在城东、城西建设3个社区。\n") == {}  # “城西建设” is no place name


def test_level1_rows_of_a_table_listing_every_level_under_its_codes(tmp_path: Path):
    table = ("| 指标编号 | 指标名称 | 分值 | 得分 |\n|---|---|---|---|\n| A | 决策 | 10 | 9 |\n| A1 | 政策目标 | 10 | 9 |\n"
             "| A11 | 政策目标明确性 | 10 | 9 |\n| B | 过程 | 90 | 80 |\n| B1 | 资金管理 | 90 | 80 |\n"
             "| B11 | 资金到位率 | 90 | 80 |\n| 合计 | | 100 | 89 |\n\n")  # fmt: skip
    text = table + "其中：决策得分9分，过程得分{}分。\n"
    assert findings(tmp_path, text.format(80)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(81))["TT202"]] == ["得分80分"]


def test_a_table_giving_each_level_its_own_分值(tmp_path: Path):
    table = ("| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|---|---|\n"
             "| 过程 | 25 | 资金管理 | {} | 资金到位率 | 3 | 3 |\n| 过程 | 25 | 资金管理 | {} | 资金执行率 | 12 | 10 |\n"
             "| 过程 | 25 | 组织实施 | 10 | 项目库建设 | 10 | 8 |\n| 合计 | | | | | 25 | 21 |\n")  # fmt: skip
    assert findings(tmp_path, table.format(15, 15)) == {}
    [slip] = findings(tmp_path, table.format(16, 16))["TT201"]
    assert (slip.expected, slip.found, slip.location.row, slip.location.col) == ("15", "16", 2, 4)


def test_an_uncoded_indicator_named_otherwise_than_in_the_table(tmp_path: Path):
    table = ("| 三级指标 | 权重 | 得分 |\n|---|---|---|\n| 优良中等路率 | 8 | 7 |\n| 路面完好率 | 8 | 7 |\n"
             "| 合计 | 16 | 14 |\n\n")  # fmt: skip
    text = table + "1.指标“{}”，权重8分，评价得分{}分。\n\n2.指标“路面完好率”，权重8分，评价得分7分。\n"
    assert findings(tmp_path, text.format("优良中等路率", 7)) == {}
    [slip] = findings(tmp_path, text.format("优良路率", 7))["NM601"]
    assert (slip.expected, slip.found) == ("优良中等路率", "优良路率")
    assert "SC101" in findings(tmp_path, text.format("优良中等路率", 6))  # 指标“X” names X: compared with the table


def test_an_amount_in_prose_against_a_table_in_another_unit(tmp_path: Path):
    table = ("表1 项目资金到位情况（万元）\n\n| 资金来源 | 预算数 | 到位数 |\n|---|---|---|\n| 中央补助资金 | 2,400.00 | 2,400.00 |\n"
             "| 省级补助资金 | 1,150.00 | 1,150.00 |\n| 合计 | 3,550.00 | 3,550.00 |\n\n")  # fmt: skip
    text = table + "项目预算3,550.00万元，其中：中央补助资金2,400.00万元，省级补助资金1,150.00{}。\n"
    assert findings(tmp_path, text.format("万元")) == {}
    [slip] = findings(tmp_path, text.format("元"))["UN501"]
    assert (slip.expected, slip.found) == ("1,150.00万元", "1,150.00元")


def test_a_coded_name_that_opens_with_a_quote(tmp_path: Path):
    table = "| 三级指标 | 分值 | 得分 |\n|---|---|---|\n| C21“一卡通”兑付准确率 | 7 | 6.8 |\n| 合计 | 7 | 6.8 |\n\n"
    text = table + "C21“一卡通”兑付准确率，满分7分，得{}分。\n"
    assert findings(tmp_path, text.format("6.8")) == {}
    assert [f.found for f in findings(tmp_path, text.format("6.6"))["SC101"]] == ["权重7分，得分6.6分"]


def test_a_deduction_ending_the_opening_is_the_whole_deduction_not_one_more(tmp_path: Path):
    """“该指标分值2分，评价得分1.5分，扣0.5分。……无对应的衡量口径，扣0.5分。”: one 0.5, said twice."""
    table = "| 三级指标 | 分值 | 得分 |\n|---|---|---|\n| 绩效指标明确性（A22） | 2 | 1.5 |\n| 合计 | 2 | 1.5 |\n\n"
    text = table + "# 一、指标分析\n\n## （一）绩效指标明确性（A22）\n\n该指标分值2分，评价得分1.5分，扣{}分。两项效益指标为定性描述，扣0.5分。\n"
    assert findings(tmp_path, text.format("0.5")) == {}
    assert [f.found for f in findings(tmp_path, text.format("1"))["SC103"]] == ["扣1分"]


def test_a_table_with_the_codes_in_a_column_of_their_own(tmp_path: Path):
    table = ("| 指标编码 | 指标名称 | 权重 | 得分 |\n|---|---|---|---|\n| A11 | 立项依据充分性 | 3 | 3 |\n"
             "| A12 | 立项程序规范性 | 3 | 3 |\n| 合计 | | 6 | 6 |\n\n")  # fmt: skip
    text = table + "A11立项依据充分性，权重3分，得分3分。\n\nA12立项程序{}，权重3分，得分{}分。\n"
    assert findings(tmp_path, text.format("规范性", 3)) == {}
    assert [f.found for f in findings(tmp_path, text.format("规范性", 2))["SC101"]] == ["权重3分，得分2分"]
    assert [f.expected for f in findings(tmp_path, text.format("合规性", 3))["NM601"]] == ["A12立项程序规范性"]


def test_an_earlier_years_or_a_phases_funding_is_not_the_projects(tmp_path: Path):
    """With data (预算100, 到位100, 支出90): last year's figures and a phase's are not compared with it."""
    text = ("项目预算100万元，实际到位100万元，资金到位率100%。上年度该项目预算300万元，实际到位300万元，资金到位率100%。"
            "项目分两期实施，一期工程预算60万元，到位54万元，到位率90%。\n")  # fmt: skip
    assert "DT1003" not in _with_data(tmp_path, text)
    assert "DT1003" in _with_data(tmp_path, text.replace("实际到位100万元，资金到位率100%", "实际到位100万元，资金到位率95%"))


def test_totals_of_another_year_or_of_projects_compared_with(tmp_path: Path):
    text = ("# 一、评价结论\n\n该项目2023年度综合评价得分86.8分，绩效评级为“良”。该项目2022年度综合评价得分82.5分，本年度有所提高；"
            "区内同类项目综合评价得分80.5分。\n")  # fmt: skip
    assert findings(tmp_path, text) == {}


def test_a_count_of_other_things_and_a_合计_after_the_其中_items(tmp_path: Path):
    text = ("# 绩效评价\n\n覆盖长城乡、姜畲镇、鹤岭镇5个乡镇和雨湖路、城正街5个街道，共118个行政村（社区）。\n\n"
            "项目预算350万元，其中设备购置200万元、安装工程100万元、运维服务50万元，合计{}万元。\n")  # fmt: skip
    quiet = findings(tmp_path, text.format(350))
    assert "CT702" not in quiet  # (three towns named for “5个乡镇”, two streets for “5个街道”: CT701 warns, rightly)
    assert [(f.severity.value, f.expected, f.found) for f in quiet["CT701"]] == [("warning", "3", "5"), ("warning", "2", "5")]
    assert "CT702" in findings(tmp_path, text.format(360))
    assert "CT702" in findings(tmp_path, "# 绩效评价\n\n建成3个乡镇站点和2个乡镇站点，共6个乡镇站点。\n")


def test_one_amount_at_two_precisions_and_a_saving_on_a_tender_ceiling(tmp_path: Path):
    text = "审定金额743.31843万元。\n\n经审计，工程审定金额743.32万元，较合同金额减少9.68万元。\n"
    assert findings(tmp_path, text) == {}
    assert "UN501" in findings(tmp_path, text.replace("743.32万元", "743.33万元"))
    tender = ("项目预算1,260.00万元，实际支出1,134.80万元。\n\n"
              "项目施工通过公开招标确定中标单位，招标控制价1,180.00万元，中标价1,086.56万元，节约率{}%。\n")  # fmt: skip
    assert findings(tmp_path, tender.format("7.92")) == {}
    assert [f.expected for f in findings(tmp_path, tender.format("7.29"))["RT301"]] == ["7.92%"]


def test_more_ways_of_opening_an_indicator(tmp_path: Path):
    table = ("| 三级指标 | 分值 | 得分 |\n|---|---|---|\n| 服务对象满意度 | 6 | 5.4 |\n| 道路养护里程完成率 | 10 | 9 |\n"
             "| A22绩效指标明确性 | 3 | 2 |\n| 预算执行率 | 5 | 4.5 |\n| 完工及时率 | 9 | 7 |\n| 立项依据充分性 | 5 | 5 |\n"
             "| 立项程序规范性 | 5 | 4 |\n| 合计 | 43 | 36.9 |\n\n")  # fmt: skip
    openings = ["指标名称：服务对象满意度；指标分值：6分；评价得分：{}分。", "产出数量——道路养护里程完成率，本项分值10分，得{}分。",
                "A22绩效指标明确性：本指标权重3分，评价组评定得分{}分。", "【预算执行率】标准分5分，得{}分。",
                "指标“完工及时率”满分9分，实际得分{}分。", "立项依据充分性（5分）得{}分，立项程序规范性（5分）得4分。"]  # fmt: skip
    right = ["5.4", "9", "2", "4.5", "7", "5"]
    text = table + "\n\n".join(o.format(r) for o, r in zip(openings, right, strict=True)) + "\n"
    assert findings(tmp_path, text) == {}
    for n, opening in enumerate(openings):
        slipped = text.replace(opening.format(right[n]), opening.format("1"))
        assert [f.found.split("，")[1] for f in findings(tmp_path, slipped)["SC101"]] == ["得分1分"], opening


def test_more_ways_of_writing_a_level1_subtotal(tmp_path: Path):
    overview = ("| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 决策 | 10 | 7 |\n| 过程 | 20 | 12.5 |\n| 产出 | 25 | 23 |\n"
                "| 效益 | 45 | 40 |\n| 合计 | 100 | 82.5 |\n\n")  # fmt: skip
    for text, slipped in (("产出指标共计25分，得分23分。", "得分22分"), ("过程指标权重20分，累计得分12.5分。", "累计得分13.5分"),
                          ("效益（45分）得分40分。", "得分41分"), ("其中，决策10分得7分，过程20分得12.5分。", "得13.5分")):  # fmt: skip
        assert findings(tmp_path, overview + text + "\n") == {}, text
        wrong = text.replace(slipped.replace("22", "23").replace("13.5", "12.5").replace("41", "40"), slipped)
        assert "TT202" in findings(tmp_path, overview + wrong + "\n"), wrong


def test_several_indicators_opened_in_one_paragraph(tmp_path: Path):
    table = ("| 三级指标 | 分值 | 得分 |\n|---|---|---|\n| 立项依据充分性 | 5 | 5 |\n| 立项程序规范性 | 5 | 4 |\n"
             "| 资金到位率 | 5 | 4.5 |\n| 合计 | 15 | 13.5 |\n\n")  # fmt: skip
    text = table + "“立项依据充分性”指标满分5分，得5分。“立项程序规范性”指标满分5分，得4分。“资金到位率”指标满分5分，得{}分。\n"
    assert findings(tmp_path, text.format("4.5")) == {}
    assert [f.found for f in findings(tmp_path, text.format("4"))["SC101"]] == ["权重5分，得分4分"]


def test_figures_derived_from_the_funding_and_facts_in_万元_are_traced(tmp_path: Path):
    """With data (预算100, 到位100, 支出90 万元): 结余 = 到位 − 支出, 支出占预算, and a fact of 30万元 are the data's."""
    from checkers.rules.base import MINI_DATA
    from project_file import load_project

    project = tmp_path / "p.yaml"
    project.write_text(MINI_DATA + "facts:\n  - {name: 中标金额, value: 30, unit: 万元}\n", encoding="utf-8")
    path = tmp_path / "r.md"
    path.write_text("项目预算100万元，实际到位100万元，实际支出90万元，结余资金10万元，支出占预算的90%。中标金额30万元。\n", encoding="utf-8")
    assert not [f for f in check_document(read_document(path), data=load_project(project)) if f.rule == "DT1002"]


def test_the_total_of_the_project_the_title_names(tmp_path: Path):
    text = ("河西区2023年度城市道路桥梁养护项目绩效评价报告\n\n# 一、评价结论\n\n经综合评价，河西区2023年度城市道路桥梁养护项目得分{}分。\n\n"
            "| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 决策 | 20 | 16 |\n| 过程 | 80 | 60 |\n| 合计 | 100 | 76 |\n\n"
            "# 二、附件\n\n| 一级指标 | 分值 | 得分 |\n|---|---|---|\n| 决策 | 20 | 16 |\n| 过程 | 80 | 60 |\n| 合计 | 100 | 76 |\n")  # fmt: skip
    assert findings(tmp_path, text.format(76)) == {}
    assert [f.found for f in findings(tmp_path, text.format(67))["TT203"]] == ["67分"]


def test_lists_of_methods_years_and_documents_before_their_count(tmp_path: Path):
    cases = ("评价采用文献法、对比分析法、综合分析法、成本效益分析法、公众评判法等{}种方法。",
             "评价范围涵盖2021年、2022年、2023年{}个年度。",
             "评价依据《中华人民共和国预算法》、《中华人民共和国预算法实施条例》、《项目支出绩效评价管理办法》{}项文件开展。")  # fmt: skip
    for text, right, wrong in zip(cases, ("五", "三", "三"), ("四", "两", "两"), strict=True):
        assert findings(tmp_path, "# 一、评价方法\n\n" + text.format(right) + "\n") == {}, text
        [slip] = findings(tmp_path, "# 一、评价方法\n\n" + text.format(wrong) + "\n")["CT701"]
        assert slip.found == wrong, text


def test_an_l_for_the_1_before_a_decimal_point(tmp_path: Path):
    assert findings(tmp_path, "# 绩效评价\n\n合同金额1.5万元。\n") == {}
    [slip] = findings(tmp_path, "# 绩效评价\n\n合同金额l.5万元。\n")["FG901"]
    assert (slip.expected, slip.found) == ("1.5", "l.5")


def test_a_count_written_after_its_level(tmp_path: Path):
    text = ("# 一、项目决策情况\n\n本部分共设置二级指标{}个、三级指标3个，各分项指标得分如下：\n\n"
            "| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| A1项目立项 | A11立项依据充分性 | 5 | 5 |\n"
            "| A1项目立项 | A12立项程序规范性 | 5 | 4 |\n| A2绩效目标 | A21绩效目标合理性 | 5 | 4 |\n| 合计 | | 15 | 13 |\n")  # fmt: skip
    assert findings(tmp_path, text.format(2)) == {}
    [slip] = findings(tmp_path, text.format(3))["CT701"]
    assert "二级指标3个" in slip.message and slip.excerpt.startswith("本部分共设置二级指标3个")


def test_a_parts_score_under_a_heading_giving_its_weight(tmp_path: Path):
    text = ("# 一、项目决策情况\n\n## （一）项目决策（权重20分）\n\n该部分得分{}分，各三级指标得分如下：\n\n"
            "| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| A1项目立项 | A11立项依据充分性 | 12 | 10 |\n"
            "| | A12立项程序规范性 | 8 | 6 |\n| 合计 | | 20 | 16 |\n")  # fmt: skip
    assert findings(tmp_path, text.format(16)) == {}
    assert [f.found for f in findings(tmp_path, text.format(17))["TT202"]] == ["权重20分，得分17分"]


def test_an_indicator_named_in_passing_is_not_discussed(tmp_path: Path):
    """DT1001: a name in the middle of another sentence (“资金到位率达到预期，预算执行率亦较高。”) is a passing mention."""
    from checkers.rules.base import MINI_DATA
    from project_file import load_project

    project = tmp_path / "p.yaml"
    project.write_text(MINI_DATA, encoding="utf-8")
    data = load_project(project)
    names = [leaf.name for leaf in data.leaves()]
    path = tmp_path / "r.md"
    path.write_text(f"# 一、指标分析\n\n项目{names[0]}情况良好。\n\n资金到位率达到预期，{names[1]}亦较高。\n", encoding="utf-8")
    missing = [f.expected for f in check_document(read_document(path), data=data) if f.rule == "DT1001"]
    assert missing == [data.leaves()[1].label]


def test_a_score_rate_after_共得(tmp_path: Path):
    text = "# 一、效益\n\n综上，效益部分共得{}分（满分25分），得分率84%。\n"
    assert findings(tmp_path, text.format(21)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(12))["RT301"]] == ["48%"]


def test_an_area_in_brackets_after_the_thing_its_sides_describe(tmp_path: Path):
    text = "# 一、产出\n\n新建长6米乘宽4米的值班室一间（{}平方米）。\n"
    assert findings(tmp_path, text.format(24)) == {}
    assert [f.expected for f in findings(tmp_path, text.format(26))["CT703"]] == ["24平方米"]
    assert findings(tmp_path, "# 一、产出\n\n新建长6米乘宽4米的值班室，另建仓库一间（26平方米）。\n") == {}  # another thing's


SUMMED_UP_AFTER = """\
## （一）项目效益情况

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| D1社会效益 | D11治安警情下降率 | 10 | 9 |
| D2满意度 | D21居民满意度 | 15 | 12 |
| 合计 | | 25 | 21 |

综上，效益部分共得{0}分（满分{1}分）。
"""


def test_a_part_summed_up_after_its_table_is_checked_against_its_合计(tmp_path: Path):
    assert findings(tmp_path, SUMMED_UP_AFTER.format(21, 25)) == {}
    [subtotal] = findings(tmp_path, SUMMED_UP_AFTER.format(12, 25))["TT202"]
    assert (subtotal.found, subtotal.expected) == ("权重25分，得分12分", "权重25分，得分21分")
    other_weight = SUMMED_UP_AFTER.format(12, 30)  # a table with another 合计 weight is not this part's table
    assert "TT202" not in findings(tmp_path, other_weight)
    headed = SUMMED_UP_AFTER.replace("综上", "## （二）小结\n\n综上").format(12, 25)  # a heading in between: not its table
    assert "TT202" not in findings(tmp_path, headed)


DOTTED_CODES = """\
## （一）投入指标情况

投入指标总分10分，得分9分。

| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 1.投入 | 1.1.1在职人员控制率 | 5 | 5 |
| | 1.1.2重点支出安排率 | 5 | 4 |
| 合计 | | 10 | 9 |

1.1.1在职人员控制率（5分）：得5分。

1.1.2重点支出安排率（5分）：扣1分，得{0}分。

附表

| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 投入 | 1.1.1在职人员控制率 | 5 | 5 |
| | {1} | 5 | 4 |
| 合计 | | 10 | 9 |
"""


def test_dotted_codes_list_numbers_and_a_second_table_keep_names_matched(tmp_path: Path):
    clean = DOTTED_CODES.format(4, "1.1.2重点支出安排率")
    assert findings(tmp_path, clean) == {}  # “1.1.2” is not list item “1.” of “1.2…”; “1.投入” is 投入
    [score] = findings(tmp_path, DOTTED_CODES.format("4.5", "1.1.2重点支出安排率"))["SC101"]  # (both tables, once)
    assert score.found == "权重5分，得分4.5分" and "表1" in score.message and "表2" in score.message
    renamed = findings(tmp_path, DOTTED_CODES.format(4, "1.1.2重点支出保障率").replace(
        "| | 1.1.2重点支出安排率 | 5 | 4 |", "| | 1.1.2重点支出保障率 | 5 | 4 |"))  # fmt: skip
    assert [f.expected for f in renamed["NM601"]] == ["1.1.2重点支出保障率"]  # the row in two tables: one warning


LEVEL1_WORDED = """\
# 某县教育局2022年度{kind}绩效评价报告

## 一、评价结论

{subtotal}

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| B1预算管理 | B11预算执行率 | 10 | 9 |
| | B12资金使用合规性 | 5 | 4.5 |
| 合计 | | 15 | 13.5 |

综合评价，某县教育局2022年度{kind}绩效评价得分为{total}分，{grade_word}为“{grade}”。
"""


def test_department_and_self_evaluation_totals_and_more_subtotal_wordings(tmp_path: Path):
    """A 部门整体 or 自评 report's own score is its total (in a project report it is someone else's); subtotals
    written “共15分，得13.5分”, “满分15分，实得分13.5分”, “…维度共15分”, “…部分满分15分” are read."""
    def text(kind="部门整体支出", subtotal="部门管理指标共15分，得13.5分。", total="13.5", grade_word="绩效等级", grade="差"):
        return LEVEL1_WORDED.format(kind=kind, subtotal=subtotal, total=total, grade_word=grade_word, grade=grade)

    assert findings(tmp_path, text()) == {}
    assert "GR401" in findings(tmp_path, text(grade="优"))
    assert "GR401" in findings(tmp_path, text(kind="项目自评", grade_word="自评等级", grade="良好"))
    for wording in ("部门管理指标共15分，得{0}分。", "部门管理指标满分15分，实得分{0}分。", "部门管理维度共15分，得分{0}分。",
                    "部门管理部分满分15分，得分{0}分。"):  # fmt: skip
        assert findings(tmp_path, text(subtotal=wording.format("13.5"))) == {}, wording
        assert "TT202" in findings(tmp_path, text(subtotal=wording.format("14.5"))), wording


ADJUSTED = """\
# 某区2023年度老旧小区改造项目绩效评价报告

## 一、评价结论

| 一级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| 投入 | A11立项依据充分性 | 40 | 37 |
| 产出 | C11改造小区完成率 | 60 | 50 |
| 合计 | | 100 | 87 |
| 加分项 | | 5 | {bonus} |
| 总得分 | | | {final} |

评价指标体系共设置2个一级指标，另设加分项5分。综上，本项目基础得分87分，加分项加{bonus}分，综合得分{said}分，评价等级为“{grade}”。
"""


def test_a_bonus_or_penalty_outside_the_100_points_makes_the_final_total(tmp_path: Path):
    """The score table's 合计 is the base; the total stated elsewhere and the grade are after the bonus (or penalty)
    rows and sentences; the 加分项 and 总得分 rows are no indicators."""
    def text(bonus=3, final=90, said=90, grade="优"):
        return ADJUSTED.format(bonus=bonus, final=final, said=said, grade=grade)

    assert findings(tmp_path, text()) == {}
    [total] = findings(tmp_path, text(said=91))["TT203"]
    assert total.expected == "90分" and "基础得分87分加3分后" in total.message
    assert "GR401" in findings(tmp_path, text(grade="良"))
    penalty = text(bonus=3, final=84, said=84, grade="良").replace("加分项 |", "扣分项 |").replace("加分项加3分", "扣分项扣3分")
    assert findings(tmp_path, penalty) == {}
    forgotten = penalty.replace("综合得分84分", "综合得分87分")
    assert [f.expected for f in findings(tmp_path, forgotten)["TT203"]] == ["84分"]


BANDS = """\
# 某省2022年度就业补助资金绩效评价报告

## 一、评价结论

评价结果分为四个等级：综合得分90分（含）以上为“优”，75分（含）至90分为“良”，60分（含）至75分为“中”，60分以下为“差”。

综上，该专项资金绩效评价综合得分78.5分，评价等级为“{0}”。
"""


def test_a_grading_scale_the_report_states_is_the_one_its_grade_is_held_to(tmp_path: Path):
    """Regional scales differ from 财预〔2020〕10号: the report's own bands (良 from 75) judge its grade; 合格 and A级
    scales are checked when the report states them and left alone when it does not."""
    assert findings(tmp_path, BANDS.format("良")) == {}
    [grade] = findings(tmp_path, BANDS.format("中"))["GR401"]
    assert grade.expected == "良" and "按报告所列等级：75分（含）—90分" in grade.message
    letters = BANDS.replace("为“优”", "为A级").replace("为“良”", "为B级").replace("为“中”", "为C级").replace("为“差”", "为D级")
    assert findings(tmp_path, letters.replace("“{0}”", "{0}").format("B级")) == {}
    assert "GR401" in findings(tmp_path, letters.replace("“{0}”", "{0}").format("A级"))
    unstated = "## 一、评价结论\n\n综上，该项目绩效评价综合得分78.5分，评价等级为“合格”。\n"
    assert findings(tmp_path, unstated) == {}  # 合格 on no stated scale: not judged


def test_amounts_with_a_space_before_them_keep_their_subject(tmp_path: Path):
    """pdftotext and some writers put a space between words and figures (“实际到位资金 170.86 万元”)."""
    text = ("## 一、资金情况\n\n预算安排资金 170.86 万元，实际到位资金 170.86 万元，实际支出金额为 168.91 万元，"
            "预算执行率 {0}%。\n")  # fmt: skip
    assert findings(tmp_path, text.format("98.86")) == {}
    assert [f.expected for f in findings(tmp_path, text.format("96.86"))["RT301"]] == ["98.86%"]


BONUS_SAID = """\
# 某区2023年度老旧小区综合整治项目绩效评价报告

## 一、评价结论

经评价组绩效评价，本项目基础得分87分，{adjusted}，综合得分{final}分，绩效评级为“{grade}”。

| 一级指标 | 权重 | 得分 |
|---|---|---|
| 决策 | 40 | 37 |
| 产出 | 60 | 50 |
| 合计 | 100 | 87 |

{others}
"""


def test_a_bonus_said_only_in_a_sentence_and_scores_of_others(tmp_path: Path):
    """“加分项加3分” said in the conclusion makes the table's 合计 the base; the bonus and final scores of the
    hospitals a project assesses, and another named project's score, are not the report's."""
    def text(adjusted="加分项加3分", final=90, grade="优", others=""):
        return BONUS_SAID.format(adjusted=adjusted, final=final, grade=grade, others=others)

    assert findings(tmp_path, text()) == {}
    assert [f.expected for f in findings(tmp_path, text(final=91))["TT203"]] == ["90分"]
    assert "GR401" in findings(tmp_path, text(grade="良"))
    assert [f.expected for f in findings(tmp_path, text(adjusted="扣分项扣2分", final=87, grade="良"))["TT203"]] == ["85分"]
    others = ("区人民医院基础得分91分，加分项加1.5分，最终得分92.5分；区中医医院基础得分84分，扣分项扣2分，最终得分82分。"
              "其中，重点项目“背街小巷改造项目”财政重点评价得分为82分。")  # fmt: skip
    assert findings(tmp_path, text(others=others)) == {}


def test_a_self_evaluations_own_score_and_two_band_or_inequality_scales(tmp_path: Path):
    own = "# 某单位2022年度项目支出绩效自评报告\n\n## 一、自评结论\n\n本项目自评得分{0}分。\n\n" \
          "| 一级指标 | 权重 | 得分 |\n|---|---|---|\n| 决策 | 40 | 37 |\n| 产出 | 60 | 50 |\n| 合计 | 100 | 87 |\n"  # fmt: skip
    assert findings(tmp_path, own.format(87)) == {}
    assert "TT203" in findings(tmp_path, own.format(88))
    pass_fail = "## 一、评价结论\n\n综合得分60分（含）以上为合格，60分以下为不合格。本项目综合评价得分78.5分，评价等级为“{0}”。\n"
    assert findings(tmp_path, pass_fail.format("合格")) == {}
    assert "GR401" in findings(tmp_path, pass_fail.format("不合格"))
    inequality = ("## 一、评价结论\n\n综合得分≥85分为“优”，70分≤综合得分<85分为“良”，60分≤综合得分<70分为“中”，综合得分<60分为“差”。"
                  "本项目综合评价得分87分，评价等级为“{0}”。\n")  # fmt: skip
    assert findings(tmp_path, inequality.format("优")) == {}
    assert "GR401" in findings(tmp_path, inequality.format("良"))


def test_a_grading_scale_given_as_a_table_and_bonuses_said_otherwise(tmp_path: Path):
    scale = ("## 一、评价结论\n\n| 等级 | 分值区间 |\n|---|---|\n| 优 | 85（含）-100分 |\n| 良 | 70（含）-85分 |\n"
             "| 中 | 60（含）-70分 |\n| 差 | 60分以下 |\n\n本项目综合评价得分78.5分，评价等级为“{0}”。\n")  # fmt: skip
    assert findings(tmp_path, scale.format("良")) == {}
    assert "GR401" in findings(tmp_path, scale.format("中"))
    for adjusted in ("另因获评市级示范项目加3分", "其中加分项得分3分"):
        assert findings(tmp_path, BONUS_SAID.format(adjusted=adjusted, final=90, grade="优", others="")) == {}, adjusted
    proposed = "## 二、相关建议\n\n建议在下一年度考核办法中设置加分项，对获评市级示范小区的给予加3分的奖励，实行扣分项扣5分。\n"
    assert findings(tmp_path, BONUS_SAID.format(adjusted="不设加减分", final=87, grade="良", others=proposed)) == {}
