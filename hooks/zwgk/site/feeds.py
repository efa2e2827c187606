"""Atom feeds (订阅) of 政策文件 and 政策解读: the newest entries, with absolute links from 网站地址.

Deterministic: an entry's time is its 发布日期 at midnight Beijing time and the feed's <updated>
is its newest entry's, never the build time. Written with ElementTree, which escapes all text.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from zwgk.base import vocab
from zwgk.content.model import LogEntry
from zwgk.site.pages import document_path, interpretation_path, section_path
from zwgk.site.publication import PublicSite

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50


@dataclass(frozen=True)
class Entry:
    title: str
    path: str  # output path of its page
    day: date
    author: str
    summary: str
    id: str | None = None  # default: its page's URL; log entries share a page and need their own


def feed_path(section: vocab.Section) -> str:
    return f"{section.slug}/feed.xml"


def absolute(base: str, path: str) -> str:
    """`path` of the site as a full URL under 网站地址 (base ends with "/")."""
    return base + quote(path, safe="/#")


def _time(day: date) -> str:
    return f"{day.isoformat()}T00:00:00+08:00"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def atom(base: str, title: str, section: vocab.Section, entries: list[Entry]) -> bytes:
    # Unprefixed names with a literal xmlns: what feed readers expect to see.
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "zh-CN"})
    self_url = absolute(base, feed_path(section))
    _add(feed, "id", self_url)
    _add(feed, "title", title)
    _add(feed, "updated", _time(max(e.day for e in entries)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=absolute(base, section_path(section)))
    for e in entries:
        entry = _add(feed, "entry")
        url = absolute(base, e.path)
        _add(entry, "id", e.id or url)
        _add(entry, "title", e.title)
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "published", _time(e.day))
        _add(entry, "updated", _time(e.day))
        _add(_add(entry, "author"), "name", e.author)
        if e.summary:
            _add(entry, "summary", e.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def feed_files(ps: PublicSite, base: str) -> dict[str, bytes]:
    """Path under the site root → feed; a column with nothing in it has no feed."""
    documents = [Entry(d.title, document_path(d), d.published, d.issuer, "；".join(filter(None, [d.number, d.summary])))
                 for d in ps.documents if d.is_public and d.published][:LIMIT]
    interpretations = [Entry(i.title, interpretation_path(i), i.published, i.issuer, i.form)
                       for i in ps.interpretations][:LIMIT]
    files = {}
    updates = [_log_entry(ps, base, e) for e in ps.updates[:LIMIT]]
    for section, entries in ((vocab.SECTION_POLICIES, documents), (vocab.SECTION_INTERPRETATIONS, interpretations),
                             (vocab.SECTION_UPDATES, updates)):
        if entries:
            files[feed_path(section)] = atom(base, f"{ps.site.name}·{section.name}", section, entries)
    return files


def _log_entry(ps: PublicSite, base: str, e: LogEntry) -> Entry:
    """An update as a feed entry: named and linked only while what it names is published."""
    target = ps.update_paths.get(e.slug) if e.slug else None
    what = f"{e.kind}：{e.title}" if target and e.title else ("撤下一项内容" if e.kind == vocab.LOG_REMOVED else f"{e.kind}：（已撤下的内容）")
    changed = f"修改了{'、'.join(e.fields)}" if e.fields and e.kind == vocab.LOG_CHANGED else None
    summary = "；".join(filter(None, [e.number if target else None, changed, e.note]))
    key = "|".join([e.day.isoformat(), e.kind, e.slug or "", ",".join(e.fields), e.note or ""])
    tag = f"{absolute(base, section_path(vocab.SECTION_UPDATES))}#{hashlib.sha256(key.encode()).hexdigest()[:16]}"
    return Entry(what, target or section_path(vocab.SECTION_UPDATES), e.day, ps.site.name, summary, tag)
