"""The one model of an evaluation: project, funding, indicator tree, findings, facts.

Drafter and checkers both import this module. Every derived value (subtotals, total,
得分率, deductions, grade, funding rates) is computed here and nowhere else, and every
figure is formatted by the functions in this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, PrivateAttr, model_validator

# ---------------------------------------------------------------------------
# Numbers


def _to_decimal(value: Any) -> Decimal:
    """Parse a number exactly: YAML floats arrive as Decimal or str, never via binary float."""
    if isinstance(value, bool):
        raise ValueError("应为数字，不是真假值")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"“{value}”不是数字，请只填写阿拉伯数字（如 2.8）") from None
    elif value is None:
        raise ValueError("应为数字，此处为空")
    else:
        raise ValueError(f"应为数字，此处是{_KINDS.get(type(value).__name__, '其他内容')}")
    if not result.is_finite():
        raise ValueError("应为有限数字")
    if result != 0 and not NUMBER_MIN_EXPONENT <= result.adjusted() <= NUMBER_MAX_EXPONENT:  # (no arithmetic: 1e999999999 overflows)
        raise ValueError(f"数字 {value} 超出可用范围（绝对值应在 {NUMBER_MIN} 到 10^15 之间），请核对")
    return _without_float_noise(result)


# a run of zeros or nines in the decimal part with at most 3 digits after it: what a binary float leaves
FLOAT_NOISE = re.compile(r"(?:0{6,}|9{6,})\d{1,3}$")


def _without_float_noise(number: Decimal) -> Decimal:
    """A number written by a program from a binary float (a JSON export's 86.80000000000001, 99.99999999999999, a
    pasted 92.1800000000001) as the number meant; any other number stays as written (2.80 stays 2.80)."""
    _, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return number
    fraction = "".join(map(str, digits)).rjust(-exponent, "0")[exponent:]
    noise = FLOAT_NOISE.search(fraction)
    if noise is None or (noise.start() == 0 and abs(number) < 1):  # 0.0000001 is a number, not noise
        return number
    rounded = number.quantize(Decimal(1).scaleb(-noise.start()))
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded.normalize()


NUMBER_MAX_EXPONENT = 14  # below 10^15 (千万亿): beyond any budget in 元, a larger figure is a typing slip
NUMBER_MIN_EXPONENT = -6
NUMBER_MIN = Decimal("1e-6")
_KINDS = {"list": "列表", "dict": "键值对象", "CommentedSeq": "列表", "CommentedMap": "键值对象", "date": "日期",
          "datetime": "日期时间"}  # fmt: skip


def _non_negative(value: Any) -> Decimal:
    number = _to_decimal(value)
    if number < 0:
        raise ValueError(f"不能为负数（填写的是 {number}），请填写 0 或正数")
    return number


Number = Annotated[Decimal, BeforeValidator(_to_decimal), PlainSerializer(lambda d: str(d), return_type=str)]
Amount = Annotated[Decimal, BeforeValidator(_non_negative), PlainSerializer(lambda d: str(d), return_type=str)]

TWO_PLACES = Decimal("0.01")


def round_half_up(value: Decimal, places: Decimal = TWO_PLACES) -> Decimal:
    """Round the way Chinese financial reports do (四舍五入)."""
    return value.quantize(places, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """A decimal without exponent and without trailing zeros after the point."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def derived_sum(values: Iterable[Decimal]) -> Decimal:
    """A computed total, printed without zeros the arithmetic added (1.50 + 8.50 → 10)."""
    return Decimal(plain(sum(values, Decimal(0))))


def format_percent(ratio: Decimal | None) -> str:
    """Percent to 2 decimals, trailing zeros dropped: 0.8904 → 89.04%, 1 → 100%."""
    if ratio is None:
        return "—"
    return plain(round_half_up(ratio * 100)) + "%"


def format_score(value: Decimal) -> str:
    """Scores are printed as given (7.40 stays 7.40, 3 stays 3)."""
    return format(value, "f")


