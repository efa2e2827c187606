"""Every page of the site in one list: the columns of `pages`, the town pages, the pages other
modules make, and the site map that lists them all."""

from __future__ import annotations

from collections.abc import Sequence

from zwgk.base import vocab
from zwgk.site.facet_pages import library_page
from zwgk.site.pages import SEARCH, SITEMAP, OutputPage, Pager, column_pages, on_request_page, section_path
from zwgk.site.publication import PublicSite
from zwgk.site.town_pages import town_pages


def build_pages(ps: PublicSite, extra: Sequence[OutputPage] = ()) -> list[OutputPage]:
    """Every page of the site, in a fixed order (the order never changes the output); `extra` are
    pages other modules make (重大行政决策, 负面清单, 清理结果), listed in the site map too."""
    pages = column_pages(ps)
    pages.append(library_page(ps))
    pages += town_pages(ps)
    pages.append(on_request_page(ps))
    pages += extra
    pages.append(OutputPage(SITEMAP, "网站地图", "sitemap.html", {"groups": _sitemap_groups(pages)}))
    pages.append(OutputPage(SEARCH, "站内搜索", "search.html"))
    return pages


def _sitemap_groups(pages: list[OutputPage]) -> list[tuple[str, str | None, list[OutputPage]]]:
    """(section title, section path, its pages) for the site map; documents and later list pages are left out."""
    listed = [p for p in pages if p.template != "document.html" and not _later_list_page(p)]
    paths = {p.path for p in pages}
    groups = []
    for section in (*vocab.SECTIONS, vocab.SECTION_OTHER):
        index = section_path(section)
        if section != vocab.SECTION_OTHER and index not in paths:
            continue  # a section without content of its own (no 重大行政决策 yet) has no page
        children = [p for p in listed if p.path.startswith(section.slug + "/") and p.path != index]
        if section == vocab.SECTION_OTHER:
            if children:
                groups.append((section.name, None, children))
        elif index in paths:  # a column with no page at all (a county without towns) is left out
            groups.append((section.name, index, children))
    return groups


def _later_list_page(page: OutputPage) -> bool:
    pager = page.context.get("pager")
    return isinstance(pager, Pager) and pager.number > 1
