"""表格合计不等于各行之和：任何表格（评分表、资金明细表……）的“合计/总计”行与该列各行之和不符。

对合计行中每个有数字的列（比率、单价、人均或户均数、补助标准、同比增幅、年度等不可相加的列除外），把该列其余各行（不含小计行）的数字相加后比较；
每个“小计”行与上一小计之后的各行之和比较；“合计”可在前三列中任一列。金额与得分都按报告所写的小数精确相加。
“其中：……”开头的分项行是上一行的明细，不再重复相加（分项到其和等于上一行为止；否则在有序号列的表中到下一个序号为止，
上一行名称自带编号“一、基本支出”时到下一个带编号的名称为止）。
有序号列的表中，一项的“其中”各分项（同一序号下各行）相加大于该项本身的，也报告（分项之和不可能大于总数）。
表头可占几行（表内的标题行、“单位：万元”行、两行表头）；纵向合并的数字只算一次（一份合同金额跨两行支付记录）；
“合计：”“合计（万元）”“共计”“决策小计”都是合计或小计行。逐行列出层级的表（“一、”下列“1. 2.”，或 A、A1、A11 逐级各占一行）
中，合计等于最上一级各行之和，每一项还须等于其下一级各项之和（“一、工程施工费”下不带编号的“土地平整”“田间道路”也是它的下一级；
某一项与其下各项不符时报告这一项，不再报合计）。“工程施工费小计”写在其各项之上（表中第一行就是小计）时，小计与其下到下一个小计为止的各行比较；
各小计之和等于合计时，合计不再因某一小计与其各行不符而报告。“累计支出”这样的累计列，合计等于最后一行的即相符。
括号中的数（“（30.00）”）是负数。各级指标各有分值列的评分表（“一级指标|分值|二级指标|分值|
三级指标|分值|得分”）中，一级、二级指标的分值须等于其下各三级指标分值之和。财政部格式的项目支出绩效自评表（上部“年初预算数|
全年预算数|全年执行数|分值|执行率|得分”的资金行，下部“一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分”的指标行，
两部分各有表头、列位可不同，也可分作上下紧挨的两张表）中，“总分”行的分值与得分等于资金行与各指标行之和。
各级分值列中，下级各行留空（未合并单元格）的一级、二级指标仍属上一行所写的指标。
给出 --data 时，资金明细表的合计与项目数据一致而某一行与数据不符的，由 DT1003 指出写错的那一行，本规则不再报合计。
评分表权重或得分列与合计差d、而恰有一行减去d后与报告别处所写相同（该指标的正文、正文中的一级指标小计、该行得分率）时，
写错的是这一格：报告这一格（应为减去d后的数），不再报合计，也不再让正文去改；说不出是哪一格、但恰有一个一级指标各行之和减去d
才等于正文所写该一级指标的得分（或权重）时，报告该一级指标下有一行写错（TT202 不再让正文去改）。
非评分表的合计与正文所写的数一致、各行之和不是时，指出多是某一行写错（不让去改合计）；恰有一行的数把相邻两位数字对调后
（25.63 与 25.36）该列合计相符时，指出这一格；送审、审定、核减各成一列的表中恰有一行核减不等于送审 − 审定、且正差该列之差时，
由 CT702 指出这一行，本规则不再报合计；某列与合计差d、而恰有一行的比率列
（兑付率、执行率……）在该行这一格减去d后才相符时，报告这一格，不再报合计与比率。
金额列（非评分表的权重、得分列）的合计与各行之和只差末位 1（两位及以上小数，846.10 与 846.11）时，可能是四舍五入的尾差，只作警告。
"""

from __future__ import annotations

from decimal import Decimal

from checkers.analysis import Analysis, ScoreTable, grid_rows, number_in
from checkers.figures import MONEY_UNITS, digits_swapped, written_like
from checkers.finding import Severity
from checkers.rules.base import Rule
from checkers.table_rates import cut_row_slips
from checkers.table_totals import MONEY_WORDS, breakdown_excesses, row_name, table_body, table_money_units
from evaluation_model import plain

FAILING = """\
| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| A1项目立项 | A11立项依据充分性 | 5 | 5 |
| | A12立项程序规范性 | 3 | 3 |
| 合计 | | 8 | 7 |
"""

PASSING = FAILING.replace("| 8 | 7 |", "| 8 | 8 |")


