"""一级指标小计不一致：正文“决策指标总分20分，得分16分”或“其中：项目决策得分8.10分”与评分表、得分概况表或数据不符。

正文写法如“决策指标总分20分，得分16分”“产出指标共计25分，得分23分”“效益（45分）得分40分”“其中，决策10分得7分”；
评分表第一列另有名称的（事前评估“评估内容 | 评估要点 | 分值 | 得分”中的“立项必要性”），“立项必要性共50分，得43分”“政策执行（30分）得26分”也按该名称核对。
正文中的一级指标权重与得分，须等于紧随其后的该部分评分表合计行、得分概况表中同名行、附件指标体系表中该一级指标
各行之和；给出 --data 时还须等于数据中该一级指标的小计。
同一段写出总分并逐一写出各一级指标得分（“总得分为88分，其中决策指标得18分，过程指标得17分……”“决策指标（20分）得18分，
……，总得分为88分”）时，各一级指标得分之和须等于总分——所列一级指标是全部时才核对：所写权重合计100分，或与评分表、
得分概况表、数据中的一级指标相同，或决策、过程、产出、效益四项齐全（得分之和小于总分时，报告别处不得提到满意度、效果这类第五个一级指标）；报告设有加分项、扣分项时按加减后的总分。
"""

from __future__ import annotations

from decimal import Decimal

from checkers.analysis import Analysis, grid_rows, level1_kind, level1_name, same_level1
from checkers.figures import written_like
from checkers.finding import Severity
from checkers.openings import strip_code_prefix
from checkers.rules.base import Rule
from evaluation_model import format_score, plain

FAILING = """\
## （一）项目决策情况

决策指标总分20分，得分17分。各分项指标得分和绩效分析如下：

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| A1项目立项 | A11立项依据充分性 | 12 | 10 |
| | A12立项程序规范性 | 8 | 6 |
| 合计 | | 20 | 16 |
"""

PASSING = FAILING.replace("得分17分", "得分16分")


def _names_under(a: Analysis, level: str) -> set[str]:
    """The names the report's score tables list in a column headed with ``level`` (“二级指标”), without codes."""
    names: set[str] = set()
    for table in a.score_tables:
        for col in table.label_cols:
            if col < len(table.header) and level in table.header[col]:
                names |= {strip_code_prefix(cells[col].strip()) for cells in grid_rows(table.table)[1:] if col < len(cells)}
    return names


def check(a: Analysis, rule: Rule):
    reported: list = []
    yield from _against_tables(a, rule, reported)
    yield from _against_the_total(a, rule, reported)


