"""evalreport command line: draft, check, regen, extract and helpers. Run as `evalreport …` or `python cli.py …`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    help="绩效评价报告工具：起草（draft）、核查（check）、重写章节（regen）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> None:
    """Print a Chinese error and exit."""
    err.print(f"[red]错误：[/red]{message}", markup=True)
    raise typer.Exit(code)


def load_evaluation(project: Path, scores: Path | None = None):
    """Load a project file (and optionally an Excel score sheet replacing its indicator tree)."""
    from project_file import ProjectFileError, load_project

    try:
        if scores is not None:
            from drafter.score_sheet import ScoreSheetError, load_with_scores

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
    return evaluation


@app.command()
def draft(
    project: Annotated[Path, typer.Argument(help="项目数据文件（YAML 或 JSON）")],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件（.docx 或 .md）")],
    fmt: Annotated[str | None, typer.Option("--format", help="docx 或 md；缺省按输出文件后缀")] = None,
    style: Annotated[str | None, typer.Option("--style", help="报告样式；缺省用项目文件中的 style，再缺省 mof")] = None,
    backend: Annotated[str | None, typer.Option("--backend", help="offline 或 openai；缺省有 OPENAI_API_KEY 时用 openai")] = None,
    model: Annotated[str | None, typer.Option("--model", help="模型名；缺省读 EVALREPORT_MODEL")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="LLM 配置文件（温度、超时、重试、并发、价格）")] = None,
    scores: Annotated[Path | None, typer.Option("--scores", help="Excel 评分表，代替项目文件中的指标体系")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只估算各章节提示词 token 与费用，不调用模型")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="不打印逐章节进度")] = False,
) -> None:
    """起草一份完整的绩效评价报告。"""
    from drafter.atomic import OutputError, guard_output
    from drafter.phrases import StyleError
    from drafter.pipeline import DraftOptions, draft_report

    kind = (fmt or output.suffix.lstrip(".") or "docx").lower()
    if kind not in ("docx", "md"):
        fail(f"不支持的输出格式 {kind!r}，请用 --format docx 或 --format md")
    try:
        guard_output(output, [project] + ([scores] if scores else []) + ([config] if config else []))
    except OutputError as exc:
        fail(str(exc))
    evaluation = load_evaluation(project, scores)
    if style:
        evaluation.style = style
    options = DraftOptions(backend=backend, model=model, config=config, dry_run=dry_run, output=output,
                           project_path=project, fmt=kind)  # fmt: skip
    try:
        draft_report(evaluation, options, progress=None if quiet else lambda line: err.print(line, markup=False))
    except StyleError as exc:
        fail(str(exc))


@app.command()
def styles() -> None:
    """列出可用的报告样式及其章节。"""
    from drafter.style import available_styles, load_style

    for name in available_styles():
        style = load_style(name)
        out.print(f"[bold]{name}[/bold]  {style.spec.description}")
        numbered = [s for s in style.spec.sections if s.numbered and s.title]
        front = [s.id for s in style.spec.sections if not s.numbered]
        if front:
            out.print("    前置部分：" + "、".join(front))
        from drafter.numbering import format_number

        for index, section in enumerate(numbered, 1):
            out.print(f"    {format_number(1, index, style.spec.numbering)}{section.title}")


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="写入文件；缺省打印")] = None,
) -> None:
    """打印项目数据文件的 JSON Schema（供编辑器补全与校验）。"""
    from drafter.atomic import atomic_write_text
    from evaluation_model import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if output:
        atomic_write_text(output, text + "\n")
    else:
        sys.stdout.write(text + "\n")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
