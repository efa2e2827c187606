"""What the registry knows of one kind of content file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zwgk.content.model import Project
from zwgk.content.reader import Reader
from zwgk.kinds.scaffold import Form

# What the kinds loaded before this one produced, by the Project attribute each fills.
Loaded = dict[str, Any]


@dataclass(frozen=True)
class ContentKind:
    name: str  # its JSON Schema is schemas/<name>.schema.json; the handbook's field table is titled by the schema
    files: tuple[str, ...]  # where its files are, as globs under the project root (the handbook's examples too)
    schema: dict[str, Any]
    model: type | None  # what one file, or one entry of it, becomes
    handbook: str  # the handbook's sentence above the field table: what the file is for
    # What loading adds to the project, stored as Project.<field>; None: another kind or a check reads it.
    load: Callable[[Reader, Loaded], Any] | None = None
    field: str | None = None
    # Checks across files, once the whole project is loaded.
    check: Callable[[Project, Reader], None] | None = None
    forms: tuple[Form, ...] = ()  # what `build.py new` can make of it

    def __post_init__(self) -> None:
        if (self.load is None) != (self.field is None):
            raise ValueError(f"kind {self.name}: a loader needs the Project attribute it fills, and only a loader has one")
