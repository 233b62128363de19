"""文中合计或差额算不对：“合计329平方米”不等于前面所列各项之和，“其中”各项之和与总数略有出入，或核减金额不等于送审减审定。

（1）同一句中“合计/共计/总计/累计N单位”“共计（两期共）完成投资N万元”“合计支付N万元”，与它前面同单位的各个数字（至少两个）之和比较；
“其中”之后的合计只加其中各项，“新增泊位合计N个”只加写明“新增泊位”的各项；用汉字写的个数（“新建公厕三座”）照加，但数的是
别的东西（“东、西两个片区……合计100个”）时不加；“第3眼”这类序号不加；所列各项的个数正好等于合计（“1栋、3栋、5栋……共3栋”）时，
各项是编号而不是数量，不核对；
没有预算、合同金额在前的清单（“设备费120万元，培训费185.06万元，合计支出305.06万元”）各项全部相加；
“合计支付/共计拨付”只加所列的各笔支付（不加前面的预算、合同金额），“累计支付”只加写明支付的各笔、且未说其中有本年度的；
合计前一个分句以顿号列举几项、而更前面的分句没有这样的列举时（“铺设管道132.5公里，新建田间道31.6公里、生产路22.6公里，合计54.2公里”），
合计也可以只加这一组；“每间13平方米”“30.00万元/台”这类单位数、百分比和分数不计入，问卷的发放、收回、有效份数是先后几道筛选而不是各项，括号内已有“共52平方米”时只计这个小计，前面另有合计时只加其后的各项；
（2）“总数……，其中/包括：A……，B……”：其中各项（至少两个、同单位）之和与总数相差在 1% 以内、且像是写错一位数字或颠倒两位数字
（差一个有效数字，如0.01、20；或差9的倍数的一个有效数字）时报告
（差得更多通常说明各项并非全部列出；句中写了“其余”“另有”“等”或所差之数时不报告；但“其中”之后同单位的每个数都是一个词与它的
否定的某一等次——合格/基本合格/不合格、已完成/未完成、满意/基本满意/不满意——或都按决策、过程、产出、效益分列时，各项就是全部，
之和必须等于总数（以万、亿计的数量各项四舍五入到所写的位数，之和与总数相差不超过各项舍入之和时不报告：“户籍人口41.2万人，其中城镇人口18.6万人、农村人口22.5万人”）；另有“未作答5人”“另有2家……”“得满分的指标22个”这类别的数时则不是）；“总数N，其中：A x，B y”只列名称与金额的各项之和大于总数时也报告（金额的分项不可能多于总数，而个数的分类可能交叉；
写的是已支付、实际支出、完成、较上年等另一种数的不算分项；各项之和正是前面所写的总数时，其后“共支出N”这样另一种数不是它们的合计）；“其中：”之后以分号隔开的各项同样相加；各项按地方分列时（“湖滨街道800户、清波街道700户”）地方之间
不交叉，之和大于总数也报告；各项正是同段“东城、西城、南城3个街道”所列的全部地方时，之和必须等于总数；
按年度分列（“其中2020年3,106人，2021年3,842人”）或以描述开头（“80周岁以上高龄老人3,588人”）的也是分项，“低于预期的12,000人”这类
目标、计划数不是；恰有一项把相邻两位数字对调后之和正好等于总数（而总数本身不是这样的对调）时，报告这一项而不是总数；
（3）同段写出送审金额、审定金额、核减金额时（三者之一只在此处写过、与报告别处所写的数只差一位，而按别处的数核减即相符时，报告这一个数）（表格中送审、审定、核减各成一列时逐行亦然，该行核减率按核减相符时报告审定一格），核减 = 送审 − 审定（事前评估的申报金额、建议金额（“建议项目资金安排”）、审减金额同样核对；
“核减申报数量不实的6台电梯补助120万元”这类逐项核减不是核减总额）；
（5）写出算式的合计（“195+68+52+14=329平方米”“合计329平方米=195+68+52+14”）和紧跟着列出全部各项的合计（“合计329平方米
（驿站195平方米、公厕68平方米、管理用房52平方米、设备间14平方米）”“合计329平方米，分别为……”，合计与数字之间可写所做的事：“合计完成路面及人行道改造33,840平方米（……）”，各项与合计同单位，没有“等”“其余”
“约”之类的字样），各项之和按合计所写的小数位四舍五入后必须等于合计；
（6）同一句先写预算、再写追加（调增、调减、“追加调整”）、再写“全年预算”“调整后预算”时，调整后的预算须等于调整前的加减各项调整
（调整后的预算在报告别处（正文或表格）也这样写、而恰有一项只在此处写过且与使等式成立的数只差一位时，报告这一项，否则报告调整后的预算）；
（4）同一句写出预算（或到位）、实际支出和结余（结转、剩余）时，结余写成与“预算（到位）− 支出”只差一位数字或两位颠倒
（208.46 与 208.64）时报告；差得更多时结余可能含以前年度结转，不判断。
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from checkers.analysis import Analysis, grid_rows, level1_kind, number_in, same_level1
from checkers.audit_words import audit_role
from checkers.figures import (
    CN_DIGITS,
    MONEY_UNITS,
    UNITS,
    Figure,
    approximate,
    bracket_start,
    chinese_value,
    clause_before,
    digits_swapped,
    extract_figures,
    one_keystroke_apart,
    parse_number,
    percent_matches,
    rounding_half,
    sentence_at,
    sentences,
    written_like,
)
from checkers.finding import Severity
from checkers.rules.base import Rule
from checkers.rules.ct701_counts import ENUMERATION_RE, PLACES
from checkers.rules.rt301_rates import ADJUSTED_NAME, role_of, stage_of
from checkers.table_rates import cut_row_slips
from checkers.table_totals import row_name
from checkers.written_sums import written_sum_slips
from evaluation_model import plain

FAILING = """\
完成指挥中心大厅（195平方米）、会商室（68平方米）、值班室4间（52平方米）及配套机房（14平方米）的建设，合计339平方米。
"""

PASSING = FAILING.replace("合计339平方米", "合计329平方米")

# “合计329平方米”; “共计完成投资215.5万元”, “两期共完成投资…”, “合计支付205万元”: 合计/共计/总计 or 共 before a verb of doing, then at
# most a short noun. Not “共有/共涉及/共扣”, not 公共/一共/总共/总计划, and 累计 (which spans earlier years) only directly.
TOTAL_VERB = re.compile(r"完成|投入|支出|安装|建成|建设|使用|新建|改造|支付|拨付|下达|安排")
TOTAL_WORD = re.compile(
    rf"(?:(?:合计|共计|总计(?!划))(?:(?:{TOTAL_VERB.pattern})[\u4e00-\u9fff]{{0,4}})?"
    rf"|(?<![公一总])共(?:(?:{TOTAL_VERB.pattern})[\u4e00-\u9fff]{{0,4}})?"
    rf"|累计(?:(?:{TOTAL_VERB.pattern})[\u4e00-\u9fff]{{0,4}})?|总面积|总金额)"
    r"(?:为|达|约)?\s*$"
)


def _total_word(sentence: str, end: int) -> re.Match[str] | None:
    """The total's words ending right before ``end`` (a window: the words are short, the sentence may be long)."""
    return TOTAL_WORD.search(sentence, max(0, end - 40), end)


