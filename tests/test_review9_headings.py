"""Review 9: headings whose titles open with digits, and 第N部分/第N章 above 一、 (HD801)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from checkers.analysis import Analysis
from checkers.document import classify_paragraph, match_number
from checkers.readers import read_document
from checkers.rules.hd801_heading_numbering import RULE, _token
from checkers.segments import split_reports
from tests.test_wordings import findings

DIGIT_TITLES = "某项目绩效评价报告\n\n一、项目概况\n\n二、付费情况\n\n三、2023年度绩效评价结果\n\n四、问题及建议\n"


def _hd801(tmp_path: Path, text: str, name: str = "r.md") -> list[tuple[str, str | None, str | None]]:
    """HD801's (message, expected, found) on a report, the file checked as one report."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(f.message, f.expected, f.found) for f in RULE.check(Analysis(read_document(path)), RULE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三、2023年度绩效评价结果", (1, "三、")),
        ("二、12345热线办理情况", (1, "二、")),
        ("三、5G基站建设情况", (1, "三、")),
        ("1.2023年完成情况", (3, "1.")),
        ("2、2024年工作计划", (3, "2、")),
        ("1.2023年完成投资500万元，占计划的95%。", (None, "1.")),  # a numbered sentence, no heading
        ("2.5万元", (None, None)),  # a decimal
        ("1.2023亿元", (None, None)),
        ("1、2月份完成情况", (None, None)),  # two months
        ("一、二级指标得分情况", (None, None)),  # two levels
    ],
)
def test_a_title_may_open_with_digits(text: str, expected: tuple) -> None:
    assert classify_paragraph(text) == expected
    assert (match_number(text) or (None, None))[1] == expected[1]


@pytest.mark.parametrize("name", ["r.txt", "r.md"])
def test_headings_opening_with_digits_keep_the_numbering(tmp_path: Path, name: str) -> None:
    assert "HD801" not in findings(tmp_path, DIGIT_TITLES, name)
    path = tmp_path / name
    assert [(p.heading_level, p.number) for p in read_document(path).headings] == [
        (1, "一、"), (1, "二、"), (1, "三、"), (1, "四、")]  # fmt: skip
    mixed = ("某项目绩效评价报告\n\n一、项目概况\n\n二、12345热线办理情况\n\n三、5G基站建设情况\n\n（一）建设情况\n\n"
             "1.2023年完成情况\n\n1.2023年完成投资500万元，占计划的95%。\n\n2.2024年计划\n\n四、问题及建议\n")  # fmt: skip
    assert "HD801" not in findings(tmp_path, mixed, name)
    gap = DIGIT_TITLES.replace("三、2023年度绩效评价结果", "四、2023年度绩效评价结果").replace("四、问题", "五、问题")
    [finding] = findings(tmp_path, gap, name)["HD801"]
    assert (finding.expected, finding.found) == ("三、", "四、")


def test_a_numbered_line_opening_with_a_year_ends_the_paragraph_above_it_in_markdown(tmp_path: Path) -> None:
    text = "# 一、项目概况\n\n## （一）完成情况\n\n本年度完成情况如下：\n1.2023年完成情况\n\n正文。\n\n2.2024年计划\n"
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    assert [(p.text, p.heading_level) for p in read_document(path).paragraphs][2:4] == [
        ("本年度完成情况如下：", None), ("1.2023年完成情况", 3)]  # fmt: skip


