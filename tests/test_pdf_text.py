"""Text taken out of a PDF (pdftotext, plain or -layout): paragraphs joined again across the page's width and its
pages, the spaces pdftotext puts in taken out, headings, table rows and running headers kept apart."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from checkers.engine import check_document
from checkers.readers import read_document

WIDTH = 40  # the page's width in display columns: 20 ideographs a line


def columns(text: str) -> int:
    """Display columns: two for a wide character, one for ASCII."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" or c in "“”" else 1 for c in text)


def wrap(paragraph: str, width: int = WIDTH) -> list[str]:
    """A paragraph broken into lines of the page's width, as a PDF sets it."""
    lines, line = [], ""
    for char in paragraph:
        if columns(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return lines + [line] if line else lines


def spaced(line: str) -> str:
    """A line as pdftotext gives it: a space between an ideograph and a number (“截至 2024 年”)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=[\d%])(?=[\u4e00-\u9fff])", " ", line)


def pdf_text(paragraphs: list[str], width: int = WIDTH) -> str:
    """A report's paragraphs as pdftotext gives them: each broken at the page's width, numbers spaced apart."""
    return "\n".join(spaced(line) for paragraph in paragraphs for line in wrap(paragraph, width)) + "\n"


def read(tmp_path: Path, text: str):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def texts(document) -> list[str]:
    """The paragraphs' texts, spaces left out."""
    return [re.sub(r"\s", "", p.text) for p in document.paragraphs]


PROSE = [
    "一、项目基本情况",
    "本项目由区公安局组织实施，主要建设智慧安防小区，通过视频监控、门禁管理、车辆识别等手段提升小区治安管理水平，"
    "项目建设内容包括前端感知设备、传输网络和管理平台三个部分，由中标单位负责建设和运维。",
    "二、绩效评价工作开展情况",
    "评价组对项目从项目决策、过程管理、项目产出、项目效益四个方面开展绩效评价，通过查阅资料、现场核查、问卷调查等方式"
    "收集评价证据，形成评价结论，并与项目单位充分沟通评价发现的问题和改进建议。",
    "三、综合评价情况及评价结论",
    "项目单位制定了项目管理办法和资金管理办法，明确了各方职责，项目实施过程中按照合同约定开展建设和验收工作，"
    "建设内容基本完成，运行情况总体良好，居民对小区治安状况的满意程度有所提升，但长效管理机制有待进一步健全。",
]


def test_a_line_made_longer_by_figures_and_pdftotext_spaces_is_still_a_full_line(tmp_path):
    """A line holding a year (“对 2020 年度…”) has more characters than a line of ideographs, but not more width: it
    is joined to the next, so the list “项目决策、过程管理、项目产出、项目效益” is not cut at “项｜目产出”."""
    listing = ("评价组对2020年度智慧安防小区建设项目从项目决策、过程管理、项目产出、项目效益四个方面开展绩效评价，"
               "通过查阅资料、现场核查、问卷调查等方式收集评价证据，形成评价结论。")  # fmt: skip
    document = read(tmp_path, pdf_text(PROSE + [listing]))
    assert document.unwrapped
    assert texts(document)[-1] == listing
    assert not [f for f in check_document(document) if f.rule == "CT701"]


def test_text_rich_in_figures_is_told_for_pdf_text(tmp_path):
    """pdftotext -layout of a report full of figures: many lines with numbers are longer in characters than the lines
    of ideographs, yet the page's width in columns is the same; the text is read as PDF text and joined."""
    figures = [f"截至2024年{n}月{n + 10}日，区财政局根据项目单位用款申请下达预算金额{2632.49 * n:.2f}万元，项目单位已累计"
               f"向中标公司支付合同款{2626.68 * n:.2f}万元，依据合同由中标公司向联合体中的另一家公司另行支付{56.8 * n:.2f}万元。"
               for n in range(1, 3)]  # fmt: skip
    document = read(tmp_path, pdf_text(PROSE + figures))
    assert document.unwrapped
    assert texts(document)[-2:] == figures


def test_whole_line_paragraphs_of_any_length_are_not_joined(tmp_path):
    """Word's text export (a paragraph a line, whatever its length) is not PDF text, figures or no figures."""
    lines = [paragraph for paragraph in PROSE] + [
        f"第{n}批共建设{n * 3}个小区，投入资金{n * 12.5:.2f}万元" + "，完成建设任务" * n + "。" for n in range(1, 9)]
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert not document.unwrapped and texts(document) == [re.sub(r"\s", "", line) for line in lines]


SPENDING = ["项目年初预算金额为 500.00 万元，实际支出金额为", "480.00 万 元 ， 全 年 预 算 执 行 率 为", "{0}%。"]


def test_a_justified_line_spaced_out_by_pdftotext_is_read_closed_up(tmp_path):
    """A line set wider before an unbreakable figure comes out as “全 年 预 算 执 行 率 为”: the spaces between
    ideographs and around figures are taken out, so the rate is known for one and checked."""
    lines = [line for paragraph in PROSE for line in wrap(paragraph)]
    document = read(tmp_path, "\n".join(lines + SPENDING).format("69.00") + "\n")
    assert document.paragraphs[-1].text == "项目年初预算金额为500.00万元，实际支出金额为480.00万元，全年预算执行率为69.00%。"
    assert [f.rule for f in check_document(document)] == ["RT301"]
    assert check_document(read(tmp_path, "\n".join(lines + SPENDING).format("96.00") + "\n")) == []


def test_a_date_broken_between_two_lines_is_one_date_again(tmp_path):
    """“截至 2024 年 12” and “月 31 日” are one date; two numbers side by side (“2020 2021”) and English words keep
    the space between them."""
    paragraph = ("年初预算金额2632.49万元。截至2024年12月31日，项目单位已累计向中标公司支付合同款2626.68万元，"
                 "2020 2021两个年度的资金均纳入PPP project管理，由中标公司按照合同约定使用。")  # fmt: skip
    first = "年初预算金额 2632.49 万元。截至 2024 年 12"  # (the line runs to the page's width, spaces and all)
    rest = [spaced(line) for line in wrap(paragraph[len(re.sub(" ", "", first)) :])]
    lines = [line for p in PROSE for line in wrap(p)] + [first] + rest
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert document.paragraphs[-1].text == paragraph


def test_spaces_between_ideographs_stay_in_text_that_is_no_pdf_text(tmp_path):
    """Only PDF text is closed up: Word's text export keeps what the report wrote (“评 价 结 论”)."""
    lines = PROSE + ["评 价 结 论", "截至 2024 年 12 月 31 日，项目已完成全部建设任务。"]
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert not document.unwrapped and [p.text for p in document.paragraphs][-2:] == lines[-2:]
