"""One mistyped cell, told from the rest of the report: a table column that misses its 合计 by one amount d, where
exactly one row's cell less d is what the report says elsewhere for that row (its prose, its 一级 subtotal, its own
rate). That cell is the slip, named alone: the 合计 and the prose that agree with each other are not."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from checkers.analysis import ScoreRow, ScoreTable, grid_rows, level1_name, number_in, same_level1
from checkers.figures import percent_matches

if TYPE_CHECKING:
    from checkers.analysis import Analysis
    from checkers.table_rates import RateSlip
    from checkers.table_totals import TotalMismatch


@dataclass
class BlamedCell:
    """A score-table cell the rest of the report shows mistyped: its value, the value the others give, who gives it,
    and the 合计/小计 mismatches it explains."""

    table: ScoreTable
    row: ScoreRow
    col: int
    value: Decimal
    right: Decimal
    says: list[str]
    misses: list[TotalMismatch] = field(default_factory=list)


@dataclass
class BlamedAmount:
    """An amount cell of a table that is no score table, its row's rate and the column's 合计 both show mistyped: the
    grid row (1-based), the column, its value, the value they give, and the rate slip it explains."""

    row: int
    col: int
    value: Decimal
    right: Decimal
    slip: RateSlip


def blamed_cells(a: Analysis) -> dict[tuple[int, int, int], BlamedCell]:
    """The one mistyped cell of each score table's 权重 or 得分 column, by (id of the table, row, column)."""
    witnesses: dict[int, list[tuple[Decimal | None, Decimal, str]]] = {}  # id(row) → (weight, score, who says so)
    for statement in a.indicator_statements:
        for row, _ in a.rows_of(statement):
            witnesses.setdefault(id(row), []).append((statement.weight, statement.score, "正文"))
    for row, _ in a.overview_rows():
        for statement in a.level1_prose if row.labels else ():
            if same_level1(level1_name(row), statement.name):
                witnesses.setdefault(id(row), []).append((statement.extra.get("weight"), statement.value, "正文小计"))
    out: dict[tuple[int, int, int], BlamedCell] = {}
    for table in a.score_tables:
        for col, is_score in ((table.weight_col, False), (table.score_col, True)):
            misses = [m for m in a.total_mismatches(table.table) if m.col == col] if col is not None else []
            if col is None or not misses or len({m.computed - m.stated for m in misses}) != 1:
                continue
            delta = misses[0].computed - misses[0].stated
            found = []
            for row in table.body:
                value = row.score if is_score else row.weight
                if value is None:
                    continue
                right = value - delta
                says = [who for weight, score, who in witnesses.get(id(row), ()) if (score if is_score else weight) == right]
                if is_score and _rate_says(a, row, value, right):
                    says.append("本行得分率")
                if is_score and _execution_says(a, row, col, value, right):
                    says.append("本行执行率×分值")
                if says:
                    says = sorted({who for who in says if who != "正文小计" or "正文" not in says})  # (one sentence)
                    found.append(BlamedCell(table, row, col, value, right, says, misses))
            if len(found) == 1:
                out[(id(table.table), found[0].row.row, col)] = found[0]
    return out


@dataclass
class BlamedGroup:
    """A 一级 of a score table whose rows add up to d more (or less) than the prose's subtotal for it, where d is what
    the column misses its 合计 by: some row under that 一级 is mistyped, the 合计 and the prose are right."""

    table: ScoreTable
    col: int
    name: str
    rows: list[ScoreRow]
    value: Decimal
    right: Decimal
    misses: list[TotalMismatch] = field(default_factory=list)


