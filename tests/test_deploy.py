"""Deployable output (issue 7): `build.py package` with its deploy/ configs, served by real nginx and Apache.

The small fixture county is packaged through the real CLI, unpacked as a webmaster would, and served by
Debian's nginx (with the package's deploy/nginx.conf) and Apache (with its deploy/.htaccess), under /zwgk/
and at the server root. A few URLs of each kind are fetched: pages, our CSS/JS and Material's, an
attachment, the search index, the sitemap, and missing pages, which must get our 404 page with working links.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import re
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from conftest import ROOT, TODAY, copy_fixture, edit, run_cli
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from web_servers import apache, nginx, unpack

from zwgk.site.package import deploy_config

SUBPATH_URL = "https://www.example.gov.cn/zwgk/"
CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'self'")
SHORT, LONG = "max-age=600", "max-age=31536000"
JS_TYPES = ("application/javascript; charset=utf-8", "text/javascript; charset=utf-8")
CSV = "2024/受助名单.csv"
DOCUMENT = "wj/cjf-2024-1.html"


def _site_address(tree: Path, base_url: str | None) -> None:
    """The mini county's 网站地址 replaced by `base_url`, or removed (None)."""
    site = tree / "content/site.yml"
    text = re.sub(r"^网站地址: .*\n", "", site.read_text(encoding="utf-8"), flags=re.M)
    site.write_text(text + (f"网站地址: {base_url}\n" if base_url else ""), encoding="utf-8")


def _package(tmp_path: Path, base_url: str | None) -> Path:
    """The mini county (with a .csv attachment) packaged by the CLI and unpacked: <top>/site, <top>/deploy."""
    tree = copy_fixture("mini", tmp_path)
    _site_address(tree, base_url)
    (tree / "content/attachments" / CSV).write_text("学校,人数\n第一小学,12\n", encoding="utf-8")
    edit(tree, "content/documents/2024/cjf-2024-1.md", "附件: [2024/资助标准表.txt]",
         f"附件: [2024/资助标准表.txt, {CSV}]")
    result = run_cli("--root", tree, "package")
    assert result.code == 0, result.text
    return unpack(tree / "dist" / f"zwgk-0000000001-{TODAY.replace('-', '')}.tar.gz", tmp_path / "unpacked")


@pytest.fixture(scope="module")
def subpath_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _package(tmp_path_factory.mktemp("subpath"), SUBPATH_URL)


@pytest.fixture(scope="module")
def root_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _package(tmp_path_factory.mktemp("root"), None)


def _serve(server: str, package: Path, path: str, prefix: Path):  # noqa: ANN202 - a context manager
    return nginx(package, prefix) if server == "nginx" else apache(package, path)


