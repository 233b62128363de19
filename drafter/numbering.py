"""Chinese heading numbers: 一、 （一） 1. （1）."""

from __future__ import annotations

import cn2an

DEFAULT_FORMATS = {1: "{cn}、", 2: "（{cn}）", 3: "{n}.", 4: "（{n}）"}


def chinese_numeral(n: int) -> str:
    """1 → 一, 12 → 十二 (cn2an writes 一十二 only in financial mode)."""
    return cn2an.an2cn(n, "low")


def format_number(level: int, index: int, formats: dict[int, str] | None = None) -> str:
    """The printed number token of the index-th (1-based) heading at a level."""
    template = (formats or DEFAULT_FORMATS).get(level, "{n}.")
    return template.format(cn=chinese_numeral(index), n=index)


def path_token(level: int, index: int) -> str:
    """The token used in a section's address: 四, （二）, 1., （1）."""
    return format_number(level, index).rstrip("、")
