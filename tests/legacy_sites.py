"""Fictional mirrors of legacy county CMS sites (TRS WCM, 开普云, 大汉), written by code for the migrate and audit tests.

Each builder writes a folder as `wget --mirror` leaves it (pages + attachments, old URL = path under the folder)
and returns a `Mirror`: its root, the articles it holds, and the problems planted in it, so a test can check
the audit reports each one and migrate handles each one. All names, numbers and people are invented
(示例县); identity, phone and bank numbers are made valid by their check digits so a detector must find them.

    trs_site(dest)      TRS WCM: /xxgk/<column>/<yyyymm>/t<yyyymmdd>_<id>.htm, TRS_Editor body, index_box
    kaipu_site(dest)    开普云: UTF-8 with BOM, .html, 信息公开 table with full-width-space labels, #zoom body,
                        show.jsp?documentid= links, a frameset, an iframe, a truncated page
    dahan_site(dest)    大汉 (Hanweb): GBK with no charset declaration, /col/colN/index.html lists,
                        /art/yyyy/m/d/art_<col>_<id>.html articles, ZJEG_RSS body markers, a page with no body
    many_pages(dest, n) a TRS-shaped mirror of n articles for benchmarks

What the planted audit kinds mean, judged on AUDIT_DAY: a column is the folder of its list pages (index.htm,
index_1.htm …) and is stale past 2 weeks (动态), 6 months (通知公告, 政策文件, 解读) or 1 year (人事, 规划) since
its newest listed item; a policy document is a page of a column named …文件 and has a 解读 when one links it
(by URL or documentid=) or names its title or 文号; a government file is a page with a metadata box.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# The day the planted staleness is judged on (the same day tests/conftest.py uses for builds).
AUDIT_DAY = date(2024, 7, 1)

# Kinds of planted problem. Audit kinds first (what `build.py audit` must list), then reading/migrate kinds.
STALE_COLUMN = "stale_column"  # url: the column's folder URL, e.g. /xxgk/tzgg/
BLANK_COLUMN = "blank_column"  # url: the column's folder URL
LIST_ITEM_NO_DATE = "list_item_no_date"  # url: the list page; detail: the item's title
PAGE_NO_DATE = "page_no_date"  # url: the article
BROKEN_LINK = "broken_link"  # url: the page; detail: the old URL it points to
MISSING_ATTACHMENT = "missing_attachment"  # url: the page; detail: the attachment's old URL
INTERPRETATION_NO_LINK = "interpretation_no_link"  # url: a 解读 that names its 原文 but does not link it
ORIGINAL_NO_INTERPRETATION = "original_no_interpretation"  # url: a 政策文件 no 解读 points to
PERSONAL_DATA = "personal_data"  # url: the page; detail: 身份证号 / 手机号码 / 银行卡号
NO_PUBLIC_ATTRIBUTE = "no_public_attribute"  # url: a government file whose metadata box has no 公开属性/公开方式
AUDIT_KINDS = (STALE_COLUMN, BLANK_COLUMN, LIST_ITEM_NO_DATE, PAGE_NO_DATE, BROKEN_LINK, MISSING_ATTACHMENT,
               INTERPRETATION_NO_LINK, ORIGINAL_NO_INTERPRETATION, PERSONAL_DATA, NO_PUBLIC_ATTRIBUTE)
NON_UTF8 = "non_utf8"  # detail: declared charset or "" when none is declared
TRUNCATED = "truncated"
NO_BODY = "no_body"
FRAMESET = "frameset"
IFRAME = "iframe"
HUGE = "huge"  # detail: size in bytes
DUPLICATE = "duplicate"  # url: the second copy; detail: the first copy's URL
EXTERNAL_ATTACHMENT = "external_attachment"  # detail: the absolute URL on another host
ORIGINAL_MISSING = "original_missing"  # url: a 解读 whose 原文 is not in the mirror; detail: the 原文's title
CITED_NUMBER = "cited_number"  # url: a page whose body cites another 文号 (detail) that is not its own


@dataclass(frozen=True)
class Planted:
    kind: str
    url: str  # old URL path from the mirror root, starting with /
    detail: str = ""


@dataclass(frozen=True)
class Attachment:
    href: str  # as written in the page
    name: str  # link text
    url: str  # old URL path of the file
    present: bool = True  # False: the mirror lacks the file


@dataclass
class Article:
    """One article page as the fixture wrote it, with the values a migration should find in it."""

    url: str
    column: str  # the column's folder URL, /xxgk/zcwj/
    title: str
    published: date | None  # 发布日期 (None: nowhere on the page but <meta>)
    kind: str = "document"  # document (政策文件/通知 with a metadata box) / interpretation / news
    fields: dict[str, str] = field(default_factory=dict)  # metadata box values, canonical keys, as printed
    number: str = ""  # the document's own 文号 in its correct form (〔〕), "" when it has none
    interprets: str = ""  # for a 解读: the URL of its 原文 ("" when not in the mirror)
    attachments: list[Attachment] = field(default_factory=list)
    duplicate_of: str = ""  # the URL of the first copy, for a document published under a second column


@dataclass
class Mirror:
    root: Path
    name: str  # trs / kaipu / dahan / many
    site_name: str
    host: str
    articles: list[Article]
    planted: list[Planted]
    columns: dict[str, str]  # column folder URL → column name

    def article(self, url: str) -> Article:
        return next(a for a in self.articles if a.url == url)

    def planted_of(self, kind: str) -> list[Planted]:
        return [p for p in self.planted if p.kind == kind]


def id_number(first17: str) -> str:
    """A 身份证号 with its mod-11 check digit (GB 11643)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def luhn(prefix: str) -> str:
    """A bank card number ending in its Luhn check digit."""
    digits = [int(d) for d in prefix][::-1]
    total = sum(d if i % 2 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return prefix + str((10 - total % 10) % 10)


PERSON_ID = id_number("34082219780312041")
PERSON_MOBILE = "13905561234"
PERSON_CARD = luhn("621700123456789012")


def _write(root: Path, url: str, text: str, encoding: str = "utf-8", bom: bool = False) -> None:
    path = root / url.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))


