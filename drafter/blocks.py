"""Block kinds a house style composes: each turns evaluation data into paragraphs, tables or subsections.

A style names kinds and gives their phrases; code never asks which style it is rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from drafter.context import INDICATOR_VARIABLES, PROJECT_VARIABLES, indicator_context
from drafter.phrases import all_empty, check_template, fill
from drafter.report import SLOT_MARK, Block, Paragraph, Section, Table, slotted
from evaluation_model import (
    PLACEHOLDER,
    Evaluation,
    Indicator,
    at_least_two_places,
    format_amount,
    format_percent,
    format_score,
    plain,
)


@dataclass
class RenderContext:
    """What every block kind receives."""

    evaluation: Evaluation
    variables: dict[str, Any]
    prose_names: dict[str, str]
    style_name: str
    captioned_tables: int = 0
    section_id: str = ""  # the style section being rendered
    unfilled: list[tuple[str, str, str]] = dataclass_field(default_factory=list)  # (field, section id, part) “（待补充）”
    empty_fields: dict[str, list[str]] = dataclass_field(default_factory=dict)  # section id → fields left out as empty
    omitted: list[tuple[str, list[str]]] = dataclass_field(default_factory=list)  # sections left out: (title, empty fields)

    def nothing_given(self, field_name: str, text: str, part: str = "") -> str:
        """The text printed for a field the data left empty: a placeholder in it is recorded for the user to fill
        (with the ``part`` of the section it is printed in, such as a form's row); an empty text (the field left
        out) is recorded for the hint naming what was left out."""
        if PLACEHOLDER in text:
            self.unfilled.append((field_name, self.section_id, part))
        elif not text:
            self.empty_fields.setdefault(self.section_id, []).append(field_name)
        return text

    def caption(self, template: str | None, extra: dict[str, Any] | None = None, where: str = "") -> str | None:
        """Fill a table caption and count it, so 表N numbers follow document order."""
        if not template:
            return None
        text = self.fill(template, extra, where)
        self.captioned_tables += 1
        return text

    def fill(self, template: str, extra: dict[str, Any] | None = None, where: str = "") -> str:
        values = dict(self.variables)
        values["table_no"] = self.captioned_tables + 1
        if extra:
            values.update(extra)
        return fill(template, values, f"样式 {self.style_name} {where}")


class Params(BaseModel):
    """Base of every block kind's parameters: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


Output = list[Block | Section]


@dataclass
class BlockKind:
    name: str
    params: type[Params]
    render: Callable[[RenderContext, Any], Output]
    templates: dict[str, tuple[str, ...]]  # param name → allowed variables
    doc: str
    help: str = ""  # Chinese description for docs/styles.md


KINDS: dict[str, BlockKind] = {}


HELP = {
    "text": "固定短语，每个模板一段，可用项目变量；`role` 决定版式（title 标题、cover_title 封面标题（页面上部三分之一处）、subheading 正文中的小标题（如“（1）项目资金到位情况”，排版同正文，不与下一段分页）、center 居中、cover 封面行、plain 无缩进）。",
    "paragraphs": "数据中的一段段文字（背景、实施情况、立项依据……），每段套用 `item` 短语（`{text}` 原文，`{n}`/`{cn}` 序号）。",
    "score_overview_table": "得分概况表：每个一级指标一行（权重、得分、得分率等由程序计算）并有合计行。",
    "indicator_sections": "每个一级指标一个小节：小计句、二级/三级评分表（含合计）、每个三级指标一段（开头句 + 证据 + 扣分结尾句）。",
    "evidence_sections": "指定一级指标下每个二级指标一个小节，写其三级指标的证据（丰台式“产出数量”等分析）。",
    "appendix_table": "附件指标体系及评分表：一级/二级/三级/分值/得分，合计行由程序计算。",
    "funding_detail_table": "资金明细表（数据中有 funding.detail 时），金额列合计由程序计算。",
    "problem_sections": "存在的问题：按“方面”分小节，或编号段落（`mode: numbered`）。",
    "item_sections": "建议或经验做法：每条一个小节，或编号段落（`mode: numbered`）。",
    "feedback_form": "结果反馈书：评价机构、时间、分值、结论、主要绩效、主要问题、建议，与正文一致。",
    "rectification_form": "空白的结果整改报告书，供被评价单位填写。",
    "level1_list": "一句列出各一级指标小计（如“其中：项目决策得分8.10分、……”）。",
}


