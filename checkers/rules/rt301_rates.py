"""比率无法复算：得分率、资金到位率、预算执行率、节约率、核减率、审计控制率、合格率、满意度等与报告自己写出的金额或数量不符。

按报告同一段中写出的数字复算（四舍五入到报告所写的小数位，另有容差 settings.rate_tolerance，缺省 0.01 个百分点）：
得分率 = 得分 ÷ 权重（“过程类指标共20分，专家评分18分”同样读出权重与得分）；资金到位率 = 实际到位 ÷ 预算；预算执行率 = 实际支出 ÷ 实际到位（口径设为“预算”时为
实际支出 ÷ 预算，两种口径不一致时提示口径；发放率、兑付率、支出率、支付率同执行率（实际发放、支出、支付 ÷ 下达或到位）；预算经调整时用调整后的预算：“调减至/调整为N”即N，“追加/调增N”加上N，“调整预算N”即N；“同比/较上年增加N”只是比较，不改变预算；“可用资金”即预算，“其中”所列为分项）；节约率 = （预算 − 实际）÷ 预算（没有实际支出时按中标或合同金额）；核减率（审减率）= 核减金额 ÷ 送审金额（申报金额）；
审计控制率 = （合同金额 − 审计金额）÷ 合同金额；完成率（完工率）= 实际完成数 ÷ 计划数（计划、目标、合同约定或任务数；“投资完成率”等按金额；
“12.50万平方米”等以万计的数量照常读出）；
合格率、达标率、回收率 = 合格（达标、回收）数 ÷ 同一句前面所写的检查（抽查、验收、考核、发放、列入、送审）总数（同一单位，“不合格”等
不算；同句写“全部验收合格”“均达标”的为100%；句中前面只有一个同单位的数、其后写验收检查等的，它就是总数：“46所学校改造工程首次验收合格44所”）；及时率 = 按时（及时、按期、按计划时间、规定时限内）完成数 ÷ 同一句前面所写的总数（“全年发生
设备故障37次，在规定时限内修复33次，修复及时率89.19%”“全年应拨付12批次，按时拨付11批次”“10处单项工程中按时完工9处”）；
问卷的有效率 = 有效数 ÷ 回收（发放）数，满意度（满意率）= 满意数（连同“非常满意”；不少报告也连同“基本满意”，两种算法任一相符即可；
写明“含基本满意”的只按连同基本满意复算）÷ 有效问卷（受访）数，
不满意比例 = 不满意数 ÷ 有效问卷数，调解等的成功率 = 成功数 ÷ 受理数（总数可在同段前一句：“……回收582份，回收率97.00%；
其中有效问卷565份，有效率97.08%”；“非常满意率”“基本满意率”只是一个等次，不复算）。
“按时完成率”“按期完成率”“按期完工率”是及时率；把句中某个数的相邻两位数字对调后比率即相符（“回收528份，回收率97%”）时，报告这个数；
到位率、执行率等也一样：同段某一金额两位数字对调后复算相符时报告这一金额（预算与到位都可能是对方写错时，报告别处没有再写、而对调后的数别处写过的那一个；
只在此处写过的金额与报告别处所写的数只差一位、按别处的数复算即相符时，也报告这一金额（“预算699.00万元”而别处都是669.00）；
表格中一行的比率按该行某一合计、小计格各行之和复算相符时，由 TT201 报告那一格；一级指标的得分率按评分表所给该一级的得分复算相符时，由 TT202 报告正文的得分；
其后按这一金额复算的比率不再重复报告）；复算相差10000倍等、或句中某一金额换成另一单位（元/万元）后复算即相符，而该金额按报告其他金额的大小
更像另一单位（“总计支出5271022.96万元”而报告金额都在几百万元）时，报告这一金额的单位。一句中写到合同（监理、一期、“其中”等分项）时比率只按该句的数字复算；但
节约率句中的合同是与预算相比的合同总额，执行率句中的“支付合同款”是项目的支出，括号中的构成（“（含工程费…、监理费…）”）也不是分项，仍按项目的数字复算。表格中的到位率、执行率（支出率、支付比例同执行率；兑付率、发放率按兑付、发放金额 ÷ 下达、安排金额；拨付率按拨付 ÷ 下达）、核减率（审减率）、节约率（（预算或控制价 − 中标、合同或成交金额）÷ 预算，或节约金额 ÷ 预算）列按同一行的金额复算（核减率 = 核减金额 ÷ 送审金额，或（送审 − 审定）÷ 送审）（按到位数、预算数、调整预算数、合同金额等任一列相符即可）；
表格中比率不符、而把该行某一金额相邻两位数字对调（“371.23”与“371.32”）后复算与所写相符时，报告这一金额而不是比率；
“预算金额（万元）| 650 | 实际到位（万元）| 650”这样成对填写的基本信息表，按表中同一单位的金额复算；项目支出绩效自评表的表头在表名、项目名称等几行之下的，
从那一行读起（执行率按“全年预算数”）。一句中先写比率、后写评分规则（“预算执行率96%，执行率每低于100%一个百分点扣0.1分”）的，比率照常复算。
正文中写项目整体的到位率、执行率（“截至年底，项目资金到位率为90%”），同段和前几段都没有所需金额时，按报告中唯一一张
这样的基本信息表所列金额复算（有几张时不知是哪一张，不判断；“市级资金到位率”等分项的比率不按它复算）。
同一段中同类比率再次出现（“……预算执行率95.46%，其中云资源租赁费执行率为91.88%”）时，只按两者之间写出的数字复算；
紧跟在某一来源的到位金额之后、不带“资金/项目”字样的“到位率”（“县级配套资金到位2,720.00万元，到位率80%”），按同段前面所写该来源的预算复算；
下达资金之外另有上年结转、合为“可用资金”时，结转也已到位，执行率、兑付率按可用资金复算；预算之后写“上年结转N万元”的，执行率按预算或预算加结转任一相符即可（这样的结转不是“上年”的数，也不是分项）；“其中”分项列举之后的比率（分项没有各自的预算）按整体的数字复算（“其中基本支出120万元，项目支出60万元”的后一项同样是分项）；计划分项写了合计时，完成率按合计复算；
报告自己写明预算执行率的口径（同句“按实际支出÷年度预算计算”“预算执行率（实际支出÷预算）”，或别处一句定义）时按所写口径复算，不再提示口径；
句中金额只写到三位有效数字（“预算1.28亿元，实际支出1.25亿元”）时，比率在各金额四舍五入前可能的范围内即相符；
“实际支出1,124.33万元，其中支付设备尾款86.20万元”这样只列一项“其中”的，比率仍按整体复算；前几段中“其中”分项的金额不拿来复算整体的比率；
完成率不按“超额完成60座”这样的差额复算；“每周巡检1次”是频次而不是计划，“全年应巡检52次”是计划；本段只写实际完成数
（“实际完成演出126场，完成率105.00%”）时，按同一部分前几段所写同一事项、同一单位的计划数复算（“全年计划演出120场”）。
“满意度调查问卷400份”是问卷数而不是满意数；达标率的分子可写作“合格”，合格率的可写作“达标”；“收回”即回收。
写明前后两个数的变动幅度（“由上年的23起下降至15起，下降34.78%”“从1,200人增加到1,500人，同比增长25%”）按（后数 − 前数）÷ 前数复算
（“百分点”不是比率）。应为的比率按报告所写的小数位给出（所写“83.06%”时应为“83.60%”）。
核减率按“核减 ÷ 送审”或“（送审 − 审定）÷ 送审”任一相符即可（二者不符时是金额写错，由 CT702 报告）；预算之后紧接“其中”列出分项、
比率按分项之和复算相符而按所写预算不符时，是预算写错，由 CT702 报告，本规则不再报比率。同段（或同一小节前几段）缺少所需数字，或所用金额只是约数（“近450万元”“约450万元”）时不判断。
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections import Counter
from decimal import Decimal

from checkers.analysis import (
    DECLARED_BASE,
    PART_MARK,
    Analysis,
    about_a_part,
    grid_rows,
    level1_name,
    number_in,
    row_code_and_name,
    same_level1,
)
from checkers.audit_words import APPROVED, CUT, SUBMITTED, itemised_cut
from checkers.figures import (
    MONEY_UNITS,
    Figure,
    approximate,
    clause_before,
    digits_swapped,
    extract_figures,
    in_parentheses,
    neighbour_swaps,
    one_keystroke_apart,
    parse_number,
    percent_like,
    percent_matches,
    rounding_half,
    sentence_at,
    sentence_head,
    sentences,
    written_like,
)
from checkers.finding import Severity
from checkers.openings import OTHER_PERIOD
from checkers.rules.base import Rule
from checkers.table_rates import InformationAmounts, field_rate_slips, information_amounts, rate_slips
from checkers.table_totals import table_body
from evaluation_model import character_pairs, format_percent

FAILING = """\
项目预算计划安排资金5920000元，实际到位资金5920000元，实际支出金额为5271022.96元，预算执行率98.04%。

