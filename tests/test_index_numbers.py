"""索引号 are unique and never change once given out, whatever is added later."""

from __future__ import annotations

from pathlib import Path

from conftest import article, build, copy_fixture, run_cli

BACKDATED = """---
标题: 补发的旧通知
文号: 测教发〔2024〕0号
发文机关: 测试县教育局
成文日期: 2024-01-02
发布日期: 2024-01-05
公开属性: 此件公开发布
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
---
正文
"""


def _index_no(site: Path, slug: str) -> str:
    body = article(site, f"wj/{slug}.html")
    return next(th.next.text() for th in body.css("th") if th.text() == "索引号")


def test_build_registers_numbers_and_a_backdated_document_changes_none(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    registry = tree / "content/index-numbers.yml"
    assert not registry.exists()
    assert run_cli("--root", tree, "check").code == 0
    assert not registry.exists(), "check must not write anything"
    site = build(tree)
    before = {slug: _index_no(site, slug) for slug in ("cjf-2024-1", "cjf-2024-2", "cjf-2024-3")}
    assert before == {"cjf-2024-1": "11000000MB0000000X/2024-00001", "cjf-2024-2": "11000000MB0000000X/2024-00002",
                      "cjf-2024-3": "11000000MB0000000X/2024-00003"}
    text = registry.read_text(encoding="utf-8")
    assert 'cjf-2024-4: "11000000MB0000000X/2024-00004"' in text  # the withheld one keeps its number too

    (tree / "content/documents/2024/old.md").write_text(BACKDATED, encoding="utf-8")
    site = build(tree)
    assert {slug: _index_no(site, slug) for slug in before} == before
    assert _index_no(site, "old") == "11000000MB0000000X/2024-00005"


def test_deleted_document_number_is_not_reused(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    build(tree)
    (tree / "content/documents/2024/cjf-2024-3.md").unlink()
    (tree / "content/documents/2024/old.md").write_text(BACKDATED, encoding="utf-8")
    site = build(tree)
    assert _index_no(site, "old") == "11000000MB0000000X/2024-00005"


def test_pinned_number_is_kept_and_a_clash_is_an_error(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    doc = tree / "content/documents/2024/old.md"
    doc.write_text(BACKDATED.replace("主题分类: 科技、教育", "主题分类: 科技、教育\n索引号: 11000000MB0000000X/2019-00042"),
                   encoding="utf-8")
    site = build(tree)
    assert _index_no(site, "old") == "11000000MB0000000X/2019-00042"
    assert _index_no(site, "cjf-2024-1") == "11000000MB0000000X/2024-00001"

    doc.write_text(BACKDATED.replace("主题分类: 科技、教育", "主题分类: 科技、教育\n索引号: 11000000MB0000000X/2024-00002"),
                   encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert "content/documents/2024/old.md:11: 索引号“11000000MB0000000X/2024-00002”已经属于" in result.err


def test_format_must_restart_numbers_by_year(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    site_yml = tree / "content/site.yml"
    text = site_yml.read_text(encoding="utf-8")
    site_yml.write_text(text + '索引号格式: "{代码}/{序号:05d}"\n', encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    line = len(text.splitlines()) + 1  # the line just added
    assert f"content/site.yml:{line}: " + "索引号格式“{代码}/{序号:05d}”无法使用 — 必须含 {年} 和 {序号}" in result.err


def test_custom_format_with_month(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    site_yml = tree / "content/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + '索引号格式: "{代码}/{年}{月}-{序号:03d}"\n',
                        encoding="utf-8")
    site = build(tree)
    assert _index_no(site, "cjf-2024-2") == "11000000MB0000000X/202404-002"
