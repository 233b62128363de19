"""Draft a report with a model: figures from code, prose from the model, the checker as the judge.

Per prose unit (a section, or one 一级 indicator of the analysis): the model writes the slot texts; they are put
into the offline report and checked against the data; findings go back to the model (bounded repairs); a unit that
still fails keeps the offline text. A final check of the assembled report reverts any unit it still objects to.
"""

from __future__ import annotations

import copy
import re
import time
import warnings
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from langchain_core.messages import AIMessage, BaseMessage

from drafter.llm import LLMError
from drafter.llm.backends import Backend, CallFailed, get_backend
from drafter.llm.config import LLMConfig, api_key, load_config, missing_key_error
from drafter.llm.pricing import estimate_cost, format_cost
from drafter.llm.prompts import SectionPrompt, load_prompt
from drafter.llm.runlog import RunLog, redact
from drafter.llm.tokens import count_message_tokens, count_tokens, truncate_to_tokens
from drafter.llm.units import (
    TRIM_NOTE,
    AnswerError,
    ProseUnit,
    apply_prose,
    data_block,
    dropped_figures,
    injected_markup,
    misshapen_prose,
    parse_answer,
    prose_units,
    renamed_indicators,
    score_claims,
    ungrounded_numbers,
    unit_paragraph_texts,
)
from drafter.render import render_report
from drafter.report import DraftReport
from drafter.style import Style, load_style
from evaluation_model import Evaluation

if TYPE_CHECKING:
    from drafter.pipeline import DraftOptions, Progress

# LangChain's SQLite cache reads its own rows through `loads`; the pending-default notice is not for our users.
warnings.filterwarnings("ignore", message=r"The default value of `allowed_objects`")


# ---------------------------------------------------------------------------
# Checking against the data


class Judge:
    """The checker, relative to the offline report: only errors the offline text does not have block a unit."""

    def __init__(self, offline: DraftReport, evaluation: Evaluation) -> None:
        self.offline = offline
        self.evaluation = evaluation
        self.baseline = Counter(self._key(f) for f in self.errors(offline))

    @staticmethod
    def _key(finding: Any) -> tuple:
        return (finding.rule, finding.message, finding.expected, finding.found)

    def errors(self, report: DraftReport) -> list[Any]:
        from checkers.engine import check_document
        from checkers.finding import Severity
        from checkers.report_document import document_from_report

        findings = check_document(document_from_report(report), data=self.evaluation)
        return [f for f in findings if f.severity == Severity.ERROR]

    def new_errors(self, report: DraftReport) -> list[Any]:
        """Errors of a report beyond those of the offline report."""
        left = Counter(self.baseline)
        out = []
        for finding in self.errors(report):
            key = self._key(finding)
            if left[key] > 0:
                left[key] -= 1
            else:
                out.append(finding)
        return out

    def with_units(self, accepted: dict[int, tuple[ProseUnit, dict[str, str]]]) -> DraftReport:
        report = copy.deepcopy(self.offline)
        for unit, texts in accepted.values():
            apply_prose(report, unit, texts)
        return report


def _finding_line(finding: Any, key: str | None) -> str:
    where = f"段落 {key}：" if key else ""
    line = f"- {where}{finding.message}"
    if finding.expected is not None and finding.found is not None:
        line += f"（应为 {finding.expected}，写成了 {finding.found}）"
    if finding.excerpt:
        line += f"；原句：“{finding.excerpt}”"
    return line


def _slot_of(finding: Any, unit: ProseUnit, texts: list[str]) -> str | None:
    excerpt = (finding.excerpt or "").strip()
    for slot, text in zip(unit.slots, texts, strict=True):
        if excerpt and (excerpt in text or text in excerpt):
            return slot.key
    return None


# ---------------------------------------------------------------------------
# Planning (prompts, token counts, trimming)


@dataclass
class Plan:
    """A unit ready to send: its prompt, messages, token count and data block."""

    unit: ProseUnit
    prompt: SectionPrompt
    messages: list[BaseMessage]
    prompt_tokens: int
    data: str
    trimmed: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


