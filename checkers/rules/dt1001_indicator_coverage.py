"""数据中的指标未在报告中出现（需 --data）：项目数据里的某个三级指标，报告正文和表格都没有提到。

指标的编码或名称须出现在报告的表格中，或某一段落（标题）首句的开头（编号、引号、“指标”二字之后，如
“（三）B14运转程序规范性”“4.运转程序规范性（B14）”，其前至多几个字：“项目资金到位率……”），或在正文中以“名称，权重N分，得分M分”一类写法写出其权重与得分
（同一段落写几个指标亦可）；另一指标的分析文字里顺带提到它不算。
报告对数据中至少一半的指标逐一写了分析段落（以指标开头的段落或“权重N分，得分M分”的写法）时，某指标只在表格中出现、
正文没有它的分析段落，也提示（多是误删了该指标的分析）。
"""

from __future__ import annotations

import re

from checkers.analysis import Analysis
from checkers.document import Location
from checkers.finding import Severity
from checkers.rules.base import MINI_DATA, Rule

PASSING = """\
A11立项依据充分性，权重50分，得分50分。

B14运转程序规范性，权重50分，得分40分。
"""

FAILING = """\
A11立项依据充分性，权重50分，得分50分。
"""


HEAD_PREFIX = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?\s*)?[“\"「]?(?:指标\s*)?")


def _openings(a: Analysis) -> list[str]:
    """The start of each paragraph's first sentence (headings included), numbering, quotes and “指标” taken off."""
    out = []
    for paragraph in a.paragraphs:
        first = paragraph.text.split("。", 1)[0]
        out.append(HEAD_PREFIX.sub("", first, count=1)[:30])
    return out


LEAD_MAX = 4  # words before the name at a sentence's start (“项目资金到位率……”), not a clause (“资金到位率达到预期，预算执行率…”)


def _opened(openings: list[str], keys: set[str]) -> set[str]:
    """The keys (codes, names) some paragraph's first sentence opens with, a few words in at most: each opening's
    start is looked up once per key length, not searched for every key."""
    lengths = {len(k) for k in keys}
    return {piece for opening in openings for start in range(LEAD_MAX + 1) for length in lengths
            if (piece := opening[start : start + length]) in keys}  # fmt: skip


def check(a: Analysis, rule: Rule):
    tables = "\n".join(text for _, _, _, text in a.cells())
    openings = _openings(a)
    stated = {key for s in a.indicator_statements for key in (s.code, s.name) if key}  # openings inside a paragraph too
    leaves = a.data.leaves()
    keys = {id(leaf): [k for k in (leaf.code, leaf.name) if k] for leaf in leaves}
    opened = _opened(openings, {k for ks in keys.values() for k in ks})
    in_prose = {id(leaf) for leaf in leaves if any(k in stated or k in opened for k in keys[id(leaf)])}
    one_by_one = len(leaves) >= ONE_BY_ONE_MIN and len(in_prose) * 2 >= len(leaves)  # (the report analyses each one)
    for leaf in leaves:
        if id(leaf) in in_prose:
            continue
        if any(k in tables for k in keys[id(leaf)]):
            if one_by_one:
                rows = [row for row, _ in a.rows_named(leaf.code, leaf.name)]
                yield rule.finding(
                    f"指标“{leaf.label}”只在表格中出现，正文没有它的分析段落（报告对其余{len(in_prose)}个指标逐一作了分析）；"
                    "请补写该指标的分析，或确认是否误删",
                    rows[0].location if rows else Location(), rows[0].excerpt if rows else leaf.label,
                    expected=f"{leaf.label}的分析段落", found="（只在表格中）",
                )  # fmt: skip
            continue
        yield rule.finding(
            f"项目数据中的指标“{leaf.label}”（权重{leaf.total_weight}分，得分{leaf.total_score}分）在报告中没有出现",
            Location(), f"项目数据：{leaf.label}", expected=leaf.label, found="（未出现）",  # (the report has no such text)
        )  # fmt: skip


ONE_BY_ONE_MIN = 3  # indicators in the data before “most are analysed in prose” says the report analyses each one


RULE = Rule("DT1001", "indicator-coverage", Severity.WARNING, check, __doc__, FAILING, PASSING, data=MINI_DATA,
            needs_data=True)  # fmt: skip
