"""The 政策文件库 page of the demo county in Chromium (issue 19): filter, combine two facets, clear, the state in
the URL (reload, a shared link), keyboard only, a 360 px phone, from file://, and without JavaScript.

The site and browser come from tests/test_browser.py (served under a sub-path; any request to another host, a
console or script error, or a 4xx fails). Expected results are computed here from the built data file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from test_browser import MISSING, REQUIRED, VIEWPORTS, Tab, axe_script, browser, new_tab, server, tab, tabs, www  # noqa: F401

LIBRARY = "zcwj/wjk.html"
RESULTS = ".zw-library__results li"

if MISSING and not REQUIRED:
    pytest.skip(f"browser tests skipped: {MISSING}", allow_module_level=True)


@pytest.fixture(scope="module")
def data(www: Path) -> dict:  # noqa: F811
    text = (www / "zwgk" / "zcwj/wjk/data.js").read_text(encoding="utf-8")
    return json.loads(text[len("window.zwgkLibrary="):-2])


def expected(data: dict, **chosen: str) -> list[str]:
    """Titles of the documents with every chosen facet value, in the data's order (newest first)."""
    keys = [f[0] for f in data["facets"]]
    out = []
    for row in data["docs"]:
        ok = True
        for key, value in chosen.items():
            column = keys.index(key)
            number = data["facets"][column][2].index(value)
            have = row[7 + column]
            ok &= (number in have) if isinstance(have, list) else have == number
        if ok:
            out.append(row[1])
    return out


def titles(page_) -> list[str]:  # noqa: ANN001
    return page_.locator(f"{RESULTS} a.zw-entry__title").all_text_contents()


def status(page_) -> str:  # noqa: ANN001
    return page_.locator(".zw-library__status").text_content() or ""


def ready(one: Tab, query: str = ""):  # noqa: ANN201
    page_ = one.open(LIBRARY + query)
    page_.wait_for_selector("form.zw-library:not([hidden])")
    return page_


def search_of(page_) -> dict[str, str]:  # noqa: ANN001
    return dict(page_.evaluate("() => [...new URLSearchParams(location.search)]"))


def test_one_facet_filters_and_shows_withdrawn_documents_with_their_date(tab: Callable[[str], Tab], data) -> None:  # noqa: ANN001, F811
    one = tab("desktop")
    page_ = ready(one)
    assert page_.locator(RESULTS).count() == 20  # the first page of all documents
    assert f"共 {len(data['docs'])} 件" in status(page_)
    page_.select_option("select[name=yx]", "废止")
    want = expected(data, yx="废止")
    assert want and titles(page_) == want[:20]
    assert f"有效性：废止，共 {len(want)} 件" in status(page_)
    for li in page_.locator(RESULTS).all():
        assert li.locator(".zw-badge--withdrawn").text_content() == "废止"
        assert li.locator(".zw-entry__withdrawn time").get_attribute("datetime")
    # the replacement is linked by its title, and the link works under the sub-path
    replaced = page_.locator(f"{RESULTS} .zw-entry__withdrawn a").first
    name = replaced.text_content()
    replaced.click()
    assert page_.locator("h1").first.text_content().strip() == name
    one.clean()


