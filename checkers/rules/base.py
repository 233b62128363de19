"""What a rule is: a stable id, a severity, a Chinese docstring for docs/rules.md, a failing and a passing example."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checkers.analysis import Analysis
from checkers.document import Location
from checkers.finding import Finding, Severity


@dataclass
class Rule:
    """A checker rule. `failing` must produce at least one finding of this rule, `passing` none.

    Examples are Markdown reports; `data` (a YAML project, optional) is passed as --data to both.
    """

    id: str
    name: str
    severity: Severity
    check: Callable[[Analysis, Rule], Iterable[Finding]]
    doc: str
    failing: str
    passing: str
    data: str | None = None
    needs_data: bool = False
    other_severities: tuple[tuple[Severity, str], ...] = ()  # (severity, when) of findings not of ``severity``

    def finding(
        self,
        message: str,
        location: Location,
        excerpt: str,
        expected: object = None,
        found: object = None,
        severity: Severity | None = None,
    ) -> Finding:
        if severity is not None and severity is not self.severity and all(severity is not s for s, _ in self.other_severities):
            raise ValueError(f"{self.id}: severity {severity} is not declared in other_severities")
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message,
            location=location,
            excerpt=excerpt,
            expected=None if expected is None else str(expected),
            found=None if found is None else str(found),
        )

    @property
    def severity_text(self) -> str:
        """The severity for docs/rules.md, with the cases that report another one (“错误；……时为警告”)."""
        return "；".join([self.severity.label, *(f"{when}时为{severity.label}" for severity, when in self.other_severities)])

    @property
    def title(self) -> str:
        """First line of the docstring."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


MINI_DATA = """\
project: {name: 示例项目, year: 2024, region: 示例区, unit: 示例单位, department: 示例部门, organizer: 示例财政局,
  evaluator: 示例评价机构, period: 2025年1月, report_date: 2025年2月1日}
background: [示例背景。]
goals: {overall: 总目标。, annual: 年度目标。}
funding: {unit: 万元, budget: 100, received: 100, spent: 90}
indicators:
  - code: A
    name: 决策
    children:
      - code: A1
        name: 项目立项
        children:
          - {code: A11, name: 立项依据充分性, weight: 50, score: 50, evidence: 立项依据充分。}
  - code: B
    name: 过程
    children:
      - code: B1
        name: 组织实施
        children:
          - {code: B14, name: 运转程序规范性, weight: 50, score: 40, evidence: 程序基本规范。}
"""
