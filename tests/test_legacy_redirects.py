"""legacy/redirects.py: the maps answer every old URL (Chinese, %-escaped, with a query) with a 301 to the
new page, through the real nginx (and Apache when installed); the files are deterministic."""

from __future__ import annotations

import http.client
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
import web_servers

from zwgk.legacy.redirects import Redirect, entries, write_redirects

REDIRECTS = [
    Redirect("/xxgk/zcwj/202405/t20240508_1001.htm", "documents/2024/szbf-2024-12.html"),
    Redirect("/xxgk/政策文件/2019/t20191009_1002.htm", "documents/2019/sz-2019-8.html"),
    Redirect("/xxgk/%E9%80%9A%E7%9F%A5/t1.htm", "documents/2023/tz-1.html"),  # %-escaped as a mirror may name it
    Redirect("/module/xxgk/show.jsp?documentid=2002", "documents/2023/sjg-2023-1.html"),
    Redirect("/module/xxgk/show.jsp?documentid=2003", "documents/2024/sjg-2024-1.html"),
    Redirect("/xxgk/zcwj/202405/P020240510395712345678.pdf", "attachments/2024/%E6%96%B9%E6%A1%88.pdf"),
    Redirect("/old page with space.htm", "documents/2024/space.html"),
    Redirect("/xxgk/zcwj/202405/t20240508_1001.htm", "documents/other.html"),  # a second target: the first wins
]
BASE = "/zwgk/"
SENT = {  # how a browser sends each old URL → the page it must end on
    "/xxgk/zcwj/202405/t20240508_1001.htm": "/zwgk/documents/2024/szbf-2024-12.html",
    quote("/xxgk/政策文件/2019/t20191009_1002.htm"): "/zwgk/documents/2019/sz-2019-8.html",
    quote("/xxgk/通知/t1.htm").lower(): "/zwgk/documents/2023/tz-1.html",  # lower-case %-escapes decode alike
    "/module/xxgk/show.jsp?documentid=2002": "/zwgk/documents/2023/sjg-2023-1.html",
    "/module/xxgk/show.jsp?documentid=2003": "/zwgk/documents/2024/sjg-2024-1.html",
    "/xxgk/zcwj/202405/P020240510395712345678.pdf": "/zwgk/attachments/2024/%E6%96%B9%E6%A1%88.pdf",
    "/old%20page%20with%20space.htm": "/zwgk/documents/2024/space.html",
}


def _site(tmp_path: Path) -> Path:
    """A stand-in for the built site: one page at each target."""
    site = tmp_path / "site"
    for e in entries(REDIRECTS, BASE)[0]:
        page = site / unquote(e.target.removeprefix(BASE))
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html><body>{e.key}</body></html>", encoding="utf-8")
    return site


def _get(origin: str, raw_path: str) -> tuple[int, str]:
    host = urlsplit(origin)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    try:
        connection.request("GET", raw_path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


def test_entries_decode_keys_escape_targets_and_keep_the_first_target(tmp_path: Path) -> None:
    found, left = entries(REDIRECTS, BASE)
    by_key = {e.key: e.target for e in found}
    assert by_key["/xxgk/通知/t1.htm"] == "/zwgk/documents/2023/tz-1.html"
    assert by_key["/module/xxgk/show.jsp?documentid=2002"] == "/zwgk/documents/2023/sjg-2023-1.html"
    assert by_key["/xxgk/zcwj/202405/t20240508_1001.htm"] == "/zwgk/documents/2024/szbf-2024-12.html"
    assert by_key["/xxgk/zcwj/202405/P020240510395712345678.pdf"] == "/zwgk/attachments/2024/%E6%96%B9%E6%A1%88.pdf"
    assert len(left) == 1 and "已经跳转到 /zwgk/documents/2024/szbf-2024-12.html" in left[0]


def test_files_are_written_and_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in write_redirects(REDIRECTS, tmp_path / "a", BASE)}
    second = {p.name: p.read_bytes() for p in write_redirects(list(reversed(REDIRECTS[:-1])) + REDIRECTS[-1:],
                                                               tmp_path / "b", BASE)}
    assert set(first) >= {"legacy-redirects-map.conf", "legacy-redirects.conf", "legacy-redirects.txt",
                          "legacy-redirects-apache.conf", "legacy-redirects.htaccess", "legacy-redirects.web.config"}
    for name in ("legacy-redirects-map.conf", "legacy-redirects.txt", "legacy-redirects.htaccess"):
        assert first[name] == second[name], name
    left = first["legacy-redirects-left-out.txt"].decode("utf-8")
    assert "/old page with space.htm: 地址里有空格" in left  # RewriteMap txt cannot hold it; .htaccess does
    assert '"^old\\ page\\ with\\ space\\.htm$"' in first["legacy-redirects.htaccess"].decode("utf-8")


def test_iis_rules_are_well_formed_xml_with_both_maps(tmp_path: Path) -> None:
    path = next(p for p in write_redirects(REDIRECTS, tmp_path, BASE) if p.name == "legacy-redirects.web.config")
    root = ET.parse(path).getroot()
    maps = {m.get("name"): {a.get("key"): a.get("value") for a in m} for m in root.iter("rewriteMap")}
    assert maps["ZwgkLegacyQuery"]["/module/xxgk/show.jsp?documentid=2003"] == "/zwgk/documents/2024/sjg-2024-1.html"
    assert maps["ZwgkLegacyPath"]["/xxgk/政策文件/2019/t20191009_1002.htm"] == "/zwgk/documents/2019/sz-2019-8.html"
    assert [r.get("name") for r in root.iter("rule")] == ["ZwgkLegacyQuery", "ZwgkLegacyPath"]


def test_nginx_answers_every_old_url_with_a_301_to_a_live_page(tmp_path: Path) -> None:
    site = _site(tmp_path)
    deploy = tmp_path / "deploy"
    write_redirects(REDIRECTS, deploy, BASE)
    sent = SENT
    with web_servers.nginx_legacy(site, BASE, deploy, tmp_path / "nginx") as origin:
        for old, new in sent.items():
            status, location = _get(origin, old)
            assert (status, urlsplit(location).path) == (301, new), old
            assert _get(origin, new)[0] == 200, new
        assert _get(origin, "/module/xxgk/show.jsp?documentid=9999")[0] == 404  # an unknown id is not sent anywhere
        # a search engine's link with its own parameters still reaches the page, without them
        status, location = _get(origin, "/xxgk/zcwj/202405/t20240508_1001.htm?from=search")
        assert (status, location) == (301, f"{origin}/zwgk/documents/2024/szbf-2024-12.html")


@pytest.mark.parametrize("form", ["map", "htaccess"])
def test_apache_answers_every_old_url_with_a_301_to_a_live_page(tmp_path: Path, form: str) -> None:
    site = _site(tmp_path)
    deploy = tmp_path / "deploy"
    write_redirects(REDIRECTS, deploy, BASE)
    sent = dict(SENT)
    if form == "map":
        del sent["/old%20page%20with%20space.htm"]  # RewriteMap cannot hold it: listed as left out, in the .htaccess
    with web_servers.apache_legacy(site, BASE, deploy, form) as origin:
        for old, new in sent.items():
            status, location = _get(origin, old)
            assert (status, urlsplit(location).path) == (301, new), old
            assert _get(origin, new)[0] == 200, new
        assert _get(origin, "/module/xxgk/show.jsp?documentid=9999")[0] == 404
