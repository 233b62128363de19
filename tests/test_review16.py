"""Wordings and layouts from the sixteenth review: ordinary reports that must stay quiet, slips that must be found
once, at the figure that is wrong."""

from __future__ import annotations

from pathlib import Path

from tests.test_wordings import findings

TWO_UNITS = """\
# 某项目绩效评价报告

## 一、项目概况

项目预算资金500.00万元，实际到位资金500.00万元，资金到位率100.00%。
"""


def test_a_rate_off_by_ten_thousand_names_the_amounts_whose_unit_would_mend_it(tmp_path: Path) -> None:
    """Two amounts, one in 元 and one in 万元: either unit may be the slip; the finding names the later one and the
    other as the alternative, and is said once (UN501 asks the same correction of the same amount)."""
    assert findings(tmp_path, TWO_UNITS) == {}
    found = findings(tmp_path, TWO_UNITS.replace("预算资金500.00万元", "预算资金500.00元"))
    assert set(found) == {"RT301"}
    [finding] = found["RT301"]
    assert (finding.found, finding.expected) == ("500.00万元", "500.00元")
    assert "或“500.00元”应为“500.00万元”" in finding.message
    assert "各金额单位一致" not in finding.message


SHORTFALL = """\
# 某道路项目绩效评价报告

## 一、项目概况

（1）资金到位情况。项目批复预算2,350.00万元，实际到位资金2,200.00万元，资金到位率93.62%，未到位的150.00万元已列入下年度预算。

（2）资金使用情况。项目全年实际支出2,046.75万元，预算执行率93.03%。
"""


def test_the_amount_not_yet_received_is_not_the_amount_received(tmp_path: Path) -> None:
    """“未到位的150.00万元” (or “尚未到位150.00万元”) is the shortfall: the 执行率 after it is on the 2,200.00 received."""
    for wording in ("未到位的150.00万元", "尚未到位150.00万元", "尚未拨付的150.00万元"):
        assert findings(tmp_path, SHORTFALL.replace("未到位的150.00万元", wording)) == {}, wording
    found = findings(tmp_path, SHORTFALL.replace("执行率93.03%", "执行率93.30%"))
    assert [(f.found, f.expected) for f in found["RT301"]] == [("93.30%", "93.03%")]


TWO_TABLES = """\
# 某项目绩效评价报告

## 一、绩效评价指标分析

### （一）项目决策情况

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| A2绩效目标 | A22绩效指标明确性 | 3 | 2 |
| 合计 | | 3 | 2 |

A22绩效指标明确性，权重3分，得分2分。

部分指标未细化量化。根据相关评分标准，扣1分，该指标得2分。

## 附件：绩效评价指标体系及评分表

| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|---|
| A决策 | A2绩效目标 | A22绩效指标明确性 | 3 | 2 |
| 合计 | | | 3 | 2 |
"""


def test_an_opening_both_tables_contradict_is_said_once_and_its_deduction_left_alone(tmp_path: Path) -> None:
    """A slipped opening weight (or score) that a section table and the appendix table both contradict is one SC101
    naming both tables; the closing's 扣1分 fits the tables, so SC103 stays quiet."""
    assert findings(tmp_path, TWO_TABLES) == {}
    for slipped in ("权重4分，得分2分。", "权重3分，得分2.5分。"):
        found = findings(tmp_path, TWO_TABLES.replace("权重3分，得分2分。", slipped))
        assert set(found) == {"SC101"}, slipped
        [finding] = found["SC101"]
        assert finding.expected == "权重3分，得分2分" and "表1" in finding.message and "表2" in finding.message


def test_one_misnumbered_heading_is_one_finding(tmp_path: Path) -> None:
    """“（二）（四）（四）” and “二、二、四、”: the next sibling follows the right order, so only the slip is named; a
    heading left out (“（二）（四）（五）”) is still one gap."""
    text = "# 某项目绩效评价报告\n\n## 一、基本情况\n\n### （一）概况\n\n### （二）资金\n\n### （三）产出\n\n### （四）效益\n\n" \
           "## 二、评价结论\n\n## 三、存在问题\n\n## 四、建议\n"  # fmt: skip
    assert findings(tmp_path, text) == {}
    for slipped, found in (("（三）产出", "（四）"), ("三、存在问题", "二、"), ("（四）效益", "（三）")):
        wrong = text.replace(slipped, found + slipped[3:] if found.startswith("（") else found + slipped[2:])
        assert [f.found for f in findings(tmp_path, wrong)["HD801"]] == [found], slipped
    left_out = text.replace("### （三）产出\n\n", "").replace("（四）效益", "（四）效益\n\n### （五）其他")
    assert [f.found for f in findings(tmp_path, left_out)["HD801"]] == ["（四）"]


