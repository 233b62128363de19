"""Load a project file (YAML or JSON) into an Evaluation, with Chinese errors naming file, line and field."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from evaluation_model import Evaluation, Unit

FIELD_TITLES: dict[str, str] = {}


@dataclass
class ProblemLine:
    """One problem in a project file."""

    path: str
    line: int | None
    message: str

    def render(self, file: str) -> str:
        where = f"{file}:{self.line}" if self.line else file
        separator = "" if self.message.startswith("（") else "："
        field = f"字段 {self.path}{separator}" if self.path else ""
        return f"{where}：{field}{self.message}"


class ProjectFileError(Exception):
    """A project file that cannot be used; str() is the full Chinese report."""

    def __init__(self, file: str, problems: list[ProblemLine]) -> None:
        self.file = file
        self.problems = problems
        lines = [f"项目文件 {file} 有 {len(problems)} 处问题："] + ["  " + p.render(file) for p in problems]
        super().__init__("\n".join(lines))


class _DecimalConstructor(RoundTripConstructor):
    """Round-trip constructor that reads YAML floats as exact Decimals (2.80 stays 2.80)."""

    def construct_yaml_float(self, node: Any) -> Any:  # type: ignore[override]
        text = str(node.value).replace("_", "")
        try:
            return Decimal(text)
        except Exception:  # .inf / .nan and other YAML float spellings
            return super().construct_yaml_float(node)


_DecimalConstructor.add_constructor("tag:yaml.org,2002:float", _DecimalConstructor.construct_yaml_float)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _DecimalConstructor
    return yaml


NODES_MAX = 200_000  # a project of 1,000 indicators has ~20,000: more comes only from aliases expanded (“billion laughs”)


class _TooLarge(Exception):
    """The document expands to more than NODES_MAX values."""


def _plain_and_lines(node: Any, path: str, lines: dict[str, int], budget: list[int] | None = None) -> Any:
    """Convert ruamel containers to plain Python, recording the 1-based line of every path. Aliases (*name) are
    expanded, so ``budget`` counts the values made and stops at NODES_MAX."""
    budget = budget if budget is not None else [NODES_MAX]
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            with contextlib.suppress(KeyError, TypeError, AttributeError):
                lines[child] = node.lc.key(key)[0] + 1
            out[str(key)] = _plain_and_lines(value, child, lines, budget)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            child = f"{path}[{index}]"
            with contextlib.suppress(KeyError, TypeError, AttributeError):
                lines[child] = node.lc.item(index)[0] + 1
            items.append(_plain_and_lines(value, child, lines, budget))
        return items
    if isinstance(node, str):
        return str(node)
    return node


def _loc_to_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(part, str) and part in ("str", "decimal", "int", "none", "list[...]") or str(part).startswith(
            "function-"
        ):
            continue
        else:
            path = f"{path}.{part}" if path else str(part)
    return path


def _line_for(path: str, lines: dict[str, int]) -> int | None:
    probe = path
    while probe:
        if probe in lines:
            return lines[probe]
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return None


_MESSAGES = {
    "missing": "缺少必填字段，请补上",
    "extra_forbidden": "未知字段（是否拼写错误？可用 `evalreport schema` 查看所有字段）",
    "greater_than": "数值过小",
    "less_than": "数值过大",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "string_type": "应为文字",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "list_type": "应为列表（每项以“- ”开头）",
    "dict_type": "应为键值对象",
    "model_type": "应为键值对象",
    "too_short": "不能为空",
    "bool_type": "应为 true 或 false",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "int_from_float": "应为整数（不能有小数）",
    "bool_parsing": "应为 true 或 false",
    "string_unicode": "文字中含无法识别的字符，请删去后重试",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "string_too_short": "不能为空",
}


def chinese_message(error: dict[str, Any]) -> str:
    """A pydantic error in Chinese (shared by the project file and the LLM config)."""
    kind = error["type"]
    if kind == "enum" and error["loc"] and error["loc"][-1] == "unit":
        allowed = "、".join(u.value for u in Unit)
        given = error.get("input")
        return f"金额单位“{given}”无法识别，应为 {allowed} 之一" if given is not None else f"缺少金额单位，应为 {allowed} 之一"
    if kind == "string_type" and isinstance(error.get("input"), date):
        return "应为文字：日期请写成带引号的文字，如 \"2021年12月8日\""
    if kind in ("enum", "literal_error"):
        expected = str(error.get("ctx", {}).get("expected", "")).replace("'", "").replace(" or ", "、").replace(", ", "、")
        return f"取值“{error.get('input')}”无效，应为 {expected} 之一"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    bound = _BOUNDS.get(kind)
    if bound is not None:
        limit = next(iter(error.get("ctx", {}).values()), None)
        return f"{_MESSAGES[kind]}：{error.get('input')} 不合要求，应{bound} {limit}" if limit is not None else _MESSAGES[kind]
    return _MESSAGES.get(kind, error["msg"])


_BOUNDS = {"greater_than": "大于", "greater_than_equal": "不小于", "less_than": "小于", "less_than_equal": "不大于"}


_SYNTAX_HINTS = (
    (re.compile(r'found duplicate key "([^"]*)"'), "字段“{0}”在同一层级重复出现，请删去或合并其中一个"),
    (re.compile(r"found character '\\t'"), "这一行用了 Tab 缩进，YAML 只能用空格缩进"),
    (re.compile(r"mapping values are not allowed"),
     "这一行的缩进与同级字段不一致，或文字中含英文冒号：同一层级的字段要用空格对齐；文字中有英文冒号时请给整段文字加引号"),
    (re.compile(r"expected <block end>, but found"), "缩进不一致：这一行与同一层级的字段没有对齐（多了或少了空格），请与上下行对齐，只用空格缩进"),
    (re.compile(r"expected <block mapping start>|did not find expected key"), "缩进或格式有误：请检查这一行及上一行的缩进（只用空格）和“键: 值”写法"),
    (re.compile(r"could not find expected ':'"), "缺少“键: 值”中的冒号，或上一行的引号没有闭合"),
    (re.compile(r"found unexpected end of stream|expected the node content"), "内容不完整：方括号、花括号或引号没有闭合"),
    (re.compile(r"found undefined alias|found unhashable key"), "YAML 写法有误：不要以 * 或 & 开头，文字中有这些符号时请加引号"),
    (re.compile(r"expected ',' or '[\]}]'"), "方括号或花括号没有闭合，或其中各项之间缺少逗号"),
    (re.compile(r"found character '(.)' that cannot start any token"),
     "值不能以“{0}”开头：请给这一行冒号后的整段文字加引号（如 \"{0}……\"）"),
    (re.compile(r"could not determine a constructor for the tag|found unknown escape character|found undefined tag handle"),
     "文字中含 YAML 的特殊写法（以 ! 开头的标记或引号内的反斜杠 \\）：请删去，或把整段文字改用单引号"),
    (re.compile(r"found another document"), "文件中有第二个 YAML 文档（单独一行的“---”），项目文件只能有一个：请删去这一行及其后多余的内容"),
)


_CN_COLON_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*)\s*：\s*(.*)$")
_OPEN_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_-]*\s*:\s*\"")
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+]?\s*$")  # “evidence: |”: the lines below, further in, are text


def likely_cause(text: str, error_line: int | None) -> tuple[int, str] | None:
    """(line, Chinese hint) of a slip the YAML parser reports only lines later, at or before ``error_line``: a key
    followed by a Chinese colon (“region：上城区”), or a value whose opening double quote is never closed. A candidate
    is taken only if mending it lets the parser get past the line where it failed."""
    lines = text.splitlines()
    block_indent: int | None = None  # inside a block scalar: its key's indentation
    for number, line in enumerate(lines, 1):
        if error_line is not None and number > error_line:
            break
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and (not line.strip() or indent > block_indent):
            continue
        block_indent = indent if _BLOCK_SCALAR.search(line) else None
        colon = _CN_COLON_KEY.match(line)
        if colon is not None:
            lead, key, value = colon.groups()
            if _mended(lines, number, f"{lead}{key}: {value}", error_line):
                return number, (f"YAML 语法错误：“{key}”后用了中文冒号“：”，键与值之间要用英文冒号加一个空格"
                                f"（写作 {key}: {value[:20]}）")  # fmt: skip
        following = next((later for later in lines[number:] if later.strip()), "")
        if _OPEN_QUOTED_VALUE.match(line) and _unescaped_quotes(line) % 2 == 1 and _YAML_KEY.match(following) \
                and _mended(lines, number, line + '"', error_line):  # fmt: skip
            # (a quoted value may run on over lines; one followed straight by the next key was never closed)
            return number, ("YAML 语法错误：这一行的值以英文双引号 \" 开头，但没有闭合（行末缺少 \"）；"
                            "文字中要用引号时请用中文引号“”")  # fmt: skip
    return None


def _mended(lines: list[str], number: int, mended: str, error_line: int | None) -> bool:
    """Whether the file parses, or fails only after ``error_line``, with line ``number`` written as ``mended``."""
    text = "\n".join([*lines[: number - 1], mended, *lines[number:]])
    try:
        _yaml().load(text)
    except MarkedYAMLError as exc:
        return error_line is not None and exc.problem_mark is not None and exc.problem_mark.line + 1 > error_line
    except Exception:  # noqa: BLE001 - any other complaint is past the syntax: the line was the slip
        return True
    return True


def _unescaped_quotes(line: str) -> int:
    return len(re.findall(r'(?<!\\)"', line))


def syntax_message(problem: str) -> str:
    """A Chinese explanation of a YAML parser problem."""
    for pattern, hint in _SYNTAX_HINTS:
        match = pattern.search(problem)
        if match:
            return f"YAML/JSON 语法错误：{hint.format(*match.groups())}"
    return f"YAML/JSON 语法错误（解析器：{problem}），请检查缩进、冒号和引号"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what no report holds (tab and line breaks aside)
_PATH_PREFIX = re.compile(r"^([A-Za-z_][\w.\[\]]*)[：（]")


_SPECIAL_FILES = ((stat.S_ISFIFO, "命名管道（FIFO）"), (stat.S_ISSOCK, "套接字（socket）"), (stat.S_ISCHR, "字符设备"),
                  (stat.S_ISBLK, "块设备（磁盘）"))  # fmt: skip


def input_problem(path: Path, what: str) -> str | None:
    """Why an input cannot be read, said (in Chinese, without its path) before anything reads it: a symbolic link
    that loops or points nowhere, a folder the user may not open, something other than a regular file (a device or a
    pipe is never read: it would block or never end), a file the user may not read. None when it can be read, or is
    missing or a folder (callers say those their own way). ``what`` names the file wanted: “报告（.docx、.md 或 .txt）”."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"符号链接循环：该路径经过一个或几个符号链接又指回自身，找不到实际的文件。请改为指定实际的{what}文件"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if not os.path.islink(path):
                return None
            with contextlib.suppress(OSError):
                return f"这是一个符号链接，它指向的“{os.readlink(path)}”不存在（链接已失效）。请改为指定实际的{what}文件"
            return None
        if exc.errno in (errno.EACCES, errno.EPERM):
            return (f"没有权限：当前用户不能打开它所在的文件夹“{Path(path).parent}”（或其上级文件夹）。请检查这些文件夹的权限，"
                    "或把文件复制到有权限的文件夹后重试")  # fmt: skip
        return f"无法访问（{exc.strerror or exc}）。请检查路径"
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _SPECIAL_FILES if test(info.st_mode)), "特殊文件")
        return f"不是普通文件，而是{kind}，未读取（读取它会一直等待或永远读不完）。请指定保存在磁盘上的{what}文件"
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "没有权限读取该文件：当前用户不能读它。请检查文件的权限（在文件属性中允许当前用户读取），或请文件的所有者开放读取"
        return f"无法打开（{exc.strerror or exc}）。请检查该文件"
    return None


