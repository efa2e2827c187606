"""Pagefind parts kept between builds: <root>/.cache/build/search/<digest of the part>/ holds the files
Pagefind wrote for a part (as they are in the site) and files.json, the digest of each. A part whose records
are the same is copied from there instead of being indexed again (Pagefind gives the same bytes for the same
pages). Only the parts of the last build are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from zwgk.base import cache_file

FILES = "files.json"


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def restore(entry: Path, target: Path) -> dict[str, str] | None:
    """Put the kept part `entry` at `target`: the digest of each of its files, by path inside the part. None
    (and nothing at `target`) when it is not there or not whole: any file missing or changed, and the part
    is indexed again. Each file is read to check it, then linked, not written: thousands of files a part."""
    try:
        listed = json.loads((entry / FILES).read_text(encoding="utf-8"))
        if not isinstance(listed, dict):
            raise ValueError(FILES)
        inside = entry.resolve()
        for folder in {Path(rel).parent for rel in listed}:  # a linked folder would bring files from elsewhere
            if not (entry / folder).resolve().is_relative_to(inside):
                raise ValueError(str(folder))
        for rel, digest in listed.items():
            name = Path(rel)
            # only files keep() writes: inside the entry, no link, not the list of parts or another part
            if name.is_absolute() or ".." in name.parts or name.parts[0].isdigit() or rel == "parts.json" \
                    or (entry / rel).is_symlink():
                raise ValueError(rel)
            data = (entry / rel).read_bytes()
            if not isinstance(digest, str) or _digest(data) != digest:
                raise ValueError(rel)
            out = target / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(entry / rel, out)  # a file of the cache is replaced, never written into (keep)
            except OSError:  # another file system, or one without hard links
                out.write_bytes(data)
        return listed
    except (OSError, ValueError):
        if entry.exists():  # a missing entry is the usual miss; a spoilt one is said, and dropped for keep()
            root = entry.parents[3]
            cache_file.warn(root, entry, "内容不完整或被改动过", "重新生成这一部分站内搜索索引")
            shutil.rmtree(entry, ignore_errors=True)
        shutil.rmtree(target, ignore_errors=True)
        return None


def keep(bundle: Path, cache: Path, digests: list[str]) -> None:
    """After the site is switched in: keep each part of its index (`bundle`, site/pagefind: the first part
    at its top, part N in N/) under its digest, and drop the parts of earlier builds."""
    cache.mkdir(parents=True, exist_ok=True)
    for number, digest in enumerate(digests):
        if (cache / digest / FILES).is_file():
            continue
        source = bundle / str(number) if number else bundle
        files = {}
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            rel = path.relative_to(source)
            if not number and (rel.parts[0].isdigit() or rel.as_posix() == "parts.json"):
                continue  # the other parts, and the list of them
            files[rel.as_posix()] = path
        temporary = Path(tempfile.mkdtemp(prefix=".part-", dir=cache))
        try:
            listed = {}
            for rel, path in files.items():
                data = path.read_bytes()
                (temporary / rel).parent.mkdir(parents=True, exist_ok=True)
                (temporary / rel).write_bytes(data)
                listed[rel] = _digest(data)
            (temporary / FILES).write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
            shutil.rmtree(cache / digest, ignore_errors=True)  # a spoilt entry
            os.replace(temporary, cache / digest)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
    wanted = set(digests)
    for old in cache.iterdir():
        if old.name not in wanted:
            shutil.rmtree(old, ignore_errors=True)
