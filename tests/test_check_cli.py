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
