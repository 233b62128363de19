"""Column totals of any table: each 合计/小计 row against the rows it adds up (rates, ids, prices… excluded).

Shared by the table-total rule and by the rules that compare prose with a table (a table that does not add up
may itself hold the wrong figure).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from checkers.analysis import SUBTOTAL_LABEL, TOTAL_LABEL, grid_rows, number_in, own_values
from checkers.document import Table
from checkers.figures import letters_for_digits


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
    summed: str = "各行"  # what was added up: the column's rows, or an item's own items (“其下各项”)


NOT_ADDITIVE = ("率", "%", "％", "序号", "编号", "单价", "均价", "平均", "比例", "占比", "日期", "时间", "指标值", "增幅", "同比",
                "环比", "/人", "/户", "／人", "／户", "倍数", "系数")  # fmt: skip
# “人均补助（元）”, “户均支出”, “生均经费”, “亩均产值”, “补助标准（元/人）” (not “标准分”, a weight)
# (“（元/平方米）”; not “工程造价（万元）” or “标准化改造投资”, amounts that add up)
COUNTERS = "[台套个件辆部株棵只头处座户人间张把根条项]"  # “补贴数量（台/套）”: either counter, not a price per one
PER_UNIT_HEADER = re.compile(r"[人户生亩月年日次件床笔台辆家所校]均|(?:补助|补贴|收费|奖励|建设|支付|计费)标准|标准\s*[（(]|^标准$"
                             rf"|(?:单方|单位|每平方米|平方米|每公里|公里)造价|每[人户亩平米个吨度次车]|[（(](?!{COUNTERS}(?:[/／]{COUNTERS})+[）)])[^）)]*[/／][^）)]*[）)]"
                             r"|(?:吨水?|车公里|公里|度电|单位|立方米|方)(?:成本|费用|处理费)")  # fmt: skip  (“吨水成本”, “车公里成本”)
# a column of years or units, not “2020年度预算数（单位：万元）”, which is an amount
NOT_ADDITIVE_WHOLE = re.compile(r"^(?:预算|实施|项目)?(?:年度|年份|年|单位|计量单位)(?:[（(].*)?$")


def _is_rate_column(header: str) -> bool:
    """Columns whose 合计 is not the sum of the rows (rates, ids, prices, dates, years, units…)."""
    return any(word in header for word in NOT_ADDITIVE) or bool(NOT_ADDITIVE_WHOLE.match(header) or PER_UNIT_HEADER.search(header))


HEADER_ROWS_MAX = 4
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def header_rows(rows: list[list[str]]) -> int:
    """How many leading rows make the header: the rows before the first one holding a figure (a title row, a
    “单位：万元” row and a two-row header all come before it; a table without a header has none). Years (2020) in
    the first row are column names, and so is a 合计 there (“资金来源 | 合计 | 2022年…”)."""
    for index, row in enumerate(rows[: HEADER_ROWS_MAX + 1]):
        if (index and total_kind(row)) or any(_number(cell) is not None and not _YEAR.match(cell.strip()) for cell in row[1:]) \
                or index and any(letters_for_digits(cell) for cell in row[1:]):  # fmt: skip  # (“1l6”: a figure)
            return index
    return 1 if rows else 0  # no figure near the top: the first row is the header


FORM_FIELD = re.compile(r"^(?:项目名称|主管部门|实施单位|预算单位|项目单位|项目负责人)$")  # a 自评表's title rows


def row_name(cells: list[str]) -> str:
    """What a person calls a table row: its first cell that is not a bare 序号 (“上门服务补贴”, not “3”), cut to 20
    characters."""
    for cell in cells:
        text = cell.strip()
        if text and _number(text) is None:
            return text[:20]
    return cells[0].strip()[:20] if cells else ""


def _form_row(row: list[str]) -> bool:
    """A form's title row: “项目名称 | …” (the label, then its value) or “主管部门 | … | 实施单位 | …”."""
    filled = list(dict.fromkeys(cell.strip() for cell in row if cell.strip()))
    labels = sum(1 for cell in filled if FORM_FIELD.match(cell))
    return labels >= 2 or (labels == 1 and len(filled) == 2 and FORM_FIELD.match(filled[0]) is not None)


