"""evalreport command line: draft, check, regen, extract and helpers. Run as `evalreport …` or `python cli.py …`."""

from __future__ import annotations

import codecs
import contextlib
import functools
import json
import os
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

import cli_chinese

cli_chinese.install()
app = typer.Typer(
    help="绩效评价报告工具：起草（draft）、核查（check）、重写章节（regen）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _print_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("evalreport")
        except PackageNotFoundError:  # (run from a checkout that was not installed)
            number = "未安装"
        out.print(f"evalreport {number}")
        raise typer.Exit()


@app.callback()
def _common(
    show_version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                               help="显示版本号后退出")] = False,  # fmt: skip
) -> None:
    # (options of every command; the app's help above is its text)
    return None


class Failed(typer.Exit):
    """An exit after a Chinese error message (kept for a JSON caller)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(code)
        self.message = message


def fail(message: str, code: int = 2) -> None:
    """Print a Chinese error and exit."""
    err.print(f"[red]错误：[/red]{message}", markup=True)
    raise Failed(message, code)


def command(function: Callable[..., Any]) -> Callable[..., Any]:
    """Register a command whose output that cannot be written (a read-only folder, a file open in Word), or a path it
    has no permission for, ends in a Chinese error and exit code 2, not a traceback."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        from drafter.atomic import OutputError

        try:
            return function(*args, **kwargs)
        except OutputError as exc:
            fail(str(exc))
        except PermissionError as exc:  # a folder the user may not open, on the way to an input or an output
            fail(f"没有权限访问“{exc.filename or ''}”（或它所在的文件夹）：当前用户不能打开、读取或写入它。请检查该文件和所在"
                 "文件夹的权限，或换一个有权限的位置。本次操作未完成，输入文件未改动")  # fmt: skip

    return app.command()(run)


REPORT, SCORE_SHEET, MODEL_CONFIG = "报告（.docx、.md 或 .txt）", "评分表（Excel .xlsx）", "模型配置（.yaml）"


def readable(path: Path | None, what: str) -> None:
    """Refuse at once an input that cannot be read: a symbolic link loop, a device or pipe, no permission (the
    inputs' Path options leave this to us, readable=False, so that it is said in Chinese)."""
    from project_file import input_problem

    problem = input_problem(path, what) if path is not None else None
    if problem is not None:
        fail(f"无法读取 {path}：{problem}")


def generated_output(output: Path, suffixes: tuple[str, ...]) -> None:
    """A generated document (schema, rules, styles reference) goes only to a file of its own kind, so a slip of the
    option never replaces a project file or a report."""
    if output.suffix.lower() not in suffixes:
        fail(f"输出文件应以 {' 或 '.join(suffixes)} 结尾（现为“{output.name}”），以免覆盖项目文件或报告")


def load_evaluation(project: Path, scores: Path | None = None, unfinished_is_a_hint: bool = True):
    """Load a project file (and optionally an Excel score sheet replacing its indicator tree).

    Fields still “（待补充）” are printed as hints (draft refuses them instead: pass ``unfinished_is_a_hint=False``).
    """
    from project_file import ProjectFileError, load_project

    readable(scores, SCORE_SHEET)
    try:
        if scores is not None:
            from score_sheet import ScoreSheetError, load_with_scores

            try:
                evaluation = load_with_scores(project, scores)
            except ScoreSheetError as exc:
                fail(str(exc))
        else:
            evaluation = load_project(project)
    except ProjectFileError as exc:
        fail(str(exc))
    for warning in evaluation.warnings():
        err.print(f"[yellow]提示：[/yellow]{warning}")
    if unfinished_is_a_hint:
        for field, reason in evaluation.unfinished():
            err.print(f"提示：项目文件 {project} 的字段 {field} {reason}", markup=False)
    return evaluation


SECTION_PROGRESS = re.compile(r"^\[\d+(?:/\d+)?\] ")  # “[3/9] 四（二）…：通过”, “[3] 已起草 …”
INFORMATION = re.compile(r"^(?:使用 \S+ 后端|提示：未设置 OPENAI_API_KEY)")  # which backend drafts: no news


