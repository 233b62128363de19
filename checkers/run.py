"""The check command: read each file, run the rules, print text or JSON, set the exit code."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from checkers.document import tables_in_lines
from checkers.engine import check_document, plan_check
from checkers.finding import Finding, Severity
from checkers.readers import ReadError, read_document
from evaluation_model import plain
from project_file import input_problem

STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@dataclass
class CheckOptions:
    fmt: str = "text"
    execution_base: str | None = None
    annotate: Path | None = None
    baseline: Path | None = None
    update_baseline: bool = False
    select: set[str] | None = None
    overwrite: bool = False  # an existing annotated copy (a reviewer may have added to it) is replaced only if told
    force: bool = False  # check a file that does not look like a report, or against data that looks like another project's
    scores: Path | None = None  # the Excel score sheet the indicators were read from (said once, under each file)


WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


EXCERPT_SHOWN = 300  # characters of an excerpt printed (a run-on “sentence” of a pasted list may be a megabyte)


def _shown(excerpt: str) -> str:
    """The excerpt as printed: whole, or its start and end around “……（共N字）” when it is very long."""
    if len(excerpt) <= EXCERPT_SHOWN:
        return excerpt
    half = EXCERPT_SHOWN // 2
    return f"{excerpt[:half]}……（此句共{len(excerpt)}字）……{excerpt[-half:]}"


def _print_text(path: Path, findings: list[Finding], out: Console, accepted: int = 0) -> None:
    counts = Counter(f.severity for f in findings)
    summary = "、".join(f"{counts[s]} 个{s.label}" for s in Severity if counts[s]) or ("未发现新问题" if accepted else "未发现问题")
    if accepted:
        summary += f"（另有 {accepted} 个已在基线中接受）"
    out.print(f"[bold]{escape(str(path))}[/bold]：{summary}")
    for f in findings:
        out.print(f"  [{STYLE[f.severity]}]{f.severity.label} {f.rule}[/{STYLE[f.severity]}] {escape(f.location.describe())}：{escape(f.message)}")
        if f.excerpt:  # (a cell's lines on one line: the indent keeps each finding's block together)
            out.print(f"      原文：{escape(_shown(' / '.join(line.strip() for line in f.excerpt.splitlines() if line.strip())))}")
        if f.expected is not None or f.found is not None:
            out.print(f"      应为：{escape(f.expected or '—')}；实为：{escape(f.found or '—')}")


def _resolved(path: Path) -> Path:
    """The path with its links followed, or as given (made absolute) when they cannot be (a loop, no permission)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _annotation_target(options: CheckOptions, path: Path, count: int, used: set[Path]) -> Path:
    """The annotated copy's path: the --annotate file for one input, else NAME.批注.docx beside it, never twice
    and never the name of an input (`used` starts with every input)."""
    assert options.annotate is not None
    if count == 1:
        return options.annotate
    folder = options.annotate if options.annotate.suffix.lower() != ".docx" else options.annotate.parent
    target = folder / f"{path.stem}.批注.docx"
    n = 2
    while _resolved(target) in used or target in used:
        target = folder / f"{path.stem}.批注{n}.docx"
        n += 1
    used.add(_resolved(target))
    return target


REPORT_WORDS = ("绩效", "评价", "得分", "权重", "预算", "资金", "项目", "指标", "支出", "万元")


def looks_like_a_report(document) -> bool:
    """An evaluation report names at least one of its usual terms somewhere (a README or a config file does not)."""
    texts = [p.text for p in document.paragraphs[:400]]
    texts += [cell.text for table in document.tables[:20] for row in table.rows for cell in row]
    return any(word in text for text in texts for word in REPORT_WORDS)


SCORED_PROSE = re.compile(r"(?:权重|分值|满分)\s*\d+(?:\.\d+)?\s*分")


def coverage_notes(document) -> list[str]:
    """What the checks could not cover in this file, said so that “未发现问题” is not taken for more than it is: text
    taken out of a PDF (its tables broken up), or indicator prose with no score table to hold it to."""
    from checkers.analysis import score_table_of

    if getattr(document, "unwrapped", False):
        return ["这是从 PDF 转出（按页宽折行）的文字：已把折行接回段落、去掉页码后核查；表格在转出时多已打散，"
                "与表格有关的核查（表格合计、正文与评分表是否一致）多半未能进行，请尽量核查 Word 原件"]  # fmt: skip
    if tables_in_lines(document):
        return ["文中没有表格，却有许多只写一个数字的段落：像是表格在另存为文本时被拆成了每格一行（LibreOffice 另存为纯文本"
                "即如此）。与表格有关的核查（表格合计、正文与评分表是否一致）未能进行，请核查 Word 原件（.docx）"]  # fmt: skip
    scored = any(SCORED_PROSE.search(p.text) for p in document.paragraphs)
    if scored and not any(score_table_of(table) is not None for table in document.tables):
        return ["文中没有识别出评分表（有权重或分值、得分两列的表格）：正文与评分表是否一致、评分表合计等核查未进行"]
    return []


