"""build.py migrate on fictional TRS WCM, 开普云 and 大汉 mirrors (tests/legacy_sites.py): every article
becomes a document or 解读 with the values its page states, 索引号 pinned, old URLs mapped to live pages,
bad input reported in Chinese, and the following build succeeds. Read through the real CLI and parsers."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tarfile
from pathlib import Path
from urllib.parse import unquote

import legacy_sites as L
import pytest
import yaml
from conftest import ROOT, TODAY, build, copy_fixture, page, run_cli
from selectolax.lexbor import LexborHTMLParser
from test_terminal_chinese import english_lines

sys.path.insert(0, str(ROOT / "hooks"))
from zwgk.checks.personal_data import scan_text  # noqa: E402

SITES = {"trs": L.trs_site, "kaipu": L.kaipu_site, "dahan": L.dahan_site}


def _migrate(tree: Path, mirror: Path):  # noqa: ANN202 - conftest.Run
    return run_cli("--root", tree, "migrate", mirror, "--today", TODAY)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = {}
    for name, make in SITES.items():
        base = tmp_path_factory.mktemp(name)
        mirror = make(base / "mirror")
        tree = copy_fixture("mini", base)
        result = _migrate(tree, mirror.root)
        report = json.loads((tree / "migration" / "report.json").read_text(encoding="utf-8"))
        out[name] = (mirror, tree, result, report)
    return out


def _front(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def _file_of(report: dict, url: str) -> Path | None:
    return next((Path(f["文件"]) for f in report["文件"] if url in f["旧网址"]), None)


def _planted_urls(mirror: L.Mirror, kind: str) -> set[str]:
    return {p.url for p in mirror.planted_of(kind)}


@pytest.mark.parametrize("name", SITES)
def test_migrate_succeeds_and_says_what_it_did_in_chinese(migrated, name):
    _, tree, result, report = migrated[name]
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert "迁移完成" in result.out and "migration/report.html" in result.out
    assert english_lines(result.text) == []
    assert report["数字"]["读取网页"] == sum(1 for p in (migrated[name][0].root).rglob("*.htm*"))


@pytest.mark.parametrize("name", SITES)
def test_each_article_keeps_the_values_its_page_states(migrated, name):
    mirror, tree, _, report = migrated[name]
    skipped = _planted_urls(mirror, L.HUGE) | _planted_urls(mirror, L.NO_BODY)
    checked = 0
    for a in mirror.articles:
        if a.kind == "interpretation" or a.duplicate_of or a.url in skipped:
            continue
        rel = _file_of(report, a.url)
        assert rel is not None, f"{a.url} was not migrated"
        meta, _ = _front(tree / rel)
        assert meta["标题"] == a.title
        if a.number:
            assert meta["文号"] == a.number  # 【2019】 read as 〔2019〕
            assert rel.stem == rel.stem.lower() and "-" in rel.stem  # the file name comes from the 文号
        else:
            assert "文号" not in meta
        if "索引号" in a.fields:
            assert meta["索引号"] == a.fields["索引号"]
        if a.published:
            assert str(meta["发布日期"]) == a.published.isoformat()
        if "发文机关" in a.fields:
            assert meta["发文机关"] == a.fields["发文机关"]
        if "成文日期" in a.fields:
            assert str(meta["成文日期"]) == a.fields["成文日期"]
        if a.fields.get("主题分类") == "交通运输":  # not a national category: the nearest, marked as a guess
            assert meta["主题分类"] == "工业、交通"
            assert "迁移推测：旧网页的主题分类是“交通运输”" in (tree / rel).read_text(encoding="utf-8")
        checked += 1
    assert checked >= 2


def test_a_number_the_body_cites_is_not_taken_for_the_documents_own(migrated):
    mirror, tree, _, report = migrated["trs"]
    (cited,) = mirror.planted_of(L.CITED_NUMBER)
    meta, body = _front(tree / _file_of(report, cited.url))
    assert meta["文号"] != cited.detail and cited.detail in body


@pytest.mark.parametrize("name", SITES)
def test_published_index_numbers_are_pinned_in_the_registry(migrated, name):
    mirror, tree, _, report = migrated[name]
    registry = yaml.safe_load((tree / "content" / "index-numbers.yml").read_text(encoding="utf-8"))
    pinned = set()
    for a in mirror.articles:
        rel = _file_of(report, a.url)
        if "索引号" in a.fields and rel is not None and "documents" in rel.parts:
            assert registry[rel.stem] == a.fields["索引号"]
            pinned.add(rel)  # a document in two columns is one document
    assert pinned and report["数字"]["固定的索引号"] == len(pinned)


@pytest.mark.parametrize("name", SITES)
def test_interpretations_reach_their_original_by_link_documentid_number_or_title(migrated, name):
    mirror, tree, _, report = migrated[name]
    linked = 0
    for a in mirror.articles:
        if a.kind != "interpretation":
            continue
        rel = _file_of(report, a.url)
        if not a.interprets:
            assert rel is None
            assert any(p["文件"] == a.url and "原文不在镜像中" in p["问题"] for p in report["问题"])
            continue
        assert rel is not None, f"{a.url} not migrated"
        meta, _ = _front(tree / rel)
        original = _file_of(report, a.interprets)
        assert meta["解读对象"] == [original.stem]
        linked += 1
    assert linked >= 1


def test_a_document_in_two_columns_becomes_one_with_both_urls_redirected(migrated):
    mirror, tree, _, report = migrated["trs"]
    (dup,) = mirror.planted_of(L.DUPLICATE)
    entry = next(f for f in report["文件"] if dup.detail in f["旧网址"])
    assert dup.url in entry["旧网址"]
    assert sum(1 for f in report["文件"] if f["文件"] == entry["文件"]) == 1
    redirects = dict(line.split("\t") for line in (tree / "migration" / "redirects.tsv").read_text(
        encoding="utf-8").splitlines()[1:])
    assert redirects[dup.url] == redirects[dup.detail] == "/" + entry["新网页"]
    assert any(s["网址"] == dup.url and "同一份文件" in s["原因"] for s in report["跳过的网页"])


def test_bad_input_is_reported_page_by_page_in_chinese(migrated):
    lines = []
    for name in SITES:
        mirror, _, _, report = migrated[name]
        skipped = {s["网址"]: s["原因"] for s in report["跳过的网页"]}
        for p in mirror.planted_of(L.HUGE):
            assert "文件太大" in skipped[p.url]
        for p in mirror.planted_of(L.FRAMESET):
            assert "框架页" in skipped[p.url]
        for p in mirror.planted_of(L.NO_BODY):
            assert "没有正文" in skipped[p.url]
        problems = report["问题"]
        for kind, words in ((L.TRUNCATED, "网页不完整"), (L.EXTERNAL_ATTACHMENT, "其他网站"),
                            (L.MISSING_ATTACHMENT, "不在镜像中"), (L.IFRAME, "内嵌框架")):
            for p in mirror.planted_of(kind):
                source = f"content/{_file_of(report, p.url).as_posix().removeprefix('content/')}"
                assert any(x["文件"] == source and words in x["问题"] and x["怎么办"] for x in problems), (kind, p.url)
                lines.append(kind)
    assert {L.TRUNCATED, L.EXTERNAL_ATTACHMENT, L.MISSING_ATTACHMENT, L.IFRAME} <= set(lines)


def test_gbk_pages_with_and_without_a_declaration_are_read(migrated):
    for name in ("trs", "dahan"):
        mirror, tree, _, report = migrated[name]
        assert report["编码"].get("GBK/GB18030")
        for p in mirror.planted_of(L.NON_UTF8):
            rel = _file_of(report, p.url)
            if rel is not None:
                meta, _ = _front(tree / rel)
                assert meta["标题"] == mirror.article(p.url).title


def test_personal_data_is_not_published_again(migrated):
    mirror, tree, _, report = migrated["trs"]
    (url,) = _planted_urls(mirror, L.PERSONAL_DATA)
    text = (tree / _file_of(report, url)).read_text(encoding="utf-8")
    assert scan_text(text) == []
    assert "*" in text and any("已打码" in p["问题"] for p in report["问题"])


def test_bodies_are_clean_markdown_without_page_chrome(migrated):
    mirror, tree, _, report = migrated["trs"]
    _, body = _front(tree / _file_of(report, "/xxgk/zcwj/202405/t20240508_1001.htm"))
    assert "### 一、工作目标" in body and "| 阶段 | 时间 | 责任单位 |" in body and "\n1. 完善分类投放设施" in body
    for name in SITES:
        tree, report = migrated[name][1], migrated[name][3]
        for f in report["文件"]:
            _, body = _front(tree / f["文件"])
            for chrome in ("打印本页", "关闭窗口", "分享到", "window.", "<script", "当前位置", "字号", "浏览次数"):
                assert chrome not in body, (f["文件"], chrome)


def test_attachments_are_copied_and_listed(migrated):
    mirror, tree, _, report = migrated["trs"]
    meta, body = _front(tree / _file_of(report, "/xxgk/zcwj/202405/t20240508_1001.htm"))
    (listed,) = meta["附件"]
    assert (tree / "content" / "attachments" / listed).read_bytes() == \
        (mirror.root / "xxgk/zcwj/202405/P020240510395712345678.pdf").read_bytes()


@pytest.mark.parametrize("name", SITES)
def test_the_site_builds_and_every_old_url_maps_to_a_built_page(migrated, name):
    mirror, tree, _, report = migrated[name]
    site = build(tree)
    rows = (tree / "migration" / "redirects.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows
    for row in rows:
        old, new = row.split("\t")
        assert (site / unquote(new).lstrip("/")).is_file(), (old, new)
    for a in mirror.articles:
        rel = _file_of(report, a.url)
        if rel is not None and "documents" in rel.parts and "索引号" in a.fields:
            cells = [td.text(strip=True) for td in page(site, f"wj/{rel.stem}.html").css("td")]
            assert a.fields["索引号"] in cells


def _snapshot(tree: Path) -> dict[str, str]:
    files = [p for p in (tree / "content").rglob("*") if p.is_file()] + \
        [tree / "migration" / n for n in ("columns.yml", "redirects.tsv", "manifest.json")]
    return {p.relative_to(tree).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_rerun_is_idempotent_keeps_edits_and_follows_the_column_file(migrated, tmp_path):
    mirror, tree, _, report = migrated["trs"]
    tree = Path(shutil.copytree(tree, tmp_path / "again"))
    shutil.rmtree(tree / "site", ignore_errors=True)
    before = _snapshot(tree)
    assert _migrate(tree, mirror.root).code == 0
    assert _snapshot(tree) == before

    edited = tree / _file_of(report, "/xxgk/zcwj/202405/t20240508_1001.htm")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编辑补充的一段。\n", encoding="utf-8")
    columns = tree / "migration" / "columns.yml"
    text = columns.read_text(encoding="utf-8")
    start = text.index('"/xxgk/gzdt/":')
    end = text.index("归入:", start)
    columns.write_text(text[:end] + "归入: 跳过" + text[text.index("\n", end):], encoding="utf-8")
    result = _migrate(tree, mirror.root)
    assert result.code == 0, result.text
    assert "编辑补充的一段。" in edited.read_text(encoding="utf-8")
    again = json.loads((tree / "migration" / "report.json").read_text(encoding="utf-8"))
    assert any(p["文件"] == edited.relative_to(tree).as_posix() and "被修改过" in p["问题"] for p in again["问题"])
    news = _file_of(report, "/xxgk/gzdt/202406/t20240610_1301.htm")
    assert not (tree / news).exists() and _file_of(again, "/xxgk/gzdt/202406/t20240610_1301.htm") is None
    assert "归入: 跳过\n" in columns.read_text(encoding="utf-8")  # the editor's choice, no longer a guess


def test_a_wrong_value_in_the_column_file_is_named_with_its_line(migrated, tmp_path):
    mirror, tree, _, _ = migrated["kaipu"]
    tree = Path(shutil.copytree(tree, tmp_path / "bad"))
    columns = tree / "migration" / "columns.yml"
    lines = columns.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("归入:"))
    lines[at] = "  归入: 新闻"
    columns.write_text("\n".join(lines), encoding="utf-8")
    result = _migrate(tree, mirror.root)
    assert result.code == 1 and "Traceback" not in result.text
    assert f"migration/columns.yml:{at + 1}: 归入“新闻”不是可选的值 — 写 政策文件、政策解读、年度报告、跳过 之一" in result.err


def test_the_report_is_readable_html_with_the_figures(migrated):
    _, tree, _, report = migrated["trs"]
    html = LexborHTMLParser((tree / "migration" / "report.html").read_text(encoding="utf-8"))
    assert html.css_first("h1").text() == "旧网站迁移报告"
    assert html.css_first("script") is None
    cells = [td.text(strip=True) for td in html.css("td")]
    assert str(report["数字"]["读取网页"]) in cells
    heads = [h.text() for h in html.css("h2")]
    assert any(h.startswith("各项找到情况") for h in heads) and any(h.startswith("推测的值") for h in heads)
    assert report["各项找到情况"]["索引号"]["找到"] >= 5
    assert all(g["原因"] for g in report["推测"])
    # a document with no 索引号 on its page is named with the field and what follows
    mirror = migrated["trs"][0]
    for a in mirror.articles:
        rel = _file_of(report, a.url)
        if a.kind == "document" and rel is not None and "documents" in rel.parts and not a.duplicate_of:
            named = {m["项目"] for m in report["没有找到的项"] if m["文件"] == rel.as_posix()}
            assert ("索引号" in named) == ("索引号" not in a.fields), a.url
    assert any(h.startswith("没有找到的项") for h in heads)


def test_a_missing_mirror_folder_is_said_in_chinese(tmp_path):
    tree = copy_fixture("mini", tmp_path)
    result = _migrate(tree, tmp_path / "没有这个文件夹")
    assert result.code == 1 and "找不到这个文件夹" in result.err and "Traceback" not in result.text


_HOSTILE = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content='示例县关于"加强"管理的通知: #1 --- &lt;b&gt;'>
<meta name="PubDate" content="2024-02-03 10:00"><meta name="ContentSource" content="示例县人民政府"></head><body>
<div class="TRS_Editor"><p>正文第一段。&lt;script&gt;alert(1)&lt;/script&gt;</p><script>alert(2)</script>
<p><a href="javascript:alert(3)">点我</a> <a href="http://外站.example/x.htm">外站</a></p>
<p onclick="alert(4)"><img src="x.png" onerror="alert(5)" alt="图"></p></div></body></html>"""


