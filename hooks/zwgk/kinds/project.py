"""Loading a content tree into the model: each kind of the registry in turn, every file read, validated
and converted, every problem collected (nothing stops at the first mistake); then the checks across files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from zwgk.base.problems import Problems
from zwgk.content import crossref, indexno, update_state
from zwgk.content.model import Project
from zwgk.content.reader import Reader
from zwgk.kinds.kind import Loaded
from zwgk.kinds.registry import KINDS
from zwgk.kinds.scaffold import Context


def load_project(root: Path) -> tuple[Project | None, Problems]:
    """The whole model of `root`, and every problem found while loading it."""
    reader = Reader(root)
    loaded: Loaded = {}
    for kind in KINDS:
        if kind.load is not None and kind.field is not None:
            loaded[kind.field] = kind.load(reader, loaded)
    site = loaded.pop("site")
    if site is None:
        return None, reader.problems
    project = Project(root, site, **loaded)
    registry = indexno.load_registry(root, reader.problems)
    project.documents, project.index_registry = indexno.assign(project, registry, reader.problems)
    project.new_index_numbers = {k: v for k, v in project.index_registry.items() if registry.get(k) != v}
    project.update_state = update_state.load(root, reader.problems)
    crossref.check(project, reader.problems, reader.unloaded)
    for kind in KINDS:
        if kind.check is not None:
            kind.check(project, reader)
    return project, reader.problems


def editing_context(root: Path, today: date, ask: Callable[[str], str] | None,
                    say: Callable[[str], None] = print) -> Context:
    """What `build.py new` and `import` work in: the content tree, loaded when a form first needs it."""
    return Context(root, today, ask, say, load=load_project)
