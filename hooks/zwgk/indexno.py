"""索引号: generated from the organ code, year and a per-year serial, unique and stable.

Serials follow publication order within a year, so adding newer documents never changes an
older number. A number an editor pins in front matter (`索引号:`) is kept as written and its
string is never generated for another document.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from .model import Document, Project
from .problems import Problems

DEFAULT_FORMAT = "{代码}/{年}-{序号:05d}"


def format_ok(pattern: str) -> bool:
    try:
        return pattern.format(代码="X", 年=2024, 月="01", 序号=1) != pattern.format(代码="X", 年=2024, 月="01", 序号=2)
    except (KeyError, IndexError, ValueError):
        return False


def assign(project: Project, problems: Problems) -> list[Document]:
    """The project's documents with 索引号 filled in; duplicates of pinned numbers are errors."""
    pinned: dict[str, Document] = {}
    for doc in project.documents:
        if doc.index_no:
            if doc.index_no in pinned:
                first = pinned[doc.index_no]
                problems.error(doc.source.file, doc.source.line, f"索引号“{doc.index_no}”与 {first.source.file} 重复",
                               "索引号必须唯一：删掉这一行让系统生成，或改成未用过的索引号")
            pinned.setdefault(doc.index_no, doc)

    by_year: dict[int, list[Document]] = defaultdict(list)
    for doc in project.documents:
        if not doc.index_no:
            by_year[doc.year].append(doc)

    numbers: dict[str, str] = {}
    for year, docs in by_year.items():
        serial = 0
        for doc in sorted(docs, key=lambda d: d.order_key):
            day = doc.published or doc.written
            while True:
                serial += 1
                candidate = project.site.index_format.format(代码=project.site.code, 年=year, 月=f"{day.month:02d}", 序号=serial)
                if candidate not in pinned:
                    break
            numbers[doc.source.file] = candidate
    return [dataclasses.replace(d, index_no=numbers[d.source.file]) if d.source.file in numbers else d for d in project.documents]
