"""JSON Schema files for editors' tools (VS Code's YAML language server), made from `schemas`.

The loader forgives a list written on one line (`甲、乙`) and full-width digits in dates, and reads
every number as text; the exported schemas accept the same, so the editor never flags what the
build accepts.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from zwgk.content import schemas
from zwgk.kinds.registry import KINDS

SCHEMA_DIR = Path("schemas")
EXPORTED = {kind.name: kind.schema for kind in KINDS}  # the registry's order: the handbook's too
_DIGITS = "0-9０-９"


def _as_editors_write(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_as_editors_write(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _as_editors_write(v) for k, v in schema.items()}
    if out.get("x-zwgk-date"):
        out["pattern"] = schemas.DATE_PATTERN.replace(r"\d", f"[{_DIGITS}]")
    if out.get("x-zwgk-number"):  # 12 and 1268.45 are YAML numbers to the editor's tools, text to the loader
        kind = "integer" if out["x-zwgk-number"] == "count" else "number"
        as_number = {"type": kind, "minimum": 0}
        out = {"title": out["title"], "description": out["description"], "anyOf": [as_number, out]}
    if out.get("type") == "array":
        one_line: dict[str, Any] = {"type": "string", "minLength": 1, "description": "一行写多个时用顿号分隔"}
        choices = out.get("items", {}).get("enum")
        if choices:  # each part must be one of the choices, as the loader checks
            one = "(?:" + "|".join(re.escape(c) for c in sorted(choices, key=len, reverse=True)) + ")"
            one_line["pattern"] = f"^{one}(?:[、，,；;]+\\s*{one})*$"
        listed = {k: v for k, v in out.items() if k not in ("title", "description")}
        out = {"title": out.get("title", ""), "description": out.get("description", ""), "anyOf": [listed, one_line]}
    return out


def exported(name: str) -> dict[str, Any]:
    schema = _as_editors_write(copy.deepcopy(EXPORTED[name]))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}


def write_all(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in EXPORTED:
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(exported(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
