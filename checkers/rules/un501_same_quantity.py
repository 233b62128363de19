"""同一数量前后不一致：同一金额一处写“元”另一处写“万元”，同一长度一处“延米”另一处“平方米”，或同一事项前后数值略有出入。

五种情形：（1）数字完全相同（至少四位有效数字或带两位小数）而金额单位不同——几乎总是单位写错；
（2）数字完全相同（至少四位有效数字）而计量单位分属不同量纲（长度与面积等；一处写明“面积”“长度”而另一处没有这样写时不算）；
（3）同一说法（如“送审金额”；“执行数为”与“执行数”是同一说法，“预算资金”“年初预算金额”“预算总额”都说预算）、同一单位，数值相差不到 0.5% 且只差一位数字或两位相邻数字
颠倒——多为笔误（2,945.51 与 2,945.52；2632.49 与 2632.94；256.80 与 257.30 差两位，是两个数）；一处是另一处四舍五入到
较少小数位的结果（743.31843万元与743.32万元）时不算；
（4）大写金额与紧随其后括号中的小写金额不等（“人民币叁仟壹佰捌拾陆万元整（3,185.00万元）”），或一个金额与紧随其后括号中
换算成另一单位的金额不等（“2,187,436.50元（218.74万元）”，按括号所写的小数位换算；换一个单位即相等时指出该写的单位）；
（5）正文金额与表格中同样数字的金额单位不同（表头或表题写明“（万元）”“单位：万元”的列）；
（6）正文中以送审、审定、审减、核减、合同、中标、决算称呼的金额（“施工单位送审金额3,512.48万元”），与表格中同名金额列里句中所写那一行
（或合计行）的数只差一位数字或两位颠倒（3,512.84），而该列合计相符时，报告正文这一处；
写明是上年度、以前年度等另一期间的数，同一句前面写了不同年度的数（“2022年度预算……，实际支出……”），
以及标题分别写明不同项目的两个章节中的数（“（一）甲项目”“（二）乙项目”）、句中写明不同序号的事物（“第3个小区”“第7个小区”）的数，不算同一数量。
情形（1）报告后出现的一处；同一金额以某一单位写得更多次（“3,850.00万元”两处、“3,850.00元”一处）时，报告写得少的那一处；
各写一次、而前一处按报告其他金额的大小更像另一单位（“2424.11元”而报告金额都在几千万元）时，报告前一处；
情形（3）两处之中，一处与所在段落的加减相符（“送审2,745.80万元，审定2,680.26万元，核减65.54万元”）、另一处不相符时，报告不相符的那一处；
给出 --data 时报告与项目数据不符的那一处。
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Set as AbstractSet
from decimal import Decimal

from checkers.analysis import PROJECT_NAMED, YEAR_IN_TEXT, Analysis, grid_rows
from checkers.document import describe_section
from checkers.figures import (
    MONEY_UNITS,
    Figure,
    one_keystroke_apart,
    parse_number,
    round_half_up,
    sentence_at,
    sentence_head,
)
from checkers.finding import Severity
from checkers.openings import OTHER_PERIOD, SCORING_STANDARD
from checkers.rules.base import Rule
from checkers.table_totals import table_money_units
from evaluation_model import character_pairs

FAILING = """\
项目预算计划安排资金5920000元，实际支出金额为5271022.96元。