@pytest.fixture(scope="module", params=["nginx", "apache"])
def served(request: pytest.FixtureRequest, subpath_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The package served under /zwgk/: yields http://127.0.0.1:PORT/zwgk/."""
    with _serve(request.param, subpath_package, "/zwgk/", tmp_path_factory.mktemp(request.param)) as origin:
        yield origin + "/zwgk/"


@dataclass
class Got:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    @property
    def html(self) -> HTMLParser:
        return HTMLParser(self.body.decode("utf-8"))


def fetch(url: str, compressed: bool = False) -> Got:
    """One GET as a browser sends it (the path percent-encoded), redirects not followed; gzip unpacked."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=30)
    try:
        connection.request("GET", quote(parts.path, safe="/%") + (f"?{parts.query}" if parts.query else ""),
                           headers={"Accept-Encoding": "gzip"} if compressed else {})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return Got(response.status, response.headers, body)


def _local_refs(page: HTMLParser) -> list[str]:
    refs = [node.attributes.get("href") or node.attributes.get("src") or ""
            for node in page.css("a[href], link[href], script[src], img[src]")]
    return [ref for ref in refs if ref and not ref.startswith(("#", "mailto:", "tel:", "http:", "https:", "data:"))]


# ---------------------------------------------------------------------------------------------------------------
# served under /zwgk/ by nginx and by Apache


def test_pages_are_utf8_html_with_a_short_cache_and_security_headers(served: str) -> None:
    for path in ("", "index.html", DOCUMENT, "zcwj/"):
        got = fetch(served + path)
        assert got.status == 200, path
        assert got.header("Content-Type") == "text/html; charset=utf-8", path
        assert got.header("Cache-Control") == SHORT, path
        assert got.header("Content-Security-Policy") == CSP, path
        assert got.header("X-Content-Type-Options") == "nosniff", path
        assert got.header("X-Frame-Options") == "SAMEORIGIN", path
    assert "测教发〔2024〕1号" in fetch(served + DOCUMENT).body.decode("utf-8")


def test_catalogue_css_and_js_are_utf8_and_cached_for_a_year(served: str) -> None:
    home = fetch(served + "index.html").html
    styles = [node.attributes["href"] for node in home.css('link[rel="stylesheet"]')]
    scripts = [node.attributes["src"] for node in home.css("script[src]")]
    assert any(re.search(r"assets/zwgk\.css\?v=[0-9a-f]{10}$", href) for href in styles), styles
    assert any(re.search(r"assets/zwgk\.js\?v=[0-9a-f]{10}$", src) for src in scripts), scripts
    assert any(re.search(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css$", href) for href in styles), styles
    for ref in styles + scripts:
        got = fetch(urljoin(served, ref))
        assert got.status == 200, ref
        assert got.header("Cache-Control") == LONG, ref
        if ref.split("?")[0].endswith(".css"):
            assert got.header("Content-Type") == "text/css; charset=utf-8", ref
        else:
            assert got.header("Content-Type") in JS_TYPES, ref


def test_attachments_search_index_and_sitemap_are_utf8_with_a_short_cache(served: str, subpath_package: Path) -> None:
    links = {node.text(strip=True): node.attributes["href"]
             for node in fetch(served + DOCUMENT).html.css(".zw-attachments a[href]")}
    assert len(links) == 2, links
    for href in links.values():
        url = urljoin(served + DOCUMENT, href)
        got = fetch(url)
        assert got.status == 200, url
        assert got.header("Cache-Control") == SHORT, url
        kind = "text/csv" if href.endswith(".csv") else "text/plain"
        assert got.header("Content-Type") == f"{kind}; charset=utf-8", url
        assert got.body == (subpath_package / "site" / unquote(urlsplit(url).path.removeprefix("/zwgk/"))).read_bytes()
    index = fetch(served + "pagefind/pagefind-entry.json")  # the search index (Pagefind)
    assert index.status == 200 and index.header("Content-Type") == "application/json; charset=utf-8"
    assert index.header("Cache-Control") == SHORT
    sitemap = fetch(served + "sitemap.xml")
    assert sitemap.status == 200 and sitemap.header("Content-Type") in ("text/xml; charset=utf-8",
                                                                       "application/xml; charset=utf-8")
    assert f"<loc>{SUBPATH_URL}</loc>" in sitemap.body.decode("utf-8")  # the home page, as its address


def test_text_is_sent_compressed(served: str) -> None:
    home = fetch(served + "index.html").html
    css = next(node.attributes["href"] for node in home.css('link[rel="stylesheet"]'))
    for path in ("index.html", css, "pagefind/pagefind.js"):
        got = fetch(urljoin(served, path), compressed=True)
        assert got.status == 200 and got.header("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in got.header("Vary"), path


def test_missing_pages_get_our_404_page_and_its_links_work_under_the_sub_path(served: str) -> None:
    for path in ("no-such-page.html", "wj/2019/no-such-document.html", "attachments/"):
        got = fetch(served + path)
        assert got.status == 404, path
        page = got.html
        assert page.css_first("html").attributes.get("lang") == "zh-CN", path
        assert page.css_first("article h1").text() == "页面不存在", path  # ours, not the server's
        assert "测试县人民政府" in page.text() and "Index of" not in page.text(), path
        refs = _local_refs(page)
        assert len(refs) > 10, refs
        for ref in refs:
            assert ref.startswith("/zwgk/"), f"{path}: {ref} is not under the sub-path"
            target = fetch(urljoin(served, ref))
            assert target.status == 200, f"{path}: {ref} → HTTP {target.status}"


def test_a_folder_without_its_slash_is_redirected_to_it(served: str) -> None:
    got = fetch(served + "zcwj")
    assert got.status == 301
    assert got.header("Location").endswith("/zwgk/zcwj/")
    assert fetch(urljoin(served, got.header("Location"))).status == 200


# ---------------------------------------------------------------------------------------------------------------
# served at the server root


@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_at_the_server_root_pages_assets_and_the_404_page_work(server: str, root_package: Path, tmp_path: Path) -> None:
    assert "location / {" in (root_package / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    with _serve(server, root_package, "/", tmp_path / server) as origin:
        home = fetch(origin + "/")
        assert home.status == 200 and home.header("Content-Security-Policy") == CSP
        for ref in _local_refs(home.html):
            assert fetch(urljoin(origin + "/", ref)).status == 200, ref
        missing = fetch(origin + "/wj/no-such-document.html")
        assert missing.status == 404 and missing.html.css_first("article h1").text() == "页面不存在"
        for ref in _local_refs(missing.html):
            assert ref.startswith("/") and fetch(origin + ref).status == 200, ref


def test_serve_previews_at_the_root_whatever_the_site_address(tmp_path: Path) -> None:
    """`build.py serve` keeps its own address (http://127.0.0.1:PORT/), not the path of 网站地址."""
    tree = copy_fixture("mini", tmp_path)
    _site_address(tree, SUBPATH_URL)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(tree), "serve",
                              "--addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    origin = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):  # until the first build is served (not a timing assertion)
            assert serve.poll() is None, serve.stderr.read().decode("utf-8", "replace")
            with contextlib.suppress(OSError):
                if fetch(origin + "/").status == 200:
                    break
            time.sleep(0.1)
        assert fetch(origin + "/index.html").status == 200
        missing = fetch(origin + "/wj/no-such-document.html")
        assert missing.status == 404
        refs = _local_refs(missing.html)
        assert refs and all(ref.startswith("/") and not ref.startswith("/zwgk/") for ref in refs), refs
        assert all(fetch(origin + ref).status == 200 for ref in refs)
    finally:
        serve.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site
        serve.wait(timeout=30)


# ---------------------------------------------------------------------------------------------------------------
# the configs themselves


def test_package_configs_follow_the_path_of_the_site_address(root_package: Path, subpath_package: Path) -> None:
    shipped = ROOT / "deploy"
    for name in ("nginx.conf", ".htaccess", "web.config", "README.md"):
        assert (subpath_package / "deploy" / name).read_bytes() == (shipped / name).read_bytes(), name
    nginx_conf = (root_package / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "location / {" in nginx_conf and "location /assets/ {" in nginx_conf
    assert "error_page 404 /404.html;" in nginx_conf
    assert "alias /var/www/zwgk/;" in nginx_conf  # a folder, not the URL path
    assert "ErrorDocument 404 /404.html" in (root_package / "deploy" / ".htaccess").read_text(encoding="utf-8")
    assert 'path="/404.html"' in (root_package / "deploy" / "web.config").read_text(encoding="utf-8")

    other = deploy_config((shipped / "nginx.conf").read_text(encoding="utf-8"), "/gk/xxgk/")
    code = [line for line in other.splitlines() if not line.lstrip().startswith("#")]
    comments = [line for line in other.splitlines() if line.lstrip().startswith("#")]
    assert "location /gk/xxgk/ {" in code and "    error_page 404 /gk/xxgk/404.html;" in code
    assert not any("/zwgk/" in line for line in code if "alias" not in line)
    assert any("/zwgk/" in line for line in comments)  # the instructions still speak of the example path


def test_the_three_servers_send_the_same_headers() -> None:
    deploy = ROOT / "deploy"
    nginx_conf = (deploy / "nginx.conf").read_text(encoding="utf-8")
    htaccess = (deploy / ".htaccess").read_text(encoding="utf-8")
    web_config = ET.parse(deploy / "web.config").getroot()
    headers = {h.get("name"): h.get("value") for h in web_config.iter("add") if h.get("name")}
    for name, value in [("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
                        ("X-Frame-Options", "SAMEORIGIN"), ("Referrer-Policy", "strict-origin-when-cross-origin")]:
        assert f'add_header {name} "{value}" always;' in nginx_conf, name
        assert f'Header always set {name} "{value}"' in htaccess, name
        assert headers[name] == value, name


def test_iis_config_sets_utf8_types_the_404_page_and_no_listing() -> None:
    root = ET.parse(ROOT / "deploy" / "web.config").getroot()
    server = root.find("system.webServer")
    assert server is not None
    assert server.find("directoryBrowse").get("enabled") == "false"
    types = {m.get("fileExtension"): m.get("mimeType") for m in server.iter("mimeMap")}
    removed = {r.get("fileExtension") for r in server.iter("remove") if r.get("fileExtension")}
    for extension in (".html", ".css", ".js", ".json", ".xml", ".txt", ".csv"):
        assert types[extension].endswith("; charset=utf-8") and extension in removed, extension
    errors = server.find("httpErrors")
    assert [(e.get("statusCode"), e.get("path")) for e in errors.iter("error")] == [("404", "/zwgk/404.html")]
    assets = root.find("location[@path='assets']/system.webServer/staticContent/clientCache")
    assert assets.get("cacheControlMaxAge") == "365.00:00:00"


# ---------------------------------------------------------------------------------------------------------------
# deterministic output


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    """Built in different folders on different days, with 网站地址 set (so a sitemap.xml is written)."""
    sites = []
    for name, day in (("first", TODAY), ("second", "2025-03-02")):
        tree = copy_fixture("mini", tmp_path / name)
        _site_address(tree, SUBPATH_URL)
        assert run_cli("--root", tree, "build", "--today", day).code == 0
        sites.append(tree / "site")
    files = [{p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
             for site in sites]
    assert files[0].keys() == files[1].keys()
    assert len(files[0]) > 50 and "sitemap.xml" in files[0]
    differ = sorted(name for name in files[0] if files[0][name] != files[1][name])
    assert not differ, differ