def _against_tables(a: Analysis, rule: Rule, reported: list):
    level2: set[str] = set()
    if a.level1_prose:  # the 二级 names that are no 一级 name anywhere (a 一级 column, the overview, the data)
        level1 = _names_under(a, "一级") | {strip_code_prefix(level1_name(row)) for row, _ in a.overview_rows() if row.labels}
        level1 |= {strip_code_prefix(top.name) for top in a.data.indicators} if a.data is not None else set()
        level2 = _names_under(a, "二级") - level1
    blamed_groups = [g.name for g in a.blamed_groups.values()]
    for statement in a.level1_prose:
        if any(same_level1(name, statement.name) for name in blamed_groups):
            continue  # a row under this 一级 is mistyped, the prose is right: TT201 says so
        alone = not statement.extra.get("among") and not statement.extra.get("listed")  # (a list names 一级 beside it)
        if alone and strip_code_prefix(statement.name) in level2:
            continue  # “项目效益类指标共24分”: a 二级 indicator the tables name so, not the 一级 “效益”
        weight = statement.extra.get("weight")
        comparisons = []  # (where it is said, weight, score, doubt about that table, location and excerpt of it)
        if weight is not None and not statement.extra.get("listed"):  # a sentence listing several 一级 has no own table
            paragraph = statement.extra["paragraph"]
            table = a.next_score_table(paragraph)
            if table is None:  # “综上，效益部分共得21分（满分25分）” after the part's table: that table, if its 合计 has this weight
                table = a.previous_score_table(paragraph)
                table = table if table and table.total_row and table.total_row.weight == weight else None
            if table and table.total_row and table.total_row.score is not None and not a.is_whole_report_table(table) \
                    and not _rows_give(a, table, statement.value, weight):  # fmt: skip
                row = table.total_row
                comparisons.append(("本部分评分表合计", row.weight, row.score, a.doubt_about(table.table, table.score_col),
                                    row.location, row.excerpt))  # fmt: skip
        for row, overview in a.overview_rows():
            if row.labels and same_level1(level1_name(row), statement.name) and not a.is_blamed(overview, row):
                comparisons.append((f"得分概况表（{row.location.reference()}）", row.weight, row.score,
                                    a.doubt_about(overview.table, overview.score_col), row.location, row.excerpt))  # fmt: skip
        for name, (w, s, source_table) in a.table_level1_sums.items():
            if same_level1(name, statement.name):
                w, s = _corrected(a, source_table, name, w, s)  # (a cell shown mistyped counts as it should read)
                comparisons.append((f"指标体系表中“{name}”各行之和", w, s,
                                    a.doubt_about(source_table.table, source_table.score_col), None, ""))  # fmt: skip
        data_side = None
        if a.data is not None:
            data_side = next(((top.total_weight, top.total_score) for top in a.data.indicators
                              if same_level1(top.name, statement.name)), None)  # fmt: skip
        if data_side is not None and data_side[1] == statement.value and (weight is None or data_side[0] == weight):
            continue  # the data agrees with the prose: a table that differs is the stale side (SC104 reports its row)
        if data_side is not None:
            comparisons.append(("项目数据", data_side[0], data_side[1], "", None, ""))
        for source, w, s, doubt, _, _ in comparisons:
            bad_score = s is not None and s != statement.value
            bad_weight = weight is not None and w is not None and w != weight
            if bad_score or bad_weight:
                found = _pair(weight, statement.value, written=True)
                expected = _pair(weight and w, s, like=statement.value)  # (in the decimals the report writes)
                reported.append(statement)
                yield rule.finding(
                    f"{_subtotal_name(statement.name)}：正文写{found}，{source}为{expected}{doubt}",
                    statement.location, statement.excerpt, expected=expected, found=found,
                )  # fmt: skip
                break


def _rows_give(a: Analysis, table, score: Decimal, weight: Decimal | None) -> bool:
    """Whether the table's rows add up to the prose's subtotal where its 合计 cell does not: the 合计 is the slip (TT201
    names it), not the prose."""
    total = table.total_row
    missed = {m.col: m.computed for m in a.total_mismatches(table.table)
              if m.stated == (total.score if m.col == table.score_col else total.weight)}  # fmt: skip
    return table.score_col in missed and missed[table.score_col] == score and (
        weight is None or table.weight_col not in missed or missed[table.weight_col] == weight)


def _corrected(a: Analysis, table, name: str, weight: Decimal, score: Decimal) -> tuple[Decimal, Decimal]:
    """A 一级's sums from a table, with a cell the rest of the report shows mistyped (TT201 names it) read as it
    should be."""
    for cell in (c for c in a.blamed_cells.values() if c.table is table):
        group = next((g for row, g in a.rows_by_first_label(table) if row is cell.row), "")
        if strip_code_prefix(group) == name:
            if cell.col == table.score_col:
                score += cell.right - cell.value
            elif cell.col == table.weight_col:
                weight += cell.right - cell.value
    return weight, score


FOUR_KINDS = {"决策", "过程", "产出", "效益"}


def _subtotal_name(name: str) -> str:
    """“过程指标小计” for a 一级 named by its kind alone, “‘项目决策’小计” for one named otherwise."""
    kind = level1_kind(name)  # (“效益类指标” is 效益)
    name = kind if kind in FOUR_KINDS else name
    return f"{name}指标小计" if name in FOUR_KINDS or name in ("投入", "满意度", "效果") else f"“{name}”小计"


