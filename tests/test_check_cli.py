"""The check command on seeds, clean drafts and bad input: findings, JSON shape, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checkers.engine import check_document
from checkers.report_document import document_from_report
from cli import app
from drafter.render import render_report
from project_file import load_project
from tests.conftest import FIXTURES, SEEDS

runner = CliRunner()


def test_seed_002_b14_closing_sentence_is_an_error():
    result = runner.invoke(app, ["check", str(SEEDS / "002_4ad189d6376584c5.txt")])
    assert result.exit_code == 1
    assert "SC102" in result.output and "B14运转程序规范性" in result.output and "该指标得3分" in result.output


def test_json_output_shape():
    result = runner.invoke(app, ["check", str(SEEDS / "002_4ad189d6376584c5.txt"), "--format", "json"])
    payload = json.loads(result.stdout)
    findings = payload["files"][0]["findings"]
    b14 = next(f for f in findings if f["rule"] == "SC102")
    assert set(b14) == {"rule", "severity", "message", "excerpt", "location", "expected", "found"}
    assert b14["severity"] == "error" and b14["expected"] == "2分" and b14["found"] == "3分"
    assert b14["excerpt"] == "根据相关评分标准，该指标得3分。"
    assert b14["location"]["line"] and b14["location"]["description"]
    assert payload["summary"]["errors"] >= 1


def test_seed_001_without_score_tables_has_no_error():
    result = runner.invoke(app, ["check", str(SEEDS / "001_0236d07c5160386a.txt"), "--format", "json"])
    assert result.exit_code == 0
    assert all(f["severity"] != "error" for f in json.loads(result.stdout)["files"][0]["findings"])


def test_many_files_and_unreadable_input(tmp_path: Path):
    garbage = tmp_path / "bad.docx"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    result = runner.invoke(app, ["check", str(SEEDS / "001_0236d07c5160386a.txt"), str(garbage)])
    assert result.exit_code == 2
    assert "无法读取" in result.output and "001_0236d07c5160386a.txt" in result.output


@pytest.mark.parametrize("style", ["shangcheng", "fengtai", "mof"])
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_clean_draft_has_no_findings(fixture: Path, style: str):
    evaluation = load_project(fixture)
    evaluation.style = style
    findings = check_document(document_from_report(render_report(evaluation)), data=evaluation)
    assert [f"{f.rule} {f.message}" for f in findings] == []


def test_clean_docx_draft_checks_clean_through_the_cli(tmp_path: Path):
    fixture = FIXTURES[0]
    out = tmp_path / "r.docx"
    assert runner.invoke(app, ["draft", str(fixture), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["check", str(out), "--data", str(fixture), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"][0]["findings"] == []


def test_data_mismatch_is_found(tmp_path: Path):
    fixture = FIXTURES[0]
    evaluation = load_project(fixture)
    report = render_report(evaluation)
    evaluation.leaves()[0].score -= 1  # the data now disagrees with the drafted report
    rules = {f.rule for f in check_document(document_from_report(report), data=evaluation)}
    assert {"SC104", "TT203"} <= rules


def _findings_of(tmp_path: Path, text: str) -> set[str]:
    from checkers.readers import read_document

    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    return {f.rule for f in check_document(read_document(path))}


def test_other_scores_are_not_taken_for_the_total(tmp_path: Path):
    text = "经评价组评价，本项目综合评价得分86.8分，绩效评级为“良”。\n\n居民满意度问卷综合得分为92分。\n"
    assert "TT203" not in _findings_of(tmp_path, text)
    assert "TT203" in _findings_of(tmp_path, text + "\n最终评定总得分为88分。\n")


def test_different_years_are_different_quantities(tmp_path: Path):
    text = "2023年预算金额100.5万元。\n\n2024年预算金额100.2万元。\n"
    assert "UN501" not in _findings_of(tmp_path, text)
    assert "UN501" in _findings_of(tmp_path, "项目送审金额2,945.51万元。\n\n决算评审送审金额2,945.52万元。\n")


def test_non_additive_columns_have_no_total_check(tmp_path: Path):
    text = "| 序号 | 名称 | 单价 | 金额 |\n|---|---|---|---|\n| 1 | 甲 | 10 | 100 |\n| 2 | 乙 | 20 | 200 |\n| 合计 | | 25 | 300 |\n"
    assert "TT201" not in _findings_of(tmp_path, text)
    assert "TT201" in _findings_of(tmp_path, text.replace("| 25 | 300 |", "| 25 | 310 |"))


def _findings_with_data(tmp_path: Path, text: str) -> set[str]:
    from checkers.readers import read_document
    from checkers.rules.base import MINI_DATA

    path, project = tmp_path / "r.md", tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    project.write_text(MINI_DATA, encoding="utf-8")
    return {f.rule for f in check_document(read_document(path), data=load_project(project)) if f.severity == "error"}


def test_indicator_closings_written_as_final_scores_are_not_totals(tmp_path: Path):
    text = ("经评价，本项目综合评价得分86.8分，绩效评级为“良”。\n\n"
            "B13管理制度健全性，权重4分，得分4分。根据相关评分标准，该指标最终得分4分。\n\n"
            "B14运转程序规范性，权重4分，得分4分。根据相关评分标准，该指标最终得分4分。\n")  # fmt: skip
    assert not {"TT203", "GR401", "SC102"} & _findings_of(tmp_path, text)


def test_breakdown_amounts_and_scoring_thresholds_are_not_the_project_figures(tmp_path: Path):
    breakdown = "项目预算100万元，其中区级预算60万元、市级补助40万元，实际到位100万元，资金到位率100%；实际支出90万元，预算执行率90%。\n"
    assert not {"RT301", "DT1003"} & _findings_with_data(tmp_path, breakdown)
    threshold = ("项目预算100万元，实际到位100万元，实际支出90万元，预算执行率90%。"
                 "根据评分标准，预算执行率达到100%的得满分，每低1个百分点扣0.1分。\n")  # fmt: skip
    assert not {"RT301", "DT1003"} & _findings_with_data(tmp_path, threshold)


def test_an_unread_opening_ends_the_previous_indicator(tmp_path: Path):
    text = ("B13管理制度健全性，权重4分，得分4分。根据相关评分标准，该指标得4分。\n\n"
            "B14运转程序规范性，该指标分值4分，实际得分为2分，因合同签订滞后。根据相关评分标准，扣2分，该指标得2分。\n")  # fmt: skip
    assert not {"SC102", "SC103"} & _findings_of(tmp_path, text)


def test_score_tables_with_a_title_row_units_and_description_columns(tmp_path: Path):
    table = ("| 附表1 绩效评价指标评分表 | | | | |\n|---|---|---|---|---|\n"
             "| 二级指标 | 三级指标 | 评分标准 | 分值（分） | 得分（分） |\n"
             "| B1组织实施 | B14运转程序规范性 | 按规定程序运转得满分 | 4 | 2 |\n\n"
             "B14运转程序规范性，权重4分，得分3分。\n")  # fmt: skip
    assert "SC101" in _findings_of(tmp_path, table)


def test_subtotal_rows_and_a_total_in_the_second_column(tmp_path: Path):
    table = ("| 一级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|\n| 决策 | 立项依据充分性 | 10 | 8 |\n"
             "| 小计 | | 10 | 8 |\n| 过程 | 资金到位率 | 90 | 78 |\n| 小计 | | 90 | 78 |\n| 合计 | | 100 | 96 |\n\n"
             "本项目综合评价得分86分。\n")  # fmt: skip
    findings = _findings_of(tmp_path, table)
    assert "TT201" in findings
    assert "TT201" not in _findings_of(tmp_path, table.replace("| 100 | 96 |", "| 100 | 86 |"))
    money = "| 序号 | 支出内容 | 预算金额 | 实际支出 |\n|---|---|---|---|\n| 1 | 甲 | 60 | 55 |\n| 2 | 乙 | 40 | 35 |\n| | 合计 | 100 | 95 |\n"
    assert "TT201" in _findings_of(tmp_path, money)


def test_plans_prices_full_width_digits_and_other_heading_styles(tmp_path: Path):
    plan = "项目计划安装高清摄像头1000个，经现场核查，实际安装高清摄像头1003个。\n\n项目预算资金100万元，按每户每月100元标准发放补贴。\n"
    assert "UN501" not in _findings_of(tmp_path, plan)
    full_width = "项目预算计划安排资金５２７．１万元，实际到位资金５２７．１万元，实际支出金额为５００万元，预算执行率９８．０４％。\n"
    assert "RT301" in _findings_of(tmp_path, full_width)
    headings = "第一部分 项目基本情况\n\n（一）项目概况\n\n（二）绩效目标\n\n第二部分 评价情况\n\n（一）评价方法\n"
    assert "HD801" not in _findings_of(tmp_path, headings)
    assert "GR401" not in _findings_of(tmp_path, "本项目综合评价得分86.8分。\n\n上述问题已在评价结论中予以说明。\n")


def test_blank_files_and_non_reports_are_unusable_input(tmp_path: Path):
    import docx

    blank = tmp_path / "blank.docx"
    docx.Document().save(str(blank))
    result = runner.invoke(app, ["check", str(blank)])
    assert result.exit_code == 2 and "没有文字或表格" in result.output
    notes = tmp_path / "notes.txt"
    notes.write_text("host 127.0.0.1\nport 8080\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(notes), "--format", "json"])
    assert result.exit_code == 2 and "看起来不是绩效评价报告" in result.output and "--force" in result.output
    excerpt = tmp_path / "excerpt.md"  # a passage of a report (a rule's example in docs/rules.md): checked with --force
    excerpt.write_text("完成大厅（195平方米）、会商室（68平方米）、值班室（52平方米）的建设，合计325平方米。\n", encoding="utf-8")
    assert runner.invoke(app, ["check", str(excerpt)]).exit_code == 2
    result = runner.invoke(app, ["check", str(excerpt), "--force"])
    assert result.exit_code == 1 and "CT702" in result.output


def test_an_annotated_copy_must_be_docx_before_anything_is_checked(tmp_path: Path):
    result = runner.invoke(app, ["check", str(SEEDS / "002_4ad189d6376584c5.txt"), "--annotate", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "只能写成 Word（.docx）" in result.output and "SC102" not in result.output


def test_check_with_data_on_a_compilation_names_the_report_it_compared(tmp_path: Path):
    from checkers.rules.base import MINI_DATA

    project = tmp_path / "p.yaml"
    project.write_text(MINI_DATA, encoding="utf-8")
    report = "**{}绩效评价报告**\n\n## 一、项目基本情况\n\n项目预算{}万元，实际到位{}万元，资金到位率100%。\n\n"
    both = tmp_path / "合集.md"
    both.write_text(report.format("另一项目", 300, 300) + report.format("示例项目", 100, 100), encoding="utf-8")
    result = runner.invoke(app, ["check", str(both), "--data", str(project)])
    assert "文件含 2 篇报告，项目数据（示例项目）只与第2篇《示例项目绩效评价报告》核对" in result.output
    neither = tmp_path / "无关.md"
    neither.write_text(report.format("另一项目", 300, 300) + report.format("第三项目", 200, 200), encoding="utf-8")
    result = runner.invoke(app, ["check", str(neither), "--data", str(project)])
    assert "没有一篇的标题或开头写有项目名称“示例项目”，项目数据未用于核对" in result.output
    assert "DT1003" not in result.output


def test_same_quantity_is_quoted_as_written(tmp_path: Path):
    from checkers.readers import read_document

    path = tmp_path / "r.md"
    path.write_text("项目送审金额2,945.51万元。\n\n决算评审送审金额2,945.52万元。\n\n实际支出一千二百三十四万元。\n\n实际支出一千二百三十四元。\n",
                    encoding="utf-8")  # fmt: skip
    found = {(f.found, f.expected, f.message) for f in check_document(read_document(path)) if f.rule == "UN501"}
    assert ("2,945.52万元", "2,945.51万元", "“送审金额”前文写2,945.51万元，此处写2,945.52万元，同一数量前后不一致（另一处在第1行）") in found
    assert ("一千二百三十四元", "一千二百三十四万元", "金额一千二百三十四前文写作“万元”，此处写作“元”，同一金额单位不一致（另一处在第5行）") in found


BY_YEAR = """表1 项目资金安排情况（单位：万元）