def _attach(root: Path, att: Attachment) -> None:
    if not att.present:
        return
    path = root / att.url.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".docx":  # a real Word file: migrate opens it to look for personal data
        import docx

        document = docx.Document()
        document.add_paragraph(f"{att.name}（示例县虚构附件）")
        document.core_properties.created = document.core_properties.modified = datetime(2024, 6, 21)  # same bytes
        document.save(str(path))
        return
    path.write_bytes(b"%PDF-1.4\n% fictional attachment of the fixture mirror: " + att.name.encode("utf-8") + b"\n")


def _up(url: str) -> str:
    """The relative prefix from the page at `url` back to the mirror root."""
    return "../" * (url.count("/") - 1)


# ---------------------------------------------------------------- TRS WCM

_TRS_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{charset}
<meta name="SiteName" content="示例县人民政府">
<meta name="SiteDomain" content="www.shili.gov.cn">
<meta name="SiteIDCode" content="3412990001">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="{column}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pubdate}">
<meta name="ContentSource" content="{source}">
<meta name="Keywords" content="{title}">
<meta name="Author" content="超级管理员">
<meta name="Desctiption" content="{title}">
<meta name="Url" content="http://www.shili.gov.cn{url}">
<title>{title}_{column}_示例县人民政府</title>
<link rel="stylesheet" href="{up}images/common.css">
<script type="text/javascript" src="{up}images/jquery.min.js"></script>
</head>
<body>
<div class="top"><a href="{up}index.htm"><img src="{up}images/logo.png" alt="示例县人民政府"></a>
<ul class="nav"><li><a href="{up}index.htm">首页</a></li><li><a href="{up}xxgk/index.htm">信息公开</a></li>
<li><a href="http://www.ahzwfw.gov.cn/">政务服务</a></li></ul></div>
<div class="crumbs">当前位置：<a href="{up}index.htm">首页</a> &gt; <a href="{up}xxgk/index.htm">信息公开</a> &gt;
<a href="{column_up}index.htm">{column}</a></div>
"""
_TRS_FOOT = """<div class="footer"><p>主办单位：示例县人民政府办公室　联系电话：0556-1234567</p>
<p>网站标识码：3412990001　<a href="https://beian.miit.gov.cn/">皖ICP备00000000号</a>　皖公网安备 34129902000001号</p>
<p><a href="{up}index.htm">网站首页</a> | <a href="http://www.gov.cn/">中国政府网</a></p></div>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</body>
</html>
"""

_BOX_LABELS = (("索&ensp;引&ensp;号", "索引号"), ("主题分类", "主题分类"), ("发布机构", "发文机关"),
               ("成文日期", "成文日期"), ("标&emsp;&emsp;题", "标题"), ("文&emsp;&emsp;号", "文号"),
               ("发布日期", "发布日期"), ("有&ensp;效&ensp;性", "有效性"), ("公开方式", "公开方式"))


def _trs_box(fields: dict[str, str]) -> str:
    cells = [f'<td class="t1">{label}：</td><td class="t2">{fields.get(key, "")}</td>'
             for label, key in _BOX_LABELS if key in fields]
    rows = "".join(f"<tr>{''.join(cells[i:i + 2])}</tr>\n" for i in range(0, len(cells), 2))
    return f'<div class="index_box"><table width="100%" cellspacing="0">\n{rows}</table></div>\n'


def _trs_article(a: Article, column: str, source: str, body: str, charset: str, show_date: bool = True) -> str:
    up = _up(a.url)
    pubdate = f"{a.published.isoformat()} 09:32" if a.published else ""
    head = _TRS_HEAD.format(charset=charset, column=column, title=a.title, pubdate=pubdate,
                            source=source, url=a.url, up=up, column_up="../")
    box = _trs_box(a.fields) if a.fields else ""
    info = (f'<span>发布时间：{pubdate}</span>' if show_date and a.published else "") + \
        '<span>来源：' + source + '</span>'
    atts = "".join(f'<p><a href="{t.href}">{t.name}</a></p>' for t in a.attachments)
    atts = f'<div class="fj">附件：{atts}</div>\n' if atts else ""
    return head + box + f"""<div class="main">
<h1 class="title">{a.title}</h1>
<div class="info">{info}<span>字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a>
<a href="javascript:doZoom(14)">小</a></span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{body}
</div></div>
{atts}<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="share">分享到：<a class="bds_weixin" href="#">微信</a><a class="bds_tsina" href="#">微博</a>
<script>window._bd_share_config = {{"common": {{}}}};</script></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="{up}xxgk/index.htm">信息公开目录</a></li></ul></div>
</div>
""" + _TRS_FOOT.format(up=up)


def _trs_list(url: str, column: str, items: list[tuple[Article, bool]], page: int, pages: int, up: str,
              charset: str = '<meta charset="utf-8">') -> str:
    head = _TRS_HEAD.format(charset=charset, column=column, title=column, pubdate="", source="示例县人民政府",
                            url=url, up=up, column_up="./")
    rows = []
    for a, dated in items:
        href = "./" + a.url.split("/", 3)[3]
        when = f"<span>{a.published.isoformat()}</span>" if dated and a.published else ""
        rows.append(f'<li><a href="{href}" title="{a.title}" target="_blank">{a.title}</a>{when}</li>')
    listing = "\n".join(rows) or '<li class="none">暂无信息</li>'
    more = (f'<a href="index_{page + 1}.htm">下一页</a>' if page + 1 < pages else "")
    return head + f"""<div class="main"><h2 class="lm">{column}</h2>