def column_headers(rows: list[list[str]], count: int, width: int) -> list[str]:
    """Each column's header: its cells in the header rows joined (a cell merged down the rows counted once; a row
    with one cell across the table, or a form's “项目名称 | … | 主管部门 | …” row, is a title)."""
    out = []
    spanning = [row for row in rows[:count] if width > 2 and sum(1 for cell in row if cell.strip()) == 1 or _form_row(row)]
    for c in range(width):
        parts: list[str] = []
        for row in rows[:count]:
            if any(row is title for title in spanning):
                continue  # a title or “单位：万元” row across the table names no column
            text = row[c].strip() if c < len(row) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        out.append(_LINE_BREAKS.sub("", "".join(parts)))  # “得\n分” written over two lines is the column “得分”
    return out


_LINE_BREAKS = re.compile(r"\s*\n\s*")


INCLUDES_MORE = re.compile(r"^含[^，。；]{0,16}?(?:得分|分值|权重)|^含[^，。；]{0,16}?\d+(?:\.\d+)?\s*分")
CARRIED = re.compile(r"^(?:承前页|承上页|接上页|承前|上页合计|上页小计|过次页|转下页|转次页)")  # a page's carried sum
PAGE_SUBTOTAL = re.compile(r"^本页(?:小计|合计)$")
SIGNED_ROW = re.compile(r"^[减加][:：]")
GROUP_TOTAL = re.compile(r"^[\u4e00-\u9fff]{2,8}(?<!价税)合计[:：]?$")  # “基本支出合计”: a group's sum, under the 总计


def total_kind(row: list[str]) -> str | None:
    """'subtotal', 'total' or 'carry' (a sum carried from or to another page: added to nothing, checked against
    nothing) when one of the row's first three cells is such a label."""
    for cell in row[:3]:
        text = cell.replace(" ", "")
        if TOTAL_LABEL.match(text):
            return "subtotal" if SUBTOTAL_LABEL.match(text) else "total"
        if PAGE_SUBTOTAL.match(text) or GROUP_TOTAL.match(text):
            return "subtotal"
        if CARRIED.match(text):
            return "carry"
    return None


def _is_breakdown_start(row: list[str]) -> bool:
    return any(cell.strip().startswith("其中") for cell in row[:3])


def _breakdown_rows(rows: list[list[str]], c: int, values: list[list[str]] | None = None) -> set[int]:
    """Indexes of “其中” rows (the parts of the row above them) in column ``c``: they are not added again.

    The parts are the rows from “其中” on that add up to the row above; failing that (a partial breakdown), in a
    table with a 序号 column the rows that share the row above's number or leave it empty; under a name numbered in
    its own cell (“一、基本支出”) the rows up to the next numbered name; else the “其中” row alone. A “其中”
    under a 合计 row lists the total's own items: those are what it adds up.
    """
    return {index for block in _breakdowns(rows, c, values).values() for index in block}


def _breakdowns(rows: list[list[str]], c: int, values: list[list[str]] | None = None) -> dict[int, list[int]]:
    """Each parent row's “其中” rows in column ``c`` (see :func:`_breakdown_rows`), by the parent's index; the
    figures are read from ``values`` (each merged cell once) when given, the labels from ``rows``."""
    values = values or rows
    blocks: dict[int, list[int]] = {}
    out: set[int] = set()
    numbered = bool(rows) and any(word in rows[0][0] for word in ("序号", "编号", "序"))  # rows[0] is the header
    for start, row in enumerate(rows):
        if start == 0 or start in out or not _is_breakdown_start(row):
            continue
        above = start - 1
        while above > 0 and (above in out or _is_breakdown_start(rows[above])):
            above -= 1
        parent = rows[above]
        if above == 0 or total_kind(parent):
            continue
        whole, running, block = _number(values[above][c]), Decimal(0), None
        for index in range(start, len(rows)):
            value = _number(values[index][c])
            if whole is None or value is None or total_kind(rows[index]) or running + value > whole:
                break
            running += value
            if running == whole:
                block = list(range(start, index + 1))
                break
        if block is None and numbered:
            block = [start]
            for index in range(start + 1, len(rows)):
                if rows[index][0].strip() not in ("", parent[0].strip()) or total_kind(rows[index]):
                    break  # the next item's number (a part's 序号 may be left empty)
                block.append(index)
        if block is None and not numbered and _NUMBERED_NAME.match(parent[0].strip()):
            block = [start]  # “一、基本支出 / 其中：人员经费 / 公用经费 / 二、项目支出”: the parts up to the next numbered item
            for index in range(start + 1, len(rows)):
                if _NUMBERED_NAME.match(rows[index][0].strip()) or total_kind(rows[index]):
                    break
                block.append(index)
        blocks[above] = block or [start]
        out.update(blocks[above])
    return blocks


