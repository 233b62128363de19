"""扣分与权重、得分不符：“扣N分”必须等于权重减得分。

指标分析中写明的扣分，等于该指标开头所写权重与得分之差（结尾“扣N分，该指标得M分”之前另列有扣分时，各项扣分之和等于该差即可）（结尾没有“扣N分，该指标得M分”时，分析中的“共扣N分”或各处扣分之和）；未扣分（满分）的指标，结尾和分析文字中都不应写“扣N分”
（“每发现一处扣0.5分”“评分标准为每发现一笔不合规支出扣1分”这类评分标准的说法除外）。分析中列出扣分后，再以“扣1分，得2分。”
（不写“该指标”）归总的，是结尾而不是又一处扣分；“每有1个标段未按期完工扣1分”这类规则不算扣分。
另起编号、写出另一指标名称的一段（“2.水质检测频次、水质检测合格率：……”）不再算作上一指标的分析；“存在问题：”“建议：”
等小结里复述的扣分不再重复计算（其中“该指标得N分”的结尾照常核对）。评分表（或项目数据）中的权重减得分正好等于所写扣分、只是开头的权重或得分不同时，
由 SC101（或 SC104）指出开头，本规则不再重复。句中写明得分“保留一位小数”“四舍五入”时，扣分按舍入前计（“扣1.38分，得8.62分，保留一位小数为8.6分”）。
"""

from __future__ import annotations

import re
from decimal import Decimal

from checkers.analysis import EACH_WORDS, Analysis
from checkers.figures import round_half_up
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import format_score, plain

FAILING = """\
B26预算执行率，权重4分，得分2.8分。

预算执行率89.04%。根据相关评分标准，扣1.3分，该指标得2.8分。
"""

PASSING = FAILING.replace("扣1.3分", "扣1.2分")


def check(a: Analysis, rule: Rule):
    for statement in a.indicator_statements:
        expected = statement.weight - statement.score
        known = a.data.find_indicator(statement.code or statement.name) if a.data is not None else None
        for closing in statement.closings:
            deduction = closing.deduction
            if known is not None and known.is_leaf and known.deduction == deduction:
                continue  # the data confirms the deduction: the opening is wrong (SC101/SC104 say so)
            if known is None and deduction is not None and a.table_deduction(statement) == deduction:
                continue  # the score table's weight and score fit the deduction: the opening is wrong (SC101 says so)
            listed = sum((d.deduction for d in statement.deductions), Decimal(0))
            if deduction is not None and deduction != expected and statement.deductions and deduction + listed == expected \
                    and not TOTAL_DEDUCTED.search(closing.sentence):  # fmt: skip
                continue  # “……扣0.5分；……扣0.5分，该指标得4分”: the last of the deductions listed, not their total
            if deduction is not None and deduction != expected and _rounded(statement, deduction, closing.sentence):
                continue
            if deduction is not None and deduction != expected:
                should = f"应扣{plain(expected)}分" if expected else "不应扣分"
                yield rule.finding(
                    f"{statement.label}：写“扣{format_score(deduction)}分”，但权重{format_score(statement.weight)}分"
                    f"减得分{format_score(statement.score)}分，{should}",
                    closing.paragraph.location,
                    closing.sentence,
                    expected=f"扣{plain(expected)}分" if expected else "不扣分",
                    found=f"扣{format_score(deduction)}分",
                )
        if expected != 0 and statement.deductions and not any(c.deduction is not None for c in statement.closings):
            yield from _analysis_deductions(statement, _fitting(a, statement, known, expected), rule)
        if expected == 0:
            for stray in statement.deductions:
                yield rule.finding(
                    f"{statement.label}：得满分{format_score(statement.score)}分，但分析中写了“{stray.words}”",
                    stray.paragraph.location, stray.sentence, expected="不扣分", found=stray.words,
                )  # fmt: skip


def _fitting(a: Analysis, statement, known, expected: Decimal) -> Decimal:
    """The deduction the analysis should state: weight − score, unless the data or the score table gives another weight or
    score the deductions fit (then the opening is wrong, and SC101/SC104 say so)."""
    listed = sum((d.deduction for d in statement.deductions), Decimal(0))
    if known is not None and known.is_leaf:
        return listed if known.deduction == listed else expected
    return listed if a.table_deduction(statement) == listed else expected


ROUNDING_SAID = re.compile(r"保留[一二两1-2]位小数|四舍五入|取整")


def _rounded(statement, deduction: Decimal, sentence: str) -> bool:
    """“扣1.38分，得8.62分，保留一位小数为8.6分”: the deduction before the score was rounded, as the sentence says."""
    places = max(-statement.score.as_tuple().exponent, 0) if isinstance(statement.score.as_tuple().exponent, int) else 0
    return ROUNDING_SAID.search(sentence) is not None and round_half_up(statement.weight - deduction, places) == statement.score


TOTAL_DEDUCTED = re.compile(r"共扣|合计扣|累计扣|总计扣|共计扣")


def _analysis_deductions(statement, expected, rule: Rule):
    """Without a “扣N分，该指标得M分” closing: the analysis's deductions (their “共扣N分”, or else their sum) must be
    the weight minus the score."""
    if any(d.words.startswith(EACH_WORDS) for d in statement.deductions):
        return  # “各扣0.5分”: the total is not written
    summed = [d for d in statement.deductions if not d.words.startswith("扣")]
    deducted = summed[-1].deduction if summed else sum((d.deduction for d in statement.deductions), Decimal(0))
    last = summed[-1] if summed else statement.deductions[-1]
    if deducted == expected or _rounded(statement, deducted, last.sentence):
        return
    words = "“" + "”“".join(d.words for d in (summed[-1:] or statement.deductions)) + "”"
    if not summed and len(statement.deductions) > 1:
        words += f"，共扣{plain(deducted)}分"
    yield rule.finding(
        f"{statement.label}：分析中写{words}，但权重{format_score(statement.weight)}分"
        f"减得分{format_score(statement.score)}分，应扣{plain(expected)}分",
        last.paragraph.location, last.sentence, expected=f"扣{plain(expected)}分", found=f"扣{plain(deducted)}分",
    )  # fmt: skip


RULE = Rule("SC103", "deduction", Severity.ERROR, check, __doc__, FAILING, PASSING)