THIS_YEAR = re.compile(r"本年|当年|今年|年度内")
WHOLE_WORDS = re.compile(r"预算|计划|总投资|合同|中标|批复")  # the amount a done total is measured against, not a part
PER_UNIT = re.compile(r"每|单价|人均|户均|平均")  # in the clause before a figure: a figure per unit, not an item
SUBTOTAL_WORD = re.compile(r"(?:共|合计|小计|共计)[\u4e00-\u9fff]{0,3}?$")
AMONG = re.compile(r"其中|包括")
RANGE = re.compile(r"^\s*(?:至|到|-|－|~|～|—|–)\s*$")  # “3万元至10万元”: the ends of a range, not items


DIMENSIONS = re.compile(r"[×xX*＊]|长\s*\d[^）)]*宽")


def _addends(sentence: str, figures: list) -> list | None:
    """The figures that are items of a list, or None when the list cannot be added up as written.

    Percentages and scores are never items. A figure given per unit (“每间13平方米”) is not an item: when brackets around
    it give the subtotal (“（每间13平方米，共52平方米）”) that subtotal stands for it, otherwise the list is not checked.
    Inside brackets holding a subtotal, only the subtotal counts (“（A室30平方米、B室22平方米，共52平方米）” is 52).
    """

    def subtotal(f) -> bool:
        return bool(SUBTOTAL_WORD.search(sentence[max(0, f.start - 5) : f.start]))

    subtotal_groups = {bracket_start(sentence, f.start) for f in figures if subtotal(f)} - {None}
    items, previous_end = [], 0
    for f in figures:
        between = sentence[previous_end : f.start]  # the words since the previous figure
        previous_end = f.end
        group = bracket_start(sentence, f.start)
        if RANGE.match(between) and items:
            return None  # a range (“3万元至10万元不等”) is not a list of items
        if f.unit in ("%", "分") or (group in subtotal_groups and not subtotal(f)):
            continue
        closing = sentence.find("）", group) if group is not None else -1
        if group is not None and DIMENSIONS.search(sentence, group, closing if closing >= 0 else len(sentence)):
            continue  # “新建路面18,750平方米（长1,250米×宽15米）”: the road's dimensions, not items
        if PER_UNIT.search(between):
            if group in subtotal_groups:
                continue
            return None
        items.append(f)
    return items


# “特困老人1,236人”, “80周岁以上高龄老人3,588人” (a figure that describes, then the name), “2020年3,106人” (a year's)
LIST_ITEM = re.compile(r"^(?:(?:\d{4}年度?|\d{1,3}[\u4e00-\u9fff]{1,6}?)[\u4e00-\u9fff（）()“”]{0,16}?|[\u4e00-\u9fff（）()“”]{1,16}?)"
                       r"(?:为|约)?\s*\d[\d,.]*\s*[\u4e00-\u9fff%]{0,3}$")
YEAR_ITEM = re.compile(r"^\d{4}年度?")
NOT_A_PART = re.compile(r"实际|支出|支付|拨付|到位|完成|累计|较|比|增|减|结余|剩余|节约|占|已|未|超|达|用于|年|合计|共计|总计|小计"
                        r"|低于|高于|预期|目标|计划")  # (“……，低于政策预期的12,000人”: a target compared)


COMPARED = re.compile(r"较|比|增|减|占|超|达")
_ITEM_SPLIT = re.compile(r"[，、；;]|,(?!\d{3})")  # (not the thousands separator of “2,100.00万元”)


def _another_measure(gap: str, whole) -> bool:
    """The words between a whole and its 其中 state the same things' other measure (“68条，总长度41.3公里，其中……”):
    one clause with figures only of other units."""
    figures = extract_figures(gap)
    return bool(figures) and len(gap) <= 20 and not re.search(r"[，,；;。]", gap) and all(f.unit and f.unit != whole.unit for f in figures)


def _listed_parts(sentence: str, whole, among: int) -> int:
    """How many “name + figure” items right after 其中 are parts of the whole right before it: “总数N单位，其中：A x单位，
    B y单位，实际到位……” lists two (no spent, paid, completed, compared… amount is a part). In brackets right after the
    whole (“实际支出270万元（其中支付工程款240万元、监理费18万元）”) the items are its own breakdown."""
    gap = sentence[whole.end : among].strip(" ，,：:")
    bracketed = gap in ("（", "(")
    if gap and not bracketed and not _another_measure(gap, whole):
        return 0
    end = len(sentence)
    if bracketed:
        closing = min((i for i in (sentence.find("）", among), sentence.find(")", among)) if i >= 0), default=-1)
        end = closing if closing >= 0 else end
    count = 0
    for item in _ITEM_SPLIT.split(sentence[among + 2 : end]):
        item = item.strip().lstrip("：:").rstrip("。！!")
        if not LIST_ITEM.match(item) or (COMPARED if bracketed else NOT_A_PART).search(YEAR_ITEM.sub("", item)):
            break
        count += 1
    return count


_ASCII_DIGIT = re.compile(r"\d")
_NOUN = re.compile(r"[\u4e00-\u9fff]{0,2}")


