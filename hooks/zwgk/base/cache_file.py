"""One JSON file of the build cache (<root>/.cache/build/*.json): read with every check that it was written by
this tool for this content root, and written atomically.

A cache file that cannot be used is never an error: the build does that part in full and says so in one line.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from zwgk.base import build_cache

FORMAT = 1  # of every file here; a file of another format is ignored


class Unusable(Exception):
    """Why a cache file cannot be used (Chinese, for the warning)."""


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def warn(root: Path, path: Path, why: str, what: str) -> None:
    """The one line a build prints for a cache file it does not use; `what` is the part done in full."""
    build_cache.tell_unusable(_shown(root, path), why, what)


def read(root: Path, name: str, what: str, quiet: bool = False) -> dict[str, Any] | None:
    """The body of cache file `name` of `root`, or None: missing (said nowhere: a first build), or unusable
    (said in one line naming the file and `what` is done in full instead, unless `quiet`: for the caches
    beside pages.json, whose warning already says the build is done in full)."""
    path = build_cache.folder(root) / name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        if not quiet:
            warn(root, path, f"读不出：{error.strerror}", what)
        return None
    try:
        return check(raw, root)
    except Unusable as why:
        if not quiet:
            warn(root, path, str(why), what)
        return None


def check(raw: bytes, root: Path) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Unusable("内容已损坏，不是完整的 JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("body"), dict):
        raise Unusable("格式不对")
    if data.get("format") != FORMAT:
        raise Unusable(f"是另一种格式（{data.get('format')!r}）写的")
    if data.get("tool") != build_cache.tool_signature():
        raise Unusable("是另一个版本的程序、模板或 mkdocs.yml 写的")
    if data.get("root") != str(root.resolve()):
        raise Unusable(f"是为另一个内容目录 {data.get('root')!r} 写的")
    return data["body"]


def write(root: Path, name: str, body: dict[str, Any]) -> None:
    """Write cache file `name` at once or not at all (a temporary file renamed over it)."""
    folder = build_cache.folder(root)
    folder.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "tool": build_cache.tool_signature(), "root": str(root.resolve()), "body": body}
    fd, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            # dumps, not dump: json.dump always takes the pure-Python encoder, three times slower here
            out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
