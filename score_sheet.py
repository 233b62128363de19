"""Excel score sheets (评分表): read an evaluator's sheet into the indicator tree, write a template or an export.

Layout: one header row (within the first 10 rows) with 一级指标/二级指标/三级指标/分值/得分/扣分原因/评分依据
in any order (权重 = 分值, 专家评分 = 得分), then one row per 三级 indicator. Merged or empty 一级/二级 cells
mean "same as above"; a 合计 row is not data but must equal the sums.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from io import BytesIO
from pathlib import Path
from typing import Any

from checkers.openings import split_label
from drafter.atomic import atomic_write_bytes
from evaluation_model import Evaluation, format_score, plain

SHEET_NAME = "评分表"
COLUMNS = ("一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因", "评分依据")
REQUIRED = ("一级指标", "二级指标", "三级指标", "分值", "得分")
SYNONYMS = {
    "一级指标": "一级指标", "一级": "一级指标",
    "二级指标": "二级指标", "二级": "二级指标",
    "三级指标": "三级指标", "三级": "三级指标",
    "分值": "分值", "权重": "分值", "标准分": "分值", "满分": "分值",
    "得分": "得分", "专家评分": "得分", "评分": "得分", "实际得分": "得分", "评价得分": "得分",
    "扣分原因": "扣分原因", "扣分理由": "扣分原因", "扣分说明": "扣分原因",
    "评分依据": "评分依据", "证据": "评分依据", "依据": "评分依据",
}  # fmt: skip
HEADER_SCAN_ROWS = 10
TOTAL_RE = re.compile(r"^(?:合计|总计|总分|合计得分)$")
SUBTOTAL_RE = re.compile(r"^小计$")
LABEL_COLUMNS = ("一级指标", "二级指标", "三级指标")
WIDTHS = {"一级指标": 14, "二级指标": 18, "三级指标": 26, "分值": 8, "得分": 8, "扣分原因": 36, "评分依据": 60}
MAX_TEMPLATE_ROWS = 500


class ScoreSheetError(Exception):
    """A score sheet that cannot be used; str() is the full Chinese report, `problems` one line each."""

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        if len(problems) == 1:
            message = f"评分表 {file}：{problems[0]}"
        else:
            message = "\n".join([f"评分表 {file} 有 {len(problems)} 处问题："] + ["  " + p for p in problems])
        super().__init__(message)


@dataclass
class SheetRow:
    """One data row of a score sheet, labels filled from above."""

    row: int
    labels: list[str]
    weight: Decimal | None
    score: Decimal | None
    reason: str | None = None
    evidence: str | None = None
    cells: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Reading


def _header_key(value: Any) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", "", str(value))
    text = re.sub(r"[（(][^）)]*[）)]$", "", text)  # 分值（分）
    return SYNONYMS.get(text)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _places(number_format: str | None) -> int | None:
    """Decimal places a number format shows ('0.00' → 2), None for General."""
    match = re.search(r"0\.(0+)(?![0#])", number_format or "")
    return len(match.group(1)) if match else None


def _number(value: Any, number_format: str | None) -> Decimal:
    """A cell value as an exact Decimal; raises ValueError with a Chinese reason."""
    if isinstance(value, bool):
        raise ValueError("是真假值，不是数字")
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):  # Excel keeps 15 significant digits: =SUM() giving 81.230000000000018 is 81.23
        result = Decimal(format(value, ".15g"))
    elif isinstance(value, Decimal):
        result = value
    else:
        text = str(value).strip().replace(",", "").replace("，", "").removesuffix("分").strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"“{value}”不是数字") from None
        if not result.is_finite():
            raise ValueError(f"“{value}”不是数字")
        return result
    places = _places(number_format)
    if places is not None and places <= MAX_PLACES and -result.as_tuple().exponent < places:  # type: ignore[operator]
        with contextlib.suppress(InvalidOperation):  # (a figure too long to show that many places stays as it is)
            result = result.quantize(Decimal(1).scaleb(-places))
    return result


MAX_PLACES = 10  # a cell formatted with more decimal places than this shows them for no score


def _check_file(path: Path) -> None:
    file = str(path)
    if not path.exists():
        raise ScoreSheetError(file, ["文件不存在，请检查路径"])
    if path.is_dir():
        raise ScoreSheetError(file, ["这是文件夹，不是 Excel 文件"])
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ScoreSheetError(file, ["是旧版 Excel（.xls）格式，请在 Excel 中“另存为” .xlsx 后重试"])
    if suffix not in (".xlsx", ".xlsm") or not zipfile.is_zipfile(path):
        raise ScoreSheetError(
            file,
            ["不是 Excel（.xlsx）文件，请用 Excel 另存为 .xlsx，或用 `evalreport template 评分表.xlsx` 生成模板后填写"],
        )


def _open(path: Path):
    """Workbook with cached values and the same with formulas (to explain a formula without a value)."""
    from openpyxl import load_workbook

    try:
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ScoreSheetError(
            str(path), [f"无法打开（{type(exc).__name__}），文件可能已损坏，请用 Excel 打开后另存为 .xlsx"]
        ) from None
    return values, formulas


def _has_header(ws) -> bool:
    """Whether one of the sheet's first rows is a score sheet's header."""
    for row in ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True):
        if sum(key in REQUIRED for key in {_header_key(value) for value in row}) >= 3:
            return True
    return False


def _pick_sheet(workbook, file: str):
    """The sheet named 评分表; else the one sheet with a score sheet's header (a workbook holding last year's sheet
    too must say which to read: reading the first would draft from the wrong year's scores)."""
    if SHEET_NAME in workbook.sheetnames:
        return workbook[SHEET_NAME]
    if not workbook.worksheets:
        raise ScoreSheetError(file, ["工作簿中没有工作表，请用 evalreport template 生成评分表后填写"])
    scored = [ws for ws in workbook.worksheets if _has_header(ws)]
    if len(scored) > 1:
        names = "、".join(f"“{ws.title}”" for ws in scored)
        raise ScoreSheetError(file, [f"工作簿中有 {len(scored)} 张评分表（{names}），没有名为“{SHEET_NAME}”的工作表，"
                                     f"无法确定读哪一张：请把本次要用的那张改名为“{SHEET_NAME}”"])  # fmt: skip
    return scored[0] if scored else workbook.worksheets[0]


