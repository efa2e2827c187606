"""Each check finds the defect planted in a copy of the small tree: exact rule, file and line."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, copy_fixture, edit, run_cli
from selectolax.lexbor import LexborHTMLParser

DOCS = "content/documents/2024"
INTERP = "content/interpretations/jd-cjf-2024-1.md"


def _findings(tree: Path, *extra: str) -> tuple[int, list[dict]]:
    out = tree / "report.json"
    result = run_cli("--root", tree, "check", "--json", out, *extra)
    assert "Traceback" not in result.text
    return result.code, json.loads(out.read_text(encoding="utf-8"))["findings"]


def _has(findings: list[dict], rule: str, file: str, line: int, fragment: str, severity: str = "error") -> None:
    matching = [f for f in findings if f["rule"] == rule and f["file"] == file and f["line"] == line
                and fragment in f["message"] and f["severity"] == severity]
    assert matching, json.dumps(findings, ensure_ascii=False, indent=1)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_fixture("mini", tmp_path)


def test_clean_tree_has_no_findings_beyond_the_bracket_warning(tree: Path) -> None:
    code, findings = _findings(tree)
    assert code == 0
    assert [f["rule"] for f in findings] == ["input"]  # the 文号 bracket warning of the fixture


# --- links in the built site -------------------------------------------------------------

def test_broken_link_in_a_body_is_reported_at_its_source_line(tree: Path) -> None:
    edit(tree, INTERP, "资助标准见", "另见[不存在的页面](../zcwj/nope.html)，资助标准见")
    code, findings = _findings(tree)
    assert code == 1
    _has(findings, "links.internal", INTERP, 12, "链接“../zcwj/nope.html”指向的页面或文件不存在（在生成的页面 zcjd/jd-cjf-2024-1.html）")


def test_broken_anchor_is_reported(tree: Path) -> None:
    edit(tree, INTERP, "资助标准见", "见[第二条](../wj/cjf-2024-1.html#nowhere)，资助标准见")
    code, findings = _findings(tree)
    assert code == 1
    _has(findings, "links.internal", INTERP, 12, "指向的位置“#nowhere”在页面中不存在")


def test_broken_link_in_raw_html_of_a_body_is_traced_too(tree: Path) -> None:
    edit(tree, INTERP, "资助标准见", '<img src="tu.png" alt="图">资助标准见')
    code, findings = _findings(tree)
    _has(findings, "links.internal", INTERP, 12, "链接“tu.png”指向的页面或文件不存在")


def test_working_anchor_to_a_heading_passes(tree: Path) -> None:
    edit(tree, INTERP, "资助标准见", "见[指南](../pages/zhinan.md#一、主动公开)，资助标准见")
    code, findings = _findings(tree)
    assert code == 0, findings


def test_template_links_are_traced_to_the_template_line(tree: Path) -> None:
    from zwgk.build.sitebuild import prepare

    site, problems = prepare(tree)
    assert site is not None, problems.report()
    where = site.locate("wj/cjf-2024-1.html", "../wzdt/index.html")
    footer = (ROOT / "theme/zwgk/footer.html").read_text(encoding="utf-8").split("\n")
    assert where.file == "theme/zwgk/footer.html"
    assert "paths.SITEMAP" in footer[where.line - 1]
    where = site.locate("wj/cjf-2024-1.html", "../zcjd/jd-cjf-2024-1.html")
    document = (ROOT / "theme/zwgk/document.html").read_text(encoding="utf-8").split("\n")
    assert where.file == "theme/zwgk/document.html" and "interpretation_path" in document[where.line - 1]


def test_link_check_reads_real_html_and_counts_links(tree: Path) -> None:
    from zwgk.checks.links import check_built_site
    from zwgk.content.model import Source
    from zwgk.base.problems import Problems

    site = tree / "built"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(
        '<p id="top">x</p><a href="../b.html#sec">ok</a><a href="../b.html#gone">bad anchor</a>'
        '<img src="missing.png"><a href="https://example.invalid/x">out</a><a href="#top">self</a>'
        "<!-- <a href=\"nothing.html\">commented out</a> -->", encoding="utf-8")
    (site / "b.html").write_text('<h2 id="sec">s</h2><a href="a/">dir</a>', encoding="utf-8")
    problems = Problems(tree)
    report = check_built_site(site, lambda page, href: Source(page, 1), problems)
    assert (report.pages, report.links, report.broken) == (2, 6, 2)
    assert sorted(p.message.split("（")[0] for p in problems.errors) == [
        "链接“../b.html#gone”指向的位置“#gone”在页面中不存在", "链接“missing.png”指向的页面或文件不存在"]
    assert list(report.external) == ["https://example.invalid/x"]


def test_link_check_treats_the_site_address_and_its_path_as_the_site(tree: Path) -> None:
    """With 网站地址, canonical links to it are pages of the site, and the 404 page's links from its path are too."""
    from zwgk.checks.links import check_built_site
    from zwgk.content.model import Source
    from zwgk.base.problems import Problems

    site = tree / "built"
    (site / "wj").mkdir(parents=True)
    (site / "wj" / "a.html").write_text('<link rel="canonical" href="https://gov.example/zwgk/wj/a.html">'
                                        '<a href="https://gov.example/zwgk/wj/gone.html">x</a>', encoding="utf-8")
    (site / "404.html").write_text('<a href="/zwgk/">home</a><a href="/zwgk/wj/a.html">a</a>'
                                   '<a href="/other/a.html">elsewhere</a><a href="/zwgk/gone.html">gone</a>'
                                   '<a href="https://gov.example/zwgkx/">not ours</a>', encoding="utf-8")
    (site / "index.html").write_text("home", encoding="utf-8")
    problems = Problems(tree)
    report = check_built_site(site, lambda page, href: Source(page, 1), problems, "https://gov.example/zwgk/")
    assert sorted(p.message.split("（")[0] for p in problems.errors) == [
        "链接“/other/a.html”不在网站地址 /zwgk/ 之下", "链接“/zwgk/gone.html”指向的页面或文件不存在",
        "链接“https://gov.example/zwgk/wj/gone.html”指向的页面或文件不存在"]
    assert list(report.external) == ["https://gov.example/zwgkx/"]


