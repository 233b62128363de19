"""评分表满分不是100分：全文评分表（指标体系表、得分概况表）的权重合计接近而不等于100分。

财预〔2020〕10号按百分制评分。全文评分表合计行的权重在80～120分之间而不是100分时（多是某个权重写错），给出警告；
评分表列有加分项、附加分（其权重另计），或报告写明满分（“满分105分”“总分105分”）与合计相同时不报。
"""

from __future__ import annotations

import re

from checkers.analysis import Analysis
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import FULL_MARKS_NEAR, format_score

FAILING = """| 一级指标 | 权重 | 得分 |
|---|---|---|
| 决策 | 20 | 18 |
| 过程 | 21 | 19 |
| 产出 | 30 | 27 |
| 效益 | 30 | 26 |
| 合计 | 101 | 90 |
"""

PASSING = FAILING.replace("| 21 | 19 |", "| 20 | 19 |").replace("| 101 | 90 |", "| 100 | 90 |")

EXTRA_ROW = re.compile(r"加分|附加|奖励|扣分项|减分项")
STATED_FULL_MARKS = re.compile(r"(?:满分|总分|总分值)(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分")


def check(a: Analysis, rule: Rule):
    stated = {m.group(1) for p in a.paragraphs if "分" in p.text for m in STATED_FULL_MARKS.finditer(p.text)}
    for table in a.score_tables:
        total = table.total_row
        if total is None or total.weight is None or total.weight == 100 or not a.is_whole_report_table(table):
            continue
        if not FULL_MARKS_NEAR[0] <= total.weight <= FULL_MARKS_NEAR[1] or format_score(total.weight) in stated:
            continue  # (a table of a part, or full marks the report states)
        if any(EXTRA_ROW.search(label) for row in table.rows for label in row.labels):
            continue  # (a bonus row's weight counted in)
        yield rule.finding(
            f"评分表权重合计为{format_score(total.weight)}分，不是100分（财预〔2020〕10号按百分制评分）；请核对各指标权重",
            total.location, total.excerpt, expected="100分", found=f"{format_score(total.weight)}分",
        )  # fmt: skip


RULE = Rule("TT204", "full-marks", Severity.WARNING, check, __doc__, FAILING, PASSING)
