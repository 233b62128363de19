"""数字中夹有字母或杂字：如“11l 台”“2O20”“1,00,0元”，多为录入错误。

数字与计量单位之间、或数字中间出现拉丁字母（l、I、O、o，小数点后的“99.l%”、千位分隔符后的“2,OOO份”亦然）或不规则的千位分隔符时报告。
表格中数字列（多数单元格是数字的列）里只写一个数的单元格（“93,20.40”“11l”“2O20”）同样核对。
"""

from __future__ import annotations

import re

from checkers.analysis import Analysis, own_values
from checkers.figures import CELL_NUMBER, LOOKALIKE_DIGITS, UNITS, letters_for_digits, sentence_at
from checkers.finding import Severity
from checkers.rules.base import Rule

FAILING = """\
接入固定电话11l 台，接入保密电话2台。
"""

PASSING = FAILING.replace("11l 台", "11台")

_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
LETTER_IN_NUMBER = re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?[lIoO]+\d*(?:\.\d+)?|[lIoO](?:\.\d+|(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))\s*(?=" + _UNIT + r")")
DIGIT_LETTER_DIGIT = re.compile(r"(?<![A-Za-z0-9])\d+(?:[lIoO]\.?\d+|\.[lIoO]\d*)(?![A-Za-z])")  # (“34l.25”, “99.l%”)
# a thousands group holding letters for digits: “2,OOO份”, “1,2O0万元”
LETTER_GROUP = re.compile(r"(?<![A-Za-z0-9.,])(\d{1,3}(?:,\d{3})*,(?=[\dlIoO]{3}(?![\dA-Za-z]))\d*[lIoO][\dlIoO]*(?:,[\dlIoO]{3})*"
                          r"(?:\.\d+)?)\s*(?=" + _UNIT + r")")
# a table cell holding one figure mistyped: “93,20.40”, “11l”, “2O20”, “99.l%”
CELL_BAD_GROUPING = re.compile(r"^\s*\d{1,3}(?:,\d{1,2}|,\d{4,})(?:,\d+)*(?:\.\d+)?\s*[%％]?\s*$")
BAD_GROUPING = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{1,2}|,\d{4,})(?:,\d+)*(?:\.\d+)?\s*(?=" + _UNIT + r")")


SUSPECT = re.compile(r"\d(?:[lIoO]|\.[lIoO]|,\d{1,2}(?!\d)|,\d{4}|,\d*[lIoO])|[lIoO][.,]?\d")  # (“l.5万元”, “l,286株”: an l for the 1)


def _may_be_suspect(text: str) -> bool:
    """Cheap pre-check: every SUSPECT match holds one of these characters."""
    return "," in text or "l" in text or "I" in text or "o" in text or "O" in text


def check(a: Analysis, rule: Rule):
    yield from _cells(a, rule)
    for paragraph in a.paragraphs:
        text = paragraph.text
        if not _may_be_suspect(text) or not SUSPECT.search(text):
            continue
        matches = [(m, what) for pattern, what in ((LETTER_IN_NUMBER, "夹有字母"), (DIGIT_LETTER_DIGIT, "夹有字母"),
                                                   (LETTER_GROUP, "夹有字母"), (BAD_GROUPING, "千位分隔符位置不对"))
                   for m in pattern.finditer(text)]  # fmt: skip
        taken_to = -1  # (one finding per figure: of matches that overlap, the longest, “3,5OO” rather than “5OO”)
        for m, what in sorted(matches, key=lambda item: (item[0].start(), -item[0].end())):
            if m.start() < taken_to:
                continue
            taken_to = m.end()
            fixed = (m.group(1) if m.groups() else m.group(0)).translate(LOOKALIKE_DIGITS) if what == "夹有字母" else None
            guess = f"，疑为“{fixed}”" if fixed else ""  # (the letter read as the digit it looks like: a guess)
            yield rule.finding(
                f"数字“{m.group(0).strip()}”{what}{guess}，请核对",
                paragraph.location, sentence_at(text, m.start()), expected=fixed, found=m.group(0).strip(),
            )  # fmt: skip


def _cells(a: Analysis, rule: Rule):
    """Table cells that are one mistyped figure (a merged cell once)."""
    for table in a.document.tables:
        values = own_values(table)
        numeric = _numeric_columns(values)
        for r, row in enumerate(values):
            for c, text in enumerate(row):
                if c in numeric and _may_be_suspect(text):
                    yield from _cell(table, r, c, text, rule)


def _numeric_columns(values: list[list[str]]) -> set[int]:
    """Columns most of whose filled cells below the first row are plain numbers (amounts, counts, rates): a
    mistyped one stands out there, not in a column of clause numbers (“1,2”) or codes (“I2”)."""
    out: set[int] = set()
    for c in range(max((len(row) for row in values), default=0)):
        cells = [row[c].strip() for row in values[1:] if c < len(row) and row[c].strip()]
        plain_numbers = sum(1 for cell in cells if CELL_NUMBER.match(cell.rstrip("%％")))
        if cells and plain_numbers * 2 >= len(cells):
            out.add(c)
    return out


def _cell(table, r: int, c: int, text: str, rule: Rule):
    lettered = letters_for_digits(text)
    if lettered is not None:
        fixed = lettered[1]
        yield rule.finding(f"表格中的数字“{text.strip()}”夹有字母，疑为“{fixed}”，请核对", table.at(r + 1, c + 1),
                           table.row_text(r), expected=fixed, found=text.strip())  # fmt: skip
    elif CELL_BAD_GROUPING.match(text):
        yield rule.finding(f"表格中的数字“{text.strip()}”千位分隔符位置不对，请核对", table.at(r + 1, c + 1),
                           table.row_text(r), found=text.strip())  # fmt: skip


RULE = Rule("FG901", "malformed-figure", Severity.ERROR, check, __doc__, FAILING, PASSING)
