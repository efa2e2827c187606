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
from collections.abc import Callable
from datetime import date

from zwgk.base import vocab
from zwgk.content.model import Document, LogEntry, UpdateState
from zwgk.site.publication import PublicSite

# The fields the public sees on a document page, as editors name them; a change in any is logged.
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
    # name and size: reading every attachment of thousands of documents each build is not worth it
    "附件": lambda d: [(a.path, a.file.stat().st_size) for a in d.attachments],
    "修改说明": lambda d: [(n.day, n.text) for n in d.changes],
}
_ORDER = {kind: n for n, kind in enumerate(vocab.LOG_KINDS)}


def fingerprint(doc: Document) -> dict[str, str]:
    return {name: hashlib.sha256(repr(value(doc)).encode()).hexdigest()[:10] for name, value in FIELDS.items()}


def _added(doc: Document, day: date) -> LogEntry:
    return LogEntry(doc.published or day, vocab.LOG_ADDED, doc.slug, doc.title, doc.number)


def _changed(doc: Document, fields: list[str], day: date) -> LogEntry:
    if "有效性" in fields and doc.is_withdrawn:
        return LogEntry(doc.repealed or day, doc.validity, doc.slug, doc.title, doc.number, tuple(fields))
    note = doc.changes[-1] if "修改说明" in fields and doc.changes else None
    return LogEntry(note.day if note else day, vocab.LOG_CHANGED, doc.slug, doc.title, doc.number, tuple(fields),
                    note.text if note else None)


def _unnamed(entry: LogEntry) -> LogEntry:
    return dataclasses.replace(entry, slug=None, title=None, number=None, note=None)


def _key(entry: LogEntry) -> tuple[int, int, str, str]:
    """Newest first; on one day in the order of LOG_KINDS, then by file name: always the same order."""
    return (-entry.day.toordinal(), _ORDER[entry.kind], entry.slug or "", ",".join(entry.fields))


def record(ps: PublicSite, previous: UpdateState | None, day: date) -> UpdateState:
    """The state after this build: every published document's fingerprint and the whole log."""
    before = previous.fingerprints if previous else {}
    now = {d.slug: d for d in ps.documents}
    fingerprints = {slug: fingerprint(doc) for slug, doc in now.items()}
    new: list[LogEntry] = []
    for slug, doc in now.items():
        if slug not in before:
            new.append(_added(doc, day))
        elif changed := [f for f in FIELDS if f in before[slug] and before[slug][f] != fingerprints[slug][f]]:
            new.append(_changed(doc, changed, day))
    new += [LogEntry(day, vocab.LOG_REMOVED) for slug in sorted(before) if slug not in now]
    kept = [e if e.slug is None or e.slug in now else _unnamed(e) for e in (previous.entries if previous else ())]
    return UpdateState(fingerprints, tuple(sorted([*new, *kept], key=_key)))


def with_log(ps: PublicSite, state: UpdateState) -> PublicSite:
    return dataclasses.replace(ps, updates=state.entries)


def shown(ps: PublicSite, entries: tuple[LogEntry, ...] | list[LogEntry]) -> list[tuple[LogEntry, Document | None]]:
    """Each entry with the page of its document as now published (None: taken off the site)."""
    return [(e, ps.document(e.slug) if e.slug else None) for e in entries]
