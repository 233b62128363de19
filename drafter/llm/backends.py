"""Backends, registered by name like the plugins of simonw/llm: `offline` is one like any other, `openai` is ChatOpenAI.

A backend turns chat messages into a Completion (text, token usage, cache hit, HTTP requests made).
"""

from __future__ import annotations

import json
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from langchain_core.caches import BaseCache
from langchain_core.messages import BaseMessage

from drafter.llm import LLMError
from drafter.llm.config import LLMConfig, api_key

if TYPE_CHECKING:
    from drafter.llm.units import ProseUnit


@dataclass
class Completion:
    """One model answer and what it cost."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hit: bool = False
    requests: int = 0
    latency: float = 0.0
    usage_known: bool = True  # False when the server's answer said nothing of its tokens (counted as 0)
    cut_off: bool = False  # the answer stopped at the output limit (finish_reason “length”): not a whole answer


class CallFailed(Exception):
    """A call that produced no answer (timeout, rate limit after retries, server error); the attempt counts as failed."""

    def __init__(self, reason: str, requests: int = 0, latency: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.requests = requests
        self.latency = latency


class RefreshingCache(BaseCache):
    """A cache that never answers a lookup but writes what the service answers into ``cache``."""

    def __init__(self, cache: BaseCache) -> None:
        self.cache = cache

    def lookup(self, prompt: str, llm_string: str) -> None:
        return None

    def update(self, prompt: str, llm_string: str, return_val) -> None:
        self.cache.update(prompt, llm_string, return_val)

    def clear(self, **kwargs) -> None:
        self.cache.clear(**kwargs)


class Backend(ABC):
    """A way to get prose for a unit's messages."""

    name: ClassVar[str]
    needs_key: ClassVar[bool] = False
    description: ClassVar[str] = ""

    def __init__(self, config: LLMConfig) -> None:
        self.config = config
        self.notice: Callable[[str], None] | None = None  # says what the user waits for (a retry after 429)

    @property
    def model_name(self) -> str:
        return self.config.model

    @abstractmethod
    def complete(self, messages: list[BaseMessage], unit: ProseUnit, fresh: bool = False) -> Completion:
        """Answer the messages (may raise CallFailed); ``fresh`` asks the service again instead of the cache."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""


BACKENDS: dict[str, type[Backend]] = {}


def register(cls: type[Backend]) -> type[Backend]:
    """Class decorator: make a backend available to --backend by its name."""
    BACKENDS[cls.name] = cls
    return cls


def get_backend(name: str) -> type[Backend]:
    if name not in BACKENDS:
        raise LLMError(f"未知的起草后端 {name!r}。可用：{'、'.join(sorted(BACKENDS))}")
    return BACKENDS[name]


@register
class OfflineBackend(Backend):
    """Answers with the offline renderer's own slot texts: no call, no tokens (the flow's reference backend)."""

    name = "offline"
    description = "离线渲染器（不调用模型）"

    @property
    def model_name(self) -> str:
        return "offline"

    def complete(self, messages: list[BaseMessage], unit: ProseUnit, fresh: bool = False) -> Completion:
        return Completion(json.dumps({s.key: s.original for s in unit.slots}, ensure_ascii=False))


@register
class OpenAIBackend(Backend):
    """Any OpenAI-compatible chat completions server through LangChain's ChatOpenAI (OpenAI, DeepSeek, Qwen, vLLM, Ollama)."""

    name = "openai"
    needs_key = True
    description = "OpenAI 兼容接口（ChatOpenAI）"

    def __init__(self, config: LLMConfig) -> None:
        super().__init__(config)
        import httpx
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        key = api_key()
        if not key:
            raise LLMError("未设置环境变量 OPENAI_API_KEY；本地服务（vLLM、Ollama）也须设置任意非空值")
        self._local = threading.local()
        self._answered = False  # a call of this run has been answered: the server is reachable
        # Count the HTTP requests of each call (retries included; none on a cache hit) in the calling thread.
        self._http = httpx.Client(event_hooks={"request": [self._count_request], "response": [self._say_retry]})
        kwargs: dict = {}
        if config.json_mode:
            kwargs["model_kwargs"] = {"response_format": {"type": "json_object"}}
        self.chat = ChatOpenAI(
            model=config.model,
            api_key=SecretStr(key),
            base_url=config.base_url,
            temperature=config.temperature,
            timeout=config.timeout,
            max_retries=config.max_retries,
            max_tokens=config.max_output_tokens,
            http_client=self._http,
            use_responses_api=False,
            **kwargs,
        )

    def _refreshing(self):
        """The chat model asking the service even when the cache holds an answer, and keeping the new answer in the
        cache in place of the old one (so the next run replays it)."""
        from langchain_core.globals import get_llm_cache

        cache = get_llm_cache()
        return self.chat.model_copy(update={"cache": RefreshingCache(cache) if cache is not None else False})

    def _count_request(self, request: object) -> None:
        self._local.requests = getattr(self._local, "requests", 0) + 1

    def _say_retry(self, response) -> None:
        """Tell the user a rate limit or a server fault will be retried, and after how long when the server says so
        (the openai client waits silently)."""
        code = response.status_code
        tried = getattr(self._local, "requests", 1)
        if self.notice is None or code < 400 or tried > self.config.max_retries or not _will_retry(self.chat, response):
            return
        wait = _retry_after(response.headers)
        what = "限流" if code == 429 else "暂时出错"
        when = "稍后" if wait is None else "1 秒内" if wait < 1 else f"约 {wait:g} 秒后"
        self.notice(f"模型服务{what}（HTTP {code}），{when}自动重试（第 {tried} 次，最多 {self.config.max_retries} 次）")

    def complete(self, messages: list[BaseMessage], unit: ProseUnit, fresh: bool = False) -> Completion:
        import openai

        self._local.requests = 0
        start = time.perf_counter()
        try:
            answer = (self._refreshing() if fresh else self.chat).invoke(messages)
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise LLMError(f"模型服务拒绝了密钥（HTTP {exc.status_code}）：请检查 OPENAI_API_KEY 与 OPENAI_BASE_URL") from None
        except openai.NotFoundError:
            raise LLMError(f"模型服务找不到模型 {self.config.model} 或接口地址有误：请检查 --model 与 OPENAI_BASE_URL") from None
        except openai.APITimeoutError:
            raise CallFailed("请求超时", self._local.requests, time.perf_counter() - start) from None
        except openai.RateLimitError:
            tried = "重试后仍失败" if self._local.requests > 1 else "服务要求不再重试"
            raise CallFailed(f"限流（HTTP 429），{tried}", self._local.requests, time.perf_counter() - start) from None
        except openai.APIConnectionError:
            server = self.chat.openai_api_base or "https://api.openai.com/v1"
            if not self._answered:  # nothing got through: a wrong address or no network, not a passing fault
                raise LLMError(f"无法连接模型服务 {server}（已重试 {self.config.max_retries} 次）：请检查 OPENAI_BASE_URL"
                               "（或配置文件中的 base_url）是否写对、网络是否可用；本地服务（vLLM、Ollama）请确认已启动。"
                               "未写出报告") from None  # fmt: skip
            raise CallFailed(f"无法连接模型服务 {server}", self._local.requests, time.perf_counter() - start) from None
        except openai.APIStatusError as exc:
            raise CallFailed(f"服务端错误（HTTP {exc.status_code}）", self._local.requests,
                             time.perf_counter() - start) from None  # fmt: skip
        except (openai.APIResponseValidationError, ValueError, KeyError, TypeError, AttributeError):
            # HTTP 200 with a body that is no chat completion (a proxy's error page, a cut-off answer)
            raise CallFailed("服务返回的内容不是有效的聊天补全回答", self._local.requests,
                             time.perf_counter() - start) from None  # fmt: skip
        latency = time.perf_counter() - start
        self._answered = True
        usage = answer.usage_metadata or {}
        requests = self._local.requests
        split = int(usage.get("input_tokens", 0)) + int(usage.get("output_tokens", 0))
        known = (answer.usage_metadata is not None and split > 0) or requests == 0  # (only total_tokens: unknown split)
        content = answer.content if isinstance(answer.content, str) else answer.text
        return Completion(
            text=content or "",
            prompt_tokens=int(usage.get("input_tokens", 0)),
            completion_tokens=int(usage.get("output_tokens", 0)),
            cache_hit=requests == 0,
            requests=requests,
            latency=latency,
            usage_known=known,
            cut_off=(answer.response_metadata or {}).get("finish_reason") == "length",
        )

    def close(self) -> None:
        self._http.close()


