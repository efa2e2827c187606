"""Link integrity of the built site (错链断链): every internal href/src resolves to a file, every
#anchor to an element id; broken links are reported where they were written.

Pages are parsed with a real HTML parser (selectolax/lexbor). Cost is one parse per page plus a
set lookup per link, so the check grows linearly with the site.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from zwgk.base import cache_file, parallel, progress
from zwgk.base.problems import Problems
from zwgk.content.model import Source

# Elements and attributes that make the browser fetch or navigate.
_REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
               ("iframe", "src"), ("video", "src"), ("audio", "src"), ("area", "href"))
_SELECTOR = ", ".join(f"{tag}[{attr}]" for tag, attr in _REFERENCES)
_NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:")

Locate = Callable[[str, str], Source]  # (page path, href as in the page) → where it was written


@dataclass
class ScannedPage:
    ids: set[str] = field(default_factory=set)
    refs: list[str] = field(default_factory=list)


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    broken: int = 0
    external: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # url → (page, href)
    digests: dict[str, str] = field(default_factory=dict)  # page → blake2b of its bytes (the build cache's key)
    scanned: dict[str, ScannedPage] = field(default_factory=dict)  # digest of a page's bytes → what it holds


def _scan(html: str) -> ScannedPage:
    """The ids and links of a page. Interned: every page repeats the header's, tabs' and footer's, and 15,000
    pages' copies of them held until the check ends would take the build process 100 MB more, which the C
    heap keeps afterwards, beside Pagefind."""
    tree = LexborHTMLParser(html)
    page = ScannedPage()
    for node in tree.css("[id]"):
        page.ids.add(sys.intern(node.attributes.get("id") or ""))
    for node in tree.css("a[name]"):
        page.ids.add(sys.intern(node.attributes.get("name") or ""))
    for node in tree.css(_SELECTOR):
        attrs = node.attributes
        value = attrs.get("href") if "href" in attrs else attrs.get("src")
        if value is not None:
            page.refs.append(sys.intern(value.strip()))
    return page


def _scan_files(site_dir: Path, pages: Sequence[str], known: dict[str, ScannedPage]
                ) -> list[tuple[str, str, ScannedPage | None]]:
    """(page, digest of its bytes, what it holds, or None when `known` has it under that digest)."""
    scanned = []
    for rel in pages:
        data = (site_dir / rel).read_bytes()
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        page = None if digest in known else _scan(data.decode("utf-8", errors="replace"))
        scanned.append((rel, digest, page))
        progress.advance()
    return scanned


def check_built_site(site_dir: Path, locate: Locate, problems: Problems, base_url: str | None = None,
                     known: dict[str, ScannedPage] | None = None, placed: dict[str, str] | None = None,
                     files: Sequence[Path] | None = None) -> LinkReport:
    """Check every internal link of every page under `site_dir`; collect the external ones.

    `base_url` (网站地址) is where the site will be served: links to it (canonical links) and links from the
    server root under its path (the 404 page) are links inside the site. `known` (digest of a page's bytes →
    what it holds, from the build cache) spares parsing the pages the previous build had already, and `placed`
    (page → digest of the bytes it was given, the pages taken from the last site) reading them; the links
    of every page are evaluated all the same, as a page elsewhere may have gone. `files`: the site's files,
    when the caller has listed them.
    """
    known, placed = known or {}, placed or {}
    listed = {path.relative_to(site_dir).as_posix() for path in (files if files is not None else site_files(site_dir))}
    tree = _Tree(listed, {posixpath.dirname(f) for f in listed})
    pages = sorted(f for f in listed if f.endswith(".html"))
    scanned: dict[str, ScannedPage] = {}
    report = LinkReport()
    # A page taken from the last site has its digest known, so what it holds: only the others are read,
    # shared out over the cores.
    found: dict[str, tuple[str, ScannedPage | None]] = {
        rel: (placed[rel], None) for rel in pages if rel in placed and placed[rel] in known}
    progress.advance(len(found))
    to_read = [rel for rel in pages if rel not in found]
    for part in parallel.run([partial(_scan_files, site_dir, shard, known)
                              for shard in parallel.split(to_read, parallel.shards(len(to_read)))]):
        found.update((rel, (digest, page)) for rel, digest, page in part)
    for rel in pages:  # in the pages' order, whoever read them
        digest, page = found[rel]
        scanned[rel] = report.scanned[digest] = page or known[digest]
        report.digests[rel] = digest
    report.pages = len(scanned)
    # Every page repeats the links of the header, tabs and footer: a link means the same from one folder.
    same_from_folder: dict[tuple[str, str], str | None] = {}
    for rel, page in scanned.items():
        folder = posixpath.dirname(rel)
        for href in page.refs:
            report.links += 1
            if href.startswith(("#", "http:", "https:", "//")):  # about this page, or collected as external
                problem = _problem(rel, href, tree, scanned, report, base_url)
            else:
                key = (folder, href)
                if key not in same_from_folder:
                    same_from_folder[key] = _problem(rel, href, tree, scanned, report, base_url)
                problem = same_from_folder[key]
            if problem:
                report.broken += 1
                where = locate(rel, href)
                problems.error(where.file, where.line, f"链接“{href}”{problem}（在生成的页面 {rel}）",
                               "改正链接地址，或补上被链接的页面、附件", "links.internal")
    return report


def site_files(site_dir: Path) -> list[Path]:
    """Every file of a built site, sorted (the leak audit reads them in this order too)."""
    return sorted(p for p in site_dir.rglob("*") if p.is_file())


@dataclass(frozen=True)
class _Tree:
    """The built site's files and folders, listed once: one stat per link would dominate the check."""

    files: set[str]
    dirs: set[str]


