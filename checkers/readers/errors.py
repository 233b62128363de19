"""Error raised by every reader."""

from __future__ import annotations


class ReadError(Exception):
    """The input file cannot be read; the message (Chinese) names the file and the fix."""
