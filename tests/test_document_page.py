"""The document page as gov.cn readers know it (issue 21): the attribute label under the body too, the
落款 right-aligned at the end, 字号/打印 tools left to the script, the 废止/失效 date in the metadata, and the
replacement's 文号 where old and new share a title. Real builds of small trees, read with selectolax."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DOC, article, build, copy_fixture, edit

DOCS = "content/documents/2024"

# A notice, signed, then the rules it issues: the signature stands in the middle of the body.
SIGNED = DOC.replace("标题: 新文件", "标题: 测试县学生资助管理办法的通知").replace("正文\n", """各学校：

现将《测试县学生资助管理办法》印发给你们，请遵照执行。

特此通知

测试县教育局

2024年3月1日

## 测试县学生资助管理办法

第一条 为规范学生资助管理，制定本办法。
""")


@pytest.fixture(scope="module")
def tree_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini tree with a signed notice, a 失效 document, and a replacement of the same title."""
    tree = copy_fixture("mini", tmp_path_factory.mktemp("document-page"))
    (tree / DOCS / "cjf-2024-8.md").write_text(SIGNED, encoding="utf-8")
    expired = DOC.replace("文号: 测教发〔2024〕8号", "文号: 测教发〔2024〕7号").replace(
        "有效性: 现行有效", "有效性: 失效\n废止日期: 2024-06-30")
    (tree / DOCS / "cjf-2024-7.md").write_text(expired, encoding="utf-8")
    # the new notice takes the old one's title: only the 文号 tells them apart
    edit(tree, f"{DOCS}/cjf-2024-2.md", "标题: 测试县2024年义务教育招生工作通知", "标题: 测试县2023年义务教育招生工作通知")
    return build(tree)


def _meta(body) -> dict[str, str]:  # noqa: ANN001 - selectolax Node
    return {th.text(strip=True): th.next.text(strip=True) for th in body.css("table.zw-meta th")}


def _signature(body) -> list[str]:  # noqa: ANN001
    return [p.text(strip=True) for p in body.css(".zw-body p.zw-signature")]


def test_attribute_label_stands_above_and_below_the_body(mini_site: Path) -> None:
    body = article(mini_site, "wj/cjf-2024-1.html")
    labels = body.css("p.zw-label")
    assert [p.text() for p in labels] == ["【此件公开发布】", "【此件公开发布】"]
    order = [node.attributes.get("class") or node.tag for node in body.css("article > *")]
    start = order.index("zw-label")
    assert order[start:start + 3] == ["zw-label", "zw-body", "zw-label zw-label--end"], order


def test_body_without_signature_ends_with_the_issuer_and_date_of_the_metadata(mini_site: Path) -> None:
    body = article(mini_site, "wj/cjf-2024-1.html")
    assert _signature(body) == ["测试县教育局", "2024年3月1日"]
    last = body.css(".zw-body > *")[-1]
    assert last.css_first("time").attributes["datetime"] == "2024-03-01"


def test_signature_written_in_the_body_is_marked_where_it_stands(tree_site: Path) -> None:
    body = article(tree_site, "wj/cjf-2024-8.html")
    assert _signature(body) == ["测试县教育局", "2024年3月1日"]  # not 特此通知, and none added at the end
    signed = body.css_first(".zw-body p.zw-signature")
    following = [node.tag for node in body.css(".zw-body > *")]
    assert following.index("h2") > following.index("p") and "第一条" in body.css(".zw-body > p")[-1].text()
    assert signed.text() == "测试县教育局"


def test_current_document_has_no_withdrawal_date(mini_site: Path) -> None:
    meta = _meta(article(mini_site, "wj/cjf-2024-1.html"))
    assert "废止日期" not in meta and "失效日期" not in meta


@pytest.mark.parametrize(("path", "validity", "day"), [("wj/cjf-2023-9.html", "废止", "2024-04-03"),
                                                        ("wj/cjf-2024-7.html", "失效", "2024-06-30")])
def test_withdrawal_date_is_in_the_metadata(mini_site: Path, tree_site: Path, path: str, validity: str,
                                            day: str) -> None:
    site = mini_site if "2023" in path else tree_site
    meta = _meta(article(site, path))
    assert meta["有效性"] == validity and meta[f"{validity}日期"] == day


def test_replacement_of_another_title_is_named_by_its_title_alone(mini_site: Path) -> None:
    notice = article(mini_site, "wj/cjf-2023-9.html").css_first(".zw-notice--withdrawn")
    assert "现行文件见：测试县2024年义务教育招生工作通知。" in notice.text()


def test_replacement_of_the_same_title_shows_its_number(tree_site: Path) -> None:
    notice = article(tree_site, "wj/cjf-2023-9.html").css_first(".zw-notice--withdrawn")
    assert "现行文件见：测试县2023年义务教育招生工作通知（测教发〔2024〕2号）。" in notice.text()
    assert notice.css_first("a").attributes["href"] == "cjf-2024-2.html"


def test_reading_tools_are_left_hidden_for_the_script(mini_site: Path) -> None:
    body = article(mini_site, "wj/cjf-2024-1.html")
    tools = body.css_first(".zw-doc-tools")
    assert tools is not None and "hidden" in tools.attributes  # without scripts: no buttons that do nothing
    buttons = [(b.attributes.get("type"), b.text(strip=True)) for b in tools.css("button")]
    assert buttons == [("button", "大"), ("button", "中"), ("button", "小"), ("button", "打印")]


def test_on_request_document_has_no_body_tools_or_signature(mini_site: Path) -> None:
    body = article(mini_site, "wj/cjf-2024-3.html")
    assert body.css_first(".zw-doc-tools") is None and body.css_first(".zw-signature") is None
    assert body.css_first(".zw-label--end") is None
