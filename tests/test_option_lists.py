"""Options that contain 、 (“财政、金融、审计”): listed so an editor sees where each ends, and a piece of one accepted."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DOC, article, copy_fixture, links, run_cli
from zwgk.base import vocab

NEW = "content/documents/2024/xin.md"


def _with_theme(tree: Path, theme: str) -> None:
    (tree / NEW).write_text(DOC.replace("主题分类: 科技、教育", f"主题分类: {theme}"), encoding="utf-8")


def _findings(tree: Path, tmp_path: Path) -> list[dict[str, str]]:
    run_cli("--root", tree, "check", "--json", tmp_path / "r.json")
    found = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]
    return [f for f in found if f["file"] == NEW]


def test_wrong_theme_lists_every_option_in_quotes(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    _with_theme(tree, "教育科技")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    line = next(line.strip() for line in result.err.splitlines() if line.strip().startswith(f"{NEW}:10:"))
    assert line == (f"{NEW}:10: “主题分类”填的“教育科技”不在可选范围内 — 改成“科技、教育”（可选：“综合政务”、"
                    "“国民经济管理、国有资产监管”、“财政、金融、审计”、“国土资源、能源”、" + line.split("“国土资源、能源”、", 1)[1])
    assert line.endswith("“港澳台侨工作”、“国防”、“其他”）")
    assert all(f"“{theme}”" in line for theme in vocab.THEMES)  # all 21, none cut off


def test_a_piece_of_one_option_is_published_as_that_option_with_a_warning(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    _with_theme(tree, "金融")
    assert [(f["severity"], f["line"], f["message"], f["fix"]) for f in _findings(tree, tmp_path)] == [
        ("warning", 10, "“主题分类”填的“金融”不是完整的可选值，已按“财政、金融、审计”发布", "改成完整的“财政、金融、审计”")]
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site")
    assert result.code == 0, result.text
    assert f"{NEW}:10: “主题分类”填的“金融”不是完整的可选值，已按“财政、金融、审计”发布" in result.text
    body = article(tree / "site", "wj/xin.html")
    meta = {th.text(strip=True): th.next.text(strip=True) for th in body.css("table.zw-meta th")}
    assert meta["主题分类"] == "财政、金融、审计"


def test_a_piece_of_several_options_is_refused_with_the_candidates(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    _with_theme(tree, "安全")
    assert [(f["severity"], f["message"], f["fix"]) for f in _findings(tree, tmp_path)] == [
        ("error", "“主题分类”填的“安全”不在可选范围内",
         "“安全”是几个可选值的一部分，写出其中完整的一个：“市场监管、安全生产监管”、“公安、安全、司法”")]
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site")
    assert result.code == 1 and not (tree / "site").exists()


def test_list_items_split_at_commas_keep_options_that_contain_the_enumeration_comma(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / NEW).write_text(DOC.replace("主题分类: 科技、教育", "主题分类: 科技、教育\n"
                                        "公开类别: 财政预算、决算信息，重大建设项目的批准和实施情况"), encoding="utf-8")
    assert _findings(tree, tmp_path) == []
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site")
    assert result.code == 0, result.text
    statutory = links(article(tree / "site", "fdzdgknr/index.html"))
    for name, slug in (("财政预算、决算信息", "budgets"), ("重大建设项目的批准和实施情况", "construction-projects")):
        assert statutory[name] == f"{slug}/index.html"
        assert links(article(tree / "site", f"fdzdgknr/{slug}/index.html"))["新文件"] == "../../wj/xin.html"


def test_new_document_takes_a_piece_of_an_option_and_writes_the_whole_one(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    result = run_cli("--root", tree, "new", "document", "--title", "测试县财政局关于预算公开的通知", "--number", "测财发〔2024〕1号",
                     "--issuer", "测试县财政局", "--type", "其他文件", "--theme", "金融", "--today", "2024-07-01")
    assert result.code == 0, result.text
    assert "主题分类按完整的可选值填写：“财政、金融、审计”" in result.out
    written = (tree / "content/documents/2024/ccf-2024-1.md")
    assert "主题分类: 财政、金融、审计\n" in written.read_text(encoding="utf-8")

    refused = run_cli("--root", tree, "new", "document", "--title", "另一份", "--type", "其他文件", "--theme", "安全",
                      "--today", "2024-07-01")
    assert refused.code == 1
    assert "--theme（主题分类）：“主题分类”填的“安全”不在可选范围内 — “安全”是几个可选值的一部分，写出其中完整的一个：" \
           "“市场监管、安全生产监管”、“公安、安全、司法”" in refused.err
