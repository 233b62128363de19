"""Wordings from the ninth review: ordinary text that must stay quiet, slips that must be found."""

from __future__ import annotations

from pathlib import Path

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
    assert (wrong.expected, wrong.found) == ("2400户", "2,300户")
    listed = head + "项目涉及东城、西城、南城3个街道，共发放补贴{}户，其中东城800户、西城700户、南城900户。\n"
    assert findings(tmp_path, listed.format("2,400")) == {}
    [wrong] = findings(tmp_path, listed.format("2,500"))["CT702"]
    assert (wrong.expected, wrong.found) == ("2400户", "2,500户")


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