def _states_data_figures(document, evaluation) -> bool:
    """Whether the report states the data's total score or one of its amounts (预算, 到位, 支出: in any money unit,
    rounded to the places written) anywhere. Indicator names say little (most projects share 立项依据充分性 and the
    like); a project's own figures do."""
    from checkers.figures import MONEY_UNITS, extract_figures, round_half_up

    texts = [p.text for p in document.paragraphs] + [cell.text for t in document.tables for row in t.rows for cell in row]
    amounts = [v for v in evaluation.funding.in_yuan.values() if v]
    for text in texts:
        for figure in extract_figures(text):
            if figure.kind in ("score", "bare") and figure.value == evaluation.total:
                return True
            if figure.kind == "amount":
                factor = MONEY_UNITS[figure.unit]
                if any(round_half_up(amount / factor, figure.places) == figure.value for amount in amounts):
                    return True
    return False


def data_mismatch(plan, evaluation) -> str | None:
    """Why the project data looks like another project's (None when it does not): a single report whose title and
    opening do not name the project, and which states neither the data's total score nor any of its amounts."""
    from checkers.engine import opening_names, project_names

    if len(plan.parts) != 1 or opening_names(plan.parts[0], project_names(evaluation), 12):
        return None
    if _states_data_figures(plan.parts[0], evaluation):
        return None
    return (f"项目数据看来不是这份报告的：报告的标题和开头没有写项目名称“{evaluation.project.name}”，正文和表格中也找不到数据的"
            f"总分{plain(evaluation.total)}分或预算、到位、支出金额。请确认 --data 指定的项目文件；确是这份报告的数据时，"
            "加 --force 照常核对")  # fmt: skip


def data_scope_notes(plan, evaluation) -> list[str]:
    """Which report(s) of a file the project data was compared with, when that needs saying: in a compilation, the
    ones whose title names the project; for a single report that does not name it, a warning that the data may be
    another project's."""
    from checkers.engine import opening_names, other_year, project_names
    from checkers.segments import report_title

    parts = plan.parts
    if len(parts) < 2:
        notes = []
        if not opening_names(parts[0], project_names(evaluation), 12):
            notes.append(f"警告：报告的标题和开头没有写项目数据中的项目名称“{evaluation.project.name}”；请确认 --data 指定的是"
                         "这份报告的项目文件（若不是，与数据不符的发现多半只因项目不同）")  # fmt: skip
        year = other_year(parts[0], evaluation)
        if year is not None:
            notes.append(f"警告：报告中写的是{year}年度，项目数据是{evaluation.project.year}年度；请确认 --data 指定的是"
                         "这一年度的项目文件（若不是，与数据不符的发现多半只因年度不同）")  # fmt: skip
        return notes
    chosen = sorted(plan.with_data)
    names = "、".join(f"第{n}篇《{report_title(parts[n - 1]) or '（无标题）'}》" for n in chosen)
    if chosen:
        return [f"提示：文件含 {len(parts)} 篇报告，项目数据（{evaluation.project.name}）只与{names}核对"]
    return [f"警告：文件含 {len(parts)} 篇报告，没有一篇的标题或开头写有项目名称“{evaluation.project.name}”，"
            "项目数据未用于核对；请确认 --data 指定的项目文件"]  # fmt: skip


def json_refusal(files: int, message: str) -> str:
    """The JSON answer of a check refused before any file was read: no files, the reason, an empty summary."""
    summary = {"files": files, "errors": 0, "warnings": 0, "infos": 0, "unreadable": 0, "accepted_by_baseline": 0}
    return json.dumps({"files": [], "error": message, "summary": summary}, ensure_ascii=False)


REPORT = "报告（.docx、.md 或 .txt）"