项目实际支出金额为5271022.96万元，预算执行率偏低。
"""

PASSING = FAILING.replace("5271022.96万元", "5271022.96元")

FAMILIES = {
    "length": {"米", "延米", "公里", "千米"},
    "area": {"平方米", "平米", "㎡", "公顷", "亩"},
}


def _in_yuan(figure: Figure) -> Decimal | None:
    amount = figure.in_yuan()
    return amount.normalize() if amount is not None else None


def _family(unit: str) -> str | None:
    return next((name for name, units in FAMILIES.items() if unit in units), None)


_DIGIT_RUNS = re.compile(r"\d+")
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]")


def _significant(figure: Figure) -> bool:
    """At least four significant digits as written (5271022.96, 一千二百三十四), or two decimal places."""
    return len(figure.value.as_tuple().digits) >= 4 or figure.places >= 2


PLAN = re.compile(r"计划|目标|预计|年初|设计")
ACTUAL = re.compile(r"实际|完成|实现|核查")
PRICE = re.compile(r"每|标准|单价|均价|[人户生亩月年日次件]均|平均|/")  # (“人均救助1,200元”: per person)


def _plan_and_actual(a: str, b: str) -> bool:
    """A planned and an achieved figure of one thing are two quantities, not one written twice."""
    return bool((PLAN.search(a) and ACTUAL.search(b)) or (PLAN.search(b) and ACTUAL.search(a)))


TARGET = re.compile(r"目标|预期|指标值")  # (a 年初/计划 amount is compared with another of its kind)
BOUND_AFTER = re.compile(r"\s*(?:以上|以下|以内|左右|及以上|不等)")  # “扶持企业200家以上”: a target's bound, not a count
PLACE_IN_CLAUSE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:街道|社区|乡镇|镇|乡|村|区|县|市)")


def _not_a_statement(figure: Figure) -> bool:
    """A bound (“200家以上”), a target (“年度绩效目标：……”) or a scoring rule (“评分标准：完成率100%得满分”)."""
    head = sentence_head(figure.source, figure.start)
    return bool(BOUND_AFTER.match(figure.source, figure.end) or TARGET.search(head) or SCORING_STANDARD.search(
        sentence_at(figure.source, figure.start)))


def _two_places(figure: Figure, other: Figure) -> bool:
    """“东城街道……补助资金368.55万元；西城街道……补助资金368.85万元”: each clause names its own place."""
    places = []
    for f in (figure, other):
        clause = f.source[max(f.source.rfind(mark, 0, f.start) for mark in "；;。\n") + 1 : f.start]
        found = PLACE_IN_CLAUSE.match(clause.strip())
        places.append(found.group(0) if found else None)
    return None not in places and places[0] != places[1]


ORDINAL_NAME = re.compile(r"第[\d一二三四五六七八九十]+[个项批期座所条户家处]?[\u4e00-\u9fff]{0,4}")


def _two_ordinals(figure: Figure, other: Figure) -> bool:
    """“第3个小区……投入资金221.5万元” and “第7个小区……投入资金222.5万元”: each sentence names its own numbered thing."""
    named = [ORDINAL_NAME.findall(sentence_head(f.source, f.start)) for f in (figure, other)]
    return all(named) and named[0] != named[1]


def _rate_or_price(a: Figure, b: Figure) -> bool:
    """'每户每月100元' or '300元/人' next to '预算100万元': a unit price is not the amount."""
    return any(PRICE.search(f.source[max(0, f.start - 8) : f.start]) or f.source.startswith(("/", "／"), f.end)
               for f in (a, b))  # fmt: skip


_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")


def _digits(subject: str) -> str:
    """The numbers naming a part (“1号楼”, “3标段”); years are left to _two_years, which knows the report's own."""
    return "".join(_DIGIT_RUNS.findall(_YEAR.sub("", subject)))


PART_NAME = re.compile(r"[一二三四五六七八九十\d]+(?:期|标段|标|号楼|号|批|阶段)|[甲乙丙丁][方段]")


def _parts(subject: str) -> list[str]:
    """The phase, lot or batch a subject names (“一期实际支出”, “二标段送审金额”)."""
    return PART_NAME.findall(subject)


GENERIC_WORDS = re.compile(r"本项目|该项目|项目|本年度|年度|全年|当年|年末|实际|最终|合计|累计|共计|经|已")


def _one_subject(a: str, b: str) -> bool:
    """Two subjects that can name one quantity: one the other with words before it (“结余资金”, “年末项目结余资金”),
    or words before a shared ending that overlap (“项目决算送审金额”, “决算评审送审金额”); not two items named before
    the same words (“设备购置费预算”, “软件购置费预算”; “湖滨街道分配资金”, “清波街道分配资金”)."""
    a, b = _NON_CJK.sub("", a), _NON_CJK.sub("", b)
    shared = 0
    while shared < min(len(a), len(b)) and a[-1 - shared] == b[-1 - shared]:
        shared += 1
    head_a, head_b = (GENERIC_WORDS.sub("", head) for head in (a[: len(a) - shared], b[: len(b) - shared]))
    if not head_a or not head_b:
        return True
    return bool(character_pairs(head_a) & character_pairs(head_b))


