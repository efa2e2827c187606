"""Domain pages (重点领域): every pilot domain in the demo, and near-empty domain pages flagged."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, article, copy_fixture, edit, page, run_cli
from zwgk.base import vocab

HEALTH = """领域: 医疗卫生
牵头部门: 测试县卫生健康局
更新日期: 2024-01-15
事项:
  - 编号: YLWS-01
    一级事项: 医疗机构
    二级事项: 医疗机构名录
    公开内容: 医疗机构名称、地址和诊疗科目
    公开依据: 《中华人民共和国政府信息公开条例》
    公开时限: 信息形成或者变更之日起20个工作日内
    公开主体: 测试县卫生健康局
    公开渠道: [政府网站]
    公开对象: 全社会
    公开方式: 主动
    公开层级: [县级]
    暂无内容说明:
      原因: 本年度尚未形成
      日期: 2024-06-01
"""


def test_catalogue_with_no_fulfilled_proactive_item_is_flagged_with_file_and_line(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / "catalogues/county/health.yml").write_text(HEALTH, encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 0, result.text  # a warning: the build still goes on
    line = next(x for x in result.text.splitlines() if "重点领域“医疗卫生”" in x)
    assert "catalogues/county/health.yml:1:" in line
    assert "没有一个主动公开事项有已公开的文件或页面" in line and "目录事项" in line


def test_domain_with_documents_but_no_catalogue_is_flagged(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, "content/documents/2024/cjf-2024-1.md", "领域: [义务教育]", "领域: [义务教育, 社会救助]")
    result = run_cli("--root", tree, "check")
    line = next(x for x in result.text.splitlines() if "重点领域“社会救助”" in x)
    assert line.strip().startswith("catalogues/county: ") and "新建 social-assistance.yml" in line and "没有公开事项标准目录" in line
    assert "新建 social-assistance.yml" in line
    # the healthy domain of the same tree is not flagged
    assert "重点领域“义务教育”" not in result.text


def test_demo_has_a_county_catalogue_for_every_pilot_domain() -> None:
    names = {p.stem for p in (ROOT / "catalogues/county").glob("*.yml")}
    assert names == {t.slug for t in vocab.DOMAINS}


def test_every_demo_domain_page_shows_its_catalogue_and_what_fulfils_it(demo_site: Path) -> None:
    for term in vocab.DOMAINS:
        body = article(demo_site, f"zdly/{term.slug}.html")
        table = body.css_first("table.zw-catalogue")
        assert table is not None, term.name
        rows = table.css("tbody tr")
        assert 3 <= len(rows) <= 8, term.name
        fulfilled = [a for a in table.css('td[data-label="已公开信息"] a') if a.attributes.get("href", "").endswith(".html")]
        assert fulfilled, f"{term.name}: no fulfilling link"


def test_domain_index_and_home_list_all_26_domains(demo_site: Path) -> None:
    index = article(demo_site, "zdly/index.html")
    listed = {a.text(strip=True) for a in index.css("table.zw-table tbody a")}
    assert listed == {t.name for t in vocab.DOMAINS}
    home = {a.text(strip=True) for a in page(demo_site, "index.html").css("ul.zw-domains a")}
    assert {t.name for t in vocab.DOMAINS} <= home


def test_demo_towns_items_show_on_their_town_pages(demo_site: Path) -> None:
    for town, code in (("chengguan", "CG-YLFW-02"), ("hexi", "HX-SNBT-01")):
        body = article(demo_site, f"xzzwgk/{town}/index.html")
        assert body.css_first(f"#item-{code}") is not None, town


def test_demo_domain_pages_link_the_towns_that_have_a_catalogue_of_that_domain(demo_site: Path) -> None:
    for slug, town in (("farm-subsidies", "hexi"), ("elderly-care", "chengguan")):
        hrefs = [a.attributes.get("href", "") for a in article(demo_site, f"zdly/{slug}.html").css("a")]
        assert any(h.endswith(f"xzzwgk/{town}/index.html") for h in hrefs), slug