def test_hostile_content_is_escaped_and_never_runs(tmp_path):
    """Text from an old page is data: a title breaking YAML, scripts, javascript: links, event handlers."""
    mirror = tmp_path / "mirror"
    (mirror / "xxgk" / "tzgg" / "202402").mkdir(parents=True)
    (mirror / "xxgk/tzgg/202402/t20240203_1.htm").write_text(_HOSTILE, encoding="utf-8")
    (mirror / "frames.htm").write_text('<frameset><frame src="xxgk/tzgg/index.htm"></frameset>', encoding="utf-8")
    tree = copy_fixture("mini", tmp_path)
    result = _migrate(tree, mirror)
    assert result.code == 0, result.text
    report = json.loads((tree / "migration" / "report.json").read_text(encoding="utf-8"))
    meta, body = _front(tree / _file_of(report, "/xxgk/tzgg/202402/t20240203_1.htm"))
    assert meta["标题"] == '示例县关于"加强"管理的通知: #1 --- <b>'
    assert "alert(2)" not in body and "javascript:" not in body and "onclick" not in body and "onerror" not in body
    assert "x.png" not in body  # an image missing from the mirror leaves its alt text only
    assert any(s["网址"] == "/frames.htm" and "框架页" in s["原因"] for s in report["跳过的网页"])
    site = build(tree)
    built = (site / "wj" / f"{_file_of(report, '/xxgk/tzgg/202402/t20240203_1.htm').stem}.html").read_text(encoding="utf-8")
    tree_html = LexborHTMLParser(built)
    assert not any("alert" in (s.text() or "") for s in tree_html.css("script"))
    assert tree_html.css_first("h1").text(strip=True) == '示例县关于"加强"管理的通知: #1 --- <b>'
    assert "<b>" not in built.split("<h1", 1)[1].split("</h1>", 1)[0]


