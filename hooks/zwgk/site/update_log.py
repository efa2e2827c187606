"""更新日志: compare what this build publishes with what the last `build.py build` published.

Reads only the PublicSite, so nothing withheld can reach the log: a 此件不予公开 document is never
in it, and a 依申请公开 one is compared on its catalogue data only (its body is not in a PublicSite).

Dates, so that the same input always gives the same log: 新增 is dated by the document's 发布日期,
失效/废止 by its 废止日期, a change that comes with a new 修改说明 by the note's 日期; anything else
(a change without a note, a document taken off the site) by the build's check day (--today, else
site.yml's 检查日期, else today).

What is safe to say of a document that left the site (deleted, or now 此件不予公开): only that one
was taken off (撤下) and when. Its earlier entries lose 标题, 文号, 文件 and 说明 too: it may have
left because its title itself must not be public, and the build cannot tell why it left.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from zwgk.base import vocab
from zwgk.content.model import Document, Interpretation, LogEntry, Page, UpdateState
from zwgk.site.pages import path_of
from zwgk.site.publication import PublicSite


# The fields the public sees on each page, as editors name them; a change in any is logged.
def _attachments(owner: Document | Interpretation | Page) -> object:
    # name and size: reading every attachment of thousands of documents each build is not worth it
    return [(a.path, a.file.stat().st_size) for a in owner.attachments]


FIELDS: dict[str, Callable[[Document], object]] = {
    "标题": lambda d: d.title,
    "文号": lambda d: d.number,
    "发文机关": lambda d: d.issuer,
    "成文日期": lambda d: d.written,
    "发布日期": lambda d: d.published,
    "公开属性": lambda d: d.label,
    "有效性": lambda d: d.validity,
    "废止日期": lambda d: d.repealed,
    "替代文件": lambda d: d.replaced_by,
    "文件类型": lambda d: d.doc_type,
    "主题分类": lambda d: d.theme,
    "领域": lambda d: [t.name for t in d.domains],
    "内容概述": lambda d: d.summary,
    "正文": lambda d: d.body,
    "附件": _attachments,
    "修改说明": lambda d: [(n.day, n.text) for n in d.changes],
}
INTERPRETATION_FIELDS: dict[str, Callable[[Interpretation], object]] = {
    "标题": lambda i: i.title,
    "解读对象": lambda i: list(i.targets),
    "解读形式": lambda i: i.form,
    "解读机关": lambda i: i.issuer,
    "发布日期": lambda i: i.published,
    "正文": lambda i: i.body,
    "附件": _attachments,
}
PAGE_FIELDS: dict[str, Callable[[Page], object]] = {
    "标题": lambda p: p.title,
    "栏目": lambda p: p.section.name,
    "发布日期": lambda p: p.published,
    "正文": lambda p: p.body,
    "附件": _attachments,
}
# Keys of the state file: a document by its file name (as the 索引号 registry), the others prefixed,
# since an interpretation or a page may have the same file name as a document.
_PREFIX = {Interpretation: "解读:", Page: "页面:"}
_ORDER = {kind: n for n, kind in enumerate(vocab.LOG_KINDS)}


Published = Document | Interpretation | Page


def key_of(obj: Published) -> str:
    return _PREFIX.get(type(obj), "") + obj.slug


def _fields(obj: Published) -> dict[str, Callable[[Any], object]]:
    return FIELDS if isinstance(obj, Document) else INTERPRETATION_FIELDS if isinstance(obj, Interpretation) else PAGE_FIELDS


def fingerprint(obj: Published) -> dict[str, str]:
    return {name: hashlib.sha256(repr(value(obj)).encode()).hexdigest()[:10] for name, value in _fields(obj).items()}


def _number(obj: Published) -> str | None:
    return obj.number if isinstance(obj, Document) else None


def _added(obj: Published, day: date) -> LogEntry:
    return LogEntry(obj.published or day, vocab.LOG_ADDED, key_of(obj), obj.title, _number(obj))


def _changed(obj: Published, fields: list[str], day: date) -> LogEntry:
    if not isinstance(obj, Document):
        return LogEntry(day, vocab.LOG_CHANGED, key_of(obj), obj.title, None, tuple(fields))
    if "有效性" in fields and obj.is_withdrawn:
        return LogEntry(obj.repealed or day, obj.validity, obj.slug, obj.title, obj.number, tuple(fields))
    note = obj.changes[-1] if "修改说明" in fields and obj.changes else None
    return LogEntry(note.day if note else day, vocab.LOG_CHANGED, obj.slug, obj.title, obj.number, tuple(fields),
                    note.text if note else None)


def _unnamed(entry: LogEntry) -> LogEntry:
    return dataclasses.replace(entry, slug=None, title=None, number=None, note=None)


def _key(entry: LogEntry) -> tuple[int, int, str, str]:
    """Newest first; on one day in the order of LOG_KINDS, then by file name: always the same order."""
    return (-entry.day.toordinal(), _ORDER[entry.kind], entry.slug or "", ",".join(entry.fields))


def published(ps: PublicSite) -> dict[str, Published]:
    """Everything the log follows, by state key: documents (依申请公开 ones as their catalogue data),
    interpretations and hand-written pages."""
    return {key_of(o): o for o in (*ps.documents, *ps.interpretations, *ps.pages)}


def record(ps: PublicSite, previous: UpdateState | None, day: date) -> UpdateState:
    """The state after this build: every published page's fingerprint and the whole log."""
    before = previous.fingerprints if previous else {}
    now = published(ps)
    fingerprints = {key: fingerprint(obj) for key, obj in now.items()}
    new: list[LogEntry] = []
    for key, obj in now.items():
        if key not in before:
            new.append(_added(obj, day))
        elif changed := [f for f in _fields(obj) if f in before[key] and before[key][f] != fingerprints[key][f]]:
            new.append(_changed(obj, changed, day))
    new += [LogEntry(day, vocab.LOG_REMOVED) for key in sorted(before) if key not in now]
    kept = [e if e.slug is None or e.slug in now else _unnamed(e) for e in (previous.entries if previous else ())]
    return UpdateState(fingerprints, tuple(sorted([*new, *kept], key=_key)))


def with_log(ps: PublicSite, state: UpdateState) -> PublicSite:
    """The site with its log and the page of each published thing the log names."""
    named = {e.slug for e in state.entries}
    paths = {key: path_of(obj) for key, obj in published(ps).items() if key in named}
    return dataclasses.replace(ps, updates=state.entries, update_paths=paths)


def shown(ps: PublicSite, entries: Iterable[LogEntry]) -> list[tuple[LogEntry, str | None]]:
    """Each entry with the path of its page as now published (None: taken off the site)."""
    return [(e, ps.update_paths.get(e.slug) if e.slug else None) for e in entries]