def _rounded(a: Figure, b: Figure) -> bool:
    """Whether the less precise of two figures is the other rounded (half up) to its places."""
    rough, fine = (a, b) if a.places <= b.places else (b, a)
    return round_half_up(fine.value, rough.places) == rough.value


def _comparable(figure: Figure) -> bool:
    """Large enough, or precise enough (an amount to the fen: 84.16万元), that a near value is a slip, not another
    quantity."""
    return figure.value >= 100 or (figure.unit in MONEY_UNITS and figure.places >= 2)


_LINKING_WORDS = re.compile(r"(?:为|是|达到|达|约|共计|合计|总计|共)+$")


# a sum of money named by its stage, then a word that only says it is money (“预算资金”, “年初预算金额”, “预算总额”)
_MONEY_NAME = re.compile(r"(预算|到位|支出|结余|结转|送审|审定|核减|审减|中标|合同|总投资)(?:资金|金额|总额|总金额|资金总额|数|额|总数)?$")


DIMENSION_WORDS = {"length": re.compile(r"长|里程|距离"), "area": re.compile(r"面积|占地")}


def _each_names_its_dimension(*pairs: tuple[Figure, str]) -> bool:
    """“道路长度1,250米” and “绿化面积1,250平方米”: a figure that says it measures what its unit measures, beside one
    that does not say so, is another quantity (“绿化面积1,250米” beside “绿化面积1,250平方米” is the same one, miswritten)."""
    (a, family_a), (b, family_b) = pairs
    return any(DIMENSION_WORDS[family].search(mine.subject) and not DIMENSION_WORDS[family].search(theirs.subject)
               for mine, family, theirs in ((a, family_a, b), (b, family_b, a)))  # fmt: skip


def _key(subject: str) -> str:
    """The last words before a figure, without a linking 为/是/达 (“全年执行数为” and “执行数” name one quantity):
    figures whose keys agree are compared (_one_subject then tells items named alike apart). A sum of money named by
    its stage is keyed by the stage (“预算资金为” and “年初预算金额”: 预算)."""
    cjk = _LINKING_WORDS.sub("", _NON_CJK.sub("", subject))
    money = _MONEY_NAME.search(cjk)
    return money.group(1) if money else _label(subject)[-3:]


def _label(subject: str) -> str:
    """The quantity's name in a message: up to four characters before the figure (“实际支出”)."""
    cjk = _LINKING_WORDS.sub("", _NON_CJK.sub("", subject))
    return cjk[-4:] if len(cjk) >= 2 else ""


def _number(figure: Figure) -> str:
    """The number as the report writes it (“2,945.52”, “三百”), without its unit."""
    text = figure.text.strip()
    return text[: -len(figure.unit)] if figure.unit and text.endswith(figure.unit) else text


def _written(figure: Figure) -> str:
    return _number(figure) + figure.unit


