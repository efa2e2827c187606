"""The built demo site in a real browser (issue 8): axe-core, keyboard, 长者模式, phones, 200 % zoom, print.

Debian's Chromium (/usr/bin/chromium) driven by Playwright; axe-core is the axe.min.js shipped in the
axe-playwright-python package. The site is served from a local http.server under a sub-path, as webmasters
deploy it; every request to any other host is blocked, and any such request, console error or 4xx/5xx
response fails the test that caused it.

Without Chromium (or Playwright) the module is skipped, unless ZWGK_REQUIRE_BROWSER=1 (CI), where it fails.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, build, page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
REQUIRED = os.environ.get("ZWGK_REQUIRE_BROWSER") == "1"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)"
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (pip install -e '.[test]')"
    return None


MISSING = _missing()
if MISSING and not REQUIRED:
    pytest.skip(f"browser tests skipped: {MISSING}; set ZWGK_REQUIRE_BROWSER=1 to make this an error",
                allow_module_level=True)

# One page of each kind in the demo county; test_the_chosen_pages_are_what_they_say checks each is still that kind.
PAGES = {
    "home": "index.html",
    "document": "wj/sjf-2024-4.html",               # 此件公开发布, with attachments and interpretations
    "on-request-document": "wj/scf-2023-14.html",   # 此件依申请公开
    "repealed-document": "wj/sjf-2022-5.html",      # 废止
    "expired-document": "wj/sjf-2023-8.html",       # 失效
    "interpretation": "zcjd/jd-sjf-2024-4.html",
    "interpretation-tables": "zcjd/jd-smf-2024-5.html",  # Markdown tables in the body
    "policies": "zcwj/index.html",
    "policies-year": "zcwj/2024/index.html",
    "interpretations": "zcjd/index.html",
    "domains": "zdly/index.html",
    "domain": "zdly/education.html",
    "statutory": "fdzdgknr/index.html",
    "statutory-category": "fdzdgknr/regulations/index.html",
    "guide": "zhinan/index.html",
    "rules-page": "zhidu/zhidu-zhudong.html",
    "annual-report": "nianbao/nianbao-2024.html",
    "on-request": "ysqgk/index.html",
    "sitemap": "wzdt/index.html",
}
DOCUMENT_PAGES = ["document", "on-request-document", "repealed-document", "interpretation"]
TABLE_PAGES = ["document", "domains", "domain", "annual-report", "interpretation-tables"]

VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
              "has_touch": True},
    # a 1280 px window at 200 % zoom: 640 CSS px wide
    "zoom200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.impact} ${v.id}: ${v.help}\\n` + v.nodes.slice(0, 5)
      .map(n => `    ${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`).join("\\n"));
}"""

NO_PAGE_SCROLL = """() => [document.documentElement.scrollWidth, window.innerWidth]"""

