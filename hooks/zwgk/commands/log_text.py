"""What the log shows editors: our lines as they are, MkDocs' progress lines in Chinese or not at all.

MkDocs reports its progress in English on the `mkdocs.*` loggers ("Cleaning site directory" even
during `check`, which never touches site/). Its lines that matter to an editor are said in Chinese,
its other progress lines are dropped, and its warnings stay visible, marked as MkDocs' own.
"""

from __future__ import annotations

import logging
import re

from zwgk.base import progress

# MkDocs' (and ProperDocs') progress lines: the Chinese said instead, None to say nothing.
_MKDOCS: tuple[tuple[re.Pattern[str], str | None], ...] = tuple((re.compile(p), t) for p, t in (
    (r"^Cleaning site directory$", None),  # a scratch folder: site/ is replaced only when all checks pass
    (r"^Building documentation to directory: ", None),
    (r"^The directory contains stale files", None),
    (r"^Documentation built in ([\d.]+) seconds$", r"页面生成完毕，用时 \1 秒"),
    (r"^Building documentation\.\.\.$", "正在生成页面……"),
    (r"^Serving on (\S+).*$", r"预览地址：\1（按 Ctrl+C 结束预览）"),
    (r"^Watching paths for changes: ", None),
    (r"^Detected file changes$", "发现文件改动"),
    (r"^Reloading browsers$", "刷新浏览器中的页面"),
    (r"^Browser connected: (\S+)$", r"浏览器已打开 \1"),
    (r"^Shutting down\.\.\.$", "预览已结束"),
))
# Said by our own stage line (生成页面：12,859 个，用时 …) when the command shows its progress.
_SAID_BY_PROGRESS = re.compile(r"^Documentation built in ")
_RENDERERS = ("mkdocs", "properdocs")
_CLOCK = re.compile(r"^(\[[\d:]+\] )?")  # the preview server's lines start with the time


class MkDocsInChinese(logging.Filter):
    """On the handler, so it sees the records of every `mkdocs.*` logger (a logger's filter sees only its own)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.split(".", 1)[0] not in _RENDERERS:
            return True
        message = record.getMessage()
        clock = _CLOCK.match(message)[0]  # type: ignore[index] # the pattern matches any text
        message = message[len(clock):]
        if progress.enabled() and _SAID_BY_PROGRESS.match(message):
            return False
        for pattern, text in _MKDOCS:
            if pattern.match(message):
                if text is None:
                    return False
                record.msg, record.args = clock + pattern.sub(text, message), ()
                return True
        if record.levelno < logging.WARNING:
            return False  # progress nobody asked about
        record.msg, record.args = f"{clock}MkDocs 提示（原文）：{message}", ()
        return True


class LevelInChinese(logging.Formatter):
    """`警告：…` and `错误：…`; a progress line as it is, without "INFO"."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if record.levelno >= logging.ERROR:
            return f"错误：{text}"
        return f"警告：{text}" if record.levelno >= logging.WARNING else text


def setup() -> None:
    """The log of every command: to the terminal (stderr), in Chinese."""
    handler = logging.StreamHandler()
    handler.setFormatter(LevelInChinese("%(message)s"))
    handler.addFilter(MkDocsInChinese())
    logging.basicConfig(level=logging.INFO, handlers=[handler])