def at_least_two_places(value: Decimal) -> str:
    """Two decimals as 丰台 reports print subtotals (23 → 23.00, 37.7 → 37.70), never rounding digits away (29.125)."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format(value, f".{max(places, 2)}f")


def format_amount(value: Decimal) -> str:
    """Amounts as given in the data, without thousands separators (seed house style)."""
    return format(value, "f")


def format_amount_grouped(value: Decimal) -> str:
    """Amounts with thousands separators (2,632.49), as some styles print them."""
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}"
    return sign + grouped + ("." + frac if frac else "")


# ---------------------------------------------------------------------------
# Grades (财预〔2020〕10号 第十八条)

GRADE_BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), "优"),
    (Decimal(80), "良"),
    (Decimal(60), "中"),
    (Decimal(0), "差"),
)


FULL_MARKS_NEAR = (80, 120)  # weights adding up to this range but not to 100: a weight typed wrong, not another scale


def grade_for(total: Decimal, full_marks: Decimal = Decimal(100)) -> str:
    """优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60 (scaled when full marks are not 100)."""
    score = total * 100 / full_marks if full_marks else total
    for floor, grade in GRADE_BANDS:
        if score >= floor:
            return grade
    return "差"


def grade_band_text(grade: str) -> str:
    """The score range of a grade, for messages."""
    return {"优": "90（含）—100分", "良": "80（含）—90分", "中": "60（含）—80分", "差": "60分以下"}[grade]


# ---------------------------------------------------------------------------
# Project description


PLACEHOLDER = "（待补充）"  # what `extract` writes where a report did not say; a draft is not made from it


class Unit(StrEnum):
    """Money units a report may use."""

    YUAN = "元"
    WAN = "万元"
    YI = "亿元"

    @property
    def factor(self) -> Decimal:
        return {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}[self.value]


class StrictModel(BaseModel):
    """Base: unknown keys are errors (a typo must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


class Project(StrictModel):
    name: str = Field(title="项目名称", description="报告封面与反馈书上的项目全称")
    short_name: str | None = Field(None, title="项目简称", description="正文中称呼项目的名称，缺省为项目名称")
    year: int = Field(title="项目年度", ge=1990, le=2100)
    region: str = Field(title="地区", description="如 上城区、丰台区")
    unit: str = Field(title="项目单位")
    department: str = Field(title="主管部门")
    organizer: str = Field(title="评价组织机构", description="如 上城区财政局")
    evaluator: str = Field(title="评价机构", description="第三方机构或评价组名称")
    period: str = Field(title="评价时间", description="如 2021年11月—12月")
    report_date: str = Field(title="报告日期", description="如 2021年12月8日")
    evaluation_type: Literal["事前评价", "事中评价", "事后评价"] = Field("事后评价", title="评价类型")
    evaluation_mode: Literal["部门（单位）绩效自评", "财政部门组织评价", "部门评价"] = Field(
        "财政部门组织评价", title="评价方式"
    )
    evaluator_kind: Literal["中介机构", "部门（单位）评价组", "财政评价组", "专家组"] = Field(
        "中介机构", title="评价机构类型"
    )
    feedback_no: str | None = Field(None, title="反馈书编号", description="如 2021-1（上财〔2021〕45号）")
    commissioned_by: str | None = Field(None, title="委托单位", description="缺省为评价组织机构")

    @property
    def called(self) -> str:
        return self.short_name or self.name


class Goals(StrictModel):
    overall: str = Field(title="总目标")
    annual: str = Field(title="年度目标")


class DetailColumn(StrictModel):
    name: str = Field(title="列名")
    numeric: bool = Field(False, title="是否金额列", description="金额列在合计行求和")
    matches: Literal["budget", "received", "spent"] | None = Field(
        None, title="对应资金数", description="该列合计必须等于 funding 中的预算/到位/支出"
    )


class DetailTable(StrictModel):
    title: str = Field(title="表名", description="如 2020年度项目预算执行情况明细表")
    columns: list[DetailColumn] = Field(title="列", min_length=1)
    rows: list[list[str | Number | None]] = Field(title="行", description="每行按列顺序填写，空单元格写 null")

    def column_total(self, index: int) -> Decimal:
        total = Decimal(0)
        for row in self.rows:
            cell = row[index] if index < len(row) else None
            if isinstance(cell, Decimal):
                total += cell
        return total


class Funding(StrictModel):
    unit: Unit = Field(title="金额单位", description="元、万元或亿元")
    budget: Amount = Field(title="预算数")
    received: Amount = Field(title="实际到位数")
    spent: Amount = Field(title="实际支出数")
    source: str | None = Field(None, title="资金来源")
    detail: DetailTable | None = Field(None, title="资金明细表")
    management: str | None = Field(None, title="资金管理情况")

    @property
    def in_yuan(self) -> dict[str, Decimal]:
        """Budget, received and spent in 元 (the checker compares amounts in 元 whatever unit a report writes)."""
        factor = self.unit.factor
        return {"budget": self.budget * factor, "received": self.received * factor, "spent": self.spent * factor}


def character_pairs(text: str) -> set[str]:
    """The two-character pieces of a text (“优良路率” → 优良, 良路, 路率): how names and phrases are compared loosely."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _says(text: str, point: str) -> bool:
    """Whether ``text`` already says ``point`` (“区公安局未提供项目绩效目标申报表” says “未提供绩效目标申报表”): most
    of the point's two-character pairs occur in the text."""
    pairs = {pair for pair in character_pairs(point) if not pair.isspace()}
    return bool(pairs) and sum(pair in text for pair in pairs) >= 0.8 * len(pairs)


class Indicator(StrictModel):
    """One node of the indicator tree: 一级 → 二级 → 三级. Leaves carry weight and score."""

    code: str | None = Field(None, title="指标编码", description="如 B14；丰台式无编码可省略")
    name: str = Field(title="指标名称", description="不含编码，如 运转程序规范性")
    weight: Amount | None = Field(None, title="权重（分值）", description="三级指标必填；上级指标填写时须等于下级之和")
    score: Amount | None = Field(None, title="得分", description="三级指标必填；上级指标填写时须等于下级之和")
    deduction_reason: str | None = Field(None, title="扣分原因")
    evidence: str | None = Field(None, title="评分依据（证据）")
    summary: str | None = Field(None, title="考察内容", description="一级/二级指标的考察要点说明")
    children: list[Indicator] = Field(default_factory=list, title="下级指标")

    @property
    def label(self) -> str:
        """Code and name as reports print them: B14运转程序规范性."""
        return f"{self.code or ''}{self.name}"

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def analysis(self) -> str:
        """What a report writes about the indicator: its evidence, then its deduction reason when points were deducted
        and the evidence does not already say it (a score sheet's 扣分原因 column)."""
        evidence = (self.evidence or "").strip()
        reason = (self.deduction_reason or "").strip()
        if not reason or self.children or self.total_score >= self.total_weight or _says(evidence, reason):
            return evidence
        return evidence + reason + ("" if reason.endswith(("。", "！", "；")) else "。")

    def leaves(self) -> list[Indicator]:
        if self.is_leaf:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]

    @property
    def total_weight(self) -> Decimal:
        if self.is_leaf:
            return self.weight or Decimal(0)
        return derived_sum(c.total_weight for c in self.children)

    @property
    def total_score(self) -> Decimal:
        if self.is_leaf:
            return self.score or Decimal(0)
        return derived_sum(c.total_score for c in self.children)

    @property
    def deduction(self) -> Decimal:
        return self.total_weight - self.total_score

    @property
    def score_rate(self) -> Decimal | None:
        weight = self.total_weight
        return self.total_score / weight if weight else None


