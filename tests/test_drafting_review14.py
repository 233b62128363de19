"""Drafting defects found by review 14 (evaluator/editor journey): missing optional data, cover, table widths,
4th-level headings, regen's listing, mof wording, CLI summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from cli import app
from drafter.render import render_report
from drafter.report import Paragraph, Section, Table
from evaluation_model import PLACEHOLDER
from project_file import load_project
from tests.conftest import ROOT

STYLES = ["shangcheng", "fengtai", "mof"]
SMART = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
runner = CliRunner()


def minimal_project(tmp_path: Path, style: str, management: bool = False) -> Path:
    """Seed 000's fixture without any optional narrative: no basis, organization, implementation, findings,
    feedback_no (and no funding.management unless asked)."""
    yaml = YAML()
    data = yaml.load(SMART.read_text(encoding="utf-8"))
    data["style"] = style
    for key in ("basis", "organization", "implementation", "findings"):
        data.pop(key, None)
    data["project"].pop("feedback_no", None)
    if not management:
        data["funding"].pop("management", None)
    path = tmp_path / f"minimal-{style}.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def _headed_without_content(sections: list[Section]) -> list[str]:
    out = []
    for section in sections:
        printed = [b for b in section.blocks if isinstance(b, Paragraph | Table)]
        if section.heading and not printed and not section.children:
            out.append(section.heading)
        out += _headed_without_content(section.children)
    return out


def _texts(report) -> list[str]:
    return [b.text for s in report.walk() for b in s.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize("style", STYLES)
def test_missing_optional_data_leaves_no_heading_alone_and_no_contradiction(tmp_path: Path, style: str):
    """No heading with nothing under it (“3.组织实施情况”); no intro announcing problems or suggestions that do not
    follow; no assurance the data does not give (“专款专用”)."""
    report = render_report(load_project(minimal_project(tmp_path, style)))
    assert _headed_without_content(report.sections) == []
    texts = _texts(report)
    assert not any("专款专用" in t for t in texts)
    assert not any("仍存在一些问题" in t or "提出进一步完善和改进的建议" in t for t in texts)
    assert any("未发现需要单独说明的问题" in t for t in texts)
    with_data = render_report(load_project(SMART).model_copy(update={"style": style}))
    assert _headed_without_content(with_data.sections) == []


def test_an_omitted_part_is_named_in_a_hint(tmp_path: Path):
    project = minimal_project(tmp_path, "shangcheng", management=True)
    result = runner.invoke(app, ["draft", str(project), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    hint = next(line for line in result.output.splitlines() if "略去" in line)
    assert "“组织实施情况”" in hint and "organization" in hint and "basis" in hint


def test_no_funding_management_is_a_placeholder_the_user_must_fill(tmp_path: Path):
    """The 上城 style's “（3）项目资金管理情况” without data: “（待补充）”, not an invented “专款专用”; the draft is
    refused naming the field, and --force writes it with the placeholder visible."""
    project = minimal_project(tmp_path, "shangcheng")
    out = tmp_path / "r.md"
    refused = runner.invoke(app, ["draft", str(project), "-o", str(out)])
    assert refused.exit_code == 2 and not out.exists()
    assert "funding.management" in refused.output and "项目资金情况”" in refused.output
    assert "extract" not in refused.output  # (not left by extract: the data simply has none)
    forced = runner.invoke(app, ["draft", str(project), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    text = out.read_text(encoding="utf-8")
    assert f"（3）项目资金管理情况\n\n{PLACEHOLDER}" in text and "专款专用" not in text


def test_the_feedback_form_has_no_empty_number_line_or_rows(tmp_path: Path):
    report = render_report(load_project(minimal_project(tmp_path, "shangcheng", management=True)))
    feedback = report.sections[0]
    assert not any(isinstance(b, Paragraph) and b.text.strip() in ("编号：", "编号:") for b in feedback.blocks)
    form = next(b for b in feedback.blocks if isinstance(b, Table))
    rows = {row[0]: row[1] for row in form.rows}
    assert rows["主要问题"] == "评价中未发现需要单独说明的问题。"
    assert rows["主要绩效情况"].startswith("项目决策得分") and "过程管理得分" in rows["主要绩效情况"]
    assert rows["建议"] == "无。"  # no blank line, no “详见报告” pointing at suggestions that are not there
    full = render_report(load_project(SMART))
    assert any(isinstance(b, Paragraph) and b.text.startswith("编号：2021-1") for b in full.sections[0].blocks)
