"""The one module that drives the renderer: MkDocs 1.x, or ProperDocs where only it is installed.

ProperDocs is the maintained continuation of MkDocs 1.x; its `properdocs.replacement` makes every
`mkdocs.*` import (ours, Material's, the hook module's) load the ProperDocs module of that name.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from datetime import date, datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any

try:
    import mkdocs  # noqa: F401 - the default renderer
except ImportError:  # only ProperDocs is installed: from here on mkdocs.* is ProperDocs
    try:
        import properdocs.replacement  # noqa: F401
    except ImportError:
        raise SystemExit("没有安装 MkDocs（也没有 ProperDocs），无法生成站点：运行 .venv/bin/pip install -e . 安装") from None

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from zwgk.base import parallel
from zwgk.base.tool import TOOL_DIR, command
from zwgk.build.sitebuild import SiteBuild, hand_over

CONFIG_FILE = TOOL_DIR / "mkdocs.yml"


def config(root: Path, dest: Path) -> MkDocsConfig:
    return load_config(config_file=str(CONFIG_FILE), docs_dir=str(root / "content"), site_dir=str(dest))


def build(root: Path, site: SiteBuild, dest: Path) -> bool:
    """Render the prepared site into `dest`, the pages shared out over the cores; False if MkDocs refused."""
    # MkDocs' own search plugin writes one index of all pages, so it needs every page in one process.
    rendered = len(site.pages) if site.changed is None else len(site.changed)  # the build cache keeps the others
    count = 1 if "search" in config(root, dest).plugins else parallel.shards(rendered)
    if count == 1:
        return _build_shard(root, site, dest, None)
    dest.mkdir(parents=True, exist_ok=True)
    return all(parallel.run([partial(_build_shard, root, site, dest, (index, count)) for index in range(count)]))


def quiet_dirty_builds() -> None:
    """MkDocs warns that a "dirty" build may leave stale navigation; ours decides itself which
    pages to render (see hooks/zwgk_hooks.py), so the warning would only alarm editors."""
    logging.getLogger("mkdocs.commands.build").addFilter(lambda record: "'dirty'" not in record.getMessage())


def _build_shard(root: Path, site: SiteBuild, dest: Path, shard: tuple[int, int] | None) -> bool:
    site.shard = shard
    if shard is not None:  # this process is a forked child: the filter goes with it
        quiet_dirty_builds()
    hand_over(root, site)
    loaded = config(root, dest)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch or _content_epoch(site)
    try:
        # A shard must not clean the folder the other shards write to: "dirty" keeps it, and
        # every page of this shard reports itself modified (see hooks/zwgk_hooks.py).
        mkdocs_build(loaded, dirty=shard is not None)
    except Abort as abort:
        print(abort.message, file=sys.stderr)
        return False
    finally:
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    return True


def _content_epoch(site: SiteBuild) -> str:
    """MkDocs dates sitemap.xml by the build day unless SOURCE_DATE_EPOCH is set: the newest 发布日期 instead,
    so the same content gives the same bytes on any day."""
    public = site.public
    dates = [d.published for d in public.documents if d.published]
    dates += [i.published for i in public.interpretations] + [p.published for p in public.pages]
    newest = max(dates, default=date(1970, 1, 1))
    return str(int(datetime(newest.year, newest.month, newest.day, tzinfo=timezone.utc).timestamp()))


def serve(root: Path, addr: str, poll: bool) -> int:
    """MkDocs' preview server on `addr`, rebuilding on every edit; told of edits by the system unless `poll`."""
    from mkdocs.commands import serve as mkdocs_serve_module  # the preview server and its watcher: serve only
    from mkdocs.commands.serve import serve as mkdocs_serve

    quiet_dirty_builds()
    if not poll:
        mkdocs_serve_module.LiveReloadServer = told_of_changes()
    try:
        mkdocs_serve(config_file=str(CONFIG_FILE), docs_dir=str(root / "content"), dev_addr=addr,
                     livereload=True, build_type="dirty", watch=[str(root / "catalogues")])
    except Abort as abort:
        print(abort.message, file=sys.stderr)
        return 1
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(f"地址 {addr} 已被占用（可能已经开着一个预览）：关掉它，或用 --addr 换一个端口，例如 --addr 127.0.0.1:8001",
                  file=sys.stderr)
            return 1
        if not poll and error.errno in (errno.ENOSPC, errno.EMFILE):  # the system's limit of watched folders
            print(f"系统不能再监视更多文件夹（{error.strerror}）：改用 {command('serve --poll')}", file=sys.stderr)
            return 1
        raise
    return 0


def told_of_changes() -> type:  # a LiveReloadServer
    """MkDocs' preview server, told of changed files by the system (inotify, FSEvents, ReadDirectoryChanges)
    instead of listing every watched file twice a second: for 10,000 documents that listing took a core's
    fifth and slowed each rebuild by seconds. `serve --poll` keeps MkDocs' listing, for network drives
    and shared folders, which do not report changes."""
    from mkdocs.livereload import LiveReloadServer
    from watchdog import events
    from watchdog.observers import Observer

    # What an edit does to files; not opening or reading them, which every build does.
    edits = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
             events.FileClosedEvent, events.DirDeletedEvent, events.DirMovedEvent]

    class Edits(events.FileSystemEventHandler):
        """MkDocs' handler, which passes over folders: a folder deleted or moved (with the documents in it)
        counts as a file deleted. With `only`, the events of that one file of the folder watched."""

        def __init__(self, inner: events.FileSystemEventHandler, only: str | None = None) -> None:
            self.inner, self.only = inner, only

        def dispatch(self, event: events.FileSystemEvent) -> None:
            if self.only is not None and self.only not in (event.src_path, event.dest_path):
                return
            self.inner.dispatch(events.FileDeletedEvent(event.src_path) if event.is_directory else event)

    class EditObserver(Observer):  # type: ignore[valid-type,misc]
        def schedule(self, event_handler: Any, path: str, *, recursive: bool = False, event_filter: Any = None,
                     **kwargs: Any) -> Any:
            path = os.path.abspath(path)
            if os.path.isfile(path):  # mkdocs.yml: its folder, as an editor often saves a file as a new one
                return super().schedule(Edits(event_handler, path), os.path.dirname(path), recursive=False,
                                        event_filter=edits, **kwargs)
            return super().schedule(Edits(event_handler), path, recursive=recursive, event_filter=edits, **kwargs)

    class Server(LiveReloadServer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.observer = EditObserver()  # before anything is watched

    return Server