| 指标 | 权重 | 分值 | 得分率 |
|---|---|---|---|
| A.决策 | 20 | 16 | 85% |
| 合计 | 20 | 16 | 80% |
"""

FAILING += "\n项目年初计划建设智慧安防小区21个，实际完成建设智慧安防小区数20个，完成率100%。\n"

PASSING = FAILING.replace("98.04%", "89.04%").replace("85%", "80%").replace("数20个", "数21个")

ROLES = (  # 事前评估 writes 申报 / 建议 / 审减 for 送审 / 审定 / 核减
    ("cut", CUT),
    ("submitted", SUBMITTED),
    ("approved", APPROVED),
    ("contract", re.compile(r"(?<!支付)(?<!拨付)合同|中标")),  # (“累计支付合同款”: a payment)
    ("received", re.compile(r"到位|下达")),
    ("spent", re.compile(r"支出|支付|使用|执行|实际|(?<!计划)(?<![应拟])(?:兑付|发放)")),  # (“累计兑付46,813.52万元”)
    ("budget", re.compile(r"预算|概算|批复|安排|计划|核定|可用资金|控制价|最高限价|拦标价")),  # (a tender's ceiling: its 节约率's base)
)


_PLANNED = re.compile(r"计划|目标|预计|预期|约定|任务")  # (“合同约定全年提供服务12,000人次”)
_ACTUAL = re.compile(r"实际|完成|建成|实现")
# (“过程类指标共20分”: a weight; “专家评分18分”: a score)
_WEIGHT_IN_SENTENCE = re.compile(r"(?:权重|总分|满分|分值|(?<=指标)共计?)(?:为)?\s*(\d+(?:\.\d+)?)\s*分")
_SCORE_IN_SENTENCE = re.compile(r"(?:得分|共得|实得|(?<=[，,])得|(?:专家|综合|评价)评分)(?:为)?\s*(\d+(?:\.\d+)?)\s*分")  # (“效益部分共得12分（满分25分）”)
# “年中追加预算100万元”, “调减至450万元”, “年中追加调整421.65万元” (an increase)
ADJUSTMENT = re.compile(r"(追加|调增|增加|调减|减少|调整)(?:调整)?(?:预算|资金)?$")
ADJUSTED_BUDGET = re.compile(r"调整(?:后)?的?预算$")  # “调整预算450万元” is the new budget itself
ADJUSTED_NAME = re.compile(r"(?:全年|调整后的?|变更后的?|最终)(?:财政)?预算")  # the budget after the changes
# “同比增加50万元”, “较预算减少20万元”, “比2021年增加”: a difference, not an adjustment (not the 较 of “较大”)
COMPARED = re.compile(r"同比|环比|(?:较|比)(?:上|去|前|往|同期|年初|预算|计划|\d{4})")
RECEIVED_IN_FULL = re.compile(r"[，,]\s*(?:资金)?(?:已|均)?(?:全部|全额|足额)(?:拨付|下达)?到位")  # after a budget
ALL_RECEIVED = re.compile(r"[^，,。；;]{0,4}?(?:全部|全额|足额)(?:拨付|下达)?到位")
# “上级下达补贴资金5,760.00万元”: the allocation from above is what was received, not a source among others
ALLOCATED = re.compile(r"^[^其]{0,6}?(?:上级|中央|省级|市级|区级|县级)(?:财政)?下达")
NOT_YET = re.compile(r"(?:尚未|暂未|未|没有)(?:全部|足额|及时)?(?:到位|拨付|下达|支出|支付|使用|执行|兑付|发放)")
BREAKDOWN = re.compile(r"其中|结转|以前年度|上年|区级|市级|省级|县级|中央|自筹|配套|上级|本级")


def role_of(figure: Figure) -> str | None:
    """What a money figure is (budget, received, spent, …) from the words before it; None for a breakdown part."""
    clause = clause_before(figure.source, figure.start)
    if (BREAKDOWN.search(clause) or BREAKDOWN.search(figure.subject)) and not ALLOCATED.search(clause):
        return None
    if itemised_cut(clause):
        return None  # “核减申报数量不实的6台电梯补助120.00万元”: one item of the cut
    if NOT_YET.search(clause):
        return None  # “未到位的150.00万元”, “尚未支付的尾款”: what is still missing, not what came or went
    if ALL_RECEIVED.match(figure.source, figure.end):  # “资金170.86万元已全部拨付到位”
        return "received"
    head = sentence_head(figure.source, figure.start)
    if "其中" in head and (not BREAKDOWN_ENDS.search(clause) or _parallel_item(head, clause)):
        return None  # “资金总额500万元，其中结转120万元，新增预算资金380万元”: the parts of a total
    if ADJUSTED_BUDGET.search(clause) and not figure.source.startswith("用于", figure.end):
        return "budget"  # (“调整预算30万元用于增加点位” is an amount moved, not the budget)
    adjustment = ADJUSTMENT.search(clause.rstrip("至为"))
    if adjustment and COMPARED.search(clause):
        return None  # “同比增加50万元”: compared with another year or with the budget
    if adjustment:  # “调减至450万元” is the new budget; “追加100万元” adds to it
        if clause.endswith(("至", "为")):
            return "budget"
        return {"调减": "decrease", "减少": "decrease", "调整": "adjust"}.get(adjustment.group(1), "increase")
    if COMPARED.search(clause):
        return None  # “较预算少207.60万元”, “比计划节约20万元”: a difference, not the amount
    return _closest_role(figure.subject) or _closest_role(clause)  # (a long name cuts the subject short: “下达我省
    # 农机购置与应用补贴资金52,800万元” is 下达, a word the subject's few characters no longer hold)


def stage_of(figure: Figure) -> str | None:
    """The stage of the money a figure's words name (budget, received, spent, …), whether or not it is a part's."""
    return _closest_role(figure.subject) or _closest_role(clause_before(figure.source, figure.start))


def _closest_role(subject: str) -> str | None:
    """The role named last before the figure: “基本支出全年预算2,442.98万元” is a budget (预算 follows 支出), “实际支出
    2,419.56万元” an expenditure; at one place the first in ROLES wins."""
    best, best_end = None, -1
    for role, pattern in ROLES:
        for match in pattern.finditer(subject):
            if match.end() > best_end:
                best, best_end = role, match.end()
    return best


PARALLEL_ITEM = re.compile(r"^[\u4e00-\u9fff]{1,6}$")
WHOLE_AGAIN = re.compile(r"实际|全年|整体|总体|累计|合计|共")


def _parallel_item(head: str, clause: str) -> bool:
    """“实际支出180万元，其中基本支出120万元，项目支出60万元”: a clause after a 其中 list's first item named like it
    (the same last two characters: 基本支出, 项目支出) is the list's next item, not the whole named again."""
    first = head[head.rfind("其中") + 2 :].lstrip("：:，, ")
    name = re.match(r"[\u4e00-\u9fff]{2,8}", first)
    words = clause.strip("，,；;、 ")
    if name is None or any(word in words and word not in name.group(0) for word in ROLE_WORDS):
        return False  # (“其中市级资金150万元，到位资金200万元”: 到位 names the whole's figure again)
    return PARALLEL_ITEM.match(words) is not None and not WHOLE_AGAIN.search(words) \
        and len(words) >= 3 and words[-2:] == name.group(0)[-2:] and words != name.group(0)  # fmt: skip


ROLE_WORDS = ("到位", "支出", "下达", "执行", "拨付", "兑付", "发放", "预算")


# the words that name the project's figures again after a “其中” list (or change its budget)
BREAKDOWN_ENDS = re.compile(r"实际|到位|支出|执行|项目|全年|整体|总体|追加|调增|调减|调整")


def adjusts_budget(figure: Figure) -> bool:
    """An amount that changes the budget (“追加50万元”, “调减至170.86万元”, “调整后预算450万元”)."""
    role = role_of(figure)
    if role in ("increase", "decrease", "adjust"):
        return True
    clause = clause_before(figure.source, figure.start)
    return role == "budget" and bool(ADJUSTED_BUDGET.search(clause) or ADJUSTMENT.search(clause.rstrip("至为")))


def _budget(figures: list[Figure]) -> Decimal | None:
    """The budget the rates are taken on: the last one stated, plus the increases (追加/调增) and minus the decreases
    (调减) stated after it."""
    budget, index = None, -1
    for i, figure in enumerate(figures):
        if role_of(figure) == "budget":
            budget, index = figure.in_yuan(), i
    if budget is None:
        return None
    for figure in figures[index + 1 :]:
        role = role_of(figure)
        if role == "adjust":
            return None  # “年中调整预算30万元用于…”: changed by an amount whose direction is not said
        if role in ("increase", "decrease"):
            amount = figure.in_yuan() or Decimal(0)
            budget += amount if role == "increase" else -amount
    return budget


QUALIFIED_RATE = re.compile(r"(?:区级|市级|省级|县级|中央|本级|自筹|配套|上级)(?:财政)?$")  # before the rate's name
PART_WORDS_IN_ITS_SENTENCE = re.compile(r"其中|区级|市级|省级|县级|中央|本级|自筹|配套|上级")


def _later(figures: list[Figure], role: str, than: str) -> bool:
    """Whether the last figure of ``role`` comes after the last of ``than`` (“……实际支出3,102.58万元。……招标控制价
    3,245.60万元，中标金额3,096.40万元，节约率4.60%”: the 节约率 of the tender, on its 中标 amount)."""
    roles = [role_of(figure) for figure in figures]
    last = {r: i for i, r in enumerate(roles) if r in (role, than)}
    return last.get(role, -1) > last.get(than, -1)


def _last(figures: list[Figure], role: str) -> Decimal | None:
    for figure in reversed(figures):
        if role_of(figure) == role:
            return figure.in_yuan()
    return None