def blamed_groups(a: Analysis) -> dict[tuple[int, int], BlamedGroup]:
    """By (id of the table, column): the one 一级 whose rows the prose's subtotal and the column's 合计 both show off
    by the same amount, when no single cell can be named (see :func:`blamed_cells`)."""
    out: dict[tuple[int, int], BlamedGroup] = {}
    cells = a.blamed_cells
    for table in a.score_tables:
        for col, is_score in ((table.weight_col, False), (table.score_col, True)):
            misses = [m for m in a.total_mismatches(table.table) if m.col == col] if col is not None else []
            if col is None or not misses or len({m.computed - m.stated for m in misses}) != 1 \
                    or any(key[0] == id(table.table) and key[2] == col for key in cells):  # fmt: skip
                continue
            delta = misses[0].computed - misses[0].stated
            groups = {name: [row for row in rows if (row.score if is_score else row.weight) is not None]
                      for name, rows in a.level1_groups(table).items()}  # fmt: skip
            found = []
            for name, rows in groups.items():
                if not rows:
                    continue
                total = sum(((row.score if is_score else row.weight) or Decimal(0) for row in rows), Decimal(0))
                said = {s.value if is_score else s.extra.get("weight") for s in a.level1_prose if same_level1(s.name, name)}
                if total - delta in said and total not in said and not (is_score and _rates_confirm(a, rows)):
                    found.append(BlamedGroup(table, col, name, rows, total, total - delta, misses))
            if len(found) == 1:
                out[(id(table.table), col)] = found[0]
    return out


def _rates_confirm(a: Analysis, rows: list[ScoreRow]) -> bool:
    """Every row has its own 得分率, and each holds for the score written: no row of them is off."""
    return all(row.rate is not None and row.weight and row.score is not None
               and percent_matches(row.rate, row.score / row.weight, a.tolerance) for row in rows)  # fmt: skip


def _rate_says(a: Analysis, row: ScoreRow, value: Decimal, right: Decimal) -> bool:
    """The row's own 得分率 holds for ``right`` and not for the score written."""
    if row.rate is None or not row.weight:
        return False
    return percent_matches(row.rate, right / row.weight, a.tolerance) and not percent_matches(row.rate, value / row.weight, a.tolerance)


def _execution_says(a: Analysis, row: ScoreRow, col: int, value: Decimal, right: Decimal) -> bool:
    """A 自评表's 资金 row (“年度资金总额 | … | 分值10 | 执行率95% | 得分9.5”), scored 执行率 × 分值 (at most 分值), holds
    for ``right`` and not for the score written in ``col``."""
    if not row.funding or not row.weight or col >= len(row.cells) or number_in(row.cells[col]) != value:
        return False
    rates = [cell for cell in row.cells if cell.strip().endswith(("%", "％"))]
    rate = number_in(rates[0].strip()[:-1]) if len(rates) == 1 else None
    if rate is None:
        return False
    earned = min(rate, Decimal(100))
    return percent_matches(earned, right / row.weight, a.tolerance) and not percent_matches(earned, value / row.weight, a.tolerance)


def blamed_amounts(a: Analysis) -> dict[int, list[BlamedAmount]]:
    """By id of a table that is no score table: its one mistyped amount cell, which its row's rate (a 兑付率 taken on
    it) recomputes with once d is taken off (“金华 | 7,300 | 5,480 | 80%” under a 合计 of 21,625)."""
    from checkers.table_rates import rate_slips

    out: dict[int, list[BlamedAmount]] = {}
    for table in a.document.tables:
        if id(table) in a.score_table_by_block:
            continue
        misses = [m for m in a.total_mismatches(table) if m.summed == "各行"]
        slips = rate_slips(table, a.tolerance) if misses else []
        for col in {m.col for m in misses}:
            deltas = {m.computed - m.stated for m in misses if m.col == col}
            if len(deltas) != 1:
                continue
            delta = deltas.pop()
            found = []
            for slip in (s for s in slips if s.operands and col in s.operands):
                numerator, base = slip.operands  # type: ignore[misc]
                cells = grid_rows(table)[slip.row - 1]
                value, other = number_in(cells[col]), number_in(cells[base if col == numerator else numerator])
                if value is None or other is None or value == delta:
                    continue
                right = value - delta
                ratio = right / other if col == numerator else (other / right if right else None)
                if ratio is not None and percent_matches(slip.stated, ratio, a.tolerance):
                    found.append(BlamedAmount(slip.row, col, value, right, slip))
            if len(found) == 1:
                out.setdefault(id(table), []).append(found[0])
    return out