def _annotation_failed(path: Path, target: Path, exc: Exception) -> str:
    """Why the annotated copy of a checked report could not be written, and what to do (the findings stand)."""
    from drafter.atomic import OutputError

    if isinstance(exc, OutputError):
        why = str(exc)
    elif isinstance(exc, PermissionError):
        why = (f"没有权限在文件夹“{target.parent}”中写入（或打开该文件夹）。请用 --annotate 指定一个有写入权限的文件夹中的 "
               ".docx 文件，或检查该文件夹的权限")  # fmt: skip
    elif isinstance(exc, OSError):
        why = f"系统拒绝写出 {target}（{exc.strerror or exc}）。请用 --annotate 换一个位置"
    else:
        why = (f"生成批注时遇到本工具未能处理的内容（内部错误 {type(exc).__name__}）。需要批注副本时，请把该文件发给维护人员，"
               "或在 Word 中“另存为”新的 .docx 后再试")  # fmt: skip
    return f"{path} 已核查（结果见上，退出码按核查结果），只是批注副本 {target} 未能写出：{why}"


def _internal(exc: Exception) -> str:
    return (f"文件中有本工具未能处理的内容（内部错误 {type(exc).__name__}），该文件未核查；其余文件照常核查。"
            "请把该文件发给维护人员，或在 Word 中“另存为”新的 .docx 后再试")


VERSION_MARK = re.compile(r"(?:[_\-\s.]*(?:v\d+|V\d+|[（(]\d+[）)]|修改稿?|修订稿?|修订版|终稿|定稿|最终版?|副本|copy|送审稿|征求意见稿))+$")


def _version_stem(name: str) -> str:
    """A file's name without its folder, suffix and version marks: 报告_v2.docx, 报告（1）.docx, 报告-修改稿.docx → 报告."""
    return VERSION_MARK.sub("", Path(name).stem)


def _accepted_for(accepted_by_file: dict[str, set[str]], baseline: Path, path: Path, findings: list[Finding],
                  notes: list[str]) -> set[str]:  # fmt: skip
    """The accepted fingerprints of a report: its own entry, else the entry of an earlier version of it (“报告_v2.docx”
    for “报告.docx”: the same name but for a version mark) sharing at least half its findings (said in ``notes``)."""
    from checkers.baseline import report_key

    key = report_key(baseline, path)
    if key in accepted_by_file or not accepted_by_file or not findings:
        return accepted_by_file.get(key, set())
    mine = {f.fingerprint for f in findings}
    versions = [(len(mine & accepted), name) for name, accepted in accepted_by_file.items()
                if _version_stem(name) == _version_stem(key)]  # fmt: skip
    overlap, name = max(versions, default=(0, ""))
    if not overlap or overlap * 2 < len(accepted_by_file[name]):
        return set()
    notes.append(f"提示：基线中没有“{key}”的记录；按发现最相近的“{name}”的已接受发现比对"
                 "（该文件另存过？用 --update-baseline 为它单独记录）")  # fmt: skip
    return accepted_by_file[name]


def run_check(files: list[Path], evaluation, options: CheckOptions, out: Console, err: Console) -> int:
    """Check every file; 0 = no errors, 1 = errors, 2 = some input unusable."""
    from checkers.baseline import load_baseline, write_baseline
    from drafter.atomic import OutputError, guard_output

    results: list[dict] = []
    unusable = False
    any_errors = False
    accepted_by_file: dict[str, set[str]] = {}
    hidden = 0
    if options.baseline and not options.update_baseline:
        try:
            accepted_by_file = load_baseline(options.baseline)
        except ValueError as exc:
            err.print(f"[red]基线文件无法使用[/red]：{escape(str(exc))}")
            if options.fmt == "json":
                out.print_json(json_refusal(len(files), f"基线文件无法使用：{exc}"))
            return 2
    all_findings: dict[str, list[Finding]] = {}

    def refuse(path: Path, what: str, reason: str) -> None:
        """A file that could not be read or checked: said, and listed with its reason (the others go on)."""
        err.print(f"[red]{what}[/red] {escape(str(path))}：{escape(reason)}")
        results.append({"path": str(path), "error": reason, "findings": []})

    inputs = [*files, *(p for p in (options.baseline,) if p)]
    used_targets: set[Path] = {_resolved(p) for p in inputs}
    for path in files:
        problem = input_problem(path, REPORT)  # (a device or a pipe is never read: it would never end)
        if problem is not None:
            unusable = True
            refuse(path, "无法读取", problem)
            continue
        try:
            document = read_document(path)
        except Exception as exc:  # noqa: BLE001 - a file the reader chokes on must not cost the other files
            unusable = True
            refuse(path, "无法读取", str(exc) if isinstance(exc, ReadError) else _internal(exc))
            continue
        if not looks_like_a_report(document) and not options.force:
            unusable = True
            refuse(path, "无法核查", "看起来不是绩效评价报告：没有“绩效/评价/得分/权重/预算”等字样，也没有评分表，未核查。"
                                     "请确认选择了正确的文件；确是报告的片段时加 --force 照常核查")  # fmt: skip
            continue
        try:
            plan = plan_check(document, evaluation)
            mismatch = data_mismatch(plan, evaluation) if evaluation is not None and not options.force else None
            findings = [] if mismatch else check_document(document, evaluation, options.execution_base,
                                                          select=options.select, plan=plan)  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - as above
            unusable = True
            refuse(path, "无法核查", _internal(exc))
            continue
        if mismatch is not None:
            unusable = True
            refuse(path, "未核查", mismatch)
            continue
        scope = data_scope_notes(plan, evaluation) if evaluation is not None else []
        if options.scores is not None and evaluation is not None:
            scope.append(f"提示：指标的权重、得分取自评分表“{options.scores.name}”，发现中所说的“项目数据”对指标而言即指该表")
        all_findings[str(path)] = findings
        version_note: list[str] = []  # (the findings compared with an earlier version's accepted ones)
        accepted = _accepted_for(accepted_by_file, options.baseline, path, findings, version_note) if options.baseline else set()
        accepted_here = 0
        if accepted:
            kept = [f for f in findings if f.fingerprint not in accepted]
            accepted_here = len(findings) - len(kept)
            hidden += accepted_here
            findings = kept
        if not options.update_baseline:
            any_errors |= any(f.severity is Severity.ERROR for f in findings)
        said, uncovered = scope + version_note, coverage_notes(document)  # (notes that carry their own “提示/警告：”)
        notes = said + uncovered
        results.append({"path": str(path), "findings": [f.to_dict() for f in findings], **({"notes": notes} if notes else {}),
                        **({"accepted_by_baseline": accepted_here} if options.baseline else {})})  # fmt: skip
        if options.fmt == "text":  # (the notes on stdout with the findings: they say what “未发现问题” covers)
            _print_text(path, findings, out, accepted_here)
            for note in said:
                out.print("  " + escape(note).replace("警告：", "[yellow]警告[/yellow]：", 1))
            for note in uncovered:
                out.print(f"  说明：{escape(note)}")
        if options.annotate:
            from checkers.annotate import annotate_copy

            target = _annotation_target(options, path, len(files), used_targets)
            try:
                guard_output(target, inputs, "--annotate", overwrite=options.overwrite)
            except OutputError as exc:  # refused (over an input, an existing copy): not as asked, exit code 2
                err.print(f"[red]无法写出批注副本[/red]：{escape(str(exc))}")
                unusable = True
                continue
            except OSError as exc:  # a folder the user cannot open
                err.print(f"[red]无法写出批注副本[/red]：{escape(_annotation_failed(path, target, exc))}")
                continue
            try:
                kept = annotate_copy(path, document, findings, target)
            except Exception as exc:  # noqa: BLE001 - a folder not writable, a part python-docx cannot open
                err.print(f"[red]无法写出批注副本[/red]：{escape(_annotation_failed(path, target, exc))}")
                continue
            err.print(f"已写出批注副本 {escape(str(target))}")
            if not kept and Path(path).suffix.lower() in WORD_SUFFIXES:
                err.print("  注意：该文件无法按原样打开（可能启用了宏、是模板或缺少部件），批注副本按读出的文字与表格重新排版，"
                          "原文件的格式未保留；如需保留格式，请先在 Word 中“另存为” .docx")  # fmt: skip
    if hidden:
        err.print(f"另有 {hidden} 个发现已在基线 {escape(str(options.baseline))} 中接受，未列出")
    if options.update_baseline and options.baseline and unusable:
        err.print(f"[red]有文件无法读取，未更新基线[/red] {escape(str(options.baseline))}：请先解决上面的问题再加 --update-baseline")
    elif options.update_baseline and options.baseline:
        try:
            write_baseline(options.baseline, all_findings)
        except (ValueError, OutputError) as exc:
            err.print(f"[red]基线文件无法写入[/red]：{escape(str(exc))}")
            return 2
        err.print(f"已把 {sum(len(v) for v in all_findings.values())} 个发现写入基线 {escape(str(options.baseline))}（视为已接受）")
    if options.fmt == "json":
        counts = Counter(f["severity"] for r in results for f in r["findings"])
        summary = {"files": len(files), "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
                   "unreadable": sum(1 for r in results if "error" in r), "accepted_by_baseline": hidden}  # fmt: skip
        out.print_json(json.dumps({"files": results, "summary": summary}, ensure_ascii=False))
    if unusable:
        return 2
    return 1 if any_errors else 0