AUDIT = """\
# 某河道治理项目绩效评价报告

## 一、项目概况

4.项目完成情况。工程于2023年11月通过竣工验收。区审计局委托造价咨询机构完成结算审核，送审金额2,745.80万元，审定金额2,680.26万元，核减65.54万元，核减率2.39%。

## 二、绩效分析

C41结算审核，权重4分，得分4分。工程送审金额2,745.80万元，经审核审定金额2,680.26万元，核减65.54万元，审核及时。根据相关评分标准，该指标得4分。
"""


def test_a_mistyped_amount_written_right_elsewhere_is_named_where_its_own_sums_break(tmp_path: Path) -> None:
    """送审 written twice, one of them mistyped: the one whose own paragraph's 送审 − 审定 = 核减 breaks is named, once,
    whichever comes first (CT702 and UN501 ask the same correction)."""
    assert findings(tmp_path, AUDIT) == {}
    first = AUDIT.replace("送审金额2,745.80万元，审定", "送审金额2,754.80万元，审定", 1)
    later = AUDIT.replace("工程送审金额2,745.80万元", "工程送审金额2,754.80万元")
    for slipped, line in ((first, "区审计局"), (later, "工程送审")):
        found = [f for fs in findings(tmp_path, slipped).values() for f in fs]
        assert [(f.found, f.expected) for f in found] == [("2,754.80万元", "2,745.80万元")]
        assert line in found[0].excerpt


BALANCE = """\
# 某饮水安全项目绩效评价报告

## 一、项目概况

5.项目资金情况。项目预算1,860.00万元，全部到位。截至2023年12月31日实际支出1,712.46万元。

项目结余资金147.54万元，已按规定收回财政。

## 二、存在的问题

项目预算1,860.00万元，实际支出1,712.46万元，结余资金147.54万元，资金执行进度偏慢。
"""


def test_of_two_mentions_the_one_its_sentence_bears_out_is_kept(tmp_path: Path) -> None:
    """A 结余 mistyped in its first mention, written right later in a sentence that shows 1,860.00 − 1,712.46: the
    first is named (not the later one, as by default)."""
    assert findings(tmp_path, BALANCE) == {}
    found = findings(tmp_path, BALANCE.replace("结余资金147.54万元，已按", "结余资金147.45万元，已按"))
    assert [(f.found, f.expected) for f in found["UN501"]] == [("147.45万元", "147.54万元")]
    assert "已按规定" in found["UN501"][0].excerpt


QUIET = """\
# 某项目绩效评价报告

## 一、评估情况

经测算，建议金额按电梯加装补助48台、30.00万元/台，管线迁移补助48台、2.50万元/台，第三方评估及审图费48台、0.25万元/台测算，合计1,572.00万元。

共发放学生家长问卷1,500份，收回1,486份，有效问卷共计1,452份，有效率97.71%。

合同约定每周巡检1次，全年应巡检52次，实际巡检50次，巡检完成率96.15%。

更换LED显示屏2块，尺寸4.8米×2.7米，总面积25.92平方米。

收回有效问卷380份，其中非常满意212份、满意118份、基本满意41份，满意度（含基本满意）97.63%。

## 二、绩效分析

B23资产管理规范性，权重2分，得分1.5分。部分报废资产未及时核销，按评分标准应扣1分，考虑到评价期间已完成报废核销，酌情扣0.5分，得1.5分。

C22出水水质达标率，权重10分，得分8.6分。全年达标率93.62%，较95%低1.38个百分点，扣1.38分，得8.62分，保留一位小数为8.6分。

表2 项目收益与融资平衡测算表

| 项目 | 金额（万元） |
|---|---|
| 营业收入 | 71,850.00 |
| 减：运营成本 | 10,900.00 |
| 预期净收益 | 60,950.00 |
| 应还债券本息合计 | 48,760.00 |
| 本息覆盖倍数 | 1.25 |

| 期间 | 净收益 | 应还本息 | 覆盖倍数 |
|---|---|---|---|
| 2022—2030年 | 18,060.00 | 14,628.00 | 1.23 |
| 2031—2036年 | 20,220.00 | 14,628.00 | 1.38 |
| 合计 | 38,280.00 | 29,256.00 | 1.31 |
"""