def kind(name: str, params: type[Params], templates: dict[str, tuple[str, ...]] | None = None):
    """Register a block kind."""

    def register(func: Callable[[RenderContext, Any], Output]) -> Callable[[RenderContext, Any], Output]:
        KINDS[name] = BlockKind(name, params, func, templates or {}, (func.__doc__ or "").strip(), HELP.get(name, ""))
        return func

    return register


def validate_block(spec: dict[str, Any], where: str) -> tuple[BlockKind, Params]:
    """Check a block spec from a style file: known kind, valid parameters, templates with known variables."""
    from drafter.phrases import StyleError

    spec = dict(spec)
    name = spec.pop("kind", None)
    if name not in KINDS:
        raise StyleError(f"{where}：未知的块类型 {name!r}。可用：{'、'.join(sorted(KINDS))}")
    block_kind = KINDS[name]
    try:
        params = block_kind.params.model_validate(spec)
    except Exception as exc:  # pydantic ValidationError
        raise StyleError(f"{where}（{name}）：参数无效：{exc}") from None
    for field, allowed in block_kind.templates.items():
        value = getattr(params, field)
        for template in value if isinstance(value, list) else [value]:
            if template:
                check_template(template, allowed, f"{where}（{name}.{field}）")
    return block_kind, params


PV = PROJECT_VARIABLES
IV = PROJECT_VARIABLES + INDICATOR_VARIABLES


# ---------------------------------------------------------------------------
# Plain text


class TextParams(Params):
    template: str | list[str]
    role: Literal["body", "title", "cover_title", "subtitle", "subheading", "center", "right", "cover", "plain"] = "body"
    bold: bool = False


@kind("text", TextParams, {"template": PV})
def render_text(ctx: RenderContext, p: TextParams) -> Output:
    """One paragraph per template, filled with project variables."""
    templates = p.template if isinstance(p.template, list) else [p.template]
    return [Paragraph(ctx.fill(t, where="text"), p.role, p.bold) for t in templates]


FIELDS: dict[str, Callable[[Evaluation], list[str]]] = {
    "background": lambda e: e.background,
    "organization": lambda e: e.organization,
    "implementation": lambda e: e.implementation,
    "goals.overall": lambda e: [e.goals.overall],
    "goals.annual": lambda e: [e.goals.annual],
    "funding.management": lambda e: [e.funding.management] if e.funding.management else [],
    "findings.conclusion": lambda e: [e.findings.conclusion] if e.findings.conclusion else [],
    "findings.result_application": lambda e: [e.findings.result_application] if e.findings.result_application else [],
    "findings.other_matters": lambda e: [e.findings.other_matters] if e.findings.other_matters else [],
    "basis": lambda e: e.basis,
    "achievements": lambda e: e.findings.achievements,
}


# Narrative fields whose paragraphs are prose slots a model may rewrite (the rest are quoted as given).
PROSE_FIELDS = {
    "background", "organization", "implementation", "funding.management", "findings.conclusion",
    "findings.result_application", "findings.other_matters",
}  # fmt: skip


class FieldParams(Params):
    field: Literal[tuple(FIELDS)]  # type: ignore[valid-type]
    item: str = "{text}"
    last_item: str | None = None
    only_item: str | None = None  # the phrase of a field with a single paragraph (no lone “（1）”)
    empty: str = "无。"


@kind("paragraphs", FieldParams, {"item": ("text", "n", "cn"), "last_item": ("text", "n", "cn"),
                                  "only_item": ("text", "n", "cn"), "empty": PV})  # fmt: skip