<ul class="list">
{listing}
</ul>
<div class="page"><script>createPageHTML({pages}, {page}, "index", "htm");</script>
<noscript>共{pages}页 {more}</noscript></div></div>
""" + _TRS_FOOT.format(up=up)


_COLUMN_NAMES: dict[str, str] = {
    "/xxgk/zcwj/": "政策文件", "/xxgk/tzgg/": "通知公告", "/xxgk/zcjd/": "政策解读", "/xxgk/gzdt/": "工作动态",
    "/xxgk/rsxx/": "人事信息", "/xxgk/ghjh/": "规划计划",
}

_GARBAGE_BODY = """<p>　　为进一步做好城乡生活垃圾分类工作，根据《某省生活垃圾分类管理办法》（某政办〔2020〕3号）要求，
结合我县实际，制定本方案。现印发给你们，请认真贯彻执行。</p>
<h3>一、工作目标</h3>
<p>　　到2025年底，县城建成区生活垃圾分类覆盖率达到90%以上。</p>
<h3>二、主要任务</h3>
<ol><li>完善分类投放设施。</li><li>健全分类收运体系。</li><li>加强宣传引导。</li></ol>
<table border="1"><tr><th>阶段</th><th>时间</th><th>责任单位</th></tr>
<tr><td>试点</td><td>2024年6月</td><td>县城管局</td></tr>
<tr><td>推开</td><td>2025年1月</td><td>各乡镇人民政府</td></tr></table>
<p style="text-align:right">示例县人民政府办公室<br>2024年5月6日</p>"""


def trs_site(dest: Path, huge_bytes: int = 6_000_000) -> Mirror:
    """A TRS WCM mirror of 示例县人民政府's 信息公开 columns with every audit problem planted once or more."""
    root = dest / "trs"
    host = "www.shili.gov.cn"
    p: list[Planted] = []
    art: list[Article] = []

    def at(column: str, made: str, docid: int) -> str:
        return f"{column}{made[:6]}/t{made}_{docid}.htm"

    # 政策文件 (6-month column, fresh)
    garbage = Article(at("/xxgk/zcwj/", "20240508", 1001), "/xxgk/zcwj/",
                      "示例县人民政府办公室关于印发示例县城乡生活垃圾分类工作方案的通知", date(2024, 5, 10),
                      fields={"索引号": "11341299MB0000001X/2024-00012", "主题分类": "城乡建设、环境保护",
                              "发文机关": "示例县人民政府办公室", "成文日期": "2024-05-06",
                              "标题": "示例县人民政府办公室关于印发示例县城乡生活垃圾分类工作方案的通知",
                              "文号": "示政办〔2024〕12号", "发布日期": "2024-05-10", "有效性": "有效",
                              "公开方式": "主动公开"},
                      number="示政办〔2024〕12号")
    garbage.attachments.append(Attachment("./P020240510395712345678.pdf", "示例县城乡生活垃圾分类工作方案.pdf",
                                          "/xxgk/zcwj/202405/P020240510395712345678.pdf"))
    p.append(Planted(CITED_NUMBER, garbage.url, "某政办〔2020〕3号"))
    # An old page: GBK declared as gb2312, 文号 with 【】, 索引号 year not the 成文 year, 主题分类 无.
    dibao = Article(at("/xxgk/zcwj/", "20191009", 1002), "/xxgk/zcwj/",
                    "示例县人民政府关于调整城乡居民最低生活保障标准的通知", date(2019, 10, 11),
                    fields={"索引号": "11341299MB0000001X/2020-00003", "主题分类": "无",
                            "发文机关": "示例县人民政府", "成文日期": "2019-09-30",
                            "标题": "示例县人民政府关于调整城乡居民最低生活保障标准的通知",
                            "文号": "示政【2019】8号", "发布日期": "2019-10-11", "有效性": "有效",
                            "公开方式": "主动公开"},
                    number="示政〔2019〕8号")
    p.append(Planted(NON_UTF8, dibao.url, "gb2312"))
    road = Article(at("/xxgk/zcwj/", "20230410", 1003), "/xxgk/zcwj/", "示例县农村公路养护管理办法",
                   date(2023, 4, 12),
                   fields={"索引号": "11341299MB0000001X/2023-00021", "主题分类": "交通运输",
                           "发文机关": "示例县人民政府办公室", "成文日期": "2023-04-03",
                           "标题": "示例县农村公路养护管理办法", "文号": "示政办〔2023〕5号",
                           "发布日期": "2023-04-12", "有效性": "有效", "公开方式": "主动公开"},
                   number="示政办〔2023〕5号")
    road.attachments.append(Attachment("./P020230412555555555555.doc", "养护考核表.doc",
                                       "/xxgk/zcwj/202304/P020230412555555555555.doc", present=False))
    p += [Planted(MISSING_ATTACHMENT, road.url, "/xxgk/zcwj/202304/P020230412555555555555.doc"),
          Planted(BROKEN_LINK, road.url, "/xxgk/zcwj/202301/t20230105_1999.htm"),
          Planted(ORIGINAL_NO_INTERPRETATION, road.url)]
    spring = Article(at("/xxgk/zcwj/", "20240315", 1004), "/xxgk/zcwj/", "示例县2024年春季农业生产工作要点",
                     date(2024, 3, 18),
                     fields={"索引号": "11341299MB0000001X/2024-00007", "主题分类": "农业、林业、水利",
                             "发文机关": "示例县农业农村局", "成文日期": "2024-03-15",
                             "标题": "示例县2024年春季农业生产工作要点", "发布日期": "2024-03-18"})
    spring.attachments.append(Attachment("http://old.shili.gov.cn/Upload/File/2024/0315/yaodian.doc",
                                         "工作要点.doc", "http://old.shili.gov.cn/Upload/File/2024/0315/yaodian.doc",
                                         present=False))
    p += [Planted(NO_PUBLIC_ATTRIBUTE, spring.url), Planted(ORIGINAL_NO_INTERPRETATION, spring.url),
          Planted(EXTERNAL_ATTACHMENT, spring.url, "http://old.shili.gov.cn/Upload/File/2024/0315/yaodian.doc")]
    huge = Article(at("/xxgk/zcwj/", "20200102", 1009), "/xxgk/zcwj/", "示例县2019年度政府信息公开工作年度报告",
                   date(2020, 1, 2), fields={"索引号": "11341299MB0000001X/2020-00001", "发布日期": "2020-01-02",
                                             "公开方式": "主动公开"})
    p.append(Planted(HUGE, huge.url, str(huge_bytes)))
    art += [garbage, dibao, road, spring, huge]

    # 政策解读 (fresh)
    jd1 = Article(at("/xxgk/zcjd/", "20240510", 1101), "/xxgk/zcjd/",
                  "《示例县城乡生活垃圾分类工作方案》政策解读", date(2024, 5, 12), kind="interpretation",
                  interprets=garbage.url)
    jd2 = Article(at("/xxgk/zcjd/", "20191012", 1102), "/xxgk/zcjd/",
                  "图解：我县调整城乡居民最低生活保障标准", date(2019, 10, 14), kind="interpretation",
                  interprets=dibao.url)
    jd3 = Article(at("/xxgk/zcjd/", "20220301", 1103), "/xxgk/zcjd/",
                  "一图读懂《示例县教育事业发展第十四个五年规划》", date(2022, 3, 3), kind="interpretation")
    p += [Planted(INTERPRETATION_NO_LINK, jd2.url), Planted(INTERPRETATION_NO_LINK, jd3.url),
          Planted(ORIGINAL_MISSING, jd3.url, "示例县教育事业发展第十四个五年规划")]
    art += [jd1, jd2, jd3]

    # 通知公告 (6-month column, stale: last item 2023-10-20)
    dibao_list = Article(at("/xxgk/tzgg/", "20231018", 1201), "/xxgk/tzgg/",
                         "关于2023年第三季度城乡低保新增对象的公示", date(2023, 10, 20),
                         fields={"索引号": "11341299MB0000001X/2023-00088", "发文机关": "示例县民政局",
                                 "发布日期": "2023-10-20", "公开方式": "主动公开"})
    fire = Article(at("/xxgk/tzgg/", "20230915", 1202), "/xxgk/tzgg/", "关于开展秋季森林防火检查的通知",
                   date(2023, 9, 15))
    road2 = Article(at("/xxgk/tzgg/", "20230411", 1203), "/xxgk/tzgg/", road.title, road.published,
                    fields=dict(road.fields), number=road.number, duplicate_of=road.url)
    p += [Planted(PERSONAL_DATA, dibao_list.url, "身份证号"), Planted(PERSONAL_DATA, dibao_list.url, "手机号码"),
          Planted(PERSONAL_DATA, dibao_list.url, "银行卡号"),
          Planted(PAGE_NO_DATE, fire.url), Planted(LIST_ITEM_NO_DATE, "/xxgk/tzgg/index.htm", fire.title),
          Planted(DUPLICATE, road2.url, road.url), Planted(STALE_COLUMN, "/xxgk/tzgg/")]
    art += [dibao_list, fire, road2]

    # 工作动态 (news: 2 weeks; last 2024-06-10 → stale on 2024-07-01), 人事信息 (1 year; last 2023-03-15 → stale)
    news = Article(at("/xxgk/gzdt/", "20240610", 1301), "/xxgk/gzdt/", "县政府召开全县安全生产工作会议",
                   date(2024, 6, 10), kind="news")
    hr = Article(at("/xxgk/rsxx/", "20230315", 1401), "/xxgk/rsxx/", "示例县2023年事业单位公开招聘工作人员公告",
                 date(2023, 3, 15), kind="news")
    p += [Planted(STALE_COLUMN, "/xxgk/gzdt/"), Planted(STALE_COLUMN, "/xxgk/rsxx/"),
          Planted(BLANK_COLUMN, "/xxgk/ghjh/")]
    art += [news, hr]

    utf8 = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    gbk = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    bodies = {
        garbage.url: _GARBAGE_BODY,
        dibao.url: "<p>　　各乡镇人民政府，县政府各部门：</p><p>　　经县政府研究决定，自2019年10月1日起，"
                   "城市居民最低生活保障标准由每人每月600元提高到每人每月650元，农村居民最低生活保障标准由每人每年"
                   "5400元提高到每人每年6000元。</p>",
        road.url: "<p>　　第一条　为加强农村公路养护管理，制定本办法。</p><p>　　第二条　本办法所称农村公路是指县道、"
                  "乡道和村道。原《示例县农村公路管理暂行办法》（见<a href=\"../202301/t20230105_1999.htm\">"
                  "原办法</a>）同时废止。</p><p>　　第三条　县交通运输局负责全县农村公路养护的监督管理。</p>",
        spring.url: "<p>　　一、抓好春耕备耕。二、抓好农田水利建设。三、抓好动植物疫病防控。</p>",
        huge.url: "<p>　　年度报告正文。</p>" + "<p>" + "示例" * ((huge_bytes // 6) + 1) + "</p>",
        jd1.url: "<p>　　一、起草背景：为推进生活垃圾减量化、资源化、无害化处理，县城管局起草了本方案。</p>"
                 "<p>　　二、主要内容：明确了工作目标、主要任务和保障措施。</p>"
                 f'<p>原文链接：<a href="{_up(jd1.url)}xxgk/zcwj/202405/t20240508_1001.htm">'
                 "示例县人民政府办公室关于印发示例县城乡生活垃圾分类工作方案的通知</a></p>",
        jd2.url: "<p>　　近日，县政府印发了《示例县人民政府关于调整城乡居民最低生活保障标准的通知》"
                 "（示政【2019】8号），现将有关内容解读如下。</p><p>　　城市低保标准每人每月提高50元。</p>",
        jd3.url: "<p>　　《示例县教育事业发展第十四个五年规划》已经县政府同意印发，现解读如下。</p>"
                 '<p><img src="./W020220301123456.png" alt="一图读懂"></p>',
        dibao_list.url: "<p>　　根据《示例县人民政府关于调整城乡居民最低生活保障标准的通知》，经本人申请、乡镇审核、"
                        "县民政局审批，拟新增以下低保对象，现予公示。公示期内如有异议，请拨打0556-1234567反映。</p>"
                        "<table border=\"1\"><tr><th>姓名</th><th>身份证号</th><th>联系电话</th><th>社保卡账号</th></tr>"
                        f"<tr><td>张某某</td><td>{PERSON_ID}</td><td>{PERSON_MOBILE}</td><td>{PERSON_CARD}</td></tr>"
                        "<tr><td>李某</td><td>341299********0023</td><td>139****5678</td><td>6217****1234</td></tr>"
                        "</table>",
        fire.url: "<p>　　各乡镇人民政府：为做好秋季森林防火工作，定于9月下旬开展检查。</p>",
        road2.url: "<p>　　第一条　为加强农村公路养护管理，制定本办法。</p><p>　　第二条　本办法所称农村公路是指县道、"
                   "乡道和村道。</p><p>　　第三条　县交通运输局负责全县农村公路养护的监督管理。</p>",
        news.url: "<p>　　6月10日，县政府召开全县安全生产工作会议。</p><ul><li>部署汛期安全生产工作。</li>"
                  "<li>开展隐患排查整治。</li></ul>",
        hr.url: "<p>　　根据工作需要，县人社局组织2023年事业单位公开招聘，报名时间为3月20日至3月24日。</p>",
    }
    sources = {a.url: a.fields.get("发文机关", "示例县人民政府办公室") for a in art}
    _attach(root, Attachment("./W020220301123456.png", "", "/xxgk/zcjd/202203/W020220301123456.png"))
    for a in art:
        charset = gbk if a is dibao else utf8
        text = _trs_article(a, _COLUMN_NAMES[a.column], sources[a.url], bodies[a.url], charset, show_date=a is not fire)
        _write(root, a.url, text, "gbk" if a is dibao else "utf-8")
        for t in a.attachments:
            _attach(root, t)
    _trs_lists(root, art, undated={fire.url})
    _write(root, "/index.htm", _trs_home(), "utf-8")
    _write(root, "/xxgk/index.htm", _trs_home(inside=True), "utf-8")
    for name in ("common.css", "jquery.min.js", "logo.png"):
        _write(root, f"/images/{name}", "/* fixture */\n")
    return Mirror(root, "trs", "示例县人民政府", host, art, p, dict(_COLUMN_NAMES))


def _trs_lists(root: Path, art: list[Article], undated: set[str], per_page: int = 3) -> None:
    for column, name in _COLUMN_NAMES.items():
        items = sorted((a for a in art if a.column == column), key=lambda a: a.published or date.min, reverse=True)
        pages = max(1, -(-len(items) // per_page))
        for page in range(pages):
            chunk = [(a, a.url not in undated) for a in items[page * per_page:(page + 1) * per_page]]
            url = f"{column}index{'' if page == 0 else f'_{page}'}.htm"
            _write(root, url, _trs_list(url, name, chunk, page, pages, "../../"))


def _trs_home(inside: bool = False) -> str:
    """The site's home page (inside=False) or the 信息公开 entry page /xxgk/index.htm, linking every column."""
    links = "".join(f'<li><a href="{c[len("/xxgk/"):] if inside else c[1:]}index.htm">{n}</a></li>'
                    for c, n in _COLUMN_NAMES.items())
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="SiteName" content="示例县人民政府">
<title>示例县人民政府</title></head><body><div class="nav"><ul>{links}</ul></div>
<div class="footer">网站标识码：3412990001</div></body></html>
"""


# ---------------------------------------------------------------- 开普云

def _kaipu_article(a: Article, body: str, show_date: bool = True) -> str:
    rows = "".join(f"<tr><th>{label}</th><td>{a.fields[key]}</td></tr>"
                   for label, key in (("索　引　号", "索引号"), ("信息分类", "主题分类"), ("发布机构", "发文机关"),
                                      ("生成日期", "成文日期"), ("名　　称", "标题"), ("文　　号", "文号"),
                                      ("有 效 性", "有效性"), ("公开属性", "公开属性"))
                   if key in a.fields)
    box = f'<div class="xxgk-info"><table class="xxgk_table">{rows}</table></div>' if rows else ""
    pub = a.published.isoformat() if a.published else ""
    when = f'<span class="time">发布日期：{pub} 10:00</span>' if show_date and pub else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="sitename" content="示例县教育局"><meta name="siteidcode" content="3412990012">
<meta name="columnname" content="{_KAIPU_COLUMNS[a.column]}"><meta name="articletitle" content="{a.title}">
<meta name="pubdate" content="{pub} 10:00"><meta name="contentsource" content="示例县教育局">
<meta name="url" content="http://jyj.shili.gov.cn{a.url}">
<title>{a.title}</title><script src="/ucap/js/ucap.js"></script></head>
<body><header class="ucap-header"><a href="/index.html">示例县教育局</a></header>
<nav class="location">您当前的位置：<a href="/index.html">首页</a> &gt; <a href="{a.column}index.html">{_KAIPU_COLUMNS[a.column]}</a></nav>
{box}
<div class="detail"><h1>{a.title}</h1><div class="meta">{when}<span>浏览次数：<em id="hits">0</em></span></div>
<div id="zoom" class="pages_content">
{body}
</div>
<div class="operate"><a href="javascript:window.print();">打印</a><a href="javascript:window.close();">关闭</a></div>
</div>
<footer>主办：示例县教育局　网站标识码：3412990012</footer></body></html>
"""


_KAIPU_COLUMNS = {"/zwgk/tzgg/": "通知公告", "/zwgk/zcwj/": "政策文件", "/zwgk/zcjd/": "政策解读"}


def kaipu_site(dest: Path) -> Mirror:
    """A 开普云 mirror of 示例县教育局: UTF-8 with BOM, show.jsp?documentid= links, a frameset, an iframe,
    a page cut off by the download."""
    root = dest / "kaipu"
    p: list[Planted] = []

    def at(column: str, made: str, docid: int) -> str:
        return f"{column}{made[:6]}/t{made}_{docid}.html"

    enrol = Article(at("/zwgk/tzgg/", "20240620", 2001), "/zwgk/tzgg/",
                    "示例县教育局关于做好2024年义务教育招生入学工作的通知", date(2024, 6, 21),
                    fields={"索引号": "11341299003000001K/2024-00015", "主题分类": "教育",
                            "发文机关": "示例县教育局", "成文日期": "2024-06-18",
                            "标题": "示例县教育局关于做好2024年义务教育招生入学工作的通知",
                            "文号": "示教〔2024〕3号", "公开属性": "主动公开"},
                    number="示教〔2024〕3号")
    enrol.attachments.append(Attachment("/uploadfiles/2024/06/20240621100012345.docx", "招生入学工作日程表.docx",
                                        "/uploadfiles/2024/06/20240621100012345.docx"))
    aid = Article(at("/zwgk/zcwj/", "20231201", 2002), "/zwgk/zcwj/", "示例县学前教育资助管理办法",
                  date(2023, 12, 5),
                  fields={"索引号": "11341299003000001K/2023-00040", "主题分类": "教育",
                          "发文机关": "示例县教育局", "成文日期": "2023-11-28", "标题": "示例县学前教育资助管理办法",
                          "文号": "示教规〔2023〕1号", "有效性": "有效", "公开属性": "主动公开"},
                  number="示教规〔2023〕1号")
    cut = Article(at("/zwgk/zcwj/", "20240105", 2003), "/zwgk/zcwj/", "示例县中小学校校外培训监管办法",
                  date(2024, 1, 8),
                  fields={"索引号": "11341299003000001K/2024-00002", "发文机关": "示例县教育局",
                          "成文日期": "2024-01-04", "文号": "示教规〔2024〕1号", "公开属性": "主动公开"},
                  number="示教规〔2024〕1号")
    video = Article(at("/zwgk/zcjd/", "20240622", 2102), "/zwgk/zcjd/",
                    "视频解读：2024年义务教育招生入学政策", date(2024, 6, 22), kind="interpretation",
                    interprets=enrol.url)
    jd = Article(at("/zwgk/zcjd/", "20231206", 2101), "/zwgk/zcjd/", "《示例县学前教育资助管理办法》解读",
                 date(2023, 12, 6), kind="interpretation", interprets=aid.url)
    p += [Planted(TRUNCATED, cut.url), Planted(IFRAME, video.url), Planted(FRAMESET, "/zwgk/index_frame.htm"),
          Planted(ORIGINAL_NO_INTERPRETATION, cut.url), Planted(BLANK_COLUMN, "/zwgk/ghzj/")]
    art = [enrol, aid, cut, video, jd]
    bodies = {
        enrol.url: "<p>各中小学校：</p><p>现就做好2024年义务教育招生入学工作通知如下。</p>"
                   '<p>附件：<a href="/uploadfiles/2024/06/20240621100012345.docx">招生入学工作日程表.docx</a></p>',
        aid.url: "<p>第一条 为规范学前教育资助资金管理，制定本办法。</p><p>第二条 资助对象为在园幼儿中的家庭经济困难儿童。</p>",
        video.url: '<p>县教育局负责同志解读今年招生政策。</p><iframe src="/video/player.html?vid=2024062201" '
                   'width="640" height="360"></iframe>'
                   f'<p>相关文件：<a href="{enrol.url}">示例县教育局关于做好2024年义务教育招生入学工作的通知</a></p>',
        jd.url: "<p>一、制定背景。二、资助标准：每生每年1000元。</p>"
                '<p>原文：<a href="http://jyj.shili.gov.cn/module/xxgk/show.jsp?documentid=2002">'
                "示例县学前教育资助管理办法</a></p>",
    }
    for a in (enrol, aid, video, jd):
        _write(root, a.url, _kaipu_article(a, bodies[a.url]), bom=True)
    full = _kaipu_article(cut, "<p>第一条 为规范校外培训机构管理，根据有关规定，制定本办法。</p>"
                          "<p>第二条 本办法适用于本县行政区域内面向中小学生的校外培训机构。</p>" * 3)
    _write(root, cut.url, full[:full.index("第二条") + 40], bom=True)  # cut inside the body, no </html>
    for t in enrol.attachments:
        _attach(root, t)
    columns = dict(_KAIPU_COLUMNS) | {"/zwgk/ghzj/": "规划总结"}
    for column, name in columns.items():
        rows = "".join(f'<li><a href="{a.url}">{a.title}</a><span class="date">{a.published}</span></li>'
                       for a in art if a.column == column) or "<li>暂无数据</li>"
        _write(root, f"{column}index.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="columnname" content="{name}"><title>{name}</title></head><body>
<nav class="location">您当前的位置：<a href="/index.html">首页</a> &gt; {name}</nav>
<div class="list-box"><h2>{name}</h2><ul class="list">{rows}</ul></div></body></html>
""", bom=True)
    _write(root, "/zwgk/index_frame.htm", """<html><head><meta charset="utf-8"><title>信息公开</title></head>
<frameset cols="200,*"><frame src="/zwgk/tzgg/index.html" name="left"><frame src="/zwgk/zcwj/index.html" name="main">
<noframes>您的浏览器不支持框架。</noframes></frameset></html>
""")
    _write(root, "/index.html", """<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例县教育局</title></head>
<body><ul><li><a href="/zwgk/tzgg/index.html">通知公告</a></li><li><a href="/zwgk/zcwj/index.html">政策文件</a></li>
<li><a href="/zwgk/zcjd/index.html">政策解读</a></li><li><a href="/zwgk/index_frame.htm">信息公开</a></li></ul>
</body></html>
""")
    _write(root, "/video/player.html", "<html><body><p>播放器</p></body></html>\n")
    return Mirror(root, "kaipu", "示例县教育局", "jyj.shili.gov.cn", art, p, columns)


# ---------------------------------------------------------------- 大汉 (Hanweb)

def _dahan_article(a: Article, col: int, body: str) -> str:
    rows = "".join(f'<tr><td class="xxgk_title">{label}:</td><td>{a.fields[key]}</td></tr>'
                   for label, key in (("索&ensp;引&ensp;号", "索引号"), ("发布机构", "发文机关"),
                                      ("发文日期", "成文日期"), ("文&ensp;&ensp;号", "文号"),
                                      ("主题分类", "主题分类"), ("公开方式", "公开方式"), ("时&ensp;&ensp;效", "有效性"))
                   if key in a.fields)
    pub = a.published.isoformat() if a.published else ""
    return f"""<html><head><title>{a.title}</title>
<meta name="ArticleTitle" content="{a.title}"><meta name="PubDate" content="{pub}">
<meta name="ContentSource" content="示例县卫生健康委员会"><meta name="SiteName" content="示例县卫生健康委员会">
<script language="javascript" src="/script/hanweb.js"></script></head>
<body><table width="1000" align="center"><tr><td class="bt_link">当前位置：<a href="/index.html">首页</a>
&gt;&gt; <a href="/col/col{col}/index.html">{_DAHAN_COLUMNS[col]}</a></td></tr></table>
<table class="xxgk_table" width="1000" align="center">{rows}</table>
<table width="1000" align="center"><tr><td class="title">{a.title}</td></tr>
<tr><td class="time">发布日期：{pub}　浏览次数：<script>document.write(hits);</script></td></tr>
<tr><td><div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">{body}<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div></td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table><div class="foot">主办单位：示例县卫生健康委员会</div></body></html>
"""


_DAHAN_COLUMNS = {5123: "政策文件", 5124: "政策解读", 5125: "卫健动态"}


def dahan_site(dest: Path) -> Mirror:
    """A 大汉 (Hanweb) mirror of 示例县卫生健康委员会, saved in GBK with no charset declaration."""
    root = dest / "dahan"
    p: list[Planted] = []

    def at(col: int, made: date, docid: int) -> str:
        return f"/art/{made.year}/{made.month}/{made.day}/art_{col}_{docid}.html"

    kpi = Article(at(5123, date(2023, 11, 2), 3001), "/col/col5123/",
                  "示例县卫生健康委员会关于印发示例县基层医疗卫生机构绩效考核办法的通知", date(2023, 11, 2),
                  fields={"索引号": "11341299MB1C00001A/2023-00031", "发文机关": "示例县卫生健康委员会",
                          "成文日期": "2023-10-30", "文号": "示卫健〔2023〕21号", "主题分类": "卫生、体育",
                          "公开方式": "主动公开", "有效性": "有效"},
                  number="示卫健〔2023〕21号")
    kpi.attachments.append(Attachment("/attachFiles/myfile/20231102_kpi/5f3a9c01.doc", "考核细则.doc",
                                      "/attachFiles/myfile/20231102_kpi/5f3a9c01.doc", present=False))
    empty = Article(at(5123, date(2023, 12, 1), 3002), "/col/col5123/", "示例县卫生健康委员会2023年度工作计划",
                    date(2023, 12, 1), fields={"索引号": "11341299MB1C00001A/2023-00035",
                                               "发文机关": "示例县卫生健康委员会", "公开方式": "主动公开"})
    jd = Article(at(5124, date(2023, 11, 5), 3101), "/col/col5124/", "示例县基层医疗卫生机构绩效考核办法政策解读",
                 date(2023, 11, 5), kind="interpretation", interprets=kpi.url)
    news = Article(at(5125, date(2024, 6, 28), 3201), "/col/col5125/", "县卫健委开展夏季食品安全宣传活动",
                   date(2024, 6, 28), kind="news")
    p += [Planted(NON_UTF8, a.url, "") for a in (kpi, empty, jd, news)]
    p += [Planted(MISSING_ATTACHMENT, kpi.url, "/attachFiles/myfile/20231102_kpi/5f3a9c01.doc"),
          Planted(NO_BODY, empty.url), Planted(ORIGINAL_NO_INTERPRETATION, empty.url),
          Planted(STALE_COLUMN, "/col/col5123/"), Planted(STALE_COLUMN, "/col/col5124/")]  # 卫健动态 is fresh
    # The 解读 names its 原文 by 文号 only (【】 brackets), in plain text.
    p.append(Planted(INTERPRETATION_NO_LINK, jd.url))
    art = [kpi, empty, jd, news]
    bodies = {
        kpi.url: "<p>各乡镇卫生院：</p><p>现将《示例县基层医疗卫生机构绩效考核办法》印发给你们，请遵照执行。</p>"
                 '<p>附件：<a href="/attachFiles/myfile/20231102_kpi/5f3a9c01.doc">考核细则.doc</a></p>',
        empty.url: "",
        jd.url: "<p>示卫健【2023】21号文件明确了考核的对象、内容和结果运用，现解读如下。</p>",
        news.url: "<p>6月28日，县卫健委在县城广场开展食品安全宣传活动。</p>",
    }
    cols = {a.url: int(a.column.split("col")[-1].strip("/")) for a in art}
    for a in art:
        _write(root, a.url, _dahan_article(a, cols[a.url], bodies[a.url]), "gbk")
        for t in a.attachments:
            _attach(root, t)
    columns = {f"/col/col{c}/": n for c, n in _DAHAN_COLUMNS.items()}
    for col, name in _DAHAN_COLUMNS.items():
        rows = "".join(f'<tr><td><a href="{a.url}" target="_blank">{a.title}</a></td><td>[{a.published}]</td></tr>'
                       for a in art if cols[a.url] == col)
        _write(root, f"/col/col{col}/index.html", f"""<html><head><title>{name}</title></head><body>
<table><tr><td class="bt_link">当前位置：<a href="/index.html">首页</a> &gt;&gt; {name}</td></tr></table>
<table class="list">{rows}</table></body></html>
""", "gbk")
    _write(root, "/index.html", "<html><head><title>示例县卫生健康委员会</title></head><body>"
           + "".join(f'<a href="/col/col{c}/index.html">{n}</a>' for c, n in _DAHAN_COLUMNS.items())
           + "</body></html>\n", "gbk")
    return Mirror(root, "dahan", "示例县卫生健康委员会", "wjw.shili.gov.cn", art, p, columns)


def all_sites(dest: Path) -> list[Mirror]:
    return [trs_site(dest), kaipu_site(dest), dahan_site(dest)]


# ---------------------------------------------------------------- benchmark mirror

def many_pages(dest: Path, n: int) -> Mirror:
    """A TRS-shaped mirror of `n` articles over 10 columns (every 10th a 解读 linking the one before it,
    every 5th with a small attachment), with column lists of 20 items a page."""
    root = dest / f"many-{n}"
    columns = {f"/xxgk/lm{i:02d}/": f"栏目{i:02d}" for i in range(10)}
    art: list[Article] = []
    for i in range(n):
        column = f"/xxgk/lm{i % 10:02d}/"
        made = date(2015 + i % 10, 1 + i % 12, 1 + i % 28)
        url = f"{column}{made:%Y%m}/t{made:%Y%m%d}_{100000 + i}.htm"
        if i % 10 == 9:
            a = Article(url, column, f"第{i - 1}号文件的解读", made, kind="interpretation", interprets=art[-1].url)
        else:
            number = f"示政办〔{made.year}〕{i + 1}号"
            a = Article(url, column, f"示例县第{i}号政策文件", made, number=number,
                        fields={"索引号": f"11341299MB0000001X/{made.year}-{i + 1:05d}", "主题分类": "综合政务",
                                "发文机关": "示例县人民政府办公室", "成文日期": made.isoformat(),
                                "标题": f"示例县第{i}号政策文件", "文号": number,
                                "发布日期": made.isoformat(), "有效性": "有效", "公开方式": "主动公开"})
            if i % 5 == 0:
                a.attachments.append(Attachment(f"./P0{100000 + i}.pdf", f"附件{i}.pdf",
                                                f"{column}{made:%Y%m}/P0{100000 + i}.pdf"))
        art.append(a)
    for a in art:
        body = "<p>　　" + "本县依法推进政务公开工作。" * 40 + "</p>"
        if a.interprets:
            body += f'<p>原文链接：<a href="{_up(a.url)}{a.interprets.lstrip("/")}">原文</a></p>'
        _write(root, a.url, _trs_article(a, columns[a.column], "示例县人民政府办公室", body, '<meta charset="utf-8">'))
        for t in a.attachments:
            _attach(root, t)
    for column, name in columns.items():
        items = [a for a in art if a.column == column]
        pages = max(1, -(-len(items) // 20))
        for page in range(pages):
            url = f"{column}index{'' if page == 0 else f'_{page}'}.htm"
            _write(root, url, _trs_list(url, name, [(a, True) for a in items[page * 20:(page + 1) * 20]],
                                        page, pages, "../../"))
    return Mirror(root, "many", "示例县人民政府", "www.shili.gov.cn", art, [], columns)
