"""Figure extraction: every number in a text with its unit and what it refers to; non-figures left out."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache

import cn2an

from evaluation_model import format_percent

MONEY_UNITS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
UNITS = (
    "万元", "亿元", "千元", "元", "分", "%", "％", "日历天", "平方米", "平米", "㎡", "延米", "公里", "千米", "米", "公顷", "亩",
    "人次", "个月", "个百分点", "个", "项", "起", "天", "户", "套", "台", "份", "株", "条", "次", "人", "家", "口", "所", "座", "处", "间",
    "余条", "余次", "余人", "余个", "余家", "倍", "辆", "张", "块", "批", "场", "篇", "期", "吨", "立方米", "眼", "棵", "盏",
    "栋", "幢", "宗", "名", "只", "路", "册", "根", "笔", "件", "例",
    "万平方米", "万平米", "万立方米", "万人次", "万人", "万册", "万亩", "万份", "万户", "万吨", "万株", "万件", "万套", "万辆",
    "万公里", "亿人次",
)  # fmt: skip  # (a measure in 万: “12.50万平方米”, “46万人次”)
_UNIT_RE = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# a number not glued to a letter, digit or decimal point on its left (the digit is matched first and the
# character before it checked by a look-behind, so the engine can skip ahead to digits)
NUMBER_RE = re.compile(
    r"(?P<num>\d(?<![A-Za-z0-9.．〔\[_]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))(?P<sp>\s*)(?P<unit>"
    + _UNIT_RE
    + ")?"
)
# Chinese numerals: counts before a count word (共设置三个), amounts and measures (预算三百万元, 人民币叁佰万元整,
# 三点五公里) and percents (百分之九十五); a numeral opens with a digit or 十, never with 百/千/万/亿/点
CN_DIGITS = "零〇一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾"
_CN_NUMERAL = f"[{CN_DIGITS}][{CN_DIGITS}百千万亿点佰仟]*"
CN_COUNT_UNITS = ("个", "项", "家", "类", "部分", "方面", "条")
_CN_MEASURE_UNITS = ("亿元", "万元", "千元", "元", "平方米", "延米", "公里", "千米", "公顷", "亩")
CN_PERCENT = rf"百分之(?P<percent>{_CN_NUMERAL})"
CN_PERCENT_RE = re.compile(CN_PERCENT)
CN_FIGURE_RE = re.compile(  # a pattern opening with a character set: the engine skips ahead to its characters
    rf"(?P<num>{_CN_NUMERAL})(?P<unit>" + "|".join(sorted(CN_COUNT_UNITS + _CN_MEASURE_UNITS, key=len, reverse=True)) + ")"
)
_CN_NOT_BEFORE = frozenset("第几数多余上百千万亿佰仟" + CN_DIGITS)  # 第三个, 几十万元, 上百万元: not figures
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NOT_AFTER = re.compile(r"^(?:年|月|日|号|届|时|点|岁|万像素|万多|号文|级|楼|层|期工程|\.\d|[A-Za-z])")
_DATE_BEFORE = re.compile(r"(?:\d{4}年|\d{1,2}月)\s*$")
_SUBJECT_SPLIT = re.compile(r"[，,。；;：:、（）()“”\"《》\s]")
_SUBJECT_TRIM = re.compile(r"(?:为|是|达到|(?<![下送转])达|约为|约|共计|共|计|合计|总计|累计|仅|高达|了|的|占|至|增加|减少|下降|上升|提高)+$")
SENTENCE_RE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
CLAUSE_MARKS = "，,。；;：:"  # where a clause ends
_SIGNED_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(slots=True)
class Figure:
    """A number as stated: value, unit, its span in the text and the words before it (subject)."""

    value: Decimal
    text: str
    unit: str
    start: int
    end: int
    source: str

    @property
    def subject(self) -> str:
        """The words of the clause right before the number (computed on demand)."""
        return subject_before(self.source, self.start)

    @property
    def kind(self) -> str:
        if self.unit == "分":
            return "score"
        if self.unit in MONEY_UNITS:
            return "amount"
        if self.unit in ("%", "％"):
            return "percent"
        return "measure" if self.unit else "bare"

    @property
    def places(self) -> int:
        """Decimal places as written (2.80 → 2)."""
        exponent = self.value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    def in_yuan(self) -> Decimal | None:
        factor = MONEY_UNITS.get(self.unit)
        return self.value * factor if factor is not None else None


def rounding_half(value: Decimal) -> Decimal:
    """Half the last place a value is written to: how far it may be from what it was rounded from (1.28 → 0.005)."""
    return Decimal(1).scaleb(value.as_tuple().exponent) / 2


def round_half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, however many digits it has (no InvalidOperation on a
    30-digit amount)."""
    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + max(places, 0) + 3)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def one_keystroke_apart(a: Decimal, b: Decimal) -> bool:
    """Whether two numbers differ as one mistyped digit or two swapped neighbours make them differ (2,945.51 and
    2,945.52; 2632.49 and 2632.94), compared at the fewer places either is written to; 256.80 and 257.30 are two
    amounts, not one slip."""
    x, y, diff = _differing_places(a, b)
    return len(diff) == 1 or digits_swapped(a, b)


