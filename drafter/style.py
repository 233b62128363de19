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
    sections: list[SectionSpec]


class Style:
    """A loaded, validated house style: every block spec checked and every phrase's variables known."""

    def __init__(self, spec: StyleSpec, folder: Path) -> None:
        self.spec = spec
        self.folder = folder
        self.blocks: dict[int, list[tuple[BlockKind, Params]]] = {}
        for template in spec.title:
            check_template(template, PROJECT_VARIABLES, f"样式 {spec.name} title")
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
        raise StyleError(f"未知的报告样式 {name!r}。可用样式：{'、'.join(available_styles())}（见 evalreport styles）")
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
