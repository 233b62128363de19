"""Figure extraction: figures with units and subjects; non-figures left out."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checkers.figures import extract_figures, percent_matches


def values(text: str) -> list[tuple[str, str]]:
    return [(str(f.value), f.unit) for f in extract_figures(text)]


def test_money_rates_and_scores_with_subjects():
    figures = extract_figures("预算计划安排资金5920000元，实际支出金额为5271022.96元，预算执行率89.04%。扣1.2分，该指标得2.8分。")
    assert [(str(f.value), f.unit) for f in figures] == [
        ("5920000", "元"), ("5271022.96", "元"), ("89.04", "%"), ("1.2", "分"), ("2.8", "分"),
    ]  # fmt: skip
    assert figures[1].subject.endswith("实际支出金额")
    assert figures[0].kind == "amount" and figures[2].kind == "percent" and figures[3].kind == "score"


def test_thousands_separators_and_chinese_numerals():
    assert values("送审金额为2,945.51万元") == [("2945.51", "万元")]
    assert values("共设置三个二级指标") == [("3", "个")]


def test_amounts_measures_and_percents_in_chinese_numerals():
    assert values("预算三百万元，实际到位二百八十五万元，到位率百分之九十五。") == [
        ("300", "万元"), ("285", "万元"), ("95", "%"),
    ]  # fmt: skip
    assert values("合同价人民币叁佰万元整") == [("300", "万元")]
    assert values("三百五十万零二千元") == [("3502000", "元")]
    assert values("新建道路三点五公里，共一百二十个点位") == [("3.5", "公里"), ("120", "个")]
    assert values("完成率达百分之九十五点五") == [("95.5", "%")]


@pytest.mark.parametrize(
    "text", ["城乡二元结构", "统一元数据", "几十万元", "数十万元", "上百万元", "第三个", "一二百万元", "做得十分好", "三点个"]
)
def test_chinese_words_that_are_not_figures(text):
    assert values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "（上财〔2021〕45号）",
        "项目开工日期为2020年8月13日",
        "评价时间为2021年11月—12月",
        "联系电话13812345678",
        "依据第十八条规定",
        "共16台800万像素摄像机",
        "（3）项目资金情况",
        "19届四中全会",
    ],
)
def test_non_figures_are_left_out(text):
    assert [v for v in values(text) if v[0] not in ("16",)] == []


def test_percent_matching_uses_stated_places_and_tolerance():
    assert percent_matches(Decimal("89.04"), Decimal("5271022.96") / Decimal("5920000"))
    assert percent_matches(Decimal("100"), Decimal(1))
    assert not percent_matches(Decimal("98.04"), Decimal("0.8904"))


def test_percent_lookup_agrees_with_one_by_one_matching():
    """any_percent_matches (bisect over sorted ratios) gives what percent_matches gives ratio by ratio."""
    import random

    from checkers.figures import any_percent_matches

    rng = random.Random(7)
    ratios = [Decimal(rng.randint(0, 200000)) / Decimal(rng.randint(1, 2000)) / 100 for _ in range(300)]
    percents = sorted(r * 100 for r in ratios)
    for _ in range(2000):
        stated = Decimal(rng.randint(0, 20000)).scaleb(-rng.choice((0, 1, 2)))
        tolerance = rng.choice((Decimal(0), Decimal("0.01"), Decimal("0.1")))
        expected = any(percent_matches(stated, r, tolerance) for r in ratios)
        assert any_percent_matches(stated, percents, tolerance) == expected, (stated, tolerance)
    assert not any_percent_matches(Decimal("50"), [], Decimal("0.01"))
