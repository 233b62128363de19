"""面积与长宽不符：“29.16平方米（长14.4米*宽2.025米）”中长乘宽不等于所写面积。

同一句中写出长宽（“长X米*宽Y米”“X m×Y m”，*、×、x 或“乘”）与面积时，每组长宽与离它最近的面积比较，
按面积所写的小数位四舍五入。
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from checkers.analysis import Analysis
from checkers.figures import sentences
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import plain

FAILING = """\
完成指挥中心大厅29.61平方米（长14.4米*宽2.025米）LED大屏系统建设。
"""

PASSING = FAILING.replace("29.61", "29.16")

METRE = r"\s*(?:米|m|M)(?![a-zA-Z²³])"
DIMENSIONS = re.compile(rf"(?:长\s*)?(\d+(?:\.\d+)?){METRE}\s*[*×xX乘]\s*(?:宽\s*)?(\d+(?:\.\d+)?){METRE}")
AREA = re.compile(r"(\d+(?:\.\d+)?)\s*(?:平方米|㎡|平米|m²|M²)")


PRODUCT_HINT = re.compile(rf"\d{METRE}\s*[*×xX乘]")  # a length in metres times something


def _distance(a: re.Match[str], b: re.Match[str]) -> int:
    return max(0, b.start() - a.end(), a.start() - b.end())


def check(a: Analysis, rule: Rule):
    for paragraph in a.body_paragraphs:
        if not any(sign in paragraph.text for sign in "*×xX乘") or not PRODUCT_HINT.search(paragraph.text):
            continue
        for _, _, sentence in sentences(paragraph.text):
            areas = list(AREA.finditer(sentence))
            for dims in DIMENSIONS.finditer(sentence) if areas else ():
                yield from _compare(paragraph, rule, sentence, dims, min(areas, key=lambda m: _distance(dims, m)))


def _compare(paragraph, rule: Rule, sentence: str, dims: re.Match[str], area: re.Match[str]):
    """A finding when length × width, rounded like the area, is not the area."""
    stated = Decimal(area.group(1))
    product = Decimal(dims.group(1)) * Decimal(dims.group(2))
    exponent = stated.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    if product.quantize(places, rounding=ROUND_HALF_UP) != stated:
        yield rule.finding(
            f"面积写{stated}平方米，但长{dims.group(1)}米 × 宽{dims.group(2)}米 = {plain(product)}平方米",
            paragraph.location, sentence.strip(), expected=f"{plain(product)}平方米", found=f"{stated}平方米",
        )  # fmt: skip


RULE = Rule("CT703", "products", Severity.ERROR, check, __doc__, FAILING, PASSING)
