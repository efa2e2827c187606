"""The 乡镇政务公开 pages: a landing page listing the towns; per town one page with its catalogue
(by domain), its newest documents and its villages' 村(居)务公开, plus a full document list when
the town has more documents than that page shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from zwgk.base import vocab
from zwgk.content.model import Document, Town
from zwgk.content.towns import carried_by
from zwgk.site.pages import OutputPage, fulfilling, paginate, section_path, town_path
from zwgk.site.publication import PublicSite

LATEST = 10  # documents shown on the town page itself


@dataclass(frozen=True)
class TownRow:
    """One line of the towns landing page."""

    town: Town
    items: int
    documents: int
    villages: int
    updated: date | None  # the newest date of its catalogue, documents and village items


def village_anchor(position: int) -> str:
    return f"village-{position}"


def _updated(town: Town, documents: list[Document]) -> date | None:
    dates = [c.updated for c in town.catalogues if c.updated]
    dates += [d.published for d in documents if d.published]
    dates += [item.latest for v in town.villages for item in v.items]
    return max(dates) if dates else None


def town_pages(ps: PublicSite) -> list[OutputPage]:
    if not ps.towns:
        return []
    section = vocab.SECTION_TOWNS
    crumb = (section.name, section_path(section))
    documents: dict[str, list[Document]] = defaultdict(list)
    for doc in ps.documents:  # newest first
        if doc.town:
            documents[doc.town].append(doc)
    rows = [TownRow(t, sum(len(c.items) for c in t.catalogues), len(documents[t.slug]), len(t.villages),
                    _updated(t, documents[t.slug])) for t in ps.towns]
    out = [OutputPage(section_path(section), section.name, "towns.html", {"rows": rows})]
    for town in ps.towns:
        docs = documents[town.slug]
        title = f"{town.name}政务公开"
        lists = [] if len(docs) <= LATEST else [
            OutputPage(path, f"{town.name}文件" + ("" if pager.number == 1 else f"（第{pager.number}页）"), "list.html",
                       {"entries": chunk, "pager": pager, "section": section}, (crumb, (title, town_path(town))))
            for path, chunk, pager in paginate(f"{section.slug}/{town.slug}/wj", docs)]
        carried = {code: [(village_anchor(n), v, item) for n, v, item in found]
                   for code, found in carried_by(town).items()}
        out.append(OutputPage(town_path(town), title, "town.html", {
            "town": town, "documents": docs[:LATEST], "total": len(docs),
            "all_documents": lists[0].path if lists else None,
            "villages": [(village_anchor(n), v) for n, v in enumerate(town.villages, start=1)],
            "fulfilled_by": fulfilling(ps, town.catalogues), "carried_by": carried,
        }, (crumb,)))
        out += lists
    return out
