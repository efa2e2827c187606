"""The site search: a static Pagefind index of what the PublicSite holds, written into the built site.

Pagefind splits the index into small chunks the browser fetches as needed, so one query downloads a few
hundred KB even for 10,000 documents, with no server (docs/搜索选型.md has the comparison behind the choice).

Chinese has no spaces, so words must be cut the same way when indexing and when searching. Pagefind 1.5 cuts
with one segmenter at build time and another (the browser's) at query time, and they disagree often enough to
lose most results. So the text is given to Pagefind already cut, as overlapping two-character tokens
(养老服务补贴 → 养老 老服 服务 务补 补贴), the dictionary-free way search engines index Chinese; the search
page (theme/assets/zwgk-search.js) cuts the query with the same rule, so `养老` finds `养老服务补贴` and a
文号 typed as `〔2024〕3号`, `[2024]3号` or `2024 3号` gives the same tokens.

Only the PublicSite is read: a withheld document is not in it, an on-request one has no body, so neither
can reach the index.
"""

from __future__ import annotations

import dataclasses
import html
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from zwgk.base import build_cache, children, memo
from zwgk.base import scratch as scratch_folders
from zwgk.content.model import Document, Interpretation, Page
from zwgk.site import search_cache
from zwgk.site.bodies import Body
from zwgk.site.pages import path_of
from zwgk.site.publication import PublicSite

BUNDLE = "pagefind"  # folder of the index inside the site
# Pagefind holds about 0.56 MB per record in memory while indexing (and takes the same time per record
# whatever the part's size); a county with 10,000 documents is indexed in parts of this many records, at
# most two at once (about 600 MB; with 1,000 a part the build passed 1 GiB), which the search page merges
# (pagefind/parts.json).
PART_SIZE = 500
PARTS = "parts.json"
# The small pages Pagefind reads are written to memory where Linux offers it (10–30 MB a part): creating and
# deleting 10,000 files on disk costs Pagefind and us several seconds. Containers often give /dev/shm only
# 64 MB, so it is used only with room to spare.
_MEMORY_DIR = scratch_folders.MEMORY_DIR
_MEMORY_NEEDED = 512 * 1024 * 1024


def _pages_dir() -> str | None:
    """Where to write a part's pages: /dev/shm when it has room, else the usual temporary folder."""
    try:
        room = os.statvfs(_MEMORY_DIR)
    except OSError:
        return None
    return _MEMORY_DIR if room.f_bavail * room.f_frsize >= _MEMORY_NEEDED and os.access(_MEMORY_DIR, os.W_OK) else None
LANGUAGE = "und"  # not zh: Pagefind would cut our tokens again in the browser
# Han characters (with extension A and compatibility ideographs), or runs of ASCII letters and digits.
_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9A-Za-z]+)")
_FULL_WIDTH = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
# The parts of Pagefind's output the search page does not load (other UIs, highlighting script).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def _half_width(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def _pieces(run: str) -> list[str]:
    return [run] if len(run) < 3 or run.isascii() else [run[i:i + 2] for i in range(len(run) - 1)]


def tokens(text: str) -> list[str]:
    """The search tokens of a query: two-character pieces of Chinese runs, whole ASCII words and numbers.

    Full-width letters and digits count as ASCII; punctuation and spaces only separate. The search page
    (theme/assets/zwgk-search.js) has the same function; tests keep the two in step."""
    return [p for i, part in enumerate(_RUN.split(_half_width(text))) if i % 2 for p in _pieces(part)]


def index_text(text: str) -> str:
    """`text` as Pagefind indexes it: the tokens, space-separated, with the punctuation between them glued
    to the token before (Pagefind ignores it in matching; the search page rebuilds readable excerpts from it)."""
    words: list[str] = []
    glue = ""  # punctuation before the first token
    for i, part in enumerate(_RUN.split(_half_width(text))):
        if i % 2 == 0:
            glue += "".join(part.split())
            if words and glue:
                words[-1] += glue
                glue = ""
        else:
            pieces = _pieces(part)
            pieces[0] = glue + pieces[0]
            words += pieces
            glue = ""
    return " ".join(words)