def test_prices_funnels_frequencies_items_and_computation_tables_are_read_as_such(tmp_path: Path) -> None:
    """Unit prices times a count (not added up as items), a survey's 发放/收回/有效 stages, a weekly frequency beside what was due, the area of
    two screens, satisfaction grades without 不满意 whose share the sentence gives, a standard deduction replaced by a
    discretionary one, a deduction before rounding the sentence states, a computation table's “…合计” line and a
    覆盖倍数 column: all quiet; slips in them are still found."""
    assert findings(tmp_path, QUIET) == {}
    slips = {"收回1,486份，有效问卷": ("RT301", "收回1,468份，有效问卷"),
             "完成率96.15%": ("RT301", "完成率96.51%"), "总面积25.92平方米": ("CT703", "总面积26.92平方米"),
             "酌情扣0.5分": ("SC103", "酌情扣0.4分"), "扣1.38分，得8.62分": ("SC103", "扣1.48分，得8.52分"),
             "| 合计 | 38,280.00 |": ("TT201", "| 合计 | 38,208.00 |")}  # fmt: skip
    for right, (rule, wrong) in slips.items():
        assert rule in findings(tmp_path, QUIET.replace(right, wrong)), right


SUB_PROJECTS = """\
# 某区文化惠民工程项目绩效评价报告

## 一、综合评价结论

项目由两个子项目组成，按资金权重加权计算，综合得分86.88分，评价等级为“良”。

## 二、绩效评价指标分析

### （一）子项目一：公共文化场馆免费开放

| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 决策 | 绩效目标合理性 | 40 | 35 |
| 效益 | 群众满意度 | 60 | 53.5 |
| 合计 | | 100 | 88.5 |

绩效目标合理性（40分）得35分，目标明确。

### （二）子项目二：送戏下乡

| 一级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|
| 决策 | 绩效目标合理性 | 40 | 32 |
| 效益 | 群众满意度 | 60 | 52 |
| 合计 | | 100 | 84 |

绩效目标合理性（40分）得32分，部分目标未量化。
"""


def test_sub_projects_scored_alike_are_each_checked_against_their_own_table(tmp_path: Path) -> None:
    """Two sub-projects scored out of 100 with the same indicator names: each one's prose is compared with its own
    table only, and their 合计 are no report total; a slip is found against its own table."""
    assert findings(tmp_path, SUB_PROJECTS) == {}
    found = findings(tmp_path, SUB_PROJECTS.replace("（40分）得32分", "（40分）得33分"))
    assert [f.expected for f in found["SC101"]] == ["权重40分，得分32分"] and set(found) == {"SC101"}


FOUND_NOW = """\
# 某项目绩效评价报告

## 一、项目概况

3.项目实施内容。全年计划演出120场，覆盖4个镇（街道）。

演出涵盖越剧、京剧、话剧三个类别。

4.项目完成情况。截至年底，项目实际完成演出126场，完成率105.00%。

项目通过竣工验收，三条道路合计完成路面及人行道改造33,840平方米（中山路17,280平方米、建设路10,080平方米、人民路6,480平方米）。

## 二、绩效分析

评价组发放满意度调查问卷400份，回收有效问卷392份，其中满意及基本满意362份，满意度92.35%。

抽检80处，合格74处，护岸工程质量达标率92.50%。

全年治安案件由上年的23起下降至15起，下降34.78%；参保人数从1,200人增加到1,500人，同比增长25%。
"""


def test_rates_and_sums_read_in_more_wordings(tmp_path: Path) -> None:
    """A 完成率 on the plan a paragraph before gives, a 满意度 after “满意度调查问卷400份”, 合格 counted for a 达标率, a
    change written as “由23起下降至15起，下降34.78%”, and a 合计 with what was done between it and its figure: quiet
    when right, and each slip named with its correction written as the report writes it."""
    assert findings(tmp_path, FOUND_NOW) == {}
    slips = {"完成率105.00%": ("RT301", "完成率105.60%", "105.00%"), "满意度92.35%": ("RT301", "满意度93.25%", "92.35%"),
             "合格74处": ("RT301", "合格47处", "74处"), "下降34.78%": ("RT301", "下降53.33%", "34.78%"),
             "同比增长25%": ("RT301", "同比增长20%", "25%"), "改造33,840平方米": ("CT702", "改造33,480平方米", "33,840平方米")}  # fmt: skip
    for right, (rule, wrong, expected) in slips.items():
        found = findings(tmp_path, FOUND_NOW.replace(right, wrong))
        assert [f.expected for f in found[rule]] == [expected], right
        assert set(found) == {rule}, right


