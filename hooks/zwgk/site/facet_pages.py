"""The 政策文件库 page and the data it filters in the browser (docs/政策文件库.md says why our own
static index rather than Pagefind's filters).

The data is a script (`zcwj/wjk/data.js`) that sets `window.zwgkLibrary`: a <script> element loads
from file:// and under any sub-path, where fetch() of a JSON file is refused from file://.
Columnar and with facet values by number, so 10,000 documents stay small. Made from the PublicSite
through facets.py only, so it holds exactly what the static lists hold.
"""

from __future__ import annotations

import json
from typing import Any

from zwgk.base import memo, vocab
from zwgk.site import facets
from zwgk.site.facets import LIBRARY, LIBRARY_DATA
from zwgk.site.pages import OutputPage, section_path
from zwgk.site.publication import PublicSite

TITLE = "政策文件库"


def library_page(ps: PublicSite) -> OutputPage:
    section = vocab.SECTION_POLICIES
    groups = facets.facets(facets.library_documents(ps.documents))
    return OutputPage(LIBRARY, TITLE, "library.html", {
        "groups": [(f.key, f.label, [(v.name, v.path, len(v.documents)) for v in f.values]) for f in groups],
        "data": LIBRARY_DATA, "all": section_path(section),
    }, ((section.name, section_path(section)),))


def library_data(ps: PublicSite) -> dict[str, Any]:
    """{"facets": [[key, label, [value, …]], …], "docs": [[slug, 标题, 文号, 成文日期, 发布日期, 废止日期,
    替代文件 slug, i₁, …, i₆]]}: iₖ is the number of the document's value in facet k, a list for 领域."""
    docs = facets.library_documents(ps.documents)
    groups = facets.facets(docs)
    numbers = [{v.name: n for n, v in enumerate(f.values)} for f in groups]
    rows = []
    for doc in docs:
        picked: list[Any] = []
        for spec, number in zip(facets.SPECS, numbers, strict=True):
            values = [number[v] for v in spec.of(doc)]
            picked.append(values if spec.key == "ly" else values[0])
        rows.append([doc.slug, doc.title, doc.number or "", doc.written.isoformat(),
                     doc.published.isoformat() if doc.published else "",
                     doc.repealed.isoformat() if doc.is_withdrawn and doc.repealed else "",
                     doc.replaced_by or "", *picked])
    return {"facets": [[f.key, f.label, [v.name for v in f.values]] for f in groups], "docs": rows}


def library_files(ps: PublicSite) -> dict[str, bytes]:
    def make() -> dict[str, bytes]:
        data = library_data(ps)
        # One document a line: readable in a diff, and json's fast encoder (no indent) for 10,000 of them.
        lines = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in data["docs"])
        facet_json = json.dumps(data["facets"], ensure_ascii=False, separators=(",", ":"))
        text = f'window.zwgkLibrary={{"facets":{facet_json},"docs":[\n{lines}\n]}};\n'
        return {LIBRARY_DATA: text.encode("utf-8")}

    return memo.remember(("library", ps.documents), make)