class Problem(StrictModel):
    id: str = Field(title="问题编号", description="建议用 answers 引用它")
    aspect: str = Field(title="方面", description="如 目标管理、组织管理、资金管理、项目绩效")
    title: str = Field(title="问题标题")
    text: str = Field(title="问题分析")
    indicators: list[str] = Field(default_factory=list, title="相关指标编码或名称")


class Suggestion(StrictModel):
    title: str = Field(title="建议标题")
    text: str = Field(title="建议内容")
    answers: list[str] = Field(default_factory=list, title="针对的问题编号")


class Practice(StrictModel):
    title: str = Field(title="标题")
    text: str = Field(title="内容")


class Findings(StrictModel):
    achievements: list[str] = Field(default_factory=list, title="主要绩效", description="反馈书“主要绩效情况”各条")
    practices: list[Practice] = Field(default_factory=list, title="主要经验及做法")
    problems: list[Problem] = Field(default_factory=list, title="存在的问题")
    suggestions: list[Suggestion] = Field(default_factory=list, title="相关建议")
    conclusion: str | None = Field(None, title="评价结论补充", description="结论段中总分与等级之外的评价语")
    result_application: str | None = Field(None, title="评价结果应用建议")
    other_matters: str | None = Field(None, title="其他需要说明的问题")


