"""Estimated cost from the price table in the config (per million tokens)."""

from __future__ import annotations

from drafter.llm.config import LLMConfig


def estimate_cost(config: LLMConfig, model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Cost of the given tokens, or None when the price table has no entry for the model."""
    price = config.price_for(model)
    if price is None:
        return None
    return (prompt_tokens * price.input + completion_tokens * price.output) / 1_000_000


def format_cost(config: LLMConfig, model: str, cost: float | None) -> str:
    """'约 0.0123 元' or a note that the price is unknown."""
    if cost is None:
        return f"费用未知（配置的价格表 prices 中没有模型 {model}）"
    price = config.price_for(model)
    currency = price.currency if price else ""
    return f"约 {cost:.4f} {currency}"
