"""Amounts the prose names like a money column of a table (“施工单位送审金额3,512.48万元” beside a 送审金额 column),
one keystroke off that column's cell for the row the sentence names, or its 合计, while the column adds up: the prose
is mistyped (UN501 reports it; CT702 does not then blame the other amounts of the sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checkers.figures import MONEY_UNITS, Figure, clause_before, one_keystroke_apart, parse_number, sentence_at
from checkers.table_totals import table_body, table_money_units

if TYPE_CHECKING:
    from checkers.analysis import Analysis
    from checkers.document import Paragraph, Table

COLUMN_WORDS = re.compile(r"送审|审定|审减|核减|合同|中标|决算")  # what names one amount of a row in prose and header alike
TOTAL_ROW = re.compile(r"^(?:合\s*计|总\s*计|共\s*计)")
WORD_WINDOW = 8  # characters before an amount in which its name is looked for


@dataclass
class ProseColumnSlip:
    """A prose amount, and the table cell (its row's label, the column's header, as written, in what unit) it misses."""

    paragraph: Paragraph
    figure: Figure
    table: Table
    label: str
    column: str
    written: str
    unit: str


def _named_columns(a: Analysis) -> list[tuple[str, Table, str, str | None, list[tuple[str, object, str]]]]:
    """(word, table, header, money unit or None for the prose's own, [(row label, value, as written)]) of each money
    column named by a COLUMN_WORDS word in a table whose columns add up."""
    out = []
    for table in a.document.tables:
        header, body, _, count = table_body(table)
        if not count or not any(COLUMN_WORDS.search(cell) for cell in header):
            continue
        units = table_money_units(table)
        mismatched = {m.col for m in a.total_mismatches(table)}
        for c, name in enumerate(header):
            word = COLUMN_WORDS.search(name)
            unit = units.get(c) or ("" if "金额" in name or "价" in name else None)  # (no unit given: the prose's)
            if word is None or unit is None or c in mismatched:
                continue
            cells = [(row[0].strip(), parse_number(row[c].replace(" ", "")), row[c].strip()) for row in body if c < len(row)]
            out.append((word.group(0), table, name, unit, [cell for cell in cells if cell[1] is not None]))
    return out


def prose_column_slips(a: Analysis) -> list[ProseColumnSlip]:
    """Every prose amount one keystroke off the same-named column's cell for its row (or the 合计)."""
    columns = _named_columns(a)
    out: list[ProseColumnSlip] = []
    if not columns:
        return out
    for paragraph, figures in a.figures:
        for figure in (f for f in figures if f.unit in MONEY_UNITS and f.text[:1].isdigit()):
            clause = clause_before(figure.source, figure.start)[-WORD_WINDOW:]
            sentence = sentence_at(figure.source, figure.start)
            for word, table, name, unit, cells in columns:
                if word not in clause:
                    continue
                value = figure.in_yuan() / MONEY_UNITS[unit] if unit else figure.value
                if any(v == value for _, v, _ in cells):
                    break  # the table gives this very amount
                near = [(label, written) for label, v, written in cells if one_keystroke_apart(value, v)
                        and (TOTAL_ROW.match(label) or label and label in sentence)]  # fmt: skip
                near.sort(key=lambda cell: not (cell[0] and cell[0] in sentence))  # (the row the sentence names first)
                if near and len({written for _, written in near}) == 1:
                    out.append(ProseColumnSlip(paragraph, figure, table, near[0][0], name, near[0][1], unit or figure.unit))
                    break
    return out