def _conflict(figure: Figure, other: Figure, same_paragraph: bool = False, report_years: frozenset[str] = frozenset()):
    """(message, expected) when two figures look like one quantity written two ways, else None; figures are quoted
    as the report writes them."""
    same_digits = figure.value == other.value and figure.unit != other.unit
    money = figure.unit in MONEY_UNITS and other.unit in MONEY_UNITS
    if same_digits and money and (_significant(figure) or same_paragraph) and not _rate_or_price(figure, other):
        return (f"金额{_number(figure)}前文写作“{other.unit}”，此处写作“{figure.unit}”，同一金额单位不一致",
                f"{_number(figure)}{other.unit}")
    families = _family(figure.unit), _family(other.unit)
    if same_digits and all(families) and families[0] != families[1] and _significant(figure) \
            and not _each_names_its_dimension((figure, families[0]), (other, families[1])):  # fmt: skip
        return (f"数量{_number(figure)}前文单位为“{other.unit}”，此处为“{figure.unit}”，量纲不同，请核对",
                f"{_number(figure)}{other.unit}")
    if (
        figure.unit == other.unit and figure.value != other.value and _comparable(figure)
        and abs(figure.value - other.value) <= max(figure.value, other.value) * Decimal("0.005")
        and one_keystroke_apart(figure.value, other.value)  # (256.80 and 257.30: two contracts, not a slip)
        and _digits(figure.subject) == _digits(other.subject)  # “2023年预算” and “2024年预算” are two quantities
        and _parts(figure.subject) == _parts(other.subject)  # so are “一期实际支出” and “二期实际支出”
        and _one_subject(figure.subject, other.subject)  # and “设备购置费预算” and “软件购置费预算”
        and not _plan_and_actual(figure.subject, other.subject)
        and not _not_a_statement(figure) and not _not_a_statement(other)  # “目标：200家以上”, “完成率100%得满分”
        and not _two_places(figure, other)
        and not _two_ordinals(figure, other)
        and not _rounded(figure, other)  # “743.31843万元” and “743.32万元”: one amount to two precisions
        and not (OTHER_PERIOD.search(figure.subject) or OTHER_PERIOD.search(other.subject))  # 上年度 vs 本年度
        and not _two_years(figure, other, report_years)  # “2023年度预算……，实际支出” and “2022年度预算……，实际支出”
    ):  # fmt: skip
        return (f"“{_label(figure.subject)}”前文写{_written(other)}，此处写{_written(figure)}，同一数量前后不一致",
                _written(other))
    return None


def _years(figure: Figure) -> set[str]:
    """The years its sentence names before the figure (“2022年度预算2,000万元，实际支出1,996.30万元”: 2022)."""
    return set(YEAR_IN_TEXT.findall(sentence_head(figure.source, figure.start)))


def _two_years(figure: Figure, other: Figure, report_years: frozenset[str]) -> bool:
    """The two figures' sentences name different years, or one names a year that is not the report's own."""
    years, others = _years(figure), _years(other)
    if years and others:
        return years != others
    named = years or others
    return bool(named and report_years and not named & report_years)


def _project(section: str) -> str | None:
    """The project a section is about when its title names one (“（二）乙项目”), as a compilation of several does."""
    match = PROJECT_NAMED.search(section.strip())
    return match.group(1) if match else None


_ASCII_DIGIT = re.compile(r"\d")


def _short_place(paragraph) -> str:
    """A paragraph's place in a message: its line in a text file, else its number (“第41行”, “第23段”)."""
    loc = paragraph.location
    return f"第{loc.line}行" if loc.line else f"第{loc.paragraph}段" if loc.paragraph else describe_section(loc.section)


def _restated(figures: list[Figure]):
    """(written in words, restated in figures) pairs: “人民币叁仟壹佰捌拾陆万元整（3,185.00万元）”."""
    for first, second in zip(figures, figures[1:], strict=False):
        if first.unit in MONEY_UNITS and second.unit in MONEY_UNITS and not _ASCII_DIGIT.search(first.text) \
                and _ASCII_DIGIT.search(second.text) and first.source[first.end : second.start].strip("整 ") in ("（", "("):  # fmt: skip
            yield first, second


def check(a: Analysis, rule: Rule):
    named: set[tuple[int, int]] = set()  # (paragraph, start) of the figures a restatement finding names
    for paragraph, figures in a.figures:
        in_words = len(figures) > 1 and any(f.unit in MONEY_UNITS and not f.text[:1].isdigit() for f in figures)
        for words, digits in _restated(figures) if in_words else ():
            if words.in_yuan() != digits.in_yuan():
                expected = (words.in_yuan() / MONEY_UNITS[digits.unit]).normalize()
                yield rule.finding(
                    f"大写金额“{words.text}”与括号中的小写“{digits.text}”不是同一金额，请核对哪一处写错",
                    paragraph.location, sentence_at(paragraph.text, words.start),
                    expected=f"{expected:f}{digits.unit}", found=digits.text,
                )  # fmt: skip
        for first, second in _restated_in_digits(figures) if len(figures) > 1 else ():
            finding = _conversion_slip(first, second)
            if finding is not None:
                message, expected, found = finding
                named.add((id(paragraph), (first if found == _written(first) else second).start))
                yield rule.finding(message, paragraph.location, sentence_at(paragraph.text, first.start),
                                   expected=expected, found=found)  # fmt: skip
    yield from _same_quantities(a, rule, named)
    yield from _prose_against_columns(a, rule)


