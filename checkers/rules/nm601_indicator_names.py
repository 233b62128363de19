"""指标名称前后不一致：同一编码的指标在正文与表格中名称不同，或一级指标在得分概况表与正文中名称不同。

（1）正文“A12立项程序合规性”与评分表“A12立项程序规范性”：同一编码、名称不同；
同一编码在几张评分表中名称不同时，以报告多数处（各表与正文）的名称为准，指出不同的那一行（“D12交通事故下降率”在附件表中，
而分表与正文都是“D12交通事故下降”）；
（2）得分概况表“D.效果”与正文“效益指标总分25分，得分21分”：权重、得分相同而名称不同（项目数据、或没有数据时附件
指标体系表与标题，与正文同名而与概况表不同名时，指出得分概况表的那一行）；
标题中的编码与名称（“1.公益活动开展率（C21）”“（一）C21公益活动开展率”）同样与评分表比较；
（3）给出 --data 时，报告中的名称与数据中该编码的名称不同；
（4）无编码的报告中，正文指标名称在评分表中找不到，而评分表中恰有一个权重、得分都相同且名称相近的指标
（正文“优良路率”、评分表“优良中等路率”）。
"""

from __future__ import annotations

import re
from collections import Counter

from checkers.analysis import Analysis, names_match, row_code_and_name
from checkers.finding import Severity
from checkers.openings import HEADING_NUMBER, split_label
from checkers.rules.base import Rule
from evaluation_model import character_pairs

FAILING = """\
| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| A1项目立项 | A12立项程序规范性 | 3 | 3 |
| 合计 | | 3 | 3 |

A12立项程序合规性，权重3分，得分3分。
"""

PASSING = FAILING.replace("A12立项程序合规性", "A12立项程序规范性")


def check(a: Analysis, rule: Rule):
    rows_by_code: dict[str, list[tuple[str, object]]] = {}  # code → (name, row) in every table that lists it
    for table in a.score_tables:
        for row in table.body:
            for code, name in dict.fromkeys([split_label(label) for label in row.labels] + [row_code_and_name(row)]):
                if code and len(code) > 1:
                    rows_by_code.setdefault(code, []).append((name, row))
    prose: dict[str, Counter] = {}  # code → how often the prose openings give each name
    for statement in a.indicator_statements:
        if statement.code:
            prose.setdefault(statement.code, Counter())[statement.name] += 1
    table_names = {code: _usual_name(rows, prose.get(code)) for code, rows in rows_by_code.items()}
    yield from _odd_table_names(rows_by_code, table_names, prose, rule)
    yield from _heading_names(a, table_names, rule)
    for statement in a.indicator_statements:
        node = a.data.find_indicator(statement.code) if a.data is not None and statement.code else None
        if statement.code and statement.code in table_names and table_names[statement.code] != statement.name:
            expected = statement.code + table_names[statement.code]
            both = node is not None and node.name == table_names[statement.code]  # (one finding, not two alike)
            yield rule.finding(
                f"指标 {statement.code} 正文称“{statement.name}”，评分表{'和项目数据均' if both else ''}称“{table_names[statement.code]}”",
                statement.location, statement.opening, expected=expected,
                found=statement.label,
            )  # fmt: skip
            if both:
                continue
        if node is not None and node.name != statement.name:
            yield rule.finding(
                f"指标 {statement.code} 报告称“{statement.name}”，项目数据称“{node.name}”",
                statement.location, statement.opening, expected=node.label,
                found=statement.label,
            )  # fmt: skip
    yield from _uncoded_names(a, rule)
    overview = [row for t in a.score_tables if len(t.label_cols) == 1 for row in t.body if row.labels]
    for statement in a.level1_prose:
        weight = statement.extra.get("weight")
        if weight is None:
            continue
        if any(names_match(split_label(row.labels[0])[1], statement.name) for row in overview):
            continue
        same = [row for row in overview if (row.weight, row.score) == (weight, statement.value)]
        for row in same[:1] if len(same) == 1 else []:
            _, name = split_label(row.labels[0])
            tops = [top.name for top in a.data.indicators] if a.data is not None else []
            others = tops or [*a.table_level1_sums, *(h.text for h in a.document.headings)]  # (the appendix, headings)
            if not names_match(name, statement.name) and any(names_match(_bare(x), statement.name) for x in others) \
                    and not any(names_match(_bare(x), name) for x in others):  # fmt: skip
                who = "项目数据" if tops else "指标体系表或标题"
                yield rule.finding(  # the data (or the rest of the report) names it as the text does: the table is odd
                    f"一级指标在得分概况表中称“{name}”，正文和{who}称“{statement.name}”",
                    row.location, row.excerpt, expected=statement.name, found=name,
                )  # fmt: skip
            elif not names_match(name, statement.name):
                yield rule.finding(
                    f"一级指标在得分概况表中称“{name}”（{row.location.reference()}），正文称“{statement.name}”",
                    statement.location, statement.excerpt, expected=name, found=statement.name,
                )  # fmt: skip


