"""Word's automatic list numbering: the labels (“一、”, “（一）”, “1.”) Word shows before numbered paragraphs.

Headings numbered by a multi-level list (``w:numPr`` on the paragraph or its style, levels in ``numbering.xml``)
hold no “一、” in their text; the reader puts the label Word would show in front, counted in document order, so
sections, report splitting and the numbering rule see what the reader of the printed report sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import cn2an
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

W_NUMPR = qn("w:numPr")
W_NUMID = qn("w:numId")
W_ILVL = qn("w:ilvl")
W_PPR = qn("w:pPr")
W_PSTYLE = qn("w:pStyle")
W_VAL = qn("w:val")
W_ABSTRACT = qn("w:abstractNum")
W_ABSTRACT_ID = qn("w:abstractNumId")
W_NUM = qn("w:num")
W_LVL = qn("w:lvl")
W_START = qn("w:start")
W_NUMFMT = qn("w:numFmt")
W_LVLTEXT = qn("w:lvlText")
W_OVERRIDE = qn("w:lvlOverride")
W_START_OVERRIDE = qn("w:startOverride")
W_RESTART = qn("w:lvlRestart")
W_LEGAL = qn("w:isLgl")
W_STYLE_LINK = qn("w:styleLink")
W_NUM_STYLE_LINK = qn("w:numStyleLink")

_PLACEHOLDER = re.compile(r"%([1-9])")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


COUNTER_MAX = 9999  # no report numbers this far; a larger value (a broken start) is written in digits


def format_number(n: int, fmt: str) -> str:
    """A counter value in a ``w:numFmt`` (decimal, chineseCounting, upperRoman, decimalEnclosedCircle…)."""
    if not -COUNTER_MAX <= n <= COUNTER_MAX:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographDigital", "koreanCounting"):  # fmt: skip
        return cn2an.an2cn(n, "low") if n > 0 else "〇"
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return cn2an.an2cn(n, "up")
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n) if fmt == "upperLetter" else _letters(n).lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int
    fmt: str
    text: str
    style: str | None
    restart: int | None = None  # w:lvlRestart: 0 never restarts; n restarts after level n (1-based); None: any above
    legal: bool = False  # w:isLgl: every level shown in Arabic numerals (“1.1”)


@dataclass
class _Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * 9)
    starts: dict[int, int] = field(default_factory=dict)  # restart values a list instance overrides


def _int(el: _Element | None, default: int, attribute: str = W_VAL) -> int:
    """An element's integer attribute (``w:val`` unless named), or ``default``."""
    try:
        return int(el.get(attribute)) if el is not None else default
    except (TypeError, ValueError):
        return default


USED_STYLE = re.compile(rb'<w:pStyle\s+w:val="([^"]*)"')  # the paragraph styles a document uses