def without_spaces(text: str) -> tuple[str, list[int]]:
    """`index_text(text)` without its spaces, as the leak audit reads the index, and for each of its characters
    the position in `text` it comes from (a Chinese character inside a run is there twice, 示例例县县人)."""
    out: list[str] = []
    origin: list[int] = []
    position = 0
    for i, part in enumerate(_RUN.split(_half_width(text))):
        if i % 2 and len(part) >= 3 and not part.isascii():
            places = [position, *(p for p in range(position + 1, position + len(part) - 1) for _ in (0, 1)),
                      position + len(part) - 1]
            out.append("".join(part[p - position] for p in places))
            origin += places
        else:
            kept = [(p, c) for p, c in enumerate(part, position) if not c.isspace()]
            out.append("".join(c for _p, c in kept))
            origin += [p for p, _c in kept]
        position += len(part)
    if len(out) == 1:  # no token at all: the index keeps no punctuation either
        return "", []
    return "".join(out), origin


@dataclass(frozen=True)
class Record:
    """One searchable page: its URL (site-root-relative), what is shown in results, and the text searched."""

    url: str
    kind: str  # 政策文件 / 政策解读 / 其他
    title: str
    number: str  # 文号, may be empty
    date: str  # 发布日期, ISO
    text: str  # what else is searched: the body as published (none for on-request documents), issuer, 索引号 …


def _plain(body: Body | None) -> str:
    if body is None or not body.html:
        return ""
    return memo.remember(("plain", body.html), lambda: _text_of(body.html))  # serve: parsed once per body


def _text_of(html: str) -> str:
    root = LexborHTMLParser(html).body
    return root.text(separator=" ", strip=True) if root is not None else ""


def records(public: PublicSite, bodies: dict[str, Body]) -> list[Record]:
    """A record for every published document (on-request ones: their metadata), interpretation and page."""
    out: list[Record] = []
    owner: Document | Interpretation | Page
    for owner in public.documents:
        path = path_of(owner)
        # the body first: result excerpts start there when the match is in the title
        text = " ".join([owner.summary or "", _plain(bodies.get(path)) if owner.is_public else "",
                         f"（发文机关：{owner.issuer}；索引号：{owner.index_no}；关键词：{'、'.join(owner.keywords)}）"])
        out.append(Record(path, "政策文件", owner.title, owner.number or "",
                          owner.published.isoformat() if owner.published else "", text))
    for owner in public.interpretations:
        path = path_of(owner)
        out.append(Record(path, "政策解读", owner.title, "", owner.published.isoformat(),
                          f"{_plain(bodies.get(path))}（解读机关：{owner.issuer}）"))
    for owner in public.pages:
        path = path_of(owner)
        out.append(Record(path, "其他", owner.title, "", owner.published.isoformat(), _plain(bodies.get(path))))
    return out


@dataclass(frozen=True)
class IndexStats:
    records: int
    files: int
    bytes: int
    seconds: float  # from the start of indexing to the index in place
    waited: float = 0.0  # of those, spent waiting after the pages were rendered: what search adds to a build


def write_index(public: PublicSite, bodies: dict[str, Body], site_dir: Path) -> IndexStats:
    """Write the search index of the site's published content to `site_dir/pagefind/`."""
    start = time.perf_counter()
    found = records(public, bodies)
    with tempfile.TemporaryDirectory(prefix=scratch_folders.prefix("search")) as scratch:
        _build(found, Path(scratch))
        _replace(Path(scratch) / BUNDLE, site_dir / BUNDLE)
    return _stats(len(found), site_dir / BUNDLE, start)


