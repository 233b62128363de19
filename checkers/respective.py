"""Sentences giving several indicators' figures at once, in the order of their names:
“决策、过程、产出、效益四类指标权重分别为20分、20分、30分、30分，得分分别为17分、18分、27分、28分，
得分率分别为85%、90%、90%、93.33%”."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

LIST_RE = re.compile(
    r"(?P<what>权重|分值|满分|总分|标准分|(?:实际)?得分率|(?:实际)?得分)(?:分别|依次)(?:为|是)?\s*"
    r"(?P<values>\d+(?:\.\d+)?\s*(?:分|[%％])?(?:\s*[、和及与]\s*\d+(?:\.\d+)?\s*(?:分|[%％])?)+)"
)
_VALUE = re.compile(r"\d+(?:\.\d+)?")
_NAMES_END = re.compile(r"[，,：:；;。]")
_NAMES_TRIM = re.compile(
    r"(?:等)?(?:[一二三四五六七八九十两\d]+\s*(?:个|类|项|大|部分)?)?(?:一级|二级|三级)?(?:指标|方面|部分)?(?:的)?\s*$"
)
_NAMES_LEAD = re.compile(r"^\s*(?:其中|分别是|即|本项目|该项目|项目的)\s*")
_NAME_SPLIT = re.compile(r"[、和及与]")
_NAME = re.compile(r"[A-Z]?\d{0,3}[.．、]?[\u4e00-\u9fff]{1,12}")


@dataclass(frozen=True)
class Listed:
    """One name of such a sentence with its weight, score and score rate (each None when the sentence lacks it)."""

    name: str
    weight: Decimal | None
    score: Decimal | None
    rate: Decimal | None
    start: int  # where the sentence's first list opens (for the excerpt)


def listed_figures(sentence: str) -> list[Listed]:
    """Each name of a “……分别为……” sentence with its figures; empty when names and values cannot be paired."""
    if "分别" not in sentence and "依次" not in sentence:
        return []
    sentence = sentence.replace("分别得分", "得分分别").replace("依次得分", "得分依次")  # “分别得分13.5分、22分”
    lists = list(LIST_RE.finditer(sentence))
    if not lists:
        return []
    names = _names(sentence[: lists[0].start()])
    if len(names) < 2:
        return []
    columns: dict[str, list[Decimal]] = {}
    for match in lists:
        values = [Decimal(v) for v in _VALUE.findall(match.group("values"))]
        if len(values) != len(names):
            return []  # the lists do not pair one to one: leave the sentence alone
        what = match.group("what").removeprefix("实际")
        kind = "rate" if what == "得分率" else "score" if what == "得分" else "weight"
        columns.setdefault(kind, values)
    empty = [None] * len(names)
    return [
        Listed(name, weight, score, rate, lists[0].start())
        for name, weight, score, rate in zip(
            names, columns.get("weight", empty), columns.get("score", empty), columns.get("rate", empty), strict=True
        )
    ]


def _names(head: str) -> list[str]:
    """“其中，决策、过程、产出和效益四类指标” → [决策, 过程, 产出, 效益]; empty when a part is no name."""
    clause = _NAMES_END.split(head)[-1]
    clause = _NAMES_TRIM.sub("", _NAMES_LEAD.sub("", clause))
    names = [name.strip() for name in _NAME_SPLIT.split(clause)]
    return names if all(_NAME.fullmatch(name) for name in names) else []
