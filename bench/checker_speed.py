"""Benchmark: check a synthetic 300-indicator report vs the time python-docx takes just to open it (target ≤ 1.5×).

Run: .venv/bin/python bench/checker_speed.py [--leaves 300] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from bench.synthetic import synthetic_evaluation  # noqa: E402
from checkers.engine import check_document  # noqa: E402
from checkers.readers import read_document  # noqa: E402
from drafter.docx_writer import write_docx  # noqa: E402
from drafter.render import render_report  # noqa: E402


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


if __name__ == "__main__":
    main()
