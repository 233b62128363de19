"""Atomic output: write beside the target, then rename, so a crash never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """An output that must not be written (it would overwrite an input)."""


def guard_output(output: Path, inputs: Iterable[Path], option: str = "-o", overwrite: bool = True) -> None:
    """Refuse to write over any input file, or onto a folder (`option` names the flag the user set the output with).

    ``overwrite=False`` (reports: a user may have edited the last one in Word) also refuses an existing file unless
    the user said ``--overwrite``.
    """
    if output.is_dir():
        raise OutputError(f"输出路径 {output} 是一个文件夹，请用 {option} 指定文件名（如 {output / '报告.docx'}）")
    target = output.resolve()
    for source in inputs:
        if source and Path(source).exists() and Path(source).resolve() == target:
            raise OutputError(f"输出文件 {output} 与输入文件相同，已拒绝覆盖输入。请用 {option} 指定另一个文件名")
    if not overwrite and output.exists():
        raise OutputError(f"输出文件 {output} 已存在（可能已在 Word 中修改过），已拒绝覆盖。"
                          f"请用 {option} 换一个文件名，或确认无误后加 --overwrite 覆盖")  # fmt: skip


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write bytes to path atomically (temp file in the same folder + os.replace)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