_CN_ORDINAL = re.compile(r"^([（(])?[一二三四五六七八九十]{1,3}[）)、.．]?$")
_ARABIC_ORDINAL = re.compile(r"^([（(])?\d{1,3}[）)、.．]?$")
_CODE = re.compile(r"^[A-Z](\d{0,3})(?![\d.．])")
# the number opening an item's name in its own cell: “一、基本支出” 1, “（一）人员经费” 2, “1.人员经费” 3, “（1）工资” 4
_NUMBERED_NAME = re.compile(r"^(?:(?P<cn>[一二三四五六七八九十]{1,3}[、.．])|(?P<cnp>[（(][一二三四五六七八九十]{1,3}[）)])"
                            r"|(?P<ar>\d{1,3}[、.．](?!\d))|(?P<arp>[（(]\d{1,3}[）)]))\s*[\u4e00-\u9fff]")


def _level(cell: str) -> int | None:
    """The depth a row's first cell gives it: 一 → 1, （一） → 2, 1 → 3, （1） → 4, alone or opening a name (“一、基本支出”);
    codes A → 1, A1 → 2, A11 → 3."""
    text = cell.strip()
    if (m := _CN_ORDINAL.match(text)) is not None:
        return 2 if m.group(1) else 1
    if (m := _ARABIC_ORDINAL.match(text)) is not None:
        return 4 if m.group(1) else 3
    if (m := _CODE.match(text)) is not None:
        return 1 + len(m.group(1))
    if (m := _NUMBERED_NAME.match(text)) is not None:
        return {"cn": 1, "cnp": 2, "ar": 3, "arp": 4}[m.lastgroup or "ar"]
    return None


def _blank_leaves(levels: list[int | None], values: list[list[str]]) -> list[int | None]:
    """A row with an empty 序号 under numbered rows of two levels or more (“一 | 政策制定”, “（一）| 政策依据”,
    “ | 政策制定依据充分性”) is an item one level below the numbered row above it."""
    numbered = {level for level in levels if level is not None}
    if not numbered:
        return levels
    out = list(levels)
    above: int | None = None
    for index, level in enumerate(levels):
        if level is not None:
            above = level
        elif above is not None and values[index] and not values[index][0].strip():
            out[index] = above + 1
    if len(numbered) >= 2 or _parts_add_up(out, levels, values):
        return out
    return levels  # one numbered level over blank rows that are not its parts (a 序号 only on each group's first row)


def _named_leaves(levels: list[int | None], values: list[list[str]]) -> list[int | None] | None:
    """Rows named without a number under rows numbered in their own cell (“一、工程施工费”, then “土地平整”,
    “田间道路”): items one level below the numbered row above them. None when the table has no such rows."""
    out = list(levels)
    above: int | None = None
    for index, level in enumerate(levels):
        first = values[index][0].strip() if values[index] else ""
        if level is not None:
            above = level if _NUMBERED_NAME.match(first) else None
        elif above is not None and first and _number(first) is None and not total_kind([first]):
            out[index] = above + 1
    return out if out != levels else None


def _parts_add_up(leveled: list[int | None], levels: list[int | None], values: list[list[str]], some: bool = False) -> bool:
    """With one numbered level (“一 | 工程建设费 | 420”, then blank-numbered rows), the blank rows are that row's
    parts only when they add up to it in some column, for every numbered row that has them (``some``: for one of two
    or more, the others may hold the slip)."""
    parents = adding = 0
    for index, level in enumerate(levels):
        if level is None:
            continue
        parts = []
        for below in range(index + 1, len(levels)):
            if levels[below] is not None or leveled[below] is None:
                break
            parts.append(below)
        if not parts:
            continue
        if len(parts) < 2 or _CODE.match(values[index][0].strip()):
            return False  # one part equal to its row proves nothing; a code (A1) over blank cells is a merged label
        parents += 1
        row = values[index]
        if any(_number(row[c]) is not None and _sum(values, parts, c) == _number(row[c]) for c in range(1, len(row))):
            adding += 1
        elif not some:
            return False
    return adding > 0 and (not some or parents >= 2)


