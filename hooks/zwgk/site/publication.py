"""What may be published: the one place that decides, so nothing withheld can leak.

`publish()` turns the loaded project into a `PublicSite`. Renderers only ever see a
PublicSite: a 此件不予公开 document is not in it at all, and a 此件依申请公开 document is in it
without body, summary or attachments.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from zwgk.base import vocab
from zwgk.base.vocab import Term
from zwgk.content import cleanup, decisions, gazette
from zwgk.content.crossref import category_members
from zwgk.content.model import (
    AnnualReport,
    Catalogue,
    CatalogueItem,
    CleanupGroup,
    DecisionCatalogue,
    Document,
    GazetteIssue,
    GazetteYear,
    Interpretation,
    LogEntry,
    NegativeList,
    Page,
    Project,
    Site,
    Town,
)
from zwgk.kinds.site import SITE_KIND


@dataclass(frozen=True)
class PublicSite:
    """Everything the public may see, with the cross-links pages need."""

    site: Site
    documents: tuple[Document, ...]  # newest first; 依申请 ones reduced to metadata
    interpretations: tuple[Interpretation, ...]  # newest first
    pages: tuple[Page, ...]
    catalogues: tuple[Catalogue, ...]
    interpretations_of: dict[str, list[Interpretation]] = field(default_factory=dict)
    fulfilled_by: dict[str, list[Document | Page]] = field(default_factory=dict)
    categories: dict[Term, list[Document | Page]] = field(default_factory=dict)

    documents_by_slug: dict[str, Document] = field(default_factory=dict)
    items_by_code: dict[str, CatalogueItem] = field(default_factory=dict)
    decisions: tuple[DecisionCatalogue, ...] = ()  # newest year first; stages link only to what is shown
    negative_list: NegativeList | None = None
    cleanup: tuple[CleanupGroup, ...] = ()  # empty when no cleanup batch is defined
    reports: tuple[AnnualReport, ...] = ()  # newest year first; the law makes every report public
    towns: tuple[Town, ...] = ()  # a town's catalogue and villages are public in full
    gazette: tuple[GazetteYear, ...] = ()  # newest year first; issues list only public documents
    printed_in: dict[str, list[tuple[GazetteYear, GazetteIssue]]] = field(default_factory=dict)  # slug → issues
    updates: tuple[LogEntry, ...] = ()  # the update log, newest first (site.update_log fills it)
    update_paths: dict[str, str] = field(default_factory=dict)  # log key → page of what it names, while published

    def document(self, slug: str) -> Document | None:
        return self.documents_by_slug.get(slug)

    def town(self, slug: str) -> Town | None:
        return next((t for t in self.towns if t.slug == slug), None)

    def item(self, code: str) -> CatalogueItem | None:
        return self.items_by_code.get(code)


def _metadata_only(doc: Document) -> Document:
    # 修改说明 speak of the body, so they go with it
    return dataclasses.replace(doc, body="", summary=None, attachments=(), changes=())


def publish(project: Project) -> PublicSite:
    visible = {d.slug: d for d in project.documents if d.is_visible}
    documents = [d if d.is_public else _metadata_only(d) for d in visible.values()]
    # A replacement that is not public must not be linked, nor a withheld one even named.
    public = {slug for slug, d in visible.items() if d.is_public}
    documents = [d if d.replaced_by in public or d.replaced_by is None else dataclasses.replace(d, replaced_by=None)
                 for d in documents]
    documents.sort(key=lambda d: d.order_key, reverse=True)

    interpretations = []
    for interp in project.interpretations:
        # An interpretation retells its document, so only interpretations of public documents go out.
        targets = tuple(t for t in interp.targets if t in public)
        if targets:
            interpretations.append(dataclasses.replace(interp, targets=targets))
    interpretations.sort(key=lambda i: (i.published, i.slug), reverse=True)

    interpretations_of: dict[str, list[Interpretation]] = defaultdict(list)
    for interp in interpretations:
        for target in interp.targets:
            interpretations_of[target].append(interp)

    pages = sorted(project.pages, key=lambda p: (p.published, p.slug), reverse=True)
    fulfilled_by: dict[str, list[Document | Page]] = defaultdict(list)
    for owner in [*documents, *pages]:
        for code in owner.items:
            fulfilled_by[code].append(owner)

    return PublicSite(
        site=project.site, documents=tuple(documents), interpretations=tuple(interpretations), pages=tuple(pages),
        catalogues=tuple(sorted(project.catalogues, key=lambda c: vocab.DOMAINS.index(c.domain))),
        interpretations_of=dict(interpretations_of), fulfilled_by=dict(fulfilled_by),
        categories={t: m for t, m in category_members(documents, pages).items() if m},
        documents_by_slug={d.slug: d for d in documents},
        items_by_code={item.code: item for c in project.all_catalogues for item in c.items},
        towns=tuple(project.towns),
        decisions=decisions.publish(project.decisions, {d.slug: d for d in documents}, {p.slug: p for p in pages}),
        negative_list=project.negative_list,
        cleanup=cleanup.publish(project.cleanup_batches, tuple(documents)),
        reports=tuple(sorted(project.reports, key=lambda r: r.year, reverse=True)),
        gazette=(issues := gazette.publish(project.gazette, {d.slug: d for d in documents})),
        printed_in=gazette.printed_in(issues),
    )


def published_files(ps: PublicSite) -> set[str]:
    """The content files whose content the site shows in full: what a published report may speak of.
    A 依申请公开 document is not one (its body is not published), nor a withheld one, nor a stray file."""
    sources = [d.source for d in ps.documents if d.is_public]
    sources += [o.source for o in (*ps.interpretations, *ps.pages, *ps.catalogues, *ps.decisions, *ps.reports, *ps.gazette)]
    sources += [group.batch.source for group in ps.cleanup if group.batch is not None]
    sources += [ps.negative_list.source] if ps.negative_list else []
    for town in ps.towns:
        sources += [town.source, *(c.source for c in town.catalogues), *(v.source for v in town.villages)]
    return {s.file for s in sources} | set(SITE_KIND.files)


def unnamed(project: Project) -> set[str]:
    """What a published text must never name: the 文号, title, file name and path of each withheld document."""
    names: set[str] = set()
    for doc in project.documents:
        if doc.is_withheld:
            names |= {doc.title, doc.slug, doc.source.file} | ({doc.number} if doc.number else set())
    return names
