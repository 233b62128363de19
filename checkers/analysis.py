"""What the rules look at: a read document turned into score tables, indicator statements, totals, grades, rates.

Recognisers here are general patterns of evaluation reports (no seed is special-cased); each rule
module only compares what this module found.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from checkers.document import Document, Location, Paragraph, Table
from checkers.figures import (
    CN_PERCENT,
    MONEY_UNITS,
    Figure,
    chinese_value,
    clause_at,
    clause_before,
    extract_figures,
    in_parentheses,
    parse_number,
    sentence_at,
    sentence_head,
    sentences,
)
from checkers.openings import (
    BARE_SCORE,
    CLOSING_RE,
    CODED_START,
    CONDITION,
    DEDUCT_RE,
    FIGURE,
    HEAD_WORD_RE,
    ITEM_NUMBER,
    LEVEL1_NAME,
    NAME_SUFFIX,
    NUM,
    OPENING_DEDUCTION,
    OTHER_PERIOD,
    SCORED_RE,
    SCORING_STANDARD,
    STANDARD_DEDUCTION,
    Closing,
    IndicatorStatement,
    WeightedHeading,
    group_name,
    head_inside,
    head_match,
    listed_openings,
    named_by_heading,
    split_label,
    statement_of,
    states_a_score,
    strip_code_prefix,
    weighted_heading,
)
from checkers.respective import listed_figures
from evaluation_model import grade_band_text, grade_for, plain

if TYPE_CHECKING:
    from checkers.blame import BlamedAmount, BlamedCell, BlamedGroup
    from checkers.prose_columns import ProseColumnSlip

SUMMED_WORDS = ("共计", "合计", "累计", "总计", "总共", "共")  # “共扣1.5分”: the analysis's deductions added up
LEVEL1_WEIGHT_WORDS = ("总分", "权重", "满分", "分值", "共计", "共")
LEVEL1_PROSE_RE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{1,8}}?)(?:(?:类)?指标|维度|部分)\s*[，,（(]?\s*(?:{'|'.join(LEVEL1_WEIGHT_WORDS)})(?:为)?\s*{NUM}\s*分\s*[）)]?\s*[，,]?\s*"
    rf"(?:(?:实际|评价|累计|评定|核定)?得分|(?:专家|综合|评价)评分|实得分|实得|得(?=\s*\d))(?:为)?\s*{NUM}\s*分"
)  # (“过程类指标共20分，专家评分18分”)
# “项目效益（25分）得分21分”: a 一级 named with its weight in brackets
# a name's weight in brackets and its score after them: “（25分）得分21分”
_BRACKETED_WEIGHT_THEN_SCORE = (
    rf"(?:类)?(?:指标)?\s*[（(]\s*(?:{'|'.join(LEVEL1_WEIGHT_WORDS)})?"
    rf"(?:为)?\s*{NUM}\s*分\s*[）)]\s*[，,：:]?\s*(?:(?:实际|评价|累计)?得分|实得|得(?=\s*\d))(?:为)?\s*{NUM}\s*分"
)
LEVEL1_BRACKET_RE = re.compile(  # (not the end of a longer name: “实施效益（15分）得12分” is a 三级's)
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[该本此其中的]))(?P<name>{LEVEL1_NAME})" + _BRACKETED_WEIGHT_THEN_SCORE
)
# “政策执行（30分）得26分”: any name with its weight in brackets (kept only for a 一级 the report's tables name so)
LEVEL1_ANY_BRACKET_RE = re.compile(r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,10}?)" + _BRACKETED_WEIGHT_THEN_SCORE)
# “立项必要性共50分，得42分”: any name with its weight, then its score (kept only for a 一级 the report's tables name so)
LEVEL1_ANY_WEIGHED_RE = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{{2,10}}?)(?:共|满分|总分|分值)(?:为)?\s*{NUM}\s*分\s*[，,]\s*"
    rf"(?:(?:实际|评价|评估)?得分|实得|得(?=\s*\d))(?:为)?\s*{NUM}\s*分"
)
# “效益部分共得21分（满分25分）”: the score first, the weight in brackets after it
LEVEL1_SCORE_FIRST_RE = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[该本此其中的]))(?P<name>{LEVEL1_NAME})(?:类|部分|方面)?(?:指标)?\s*(?:共|合计|累计|实际)?(?:得分|得)(?:为)?\s*(?P<score>{FIGURE})\s*分\s*"
    rf"[（(]\s*(?:{'|'.join(LEVEL1_WEIGHT_WORDS)})(?:为)?\s*(?P<weight>{FIGURE})\s*分\s*[）)]"
)
THIS_PART = re.compile(r"^(?:该|本|此)(?:部分|类|项|方面|一级)$")  # “该部分指标权重40分”: the section's own 一级
THIS_PART_IN = re.compile(r"(?:该|本|此)(?:部分|类|方面|一级)")
_SECTION_NUMBER = re.compile(r"^[\d一二三四五六七八九十（）()、.．\s]+")
# what a section heading adds to its 一级's name (“项目决策情况”, “产出指标分析”, “项目效益实现情况”)
_HEADING_TAIL = re.compile(r"(?:类)?(?:指标)?(?:(?:完成|实现|实施|执行)?情况)?(?:分析|评价)?$")
AMONG_RE = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{1,8}}?)得分\s*{NUM}\s*分")
# “总得分为88分，其中决策指标得18分，过程指标得17分”: after a 其中 inside the sentence, only 一级 names
AMONG_LEVEL1_RE = re.compile(rf"(?<![\u4e00-\u9fff])(?P<name>{LEVEL1_NAME})(?:类)?(?:指标)?(?:部分)?(?:得分为?|实得|得)\s*{NUM}\s*分")
AMONG_WEIGHED_RE = re.compile(rf"(?<![\u4e00-\u9fff])(?P<name>{LEVEL1_NAME})(?:类)?(?:指标)?(?:满分|权重|分值)?"
                              rf"\s*(?P<weight>{FIGURE})\s*分\s*[，,]?\s*得\s*(?P<score>{FIGURE})\s*分")
TOTAL_RES = (
    re.compile(rf"综合(?:评价)?(?:得分|评分)(?:为)?\s*{NUM}\s*分"),
    re.compile(rf"总得分(?:为)?\s*{NUM}\s*分"),
    re.compile(rf"评价(?:结果|得分)为\s*{NUM}\s*分"),
    re.compile(rf"最终(?:评分|得分)(?:结果)?(?:为)?[：:]?\s*(?:总得分为)?\s*{NUM}\s*分"),
)
# looser wordings (“本项目绩效评价得分89.5分”, “该项目得分85.8分”): only when nothing in their sentence says they are
# someone else's (a unit, an expert, a sub-project, a self-evaluation, another year, a project compared with)
LOOSE_TOTAL_RE = re.compile(rf"(?<!综合)评(?:价|估)(?:总)?得分(?:为)?\s*{NUM}\s*分|(?:本|该)(?:项目|政策)(?:最终|总)?得分(?:为)?\s*{NUM}\s*分"
                            rf"|(?:项目|评价)(?:评价|绩效)?总分(?:为|是)?\s*{NUM}\s*分")  # (“项目总分100分” is the full marks)
GRADING_SCALE = re.compile(r"\s*(?:[（(]含[）)])?\s*(?:及)?(?:以上|以下|至|—|-|～)")  # “90分（含）以上的评定为优”
PLACE_SCORED = re.compile(r"\s*(?:其中[，,：:]?\s*)?(?P<place>[\u4e00-\u9fff]{2,4}(?:区|县|市))(?:的)?(?:项目)?(?:综合)?(?:评价|评估)?$")
# an evaluation told of as past or of another batch (“2022年度该工程曾纳入……，当时评价得分79.8分”, “该批……前期项目”)
EARLIER_EVALUATION = re.compile(r"当时|曾(?:经)?(?:被|纳入|获|开展|进行|评)|此前|[上前]一?批|前期项目")
SOMEONE_ELSES = re.compile(r"主管部门|部门整体|同类|对比|比较|负责人|子项|(?<![加扣减])分项|自评")
SELF_TOTAL_RE = re.compile(rf"自评(?:总)?得分(?:为|是)?\s*{NUM}\s*分")  # the total of a 自评 report (its title says so)
BODY_ASSESSED = re.compile(r"医院|学校|幼儿园|街道|社区|乡镇|各单位|(?<![本该全我])县(?![级域])")  # institutions a project assesses and scores
PROJECT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,20}?(?:项目|工程)")  # the words from an institution to its project
QUOTED_PROJECT = re.compile(r"[“\"「]([^”\"」]{2,40}?(?:项目|工程))[”\"」]")
REPORT_KINDS = ("部门整体", "自评")  # a title saying so makes these the report's own scores
# an indicator's or a part's own score in the loose wording (“B11资金到位率：该指标满分3分，评价得分2.5分”)
AMONG_HEAD = re.compile(r"^其中\s*[，,：:]?")
ON_TIME_BEFORE = re.compile(r"(?:按时|按期|如期|及时)$")  # “按时完成率”, “按期完工率”: a 及时率
# “按实际支出÷年度预算计算”, “预算执行率（实际支出/预算）”: the base of a 预算执行率 the report says it takes
DECLARED_BASE = re.compile(r"支出(?:数|金额)?\s*(?:[÷/]|除以)\s*(?:年度|全年|调整后的?|实际)?(?:财政)?(?:资金)?(?P<base>预算|到位)")
CAPTION_LINE = re.compile(r"^\s*(?:附)?[表图]\s*[\d一二三四五六七八九十]")  # “表1 ……”, “附表2 ……”, “图1 ……”
# “……，扣1分。扣1分，得2分。”: a deduction and the score together, without “该指标”: the analysis's closing
SUMMARY_CLOSING = re.compile(rf"扣(?:除|减)?\s*{NUM}\s*分\s*[，,]\s*(?:最终|实际|评价)?得(?:分)?(?:为)?\s*{NUM}\s*分")
PART_WEIGHT = re.compile(rf"(?:分值|满分|权重|(?:指标|部分|方面)共(?:计)?)(?:为)?\s*{NUM}\s*分")  # before a total: the whole's 100, or a part's
SOMEONE_ELSES_SCORE = re.compile(r"自评|申报|初评|复评前")  # a score the unit gave itself, not the evaluation's
INDICATOR_SCORE = re.compile(r"满分|权重|分值|标准分|[该此本]指标|[该本此]部分|该类|该项(?!目)|[A-Z]\d")
SCALE_BEFORE = re.compile(r"(?:以上|以下|[（(]含[）)]|至\s*\d+(?:\.\d+)?\s*分?)的?\s*$")  # “90分（含）以上的评定为‘优秀’”
TOTAL_HINT = re.compile(r"综合|总得分|评[价估](?:结果|得分|总得分)|最终|[本该](?:项目|政策)(?:最终|总)?得分|(?:项目|评价)(?:评价|绩效)?总分")
# a score of something else (a survey, an assessment of hospitals…) written with the same words as the total
# a figure of one contract, lot or phase rather than of the whole project (“监理合同…执行率80%”, “一期尾款预算…”)
# (“一期工程预算200万元” is a phase's; “服务项目（二期）” names the project evaluated)
SUB_ITEM = re.compile(r"合同|监理|设计费|勘察|标段|尾款|分项|子项|单项|(?<![（(])[一二两三四五六七八九十]期(?![）)])(?:工程|项目)?")
PROJECT_WIDE = re.compile(r"项目|全年|整体|总体")  # “…监理、设计等费用，项目全年资金到位率…” is the project's again
PART_MARK = re.compile(SUB_ITEM.pattern + r"|其中|结转|以前年度|上年")


LIST_NUMBER_ON_DIGITS = re.compile(r"^\d{1,2}\s*[.．]\s*(\d.*)$")  # a list number before a name opening with digits


def about_a_part(text: str, position: int) -> bool:
    """The figure at `position` belongs to a contract, lot or breakdown named earlier in its sentence (or in a sentence
    opening with 其中, whose every clause is a part), unless the words after that mention name the project again
    (“项目合同总额…，2020年度项目预算执行率为90.86%” is the project's rate)."""
    sentence = sentence_head(text, position)
    marks = [m for m in PART_MARK.finditer(sentence) if not in_parentheses(sentence, m.start())
             and not _carried_in_amid(sentence, m.start())]  # (“支出3,312.50万元
    if marks:  # （含工程费…、监理费…）”: the whole's make-up in brackets names no part)
        return not PROJECT_WIDE.search(sentence[marks[-1].end() :])
    whole = text[text.rfind("。", 0, position) + 1 : position]  # “其中市级资金支出190万元，执行率95%；区级……80%”
    return whole.lstrip().startswith("其中") and not PROJECT_WIDE.search(whole)


CARRY_IN_CLAUSE = re.compile(r"(?:加上?|另有|以及|及|和)?(?:上年|上一年度?|以前年度)度?结转(?:资金)?(?:为|了)?\s*\d")


def _carried_in_amid(sentence: str, at: int) -> bool:
    """A carry-in named after the budget (“项目预算6,000.00万元，上年结转286.40万元，实际支出……”): funds at hand with the
    budget, not a part whose own rate follows (“上年结转资金50万元，执行率80%” opens its sentence: that one is a part)."""
    start = max(sentence.rfind(mark, 0, at) for mark in "，,；;") + 1
    if not start or not re.search(r"\d", sentence[:start]):
        return False
    return CARRY_IN_CLAUSE.match(sentence[start:].lstrip()) is not None


SURVEY = re.compile(r"满意度|问卷|调查|测评|受访|居民|群众")
FINAL_WORDS = re.compile(r"最终得分|最终评分|综合得分|总得分|最后得分|最终评定")


ADJUSTED_WITHIN = 80  # characters after a total in which a bonus and the final score are looked for


def _adjusted_after(text: str, end: int) -> bool:
    """The rest of the sentence after a total adds a bonus (or takes a penalty) and then states the final score."""
    stop = min((i for i in (text.find("。", end, end + ADJUSTED_WITHIN), text.find("；", end, end + ADJUSTED_WITHIN)) if i >= 0),
               default=end + ADJUSTED_WITHIN)  # fmt: skip
    rest = text[end:stop]
    adjusted = BONUS_RE.search(rest) or PENALTY_RE.search(rest)
    return bool(adjusted and FINAL_WORDS.search(rest, adjusted.end()))


BASE_TOTAL_RE = re.compile(rf"(?:基础|基本)(?:得分|分)(?:为|是)?\s*{NUM}\s*分")  # the total before 加分项/扣分项
SCORE_COMPARED = re.compile(r"高于|低于|相差|差距|相比|较|多|少|提高|下降|增加|减少|差")
# a clause stating a score (not a weight: “满分100分”; “总分100分” is full marks unless scored: “评价总分88分”)
SCORED_CLAUSE = re.compile(r"得分|评分|(?:得|评价|综合|最终|考核)总分|得\s*\d")
LAST_SCORE = re.compile(r"(?:^|[，,：:])(?P<clause>[^，,：:]*?\d+(?:\.\d+)?\s*分)[^分]*$")  # the clause of the last score
FULL_MARKS_BEFORE = re.compile(r"(?:满分|分值|权重|总分值)(?:为|是)?\s*$")  # “满分100分”: not a score
BRACKETED = re.compile(r"[（(][^（）()]*[）)]")  # “（满分100分）”, “（含加分）”: a remark, not the clause's score


def last_score_clause(head: str) -> re.Match | None:
    """The clause of the last score in a sentence's head, bracketed remarks left out."""
    return LAST_SCORE.search(BRACKETED.sub("", head))


def _survey_grade(head: str) -> bool:
    """The grade follows a survey's score (“受访群众综合满意度得分为92.5分，评价结果为‘优’”), not an indicator's
    (“其中满意度指标得分8.5分，评价等级为‘良’” grades the whole project)."""
    match = last_score_clause(head)
    if match is None:
        return False
    clause = match.group("clause")
    return bool(SURVEY.search(clause)) and "其中" not in clause and "指标" not in clause

ELSEWHERE = re.compile(r"已在[^，。；]{0,24}?(?:指标)?中(?:已)?扣|在[^，。；]{0,24}指标中(?:已)?扣")  # another indicator's
EACH_WORDS = ("各", "分别", "每")  # “各扣0.5分”, “分别扣1分和0.5分”: how much in all is not written
YEAR_IN_TEXT = re.compile(r"((?:19|20)\d{2})年(?!\d{1,2}月)")  # a year, not a date (截至2023年12月31日)
YEAR_AT_END = re.compile(r"((?:19|20)\d{2})年度?的?$")
NAMED_PROJECT_TOTAL_RE = re.compile(rf"(?P<name>[\u4e00-\u9fff\d]{{4,40}}项目)(?:最终|总)?得分(?:为)?\s*(?P<score>{FIGURE})\s*分")
# “该部分得分17分” under a heading that gives the part's weight (“（一）项目决策（权重20分）”)
THIS_PART_SCORE_RE = re.compile(rf"(?:该|本|此)部分(?:指标)?(?:共|实际|评价|累计)?得(?:分)?(?:为)?\s*(?P<score>{FIGURE})\s*分")
_HEADING_WEIGHT = re.compile(rf"\s*[（(]\s*(?:权重|分值|满分)?\s*({FIGURE})\s*分\s*[）)]\s*$")
COMPARED_WITH = re.compile(r"同类|其他项目|其它项目|对比|相比|比较")  # “区内同类项目综合评价得分82.5分”
NOT_THE_TOTAL = re.compile(OTHER_PERIOD.pattern + r"|满意度|问卷|调查|测评|考核|考评|自评|子项|(?<![加扣减])分项|指标")
INSTITUTION = re.compile(r"医院|单位|学校|街道|社区")  # “各医院综合得分”; not in a project's name (“某某医院设备购置项目”)
# the grade words of 财预〔2020〕10号 (优/良/中/差, also 优秀/良好) and of other scales a report may state its bands in
GRADE_WORD = "不合格|合格|优秀|良好|较好|一般|较差|优|良|中|差|[A-D]级|调整完善后予以支持|部分予以支持|部分支持|予以支持|不予支持"  # (事前评估's last four)
GRADE_RE = re.compile(rf"(?:绩效评级|评价等级|自评等级|绩效等级|绩效级别评定|评价级别|评定等级|等级评定|绩效评价等级|评价结论|评价结果|评估结论|评估结果|评估等级)\s*(?:为|是|评定为|：|:)?\s*[“\"「]?\s*(?P<grade>{GRADE_WORD})\s*[”\"」]?(?=[”\"」。，,；;）)\s、]|$)")
RATE_NAMES = (
    "资金到位率", "预算执行率", "资金执行率", "成本节约率", "决算核减率", "审计控制率", "到位率", "执行率", "节约率",
    "核减率", "审减率", "得分率", "完成率", "资金到位比例", "预算执行比例", "资金执行比例", "到位比例", "执行比例", "完成比例",
    "资金发放率", "发放率", "兑付率", "资金支出率", "支出率", "资金支付率", "支付率", "合格率", "达标率", "回收率", "及时率", "完工率", "有效率", "不满意率", "不满意比例",
    "满意率", "满意度", "成功率",
)  # fmt: skip  # “到位比例” is read as 到位率, “审减率” as 核减率; 发放率/兑付率/支出率/支付率 are taken like 执行率; 合格率 etc.: part ÷ whole
RATE_RE = re.compile(
    r"(?P<name>" + "|".join(RATE_NAMES) + r")(?:\s*[（(][^）)]{0,20}[）)])?(?:为|达到|达|是|仅为|约为)?\s*[：:]?\s*"
    r"(?:[=＝]\s*)?(?:[^，。；;=＝]{1,40}?[=＝]\s*){0,3}"  # “预算执行率（实际支出÷到位资金）=287.6÷320=89.78%”
    r"(?:" + NUM + r"\s*[%％]|" + CN_PERCENT + ")"
    r"(?!\s*(?:的|以上|以下|及以上|及以下|（含）|\(含\)|或以上))"
)
# the grade before its word: “综合评价得分89.5分，属于‘优’等级”, “评定为优秀等次”
# “项目总分95分，等级为优”: a bare 等级 right after a clause break, taken only after the total in its sentence
GRADE_BARE_RE = re.compile(rf"(?:^|(?<=[，,；;：:]))\s*(?:等级|等次)(?:为|是|评定为|：|:)\s*[“\"「]?\s*(?P<grade>{GRADE_WORD})"
                           r"\s*[”\"」]?(?=[”\"」。，,；;）)\s、]|$)")
# “该项目综合评价得分82.6分，评定为“优”。”: a verb and a quoted grade, right after a clause giving the total
GRADE_VERB_RE = re.compile(rf"(?<=[，,；;])\s*(?:被)?(?:评定为|评为|定为|认定为)\s*[“\"「]\s*(?P<grade>{GRADE_WORD})\s*[”\"」]")
GRADE_AFTER_RE = re.compile(rf"(?:属于|评定为|评为|定为|确定为|为)\s*[“\"「]?\s*(?P<grade>{GRADE_WORD})\s*[”\"」]?\s*(?:等级|等次|档次|级)")
GRADE_WORDS = {"优秀": "优", "良好": "良", "优": "优", "良": "良", "中": "中", "差": "差"}
# a grading scale the report states: “90分（含）以上为优”, “80分（含）至90分为良”, “A级（90分及以上）”, “60分以下为不合格”
BAND_FLOOR = re.compile(rf"(?P<n>{FIGURE})\s*分?\s*(?:[（(]\s*含\s*[）)])?\s*分?\s*(?P<kind>及以上|以上|至|到|[-—－~～]|(?:[（(]不含[）)])?以下)")
BAND_BELOW = re.compile(rf"(?:低于|不足|小于|不到)\s*{FIGURE}\s*分|(?:<|＜|‹)\s*{FIGURE}")
BAND_AT_LEAST = re.compile(rf"(?:≥|>=|＞=|大于等于|不低于)\s*(?P<n>{FIGURE})|(?P<m>{FIGURE})\s*分?\s*(?:≤|<=|＜=)")  # “≥85分”, “70分≤得分”
PASS_FAIL = {"合格", "不合格"}  # a two-band scale
BAND_GRADE = re.compile(rf"(?<![\u4e00-\u9fff])(?:{GRADE_WORD})(?![\u4e00-\u9fff])|(?<=为)(?:{GRADE_WORD})|(?:{GRADE_WORD})(?=[（(：:])")
BAND_CLAUSE = re.compile(r"[，,；;。、：:]")
BAND_CLAUSE_NO_COLON = re.compile(r"[，,；;。、]")  # (“良：75分（含）—90分”: the colon joins a grade to its range)
BAND_HINT = re.compile(r"以上|以下|≥|≤|低于|[<＜]")


_UNIT_NOTE = re.compile(r"[（(]")


def own_values(table: Table) -> list[list[str]]:
    """Cell texts on the table's grid where a vertically merged cell counts once: its continuation rows are empty
    (a 合同金额 merged over two payment rows is one amount, not two)."""
    return table.grids()[1]


def grid_rows(table: Table) -> list[list[str]]:
    """Logical cell texts on the table's grid (width n_cols), vertically merged cells filled from above."""
    return table.grids()[0]


def number_in(text: str) -> Decimal | None:
    return parse_number(text.replace(" ", ""))


def _bands(clauses: list[str]) -> list[tuple[Decimal, str]] | None:
    """The grade bands stated by ``clauses`` (one grade word and one score range each), see stated_bands."""
    bands: dict[str, Decimal] = {}
    pending: Decimal | None = None  # “70分及以上、85分以下的为良”: a floor in a clause of its own before the grade's
    for clause in clauses:
        grades = {m.group(0) for m in BAND_GRADE.finditer(clause)}
        floor, at_least, below = BAND_FLOOR.search(clause), BAND_AT_LEAST.search(clause), BAND_BELOW.search(clause)
        if not grades:  # (“得分在75分及以上但低于90分的，评为良”: the range, then the grade in a clause of its own)
            if at_least or floor and floor.group("kind") in ("及以上", "以上"):
                pending = Decimal(at_least.group("n") or at_least.group("m")) if at_least else Decimal(floor.group("n"))
            continue
        if len(grades) != 1:
            pending = None
            continue
        word = GRADE_WORDS.get(next(iter(grades)), next(iter(grades)))
        if not (floor or at_least or below):
            if pending is not None:
                bands.setdefault(word, pending)
            pending = None
            continue
        if at_least:
            low = Decimal(at_least.group("n") or at_least.group("m"))
        elif below or floor.group("kind").endswith("以下"):
            low = pending if pending is not None else Decimal(0)
        else:
            low = Decimal(floor.group("n"))
        pending = None
        bands.setdefault(word, low)
    floors = sorted(bands.values(), reverse=True)
    enough = len(bands) >= 3 or (len(bands) == 2 and set(bands) <= PASS_FAIL)
    if enough and len(set(floors)) == len(floors) and floors[-1] == 0:
        return sorted(((low, word) for word, low in bands.items()), reverse=True)
    return None


@dataclass
class ScoreRow:
    """One row of a score table: its labels (most specific last), weight, score, 得分率, and its grid cells."""

    labels: list[str]
    weight: Decimal | None
    score: Decimal | None
    rate: Decimal | None
    row: int
    is_total: bool
    location: Location
    excerpt: str
    cells: list[str] = field(default_factory=list, repr=False)
    adjusts: str = ""  # after the 合计: “bonus” (加分项), “penalty” (扣分项), “final” (总得分 = 合计 ± them); no indicator
    funding: bool = False  # a row of a 自评表's 资金 part (年度资金总额, 其中：财政拨款…) or its 年度总体目标: no indicator

    @property
    def label(self) -> str:
        return self.labels[-1] if self.labels else ""


@dataclass
class ScoreTable:
    """A score table: its header row (which may follow a title row), the columns it uses, its rows."""

    table: Table
    weight_col: int | None
    score_col: int | None
    rate_col: int | None
    label_cols: list[int]
    rows: list[ScoreRow] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    level_weights: list[tuple[int, int]] = field(default_factory=list)  # (label column, its own 分值 column)
    form_columns: set[int] = field(default_factory=set)  # a national 自评表's 分值 and 得分 columns (two headers)
    funding_part: ScoreTable | None = None  # a 自评表's 资金 part set as a table of its own right above this 指标 part

    @property
    def body(self) -> list[ScoreRow]:
        return [r for r in self.rows if not r.is_total and not r.adjusts]

    @property
    def total_row(self) -> ScoreRow | None:
        """The table's grand total: the last 合计/总计 row (a 小计 is a subtotal)."""
        grand = [r for r in self.rows if r.is_total and not any(SUBTOTAL_LABEL.match(_NO_SPACE.sub("", x)) for x in r.labels)]
        return grand[-1] if grand else None


PROJECT_NAMED = re.compile(r"([\u4e00-\u9fff]{1,20}(?:项目|工程))$")
ONE_EXPERT = re.compile(r"专家[一二三四五六七八九十\dA-Za-z甲乙丙丁]|评委|评审人|打分人")
# “（续表）”, “续表1”, “表2 明细表（续）”, “（接上表）”
CONTINUED = re.compile(r"^\s*[（(]?\s*(?:续\s*表|接\s*上\s*表)|^.{0,40}[（(]\s*续\s*[）)]\s*$")
# “合计”, “合　计”, “合计：”, “合计（万元）”, “共计”, “总分”; a subtotal may name its part: “决策小计”
_LABEL_TAIL = r"\s*[:：]?\s*(?:[（(][^）)]{0,8}[）)])?$"
UNIT_LINE = re.compile(r"^\s*[（(]?\s*(?:金额|货币|计量)?单位\s*[:：]\s*[\u4e00-\u9fff%％、，,\s]{1,12}[）)]?\s*$")
TOTAL_LABEL = re.compile(r"^(?:合\s*计|总\s*计|共\s*计|(?:[\u4e00-\u9fff]{1,8})?小\s*计|总分|合计得分)" + _LABEL_TAIL)
SUBTOTAL_LABEL = re.compile(r"^(?:[\u4e00-\u9fff]{1,8})?小\s*计" + _LABEL_TAIL)
# columns that describe an indicator rather than name it
LEVEL_HEADER = re.compile(r"^[一二三]级指标$")
FIGURE_CELL = re.compile(r"[\d.,，%％—–\-－]+")  # an amount or rate, never an indicator's name (“320.00” in a 资金 row)
NOT_A_LABEL = re.compile(r"评分标准|指标解释|评分依据|说明|扣分|备注|指标值|计算方法|^序\s*号$|^编\s*号$")


WEIGHT_HEADERS = ("分值", "满分", "标准分", "标准分值", "指标分值", "权重分", "满分值")
SCORE_HEADERS = ("得分", "专家评分", "评分", "实际得分", "评价得分", "分值", "得分情况", "评分结果", "自评得分", "最终得分", "实得分",
                 "考评得分", "评定得分", "核定得分", "审核得分", "评审得分", "综合得分", "平均得分", "专家平均得分",
                 "平均分")  # fmt: skip  # (several graders' average is the score)
_NO_SPACE = re.compile(r"\s+")


def _header_columns(header: list[str]) -> tuple[int | None, int | None, int | None, set[int]]:
    """The weight, score and 得分率 columns of a header row, and every column holding a weight: a table giving each
    level its own 分值 (“一级指标|分值|二级指标|分值|三级指标|分值|得分”) scores against the last one before 得分."""
    cells = [_UNIT_NOTE.split(_NO_SPACE.sub("", cell), 1)[0] for cell in header]  # “权\n重” is 权重
    has_weight_word = any("权重" in h for h in cells)
    weights: list[int] = []
    score = rate = None
    for index, h in enumerate(cells):
        if "得分率" in h:
            rate = index
        elif "权重" in h or (h in WEIGHT_HEADERS and not has_weight_word):
            weights.append(index)
        elif h in SCORE_HEADERS:  # the evaluators' score before a self-evaluation's (“自评得分 | 评价得分”)
            score = index if score is None or ("自评" in cells[score] and "自评" not in h) else score
    before_score = [c for c in weights if score is None or c < score]
    weight = before_score[-1] if before_score else (weights[0] if weights else None)
    return weight, score, rate, set(weights)


def _first_figure(*columns: int | None) -> int:
    """The leftmost of a score table's figure columns (the labels stand left of it)."""
    return min(c for c in columns if c is not None)


def _self_evaluation_form(rows: list[list[str]]) -> tuple[int, int] | None:
    """The national 自评表 (财政部 项目支出绩效自评表): the row of its 指标 part's header (“一级指标|二级指标|三级指标|…
    |分值|得分”), and the row of its 资金 part's header above it (“年初预算数|…|分值|执行率|得分”)."""
    sub = next((i for i, cells in enumerate(rows) if sum(bool(LEVEL_HEADER.match(c.strip())) for c in cells) >= 2), None)
    if sub is None or None in _header_columns(rows[sub])[:2]:
        return None
    funding = next((i for i in range(sub - 1, -1, -1) if None not in _header_columns(rows[i])[:2]), None)
    return (sub, funding) if funding is not None else None  # (one header alone is an ordinary score table's)


YEAR_CELL = re.compile(r"((?:19|20)\d{2})\s*年")


def _latest_year_columns(upper: list[str], header: list[str]) -> tuple[int, int, set[int]] | None:
    """A score table comparing years, its header in two rows (“2022年度 | 2023年度” merged over “分值 | 得分” each):
    the 分值 and 得分 columns under the latest year, and the other years' columns; None for any other header."""
    years: dict[int, str] = {}
    for c, cell in enumerate(upper):
        m = YEAR_CELL.search(cell)
        if m is not None:
            years[c] = m.group(1)
        elif not cell.strip() and c - 1 in years:  # (a cell spanning columns leaves the next ones empty)
            years[c] = years[c - 1]
    if len(set(years.values())) < 2:
        return None
    latest = max(years.values())
    mine = [c for c, year in years.items() if year == latest]
    weight, score, _, _ = _header_columns([cell if c in mine else "" for c, cell in enumerate(header)])
    if weight is None or score is None:
        return None
    return weight, score, {c for c, year in years.items() if year != latest}


def _funding_header(header: list[str]) -> bool:
    """The header of a 自评表's 资金 part: “项目资金|年初预算数|全年预算数|全年执行数|分值|执行率|得分”."""
    return sum("预算数" in cell or "执行数" in cell for cell in header) >= 2


def _funding_headers(rows: list[list[str]], offset: int) -> list[int]:
    """Indexes of 资金 headers below a 自评表's title rows (项目支出绩效自评表 / 项目名称 / 主管部门…)."""
    return [offset + i for i, cells in enumerate(rows[:8]) if _funding_header(cells)]


def score_table_of(table: Table, continues: ScoreTable | None = None) -> ScoreTable | None:
    """A table with a weight column and a score column, read row by row; None otherwise.

    The header is looked for in the first three rows (a title row may come first). ``continues`` is the score table
    a headerless 续表 carries on: its columns are taken, every row is a body row.
    """
    rows = grid_rows(table)
    form = _self_evaluation_form(rows) if continues is None else None
    funding = sub_header = None
    if continues is not None:
        weight, score, rate, header_index = continues.weight_col, continues.score_col, continues.rate_col, -1
        header, label_cols = continues.header, continues.label_cols
    elif form is not None:  # the national 自评表: read the 指标 part by its own header, the 资金 rows by theirs
        sub_header, funding = form
        header_index = funding
        header = rows[sub_header]
        weight, score, rate, weights = _header_columns(header)
        label_cols = [i for i, cell in enumerate(header) if LEVEL_HEADER.match(cell.strip())]
    else:
        for header_index in [*range(min(3, len(rows) - 1)), *_funding_headers(rows[3:], 3)]:
            weight, score, rate, weights = _header_columns(rows[header_index])
            if weight is not None and score is not None:
                break
        else:
            return None
        header = rows[header_index]
        latest = _latest_year_columns(rows[header_index - 1], header) if header_index else None
        other_years: set[int] = set()
        if latest is not None:  # “2022年度 | 2023年度” over “分值 | 得分 | 分值 | 得分”: this year's scores are the latest's
            weight, score, other_years = latest
            weights -= other_years
        numeric = {c for c in (weight, score, rate) if c is not None} | weights | other_years
        label_cols = [i for i in range(len(header)) if i not in numeric and i < _first_figure(weight, score, rate)
                      and not NOT_A_LABEL.search(header[i])]  # fmt: skip
    levels = [] if continues is not None else [(c - 1, c) for c in sorted(weights) if c != weight and c - 1 in label_cols]
    result = ScoreTable(table, weight, score, rate, label_cols, header=header,
                        level_weights=levels if continues is None else continues.level_weights)  # fmt: skip
    funding_cols = _header_columns(rows[funding])[:3] if funding is not None else None
    if funding_cols is not None:
        result.form_columns = {weight, score, *funding_cols[:2]}
    rate_scale = _rate_scale(header[rate], [cells[rate] for cells in rows[header_index + 1 :]]) if rate is not None else None
    funding_only = continues is None and _funding_header(header)  # a 自评表's 资金 part set as a table of its own
    for r, cells in enumerate(rows[header_index + 1 :], header_index + 2):  # grid rows: every row is full width
        if r - 1 == sub_header:
            continue
        row_weight, row_score, row_rate, row_labels = weight, score, rate, label_cols
        if funding_cols is not None and r - 1 < sub_header:  # (a 资金 row: its 分值 and 得分 under its own header)
            row_weight, row_score, row_rate = funding_cols
            row_labels = range(_first_figure(*funding_cols))
        labels: list[str] = []
        for i in row_labels:
            label = cells[i].strip()
            if label and label not in labels and not FIGURE_CELL.fullmatch(label):
                labels.append(label)
        lead = cells[:_first_figure(row_weight, row_score, row_rate)]
        total = next((cell for cell in lead if TOTAL_LABEL.match(_NO_SPACE.sub("", cell))), None) \
            if any("计" in cell or "总分" in cell for cell in lead) else None  # fmt: skip
        if total is not None and not labels:
            labels = [total.strip()]  # “合计” written across the 序号/编号 column only
        rate_text = cells[row_rate].replace("％", "%") if row_rate is not None else ""
        adjusts = _adjusts(labels) if any(row.is_total for row in result.rows) else ""
        result.rows.append(ScoreRow(
            labels, number_in(cells[row_weight]), number_in(cells[row_score].replace("分", "")),
            _rate_value(rate_text, rate_scale), r, total is not None and not adjusts,
            table.at(r), table.row_text(r - 1), cells, adjusts,
            funding=funding_cols is not None and r - 1 < sub_header or funding_only,
        ))  # fmt: skip
    return result


BONUS_RE = re.compile(rf"加分(?:项)?[^，。；,;：:]{{0,12}}?(?:加|得分|得|计)\s*(?P<n>{FIGURE})\s*分"  # “加分项加3分”
                      rf"|(?:另|额外)[^，。；,;：:]{{0,20}}?加\s*(?P<m>{FIGURE})\s*分"  # “另因获评示范项目加3分”
                      rf"|(?:加上|外加|另加)[^，。；,;：:]{{0,8}}?加分\s*(?P<k>{FIGURE})\s*分")  # “加上创新加分1.5分”
NOT_YET = re.compile(r"建议|拟|可考虑|应当|今后|下一年度|如果|若")  # a bonus proposed or supposed, not given
PENALTY_RE = re.compile(rf"(?:扣分项|减分项)[^，。；,;：:]{{0,12}}?(?:扣|减|计)(?:除)?\s*(?P<n>{FIGURE})\s*分"  # “扣分项扣2分”
                        rf"|(?:负面清单|一票否决)[^。；;]{{0,24}}?(?:倒扣|扣除|扣减|扣)\s*(?P<m>{FIGURE})\s*分"  # “按负面清单……扣除2分”
                        rf"|(?:从|在)(?:综合|总)(?:得)?分(?:中|上|基础上)(?:直接)?(?:倒扣|扣除|扣减|扣)\s*(?P<k>{FIGURE})\s*分")  # “从总分中扣除2分”
PENALTY_HINT = re.compile(r"扣分项|减分项|负面清单|一票否决|[总综合]分(?:中|上|基础上)")
BONUS_LABEL = re.compile(r"^(?:加分项?|奖励加分|附加分|额外加分)")
PENALTY_LABEL = re.compile(r"^(?:扣分项|减分项|扣减分|倒扣分|一票否决)")
FINAL_LABEL = re.compile(r"^(?:总得分|最终得分|综合得分|最终评分|评价总分|总分合计|综合评分)")


def _adjusts(labels: list[str]) -> str:
    """What a row after a score table's 合计 does to it: adds a bonus, takes a penalty, or gives the final total."""
    label = _NO_SPACE.sub("", labels[0]) if labels else ""
    return "bonus" if BONUS_LABEL.match(label) else "penalty" if PENALTY_LABEL.match(label) else \
        "final" if FINAL_LABEL.match(label) else ""  # fmt: skip


PERCENT_HEADER = re.compile(r"[（(]\s*[%％]\s*[）)]|[%％]$")


def _rate_scale(header: str, cells: list[str]) -> Decimal | None:
    """How bare numbers of a 得分率 column read as percents: ×1 under “得分率（%）”, ×100 when every figure is a
    fraction (0.85, 1.00), None when they cannot be read (a “%” on each cell needs no scale)."""
    if PERCENT_HEADER.search(header):
        return Decimal(1)
    values = [number_in(cell) for cell in cells if cell.strip() and not cell.strip().endswith(("%", "％"))]
    numbers = [v for v in values if v is not None]
    if numbers and all(0 <= v <= 1 for v in numbers) and any("." in cell for cell in cells):
        return Decimal(100)
    return None


def _rate_value(text: str, scale: Decimal | None) -> Decimal | None:
    """A 得分率 cell in percent: “85%”, or a bare “85.00” under “得分率（%）”, or a fraction “0.85” in a column of them."""
    if text.endswith("%"):
        return number_in(text.rstrip("%"))
    value = number_in(text) if scale is not None else None
    if value is None or scale is None:
        return None
    return value.scaleb(2) if scale == 100 else value  # 0.81 is 81% (to the same places: 0.885 is 88.5%)


@dataclass
class Statement:
    """A figure stated in prose or a table cell, with what it is about."""

    what: str
    value: Decimal
    location: Location
    excerpt: str
    name: str = ""
    extra: dict = field(default_factory=dict)


LEVEL1_CODE = re.compile(r"^[A-Z][.．、]?$")
CODE_ONLY = re.compile(r"^[A-Z]\d{0,3}[.．、]?$")


def row_code_and_name(row: ScoreRow) -> tuple[str | None, str]:
    """A score row's indicator code and name: “B14运转程序规范性”, or a code in a column of its own before the name."""
    code, name = split_label(row.label)
    if code is None and len(row.labels) >= 2 and CODE_ONLY.match(row.labels[-2].strip()):
        code = row.labels[-2].strip().rstrip(".．、")
    return code, name


def level1_name(row: ScoreRow) -> str:
    """The 一级 name of an overview row (“A.决策”, or “决策” next to its code “A”)."""
    if len(row.labels) == 2 and LEVEL1_CODE.match(row.labels[0]):
        return row.labels[1]
    return split_label(row.labels[0])[1] if row.labels else ""


class Analysis:
    """Lazily computed views of a document for the rules; `data` is the Evaluation when --data is given."""

    def __init__(self, document: Document, data=None, execution_base: str | None = None,
                 tolerance: Decimal = Decimal("0.01")) -> None:  # fmt: skip
        self.document = upright(document)
        self.data = data
        self.execution_base = execution_base or (data.settings.execution_rate_base if data is not None else "到位")
        self.tolerance = tolerance if data is None else data.settings.rate_tolerance
        self._total_mismatches: dict[int, list] = {}

    # -- texts ---------------------------------------------------------------

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """``document.paragraphs``, computed once."""
        return self.document.paragraphs

    @cached_property
    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.heading_level is None]

    def paragraphs_before(self, paragraph: Paragraph, count: int) -> list[Paragraph]:
        """Up to ``count`` body paragraphs before ``paragraph`` within its top numbered part, in order."""
        body = self.body_paragraphs
        index = self._body_index.get(id(paragraph))
        if index is None:
            return []
        place = self._block_index.get(id(paragraph), -1)
        part = self._parts_holding[place][:1] if place >= 0 else []
        out = []
        for earlier in body[max(0, index - count) : index]:
            where = self._block_index.get(id(earlier), -1)
            if where >= 0 and self._parts_holding[where][:1] == part:
                out.append(earlier)
        return out

    @cached_property
    def _body_index(self) -> dict[int, int]:
        return {id(p): index for index, p in enumerate(self.body_paragraphs)}

    @cached_property
    def preamble(self) -> set[int]:
        """The paragraphs (by id) before the report's title when text precedes it (a compilation's covering note, “关于
        丰台区预算绩效管理情况的说明”): not the report's own figures."""
        from checkers.segments import title_span

        span = title_span(self.document)
        return {id(block) for block in self.document.blocks[: span[0]]} if span else set()

    @cached_property
    def _paragraph_index(self) -> dict[int, int]:
        return {id(p): i for i, p in enumerate(self.paragraphs)}

    @cached_property
    def block_index(self) -> dict[int, int]:
        """Position in ``document.blocks`` by ``id`` of the block."""
        return {id(b): i for i, b in enumerate(self.document.blocks)}

    @cached_property
    def score_table_by_block(self) -> dict[int, ScoreTable]:
        """Score tables by ``id`` of their table block."""
        return {id(s.table): s for s in self.score_tables}

    def preceding_paragraphs(self, paragraph: Paragraph, count: int) -> list[Paragraph]:
        """Up to `count` body paragraphs before this one, not crossing a level-1 or level-2 heading."""
        paragraphs = self.paragraphs
        index = self._paragraph_index[id(paragraph)]
        out: list[Paragraph] = []
        for p in reversed(paragraphs[:index]):
            if p.is_heading and (p.heading_level or 0) <= 2:
                break
            if not p.is_heading:
                out.append(p)
            if len(out) >= count:
                break
        return list(reversed(out))

    @cached_property
    def figures(self) -> list[tuple[Paragraph, list[Figure]]]:
        return [(p, extract_figures(p.text)) for p in self.paragraphs]

    @cached_property
    def prose_values(self) -> tuple[set[Decimal], set[Decimal]]:
        """The amounts the prose states in 元 (“合计718.20万元”), and the values of its other measures (“2,000人次”)."""
        amounts: set[Decimal] = set()  # (also as written: a money column whose unit the table does not say)
        measures: set[Decimal] = set()
        for _, figures in self.figures:
            for f in figures:
                if f.kind == "amount":
                    amounts |= {f.in_yuan().normalize(), f.value.normalize()}
                elif f.kind == "measure":
                    measures.add(f.value.normalize())
        return amounts, measures

    @cached_property
    def typical_amount(self) -> Decimal | None:
        """The median of the prose's amounts in 元 (at least three): the size a project's amounts are about."""
        amounts = sorted(f.in_yuan() for p, figures in self.figures if p.heading_level is None for f in figures
                         if f.kind == "amount" and f.value > 0)  # fmt: skip
        return amounts[len(amounts) // 2] if len(amounts) >= 3 else None

    def likelier_unit(self, figure: Figure) -> str | None:
        """The money unit (元/万元) an amount is far likelier written in than its own: the one that brings it at least ten
        times nearer the report's typical amount (“5271022.96万元” in a report of amounts about 5,000,000元 is 元); None
        when its own unit is as likely."""
        typical, own = self.typical_amount, figure.in_yuan()
        if typical is None or not own or figure.unit not in ("元", "万元"):
            return None
        other = "万元" if figure.unit == "元" else "元"
        moved = figure.value * MONEY_UNITS[other]
        far, near = max(own, typical) / min(own, typical), max(moved, typical) / min(moved, typical)
        return other if far >= 10 * near else None

    def cells(self):
        """Every table cell with its table: (table, row index 0-based, col index, text)."""
        for table in self.document.tables:
            for r, row in enumerate(grid_rows(table)):
                for c, text in enumerate(row):
                    yield table, r, c, text

    # -- score tables ---------------------------------------------------------

    @cached_property
    def score_tables(self) -> list[ScoreTable]:
        """Every score table; a headerless table right after one (past a “续表” line) continues it."""
        return self._score_tables_and_parts[0]

    @cached_property
    def _continued(self) -> dict[int, Table]:
        """id of a 续表 → the table it continues: a score table's parts, and any table after a “续表” line that has as
        many columns as the table before it (a funding table split across pages)."""
        continued = dict(self._score_tables_and_parts[1])
        for table, before, marked, split in _tables_in_sequence(self.document):
            if (marked or split) and before is not None and table.n_cols == before.n_cols:
                continued.setdefault(id(table), before)
        return continued

    @cached_property
    def _split_unmarked(self) -> set[int]:
        """ids of the tables taken as a part of the table before them with no “续表” line to say so."""
        return {id(table) for table, _, _, split in _tables_in_sequence(self.document) if split}

    @cached_property
    def _score_tables_and_parts(self) -> tuple[list[ScoreTable], dict[int, Table]]:
        out: list[ScoreTable] = []
        continued: dict[int, Table] = {}
        score_tables: dict[int, ScoreTable] = {}
        for table, before, marked, split in _tables_in_sequence(self.document):
            marked = marked or split
            found = score_table_of(table)
            previous = score_tables.get(id(before)) if before is not None else None  # the score table this may continue
            headerless = not any(grid_rows(table)[0]) if table.rows else False
            if previous is not None and table.n_cols == previous.table.n_cols and (marked or found is None and headerless):
                found = found or score_table_of(table, continues=previous)  # a 续表, its header repeated or not
                continued[id(table)] = previous.table
            if found is not None and self._self_evaluation_quoted(found):
                continue  # the unit's self-evaluation table quoted in an outside evaluation's report: not its scores
            if found is not None and previous is not None and _form_parts(previous, found):
                found.funding_part = previous  # a 自评表 in two tables: its 总分 adds the 资金 rows above
                found.form_columns = {c for c in (found.weight_col, found.score_col) if c is not None}
            if found is not None:
                out.append(found)
                score_tables[id(table)] = found
        return out, continued

    def _self_evaluation_quoted(self, table: ScoreTable) -> bool:
        """A table scored in a 自评得分 column, in a report that is not a self-evaluation's."""
        header = table.header[table.score_col] if table.score_col is not None and table.score_col < len(table.header) else ""
        return "自评" in header and "自评" not in self.report_kinds

    @cached_property
    def _leaf_rows(self) -> tuple[dict[str, list[tuple[ScoreRow, ScoreTable]]], dict[str, list[tuple[ScoreRow, ScoreTable]]]]:
        """Leaf rows of score tables keyed by code (or by name when uncoded), and the coded ones keyed by their names."""
        keyed: dict[str, list[tuple[ScoreRow, ScoreTable]]] = {}
        coded_by_name: dict[str, list[tuple[ScoreRow, ScoreTable]]] = {}
        for table in self.score_tables:
            for row in table.body:
                if row.funding:
                    continue  # (a 自评表's 资金 rows: no indicators)
                code, name = row_code_and_name(row)
                keyed.setdefault(code or name, []).append((row, table))
                if code:
                    coded_by_name.setdefault(name, []).append((row, table))
        return keyed, coded_by_name

    @property
    def table_indicators(self) -> dict[str, list[tuple[ScoreRow, ScoreTable]]]:
        """Leaf rows of score tables keyed by code (or by name when uncoded)."""
        return self._leaf_rows[0]

    @property
    def coded_rows_by_name(self) -> dict[str, list[tuple[ScoreRow, ScoreTable]]]:
        """Leaf rows of coded score tables keyed by their names (“立项依据充分性” for the row “A11立项依据充分性”)."""
        return self._leaf_rows[1]

    def rows_of(self, statement: IndicatorStatement) -> list[tuple[ScoreRow, ScoreTable]]:
        """The table rows of an indicator stated in prose: by its code, else by its name (in a table with or without
        codes: the prose may leave the code out). Of the tables of the part the prose is in, only those of its own
        sub-part count (“（一）子项目一”'s table, not “（二）子项目二”'s, which scores indicators of the same names);
        tables outside that part (an appendix) count too."""
        known = self._rows_of.get(id(statement))
        if known is not None and known[0] is statement:
            return known[1]
        rows = self.rows_named(statement.code, statement.name)
        place = self._block_index.get(id(statement.where or statement.head))
        if len({id(table) for _, table in rows}) >= 2 and place is not None:
            shared = [self._parts_shared(place, self._block_index.get(id(table.table), -1)) for _, table in rows]
            deepest = None if None in shared else max(shared)  # (the prose's own part first, else its nearest)
            rows = [pair for pair, depth in zip(rows, shared, strict=True) if depth in (None, 0, deepest)]
        self._rows_of[id(statement)] = (statement, rows)
        return rows

    @cached_property
    def _rows_of(self) -> dict[int, tuple[IndicatorStatement, list[tuple[ScoreRow, ScoreTable]]]]:
        return {}  # (rows_of's answers, with the statement they are of: rules ask it many times)

    @cached_property
    def _block_index(self) -> dict[int, int]:
        return {id(block): index for index, block in enumerate(self.document.blocks)}

    @cached_property
    def _parts_holding(self) -> list[list[int]]:
        """For each block, the numbered parts (sections by index) that hold it, outermost first: a report's title or a
        heading without a number of its own (an “附件” heading under “一、”) is no part."""
        sections = self.document.sections()
        holding: list[list[int]] = [[] for _ in self.document.blocks]
        for k, section in enumerate(sections):
            for index in range(section.start_block, min(section.end_block, len(holding))):
                chain = holding[index]
                if section.number_path and (not chain or sections[chain[-1]].number_path != section.number_path):
                    chain.append(k)
        return holding

    def _parts_shared(self, a: int, b: int) -> int | None:
        """How many numbered parts hold both blocks ``a`` and ``b``; None when one block's parts are all the other's
        (the same part, or one within the other: an appendix under the part, the part's own table)."""
        if not (0 <= a < len(self._parts_holding) and 0 <= b < len(self._parts_holding)):
            return None
        first, second = self._parts_holding[a], self._parts_holding[b]
        shared = 0
        while shared < min(len(first), len(second)) and first[shared] == second[shared]:
            shared += 1
        return None if shared == min(len(first), len(second)) else shared

    def rows_named(self, code: str | None, name: str) -> list[tuple[ScoreRow, ScoreTable]]:
        """The score-table rows of an indicator by its code, else by its name (see :meth:`rows_of`)."""
        return self.table_indicators.get(code or name) or (
            self.table_indicators.get(name, []) if code else self.coded_rows_by_name.get(name, []))  # fmt: skip

    def table_score(self, statement: IndicatorStatement) -> Decimal | None:
        """The score the report's tables give a prose indicator, when they give one (and agree)."""
        scores = {row.score for row, _ in self.rows_of(statement) if row.score is not None}
        return scores.pop() if len(scores) == 1 else None

    def table_deduction(self, statement: IndicatorStatement) -> Decimal | None:
        """Weight − score as the report's tables give a prose indicator, when they differ from its opening's and agree
        (the opening is then what is wrong: a deduction that fits the tables is right)."""
        rows = {(row.weight, row.score) for row, _ in self.rows_of(statement) if row.weight is not None and row.score is not None}
        if len(rows) != 1:
            return None
        weight, score = rows.pop()
        return weight - score if (weight, score) != (statement.weight, statement.score) else None

    # -- prose statements -----------------------------------------------------

    @cached_property
    def indicator_statements(self) -> list[IndicatorStatement]:
        statements: list[IndicatorStatement] = []
        current: IndicatorStatement | None = None
        heading: Paragraph | None = None
        weighted: WeightedHeading | None = None  # “（3）进度安排合理性（6分）”, its score to come in the text
        for paragraph in self.paragraphs:
            text = paragraph.text
            match, offset = head_match(text), 0
            if match is not None and heading is not None and paragraph.heading_level is None:
                stop = text.find("。", match.end("label"), min(match.start("weight"), match.start("score")))
                if stop >= 0 and not CODED_START.match(match.group("label")):  # “项目依据充分。该指标满分3分，得3分。”
                    shift, named = named_by_heading(heading.text, text[stop + 1 :])  # under “1.立项依据充分性”
                    if named is not None:
                        offset, match = shift + stop + 1, named
            named_opening = None
            if match is None and paragraph.heading_level is None and (lead := NAME_SENTENCE.match(text)) is not None:
                offset, match = _named_by_first_sentence(text, lead)  # “1.政策依据充分性。……。该指标满分5分，得5分。”
                if match is not None:  # (its excerpt: the name's sentence and the score's)
                    named_opening = f"{lead.group(0).strip()}……{sentence_at(text, offset + match.start('score'))}"
            if match is None and paragraph.heading_level is None:
                offset, match = head_inside(text)  # a later sentence opens the next indicator
            if match is None and heading is not None and paragraph.heading_level is None:
                offset, match = named_by_heading(heading.text, text)  # “（3）合同管理规范性” / “该指标分值3分，…”
            listed = listed_openings(paragraph) if match is None and paragraph.heading_level is None else []
            inline = weighted_heading(paragraph, opening=True) if match is None and not listed \
                and paragraph.heading_level is None else None  # fmt: skip
            if weighted is not None and (match or inline or listed or paragraph.heading_level is not None
                                         or CODED_START.match(text)):  # fmt: skip
                statements.extend(self._weighted_statement(weighted))
                weighted = None
            if listed:  # “立项依据充分性（5分）得5分，立项程序规范性（5分）得4分。”
                statements.extend(listed)
                current = heading = None
                continue
            if inline is not None:  # “D31学生及家长满意度（8分）：……评分6.5分。”
                weighted, current, heading = inline, None, None
                continue
            scored = self._scored_by_its_row(paragraph) if match is None and paragraph.heading_level is None else None
            if scored is None and match is None and current is not None and paragraph.heading_level is None \
                    and self._another_item(text, current.name):  # fmt: skip
                current = None  # “2.水质检测频次、水质检测合格率：……”: no more of the indicator before
            if scored is not None:  # “4.活动按计划完成及时率：……及时率92%，扣1分，得9分。” (the weight in the 自评表)
                if weighted is not None:
                    statements.extend(self._weighted_statement(weighted))
                    weighted = None
                current, heading = scored, None
                statements.append(scored)
                self._read_analysis(scored, paragraph, paragraph.text)
                continue
            if (paragraph.heading_level is not None or CODED_START.match(text)) and not match:
                current = None  # a heading, or another indicator's opening this pattern does not read
                if paragraph.heading_level is not None:
                    heading = paragraph
                    weighted = weighted_heading(paragraph)
                    continue
            heading = None if paragraph.heading_level is None else heading
            if weighted is not None:
                weighted.paragraphs.append(paragraph)
                continue
            rest = text
            if match:
                if offset and current is not None:
                    self._read_analysis(current, paragraph, text[:offset])
                said = text.find("。", max(offset + match.start("score"), 0))  # the opening runs to its score's full stop
                opening = named_opening or text[max(offset, 0) : said + 1 if said >= 0 else len(text)].strip()
                current = statement_of(match, paragraph, opening)
                statements.append(current)
                if match.groupdict().get("deducted"):  # (“该指标扣1分，得3分（满分4分）”: its deduction, as a closing's)
                    current.closings.append(Closing(Decimal(match.group("deducted")), current.score, paragraph, opening,
                                                    match.group(0)[match.start("deducted") - match.start() - 1 :]))  # fmt: skip
                rest = text[max(offset + match.end(), 0) :]
                rest = self._opening_deduction(current, paragraph, rest)
                while HEAD_WORD_RE.search(rest):  # ““立项依据充分性”指标满分5分，得5分。“立项程序规范性”指标满分5分，……”
                    later, next_match = head_inside(rest)
                    if next_match is None:
                        break
                    self._read_analysis(current, paragraph, rest[:later])
                    current = statement_of(next_match, paragraph, sentence_at(rest, later + next_match.start("weight")))
                    statements.append(current)
                    rest = self._opening_deduction(current, paragraph, rest[later + next_match.end() :])
            if current is not None:
                self._read_analysis(current, paragraph, rest)
        if weighted is not None:
            statements.extend(self._weighted_statement(weighted))
        for statement in statements:  # “1.65岁及以上老年人健康管理率”: list number 1. and the table's “65岁及以上……”
            numbered = LIST_NUMBER_ON_DIGITS.match(statement.name)
            if numbered and statement.code is None and not self.rows_named(None, statement.name) \
                    and self.rows_named(None, numbered.group(1)):  # fmt: skip
                statement.name = numbered.group(1)
        return statements

    def _another_item(self, text: str, name: str) -> bool:
        """A paragraph opening another indicator's numbered item (“2.水质检测频次、水质检测合格率：……”): it no longer
        analyses the indicator ``name``. A numbered point of the analysis itself (“（1）合同管理：……”) names no other
        indicator of the tables and goes on with it."""
        numbered = NUMBERED_LABEL.match(text)
        if numbered is None or name in numbered.group("label"):
            return False
        parts = re.split(r"[、和及与]", numbered.group("label"))
        return any(part.strip() != name and self.rows_named(*split_label(part.strip())) for part in parts)

    def _scored_by_its_row(self, paragraph: Paragraph) -> IndicatorStatement | None:
        """An analysis naming an indicator of the score tables before a colon and stating its score once, the weight
        left to the table (“4.活动按计划完成及时率：全年计划开展……，扣1分，得9分。”): read with that row's weight."""
        m = NAME_BEFORE_COLON.match(paragraph.text)
        if m is None or "得" not in paragraph.text:
            return None
        code, name = split_label(m.group("name").strip())  # (“B14运转程序规范性：……”)
        rows = self.rows_named(code, name)
        weights = {row.weight for row, _ in rows if row.weight is not None}
        if len(weights) != 1:
            return None
        stated = [s for s in SCORED_RE.finditer(paragraph.text) if states_a_score(paragraph.text, s.start())]
        if len(stated) != 1 or paragraph.text[stated[0].end() :].strip(" 。；;") or \
                Decimal(stated[0].group("score")) > next(iter(weights)):  # fmt: skip
            return None  # (the score must close the analysis: “其中……一项平均得4.2分，……扣2分。” is a part's)
        score_match = stated[0]
        code = code or row_code_and_name(rows[0][0])[0]
        return IndicatorStatement(code, name, weights.pop(), Decimal(score_match.group("score")), paragraph,
                                  opening=sentence_at(paragraph.text, score_match.start()), weight_stated=False)  # fmt: skip

    def _weighted_statement(self, weighted: WeightedHeading) -> list[IndicatorStatement]:
        """The indicator of a heading that gives its weight (“（3）进度安排合理性（6分）”), scored in its text: the
        score is the heading's own (“（6分，得5分）”) or else the one score stated under it (“……，扣1分，得5分。”)."""
        scored = [(paragraph, m) for paragraph in weighted.paragraphs for m in SCORED_RE.finditer(paragraph.text)]
        stated = [(paragraph, m) for paragraph, m in scored if states_a_score(paragraph.text, m.start())]
        if weighted.score is not None:
            score, where, score_at, opening = weighted.score, None, None, weighted.lead
        elif len(stated) == 1:
            paragraph, m = stated[0]
            score, where, score_at = Decimal(m.group("score")), paragraph, m.start("score")
            said = sentence_at(paragraph.text, m.start())
            joiner = "……" if weighted.lead.endswith(("。", "；", ";")) else "："  # (“A11…。该指标分值8分。……得7分。”)
            opening = said if said.startswith(weighted.lead) else f"{weighted.lead}{joiner}{said}"
        else:
            return []  # no score, or several (the scoring standard's, or the indicators under a 二级 heading)
        statement = IndicatorStatement(weighted.code, weighted.name, weighted.weight, score, weighted.paragraph,
                                       opening=opening, where=where, score_at=score_at)  # fmt: skip
        for paragraph in weighted.paragraphs:
            self._read_analysis(statement, paragraph, paragraph.text)
        return [statement]

    @staticmethod
    def _opening_deduction(current: IndicatorStatement, paragraph: Paragraph, rest: str) -> str:
        """“该指标分值2分，评价得分1.5分，扣0.5分。……扣0.5分。”: a deduction ending the opening sentence states the
        indicator's whole deduction (the analysis repeats it with its reason), so it is read like a closing's; the rest
        of the paragraph is returned."""
        end = rest.find("。")
        m = OPENING_DEDUCTION.match(rest[: end if end >= 0 else len(rest)])
        if m is None:
            return rest
        words = m.group(0).strip(" ，,（()）")
        current.closings.append(Closing(Decimal(m.group(1)), current.score, paragraph, current.opening, words))
        return rest[m.end() :]

    def _read_analysis(self, current: IndicatorStatement, paragraph: Paragraph, rest: str) -> None:
        """The closings (“扣2分，该指标得2分”) and deductions (“扣1分”) of an indicator's analysis text."""
        spans: list[tuple[int, int]] = []
        past = OTHER_PERIOD.search(rest) is not None
        for closing in CLOSING_RE.finditer(rest) if ("指标" in rest or "该项" in rest or "本项" in rest) else ():
            if past and OTHER_PERIOD.search(sentence_at(rest, closing.start())):
                continue  # “上年度评价中该项得分3分”
            if self.names_another_year(sentence_head(rest, closing.start())):
                continue  # “2022年该指标得6分”: another year's score
            if SOMEONE_ELSES_SCORE.search(clause_before(rest, closing.start())):
                continue  # “县住建局自评该指标得4分”: the unit's own score, not the evaluation's
            deducted = closing.group("deduction") or closing.group("deducted")
            deduction = Decimal(deducted) if deducted else None
            whole = closing.group(0)
            words = whole[max(whole.rfind("该"), whole.rfind("本"), 0) :]  # without the “扣2分，” before it
            current.closings.append(Closing(deduction, Decimal(closing.group("score")), paragraph,
                                            sentence_at(rest, closing.start()), words))  # fmt: skip
            spans.append(closing.span())
        retold = SUMMARY_LABEL.match(paragraph.text) is not None  # “存在问题：……扣2分。”: the deduction told again
        for m in DEDUCT_RE.finditer(rest) if "扣" in rest and not retold else ():  # outside a closing
            if any(a <= m.start() < b for a, b in spans):
                continue
            sentence = sentence_at(rest, m.start())
            whole = rest[rest.rfind("。", 0, m.start()) + 1 : m.start()]  # “评分要点：A，扣1分；B，扣1分；……”
            if SCORING_STANDARD.search(whole) or STANDARD_DEDUCTION.search(sentence) or OTHER_PERIOD.search(sentence) \
                    or CONDITION.search(sentence) or in_parentheses(rest, m.start()) \
                    or _names_another_indicator(sentence, current.code) or ELSEWHERE.search(sentence) \
                    or not Decimal(m.group(1)):  # fmt: skip
                continue  # (“本项扣0分” deducts nothing)
            if rest[max(0, m.start() - 2) : m.start()].endswith(("应", "本应", "原应")) \
                    and DEDUCT_RE.search(sentence, sentence.find(m.group(0)) + len(m.group(0))):  # fmt: skip
                continue  # “按评分标准应扣1分，……酌情扣0.5分”: what the standard would take, then what was taken
            summary = SUMMARY_CLOSING.match(rest, m.start())
            if summary is not None and Decimal(summary.group(2)) == current.score \
                    and sum((d.deduction or 0 for d in current.deductions), Decimal(0)) == Decimal(m.group(1)):  # fmt: skip
                # “扣分原因：……，扣1分。扣1分，得2分。”: the deductions so far summed up with the score, as a closing does
                current.closings.append(Closing(Decimal(m.group(1)), current.score, paragraph, sentence, summary.group(0)))
                continue
            before = rest[max(0, m.start() - 2) : m.start()]
            words = next((w for w in SUMMED_WORDS + EACH_WORDS if before.endswith(w)), "") + m.group(0)
            current.deductions.append(Closing(Decimal(m.group(1)), current.score, paragraph, sentence, words))

    @cached_property
    def total_statements(self) -> list[Statement]:
        out: list[Statement] = []
        own_self_evaluation = "自评" in self.report_kinds
        scored_apart = {(id(s.where), s.score_at) for s in self.indicator_statements if s.score_at is not None}
        patterns = (*TOTAL_RES, LOOSE_TOTAL_RE, *((SELF_TOTAL_RE,) if own_self_evaluation else ()))
        for paragraph in self.paragraphs:
            if "分" not in paragraph.text or not (TOTAL_HINT.search(paragraph.text)
                                                  or own_self_evaluation and "自评" in paragraph.text):  # fmt: skip
                continue
            read: set[int] = set()  # where the figures read are (“评价总得分75.4分” matches two wordings: one total)
            for pattern in patterns:
                for m in pattern.finditer(paragraph.text):
                    figure = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
                    if m.start(figure) in read:
                        continue
                    clause = clause_before(paragraph.text, m.start())
                    head = sentence_head(paragraph.text, m.start())
                    subject = PROJECT_NAMED.search(clause)  # “乙项目综合评价得分72分” names its project
                    if self._not_the_reports(paragraph.text, m, subject is not None, clause, head):
                        continue
                    part = PART_WEIGHT.search(head)
                    if part is not None and Decimal(part.group(1)) < 100:
                        continue  # “绩效指标分值90分，自评得分85分”: a part's score (the 预算执行 part has the other 10)
                    if pattern is LOOSE_TOTAL_RE:
                        if (id(paragraph), m.start(figure)) in scored_apart:
                            continue  # “（1）立项依据充分性（8分）” / “……评价得分7.4分。”: that indicator's score
                        if "总分" in m.group(0) and Decimal(next(g for g in m.groups() if g is not None)) == 100:
                            continue  # “项目总分100分”: the full marks
                        if self._someone_elses(head) or INDICATOR_SCORE.search(head):
                            continue
                    read.add(m.start(figure))
                    year = YEAR_IN_TEXT.search(clause)
                    extra = {"year": year.group(1)} if year else {}
                    if self.score_adjustment is not None and _adjusted_after(paragraph.text, m.end()):
                        extra["base"] = True  # “项目评价得分89分，另因获评示范项目加2分，最终得分91分”: 89 is the base
                    out.append(Statement("total", Decimal(m.group(figure)), paragraph.location,
                                         sentence_at(paragraph.text, m.start()),
                                         name=subject.group(1) if subject and subject.group(1)[0] not in "本该此" else "",
                                         extra=extra))  # fmt: skip
        out += self._named_project_totals(out)
        if self.score_adjustment is not None:  # “项目基础得分87分，加分项加3分，综合得分90分”: the base in prose
            out += [Statement("total", Decimal(m.group(1)), p.location, sentence_at(p.text, m.start()), extra={"base": True})
                    for p in self.body_paragraphs if "基" in p.text for m in BASE_TOTAL_RE.finditer(p.text)
                    if not self._not_the_reports(p.text, m, False)]  # fmt: skip
        for table, r, c, text in self.cells():
            if text.replace(" ", "") in ("评价分值", "评价得分", "综合得分", "总得分"):
                row = grid_rows(table)[r]
                if c + 1 < len(row):
                    value = number_in(row[c + 1].replace("分", ""))
                    if value is not None:
                        loc = table.at(r + 1, c + 2)
                        out.append(Statement("total", value, loc, table.row_text(r)))
        parts = self._sub_project_tables
        for table in self.score_tables:
            total = table.total_row
            if total and total.score is not None and self.is_whole_report_table(table) and not self._one_experts(table) \
                    and id(table) not in parts:  # fmt: skip
                # its 合计 is the base a bonus or penalty changes (rows after it, or sentences: “加分项加3分”)
                adjusted = any(r.adjusts for r in table.rows) or self.score_adjustment is not None
                out.append(Statement("total", total.score, total.location, total.excerpt,
                                     extra={"table": True, "base": adjusted}))  # fmt: skip
                out += [Statement("total", r.score, r.location, r.excerpt, extra={"table": True})
                        for r in table.rows if r.adjusts == "final" and r.score is not None]  # fmt: skip
        return _without_lists(self._latest_year_only(out))

    @cached_property
    def _sub_project_tables(self) -> set[int]:
        """Full score tables (by id) of sibling sub-parts (“（一）子项目一”, “（二）子项目二”, each scored out of 100): each
        scores one sub-project, its 合计 is not the report's total."""
        whole = [t for t in self.score_tables if t.total_row is not None and self.is_whole_report_table(t)]
        if len(whole) < 2:
            return set()
        out: set[int] = set()
        for first, second in itertools.combinations(whole, 2):
            shared = self._parts_shared(self._block_index.get(id(first.table), -1), self._block_index.get(id(second.table), -1))
            if shared:  # (one part, its sub-parts apart)
                out |= {id(first), id(second)}
        return out

    def _not_the_reports(self, text: str, m: re.Match, names_a_project: bool, clause: str | None = None,
                         head: str | None = None) -> bool:  # fmt: skip
        """A total that is another body's, another year's (“上年度该项目……综合得分87分”), a part's, one expert's, or a
        grading scale's (``clause`` and ``head``: the clause and sentence before it, when the caller has them)."""
        clause = clause_before(text, m.start()) if clause is None else clause
        head = sentence_head(text, m.start()) if head is None else head
        return bool(self._another_bodys(head) or self._not_the_total(clause) or OTHER_PERIOD.search(head[:8])
                    or (INSTITUTION.search(clause) and not names_a_project and "部门整体" not in self.report_kinds)
                    or self._other_year(clause) or self._another_report_year(clause) or COMPARED_WITH.search(clause)
                    or ONE_EXPERT.search(clause) or GRADING_SCALE.match(text, m.end()) or EARLIER_EVALUATION.search(head))  # fmt: skip

    def _named_project_totals(self, found: list[Statement]) -> list[Statement]:
        """“河西区2023年度城市道路桥梁养护项目得分67分”: the total of the project the report's title names."""
        title = "".join(self.title_lines)
        out = []
        for paragraph in self.body_paragraphs:
            if "项目得分" not in paragraph.text:
                continue
            for m in NAMED_PROJECT_TOTAL_RE.finditer(paragraph.text):
                name = YEAR_IN_TEXT.split(m.group("name"))[-1]  # (without the region and year before it)
                said = sentence_at(paragraph.text, m.start())
                if len(name) >= 6 and name in title and not any(s.excerpt == said for s in found):
                    out.append(Statement("total", Decimal(m.group("score")), paragraph.location, said))
        return out

    def _latest_year_only(self, totals: list[Statement]) -> list[Statement]:
        """Without a year in the title, totals naming different years (“该项目2023年度综合评价得分86.8分。该项目2022
        年度综合评价得分82.5分”) are this year's (the latest) and earlier evaluations'."""
        years = {s.extra["year"] for s in totals if "year" in s.extra}
        if self.report_years or len(years) < 2:
            return totals
        return [s for s in totals if s.extra.get("year", max(years)) == max(years)]

    def _one_experts(self, table: ScoreTable) -> bool:
        """A table of one expert's scores (“专家一评分表”, a score column “专家1”): the report's total is their
        average, not this total (a table with columns 专家1…专家3 and 专家评分 is the report's own)."""
        score_header = table.header[table.score_col] if table.score_col is not None and table.score_col < len(table.header) else ""
        return bool(ONE_EXPERT.search(table.table.caption or "") or ONE_EXPERT.search(score_header))

    def is_whole_report_table(self, table: ScoreTable) -> bool:
        """An overview or appendix table (weights adding to the full marks), not one 一级 indicator's table."""
        known = self._whole_report.get(id(table))
        if known is None or known[0] is not table:
            known = self._whole_report[id(table)] = (table, self._is_whole_report_table(table))
        return known[1]

    @cached_property
    def _whole_report(self) -> dict[int, tuple[ScoreTable, bool]]:
        return {}  # (is_whole_report_table's answers, with the table they are of: rules ask it many times)

    def _is_whole_report_table(self, table: ScoreTable) -> bool:
        weights = [r.weight for r in table.body if r.weight is not None]
        total = table.total_row
        if total is None:
            return False
        labels = {split_label(r.labels[0])[1] for r in table.body if r.labels}
        stated = total.weight is not None and total.weight >= 100  # (“合计 | 100 | | | 92”: the 一级 分值 column's)
        return stated or len(self._level1_kinds(labels)) > 1 or sum(weights, Decimal(0)) >= 100

    def _level1_kinds(self, labels: set[str]) -> set[str]:
        """The 一级 indicators a table's labels name, by kind: “项目效益” and “满意度” are both the 效益 part (满意度 is
        often a 二级 under 效益, “项目效益” a 二级 name too), so a section table listing them is not the overview."""
        kinds = set()
        for name in labels & self.top_level_names:
            kind = level1_kind(name) or name
            kinds.add("效益" if kind in ("效果", "满意度") else kind)
        return kinds

    def next_score_table(self, paragraph: Paragraph) -> ScoreTable | None:
        """The score table that follows a paragraph before the next heading (the table a sentence introduces)."""
        index = self.block_index.get(id(paragraph))
        if index is None:
            return None
        tables = self.score_table_by_block
        for block in self.document.blocks[index + 1 :]:
            if isinstance(block, Paragraph) and block.is_heading:
                return None
            if id(block) in tables:
                return tables[id(block)]
        return None

    def previous_score_table(self, paragraph: Paragraph) -> ScoreTable | None:
        """The score table before a paragraph since the last heading (the table a closing sentence sums up); a 续表
        part is read with its table, never alone."""
        index = self.block_index.get(id(paragraph))
        if index is None:
            return None
        tables = self.score_table_by_block
        for block in reversed(self.document.blocks[:index]):
            if isinstance(block, Paragraph) and block.is_heading:
                return None
            if id(block) in tables:
                table = tables[id(block)]
                return None if id(table) in self.continuation_parts else table
        return None

    @cached_property
    def _following_part(self) -> dict[int, int]:
        """id of a score table → id of the 续表 part that carries it on."""
        return {id(previous): part for part, previous in self._score_tables_and_parts[1].items()}

    @cached_property
    def continuation_parts(self) -> set[int]:
        """ids of the score tables that carry another on (its 续表 parts): read with that table, never alone."""
        return {id(part) for table in self.score_tables for part in self.continuations(table)}

    def continuations(self, table: ScoreTable) -> list[ScoreTable]:
        """The score tables that carry ``table`` on (its 续表 parts), in order."""
        following = self._following_part
        out: list[ScoreTable] = []
        current = table.table
        while id(current) in following:
            part = self.score_table_by_block.get(following[id(current)])
            if part is None:
                break
            out.append(part)
            current = part.table
        return out

    def rows_by_first_label(self, table: ScoreTable):
        """Each body row of a score table and its 续表 parts, with the name its first label column gives it: a cell
        merged from above, or left empty under a merged cell the page break split, is the name above it."""
        for row, names in self.rows_by_labels(table):
            yield row, names[0] if names else ""

    def rows_by_labels(self, table: ScoreTable):
        """Each body row of a score table and its 续表 parts, with the name each label column gives it (carried down
        as in :meth:`rows_by_first_label`; a different name in one column clears the names of the columns right of it)."""
        current: list[str] = []
        for part in (table, *self.continuations(table)):
            own = own_values(part.table)
            for row in part.body:
                cells = own[row.row - 1]
                for position, col in enumerate(part.label_cols):
                    cell = cells[col].strip() if col < len(cells) else ""
                    cell = "" if FIGURE_CELL.fullmatch(cell) else cell
                    if position >= len(current):
                        current.append("")
                    if cell and cell != current[position]:
                        current[position] = cell
                        current[position + 1 :] = [""] * (len(current) - position - 1)
                yield row, list(current[: len(part.label_cols)])

    def overview_rows(self):
        """(row, table) of the 一级 rows of whole-report tables: every row of an overview (one label column), and the
        rows coded with one letter of a table listing every level under its codes (A 决策 / A1 … / A11 …)."""
        for table in self.score_tables:
            if not self.is_whole_report_table(table):
                continue
            if len(table.label_cols) == 1:
                yield from ((row, table) for row in table.body)
            elif len(table.label_cols) == 2:
                yield from ((row, table) for row in table.body if len(row.labels) == 2 and LEVEL1_CODE.match(row.labels[0]))

    @cached_property
    def top_level_names(self) -> set[str]:
        names = {"决策", "过程", "产出", "效益", "效果", "项目决策", "项目过程", "项目产出", "项目效益", "满意度"}
        if self.data is not None:
            names |= {i.name for i in self.data.indicators}
        return names

    def total_mismatches(self, table: Table):
        """The 合计/小计 cells of a table its columns do not add up to, and the cells of a 合计 column their rows do not
        add up to (computed once per table)."""
        if id(table) not in self._total_mismatches:
            from checkers.table_totals import row_total_mismatches, total_mismatches

            earlier: list[Table] = []
            part = self._continued.get(id(table))
            while part is not None:  # a 续表 adds up with the rows of the parts before it
                earlier.insert(0, part)
                part = self._continued.get(id(part))
            columns = total_mismatches(table, earlier)
            if earlier and id(table) in self._split_unmarked:  # maybe two tables after all: wrong on either reading
                alone = {(m.row, m.col) for m in total_mismatches(table)}
                columns = [m for m in columns if (m.row, m.col) in alone]
            form = self.score_table_by_block.get(id(table))
            if form is not None and form.form_columns:  # a 自评表's 总分 adds its 资金 and 指标 rows, each part by its header
                columns = [m for m in columns if m.col not in form.form_columns] + self._form_total_mismatches(form)
            seen = {(m.row, m.col) for m in columns}
            rows = [m for m in row_total_mismatches(table) if (m.row, m.col) not in seen]  # a cell reported once
            columns = [m for m in columns if not any(
                r.col == m.col and r.row < m.row and m.computed - (r.stated - r.computed) == m.stated for r in rows)]
            # (a row's 合计 cell that its row misses throws the 合计 column off by as much: that cell is the finding)
            self._total_mismatches[id(table)] = columns + rows
        return self._total_mismatches[id(table)]

    @staticmethod
    def _form_total_mismatches(form: ScoreTable) -> list:
        """The 总分 row of a national 自评表 against its 资金 and 指标 rows (分值 and 得分)."""
        from checkers.table_totals import TotalMismatch

        total = form.total_row
        if total is None:
            return []
        out = []
        body = form.body + (form.funding_part.body if form.funding_part is not None else [])
        for col, name, stated in ((form.weight_col, "分值", total.weight), (form.score_col, "得分", total.score)):
            values = [row.weight if name == "分值" else row.score for row in body]
            computed = sum((v for v in values if v is not None), Decimal(0))
            if stated is not None and col is not None and computed != stated:
                written = grid_rows(form.table)[total.row - 1][col].strip()
                out.append(TotalMismatch(form.table, total.row, col, _NO_SPACE.sub("", total.label), name, stated,
                                         computed, total.excerpt, written))  # fmt: skip
        return out

    @cached_property
    def data_values(self) -> tuple[set[Decimal], set[Decimal], list[Decimal]]:
        """With --data: (scores, amounts in 元, percentages sorted) the data states or derives."""
        from checkers.data_values import data_values

        return data_values(self.data)

    @cached_property
    def detail_slips(self) -> list:
        """With --data: the cells of the report's funding detail table that differ from ``funding.detail``."""
        if self.data is None or self.data.funding.detail is None:
            return []
        from checkers.detail_vs_data import detail_slips

        return detail_slips(self.document.tables, self.data.funding.detail)

    def data_explains(self, table: Table, col: int, stated: Decimal) -> bool:
        """With --data: a 合计 that is the data's, in a detail-table column where an item differs from the data, or in a
        score table's 权重/得分 column whose rows' data adds up to it (SC104 names the row that differs)."""
        slips = [s for s in self.detail_slips if s.table is table and s.col == col]
        if slips:
            return not any(s.is_total and s.stated == stated for s in slips)
        scored = self.score_table_by_block.get(id(table))
        if self.data is None or scored is None or col not in (scored.weight_col, scored.score_col):
            return False
        rows = [row for row in scored.body if row.weight is not None]
        nodes = [self.data.find_indicator(code or name) for code, name in map(row_code_and_name, rows)]
        if not rows or any(node is None for node in nodes):
            return False
        values = [node.weight if col == scored.weight_col else node.total_score for node in nodes]
        written = [row.weight if col == scored.weight_col else row.score for row in rows]
        return sum(values, Decimal(0)) == stated and values != written

    @cached_property
    def blamed_cells(self) -> dict[tuple[int, int, int], BlamedCell]:
        """The one mistyped cell of a score table's 权重 or 得分 column, by (id of the table, row, column) (see
        :func:`checkers.blame.blamed_cells`)."""
        from checkers.blame import blamed_cells

        return blamed_cells(self)

    @cached_property
    def blamed_amounts(self) -> dict[int, list[BlamedAmount]]:
        """By id of a table that is no score table: its one mistyped amount cell (see
        :func:`checkers.blame.blamed_amounts`)."""
        from checkers.blame import blamed_amounts

        return blamed_amounts(self)

    @cached_property
    def prose_column_slips(self) -> list[ProseColumnSlip]:
        """Prose amounts one keystroke off the same-named column of a table (see :mod:`checkers.prose_columns`)."""
        from checkers.prose_columns import prose_column_slips

        return prose_column_slips(self)

    @cached_property
    def blamed_groups(self) -> dict[tuple[int, int], BlamedGroup]:
        """A 一级 of a score table with some row mistyped, by (id of the table, column) (see
        :func:`checkers.blame.blamed_groups`)."""
        from checkers.blame import blamed_groups

        return blamed_groups(self)

    def is_blamed(self, table: ScoreTable, row: ScoreRow, col: int | None = None) -> bool:
        """Whether this row's cell in ``col`` (by default its 权重 or 得分 cell) is the one mistyped cell of its table
        (see :attr:`blamed_cells`)."""
        cols = (col,) if col is not None else (table.weight_col, table.score_col)
        return any((id(table.table), row.row, c) in self.blamed_cells for c in cols)

    def doubt_about(self, table: Table, col: int | None) -> str:
        """A note for a finding that takes this table column as right when the column itself does not add up."""
        if col is None or not any(m.col == col for m in self.total_mismatches(table)):
            return ""
        return table.as_written("；但该表此列各行之和与合计也不符，写错的也可能是表中某一格，请对照评分记录")

    @cached_property
    def declared_execution_base(self) -> str | None:
        """The base of the 预算执行率 a sentence of the report defines (“预算执行率按实际支出÷年度预算计算”): 预算 or
        到位; None when no sentence does, or two disagree."""
        bases = {m.group("base") for p in self.paragraphs if "执行率" in p.text and "支出" in p.text
                 for _, _, sentence in sentences(p.text) if "执行率" in sentence for m in DECLARED_BASE.finditer(sentence)}  # fmt: skip
        return bases.pop() if len(bases) == 1 else None

    @cached_property
    def title_lines(self) -> list[str]:
        """The report's opening lines that name it (title, project name: short lines without a full stop)."""
        return [p.text for p in self.paragraphs[:8] if len(p.text) <= 60 and "。" not in p.text
                and not p.text.rstrip().endswith(("：", ":")) and not CAPTION_LINE.match(p.text)]  # fmt: skip
        # (“项目单位自评表如下：” leads into a table; “表1  2022—2023年…情况” is a table's caption)

    @cached_property
    def report_years(self) -> set[str]:
        """The years the report's opening lines (title, project name: short lines without a full stop) give."""
        return {y for text in self.title_lines for y in re.findall(r"(?:19|20)\d{2}", text)}

    @cached_property
    def report_kinds(self) -> set[str]:
        """What the report's title says it evaluates when that is not a project: “部门整体” (a department's whole
        spending, scored as the department or 该单位) or “自评” (a self-evaluation, its 自评得分 the total)."""
        return {kind for kind in REPORT_KINDS if any(kind in text for text in self.title_lines)}

    def _given(self, head: str) -> bool:
        """A bonus or penalty the report's project was given (not an institution's, nor one proposed)."""
        return not (NOT_YET.search(head) or self._another_bodys(head) or OTHER_PERIOD.search(head)
                    or self._another_report_year(head))  # (“上年度该项目基础得分85分，加分项加2分”)

    def _another_bodys(self, head: str) -> bool:
        """The sentence so far is about an institution assessed in the project (“区人民医院基础得分91分…最终得分92.5
        分”) or another named project (“重点项目“背街小巷改造项目”评价得分为82分”), not the report's own."""
        title = "".join(self.title_lines)
        for body in BODY_ASSESSED.finditer(head):  # (“利辛县人民医院…项目” in the title is the report's own)
            before = re.search(r"[\u4e00-\u9fff]{0,5}$", head[: body.start()]).group()
            after = PROJECT_AFTER.match(head, body.end())  # “区属公立医院绩效考核奖励项目综合评价得分”: the title's
            if (before + body.group()) not in title and not (after and body.group() + after.group() in title):
                return True
        place = PLACE_SCORED.match(head)  # “南湖区评价得分82.0分”: a district's own score in a fund's report
        if place and place.group("place") not in title:
            return True
        return any(name not in title for name in QUOTED_PROJECT.findall(head))

    def _not_the_total(self, clause: str) -> bool:
        """The clause scores something other than what the report evaluates (a survey, a sub-project, a self-evaluation
        in an outside evaluation's report); words of the report's own project name (“区属公立医院绩效考核奖励项目综合
        评价得分”) are not."""
        own = self._title_project_at_end(clause)
        return any(m.group(0) not in self.report_kinds and m.start() < own for m in NOT_THE_TOTAL.finditer(clause))

    def _title_project_at_end(self, clause: str) -> int:
        """Where the project the title names starts when the clause ends with it (its length when it does not)."""
        named = PROJECT_NAMED.search(clause)
        if named is None:
            return len(clause)
        name, title = named.group(1), "".join(self.title_lines)
        for start in range(len(name) - 6):  # (the name may come after other words: “经评议区属公立医院……项目”)
            if name[start:] in title:
                return named.start() + start
        return len(clause)

    def _someone_elses(self, head: str) -> bool:
        """The sentence so far gives someone else's score or grade, another year's, or the grading scale (a
        department's or a self-evaluation's score is the report's own where its title says it evaluates that)."""
        own = [m for m in SOMEONE_ELSES.finditer(head) if m.group(0) not in self.report_kinds]
        return bool(own or OTHER_PERIOD.search(head) or SURVEY.search(head)
                    or ONE_EXPERT.search(head)) or self._another_report_year(head)  # fmt: skip

    def _another_report_year(self, clause: str) -> bool:
        """The clause names a year the report's title shows is not its own (“该项目2022年度绩效评价得分为82分”)."""
        return bool(self.report_years) and any(y not in self.report_years for y in YEAR_IN_TEXT.findall(clause))

    def names_another_year(self, clause: str) -> bool:
        """The clause names a year (“2022年该项目预算执行率为90%”) that is not known to be the report's own."""
        return bool(YEAR_IN_TEXT.search(clause)) and (not self.report_years or self._another_report_year(clause))

    def _other_year(self, clause: str) -> bool:
        """A clause ending in a year (“该项目2019年度综合评价得分…”) that is not one of the report's own."""
        match = YEAR_AT_END.search(clause)
        return bool(match and self.report_years and match.group(1) not in self.report_years)

    @cached_property
    def consensus_total(self) -> tuple[Decimal | None, str]:
        """The total to hold the others to, and where it comes from (wording for messages).

        The data's total with --data; else the one value all statements give (“报告”/“报告各处”), the value most
        statements give (“报告多数处”), or, when no value has a majority, the one stated first (“前文”).
        """
        adjustment = self.score_adjustment
        if adjustment is not None:
            return self._adjusted_total(adjustment)
        if self.data is not None:
            return self.data.total, "项目数据"
        values = [s.value for s in self.total_statements]
        if not values:
            return None, ""
        counts = Counter(v.normalize() for v in values).most_common()
        if len(counts) == 1:
            return values[0], "报告各处" if len(values) > 1 else "报告"
        if counts[0][1] > counts[1][1]:
            return next(v for v in values if v.normalize() == counts[0][0]), "报告多数处"
        summed = {s.value.normalize() for s in self.total_statements if self._total_adds_up(s)}
        if len(summed) == 1:  # no majority: a score table's 合计 that its rows add up to outweighs a sentence
            return summed.pop(), "评分表合计（与各行之和相符）"
        return values[0], "前文"

    def _total_adds_up(self, statement: Statement) -> bool:
        """A total stated by a whole-report score table's 合计 row that its column's rows add up to."""
        if statement.location.table is None:
            return False
        for table in self.score_tables:
            total = table.total_row
            if table.table.location.table == statement.location.table and total is not None and total.score == statement.value:
                return self.is_whole_report_table(table) and not any(
                    m.col == table.score_col for m in self.total_mismatches(table.table))  # fmt: skip
        return False

    def _adjusted_total(self, adjustment: Decimal) -> tuple[Decimal | None, str]:
        """The final total of a report with 加分项/扣分项: the base (the data's total, or the score table's 合计,
        whose rows TT201 checks) plus the adjustment; without a base, the finals the report states."""
        said = f"{'加' if adjustment > 0 else '扣'}{plain(abs(adjustment))}分"
        if self.data is not None:
            return self.data.total + adjustment, f"项目数据（{plain(self.data.total)}分）{said}后"
        bases = [s.value for s in self.total_statements if s.extra.get("base")]
        if bases:
            base = Counter(v.normalize() for v in bases).most_common(1)[0][0]
            return base + adjustment, f"基础得分{plain(base)}分{said}后"
        finals = [s.value for s in self.total_statements]
        if not finals:
            return None, ""
        counts = Counter(v.normalize() for v in finals).most_common()
        if len(counts) == 1 or counts[0][1] > counts[1][1]:
            return counts[0][0], "报告各处" if len(counts) == 1 else "报告多数处"
        return finals[0], "前文"

    def expected_total(self, statement: Statement) -> Decimal | None:
        """What a total statement should say: the consensus total, or for a base total (a score table's 合计 before
        its 加分项/扣分项 rows) the consensus less the adjustment."""
        total = self.consensus_total[0]
        if total is not None and statement.extra.get("base") and self.score_adjustment is not None:
            return total - self.score_adjustment
        return total

    @cached_property
    def score_adjustment(self) -> Decimal | None:
        """加分项 less 扣分项 (points outside the indicator system, “加分项加3分”, “扣分项扣2分”, or rows after a score
        table's 合计); None without them, or when the report states two different bonuses (or penalties)."""
        bonuses: set[Decimal] = set()
        penalties: set[Decimal] = set()
        for paragraph in self.body_paragraphs:
            text = paragraph.text
            if "建议" in paragraph.location.section:
                continue  # (a bonus a suggestion proposes)
            if "加分" in text or "加" in text and ("另" in text or "额外" in text):
                bonuses.update(Decimal(m.group("n") or m.group("m") or m.group("k")) for m in BONUS_RE.finditer(text)
                               if self._given(sentence_head(text, m.start())))  # fmt: skip
            if PENALTY_HINT.search(text):
                penalties.update(Decimal(m.group("n") or m.group("m") or m.group("k")) for m in PENALTY_RE.finditer(text)
                                 if self._given(sentence_head(text, m.start())))  # fmt: skip
        for table in self.score_tables:
            for row in table.rows:
                if row.adjusts in ("bonus", "penalty") and row.score is not None:
                    (bonuses if row.adjusts == "bonus" else penalties).add(abs(row.score))
        if len(bonuses) > 1 or len(penalties) > 1 or not (bonuses or penalties):
            return None
        adjustment = sum(bonuses, Decimal(0)) - sum(penalties, Decimal(0))
        return adjustment or None

    @cached_property
    def stated_bands(self) -> list[tuple[Decimal, str]] | None:
        """The grading scale the report states in a sentence (“90分（含）以上为优，…”) or a table (等级 | 分值区间): its
        floors, highest first, with their grade words as the report writes them (优秀 read as 优), when it states at
        least three bands (or 合格/不合格) down to a lowest one; None otherwise."""
        paragraphs = self.paragraphs
        for index, paragraph in enumerate(paragraphs):
            text = paragraph.text
            if not BAND_HINT.search(text):
                continue
            bands = _bands(BAND_CLAUSE.split(text.replace("（含）", "(含)")))
            if bands:
                return bands
            # with the next few paragraphs (“优：90分（含）以上；” on a line of its own, 良 on the next)
            window = "；".join(p.text for p in paragraphs[index : index + 5]).replace("（含）", "(含)")
            bands = _bands(BAND_CLAUSE.split(window)) or _bands(BAND_CLAUSE_NO_COLON.split(window))
            if bands:
                return bands
        for table in self.document.tables:
            rows = grid_rows(table)
            if len(rows) <= 6 and any(BAND_GRADE.fullmatch(cell.strip()) for row in rows for cell in row):
                bands = _bands(["：".join(cell.replace("（含）", "(含)") for cell in row) for row in rows])
                if bands:
                    return bands
        return None

    def grade_of(self, total: Decimal) -> str:
        """The grade of a total on the report's own stated scale, else on 财预〔2020〕10号's."""
        bands = self.stated_bands
        if bands:
            return next((word for low, word in bands if total >= low), bands[-1][1])
        return grade_for(total)

    def band_text(self, grade: str) -> str:
        """A grade's score range, for messages: the report's stated one, or 财预〔2020〕10号's."""
        bands = self.stated_bands
        if not bands:
            return grade_band_text(grade)
        for index, (low, word) in enumerate(bands):
            if word == grade:
                upper = f"—{plain(bands[index - 1][0])}分" if index else "及以上"
                return f"按报告所列等级：{plain(low)}分（含）{upper}" if low else f"按报告所列等级：{plain(bands[index - 1][0])}分以下"
        return grade

    @cached_property
    def grade_statements(self) -> list[Statement]:
        """The grades stated for the report's own total (in prose and in “评价等级 | 良” cells)."""
        return self._grades[0]

    @cached_property
    def other_grades(self) -> list[tuple[Statement, Decimal]]:
        """(grade, the score its sentence gives just before it) of the grades that are not the report's own total's:
        a self-evaluation's, another year's (“项目单位自评得分95分，自评等级为‘良’” must still agree with itself)."""
        return self._grades[1]

    @cached_property
    def _grades(self) -> tuple[list[Statement], list[tuple[Statement, Decimal]]]:
        out: list[Statement] = []
        others: list[tuple[Statement, Decimal]] = []
        for paragraph in self.paragraphs:
            if "级" not in paragraph.text and "评价结" not in paragraph.text and "等次" not in paragraph.text \
                    and "档次" not in paragraph.text and "评估结" not in paragraph.text and "为“" not in paragraph.text:  # fmt: skip
                continue  # every grade keyword holds "级", "等次" or "档次", or is "评价结论/评价结果/评估结论"; or “评定为“优””
            matches = list(GRADE_RE.finditer(paragraph.text))
            taken = [m.span() for m in matches]
            matches += [m for pattern in (GRADE_AFTER_RE, GRADE_BARE_RE, GRADE_VERB_RE) for m in pattern.finditer(paragraph.text)
                        if not any(a < m.end() and m.start() < b for a, b in taken)
                        and TOTAL_HINT.search(sentence_head(paragraph.text, m.start()))]  # fmt: skip
            for m in matches:
                if SCALE_BEFORE.search(paragraph.text, 0, m.start()):
                    continue
                head = sentence_head(paragraph.text, m.start())
                if OTHER_PERIOD.search(clause_before(paragraph.text, m.start())) or self._someone_elses(head) \
                        or EARLIER_EVALUATION.search(head) or self._another_bodys(head):  # fmt: skip
                    others += self._grade_beside_its_score(paragraph, m)
                    continue  # “上年度该项目绩效评价等级为‘优’”, “主管部门……评价等级为‘优’”
                beside = self._grade_beside_its_score(paragraph, m)
                if self._graded_elsewhere(paragraph, m, head, beside):
                    others += beside
                    continue  # “2022年度该项资金评价得分84分，评价等级为‘良’”, “同期……补助资金得分78.5分，评价等级为‘中’”
                if SURVEY.search(clause_before(paragraph.text, m.start())) or paragraph.text.startswith("的", m.end() + 1):
                    continue  # “居民问卷中评价结果为‘优’的占62%” is a survey answer
                if _survey_grade(sentence_head(paragraph.text, m.start())):
                    continue  # “综合满意度得分为92.5分，评价结果为‘优’”: the survey's grade
                out.append(Statement("grade", Decimal(0), paragraph.location, sentence_at(paragraph.text, m.start()),
                                     name=GRADE_WORDS.get(m.group("grade"), m.group("grade"))))  # fmt: skip
        for table, r, c, text in self.cells():
            if text.replace(" ", "") in ("评价结论", "评价等级", "绩效等级", "等级"):
                row = grid_rows(table)[r]
                if c + 1 < len(row) and row[c + 1].strip() in GRADE_WORDS:
                    loc = table.at(r + 1, c + 2)
                    out.append(Statement("grade", Decimal(0), loc, table.row_text(r), name=GRADE_WORDS[row[c + 1].strip()]))
        return out, others

    def _graded_elsewhere(self, paragraph: Paragraph, m: re.Match, head: str, beside: list[tuple[Statement, Decimal]]) -> bool:
        """A grade of another year's score, or beside a score of its own (``beside``) that is no total the report
        states for itself (another fund's, another project's)."""
        if self.names_another_year(head):
            return True
        if not beside:
            return False
        score, total = beside[0][1], self.consensus_total[0]
        sentence = sentence_at(paragraph.text, m.start())
        return total is not None and score != total and not any(  # (a total in its sentence: the grade is the total's)
            t.location == paragraph.location and (t.value == score or t.excerpt == sentence) for t in self.total_statements)

    @staticmethod
    def _grade_beside_its_score(paragraph: Paragraph, m: re.Match) -> list[tuple[Statement, Decimal]]:
        """The grade at ``m`` with the score stated in the clause before it, when there is one (not a survey's)."""
        head = sentence_head(paragraph.text, m.start())
        score = last_score_clause(head)
        if score is None or SURVEY.search(head) or not SCORED_CLAUSE.search(score.group("clause")) \
                or SCORE_COMPARED.search(score.group("clause")):  # fmt: skip
            return []  # a survey's grade is on its own scale; “高于评价组得分7分” is a difference
        clause = score.group("clause")
        last = list(re.finditer(r"\d+(?:\.\d+)?(?=\s*分)", clause))[-1]
        if FULL_MARKS_BEFORE.search(clause[: last.start()]):
            return []  # “总分值100分，评价等级为…” states full marks, not the score
        value = last.group()
        name = GRADE_WORDS.get(m.group("grade"), m.group("grade"))
        return [(Statement("grade", Decimal(0), paragraph.location, sentence_at(paragraph.text, m.start()), name=name),
                 Decimal(value))]  # fmt: skip

    @cached_property
    def level1_prose(self) -> list[Statement]:
        """'决策指标总分20分，得分16分' and '其中：项目决策得分8.10分、…' statements."""
        out: list[Statement] = []
        for paragraph in self.body_paragraphs:
            text = paragraph.text
            if "得分" not in text and "实得" not in text and "评分" not in text and not BARE_SCORE.search(text):
                continue  # both patterns need "得分", "实得", “专家评分” or “得N分”
            weighed = any(word in text for word in LEVEL1_WEIGHT_WORDS)  # (the subtotal pattern needs one)
            bracketed = list(LEVEL1_BRACKET_RE.finditer(text)) if "分）" in text or "分)" in text else []
            for m in [*(LEVEL1_PROSE_RE.finditer(text) if weighed and ("指标" in text or "维度" in text or "部分" in text) else ()), *bracketed]:
                name = m.group("name")
                if name in ("该", "本", "此", "该项", "本项", "此项"):
                    continue  # “该指标分值2分，评价得分1.5分”: an indicator's own opening, not a 一级 subtotal
                if name.endswith("级"):  # “该部分共设置3个二级指标、6个三级指标，满分20分，…”: the part's, if it says so
                    if not THIS_PART_IN.search(sentence_head(text, m.start())):
                        continue
                    name = "该部分"
                if THIS_PART.match(name):  # named by its section's heading (“（三）项目产出”)
                    name = _HEADING_TAIL.sub("", _SECTION_NUMBER.sub("", paragraph.location.section)) or name
                out.append(Statement("level1", Decimal(m.group(3)), paragraph.location, sentence_at(text, m.start()),
                                     name=name, extra={"weight": Decimal(m.group(2)), "paragraph": paragraph}))  # fmt: skip
            for m in LEVEL1_ANY_WEIGHED_RE.finditer(text) if self.table_level1_sums else ():
                name = self._own_level1_name(m.group("name"))  # “立项必要性共50分，得42分”: a 一级 the tables name so
                if name is not None:
                    out.append(Statement("level1", Decimal(m.group(3)), paragraph.location, sentence_at(text, m.start()),
                                         name=name, extra={"weight": Decimal(m.group(2)), "paragraph": paragraph}))  # fmt: skip
            for m in LEVEL1_ANY_BRACKET_RE.finditer(text) if "分）" in text or "分)" in text else ():
                name = self._own_level1_name(m.group("name"))  # “政策执行（30分）得26分”: a 一级 the tables name so
                if name is not None and not any(b.start("name") <= m.start("name") < b.end() for b in bracketed):
                    out.append(Statement("level1", Decimal(m.group(3)), paragraph.location, sentence_at(text, m.start()),
                                         name=name, extra={"weight": Decimal(m.group(2)), "paragraph": paragraph}))  # fmt: skip
            for m in LEVEL1_SCORE_FIRST_RE.finditer(text) if bracketed is not None and ("分）" in text or "分)" in text) else ():
                out.append(Statement("level1", Decimal(m.group("score")), paragraph.location, sentence_at(text, m.start()),
                                     name=m.group("name"), extra={"weight": Decimal(m.group("weight")), "paragraph": paragraph}))  # fmt: skip
            for m in THIS_PART_SCORE_RE.finditer(text) if "部分" in text else ():  # under “（一）项目决策（权重20分）”
                heading = _SECTION_NUMBER.sub("", paragraph.location.section)
                weight = _HEADING_WEIGHT.search(heading)
                name = _HEADING_TAIL.sub("", _HEADING_WEIGHT.sub("", heading))
                if weight is not None and name and not INDICATOR_SCORE.search(sentence_head(text, m.start())):
                    out.append(Statement("level1", Decimal(m.group("score")), paragraph.location, sentence_at(text, m.start()),
                                         name=name, extra={"weight": Decimal(weight.group(1)), "paragraph": paragraph}))  # fmt: skip
            for _start, _, sentence in _sentences_starting(text, "其中"):
                for m in AMONG_RE.finditer(sentence):
                    out.append(Statement("level1", Decimal(m.group(2)), paragraph.location, sentence.strip(),
                                         name=m.group("name"), extra={"weight": None, "among": True, "paragraph": paragraph}))  # fmt: skip
                among = AMONG_HEAD.sub("", sentence.lstrip())
                for m in AMONG_LEVEL1_RE.finditer(among) if "得分" not in sentence else ():  # “其中决策指标得13分，……”
                    out.append(Statement("level1", Decimal(m.group(2)), paragraph.location, sentence.strip(),
                                         name=m.group("name"), extra={"weight": None, "among": True, "paragraph": paragraph}))  # fmt: skip
                for m in AMONG_WEIGHED_RE.finditer(sentence):  # “其中，决策10分得7分，过程20分得13.5分”
                    out.append(Statement("level1", Decimal(m.group("score")), paragraph.location, sentence.strip(),
                                         name=m.group("name"), extra={"weight": Decimal(m.group("weight")), "among": True,
                                                                      "paragraph": paragraph}))  # fmt: skip
            for sentence, tail in _tails_after_among(text):
                for m in AMONG_LEVEL1_RE.finditer(tail):
                    out.append(Statement("level1", Decimal(m.group(2)), paragraph.location, sentence.strip(),
                                         name=m.group("name"), extra={"weight": None, "among": True, "paragraph": paragraph}))  # fmt: skip
                for m in AMONG_WEIGHED_RE.finditer(tail):  # “本项目绩效评价得分43.1分，其中：决策15分得13分，……”
                    out.append(Statement("level1", Decimal(m.group("score")), paragraph.location, sentence.strip(),
                                         name=m.group("name"), extra={"weight": Decimal(m.group("weight")), "among": True,
                                                                      "paragraph": paragraph}))  # fmt: skip
            for _start, sentence, listed in self._listed_sentences(paragraph):
                for item in listed:
                    if item.score is not None:
                        out.append(Statement("level1", item.score, paragraph.location, sentence.strip(), name=item.name,
                                             extra={"weight": item.weight, "listed": True, "paragraph": paragraph}))  # fmt: skip
        return out

    def _own_level1_name(self, words: str) -> str | None:
        """``words`` when they are a 一级 name of the report's appendix-style tables that is no standard one (those the
        fixed patterns read) and no indicator's row: “政策执行（30分）得26分”."""
        if words in self.table_level1_sums and level1_kind(words) is None and words not in self.table_indicators:
            return words
        return None

    def _listed_sentences(self, paragraph: Paragraph) -> list:
        """(start, sentence, names with their figures) of each “……得分分别为……” sentence about this report's scores
        (read once: the subtotals and the score rates both use them)."""
        return self._listed.get(id(paragraph), [])

    @cached_property
    def _listed(self) -> dict[int, list]:
        out: dict[int, list] = {}
        for paragraph in self.body_paragraphs:
            text = paragraph.text
            if "分别" not in text and "依次" not in text:
                continue
            for start, _, sentence in sentences(text):
                if OTHER_PERIOD.search(sentence) or SURVEY.search(sentence) or ONE_EXPERT.search(sentence):
                    continue
                listed = listed_figures(sentence)
                if listed:
                    out.setdefault(id(paragraph), []).append((start, sentence, listed))
        return out

    @cached_property
    def rate_statements(self) -> list[Statement]:
        out: list[Statement] = []
        for paragraph in self.body_paragraphs:
            if "率" not in paragraph.text and "比例" not in paragraph.text and "满意度" not in paragraph.text:
                continue
            for m in RATE_RE.finditer(paragraph.text):
                if SCORING_STANDARD.search(sentence_head(paragraph.text, m.start()) + clause_at(paragraph.text, m.start())):
                    continue  # (“评分标准：……”, “完成率每低1个百分点扣0.1分”; a rate stated before such a rule is checked)
                value = Decimal(m.group(2)) if m.group(2) else chinese_value(m.group("percent"))
                if value is None:
                    continue
                name = m.group("name").replace("比例", "率").replace("审减", "核减").replace("完工率", "完成率") \
                    .replace("满意度", "满意率")  # fmt: skip
                on_time = name == "完成率" and ON_TIME_BEFORE.search(paragraph.text, max(0, m.start() - 2), m.start())
                wording = paragraph.text[m.start() - 2 : m.start()] + m.group("name") if on_time else m.group("name")
                out.append(Statement("rate", value, paragraph.location, sentence_at(paragraph.text, m.start()),
                                     name="及时率" if on_time else name,  # (“按时完成率” counts what was done on time)
                                     extra={"paragraph": paragraph, "start": m.start(), "wording": wording,
                                            "written": m.group(0)}))  # fmt: skip
            for start, sentence, listed in self._listed_sentences(paragraph):
                for item in listed:
                    if item.rate is not None and item.weight and item.score is not None:
                        out.append(Statement("rate", item.rate, paragraph.location, sentence.strip(), name="得分率",
                                             extra={"paragraph": paragraph, "start": start + item.start,
                                                    "wording": f"“{item.name}”得分率", "ratio": item.score / item.weight}))  # fmt: skip
        return out

    # -- level-1 sums of the report's own tables -------------------------------

    def _first_label_groups(self, table: ScoreTable) -> bool:
        """A two-label table (事前评估's “评估内容 | 评估要点 | 分值 | 得分”) whose first column groups rows: some name
        in it stands over two or more scored rows, as a 一级 over its points."""
        counts: dict[str, int] = {}
        for row, group in self.rows_by_first_label(table):
            if row.weight is not None and not row.is_total:
                counts[group] = counts.get(group, 0) + 1
        return len(counts) >= 2 and max(counts.values()) >= 2

    @cached_property
    def table_level1_sums(self) -> dict[str, tuple[Decimal, Decimal, ScoreTable]]:
        """Per 一级 name: (weight, score) summed from an appendix-style table whose first label column is 一级, with
        its 续表 parts (their first rows, under a merged cell the page break split, belong to the 一级 above)."""
        out: dict[str, tuple[Decimal, Decimal, ScoreTable]] = {}
        for table in self.score_tables:
            if len(table.label_cols) < 2 or id(table) in self.continuation_parts:
                continue
            if len(table.label_cols) == 2 and not self._first_label_groups(table):
                continue  # (two label columns, each row its own: no 一级 column)
            for name, rows in self.level1_groups(table).items():
                scored = [row for row in rows if row.labels and row.weight is not None and row.score is not None]
                if scored:
                    weight = sum((row.weight for row in scored), Decimal(0))
                    out.setdefault(name, (weight, sum((row.score for row in scored), Decimal(0)), table))
        return out

    def level1_groups(self, table: ScoreTable) -> dict[str, list[ScoreRow]]:
        """The body rows of a score table and its 续表 parts by the 一级 name its first label column gives them,
        without code or the weight a cell carries (“A.决策（15分）” is 决策); 资金 rows left out."""
        groups: dict[str, list[ScoreRow]] = {}
        for row, group in self.rows_by_first_label(table):
            name = group_name(group)
            if name and not row.funding:
                groups.setdefault(name, []).append(row)
        return groups


SIDEWAYS_ROWS_MAX = 8  # 指标/权重/得分/得分率/扣分… down the first column


def _sideways(table: Table) -> bool:
    """A score table written on its side: indicators across the top, 权重 and 得分 down the first column."""
    if not 3 <= len(table.rows) <= SIDEWAYS_ROWS_MAX or table.n_cols < 3:
        return False
    first = [row[0] for row in table.grids()[0]]
    weight, score, _, _ = _header_columns(first)
    if weight is None or score is None or score_table_of(table) is not None:
        return False
    view = score_table_of(table.transpose())
    return view is not None and sum(1 for r in view.body if r.weight is not None and r.score is not None) >= 2


def upright(document: Document) -> Document:
    """The document with each score table written on its side replaced by its transposed view (whose locations are
    still the cells as written), so that every rule reads it like any score table."""
    blocks = [block.transpose() if isinstance(block, Table) and _sideways(block) else block for block in document.blocks]
    if all(new is old for new, old in zip(blocks, document.blocks, strict=True)):
        return document
    return Document(document.path, blocks, document.sections())


def _tables_in_sequence(document: Document):
    """Each table with the table right before it (None when other text lies between), whether a “续表” line
    (“（续表）”, “表2 明细表（续）”) stands between the two, and whether it looks split from it without one."""
    before: Table | None = None
    marked = False
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if CONTINUED.match(block.text):
                marked = True
            elif block.text.strip() and not UNIT_LINE.match(block.text):  # “单位：万元” repeated above the 续表
                before, marked = None, False  # (an empty paragraph is what Word leaves where a table was split)
            continue
        if block.nested_in is not None:  # a table in another's cell is no part of a split table (nor the one after it)
            yield block, None, False, False
            continue
        first = [cell.text for cell in block.rows[0] if cell.text.strip()] if block.rows else []
        marked = marked or (len(first) == 1 and bool(CONTINUED.match(first[0])))  # “续表1” as its first row
        yield block, before, marked, not marked and before is not None and _split_unmarked(block, before)
        before, marked = block, False


# an analysis opening with an indicator's name and a colon: “4.活动按计划完成及时率：全年计划……”
NAME_BEFORE_COLON = re.compile(rf"^\s*{ITEM_NUMBER}?\s*(?P<name>[^，,。；;：:（(]{{2,24}})[：:]")
NUMBERED_LABEL = re.compile(rf"^\s*{ITEM_NUMBER}\s*(?P<label>[^，,。；;：:]{{2,30}})[：:]")
SUMMARY_LABEL = re.compile(r"^\s*(?:存在(?:的)?问题|主要问题|问题及原因|原因分析|改进建议|相关建议|建议|整改建议|下一步[\u4e00-\u9fff]{0,6}"
                           r"|经验做法|主要做法|小结)[：:]")


# a paragraph opening with a numbered name of its own sentence: “1.政策依据充分性。政策依据……”
NAME_SENTENCE = re.compile(rf"^\s*{ITEM_NUMBER}\s*[^，,。；;：:（(\d]{{2,20}}。")
THIS_INDICATOR_LATER = re.compile(r"(?<=[。；;])\s*(?=(?:该|本|此)(?:项|指标))")


def _named_by_first_sentence(text: str, lead: re.Match[str]) -> tuple[int, re.Match[str] | None]:
    """The opening of an indicator named by its paragraph's first sentence and scored in a later one (“1.政策依据充分性。
    政策依据……充分。该指标满分5分，得5分。”): as :func:`named_by_heading` with that sentence for the heading."""
    for later in THIS_INDICATOR_LATER.finditer(text, lead.end() - 1):
        shift, named = named_by_heading(lead.group(0).rstrip("。"), text[later.end() :])
        if named is not None:
            return shift + later.end(), named
    return 0, None


def _form_parts(funding: ScoreTable, indicators: ScoreTable) -> bool:
    """A national 自评表 set as two tables: a 资金 part (“项目资金|年初预算数|全年预算数|全年执行数|分值|执行率|得分”, no 总分)
    right above an 指标 part (“一级指标|二级指标|三级指标|…|分值|得分”) whose 总分 row closes both."""
    levels = sum(bool(LEVEL_HEADER.match(cell.strip())) for cell in indicators.header)
    return levels >= 2 and not any(LEVEL_HEADER.match(cell.strip()) for cell in funding.header) \
        and any("预算" in cell for cell in funding.header) and funding.total_row is None \
        and indicators.total_row is not None  # fmt: skip


def _has_total(rows: list[list[str]]) -> bool:
    return any(TOTAL_LABEL.match(_NO_SPACE.sub("", cell)) for row in rows for cell in row[:3])


def _split_unmarked(table: Table, before: Table) -> bool:
    """A table split in two with nothing but empty paragraphs between and no “续表” line: the same columns, the first
    part with no 合计 row and the second with one, the second repeating the first's header row or starting straight
    with figures (its header left on the page before)."""
    if table.n_cols != before.n_cols or not table.rows or not before.rows:
        return False
    rows, earlier = grid_rows(table), grid_rows(before)
    if _has_total(earlier) or not _has_total(rows):
        return False
    same_header = [c.strip() for c in rows[0]] == [c.strip() for c in earlier[0]]
    return same_header or (any(number_in(c) is not None for c in rows[0]) and all(number_in(c) is None for c in earlier[0]))


_INDICATOR_CODE = re.compile(r"(?<![A-Za-z])([A-Z]\d{2,3})(?!\d)")


def _names_another_indicator(sentence: str, code: str | None) -> bool:
    """“……已在B14运转程序规范性指标中扣1分”: the deduction belongs to the indicator the sentence names."""
    return any(found != code for found in _INDICATOR_CODE.findall(sentence))


def _without_lists(statements: list[Statement]) -> list[Statement]:
    """Totals of several projects listed in one sentence (“其中甲项目综合评价得分86分，乙项目…72分”) are no report's
    own total: a sentence giving different totals to differently named projects is dropped."""
    named: dict[tuple[int, str], set[tuple[str, Decimal]]] = {}
    for s in statements:
        if s.name:
            named.setdefault((id(s.location), s.excerpt), set()).add((s.name, s.value))
    listed = {key for key, found in named.items() if len({n for n, _ in found}) > 1 and len({v for _, v in found}) > 1}
    return [s for s in statements if (id(s.location), s.excerpt) not in listed]


def _tails_after_among(text: str):
    """(sentence, what follows its 其中) of each sentence with a 其中 inside it, after a total (“总得分为88分，其中……”)."""
    if "其中" not in text:
        return
    for _start, _end, sentence in sentences(text):
        inside = sentence.find("其中", 1)
        if inside > 0 and not sentence.strip().startswith("其中") and TOTAL_HINT.search(sentence, 0, inside):
            yield sentence, sentence[inside + 2 :].lstrip("：:，, ")


def _sentences_starting(text: str, word: str):
    """Each sentence opening with ``word`` (“其中，……”), carried on through the pieces after its semicolons to the
    full stop (“其中，预算执行率10分，得9.5分；产出指标50分，得49分；……。” is one list)."""
    if word not in text:
        return
    for start, end, sentence in sentences(text):
        if sentence.strip().startswith(word):
            while sentence.rstrip().endswith(("；", ";")) and end < len(text):
                stop = text.find("。", end)
                end = stop + 1 if stop >= 0 else len(text)
                sentence = text[start:end]
            yield start, end, sentence


LEVEL1_KINDS = ("决策", "投入", "过程", "产出", "效益", "效果", "满意度")  # the 一级 indicators of 财预〔2020〕10号 and their variants
_LEVEL1_DRESS = re.compile(r"(?:[（(][^）)]*[）)]|\s)+$|^项目|(?:类|部分|方面|指标|维度)+$")


def level1_kind(name: str) -> str | None:
    """Which 一级 indicator a name is (“A.项目决策”, “决策类指标”, “产出（40分）” → 决策, 产出); None for another name,
    a 二级 such as 社会效益 or 产出数量 included."""
    core = strip_code_prefix(name.strip())
    for _ in range(3):  # (“项目决策类指标（20分）”: dressed several times)
        core = _LEVEL1_DRESS.sub("", core)
    return core if core in LEVEL1_KINDS else None


OWNER_PREFIX = re.compile(r"^(?:部门|单位)(?=[\u4e00-\u9fff]{2})")  # “部门决策” in a department's report: its 决策


def same_level1(a: str, b: str) -> bool:
    """Two names of one 一级 indicator: '项目决策', '部门决策', '决策指标' and 'A.决策' are one; '社会效益' (a 二级) is
    not '效益'."""
    a, b = (OWNER_PREFIX.sub("", _undressed(strip_code_prefix(x).strip()).replace("项目", "")) for x in (a, b))
    return bool(a) and a == b


LEADING_CONNECTIVE = re.compile(r"^(?:其中|另外|此外)[，,：:]?")


def _undressed(name: str) -> str:
    """A name without a connective before it or its suffixes: “其中决策指标” as “决策”, “效益类指标” as “效益” (one of
    类/部分/方面/指标 after another)."""
    name = LEADING_CONNECTIVE.sub("", name)
    for _ in range(2):
        name = NAME_SUFFIX.sub("", name)
    return name


LEVEL1_FULL_NAMES = re.compile(r"^(过程)管理$")  # “过程管理” is the 一级 “过程” written in full (as in 丰台's reports)


def names_match(a: str, b: str) -> bool:
    """'项目决策' matches '决策'; '决策' matches 'A.决策'; '过程管理' matches '过程'."""
    a, b = (LEVEL1_FULL_NAMES.sub(r"\1", NAME_SUFFIX.sub("", strip_code_prefix(x).strip())) for x in (a, b))
    if not a or not b:
        return False
    return a == b or a.endswith(b) or b.endswith(a) or a.replace("项目", "") == b.replace("项目", "")
