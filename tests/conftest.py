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
