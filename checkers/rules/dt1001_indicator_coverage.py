"""数据中的指标未在报告中出现（需 --data）：项目数据里的某个三级指标，报告正文和表格都没有提到。

有编码的指标，编码须出现在报告的表格中或某一段落（标题）的开头；无编码的指标按名称在表格和段落开头查找。
另一指标的分析文字里顺带提到它不算。
"""

from __future__ import annotations

from checkers.analysis import Analysis
from checkers.document import Location
from checkers.finding import Severity
from checkers.rules.base import MINI_DATA, Rule

PASSING = """\
A11立项依据充分性，权重50分，得分50分。

B14运转程序规范性，权重50分，得分40分。
"""

FAILING = """\
A11立项依据充分性，权重50分，得分50分。
"""


def check(a: Analysis, rule: Rule):
    tables = "\n".join(text for _, _, _, text in a.cells())
    heads = "\n".join(p.text[:40] for p in a.paragraphs)  # an indicator is discussed where a paragraph or heading opens with it
    for leaf in a.data.leaves():
        if leaf.code:
            discussed = leaf.code in tables or any(line.startswith(leaf.code) for line in heads.splitlines())
        else:
            discussed = leaf.name in tables or leaf.name in heads
        if discussed:
            continue
        yield rule.finding(
            f"项目数据中的指标“{leaf.label}”（权重{leaf.total_weight}分，得分{leaf.total_score}分）在报告中没有出现",
            Location(), leaf.label, expected=leaf.label, found="（未出现）",
        )  # fmt: skip


RULE = Rule("DT1001", "indicator-coverage", Severity.WARNING, check, __doc__, FAILING, PASSING, data=MINI_DATA,
            needs_data=True)  # fmt: skip
