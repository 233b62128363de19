"""标题编号有误：同级编号重复、跳号、不从第一项开始，或同级混用不同编号样式（“4.”与“4、”、“（二）”与“(二)”）。

按标题编号的层级（一、 （一） 1. （1））逐级核对：同一上级之下的同级标题应从 1 开始连续编号，样式一致；
附件（“附件1：……”一行之后）重新编号。写成一段正文的编号项（“1.资金使用合规性。……得4分。”“（三）绩效指标完成情况分析。”）也占它的编号，其下各项重新编号。一个标题的编号接着上一级标题的顺序、只是样式不同（“（一）……（2）……（三）”），
只报告这一个标题（应为“（二）”），其后的同级标题不再报跳号。一个标题编号写错而下一个同级标题接着正确的顺序（“（二）（四）（四）”“五、五、七、”），也只报告写错的这一个。从 PDF 转出的文字（折行已接回），以及表格被存成每格一行的文字（LibreOffice 另存为纯文本）不核对：表格的各格成了一行行编号文字，
无从分辨哪些是标题。
"""

from __future__ import annotations

import re

import cn2an

from checkers.analysis import Analysis
from checkers.document import Paragraph, division_heading, match_number, tables_in_lines
from checkers.finding import Severity
from checkers.rules.base import Rule
from checkers.segments import is_appendix_line

FAILING = """\
## 一、基本情况

## （一）项目概况

## （三）项目绩效目标
"""

PASSING = FAILING.replace("（三）", "（二）")


_NOT_NUMERAL = re.compile(r"[^\d一二三四五六七八九十百零〇]")
_NUMERAL_OR_SPACE = re.compile(r"[\d一二三四五六七八九十百零〇\s]")


def _number_index(number: str) -> int | None:
    digits = _NOT_NUMERAL.sub("", number)
    if not digits:
        return None
    if digits.isdigit():
        return int(digits)
    try:
        return int(cn2an.cn2an(digits, "smart"))
    except (ValueError, KeyError):
        return None


def _shape(number: str) -> str:
    """The numbering style without the number: （一）→（）, 1.→., 4、→、."""
    return _NUMERAL_OR_SPACE.sub("", number)


# “第二部分 …”, “第三章 …”: a division above 一、; its level in the checks below (a part holds chapters)
_DIVISION_LEVELS = {"篇": -1, "部分": -1, "章": 0}


def _division(paragraph: Paragraph) -> tuple[int, str] | None:
    """``(level, number)`` of a part or chapter heading (“第二部分 评价结果反馈”), else None."""
    m = division_heading(paragraph)
    return (_DIVISION_LEVELS[m.group(1)], m.group(0)) if m else None


def _token(level: int, index: int, shape: str) -> str:
    numeral = str(index) if level in (3, 4) else cn2an.an2cn(index, "low")
    if shape.startswith("第"):
        return "第" + numeral + shape[1:]  # 第部分 → 第三部分
    if len(shape) == 2:
        return shape[0] + numeral + shape[1]
    return numeral + shape


def _width_only(a: str, b: str) -> bool:
    """Shapes differing only in half- vs full-width parentheses."""
    table = str.maketrans("()", "（）")
    return a.translate(table) == b.translate(table)


