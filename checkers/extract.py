"""Extract a project file from an existing report (.docx or text export): indicator tree, evidence, project, funding.

What cannot be read gets the placeholder “（待补充）” (or 0 for amounts) and a Chinese note, so the result validates
and the user knows what to fill in.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from decimal import Decimal
from io import StringIO
from pathlib import Path
from string import ascii_uppercase
from typing import Any

from checkers.analysis import TOTAL_LABEL, Analysis, ScoreRow, ScoreTable, grid_rows
from checkers.document import Document, Paragraph, Table
from checkers.openings import CLOSING_RE, head_match, split_label
from checkers.readers import ReadError, read_document
from checkers.segments import split_reports
from drafter.style import detect_style
from evaluation_model import PLACEHOLDER, Unit, derived_sum, grade_for, plain
from score_sheet import SheetRow, build_tree

SHORT = 80

AMOUNT_RE = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)")
ROLE_WORDS = (
    ("received", re.compile(r"到位|下达")),
    ("spent", re.compile(r"支出|使用|支付")),
    ("budget", re.compile(r"预算|安排|批复|核定|计划")),
)
ROLE_NAMES = {"budget": "预算数", "received": "实际到位数", "spent": "实际支出数"}
FUNDING_SECTION_RE = re.compile(r"资金(?:情况|到位|使用|投入|来源|安排)")
CLAUSE_BREAK = re.compile(r"[，,；;。：:]")
COVER_RE = re.compile(
    r"^\s*(?P<key>评价项目|项目名称|项目单位|主管部门|项目主管部门|编号|评价类型|评价方式|评价机构)\s*[:：]?\s*(?P<value>.*?)\s*$"
)
FEEDBACK_KEYS = {
    "评价组织机构": "organizer", "项目主管部门": "department", "主管部门": "department", "评价机构": "evaluator",
    "评价时间": "period", "评价分值": "total", "评价得分": "total", "评价结论": "grade", "被评价项目": "name",
    "项目名称": "name", "项目单位": "unit",
}  # fmt: skip
TITLE_RE = re.compile(r"^(?P<unit>[^“”\"]*?)[“\"](?P<name>[^”\"]+)[”\"](?:项目)?(?:绩效)?评价报告")
COMMISSION_RE = re.compile(
    r"受(?P<client>[^，,。；]{2,30}?)委托[，,]\s*(?P<evaluator>[^，,。；]{2,40}?)(?:组织实施|对|开展|实施)"
)
OPENING_RE = re.compile(r"对(?P<unit>[^，,。“”\"]{2,40}?)的?[“\"](?P<name>.+)[”\"](?:项目)?开展了?(?:绩效)?评价")
# “上城区财政局组织江苏建圆建方…公司对杭州市公安局上城区分局实施的2020年度…项目开展了绩效评价，评价时间为2021年11月—12月”
ORGANISED_RE = re.compile(
    r"(?P<organizer>[\u4e00-\u9fff]{2,20}?财政局)组织(?P<evaluator>[^，,。；]{2,40}?)对(?P<unit>[^，,。；]{2,40}?)实施的"
    r"[^，,。；]{2,60}?开展了?(?:绩效)?评价(?:[，,]\s*评价时间为(?P<period>[^。，,；]{2,30}))?"
)
GROUP_RE = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{2,20}?财政局)成立了?(?P<group>[\u4e00-\u9fff]{0,10}?(?:工作组|评价组|专家组))"
)
FINANCE_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?财政局")
SUBJECT_RE = re.compile(r"实施主体(?:为|是)(?P<unit>[^，,。；]{2,30})")
DATE_RE = re.compile(r"^\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)\s*$")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年度?")
REGION_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}?省)?(?:[\u4e00-\u9fff]{2,3}?市)?(?P<region>[\u4e00-\u9fff]{2,4}?[区县])"
)
_SPACES = re.compile(r"\s+")
JUDGE_RE = re.compile(r"(?:根据|依据|按照)(?:相关)?评分标准")
CHOICES = {
    "evaluation_type": ("事前评价", "事中评价", "事后评价"),
    "evaluation_mode": ("部门（单位）绩效自评", "财政部门组织评价", "部门评价"),
    "evaluator_kind": ("中介机构", "部门（单位）评价组", "财政评价组", "专家组"),
}
COVER_FIELDS = {"评价类型": "evaluation_type", "评价方式": "evaluation_mode", "评价机构": "evaluator_kind"}


class ExtractError(Exception):
    """A report from which no project file can be made (unreadable, or no score table)."""


# ---------------------------------------------------------------------------
# Indicator tree


def _label_columns(table: ScoreTable, header: list[str]) -> list[int]:
    """The 一级/二级/三级 columns of a score table: by header words, else the label columns nearest the numbers."""
    found = []
    for word in ("一级", "二级", "三级"):
        column = next((c for c in table.label_cols if word in header[c]), None)
        if column is not None:
            found.append(column)
    if len(found) == len(table.label_cols[-3:]) and found:
        return found
    return table.label_cols[-3:]


def _table_rows(table: ScoreTable, columns: list[int]) -> list[tuple[list[str], Decimal | None, Decimal | None, str]]:
    """Body rows as (labels with empty cells filled from above, weight, score, row text)."""
    out = []
    previous = [""] * len(columns)
    header = [_SPACES.sub("", table.header[c]) for c in columns]
    for row in table.rows:
        labels = [_SPACES.sub("", row.cells[c]) for c in columns]
        labels = [x if x != h else "" for x, h in zip(labels, header, strict=True)]  # a header filled down is no label
        if any(TOTAL_LABEL.match(x) for x in labels if x) or row.is_total:
            continue
        if not labels[-1] and row.weight is None:
            continue
        written = [i for i, x in enumerate(labels) if x]
        if written and written[-1] < len(labels) - 1:  # “A1项目立项 | （空） | 8 | 8”: the 二级 is scored directly
            depth = written[-1] + 1
            labels = [x or previous[i] for i, x in enumerate(labels[:depth])]
            previous = labels + [""] * (len(columns) - depth)
        else:
            labels = [x or previous[i] for i, x in enumerate(labels)]
            previous = labels
        out.append((labels, row.weight, row.score, row.excerpt))
    return out


def _heading_name(section: str) -> str:
    """'四（一）项目决策情况' → '项目决策'."""
    title = re.sub(r"^[一二三四五六七八九十]+(?:、)?(?:[（(][一二三四五六七八九十]+[）)])?", "", section)
    title = re.sub(r"^\d+[.、．]", "", title)
    return re.sub(r"(?:情况|分析)+$", "", title).strip() or PLACEHOLDER


def _tree(analysis: Analysis, notes: list[str]) -> list[dict[str, Any]]:
    tables = analysis.score_tables
    if not tables:
        raise ExtractError("报告中没有找到评分表（表头含“权重/分值”和“得分”的表格），无法提取指标体系；"
                           "请改用 `evalreport template` 生成 Excel 评分表手工填写")  # fmt: skip
    def has_top(table: ScoreTable) -> bool:  # a 一级 column that names something
        return any(labels[0] for labels, *_ in _table_rows(table, _label_columns(table, table.header)))

    full = [t for t in tables if len(t.label_cols) >= 3 and has_top(t)]
    rows: list[SheetRow] = []
    if full:  # one appendix table, or one table per 一级 with a 一级 column: every such table, each 三级 once
        seen: set[str] = set()
        for table in full:
            for labels, weight, score, _ in _table_rows(table, _label_columns(table, table.header)):
                if labels[-1] not in seen:
                    seen.add(labels[-1])
                    rows.append(SheetRow(len(rows), labels, weight, score))
        return build_tree(rows)
    per_level1 = [t for t in tables if len(t.label_cols) == 2 or len(t.label_cols) >= 3 and not has_top(t)]
    overview = next((t for t in tables if len(t.label_cols) == 1 and len(t.body) >= 2), None)
    if not per_level1:
        raise ExtractError("报告中的评分表只有一级指标得分，没有二级、三级指标表，无法提取完整的指标体系；"
                           "请改用 Excel 评分表（`evalreport template`）补全")  # fmt: skip
    top_rows = [r for r in overview.body if r.labels] if overview else []
    tops = [(r.labels[0], r.weight) for r in top_rows]
    by_code = {split_label(label)[0]: label for label, _ in tops if split_label(label)[0]}
    for position, table in enumerate(per_level1):
        body = _table_rows(table, _label_columns(table, table.header)[-2:])  # 二级/三级 by their header words
        if not body:
            continue
        first_code = split_label(body[0][0][0])[0]
        top_label = None
        if first_code and first_code[0] in by_code:
            top_label = by_code[first_code[0]]
        elif len(tops) == len(per_level1):
            top_label, weight = tops[position]
            total = derived_sum(w for _, w, _, _ in body if w is not None)
            if weight is not None and weight != total:
                notes.append(
                    f"一级指标“{top_label}”在概况表中的权重 {plain(weight)} 与其指标表合计 {plain(total)} 不一致，请核对"
                )
        letters = {(split_label(labels[0])[0] or " ")[0] for labels, *_ in body}
        if (
            top_label is not None
            and not split_label(top_label)[0]
            and len(letters) == 1
            and letters <= set(ascii_uppercase)
        ):
            top_label = letters.pop() + top_label  # 二级 codes A1, A2 … belong to 一级 A
        if top_label is None:
            name = _heading_name(table.table.location.section)
            top_label = f"{first_code[0]}{name}" if first_code and not first_code[0].isdigit() else name
            notes.append(f"未找到一级指标“{top_label}”的名称（按所在章节标题推断），请核对 indicators 中的一级指标名称")
        for labels, weight, score, _ in body:
            rows.append(SheetRow(len(rows), [top_label, *labels], weight, score))
    return build_tree(_with_direct_tops(rows, top_rows))


def _with_direct_tops(rows: list[SheetRow], top_rows: list[ScoreRow]) -> list[SheetRow]:
    """Rows in the overview's 一级 order; a 一级 without a table of its own is scored directly (overview figures)."""
    ordered: list[SheetRow] = []
    for top in top_rows:
        own = [row for row in rows if row.labels[0] == top.labels[0]]
        ordered += own or [SheetRow(len(ordered), [top.labels[0]], top.weight, top.score)]
    known = {top.labels[0] for top in top_rows}
    return ordered + [row for row in rows if row.labels[0] not in known]