def _quiet_progress(line: str) -> None:
    """-q: the per-section lines and which backend drafts left out; warnings, hints on the data, costs, dry-run
    totals and the result still shown."""
    if not SECTION_PROGRESS.match(line) and not INFORMATION.match(line):
        err.print(line, markup=False)


@command
def draft(
    project: Annotated[Path, typer.Argument(metavar="项目文件", help="项目数据文件（YAML 或 JSON）", readable=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件（.docx 或 .md）", readable=False)],
    fmt: Annotated[str | None, typer.Option("--format", help="docx 或 md；缺省按输出文件后缀")] = None,
    style: Annotated[str | None, typer.Option("--style", help="报告样式；缺省用项目文件中的 style，再缺省 mof")] = None,
    backend: Annotated[str | None, typer.Option("--backend", help="offline 或 openai；缺省有 OPENAI_API_KEY 时用 openai")] = None,
    model: Annotated[str | None, typer.Option("--model", help="模型名；缺省读 EVALREPORT_MODEL")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="LLM 配置文件（温度、超时、重试、并发、价格）", readable=False)] = None,
    scores: Annotated[Path | None, typer.Option("--scores", help="Excel 评分表，代替项目文件中的指标体系", readable=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只估算各章节提示词 token 与费用，不调用模型")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不打印逐章节进度与所用后端（警告、提示、费用与结果仍打印）")] = False,
    force: Annotated[bool, typer.Option("--force", help="草稿有核查错误或未填项（待补充）时仍写出（并列出）")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="输出文件已存在时覆盖（缺省拒绝，以免覆盖已修改的报告）")] = False,
) -> None:
    """起草一份完整的绩效评价报告；写出前用核查器核对，有错误时不写出。"""
    from drafter.atomic import OutputError, guard_output
    from drafter.phrases import StyleError
    from drafter.pipeline import CheckerRejected, DraftOptions, draft_report

    kind = (fmt or output.suffix.lstrip(".") or "docx").lower()
    if kind not in ("docx", "md"):
        fail(f"不能写出“{kind}”格式：起草只写 Word（.docx）或 Markdown（.md），请把输出文件名改为 "
             f"{output.with_suffix('.docx').name} 或 {output.with_suffix('.md').name}（需要 PDF 时，在 Word 中打开后“另存为” PDF）")
    suffix = output.suffix.lower().lstrip(".")
    if suffix in ("docx", "md") and suffix != kind:
        fail(f"输出格式 {kind} 与文件后缀 .{suffix} 不一致，请改用 -o {output.with_suffix('.' + kind).name}")
    from project_file import PROJECT_DATA

    for path, what in ((project, PROJECT_DATA), (scores, SCORE_SHEET), (config, MODEL_CONFIG)):
        readable(path, what)
    try:
        guard_output(output, [project] + ([scores] if scores else []) + ([config] if config else []),
                     overwrite=overwrite or dry_run)  # fmt: skip
    except OutputError as exc:
        fail(str(exc))
    evaluation = load_evaluation(project, scores, unfinished_is_a_hint=False)
    if style:
        evaluation.style = style
    from drafter.pipeline import unfinished_in_report
    from project_file import ProjectFileError, require_finished

    try:
        require_finished(evaluation, project, unfinished_in_report(evaluation))
    except ProjectFileError as exc:
        from evaluation_model import PLACEHOLDER

        if force:  # written all the same, the problems listed
            err.print(f"警告：{exc}\n（已按 --force 照常起草）", markup=False)
        else:
            extracted = any(PLACEHOLDER in text for _, text in evaluation.text_fields())  # left by extract
            why = "这些多是 extract 从旧报告中没读到的内容；" if extracted else ""
            fail(f"{exc}\n（{why}确需先看草稿时加 --force）")
    options = DraftOptions(backend=backend, model=model, config=config, dry_run=dry_run, output=output,
                           project_path=project, fmt=kind, force=force, overwrite=overwrite)  # fmt: skip
    from drafter.llm import LLMError

    try:
        draft_report(evaluation, options, progress=_quiet_progress if quiet else lambda line: err.print(line, markup=False))
    except CheckerRejected as exc:
        fail(str(exc), code=1)
    except LLMError as exc:
        fail(f"大模型起草失败：{exc}")
    except StyleError as exc:
        from project_file import field_line

        line = field_line(project, "style") if not style and str(evaluation.style) in str(exc) else None
        fail(f"{project}:{line}：字段 style：{exc}" if line else str(exc))