def digits_swapped(a: Decimal, b: Decimal) -> bool:
    """Whether two numbers differ as two neighbouring digits swapped (706.00 for 760.00; 2632.49 and 2632.94; 96.84
    and 98.64, either side of the point)."""
    x, y, diff = _differing_places(a, b)
    neighbours = len(diff) == 2 and (diff[1] == diff[0] + 1 or diff[1] == diff[0] + 2 and x[diff[0] + 1] == ".")
    return neighbours and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]  # (96.84 for 98.64: across the point)


def neighbour_swaps(written: str) -> list[str]:
    """The text with each pair of neighbouring, different digits put the other way round (“371.23” → “731.23”,
    “317.23”, “371.32”, and across the point “372.13”): what a figure reads as if two of its digits were typed in the
    wrong order."""
    swaps = [written[:i] + written[i + 1] + written[i] + written[i + 2 :] for i in range(len(written) - 1)
             if written[i].isdigit() and written[i + 1].isdigit() and written[i] != written[i + 1]]  # fmt: skip
    point = written.find(".")  # (“1,117.85” for 1,118.75: the digits either side of the decimal point)
    if 0 < point < len(written) - 1 and written[point - 1].isdigit() and written[point + 1].isdigit() \
            and written[point - 1] != written[point + 1]:  # fmt: skip
        swaps.append(written[: point - 1] + written[point + 1] + "." + written[point - 1] + written[point + 2 :])
    return swaps


def _differing_places(a: Decimal, b: Decimal) -> tuple[str, str, list[int]]:
    """Two numbers written to the fewer places either has (743.31843 is read as 743.32), and where their characters
    differ (none when they are of different lengths or equal)."""
    places = min(-min(a.as_tuple().exponent, 0), -min(b.as_tuple().exponent, 0))
    x, y = (format(round_half_up(v, places), f".{places}f") for v in (a, b))
    if len(x) != len(y):
        return x, y, []
    return x, y, [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]


_PLAIN = re.compile(r"\d+(?:\.\d+)?")
# a table cell holding one figure typed with letters for digits: “11l”, “2O20”, “1l6”, “99.l%”
CELL_LETTER = re.compile(r"^\s*((?:\d|[lI](?=[\d,.]))[\d,.lIoO]*)\s*[%％]?\s*$")
CELL_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")  # what such a cell reads with its letters for digits
LOOKALIKE_DIGITS = str.maketrans("lIoO", "1100")  # the letters typed for the digits they look like


def letters_for_digits(cell: str) -> tuple[str, str] | None:
    """(the figure as written, as it reads with its letters for the digits they look like) of a cell holding one
    figure typed with letters (“1l6” → “116”), else None."""
    letter = CELL_LETTER.match(cell)
    if letter is None:
        return None
    fixed = letter.group(1).translate(LOOKALIKE_DIGITS)
    return (letter.group(1), fixed) if fixed != letter.group(1) and CELL_NUMBER.match(fixed) else None


