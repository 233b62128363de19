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


def _columns(header: list[str], body: list[list[str]]) -> dict[str, list[int]]:
    """The columns of each role that hold figures (“支出内容” names items): the amounts a rate may be taken on
    (预算, 调整预算, 计划, 合同, 下达…), received (到位), spent (支出, 支付…), and the two rates."""
    roles: dict[str, list[int]] = {}
    for c, text in enumerate(header):
        h = re.sub(r"\s+", "", text)
        if "率" in h or "比例" in h:
            role = "received_rate" if "到位" in h else "execution_rate" if "执行" in h else None
        elif "到位" in h:
            role = "received"
        elif re.search(r"支出|支付|执行数|使用", h):
            role = "spent"
        elif re.search(r"预算|计划|合同|中标|下达|批复|审定", h):
            role = "budget"
        else:
            role = None
        if role is not None and _holds_figures(body, c):
            roles.setdefault(role, []).append(c)
    return roles


def _holds_figures(body: list[list[str]], c: int) -> bool:
    return any(parse_number(row[c].replace(" ", "").rstrip("%％")) is not None for row in body if c < len(row))


def _rate(text: str, in_percent: bool) -> Decimal | None:
    cell = text.strip().replace("％", "%")
    if cell.endswith("%"):
        return parse_number(cell[:-1])
    return parse_number(cell) if in_percent else None


def rate_slips(table: Table, tolerance: Decimal) -> list[RateSlip]:
    """Every 到位率/执行率 cell that no reading of its row's amounts gives: a table may take 执行率 on 到位, on 预算 or
    调整预算, on 合同金额 (the prose rule asks which base when they differ)."""
    rows = grid_rows(table)
    count = header_rows(rows)
    if not count or len(rows) <= count:
        return []
    header = column_headers(rows, count, table.n_cols)
    roles = _columns(header, rows[count:])
    checks = []  # (rate column, numerator column, the columns it may be taken on)
    if roles.get("received_rate") and roles.get("received") and roles.get("budget"):
        checks.append((roles["received_rate"][0], roles["received"][0], roles["budget"]))
    if roles.get("execution_rate") and roles.get("spent") and (roles.get("received") or roles.get("budget")):
        checks.append((roles["execution_rate"][0], roles["spent"][0], roles.get("received", []) + roles.get("budget", [])))
    out: list[RateSlip] = []
    for col, numerator, bases in checks:
        bases = sorted(bases, key=lambda c: "调整" not in header[c])  # the adjusted budget first, when a slip is named
        in_percent = bool(_PERCENT_HEADER.search(header[col]))
        for r in range(count, len(rows)):
            row = rows[r]
            stated = _rate(row[col], in_percent)
            top = parse_number(row[numerator].replace(" ", ""))
            if stated is None or top is None:
                continue
            ratios = [(top / base, header[c]) for c in bases
                      if (base := parse_number(row[c].replace(" ", ""))) is not None and base != 0]  # fmt: skip
            if not ratios or any(percent_matches(stated, ratio, tolerance) for ratio, _ in ratios):
                continue
            ratio, base_name = ratios[0]
            out.append(RateSlip(table, r + 1, col, header[col], row[col].strip(), stated, ratio,
                                f"{header[numerator]} ÷ {base_name}", " | ".join(row)))  # fmt: skip
    return out
