"""The inspection rules the audit applies to an old site, and the Chinese line each finding prints.

Every finding reads "地址: 问题 — 怎么办", the address being the old URL (the file under the mirror).
Column update rules follow 政府网站与政务新媒体检查指标: news-type columns 2 weeks; 通知公告, 政策文件
and the like 6 months; 人事, 规划 1 year (the same periods as checks/timeliness.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from zwgk.base import docnumber
from zwgk.checks import personal_data
from zwgk.checks.timeliness import HALF_YEAR, HOMEPAGE, YEAR
from zwgk.legacy import mirror, page
from zwgk.legacy.seen import ListPage, Seen, day_of

STALE_COLUMN = "stale_column"
BLANK_COLUMN = "blank_column"
LIST_ITEM_NO_DATE = "list_item_no_date"
PAGE_NO_DATE = "page_no_date"
BROKEN_LINK = "broken_link"
MISSING_ATTACHMENT = "missing_attachment"
EXTERNAL_ATTACHMENT = "external_attachment"
INTERPRETATION_NO_LINK = "interpretation_no_link"
ORIGINAL_MISSING = "original_missing"
ORIGINAL_NO_INTERPRETATION = "original_no_interpretation"
PERSONAL_DATA = "personal_data"
NO_PUBLIC_ATTRIBUTE = "no_public_attribute"
DUPLICATE = "duplicate"
UNREADABLE = "unreadable"
TRUNCATED = "truncated"
FRAMESET = "frameset"
NO_BODY = "no_body"

# Report order, and the heading each kind gets in the HTML report.
HEADINGS = {
    STALE_COLUMN: "栏目未按时更新", BLANK_COLUMN: "空白栏目", LIST_ITEM_NO_DATE: "列表条目没有发布时间",
    PAGE_NO_DATE: "网页没有显示发布时间", BROKEN_LINK: "错链断链（站内链接指向不存在的网页）",
    MISSING_ATTACHMENT: "附件缺失", EXTERNAL_ATTACHMENT: "附件在其他网站上",
    INTERPRETATION_NO_LINK: "解读没有链接原文", ORIGINAL_MISSING: "解读的原文不在镜像中",
    ORIGINAL_NO_INTERPRETATION: "政策文件没有解读", PERSONAL_DATA: "个人信息（已遮盖）",
    NO_PUBLIC_ATTRIBUTE: "没有公开属性", DUPLICATE: "同一文件出现在多个栏目", UNREADABLE: "没有读取的文件",
    TRUNCATED: "不完整的网页", FRAMESET: "框架页", NO_BODY: "没有正文的网页",
}
ORDER = list(HEADINGS)
_ONE_LINK_PER_PAGE = 3  # a broken link on more pages than this is in the template: said once, with a count


@dataclass(frozen=True)
class Finding:
    kind: str
    url: str  # the old page or column folder
    target: str  # what it is about: the link target, the item's title, 身份证号 …
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.url}: {self.problem} — {self.fix}"

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "heading": HEADINGS[self.kind], "url": self.url, "target": self.target,
                "problem": self.problem, "fix": self.fix, "message": str(self)}


@dataclass
class Column:
    url: str  # the folder holding its list pages: /xxgk/zcwj/
    name: str
    rule: str  # 动态类 / 通知公告、政策文件类 / 人事、规划类
    period: timedelta
    said: str  # 2 周 / 6 个月 / 1 年
    items: list[str]  # URLs of its entries
    last: date | None
    stale: bool
    blank: bool


def _rule(name: str) -> tuple[str, timedelta, str]:
    if any(word in name for word in ("人事", "规划", "计划", "总结", "年报", "年度报告")):
        return "人事、规划类", YEAR, "1 年"
    if any(word in name for word in ("动态", "新闻", "要闻", "快讯", "图片", "视频")):
        return "动态类", HOMEPAGE, "2 周"
    return "通知公告、政策文件类", HALF_YEAR, "6 个月"


def columns(lists: list[ListPage], articles: dict[str, Seen], today: date) -> list[Column]:
    """One column per folder of list pages that name a column (the site's home and entry pages do not)."""
    folders: dict[str, list[ListPage]] = {}
    for listing in lists:
        folder = listing.url.rsplit("/", 1)[0] + "/"
        if folder != "/" and listing.name:
            folders.setdefault(folder, []).append(listing)
    found = []
    for folder, pages in sorted(folders.items()):
        items: dict[str, date | None] = {}
        for listing in pages:
            for item in listing.items:
                if item.url:
                    seen = articles.get(item.url)
                    items.setdefault(item.url, day_of(item.date) or (seen.published if seen else None))
        days = [d for d in items.values() if d]
        last = max(days) if days else None
        rule, period, said = _rule(pages[0].name)
        found.append(Column(folder, pages[0].name, rule, period, said, list(items), last,
                            last is not None and today - last > period, not items))
    return found


def column_findings(cols: list[Column]) -> list[Finding]:
    found = []
    for c in cols:
        if c.blank:
            found.append(Finding(BLANK_COLUMN, c.url, c.name, f"栏目“{c.name}”没有任何内容（空白栏目）",
                                 "补充内容，或在迁移的栏目对应表中把它标为 skip；空白栏目达到 5 个是单项否决"))
        elif c.stale:
            found.append(Finding(STALE_COLUMN, c.url, c.name,
                                 f"栏目“{c.name}”最近一次更新是 {c.last}，已超过 {c.said}未更新（{c.rule}）",
                                 f"检查指标要求这类栏目 {c.said}内有更新：迁移后在新站点及时发布"))
    return found


def date_findings(lists: list[ListPage], articles: list[Seen]) -> list[Finding]:
    found = [Finding(LIST_ITEM_NO_DATE, listing.url, item.title, f"列表中“{item.title}”没有显示发布时间",
                     "检查人员把不显示日期的条目当作未更新；迁移后新站点的列表都显示发布日期，请核对这份文件的发布日期")
             for listing in lists if listing.name for item in listing.items if not item.date]
    found += [Finding(PAGE_NO_DATE, a.url, a.title, f"网页“{a.title}”上看不到发布时间",
                      "迁移后在这份文件的 发布日期 中写上它真正的发布日期；新站点每个页面都显示发布日期")
              for a in articles if a.kind == page.ARTICLE and not a.shows_date]
    return found


def _exists(url: str, files: set[str]) -> bool:
    path = url.split("#", 1)[0]
    bare = path.split("?", 1)[0]
    if path in files or bare in files:
        return True
    return bare.endswith("/") and any(f"{bare}{name}" in files for name in ("index.htm", "index.html", "default.htm"))


def _is_file(url: str) -> bool:
    return url.split("?", 1)[0].lower().endswith(page.ATTACHMENT_SUFFIXES)


def link_findings(articles: list[Seen], files: set[str], hosts: frozenset[str],
                  docid_of: Callable[[str], str | None]) -> list[Finding]:
    ids = {i for a in articles if (i := docid_of(a.url))}
    broken: dict[tuple[str, str], list[str]] = {}  # (kind, target) → pages linking it
    outside: dict[str, list[str]] = {}
    for a in articles:
        for link in a.links:
            if link.url is None:
                if link.host and link.host not in hosts and _is_file(link.href):
                    outside.setdefault(link.href, []).append(a.url)
                continue
            if _exists(link.url, files) or ("documentid=" in link.url and docid_of(link.url) in ids):
                continue
            kind = MISSING_ATTACHMENT if _is_file(link.url) else BROKEN_LINK
            pages = broken.setdefault((kind, link.url), [])
            if not pages or pages[-1] != a.url:  # a page's links come together: a template link is on every page
                pages.append(a.url)
    found = []
    for (kind, target), pages in broken.items():
        where = pages if len(pages) <= _ONE_LINK_PER_PAGE else pages[:1]
        more = f"（共 {len(pages)} 个网页有这个链接，多半在网页模板里）" if len(pages) > _ONE_LINK_PER_PAGE else ""
        for url in where:
            if kind == MISSING_ATTACHMENT:
                found.append(Finding(kind, url, target, f"附件 {target} 不在镜像中{more}",
                                     "从旧网站后台找到这个附件，放进镜像的同一位置后重新运行；找不到的附件迁移后要补上"))
            else:
                found.append(Finding(kind, url, target, f"链接到 {target}，镜像中没有这个网页{more}",
                                     "在旧网站上确认正确地址；迁移后新站点会检查每个站内链接"))
    for target, pages in outside.items():
        found += [Finding(EXTERNAL_ATTACHMENT, url, target, f"附件链接到其他网站：{target}",
                          "把附件下载下来放进镜像后重新运行；新站点的附件都放在本站（content/attachments/）")
                  for url in dict.fromkeys(pages)]
    return found


def _column_names(articles: list[Seen], cols: list[Column]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {a.url: [a.column_meta] if a.column_meta else [] for a in articles}
    for c in cols:
        for url in c.items:
            if url in names:
                names[url].append(c.name)
    return names


def is_interpretation(a: Seen, names: list[str]) -> bool:
    return any("解读" in n for n in names) or any(word in a.title for word in ("解读", "图解", "读懂"))


def _key(a: Seen) -> tuple[str, str]:
    return a.title, docnumber.normalise(a.fields.get("文号", ""))


def interpretation_findings(articles: list[Seen], cols: list[Column],
                            docid_of: Callable[[str], str | None]) -> list[Finding]:
    """解读 ↔ 原文: each 解读 links its 原文 (a link, or a CMS documentid link), or only names it by title
    or 文号; each policy document (a page of a 文件 column) has a 解读 pointing to it or naming it."""
    names = _column_names(articles, cols)
    interps = [a for a in articles if a.kind == page.ARTICLE and is_interpretation(a, names[a.url])]
    interp_ids = {id(a) for a in interps}  # by identity: comparing dataclasses in a list is quadratic
    policies = [a for a in articles if id(a) not in interp_ids and a.kind in (page.ARTICLE, page.NO_BODY)
                and any("文件" in n for n in names[a.url])]
    # A 解读 may link a notice or a plan as well as a 政策文件: any page that is not itself a 解读 counts.
    targets = [a for a in articles if id(a) not in interp_ids]
    # Each 文号 normalised once, not once per 解读 (10,000 pages: 9 million calls).
    keyed = [(d, docnumber.normalise(d.fields["文号"]) if d.fields.get("文号") else "") for d in targets]
    by_url = {a.url: a for a in targets}
    by_id = {i: a for a in targets if (i := docid_of(a.url))}
    covered: set[tuple[str, str]] = set()
    found = []
    for j in interps:
        linked = [d for link in j.body_links if link.url and (d := _target(link.url, by_url, by_id, docid_of))]
        text = docnumber.fix_brackets(j.text)
        named = [d for d, number in keyed if (len(d.title) >= 6 and d.title in text) or (number and number in text)]
        covered.update(_key(d) for d in linked + named)
        if linked:
            continue
        if named:
            found.append(Finding(INTERPRETATION_NO_LINK, j.url, named[0].title,
                                 f"解读“{j.title}”只在正文中写了原文《{named[0].title}》，没有链接到它",
                                 f"在解读中加上原文链接（{named[0].url}）；迁移时按标题、文号把解读和原文关联"))
            continue
        guess = _quoted_title(j.text) or _quoted_title(j.title)
        found.append(Finding(INTERPRETATION_NO_LINK, j.url, guess, f"解读“{j.title}”没有链接原文",
                             "在解读中加上原文链接；检查要求解读页面链接到所解读的文件"))
        found.append(Finding(ORIGINAL_MISSING, j.url, guess,
                             f"解读“{j.title}”解读的文件" + (f"《{guess}》" if guess else "") + "不在镜像中",
                             "把原文网页也下载进镜像后重新运行；找不到原文的解读迁移后要在 解读对象 中补写"))
    reported: set[tuple[str, str]] = set()
    for d in sorted(policies, key=lambda d: d.url):
        if _key(d) not in covered and _key(d) not in reported:
            reported.add(_key(d))
            found.append(Finding(ORIGINAL_NO_INTERPRETATION, d.url, d.title, f"政策文件“{d.title}”没有解读",
                                 "没有哪篇解读链接或提到它：按“谁起草谁解读”补发解读，迁移后在解读的 解读对象 中写上它"))
    return found + _duplicates(articles)


def _target(url: str, by_url: dict[str, Seen], by_id: dict[str, Seen],
            docid_of: Callable[[str], str | None]) -> Seen | None:
    """The policy document a link of a 解读 reaches: its old URL, or a CMS link naming its record id."""
    if "documentid=" in url:
        return by_id.get(docid_of(url) or "")
    return by_url.get(url.split("?", 1)[0].split("#", 1)[0])


def _quoted_title(text: str) -> str:
    start = text.find("《")
    end = text.find("》", start + 1)
    return text[start + 1:end] if start >= 0 and end > start + 1 else ""


def _duplicates(articles: Iterable[Seen]) -> list[Finding]:
    first: dict[tuple[str, str], Seen] = {}
    found = []
    for a in sorted(articles, key=lambda a: a.url):
        if not a.fields.get("文号"):
            continue
        if (key := _key(a)) in first:
            found.append(Finding(DUPLICATE, a.url, first[key].url, f"和 {first[key].url} 是同一份文件（标题、文号相同）",
                                 "迁移时合并为一份文件，两个旧地址都转到它"))
        else:
            first[key] = a
    return found


def attribute_findings(articles: list[Seen]) -> list[Finding]:
    return [Finding(NO_PUBLIC_ATTRIBUTE, a.url, a.title, f"政府信息“{a.title}”没有标注公开属性（公开方式）",
                    "迁移后在 公开属性 中写 此件公开发布、此件依申请公开 或 此件不予公开（后两种写明不予公开理由）")
            for a in articles if (a.fields.get("索引号") or a.fields.get("文号"))
            and not any(a.fields.get(k) for k in ("公开属性", "公开方式", "公开范围"))]


def personal(url: str, hits: list[personal_data.Finding]) -> list[Finding]:
    kinds: dict[str, list[str]] = {}
    for hit in hits:
        kinds.setdefault(hit.kind, []).append(hit.masked)  # never the value: the report must not leak it
    return [Finding(PERSONAL_DATA, url, kind, f"正文中有{kind}：{'、'.join(masked)}",
                    "在旧网站上撤下或遮盖（如 3408**********0415）；迁移时不要原样搬到新站点")
            for kind, masked in kinds.items()]


def unreadable(url: str, size: int) -> Finding:
    return Finding(UNREADABLE, url, str(size), f"文件有 {size:,} 字节，超过网页的大小上限 {mirror.MAX_PAGE_BYTES:,} 字节，没有读取",
                   "确认是不是下载出错；确是网页时手工迁移它")


def no_body(url: str, title: str) -> Finding:
    return Finding(NO_BODY, url, title, f"网页“{title}”没有正文", "在旧网站后台确认正文是否丢失；迁移后这份文件要补上正文或附件")


def truncated(url: str) -> Finding:
    return Finding(TRUNCATED, url, "", "网页不完整（没有 </html> 结尾），可能下载时被截断", "重新下载这个网页后再运行")


def frameset(url: str, frames: list[str]) -> Finding:
    return Finding(FRAMESET, url, "、".join(frames), f"框架页，内容在 {'、'.join(frames) or '（未写明）'}",
                   "框架页本身没有内容，迁移时跳过；它引用的网页单独读取")