def parse_number(text: str) -> Decimal | None:
    """'5,271,022.96' → Decimal; '－50.00', '(50.00)' and '（50.00）' are negative; None for anything that is not a plain number."""
    if _PLAIN.fullmatch(text):
        return Decimal(text)
    cleaned = text.strip().replace(",", "").replace("，", "").rstrip("%％分").replace("－", "-").replace("−", "-")
    if cleaned[:1] in "(（" and cleaned[-1:] in ")）" and len(cleaned) > 2:  # an accountant's negative: (50.00), （50.00）
        cleaned = "-" + cleaned[1:-1]
    if not cleaned or not _SIGNED_NUMBER.fullmatch(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


@lru_cache(maxsize=4096)
def subject_before(text: str, start: int) -> str:
    """The words of the clause right before a number, stripped of linking verbs."""
    head = text[max(0, start - 30) : start].rstrip()  # (“资金 170.86 万元”: a space before the number)
    parts = _SUBJECT_SPLIT.split(head)
    subject = parts[-1] if parts else ""
    subject = _SUBJECT_TRIM.sub("", subject)
    return subject[-14:]


_LIST_AFTER = re.compile(r"[.、．]\D")
_TIME_AFTER = re.compile(r"[:：]\d")
_RANGE_AFTER = re.compile(r"\s*[-—～~]\s*\d+\s*[年月日]")


def _is_excluded(text: str, match: re.Match[str]) -> bool:
    """Dates, years, document and clause numbers, phone numbers, list numbering, attributes."""
    number, space, unit = match.groups()
    if unit:
        return bool(unit == "期" and not space)
    return _is_excluded_bare(text, match.start(), match.end(1), number)


# “450万” closing a clause after a money word is an amount in 万元 (not “20万人”, “800万像素”)
_TEN_THOUSAND_YUAN = re.compile(r"万(?=[，,。；;、）)\s]|$)")
_MONEY_WORDS = re.compile(r"预算|资金|支出|到位|投资|金额|费用|拨付|支付|下达|安排|结余|核减|审定|送审|合同价|中标价")


def _is_excluded_bare(text: str, start: int, end: int, number: str) -> bool:
    """:func:`_is_excluded` for a number written without a unit."""
    after = text[end : end + 4]
    before = text[max(0, start - 8) : start]
    if _NOT_AFTER.match(after):
        return True
    if before.endswith(("第", "〔", "[", "（〔")) or "〔" in before[-3:] and "〕" not in before[-3:]:
        return True
    if len(number.replace(",", "").split(".")[0]) >= 7:
        return True  # phone numbers and ids are never bare money
    at_line_start = start == 0 or text[start - 1] in "\n\t"
    if at_line_start and (_LIST_AFTER.match(after) or after.startswith((")", "）"))):
        return True  # list numbering "1." at line start
    if before.endswith(("（", "(")) and after.startswith(("）", ")")):
        return True  # "（3）" item numbers
    if _DATE_BEFORE.search(before):
        return True
    if _TIME_AFTER.match(after):
        return True  # times
    return bool(_RANGE_AFTER.match(after))


_CN_VALUES: dict[str, Decimal | None] = {}  # Chinese numeral → value (None when cn2an cannot read it)


def chinese_value(numeral: str) -> Decimal | None:
    """三百五十 → 350, 九十五点五 → 95.5, 叁佰 → 300 (cn2an); None when the characters are no number (一二百)."""
    try:
        return _CN_VALUES[numeral]
    except KeyError:
        pass
    try:
        value: Decimal | None = Decimal(str(cn2an.cn2an(numeral.replace("两", "二"), "smart")))
    except (ValueError, KeyError):
        value = None
    _CN_VALUES[numeral] = value
    return value


def _chinese_figure(text: str, match: re.Match[str]) -> Figure | None:
    """A figure written in Chinese numerals (三个, 三百万元, 百分之九十五), None when it is a word or no number."""
    start, end = match.span()
    if start and text[start - 1] in _CN_NOT_BEFORE:
        return None
    groups = match.groupdict()
    percent, numeral, unit = groups.get("percent"), groups.get("num"), groups.get("unit")
    if percent is not None:
        value = chinese_value(percent)
        return Figure(value, match.group(), "%", start, end, text) if value is not None else None
    if unit in CN_COUNT_UNITS and "点" in numeral:
        return None  # a count is whole
    if unit == "元" and len(numeral) == 1 and _HAN.match(text, end):
        return None  # 城乡二元结构, 一元化: a word, not an amount
    if unit == "元" and numeral[-1] in "万亿" and len(numeral) > 1:
        numeral, unit = numeral[:-1], numeral[-1] + "元"  # 三百万元 is 300 万元, as a table would write it
    value = chinese_value(numeral)
    return Figure(value, match.group(), unit, start, end, text) if value is not None else None


def extract_figures(text: str) -> list[Figure]:
    """Every figure in a text, in order: Arabic numbers, and Chinese numerals of counts, amounts and percents."""
    figures: list[Figure] = []
    append = figures.append
    for match in NUMBER_RE.finditer(text):
        number, space, unit = match.groups()
        start, end = match.span()
        if unit:
            if unit == "期" and not space:
                continue
        elif _is_excluded_bare(text, start, start + len(number), number):
            continue
        if "," in number:  # 1,234.5: the pattern only lets well-placed thousands separators through
            number = number.replace(",", "")
        value = Decimal(number)
        written = match.group()
        if unit is None:
            unit = ""
            if text.startswith("万", end) and _TEN_THOUSAND_YUAN.match(text, end) and _MONEY_WORDS.search(text, max(0, start - 12), start):
                unit, written, end = "万元", written + "万", end + 1  # “实际支出450万，” is 450万元
        elif unit == "％":
            unit = "%"
        append(Figure(value, written, unit, start, end, text))
    sorted_already = True
    for match in (*CN_FIGURE_RE.finditer(text), *(CN_PERCENT_RE.finditer(text) if "百分之" in text else ())):
        figure = _chinese_figure(text, match)
        if figure is not None:
            append(figure)
            sorted_already = False
    if not sorted_already:
        figures.sort(key=lambda f: f.start)
    return figures


APPROXIMATE = re.compile(r"(?:近|约|约为|超过|不足|逾|将近|接近|左右)$")


def approximate(figure: Figure) -> bool:
    """“近450万元”, “约450万元”, “不足450万元”, “450万元左右”: a rounded figure or a bound, not one to compute with."""
    return bool(APPROXIMATE.search(figure.source[: figure.start].rstrip())) or figure.source.startswith("左右", figure.end)


def clause_before(text: str, position: int) -> str:
    """The clause a position lies in, up to that position (after the last comma, full stop, colon…)."""
    return text[max(text.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1 : position]


def clause_at(text: str, position: int) -> str:
    """The whole clause a position lies in (between commas, full stops, colons…)."""
    ends = [i for i in (text.find(mark, position) for mark in CLAUSE_MARKS) if i >= 0]
    return clause_before(text, position) + text[position : min(ends) if ends else len(text)]


def bracket_start(text: str, position: int) -> int | None:
    """Where the innermost parenthetical remark （…） holding a position opens, None outside any.

    A closing bracket without an opening one before it is ignored (“1）…（2” is inside the second remark).
    """
    head = text[:position]
    if "（" not in head and "(" not in head:
        return None
    opened: list[int] = []
    for index, char in enumerate(head):
        if char in "（(":
            opened.append(index)
        elif char in "）)" and opened:
            opened.pop()
    return opened[-1] if opened else None


def in_parentheses(text: str, position: int) -> bool:
    """True when a position lies inside a parenthetical remark （…） (see :func:`bracket_start`)."""
    return bracket_start(text, position) is not None


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Sentences of a paragraph with their spans."""
    return [(m.start(), m.end(), m.group(0)) for m in SENTENCE_RE.finditer(text) if m.group(0).strip()]


def sentence_head(text: str, position: int) -> str:
    """The sentence a position lies in, up to that position (after the last full stop or semicolon)."""
    return text[max(text.rfind("。", 0, position), text.rfind("；", 0, position), text.rfind(";", 0, position)) + 1 : position]


def sentence_at(text: str, position: int) -> str:
    """The sentence containing a position (the excerpt of a finding)."""
    starts, ends = _sentence_spans(text)
    at = bisect_right(ends, position)  # sentences come in order: the first ending after position is the only candidate
    if at < len(ends) and starts[at] <= position:
        sentence = text[starts[at] : ends[at]].strip()
        if sentence:
            return sentence
    return text.strip()[:120]


@lru_cache(maxsize=256)
def _sentence_spans(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence of a text starts and ends (a paragraph's excerpts are taken many times)."""
    spans = [m.span() for m in SENTENCE_RE.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def same_amount(a: Figure, b: Figure) -> bool:
    """Two money figures denote the same amount (whatever their units)."""
    ya, yb = a.in_yuan(), b.in_yuan()
    return ya is not None and yb is not None and ya == yb


def _slack(stated: Decimal, tolerance: Decimal) -> Decimal:
    """How far (in points) a recomputed percent may lie from a stated one: the tolerance plus half its last place."""
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return tolerance + Decimal("0.5").scaleb(-places)


def percent_matches(stated: Decimal, ratio: Decimal, tolerance: Decimal = Decimal("0.01")) -> bool:
    """A stated percent equals a recomputed ratio, within tolerance points plus half the stated last place.

    Rounding the ratio to the stated places and getting the stated value is the special case
    ``|ratio × 100 − stated| ≤ half a place``, so one comparison covers both.
    """
    return abs(ratio * 100 - stated) <= _slack(stated, tolerance)


def any_percent_matches(stated: Decimal, percents: list[Decimal], tolerance: Decimal = Decimal("0.01")) -> bool:
    """:func:`percent_matches` against many ratios at once; ``percents`` are the ratios × 100, sorted."""
    slack = _slack(stated, tolerance)
    index = bisect_left(percents, stated - slack)
    return index < len(percents) and percents[index] <= stated + slack


def percent_like(ratio: Decimal, stated: Decimal) -> str:
    """A recomputed ratio as a percent written to the stated rate's decimals (“83.60%” beside a stated “83.06%”); a
    rate stated without decimals gets the recomputed one's two (“93.75%” beside “90%”)."""
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if not places:
        return format_percent(ratio)
    return f"{round_half_up(ratio * 100, places):f}%"


def written_like(value: Decimal, written: str) -> str:
    """``value`` as ``written`` writes its figure: its thousands separators and as many decimals (17 beside 18.00 is
    17.00, 21265 beside 21,625 is 21,265); no digit of the value is dropped."""
    digits = written.strip().replace(",", "")
    tail = digits.split(".", 1)[1] if "." in digits else ""
    places = len(tail) if tail.isdigit() else 0
    shown = value.quantize(Decimal(1).scaleb(-places)) if places else value
    if shown != value:
        return format(value.normalize(), "f")
    return f"{shown:,f}" if "," in written else format(shown, "f")
