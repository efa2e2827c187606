"""The 更新日志 pages: the log newest first, paginated like every list. Reads only a PublicSite."""

from __future__ import annotations

from zwgk.base import vocab
from zwgk.site.pages import OutputPage, paginate
from zwgk.site.publication import PublicSite
from zwgk.site.update_log import shown

SECTION = vocab.SECTION_UPDATES


def update_log_pages(ps: PublicSite) -> list[OutputPage]:
    if not ps.updates:
        return []
    return [OutputPage(path, SECTION.name if pager.number == 1 else f"{SECTION.name}（第{pager.number}页）",
                       "update_log.html", {"rows": shown(ps, chunk), "pager": pager, "total": len(ps.updates)})
            for path, chunk, pager in paginate(SECTION.slug, ps.updates)]