def _restated_in_digits(figures: list[Figure]):
    """(amount, the same amount restated in brackets in another unit) pairs: “2,187,436.50元（218.74万元）”."""
    for first, second in zip(figures, figures[1:], strict=False):
        if first.unit in MONEY_UNITS and second.unit in MONEY_UNITS and first.text[:1].isdigit() \
                and second.text[:1].isdigit() and first.source[first.end : second.start].strip() in ("（", "(") \
                and second.source[second.end : second.end + 1] in ("）", ")"):  # fmt: skip
            yield first, second


def _in(amount: Decimal, unit: str, places: int) -> Decimal:
    """An amount in 元 written in ``unit`` to ``places`` decimals."""
    return round_half_up(amount / MONEY_UNITS[unit], places)


def _conversion_slip(first: Figure, second: Figure) -> tuple[str, str, str] | None:
    """A bracketed restatement that is not the amount before it: (message, expected, found); with a unit that, changed,
    makes them agree, that unit is named."""
    amount = first.in_yuan()
    if amount is None or _in(amount, second.unit, second.places) == second.value:
        return None
    for unit in MONEY_UNITS:  # the bracket's unit written wrong: “2,187,436.50元（218.74元）”
        if unit != second.unit and _in(amount, unit, second.places) == second.value:
            return (f"括号中的“{_written(second)}”与前面的{_written(first)}不是同一金额：单位应为“{unit}”",
                    f"{_number(second)}{unit}", _written(second))
    for unit in MONEY_UNITS:  # the first one's: “2,187,436.50万元（218.74万元）”
        if unit != first.unit and second.in_yuan() is not None and \
                _in(first.value * MONEY_UNITS[unit], second.unit, second.places) == second.value:  # fmt: skip
            return (f"{_written(first)}与括号中的“{_written(second)}”不是同一金额：前者单位应为“{unit}”",
                    f"{_number(first)}{unit}", _written(first))
    return (f"{_written(first)}与括号中的“{_written(second)}”不是同一金额，请核对哪一处写错",
            _written(first), _written(second))


def _prose_against_columns(a: Analysis, rule: Rule):
    """An amount in prose named like a money column of a table, one keystroke off that column's cell for the same row
    or its 合计 while the column adds up (see :func:`checkers.prose_columns.prose_column_slips`)."""
    for slip in a.prose_column_slips:
        yield rule.finding(
            f"此处写{_written(slip.figure)}，{slip.table.location.reference()}“{slip.label}”的“{slip.column}”为"
            f"{slip.written}{slip.unit}（该列合计相符），同一数量前后不一致",
            slip.paragraph.location, sentence_at(slip.figure.source, slip.figure.start),
            expected=f"{slip.written}{slip.unit}", found=_written(slip.figure),
        )  # fmt: skip


class _Near:
    """The first figure of each value under one (unit, subject key), and those within NEAR of a value, in the order
    they were written (a sorted list of values: a paragraph of thousands of amounts is not compared pair by pair)."""

    NEAR = Decimal("0.006")  # a little wider than _conflict's 0.5%, which decides

    def __init__(self) -> None:
        self.first: dict[Decimal, tuple[int, Figure]] = {}
        self.values: list[Decimal] = []

    def __contains__(self, value: Decimal) -> bool:
        return value in self.first

    def add(self, figure: Figure) -> None:
        if figure.value not in self.first:
            self.first[figure.value] = (len(self.first), figure)
            insort(self.values, figure.value)

    def near(self, value: Decimal) -> list[Figure]:
        low = bisect_left(self.values, value * (1 - self.NEAR))
        high = bisect_right(self.values, value * (1 + self.NEAR))
        return [figure for _, figure in sorted(self.first[v] for v in self.values[low:high])] if low < high else []


