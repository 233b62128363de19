"""Tables as evaluators build them in Word and WPS: merged cells, header rows, labels and layouts (a review of 102
.docx files). Each layout is checked clean and with one slip."""

from __future__ import annotations

from pathlib import Path

import docx

from checkers.engine import check_document
from checkers.readers import read_document

UP, LEFT = "^", "<"  # a cell merged with the one above / to its left


def _table(document, grid: list[list[str]]) -> None:
    """Add a table; UP and LEFT mark cells merged into the cell above or to the left (w:vMerge, w:gridSpan)."""
    width = max(len(row) for row in grid)
    grid = [row + [""] * (width - len(row)) for row in grid]
    table = document.add_table(rows=len(grid), cols=width)
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text not in (UP, LEFT):
                lines = text.split("\n")
                cell = table.cell(r, c)
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text in (UP, LEFT):
                continue
            right, down = c, r
            while right + 1 < width and grid[r][right + 1] == LEFT:
                right += 1
            while down + 1 < len(grid) and grid[down + 1][c] == UP:
                down += 1
            if (right, down) != (c, r):
                table.cell(r, c).merge(table.cell(down, right))


def check(tmp_path: Path, *blocks, name: str = "r.docx") -> dict[str, list]:
    """Findings by rule of a .docx made of paragraphs (str) and tables (list of rows)."""
    document = docx.Document()
    document.add_heading("一、评价情况", 1)
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            _table(document, block)
    path = tmp_path / name
    document.save(str(path))
    out: dict[str, list] = {}
    for finding in check_document(read_document(path)):
        out.setdefault(finding.rule, []).append(finding)
    return out


def test_an_amount_merged_over_two_rows_counts_once(tmp_path: Path):
    grid = [["序号", "合同名称", "合同金额", "支付批次", "支付金额"],
            ["1", "设备采购合同", "500", "第一批", "300"], [UP, UP, UP, "第二批", "200"],
            ["2", "监理合同", "24", "一次性", "24"], ["合计", LEFT, "524", "", "524"]]  # fmt: skip
    assert "TT201" not in check(tmp_path, grid)
    grid[-1][2] = "534"
    [slip] = check(tmp_path, grid)["TT201"]
    assert (slip.expected, slip.found) == ("524", "534")


def test_parts_under_其中_with_their_序号_left_empty(tmp_path: Path):
    grid = [["序号", "项目名称", "预算数", "实际支出"], ["1", "设备购置", "500", "480"],
            ["", "其中：摄像头", "100", "95"], ["", "存储设备", "150", "140"],
            ["2", "安装调试", "100", "95"], ["3", "运维服务", "50", "50"], ["合计", LEFT, "650", "625"]]  # fmt: skip
    assert "TT201" not in check(tmp_path, grid)
    bare = [grid[0], grid[1], ["", "其中：", "", ""], ["", "摄像头", "100", "95"], *grid[3:]]
    assert "TT201" not in check(tmp_path, bare)
    grid[-1][2] = "640"
    assert [f.expected for f in check(tmp_path, grid)["TT201"]] == ["650"]


def test_a_title_row_a_unit_row_and_a_two_row_header_inside_the_table(tmp_path: Path):
    grid = [["2020年度项目预算执行情况表", LEFT, LEFT, LEFT, LEFT], ["单位：万元", LEFT, LEFT, LEFT, LEFT],
            ["序号", "项目名称", "资金情况", LEFT, LEFT], [UP, UP, "预算数", "实际支出", "执行率（%）"],
            ["1", "设备购置", "500", "480", "96.00"], ["2", "安装调试", "100", "95", "95.00"],
            ["3", "运维服务", "50", "50", "100.00"], ["合计", LEFT, "650", "625", "96.15"]]  # fmt: skip
    assert "TT201" not in check(tmp_path, grid)  # the 执行率 column is not added up
    grid[-1][3] = "620"
    [slip] = check(tmp_path, grid)["TT201"]
    assert "“实际支出”列" in slip.message and slip.expected == "625"


