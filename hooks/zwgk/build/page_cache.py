"""`build.py build` again: the pages that did not change are taken from the previous site/ instead of rendered.

After a successful build, <root>/.cache/build/pages.json records for every output page a key (a digest of
everything the page is made from) and the digest of the bytes written. The next build computes the keys
again; a page whose key is the same, and whose file in site/ still has the recorded bytes, is not given to
MkDocs (SiteBuild.changed, as serve does within one process) but linked or copied into the new site.

A key is the digest of the global signature (the tool, site.yml, the nav, the check day, what the templates
get as globals), the page's path, its data (OutputPage, holding the model objects it shows) and its body.
The data is digested as pickle bytes, which are stricter than ==: a miss costs a render, a false hit would
publish a stale page, so anything uncertain must change the bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from zwgk.base import build_cache, cache_file, parallel
from zwgk.build.sitebuild import SiteBuild

MANIFEST = "pages.json"
_FULL = "完整生成"


def file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class _StablePickler(pickle.Pickler):
    """Pickle bytes equal across processes: a set of strings iterates in an order that depends on
    PYTHONHASHSEED, so the sets held by dataclass fields are pickled sorted. Each dataclass object is written
    as the digest of what it holds (ObjectDigests), so a Document shown on a hundred list pages is pickled
    once, not a hundred times."""

    def __init__(self, out: io.BytesIO, digests: ObjectDigests) -> None:
        super().__init__(out, protocol=5)
        # No memo: an object met twice is written twice. With the memo, the bytes would say which equal objects
        # are one object, and that differs between data computed afresh and the same data read back from the
        # input cache (build_store), so every page showing such data would miss.
        self.fast = True
        self.digests = digests

    def reducer_override(self, obj: Any) -> Any:
        if not dataclasses.is_dataclass(type(obj)):
            return NotImplemented
        # Never unpickled: the reduce value only has to stand for everything the object holds.
        return bytes, (self.digests.of(obj),)


class ObjectDigests:
    """The digest of each dataclass object met while keying one build's pages: its class and its fields'
    values, in field order, nested dataclasses by their own digests. Kept by identity for one page_keys call
    (the objects are not changed meanwhile, and are held here so that no id is reused)."""

    _fields: dict[type, tuple[str, ...]] = {}

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Any, bytes]] = {}

    def of(self, obj: Any) -> bytes:
        entry = self._seen.get(id(obj))
        if entry is None:
            kind = type(obj)
            names = self._fields.get(kind)
            if names is None:
                names = self._fields[kind] = tuple(f.name for f in dataclasses.fields(kind))
            data = self.pickle((kind.__module__, kind.__qualname__, *(_ordered(getattr(obj, n)) for n in names)))
            entry = self._seen[id(obj)] = (obj, hashlib.blake2b(data, digest_size=20).digest())
        return entry[1]

    def pickle(self, value: Any) -> bytes:
        out = io.BytesIO()
        _StablePickler(out, self).dump(value)
        return out.getvalue()


def _ordered(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return ("<set>", type(value).__name__, *sorted(value, key=repr))
    return value


def stable_bytes(*values: Any, digests: ObjectDigests | None = None) -> bytes:
    return (digests or ObjectDigests()).pickle(values)


def global_signature(site: SiteBuild) -> str:
    """What every page depends on besides its own data and body."""
    env = site.renderer.env.globals
    return build_cache.digest(build_cache.tool_signature(), stable_bytes(
        site.public.site, site.nav(), site.title, site.today, site.public.site.base_url,
        env.get("feeds"), env.get("open_data"), env.get("sitemap_xml"), sorted(site.files)))


def page_keys(site: SiteBuild, signature: str) -> dict[str, str]:
    digests = ObjectDigests()  # shared by all pages: each model object is digested once per build
    return {page.path: _key(site, signature, page, digests) for page in site.pages}


def _key(site: SiteBuild, signature: str, page: Any, digests: ObjectDigests) -> str:
    try:
        data = stable_bytes(page, site.bodies.get(page.path), digests=digests)
    except (TypeError, AttributeError, pickle.PicklingError):  # data that cannot be digested: never reused
        data = os.urandom(16)
    return build_cache.digest(signature, page.path, page.title, data)


@dataclass
class PageCache:
    """The keys of this build's pages, and the pages taken from the previous site (path → digest of bytes)."""

    root: Path
    site_dir: Path  # the site/ the pages are recorded in
    keys: dict[str, str]
    reused: dict[str, str] = field(default_factory=dict)
    placed: dict[str, str] = field(default_factory=dict)  # reused pages put into the new site: path → digest
    states: dict[str, str] = field(default_factory=dict)  # of each reused file, its state when it was verified


