"""Typer's own words in Chinese: help-panel titles, [必填]/[缺省], and usage errors (missing or unknown options…).

Typer keeps these as module constants and prints usage errors through ``rich_utils.rich_format_error``; both are
set here once, before the app runs. Messages we cannot recognise keep Typer's English text after a Chinese lead.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.markup import escape

PANEL_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "REQUIRED_LONG_STRING": "[必填]",
    "DEFAULT_STRING": "[缺省：{}]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "用 [blue]'{command_path} {help_option}'[/] 查看帮助。",
}

# Typer's English usage messages → Chinese (what is wrong and how to fix it)
MESSAGES = (
    (re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)"), "多余的参数：{0}（含空格的路径请加引号）"),
    (re.compile(r"No such command '(.*?)'\.?\s*Did you mean '(.*)'\?"), "没有命令“{0}”，是否想用“{1}”？可用命令见 evalreport --help"),
    (re.compile(r"No such command '(.*)'\.?"), "没有命令“{0}”，可用命令见 evalreport --help"),
    (re.compile(r"Option '(.*)' requires an argument\.?"), "选项 {0} 后面需要一个值"),
    (re.compile(r"'(.*)' is not a valid (?:integer|float)(?: range)?\.?"), "“{0}”不是有效的数字"),
    (re.compile(r"'(.*)' is not one of (.*)\.?"), "“{0}”不是可选值之一：{1}"),
    (re.compile(r"Option '(.*)' does not take a value\.?"), "选项 {0} 不带值"),
    (re.compile(r"(?:[Pp]ath|[Ff]ile|[Dd]ir(?:ectory)?) '(.*)' is not readable\.?"), "没有权限读取“{0}”：请检查该文件及其所在文件夹的权限"),
    (re.compile(r"Input should be a valid integer.*"), "应为整数"),
    (re.compile(r"Input should be a valid (?:number|decimal|float).*"), "应为数字"),
    (re.compile(r"Input should be a valid boolean.*"), "应为 true 或 false"),
)


def _hint(error: Any) -> str:
    hint = getattr(error, "param_hint", None)
    if hint is None and getattr(error, "param", None) is not None:
        hint = error.param.get_error_hint()
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(str(h) for h in hint)
    hint = str(hint or "")
    argument = re.fullmatch(r"'([^'-][^']*)'", hint)  # an argument's Chinese name goes in Chinese quotes
    return f"“{argument.group(1)}”" if argument else hint


def _translate(text: str) -> str:
    for pattern, chinese in MESSAGES:
        match = pattern.fullmatch(text.strip())
        if match:
            return chinese.format(*match.groups())
    return f"命令行用法有误：{text}"


def chinese_usage_error(error: Any) -> str:
    """The Chinese message of a Typer usage error."""
    kind = type(error).__name__
    if kind == "MissingParameter":
        what = "参数" if (getattr(error, "param_type", None) or getattr(error.param, "param_type_name", "")) == "argument" else "选项"
        return f"缺少必填的{what} {_hint(error)}".rstrip()
    if kind == "NoSuchOption":
        near = sorted(getattr(error, "possibilities", None) or [])
        return f"没有选项 {error.option_name}" + (f"，是否想用 {'、'.join(near)}？" if near else "")
    if kind == "BadParameter":
        return f"{_hint(error)} 的值无效：{_translate(error.message).removeprefix('命令行用法有误：')}"
    return _translate(getattr(error, "message", None) or error.format_message())


def install() -> None:
    """Put the Chinese words and the Chinese usage-error printer in place."""
    from typer import rich_utils

    for name, value in PANEL_WORDS.items():
        setattr(rich_utils, name, value)

    def print_usage_error(error: Any) -> None:
        if type(error).__name__ == "NoArgsIsHelpError":
            return
        console = Console(stderr=True, highlight=False, soft_wrap=True)
        ctx = getattr(error, "ctx", None)
        if ctx is not None:
            console.print(escape(ctx.get_usage().replace("Usage:", "用法：")), markup=True)
            console.print(f"用 {escape(ctx.command_path)} --help 查看各选项的说明。", markup=False)
        console.print(f"[red]错误：[/red]{escape(chinese_usage_error(error))}")

    rich_utils.rich_format_error = print_usage_error

    try:  # Typer vendors click from 0.2x on; the --help text is set where the option is made
        from typer._click.core import Command
    except ImportError:  # another Typer layout: its English help text stays
        return
    english_help_option = Command.get_help_option

    def help_option_in_chinese(self: Any, ctx: Any) -> Any:
        option = english_help_option(self, ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option

    Command.get_help_option = help_option_in_chinese
    english_usage = Command.get_usage

    def usage_in_chinese(self: Any, ctx: Any) -> str:
        return english_usage(self, ctx).replace("Usage:", "用法：", 1).replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]", "命令 [参数]")

    Command.get_usage = usage_in_chinese
    _fold_long_help(rich_utils)
    _chinese_type_labels()


# Typer's type labels in the help table → the words a user knows; a flag (bool) shows none
TYPE_WORDS = {"path": "路径", "str": "文字", "int": "整数", "float": "数字", "list[Path]": "路径…"}


def _chinese_type_labels() -> None:
    from typer import core

    for parameter_class in (core.TyperOption, core.TyperArgument):
        english = parameter_class.display_type_rich

        def display_type_rich(self: Any, ctx: Any, english: Any = english) -> str | None:
            if getattr(self, "is_flag", False):
                return None
            label = english(self, ctx)
            if label is None or label == self.metavar:
                return label
            word = label.strip("<>").removesuffix("...")
            return f"<{TYPE_WORDS.get(word, word)}>" + ("…" if label.endswith("...") else "")

        parameter_class.display_type_rich = display_type_rich


def _fold_long_help(rich_utils: Any) -> None:
    """Chinese help has no spaces, so a long sentence is one "word" that Rich would cut with "…" at the column edge:
    fold it onto the next line instead."""
    english = rich_utils._make_rich_text

    def make_rich_text(*args: Any, **kwargs: Any) -> Any:
        text = english(*args, **kwargs)
        if hasattr(text, "overflow"):
            text.overflow = "fold"
        return text

    rich_utils._make_rich_text = make_rich_text
