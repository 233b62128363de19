"""Indicator openings in prose: “B14运转程序规范性，权重4分，得分2分。” and its many other wordings, the closings
(“扣2分，该指标得2分”) and deductions of an indicator's analysis, and the words that mark scoring rules and other
periods (which are no such statement)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from checkers.document import Location, Paragraph
from checkers.figures import in_parentheses, sentence_at, sentence_head

NUM = r"(\d+(?:\.\d+)?)"
LABEL_RE = re.compile(r"^(?P<code>[A-Z](?:\d{1,3})?)\s*[.．、]?\s*(?P<name>\S.*)$")
CODED_START = re.compile(r"^[A-Z]\d{2,3}\s*[\u4e00-\u9fff]")
_HEAD_LABEL = r"^(?:[（(]\d{1,2}[）)]|\d{1,2}[.、．](?!\d))?\s*(?P<label>[^，,。；：:（(\n]{2,40}?)"
HEAD_WORDS = ("权重", "分值", "满分", "标准分")  # every opening names its weight with one of these
_HEAD_WEIGHT_WORD = rf"(?:{'|'.join(HEAD_WORDS)})值?(?:为)?\s*"  # (“标准分值”)
_HEAD_SCORE_WORD = r"(?:(?:实际|评价|平均|(?:评价组|专家组?)?评定|核定)?得分|(?:专家)?评分|(?:评价组|专家组?)评定(?=\s*\d)|实得|得(?=\s*\d))(?:为)?\s*"
HEAD_RE = re.compile(
    _HEAD_LABEL + r"(?:\s*[，,：:（(。]\s*(?:该指标|本指标|该项|本项)?(?:指标)?|\s*指标|(?<=[】”」’\"]))" + _HEAD_WEIGHT_WORD + r"(?P<weight>\d+(?:\.\d+)?)\s*分"
    r"\s*[，,、；;]\s*(?:(?:按[^，,。；;]{1,15}?计分|得分率\s*\d+(?:\.\d+)?\s*[%％])\s*[，,]\s*)?"  # “按权重的80%计分，”
    r"(?:扣(?:除|减)?\s*(?P<deducted>\d+(?:\.\d+)?)\s*分\s*[，,]\s*)?"  # “该指标满分5分，扣1分，得4分”
    + _HEAD_SCORE_WORD + r"(?P<score>\d+(?:\.\d+)?)\s*分"
)
# the score before the weight: “B14运转程序规范性，得分2.25分（满分2.5分）”, “……：得分3分，权重4分”
HEAD_SCORE_FIRST_RE = re.compile(
    _HEAD_LABEL + r"(?:\s*[，,：:（(。]\s*(?:该指标|本指标)?(?:指标)?|\s*指标|(?=得分))"
    + rf"(?:扣(?:除|减)?\s*(?P<deducted>{NUM[1:-1]})\s*分\s*[，,]\s*)?"  # “（2）政府采购规范性，该指标扣1分，得3分（满分4分）”
    + _HEAD_SCORE_WORD + r"(?P<score>\d+(?:\.\d+)?)\s*分"
    r"\s*[（(，,、；;]\s*" + _HEAD_WEIGHT_WORD + r"(?P<weight>\d+(?:\.\d+)?)\s*分\s*[）)]?"
)
FIGURE = r"\d+(?:\.\d+)?"
# “扣2分，该指标得2分”, “该指标得分为3分”, “该指标扣1分，得3分”: the deduction (before or inside) and the score
CLOSING_RE = re.compile(
    rf"(?:扣(?:除|减)?\s*(?P<deduction>{FIGURE})\s*分[，,]\s*)?(?:该|本)(?:项(?:三级)?(?:指标)?|(?:三级)?指标)(?:最终|实际)?"
    rf"(?:共?扣(?:除|减)?\s*(?P<deducted>{FIGURE})\s*分[，,]\s*)?得(?:分)?(?:为)?\s*(?P<score>{FIGURE})\s*分"
)
DEDUCT_RE = re.compile(rf"扣(?:除|减)?\s*{NUM}\s*分")
OPENING_DEDUCTION = re.compile(rf"^\s*[，,（(]?\s*(?:共|合计)?扣(?:除|减)?\s*{NUM}\s*分\s*[）)]?\s*$")  # “……得分1.5分，扣0.5分。”
STANDARD_DEDUCTION = re.compile(r"每[^，。；]{0,8}扣|每(?:发现|有|出现|存在|缺少?|少)一?\d?[处笔项个次例份期][^，。；]{0,12}扣|扣完为止|最多扣|最高扣|扣分上限|的扣\d|则扣|即扣")  # a scoring rule, not a deduction
OTHER_PERIOD = re.compile(r"上年|去年|往年|上一年|以前年度|上期|前一年")  # a figure of an earlier evaluation
# “如未制定管理办法扣2分”: a rule, not this year's deduction (but “例如”, “如“群众满意度”未设定指标值” give an example)
CONDITION = re.compile(r"(?<![例比诸譬])如(?![“\"「])|若|凡|否则|不扣分|未扣分|不重复扣|不再扣")
# the scoring rules quoted (“评分标准：……”, “评分要点：……”), not “根据相关评分标准，扣1分” applying them
SCORING_STANDARD = re.compile(
    r"(?<!根据)(?<!依据)(?<!按照)(?<!相关)评分标准(?:[：:，,]|为|是)|评分(?:要点|细则|办法|规则)[：:]|(?:^|(?<=[。；;（(]))\s*评分(?:要点|细则|办法|规则)[，,]|得满分|每(?:低|高|少|多|降低|提高)"
    r"|不得分|的得|按比例"
)
_NAME_START = re.compile(r"[\u4e00-\u9fff（(“\"「‘]")  # (a name may open with a quote: “一卡通”兑付准确率)
# a label's code or list number: “A.”, “B14”, “一、”, “（一）”, “1.” (not “1.1.1”, a code kept with the name)
_CODE_PREFIX = re.compile(r"^(?:[A-Z]\d*\s*[.．、]?|[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d))\s*")
NAME_SUFFIX = re.compile(r"(?:类|部分|方面|指标)$")


@lru_cache(maxsize=8192)
def split_label(text: str) -> tuple[str | None, str]:
    """'B14运转程序规范性' → ('B14', '运转程序规范性'); 'A.决策' → ('A', '决策'); '决策' → (None, '决策')."""
    text = text.strip()
    match = LABEL_RE.match(text)
    if match and _NAME_START.match(match.group("name")):
        return match.group("code"), match.group("name").strip()
    return None, text


_QUOTED_LABEL = re.compile(r"^\s*(?:指标)?[“\"「‘【](.+?)[”\"」’】]\s*(?:指标)?$")  # “预算执行率”指标, 指标“…”, 【…】 → 预算执行率
_LABEL_SEPARATOR = re.compile(r"[，,：:（(。]")
_LIST_NUMBER = re.compile(r"^\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[.、．](?!\d))")
_CODED_OR_QUOTED = re.compile(r"^\s*(?:指标)?(?:[A-Z]\d|[“\"「‘【])")
BARE_SCORE = re.compile(r"得\s*\d")  # “（满分3分，得2.5分）”
# a 一级 indicator's name (“决策指标权重20分，得分16分” is a subtotal, not an indicator's opening)
LEVEL1_NAME = r"(?:项目|部门|单位)?(?:决策|投入|过程|产出|效益|效果|管理|满意度)"  # how reports name a 一级 indicator
LEVEL1_LABEL = re.compile(rf"^{LEVEL1_NAME}(?:类|方面|部分)?$")
HEAD_WORD_RE = re.compile("|".join(HEAD_WORDS))
# “绩效指标清晰性（A22），权重3分”: the code after the name, moved before it (same length, so offsets hold)
_CODE_AFTER = re.compile(r"^(?P<lead>(?:[（(]\d{1,2}[）)]|\d{1,2}[.、．](?!\d))?\s*)(?P<name>[^，,。；：:（(\n]{2,40}?)[（(](?P<code>[A-Z]\d{1,3})[）)]")
THIS_INDICATOR = re.compile(rf"^(?:该|本|此)(?:项(?:三级)?(?:指标)?|(?:三级)?指标)\s*[，,：:]?\s*(?={HEAD_WORD_RE.pattern})")
ITEM_NUMBER = r"(?:[（(][\d一二三四五六七八九十]{1,3}[）)]|[\d一二三四五六七八九十]{1,3}[.、．](?!\d))"  # “（三）”, “3.”, “三、”
HEADING_NUMBER = re.compile(rf"^\s*{ITEM_NUMBER}\s*")
HEAD_REACH = 160  # an opening's name, weight and score come within this many characters of its start
LABELLED_RE = re.compile(
    r"^指标名称\s*[：:]\s*(?P<label>[^；;，,。\n]{2,40}?)\s*[；;，,]\s*(?:指标)?(?:" + "|".join(HEAD_WORDS) + r")值?\s*[：:]\s*"
    rf"(?P<weight>{FIGURE})\s*分\s*[；;，,]\s*" + _HEAD_SCORE_WORD.replace(r"(?:为)?", r"(?:为|[：:])?") + rf"(?P<score>{FIGURE})\s*分"
)
# “产出数量——道路养护里程完成率”, “产出数量方面：补贴企业户数完成率”, “1.数量指标：……”: the group before the name;
# a connective before it (“其中家长接送难问题缓解程度（15分）得14.5分”)
_GROUP_PREFIX = re.compile(r"^.{1,12}?(?:——|--|—)|^(?:[（(]?[\d一二三四五六七八九十]{1,3}[）)、.．]\s*)?"
                           r"[\u4e00-\u9fff]{2,10}[：:](?=[\u4e00-\u9fff“\"]{2})|^(?:其中|另外|此外|同时)[，,、]?")  # (“其中家长……”)


def opening_label(label: str) -> tuple[str | None, str]:
    """An opening's code and name: quotes and brackets (“…”指标, 指标“…”, 【…】) and a group before a dash taken off."""
    label = _GROUP_PREFIX.sub("", _QUOTED_LABEL.sub(r"\1", label.strip())).strip()
    if label[:1] in "“\"「‘【" and label[-1:] in "”\"」’】" and len(label) > 2:
        label = label[1:-1]  # (a quote only around the whole name: ““三公经费”变动率” keeps its own)
    elif label[-1:] in "”\"」’】" and not any(q in label for q in "“\"「‘【"):
        label = label[:-1]  # (a closing quote left alone)
    return split_label(label)