def _unread_counts(sentence: str, start: int, end: int, unit: str, figures: list) -> list[Figure]:
    """The counts in Chinese numerals with ``unit`` (“新建公厕三座”) in ``sentence[start:end]`` that the figures leave
    out (only some count words are read as figures everywhere: “一次性” is no count)."""
    if not unit or unit in ("%", "分") or unit in MONEY_UNITS:
        return []
    out = []
    for m in re.finditer(rf"[{CN_DIGITS}]+(?={re.escape(unit)})", sentence[start:end]):
        at = start + m.start()
        value = chinese_value(m.group(0))
        if value is not None and not any(f.start <= at < f.end for f in figures):
            out.append(Figure(value, m.group(0) + unit, unit, at, at + len(m.group(0)) + len(unit), sentence))
    return out


def _noun_after(sentence: str, figure) -> str:
    """The first words after a figure and its unit (“两个片区” → 片区, “3座泵站” → 泵站, “12座、” → nothing)."""
    return _NOUN.match(sentence, figure.end).group(0)


NAMED_WORK = re.compile(rf"(?:{TOTAL_VERB.pattern})(?:项目|工程|工作)")  # “农村供水管网改造项目35.80万元”: a name


def _done_verb(clause: str) -> bool:
    """The clause before an item says it was done (“改造老旧管网3.2公里”), not only names a project (“……改造项目”)."""
    return bool(TOTAL_VERB.search(NAMED_WORK.sub("", clause)))


def _done_parts(sentence: str, parts: list, verb: str, only_done: bool = False) -> list:
    """The items a “合计支付/共计拨付” total adds up: those paid (“第一批拨付180万元，第二批拨付110万元”), the items
    after the verb (“分两批拨付：第一批180万元，第二批120万元”), or the items of a list with no 预算 or 合同 in it
    (“设备费120万元，培训费185.06万元，合计支出305.06万元”); never the 预算 or 合同 they are paid against
    (“项目预算170.86万元，其中设备120万元……，合计支付168.91万元” lists no payment: nothing to add up)."""
    if only_done:  # “累计支付” adds up the payments listed, unless one is said to be this year's (累计 spans years)
        paid = [f for f in parts if verb in clause_before(sentence, f.start)]
        return [] if len(paid) < 2 or THIS_YEAR.search(sentence[: paid[-1].start]) else paid
    done = [f for f in parts if _done_verb(clause_before(sentence, f.start))]  # 新建…、改造…，共建设…
    if len(done) >= 2:
        return done
    items = [f for f in parts if not WHOLE_WORDS.search(clause_before(sentence, f.start))]
    wholes = [f for f in parts if f not in items]
    if items and not wholes and not WHOLE_WORDS.search(sentence[: items[0].start]):
        return items  # “设备费120万元，培训费185.06万元，合计支出305.06万元”: nothing they could be parts of
    opening = max((f.end for f in wholes), default=0)
    return items if items and verb in sentence[opening : items[0].start] else []


_COUNTED = re.compile(r"[\u4e00-\u9fff]{1,4}")


def _counted(sentence: str, figure) -> str:
    """What a count counts: the words right after “5个” (乡镇, 街道), empty for an amount or a measure."""
    if figure.unit not in ("个", "项", "家", "所", "座", "处", "类"):
        return ""
    m = _COUNTED.match(sentence, figure.end)
    return m.group(0) if m else ""


def _counts_other_things(sentence: str, parts: list, total) -> bool:
    """Whether a total counts other things than its items: a noun after the total that no item has, items counting
    nouns of their own."""
    noun = _counted(sentence, total)
    nouns = {_counted(sentence, f) for f in parts} - {""}
    return bool(noun and nouns) and not any(n.startswith(noun[:2]) or noun.startswith(n[:2]) for n in nouns)


CLAUSE_BREAK = re.compile(r"[，,；;：:]")
FIGURE_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _other_starts(sentence: str, figures: list, since: int, index: int) -> list[int]:
    """Where else than after the last total before it (``since``) the items a total adds up may start: at the sentence's
    first figure (that “total” was the first item: “共投入洗扫车46辆、洒水车28辆……，合计86辆”), after the first
    figure (a total stated up front: “改造公路38公里，涉及6条路线：……，合计38公里”), after the last colon, at the clause
    of items joined by 、 right before the total's (“铺设管道132.5公里，新建田间道31.6公里、生产路22.6公里，合计54.2公里”)."""
    starts = [0, since + 1]
    colon = max(sentence.rfind("：", 0, figures[index].start), sentence.rfind(":", 0, figures[index].start))
    if colon >= 0:
        starts.append(next((i for i in range(index) if figures[i].start > colon), index))
    comma = max(sentence.rfind("，", 0, figures[index].start), sentence.rfind(",", 0, figures[index].start))
    run = max(sentence.rfind("，", 0, max(comma, 0)), sentence.rfind("；", 0, max(comma, 0)))
    groups_before = [c for c in CLAUSE_BREAK.split(sentence[: max(run, 0)]) if "、" in c and len(FIGURE_DIGITS.findall(c)) >= 2]
    if comma > 0 and "、" in sentence[run + 1 : comma] and not groups_before:
        # “……，新建田间道31.6公里、生产路22.6公里，合计54.2公里” (not one of groups alike: “东片区……、……，西片区……、……”)
        starts.append(next((i for i in range(index) if figures[i].start > run), index))
    return [s for s in dict.fromkeys(starts) if s != since and s < index]


def _among_start(sentence: str, figures: list, since: int, index: int) -> int | None:
    """The first figure after a 其中/包括 standing between the list's start and the total at ``index``: the items are
    the whole's parts after it, not the whole (“实际完成投资480万元，其中一期300万元、二期180万元，合计完成投资480万元”)."""
    mark = max((m.end() for m in AMONG.finditer(sentence, 0, figures[index].start)), default=-1)
    first = next((i for i in range(since, index) if figures[i].start > mark), None) if mark >= 0 else None
    return first if first is not None and first > since else None


QUALIFIED_TOTAL = re.compile(r"([\u4e00-\u9fff]{2,6})(?:合计|共计|总计)[\u4e00-\u9fff]{0,4}$")


