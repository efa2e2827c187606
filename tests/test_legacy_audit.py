"""`build.py audit 镜像目录`: the old site's report finds every problem planted in the fixture mirrors."""

from __future__ import annotations

import json
from pathlib import Path

import legacy_sites
import pytest
from conftest import run_cli
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from test_terminal_chinese import english_lines

BUILDERS = {"trs": legacy_sites.trs_site, "kaipu": legacy_sites.kaipu_site, "dahan": legacy_sites.dahan_site}
# For these kinds the finding's target must be what was planted (a link target, an item's title, a data kind).
TARGETED = {legacy_sites.BROKEN_LINK, legacy_sites.MISSING_ATTACHMENT, legacy_sites.LIST_ITEM_NO_DATE,
            legacy_sites.PERSONAL_DATA}


def _audit(tmp_path: Path, name: str) -> tuple[legacy_sites.Mirror, dict, str]:
    mirror = BUILDERS[name](tmp_path)
    out = tmp_path / "report"
    result = run_cli("audit", mirror.root, "--out", out, "--today", legacy_sites.AUDIT_DAY.isoformat())
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert english_lines(result.text) == []
    return mirror, json.loads((out / "audit.json").read_text(encoding="utf-8")), (out / "audit.html").read_text(
        encoding="utf-8")


def _key(kind: str, url: str, target: str) -> tuple[str, str, str]:
    return kind, url, target if kind in TARGETED else ""


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_audit_finds_every_planted_problem_and_nothing_else(tmp_path: Path, name: str) -> None:
    mirror, report, _ = _audit(tmp_path, name)
    found = {_key(f["kind"], f["url"], f["target"]) for f in report["findings"]}
    planted = {_key(p.kind, p.url, p.detail) for p in mirror.planted if p.kind in legacy_sites.AUDIT_KINDS}
    assert planted, "the fixture plants audit problems"
    assert planted - found == set(), "planted but not reported"
    reported = {k for k in found if k[0] in legacy_sites.AUDIT_KINDS}
    assert reported - planted == set(), "reported but not planted"


def test_audit_reads_every_page_and_says_each_line_in_chinese(tmp_path: Path) -> None:
    mirror, report, _ = _audit(tmp_path, "trs")
    pages = [p for p in mirror.root.rglob("*.htm")]
    assert report["summary"]["pages"] == len(pages)
    assert report["encodings"] == {"utf-8": len(pages) - 2, "gb18030": 1}  # and the 6 MB page is not read
    unread = [f for f in report["findings"] if f["kind"] == "unreadable"]
    assert [f["url"] for f in unread] == [p.url for p in mirror.planted_of(legacy_sites.HUGE)]
    for f in report["findings"]:
        assert f["message"] == f"{f['url']}: {f['problem']} — {f['fix']}"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in f["problem"] + f["fix"])


def test_audit_columns_carry_their_rule_and_last_update(tmp_path: Path) -> None:
    _, report, _ = _audit(tmp_path, "trs")
    columns = {c["url"]: c for c in report["columns"]}
    assert set(columns) == {"/xxgk/zcwj/", "/xxgk/tzgg/", "/xxgk/zcjd/", "/xxgk/gzdt/", "/xxgk/rsxx/", "/xxgk/ghjh/"}
    assert (columns["/xxgk/gzdt/"]["period"], columns["/xxgk/gzdt/"]["last"]) == ("2 周", "2024-06-10")
    assert (columns["/xxgk/rsxx/"]["period"], columns["/xxgk/rsxx/"]["stale"]) == ("1 年", True)
    assert (columns["/xxgk/zcwj/"]["items"], columns["/xxgk/zcwj/"]["stale"]) == (5, False)  # both list pages
    assert columns["/xxgk/ghjh/"]["blank"] is True


def test_audit_report_masks_personal_data_and_reads_as_a_report(tmp_path: Path) -> None:
    _, report, html = _audit(tmp_path, "trs")
    raw = json.dumps(report, ensure_ascii=False)
    for value in (legacy_sites.PERSON_ID, legacy_sites.PERSON_MOBILE, legacy_sites.PERSON_CARD):
        assert value not in html and value not in raw
    assert legacy_sites.PERSON_ID[:4] + "*" * 10 + legacy_sites.PERSON_ID[-4:] in html
    tree = HTMLParser(html)
    headings = [h.text(strip=True) for h in tree.css("h2")]
    assert "栏目更新情况" in headings
    assert any(h.startswith("个人信息（已遮盖）") for h in headings)
    rows = {r.css("td")[0].text(strip=True): r.css("td")[-1].text(strip=True)
            for r in tree.css("h2 + div table tbody tr") if len(r.css("td")) == 6}
    assert rows["规划计划"] == "空白栏目" and rows["通知公告"] == "超过 6 个月未更新" and rows["政策文件"] == "按时更新"


def test_audit_escapes_what_the_old_site_wrote(tmp_path: Path) -> None:
    mirror = legacy_sites.trs_site(tmp_path)
    page = mirror.root / "xxgk/tzgg/202309/t20230915_1202.htm"
    text = page.read_text(encoding="utf-8").replace("关于开展秋季森林防火检查的通知", "防火<script>alert(1)</script>通知")
    page.write_text(text, encoding="utf-8")
    out = tmp_path / "report"
    assert run_cli("audit", mirror.root, "--out", out, "--today", "2024-07-01").code == 0
    html = (out / "audit.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_audit_of_a_missing_or_empty_folder_says_what_to_do(tmp_path: Path) -> None:
    missing = run_cli("audit", tmp_path / "没有这个目录")
    assert missing.code == 1 and "找不到这个文件夹" in missing.err and "Traceback" not in missing.text
    (tmp_path / "空").mkdir()
    empty = run_cli("audit", tmp_path / "空")
    assert empty.code == 1 and "没有网页" in empty.err
