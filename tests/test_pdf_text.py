"""Text taken out of a PDF (pdftotext, plain or -layout): paragraphs joined again across the page's width and its
pages, the spaces pdftotext puts in taken out, headings, table rows and running headers kept apart."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from checkers.engine import check_document
from checkers.readers import read_document

WIDTH = 54  # the page's width in display columns: 27 ideographs a line


def columns(text: str) -> int:
    """Display columns: two for a wide character, one for ASCII."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" or c in "“”" else 1 for c in text)


def wrap(paragraph: str, width: int = WIDTH, indent: int = 0) -> list[str]:
    """A paragraph broken into lines of the page's width, as a PDF sets it: a figure is never broken, and the first
    line is set in by ``indent`` columns, which pdftotext leaves out."""
    lines, line = [], ""
    for token in re.findall(r"[\d.,%]+|.", paragraph):
        if columns(line + token) > width - (indent if not lines else 0):
            lines.append(line)
            line = ""
        line += token
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


SPENDING = ["本项目年初预算金额为 500.00 万元，全年实际支出金额为", "480.00 万 元 ， 本 项 目 全 年 预 算 执 行 率 为", "{0}%。"]


def test_a_justified_line_spaced_out_by_pdftotext_is_read_closed_up(tmp_path):
    """A line set wider before an unbreakable figure comes out as “全 年 预 算 执 行 率 为”: the spaces between
    ideographs and around figures are taken out, so the rate is known for one and checked."""
    lines = [line for paragraph in PROSE for line in wrap(paragraph)]
    document = read(tmp_path, "\n".join(lines + SPENDING).format("69.00") + "\n")
    assert document.paragraphs[-1].text == "本项目年初预算金额为500.00万元，全年实际支出金额为480.00万元，本项目全年预算执行率为69.00%。"
    assert [f.rule for f in check_document(document)] == ["RT301"]
    assert check_document(read(tmp_path, "\n".join(lines + SPENDING).format("96.00") + "\n")) == []


def test_a_date_broken_between_two_lines_is_one_date_again(tmp_path):
    """“截至 2024 年 12” and “月 31 日” are one date; two numbers side by side (“2020 2021”) and English words keep
    the space between them."""
    paragraph = ("批复该项目年初预算金额2632.49万元。截至2024年12月31日，项目单位已累计向中标公司支付合同款2626.68万元，"
                 "2020 2021两个年度的资金均纳入PPP project管理，由中标公司按照合同约定使用。")  # fmt: skip
    first = "批复该项目年初预算金额 2632.49 万元。截至 2024 年 12"  # (the line runs to the page's width, spaces and all)
    rest = [spaced(line) for line in wrap(paragraph[len(re.sub(" ", "", first)) :])]
    lines = [line for p in PROSE for line in wrap(p)] + [first] + rest
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert document.paragraphs[-1].text == paragraph


def test_spaces_between_ideographs_stay_in_text_that_is_no_pdf_text(tmp_path):
    """Only PDF text is closed up: Word's text export keeps what the report wrote (“评 价 结 论”)."""
    lines = PROSE + ["评 价 结 论", "截至 2024 年 12 月 31 日，项目已完成全部建设任务。"]
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert not document.unwrapped and [p.text for p in document.paragraphs][-2:] == lines[-2:]


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.is_heading]


SECURITY = ("杭州市公安局上城区分局深入推进“平安上城”建设，成立工作专班，在方案制定、机制建立、日常督导等方面持续发力，"
            "全区小区治安状况明显好转。")  # fmt: skip


def test_nothing_runs_on_into_a_numbered_heading_holding_a_comma(tmp_path):
    """“（二）建设智慧安防小区，提升治安管理水平” is a heading though it holds a comma: the paragraph after it is not
    joined to it, and the section keeps its heading."""
    heading = "（二）建设智慧安防小区，提升治安管理水平"
    lines = [line for p in PROSE for line in wrap(p)] + [heading] + wrap(SECURITY)
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert heading in headings(document) and texts(document)[-1] == SECURITY


def test_a_long_heading_is_not_joined_to_the_indented_first_line_after_it(tmp_path):
    """A heading nearly as wide as the page (“（一）建立完善的项目管理制度，规范项目管理与监督”) is followed by a
    paragraph whose first line is set in by two ideographs: the two are not joined."""
    heading = "（一）建立完善的项目管理制度，规范项目管理与监督"
    assert 0.85 * WIDTH < columns(heading) < WIDTH - 4
    paragraphs = [line for p in PROSE for line in wrap(p, indent=4)] + [heading] + wrap(SECURITY, indent=4)
    document = read(tmp_path, "\n".join(paragraphs) + "\n")
    assert heading in headings(document) and texts(document)[-1] == SECURITY


def test_a_numbered_paragraph_and_a_wrapped_heading_still_run_on(tmp_path):
    """A numbered paragraph whose first line (set in) holds no full stop runs on into its next line; a heading too long
    for one line runs on into its second line."""
    numbered = "1.施工期间所有流转环节包含但不限于指示、指令、通知、报告、请示、工程变更等均应以书面形式提交并留存记录。"
    heading = "（二）绩效评价原则、评价指标体系、评价方法、评价标准"
    lines = [line for p in PROSE + [numbered] for line in wrap(p, indent=4)] + wrap(heading, indent=4) + wrap(SECURITY)
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert numbered in texts(document) and heading in headings(document)