# --- catalogue coverage, empty columns ---------------------------------------------------

def test_uncovered_proactive_item_is_an_error_at_its_line(tree: Path) -> None:
    edit(tree, f"{DOCS}/cjf-2024-2.md", "目录事项: YWJY-02\n", "")
    code, findings = _findings(tree)
    assert code == 1
    _has(findings, "coverage.missing", "catalogues/county/education.yml", 16, "主动公开事项“YWJY-02”（招生入学）没有任何已公开的文件或页面")


def test_explained_item_is_a_warning_and_report_has_coverage(tree: Path) -> None:
    edit(tree, f"{DOCS}/cjf-2024-2.md", "目录事项: YWJY-02\n", "")
    edit(tree, "catalogues/county/education.yml", "    公开层级: 县级\n",
          "    公开层级: 县级\n    暂无内容说明:\n      原因: 招生方案尚在制定\n      日期: 2024-06-01\n")
    out = tree / "report.json"
    result = run_cli("--root", tree, "check", "--json", out)
    assert result.code == 0, result.text
    data = json.loads(out.read_text(encoding="utf-8"))
    _has(data["findings"], "coverage.explained", "catalogues/county/education.yml", 16,
         "主动公开事项“YWJY-02”暂无内容（招生方案尚在制定，说明日期 2024-06-01）", "warning")
    assert data["coverage"] == [{"domain": "义务教育", "town": None, "items": 3, "proactive": 2, "covered": 1, "explained": 1,
                                 "percent": 50.0}]


def test_on_request_document_does_not_cover_a_proactive_item(tree: Path) -> None:
    edit(tree, f"{DOCS}/cjf-2024-2.md", "目录事项: YWJY-02\n", "")
    edit(tree, f"{DOCS}/cjf-2024-3.md", "目录事项: [YWJY-03]", "目录事项: [YWJY-03, YWJY-02]")
    code, findings = _findings(tree)
    _has(findings, "coverage.missing", "catalogues/county/education.yml", 16, "YWJY-02")


