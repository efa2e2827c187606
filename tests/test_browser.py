"""The built demo site in a real browser (issue 8): axe-core, keyboard, 长者模式, phones, 200 % zoom, print.

Debian's Chromium (/usr/bin/chromium) driven by Playwright; axe-core is the axe.min.js shipped in the
axe-playwright-python package. The site is served by a local http.server under a sub-path, as webmasters
deploy it. Every request to another host is blocked; such a request, a console or script error, or a 4xx/5xx
response fails the test during which it happened.

Without Chromium or Playwright the module is skipped, unless ZWGK_REQUIRE_BROWSER=1 (CI), where it fails.
"""

from __future__ import annotations

import functools
import json
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import DOC, ROOT, build, copy_fixture, page

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
        return f"the Python package {error.name} is not installed (pip install -e '.[test]')"
    return None


MISSING = _missing()
if MISSING and not REQUIRED:
    pytest.skip(f"browser tests skipped: {MISSING}; with ZWGK_REQUIRE_BROWSER=1 this is an error",
                allow_module_level=True)

# One page of each kind in the demo county; test_the_chosen_pages_are_what_they_say keeps them that kind.
PAGES = {
    "home": "index.html",
    "document": "wj/sjf-2024-4.html",                    # 此件公开发布, with attachments and interpretations
    "on-request-document": "wj/scf-2023-14.html",        # 此件依申请公开
    "repealed-document": "wj/sjf-2022-5.html",           # 废止
    "expired-document": "wj/sjf-2023-8.html",            # 失效
    "interpretation": "zcjd/jd-sjf-2024-4.html",
    "interpretation-tables": "zcjd/jd-smf-2024-5.html",  # tables written in Markdown
    "policies": "zcwj/index.html",
    "policies-year": "zcwj/2024/index.html",
    "library": "zcwj/wjk.html",                          # 政策文件库: filters drawn by its script (test_facets_browser.py)
    "interpretations": "zcjd/index.html",
    "domains": "zdly/index.html",
    "domain": "zdly/education.html",
    "statutory": "fdzdgknr/index.html",
    "statutory-category": "fdzdgknr/regulations/index.html",
    "guide": "zhinan/index.html",
    "rules-page": "zhidu/zhidu-zhudong.html",
    "annual-report": "nianbao/2024.html",
    "on-request": "ysqgk/index.html",
    "sitemap": "wzdt/index.html",
    "decisions": "zdxzjc/index.html",
    "decisions-year": "zdxzjc/2026/index.html",
    "decision": "zdxzjc/2026/jykn-banfa.html",           # timeline with a call for opinions and an on-request document
    "negative-list": "ysqgk/fmqd.html",
    "cleanup": "zcwj/qljg.html",
    "towns": "xzzwgk/index.html",
    "town": "xzzwgk/chengguan/index.html",
    "search": "search.html",
    "gazette": "zfgb/index.html",
    "gazette-year": "zfgb/2025/index.html",
    "gazette-issue": "zfgb/2025/1.html",
    "update-log": "gxrz/index.html",
}
# pages with a layout of their own, checked again in 长者模式 (larger text) on a phone
ELDER_PAGES = ["home", "document", "on-request-document", "policies", "library", "domains", "domain", "annual-report",
               "interpretation-tables", "sitemap", "decision", "cleanup", "town", "update-log"]
TABLE_PAGES = ["document", "domains", "domain", "annual-report", "interpretation-tables", "decisions-year", "decision",
               "negative-list", "cleanup", "towns", "town", "gazette-year"]

VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
              "has_touch": True},
    # a 1280 px wide window at 200 % zoom: 640 CSS px
    "zoom200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}
AXE_VIEWPORTS = ("desktop", "phone")

# Starts axe-core and returns at once (the promise waits in the page); AXE_RESULT waits for it and keeps what
# issue 8 forbids: serious and critical violations. axe runs two animation frames after the call: Material sizes
# its sidebars in a frame after "load", and before that an empty sidebar is a 0 px high scrolling box that
# axe-core reports as a scrollable region without keyboard access (seen once in CI on the 404 page).
AXE_START = """() => { window.__zwgkAxe = new Promise(settled => requestAnimationFrame(() => requestAnimationFrame(settled)))
  .then(() => axe.run(document, {resultTypes: ["violations"]})); }"""
AXE_RESULT = """async () => (await window.__zwgkAxe).violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => `${v.impact} ${v.id}: ${v.help}\\n` + v.nodes.slice(0, 5)
    .map(n => `    ${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`).join("\\n"))"""

SCROLL = "() => [document.documentElement.scrollWidth, window.innerWidth]"
ELDER = "document.documentElement.classList.contains('zw-elder')"
FONT_SIZE = "parseFloat(getComputedStyle(document.querySelector('article .md-typeset, article')).fontSize)"

# The focused element: is it shown at all, and does it have a focus indicator (outline or box shadow)?
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

# Waits (wait_for_function) until the focused element is shown: a fade or slide-in has finished.
SHOWN = f"() => ({FOCUSED})()?.visible === true"


# ---------------------------------------------------------------------------------------------------------------
# the site, the server, the browser


