"""总分前后不一致：反馈书、综合评价结论、得分概况表、附件评分表等处写的总分互不相同（或与数据不同）。

收集“综合评价得分N分”“总得分为N分”“评价结果为N分”、反馈书“评价分值”、全表合计行等所有总分，
以多数值为准报告不同之处（两个值各占一半时，以先写的为准并请核对）；给出 --data 时以数据计算的总分为准。
"""

from __future__ import annotations

from checkers.analysis import Analysis
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import format_score, plain

FAILING = """\
该项目评价结果为86.88分。

经专家评议，该项目综合评价得分86.80分，绩效级别评定为“良”。
"""

PASSING = FAILING.replace("86.80分", "86.88分")


def check(a: Analysis, rule: Rule):
    expected, source = a.consensus_total
    if expected is None:
        return
    for statement in a.total_statements:
        if statement.value != expected:
            yield rule.finding(
                f"总分写{format_score(statement.value)}分，与{source}的总分{plain(expected)}分不一致"
                + ("，请核对哪一处正确" if source == "前文" else ""),
                statement.location, statement.excerpt, expected=f"{plain(expected)}分", found=f"{format_score(statement.value)}分",
            )  # fmt: skip


RULE = Rule("TT203", "total-consistency", Severity.ERROR, check, __doc__, FAILING, PASSING)
