"""面积与长宽不符：“29.16平方米（长14.4米*宽2.025米）”中长乘宽不等于所写面积。

同一句中写出长宽（“长X米*宽Y米”“X m×Y m”，*、×、x 或“乘”）与它对应的面积时比较：面积与长宽在同一括号内、
紧接在括号之前（“13.86平方米（长4.8米*宽2.7米）”）或紧随其后（“4.8m×2.7m，面积13.86㎡”“按4.8m×3.6m设计，面积17.28㎡”），或在其后所述事物的括号中
（“长6米乘宽4米的值班室一间（24平方米）”），按面积所写的小数位四舍五入。
长×宽×高（体积）、“每块……”的单件尺寸、“面积分别为……”不比较；长宽之前写了件数（“显示屏2块，尺寸4.8米×2.7米，总面积25.92平方米”）时，面积可以是各件之和。
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from checkers.analysis import Analysis
from checkers.figures import bracket_start, round_half_up, sentences, written_like
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import plain

FAILING = """\
完成指挥中心大厅29.61平方米（长14.4米*宽2.025米）LED大屏系统建设。
"""

PASSING = FAILING.replace("29.61", "29.16")

METRE = r"\s*(?:米|m|M)(?![a-zA-Z²³])"
_NUMBER = r"(?<![\d,.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # 1,500 or 1500.5, never a tail of one
DIMENSIONS = re.compile(rf"(?:长\s*)?{_NUMBER}{METRE}\s*[*×xX乘]\s*(?:宽\s*)?{_NUMBER}{METRE}(?!\s*[*×xX乘])")
AREA = re.compile(_NUMBER + r"\s*(?:平方米|㎡|平米|m²|M²)")
PRODUCT_HINT = re.compile(rf"\d{METRE}\s*[*×xX乘]")  # a length in metres times something
COUNT = re.compile(r"(?<![\d.])(\d{1,4})\s*(?:块|个|间|套|处|座|面|幅|张|台|组|片|栋)")  # “显示屏2块”
NAMED_THING = re.compile(r"^的?[\u4e00-\u9fff]{1,10}$")  # “的值班室一间”: words only, no figure or clause between
# “4.8m×2.7m，面积13.86㎡”, “按4.8m×3.6m设计，面积17.28㎡”
LINK_AFTER = re.compile(r"(?:的?(?:规格|尺寸)?(?:设计|建设|建造|修建|施工|规划|布置|砌筑|搭建|改造|实施))?[，,、]?\s*"
                        r"(?:面积|总面积|占地面积|建筑面积)?(?:为|约|共|计)?\s*$")


def _area_of(sentence: str, dims: re.Match[str], areas: list[re.Match[str]]) -> re.Match[str] | None:
    """The area these dimensions are the sides of: in the same brackets, right before the brackets holding them
    (“13.86平方米（长4.8米*宽2.7米）”), or right after them (“4.8m×2.7m，面积13.86㎡”); None when unclear."""
    group = bracket_start(sentence, dims.start())
    if group is not None:
        inside = [m for m in areas if bracket_start(sentence, m.start()) == group]
        if inside:
            return inside[0]
        before = [m for m in areas if m.end() <= group and not sentence[m.end() : group].strip()]
        return before[-1] if before else None
    after = [m for m in areas if m.start() >= dims.end() and bracket_start(sentence, m.start()) is None
             and LINK_AFTER.match(sentence[dims.end() : m.start()])]  # fmt: skip
    if after:
        return after[0]
    for m in areas:  # “长6米乘宽4米的值班室一间（24平方米）”: the thing described, then its area alone in brackets
        group = bracket_start(sentence, m.start())
        if group is not None and group >= dims.end() and NAMED_THING.match(sentence[dims.end() : group]) \
                and sentence[group + 1 : m.start()].strip() == "" and sentence[m.end() : m.end() + 1] in ("）", ")"):  # fmt: skip
            return m
    return None


def check(a: Analysis, rule: Rule):
    for paragraph in a.body_paragraphs:
        if not any(sign in paragraph.text for sign in "*×xX乘") or not PRODUCT_HINT.search(paragraph.text):
            continue
        for _, _, sentence in sentences(paragraph.text):
            areas = list(AREA.finditer(sentence))
            for dims in DIMENSIONS.finditer(sentence) if areas and "分别" not in sentence else ():
                if "每" in sentence[max(0, dims.start() - 6) : dims.start()]:
                    continue
                area = _area_of(sentence, dims, areas)
                if area is not None:
                    yield from _compare(paragraph, rule, sentence, dims, area)


def _compare(paragraph, rule: Rule, sentence: str, dims: re.Match[str], area: re.Match[str]):
    """A finding when length × width, rounded like the area, is not the area."""
    stated = Decimal(area.group(1).replace(",", ""))
    length, width = Decimal(dims.group(1).replace(",", "")), Decimal(dims.group(2).replace(",", ""))
    with localcontext() as context:  # exact, however many digits
        context.prec = len(length.as_tuple().digits) + len(width.as_tuple().digits) + 2
        product = length * width
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0
    counts = [Decimal(m.group(1)) for m in COUNT.finditer(sentence[: dims.start()])]
    if any(round_half_up(product * count, places) == stated for count in counts):
        return  # “更换LED显示屏2块，尺寸4.8米×2.7米，总面积25.92平方米”: each item's size, the area of all
    if round_half_up(product, places) != stated:
        yield rule.finding(
            f"面积写{area.group(1)}平方米，但长{dims.group(1)}米 × 宽{dims.group(2)}米 = {plain(product)}平方米",
            paragraph.location, sentence.strip(), expected=f"{written_like(product, area.group(1))}平方米",
            found=f"{area.group(1)}平方米",
        )  # fmt: skip


RULE = Rule("CT703", "products", Severity.ERROR, check, __doc__, FAILING, PASSING)