def _hierarchy_parents(levels: list[int | None], rows: list[int]) -> list[tuple[int, list[int]]]:
    """Each row of a hierarchy (see :func:`top_level_rows`) that has rows under it, with its direct items."""
    levels = [levels[i] for i in rows]
    out = []
    for k, (row, level) in enumerate(zip(rows, levels, strict=True)):
        under: list[tuple[int, int]] = []
        for other, other_level in zip(rows[k + 1 :], levels[k + 1 :], strict=True):
            if other_level <= level:  # type: ignore[operator]
                break
            under.append((other, other_level))  # type: ignore[arg-type]
        if under:
            nearest = min(lv for _, lv in under)
            out.append((row, [i for i, lv in under if lv == nearest]))
    return out


def top_level_rows(levels: list[int | None], rows: list[int]) -> list[int] | None:
    """In a table listing a hierarchy row by row (一、 with 1. 2. under it; A决策, A1…, A11…), the rows of the top
    level (``levels``: each row's depth by :func:`_level`): a 合计 adds up those. None when the rows are not such a
    hierarchy (every row's first cell must give a level, and there must be more than one)."""
    levels = [levels[i] for i in rows]
    if not levels or None in levels or len(set(levels)) < 2:
        return None
    top = min(levels)  # type: ignore[type-var]
    return [i for i, level in zip(rows, levels, strict=True) if level == top]


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
    header, body, own, count = table_body(table)
    rows, values = [header, *body], [header, *own]
    if len(rows) < 3 or not any(word in header[0] for word in ("序号", "编号", "序")):
        return []
    if not any(_is_breakdown_start(row) for row in rows[1:]):
        return []
    out = []
    money_table = bool(MONEY_WORDS.search(table.caption or ""))
    for c in range(1, len(header)):
        if _is_rate_column(header[c]) or not (money_table or MONEY_WORDS.search(header[c])):
            continue  # counts may overlap (新建点位 and 人脸识别点位 of one 320); amounts do not
        for parent, block in _breakdowns(rows, c, values).items():
            whole = _number(values[parent][c])
            parts = [_number(values[i][c]) for i in block]
            if whole is None or None in parts or len(parts) < 2 or rows[parent][c].endswith("%"):
                continue
            total = sum(parts, Decimal(0))  # type: ignore[arg-type]
            if total > whole:
                item = _item_name(rows[parent], c, f"第{parent + count}行")
                out.append(CellSlip(table, parent + count, c, header[c], item, whole, rows[parent][c].strip(), total,
                                    " | ".join(rows[parent])))  # fmt: skip
    return out


def _item_name(row: list[str], c: int, default: str) -> str:
    """What a row is about: its first text cell before column ``c`` (the 序号 aside), else ``default``."""
    return next((cell for cell in row[1:c] if cell.strip() and _number(cell) is None), default)


def _number(cell: str) -> Decimal | None:
    return number_in(cell.replace("分", "").replace("万元", "").replace("元", ""))


def table_body(table: Table) -> tuple[list[str], list[list[str]], list[list[str]], int]:
    """A table's column headers, its body rows (merged cells filled in) and the same rows with each merged cell
    counted once, and how many header rows came before them."""
    rows, values = grid_rows(table), own_values(table)
    count = header_rows(rows)
    return column_headers(rows, count, table.n_cols), rows[count:], values[count:], count