def check(a: Analysis, rule: Rule):
    for table in a.document.tables:
        scored = a.score_table_by_block.get(id(table))
        blamed = [cell for key, cell in a.blamed_cells.items() if key[0] == id(table)]
        explained = {id(m) for cell in blamed for m in cell.misses}
        for cell in blamed:  # one mistyped cell the prose and the 合计 both show: that cell is the finding
            if a.data_explains(table, cell.col, cell.misses[0].stated):
                continue  # with --data, SC104 names the row
            column = cell.table.header[cell.col] if cell.col < len(cell.table.header) else f"第{cell.col + 1}列"
            yield rule.finding(
                f"表格中“{cell.row.label}”的“{column}”写{plain(cell.value)}，但{'、'.join(cell.says)}为{plain(cell.right)}，"
                f"按{plain(cell.right)}该列合计也相符：多是这一格写错",
                table.at(cell.row.row, cell.col + 1), cell.row.excerpt, expected=plain(cell.right), found=plain(cell.value),
            )  # fmt: skip
        groups = [g for key, g in a.blamed_groups.items() if key[0] == id(table)]
        explained |= {id(m) for g in groups for m in g.misses}
        for g in groups:  # the rows under one 一级 off by what the 合计 misses, the prose giving that 一级 right
            what = "得分" if g.col == g.table.score_col else "权重"
            first = g.rows[0]
            alone = len(g.rows) == 1  # (a 一级 of one row: that cell)
            yield rule.finding(
                f"表格中“{g.name}”{'一行' if alone else '各行'}的{what}{'写' if alone else '相加为'}{plain(g.value)}分，"
                f"但正文写{g.name}{what}{plain(g.right)}分，按{plain(g.right)}分该列合计也相符："
                + ("多是这一格写错" if alone else f"多是“{g.name}”下某一行写错，请逐行核对"),
                table.at(first.row, g.col + 1), first.excerpt, expected=plain(g.right), found=plain(g.value),
            )  # fmt: skip
        amounts = a.blamed_amounts.get(id(table), [])
        header = table_body(table)[0] if amounts else []
        for blamed in amounts:  # one amount its row's rate and the 合计 both show mistyped
            row, col, right = blamed.row, blamed.col, blamed.right
            column = header[col] if col < len(header) and header[col].strip() else f"第{col + 1}列"
            cells = grid_rows(table)[row - 1]
            written, should = cells[col].strip(), written_like(right, cells[col])
            yield rule.finding(
                table.as_written(f"表格中“{row_name(cells)}”一行的“{column}”写{written}，"
                                 f"但按本行的比率与该列合计都应为{should}：多是这一格写错"),
                table.at(row, col + 1), table.row_text(row - 1), expected=should, found=written,
            )  # fmt: skip
        explained_cols = {blamed.col for blamed in amounts}
        cut_rows = cut_row_slips(table) if scored is None else []
        for m in a.total_mismatches(table):
            if id(m) in explained or (m.summed == "各行" and m.col in explained_cols):
                continue  # the 合计 is right: the mistyped cell above is the finding
            if _one_audit_row_explains(m, cut_rows):
                continue  # one row's 核减 is not its 送审 − 审定, and by that much the column misses: CT702 names it
            if a.data_explains(table, m.col, m.stated):
                continue  # the 合计 is the data's: the funding-vs-data rule names the wrong item instead
            if _rounding_tail(m, scored):
                yield rule.finding(
                    table.as_written(f"表格“{m.column}”列{m.label}写{m.written}，各行相加为{written_like(m.computed, m.written)}，"
                                     "只差末位1，可能是各项四舍五入的尾差；请核对，或在表下注明“尾差系四舍五入所致”"),
                    table.at(m.row, m.col + 1), m.row_text, expected=written_like(m.computed, m.written), found=m.written,
                    severity=Severity.WARNING,
                )  # fmt: skip
                continue
            if scored is None and m.summed == "各行" and _said_in_prose(a, m):  # the prose gives the 合计 too
                swapped = _swapped_cell(m)
                if swapped is not None:  # one row's cell is off by two neighbouring digits swapped: that cell
                    row, cell, right = swapped
                    should = written_like(right, cell)
                    yield rule.finding(
                        table.as_written(f"表格“{m.column}”列各行相加为{written_like(m.computed, m.written)}，与{m.label}"
                                         f"{m.written}不符，而正文也写作{m.written}；第{row}行的{cell.strip()}若为{should}"
                                         f"（两位数字对调），该列合计即相符：多是这一格写错"),
                        table.at(row, m.col + 1), table.row_text(row - 1), expected=should, found=cell.strip(),
                    )  # fmt: skip
                    continue
                yield rule.finding(
                    table.as_written(f"表格“{m.column}”列各行相加为{written_like(m.computed, m.written)}，与{m.label}"
                                     f"{m.written}不符，而正文也写作{m.written}：多是某一行写错，请逐行核对"),
                    table.at(m.row, m.col + 1), m.row_text, expected=m.written, found=written_like(m.computed, m.written),
                )  # fmt: skip
                continue
            yield rule.finding(
                table.as_written(f"表格“{m.column}”列{m.label}写{m.written}，但{m.summed}相加为{written_like(m.computed, m.written)}"),
                table.at(m.row, m.col + 1), m.row_text, expected=written_like(m.computed, m.written), found=m.written,
            )  # fmt: skip
        for row, col, label, written, computed, row_text in _level_weight_mismatches(a.score_table_by_block.get(id(table))):
            yield rule.finding(
                f"表格第{col + 1}列“{label}”的分值写{written}，但其下各指标分值相加为{plain(computed)}",
                table.at(row, col + 1), row_text, expected=plain(computed), found=written,
            )  # fmt: skip
        for excess in breakdown_excesses(table):
            yield rule.finding(
                table.as_written(f"表格“{excess.column}”列“{excess.item[:20]}”一项写{excess.written}，但其下“其中”各分项"
                                 f"相加为{plain(excess.other)}，分项之和不应大于该项，请核对该项或分项"),
                table.at(excess.row, excess.col + 1), excess.row_text, expected=f"不小于{plain(excess.other)}",
                found=excess.written,
            )  # fmt: skip


