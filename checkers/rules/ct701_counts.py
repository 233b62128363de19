"""所述个数与所列不符：“共设置3个二级指标”与该部分评分表的二级指标个数不同，或“A、B、C三个方面”列举数与所写个数不同。

（1）“共设置N个二级指标/三级指标”与紧随其后的本部分评分表中不同二级指标（或三级指标行）的个数比较；
（2）“从决策、过程、产出、效益四个方面”一类写法：顿号列举的项数与紧随其后的个数比较
（最后一项中的“和/及/与”可能连接两项，也可能是一项的一部分：两种数法都不符时才报告）。
"""

from __future__ import annotations

import re
from decimal import Decimal

from checkers.analysis import COUNT_CHILDREN_RE, Analysis
from checkers.figures import chinese_value, sentence_at
from checkers.finding import Severity
from checkers.rules.base import Rule

FAILING = """\
## （四）项目效益情况

效益指标总分27分，得分24分。共设置2个二级指标。各分项指标得分和绩效分析如下：

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| D1社会效益 | D11数据接入率 | 9 | 8 |
| D2项目可持续影响 | D21长效机制健全性 | 9 | 8 |
| D3满意度 | D31服务对象满意度 | 9 | 8 |
| 合计 | | 27 | 24 |
"""

PASSING = FAILING.replace("共设置2个二级指标", "共设置3个二级指标")

# “从决策、过程、产出、效益四个方面”, “存在目标不够细化、执行率偏低、支付不及时三个方面的问题”
_ITEM = r"[\u4e00-\u9fffA-Za-z0-9]{1,20}(?:[（(][^（）()]{0,30}[）)])?"  # “5G网络覆盖优化”, “决策（含立项、目标）”
ENUMERATION_RE = re.compile(
    rf"(?P<items>{_ITEM}(?:、{_ITEM}){{1,9}})(?P<etc>等)?(?P<n>[一二三四五六七八九十两\d]+)(?:个|项|类)"
    r"(?:方面|部分|内容)"
)


COUNTED_WORD = re.compile(r"[个项类](?:方面|部分|内容)")
OUTER_COMMA = re.compile(r"、(?![^（(]*[）)])")  # a 、 outside brackets
LIST_LEAD = re.compile(r"^.*?(?:从|包括|涵盖|围绕|存在|涉及|分为|即)")
LAST_JOIN = re.compile(r"以及|和|及|与")


def _number(text: str) -> Decimal | None:
    """A count as written: 3, 三, 两; None for characters that are no number (一二)."""
    return Decimal(text) if text.isdigit() else chinese_value(text)


# “共设置2个二级指标，下设5个三级指标”, “……、5个三级指标”: the count that follows the first
FOLLOWING_COUNT = re.compile(r"\s*[，,、和及]\s*(?:下设|下含|包含|含|共)?\s*(?P<n>\d+|[一二三四五六七八九十两]+)\s*个(?P<level>三级)指标")


def _counts(text: str):
    """Every “共设置N个二级/三级指标” of a text and the count right after it."""
    for m in COUNT_CHILDREN_RE.finditer(text):
        yield m
        following = FOLLOWING_COUNT.match(text, m.end())
        if following is not None and m.group("level") == "二级":
            yield following


def check(a: Analysis, rule: Rule):
    for paragraph in a.body_paragraphs:
        for m in _counts(paragraph.text) if "共设置" in paragraph.text else ():
            table = a.next_score_table(paragraph)
            if table is None or not table.label_cols:
                continue
            if all(r.labels and r.labels[0] in a.top_level_names for r in table.body):
                continue  # the 一级 overview table: it lists no 二级 or 三级 indicators
            stated = _number(m.group("n"))
            if stated is None:
                continue
            rows = list(a.rows_by_first_label(table))  # a table split across pages (续表) is counted whole
            if m.group("level") == "二级":
                actual = len({name for row, name in rows if name and row.labels})
            else:
                actual = sum(1 for row, _ in rows if row.weight is not None)
            if Decimal(actual) != stated:
                yield rule.finding(
                    f"写“{m.group(0).strip('，,、和及 ')}”，但本部分评分表列有{actual}个",
                    paragraph.location, sentence_at(paragraph.text, m.start()), expected=str(actual),
                    found=m.group("n"),
                )  # fmt: skip
        listing = "、" in paragraph.text and COUNTED_WORD.search(paragraph.text)  # (the list pattern is slow to try)
        for m in ENUMERATION_RE.finditer(paragraph.text) if listing else ():
            listed = OUTER_COMMA.split(m.group("items"))
            listed[0] = LIST_LEAD.sub("", listed[0])  # “主要存在目标不够细化” lists “目标不够细化”
            etc = bool(m.group("etc")) or listed[-1].endswith("等")
            listed[-1] = listed[-1].removesuffix("等")
            split = [*listed[:-1], *LAST_JOIN.split(listed[-1], maxsplit=1)]  # “产出和效益”: 和 may join two items
            items = split if len(split) > len(listed) and all(len(item) >= 2 for item in split) else listed
            stated = _number(m.group("n"))
            if stated is None or etc and len(items) < stated:
                continue  # “A、B等三个方面”: the list is not complete
            if Decimal(len(items)) != stated and Decimal(len(listed)) != stated:  # (“运行与维护” may be one item)
                yield rule.finding(
                    f"列举了{len(items)}项（{'、'.join(items)}），却写“{m.group('n')}个”",
                    paragraph.location, sentence_at(paragraph.text, m.start()), expected=str(len(items)),
                    found=m.group("n"), severity=Severity.WARNING,
                )  # fmt: skip


RULE = Rule("CT701", "counts", Severity.ERROR, check, __doc__, FAILING, PASSING)