def _leaves(tree: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for node in tree:
        if node.get("children"):
            yield from _leaves(node["children"])
        else:
            yield node


# ---------------------------------------------------------------------------
# Evidence


def _strip_closing(text: str) -> str:
    """Drop the closing '根据相关评分标准，扣1.2分，该指标得2.8分。' sentence."""
    match = CLOSING_RE.search(text)
    if not match:
        return text.strip()
    start = text.rfind("。", 0, match.start()) + 1
    judge = None
    for m in JUDGE_RE.finditer(text, start, match.start()):
        judge = m
    cut = judge.start() if judge else start
    return text[:cut].strip()


def _evidence(document: Document, analysis: Analysis, tree: list[dict[str, Any]], notes: list[str]) -> None:
    leaves = list(_leaves(tree))
    by_code = {leaf["code"]: leaf for leaf in leaves if leaf.get("code")}
    by_name: dict[str, list[dict[str, Any]]] = {}
    for leaf in leaves:
        by_name.setdefault(leaf["name"], []).append(leaf)
    position = {id(b): i for i, b in enumerate(document.blocks)}
    for statement in analysis.indicator_statements:
        leaf = by_code.get(statement.code) if statement.code else None
        if leaf is None and len(by_name.get(statement.name, [])) == 1:
            leaf = by_name[statement.name][0]
        if leaf is None:
            notes.append(f"正文指标“{statement.label}”在评分表中找不到，其评分依据未提取")
            continue
        if leaf["name"] != statement.name:
            notes.append(
                f"{leaf.get('code') or ''}正文名称“{statement.name}”与评分表“{leaf['name']}”不一致，已按评分表"
            )
        if (statement.weight, statement.score) != (leaf.get("weight"), leaf.get("score")):
            notes.append(f"{statement.label}：正文写权重 {plain(statement.weight)} 分、得分 {plain(statement.score)} 分，"
                         f"与评分表 {plain(leaf['weight'] or Decimal(0))}/{plain(leaf['score'] or Decimal(0))} 不一致，已按评分表")  # fmt: skip
        parts: list[str] = []
        match = head_match(statement.head.text)
        rest = statement.head.text[match.end() :] if match else ""
        rest = rest.lstrip("）)。；;，, ")  # “A11…（权重5分，得分5分）该项目…”
        if rest.strip():
            parts.append(rest.strip())
        for block in document.blocks[position[id(statement.head)] + 1 :]:
            if not isinstance(block, Paragraph) or block.is_heading or head_match(block.text):
                break
            parts.append(block.text.strip())
            if CLOSING_RE.search(block.text):
                break
        text = _strip_closing("".join(parts))
        if text and not leaf.get("evidence"):
            leaf["evidence"] = text


def _section_evidence(document: Document, tree: list[dict[str, Any]], notes: list[str]) -> None:
    """Fengtai-style prose: a subsection titled after a 二级 indicator with a single 三级 indicator."""
    seconds = {mid["name"]: mid for top in tree for mid in top.get("children", []) if mid.get("children")}
    blocks = document.blocks
    filled = []
    for index, block in enumerate(blocks):
        if not (isinstance(block, Paragraph) and block.is_heading):
            continue
        title = _heading_name(block.text)
        mid = seconds.get(title)
        if mid is None or len(mid["children"]) != 1 or mid["children"][0].get("evidence"):
            continue
        texts = []
        for following in blocks[index + 1 :]:
            if not isinstance(following, Paragraph) or following.is_heading:
                break
            texts.append(following.text.strip())
        if texts:
            mid["children"][0]["evidence"] = "".join(texts)
            filled.append(mid["children"][0]["name"])
    if filled:
        notes.append(f"{'、'.join(filled)} 的评分依据取自对应二级指标小节的正文，请核对")


# ---------------------------------------------------------------------------
# Project, funding, texts


def _feedback_cells(analysis: Analysis) -> dict[str, str]:
    out: dict[str, str] = {}
    for table in analysis.document.tables:
        for row in grid_rows(table):
            for c, text in enumerate(row[:-1]):
                key = FEEDBACK_KEYS.get(_SPACES.sub("", text))
                value = row[c + 1].strip()
                if key and value and key not in out and _SPACES.sub("", value) not in FEEDBACK_KEYS:
                    out[key] = value
    return out


def _short(paragraphs: list[Paragraph], limit: int = 60) -> list[str]:
    return [p.text.strip() for p in paragraphs[:limit] if len(p.text.strip()) <= SHORT]


def _project(document: Document, analysis: Analysis, notes: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    paragraphs = document.paragraphs
    found: dict[str, Any] = {}
    cells = _feedback_cells(analysis)
    for key in ("name", "unit", "department", "organizer", "evaluator", "period"):
        if cells.get(key):
            found[key] = cells[key]
    short = _short(paragraphs)
    for text in short:
        m = COVER_RE.match(text)
        if not m or not m.group("value"):
            continue
        key, value = m.group("key"), m.group("value")
        if key in COVER_FIELDS:
            field = COVER_FIELDS[key]
            if value in CHOICES[field]:
                found.setdefault(field, value)
        elif key in ("评价项目", "项目名称"):
            found.setdefault("name", value)
        elif key == "项目单位":
            found.setdefault("unit", value)
        elif key in ("主管部门", "项目主管部门"):
            found.setdefault("department", value)
        elif key == "编号":
            found.setdefault("feedback_no", value)
    for text in (p.text for p in paragraphs[:80] if not p.is_heading):
        m = OPENING_RE.search(re.sub(r"[（(]以下简称[^）)]*[）)]", "", text))
        if m:
            found.setdefault("unit", m.group("unit").strip())
            found.setdefault("name", m.group("name").strip())
            break
    for index, text in enumerate(short):
        if not text.endswith("评价报告") or "财政支出" in text:
            continue
        lines = [text]
        for before in reversed(short[max(0, index - 2) : index]):
            if not before or "。" in before or "评价报告" in before or len(before) > 40:
                break
            lines.insert(0, before)
        m = TITLE_RE.match("".join(lines).strip())
        if m:
            found.setdefault("name", m.group("name"))
            if m.group("unit").strip():
                found.setdefault("unit", m.group("unit").strip())
            break
        if len(lines) > 1 or len(text) > len("绩效评价报告") + 3:
            found.setdefault("name", re.sub(r"(?:绩效)?评价报告$", "", "".join(lines[-2:])).strip())
            break
    for date_text in short:
        m = DATE_RE.match(date_text)
        if m:
            found.setdefault("report_date", _SPACES.sub("", m.group("date")))
            break
    body = [p.text for p in paragraphs if not p.is_heading]
    opening = next((t for t in body if len(t) > SHORT), "")
    for text in body[:80]:
        m = ORGANISED_RE.search(text)
        if m:
            for field in ("organizer", "evaluator", "unit", "period"):
                if m.group(field):
                    found.setdefault(field, m.group(field).strip())
            break
    for text in body[:80]:
        m = COMMISSION_RE.search(text)
        if m:
            found.setdefault("commissioned_by", m.group("client"))
            found.setdefault("evaluator", m.group("evaluator"))
            break
    m = GROUP_RE.search(opening) or next((x for x in (GROUP_RE.search(t) for t in body[:80]) if x), None)
    if m:
        found.setdefault("organizer", m.group("org"))
        found.setdefault("evaluator", m.group("org") + m.group("group"))
        found.setdefault("evaluator_kind", "专家组" if "专家" in m.group("group") else "财政评价组")
    if "organizer" not in found:
        source = found.get("commissioned_by") or next(
            (x.group(0) for x in (FINANCE_RE.search(t) for t in body[:80]) if x), None
        )
        if source:
            found["organizer"] = source
            notes.append(f"评价组织机构按正文推断为“{source}”，请核对 project.organizer")
    if "unit" not in found:
        m = next((x for x in (SUBJECT_RE.search(t) for t in body) if x), None)
        if m:
            found["unit"] = m.group("unit")
            notes.append(f"项目单位按“实施主体”推断为“{found['unit']}”，请核对 project.unit")
    region = None
    for source in (found.get("organizer"), found.get("commissioned_by"), found.get("unit"), found.get("name")):
        m = REGION_RE.match(source or "")
        if m:
            region = m.group("region")
            break
    if region:
        found["region"] = region
    year = None
    m = YEAR_RE.search(found.get("name", ""))
    if m:
        year = int(m.group(1))
    else:
        every = [y for t in body for y in YEAR_RE.findall(t)]
        if every:
            year = int(max(set(every), key=every.count))
            notes.append(f"项目年度按正文中最常出现的年份推断为 {year}，请核对 project.year")
    labels = {
        "name": "项目名称", "region": "地区", "unit": "项目单位", "department": "主管部门", "organizer": "评价组织机构",
        "evaluator": "评价机构", "period": "评价时间", "report_date": "报告日期",
    }  # fmt: skip
    project: dict[str, Any] = {}
    for key in ("name", "year", "region", "unit", "department", "organizer", "commissioned_by", "evaluator", "period",
                "report_date", "evaluation_type", "evaluation_mode", "evaluator_kind", "feedback_no"):  # fmt: skip
        if key == "year":
            if year is None:
                from datetime import date

                year = date.today().year
                notes.append(f"未找到项目年度，已填 {year}，请补填 project.year")
            project["year"] = year
        elif found.get(key):
            project[key] = found[key]
        elif key in labels:
            project[key] = PLACEHOLDER
            notes.append(f"未找到{labels[key]}，请补填 project.{key}")
    return project, cells


def _clause_role(text: str, start: int) -> str | None:
    before = text[:start]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(before)]
    clause = before[breaks[-1] if breaks else 0 :]
    for role, pattern in ROLE_WORDS:
        if pattern.search(clause):
            return role
    return None


def _funding(document: Document, notes: list[str]) -> dict[str, Any]:
    candidates: list[tuple[int, int, int, dict[str, tuple[Decimal, str]]]] = []
    for index, paragraph in enumerate(p for p in document.paragraphs if not p.is_heading):
        for sentence in re.split(r"(?<=。)", paragraph.text):
            roles: dict[str, tuple[Decimal, str]] = {}
            for m in AMOUNT_RE.finditer(sentence):
                role = _clause_role(sentence, m.start())
                if role and role not in roles:
                    roles[role] = (Decimal(m.group("num").replace(",", "")), m.group("unit"))
            if roles:
                funding_section = 0 if FUNDING_SECTION_RE.search(paragraph.location.section) else 1
                candidates.append((funding_section, -len(roles), index, roles))
    # the 项目资金情况 section first; there and elsewhere, the sentence naming most of 预算/到位/支出 together first
    found: dict[str, tuple[Decimal, str]] = {}
    for *_, roles in sorted(candidates, key=lambda c: c[:3]):
        for role, value in roles.items():
            found.setdefault(role, value)
    units = [u for _, u in found.values()]
    unit = max(set(units), key=units.count) if units else "万元"
    funding: dict[str, Any] = {"unit": unit}
    if len(set(units)) > 1:
        notes.append(f"资金金额的单位不一致（{'、'.join(sorted(set(units)))}），已统一换算为{unit}，请核对 funding")
    for role in ("budget", "received", "spent"):
        if role in found:
            value, value_unit = found[role]
            if value_unit != unit:
                value = Decimal(plain(value * Unit(value_unit).factor / Unit(unit).factor))
            funding[role] = value
        else:
            funding[role] = Decimal(0)
            notes.append(f"未找到{ROLE_NAMES[role]}，已填 0，请补填 funding.{role}")
    if not units:
        notes.append("未找到资金金额，金额单位暂填“万元”，请核对 funding.unit")
    return funding


def _section_texts(document: Document, words: tuple[str, ...]) -> list[str]:
    """Body paragraphs under the first heading whose title contains one of `words`, down to the next heading."""
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.is_heading and any(w in block.text for w in words):
            level = block.heading_level or 9
            texts = []
            for following in blocks[index + 1 :]:
                if isinstance(following, Table):
                    continue
                if following.is_heading:
                    if (following.heading_level or 9) <= level or texts:
                        break
                    continue
                texts.append(following.text.strip())
            if texts:
                return [t for t in texts if t]
    return []


def _labelled(document: Document, label: str) -> list[str]:
    """'总目标：…' paragraphs (a label and its text in one paragraph)."""
    pattern = re.compile(rf"^(?:\d+[.、．]\s*)?{label}[：:]\s*(?P<text>\S.*)$", re.S)
    for paragraph in document.paragraphs:
        m = pattern.match(paragraph.text.strip())
        if m:
            return [m.group("text").strip()]
    return []


_ITEM = re.compile(r"^(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*(?P<rest>\S.*)$", re.S)


FINDING_WORDS = (("问题",), ("建议",), ("经验", "做法"))


def _section_range(document: Document, words: tuple[str, ...]) -> tuple[int, int] | None:
    """Block range of the findings section: a heading containing one of `words` and none of the other findings'
    (so “（二）存在的问题” under “五、主要经验及做法、存在的问题” is the problems), a level-1 heading first."""
    blocks = document.blocks
    headings = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.is_heading]
    others = [w for group in FINDING_WORDS if group != words for w in group]
    for alone, wanted_top in ((True, True), (True, False), (False, True), (False, False)):
        for index, block in headings:
            if alone and any(w in block.text for w in others) or "其他需要说明" in block.text:
                continue
            if any(w in block.text for w in words) and (block.heading_level == 1 or not wanted_top):
                level = block.heading_level or 1
                end = next((j for j, b in headings if j > index and (b.heading_level or 9) <= level), len(blocks))
                return index + 1, end
    return None