def total_mismatches(table: Table, earlier: list[Table] | None = None) -> list[TotalMismatch]:
    """Every 合计/小计 cell of the table that its column does not add up to.

    A 续表 passes the parts before it (``earlier``, in order): its 合计 adds up their rows too, under the first
    part's header.
    """
    out: list[TotalMismatch] = []
    header, body, own, count = table_body(table)
    offset = 0
    if earlier:
        header = table_body(earlier[0])[0]
        before_rows: list[list[str]] = []
        before_values: list[list[str]] = []
        for part in earlier:
            _, part_rows, part_values, _ = table_body(part)
            before_rows += part_rows
            before_values += part_values
        body, own = before_rows + body, before_values + own
        offset = len(before_rows)  # the table's own rows come after the earlier parts'
    rows, values = [header, *body], [header, *own]
    if len(rows) < 3:
        return out
    kinds = [total_kind(r) for r in rows]
    if any(SIGNED_ROW.match(r[0].strip()) for r in rows[1:] if r):  # a computation (“减：运营成本”, “预期净收益”): a
        kinds = [None if k and GROUP_TOTAL.match(r[0].replace(" ", "")) else k for r, k in zip(rows, kinds, strict=True)]
        # “应还债券本息合计” is one of its lines, not the sum of the lines above
    if not any(kinds[1:]):
        return out
    since_subtotal: list[int] = []  # rows since the last subtotal
    all_rows: list[int] = []  # every non-total row
    parts: dict[int, set[int]] = {}  # column → its “其中” rows
    reported: set[tuple[int, int]] = set()  # (row, column) of a hierarchy's item already found not to add up
    levels: list[int | None] | None = None  # each row's depth in a hierarchy (computed when a total does not add up)
    for index in range(1, len(rows)):
        row, kind = rows[index], kinds[index]
        if kind is None:
            since_subtotal.append(index)
            all_rows.append(index)
            continue
        if kind == "carry" or (kind == "total" and any(INCLUDES_MORE.search(cell) for cell in row)):
            continue  # (“总分 | 100 | 96.06 | 含预算执行率得分9.60分”: the total adds a part the rows leave out)
        addends = since_subtotal if kind == "subtotal" else all_rows
        if kind == "total" and not all_rows:  # a 合计 row above its items adds up the rows below it
            addends = [i for i in range(index + 1, len(rows)) if kinds[i] is None]
        if kind == "subtotal" and kinds[1] == "subtotal":  # “工程施工费小计 | 4,350” above its items: the rows below
            addends = list(itertools.takewhile(lambda i: kinds[i] is None, range(index + 1, len(rows))))
        label = "小计" if kind == "subtotal" else "合计"
        for c in range(1, len(row)):
            stated = _number(row[c])
            if stated is None or (c < len(header) and _is_rate_column(header[c])) or row[c].endswith("%"):
                continue
            if total_kind([row[c]]):
                continue
            if c not in parts:
                parts[c] = _breakdown_rows(rows, c, values)
            items = [i for i in addends if i not in parts[c]]
            computed = _sum(values, items, c)
            if computed is None or computed == stated or index <= offset:
                continue
            if any(letters_for_digits(values[i][c]) for i in items if c < len(values[i])):
                continue  # a cell that is a figure with a letter in it (“1l6”): the malformed-figure rule names it
            if c < len(header) and "累计" in header[c] and items and _number(values[items[-1]][c]) == stated:
                continue  # a running total (“累计支出”): the 合计 is its last value
            subtotals = [i for i in range(1, index) if kinds[i] == "subtotal"]
            if kind == "total" and subtotals and _sum(values, subtotals, c) == stated:
                continue  # the 小计 rows add up to the 合计: a 小计 that its rows miss is the finding
            column = header[c] if c < len(header) and header[c].strip() else f"第{c + 1}列"
            if levels is None:
                levels = _blank_leaves([_level(row[0]) if row else None for row in values], values)
                named = _named_leaves(levels, values)
                if named is not None and (_parts_add_up(named, levels, values, some=True)
                                          or _sum(values, top_level_rows(named, items) or [], c) == stated):  # fmt: skip
                    levels = named
            top = top_level_rows(levels, items)
            if top is not None:  # a hierarchy: the 合计 adds up its top level, each item its own items
                own_sums: dict[int, Decimal] = {}  # the top rows found not to add up, by what their items add up to
                for parent, children in _hierarchy_parents(levels, items):
                    whole, computed_part = _number(values[parent][c]), _sum(values, children, c)
                    if whole is not None and computed_part is not None and whole != computed_part and parent > offset \
                            and (parent, c) not in reported:  # fmt: skip
                        reported.add((parent, c))
                        own_sums[parent] = computed_part
                        item = _item_name(rows[parent], c, rows[parent][0])
                        out.append(TotalMismatch(table, parent - offset + count, c, f"“{item.strip()[:20]}”一项", column,
                                                 whole, computed_part, " | ".join(rows[parent]), values[parent][c].strip(),
                                                 "其下各项"))  # fmt: skip
                top_sum = _sum(values, top, c)  # None when the top rows are headings without figures
                if top_sum == stated:
                    continue
                if own_sums and top_sum is not None and top_sum - sum(_number(values[i][c]) - v for i, v in own_sums.items()
                                                                      if i in top) == stated:  # fmt: skip
                    continue  # the item that does not add up to its own items is the finding, not the 合计
                computed = top_sum if top_sum is not None else computed
            out.append(TotalMismatch(table, index - offset + count, c, label, column, stated, computed,
                                     " | ".join(row), row[c].strip()))  # fmt: skip
        if kind == "subtotal":
            since_subtotal = []
    return out


