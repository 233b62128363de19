"""Wordings and layouts from the fourteenth review: ordinary reports that must stay quiet, slips that must be found
once, at the figure that is wrong."""

from __future__ import annotations

from pathlib import Path

from tests.test_wordings import findings

WHOLE_WITH_PARTS = """\
# 某项目绩效评价报告

## 一、项目概况

项目预算总额1,806.00万元，其中：中央补助资金900.00万元，省级补助资金500.00万元，县级配套资金460.00万元。截至2023年12月31日，\
项目资金实际到位1,860.00万元，资金到位率100%；实际支出1,800.00万元，预算执行率96.77%。
"""


def test_a_whole_mistyped_before_its_parts_is_reported_once_by_ct702(tmp_path: Path) -> None:
    """The 到位率 holds on the sum of the budget's parts: the budget is the slip, and only CT702 says so."""
    found = findings(tmp_path, WHOLE_WITH_PARTS)
    assert [f.found for f in found["CT702"]] == ["1,806.00万元"]
    assert "RT301" not in found


def test_a_rate_wrong_on_both_the_whole_and_its_parts_is_still_reported(tmp_path: Path) -> None:
    found = findings(tmp_path, WHOLE_WITH_PARTS.replace("资金到位率100%", "资金到位率98%"))
    assert [f.found for f in found["RT301"]] == ["98%"]
    clean = findings(tmp_path, WHOLE_WITH_PARTS.replace("1,806.00万元，其中", "1,860.00万元，其中"))
    assert clean == {}


