"""Sums a report writes out in full: “195+68+52+14=329平方米”, “合计329平方米=195+68+52+14”, and a total followed by
every one of its items (“合计329平方米（驿站195平方米、公厕68平方米、管理用房52平方米、设备间14平方米）”, “合计329平方米，
分别为……”): the items must add up to the total exactly (to the total's decimals)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checkers.figures import UNITS, Figure, extract_figures, round_half_up

_UNIT = "|".join(sorted((re.escape(u) for u in UNITS if u not in ("分",)), key=len, reverse=True))
_NUMBER = r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?"
_TERM = rf"(?:{_NUMBER})\s*(?:{_UNIT})?"
_PLUS = r"\s*[+＋]\s*"
_EQUALS = r"\s*[=＝]\s*"
# “195+68+52+14=329平方米” (a 减 in it: “送审−审定=核减” is the audit rule's), “329平方米=195+68+52+14”
TERMS_FIRST = re.compile(rf"(?P<terms>{_TERM}(?:{_PLUS}{_TERM})+){_EQUALS}(?P<total>{_TERM})(?![\d.+＋×*÷/])")
TOTAL_FIRST = re.compile(rf"(?P<total>{_TERM}){_EQUALS}(?P<terms>{_TERM}(?:{_PLUS}{_TERM})+)(?![\d.×*÷/])")
# a total (合计/共计/总计/共, with what was done between: “合计完成路面及人行道改造33,840平方米”) and, right after it, every
# item named with the same unit: in brackets or “，分别为……”
TOTAL_THEN_ITEMS = re.compile(
    rf"(?:合计|共计|总计)[\u4e00-\u9fff]{{0,12}}?(?:为)?\s*(?P<total>{_TERM})\s*(?:[（(](?P<bracketed>[^（()）]{{4,200}})[）)]"
    rf"|[，,]\s*(?:分别为|分别是|包括|即)[：:]?(?P<listed>[^。；;]{{4,200}}))"
)
_ITEM = re.compile(rf"^[\u4e00-\u9fff“”\"]{{1,16}}(?:为|约)?\s*(?P<figure>{_TERM})$")
_ITEM_SPLIT = re.compile(r"[、，；;]|,(?!\d{3})")
NOT_WHOLE = re.compile(r"等|其余|其他|其它|另有|以上|以下|约|左右|余|超过|不足|每|均|其中")


@dataclass
class WrittenSum:
    """A written-out sum that does not add up: where it starts in the text, the words, the total and the items' sum."""

    start: int
    words: str
    stated: str
    computed: Decimal
    unit: str


def _figure(term: str) -> Figure | None:
    """The one figure a term of a sum states (“195”, “339平方米”, “1,089.36万元”), None when it is not one."""
    figures = extract_figures(term)
    return figures[0] if len(figures) == 1 else None


def _slip(start: int, words: str, total: str, terms: list[str]) -> WrittenSum | None:
    """The slip of a total and its items (None when they add up, or when units differ: no sum to judge)."""
    stated, items = _figure(total), [_figure(term) for term in terms]
    if stated is None or None in items or stated.unit == "%":
        return None
    units = {f.unit for f in items if f.unit}
    if len(units) > 1 or (units and stated.unit and units != {stated.unit}):
        return None
    computed = sum((f.value for f in items), Decimal(0))
    if round_half_up(computed, max(-stated.value.as_tuple().exponent, 0)) == stated.value:
        return None
    return WrittenSum(start, words, total.strip(), computed, stated.unit or next(iter(units), ""))


def _items(text: str) -> list[str] | None:
    """The figures of a list of named items (“驿站195平方米、公厕68平方米”); None when it is not such a list."""
    if NOT_WHOLE.search(text):
        return None
    figures = []
    for part in _ITEM_SPLIT.split(text.strip()):
        m = _ITEM.match(part.strip())
        if m is None:
            return None
        figures.append(m.group("figure"))
    return figures if len(figures) >= 2 else None


def written_sum_slips(text: str) -> list[WrittenSum]:
    """Every written-out sum in ``text`` that does not add up."""
    out: list[WrittenSum] = []
    if "+" in text or "＋" in text:
        for pattern in (TERMS_FIRST, TOTAL_FIRST):
            for m in pattern.finditer(text):
                terms = re.split(_PLUS, m.group("terms"))
                slip = _slip(m.start(), m.group(0), m.group("total"), terms)
                if slip is not None and all(s.start != slip.start for s in out):
                    out.append(slip)
    for m in TOTAL_THEN_ITEMS.finditer(text) if ("合计" in text or "共计" in text or "总计" in text) else ():
        listed = m.group("bracketed") or m.group("listed")
        items = _items(listed)
        if items is None:
            continue
        total = _figure(m.group("total"))
        if total is None or not total.unit or any((f := _figure(i)) is None or f.unit != total.unit for i in items):
            continue  # (each item with the total's unit: “合计5处（3处……）” may count something else)
        slip = _slip(m.start(), m.group(0), m.group("total"), items)
        if slip is not None:
            out.append(slip)
    return out
