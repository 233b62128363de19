"""Split a file holding several reports (a compilation like a district's annual set) into one document each.

A new report starts where level-1 numbering restarts at 一、; its title lines and opening paragraph before that
heading belong to it, back to the previous table (usually the last report's appendix table) or heading. An appendix
(“附件1：评分表”) whose parts are numbered from 一、 again stays with its report unless a new report title follows it.
"""

from __future__ import annotations

import re

from checkers.document import Document, Paragraph, Table, division_heading

APPENDIX = re.compile(r"^\s*(?:附件|附录)\s*[0-9一二三四五六七八九十]*\s*(?:[：:、.．]|$)")  # not 附表: a caption




def is_appendix_line(text: str) -> bool:
    """“附件1：绩效评价指标评分表”, “附表2”: the line that opens an appendix."""
    return len(text) <= 60 and bool(APPENDIX.match(text))


def _restarts(document: Document) -> list[int]:
    """Where level-1 numbering restarts at 一、 for a new report (not for an appendix: “附件1” before it, no new title)."""
    starts: list[int] = []
    seen_level1 = False
    appendix = False  # an appendix line since the last level-1 heading, and no report title after it
    division = False  # a “第二部分”/“第二章” heading since the last level-1 heading: the 一、 under it restarts in the report
    for index, block in enumerate(document.blocks):
        if not isinstance(block, Paragraph):
            continue
        if division_heading(block) is not None:
            titled = any(_is_title(b) for b in document.blocks[max(0, index - 3) : index] if isinstance(b, Paragraph))
            if block.text.startswith("第一") and seen_level1 and not appendix and titled:  # (not a 目录's 第一部分)
                starts.append(index)  # a compilation of reports each in parts: a title and 第一部分 open the next one
            division = True
        elif block.heading_level == 1 and block.number:  # a title styled as a heading (“# 某…报告”) is not a part
            if block.number.startswith("一") and seen_level1 and not appendix and not division:
                starts.append(index)
            seen_level1, appendix, division = True, False, False
        elif _is_title(block):  # “附件1：甲项目绩效评价报告” opens a report of its own
            appendix = False
        elif is_appendix_line(block.text):
            appendix = True
    return starts


def split_reports(document: Document) -> list[Document]:
    """One Document per report in the file (the whole document when it holds one)."""
    boundaries: list[int] = []
    for start in _restarts(document):
        cut = start
        while cut > 0:
            previous = document.blocks[cut - 1]
            if isinstance(previous, Table) or (isinstance(previous, Paragraph) and previous.is_heading and previous.number):
                break
            cut -= 1
        title = next((i for i in range(start - 1, max(cut, start - 8) - 1, -1) if _is_title(document.blocks[i])), None)
        if title is not None and title > cut and _title_head(document.blocks[title - 1]):
            title -= 1  # a title on two lines: “北京市…监管建设体系服务项目” / “（二期）绩效评价报告”
        boundaries.append(title if title is not None else cut)  # the new report starts at its own title line
    if not boundaries:
        return [document]
    parts: list[Document] = []
    edges = [0, *boundaries, len(document.blocks)]
    for begin, end in zip(edges, edges[1:], strict=False):
        if end > begin:
            parts.append(Document(document.path, document.blocks[begin:end]))
    return parts


TITLE_WORDS = re.compile(r"报告|绩效评价结果(?!反馈|通知|应用)")


def _is_title(block) -> bool:
    """A report's title line: short, no full stop, “…报告” (or “…绩效评价结果”)."""
    return (isinstance(block, Paragraph) and len(block.text) <= 60 and "。" not in block.text
            and bool(TITLE_WORDS.search(block.text)))  # fmt: skip


def _title_head(block) -> bool:
    """The first line of a title broken in two: short, no full stop, naming a project (“…服务项目”)."""
    return (isinstance(block, Paragraph) and not block.is_heading and len(block.text) <= 40 and "。" not in block.text
            and block.text.rstrip().endswith(("项目", "工程")))  # fmt: skip


def title_span(document: Document) -> tuple[int, int] | None:
    """The blocks [start, end) of the report's title among the opening ones: a short line holding “报告”, with the
    line before it when the title is broken in two; None when the opening lines hold none."""
    blocks = document.blocks[:12]
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            break
        if _is_title(block):
            return (index - 1 if index and _title_head(blocks[index - 1]) else index), index + 1
    return None


def report_title(document: Document) -> str:
    """The report's title as its opening lines give it, else ""."""
    span = title_span(document)
    return "".join(block.text.strip() for block in document.blocks[span[0] : span[1]]) if span else ""
