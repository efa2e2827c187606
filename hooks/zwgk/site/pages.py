"""The pages of the site: one `OutputPage` per HTML file, with its path, title, template and data.

Paths are final output paths relative to the site root (`wj/szbf-2024-3.html`); every link is
made relative from them at render time, so the site works under any sub-path and from file://.
Only a `PublicSite` is ever read here.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from zwgk.base import annual_format, vocab
from zwgk.base.vocab import Section
from zwgk.content import cleanup, gazette, negative_list
from zwgk.content.annual_report import by_year
from zwgk.content.model import AnnualReport, Attachment, Catalogue, CatalogueItem, Document, Interpretation, Page, Town
from zwgk.site import facets
from zwgk.site.publication import PublicSite

PAGE_SIZE = 20
_URL_UNSAFE = re.compile(r'[\s#%?"<>\\^`{|}]')
HOME = "index.html"
SITEMAP = "wzdt/index.html"
SEARCH = "search.html"  # the search page; its index is written by search.py


@dataclass(frozen=True)
class OutputPage:
    path: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    crumbs: tuple[tuple[str, str], ...] = ()  # (title, path) from the home page down, excluding this page


def relative_url(target: str, current: str) -> str:
    """Link from page `current` to `target` (both site-root-relative output paths)."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    if not target:
        return anchor
    return _relative_path(target, posixpath.dirname(current)) + anchor


def _relative_path(target: str, folder: str) -> str:
    """posixpath.relpath for clean site paths, without its os.getcwd() per call: list pages make
    tens of thousands of links."""
    parts = target.split("/")
    up = folder.split("/") if folder else []
    if {"", ".", ".."} & {*parts, *up}:
        return posixpath.relpath(target, folder or ".")
    common = 0
    while common < min(len(up), len(parts)) and up[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(up) - common) + parts[common:]) or "."


def section_path(section: Section) -> str:
    return f"{section.slug}/index.html"


def document_path(doc: Document) -> str:
    return f"wj/{doc.slug}.html"


def interpretation_path(interp: Interpretation) -> str:
    return f"{vocab.SECTION_INTERPRETATIONS.slug}/{interp.slug}.html"


def page_path(page: Page) -> str:
    if page.section == vocab.SECTION_GUIDE:
        return section_path(vocab.SECTION_GUIDE)
    return f"{page.section.slug}/{page.slug}.html"


def annual_report_path(report: AnnualReport) -> str:
    return f"{vocab.SECTION_REPORTS.slug}/{report.slug}.html"


def attachment_path(attachment: Attachment) -> str:
    """Where an attachment is published, as a URL path: file names may hold `#`, `?`, `%` or spaces."""
    return "attachments/" + _URL_UNSAFE.sub(lambda m: quote(m.group()), attachment.path)


def domain_path(term: vocab.Term) -> str:
    return f"{vocab.SECTION_DOMAINS.slug}/{term.slug}.html"


def town_path(town: Town) -> str:
    return f"{vocab.SECTION_TOWNS.slug}/{town.slug}/index.html"


def item_path(item: CatalogueItem) -> str:
    """The catalogue row of an item: on its domain page, or on its town's page."""
    page = f"{vocab.SECTION_TOWNS.slug}/{item.town}/index.html" if item.town else domain_path(item.domain)
    return f"{page}#item-{item.code}"


def category_path(term: vocab.Term) -> str:
    return f"{vocab.SECTION_STATUTORY.slug}/{term.slug}/index.html"


def path_of(obj: Document | Interpretation | Page | AnnualReport) -> str:
    """The page any model object is published on."""
    if isinstance(obj, AnnualReport):
        return annual_report_path(obj)
    if isinstance(obj, Document):
        return document_path(obj)
    if isinstance(obj, Interpretation):
        return interpretation_path(obj)
    return page_path(obj)


def _crumb(section: Section) -> tuple[str, str]:
    return (section.name, section_path(section))


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    paths: tuple[str, ...]  # path of every page of the list, first page first

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < self.count else None


def paginate(folder: str, entries: Sequence[Any]) -> Iterator[tuple[str, Sequence[Any], Pager]]:
    """`folder/index.html`, `folder/2.html`, … each holding PAGE_SIZE entries."""
    chunks = [entries[i:i + PAGE_SIZE] for i in range(0, len(entries), PAGE_SIZE)] or [entries]
    paths = tuple(f"{folder}/index.html" if n == 1 else f"{folder}/{n}.html" for n in range(1, len(chunks) + 1))
    for n, chunk in enumerate(chunks, start=1):
        yield paths[n - 1], chunk, Pager(n, len(chunks), paths)