@command
def styles(
    reference: Annotated[bool, typer.Option("--reference", help="输出编写样式的参考（内容块、参数、变量）")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="与 --reference 同用：写入文件", readable=False)] = None,
) -> None:
    """列出可用的报告样式及其章节；--reference 输出编写新样式的参考。"""
    from drafter.style import available_styles, load_style, style_reference

    if output and not reference:
        fail("-o 只与 --reference 同用（写出编写样式的参考）；列出样式时直接打印")
    if reference:
        from drafter.atomic import atomic_write_text

        text = style_reference()
        if output:
            generated_output(output, (".md",))
            atomic_write_text(output, text)
        else:
            sys.stdout.write(text)
        return

    for name in available_styles():
        style = load_style(name)
        out.print(f"[bold]{name}[/bold]  {style.spec.description}")
        from drafter.numbering import format_number

        index = 0
        for section in style.spec.sections:  # in report order: unnumbered parts (反馈书, 附件…) where they stand
            if section.numbered and section.title:
                index += 1
                out.print(f"    {format_number(1, index, style.spec.numbering)}{section.title}", markup=False)
            elif not section.numbered:
                out.print(f"    （不编号）{section.label or section.title or section.id}", markup=False)


@command
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="写入文件；缺省打印", readable=False)] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="输出中文字段说明（Markdown）而非 JSON Schema")] = False,
) -> None:
    """打印项目数据文件的 JSON Schema（供编辑器补全与校验），或 --markdown 的字段说明。"""
    from drafter.atomic import atomic_write_text
    from evaluation_model import json_schema, schema_markdown

    text = schema_markdown().rstrip() if markdown else json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if output:
        generated_output(output, (".md",) if markdown else (".json",))
        atomic_write_text(output, text + "\n")
    else:
        sys.stdout.write(text + "\n")


@command
def check(
    files: Annotated[list[Path], typer.Argument(metavar="报告", help="要核查的报告（.docx、.md、.txt，可多个）", readable=False)],
    data: Annotated[Path | None, typer.Option("--data", help="项目数据文件：核对报告数字与数据", readable=False)] = None,
    scores: Annotated[Path | None, typer.Option("--scores", help="Excel 评分表，代替项目文件中的指标体系", readable=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help="text 或 json")] = "text",
    execution_base: Annotated[str | None, typer.Option("--execution-base", help="预算执行率分母：到位 或 预算")] = None,
    annotate: Annotated[Path | None, typer.Option("--annotate", help="写出一份把发现标为 Word 批注的副本", readable=False)] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="基线文件：已接受的发现不再报告", readable=False)] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="把本次全部发现写入基线文件")] = False,
    select: Annotated[str | None, typer.Option("--select", help="只运行这些规则（编号或名称，逗号分隔，如 SC102,TT201 或 closing-score）")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="批注副本已存在时覆盖（缺省拒绝，以免丢掉在副本上的修改）")] = False,
    force: Annotated[bool, typer.Option("--force", help="文件看来不是绩效评价报告（如只是从报告中摘出的一段），或项目数据看来不是这份报告的（报告中既没有项目名称，也没有数据的总分、预算、到位或支出金额）时，仍照常核查（缺省拒绝）")] = False,
) -> None:
    """核查报告中的每一个数字；有错误时退出码为 1，输入无法使用时为 2。"""
    try:
        _check(files, data, scores, fmt, execution_base, annotate, baseline, update_baseline, select, overwrite, force)
    except Failed as exc:
        if fmt == "json":  # a caller reading JSON gets JSON, the reason included
            from checkers.run import json_refusal

            out.print_json(json_refusal(len(files), exc.message))
        raise


