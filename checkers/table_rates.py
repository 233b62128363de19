"""到位率, 执行率 (兑付率, 发放率), 核减率 and 节约率 columns of any table, recomputed row by row from the same row's amounts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from checkers.analysis import PERCENT_HEADER, grid_rows
from checkers.document import Table
from checkers.figures import MONEY_UNITS, parse_number, percent_matches
from checkers.table_totals import table_body


@dataclass
class CellSlip:
    """A table cell its row's other figures do not give: row (1-based), column (0-based), its header, the cell as
    written and its value."""

    table: Table
    row: int
    col: int
    column: str
    written: str
    stated: Decimal


@dataclass
class RateSlip(CellSlip):
    """A rate cell its row's amounts do not give: the ratio it should be and how it was computed."""

    ratio: Decimal
    formula: str
    row_text: str
    scope: str = "该行"  # where the amounts are: the rate's row, or anywhere in an information table (“表中”)
    operands: tuple[int, int] | None = None  # the columns of the amount and of the base the rate is taken on


# what an amount column holds, by the word named last in its header (“项目支出预算” is a budget, “到位资金支出” spent)
AMOUNT_WORDS = re.compile(r"(?P<received>到位)|(?P<spent>支出|支付|执行数|使用|兑付|发放)|(?P<budget>预算|计划|合同|中标|下达|批复|审定|安排)"
                          r"|(?P<submitted>送审|申报)|(?P<cut>核减|审减)|(?P<allotted>拨付)")  # (拨付: only a 拨付率's numerator)


SPENT_SHARE = re.compile(r"支出率|支付率|支付比例|支付进度")  # (not “支出占比”, a share of all spending)


def _role(label: str) -> str | None:
    """What a column header or a field label names: a rate, the received, spent or base amount."""
    h = re.sub(r"\s+", "", label)
    if "率" in h or "比例" in h:
        return "received_rate" if "到位" in h else "execution_rate" if "执行" in h or "兑付" in h or "发放" in h \
            or SPENT_SHARE.search(h) else \
            "cut_rate" if "核减" in h or "审减" in h else "allotted_rate" if "拨付" in h else None  # fmt: skip
    words = [m.lastgroup for m in AMOUNT_WORDS.finditer(h)]
    return words[-1] if words else None


def _columns(header: list[str], body: list[list[str]]) -> dict[str, list[int]]:
    """The columns of each role that hold figures (“支出内容” names items): the amounts a rate may be taken on
    (预算, 调整预算, 计划, 合同, 下达…), received (到位), spent (支出, 支付…), and the two rates."""
    roles: dict[str, list[int]] = {}
    for c, text in enumerate(header):
        role = _role(text)
        if role is not None and _holds_figures(body, c):
            roles.setdefault(role, []).append(c)
    if roles.get("execution_rate") and roles.get("spent") and not roles.get("received") and not roles.get("budget"):
        sums = [c for c, text in enumerate(header[: roles["spent"][0]]) if SUM_HEADER.match(text.replace(" ", ""))
                and _holds_figures(body, c)]  # fmt: skip
        if sums:  # 中央 | 省级 | 市级 | 合计 | 实际支出 | 执行率: the sources' 合计 is what was allotted
            roles["budget"] = sums[-1:]
    return roles