def check(a: Analysis, rule: Rule):
    if getattr(a.document, "unwrapped", False) or tables_in_lines(a.document):
        return  # text out of a PDF, or tables saved one cell a line: table cells became numbered lines (see the docstring)
    last: dict[int, tuple] = {}  # level → (index, shape, paragraph, number) of the last sibling under the current parent
    runs_on: dict[int, int] = {}  # level → its last index before the current part or chapter (numbering may run on)
    indexes: dict[str, int | None] = {}
    half_width: set[int] = set()  # the headings already said to use half-width brackets

    def _index(number: str) -> int | None:  # memoised per document: cn2an is slow and numbers repeat
        try:
            return indexes[number]
        except KeyError:
            value = indexes[number] = _number_index(number)
            return value

    numbered = [(p, p.heading_level, _index(p.number)) for p in a.paragraphs
                if p.heading_level is not None and p.number and _division(p) is None]  # fmt: skip
    after = {id(p): k for k, (p, _, _) in enumerate(numbered)}

    def _next_at_or_above(heading: Paragraph, level: int) -> tuple[int, int | None] | None:
        """(level, index) of the next numbered heading at ``level`` or above, None when there is none."""
        return next(((lv, ix) for _, lv, ix in numbered[after[id(heading)] + 1 :] if lv <= level), None)

    for heading in a.paragraphs:
        if is_appendix_line(heading.text):
            last.clear()  # an appendix numbers its parts afresh
            runs_on.clear()
            continue
        division = _division(heading)
        if division is None and not heading.is_heading and heading.number and not heading.number.startswith("第"):
            # a long numbered item (a list paragraph) still takes its place in the numbering
            match = match_number(heading.text)
            if match and match[0] in last and _index(heading.number) == last[match[0]][0] + 1 \
                    and last[match[0]][1] == _shape(heading.number):  # fmt: skip  # (a “（二）” item is no “二、” heading's sibling)
                last[match[0]] = (last[match[0]][0] + 1, _shape(heading.number), heading, heading.number)
            elif match and match[0] not in last and _index(heading.number) == 1 and any(lv < match[0] for lv in last):
                last[match[0]] = (1, _shape(heading.number), heading, heading.number)  # (“1.资金使用合规性。……” runs in)
            else:
                continue
            for deeper in [lv for lv in last if lv > match[0]]:  # (its own items number afresh: “（三）……分析。” then
                del last[deeper]  # “1.产出指标……”)
            continue
        level, number = division or (heading.heading_level, heading.number)
        if level is None:
            continue
        for deeper in [lv for lv in last if lv > level]:
            if division is not None:
                runs_on[deeper] = last[deeper][0]
            del last[deeper]  # (an unnumbered heading also starts its parts afresh)
        for deeper in [lv for lv in runs_on if lv > level] if division is None else ():
            del runs_on[deeper]
        if not number:
            continue
        index, shape = _index(number), _shape(number)
        if index is None:
            continue
        previous = last.get(level)
        excerpt = heading.text
        out_of_turn = index != 1 if previous is None else index != previous[0] + 1
        stray = _stray_sibling(last, level, index, number) if out_of_turn and division is None else None
        following = _next_at_or_above(heading, stray) if stray is not None else None
        if stray is not None and (following is None or following[0] < stray or following == (stray, index + 1)):
            # “（一）……（2）……（三）”: the “（2）” is the second of its upper siblings, in another numbering's shape
            upper_shape, upper_number = last[stray][1], last[stray][3]
            written = _token(stray, index, upper_shape)
            yield rule.finding(
                f"标题编号“{number.strip()}”的样式与同级的“{upper_number.strip()}”不同，按顺序应为“{written}”",
                heading.location, excerpt, expected=written, found=number.strip(),
            )  # fmt: skip
            last[stray] = (index, upper_shape, heading, written)
            continue
        if out_of_turn and division is None and _written_run_in(a.paragraphs, heading, level, previous, shape, index):
            last[level] = (index, shape, heading, number)  # (“……监控报告1一、项目支出基本情况”: the 一、 is there, mid-line)
            runs_on.pop(level, None)
            continue
        if previous is None:
            # (a part may run on from the last one's numbering; a report's first part is not checked: a file of
            # several reports is split where 一、 restarts, which may leave 第一部分 with the text before it)
            if index != 1 and index != runs_on.get(level, -1) + 1 and division is None:
                yield rule.finding(
                    f"标题编号“{number.strip()}”不是本级第一项，应从“{_token(level, 1, shape)}”开始（或层级用错）",
                    heading.location, excerpt, expected=_token(level, 1, shape), found=number.strip(),
                )  # fmt: skip
        else:
            before, before_shape, before_heading, before_number = previous
            if index == before:
                yield rule.finding(f"标题编号“{number.strip()}”与上一同级标题重复", heading.location, excerpt,
                                   expected=_token(level, before + 1, shape), found=number.strip())  # fmt: skip
            elif index != before + 1:
                yield rule.finding(
                    f"标题编号跳号：上一同级标题为第{before}项，此处为“{number.strip()}”",
                    heading.location, excerpt, expected=_token(level, before + 1, shape), found=number.strip(),
                )  # fmt: skip
            if shape != before_shape and _width_only(shape, before_shape):  # the half-width one is the odd one out
                half, full, where = (number, before_number, heading) if "(" in shape else (before_number, number, before_heading)
                if id(where) not in half_width:  # (“（一）(二)（三）”: the “(二)” once, not against each neighbour)
                    half_width.add(id(where))
                    yield rule.finding(
                        f"标题编号“{half.strip()}”用半角括号，同级的“{full.strip()}”用全角括号；公文宜统一用全角括号",
                        where.location, where.text, expected=half.strip().replace("(", "（").replace(")", "）"),
                        found=half.strip(), severity=Severity.INFO,
                    )  # fmt: skip
            elif shape != before_shape:
                yield rule.finding(
                    f"同级标题编号样式不一致：前为“{_token(level, before, before_shape)}”，此处为“{number.strip()}”",
                    heading.location, excerpt, expected=_token(level, index, before_shape), found=number.strip(),
                )  # fmt: skip
        if out_of_turn and division is None and _next_at_or_above(heading, level) == (level, (previous or (0,))[0] + 2):
            index = (previous or (0,))[0] + 1  # “（二）（四）（四）”: the next sibling shows this one is the slip
        last[level] = (index, shape, heading, number)
        runs_on.pop(level, None)