def head_match(text: str) -> re.Match[str] | None:
    """An indicator's opening (HEAD_RE, or HEAD_SCORE_FIRST_RE: score before weight); written without a comma (“B14…指标满分4分”) only for a coded or quoted
    name, since “决策指标权重20分，得分16分” is a 一级 subtotal. A code written after the name (“绩效指标清晰性（A22），”)
    is read as if before it (the match is on that text, of the same length, so its offsets are ``text``'s)."""
    if text.startswith("指标名称"):  # “指标名称：服务对象满意度；指标分值：6分；评价得分：5.6分”
        return LABELLED_RE.match(text)
    if not any(word in text for word in HEAD_WORDS):
        return None  # both patterns need a weight word
    if "得分" not in text and "实得" not in text and "评分" not in text and "评定" not in text and not BARE_SCORE.search(text):
        return None
    text = _code_first(text)
    match = HEAD_RE.match(text)
    if match is None:  # the score first: only a coded, quoted or numbered name (“问卷调查结果：得分92分（满分100分）” is none)
        match = HEAD_SCORE_FIRST_RE.match(text)
        if match is not None and not (_CODED_OR_QUOTED.match(match.group("label")) or _LIST_NUMBER.match(text)
                                      or "指标" in text[match.end("label") : match.start("score")]):  # fmt: skip
            return None  # (“重点工作完成率指标得9.5分（满分10分）” names an indicator)
    if match is None or _LABEL_SEPARATOR.search(text, match.end("label"), min(match.start("weight"), match.start("score"))):
        return match
    label = match.group("label")
    return match if _CODED_OR_QUOTED.match(label) or not LEVEL1_LABEL.match(strip_code_prefix(label)) else None