def test_a_year_and_a_unit_in_an_amount_header(tmp_path: Path):
    grid = [["序号", "项目名称", "2020年度预算数（单位：万元）", "2020年度实际支出（单位：万元）"],
            ["1", "设备购置", "500", "480"], ["2", "安装调试", "100", "95"], ["3", "运维服务", "50", "50"],
            ["合计", LEFT, "660", "625"]]  # fmt: skip
    [slip] = check(tmp_path, grid)["TT201"]
    assert (slip.expected, slip.found) == ("650", "660")
    years = [["年度", "项目名称", "金额"], ["2019", "一期", "100"], ["2020", "二期", "50"], ["合计", LEFT, "150"]]
    assert "TT201" not in check(tmp_path, years)


def test_total_labels_written_with_a_colon_a_unit_or_共计_and_subtotals_naming_their_part(tmp_path: Path):
    for label in ("合计：", "合 计（分）", "合计(万元)", "共计"):
        grid = [["序号", "项目名称", "预算数"], ["1", "设备购置", "500"], ["2", "安装调试", "100"], [label, LEFT, "601"]]
        assert [f.expected for f in check(tmp_path, grid)["TT201"]] == ["600"], label
    parts = [["一级指标", "二级指标", "权重", "得分"],
             ["决策", "项目立项", "12", "10"], [UP, "绩效目标", "8", "7"], ["决策小计", LEFT, "20", "17"],
             ["过程", "资金管理", "30", "28"], ["过程小计", LEFT, "30", "28"], ["合计", LEFT, "50", "45"]]  # fmt: skip
    assert "TT201" not in check(tmp_path, parts)
    parts[-1][3] = "44"
    assert [f.expected for f in check(tmp_path, parts)["TT201"]] == ["45"]


def test_a_小计_row_under_a_merged_一级_cell_is_no_indicator(tmp_path: Path):
    grid = [["一级指标", "二级指标", "三级指标", "权重", "得分"],
            ["决策", "项目立项", "A11立项依据充分性", "12", "10"], [UP, UP, "A12立项程序规范性", "8", "7"],
            [UP, "小计", LEFT, "20", "17"],
            ["过程", "资金管理", "B11资金到位率", "30", "28"], [UP, "小计", LEFT, "30", "28"],
            ["合计", LEFT, LEFT, "50", "45"]]  # fmt: skip
    assert check(tmp_path, "决策指标总分20分，得分17分。", grid) == {}
    assert "TT202" in check(tmp_path, "决策指标总分20分，得分18分。", grid)


def test_a_score_table_whose_合计_spans_the_序号_column(tmp_path: Path):
    grid = [["编号", "指标名称", "权重", "得分"], ["A11", "立项依据充分性", "60", "60"], ["A12", "立项程序规范性", "40", "30"],
            ["合计", LEFT, "100", "90"]]  # fmt: skip
    assert check(tmp_path, "项目综合评价得分90分。", grid) == {}
    grid[2][3], grid[3][3] = "31", "91"
    # the table's 合计 (read across the 序号 column) is what its rows add up to: the sentence is held to it
    assert [(f.expected, f.found) for f in check(tmp_path, "项目综合评价得分90分。", grid)["TT203"]] == [("91分", "90分")]


def test_headers_broken_over_lines_and_other_names_for_weight_and_score(tmp_path: Path):
    prose = "A11立项依据充分性，权重5分，得分4分。"
    for weight, score in (("权\n重", "得\n分"), ("满分", "实得分"), ("标准分", "考评得分"), ("分值", "评定得分")):
        grid = [["三级指标", weight, score], ["A11立项依据充分性", "5", "4"], ["合计", "5", "4"]]
        assert check(tmp_path, prose, grid) == {}, weight
        grid[1][2], grid[2][2] = "5", "5"
        assert "SC101" in check(tmp_path, prose, grid), weight


def test_a_得分率_column_in_percent_without_percent_signs(tmp_path: Path):
    grid = [["三级指标", "权重", "得分", "得分率（%）"], ["A11立项依据充分性", "4", "3", "75.00"], ["合计", "4", "3", "75.00"]]
    assert check(tmp_path, grid) == {}
    grid[1][3] = "80.00"
    [slip] = check(tmp_path, grid)["RT301"]
    assert slip.expected == "75.00%"