PROJECT_DATA = "项目数据（.yaml 或 .json）"
_WANTED = "--data 要的是 YAML（.yaml）或 JSON（.json）项目文件"
_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv")
_DOCUMENTS = {".docx": "Word 文档", ".docm": "Word 文档", ".dotx": "Word 模板", ".doc": "Word 97-2003（.doc）文档",
              ".wps": "WPS 文字文档", ".rtf": "RTF 文档", ".odt": "OpenDocument 文字文档", ".pdf": "PDF 文件"}  # fmt: skip
_BINARY = ((b"PK\x03\x04", "Word 或 Excel 文件"), (b"%PDF", "PDF 文件"), (b"\xd0\xcf\x11\xe0", "Word 或 Excel 97-2003 文件"))
_YAML_KEY = re.compile(r"^\s*(?:-\s+)?[\"']?[A-Za-z_][\w-]*[\"']?\s*:", re.M)


def _as_a_report(name: str) -> str:
    return f"要核查这份报告，把它写在 check 后面：evalreport check {name} --data 项目.yaml；要从它生成项目文件：evalreport extract {name} -o 项目.yaml"


def _not_project_data(path: Path, head: bytes) -> str | None:
    """Why a file given as project data is another kind of file (a score sheet, a report), by its suffix, then by its
    first bytes; else None."""
    suffix = path.suffix.lower()
    if suffix in _SPREADSHEETS:
        return (f"这是表格文件，不是项目数据文件：{_WANTED}。Excel 评分表请用 --scores 给出，与 --data 同用："
                f"--data 项目.yaml --scores {path.stem}.xlsx（.xls、.et 请先另存为 .xlsx）；还没有项目文件时，"
                "可用 evalreport extract 报告.docx -o 项目.yaml 从报告生成")  # fmt: skip
    if suffix in _DOCUMENTS:
        return f"这是 {_DOCUMENTS[suffix]}（一份报告），不是项目数据文件：{_WANTED}。{_as_a_report(path.name)}"
    kind = next((name for magic, name in _BINARY if head.startswith(magic)), None)
    if kind is not None:
        return (f"这是 {kind}（不是文字），不是项目数据文件：{_WANTED}。若它是报告，请写在 check 后面；"
                "若是 Excel 评分表，请用 --scores 给出")  # fmt: skip
    return None


