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