def test_docx_headings_opening_with_digits(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("某项目绩效评价报告")
    for number, title in (("一、", "项目概况"), ("二、", "付费情况"), ("三、", "2023年度绩效评价结果"), ("四、", "问题及建议")):
        word.add_heading(number + title, level=1)
        word.add_paragraph("正文。")
    word.add_paragraph("五、2024年工作计划")  # a plain paragraph numbered by hand
    path = tmp_path / "r.docx"
    word.save(str(path))
    doc = read_document(path)
    assert [(p.heading_level, p.number) for p in doc.headings] == [
        (1, "一、"), (1, "二、"), (1, "三、"), (1, "四、"), (1, "五、")]  # fmt: skip
    assert not [f for f in RULE.check(Analysis(doc), RULE)]


PARTS = """\
某县项目绩效评价报告

第一部分 绩效评价报告

一、基本情况
项目预算100万元，已全部到位。
二、评价结论
本项目评价等级为“良”。

第二部分 评价结果反馈

一、评价结果
评价结果将作为下年度预算安排的参考。
二、整改要求
请于60日内报送整改情况。
"""


@pytest.mark.parametrize("name", ["r.txt", "r.md"])
def test_一_restarts_under_each_part(tmp_path: Path, name: str) -> None:
    assert "HD801" not in findings(tmp_path, PARTS, name)
    assert _hd801(tmp_path, PARTS, name) == []
    chapters = PARTS.replace("部分", "章")
    assert "HD801" not in findings(tmp_path, chapters, name)
    assert _hd801(tmp_path, chapters, name) == []
    runs_on = PARTS.replace("一、评价结果", "三、评价结果").replace("二、整改要求", "四、整改要求")
    assert _hd801(tmp_path, runs_on, name) == []  # a part may also run on from the last one's numbering


@pytest.mark.parametrize("name", ["r.txt", "r.md"])
def test_faults_in_parts_are_still_found(tmp_path: Path, name: str) -> None:
    twice = PARTS.replace("第二部分", "第一部分")
    assert _hd801(tmp_path, twice, name) == [("标题编号“第一部分”与上一同级标题重复", "第二部分", "第一部分")]
    gap = PARTS.replace("第二部分", "第三部分")
    assert _hd801(tmp_path, gap, name) == [("标题编号跳号：上一同级标题为第1项，此处为“第三部分”", "第二部分", "第三部分")]
    chapter_gap = PARTS.replace("第一部分", "第一章").replace("第二部分", "第三章")
    assert [f[1:] for f in _hd801(tmp_path, chapter_gap, name)] == [("第二章", "第三章")]
    skipped = PARTS.replace("二、整改要求", "三、整改要求")
    assert _hd801(tmp_path, skipped, name) == [("标题编号跳号：上一同级标题为第1项，此处为“三、”", "二、", "三、")]
    assert [(f.expected, f.found) for f in findings(tmp_path, skipped, name)["HD801"]] == [("二、", "三、")]
    first = PARTS.replace("一、基本情况", "二、基本情况").replace("二、评价结论", "三、评价结论")
    assert [f[1:] for f in _hd801(tmp_path, first, name)] == [("一、", "二、")]  # the first part's 一、 is 一、


def test_faults_between_parts_are_found_in_the_whole_check(tmp_path: Path) -> None:
    twice = PARTS.replace("第二部分", "第一部分")
    assert [(f.expected, f.found) for f in findings(tmp_path, twice, "r.txt").get("HD801", [])] == [("第二部分", "第一部分")]


def test_an_expected_part_number_is_written_as_one() -> None:
    assert _token(-1, 3, "第部分") == "第三部分"
    assert _token(0, 2, "第章") == "第二章"
    assert _token(1, 3, "、") == "三、"
    assert _token(2, 2, "（）") == "（二）"
    assert _token(3, 4, ".") == "4."


def test_a_compilation_of_reports_each_in_parts_is_split_at_each_title(tmp_path: Path) -> None:
    text = ("甲项目绩效评价报告\n\n第一部分 绩效评价报告\n\n一、基本情况\n\n甲项目预算100万元。\n\n二、评价结论\n\n甲项目综合评价得分88分。\n\n"
            "第二部分 评价结果反馈\n\n一、评价结果\n\n甲项目综合评价得分88分。\n\n"
            "乙项目绩效评价报告\n\n第一部分 绩效评价报告\n\n一、基本情况\n\n乙项目预算200万元。\n\n二、评价结论\n\n乙项目综合评价得分76分。\n")  # fmt: skip
    path = tmp_path / "compilation.txt"
    path.write_text(text, encoding="utf-8")
    assert [report.blocks[0].text for report in split_reports(read_document(path))] == ["甲项目绩效评价报告", "乙项目绩效评价报告"]


def test_numbered_body_items_in_a_word_chapter_are_no_siblings_of_its_headings(tmp_path: Path) -> None:
    document = docx.Document()
    for text, style in (("第一章 评估内容分析", "Heading 1"), ("一、立项必要性", "Heading 2"), ("（一）政策相关性", "Heading 3"),
                        ("第二章 问题及建议", "Heading 1"), ("一、存在的问题", "Heading 2"), ("（一）投资估算偏高。", None),
                        ("（二）运营方案不完善。", None), ("{}、有关建议", "Heading 2"), ("绩效评价正文。", None)):  # fmt: skip
        document.add_paragraph(text, style=style)
    for second, expected in (("二", []), ("三", [("二、", "三、")])):
        path = tmp_path / f"chapters_{second}.docx"
        document.paragraphs[7].text = f"{second}、有关建议"
        document.save(path)
        found = [f for f in RULE.check(Analysis(read_document(path), None, None, Decimal("0.01")), RULE)]
        assert [(f.expected, f.found) for f in found] == expected
