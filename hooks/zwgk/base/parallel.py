"""Run independent pieces of a build on every core.

MkDocs and Markdown use one core; a county site is thousands of independent pages, so the
build splits them into shards and runs each in a forked child. Forking (not spawning) lets the
children share the prepared model without pickling it; results come back pickled. Where fork
is not available (Windows), or there is one core, everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

from zwgk.base import children

T = TypeVar("T")
I = TypeVar("I")

# Below this many items a fork costs more than it saves.
MIN_ITEMS_TO_SPLIT = 200

_tasks: Sequence[Callable[[], object]] = ()
_reserved = 0  # cores kept for work running beside (the search index)


def workers() -> int:
    """How many processes to use: ZWGK_JOBS if set (1 turns parallel work off), else the cores."""
    wanted = os.environ.get("ZWGK_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))


def shards(count: int) -> int:
    """How many shards to cut `count` items into: one per core not reserved."""
    return 1 if count < MIN_ITEMS_TO_SPLIT else max(1, workers() - _reserved)


@contextmanager
def reserved(cores: int) -> Iterator[None]:
    """Work inside leaves `cores` cores to work running beside it. The search index is the longest part of
    a large build: one process more than there are cores would slow it as much as it speeds the rest."""
    global _reserved
    _reserved += cores
    try:
        yield
    finally:
        _reserved -= cores


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """`parts` contiguous slices of nearly equal size, in order (so merged results keep the order)."""
    size, extra = divmod(len(items), parts)
    slices, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        slices.append(items[start:end])
        start = end
    return slices


def _call(index: int) -> object:
    return _tasks[index]()


def run(tasks: Sequence[Callable[[], T]], processes: int | None = None) -> list[T]:
    """Each task's result, in order; with more than one task, they run in forked children (`processes` of
    them, by default one a task)."""
    global _tasks
    if len(tasks) <= 1 or processes == 1:
        return [task() for task in tasks]
    _tasks = tasks
    try:
        with multiprocessing.get_context("fork").Pool(processes or len(tasks), children.die_with, (os.getpid(),)) as pool:
            return pool.map(_call, range(len(tasks)), chunksize=1)  # type: ignore[return-value]
    finally:
        _tasks = ()


PIECES_PER_PROCESS = 4


def map_in_pieces(work: Callable[[Sequence[I]], list[T]], items: Sequence[I]) -> list[T]:
    """`work` of all `items`, in order, on every core not reserved. Each child does several pieces in turn, so
    what it sends back goes a quarter at a time: sent at once, the loaded documents or rendered bodies of
    half the site are in the child, in the pipe and in this process together (150 MiB more at the peak of a
    10,000-document build)."""
    processes = shards(len(items))
    pieces = split(items, processes * PIECES_PER_PROCESS if processes > 1 else 1)
    return [done for piece in run([partial(work, piece) for piece in pieces], processes) for done in piece]
