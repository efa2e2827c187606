"""A mirror folder (`wget --mirror` or a CMS's static export): its files, their old URLs, their text.

Each file's URL is its path under the mirror root, written as the old site served it
(`/xxgk/202401/t20240105_123.htm`; wget keeps a query string in the file name:
`show.jsp?documentid=123`). Pages are decoded the way a browser would: BOM, then the charset the
page declares, then UTF-8, then GB18030 (a superset of GBK and GB2312); which one is recorded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

PAGE_SUFFIXES = (".htm", ".html", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php")
MAX_PAGE_BYTES = 5_000_000  # the longest real article page is a few hundred kB; bigger is not an article
MAX_ATTACHMENT_BYTES = 100_000_000  # copied into content/attachments/ and published: a scan, not a video
_PRESCAN = 4096  # browsers look for <meta charset> in the first 1024 bytes; exports put comments first
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030", "utf8": "utf-8",
            "utf-8": "utf-8", "big5": "big5"}  # others (a Latin-1 template header) are guessed
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))

PAGE = "page"
ATTACHMENT = "attachment"


@dataclass(frozen=True)
class MirrorFile:
    path: Path  # on disk
    url: str  # the old site's URL path, from the mirror root: /xxgk/202401/t20240105_123.htm
    size: int
    kind: str  # PAGE or ATTACHMENT


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None: the file is too big or not text
    encoding: str  # utf-8, gb18030 …
    how: str  # 字节顺序标记 / 网页声明 / 猜测 — shown in the report
    declared: str | None = None  # the charset the page declares, as written
    lossy: bool = False  # undecodable bytes were replaced (a page cut off inside a character, a wrong declaration)


def url_of(root: Path, path: Path) -> str:
    """The URL path the old site served `path` under."""
    return "/" + path.relative_to(root).as_posix()


def is_page(name: str) -> bool:
    base = name.split("?", 1)[0].lower()
    return base.endswith(PAGE_SUFFIXES) or "?" in name and base.endswith(".html")


def walk(root: Path) -> Iterator[MirrorFile]:
    """Every regular file under `root`, in a stable order (sorted paths), hidden files and symlinks skipped:
    a mirror is read, never followed out of."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            yield MirrorFile(path, url_of(root, path), path.stat().st_size, PAGE if is_page(name) else ATTACHMENT)


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`,
    read from the start of the file with the HTML parser (ASCII-compatible bytes read as Latin-1)."""
    tree = LexborHTMLParser(head.decode("latin-1"))
    for meta in tree.css("meta"):
        attrs = {k.lower(): (v or "") for k, v in meta.attributes.items()}
        if attrs.get("charset"):
            return attrs["charset"].strip().lower()
        content = attrs.get("content", "").lower()
        if attrs.get("http-equiv", "").lower() == "content-type" and "charset=" in content:
            return content.split("charset=", 1)[1].split(";")[0].strip(" \"'")
    return None


def decode(raw: bytes) -> Decoded:
    """The text of a page and how its encoding was found."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom):].decode(encoding, errors="replace")
            return Decoded(text, encoding, "字节顺序标记", None, "\ufffd" in text)
    declared = declared_charset(raw[:_PRESCAN])
    encoding = _ALIASES.get(declared or "", None)
    if encoding:
        try:
            return Decoded(raw.decode(encoding), encoding, "网页声明", declared)
        except UnicodeDecodeError:
            pass  # a GBK page declaring UTF-8 (a template copied from a newer site) is common
    for guess in ("utf-8", "gb18030"):
        try:
            return Decoded(raw.decode(guess), guess, "猜测", declared)
        except UnicodeDecodeError:
            continue
    # A page cut off in the middle of a character, or a mixture: the encoding that loses least.
    best = min(("utf-8", "gb18030"), key=lambda e: raw.decode(e, errors="replace").count("\ufffd"))
    return Decoded(raw.decode(best, errors="replace"), best, "猜测", declared, True)


def read(file: MirrorFile) -> Decoded:
    """The decoded text of a page; None as text when the file is too big to be one."""
    if file.size > MAX_PAGE_BYTES:
        return Decoded(None, "", "")
    return decode(file.path.read_bytes())