def _check(files: list[Path], data: Path | None, scores: Path | None, fmt: str, execution_base: str | None,
           annotate: Path | None, baseline: Path | None, update_baseline: bool, select: str | None,
           overwrite: bool, force: bool) -> None:  # fmt: skip
    from checkers.run import CheckOptions, run_check

    if fmt not in ("text", "json"):
        fail(f"不支持的输出格式 {fmt!r}，请用 --format text 或 --format json")
    if execution_base not in (None, "到位", "预算"):
        fail("--execution-base 只能是“到位”或“预算”")
    if update_baseline and baseline is None:
        fail("--update-baseline 需要同时用 --baseline 指定基线文件")
    if baseline is not None:
        if baseline.suffix.lower() != ".json":
            fail(f"基线文件应以 .json 结尾（现为“{baseline.name}”），例如 --baseline 报告.基线.json")
        if any(_same_file(path, baseline) for path in files):
            fail(f"基线文件“{baseline}”就是要核查的报告，请另指定一个 .json 文件")
        if not update_baseline:  # (one to be written is an output)
            readable(baseline, "基线（.json）")
    if update_baseline and select:
        fail("--update-baseline 不能与 --select 同用：基线应记录全部规则的发现")
    if scores and data is None:
        fail("--scores 需要同时用 --data 指定项目文件（评分表只代替其中的指标体系）")
    if annotate is not None and len(files) == 1 and annotate.suffix.lower() != ".docx":
        fail(f"批注副本只能写成 Word（.docx）文件，而不是“{annotate.name}”。请用 --annotate 指定 .docx 文件名")
    selected = None
    if select:
        from checkers.rules import all_rules

        by_name = {rule.name: rule.id for rule in all_rules()}  # (a rule by its id or by its name: SC102, closing-score)
        asked = [part.strip() for part in select.replace("，", ",").split(",") if part.strip()]
        selected = {by_name.get(part.lower(), part.upper()) for part in asked}
        unknown = selected - {rule.id for rule in all_rules()}
        if unknown:
            fail(f"未知的规则编号：{'、'.join(sorted(unknown))}。可用 evalreport rules 查看全部规则的编号与名称")
        needs = sorted(rule.id for rule in all_rules() if rule.id in selected and rule.needs_data)
        if needs and data is None:
            fail(f"规则 {'、'.join(needs)} 要与项目数据比对，需要同时用 --data 指定项目文件")
    evaluation = load_evaluation(data, scores) if data else None
    options = CheckOptions(fmt=fmt, execution_base=execution_base, annotate=annotate, baseline=baseline,
                           update_baseline=update_baseline, select=selected, overwrite=overwrite, force=force,
                           scores=scores)  # fmt: skip
    code = run_check(files, evaluation, options, out, err)
    raise typer.Exit(code)


@command
def rules(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="写入文件（如 docs/rules.md）；缺省打印", readable=False)] = None,
) -> None:
    """列出全部核查规则（生成 docs/rules.md）。"""
    from checkers.rules_doc import render_rules_doc
    from drafter.atomic import atomic_write_text

    text = render_rules_doc()
    if output:
        generated_output(output, (".md",))
        atomic_write_text(output, text)
    else:
        sys.stdout.write(text)