def _will_retry(chat, response) -> bool:
    """Whether the openai client will retry this response: its own decision (x-should-retry, a Retry-After beyond
    what it honours, the status code), or the status codes it retries when that cannot be asked."""
    client = getattr(chat, "root_client", None)
    decide = getattr(client, "_should_retry", None)
    if decide is not None:
        try:
            return bool(decide(response))
        except Exception:  # noqa: BLE001 (a private method of another version: fall back to the codes)
            pass
    return response.headers.get("x-should-retry") != "false" and (response.status_code in (408, 409, 429)
                                                                  or response.status_code >= 500)  # fmt: skip


def _retry_after(headers) -> float | None:
    """Seconds the server asks to wait (retry-after-ms, or retry-after in seconds), when the openai client honours
    it (more than 0, at most two minutes; otherwise it backs off for a few seconds on its own)."""
    for name, scale in (("retry-after-ms", 1000), ("retry-after", 1)):
        try:
            seconds = float(headers.get(name, "")) / scale
        except ValueError:
            continue
        if 0 < seconds <= MAX_HONOURED_WAIT:
            return round(seconds) if seconds >= 1 else seconds
    return None


MAX_HONOURED_WAIT = 120  # seconds: the longest Retry-After the openai client waits for (MAX_RETRY_AFTER_DELAY)


BackendFactory = Callable[[LLMConfig], Backend]
