"""Each page type renders with the right data, read from the built HTML with a real parser."""

from __future__ import annotations

import posixpath
from pathlib import Path

from conftest import article, links, page


def test_fixed_sections_exist_and_have_content(mini_site: Path) -> None:
    home = article(mini_site, "index.html")
    names = links(home)
    for section, path in [("政府信息公开指南", "zhinan/index.html"), ("政府信息公开制度", "zhidu/index.html"),
                          ("法定主动公开内容", "fdzdgknr/index.html"), ("政府信息公开年报", "nianbao/index.html"),
                          ("政策文件", "zcwj/index.html"), ("政策解读", "zcjd/index.html"),
                          ("重点领域信息公开", "zdly/index.html"), ("依申请公开", "ysqgk/index.html")]:
        assert names[section] == path
        body = article(mini_site, path)
        entries = [a for a in body.css("a") if a.text(strip=True) != "首页"]
        assert body.css_first("h1").text(strip=True), path
        assert entries or "GUIDEBODYMARKER" in body.text(), f"{path} is empty"


def test_guide_is_shown_in_full(mini_site: Path) -> None:
    body = article(mini_site, "zhinan/index.html")
    assert body.css_first("h1").text() == "测试县人民政府政府信息公开指南"
    assert "GUIDEBODYMARKER" in body.text()
    assert body.css_first("time").attributes["datetime"] == "2024-01-10"


def test_document_page_metadata_body_attachments(mini_site: Path) -> None:
    body = article(mini_site, "wj/cjf-2024-1.html")
    meta = {th.text(strip=True): th.next.text(strip=True) for th in body.css("table.zw-meta th")}
    assert meta["索引号"] == "11000000MB0000000X/2024-00001"
    assert meta["发文字号"] == "测教发〔2024〕1号"
    assert meta["发文机关"] == "测试县教育局"
    assert meta["成文日期"] == "2024-03-01"
    assert meta["发布日期"] == "2024-03-05"
    assert meta["有效性"] == "现行有效"
    assert meta["公开属性"] == "此件公开发布"
    assert meta["主题分类"] == "科技、教育"
    assert body.css_first(".zw-label").text() == "【此件公开发布】"
    assert "PUBLICBODYMARKER" in body.css_first(".zw-body").text()
    attachment = body.css_first(".zw-attachments a").attributes["href"]
    assert attachment == "../attachments/2024/资助标准表.txt"
    assert (mini_site / "wj" / attachment).resolve().is_file()


def test_index_numbers_follow_publication_order_per_year(mini_site: Path) -> None:
    def index_no(slug: str) -> str:
        body = article(mini_site, f"wj/{slug}.html")
        return next(th.next.text() for th in body.css("th") if th.text() == "索引号")

    # 2024 in order of 发布日期: cjf-2024-1 (03-05), cjf-2024-2 (04-03), cjf-2024-3 (05-06).
    assert index_no("cjf-2023-9") == "11000000MB0000000X/2023-00001"
    assert index_no("cjf-2024-2") == "11000000MB0000000X/2024-00002"
    assert index_no("cjf-2024-3") == "11000000MB0000000X/2024-00003"


def test_document_links_to_interpretation_and_back(mini_site: Path) -> None:
    doc = article(mini_site, "wj/cjf-2024-1.html")
    href = links(doc.css_first(".zw-related"))["《测试县义务教育阶段学生资助管理办法》政策解读"]
    target = posixpath.normpath(posixpath.join("wj", href))
    assert target == "zcjd/jd-cjf-2024-1.html"
    interp = article(mini_site, target)
    assert "简明问答" in interp.css_first(".zw-dateline").text()
    back = links(interp.css_first(".zw-related--source"))["测试县义务教育阶段学生资助管理办法"]
    assert posixpath.normpath(posixpath.join("zcjd", back)) == "wj/cjf-2024-1.html"
    assert "谁可以申请资助" in interp.css_first(".zw-body").text()


def test_body_links_between_content_files_point_to_published_pages(mini_site: Path) -> None:
    body = article(mini_site, "zcjd/jd-cjf-2024-1.html").css_first(".zw-body")
    found = links(body)
    assert found["《测试县义务教育阶段学生资助管理办法》"] == "../wj/cjf-2024-1.html"
    assert found["标准表"] == "../attachments/2024/资助标准表.txt"


def test_interpretation_list(mini_site: Path) -> None:
    body = article(mini_site, "zcjd/index.html")
    assert links(body)["《测试县义务教育阶段学生资助管理办法》政策解读"] == "jd-cjf-2024-1.html"


