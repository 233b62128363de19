"""Tables in Markdown: pipe, HTML and pandoc's grid, multiline and simple tables; Markdown saved as .txt."""

from __future__ import annotations

from pathlib import Path

from checkers.engine import check_document
from checkers.finding import Finding
from checkers.readers import read_document

PROSE = "## （一）项目决策\n\n决策指标总分7分，得分6分。各分项指标得分如下：\n\n"


def findings(tmp_path: Path, text: str, name: str = "r.md") -> list[Finding]:
    """The findings on ``text`` written to ``name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check_document(read_document(path))


def line_of(text: str, start: str) -> int:
    """The 1-based number of the first line of ``text`` that starts with ``start`` once stripped."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.strip().startswith(start))


def slipped_total(tmp_path: Path, text: str, total_line: str, name: str = "r.md") -> None:
    """``text`` (total 6) is quiet; with the 合计 written 7, TT201 names the 合计 row's line."""
    assert findings(tmp_path, text.format(6), name) == []
    slipped = text.format(7)
    [finding] = findings(tmp_path, slipped, name)
    assert finding.rule == "TT201"
    assert finding.location.line == line_of(slipped, total_line)


HTML = PROSE + (
    "<table>\n<thead>\n<tr>\n<th>二级指标</th>\n<th>三级指标</th>\n<th>权重</th>\n<th>得分</th>\n</tr>\n</thead>\n<tbody>\n"
    '<tr>\n<td rowspan="2">A1项目立项</td>\n<td>A11立项依据充分性</td>\n<td>3</td>\n<td>3</td>\n</tr>\n'
    "<tr>\n<td>A12立项程序规范性</td>\n<td>4</td>\n<td>3</td>\n</tr>\n"
    '<tr>\n<td colspan="2">合计</td>\n<td>7</td>\n<td>{0}</td>\n</tr>\n</tbody>\n</table>\n'
)


def test_html_table_rows_carry_their_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(HTML.format(6), encoding="utf-8")
    [table] = read_document(path).tables
    starts = ("<th>二级", "<td rowspan", "<td>A12", "<td colspan")
    assert [row[0].location.line for row in table.rows] == [line_of(HTML, start) for start in starts]
    slipped_total(tmp_path, HTML, '<td colspan="2">合计')
