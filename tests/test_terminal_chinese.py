"""Every line an editor sees in the terminal is Chinese: argparse's help and errors, MkDocs' progress lines."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from conftest import copy_fixture, run_cli

# What may stand in a Chinese line as it is: paths, flags, file names, numbers and dates.
_KEPT = re.compile(r"""
      \S*[/\\]\S*                                  # a path: site/, dist/<网站标识码>-<日期>.tar.gz
    | (?<![\w-])--?[A-Za-z][\w-]*                  # a flag
    | [\w.-]+\.(?:py|md|yml|json|html|txt|docx|gz)\b  # a file name
    | (?<![A-Za-z])\d[\d.:-]*                       # a number, a date, a time
""", re.X)
# Names an editor types or reads as they are: the commands, the content kinds, tools' own names.
_NAMES = {"build.py", "python", "build", "check", "package", "schemas", "new", "import", "serve", "document",
          "interpretation", "catalogue", "item", "decision", "report", "JSON", "Schema", "HTML", "SHA256SUMS",
          "YYYY", "MM", "DD", "MkDocs", "Ctrl", "Pagefind", "migrate", "audit", "wget"}
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_LEVELS = re.compile(r"^\s*(INFO|WARNING|ERROR|DEBUG|CRITICAL)\b")


def english_lines(text: str) -> list[str]:
    """Lines that are English: no Chinese beside their words, two English words in a row, an English word first
    (`usage:`) or a log level's name."""
    found = []
    for line in text.splitlines():
        rest = _KEPT.sub(" ", line)
        words = re.sub(r"[A-Za-z][\w']*", lambda m: " " if m[0] in _NAMES else m[0], rest)
        if _LEVELS.match(line) or re.match(r"\s*[A-Za-z]{2,}", words) or re.search(r"[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}", words) \
                or (re.search(r"[A-Za-z]{2,}", words) and not _CJK.search(words)):
            found.append(line)
    return found


def test_the_detector_finds_what_editors_tripped_over() -> None:
    assert english_lines("usage: build.py [-h] 命令 ...\n  -h, --help  show this help message and exit\n"
                         "INFO Cleaning site directory\nINFO 站内搜索索引：9 个页面\n"
                         "build.py: error: the following arguments are required: 命令\noptions:") == [
        "usage: build.py [-h] 命令 ...", "  -h, --help  show this help message and exit", "INFO Cleaning site directory",
        "INFO 站内搜索索引：9 个页面", "build.py: error: the following arguments are required: 命令", "options:"]
    assert english_lines("用法：build.py build [-h] [--site-dir 目录]\n站点已生成：/tmp/x/site\n"
                         "    package   生成站点并打包为 dist/<网站标识码>-<日期>.tar.gz 和 SHA256SUMS\n"
                         "  --today 日期     检查日期（YYYY-MM-DD），默认今天") == []


def test_help_errors_check_and_build_speak_chinese(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    runs = {
        "--help": run_cli("--help"),
        "build --help": run_cli("build", "--help"),
        "new document --help": run_cli("new", "document", "--help"),
        "migrate --help": run_cli("migrate", "--help"),
        "audit --help": run_cli("audit", "--help"),
        "(no command)": run_cli(),
        "bad option": run_cli("--root", tree, "check", "--bogus"),
        "bad kind": run_cli("new", "pamphlet"),
        "bad date": run_cli("--root", tree, "check", "--today", "2024-7"),
        "check": run_cli("--root", tree, "check"),
        "build": run_cli("--root", tree, "build", "--site-dir", tree / "site"),
    }
    assert {name: english_lines(run.text) for name, run in runs.items() if english_lines(run.text)} == {}
    assert runs["check"].code == 0 and runs["build"].code == 0, runs["build"].text
    assert runs["--help"].out.startswith("用法：") and "build.py [-h]" in runs["--help"].out and re.search(r"-h, --help +显示本说明", runs["--help"].out)
    assert runs["(no command)"].code == 2 and "缺少“命令”" in runs["(no command)"].err
    assert "不认识的参数：--bogus" in runs["bad option"].err
    assert "“类型”没有“pamphlet”这一项，可选：document、interpretation" in runs["bad kind"].err
    # check renders into a scratch folder: nothing may suggest that site/ was wiped
    assert "Cleaning" not in runs["check"].text and "生成页面：" in runs["check"].err


def test_help_columns_line_up_on_screen_with_chinese_metavars() -> None:
    """A Chinese character takes two columns: argparse alone would push its line's help out of the column."""
    help_text = run_cli("check", "--help").out
    options = help_text.split("选项：\n", 1)[1].splitlines()
    starts = set()
    for line in options:
        flag, help_part = re.match(r"^(\s+\S+(?: \S+)?)\s+(\S.*)$", line).groups()  # type: ignore[union-attr]
        shown = line[: line.index(help_part)]
        starts.add(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in shown))
    assert len(options) == 5 and len(starts) == 1, help_text