def _whole_after_its_parts(name: str, clause: str, execution_base: str) -> int | None:
    """Where a “其中” list starts when the rate after it is the whole's: the list names two or more amounts and gives
    no operands of the rate of its own, or names one amount of the kind of the amount right before it (“实际支出460万元，其中：设备购置支出300万元、安装调试支出160万元，预算执行率
    为92%”); None when the rate can be the part's (“其中一期预算120万元，支出96万元，执行率80%”)."""
    start = clause.rfind("其中")
    if start < 0:
        return None
    parts = [f for f in extract_figures(clause[start + 2 :]) if f.kind == "amount"]
    if len(parts) == 1:  # “实际支出1,124.33万元，其中支付设备尾款86.20万元，预算执行率89.23%”: one part of the amount before
        wholes = [f for f in extract_figures(clause[:start]) if f.kind == "amount"]
        role = role_of(parts[0])
        return start if wholes and role in ("spent", "received") and role_of(wholes[-1]) == role else None
    if len(parts) < 2 or _operands(name, parts, execution_base) is not None:
        return None
    if _spending(name) and _budget(parts) and _last(parts, "spent") is not None:
        return None
    return start


def _operands(name: str, before: list[Figure], execution_base: str, on_contract: bool = False):
    """(ratio, formula) for a named rate from the money figures before it, or None (``on_contract``: a 审计控制率 the
    report says is on the 合同 amount, never on the 送审 one)."""
    budget, received, spent = _budget(before), _last(before, "received"), _last(before, "spent")
    if received is None and budget and any(RECEIVED_IN_FULL.match(f.source, f.end) for f in before if role_of(f) == "budget"):
        received = budget  # “项目预算1,260万元，全部到位，……”
    if budget and received is not None and budget > received and _carried_over(before) == budget - received \
            and _available_named(before):  # fmt: skip
        received = budget  # “下达4,860万元，加上年结转312.45万元，可用资金5,172.45万元”: the 结转 is at hand too
    if "到位率" in name and budget and received is not None:
        return received / budget, "实际到位 ÷ 预算", None
    if _spending(name) and spent is not None:
        main, other = (received, budget) if execution_base == "到位" else (budget, received)
        labels = ("实际到位", "预算") if execution_base == "到位" else ("预算", "实际到位")
        paid = "实际发放" if "发放" in name or "兑付" in name else "实际支出"
        if main:
            return spent / main, f"{paid} ÷ {labels[0]}", (spent / other, labels[1]) if other else None
        return None
    contract = _last(before, "contract")
    if "节约率" in name and budget and spent is not None and not (contract is not None and _later(before, "contract", "spent")):
        return (budget - spent) / budget, "（预算 − 实际支出）÷ 预算", None
    if "节约率" in name and budget and contract is not None:  # “设备采购预算1,980.00万元，中标金额1,852.36万元”
        return (budget - contract) / budget, "（预算 − 中标/合同金额）÷ 预算", None
    primary = [(ratio, formula) for ratio, formula, recomputed_on in _audit_readings(name, before, on_contract) if recomputed_on]
    return (*primary[0], None) if primary else None


CARRIED_IN = re.compile(r"(?:上年|上一年度?|以前年度|往年)(?:度)?结转")  # brought in from before (not “结转下年”)


def _holds_before_the_adjusted(statement, before: list[Figure], a: Analysis) -> bool:
    """The rate recomputes on the budget before its changes plus them, leaving out a stated “全年/调整后预算” that
    does not add up (CT702 reports that sum)."""
    stated = [f for f in before if role_of(f) == "budget" and ADJUSTED_NAME.search(clause_before(f.source, f.start))]
    if not stated or not any(role_of(f) in ("increase", "decrease") for f in before):
        return False
    result = _own_operands(statement.name, [f for f in before if f not in stated], a.execution_base)
    return result is not None and percent_matches(statement.value, result[0], a.tolerance)


PARTS_START = re.compile(r"[，,：:\s]*(?:其中|包括)")


def _holds_on_its_parts(statement, before: list[Figure], a: Analysis) -> bool:
    """The rate recomputes when an amount is replaced by the sum of the parts its sentence lists right after it
    (“预算总额1,806.00万元，其中：中央900.00万元，省级500.00万元，县级460.00万元”: the rate holds on 1,860; CT702
    reports the 1,806)."""
    for index, whole in enumerate(before):
        if role_of(whole) is None:
            continue
        offset, sentence = next(((start, s) for start, end, s in sentences(whole.source) if start <= whole.start < end),
                                (-1, ""))  # fmt: skip
        if not PARTS_START.match(whole.source, whole.end) or offset < 0:
            continue
        parts = [f for f in extract_figures(sentence) if offset + f.start > whole.end and f.unit == whole.unit]
        total = sum((f.value for f in parts), Decimal(0))
        if len(parts) < 2 or total == whole.value:
            continue
        mended = [*before[:index], dataclasses.replace(whole, value=total), *before[index + 1 :]]
        result = _own_operands(statement.name, mended, a.execution_base)
        if result is not None and percent_matches(statement.value, result[0], a.tolerance):
            return True
    return False


NO_RECEIVED = "（同段未写到位数）"


PAID_CONTRACTS = re.compile(r"(?:支付|拨付)(?:了)?(?:各项|全部)?合同")  # “累计支付合同款724.76万元”: the project's spending


def _contracts_of_the_project(name: str, clause: str) -> bool:
    """The contracts its sentence names are the project's whole: the contracts a 节约率 sets against the budget
    (“合同金额合计857.90万元，较预算节约42.10万元，节约率4.68%”), or the contract payments a 执行率 takes as spent
    (“累计支付合同款724.76万元，预算执行率80.53%”); no other part (监理, 一期, 其中…) is named."""
    marks = {m.group(0) for m in PART_MARK.finditer(clause)}
    if marks != {"合同"}:
        return False
    if "节约" in name:
        return True
    return _spending(name) and all(PAID_CONTRACTS.search(clause, max(0, m.start() - 6), m.end())
                                   for m in re.finditer("合同", clause))  # fmt: skip


PART_RECEIVED = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:资金|经费|补助|拨款))(?:已|已经)?(?:全部|实际)?(?:拨付)?到位$")


def _a_parts_received_rate(text: str, start: int) -> tuple[Decimal, str, None] | None:
    """A 到位率 right after one source's received amount (“县级配套资金到位2,720.00万元，到位率80%”), on that source's
    own budget stated earlier in the paragraph (“其中……县级配套资金3,400.00万元”)."""
    head = sentence_head(text, start)
    amounts = [f for f in extract_figures(head) if f.kind == "amount"]
    if not amounts:
        return None
    received = amounts[-1]
    named = PART_RECEIVED.search(clause_before(received.source, received.start))
    if named is None or received.source[received.end : len(head)].strip("，, ") != "":
        return None  # (the rate must follow the amount: “……到位2,720.00万元，到位率”)
    name = named.group(1)
    earlier = text[: start - len(head)]
    budgets = [f for f in extract_figures(earlier) if f.kind == "amount" and clause_before(f.source, f.start).endswith(name)]
    if len(budgets) != 1 or not budgets[0].in_yuan() or received.in_yuan() is None or _listed_off(budgets[0]):
        return None
    return received.in_yuan() / budgets[0].in_yuan(), f"{name}到位 ÷ {name}预算", None


def _listed_off(part: Figure) -> bool:
    """The amount is one of the parts a 其中 list gives its whole, and the parts do not add up to it: which part is off
    is not known (CT702 reports the sum)."""
    offset, sentence = next(((start, s) for start, end, s in sentences(part.source) if start <= part.start < end), (-1, ""))
    among = sentence.find("其中")
    if offset < 0 or among < 0 or offset + among > part.start:
        return False
    wholes = [f for f in extract_figures(sentence[:among]) if f.unit == part.unit]
    parts = [f for f in extract_figures(sentence[among:]) if f.unit == part.unit]
    return bool(wholes) and len(parts) >= 2 and sum((f.value for f in parts), Decimal(0)) != wholes[-1].value


def _own_operands(name: str, before: list[Figure], execution_base: str, on_contract: bool = False):
    """:func:`_operands`, or for a spending rate with no 到位 amount among the figures, the spending on the budget
    (“一期尾款预算120万元，实际支出96万元，执行率80%”: the paragraph's own figures, on its budget)."""
    result = _operands(name, before, execution_base, on_contract)
    if result is None and _spending(name) and _budget(before) and _last(before, "spent") is not None:
        result = _last(before, "spent") / _budget(before), f"实际支出 ÷ 预算{NO_RECEIVED}", None
    return result


def _carried_over(before: list[Figure]) -> Decimal:
    """The amounts brought in from earlier years (上年结转) stated among a rate's figures (in 元)."""
    return sum((f.in_yuan() or Decimal(0) for f in before if CARRIED_IN.search(clause_before(f.source, f.start))),
               Decimal(0))  # fmt: skip


def _holds_with_the_carry_in(statement, before: list[Figure], a: Analysis) -> bool:
    """A spending rate that holds on the budget plus the carry-in named beside it (the funds at hand in all)."""
    carried, budget, spent = _carried_over(before), _budget(before), _last(before, "spent")
    return bool(_spending(statement.name) and carried and budget and spent is not None
                and percent_matches(statement.value, spent / (budget + carried), a.tolerance))  # fmt: skip


AVAILABLE = re.compile(r"可用|合计|共计|总计|累计可")


def _available_named(before: list[Figure]) -> bool:
    """Whether the budget the rate is taken on is named as the funds at hand in all (可用资金, 合计, 共计)."""
    budgets = [f for f in before if role_of(f) == "budget"]
    return bool(budgets) and AVAILABLE.search(clause_before(budgets[-1].source, budgets[-1].start)) is not None


