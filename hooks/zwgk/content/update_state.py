"""content/update-log.yml: what the last `build.py build` published, and the update log so far.

Like the 索引号 registry, `build` writes it and editors commit it with their changes; `check` and
`serve` only read it. It holds, for each published document, a short hash of each field the public
sees (so the next build can say which fields changed without keeping old texts), and the log
entries, newest first. A document that left the site keeps its entries without 标题, 文件 or 文号.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from zwgk.base import memo, vocab
from zwgk.base.dates import parse_date
from zwgk.base.problems import Problems
from zwgk.content.model import LogEntry, UpdateState
from zwgk.content.sourcefile import read_yaml_file

FILE = Path("content") / "update-log.yml"
_HEADER = ("# 更新日志：由 build.py build 自动维护，请随其他改动一起提交，不要手工改。\n"
           "# “日志”是网站“更新日志”页面的内容；“文件”记下上次生成时每个公开文件各项的校验值，用来判断改了哪些项。\n")
_BROKEN_FIX = "这个文件由 build.py build 维护，不要手工改：用 git 找回它的上一个版本；删掉它则下次生成把所有文件记为新增"


def load(root: Path, problems: Problems) -> UpdateState | None:
    path = root / FILE
    if not path.is_file():
        return None
    # thousands of lines: serve reads them once
    return memo.remember_reporting(("update-state", memo.file_state(path)), problems, lambda found: _read(path, found))


def _read(path: Path, problems: Problems) -> UpdateState | None:
    located = read_yaml_file(path, problems)
    if located is None:
        return None
    data = located.data or {}
    files, log = (data.get("文件") or {}, data.get("日志") or []) if isinstance(data, dict) else (None, None)
    if not isinstance(files, dict) or not isinstance(log, list) or not all(isinstance(v, dict) for v in files.values()):
        problems.error(path, 1, "更新日志文件格式不对", _BROKEN_FIX)
        return None
    entries = []
    for i, item in enumerate(log):
        entry = _entry(item)
        if entry is None:
            problems.error(path, located.line("日志", i), f"更新日志第 {i + 1} 条格式不对", _BROKEN_FIX)
            return None
        entries.append(entry)
    return UpdateState({str(k): {str(f): str(h) for f, h in v.items()} for k, v in files.items()}, tuple(entries))


def _entry(item: Any) -> LogEntry | None:
    if not isinstance(item, dict) or item.get("变动") not in vocab.LOG_KINDS:
        return None
    day = parse_date(str(item.get("日期", "")))
    fields = item.get("字段", [])
    if day is None or not isinstance(fields, list):
        return None
    text = {k: str(item[k]) if item.get(k) is not None else None for k in ("文件", "标题", "文号", "说明")}
    return LogEntry(day, item["变动"], text["文件"], text["标题"], text["文号"], tuple(map(str, fields)), text["说明"])


def _quoted(text: str) -> str:
    """A JSON string is a YAML double-quoted scalar: any title, 文号 or note, written safely on one line."""
    return json.dumps(text, ensure_ascii=False)


def _entry_line(entry: LogEntry) -> str:
    parts = [f"日期: {entry.day.isoformat()}", f"变动: {entry.kind}"]
    parts += [f"{key}: {_quoted(value)}" for key, value in
              (("文件", entry.slug), ("标题", entry.title), ("文号", entry.number)) if value is not None]
    if entry.fields:
        parts.append("字段: [" + ", ".join(entry.fields) + "]")
    if entry.note is not None:
        parts.append(f"说明: {_quoted(entry.note)}")
    return "  - {" + ", ".join(parts) + "}"


def dump(state: UpdateState) -> str:
    lines = [_HEADER.rstrip("\n"), "日志:" if state.entries else "日志: []"]
    lines += [_entry_line(e) for e in state.entries]
    lines.append("文件:" if state.fingerprints else "文件: {}")
    for slug in sorted(state.fingerprints):
        hashes = ", ".join(f"{field}: {_quoted(value)}" for field, value in state.fingerprints[slug].items())
        lines.append(f"  {slug}: {{{hashes}}}")
    return "\n".join(lines) + "\n"


def save(root: Path, state: UpdateState) -> None:
    """Written atomically; the same state is always the same bytes."""
    path = root / FILE
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".update-log-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(dump(state))
    os.replace(tmp, path)
