"""Benchmark: a full LLM draft against the local OpenAI-compatible server with latency and a sloppy model.

Prints wall time vs the slowest section (target ≤ 1.3×), calls and tokens per report, checker errors in the final
draft (target 0) and the calls a cached re-run makes (target 0).

    .venv/bin/python bench/llm_draft.py                 # 2 s ± 0.5 s per call, 30% of figures corrupted
    .venv/bin/python bench/llm_draft.py --scale 0.1     # the same, ten times faster
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkers.engine import check_document  # noqa: E402
from checkers.finding import Severity  # noqa: E402
from checkers.readers import read_document  # noqa: E402
from drafter.pipeline import DraftOptions, draft_report  # noqa: E402
from project_file import load_project  # noqa: E402
from tests.openai_server import FakeModelServer  # noqa: E402


def _draft(fixture: Path, output: Path, config: Path) -> tuple[float, list[dict]]:
    evaluation = load_project(fixture)
    start = time.perf_counter()
    draft_report(evaluation, DraftOptions(backend="openai", config=config, output=output, fmt="docx"))
    wall = time.perf_counter() - start
    log = output.with_name(output.stem + ".llm-run.jsonl")
    return wall, [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description="LLM 起草基准：本地 OpenAI 兼容服务，注入延迟与错误数字")
    parser.add_argument("--fixture", type=Path, default=ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml")
    parser.add_argument("--scale", type=float, default=1.0, help="延迟缩放（1 = 每次调用 2 秒 ± 0.5 秒）")
    parser.add_argument("--corrupt", type=float, default=0.3, help="马虎模式下每个数字被改错的概率")
    parser.add_argument("--concurrency", type=int, default=12)
    args = parser.parse_args()

    # One-time process start cost (LangChain, openai, tiktoken data), measured apart from the draft itself.
    start = time.perf_counter()
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import langchain_community.cache  # noqa: F401
    import langchain_openai  # noqa: F401

    from drafter.llm.tokens import count_tokens

    count_tokens("预热")
    imports = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp, FakeModelServer(
        mode="sloppy", latency=2.0 * args.scale, jitter=0.5 * args.scale, corrupt_rate=args.corrupt
    ) as server:
        os.environ["OPENAI_BASE_URL"] = server.base_url
        os.environ["OPENAI_API_KEY"] = "sk-bench-not-a-real-key"
        config = Path(tmp) / "llm.yaml"
        config.write_text(f"model: gpt-4o-mini\nconcurrency: {args.concurrency}\ntimeout: 30\nmax_retries: 2\n",
                          encoding="utf-8")  # fmt: skip
        output = Path(tmp) / "out" / "report.docx"

        wall, log = _draft(args.fixture, output, config)
        sections = [r for r in log if r["event"] == "section"]
        summary = log[-1]
        slowest = max(sections, key=lambda r: r["latency_s"])
        evaluation = load_project(args.fixture)
        errors = [f for f in check_document(read_document(output), data=evaluation) if f.severity == Severity.ERROR]

        before = server.completions
        rerun_wall, rerun_log = _draft(args.fixture, output, config)
        rerun_calls = server.completions - before

    print(f"夹具：{args.fixture.name}；延迟 {2.0 * args.scale:.2f}±{0.5 * args.scale:.2f} 秒/次；马虎率 {args.corrupt:.0%}")
    print(f"章节数：{len(sections)}（并发 {args.concurrency}）；进程冷启动导入 {imports:.2f} 秒（不计入下列用时）")
    print(f"整篇用时：{wall:.2f} 秒；最慢章节（{slowest['section']}，{slowest['attempts']} 次尝试）：{slowest['latency_s']:.2f} 秒；"
          f"比值 {wall / slowest['latency_s']:.2f}×（目标 ≤ 1.3×）")
    print(f"每份报告：调用 {summary['calls']} 次（HTTP 请求 {summary['http_requests']}），提示词 {summary['prompt_tokens']} token，"
          f"输出 {summary['completion_tokens']} token")
    print(f"修改 {summary['repairs']} 次；改用离线文本 {summary['fallbacks']} 个章节：{'、'.join(summary['fallback_sections'])}")
    print(f"最终稿核查错误：{len(errors)}（目标 0）")
    print(f"缓存重跑：调用 {rerun_calls} 次（目标 0），缓存命中 {rerun_log[-1]['cache_hits']} 次，用时 {rerun_wall:.2f} 秒")


if __name__ == "__main__":
    main()
