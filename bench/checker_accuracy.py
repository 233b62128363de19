"""Benchmark: inject single slips into clean drafts, seed-derived .docx files and a clean report laid out by hand
(bench/layouts.py); print recall per kind.

Each slip kind edits one paragraph or table cell of a .docx (python-docx), the edited copy is checked,
and the slip counts as found when a finding appears that the unedited document did not have.
Clean drafts are also checked as they are: the target there is no finding at all.

Run: .venv/bin/python bench/checker_accuracy.py
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from bench.layouts import layouts_docx  # noqa: E402
from checkers.engine import check_document  # noqa: E402
from checkers.readers.docx_reader import read_docx  # noqa: E402
from drafter.docx_writer import build_docx  # noqa: E402
from drafter.render import render_report  # noqa: E402
from project_file import load_project  # noqa: E402

STYLES = ("shangcheng", "fengtai", "mof")


def _bump(number: str, delta: str = "1") -> str:
    value = Decimal(number) + Decimal(delta)
    return format(value if value >= 0 else Decimal(number) + 2, "f")


def _set_text(paragraph, text: str) -> None:
    for run in paragraph.runs[1:]:
        run.text = ""
    if paragraph.runs:
        paragraph.runs[0].text = text
    else:
        paragraph.add_run(text)


def paragraph_slip(pattern: str, replace: Callable[[re.Match], str]) -> Callable:
    """A slip that edits the first paragraph matching `pattern`."""
    regex = re.compile(pattern)

    def apply(doc) -> bool:
        for paragraph in doc.paragraphs:
            match = regex.search(paragraph.text)
            if match:
                text = paragraph.text
                _set_text(paragraph, text[: match.start()] + replace(match) + text[match.end() :])
                return True
        return False

    return apply


def table_slip(which: str) -> Callable:
    """Change a 三级 score cell ('cell') or the 合计 score cell ('total') of the first score table."""

    def apply(doc) -> bool:
        for table in doc.tables:
            header = [c.text.strip() for c in table.rows[0].cells]
            score_cols = [i for i, h in enumerate(header) if h in ("得分", "专家评分", "分值") and "权重" in "".join(header)
                          or h in ("得分", "专家评分")]  # fmt: skip
            if not score_cols:
                continue
            col = score_cols[-1]
            rows = list(table.rows)
            target = rows[-1] if which == "total" else rows[1]
            cell = target.cells[col]
            if not re.fullmatch(r"\d+(\.\d+)?", cell.text.strip()):
                continue
            new = _bump(cell.text.strip(), "-1")
            _set_text(cell.paragraphs[0], new)
            return True
        return False

    return apply


def funding_cell_slip(doc) -> bool:
    """Change the first amount of a funding table (not a score table) in a column its 合计 row totals."""
    for table in doc.tables:
        header = " ".join(c.text for c in table.rows[0].cells)
        if "权重" in header or "得分" in header or "分值" in header:
            continue
        totals = [row for row in table.rows if row.cells[0].text.strip() == "合计"]
        if not totals:
            continue
        totalled = [c for c, cell in enumerate(totals[-1].cells) if re.fullmatch(r"[\d.,]+", cell.text.strip())]
        for row in list(table.rows)[1:]:
            for c in totalled:
                cell = row.cells[c]
                if re.fullmatch(r"\d+\.\d+", cell.text.strip()):
                    _set_text(cell.paragraphs[0], _bump(cell.text.strip(), "0.5"))
                    return True
    return False


def split_table_slip(doc) -> bool:
    """Change an amount in the first part of a table split in two (no 合计 in it; the 合计 is in the second part)."""
    tables = doc.tables
    for first, second in zip(tables, tables[1:], strict=False):
        if "合计" in " ".join(c.text for c in first.rows[-1].cells) or second.rows[-1].cells[0].text.strip() != "合计":
            continue
        if [c.text for c in first.rows[0].cells] != [c.text for c in second.rows[0].cells]:
            continue
        cell = first.rows[1].cells[-1]
        if re.fullmatch(r"\d+\.\d+", cell.text.strip()):
            _set_text(cell.paragraphs[0], _bump(cell.text.strip(), "0.5"))
            return True
    return False


def nested_table_slip(doc) -> bool:
    """Change the first amount of a table nested in a cell."""
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for inner in cell.tables:
                    target = inner.rows[1].cells[-1]
                    if re.fullmatch(r"\d+\.\d+", target.text.strip()):
                        _set_text(target.paragraphs[0], _bump(target.text.strip(), "0.5"))
                        return True
    return False


SLIPS: dict[str, Callable] = {
    "indicator score (prose)": paragraph_slip(r"(，权重[\d.]+分，得分)([\d.]+)(分。)", lambda m: m[1] + _bump(m[2], "-1") + m[3]),
    "indicator weight (prose)": paragraph_slip(r"(，权重)([\d.]+)(分，得分)", lambda m: m[1] + _bump(m[2]) + m[3]),
    "deduction": paragraph_slip(r"(扣)([\d.]+)(分，该)", lambda m: m[1] + _bump(m[2]) + m[3]),
    "closing score": paragraph_slip(r"(该(?:项)?指标得)([\d.]+)(分)", lambda m: m[1] + _bump(m[2]) + m[3]),
    "subtotal (prose)": paragraph_slip(r"(指标总分[\d.]+分，得分|其中：[^得]{1,8}得分|指标权重[\d.]+分，得分)([\d.]+)(分)",
                                       lambda m: m[1] + _bump(m[2]) + m[3]),  # fmt: skip
    "total": paragraph_slip(r"(综合评价得分)([\d.]+)(分)", lambda m: m[1] + _bump(m[2]) + m[3]),
    "rate": paragraph_slip(r"(执行率为?)([\d.]+)(%)", lambda m: m[1] + _bump(m[2], "-5") + m[3]),
    "unit (元/万元)": paragraph_slip(r"(支出|实际使用|实际支付)([\d.,]+)(万元|元)",
                                   lambda m: m[1] + m[2] + ("元" if m[3] == "万元" else "万元")),  # fmt: skip
    "indicator name": paragraph_slip(r"^([A-Z]\d{2})([\u4e00-\u9fff]{2,})(性|率)(，权重)", lambda m: m[1] + m[2] + "合规" + m[3] + m[4]),
    "count": paragraph_slip(r"(共设置)(\d+)(个二级指标)", lambda m: m[1] + _bump(m[2]) + m[3]),
    "grade": paragraph_slip(r"(评级为“|评定为“|等级为“)(优|良|中|差)(”)",
                            lambda m: m[1] + {"优": "良", "良": "优", "中": "良", "差": "中"}[m[2]] + m[3]),  # fmt: skip
    "table cell": table_slip("cell"),
    "table total": table_slip("total"),
    "sum in prose": paragraph_slip(r"(合计)(\d+)(平方米)", lambda m: m[1] + _bump(m[2], "10") + m[3]),
    "funding table cell": funding_cell_slip,
    "product in prose": paragraph_slip(r"(\d+\.\d+)(平方米（长)", lambda m: _bump(m[1], "0.3") + m[2]),
    # laid out by hand (bench/layouts.py)
    "rate on the info table": paragraph_slip(r"(项目资金到位率为)(\d+)(%)", lambda m: m[1] + _bump(m[2], "-5") + m[3]),
    "pass or return rate": paragraph_slip(r"(合格率|回收率为)([\d.]+)(%)", lambda m: m[1] + _bump(m[2], "2") + m[3]),
    "parts of a whole": paragraph_slip(r"(其中合格)(\d+)(个)", lambda m: m[1] + _bump(m[2]) + m[3]),
    "level-1 experts' score": paragraph_slip(r"(专家评分)(\d+)(分)", lambda m: m[1] + _bump(m[2], "0.5") + m[3]),
    "total after a bonus": paragraph_slip(r"(综合得分)(\d+)(分)", lambda m: m[1] + _bump(m[2]) + m[3]),
    "completion on an earlier plan": paragraph_slip(r"(完成率)([\d.]+)(%)", lambda m: m[1] + _bump(m[2], "2") + m[3]),
    "satisfaction share": paragraph_slip(r"(满意度)([\d.]+)(%)", lambda m: m[1] + _bump(m[2], "0.9") + m[3]),
    "change rate": paragraph_slip(r"(起，下降)([\d.]+)(%)", lambda m: m[1] + _bump(m[2], "5") + m[3]),
    "split table cell": split_table_slip,
    "nested table cell": nested_table_slip,
}


def _check(data: bytes, evaluation=None):
    with tempfile.TemporaryDirectory() as tmp:  # a private file: two runs at once do not read each other's
        path = Path(tmp) / "slipped.docx"
        path.write_bytes(data)
        return check_document(read_docx(path), data=evaluation)


def _signature(findings) -> Counter:
    return Counter((f.rule, f.message) for f in findings)


def documents():
    """(name, docx bytes, evaluation or None) for every clean draft and every seed-derived .docx."""
    for fixture in sorted((ROOT / "fixtures").glob("*.yaml")):
        evaluation = load_project(fixture)
        for style in STYLES:
            evaluation.style = style
            buffer = io.BytesIO()
            build_docx(render_report(evaluation)).save(buffer)
            yield f"draft {fixture.stem} [{style}]", buffer.getvalue(), evaluation
    for seed in sorted((ROOT / "fixtures" / "seeds" / "docx").glob("*.docx")):
        yield f"seed {seed.stem}", seed.read_bytes(), None
    yield "clean report laid out by hand (bench/layouts.py)", layouts_docx(), None


def main() -> None:
    applicable: dict[str, int] = defaultdict(int)
    found: dict[str, int] = defaultdict(int)
    missed: dict[str, list[str]] = defaultdict(list)
    clean_counts: Counter = Counter()
    clean_docs = 0
    for name, data, evaluation in documents():
        baseline = _check(data, evaluation)
        if name.startswith(("draft", "clean")):
            clean_docs += 1
            clean_counts.update(f.severity.value for f in baseline)
        base = _signature(baseline)
        for kind, slip in SLIPS.items():
            doc = docx.Document(io.BytesIO(data))
            if not slip(doc):
                continue
            buffer = io.BytesIO()
            doc.save(buffer)
            after = _signature(_check(buffer.getvalue(), evaluation))
            applicable[kind] += 1
            if after - base:
                found[kind] += 1
            else:
                missed[kind].append(name)
    print("checker accuracy: single injected slips (found = a new finding appears)")
    print(f"{'kind':<26}{'found':>7}{'tried':>7}{'recall':>9}")
    total_found = total_tried = 0
    for kind in SLIPS:
        tried = applicable[kind]
        if not tried:
            print(f"{kind:<26}{'—':>7}{0:>7}{'n/a':>9}")
            continue
        total_found += found[kind]
        total_tried += tried
        print(f"{kind:<26}{found[kind]:>7}{tried:>7}{found[kind] / tried:>9.0%}")
        for name in missed[kind][:3]:
            print(f"{'':<6}missed in {name}")
    print(f"{'all kinds':<26}{total_found:>7}{total_tried:>7}{total_found / max(total_tried, 1):>9.0%}")
    print(f"clean drafts and the hand-laid report: {clean_docs} documents, findings by severity: {dict(clean_counts) or 'none'} (target: no error)")


if __name__ == "__main__":
    main()