def test_a_columns_category_and_domain_reach_its_documents(migrated, tmp_path):
    mirror, tree, _, report = migrated["trs"]
    tree = Path(shutil.copytree(tree, tmp_path / "mapped", ignore=shutil.ignore_patterns("site")))
    columns = tree / "migration" / "columns.yml"
    text = columns.read_text(encoding="utf-8")
    at = text.index("归入:", text.index('"/xxgk/zcwj/":'))
    line_end = text.index("\n", at)
    columns.write_text(text[:line_end] + '\n  公开类别: ["行政法规、规章和规范性文件"]\n  领域: [社会救助]' + text[line_end:],
                       encoding="utf-8")
    assert _migrate(tree, mirror.root).code == 0
    meta, _ = _front(tree / _file_of(report, "/xxgk/zcwj/201910/t20191009_1002.htm"))
    assert meta["公开类别"] == ["行政法规、规章和规范性文件"] and meta["领域"] == ["社会救助"]
    other, _ = _front(tree / _file_of(report, "/xxgk/gzdt/202406/t20240610_1301.htm"))
    assert "公开类别" not in other
    site = build(tree)
    cells = [td.text(strip=True) for td in page(site, f"wj/{_file_of(report, '/xxgk/zcwj/201910/t20191009_1002.htm').stem}.html").css("td, a")]
    assert "社会救助" in cells


