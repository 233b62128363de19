"""The report's funding detail table (资金明细表) cell by cell against the project data's ``funding.detail``.

The report's table is the one whose header names every numeric column of the data's table. Item rows are paired
with the data's rows by their first text cell (序号 aside: the 名称), or by position when the report lists as many
items as the data and most of a row's figures agree; the 合计 row is compared with the data's column totals. A table that disagrees with the data in
most of its numeric cells is taken as another table and not compared; a table written in 元 where the data is in
万元 (or the other way round) is compared in its own unit.
"""

from __future__ import annotations

from decimal import Decimal

from checkers.analysis import grid_rows, number_in
from checkers.document import Table, squash
from checkers.figures import round_half_up
from checkers.table_totals import CellSlip, total_kind


def _header_columns(header: list[str], names: list[str]) -> dict[int, int] | None:
    """Data column index → report column index, when every named column is in the header; else None."""
    cells = [squash(cell) for cell in header]
    out: dict[int, int] = {}
    for index, name in names:
        target = squash(name)
        match = next((c for c, cell in enumerate(cells) if cell == target), None)
        if match is None:
            match = next((c for c, cell in enumerate(cells) if cell.startswith(target)), None)  # 总预算（万元）
        if match is None:
            return None
        out[index] = match
    return out


def _data_number(cell) -> Decimal | None:
    return cell if isinstance(cell, Decimal) else None


def _item_key(row: list, text_columns: list[int]) -> str:
    return next((squash(str(row[c])) for c in text_columns if c < len(row) and row[c] not in (None, "")), "")


def detail_slips(tables: list[Table], detail) -> list[CellSlip]:
    """Every numeric cell of the report's detail table that differs from ``detail`` (a ``DetailTable``)."""
    numeric = [(i, c.name) for i, c in enumerate(detail.columns) if c.numeric]
    if not numeric or not detail.rows:
        return []
    named = [i for i, c in enumerate(detail.columns) if not c.numeric and "序" not in c.name]
    for table in tables:
        rows = grid_rows(table)
        if len(rows) < 2:
            continue
        columns = _header_columns(rows[0], numeric)
        if columns is None:
            continue
        for factor in UNIT_FACTORS:
            slips = _compare(table, rows, columns, named, detail, factor)
            if slips is not None:
                return slips
    return []


UNIT_FACTORS = (Decimal(1), Decimal(10000), Decimal("0.0001"))  # the same unit; a table in 元 of data in 万元; the reverse


def _same(stated: Decimal, expected: Decimal) -> bool:
    """The report's figure is the data's, written to the report's own places (798.5 for 798.46 in a table of tenths)."""
    places = stated.as_tuple().exponent
    if stated == expected:
        return True
    return isinstance(places, int) and places > expected.as_tuple().exponent and \
        stated == round_half_up(expected, -places)  # fmt: skip


def _data_value(data_row: list, i: int, factor: Decimal) -> Decimal | None:
    """The data row's figure in column ``i``, in the report table's unit."""
    value = _data_number(data_row[i]) if i < len(data_row) else None
    return value * factor if value is not None else None


def _mostly_agree(row: list[str], data_row: list, columns: dict[int, int], factor: Decimal) -> bool:
    """More than half of the row's numeric cells equal the data row's."""
    pairs = [(number_in(row[c]), _data_value(data_row, i, factor)) for i, c in columns.items()]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    return bool(pairs) and sum(_same(a, b) for a, b in pairs) * 2 > len(pairs)


def _compare(table: Table, rows: list[list[str]], columns: dict[int, int], named: list[int],
             detail, factor: Decimal) -> list[CellSlip] | None:  # fmt: skip
    """The differing cells of one table whose unit is the data's × ``factor``, or None when it is not the data's
    table (in that unit)."""
    header = rows[0]
    name_columns = {i: _header_columns(header, [(i, detail.columns[i].name)]) for i in named}
    name_pairs = [(i, m[i]) for i, m in name_columns.items() if m]
    items = [r for r in range(1, len(rows)) if not total_kind(rows[r]) and any(rows[r][c] for c in columns.values())]
    by_key = {_item_key(row, [i for i, _ in name_pairs]): row for row in detail.rows}
    pairs: list[tuple[int, list]] = []
    for r in items:
        key = next((squash(rows[r][c]) for _, c in name_pairs if rows[r][c].strip()), "")
        if key and key in by_key:
            pairs.append((r, by_key[key]))
    if len(pairs) < len(items) and len(items) == len(detail.rows):  # names differ: pair by position the rows
        paired = {r for r, _ in pairs}  # whose numbers mostly agree (a reordered table is not paired wrongly)
        pairs += [(r, data_row) for r, data_row in zip(items, detail.rows, strict=True)
                  if r not in paired and _mostly_agree(rows[r], data_row, columns, factor)]  # fmt: skip
    compared, slips = 0, []
    for r, data_row in pairs:
        for i, c in columns.items():
            expected = _data_value(data_row, i, factor)
            stated = number_in(rows[r][c])
            if expected is None or stated is None:
                continue
            compared += 1
            if not _same(stated, expected):
                item = next((rows[r][c2] for _, c2 in name_pairs if rows[r][c2].strip()), f"第{r + 1}行")
                slips.append(CellSlip(table, r + 1, c, header[c], item, stated, rows[r][c].strip(), expected,
                                      " | ".join(rows[r])))
    if not compared or len(slips) * 2 > compared:
        return None
    for r in range(1, len(rows)):
        if total_kind(rows[r]) != "total":
            continue
        for i, c in columns.items():
            stated = number_in(rows[r][c])
            expected = detail.column_total(i) * factor
            if stated is not None and not _same(stated, expected):
                slips.append(CellSlip(table, r + 1, c, header[c], "合计", stated, rows[r][c].strip(), expected,
                                      " | ".join(rows[r]), is_total=True))
    return slips