def test_corrections_are_written_as_the_report_writes_its_figures(tmp_path: Path) -> None:
    """A rate to the stated decimals (“83.60%” for “83.06%”), a count in Chinese numerals beside “三个方面”, a total with
    its thousands separators and decimals."""
    text = ("# 某项目绩效评价报告\n\n## 一、概况\n\n项目预算500.00万元，实际支出418.00万元，预算执行率83.06%。\n\n"
            "评价组从决策、过程、产出、效益三个方面开展评价。\n\n"
            "其中设备费1,200.50万元，安装费2,325.90万元，合计支出3,562.40万元。\n")  # fmt: skip
    found = findings(tmp_path, text)
    assert [f.expected for f in found["RT301"]] == ["83.60%"]
    assert [f.expected for f in found["CT701"]] == ["四"]
    assert [f.expected for f in found["CT702"]] == ["3,526.40万元"]


NAMES = """\
# 某项目绩效评价报告

## 一、绩效分析

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| B2组织实施 | B23项目验收规范性 | 3 | 2 |
| 合计 | | 3 | 2 |

B23项目验收规范性，权重3分，得分2分。

## 附件：评分表

| 一级指标 | 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|---|
| B过程 | B2组织实施 | B23项目验收规范性 | 3 | 2 |
| 合计 | | | 3 | 2 |
"""


def test_a_table_naming_an_indicator_otherwise_than_the_rest_is_named_at_its_row(tmp_path: Path) -> None:
    """The section table or the appendix renames B23 while the other table and the prose keep the name: that row is
    named, not the prose; the prose alone renaming it is named at the prose."""
    assert findings(tmp_path, NAMES) == {}
    for table in (1, 2):
        renamed = NAMES.replace("B23项目验收规范性 | 3", "B23项目验收合规性 | 3", table)
        renamed = renamed.replace("B23项目验收合规性 | 3", "B23项目验收规范性 | 3", table - 1) if table == 2 else renamed
        [finding] = findings(tmp_path, renamed)["NM601"]
        assert (finding.found, finding.expected) == ("B23项目验收合规性", "B23项目验收规范性")
        assert finding.location.table == table
    [prose] = findings(tmp_path, NAMES.replace("B23项目验收规范性，", "B23项目验收合规性，"))["NM601"]
    assert prose.location.table is None and prose.expected == "B23项目验收规范性"


def test_支出率_and_支付比例_are_taken_like_执行率(tmp_path: Path) -> None:
    """A 支出率 in prose and 支出率/支付比例 columns are recomputed (spent ÷ the amount allotted, received or contracted)."""
    text = ("# 某项目绩效评价报告\n\n## 一、资金\n\n中央财政下达资金12,800.00万元，共支出12,184.88万元，资金支出率95.19%。\n\n"
            "| 县（区） | 下达金额 | 实际支出 | 支出率 |\n|---|---|---|---|\n| 临川区 | 3,680.00 | 3,581.25 | 97.32% |\n"
            "| 乐安县 | 2,800.00 | 2,512.36 | 89.73% |\n| 合计 | 6,480.00 | 6,093.61 | 94.04% |\n\n"
            "| 合同名称 | 合同金额 | 已支付金额 | 支付比例 |\n|---|---|---|---|\n| 施工 | 3,486,215.40 | 3,137,593.86 | 90.00% |\n")  # fmt: skip
    assert findings(tmp_path, text) == {}
    for right, wrong in (("支出率95.19%", "支出率95.91%"), ("| 89.73% |", "| 89.37% |"), ("| 90.00% |", "| 80.00% |")):
        found = findings(tmp_path, text.replace(right, wrong))
        assert [f.found for f in found["RT301"]] == [wrong.strip("| ").removeprefix("支出率")], right


def test_tables_saved_one_cell_a_line_are_no_headings(tmp_path: Path) -> None:
    """A LibreOffice text export puts each cell on its own line: “2.加强项目实施规范管理” from a table cell is no
    misnumbered heading (the file says its tables could not be checked)."""
    cells = "\n\n".join(["序号", "建议", "1.提高绩效目标编制水平。", "2.加强项目实施规范管理"] + [str(n) for n in range(10, 22)])
    text = f"# 某项目绩效评价报告\n\n## 一、评价结论\n\n项目得分88分。\n\n{cells}\n\n## 二、建议\n"
    assert "HD801" not in findings(tmp_path, text)
    headed = "# 某项目绩效评价报告\n\n## 一、评价结论\n\n项目得分88分。\n\n## 三、建议\n"
    assert "HD801" in findings(tmp_path, headed)  # (with no such cells, headings are checked as ever)


