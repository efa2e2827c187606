"""Empty columns (空白栏目): a section or list page with nothing in it costs the county points."""

from __future__ import annotations

from zwgk.base.problems import Problems
from zwgk.site.pages import OutputPage

# Where editors add what a column lists, by the column's URL folder.
_FILLED_FROM = {
    "zcwj": "content/documents", "zcjd": "content/interpretations", "zdly": "catalogues/county",
    "fdzdgknr": "content/documents", "zhidu": "content/pages", "nianbao": "content/reports",
    "xzzwgk": "catalogues/towns",
}
_LIST_KEYS = ("entries", "rows", "categories")


def check_empty(pages: list[OutputPage], problems: Problems) -> None:
    for page in pages:
        lists = [page.context[key] for key in _LIST_KEYS if key in page.context]
        if lists and not any(lists):
            folder = _FILLED_FROM.get(page.path.split("/", 1)[0], "content")
            problems.error(folder, 0, f"栏目“{page.title}”（{page.path}）没有内容",
                           "发布属于这个栏目的信息；检查指标把空白栏目计为扣分项", "sections.empty")