def _values(unit: ProseUnit, evaluation: Evaluation, style: Style, data: str) -> dict[str, Any]:
    project = evaluation.project
    return {
        "project_name": project.name, "called": project.called, "year": project.year, "region": project.region,
        "unit": project.unit, "department": project.department, "style_name": style.name,
        "style_description": style.spec.description, "section_title": unit.label, "data": data,
        "keys": "、".join(unit.keys), "slot_count": len(unit.slots),
    }  # fmt: skip


def _pairs(messages: list[BaseMessage]) -> list[tuple[str, str]]:
    return [(m.type, m.content if isinstance(m.content, str) else str(m.content)) for m in messages]


def plan_unit(unit: ProseUnit, prompt: SectionPrompt, evaluation: Evaluation, style: Style,
              config: LLMConfig) -> Plan:  # fmt: skip
    """Fill the unit's template; trim the longest material while the prompt exceeds the context budget."""
    trimmed: list[str] = []
    while True:
        data = data_block(unit, evaluation)
        values = _values(unit, evaluation, style, data)
        messages = prompt.draft_messages(values)
        tokens = count_message_tokens(_pairs(messages), config.encoding)
        if tokens <= config.context_budget:
            break
        candidates = [s for s in unit.slots if count_tokens(s.material, config.encoding) > 60]
        if not candidates:
            break
        longest = max(candidates, key=lambda s: count_tokens(s.material, config.encoding))
        size = count_tokens(longest.material, config.encoding)
        over = tokens - config.context_budget
        keep = max(40, min(int(size * 0.7), size - over - 10))
        longest.material = truncate_to_tokens(longest.material.removesuffix(TRIM_NOTE), keep, config.encoding) + TRIM_NOTE
        if longest.key not in trimmed:
            trimmed.append(longest.key)
    return Plan(unit, prompt, messages, tokens, data, trimmed, values)


# ---------------------------------------------------------------------------
# Drafting one unit


@dataclass
class UnitResult:
    """What happened to a unit."""

    plan: Plan
    texts: dict[str, str] | None = None
    attempts: int = 0
    repairs: int = 0  # calls that sent the model its findings (a failed call retried is no repair)
    calls: int = 0
    cache_hits: int = 0
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    billed_prompt_tokens: int = 0
    billed_completion_tokens: int = 0
    latency: float = 0.0
    failed_calls: int = 0  # calls the service did not answer usably (HTTP errors, timeouts, bodies that are no answer)
    unknown_usage: int = 0  # answers that did not say how many tokens they used
    problems: list[str] = field(default_factory=list)
    fallback_reason: str | None = None

    @property
    def fallback(self) -> bool:
        return self.texts is None


def _review(texts: dict[str, str], plan: Plan, judge: Judge) -> list[str]:
    """Findings of a unit's prose: numbers not in its data, markup, and new checker errors."""
    unit = plan.unit
    lines = [f"- 段落 {key}：出现了<data>中没有的数字“{number}”，数字只能照抄材料"
             for key, number in ungrounded_numbers(texts, unit, plan.data)]  # fmt: skip
    lines += [f"- 段落 {key}：“{bare}”少了数字（材料为“{words}”），材料中的数字须照抄，不得删去"
              for key, bare, words in dropped_figures(texts, unit)]  # fmt: skip
    lines += [f"- 段落 {key}：文字中不得出现 <data> 标记" for key in injected_markup(texts)]
    lines += [f"- 段落 {key}：{problem}" for key, problem in
              [*misshapen_prose(texts, unit), *score_claims(texts, unit), *renamed_indicators(texts, unit)]]
    variant = copy.deepcopy(judge.offline)
    apply_prose(variant, unit, texts)
    paragraph_texts = unit_paragraph_texts(variant, unit)
    for finding in judge.new_errors(variant):
        lines.append(_finding_line(finding, _slot_of(finding, unit, paragraph_texts)))
    return lines