def _code_first(text: str) -> str:
    """``text`` with a code written after the name (“绩效指标清晰性（A22）”) moved before it (“A22绩效指标清晰性  ”)."""
    match = _CODE_AFTER.match(text) if "（" in text or "(" in text else None
    if match is None:
        return text
    return match.group("lead") + match.group("code") + match.group("name") + "  " + text[match.end() :]


def named_by_heading(heading: str, text: str) -> tuple[int, re.Match[str] | None]:
    """An opening whose name is its heading's (“（3）合同管理规范性” then “该指标分值3分，评价得分2分。”): the match on
    the heading's name joined to the sentence, and the shift that maps its offsets back onto ``text``."""
    lead = THIS_INDICATOR.match(text)
    if lead is None:
        return 0, None
    title = HEADING_NUMBER.sub("", heading).strip()
    match = head_match(title + "，" + text[lead.end() :])
    return (lead.end() - len(title) - 1, match) if match is not None else (0, None)


def head_inside(text: str) -> tuple[int, re.Match[str] | None]:
    """An indicator's opening that starts a later sentence of a paragraph (“……98,412人。高血压患者规范管理率，权重8分，
    得分5.10分”): (where it starts, the match on the text from there), else (0, None). Only the sentences holding a
    weight word are tried."""
    tried: set[int] = set()
    for word in HEAD_WORD_RE.finditer(text):
        end = max(text.rfind(mark, 0, word.start()) for mark in "。！？；;")
        start = end + 1
        if end < 0 or start in tried:
            continue  # (the paragraph's own first sentence was tried already)
        tried.add(start)
        while start < len(text) and text[start].isspace():
            start += 1
        match = head_match(text[start : start + HEAD_REACH])
        if match is not None:
            return start, match
    return 0, None


