"""The draft command's flow: choose a backend, render, write atomically."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.docx_writer import write_docx
from drafter.markdown_writer import write_markdown
from drafter.render import render_report
from drafter.report import DraftReport, Section, Table
from evaluation_model import PLACEHOLDER, Evaluation, Project

if TYPE_CHECKING:
    from checkers.document import Document

Progress = Callable[[str], None] | None


@dataclass
class DraftOptions:
    backend: str | None = None
    model: str | None = None
    config: Path | None = None
    dry_run: bool = False
    output: Path | None = None
    project_path: Path | None = None
    fmt: str = "docx"
    force: bool = False
    overwrite: bool = True  # the CLI passes --overwrite (False unless given); library callers may replace files


class CheckerRejected(Exception):
    """The drafted report has figures the checker rejects; nothing was written."""

    def __init__(self, findings: list, sources: list[str] | None = None) -> None:
        self.findings = findings
        sources = sources or [""] * len(findings)
        lines = [f"  {f.rule} {source or '草稿' + f.location.describe()}：{f.message}（原文：{f.excerpt}）"
                 for f, source in zip(findings, sources, strict=True)]  # fmt: skip
        super().__init__(
            f"草稿中有 {len(findings)} 处核查错误，未写出报告。请按下列位置核对项目文件中的相应内容"
            "（证据、背景等文字中的数字，或资金明细等数据）后重试；确需先写出草稿时加 --force。\n" + "\n".join(lines)
        )


def data_source(evaluation: Evaluation, excerpt: str, project_path: Path | None) -> str:
    """“p.yaml:123 字段 indicators[1]…evidence” for the project-file text a drafted sentence came from, else ""."""
    sentence = excerpt.strip().rstrip("。；;")
    if len(sentence) < 6:
        return ""
    found = [path for path, text in evaluation.text_fields() if sentence in text]
    if not found:
        return ""
    if found[0] in evaluation.text_sources:  # read from a score sheet's cell, not the project file
        return evaluation.text_sources[found[0]]
    line = None
    if project_path is not None:
        from project_file import ProjectFileError, field_line

        try:
            line = field_line(project_path, found[0])
        except ProjectFileError:
            line = None
    where = f"{project_path}:{line}" if project_path and line else str(project_path or "项目文件")
    label = _indicator_at(evaluation, found[0])
    return f"{where} 字段 {found[0]}" + (f"（{label}）" if label else "")


def _indicator_at(evaluation: Evaluation, path: str) -> str:
    """The label (“B14运转程序规范性”) of the indicator a field path (``indicators[1].children[0].evidence``) is in."""
    from project_file import indicator_label

    loc = [name or int(index) for name, index in _PATH_PART.findall(path)]
    return indicator_label(evaluation.model_dump(mode="python", include={"indicators"}), loc)


def choose_backend(requested: str | None, progress: Progress) -> str:
    """offline unless asked otherwise or an API key is configured."""
    if requested:
        return requested
    if os.environ.get("OPENAI_API_KEY"):
        return "openai"
    if progress:
        progress("提示：未设置 OPENAI_API_KEY，使用离线渲染器起草（数字与表格相同，文字为固定句式）。")
    return "offline"


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _set_text(data: Any, path: str, text: str) -> None:
    """Set the text at a field path (``indicators[0].children[1].evidence``) of a dumped project."""
    parts = [name or int(index) for name, index in _PATH_PART.findall(path)]
    for part in parts[:-1]:
        data = data[part]
    data[parts[-1]] = text


def unfinished_in_report(evaluation: Evaluation) -> list[tuple[str, str]]:
    """The unfinished fields (“（待补充）”, a zero budget) the report of the evaluation's style would print: each
    placeholder is marked, the report rendered, and the marks found in its text looked up. A field the style never
    prints (a 主管部门 the 丰台 style leaves out) does not stop a draft. An optional field the data left empty where
    the style prints “（待补充）” rather than invent a statement (资金管理情况) is unfinished too."""
    from drafter.phrases import StyleError

    unfinished = evaluation.unfinished()
    try:
        unfilled = render_report(evaluation).unfilled
    except StyleError:  # (an unknown style: the draft says so itself)
        unfilled = []
    unfinished += [(field, f"没有填写，报告{where}要写这一内容，现印作“{PLACEHOLDER}”；请在项目文件中填写")
                   for field, where in unfilled]  # fmt: skip
    texts = dict(evaluation.text_fields())
    placeholders = [field for field, _ in unfinished if PLACEHOLDER in texts.get(field, "")]
    if not placeholders:
        return unfinished
    data = evaluation.model_dump(mode="python", exclude_none=True)
    for number, field in enumerate(placeholders):
        _set_text(data, field, texts[field].replace(PLACEHOLDER, f"〔待补充{number}〕"))
    from checkers.report_document import document_from_report

    document = document_from_report(render_report(Evaluation.model_validate(data)))
    printed = "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for row in t.rows for c in row])
    shown = {field for number, field in enumerate(placeholders) if f"〔待补充{number}〕" in printed}
    return [(field, reason) for field, reason in unfinished if field in shown or field not in placeholders]


def section_label(section: Section) -> str:
    """How progress lines name a part: its heading (“一、基本情况”), else the style's name for it (“结果反馈书”)."""
    return section.heading or section.label or section.title or section.id