def _audit_readings(name: str, before: list[Figure], on_contract: bool = False) -> list[tuple[Decimal, str, bool]]:
    """(ratio, formula, whether a rate is recomputed on it) of every way the report's figures give a 核减率 (核减 ÷ 送审,
    （送审 − 审定）÷ 送审) or 审计控制率, in order of preference: when they disagree, an amount is wrong, not necessarily
    the rate (a rate any of them gives stands)."""
    submitted, cut, approved = _last(before, "submitted"), _last(before, "cut"), _last(before, "approved")
    contract = _last(before, "contract") or (None if on_contract else submitted)
    out: list[tuple[Decimal, str, bool]] = []
    if "核减率" in name and submitted:
        out += [(cut / submitted, "核减金额 ÷ 送审金额", True)] if cut is not None else []
        out += [((submitted - approved) / submitted, "（送审 − 审定）÷ 送审", True)] if approved is not None else []
    if "审计控制率" in name and contract:
        out += [((contract - approved) / contract, "（合同金额 − 审计金额）÷ 合同金额", True)] if approved is not None else []
        out += [(cut / contract, "核减金额 ÷ 合同金额", False)] if cut is not None else []
    return out


MONEY_RATE = re.compile(r"(?:投资|资金|支出|预算|金额)$")  # “投资完成率”: a rate of amounts, not of counts


PLAN_TOTAL = re.compile(r"合计|共计|总计|累计")
DUE = re.compile(r"应(?!当|急|用|对)[\u4e00-\u9fff]{0,4}$")  # “全年应巡检52次”: what was due, the plan
FREQUENCY = re.compile(r"每(?:周|月|日|天|年|季度?|半年|旬)[\u4e00-\u9fff]{0,4}$")  # “每周巡检1次”: how often, not how many
BEYOND = re.compile(r"超额|超出|超过|多完成|未完成|差额")  # “超额完成60座”: the difference, not what was done


LOOK_BACK = 6  # paragraphs before a 完成率 searched for its plan
_SUBJECT_NOISE = re.compile(r"计划|实际|完成|全年|年度|项目|累计|共|应|已")


def _completion_on_an_earlier_plan(a: Analysis, paragraph, start: int) -> Decimal | None:
    """完成率 whose paragraph gives only what was done (“实际完成演出126场，……完成率105.00%”), on the plan a paragraph
    shortly before gives for the same thing in the same unit (“全年计划演出120场”), within the same part."""
    figures = extract_figures(paragraph.text[:start])
    actual = next((f for f in figures if _ACTUAL.search(f.subject) and f.unit and f.unit != "%" and f.kind != "amount"
                   and not BEYOND.search(f.subject)), None)  # fmt: skip
    if actual is None or approximate(actual) or any(_PLANNED.search(f.subject) for f in figures):
        return None
    words = character_pairs(_SUBJECT_NOISE.sub("", actual.subject))
    earlier = a.paragraphs_before(paragraph, LOOK_BACK)
    for before in reversed(earlier):
        plans = [f for f in extract_figures(before.text) if _PLANNED.search(f.subject) and f.unit == actual.unit
                 and f.kind == actual.kind and not approximate(f) and not FREQUENCY.search(f.subject)]  # fmt: skip
        plans = [f for f in plans if words & character_pairs(_SUBJECT_NOISE.sub("", f.subject))]
        if plans:
            return actual.value / plans[0].value if plans[0].value else None
    return None


def _completion(figures: list[Figure], money: bool) -> Decimal | None:
    """完成率 = 实际 ÷ 计划, from a planned and an actual count with the same unit before the rate (amounts for a
    “投资完成率”); an actual amount listed under “其中” is a part's; planned items added up (“计划铺设雨水管网18.4公里、
    污水管网15.2公里，合计33.6公里”) are planned in all by their 合计, and items done by theirs."""
    kind = "amount" if money else "measure"
    plan = next((f for f in reversed(figures) if (_PLANNED.search(f.subject) or DUE.search(f.subject)) and f.unit
                 and f.kind == kind and not FREQUENCY.search(f.subject)), None)  # fmt: skip
    if plan is None or not plan.value:
        return None
    actual = next((f for f in reversed(figures) if f.start > plan.start and _ACTUAL.search(f.subject)
                   and not BEYOND.search(f.subject) and (f.unit == plan.unit or f.kind == plan.kind == "amount")
                   and "其中" not in f.source[plan.end : f.start]), None)  # fmt: skip
    if actual is None:
        return None
    plan = next((f for f in reversed(figures) if plan.start < f.start < actual.start and f.unit == plan.unit
                 and PLAN_TOTAL.search(f.source[max(0, f.start - 4) : f.start])), plan)  # fmt: skip
    actual = next((f for f in figures if f.start > actual.start and f.unit == actual.unit
                   and PLAN_TOTAL.search(f.source[max(0, f.start - 4) : f.start])), actual)  # fmt: skip  # (done items' 合计)
    if approximate(actual) or approximate(plan):
        return None
    if plan.kind == "amount":
        return actual.in_yuan() / plan.in_yuan()
    return actual.value / plan.value


SHARES = {"合格率": ("合格", "合格数 ÷ 检查（抽查、验收、考核）总数"), "达标率": ("达标", "达标数 ÷ 总数"),
          "回收率": ("回收", "回收数 ÷ 发放数"), "及时率": ("及时", "按时（规定时限内）完成数 ÷ 总数"),
          "有效率": ("有效", "有效数 ÷ 回收（发放）数"), "满意率": ("满意", "满意数 ÷ 有效问卷（受访）数"),
          "不满意率": ("不满意", "不满意数 ÷ 有效问卷（受访）数"), "成功率": ("成功", "成功数 ÷ 受理（总）数")}  # fmt: skip
# “非常满意率”, “基本满意率”: a share of one grade of a survey, not read
GRADE_OF_SHARE = re.compile(r"(?:非常|基本|比较|很)$")
GRADES_ABOVE_COUNTED = {"满意"}  # (the grades above the plain one are in its share)
# the words that name the part a share counts (“在规定时限内修复33次” is a 及时率's part)
PART_WORDS = {"及时": r"及时|按时|按期|如期|规定时限内|规定时间内|时限内|按计划(?:时间|进度|节点)", "回收": r"回收|收回",
              "达标": r"达标|合格", "合格": r"合格|达标"}  # (“抽检80处，合格74处，达标率92.50%”)
WHOLE_COUNT = re.compile(r"共|合计|总|检查|抽查|抽检|检测|发放|验收|调查|评估|监测|考核|考试|参加|参训|发生|受理|接到|收到"
                         r"|应|计划|列入|纳入|回收|收回|有效|受访|送审|送检|申报|报送")  # (“全年应拨付12批次，按时拨付11批次”, “计划活动194场，按计划时间开展186场”)
WHOLE_BEFORE_ITS_PART = re.compile(r"[\u4e00-\u9fff]{0,8}中")  # “10处单项工程中按时完工9处”


def _share(name: str, head: str, previous: str = "", all_grades: bool = False) -> list[Decimal]:
    """The readings of a 合格率/达标率/回收率 (the part its word names ÷ the whole counted before it, in the same unit)
    from the rate's sentence so far: “共检查项目点位35个，其中合格30个，不合格5个，合格率85.71%”, “共发放问卷200份，
    回收有效问卷180份，回收率90%”. With more grades than two (优秀、合格、基本合格、不合格) the rate may count the plain
    合格 only, the grades up to each, or all but the failed: any of them may be meant (``all_grades``: the rate says
    it counts them all, “满意度（含基本满意）”). The whole may be in the ``previous`` sentence of the paragraph (“……回收582份，
    回收率97.00%；其中有效问卷565份，有效率97.08%”). Empty when the sentence does not give a part and a whole."""
    root = SHARES[name][0]
    head = SURVEY_NAME.sub(lambda m: "＿" * len(m.group(0)), head)  # (“满意度调查问卷400份” counts questionnaires)
    previous = SURVEY_NAME.sub(lambda m: "＿" * len(m.group(0)), previous)
    named = re.compile(PART_WORDS.get(root, root))
    cut = head.rfind("率") + 1  # after an earlier rate of the sentence, the figures are this one's
    figures = [f for f in extract_figures(head) if f.start >= cut and f.unit not in (None, "%", "分") and f.kind != "amount"]
    negated = re.compile(rf"[不未非](?:{named.pattern})|超(?:过|出)?(?:规定)?时限")
    # “147份合格”: the word after the count (not for 达标: “断面10个，其中8个达标，达标率90%” may be by samples over time)
    after = root != "达标"
    parts = [f for f in figures if (named.search(c := clause_before(head, f.start)) or PASSED_ABOVE.search(c)
                                    or after and named.match(head, f.end)) and not negated.search(c)]  # fmt: skip
    if not parts and re.search(rf"(?:全部|均|全数|一次性全部)(?:验收|检测|检查)?{root}", head[cut:]):
        return [Decimal(1)]  # “建设内容全部验收合格，验收合格率100%”
    if not parts or any(approximate(f) for f in parts):
        return []
    whole = next((f for f in reversed(figures) if f.start < parts[0].start and f.unit == parts[0].unit
                  and (WHOLE_COUNT.search(clause_before(head, f.start)) or WHOLE_BEFORE_ITS_PART.match(head, f.end))
                  and not named.search(clause_before(head, f.start))), None)  # fmt: skip
    alike = [f for f in figures if f.start < parts[0].start and f.unit == parts[0].unit]
    if whole is None and len(alike) == 1 and WHOLE_COUNT.search(head[alike[0].end : parts[0].start]):
        whole = alike[0]  # “46所学校改造工程首次验收合格44所”: the one count before, then the check that passed part
    whole_at = whole.start if whole is not None else -1  # (-1: before the head)
    if whole is None and not alike:  # the whole before an earlier rate, or in the sentence before
        earlier = previous + head[:cut]
        whole = next((f for f in reversed(extract_figures(earlier)) if f.unit == parts[0].unit and f.kind != "amount"
                      and WHOLE_COUNT.search(c := clause_before(earlier, f.start)) and not named.search(c)), None)  # fmt: skip
    if whole is None or not whole.value or approximate(whole):
        return []
    parts = [f for f in parts if f.start > whole_at and f.unit == whole.unit]
    failed = [f for f in figures if f.start > whole_at and f.unit == whole.unit and negated.search(clause_before(head, f.start))]
    plain = [f for f in parts if (clause_before(head, f.start).endswith(root) or after and head.startswith(root, f.end))
             and not GRADE_OF_SHARE.search(clause_before(head, f.start).removesuffix(root))]  # fmt: skip
    if all_grades:
        readings = [sum((f.value for f in parts), Decimal(0)) / whole.value]
    elif root in GRADES_ABOVE_COUNTED and plain:  # “非常满意120人、满意50人”: a 满意率 counts both
        readings = [sum((f.value for f in parts if f.start <= plain[0].start), Decimal(0)) / whole.value]
    else:
        readings = [f.value / whole.value for f in plain[:1]]
    readings += [sum((f.value for f in parts[: i + 1]), Decimal(0)) / whole.value for i in range(len(parts))
                 if any(named.search(clause_before(head, f.start)) or after and named.match(head, f.end) for f in parts[: i + 1])]  # fmt: skip
    # (优秀 alone is no reading)
    if failed:
        readings.append((whole.value - sum((f.value for f in failed), Decimal(0))) / whole.value)
    return readings