def _qualified_items(sentence: str, figures: list, index: int) -> tuple[str, list]:
    """The words of a total named by a kind and the items they add up (“新增泊位合计100个” adds the 新增泊位 listed, not
    the 原有泊位): those whose clause names the same words; no items when the total names none or fewer than two
    items do."""
    named = QUALIFIED_TOTAL.search(clause_before(sentence, figures[index].start))
    if named is None:
        return "", []
    for size in range(len(named.group(1)), 1, -1):  # “两片区新增泊位合计”: the longest words two items name
        words = named.group(1)[-size:]
        items = [f for f in figures[:index] if f.unit == figures[index].unit and words in clause_before(sentence, f.start)]
        if len(items) >= 2:
            return words, items
    return "", []


def _another_kind_listed(sentence: str, words: str, qualified: list, listed: list) -> bool:
    """The list has items of the same thing but another kind than the total names (“原有泊位50个” beside “新增泊位40个”
    when the total is “新增泊位合计”); not a thing of its own (“其他费用50万元” beside “……支出合计”)."""
    chosen = {f.start for f in qualified}
    others = [f for f in listed if f.start not in chosen]
    return bool(others) and len(words) > 2 and all(words[-2:] in clause_before(sentence, f.start) for f in others)


def _items_to_add(sentence: str, figures: list, start: int, index: int, word: re.Match[str]) -> list:
    """The figures from ``start`` that the total at ``index`` (its words ``word``) adds up; empty when they cannot be.
    An ordinal (“第3眼”) is no item; nor is a count in words that counts another thing than the items in digits do
    (“东、西两个片区……合计100个”, but “新建公厕三座、改建公厕12座” and “新建两座泵站、改造3座泵站” are items)."""
    figure = figures[index]
    alike = [f for f in figures[start:index] if f.unit == figure.unit]
    nouns = {_noun_after(sentence, f) for f in [*alike, figure] if _ASCII_DIGIT.search(f.text)}
    lo = figures[start - 1].end if start > 0 else 0
    alike = sorted([*alike, *_unread_counts(sentence, lo, figure.start, figure.unit, figures)], key=lambda f: f.start)
    alike = [f for f in alike if not sentence[: f.start].endswith("第")  # (“第3眼”, “第一座泵站”)
             and not sentence.startswith(("/", "／"), f.end)]  # (“30.00万元/台”: a price, the count times it adds up)
    parts = _addends(sentence, [f for f in alike if _ASCII_DIGIT.search(f.text) or _noun_after(sentence, f) in nouns])
    if parts is None:
        return []
    group = bracket_start(sentence, figure.start)
    if group is not None:  # a subtotal in brackets adds up the items in the same brackets only
        parts = [f for f in parts if bracket_start(sentence, f.start) == group]
    verb = TOTAL_VERB.search(word.group(0))
    if verb is not None:  # (“累计支付” may span earlier years: only the payments it lists, never more)
        parts = _done_parts(sentence, parts, verb.group(0), only_done=word.group(0).startswith("累计"))
    return parts


def _with_listed_clauses(spans: list[tuple[int, int, str]]) -> list[str]:
    """The sentences of a paragraph, a “其中：” sentence whose items are set apart by semicolons (“其中:30万元用于……;
    30万元用于……;29.99万元用于……。”) taken whole with them."""
    out: list[str] = []
    listing = False
    for _, _, sentence in spans:
        if listing and out:
            out[-1] += sentence
        else:
            out.append(sentence)
            listing = sentence.lstrip().startswith("其中")
        listing = listing and sentence.rstrip().endswith(("；", ";"))
    return out


