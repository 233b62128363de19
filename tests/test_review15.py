"""Wordings and layouts from the fifteenth review: ordinary reports that must stay quiet, slips that must be found
once, at the figure that is wrong."""

from __future__ import annotations

from pathlib import Path

from tests.test_wordings import findings

PARTS = """\
# 某项目绩效评价报告

## 一、报告构成

本报告由结果反馈书、整改报告书、封面、一至七部分组成。

另附评分表、问卷汇总表、第一至第三项佐证材料。

本报告由结果反馈书、整改报告书、封面四个部分组成。
"""


def test_a_list_ending_in_a_range_is_no_count(tmp_path: Path) -> None:
    """“封面、一至七部分” names the parts 一 to 七: 七 counts no list; a list counted wrong is still found."""
    found = findings(tmp_path, PARTS)
    assert [(f.found, f.expected) for f in found["CT701"]] == [("四", "三")]
    assert "本报告由" not in found["CT701"][0].message  # (the list after 由 starts after it)


SURVEY = """\
# 某项目绩效评价报告

## 一、满意度调查

评价组在4个街道共发放问卷600份，回收582份，回收率97.00%；其中有效问卷565份，有效率97.08%。

在565份有效问卷中，表示满意的412份，基本满意的118份，不满意的35份，满意度（含基本满意）为93.81%。

小营街道有效问卷170份，不满意11份，不满意比例6.47%。

评价组发放周边居民问卷300份，回收有效问卷286份，有效率95.33%，居民满意度为86.01%。

全年受理调解案件1,328件，调解成功1,196件，调解成功率90.06%。

共调查群众200人，其中非常满意120人、满意50人、基本满意20人、不满意10人，满意率85%，非常满意率60%，基本满意率10%。
"""


def test_survey_shares_recompute(tmp_path: Path) -> None:
    """有效率, 满意度, 不满意比例 and 成功率 are shares like 合格率: a clean survey is quiet, a slipped rate is named."""
    assert findings(tmp_path, SURVEY) == {}
    slips = {"有效率97.08%": ("97.80%", "97.08%"), "为93.81%": ("95.81%", "93.81%"), "比例6.47%": ("6.74%", "6.47%"),
             "成功率90.06%": ("90.60%", "90.06%"), "满意率85%": ("88%", "85%"), "有效率95.33%": ("93.53%", "95.33%")}  # fmt: skip
    for written, (wrong, right) in slips.items():
        found = findings(tmp_path, SURVEY.replace(written, written.replace(right, wrong)))
        assert [(f.found, f.expected) for f in found["RT301"]] == [(wrong, right)], written
        assert set(found) == {"RT301"}, written


def test_a_share_of_one_grade_is_not_read_as_the_whole_share(tmp_path: Path) -> None:
    """“非常满意率”, “基本满意率”: shares of one grade, not recomputed; “满意率” counts the grades above 满意."""
    found = findings(tmp_path, SURVEY.replace("非常满意率60%", "非常满意率61%").replace("基本满意率10%", "基本满意率12%"))
    assert found == {}


FUNDS = """\
# 某项目绩效评价报告

## 一、项目资金情况

项目财政预算安排资金5920000元，截至2020年底，实际到位资金5920000元，资金到位率为100%。

项目总计支出5271022.96元，预算执行率为89.04%。

## 二、过程管理

项目预算安排资金5920000元，实际到位资金5920000元，实际支出金额为5271022.96元，预算执行率89.04%。
"""


def test_an_amount_with_two_digits_swapped_is_named_not_the_rate(tmp_path: Path) -> None:
    """A rate that recomputes once one amount of its paragraph has two neighbouring digits put back names that
    amount; when the budget and the 到位 could each be the other mistyped, the one the report writes again decides."""
    assert findings(tmp_path, FUNDS) == {}
    for line, slipped in (("财政预算安排资金5920000元", "5290000元"), ("实际到位资金5920000元，资金到位率", "5290000元"),
                          ("总计支出5271022.96元", "5217022.96元")):  # fmt: skip
        written = line[line.index("5") :].split("，")[0]
        text = FUNDS.replace(line, line.replace(written, slipped))
        assert text.count(slipped) == 1
        found = findings(tmp_path, text)
        assert [(f.rule, f.found) for f in found.get("RT301", [])] == [("RT301", slipped)], line
        assert set(found) == {"RT301"}, line  # (no 口径 warning at the next rate: the named amount puts it right too)