SUM_HEADER = re.compile(r"^(?:资金|金额)?(?:合计|小计|总计)(?:[（(][^）)]*[）)])?$")


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
    header, body, _, count = table_body(table)
    if not count or not body:
        return []
    rows = grid_rows(table)
    roles = _columns(header, body)
    if not any(key in roles for key in ("received_rate", "execution_rate", "cut_rate", "allotted_rate")):
        below = _header_below_titles(rows)  # a 自评表 under its title rows: its 资金 header a few rows down
        if below is not None:
            count = below + 1
            header, body = rows[below], rows[count:]
            roles = _columns(header, body)
    checks = []  # (rate column, numerator column, the columns it may be taken on)
    if roles.get("received_rate") and roles.get("received") and roles.get("budget"):
        checks.append((roles["received_rate"][0], roles["received"][0], roles["budget"]))
    if roles.get("allotted_rate") and roles.get("allotted") and roles.get("budget"):  # 拨付率 = 拨付 ÷ 下达
        checks.append((roles["allotted_rate"][0], roles["allotted"][0], roles["budget"]))
    if roles.get("execution_rate") and roles.get("spent") and (roles.get("received") or roles.get("budget")):
        checks.append((roles["execution_rate"][0], roles["spent"][0], roles.get("received", []) + roles.get("budget", [])))
    out: list[RateSlip] = _cut_rate_slips(table, header, rows, count, roles, tolerance)
    out += _saving_rate_slips(table, header, rows, count, tolerance)
    for col, numerator, bases in checks:
        bases = sorted(bases, key=lambda c: not any(w in header[c] for w in ("调整", "全年")))  # the adjusted budget
        # first, when a slip is named (a 自评表's 全年预算数 is the 年初预算数 adjusted)
        in_percent = bool(PERCENT_HEADER.search(header[col]))
        for r in range(count, len(rows)):
            row = rows[r]
            stated = _rate(row[col], in_percent)
            top = parse_number(row[numerator].replace(" ", ""))
            if stated is None or top is None:
                continue
            ratios = [(top / base, header[c], c) for c in bases
                      if (base := parse_number(row[c].replace(" ", ""))) is not None and base != 0]  # fmt: skip
            if not ratios or any(percent_matches(stated, ratio, tolerance) for ratio, _, _ in ratios):
                continue
            ratio, base_name, base_col = ratios[0]
            out.append(RateSlip(table, r + 1, col, header[col], row[col].strip(), stated, ratio,
                                f"{header[numerator]} ÷ {base_name}", " | ".join(row), operands=(numerator, base_col)))  # fmt: skip
    return out


TITLE_ROWS_MAX = 6  # rows of a form's title (项目支出绩效自评表 / （2023年度） / 项目名称 / 主管部门…) above its header


def _header_below_titles(rows: list[list[str]]) -> int | None:
    """The index of a header row with a rate column and the amounts it is taken on, a few rows into the table."""
    for index in range(1, min(TITLE_ROWS_MAX + 1, len(rows) - 1)):
        roles = _columns(rows[index], rows[index + 1 :])
        if roles.get("execution_rate") and roles.get("spent") or roles.get("received_rate") and roles.get("received"):
            return index
    return None


def _approved_column(header: list[str], roles: dict[str, list[int]]) -> int | None:
    """The 审定 (事前评估's 建议) amount column among the budget-like ones."""
    return next((c for c in roles.get("budget", []) if "审定" in header[c] or "建议" in header[c]), None)


def _cut_rate_slips(table: Table, header: list[str], rows: list[list[str]], count: int, roles: dict[str, list[int]],
                    tolerance: Decimal) -> list[RateSlip]:  # fmt: skip
    """核减率 (审减率) cells against the row's 核减 ÷ 送审, or (送审 − 审定) ÷ 送审 without a 核减 column."""
    if not roles.get("cut_rate") or not roles.get("submitted"):
        return []
    submitted, cut, approved = roles["submitted"][0], (roles.get("cut") or [None])[0], _approved_column(header, roles)

    def readings(row: list[str], base: Decimal) -> list[tuple[Decimal, str]]:
        out = []
        if (value := _cell(row, cut)) is not None:
            out.append((value / base, f"{header[cut]} ÷ {header[submitted]}"))  # type: ignore[index]
        if (kept := _cell(row, approved)) is not None:
            out.append(((base - kept) / base, f"（{header[submitted]} − {header[approved]}）÷ {header[submitted]}"))  # type: ignore[index]
        return out

    return _rows_against(table, header, rows, count, roles["cut_rate"][0], submitted, readings, tolerance)


SAVING_RATE = re.compile(r"节约率|节支率|节约比例|节资率")
SAVING_BASE = re.compile(r"预算|控制价|最高限价|拦标价")
SAVING_PRICE = re.compile(r"中标|合同|成交|决算|实际支出")
SAVED = re.compile(r"节约|节支|节资")