def draft_unit(plan: Plan, backend: Backend, judge: Judge, config: LLMConfig, log: RunLog) -> UnitResult:
    """First draft, then up to `repairs` rounds with the findings; None texts when every attempt failed.

    A rerun replays the cached chain (first answer, repairs) without calling the service. Only when the whole chain
    comes from the cache and still fails (the earlier run fell back) is the service asked anew, once more with the
    full budget; those answers replace the cached ones, so the run after replays them."""
    result = UnitResult(plan)
    passed = _attempt_chain(plan, backend, judge, config, log, result, fresh=False)
    if not passed and result.calls and result.cache_hits == result.calls:  # every answer a rejected one kept before
        _attempt_chain(plan, backend, judge, config, log, result, fresh=True)
    return result


def _attempt_chain(plan: Plan, backend: Backend, judge: Judge, config: LLMConfig, log: RunLog, result: UnitResult,
                   fresh: bool) -> bool:  # fmt: skip
    """One chain of attempts (first draft and repairs) into ``result``; whether an answer passed."""
    history = list(plan.messages)
    label = plan.unit.label
    repairing = False
    for _ in range(config.repairs + 1):
        result.attempts += 1
        attempt = result.attempts
        result.repairs += repairing
        repairing = False
        try:
            completion = backend.complete(history, plan.unit, fresh=fresh)
        except CallFailed as failed:
            result.calls += 1
            result.failed_calls += 1
            result.requests += failed.requests
            result.latency += failed.latency
            result.problems = [f"- 调用失败：{failed.reason}"]
            log.write("call", section=label, attempt=attempt, prompt_tokens=0, completion_tokens=0,
                      latency_s=round(failed.latency, 3), cache_hit=False, http_requests=failed.requests,
                      error=failed.reason)  # fmt: skip
            continue  # same messages again: nothing was cached for a failed call
        result.calls += 1
        result.cache_hits += completion.cache_hit
        result.unknown_usage += not completion.usage_known
        result.requests += completion.requests
        result.latency += completion.latency
        result.prompt_tokens += completion.prompt_tokens
        result.completion_tokens += completion.completion_tokens
        if not completion.cache_hit:
            result.billed_prompt_tokens += completion.prompt_tokens
            result.billed_completion_tokens += completion.completion_tokens
        try:
            if completion.cut_off:
                raise AnswerError("回答被截断（达到了输出长度上限），请写得简短些，完整输出 JSON 对象")
            texts = parse_answer(completion.text, plan.unit)
            problems = _review(texts, plan, judge)
        except AnswerError as exc:
            texts, problems = None, [f"- 回答无法使用：{exc}。请只输出一个 JSON 对象"]
        log.write("call", section=label, attempt=attempt, prompt_tokens=completion.prompt_tokens,
                  completion_tokens=completion.completion_tokens, latency_s=round(completion.latency, 3),
                  cache_hit=completion.cache_hit, http_requests=completion.requests, passed=not problems,
                  findings=problems)  # fmt: skip
        if texts is not None and not problems:
            result.texts, result.problems, result.fallback_reason = texts, [], None
            return True
        result.problems = problems
        repair = plan.prompt.repair_messages({**plan.values, "findings": "\n".join(problems)})
        history = history + [AIMessage(content=completion.text or "（空回答）")] + repair
        repairing = True
    if result.failed_calls == result.calls:
        result.fallback_reason = f"{result.calls} 次调用均失败：" + "；".join(p.lstrip("- ").removeprefix("调用失败：")
                                                                          for p in result.problems)  # fmt: skip
    else:
        result.fallback_reason = f"{result.attempts} 次尝试均未通过：" + "；".join(p.lstrip("- ") for p in result.problems)
    return False


# ---------------------------------------------------------------------------
# The whole draft


