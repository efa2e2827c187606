"""The audit of an OLD site, from its mirror, before anything is moved (`build.py audit 镜像目录`).

It judges the old site by the inspection rules in domain.md, as an inspector would: stale and blank
columns, list items and pages with no visible 发布时间, broken internal links and missing attachments,
解读 with no link to their 原文 and 原文 with no 解读, personal data (masked), government files with no
公开属性. Pages are read with the reading API of the migration (mirror.walk/read, page.read_page); this
module only keeps what the rules need of each page, so memory stays small on a mirror of 10,000 pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from zwgk.checks import personal_data
from zwgk.legacy import audit_rules, mirror, page
from zwgk.legacy.audit_rules import Finding
from zwgk.legacy.seen import ListPage, Seen, day_of, docid_of

_KEPT_TEXT = 4000  # of a page that does not look like a 解读; its column (known later) may still say it is one


@dataclass
class Audit:
    root: Path
    today: date
    site_name: str = ""
    pages: int = 0
    attachments: int = 0
    encodings: dict[str, int] = field(default_factory=dict)
    articles: list[Seen] = field(default_factory=list)
    lists: list[ListPage] = field(default_factory=list)
    columns: list[audit_rules.Column] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


def _all_links(text: str, url: str, hosts: frozenset[str]) -> list[page.Link]:
    """Every link and image of the page, resolved as page.resolve does (the body's links are a subset)."""
    found: list[page.Link] = []
    for node in LexborHTMLParser(text).css("a[href], img[src]"):
        href = (node.attributes.get("href") or node.attributes.get("src") or "").strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "#", "tel:", "data:")):
            continue
        link = page.resolve(url, href, hosts)
        found.append(page.Link(link.href, " ".join((node.text(deep=True) or "").split()), link.url, link.host))
    return found


def _hosts(read: page.LegacyPage) -> frozenset[str]:
    hosts = set()
    for value in (read.meta.get("sitedomain", ""), read.meta.get("url", "")):
        if value:
            hosts.add(urlsplit(value if "//" in value else f"http://{value}").hostname or "")
    return frozenset(h for h in hosts if h)


def _title_of(read: page.LegacyPage) -> str:
    # <title> of a list page is often "政策文件_示例县人民政府": the column's name comes first
    return read.meta.get("columnname") or read.title.split("_")[0].split("-")[0].strip()


def _read_one(audit: Audit, file: mirror.MirrorFile, hosts: set[str]) -> None:
    decoded = mirror.read(file)
    if decoded.text is None:
        audit.findings.append(audit_rules.unreadable(file.url, file.size))
        return
    audit.encodings[decoded.encoding] = audit.encodings.get(decoded.encoding, 0) + 1
    read = page.read_page(file.url, decoded.text, frozenset(hosts))
    hosts.update(_hosts(read))
    audit.site_name = audit.site_name or read.meta.get("sitename", "")
    if read.truncated:
        audit.findings.append(audit_rules.truncated(file.url))
    if read.kind == page.LIST:
        audit.lists.append(ListPage(file.url, _title_of(read) if read.list_items or read.meta.get("columnname")
                                    else "", read.list_items))
        return
    if read.kind == page.FRAMESET:
        audit.findings.append(audit_rules.frameset(file.url, read.frames))
        return
    links = _all_links(decoded.text, file.url, frozenset(hosts))
    published = day_of(read.fields.get("发布日期")) or day_of(read.meta.get("pubdate"))
    seen = Seen(file.url, read.kind, read.title, read.meta.get("columnname", ""), read.fields, published,
                read.shows_date, links, read.links)
    if read.kind == page.ARTICLE:
        maybe = any(word in read.title + seen.column_meta for word in ("解读", "图解", "读懂"))
        seen.text = read.body_text if maybe else read.body_text[:_KEPT_TEXT]
        audit.findings += audit_rules.personal(file.url, personal_data.scan_text(read.body_text))
    elif read.kind == page.NO_BODY and (read.fields or read.title):
        audit.findings.append(audit_rules.no_body(file.url, read.title))
    audit.articles.append(seen)


def run_audit(root: Path, today: date, progress: Callable[[int], None] | None = None) -> Audit:
    """Read every page of the mirror at `root` once, then apply the rules."""
    audit = Audit(root, today)
    files: set[str] = set()
    hosts: set[str] = set()
    for file in mirror.walk(root):
        files.add(file.url)
        if file.kind != mirror.PAGE:
            audit.attachments += 1
            continue
        audit.pages += 1
        _read_one(audit, file, hosts)
        if progress is not None:
            progress(audit.pages)
    audit.columns = audit_rules.columns(audit.lists, {a.url: a for a in audit.articles}, today)
    audit.findings += audit_rules.column_findings(audit.columns)
    audit.findings += audit_rules.date_findings(audit.lists, audit.articles)
    audit.findings += audit_rules.link_findings(audit.articles, files, frozenset(hosts), docid_of)
    audit.findings += audit_rules.interpretation_findings(audit.articles, audit.columns, docid_of)
    audit.findings += audit_rules.attribute_findings(audit.articles)
    audit.findings.sort(key=lambda f: (audit_rules.ORDER.index(f.kind), f.url, f.target))
    return audit
