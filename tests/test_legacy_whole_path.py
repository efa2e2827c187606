"""The whole path of issue 17 with the real nginx (and Apache): mirror → `build.py migrate` → `build.py build` →
the server serves the built site under a sub-path with the redirect maps migrate wrote into deploy/ → every old
URL of a migrated page or attachment answers 301 and its Location answers 200 with that page."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import legacy_sites
import pytest
import web_servers
from conftest import TODAY, build, copy_fixture, edit, run_cli
from selectolax.lexbor import LexborHTMLParser as HTMLParser

BUILDERS = {"trs": legacy_sites.trs_site, "kaipu": legacy_sites.kaipu_site, "dahan": legacy_sites.dahan_site}
BASE = "/zwgk/"


def _get(origin: str, raw: str) -> tuple[int, str, str]:
    parts = urlsplit(origin)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", raw)
        response = connection.getresponse()
        return response.status, response.getheader("Location") or "", response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _as_sent(url: str) -> str:
    """The old URL as a browser sends it: UTF-8 %-escaped, the query kept."""
    return quote(url, safe="/?=&")


def _serve(server: str, site: Path, deploy: Path, prefix: Path):  # noqa: ANN202 - a context manager
    if server == "nginx":
        return web_servers.nginx_legacy(site, BASE, deploy, prefix)
    return web_servers.apache_legacy(site, BASE, deploy, "map")  # the VirtualHost form: old URLs under /zwgk/ too


@pytest.mark.parametrize("server", ["nginx", "apache"])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_old_url_reaches_a_live_page(tmp_path: Path, name: str, server: str) -> None:
    mirror = BUILDERS[name](tmp_path / "mirror")
    tree = copy_fixture("mini", tmp_path)
    edit(tree, "content/site.yml", "https://zwgk.ceshi.example.gov.cn/", "https://zwgk.ceshi.example.gov.cn/zwgk/")
    migrated = run_cli("--root", tree, "migrate", mirror.root, "--today", TODAY)
    assert migrated.code == 0, migrated.text
    site = build(tree)
    rows = [line.split("\t") for line in (tree / "migration" / "redirects.tsv").read_text(
        encoding="utf-8").splitlines()[1:]]
    mapped = dict(rows)
    # Every article migrate wrote (not the 6 MB page, the page with no body, nor a 解读 of an absent 原文),
    # every copy of a duplicate and every attachment present in the mirror has an old URL in the map.
    not_migrated = {p.url for p in mirror.planted if p.kind in (legacy_sites.HUGE, legacy_sites.NO_BODY,
                                                                legacy_sites.ORIGINAL_MISSING)}
    expected = {a.url for a in mirror.articles if a.url not in not_migrated}
    expected |= {t.url for a in mirror.articles if a.url not in not_migrated for t in a.attachments
                 if t.present and t.url.startswith("/")}
    assert expected - set(mapped) == set()
    with _serve(server, site, tree / "deploy", tmp_path / "server") as origin:
        for old, new in sorted(mapped.items()):
            status, location, _ = _get(origin, _as_sent(old))
            assert status == 301 and urlsplit(location).path == new, (old, status, location)
            status, _, body = _get(origin, new)
            assert status == 200, (old, new, status)
            article = next((a for a in mirror.articles if a.url == old), None)
            if article is not None and new.endswith(".html"):  # the page is the article's, not any page
                title = HTMLParser(body).css_first("title")
                assert title is not None and article.title in title.text(), (old, new)
        assert _get(origin, BASE)[0] == 200  # the new site itself is not redirected
        assert _get(origin, _as_sent("/没有这个旧网页.htm"))[0] == 404
    assert not [p for p in site.rglob("*") if p.is_file() and unquote(str(p)).endswith(".part")]
