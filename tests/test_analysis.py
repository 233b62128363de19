"""Recognisers for the ways reports state indicator scores, subtotals and table headers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checkers.analysis import LEVEL1_PROSE_RE, names_match
from checkers.openings import CLOSING_RE, head_match, split_label


@pytest.mark.parametrize(
    ("text", "label", "weight", "score"),
    [
        ("B14运转程序规范性，权重4分，得分2分。", "B14运转程序规范性", "4", "2"),
        ("立项依据充分性（分值5分，得分4.5分）", "立项依据充分性", "5", "4.5"),
        ("A11立项依据充分性：权重5分，实际得分5分。", "A11立项依据充分性", "5", "5"),
        ("（1）资金到位率，指标分值为2分，得分为2分。", "资金到位率", "2", "2"),
        ("B14运转程序规范性，得分2.25分（满分2.5分）。", "B14运转程序规范性", "2.5", "2.25"),
        ("（2）资金使用合规性：得分3分，权重4分。", "资金使用合规性", "4", "3"),
        ("“预算执行率”指标（得分1.5分，分值2分）", "“预算执行率”指标", "2", "1.5"),
    ],
)
def test_indicator_head_variants(text, label, weight, score):
    match = head_match(text)
    assert match and match.group("label").strip() == label
    assert (match.group("weight"), match.group("score")) == (weight, score)


@pytest.mark.parametrize(
    ("text", "deduction", "score"),
    [
        ("根据相关评分标准，扣2分，该指标得2分。", "2", "2"),
        ("依据评分标准，本指标得分为3分。", None, "3"),
        ("根据相关评分标准，该项指标得4分。", None, "4"),
        ("综上所述，该指标扣1分，得3分。", "1", "3"),
    ],
)
def test_closing_variants(text, deduction, score):
    match = CLOSING_RE.search(text)
    assert match and (match.group("deduction") or match.group("deducted")) == deduction and match.group("score") == score


def test_level1_prose_variants():
    m = LEVEL1_PROSE_RE.search("决策类指标满分20分，实际得分16分。")
    assert m and m.group("name") == "决策" and Decimal(m.group(2)) == 20 and Decimal(m.group(3)) == 16


def test_names_and_labels():
    assert names_match("项目决策", "决策") and names_match("决策类", "A.决策") and not names_match("效果", "效益")
    assert split_label("B14运转程序规范性") == ("B14", "运转程序规范性")
    assert split_label("A.决策") == ("A", "决策")
    assert split_label("立项依据充分性") == (None, "立项依据充分性")
