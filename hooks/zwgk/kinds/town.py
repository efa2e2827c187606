"""乡镇: catalogues/towns/<乡镇>/, a folder per township with its town.yml, its own standard catalogues
(the county format, 乡级 items) and the villages' 村(居)务公开 in villages.yml."""

from __future__ import annotations

from zwgk.content import schemas, towns
from zwgk.content.model import Project, Town, Village
from zwgk.content.reader import Reader
from zwgk.kinds.catalogue import load_catalogue
from zwgk.kinds.kind import ContentKind, Loaded


def _load(reader: Reader, loaded: Loaded) -> list[Town]:
    return towns.load_towns(reader, load_catalogue)


def _check(project: Project, reader: Reader) -> None:
    towns.check_references(project, reader.problems)


TOWN_KIND = ContentKind(
    "town", (f"{towns.TOWNS_DIR}/*/{towns.TOWN_FILE}",), schemas.TOWN, Town,
    "每个乡镇一个文件夹 catalogues/towns/<乡镇>/：town.yml 写乡镇名称和联系方式，同一文件夹里放乡镇的领域目录。",
    load=_load, field="towns", check=_check,
)
VILLAGES_KIND = ContentKind(
    "villages", (f"{towns.TOWNS_DIR}/*/{towns.VILLAGES_FILE}",), schemas.VILLAGES, Village,
    "村（居）务公开：乡镇文件夹里的 villages.yml，列出各村（社区）的公开事项，可写它落实的乡镇目录事项（随乡镇一起读入）。",
)