@command
def regen(
    report: Annotated[Path, typer.Argument(metavar="报告", help="编辑过的报告（.docx）", readable=False)],
    data: Annotated[Path | None, typer.Option("--data", help="项目数据文件（YAML 或 JSON）；重写时必填", readable=False)] = None,
    section: Annotated[str | None, typer.Option("--section", help="章节编号（四、四（二））或标题；重写时必填")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="输出文件（.docx）；重写时必填", readable=False)] = None,
    list_only: Annotated[bool, typer.Option("--list", help="只列出报告中的章节（同时给 --data 时，前置部分另列 --section 可用的名称）")] = False,
    scores: Annotated[Path | None, typer.Option("--scores", help="Excel 评分表，代替项目文件中的指标体系", readable=False)] = None,
    style: Annotated[str | None, typer.Option("--style", help="报告样式；缺省用项目文件中的 style")] = None,
    backend: Annotated[str | None, typer.Option("--backend", help="offline 或 openai")] = None,
    model: Annotated[str | None, typer.Option("--model", help="模型名")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="LLM 配置文件", readable=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只估算 token 与费用")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="输出文件已存在时覆盖")] = False,
    force: Annotated[bool, typer.Option("--force", help="报告开头没有写数据中的项目名称、报告年度与数据不同、章节范围里有别的章节的指标、或报告像另一种样式时仍重写（缺省拒绝）")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不打印进度")] = False,
) -> None:
    """只重写报告中的一个章节，其余段落、表格、格式和手工修改原样保留。"""
    from drafter.llm import LLMError
    from drafter.phrases import StyleError
    from drafter.pipeline import DraftOptions
    from drafter.regen import RegenError, regenerate, section_listing

    if list_only:
        try:
            listing = section_listing(report, load_evaluation(data, scores) if data else None)
        except RegenError as exc:
            fail(str(exc))
        out.print(textwrap.dedent(listing), markup=False)
        return
    if data is None or section is None or output is None:
        fail("重写章节需要 --data 项目文件、--section 章节和 -o 输出文件（或用 --list 查看章节）")
    from project_file import PROJECT_DATA

    for path, what in ((report, "报告（Word .docx）"), (data, PROJECT_DATA), (scores, SCORE_SHEET), (config, MODEL_CONFIG)):
        readable(path, what)
    evaluation = load_evaluation(data, scores)
    if style:
        evaluation.style = style
    options = DraftOptions(backend=backend, model=model, config=config, dry_run=dry_run, output=output,
                           project_path=data, overwrite=overwrite, force=force)  # fmt: skip
    progress = None if quiet else lambda line: err.print(line, markup=False)
    try:
        findings = regenerate(report, evaluation, section, output, options, progress=progress)
    except RegenError as exc:
        fail(str(exc))
    except LLMError as exc:
        fail(f"大模型起草失败：{exc}")
    except StyleError as exc:
        fail(str(exc))
    if dry_run:
        return
    errors = [f for f in findings if f.severity == "error"]
    if quiet:  # the progress lists them, grouped, otherwise
        from drafter.regen import finding_line

        for finding in findings:
            err.print(finding_line(finding), markup=False)
    raise typer.Exit(1 if errors else 0)


@command
def template(
    output: Annotated[Path, typer.Argument(metavar="评分表", help="要写出的评分表（.xlsx）", readable=False)],
    data: Annotated[Path | None, typer.Option("--data", help="从该项目文件导出已有的指标、分值和得分（缺省写空白表）", readable=False)] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", "--force", help="文件已存在时覆盖（与 draft、regen 相同；--force 为旧写法）")] = False,
) -> None:
    """写出 Excel 评分表（一级指标/二级指标/三级指标/分值/得分/扣分原因/评分依据）：空白，或由 --data 项目文件填好。"""
    from drafter.atomic import OutputError, guard_output
    from score_sheet import ScoreSheetError, write_score_sheet, write_template

    if output.suffix.lower() != ".xlsx":
        fail(f"评分表只能写成 Excel（.xlsx）文件，而不是“{output.name}”。请改用 {output.with_suffix('.xlsx').name}")
    try:
        guard_output(output, [data] if data else [])
    except OutputError as exc:
        fail(str(exc))
    try:
        if data is None:
            write_template(output, overwrite)
        else:
            write_score_sheet(load_evaluation(data, None), output, overwrite)
    except ScoreSheetError as exc:
        fail(str(exc))
    what = f"由 {data} 导出的评分表" if data else "评分表模板"
    err.print(f"已写出{what} {output}；填好（或改好）后用 draft/check/regen 的 --scores 选项使用", markup=False)


@command
def extract(
    report: Annotated[Path, typer.Argument(metavar="报告", help="已有的报告（.docx、.txt 或 .md）", readable=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="要写出的项目数据文件（.yaml）", readable=False)],
    index: Annotated[int | None, typer.Option("--report", help="文件中有多篇报告时取第几篇（从 1 起）")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", "--force", help="输出文件已存在时覆盖（与 draft、regen 相同；--force 为旧写法）")] = False,
) -> None:
    """从已有报告读出指标体系、得分、总分、等级和资金数字，写成项目数据文件。"""
    if output.suffix.lower() not in (".yaml", ".yml"):
        fail(f"项目数据文件应写成 YAML（.yaml），而不是“{output.name}”。请改用 {output.with_suffix('.yaml').name}")
    from checkers.extract import ExtractError, extract_project, write_project_yaml
    from drafter.atomic import OutputError
    from project_file import ProjectFileError, validate

    readable(report, REPORT)
    invalid = 0
    try:
        data, notes = extract_project(report, index)
        try:
            validate(data, {}, str(output))
        except ProjectFileError as exc:  # still written, so the user can fix what is listed
            invalid = len(exc.problems)
            notes.extend(f"数据未通过校验：{problem.path}：{problem.message}" for problem in exc.problems)
        write_project_yaml(data, output, notes, source=report, force=overwrite)
    except (ExtractError, OutputError) as exc:
        fail(str(exc))
    for note in notes:
        err.print(f"[yellow]注意：[/yellow]{note}")
    err.print(f"已写出 {output}（{len(notes)} 处需要补充或核对，见文件开头的注释）")
    if invalid:  # written for the user to finish, but not yet a usable project file
        err.print(f"[red]该文件还有 {invalid} 处未通过校验[/red]，修改后才能用于 draft/check（退出码 1）")
        raise typer.Exit(1)


def _same_file(first: Path, second: Path) -> bool:
    """Both paths name one existing file (False when either is missing or cannot be looked at)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


STAND_INS = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00a0": " ", "\u2009": " ",
             "\u202f": " ", "\u200b": ""}  # fmt: skip


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a character the output's encoding lacks (GBK has no “−”) written as a look-alike it
    has (“-”), else as “?”, instead of failing."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        for candidate in (STAND_INS.get(char), unicodedata.normalize("NFKC", char), "?"):
            try:
                if candidate is not None and candidate != char:
                    candidate.encode(error.encoding)
                    out.append(candidate)
                    break
            except (UnicodeEncodeError, LookupError):
                continue
    return "".join(out), error.end


codecs.register_error("evalreport.stand_in", _stand_in)


def tolerant_output() -> None:
    """Standard output and error that cannot fail on a character their encoding lacks (a Chinese Windows console or a
    redirect in GBK): it is written as a look-alike or “?” (see _stand_in)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="evalreport.stand_in")


def main() -> None:
    """Console-script entry point: an unexpected failure ends in a Chinese message and exit code 2 (the inputs are
    never touched; EVALREPORT_DEBUG=1 shows the traceback)."""
    tolerant_output()
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the last line of defence for a user who is no programmer
        if os.environ.get("EVALREPORT_DEBUG"):
            raise
        err.print(f"[red]错误：[/red]evalreport 内部错误（{type(exc).__name__}），本次操作未完成；输入文件未改动，也没有写出半个文件。"
                  "请把所用命令和输入文件发给维护人员（设置环境变量 EVALREPORT_DEBUG=1 可显示详细信息）")  # fmt: skip
        sys.exit(2)


if __name__ == "__main__":
    main()