def render_paragraphs(ctx: RenderContext, p: FieldParams) -> Output:
    """The paragraphs of a narrative field (background, implementation…), each through the `item` phrase."""
    from drafter.numbering import chinese_numeral

    texts = FIELDS[p.field](ctx.evaluation)
    if not texts:
        text = ctx.nothing_given(p.field, ctx.fill(p.empty, where=f"paragraphs {p.field}") if p.empty else "")
        return [Paragraph(text)] if text else []
    out: Output = []
    for n, text in enumerate(texts, 1):
        template = p.last_item if p.last_item and n == len(texts) else p.item
        if p.only_item and len(texts) == 1:
            template = p.only_item
        values = {"text": text, "n": n, "cn": chinese_numeral(n)}
        filled = fill(template, values, f"paragraphs {p.field}")
        if p.field in PROSE_FIELDS:
            marked = fill(template, {**values, "text": SLOT_MARK}, f"paragraphs {p.field}")
            out.append(slotted(filled, marked, f"{p.field}:{n}"))
        else:
            out.append(Paragraph(filled))
    return out


# ---------------------------------------------------------------------------
# Score tables


class OverviewParams(Params):
    caption: str | None = None
    headers: list[str] = ["指标", "权重", "分值", "得分率"]
    row_label: str = "{name}"
    columns: list[Literal["weight", "score", "score_rate", "deduction", "grade"]] = ["weight", "score", "score_rate"]
    total_label: str = "合计"


def _column_value(node_ctx: dict[str, Any], column: str) -> str:
    value = node_ctx[column]
    return format_score(value) if column in ("weight", "score", "deduction") else str(value)


@kind("score_overview_table", OverviewParams, {"caption": PV, "row_label": IV})
def render_overview(ctx: RenderContext, p: OverviewParams) -> Output:
    """Overview table: one row per 一级 indicator plus 合计 (weights, scores, 得分率 derived)."""
    rows: list[list[str | None]] = [list(p.headers)]
    for index, top in enumerate(ctx.evaluation.indicators, 1):
        ic = indicator_context(top, index, ctx.prose_names)
        rows.append([ctx.fill(p.row_label, ic, "score_overview_table")] + [_column_value(ic, c) for c in p.columns])
    e = ctx.evaluation
    totals = {"weight": e.full_marks, "score": e.total, "score_rate": format_percent(e.score_rate), "grade": e.grade,
              "deduction": e.full_marks - e.total}  # fmt: skip
    rows.append([p.total_label] + [_column_value(totals, c) for c in p.columns])
    return [Table(rows, caption=ctx.caption(p.caption, where="score_overview_table"))]


def _level_table(node: Indicator, headers: list[str], total_label: str) -> Table:
    """二级/三级 table of one 一级 indicator with a 合计 row; 二级 labels merged down.

    A 二级 without 三级 spans the 二级 and 三级 columns instead of repeating its name.
    """
    rows: list[list[str | None]] = [list(headers)]
    merged_left: list[tuple[int, int]] = []
    for child in node.children:
        if child.is_leaf:
            rows.append([child.label, "", format_score(child.total_weight), format_score(child.total_score)])
            merged_left.append((len(rows) - 1, 1))
            continue
        for i, leaf in enumerate(child.leaves()):
            first = child.label if i == 0 else None
            rows.append([first, leaf.label, format_score(leaf.total_weight), format_score(leaf.total_score)])
    rows.append([total_label, "", format_score(node.total_weight), format_score(node.total_score)])
    merged_left.append((len(rows) - 1, 1))
    return Table(rows, merged_left=merged_left)


class IndicatorSectionsParams(Params):
    title: str = "{prose_name}情况"
    intro: str | list[str] = "{name}指标总分{weight}分，得分{score}分。"
    intro_direct: str | list[str] | None = None
    table_headers: list[str] = ["二级指标", "三级指标", "权重", "得分"]
    total_label: str = "合计"
    leaf_head: str = "{label}，权重{weight}分，得分{score}分。"
    leaf_body_full: str = "{evidence}根据相关评分标准，该指标得{score}分。"
    leaf_body_deducted: str = "{evidence}根据相关评分标准，扣{deduction}分，该指标得{score}分。"
    titles: dict[str, str] = {}


