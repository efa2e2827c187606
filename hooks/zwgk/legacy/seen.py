"""What the audit keeps of each page of the old site: small records the rules read, and the dates and
record ids written in old URLs and metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from zwgk.base.dates import parse_date
from zwgk.legacy import page

_DAY = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DOCID = re.compile(r"(?:/t\d{8}_|/art_\d+_|documentid=)(\d+)")


def day_of(text: str | None) -> date | None:
    """The first calendar day written in `text` (2024-05-10 09:32, 2024年5月10日, [2023-11-02])."""
    match = _DAY.search(text or "")
    return parse_date(f"{match[1]}-{match[2]}-{match[3]}") if match else None


def docid_of(url: str) -> str | None:
    """The CMS record id in an old URL (t20240510_1001.htm, art_5123_3001.html, show.jsp?documentid=1001)."""
    match = _DOCID.search(url)
    return match[1] if match else None


@dataclass
class Seen:
    """What the rules need of one article page (not its body HTML)."""

    url: str
    kind: str
    title: str
    column_meta: str
    fields: dict[str, str]
    published: date | None
    shows_date: bool
    links: list[page.Link]  # every link of the page, chrome included: inspectors click those too
    body_links: list[page.Link]  # the body's own links: a 解读's link to its 原文 is one of these
    text: str = ""  # body text (its start only, unless the page may be a 解读: they are searched for 原文 names)


@dataclass
class ListPage:
    url: str
    name: str  # the column's name as the page gives it (ColumnName meta or <title>)
    items: list[page.ListItem]
