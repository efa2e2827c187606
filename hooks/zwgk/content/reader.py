"""The shared state of one load: the project root, the problem list, attachment lookups, and the way
files are loaded (remembered in `serve`, spread over every core for thousands of documents)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from zwgk.base import build_store, identity, memo, parallel, progress, vocab
from zwgk.base.dates import DAY_FIX, parse_date
from zwgk.base.problems import Problem, Problems
from zwgk.content import crossref, schemas
from zwgk.content.model import Attachment, Source
from zwgk.content.sourcefile import Located, read_markdown
from zwgk.content.validate import validate

SLUG = re.compile(schemas.SLUG_PATTERN)
T = TypeVar("T")
# What loading one file gives: the result (None when it failed), its problems, documents it could not load.
FileLoad = tuple[T | None, list[Problem], set[str]]


class Reader:
    """Shared state of one load: the project root, the problem list, attachment lookups."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.attachments_dir = self.content / "attachments"
        self.problems = Problems(root)
        self.unloaded = crossref.Unloaded()
        self._attachments_state: int | None = None
        self._attachments_listing: str | None = None

    def source(self, located: Located, *path: str | int) -> Source:
        """Where the mapping at `path` came from, with the line of each of its keys."""
        return Source(self.problems.relative(located.file), located.line(*path), located.key_lines(*path))

    def date(self, located: Located, data: dict[str, Any], key: str) -> date | None:
        if key not in data:
            return None
        day = parse_date(data[key])
        if day is None:
            self.problems.error(located.file, located.line(key), f"“{key}”{data[key]} 这一天不存在", DAY_FIX)
        return day

    def attachments(self, located: Located, data: dict[str, Any]) -> tuple[Attachment, ...]:
        found: list[Attachment] = []
        base = self.attachments_dir.resolve()
        listed = data.get("附件", [])
        for i, rel in enumerate(listed if isinstance(listed, list) else []):
            if not isinstance(rel, str):
                continue
            line = located.line("附件", i)
            rel = rel.replace("\\", "/").strip()
            try:
                target = (base / rel).resolve()
                exists = target.is_file()
            except (OSError, ValueError):  # NUL bytes, names too long for the file system
                self.problems.error(located.file, line, f"附件路径“{rel[:60]}”无法使用", "文件名不要太长，也不要含特殊字符")
                continue
            if rel.startswith("/") or not target.is_relative_to(base):
                self.problems.error(located.file, line, f"附件路径“{rel}”指向 content/attachments 以外",
                                    "把附件放进 content/attachments/ 文件夹，这里只写它在该文件夹下的路径")
            elif not exists:
                self.problems.error(located.file, line, f"附件“{rel}”不存在",
                                    "把文件放到 content/attachments/ 下，或改正路径（注意文件名和扩展名）")
            else:
                found.append(Attachment(target.relative_to(base).as_posix(), target))
        return tuple(found)

    def slug(self, path: Path) -> str | None:
        if path.stem == "index" or path.stem.isdigit():
            # index.html and 2.html, 3.html … are the list pages of each column
            self.problems.error(path, 0, f"文件名“{path.name}”是系统保留的名字",
                                "换一个含英文字母的文件名，例如 szbf-2024-3.md")
            return None
        if SLUG.match(path.stem):
            return path.stem
        plain = identity.normalise(path.stem)
        if SLUG.match(plain):  # it looks right: say what hides in it, or the editor sees nothing wrong
            hidden = "、".join(identity.changes(path.stem))
            self.problems.error(path, 0, f"文件名“{identity.shown(path.name)}”含有{hidden}，不能用作网址",
                                f"把文件改名为 {plain}{path.suffix}（重新输入文件名，不要粘贴）", "consistency.lookalike")
            return None
        self.problems.error(path, 0, f"文件名“{path.name}”不能用作网址",
                            "文件名只用小写英文字母、数字和连字符，例如 szbf-2024-3.md（发布后不要再改）")
        return None

    def markdown_files(self, folder: str) -> list[Path]:
        """The .md files under content/<folder>; anything else there is reported, since it is ignored."""
        base = self.content / folder
        found: list[Path] = []
        for path in files_under(base):
            if path.suffix == ".md":
                found.append(path)
            else:
                self.problems.warning(path, 0, "这个文件不是 .md 文件，不会发布",
                                      "正文写成 .md 文件；附件放到 content/attachments/ 并在文件头“附件”中列出")
        return found

    def remembered(self, load: Callable[[Reader, Path], T | None], path: Path) -> T | None:
        """`load(self, path)`; in `serve`, reused while the file and the attachments are unchanged."""
        if not memo.enabled():
            progress.advance()
            return load(self, path)
        if self._attachments_state is None:
            self._attachments_state = memo.folder_state(self.attachments_dir)
        key = ("load", load.__name__, memo.file_state(path), self._attachments_state)
        [(result, problems, unloaded)] = memo.remember(key, partial(self._apart, load, [path]))
        self._adopt(problems, unloaded)
        return result

    def load_files(self, load: Callable[[Reader, Path], T | None], paths: list[Path]) -> list[T]:
        """`load` of every path, in order, what failed left out. Thousands of documents are loaded on every
        core; serve, which remembers each file, loads in this process; build reuses what the previous
        build loaded from the same bytes (base/build_store.py) and loads only the rest."""
        if memo.enabled():
            return [found for path in paths if (found := self.remembered(load, path)) is not None]
        store = build_store.active()
        keys = [self._store_key(store, load, path) for path in paths] if store is not None else []

        def compute(todo: list[Path]) -> list[FileLoad[T]]:
            return parallel.map_in_pieces(partial(self._apart, load), todo)

        outcomes = build_store.remember_many(store, keys, paths, compute)
        loaded: list[T] = []
        for outcome in outcomes:
            assert outcome is not None
            result, problems, unloaded = outcome
            if result is not None:
                loaded.append(result)
            self._adopt(problems, unloaded)
        return loaded

    def _store_key(self, store: build_store.Store, load: Callable[[Reader, Path], T | None], path: Path) -> str:
        """Everything a loaded file depends on: its bytes and path, the tree it is read from, and which
        attachments exist (it lists some; each must exist)."""
        if self._attachments_listing is None:
            self._attachments_listing = build_store.folder_listing(self.attachments_dir)
        return store.key(f"load:{load.__module__}.{load.__name__}", build_store.tree(self.root),
                         str(path.relative_to(self.root)), self._attachments_listing, build_store.file_bytes(path))

    def _apart(self, load: Callable[[Reader, Path], T | None], paths: Sequence[Path]) -> list[FileLoad[T]]:
        """`load` of each path with a reader of its own: what it loaded, the problems, the documents it could
        not load; to be remembered (serve, build) or sent back from another process."""
        found: list[FileLoad[T]] = []
        for path in paths:
            scratch = Reader(self.root)
            result = load(scratch, path)
            found.append((result, scratch.problems.items, scratch.unloaded.documents))
            progress.advance()
        return found

    def _adopt(self, problems: list[Problem], unloaded: set[str]) -> None:
        self.problems.items.extend(problems)
        self.unloaded.documents |= unloaded

    def terms(self, terms: tuple[vocab.Term, ...], values: list[str]) -> tuple[vocab.Term, ...]:
        found = (vocab.find_term(terms, v) for v in values)
        return tuple(dict.fromkeys(t for t in found if t is not None))


