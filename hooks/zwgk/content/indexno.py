"""索引号: unique, and never changed once given out.

A number comes from the organ code, the year and a serial (`{代码}/{年}-{序号:05d}` by default).
Every number given out is recorded in the registry `content/index-numbers.yml`, which
`build.py build` extends and editors commit; a document keeps its registered number forever,
and a new document gets the next serial of its year, whatever its date. A number pinned in
front matter (`索引号:`) wins and is recorded too.
"""

from __future__ import annotations

import dataclasses
import os
import re
import string
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from zwgk.base import identity, memo
from zwgk.base.problems import Problems
from zwgk.content.model import Document, Project, Site
from zwgk.content.sourcefile import Located, read_yaml_file

DEFAULT_FORMAT = "{代码}/{年}-{序号:05d}"
REGISTRY = Path("content") / "index-numbers.yml"
_FIELDS = {"代码", "年", "月", "序号"}
_SERIAL_SPEC = re.compile(r"^(0[1-9]d)?$")


def format_ok(pattern: str) -> bool:
    """Only the four placeholders, each at most once, with 年 and 序号 present (numbers restart yearly)."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        return False
    names = [name for name, _, _ in fields]
    if len(names) != len(set(names)) or not set(names) <= _FIELDS or not {"年", "序号"} <= set(names):
        return False
    return all(conv is None and (spec == "" or (name == "序号" and _SERIAL_SPEC.match(spec))) for name, spec, conv in fields)


def _parser(pattern: str, code: str) -> re.Pattern[str]:
    """A regex reading year and serial back out of numbers made with `pattern`."""
    groups = {"代码": re.escape(code), "年": r"(?P<year>\d{4})", "月": r"\d{2}", "序号": r"(?P<serial>\d+)"}
    parts = [re.escape(literal) + (groups[name] if name else "") for literal, name, _, _ in string.Formatter().parse(pattern)]
    return re.compile("^" + "".join(parts) + "$")


def load_registry(root: Path, problems: Problems) -> dict[str, str]:
    path = root / REGISTRY
    if not path.is_file():
        return {}

    # thousands of lines: serve reads them once
    return dict(memo.remember_reporting(("registry", memo.file_state(path)), problems,
                                        lambda found: _read_registry(path, found)))


def _read_registry(path: Path, problems: Problems) -> dict[str, str]:
    located = read_yaml_file(path, problems)
    if located is None:
        return {}
    data = located.data or {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        problems.error(path, 1, "索引号登记表格式不对", "每行写成 `文件名: 索引号`；这个文件由 build.py 维护，不要手工改")
        return {}
    data = _plain_registry(path, located, data, problems)
    seen: dict[str, str] = {}
    for slug, number in data.items():
        if number in seen:
            problems.error(path, located.line(slug), f"索引号“{number}”登记了两次（{seen[number]} 和 {slug}）",
                           "索引号必须唯一：用 git 找回这个文件的上一个版本")
        seen[number] = slug
    return data


def _plain_registry(path: Path, located: Located, data: dict[str, str], problems: Problems) -> dict[str, str]:
    """File names and numbers as documents are compared: a hand edit may have pasted in look-alikes."""
    plain: dict[str, str] = {}
    for slug, number in data.items():
        key, value = identity.normalise(str(slug)), identity.normalise(number)
        for what, typed, fixed in (("文件名", str(slug), key), ("索引号", number, value)):
            if typed != fixed:
                problems.warning(path, located.line(slug), *identity.lookalike(what, typed, fixed), "consistency.lookalike")
        plain[key] = value
    return plain


def save_registry(root: Path, registry: dict[str, str]) -> None:
    """Write the registry atomically, in number order, for a readable diff."""
    path = root / REGISTRY
    lines = ["# 索引号登记表：由 build.py build 自动维护，请随其他改动一起提交。已登记的索引号不会再改变。"]
    lines += [f'{slug}: "{number}"' for slug, number in sorted(registry.items(), key=lambda kv: (kv[1], kv[0]))]
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-numbers-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


class Allocator:
    """Gives out the next free number of each year, after every number already taken."""

    def __init__(self, site: Site, taken: Iterable[str]) -> None:
        self.site = site
        self.taken = set(taken)
        self.last_serial: dict[int, int] = defaultdict(int)
        parser = _parser(site.index_format, site.code)
        for number in self.taken:
            if match := parser.match(number):
                year = int(match["year"])
                self.last_serial[year] = max(self.last_serial[year], int(match["serial"]))

    def next(self, day: date) -> str:
        while True:
            self.last_serial[day.year] += 1
            number = self.site.index_format.format(代码=self.site.code, 年=day.year, 月=f"{day.month:02d}",
                                                   序号=self.last_serial[day.year])
            if number not in self.taken:
                self.taken.add(number)
                return number


def _numbered(doc: Document, number: str) -> Document:
    """`doc` with its 索引号; in serve the same object each rebuild, so pages showing it compare cheaply."""
    if doc.index_no == number:
        return doc
    kept, numbered = memo.remember(("index-no", id(doc), number), lambda: (doc, dataclasses.replace(doc, index_no=number)))
    return numbered if kept is doc else dataclasses.replace(doc, index_no=number)


def assign(project: Project, registry: dict[str, str], problems: Problems) -> tuple[list[Document], dict[str, str]]:
    """The documents with 索引号 filled in, and the registry including every number now given out."""
    site = project.site
    updated = dict(registry)
    for doc in project.documents:
        if doc.index_no:  # pinned by the editor
            updated[doc.slug] = doc.index_no

    owner: dict[str, str] = {}
    for doc in project.documents:
        number = updated.get(doc.slug)
        if number is None:
            continue
        if number in owner and owner[number] != doc.slug:
            problems.error(doc.source.file, doc.source.at("索引号"), f"索引号“{number}”已经属于 {owner[number]}",
                           "索引号必须唯一：删掉这一行让系统生成，或改成未用过的索引号", "consistency.duplicate-index")
        owner.setdefault(number, doc.slug)
    numbers = Allocator(site, updated.values())
    for doc in sorted((d for d in project.documents if d.slug not in updated), key=lambda d: d.order_key):
        updated[doc.slug] = numbers.next(doc.published or doc.written)
    # unchanged objects stay the same objects (serve compares them)
    documents = [_numbered(d, updated[d.slug]) for d in project.documents]
    return documents, updated
