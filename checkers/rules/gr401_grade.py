"""等级与总分不符：“绩效评级为‘良’”等写法与总分所在等级区间不一致。

等级按财预〔2020〕10号第十八条：优 90（含）—100分，良 80（含）—90分，中 60（含）—80分，差 60分以下。
总分取报告多数处所写（给出 --data 时取数据计算值；设有加分项、扣分项时取加减之后的总分）；报告两处总分各执一词时，等级符合其中之一即不报告（由 TT203 报告总分不一致）。
"""

from __future__ import annotations

from checkers.analysis import Analysis
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import grade_band_text, grade_for, plain

FAILING = """\
经评价组绩效评价，最后评定本项目综合评价得分88.5分，绩效评级为“优”。
"""

PASSING = FAILING.replace("“优”", "“良”")


def check(a: Analysis, rule: Rule):
    total, source = a.consensus_total
    if total is None:
        return
    expected = a.data.grade if a.data is not None else grade_for(total)
    stated_grades = {grade_for(s.value) for s in a.total_statements} if a.data is None else {expected}
    for statement in a.grade_statements:
        if statement.name != expected and statement.name not in (stated_grades if source == "前文" else ()):
            yield rule.finding(
                f"等级写“{statement.name}”，但{source}总分{plain(total)}分属于“{expected}”（{grade_band_text(expected)}）",
                statement.location, statement.excerpt, expected=expected, found=statement.name,
            )  # fmt: skip


RULE = Rule("GR401", "grade", Severity.ERROR, check, __doc__, FAILING, PASSING)