class PendingIndex:
    """The search index being written by Pagefind in other processes while the checks run and the pages
    are rendered (the index needs only the PublicSite). Its parts are indexed one at a time while MkDocs and
    the link check have the cores, and `WIDTH` at a time after them (`finish`): Pagefind uses one core."""

    WIDTH = 2  # parts at once after rendering; each Pagefind run holds about 0.5 MB per record

    def __init__(self, public: PublicSite, bodies: dict[str, Body], cache: Path | None = None,
                 reuse: bool = True) -> None:
        self._start = time.perf_counter()
        found = records(public, bodies)
        self._count = len(found)
        self._parts: list[list[Record] | None] = list(parts(found))
        self._part_count = len(self._parts)
        del found
        # build.py build: parts indexed by an earlier build are copied from <root>/.cache/build/search/
        self.cache, self._reuse = cache, reuse
        self.digests = [part_digest(part, number) for number, part in enumerate(self._parts)
                        ] if cache else []
        self.reused = 0
        self.placed: dict[str, str] = {}  # files of the reused parts, by path in the site: their digests
        self._scratch = scratch_folders.folder("search")
        # spawned, not forked: a forked worker keeps a copy of every page of this process's memory that
        # the build changes meanwhile (about 120 MB each at 10,000 documents); a spawned one holds its part
        self._pool = ProcessPoolExecutor(max_workers=self.WIDTH, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=children.die_with, initargs=(os.getpid(),))
        self._slots = threading.Semaphore(1)
        self._futures: list[Future[None]] = []
        self._closed = False
        self._feeder = threading.Thread(target=self._feed, name="zwgk-search-parts", daemon=True)
        self._feeder.start()

    def _feed(self) -> None:
        for number in range(self._part_count):
            if self._closed:
                return
            restored = search_cache.restore(self.cache / self.digests[number], self._scratch / f"part-{number}"
                                            ) if self.cache is not None and self._reuse else None
            if restored is not None:
                where = f"{BUNDLE}/{number}/" if number else f"{BUNDLE}/"
                self.placed.update((where + rel, digest) for rel, digest in restored.items())
                self.reused += 1
                self._parts[number] = None
                continue
            self._slots.acquire()
            if self._closed:
                return
            part, self._parts[number] = self._parts[number], None  # the worker gets its own copy
            try:
                future = self._pool.submit(_index_numbered_part, part, self._scratch, number)
            except RuntimeError:  # closed meanwhile (the build failed): nothing more to index
                return
            del part
            future.add_done_callback(lambda _: self._slots.release())
            self._futures.append(future)

    def finish(self, site_dir: Path) -> IndexStats:
        """Wait for the index and move it into the built site."""
        waiting = time.perf_counter()
        for _ in range(self.WIDTH - 1):
            self._slots.release()
        try:
            self._feeder.join()
            for future in self._futures:
                future.result()
            _assemble(self._scratch, self._part_count)
            _replace(self._scratch / BUNDLE, site_dir / BUNDLE)
        finally:
            self.close()
        return _stats(self._count, site_dir / BUNDLE, self._start, time.perf_counter() - waiting)

    def close(self) -> None:
        self._closed = True
        self._slots.release()  # a feeder waiting for a slot stops
        self._pool.shutdown(cancel_futures=True)
        shutil.rmtree(self._scratch, ignore_errors=True)


def part_digest(part: list[Record], number: int) -> str:
    """What a part's Pagefind output is made of: its records, whether it is the first (which keeps the
    script), the part size and the tool (Pagefind's version among it)."""
    rows = json.dumps([dataclasses.astuple(record) for record in part], ensure_ascii=False)
    return build_cache.digest(build_cache.tool_signature(), str(PART_SIZE), "first" if number == 0 else "more", rows)


def parts(found: list[Record]) -> list[list[Record]]:
    """`found` cut into the parts of the index, in order (an empty site has one empty part)."""
    return [found[i:i + PART_SIZE] for i in range(0, len(found), PART_SIZE)] or [[]]


def _build(found: list[Record], scratch: Path) -> None:
    """Index `found` into scratch/pagefind, part after part."""
    cut = parts(found)
    for number, part in enumerate(cut):
        _index_numbered_part(part, scratch, number)
    _assemble(scratch, len(cut))