def test_a_unit_slip_is_named_at_the_amount_once(tmp_path: Path) -> None:
    """“5271022.96万元” in a report of amounts about 5,000,000元: the rate's finding names the amount and its unit,
    and the same-quantity rule does not say it again nor blame the later “5271022.96元”."""
    found = findings(tmp_path, FUNDS.replace("总计支出5271022.96元", "总计支出5271022.96万元"))
    assert [(f.rule, f.found, f.expected) for fs in found.values() for f in fs] == [
        ("RT301", "5271022.96万元", "5271022.96元")]
    found = findings(tmp_path, FUNDS.replace("实际到位资金5920000元，资金", "实际到位资金5920000万元，资金"))
    assert [(f.rule, f.found, f.expected) for fs in found.values() for f in fs] == [
        ("RT301", "5920000万元", "5920000元")]


SAVING = """\
# 某县垃圾分类项目绩效评价报告

## 一、采购情况

分类设备采购预算520.00万元，公开招标中标金额483.86万元，节约36.14万元，节约率6.95%。
"""


def test_a_rate_that_holds_once_an_amount_is_in_its_likelier_unit_names_that_unit(tmp_path: Path) -> None:
    assert findings(tmp_path, SAVING) == {}
    found = findings(tmp_path, SAVING.replace("483.86万元", "483.86元"))
    assert [(f.rule, f.found, f.expected) for fs in found.values() for f in fs] == [("RT301", "483.86元", "483.86万元")]


def test_an_amount_in_two_units_once_each_blames_the_one_off_the_reports_size(tmp_path: Path) -> None:
    """Once in 元 and once in 万元: the one far from the size of the report's other amounts is named, not the later."""
    text = """\
# 某项目绩效评价报告

## 一、项目资金情况

项目预算批复3182.41万元，资金实际到位2493.76万元，资金到位率为78.36%；资金实际使用2424.11元。

截至2024年12月31日，项目决算审定金额2489.95万元，项目实际支出2424.11万元，其中工程费用支出2128.87万元。
"""
    found = findings(tmp_path, text)
    assert [(f.rule, f.found, f.expected) for fs in found.values() for f in fs] == [("UN501", "2424.11元", "2424.11万元")]


NUMBERED_GROUPS = """\
# 某县高标准农田项目绩效评价报告

## 一、资金情况

| 费用名称 | 预算（万元） |
|---|---|
| 一、工程施工费 | 4,350.00 |
| 土地平整 | 2,970.00 |
| 田间道路 | 1,380.00 |
| 二、其他费用 | 650.00 |
| 勘察设计费 | 400.00 |
| 监理费 | 250.00 |
| 合计 | 5,000.00 |
"""

SUBTOTALS_ABOVE = NUMBERED_GROUPS.replace("一、工程施工费", "工程施工费小计").replace("二、其他费用", "其他费用小计")


def test_numbered_groups_over_unnumbered_items_and_subtotals_above_their_items(tmp_path: Path) -> None:
    """“一、工程施工费” over “土地平整”, “田间道路”; “工程施工费小计” above its items: the 合计 adds up the groups, each
    group its items; a slip is found once, at the group that its items miss, never at the right 合计."""
    for table in (NUMBERED_GROUPS, SUBTOTALS_ABOVE):
        assert findings(tmp_path, table) == {}
        for old, new, found in (("2,970.00", "2,907.00", "4,350.00"), ("4,350.00", "4,530.00", "4,530.00"),
                                ("5,000.00", "5,100.00", "5,100.00")):  # fmt: skip
            slipped = findings(tmp_path, table.replace(f"| {old} |", f"| {new} |"))
            assert [f.found for f in slipped["TT201"]] == [found] and set(slipped) == {"TT201"}, (table[60:80], new)


def test_a_running_total_column_and_an_accountants_negative_in_full_width_brackets(tmp_path: Path) -> None:
    running = """\
# 某项目绩效运行监控报告

## 一、预算执行情况

| 月份 | 当月支出（万元） | 累计支出（万元） | 调整数（万元） |
|---|---|---|---|
| 1月 | 100.00 | 100.00 | -50.00 |
| 2月 | 150.00 | 250.00 | （30.00） |
| 3月 | 200.00 | 450.00 | 80.00 |
| 合计 | 450.00 | 450.00 | 0.00 |
"""
    assert findings(tmp_path, running) == {}
    assert [f.found for f in findings(tmp_path, running.replace("| 200.00 | 450.00 |", "| 200.00 | 540.00 |"))["TT201"]] == ["450.00"]
    assert [f.found for f in findings(tmp_path, running.replace("（30.00）", "（20.00）"))["TT201"]] == ["0.00"]