def plan(root: Path, site: SiteBuild, previous: Path, use: bool) -> PageCache:
    """Decide which pages of `site` need not be rendered because `previous` (site/, the last build) holds
    them; tell `site` (site.changed, site.reused). With `use` False the keys are computed all the same, to
    write the manifest after the build."""
    cache = PageCache(root, previous, page_keys(site, global_signature(site)))
    body = cache_file.read(root, MANIFEST, _FULL) if use and previous.is_dir() else None
    if body is None:
        return cache
    path = build_cache.folder(root) / MANIFEST
    recorded = body.get("pages")
    if not isinstance(recorded, dict) or not all(
            isinstance(entry, list) and len(entry) == 3 and all(isinstance(part, str) for part in entry)
            for entry in recorded.values()):
        cache_file.warn(root, path, "格式不对", _FULL)
        return cache
    if body.get("site") != str(previous):
        cache_file.warn(root, path, f"记的是另一个输出目录 {body.get('site')!r} 的页面", _FULL)
        return cache
    wanted = {rel: entry[1] for rel, entry in recorded.items() if cache.keys.get(rel) == entry[0]}
    # A file with the size, time and inode recorded after the last build is the file then digested (the
    # site is written once, then only deleted); any other is read and digested again.
    states = {rel: _stat(previous / rel) for rel in wanted}
    found: dict[str, str | None] = {rel: wanted[rel] for rel in wanted if states[rel] == recorded[rel][2]}
    unsure = sorted(rel for rel in wanted if rel not in found)
    for part in parallel.run([partial(_digests, previous, shard)
                              for shard in parallel.split(unsure, parallel.shards(len(unsure)))]):
        found.update(part)
    spoilt = [rel for rel in sorted(wanted) if found.get(rel) != wanted[rel]]
    if spoilt:
        state = "不见了" if found.get(spoilt[0]) is None else "被改动过"
        cache_file.warn(root, path, f"上次生成的 {spoilt[0]} {state}", _FULL)
        return cache
    cache.reused, cache.states = wanted, states
    if wanted:
        site.reused = set(wanted)
        site.changed = {page.path for page in site.pages if page.path not in wanted}
    return cache


def _digests(folder: Path, paths: Sequence[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for rel in paths:
        try:
            found[rel] = file_digest((folder / rel).read_bytes())
        except OSError:
            found[rel] = None
    return found


def copy_reused(cache: PageCache, previous: Path, dest: Path) -> None:
    """Put the reused pages into the new site, after MkDocs (whose clean build empties the folder first).
    A page linked here that is still the very file `plan` verified (same size, time and inode) goes into
    cache.placed with its digest: the checks after take its bytes as known and do not read it. A page that
    had to be copied, or changed since, is read by them like a rendered one."""
    for rel, digest in cache.reused.items():
        target = dest / rel
        if target.exists():  # a page of the nav, which MkDocs renders in any case
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(previous / rel, target)  # the old site is deleted after the switch: the new name stays
        except OSError:  # another file system, or none with hard links
            shutil.copyfile(previous / rel, target)
            continue
        if _stat(target) == cache.states.get(rel):
            cache.placed[rel] = digest


def _stat(path: Path) -> str:
    try:
        found = path.stat()
    except OSError:
        return ""
    return f"{found.st_size}:{found.st_mtime_ns}:{found.st_ino}"


def save(cache: PageCache, digests: dict[str, str]) -> None:
    """Record the pages of the site just switched in (`digests`: path → digest of its bytes, as the link check
    read them), with the state of each file (size, time, inode) that spares reading it again next time."""
    pages = {rel: [key, digests[rel], _stat(cache.site_dir / rel)] for rel, key in sorted(cache.keys.items())
             if rel in digests}
    cache_file.write(cache.root, MANIFEST, {"site": str(cache.site_dir), "pages": pages})
