"""Wordings from the ninth review: ordinary text that must stay quiet, slips that must be found."""

from __future__ import annotations

from pathlib import Path

import docx

from checkers.engine import check_document
from checkers.readers import read_document
from tests.test_wordings import findings

FUNDS_HEAD = "# 某项目绩效评价报告\n\n## 一、项目概况\n\n"


def test_one_budget_named_two_ways_with_a_slipped_digit(tmp_path: Path):
    text = FUNDS_HEAD + "2021年度项目预算资金为2,945.51万元，资金来源为区级财政资金。\n\n该项目年初预算金额{}万元，实际到位2,945.51万元。\n"
    assert findings(tmp_path, text.format("2,945.51")) == {}
    [slip] = findings(tmp_path, text.format("2,945.52"))["UN501"]
    assert (slip.expected, slip.found) == ("2,945.51万元", "2,945.52万元")
    # two budgets told apart by the words before them are two quantities
    two = FUNDS_HEAD + "年初预算2,000.00万元，调整后预算2,000.50万元，实际到位2,000.50万元。\n"
    assert "UN501" not in findings(tmp_path, two)
    years = FUNDS_HEAD + "2022年预算资金1,000.50万元。\n\n2023年预算金额1,000.60万元。\n"
    assert "UN501" not in findings(tmp_path, years)


