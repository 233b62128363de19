"""面积与长宽不符：“29.16平方米（长14.4米*宽2.025米）”中长乘宽不等于所写面积。

同一句中写出“长X米*宽Y米”（*、×、x 或“乘”）与面积时，按面积所写的小数位四舍五入比较。
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

DIMENSIONS = re.compile(r"长\s*(\d+(?:\.\d+)?)\s*米\s*[*×xX乘]\s*宽\s*(\d+(?:\.\d+)?)\s*米")
AREA = re.compile(r"(\d+(?:\.\d+)?)\s*(?:平方米|㎡|平米)")


def check(a: Analysis, rule: Rule):
    for paragraph in a.body_paragraphs:
        if "宽" not in paragraph.text:
            continue
        for _, _, sentence in sentences(paragraph.text):
            dims = DIMENSIONS.search(sentence)
            area = AREA.search(sentence)
            if not dims or not area:
                continue
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
