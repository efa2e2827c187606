"""政策文件库 (issue 19): the static list per facet value, withdrawn documents in every list, and the data
file the 政策文件库 page filters, all read from real builds. The page in a browser: tests/test_facets_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import article, build, copy_document, copy_fixture, links, page

LIBRARY = "zcwj/wjk.html"
DATA = "zcwj/wjk/data.js"


def library_data(site: Path) -> dict:
    text = (site / DATA).read_text(encoding="utf-8")
    assert text.startswith("window.zwgkLibrary=") and text.endswith(";\n")
    return json.loads(text[len("window.zwgkLibrary="):-2])


@pytest.fixture(scope="module")
def many_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini county with 22 more documents of a second organ (a list of two pages), one of them 失效."""
    tree = copy_fixture("mini", tmp_path_factory.mktemp("facets"))
    copy_document(tree, "content/documents/2024/cjf-2024-1.md", range(10, 32), lambda n: {
        "测试县义务教育阶段学生资助管理办法": f"测试县第{n}号民政通知",
        "测教发〔2024〕1号": f"测民发〔2024〕{n}号",
        "发文机关: 测试县教育局": "发文机关: 测试县民政局",
        "主题分类: 科技、教育": "主题分类: 民政、扶贫、救灾",
        "有效性: 现行有效": "有效性: 失效\n废止日期: 2024-06-30" if n == 10 else "有效性: 现行有效",
        "目录事项: [YWJY-01]\n": "", "附件: [2024/资助标准表.txt]\n": "",
    })
    return build(tree)


def _entries(site: Path, path: str) -> list[str]:
    return [a.text(strip=True) for a in article(site, path).css("ul.zw-list a.zw-entry__title")]


def test_a_static_list_per_value_of_each_facet_linked_with_its_count(mini_site: Path) -> None:
    facets = article(mini_site, "zcwj/index.html").css_first(".zw-facets")
    labels = [s.text() for s in facets.css(".zw-facets__label")]
    assert labels[:7] == ["全部：", "按发文机关：", "按主题分类：", "按文件类型：", "按年份：", "按有效性：", "按领域："]
    found = links(facets)
    # only what is published in full: the on-request and the withheld document of 测试县教育局 are not counted
    assert set(found) >= {"测试县教育局（3）", "科技、教育（3）", "其他文件（2）", "行政规范性文件（1）", "2024（2）",
                          "2023（1）", "现行有效（2）", "废止（1）", "义务教育（3）"}
    for text in ("测试县教育局（3）", "科技、教育（3）", "其他文件（2）", "废止（1）"):
        target = "zcwj/" + found[text]
        assert (mini_site / target).is_file(), target
        assert target.startswith(("zcwj/jg/", "zcwj/zt/", "zcwj/lx/", "zcwj/yx/")) and target.endswith("/index.html")
        # each list page draws the same facets, its own value marked as the current one
        current = article(mini_site, target).css_first(".zw-facets [aria-current=page]")
        assert current is not None and current.text() == text
    assert _entries(mini_site, "zcwj/" + found["废止（1）"]) == ["测试县2023年义务教育招生工作通知"]
    # a facet of few values is a line; one of more than eight folds up (none in this small county)
    assert not facets.css("details")
    assert _entries(mini_site, "zcwj/" + found["其他文件（2）"]) == ["测试县2024年义务教育招生工作通知",
                                                                  "测试县2023年义务教育招生工作通知"]
    assert "ONREQUEST" not in (mini_site / "zcwj" / found["测试县教育局（3）"]).read_text(encoding="utf-8")


def test_the_policy_page_and_the_library_link_each_other_and_the_static_lists(mini_site: Path) -> None:
    assert links(article(mini_site, "zcwj/index.html"))[
        "政策文件库：按发文机关、主题分类、文件类型、年份、有效性、领域组合筛选"] == "wjk.html"
    body = article(mini_site, LIBRARY)
    found = links(body.css_first(".zw-library__browse"))
    assert found["全部政策文件"] == "index.html"
    assert found["2024（2）"] == "2024/index.html" and found["义务教育（3）"] == "education/index.html"
    assert found["测试县教育局（3）"].startswith("jg/") and (mini_site / "zcwj" / found["测试县教育局（3）"]).is_file()
    # the filter form waits for its script; the no-script note says where to look instead
    form = body.css_first("form.zw-library")
    assert "hidden" in form.attributes and form.attributes["data-index"] == "wjk/data.js"
    assert "分类列表" in body.css_first(".zw-library__status noscript").text()
    assert [s.attributes["name"] for s in form.css("select")] == ["jg", "zt", "lx", "nf", "yx", "ly"]
    options = [o.text() for o in form.css("select[name=yx] option")]
    assert options == ["全部", "现行有效（2）", "废止（1）"]
    assert links(article(mini_site, "search.html"))["政策文件库"] == "zcwj/wjk.html"
    # the site map lists the library under 政策文件
    sitemap = links(article(mini_site, "wzdt/index.html"))
    assert sitemap["政策文件库"] == "../zcwj/wjk.html"