def _place(location) -> tuple:
    return location.section, location.paragraph, location.table


def _report_kinds(a: Analysis) -> set[str]:
    """The 一级 indicators the report's tables or the data name (empty when none does)."""
    names = [level1_name(row) for row, _ in a.overview_rows() if row.labels] + list(a.table_level1_sums)
    names += [top.name for top in a.data.indicators] if a.data is not None else []
    return {kind for kind in (_kind(a, name) for name in names) if kind}


def _kind(a: Analysis, name: str) -> str | None:
    """Which 一级 a name is: a standard one by its kind (决策, 过程…), another by the name the report's tables give it
    (政策执行)."""
    kind = level1_kind(name)
    if kind is None and strip_code_prefix(name) in a.table_level1_sums:
        return strip_code_prefix(name)
    return kind


def _fifth_named(a: Analysis) -> bool:
    """Whether the report may have a 一级 besides the four (a heading naming 满意度 or 效果, another 一级 in prose)."""
    if any("满意度" in h.text or "效果" in h.text for h in a.document.headings):
        return True
    return any(level1_kind(s.name) not in (None, *FOUR_KINDS) for s in a.level1_prose)


def _against_the_total(a: Analysis, rule: Rule, reported: list):
    """The 一级 scores a paragraph lists, all of them, add up to the total it states."""
    totals: dict[tuple, list] = {}
    for total in a.total_statements:
        totals.setdefault(_place(total.location), []).append(total)
    if not totals:
        return
    listed: dict[tuple, dict[str, object]] = {}
    doubtful: set[tuple] = set()
    for statement in a.level1_prose:
        place, kind = _place(statement.location), _kind(a, statement.name)
        if place not in totals or kind is None:
            continue
        seen = listed.setdefault(place, {})
        if kind in seen and seen[kind].value != statement.value:
            doubtful.add(place)  # two scores of one 一级 in a paragraph: not one list
        seen.setdefault(kind, statement)
    adjustment = a.score_adjustment or Decimal(0)
    known = _report_kinds(a)
    others = any(row.funding for table in a.score_tables for row in table.rows)  # (a 自评表's 预算执行 part: no 一级)
    for place, by_kind in listed.items():
        values = {t.value for t in totals[place]}
        if place in doubtful or len(by_kind) < 3 or len(values) != 1 or any(s in reported for s in by_kind.values()):
            continue
        total = totals[place][0]
        parts = sum((s.value for s in by_kind.values()), Decimal(0))
        if parts + adjustment == total.value or parts == total.value:
            continue
        weights = [s.extra.get("weight") for s in by_kind.values()]
        whole = (None not in weights and sum(weights, Decimal(0)) == 100) or (known and set(by_kind) == known and not others) \
            or (not known and set(by_kind) == FOUR_KINDS and (parts + adjustment > total.value or not _fifth_named(a)))  # fmt: skip
        if whole:
            addends = "+".join(format_score(s.value) for s in by_kind.values())
            yield rule.finding(
                f"同段所列各一级指标得分之和 {addends} = {plain(parts + adjustment)}分，与所写总分{format_score(total.value)}分不符",
                total.location, total.excerpt, expected=f"{plain(parts + adjustment)}分", found=f"{format_score(total.value)}分",
            )  # fmt: skip


def _pair(weight, score, written: bool = False, like: Decimal | None = None) -> str:
    """“权重30分，得分27.8分” (or only the score when no weight is stated); ``written`` keeps the report's decimals,
    ``like`` gives the score those of a figure it is set against."""
    show = format_score if written else plain
    shown = written_like(score, format_score(like)) if like is not None and score is not None else show(score)
    return (f"权重{show(weight)}分，" if weight is not None else "") + f"得分{shown}分"


RULE = Rule("TT202", "level1-subtotals", Severity.ERROR, check, __doc__, FAILING, PASSING)