def _saving_rate_slips(table: Table, header: list[str], rows: list[list[str]], count: int, tolerance: Decimal) -> list[RateSlip]:
    """节约率 cells against the row's （预算 − 中标）÷ 预算 (控制价, 合同, 成交… alike), or 节约金额 ÷ 预算."""
    def first(pattern: re.Pattern[str], but: re.Pattern[str] | None = None) -> int | None:
        return next((c for c, h in enumerate(header) if pattern.search(h) and not (but and but.search(h))
                     and _holds_figures(rows[count:], c)), None)  # fmt: skip

    col, base_col = first(SAVING_RATE), first(SAVING_BASE, SAVING_RATE)
    if col is None or base_col is None:
        return []
    price, saved = first(SAVING_PRICE, SAVING_RATE), first(SAVED, SAVING_RATE)

    def readings(row: list[str], base: Decimal) -> list[tuple[Decimal, str]]:
        out = []
        if (paid := _cell(row, price)) is not None:
            out.append(((base - paid) / base, f"（{header[base_col]} − {header[price]}）÷ {header[base_col]}"))  # type: ignore[index]
        if (kept := _cell(row, saved)) is not None:
            out.append((kept / base, f"{header[saved]} ÷ {header[base_col]}"))  # type: ignore[index]
        return out

    return _rows_against(table, header, rows, count, col, base_col, readings, tolerance)


def _cell(row: list[str], c: int | None) -> Decimal | None:
    """A row's figure in column ``c`` (None for no column, or no figure)."""
    return parse_number(row[c].replace(" ", "")) if c is not None and c < len(row) else None


def _rows_against(table: Table, header: list[str], rows: list[list[str]], count: int, col: int, base_col: int,
                  readings: Callable[[list[str], Decimal], list[tuple[Decimal, str]]], tolerance: Decimal) -> list[RateSlip]:  # fmt: skip
    """Each row's rate in ``col`` that none of the readings of its amounts (on its base in ``base_col``) gives."""
    in_percent = bool(PERCENT_HEADER.search(header[col]))
    out = []
    for r in range(count, len(rows)):
        row = rows[r]
        stated, base = _rate(row[col], in_percent), _cell(row, base_col)
        if stated is None or not base:
            continue
        found = readings(row, base)
        if found and not any(percent_matches(stated, ratio, tolerance) for ratio, _ in found):
            ratio, formula = found[0]
            out.append(RateSlip(table, r + 1, col, header[col], row[col].strip(), stated, ratio, formula, " | ".join(row)))
    return out


@dataclass
class CutRowSlip(CellSlip):
    """A row of an audit table whose 核减 (审减) is not its 送审 less its 审定 (or whose 审定 is not 送审 less 核减): the
    value the row's own amounts give and how."""

    expected: Decimal
    formula: str
    row_text: str


def cut_row_slips(table: Table) -> list[CutRowSlip]:
    """Every row (its 合计 too) of a table with 送审, 审定 and 核减 columns whose 核减 ≠ 送审 − 审定."""
    header, body, _, count = table_body(table)
    if not count or not body:
        return []
    roles = _columns(header, body)
    if not roles.get("cut") or not roles.get("submitted"):
        return []
    approved = _approved_column(header, roles)
    if approved is None:
        return []
    cut, submitted = roles["cut"][0], roles["submitted"][0]
    rate = roles["cut_rate"][0] if roles.get("cut_rate") else None
    in_percent = rate is not None and bool(PERCENT_HEADER.search(header[rate]))
    out = []
    for r, row in enumerate(body, count + 1):
        stated, base, kept = (parse_number(row[c].replace(" ", "")) for c in (cut, submitted, approved))
        if stated is None or base is None or kept is None or stated == base - kept:
            continue
        written_rate = _rate(row[rate], in_percent) if rate is not None else None
        if written_rate is not None and base and percent_matches(written_rate, stated / base, Decimal("0.01")) \
                and not percent_matches(written_rate, (base - kept) / base, Decimal("0.01")):  # fmt: skip
            # the row's 核减率 holds on its 核减: the 审定 is the cell off
            out.append(CutRowSlip(table, r, approved, header[approved], row[approved].strip(), kept, base - stated,
                                  f"{header[submitted]} − {header[cut]}", " | ".join(row)))  # fmt: skip
            continue
        out.append(CutRowSlip(table, r, cut, header[cut], row[cut].strip(), stated, base - kept,
                              f"{header[submitted]} − {header[approved]}", " | ".join(row)))  # fmt: skip
    return out


