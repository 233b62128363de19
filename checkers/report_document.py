"""A drafted report (drafter.report.DraftReport) as a checker Document, in memory, without writing Word."""

from __future__ import annotations

from checkers.document import Document, DocumentBuilder, RawCell
from drafter.report import DraftReport, PageBreak, Paragraph, Section, Table


def _raw_rows(table: Table) -> list[list[RawCell]]:
    merged_left = set(table.merged_left)
    rows: list[list[RawCell]] = []
    for r, row in enumerate(table.rows):
        cells: list[RawCell] = []
        for c, value in enumerate(row):
            if (r, c) in merged_left:
                if cells:
                    cells[-1].span += 1
                continue
            cells.append(RawCell(text=value or "", col=c + 1, merged_from_above=value is None))
        rows.append(cells)
    return rows


def _add_section(builder: DocumentBuilder, section: Section) -> None:
    if section.heading:
        builder.add_paragraph(section.heading, style_level=min(section.level, 4))
    for block in section.blocks:
        if isinstance(block, Paragraph):
            for line in block.text.split("\n"):
                builder.add_paragraph(line)
        elif isinstance(block, Table):
            if block.caption:
                builder.add_paragraph(block.caption)
            if block.unit_note:
                builder.add_paragraph(block.unit_note)
            builder.add_table(_raw_rows(block))
        elif isinstance(block, PageBreak):
            continue
    for child in section.children:
        _add_section(builder, child)


def document_from_report(report: DraftReport | Section, path: str = "<草稿>") -> Document:
    """Convert a whole drafted report, or one section of it, to the checker's document model."""
    builder = DocumentBuilder(path)
    sections = report.sections if isinstance(report, DraftReport) else [report]
    for section in sections:
        _add_section(builder, section)
    return builder.build()
