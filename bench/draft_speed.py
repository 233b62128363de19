"""Benchmark: offline draft of the seed-000 fixture to .docx (load, render, check, write), median of runs (target < 0.3 s).

Run: .venv/bin/python bench/draft_speed.py [--runs 15]
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

from drafter.docx_writer import write_docx  # noqa: E402
from drafter.pipeline import DraftOptions, verify  # noqa: E402
from drafter.render import render_report  # noqa: E402
from project_file import load_project  # noqa: E402

FIXTURE = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.docx"
        write_docx(render_report(load_project(FIXTURE)), out)  # warm-up: imports, style cache
        times: dict[str, list[float]] = {"load": [], "render": [], "check": [], "write": [], "total": []}
        for _ in range(args.runs):
            t0 = time.perf_counter()
            evaluation = load_project(FIXTURE)
            t1 = time.perf_counter()
            report = render_report(evaluation)
            t2 = time.perf_counter()
            verify(report, evaluation, DraftOptions(), None)
            t3 = time.perf_counter()
            write_docx(report, out)
            t4 = time.perf_counter()
            steps = (("load", t1 - t0), ("render", t2 - t1), ("check", t3 - t2), ("write", t4 - t3), ("total", t4 - t0))
            for key, value in steps:
                times[key].append(value)
    print(f"offline draft of {FIXTURE.name} → .docx, {args.runs} runs (interpreter already up)")
    for key, values in times.items():
        print(f"  {key:<7} median {statistics.median(values) * 1000:7.1f} ms   min {min(values) * 1000:7.1f} ms")
    total = statistics.median(times["total"])
    print(f"median total {total:.3f} s — target < 0.300 s: {'met' if total < 0.3 else 'NOT met'}")


if __name__ == "__main__":
    main()
