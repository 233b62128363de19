"""House styles as data: prompts/styles/<name>/style.yaml holds the outline and the phrase templates."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML

from drafter.blocks import BlockKind, Params, validate_block
from drafter.context import PROJECT_VARIABLES
from drafter.numbering import DEFAULT_FORMATS
from drafter.phrases import StyleError, check_template

STYLES_DIR = Path(__file__).resolve().parent.parent / "prompts" / "styles"
DEFAULT_STYLE = "mof"


class SectionSpec(BaseModel):
    """One section of a style's outline."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str | None = None
    label: str | None = Field(None, description="不编号部分的中文名称（如 结果反馈书、附件），用于 evalreport styles 的列表")
    numbered: bool = True
    page_break_before: bool = False
    page_break_after: bool = False
    blocks: list[dict[str, Any]] = Field(default_factory=list)
    children: list[SectionSpec] = Field(default_factory=list)
    prose: str | None = Field(None, description="LLM 提示词模板名（prompts/styles/<样式>/prompts/<名>.yaml）")


class StyleSpec(BaseModel):
    """A house style file."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str
    title: list[str]
    numbering: dict[int, str] = Field(default_factory=lambda: dict(DEFAULT_FORMATS))
    prose_names: dict[str, str] = Field(default_factory=dict)
    detect: list[str] = Field(default_factory=list, description="已有报告中出现这些字样时，extract 推断为本样式")
    page_numbers_from: str | None = Field(
        None, description="页码从这一顶层章节（id）起编为第 1 页，之前的部分（结果反馈书、封面等）不印页码；缺省全篇编页码")
    sections: list[SectionSpec]


class Style:
    """A loaded, validated house style: every block spec checked and every phrase's variables known."""

    def __init__(self, spec: StyleSpec, folder: Path) -> None:
        self.spec = spec
        self.folder = folder
        self.blocks: dict[int, list[tuple[BlockKind, Params]]] = {}
        for template in spec.title:
            check_template(template, PROJECT_VARIABLES, f"样式 {spec.name} title")
        if spec.page_numbers_from and spec.page_numbers_from not in {s.id for s in spec.sections}:
            raise StyleError(f"{folder / 'style.yaml'}：page_numbers_from 写的“{spec.page_numbers_from}”不是顶层章节的 id；"
                             f"可用：{'、'.join(s.id for s in spec.sections)}")  # fmt: skip
        for section in self.walk():
            where = f"{folder / 'style.yaml'} 章节 {section.id}"
            if section.title:
                check_template(section.title, PROJECT_VARIABLES, where + " title")
            self.blocks[id(section)] = [validate_block(b, f"{where} blocks[{i}]") for i, b in enumerate(section.blocks)]

    @property
    def name(self) -> str:
        return self.spec.name

    def walk(self) -> list[SectionSpec]:
        out: list[SectionSpec] = []

        def visit(section: SectionSpec) -> None:
            out.append(section)
            for child in section.children:
                visit(child)

        for section in self.spec.sections:
            visit(section)
        return out


def available_styles() -> list[str]:
    return sorted(p.parent.name for p in STYLES_DIR.glob("*/style.yaml"))


@cache
def load_style(name: str | None) -> Style:
    """Load a style by name (default mof); an unknown or broken style is a StyleError in Chinese."""
    name = name or DEFAULT_STYLE
    path = STYLES_DIR / name / "style.yaml"
    if not path.exists():
        raise StyleError(f"未知的报告样式“{name}”。可用样式：{'、'.join(available_styles())}（见 evalreport styles）")
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception as exc:
        raise StyleError(f"样式文件 {path} 无法解析：{exc}") from None
    try:
        spec = StyleSpec.model_validate(data)
    except ValidationError as exc:
        raise StyleError(f"样式文件 {path} 结构有误：{exc}") from None
    return Style(spec, path.parent)


def detect_style(text: str) -> str | None:
    """The first style whose `detect` phrases all occur in a report's text (used by extract)."""
    for name in available_styles():
        phrases = load_style(name).spec.detect
        if phrases and all(phrase in text for phrase in phrases):
            return name
    return None


def style_reference() -> str:
    """docs/styles.md: how a house style file is built, every block kind with its parameters and variables."""
    from drafter.blocks import KINDS
    from drafter.context import INDICATOR_VARIABLES

    lines = [
        "# 报告样式（house style）参考",
        "",
        "本文件由 `evalreport styles --reference -o docs/styles.md` 从代码生成，请勿手工修改。",
        "",
        "样式是 `prompts/styles/<名称>/style.yaml` 中的数据：新增样式只需新建该文件（可复制现有样式修改），不需要改代码。",
        "顶层字段：`name`、`description`、`title`（报告标题短语）、`numbering`（各级编号格式，`{cn}` 中文数字、`{n}` 阿拉伯数字）、",
        "`prose_names`（一级指标在正文中的称呼，如 决策→项目决策）、`detect`（已有报告中出现这些字样时 extract 推断为本样式）、",
        "`page_numbers_from`（页码从这一顶层章节 id 起编为第 1 页，之前的反馈书、封面等不印页码；缺省全篇编页码）、",
        "`sections`（提纲）。每个章节有 `id`、`title`（有标题即自动编号；`numbered: false` 为不编号的前置或附件部分，"
        "可用 `label` 写它的中文名称）、",
        "`blocks`（按顺序生成的内容块）、`children`（下级章节）、`prose`（大模型提示词名）、`page_break_before/after`。",
        "",
        "短语用 `{变量}` 占位，可带格式（如 `{score:.2f}`）；引用了不存在的变量时，样式在加载时即报错。",
        "",
        "## 全部短语可用的项目变量",
        "",
        "、".join(f"`{v}`" for v in PROJECT_VARIABLES),
        "",
        "## 指标短语另可用的变量",
        "",
        "、".join(f"`{v}`" for v in INDICATOR_VARIABLES),
        "",
        "## 内容块",
    ]
    for name, block_kind in sorted(KINDS.items()):
        lines += ["", f"### `{name}`", "", block_kind.help or block_kind.doc, "", "| 参数 | 缺省值 |", "|---|---|"]
        for field, info in block_kind.params.model_fields.items():
            default = "（必填）" if info.is_required() else f"`{info.default!r}`".replace("|", "｜")
            lines.append(f"| `{field}` | {default} |")
        for field, allowed in block_kind.templates.items():
            extra = [v for v in allowed if v not in PROJECT_VARIABLES]
            if extra:
                lines.append(f"\n`{field}` 另可用：" + "、".join(f"`{v}`" for v in extra))
    return "\n".join(lines).rstrip() + "\n"
