"""Write a DraftReport as Markdown: # headings, pipe tables, merged cells repeated as empty."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.atomic import atomic_write_text
from drafter.report import DraftReport, PageBreak, Paragraph, Section, Table

_MARKDOWN_START = re.compile(r"^(#|>|[-*+]\s|\d+[.)]\s|\|)")


def _paragraph(text: str) -> str:
    """A paragraph that Markdown will not read as a heading, quote, list or table; line breaks kept."""
    text = text.replace("\n", "<br>")
    return "\\" + text if _MARKDOWN_START.match(text) else text


def _escape(text: str) -> str:
    return text.replace("|", "｜").replace("\n", "<br>")


def _table(block: Table) -> list[str]:
    out: list[str] = []
    if block.caption:
        out += [f"**{block.caption}**", ""]
    if block.unit_note:
        out += [block.unit_note, ""]
    width = max(len(r) for r in block.rows)
    rows = [[_escape(c or "") for c in r] + [""] * (width - len(r)) for r in block.rows]
    for r, c in block.merged_left:
        rows[r][c] = ""
    header = rows[0] if block.header_rows else [""] * width
    body = rows[1:] if block.header_rows else rows
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * width)
    out += ["| " + " | ".join(r) + " |" for r in body]
    out.append("")
    return out


def _section(section: Section) -> list[str]:
    out: list[str] = []
    if section.heading:
        out += ["#" * (min(section.level, 5) + 1) + " " + section.heading, ""]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            text = f"**{block.text}**" if block.role in ("title", "cover_title") else _paragraph(block.text)
            out += [text, ""]
        elif isinstance(block, Table):
            out += _table(block)
        elif isinstance(block, PageBreak):
            out += ["---", ""]
    for child in section.children:
        out += _section(child)
    return out


def to_markdown(report: DraftReport) -> str:
    lines: list[str] = []
    for section in report.sections:
        lines += _section(section)
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(report: DraftReport, path: Path) -> None:
    atomic_write_text(path, to_markdown(report))
