"""Run every rule over a document and return findings in document order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from checkers.analysis import Analysis
from checkers.document import Document, squash
from checkers.finding import Finding, Severity
from checkers.rules import all_rules
from checkers.segments import report_title, split_reports

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _position(finding: Finding) -> tuple:
    loc = finding.location
    return (loc.line or 0, loc.paragraph or 0, loc.table or 0, loc.row or 0, loc.col or 0)


@dataclass(frozen=True)
class Plan:
    """The reports a file holds (one, or several in a compilation) and which of them the project data is about."""

    parts: list[Document]
    with_data: set[int]  # numbered from 1


def plan_check(document: Document, data=None) -> Plan:
    """Split a file into its reports and choose the ones the data is compared with (see :func:`reports_for_data`)."""
    parts = split_reports(document)
    return Plan(parts, reports_for_data(parts, data))


def check_document(
    document: Document,
    data=None,
    execution_base: str | None = None,
    tolerance: Decimal | None = None,
    select: set[str] | None = None,
    plan: Plan | None = None,
) -> list[Finding]:
    """All findings of all rules (or the selected rule ids); data rules run only when data is given.

    ``plan`` is :func:`plan_check`'s for this document and data, when the caller has it already.
    """
    findings: list[Finding] = []
    seen: set[tuple] = set()
    plan = plan or plan_check(document, data)
    parts, with_data = plan.parts, plan.with_data
    for number, part in enumerate(parts, 1):
        part_data = data if number in with_data else None
        analysis = Analysis(part, part_data, execution_base, tolerance if tolerance is not None else Decimal("0.01"))
        title = report_title(part) if len(parts) > 1 else ""
        report = (f"第{number}篇《{title}》" if title else f"第{number}篇报告") if len(parts) > 1 else None
        for rule in all_rules():
            if select and rule.id not in select:
                continue
            if rule.needs_data and part_data is None:
                continue
            for finding in rule.check(analysis, rule):
                key = (finding.rule, finding.message, finding.excerpt, finding.location.paragraph, finding.location.table)
                if key not in seen:
                    seen.add(key)
                    if report:
                        finding.location = replace(finding.location, report=report)
                    findings.append(finding)
    return sorted(_without_echoes(findings), key=_position)


def reports_for_data(parts: list[Document], data) -> set[int]:
    """The reports (numbered from 1) the project data is about: all of a single report; in a compilation, the ones
    whose title names the project, else whose opening lines do (none when no report does: one project's data says
    nothing of another's report). Names are compared without spaces or quotes, brackets half-width."""
    if data is None:
        return set()
    if len(parts) == 1:
        return {1}
    names = project_names(data)
    by_title = {n for n, part in enumerate(parts, 1) if any(name in plain_name(report_title(part)) for name in names)}
    if by_title:
        return by_title  # a report citing the project in its opening lines is not about it
    return {n for n, part in enumerate(parts, 1) if opening_names(part, names, 12)}


def project_names(data) -> set[str]:
    """The project's name and short name, compared loosely (see plain_name)."""
    return {plain_name(n) for n in (data.project.name, data.project.short_name) if n}


def opening_names(document: Document, names: set[str], lines: int) -> bool:
    """Whether one of ``names`` occurs in the document's first ``lines`` paragraphs."""
    opening = "".join(plain_name(p.text) for p in document.paragraphs[:lines])
    return any(name in opening for name in names)


BODY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度|底|末|12月31日)")
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?!\s*\d{1,2}\s*月)")  # “2023年度”, not a date “2024年3月”


def other_year(document: Document, data) -> str | None:
    """The year the report's title gives its project when that is not the data's (“2023年度……项目” with data of 2022),
    else None. Only the opening short lines, and short lines naming the report or the project (a cover after the 反馈书)
    are read, and only years that are no date."""
    from checkers.analysis import Analysis

    lines = Analysis(document).title_lines + [p.text for p in document.paragraphs[:80] if len(p.text) <= 60
                                              and not p.is_heading and p.number is None
                                              and (p.text.rstrip().endswith(("报告", "报告书"))
                                                   or p.text.startswith(("评价项目", "项目名称")))]  # fmt: skip
    years = {m.group(1) for line in lines for m in TITLE_YEAR.finditer(line)}
    if not years:  # no year in the title: the years the text gives its figures (“截至2023年底”, “2023年度”)
        text = "".join(p.text for p in document.paragraphs)
        if f"{data.project.year}年" in text:
            return None
        counted = Counter(m.group(1) for m in BODY_YEAR.finditer(text)).most_common(1)
        years = {counted[0][0]} if counted and counted[0][1] >= 2 else set()
    if not years or str(data.project.year) in years:
        return None
    return "、".join(sorted(years))


_NAME_NOISE = str.maketrans({"（": "(", "）": ")", "“": "", "”": "", '"': "", "‘": "", "’": "", "'": "", "《": "", "》": ""})


def plain_name(text: str) -> str:
    """A project name compared loosely: no spaces or quotes, brackets half-width."""
    return squash(text).translate(_NAME_NOISE)


DATA_RULES = ("DT1001", "DT1002", "DT1003", "SC104")  # they say what the project's data gives


def _without_echoes(findings: list[Finding]) -> list[Finding]:
    """One finding per slip: a hint (info) about a figure an error or warning already reports in the same sentence is
    dropped, of several errors on the same figure only the one comparing with the data is kept, and of several asking
    for the same correction of the same figure, the first."""
    by_figure: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.severity is not Severity.INFO and f.found:
            by_figure.setdefault((*_place(f), _figure_of(f.found)), []).append(f)
    repeated = {id(f) for group in by_figure.values() if len({g.rule for g in group}) > 1
                and any(g.rule in DATA_RULES and g.severity is Severity.ERROR for g in group)
                for f in group if f.rule not in DATA_RULES}  # fmt: skip  # (a 尾差 warning on a cell the data says is wrong)
    findings = [f for f in findings if id(f) not in repeated]
    corrections: dict[tuple, str] = {}  # (place, found, expected) of the errors kept → rule: two rules asking for one
    kept = []  # correction (“5271022.96万元” → “元”, from the rate it upsets and from the same amount elsewhere) say it once
    for f in findings:
        key = (*_place(f), _value_of(f.found or ""), _value_of(f.expected or "")) if f.severity is Severity.ERROR and f.found else None
        if key is None or corrections.setdefault(key, f.rule) == f.rule:
            kept.append(f)
    findings = kept
    serious: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.severity is not Severity.INFO:
            serious.setdefault(_place(f), []).append(f)
    return [f for f in findings if f.severity is not Severity.INFO or not f.found
            or not any(_figure_of(f.found) in _figure_of((other.found or "") + other.message)
                       for other in serious.get(_place(f), ()))]  # fmt: skip


def _figure_of(text: str) -> str:
    """A figure compared as digits: “2,945.52万元” is the “2945.52万元” of another message."""
    return text.replace(",", "")


_LEADING_NUMBER = re.compile(r"^(-?\d+(?:\.\d+)?)(.*)$")


def _value_of(text: str) -> str:
    """A figure compared by its value: “5,380.00” is the “5380” of another finding (its unit kept)."""
    m = _LEADING_NUMBER.match(_figure_of(text))
    return f"{Decimal(m.group(1)).normalize():f}{m.group(2)}" if m else text


def _place(finding: Finding) -> tuple:
    loc = finding.location
    return (loc.paragraph, loc.table, loc.row, finding.excerpt)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
