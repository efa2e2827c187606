"""What `serve` keeps between rebuilds, so that editing one document re-does the work of one
document: loaded files and rendered bodies, keyed by what they were made from.

Off unless `enable()` is called (build.py serve does): a one-off build has nothing to reuse.
Entries live as long as the process; a preview session adds one entry per saved edit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_enabled = False
_store: dict[Hashable, object] = {}


def enable() -> None:
    global _enabled
    _enabled = True


def enabled() -> bool:
    return _enabled


def file_state(path: Path) -> tuple[str, int, int]:
    """A file as it is now on disk: any save changes it."""
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned last time for the same key while enabled."""
    if not _enabled:
        return compute()
    if key not in _store:
        _store[key] = compute()
    return _store[key]  # type: ignore[return-value]
