"""Readers: turn .docx, .md and .txt reports into a :class:`checkers.document.Document`."""

from __future__ import annotations

import os
from pathlib import Path

from checkers.document import Document
from checkers.readers.docx_reader import read_docx
from checkers.readers.errors import ReadError
from checkers.readers.markdown_reader import read_markdown
from checkers.readers.text_reader import read_text

__all__ = ["ReadError", "read_document", "read_docx", "read_markdown", "read_text"]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a report, choosing the reader by suffix (.docx, .md/.markdown, else text)."""
    p = Path(path)
    if not p.exists():
        raise ReadError(f"找不到文件“{p}”。请检查路径是否正确。")
    if p.is_dir():
        raise ReadError(f"“{p}”是文件夹，不是文件。请指定一份报告文件（.docx、.md 或 .txt）。")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ReadError(f"无法打开文件“{p}”：{exc.strerror or exc}。请检查读取权限。") from exc
    document = _read_by_kind(p, head)
    if not document.blocks:
        raise ReadError(f"文件“{p.name}”中没有文字或表格，没有可检查的内容。请确认选择了正确的报告文件。")
    return document


def unsupported_format(p: Path, head: bytes) -> str | None:
    """Why a file of a format the tool does not read (a data file, a spreadsheet, old .doc, PDF) cannot be used, by
    its suffix, then by its first bytes; else None."""
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        return (f"文件“{p.name}”是项目数据文件，不是报告。要把报告与这份数据核对，请写："
                f"evalreport check 报告.docx --data {p.name}")
    if suffix in (".xlsx", ".xlsm"):
        return (f"文件“{p.name}”是 Excel 表格，不是报告。评分表请用 --scores 给出：evalreport check 报告.docx "
                f"--data 项目.yaml --scores {p.name}")
    if suffix in (".xls", ".et"):  # (an OLE file like an old .doc, but a spreadsheet: --scores reads .xlsx only)
        kind = "WPS 表格（.et）" if suffix == ".et" else "旧版 Excel（.xls）"
        return (f"文件“{p.name}”是{kind}文件，不是报告。评分表请先在 Excel 或 WPS 中“另存为” .xlsx，"
                f"再用 --scores 给出：evalreport check 报告.docx --data 项目.yaml --scores {p.stem}.xlsx")
    if suffix == ".wps":
        return f"文件“{p.name}”是 WPS 文字（.wps）格式，暂不支持。请在 WPS 中“另存为” .docx 格式后重试。"
    if head.startswith(_OLE_MAGIC) or suffix == ".doc":
        return f"文件“{p.name}”是旧版 Word（.doc）格式，暂不支持。请在 Word 中“另存为” .docx 格式后重试。"
    if head.startswith(b"%PDF"):
        return f"文件“{p.name}”是 PDF，暂不支持。请提供 Word（.docx）原稿，或导出为 .txt 后重试。"
    return None


def _read_by_kind(p: Path, head: bytes) -> Document:
    suffix = p.suffix.lower()
    problem = unsupported_format(p, head)
    if problem is not None:
        raise ReadError(problem)
    if suffix == ".docx" or head.startswith(_ZIP_MAGIC):
        return read_docx(p)
    if suffix in (".md", ".markdown"):
        return read_markdown(p)
    return read_text(p)
