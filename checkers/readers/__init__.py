"""Readers: turn .docx, .md and .txt reports into a :class:`checkers.document.Document`."""

from __future__ import annotations

import os
import re
from pathlib import Path

import olefile

from checkers.document import Document
from checkers.readers.docx_reader import read_docx
from checkers.readers.errors import ReadError
from checkers.readers.markdown_reader import looks_like_markdown, parse_markdown, read_markdown
from checkers.readers.text_reader import parse_text, read_file_text, read_text

__all__ = ["ReadError", "read_document", "read_docx", "read_markdown", "read_text"]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SNIFF_BYTES = 2048  # how much of a file's start is looked at to tell its format
# A web page: an optional XML declaration and comments, then the doctype or the <html> element.
_HTML_START = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html\b|<html[\s>])", re.I | re.S)
_WORD_XML = (b"Word.Document", b"<w:wordDocument", b"<pkg:package")  # Word 2003 XML, Flat OPC (“Word XML 文档”)
_ODF_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument."
_OLE_ENCRYPTED = {"EncryptionInfo", "EncryptedPackage"}  # the streams of an Office file with an opening password


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a report, choosing the reader by suffix (.docx, .md/.markdown, else text: Markdown by its content)."""
    p = Path(path)
    if not p.exists():
        raise ReadError(f"找不到文件“{p}”。请检查路径是否正确。")
    if p.is_dir():
        raise ReadError(f"“{p}”是文件夹，不是文件。请指定报告文件（.docx、.md 或 .txt）；要核查文件夹中的全部报告，"
                        f"可写 {p}/*.docx（可同时写多个文件）。")
    try:
        with p.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise ReadError(f"无法打开文件“{p}”：{exc.strerror or exc}。请检查读取权限。") from exc
    document = _read_by_kind(p, head)
    if not document.blocks:
        raise ReadError(f"文件“{p.name}”中没有文字或表格，没有可检查的内容。请确认选择了正确的报告文件。")
    return document


def unsupported_format(p: Path, head: bytes) -> str | None:
    """Why a file of a format the tool does not read (a data file, a spreadsheet, an encrypted Office file, a web
    page, RTF, OpenDocument, old .doc, PDF) cannot be used, by its suffix, then by its first bytes; else None.
    ``head`` is the file's start (when shorter than :data:`SNIFF_BYTES`, more is read from ``p``)."""
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
    if len(head) < SNIFF_BYTES:
        head = _file_start(p, head)
    if head.startswith(_OLE_MAGIC) and ole_entry_names(p) & _OLE_ENCRYPTED:
        return (f"文件“{p.name}”设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中输入密码打开，取消密码"
                "（Word：文件→信息→保护文档→用密码进行加密，清空密码后确定；WPS：文件→文档加密→密码加密，清空打开密码），"
                "再“另存为” .docx 格式后重新检查。")  # fmt: skip
    kind = _markup_kind(p, head)
    if kind is not None:
        named = "" if suffix in _MARKUP_SUFFIXES.get(kind, ()) else f"（扩展名虽是 {p.suffix}）" if p.suffix else ""
        fix = "“另存为” .docx 格式" if "OpenDocument" in kind else "“另存为” .docx 格式（或导出为 .txt）"
        return f"文件“{p.name}”是{kind}{named}，暂不支持。请在 Word 或 WPS 中打开，{fix}后重试。"
    if head.startswith(_OLE_MAGIC) or suffix == ".doc":
        return f"文件“{p.name}”是旧版 Word（.doc）格式，暂不支持。请在 Word 中“另存为” .docx 格式后重试。"
    if head.startswith(b"%PDF"):
        return f"文件“{p.name}”是 PDF，暂不支持。请提供 Word（.docx）原稿，或导出为 .txt 后重试。"
    return None


_HTML = "网页（HTML）格式"
_RTF = " RTF 格式"
_XML = " XML 格式"
_WORD_XML_KIND = " Word XML 格式"
_ODT = " OpenDocument 文本（.odt）格式"
_MHT = "“单个文件网页”（.mht）格式"
_MARKUP_SUFFIXES = {
    _HTML: (".html", ".htm", ".xhtml"),
    _RTF: (".rtf",),
    _XML: (".xml",),  # (by its name alone: some XML file)
    _WORD_XML_KIND: (".xml",),
    _ODT: (".odt", ".ott", ".fodt"),
    _MHT: (".mht", ".mhtml"),
}


def _markup_kind(p: Path, head: bytes) -> str | None:
    """The kind of a web page, RTF, Word XML or OpenDocument file, by its content, else by its suffix; else None.
    (Read as plain text, a web page's or an RTF file's markup would be checked as the report's words.)"""
    text = _without_bom(head).lstrip()
    if text.startswith(b"{\\rtf"):
        return _RTF
    if _HTML_START.match(text):
        return _HTML
    if text.startswith(b"<?xml") and any(mark in text for mark in _WORD_XML):
        return _WORD_XML_KIND
    if head.startswith(_ZIP_MAGIC) and head[30:].startswith(_ODF_MIMETYPE):
        return _ODT if head[30 + len(_ODF_MIMETYPE) :].startswith(b"text") else " OpenDocument 格式"
    suffix = p.suffix.lower()
    return next((kind for kind, suffixes in _MARKUP_SUFFIXES.items() if suffix in suffixes), None)


def _without_bom(head: bytes) -> bytes:
    """``head`` without a byte-order mark, UTF-16 made single-byte (its ASCII markup is what is looked for)."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be", "ignore").encode("ascii", "ignore")
    return head


def _file_start(p: Path, head: bytes) -> bytes:
    """The first :data:`SNIFF_BYTES` of regular file ``p`` (``head`` when it cannot be read)."""
    try:
        if p.is_file():
            with p.open("rb") as fh:
                return fh.read(SNIFF_BYTES)
    except OSError:
        pass
    return head


def ole_entry_names(p: Path) -> set[str]:
    """The names of the storages and streams of OLE2 compound file ``p`` (an old .doc, an encrypted .docx); empty when
    the file cannot be read as one."""
    try:
        with olefile.OleFileIO(str(p)) as ole:
            return {part for entry in ole.listdir(streams=True, storages=True) for part in entry}
    except Exception:  # noqa: BLE001 - olefile raises OSError and errors of its own for a broken file: none is an answer
        return set()


def _read_by_kind(p: Path, head: bytes) -> Document:
    suffix = p.suffix.lower()
    problem = unsupported_format(p, head)
    if problem is not None:
        raise ReadError(problem)
    if suffix == ".docx" or head.startswith(_ZIP_MAGIC):
        return read_docx(p)
    if suffix in (".md", ".markdown"):
        return read_markdown(p)
    text = read_file_text(p)
    return parse_markdown(text, p) if looks_like_markdown(text) else parse_text(text, p)