def test_funding_and_completion_rates_of_ordinary_wordings_stay_quiet(tmp_path: Path) -> None:
    """A 其中 item of the spending, a part's 到位 in the paragraph before, 超额完成 and amounts rounded to 亿元: the
    rate is the project's, on its own figures, and right; a wrong rate is still found."""
    text = """\
# 某项目绩效评价报告

## 一、资金情况

项目预算12,600.00万元，实际到位12,096.00万元，资金到位率96%。其中县级配套资金预算2,520.00万元，实际到位2,016.00万元，到位率80%。

项目实际支出12,009.57万元，预算执行率99.29%（实际支出÷实际到位）。

二期预算1,260万元，全部到位，实际支出1,124.33万元，其中支付2022年度设备尾款86.20万元，二期预算执行率89.23%。

计划改造农村户厕2,400座，实际完成2,460座，超额完成60座，完成率102.5%。
"""
    assert findings(tmp_path, text) == {}
    for right, wrong in (("99.29%", "98.29%"), ("89.23%", "88.23%"), ("102.5%", "105.2%")):
        found = findings(tmp_path, text.replace(right, wrong))
        assert [f.found for f in found["RT301"]] == [wrong], wrong
    rounded = "# 某项目绩效评价报告\n\n2023年衔接资金预算1.28亿元，实际支出1.25亿元，预算执行率97.5%。\n"
    assert findings(tmp_path, rounded) == {}  # (12,480.47 ÷ 12,800 万元: 1.275–1.285 and 1.245–1.255亿元 allow 96.89%–98.43%)
    assert [f.found for f in findings(tmp_path, rounded.replace("97.5%", "95.7%"))["RT301"]] == ["95.7%"]


def test_sums_of_a_trailing_group_and_rounded_parts(tmp_path: Path) -> None:
    """“新建田间道31.6公里、生产路22.6公里，合计54.2公里” adds the group before it; parts in 万 rounded to one place may
    miss their whole by the rounding; a slip is still found, against the right items."""
    text = ("# 某项目绩效评价报告\n\n主要建设内容包括田块整治、灌溉与排水、田间道路、农田防护4类工程：新建渠道86.4公里，"
            "铺设管道132.5公里，新建田间道31.6公里、生产路22.6公里，合计54.2公里。\n")
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("合计54.2", "合计55.2"))["CT702"]
    assert (slip.found, slip.expected) == ("55.2公里", "54.2公里")
    people = "# 某项目绩效评价报告\n\n全区户籍人口41.2万人，其中城镇人口18.6万人、农村人口22.5万人。\n"
    assert findings(tmp_path, people) == {}
    assert [f.found for f in findings(tmp_path, people.replace("41.2万人", "41.3万人"))["CT702"]] == ["41.3万人"]


def test_a_run_in_numbered_item_takes_its_number(tmp_path: Path) -> None:
    text = """\
# 某项目绩效评价报告

## 一、绩效评价指标分析

### （一）过程指标分析

1.资金使用合规性。抽查发放记录320条，发现4条先发放后公示。该指标满分5分，扣1分，得4分。

2.管理制度健全性（5分）

区教育局制定了6项制度，制度健全，得5分。
"""
    assert "HD801" not in findings(tmp_path, text)
    assert "HD801" in findings(tmp_path, text.replace("2.管理制度", "3.管理制度"))


DIGIT_NAMES = """\
# 某项目绩效评价报告

## 一、绩效分析

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| 产出数量 | 常住人口签约率 | 8 | 7 |
| | 65岁及以上老年人签约率 | 6 | 6 |
| 合计 | | 14 | 13 |

1.常住人口签约率，权重8分，得分7分。

签约率35.91%。该指标得7分。

2.65岁及以上老年人签约率，权重6分，得分6分。

签约率80.25%，达到目标值。该指标得6分。
"""


def test_a_list_number_before_a_name_opening_with_digits(tmp_path: Path) -> None:
    """“2.65岁及以上老年人签约率” is item 2, “65岁及以上老年人签约率” of the table: no renaming asked; a score slip in
    the opening is SC101's against the table, not SC102 asking to change the right closing."""
    assert findings(tmp_path, DIGIT_NAMES) == {}
    found = findings(tmp_path, DIGIT_NAMES.replace("权重6分，得分6分", "权重6分，得分5分"))
    assert [(f.rule, f.found) for fs in found.values() for f in fs] == [("SC101", "权重6分，得分5分")]