def test_empty_column_is_an_error(tree: Path) -> None:
    (tree / INTERP).unlink()
    code, findings = _findings(tree)
    assert code == 1
    _has(findings, "sections.empty", "content/interpretations", 0, "栏目“政策解读”（zcjd/index.html）没有内容")


# --- timeliness and 三同步 --------------------------------------------------------------

def test_late_publication_counts_working_days_with_holidays(tree: Path) -> None:
    # 2024-03-01 → 2024-04-15: 清明 4–6 April off, Sunday 7 April a make-up working day.
    edit(tree, f"{DOCS}/cjf-2024-2.md", "发布日期: 2024年4月3日", "发布日期: 2024-04-15")
    edit(tree, f"{DOCS}/cjf-2024-2.md", "成文日期: 2024-04-01", "成文日期: 2024-03-01")
    code, findings = _findings(tree)
    assert code == 0
    _has(findings, "timeliness.late", f"{DOCS}/cjf-2024-2.md", 6, "发布日期比成文日期晚 30 个工作日", "warning")


def test_stale_columns_relative_to_the_given_day(tree: Path) -> None:
    code, findings = _findings(tree, "--today", "2025-12-31")
    assert code == 0
    # Each warning names the column's newest file and the line of its 发布日期.
    _has(findings, "timeliness.stale", f"{DOCS}/cjf-2024-2.md", 6,
         "栏目“政策文件”最新的一篇是这个文件，发布日期 2024-04-03，已超过 6 个月未更新（检查日期 2025-12-31）", "warning")
    _has(findings, "timeliness.stale", "content/pages/nianbao-2024.md", 4,
         "栏目“首页”最新的一篇是这个文件，发布日期 2025-01-20", "warning")
    assert not [f for f in findings if f["rule"] == "timeliness.stale" and not f["line"]]
    code, findings = _findings(tree, "--today", "2024-07-01")
    assert not [f for f in findings if f["rule"] == "timeliness.stale" and "政策文件" in f["message"]]


def test_years_without_holiday_data_are_said(tree: Path) -> None:
    edit(tree, f"{DOCS}/cjf-2024-2.md", "发布日期: 2024年4月3日", "发布日期: 2099-04-03")
    edit(tree, f"{DOCS}/cjf-2024-2.md", "成文日期: 2024-04-01", "成文日期: 2099-04-01")
    code, findings = _findings(tree)
    _has(findings, "timeliness.calendar", "content", 0, "节假日数据还没有 2099 年", "warning")


def test_late_and_missing_interpretations(tree: Path) -> None:
    edit(tree, INTERP, "发布日期: 2024-03-05", "发布日期: 2024-03-10")
    code, findings = _findings(tree)
    _has(findings, "sync.late-interpretation", INTERP, 6, "解读比原文 cjf-2024-1 晚 5 天发布", "warning")
    (tree / INTERP).write_text((tree / INTERP).read_text(encoding="utf-8").replace("[cjf-2024-1]", "[cjf-2024-2]"),
                               encoding="utf-8")
    code, findings = _findings(tree)
    _has(findings, "sync.missing-interpretation", f"{DOCS}/cjf-2024-1.md", 9, "行政规范性文件没有政策解读", "warning")


# --- personal data ---------------------------------------------------------------------

def _id_number() -> str:
    base = "11010119900307123"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return base + "10X98765432"[sum(int(c) * w for c, w in zip(base, weights)) % 11]