SURVEY_NAME = re.compile(r"满意度?(?:调查|测评|问卷|评价)")  # the survey's name, not a count of the satisfied
PASSED_ABOVE = re.compile(r"优秀|优良|良好")  # grades above 合格, counted in a 合格率 by some


def _swapped_count(statement, head: str, tolerance: Decimal) -> tuple[str, str] | None:
    """(the count as written, mended) of the one count of a share's sentence whose two neighbouring digits, put the
    other way round, make the share recompute as written."""
    found = []
    for figure in extract_figures(head):
        if not figure.unit or figure.unit in ("%", "分") or figure.kind == "amount":
            continue
        digits = head[figure.start : figure.end]
        for fixed in neighbour_swaps(digits):
            readings = _share(statement.name, head[: figure.start] + fixed + head[figure.end :])
            if any(percent_matches(statement.value, r, tolerance) for r in readings):
                found.append((digits.strip(), fixed.strip()))
    return found[0] if len(found) == 1 else None


def _score_rate(head: str) -> Decimal | None:
    """得分 ÷ 权重 for the rate at the end of ``head`` (its sentence so far): the first weight and the last score
    since the previous 得分率 (“决策…得分率85%，过程指标权重20分，得分18分，得分率90%”; a weight listed under 其中 is
    a part's)."""
    head = head[head.rfind("得分率") + 3 :] if "得分率" in head else head
    weight = _WEIGHT_IN_SENTENCE.search(head)
    scores = list(_SCORE_IN_SENTENCE.finditer(head))
    score = scores[-1] if scores else None
    if weight and score and Decimal(weight.group(1)):
        return Decimal(score.group(1)) / Decimal(weight.group(1))
    return None


def _holds_on_the_tables_score(a: Analysis, paragraph, start: int, rate: Decimal) -> bool:
    """Whether a 一级's 得分率 holds on the score the report's tables give that 一级 (the prose's score is the slip)."""
    for statement in a.level1_prose:
        weight = statement.extra.get("weight")
        if statement.extra.get("paragraph") is not paragraph or statement.extra.get("start", 0) > start or not weight:
            continue
        scores = [row.score for row, _ in a.overview_rows() if row.labels and same_level1(level1_name(row), statement.name)]
        scores += [s for name, (_, s, _) in a.table_level1_sums.items() if same_level1(name, statement.name)]
        if any(score is not None and percent_matches(rate, score / weight, a.tolerance) for score in scores):
            return True
    return False


# “=288万元÷320万元×100%=”, “=300÷320×100%=”: the division a rate's own formula writes out
FORMULA_QUOTIENT = re.compile(r"[=＝]\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|亿元)?\s*[÷/]\s*(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|亿元)?")


def _formula_quotient(written: str) -> tuple[Decimal, str] | None:
    """The quotient of the numbers a rate's formula divides, and the division as written; None without one."""
    match = FORMULA_QUOTIENT.search(written)
    if match is None:
        return None
    a, b = (Decimal(match.group(k).replace(",", "")) for k in ("a", "b"))
    return (a / b, f"{match.group('a')}÷{match.group('b')}") if b else None


UNIT_FACTORS = (Decimal(10000), Decimal(1000), Decimal(100000000), Decimal(10))  # 万元/元, 千元/元, 亿元/元, 千元/万元


def _unit_factor(stated: Decimal, ratio: Decimal, tolerance: Decimal) -> int | None:
    """The factor between two money units that makes the recomputed rate the stated one (an amount written in 万元
    that is in 元), None when none does."""
    for factor in UNIT_FACTORS:
        for scaled in (ratio / factor, ratio * factor):
            if percent_matches(stated, scaled, tolerance):
                return int(factor)
    return None


def _odd_unit(a: Analysis, head: str) -> tuple[Figure, str] | None:
    """(the amount, its likelier unit) of the one amount of a rate's sentence written in a unit far from the size of the
    report's amounts, if exactly one is."""
    odd = [(f, unit) for f in extract_figures(head) if f.kind == "amount" and (unit := a.likelier_unit(f)) is not None]
    return odd[0] if len(odd) == 1 else None


@dataclasses.dataclass(frozen=True)
class TakenOn:
    """How a funding rate is recomputed from the amounts of its paragraph: on them alone, or after the ``context`` of
    the paragraphs before."""

    name: str
    execution_base: str
    on_contract: bool
    context: tuple | list = ()

    def __call__(self, amounts: list[Figure]):
        if self.context:
            return _operands(self.name, [*self.context, *amounts], self.execution_base, self.on_contract)
        return _own_operands(self.name, amounts, self.execution_base, self.on_contract)

    def mended(self, mended: dict[Decimal, Decimal]) -> TakenOn:
        return dataclasses.replace(self, context=_mend(list(self.context), mended))


def _mend(figures: list[Figure], mended: dict[Decimal, Decimal]) -> list[Figure]:
    """The figures with the amounts named as mistyped (in 元 → what they should be, in 元) put right."""
    return [dataclasses.replace(f, value=mended[f.in_yuan()] / MONEY_UNITS[f.unit]) if f.in_yuan() in mended else f
            for f in figures]  # fmt: skip


def _holds(statement, taken_on: TakenOn, amounts: list[Figure], a: Analysis) -> bool:
    result = taken_on(amounts)
    return result is not None and percent_matches(statement.value, result[0], a.tolerance)


COARSE_DIGITS = 3  # an amount written to this many significant digits or fewer is a rounded one (“1.28亿元”)


def _within_rounding(statement, taken_on: TakenOn, before: list[Figure], a: Analysis) -> bool:
    """Whether the rate lies between the rates its coarse amounts give at either end of their rounding (1.28亿元 is
    1.275 to 1.285亿元)."""
    coarse = [i for i, f in enumerate(before) if len(f.value.as_tuple().digits) <= COARSE_DIGITS]  # (as written: 520.00 is not)
    if not coarse or len(coarse) > 4:
        return False
    readings = []
    for ends in itertools.product((-1, 1), repeat=len(coarse)):
        mended = list(before)
        for i, end in zip(coarse, ends, strict=True):
            mended[i] = dataclasses.replace(before[i], value=before[i].value + end * rounding_half(before[i].value))
        result = taken_on(mended)
        if result is None:
            return False
        readings.append(result[0] * 100)
    return min(readings) - a.tolerance <= statement.value <= max(readings) + a.tolerance


def _swapped_amount(statement, taken_on: TakenOn, before: list[Figure], counts: Counter, a: Analysis):
    """(the amount, as it should read, its value) of the one amount of the rate's paragraph whose two neighbouring
    digits put back make the rate recompute as written. When two do (“预算5290000元，到位5920000元，到位率100%”: either
    may be the other mistyped), the one whose mended value the report writes elsewhere and whose written one it does
    not (5920000 is written again later, 5290000 never). An amount written only here may also be one digit off a value
    the report writes elsewhere (“预算699.00万元” where the table and the other sentences give 669.00)."""
    found = []
    for i, figure in enumerate(before):
        text, factor = figure.text.strip(), MONEY_UNITS.get(figure.unit, Decimal(1))
        number = text[: len(text) - len(figure.unit or "")]
        values = [(fixed, parse_number(fixed[: len(number)]), True) for fixed in neighbour_swaps(text)]
        if counts[figure.in_yuan()] == 1:  # written here only: a value one digit off that the report writes elsewhere
            values += [(written_like(other / factor, number) + (figure.unit or ""), other / factor, False)
                       for other in counts if other and one_keystroke_apart(figure.value, other / factor)
                       and not digits_swapped(figure.value, other / factor)]  # fmt: skip
        for fixed, value, swap in values:
            if not value or not _holds(statement, taken_on, [*before[:i], dataclasses.replace(figure, value=value), *before[i + 1 :]], a):
                continue
            found.append((counts[value * factor] - counts[figure.in_yuan()] + 1, figure, fixed, value, swap))
    found.sort(key=lambda item: -item[0])
    if not found or len(found) > 1 and found[0][0] == found[1][0] or not found[0][4] and found[0][0] < 1:
        return None
    return found[0][1:]


