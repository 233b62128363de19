"""The drafted report before it is written: sections holding headings, paragraphs and tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """A body paragraph; `role` tells writers how to lay it out (body, title, subtitle, cover, right, center)."""

    text: str
    role: str = "body"
    bold: bool = False


@dataclass
class Table:
    """A table: the first `header_rows` rows are headers; None in a cell means merged with the cell above."""

    rows: list[list[str | None]]
    caption: str | None = None
    header_rows: int = 1
    unit_note: str | None = None
    merged_left: list[tuple[int, int]] = field(default_factory=list)
    min_heights: dict[int, float] = field(default_factory=dict)


@dataclass
class PageBreak:
    """Start the next block on a new page."""


Block = Paragraph | Table | PageBreak


@dataclass
class Section:
    """A numbered part of the report; `number` is its full path like 四（二） and `heading` its printed form."""

    id: str
    title: str
    level: int
    numbered: bool = True
    number: str = ""
    heading: str = ""
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    prose_keys: list[str] = field(default_factory=list)

    def walk(self) -> list[Section]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class DraftReport:
    """A whole report: front matter sections (unnumbered) and the numbered body."""

    title: str
    sections: list[Section]
    style: str

    def walk(self) -> list[Section]:
        return [s for top in self.sections for s in top.walk()]

    def find(self, key: str) -> Section | None:
        """A section by number (四, 四（二）), printed heading, title, or id."""
        wanted = key.replace(" ", "").replace("(", "（").replace(")", "）")
        for section in self.walk():
            candidates = {section.id, section.number, section.title, section.heading.replace(" ", "")}
            if wanted in candidates:
                return section
        return None
