"""Wordings from the eighth review: ordinary text that must stay quiet, slips that must be found, inputs that must
not crash the checker."""

from __future__ import annotations

from pathlib import Path

from tests.test_wordings import findings

GRADE_HEAD = "# 某项目绩效评价报告\n\n## 一、评价结论\n\n"


def test_full_marks_in_brackets_or_as_总分_are_not_the_graded_score(tmp_path: Path):
    quiet = ["上年度该项目评价得分为88分（满分100分），评价等级为“良”。\n",
             "本项目总分100分，评价等级为“良”。\n",
             "本项目综合评价总分值100分，评价等级为“良”。\n"]  # fmt: skip
    for text in quiet:
        assert "GR401" not in findings(tmp_path, GRADE_HEAD + text), text
    wrong = GRADE_HEAD + "本项目评价得分为95分（满分100分），评价等级为“良”。\n"
    assert [(f.expected, f.found) for f in findings(tmp_path, wrong)["GR401"]] == [("优", "良")]
    scored_total = GRADE_HEAD + "本项目评价总分88分，评价等级为“优”。\n"
    assert [(f.expected, f.found) for f in findings(tmp_path, scored_total)["GR401"]] == [("良", "优")]


def test_a_total_named_by_a_kind_adds_that_kind_only_when_another_kind_is_listed(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、资金使用\n\n"
    plain = head + "道路工程支出120万元，排水工程支出80万元，其他费用50万元，支出合计{}万元。\n"
    assert "CT702" not in findings(tmp_path, plain.format(250))
    [wrong] = findings(tmp_path, plain.format(260))["CT702"]
    assert (wrong.expected, wrong.found) == ("250万元", "260万元")
    kinds = head + "东片区原有泊位50个、新增泊位40个，西片区原有泊位30个、新增泊位70个，两片区新增泊位合计{}个。\n"
    assert "CT702" not in findings(tmp_path, kinds.format(110))
    [wrong] = findings(tmp_path, kinds.format(100))["CT702"]
    assert (wrong.expected, wrong.found) == ("110个", "100个")


def test_an_ordinal_in_words_is_no_item_of_a_total(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、建设内容\n\n新建2座泵站、改造3座泵站，第一座泵站已于6月投运，合计{}座。\n"
    assert "CT702" not in findings(tmp_path, text.format(5))
    [wrong] = findings(tmp_path, text.format(6))["CT702"]
    assert (wrong.expected, wrong.found) == ("5座", "6座")


INFO_TABLE = """# 某项目绩效评价报告

## 一、项目基本情况

| 项目名称 | 某项目 | 主管部门 | 某局 |
|---|---|---|---|
| 预算金额（万元） | 200.00 | 实际到位（万元） | 180.00 |
| 实际支出（万元） | 150.00 | 实施单位 | 某单位 |

"""


def test_a_named_source_s_rate_is_not_recomputed_from_the_information_table(tmp_path: Path):
    for text in ("市级补助资金已全部拨付，到位率100%。\n", "区级配套资金50万元，到位率100%。\n",
                 "其中一期工程资金已全部到位，到位率100%。\n"):  # fmt: skip
        assert "RT301" not in findings(tmp_path, INFO_TABLE + text), text
    [wrong] = findings(tmp_path, INFO_TABLE + "截至年底，项目资金已拨付，到位率100%。\n")["RT301"]
    assert wrong.expected == "90%"


def test_cost_and_standardisation_amount_columns_are_added_up(tmp_path: Path):
    table = """# 某项目绩效评价报告

## 一、建设内容

| 序号 | 子项目 | 工程造价（万元） | 标准化改造投资（万元） | 补助标准（元） |
|---|---|---|---|---|
| 1 | 道路 | 100 | 10 | 5 |
| 2 | 管网 | 200 | 20 | 5 |
| 合计 | | {} | {} | 5 |
"""
    assert "TT201" not in findings(tmp_path, table.format(300, 30))
    wrong = findings(tmp_path, table.format(350, 40))["TT201"]
    assert [(f.expected, f.found) for f in wrong] == [("300", "350"), ("30", "40")]


def test_a_nested_table_is_not_read_as_the_rest_of_the_table_holding_it(tmp_path: Path):
    """The nested table comes right after its holder with nothing between: it must not pass for the holder's second
    half (whose sum with the holder's rows would hide the nested table's wrong 合计)."""
    import docx

    from checkers.engine import check_document
    from checkers.readers import read_document

    word = docx.Document()
    word.add_heading("一、项目概况", 1)
    holder = word.add_table(rows=2, cols=2)
    holder.cell(0, 0).text, holder.cell(0, 1).text, holder.cell(1, 0).text = "支出项目", "金额（万元）", "设备费"
    nested = holder.cell(1, 0).add_table(rows=3, cols=2)
    for r, (name, amount) in enumerate([("设备A", "10"), ("设备B", "20"), ("合计", "60")]):
        nested.cell(r, 0).text, nested.cell(r, 1).text = name, amount
    holder.cell(1, 1).text = "30"
    path = tmp_path / "nested.docx"
    word.save(str(path))
    document = read_document(path)
    assert [t.nested_in for t in document.tables] == [None, 1]
    [finding] = check_document(document)
    assert (finding.rule, finding.location.table, finding.expected, finding.found) == ("TT201", 2, "30", "60")


def test_amounts_of_thirty_digits_are_compared_not_crashed_on(tmp_path: Path):
    from decimal import Decimal

    from checkers.figures import one_keystroke_apart, round_half_up

    huge = Decimal("123456789012345678901234567890.12")
    assert round_half_up(huge, 1) == Decimal("123456789012345678901234567890.1")
    assert one_keystroke_apart(huge, Decimal("123456789012345678901234567890.13"))
    text = ("# 某项目绩效评价报告\n\n## 一、资金\n\n送审金额123456789012345678901234567890.12万元。"
            "审定后送审金额123456789012345678901234567890.13万元。\n\n"
            "长12345678901234567890123456789.5米*宽2米，面积24691357802469135780246913579平方米。\n")  # fmt: skip
    found = findings(tmp_path, text)
    assert [f.rule for fs in found.values() for f in fs] == ["UN501"]


SYSTEM_TABLE = """

| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |
|---|---|---|---|---|
| 决策 | 项目立项 | 立项依据 | 10 | 10 |
| 过程 | 资金管理 | 执行率 | 20 | 18 |
| 产出 | 产出数量 | 完成率 | 30 | 28 |
| 效益 | 社会效益 | 群众受益 | 10 | 9 |
| 效益 | 社会效益 | 环境改善 | 10 | 9 |
| 效益 | 经济效益 | 收益 | 10 | 9 |
| 效益 | 经济效益 | 成本 | 10 | 9 |
| 合计 | | | 100 | 92 |
"""


def test_a_二级_named_like_its_一级_counts_its_own_三级(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、评价指标体系\n\n本项目指标体系共设置4个一级指标。"
    assert "CT701" not in findings(tmp_path, head + "社会效益指标共设置2个三级指标。" + SYSTEM_TABLE)
    [wrong] = findings(tmp_path, head + "社会效益指标共设置3个三级指标。" + SYSTEM_TABLE)["CT701"]
    assert (wrong.expected, wrong.found) == ("2", "3")
    [whole] = findings(tmp_path, head + "效益指标共设置5个三级指标。" + SYSTEM_TABLE)["CT701"]
    assert (whole.expected, whole.found) == ("4", "5")
    assert "CT701" not in findings(tmp_path, head + "生态效益指标共设置3个三级指标。" + SYSTEM_TABLE)  # not in the table


def test_the_一级_names_after_a_chain_of_counts_belong_to_the_一级_count(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、指标体系\n\n指标体系共设置{}个一级指标、11个二级指标，分别为决策、过程、产出和效益。\n"
    assert "CT701" not in findings(tmp_path, text.format(4))
    [wrong] = findings(tmp_path, text.format(3))["CT701"]
    assert (wrong.expected, wrong.found) == ("4", "3")


def test_an_old_spreadsheet_given_as_a_report_is_told_to_be_saved_as_xlsx(tmp_path: Path):
    import pytest

    from checkers.readers import ReadError, read_document

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    for name, kind in (("评分表.xls", "旧版 Excel（.xls）"), ("评分表.et", "WPS 表格（.et）"), ("报告.wps", "WPS 文字（.wps）"),
                       ("报告.doc", "旧版 Word（.doc）")):  # fmt: skip
        path = tmp_path / name
        path.write_bytes(ole)
        with pytest.raises(ReadError, match=kind.replace("(", r"\(").replace(".", r"\.")) as error:
            read_document(path)
        assert ("另存为” .xlsx" in str(error.value)) == name.startswith("评分表"), str(error.value)


def test_one_heading_style_holding_two_numbering_levels_nests_them_under_the_shallower(tmp_path: Path):
    """A Heading 1 style that opens with a stray “（一）” and then holds “一、” and “（一）”: the later “（一）” sits
    under the “一、”, not beside it."""
    import docx

    from checkers.readers import read_document

    word = docx.Document()
    for text in ("（一）概况", "一、基本情况", "（一）项目背景", "（二）资金情况", "二、评价结论", "（一）结论"):
        word.add_heading(text, level=1)
        word.add_paragraph("正文。")
    path = tmp_path / "styles.docx"
    word.save(str(path))
    levels = [(b.text, b.heading_level) for b in read_document(path).blocks if b.heading_level]
    assert levels == [("（一）概况", 1), ("一、基本情况", 1), ("（一）项目背景", 2), ("（二）资金情况", 2),
                      ("二、评价结论", 1), ("（一）结论", 2)]  # fmt: skip


def test_an_ex_ante_assessment_s_申报_建议_审减_and_its_itemised_cuts(tmp_path: Path):
    head = "# 事前绩效评估报告\n\n## 一、评估结论\n\n项目单位申报预算860.00万元，其中：加装电梯补助760.00万元，前期工作经费100.00万元。"
    text = head + ("经评估，核减申报数量不实的6台电梯补助120.00万元，前期工作经费调增2.50万元，建议安排预算742.50万元，"
                   "审减金额{}万元，审减率{}%。\n")  # fmt: skip
    assert findings(tmp_path, text.format("117.50", "13.66")) == {}
    [cut] = findings(tmp_path, text.format("171.50", "19.94"))["CT702"]
    assert (cut.expected, cut.found) == ("117.50万元", "171.50万元") and "申报减建议" in cut.message
    [rate] = findings(tmp_path, text.format("117.50", "15.66"))["RT301"]
    assert rate.expected == "13.66%"


def test_an_ex_ante_assessment_s_own_bands_grade_its_conclusion(tmp_path: Path):
    text = ("# 事前绩效评估报告\n\n## 一、评估方法\n\n综合评分80分（含）以上为“予以支持”，60（含）—80分为“调整完善后予以支持”，"
            "60分以下为“不予支持”。\n\n## 二、评估结论\n\n经评估，该项目综合评价得分83.5分，评估结论为“{}”。\n")  # fmt: skip
    assert findings(tmp_path, text.format("予以支持")) == {}
    [grade] = findings(tmp_path, text.format("调整完善后予以支持"))["GR401"]
    assert (grade.expected, grade.found) == ("予以支持", "调整完善后予以支持")
    unscaled = "# 事前绩效评估报告\n\n## 一、评估结论\n\n经评估，该项目综合评价得分83.5分，评估结论为“予以支持”。\n"
    assert findings(tmp_path, unscaled) == {}  # no bands stated: not 财预〔2020〕10号's grades, not checked


def test_a_total_naming_the_report_s_own_project_is_the_report_s_total(tmp_path: Path):
    text = """# 区属公立医院绩效考核奖励项目绩效评价报告

## 一、摘要

经评价，该项目综合评价得分86.50分，绩效等级为“良”。

## 二、综合评价结论

经专家评议，区属公立医院绩效考核奖励项目综合评价得分{}分，绩效级别评定为“良”。

| 一级指标 | 标准分 | 得分 |
|---|---|---|
| 决策 | 50 | 40 |
| 过程 | 50 | 46.50 |
| 合计 | 100 | 86.50 |
"""
    assert findings(tmp_path, text.format("86.50")) == {}
    [total] = findings(tmp_path, text.format("85.60"))["TT203"]
    assert total.found == "85.60分"


def test_a_department_s_一级_named_部门决策_is_its_决策(tmp_path: Path):
    text = """# 某区某局部门整体支出绩效评价报告

## 一、综合评价结论

经评价，该部门综合评价得分89.5分，绩效评级为“良”。其中：部门决策得分{}分、部门过程得分20.5分、部门产出得分26.5分、部门效益得分27.5分。

| 一级指标 | 权重 | 得分 |
|---|---|---|
| A.决策 | 18 | 15 |
| B.过程 | 23 | 20.5 |
| C.产出 | 28 | 26.5 |
| D.效益 | 31 | 27.5 |
| 合计 | 100 | 89.5 |
"""
    assert findings(tmp_path, text.format(15)) == {}
    [subtotal] = findings(tmp_path, text.format(16))["TT202"]
    assert (subtotal.expected, subtotal.found) == ("得分15分", "得分16分")


def test_a_考核_count_and_a_及时率_are_recomputed(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、产出\n\n"
    exam = head + "参加结业考核412人，考核合格398人，合格率{}%。\n"
    assert findings(tmp_path, exam.format("96.6")) == {}
    assert [f.expected for f in findings(tmp_path, exam.format("96.8"))["RT301"]] == ["96.6%"]
    repair = head + "全年发生设备故障37次，在规定时限内修复33次，超时修复4次，修复及时率{}%。\n"
    assert findings(tmp_path, repair.format("89.19")) == {}
    assert [f.expected for f in findings(tmp_path, repair.format("89.91"))["RT301"]] == ["89.19%"]
    target = head + "资金拨付及时率100%，问题整改及时率达到95%。\n"  # targets, no counts: nothing to recompute
    assert findings(tmp_path, target) == {}


def test_a_letter_before_the_decimal_point_is_a_malformed_figure(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、资金\n\n项目实际支出34l.25万元，版本v1.2.5运行正常。\n"
    [letter] = findings(tmp_path, text)["FG901"]
    assert (letter.expected, letter.found) == ("341.25", "34l.25")


def test_其中_parts_a_left_over_and_a_swapped_digit(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、资金\n\n"
    after_totals = head + ("该项目财政预算批复1200.00万元，资金实际到位1200.00万元，资金实际使用1136.40万元，全部用于发放5家区属医院"
                           "绩效考核奖励，其中：区人民医院312.60万元，区中医医院268.60万元，区妇幼保健院205.80万元，"
                           "区第二人民医院196.20万元，区康复医院{}万元。\n")  # fmt: skip
    assert findings(tmp_path, after_totals.format("153.20")) == {}
    assert [f.expected for f in findings(tmp_path, after_totals.format("153.40"))["CT702"]] == ["1136.60万元"]
    swapped = head + "项目单位申报预算860.00万元，其中：加装电梯补助{}万元，前期工作经费100.00万元。\n"
    assert findings(tmp_path, swapped.format("760.00")) == {}
    assert [f.expected for f in findings(tmp_path, swapped.format("706.00"))["CT702"]] == ["806.00万元"]
    partial = head + "项目预算860.00万元，其中：设备购置费500.00万元，安装调试费200.00万元，其余为预备费。\n"
    assert findings(tmp_path, partial) == {}
    left = head + "部门调整后预算6102.35万元，实际支出5893.71万元，年末结转结余资金{}万元。\n"
    assert findings(tmp_path, left.format("208.64")) == {}
    assert [f.expected for f in findings(tmp_path, left.format("208.46"))["CT702"]] == ["208.64万元"]
    carried = head + "部门调整后预算6102.35万元，实际支出5893.71万元，连同以前年度结转，结余资金共计560.20万元。\n"
    assert findings(tmp_path, carried) == {}


def test_towns_listed_before_their_count_and_the_villages_after(tmp_path: Path):
    text = "# 某项目绩效评价报告\n\n## 一、评价工作过程\n\n评价组采用抽样方式，抽取城关镇、河口镇、柳林镇{}个镇的9个行政村进行现场核查。\n"
    assert findings(tmp_path, text.format(3)) == {}
    [count] = findings(tmp_path, text.format(4))["CT701"]
    assert (count.expected, count.found) == ("3", "4")
