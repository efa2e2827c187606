"""The 更新日志 pages: the log newest first, cut into pages from the oldest entry (pages.paginate_from_oldest),
so that the pages before the first do not change with each new entry. Reads only a PublicSite."""

from __future__ import annotations

from zwgk.base import vocab
from zwgk.site.pages import OutputPage, paginate_from_oldest
from zwgk.site.publication import PublicSite
from zwgk.site.update_log import shown

SECTION = vocab.SECTION_UPDATES


def update_log_pages(ps: PublicSite) -> list[OutputPage]:
    if not ps.updates:
        return []
    return [OutputPage(path, SECTION.name if pager.number == 1 else f"{SECTION.name}（第{pager.number}页）",
                       "update_log.html", {"rows": shown(ps, chunk), "pager": pager,
                        "total": len(ps.updates) if pager.number == 1 else None})  # on the first page only: it changes
            for path, chunk, pager in paginate_from_oldest(SECTION.slug, ps.updates)]
