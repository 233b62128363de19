"""所述个数与所列不符：“共设置3个二级指标”与该部分评分表的二级指标个数不同，或“A、B、C三个方面”列举数与所写个数不同。

（1）“共设置N个二级指标、M个三级指标”与紧随其后的本部分评分表中不同二级指标（或三级指标行）的个数比较；
说的是整个指标体系（写了一级指标个数或“指标体系”，或不在某个一级指标的章节中）时，与报告中的指标体系表（列出一级、二级、三级指标的评分表，可在附件中）比较，
一级、二级指标按名称去重计数（同名二级指标在不同一级下各算一个），三级指标按有分值的行计数；
（2）“从决策、过程、产出、效益四个方面”一类写法：顿号列举的项数与紧随其后的个数比较；数的是子项目、项目、阶段、环节、
板块、任务时，只看“包括/分为/涉及/涵盖/即……”之后的列举（“在城东、城西实施三个项目”列的是地点）；数的是设区市、县（区）、
镇（街道）、社区、村时，列举的须是地名（“抽取了杭州、温州、湖州、金华、丽水5个设区市”“下达至南湖区、……海盐县5个县（市、区）”）
（最后一项中的“和/及/与”可能连接两项，也可能是一项的一部分：两种数法都不符时才报告）；
“图书馆、文化馆、美术馆、博物馆4个场馆（免费开放）”这样每项都以所数名词的末字结尾的列举，数的是什么都核对
（在“内设/下属/下设/开设/包含”之后的列举不必如此：“内设办公室、政策法规科……7个科室”“下属区文化馆……3家全额拨款事业单位”；“……和项目监理4部分”不写“个”也核对），
“耕整地机械、……、农产品初加工机械5大类”这样各项末字相同、以“大类/类”计数的列举也核对；
以范围结尾的列举（“结果反馈书、整改报告书、封面、一至七部分”）不是计数，不核对；
（3）“共设置3个二级指标，分别为项目立项、绩效目标”：所写个数与其后列举的指标名称个数比较；别的个数（“共包括4个子项目，
分别为道路工程、排水工程、绿化工程。”“共完成道路硬化3条，分别为东环路1.2公里……”）也一样，只看“分别为/分别是/即/：”之后、
到句末或逗号为止的列举（“……等”不核对）。
说某个一级指标（“决策指标共设置3个二级指标”）时，只数评分表中该一级指标之下的二级、三级指标。
"""

from __future__ import annotations

import re
from decimal import Decimal

import cn2an

from checkers.analysis import Analysis, ScoreTable, level1_kind
from checkers.figures import chinese_value, sentence_at, sentence_head
from checkers.finding import Severity
from checkers.openings import strip_code_prefix
from checkers.rules.base import Rule

FAILING = """\
## （四）项目效益情况

效益指标总分27分，得分24分。共设置2个二级指标。各分项指标得分和绩效分析如下：

| 二级指标 | 三级指标 | 权重 | 得分 |
|---|---|---|---|
| D1社会效益 | D11数据接入率 | 9 | 8 |
| D2项目可持续影响 | D21长效机制健全性 | 9 | 8 |
| D3满意度 | D31服务对象满意度 | 9 | 8 |
| 合计 | | 27 | 24 |
"""

PASSING = FAILING.replace("共设置2个二级指标", "共设置3个二级指标")