# “（3）进度安排合理性（6分）”, “B21进度安排合理性（分值：6分，得分5分）”: a heading that gives an indicator's weight
_WEIGHTED_LEAD = (
    r"^\s*(?:[（(][\d一二三四五六七八九十]{1,3}[）)]|[\d一二三四五六七八九十]{1,3}[.、．](?!\d))?\s*(?P<label>[^，,。；：:（(\n]{2,40}?)\s*"
    rf"[（(]\s*(?:{_HEAD_WEIGHT_WORD})?[：:]?\s*(?P<weight>{FIGURE})\s*分"
    rf"(?:\s*[，,、；;]\s*{_HEAD_SCORE_WORD}[：:]?\s*(?P<score>{FIGURE})\s*分)?\s*[）)]"
)
WEIGHTED_HEADING_RE = re.compile(_WEIGHTED_LEAD + r"\s*$")
# the same at the start of a paragraph: “D31学生及家长满意度（8分）：……”, ““政策知晓度”指标（分值4分）评分2.5分”
WEIGHTED_OPENING_RE = re.compile(_WEIGHTED_LEAD + r"\s*(?:[：:，,。]|(?=(?:实际|评价)?得分|评分|得\s*\d))")
# a weight with no score in its sentence: “A11立项依据充分性。该指标分值8分。……经评价，得7分。”, “B21…，权重6分。”
WEIGHT_ONLY_OPENING_RE = re.compile(
    _HEAD_LABEL + r"\s*(?:[，,：:。]\s*(?:该指标|本指标|该项|本项)?(?:指标)?|指标)\s*" + _HEAD_WEIGHT_WORD
    + rf"(?P<weight>{FIGURE})\s*分\s*(?:[。；;]|$)"
)
# a score stated in the text: “……，扣1分，得5分。”, “该指标评价得分5分”, “最终得分为5分”, “评分6.5分”
SCORED_RE = re.compile(rf"(?<![扣每])(?:得分|得|评分)(?:为|[：:])?\s*(?P<score>{FIGURE})\s*分")