def _total_column(header: list[str]) -> int | None:
    """The one 合计 column of a header (not the first column, which names the rows); None when there is none, or
    several (小计 columns of a grouped header)."""
    totals = [c for c, h in enumerate(header) if c > 0 and TOTAL_LABEL.match(h.replace(" ", "").replace("\n", ""))]
    return totals[0] if len(totals) == 1 else None


def row_total_mismatches(table: Table) -> list[TotalMismatch]:
    """Each row's 合计 column against the row's own figures (a breakdown by year or by source, the 合计 last or
    first among the figure columns), when at least half the item rows show that the column adds up the others (a
    合计 of only some columns is then no slip). A 合计 row's own 合计 cell is reported only when every item row adds
    up: a slip in an item row throws it off too."""
    header, body, own, count = table_body(table)
    t = _total_column(header)
    if t is None or len(own) < 2:
        return []
    figures = [c for c in range(1, len(header)) if c != t and not _is_rate_column(header[c])
               and sum(1 for row in own if _number(row[c]) is not None) * 2 >= len(own)]  # fmt: skip
    addends = [c for c in figures if c < t] if all(c < t for c in figures) else [c for c in figures if c > t]
    if len(addends) < 2:
        return []
    items: list[tuple[int, Decimal, Decimal]] = []
    totals: list[tuple[int, Decimal, Decimal]] = []
    for i, row in enumerate(own):
        stated = _number(row[t])
        numbers = [v for v in (_number(row[c]) for c in addends) if v is not None]
        if stated is not None and numbers and not row[t].strip().endswith("%"):
            (totals if total_kind(body[i]) else items).append((i, stated, sum(numbers, Decimal(0))))
    wrong = [item for item in items if item[1] != item[2]]
    if len(items) - len(wrong) < max(1, len(wrong)):
        return []
    wrong += [] if wrong else [total for total in totals if total[1] != total[2]]
    return [
        TotalMismatch(table, i + count + 1, t, f"“{_item_name(body[i], t, body[i][0]).strip()[:20]}”", header[t],
                      stated, computed, " | ".join(body[i]), own[i][t].strip(), "该行各列")
        for i, stated, computed in wrong
    ]  # fmt: skip


def _sum(values: list[list[str]], rows: list[int], c: int) -> Decimal | None:
    """The column's figures in these rows added up exactly; None when none of them holds a figure."""
    numbers = [v for v in (_number(values[i][c]) for i in rows) if v is not None]
    return sum(numbers, Decimal(0)) if numbers else None


MONEY_UNIT_NOTE = re.compile(r"[（(]\s*(?:(?:金额)?单位\s*[:：]\s*)?(亿元|万元|千元|元)\s*[）)]|单位\s*[:：]\s*(亿元|万元|千元|元)")


# a header that counts or measures (“项目数（个）”, “面积（亩）”, “受益人数”): the caption's 万元 is not its unit
OWN_MEASURE = re.compile(r"[（(][^（）()]*(?:个|人|次|户|亩|项|所|家|座|处|份|台|套|辆|条|吨|米|公里|天|%|％)[^（）()]*[）)]|"
                         r"项目数|个数|人数|户数|次数|数量|件数|家数|笔数")


def table_money_units(table) -> dict[int, str]:
    """The money unit of each column of a table: its header's “（万元）”, else the caption's “（万元）”/“单位：万元”
    for every column that does not give a measure of its own (“项目数（个）”)."""
    grid = grid_rows(table)
    if not grid:
        return {}
    out: dict[int, str] = {}
    for c, cell in enumerate(grid[0]):
        m = MONEY_UNIT_NOTE.search(cell)
        if m:
            out[c] = m.group(1) or m.group(2)
    if not out and table.caption:
        m = MONEY_UNIT_NOTE.search(table.caption)
        if m:
            out = {c: m.group(1) or m.group(2) for c, cell in enumerate(grid[0]) if not OWN_MEASURE.search(cell)}
    return out
