"""docs/rules.md, generated from the rules' docstrings (never edited by hand)."""

from __future__ import annotations

from checkers.rules import all_rules


def render_rules_doc() -> str:
    lines = [
        "# 核查规则",
        "",
        "本文件由 `evalreport rules -o docs/rules.md` 从规则代码生成，请勿手工修改。",
        "各规则的反例只是报告中的一段，存为 .md 后用 `python cli.py check 反例.md --force` 即可看到该规则的报告"
        "（没有“绩效”“评价”等字样的片段缺省不核查）。",
        "",
        "| 编号 | 名称 | 级别 | 说明 |",
        "|---|---|---|---|",
    ]
    for rule in all_rules():
        data = "（需 --data）" if rule.needs_data and "--data" not in rule.title else ""
        lines.append(f"| {rule.id} | `{rule.name}` | {rule.severity_text} | {rule.title}{data} |")
    for rule in all_rules():
        lines += ["", f"## {rule.id} {rule.name}", "", f"级别：{rule.severity_text}" + ("；需要 `--data`" if rule.needs_data else ""), ""]
        lines += [line.strip() for line in rule.doc.strip().splitlines()]
        lines += ["", "反例（会报告）：", "", "```markdown", rule.failing.rstrip(), "```", "", "正例（不报告）：", "",
                  "```markdown", rule.passing.rstrip(), "```"]  # fmt: skip
    return "\n".join(lines) + "\n"