@pytest.fixture(scope="module")
def www(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county built through the real CLI, at <www>/zwgk/: a sub-path, as on a county's server."""
    tree = tmp_path_factory.mktemp("browser-demo")
    for part in ("content", "catalogues"):
        shutil.copytree(ROOT / part, tree / part)
    root = tree / "www"
    shutil.copytree(build(tree), root / "zwgk")
    return root


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the browser moved on to the next page
            pass


@pytest.fixture(scope="module")
def server(www: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/zwgk/ serving the built site."""
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
    """A browser tab with its own context (viewport, storage) that records everything the tests forbid."""

    def __init__(self, browser, base: str, axe: Path, **options: object) -> None:  # noqa: ANN001
        self.base = base
        self.origin = base.removesuffix("zwgk/")
        self.problems: list[str] = []
        self.context = browser.new_context(locale="zh-CN", **options)
        self.context.add_init_script(path=str(axe))  # axe-core in every page, loaded from disk
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
            self.problems.append(f"request to another host: {url}")
            route.abort()

    def _response(self, response) -> None:  # noqa: ANN001
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _failed(self, request) -> None:  # noqa: ANN001
        # ERR_ABORTED: the test went on to the next page while this one was still loading (the search index)
        if request.url.startswith(self.origin) and "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"request failed ({request.failure}): {request.url}")

    def _console(self, message) -> None:  # noqa: ANN001
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def open(self, path: str):  # noqa: ANN201 - playwright Page
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page

    def axe(self) -> list[str]:
        """The serious and critical axe-core violations of the page as it is now."""
        self.page.evaluate(AXE_START)
        return self.page.evaluate(AXE_RESULT)

    def focused(self) -> dict | None:
        return self.page.evaluate(FOCUSED)

    def scrolls_sideways(self) -> str:
        """Why the page scrolls sideways (or is laid out wider than the screen), or ''."""
        width = self.page.viewport_size["width"]
        scroll_width, inner_width = self.page.evaluate(SCROLL)
        if scroll_width <= inner_width == width:
            return ""
        return f"scrolls sideways: {scroll_width} px of content, a {inner_width} px viewport on a {width} px screen"

    def clean(self) -> None:
        """Fails on anything recorded since the test began."""
        problems, self.problems = self.problems, []
        assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def tabs(browser, server: str, axe_script: Path) -> Iterator[dict[str, Tab]]:  # noqa: ANN001
    """One tab per viewport, reused by the tests (their storage is left alone: see new_tab)."""
    opened = {name: Tab(browser, server, axe_script, **options) for name, options in VIEWPORTS.items()}
    yield opened
    for tab in opened.values():
        tab.context.close()


@pytest.fixture
def tab(tabs: dict[str, Tab]) -> Callable[[str], Tab]:
    def use(viewport: str) -> Tab:
        tabs[viewport].problems.clear()  # a late request of the previous test's page was that test's business
        return tabs[viewport]

    return use


@pytest.fixture
def new_tab(browser, server: str, axe_script: Path) -> Iterator[Callable[[str], Tab]]:  # noqa: ANN001
    """A fresh tab with empty storage, for tests that change what the browser remembers."""
    made: list[Tab] = []

    def make(viewport: str) -> Tab:
        made.append(Tab(browser, server, axe_script, **VIEWPORTS[viewport]))
        return made[-1]

    yield make
    for one in made:
        one.context.close()


# ---------------------------------------------------------------------------------------------------------------
# the chosen pages; the skip link on every page


def test_the_chosen_pages_are_what_they_say(www: Path) -> None:
    site = www / "zwgk"
    for path in PAGES.values():
        assert (site / path).is_file(), f"{path} is not in the demo site any more: pick another page of that kind"
    document = page(site, PAGES["document"])
    assert document.css_first(".zw-attachments a[download]") is not None
    assert document.css_first(".zw-related a[href*='zcjd/']") is not None
    assert page(site, PAGES["on-request-document"]).css_first(".zw-notice--request") is not None
    for key, validity in (("repealed-document", "废止"), ("expired-document", "失效")):
        notice = page(site, PAGES[key]).css_first(".zw-notice--withdrawn")
        assert notice is not None and f"本文件已{validity}" in notice.text(), key
    assert page(site, PAGES["interpretation"]).css_first(".zw-related--source a") is not None
    assert page(site, PAGES["interpretation-tables"]).css_first(".zw-body table") is not None
    assert page(site, PAGES["domain"]).css_first("table.zw-catalogue") is not None
    decision = page(site, PAGES["decision"])
    assert decision.css_first("ol.zw-timeline dl.zw-call") is not None and decision.css_first(".zw-badge--request")


def test_every_page_starts_with_the_skip_link_to_the_content(www: Path) -> None:
    """Every built page, read as HTML (the browser tests below press the keys on some of them)."""
    site = www / "zwgk"
    paths = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert len(paths) > 50
    for path in paths:
        if path == "404.html":  # see test_not_found_page_works_under_a_sub_path
            continue
        html = page(site, path)
        assert html.css_first("html").attributes.get("lang") == "zh-CN", path
        focusable = [node for node in html.css("a[href], button, input, select, textarea, [tabindex]")
                     if "md-toggle" not in (node.attributes.get("class") or "")  # display: none checkboxes
                     and node.attributes.get("tabindex") != "-1"]
        first = focusable[0]
        assert (first.attributes.get("class"), first.attributes.get("href"), first.text()) == \
            ("md-skip", "#zw-main", "跳到正文"), f"{path}: the first focusable element is {first.html[:120]}"
        targets = html.css("#zw-main")
        assert len(targets) == 1 and targets[0].attributes.get("tabindex") == "-1", path


# ---------------------------------------------------------------------------------------------------------------
# every page type: axe-core, phones, zoom


@pytest.mark.parametrize("key", PAGES)
def test_page_passes_axe_and_never_scrolls_sideways(tabs: dict[str, Tab], tab, key: str) -> None:  # noqa: ANN001
    """axe-core at 1280 px and on a 360 px phone; no sideways scrolling there nor at 200 % zoom (640 px)."""
    path = PAGES[key]
    for name in VIEWPORTS:
        tab(name).open(path)
    for name in AXE_VIEWPORTS:  # each context has a renderer of its own: the two runs share the two cores
        tabs[name].page.evaluate(AXE_START)
    failures = []
    for name, one in tabs.items():
        if one.page.evaluate("document.documentElement.lang") != "zh-CN":
            failures.append(f"{name}: <html lang> is not zh-CN")
        if why := one.scrolls_sideways():
            failures.append(f"{name}: {why}")
    for name in AXE_VIEWPORTS:
        failures += [f"{name}: axe {violation}" for violation in tabs[name].page.evaluate(AXE_RESULT)]
    for name, one in tabs.items():
        failures += [f"{name}: {problem}" for problem in one.problems]
        one.problems.clear()
    assert not failures, f"{path}:\n" + "\n".join(failures)


def test_wide_catalogue_scrolls_inside_its_wrapper_not_the_page(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    page_ = desktop.open(PAGES["domain"])
    # just wide enough for the table layout (narrower screens get cards), in larger text: 11 columns do not fit
    page_.set_viewport_size({"width": 720, "height": 800})
    page_.evaluate("document.documentElement.classList.add('zw-elder')")  # this page only, nothing stored
    try:
        scroll_width, client_width, overflow = page_.evaluate("""() => {
          const wrap = document.querySelector(".zw-table-wrap");
          return [wrap.scrollWidth, wrap.clientWidth, getComputedStyle(wrap).overflowX]; }""")
        assert scroll_width > client_width and overflow == "auto", (scroll_width, client_width, overflow)
        assert not desktop.scrolls_sideways()
    finally:
        page_.set_viewport_size(VIEWPORTS["desktop"]["viewport"])
    desktop.clean()


@pytest.mark.parametrize("key", TABLE_PAGES)
def test_tables_have_headers_captions_and_keyboard_scrolling(tab, key: str) -> None:  # noqa: ANN001
    phone = tab("phone")
    page_ = phone.open(PAGES[key])
    tables = page_.evaluate("""() => [...document.querySelectorAll("article table")].map(t => {
      const scroller = t.closest(".zw-table-wrap, .md-typeset__scrollwrap");
      return {
        html: t.outerHTML.slice(0, 80),
        ours: t.classList.length > 0,
        headers: t.querySelectorAll("th").length,
        caption: t.caption ? t.caption.textContent.trim() : "",
        scroller: scroller && {focusable: scroller.tabIndex === 0, role: scroller.getAttribute("role"),
                               name: scroller.getAttribute("aria-label") || ""},
      };
    })""")
    assert tables, PAGES[key]
    for table in tables:
        assert table["headers"], f"{PAGES[key]}: a table without header cells: {table['html']}"
        if table["ours"]:  # from our templates; a table in Markdown cannot have a caption (see the report)
            assert table["caption"], f"{PAGES[key]}: a table without caption: {table['html']}"
        scroller = table["scroller"]
        if scroller:  # a wide table scrolls in its wrapper, which keyboards reach and screen readers name
            assert scroller["focusable"] and scroller["role"] == "region" and scroller["name"], table
    phone.clean()


# ---------------------------------------------------------------------------------------------------------------
# keyboard


@pytest.mark.parametrize("key", ["home", "document", "domain", "sitemap"])
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(tab, key: str) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    page_ = desktop.open(PAGES[key])
    page_.keyboard.press("Tab")
    first = desktop.focused()
    assert first is not None and first["text"] == "跳到正文" and first["href"] == "#zw-main", first
    page_.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'", timeout=2000)
    assert desktop.focused()["visible"] and desktop.focused()["ring"], "the focused skip link is not shown"
    page_.keyboard.press("Enter")
    page_.wait_for_function("document.activeElement && document.activeElement.id === 'zw-main'", timeout=2000)
    page_.keyboard.press("Tab")  # goes on in the content, not back to the header
    after = page_.evaluate("""() => {
      const main = document.getElementById("zw-main"), e = document.activeElement;
      return !!(main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) && !e.closest(".md-header, .md-tabs");
    }""")
    assert after, f"{PAGES[key]}: Tab after the skip link went to {desktop.focused()}"
    desktop.clean()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("key", ["document", "domain"])
def test_every_tab_stop_is_shown_with_a_focus_ring(tab, key: str, viewport: str) -> None:  # noqa: ANN001
    one = tab(viewport)
    page_ = one.open(PAGES[key])
    seen: list[str] = []
    for _ in range(40):
        page_.keyboard.press("Tab")
        focused = one.focused()
        if focused is None:  # past the last stop
            break
        if not focused["visible"] and "md-skip" in focused["name"]:
            page_.wait_for_function(SHOWN, timeout=5000)  # the skip link fades in
            focused = one.focused()
        seen.append(focused["name"])
        assert focused["visible"], f"{PAGES[key]} at {viewport}: Tab reached something not shown: {seen}"
        assert focused["ring"], f"{PAGES[key]} at {viewport}: no focus indicator on {focused['name']}"
    assert len(seen) >= 8, seen
    one.clean()


def test_menu_button_opens_the_navigation_drawer_by_keyboard(tab) -> None:  # noqa: ANN001
    """At 200 % zoom (and on phones) the tabs give way to Material's drawer, opened by a header button."""
    zoomed = tab("zoom200")
    page_ = zoomed.open(PAGES["document"])
    menu = page_.locator('.md-header label[for="__drawer"]')
    menu.focus()
    assert menu.get_attribute("aria-expanded") == "false" and menu.get_attribute("aria-label")
    page_.keyboard.press("Enter")
    page_.wait_for_function("document.activeElement.matches('.md-sidebar--primary .md-nav__link')", timeout=2000)
    assert menu.get_attribute("aria-expanded") == "true"
    page_.wait_for_function(SHOWN, timeout=5000)  # the drawer slides in
    assert zoomed.focused()["visible"]
    page_.keyboard.press("Escape")
    assert page_.evaluate("document.getElementById('__drawer').checked") is False
    assert page_.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    zoomed.clean()


# ---------------------------------------------------------------------------------------------------------------
# 长者模式


def test_elder_mode_toggle_works_and_is_remembered_across_pages(new_tab) -> None:  # noqa: ANN001
    desktop = new_tab("desktop")
    page_ = desktop.open(PAGES["home"])
    button = page_.locator(".md-header__inner .zw-elder-toggle")
    assert button.count() == 1 and button.is_visible()
    assert button.get_attribute("aria-pressed") == "false" and button.inner_text() == "长者模式"
    assert page_.evaluate(ELDER) is False
    size = page_.evaluate(FONT_SIZE)

    button.click()
    assert page_.evaluate(ELDER) is True
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "标准模式"
    assert page_.evaluate("localStorage.getItem('zwgk-elder')") == "1"
    assert page_.evaluate(FONT_SIZE) >= size * 1.2

    for key in ("document", "domain", "annual-report"):  # remembered on the next pages, and still accessible
        page_ = desktop.open(PAGES[key])
        assert page_.evaluate(ELDER) is True, key
        assert page_.locator(".zw-elder-toggle").get_attribute("aria-pressed") == "true"
        violations = desktop.axe()
        assert not violations, f"{PAGES[key]} in 长者模式:\n" + "\n".join(violations)

    page_.locator(".zw-elder-toggle").focus()  # off again, by keyboard
    page_.keyboard.press("Space")
    assert page_.evaluate(ELDER) is False
    assert page_.evaluate("localStorage.getItem('zwgk-elder')") == "0"
    page_.reload()
    assert page_.evaluate(ELDER) is False
    assert page_.locator(".zw-elder-toggle").get_attribute("aria-pressed") == "false"
    desktop.clean()


def test_elder_mode_fits_a_phone(new_tab) -> None:  # noqa: ANN001
    phone = new_tab("phone")
    page_ = phone.open(PAGES["home"])
    button = page_.locator(".zw-elder-toggle")
    box = button.bounding_box()
    assert button.is_visible() and box is not None and 0 <= box["x"] and box["x"] + box["width"] <= 360, box
    button.click()
    failures = []
    for key in ELDER_PAGES:
        phone.open(PAGES[key])
        assert page_.evaluate(ELDER) is True, key
        if why := phone.scrolls_sideways():
            failures.append(f"{PAGES[key]}: {why}")
    assert not failures, "\n".join(failures)
    phone.clean()


# ---------------------------------------------------------------------------------------------------------------
# print


@pytest.mark.parametrize(("key", "printed"), [
    ("document", [".zw-meta", ".zw-body", ".zw-attachments"]),
    ("on-request-document", [".zw-meta", ".zw-notice--request"]),
    ("repealed-document", [".zw-notice--withdrawn", ".zw-meta", ".zw-body"]),
    ("interpretation", [".zw-dateline", ".zw-related--source", ".zw-body"]),
])
def test_print_shows_the_document_without_the_site_around_it(tab, key: str, printed: list[str]) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    page_ = desktop.open(PAGES[key])
    page_.emulate_media(media="print")
    try:
        for hidden in (".md-header", ".md-tabs", ".md-footer", ".zw-crumbs", ".zw-elder-toggle"):
            assert not page_.locator(hidden).first.is_visible(), f"{PAGES[key]}: {hidden} is printed"
        for shown in ["article h1", *printed]:
            assert page_.locator(shown).first.is_visible(), f"{PAGES[key]}: {shown} is not printed"
    finally:
        page_.emulate_media(media="screen")
    desktop.clean()


def test_annual_report_prints_on_a4_with_whole_tables(tab) -> None:  # noqa: ANN001
    """@page gives A4; at its 17 cm of text width (643 px) the report's tables shrink to fit, none is cut off."""
    import re

    desktop = tab("desktop")
    page_ = desktop.open(PAGES["annual-report"])
    page_.set_viewport_size({"width": 643, "height": 900})
    page_.emulate_media(media="print")
    try:
        for hidden in (".md-header", ".md-tabs", ".md-footer", ".zw-crumbs", ".md-top"):
            assert not page_.locator(hidden).first.is_visible(), f"{hidden} is printed"
        tables = page_.evaluate("""() => [...document.querySelectorAll("article table")].map(t => {
          const wrap = t.closest(".zw-table-wrap");
          return [t.caption.textContent, Math.ceil(t.getBoundingClientRect().right), wrap.scrollWidth - wrap.clientWidth];
        })""")
        assert len(tables) == 3
        for caption, right, hidden_width in tables:
            assert right <= 643 and hidden_width == 0, (caption, right, hidden_width)
        pdf = page_.pdf(prefer_css_page_size=True)
        box = [float(n) for n in re.search(rb"/MediaBox\s*\[([\d.\s]+)\]", pdf).group(1).split()]
        assert [round(box[2] * 25.4 / 72), round(box[3] * 25.4 / 72)] == [210, 297]  # millimetres
    finally:
        page_.emulate_media(media="screen")
        page_.set_viewport_size(VIEWPORTS["desktop"]["viewport"])
    desktop.clean()


# ---------------------------------------------------------------------------------------------------------------
# the 404 page (at the server root, and served for missing addresses by nginx: test_deploy_browser.py)


def test_not_found_page_works_under_a_sub_path(tab) -> None:  # noqa: ANN001
    """The demo's 网站地址 ends in /zwgk/, so MkDocs links the 404 page from there, where it is served."""
    desktop = tab("desktop")
    desktop.open("404.html")
    assert desktop.page.evaluate("document.documentElement.lang") == "zh-CN"
    violations = desktop.axe()
    desktop.clean()
    assert not violations, "\n".join(violations)



# ---------------------------------------------------------------------------------------------------------------
# 站内搜索: search.html queries the Pagefind index in pagefind/ (hooks/zwgk/site/search.py)

SEARCH_DONE = """() => /^(找到|没有找到|请输入|搜索暂时)/.test(document.querySelector(".zw-search__status").textContent)"""
RESULTS = """() => [...document.querySelectorAll(".zw-search__results > li")].map(li => ({
  href: li.querySelector("a").getAttribute("href"), title: li.querySelector("a").textContent,
  meta: li.querySelector(".zw-entry__meta").textContent, date: li.querySelector("time").getAttribute("datetime"),
  excerpt: (li.querySelector(".zw-search__excerpt") || {}).textContent || ""}))"""


def _search(one: Tab, query: str) -> list[dict]:
    page_ = one.open("search.html?q=" + quote(query))
    page_.wait_for_function(SEARCH_DONE, timeout=20000)
    return page_.evaluate(RESULTS)


def _paths(results: list[dict], base: str) -> list[str]:
    assert all(r["href"].startswith(base) for r in results), "result links leave the site's sub-path"
    return [r["href"].removeprefix(base) for r in results]


def test_search_finds_a_word_inside_longer_words(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    results = _search(desktop, "养老")
    paths = _paths(results, desktop.base)
    assert "wj/szf-2023-5.html" in paths[:3]  # 示例县人民政府关于推进基本养老服务体系建设的实施意见
    assert "zcjd/jd-szf-2023-5.html" in paths
    for result in results:
        assert "养老" in result["title"] + result["excerpt"], result
        assert result["date"], result  # every result shows its 发布日期
    assert desktop.page.locator(".zw-search__results mark").first.text_content() == "养老"
    # ten at a time; the demo county has 14 pages with 养老
    assert len(results) == 10
    assert desktop.page.locator(".zw-search__status").text_content() == "找到 14 条结果。"
    desktop.page.locator(".zw-search__more").click()
    desktop.page.wait_for_function("document.querySelectorAll('.zw-search__results > li').length === 14")
    assert desktop.focused()["href"] == desktop.page.evaluate(RESULTS)[10]["href"]  # focus on the first new one
    assert not desktop.page.locator(".zw-search__more").is_visible()
    desktop.clean()


@pytest.mark.parametrize("typed", ["示政发〔2023〕5号", "示政发[2023]5号", "[2023]5号", "2023 5号", "２０２３　５号"])
def test_search_finds_a_document_number_however_it_is_typed(tab, typed: str) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    results = _search(desktop, typed)
    paths = _paths(results, desktop.base)
    if typed.startswith("示政发"):
        assert paths[0] == "wj/szf-2023-5.html", paths
        assert "示政发〔2023〕5号" in results[0]["meta"]
    else:  # every 〔2023〕5号 of every organ, and the pages citing one
        assert "wj/szf-2023-5.html" in paths[:3], paths
        assert all("〔2023〕5号" in r["meta"] + r["excerpt"] for r in results), results
    desktop.clean()


def test_search_finds_an_on_request_document_by_its_title(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    paths = _paths(_search(desktop, "县人民医院基础设施建设项目资金调整"), desktop.base)
    assert paths[0] == "wj/scf-2023-14.html"  # 此件依申请公开: its page shows the metadata and how to apply
    desktop.clean()


def test_search_for_something_absent_says_so(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    assert _search(desktop, "不存在的词语甲乙丙") == []
    assert desktop.page.locator(".zw-search__status").text_content().startswith("没有找到包含“不存在的词语甲乙丙”的内容")
    desktop.clean()


def test_search_query_is_cut_as_the_index_was(tab) -> None:  # noqa: ANN001
    """theme/assets/zwgk-search.js cuts queries with the rule hooks/zwgk/site/search.py cut the indexed text with."""
    from zwgk.site.search import tokens

    samples = ["养老服务补贴", "示政办发〔2024〕3号", "[2024]3号", "２０２４　３号", "ＰＭ２．５浓度", "“一卡通”，发放", "县", "abc-12"]
    desktop = tab("desktop")
    desktop.open("search.html")
    assert desktop.page.evaluate("(samples) => samples.map(s => window.zwgkSearch.tokens(s))", samples) == \
        [tokens(s) for s in samples]
    desktop.clean()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_search_results_pass_axe_and_fit_a_phone(tab, viewport: str) -> None:  # noqa: ANN001
    one = tab(viewport)
    assert _search(one, "养老")
    assert not one.scrolls_sideways(), one.scrolls_sideways()
    violations = one.axe()
    one.clean()
    assert not violations, "\n".join(violations)


def test_header_search_box_leads_to_the_results(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    page_ = desktop.open(PAGES["document"])
    page_.fill(".zw-header-search__input", "养老")
    page_.press(".zw-header-search__input", "Enter")
    page_.wait_for_url(desktop.base + "search.html?q=*")
    page_.wait_for_function(SEARCH_DONE, timeout=20000)
    assert page_.evaluate(RESULTS), "no results after searching from the header"
    desktop.clean()


def test_header_search_is_a_button_on_a_phone(tab) -> None:  # noqa: ANN001
    phone = tab("phone")
    page_ = phone.open(PAGES["document"])
    assert not page_.locator(".zw-header-search__input").is_visible()
    page_.locator(".zw-header-search__button").click()
    page_.wait_for_url(phone.base + "search.html?q=")
    assert page_.evaluate("document.activeElement.id") == "zw-search-q"
    phone.clean()


def test_search_page_opened_from_a_file_says_it_needs_the_server(www: Path, browser) -> None:  # noqa: ANN001
    context = browser.new_context(locale="zh-CN")
    errors: list[str] = []
    page_ = context.new_page()
    page_.on("pageerror", lambda error: errors.append(str(error)))
    page_.goto((www / "zwgk" / "search.html").as_uri() + "?q=养老")
    status = page_.locator(".zw-search__status").text_content()
    context.close()
    assert "请通过网站服务器访问本站后再搜索" in status
    assert errors == []


def test_search_merges_an_index_written_in_parts(www: Path, server: str, browser, axe_script: Path,  # noqa: ANN001
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A large county's index is written in parts of search.PART_SIZE records: the same answers, merged."""
    from zwgk.site import search
    from zwgk.build.sitebuild import prepare

    parts = www / "zwgk-parts"
    if not parts.exists():
        shutil.copytree(www / "zwgk", parts)
        site, _ = prepare(www.parent)
        monkeypatch.setattr(search, "PART_SIZE", 20)
        site.search_index(parts)
    site, _ = prepare(www.parent)
    count = len(search.records(site.public, site.bodies))
    expected = [f"{n}/" for n in range(1, (count + 19) // 20)]  # parts of 20: the first in pagefind/ itself
    assert len(expected) >= 2 and json.loads((parts / "pagefind" / "parts.json").read_text()) == expected
    whole, split = Tab(browser, server, axe_script), Tab(browser, server.replace("/zwgk/", "/zwgk-parts/"), axe_script)
    for query in ("养老", "示政发〔2023〕5号", "2023 5号"):  # the parts rank a little differently (their own IDF)
        expected = _paths(_search(whole, query), whole.base)
        found = _paths(_search(split, query), split.base)
        assert sorted(found) == sorted(expected), query
        if query.startswith("示政发"):
            assert found[0] == "wj/szf-2023-5.html"
    for one in (whole, split):
        one.clean()
        one.context.close()


# ---------------------------------------------------------------------------------------------------------------
# layout (issue 21): heading order, table text, badges, the 404 page, the home page's cards

# Headings at all four levels in a document's body (a converted 公文 has 一、 / （一） / 1. levels).
HEADED_DOCUMENT = DOC.replace("标题: 新文件", "标题: 测试县学生资助工作实施细则").replace("8号", "9号").replace("正文\n", """## 一、资助对象

### （一）适用范围

#### 1. 义务教育阶段学生

本细则适用于在本县就读的义务教育阶段学生。

| 年级 | 标准（元/年） |
|---|---|
| 小学 | 500 |
""")

# Font size and weight of the first h1..h4 in the article, and of its body text.
HEADINGS = """() => {
  const article = document.querySelector("article");
  const style = e => e && [parseFloat(getComputedStyle(e).fontSize), parseInt(getComputedStyle(e).fontWeight)];
  return {levels: ["h1", "h2", "h3", "h4"].map(h => style(article.querySelector(h))),
          text: style(article.querySelector(".zw-body p") || article.querySelector(".zw-report p")
                      || article.querySelector("article > p:not([class])") || article)[0]};
}"""


@pytest.fixture(scope="module")
def headed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = copy_fixture("mini", tmp_path_factory.mktemp("headed"))
    (tree / "content/documents/2024/cjf-2024-9.md").write_text(HEADED_DOCUMENT, encoding="utf-8")
    return build(tree)


def _file_page(browser, viewport: str):  # noqa: ANN001, ANN202 - playwright objects
    context = browser.new_context(locale="zh-CN", **VIEWPORTS[viewport])
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    return context, context.new_page()


def _falls(levels: list) -> list[str]:
    """Why the headings h1..h4 (each [size, weight] or None) do not fall in size at one weight, or []."""
    present = [(f"h{n + 1}", level) for n, level in enumerate(levels) if level]
    faults = [f"{a} {sa}px is not larger than {b} {sb}px" for (a, (sa, _)), (b, (sb, _)) in zip(present, present[1:])
              if sa <= sb]
    weights = {weight for _, (_, weight) in present}
    if len(weights) != 1 or min(weights) < 600:
        faults.append(f"weights differ or are light: {present}")
    return faults


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_headings_fall_in_size_from_h1_to_h4_in_a_document_body(headed_site: Path, browser, viewport: str) -> None:  # noqa: ANN001
    context, page_ = _file_page(browser, viewport)
    try:
        page_.goto((headed_site / "wj/cjf-2024-9.html").as_uri())
        found = page_.evaluate(HEADINGS)
        page_.evaluate("document.documentElement.classList.add('zw-elder')")
        elder = page_.evaluate(HEADINGS)
    finally:
        context.close()
    assert all(found["levels"]), found  # the page has all four levels, or the test proves nothing
    assert _falls(found["levels"]) == [], found
    assert found["levels"][3][0] >= found["text"], f"h4 is smaller than the text under it: {found}"
    assert _falls(elder["levels"]) == [], f"长者模式: {elder}"


@pytest.mark.parametrize("key", ["guide", "town", "annual-report", "home", "document"])
def test_headings_fall_in_size_on_the_demo_pages(tab, key: str) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    desktop.open(PAGES[key])
    found = desktop.page.evaluate(HEADINGS)
    assert found["levels"][0] and found["levels"][1], found
    assert _falls(found["levels"]) == [], f"{PAGES[key]}: {found}"
    desktop.clean()


def test_guide_has_a_third_level_smaller_than_the_second(tab) -> None:  # noqa: ANN001
    """The reported case: （一）公开范围 (h3) was larger and lighter than 二、主动公开 (h2)."""
    desktop = tab("desktop")
    desktop.open(PAGES["guide"])
    found = desktop.page.evaluate(HEADINGS)
    assert found["levels"][2] and found["levels"][2][0] < found["levels"][1][0], found
    desktop.clean()


# Font size of each table cell kind beside the font size of the paragraphs around its table.
# The text is a plain paragraph of the body (or report) the table is in, else the article's own size.
TABLE_TEXT = """() => [...document.querySelectorAll("article table")].map(t => {
  const box = t.closest(".zw-body, .zw-report");
  const text = (box && [...box.querySelectorAll("p:not([class])")].find(p => !p.closest("table"))) || t.closest("article");
  const td = t.querySelector("td:not(.zw-report-note)");
  return [t.className || "markdown", parseFloat(getComputedStyle(td).fontSize), parseFloat(getComputedStyle(text).fontSize)];
})"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("key", ["document", "domain", "annual-report", "interpretation-tables", "town"])
def test_table_text_is_the_size_of_the_body_text(tab, key: str, viewport: str) -> None:  # noqa: ANN001
    one = tab(viewport)
    one.open(PAGES[key])
    tables = one.page.evaluate(TABLE_TEXT)
    assert tables, PAGES[key]
    for name, cell, text in tables:
        assert cell == text, f"{PAGES[key]} at {viewport}: table {name} has {cell}px text beside {text}px"
    one.clean()


def test_withdrawn_badge_stands_apart_from_the_title_before_it(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    desktop.open(PAGES["domain"])
    gaps = desktop.page.evaluate("""() => [...document.querySelectorAll(".zw-catalogue .zw-badge")].map(b => {
      const a = b.previousElementSibling, rects = a.getClientRects(), last = rects[rects.length - 1];
      const badge = b.getBoundingClientRect();
      return Math.abs(badge.top - last.top) < last.height ? badge.left - last.right : null;  // same line only
    })""")
    same_line = [gap for gap in gaps if gap is not None]
    assert same_line, f"no badge beside its title on one line: {gaps}"
    assert min(same_line) >= 4, f"a badge touches the title before it: {gaps}"
    desktop.clean()


def test_not_found_page_starts_where_every_page_does(tab) -> None:  # noqa: ANN001
    """Material keeps an empty sidebar beside a page without page.meta: the 404 page was indented ~300 px."""
    desktop = tab("desktop")
    left = "Math.round(document.querySelector('article h1').getBoundingClientRect().left)"
    desktop.open(PAGES["guide"])
    usual = desktop.page.evaluate(left)
    desktop.open("404.html")
    assert desktop.page.evaluate(left) == usual < 100
    desktop.clean()
    phone = tab("phone")  # the drawer still holds the navigation there
    phone.open("404.html")
    assert phone.page.locator(".md-sidebar--primary .md-nav__link[href]").count() >= 10
    phone.clean()


@pytest.mark.parametrize("viewport", ["desktop", "zoom200"])
def test_home_cards_fill_every_row(tab, viewport: str) -> None:  # noqa: ANN001
    one = tab(viewport)
    one.open(PAGES["home"])
    rows = one.page.evaluate("""() => {
      const grid = document.querySelector(".zw-home__grid").getBoundingClientRect(), rows = {};
      for (const card of document.querySelectorAll(".zw-home__grid > .zw-card")) {
        const r = card.getBoundingClientRect();
        (rows[Math.round(r.top)] ||= []).push([Math.round(r.left - grid.left), Math.round(grid.right - r.right)]);
      }
      return Object.values(rows);
    }""")
    assert len(rows) >= 3, rows
    for row in rows:  # each row begins at the left edge and its last card reaches the right edge
        assert row[0][0] == 0 and row[-1][1] == 0, f"{viewport}: a row that does not fill the width: {rows}"
    one.clean()


# ---------------------------------------------------------------------------------------------------------------
# 字号 and 打印 on a document page (theme/assets/zwgk.js)

BODY_SIZE = "parseFloat(getComputedStyle(document.querySelector('.zw-body p')).fontSize)"
BODY_H2 = "parseFloat(getComputedStyle(document.querySelector('.zw-body h2')).fontSize)"
PAGE_H1 = "parseFloat(getComputedStyle(document.querySelector('article > h1')).fontSize)"


def test_text_size_buttons_work_by_keyboard_and_are_remembered(new_tab) -> None:  # noqa: ANN001
    desktop = new_tab("desktop")
    page_ = desktop.open(PAGES["document"])
    tools = page_.locator(".zw-doc-tools")
    assert tools.is_visible()
    medium = page_.evaluate(BODY_SIZE)
    large = page_.locator("[data-zw-size=large]")
    large.focus()
    page_.keyboard.press("Enter")
    assert large.get_attribute("aria-pressed") == "true"
    assert page_.locator("[data-zw-size=medium]").get_attribute("aria-pressed") == "false"
    assert page_.evaluate(BODY_SIZE) > medium * 1.2
    assert page_.evaluate(PAGE_H1) > page_.evaluate(BODY_H2) > page_.evaluate(BODY_SIZE)  # still in order
    page_.reload()
    assert page_.evaluate(BODY_SIZE) > medium * 1.2, "the size chosen is not remembered"
    small = page_.locator("[data-zw-size=small]")
    small.focus()
    page_.keyboard.press(" ")
    assert small.get_attribute("aria-pressed") == "true" and page_.evaluate(BODY_SIZE) < medium
    desktop.clean()


def test_print_button_prints_and_the_tools_are_not_printed(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    page_ = desktop.open(PAGES["document"])
    page_.evaluate("window.print = () => { window.zwPrinted = true; }")  # the dialog itself would block
    page_.locator(".zw-doc-tools__print").focus()
    page_.keyboard.press("Enter")
    assert page_.evaluate("window.zwPrinted") is True
    page_.emulate_media(media="print")
    try:
        assert not page_.locator(".zw-doc-tools").is_visible()
        assert page_.locator(".zw-body .zw-signature").first.is_visible()
    finally:
        page_.emulate_media(media="screen")
    desktop.clean()


def test_without_scripts_no_reading_tools_are_shown(browser, server: str, axe_script: Path) -> None:  # noqa: ANN001
    plain = Tab(browser, server, axe_script, java_script_enabled=False, **VIEWPORTS["desktop"])
    try:
        page_ = plain.open(PAGES["document"])
        assert page_.locator(".zw-doc-tools").count() == 1 and not page_.locator(".zw-doc-tools").is_visible()
        assert page_.locator(".zw-label--end").is_visible()
    finally:
        plain.context.close()


# ---------------------------------------------------------------------------------------------------------------
# the annual report's wide tables on a phone

# Each number cell of a report table, scrolled into view inside its wrapper: what covers its centre, whether it
# lies inside the wrapper and the screen, and (in a table with row labels) whether its row's label is in view.
NUMBERS_IN_VIEW = """(selector) => {
  const table = document.querySelector(selector), wrap = table.closest(".zw-table-wrap"), faults = [];
  const shown = (node, x, y) => { const hit = document.elementFromPoint(x, y); return hit === node || node.contains(hit); };
  let cells = 0;
  wrap.scrollLeft = 0;
  for (const row of table.querySelectorAll("tbody tr:not(.zw-report-explain)")) {
    const label = [...row.querySelectorAll("th")].pop();
    for (const td of row.querySelectorAll("td")) {
      cells++;
      td.scrollIntoView({block: "center", inline: "end"});
      const r = td.getBoundingClientRect(), w = wrap.getBoundingClientRect(), name = `${row.rowIndex}/${td.cellIndex}`;
      if (r.left < w.left - 1 || r.right > Math.min(w.right, innerWidth) + 1) faults.push(`${name} outside the screen`);
      else if (!shown(td, (r.left + r.right) / 2, (r.top + r.bottom) / 2)) faults.push(`${name} is covered`);
      if (label) {
        const l = label.getBoundingClientRect();
        if (l.left < w.left - 1 || !shown(label, l.left + 4, (l.top + l.bottom) / 2))
          faults.push(`${name}: its row label ${label.textContent.trim()} is out of view`);
      }
    }
  }
  return {cells, faults};
}"""


@pytest.mark.parametrize("elder", [False, True])
@pytest.mark.parametrize("table", ["requests", "reviews"])
def test_every_report_number_can_be_read_on_a_phone(tab, table: str, elder: bool) -> None:  # noqa: ANN001
    phone = tab("phone")
    page_ = phone.open(PAGES["annual-report"])
    if elder:  # 长者模式 for this page only: nothing is stored
        page_.evaluate("document.documentElement.classList.add('zw-elder')")
    selector = f"table.zw-report-table--{table}"
    wrap = page_.locator(f"{selector} >> xpath=ancestor::div[contains(@class, 'zw-table-wrap')]")
    hint = wrap.locator("xpath=preceding-sibling::*[1]")
    assert "zw-scroll-hint" in (hint.get_attribute("class") or "") and hint.is_visible()
    assert "左右滑动查看" in hint.inner_text()
    found = page_.evaluate(NUMBERS_IN_VIEW, selector)
    assert found["cells"] >= 15 and found["faults"] == [], found
    assert not phone.scrolls_sideways()
    phone.clean()


def test_report_scroll_hints_are_not_shown_where_the_tables_fit(tab) -> None:  # noqa: ANN001
    desktop = tab("desktop")
    page_ = desktop.open(PAGES["annual-report"])
    assert page_.locator(".zw-scroll-hint").count() == 2
    assert not any(hint.is_visible() for hint in page_.locator(".zw-scroll-hint").all())
    desktop.clean()
