"""Tables in Markdown: pipe, HTML and pandoc's grid, multiline and simple tables; Markdown saved as .txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers.engine import check_document
from checkers.finding import Finding
from checkers.readers import ReadError, read_document
from checkers.readers.markdown_reader import looks_like_markdown
from checkers.readers.text_reader import read_file_text
from tests.conftest import SEEDS

PROSE = "## （一）项目决策\n\n决策指标总分7分，得分6分。各分项指标得分如下：\n\n"


def findings(tmp_path: Path, text: str, name: str = "r.md") -> list[Finding]:
    """The findings on ``text`` written to ``name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check_document(read_document(path))


def line_with(text: str, marker: str) -> int:
    """The 1-based number of the first line of ``text`` holding ``marker``."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if marker in line)


def slipped_total(tmp_path: Path, text: str, total_line: str, name: str = "r.md") -> None:
    """``text`` (total 6) is quiet; with the 合计 written 7, TT201 names the line holding ``total_line``."""
    assert findings(tmp_path, text.format(6), name) == []
    slipped = text.format(7)
    [finding] = findings(tmp_path, slipped, name)
    assert finding.rule == "TT201"
    assert finding.location.line == line_with(slipped, total_line)


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
    markers = ("<th>二级", "<td rowspan", "<td>A12", "<td colspan")
    assert [row[0].location.line for row in table.rows] == [line_with(HTML, marker) for marker in markers]
    slipped_total(tmp_path, HTML, '<td colspan="2">合计')


GRID = PROSE + """+---------+--------------+----+----+
| 二      | 三级指标     | 权 | 得 |
| 级指标  |              | 重 | 分 |
+=========+==============+====+====+
| A1项    | A11立        | 3  | 3  |
| 目立项  | 项依据充分性 |    |    |
+---------+--------------+----+----+
|         | A12立        | 4  | 3  |
|         | 项程序规范性 |    |    |
+---------+--------------+----+----+
| 合计    |              | 7  | {0}  |
+---------+--------------+----+----+
"""

GRID_OVERFLOWING = PROSE + """+-------+-----------+---+---+
| 二级  | 三级指标  | 权 | 得 |
| 指标  |           | 重 | 分 |
+=======+===========+===+===+
| A     | A11立项依 | 3 | 3 |
| 1项目 | 据充分性  |   |   |
| 立项  |           |   |   |
+-------+-----------+---+---+
|       | A12立项程 | 4 | 3 |
|       | 序规范性  |   |   |
+-------+-----------+---+---+
| 合计  |           | 7 | {0} |
+-------+-----------+---+---+
"""

GRID_MERGED = PROSE + """+------------+-------------------+------+------+
| 二级指标   | 三级指标          | 权重 | 得分 |
+============+===================+======+======+
| A1项目立项 | A11立项依据充分性 | 3    | 3    |
|            +-------------------+------+------+
|            | A12立项程序规范性 | 4    | 3    |
+------------+-------------------+------+------+
| 合计                           | 7    | {0}    |
+--------------------------------+------+------+
"""

MULTILINE = PROSE + """  ----------------------------------------------
  二级指标     三级指标            权重   得分
  ------------ ------------------- ------ ------
  A1项目立项   A11立项依据         3      3
               充分性

               A12立项程序规范性   4      3

  合计                             7      {0}
  ----------------------------------------------
"""

SIMPLE = PROSE + """  二级指标     三级指标            权重   得分
  ------------ ------------------- ------ ------
  A1项目立项   A11立项依据充分性   3      3
               A12立项程序规范性   4      3
  合计                             7      {0}
"""

HEADERLESS = PROSE + """  ------------ ------------------- ------ ------
  二级指标     三级指标            权重   得分
  A1项目立项   A11立项依据充分性   3      3
               A12立项程序规范性   4      3
  合计                             7      {0}
  ------------ ------------------- ------ ------
