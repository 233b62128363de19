"""check --baseline: accepted findings are hidden; only new ones are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checkers.baseline import load_baseline, write_baseline
from checkers.document import Location
from checkers.finding import Finding, Severity
from cli import app
from tests.conftest import SEEDS

runner = CliRunner()
SEED_TXT = SEEDS / "002_4ad189d6376584c5.txt"
NEW_SLIP = (
    "符合项目预算批复的用途。根据相关评分标准，该指标得5分。",
    "符合项目预算批复的用途。根据相关评分标准，该指标得4分。",
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "报告.txt"
    path.write_text(SEED_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _findings(result) -> list[dict]:
    return json.loads(result.stdout)["files"][0]["findings"]


def test_accepted_findings_are_hidden_and_new_ones_shown(report: Path, tmp_path: Path):
    baseline = tmp_path / "b.json"
    first = runner.invoke(app, ["check", str(report), "--baseline", str(baseline), "--update-baseline"])
    assert baseline.exists(), first.output
    assert "SC102" in first.output  # the update run still lists what it records

    again = runner.invoke(app, ["check", str(report), "--baseline", str(baseline)])
    assert again.exit_code == 0, again.output
    assert "未发现新问题（另有" in again.output  # (what the baseline accepts is said, not a clean pass)

    text = report.read_text(encoding="utf-8")
    assert text.count(NEW_SLIP[0]) == 1
    report.write_text(text.replace(*NEW_SLIP), encoding="utf-8")
    edited = runner.invoke(app, ["check", str(report), "--baseline", str(baseline), "--format", "json"])
    assert edited.exit_code == 1
    [new] = _findings(edited)
    assert new["rule"] == "SC102" and new["excerpt"] == "根据相关评分标准，该指标得4分。"

    without = runner.invoke(app, ["check", str(report), "--format", "json"])
    assert len(_findings(without)) == len(json.loads(baseline.read_text(encoding="utf-8"))["files"]["报告.txt"]) + 1


def test_baseline_file_is_readable_and_sorted(report: Path, tmp_path: Path):
    baseline = tmp_path / "b.json"
    runner.invoke(app, ["check", str(report), "--baseline", str(baseline), "--update-baseline"])
    raw = baseline.read_text(encoding="utf-8")
    assert "该指标得3分" in raw and "\\u" not in raw  # Chinese kept readable
    data = json.loads(raw)
    entries = data["files"]["报告.txt"]
    assert data["version"] == 1 and entries
    assert all({"fingerprint", "rule", "severity", "message", "excerpt", "location"} <= set(e) for e in entries)
    keys = [(e["rule"], e["message"], e["excerpt"], e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    assert load_baseline(baseline) == {"报告.txt": {e["fingerprint"] for e in entries}}
    # Rewriting the same findings gives the same bytes.
    runner.invoke(app, ["check", str(report), "--baseline", str(baseline), "--update-baseline"])
    assert baseline.read_text(encoding="utf-8") == raw


def _finding(message: str) -> Finding:
    return Finding("SC102", Severity.ERROR, message, Location(paragraph=1), "原文")


def test_update_keeps_other_files_and_replaces_checked_ones(tmp_path: Path):
    baseline = tmp_path / "b.json"
    a, b, c = _finding("甲"), _finding("乙"), _finding("丙")
    write_baseline(baseline, {"a.docx": [a, a], "b.docx": [b]})
    assert [e["message"] for e in json.loads(baseline.read_text(encoding="utf-8"))["files"]["a.docx"]] == ["甲"]
    write_baseline(baseline, {"a.docx": [c]})
    assert load_baseline(baseline) == {"a.docx": {c.fingerprint}, "b.docx": {b.fingerprint}}
    assert list(tmp_path.iterdir()) == [baseline]  # atomic write leaves no temporary file


def test_missing_baseline_is_empty(tmp_path: Path):
    assert load_baseline(tmp_path / "none.json") == {}


def _two_copies(tmp_path: Path, first: str, second: str):
    """Two copies of seed 002, the first recorded in a baseline; the check of the second."""
    seed = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "002_4ad189d6376584c5.txt"
    paths = tmp_path / first, tmp_path / second
    for path in paths:
        path.write_bytes(seed.read_bytes())
    baseline = tmp_path / "base.json"
    runner.invoke(app, ["check", str(paths[0]), "--baseline", str(baseline), "--update-baseline"])
    assert runner.invoke(app, ["check", str(paths[0]), "--baseline", str(baseline)]).exit_code == 0
    return runner.invoke(app, ["check", str(paths[1]), "--baseline", str(baseline)])


def test_a_baseline_accepts_findings_only_for_the_report_it_recorded(tmp_path: Path):
    other = _two_copies(tmp_path, "A.txt", "B.txt")
    assert other.exit_code == 1 and "SC102" in other.output


def test_a_version_saved_under_a_new_name_keeps_the_accepted_findings(tmp_path: Path):
    again = _two_copies(tmp_path, "报告.txt", "报告_v2.txt")
    assert again.exit_code == 0, again.output
    assert "基线中没有“报告_v2.txt”的记录；按发现最相近的“报告.txt”" in again.output


@pytest.mark.parametrize(
    "content, problem",
    [
        ('{"version": 1, "files": {', "第1行"),
        ("[]", "顶层"),
        ('{"version": 2, "files": {}}', "版本"),
        ('{"files": {"a.docx": [{"rule": "SC102"}]}}', "fingerprint"),
        ('{"files": {"a.docx": {}}}', "列表"),
    ],
)
def test_malformed_baseline_is_a_clear_error(tmp_path: Path, content: str, problem: str):
    baseline = tmp_path / "b.json"
    baseline.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        load_baseline(baseline)
    message = str(exc.value)
    assert problem in message and str(baseline) in message and "--update-baseline" in message
    with pytest.raises(ValueError):
        write_baseline(baseline, {"a.docx": []})
    assert baseline.read_text(encoding="utf-8") == content