def _table_conflicts(a: Analysis, by_value: dict[Decimal, dict[str, Figure]], paragraph_of: dict[int, object], rule: Rule,
                     reported: set[tuple]):  # fmt: skip
    """An amount in prose whose digits a money column of a table gives in another unit (“省级补助资金1,150.00元”
    where 表1, in 万元, lists 1,150.00)."""
    for table in a.document.tables:
        units = table_money_units(table)
        if not units:
            continue
        for r, row in enumerate(grid_rows(table)[1:], 2):
            for c, text in enumerate(row):
                unit = units.get(c)
                value = parse_number(text.strip()) if unit and text.strip()[:1].isdigit() else None
                if value is None or "." not in text and len(value.as_tuple().digits) < 4:
                    continue
                for other_unit, figure in by_value.get(value, {}).items():
                    signature = (value, other_unit, unit)
                    if other_unit == unit or other_unit not in MONEY_UNITS or not _significant(figure) or signature in reported \
                            or _rate_or_price(figure, figure):  # fmt: skip
                        continue  # (“每亩118.00元” is a price, not an amount of the table)
                    reported.add(signature)
                    where = paragraph_of.get(id(figure))
                    yield rule.finding(
                        f"金额{_number(figure)}此处写作“{other_unit}”，{table.location.reference()}（{unit}）第{r}行"
                        f"为{text.strip()}{unit}，同一金额单位不一致",
                        where.location, sentence_at(where.text, figure.start), expected=f"{_number(figure)}{unit}",
                        found=_written(figure),
                    )  # fmt: skip


FITS_MAX = 40  # amounts of a paragraph tried in pairs (a long table-like paragraph is not searched)


def _fits(figure: Figure, figures: list[Figure] | tuple) -> bool:
    """Whether an amount is the sum or difference of two other amounts of its paragraph (“送审2,745.80万元，审定
    2,680.26万元，核减65.54万元”: each is): a mention its own arithmetic bears out is not the slip."""
    amount = figure.in_yuan()
    others = [value for f in figures if f is not figure and (value := f.in_yuan()) is not None][:FITS_MAX]
    if amount is None or len(others) < 2:
        return False
    values = set(others)
    return any(amount - x in values or x - amount in values or amount + x in values for x in others)


