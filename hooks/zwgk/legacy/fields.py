"""The metadata of one old article, each value with where it came from, and guesses marked.

Sources, most trusted first: the page's metadata box (信息框), its head `<meta>` tags, the date
printed on the page, then guesses (the 成文日期 taken from the 发布日期, 主题分类 综合政务 …).
The 文号 is only ever the document's own, from the box: a number the body cites is another
document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zwgk.base import docnumber, identity, vocab
from zwgk.legacy.page import LegacyPage

BOX = "信息框"
META = "网页 meta"
URL = "网址中的日期"
GUESS = "推测"
ON_SITE = "旧网站已公开"  # not a guess: the page was public on the old site

_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})")
_URL_DATE = re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+")
_VALIDITY = {"有效": vocab.VALID, "现行有效": vocab.VALID, "是": vocab.VALID, "已修改": "已修改", "修改": "已修改",
             "失效": "失效", "已失效": "失效", "否": "失效", "废止": "废止", "已废止": "废止"}
_DOC_ID = re.compile(r"/t\d{8}_(\d+)\.s?html?$|documentid=(\d+)|/art_\d+_(\d+)\.html$", re.I)


@dataclass(frozen=True)
class Value:
    value: str
    source: str  # BOX, META, URL or GUESS
    why: str = ""  # for a guess: why this value

    @property
    def guessed(self) -> bool:
        return self.source == GUESS


def day(text: str) -> str | None:
    """2019-10-11 from 2019-10-11 09:32, 2019年10月11日, 2019/10/11 …; None when it is no real date."""
    match = _DATE.search(text or "")
    if not match:
        return None
    year, month, dom = (int(g) for g in match.groups())
    from datetime import date

    try:
        return date(year, month, dom).isoformat()
    except ValueError:
        return None


def doc_id(url: str) -> str | None:
    """The CMS's id of an article from its URL (t20191011_123.htm, show.jsp?documentid=123)."""
    match = _DOC_ID.search(url)
    return (match[1] or match[2] or match[3]) if match else None


def _theme(text: str) -> str | None:
    text = text.strip()
    if text in vocab.THEMES:
        return text
    if len(text) < 2:
        return None
    for theme in vocab.THEMES:  # 财政 → 财政、金融、审计; 交通运输 → 工业、交通
        if any(text in part or part in text for part in re.split("[、与]", theme) if len(part) >= 2):
            return theme
    return None


def read_fields(page: LegacyPage, organ: str) -> dict[str, Value]:
    """标题, 索引号, 文号, 发文机关, 成文日期, 发布日期, 主题分类, 有效性, 文件类型, 公开属性 of `page`:
    what the page states, else a guess marked as one (`organ`: the site's own, from site.yml)."""
    box, meta = page.fields, page.meta
    out: dict[str, Value] = {}
    if page.title:
        source = META if meta.get("articletitle") else BOX if box.get("标题") else GUESS
        out["标题"] = Value(page.title, source, "取自网页标题栏" if source == GUESS else "")
    if number := identity.normalise(box.get("索引号", ""), spaces=True):
        out["索引号"] = Value(number, BOX)
    if (raw := box.get("文号", "")) and docnumber.NUMBER.fullmatch(docnumber.normalise(raw)):
        out["文号"] = Value(docnumber.normalise(raw), BOX)
    for key, source in (("发文机关", BOX), ("contentsource", META), ("信息来源", BOX)):
        value = (box if source == BOX else meta).get(key, "").strip()
        if value and value not in ("无", "-"):
            out["发文机关"] = Value(value, source)
            break
    else:
        out["发文机关"] = Value(organ, GUESS, "旧网页没有写发布机构，暂填本站机关")
    published = day(box.get("发布日期", ""))
    if published:
        out["发布日期"] = Value(published, BOX)
    elif published := day(meta.get("pubdate", "")):
        out["发布日期"] = Value(published, META)
    elif match := _URL_DATE.search(page.url):
        out["发布日期"] = Value(day("-".join(match.groups())) or "", GUESS, "旧网页没有发布日期，取自网址（那是录入日期）")
    if written := day(box.get("成文日期", "")):
        out["成文日期"] = Value(written, BOX)
    elif "发布日期" in out:
        out["成文日期"] = Value(out["发布日期"].value, GUESS, "旧网页没有成文日期，暂填发布日期")
    printed = box.get("主题分类", "").strip()
    theme = _theme(printed)
    if theme == printed:
        out["主题分类"] = Value(theme, BOX)
    elif theme:
        out["主题分类"] = Value(theme, GUESS, f"旧网页的主题分类是“{printed}”，按相近的分类填写")
    else:
        out["主题分类"] = Value("综合政务", GUESS, f"旧网页的主题分类是“{printed}”" if printed else "旧网页没有主题分类")
    validity = _VALIDITY.get("".join(box.get("有效性", "").split()))
    out["有效性"] = Value(validity, BOX) if validity else Value(vocab.VALID, GUESS, "旧网页没有写有效性")
    out["文件类型"] = Value(vocab.NORMATIVE if "规范性文件" in box.get("体裁分类", "") else "其他文件", GUESS,
                        "旧网站不区分文件类型；行政规范性文件须经合法性审核、统一登记，请核对")
    out["公开属性"] = Value(vocab.LABEL_PUBLIC, ON_SITE)
    return {k: v for k, v in out.items() if v.value}