def test_count_columns_with_two_counters_table_saving_rates_and_a_row_total(tmp_path: Path) -> None:
    table = """\
# 某项目绩效评价报告

| 机具类别 | 补贴数量（台/套） | 预算金额（万元） | 中标金额（万元） | 节约率 |
|---|---|---|---|---|
| 耕整地机械 | 486 | 560.00 | 528.60 | 5.61% |
| 收获机械 | 274 | 270.00 | 251.70 | 6.78% |
| 合计 | 760 | 830.00 | 780.30 | 5.99% |

| 资金来源 | 2021年 | 2022年 | 2023年 | 合计 |
|---|---|---|---|---|
| 中央资金 | 300.00 | 320.00 | 350.00 | 970.00 |
| 县级资金 | 100.00 | 120.00 | 130.00 | 350.00 |
| 合计 | 400.00 | 440.00 | 480.00 | 1,320.00 |

送审节目215个，审查合格211个，合格率98.14%。
"""
    assert findings(tmp_path, table) == {}
    for right, wrong in (("| 760 |", "| 770 |"), ("6.78%", "6.87%"), ("970.00", "980.00"), ("98.14%", "98.41%")):
        found = findings(tmp_path, table.replace(right, wrong))
        assert [f.found for fs in found.values() for f in fs] == [wrong.strip("| ")], wrong


SUBTOTAL = """\
# 某项目绩效评价报告

## 一、综合评价

| 一级指标 | 权重 | 得分 | 得分率 |
|---|---|---|---|
| A.决策 | 10 | 9 | 90% |
| B.过程 | 10 | 8 | 80% |
| 合计 | 20 | 17 | 85% |

## 二、绩效分析

### （一）项目决策情况

决策指标总分10分，得分9分。

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| A1项目立项 | A11立项依据充分性 | 5 | 5 |
| | A12立项程序规范性 | 5 | 4 |
| 合计 | | 10 | 9 |

### （二）过程管理情况

过程指标总分10分，得分8分。

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| B1资金管理 | B11资金到位率 | 5 | 4 |
| | B12预算执行率 | 5 | 4 |
| 合计 | | 10 | 8 |

第3个小区完成摄像头安装12台，投入资金221.5万元。

第7个小区完成摄像头安装15台，投入资金222.5万元。
"""


def test_a_wrong_合计_cell_under_right_prose_and_rows_is_named_once(tmp_path: Path) -> None:
    """The rows and the prose give 8, the 合计 cell says 9: TT201 names the cell, TT202 does not ask to change the prose;
    amounts of the 3rd and the 7th 小区 are two amounts; a summary row named otherwise than the text and the
    headings is the row named."""
    assert findings(tmp_path, SUBTOTAL) == {}
    found = findings(tmp_path, SUBTOTAL.replace("| 合计 | | 10 | 8 |", "| 合计 | | 10 | 9 |"))
    assert [(f.rule, f.found) for fs in found.values() for f in fs] == [("TT201", "9")]
    found = findings(tmp_path, SUBTOTAL.replace("| B.过程 |", "| B.过程管理之外 |").replace("| A.决策 |", "| A.立项 |"))
    assert {f.found for f in found["NM601"]} == {"立项", "过程管理之外"} and all("表" in f.location.reference() for f in found["NM601"])


def test_a_note_before_the_reports_title_is_not_traced_to_the_data(tmp_path: Path) -> None:
    """A compilation's covering note before the title (“关于丰台区预算绩效管理情况的说明……审减金额11.04亿元”) is not the
    report's: its figures are not looked for in the project data; the report's own still are."""
    from checkers.engine import check_document
    from checkers.readers import read_document
    from project_file import load_project

    evaluation = load_project(Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml")
    path = tmp_path / "r.md"
    path.write_text("关于丰台区预算绩效管理情况的说明\n\n开展事前绩效评估项目182个，审减金额11.04亿元。\n\n"
                    f"{evaluation.project.name}绩效评价报告\n\n## 一、项目概况\n\n项目另支出12.34万元。\n", encoding="utf-8")  # fmt: skip
    found = [f.found for f in check_document(read_document(path), evaluation) if f.rule == "DT1002"]
    assert "12.34万元" in found and "11.04亿元" not in found


def test_a_leaf_without_a_score_says_how_to_add_it(tmp_path: Path) -> None:
    from project_file import ProjectFileError, load_project

    source = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml"
    lines = source.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "code: B14" in line)
    score = next(i for i in range(at, at + 6) if lines[i].strip().startswith("score:"))
    broken = tmp_path / "p.yaml"
    broken.write_text("\n".join(lines[:score] + lines[score + 1 :]) + "\n", encoding="utf-8")
    try:
        load_project(broken)
    except ProjectFileError as exc:
        assert "末级指标缺少得分 score" in str(exc) and "score: 数值" in str(exc)
    else:
        raise AssertionError("a leaf without its score was taken")
    gbk = tmp_path / "gbk.yaml"  # (a project file saved in GBK by a Chinese editor is read as such)
    gbk.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    assert load_project(gbk).project.name == load_project(source).project.name