class Fact(StrictModel):
    """A numeric fact prose may cite, e.g. 有效警情 50839 起."""

    name: str = Field(title="名称")
    value: Number = Field(title="数值")
    unit: str = Field("", title="单位", description="如 起、%、平方米、万元")
    note: str | None = Field(None, title="说明")


class Settings(StrictModel):
    execution_rate_base: Literal["到位", "预算"] = Field(
        "到位", title="预算执行率分母", description="到位：支出÷到位（财预〔2020〕10号口径）；预算：支出÷预算"
    )
    rate_tolerance: Number = Field(Decimal("0.01"), ge=0, title="比率容差（百分点）", description="复算比率与报告所写之差的容许值")


class Evaluation(StrictModel):
    """A whole evaluation, validated once; derived values are properties."""

    style: str | None = Field(None, title="报告样式", description="prompts/ 下的样式名，如 shangcheng、fengtai、mof；缺省 mof")
    settings: Settings = Field(default_factory=Settings, title="口径设置")
    project: Project = Field(title="项目信息")
    background: list[str] = Field(title="项目背景", description="每段一项", min_length=1)
    basis: list[str] = Field(default_factory=list, title="立项依据", description="文件名称与文号，每项一份文件")
    organization: list[str] = Field(default_factory=list, title="组织实施情况", description="每段一项")
    implementation: list[str] = Field(default_factory=list, title="项目实施情况", description="每段一项")
    goals: Goals = Field(title="绩效目标")
    funding: Funding = Field(title="资金情况")
    indicators: list[Indicator] = Field(title="指标体系", description="一级指标列表，每项含二级、三级指标", min_length=1)
    _text_sources: dict[str, str] = PrivateAttr(default_factory=dict)
    findings: Findings = Field(default_factory=Findings, title="评价发现")
    facts: list[Fact] = Field(default_factory=list, title="可引用的数字事实")

    # -- derived values: the only place they are computed ------------------

    @property
    def full_marks(self) -> Decimal:
        return derived_sum(i.total_weight for i in self.indicators)

    @property
    def total(self) -> Decimal:
        return derived_sum(i.total_score for i in self.indicators)

    @property
    def score_rate(self) -> Decimal | None:
        return self.total / self.full_marks if self.full_marks else None

    @property
    def grade(self) -> str:
        return grade_for(self.total, self.full_marks or Decimal(100))

    @property
    def received_rate(self) -> Decimal | None:
        """资金到位率 = 实际到位 ÷ 预算."""
        return self.funding.received / self.funding.budget if self.funding.budget else None

    @property
    def execution_rate(self) -> Decimal | None:
        """预算执行率 = 实际支出 ÷ 实际到位 (or ÷ 预算 when the setting says so)."""
        base = self.funding.received if self.settings.execution_rate_base == "到位" else self.funding.budget
        return self.funding.spent / base if base else None

    def leaves(self) -> list[Indicator]:
        return [leaf for top in self.indicators for leaf in top.leaves()]

    def find_indicator(self, key: str) -> Indicator | None:
        """By code (B14) or by name (运转程序规范性) or by label."""
        index = self.__dict__.get("_indicator_index")
        if index is None:
            index = {}
            for node in reversed(self.walk()):
                for name in (node.name, node.label, node.code):
                    if name:
                        index[name] = node
            self.__dict__["_indicator_index"] = index
        return index.get(key)

    def walk(self) -> list[Indicator]:
        out: list[Indicator] = []

        def visit(node: Indicator) -> None:
            out.append(node)
            for child in node.children:
                visit(child)

        for top in self.indicators:
            visit(top)
        return out

    def depth_of(self, node: Indicator) -> int:
        """1 for 一级, 2 for 二级, 3 for 三级."""

        def search(nodes: list[Indicator], depth: int) -> int | None:
            for n in nodes:
                if n is node:
                    return depth
                found = search(n.children, depth + 1)
                if found:
                    return found
            return None

        return search(self.indicators, 1) or 0

    @model_validator(mode="after")
    def _check_tree(self) -> Evaluation:
        problems: list[str] = []
        seen: dict[str, str] = {}

        def visit(node: Indicator, path: str, depth: int) -> None:
            if depth > 3:
                problems.append(f"{path}：指标层级超过三级，请把它并入三级指标")
            if node.code:
                if node.code in seen:
                    problems.append(f"{path}：指标编码 {node.code} 重复（已用于“{seen[node.code]}”），请改为唯一编码")
                seen[node.code] = node.name
            if node.is_leaf:
                if node.weight is None or node.score is None:
                    missing = "权重 weight" if node.weight is None else "得分 score"
                    field_name = "weight" if node.weight is None else "score"
                    problems.append(f"{path}（{node.label}）：末级指标缺少{missing}，请在该指标下加一行“{field_name}: 数值”"
                                    "（如 score: 2.8；满分也要填写）")
                elif node.score > node.weight:
                    bonus = "；加分项（权重 0）不作为指标：请把所加的分计入相应指标的得分，并在正文中说明" if node.weight == 0 else ""
                    problems.append(
                        f"{path}（{node.label}）：得分 {format_score(node.score)} 超过权重 {format_score(node.weight)}，"
                        f"请核对评分表{bonus}"
                    )
            else:
                for declared, derived, what in (
                    (node.weight, node.total_weight, "权重"),
                    (node.score, node.total_score, "得分"),
                ):
                    if declared is not None and declared != derived:
                        problems.append(
                            f"{path}（{node.label}）：填写的{what}合计 {format_score(declared)} 与下级指标之和 "
                            f"{plain(derived)} 不一致，请核对或删去该合计由程序计算"
                        )
            for index, child in enumerate(node.children):
                visit(child, f"{path}.children[{index}]", depth + 1)

        for index, top in enumerate(self.indicators):
            visit(top, f"indicators[{index}]", 1)
        detail = self.funding.detail
        if detail is not None:
            for r, row in enumerate(detail.rows):
                if any(isinstance(cell, str) and cell.replace(" ", "") in ("合计", "总计", "小计") for cell in row):
                    problems.append(
                        f"funding.detail.rows[{r}]：合计行由程序计算，请删去这一行（否则表中会出现两个合计）"
                    )
                if len(row) != len(detail.columns):
                    problems.append(
                        f"funding.detail.rows[{r}]：有 {len(row)} 个单元格，但表头有 {len(detail.columns)} 列"
                    )
            for c, column in enumerate(detail.columns):
                for r, row in enumerate(detail.rows):
                    cell = row[c] if c < len(row) else None
                    if column.numeric and isinstance(cell, str) and cell.strip():
                        try:
                            row[c] = _to_decimal(cell)  # "1,200.50" written in quotes is still a number
                        except ValueError:
                            problems.append(
                                f"funding.detail.rows[{r}][{c}]：金额列“{column.name}”的“{cell}”不是数字，"
                                "请只写数字（可带千位逗号），或把该列设为 numeric: false"
                            )
                if column.matches:
                    expected = getattr(self.funding, column.matches)
                    got = detail.column_total(c)
                    if got != expected:
                        problems.append(
                            f"funding.detail.columns[{c}]（{column.name}）：合计 {plain(got)} 与 funding.{column.matches} "
                            f"{plain(expected)} 不一致"
                        )
        known = {p.id for p in self.findings.problems}
        for s, suggestion in enumerate(self.findings.suggestions):
            for ref in suggestion.answers:
                if ref not in known:
                    problems.append(f"findings.suggestions[{s}].answers：问题编号 {ref} 不存在于 findings.problems")
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @property
    def text_sources(self) -> dict[str, str]:
        """Field path → where its text was read when not in the project file (a score sheet's cell)."""
        return self._text_sources

    @text_sources.setter
    def text_sources(self, sources: dict[str, str]) -> None:
        self._text_sources = dict(sources)

    def text_fields(self) -> Iterator[tuple[str, str]]:
        """(field path as project-file errors write it, e.g. ``indicators[0].children[1].evidence``, text) of every
        text in the project, in file order."""

        def walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, dict):
                for key, item in value.items():
                    yield from walk(item, f"{path}.{key}" if path else str(key))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    yield from walk(item, f"{path}[{index}]")

        return walk(self.model_dump(mode="python", exclude_none=True), "")

    def unfinished(self) -> list[tuple[str, str]]:
        """(field path, Chinese reason) of what is still to be filled in or mended before a report is drafted:
        “（待补充）” left by extract, a zero budget, weights adding up near but not to 100 (a weight typed wrong)."""
        out = [(path, f"还是“{PLACEHOLDER}”，请填写") for path, text in self.text_fields() if PLACEHOLDER in text]
        if self.funding.budget == 0:
            out.append(("funding.budget", "预算为 0（从报告中没有读到？），资金到位率、执行率无法计算，请填写预算数"))
        if self.full_marks_mistyped:
            out.append(("indicators", f"各指标权重合计为 {plain(self.full_marks)} 分，接近而不是 100 分（财预〔2020〕10号按"
                                      "百分制评分），多是某个权重写错，请核对各指标权重"))  # fmt: skip
        return out

    @property
    def full_marks_mistyped(self) -> bool:
        """The weights add up near 100 but not to it (101, 99.5): a weight typed wrong, not another scale."""
        return self.full_marks != 100 and FULL_MARKS_NEAR[0] <= self.full_marks <= FULL_MARKS_NEAR[1]

    def warnings(self) -> list[str]:
        """Soft problems: reported, not fatal."""
        out: list[str] = []
        if self.full_marks != 100 and not self.full_marks_mistyped:  # (near 100: to be mended, see unfinished)
            out.append(f"一级指标权重合计为 {plain(self.full_marks)} 分，不是 100 分；等级按百分制折算")
        out += [f"指标 {child.code}{child.name} 在 {parent.code}{parent.name} 之下，但编码不以“{parent.code}”开头，请核对编码"
                for parent in self.walk() for child in parent.children
                if parent.code and child.code and not child.code.startswith(parent.code)]  # fmt: skip
        for name, text in (("报告日期", self.project.report_date), ("评价时间", self.project.period)):
            years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", text or "")]
            if years and max(years) < self.project.year and self.project.evaluation_type != "事前评价":
                # (a copied project file keeps last year's dates; an ex-ante assessment comes before its year)
                out.append(f"{name}“{text}”早于项目年度 {self.project.year} 年，请核对（是否沿用了往年的项目文件）")
        funding = self.funding
        if funding.budget and funding.received > funding.budget:  # (a budget of 0 is told as unfinished)
            out.append("实际到位资金大于预算数，请核对")
        if funding.spent > funding.received:
            out.append("实际支出大于到位资金，请核对")
        return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a project file, for editor completion and validation."""
    return Evaluation.model_json_schema(mode="validation")


def schema_markdown() -> str:
    """A Chinese field reference of the project file, generated from the model (docs/project-file.md)."""
    from pydantic.fields import FieldInfo

    lines = [
        "# 项目数据文件字段说明",
        "",
        "本文件由 `evalreport schema --markdown -o docs/project-file.md` 从数据模型生成，请勿手工修改。",
        "完整的 JSON Schema 见 `docs/project.schema.json`（`evalreport schema`），示例见 `fixtures/`。",
        "",
        "数字按所写的位数使用（得分 2.80 印作 2.80）；程序由二进制浮点数写出的尾数（86.80000000000001、99.99999999999999）"
        "按其本意读作 86.8、100。",
        "",
    ]
    seen: set[type] = set()

    def describe(model: type[BaseModel], title: str) -> None:
        if model in seen:
            return
        seen.add(model)
        lines.extend([f"## {title}（`{model.__name__}`）", "", "| 字段 | 名称 | 必填 | 说明 |", "|---|---|---|---|"])
        nested: list[tuple[type[BaseModel], str]] = []
        for name, info in model.model_fields.items():
            assert isinstance(info, FieldInfo)
            required = "是" if info.is_required() else ""
            description = (info.description or "").replace("|", "｜")
            choices = _choices(info.annotation)
            if choices:
                description = (description + "；" if description else "") + "取值：" + "、".join(choices)
                if isinstance(info.default, str) and info.default:  # a default the report prints (封面“评价类型”)
                    description += f"；不写时为“{info.default}”"
            lines.append(f"| `{name}` | {info.title or ''} | {required} | {description} |")
            for candidate in _models_in(info.annotation):
                nested.append((candidate, info.title or name))
        lines.append("")
        for candidate, sub_title in nested:
            describe(candidate, sub_title)

    describe(Evaluation, "顶层")
    return "\n".join(lines).rstrip() + "\n"


def _choices(annotation: object) -> list[str]:
    """Allowed values of a Literal or Enum field (possibly optional)."""
    from typing import Literal, get_args, get_origin

    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [m.value for m in annotation]
    if get_origin(annotation) is Literal:
        return [str(a) for a in get_args(annotation)]
    return [c for arg in get_args(annotation) for c in _choices(arg)]


def _models_in(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models an annotation refers to (list[Indicator] → [Indicator])."""
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]
