"""Empty columns (空白栏目): a section or list page with nothing in it costs the county points."""

from __future__ import annotations

from pathlib import Path

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


def check_domain_pages(pages: list[OutputPage], problems: Problems) -> None:
    """A domain page with no catalogue, or with no fulfilled 主动 item, is near-empty.

    A warning, not an error: a county starting out tags documents with a domain before its
    catalogue is compiled, and an unfulfilled item is already an error (coverage.missing).
    """
    for page in pages:
        if page.template != "domain.html":
            continue
        term, catalogue = page.context["term"], page.context["catalogue"]
        if catalogue is None:
            if any((Path(problems.root) / "catalogues/county").glob(f"{term.slug}.y*ml")):
                continue  # the file is there but did not load: its own errors say why
            problems.warning("catalogues/county", 0,  # the folder: the file to make is not there yet
                             f"重点领域“{term.name}”（{page.path}）有文件但没有公开事项标准目录，领域页面只有文件列表",
                             f"在 catalogues/county/ 下新建 {term.slug}.yml，写上本领域的标准目录", "domains.thin")
            continue
        fulfilled = page.context["fulfilled_by"]
        if not any(fulfilled.get(i.code) for i in catalogue.items if i.proactive):
            problems.warning(catalogue.source.file, catalogue.source.at("领域"),
                             f"重点领域“{term.name}”（{page.path}）的目录中没有一个主动公开事项有已公开的文件或页面",
                             "发布落实这些事项的文件，并在其文件头“目录事项”中写上事项编号", "domains.thin")