# places counted after their names (“抽取了杭州、温州、湖州、金华、丽水5个设区市”, “松陵、同里……黎里8个镇（街道）”)
PLACES = r"设区市|乡镇（街道）|镇（街道）|乡镇|街道|镇|社区|行政村|村|县（市、区）|县（市）|县区|区县|县|区"
# “从决策、过程、产出、效益四个方面”, “存在目标不够细化、执行率偏低、支付不及时三个方面的问题”
# “5G网络覆盖优化”, “决策（含立项、目标）”, “《……管理办法》”
# (an item holds no count of its own: “城关镇、河口镇、柳林镇4个镇的9个行政村” lists three 镇, not “柳林镇4个镇的”)
_ITEM = r"(?:《[^《》]{1,40}》|(?:(?!\d+\s*[个项类种份])[\u4e00-\u9fffA-Za-z0-9]){1,20})(?:[（(][^（）()]{0,30}[）)])?"
_NOUNS = r"一级指标|方面|部分|内容|子项目|项目|阶段|环节|板块|任务|方法|方式|措施|维度|年度|文件|" + PLACES
ENUMERATION_RE = re.compile(
    rf"(?P<items>{_ITEM}(?:、{_ITEM}){{1,9}})(?<!共)(?<!合计)(?P<etc>等)?\s*(?:共|合计|共计)?\s*(?P<n>[一二三四五六七八九十两\d]+)\s*"
    r"(?:(?P<counter>个|项|类|种|份)|(?=部分|方面))\s*(?P<noun>" + _NOUNS + ")"  # (“……和项目监理5部分”)
)
# “图书馆、文化馆、美术馆、博物馆4个场馆”: any noun, when every item ends as the noun does (each is one of them)
KIND_ENUMERATION_RE = re.compile(
    rf"(?P<items>{_ITEM}(?:、{_ITEM}){{1,9}})(?P<etc>等)?\s*(?P<n>[一二三四五六七八九十两\d]+)\s*(?P<counter>个|项|类|种|所|家|座|处|条)"
    r"\s*(?P<noun>[\u4e00-\u9fff]{1,10}?)(?=[，,。；;、和及与实进开的在均全共已为]|$)"
)  # (“……区体育中心4家全额拨款事业单位”)
# nouns that count things named in the sentence (“在城东、城西实施三个项目”): a list of them only after 包括/分为/…… (or
# before 等: “……公众评判法等五种方法”)
NEEDS_LEAD = ("子项目", "项目", "阶段", "环节", "板块", "任务", "方法", "方式", "措施", "维度", "年度", "文件")


COUNTED_WORD = re.compile(r"[个项类种份]\s*(?:" + _NOUNS + r")|[\d一二三四五六七八九十两](?:部分|方面)")
OUTER_COMMA = re.compile(r"、(?![^（(]*[）)])")  # a 、 outside brackets
COUNT_INSIDE = re.compile(r"[一二三四五六七八九十两\d]+\s*[个项类种]")  # “效益四个方面设置”: no item of a list
ENUMERATING_VERB = re.compile(r"^.*?(?:开设了?|设有|建有|下设|内设|下属|所属|包含)")  # “开设汽车维修、电工……5个专业”
LIST_LEAD = re.compile(r"^.*?(?:从|由(?!于)|设置了?|设立了?|包括|涵盖|围绕|存在|涉及|分为|即|抽取了?|抽查了?|选取了?|走访了?|覆盖了?|全区|全市|全县|采用|运用|"
                       r"采取|依据|根据)")


def _place_names(listed: list[str]) -> bool:
    """Whether a list before a count of places names places: short names, the last no longer than the others (in
    “在城东、城西建设3个社区” the last “item” is “城西建设”)."""
    lengths = [len(item) for item in listed]
    return max(lengths) <= 6 and lengths[-1] <= max(lengths[:-1])


PLACE_END = re.compile(r"(?:区|县|市|镇|乡|街道|社区|村)$")


def _place_at_the_end(listed: list[str]) -> str:
    """The first item of a list of places, cut to the longest of the others when it runs on from the sentence's
    words (“征求了递铺街道” lists 递铺街道)."""
    first, longest = listed[0], max(len(item) for item in listed[1:])
    return first[-longest:] if len(first) > longest and PLACE_END.search(first) else first


LAST_JOIN = re.compile(r"以及|和|及|与")


def _last_joined(items: list[str]) -> list[str]:
    """The items with the last split where “和/及/与” may join two (“新建区和南昌县”), the other way of counting them."""
    return [*items[:-1], *LAST_JOIN.split(items[-1], maxsplit=1)]


RANGE_BEFORE = re.compile(r"(?:至|到|~|～|-|－|—)\s*第?$")


def _range_end(text: str, start: int) -> bool:
    """Whether the count at ``start`` ends a range (“封面、一至七部分”: the parts 一 to 七, no count of the list)."""
    return RANGE_BEFORE.search(text, 0, start) is not None