def _sum_findings(paragraph, rule: Rule, a: Analysis):
    text = paragraph.text
    previous = ""  # the sentence before, whose last figure a sentence opening with 其中 may break down
    for sentence in _with_listed_clauses(sentences(text)):
        figures = extract_figures(sentence)
        for index, figure in enumerate(figures):
            word = _total_word(sentence, figure.start) if figure.unit and figure.unit != "%" else None
            if word is None or approximate(figure):
                continue  # “合计约330平方米”, “合计330平方米左右” are rounded totals
            here = _with_second_unit(sentence, figures, figure)
            if here is None:
                continue
            earlier = [i for i in range(index) if here[i].unit == figure.unit and _total_word(sentence, here[i].start)
                       and bracket_start(sentence, here[i].start) is None
                       and not sentence.startswith("、", here[i].end)]  # (“共投入洗扫车46辆、洒水车…”: the first item)  # fmt: skip
            since = earlier[-1] + 1 if earlier else 0  # an earlier total closes the list before it (a bracketed one is an item)
            among_start = _among_start(sentence, here, since, index)  # “实际480万元，其中一期300万元、二期180万元，合计”
            plain_items = _items_to_add(sentence, here, among_start if among_start is not None else since, index, word)
            words, qualified = _qualified_items(sentence, here, index)
            # the kind a total names picks its items only when the list has items of another kind (原有 vs 新增泊位)
            parts = qualified if _another_kind_listed(sentence, words, qualified, plain_items) else plain_items
            if _counts_other_things(sentence, parts, figure):
                continue  # “5个乡镇和5个街道，共118个行政村（社区）”: villages are not towns
            if _stages_of_one_sum(parts):
                continue  # “预算6102.35万元，实际支出5893.71万元，……结余资金共计560.20万元”: no list of items
            readings = [_items_to_add(sentence, here, start, index, word)
                        for start in _other_starts(sentence, here, since, index)] + [qualified, plain_items]  # fmt: skip
            named = _named_by_the_total(sentence, here, since, index, word.start())
            parts = named or parts  # (the items a total names are its parts)
            readings.append(named)
            if len(parts) < 2 or any(len(r) >= 2 and sum((f.value for f in r), Decimal(0)) == figure.value for r in readings):
                continue  # another reading that adds up (the total stated up front, the list after a colon) is no slip
            total = sum((f.value for f in parts), Decimal(0))
            if not _typo_like(total - figure.value):  # another reading a mistyped digit away names the items better
                near = [r for r in readings if len(r) >= 2 and _typo_like(sum((f.value for f in r), Decimal(0)) - figure.value)]
                if len(near) == 1 or len({tuple(f.start for f in r) for r in near}) == 1:
                    parts = near[0]
                    total = sum((f.value for f in parts), Decimal(0))
            if total != figure.value and figure.value == len(parts) and figure.kind != "amount":
                continue  # “1栋、3栋、5栋住宅楼……共计改造住宅楼3栋”: the items are numbers of buildings, counted
            if total != figure.value and _another_stage_of_their_whole(figure, parts, here[:index]):
                continue  # “安排756544万元，其中中央533744万元、省级222800万元，……共支出1217312.77万元”: their own whole
                # stands before them, and the total after is another stage of the money (支出, not 安排)
            if total != figure.value:
                addends = "+".join(plain(f.value) for f in parts)
                yield rule.finding(
                    f"写“{word.group(0).strip()}{figure.text.strip()}”，但所列各项 {addends} = {plain(total)}{figure.unit}",
                    paragraph.location, sentence.strip(), expected=f"{written_like(total, _number_of(figure))}{figure.unit}",
                    found=figure.text.strip(),
                )  # fmt: skip
        if sentence.lstrip().startswith("其中") and previous:  # “……实际使用2,186.74万元。其中：卢沟桥街道……”
            sentence = previous + sentence
            figures = extract_figures(sentence)
        previous = sentence
        among_match = AMONG.search(sentence)
        among = among_match.start() if among_match else -1
        if among > 0:
            head = [f for f in figures if f.start < among and f.unit]
            tail = [f for f in figures if f.start > among and f.unit and (f.unit != "%" or not head or head[-1].unit == "%")]
            # (“……东关初级中学新增720个，完成率100%”: the rate after the items is none of them)
            if head and tail and head[-1].unit != tail[0].unit:  # “……使用1136.40万元，用于发放5家医院奖励，其中：……”
                head = [f for f in head if f.unit == tail[0].unit] or head  # the whole is the last one of the parts' unit
            listed = _listed_parts(sentence, head[-1], among) if head else 0
            if listed >= 2:  # the items 其中 lists, not the figures of the clauses after them
                tail = tail[:listed]
            alike = [f for f in figures if f.start > among and head and f.unit == head[-1].unit]  # (not the rate after them)
            partition = listed >= 2 and head[-1].unit != "分" and _partition(sentence, alike)
            if partition:  # “其中合格30个，不合格5个，合格率85.71%”: every figure of its unit after 其中 is a part
                tail = alike
            if head and len(tail) >= 2 and len({f.unit for f in tail}) == 1 and head[-1].unit == tail[0].unit:
                whole, parts_sum = head[-1].value, sum((f.value for f in tail), Decimal(0))
                close = abs(parts_sum - whole) <= whole * Decimal("0.01") and _typo_like(parts_sum - whole) \
                    and not _rest_said(sentence, tail, alike, whole, parts_sum)  # fmt: skip
                # a part with two digits swapped (“加装电梯补助706.00万元” for 760.00) among parts that are the whole's all
                swapped = listed >= 2 and any(digits_swapped(f.value, f.value + whole - parts_sum) for f in tail) \
                    and not _rest_said(sentence, tail, alike, whole, parts_sum)  # fmt: skip
                close = close or swapped
                places = _places(sentence, paragraph.text, tail, among) if listed >= 2 and parts_sum != whole else None
                partition = partition or places == "all" or (places == "some" and parts_sum > whole)
                by_year = YEAR_ITEM.match(sentence[among + 2 :].lstrip("：:，, ")) is not None  # (years' amounts may
                # overlap a whole of another span: only a typo-like difference is told)
                excess = parts_sum > whole and head[-1].kind == "amount" and listed >= 2 and not by_year
                if parts_sum != whole and (close or partition or excess) and not _rounded_parts(head[-1], tail):
                    flipped = [f for f in tail if digits_swapped(f.value, f.value + whole - parts_sum)]
                    if len(flipped) == 1 and not digits_swapped(whole, parts_sum):  # one part with two neighbouring
                        # digits swapped (and not the whole, which would explain it as well): that part
                        part, right = flipped[0], flipped[0].value + whole - parts_sum
                        should = written_like(right, part.text.strip().removesuffix(part.unit))
                        yield rule.finding(
                            f"其中一项写{part.text.strip()}，若为{should}{part.unit}（两位数字对调），各项之和即等于总数"
                            f"{head[-1].text.strip()}：多是这一项写错",
                            paragraph.location, sentence.strip(), expected=f"{should}{part.unit}", found=part.text.strip(),
                        )  # fmt: skip
                        continue
                    yield rule.finding(
                        f"总数写{head[-1].text.strip()}，其中各项之和为{plain(parts_sum)}{head[-1].unit}",
                        paragraph.location, sentence.strip(),
                        expected=f"{written_like(parts_sum, _number_of(head[-1]))}{head[-1].unit}",
                        found=head[-1].text.strip(),
                    )  # fmt: skip
    audit = [(audit_role(clause_before(text, f.start)), f) for f in extract_figures(text)]
    audit = [(key, f) for key, f in audit if key is not None and f.kind == "amount"]
    for index, (key, cut) in enumerate(audit):
        if key != "cut" or SUMMED_CUT.search(cut.subject):
            continue  # “两个标段合计核减67.00万元”: the sections' cuts added up, not one 送审 − 审定
        submitted, approved = _nearest(audit, index, "submitted"), _nearest(audit, index, "approved")
        if submitted is None or approved is None or not submitted.unit == approved.unit == cut.unit:
            continue
        if any(slip.figure.source == text and slip.figure.start in (submitted.start, approved.start, cut.start)
               for slip in a.prose_column_slips):  # fmt: skip
            continue  # one of them is off its table's column: UN501 names it, the others are right
        expected = submitted.value - approved.value
        if expected != cut.value:
            words = "申报减建议" if "申报" in clause_before(text, submitted.start) else "送审减审定"  # (事前评估's words)
            odd = _one_written_otherwise(a, [(submitted, approved.value + cut.value), (approved, submitted.value - cut.value),
                                             (cut, expected)])  # fmt: skip
            if odd is not None:  # “送审金额2,754.80万元” here, 2,745.80 elsewhere, on which the cut holds
                figure, right = odd
                should = written_like(right, figure.text.strip().removesuffix(figure.unit))
                yield rule.finding(
                    f"此处写{figure.text.strip()}，报告别处写{should}{figure.unit}；按后者，{words}即等于核减金额"
                    f"{cut.text.strip() if figure is not cut else should + cut.unit}：多是这一处写错",
                    paragraph.location, sentence_at(text, figure.start), expected=f"{should}{figure.unit}",
                    found=figure.text.strip(),
                )  # fmt: skip
                continue
            should = written_like(expected, cut.text.strip().removesuffix(cut.unit))
            yield rule.finding(
                f"核减金额写{cut.text.strip()}，{words}为{should}{cut.unit}",
                paragraph.location, sentence_at(text, cut.start), expected=f"{should}{cut.unit}",
                found=cut.text.strip(),
            )  # fmt: skip