def _same_quantities(a: Analysis, rule: Rule, named: AbstractSet[tuple[int, int]] = frozenset()):
    known = a.data_values[1] if a.data is not None else set()  # amounts in 元 the data states or derives
    paragraph_of: dict[int, object] = {}  # id(figure) → its paragraph
    figures_of: dict[int, list[Figure]] = {}  # id(paragraph) → its figures
    by_value: dict[Decimal, dict[str, Figure]] = {}  # value → first figure per unit
    by_key: dict[tuple[str, str], _Near] = {}  # (unit, subject key) → first figure per value
    reported: set[tuple] = set()
    named_once: set[int] = set()  # the figures a finding names (one finding each)
    report_years = frozenset(a.report_years)
    written = Counter((f.value, f.unit) for p, figures in a.figures if p.heading_level is None for f in figures
                      if f.unit in MONEY_UNITS)  # fmt: skip  # how often each amount is written in each unit
    for paragraph, figures in a.figures:
        if paragraph.heading_level is not None:
            continue
        here: dict[Decimal, dict[str, Figure]] = {}  # this paragraph's figures: value → first figure per unit
        figures_of[id(paragraph)] = figures
        for figure in figures:
            unit, value = figure.unit, figure.value
            if not unit or (id(paragraph), figure.start) in named:
                continue  # (a restatement already named as written wrong)
            paragraph_of[id(figure)] = paragraph
            units = by_value.get(value)
            if units is None:
                units = by_value[value] = {}
            seen = here.setdefault(value, {})
            nearby = [f for other_unit, f in seen.items() if other_unit != unit]
            seen.setdefault(unit, figure)
            candidates = nearby + [f for other_unit, f in units.items() if other_unit != unit] if units else nearby
            key = _key(figure.subject) if _comparable(figure) else ""
            values = by_key.setdefault((unit, key), _Near()) if key else None
            if values is not None and value not in values:
                candidates += values.near(value)
            for other in candidates:
                projects = {_project(p.location.section) for p in (paragraph, paragraph_of.get(id(other), paragraph))}
                if len(projects) > 1 and None not in projects:
                    continue  # the same words about two projects (“（一）甲项目 … 建议金额”, “（二）乙项目 … 建议金额”)
                conflict = _conflict(figure, other, any(other is f for f in nearby), report_years)
                if conflict is None:
                    continue
                signature = (figure.value, figure.unit, other.value, other.unit)
                if signature not in reported:
                    reported.add(signature)
                    wrong, right, where = figure, other, paragraph
                    majority = wrong.unit != right.unit and written[(wrong.value, wrong.unit)] > written[(right.value, right.unit)]
                    usual = wrong.unit != right.unit and written[(wrong.value, wrong.unit)] == written[(right.value, right.unit)] \
                        and a.likelier_unit(right) == wrong.unit  # (once each: the one the size of the report's is right)
                    if usual and not known:
                        wrong, right, where = other, figure, paragraph_of.get(id(other), paragraph)
                        conflict = (f"金额{_number(wrong)}此处写作“{wrong.unit}”，后文写作“{right.unit}”，按报告其他金额的大小应为“{right.unit}”，"
                                    "同一金额单位不一致", f"{_number(wrong)}{right.unit}")
                    if majority and not known:  # “3,850.00元” once, “3,850.00万元” twice: the once is the slip
                        wrong, right, where = other, figure, paragraph_of.get(id(other), paragraph)
                        conflict = (f"金额{_number(wrong)}此处写作“{wrong.unit}”，别处{written[(right.value, right.unit)]}"
                                    f"次写作“{right.unit}”，同一金额单位不一致", f"{_number(wrong)}{right.unit}")
                    if not known and wrong.unit == right.unit and _fits(figure, figures_of.get(id(paragraph), ())) \
                            and not _fits(other, figures_of.get(id(paragraph_of.get(id(other))), ())):  # fmt: skip
                        wrong, right, where = other, figure, paragraph_of.get(id(other), paragraph)  # (its own sums
                        conflict = (f"此处写{_written(wrong)}，后文写{_written(right)}（与其所在段落的加减相符），"  # tell)
                                    "同一数量前后不一致", _written(right))
                    if known and _in_yuan(figure) in known and _in_yuan(other) not in known:  # the data sides with
                        wrong, right, where = other, figure, paragraph_of.get(id(other), paragraph)  # this one
                        if wrong.unit != right.unit:
                            message = f"金额{_number(wrong)}此处写作“{wrong.unit}”，项目数据与后文为“{right.unit}”，同一金额单位不一致"
                            expected = f"{_number(wrong)}{right.unit}"
                        else:
                            message = f"此处写{_written(wrong)}，项目数据与后文为{_written(right)}，同一数量前后不一致"
                            expected = _written(right)
                        conflict = (message, expected)
                    if id(wrong) not in named_once:
                        named_once.add(id(wrong))
                        there = paragraph_of.get(id(right), paragraph)  # (where the other writing is, to find it by)
                        yield rule.finding(
                            f"{conflict[0]}（另一处在{_short_place(there)}）" if there is not where else conflict[0],
                            where.location, sentence_at(where.text, wrong.start), expected=conflict[1],
                            found=_written(wrong),
                        )  # fmt: skip
                break
            units.setdefault(figure.unit, figure)
            if values is not None:
                values.add(figure)
    yield from _table_conflicts(a, by_value, paragraph_of, rule, reported)


RULE = Rule("UN501", "same-quantity", Severity.ERROR, check, __doc__, FAILING, PASSING)
