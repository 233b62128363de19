"""Phrase templates of a house style: `{variable}` placeholders, checked before anything is rendered."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import Any


class StyleError(Exception):
    """A house style that cannot be used; the message is Chinese and names the file and key."""


_FORMATTER = string.Formatter()


def variables_of(template: str) -> set[str]:
    """The variable names a template uses ({budget}, {score:.2f} → budget, score)."""
    names: set[str] = set()
    try:
        for _, field_name, _, _ in _FORMATTER.parse(template):
            if field_name:
                names.add(field_name.split(".")[0].split("[")[0])
    except ValueError as exc:
        raise StyleError(f"短语“{template}”的花括号不成对：{exc}") from None
    return names


def check_template(template: str, allowed: Iterable[str], where: str) -> None:
    """Fail loudly when a template names a variable its context does not provide."""
    unknown = variables_of(template) - set(allowed)
    if unknown:
        names = "、".join(sorted(unknown))
        choices = "、".join(sorted(allowed))
        raise StyleError(f"{where}：短语使用了未知变量 {names}。可用变量：{choices}")


def nest_quotes(text: str) -> str:
    """Quotes inside quotes as GB/T 15834 has them: “地下水“双源”监管项目” → “地下水‘双源’监管项目” (a name quoted by a
    phrase that already quotes a word of its own)."""
    if text.count("“") < 2 or text.count("“") != text.count("”"):
        return text  # (quotes left open somewhere: which one nests is not known)
    out, depth = [], 0
    for ch in text:
        if ch == "“":
            out.append("‘" if depth % 2 else "“")
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            out.append("’" if depth % 2 else "”")
        else:
            out.append(ch)
    return "".join(out)


def fill(template: str, values: Mapping[str, Any], where: str = "") -> str:
    """Render a template; a missing variable is an error, never an empty string."""
    try:
        return nest_quotes(template.format_map(values))
    except KeyError as exc:
        raise StyleError(f"{where}：短语“{template}”缺少变量 {exc.args[0]}") from None
    except (ValueError, TypeError) as exc:
        raise StyleError(f"{where}：短语“{template}”无法填写：{exc}") from None


def all_empty(template: str, values: Mapping[str, Any]) -> bool:
    """A template with variables, every one of them empty (“编号：{feedback_no}” with no number): a line that would
    print a label and nothing after it."""
    names = variables_of(template)
    return bool(names) and all(values.get(name) in ("", None) for name in names)
