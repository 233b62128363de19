"""Shared test helpers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIXTURES = sorted((ROOT / "fixtures").glob("*.yaml"))
SEEDS = ROOT / "fixtures" / "seeds"


@pytest.fixture
def write(tmp_path):
    """Write a text file into tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(autouse=True)
def no_model_settings_from_the_environment(monkeypatch):
    """Tests never reach a real model: settings a developer's or CI's shell may carry are removed (tests set their own)."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "EVALREPORT_MODEL"):
        monkeypatch.delenv(name, raising=False)


def shallow_evaluation(style: str):
    """Seed 000's fixture with a 二级 (A1) and a 一级 (D) scored directly, without children of their own."""
    from project_file import load_project, validate

    evaluation = load_project(ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml")
    data = evaluation.model_dump(mode="python", exclude_none=True)
    for node, source in ((data["indicators"][0]["children"][0], evaluation.indicators[0].children[0]),
                         (data["indicators"][3], evaluation.indicators[3])):  # fmt: skip
        node.update(weight=source.total_weight, score=source.total_score, children=[])
    data["style"] = style
    return validate(data, {}, "shallow.yaml")