# What the focused element looks like: visible at all, and with a focus indicator (outline or box shadow).
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && r.left < window.innerWidth && r.top < window.innerHeight;
  return {
    name: `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${(e.textContent || "").trim().slice(0, 20)}"`,
    id: e.id, text: (e.textContent || "").trim(), href: e.getAttribute("href"),
    visible: inView && s.visibility === "visible" && s.opacity !== "0",
    ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none",
  };
}"""


# ---------------------------------------------------------------------------------------------------------------
# the site, the server, the browser


@pytest.fixture(scope="module")
def www(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county built through the real CLI, placed at <www>/zwgk/ (a sub-path, as on a real server)."""
    tree = tmp_path_factory.mktemp("browser-demo")
    for part in ("content", "catalogues"):
        shutil.copytree(ROOT / part, tree / part)
    site = build(tree)
    root = tree / "www"
    shutil.copytree(site, root / "zwgk")
    return root


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def server(www: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/zwgk/ for the built site."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(www)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/zwgk/"
    httpd.shutdown()
    thread.join()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if MISSING:
        pytest.fail(f"ZWGK_REQUIRE_BROWSER=1 but {MISSING}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def axe_script() -> Path:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


class Tab:
    """One browser tab (its own context: storage, viewport) that records everything the tests forbid."""

    def __init__(self, browser, base: str, axe: Path, **options: object) -> None:  # noqa: ANN001
        self.base = base
        self.origin = base.split("/zwgk/")[0] + "/"
        self.problems: list[str] = []
        self.context = browser.new_context(locale="zh-CN", **options)
        self.context.add_init_script(path=str(axe))
        self.context.route("**/*", self._route)
        self.context.on("response", self._response)
        self.context.on("requestfailed", self._failed)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def _route(self, route) -> None:  # noqa: ANN001
        url = route.request.url
        if url.startswith(self.origin):
            route.continue_()
        else:
            self.problems.append(f"outside request: {url}")
            route.abort()

    def _response(self, response) -> None:  # noqa: ANN001
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _failed(self, request) -> None:  # noqa: ANN001
        if request.url.startswith(self.origin):
            self.problems.append(f"request failed ({request.failure}): {request.url}")

    def _console(self, message) -> None:  # noqa: ANN001
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def open(self, path: str):  # noqa: ANN201 - playwright Page
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page

    def clean(self) -> None:
        """Fails on anything recorded since the last call."""
        problems, self.problems = self.problems, []
        assert not problems, "\n".join(problems)

    def axe(self) -> list[str]:
        return self.page.evaluate(AXE_RUN)

    def focused(self) -> dict | None:
        return self.page.evaluate(FOCUSED)

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def tabs(browser, server: str, axe_script: Path) -> Iterator[dict[str, Tab]]:  # noqa: ANN001
    opened = {name: Tab(browser, server, axe_script, **options) for name, options in VIEWPORTS.items()}
    yield opened
    for tab in opened.values():
        tab.close()


@pytest.fixture
def new_tab(browser, server: str, axe_script: Path) -> Iterator:  # noqa: ANN001
    """A fresh tab with empty storage, for tests that change what the browser remembers."""
    made: list[Tab] = []

    def make(viewport: str = "desktop") -> Tab:
        made.append(Tab(browser, server, axe_script, **VIEWPORTS[viewport]))
        return made[-1]

    yield make
    for tab in made:
        tab.close()


def _use(tabs: dict[str, Tab], name: str) -> Tab:
    tab = tabs[name]
    tab.problems.clear()  # a late request of the previous test's page is that test's business
    return tab


def _no_page_scroll(tab: Tab, path: str, width: int) -> None:
    scroll_width, inner_width = tab.page.evaluate(NO_PAGE_SCROLL)
    assert inner_width == width, f"{path}: the layout viewport is {inner_width} px, not {width} (page too wide?)"
    assert scroll_width <= inner_width, f"{path}: scrolls sideways ({scroll_width} px content in {inner_width} px)"


# ---------------------------------------------------------------------------------------------------------------
# the tests


def test_the_chosen_pages_are_what_they_say(www: Path) -> None:
    site = www / "zwgk"
    for path in PAGES.values():
        assert (site / path).is_file(), f"{path} is not in the demo site any more: pick another page of that kind"
    doc = page(site, PAGES["document"])
    assert doc.css_first(".zw-attachments a[download]") is not None
    assert doc.css_first(".zw-related a[href*='zcjd/']") is not None
    assert page(site, PAGES["on-request-document"]).css_first(".zw-notice--request") is not None
    for key, validity in (("repealed-document", "废止"), ("expired-document", "失效")):
        notice = page(site, PAGES[key]).css_first(".zw-notice--withdrawn")
        assert notice is not None and f"本文件已{validity}" in notice.text(), key
    assert page(site, PAGES["interpretation"]).css_first(".zw-related--source a") is not None
    assert page(site, PAGES["interpretation-tables"]).css_first(".zw-body table") is not None
    assert page(site, PAGES["domain"]).css_first("table.zw-catalogue") is not None


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("key", PAGES)
def test_page_passes_axe_and_fits_the_screen(tabs: dict[str, Tab], key: str, viewport: str) -> None:
    tab = _use(tabs, viewport)
    path = PAGES[key]
    page_ = tab.open(path)
    assert page_.evaluate("document.documentElement.lang") == "zh-CN"
    violations = tab.axe()
    assert not violations, f"{path} at {viewport}:\n" + "\n".join(violations)
    _no_page_scroll(tab, path, VIEWPORTS[viewport]["viewport"]["width"])
    tab.clean()


@pytest.mark.parametrize("key", PAGES)
def test_no_sideways_scrolling_at_200_percent_zoom(tabs: dict[str, Tab], key: str) -> None:
    tab = _use(tabs, "zoom200")
    tab.open(PAGES[key])
    _no_page_scroll(tab, PAGES[key], 640)
    tab.clean()


@pytest.mark.parametrize("key", PAGES)
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(tabs: dict[str, Tab], key: str) -> None:
    tab = _use(tabs, "desktop")
    page_ = tab.open(PAGES[key])
    page_.keyboard.press("Tab")
    first = tab.focused()
    assert first is not None and first["text"] == "跳到正文" and first["href"] == "#zw-main", first
    page_.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'", timeout=2000)
    assert tab.focused()["visible"], "the skip link is not shown when focused"
    page_.keyboard.press("Enter")
    page_.wait_for_function("document.activeElement && document.activeElement.id === 'zw-main'", timeout=2000)
    # the next Tab continues inside the content, not back in the header
    page_.keyboard.press("Tab")
    after = page_.evaluate("""() => {
      const main = document.getElementById("zw-main"), e = document.activeElement;
      return !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) && !e.closest(".md-header, .md-tabs");
    }""")
    assert after, f"{PAGES[key]}: Tab after the skip link went to {tab.focused()}"
    tab.clean()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("key", ["home", "document", "domain"])
def test_every_tab_stop_is_visible_and_shows_focus(tabs: dict[str, Tab], key: str, viewport: str) -> None:
    tab = _use(tabs, viewport)
    page_ = tab.open(PAGES[key])
    seen = []
    for _ in range(40):
        page_.keyboard.press("Tab")
        focused = tab.focused()
        if focused is None:  # past the last stop
            break
        if not focused["visible"] and "md-skip" in focused["name"]:
            page_.wait_for_timeout(400)  # the skip link fades in
            focused = tab.focused()
        seen.append(focused["name"])
        assert focused["visible"], f"{PAGES[key]} at {viewport}: Tab landed on something not shown: {seen}"
        assert focused["ring"], f"{PAGES[key]} at {viewport}: no visible focus indicator on {focused['name']}"
    assert len(seen) >= 8, seen
    tab.clean()


def test_menu_button_opens_the_navigation_drawer_by_keyboard(tabs: dict[str, Tab]) -> None:
    tab = _use(tabs, "zoom200")
    page_ = tab.open(PAGES["document"])
    menu = page_.locator('.md-header label[for="__drawer"]')
    menu.focus()
    assert menu.get_attribute("aria-expanded") == "false"
    page_.keyboard.press("Enter")
    page_.wait_for_function("document.activeElement.matches('.md-sidebar--primary .md-nav__link')", timeout=2000)
    assert menu.get_attribute("aria-expanded") == "true"
    page_.wait_for_timeout(300)  # the drawer slides in
    assert tab.focused()["visible"]
    page_.keyboard.press("Escape")
    assert page_.evaluate("document.getElementById('__drawer').checked") is False
    assert page_.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    tab.clean()


@pytest.mark.parametrize("key", TABLE_PAGES)
def test_tables_have_headers_captions_and_keyboard_scrolling(tabs: dict[str, Tab], key: str) -> None:
    tab = _use(tabs, "phone")
    page_ = tab.open(PAGES[key])
    tables = page_.evaluate("""() => [...document.querySelectorAll("article table")].map(t => {
      const scroller = t.closest(".zw-table-wrap, .md-typeset__scrollwrap");
      return {
        html: t.outerHTML.slice(0, 80),
        generated: t.classList.length > 0,
        headers: t.querySelectorAll("th").length,
        caption: t.caption ? t.caption.textContent.trim() : "",
        scroller: scroller && {focusable: scroller.tabIndex === 0, role: scroller.getAttribute("role"),
                               name: scroller.getAttribute("aria-label") || ""},
      };
    })""")
    assert tables, PAGES[key]
    for table in tables:
        assert table["headers"], f"{PAGES[key]}: a table without header cells: {table['html']}"
        if table["generated"]:  # our templates; Markdown tables in bodies cannot carry a caption
            assert table["caption"], f"{PAGES[key]}: a table without caption: {table['html']}"
        scroller = table["scroller"]
        if scroller:  # wide tables scroll inside their own wrapper, which keyboards can reach and readers can name
            assert scroller["focusable"] and scroller["role"] == "region" and scroller["name"], table
    tab.clean()


def test_wide_catalogue_scrolls_inside_its_wrapper_not_the_page(tabs: dict[str, Tab]) -> None:
    tab = _use(tabs, "desktop")
    page_ = tab.open(PAGES["domain"])
    page_.set_viewport_size({"width": 800, "height": 800})  # table layout, narrower than the 11 columns
    try:
        wrap = page_.evaluate("""() => { const w = document.querySelector(".zw-table-wrap");
          return [w.scrollWidth, w.clientWidth, getComputedStyle(w).overflowX]; }""")
        assert wrap[2] == "auto"
        _no_page_scroll(tab, PAGES["domain"], 800)
    finally:
        page_.set_viewport_size(VIEWPORTS["desktop"]["viewport"])
    tab.clean()


def test_elder_mode_toggle_works_and_is_remembered_across_pages(new_tab) -> None:  # noqa: ANN001
    tab = new_tab("desktop")
    page_ = tab.open(PAGES["home"])
    button = page_.locator(".md-header__inner .zw-elder-toggle")
    assert button.count() == 1 and button.is_visible()
    assert button.get_attribute("aria-pressed") == "false" and button.inner_text() == "长者模式"
    size = page_.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert page_.evaluate("document.documentElement.classList.contains('zw-elder')") is False

    button.click()
    assert page_.evaluate("document.documentElement.classList.contains('zw-elder')") is True
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "标准模式"
    assert page_.evaluate("localStorage.getItem('zwgk-elder')") == "1"
    bigger = page_.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert bigger >= size * 1.4, (size, bigger)

    for key in ("document", "domain", "annual-report"):  # remembered on the next pages, and still accessible
        page_ = tab.open(PAGES[key])
        assert page_.evaluate("document.documentElement.classList.contains('zw-elder')") is True, key
        assert page_.locator(".zw-elder-toggle").get_attribute("aria-pressed") == "true"
        violations = tab.axe()
        assert not violations, f"{PAGES[key]} in 长者模式:\n" + "\n".join(violations)

    page_.locator(".zw-elder-toggle").focus()  # and by keyboard
    page_.keyboard.press("Space")
    assert page_.evaluate("document.documentElement.classList.contains('zw-elder')") is False
    assert page_.evaluate("localStorage.getItem('zwgk-elder')") == "0"
    page_.reload()
    assert page_.evaluate("document.documentElement.classList.contains('zw-elder')") is False
    assert page_.locator(".zw-elder-toggle").get_attribute("aria-pressed") == "false"
    tab.clean()


@pytest.mark.parametrize("viewport", ["phone", "zoom200"])
def test_elder_mode_fits_phones_and_zoom(new_tab, viewport: str) -> None:  # noqa: ANN001
    tab = new_tab(viewport)
    width = VIEWPORTS[viewport]["viewport"]["width"]
    page_ = tab.open(PAGES["home"])
    button = page_.locator(".zw-elder-toggle")
    box = button.bounding_box()
    assert button.is_visible() and box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    button.click()
    for key, path in PAGES.items():
        tab.open(path)
        assert page_.evaluate("document.documentElement.classList.contains('zw-elder')") is True, key
        _no_page_scroll(tab, path, width)
    tab.clean()


@pytest.mark.parametrize("key", DOCUMENT_PAGES)
def test_print_shows_the_document_without_the_site_around_it(tabs: dict[str, Tab], key: str) -> None:
    tab = _use(tabs, "desktop")
    page_ = tab.open(PAGES[key])
    page_.emulate_media(media="print")
    try:
        for hidden in (".md-header", ".md-tabs", ".md-footer", ".zw-crumbs", ".zw-elder-toggle"):
            assert not page_.locator(hidden).first.is_visible(), f"{PAGES[key]}: {hidden} is printed"
        shown = ["article h1", ".zw-meta", ".zw-body"] if key != "on-request-document" else \
            ["article h1", ".zw-meta", ".zw-notice--request"]
        if key == "interpretation":
            shown = ["article h1", ".zw-related--source", ".zw-body"]
        if key == "repealed-document":
            shown.append(".zw-notice--withdrawn")
        for visible in shown:
            assert page_.locator(visible).first.is_visible(), f"{PAGES[key]}: {visible} is not printed"
    finally:
        page_.emulate_media(media="screen")
    tab.clean()
