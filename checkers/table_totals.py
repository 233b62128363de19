"""Column totals of any table: each 合计/小计 row against the rows it adds up (rates, ids, prices… excluded).

Shared by the table-total rule and by the rules that compare prose with a table (a table that does not add up
may itself hold the wrong figure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checkers.analysis import SUBTOTAL_LABEL, TOTAL_LABEL, grid_rows, number_in
from checkers.document import Table


@dataclass
class TotalMismatch:
    """A 合计/小计 cell that is not the sum of its column: row (1-based), column (0-based), stated and computed."""

    table: Table
    row: int
    col: int
    label: str
    column: str
    stated: Decimal
    computed: Decimal
    row_text: str
    written: str = ""  # the cell as the report writes it (“1,350,000.00”)


NOT_ADDITIVE = ("率", "%", "序号", "编号", "单价", "均价", "平均", "比例", "占比", "年度", "年份", "日期", "时间", "单位", "指标值")


def _is_rate_column(header: str) -> bool:
    """Columns whose 合计 is not the sum of the rows (rates, ids, prices, dates…)."""
    return any(word in header for word in NOT_ADDITIVE)


CARRIED = re.compile(r"^(?:承前页|承上页|接上页|承前|上页合计|上页小计|过次页|转下页|转次页)")  # a page's carried sum
PAGE_SUBTOTAL = re.compile(r"^本页(?:小计|合计)$")


def total_kind(row: list[str]) -> str | None:
    """'subtotal', 'total' or 'carry' (a sum carried from or to another page: added to nothing, checked against
    nothing) when one of the row's first three cells is such a label."""
    for cell in row[:3]:
        text = cell.replace(" ", "")
        if TOTAL_LABEL.match(text):
            return "subtotal" if SUBTOTAL_LABEL.match(text) else "total"
        if PAGE_SUBTOTAL.match(text):
            return "subtotal"
        if CARRIED.match(text):
            return "carry"
    return None


def _is_breakdown_start(row: list[str]) -> bool:
    return any(cell.strip().startswith("其中") for cell in row[:3])


def _breakdown_rows(rows: list[list[str]], c: int) -> set[int]:
    """Indexes of “其中” rows (the parts of the row above them) in column ``c``: they are not added again.

    The parts are the rows from “其中” on that add up to the row above; failing that (a partial breakdown), in a
    table with a 序号 column the rows that share the row above's number; else the “其中” row alone. A “其中”
    under a 合计 row lists the total's own items: those are what it adds up.
    """
    return {index for block in _breakdowns(rows, c).values() for index in block}


def _breakdowns(rows: list[list[str]], c: int) -> dict[int, list[int]]:
    """Each parent row's “其中” rows in column ``c`` (see :func:`_breakdown_rows`), by the parent's index."""
    blocks: dict[int, list[int]] = {}
    out: set[int] = set()
    numbered = bool(rows) and any(word in rows[0][0] for word in ("序号", "编号", "序"))
    for start, row in enumerate(rows):
        if start == 0 or start in out or not _is_breakdown_start(row):
            continue
        above = start - 1
        while above > 0 and (above in out or _is_breakdown_start(rows[above])):
            above -= 1
        parent = rows[above]
        if above == 0 or total_kind(parent):
            continue
        whole, running, block = _number(parent[c]), Decimal(0), None
        for index in range(start, len(rows)):
            value = _number(rows[index][c])
            if whole is None or value is None or total_kind(rows[index]) or running + value > whole:
                break
            running += value
            if running == whole:
                block = list(range(start, index + 1))
                break
        if block is None and numbered:
            block = [start]
            for index in range(start + 1, len(rows)):
                if rows[index][0] != parent[0] or total_kind(rows[index]):
                    break
                block.append(index)
        blocks[above] = block or [start]
        out.update(blocks[above])
    return blocks


@dataclass
class CellSlip:
    """A cell another figure contradicts: row (1-based), column (0-based) and header, the row's item, the value as
    read and as written, the other figure (the data's value; the sum of a row's parts), whether it is a 合计 cell."""

    table: Table
    row: int
    col: int
    column: str
    item: str
    stated: Decimal
    written: str
    other: Decimal
    row_text: str
    is_total: bool = False