def _one_audit_row_explains(m, cut_rows: list) -> bool:
    """The column misses its 合计 by d, and the one row above whose 核减 is not its 送审 − 审定 is off by that d."""
    above = [slip for slip in cut_rows if slip.col == m.col and slip.row < m.row]
    return m.summed == "各行" and len(above) == 1 and above[0].stated - (m.computed - m.stated) == above[0].expected


def _said_in_prose(a: Analysis, m) -> bool:
    """The prose states the 合计 as written (and not what the rows add up to), in the column's unit: a row, not the
    合计, is off. A money column (its header or the caption gives 元/万元) is compared in 元, any other column with the
    prose's measures (人次, 公里…), never with its amounts."""
    amounts, measures = a.prose_values
    unit = table_money_units(m.table).get(m.col)
    factor = MONEY_UNITS[unit] if unit is not None else Decimal(1)
    said = amounts if unit is not None or MONEY_WORDS.search(m.column) else measures  # (预算数 is money, unit or not)
    return (m.stated * factor).normalize() in said and (m.computed * factor).normalize() not in said


def _swapped_cell(m) -> tuple[int, str, Decimal] | None:
    """(grid row, the cell as written, its value less the difference) of the one cell above the 合计 whose value less
    the difference is itself with two neighbouring digits swapped (25.63 for 25.36), if exactly one is."""
    difference = m.computed - m.stated
    found = []
    for index, cells in enumerate(grid_rows(m.table)[: m.row - 1]):
        value = number_in(cells[m.col]) if m.col < len(cells) else None
        if value is not None and digits_swapped(value, value - difference):
            found.append((index + 1, cells[m.col], value - difference))
    return found[0] if len(found) == 1 else None


def _rounding_tail(m, scored: ScoreTable | None) -> bool:
    """An amount column whose 合计 differs from its rows by one in the last of two or more decimals (846.10 against
    846.11): the items may be rounded from more places (a 尾差); scores are exact, never this."""
    if scored is not None and m.col in (scored.weight_col, scored.score_col, *scored.form_columns):
        return False
    places = -m.stated.as_tuple().exponent if "." in m.written else 0
    return places >= 2 and abs(m.computed - m.stated) == Decimal(1).scaleb(-places)


def _level_weight_mismatches(table: ScoreTable | None):
    """(row, column, label, as written, sum) where a level's own 分值 (“一级指标|分值|二级指标|分值|三级指标|分值|得分”)
    is not the sum of the 分值 of the indicators under it."""
    if table is None or not table.level_weights:
        return
    body = [row for row in table.rows if not row.is_total and row.weight is not None]
    for label_col, weight_col in table.level_weights:
        keys = [c for c in table.label_cols if c <= label_col]
        groups: list[list] = []
        key: tuple[str, ...] = ()
        for row in body:
            cells = tuple(row.cells[c].strip() for c in keys)
            blank = not cells[-1] and not row.cells[weight_col].strip()  # a label left blank, not merged, under its group
            if groups and (blank or cells == key):
                groups[-1].append(row)
            else:
                groups.append([row])
                key = cells
        for group in groups:
            first = group[0]
            written = first.cells[weight_col].strip()
            stated = number_in(written)
            computed = sum((row.weight for row in group), Decimal(0))
            if stated is not None and stated != computed:
                yield first.row, weight_col, first.cells[label_col].strip(), written, computed, first.excerpt


RULE = Rule("TT201", "table-totals", Severity.ERROR, check, __doc__, FAILING, PASSING,
            other_severities=((Severity.WARNING, "金额列合计只差末位1（可能是四舍五入尾差）"),))
