"""Where the tool itself lives: mkdocs.yml, theme/, deploy/ and schemas/ ship beside the package;
and how the editor ran it, so a message names a command they can type again."""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
from pathlib import Path

TOOL_DIR = Path(__file__).resolve().parents[3]
# Set by tools/make_handbook.py: the handbook shows the command as the README writes it, not its own.
SHOWN: str | None = None


def command(args: str) -> str:
    """`args` as a command the editor can paste: `.venv/bin/python build.py check`, the interpreter and
    build.py as they ran them (and the --root they gave)."""
    return f"{SHOWN or invocation(root=True)} {args}"


@functools.cache
def invocation(root: bool = False) -> str:
    """The interpreter and build.py as run, relative to the current folder where they are inside it."""
    script = sys.argv[0] if sys.argv and Path(sys.argv[0]).name == "build.py" else str(TOOL_DIR / "build.py")
    parts = [_python(), _shown(script)]
    given = _given_root(sys.argv[1:]) if root and script == sys.argv[0] else None
    if given is not None:
        parts += ["--root", _shown(given)]
    return " ".join(_quoted(p) for p in parts)


def _python() -> str:
    """`python` when that name finds this very interpreter (an activated venv), else its path."""
    name = Path(sys.executable).name
    found = shutil.which(name)
    if found and os.path.abspath(found) == os.path.abspath(sys.executable):
        return name
    return _shown(sys.executable)


def _shown(path: str) -> str:
    if not os.path.isabs(path):
        return path  # as typed, relative to the folder it was typed in
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def _given_root(args: list[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--root" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--root="):
            return arg.split("=", 1)[1]
    return None


def _quoted(part: str) -> str:
    """Quoted only where a shell would split or expand it; Chinese folder names stay as typed."""
    return f'"{part}"' if re.search(r"[\s\"'$`&|;<>()*?]", part) else part