def _holds_in_its_unit(statement, odd: tuple[Figure, str], taken_on: TakenOn, before: list[Figure], a: Analysis) -> bool:
    """Whether a rate recomputes as written once the odd amount of its sentence is in its likelier unit (“中标金额
    483.86元，节约36.14万元，节约率6.95%”: on 483.86万元)."""
    amount, unit = odd
    mended = [dataclasses.replace(f, unit=unit) if f.value == amount.value and f.unit == amount.unit else f for f in before]
    return _holds(statement, taken_on, mended, a)


_UNIT_SWAP = {"元": "万元", "万元": "元", "亿元": "万元"}  # a unit typed for its neighbour, 10,000 apart


def _unit_swaps(statement, taken_on: TakenOn | None, head: str, before: list[Figure], a: Analysis) -> list[tuple[Figure, str]]:
    """(amount, unit) of each amount of a rate's sentence whose unit, put 10,000 times larger or smaller, makes the rate
    recompute as written, in the order written."""
    if taken_on is None:
        return []
    swaps = []
    for figure in extract_figures(head):
        unit = _UNIT_SWAP.get(figure.unit) if figure.kind == "amount" else None
        if unit is None or any(f.value == figure.value and f.unit == figure.unit for f, _ in swaps):
            continue
        mended = [dataclasses.replace(f, unit=unit) if f.value == figure.value and f.unit == figure.unit else f for f in before]
        if _holds(statement, taken_on, mended, a):
            swaps.append((figure, unit))
    return swaps


MONEY_RATE_KINDS = ("到位", "执行", "支出", "支付", "发放", "兑付", "节约", "核减", "审减", "审计控制", "投资")


def _scale_note(stated: Decimal, ratio: Decimal, name: str) -> str:
    """A hint when the recomputed rate is off by orders of magnitude: for a rate of amounts, an amount's unit
    (元/万元) is wrong, not the rate; for a rate of counts, a count the rate is not taken on may have been read."""
    if not stated or not ratio:
        return ""
    factor = ratio * 100 / stated
    if Decimal("0.02") < factor < 50:
        return ""
    if any(kind in name for kind in MONEY_RATE_KINDS):
        return "；两者相差数十倍以上，多为所用金额的单位（元/万元）写错，请先核对金额单位"
    return "；两者相差数十倍以上，请核对句中的数字（单位、数量级）"


def _confirmed_by_data(a: Analysis, statement) -> bool:
    """With --data: the stated 到位率/执行率 is the project's own (so the report's amounts, not the rate, are off)."""
    if a.data is None:
        return False
    rate = a.data.received_rate if "到位率" in statement.name else a.data.execution_rate if "执行率" in statement.name else None
    return rate is not None and percent_matches(statement.value, rate, a.tolerance)


def _declared_base(a: Analysis, text: str, start: int) -> str | None:
    """The base of the 预算执行率 the report says it takes: in the rate's own sentence (“按实际支出÷年度预算计算”,
    “预算执行率（实际支出÷预算）”), else in a sentence of the report defining the rate."""
    own = DECLARED_BASE.search(sentence_at(text, start))
    if own is not None:
        return own.group("base")
    return a.declared_execution_base


def _rate_of_the_rows(a: Analysis, table, row) -> bool:
    """A 合计 row's 得分率 that holds for the sum of the rows above, where the 合计's score is what does not add up
    (TT201 names it)."""
    if not row.is_total or not row.weight:
        return False
    return any(m.row == row.row and m.col == table.score_col and percent_matches(row.rate, m.computed / row.weight, a.tolerance)
               for m in a.total_mismatches(table.table))  # fmt: skip


def _rate_of_the_data(a: Analysis, row) -> bool:
    """With --data: a score table's 得分率 that is the data's for its indicator (the row's score, not its rate, is
    off: SC104 names it)."""
    if a.data is None:
        return False
    code, name = row_code_and_name(row)
    node = a.data.find_indicator(code or name) or (a.data.find_indicator(name) if code else None)
    return node is not None and bool(node.total_weight) and \
        percent_matches(row.rate, node.total_score / node.total_weight, a.tolerance)  # fmt: skip


RATE_KINDS = ("到位", "执行", "支出", "支付", "发放", "兑付", "节约", "核减", "审计控制", "完成", "得分", "合格", "达标", "回收")


def _spending(name: str) -> bool:
    """执行率 and the rates taken like it: 发放率 (实际发放 ÷ 下达), 兑付率, 支出率, 支付率."""
    return "执行率" in name or "发放率" in name or "兑付率" in name or "支出率" in name or "支付率" in name


def _kind(name: str) -> str:
    return next((kind for kind in RATE_KINDS if kind in name), name)


def _since_the_last_alike(a: Analysis) -> dict[int, int]:
    """id(statement) → where the previous rate of its kind in its paragraph ends: the figures before that belong to
    that rate (“……预算执行率95.46%，其中云资源租赁费执行率为91.88%” is another thing's rate)."""
    out: dict[int, int] = {}
    last: dict[tuple[int, str], int] = {}
    for statement in a.rate_statements:
        if "ratio" in statement.extra:
            continue
        key = (id(statement.extra["paragraph"]), _kind(statement.name))
        if key in last:
            out[id(statement)] = last[key]
        last[key] = statement.extra["start"] + len(statement.extra.get("written", ""))
    return out


# the words before a rate that name the project as a whole (“截至年底，项目资金到位率为90%”): only such a rate is the
# one the report's information table gives
PROJECT_ONLY = re.compile(r"(?:^|[，,：:])\s*(?:\d{4}年度?)?(?:该|本)?(?:项目)?(?:整体|总体|全年|年度|当年)?(?:的)?(?:财政)?(?:资金|预算)?$")
# a source or share of the funds named anywhere in the sentence (“市级补助资金已全部拨付，到位率100%”): that part's rate
NAMED_SOURCE = re.compile(r"(?:中央|省|市|区|县|乡|镇|本|上)级|配套|补助|奖补|专项|自筹|债券|转移支付|社会资本|银行贷款")
AS_OF = re.compile(r"(?:截至|截止)[^，,。；;]*")
YEAR_END = re.compile(r"年底|年末|12月31日|12月底")


def _of_the_year(clause: str) -> bool:
    """The rate is the year's (what an information table gives), not one “截至2024年6月30日” or “截至评价时点”."""
    as_of = AS_OF.search(clause)
    return as_of is None or bool(YEAR_END.search(as_of.group(0)))


def _from_information(name: str, stated: Decimal, info: InformationAmounts, a: Analysis):
    """(ratio, formula, alternative) for a 到位率/执行率 the prose states with no amounts around it, from the report's
    information table: a base the rate holds on is the one named; otherwise the first (an adjusted budget first)."""
    if "到位" in name and len(info.received) == 1:
        top, bases, other = info.received[0], info.budget, []
    elif _spending(name) and len(info.spent) == 1:
        top = info.spent[0]
        bases, other = (info.received, info.budget) if a.execution_base == "到位" else (info.budget, info.received)
    else:
        return None
    bases = sorted((b for b in bases if b[0]), key=lambda b: "调整" not in b[1])
    if not bases:
        return None
    base = next((b for b in bases if percent_matches(stated, top[0] / b[0], a.tolerance)), bases[0])
    alternative = next(((top[0] / b[0], b[1]) for b in other if b[0]), None)
    return top[0] / base[0], f"基本信息表中“{top[1]}”÷“{base[1]}”", alternative


