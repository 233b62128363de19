"""Drafting: evaluation data + a house style → a report (offline renderer or LLM backend)."""