def test_withdrawn_document_is_marked_and_points_to_replacement(mini_site: Path) -> None:
    body = article(mini_site, "wj/cjf-2023-9.html")
    notice = body.css_first(".zw-notice--withdrawn")
    assert "本文件已废止" in notice.text()
    assert "2024-04-03" in notice.text()
    assert links(notice)["测试县2024年义务教育招生工作通知"] == "cjf-2024-2.html"
    listing = article(mini_site, "zcwj/index.html")
    entry = next(li for li in listing.css("li.zw-entry") if "2023年" in li.text())
    assert entry.css_first(".zw-badge--withdrawn").text() == "废止"


def test_on_request_document_shows_metadata_and_how_to_apply(mini_site: Path) -> None:
    body = article(mini_site, "wj/cjf-2024-3.html")
    meta = {th.text(strip=True): th.next.text(strip=True) for th in body.css("table.zw-meta th")}
    assert meta["公开属性"] == "此件依申请公开"
    notice = body.css_first(".zw-notice--request")
    assert links(notice)["政府信息公开指南"] == "../zhinan/index.html"
    assert body.css_first(".zw-body") is None and body.css_first(".zw-attachments") is None
    listing = article(mini_site, "ysqgk/index.html")
    assert links(listing)["ONREQUESTTITLE测试县学生资助对象核定情况"] == "../wj/cjf-2024-3.html"
    assert "ONREQUESTTITLE" not in article(mini_site, "zcwj/index.html").text()


def test_policy_list_newest_first_with_year_and_domain_facets(mini_site: Path) -> None:
    body = article(mini_site, "zcwj/index.html")
    titles = [a.text() for a in body.css("a.zw-entry__title")]
    assert titles == ["测试县2024年义务教育招生工作通知", "测试县义务教育阶段学生资助管理办法",
                      "测试县2023年义务教育招生工作通知"]
    dates = [t.attributes["datetime"] for t in body.css("li.zw-entry .zw-entry__meta time")]
    assert dates == sorted(dates, reverse=True) and all(dates)
    facets = links(body.css_first(".zw-facets"))
    assert facets["2024（2）"] == "2024/index.html" and facets["2023（1）"] == "2023/index.html"
    assert facets["义务教育（3）"] == "education/index.html"
    year = article(mini_site, "zcwj/2023/index.html")
    assert [a.text() for a in year.css("a.zw-entry__title")] == ["测试县2023年义务教育招生工作通知"]


def test_policy_list_is_paginated(tmp_path: Path) -> None:
    from conftest import build, copy_fixture

    tree = copy_fixture("mini", tmp_path)
    template = (tree / "content/documents/2024/cjf-2024-2.md").read_text(encoding="utf-8")
    for n in range(1, 24):
        text = template.replace("测教发[2024]2号", f"测教发〔2022〕{100 + n}号").replace("2024年义务教育招生工作通知", f"第{n}号通知")
        text = text.replace("发布日期: 2024年4月3日", f"发布日期: 2022-01-{n:02d}").replace("成文日期: 2024-04-01", f"成文日期: 2022-01-{n:02d}")
        (tree / f"content/documents/2024/extra-{n}.md").write_text(text, encoding="utf-8")
    site = build(tree)
    first = article(site, "zcwj/index.html")
    assert len(first.css("li.zw-entry")) == 20
    pager = links(first.css_first(".zw-pager"))
    assert pager["下一页"] == "2.html" and pager["2"] == "2.html"
    second = article(site, "zcwj/2.html")
    assert len(second.css("li.zw-entry")) == 6
    assert links(second.css_first(".zw-pager"))["上一页"] == "index.html"


def test_documents_are_not_in_the_navigation(mini_site: Path) -> None:
    nav = page(mini_site, "index.html").css_first("nav.md-nav--primary")
    hrefs = [a.attributes.get("href", "") for a in nav.css("a")]
    assert "zhinan/index.html" in hrefs and "wzdt/index.html" in hrefs
    assert not [h for h in hrefs if h.startswith("wj/")]


