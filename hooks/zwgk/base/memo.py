"""What `serve` keeps between rebuilds, so that editing one document re-does the work of one
document: loaded files and rendered bodies, keyed by what they were made from.

Off unless `enable()` is called (build.py serve does): a one-off build has nothing to reuse.
Entries live as long as the process; a preview session adds one entry per saved edit.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from zwgk.base.problems import Problem, Problems

T = TypeVar("T")

_enabled = False
_store: dict[Hashable, object] = {}
_rebuilds = 0  # rebuilds started after the first build
_collected = 0  # the rebuild after which garbage was last collected
HELD_REBUILDS = 4  # rebuilds in a row (an editor saving as they type) that may leave their garbage
_built = False  # the first build is done
IDLE_SECONDS = 2.0  # after a rebuild, when Python's garbage collection runs


def enable() -> None:
    global _enabled
    _enabled = True


def enabled() -> bool:
    return _enabled


def file_state(path: Path) -> tuple[str, int, int]:
    """A file as it is now on disk: any save changes it."""
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def folder_state(folder: Path) -> int:
    """Every file under `folder` as it is now: adding, removing or saving one changes it."""
    return hash(tuple(file_state(f) for f in sorted(folder.rglob("*")))) if folder.is_dir() else 0


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned last time for the same key while enabled."""
    if not _enabled:
        return compute()
    if key not in _store:
        _store[key] = compute()
    return _store[key]  # type: ignore[return-value]


def remember_reporting(key: Hashable, problems: Problems, compute: Callable[[Problems], T]) -> T:
    """Like `remember`, for work that reports problems: they are kept with the result and reported
    again into `problems` each time it is reused."""
    def run() -> tuple[T, list[Problem]]:
        found = Problems(problems.root)
        return compute(found), found.items

    result, found = remember(key, run)
    problems.items.extend(found)
    return result


_collecting = threading.Lock()  # a rebuild starting and the timer collecting: one after the other


def hold_garbage() -> None:
    """At the start of a rebuild in serve: no cyclic garbage collection until it is over. With 10,000
    documents remembered, one full collection walks millions of objects (0.5–1 s), and a rebuild used to
    set off one or two; `collect_when_idle` runs it after the editor has the page. The first build
    collects as usual."""
    global _rebuilds
    if _enabled and _built:
        if _rebuilds - _collected >= HELD_REBUILDS:
            _collect(_rebuilds)
        with _collecting:
            _rebuilds += 1
            gc.disable()


def collect_when_idle() -> None:
    """At the end of a build in serve: collect the garbage a little later, unless another rebuild has
    started by then (its own end collects)."""
    global _built
    if not _enabled:
        return
    _built = True
    timer = threading.Timer(IDLE_SECONDS, _collect, (_rebuilds,))
    timer.daemon = True
    timer.start()


def _collect(rebuild: int) -> None:
    global _collected
    with _collecting:
        if rebuild == _rebuilds:
            _collected = rebuild
            gc.enable()
            gc.collect()