@kind(
    "indicator_sections",
    IndicatorSectionsParams,
    {"title": IV, "intro": IV, "intro_direct": IV, "leaf_head": IV, "leaf_body_full": IV, "leaf_body_deducted": IV},
)
def render_indicator_sections(ctx: RenderContext, p: IndicatorSectionsParams) -> Output:
    """One subsection per 一级 indicator: intro with its subtotal, its score table, one paragraph pair per 三级 indicator.

    ``intro_direct`` (when given) replaces ``intro`` for a 一级 scored directly, which has no 二级 to count or list.
    """
    out: Output = []
    for index, top in enumerate(ctx.evaluation.indicators, 1):
        ic = indicator_context(top, index, ctx.prose_names)
        title = p.titles.get(top.name) or ctx.fill(p.title, ic, "indicator_sections.title")
        section = Section(id=f"indicators.{top.code or index}", title=title, level=0)
        intro = p.intro_direct if p.intro_direct is not None and not top.children else p.intro
        intros = intro if isinstance(intro, list) else [intro]
        section.blocks.extend(Paragraph(ctx.fill(t, ic, "indicator_sections.intro")) for t in intros)
        if top.children:  # a 一级 scored directly has no 二级/三级 table
            section.blocks.append(_level_table(top, p.table_headers, p.total_label))
        for n, leaf in enumerate(top.leaves(), 1):
            lc = indicator_context(leaf, n, ctx.prose_names)
            section.blocks.append(Paragraph(ctx.fill(p.leaf_head, lc, "indicator_sections.leaf_head"), "indicator_head"))
            body = p.leaf_body_deducted if leaf.total_score < leaf.total_weight else p.leaf_body_full
            text = ctx.fill(body, lc, "indicator_sections.leaf_body")
            if leaf.analysis:
                marked = ctx.fill(body, {**lc, "evidence": SLOT_MARK}, "indicator_sections.leaf_body")
                section.blocks.append(slotted(text, marked, f"evidence:{leaf.label}", "indicator_body"))
            else:
                section.blocks.append(Paragraph(text, "indicator_body"))
            section.prose_keys.append(f"evidence:{leaf.label}")
        out.append(section)
    return out


class EvidenceSectionsParams(Params):
    of: str
    title: str = "{name}"
    empty: str = "评价组未取得该方面的分析材料。"


@kind("evidence_sections", EvidenceSectionsParams, {"title": IV})
def render_evidence_sections(ctx: RenderContext, p: EvidenceSectionsParams) -> Output:
    """One subsection per 二级 indicator under the 一级 indicator named `of`, holding its indicators' evidence."""
    top = next((i for i in ctx.evaluation.indicators if p.of in (i.name, i.code, i.label)), None)
    if top is None:
        return []
    if top.is_leaf:  # a 一级 scored directly: its own evidence, no 二级 subsections
        return [Paragraph(top.analysis or p.empty, slot=f"evidence:{top.label}" if top.analysis else None)]
    out: Output = []
    for index, child in enumerate(top.children, 1):
        cc = indicator_context(child, index, ctx.prose_names)
        section = Section(id=f"evidence.{child.code or child.name}", title=ctx.fill(p.title, cc, "evidence_sections"),
                          level=0)  # fmt: skip
        with_evidence = [leaf for leaf in child.leaves() if leaf.analysis]
        section.blocks.extend(Paragraph(leaf.analysis, slot=f"evidence:{leaf.label}") for leaf in with_evidence)
        if not with_evidence:
            section.blocks.append(Paragraph(p.empty))
        section.prose_keys.extend(f"evidence:{leaf.label}" for leaf in child.leaves())
        out.append(section)
    return out