def run_paths(options: DraftOptions, config: LLMConfig) -> tuple[Path | None, Path | None]:
    """(run log, cache file) for a draft."""
    output = options.output
    log = output.with_name(output.stem + ".llm-run.jsonl") if output else None
    if config.cache == "off":
        return log, None
    if config.cache != "auto":
        return log, Path(config.cache).expanduser()
    folder = output.parent / ".evalreport-cache" if output else Path.home() / ".cache" / "evalreport"
    return log, folder / "llm.sqlite"


def _say(progress: Progress, text: str) -> None:
    if progress:
        progress(redact(text))


def _plans(evaluation: Evaluation, style: Style, offline: DraftReport, config: LLMConfig) -> list[Plan]:
    names = sorted({spec.prose for spec in style.walk() if spec.prose})
    prompts = {name: load_prompt(name, style.name) for name in names}
    units = prose_units(offline, style, evaluation, {n: p.split for n, p in prompts.items()})
    return [plan_unit(unit, prompts[unit.prompt], evaluation, style, config) for unit in units]


def dry_run(plans: list[Plan], config: LLMConfig, progress: Progress) -> None:
    """Per-section prompt tokens and estimated cost, no call."""
    model = config.model
    _say(progress, f"试运行（不调用模型）：模型 {model}，{len(plans)} 个章节，上下文预算每章节 {config.context_budget} token")
    total_in = total_out = 0
    for plan in plans:
        expected_out = int(sum(count_tokens(s.original, config.encoding) for s in plan.unit.slots) * 1.2) + 20
        total_in += plan.prompt_tokens
        total_out += expected_out
        cost = format_cost(config, model, estimate_cost(config, model, plan.prompt_tokens, expected_out))
        _say(progress, f"  {plan.unit.label}：{len(plan.unit.slots)} 段，提示词 {plan.prompt_tokens} token，"
                       f"预计输出约 {expected_out} token，{cost}")  # fmt: skip
    cost = format_cost(config, model, estimate_cost(config, model, total_in, total_out))
    _say(progress, f"合计：提示词 {total_in} token，预计输出约 {total_out} token，首稿{cost}（修改轮次另计，缓存命中不计费）")


def draft_with_llm(evaluation: Evaluation, options: DraftOptions, progress: Progress = None,
                   backend: Backend | None = None) -> DraftReport | None:  # fmt: skip
    """Draft with the chosen backend; None on a dry run (nothing called, nothing written)."""
    config = load_config(options.config, options.model)
    style = load_style(evaluation.style)
    offline = render_report(evaluation, style)
    plans = _plans(evaluation, style, offline, config)
    for plan in plans:
        if plan.trimmed:
            _say(progress, f"警告：“{plan.unit.label}”的材料超出上下文预算（{config.context_budget} token），"
                           f"已截断段落 {'、'.join(plan.trimmed)} 的材料；提示词现为 {plan.prompt_tokens} token")  # fmt: skip
    if options.dry_run:
        dry_run(plans, config, progress)
        return None
    name = options.backend or "openai"
    backend_cls = get_backend(name)
    if backend is None and backend_cls.needs_key and not api_key():  # asked for by name: do not quietly go offline
        raise missing_key_error(name)
    if backend is None:
        backend = backend_cls(config)
    log_path, cache_path = run_paths(options, config)
    log = RunLog(log_path)
    from langchain_core.globals import get_llm_cache, set_llm_cache

    previous_cache = get_llm_cache()
    if cache_path is not None and backend.needs_key:
        with warnings.catch_warnings():  # the package's sunset notice is for developers, not report writers
            warnings.simplefilter("ignore", DeprecationWarning)
            from langchain_community.cache import SQLiteCache

        cache_path.parent.mkdir(parents=True, exist_ok=True)
        set_llm_cache(SQLiteCache(database_path=str(cache_path)))
    started = time.perf_counter()
    try:
        return run_plans(evaluation, offline, plans, backend, config, log, progress, started, cache_path)
    finally:
        set_llm_cache(previous_cache)
        backend.close()
        log.close()


