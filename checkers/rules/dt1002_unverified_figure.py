"""数字无法溯源（需 --data）：正文中的分数、金额或百分比在项目数据及其派生值中找不到。

可溯源的值：各级指标的权重、得分、扣分、小计与得分率，总分，资金预算、到位、支出（任意金额单位换算后，可按所写小数位四舍五入：5,271,022.96元写作“527.10万元”）及到位率、
执行率，资金明细表各数及合计，facts 中的数字，以及数据文字（证据、背景等）中出现过的数字。只作提示。
报告标题之前的文字（汇编开头的“关于……情况的说明”）不是本篇报告的，不核对。
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal

from checkers.analysis import Analysis
from checkers.figures import MONEY_UNITS, any_percent_matches, sentence_at
from checkers.finding import Severity
from checkers.rules.base import MINI_DATA, Rule

PASSING = """\
项目预算100万元，实际到位100万元，实际支出90万元，预算执行率90%。B14运转程序规范性，权重50分，得分40分，扣10分。
"""

FAILING = PASSING + "\n另安排专项经费37.5万元。\n"


def _rounded_from(figure, amounts: list[Decimal]) -> bool:
    """An amount that is one of the data's rounded to the places written in its own unit (5,271,022.96元 written
    “527.10万元”)."""
    factor = MONEY_UNITS[figure.unit]
    half = Decimal(5).scaleb(-figure.places - 1) * factor
    at = bisect_left(amounts, figure.value * factor - half)
    return at < len(amounts) and amounts[at] <= figure.value * factor + half


def check(a: Analysis, rule: Rule):
    scores, amounts, percents = a.data_values
    in_order = sorted(amounts)
    preamble = a.preamble
    for paragraph, figures in a.figures:
        if paragraph.is_heading or id(paragraph) in preamble:
            continue  # (a note before the report's title is not the report's)
        for figure in figures:
            if figure.kind == "score":
                ok = figure.value.normalize() in scores
            elif figure.kind == "amount":
                ok = figure.in_yuan().normalize() in amounts or _rounded_from(figure, in_order)
            elif figure.kind == "percent":
                ok = any_percent_matches(figure.value, percents, a.tolerance)
            else:
                continue
            if not ok:
                yield rule.finding(
                    f"“{figure.text}”在项目数据中找不到出处，请核对",
                    paragraph.location, sentence_at(paragraph.text, figure.start), found=figure.text,
                )  # fmt: skip


RULE = Rule("DT1002", "unverified-figure", Severity.INFO, check, __doc__, FAILING, PASSING, data=MINI_DATA,
            needs_data=True)  # fmt: skip