@dataclass
class WeightedHeading:
    """A heading that names an indicator with its weight, and the paragraphs under it."""

    paragraph: Paragraph
    lead: str  # the words naming it: the heading, or the start of the paragraph (“D31学生及家长满意度（8分）”)
    code: str | None
    name: str
    weight: Decimal
    score: Decimal | None
    paragraphs: list[Paragraph] = field(default_factory=list)


def weighted_heading(paragraph: Paragraph, opening: bool = False) -> WeightedHeading | None:
    """The indicator a heading (or, ``opening``, a paragraph's start) names with its weight; not a 一级: “（一）决策指标
    （20分）” heads many indicators."""
    pattern = WEIGHTED_OPENING_RE if opening else WEIGHTED_HEADING_RE
    text = _code_first(paragraph.text)  # (“1.管网改造长度完成率（C12）（8分）”: the code read as if before the name)
    match = pattern.match(text) if "分" in text else None
    if match is None and opening and HEAD_WORD_RE.search(text, 0, HEAD_REACH):
        match = WEIGHT_ONLY_OPENING_RE.match(text)
        if match is not None and not (_CODED_OR_QUOTED.match(match.group("label")) or _LIST_NUMBER.match(text)):
            return None  # an uncoded name alone (“本次评价，满分100分。”) is no indicator
    if match is None:
        return None
    code, name = opening_label(match.group("label"))
    if LEVEL1_LABEL.match(NAME_SUFFIX.sub("", name)) or NAME_SUFFIX.search(name):
        return None
    score = match.groupdict().get("score")
    lead = paragraph.text[match.start() : match.end()] if opening else paragraph.text.strip()
    lead = lead.rstrip("：:，, ") if "score" not in match.re.groupindex else lead.rstrip("：:，,。 ")  # (“……分值8分。”)
    return WeightedHeading(paragraph, lead, code, name, Decimal(match.group("weight")), Decimal(score) if score else None,
                           [paragraph] if opening else [])  # fmt: skip



def statement_of(match: re.Match[str], paragraph: Paragraph, opening: str) -> IndicatorStatement:
    """The indicator an opening match states (its label, weight and score groups), quoted by ``opening``."""
    code, name = opening_label(match.group("label"))
    if name.endswith("指标") and len(name) > 4 and not _CODED_OR_QUOTED.match(name):
        name = name[:-2]  # “预算执行率指标，满分5分”: the name is 预算执行率
    return IndicatorStatement(code, name, Decimal(match.group("weight")), Decimal(match.group("score")), paragraph,
                              opening=opening)  # fmt: skip

# one of several indicators a sentence lists with their weights in brackets: “立项依据充分性（5分）得5分”
LISTED_OPENING_RE = re.compile(
    rf"(?:^|(?<=[，,；;、。]))\s*(?P<label>[^，,；;、。（(\n]{{2,30}}?)\s*[（(]\s*(?:{_HEAD_WEIGHT_WORD})?[：:]?\s*(?P<weight>{FIGURE})\s*分"
    rf"\s*[）)]\s*[，,：:]?\s*{_HEAD_SCORE_WORD}[：:]?\s*(?P<score>{FIGURE})\s*分"
)