def _index_numbered_part(part: list[Record], scratch: Path, number: int) -> None:
    """Index one part into scratch/part-N, leaving out what the search page does not load: the first part
    keeps Pagefind's script; the others are data only."""
    out = scratch / f"part-{number}"
    with tempfile.TemporaryDirectory(prefix=scratch_folders.prefix("search-pages"), dir=_pages_dir()) as pages:
        _index_part(part, Path(pages) / "pages", out)
    for name in _UNUSED if not number else (*_UNUSED, "pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"):
        (out / name).unlink(missing_ok=True)


def _assemble(scratch: Path, count: int, keep_parts: bool = False) -> None:
    """scratch/pagefind: the first part, with the others in pagefind/N/, listed in pagefind/parts.json. The
    parts are moved there, or with `keep_parts` (serve, which updates them) linked."""
    bundle = scratch / BUNDLE

    def place(part: Path, target: Path) -> None:
        if keep_parts:
            shutil.copytree(part, target, copy_function=_link)
        else:
            part.rename(target)

    place(scratch / "part-0", bundle)
    for number in range(1, count):
        place(scratch / f"part-{number}", bundle / str(number))
    (bundle / PARTS).write_text(json.dumps([f"{n}/" for n in range(1, count)]), encoding="utf-8")


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def update_parts(changed: dict[int, list[Record]], count: int, scratch: Path, site_dir: Path) -> None:
    """Index the `changed` parts again into scratch/part-N, drop parts beyond `count`, and put the index of
    all parts into `site_dir` (serve_index.py runs this in a process of its own)."""
    for number, part in sorted(changed.items()):
        shutil.rmtree(scratch / f"part-{number}", ignore_errors=True)
        _index_numbered_part(part, scratch, number)
    for stale in scratch.glob("part-*"):
        if int(stale.name.split("-")[1]) >= count:
            shutil.rmtree(stale)
    shutil.rmtree(scratch / BUNDLE, ignore_errors=True)
    _assemble(scratch, count, keep_parts=True)
    _replace(scratch / BUNDLE, site_dir / BUNDLE)


def _index_part(found: list[Record], pages: Path, out: Path) -> None:
    """One small page per record at the record's path, fed to the Pagefind CLI (fast and documented, unlike
    its Python service API, which answers one record per 0.1 s)."""
    for record in found:
        page = pages / record.url
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_html(record), encoding="utf-8")
    _run_pagefind(pages, out)
    shutil.rmtree(pages)


def _replace(bundle: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.move(bundle, target)


def _stats(count: int, bundle: Path, start: float, waited: float = 0.0) -> IndexStats:
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return IndexStats(count, len(files), sum(p.stat().st_size for p in files), time.perf_counter() - start, waited)


def _html(record: Record) -> str:
    """The page Pagefind reads for a record: outside the indexed <main>, what results show (meta); inside,
    the tokens: the title (an h1, which Pagefind counts 7 times), the 文号 (10 times, the most it allows: the
    document whose number it is must come before those citing it, in every part of a large index), the rest.

    No Pagefind filters (version 1.5 writes their values in a random order, and the same content must give
    the same bytes) and no sort keys (merged parts are ranked by score again)."""
    e = html.escape
    shown = "".join(f'<p data-pagefind-meta="{key}">{e(value)}</p>' for key, value in (
        ("title", record.title), ("number", record.number), ("date", record.date), ("kind", record.kind)))
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>{shown}'
            f'<main data-pagefind-body><h1>{e(index_text(record.title))}</h1>'
            f'<p data-pagefind-weight="10">{e(index_text(record.number))}</p><p>{e(index_text(record.text))}</p>'
            f'</main></body></html>')


def _run_pagefind(source: Path, out: Path) -> None:
    try:
        from pagefind_bin import get_executable
    except ImportError:  # an installation problem, not the editors': build.py reports it as internal
        raise RuntimeError("没有安装 pagefind-bin，无法生成站内搜索索引（pip install -e .）") from None
    command = [str(get_executable()), "--site", str(source), "--output-path", str(out), "--keep-index-url", "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          preexec_fn=children.dying_with_this_process())
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind 生成搜索索引失败：{(done.stderr or done.stdout).strip()[-2000:]}")