def test_one_finding_per_mistyped_figure_and_swaps_across_the_point(tmp_path: Path) -> None:
    """“3,5OO份” once; a cell “1l6” is named by FG901 and its column's 合计 is not blamed; “(二)” between “（一）” and
    “（三）” once; 96.84 for 98.64 and 1,117.85 for 1,118.75 are swaps across the decimal point, named as such; “按
    4.8m×3.6m设计，面积17.82㎡” compares the area with its sides."""
    head = "# 某项目绩效评价报告\n\n"
    assert [f.found for f in findings(tmp_path, head + "发放宣传手册3,5OO份，张贴海报620张。\n")["FG901"]] == ["3,5OO"]
    table = head + "| 设备 | 数量（台） |\n|---|---|\n| 摄像机 | 116 |\n| 存储设备 | 24 |\n| 合计 | 140 |\n"
    assert findings(tmp_path, table) == {}
    found = findings(tmp_path, table.replace("| 116 |", "| 1l6 |"))
    assert [(f.rule, f.found) for fs in found.values() for f in fs] == [("FG901", "1l6")]
    headings = head + "## 一、基本情况\n\n### （一）项目概况\n\n概况。\n\n### (二)项目目标\n\n目标。\n\n### （三）项目资金\n\n资金。\n"
    assert [f.found for f in findings(tmp_path, headings)["HD801"]] == ["(二)"]
    costs = (head + "| 序号 | 支出内容 | 金额（万元） |\n|---|---|---|\n| 1 | 设备购置费 | 500.00 |\n| 2 | 安装调试费 | 98.64 |\n"
             "| 合计 | | 598.64 |\n\n支出合计598.64万元。\n")  # fmt: skip
    assert findings(tmp_path, costs) == {}
    assert [f.found for f in findings(tmp_path, costs.replace("| 98.64 |", "| 96.84 |"))["TT201"]] == ["96.84"]
    spent = head + "项目预算1,250.00万元，实际到位1,250.00万元，实际支出1,118.75万元，预算执行率89.50%。\n"
    assert findings(tmp_path, spent) == {}
    assert [f.found for f in findings(tmp_path, spent.replace("1,118.75", "1,117.85"))["RT301"]] == ["1,117.85万元"]
    room = head + "项目新建值班室1间，按4.8m×3.6m设计，面积17.28㎡。\n"
    assert findings(tmp_path, room) == {}
    assert [f.found for f in findings(tmp_path, room.replace("17.28", "17.82"))["CT703"]] == ["17.82平方米"]


def test_two_rules_naming_one_cell_with_one_value_written_two_ways_say_it_once(tmp_path: Path) -> None:
    """A 预算数 cell “5,830.00” for 5,380.00 upsets its row's 执行率 and its column's 小计: one finding, though one rule
    writes the correction “5,380.00” and the other “5380”."""
    table = """\
# 某项目绩效评价报告

| 费用类别 | 明细 | 预算数（万元） | 实际支出（万元） | 执行率 |
|---|---|---|---|---|
| 灌溉与排水 | 泵站 | 1,460.00 | 1,455.20 | 99.67% |
| 灌溉与排水 | 渠道 | 2,380.00 | 2,361.75 | 99.23% |
| 灌溉与排水 | 管道 | 1,540.00 | 1,497.18 | 97.22% |
| 灌溉与排水 | 小计 | 5,380.00 | 5,314.13 | 98.78% |
"""
    assert findings(tmp_path, table) == {}
    found = findings(tmp_path, table.replace("| 5,380.00 |", "| 5,830.00 |"))
    assert [f.found for fs in found.values() for f in fs] == ["5,830.00"]


