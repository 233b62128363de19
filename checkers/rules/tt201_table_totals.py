"""表格合计不等于各行之和：任何表格（评分表、资金明细表……）的“合计/总计”行与该列各行之和不符。

对合计行中每个有数字的列（比率列除外），把该列其余各行的数字相加后比较；金额与得分都按报告所写的小数精确相加。
"""

from __future__ import annotations

from decimal import Decimal

from checkers.analysis import TOTAL_LABEL, Analysis, grid_rows, number_in
from checkers.document import Location
from checkers.finding import Severity
from checkers.rules.base import Rule
from evaluation_model import format_score, plain

FAILING = """\
| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| A1项目立项 | A11立项依据充分性 | 5 | 5 |
| | A12立项程序规范性 | 3 | 3 |
| 合计 | | 8 | 7 |
"""

PASSING = FAILING.replace("| 8 | 7 |", "| 8 | 8 |")


NOT_ADDITIVE = ("率", "%", "序号", "编号", "单价", "均价", "平均", "比例", "占比", "年度", "年份", "日期", "时间", "单位", "指标值")


def _is_rate_column(header: str) -> bool:
    """Columns whose 合计 is not the sum of the rows (rates, ids, prices, dates…)."""
    return any(word in header for word in NOT_ADDITIVE)


def check(a: Analysis, rule: Rule):
    for table in a.document.tables:
        rows = grid_rows(table)
        if len(rows) < 3:
            continue
        totals = [i for i, r in enumerate(rows) if r and TOTAL_LABEL.match(r[0].replace(" ", ""))]
        if len(totals) != 1 or totals[0] != len(rows) - 1:
            continue
        header, body, total = rows[0], rows[1:-1], rows[-1]
        for c in range(1, len(total)):
            stated = number_in(total[c].replace("分", "").replace("万元", "").replace("元", ""))
            if stated is None or (c < len(header) and _is_rate_column(header[c])) or total[c].endswith("%"):
                continue
            values = [number_in(r[c].replace("分", "")) for r in body if c < len(r)]
            numbers = [v for v in values if v is not None]
            if not numbers:
                continue
            computed = sum(numbers, Decimal(0))
            if computed != stated:
                column = header[c] if c < len(header) else f"第{c + 1}列"
                yield rule.finding(
                    f"表格“{column}”列合计写{format_score(stated)}，但各行相加为{plain(computed)}",
                    Location(section=table.location.section, table=table.location.table, row=len(rows), col=c + 1),
                    table.row_text(len(rows) - 1) if len(table.rows) == len(rows) else " | ".join(total),
                    expected=plain(computed),
                    found=format_score(stated),
                )


RULE = Rule("TT201", "table-totals", Severity.ERROR, check, __doc__, FAILING, PASSING)
