"""LLM drafting: backends registry, config, prompts, per-section flow with check-and-repair, run log, pricing."""


class LLMError(Exception):
    """An LLM drafting problem the user must fix (config, prompt template, key, server); message in Chinese."""
