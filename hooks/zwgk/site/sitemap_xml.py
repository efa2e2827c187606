"""sitemap.xml for search engines: every published HTML page, with absolute URLs under 网站地址.

MkDocs' own sitemap would carry the build date; this one gives a page's 发布日期 where it has one
and nothing otherwise, so the same content gives the same file. The theme's empty sitemap.xml
template stops MkDocs from writing its own (and sitemap.xml.gz).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from zwgk.site.feeds import absolute
from zwgk.site.pages import HOME, OutputPage

SITEMAP_XML = "sitemap.xml"
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _published(page: OutputPage) -> date | None:
    for key in ("doc", "interp", "entry"):  # document, interpretation, hand-written page
        day = getattr(page.context.get(key), "published", None)
        if isinstance(day, date):
            return day
    return None


def sitemap(base: str, pages: list[OutputPage]) -> bytes:
    urlset = ET.Element("urlset", {"xmlns": NS})
    for page in sorted(pages, key=lambda p: (p.path != HOME, p.path)):
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = base if page.path == HOME else absolute(base, page.path)
        if day := _published(page):
            ET.SubElement(url, "lastmod").text = day.isoformat()
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