def paginate_from_oldest(folder: str, entries: Sequence[Any]) -> Iterator[tuple[str, Sequence[Any], Pager]]:
    """Like `paginate`, newest first, for a list that grows at its top (the update log): the pages after the
    first hold PAGE_SIZE entries each, cut from the oldest, and are named by their place from the oldest
    (`folder/1.html` holds the 20 oldest); the first page holds the rest, PAGE_SIZE to 2 × PAGE_SIZE - 1.
    So a new entry changes the first page only (and the pager of all once every PAGE_SIZE entries): a
    rebuild renders one page of a log of thousands, not all of them, and an older page keeps its address."""
    count = max(1, len(entries) // PAGE_SIZE)
    first = len(entries) - (count - 1) * PAGE_SIZE
    chunks = [entries[:first], *(entries[first + i * PAGE_SIZE:first + (i + 1) * PAGE_SIZE] for i in range(count - 1))]
    paths = (f"{folder}/index.html", *(f"{folder}/{count - n}.html" for n in range(1, count)))
    for n, chunk in enumerate(chunks, start=1):
        yield paths[n - 1], chunk, Pager(n, count, paths)


def column_pages(ps: PublicSite) -> list[OutputPage]:
    """The home page and the pages of the fixed columns, up to the 重点领域 pages, in the site map's order."""
    pages: list[OutputPage] = [_home(ps)]
    pages += _hand_written(ps)
    pages += _annual_reports(ps)
    pages += _statutory(ps)
    pages += _policies(ps)
    pages += [_document(ps, d) for d in ps.documents]
    pages += _interpretations(ps)
    pages += _domains(ps)
    return pages


def fulfilling(ps: PublicSite, catalogues: Sequence[Catalogue]) -> dict[str, list[Document | Page]]:
    """What carries out each item of these catalogues: a page's data holds only what it shows."""
    return {item.code: ps.fulfilled_by.get(item.code, []) for c in catalogues for item in c.items}


def _home(ps: PublicSite) -> OutputPage:
    public = [d for d in ps.documents if d.is_public]
    by_section = defaultdict(list)
    for page in ps.pages:
        by_section[page.section].append(page)
    return OutputPage(HOME, ps.site.title, "home.html", {
        "latest_documents": public[:8],
        "updates": [(e, ps.update_paths.get(e.slug) if e.slug else None) for e in ps.updates[:8]],
        "latest_interpretations": ps.interpretations[:6],
        "guide": by_section[vocab.SECTION_GUIDE][:1],
        "rules": by_section[vocab.SECTION_RULES][:5],
        "reports": _column(ps, vocab.SECTION_REPORTS)[:5],
        "categories": list(ps.categories.items()),
        "domains": domain_terms(ps),
        "on_request_count": sum(1 for d in ps.documents if d.is_on_request),
        "towns": ps.towns,
    })


def _hand_written(ps: PublicSite) -> list[OutputPage]:
    out: list[OutputPage] = []
    for section in (vocab.SECTION_RULES, vocab.SECTION_REPORTS):
        out.append(OutputPage(section_path(section), section.name, "list.html",
                              {"entries": _column(ps, section), "pager": None, "section": section}))
    for page in ps.pages:
        crumbs = () if page.section == vocab.SECTION_GUIDE else (
            (_crumb(page.section),) if page.section != vocab.SECTION_OTHER else ())
        out.append(OutputPage(page_path(page), page.title, "page.html", {"entry": page}, crumbs))
    return out


def _column(ps: PublicSite, section: Section) -> list[Page | AnnualReport]:
    """What a column of hand-written pages lists, newest first; 年报 adds the annual reports, by year."""
    members: list[Page | AnnualReport] = [p for p in ps.pages if p.section == section]
    if section == vocab.SECTION_REPORTS:
        members = by_year([*ps.reports, *members])
    return members


def _annual_reports(ps: PublicSite) -> list[OutputPage]:
    crumbs = (_crumb(vocab.SECTION_REPORTS),)
    return [OutputPage(annual_report_path(r), r.title, "annual_report.html", {"report": r, "fmt": annual_format}, crumbs)
            for r in ps.reports]


def _statutory(ps: PublicSite) -> list[OutputPage]:
    section = vocab.SECTION_STATUTORY
    out = [OutputPage(section_path(section), section.name, "categories.html",
                      {"categories": list(ps.categories.items())})]
    for term, members in ps.categories.items():
        folder = f"{section.slug}/{term.slug}"
        for path, chunk, pager in paginate(folder, members):
            title = term.name if pager.number == 1 else f"{term.name}（第{pager.number}页）"
            out.append(OutputPage(path, title, "list.html", {"entries": chunk, "pager": pager, "section": section},
                                  (_crumb(section),)))
    return out


def _document_lists(folder: str, title: str, docs: Sequence[Document], crumbs: tuple[tuple[str, str], ...],
                    facets: dict[str, Any]) -> list[OutputPage]:
    return [OutputPage(path, title if pager.number == 1 else f"{title}（第{pager.number}页）", "documents.html",
                       {"entries": chunk, "pager": pager, "facets": facets, "total": len(docs)}, crumbs)
            for path, chunk, pager in paginate(folder, docs)]


def _policies(ps: PublicSite) -> list[OutputPage]:
    """The 政策文件 column, and a paginated list per value of each facet (facets.py): what the 政策文件库
    filters in the browser, for readers without JavaScript and for search engines."""
    section = vocab.SECTION_POLICIES
    public = facets.library_documents(ps.documents)
    groups = facets.facets(public)
    nav = {
        "all": (section_path(section), len(public)),
        "groups": [(f.label, [(v.name, v.path, len(v.documents)) for v in f.values]) for f in groups],
        "library": facets.LIBRARY,
        "cleanup": cleanup.PAGE_PATH if ps.cleanup else None,
    }
    out = _document_lists(section.slug, section.name, public, (), {**nav, "current": section_path(section)})
    crumbs = (_crumb(section),)
    for facet in groups:
        for value in facet.values:
            title = facets.list_title(facet, value)
            out += _document_lists(value.folder, title, value.documents, crumbs, {**nav, "current": value.path})
    return out


def _document(ps: PublicSite, doc: Document) -> OutputPage:
    section = vocab.SECTION_POLICIES if doc.is_public else vocab.SECTION_ON_REQUEST
    replacement = ps.document(doc.replaced_by) if doc.replaced_by else None
    return OutputPage(document_path(doc), doc.title, "document.html", {
        "doc": doc,
        "interpretations": ps.interpretations_of.get(doc.slug, []) if doc.is_public else [],
        "replacement": replacement,
        "items": [item for code in doc.items if (item := ps.item(code))],
        "town": ps.town(doc.town) if doc.town else None,
        "guide": section_path(vocab.SECTION_GUIDE),
        "printed_in": [(gazette.issue_name(y.title, i), gazette.issue_path(i)) for y, i in ps.printed_in.get(doc.slug, [])],
        "changes": doc.changes if doc.is_public else (),
    }, (_crumb(section),))


def _interpretations(ps: PublicSite) -> list[OutputPage]:
    section = vocab.SECTION_INTERPRETATIONS
    out = [OutputPage(path, section.name if pager.number == 1 else f"{section.name}（第{pager.number}页）",
                      "interpretations.html", {"entries": chunk, "pager": pager})
           for path, chunk, pager in paginate(section.slug, ps.interpretations)]
    for interp in ps.interpretations:
        targets = [d for slug in interp.targets if (d := ps.document(slug))]
        out.append(OutputPage(interpretation_path(interp), interp.title, "interpretation.html",
                              {"interp": interp, "targets": targets}, (_crumb(section),)))
    return out


def domain_terms(ps: PublicSite) -> list[vocab.Term]:
    """The domains that have a page: a catalogue or a document; the rest would be empty links."""
    have = {c.domain for c in ps.catalogues} | {t for d in ps.documents for t in d.domains}
    return [t for t in vocab.DOMAINS if t in have]


def _domains(ps: PublicSite) -> list[OutputPage]:
    section = vocab.SECTION_DOMAINS
    catalogues = {c.domain: c for c in ps.catalogues}
    documents: dict[vocab.Term, list[Document]] = defaultdict(list)
    for doc in ps.documents:
        for term in doc.domains:
            documents[term].append(doc)
    terms = domain_terms(ps)
    rows = [(t, catalogues.get(t), len(documents[t])) for t in terms]
    out = [OutputPage(section_path(section), section.name, "domains.html", {"rows": rows, "towns": ps.towns})]
    for term in terms:
        out.append(OutputPage(domain_path(term), f"{term.name}领域信息公开", "domain.html", {
            "term": term, "catalogue": catalogues.get(term), "documents": documents[term],
            "fulfilled_by": fulfilling(ps, [catalogues[term]] if term in catalogues else []),
            "town_catalogues": [(t, c) for t in ps.towns for c in t.catalogues if c.domain == term],
        }, (_crumb(section),)))
    return out


def on_request_page(ps: PublicSite) -> OutputPage:
    section = vocab.SECTION_ON_REQUEST
    return OutputPage(section_path(section), section.name, "on_request.html", {
        "pages": [p for p in ps.pages if p.section == section],
        "documents": [d for d in ps.documents if d.is_on_request],
        "guide": section_path(vocab.SECTION_GUIDE),
        "negative_list": (negative_list.PAGE_PATH, ps.negative_list) if ps.negative_list else None,
    })
