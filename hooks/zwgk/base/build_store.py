"""What `build.py build` keeps from one build to the next of the input half: loaded files, rendered
bodies and per-file check results, in <root>/.cache/build/memo.sqlite.

Each entry is keyed by a stable digest (build_cache.digest) of the kind of work and of everything that
work read: the file's bytes (never its mtime: a git checkout changes mtimes), its path, and the other
inputs each caller names. A miss costs the work; a false hit would publish a wrong page, so when in doubt
an input goes into the key. The file is written only after a successful build, with the entries that
build used, atomically; a corrupted or foreign file is ignored with one line on stderr.

Values are pickled, so the file is read with an unpickler that builds nothing but the package's model
and plain types: a planted file cannot run code.
"""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from zwgk.base import build_cache, progress
from zwgk.base.problems import Problem, Problems

T = TypeVar("T")
I = TypeVar("I")

FILE = "memo.sqlite"  # SQLite: entries are read and written one by one
FORMAT = 2  # raise when the layout of the file or of a cached value changes
_PLAIN = {"dict", "list", "tuple", "set", "frozenset", "str", "bytes", "int", "float", "bool", "complex",
          "NoneType", "bytearray"}
_ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timedelta"),
            ("decimal", "Decimal"), ("pathlib", "PosixPath"), ("pathlib", "WindowsPath"), ("pathlib", "Path"),
            ("pathlib", "PurePosixPath"), ("collections", "OrderedDict"), ("collections", "defaultdict")}


class _Refused(pickle.UnpicklingError):
    pass


class _Unpickler(pickle.Unpickler):
    """Builds only the package's own value classes (zwgk.*) and plain values; anything else (os.system,
    subprocess, eval …) is refused before it is looked up."""

    def find_class(self, module: str, name: str) -> Any:
        if (module == "builtins" and name in _PLAIN) or (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module.startswith("zwgk."):
            found = super().find_class(module, name)
            # Only the model's value classes: a function of the package (one deletes folders) is never called.
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, (Enum, Exception))):
                return found
        raise _Refused(f"{module}.{name}")


def loads(data: bytes) -> Any:
    return _Unpickler(io.BytesIO(data)).load()


class Store:
    """The entries of the previous build (read one by one from its file), and those this build used or made,
    written as they come into a new file that replaces the old one when the build succeeded. Neither is held
    in memory: at 10,000 documents they are 150 MiB of pickles."""

    def __init__(self, root: Path, old: sqlite3.Connection | None = None) -> None:
        self.root = root
        self.path = build_cache.folder(root) / FILE
        self._old = old
        self._new: sqlite3.Connection | None = None
        self._temp: Path | None = None
        self.hits = 0
        self.misses = 0
        self.signature = build_cache.tool_signature()
        self.trees: dict[Path, str] = {}  # tree(): asked once per file, answered once per build

    def key(self, kind: str, *parts: bytes | str) -> str:
        return build_cache.digest(self.signature, kind, *parts)

    def get(self, key: str) -> tuple[bool, Any]:
        """(found, value) for `key`; an entry that does not read back drops the whole old file."""
        if self._old is None:
            return False, None
        try:
            row = self._old.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            if row is None:
                return False, None
            data = row[0]
            value = loads(data)
        except Exception as exc:  # noqa: BLE001 - anything a damaged file or entry raises
            self._discard(_why(exc))
            return False, None
        self._keep(key, data)
        self.hits += 1
        return True, value

    def put(self, key: str, value: object) -> None:
        self._keep(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        self.misses += 1

    def offer(self, kind: str, parts: tuple[bytes | str, ...], value: object) -> None:
        """Keep `value` for the next build's `remember(kind, parts, …)`: an input this build writes (the update
        log), whose reading is known without reading it."""
        self._keep(self.key(kind, *parts), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _keep(self, key: str, data: bytes) -> None:
        self._writer().execute("INSERT OR REPLACE INTO entries VALUES (?, ?)", (key, data))

    def _writer(self) -> sqlite3.Connection:
        if self._new is None:
            folder = self.path.parent
            folder.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".memo-", suffix=".tmp", dir=folder)
            os.close(fd)
            self._temp = Path(temp)
            # No journal: a build that fails or is killed deletes or abandons this file, never half-uses it.
            self._new = sqlite3.connect(temp, isolation_level=None, check_same_thread=False)
            self._new.execute("PRAGMA journal_mode = OFF")
            self._new.execute("BEGIN")
            self._new.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self._new.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        return self._new

    def _discard(self, why: str) -> None:
        if self._old is not None:
            build_cache.tell_unusable(self.shown(), why)
            self._old.close()
        self._old = None

    def shown(self) -> str:
        return (build_cache.FOLDER / FILE).as_posix()

    def save(self) -> None:
        """Put the entries this build used in place of the old file, at once: a build killed meanwhile leaves
        the old file."""
        new = self._writer()
        new.executemany("INSERT INTO meta VALUES (?, ?)", [("format", str(FORMAT)), ("signature", self.signature),
                                                          ("root", str(self.root.resolve()))])
        new.execute("COMMIT")
        self._disconnect()  # the old file too: it is replaced now
        assert self._temp is not None
        os.replace(self._temp, self.path)
        self._temp = None

    def close(self) -> None:
        """The end of a build that saved, or did not: the files are closed, an unsaved new one deleted."""
        self._disconnect()
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None

    def _disconnect(self) -> None:
        for connection in (self._old, self._new):
            if connection is not None:
                connection.close()
        self._old = self._new = None


def _why(exc: BaseException) -> str:
    if isinstance(exc, _Refused):
        return f"含有不允许的内容 {exc}"
    if isinstance(exc, sqlite3.DatabaseError):
        return "内容已损坏，不是完整的缓存文件"
    return f"内容已损坏：{type(exc).__name__}"


def open_store(root: Path) -> Store:
    """The store of `root`'s previous build; empty (with one line on stderr) when it cannot be used."""
    store = Store(root)
    path = store.path
    if not path.is_file():
        return store
    try:
        # sqlite3.threadsafety is 3 (serialized): a connection may be used from any thread
        old = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                              check_same_thread=False)
    except sqlite3.Error as exc:
        build_cache.tell_unusable(store.shown(), _why(exc))
        return store
    try:
        why = _foreign(dict(old.execute("SELECT name, value FROM meta").fetchall()), store)
    except sqlite3.Error as exc:  # not a database, truncated, no such table
        why = _why(exc)
    if why:
        old.close()
        build_cache.tell_unusable(store.shown(), why)
        return store
    store._old = old
    return store


