"""Template variables computed from an evaluation: every figure a phrase can print comes from here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drafter.numbering import chinese_numeral
from evaluation_model import Evaluation, Indicator, at_least_two_places, format_percent

PROJECT_VARIABLES = (
    "project_name", "called", "named", "year", "region", "unit", "department", "organizer", "commissioned_by",
    "evaluator", "evaluator_brief", "evaluator_kind", "period", "report_date", "feedback_no", "evaluation_type", "evaluation_mode",
    "total", "total_two_places", "full_marks", "grade", "score_rate", "level1_count", "level1_count_cn", "level1_names",
    "level1_scores",
    "budget", "received", "spent", "money_unit", "received_rate", "execution_rate", "execution_base",
    "execution_base_amount", "funding_source", "table_no",
)  # fmt: skip

INDICATOR_VARIABLES = (
    "label", "code", "name", "weight", "score", "deduction", "evidence", "deduction_reason", "score_rate",
    "prose_name", "summary", "children_count", "children_count_cn", "index", "code_prefix", "score_2dp", "weight_2dp",
)  # fmt: skip


def project_context(evaluation: Evaluation, prose_names: dict[str, str] | None = None) -> dict[str, Any]:
    """Variables every phrase of a style may use."""
    project = evaluation.project
    funding = evaluation.funding
    execution_by_received = evaluation.settings.execution_rate_base == "到位"
    names = [(prose_names or {}).get(i.name, i.name) for i in evaluation.indicators]
    return {
        "project_name": project.name,
        "called": project.called,
        # the full name the first time, with the short name it goes by after (“……项目（以下简称“智慧安防项目”）”);
        # a “short” name that only adds to the full name (“直属公立医院绩效考核” + “项目”) is simply used
        "named": named(project.name, project.called),
        "year": project.year,
        "region": project.region,
        "unit": project.unit,
        "department": project.department,
        "organizer": project.organizer,
        "commissioned_by": project.commissioned_by or project.organizer,
        "evaluator": project.evaluator,
        # the evaluator after “{organizer}组织”: without the organizer's name it begins with (“绩效评价工作组”)
        "evaluator_brief": brief_evaluator(project.organizer, project.evaluator),
        "evaluator_kind": project.evaluator_kind,
        "period": project.period,
        "report_date": project.report_date,
        "feedback_no": project.feedback_no or "",
        "evaluation_type": project.evaluation_type,
        "evaluation_mode": project.evaluation_mode,
        "total": evaluation.total,
        "total_two_places": at_least_two_places(evaluation.total),  # 84.9 → 84.90, as 丰台 reports write totals
        "full_marks": evaluation.full_marks,
        "grade": evaluation.grade,
        "score_rate": format_percent(evaluation.score_rate),
        "level1_count": len(evaluation.indicators),
        "level1_count_cn": chinese_numeral(len(evaluation.indicators)),
        "level1_names": "、".join(names),
        # every 一级's derived subtotal: “项目决策得分19分，过程管理得分18分，……”
        "level1_scores": "，".join(f"{name}得分{top.total_score}分" for name, top in zip(names, evaluation.indicators,
                                                                                      strict=True)),
        "budget": funding.budget,
        "received": funding.received,
        "spent": funding.spent,
        "money_unit": funding.unit.value,
        "received_rate": format_percent(evaluation.received_rate),
        "execution_rate": format_percent(evaluation.execution_rate),
        "execution_base": "实际到位资金" if execution_by_received else "预算资金",
        "execution_base_amount": funding.received if execution_by_received else funding.budget,
        "funding_source": funding.source or "财政资金",
    }


def named(name: str, called: str) -> str:
    """How a report first names its project: the full name with the short name after (以下简称), the short name
    alone when it only adds to the full name, the full name when there is no other."""
    if called == name:
        return name
    if name in called:
        return called
    return f"{name}（以下简称“{called}”）" if len(called) < len(name) else f"{name}（以下称“{called}”）"


def brief_evaluator(organizer: str, evaluator: str) -> str:
    """The evaluator without the organizer's name it begins with (北京市丰台区财政局 + 绩效评价工作组), so that
    “{organizer}组织{evaluator_brief}” never says the organizer twice."""
    rest = evaluator[len(organizer) :] if organizer and evaluator.startswith(organizer) else ""
    return rest if len(rest) >= 2 else evaluator


def indicator_context(node: Indicator, index: int = 1, prose_names: dict[str, str] | None = None) -> dict[str, Any]:
    """Variables of one indicator (any level); subtotals are derived, never typed."""
    weight: Decimal = node.total_weight
    score: Decimal = node.total_score
    return {
        "label": node.label,
        "code": node.code or "",
        "code_prefix": f"{node.code}." if node.code else "",
        "name": node.name,
        "prose_name": (prose_names or {}).get(node.name, node.name),
        "weight": weight,
        "score": score,
        "deduction": weight - score,
        "evidence": node.analysis,
        "deduction_reason": node.deduction_reason or "",
        "score_rate": format_percent(node.score_rate),
        "score_2dp": at_least_two_places(score),
        "weight_2dp": at_least_two_places(weight),
        "summary": node.summary or "",
        "children_count": len(node.children),
        "children_count_cn": chinese_numeral(len(node.children)) if node.children else "零",
        "index": index,
    }