class AppendixParams(Params):
    caption: str | None = None
    headers: list[str] = ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    total_label: str = "合计"
    total_two_places: bool = False  # the 合计's score with two decimals (84.90), as a style's text prints the total


@kind("appendix_table", AppendixParams, {"caption": PV})
def render_appendix(ctx: RenderContext, p: AppendixParams) -> Output:
    """The full 一级/二级/三级 indicator table with 分值, 得分 and a 合计 row (shallower branches span columns)."""
    rows: list[list[str | None]] = [list(p.headers)]
    merged_left: list[tuple[int, int]] = []

    def add(labels: list[str | None], leaf: Indicator) -> None:
        rows.append([*labels, format_score(leaf.total_weight), format_score(leaf.total_score)])
        merged_left.extend((len(rows) - 1, c) for c in range(1, 3) if labels[c] == "")

    for top in ctx.evaluation.indicators:
        if top.is_leaf:
            add([top.label, "", ""], top)
            continue
        first_top = True
        for child in top.children:
            if child.is_leaf:
                add([top.label if first_top else None, child.label, ""], child)
                first_top = False
                continue
            for n, leaf in enumerate(child.leaves()):
                add([top.label if first_top else None, child.label if n == 0 else None, leaf.label], leaf)
                first_top = False
    e = ctx.evaluation
    total = at_least_two_places(e.total) if p.total_two_places else format_score(e.total)
    rows.append([p.total_label, "", "", format_score(e.full_marks), total])
    merged_left.extend([(len(rows) - 1, 1), (len(rows) - 1, 2)])
    return [Table(rows, caption=ctx.caption(p.caption, where="appendix_table"), merged_left=merged_left)]


# ---------------------------------------------------------------------------
# Funding


class DetailParams(Params):
    caption: str | None = "{detail_title}"
    unit_note: str = "单位：{money_unit}"
    total_label: str = "合计"


@kind("funding_detail_table", DetailParams, {"caption": PV + ("detail_title",), "unit_note": PV})
def render_detail(ctx: RenderContext, p: DetailParams) -> Output:
    """The funding detail table (if the data has one) with a derived 合计 row for money columns."""
    detail = ctx.evaluation.funding.detail
    if detail is None:
        return []
    rows: list[list[str | None]] = [[c.name for c in detail.columns]]
    for row in detail.rows:
        rows.append(["" if v is None else format_amount(v) if not isinstance(v, str) else v for v in row])
    total_row: list[str | None] = [p.total_label] + [""] * (len(detail.columns) - 1)
    for i, column in enumerate(detail.columns):
        if column.numeric and i > 0:
            total_row[i] = plain(detail.column_total(i)) if _has_numbers(detail.rows, i) else ""
    rows.append(total_row)
    extra = {"detail_title": detail.title}
    caption = ctx.caption(p.caption, extra, "funding_detail_table")
    return [Table(rows, caption=caption, unit_note=ctx.fill(p.unit_note, where="funding_detail_table"))]


def _has_numbers(rows: list[list[Any]], index: int) -> bool:
    return any(index < len(r) and r[index] is not None and not isinstance(r[index], str) for r in rows)


# ---------------------------------------------------------------------------
# Findings

NO_PROBLEMS = "评价中未发现需要单独说明的问题。"


class ProblemParams(Params):
    mode: Literal["by_aspect", "numbered"] = "by_aspect"
    aspect_title: str = "{aspect}方面"
    item_title: str = "{title}"
    numbered_item: str = "{n}.{title}。{text}"
    intro: str | None = None
    empty: str = NO_PROBLEMS


@kind("problem_sections", ProblemParams, {"intro": PV, "aspect_title": ("aspect",), "item_title": ("title", "n"),
                                           "numbered_item": ("title", "text", "n", "aspect"), "empty": PV})  # fmt: skip