FORM = [
    ["项目支出绩效自评表", "", "", "", "", "", "", ""],
    ["项目名称", "公共文化设施免费开放项目", "", "", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "300.00", "320.00", "304.00", "10", "95%", "9.5"],
    ["", "其中：当年财政拨款", "300.00", "320.00", "304.00", "—", "—", "—"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["", "产出指标", "数量指标", "举办公益讲座场次", "≥48场", "52场", "40", "40"],
    ["", "效益指标", "社会效益指标", "年接待读者人次", "≥50万人次", "46万人次", "40", "36"],
    ["", "满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "93.5%", "10", "10"],
    ["总分", "", "", "", "", "", "100", "95.5"],
]


def test_a_self_evaluation_forms_funding_score_mistyped_is_named_by_its_execution_rate(tmp_path: Path) -> None:
    """The 资金 row scores 执行率 × 分值: a 9.3 for 9.5 is that cell's slip, not the 总分's."""
    from tests.test_review12 import _docx_findings

    rows = [row.copy() for row in FORM]
    rows[3][7] = "9.3"
    found = _docx_findings(tmp_path, rows)
    assert [(f.found, f.expected, f.location.row) for f in found["TT201"]] == [("9.3", "9.5", 4)]
    assert "本行执行率×分值" in found["TT201"][0].message
    assert _docx_findings(tmp_path, FORM) == {}
    rows = [row.copy() for row in FORM]
    rows[9][7] = "95.3"  # the 总分 itself mistyped: the 资金 row's 9.5 holds on its rate, the 总分 is named
    assert [f.found for f in _docx_findings(tmp_path, rows)["TT201"]] == ["95.3"]


PAYMENTS = """\
# 某项目绩效评价报告

## 一、项目资金情况

截至2023年底，项目累计支付718.20万元，明细见下表。

单位：万元

| 序号 | 支出内容 | 合同金额 | 支付金额 |
|---|---|---|---|
| 1 | 软件开发 | 520.00 | 468.00 |
| 2 | 硬件采购 | 180.00 | 172.40 |
| 3 | 系统集成 | 60.00 | 52.44 |
| 4 | 监理服务 | 32.00 | 25.36 |
| 合计 | | 792.00 | 718.20 |
"""


def test_a_cell_with_two_digits_swapped_under_a_total_the_prose_confirms_is_named(tmp_path: Path) -> None:
    assert findings(tmp_path, PAYMENTS) == {}
    found = findings(tmp_path, PAYMENTS.replace("25.36", "25.63"))["TT201"]
    assert [(f.found, f.expected, f.location.row) for f in found] == [("25.63", "25.36", 5)]
    # a row off by some other amount: no cell can be named, the finding still says a row is off
    found = findings(tmp_path, PAYMENTS.replace("25.36", "26.36"))["TT201"]
    assert [(f.found, f.location.row) for f in found] == [("719.20", 6)]
    assert "多是某一行写错" in found[0].message


def test_an_execution_rate_declared_on_到位_is_not_taken_on_the_budget_when_only_parts_are_received(tmp_path: Path):
    text = ("项目预算资金12,000.00万元，其中市级资金8,600.00万元，县级配套资金3,400.00万元。截至2022年12月31日，市级资金"
            "8,600.00万元全部到位，县级配套资金到位2,720.00万元，到位率80.00%；项目实际支出10,735.46万元，"
            "预算执行率（实际支出÷实际到位资金）为94.84%。\n")
    assert findings(tmp_path, text) == {}
    # declared on the budget: taken on it (10,735.46 ÷ 12,000 = 89.46%)
    on_budget = text.replace("实际支出÷实际到位资金", "实际支出÷预算资金")
    assert [f.expected for f in findings(tmp_path, on_budget)["RT301"]] == ["89.46%"]


def test_an_amount_written_in_one_unit_once_and_in_another_twice_blames_the_once(tmp_path: Path):
    text = ("## 一、项目概况\n\n经批复，项目批复概算3,850.00元。\n\n## 二、资金情况\n\n项目预算资金3,850.00万元，实际到位资金"
            "3,600.00万元。\n\n项目预算3,850.00万元，全部用于管网建设。\n")
    [slip] = findings(tmp_path, text)["UN501"]
    assert (slip.found, slip.expected) == ("3,850.00元", "3,850.00万元") and "别处2次写作“万元”" in slip.message
    # once each: the one far from the size of the report's other amounts is named (3,850.00元 among millions)
    [slip] = findings(tmp_path, text.replace("项目预算3,850.00万元，全部", "项目全部"))["UN501"]
    assert slip.found == "3,850.00元"
    # and when the sizes do not tell, the later one
    [slip] = findings(tmp_path, text.replace("项目预算3,850.00万元，全部", "项目全部").replace("3,600.00万元", "3,600.00元"))["UN501"]
    assert slip.found == "3,850.00万元"


def test_everyday_shares_and_completion_rates_are_recomputed(tmp_path: Path):
    right = ("2022年度列入区委区政府重点任务8项，按时完成7项，按时完成率87.50%。27个完工项目中按期完工22个，按期完工率81.48%。"
             "46所学校改造工程首次验收合格44所，合格率95.65%，其余2所经整改后通过复验。\n\n"
             "计划改造校舍面积12.50万平方米，实际完成12.68万平方米，完成率101.44%。"
             "合同约定全年提供法律咨询服务12,000人次，实际提供13,526人次，完成率112.72%。\n")
    assert findings(tmp_path, right) == {}
    for good, bad in (("87.50%", "85.70%"), ("81.48%", "84.18%"), ("95.65%", "96.55%"), ("101.44%", "104.14%"),
                      ("112.72%", "112.27%")):  # fmt: skip
        [slip] = findings(tmp_path, right.replace(good, bad))["RT301"]
        assert (slip.found, slip.expected) == (bad, good), slip.message


def test_contract_savings_paid_contracts_and_a_bracketed_make_up_are_the_projects(tmp_path: Path):
    text = ("项目年度预算900.00万元，实际到位900.00万元，资金到位率100%。项目共签订合同4份，合同金额合计857.90万元，较预算节约"
            "42.10万元，节约率4.68%。截至2022年12月31日，累计支付合同款724.76万元，预算执行率80.53%。\n\n"
            "项目预算资金3,850.00万元，实际到位资金3,600.00万元，资金到位率93.51%；截至2022年12月31日实际支出3,312.50万元"
            "（含工程费3,268.37万元、监理费44.13万元），预算执行率92.01%。\n")
    assert findings(tmp_path, text) == {}
    for good, bad in (("4.68%", "4.86%"), ("80.53%", "85.03%"), ("92.01%", "90.21%")):
        [slip] = findings(tmp_path, text.replace(good, bad))["RT301"]
        assert (slip.found, slip.expected) == (bad, good)
    # a contract's own rate stays the contract's: “合同金额300万元，已支付240万元，执行率80%”
    own = "项目预算1,000万元，实际到位1,000万元。监理合同金额300万元，已支付240万元，执行率80%。\n"
    assert findings(tmp_path, own) == {}


def test_a_拨付率_column_is_recomputed_on_the_row(tmp_path: Path):
    table = ("| 年度 | 下达贴息资金（万元） | 拨付贴息资金（万元） | 拨付率 |\n|---|---|---|---|\n"
             "| 2020年 | 1,025.60 | 1,002.35 | 97.73% |\n| 2021年 | 1,268.40 | 1,251.18 | 98.64% |\n"
             "| 合计 | 2,294.00 | 2,253.53 | 98.24% |\n")
    assert findings(tmp_path, table) == {}
    [slip] = findings(tmp_path, table.replace("98.64%", "98.46%"))["RT301"]
    assert (slip.found, slip.expected, slip.location.row) == ("98.46%", "98.64%", 3)


PRE_ASSESSMENT = """\
# 某项目事前绩效评估报告

## 一、评估方法

评估结论按得分分为三档：80分（含）以上为“予以支持”，60分（含）至80分为“部分支持”，60分以下为“不予支持”。

## 二、评估结论

经综合评估，该项目事前绩效评估得分为86分，评估结论为“予以支持”。

| 评估内容 | 评估要点 | 分值 | 得分 |
|---|---|---|---|
| 立项必要性 | 政策相关性 | 10 | 10 |
| | 需求迫切性 | 40 | 33 |
| 实施可行性 | 实施方案完整性 | 30 | 26 |
| | 预算编制合理性 | 20 | 17 |
| 合计 | | 100 | 86 |

## 三、评估内容分析

立项必要性共50分，得43分。实施可行性共50分，得43分。
"""


def test_an_ex_ante_assessment_total_grade_and_parts_are_read(tmp_path: Path):
    assert findings(tmp_path, PRE_ASSESSMENT) == {}
    [slip] = findings(tmp_path, PRE_ASSESSMENT.replace("评估得分为86分", "评估得分为88分"))["TT203"]
    assert (slip.found, slip.expected) == ("88分", "86分")
    [slip] = findings(tmp_path, PRE_ASSESSMENT.replace("评估结论为“予以支持”", "评估结论为“部分支持”"))["GR401"]
    assert (slip.found, slip.expected) == ("部分支持", "予以支持")
    [slip] = findings(tmp_path, PRE_ASSESSMENT.replace("立项必要性共50分，得43分", "立项必要性共50分，得42分"))["TT202"]
    assert "立项必要性" in slip.message and slip.found.endswith("得分42分")


def test_a_total_after_该项目_is_not_taken_for_an_indicators_score(tmp_path: Path):
    text = "经综合评价，该项目绩效评价得分89.5分。其中决策指标得13分，过程指标得22.5分，产出指标得28分，效益指标得26分。\n"
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("过程指标得22.5分", "过程指标得23.5分"))["TT202"]
    assert "90.5" in slip.message


def test_lists_of_offices_places_and_parts_are_counted(tmp_path: Path):
    right = ("局机关内设办公室、政策法规科、文化艺术科、文物科、旅游发展科、体育科、财务审计科7个科室，下属区文化馆、区图书馆、"
             "区体育中心3家全额拨款事业单位。\n\n专项资金已全部分配下达至南湖区、秀洲区、嘉善县、平湖市、海盐县5个县（市、区）。"
             "评估组征求了递铺街道、孝丰镇、天荒坪镇3个乡镇（街道）的意见。\n\n"
             "主要建设内容包括平台软件开发、云资源租赁、等级保护测评和项目监理4部分。\n\n"
             "合同约定开发功能模块14个，实际完成13个，分别为统一身份认证、电子证照、好差评、智能客服、综合受理、一件事联办、掌上办、"
             "跨省通办、电子印章、数据共享、统一支付、统计分析、证照库管理，“智能审批”模块尚在开发中。\n")
    assert findings(tmp_path, right) == {}
    for good, bad in (("7个科室", "6个科室"), ("3家全额", "4家全额"), ("5个县", "6个县"), ("3个乡镇", "4个乡镇"),
                      ("4部分", "5部分"), ("实际完成13个", "实际完成12个")):  # fmt: skip
        [slip] = findings(tmp_path, right.replace(good, bad))["CT701"]
        assert slip.found == "".join(ch for ch in bad if ch.isdigit()), slip.message


def test_a_thousands_group_typed_with_letters(tmp_path: Path):
    [slip] = findings(tmp_path, "评价组发放师生问卷2,OOO份。评价咨询电话：0575-85203366。\n")["FG901"]
    assert (slip.found, slip.expected) == ("2,OOO", "2,000")
    assert findings(tmp_path, "评价组发放师生问卷2,000份，编号ISO9001。\n") == {}


def test_sums_a_year_split_an_added_adjustment_and_a_cut_on_the_recommended_amount(tmp_path: Path):
    right = ("三年累计带动就业11,230人，其中2020年3,106人，2021年3,842人，2022年4,282人，低于政策预期的12,000人。\n\n"
             "2023年度全区享受补贴老人6,842人，其中特困老人1,236人、低保老人2,018人、80周岁以上高龄老人3,588人。\n\n"
             "2022年度部门年初预算5,476.40万元，年中追加调整421.65万元，调整后预算5,898.05万元；全年实际支出5,701.09万元。\n\n"
             "评估组建议项目资金安排2,574.30万元，较申报金额2,860.00万元审减285.70万元，审减率9.99%。\n")
    assert findings(tmp_path, right) == {}
    for good, bad, named in (("3,842人", "3,824人", "3,824人"), ("2,018人", "2,081人", "2,081人"),
                             ("预算5,898.05万元", "预算5,897.05万元", "5,897.05万元"),
                             ("审减285.70万元", "审减258.70万元", "258.70万元")):  # fmt: skip
        found = findings(tmp_path, right.replace(good, bad))
        assert [f.found for f in found["CT702"]] == [named] and "RT301" not in found, found
    # a part off by a digit that is no swap: the whole is reported against the parts' sum
    [slip] = findings(tmp_path, right.replace("2,018人", "2,019人"))["CT702"]
    assert (slip.found, slip.expected) == ("6,842人", "6,843人")


AUDIT_TABLE = """\
审定金额3,268.37万元，核减金额244.47万元。

| 标段 | 送审金额 | 审定金额 | 核减金额 | 核减率 |
|---|---|---|---|---|
| 一标段 | 1,915.36 | 1,782.44 | 132.92 | 6.94% |
| 二标段 | 1,146.28 | 1,068.13 | 78.15 | 6.82% |
| 三标段 | 451.20 | 417.80 | 33.40 | 7.40% |
| 合计 | 3,512.84 | 3,268.37 | 244.47 | 6.96% |
"""


def test_an_audit_tables_row_whose_cut_is_not_submitted_less_approved_is_named(tmp_path: Path):
    assert findings(tmp_path, AUDIT_TABLE) == {}
    found = findings(tmp_path, AUDIT_TABLE.replace("| 33.40 |", "| 34.40 |"))
    assert list(found) == ["CT702"]
    [slip] = found["CT702"]
    assert (slip.found, slip.expected, slip.location.row) == ("34.40", "33.40", 4) and "三标段" in slip.message
    # the row's 核减率 holds on its 核减: the 审定 is the cell off
    found = findings(tmp_path, AUDIT_TABLE.replace("| 417.80 |", "| 418.70 |"))
    assert [(f.found, f.expected, f.location.col) for f in found["CT702"]] == [("418.70", "417.80", 3)]
    assert list(found) == ["CT702"]


GROUPED = """\
# 某项目绩效评价报告

## 一、综合评价结论

经综合评价，项目绩效评价得分为87分。其中决策指标得分40分，效益指标得分47分。

| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|---|
| 决策 | 项目立项 | 立项依据充分性 | 50 | 40 |
| 效益 | 社会效益 | 办事效率提升 | 20 | 17 |
| | 可持续影响 | 运维保障机制 | 15 | 15 |
| | 满意度 | 用户满意度 | 15 | 15 |
| 合计 | | | 100 | 87 |

## 二、绩效分析

效益指标满分50分，得分47分。
"""


def test_a_row_under_one_level1_mistyped_where_the_prose_and_the_合计_agree_is_told_once(tmp_path: Path):
    assert findings(tmp_path, GROUPED) == {}
    found = findings(tmp_path, GROUPED.replace("| 20 | 17 |", "| 20 | 16 |"))
    assert list(found) == ["TT201"]
    [slip] = found["TT201"]
    assert (slip.found, slip.expected) == ("46", "47") and "“效益”下某一行写错" in slip.message
    # the 合计 mistyped instead: the 合计 is named, as before
    [slip] = findings(tmp_path, GROUPED.replace("| 100 | 87 |", "| 100 | 88 |"))["TT201"]
    assert slip.found == "88"


BUDGET_LINES = """\
表1 部门预算执行情况表（单位：万元）

| 项目 | 调整后预算 | 实际支出 | 执行率 |
|---|---|---|---|
| 一、基本支出 | 2,410.85 | 2,398.62 | 99.49% |
| 其中：人员经费 | 2,031.55 | 2,027.30 | 99.79% |
| 公用经费 | 379.30 | 371.32 | 97.90% |
| 二、项目支出 | 3,486.20 | 3,302.47 | 94.73% |
| 合计 | 5,897.05 | 5,701.09 | 96.68% |
"""


def test_a_breakdown_under_a_numbered_name_and_an_amount_with_two_digits_swapped(tmp_path: Path):
    assert findings(tmp_path, BUDGET_LINES) == {}
    found = findings(tmp_path, BUDGET_LINES.replace("| 371.32 |", "| 371.23 |"))
    assert list(found) == ["RT301"]  # the 其中 rows are not added to the 合计 again
    [slip] = found["RT301"]
    assert (slip.found, slip.expected, slip.location.row, slip.location.col) == ("371.23", "371.32", 4, 3)
    [slip] = findings(tmp_path, BUDGET_LINES.replace("| 97.90% |", "| 97.09% |"))["RT301"]  # the rate itself
    assert (slip.found, slip.expected) == ("97.09%", "97.90%")


def test_a_level1_of_one_row_and_a_level1_named_with_its_weight_in_the_cell(tmp_path: Path):
    one_row = GROUPED.replace("| 决策 | 项目立项 | 立项依据充分性 | 50 | 40 |", "| 决策 | 项目立项 | 立项依据充分性 | 50 | 40 |")
    [slip] = findings(tmp_path, one_row.replace("| 50 | 40 |", "| 50 | 41 |").replace("| 100 | 87 |", "| 100 | 87 |"))["TT201"]
    assert (slip.found, slip.expected) == ("41", "40") and "“决策”一行" in slip.message and "这一格" in slip.message
    weighed = GROUPED.replace("| 决策 |", "| 决策（50分） |").replace("| 效益 |", "| 效益（50分） |")
    assert findings(tmp_path, weighed) == {}
    [slip] = findings(tmp_path, weighed.replace("效益指标满分50分，得分47分", "效益类指标满分50分，得分46分"))["TT202"]
    assert slip.message.startswith("效益指标小计") and (slip.found, slip.expected) == ("权重50分，得分46分", "权重50分，得分47分")


PROSE_AND_AUDIT_TABLE = """\
施工单位送审金额3,512.84万元。其中净水厂改造审减127.20万元。

| 标段 | 送审金额 | 审定金额 | 审减金额 |
|---|---|---|---|
| 净水厂改造 | 3,512.84 | 3,385.64 | 127.20 |
| 合计 | 3,512.84 | 3,385.64 | 127.20 |
"""


def test_a_prose_amount_one_keystroke_off_its_table_column(tmp_path: Path):
    assert findings(tmp_path, PROSE_AND_AUDIT_TABLE) == {}
    for good, bad in (("3,512.84万元。", "3,512.48万元。"), ("127.20万元", "127.02万元")):
        [slip] = findings(tmp_path, PROSE_AND_AUDIT_TABLE.replace(good, bad))["UN501"]
        assert (slip.found, slip.expected) == (bad.rstrip("。"), good.rstrip("。")) and slip.location.table is None
    # another amount named alike (a second contract) is no slip of the table's
    other = PROSE_AND_AUDIT_TABLE.replace("其中净水厂改造审减127.20万元。", "另一合同送审金额2,000.00万元。")
    assert findings(tmp_path, other) == {}


def test_a_prose_audit_sentence_whose_送审_is_off_its_table_is_told_once(tmp_path: Path):
    text = PROSE_AND_AUDIT_TABLE.replace("施工单位送审金额3,512.84万元。", "施工单位送审金额3,512.84万元，审定金额3,385.64万元，"
                                         "核减金额127.20万元。")  # fmt: skip
    assert findings(tmp_path, text) == {}
    found = findings(tmp_path, text.replace("送审金额3,512.84万元", "送审金额3,512.48万元"))
    assert list(found) == ["UN501"] and found["UN501"][0].found == "3,512.48万元"


def test_a_bare_到位率_after_one_sources_received_amount_is_that_sources(tmp_path: Path):
    text = ("2022年度项目预算资金12,000.00万元，其中市级资金8,600.00万元，县级配套资金3,400.00万元。截至2022年12月31日，"
            "市级资金8,600.00万元全部到位，县级配套资金到位2,720.00万元，到位率80.00%。\n")
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("到位率80.00%", "到位率85.00%"))["RT301"]
    assert (slip.found, slip.expected) == ("85.00%", "80.00%") and "县级配套资金" in slip.message
    project = text.replace("到位率80.00%", "项目资金到位率94.33%")  # the project's, not judged on one source
    assert findings(tmp_path, project) == {}
    # the source's budget is off its 其中 list: CT702 reports the sum, the rate is not judged on it
    found = findings(tmp_path, text.replace("县级配套资金3,400.00万元", "县级配套资金3,410.00万元"))
    assert list(found) == ["CT702"]


def test_an_amount_restated_in_brackets_in_another_unit(tmp_path: Path):
    text = ("项目预算资金2,365,000.00元（236.50万元），全年实际支出2,187,436.50元（218.74万元），预算执行率92.49%。\n\n"
            "项目预算资金236.50万元，实际支出218.74万元。\n")
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("（218.74万元）", "（218.74元）"))["UN501"]
    assert (slip.found, slip.expected) == ("218.74元", "218.74万元") and "括号中" in slip.message
    [slip] = findings(tmp_path, text.replace("（218.74万元）", "（217.74万元）"))["UN501"]
    assert slip.found == "217.74万元" and "请核对哪一处写错" in slip.message


def test_a_share_whose_count_has_two_digits_swapped_names_the_count(tmp_path: Path):
    text = "评价组在4个街道共发放问卷600份，回收582份，回收率97.00%；有效问卷565份。\n"
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("回收582份", "回收528份"))["RT301"]
    assert (slip.found, slip.expected) == ("528份", "582份") and "88%" in slip.message
    [slip] = findings(tmp_path, text.replace("回收率97.00%", "回收率79.00%"))["RT301"]  # the rate itself
    assert (slip.found, slip.expected) == ("79.00%", "97.00%")
