"""The offline renderer: evaluation + style → DraftReport, deterministic, every figure from the data."""

from __future__ import annotations

from collections.abc import Callable

from drafter.blocks import RenderContext
from drafter.context import project_context
from drafter.numbering import format_number, path_token
from drafter.report import DraftReport, PageBreak, Paragraph, Section
from drafter.style import SectionSpec, Style, load_style
from evaluation_model import Evaluation


def _render_spec(spec: SectionSpec, style: Style, ctx: RenderContext) -> Section:
    title = ctx.fill(spec.title, where=f"章节 {spec.id}") if spec.title else ""
    section = Section(id=spec.id, title=title, level=1, numbered=spec.numbered, label=spec.label or "")
    if spec.page_break_before:
        section.blocks.append(PageBreak())
    ctx.section_id = spec.id
    for block_kind, params in style.blocks[id(spec)]:
        for item in block_kind.render(ctx, params):
            if isinstance(item, Section):
                section.children.append(item)
            else:
                section.blocks.append(item)
    for child in spec.children:
        rendered = _render_spec(child, style, ctx)
        if _has_content(rendered):
            section.children.append(rendered)
        else:  # nothing in the data for it (no 组织实施情况 given): left out, never a heading alone
            ctx.omitted.append((rendered.title or rendered.label, ctx.empty_fields.pop(child.id, [])))
    if spec.page_break_after:
        section.children.append(Section(id=f"{spec.id}.break", title="", level=0, numbered=False,
                                        blocks=[PageBreak()]))
    return section


def _has_content(section: Section) -> bool:
    """A section prints something besides its heading (a page break alone is not content)."""
    return any(not isinstance(b, PageBreak) for b in section.blocks) or any(_has_content(c) for c in section.children)


def _number(sections: list[Section], level: int, prefix: str, formats: dict[int, str]) -> None:
    """Give numbered sections their printed heading (一、基本情况) and address (四（二）)."""
    index = 0
    for section in sections:
        if section.numbered and section.title:
            index += 1
            section.level = level
            token = path_token(level, index)
            section.number = prefix + token
            section.heading = format_number(level, index, formats) + section.title
            _number(section.children, level + 1, section.number, formats)
        else:
            section.level = 0
            _number(section.children, level, prefix, formats)


def render_report(
    evaluation: Evaluation,
    style: Style | None = None,
    on_section: Callable[[Section], None] | None = None,
) -> DraftReport:
    """Draft the whole report with the deterministic renderer."""
    style = style or load_style(evaluation.style)
    ctx = RenderContext(evaluation, project_context(evaluation, style.spec.prose_names), style.spec.prose_names,
                        style.name)  # fmt: skip
    sections: list[Section] = []
    for spec in style.spec.sections:
        section = _render_spec(spec, style, ctx)
        if not _has_content(section):
            ctx.omitted.append((section.title or section.label, ctx.empty_fields.pop(spec.id, [])))
            continue
        sections.append(section)
        if on_section:
            on_section(section)
    _number(sections, 1, "", style.spec.numbering)
    title = "\n".join(ctx.fill(t, where="title") for t in style.spec.title)
    headings = {s.id: s.heading or s.label or s.title for top in sections for s in top.walk()}
    unfilled = [(field, f"“{headings.get(section_id, section_id)}”{part}") for field, section_id, part in ctx.unfilled]
    return DraftReport(title=title, sections=sections, style=style.name, page_numbers_from=style.spec.page_numbers_from,
                       unfilled=unfilled, omitted=ctx.omitted)  # fmt: skip


def report_paragraph_texts(report: DraftReport) -> list[str]:
    """All paragraph texts in order (headings included): used by tests and the dry-run."""
    out: list[str] = []
    for section in report.walk():
        if section.heading:
            out.append(section.heading)
        out.extend(b.text for b in section.blocks if isinstance(b, Paragraph))
    return out