def _fill_merged(ws, grid: dict[tuple[int, int], Any]) -> None:
    """Give every cell of a merged range the top-left value, as the evaluator sees it."""
    last_row, last_col = ws.max_row, ws.max_column  # a range merged to the sheet's end covers no more than is used
    for merged in ws.merged_cells.ranges:
        top = grid.get((merged.min_row, merged.min_col))
        for r in range(merged.min_row, min(merged.max_row, last_row) + 1):
            for c in range(merged.min_col, min(merged.max_col, last_col) + 1):
                grid[(r, c)] = top


ONE_PER_ROW = ("三级指标", "分值", "得分")  # each 三级指标 row has its own: merged across rows, one value would count twice


def _merged_across_indicators(ws, header_row: int, columns: dict[str, int]) -> list[str]:
    """A 三级指标, 分值 or 得分 cell merged over two or more rows below the header (only 一级/二级 may be merged)."""
    out = []
    for merged in sorted(ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col)):
        if merged.min_row <= header_row or merged.max_row == merged.min_row:
            continue
        for key in ONE_PER_ROW:
            if merged.min_col <= columns.get(key, 0) <= merged.max_col:
                out.append(f"{ws.title}!{merged.coord}：“{key}”单元格跨第{merged.min_row}—{merged.max_row}行合并，"
                           f"合并后每行都会读作同一个数（{key}会重复计入）；只有一级、二级指标可以合并，请取消合并，逐行填写")
                break
    return out


def read_score_sheet(path: str | Path) -> list[dict[str, Any]]:
    """Read a score sheet into the project file's indicator tree (list of 一级 dicts)."""
    return read_score_sheet_with_sources(path)[0]


