"""政府信息公开负面清单: content/negative-list.yml, what is not disclosed and on which grounds."""

from __future__ import annotations

from zwgk.content import negative_list, schemas
from zwgk.content.model import NegativeList, Project
from zwgk.content.reader import Reader
from zwgk.kinds.kind import ContentKind, Loaded


def _load(reader: Reader, loaded: Loaded) -> NegativeList | None:
    return negative_list.load(reader.root, reader.problems)


def _check(project: Project, reader: Reader) -> None:
    negative_list.check_page_names(project.negative_list, project.pages, reader.problems)


NEGATIVE_LIST_KIND = ContentKind(
    "negative-list", (negative_list.FILE.as_posix(),), schemas.NEGATIVE_LIST, NegativeList,
    "负面清单：不予公开的事项类别及其依据，生成依申请公开栏目下的负面清单页面；没有这个文件就没有这一页。",
    load=_load, field="negative_list", check=_check,
)
