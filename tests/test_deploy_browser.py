"""The packaged demo county in Debian's Chromium, served by Debian's nginx with the shipped deploy/nginx.conf
(its Content-Security-Policy included), under /zwgk/ and at the server root, and opened from file://.

The browser may reach only the server (or the site's own folder); any other request is aborted and fails
the test, as do console and script errors (a CSP violation is one), 4xx/5xx responses and failed requests.
The page kinds are those of test_browser.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import ROOT, TODAY, edit, run_cli
from test_browser import PAGES, VIEWPORTS, Tab, axe_script, browser  # noqa: F401 - fixtures used by name
from web_servers import nginx, unpack

CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'self'")
MISSING = "wj/2019/no-such-document.html"

# What shows that the page's CSS and JS arrived: Material's stylesheet (sticky header), ours (the site's
# colour), Material's script (its observable of the document) and ours (the 长者模式 button).
LOADED = """() => ({
  materialCss: getComputedStyle(document.querySelector(".md-header")).position === "sticky",
  ourCss: getComputedStyle(document.documentElement).getPropertyValue("--md-primary-fg-color").trim() === "#b71c1c",
  materialJs: typeof window.document$ === "object",
  ourJs: document.querySelector(".zw-elder-toggle") !== null,
})"""


def _demo_package(tmp: Path, base_url: str | None = None) -> Path:
    """The demo county packaged by the CLI and unpacked; `base_url` replaces its 网站地址."""
    for part in ("content", "catalogues"):
        shutil.copytree(ROOT / part, tmp / part)
    if base_url is not None:
        edit(tmp, "content/site.yml", "网站地址: https://www.example.gov.cn/zwgk/", f"网站地址: {base_url}")
    result = run_cli("--root", tmp, "package")
    assert result.code == 0, result.text
    return unpack(tmp / "dist" / f"zwgk-0000000000-{TODAY.replace('-', '')}.tar.gz", tmp / "unpacked")


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as shipped: 网站地址 https://www.example.gov.cn/zwgk/."""
    return _demo_package(tmp_path_factory.mktemp("demo-zwgk"))