def check(a: Analysis, rule: Rule):
    previous_alike = _since_the_last_alike(a)
    information = functools.cache(lambda: information_amounts(a.document.tables))  # read when first needed
    amount_counts = functools.cache(lambda: Counter(f.in_yuan() for _, figures in a.figures for f in figures if f.kind == "amount"))
    mended: dict[Decimal, Decimal] = {}  # amounts (in 元) named as mistyped, and what they should be
    for statement in a.rate_statements:
        paragraph, start = statement.extra["paragraph"], statement.extra["start"]
        before: list[Figure] = []  # (the amounts a funding rate is taken on)
        taken_on: TakenOn | None = None  # (how the rate is recomputed from its paragraph's amounts)
        quotient = _formula_quotient(statement.extra.get("written", ""))
        if quotient is not None and not percent_matches(statement.value, quotient[0], a.tolerance):
            yield rule.finding(
                f"{statement.extra['wording']}写{statement.value}%，但所列算式 {quotient[1]} = {percent_like(quotient[0], statement.value)}",
                statement.location, statement.excerpt, expected=percent_like(quotient[0], statement.value), found=f"{statement.value}%",
            )  # fmt: skip
            continue
        if "ratio" in statement.extra:  # “……得分率分别为85%、90%”: paired with the same sentence's lists
            ratio, formula, alternative = statement.extra["ratio"], "得分 ÷ 权重", None
        elif statement.name == "得分率":
            ratio, formula, alternative = _score_rate(sentence_head(paragraph.text, start)), "得分 ÷ 权重", None
            if ratio is None or not percent_matches(statement.value, ratio, a.tolerance) \
                    and _holds_on_the_tables_score(a, paragraph, start, statement.value):  # fmt: skip
                continue  # (“产出指标权重30分，得分25.5分，得分率81.67%”, the tables' 24.5: the score is the slip, TT202's)
        elif statement.name in SHARES:
            if GRADE_OF_SHARE.search(paragraph.text, 0, start):
                continue
            head = sentence_head(paragraph.text, start)
            previous = sentence_head(paragraph.text, max(0, start - len(head) - 1))
            all_grades = "含基本" in statement.extra.get("written", "")  # “满意度（含基本满意）为93.81%”
            readings = _share(statement.name, head, previous, all_grades)
            if not readings or any(percent_matches(statement.value, r, a.tolerance) for r in readings):
                continue
            swapped = _swapped_count(statement, head, a.tolerance)
            if swapped is not None:  # “回收528份，回收率97.00%”: the rate holds on 582, the count is the slip
                written, fixed = swapped
                yield rule.finding(
                    f"{statement.extra.get('wording', statement.name)}写{statement.value}%，按所写数字复算为"
                    f"{format_percent(readings[0])}；若“{written}”为"
                    f"“{fixed}”（两位数字对调），复算即与所写相符：多是这个数写错",
                    statement.location, statement.excerpt, expected=fixed, found=written,
                )  # fmt: skip
                continue
            others = list(dict.fromkeys(format_percent(r) for r in readings[1:] if format_percent(r) != format_percent(readings[0])))
            ratio, alternative = readings[0], None
            formula = SHARES[statement.name][1] + (f"；连同其他等次计为{'或'.join(others)}" if others else "")
        elif statement.name == "完成率":
            money = bool(MONEY_RATE.search(paragraph.text[max(0, start - 4) : start]))
            ratio, formula, alternative = _completion(extract_figures(paragraph.text[:start]), money), "实际完成 ÷ 计划", None
            if ratio is None and not money:
                ratio, formula = _completion_on_an_earlier_plan(a, paragraph, start), "实际完成 ÷ 前文所写计划"
            if ratio is None:
                continue
        else:
            head = paragraph.text[:start]
            clause = sentence_head(paragraph.text, start)
            if OTHER_PERIOD.search(CARRIED_IN.sub("", clause)):
                continue  # “上年同期该项目预算执行率为85.6%”: an earlier year's rate (“上年结转286.40万元” is this year's funds)
            own_base = paragraph.text.replace("合同", "\u3000\u3000") if "审计控制" in statement.name else paragraph.text
            part = about_a_part(own_base, start) and not _contracts_of_the_project(statement.name, clause) \
                or a.names_another_year(clause) or bool(QUALIFIED_RATE.search(paragraph.text[max(0, start - 6) : start]))  # fmt: skip
            # (a 审计控制率 is on the 合同 by itself; “市级资金到位率” is the 市级 funds' own)
            listed = _whole_after_its_parts(statement.name, clause, a.execution_base)
            if listed is not None:  # “支出460万元，其中：设备300万元、安装160万元，预算执行率92%”: the whole's rate
                head = clause[:listed] if part else paragraph.text[: start - len(clause) + listed]
                part = False
            elif part:  # “其中一期尾款预算120万元…执行率80%”, “2022年该项目预算执行率为90%”: on that sentence's own figures only
                head = clause
            alike = previous_alike.get(id(statement))
            if alike is not None and alike > start - len(head):  # only the figures stated since the last rate like it
                head, part = paragraph.text[alike:start], True
            own = PART_WORDS_IN_ITS_SENTENCE.sub(lambda m: "\u3000" * len(m.group()), head) if part else head
            # (a part's sentence: its figures are its own, “市级财政资金预算600万元，实际到位540万元，市级资金到位率90%”)
            before = [f for f in extract_figures(own) if f.kind == "amount" and not in_parentheses(own, f.start)]
            on_contract = "审计控制" in statement.name and "合同" in clause  # “按合同价计算，审计控制率1.43%”: not on 送审
            result = _own_operands(statement.name, before, a.execution_base, on_contract)
            if result is None and statement.name == "到位率" and not re.search(r"项目|整体|总体|全部", paragraph.text[max(0, start - 4) : start]):
                result = _a_parts_received_rate(paragraph.text, start)  # (a bare “到位率” right after one source's)
            if result is None and part:
                continue
            if result is None:
                earlier = a.preceding_paragraphs(paragraph, 3)
                context = [f for p in earlier for f in extract_figures(p.text) if f.kind == "amount"
                           and not in_parentheses(p.text, f.start) and not about_a_part(p.text, f.start)]  # fmt: skip
                # (“其中县级配套资金预算2,520万元，实际到位2,016万元”: a part's, not the project's)
                result = _operands(statement.name, context + before, a.execution_base, on_contract)
                taken_on = TakenOn(statement.name, a.execution_base, on_contract, context)
            else:
                taken_on = TakenOn(statement.name, a.execution_base, on_contract)
            if result is None and PROJECT_ONLY.search(clause) and _of_the_year(clause) and not NAMED_SOURCE.search(clause) \
                    and not about_a_part(paragraph.text, start):  # fmt: skip
                info = information()
                result = _from_information(statement.name, statement.value, info, a) if info else None
            if result is None:
                continue
            if any(approximate(f) for f in before) and not percent_matches(statement.value, result[0], a.tolerance):
                exact = _operands(statement.name, [f for f in before if not approximate(f)], a.execution_base)
                if exact is None or exact[0] != result[0]:
                    continue  # “实际支出近450万元”: an amount the rate is taken on is given only roughly
            ratio, formula, alternative = result
            declared = _declared_base(a, paragraph.text, start)
            if declared == "到位" and formula.endswith(NO_RECEIVED):
                continue  # “预算执行率（实际支出÷实际到位资金）”, the 到位 only in parts: not on the budget
            if alternative and declared is not None and alternative[1].endswith(declared):  # the report's own base
                ratio, formula, alternative = alternative[0], f"实际支出 ÷ {alternative[1]}，报告所写口径", None
            if any(percent_matches(statement.value, other, a.tolerance) for other, _, _ in _audit_readings(statement.name, before)):
                continue  # “送审…审定…核减334.24万元，核减率5.75%”: the rate holds by 送审/审定; CT702 says the 核减 is wrong
            if not percent_matches(statement.value, ratio, a.tolerance) and _holds_before_the_adjusted(statement, before, a):
                continue  # “年初300万元，追加20万元，全年预算302万元”: the rate holds on 320; CT702 says the 302 is wrong
            if not percent_matches(statement.value, ratio, a.tolerance) and _holds_on_its_parts(statement, before, a):
                continue  # “预算总额1,806万元，其中……”: the rate holds on the parts' sum; CT702 says the 1,806 is wrong
            if not percent_matches(statement.value, ratio, a.tolerance) and _holds_with_the_carry_in(statement, before, a):
                continue  # “项目预算6,000万元，上年结转286.40万元，实际支出5,900万元，执行率93.85%”: on all the funds at hand
        if percent_matches(statement.value, ratio, a.tolerance):
            continue
        if _confirmed_by_data(a, statement):
            continue  # the data gives this very rate: an amount before it is wrong (DT1003/UN501 say which)
        wording = statement.extra.get("wording", statement.name)
        if taken_on is not None and mended and _holds(statement, taken_on.mended(mended), _mend(before, mended), a):
            continue  # (“实际到位资金5290000元” named as mistyped at an earlier rate: on 5920000 this one holds too)
        if taken_on is not None and _within_rounding(statement, taken_on, before, a):
            continue  # “预算1.28亿元，实际支出1.25亿元，预算执行率97.5%”: on the amounts before rounding it may be
        swapped = _swapped_amount(statement, taken_on, before, amount_counts(), a) if taken_on is not None else None
        if swapped is not None:  # “安排资金5290000元，实际到位资金5920000元，到位率100%”: 5290000 is 5920000 mistyped
            amount, fixed, value, swap = swapped
            mended[amount.in_yuan()] = value * MONEY_UNITS.get(amount.unit, Decimal(1))
            why = "两位数字对调" if swap else "与报告别处所写相同"
            yield rule.finding(
                f"{wording}写{statement.value}%，按报告所列数字复算（{formula}）为"
                f"{format_percent(ratio)}；若“{amount.text.strip()}”为“{fixed}”（{why}），复算即与所写相符：多是这个数写错",
                statement.location, statement.excerpt, expected=fixed, found=amount.text.strip(),
            )  # fmt: skip
            continue
        if alternative and percent_matches(statement.value, alternative[0], a.tolerance):
            if _unit_factor(statement.value, ratio, a.tolerance) is not None:
                continue  # (the base is moot: an amount's unit is off by 万, where that amount is written it is reported)
            yield rule.finding(
                f"{wording}写{statement.value}%，按当前设置的口径（{formula}）应为{percent_like(ratio, statement.value)}；"
                f"该数按“实际支出 ÷ {alternative[1]}”计算，请确认口径（--execution-base 或 settings.execution_rate_base）",
                statement.location, statement.excerpt, expected=percent_like(ratio, statement.value), found=f"{statement.value}%",
                severity=Severity.WARNING,
            )  # fmt: skip
            continue
        factor = _unit_factor(statement.value, ratio, a.tolerance)
        odd = _odd_unit(a, sentence_head(paragraph.text, start))
        if odd is not None and factor is None and (taken_on is None or not _holds_in_its_unit(statement, odd, taken_on, before, a)):
            odd = None
        if odd is not None:  # “总计支出5271022.96万元” in a report of amounts about 5,000,000元: that amount's unit
            amount, unit = odd
            yield rule.finding(
                f"{wording}写{statement.value}%，按报告所列数字复算（{formula}）为{format_percent(ratio)}"
                + (f"，相差{factor}倍" if factor else "") + f"：句中“{amount.text.strip()}”按报告其他金额的大小应为“{unit}”，单位改正后复算为{statement.value}%，与所写相符",
                statement.location, statement.excerpt, expected=f"{amount.text.strip()[: -len(amount.unit)]}{unit}",
                found=amount.text.strip(),
            )  # fmt: skip
            continue
        swaps = _unit_swaps(statement, taken_on, sentence_head(paragraph.text, start), before, a) if factor else []
        if swaps:  # “预算资金500.00元，实际到位资金500.00万元，资金到位率100.00%”: one of the two units is wrong
            amount, unit = swaps[-1]  # (the later, as UN501 names the later writing of an amount)
            fixed = f"{amount.text.strip()[: -len(amount.unit)]}{unit}"
            others = "".join(f"，或“{f.text.strip()}”应为“{f.text.strip()[: -len(f.unit)]}{u}”" for f, u in swaps[:-1])
            yield rule.finding(
                f"{wording}写{statement.value}%，按报告所列数字复算（{formula}）为{format_percent(ratio)}，相差{factor}倍："
                f"句中“{amount.text.strip()}”应为“{fixed}”{others}，单位改正后复算为{statement.value}%，与所写相符"
                + ("；请按预算批复或支出凭证核对是哪一处" if others else ""),
                statement.location, statement.excerpt, expected=fixed, found=amount.text.strip(),
            )  # fmt: skip
            continue
        if factor is not None:  # “5271022.96万元” for 元: the rate is right, an amount's unit is not
            yield rule.finding(
                f"{wording}写{statement.value}%，按报告所列数字复算（{formula}）为{format_percent(ratio)}，相差{factor}倍："
                f"所用金额中有一处单位（元/万元）写错；单位一致时复算为{statement.value}%，与所写相符",
                statement.location, statement.excerpt, expected="各金额单位一致", found=f"复算相差{factor}倍",
            )  # fmt: skip
            continue
        yield rule.finding(
            f"{wording}写{statement.value}%，按报告所列数字复算（{formula}）为{percent_like(ratio, statement.value)}"
            f"{_scale_note(statement.value, ratio, wording)}",
            statement.location, statement.excerpt, expected=percent_like(ratio, statement.value), found=f"{statement.value}%",
        )  # fmt: skip
    yield from _table_rates(a, rule)
    yield from _change_rates(a, rule)
    for table in a.score_tables:
        if table.rate_col is None:
            continue
        for row in table.rows:
            if row.rate is None or not row.weight or row.score is None:
                continue
            ratio = row.score / row.weight
            if not percent_matches(row.rate, ratio, a.tolerance) and not _rate_of_the_data(a, row) \
                    and not a.is_blamed(table, row) and not _rate_of_the_rows(a, table, row):  # fmt: skip
                # (the score cell is the slip: TT201 names it)
                yield rule.finding(
                    table.table.as_written(f"“{row.label}”得分率写{row.rate}%，按该行得分 ÷ 权重复算为{percent_like(ratio, row.rate)}"),
                    table.table.at(row.row, table.rate_col + 1), row.excerpt, expected=percent_like(ratio, row.rate), found=f"{row.rate}%",
                )  # fmt: skip