def test_一级_scores_listed_with_the_total_add_up_to_it(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、评价结论\n\n"
    bracketed = head + "经评价，决策指标（20分）得18分，过程指标（20分）得17分，产出指标（40分）得35分，效益指标（20分）得17分，总得分为{}分。\n"
    assert findings(tmp_path, bracketed.format(87)) == {}
    [wrong] = findings(tmp_path, bracketed.format(88))["TT202"]
    assert (wrong.expected, wrong.found) == ("87分", "88分")
    among = head + "经评价，该项目总得分为{}分，其中决策指标得18分，过程指标得17分，产出指标得35分，效益指标得17分。\n"
    assert findings(tmp_path, among.format(87)) == {}
    [wrong] = findings(tmp_path, among.format(88))["TT202"]
    assert (wrong.expected, wrong.found) == ("87分", "88分")
    # a fifth 一级 the report names may be what the four leave out; three of four are no list of all
    fifth = "# 某项目绩效评价报告\n\n## 一、评价结论\n\n" + among.format(88).split("\n\n", 2)[2] + "\n## 二、满意度指标分析\n\n满意度较高。\n"
    assert "TT202" not in findings(tmp_path, fifth)
    three = head + "经评价，该项目总得分为88分，其中决策指标得18分，过程指标得17分，产出指标得35分。\n"
    assert "TT202" not in findings(tmp_path, three)


def test_parts_named_by_place_cannot_add_to_more_than_the_whole(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、资金情况\n\n"
    places = head + "共发放补贴{}户，其中湖滨街道800户、清波街道700户、南星街道900户。\n"
    assert findings(tmp_path, places.format("2,400")) == {}
    assert "CT702" not in findings(tmp_path, places.format("2,500"))  # (other streets may hold the rest)
    [wrong] = findings(tmp_path, places.format("2,300"))["CT702"]
    assert (wrong.expected, wrong.found) == ("2,400户", "2,300户")
    listed = head + "项目涉及东城、西城、南城3个街道，共发放补贴{}户，其中东城800户、西城700户、南城900户。\n"
    assert findings(tmp_path, listed.format("2,400")) == {}
    [wrong] = findings(tmp_path, listed.format("2,500"))["CT702"]
    assert (wrong.expected, wrong.found) == ("2,400户", "2,500户")


def test_a_count_with_the_names_listed_after_it(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、项目概况\n\n"
    parts = head + "项目共包括{}个子项目，分别为道路工程、排水工程、绿化工程。\n"
    assert findings(tmp_path, parts.format(3)) == {}
    [wrong] = findings(tmp_path, parts.format(4))["CT701"]
    assert (wrong.severity.value, wrong.expected, wrong.found) == ("warning", "3", "4")
    roads = head + "共完成道路硬化{}条，分别为东环路1.2公里、西环路0.8公里、南环路1.5公里、北环路0.6公里。\n"
    assert findings(tmp_path, roads.format(4)) == {}
    assert [f.expected for f in findings(tmp_path, roads.format(3))["CT701"]] == ["4"]
    quiet = [head + "全区共有12个社区，包括湖滨社区、清波社区。\n",  # (包括 may give examples)
             head + "共抽查5个村：东村、西村、南村等。\n",
             head + "共5项，分别为：A项、B项、C项；D项、E项。\n"]  # fmt: skip
    for text in quiet:
        assert "CT701" not in findings(tmp_path, text), text


def test_a_report_s_own_grade_bands_in_other_wordings(tmp_path: Path):
    verdict = "\n经评价，本项目得分{score}分，评价等级为“{grade}”。\n"
    scales = [
        "评价结果分为四个等级：\n\n优：90分（含）以上；\n\n良：75分（含）—90分；\n\n中：60分（含）—75分；\n\n差：60分以下。\n",
        "评价得分在85分及以上的为“优”，70分及以上、85分以下的为“良”，60分及以上、70分以下的为“中”，60分以下的为“差”。\n",
        "得分在90分及以上的评为“优”；得分在75分及以上但低于90分的，评为“良”；得分在60分及以上但低于75分的，评为“中”；"
        "低于60分的评为“差”。\n",
        "等级划分如下：\n\n| 等级 | 得分区间 |\n|---|---|\n| 优 | 90≤得分≤100 |\n| 良 | 75≤得分＜90 |\n| 中 | 60≤得分＜75 |\n"
        "| 差 | 得分＜60 |\n",
    ]
    for scale in scales:
        head = "# 某项目绩效评价报告\n\n## 一、评价结论\n\n" + scale
        assert "GR401" not in findings(tmp_path, head + verdict.format(score=78, grade="良")), scale
        [wrong] = findings(tmp_path, head + verdict.format(score=78, grade="中"))["GR401"]
        assert (wrong.expected, wrong.found) == ("良", "中"), scale


def test_scores_of_a_county_an_earlier_batch_or_a_past_evaluation_are_not_the_total(tmp_path: Path):
    head = "# 某专项资金绩效评价报告\n\n## 一、评价结论\n\n专项资金综合评价得分87.1分，等级为“良”。"
    quiet = [head + "东阳县评价得分89.5分，等级为“良”。南湖区评价得分82.0分，等级为“良”。\n",
             head + "该批水库前期项目（2021年度）经评价得分为78.6分。\n",
             head + "2022年度该工程曾纳入县级重点绩效评价，当时评价得分79.8分，等级为“中”。\n"]  # fmt: skip
    for text in quiet:
        assert findings(tmp_path, text) == {}, text
    wrong_grade = head + "东阳县评价得分89.5分，等级为“优”。\n"
    assert [(f.expected, f.found) for f in findings(tmp_path, wrong_grade)["GR401"]] == [("良", "优")]
    midterm = "# 某工程中期评估报告\n\n## 一、评估结论\n\n中期评估得分82.4分，评估等级为“良”。\n\n综上，项目评估得分{}分。\n"
    assert findings(tmp_path, midterm.format("82.4")) == {}
    assert [f.expected for f in findings(tmp_path, midterm.format("84.2"))["TT203"]] == ["82.4分"]


def test_slips_in_more_wordings(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、评价结论\n\n"
    cases = {  # slipped text → (rule, expected)
        "本项目综合评分82.6分，等级为“良”。\n\n综上，本项目绩效评价得分86.2分，等级为“良”。\n": ("TT203", "82.6分"),
        "本项目综合评分82.6分，评定为“良”。其中：决策15分得13分，过程25分得20.5分，产出35分得31.1分，效益25分得19分。\n":
            ("TT202", "83.6分"),
        "经专家评议，该项目综合评价得分82.6分，评定为“优”。\n": ("GR401", "良"),
        "全年应发放补贴184笔，在规定时限内发放170笔，发放及时率92.93%。\n": ("RT301", "92.39%"),
        "决策指标共20分，得17.5分，得分率85.7%。\n": ("RT301", "87.5%"),
        "项目预算6,480,000.00元，实际到位6,480,000.00元；实际支出5,592,736.80元，结余887,236.20元。\n": ("CT702", "887,263.20元"),
        # (72 off: 县级配套 1,280.30 with two digits swapped from 1,208.30 explains it; the total is three digits off)
        "项目预算4,628.30万元，其中：中央补助2,100.00万元，省级补助1,320.00万元，县级配套1,280.30万元。\n": ("CT702", "1,208.30万元"),
        "项目预算4,700.03万元，其中：中央补助2,100.00万元，省级补助1,320.00万元，县级配套1,280.30万元。\n": ("CT702", "4,700.30万元"),
        "区文化和旅游局下属图书馆、文化馆、美术馆、博物馆5个场馆实行免费开放。\n": ("CT701", "4"),
    }  # fmt: skip
    for text, (rule, expected) in cases.items():
        assert [f.expected for f in findings(tmp_path, head + text)[rule]] == [expected], text
    fixed = {"本项目综合评分82.6分，评定为“良”。其中：决策15分得13分，过程25分得20.5分，产出35分得30.1分，效益25分得19分。\n",
             "经专家评议，该项目综合评价得分82.6分，评定为“良”。\n",
             "全年应发放补贴184笔，在规定时限内发放170笔，发放及时率92.39%。\n",
             "项目预算6,480,000.00元，实际到位6,480,000.00元；实际支出5,592,736.80元，结余887,263.20元。\n",
             "项目预算4,700.30万元，其中：中央补助2,100.00万元，省级补助1,320.00万元，县级配套1,280.30万元。\n",
             "区文化和旅游局下属图书馆、文化馆、美术馆、博物馆4个场馆实行免费开放。\n"}  # fmt: skip
    for text in fixed:
        assert findings(tmp_path, head + text) == {}, text


def test_false_alarms_of_review_9a(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、情况\n\n"
    quiet = [
        "回收问卷583份，其中满意452份、基本满意98份、不满意33份，满意及基本满意合计550份。\n",
        "参训学员47人，其中优秀12人、良好30人、合格5人，优良合计42人。\n",
        "全年开展非遗展演活动46场、传承人培训班12期、非遗进校园活动28场，合计86场（期）。\n",
        "省级下达专项资金1,600万元，实际到位1,600万元。\n\n柳江县下达586万元，支出562.34万元，执行率95.96%。\n",
    ]
    for text in quiet:
        assert findings(tmp_path, head + text) == {}, text
    slips = {
        "回收问卷583份，其中满意452份、基本满意98份、不满意33份，满意及基本满意合计540份。\n": ("CT702", "550份"),
        "全年开展展演活动46场、培训12次、进校园活动28场，合计96场（次）。\n": ("CT702", "86场"),
        "省级下达专项资金1,600万元，实际到位1,600万元。\n\n柳江县下达586万元，支出562.34万元，执行率96.96%。\n": ("RT301", "95.96%"),
    }
    for text, (rule, expected) in slips.items():
        assert [f.expected for f in findings(tmp_path, head + text)[rule]] == [expected], text
    overview = ("# 某项目绩效评价报告\n\n## 一、评价结论\n\n| 指标 | 权重 | 得分 |\n|---|---|---|\n| 过程管理 | 25 | 22 |\n"
                "| 合计 | 25 | 22 |\n\n过程指标总分25分，得分22分。\n")  # fmt: skip
    assert findings(tmp_path, overview) == {}
    closing = ("# 某项目绩效评价报告\n\n## 一、指标分析\n\nD12火情24小时扑灭率，权重7分，得分7分。全年火情均在24小时内扑灭。"
               "2022年该指标得6分。根据相关评分标准，该指标得{}分。\n")  # fmt: skip
    assert findings(tmp_path, closing.format(7)) == {}
    assert [f.found for f in findings(tmp_path, closing.format(6))["SC102"]] == ["6分"]


def test_a_sentence_opening_one_indicator_and_a_quoted_self_evaluation_table(tmp_path: Path):
    table = "| 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 产出质量 | 服务质量考核达标率 | 8 | 6.4 |\n| 合计 | | 8 | 6.4 |\n\n"
    text = "# 某项目绩效评价报告\n\n## 一、指标分析\n\n" + table + "区民政局对46家驿站开展服务质量考核。服务质量考核达标率（8分）得{}分。\n"
    assert findings(tmp_path, text.format("6.4")) == {}
    [wrong] = findings(tmp_path, text.format("6.6"))["SC101"]
    assert (wrong.expected, wrong.found) == ("权重8分，得分6.4分", "权重8分，得分6.6分")
    quoted = ("# 某项目绩效评价报告\n\n项目单位自评表如下：\n\n| 一级指标 | 三级指标 | 分值 | 自评得分 |\n|---|---|---|---|\n"
              "| 产出 | 认定准确率 | 10 | 10 |\n| 效益 | 满意度 | 10 | 10 |\n| 合计 | | 20 | 20 |\n\n经评价组复核，本项目得分17分。\n\n"
              "| 一级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 产出 | 认定准确率 | 10 | 9 |\n| 效益 | 满意度 | 10 | 8 |\n"
              "| 合计 | | 20 | 17 |\n\n认定准确率（10分）：准确率97%，扣1分，得9分。\n")  # fmt: skip
    assert findings(tmp_path, quoted) == {}


def test_a_heading_s_indicator_name_the_noun_first_counts_and_two_measured_things(tmp_path: Path):
    table = "| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| C2产出质量 | C21公益活动完成率 | 7 | 5 |\n| 合计 | | 7 | 5 |\n\n"
    text = "# 某项目绩效评价报告\n\n## 一、指标分析\n\n" + table + "### 1.{}\n\n计划开展公益活动480场，实际开展412场。根据评分标准，该指标得5分。\n"
    for quiet in ("公益活动完成率（C21）", "C21公益活动完成率（7分）"):
        assert "NM601" not in findings(tmp_path, text.format(quiet)), quiet
    [renamed] = findings(tmp_path, text.format("公益活动开展率（C21）"))["NM601"]
    assert (renamed.expected, renamed.found) == ("C21公益活动完成率", "C21公益活动开展率")
    system = ("# 某项目绩效评价报告\n\n## 一、评价指标体系\n\n评价指标体系共设一级指标2个、二级指标{}个、三级指标4个。\n\n"
              "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n| 决策 | 项目立项 | 立项依据充分性 | 5 | 5 |\n"
              "| | 绩效目标 | 绩效目标合理性 | 5 | 4 |\n| 产出 | 产出数量 | 完成率 | 5 | 5 |\n| | | 覆盖率 | 5 | 4 |\n"
              "| 合计 | | | 20 | 18 |\n")  # fmt: skip
    assert "CT701" not in findings(tmp_path, system.format(3))
    assert [f.expected for f in findings(tmp_path, system.format(2))["CT701"]] == ["3"]
    two = "# 某项目绩效评价报告\n\n## 一、建设内容\n\n新建道路长度1,250米，绿化面积1,250平方米。\n"
    assert findings(tmp_path, two) == {}
    one = "# 某项目绩效评价报告\n\n## 一、建设内容\n\n绿化面积1,250平方米。\n\n经核查，绿化面积1,250米。\n"
    assert [f.found for f in findings(tmp_path, one)["UN501"]] == ["1,250米"]


def test_slips_of_review_10b(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、情况\n\n"
    cases = {  # slipped text → (rule, expected); the right one is quiet
        "评价组抽查服务记录150份，147份合格，合格率{}。\n": ("RT301", "96%", "98%"),
        "评价组抽取东湖区、新建区、南昌县共{}个县（区）开展现场核查。\n": ("CT701", "4", "3"),
        "评价组选取东湖区、新建区和南昌县{}个县（区）开展现场核查。\n": ("CT701", "4", "3"),
        "该项目资金实际使用{}万元。其中：卢沟桥街道612.40万元，新村街道548.29万元，右安门街道503.17万元，太平桥街道522.25万元。\n":
            ("CT702", "2,186.74", "2,186.11"),
        "项目概算总投资3,680.00万元，实际完成投资3,376.24万元，节约率为{}。\n": ("RT301", "8.52%", "8.25%"),
        "工程合同金额4,862.35万元，经审计审定金额4,736.90万元。按合同金额计算，审计控制率为{}。\n": ("RT301", "2.85%", "2.58%"),
    }  # fmt: skip
    for text, (rule, slipped, right) in cases.items():
        assert findings(tmp_path, head + text.format(right)) == {}, text
        assert rule in findings(tmp_path, head + text.format(slipped)), text
    on_contract = (head + "施工合同总价1,860.00万元。\n\n## 二、审计\n\n送审金额1,980.43万元，审定金额1,833.46万元，核减146.97万元，"
                   "核减率7.42%。按合同价计算，审计控制率1.43%。\n")  # fmt: skip
    assert findings(tmp_path, on_contract) == {}
    table = ("# 某工程绩效评价报告\n\n## 一、结算审计\n\n表1 分标段结算审计汇总表（单位：万元）\n\n| 标段 | 送审金额 | 审定金额 | 核减金额 | 核减率 |\n"
             "|---|---|---|---|---|\n| 一标段 | 2,536.48 | 2,254.17 | 282.31 | 11.13% |\n| 二标段 | 1,642.90 | 1,452.36 | 190.54 | {} |\n"
             "| 合计 | 4,179.38 | 3,706.53 | 472.85 | 11.31% |\n")  # fmt: skip
    assert findings(tmp_path, table.format("11.60%")) == {}
    assert [f.expected for f in findings(tmp_path, table.format("11.06%"))["RT301"]] == ["11.60%"]
    analysis = ("# 某项目绩效评价报告\n\n## 一、指标分析\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 专家评分 |\n|---|---|---|---|---|\n"
                "| 产出 | 产出数量 | 实际完成率 | 75 | 70 |\n| 效益 | 项目效益 | 实施效益 | 15 | 12 |\n| | | 满意度 | 10 | 8 |\n"
                "| 合计 | | | 100 | 90 |\n\n实施效益（15分）得12分。实际完成率指标满分75分，专家评定{}分。\n")  # fmt: skip
    assert findings(tmp_path, analysis.format(70)) == {}
    assert [f.rule for fs in findings(tmp_path, analysis.format(72)).values() for f in fs] == ["SC101"]
    reason = ("# 某项目绩效评价报告\n\n## 一、指标分析\n\n| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n"
              "| B1组织实施 | B13采购程序合规性 | 2 | 2 |\n| 合计 | | 2 | 2 |\n\nB13采购程序合规性，权重2分，得分2分。\n\n"
              "招标文件未载明评分细则，扣0.5分。该指标得2分。\n")  # fmt: skip
    assert "SC103" in findings(tmp_path, reason)


def test_a_heading_with_the_code_after_the_name_and_its_weight(tmp_path: Path):
    text = ("# 某项目绩效评价报告\n\n## 一、指标分析\n\n| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n"
            "| C1产出数量 | C12管网改造长度完成率 | 8 | 7.2 |\n| 合计 | | 8 | 7.2 |\n\n### 1.管网改造长度完成率（C12）（8分）\n\n"
            "实际完成78.6公里，扣0.8分，得{}分。\n")  # fmt: skip
    assert findings(tmp_path, text.format("7.2")) == {}
    [wrong] = findings(tmp_path, text.format("7.4"))["SC101"]
    assert wrong.found == "权重8分，得分7.4分"


def test_false_alarms_of_review_10a(tmp_path: Path):
    head = "# 某项目绩效评价报告\n\n## 一、情况\n\n"
    quiet = [
        "新建路面18,750平方米（长1,250米×宽15米），新建雨水管道2,480米、污水管道2,360米，合计4,840米。\n",
        "东城街道幼儿2,457人，补助资金368.55万元；西城街道幼儿2,459人，补助资金368.85万元。\n",
        "年度绩效目标：扶持企业200家以上。\n\n2023年度共扶持企业201家。\n",
        "评分标准：完成率100%得满分。\n\n计划扶持企业200家，实际扶持201家，完成率100.50%。\n",
        "投入指标（20分）得18分，过程指标（30分）得28分，产出指标（30分）得28.5分，效果指标（20分）得18.4分，总得分为92.9分。\n",
    ]
    for text in quiet:
        assert findings(tmp_path, head + text) == {}, text
    pipes = head + "新建路面18,750平方米（长1,250米×宽15米），新建雨水管道2,480米、污水管道2,360米，合计4,940米。\n"
    assert [f.expected for f in findings(tmp_path, pipes)["CT702"]] == ["4,840米"]
    one_place = head + "东城街道补助资金368.55万元。\n\n东城街道补助资金368.85万元。\n"
    assert "UN501" in findings(tmp_path, one_place)


def test_a_contents_page_is_no_report_of_its_own_and_parts_name_their_sections(tmp_path: Path):
    text = ("目  录\n\n第一部分 基本情况……………………1\n\n第二部分 评价结论……………………2\n\n某项目绩效评价报告\n\n第一部分 基本情况\n\n"
            "一、项目概况\n\n项目预算100万元。\n\n第二部分 评价结论\n\n一、综合评价\n\n经评价，该项目综合评价得分为95分，评价等级为“良”。\n")  # fmt: skip
    found = findings(tmp_path, text, "r.txt")
    assert list(found) == ["GR401"] and found["GR401"][0].location.report is None
    document = docx.Document()
    for line in text.split("\n\n"):
        heading = line.startswith(("第一部分 基本情况", "第二部分 评价结论")) and "…" not in line
        document.add_paragraph(line.strip(), style="Heading 1" if heading else "Heading 2" if line.startswith("一、") else None)
    path = tmp_path / "parts.docx"
    document.save(path)
    [grade] = check_document(read_document(path))
    assert grade.rule == "GR401" and grade.location.section == "第二部分 一、综合评价"


def test_the_last_of_several_deductions_before_the_closing_and_done_items_added_up(tmp_path: Path):
    table = "| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| A2绩效目标 | A22绩效指标明确性 | 5 | 4 |\n| 合计 | | 5 | 4 |\n\n"
    text = ("# 某项目绩效评价报告\n\n## 一、指标分析\n\n" + table + "A22绩效指标明确性，权重5分，得分4分。\n\n"
            "部分产出指标未设置目标值，扣0.5分；效益指标以定性描述为主，扣{}分，该指标得4分。\n")  # fmt: skip
    assert findings(tmp_path, text.format("0.5")) == {}
    assert "SC103" in findings(tmp_path, text.format("0.3"))
    done = ("# 某项目绩效评价报告\n\n## 一、产出\n\n计划新建雨水管道2,500米、污水管道2,400米，合计4,900米；实际完成雨水管道2,480米、"
            "污水管道2,360米，合计4,840米，完成率{}。\n")  # fmt: skip
    assert findings(tmp_path, done.format("98.78%")) == {}
    assert [f.expected for f in findings(tmp_path, done.format("97.78%"))["RT301"]] == ["98.78%"]
