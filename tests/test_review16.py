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