"""

SCORE_ROWS = [
    ["二级指标", "三级指标", "权重", "得分"],
    ["A1项目立项", "A11立项依据充分性", "3", "3"],
    ["A1项目立项", "A12立项程序规范性", "4", "3"],
]


def read_table(tmp_path: Path, text: str):  # noqa: ANN201 - checkers.document.Table
    """The one table of ``text`` (total 6) read from a .md file."""
    path = tmp_path / "t.md"
    path.write_text(text.format(6), encoding="utf-8")
    [table] = read_document(path).tables
    return table


PLAIN_MARKERS = ("二级指标", "A1项目立项", "A12立项程序", "合计")


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        (GRID, ("二      |", "A1项", "A12立", "合计")),
        (GRID_OVERFLOWING, ("二级", "| A     |", "A12立项程", "合计")),
        (GRID_MERGED, PLAIN_MARKERS),
        (MULTILINE, PLAIN_MARKERS),
        (SIMPLE, PLAIN_MARKERS),
        (HEADERLESS, PLAIN_MARKERS),
    ],
    ids=["grid", "grid-overflowing", "grid-merged", "multiline", "simple", "headerless"],
)
def test_pandoc_tables_are_read_row_by_row(tmp_path: Path, text: str, markers: tuple[str, ...]) -> None:
    """pandoc's grid (wrapped cells, a Chinese character too wide for its column, merged cells), multiline, simple and
    headerless tables read as the pipe tables are, each row on the line it starts on; a slipped 合计 is found there."""
    table = read_table(tmp_path, text)
    rows = table.text_rows()
    assert rows[:3] == SCORE_ROWS and rows[3][0] == "合计" and rows[3][-2:] == ["7", "6"]
    assert table.rows[2][0].merged_from_above
    assert [row[-1].location.line for row in table.rows] == [line_with(text, marker) for marker in markers]
    slipped_total(tmp_path, text, "合计")


def test_a_grid_table_out_of_line_is_refused_with_the_way_to_export_it(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(PROSE + "+------+------+\n| 指标 | 得分 |\n+======+======+\n| 合计 | 7    |  |\n+------+------+\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(ReadError, match=r"第5行.*pandoc -t gfm"):
        read_document(path)


def test_rules_around_a_paragraph_leave_it_a_paragraph(tmp_path: Path) -> None:
    """Lines of dashes at the margin are rules (pandoc indents its tables' lines): the text between them is prose."""
    path = tmp_path / "r.md"
    path.write_text("一、基本情况\n\n-----\n\n本项目于2020年实施。\n-----\n\n---\n项目单位：某局\n---\n", encoding="utf-8")
    document = read_document(path)
    assert not document.tables
    assert [p.text for p in document.paragraphs][1:] == ["本项目于2020年实施。", "项目单位：某局"]


PIPE = PROSE + "| 二级指标 | 三级指标 | 权重 | 得分 |\n|---|---|---|---|\n| A1项目立项 | A11立项依据充分性 | 3 | 3 |\n" \
    "|  | A12立项程序规范性 | 4 | 3 |\n| 合计 |  | 7 | {0} |\n"  # fmt: skip


@pytest.mark.parametrize("text", [PIPE, HTML, GRID, MULTILINE], ids=["pipe", "html", "grid", "multiline"])
def test_markdown_saved_as_txt_is_read_as_markdown(tmp_path: Path, text: str) -> None:
    slipped_total(tmp_path, "# 绩效评价报告\n\n" + text, "合计", name="r.txt")
    path = tmp_path / "r.txt"
    assert [p.text for p in read_document(path).headings][:2] == ["绩效评价报告", "（一）项目决策"]


def test_word_text_and_prose_stay_plain_text() -> None:
    """Word's own text export (tab-led cells) and prose with a lone “#” line are no Markdown."""
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds and not [seed.name for seed in seeds if looks_like_markdown(read_file_text(seed))]
    prose = "# 注：本报告金额单位为万元。\n\n一、基本情况\n\n项目总投资为100万元，其中 A|B 两部分各半。\n"
    assert not looks_like_markdown(prose)


def test_heading_attributes_are_no_part_of_the_title(tmp_path: Path) -> None:
    """commonmark_x and PHP Markdown Extra write a heading's id after it: “# 一、基本情况 {#一基本情况}”."""
    path = tmp_path / "r.md"
    path.write_text("# 一、基本情况 {#一基本情况}\n\n## （一） 项目概况 {#一-项目概况 .unnumbered}\n\n正文。\n", encoding="utf-8")
    assert [p.text for p in read_document(path).headings] == ["一、基本情况", "（一） 项目概况"]
