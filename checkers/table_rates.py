"""到位率 and 执行率 columns of any table, recomputed row by row from the same row's amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checkers.analysis import grid_rows
from checkers.document import Table
from checkers.figures import parse_number, percent_matches
from checkers.table_totals import column_headers, header_rows

_PERCENT_HEADER = re.compile(r"[（(]\s*[%％]\s*[）)]|[%％]$")


@dataclass
class RateSlip:
    """A rate cell its row's amounts do not give: row (1-based), column (0-based), its header, the rate as written,
    the ratio it should be and how it was computed."""

    table: Table
    row: int
    col: int
    column: str
    written: str
    stated: Decimal
    ratio: Decimal
    formula: str
    row_text: str


def _columns(header: list[str], body: list[list[str]]) -> dict[str, int]:
    """Which column holds the budget, the received and the spent amounts and the two rates (the first of each that
    holds figures: “支出内容” names items)."""
    roles: dict[str, int] = {}
    for c, text in enumerate(header):
        h = re.sub(r"\s+", "", text)
        if "率" in h or "比例" in h:
            role = "received_rate" if "到位" in h else "execution_rate" if "执行" in h else None
        elif "到位" in h:
            role = "received"
        elif re.search(r"支出|支付|执行数|使用", h):
            role = "spent"
        elif re.search(r"预算|计划", h):
            role = "budget"
        else:
            role = None
        if role is not None and role not in roles and _holds_figures(body, c):
            roles[role] = c
    return roles


def _holds_figures(body: list[list[str]], c: int) -> bool:
    return any(parse_number(row[c].replace(" ", "").rstrip("%％")) is not None for row in body if c < len(row))


def _rate(text: str, in_percent: bool) -> Decimal | None:
    cell = text.strip().replace("％", "%")
    if cell.endswith("%"):
        return parse_number(cell[:-1])
    return parse_number(cell) if in_percent else None


def rate_slips(table: Table, tolerance: Decimal) -> list[RateSlip]:
    """Every 到位率/执行率 cell that neither reading of its row's amounts gives (执行率 on 到位 or on 预算: a table
    may use either base; the prose rule asks which when they differ)."""
    rows = grid_rows(table)
    count = header_rows(rows)
    if not count or len(rows) <= count:
        return []
    header = column_headers(rows, count, table.n_cols)
    roles = _columns(header, rows[count:])
    checks = []
    if "received_rate" in roles and {"received", "budget"} <= roles.keys():
        checks.append((roles["received_rate"], "received", ("budget",)))
    if "execution_rate" in roles and "spent" in roles and ({"received", "budget"} & roles.keys()):
        checks.append((roles["execution_rate"], "spent", tuple(b for b in ("received", "budget") if b in roles)))
    out: list[RateSlip] = []
    for col, numerator, bases in checks:
        in_percent = bool(_PERCENT_HEADER.search(header[col]))
        for r in range(count, len(rows)):
            row = rows[r]
            stated = _rate(row[col], in_percent)
            top = parse_number(row[roles[numerator]].replace(" ", ""))
            if stated is None or top is None:
                continue
            ratios = [(top / base, header[roles[name]]) for name in bases
                      if (base := parse_number(row[roles[name]].replace(" ", ""))) is not None and base != 0]  # fmt: skip
            if not ratios or any(percent_matches(stated, ratio, tolerance) for ratio, _ in ratios):
                continue
            ratio, base_name = ratios[0]
            out.append(RateSlip(table, r + 1, col, header[col], row[col].strip(), stated, ratio,
                                f"{header[roles[numerator]]} ÷ {base_name}", " | ".join(row)))  # fmt: skip
    return out
