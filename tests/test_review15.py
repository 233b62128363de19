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
    assert [(f.found, f.expected) for f in found["CT701"]] == [("四", "3")]
    assert "本报告由" not in found["CT701"][0].message  # (the list after 由 starts after it)