def _foreign(meta: dict[str, str], store: Store) -> str | None:
    if meta.get("format") != str(FORMAT):
        return "由另一版本的工具写入"
    if meta.get("signature") != store.signature:
        return "由另一版本的工具或另一套模板、配置写入"
    if meta.get("root") != str(store.root.resolve()):
        return "属于另一个内容目录"
    return None


_active: Store | None = None


def active() -> Store | None:
    return _active


@contextmanager
def using(store: Store | None) -> Iterator[None]:
    """The store the work inside reads and fills (None: none, everything computed)."""
    global _active
    previous, _active = _active, store
    try:
        yield
    finally:
        _active = previous


def remember(kind: str, parts: tuple[bytes | str, ...], compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned in the previous build for the same kind and parts."""
    store = _active
    if store is None:
        return compute()
    key = store.key(kind, *parts)
    found, value = store.get(key)
    if found:
        return value  # type: ignore[no-any-return]
    value = compute()
    store.put(key, value)
    return value


def remember_many(store: Store | None, keys: Sequence[str], items: Sequence[I],
                  compute: Callable[[list[I]], list[T]]) -> list[T]:
    """For each item, in order: what the previous build made under its key (counted as done in the progress
    line), else what `compute` makes of all the missing items at once (so the caller can share them out over
    the cores), kept under its key for the next build. Without a store, `compute` of every item."""
    if store is None:
        return compute(list(items))
    results: list[T | None] = [None] * len(items)
    for index, key in enumerate(keys):
        found, value = store.get(key)
        if found:
            results[index] = value
            progress.advance()
    missing = [index for index, result in enumerate(results) if result is None]
    for index, made in zip(missing, compute([items[index] for index in missing])):
        results[index] = made
        store.put(keys[index], made)
    return results  # type: ignore[return-value] - every index is filled


def remember_reporting(kind: str, parts: tuple[bytes | str, ...], problems: Problems,
                       compute: Callable[[Problems], T]) -> T:
    """Like `remember`, for work that reports problems: they are kept and reported again on reuse."""
    def run() -> tuple[T, list[Problem]]:
        found = Problems(problems.root)
        return compute(found), found.items

    result, found = remember(kind, parts, run)
    problems.items.extend(found)
    return result


def file_bytes(path: Path) -> bytes:
    """What a cached result of reading `path` depends on: its bytes, and where a symbolic link points."""
    link = os.readlink(path).encode("utf-8", "surrogateescape") + b"\0" if os.path.islink(path) else b""
    return link + path.read_bytes()


def folder_listing(folder: Path) -> str:
    """Every file under `folder` by name (not contents): what `is_file()` tests of it answer."""
    if not folder.is_dir():
        return "-"
    names = []
    for base, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        rel = os.path.relpath(base, folder)
        for d in dirs:
            if os.path.islink(os.path.join(base, d)):
                names.append(f"{rel}/{d}->{os.readlink(os.path.join(base, d))}")
        for name in sorted(files):
            full = os.path.join(base, name)
            names.append(f"{rel}/{name}" + (f"->{os.readlink(full)}" if os.path.islink(full) else ""))
    return build_cache.digest(*names)


def tree(root: Path) -> str:
    """Where the content folders really are: a file's symlink check depends on it. Worked out once per build
    (realpath looks at every folder on the way, and every content file's key asks)."""
    store = _active
    found = store.trees.get(root) if store is not None else None
    if found is None:
        found = "\0".join(os.path.realpath(root / name) for name in ("content", "catalogues"))
        if store is not None:
            store.trees[root] = found
    return found

