"""What a long build is doing, in Chinese: the stage it is in, and how far along (生成页面 3,200 / 12,859).

On a terminal the stage's line is redrawn in place while it runs; anywhere else (a CI log, a file) each
stage prints one line when it ends, and never a carriage return. Only the commands that want it (build,
check, package) turn it on: serve's rebuilds and the tests' in-process calls stay silent.

The work is done by forked workers too (parallel.py), so the count is a shared-memory counter made before
they fork. The drawing thread writes with os.write and never takes the counter's lock: a fork while it held
a Python-level lock would leave that lock held for good in the child.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

_REDRAW_SECONDS = 0.25
_CLEAR_LINE = "\r\x1b[K"


@dataclass
class _State:
    enabled: bool = False
    terminal: bool = False
    counter: Any = None  # multiprocessing.Value("q"): items done in the running stage, by every process
    stages: list[str] = field(default_factory=list)


_state = _State()


def enable(terminal: bool | None = None) -> None:
    """Report stages from now on; redraw in place when stderr is a terminal (or `terminal` says so)."""
    _state.enabled = True
    _state.terminal = sys.stderr.isatty() if terminal is None else terminal
    if _state.counter is None:  # before any worker forks, so that they all share it
        _state.counter = multiprocessing.get_context("fork" if _fork() else None).Value("q", 0)


def disable() -> None:
    _state.enabled = False


def enabled() -> bool:
    return _state.enabled


def _fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def advance(count: int = 1) -> None:
    """`count` more items of the running stage are done (in this process or a forked worker)."""
    counter = _state.counter
    if counter is not None and _state.enabled:
        with counter.get_lock():
            counter.value += count


def _write(text: str) -> None:
    try:
        os.write(sys.stderr.fileno(), text.encode("utf-8", "replace"))
    except (OSError, ValueError, AttributeError):  # no stderr to write to (a closed pipe, a test's capture)
        pass


def _line(name: str, total: int | None, done: int, unit: str, seconds: float) -> str:
    """生成页面：665 / 2,613 个（2 秒）, or 检查内容……（3 秒） for a stage that counts nothing."""
    if total:
        return f"{name}：{min(done, total):,} / {total:,} {unit}（{seconds:.0f} 秒）"
    return f"{name}：{done:,} {unit}（{seconds:.0f} 秒）" if done else f"{name}……（{seconds:.0f} 秒）"


@contextmanager
def stage(name: str, total: int | None = None, unit: str = "个") -> Iterator[None]:
    """A stage of the build: `name` (读取内容, 生成页面 …) over `total` items, counted by advance()."""
    if not _state.enabled or _state.stages:  # a stage inside a stage counts towards the outer one
        yield
        return
    counter = _state.counter
    counter.value = 0  # no worker runs between stages
    _state.stages.append(name)
    started = time.perf_counter()
    stop = threading.Event()
    drawing = None
    if _state.terminal:
        def redraw() -> None:
            while not stop.wait(_REDRAW_SECONDS):
                _write(_CLEAR_LINE + _line(name, total, counter.get_obj().value, unit, time.perf_counter() - started))
        drawing = threading.Thread(target=redraw, name="zwgk-progress", daemon=True)
        drawing.start()
    finished = False
    try:
        yield
        finished = True
    finally:
        stop.set()
        if drawing is not None:
            drawing.join()
        _state.stages.pop()
        if finished:
            seconds = time.perf_counter() - started
            done = total if total is not None else counter.get_obj().value
            amount = f"{done:,} {unit}，" if done else ""
            _write(f"{_CLEAR_LINE if _state.terminal else ''}{name}：{amount}用时 {seconds:.1f} 秒\n")
        elif _state.terminal:
            _write(_CLEAR_LINE)  # the errors that stopped it follow on a clean line