PLACE_NAME = re.compile(rf"(?:{PLACES})$")
ITEM_NAME_NOISE = re.compile(r"^[，,、；;：:\s]*(?:其中[：:，,]?)?|(?:为|有|共|计|约)+$")


def _item_names(sentence: str, items: list, since: int) -> list[str]:
    """The name written before each listed figure (“其中东城800户、西城700户”: 东城, 西城), from ``since`` on."""
    names = []
    for f in items:
        names.append(ITEM_NAME_NOISE.sub("", sentence[max(since, 0) : f.start].strip()).strip())
        since = f.end
    return names


def _places(sentence: str, text: str, parts: list, among: int) -> str | None:
    """How the parts after 其中 are named by place: "all" when they are the places a count in the paragraph lists
    (“东城、西城、南城3个街道……，其中东城800户、西城700户、南城900户”: the whole is theirs), "some" when each is a
    place (“湖滨街道”, “城关镇”: places do not overlap, so their parts cannot add to more than the whole), else None."""
    names = _item_names(sentence, parts, among + 2)
    if any(not name for name in names):
        return None
    for m in ENUMERATION_RE.finditer(text) if "、" in text else ():
        if re.fullmatch(PLACES, m.group("noun")) and not m.group("etc"):
            noun = m.group("noun")
            listed = [item.removesuffix(noun) for item in m.group("items").split("、")]
            named = [name.removesuffix(noun) for name in names]  # (the first item may carry the words before the list)
            if len(listed) == len(named) and all(any(item == name or item.endswith(name) and item is listed[0]
                                                     for item in listed) for name in named):  # fmt: skip
                return "all"
    return "some" if all(PLACE_NAME.search(name) for name in names) else None


SECOND_UNIT = re.compile(r"\s*[（(]([\u4e00-\u9fff]{1,3})[）)]")


def _with_second_unit(sentence: str, figures: list, total) -> list | None:
    """The figures, those in a second unit the total names in brackets (“合计86场（期）”: 12期 too) given the total's;
    None when some of them are not read as figures (“12期” may also be a phase), so the total cannot be added up."""
    second = SECOND_UNIT.match(sentence, total.end)
    if second is None or second.group(1) not in UNITS or second.group(1) == total.unit:
        return figures
    unit = second.group(1)
    if len(re.findall(rf"\d\s*{unit}", sentence[: total.start])) > sum(f.unit == unit for f in figures if f.start < total.start):
        return None
    return [replace(f, unit=total.unit) if f.unit == unit else f for f in figures]


def _named_by_the_total(sentence: str, figures: list, since: int, index: int, word_start: int) -> list:
    """The items a total names (“满意452份、基本满意98份、不满意33份，满意及基本满意合计550份”: 满意 and 基本满意; “优良
    合计” adds 优秀 and 良好): empty when it names fewer than two."""
    total = figures[index]
    items = [f for f in figures[since:index] if f.unit == total.unit]
    if len(items) < 3:
        return []
    named = sentence[items[-1].end : word_start].strip("，,、；; ")
    names = _item_names(sentence, items, items[0].start - 12)
    chosen = _items_named(named, items, names)
    if len(chosen) < 2 and 2 <= len(named) <= 4:  # “优良合计”: each item by its first character
        chosen = [f for f, name in zip(items, names, strict=True) if name and name[0] in named]
        if len(chosen) != len(named):
            return []
    return chosen if len(chosen) >= 2 else []


NAMED_SPLIT = re.compile(r"及|和|与|、|加")


def _items_named(named: str, items: list, names: list[str]) -> list:
    """The items whose names the total's words list (“满意及基本满意”: “表示满意的452份”, “基本满意的98份”, not “不满意
    的33份”), longest name first, each item once."""
    wanted = sorted((part for part in NAMED_SPLIT.split(named) if len(part) >= 2), key=len, reverse=True)
    stems = [name.removesuffix("的") for name in names]
    chosen: list = []
    for part in wanted:
        candidates = [i for i, stem in enumerate(stems) if items[i] not in chosen and stem.endswith(part)
                      and not stem[: len(stem) - len(part)].endswith(("不", "未", "非", "无"))]  # fmt: skip
        exact = [i for i in candidates if stems[i] == part]
        if not candidates:
            return []
        chosen.append(items[(exact or candidates)[0]])
    return sorted(chosen, key=lambda f: f.start) if len(chosen) == len(wanted) else []


def _rounded_parts(whole, parts: list) -> bool:
    """Parts of a measure in 万 or 亿 rounded as written (“户籍人口41.2万人，其中城镇人口18.6万人、农村人口22.5万人”): their
    sum may miss the whole by half a last place each (money in 万元, kept to the 分, is exact)."""
    if not (whole.unit or "").startswith(("万", "亿")) or whole.unit == "万元":
        return False
    half = sum((rounding_half(f.value) for f in [*parts, whole]), Decimal(0))
    return abs(whole.value - sum((f.value for f in parts), Decimal(0))) <= half


def _typo_like(difference: Decimal) -> bool:
    """A difference one mistyped digit makes (one significant digit: 0.01, 20, 300) or two swapped digits (nine times
    one); “3,185.00 vs 2,860.50 + 302.10” differs by 22.40, the costs a 其中 list leaves out, not a typo."""
    def one_digit(value: Decimal) -> bool:
        return len(abs(value).normalize().as_tuple().digits) == 1

    return bool(difference) and (one_digit(difference) or one_digit(difference / 9))


NEGATED = re.compile(r"(?:不|未|非|无)([\u4e00-\u9fff]{2})")


PART_NAME_NOISE = re.compile(r"^(?:其中|评定为|认定为|被评为)|的$")
PART_NAME_LONGEST = 6  # “不合格档案中手续不全12份”, “合格项目中优良22个” name a part of a part, not a grade


