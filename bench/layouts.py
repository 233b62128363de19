"""A clean report written the way evaluators lay reports out by hand (not as the drafter does), for the accuracy
benchmark: an information table of label | value pairs with the rates in the prose, inspection and survey results,
a “其中” list that divides its whole, a funding table split over two tables with no “续表” line, a breakdown table
nested in a cell, “一、” and “（一）” in one Word heading style, a 一级 part “共20分，专家评分18分”, a base score with a
bonus said only in prose; a 完成率 on the plan a paragraph before gives, a 满意度 after “满意度调查问卷”, a change
written “由23起下降至15起，下降34.78%”."""

from __future__ import annotations

import io

import docx

INFORMATION = [("项目名称", "某街道老旧小区改造项目", "主管部门", "某区住房和城乡建设局"),
               ("预算金额（万元）", "200.00", "实际到位（万元）", "180.00"),
               ("实际支出（万元）", "150.00", "实施单位", "某街道办事处")]  # fmt: skip
FUNDING_HEADER = ("序号", "支出内容", "预算数（万元）", "实际支出（万元）")
FUNDING_FIRST = [("1", "雨污管网改造", "80.00", "62.00"), ("2", "道路修缮", "50.00", "40.00")]
FUNDING_REST = [("3", "绿化提升", "40.00", "28.00"), ("4", "监理及其他", "30.00", "20.00"), ("合计", "", "200.00", "150.00")]
NESTED = [("支出内容", "金额（万元）"), ("设备采购", "12.50"), ("安装调试", "7.50"), ("合计", "20.00")]
SCORES = [("决策", "20", "18"), ("过程", "20", "18"), ("产出", "30", "27"), ("效益", "30", "24"), ("合计", "100", "87")]

SECTIONS: list[tuple[str, list[str]]] = [
    ("一、项目基本情况", []),
    ("（一）项目概况", ["项目基本信息见下表。"]),
    ("（二）资金情况", ["截至年底，项目资金到位率为90%，预算执行率为83.33%。", "项目资金支出明细如下。"]),
    ("二、绩效评价情况", []),
    ("（一）项目过程情况", ["项目计划改造雨污管网12.50公里。", "过程类指标共20分，专家评分18分，得分率90%。",
                         "截至年底，实际完成雨污管网改造12.80公里，完成率102.4%。",
                         "评价组发放满意度调查问卷400份，回收有效问卷392份，其中满意及基本满意362份，满意度92.35%。",
                         "改造后小区内治安案件由上年的23起下降至15起，下降34.78%。",
                         "共检查改造点位35个，其中合格30个，不合格5个，合格率85.71%。",
                         "共发放问卷200份，回收有效问卷180份，有效回收率为90%。"]),
    ("（二）评价结论", ["本项目基础得分87分，加分项加3分，综合得分90分，评价等级为“优”。"]),
]  # fmt: skip


def _table(document, rows) -> docx.table.Table:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def layouts_docx() -> bytes:
    """The report as .docx bytes."""
    document = docx.Document()
    document.add_paragraph("某街道老旧小区改造项目绩效评价报告")
    for heading, paragraphs in SECTIONS:
        document.add_heading(heading, level=1)  # both numbering levels in 标题 1, as some authors do
        for text in paragraphs:
            document.add_paragraph(text)
        if heading == "（一）项目概况":
            _table(document, INFORMATION)
        if heading == "（二）资金情况":
            _table(document, [FUNDING_HEADER, *FUNDING_FIRST])
            document.add_paragraph("")  # where Word split the table
            _table(document, [FUNDING_HEADER, *FUNDING_REST])
            document.add_paragraph("其中监理及其他支出的构成如下。")
            holder = _table(document, [("项目", "构成"), ("监理及其他", "")])
            inner = holder.cell(1, 1).add_table(rows=len(NESTED), cols=2)
            for r, row in enumerate(NESTED):
                for c, text in enumerate(row):
                    inner.cell(r, c).text = text
        if heading == "（二）评价结论":
            _table(document, [("一级指标", "权重", "得分"), *SCORES])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