def test_static_lists_are_paginated_and_withdrawn_documents_stay_in_them(many_site: Path) -> None:
    found = links(article(many_site, "zcwj/index.html").css_first(".zw-facets"))
    organ = "zcwj/" + found["测试县民政局（22）"]
    assert len(_entries(many_site, organ)) == 20
    second = organ.replace("index.html", "2.html")
    assert len(_entries(many_site, second)) == 2
    assert links(article(many_site, organ).css_first(".zw-pager"))["2"] == "2.html"
    expired = "zcwj/" + found["失效（1）"]
    assert _entries(many_site, expired) == ["测试县第10号民政通知"]
    # the withdrawn document is in the 民政局 list, the year list, the theme list, with its tag and date
    theme = "zcwj/" + found["民政、扶贫、救灾（22）"]
    pages = [organ, second, "zcwj/2024/index.html", "zcwj/2024/2.html", theme, theme.replace("index.html", "2.html"),
             expired]
    seen = 0
    for path in pages:
        for li in article(many_site, path).css("ul.zw-list li.zw-entry"):
            if li.css_first("a.zw-entry__title").text() == "测试县第10号民政通知":
                seen += 1
                assert li.css_first(".zw-badge--withdrawn").text() == "失效"
                assert li.css_first(".zw-entry__withdrawn time").attributes["datetime"] == "2024-06-30"
    assert seen == 4


def test_a_facet_of_many_values_folds_up_open_where_the_current_value_is(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    copy_document(tree, "content/documents/2024/cjf-2024-1.md", range(40, 49), lambda n: {
        "测试县义务教育阶段学生资助管理办法": f"测试县第{n}号通知", "测教发〔2024〕1号": f"测{n}发〔2024〕1号",
        "发文机关: 测试县教育局": f"发文机关: 测试县第{n}局", "目录事项: [YWJY-01]\n": "", "附件: [2024/资助标准表.txt]\n": "",
    })
    site = build(tree)
    nav = article(site, "zcwj/index.html").css_first(".zw-facets")
    folded = nav.css("details")
    assert [d.css_first("summary").text(strip=True) for d in folded] == ["按发文机关：10 项"]
    assert "open" not in folded[0].attributes
    assert len(folded[0].css("a")) == 10  # still links, for readers without scripts: <details> needs none
    organ = "zcwj/" + links(folded[0])["测试县第44局（1）"]
    here = article(site, organ).css_first(".zw-facets details")
    assert "open" in here.attributes and here.css_first("[aria-current=page]").text() == "测试县第44局（1）"
    year = article(site, "zcwj/2024/index.html").css_first(".zw-facets details")
    assert "open" not in year.attributes


def test_a_repealed_document_links_its_replacement_in_lists(mini_site: Path) -> None:
    for path in ("zcwj/index.html", "zcwj/2023/index.html", "zcwj/education/index.html"):
        li = next(li for li in article(mini_site, path).css("li.zw-entry")
                  if li.css_first("a.zw-entry__title").text() == "测试县2023年义务教育招生工作通知")
        note = li.css_first(".zw-entry__withdrawn")
        assert note.text(strip=True) == "2024-04-03废止，查看替代文件", path
        target = note.css_first("a").attributes["href"]
        assert target.endswith("wj/cjf-2024-2.html") and ((mini_site / path).parent / target).is_file(), target


def test_the_library_data_holds_what_the_lists_hold(mini_site: Path) -> None:
    data = library_data(mini_site)
    assert [f[0] for f in data["facets"]] == ["jg", "zt", "lx", "nf", "yx", "ly"]
    facets = {f[0]: f[2] for f in data["facets"]}
    assert facets["yx"] == ["现行有效", "废止"] and facets["nf"] == ["2024", "2023"]
    rows = {r[0]: r for r in data["docs"]}
    assert list(rows) == ["cjf-2024-2", "cjf-2024-1", "cjf-2023-9"]  # newest first, as the lists
    repealed = rows["cjf-2023-9"]
    assert repealed[1:7] == ["测试县2023年义务教育招生工作通知", "测教发〔2023〕9号", "2023-04-01", "2023-04-03",
                             "2024-04-03", "cjf-2024-2"]
    assert facets["yx"][repealed[7 + 4]] == "废止" and facets["jg"][repealed[7]] == "测试县教育局"
    assert [facets["ly"][n] for n in repealed[7 + 5]] == ["义务教育"]
    text = (mini_site / DATA).read_text(encoding="utf-8")
    assert "ONREQUEST" not in text and "WITHHELD" not in text


def test_the_library_data_is_escaped_script_data(tmp_path: Path) -> None:
    """A title with quotes, a backslash and </script> stays data: json, in a file of its own, no inline script."""
    tree = copy_fixture("mini", tmp_path)
    path = tree / "content/documents/2024/cjf-2024-1.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("标题: 测试县义务教育阶段学生资助管理办法",
                                 "标题: '测试县\"资助\"办法\\</script><b>x'"), encoding="utf-8")
    site = build(tree)
    titles = [r[1] for r in library_data(site)["docs"]]
    assert '测试县"资助"办法\\</script><b>x' in titles
    html = (site / LIBRARY).read_text(encoding="utf-8")
    assert "<b>x" not in html
    assert not page(site, LIBRARY).css("article script")