FIELD_TABLE_ROWS = 20
_FIELD_UNIT = re.compile(r"[（(]\s*(万元|元|亿元)\s*[）)]")
_FIELD_MONEY = re.compile(r"(?<=\d)\s*(万元|元|亿元)$")


@dataclass
class _Field:
    """A label | value pair of an information table: the label, the figure, its money unit, where the value is."""

    label: str
    value: Decimal
    unit: str
    row: int
    col: int


def _fields(rows: list[list[str]]) -> dict[str, list[_Field]]:
    """The label | value pairs of a table whose labels name a rate, a received, spent or base amount, by role."""
    out: dict[str, list[_Field]] = {}
    for r, row in enumerate(rows):
        for c in range(len(row) - 1):
            label, value = row[c].strip(), row[c + 1].strip()
            role = _role(label) if label and parse_number(label) is None else None
            if role is None:
                continue
            if role.endswith("rate"):  # a rate written as one (“96.15%”), not an indicator's score under its name
                number = parse_number(value[:-1]) if value.endswith(("%", "％")) else None
                unit = "%"
            else:  # an amount in a money unit the label or the value gives
                money = _FIELD_UNIT.search(label) or _FIELD_MONEY.search(value)
                number = parse_number(_FIELD_MONEY.sub("", value)) if money else None
                unit = money.group(1) if money else ""
            if number is not None:
                out.setdefault(role, []).append(_Field(label, number, unit, r, c + 1))
    return out


def field_rate_slips(table: Table, tolerance: Decimal) -> list[RateSlip]:
    """A 基本信息表 written as label | value pairs (“预算金额（万元）| 650 | 实际到位（万元）| 650”, “实际支出（万元）| 625 |
    预算执行率 | 96.15%”): its 到位率/执行率 recomputed from its own amounts, in one money unit."""
    if len(table.rows) > FIELD_TABLE_ROWS:
        return []  # an information table is short; a long one lists items by column
    rows = grid_rows(table)
    if not any("率" in cell or "比例" in cell for row in rows for cell in row):
        return []
    fields = _fields(rows)
    out: list[RateSlip] = []
    for rate_role, numerator, bases in (("received_rate", "received", ("budget",)),
                                        ("execution_rate", "spent", ("received", "budget"))):  # fmt: skip
        if len(fields.get(rate_role, [])) != 1 or len(fields.get(numerator, [])) != 1:
            continue  # several of one kind: which goes with which is not known
        [rate], [top] = fields[rate_role], fields[numerator]
        under = [f for name in bases for f in fields.get(name, []) if f.value and f.unit == top.unit]
        if not under or any(percent_matches(rate.value, top.value / f.value, tolerance) for f in under):
            continue
        out.append(RateSlip(table, rate.row + 1, rate.col, rate.label, rows[rate.row][rate.col].strip(), rate.value,
                            top.value / under[0].value, f"{top.label} ÷ {under[0].label}", " | ".join(rows[rate.row]),
                            "表中"))  # fmt: skip
    return out


@dataclass
class InformationAmounts:
    """The project's amounts in yuan as its one information table gives them (label | value pairs), by role: the
    budgets (预算, 调整预算…), what was received and what was spent, each with its label."""

    table: Table
    budget: list[tuple[Decimal, str]]
    received: list[tuple[Decimal, str]]
    spent: list[tuple[Decimal, str]]


def information_amounts(tables: list[Table]) -> InformationAmounts | None:
    """The amounts of the report's 基本信息表 (“预算金额（万元）| 200 | 实际到位（万元）| 180”) when exactly one short
    table gives them as label | value pairs; None when none does, or several do (whose figures a rate in the prose is
    taken on is then not known)."""
    found: list[InformationAmounts] = []
    for table in tables:
        if len(table.rows) > FIELD_TABLE_ROWS:
            continue
        fields = _fields(grid_rows(table))
        yuan = {role: [(f.value * MONEY_UNITS[f.unit], f.label) for f in fields.get(role, []) if f.unit in MONEY_UNITS]
                for role in ("budget", "received", "spent")}  # fmt: skip
        if yuan["received"] or yuan["spent"]:
            found.append(InformationAmounts(table, **yuan))
    return found[0] if len(found) == 1 else None
