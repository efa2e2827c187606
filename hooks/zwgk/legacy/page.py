"""One page of the old site, read: head meta tags, metadata box, title, body container, links, kind.

`read_page` never raises on bad HTML (lexbor parses anything a browser does); what it could not find
is left empty and said in `notes`, in Chinese, for the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from zwgk.legacy import metabox

ARTICLE = "article"
LIST = "list"
FRAMESET = "frameset"
NO_BODY = "no-body"

# Editor containers, most specific first: TRS WCM, then the shapes 开普云 and 大汉 (Hanweb) templates use.
BODY_SELECTORS = (
    ".TRS_Editor", ".TRS_UEDITOR", ".Custom_UnionStyle", "#zoom", ".view.TRS_UEDITOR",
    ".article-content", ".art-con", ".news_content", ".content-text", "#content_text",  # 开普云
    "#zoomcon", ".bt_content", "#con_text", ".article_con", ".wzcon", "#UCAP-CONTENT",  # 大汉
    ".zw", "#zw", ".article", "article", ".content",
)
# Misspellings and variants seen in vendors' templates → the meta name meant.
META_ALIASES = {"desctiption": "description", "descripton": "description", "keyword": "keywords",
                "artictitle": "articletitle", "articletittle": "articletitle", "pubtime": "pubdate",
                "publishdate": "pubdate", "contentsouce": "contentsource", "columname": "columnname"}
ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".zip", ".rar",
                       ".7z", ".ofd", ".txt", ".csv", ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff")
_ARTICLE_URL = re.compile(r"/t\d{8}_\d+\.s?html?$|documentid=\d+|/art/\d{4}/\d+/\d+/art_\d+_\d+\.html$", re.I)
_LIST_NAME = re.compile(r"^(index|list|default)(_\d+)?\.s?html?$", re.I)
_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:-|/|\.|年)\s*\d{1,2}\s*(?:-|/|\.|月)\s*\d{1,2}")
_LOCAL = "mirror.invalid"  # stands for the old site while resolving links


@dataclass(frozen=True)
class Link:
    href: str  # as written in the page
    text: str
    url: str | None  # the old site's URL path (+ ?query) when it points into the old site, else None
    host: str | None  # the host of an absolute link (None for a relative one)


@dataclass(frozen=True)
class ListItem:
    title: str
    url: str | None
    date: str | None  # the date printed beside it, as printed


@dataclass
class LegacyPage:
    url: str
    kind: str  # ARTICLE, LIST, FRAMESET or NO_BODY
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # lower-case names: articletitle, pubdate, contentsource …
    fields: dict[str, str] = field(default_factory=dict)  # the metadata box, canonical keys (metabox.LABELS)
    body_html: str = ""
    body_text: str = ""
    body_selector: str = ""  # which container held the body
    links: list[Link] = field(default_factory=list)  # in the body
    attachments: list[Link] = field(default_factory=list)  # in the body: links to files, images
    files: list[Link] = field(default_factory=list)  # links to files outside the body (a 附件 box below it)
    list_items: list[ListItem] = field(default_factory=list)  # a list page's entries
    frames: list[str] = field(default_factory=list)  # src of frames and iframes
    shows_date: bool = False  # a 发布时间/发布日期 is visible on the page (not only in <meta>)
    truncated: bool = False  # the file ends before </html>
    notes: list[str] = field(default_factory=list)


def resolve(page_url: str, href: str, own_hosts: frozenset[str] = frozenset()) -> Link:
    """Where `href` on the page at `page_url` points: a URL of the old site, or another host."""
    href = href.strip()
    target = urlsplit(urljoin(f"http://{_LOCAL}{page_url}", href))
    host = urlsplit(href).hostname if "//" in href[:8] or href.startswith("//") else None
    internal = target.scheme in ("http", "https") and (target.hostname == _LOCAL or (target.hostname or "") in own_hosts)
    url = None
    if internal:
        url = unquote(target.path or "/") + (f"?{target.query}" if target.query else "")
    return Link(href, "", url, host)


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = {k.lower(): (v or "") for k, v in node.attributes.items()}
        name = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        if name and "content" in attrs:
            meta.setdefault(META_ALIASES.get(name, name), " ".join(attrs["content"].split()))
    return meta


def _body(tree: LexborHTMLParser) -> tuple[LexborNode | None, str]:
    for selector in BODY_SELECTORS:
        nodes = [n for n in tree.css(selector) if (n.text(deep=True) or "").strip() or n.css_first("img, table")]
        if nodes:
            return max(nodes, key=lambda n: len(n.text(deep=True) or "")), selector
    return None, ""


def _own_hosts(meta: dict[str, str], extra: frozenset[str]) -> frozenset[str]:
    domain = meta.get("sitedomain", "")
    hosts = {urlsplit(domain if "//" in domain else f"http://{domain}").hostname or ""} if domain else set()
    if meta.get("url"):
        hosts.add(urlsplit(meta["url"]).hostname or "")
    return frozenset(h for h in hosts | set(extra) if h)


def _links(container: LexborNode, page_url: str, hosts: frozenset[str]) -> tuple[list[Link], list[Link]]:
    links: list[Link] = []
    attachments: list[Link] = []
    for node in container.css("a[href], img[src]"):
        href = node.attributes.get("href") or node.attributes.get("src") or ""
        if not href.strip() or href.strip().lower().startswith(("javascript:", "mailto:", "#", "tel:", "data:")):
            continue
        link = resolve(page_url, href, hosts)
        link = Link(link.href, " ".join((node.text(deep=True) or node.attributes.get("alt") or "").split()),
                    link.url, link.host)
        path = urlsplit(link.href).path.lower()
        if node.tag == "img" or path.endswith(ATTACHMENT_SUFFIXES):
            attachments.append(link)
        else:
            links.append(link)
    return links, attachments


def _files_outside(tree: LexborHTMLParser, body: LexborNode, page_url: str, hosts: frozenset[str]) -> list[Link]:
    """Attachment links printed after the body (TRS's `div.fj`, 大汉's 附件 rows): files, not navigation."""
    found: list[Link] = []
    for node in tree.css("a[href]"):
        href = node.attributes.get("href") or ""
        if not urlsplit(href.strip()).path.lower().endswith(ATTACHMENT_SUFFIXES) or _inside(node, body):
            continue
        link = resolve(page_url, href, hosts)
        found.append(Link(link.href, " ".join((node.text(deep=True) or "").split()), link.url, link.host))
    return found


def _list_items(tree: LexborHTMLParser, page_url: str, hosts: frozenset[str]) -> list[ListItem]:
    items: list[ListItem] = []
    for node in tree.css("li, tr"):
        anchors = [a for a in node.css("a[href]") if _ARTICLE_URL.search(a.attributes.get("href") or "")]
        if len(anchors) != 1:
            continue
        anchor = anchors[0]
        date = _DATE.search(node.text(deep=True) or "")
        title = anchor.attributes.get("title") or anchor.text(deep=True) or ""
        items.append(ListItem(" ".join(title.split()), resolve(page_url, anchor.attributes["href"] or "", hosts).url,
                              date.group(0) if date else None))
    return items


def _shows_date(tree: LexborHTMLParser, fields: dict[str, str], body: LexborNode | None) -> bool:
    """A reader sees when it was published: in the box, or a line such as 发布时间：2024-01-05 outside the body."""
    if _DATE.search(fields.get("发布日期", "")):
        return True
    for node in tree.css("span, div, p, td, li, em, font"):
        text = node.text(deep=True) or ""
        if len(text) > 300 or (body is not None and _inside(node, body)):
            continue
        flat = metabox.squeeze(text)
        for label in ("发布时间", "发布日期", "时间", "日期"):
            at = flat.find(label)
            if at >= 0 and _DATE.match(flat[at + len(label):].lstrip("：:")):
                return True
    return False


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _title(tree: LexborHTMLParser, meta: dict[str, str], fields: dict[str, str]) -> str:
    for candidate in (meta.get("articletitle"), fields.get("标题")):
        if candidate and candidate.strip():
            return candidate.strip()
    for selector in ("h1", ".title", "h2", "title"):
        node = tree.css_first(selector)
        if node is not None and (node.text(deep=True) or "").strip():
            return " ".join((node.text(deep=True) or "").split())
    return ""


def read_page(url: str, text: str, own_hosts: frozenset[str] = frozenset()) -> LegacyPage:
    """Read the page served at `url` (its old URL path) from its decoded `text`."""
    tree = LexborHTMLParser(text)
    meta = _meta(tree)
    hosts = _own_hosts(meta, own_hosts)
    page = LegacyPage(url, NO_BODY, meta=meta)
    page.truncated = "</html" not in text[-4096:].lower()
    for node in tree.css("frame[src], iframe[src]"):
        page.frames.append(node.attributes.get("src") or "")
    page.fields = metabox.read_box(tree.root) if tree.root is not None else {}
    page.title = _title(tree, meta, page.fields)
    body, page.body_selector = _body(tree)
    name = url.rsplit("/", 1)[-1].split("?", 1)[0]
    items = _list_items(tree, url, hosts)
    if tree.css_first("frameset") is not None:
        page.kind = FRAMESET
    elif body is not None and not (_LIST_NAME.match(name) and len(items) >= 2):
        page.kind = ARTICLE
        page.body_html = body.html or ""
        page.body_text = " ".join((body.text(deep=True, separator=" ") or "").split())
        page.links, page.attachments = _links(body, url, hosts)
        page.files = _files_outside(tree, body, url, hosts)
    elif items or _LIST_NAME.match(name):
        page.kind = LIST
        page.list_items = items
    elif page.frames:
        page.kind = FRAMESET
    page.shows_date = _shows_date(tree, page.fields, body)
    if page.truncated:
        page.notes.append("网页不完整（没有 </html> 结尾），可能下载时被截断")
    return page