def test_category_rows_and_an_indicator_tree_written_row_by_row(tmp_path: Path):
    categories = [["序号", "支出项目", "预算数", "实际支出"], ["一", "设备购置费", "600", "570"],
                  ["1", "摄像头", "300", "290"], ["2", "存储设备", "300", "280"], ["二", "服务费", "100", "95"],
                  ["1", "运维服务", "100", "95"], ["合计", LEFT, "700", "665"]]  # fmt: skip
    assert "TT201" not in check(tmp_path, categories)
    categories[2][3] = "280"  # an item changed, its category not
    [slip] = check(tmp_path, categories)["TT201"]
    assert "“设备购置费”一项写570，但其下各项相加为560" in slip.message
    tree = [["指标", "权重", "得分"], ["A决策", "20", "17"], ["A1项目立项", "12", "10"], ["A11立项依据充分性", "12", "10"],
            ["A2绩效目标", "8", "7"], ["A21绩效目标合理性", "8", "7"], ["B过程", "30", "28"], ["B1资金管理", "30", "28"],
            ["B11资金到位率", "30", "28"], ["合计", "50", "45"]]  # fmt: skip
    assert "TT201" not in check(tmp_path, tree)
    headings = [["序号", "支出项目", "预算数"], ["一", "设备购置费", ""], ["1", "摄像头", "300"], ["2", "存储设备", "300"],
                ["合计", LEFT, "610"]]  # fmt: skip
    assert [f.expected for f in check(tmp_path, headings)["TT201"]] == ["600"]  # categories without figures: the items


def test_a_续表_with_the_unit_line_repeated_or_written_as_its_first_row(tmp_path: Path):
    head = ["序号", "项目名称", "预算数", "实际支出"]
    first = [head, ["1", "甲", "100", "90"], ["2", "乙", "200", "180"]]
    rest = [["3", "丙", "300", "270"], ["合计", LEFT, "600", "540"]]
    assert "TT201" not in check(tmp_path, first, "续表1", "单位：万元", [head, *rest])
    assert "TT201" not in check(tmp_path, first, [["续表1", LEFT, LEFT, LEFT], head, *rest])
    rest[-1][3] = "541"
    assert [f.expected for f in check(tmp_path, first, "续表1", "单位：万元", [head, *rest])["TT201"]] == ["540"]


def test_a_table_without_a_header_row(tmp_path: Path):
    grid = [["设备购置", "500万元"], ["安装调试", "100万元"], ["运维服务", "50万元"], ["合计", "650万元"]]
    assert "TT201" not in check(tmp_path, grid)
    grid[-1][1] = "660万元"
    assert [f.expected for f in check(tmp_path, grid)["TT201"]] == ["650"]


