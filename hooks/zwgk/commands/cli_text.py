"""argparse in Chinese: the help's headings, the -h line and the usage errors editors meet.

argparse words its texts through gettext, for which no Chinese catalogue ships; instead the parser
names its own headings and -h line, and `error` rewords the few messages argparse builds (each
pattern below is one of argparse's), so no English line reaches an editor.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from typing import Any, NoReturn

# argparse's usage errors, as they read in English, and the Chinese said instead.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in (
    (r"^the following arguments are required: (.+)$", r"缺少“\1”"),
    (r"^unrecognized arguments: (.+)$", r"不认识的参数：\1"),
    (r"^argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)$", r"“\1”没有“\2”这一项，可选：\3"),
    (r"^argument (\S+): expected one argument$", r"\1 后面要写一个值"),
    (r"^argument (\S+): expected at least one argument$", r"\1 后面至少要写一个值"),
    (r"^argument (\S+): expected at most one argument$", r"\1 后面最多写一个值"),
    (r"^argument (\S+): invalid \w+ value: '?(.*?)'?$", r"\1 后面的“\2”写法不对"),
    (r"^argument (\S+): ignored explicit argument '?(.*?)'?$", r"\1 后面不用写值（写了“\2”）"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"\1 不能和 \2 一起用"),
    (r"^ambiguous option: (\S+) could match (.+)$", r"\1 不完整，可能是：\2"),
    (r"^argument (\S+): (.+)$", r"\1：\2"),  # our own messages (a wrong date), after argparse's prefix
))


def chinese_error(message: str) -> str:
    for pattern, text in _ERRORS:
        if pattern.match(message):
            return re.sub(r"'([^']*)'(, )?", r"\1\2", pattern.sub(text, message)).replace(", ", "、")
    return message


def _wide(text: str) -> int:
    """How many more columns than characters `text` takes on screen."""
    return sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # the help column where the widest flag ends on screen
            width = self._current_indent + len(invocation := self._format_action_invocation(action)) + _wide(invocation)
            self._action_max_length = max(self._action_max_length, width)

    def _format_action(self, action: argparse.Action) -> str:
        """argparse pads by len(), a Chinese metavar is twice as wide on screen: take the difference back."""
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        extra = _wide(invocation)
        first, newline, rest = text.partition("\n")
        head = first[: len(first) - len(first.lstrip())] + invocation
        if extra and first.startswith(head) and first[len(head):].startswith(" " * (2 + extra)):
            first = head + first[len(head) + extra:]
        return first + newline + rest

    def format_help(self) -> str:
        # argparse ends each heading with an ASCII colon
        return re.sub(r"^(\S[^\x00-\x7f]*):$", r"\1：", super().format_help(), flags=re.M)

    def _format_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None) -> str:
        return super()._format_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose every line is Chinese; its sub-commands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "命令和参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本说明")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：{chinese_error(message)} — 运行 {self.prog} --help 查看用法\n")