def _number(text: str) -> Decimal | None:
    """A count as written: 3, 三, 两; None for characters that are no number (一二)."""
    return Decimal(text) if text.isdigit() else chinese_value(text)


# “共设置3个一级指标、8个二级指标、20个三级指标”, “共设置2个二级指标，下设5个三级指标”: a chain of counts after a verb
# (the 一级 may be named before their count: “由决策、过程、产出、效益4个一级指标、8个二级指标……构成”)
_COUNT = r"(?:\d+|[一二三四五六七八九十两]+)\s*个\s*(?:一级|二级|三级)指标"
_NAMED = r"(?:[\u4e00-\u9fff“”\"]{2,10}(?:[、和及与][\u4e00-\u9fff“”\"]{2,10}){1,7}(?:等)?\s*)?"
COUNT_CHAIN = re.compile(
    rf"(?:共设(?:置|立)?|设置了?|设立了?|设有|共有|包括|包含|涵盖|下设|由)\s*{_NAMED}{_COUNT}"
    rf"(?:\s*[、，,和及]\s*(?:下设|下含|包含|含|共|共计)?\s*{_COUNT})*"
)
ONE_COUNT = re.compile(r"(?P<n>\d+|[一二三四五六七八九十两]+)\s*个\s*(?P<level>一级|二级|三级)指标")
LEVELS = ("一级", "二级", "三级")


def _level_positions(table: ScoreTable) -> dict[str, int]:
    """Which label column (position among the label columns) names the 一级 and 二级 indicators: by the header
    (“二级指标”), else the first of three label columns is the 一级, the one after it the 二级; with one or two, the
    first is the 二级 (a section's table)."""
    found: dict[str, int] = {}
    for position, col in enumerate(table.label_cols):
        header = table.header[col] if col < len(table.header) else ""
        for level in LEVELS[:2]:
            if level in header:
                found.setdefault(level, position)
    if found:
        return found
    return {"一级": 0, "二级": 1} if len(table.label_cols) >= 3 else {"二级": 0}


def _label_headers(table: ScoreTable) -> list[str]:
    return [table.header[c] if c < len(table.header) else "" for c in table.label_cols]


def _shows(table: ScoreTable, level: str) -> bool:
    """The table lists indicators of this level: a 三级 count needs 三级 rows (a table of 一级/二级 columns only has
    none), a 一级 or 二级 count a column of those names."""
    if level != "三级":
        return level in _level_positions(table)
    headers = _label_headers(table)
    return any("三级" in h for h in headers) or not any("一级" in h or "二级" in h for h in headers)


def _level1_word(name: str) -> str:
    """The word a 一级 indicator's name is known by (“A项目决策”, “决策类” → 决策); the name itself otherwise."""
    return level1_kind(name) or strip_code_prefix(name)


def _listed_count(a: Analysis, table: ScoreTable, level: str, under: str | None = None, level2: str | None = None) -> int | None:
    """How many indicators of a level the table (its 续表 parts included) lists, under the 一级 named ``under`` when
    the table has a 一级 column, under the 二级 ``level2`` (its 三级 indicators); None when it does not show them."""
    if not _shows(table, level):
        return None
    rows = [(row, names) for row, names in a.rows_by_labels(table) if not row.funding]  # (a 自评表's 资金 rows: none)
    top = _level_positions(table).get("一级") if under else None
    if top is not None:
        rows = [(row, names) for row, names in rows if top < len(names) and _level1_word(names[top]) == under]
        if not rows:
            return None
    second = _level_positions(table).get("二级") if level2 else None
    if second is not None:
        rows = [(row, names) for row, names in rows if second < len(names) and strip_code_prefix(names[second]) == level2]
        if not rows:
            return None
    if level == "三级":
        return sum(1 for row, _ in rows if row.weight is not None)
    position = _level_positions(table)[level]
    return len({tuple(names[: position + 1]) for row, names in rows if row.labels and position < len(names) and names[position]})


