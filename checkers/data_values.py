"""The values a project's data states or derives, by kind: what a report's scores, amounts and percentages may trace to."""

from __future__ import annotations

from decimal import Decimal

from checkers.figures import MONEY_UNITS, extract_figures
from evaluation_model import derived_sum


def _add(value: Decimal, unit: str, scores: set[Decimal], amounts: set[Decimal], ratios: list[Decimal]) -> None:
    """A figure of the data's text or facts, kept as what its unit makes it (a bare number may be a score)."""
    if unit in ("%", "％"):
        ratios.append(value / 100)
    elif unit in MONEY_UNITS:
        amounts.add(value * MONEY_UNITS[unit])  # (compared in 元)
    elif unit in ("", "分"):
        scores.add(value)


def data_values(data) -> tuple[set[Decimal], set[Decimal], list[Decimal]]:
    """(scores, amounts in 元, ratios × 100 sorted) the data states or derives."""
    scores: set[Decimal] = {data.total, data.full_marks, data.full_marks - data.total}
    ratios: list[Decimal] = [r for r in (data.received_rate, data.execution_rate, data.score_rate) if r is not None]

    def totals(node) -> tuple[Decimal, Decimal]:  # one bottom-up pass (the model's properties recompute each time)
        if node.is_leaf:
            weight, score = node.total_weight, node.total_score
        else:
            pairs = [totals(child) for child in node.children]
            weight, score = derived_sum(w for w, _ in pairs), derived_sum(s for _, s in pairs)
        scores.update((weight, score, weight - score))
        if weight:
            ratios.append(score / weight)
        return weight, score

    for top in data.indicators:
        totals(top)
    factor = data.funding.unit.factor
    amounts = set(data.funding.in_yuan.values())
    funding = data.funding
    amounts |= {(funding.budget - funding.spent) * factor, (funding.received - funding.spent) * factor,
                (funding.budget - funding.received) * factor}  # 节约, 结余, 未到位  # fmt: skip
    if funding.budget:
        ratios.append(funding.spent / funding.budget)  # 支出占预算 (whichever base the 执行率 is on)
    if funding.received:
        ratios.append(funding.spent / funding.received)
    if data.funding.detail is not None:
        for row in data.funding.detail.rows:
            amounts |= {cell * factor for cell in row if isinstance(cell, Decimal)}
        amounts |= {data.funding.detail.column_total(i) * factor for i in range(len(data.funding.detail.columns))}
    for fact in data.facts:  # each by its unit: “提高12.5%” traces to no 12.5万元
        _add(fact.value, fact.unit, scores, amounts, ratios)
    texts = [text or "" for n in data.walk() for text in (n.evidence, n.summary, n.deduction_reason)]
    texts += data.background + data.implementation + data.organization + data.basis
    texts += [p.text for p in data.findings.problems] + [s.text for s in data.findings.suggestions]
    texts += [p.text for p in data.findings.practices] + [data.funding.management or "", data.goals.overall, data.goals.annual]
    for text in texts:
        for figure in extract_figures(text):
            _add(figure.value, figure.unit, scores, amounts, ratios)
    return {s.normalize() for s in scores}, {a.normalize() for a in amounts}, sorted(r * 100 for r in ratios)
