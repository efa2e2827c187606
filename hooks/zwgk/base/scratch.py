"""Scratch folders named after the process that made them, so the next run can remove what a killed one left.

A killed process runs none of its clean-up (SIGKILL, a closed terminal, a machine switched off): its
folders in the system's temporary folder and in /dev/shm stay. Each is named `zwgk-<kind>-<pid>-<random>`;
a later run removes every such folder whose process is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

MEMORY_DIR = "/dev/shm"  # RAM-backed on Linux: where Pagefind's input pages are written when there is room
_NAME = re.compile(r"zwgk-[a-z]+(?:-[a-z]+)*-(\d+)-")


def prefix(kind: str) -> str:
    """The name start of a scratch folder of `kind` made by this process."""
    return f"zwgk-{kind}-{os.getpid()}-"


def folder(kind: str, within: str | Path | None = None) -> Path:
    """A new scratch folder of `kind` (in the system's temporary folder unless `within`)."""
    return Path(tempfile.mkdtemp(prefix=prefix(kind), dir=within))


def remove_left_behind(places: Iterable[str | Path] = ()) -> list[Path]:
    """Remove the scratch folders of processes that are gone, in the temporary folder, /dev/shm and
    `places`; the folders removed."""
    removed = []
    for place in {Path(tempfile.gettempdir()), Path(MEMORY_DIR), *map(Path, places)}:
        try:
            entries = list(place.glob("zwgk-*-*-*"))
        except OSError:
            continue
        for entry in entries:
            match = _NAME.match(entry.name)
            if match and entry.is_dir() and not alive(int(match[1])):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
    return removed


def alive(pid: int) -> bool:
    """Whether process `pid` runs (on systems that cannot tell, assume it does: keep its folders)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True