@pytest.fixture(scope="module")
def served(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx(package, tmp_path_factory.mktemp("nginx")) as origin:
        yield origin + "/zwgk/"


@pytest.fixture(scope="module")
def desktop_tab(browser, served: str, axe_script: Path) -> Iterator[Tab]:  # noqa: ANN001, F811
    tab = Tab(browser, served, axe_script, **VIEWPORTS["desktop"])
    yield tab
    tab.context.close()


@pytest.fixture
def desktop(desktop_tab: Tab) -> Tab:
    desktop_tab.problems.clear()  # a late request of the previous test's page was that test's business
    return desktop_tab


def _goto(tab: Tab, url: str):  # noqa: ANN202 - playwright Response
    response = tab.page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    return response


def _goto_missing(tab: Tab, url: str):  # noqa: ANN202 - playwright Response
    """Open an address that does not exist: the response is 404, which the tab records twice; nothing else."""
    response = tab.page.goto(url)
    assert response is not None and response.status == 404, f"{url}: {response and response.status}"
    tab.page.wait_for_load_state("load")
    expected = {f"HTTP 404: {url}",
                f"console error: Failed to load resource: the server responded with a status of 404 (Not Found) ({url})"}
    tab.problems = [problem for problem in tab.problems if problem not in expected]
    return response


def _assert_loaded(tab: Tab, where: str) -> None:
    loaded = tab.page.evaluate(LOADED)
    assert all(loaded.values()), f"{where}: not loaded: {[name for name, ok in loaded.items() if not ok]}"


# ---------------------------------------------------------------------------------------------------------------
# nginx, /zwgk/, the shipped Content-Security-Policy


@pytest.mark.parametrize("key", PAGES)
def test_page_works_from_nginx_under_the_sub_path_and_its_csp(desktop: Tab, served: str, key: str) -> None:
    response = _goto(desktop, served + PAGES[key])
    assert response.headers.get("content-security-policy") == CSP
    _assert_loaded(desktop, PAGES[key])
    desktop.clean()


def test_library_filters_from_nginx_under_its_csp(desktop: Tab, served: str) -> None:
    """The 政策文件库's script and its data file (a second script) run under the shipped CSP, gzipped by nginx."""
    response = _goto(desktop, served + PAGES["library"] + "?yx=%E5%BA%9F%E6%AD%A2")
    assert response.headers.get("content-security-policy") == CSP
    desktop.page.wait_for_selector("form.zw-library:not([hidden])")
    assert desktop.page.locator(".zw-library__results li .zw-badge--withdrawn").count() > 0
    assert desktop.page.input_value("select[name=yx]") == "废止"
    desktop.clean()


def test_not_found_page_works_from_nginx_under_the_sub_path(desktop: Tab, served: str) -> None:
    response = _goto_missing(desktop, served + MISSING)
    assert response.headers.get("content-security-policy") == CSP
    _assert_loaded(desktop, MISSING)
    assert desktop.page.evaluate("document.documentElement.lang") == "zh-CN"
    violations = desktop.axe()
    assert not violations, "\n".join(violations)
    hrefs = desktop.page.eval_on_selector_all(".md-footer a[href], .md-tabs a[href]", "all => all.map(a => a.href)")
    desktop.clean()
    ours = [href for href in hrefs if href.startswith(served)]
    assert len(ours) >= 10, hrefs
    for href in ours:
        _goto(desktop, href)
    desktop.clean()


def test_an_inline_script_is_refused_and_noticed(desktop: Tab, served: str, package: Path) -> None:
    """The CSP is enforced, and a violation fails a test: so the pages above really have no inline script."""
    probe = package / "site" / "csp-probe.html"
    probe.write_text("<!doctype html><title>probe</title><script>document.title = 'ran'</script>", encoding="utf-8")
    try:
        _goto(desktop, served + "csp-probe.html")
        assert desktop.page.title() == "probe"
        assert any("Content Security Policy" in problem for problem in desktop.problems), desktop.problems
    finally:
        desktop.problems.clear()
        probe.unlink()


# ---------------------------------------------------------------------------------------------------------------
# nginx, the server root


def test_site_works_from_nginx_at_the_server_root(browser, axe_script: Path,  # noqa: ANN001, F811
                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    package = _demo_package(tmp_path_factory.mktemp("demo-root"), "https://zwgk.example.gov.cn/")
    with nginx(package, tmp_path_factory.mktemp("nginx-root")) as origin:
        tab = Tab(browser, origin + "/", axe_script, **VIEWPORTS["desktop"])
        try:
            for key in ("home", "document", "domain", "interpretation", "sitemap"):
                _goto(tab, f"{origin}/{PAGES[key]}")
                _assert_loaded(tab, PAGES[key])
                tab.clean()
            _goto_missing(tab, f"{origin}/{MISSING}")
            _assert_loaded(tab, MISSING)
            violations = tab.axe()
            assert not violations, "\n".join(violations)
            tab.clean()
        finally:
            tab.context.close()


# ---------------------------------------------------------------------------------------------------------------
# file://


FILE_PAGES = ("home", "document", "interpretation", "policies-year", "domain", "statutory-category", "sitemap",
              "annual-report", "library")


def test_pages_work_from_file_and_their_links_reach_files(browser, axe_script: Path, package: Path) -> None:  # noqa: ANN001, F811
    """Opened from disk: CSS and JS load, nothing outside the site's folder is asked for, and every link
    between pages names a file that exists (a folder would show a listing, not its index.html)."""
    site = package / "site"
    base = site.as_uri() + "/"
    tab = Tab(browser, base, axe_script, **VIEWPORTS["desktop"])
    tab.origin = base  # only the site's own folder
    try:
        for key in FILE_PAGES:
            response = tab.page.goto(base + PAGES[key])
            assert response is not None and response.ok, PAGES[key]
            _assert_loaded(tab, PAGES[key])
            hrefs = tab.page.eval_on_selector_all("a[href]", "all => all.map(a => a.href)")
            local = [href for href in hrefs if href.startswith("file:")]
            assert len(local) > 10, PAGES[key]
            for href in local:
                assert href.startswith(base), f"{PAGES[key]}: {href} leaves the site's folder"
                target = Path(unquote(urlsplit(href).path))
                assert target.is_file(), f"{PAGES[key]}: {href} is not a file of the site"
            tab.clean()
        assert urljoin(base, "wzdt/index.html") in hrefs
    finally:
        tab.context.close()