def _whole(a: Analysis, table: ScoreTable) -> bool:
    """The whole indicator system, the 续表 parts (with the 合计 at the end) included."""
    return any(a.is_whole_report_table(part) for part in (table, *a.continuations(table)))


def _indicator_system(a: Analysis, level: str) -> ScoreTable | None:
    """The report's table of the whole indicator system that shows this level (its 续表 parts read with it), the
    fullest one when there are several."""
    tables = [t for t in a.score_tables if id(t) not in a.continuation_parts and len(t.label_cols) >= 2 and _whole(a, t)
              and _shows(t, level)]  # fmt: skip
    return max(tables, key=lambda t: len(list(a.rows_by_labels(t))), default=None)


def _counts(text: str):
    """(chain match, level, count as written, its words) of every chain of “N个一级/二级/三级指标” counts of a text."""
    for chain in COUNT_CHAIN.finditer(text):
        for index, m in enumerate(ONE_COUNT.finditer(chain.group(0))):
            if index == 0 and m.group("level") == "一级" and m.start() > 4:
                continue  # “由决策、过程、产出、效益4个一级指标”: the names' count is checked as a list's
            quoted = chain.group(0)[: m.end()] if index == 0 else m.group(0)  # “共设置2个二级指标”, “5个三级指标”
            yield chain, m.group("level"), m.group("n"), quoted


# “该二级指标……下设5个三级指标”, “该部分共设置3个二级指标”: one part's counts, never the whole system's
LOCAL_SUBJECT = re.compile(r"[该本此](?:一级|二级|部分|类|项|方面)")


# “共设置二级指标4个、三级指标6个”: the count after its level, read as “4个二级指标” (the same characters reordered, so
# positions hold)
COUNT_AFTER = re.compile(r"(一级|二级|三级)指标(\d+|[一二三四五六七八九十两]+)个")


def _counts_first(text: str) -> str:
    return COUNT_AFTER.sub(lambda m: f"{m.group(2)}个{m.group(1)}指标", text) if "指标" in text else text


SUBJECT_LEAD = re.compile(r"(?:其中|对于|对|在|关于|即|的|中|、|和|及|该|本)$")  # words before a 一级 named as subject
A_PART = ""  # the count is said of a part that is not a 一级 (“社会效益指标共设置2个三级指标”)


def _level1_subject(a: Analysis, head: str) -> str | None:
    """The 一级 indicator a count is said of, named in its clause before it (“决策指标共设置3个二级指标”, “其中产出类
    下设8个三级指标”); None when the clause names none, ``A_PART`` when the name is the end of a longer one, a 二级
    such as 社会效益."""
    clause = re.split(r"[，,：:]", head)[-1]
    named = sorted((n for n in a.top_level_names if n in clause), key=lambda n: (-len(n), clause.rfind(n), n))
    if len({level1_kind(n) or n for n in named if not any(n != m and n in m for m in named)}) > 1:
        return None  # “从决策、过程、产出、效益四个维度构建了包含……”: the system's, not one 一级's
    for name in named:
        before = clause[: clause.find(name)]
        if before and "\u4e00" <= before[-1] <= "\u9fff" and not SUBJECT_LEAD.search(before):
            return A_PART
        return _level1_word(name)
    return None


def _level2_subject(a: Analysis, table: ScoreTable, head: str) -> str | None:
    """The 二级 indicator of the table a count is said of, named in its clause before it (“社会效益指标共设置2个三级
    指标”)."""
    second = _level_positions(table).get("二级")
    if second is None:
        return None
    clause = re.split(r"[，,：:]", head)[-1]
    names = {strip_code_prefix(names[second]) for _, names in a.rows_by_labels(table) if second < len(names)}
    named = [name for name in names if len(name) >= 2 and re.search(re.escape(name) + SUBJECT_TAIL, clause)]
    return max(named, key=len) if len(named) == 1 or len(set(named)) == 1 else None


SUBJECT_TAIL = r"(?:指标|类)?(?:共|下设|设置|设有|包括|包含|含|有|\s*$)"  # (the subject of the count, not one of a list)