def test_a_carry_in_beside_the_budget_is_funds_at_hand_not_a_part(tmp_path: Path) -> None:
    """“项目预算6,000.00万元，上年结转286.40万元，实际支出5,900.00万元，执行率…”: the project's rate, on the budget or on
    the budget with the carry-in; a rate that is neither is found (it used to be skipped as another year's or a part's)."""
    text = "# 某项目绩效评价报告\n\n## 一、资金\n\n项目预算6,000.00万元，上年结转286.40万元，实际支出5,900.00万元，执行率{}。\n"
    for right in ("98.33%", "93.85%"):
        assert findings(tmp_path, text.format(right)) == {}, right
    assert [f.found for f in findings(tmp_path, text.format("94.77%"))["RT301"]] == ["94.77%"]
    own = "# 某项目绩效评价报告\n\n## 一、资金\n\n上年结转资金50.00万元，实际支出40.00万元，执行率80%。\n"
    assert findings(tmp_path, own) == {}  # (a carry-over's own rate)


def test_headings_run_into_a_line_and_items_numbered_under_a_run_in_heading(tmp_path: Path) -> None:
    """A web page's copy runs headings into the line before (“……监控报告1一、项目支出基本情况”, “附件:1.……”, “1.……
    2.…… 3.……”): the numbers are there. Items under a run-in “（三）……分析。” number afresh. A number really left out
    is still found."""
    run_in = ("# 某项目绩效监控报告\n\n绩效运行监控报告1一、项目支出基本情况\n\n## 二、监控工作开展情况\n\n"
              "附件:1.某项目绩效目标表\n\n2.某项目资金表\n\n"
              "1.进一步缓解家庭养老压力。 2.满意度达到90%。 3.控制在总概算范围内。\n\n4.按设计规范要求完成\n")  # fmt: skip
    assert "HD801" not in findings(tmp_path, run_in)
    fresh = ("# 某项目绩效评价报告\n\n## 一、绩效目标完成情况分析\n\n(一)资金投入情况分析。\n\n1.项目资金到位情况分析。\n\n"
             "2.项目资金执行情况分析。\n\n3.项目资金管理情况分析。\n\n(二)总体绩效目标完成情况分析。\n\n"
             "(三)绩效指标完成情况分析。\n\n1.产出指标完成情况分析。\n\n2.效益指标完成情况分析。\n\n3.满意度指标完成情况分析\n")  # fmt: skip
    assert "HD801" not in findings(tmp_path, fresh)
    left_out = "# 某项目绩效评价报告\n\n## 一、概况\n\n### （一）项目概况\n\n### （三）资金情况\n"
    assert [f.found for f in findings(tmp_path, left_out)["HD801"]] == ["（三）"]


def test_a_total_after_parts_that_make_their_own_whole_and_a_支付率(tmp_path: Path) -> None:
    """The 其中 parts add up to the 安排 before them: the “共支出” after them is another quantity. A 支付率 is taken like a
    执行率."""
    text = ("# 某救助资金绩效评价报告\n\n## 一、资金\n\n2020年,省级统筹安排困难群众救助补助资金756544万元,其中,中央资金533744万元、"
            "省级资金222800万元,全省困难群众救助资金共支出1217312.77万元。\n\n"
            "安排资金19204.096万元，资金支付18501.096万元，未支703万元，支付率96.34%。\n")  # fmt: skip
    assert findings(tmp_path, text) == {}
    assert [f.expected for f in findings(tmp_path, text.replace("支付率96.34%", "支付率95%"))["RT301"]] == ["96.34%"]
    assert "CT702" in findings(tmp_path, text.replace("省级资金222800万元", "省级资金228200万元"))


def test_a_其中_list_set_apart_by_semicolons_adds_up(tmp_path: Path) -> None:
    """“其中:30万元用于……;30万元用于……;29.99万元用于……。” lists its items between semicolons: they are added up."""
    text = "# 某项目绩效评价报告\n\n## 一、资金\n\n本项目共完成预算资金{}万元。其中:30万元用于道路硬化;30万元用于路灯安装;29.99万元用于绿化提升。\n"
    assert findings(tmp_path, text.format("89.99")) == {}
    assert [f.expected for f in findings(tmp_path, text.format("89.97"))["CT702"]] == ["89.99万元"]
