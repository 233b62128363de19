"""The Word/Excel workflow commands end to end through the CLI: template, --scores, extract."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from cli import app
from project_file import load_project
from score_sheet import load_with_scores, read_score_sheet, write_score_sheet
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
LIZE = ROOT / "fixtures" / "fengtai_2023_lize_renovation.yaml"


def test_template_then_refuses_to_overwrite(tmp_path: Path):
    sheet = tmp_path / "评分表.xlsx"
    assert runner.invoke(app, ["template", str(sheet)]).exit_code == 0
    before = sheet.read_bytes()
    result = runner.invoke(app, ["template", str(sheet)])
    assert result.exit_code == 2 and sheet.read_bytes() == before and "--overwrite" in result.output
    for option in ("--overwrite", "--force"):  # the option draft and regen use; --force as before
        assert runner.invoke(app, ["template", str(sheet), "--data", str(LIZE), option]).exit_code == 0
        assert sheet.read_bytes() != before
        sheet.write_bytes(before)


def test_extract_refuses_to_overwrite_unless_told(tmp_path: Path):
    project = tmp_path / "p.yaml"
    project.write_text("旧内容", encoding="utf-8")
    seed = str(SEEDS / "002_4ad189d6376584c5.txt")
    refused = runner.invoke(app, ["extract", seed, "-o", str(project)])
    assert refused.exit_code == 2 and "--overwrite" in refused.output and project.read_text(encoding="utf-8") == "旧内容"
    assert runner.invoke(app, ["extract", seed, "-o", str(project), "--overwrite"]).exit_code in (0, 1)
    assert project.read_text(encoding="utf-8") != "旧内容"


def test_template_from_a_project_file_drafts_the_same_report(tmp_path: Path):
    sheet = tmp_path / "评分表.xlsx"
    result = runner.invoke(app, ["template", str(sheet), "--data", str(LIZE)])
    assert result.exit_code == 0, result.output
    assert read_score_sheet(sheet) and load_with_scores(LIZE, sheet).total == load_project(LIZE).total
    assert runner.invoke(app, ["template", str(LIZE.with_suffix(".yaml")), "--data", str(LIZE)]).exit_code == 2


def test_draft_and_check_with_an_excel_score_sheet(tmp_path: Path):
    sheet = tmp_path / "scores.xlsx"
    write_score_sheet(load_project(LIZE), sheet)
    out = tmp_path / "r.docx"
    assert runner.invoke(app, ["draft", str(LIZE), "--scores", str(sheet), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["check", str(out), "--data", str(LIZE), "--scores", str(sheet)])
    assert result.exit_code == 0 and "未发现问题" in result.output


def test_extract_seed_002_then_draft_it_clean(tmp_path: Path):
    project = tmp_path / "p.yaml"
    result = runner.invoke(app, ["extract", str(SEEDS / "002_4ad189d6376584c5.txt"), "-o", str(project)])
    assert result.exit_code == 0, result.output
    evaluation = load_project(project)
    assert str(evaluation.total) == "88.5" and evaluation.grade == "良"
    out = tmp_path / "r.docx"
    # extract reads no 资金管理情况: the 上城 style would print a placeholder there, so it is filled in first
    text = project.read_text(encoding="utf-8").replace("\n  spent:", "\n  management: 项目资金实行专账核算。\n  spent:", 1)
    project.write_text(text, encoding="utf-8")
    # last year's text carries its slips along ("固定电话11l 台"): the checker stops the draft and says where
    refused = runner.invoke(app, ["draft", str(project), "-o", str(out), "-q"])
    assert refused.exit_code == 1 and "FG901" in refused.output and not out.exists()
    project.write_text(project.read_text(encoding="utf-8").replace("11l 台", "11台"), encoding="utf-8")
    assert runner.invoke(app, ["draft", str(project), "-o", str(out), "-q"]).exit_code == 0
    assert runner.invoke(app, ["check", str(out), "--data", str(project)]).exit_code == 0


def test_update_baseline_needs_a_baseline_file():
    result = runner.invoke(app, ["check", str(SEEDS / "001_0236d07c5160386a.txt"), "--update-baseline"])
    assert result.exit_code == 2 and "--baseline" in result.output


def test_regen_through_the_cli(tmp_path: Path):
    fixture = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
    draft = tmp_path / "r.docx"
    assert runner.invoke(app, ["draft", str(fixture), "-o", str(draft), "-q"]).exit_code == 0
    listing = runner.invoke(app, ["regen", str(draft), "--list"])
    assert listing.exit_code == 0 and "四（二）" in listing.output
    out = tmp_path / "r2.docx"
    result = runner.invoke(app, ["regen", str(draft), "--data", str(fixture), "--section", "四（二）", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["check", str(out), "--data", str(fixture)]).exit_code == 0
    missing = runner.invoke(app, ["regen", str(draft), "--data", str(fixture), "--section", "九", "-o", str(tmp_path / "r3.docx")])
    assert missing.exit_code == 2 and "四（二）" in missing.output
    again = ["regen", str(draft), "--data", str(fixture), "--section", "四（二）", "-o", str(out), "-q"]
    refused = runner.invoke(app, again)
    assert refused.exit_code == 2 and "已存在" in refused.output and "--overwrite" in refused.output
    assert runner.invoke(app, [*again, "--overwrite"]).exit_code == 0


def test_draft_never_replaces_an_existing_report_unless_told(tmp_path: Path):
    fixture = ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"
    report = tmp_path / "r.md"
    report.write_text("在 Word 中改过的报告", encoding="utf-8")
    refused = runner.invoke(app, ["draft", str(fixture), "-o", str(report), "-q"])
    assert refused.exit_code == 2 and "已存在" in refused.output and "--overwrite" in refused.output
    assert report.read_text(encoding="utf-8") == "在 Word 中改过的报告"
    assert runner.invoke(app, ["draft", str(fixture), "-o", str(report), "-q", "--overwrite"]).exit_code == 0
    assert "绩效评价结果反馈书" in report.read_text(encoding="utf-8")
    folder = runner.invoke(app, ["draft", str(fixture), "-o", str(tmp_path), "-q"])
    assert folder.exit_code == 2 and "文件夹" in folder.output and "Traceback" not in folder.output


def test_check_refuses_unknown_rules_and_scores_without_data():
    seed = str(SEEDS / "002_4ad189d6376584c5.txt")
    unknown = runner.invoke(app, ["check", seed, "--select", "SC102, XX9"])
    assert unknown.exit_code == 2 and "XX9" in unknown.output
    lower = runner.invoke(app, ["check", seed, "--select", "sc102"])
    assert lower.exit_code == 1 and "SC102" in lower.output
    assert runner.invoke(app, ["check", seed, "--scores", "s.xlsx"]).exit_code == 2


def test_annotating_many_files_never_overwrites_an_input(tmp_path: Path):
    import docx

    draft = tmp_path / "a.docx"
    assert runner.invoke(app, ["draft", str(LIZE), "-o", str(draft), "-q"]).exit_code == 0
    other = tmp_path / "a.批注.docx"
    edited = docx.Document()
    edited.add_paragraph("审核人手工修改的绩效评价报告稿")
    edited.save(str(other))
    before = other.read_bytes()
    result = runner.invoke(app, ["check", str(draft), str(other), "--annotate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert other.read_bytes() == before


def test_output_format_must_match_the_suffix_and_regen_needs_docx(tmp_path: Path):
    result = runner.invoke(app, ["draft", str(LIZE), "--format", "md", "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2 and "不一致" in result.output and not (tmp_path / "r.docx").exists()
    md = tmp_path / "r.md"
    assert runner.invoke(app, ["draft", str(LIZE), "-o", str(md), "-q"]).exit_code == 0
    refused = runner.invoke(app, ["regen", str(md), "--list"])
    assert refused.exit_code == 2 and "只能重写 Word" in refused.output


def test_markdown_paragraphs_that_look_like_markup_stay_paragraphs(tmp_path: Path):
    source = LIZE.read_text(encoding="utf-8")
    first = source.index("background:\n  - ") + len("background:\n  - ")
    project = tmp_path / "p.yaml"
    project.write_text(source[:first] + "'# 井号开头的一段背景。'\n  - " + source[first:], encoding="utf-8")
    out = tmp_path / "r.md"
    assert runner.invoke(app, ["draft", str(project), "-o", str(out), "-q"]).exit_code == 0
    from checkers.readers import read_document

    paragraph = next(p for p in read_document(out).paragraphs if "井号" in p.text)
    assert paragraph.text == "# 井号开头的一段背景。" and not paragraph.is_heading


def test_usage_errors_and_help_are_in_chinese():
    missing = runner.invoke(app, ["draft", str(LIZE)])
    assert missing.exit_code == 2 and "缺少必填的选项 '-o' / '--output'" in missing.output and "Missing" not in missing.output
    unknown = runner.invoke(app, ["check", "--bogus", "x"])
    assert unknown.exit_code == 2 and "没有选项 --bogus" in unknown.output and "No such option" not in unknown.output
    number = runner.invoke(app, ["extract", "x.docx", "-o", "y.yaml", "--report", "abc"])
    assert number.exit_code == 2 and "'--report' 的值无效：应为整数" in number.output
    command = runner.invoke(app, ["frobnicate"])
    assert command.exit_code == 2 and "没有命令“frobnicate”" in command.output
    near = runner.invoke(app, ["drat"])
    assert near.exit_code == 2 and "没有命令“drat”，是否想用“draft”？" in near.output and "Did you mean" not in near.output
    help_text = runner.invoke(app, ["draft", "--help"]).output
    assert "选项" in help_text and "[必填]" in help_text and "[required]" not in help_text
    assert "显示本帮助并退出" in help_text and "Show this message" not in help_text
    assert "用法：" in help_text and "Usage:" not in help_text
    argument = runner.invoke(app, ["check"])
    assert argument.exit_code == 2 and "缺少必填的参数 “报告”" in argument.output


def test_help_at_80_columns_folds_chinese_text_instead_of_cutting_it():
    for name in ("draft", "check", "regen", "template", "extract"):
        text = runner.invoke(app, [name, "--help"], env={"COLUMNS": "80"}).output
        assert "…" not in text.replace("<路径…>", ""), name  # Rich cut a spaceless Chinese sentence with “…”
        assert "<bool>" not in text and "<path>" not in text and "OPTIONS" not in text, name
    check_help = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "80"}).output
    joined = re.sub(r"[\s│]+", "", check_help)  # (the folded lines put back together)
    assert "以免丢掉在副本上的修改" in joined and "{报告}..." in check_help


def test_a_pdf_output_and_a_baseline_over_an_unreadable_file_are_refused_plainly(tmp_path: Path):
    pdf = runner.invoke(app, ["draft", str(LIZE), "-o", str(tmp_path / "a.pdf")])
    assert pdf.exit_code == 2 and "a.docx 或 a.md" in pdf.output and "另存为” PDF" in pdf.output
    assert not (tmp_path / "a.pdf").exists()
    baseline = tmp_path / "基线.json"
    result = runner.invoke(app, ["check", str(tmp_path / "没有这个文件.docx"), "--baseline", str(baseline), "--update-baseline"])
    assert result.exit_code == 2 and "未更新基线" in result.output and not baseline.exists()


def test_draft_progress_names_the_parts_in_chinese(tmp_path: Path):
    result = runner.invoke(app, ["draft", str(ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"), "-o",
                                 str(tmp_path / "r.docx")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "[1] 已起草 结果反馈书" in result.output and "已起草 feedback" not in result.output


def test_regen_lists_the_findings_inside_the_section_apart_from_the_rest(tmp_path: Path):
    seed = ROOT / "fixtures" / "seeds" / "docx" / "000_35d0328808c89d23.docx"
    result = runner.invoke(app, ["regen", str(seed), "--data", str(ROOT / "fixtures" / "shangcheng_2020_smart_security.yaml"),
                                 "--section", "四", "-o", str(tmp_path / "r.docx")])  # fmt: skip
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    # the redrafted section is clean; the 得分概况表 that names 效益 “效果” (the data and the text say 效益) is outside it
    assert not any(line.startswith("重写章节内") for line in lines)
    rest = next(i for i, line in enumerate(lines) if line.startswith("其余部分 4 处问题"))
    listed = [line for line in lines[rest + 1 :] if line.startswith("  ")]
    assert len(listed) == 4 and "NM601 表4" in listed[0] and any("DT1003" in line for line in listed)


def test_an_output_open_in_an_office_program_is_not_replaced(tmp_path: Path):
    """A report open in LibreOffice (“.~lock.r.docx#”) or Word (“~$r.docx”) is not written over, even with --overwrite:
    its unsaved edits would be lost or saved back over the new file."""
    out = tmp_path / "r.docx"
    out.write_bytes(b"the editor's copy")
    for lock in (".~lock.r.docx#", "~$r.docx"):
        (tmp_path / lock).write_text("x", encoding="utf-8")
        result = runner.invoke(app, ["draft", str(LIZE), "-o", str(out), "--overwrite"])
        assert result.exit_code == 2 and "正在 Word/WPS/LibreOffice 中打开" in result.output and lock in result.output
        assert out.read_bytes() == b"the editor's copy"
        (tmp_path / lock).unlink()
    assert runner.invoke(app, ["draft", str(LIZE), "-o", str(out), "--overwrite"]).exit_code == 0


def test_regen_says_the_findings_inside_the_section_first():
    from checkers.document import Location
    from checkers.finding import Finding, Severity
    from drafter.regen import _say_findings

    inside = Finding("SC101", Severity.ERROR, "正文与评分表不符", Location("四（二）过程管理情况", 80))
    outside = Finding("TT203", Severity.ERROR, "总分不一致", Location("一、评价结论", 5))
    said: list[str] = []
    _say_findings(said.append, [outside, inside], [inside])
    assert said[0].startswith("重写章节内 1 处问题；其中的错误多是与其他章节的旧数据不一致") and "SC101" in said[1]
    assert said[2].startswith("其余部分 1 处问题") and "TT203" in said[3] and len(said) == 4


def test_check_with_a_score_sheet_says_the_indicators_come_from_it(tmp_path: Path):
    sheet = tmp_path / "评分表.xlsx"
    write_score_sheet(load_project(LIZE), sheet)
    report = tmp_path / "r.docx"
    assert runner.invoke(app, ["draft", str(LIZE), "-o", str(report)]).exit_code == 0
    result = runner.invoke(app, ["check", str(report), "--data", str(LIZE), "--scores", str(sheet)])
    assert result.exit_code == 0 and "取自评分表“评分表.xlsx”" in result.stdout
