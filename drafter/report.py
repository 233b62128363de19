"""The drafted report before it is written: sections holding headings, paragraphs and tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """A body paragraph; `role` tells writers how to lay it out (body, title, subtitle, cover, right, center).

    A paragraph with a prose `slot` (e.g. ``evidence:B14运转程序规范性``) is `before` + slot text + `after`:
    the fixed text around the slot comes from the data, only the slot text may be rewritten by a model.
    """

    text: str
    role: str = "body"
    bold: bool = False
    slot: str | None = None
    before: str = ""
    after: str = ""

    @property
    def slot_text(self) -> str:
        """The rewritable part of the paragraph (the whole text when it has no fixed parts)."""
        end = len(self.text) - len(self.after)
        return self.text[len(self.before) : end]

    def with_prose(self, prose: str) -> Paragraph:
        """A copy whose slot text is replaced; the fixed text around it is kept."""
        return Paragraph(self.before + prose + self.after, self.role, self.bold, self.slot, self.before, self.after)


SLOT_MARK = "\x00SLOT\x00"


def slotted(text: str, marked: str, slot: str, role: str = "body", bold: bool = False) -> Paragraph:
    """A paragraph whose slot is where `marked` (the same template filled with SLOT_MARK) holds the mark.

    Falls back to a plain paragraph when the mark is not found exactly once or the parts do not add up.
    """
    parts = marked.split(SLOT_MARK)
    if len(parts) == 2 and text.startswith(parts[0]) and text.endswith(parts[1]) and \
            len(text) >= len(parts[0]) + len(parts[1]):  # fmt: skip
        return Paragraph(text, role, bold, slot, parts[0], parts[1])
    return Paragraph(text, role, bold)


@dataclass
class Table:
    """A table: the first `header_rows` rows are headers; None in a cell means merged with the cell above."""

    rows: list[list[str | None]]
    caption: str | None = None
    header_rows: int = 1
    unit_note: str | None = None
    merged_left: list[tuple[int, int]] = field(default_factory=list)
    min_heights: dict[int, float] = field(default_factory=dict)
    to_fill_in: bool = False  # a form its reader fills in (整改报告书): its empty fields are meant to be empty


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
    label: str = ""  # the style's Chinese name of an unnumbered part (结果反馈书, 封面)
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
    page_numbers_from: str | None = None  # the top-level section whose first page is page 1 (none before it)
    # fields the data left empty where the style prints “（待补充）” for the user to fill in: (field, where it is printed:
    # “2.项目资金情况”, “结果反馈书”的“主要绩效情况”栏)
    unfilled: list[tuple[str, str]] = field(default_factory=list)
    # sections left out as the data had nothing for them: (title, the empty fields that would have filled them)
    omitted: list[tuple[str, list[str]]] = field(default_factory=list)

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
