"""LLM configuration: precedence of the config file over the environment, Chinese errors."""

from __future__ import annotations

import pytest

from drafter.llm import LLMError
from drafter.llm.config import load_config


def test_an_explicit_base_url_in_the_config_file_wins_over_the_environment(tmp_path, monkeypatch):
    config = tmp_path / "llm.yaml"
    config.write_text("base_url: http://127.0.0.1:8000/v1\n", encoding="utf-8")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    assert load_config(config).base_url == "http://127.0.0.1:8000/v1"
    assert load_config(None).base_url == "http://127.0.0.1:9/v1"


def test_config_errors_are_chinese(tmp_path):
    config = tmp_path / "llm.yaml"
    config.write_text("temprature: 0.3\nconcurrency: 0\n", encoding="utf-8")
    with pytest.raises(LLMError) as info:
        load_config(config)
    message = str(info.value)
    assert "temprature：未知配置项" in message and "concurrency：数值过小" in message