def listed_openings(paragraph: Paragraph) -> list[IndicatorStatement]:
    """The indicators a paragraph lists with weight and score each (two or more, or one opening a sentence of its own);
    not 一级 (“决策（20分）得18分” is a subtotal)."""
    text = paragraph.text
    if text.count("分）") + text.count("分)") < 1:
        return []
    out, sentence_starts = [], []
    for m in LISTED_OPENING_RE.finditer(text):
        code, name = opening_label(m.group("label"))
        if LEVEL1_LABEL.match(NAME_SUFFIX.sub("", name)) or NAME_SUFFIX.search(name):
            continue
        out.append(statement_of(m, paragraph, sentence_at(text, m.start("weight"))))
        sentence_starts.append(text[: m.start("label")].rstrip().endswith(("。", "！", "？")) or not text[: m.start("label")].strip())
    # one alone when it opens a sentence of its own (“……开展服务质量考核。服务质量考核达标率（8分）得6.6分。”)
    return out if len(out) >= 2 or (len(out) == 1 and sentence_starts[0]) else []


def states_a_score(text: str, position: int) -> bool:
    """Whether the “得N分” at ``position`` states this year's score, not a scoring rule or another period's."""
    sentence = sentence_at(text, position)
    if CONDITION.search(sentence) or OTHER_PERIOD.search(sentence) or in_parentheses(text, position):
        return False
    if not (SCORING_STANDARD.search(sentence) or STANDARD_DEDUCTION.search(sentence)):
        return True
    head = sentence_head(text, position)
    return _rule_applied_before(head, sentence[len(head) :])


APPLIED_DEDUCTION = re.compile(r"[，,；;]\s*(?:共|合计|实际|故|因此|据此|应)?扣(?:除|减)?\s*\d+(?:\.\d+)?\s*分\s*[，,；;]")


def _rule_applied_before(head: str, tail: str) -> bool:
    """“完成率95%，每低1个百分点扣0.14分，扣0.7分，评价得分6.3分”: the rule is quoted, then applied (a deduction of its
    own clause), then the score stated; nothing of a rule after the score."""
    rules = [m.end() for pattern in (SCORING_STANDARD, STANDARD_DEDUCTION) for m in pattern.finditer(head)]
    if not rules or SCORING_STANDARD.search(tail) or STANDARD_DEDUCTION.search(tail):
        return False
    return APPLIED_DEDUCTION.search(head, max(rules)) is not None


@dataclass
class Closing:
    """'扣2分，该指标得2分': the deduction (if stated), the score, where, and the words as written (“该项得分2分”)."""

    deduction: Decimal | None
    score: Decimal
    paragraph: Paragraph
    sentence: str
    words: str


@dataclass
class IndicatorStatement:
    """'B14运转程序规范性，权重4分，得分2分。' and the closing sentences of that indicator's analysis."""

    code: str | None
    name: str
    weight: Decimal
    score: Decimal
    head: Paragraph
    closings: list[Closing] = field(default_factory=list)
    deductions: list[Closing] = field(default_factory=list)  # the “扣N分” of the analysis outside the closings
    opening: str = ""  # the sentence stating the weight and score (the excerpt of a finding about them)
    where: Paragraph | None = None  # the paragraph of that sentence, when not ``head``
    score_at: int | None = None  # where in ``where`` the score stands, when it is a sentence apart from the weight
    weight_stated: bool = True  # False: the prose gives the score only, the weight is the score table's row's

    def __post_init__(self) -> None:
        self.opening = self.opening or self.head.text.split("。")[0] + "。"

    @property
    def location(self) -> Location:
        return (self.where or self.head).location

    @property
    def label(self) -> str:
        return f"{self.code or ''}{self.name}"


def strip_code_prefix(name: str) -> str:
    return _CODE_PREFIX.sub("", name)


WEIGHT_SUFFIX = re.compile(r"\s*[（(]\s*(?:权重|分值|满分)?\s*\d+(?:\.\d+)?\s*分\s*[）)]\s*$")


def group_name(label: str) -> str:
    """A table's name for a group of rows without its code and the weight it carries (“A.决策（15分）” is 决策)."""
    return WEIGHT_SUFFIX.sub("", strip_code_prefix(label))
