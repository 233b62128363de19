"""LLM drafting: backends registry, config, prompts, per-section flow with check-and-repair, run log, pricing."""

from drafter.phrases import StyleError


class LLMError(StyleError):
    """An LLM drafting problem the user must fix (config, prompt template, key, server); message in Chinese.

    A StyleError subclass so the draft command reports it like any other setup error (exit code 2).
    """
