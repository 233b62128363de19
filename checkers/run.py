"""The check command: read each file, run the rules, print text or JSON, set the exit code."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from checkers.engine import check_document
from checkers.finding import Finding, Severity
from checkers.readers import ReadError, read_document

STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@dataclass
class CheckOptions:
    fmt: str = "text"
    execution_base: str | None = None
    annotate: Path | None = None
    baseline: Path | None = None
    update_baseline: bool = False
    select: set[str] | None = None


def _print_text(path: Path, findings: list[Finding], out: Console) -> None:
    counts = Counter(f.severity for f in findings)
    summary = "、".join(f"{counts[s]} 个{s.label}" for s in Severity if counts[s]) or "未发现问题"
    out.print(f"[bold]{escape(str(path))}[/bold]：{summary}")
    for f in findings:
        out.print(f"  [{STYLE[f.severity]}]{f.severity.label} {f.rule}[/{STYLE[f.severity]}] {escape(f.location.describe())}：{escape(f.message)}")
        if f.excerpt:
            out.print(f"      原文：{escape(f.excerpt)}")
        if f.expected is not None or f.found is not None:
            out.print(f"      应为：{escape(f.expected or '—')}；实为：{escape(f.found or '—')}")


def run_check(files: list[Path], evaluation, options: CheckOptions, out: Console, err: Console) -> int:
    """Check every file; 0 = no errors, 1 = errors, 2 = some input unusable."""
    results: list[dict] = []
    unusable = False
    any_errors = False
    accepted: set[str] = set()
    if options.baseline and options.baseline.exists() and not options.update_baseline:
        from checkers.baseline import load_baseline

        accepted = load_baseline(options.baseline)
    all_findings: dict[str, list[Finding]] = {}
    for path in files:
        try:
            document = read_document(path)
        except ReadError as exc:
            unusable = True
            err.print(f"[red]无法读取[/red] {escape(str(path))}：{escape(str(exc))}")
            results.append({"path": str(path), "error": str(exc), "findings": []})
            continue
        findings = check_document(document, evaluation, options.execution_base, select=options.select)
        all_findings[str(path)] = findings
        if accepted:
            findings = [f for f in findings if f.fingerprint not in accepted]
        any_errors |= any(f.severity is Severity.ERROR for f in findings)
        results.append({"path": str(path), "findings": [f.to_dict() for f in findings]})
        if options.fmt == "text":
            _print_text(path, findings, out)
        if options.annotate:
            from checkers.annotate import annotate_copy

            target = options.annotate if len(files) == 1 else options.annotate.with_name(f"{path.stem}.批注.docx")
            annotate_copy(path, document, findings, target)
            err.print(f"已写出批注副本 {escape(str(target))}")
    if options.update_baseline and options.baseline:
        from checkers.baseline import write_baseline

        write_baseline(options.baseline, all_findings)
        err.print(f"已把 {sum(len(v) for v in all_findings.values())} 个发现写入基线 {escape(str(options.baseline))}")
    if options.fmt == "json":
        counts = Counter(f["severity"] for r in results for f in r["findings"])
        summary = {"files": len(files), "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
                   "unreadable": sum(1 for r in results if "error" in r)}  # fmt: skip
        out.print_json(json.dumps({"files": results, "summary": summary}, ensure_ascii=False))
    if unusable:
        return 2
    return 1 if any_errors else 0