| 资金来源 | 2022年 | 2023年 | 2024年 | 合计 |
|---|---|---|---|---|
| 市级资金 | 100 | 200 | 300 | 600 |
| 区级资金 | 50 | 60 | 70 | 180 |
| 合计 | 150 | 260 | 370 | 780 |
"""


def _tt201(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    from checkers.readers import read_document

    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    return [(f.message, f.expected, f.found) for f in check_document(read_document(path)) if f.rule == "TT201"]


def test_a_total_column_adds_up_its_row(tmp_path: Path):
    assert _tt201(tmp_path, BY_YEAR) == []
    assert _tt201(tmp_path, BY_YEAR.replace("| 70 | 180 |", "| 70 | 190 |").replace("| 370 | 780 |", "| 370 | 790 |")) == [
        ("表格“合计”列“区级资金”写190，但该行各列相加为180", "180", "190")
    ]
    assert _tt201(tmp_path, BY_YEAR.replace("| 370 | 780 |", "| 370 | 790 |")) == [
        ("表格“合计”列合计写790，但各行相加为780", "780", "790")  # the corner cell, reported once
    ]
    first = BY_YEAR.replace("| 2022年 | 2023年 | 2024年 | 合计 |", "| 合计 | 2022年 | 2023年 | 2024年 |")
    first = first.replace("| 100 | 200 | 300 | 600 |", "| 600 | 100 | 200 | 300 |").replace("| 50 | 60 | 70 | 180 |",
                                                                                       "| 181 | 50 | 60 | 70 |")
    first = first.replace("| 150 | 260 | 370 | 780 |", "| 781 | 150 | 260 | 370 |")
    assert ("表格“合计”列“区级资金”写181，但该行各列相加为180", "180", "181") in _tt201(tmp_path, first)


def test_a_total_column_of_only_some_columns_is_no_slip(tmp_path: Path):
    partial = """| 项目 | 预算数 | 财政拨款 | 自筹资金 | 合计 |