def _looks_like_a_report(path: Path, text: str) -> bool:
    """Text in a file not named .yaml/.json with no “key:” line and not opening as JSON: a report saved as text."""
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        return False
    return not text.lstrip().startswith(("{", "[")) and _YAML_KEY.search(text) is None


def load_data(path: Path) -> tuple[Any, dict[str, int]]:
    """Parse YAML or JSON text into plain data and a path → line map."""
    file = str(path)
    problem = input_problem(path, PROJECT_DATA)
    if problem is not None:
        raise ProjectFileError(file, [ProblemLine("", None, problem)])
    if not path.exists():
        raise ProjectFileError(file, [ProblemLine("", None, "文件不存在，请检查路径")])
    if not path.is_file():
        raise ProjectFileError(file, [ProblemLine("", None, "这是一个文件夹，不是项目文件，请指定 .yaml 或 .json 文件")])
    with path.open("rb") as handle:
        wrong = _not_project_data(path, handle.read(8))
    if wrong is not None:
        raise ProjectFileError(file, [ProblemLine("", None, wrong)])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # (saved by a Chinese Windows editor in GBK/GB18030, as the reports may be)
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ProjectFileError(file, [ProblemLine("", None, "文件不是 UTF-8 或 GBK 编码，请用 UTF-8 另存后重试")]) from None
    if _looks_like_a_report(path, text):
        raise ProjectFileError(file, [ProblemLine("", None, "看起来是一份报告（文字），不是项目数据文件：其中没有“project:”"
                                                            f"这样的“字段: 值”行，{_WANTED}。{_as_a_report(path.name)}")])  # fmt: skip
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise ProjectFileError(file, [ProblemLine("", line, "这一行含有不可见的控制字符（多为从别处粘贴带入），请删去后重试")])
    try:
        document = _yaml().load(text)
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        earlier = likely_cause(text, line)  # the parser stumbles later than the slip: a line before it says why
        if earlier is not None:
            raise ProjectFileError(file, [ProblemLine("", earlier[0], earlier[1])]) from None
        raise ProjectFileError(file, [ProblemLine("", line, syntax_message(str(exc.problem or "")))]) from None
    except (ValueError, RecursionError, YAMLError):  # a number of thousands of digits, nesting thousands deep
        raise ProjectFileError(file, [ProblemLine("", None, "YAML/JSON 内容无法读取：嵌套过深、数字过长或写法有误，请检查文件")]) from None
    lines: dict[str, int] = {}
    try:
        data = _plain_and_lines(document, "", lines)
    except _TooLarge:
        raise ProjectFileError(file, [ProblemLine("", None, f"内容展开后超过 {NODES_MAX:,} 项：多为别名（*名称）层层引用所致，"
                                                            "请直接写出各项内容，或检查文件是否被改动")]) from None  # fmt: skip
    if not isinstance(data, dict):
        raise ProjectFileError(file, [ProblemLine("", 1, "顶层应为键值对象（project、funding、indicators 等）")])
    return data, lines


