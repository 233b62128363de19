"""等级与总分不符：“绩效评级为‘良’”等写法与总分所在等级区间不一致。

等级按财预〔2020〕10号第十八条：优 90（含）—100分，良 80（含）—90分，中 60（含）—80分，差 60分以下。
报告自己列出了等级区间时（如“75分（含）至90分为良”，或“A级（90分及以上）”“60分以下为不合格”，事前绩效评估的
“80分（含）以上为‘予以支持’”“60分（含）至80分为‘部分支持’”），按报告所列区间核对；
报告没有列出区间时，“合格”“A级”这类不属于10号的等级不核对。
自评、上年度等别的得分后紧接着写的等级（“项目单位自评得分95分，自评等级为‘良’”），按同句所写的这个得分核对；
总分取报告多数处所写（给出 --data 时取数据计算值；设有加分项、扣分项时取加减之后的总分）；报告两处总分各执一词时，等级符合其中之一即不报告（由 TT203 报告总分不一致）。
"""

from __future__ import annotations

from checkers.analysis import Analysis
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import plain

FAILING = """\
经评价组绩效评价，最后评定本项目综合评价得分88.5分，绩效评级为“优”。
"""

PASSING = FAILING.replace("“优”", "“良”")


def check(a: Analysis, rule: Rule):
    for statement, score in a.other_grades:  # a self-evaluation's or another year's grade beside its own score
        expected = a.grade_of(score)
        if statement.name != expected and (a.stated_bands is not None or statement.name in TEN_HAO_GRADES):
            yield rule.finding(
                f"等级写“{statement.name}”，但同句所写得分{plain(score)}分属于“{expected}”（{a.band_text(expected)}）",
                statement.location, statement.excerpt, expected=expected, found=statement.name,
            )  # fmt: skip
    total, source = a.consensus_total
    if total is None:
        return
    own_scale = a.stated_bands is not None
    expected = a.grade_of(total) if own_scale or a.data is None else a.data.grade
    stated_grades = {a.grade_of(s.value) for s in a.total_statements} if a.data is None else {expected}
    for statement in a.grade_statements:
        if not own_scale and statement.name not in TEN_HAO_GRADES:
            continue  # “合格”, “A级”: a scale the report does not state
        if statement.name != expected and statement.name not in (stated_grades if source == "前文" else ()):
            yield rule.finding(
                f"等级写“{statement.name}”，但{source}总分{plain(total)}分属于“{expected}”（{a.band_text(expected)}）",
                statement.location, statement.excerpt, expected=expected, found=statement.name,
            )  # fmt: skip


TEN_HAO_GRADES = ("优", "良", "中", "差")


RULE = Rule("GR401", "grade", Severity.ERROR, check, __doc__, FAILING, PASSING)
