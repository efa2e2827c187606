"""`build.py serve`: the local preview, rebuilding what an edit changes."""

from __future__ import annotations

import signal
from pathlib import Path

from zwgk.base import memo
from zwgk.commands import mkdocs_run


def serve(root: Path, addr: str, poll: bool = False) -> int:
    memo.enable()  # after the first build, an edit re-renders only the pages it changes
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a service manager: clean up as on Ctrl-C
    return mkdocs_run.serve(root, addr, poll)


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt
