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