def write_report(report: DraftReport, output: Path, fmt: str) -> None:
    if fmt == "md":
        write_markdown(report, output)
    else:
        write_docx(report, output)


def draft_report(evaluation: Evaluation, options: DraftOptions, progress: Progress = None) -> DraftReport:
    """Draft and (unless dry-run) write the report; returns it."""
    backend = choose_backend(options.backend, progress)
    if backend == "offline":
        if options.dry_run and progress:
            progress("离线渲染器不调用模型：0 个 token，费用 0。")
        count = [0]

        def on_section(section: Section) -> None:
            count[0] += 1
            if progress:
                progress(f"[{count[0]}] 已起草 {section_label(section)}")

        report = render_report(evaluation, on_section=on_section)
    else:
        from drafter.llm.flow import draft_with_llm

        report = draft_with_llm(evaluation, options, progress)
        if report is None:  # dry run
            return render_report(evaluation)
    if options.output and not options.dry_run:
        document = verify(report, evaluation, options, progress)
        write_report(report, options.output, options.fmt)
        if progress:
            progress(f"已写出 {options.output}（总分 {printed_total(document, evaluation)} 分，等级 {evaluation.grade}）")
            for note in draft_notes(document, evaluation, report):
                progress(note)
    return report


def printed_total(document: Document, evaluation: Evaluation) -> str:
    """The total as the report prints it: 84.90 in a style that writes totals with two decimals, else 84.9."""
    from evaluation_model import at_least_two_places

    printed = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row)  # fmt: skip
    plain, two = str(evaluation.total), at_least_two_places(evaluation.total)
    count = lambda form: len(re.findall(rf"(?<![\d.]){re.escape(form)}(?![\d])", printed))  # noqa: E731
    return two if two != plain and count(two) > count(plain) else plain


PRINTED_DEFAULTS = ("evaluation_type", "evaluation_mode", "evaluator_kind")


def draft_notes(document: Document, evaluation: Evaluation, report: DraftReport | None = None) -> list[str]:
    """What the user should know of a written draft (``document``: the checker's view of it): values printed that the
    project file never gave (封面“评价类型：事后评价”), deducted indicators printed with nothing but the fixed scoring
    sentence."""
    printed = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row)  # fmt: skip
    project = evaluation.project
    defaults = [(Project.model_fields[name].title, getattr(project, name)) for name in PRINTED_DEFAULTS
                if name not in project.model_fields_set and str(getattr(project, name)) in printed]  # fmt: skip
    notes = []
    if defaults:
        values = "、".join(f"{title}“{value}”" for title, value in defaults)
        notes.append(f"提示：项目文件没有写{values}，报告按缺省值印出；不符时请在 project 中填写 "
                     f"{'、'.join(n for n in PRINTED_DEFAULTS if n not in project.model_fields_set)}")  # fmt: skip
    empty = _empty_fields(document, report)
    if empty:
        notes.append(f"提示：{'、'.join(empty[:6])}{'等' if len(empty) > 6 else ''}没有内容（项目文件没有相应内容，"
                     "如另一地区的数据用了这一样式）；请在项目文件中补上，或改用与数据相符的样式")  # fmt: skip
    omitted = [(title, fields) for title, fields in (report.omitted if report else []) if title]
    if omitted:
        fields = [f for _, names in omitted for f in names]
        notes.append(f"提示：项目文件没有{''.join(f'“{t}”' for t, _ in omitted)}的内容，报告略去了"
                     f"{'这一部分' if len(omitted) == 1 else '这些部分'}"
                     + (f"；需要时请在项目文件中填写 {'、'.join(dict.fromkeys(fields))}" if fields else ""))
    notes += [f"提示：{field} 写作 {value}{unit}（小数 {places} 位，细于 {finest}），报告照此印出；请核对金额单位，"
              f"或按报告需要的位数填写（{unit}通常保留 {usual} 位小数）"
              for field, value, unit, places, finest, usual in over_precise_amounts(evaluation)]  # fmt: skip
    bare = [leaf.label for leaf in evaluation.leaves() if leaf.total_score < leaf.total_weight and not leaf.analysis]
    if bare:
        shown = "、".join(bare[:5]) + (f"等 {len(bare)} 个" if len(bare) > 5 else "")
        notes.append(f"提示：扣分指标 {shown} 没有评分依据或扣分原因，报告中只有“扣N分”的固定句；请补上扣分的理由")
    return notes


