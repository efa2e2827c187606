"""Processes a build starts end with it, even when it is killed.

A killed build runs no clean-up of its own, so its children (the search index's workers, Pagefind, the
page-rendering workers) would go on and hold the machine's memory. Pool workers watch their parent and
exit when it is gone; a program they run (Pagefind) asks Linux for SIGKILL when they end
(PR_SET_PDEATHSIG). The kernel's way is not used for the workers themselves: it fires when the *thread*
that started the child ends, and the executor starts workers from whichever thread submits work.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from functools import cache

_PR_SET_PDEATHSIG = 1


@cache
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # no prctl: children live on as before
        return None


WATCH_SECONDS = 0.5


def die_with(parent: int) -> None:
    """Called in a child of `parent` (a pool initializer): exit within WATCH_SECONDS of `parent` ending."""
    when_parent_ends(parent, lambda: os._exit(1))  # its own children (Pagefind) follow by PR_SET_PDEATHSIG


def when_parent_ends(parent: int, then: Callable[[], None]) -> None:
    """Call `then` in a thread of this process within WATCH_SECONDS of `parent` (its parent) ending."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        then()

    threading.Thread(target=watch, name="zwgk-watch-parent", daemon=True).start()


def dying_with_this_process() -> Callable[[], None] | None:
    """A preexec_fn for subprocess that makes the child end with this process. prctl is looked up here,
    before the fork: the child of a process with threads must call nothing that takes a lock."""
    prctl, parent = _prctl(), os.getpid()
    return None if prctl is None else lambda: _ask(prctl, parent)


def _ask(prctl: Callable[..., int] | None, parent: int) -> None:
    if prctl is None:
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent was gone before the request was made
        os._exit(1)
