"""Meta-test: every rule has an id, a Chinese docstring, a failing and a passing example that behave."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checkers.engine import check_document
from checkers.readers import read_document
from checkers.rules import all_rules, rule_modules
from project_file import load_project

RULES = all_rules()


def _run(tmp_path: Path, rule, text: str):
    report = tmp_path / "r.md"
    report.write_text(text, encoding="utf-8")
    data = None
    if rule.data:
        project = tmp_path / "p.yaml"
        project.write_text(rule.data, encoding="utf-8")
        data = load_project(project)
    return check_document(read_document(report), data=data)


def test_every_module_defines_a_rule():
    assert len(RULES) == len(rule_modules())


def test_rule_ids_are_unique_and_stable_shape():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Z]{2}\d{3,4}", i) for i in ids)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert rule.doc and re.search(r"[\u4e00-\u9fff]", rule.title), f"{rule.id} 缺少中文说明"
    assert rule.failing.strip() and rule.passing.strip() and rule.failing != rule.passing
    assert rule.name and re.fullmatch(r"[a-z0-9-]+", rule.name)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_failing_example_triggers_the_rule(rule, tmp_path):
    findings = [f for f in _run(tmp_path, rule, rule.failing) if f.rule == rule.id]
    assert findings, f"{rule.id} 的反例没有产生发现"
    assert all(re.search(r"[\u4e00-\u9fff]", f.message) for f in findings)
    assert all(f.excerpt for f in findings)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_passing_example_is_clean(rule, tmp_path):
    findings = [f for f in _run(tmp_path, rule, rule.passing) if f.rule == rule.id]
    assert not findings, [f.message for f in findings]


def test_rules_doc_is_generated_from_code():
    from checkers.rules_doc import render_rules_doc

    path = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == render_rules_doc(), "docs/rules.md 已过期：运行 evalreport rules -o docs/rules.md"


def test_a_severity_other_than_the_rules_must_be_declared_for_the_docs():
    from checkers.document import Location
    from checkers.finding import Severity

    ct701 = next(r for r in RULES if r.id == "CT701")
    assert ct701.finding("列举项数不符", Location(), "摘录", severity=Severity.WARNING).severity is Severity.WARNING
    with pytest.raises(ValueError, match="not declared"):
        ct701.finding("未声明的级别", Location(), "摘录", severity=Severity.INFO)
    assert "时为警告" in ct701.severity_text
