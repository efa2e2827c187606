"""content/update-log.yml: what the last `build.py build` published, and the update log so far.

Like the 索引号 registry, `build` writes it and editors commit it with their changes; `check` and
`serve` only read it. It holds, for each published document, a short hash of each field the public
sees (so the next build can say which fields changed without keeping old texts), and the log
entries, newest first. A document that left the site keeps its entries without 标题, 文件 or 文号.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from zwgk.base import build_store, memo, vocab
from zwgk.base.dates import parse_date
from zwgk.base.problems import Problems
from zwgk.content.model import LogEntry, UpdateState
from zwgk.content.sourcefile import read_yaml_file

FILE = Path("content") / "update-log.yml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HEADER = ("# 更新日志：由 build.py build 自动维护，请随其他改动一起提交，不要手工改。\n"
           "# “日志”是网站“更新日志”页面的内容；“文件”记下上次生成时每个公开文件各项（按“校验项”的顺序）的校验值，用来判断改了哪些项。\n")
_BROKEN_FIX = "这个文件由 build.py build 维护，不要手工改：用 git 找回它的上一个版本；删掉它则下次生成把所有文件记为新增"


def load(root: Path, problems: Problems) -> UpdateState | None:
    path = root / FILE
    if not path.is_file():
        return None
    # thousands of lines: serve reads them once
    if memo.enabled():
        return memo.remember_reporting(("update-state", memo.file_state(path)), problems, lambda found: _read(path, found))
    # build: the previous build's reading of the same bytes (base/build_store.py)
    return build_store.remember_reporting("update-state", (str(path), build_store.file_bytes(path)), problems,
                                          lambda found: _read(path, found))


def _read(path: Path, problems: Problems) -> UpdateState | None:
    """The file as build.py wrote it, read without line numbers (ten times faster at 10,000 documents);
    anything else is read again the careful way, to say where it went wrong."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
        state = _state(data) if isinstance(data, dict) else None
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        state = None
    return state if state is not None else _read_reporting(path, problems)


def _fingerprints(data: dict[str, Any]) -> dict[str, dict[str, str]] | None:
    files, names = data.get("文件") or {}, data.get("校验项") or []
    if not isinstance(files, dict) or not isinstance(names, list) or not all(isinstance(v, str) for v in files.values()):
        return None
    out = {}
    for slug, line in files.items():
        hashes = line.split()
        if len(hashes) != len(names):
            return None
        out[str(slug)] = {str(name): h for name, h in zip(names, hashes, strict=True) if h != "-"}
    return out


def _state(data: dict[str, Any]) -> UpdateState | None:
    fingerprints, log = _fingerprints(data), data.get("日志") or []
    if fingerprints is None or not isinstance(log, list):
        return None
    entries = [_entry(item) for item in log]
    if any(e is None for e in entries):
        return None
    return UpdateState(fingerprints, tuple(e for e in entries if e is not None))


def _read_reporting(path: Path, problems: Problems) -> UpdateState | None:
    located = read_yaml_file(path, problems)
    if located is None:
        return None
    data = located.data or {}
    fingerprints, log = (_fingerprints(data), data.get("日志") or []) if isinstance(data, dict) else (None, None)
    if fingerprints is None or not isinstance(log, list):
        problems.error(path, 1, "更新日志文件格式不对", _BROKEN_FIX)
        return None
    entries = []
    for i, item in enumerate(log):
        entry = _entry(item)
        if entry is None:
            problems.error(path, located.line("日志", i), f"更新日志第 {i + 1} 条格式不对", _BROKEN_FIX)
            return None
        entries.append(entry)
    return UpdateState(fingerprints, tuple(entries))


def _entry(item: Any) -> LogEntry | None:
    if not isinstance(item, dict) or item.get("变动") not in vocab.LOG_KINDS:
        return None
    day = parse_date(str(item.get("日期", "")))
    fields = item.get("字段", [])
    if day is None or not isinstance(fields, list):
        return None
    text = {k: str(item[k]) if item.get(k) is not None else None for k in ("文件", "标题", "文号", "说明")}
    return LogEntry(day, item["变动"], text["文件"], text["标题"], text["文号"], tuple(map(str, fields)), text["说明"])


# What YAML reads otherwise than JSON writes it: DEL and C1 controls (refused), NEL and the Unicode line and
# paragraph separators (line breaks, folded to a space), U+FFFE/FFFF (refused), lone surrogates (unwritable).
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def _quoted(text: str) -> str:
    """A JSON string is a YAML double-quoted scalar: any title, 文号 or note, written safely on one line; the
    characters YAML would read otherwise are written as \\u escapes, so reading gives back the same text."""
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", json.dumps(text, ensure_ascii=False))


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
    # one line a document, its hashes in the order 校验项 names (a mapping a line is three times slower to read)
    names = list(dict.fromkeys(name for hashes in state.fingerprints.values() for name in hashes))
    lines.append("校验项: [" + ", ".join(names) + "]")
    lines.append("文件:" if state.fingerprints else "文件: {}")
    for slug in sorted(state.fingerprints):
        hashes = state.fingerprints[slug]
        lines.append(f"  {_quoted(slug)}: " + _quoted(" ".join(hashes.get(name, "-") for name in names)))
    return "\n".join(lines) + "\n"


def as_read(state: UpdateState) -> UpdateState:
    """What reading the file `dump(state)` gives back, made without reading it: the same values, the
    fingerprints in the file's order (slugs sorted, fields in 校验项 order), texts as strings."""
    names = list(dict.fromkeys(name for hashes in state.fingerprints.values() for name in hashes))
    fingerprints = {str(slug): {name: state.fingerprints[slug][name] for name in names if name in state.fingerprints[slug]}
                    for slug in sorted(state.fingerprints)}
    entries = tuple(LogEntry(e.day, e.kind, *(None if v is None else str(v) for v in (e.slug, e.title, e.number)),
                             tuple(map(str, e.fields)), None if e.note is None else str(e.note)) for e in state.entries)
    return UpdateState(fingerprints, entries)


def remember_as_saved(store: build_store.Store, root: Path, state: UpdateState) -> None:
    """Give the next build its reading of the file `save` is about to write. Every build that changes
    something rewrites the file, so its reading (thousands of lines, 1–2 s at 10,000 documents) would never
    be found in the store otherwise."""
    parts = (str(root / FILE), dump(state).encode("utf-8"))
    store.offer("update-state", parts, (as_read(state), []))  # as remember_reporting keeps it: no problems


def save(root: Path, state: UpdateState) -> bool:
    """Write the file when its text would change, atomically; the same state is always the same bytes."""
    path = root / FILE
    text = dump(state)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".update-log-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)
    return True