def _count_findings(a: Analysis, paragraph, rule: Rule):
    original = paragraph.text
    text = _counts_first(original)
    for chain, level, written, quoted in _counts(text):
        stated = _number(written)
        if stated is None:
            continue
        at = text.find(quoted, chain.start())
        quoted = original[at : at + len(quoted)] if at >= 0 else quoted  # as written (“二级指标4个”)
        sentence = sentence_at(original, chain.start())
        head = sentence_head(text, chain.start())
        # (“设置了……4个一级指标，下设5个二级指标”: under the whole system's 一级 indicators, the system's counts)
        local = (chain.group(0).startswith("下设") and "一级指标" not in head) or bool(LOCAL_SUBJECT.search(head))
        about_system = not local and ("一级" in chain.group(0) or "指标体系" in sentence)
        table = a.next_score_table(paragraph)
        if table is not None and (not table.label_cols or all(r.labels and all(strip_code_prefix(label) in a.top_level_names
                                                                                for label in r.labels if label)
                                                              for r in table.body)):  # fmt: skip
            table = None  # the 一级 overview table lists no 二级 or 三级 indicators
        if table is not None and about_system and not _whole(a, table):
            table = None  # the whole system's counts, before a section's table
        section = paragraph.location.section  # no table follows: counts outside a 一级's section are the system's
        if table is None and not local and (about_system or not any(name in section for name in a.top_level_names)):
            table = _indicator_system(a, level)
        if table is None or (level == "一级" and not _whole(a, table)):
            continue
        under = _level1_subject(a, sentence_head(text, chain.start())) if level != "一级" else None
        level2 = _level2_subject(a, table, sentence_head(text, chain.start())) if level == "三级" else None
        if under == A_PART and level2 is None:
            continue  # a part the table does not name as a 二级: its count cannot be told
        actual = _listed_count(a, table, level, None if under == A_PART else under, level2)
        if actual is not None and Decimal(actual) != stated:
            where = "指标体系表" if _whole(a, table) else "本部分评分表"
            yield rule.finding(
                f"写“{quoted.strip()}”，但{where}（{table.table.location.reference()}）列有{actual}个",
                paragraph.location, sentence, expected=_count_like(actual, written), found=written,
            )  # fmt: skip


# “共设置3个二级指标，分别为项目立项、绩效目标、资金投入”: the names listed right after a count of indicators
NAMES_AFTER = re.compile(
    r"(?P<n>\d+|[一二三四五六七八九十两]+)\s*个\s*(?P<level>一级|二级|三级)指标\s*(?:[，,]\s*(?:分别为|分别是|即|包括)|[：:]|（(?:分别为|即|包括)?)"
    rf"\s*(?P<items>{_ITEM}(?:、{_ITEM})+)(?P<end>[。；;）)]|$)"
)


_NAMED = r"(?:《[^《》]{1,40}》|(?:(?!\d+\s*[个项类种份])[\u4e00-\u9fffA-Za-z0-9.．]){1,24})(?:[（(][^（）()]{0,30}[）)])?"
# “项目共包括4个子项目，分别为道路工程、排水工程、绿化工程。”: any count with the names it counts right after it (a
# list that ends its sentence; “包括” may give examples only, so it is not read here)
COUNT_THEN_NAMES = re.compile(
    r"(?P<n>\d+|[一二三四五六七八九十两]+)\s*(?P<counter>个|项|条|类|座|所|家|处|批|种)(?P<noun>[\u4e00-\u9fff]{0,6}?)\s*"
    r"(?:[，,]\s*(?:分别为|分别是|即)|[：:])"
    rf"\s*(?P<items>{_NAMED}(?:、{_NAMED})+)(?P<end>[。，,；;]|$)"
)


LEVEL1_COUNT_BEFORE = re.compile(r"(?P<n>\d+|[一二三四五六七八九十两]+)\s*个\s*一级指标[^。；;]*$")