def run_plans(evaluation: Evaluation, offline: DraftReport, plans: list[Plan], backend: Backend, config: LLMConfig,
         log: RunLog, progress: Progress, started: float, cache_path: Path | None) -> DraftReport:  # fmt: skip
    base = urlsplit(config.base_url or "https://api.openai.com/v1")
    log.write("start", backend=backend.name, model=backend.model_name, server=base.hostname, style=offline.style,
              sections=len(plans), concurrency=config.concurrency, repairs=config.repairs,
              cache=str(cache_path) if cache_path else None)  # fmt: skip
    for plan in plans:
        if plan.trimmed:
            log.write("trim", section=plan.unit.label, slots=plan.trimmed, prompt_tokens=plan.prompt_tokens,
                      budget=config.context_budget)  # fmt: skip
    judge = Judge(offline, evaluation)
    if judge.baseline:
        _say(progress, f"警告：离线文本本身有 {sum(judge.baseline.values())} 处核查错误（来自数据），不计入模型文字的核查")
    _say(progress, f"使用 {backend.name} 后端、模型 {backend.model_name} 起草 {len(plans)} 个章节（并发 {config.concurrency}）")
    backend.notice = lambda text: _say(progress, text)
    results: dict[int, UnitResult] = {}
    with ThreadPoolExecutor(max_workers=config.concurrency) as pool:
        futures = {pool.submit(draft_unit, plan, backend, judge, config, log): i for i, plan in enumerate(plans)}
        for done, future in enumerate(as_completed(futures), 1):
            index = futures[future]
            result = future.result()
            results[index] = result
            _log_section(log, result)
            state = "通过" if not result.fallback else f"改用离线文本（{_readable(result.fallback_reason or '未通过核查')}）"
            repairs = f"，修改 {result.repairs} 次" if result.repairs else ""
            cached = "，缓存" if result.calls and result.cache_hits == result.calls else ""
            _say(progress, f"[{done}/{len(plans)}] {result.plan.unit.label}：{state}{repairs}{cached}")
    calls, failed = sum(r.calls for r in results.values()), sum(r.failed_calls for r in results.values())
    if calls and failed == calls:  # not one answer: the service is down or misconfigured, not having a bad moment
        _summary(results, config, backend, log, progress, time.perf_counter() - started)
        last = next(r.problems[-1] for r in results.values() if r.problems).lstrip("- ").removeprefix("调用失败：")
        log.write("stopped", reason=last)
        raise LLMError(f"模型服务 {base.geturl()} 的 {calls} 次调用全部失败（{last}）：请检查服务状态、模型名称与 OPENAI_BASE_URL，"
                       "或稍后重试；也可不用 --backend openai 而用离线文本起草。未写出报告")  # fmt: skip
    accepted = {i: (r.plan.unit, r.texts) for i, r in results.items() if r.texts is not None}
    if results and not accepted:  # answers came, none usable: a report of offline text only is not what was asked
        _summary(results, config, backend, log, progress, time.perf_counter() - started)
        log.write("stopped", reason="no answer passed")
        raise LLMError(f"模型 {backend.model_name} 的回答在全部 {len(results)} 个章节都未通过核查（原因见上面各章节的说明和运行日志），"
                       "未写出报告。请换用能力更强的模型、检查提示词模板，或不用 --backend openai 而用离线文本起草")  # fmt: skip
    report = _final_check(judge, accepted, results, log, progress)
    _summary(results, config, backend, log, progress, time.perf_counter() - started)
    return report


_SLOT = re.compile(r"段落 s(\d+)")
READABLE_MAX = 120


def _readable(reason: str) -> str:
    """A fallback reason for the progress line: the model's words (“段落 s3”, “<data>”) in the reader's, cut at a
    clause rather than mid-word (the run log keeps it whole)."""
    text = _SLOT.sub(lambda m: f"第{m.group(1)}段", reason).replace("<data>", "所给材料")
    if len(text) <= READABLE_MAX:
        return text
    cut = max(text.rfind(mark, 0, READABLE_MAX) for mark in "；，：")
    return text[: cut if cut > 0 else READABLE_MAX] + "……（详见运行日志）"