def test_each_page_draws_its_own_navigation(mini_site: Path) -> None:
    """The tabs and sidebars are drawn once per folder for documents (hooks/zwgk_hooks.py): a nav page still
    marks its own tab, a document marks none, and two documents of one folder keep their own titles."""
    for section in ["zhinan/index.html", "zcwj/index.html", "index.html"]:
        active = page(mini_site, section).css(".md-tabs__item--active a")
        assert [posixpath.normpath(posixpath.join(posixpath.dirname(section), a.attributes["href"])) for a in active] \
            == [section], section
    beside_sections = [p.relative_to(mini_site).as_posix() for p in mini_site.glob("*/*.html")
                       if p.name != "index.html" and (p.parent / "index.html").is_file()]
    for path in beside_sections:  # pages in a section's folder that are not in the nav themselves
        assert not page(mini_site, path).css(".md-tabs__item--active"), path
    documents = sorted(p.relative_to(mini_site).as_posix() for p in (mini_site / "wj").glob("*.html"))
    assert len(documents) >= 2 and len(beside_sections) >= 2
    tabs = set()
    for path in documents:
        html = page(mini_site, path)
        assert not html.css(".md-tabs__item--active")
        assert html.css_first("title").text().startswith(article(mini_site, path).css_first("h1").text(strip=True))
        tabs.add(html.css_first(".md-tabs").html)
    assert len(tabs) == 1


def test_relative_links_are_those_of_posixpath() -> None:
    """pages.relative_url computes links without posixpath.relpath (slow for 100,000 links), to the same result."""
    from hypothesis import given, strategies as st

    from zwgk.site.pages import relative_url

    parts = st.sampled_from(["a", "b", "wj", "zcwj", "x.html", "index.html", "a b.pdf", "", ".", ".."])
    paths = st.lists(parts, min_size=1, max_size=4).map("/".join).filter(bool)

    @given(paths, paths)
    def same(target: str, current: str) -> None:
        try:
            expected = posixpath.relpath(target, posixpath.dirname(current) or ".")
        except ValueError:
            return
        assert relative_url(target, current) == expected
        assert relative_url(target + "#x", current) == expected + "#x"

    same()


def test_domain_page_lists_catalogue_and_fulfilling_documents(mini_site: Path) -> None:
    body = article(mini_site, "zdly/education.html")
    headers = [th.text(strip=True) for th in body.css("table.zw-catalogue thead th")]
    assert headers == ["编号", "公开事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
                       "公开对象", "公开方式", "公开层级", "已公开信息"]
    row = body.css_first("tr#item-YWJY-01")
    cells = [td.text(strip=True) for td in row.css("td")]
    assert cells[:2] == ["YWJY-01", "政策文件义务教育政策文件"]
    assert cells[6] == "政府网站、政务服务中心" and cells[9] == "县级、乡级"
    assert links(row)["测试县义务教育阶段学生资助管理办法"] == "../wj/cjf-2024-1.html"
    assert [td.text(strip=True) for td in body.css_first("tr#item-YWJY-02").css("td")][6] == "政府网站、公开查阅点"
    index = article(mini_site, "zdly/index.html")
    assert links(index)["义务教育"] == "education.html"


def test_statutory_categories_list_documents_and_pages(mini_site: Path) -> None:
    body = article(mini_site, "fdzdgknr/index.html")
    found = links(body)
    assert found["行政法规、规章和规范性文件"] == "regulations/index.html"
    assert found["机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"] == "organs/index.html"
    regulations = article(mini_site, "fdzdgknr/regulations/index.html")
    assert links(regulations)["测试县义务教育阶段学生资助管理办法"] == "../../wj/cjf-2024-1.html"
    organs = article(mini_site, "fdzdgknr/organs/index.html")
    assert links(organs)["测试县教育局机构职能"] == "../../qtxx/jigou.html"


def test_footer_and_sitemap(mini_site: Path) -> None:
    footer = page(mini_site, "wj/cjf-2024-1.html").css_first("footer .zw-footer")
    text = footer.text()
    for expected in ["主办单位：测试县人民政府办公室", "网站标识码：0000000001", "测ICP备00000001号",
                     "测公网安备 00000000000001号", "联系电话：0000-0000000", "党政机关"]:
        assert expected in text
    assert links(footer)["网站地图"] == "../wzdt/index.html"
    assert "我为政府网站找错" in links(footer)
    sitemap = links(article(mini_site, "wzdt/index.html"))
    assert sitemap["测试县政府信息主动公开制度"] == "../zhidu/zhudong-zhidu.html"
    assert sitemap["测试县教育局机构职能"] == "../qtxx/jigou.html"


def test_every_list_item_shows_a_date(mini_site: Path) -> None:
    for path in ["index.html", "zcwj/index.html", "zcjd/index.html", "zhidu/index.html", "nianbao/index.html",
                 "ysqgk/index.html", "fdzdgknr/regulations/index.html"]:
        for entry in article(mini_site, path).css("li.zw-entry"):
            assert entry.css_first("time").attributes.get("datetime"), (path, entry.text())