_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_MOVES = r"下降|减少|降低|增长|增加|提高|上升"
CHANGE = re.compile(rf"(?:由|从)[^，,。；;\d]{{0,8}}?(?P<old>{_NUMBER})\s*(?P<unit>[^\d\s，,。；;、%（()）]{{1,4}}?)\s*(?:{_MOVES})"
                    rf"(?:至|到|为)\s*(?P<new>{_NUMBER})\s*(?P=unit)\s*[，,]?\s*(?:同比|较上年|比上年)?(?:{_MOVES}|降幅|增幅)"
                    rf"(?:了|为|达)?\s*(?P<rate>{_NUMBER})\s*%(?!\s*个?百分点)")


def _change_rates(a: Analysis, rule: Rule):
    """“由上年的23起下降至15起，下降34.78%”: the change over the earlier figure, both written in the sentence."""
    for paragraph in a.body_paragraphs:
        if "%" not in paragraph.text or ("由" not in paragraph.text and "从" not in paragraph.text):
            continue
        for m in CHANGE.finditer(paragraph.text):
            old, new, rate = (Decimal(m.group(k).replace(",", "")) for k in ("old", "new", "rate"))
            if not old or old == new:
                continue
            ratio = abs(new - old) / old
            if not percent_matches(rate, ratio, a.tolerance):
                yield rule.finding(
                    f"变动幅度写{m.group('rate')}%，按所写的{m.group('old')}{m.group('unit')}与{m.group('new')}{m.group('unit')}"
                    f"复算（变动 ÷ 原数）为{percent_like(ratio, rate)}",
                    paragraph.location, sentence_at(paragraph.text, m.start()), expected=percent_like(ratio, rate),
                    found=f"{m.group('rate')}%",
                )  # fmt: skip


def _like_cell(slip) -> str:
    """A table rate slip's recomputed rate, written to its cell's decimals (“97.40%” for a cell “97.04%”)."""
    stated = number_in(slip.written.replace("%", "").replace("％", ""))
    return percent_like(slip.ratio, stated) if stated is not None else format_percent(slip.ratio)


SIDEWAYS_RATE = re.compile(r"到位率|执行率")


def _sideways_rates(table):
    """A table written on its side (子项目 across the top, 预算/到位/支出/执行率 down the first column): its view."""
    if table.transposed or len(table.rows) > 12:
        return None
    first = [row[0].text for row in table.rows if row]
    return table.transpose() if any(SIDEWAYS_RATE.search(text) for text in first[1:]) else None


def _table_rates(a: Analysis, rule: Rule):
    """到位率/执行率 columns of any table (or rows of one written on its side) against the same row's amounts."""
    for table in a.document.tables:
        slips = rate_slips(table, a.tolerance) or field_rate_slips(table, a.tolerance)
        view = _sideways_rates(table) if not slips else None
        if view is not None:
            table, slips = view, rate_slips(view, a.tolerance)
        blamed = {amount.row for amount in a.blamed_amounts.get(id(table), [])}
        for slip in slips:
            if slip.row in blamed:
                continue  # the rate is right: an amount of its row is the slip (TT201 names the cell)
            if _a_total_explains(a, table, slip):
                continue  # a 小计 cell its rows miss, on whose sum the rate holds: TT201 names that cell and its value
            swapped = _swapped_operand(table, slip, a.tolerance)
            if swapped is not None:  # “371.23” for 371.32: the rate holds on the amount with its two digits put back
                col, written, fixed = swapped
                header = table_body(table)[0]
                yield rule.finding(
                    table.as_written(f"表格中“{slip.column}”写{slip.written}，按该行复算为{format_percent(slip.ratio)}；"
                                     f"若“{header[col]}”{written}为{fixed}（两位数字对调），复算即与所写相符：多是这一格写错"),
                    table.at(slip.row, col + 1), slip.row_text, expected=fixed, found=written,
                )  # fmt: skip
                continue
            yield rule.finding(
                table.as_written(f"表格中“{slip.column}”写{slip.written}，按{slip.scope}{slip.formula}复算为{_like_cell(slip)}"),
                table.at(slip.row, slip.col + 1), slip.row_text, expected=_like_cell(slip),
                found=slip.written,
            )  # fmt: skip


def _a_total_explains(a: Analysis, table, slip) -> bool:
    """Whether an amount of the rate's row is a 合计/小计 cell its column misses, and the rate holds on the column's
    sum (“小计 | 357.00 | 337.38 | 94.64%”, the rows adding up to 337.88)."""
    if slip.operands is None:
        return False
    numerator, base = slip.operands
    for m in a.total_mismatches(table):
        if m.row == slip.row and m.col in (numerator, base):
            cells = grid_rows(table)[slip.row - 1]
            top, bottom = (number_in(cells[c]) for c in (numerator, base))
            top, bottom = (m.computed, bottom) if m.col == numerator else (top, m.computed)
            if top is not None and bottom and percent_matches(slip.stated, top / bottom, a.tolerance):
                return True
    return False


def _swapped_operand(table, slip, tolerance: Decimal) -> tuple[int, str, str] | None:
    """(column, the cell as written, the cell mended) of the one amount of the rate's row whose two neighbouring digits,
    put the other way round, make the rate recompute as written; None when none or more than one does."""
    if slip.operands is None:
        return None
    cells = grid_rows(table)[slip.row - 1]
    numerator, base = slip.operands
    values = {c: parse_number(cells[c].replace(" ", "")) for c in (numerator, base)}
    if None in values.values():
        return None
    found = []
    for col in (numerator, base):
        written = cells[col].strip()
        for fixed in neighbour_swaps(written):
            value = parse_number(fixed.replace(" ", ""))
            top, bottom = (value, values[base]) if col == numerator else (values[numerator], value)
            if value is not None and bottom and percent_matches(slip.stated, top / bottom, tolerance):
                found.append((col, written, fixed))
    return found[0] if len(found) == 1 else None


RULE = Rule("RT301", "rates", Severity.ERROR, check, __doc__, FAILING, PASSING,
            other_severities=((Severity.WARNING, "按另一种预算执行率口径（支出 ÷ 预算或 ÷ 到位）算得上"),))
