"""结尾得分与开头不一致：指标分析结尾“该指标得N分”与该段开头“得分M分”不同。

每个指标的分析以“X，权重W分，得分S分。”开头、以“根据相关评分标准，（扣D分，）该指标得S分。”结尾，
两处得分必须相同。评分表（或项目数据）与结尾一致、只有开头不同时，由 SC101（或 SC104）指出开头，本规则不再重复。
"""

from __future__ import annotations

from checkers.analysis import Analysis
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import format_score

FAILING = """\
B14运转程序规范性，权重2分，得分2分。

项目按照部门项目管理办法执行。根据相关评分标准，该指标得3分。
"""

PASSING = FAILING.replace("该指标得3分", "该指标得2分")


def check(a: Analysis, rule: Rule):
    for statement in a.indicator_statements:
        known = a.data.find_indicator(statement.code or statement.name) if a.data is not None else None
        for closing in statement.closings:
            if known is not None and known.is_leaf and known.total_score == closing.score:
                continue  # the data confirms the closing: the opening is wrong (SC101/SC104 say so)
            if known is None and closing.score != statement.score and a.table_score(statement) == closing.score:
                continue  # the score table agrees with the closing: the opening is wrong (SC101 says so)
            if closing.score != statement.score:
                yield rule.finding(
                    f"{statement.label}：结尾写“{closing.words}”，但开头写得分{format_score(statement.score)}分",
                    closing.paragraph.location,
                    closing.sentence,
                    expected=f"{format_score(statement.score)}分",
                    found=f"{format_score(closing.score)}分",
                )


RULE = Rule("SC102", "closing-score", Severity.ERROR, check, __doc__, FAILING, PASSING)
