"""负面清单: what the organ does not disclose, each item with its legal ground (content/negative-list.yml).

The page sits in 依申请公开: a citizen about to apply for information is the one who needs to know
what will not be provided, and on which ground. The grounds are the same closed list a document's
不予公开理由 uses (vocab.LEGAL_GROUNDS), so the list can only cite what the 条例 allows.
"""

from __future__ import annotations

from pathlib import Path

from zwgk.base import vocab
from zwgk.base.dates import DAY_FIX, parse_date
from zwgk.base.problems import Problems
from zwgk.content import schemas
from zwgk.content.model import NegativeItem, NegativeList, Page, Source
from zwgk.content.sourcefile import read_yaml_file
from zwgk.content.validate import validate

FILE = Path("content") / "negative-list.yml"
SLUG = "fmqd"
PAGE_PATH = f"{vocab.SECTION_ON_REQUEST.slug}/{SLUG}.html"
DEFAULT_TITLE = "政府信息公开负面清单"

def load(root: Path, problems: Problems) -> NegativeList | None:
    path = root / FILE
    if not path.is_file():
        return None
    located = read_yaml_file(path, problems)
    data, ok = validate(located, schemas.NEGATIVE_LIST, problems) if located else ({}, False)
    if not ok:
        return None
    items: list[NegativeItem] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(data["事项"]):
        line = located.line("事项", i, "更新日期")
        updated = parse_date(item["更新日期"])
        if updated is None:
            problems.error(path, line, f"“更新日期”{item['更新日期']} 这一天不存在", DAY_FIX)
            continue
        source = Source(problems.relative(path), located.line("事项", i), located.key_lines("事项", i))
        if item["事项"] in seen:
            problems.error(path, source.at("事项"), f"事项“{item['事项']}”重复（第 {seen[item['事项']]} 行已有）",
                           "删掉重复的一条，或写得更具体以区分", "consistency.duplicate")
            continue
        seen[item["事项"]] = source.at("事项")
        items.append(NegativeItem(item["事项"], item["不予公开依据"], item["责任单位"], updated, source))
    if len(items) < len(data["事项"]):
        return None
    return NegativeList(data.get("标题", DEFAULT_TITLE), data.get("说明"), tuple(items),
                        Source(problems.relative(path), 1, located.key_lines()))


def check_page_names(negative_list: NegativeList | None, pages: list[Page], problems: Problems) -> None:
    """A hand-written 依申请公开 page must not take the negative list's address."""
    for page in pages:
        if negative_list and page.section == vocab.SECTION_ON_REQUEST and page.slug == SLUG:
            problems.error(page.source.file, 0, f"文件名“{SLUG}”留给负面清单页面使用（{FILE.as_posix()}）",
                           "给这个页面换一个文件名", "consistency.duplicate")