# places beyond which an amount in a unit is finer than a report writes it: (places, what that is finer than, usual)
MONEY_PLACES = {"元": (2, "1 分", "2"), "万元": (4, "1 元", "2～4"), "亿元": (8, "1 元", "2～4")}


def over_precise_amounts(evaluation: Evaluation) -> list[tuple[str, str, str, int, str, str]]:
    """The amounts (budget, received, spent, the detail table's money cells) typed with more decimals than a report
    of their unit writes (“527.102296万元”: six places, finer than a yuan): (field, value, unit, places, finer
    than, usual places). A hint, not an error: the figure may be right, but is printed as typed."""
    funding = evaluation.funding
    unit = funding.unit.value
    limit, finest, usual = MONEY_PLACES[unit]
    amounts: list[tuple[str, Any]] = [(f"funding.{name}", getattr(funding, name)) for name in ("budget", "received", "spent")]
    if funding.detail is not None:
        numeric = [i for i, column in enumerate(funding.detail.columns) if column.numeric]
        amounts += [(f"funding.detail.rows[{r}][{c}]", row[c]) for r, row in enumerate(funding.detail.rows)
                    for c in numeric if c < len(row) and isinstance(row[c], Decimal)]  # fmt: skip
    out = []
    for field, value in amounts:
        places = -value.as_tuple().exponent if isinstance(value, Decimal) and value.is_finite() else 0
        if places > limit:
            out.append((field, str(value), unit, places, finest, usual))
    return out


FIELD_LABEL = re.compile(r"^[\u4e00-\u9fff（）]{2,10}$")  # “主要绩效情况”, “编号”: a form's field name
NOTHING_SAID = ("无。", "无")


def _empty_fields(document: Document, report: DraftReport | None) -> list[str]:
    """The fields of the report's form-like tables (label | value, no header row) printed empty, but for a form its
    reader fills in (整改报告书), and the parts whose only text is “无。”: what the style prints that the data did not
    fill."""
    out: list[str] = []
    tables = [block for section in report.walk() for block in section.blocks if isinstance(block, Table)] if report else []
    for table in tables:
        if table.header_rows or table.to_fill_in:
            continue
        for row in table.rows:
            for label, value in zip(row[::2], row[1::2], strict=False):
                if label and FIELD_LABEL.match(label.strip()) and value is not None and not value.strip():
                    out.append(f"表格中的“{label.strip()}”")
    headings = {id(p) for p in document.paragraphs if p.is_heading}
    blocks = document.blocks
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if id(block) in headings and getattr(following, "text", "").strip() in NOTHING_SAID and (
                index + 2 >= len(blocks) or id(blocks[index + 2]) in headings):  # fmt: skip
            out.append(f"“{block.text.strip()}”（只写了“无。”）")
    return out


def verify(report: DraftReport, evaluation: Evaluation, options: DraftOptions, progress: Progress) -> Document:
    """The checker is the judge: a draft with a checker error is not written (unless --force). Returns the checker's
    view of the draft."""
    from checkers.engine import check_document
    from checkers.finding import Severity
    from checkers.report_document import document_from_report

    document = document_from_report(report)
    errors = [f for f in check_document(document, data=evaluation) if f.severity is Severity.ERROR]
    if not errors:
        return document
    if not options.force:
        raise CheckerRejected(errors, [data_source(evaluation, f.excerpt, options.project_path) for f in errors])
    if progress:
        progress(f"警告：按 --force 写出，草稿中仍有 {len(errors)} 处核查错误：")
        for f in errors:
            progress(f"  {f.rule} {f.location.describe()}：{f.message}")
    return document