def test_internal_links_resolve(mini_site: Path) -> None:
    """Every relative link of every generated page points to a file of the site.

    404.html is MkDocs' own page, served for any path, so its links are root-absolute by design.
    """
    for html in mini_site.rglob("*.html"):
        if html.name == "404.html":
            continue
        for a in page(mini_site, str(html.relative_to(mini_site))).css("a[href], link[href], script[src]"):
            ref = a.attributes.get("href") or a.attributes.get("src") or ""
            if ref.startswith(("http://", "https://", "#", "mailto:", "javascript:")) or not ref:
                continue
            target = (html.parent / ref.split("#")[0].split("?")[0]).resolve()  # ?v=: our assets' fingerprint
            assert target.exists(), f"{html.relative_to(mini_site)} → {ref}"


def test_attachment_names_with_url_characters_are_linked_correctly(tmp_path: Path) -> None:
    from urllib.parse import unquote

    from conftest import build, copy_fixture

    tree = copy_fixture("mini", tmp_path)
    (tree / "content/attachments/2024/表#1 50%.txt").write_text("x", encoding="utf-8")
    doc = tree / "content/documents/2024/cjf-2024-2.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("目录事项: YWJY-02", "目录事项: YWJY-02\n附件: [2024/表#1 50%.txt]"),
                   encoding="utf-8")
    site = build(tree)
    href = article(site, "wj/cjf-2024-2.html").css_first(".zw-attachments a").attributes["href"]
    assert href == "../attachments/2024/表%231%2050%25.txt"
    assert (site / "wj" / unquote(href)).resolve().is_file()


def test_titles_from_content_are_escaped(tmp_path: Path) -> None:
    from conftest import build, copy_fixture

    tree = copy_fixture("mini", tmp_path)
    doc = tree / "content/documents/2024/cjf-2024-2.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace(
        "标题: 测试县2024年义务教育招生工作通知", '标题: "<script>alert(1)</script>通知"'), encoding="utf-8")
    site = build(tree)
    for path in ["wj/cjf-2024-2.html", "zcwj/index.html", "index.html"]:
        tree_ = page(site, path)
        assert not [s for s in tree_.css("script") if "alert(1)" in s.text()], path
        assert "&lt;script&gt;alert(1)" in (site / path).read_text(encoding="utf-8")


def test_raw_html_in_bodies_is_made_inert(tmp_path: Path) -> None:
    from conftest import build, copy_fixture

    tree = copy_fixture("mini", tmp_path)
    doc = tree / "content/documents/2024/cjf-2024-2.md"
    payloads = ('<script>alert("x")</script>\n\n<img src="https://example.gov.cn/a.png" onerror="alert(2)">\n\n'
                '[点我](javascript:alert(3))\n\n<iframe src="https://evil.example/"></iframe>\n\n'
                '<svg onload="alert(4)"></svg>\n\n<a href="https://example.gov.cn/" onclick="x()">外链</a>\n\n'
                '| 表头 | 值 |\n|---|---|\n| 甲 | 1 |\n')
    doc.write_text(doc.read_text(encoding="utf-8") + "\n" + payloads, encoding="utf-8")
    site = build(tree)
    body = article(site, "wj/cjf-2024-2.html").css_first(".zw-body")
    html = body.html
    assert not body.css("script, iframe, svg")
    assert "onerror" not in html and "onclick" not in html and "onload" not in html and "javascript:" not in html
    assert links(body)["外链"] == "https://example.gov.cn/"
    assert [td.text() for td in body.css("table td")] == ["甲", "1"]
    assert body.css_first("table caption").text() == "表1"


def test_body_tables_get_captions_from_the_bold_line_or_heading_before_them(tmp_path: Path) -> None:
    from conftest import build, copy_fixture

    tree = copy_fixture("mini", tmp_path)
    doc = tree / "content/documents/2024/cjf-2024-2.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n**招生计划表**\n\n| 学校 | 人数 |\n|---|---|\n| 一小 | 90 |\n\n"
                   "## 二、时间安排\n\n| 阶段 | 日期 |\n|---|---|\n| 报名 | 5月 |\n", encoding="utf-8")
    site = build(tree)
    body = article(site, "wj/cjf-2024-2.html").css_first(".zw-body")
    assert [c.text() for c in body.css("table caption")] == ["招生计划表", "二、时间安排"]
    assert "招生计划表" not in [p.text() for p in body.css("p")]
    assert "一、招生范围" in body.text()
