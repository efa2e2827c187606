"""The editors' commands that write content files: `new` (one file from a form) and `import` (issued 公文)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from zwgk.base.tool import TOOL_DIR
from zwgk.editor.catalogue_import import import_catalogue, is_catalogue_file
from zwgk.editor.importer import ImportRefused, import_file, report
from zwgk.editor.schema_export import write_all
from zwgk.kinds.project import editing_context
from zwgk.kinds.registry import FORMS
from zwgk.kinds.scaffold import ScaffoldError, done, run


def new(root: Path, kind_name: str, given: dict[str, str], slug: str | None, today: date | None) -> int:
    """Scaffold one file; asks in the terminal, or takes the flags only when there is no terminal."""
    ctx = editing_context(root, today or date.today(), input if sys.stdin.isatty() else None)
    try:
        kind = FORMS[kind_name]
        path = run(kind, ctx, given, slug)
    except ScaffoldError as exc:
        print("\n".join(exc.messages) + "\n没有写入任何文件。", file=sys.stderr)
        return 1
    print(done(kind, _shown(path)))
    return 0


def import_files(root: Path, files: list[Path], force: bool, today: date | None, town: str | None = None,
                 domain: str | None = None) -> int:
    """Issued documents become documents; catalogue tables (.xlsx, .csv, a .docx with a catalogue table) catalogues."""
    ctx = editing_context(root, today or date.today(), None)
    failed = 0
    for file in files:
        try:
            if is_catalogue_file(file):
                print(import_catalogue(ctx, file, town, domain, force))
                continue
            print(report(import_file(ctx, file, force), ctx))
        except ImportRefused as refused:
            print(str(refused), file=sys.stderr)
            failed += 1
    if failed:
        print(f"{failed} 个文件没有导入。", file=sys.stderr)
    return 1 if failed else 0


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def write_schemas() -> int:
    """`build.py schemas`: the JSON Schemas editors' text editors read, written again into schemas/."""
    for path in write_all(TOOL_DIR):
        print(f"已写出 {path.relative_to(TOOL_DIR)}")
    return 0
