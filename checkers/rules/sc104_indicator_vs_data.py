"""指标权重、得分与项目数据不一致（需 --data）：报告正文、结尾句或评分表中某指标的权重、得分与数据文件不同。

按编码（无编码时按名称）在项目数据中找到该三级指标，比较正文开头句与评分表各行的权重和得分；开头句错了而结尾句照抄时，结尾句也列出（结尾写的“扣N分”也不对时，说明应扣几分）；
得分概况表中一级指标的权重、得分也与数据比较（重新打分后未更新的表格）。
数据中的指标带编码时，正文分析了一个数据中没有的编码指标（名称也对不上），也报告。
"""

from __future__ import annotations

from checkers.analysis import Analysis, level1_name, names_match
from checkers.finding import Severity
from checkers.openings import split_label
from checkers.rules.base import MINI_DATA, Rule
from evaluation_model import format_score

PASSING = """\
| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| B1组织实施 | B14运转程序规范性 | 50 | 40 |
| 合计 | | 50 | 40 |

B14运转程序规范性，权重50分，得分40分。
"""

FAILING = PASSING.replace("| 50 | 40 |\n| 合计", "| 50 | 45 |\n| 合计").replace("| 合计 | | 50 | 40 |", "| 合计 | | 50 | 45 |")


def _pair(weight, score, joined: str = "、") -> str:
    """“权重4分、得分2分” in a message; as expected or found, joined as SC101 joins it (“权重4分，得分2分”), so that the
    two findings on one wrong figure are known for one."""
    return f"权重{format_score(weight)}分{joined}得分{format_score(score)}分"


def check(a: Analysis, rule: Rule):
    data = a.data
    stated = [(s.code or s.name, s.weight, s.score, s.location, s.opening)
              for s in a.indicator_statements if s.weight_stated]  # fmt: skip
    for s in a.indicator_statements:  # a score stated alone (its weight the table's): the score against the data's
        node = data.find_indicator(s.code or s.name) if not s.weight_stated else None
        if node is not None and node.is_leaf and s.score != node.total_score:
            yield rule.finding(
                f"{node.label}：正文写得分{format_score(s.score)}分，项目数据为得分{format_score(node.total_score)}分",
                s.location, s.opening, expected=f"{format_score(node.total_score)}分", found=f"{format_score(s.score)}分",
            )  # fmt: skip
    for key, rows in a.table_indicators.items():
        for row, _ in rows:
            stated.append((key, row.weight, row.score, row.location, row.excerpt))
    codes = {leaf.code for leaf in data.leaves() if leaf.code}
    for statement in a.indicator_statements:  # an indicator the data does not have (coded data only: names may vary)
        if codes and statement.code and statement.code not in codes and data.find_indicator(statement.name) is None:
            yield rule.finding(
                f"正文分析了指标{statement.label}（权重{format_score(statement.weight)}分，得分{format_score(statement.score)}分），"
                f"项目数据中没有这一指标；请核对是正文多写了，还是数据漏了该指标",
                statement.location, statement.opening, expected="（数据中没有）", found=statement.label,
            )  # fmt: skip
    for key, weight, score, location, excerpt in stated:
        node = data.find_indicator(key)
        if node is None or not node.is_leaf or weight is None or score is None:
            continue
        if (weight, score) != (node.total_weight, node.total_score):
            yield rule.finding(
                f"{node.label}：报告写{_pair(weight, score)}，项目数据为{_pair(node.total_weight, node.total_score)}",
                location, excerpt, expected=_pair(node.total_weight, node.total_score, "，"), found=_pair(weight, score, "，"),
            )  # fmt: skip
    for row, _table in a.overview_rows():  # 一级 rows of the 得分概况表 (a stale row after a rescore)
        code, name = split_label(row.labels[0])[0] if row.labels else None, level1_name(row)
        node = next((top for top in data.indicators if (code and top.code == code) or names_match(top.name, name)), None)
        if node is None or row.weight is None or row.score is None:
            continue
        if (row.weight, row.score) != (node.total_weight, node.total_score):
            yield rule.finding(
                f"{node.label}：评分表写{_pair(row.weight, row.score)}，项目数据为{_pair(node.total_weight, node.total_score)}",
                row.location, row.excerpt, expected=_pair(node.total_weight, node.total_score, "，"),
                found=_pair(row.weight, row.score, "，"),
            )  # fmt: skip
    for statement in a.indicator_statements:  # a closing that repeats a wrong opening is just as wrong
        node = data.find_indicator(statement.code or statement.name)
        if node is None or not node.is_leaf or statement.score == node.total_score:
            continue
        for closing in statement.closings:
            if closing.score == statement.score and closing.score != node.total_score:
                deducted = node.total_weight - node.total_score if node.total_weight is not None else None
                also = f"（扣分应为{format_score(deducted)}分）" if closing.deduction is not None and deducted is not None \
                    and closing.deduction != deducted else ""  # fmt: skip  # (“扣2分，该指标得2分”: both stale)
                yield rule.finding(
                    f"{node.label}：结尾写“{closing.words}”，项目数据为得分{format_score(node.total_score)}分{also}",
                    closing.paragraph.location, closing.sentence, expected=f"{format_score(node.total_score)}分",
                    found=f"{format_score(closing.score)}分",
                )  # fmt: skip


RULE = Rule("SC104", "indicator-vs-data", Severity.ERROR, check, __doc__, FAILING, PASSING, data=MINI_DATA,
            needs_data=True)  # fmt: skip