def test_personal_data_in_published_text_is_an_error_and_masked(tree: Path) -> None:
    mobile, id_number = "13912345678", _id_number()
    edit(tree, f"{DOCS}/cjf-2024-1.md", "第二条", f"联系人电话 {mobile}。\n\n第二条")
    edit(tree, "catalogues/county/education.yml", "公开内容: 受助学生名单", f"公开内容: 受助学生名单（样例 {id_number}）")
    (tree / "content/attachments/2024/资助标准表.txt").write_text(f"等级,标准\n一档,1000,卡号 {_luhn_card()}\n",
                                                                  encoding="utf-8")
    # not published, so not reported: the body of a 依申请公开 and of a 此件不予公开 document
    edit(tree, f"{DOCS}/cjf-2024-3.md", "ONREQUESTBODYMARKER", f"ONREQUESTBODYMARKER {mobile}")
    edit(tree, f"{DOCS}/cjf-2024-4.md", "WITHHELDBODYMARKER", f"WITHHELDBODYMARKER {mobile}")
    code, findings = _findings(tree)
    assert code == 1
    privacy = [f for f in findings if f["rule"] == "privacy.personal-data"]
    assert len(privacy) == 3, privacy
    _has(findings, "privacy.personal-data", f"{DOCS}/cjf-2024-1.md", 17, "发现手机号码 139******78")
    _has(findings, "privacy.personal-data", "catalogues/county/education.yml", 28, "发现身份证号 1101**********")
    _has(findings, "privacy.personal-data", "content/attachments/2024/资助标准表.txt", 2, "发现银行卡号 ")
    report = (tree / "report.json").read_text(encoding="utf-8")
    assert mobile not in report and id_number not in report and _luhn_card() not in report


def _luhn_card() -> str:
    body = "622202020011223344"
    total = 0
    for i, digit in enumerate(reversed(body)):
        n = int(digit) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return body + str((10 - total % 10) % 10)


def test_allow_listed_number_passes(tree: Path) -> None:
    edit(tree, f"{DOCS}/cjf-2024-1.md", "第二条", "值班电话 13912345678。\n\n第二条")
    (tree / "content/personal-data-allow.yml").write_text(
        "允许公开:\n  - 号码: 139-1234-5678\n    说明: 公开的值班电话\n", encoding="utf-8")
    code, findings = _findings(tree)
    assert code == 0, findings
    assert not [f for f in findings if f["rule"] == "privacy.personal-data"]


def test_personal_data_in_on_request_metadata_is_reported(tree: Path) -> None:
    edit(tree, f"{DOCS}/cjf-2024-3.md", "内容概述: ONREQUESTSUMMARYMARKER", "内容概述: 联系 13912345678")
    code, findings = _findings(tree)
    _has(findings, "privacy.personal-data", f"{DOCS}/cjf-2024-3.md", 14, "发现手机号码")


# --- consistency rules carry their ids -----------------------------------------------

@pytest.mark.parametrize("rel,old,new,rule,file,line", [
    (f"{DOCS}/cjf-2024-2.md", "测教发[2024]2号", "测教发〔2024〕1号", "consistency.duplicate", f"{DOCS}/cjf-2024-2.md", 3),
    (f"{DOCS}/cjf-2023-9.md", "废止日期: 2024-04-03\n", "", "consistency.no-repeal-date", f"{DOCS}/cjf-2023-9.md", 8),
    (INTERP, "[cjf-2024-1]", "[cjf-2024-4]", "consistency.withheld-interpretation", INTERP, 3),
    (f"{DOCS}/cjf-2023-9.md", "替代文件: cjf-2024-2", "替代文件: cjf-2024-3", "consistency.hidden-reference", f"{DOCS}/cjf-2023-9.md", 10),
    (INTERP, "../documents/2024/cjf-2024-1.md", "../documents/2024/cjf-2024-3.md", "consistency.hidden-reference", INTERP, 12),
])
def test_consistency_rules(tree: Path, rel: str, old: str, new: str, rule: str, file: str, line: int) -> None:
    edit(tree, rel, old, new)
    code, findings = _findings(tree)
    assert code == 1
    assert any(f["rule"] == rule and f["file"] == file and f["line"] == line for f in findings), findings


# --- reports --------------------------------------------------------------------------

def test_check_leaves_site_alone_and_writes_html_report(tree: Path) -> None:
    site = tree / "site"
    site.mkdir()
    (site / "marker.txt").write_text("old", encoding="utf-8")
    html = tree / "out" / "自查报告.html"
    result = run_cli("--root", tree, "check", "--html", html)
    assert result.code == 0, result.text
    assert sorted(p.name for p in site.iterdir()) == ["marker.txt"]
    page = LexborHTMLParser(html.read_text(encoding="utf-8"))
    assert page.css_first("title").text().endswith("政务公开自查报告（2024-07-01）")
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in page.css("table")[0].css("tbody tr")]
    assert rows == [["义务教育", "3", "2", "2", "0", "100.0%"]]
    assert not [n for n in page.css("[src], link[href]") if "//" in (n.attributes.get("src") or n.attributes.get("href") or "")]


