"""政府公报: content/gazette/<年>.yml, the issues of a year and the documents each printed."""

from __future__ import annotations

from zwgk.content import gazette, schemas
from zwgk.content.model import GazetteYear
from zwgk.content.reader import Reader
from zwgk.kinds.kind import ContentKind, Loaded


def _load(reader: Reader, loaded: Loaded) -> list[GazetteYear]:
    site = loaded.get("site")
    title = f"{site.name}公报" if site else "政府公报"
    return gazette.load_all(reader.root, reader.problems, loaded["documents"], reader.unloaded.documents, title)


GAZETTE_KIND = ContentKind(
    "gazette", ("content/gazette/*.yml",), schemas.GAZETTE, GazetteYear,
    "政府公报，一年一个文件 content/gazette/<年>.yml：每期的期号、出版日期、PDF 和刊登的文件；"
    "网站按 全部年份 → 一年各期 → 一期目录 列出，文件页显示“刊登于《…公报》某年第几期”。",
    load=_load, field="gazette",
)
