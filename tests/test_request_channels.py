"""依申请公开渠道 of site.yml: shown on the 指南 page and every 此件依申请公开 document page, only those set."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import article, build, copy_fixture, edit, run_cli

SITE = "content/site.yml"
CHANNELS = """依申请公开渠道:
  在线平台:
    网址: https://ysq.ceshi.example.gov.cn/?a=1&b=<2>
  信函:
    邮寄地址: 测试县人民路1号
    收件人: 测试县人民政府办公室
    邮编: "000001"
  电话: 0000-0000001
"""


def _channels(site: Path, path: str) -> dict[str, str]:
    node = article(site, path).css_first("section.zw-channels")
    assert node is not None, path
    return {dt.text(): dd.text() for dt, dd in zip(node.css("dt"), node.css("dd"))}


def test_guide_and_on_request_pages_show_the_channels_set(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    site = build(tree)
    expected = {"在线申请": "https://ysq.ceshi.example.gov.cn/?a=1&b=<2>",
                "信函申请": "邮寄地址：测试县人民路1号；收件人：测试县人民政府办公室；邮编：000001", "咨询电话": "0000-0000001"}
    assert _channels(site, "zhinan/index.html") == expected  # no 当面: not set
    assert _channels(site, "wj/cjf-2024-3.html") == expected
    assert _channels(site, "ysqgk/index.html") == expected  # the 依申请公开 column says how to apply too
    link = article(site, "wj/cjf-2024-3.html").css_first("section.zw-channels a")
    assert link.attributes["href"] == "https://ysq.ceshi.example.gov.cn/?a=1&b=<2>"  # parsed back: it was escaped
    raw = (site / "wj/cjf-2024-3.html").read_text(encoding="utf-8")
    assert "b=<2>" not in raw and "b=&lt;2&gt;" in raw
    assert article(site, "wj/cjf-2024-1.html").css_first("section.zw-channels") is None  # a public document


def test_a_web_address_that_is_not_http_is_text(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, SITE, "网址: https://ysq.ceshi.example.gov.cn/?a=1&b=<2>", "网址: javascript:alert(1)")
    site = build(tree)
    node = article(site, "zhinan/index.html").css_first("section.zw-channels")
    assert node.css("a") == [] and "javascript:alert(1)" in node.text()


def test_no_channel_is_a_warning_at_site_yml(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, SITE, CHANNELS, "")
    result = run_cli("--root", tree, "check", "--json", tmp_path / "r.json")
    assert result.code == 0, result.text
    findings = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]
    assert [(f["file"], f["line"], f["severity"]) for f in findings if f["rule"] == "site.no-request-channel"] == [
        (SITE, 1, "warning")]
    site = build(tree)
    assert article(site, "zhinan/index.html").css_first("section.zw-channels") is None


def test_an_empty_channels_key_is_warned_at_its_line(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, SITE, CHANNELS, "依申请公开渠道: {}\n")
    result = run_cli("--root", tree, "check")
    assert result.code == 0, result.text
    assert "content/site.yml:10: 没有写依申请公开渠道" in result.text
