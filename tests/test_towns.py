"""Towns (乡镇政务公开): landing page, town page with catalogue, documents and 村(居)务公开; per-town
coverage and the editor's mistakes in town files."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
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

TOWN = "catalogues/towns/zhen"
CATALOGUE = f"{TOWN}/education.yml"


def _findings(tree: Path, *extra: str) -> tuple[int, str, list[dict]]:
    out = tree / "report.json"
    result = run_cli("--root", tree, "check", "--json", out, *extra)
    assert "Traceback" not in result.text
    return result.code, result.out, json.loads(out.read_text(encoding="utf-8"))["findings"]


def _has(findings: list[dict], rule: str, file: str, line: int, message: str, severity: str = "error") -> dict:
    found = [f for f in findings if f["rule"] == rule and f["file"] == file and f["line"] == line
             and message in f["message"] and f["severity"] == severity]
    assert found, json.dumps(findings, ensure_ascii=False, indent=1)
    return found[0]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return add_town(copy_fixture("mini", tmp_path))


def test_towns_landing_lists_each_town_with_counts_and_date(town_site: Path) -> None:
    body = article(town_site, "xzzwgk/index.html")
    assert links(body)["测试镇"] == "zhen/index.html"
    row = [td.text(strip=True) for td in body.css("tbody tr")[0].css("td")]
    assert row == ["测试镇", "3", "2", "2", "2024-06-05"]  # items, documents with a page, villages, newest date
    assert body.css_first("tbody time").attributes["datetime"] == "2024-06-05"


def test_town_page_lists_catalogue_by_domain_and_documents(town_site: Path) -> None:
    body = article(town_site, "xzzwgk/zhen/index.html")
    assert body.css_first("h1").text() == "测试镇政务公开"
    assert "地址：测试镇人民路2号" in body.css_first(".zw-dateline").text()
    catalogue = body.css_first("#catalogue")
    assert [h.text() for h in catalogue.css("h3")] == ["义务教育"]
    assert [tr.attributes["id"] for tr in catalogue.css("table.zw-catalogue tbody tr")] == ["item-ZX-01", "item-ZX-02", "item-ZX-03"]
    first = catalogue.css_first("#item-ZX-01")
    assert links(first)["测试镇控辍保学工作方案"] == "../../wj/czf-2024-1.html"
    assert first.css_first("time").attributes["datetime"] == "2024-03-12"
    documents = body.css_first("#documents")
    assert links(documents) == {"测试镇控辍保学工作方案": "../../wj/czf-2024-1.html",
                                "TOWNONREQUESTTITLE测试镇受助学生名单": "../../wj/czf-2024-2.html"}
    assert all(li.css_first("time").attributes.get("datetime") for li in documents.css("li.zw-entry"))
    assert "依申请公开" in documents.text() and "TOWNWITHHELD" not in body.html


def test_village_items_on_the_town_page_with_channel_and_period(town_site: Path) -> None:
    body = article(town_site, "xzzwgk/zhen/index.html")
    villages = body.css_first("#villages")
    assert [(h.attributes["id"], h.text()) for h in villages.css("h3")] == [("village-1", "测试村"), ("village-2", "测试社区")]
    first = villages.css("table.zw-villages")[0]
    assert first.css_first("caption").text() == "测试村村务公开事项（共 2 项）"
    assert villages.css("table.zw-villages")[1].css_first("caption").text() == "测试社区居务公开事项（共 1 项）"
    cells = {td.attributes["data-label"]: td for td in first.css("tbody tr")[1].css("td")}
    assert cells["公开事项"].text() == "受助学生公示"
    assert cells["公开渠道"].text() == "社区/村公示栏（电子屏）、入户/现场"
    assert cells["更新周期"].text() == "每季度"
    assert cells["最近公开"].css_first("time").attributes["datetime"] == "2024-04-10"
    assert links(cells["对应目录事项"]) == {"ZX-02": "#item-ZX-02"}
    # and the catalogue row points back to the village item that carries it out
    carried = body.css_first("#item-ZX-02 td[data-label=已公开信息]")
    assert links(carried) == {"测试村：受助学生公示": "#village-1"}
    assert "每季度" in carried.text() and carried.css_first("time").attributes["datetime"] == "2024-04-10"


def test_towns_are_in_the_nav_home_site_map_and_document_pages(town_site: Path) -> None:
    tabs = {a.text(strip=True): a.attributes["href"] for a in page(town_site, "index.html").css(".md-tabs a")}
    assert tabs["乡镇政务公开"] == "xzzwgk/index.html"
    home = article(town_site, "index.html")
    assert links(home)["测试镇"] == "xzzwgk/zhen/index.html"
    assert links(article(town_site, "zdly/index.html"))["乡镇政务公开"] == "../xzzwgk/index.html"
    assert links(article(town_site, "wzdt/index.html"))["测试镇政务公开"] == "../xzzwgk/zhen/index.html"
    doc = article(town_site, "wj/czf-2024-1.html")
    meta = {th.text(strip=True): th.next for th in doc.css("table.zw-meta th")}
    assert links(meta["所属乡镇"]) == {"测试镇": "../xzzwgk/zhen/index.html"}
    item = links(doc.css("section.zw-related")[-1])["义务教育：控辍保学 / 工作方案"]
    assert posixpath.normpath(posixpath.join("wj", item.split("#")[0])) == "xzzwgk/zhen/index.html"
    assert item.endswith("#item-ZX-01")


def test_a_county_without_towns_has_no_towns_column(mini_site: Path) -> None:
    tabs = [a.text(strip=True) for a in page(mini_site, "index.html").css(".md-tabs a")]
    assert "乡镇政务公开" not in tabs and "重点领域信息公开" in tabs
    assert not (mini_site / "xzzwgk").exists()
    assert "乡镇政务公开" not in article(mini_site, "wzdt/index.html").text()


def test_many_town_documents_get_their_own_list(tmp_path: Path) -> None:
    tree = add_town(copy_fixture("mini", tmp_path))
    copy_document(tree, "content/documents/2024/czf-2024-1.md", range(10, 21), lambda n: {
        "测镇发〔2024〕1号": f"测镇发〔2024〕{n}号", "控辍保学工作方案": f"第{n}号通知"})
    site = build(tree)
    body = article(site, "xzzwgk/zhen/index.html")
    assert len(body.css("#documents li.zw-entry")) == 10
    assert links(body.css_first("#documents"))["全部 13 件文件"] == "wj/index.html"
    listing = article(site, "xzzwgk/zhen/wj/index.html")
    assert len(listing.css("li.zw-entry")) == 13
    assert [a.text() for a in listing.css(".zw-crumbs a")] == ["首页", "乡镇政务公开", "测试镇政务公开"]


# --- checks --------------------------------------------------------------------------------

def test_town_coverage_is_checked_per_town_and_shown_in_the_summary(tree: Path) -> None:
    code, out, findings = _findings(tree)
    assert code == 0, findings
    assert "目录覆盖：测试镇·义务教育 2/2（100.0%）" in out
    edit(tree, "content/documents/2024/czf-2024-1.md", "目录事项: [ZX-01]", "目录事项: []")
    code, out, findings = _findings(tree)
    assert code == 1
    found = _has(findings, "coverage.missing", CATALOGUE, 5,
                 "主动公开事项“ZX-01”（控辍保学/工作方案）没有任何已公开的文件、页面或村（居）务公开事项")
    assert "villages.yml" in found["fix"] and "暂无内容说明" in found["fix"]


def test_no_content_note_turns_the_town_error_into_a_warning(tree: Path) -> None:
    edit(tree, "content/documents/2024/czf-2024-1.md", "目录事项: [ZX-01]", "目录事项: []")
    edit(tree, CATALOGUE, "    公开层级: [乡级]\n", "    公开层级: [乡级]\n    暂无内容说明:\n      原因: 本学期方案尚未印发\n      日期: 2024-06-01\n")
    code, out, findings = _findings(tree)
    assert code == 0
    _has(findings, "coverage.explained", CATALOGUE, 5, "主动公开事项“ZX-01”暂无内容（本学期方案尚未印发", "warning")
    assert "目录覆盖：测试镇·义务教育 1/2（50.0%）" in out


def test_village_item_counts_for_coverage(tree: Path) -> None:
    edit(tree, f"{TOWN}/villages.yml", "        目录事项: [ZX-02]\n", "")
    code, _, findings = _findings(tree)
    assert code == 1
    _has(findings, "coverage.missing", CATALOGUE, 16, "“ZX-02”")


def test_mistakes_in_town_files_are_all_reported(tree: Path) -> None:
    edit(tree, CATALOGUE, "    公开层级: [乡级]\n", "    公开层级: [县级]\n")
    edit(tree, f"{TOWN}/villages.yml", "目录事项: [ZX-02]", "目录事项: [ZX-2]")
    edit(tree, "content/documents/2024/czf-2024-1.md", "乡镇: zhen", "乡镇: 测试镇")
    edit(tree, f"{TOWN}/villages.yml", "公开内容: 社区重大事项", "公开内容: 社区重大事项，联系 13912345678")
    (tree / "catalogues/towns/Cun Zhen").mkdir()
    (tree / "catalogues/towns/cun/").mkdir()
    (tree / "catalogues/towns/cun/education.yml").write_text("领域: 义务教育\n", encoding="utf-8")
    code, _, findings = _findings(tree)
    assert code == 1
    _has(findings, "input", CATALOGUE, 15, "乡镇目录的事项“ZX-01”公开层级没有“乡级”")
    found = _has(findings, "consistency.unknown-reference", f"{TOWN}/villages.yml", 15, "目录事项“ZX-2”不在本乡镇的目录中")
    assert found["fix"].startswith("是不是“ZX-02”？")
    found = _has(findings, "consistency.unknown-reference", "content/documents/2024/czf-2024-1.md", 13, "乡镇“测试镇”不存在")
    assert found["fix"] == "写乡镇的文件夹名：乡镇: zhen"
    _has(findings, "input", "catalogues/towns/Cun Zhen", 0, "乡镇文件夹名“Cun Zhen”不能用作网址")
    _has(findings, "input", "catalogues/towns/cun", 0, "乡镇文件夹 catalogues/towns/cun 里没有 town.yml")
    _has(findings, "input", "catalogues/towns/cun/education.yml", 1, "缺少必填项“牵头部门”")
    _has(findings, "privacy.personal-data", f"{TOWN}/villages.yml", 20, "发现手机号码 139******78")


def test_a_town_with_nothing_to_show_is_an_empty_column(tree: Path) -> None:
    for name in ("education.yml", "villages.yml"):
        (tree / TOWN / name).unlink()
    for n in (1, 2, 3):
        edit(tree, f"content/documents/2024/czf-2024-{n}.md", "乡镇: zhen\n", "")
    edit(tree, "content/documents/2024/czf-2024-1.md", "目录事项: [ZX-01]\n", "")
    edit(tree, "content/documents/2024/czf-2024-2.md", "目录事项: [ZX-03]\n", "")
    code, _, findings = _findings(tree)
    assert code == 1
    _has(findings, "sections.empty", f"{TOWN}/town.yml", 0, "乡镇“测试镇”的页面没有内容")


def test_village_item_past_its_period_is_a_warning(tree: Path) -> None:
    code, _, findings = _findings(tree, "--today", "2024-08-09")
    assert code == 0
    # 每月: 65 days since 2024-06-05 > 61; 每季度: 121 days since 2024-04-10 <= 122; 长期 never
    _has(findings, "timeliness.village", f"{TOWN}/villages.yml", 9,
         "测试村的“村级财务收支”更新周期为每月，最近公开于 2024-06-05，已超期未更新（检查日期 2024-08-09）", "warning")
    assert len([f for f in findings if f["rule"] == "timeliness.village"]) == 1
