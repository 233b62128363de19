"""数据中的指标未在报告中出现（需 --data）：项目数据里的某个三级指标，报告正文和表格都没有提到。

按编码（无编码时按名称）在全部段落和表格单元格中查找。
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
    texts = [p.text for p in a.paragraphs] + [text for _, _, _, text in a.cells()]
    corpus = "\n".join(texts)
    for leaf in a.data.leaves():
        if (leaf.code and leaf.code in corpus) or leaf.name in corpus:
            continue
        yield rule.finding(
            f"项目数据中的指标“{leaf.label}”（权重{leaf.total_weight}分，得分{leaf.total_score}分）在报告中没有出现",
            Location(), leaf.label, expected=leaf.label, found="（未出现）",
        )  # fmt: skip


RULE = Rule("DT1001", "indicator-coverage", Severity.WARNING, check, __doc__, FAILING, PASSING, data=MINI_DATA,
            needs_data=True)  # fmt: skip
