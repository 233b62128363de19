"""Prompt templates as data: prompts/styles/<style>/prompts/<name>.yaml, else the shared prompts/llm/<name>.yaml.

Each file holds LangChain chat messages ([role, template] pairs, f-string placeholders). `_common.yaml` gives the
system message every section starts with and the repair message; a style folder may override any file.
Variables are validated when a template is loaded (unknown names) and before any call (missing values).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage
from langchain_core.prompts import ChatPromptTemplate
from ruamel.yaml import YAML

from drafter.llm import LLMError
from drafter.llm.config import PROMPTS_DIR

SHARED_DIR = PROMPTS_DIR / "llm"
STYLES_DIR = PROMPTS_DIR / "styles"

# Variables the flow provides to section templates, and to the repair template.
SECTION_VARIABLES = (
    "project_name", "called", "year", "region", "unit", "department", "style_name", "style_description",
    "section_title", "data", "keys", "slot_count",
)  # fmt: skip
REPAIR_VARIABLES = ("findings", "keys", "section_title")
ROLES = {"system", "human", "ai"}


@dataclass
class SectionPrompt:
    """A section's templates: the messages of the first draft and the repair message."""

    name: str
    path: Path
    draft: ChatPromptTemplate
    repair: ChatPromptTemplate
    split: str = "none"
    description: str = ""

    def draft_messages(self, values: dict[str, Any]) -> list[BaseMessage]:
        require(self.draft, values, self.path)
        return self.draft.format_messages(**{k: values[k] for k in self.draft.input_variables})

    def repair_messages(self, values: dict[str, Any]) -> list[BaseMessage]:
        require(self.repair, values, self.path)
        return self.repair.format_messages(**{k: values[k] for k in self.repair.input_variables})


def require(template: ChatPromptTemplate, values: dict[str, Any], path: Path) -> None:
    """A missing variable is a clear error before any call."""
    missing = [v for v in template.input_variables if v not in values or values[v] is None]
    if missing:
        raise LLMError(f"提示词模板 {path} 需要变量 {'、'.join(missing)}，但起草时未提供；请检查模板或程序版本")


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except Exception as exc:
        raise LLMError(f"提示词文件 {path} 无法解析：{exc}") from None
    if not isinstance(data, dict):
        raise LLMError(f"提示词文件 {path} 应为 YAML 映射")
    return data


def _find(name: str, style: str) -> Path | None:
    for folder in (STYLES_DIR / style / "prompts", SHARED_DIR):
        path = folder / f"{name}.yaml"
        if path.exists():
            return path
    return None


def _template(messages: Any, path: Path, allowed: tuple[str, ...], what: str) -> ChatPromptTemplate:
    if not isinstance(messages, list) or not messages:
        raise LLMError(f"提示词文件 {path} 的 {what} 应为 [角色, 模板] 列表")
    pairs: list[tuple[str, str]] = []
    for i, item in enumerate(messages):
        if not (isinstance(item, list) and len(item) == 2 and item[0] in ROLES and isinstance(item[1], str)):
            raise LLMError(f"提示词文件 {path} 的 {what}[{i}] 应为 [system|human|ai, 文本]")
        pairs.append((item[0], item[1]))
    try:
        template = ChatPromptTemplate.from_messages(pairs, template_format="f-string")
    except Exception as exc:
        raise LLMError(f"提示词文件 {path} 的 {what} 不是有效模板（花括号须成对，字面花括号写作 {{{{ }}}}）：{exc}") from None
    unknown = sorted(set(template.input_variables) - set(allowed))
    if unknown:
        raise LLMError(f"提示词文件 {path} 的 {what} 使用了未知变量 {'、'.join(unknown)}；可用变量：{'、'.join(allowed)}")
    return template


@cache
def load_prompt(name: str, style: str) -> SectionPrompt:
    """The section prompt `name` for a style, with the common system and repair messages."""
    path = _find(name, style)
    if path is None:
        raise LLMError(f"样式 {style} 的章节使用提示词 {name!r}，但 {STYLES_DIR / style / 'prompts'} 与 {SHARED_DIR} 中都没有 {name}.yaml")
    common_path = _find("_common", style)
    if common_path is None:
        raise LLMError(f"缺少公共提示词文件 {SHARED_DIR / '_common.yaml'}")
    common = _load_yaml(common_path)
    if common_path.parent != SHARED_DIR and (SHARED_DIR / "_common.yaml").exists():
        common = {**_load_yaml(SHARED_DIR / "_common.yaml"), **common}
    spec = _load_yaml(path)
    extra = set(spec) - {"description", "split", "messages", "system"}
    if extra:
        raise LLMError(f"提示词文件 {path} 有未知的键 {'、'.join(sorted(extra))}（可用：description、split、system、messages）")
    split = spec.get("split", "none")
    if split not in ("none", "children"):
        raise LLMError(f"提示词文件 {path} 的 split 只能是 none 或 children")
    system = spec.get("system", common.get("system"))
    messages = ([["system", system]] if system else []) + list(spec.get("messages") or [])
    draft = _template(messages, path, SECTION_VARIABLES, "messages")
    repair = _template(common.get("repair"), common_path, REPAIR_VARIABLES, "repair")
    return SectionPrompt(name, path, draft, repair, split, str(spec.get("description", "")))
