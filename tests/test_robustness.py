"""Bad inputs and unwritable outputs found by fuzzing: a Chinese message and exit code 2, never a traceback, and the
other files of a call still checked."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checkers.readers import read_document
from cli import app
from drafter.atomic import OutputError, atomic_write_text
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
PROJECT = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"


def _drafted(tmp_path: Path) -> Path:
    path = tmp_path / "r.docx"
    assert runner.invoke(app, ["draft", str(PROJECT), "-o", str(path), "-q"]).exit_code == 0
    return path


def _with_document_xml(source: Path, target: Path, edit) -> Path:
    """A copy of a .docx whose word/document.xml is passed through ``edit``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            new.writestr(item, data)
    target.write_bytes(buffer.getvalue())
    return target


def test_an_output_that_cannot_be_written_is_a_chinese_error(tmp_path: Path):
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="无法写出.*不是文件夹"):
        atomic_write_text(blocker / "out.md", "内容")
    for command in (["draft", str(PROJECT), "-o", str(blocker / "r.docx")], ["template", str(blocker / "t.xlsx")],
                    ["extract", str(SEEDS / "002_4ad189d6376584c5.txt"), "-o", str(blocker / "p.yaml")]):  # fmt: skip
        result = runner.invoke(app, command)
        assert result.exit_code == 2 and "无法写出" in result.output and result.exception is None or \
            isinstance(result.exception, SystemExit), (command, result.output)  # fmt: skip
    assert blocker.read_text(encoding="utf-8") == "x" and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_device_or_pipe_given_as_output_is_never_replaced(tmp_path: Path):
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    result = runner.invoke(app, ["draft", str(PROJECT), "-o", str(pipe), "--overwrite", "-q"])
    assert result.exit_code == 2 and "不是普通文件" in result.output
    assert not pipe.is_file() and pipe.exists()


def test_generated_documents_go_only_to_files_of_their_kind(tmp_path: Path):
    project = tmp_path / "p.yaml"
    project.write_text(PROJECT.read_text(encoding="utf-8"), encoding="utf-8")
    for command in (["rules", "-o", str(project)], ["schema", "-o", str(project)],
                    ["styles", "--reference", "-o", str(project)]):  # fmt: skip
        result = runner.invoke(app, command)
        assert result.exit_code == 2 and "以免覆盖" in result.output, command
    assert project.read_text(encoding="utf-8") == PROJECT.read_text(encoding="utf-8")
    assert runner.invoke(app, ["styles", "-o", str(tmp_path / "s.md")]).exit_code == 2  # -o only with --reference


def test_crafted_values_in_a_docx_are_read_as_word_would(tmp_path: Path):
    source = _drafted(tmp_path)

    def broken(xml: str) -> str:
        xml = xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="2000000000"/>', 1)  # a span no grid holds
        xml = xml.replace("<w:trPr>", '<w:trPr><w:gridBefore w:val="-100"/>', 1)
        return re.sub(r"(<w:r>)", r'\1<w:sym w:char="110000"/><w:sym w:char="D800"/>', xml, count=1)

    crafted = _with_document_xml(source, tmp_path / "crafted.docx", broken)
    document = read_document(crafted)
    assert document.tables and max(t.n_cols for t in document.tables) < 2 * 63  # bounded by Word's grid, not 2e9
    result = runner.invoke(app, ["check", str(crafted), "--format", "json"])
    assert result.exit_code in (0, 1) and json.loads(result.stdout)["files"][0]["path"] == str(crafted)


def test_one_file_the_checker_chokes_on_does_not_cost_the_others(tmp_path: Path, monkeypatch):
    import checkers.run

    good = SEEDS / "001_0236d07c5160386a.txt"
    choking = tmp_path / "bad.md"
    choking.write_text("# 绩效评价报告\n\n本项目预算100万元。\n", encoding="utf-8")
    real = checkers.run.check_document

    def check_document(document, *args, **kwargs):
        if document.path == str(choking):
            raise RuntimeError("an unforeseen input")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(checkers.run, "check_document", check_document)
    result = runner.invoke(app, ["check", str(choking), str(good), "--format", "json"])
    assert result.exit_code == 2
    files = json.loads(result.stdout)["files"]
    assert "内部错误 RuntimeError" in files[0]["error"] and files[1]["path"] == str(good) and "error" not in files[1]


