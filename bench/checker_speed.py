"""Benchmark: check a synthetic 300-indicator report vs the time python-docx takes just to open it (target ≤ 1.5×).

Run: .venv/bin/python bench/checker_speed.py [--leaves 300] [--runs 7] [--breakdown] [--fresh 5] [--instructions]

``--breakdown`` adds the time of each part: the reader's steps, each analysis view and each rule.
``--fresh N`` also times one open / one check in each of N new interpreters, as the CLI runs (in-process
loops reuse memory the previous run freed, which flatters parsing whole trees; caches start cold there too).
``--instructions`` counts the CPU instructions of one open / one check under valgrind (callgrind), net of the
interpreter start and imports: a figure that does not move with the load of a shared machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from lxml import etree  # noqa: E402

from bench.synthetic import synthetic_evaluation  # noqa: E402
from checkers.analysis import Analysis  # noqa: E402
from checkers.document import DocumentBuilder  # noqa: E402
from checkers.engine import check_document  # noqa: E402
from checkers.readers import docx_reader, read_document  # noqa: E402
from checkers.rules import all_rules  # noqa: E402
from drafter.docx_writer import write_docx  # noqa: E402
from drafter.render import render_report  # noqa: E402

ANALYSIS_VIEWS = (
    "body_paragraphs", "figures", "score_tables", "table_indicators", "indicator_statements", "total_statements",
    "grade_statements", "level1_prose", "rate_statements", "table_level1_sums",
)  # fmt: skip


FRESH_SCRIPT = """
import sys, time
sys.path.insert(0, sys.argv[3])
import docx
from checkers.engine import check_document
from checkers.readers import read_document
from checkers.rules import all_rules
all_rules()  # rule modules imported before timing
kind, path = sys.argv[1], sys.argv[2]
calls = {"open": lambda: docx.Document(path), "check": lambda: check_document(read_document(path)), "none": lambda: 0}
start = time.process_time()
calls[kind]()
print(time.process_time() - start)
"""


def fresh_runs(path: Path, kind: str, runs: int) -> list[float]:
    """CPU seconds of one open or one read + check, each in a new interpreter."""
    command = [sys.executable, "-c", FRESH_SCRIPT, kind, str(path), str(ROOT)]
    return [float(subprocess.run(command, capture_output=True, text=True, check=True).stdout) for _ in range(runs)]


def instructions(path: Path, kind: str) -> int:
    """Instructions executed by one interpreter doing ``kind`` (``none`` = start and imports only)."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + os.devnull, sys.executable, "-c", FRESH_SCRIPT,
               kind, str(path), str(ROOT)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    return int(re.search(r"Collected : (\d+)", result.stderr).group(1))


def reader_steps(path: Path) -> dict[str, object]:
    main_blob, styles_blob, _ = docx_reader.load_package(path)
    levels = docx_reader._style_levels(docx_reader._paragraph_styles(styles_blob)) if styles_blob else {}
    return {
        "read: unzip 3 parts (python-docx OPC)": lambda: docx_reader.load_package(path),
        "read: parse styles + levels": lambda: docx_reader._style_levels(docx_reader._paragraph_styles(styles_blob)),
        "read: parse main document only": lambda: etree.fromstring(main_blob, docx_reader._PARSER),
        "read: parse + walk main → model": lambda: docx_reader._read_blocks(main_blob, levels, DocumentBuilder(str(path))),
    }


def breakdown(path: Path, evaluation, runs: int) -> None:
    steps = {name: [median_time(func, runs)] for name, func in reader_steps(path).items()}
    document = read_document(path)
    parts: dict[str, list[float]] = {}
    for with_data in (False, True):
        for _ in range(runs):
            data = evaluation if with_data else None
            analysis = Analysis(document, data, None, Decimal("0.01"))
            for view in ANALYSIS_VIEWS:
                start = time.perf_counter()
                getattr(analysis, view)
                parts.setdefault(f"analysis: {view}", []).append(time.perf_counter() - start)
            for rule in all_rules():
                if rule.needs_data != with_data:
                    continue
                start = time.perf_counter()
                list(rule.check(analysis, rule))
                parts.setdefault(f"rule {rule.id}" + (" (--data)" if with_data else ""), []).append(
                    time.perf_counter() - start
                )
    print("  breakdown (median ms):")
    for name, times in {**steps, **parts}.items():
        print(f"    {name:34s} {statistics.median(times) * 1000:7.2f}")


def median_time(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leaves", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--breakdown", action="store_true", help="also time the reader's steps, views and rules")
    parser.add_argument("--fresh", type=int, default=0, metavar="N", help="also time N runs in new interpreters")
    parser.add_argument("--instructions", action="store_true", help="also count instructions under valgrind")
    args = parser.parse_args()
    evaluation = synthetic_evaluation(args.leaves)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.docx"
        write_docx(render_report(evaluation), path)
        document = read_document(path)
        paragraphs, tables = len(document.paragraphs), len(document.tables)
        findings = check_document(document)
        open_time = median_time(lambda: docx.Document(str(path)), args.runs)
        read_time = median_time(lambda: read_document(path), args.runs)
        check_time = median_time(lambda: check_document(read_document(path)), args.runs)
        data_time = median_time(lambda: check_document(read_document(path), data=evaluation), args.runs)
        size_kb = path.stat().st_size // 1024
        print(f"synthetic report: {args.leaves} 三级指标, {paragraphs} paragraphs, {tables} tables, {size_kb} KB")
        print(f"  python-docx open      {open_time * 1000:8.1f} ms")
        print(f"  read (our reader)     {read_time * 1000:8.1f} ms")
        print(f"  read + all rules      {check_time * 1000:8.1f} ms   ratio {check_time / open_time:.2f}× (target ≤ 1.5×)")
        print(f"  … with --data         {data_time * 1000:8.1f} ms   ratio {data_time / open_time:.2f}×")
        print(f"  findings on the clean synthetic draft: {len(findings)}")
        if args.fresh:
            opened, checked = fresh_runs(path, "open", args.fresh), fresh_runs(path, "check", args.fresh)
            print(
                f"  new interpreters (CPU, median of {args.fresh}): open {statistics.median(opened) * 1000:.1f} ms, "
                f"read + all rules {statistics.median(checked) * 1000:.1f} ms, "
                f"ratio {statistics.median(checked) / statistics.median(opened):.2f}×"
            )
        if args.instructions:
            if shutil.which("valgrind") is None:
                print("  instructions: valgrind not installed (apt-get install valgrind)")
            else:
                base = instructions(path, "none")
                opened, checked = instructions(path, "open") - base, instructions(path, "check") - base
                print(f"  instructions (valgrind, new interpreters, imports excluded): open {opened / 1e6:.1f} M, "
                      f"read + all rules {checked / 1e6:.1f} M, ratio {checked / opened:.2f}×")  # fmt: skip
        if args.breakdown:
            breakdown(path, evaluation, max(args.runs, 15))


if __name__ == "__main__":
    main()
