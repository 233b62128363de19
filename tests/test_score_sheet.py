"""Excel score sheets: template, reading merged cells, errors naming sheet/row/column, round trip, project + scores."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from evaluation_model import Indicator
from project_file import ProjectFileError, load_project
from score_sheet import ScoreSheetError, load_with_scores, read_score_sheet, write_score_sheet, write_template
from tests.conftest import FIXTURES, ROOT

SMART = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"

# 一级, 二级, 三级, 分值, 得分 — A and B of a small coded tree, total 20 / 15.5
ROWS = [
    ("A.决策", "A1项目立项", "A11立项依据充分性", 5, 5),
    (None, None, "A12立项程序规范性", 3, 2.5),
    (None, "A2绩效目标", "A21绩效目标合理性", 4, 2),
    ("B.过程", "B1组织实施", "B11管理制度健全性", 4, 3),
    (None, None, "B12制度执行有效性", 4, 3),
]


def _filled_template(path: Path, rows=ROWS, total: tuple | None = ("合计", None, None, 20, 15.5)) -> Path:
    """Fill the template with openpyxl the way an evaluator does: merged 一级/二级 cells."""
    write_template(path)
    wb = load_workbook(path)
    ws = wb["评分表"]
    for offset, row in enumerate(rows):
        for col, value in enumerate(row, 1):
            if value is not None:
                ws.cell(row=2 + offset, column=col, value=value)
    ws.merge_cells("A2:A4")  # A.决策 over three rows
    ws.merge_cells("B2:B3")  # A1项目立项 over two rows
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B6")
    ws.cell(row=4, column=6, value="未提供绩效目标申报表")
    ws.cell(row=4, column=7, value="区公安局未提供项目绩效目标申报表。")
    if total:
        for col, value in enumerate(total, 1):
            if value is not None:
                ws.cell(row=2 + len(rows), column=col, value=value)
    wb.save(path)
    return path


def _sheet(path: Path, header, *rows, title: str = "评分表") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


HEADER = ("一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因", "评分依据")


def _problems(path: Path) -> list[str]:
    with pytest.raises(ScoreSheetError) as info:
        read_score_sheet(path)
    return info.value.problems


def test_template_layout(tmp_path: Path):
    path = tmp_path / "t.xlsx"
    write_template(path)
    wb = load_workbook(path)
    ws = wb["评分表"]
    assert [c.value for c in ws[1]] == list(HEADER)
    assert ws["A1"].font.bold
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["G"].width >= 40
    assert any("D2" in str(dv.sqref) for dv in ws.data_validations.dataValidation)
    assert wb.sheetnames[0] == "评分表"
    with pytest.raises(ScoreSheetError, match="已存在"):
        write_template(path)
    write_template(path, force=True)


def test_filled_template_with_merged_cells(tmp_path: Path):
    tree = read_score_sheet(_filled_template(tmp_path / "s.xlsx"))
    assert [(t["code"], t["name"]) for t in tree] == [("A", "决策"), ("B", "过程")]
    a = tree[0]
    assert [(m["code"], m["name"], len(m["children"])) for m in a["children"]] == [
        ("A1", "项目立项", 2),
        ("A2", "绩效目标", 1),
    ]
    leaf = a["children"][1]["children"][0]
    assert leaf == {
        "code": "A21",
        "name": "绩效目标合理性",
        "weight": Decimal(4),
        "score": Decimal(2),
        "deduction_reason": "未提供绩效目标申报表",
        "evidence": "区公安局未提供项目绩效目标申报表。",
    }
    assert a["children"][0]["children"][1]["score"] == Decimal("2.5")
    assert [leaf["code"] for leaf in tree[1]["children"][0]["children"]] == ["B11", "B12"]


def test_load_with_scores_replaces_tree_and_totals(tmp_path: Path):
    scores = _filled_template(tmp_path / "s.xlsx")
    evaluation = load_with_scores(SMART, scores)
    assert evaluation.total == Decimal("15.5")
    assert evaluation.full_marks == Decimal(20)
    assert evaluation.grade == grade_of(Decimal("15.5"), Decimal(20))
    assert [leaf.code for leaf in evaluation.leaves()] == ["A11", "A12", "A21", "B11", "B12"]


def grade_of(total: Decimal, full: Decimal) -> str:
    from evaluation_model import grade_for

    return grade_for(total, full)


def test_project_file_without_indicators(tmp_path: Path):
    text = SMART.read_text(encoding="utf-8")
    head, _, tail = text.partition("\nindicators:\n")
    rest = tail[tail.index("\nfindings:\n") :]
    # problems refer to indicators by code; keep the file valid without them
    project = tmp_path / "p.yaml"
    project.write_text(head + rest, encoding="utf-8")
    with pytest.raises(ProjectFileError, match="--scores 评分表.xlsx"):  # the message says where indicators can come from
        load_project(project)
    evaluation = load_with_scores(project, _filled_template(tmp_path / "s.xlsx"))
    assert evaluation.total == Decimal("15.5")


def test_model_errors_still_apply(tmp_path: Path):
    """Errors of the project file itself are reported as before when scores come from Excel."""
    project = tmp_path / "p.yaml"
    project.write_text(
        SMART.read_text(encoding="utf-8").replace("  year: 2020\n", "  year: 二〇二〇\n"), encoding="utf-8"
    )
    with pytest.raises(ProjectFileError, match="project.year"):
        load_with_scores(project, _filled_template(tmp_path / "s.xlsx"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_round_trip_equals_fixture_tree(fixture: Path, tmp_path: Path):
    evaluation = load_project(fixture)
    path = tmp_path / "export.xlsx"
    write_score_sheet(evaluation, path)
    ws = load_workbook(path)["评分表"]
    assert ws.merged_cells.ranges  # 一级/二级 cells merged as evaluators make them
    tree = [Indicator.model_validate(node) for node in read_score_sheet(path)]

    def shape(node: Indicator):
        score = None if node.score is None else str(node.score)  # 7.40 stays 7.40
        return (node.code, node.name, node.weight, score, node.deduction_reason, node.evidence,
                [shape(c) for c in node.children])  # fmt: skip

    assert [shape(n) for n in tree] == [shape(n) for n in evaluation.indicators]
    loaded = load_with_scores(fixture, path)
    assert loaded.total == evaluation.total
    # the 考察内容 (summary) the sheet has no column for is kept from the project file
    assert [n.summary for n in loaded.walk()] == [n.summary for n in evaluation.walk()]


def test_synonyms_any_order_header_below_title_and_sheet_name(tmp_path: Path):
    path = tmp_path / "s.xlsx"
    wb = Workbook()
    first = wb.active
    first.title = "封面"
    first["A1"] = "说明"
    ws = wb.create_sheet("评分表")
    ws.append(["某项目绩效评价评分表"])
    ws.append([])
    ws.append(["专家评分", "三级指标", "一级指标", "二级指标", "权重"])
    ws.append([1.44, "立项依据充分性", "决策", "项目立项", 1.5])
    ws.append(["7.40", "满意度", "效益", "项目效益", "10"])
    ws["A5"].number_format = "@"
    wb.save(path)
    tree = read_score_sheet(path)
    assert tree[0] == {"name": "决策", "children": [{"name": "项目立项", "children": [
        {"name": "立项依据充分性", "weight": Decimal("1.5"), "score": Decimal("1.44")}]}]}  # fmt: skip
    assert str(tree[1]["children"][0]["children"][0]["score"]) == "7.40"


def test_two_decimal_format_keeps_trailing_zero(tmp_path: Path):
    path = _sheet(tmp_path / "s.xlsx", HEADER, ("效益", "项目效益", "满意度", 10, 7.4))
    wb = load_workbook(path)
    wb.active["E2"].number_format = "0.00"
    wb.save(path)
    assert str(read_score_sheet(path)[0]["children"][0]["children"][0]["score"]) == "7.40"


# -- errors: each names sheet!cell and says how to fix -------------------------


def test_non_numeric_score(tmp_path: Path):
    path = _sheet(tmp_path / "s.xlsx", HEADER, ("决策", "项目立项", "立项依据充分性", 5, "优"))
    [problem] = _problems(path)
    assert problem.startswith("评分表!E2：")
    assert "“优”不是数字" in problem and "阿拉伯数字" in problem


def test_score_above_weight(tmp_path: Path):
    path = _sheet(
        tmp_path / "s.xlsx",
        HEADER,
        ("决策", "项目立项", "立项依据充分性", 5, 5),
        (None, None, "B14运转程序规范性", 4, 6),
    )
    [problem] = _problems(path)
    assert problem.startswith("评分表!E3：")
    assert "得分 6 超过分值 4" in problem


def test_missing_weight(tmp_path: Path):
    path = _sheet(tmp_path / "s.xlsx", HEADER, ("决策", "项目立项", "立项依据充分性", None, 5))
    [problem] = _problems(path)
    assert problem.startswith("评分表!D2：") and "缺少分值" in problem


def test_missing_header(tmp_path: Path):
    path = _sheet(tmp_path / "s.xlsx", ("指标", "分数"), ("立项依据充分性", 5))
    [problem] = _problems(path)
    assert "前 10 行中找不到表头" in problem and "一级指标" in problem


def test_header_missing_one_column(tmp_path: Path):
    path = _sheet(
        tmp_path / "s.xlsx", ("一级指标", "二级指标", "三级指标", "分值"), ("决策", "项目立项", "立项依据充分性", 5)
    )
    [problem] = _problems(path)
    assert problem.startswith("评分表!第1行") and "缺少列：得分" in problem


def test_empty_sheet(tmp_path: Path):
    path = tmp_path / "s.xlsx"
    wb = Workbook()
    wb.active.title = "评分表"
    wb.save(path)
    [problem] = _problems(path)
    assert "“评分表”是空的" in problem and "evalreport template" in problem


def test_not_xlsx(tmp_path: Path):
    csv = tmp_path / "s.csv"
    csv.write_text("一级指标,二级指标\n", encoding="utf-8")
    assert "不是 Excel（.xlsx）文件" in _problems(csv)[0]
    fake = tmp_path / "s.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    assert "不是 Excel（.xlsx）文件" in _problems(fake)[0]
    old = tmp_path / "s.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "旧版 Excel（.xls）" in _problems(old)[0]
    assert "文件不存在" in _problems(tmp_path / "none.xlsx")[0]


def test_total_row_is_checked_not_counted(tmp_path: Path):
    good = read_score_sheet(_filled_template(tmp_path / "good.xlsx"))
    assert sum(len(m["children"]) for t in good for m in t["children"]) == 5
    bad = _filled_template(tmp_path / "bad.xlsx", total=("合计", None, None, 20, 16))
    [problem] = _problems(bad)
    assert problem.startswith("评分表!E7：") and "合计行得分 16 与各三级指标得分之和 15.5 不一致" in problem


def test_several_bad_rows_all_reported(tmp_path: Path):
    path = _sheet(
        tmp_path / "s.xlsx",
        HEADER,
        ("决策", "项目立项", "立项依据充分性", "五", 5),
        (None, None, "立项程序规范性", 3, -1),
        (None, None, None, 2, 2),
        ("过程", None, "管理制度健全性", 4, 3),
    )
    problems = _problems(path)
    assert [p.split("：")[0] for p in problems] == ["评分表!D2", "评分表!E3", "评分表!C4", "评分表!B5"]
    with pytest.raises(ScoreSheetError) as info:
        read_score_sheet(path)
    assert str(info.value).startswith(f"评分表 {path} 有 4 处问题：")


def test_formula_without_cached_value(tmp_path: Path):
    path = _sheet(tmp_path / "s.xlsx", HEADER, ("决策", "项目立项", "立项依据充分性", 5, "=4+1"))
    [problem] = _problems(path)
    assert problem.startswith("评分表!E2：") and "公式" in problem


def test_duplicate_code(tmp_path: Path):
    path = _sheet(tmp_path / "s.xlsx", HEADER, ("A决策", "A1项目立项", "A11立项依据充分性", 5, 5),
                  (None, None, "A11立项程序规范性", 3, 3))  # fmt: skip
    [problem] = _problems(path)
    assert problem.startswith("评分表!C3：") and "编码 A11 重复" in problem


def test_a_repeated_third_level_row_is_reported_at_its_cell(tmp_path):
    import openpyxl

    from score_sheet import ScoreSheetError, read_score_sheet

    path = tmp_path / "dup.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "评分表"
    sheet.append(["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因", "评分依据"])
    sheet.append(["A决策", "A1项目立项", "A11立项依据充分性", 5, 5, None, None])
    sheet.append(["A决策", "A1项目立项", "A11立项依据充分性", 5, 4, None, None])
    book.save(path)
    with pytest.raises(ScoreSheetError) as info:
        read_score_sheet(path)
    assert "评分表!C3" in str(info.value) and "重复" in str(info.value)


def test_build_tree_scored_nodes_at_any_level_and_declared_subtotals():
    from score_sheet import SheetRow, build_tree

    d = Decimal
    rows = [
        SheetRow(1, ["A决策", "A1项目立项", ""], d(8), d(8)),  # a 二级 scored directly
        SheetRow(2, ["A决策", "A2绩效目标", ""], d(8), d(6)),  # its subtotal, before its 三级 rows
        SheetRow(3, ["A决策", "A2绩效目标", "A21目标合理性"], d(4), d(2)),
        SheetRow(4, ["A决策", "A2绩效目标", "A22指标明确性"], d(4), d(4)),
        SheetRow(5, ["B过程", "B1组织实施", "B11制度健全性"], d(2), d(2)),
        SheetRow(6, ["B过程", "B1组织实施", ""], d(2), d(2)),  # subtotal after its 三级 row
        SheetRow(7, ["C产出", "", ""], d(10), d(9)),  # a 一级 scored directly
    ]
    tree = build_tree(rows)
    assert [n["code"] for n in tree] == ["A", "B", "C"]
    a1, a2 = tree[0]["children"]
    assert "children" not in a1 and (a1["weight"], a1["score"]) == (8, 8)
    assert (a2["weight"], a2["score"]) == (8, 6) and [c["code"] for c in a2["children"]] == ["A21", "A22"]
    b1 = tree[1]["children"][0]
    assert (b1["weight"], b1["score"]) == (2, 2) and [c["code"] for c in b1["children"]] == ["B11"]
    assert tree[2] == {"code": "C", "name": "产出", "weight": 10, "score": 9}


def test_a_summed_total_with_binary_float_noise_is_read_as_excel_shows_it(tmp_path: Path):
    """Excel saves =SUM() of 5+4.5+3+2+1 style cells as e.g. 15.500000000000002: it shows (and means) 15.5."""
    path = _filled_template(tmp_path / "sum.xlsx", total=("合计", None, None, 20, 15.500000000000002))
    tree = read_score_sheet(path)
    assert sum(len(m["children"]) for t in tree for m in t["children"]) == 5
    typed = _filled_template(tmp_path / "typed.xlsx", rows=[(*ROWS[0][:4], 4.123456789012345), *ROWS[1:]],
                             total=None)  # fmt: skip
    assert read_score_sheet(typed)[0]["children"][0]["children"][0]["score"] == Decimal("4.12345678901235")


def test_a_score_cell_formatted_with_forty_decimal_places_is_read(tmp_path: Path):
    path = tmp_path / "scores.xlsx"
    write_score_sheet(load_project(FIXTURES[0]), path)
    workbook = load_workbook(path)
    sheet = workbook["评分表"]
    sheet["E2"].number_format = "0." + "0" * 40  # shown with 40 places: more than a Decimal quantizes to
    workbook.save(path)
    tree = read_score_sheet(path)
    first = tree[0]["children"][0]["children"][0]
    assert Decimal(str(first["score"])) == load_project(FIXTURES[0]).indicators[0].children[0].children[0].score


def test_a_workbook_of_several_score_sheets_none_named_评分表_must_say_which(tmp_path: Path):
    """Last year's sheet first and this year's renamed: reading the first sheet drafted from the wrong scores."""
    path = tmp_path / "s.xlsx"
    wb = Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "本工作簿含两年的评分"
    for title, score in (("2022年评分", 1), ("2023年评分", 1.44)):
        ws = wb.create_sheet(title)
        ws.append(["一级指标", "二级指标", "三级指标", "分值", "得分"])
        ws.append(["决策", "项目立项", "立项依据充分性", 1.5, score])
    wb.save(path)
    [problem] = _problems(path)
    assert "“2022年评分”、“2023年评分”" in problem and "改名为“评分表”" in problem
    del wb["2022年评分"]
    wb.save(path)  # one score sheet, whatever its name: it is read
    assert read_score_sheet(path)[0]["children"][0]["children"][0]["score"] == Decimal("1.44")


def test_the_deduction_reasons_of_a_score_sheet_are_written_in_the_offline_draft(tmp_path: Path):
    """The 扣分原因 column was read but printed nowhere: it follows the evidence, once, where points were deducted."""
    from drafter.render import render_report, report_paragraph_texts

    scores = _filled_template(tmp_path / "s.xlsx")
    wb = load_workbook(scores)
    wb["评分表"].cell(row=3, column=6, value="集体决策记录不完整")  # A12, 3 → 2.5, no evidence
    wb["评分表"].cell(row=2, column=6, value="不应出现")  # A11 lost no point: no reason to print
    wb.save(scores)
    evaluation = load_with_scores(SMART, scores)
    for style in ("shangcheng", "mof"):  # (fengtai writes the analysis of 产出 and 效益 only)
        evaluation.style = style
        text = "".join(report_paragraph_texts(render_report(evaluation)))
        assert text.count("集体决策记录不完整。") == 1 and text.count("区公安局未提供项目绩效目标申报表。") == 1, style
        assert "未提供绩效目标申报表" not in text.replace("区公安局未提供项目绩效目标申报表", ""), style  # said already
        assert "不应出现" not in text, style


def test_a_refused_draft_points_at_the_score_sheet_cell_a_wrong_figure_came_from(tmp_path: Path):
    from typer.testing import CliRunner

    from cli import app

    scores = _filled_template(tmp_path / "s.xlsx")
    wb = load_workbook(scores)
    wb["评分表"].cell(row=4, column=7, value="区公安局未提供项目绩效目标申报表，该项目综合评价得分为99分。")  # A21's 评分依据
    wb.save(scores)
    result = CliRunner().invoke(app, ["draft", str(SMART), "--scores", str(scores), "-o", str(tmp_path / "r.md"), "-q"])
    assert result.exit_code == 1, result.output
    assert "s.xlsx 评分表!G4（评分依据）" in result.output and "indicators[" not in result.output


def test_an_exported_sheet_rescored_keeps_its_合计_adding_up(tmp_path: Path):
    """The exported 合计 is a SUM formula: a score changed in the sheet is added up again, not refused."""
    fixture = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
    path = tmp_path / "export.xlsx"
    write_score_sheet(load_project(fixture), path)
    workbook = load_workbook(path)
    ws = workbook["评分表"]
    total_row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "合计")
    assert str(ws.cell(row=total_row, column=5).value).startswith("=SUM(E2:E")
    b14 = next(r for r in range(2, total_row) if str(ws.cell(row=r, column=3).value).startswith("B14"))
    ws.cell(row=b14, column=5).value = 3  # was 2
    workbook.save(path)
    assert load_with_scores(fixture, path).total == load_project(fixture).total + 1
    ws.cell(row=total_row, column=5).value = 80  # a 合计 typed over the formula is held to the rows again
    workbook.save(path)
    with pytest.raises(ScoreSheetError, match="合计行得分 80"):
        read_score_sheet(path)


def test_a_score_or_weight_merged_over_two_indicators_is_refused_with_its_cells(tmp_path: Path):
    """Merged 分值/得分 would give both 三级指标 the same number (a weight counted twice): refused, cells named."""
    path = _filled_template(tmp_path / "m.xlsx")
    wb = load_workbook(path)
    ws = wb["评分表"]
    ws.merge_cells("D5:D6")
    ws.merge_cells("E5:E6")
    wb.save(path)
    problems = _problems(path)
    assert [p.split("：")[0] for p in problems] == ["评分表!D5:D6", "评分表!E5:E6"]
    assert "只有一级、二级指标可以合并" in problems[0] and "分值" in problems[0]
    assert read_score_sheet(_filled_template(tmp_path / "ok.xlsx"))  # merged 一级/二级 cells are read as before