MONEY_WORDS = re.compile(r"金额|预算|支出|资金|投资|费用|价|元|拨付|支付")


def breakdown_excesses(table: Table) -> list[CellSlip]:
    """Amount columns of a numbered table where an item's “其中” parts add up to more than the item (parts of an
    amount never exceed it)."""
    rows = grid_rows(table)
    if len(rows) < 3 or not any(word in rows[0][0] for word in ("序号", "编号", "序")):
        return []
    if not any(_is_breakdown_start(row) for row in rows[1:]):
        return []
    header, out = rows[0], []
    money_table = bool(MONEY_WORDS.search(table.caption or ""))
    for c in range(1, len(header)):
        if _is_rate_column(header[c]) or not (money_table or MONEY_WORDS.search(header[c])):
            continue  # counts may overlap (新建点位 and 人脸识别点位 of one 320); amounts do not
        for parent, block in _breakdowns(rows, c).items():
            whole = _number(rows[parent][c])
            values = [_number(rows[i][c]) for i in block]
            if whole is None or None in values or len(values) < 2 or rows[parent][c].endswith("%"):
                continue
            parts = sum(values, Decimal(0))
            if parts > whole:
                item = next((cell for cell in rows[parent][1:c] if cell.strip() and _number(cell) is None), f"第{parent + 1}行")
                out.append(CellSlip(table, parent + 1, c, header[c], item, whole, rows[parent][c].strip(), parts,
                                    " | ".join(rows[parent])))  # fmt: skip
    return out


def _number(cell: str) -> Decimal | None:
    return number_in(cell.replace("分", "").replace("万元", "").replace("元", ""))


def total_mismatches(table: Table, earlier: list[list[str]] | None = None, header: list[str] | None = None) -> list[TotalMismatch]:
    """Every 合计/小计 cell of the table that its column does not add up to.

    A 续表 passes the rows of the parts before it (``earlier``) and the first part's ``header``: its 合计 adds them up too.
    """
    out: list[TotalMismatch] = []
    rows = grid_rows(table)
    offset = 0
    if earlier and header is not None:
        rows = [header, *earlier, *rows]
        offset = len(earlier) + 1  # the table's own rows come after the header and the earlier parts
    if len(rows) < 3:
        return out
    header = rows[0]
    kinds = [total_kind(r) for r in rows]
    if not any(kinds[1:]):
        return out
    since_subtotal: list[int] = []  # rows since the last subtotal
    all_rows: list[int] = []  # every non-total row
    parts: dict[int, set[int]] = {}  # column → its “其中” rows
    for index, (row, kind) in enumerate(zip(rows[1:], kinds[1:], strict=True), 2):
        if kind is None:
            since_subtotal.append(index - 1)
            all_rows.append(index - 1)
            continue
        if kind == "carry":
            continue
        addends = since_subtotal if kind == "subtotal" else all_rows
        if kind == "total" and not all_rows:  # a 合计 row above its items adds up the rows below it
            addends = [i for i in range(index, len(rows)) if kinds[i] is None]
        label = "小计" if kind == "subtotal" else "合计"
        for c in range(1, len(row)):
            stated = _number(row[c])
            if stated is None or (c < len(header) and _is_rate_column(header[c])) or row[c].endswith("%"):
                continue
            if total_kind([row[c]]):
                continue
            if c not in parts:
                parts[c] = _breakdown_rows(rows, c)
            numbers = [v for v in (_number(rows[i][c]) for i in addends if i not in parts[c]) if v is not None]
            if not numbers:
                continue
            computed = sum(numbers, Decimal(0))
            if computed != stated and index > offset:
                column = header[c] if c < len(header) and header[c].strip() else f"第{c + 1}列"
                out.append(TotalMismatch(table, index - offset, c, label, column, stated, computed, " | ".join(row),
                                         row[c].strip()))
        if kind == "subtotal":
            since_subtotal = []
    return out