def render_problems(ctx: RenderContext, p: ProblemParams) -> Output:
    """Problems grouped by 方面 (one subsection each) or as numbered paragraphs; with none, `empty` alone (no intro
    announcing problems that do not follow)."""
    problems = ctx.evaluation.findings.problems
    if not problems:
        text = ctx.nothing_given("findings.problems", ctx.fill(p.empty, where="problem_sections.empty"))
        return [Paragraph(text)] if text else []
    out: Output = []
    if p.intro:
        out.append(Paragraph(ctx.fill(p.intro, where="problem_sections.intro")))
    if p.mode == "numbered":
        for n, pr in enumerate(problems, 1):
            values = {"n": n, "title": pr.title, "text": pr.text, "aspect": pr.aspect}
            marked = fill(p.numbered_item, {**values, "text": SLOT_MARK})
            out.append(slotted(fill(p.numbered_item, values), marked, f"problem:{pr.id}"))
        return out
    aspects: dict[str, list[Any]] = {}
    for pr in problems:
        aspects.setdefault(pr.aspect, []).append(pr)
    for aspect, items in aspects.items():
        section = Section(id=f"problems.{aspect}", title=fill(p.aspect_title, {"aspect": aspect}), level=0)
        for n, pr in enumerate(items, 1):
            head = fill(p.item_title, {"title": pr.title, "n": n})
            section.blocks.append(Paragraph(f"{n}.{head}" if len(items) > 1 else head, "item_title", bold=True))
            section.blocks.append(Paragraph(pr.text, slot=f"problem:{pr.id}"))
            section.prose_keys.append(f"problem:{pr.id}")
        out.append(section)
    return out


class ItemsParams(Params):
    source: Literal["suggestions", "practices"]
    mode: Literal["sections", "numbered"] = "sections"
    numbered_item: str = "{n}.{title}。{text}"
    intro: str | None = None
    empty: str = "无。"


@kind("item_sections", ItemsParams, {"intro": PV, "numbered_item": ("title", "text", "n"), "empty": PV})
def render_items(ctx: RenderContext, p: ItemsParams) -> Output:
    """Suggestions or 经验做法: one subsection per item, or numbered paragraphs; with none, `empty` alone (no intro
    announcing items that do not follow)."""
    items = getattr(ctx.evaluation.findings, p.source)
    if not items:
        text = ctx.nothing_given(f"findings.{p.source}", ctx.fill(p.empty, where="item_sections.empty"))
        return [Paragraph(text)] if text else []
    out: Output = []
    if p.intro:
        out.append(Paragraph(ctx.fill(p.intro, where="item_sections.intro")))
    for n, item in enumerate(items, 1):
        if p.mode == "numbered":
            values = {"n": n, "title": item.title, "text": item.text}
            marked = fill(p.numbered_item, {**values, "text": SLOT_MARK})
            out.append(slotted(fill(p.numbered_item, values), marked, f"{p.source}:{n}"))
            continue
        section = Section(id=f"{p.source}.{n}", title=item.title, level=0,
                          blocks=[Paragraph(item.text, slot=f"{p.source}:{n}")])  # fmt: skip
        section.prose_keys.append(f"{p.source}:{n}")
        out.append(section)
    return out


# ---------------------------------------------------------------------------
# Front matter


class FeedbackParams(Params):
    title: str = "{region}财政支出绩效评价结果反馈书"
    project_line: str = "评价项目：{project_name}"
    number_line: str = "编号：{feedback_no}"
    score_text: str = "{total}分"
    see_also: str = "（详见此项目绩效评价报告）"
    attachment: str | None = None
    # no achievements, practices or conclusion in the data: what the scores say, never an achievement invented
    no_achievements: str = "{level1_scores}。"
    no_problems: str = NO_PROBLEMS
    no_suggestions: str = "无。"


@kind("feedback_form", FeedbackParams, {k: PV for k in ("title", "project_line", "number_line", "score_text",
                                                          "see_also", "attachment", "no_achievements", "no_problems",
                                                          "no_suggestions")})  # fmt: skip
