"""Baseline of accepted findings: a reviewed JSON file; later checks hide the findings it lists.

Layout (UTF-8, indented, keys and entries sorted so diffs stay small)::

    {
      "version": 1,
      "description": "……",
      "files": {
        "report.docx": [
          {"fingerprint": "0123456789abcdef", "rule": "SC102", "severity": "error",
           "message": "……", "excerpt": "……", "location": "第四部分……，第100段"}
        ]
      }
    }

Only ``fingerprint`` (rule + message + excerpt, see :attr:`Finding.fingerprint`)
is used for matching; the other fields let a reviewer read what was accepted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from checkers.finding import Finding
from drafter.atomic import atomic_write_text

VERSION = 1
DESCRIPTION = "evalreport 核查基线：以下发现已由审核人员接受，之后的核查不再报告。删除某一条即可让它重新出现。"
_FINGERPRINT_RE = re.compile(r"^[0-9a-f]{16}$")


def _error(path: Path, problem: str) -> ValueError:
    return ValueError(
        f"基线文件“{path}”格式有误：{problem}。请改正该文件，或删除后用 --baseline {path} --update-baseline 重新生成。"
    )


def _read(path: Path) -> dict[str, Any]:
    """Parse and validate a baseline file; raises ValueError (Chinese) when it is unusable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"无法读取基线文件“{path}”：{exc.strerror or exc}。请检查路径和读取权限。") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise _error(path, "不是 UTF-8 编码的文本") from exc
    except json.JSONDecodeError as exc:
        raise _error(path, f"第{exc.lineno}行第{exc.colno}列附近不是合法的 JSON（可能缺少引号、逗号或括号）") from exc
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise _error(path, "顶层应是含 “files” 对象的 JSON 对象")
    if data.get("version", VERSION) != VERSION:
        raise _error(path, f"不支持的版本 {data.get('version')!r}（本工具只读第 {VERSION} 版）")
    for name, entries in data["files"].items():
        if not isinstance(entries, list):
            raise _error(path, f"“files”中“{name}”的值应是列表")
        for n, entry in enumerate(entries, 1):
            fingerprint = entry.get("fingerprint") if isinstance(entry, dict) else None
            if not isinstance(fingerprint, str) or not _FINGERPRINT_RE.match(fingerprint):
                raise _error(path, f"“{name}”的第{n}条缺少有效的 fingerprint（应为 16 位十六进制字符）")
    return data


def load_baseline(path: Path) -> dict[str, set[str]]:
    """Accepted fingerprints per report (keyed like `report_key`); empty when the file does not exist."""
    path = Path(path)
    if not path.exists():
        return {}
    data = _read(path)
    return {name: {entry["fingerprint"] for entry in entries} for name, entries in data["files"].items()}


def report_key(baseline: Path, report: str | Path) -> str:
    """The key a report has in the baseline file."""
    return _file_key(Path(baseline), str(report))


def _entry(finding: Finding) -> dict[str, Any]:
    return {
        "fingerprint": finding.fingerprint,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "excerpt": finding.excerpt,
        "location": finding.location.describe(),
    }


def _entries(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """One entry per fingerprint, sorted by rule, message, excerpt."""
    unique: dict[str, dict[str, Any]] = {}
    for finding in findings:
        unique.setdefault(finding.fingerprint, _entry(finding))
    return sorted(unique.values(), key=lambda e: (e["rule"], e["message"], e["excerpt"], e["fingerprint"]))


def _file_key(baseline: Path, name: str) -> str:
    """The report's name in the baseline: relative to the baseline's folder when it lies inside it."""
    try:
        return Path(name).resolve().relative_to(baseline.resolve().parent).as_posix()
    except (ValueError, OSError):
        return Path(name).as_posix()


def write_baseline(path: Path, findings_by_file: Mapping[str, Sequence[Finding]]) -> None:
    """Record the findings as accepted: the files checked now are replaced, other files' entries are kept."""
    path = Path(path)
    files: dict[str, Any] = dict(_read(path)["files"]) if path.exists() else {}
    for name, findings in findings_by_file.items():
        files[_file_key(path, name)] = _entries(findings)
    data = {"version": VERSION, "description": DESCRIPTION, "files": dict(sorted(files.items()))}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