def test_every_level_with_its_own_分值_column(tmp_path: Path):
    grid = [["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
            ["决策", "20", "项目立项", "12", "A11立项依据充分性", "12", "10"],
            [UP, UP, "绩效目标", "8", "A21绩效目标合理性", "8", "7"], ["合计", "20", "", "20", "", "20", "17"]]  # fmt: skip
    prose = "A11立项依据充分性，权重12分，得分10分。"
    assert check(tmp_path, prose, grid) == {}
    assert "SC101" in check(tmp_path, prose.replace("得分10分", "得分11分"), grid)


def test_a_得分率_column_of_fractions(tmp_path: Path):
    grid = [["指标", "权重", "得分", "得分率"], ["A.决策", "20", "17", "0.85"], ["B.过程", "29", "23.5", "0.81"],
            ["C.产出", "24", "24", "1.00"], ["D.效益", "27", "24", "0.89"], ["合计", "100", "88.5", "0.885"]]  # fmt: skip
    assert "RT301" not in check(tmp_path, grid)
    grid[1][3] = "0.80"
    assert [f.expected for f in check(tmp_path, grid)["RT301"]] == ["85%"]


def test_a_score_table_inside_a_one_cell_frame(tmp_path: Path):
    document = docx.Document()
    document.add_heading("一、评价情况", 1)
    document.add_paragraph("决策指标总分20分，得分17分。")
    frame = document.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "表1 决策指标得分"
    inner = cell.add_table(rows=4, cols=3)
    for r, row in enumerate([["三级指标", "权重", "得分"], ["A11立项依据充分性", "12", "10"], ["A12立项程序规范性", "8", "7"],
                             ["合计", "20", "16"]]):  # fmt: skip
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    path = tmp_path / "frame.docx"
    document.save(str(path))
    document_read = read_document(path)
    assert len(document_read.tables) == 1 and document_read.tables[0].n_cols == 3
    found = {f.rule for f in check_document(document_read)}
    assert "TT201" in found and "TT202" not in found  # (the rows give the prose's 17: the 合计 16 is the slip)


def test_a_score_table_split_by_a_续表_is_counted_and_summed_whole(tmp_path: Path):
    head = ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    first = [head, ["决策", "项目立项", "立项依据充分性", "10", "9"], [UP, "绩效目标", "目标合理性", "10", "8"],
             ["过程", "资金管理", "资金到位率", "10", "10"]]  # fmt: skip
    second = [head, ["", "", "预算执行率", "10", "6"], ["", "组织实施", "制度执行有效性", "10", "9"],
              ["合计", LEFT, LEFT, "50", "42"]]  # fmt: skip
    prose = "其中：项目决策得分17分、项目过程得分25分。"
    assert check(tmp_path, prose, first, "续表1", second) == {}
    slipped = check(tmp_path, prose.replace("25分", "24分"), first, "续表1", second)
    assert [f.expected for f in slipped["TT202"]] == ["得分25分"]
    section = [["二级指标", "三级指标", "权重", "得分"], ["资金管理", "资金到位率", "10", "10"], [UP, "预算执行率", "10", "6"]]
    rest = [["二级指标", "三级指标", "权重", "得分"], ["", "资金使用合规性", "5", "5"], ["组织实施", "制度执行有效性", "5", "4"],
            ["合计", LEFT, "30", "25"]]  # fmt: skip
    counted = "过程指标权重30分，得分25分。共设置2个二级指标，下设4个三级指标。"
    assert check(tmp_path, counted, section, "续表", rest) == {}
    assert [f.expected for f in check(tmp_path, counted.replace("4个三级", "3个三级"), section, "续表", rest)["CT701"]] == ["4"]


def test_the_rates_of_an_information_table_of_label_value_pairs(tmp_path: Path):
    grid = [["项目名称", "2020年度某某项目", LEFT, LEFT], ["预算金额（万元）", "650", "实际到位（万元）", "650"],
            ["实际支出（万元）", "625", "预算执行率", "96.15%"], ["资金到位率", "100%", "实施单位", "某某局"]]  # fmt: skip
    assert check(tmp_path, grid) == {}
    grid[2][3] = "98.04%"
    [slip] = check(tmp_path, grid)["RT301"]
    assert (slip.expected, slip.found) == ("96.15%", "98.04%") and "实际支出（万元） ÷ 实际到位（万元）" in slip.message
    grid[2][3], grid[3][1] = "96.15%", "90%"
    assert [f.expected for f in check(tmp_path, grid)["RT301"]] == ["100%"]




SPLIT_HEAD = ["一级指标", "二级指标", "三级指标", "权重", "得分"]
SPLIT_FIRST = [SPLIT_HEAD, ["决策", "项目立项", "立项依据充分性", "5", "5"], [UP, UP, "立项程序规范性", "5", "4"],
               [UP, "绩效目标", "绩效目标合理性", "10", "8"]]  # fmt: skip
SPLIT_REST = [["过程", "资金管理", "资金到位率", "10", "10"], [UP, UP, "预算执行率", "10", "6"], ["合计", LEFT, LEFT, "40", "33"]]


def test_a_table_split_in_two_without_a_continued_line_adds_up_as_one(tmp_path: Path):
    for second in ([SPLIT_HEAD, *SPLIT_REST], SPLIT_REST):  # its header repeated, or left on the page before
        for between in ([], [""], ["（接上表）"]):
            assert check(tmp_path, "本项目得分33分。", SPLIT_FIRST, *between, second) == {}, (second[0], between)
        slipped = [*second[:-1], ["合计", LEFT, LEFT, "40", "34"]]
        [finding] = check(tmp_path, "本项目得分34分。", SPLIT_FIRST, "", slipped)["TT201"]
        assert (finding.expected, finding.found) == ("33", "34")


def test_two_tables_alike_each_with_its_own_total_are_not_taken_for_one(tmp_path: Path):
    own = [SPLIT_HEAD, *SPLIT_REST[:-1], ["合计", LEFT, LEFT, "20", "16"]]  # the second table's 合计 is its own rows'
    assert check(tmp_path, SPLIT_FIRST, "", own) == {}
    captioned = [SPLIT_HEAD, *SPLIT_REST]  # a caption between: another table, whose 合计 must add up on its own
    assert [f.expected for f in check(tmp_path, SPLIT_FIRST, "表2 过程指标得分", captioned)["TT201"]] == ["20", "16"]


INFORMATION = [["项目名称", "某某项目", "主管部门", "某某局"], ["预算金额（万元）", "200.00", "实际到位（万元）", "180.00"],
               ["实际支出（万元）", "150.00", "实施单位", "某某中心"]]  # fmt: skip


def test_a_rate_in_the_prose_is_recomputed_from_the_information_table(tmp_path: Path):
    clean = "截至年底，项目资金到位率为90%，预算执行率为83.33%。"
    assert check(tmp_path, INFORMATION, clean) == {}
    [slip] = check(tmp_path, INFORMATION, clean.replace("90%", "95%"))["RT301"]
    assert (slip.expected, slip.found) == ("90%", "95%") and "基本信息表" in slip.message
    assert "“实际到位（万元）”÷“预算金额（万元）”" in slip.message
    [other_base] = check(tmp_path, INFORMATION, clean.replace("83.33%", "75%"))["RT301"]  # 150 ÷ 200: on the budget
    assert other_base.severity.value == "warning" and other_base.expected == "83.33%"


def test_a_rate_the_information_table_does_not_give_is_left_alone(tmp_path: Path):
    own_fund = "市级资金到位率为95%。"  # a source's rate, not the project's
    assert check(tmp_path, INFORMATION, own_fund) == {}
    second = [row[:] for row in INFORMATION]
    second[1][3] = "190.00"  # two information tables (two sub-projects): which one the rate is on is not known
    assert check(tmp_path, INFORMATION, "二期：", second, "项目资金到位率为95%。") == {}
    without_received = [INFORMATION[0], ["预算金额（万元）", "200.00", "实际支出（万元）", "150.00"]]
    assert check(tmp_path, without_received, "项目资金到位率为95%。") == {}


SIDEWAYS = [
    ["指标", "A.决策", "B.过程", "C.产出", "D.效益", "合计"],
    ["权重", "20", "20", "30", "30", "100"],
    ["得分", "18", "17", "28", "27", "90"],
    ["得分率", "90%", "85%", "93.33%", "90%", "90%"],
]


def test_a_score_table_written_on_its_side_is_read_like_any(tmp_path: Path):
    intro = "本项目综合评价得分90分，评价等级为“优”。"
    assert check(tmp_path, intro, SIDEWAYS, "决策类指标权重20分，得分18分。") == {}
    slipped = [row[:] for row in SIDEWAYS]
    slipped[2][4] = "26"  # 效益 26: the 合计 row and its 得分率 no longer agree
    found = check(tmp_path, intro, slipped, "决策类指标权重20分，得分19分。")
    total = found["TT201"][0]
    assert (total.location.row, total.location.col, total.found, total.expected) == (3, 6, "90", "89")
    assert total.message == "表格“得分”行合计写90，但各列相加为89"
    rate = found["RT301"][0]
    assert (rate.location.row, rate.location.col, rate.found, rate.expected) == (4, 5, "90%", "86.67%")  # (the 得分率 cell)
    assert "按该列得分 ÷ 权重" in rate.message
    assert found["TT202"][0].found == "权重20分，得分19分"  # the prose against the table's 决策 column


def test_a_table_with_weights_down_its_first_column_but_no_scores_is_left_alone(tmp_path: Path):
    plan = [["指标", "决策", "过程", "产出", "效益"], ["权重", "20", "20", "30", "30"], ["说明", "甲", "乙", "丙", "丁"]]
    assert check(tmp_path, plan) == {}


def test_a_header_written_over_two_lines_is_named_on_one(tmp_path: Path):
    import docx as python_docx

    from checkers.engine import check_document
    from checkers.readers import read_document

    word = python_docx.Document()
    table = word.add_table(rows=4, cols=2)
    for r, (label, value) in enumerate((("项目", "得\n分"), ("甲", "3"), ("乙", "4"), ("合计", "8"))):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    word.add_paragraph("绩效评价得分表。")
    path = tmp_path / "t.docx"
    word.save(str(path))
    [slip] = [f for f in check_document(read_document(path)) if f.rule == "TT201"]
    assert "“得分”列" in slip.message


SOURCES_TABLE = """\
| 地区 | 中央 | 省级 | 市级 | 合计 | 实际支出 | 执行率 |
|---|---|---|---|---|---|---|
| A县 | 600.00 | 300.00 | 100.00 | 1000.00 | 950.00 | 95.00% |
| B县 | 900.00 | 450.00 | 350.00 | 1700.00 | 1617.00 | {0} |
"""


def test_an_execution_rate_on_the_sources_合计_column_is_recomputed(tmp_path: Path):
    """A 转移支付 table gives each source's amount and their 合计, then 实际支出 and 执行率: the 合计 is the base."""
    path = tmp_path / "r.md"
    path.write_text(SOURCES_TABLE.format("95.12%"), encoding="utf-8")
    assert check_document(read_document(path)) == []
    path.write_text(SOURCES_TABLE.format("95.21%"), encoding="utf-8")
    [slip] = check_document(read_document(path))
    assert slip.rule == "RT301" and slip.expected == "95.12%"


UNNUMBERED_LEAVES = """\
| 序号 | 评价指标 | 分值 | 得分 |
|---|---|---|---|
| 一 | 政策制定 | 20 | 17 |
| （一） | 政策依据 | 8 | 7 |
| | 政策制定依据充分性 | 4 | 4 |
| | 政策目标明确性 | 4 | 3 |
| （二） | 政策设计 | 12 | {0} |
| | 补贴标准合理性 | 6 | 5 |
| | 政策对象精准性 | 6 | 5 |
| 二 | 政策效果 | 80 | 68 |
| 合计 | | 100 | 85 |
"""


def test_a_hierarchy_whose_leaves_have_no_number_adds_up_level_by_level(tmp_path: Path):
    """“一 / （一） / (blank)”: the blank rows are the items of the numbered row above them, not a fourth list."""
    path = tmp_path / "r.md"
    path.write_text(UNNUMBERED_LEAVES.format(10), encoding="utf-8")
    assert check_document(read_document(path)) == []
    path.write_text(UNNUMBERED_LEAVES.format(11), encoding="utf-8")
    found = [(f.rule, f.expected) for f in check_document(read_document(path))]
    assert ("TT201", "10") in found and ("TT201", "18") in found, found  # （二） vs its items; 一 vs （一）+（二）


FUND_PARTS = """\
| 序号 | 支出内容 | 预算数（万元） | 实际支出（万元） |
|---|---|---|---|
| 一 | 工程建设费 | 420 | 398 |
| | 外立面改造 | 200 | 190 |
| | 雨污分流改造 | 150 | 143 |
| | 停车设施改造 | 70 | {0} |
| 二 | 工程其他费 | 80 | 64.5 |
| | 设计费 | 30 | 28 |
| | 监理费 | 50 | 36.5 |
| 合计 | | 500 | 462.5 |
"""


def test_blank_numbered_rows_that_add_up_to_the_row_above_are_its_parts(tmp_path: Path):
    """One numbered level (一, 二) with blank-numbered rows under it: they are the numbered row's parts when they add
    up to it (otherwise each group's later rows, as in a score table numbering only its first row)."""
    path = tmp_path / "r.md"
    path.write_text(FUND_PARTS.format(65), encoding="utf-8")
    assert check_document(read_document(path)) == []
    path.write_text(FUND_PARTS.format(66), encoding="utf-8")
    assert [f.expected for f in check_document(read_document(path)) if f.rule == "TT201"] == ["399"]