def _split_item(text: str) -> tuple[str, str]:
    """'1.项目目标不够清晰。项目名称为…' → ('项目目标不够清晰', '项目名称为…'); a long first sentence gives its first clause."""
    match = _ITEM.match(text.strip())
    body = match.group("rest") if match else text.strip()
    head, sep, rest = body.partition("。")
    if sep and len(head) <= 40:
        return head.strip(), rest.strip() or head.strip() + "。"
    clause = re.split(r"[，,；;]", body, maxsplit=1)[0]
    return (clause if len(clause) <= 40 else _cut(clause, 40)).strip(), body


def _cut(text: str, limit: int) -> str:
    """The first `limit` characters, never ending inside （…）, 《…》 or “…” (cut before the open mark instead)."""
    head = text[:limit]
    for opening, closing in (("（", "）"), ("(", ")"), ("《", "》"), ("“", "”")):
        start = head.rfind(opening)
        if start > 0 and head.find(closing, start) < 0:
            head = head[:start]
    return head


def _items(document: Document, words: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(group, title, text) items of a findings section: numbered paragraphs, or subsections by heading."""
    return [(group, title, "".join(parts)) for group, title, parts in _item_parts(document, words)]


_APPENDIX_LINE = re.compile(r"^附\s*[件表录]")


def _item_parts(document: Document, words: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """:func:`_items` with each item's paragraphs kept apart."""
    found = _section_range(document, words)
    if found is None:
        return []
    items: list[tuple[str, str, list[str]]] = []
    group, title = "", ""
    current: list[str] | None = None  # None before the first item (an introduction)

    def flush() -> None:
        if current:
            items.append((group, title, list(current)))

    for block in document.blocks[found[0] : found[1]]:
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if _APPENDIX_LINE.match(text):
            break  # “附件：…评分情况表” after the last suggestion starts the appendix
        if block.is_heading:
            flush()
            if block.heading_level is not None and block.heading_level <= 2:
                group = re.sub(r"^[（(][一二三四五六七八九十]+[）)]\s*", "", text)
            numbered = _ITEM.match(text)
            title, current = (numbered.group("rest") if numbered else text).strip(), []
        elif _ITEM.match(text):
            flush()
            title, rest = _split_item(text)
            current = [rest]
        elif current is None:
            continue
        elif not current and len(text) <= 40 and "。" not in text:
            title = text  # a short title line, as seeds write problem headings
        else:
            current.append(text)
    flush()
    return [(g, t, x) for g, t, x in items if t and "".join(x)]


def _feedback_list(document: Document, label: str) -> list[str]:
    """The numbered lines of a 反馈书 cell (“主要问题”: “1.…。2.…。”) without their numbers and full stops."""
    for table in document.tables:
        for row in grid_rows(table):
            for c, text in enumerate(row[:-1]):
                if _SPACES.sub("", text) == label:
                    lines = [_ITEM.match(line) for line in row[c + 1].splitlines()]
                    return [m.group("rest").strip().rstrip("。") for m in lines if m]
    return []


def _problems(document: Document) -> list[tuple[str, str, str]]:
    """Problems: one per numbered item; under a 方面 heading written as plain paragraphs, one per paragraph, titled
    from the 反馈书's “主要问题” list when the counts agree (else by the paragraph's first clause)."""
    items: list[tuple[str, str, str, bool]] = []  # group, title, text, title still to find
    for group, title, parts in _item_parts(document, ("问题",)):
        if title == group and len(parts) > 1:
            items += [(group, _split_item(part)[0], part, True) for part in parts]
        elif title == group:  # the 方面 heading is the aspect, not the problem's title
            items.append((group, _split_item("".join(parts))[0], "".join(parts), True))
        else:
            items.append((group, title, "".join(parts), False))
    titles = _feedback_list(document, "主要问题")
    if titles and len(titles) == len(items):
        return [(g, titles[i] if untitled else t, x) for i, (g, t, x, untitled) in enumerate(items)]
    return [(g, t, x) for g, t, x, _ in items]


def _suggestions(document: Document) -> list[tuple[str, str, str]]:
    """Suggestions: one per numbered item; when the 反馈书 lists as many suggestions as there are groups
    (“（一）进一步提高绩效目标编制水平” over numbered sub-items), one per group, its sub-items as the text."""
    items = _items(document, ("建议",))
    groups = list(dict.fromkeys(group for group, _, _ in items if group))
    listed = _feedback_list(document, "建议")
    if not groups or len(listed) != len(groups) or len(items) == len(groups):
        return items
    merged: list[tuple[str, str, str]] = []
    for group in groups:
        parts = [(t, x) for g, t, x in items if g == group]
        text = "".join(x if t == group else f"{n}.{x}" if x.startswith(t) else f"{n}.{t}。{x}"
                       for n, (t, x) in enumerate(parts, 1))  # fmt: skip
        merged.append((group, group, text))
    return merged


def _findings(document: Document, notes: list[str]) -> dict[str, Any]:
    """Problems (grouped by 方面), suggestions and 经验做法 from last year's report, to edit rather than retype."""
    findings: dict[str, Any] = {}
    problems = _problems(document)
    if problems:
        findings["problems"] = [
            {"id": f"P{n}", "aspect": re.sub(r"方面$", "", group) or "综合", "title": title, "text": text}
            for n, (group, title, text) in enumerate(problems, 1)
        ]
    suggestions = _suggestions(document)
    if suggestions:
        findings["suggestions"] = [{"title": title, "text": text} for _, title, text in suggestions]
    practices = _items(document, ("经验", "做法"))
    if practices:
        findings["practices"] = [{"title": title, "text": text} for _, title, text in practices]
    if problems or suggestions:
        notes.append(
            f"已提取 {len(problems)} 个问题、{len(suggestions)} 条建议、{len(practices)} 条经验做法，"
            "建议与问题的对应关系（suggestions[].answers）请补填"
        )
    return {"findings": findings} if findings else {}


def _texts(document: Document, notes: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    background = _section_texts(document, ("项目背景",)) or _section_texts(document, ("项目概况",))
    if not background:
        notes.append("未找到项目背景，请补填 background")
    out["background"] = background or [PLACEHOLDER]
    overall = _section_texts(document, ("总目标", "总体目标")) or _labelled(document, r"总(?:体)?目标")
    annual = _section_texts(document, ("年度目标",)) or _labelled(document, r"(?:年度|项目绩效年度)目标")
    if overall and not annual or annual and not overall:
        notes.append("报告只写了一项绩效目标，总目标与年度目标暂填同一段，请核对 goals")
    if not overall and not annual:
        notes.append("未找到绩效目标，请补填 goals.overall 与 goals.annual")
    out["goals"] = {
        "overall": "".join(overall or annual) or PLACEHOLDER,
        "annual": "".join(annual or overall) or PLACEHOLDER,
    }
    return out


# ---------------------------------------------------------------------------
# Entry points


def _pick_report(document: Document, report: int | None, notes: list[str]) -> Document:
    parts = split_reports(document)
    if report is not None:
        if not 1 <= report <= len(parts):
            raise ExtractError(f"--report {report} 超出范围：该文件共有 {len(parts)} 篇报告，请用 1～{len(parts)}")
        return parts[report - 1]
    scored = [i for i, part in enumerate(parts) if Analysis(part).score_tables]
    index = scored[0] if scored else 0
    if len(parts) > 1:
        notes.append(f"该文件含 {len(parts)} 篇报告，已提取第 {index + 1} 篇；提取其他报告请用 --report N")
    return parts[index]


def extract_project(path: str | Path, report: int | None = None) -> tuple[dict[str, Any], list[str]]:
    """Read a report into project-file data and the Chinese notes of what could not be read."""
    try:
        whole = read_document(path)
    except ReadError as exc:
        raise ExtractError(str(exc)) from None
    notes: list[str] = []
    document = _pick_report(whole, report, notes)
    analysis = Analysis(document)
    tree = _tree(analysis, notes)
    _evidence(document, analysis, tree, notes)
    _section_evidence(document, tree, notes)
    project, cells = _project(document, analysis, notes)
    data: dict[str, Any] = {}
    headers = " ".join(h for t in analysis.score_tables for h in t.header)
    style = detect_style(" ".join(p.text for p in document.paragraphs[:60]) + " " + headers)
    if style:
        data["style"] = style
    data["project"] = project
    data.update(_texts(document, notes))
    data.update(_findings(document, notes))
    data["funding"] = _funding(document, notes)
    data["indicators"] = tree
    leaves = list(_leaves(tree))
    total = derived_sum(leaf["score"] or Decimal(0) for leaf in leaves)
    full = derived_sum(leaf["weight"] or Decimal(0) for leaf in leaves)
    grade = grade_for(total, full or Decimal(100))
    stated = [s.value for s in analysis.total_statements]
    stated_grades = [s.name for s in analysis.grade_statements]
    if stated and any(value != total for value in stated):
        notes.append(
            f"报告所写总分 {'、'.join(sorted({plain(v) for v in stated}))} 分与指标得分之和 {plain(total)} 分不一致，请核对评分表"
        )
    if stated_grades and any(g != grade for g in stated_grades):
        notes.append(f"报告所写等级“{stated_grades[0]}”与按总分计算的等级“{grade}”不一致，请核对")
    notes.insert(0, f"提取结果：{len(leaves)} 个三级指标，总分 {plain(total)} 分（满分 {plain(full)}），等级“{grade}”")
    without = [leaf["name"] for leaf in leaves if not leaf.get("evidence")]
    if without and len(without) < len(leaves):
        notes.append(
            f"{len(without)} 个三级指标没有提取到评分依据（evidence）：{'、'.join(without[:8])}{'等' if len(without) > 8 else ''}"
        )
    elif without:
        notes.append("报告中没有逐项的指标分析，三级指标的评分依据（evidence）未提取")
    unread = [label for key, label in NOT_EXTRACTED if not _present(data, key)]
    if unread:
        notes.append(f"以下内容不从报告中提取，起草前请按需补写（否则报告中略去相应部分；样式要求写出的，如上城样式的资金管理情况，"
                     f"写作“（待补充）”，补写前不予起草）：{'；'.join(unread)}")
    return data, notes


NOT_EXTRACTED = (
    ("basis", "立项依据 basis"), ("organization", "组织实施 organization"), ("implementation", "项目实施 implementation"),
    ("funding.management", "资金管理 funding.management"), ("findings.conclusion", "评价结论 findings.conclusion"),
    ("findings.achievements", "主要绩效 findings.achievements"),
)  # fmt: skip


def _present(data: dict[str, Any], path: str) -> bool:
    value: Any = data
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return False
        value = value[key]
    return bool(value)


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)

    def represent_decimal(representer, value: Decimal):
        text = format(value, "f")
        tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
        return representer.represent_scalar(tag, text)

    yaml.representer.add_representer(Decimal, represent_decimal)
    return yaml


SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "project.schema.json"


def schema_reference(output: Path | None) -> str:
    """Where the JSON Schema is, as the editor of a project file at ``output`` finds it (relative to the file)."""
    if output is None:
        return "docs/project.schema.json"
    try:
        return Path(os.path.relpath(SCHEMA, output.resolve().parent)).as_posix()
    except ValueError:  # another drive (Windows)
        return SCHEMA.as_uri()


def project_yaml_text(data: dict[str, Any], notes: list[str], output: Path | None = None) -> str:
    """The YAML text: notes as a header comment, Decimals written as given (2.80 stays 2.80), the schema line
    pointing at docs/project.schema.json from where the file is written."""
    buffer = StringIO()
    _yaml().dump(data, buffer)
    header = ["# 由 evalreport extract 从现有报告提取；“（待补充）”处请补填。"]
    header += [f"# - {note}" for note in notes]
    header.append(f"# yaml-language-server: $schema={schema_reference(output)}")
    return "\n".join(header) + "\n" + buffer.getvalue()


def write_project_yaml(
    data: dict[str, Any], path: str | Path, notes: list[str], source: str | Path | None = None, force: bool = False
) -> None:
    """Write the extracted project file atomically; never over the input report, nor over an existing file unless force."""
    from drafter.atomic import OutputError, atomic_write_text, guard_output

    path = Path(path)
    guard_output(path, [Path(source)] if source else [])
    if path.exists() and not force:
        raise OutputError(f"输出文件 {path} 已存在，已拒绝覆盖。请换一个文件名，或确认无误后加 --overwrite 覆盖")
    atomic_write_text(path, project_yaml_text(data, notes, path))
