"""Where `build.py build` keeps what a later build may reuse, and what all of it depends on.

Everything cached lives under <root>/.cache/build/ (never committed: .gitignore has .cache/). Every entry
is only as good as the tool that made it: the package's code, its templates, mkdocs.yml and the versions of
the libraries that shape the output. `tool_signature()` stands for all of them; a cache written under
another signature is ignored as a whole.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from importlib import metadata
from pathlib import Path

from zwgk.base.tool import TOOL_DIR

FOLDER = Path(".cache") / "build"  # under the content root
# Libraries whose version changes the bytes of the site or of what is cached.
_LIBRARIES = ("mkdocs", "properdocs", "mkdocs-material", "pagefind-bin", "jinja2", "markupsafe", "cmarkgfm",
              "nh3", "selectolax", "pyyaml", "python-frontmatter", "pypinyin", "chinesecalendar")


def folder(root: Path) -> Path:
    return root / FOLDER


def digest(*parts: bytes | str) -> str:
    """A short stable name for the parts, in order (blake2b, 128 bits)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@functools.cache
def tool_signature() -> str:
    """The tool as it is on disk: its Python code, theme, mkdocs.yml, and the libraries' versions. A developer
    who edits a template or a module of the package gets a new signature, as a release does."""
    files = sorted(p for d in ("hooks", "theme") for p in (TOOL_DIR / d).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    files.append(TOOL_DIR / "mkdocs.yml")
    parts: list[bytes | str] = [sys.version, *(f"{name}={_version(name)}" for name in _LIBRARIES)]
    for file in files:
        parts += [file.relative_to(TOOL_DIR).as_posix(), file.read_bytes()]
    return digest(*parts)


# `build.py build --no-cache` (and tests) turn every build cache off here.
enabled = True


_told = False  # a build says once that its cache cannot be used, whichever files are spoilt


def start() -> None:
    """A new build begins: it may tell of an unusable cache again."""
    global _told
    _told = False


def unusable(path: Path | str, why: str, what: str = "完整生成") -> str:
    """The line an editor sees when a cache file is ignored; `what` is what the build does instead."""
    return f"构建缓存 {Path(path).as_posix()} 无法使用（{why}），本次{what}"


def tell_unusable(path: Path | str, why: str, what: str = "完整生成") -> None:
    """Print `unusable(...)` on stderr, for the first cache file of this build that cannot be used only: a
    cache of another tool or folder spoils every file of it, and one line says enough."""
    global _told
    if not _told:
        _told = True
        print(unusable(path, why, what), file=sys.stderr)