def _names_after(paragraph, rule: Rule):
    """A count of indicators with their names listed after it, the two not agreeing."""
    for m in NAMES_AFTER.finditer(paragraph.text):
        items, stated = OUTER_COMMA.split(m.group("items")), _number(m.group("n"))
        split = _last_joined(items)  # “绩效目标和资金投入”
        level, written = m.group("level"), m.group("n")
        if level != "一级" and all(level1_kind(item) for item in split):
            # “4个一级指标、11个二级指标，分别为决策、过程、产出和效益”: the names of the 一级 count before
            level1 = LEVEL1_COUNT_BEFORE.search(sentence_head(paragraph.text, m.start()))
            if level1 is None:
                continue
            level, written, stated = "一级", level1.group("n"), _number(level1.group("n"))
        if all(level1_kind(item) for item in split):
            items = split  # (“产出和效益” is two 一级 indicators)
        if stated is not None and not items[-1].endswith("等") and stated not in (len(items), len(split)):
            items = split if len(split) > len(items) and all(len(item) >= 2 for item in split) else items
            yield rule.finding(
                f"写“{written}个{level}指标”，其后列举了{len(items)}个（{'、'.join(items)}）",
                paragraph.location, sentence_at(paragraph.text, m.start()), expected=_count_like(len(items), written),
                found=written, severity=Severity.WARNING,
            )  # fmt: skip


def _count_then_names(paragraph, rule: Rule):
    """A count of things (not indicators: _names_after reads those) with their names listed after it, disagreeing."""
    for m in COUNT_THEN_NAMES.finditer(paragraph.text):
        if "指标" in m.group("noun"):
            continue
        listed = OUTER_COMMA.split(m.group("items"))
        if listed[-1].endswith("等"):
            continue
        split = _last_joined(listed)  # “绿化工程和照明工程”
        stated = _number(m.group("n"))
        if stated is None or stated in (len(listed), len(split)):
            continue
        items = split if len(split) > len(listed) and all(len(item) >= 2 for item in split) else listed
        written = f"{m.group('n')}{m.group('counter')}{m.group('noun')}"
        yield rule.finding(
            f"写“{written}”，其后列举了{len(items)}项（{'、'.join(items)}）",
            paragraph.location, sentence_at(paragraph.text, m.start()), expected=_count_like(len(items), m.group("n")),
            found=m.group("n"), severity=Severity.WARNING,
        )  # fmt: skip


KIND_COUNT = re.compile(r"、[^、。；;]{1,20}?[一二三四五六七八九十两\d]+\s*(?:个|项|大?类|种|所|家|座|处|条)")  # (the list pattern is slow)
# “涵盖耕整地机械、种植施肥机械、……农产品初加工机械5大类。”: a list counted in 大类/类, nothing after the count
CATEGORY_COUNT = re.compile(rf"(?P<items>{_ITEM}(?:、{_ITEM}){{1,9}})(?P<etc>等)?\s*(?P<n>[一二三四五六七八九十两\d]+)\s*(?P<counter>大类|类)(?=[，,。；;\d]|$)")


def _kind_lists(paragraph, rule: Rule):
    """A list of things of one kind (each item ending as the counted noun does) before a count that disagrees."""
    if not KIND_COUNT.search(paragraph.text):
        return
    categories = list(CATEGORY_COUNT.finditer(paragraph.text)) if "类" in paragraph.text else []
    for m in [*KIND_ENUMERATION_RE.finditer(paragraph.text), *categories]:
        items, n, counter = m.group("items"), m.group("n"), m.group("counter")
        words = m.groupdict().get("noun") or ""
        if re.match(_NOUNS, words) or m.group("etc"):
            continue  # (the nouns ENUMERATION_RE knows are read there: “四个方面对项目进行了评价”)
        later = OUTER_COMMA.split(items)[1:]  # the noun: the shortest start of the words after the count that the items
        noun = next((words[:k] for k in range(1, len(words) + 1) if all(i.endswith(words[k - 1]) for i in later)), words)
        # end as (“……博物馆5个场馆免费开放”: 场馆); a 大类 count's items all end alike (“……机械”)
        if noun and re.fullmatch(_NOUNS, noun):
            continue  # (the nouns ENUMERATION_RE knows are read there)
        listed = OUTER_COMMA.split(items)
        longest = max(len(item) for item in listed[1:])
        led = LIST_LEAD.match(listed[0]) is not None or ENUMERATING_VERB.search(listed[0]) is not None
        listed[0] = ENUMERATING_VERB.sub("", LIST_LEAD.sub("", listed[0]))[-longest:]  # (“……下属图书馆” lists 图书馆)
        ending = noun[-1] if noun else listed[-1][-1]
        if any(len(item) > 8 or COUNT_INSIDE.search(item) for item in listed) or listed[-1].endswith("等") \
                or not led and any(not item.endswith(ending) for item in listed):  # fmt: skip
            continue  # (after 包括/开设…, the items need not end as the noun does: “……移动巡查5个功能模块”)
        stated = _number(n)
        if stated is not None and stated != len(listed) and not _range_end(paragraph.text, m.start("n")):
            yield rule.finding(
                f"列举了{len(listed)}项（{'、'.join(listed)}），却写“{n}{counter}{noun if len(noun) >= 2 else words[:2]}”",
                paragraph.location, sentence_at(paragraph.text, m.start()), expected=_count_like(len(listed), n),
                found=n, severity=Severity.WARNING,
            )  # fmt: skip


