"""资金数字与项目数据不一致（需 --data）：资金到位率、预算执行率，及与之同句的预算、到位、支出金额，与数据不符。

到位率、执行率按数据计算（执行率口径见 settings.execution_rate_base）；金额按单位换算后比较。
不与比率同句的预算、到位、支出金额，与数据相差在 0.5% 以内、只差一位数字或两位相邻数字颠倒时（“批复预算2632.94万元”
而数据为2632.49万元，多为笔误）也报告；按所写小数位四舍五入后相等的（“约527万元”）不算。
写的是某个合同、标段、一期或尾款的比率与金额时（“监理合同…执行率80%”），或同句写明另一年度、同类项目、全市平均的比率时，不与项目数据比较；预算经调整的，只比较调整后的预算。
数据有资金明细表（funding.detail）时，报告中表头含其全部金额列的表格逐格与之比较：各行按名称（或行数相同时按顺序）
对应，合计行与数据各列之和比较；大多数格子都不符的表格视为另一张表（或另一种单位），不作比较。
"""

from __future__ import annotations

import re
from decimal import Decimal

from checkers.analysis import Analysis, about_a_part
from checkers.figures import (
    MONEY_UNITS,
    clause_before,
    in_parentheses,
    one_keystroke_apart,
    percent_matches,
    round_half_up,
    sentence_at,
    sentence_head,
    sentences,
)
from checkers.finding import Severity
from checkers.openings import OTHER_PERIOD
from checkers.rules.base import MINI_DATA, Rule
from checkers.rules.rt301_rates import adjusts_budget, role_of
from evaluation_model import format_amount, format_percent, plain

YEAR = re.compile(r"((?:19|20)\d{2})年")

PASSING = """\
项目预算100万元，实际到位100万元，资金到位率100%；实际支出90万元，预算执行率90%。
"""

FAILING = PASSING.replace("实际支出90万元，预算执行率90%", "实际支出95万元，预算执行率95%")


OTHER_PROJECTS = re.compile(r"同类|类似|其他|其它|全省|全市|全区|平均")  # “同类项目预算执行率”, “全市平均执行率”


def check(a: Analysis, rule: Rule):
    data = a.data
    funding = data.funding
    expected_rates = {"到位率": data.received_rate, "执行率": data.execution_rate}
    for statement in a.rate_statements:
        key = next((k for k in expected_rates if k in statement.name), None)
        if key is None or expected_rates[key] is None or statement.name in ("得分率",):
            continue
        paragraph, start = statement.extra["paragraph"], statement.extra["start"]
        head = sentence_head(paragraph.text, start)
        if about_a_part(paragraph.text, start) or OTHER_PERIOD.search(head) or a.names_another_year(head) \
                or OTHER_PROJECTS.search(head):  # fmt: skip
            continue  # the rate of one contract or phase, of an earlier year or of other projects, not the project's
        if not percent_matches(statement.value, expected_rates[key], a.tolerance):
            yield rule.finding(
                f"{statement.name}写{statement.value}%，按项目数据应为{format_percent(expected_rates[key])}",
                statement.location, statement.excerpt, expected=format_percent(expected_rates[key]),
                found=f"{statement.value}%",
            )  # fmt: skip
    for slip in a.detail_slips:
        where = "合计行" if slip.is_total else f"“{slip.item[:20]}{'…' if len(slip.item) > 20 else ''}”一行"
        yield rule.finding(
            f"资金明细表{where}“{slip.column}”写{slip.written}，项目数据为{plain(slip.other)}",
            slip.table.at(slip.row, slip.col + 1), slip.row_text, expected=plain(slip.other), found=slip.written,
        )  # fmt: skip
    values = {"budget": funding.budget, "received": funding.received, "spent": funding.spent}
    names = {"budget": "预算", "received": "实际到位", "spent": "实际支出"}
    body = {id(p) for p in a.body_paragraphs}
    for paragraph, in_paragraph in a.figures:  # (the figures read once for every rule)
        if id(paragraph) not in body or not any(f.kind == "amount" for f in in_paragraph):
            continue
        text = paragraph.text
        for start, end, sentence in sentences(text):
            with_rate = "到位率" in sentence or "执行率" in sentence
            figures = [f for f in in_paragraph if start <= f.start < end]
            roles = [role_of(f) if f.kind == "amount" else None for f in figures]
            for index, (figure, role) in enumerate(zip(figures, roles, strict=True)):
                if role not in values or in_parentheses(sentence, figure.start - start):
                    continue
                if role == "budget" and any(adjusts_budget(f) for f in figures[index + 1 :]):
                    continue  # “年初预算180万元，年中调减至170.86万元”: the budget before an adjustment
                if about_a_part(text, figure.start) or OTHER_PERIOD.search(text[start : figure.start]):
                    continue  # a contract's or a phase's amount, or an earlier year's
                years = YEAR.findall(clause_before(text, figure.start))
                if a.report_years and years and not set(years) & a.report_years:
                    continue  # “2021年预算安排运维资金50万元”: another year's money
                if figure.in_yuan() != funding.in_yuan[role] and (with_rate or _near_miss(figure, funding.in_yuan[role])):
                    yield rule.finding(
                        f"{names[role]}金额写{figure.text.strip()}，项目数据为{format_amount(values[role])}{funding.unit.value}",
                        paragraph.location, sentence_at(text, figure.start),
                        expected=f"{format_amount(values[role])}{funding.unit.value}", found=figure.text.strip(),
                    )  # fmt: skip


def _near_miss(figure, data_yuan: Decimal) -> bool:
    """An amount a slip away from the data's (2632.94 for 2632.49万元: within 0.5%), not the data's rounded to the
    places written (“约527万元” for 5,271,022.96元)."""
    written = figure.in_yuan()
    if not data_yuan or abs(written - data_yuan) > data_yuan * Decimal("0.005"):
        return False
    factor = MONEY_UNITS[figure.unit]
    data_value = round_half_up(data_yuan / factor, figure.places)
    return data_value != figure.value and one_keystroke_apart(figure.value, data_value)


RULE = Rule("DT1003", "funding-vs-data", Severity.ERROR, check, __doc__, FAILING, PASSING, data=MINI_DATA,
            needs_data=True)  # fmt: skip