def test_project_files_with_control_characters_huge_numbers_or_a_folder(tmp_path: Path):
    text = PROJECT.read_text(encoding="utf-8")
    control = tmp_path / "control.yaml"
    control.write_text(re.sub(r"(\n  name: )(.*)", r'\1"\\a\2"', text, count=1), encoding="utf-8")
    huge = tmp_path / "huge.yaml"
    huge.write_text(re.sub(r"(\n  budget: ).*", r"\g<1>1e30", text, count=1), encoding="utf-8")
    endless = tmp_path / "endless.yaml"
    endless.write_text(re.sub(r"(\n  budget: ).*", r'\g<1>"1e999999999"', text, count=1), encoding="utf-8")
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    laughs = tmp_path / "laughs.yaml"  # nine levels of nine aliases: 387 million values once expanded
    levels = ['a0: &a0 ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    laughs.write_text("\n".join(levels) + "\n", encoding="utf-8")
    expected = {control: "控制字符", huge: "超出可用范围", endless: "超出可用范围", folder: "文件夹", laughs: "别名"}
    for path, words in expected.items():
        result = runner.invoke(app, ["draft", str(path), "-o", str(tmp_path / "r.docx"), "-q"])
        assert result.exit_code == 2 and words in result.output, result.output
    assert not (tmp_path / "r.docx").exists()


def test_an_unexpected_failure_of_the_console_command_is_a_chinese_message(tmp_path: Path):
    script = ("import sys, cli, drafter.pipeline\n"
              "def boom(*a, **k): raise RuntimeError('x')\n"
              "drafter.pipeline.draft_report = boom\n"
              "sys.argv = ['evalreport', 'draft', sys.argv[1], '-o', sys.argv[2], '-q']\n"
              "cli.main()\n")  # fmt: skip
    command = [sys.executable, "-c", script, str(PROJECT), str(tmp_path / "r.docx")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2 and "内部错误（RuntimeError）" in result.stderr and "Traceback" not in result.stderr


def test_check_in_json_answers_in_json_even_when_refused_before_reading(tmp_path: Path):
    result = runner.invoke(app, ["check", str(SEEDS / "001_0236d07c5160386a.txt"), "--data", str(tmp_path / "无.yaml"),
                                 "--format", "json"])  # fmt: skip
    assert result.exit_code == 2
    answer = json.loads(result.stdout)
    assert answer["files"] == [] and "文件不存在" in answer["error"]
    broken = tmp_path / "基线.json"
    broken.write_text("{不是 JSON", encoding="utf-8")
    result = runner.invoke(app, ["check", str(SEEDS / "001_0236d07c5160386a.txt"), "--baseline", str(broken), "--format", "json"])
    assert result.exit_code == 2 and "基线文件无法使用" in json.loads(result.stdout)["error"]


def test_outputs_of_the_wrong_kind_and_an_existing_annotated_copy_are_refused(tmp_path: Path):
    sheet = runner.invoke(app, ["template", str(tmp_path / "评分表.xls")])
    assert sheet.exit_code == 2 and "评分表.xlsx" in sheet.output and not (tmp_path / "评分表.xls").exists()
    project = runner.invoke(app, ["extract", str(SEEDS / "002_4ad189d6376584c5.txt"), "-o", str(tmp_path / "p.docx")])
    assert project.exit_code == 2 and "p.yaml" in project.output
    copy = tmp_path / "批注.docx"
    copy.write_bytes(b"reviewer's own copy")
    seed = str(SEEDS / "002_4ad189d6376584c5.txt")
    refused = runner.invoke(app, ["check", seed, "--annotate", str(copy)])
    assert refused.exit_code == 2 and "--overwrite" in refused.output and copy.read_bytes() == b"reviewer's own copy"
    assert runner.invoke(app, ["check", seed, "--annotate", str(copy), "--overwrite"]).exit_code == 1
    assert zipfile.is_zipfile(copy)
    extra = runner.invoke(app, ["template", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")])
    assert extra.exit_code == 2 and "多余的参数" in extra.output


def test_yaml_slips_in_the_project_and_the_llm_config_are_explained_in_chinese(tmp_path: Path, monkeypatch):
    two = tmp_path / "two.yaml"
    two.write_text(PROJECT.read_text(encoding="utf-8") + "---\nfoo: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["draft", str(two), "-o", str(tmp_path / "r.docx"), "-q"])
    assert result.exit_code == 2 and "第二个 YAML 文档" in result.output
    at = tmp_path / "at.yaml"  # a value opening with @ or a backquote: YAML refuses it, the message says what to do
    at.write_text(PROJECT.read_text(encoding="utf-8").replace("\n  region: ", "\n  region: @", 1), encoding="utf-8")
    result = runner.invoke(app, ["draft", str(at), "-o", str(tmp_path / "r.docx"), "-q"])
    assert result.exit_code == 2 and "值不能以“@”开头" in result.output and "token" not in result.output
    config = tmp_path / "llm.yaml"
    config.write_text("model: gpt-4o-mini\ntimeout: [1, 2\n", encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    result = runner.invoke(app, ["draft", str(PROJECT), "-o", str(tmp_path / "r.docx"), "--backend", "openai",
                                 "--config", str(config), "-q"])  # fmt: skip
    assert result.exit_code == 2 and "LLM 配置文件" in result.output and "方括号或花括号没有闭合" in result.output
    assert "expected" not in result.output


def test_a_level2_of_a_thousand_level3_indicators_drafts_with_merged_cells(tmp_path: Path):
    """python-docx's merge recursed once per row (RecursionError past ~1,000 rows); the writer sets vMerge itself."""
    from drafter.docx_writer import write_docx
    from drafter.render import render_report
    from project_file import load_project

    evaluation = load_project(PROJECT)
    level2 = evaluation.indicators[0].children[0]
    leaf = level2.children[0]
    level2.children = [leaf.model_copy(update={"code": None, "name": f"{leaf.name}{n}", "weight": leaf.weight / 1100,
                                               "score": leaf.score / 1100}) for n in range(1100)]  # fmt: skip
    path = tmp_path / "wide.docx"
    write_docx(render_report(evaluation), path)
    document = read_document(path)
    filled, once = next((f, o) for f, o in (t.grids() for t in document.tables)
                        if sum(level2.label in row for row in f) >= 1100)  # fmt: skip
    assert sum(level2.label in row for row in once) == 1  # one merged cell, read in each of its rows


def test_a_project_file_or_a_spreadsheet_given_as_the_report_says_how_to_pass_it(tmp_path: Path):
    project = tmp_path / "项目.yaml"
    project.write_text((ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(project)])
    assert result.exit_code == 2 and "项目数据文件，不是报告" in result.output and "--data 项目.yaml" in result.output
    sheet = tmp_path / "评分表.xlsx"
    runner.invoke(app, ["template", str(sheet)])
    result = runner.invoke(app, ["check", str(sheet)])
    assert result.exit_code == 2 and "Excel 表格，不是报告" in result.output and "--scores 评分表.xlsx" in result.output