def validate(data: dict[str, Any], lines: dict[str, int], file: str) -> Evaluation:
    """Validate plain data into an Evaluation or raise ProjectFileError listing every problem."""
    try:
        evaluation = Evaluation.model_validate(data)
    except ValidationError as exc:
        problems: list[ProblemLine] = []
        for error in exc.errors(include_url=False):
            path = _loc_to_path(error["loc"])
            message = chinese_message(error)
            if not path and "\n" in message or _PATH_PREFIX.match(message):
                for part in message.splitlines():
                    match = _PATH_PREFIX.match(part)
                    sub = match.group(1) if match else ""
                    text = part[len(sub) + 1 :] if sub and part[len(sub)] == "：" else part[len(sub) :] if sub else part
                    problems.append(ProblemLine(sub, _line_for(sub, lines), text.lstrip("：")))
                continue
            if error["type"] in ("int_parsing", "int_type") and error.get("input") is not None:
                message += f"（填写的是“{error['input']}”，请写阿拉伯数字，如 2023）"
            if path == "indicators" and error["type"] == "missing":
                message = ("缺少指标体系：请在项目文件中写 indicators，或用 --scores 评分表.xlsx 从 Excel 评分表读入"
                           "（evalreport template 评分表.xlsx 生成模板）")  # fmt: skip
            problems.append(ProblemLine(_with_indicator(path, error["loc"], data), _line_for(path, lines), message))
        raise ProjectFileError(file, problems) from None
    control = [ProblemLine(path, _line_for(path, lines), "含有不可见的控制字符（如写成 \\a、\\f 的转义），Word 文档中无法写出，请删去")
               for path, text in evaluation.text_fields() if _CONTROL.search(text)]  # fmt: skip
    if control:
        raise ProjectFileError(file, control)
    return evaluation


