"""The JSONL run log of one draft: one line per model call, per section, warning and the summary; never the key."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

from drafter.llm.config import api_key


def redact(text: str) -> str:
    """Remove the API key (and its tail, as servers echo masked keys) from any text."""
    key = api_key()
    if not key:
        return text
    text = text.replace(key, "***")
    if len(key) >= 12:
        text = text.replace(key[-6:], "***")
    return text


class RunLog:
    """Append-only JSONL, flushed per line (an interrupted run keeps what it logged); thread-safe. A rerun adds its
    records after the earlier runs' (each run opens with its ``start`` record), so a paid run's costs are kept."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.records: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._file = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file = path.open("a", encoding="utf-8")

    def write(self, event: str, **fields: Any) -> dict[str, Any]:
        record = {"event": event, "time": time.strftime("%Y-%m-%dT%H:%M:%S"), **fields}
        line = redact(json.dumps(record, ensure_ascii=False, default=str))
        with self._lock:
            self.records.append(json.loads(line))
            if self._file is not None:
                self._file.write(line + "\n")
                self._file.flush()
        return record

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