def files_under(base: Path) -> list[Path]:
    """Files under `base` in path order, hidden ones (.git, .DS_Store …) and hidden folders left out.
    os.walk, not Path.rglob: the same listing at a fraction of the cost for 10,000 documents."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(base):  # like rglob, symlinked folders are not entered
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, name) for name in files if not name.startswith(".")]
    return sorted(found)


@dataclass
class Entry:
    """A Markdown file whose front matter fits its schema."""

    slug: str
    meta: Located
    data: dict[str, Any]
    attachments: tuple[Attachment, ...]
    body: str
    body_line: int


def _check_dates(reader: Reader, located: Located, data: dict[str, Any]) -> None:
    """The dates of a file whose other keys are wrong: all its errors come in one run, not one a run."""
    file = reader.problems.relative(located.file)
    reported = {p.line for p in reader.problems.items if p.file == file}
    for key, value in data.items():
        if key.endswith("日期") and isinstance(value, (str, date)) and located.line(key) not in reported:
            reader.date(located, data, key)


def read_entry(reader: Reader, path: Path, schema: dict[str, Any]) -> Entry | None:
    """Read and validate one Markdown file; attachments are checked even when other keys are wrong."""
    slug = reader.slug(path)
    source = read_markdown(path, reader.problems)
    if source is None:
        return None
    data, ok = validate(source.meta, schema, reader.problems)
    attachments = reader.attachments(source.meta, data)
    if not ok:
        _check_dates(reader, source.meta, data)
    if not ok or slug is None:
        return None
    return Entry(slug, source.meta, data, attachments, source.body, source.body_line)