def render_feedback(ctx: RenderContext, p: FeedbackParams) -> Output:
    """结果反馈书: header lines and the form table, consistent with the report body. A line whose every variable
    is empty (编号 with no feedback_no) is left out; a row the data gives nothing for gets its `no_…` phrase
    (主要绩效情况: the achievements, else the 经验做法 titles, else the conclusion's words, else the subtotals)."""
    f = ctx.evaluation.findings

    def lines(items: list[str], field_name: str, empty: str, row: str) -> str:
        if not items:
            return ctx.nothing_given(field_name, ctx.fill(empty, where="feedback_form"), f"的“{row}”栏")
        return "\n".join(f"{n}.{t.rstrip('。')}。" for n, t in enumerate(items, 1))

    out: Output = []
    if p.attachment:
        out.append(Paragraph(ctx.fill(p.attachment, where="feedback_form"), "plain"))
    out.append(Paragraph(ctx.fill(p.title, where="feedback_form"), "title"))
    for line in (p.project_line, p.number_line):
        if not all_empty(line, ctx.variables):
            out.append(Paragraph(ctx.fill(line, where="feedback_form"), "plain"))
    v = ctx.variables
    achievements = lines(f.achievements or [pr.title for pr in f.practices], "findings.achievements", p.no_achievements,
                         "主要绩效情况") if f.achievements or f.practices or not f.conclusion else f.conclusion
    suggestions = lines([s.title for s in f.suggestions], "findings.suggestions", p.no_suggestions, "建议")
    see_also = ctx.fill(p.see_also, where="feedback_form")
    rows: list[list[str | None]] = [
        ["评价组织机构", v["organizer"], "项目主管部门", v["department"]],
        ["评价机构", v["evaluator"], "评价时间", v["period"]],
        ["评价分值", ctx.fill(p.score_text, where="feedback_form"), "评价结论", v["grade"]],
        ["主要绩效情况", achievements, "", ""],
        ["主要问题", lines([pr.title for pr in f.problems], "findings.problems", p.no_problems, "主要问题"), "", ""],
        ["建议", "\n".join([suggestions, see_also] if f.suggestions and see_also else [suggestions]), "", ""],
    ]
    out.append(Table(rows, header_rows=0, merged_left=[(r, c) for r in (3, 4, 5) for c in (2, 3)]))
    return out


class RectificationParams(Params):
    title: str = "{region}财政支出绩效评价结果整改报告书"
    attachment: str | None = None


@kind("rectification_form", RectificationParams, {"title": PV, "attachment": PV})
def render_rectification(ctx: RenderContext, p: RectificationParams) -> Output:
    """A blank 整改报告书 form for the evaluated unit to fill in."""
    out: Output = []
    if p.attachment:
        out.append(Paragraph(ctx.fill(p.attachment, where="rectification_form"), "plain"))
    out.append(Paragraph(ctx.fill(p.title, where="rectification_form"), "title"))
    rows: list[list[str | None]] = [
        ["被评价项目（单位）", "", "结果反馈书编号", ""],
        ["联系人", "", "联系电话（手机）", ""],
        ["整改情况", "", "", ""],
        ["被评价单位负责人（签字）\n\n被评价单位（盖章）\n\n年   月   日", "", "主管部门意见\n\n（盖章）\n\n年   月   日", ""],
    ]
    out.append(Table(rows, header_rows=0, merged_left=[(2, 2), (2, 3), (3, 1), (3, 3)], min_heights={2: 8.0}, to_fill_in=True))
    return out


class Level1ListParams(Params):
    template: str = "其中：{items}。"
    item: str = "{prose_name}得分{score}分"
    separator: str = "、"


@kind("level1_list", Level1ListParams, {"template": PV + ("items",), "item": IV})
def render_level1_list(ctx: RenderContext, p: Level1ListParams) -> Output:
    """One sentence listing every 一级 indicator's derived subtotal (其中：项目决策得分…)."""
    items = p.separator.join(
        ctx.fill(p.item, indicator_context(top, i, ctx.prose_names), "level1_list.item")
        for i, top in enumerate(ctx.evaluation.indicators, 1)
    )
    return [Paragraph(ctx.fill(p.template, {"items": items}, "level1_list"))]