def _log_section(log: RunLog, r: UnitResult) -> None:
    log.write("section", section=r.plan.unit.label, prompt=r.plan.prompt.name, slots=len(r.plan.unit.slots),
              prompt_tokens=r.prompt_tokens, completion_tokens=r.completion_tokens, latency_s=round(r.latency, 3),
              attempts=r.attempts, repairs=r.repairs, calls=r.calls, http_requests=r.requests,
              cache_hit=bool(r.calls) and r.cache_hits == r.calls, cache_hits=r.cache_hits, fallback=r.fallback,
              fallback_reason=r.fallback_reason, trimmed=r.plan.trimmed)  # fmt: skip


def _final_check(judge: Judge, accepted: dict[int, tuple[ProseUnit, dict[str, str]]], results: dict[int, UnitResult],
                 log: RunLog, progress: Progress) -> DraftReport:  # fmt: skip
    """Check the assembled report; revert the units the checker still objects to until it has no new error."""
    while True:
        report = judge.with_units(accepted)
        errors = judge.new_errors(report)
        if not errors:
            log.write("final_check", errors=0, model_sections=len(accepted))
            return report
        guilty = set()
        for i, (unit, _) in accepted.items():
            texts = unit_paragraph_texts(report, unit)
            if any(f.excerpt and any(f.excerpt in t or t in f.excerpt for t in texts) for f in errors):
                guilty.add(i)
        guilty = guilty or set(accepted)
        if not guilty:  # only offline text left: cannot happen unless the checker contradicts the baseline
            log.write("final_check", errors=len(errors), model_sections=0)
            return report
        for i in guilty:
            unit, _ = accepted.pop(i)
            reason = "整篇核查未通过：" + "；".join(f.message for f in errors[:3])
            results[i].texts, results[i].fallback_reason = None, reason
            log.write("fallback", section=unit.label, stage="final_check", reason=reason)
            _say(progress, f"整篇核查：“{unit.label}”改用离线文本")


def _summary(results: dict[int, UnitResult], config: LLMConfig, backend: Backend, log: RunLog,
             progress: Progress, wall: float) -> None:  # fmt: skip
    rs = list(results.values())
    calls = sum(r.calls for r in rs)
    hits = sum(r.cache_hits for r in rs)
    p_in = sum(r.billed_prompt_tokens for r in rs)
    p_out = sum(r.billed_completion_tokens for r in rs)
    repairs = sum(r.repairs for r in rs)
    fallbacks = [r.plan.unit.label for r in rs if r.fallback]
    model = backend.model_name
    cost = estimate_cost(config, model, p_in, p_out) if backend.needs_key else None
    record = log.write("summary", model=model, sections=len(rs), calls=calls, cache_hits=hits,
                       http_requests=sum(r.requests for r in rs), prompt_tokens=p_in, completion_tokens=p_out,
                       estimated_cost=None if cost is None else round(cost, 6),
                       currency=(config.price_for(model).currency if config.price_for(model) else None),
                       repairs=repairs, fallbacks=len(fallbacks), fallback_sections=fallbacks,
                       unknown_usage=sum(r.unknown_usage for r in rs), wall_s=round(wall, 3))  # fmt: skip
    unknown = record["unknown_usage"]
    where = f"；运行日志 {log.path}" if log.path else ""
    unreported = f"（{unknown} 次回答未报告 token 用量，按 0 计，实际费用更高）" if unknown else ""
    _say(progress, f"模型 {model}：{len(rs)} 个章节，调用 {calls} 次（缓存命中 {hits} 次），提示词 {p_in} token，输出 {p_out} token，"
                   f"{format_cost(config, model, cost) if backend.needs_key else '无费用'}{unreported}；修改 {repairs} 次，{len(fallbacks)} 个章节改用离线文本；"
                   f"用时 {record['wall_s']} 秒{where}")  # fmt: skip