def _partition(sentence: str, parts: list) -> bool:
    """Whether the figures after 其中 (all of its unit in the sentence) divide the whole between them, so that they
    must add up to it exactly: each names one grade of a word and its negation (合格/基本合格/不合格, 已完成/未完成,
    满意/基本满意/不满意), or each one of three or more of 决策/过程/产出/效益 (indicators by their 一级). A figure
    naming something else (“另有2家因停产未纳入”, “未作答5人”, “得满分的指标22个”) means the list is not the whole."""
    names = []
    for previous, f in zip([None, *parts], parts, strict=False):
        words = clause_before(sentence, f.start)
        if previous is not None and previous.end > f.start - len(words):
            words = sentence[previous.end : f.start]  # (“决策类5个、过程类6个”: the words since the figure before)
        names.append(PART_NAME_NOISE.sub("", words.strip("、，,：:；; ")))
    if len(names) < 2 or any(len(name) > PART_NAME_LONGEST or "中" in name for name in names):
        return False
    roots = {negated.group(1) for name in names for negated in NEGATED.finditer(name)
             if any(negated.group(1) in other and not NEGATED.search(other) for other in names if other is not name)}  # fmt: skip
    if roots:
        return all(any(root in name for root in roots) for name in names)
    kinds = [level1_kind(name) for name in names]
    return None not in kinds and len(set(kinds)) >= 3


REST_SAID = re.compile(r"其余|其他|其它|另有|另外|另\s*\d|等")


def _rest_said(sentence: str, parts: list, alike: list, whole: Decimal, parts_sum: Decimal) -> bool:
    """The sentence says the parts listed are not all of the whole: “其余为区级配套资金”, “……等”, “另有9人次为其他
    人员”, a figure after them that is the difference, or a share after them that is theirs (“有效问卷380份，其中非常
    满意212份、满意118份、基本满意41份，满意度97.63%”: 371 ÷ 380, the 不满意 left unsaid)."""
    if REST_SAID.search(sentence, parts[-1].end):
        return True
    if any(f.value == abs(whole - parts_sum) for f in alike if f.start > parts[-1].start):
        return True
    return bool(whole) and any(f.unit == "%" and f.value < 100 and percent_matches(f.value, parts_sum / whole, Decimal("0.01"))
                               for f in extract_figures(sentence[parts[-1].end :]))  # fmt: skip


SUMMED_CUT = re.compile(r"合计|共计|总计|累计|共|总")


def _nearest(audit: list, index: int, wanted: str):
    """The 送审/审定 amount last written before the 核减 at ``index``, else the first after it."""
    before = [f for k, f in audit[:index] if k == wanted]
    after = [f for k, f in audit[index + 1 :] if k == wanted]
    return before[-1] if before else after[0] if after else None


TRIGGERS = re.compile(r"合计|共计|总计|累计|总面积|总金额|共|其中|包括|核减|审减")


SURVEY_STAGE = re.compile(r"(?:发放|回收|收回|收到|有效|无效)[\u4e00-\u9fff]{0,6}$")


def _another_stage_of_their_whole(total: Figure, parts: list, before: list) -> bool:
    """The parts add up to an amount written before them, and the total after them names another stage of the money
    (the parts of what was 安排, then what was 支出 in all): it is no sum of theirs."""
    summed = sum((f.value for f in parts), Decimal(0))
    stage = stage_of(total) if total.kind == "amount" else None
    return stage is not None and any(
        f.value == summed and f.unit == total.unit and f.start < parts[0].start and stage_of(f) not in (None, stage)
        for f in before)  # fmt: skip


def _stages_of_one_sum(parts: list) -> bool:
    """The “items” are one sum at its stages, not parts: a budget and what was received or spent of it, or the
    questionnaires handed out, returned and valid (“共发放问卷1,500份，收回1,486份，有效问卷共计1,452份”)."""
    roles = {role_of(f) for f in parts if f.kind == "amount"}
    if "budget" in roles and bool(roles & {"received", "spent"}):
        return True
    return sum(bool(SURVEY_STAGE.search(clause_before(f.source, f.start))) for f in parts) >= 2


LEFT_OVER = re.compile(r"结余|结转|剩余|未使用|未支出|余额")


WHOLE_SENTENCE = re.compile(r"[^。！!？?\n]+[。！!？?]?")  # (a “；” only parts the clauses of one sentence)


def _left_over_findings(paragraph, rule: Rule):
    """A 结余 one keystroke away from 预算 (or 到位) − 支出 stated before it in its sentence."""
    for sentence in WHOLE_SENTENCE.findall(paragraph.text):
        figures = [f for f in extract_figures(sentence) if f.kind == "amount"]
        for index, figure in enumerate(figures):
            if not LEFT_OVER.search(clause_before(sentence, figure.start)):
                continue
            before = [(role_of(f), f) for f in figures[:index] if f.unit == figure.unit]
            spent = next((f for role, f in reversed(before) if role == "spent"), None)
            bases = [next((f for role, f in reversed(before) if role == wanted), None) for wanted in ("budget", "received")]
            differences = {base.value - spent.value for base in bases if base is not None and spent is not None}
            if not differences or figure.value in differences:
                continue
            near = next((d for d in sorted(differences) if d > 0 and one_keystroke_apart(figure.value, d)), None)
            if near is not None:
                yield rule.finding(
                    f"结余写{figure.text.strip()}，但前面所写预算（到位）减实际支出为{plain(near)}{figure.unit}",
                    paragraph.location, sentence.strip(), expected=f"{written_like(near, _number_of(figure))}{figure.unit}",
                    found=figure.text.strip(),
                )  # fmt: skip


def _a_subtotal_explains(a: Analysis, paragraph, finding) -> bool:
    """A total of 分 whose listed 一级 scores add up to d more: one of them is d off the report's tables for that 一级
    (TT202 names it), so the total is right."""
    stated, summed = (parse_number(str(text).removesuffix("分")) for text in (finding.found, finding.expected))
    if not str(finding.found).endswith("分") or stated is None or summed is None:
        return False
    difference = summed - stated
    off = []
    for statement in (s for s in a.level1_prose if s.extra.get("paragraph") is paragraph):
        sums = [s for name, (_, s, _) in a.table_level1_sums.items() if same_level1(name, statement.name)]
        if sums and sums[0] != statement.value:
            off.append(statement.value - sums[0])
    return off == [difference]