class ListNumbering:
    """Counts the numbered paragraphs of one document in order and gives each its label."""

    def __init__(self, numbering: _Element, style_numbers: StyleNumbers) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}  # abstract id → the list style it takes its levels from (w:numStyleLink)
        by_style: dict[str, str] = {}  # list style → the abstract defining it (w:styleLink)
        for abstract in numbering.iterchildren(W_ABSTRACT):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(W_LVL):
                text, fmt, style, restart = lvl.find(W_LVLTEXT), lvl.find(W_NUMFMT), lvl.find(W_PSTYLE), lvl.find(W_RESTART)
                levels[_int(lvl, 0, W_ILVL)] = _Level(
                    _int(lvl.find(W_START), 1), fmt.get(W_VAL, "decimal") if fmt is not None else "decimal",
                    text.get(W_VAL, "") if text is not None else "", style.get(W_VAL) if style is not None else None,
                    _int(restart, 0) if restart is not None else None, lvl.find(W_LEGAL) is not None,
                )  # fmt: skip
            abstract_id = abstract.get(W_ABSTRACT_ID, "")
            self.abstracts[abstract_id] = levels
            for tag, table in ((W_NUM_STYLE_LINK, links), (W_STYLE_LINK, by_style)):
                link = abstract.find(tag)
                if link is not None:
                    if table is links:
                        links[abstract_id] = link.get(W_VAL, "")
                    else:
                        by_style[link.get(W_VAL, "")] = abstract_id
        for abstract_id, style in links.items():  # a list defined through a list style: its levels are that style's
            if not self.abstracts[abstract_id] and style in by_style:
                self.abstracts[abstract_id] = self.abstracts[by_style[style]]
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        for num in numbering.iterchildren(W_NUM):
            abstract = num.find(W_ABSTRACT_ID)
            overrides = {_int(o, 0, W_ILVL): _int(o.find(W_START_OVERRIDE), 1)
                         for o in num.iterchildren(W_OVERRIDE) if o.find(W_START_OVERRIDE) is not None}  # fmt: skip
            self.nums[num.get(qn("w:numId"), "")] = (abstract.get(W_VAL, "") if abstract is not None else "", overrides)
        self.style_numbers = style_numbers
        self.styled_headings = True  # the document gives its headings heading styles (numbered lists are body text)
        self._counters: dict[str, _Counters] = {}
        self._used: set[str] = set()

    @classmethod
    def for_document(cls, numbering_blob: bytes | None, style_numbers: StyleNumbers, main_blob: bytes,
                     headings: dict[str, int]) -> ListNumbering | None:  # fmt: skip
        """The document's numbering, or None when no paragraph of ``main_blob`` can carry a list label: none numbered
        directly (``w:numPr``) or by a numbered style (list styles such as “List Number” aside) it uses."""
        if not numbering_blob:
            return None
        candidates = set(style_numbers.own) | {sid for sid in headings if style_numbers.get(sid)}
        used = {sid.decode() for sid in USED_STYLE.findall(main_blob)}  # (Chinese Word names 标题 1 “1”: w:val="1" is
        if b"numPr" not in main_blob and not candidates & used:        # also every w:ilvl of level 1)
            return None
        try:
            root = etree.fromstring(numbering_blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return None
        numbering = cls(root, style_numbers)
        numbering.styled_headings = any(sid in used for sid, level in headings.items() if level)
        return numbering

    def restarted(self) -> ListNumbering:
        """The same lists with every counter back at its start (for another walk over the document)."""
        copy = object.__new__(ListNumbering)
        copy.__dict__.update(self.__dict__, _counters={}, _used=set())
        return copy

    def label(self, p: _Element) -> str:
        """The label Word shows before paragraph ``p`` (advancing the counters), or "" when it is not numbered."""
        ppr = p.find(W_PPR)
        if ppr is None:
            return ""
        style_el = ppr.find(W_PSTYLE)
        style = style_el.get(W_VAL) if style_el is not None else None
        num_id, ilvl = self.style_numbers.get(style) or (None, None)
        numpr = ppr.find(W_NUMPR)
        if numpr is not None:
            own_id, own_level = numpr.find(W_NUMID), numpr.find(W_ILVL)
            if own_id is not None:
                num_id = own_id.get(W_VAL)
            if own_level is not None:
                ilvl = _int(own_level, 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstracts.get(abstract_id)
        if not levels:
            return ""
        if ilvl is None:  # a style linked to a level of the list (w:lvl/w:pStyle)
            ilvl = next((i for i, lvl in levels.items() if style and lvl.style == style), 0)
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet" or not 0 <= ilvl < 9:
            return ""  # (Word has nine list levels: another is a broken file's)
        counters = self._counters.setdefault(abstract_id, _Counters())
        if num_id not in self._used:
            self._used.add(num_id)
            for overridden, start in overrides.items():  # this list instance restarts those levels
                counters.starts[overridden] = start
                for deeper in range(overridden, 9):
                    counters.values[deeper] = None
        current = counters.values[ilvl]
        counters.values[ilvl] = current + 1 if current is not None else counters.starts.get(ilvl, level.start)
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl < restart):
                counters.values[deeper] = None

        def value(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            shown = levels.get(k)
            if shown is None:
                return ""
            n = counters.values[k] if counters.values[k] is not None else counters.starts.get(k, shown.start)
            return str(n) if level.legal and shown.fmt != "none" else format_number(n, shown.fmt)

        return _PLACEHOLDER.sub(value, level.text)


class StyleNumbers:
    """Paragraph style id → (numId, ilvl) of the list numbering its paragraphs, following basedOn (looked up on
    demand: most documents never ask)."""

    def __init__(self, own: dict[str, tuple[str | None, int | None]], based: dict[str, str | None]) -> None:
        self.own, self.based = own, based  # the styles carrying a w:numPr themselves; every style's base style
        self._resolved: dict[str, tuple[str | None, int | None] | None] = {}

    def get(self, sid: str | None) -> tuple[str | None, int | None] | None:
        if not sid or not self.own:
            return None
        if sid not in self._resolved:
            found, current = None, sid
            for _ in range(10):
                if current in self.own:
                    found = self.own[current] if self.own[current][0] not in (None, "0") else None
                    break
                current = self.based.get(current)
                if current is None:
                    break
            self._resolved[sid] = found
        return self._resolved[sid]


def numpr_of(numpr: _Element) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a ``w:numPr`` (None where absent)."""
    num_id, ilvl = numpr.find(W_NUMID), numpr.find(W_ILVL)
    return num_id.get(W_VAL) if num_id is not None else None, _int(ilvl, 0) if ilvl is not None else None