def test_two_facets_combine_and_the_counts_follow(tab, data) -> None:  # noqa: ANN001, F811
    one = tab("desktop")
    page_ = ready(one)
    organ = max(data["facets"][0][2], key=lambda v: len(expected(data, jg=v)))
    page_.select_option("select[name=jg]", organ)
    year = next(y for y in data["facets"][3][2] if 0 < len(expected(data, jg=organ, nf=y)) < len(expected(data, jg=organ)))
    page_.select_option("select[name=nf]", year)
    want = expected(data, jg=organ, nf=year)
    assert titles(page_) == want[:20]
    assert search_of(page_) == {"jg": organ, "nf": year}
    # each menu counts what the other choices leave: the years of this organ, the organs of this year
    years = page_.locator("select[name=nf] option").all_text_contents()
    assert years == ["全部", *(f"{y}（{len(expected(data, jg=organ, nf=y))}）" for y in data["facets"][3][2])]
    organs = page_.locator("select[name=jg] option").all_text_contents()
    assert organs == ["全部", *(f"{o}（{len(expected(data, jg=o, nf=year))}）" for o in data["facets"][0][2])]
    assert sum(1 for y in years if not y.endswith("（0）")) > 2  # other years still to be chosen
    validity = page_.locator("select[name=yx] option").all_text_contents()
    assert validity[1:] == [f"{v}（{len(expected(data, jg=organ, nf=year, yx=v))}）" for v in data["facets"][4][2]]
    # a word of a title narrows it further; a 文号 typed with square brackets finds its document
    first = data["docs"][0]
    number = first[2].replace("〔", "[").replace("〕", "]")
    page_.fill("#zw-library-q", number)
    page_.keyboard.press("Enter")
    page_.select_option("select[name=jg]", "")
    page_.select_option("select[name=nf]", "")
    assert titles(page_)[0] == first[1]
    assert search_of(page_) == {"q": number}
    one.clean()


@pytest.mark.parametrize("typed", ["{organ}[{year}]{n}号", "{organ}【{year}】{n}号", "{organ} {year} {n}", "（{year}）{n}号"])
def test_a_document_number_is_found_however_it_is_typed(tab, data, typed: str) -> None:  # noqa: ANN001, F811
    import re

    one = tab("phone")
    row = next(r for r in data["docs"] if re.fullmatch(r"\w+〔\d{4}〕\d+号", r[2]) and r[2].endswith("〕8号"))
    organ, year, n = re.fullmatch(r"(\w+)〔(\d{4})〕(\d+)号", row[2]).groups()
    page_ = ready(one, "?q=" + quote(typed.format(organ=organ, year=year, n=n)))
    found = titles(page_)
    numbers = page_.locator(f"{RESULTS} .zw-libentry__field", has_text="文号：").all_text_contents()
    assert row[1] in found
    if typed.startswith("{organ}"):
        assert numbers == [f"文号：{row[2]}"]  # not 〔…〕18号 nor 〔…〕80号
    else:
        assert all(re.search(rf"〔{year}〕{n}号$", number) for number in numbers), numbers
    one.clean()


def test_clear_brings_back_every_document(tab, data) -> None:  # noqa: ANN001, F811
    one = tab("desktop")
    page_ = ready(one, "?yx=" + quote("失效") + "&q=" + quote("示例"))
    assert titles(page_) == [t for t in expected(data, yx="失效") if "示例" in t][:20]
    page_.click("button.zw-library__clear")
    assert f"共 {len(data['docs'])} 件" in status(page_)
    assert page_.evaluate("location.search") == ""
    assert page_.input_value("#zw-library-q") == "" and page_.input_value("select[name=yx]") == ""
    one.clean()


def test_the_url_keeps_the_filters_for_reload_back_and_a_shared_link(tab, new_tab, data) -> None:  # noqa: ANN001, F811
    one = tab("desktop")
    page_ = ready(one)
    domain = max(data["facets"][5][2], key=lambda v: len(expected(data, ly=v)))
    page_.select_option("select[name=ly]", domain)
    page_.select_option("select[name=yx]", "现行有效")
    want = expected(data, ly=domain, yx="现行有效")
    assert titles(page_) == want[:20]
    if len(want) > 20:
        page_.click("button.zw-library__next")
        assert titles(page_) == want[20:40]
    shared = page_.url
    page_.reload()
    page_.wait_for_selector("form.zw-library:not([hidden])")
    assert page_.input_value("select[name=ly]") == domain and titles(page_) == (want[20:40] if len(want) > 20 else want)
    page_.go_back()  # the previous choice comes back with its list
    page_.wait_for_function("() => !new URLSearchParams(location.search).has('p')" if len(want) > 20
                            else "() => !new URLSearchParams(location.search).has('yx')")
    assert titles(page_) == (want[:20] if len(want) > 20 else expected(data, ly=domain)[:20])
    # someone else opens the link in a browser of their own
    other = new_tab("phone")
    other_page = other.page
    other_page.goto(shared)
    other_page.wait_for_selector("form.zw-library:not([hidden])")
    assert other_page.input_value("select[name=ly]") == domain
    assert other_page.input_value("select[name=yx]") == "现行有效"
    assert titles(other_page) == (want[20:40] if len(want) > 20 else want)
    one.clean()
    other.clean()