def indicator_label(data: Any, loc: Sequence[Any]) -> str:
    """The label (“A12立项程序规范性”) of the indicator a field of plain project data lies in, by the field's keys
    and indexes (``("indicators", 0, "children", 1, "score")``); empty outside the indicators."""
    node, label = data, ""
    for key in loc:
        if isinstance(node, dict) and isinstance(key, str):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            break
        if isinstance(node, dict) and loc[0] == "indicators" and node.get("name"):
            label = f"{node.get('code') or ''}{node['name']}"
    return label


def _with_indicator(path: str, loc: tuple[Any, ...], data: Any) -> str:
    """The field path with the indicator it lies in (“indicators[0].children[1].score（A12立项程序规范性）”), so that a
    bad value is found by its name as well."""
    label = indicator_label(data, loc)
    return f"{path}（{label}）" if label and "（" not in path else path


def field_line(path: str | Path, field: str) -> int | None:
    """The line of a field (``indicators[0].children[1].evidence``) in a project file, None when unknown."""
    _, lines = load_data(Path(path))
    return _line_for(field, lines)


def require_finished(evaluation: Evaluation, path: str | Path, unfinished: list[tuple[str, str]] | None = None) -> None:
    """Raise ProjectFileError (with lines) when the project still has “（待补充）” fields or a zero budget (or, given
    ``unfinished``, those of them)."""
    unfinished = evaluation.unfinished() if unfinished is None else unfinished
    if not unfinished:
        return
    try:
        problems = [ProblemLine(field, field_line(path, field), reason) for field, reason in unfinished]
    except ProjectFileError:
        problems = [ProblemLine(field, None, reason) for field, reason in unfinished]
    raise ProjectFileError(str(path), problems)


def load_project(path: str | Path) -> Evaluation:
    """Read and validate a project file."""
    path = Path(path)
    data, lines = load_data(path)
    return validate(data, lines, str(path))