def check(a: Analysis, rule: Rule):
    for paragraph in a.body_paragraphs:
        if "、" in paragraph.text:
            yield from _kind_lists(paragraph, rule)
        if "、" in paragraph.text and ("分别" in paragraph.text or "即" in paragraph.text or "：" in paragraph.text
                                      or ":" in paragraph.text):  # fmt: skip
            yield from _count_then_names(paragraph, rule)
        if "级指标" in paragraph.text and ONE_COUNT.search(_counts_first(paragraph.text)):
            yield from _count_findings(a, paragraph, rule)
            yield from _names_after(paragraph, rule)
        listing = "、" in paragraph.text and COUNTED_WORD.search(paragraph.text)  # (the list pattern is slow to try)
        for m in ENUMERATION_RE.finditer(paragraph.text) if listing else ():
            listed = OUTER_COMMA.split(m.group("items"))
            titles = all(item.startswith("《") for item in listed)  # “《……》、《……》两项文件”: plainly a list
            if m.group("noun") in NEEDS_LEAD and not LIST_LEAD.match(listed[0]) and not m.group("etc") and not titles:
                continue
            listed[0] = LIST_LEAD.sub("", listed[0])  # “主要存在目标不够细化” lists “目标不够细化”
            if re.fullmatch(PLACES, m.group("noun")):
                listed[0] = _place_at_the_end(listed)  # “专项资金已全部分配下达至南湖区” lists 南湖区
                if not _place_names(listed) and not _place_names(_last_joined(listed)):
                    continue
            etc = bool(m.group("etc")) or listed[-1].endswith("等")
            listed[-1] = listed[-1].removesuffix("等")
            split = _last_joined(listed)  # “产出和效益”
            items = split if len(split) > len(listed) and all(len(item) >= 2 for item in split) else listed
            stated = _number(m.group("n"))
            if stated is None or etc and len(items) < stated or _range_end(paragraph.text, m.start("n")):
                continue  # “A、B等三个方面”: the list is not complete
            if Decimal(len(items)) != stated and Decimal(len(listed)) != stated:  # (“运行与维护” may be one item)
                yield rule.finding(
                    f"列举了{len(items)}项（{'、'.join(items)}），却写“{m.group('n')}{m.group('counter') or ''}{m.group('noun')}”",
                    paragraph.location, sentence_at(paragraph.text, m.start()), expected=_count_like(len(items), m.group("n")),
                    found=m.group("n"), severity=Severity.WARNING,
                )  # fmt: skip


def _count_like(count: int, written: str) -> str:
    """A count as the report writes counts: in Chinese numerals beside “三个方面”, in digits beside “3个”."""
    return str(count) if any(ch.isdigit() for ch in written) or not written.strip() else cn2an.an2cn(count, "low")


RULE = Rule("CT701", "counts", Severity.ERROR, check, __doc__, FAILING, PASSING,
            other_severities=((Severity.WARNING, "顿号列举的项数与所写个数不符"),))
