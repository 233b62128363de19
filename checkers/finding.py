"""The one finding type every rule emits and every output format (text, JSON, Word comments) reads."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from checkers.document import Location


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass
class Finding:
    """A problem found in a report: which rule, how bad, what, where, the excerpt, expected vs found."""

    rule: str
    severity: Severity
    message: str
    location: Location
    excerpt: str = ""
    expected: str | None = None
    found: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location = {k: v for k, v in asdict(self.location).items() if v not in (None, "")}
        location["description"] = self.location.describe()
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "excerpt": self.excerpt,
            "location": location,
            "expected": self.expected,
            "found": self.found,
        }

    @property
    def fingerprint(self) -> str:
        """Stable identity for baselines: rule + message + excerpt (not the position, which edits shift)."""
        import hashlib

        text = f"{self.rule}\x00{self.message}\x00{self.excerpt}"
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
