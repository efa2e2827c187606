"""Open data, Atom feeds and sitemap.xml: they parse with standard readers, hold what the site
publishes and nothing withheld, carry absolute links from 网站地址, and are reproducible."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import (
    add_town,
    article,
    build,
    copy_document,
    copy_fixture,
    edit,
    links,
    page,
    run_cli,
)

BASE = "https://zwgk.ceshi.example.gov.cn/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DATA_FILES = ["catalogue.json", "catalogue.csv", "documents.json", "zcwj/feed.xml", "zcjd/feed.xml", "sitemap.xml"]
WITHHELD = ["TOWNWITHHELDTITLE", "TOWNWITHHELDNUMBER", "TOWNWITHHELDBODY", "czf-2024-3",
            "WITHHELDTITLEMARKER", "WITHHELDNUMBER", "WITHHELDBODYMARKER", "cjf-2024-4"]
ON_REQUEST_BODY = ["TOWNONREQUESTBODY", "ONREQUESTBODYMARKER", "ONREQUESTSUMMARYMARKER"]


def test_catalogue_csv_opens_as_excel_expects_and_matches_the_json(town_site: Path) -> None:
    raw = (town_site / "catalogue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == ["序号", "编号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
                             "公开渠道", "公开对象", "公开方式", "公开层级", "领域", "乡镇"]
    county = [r for r in rows if not r["乡镇"]]
    town = [r for r in rows if r["乡镇"]]
    assert [r["编号"] for r in county] == ["YWJY-01", "YWJY-02", "YWJY-03"]
    assert [r["编号"] for r in town] == ["ZX-01", "ZX-02", "ZX-03"] and {r["乡镇"] for r in town} == {"测试镇"}
    assert [r["序号"] for r in rows] == [str(n) for n in range(1, 7)]
    assert county[0]["公开渠道"] == "政府网站、政务服务中心" and county[0]["公开层级"] == "县级、乡级"
    assert town[2]["公开方式"] == "依申请" and town[2]["领域"] == "义务教育"
    data = json.loads((town_site / "catalogue.json").read_text(encoding="utf-8"))
    assert [d["编号"] for d in data] == [r["编号"] for r in rows]
    assert data[0]["公开渠道"] == ["政府网站", "政务服务中心"] and data[0]["序号"] == 1


def test_documents_json_has_published_metadata_only(town_site: Path) -> None:
    data = json.loads((town_site / "documents.json").read_text(encoding="utf-8"))
    by_url = {d["URL"]: d for d in data}
    assert set(by_url) == {"wj/cjf-2024-1.html", "wj/cjf-2024-2.html", "wj/cjf-2024-3.html", "wj/cjf-2023-9.html",
                           "wj/czf-2024-1.html", "wj/czf-2024-2.html"}
    assert all((town_site / url).is_file() for url in by_url)
    town_doc = by_url["wj/czf-2024-1.html"]
    assert town_doc == {"索引号": town_doc["索引号"], "标题": "测试镇控辍保学工作方案", "文号": "测镇发〔2024〕1号",
                        "发文机关": "测试镇人民政府", "成文日期": "2024-03-10", "发布日期": "2024-03-12",
                        "有效性": "现行有效", "公开属性": "此件公开发布", "文件类型": "其他文件", "领域": ["义务教育"],
                        "主题分类": "科技、教育", "乡镇": "测试镇", "URL": "wj/czf-2024-1.html"}
    assert town_doc["索引号"].startswith("11000000MB0000000X/2024-")
    assert by_url["wj/czf-2024-2.html"]["公开属性"] == "此件依申请公开"  # listed, as its page is
    dates = [d["发布日期"] for d in data]
    assert dates == sorted(dates, reverse=True)


def _feed(site: Path, path: str) -> ET.Element:
    return ET.fromstring((site / path).read_bytes())


def test_feeds_parse_link_absolutely_and_date_from_the_newest_entry(town_site: Path) -> None:
    feed = _feed(town_site, "zcwj/feed.xml")
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id").text == BASE + "zcwj/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles == ["测试县2024年义务教育招生工作通知", "测试镇控辍保学工作方案", "测试县义务教育阶段学生资助管理办法",
                      "测试县2023年义务教育招生工作通知"]  # public documents only, newest first
    first = entries[0]
    assert first.find(f"{ATOM}link").attrib["href"] == BASE + "wj/cjf-2024-2.html"
    assert first.find(f"{ATOM}updated").text == "2024-04-03T00:00:00+08:00"
    assert feed.find(f"{ATOM}updated").text == "2024-04-03T00:00:00+08:00"  # not the build time
    assert first.find(f"{ATOM}author/{ATOM}name").text == "测试县教育局"
    interp = _feed(town_site, "zcjd/feed.xml").findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").attrib["href"] for e in interp] == [BASE + "zcjd/jd-cjf-2024-1.html"]


def test_list_pages_link_their_feed_in_the_head_and_visibly(town_site: Path) -> None:
    for path, feed in [("zcwj/index.html", "feed.xml"), ("zcwj/2024/index.html", "../feed.xml"),
                       ("zcjd/index.html", "feed.xml"), ("index.html", "zcwj/feed.xml")]:
        alternates = [link.attributes for link in page(town_site, path).css('head link[rel~="alternate"]')]
        assert {"rel": "alternate feed", "type": "application/atom+xml", "title": alternates[0]["title"], "href": feed} \
            in alternates, path
        # Material fetches sitemap.xml beside every link[rel=alternate] (exact value): there is none
        assert not page(town_site, path).css('link[rel="alternate"]'), path
    assert links(article(town_site, "zcwj/index.html"))["订阅本栏目更新（Atom）"] == "feed.xml"
    assert not page(town_site, "wj/cjf-2024-1.html").css('head link[rel~="alternate"]')
    open_data = links(article(town_site, "wzdt/index.html").css_first("#open-data"))
    assert open_data["政策文件订阅"] == "../zcwj/feed.xml" and open_data["政策文件目录信息"] == "../documents.json"
    assert links(article(town_site, "zdly/index.html"))["CSV"] == "../catalogue.csv"


def test_sitemap_lists_every_page_and_is_the_only_one(town_site: Path) -> None:
    urlset = ET.fromstring((town_site / "sitemap.xml").read_bytes())
    locs = [u.find(f"{SITEMAP}loc").text for u in urlset.findall(f"{SITEMAP}url")]
    assert locs[0] == BASE and all(loc.startswith(BASE) for loc in locs)
    listed = {loc[len(BASE):] or "index.html" for loc in locs}
    pages = {p.relative_to(town_site).as_posix() for p in town_site.rglob("*.html")} - {"404.html"}
    assert listed == pages
    assert "xzzwgk/zhen/index.html" in listed and "wj/czf-2024-2.html" in listed
    lastmod = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod") for u in urlset.findall(f"{SITEMAP}url")}
    assert lastmod[BASE + "wj/czf-2024-1.html"].text == "2024-03-12"
    assert not (town_site / "sitemap.xml.gz").exists()


def test_nothing_withheld_in_any_data_file(town_site: Path) -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in (town_site.parent / "content/documents").rglob("*.md"))
    for name in DATA_FILES:
        text = (town_site / name).read_bytes().decode("utf-8-sig")
        assert text, name
        for marker in WITHHELD + ON_REQUEST_BODY:
            assert marker in sources or marker.startswith(("cjf", "czf")), marker
            assert marker not in text, f"{marker} in {name}"
    assert "TOWNONREQUESTTITLE" in (town_site / "documents.json").read_text(encoding="utf-8")


def test_without_site_address_a_warning_and_no_sitemap_or_feeds(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, "content/site.yml", f"网站地址: {BASE}\n", "")
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site")
    assert result.code == 0, result.text
    lines = len((tree / "content/site.yml").read_text(encoding="utf-8").splitlines())
    warning = [line for line in result.err.splitlines() if "网站地址" in line]
    assert warning == [f"    content/site.yml:{lines}: 没有写“网站地址”，不生成 sitemap.xml 和政策文件、政策解读的订阅（Atom）"
                       " — 在文件末尾加一行 `网站地址: https://…/`，写本站对外的完整地址（部署在子目录时写到子目录）"]
    site = tree / "site"
    for name in ("sitemap.xml", "sitemap.xml.gz", "zcwj/feed.xml", "zcjd/feed.xml"):
        assert not (site / name).exists(), name
    assert (site / "catalogue.csv").is_file() and (site / "documents.json").is_file()
    assert not page(site, "zcwj/index.html").css('link[rel~="alternate"]')
    assert "订阅" not in article(site, "zcwj/index.html").text()


def test_feed_keeps_the_newest_fifty_and_output_is_reproducible(tmp_path: Path) -> None:
    tree = add_town(copy_fixture("mini", tmp_path))
    copy_document(tree, "content/documents/2024/cjf-2024-2.md", range(10, 70), lambda n: {
        "测教发[2024]2号": f"测教发〔2024〕{n}号", "发布日期: 2024年4月3日": f"发布日期: 2024-05-{n % 28 + 1:02d}",
        "成文日期: 2024-04-01": f"成文日期: 2024-05-{n % 28 + 1:02d}"})
    first = build(tree)
    entries = _feed(first, "zcwj/feed.xml").findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert entries[0].find(f"{ATOM}updated").text == "2024-05-28T00:00:00+08:00"
    saved = {name: (first / name).read_bytes() for name in DATA_FILES}
    again = tmp_path / "again"
    assert run_cli("--root", tree, "build", "--site-dir", again).code == 0
    for name, data in saved.items():
        assert (again / name).read_bytes() == data, name
