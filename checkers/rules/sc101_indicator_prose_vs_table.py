"""指标正文与评分表不一致：正文“B14运转程序规范性，权重4分，得分3分”与本报告评分表中该指标的权重或得分不同。

正文逐项分析开头的权重、得分必须与报告自己的评分表（各一级指标分表或附件指标体系表）一致。
标题或段首写出权重、正文只写一处得分（“1.进度安排合理性（6分）”下“……，扣1分，得5分。”；“D31学生及家长满意度（8分）：
……评分6.5分。”）时，二者合为该指标的开头；“重点工作完成率指标得9.5分（满分10分）”“【预算执行率】标准分5分，得4分”
“指标名称：服务对象满意度；指标分值：6分；评价得分：5.6分”“立项依据充分性（5分）得5分，立项程序规范性（5分）得4分”亦同；
段首一句只写编号和名称、证据之后再写“该指标满分5分，扣1分，得4分”的（“1.政策依据充分性。……。该指标满分5分，得5分。”）也一样读；
段首写评分表中的指标名称加冒号、全段只写一处得分的（自评报告常见：“4.活动按计划完成及时率：……及时率92%，扣1分，得9分。”），
按评分表该行的权重读，只核对得分（扣分由 SC103 核对）。
按指标编码匹配；无编码的报告按指标名称匹配。给出 --data 且数据与正文一致时，不一致的是评分表那一行，由 SC104 指出。
正文分析了一个带编码的指标（“B16档案管理规范性，权重1分，得分1分”），而评分表列有同一二级指标下的其他指标（B11–B15）却没有它，
也报告：多是正文多写了一个指标，或评分表漏了一行。
"""

from __future__ import annotations

from checkers.analysis import Analysis
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import format_score

FAILING = """\
## 四、绩效评价指标分析

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| B1组织实施 | B14运转程序规范性 | 4 | 2 |
| 合计 | | 4 | 2 |

B14运转程序规范性，权重4分，得分3分。
"""

PASSING = FAILING.replace("得分3分", "得分2分")


def check(a: Analysis, rule: Rule):
    yield from _not_in_the_tables(a, rule)
    for statement in a.indicator_statements:
        known = a.data.find_indicator(statement.code or statement.name) if a.data is not None else None
        if known is not None and known.is_leaf and (known.weight, known.total_score) == (statement.weight, statement.score):
            continue  # the data agrees with the text: a table row that differs is SC104's to name
        differing: dict[tuple, list] = {}  # (weight, score) → the rows giving it: tables that agree say it once
        for row, table in a.rows_of(statement):
            if row.weight is None or row.score is None:
                continue
            if (row.weight, row.score) != (statement.weight, statement.score):
                column = table.score_col if row.score != statement.score else table.weight_col
                if a.is_blamed(table, row, column) and (row.weight == statement.weight or row.score == statement.score):
                    continue  # (a mistyped cell the prose and the table's 合计 both show: TT201 names the cell)
                key = row.score if not statement.weight_stated else (row.weight, row.score)
                differing.setdefault(key, []).append((row, table, column))
        for rows in differing.values():
            row, table, column = rows[0]
            where = "、".join(r.location.reference() for r, _, _ in rows)
            if not statement.weight_stated:  # (the prose gives the score alone)
                yield rule.finding(
                    f"{statement.label}：正文写得分{format_score(statement.score)}分，评分表（{where}）为得分"
                    f"{format_score(row.score)}分" + a.doubt_about(table.table, column),
                    statement.location, statement.opening, expected=f"{format_score(row.score)}分",
                    found=f"{format_score(statement.score)}分",
                )  # fmt: skip
                continue
            yield rule.finding(
                f"{statement.label}：正文写权重{format_score(statement.weight)}分、得分{format_score(statement.score)}分，"
                f"评分表（{where}）为权重{format_score(row.weight)}分、得分{format_score(row.score)}分"
                + a.doubt_about(table.table, column),
                statement.location,
                statement.opening,
                expected=f"权重{format_score(row.weight)}分，得分{format_score(row.score)}分",
                found=f"权重{format_score(statement.weight)}分，得分{format_score(statement.score)}分",
            )


def _not_in_the_tables(a: Analysis, rule: Rule):
    """Coded indicators analysed in prose that no score table lists, though the tables list their siblings."""
    for statement in a.indicator_statements:
        code = statement.code
        if not code or len(code) < 3 or a.rows_of(statement):
            continue
        siblings = sorted(key for key in a.table_indicators if len(key) == len(code) and key[:-1] == code[:-1])
        if not siblings:
            continue
        listed = f"{siblings[0]}–{siblings[-1]}" if len(siblings) > 2 else "、".join(siblings)
        yield rule.finding(
            f"正文分析了指标{statement.label}（权重{format_score(statement.weight)}分，得分{format_score(statement.score)}分），"
            f"但评分表中{code[:-1]}下只有{listed}，没有这一指标；请核对是正文多写了，还是评分表漏了一行",
            statement.location, statement.opening, expected=f"评分表中有{code}", found=statement.label,
        )  # fmt: skip


RULE = Rule("SC101", "indicator-prose-vs-table", Severity.ERROR, check, __doc__, FAILING, PASSING)