def test_a_stale_closing_against_the_data_names_its_stale_deduction_too(tmp_path: Path) -> None:
    """Rescored from 2 to 1: “扣2分，该指标得2分” is stale twice; the finding says the deduction should be 3分."""
    from checkers.engine import check_document
    from checkers.readers import read_document
    from drafter.docx_writer import write_docx
    from drafter.render import render_report
    from project_file import load_project

    source = Path(__file__).resolve().parent.parent / "fixtures" / "shangcheng_2020_smart_security.yaml"
    report = tmp_path / "r.docx"
    write_docx(render_report(load_project(source)), report)
    rescored = tmp_path / "p.yaml"
    text = source.read_text(encoding="utf-8")
    at = text.index("code: B14")
    rescored.write_text(text[:at] + text[at:].replace("score: 2", "score: 1", 1), encoding="utf-8")
    closing = [f for f in check_document(read_document(report), load_project(rescored)) if "结尾写" in f.message]
    assert [(f.rule, f.found, f.expected) for f in closing] == [("SC104", "2分", "1分")] and "扣分应为3分" in closing[0].message


FUNDING = """\
# 某项目绩效评价报告

## 一、基本情况

项目预算669.00万元，实际到位669.00万元，资金到位率100.00%。

项目资金669.00万元全部用于法律援助和公证服务。

表2 项目资金使用情况（单位：万元）

| 序号 | 项目 | 预算数 | 实际支出 | 执行率 |
|---|---|---|---|---|
| 1 | 法律援助 | 357.00 | 337.88 | 94.64% |
| | 其中：案件补贴 | 312.00 | 296.05 | 94.89% |
| | 培训费 | 45.00 | 41.83 | 92.96% |
| 2 | 公证服务 | 312.00 | 300.00 | 96.15% |
| 合计 | | 669.00 | 637.88 | 95.35% |

| 一级指标 | 权重 | 得分 | 得分率 |
|---|---|---|---|
| 产出 | 30 | 24.5 | 81.67% |
| 效益 | 30 | 27 | 90% |
| 合计 | 60 | 51.5 | 85.83% |

产出指标权重30分，得分24.5分，得分率81.67%。
"""


def test_slips_in_word_made_reports_are_named_once_at_the_figure(tmp_path: Path) -> None:
    """A budget one digit off the 669.00 written elsewhere is named, not the right 100.00%; a 合计 cell its rows miss
    is TT201's, not a swap the row's rate would allow; a 一级 score slip is TT202's, not its right 得分率 too; a
    得分率 cell is located by its column."""
    assert findings(tmp_path, FUNDING) == {}
    found = findings(tmp_path, FUNDING.replace("项目预算669.00万元", "项目预算699.00万元"))
    assert [(f.rule, f.found, f.expected) for fs in found.values() for f in fs] == [("RT301", "699.00万元", "669.00万元")]
    found = findings(tmp_path, FUNDING.replace("| 637.88 |", "| 637.38 |"))
    assert [(f.rule, f.found) for fs in found.values() for f in fs] == [("TT201", "637.38")]
    found = findings(tmp_path, FUNDING.replace("得分24.5分", "得分25.5分"))
    assert [(f.rule, f.found) for fs in found.values() for f in fs] == [("TT202", "权重30分，得分25.5分")]
    [rate] = findings(tmp_path, FUNDING.replace("| 27 | 90% |", "| 27 | 99% |"))["RT301"]
    assert (rate.location.row, rate.location.col) == (3, 4)


def test_an_adjustment_one_digit_off_is_named_when_the_adjusted_budget_is_written_again(tmp_path: Path) -> None:
    """“年初预算5,476.40万元，年中追加调整421.65万元，调整后预算5,897.05万元” with 5,476.40 and 5,897.05 in the table too:
    the 追加 is the one written once and one digit off 420.65; without the table, which one is off cannot be told and
    the adjusted budget is reported as before."""
    text = """\
# 某部门整体支出绩效评价报告

2022年度部门年初预算5,476.40万元，年中追加调整420.65万元，调整后预算5,897.05万元。

| 项目 | 年初预算 | 调整后预算 |
|---|---|---|
| 基本支出 | 2,356.40 | 2,410.85 |
| 项目支出 | 3,120.00 | 3,486.20 |
| 合计 | 5,476.40 | 5,897.05 |
"""
    assert findings(tmp_path, text) == {}
    [slip] = findings(tmp_path, text.replace("420.65", "421.65"))["CT702"]
    assert (slip.found, slip.expected) == ("421.65万元", "420.65万元")
    alone = text.split("| 项目")[0]
    [slip] = findings(tmp_path, alone.replace("420.65", "421.65"))["CT702"]
    assert slip.found == "5,897.05万元"