LAYOUT_TABLE = """\
              表1 绩效评价得分概况
              指标        权重    分值     得分率
A.决策                   20      16      80%
B.过程                   30      26.8    89.33%
合计                     100     86.8    86.8%

     四、绩效评价指标分析

     （一）项目决策情况
"""


def test_layout_table_rows_are_not_joined_to_each_other_or_to_the_heading_after_them(tmp_path):
    """pdftotext -layout keeps a table's cells apart by runs of spaces: its rows are lines of their own, and the
    heading after the table is a heading."""
    lines = [line for p in PROSE for line in wrap(p)]
    document = read(tmp_path, "\n".join(lines) + "\n" + LAYOUT_TABLE + "\n".join(wrap(SECURITY)) + "\n")
    assert document.unwrapped and "四、绩效评价指标分析" in headings(document)
    assert [t for t in texts(document) if t.startswith(("A.", "B.", "合计"))] == ["A.决策201680%", "B.过程3026.889.33%",
                                                                                "合计10086.886.8%"]


TITLE = "2020 年度某区智慧安防小区建设项目绩效评价报告"


def paginate(lines: list[str], per_page: int, footer: str) -> str:
    """Lines set on pages as pdftotext gives them: the running title on top of every page, a page number (“{n} / {m}”
    and the like) at its foot, a form feed between pages."""
    pages = [lines[start : start + per_page] for start in range(0, len(lines), per_page)]
    return "\f".join(f"{TITLE}\n\n" + "\n".join(page) + "\n\n" + footer.format(n=n, m=len(pages)) + "\n\n"
                     for n, page in enumerate(pages, 1))  # fmt: skip


def report_lines(rate: str) -> list[str]:
    """A report's lines (21: five pages of five lines break the spending paragraph before its “预算执行率”)."""
    spending = (f"本项目年初预算金额为500.00万元，全年实际到位资金500.00万元，全年实际支出金额为480.00万元，"
                f"资金到位率为100%，预算执行率为{rate}%。")  # fmt: skip
    return [spaced(line) for p in PROSE + [SECURITY, spending] for line in wrap(p)]


def test_a_running_title_and_page_numbers_are_dropped_and_the_paragraph_joined_across_the_page(tmp_path):
    """A published PDF repeats the report's title on top of every page and numbers it at the foot (“2 / 4”): both are
    dropped, and the paragraph broken by the page is one again, so its rate is checked."""
    lines = report_lines("69.00")
    assert lines[19].endswith("，") and lines[20].startswith("预算执行率")
    document = read(tmp_path, paginate(lines, 5, "{n} / {m}"))
    assert not [t for t in texts(document)[1:] if "绩效评价报告" in t or "/" in t]
    assert headings(document) == [p for p in PROSE if "、" in p[:2]]  # (a paragraph ending a page ends there)
    assert texts(document)[-1].startswith("本项目年初预算金额为500.00万元") and texts(document)[-1].endswith("69.00%。")
    assert [f.rule for f in check_document(document)] == ["RT301"]


def test_page_numbers_of_every_shape_are_dropped(tmp_path):
    """“第2页/共4页”, “- 2 -”, “Page 2”, “Page 2 of 4” and “2/4” are page numbers."""
    for footer in ("第{n}页/共{m}页", "- {n} -", "Page {n}", "Page {n} of {m}", "{n}/{m}"):
        document = read(tmp_path, paginate(report_lines("96.00"), 5, footer))
        assert not [t for t in texts(document) if re.search(r"\d/\d|Page|页|^-", t)], footer


def test_the_title_on_top_of_one_page_only_stays(tmp_path):
    """A line at the top of one page, or text with no form feeds between its pages, loses nothing; nor does the title on
    top of the first page."""
    lines = report_lines("96.00")
    text = paginate(lines, 5, "{n} / {m}")
    document = read(tmp_path, text)
    assert texts(document)[0] == re.sub(r"\s", "", TITLE)
    once = text.replace(f"\f{TITLE}\n", "\f\n").replace("\f", f"\f{TITLE}\n", 1)
    assert sum(1 for t in texts(read(tmp_path, once)) if "绩效评价报告" in t) == 2


def test_the_lines_of_a_broken_up_table_are_not_counted_as_paragraphs(tmp_path):
    """pdftotext gives a table's cells a line each: a paragraph after the table is numbered under its heading as the
    report numbers it (“标题下第2段”), not after every cell; the table's caption is a paragraph as in the report."""
    cells = ["表1 决策指标得分情况", "二级指标", "三级指标", "A1项目立项", "A11立项依据充分性", "5分", "A12立项程序规范性", "3分"]
    lines = [line for p in PROSE for line in wrap(p)] + ["（一）项目决策情况", "决策指标总分8分，得分8分。"] + cells + wrap(
        "A11立项依据充分性，权重5分，得分5分。项目立项依据充分，符合法律法规、相关政策、发展规划以及部门职责。")  # fmt: skip
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert document.unwrapped
    assert document.paragraphs[-1].location.describe().endswith("（一）项目决策情况，标题下第3段（第26行）")


def test_every_paragraph_of_text_that_is_no_pdf_text_is_counted(tmp_path):
    """Outside PDF text every paragraph counts, short or not (Word's export writes a paragraph a line)."""
    lines = PROSE + ["（一）项目决策情况", "决策指标总分8分，得分8分。", "表1 决策指标得分情况", "二级指标", "A1项目立项",
                     "A11立项依据充分性，权重5分，得分5分。"]  # fmt: skip
    document = read(tmp_path, "\n".join(lines) + "\n")
    assert not document.unwrapped and document.paragraphs[-1].location.describe().endswith("标题下第5段（第12行）")