def _written_run_in(paragraphs: list[Paragraph], heading: Paragraph, level: int, previous: tuple | None, shape: str,
                    index: int) -> bool:  # fmt: skip
    """Whether the numbers missing before ``heading`` are all written inside the text since its previous sibling (or
    its parent): web pages and PDF copies run headings into the line before (“……监控报告1一、项目支出基本情况”,
    “附件:1.浙江省……”, “……完成率100%。 三、项目绩效情况 (一)项目完成情况。”)."""
    first = previous[0] + 1 if previous is not None else 1
    if first >= index:
        return False  # (a number written twice is no run-in)
    end = next(k for k, p in enumerate(paragraphs) if p is heading)
    start = next((k for k in range(end - 1, -1, -1) if paragraphs[k] is (previous[2] if previous else None)
                  or (previous is None and paragraphs[k].heading_level is not None and paragraphs[k].heading_level < level)),
                 -1)  # fmt: skip
    text = "\n".join(p.text for p in paragraphs[max(start, 0) : end])  # (the sibling's own line may run on: “1.…… 2.……”)
    return all(_token_pattern(level, k, shape).search(text) for k in range(first, index))


def _token_pattern(level: int, index: int, shape: str) -> re.Pattern[str]:
    """A numbering token as it may be written mid-line (“2.” not inside “12.5”; brackets of either width)."""
    written = _token(level, index, shape)
    token = re.escape(written).replace("（", "[（(]").replace("）", "[）)]").replace(r"\(", "[（(]").replace(r"\)", "[）)]")
    return re.compile(rf"(?<![\d.]){token}(?!\d)" if written[:1].isdigit() else token)


def _stray_sibling(last: dict[int, tuple], level: int, index: int, number: str) -> int | None:
    """The shallower level whose last heading this one would follow (its index one more) though written in another
    style (“（2）” after “（一）”, “4、” after “三、”), None when there is none; of several, the one whose brackets or
    mark it shares, else the nearest."""
    upper = [lv for lv in last if 1 <= lv < level and last[lv][0] == index - 1]  # (not a 第N章 above 一、)
    alike = [lv for lv in upper if last[lv][1] == _shape(number)]
    return max(alike or upper) if upper else None


RULE = Rule("HD801", "heading-numbering", Severity.WARNING, check, __doc__, FAILING, PASSING,
            other_severities=((Severity.INFO, "同级编号只是半角、全角括号不同"),))
