"""The words of an audit or an ex-ante assessment (事前绩效评估): the amount submitted (送审, 申报), the amount approved
(审定, 审计, 建议安排), the amount cut (核减, 审减), and an itemised cut that is one part of the cut."""

from __future__ import annotations

import re

# each role's words as they stand right before the amount; “申报预算860万元” is submitted, “建议安排预算742.5万元”
# approved: they end where the budget's own word does, and come before it in a list of roles
CUT = re.compile(r"核减|审减")
SUBMITTED = re.compile(r"送审(?:金额|预算|资金|价|数)?|申报(?:金额|预算|资金|数)?")
APPROVED = re.compile(r"审定|审计金额|审计|建议金额|核定金额|建议(?:安排|保留)?(?:预算|资金|金额)"
                      r"|建议(?:项目)?(?:预算|资金)(?:安排|保留)")  # (“评估组建议项目资金安排2,574.30万元”)
# “核减申报数量不实的6台电梯补助120.00万元”: a cut of one item (the verb, then what is cut), not the cut in all
ITEMISED_CUT = re.compile(r"(?:^|[，,；;：:])\s*(?:经评估|经审核|经审计|经评审)?\s*(?:核减|审减|调减)(?!金额|资金|总额|额|率|后|至|为)"
                          r"[^，,；;：:]{3,}$")  # fmt: skip


def itemised_cut(clause: str) -> bool:
    """The clause before an amount cuts one named item (“核减……补助120万元”), not the whole (“核减金额117.5万元”)."""
    return bool(ITEMISED_CUT.search(clause))


ROLE_WINDOW = 40  # a role's words stand right before its amount: a clause's last 40 characters hold them


def audit_role(subject: str) -> str | None:
    """submitted, approved or cut by the words named last before an amount; None when none is named, or the amount
    is an itemised cut. Only the subject's last ROLE_WINDOW characters are read, so a long list before each of its
    amounts costs no more than a short one."""
    if len(subject) > ROLE_WINDOW:
        subject = "…" + subject[-ROLE_WINDOW:]  # (“…”: the clause does not begin there, so no itemised cut begins there)
    if itemised_cut(subject):
        return None
    best, best_end = None, -1
    for role, pattern in (("cut", CUT), ("submitted", SUBMITTED), ("approved", APPROVED)):
        for match in pattern.finditer(subject):
            if match.end() > best_end:
                best, best_end = role, match.end()
    return best
