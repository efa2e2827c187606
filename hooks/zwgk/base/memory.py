"""Give memory Python has freed back to the system, where the C library allows it (glibc).

CPython frees the strings of a rendered page to the C allocator, which keeps the space for later: after
rendering 10,000 pages the build process holds hundreds of MB it no longer uses, while Pagefind, beside
it, needs them. glibc's malloc_trim returns free pages of the heap, including those between used blocks.
Trimming never changes what is built: ZWGK_TRIM_EVERY=1 trims after every page, 0 never (tests compare).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable

_DEFAULT_EVERY = 500  # pages rendered between two trims: each takes a few milliseconds


def _every() -> int:
    wanted = os.environ.get("ZWGK_TRIM_EVERY", "")
    return int(wanted) if wanted.isdigit() else _DEFAULT_EVERY


def _trim_function() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux") or _every() == 0:
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return None


_EVERY = _every()
_trim = _trim_function()
_count = 0


def give_back() -> None:
    """Return the C heap's free pages to the system now."""
    if _trim is not None:
        _trim(0)


def end_of_stage() -> None:
    """Between two stages (after rendering, after the link check): give back what the last one freed, before
    Pagefind, beside, needs it."""
    give_back()


def after_page() -> None:
    """Called once per rendered page: gives memory back every `_EVERY` pages."""
    global _count
    _count += 1
    if _EVERY and _count % _EVERY == 0:
        give_back()