def test_keyboard_alone_filters_and_reaches_the_results(tab, data) -> None:  # noqa: ANN001, F811
    one = tab("desktop")
    page_ = ready(one)
    page_.focus("#zw-library-q")
    page_.keyboard.type("通知")
    page_.keyboard.press("Enter")
    want = [t for t in (r[1] for r in data["docs"]) if "通知" in t]
    page_.wait_for_function(f"() => document.querySelectorAll('{RESULTS}').length === {min(20, len(want))}")
    assert titles(page_) == want[:20]
    seen = []
    for _ in range(12):  # Tab through the six menus to the buttons, each with a focus ring
        page_.keyboard.press("Tab")
        focused = one.focused()
        seen.append(focused["name"])
        assert focused["visible"] and focused["ring"], seen
        if focused["id"] == "zw-library-yx":
            break
    assert seen[-1].startswith("select"), seen
    page_.keyboard.press("ArrowDown")  # a closed <select> changes with the arrow keys
    chosen = page_.input_value("#zw-library-yx")
    assert chosen and search_of(page_).get("yx") == chosen
    assert titles(page_) == [t for t in expected(data, yx=chosen) if "通知" in t][:20]
    one.clean()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_library_fits_a_phone_and_passes_axe(tab, viewport: str, data) -> None:  # noqa: ANN001, F811
    one = tab(viewport)
    page_ = ready(one, "?yx=" + quote("废止"))
    assert page_.locator(RESULTS).count() == len(expected(data, yx="废止"))
    assert one.scrolls_sideways() == ""
    assert one.axe() == []
    box = page_.locator("select[name=jg]").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS[viewport]["viewport"]["width"]
    one.clean()


def test_from_a_file_the_library_filters_too(www: Path, browser) -> None:  # noqa: ANN001, F811
    context = browser.new_context(locale="zh-CN")
    problems: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (problems.append(route.request.url), route.abort()))
    page_ = context.new_page()
    page_.on("pageerror", lambda error: problems.append(str(error)))
    page_.goto((www / "zwgk" / LIBRARY).as_uri() + "?nf=2024")
    page_.wait_for_selector("form.zw-library:not([hidden])")
    count = page_.locator(RESULTS).count()
    context.close()
    assert count > 0 and problems == []


def test_without_javascript_the_static_lists_are_there(browser, server: str, axe_script: Path, www: Path) -> None:  # noqa: ANN001, F811
    plain = Tab(browser, server, axe_script, java_script_enabled=False, **VIEWPORTS["phone"])
    try:
        page_ = plain.open(LIBRARY)
        assert not page_.locator("form.zw-library").is_visible()
        assert "需要浏览器启用 JavaScript" in status(page_)
        browse = page_.locator(".zw-library__browse")
        assert browse.is_visible()
        link = browse.locator("a", has_text="废止（")
        count = int(link.text_content().split("（")[1].rstrip("）"))
        link.click()
        assert page_.locator("h1").first.text_content().strip() == "政策文件·有效性：废止"
        assert page_.locator("article ul.zw-list .zw-badge--withdrawn").count() == count
        # and from there every other facet: the organs fold up (many values), and unfold without a script
        organs = page_.locator(".zw-facets details", has_text="按发文机关")
        assert not organs.locator("a").first.is_visible()
        organs.locator("summary").click()
        organ = organs.locator("a").first
        name = organ.text_content().split("（")[0]
        organ.click()
        assert page_.locator("h1").first.text_content().strip() == f"政策文件·发文机关：{name}"
        assert page_.locator("article ul.zw-list li").count() > 0
        assert page_.locator(".zw-facets details[open]", has_text="按发文机关").count() == 1
        assert plain.scrolls_sideways() == ""
        plain.clean()
    finally:
        plain.context.close()