def check(a: Analysis, rule: Rule):
    for paragraph in a.body_paragraphs:
        found = list(_sum_findings(paragraph, rule, a)) if TRIGGERS.search(paragraph.text) else []
        found = [f for f in found if not _a_subtotal_explains(a, paragraph, f)]
        yield from found
        said = {finding.excerpt for finding in found}
        for slip in written_sum_slips(paragraph.text):
            sentence = sentence_at(paragraph.text, slip.start).strip()
            if sentence not in said:
                yield rule.finding(
                    f"合计写{slip.stated}，但所列各项相加为{plain(slip.computed)}{slip.unit}",
                    paragraph.location, sentence, expected=f"{written_like(slip.computed, slip.stated.removesuffix(slip.unit))}{slip.unit}",
                    found=slip.stated,
                )  # fmt: skip
        if LEFT_OVER.search(paragraph.text):
            yield from _left_over_findings(paragraph, rule)
        if "追加" in paragraph.text or "调增" in paragraph.text or "调减" in paragraph.text:
            yield from _adjusted_budget_findings(paragraph, rule, a)
    for table in a.document.tables:
        for slip in cut_row_slips(table):  # an audit table's row: 核减 = 送审 − 审定
            should = written_like(slip.expected, slip.written)
            label = row_name(grid_rows(table)[slip.row - 1])
            yield rule.finding(
                table.as_written(f"表格中“{label}”一行的“{slip.column}”写{slip.written}，但本行{slip.formula}为{should}"),
                table.at(slip.row, slip.col + 1), slip.row_text, expected=should, found=slip.written,
            )  # fmt: skip


def _written_amounts(a: Analysis) -> Counter:
    """How often each amount's number is written in the report's text and table cells."""
    written = Counter(f.value.normalize() for p, fs in a.figures if p.heading_level is None for f in fs if f.kind == "amount")
    written.update(value.normalize() for *_, text in a.cells() if (value := number_in(text)) is not None)  # (as written)
    return written


def _number_of(figure: Figure) -> str:
    """A figure's number as written, without its unit (“33,840” of “33,840平方米”)."""
    return figure.text.strip().removesuffix(figure.unit)


def _one_written_otherwise(a: Analysis, candidates: list[tuple[Figure, Decimal]]) -> tuple[Figure, Decimal] | None:
    """Of (figure, the value that would make its sum hold) pairs, the one figure written only here whose value is one
    keystroke off a value the report writes elsewhere: that figure is the slip (“送审金额2,754.80万元” where the rest of
    the report writes 2,745.80)."""
    written = _written_amounts(a)
    odd = [(figure, right) for figure, right in candidates if right > 0 and written[right.normalize()]
           and written[figure.value.normalize()] == 1 and one_keystroke_apart(figure.value, right)]  # fmt: skip
    return odd[0] if len(odd) == 1 else None


def _one_amount_off(a: Analysis, after: Figure, signed: list[tuple[int, int]], figures: list[Figure], computed: Decimal):
    """(the figure, the value it should have) of the one amount before an adjusted budget that is one keystroke off
    the value making the sum hold, when the adjusted budget is written again elsewhere in the report; else None."""
    written = _written_amounts(a)
    if written[after.value.normalize()] < 2:
        return None
    off = []
    for index, sign in signed:
        figure = figures[index]
        right = (figure.in_yuan() + sign * (after.in_yuan() - computed)) / MONEY_UNITS[figure.unit]
        if right > 0 and one_keystroke_apart(figure.value, right) and written[figure.value.normalize()] == 1:
            off.append((figure, right))
    return off[0] if len(off) == 1 else None


def _adjusted_budget_findings(paragraph, rule: Rule, a: Analysis):
    """“年初预算300万元，年中追加20万元，全年预算302万元”: the budget after the changes is not the one before them
    plus the increases (minus the decreases) stated between. When the adjusted budget is written again elsewhere and
    exactly one change (or the first budget) is one keystroke off what would make the sum hold, that one is named."""
    for _start, _end, sentence in sentences(paragraph.text):
        figures = [f for f in extract_figures(sentence) if f.kind == "amount"]
        roles = [role_of(f) for f in figures]
        for first in (i for i, role in enumerate(roles) if role == "budget"):
            changes = []
            for j in range(first + 1, len(figures)):
                if roles[j] in ("increase", "decrease"):
                    changes.append(j)
                    continue
                if roles[j] == "budget" and changes and ADJUSTED_NAME.search(clause_before(sentence, figures[j].start)):
                    start, after = figures[first], figures[j]
                    computed = start.in_yuan() + sum(((1 if roles[k] == "increase" else -1) * figures[k].in_yuan()
                                                      for k in changes), Decimal(0))  # fmt: skip
                    if computed != after.in_yuan():
                        odd = _one_amount_off(a, after, [(first, 1), *((k, 1 if roles[k] == "increase" else -1) for k in changes)],
                                              figures, computed)  # fmt: skip
                        if odd is not None:  # “年中追加调整421.65万元” for 420.65, the 5,897.05 written again elsewhere
                            part, right = odd
                            should = written_like(right, part.text.strip().removesuffix(part.unit))
                            yield rule.finding(
                                f"调整后的预算{after.text}（报告别处也这样写）与调整前后各数不合；其中一项写{part.text}，"
                                f"若为{should}{part.unit}，加减即与调整后的预算相符：多是这一项写错",
                                paragraph.location, sentence.strip(), expected=f"{should}{part.unit}", found=part.text,
                            )  # fmt: skip
                            break
                        should = (computed / MONEY_UNITS[after.unit]).quantize(Decimal(1).scaleb(-after.places))
                        yield rule.finding(
                            f"调整后的预算写{after.text}，但调整前的{start.text}加减所写的调整为{plain(should)}{after.unit}",
                            paragraph.location, sentence.strip(), expected=f"{should:f}{after.unit}", found=after.text,
                        )  # fmt: skip
                break
            break


RULE = Rule("CT702", "sums", Severity.ERROR, check, __doc__, FAILING, PASSING)
