"""Review 9c, readers: a .docx “zip bomb”, web pages / RTF / OpenDocument read as text, a password-protected .docx
taken for an old .doc, UTF-16 without a byte-order mark and stray NUL bytes taken for binary files."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checkers.document import Document, Paragraph  # noqa: E402
from checkers.readers import ReadError, read_document, unsupported_format  # noqa: E402
from checkers.readers.docx_reader import MAIN_PART_LIMIT, oversized_part  # noqa: E402

SEED_000 = ROOT / "fixtures" / "seeds" / "000_35d0328808c89d23.txt"
SEED_TEXT = SEED_000.read_text(encoding="utf-8")
_MB = 1024 * 1024


def _signature(doc: Document) -> list[tuple]:
    out: list[tuple] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            out.append(("P", b.text, b.heading_level, b.number, b.location.section, b.location.line))
        else:
            out.append(("T", b.caption, b.text_rows(), b.location.line))
    return out


@pytest.fixture(scope="module")
def seed_signature() -> list[tuple]:
    return _signature(read_document(SEED_000))


def _refusal(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path)
    return str(info.value)


# --- V4: a .docx whose parts unpack to hundreds of MB ------------------------------------------------------------------


def _docx_bytes(document_xml: bytes | None = None) -> bytes:
    """A small real .docx, its word/document.xml replaced by ``document_xml`` when given."""
    d = docx.Document()
    d.add_paragraph("一、项目概况")
    d.add_paragraph("项目预算100万元，绩效评价得分90分。")
    buffer = io.BytesIO()
    d.save(buffer)
    if document_xml is None:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, document_xml if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


def _declare_size(data: bytes, member: str, size: int) -> bytes:
    """``data`` (a zip) with the central directory declaring ``size`` unpacked bytes for ``member``."""
    name = member.encode()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        at = z.start_dir  # (the central directory)
    while True:
        at = data.index(b"PK\x01\x02", at)
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            return data[: at + 24] + struct.pack("<I", size) + data[at + 28 :]
        at += 4


def _repeated_body(size: int) -> bytes:
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')  # fmt: skip
    para = "<w:p><w:r><w:t>绩效评价 预算100万元</w:t></w:r></w:p>".encode()
    return head + para * (size // len(para)) + b"</w:body></w:document>"


def test_a_docx_declaring_a_huge_document_part_is_refused_before_unpacking(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_declare_size(_docx_bytes(), "word/document.xml", 300 * _MB))
    started = time.perf_counter()
    message = _refusal(path)
    assert time.perf_counter() - started < 2
    assert "bomb.docx" in message and "解压后异常大" in message and "word/document.xml 达 300 MB" in message
    assert f"{MAIN_PART_LIMIT // _MB} MB 的上限" in message and "另存为" in message and ".docx" in message


def test_a_docx_whose_document_part_is_packed_too_tightly_is_refused(tmp_path: Path):
    path = tmp_path / "bomb30.docx"  # (the reviewer's: 30 MB of one paragraph repeated, 140 KB on disk; 23 s, 800 MB)
    path.write_bytes(_docx_bytes(_repeated_body(12 * _MB)))
    message = _refusal(path)
    assert "解压后异常大" in message and "压缩比约" in message and "word/document.xml 达 12 MB" in message


def test_the_size_limits_leave_real_reports_alone():
    real = zipfile.ZipInfo("word/document.xml")
    real.file_size, real.compress_size = 60 * _MB, 4 * _MB  # a long report: 15 to 1
    assert oversized_part(real, MAIN_PART_LIMIT) is None
    small = zipfile.ZipInfo("word/document.xml")
    small.file_size, small.compress_size = 2 * _MB, 2000  # packed tightly but small: no harm
    assert oversized_part(small, MAIN_PART_LIMIT) is None
    styles = zipfile.ZipInfo("word/styles.xml")
    styles.file_size, styles.compress_size = 30 * _MB, 3 * _MB
    assert oversized_part(styles, 20 * _MB) is not None  # (styles and numbering: a lower limit)


def test_a_zip_entry_declaring_less_than_it_holds_is_never_unpacked_beyond_the_declared_size(tmp_path: Path):
    body = _repeated_body(40 * _MB)  # 40 MB that the directory says are 5,000 bytes
    path = tmp_path / "lying.docx"
    path.write_bytes(_declare_size(_docx_bytes(body), "word/document.xml", 5000))
    del body
    tracemalloc.start()
    try:
        message = _refusal(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "不是有效的 Word" in message  # (the CRC of the cut data fails)
    assert peak < 8 * _MB  # unpacked in chunks: ZipExtFile.read() would inflate all 40 MB at once


# --- V9: web pages, RTF, OpenDocument --------------------------------------------------------------------------------


def _html(text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    return f'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<html><body>\n{paragraphs}</body></html>'


@pytest.mark.parametrize(
    ("name", "data", "named"),
    [
        ("report.html", _html(SEED_TEXT).encode(), False),
        ("report.htm", b'<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>x</body></html>', False),
        ("report.txt", b"\xef\xbb\xbf \r\n\t" + _html(SEED_TEXT).encode(), True),  # a BOM and white space first
        ("report.md", b"<?xml version='1.0'?>\n<!-- saved -->\n<HTML lang='zh'>" + SEED_TEXT.encode(), True),
        ("report.txt", "\ufeff<html>\n".encode("utf-16-le") + SEED_TEXT.encode("utf-16-le"), True),
        ("report.doc", _html(SEED_TEXT).encode("gb18030"), True),  # a web page saved as “.doc” by some systems
    ],
)
def test_a_web_page_is_refused_with_how_to_save_it_as_docx(tmp_path: Path, name: str, data: bytes, named: bool):
    path = tmp_path / name
    path.write_bytes(data)
    message = _refusal(path)
    assert "网页（HTML）格式" in message and "另存为” .docx" in message and "导出为 .txt" in message
    assert ("扩展名虽是" in message) == named


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.rtf", b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 \\'bc\\'a8\\'d0\\'a7}"),
        ("report.txt", b"\r\n{\\rtf1\\ansi " + SEED_TEXT.encode()),
        ("report.rtf", SEED_TEXT.encode()),  # (by its name)
    ],
)
def test_an_rtf_file_is_refused_not_called_no_report(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    message = _refusal(path)
    assert "RTF 格式" in message and "另存为” .docx" in message and "不是绩效评价报告" not in message


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored, first
        z.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize(("name", "named"), [("report.odt", False), ("report.docx", True)])
def test_an_opendocument_text_is_named_as_such(tmp_path: Path, name: str, named: bool):
    path = tmp_path / name
    path.write_bytes(_odt())
    message = _refusal(path)
    assert "OpenDocument 文本（.odt）格式" in message and "另存为” .docx" in message and "已损坏" not in message
    assert ("扩展名虽是 .docx" in message) == named


def test_a_text_report_mentioning_markup_is_still_read(tmp_path: Path, seed_signature: list[tuple]):
    path = tmp_path / "report.txt"
    path.write_text(SEED_TEXT + "\n附：系统导出格式为 <html> 与 {\\rtf 两种。\n", encoding="utf-8")
    assert _signature(read_document(path))[: len(seed_signature)] == seed_signature


# --- V10: a password-protected .docx ---------------------------------------------------------------------------------

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _ole(names: list[tuple[str, int]]) -> bytes:
    """A minimal OLE2 compound file (512-byte sectors): sector 0 the FAT, then the directory over as many sectors as
    ``names`` (name, type: 5 root, 1 storage, 2 stream) need, chained through the FAT, the entries linked as the root's
    children; the streams are empty."""
    per_sector = 4
    dir_sectors = -(-len(names) // per_sector)
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 0x2C, 1, 1, 0, 4096)  # 1 FAT sector; the directory starts at sector 1
    struct.pack_into("<IIII", header, 0x3C, _END, 0, _END, 0)  # no mini FAT, no DIFAT sectors
    struct.pack_into("<109I", header, 0x4C, 0, *([_FREE] * 108))
    fat = [_FAT] + [n + 1 for n in range(1, dir_sectors)] + [_END]  # sector n (a directory sector) → n + 1
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + b"\xff" * (512 - 4 * len(fat))
    entries = b""
    for index, (name, kind) in enumerate(names):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = bytearray(128)
        entry[: len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 0x40, len(encoded), kind, 1)
        # the tree a reader walks: the root's child is entry 1, each entry's right sibling the next
        right = index + 1 if 0 < index < len(names) - 1 else _FREE
        child = 1 if index == 0 and len(names) > 1 else _FREE
        struct.pack_into("<III", entry, 0x44, _FREE, right, child)
        struct.pack_into("<I", entry, 0x74, _END)
        entries += bytes(entry)
    entries += b"\x00" * (dir_sectors * 512 - len(entries))
    return bytes(header) + fat_sector + entries


# What Word (and msoffcrypto-tool) write for a .docx with an opening password; the two streams in the second
# directory sector, as in the reviewer's file.
ENCRYPTED = [("Root Entry", 5), ("\x06DataSpaces", 1), ("Version", 2), ("DataSpaceMap", 2),
             ("EncryptionInfo", 2), ("EncryptedPackage", 2)]  # fmt: skip


@pytest.mark.parametrize("name", ["report.docx", "report.doc", "report"])
def test_a_password_protected_docx_is_told_to_remove_the_password(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(_ole(ENCRYPTED) + b"\x5a" * 4096)
    message = _refusal(path)
    assert "打开密码（已加密）" in message and "用密码进行加密" in message and "另存为” .docx" in message
    assert "旧版 Word" not in message
    with path.open("rb") as handle:  # (regen passes only the first 8 bytes)
        assert "已加密" in (unsupported_format(path, handle.read(8)) or "")


def test_an_old_doc_is_still_an_old_doc(tmp_path: Path):
    path = tmp_path / "old.docx"
    path.write_bytes(_ole([("Root Entry", 5), ("WordDocument", 2), ("1Table", 2), ("\x05SummaryInformation", 2)]))
    message = _refusal(path)
    assert "旧版 Word（.doc）" in message and "已加密" not in message


def test_the_console_exits_2_on_an_encrypted_docx(tmp_path: Path):
    path = tmp_path / "加密报告.docx"
    path.write_bytes(_ole(ENCRYPTED))
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(path)], capture_output=True, text=True,
                            encoding="utf-8", timeout=120, cwd=ROOT)  # fmt: skip
    assert result.returncode == 2
    assert "加密报告.docx" in result.stdout + result.stderr and "用密码进行加密" in result.stdout + result.stderr


# --- UTF-16 without a BOM, stray NUL bytes ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path: Path, encoding: str, seed_signature: list[tuple]):
    path = tmp_path / "report.txt"
    path.write_bytes(SEED_TEXT.encode(encoding))
    assert _signature(read_document(path)) == seed_signature
    path.write_bytes(SEED_TEXT.encode(encoding)[:-1])  # cut inside its last character
    assert _signature(read_document(path))[:-1] == seed_signature[:-1]


def test_a_few_stray_nul_bytes_are_dropped(tmp_path: Path, seed_signature: list[tuple]):
    data = SEED_TEXT.encode()
    path = tmp_path / "report.txt"
    path.write_bytes(data[:5000] + b"\x00\x00\x00" + data[5000:9000] + b"\x00" + data[9000:])
    assert _signature(read_document(path)) == seed_signature
    path.write_bytes(data + b"\x00" * 8192)  # a file padded with zeros at its end
    assert _signature(read_document(path)) == seed_signature


def test_text_with_many_nul_bytes_is_refused_naming_the_first(tmp_path: Path):
    data = SEED_TEXT.encode()
    path = tmp_path / "report.txt"
    path.write_bytes(data[:1234] + b"".join(data[n : n + 100] + b"\x00" for n in range(1234, 5234, 100)))
    message = _refusal(path)
    assert "40 个空字节（NUL）" in message and "第 1335 个字节" in message and "UTF-8" in message
    path.write_bytes(b"\x00" * 10000)
    assert "第 1 个字节" in _refusal(path)


def test_regen_refuses_a_docx_that_unpacks_abnormally_large(tmp_path: Path):
    from drafter.regen import RegenError, _load_package

    path = tmp_path / "bomb.docx"
    path.write_bytes(_declare_size(_docx_bytes(), "word/document.xml", 300 * _MB))
    with pytest.raises(RegenError, match="解压后异常大"):
        _load_package(path)
    fine = tmp_path / "fine.docx"
    fine.write_bytes(_docx_bytes())
    assert _load_package(fine).main_blob