|---|---|---|---|---|
| 设备购置 | 120 | 100 | 20 | 120 |
| 软件开发 | 80 | 60 | 20 | 80 |
| 合计 | 200 | 160 | 40 | 200 |
"""
    assert _tt201(tmp_path, partial) == []
    priced = "| 名称 | 数量 | 单价 | 合计 |\n|---|---|---|---|\n| 甲 | 2 | 10 | 20 |\n| 乙 | 3 | 20 | 60 |\n"
    assert _tt201(tmp_path, priced) == []


def test_data_of_another_project_is_refused_unless_forced(tmp_path: Path):
    seed, other = str(SEEDS / "002_4ad189d6376584c5.txt"), str(FIXTURES[0].parent / "fengtai_2024_groundwater.yaml")
    result = runner.invoke(app, ["check", seed, "--data", other])
    assert result.exit_code == 2 and "SC102" not in result.output
    assert "项目数据看来不是这份报告的" in result.output and "总分84.9分" in result.output and "--force" in result.output
    refused = json.loads(runner.invoke(app, ["check", seed, "--data", other, "--format", "json"]).stdout)["files"][0]
    assert refused["findings"] == [] and "项目数据看来不是这份报告的" in refused["error"]
    forced = runner.invoke(app, ["check", seed, "--data", other, "--force", "--format", "json"])
    assert forced.exit_code == 1
    notes = json.loads(forced.stdout)["files"][0]["notes"]
    assert notes[0].startswith("警告：报告的标题和开头没有写项目数据中的项目名称")
    own = runner.invoke(app, ["check", seed, "--data", str(FIXTURES[0].parent / "shangcheng_2020_command_center.yaml")])
    assert "没有写项目数据中的项目名称" not in own.output and own.exit_code == 1


def test_a_report_not_naming_the_project_but_stating_its_figures_is_checked_with_a_warning(tmp_path: Path):
    data = FIXTURES[0].parent / "shangcheng_2020_smart_security.yaml"
    report = tmp_path / "r.md"
    report.write_text("# 某项目绩效评价报告\n\n经评价，项目得分86.8分，等级为良。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(report), "--data", str(data)])
    assert result.exit_code != 2 and "请确认 --data 指定的是这份报告的项目文件" in result.output


def test_select_takes_rule_names_and_asks_for_data_for_the_data_rules(tmp_path: Path):
    report = tmp_path / "r.md"
    report.write_text("# 某项目绩效评价报告\n\nB14运转程序规范性，权重4分，得分2分。根据相关评分标准，该指标得3分。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(report), "--select", "closing-score"])
    assert result.exit_code == 1 and "SC102" in result.output
    result = runner.invoke(app, ["check", str(report), "--select", "SC102,DT1002"])
    assert result.exit_code == 2 and "DT1002" in result.output and "--data" in result.output


def test_the_notes_on_what_was_not_checked_go_with_the_findings_to_stdout(tmp_path: Path):
    """“说明：……评分表合计等核查未进行” qualifies “未发现问题”: it is written where the findings are (a redirected file)."""
    report = tmp_path / "r.md"
    report.write_text("# 某项目绩效评价报告\n\nB14运转程序规范性，权重4分，得分2分。根据相关评分标准，该指标得2分。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(report)])
    assert result.exit_code == 0 and "未发现问题" in result.stdout and "说明：文中没有识别出评分表" in result.stdout


def test_version_short_help_and_a_folder_given_for_a_report(tmp_path: Path):
    assert runner.invoke(app, ["--version"]).stdout.startswith("evalreport ")
    assert "check" in runner.invoke(app, ["-h"]).stdout
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "是文件夹" in result.output and "*.docx" in result.output
