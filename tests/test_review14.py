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
