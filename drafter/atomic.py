"""Atomic output: write beside the target, then rename, so a crash never leaves half a file."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """An output that must not or cannot be written (it would overwrite an input; the folder is read-only…)."""


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
    lock = open_lock(output) if output.exists() else None
    if lock is not None:
        raise OutputError(f"输出文件 {output} 正在 Word/WPS/LibreOffice 中打开（有锁文件 {lock.name}），覆盖后那边的"
                          f"未保存修改会丢失或再被存回。请先关闭该文件，或用 {option} 换一个文件名")  # fmt: skip


def open_lock(path: Path) -> Path | None:
    """The lock file an office program keeps next to a document it has open (Word/WPS “~$name.docx”, LibreOffice
    “.~lock.name.docx#”), if there is one."""
    name = path.name
    for candidate in (f"~${name[2:]}" if len(name) > 2 else f"~${name}", f"~${name}", f".~lock.{name}#"):
        lock = path.with_name(candidate)
        if lock.exists():
            return lock
    return None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_WHY = {  # errno → what the user can do about it
    errno.EACCES: "没有写入权限：文件可能正在 Word/WPS 中打开，或文件夹只读。请关闭该文件，或换一个文件夹",
    errno.EPERM: "没有写入权限：文件可能正在 Word/WPS 中打开，或文件夹只读。请关闭该文件，或换一个文件夹",
    errno.EROFS: "所在磁盘只读，请换一个文件夹",
    errno.ENOSPC: "磁盘空间已满，请清理后重试或换一个磁盘",
    errno.EDQUOT: "磁盘配额已满，请清理后重试",
    errno.ENOTDIR: "路径中有一级不是文件夹（与某个文件同名），请检查路径",
    errno.EEXIST: "路径中有一级不是文件夹（与某个文件同名），请检查路径",
    errno.EISDIR: "该路径是一个文件夹，请指定文件名",
    errno.ENAMETOOLONG: "文件名或路径太长，请缩短",
}


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    why = _WHY.get(exc.errno or 0, f"系统拒绝写入（错误号 {exc.errno}）")
    return OutputError(f"无法写出 {path}：{why}。原有文件（如有）未改动")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write bytes to path atomically (temp file in the same folder + os.replace); OutputError (Chinese) when the
    path cannot be written, or is something other than a file (a device, a pipe), which is never replaced."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise OutputError(f"输出路径 {path} 不是普通文件（是文件夹或设备），已拒绝写入，请指定一个文件名")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
