"""serve's search index: written again after each rebuild, in the background, and only where it changed.

The index is made of parts of search.PART_SIZE records; an edit changes one record, so only the part that
holds it goes through Pagefind again, and the others are linked in as they were. The pages Pagefind reads,
and Pagefind, run in a process of their own, so the editor's next rebuild keeps its core; only the records
are made, and compared with the last ones, in a thread of serve.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import shutil
import signal
import sys
import threading
from pathlib import Path

from zwgk.base import children
from zwgk.base import scratch as scratch_folders
from zwgk.site.bodies import Body
from zwgk.site.publication import PublicSite
from zwgk.site.search import BUNDLE, Record, parts, records, update_parts


class BackgroundIndex:
    """Rebuilds while an update runs leave only the newest request; an index whose records did not change
    is not written again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: tuple[PublicSite, dict[str, Body], Path] | None = None
        self._thread: threading.Thread | None = None
        self._indexed: list[list[Record]] = []  # the parts as they are in self._scratch
        self._site_dir: Path | None = None  # where they were last put
        self._scratch: Path | None = None
        self._process: multiprocessing.process.BaseProcess | None = None  # the update under way
        self._closed = False

    def request(self, public: PublicSite, bodies: dict[str, Body], site_dir: Path) -> None:
        with self._lock:
            self._wanted = (public, bodies, site_dir)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="zwgk-search-index", daemon=True)
                self._thread.start()

    def wait(self) -> None:
        """For tests: until the newest request is written."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return
            thread.join()

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._wanted = self._wanted, None
                if job is None or self._closed:
                    self._thread = None
                    return
            public, bodies, site_dir = job
            found = parts(records(public, bodies))
            changed = {n: part for n, part in enumerate(found) if self._indexed[n:n + 1] != [part]}
            if not changed and len(found) == len(self._indexed) and site_dir == self._site_dir \
                    and (site_dir / BUNDLE).is_dir():
                continue
            if self._update(changed, len(found), site_dir):
                self._indexed, self._site_dir = found, site_dir
            elif not self._closed:
                self._indexed, self._site_dir = [], None  # start afresh next time
                print("站内搜索索引没有更新；预览的其他部分不受影响", file=sys.stderr)

    def _update(self, changed: dict[int, list[Record]], count: int, site_dir: Path) -> bool:
        if self._scratch is None:
            scratch_folders.remove_left_behind()
            self._scratch = scratch_folders.folder("serve-search")
            atexit.register(shutil.rmtree, self._scratch, ignore_errors=True)
        # spawned, not forked: this process has server threads; a daemon, so it ends with serve
        process = multiprocessing.get_context("spawn").Process(
            target=_update_parts, args=(changed, count, self._scratch, site_dir), name="zwgk-search-index", daemon=True)
        with self._lock:
            if self._closed:
                return False
            self._process = process
            process.start()
        process.join()
        return process.exitcode == 0

    def close(self) -> None:
        """serve is stopping: end the update under way (before MkDocs deletes the site it writes into) and
        remove the parts."""
        with self._lock:
            self._closed = True
            process = self._process
        if process is not None and process.is_alive():
            process.terminate()  # the process ends its Pagefind and removes its pages (_end_with_parent)
            process.join(timeout=10)
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)


def _update_parts(changed: dict[int, list[Record]], count: int, scratch: Path, site_dir: Path) -> None:
    _end_with_parent()
    try:
        update_parts(changed, count, scratch, site_dir)
    except Exception as error:  # noqa: BLE001 - said in one line; the preview goes on
        print(f"站内搜索索引出错：{error}", file=sys.stderr)
        sys.exit(1)


def _end_with_parent() -> None:
    """A stopped serve (Ctrl-C, closed, or killed) leaves no indexing behind. This process and its Pagefind
    form a process group of their own; when serve ends it (close) or is gone, Pagefind is stopped and this
    process exits the ordinary way, so the pages it wrote for Pagefind (in /dev/shm) are removed."""
    if not hasattr(os, "setpgrp"):
        return  # Windows: the console closes the process with serve
    os.setpgrp()
    parent = os.getppid()

    def stop(*_: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        os.killpg(0, signal.SIGTERM)  # Pagefind, if running; this process ignores it now
        raise SystemExit(1)

    signal.signal(signal.SIGTERM, stop)
    children.when_parent_ends(parent, lambda: os.kill(os.getpid(), signal.SIGTERM))


SERVE_INDEX = BackgroundIndex()  # one per process: the hook module itself is loaded anew for every rebuild
