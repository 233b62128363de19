"""Review 9c: nested tables in regen, a GBK console, inputs that are no readable regular file, an annotated copy that
cannot be written, the wrong kind of file given as --data, and a long list before each of its amounts."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from typer.testing import CliRunner

from checkers.audit_words import ROLE_WINDOW, audit_role
from cli import app
from drafter import regen
from drafter.docx_writer import write_docx
from drafter.regen import find_section, list_sections, regenerate
from drafter.render import render_report
from project_file import input_problem, load_project
from tests.conftest import ROOT, SEEDS
from tests.test_regen import _evaluation, _offline

runner = CliRunner()
PROJECT = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
SEED = SEEDS / "000_35d0328808c89d23.txt"  # has errors: exit code 1; one message holds “−” (U+2212), which GBK lacks
W_BODY, W_TBL, W_T = qn("w:body"), qn("w:tbl"), qn("w:t")
B14_OLD, B14_NEW = "B14运转程序规范性，权重4分，得分2分。", "B14运转程序规范性，权重4分，得分3分。"


_offline = _offline  # (an autouse fixture of regen's tests: imported, it applies here too)


# -- V7: regen over a document with tables nested in table cells -------------------------------------------------




def _nest_after(document, paragraph, outer: str, inner: str) -> None:
    """A two-cell table after ``paragraph`` whose second cell holds a table of its own."""
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = outer
    nested = table.cell(0, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = inner, "备注"
    paragraph._p.addnext(table._tbl)


def _with_nested_tables(path: Path) -> Path:
    """A drafted report with a nested table in section 二 and another in section 四."""
    write_docx(render_report(_evaluation()), path)
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    scope = next(p for p in paragraphs if p.text == "（一）绩效评价对象、目的和范围")
    _nest_after(document, scope, "二中的外层表", "二中的嵌套表")
    b14 = next(p for p in paragraphs if p.text == B14_OLD)
    _nest_after(document, b14, "四中的外层表", "四中的嵌套表")
    document.save(str(path))
    return path


def _body(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as package:
        return list(etree.fromstring(package.read("word/document.xml")).find(W_BODY))


def _split(path: Path, key: str) -> tuple[list[bytes], list[etree._Element], list[bytes]]:
    """The XML of the body elements before a section, the elements inside it, the XML of those after it."""
    body, info = _body(path), find_section(list_sections(path), key)
    return ([etree.tostring(el) for el in body[: info.start]], body[info.start : info.end],
            [etree.tostring(el) for el in body[info.end :]])  # fmt: skip


def _text(elements) -> str:
    return "".join(t.text or "" for el in elements for t in el.iter(W_T))


def _nested_tables(elements) -> int:
    return sum(1 for el in elements if el.tag == W_TBL for inner in el.iter(W_TBL) if inner is not el)


def test_every_block_of_a_document_with_nested_tables_has_its_body_element(tmp_path: Path):
    source = _with_nested_tables(tmp_path / "nested.docx")
    parsed = regen._read(source)
    assert len(parsed.owners) == len(parsed.document.blocks)
    nested = [i for i, block in enumerate(parsed.document.blocks) if getattr(block, "nested_in", None) is not None]
    assert len(nested) == 2
    for index in nested:  # owned by the body-level table holding it (the block right before it)
        assert parsed.owners[index] == parsed.owners[index - 1] and parsed.body[parsed.owners[index]].tag == W_TBL


@pytest.mark.parametrize(("key", "inside", "outside"), [("四", "四中的嵌套表", "二中的嵌套表"), ("二", "二中的嵌套表", "四中的嵌套表")])
def test_regen_replaces_a_nested_table_inside_the_section_and_keeps_those_outside(tmp_path: Path, key: str,
                                                                                  inside: str, outside: str):  # fmt: skip
    source = _with_nested_tables(tmp_path / "nested.docx")
    before, old, after = _split(source, key)
    assert inside in _text(old) and _nested_tables(old) == 1
    out = tmp_path / "out.docx"
    regenerate(source, _evaluation(B14="3", B15="1"), key, out)
    new_before, new, new_after = _split(out, key)
    assert new_before == before and new_after == after  # the table outside, its nested table in it, byte for byte
    assert outside in _text(_body(out)) and _nested_tables(_body(out)) == 1
    assert inside not in _text(new) and _nested_tables(new) == 0  # went with the section as a whole
    if key == "四":
        assert B14_NEW in _text(new) and B14_OLD not in _text(new)


def test_regen_command_on_a_document_with_nested_tables(tmp_path: Path):
    source = _with_nested_tables(tmp_path / "nested.docx")
    out = tmp_path / "out.docx"
    result = runner.invoke(app, ["regen", str(source), "--data", str(PROJECT), "--section", "四", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "内部错误" not in result.output and out.exists()
    assert "1 个表格" in result.output  # told that the table of the old section went with it


# -- V8: an output encoding that lacks a character ----------------------------------------------------------------


def test_a_character_gbk_lacks_is_written_as_a_look_alike():
    import cli

    assert "合同金额 − 审计金额".encode("gbk", errors="evalreport.stand_in").decode("gbk") == "合同金额 - 审计金额"
    assert "得分\U0001f600".encode("gbk", errors="evalreport.stand_in").decode("gbk") == "得分?"
    assert cli.STAND_INS["\u2212"] == "-"


def test_check_with_gbk_output_keeps_its_exit_code():
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(SEED)], capture_output=True, cwd=ROOT,
                            env=env, timeout=120)  # fmt: skip
    stdout, stderr = result.stdout.decode("gbk"), result.stderr.decode("gbk")
    assert result.returncode == 1, stderr
    assert "内部错误" not in stderr and "合同金额 - 审计金额" in stdout


# -- V1, V2, V5: inputs that are no readable regular file -----------------------------------------------------------


def _loop(folder: Path) -> Path:
    (folder / "loopA").symlink_to(folder / "loopB")
    (folder / "loopB").symlink_to(folder / "loopA")
    return folder / "loopA"


def test_a_symbolic_link_loop_is_named_as_such(tmp_path: Path):
    loop = _loop(tmp_path)
    for args in (["check", str(loop)], ["check", str(SEED), "--data", str(loop)], ["regen", str(loop), "--list"],
                 ["extract", str(loop), "-o", str(tmp_path / "p.yaml")],
                 ["draft", str(loop), "-o", str(tmp_path / "r.docx")]):  # fmt: skip
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "符号链接循环" in result.output and "内部错误" not in result.output, (args, result.output)


def test_a_pipe_is_refused_at_once_without_reading_it(tmp_path: Path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    for args in (["check", str(fifo)], ["check", str(SEED), "--data", str(fifo)],
                 ["check", str(SEED), "--data", str(PROJECT), "--scores", str(fifo)]):  # fmt: skip
        result = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, cwd=ROOT,
                                timeout=60)  # fmt: skip
        assert result.returncode == 2 and "命名管道" in result.stderr and "未读取" in result.stderr, result.stderr


def test_devices_and_sockets_are_no_input():
    if Path("/dev/zero").exists():  # endless: read, it would fill the memory
        assert "字符设备" in input_problem(Path("/dev/zero"), "报告")
    import socket

    folder = tempfile.mkdtemp(prefix="r9")
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(os.path.join(folder, "s"))
            assert "套接字" in input_problem(Path(folder, "s"), "报告")
    finally:
        shutil.rmtree(folder)


def test_permission_problems_are_said_in_chinese(tmp_path: Path, monkeypatch):
    report = tmp_path / "r.txt"
    report.write_text("绩效评价报告", encoding="utf-8")
    real_stat, real_open = os.stat, open

    def no_folder(path, *args, **kwargs):
        if str(path) == str(report):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", no_folder)
    assert "不能打开它所在的文件夹" in input_problem(report, "报告")
    monkeypatch.setattr(os, "stat", real_stat)

    def no_read(path, *args, **kwargs):
        if str(path) == str(report):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_read)
    assert "没有权限读取该文件" in input_problem(report, "报告")


def _as_another_user() -> list[str] | None:
    """The command prefix that runs as a user chmod stops (root reads everything), or None when there is none."""
    if os.geteuid() != 0:
        return []
    for tool in (["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"], ["runuser", "-u", "nobody", "--"]):
        if shutil.which(tool[0]):
            return tool
    return None


@pytest.fixture
def shared_folder():
    """A folder under /tmp that another user can reach (pytest's own tmp folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="review9c-"))
    folder.chmod(0o755)
    yield folder
    for root, folders, _ in os.walk(folder):  # (top-down: each folder opened before it is walked)
        for name in folders:
            os.chmod(os.path.join(root, name), 0o755)
    shutil.rmtree(folder)


def test_unreadable_report_data_and_locked_folder_as_another_user(shared_folder: Path):
    prefix = _as_another_user()
    if prefix is None:
        pytest.skip("以 root 运行且没有 setpriv/runuser：无法以普通用户验证权限")
    unreadable = shared_folder / "np.txt"
    shutil.copy(SEED, unreadable)
    unreadable.chmod(0)
    locked = shared_folder / "locked"
    locked.mkdir()
    shutil.copy(SEED, locked / "r.txt")
    shutil.copy(PROJECT, locked / "p.yaml")
    locked.chmod(0)
    cases = {("check", str(unreadable)): "没有权限读取该文件",
             ("check", str(SEED), "--data", str(unreadable)): "没有权限读取该文件",
             ("check", str(locked / "r.txt")): "不能打开它所在的文件夹",
             ("check", str(SEED), "--data", str(locked / "p.yaml")): "不能打开它所在的文件夹",
             ("draft", str(locked / "p.yaml"), "-o", str(shared_folder / "x.docx")): "不能打开它所在的文件夹"}  # fmt: skip
    for args, words in cases.items():
        result = subprocess.run([*prefix, sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
                                cwd=ROOT, timeout=120)  # fmt: skip
        assert result.returncode == 2, (args, result.stderr)
        assert words in result.stderr and "内部错误" not in result.stderr and "not readable" not in result.stderr, result.stderr


# -- V6: an annotated copy that cannot be written -------------------------------------------------------------------


def test_an_annotated_copy_that_cannot_be_written_says_the_report_was_checked(tmp_path: Path, monkeypatch):
    import checkers.annotate

    def denied(source, document, findings, target):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(checkers.annotate, "annotate_copy", denied)
    result = runner.invoke(app, ["check", str(SEED), "--annotate", str(tmp_path / "a.docx")])
    assert result.exit_code == 1  # by the findings (the seed has errors)
    assert "已核查" in result.output and "只是批注副本" in result.output and "没有权限" in result.output
    assert "未核查" not in result.output and "内部错误" not in result.output
    assert "RT301" in result.output  # the findings are printed


def test_annotate_into_a_locked_folder_as_another_user(shared_folder: Path):
    prefix = _as_another_user()
    if prefix is None:
        pytest.skip("以 root 运行且没有 setpriv/runuser：无法以普通用户验证权限")
    locked = shared_folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    result = subprocess.run([*prefix, sys.executable, str(ROOT / "cli.py"), "check", str(SEED), "--annotate",
                             str(locked / "a.docx")], capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "已核查" in result.stderr and "没有权限" in result.stderr and "未核查" not in result.stderr
    assert "RT301" in result.stdout


# -- V11: the wrong kind of file given as --data ---------------------------------------------------------------------


def test_a_spreadsheet_or_a_report_given_as_data_says_what_to_give(tmp_path: Path):
    import openpyxl

    sheet = tmp_path / "scores.xlsx"
    openpyxl.Workbook().save(sheet)
    old_sheet = tmp_path / "scores.xls"
    old_sheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    word = tmp_path / "r.docx"
    write_docx(render_report(_evaluation()), word)
    markdown = tmp_path / "r.md"
    markdown.write_text("# 绩效评价报告\n\n项目预算100万元，实际支出90万元。\n", encoding="utf-8")
    cases = {sheet: ("--scores", "项目.yaml"), old_sheet: ("--scores", ".xlsx"), word: ("不是项目数据文件", "extract"),
             SEED: ("看起来是一份报告", "check"), markdown: ("看起来是一份报告", "extract")}  # fmt: skip
    for data, words in cases.items():
        result = runner.invoke(app, ["check", str(SEED), "--data", str(data)])
        assert result.exit_code == 2 and all(w in result.output for w in words), result.output
        assert "UTF-8" not in result.output and "YAML/JSON 语法错误" not in result.output
    assert "--scores" in runner.invoke(app, ["check", "--help"]).output  # (the option the message names)


def test_a_project_file_saved_as_text_still_loads(tmp_path: Path):
    text = tmp_path / "项目.yaml.txt"  # Notepad's way of saving it
    shutil.copy(PROJECT, text)
    assert load_project(text).project.name == load_project(PROJECT).project.name


# -- V3: the words before an amount are read near it ----------------------------------------------------------------


def test_a_role_is_read_from_the_words_right_before_the_amount():
    assert audit_role("送审金额") == "submitted"
    assert audit_role("甲1万元、" * 20 + "审定金额") == "approved"
    assert audit_role("核减申报数量不实的6台电梯补助") is None  # an itemised cut
    assert audit_role("经审核核减") == "cut"
    assert audit_role("核减" + "甲" * ROLE_WINDOW + "送审金额") == "submitted"  # (the clause's start is not read)


def test_a_long_list_costs_no_more_per_amount_than_a_short_one():
    long_clause = "其中" + "甲1万元、" * 200_000 + "送审金额"  # a million characters, as in a 1 MB single-line report
    started = time.perf_counter()
    for _ in range(300):
        assert audit_role(long_clause) == "submitted"
    assert time.perf_counter() - started < 0.5  # unbounded, each call read the whole clause: about 6 s


def test_a_very_long_excerpt_is_printed_shortened() -> None:
    from checkers.run import EXCERPT_SHOWN, _shown

    assert _shown("短句。") == "短句。"
    long = "甲1万元、" * 1000
    shown = _shown(long)
    assert len(shown) < EXCERPT_SHOWN + 30 and f"此句共{len(long)}字" in shown
    assert shown.startswith(long[:100]) and shown.endswith(long[-100:])