def _usual_name(rows: list[tuple[str, object]], prose: Counter | None) -> str:
    """The name most of the report gives an indicator (its tables' rows and the prose openings); on a tie, the first
    table's."""
    first = rows[0][0]
    if all(name == first for name, _ in rows) and (prose is None or len(prose) == 1):
        return first  # (the usual case: every table alike, the prose once or alike)
    votes = Counter(name for name, _ in rows) + (prose or Counter())
    best = max(votes[name] for name, _ in rows)
    return next(name for name, _ in rows if votes[name] == best)


def _odd_table_names(rows_by_code: dict[str, list[tuple[str, object]]], usual: dict[str, str], prose: dict[str, Counter],
                     rule: Rule):  # fmt: skip
    """A table row naming a coded indicator otherwise than the rest of the report (another table and the prose) does:
    “D12交通事故下降率” in the appendix where the section's table and the text say “D12交通事故下降”."""
    for code, rows in rows_by_code.items():
        if len(rows) < 2 or len({name for name, _ in rows}) < 2:
            continue  # (the tables agree: a prose name that differs is reported at the prose)
        names = Counter(name for name, _ in rows) + prose.get(code, Counter())
        right = usual[code]
        if list(names.values()).count(names[right]) > 1:
            continue  # no majority: which is right cannot be told
        for name, row in rows:
            if name != right:
                yield rule.finding(
                    f"指标 {code} 在此表中称“{name}”，报告其他表格和正文称“{right}”",
                    row.location, row.excerpt, expected=code + right, found=code + name,
                )  # fmt: skip


def _bare(text: str) -> str:
    """A heading or table name without its number, trailing brackets and section words (“（四）项目效益情况（30分）” →
    效益)."""
    return SECTION_WORDS.sub("", TRAILING_BRACKET.sub("", HEADING_NUMBER.sub("", text)).strip())


SECTION_WORDS = re.compile(r"^项目|(?:指标)?(?:情况|分析|完成情况|实现情况)$")  # “（四）项目效益情况” names 效益
TRAILING_BRACKET = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
CODE_AFTER = re.compile(r"^(?P<name>[\u4e00-\u9fff][^（(]{1,30}?)\s*[（(]\s*(?P<code>[A-Z]\d{1,3})\s*[）)]\s*$")


def _heading_names(a: Analysis, table_names: dict[str, str], rule: Rule):
    """A heading naming a coded indicator (“1.公益活动开展率（C21）”, “（一）C21公益活动开展率”) otherwise than the tables."""
    stated = {(s.code, s.name) for s in a.indicator_statements}  # (a heading read as an indicator's opening: reported there)
    for heading in a.document.headings:
        text = HEADING_NUMBER.sub("", heading.text).strip()
        after = CODE_AFTER.match(text)
        code, name = (after.group("code"), after.group("name").strip()) if after else split_label(text)
        name = TRAILING_BRACKET.sub("", re.split(r"[：:]", name, maxsplit=1)[0]).strip()  # (“…性（4分）”, “…性：……”)
        if not code or code not in table_names or names_match(name, table_names[code]) or (code, name) in stated:
            continue
        if len(name) > 20 or re.search(r"[，,。；;：:]", name):
            continue  # (a sentence, not a name)
        yield rule.finding(
            f"指标 {code} 标题称“{name}”，评分表称“{table_names[code]}”",
            heading.location, heading.text.strip(), expected=code + table_names[code], found=code + name,
        )  # fmt: skip


def _uncoded_names(a: Analysis, rule: Rule):
    """An uncoded indicator whose name is in no score table, where exactly one table row no text names has its weight
    and score and a name sharing half its character pairs (“优良路率” for the table's “优良中等路率”) or the same
    characters in another order (“预算行执率”)."""
    rows = [(split_label(row.label)[1], row) for table in a.score_tables for row in table.body if row.labels]
    if not rows:
        return
    named = {name for name, _ in rows}
    stated = {s.name for s in a.indicator_statements}
    for statement in a.indicator_statements:
        if statement.code or statement.name in named or statement.name in a.table_indicators:
            continue
        mine = character_pairs(statement.name)
        alike = [(name, row) for name, row in rows if name not in stated and (row.weight, row.score)
                 == (statement.weight, statement.score) and (len(mine & character_pairs(name)) * 2 >= max(len(mine), 1)
                 or sorted(name) == sorted(statement.name))]  # fmt: skip  (“预算行执率”: two characters swapped)
        if len({name for name, _ in alike}) == 1:  # one indicator (in a section's table and the appendix's alike)
            name, row = alike[0]
            yield rule.finding(
                f"正文指标“{statement.name}”在评分表中没有同名指标；评分表（{row.location.reference()}）中权重、得分相同的是"
                f"“{name}”，请统一名称",
                statement.location, statement.opening, expected=name, found=statement.name,
            )  # fmt: skip


RULE = Rule("NM601", "indicator-names", Severity.WARNING, check, __doc__, FAILING, PASSING)