@pytest.mark.parametrize("name", SITES)
def test_migrate_audits_the_old_site_first_and_writes_the_redirect_maps(migrated, name):
    mirror, tree, result, report = migrated[name]
    audit = json.loads((tree / "migration" / "旧网站检查报告" / "audit.json").read_text(encoding="utf-8"))
    assert audit and report["旧网站检查"]["问题"] > 0 and f"旧网站检查：{report['旧网站检查']['问题']} 个问题" in result.out
    assert report["旧网站检查"]["报告"] == "migration/旧网站检查报告/audit.html"
    for written in ("deploy/legacy-redirects-map.conf", "deploy/legacy-redirects.htaccess",
                    "deploy/legacy-redirects.web.config", "migration/redirects.tsv"):
        assert written in report["跳转配置"] and (tree / written).is_file()
    nginx_map = (tree / "deploy" / "legacy-redirects-map.conf").read_text(encoding="utf-8")
    first = next(f for f in report["文件"] if f["文件"].startswith("content/documents/"))
    assert first["旧网址"][0] in nginx_map and first["新网页"] in nginx_map


def test_package_carries_the_redirect_maps_migrate_wrote(migrated):
    """The webmaster deploys the package: the maps of the old URLs must travel in it, byte for byte."""
    _, tree, _, _ = migrated["trs"]
    result = run_cli("--root", tree, "package")
    assert result.code == 0, result.text
    assert "legacy-redirects" in result.out
    written = {p.name: p.read_bytes() for p in (tree / "deploy").glob("legacy-redirects*")}
    assert "legacy-redirects-map.conf" in written and "legacy-redirects.web.config" in written
    archive = next((tree / "dist").glob("*.tar.gz"))
    with tarfile.open(archive) as tar:
        packed = {Path(m.name).name: tar.extractfile(m).read() for m in tar.getmembers()
                  if m.isfile() and "/deploy/legacy-redirects" in m.name}
    assert packed == written