def test_report_is_published_only_when_asked(tree: Path) -> None:
    assert run_cli("--root", tree, "build").code == 0
    assert not (tree / "site" / "zicha.html").exists()
    assert run_cli("--root", tree, "build", "--with-report").code == 0
    assert "政务公开自查报告" in (tree / "site" / "zicha.html").read_text(encoding="utf-8")


def test_the_published_report_names_nothing_that_is_not_published(tree: Path) -> None:
    """zicha.html goes out with the site: problems of a withheld document (its 文号, its file) and of files
    the site does not publish are left out of it, and counted; `check --html` still lists them all."""
    withheld = "content/documents/2024/cjf-2024-4.md"
    edit(tree, withheld, "WITHHELDNUMBER〔2024〕4号", "WITHHELDNUMBER[2024]4号")  # a bracket warning naming it
    (tree / "content" / "documents" / "2024" / "WITHHELDSTRAY名单.xlsx").write_bytes(b"PK")  # "不会发布" warning
    assert run_cli("--root", tree, "build", "--with-report").code == 0
    page = LexborHTMLParser((tree / "site" / "zicha.html").read_text(encoding="utf-8"))
    text = page.body.text()
    assert "WITHHELD" not in text and "cjf-2024-4" not in text
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in page.css("table")[-1].css("tbody tr")]
    assert [r[0] for r in rows] == ["content/documents/2024/cjf-2024-2.md"]  # the public document's own warning stays
    assert "另有 2 个问题涉及不公开的文件或不发布的内容" in text
    assert run_cli("--root", tree, "check", "--html", tree / "full.html").code == 0
    full = (tree / "full.html").read_text(encoding="utf-8")
    assert "WITHHELDNUMBER〔2024〕4号" in full and "WITHHELDSTRAY名单.xlsx" in full and "另有" not in full


def test_a_rebuild_replaces_the_site_and_removes_the_old_one(tree: Path) -> None:
    import time

    assert run_cli("--root", tree, "build").code == 0
    (tree / "site" / "stale.html").write_text("old", encoding="utf-8")
    assert run_cli("--root", tree, "build").code == 0
    assert not (tree / "site" / "stale.html").exists() and (tree / "site" / "index.html").is_file()
    deadline = time.monotonic() + 60  # the old site is deleted in the background
    while list(tree.glob(".site.old-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(tree.glob(".site.old-*")) and not list(tree.glob(".site-*"))


def test_link_errors_stop_the_build_and_keep_the_old_site(tree: Path) -> None:
    assert run_cli("--root", tree, "build").code == 0
    before = (tree / "site" / "index.html").read_bytes()
    edit(tree, INTERP, "资助标准见", "另见[不存在的页面](../zcwj/nope.html)，资助标准见")
    result = run_cli("--root", tree, "build")
    assert result.code == 1
    assert f"{INTERP}:12: 链接“../zcwj/nope.html”指向的页面或文件不存在" in result.err
    assert (tree / "site" / "index.html").read_bytes() == before
    assert not list(tree.glob(".site-*"))


# --- external links (a local server, never the internet) ------------------------------

class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_external_links_dead_and_redirected(tree: Path, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(tree, INTERP, "资助标准见", f"参见[甲]({server}/gone)、[乙]({server}/moved)和[丙]({server}/ok)，资助标准见")
    code, findings = _findings(tree, "--external")
    assert code == 1
    _has(findings, "links.external-dead", INTERP, 12, f"外部链接“{server}/gone”打不开：HTTP 404")
    _has(findings, "links.external-redirect", INTERP, 12, f"外部链接“{server}/moved”已跳转到 {server}/ok", "warning")
    assert not [f for f in findings if f"{server}/ok”" in f["message"]]
    assert (tree / ".cache" / "external-links.json").is_file()
    code, findings = _findings(tree)
    assert code == 0, "external links are only checked when asked"
