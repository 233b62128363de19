"""总分前后不一致：反馈书、综合评价结论、得分概况表、附件评分表等处写的总分互不相同（或与数据不同）。

收集“综合评价得分N分”“总得分为N分”“评价结果为N分”、反馈书“评价分值”、全表合计行等所有总分，
以多数值为准报告不同之处（两个值各占一半时，以各行之和与之相符的评分表合计为准，没有这样的合计时以先写的为准并请核对）；
给出 --data 时以数据计算的总分为准。评分表合计本身与各行之和不符时，由 TT201 报告该格，本规则不再重复。
报告设有加分项、扣分项时（“加分项加3分”“扣分项扣2分”，或评分表合计行之后的“加分项”“扣分项”“总得分”行），
评分表的合计是基础得分，其余各处的总分应为基础得分加减之后的分数（“基础得分87分，加分项加3分，综合得分91分”报告应为90分）。
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
        wanted = a.expected_total(statement)
        if wanted is not None and statement.value != wanted and not _told_by_its_rows(a, statement, wanted):
            said = f"与{source}的总分{plain(expected)}分不一致" if wanted == expected else \
                f"而{source}的总分为{plain(expected)}分，加减分前应为{plain(wanted)}分"  # fmt: skip
            yield rule.finding(
                f"总分写{format_score(statement.value)}分，{said}" + ("，请核对哪一处正确" if source == "前文" else ""),
                statement.location, statement.excerpt, expected=f"{plain(wanted)}分", found=f"{format_score(statement.value)}分",
            )  # fmt: skip


def _told_by_its_rows(a: Analysis, statement, wanted) -> bool:
    """A table's 合计 that its rows add up to the expected total instead: TT201 reports that cell already."""
    location = statement.location
    if location.table is None:
        return False
    return any(m.table.location.table == location.table and m.row == location.row and m.computed == wanted
               for table in a.document.tables if table.location.table == location.table
               for m in a.total_mismatches(table))  # fmt: skip


RULE = Rule("TT203", "total-consistency", Severity.ERROR, check, __doc__, FAILING, PASSING)