def _problem(page: str, href: str, tree: _Tree, scanned: dict[str, ScannedPage], report: LinkReport,
             base_url: str | None) -> str | None:
    """What is wrong with one link, or None when it is fine (or not ours to check here)."""
    if not href or href.startswith(_NOT_FETCHED):
        return None
    parts = urlsplit(href)
    if base_url and href.startswith(base_url):  # the site's own address: check it as the page it names
        parts = parts._replace(scheme="", netloc="")
    elif parts.scheme in ("http", "https") or href.startswith("//"):
        report.external[href if parts.scheme else "https:" + href].append((page, href))
        return None
    if parts.scheme:
        return None
    if not parts.path:
        target = page
    elif parts.path.startswith("/"):  # root-absolute: only MkDocs' 404 page uses them, under 网站地址's path
        root = urlsplit(base_url).path if base_url else "/"
        if not parts.path.startswith(root):
            return f"不在网站地址 {root} 之下"
        target = posixpath.normpath(unquote(parts.path[len(root):]) or ".")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if target.startswith("../") or target == "..":
        return "指向站点以外"
    if target in tree.dirs or target == ".":
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    if target not in tree.files:
        return "指向的页面或文件不存在"
    fragment = unquote(parts.fragment)
    if fragment and target in scanned and fragment not in scanned[target].ids:
        return f"指向的位置“#{fragment}”在页面中不存在"
    return None


CACHE = "links.json"  # in the build cache: what each page of the last site holds, by the digest of its bytes
_DIGEST = re.compile(r"[0-9a-f]{32}")


def cached_pages(root: Path) -> dict[str, ScannedPage]:
    """The pages the last build parsed, from the build cache; empty when there is none or it is unusable."""
    body = cache_file.read(root, CACHE, "完整检查站内链接", quiet=True)
    if body is None:
        return {}
    strings, pages = body.get("strings"), body.get("pages")
    if not isinstance(strings, list) or not all(isinstance(text, str) for text in strings) or not isinstance(pages, dict):
        return {}
    strings = [sys.intern(text) for text in strings]
    try:
        found = {digest: ScannedPage({strings[i] for i in ids}, [strings[i] for i in refs])
                 for digest, (ids, refs) in pages.items()}
    except (TypeError, ValueError, IndexError):  # not two lists of numbers into the strings: parsed anew
        return {}
    # digests as written (an empty one would stand for pages never read), numbers from 0 (not -1, not True)
    if not all(_DIGEST.fullmatch(digest) for digest in pages) or not all(
            type(i) is int and i >= 0 for ids, refs in pages.values() for i in (*ids, *refs)):
        return {}
    return found


def save_pages(root: Path, report: LinkReport) -> None:
    """Keep what the pages of the site just published hold, for the next build: each id and link written once
    and numbered (every page repeats those of the header, tabs and footer: 20 MB at 6,000 documents otherwise)."""
    numbers: dict[str, int] = {}

    def number(text: str) -> int:
        return numbers.setdefault(text, len(numbers))

    pages = {digest: [[number(i) for i in sorted(page.ids)], [number(r) for r in page.refs]]
             for digest, page in sorted(report.scanned.items())}
    cache_file.write(root, CACHE, {"strings": list(numbers), "pages": pages})