def read_score_sheet_with_sources(path: str | Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The indicator tree, and where each of its texts was read (field path → “评分表.xlsx 评分表!G7”)."""
    path = Path(path)
    _check_file(path)
    values, formulas = _open(path)
    ws = _pick_sheet(values, str(path))
    fws = formulas[ws.title]
    file, sheet = str(path), ws.title
    from openpyxl.utils import get_column_letter

    def ref(row: int, col: int) -> str:
        return f"{sheet}!{get_column_letter(col)}{row}"

    grid: dict[tuple[int, int], Any] = {}
    formats: dict[tuple[int, int], str] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and not (isinstance(cell.value, str) and not cell.value.strip()):
                grid[(cell.row, cell.column)] = cell.value
                formats[(cell.row, cell.column)] = cell.number_format
    if not grid:
        raise ScoreSheetError(
            file,
            [f"工作表“{sheet}”是空的：请按模板填写表头和指标行（可用 `evalreport template 评分表.xlsx` 生成模板）"],
        )
    _fill_merged(ws, grid)
    max_row = max(r for r, _ in grid)
    max_col = max(c for _, c in grid)

    header_row, columns = None, {}
    for r in range(1, min(HEADER_SCAN_ROWS, max_row) + 1):
        found: dict[str, int] = {}
        for c in range(1, max_col + 1):
            key = _header_key(grid.get((r, c)))
            if key and key not in found:
                found[key] = c
        if sum(k in found for k in REQUIRED) >= 3:
            header_row, columns = r, found
            break
    if header_row is None:
        raise ScoreSheetError(file, [
            f"工作表“{sheet}”前 {HEADER_SCAN_ROWS} 行中找不到表头：表头行应包含 {'、'.join(COLUMNS)}"
            "（“权重”可代替“分值”，“专家评分”可代替“得分”），请在表格第一行填写这些列名"
        ])  # fmt: skip
    missing = [k for k in REQUIRED if k not in columns]
    if missing:
        raise ScoreSheetError(file, [f"{sheet}!第{header_row}行（表头）缺少列：{'、'.join(missing)}，请补上这些列名"])

    problems: list[str] = _merged_across_indicators(ws, header_row, columns)
    rows: list[SheetRow] = []
    totals: list[tuple[int, Decimal | None, Decimal | None]] = []
    previous = ["", "", ""]

    def numeric(r: int, key: str, total: bool = False) -> Decimal | None:
        c = columns[key]
        value = grid.get((r, c))
        if value is None:
            formula = fws.cell(row=r, column=c).value
            if total and isinstance(formula, str) and formula.upper().startswith("=SUM("):
                return None  # a 合计 summing its column (as exported) that no spreadsheet has computed yet: it adds up
            if isinstance(formula, str) and formula.startswith("="):
                problems.append(
                    f"{ref(r, c)}：{key}是公式（{formula}）但没有计算结果，请在 Excel 中打开、保存后重试，或直接填写数字"
                )
            return None
        try:
            number = _number(value, formats.get((r, c)))
        except ValueError as exc:
            problems.append(f"{ref(r, c)}：{key}{exc}，请只填写阿拉伯数字（如 2.8）")
            return None
        if number < 0:
            problems.append(f"{ref(r, c)}：{key}不能为负数（填写的是 {plain(number)}）")
            return None
        return number

    for r in range(header_row + 1, max_row + 1):
        labels = [_cell_text(grid.get((r, columns[k]))) for k in LABEL_COLUMNS]
        others = [grid.get((r, columns[k])) for k in ("分值", "得分", "扣分原因", "评分依据") if k in columns]
        if not any(labels) and all(v is None or not str(v).strip() for v in others):
            continue  # blank row
        squeezed = [re.sub(r"\s+", "", x) for x in labels]
        if any(TOTAL_RE.match(x) for x in squeezed if x):
            totals.append((r, numeric(r, "分值", total=True), numeric(r, "得分", total=True)))
            continue
        if any(SUBTOTAL_RE.match(x) for x in squeezed if x):
            continue
        first = labels[0] or previous[0]
        same_top = re.sub(r"\s+", "", first) == re.sub(r"\s+", "", previous[0])
        filled = [first, labels[1] or (previous[1] if same_top else ""), labels[2]]
        if not labels[2]:
            if grid.get((r, columns["分值"])) is None and grid.get((r, columns["得分"])) is None:
                previous = filled
                continue  # a heading row naming a 一级 or 二级 indicator
            problems.append(
                f"{ref(r, columns['三级指标'])}：三级指标为空，请填写三级指标名称；如该行是小计或合计，请在指标列写“小计”或“合计”"
            )
            continue
        for i, name in enumerate(LABEL_COLUMNS[:2]):
            if not filled[i]:
                problems.append(f"{ref(r, columns[name])}：{name}为空且上方也没有，请填写该行所属的{name}")
        previous = filled
        weight = numeric(r, "分值")
        score = numeric(r, "得分")
        label = filled[2]
        if (
            grid.get((r, columns["分值"])) is None
            and weight is None
            and not any(ref(r, columns["分值"]) in p for p in problems)
        ):
            problems.append(f"{ref(r, columns['分值'])}：三级指标“{label}”缺少分值，请填写该指标的分值（权重）")
        if (
            grid.get((r, columns["得分"])) is None
            and score is None
            and not any(ref(r, columns["得分"]) in p for p in problems)
        ):
            problems.append(f"{ref(r, columns['得分'])}：三级指标“{label}”缺少得分，请填写得分（满分也要填写）")
        if weight is not None and score is not None and score > weight:
            problems.append(f"{ref(r, columns['得分'])}：三级指标“{label}”得分 {format_score(score)} 超过分值 "
                            f"{format_score(weight)}，请核对得分或分值")  # fmt: skip
        texts = {k: _cell_text(grid.get((r, columns[k]))) for k in ("扣分原因", "评分依据") if k in columns}
        rows.append(SheetRow(r, filled, weight, score, texts.get("扣分原因") or None, texts.get("评分依据") or None,
                             {k: ref(r, columns[k]) for k in columns}))  # fmt: skip

    if not rows and not problems:
        problems.append(f"工作表“{sheet}”第{header_row}行表头之下没有指标行，请每个三级指标填写一行")
    weight_sum = sum((x.weight or Decimal(0) for x in rows), Decimal(0))
    score_sum = sum((x.score or Decimal(0) for x in rows), Decimal(0))
    for r, weight, score in totals:
        for key, declared, derived in (("分值", weight, weight_sum), ("得分", score, score_sum)):
            if declared is not None and declared != derived:
                problems.append(f"{ref(r, columns[key])}：合计行{key} {plain(declared)} 与各三级指标{key}之和 "
                                f"{plain(derived)} 不一致，请核对合计或各行{key}")  # fmt: skip
    problems.extend(_duplicate_codes(rows))
    if problems:
        raise ScoreSheetError(file, problems)
    cells: dict[int, dict[str, str]] = {}
    tree = build_tree(rows, cells)
    return tree, _text_sources(tree, cells, path.name)


TEXT_COLUMNS = {"evidence": "评分依据", "deduction_reason": "扣分原因"}


def _text_sources(tree: list[dict[str, Any]], cells: dict[int, dict[str, str]], file: str) -> dict[str, str]:
    """Field path (``indicators[0].children[1].children[0].evidence``) → the cell its text came from."""
    out: dict[str, str] = {}

    def visit(nodes: list[dict[str, Any]], path: str) -> None:
        for index, node in enumerate(nodes):
            here = f"{path}[{index}]"
            for field_name, column in TEXT_COLUMNS.items():
                if field_name in node and column in cells.get(id(node), {}):
                    out[f"{here}.{field_name}"] = f"{file} {cells[id(node)][column]}（{column}）"
            visit(node.get("children", []), f"{here}.children")

    visit(tree, "indicators")
    return out


def _duplicate_codes(rows: list[SheetRow]) -> list[str]:
    """Codes used by two different indicators, and 三级 rows repeated (each row is its own 三级 indicator)."""
    out: list[str] = []
    seen: dict[str, tuple[str, str]] = {}
    leaves: dict[tuple[str, ...], str] = {}
    for row in rows:
        leaf_key = tuple(row.labels)
        if leaf_key in leaves:
            cell = row.cells[LABEL_COLUMNS[-1]]
            out.append(f"{cell}：三级指标“{row.labels[-1]}”与 {leaves[leaf_key]} 重复，请删去重复的一行或改名")
            continue
        leaves[leaf_key] = str(row.cells[LABEL_COLUMNS[-1]])
        for i, key in enumerate(LABEL_COLUMNS):
            code, name = split_label(row.labels[i])
            parents = tuple(row.labels[:i])
            if code is None:
                continue
            owner = seen.setdefault(code, (name, "/".join(parents)))
            if owner != (name, "/".join(parents)):
                out.append(f"{row.cells[key]}：指标编码 {code} 重复（已用于“{owner[0]}”），请改为唯一编码")
                seen[code] = (name, "/".join(parents))
    return out


def _node(label: str) -> dict[str, Any]:
    code, name = split_label(label)
    node: dict[str, Any] = {}
    if code:
        node["code"] = code
    node["name"] = name
    return node


def build_tree(rows: list[SheetRow], cells: dict[int, dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """Group rows by their labels (first appearance order) into the project file's tree.

    A row's last non-empty label is the node it scores: a 三级 indicator, or a 二级/一级 scored directly when
    the deeper labels are empty. A scored node that later rows use as a parent keeps its figures as the
    parent's declared totals (the model checks them against its children).
    """
    roots: list[dict[str, Any]] = []
    nodes: dict[tuple[str, ...], dict[str, Any]] = {}
    for row in rows:
        labels = list(row.labels)
        while len(labels) > 1 and not labels[-1].strip():
            labels.pop()
        key = tuple(_SPACE_RE.sub("", x) for x in labels[:-1]) + (labels[-1].strip(),)
        siblings = roots
        for depth in range(len(key) - 1):
            parent = nodes.get(key[: depth + 1])
            if parent is None:
                parent = nodes[key[: depth + 1]] = _node(key[depth])
                siblings.append(parent)
            siblings = parent.setdefault("children", [])
        declared = nodes.get(key)
        if declared is not None and "children" in declared:  # a subtotal row after its children
            declared["weight"], declared["score"] = row.weight, row.score
            continue
        leaf = nodes[key] = _node(key[-1])
        if cells is not None:
            cells[id(leaf)] = row.cells  # (the caller maps each leaf's texts to their cells)
        leaf["weight"] = row.weight
        leaf["score"] = row.score
        if row.reason:
            leaf["deduction_reason"] = row.reason
        if row.evidence:
            leaf["evidence"] = row.evidence
        siblings.append(leaf)
    return roots


_SPACE_RE = re.compile(r"\s+")


# ---------------------------------------------------------------------------
# Project file + score sheet


def load_with_scores(project_path: str | Path, scores_path: str | Path) -> Evaluation:
    """Load a project file whose indicator tree comes from an Excel score sheet (all model checks apply)."""
    from project_file import load_data, validate

    project_path = Path(project_path)
    data, lines = load_data(project_path)
    tree, sources = read_score_sheet_with_sources(scores_path)
    _keep_summaries(data.get("indicators"), tree)
    data["indicators"] = tree
    lines = {k: v for k, v in lines.items() if not k.startswith("indicators")}
    evaluation = validate(data, lines, str(project_path))
    evaluation.text_sources = sources
    return evaluation


def _keep_summaries(old: Any, tree: list[dict[str, Any]]) -> None:
    """Give the sheet's 一级/二级 indicators the project file's 考察内容 (``summary``, which the sheet has no column
    for), matched by code, or by name and level when the name is used once at its level."""
    if not isinstance(old, list):
        return
    by_code: dict[str, Any] = {}
    by_name: dict[tuple[int, str], list[Any]] = {}

    def index(nodes: list[Any], depth: int) -> None:
        for node in nodes:
            if not isinstance(node, dict):
                continue
            if node.get("summary"):
                if node.get("code"):
                    by_code[str(node["code"])] = node["summary"]
                by_name.setdefault((depth, _SPACE_RE.sub("", str(node.get("name", "")))), []).append(node["summary"])
            index(node.get("children") or [], depth + 1)

    def fill(nodes: list[dict[str, Any]], depth: int) -> None:
        for node in nodes:
            if "summary" not in node:
                named = by_name.get((depth, _SPACE_RE.sub("", node["name"])), [])
                summary = by_code.get(node.get("code", "")) or (named[0] if len(named) == 1 else None)
                if summary:
                    node["summary"] = summary
            fill(node.get("children", []), depth + 1)

    index(old, 0)
    fill(tree, 0)


# ---------------------------------------------------------------------------
# Writing


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise ScoreSheetError(str(path), ["文件已存在，已拒绝覆盖。请换一个文件名，或确认无误后加 --overwrite 覆盖"])


def _new_sheet():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_NAME
    ws.append(list(COLUMNS))
    for index, name in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = WIDTHS[name]
    ws.freeze_panes = "A2"
    return workbook, ws


def _number_validation(ws, last_row: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    check = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="应为数字", error="分值、得分只能填写不小于 0 的数字，如 2.8")  # fmt: skip
    ws.add_data_validation(check)
    check.add(f"D2:E{last_row}")


def _instructions(workbook) -> None:
    from openpyxl.styles import Alignment

    ws = workbook.create_sheet("填写说明")
    ws.column_dimensions["A"].width = 100
    lines = [
        "评分表填写说明（本工作表不会被读取）",
        "1. 在“评分表”工作表中每个三级指标填写一行；第一行表头请勿修改（列的顺序可以调整）。",
        "2. 一级指标、二级指标可合并单元格，也可只在第一行填写、下方留空，表示“同上”。",
        "3. 指标可带编码，如“A.决策”“B1组织实施”“B14运转程序规范性”，程序会拆分为编码与名称。",
        "4. 分值、得分只填阿拉伯数字（如 2.8）；得分不能超过分值。要保留“7.40”这样的末尾 0，请把单元格格式设为两位小数。",
        "5. 可在末尾加一行“合计”，程序会核对合计是否等于各行之和，但不会把它当作指标。",
        "6. 用法：evalreport draft 项目.yaml --scores 评分表.xlsx -o 报告.docx；项目文件中可以不写 indicators。",
    ]
    for line in lines:
        ws.append([line])
    for row in ws.iter_rows():
        row[0].alignment = Alignment(wrap_text=True)


def _save(workbook, path: Path) -> None:
    buffer = BytesIO()
    workbook.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())


def write_template(path: str | Path, force: bool = False) -> None:
    """Write an empty score sheet (header, widths, frozen header, number validation, instructions sheet)."""
    path = Path(path)
    _refuse_existing(path, force)
    workbook, ws = _new_sheet()
    _number_validation(ws, MAX_TEMPLATE_ROWS)
    _instructions(workbook)
    _save(workbook, path)


def _set_number(cell, value: Decimal | None) -> None:
    if value is None:
        return
    places = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    cell.value = int(value) if places == 0 else float(value)
    cell.number_format = "0" if places == 0 else "0." + "0" * places


def write_score_sheet(evaluation: Evaluation, path: str | Path, force: bool = False) -> None:
    """Export a project's indicator tree to the score sheet layout, 一级/二级 cells merged, with a 合计 row."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    path = Path(path)
    _refuse_existing(path, force)
    workbook, ws = _new_sheet()
    row = 2
    for top in evaluation.indicators:
        top_start = row
        for mid in top.children or [top]:
            mid_start = row
            for leaf in mid.leaves():
                ws.cell(row=row, column=1, value=top.label)
                ws.cell(row=row, column=2, value=mid.label)
                ws.cell(row=row, column=3, value=leaf.label)
                _set_number(ws.cell(row=row, column=4), leaf.weight)
                _set_number(ws.cell(row=row, column=5), leaf.score)
                ws.cell(row=row, column=6, value=leaf.deduction_reason)
                ws.cell(row=row, column=7, value=leaf.evidence)
                row += 1
            if row - mid_start > 1:
                ws.merge_cells(start_row=mid_start, start_column=2, end_row=row - 1, end_column=2)
        if row - top_start > 1:
            ws.merge_cells(start_row=top_start, start_column=1, end_row=row - 1, end_column=1)
    ws.cell(row=row, column=1, value="合计")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    for column, value in ((4, evaluation.full_marks), (5, evaluation.total)):  # a formula: a score changed re-adds
        cell = ws.cell(row=row, column=column)
        _set_number(cell, value)  # (for its number format: the value is the formula's)
        letter = get_column_letter(column)
        cell.value = f"=SUM({letter}2:{letter}{row - 1})"
    for cells in ws.iter_rows(min_row=2, max_row=row):
        for cell in cells[:3]:
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        for cell in cells[5:7]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    _number_validation(ws, row)
    _save(workbook, path)
