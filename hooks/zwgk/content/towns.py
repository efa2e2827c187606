"""Loading the townships (乡镇) under catalogues/towns/: one folder per town, named by its URL slug.

    catalogues/towns/<乡镇>/town.yml       名称 and contact details (required)
    catalogues/towns/<乡镇>/<领域>.yml     the town's standard catalogue, in the county catalogue format
    catalogues/towns/<乡镇>/villages.yml   村(居)务公开 of its villages and communities (optional)

A town's catalogue items are 乡级 by definition; a village item may name the town catalogue item it
carries out (目录事项), which links 村务公开 to the township catalogue as the 54号 guideline asks.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zwgk.base import identity, vocab
from zwgk.base.dates import DAY_FIX, parse_date
from zwgk.base.problems import Problems, choice_list, suggest
from zwgk.content import schemas
from zwgk.content.model import Catalogue, Project, Town, Village, VillageItem
from zwgk.content.reader import Reader
from zwgk.content.sourcefile import Located, read_yaml_file
from zwgk.content.validate import validate

TOWNS_DIR = "catalogues/towns"
TOWN_FILE = "town.yml"
VILLAGES_FILE = "villages.yml"
_SLUG = re.compile(schemas.SLUG_PATTERN)

LoadCatalogue = Callable[[Reader, Path, str], "Catalogue | None"]


def load_towns(reader: Reader, load_catalogue: LoadCatalogue) -> list[Town]:
    """Every town that loads without problems, in folder-name order."""
    base = reader.root / TOWNS_DIR
    found: list[Town] = []
    for path in sorted(base.iterdir()) if base.is_dir() else []:
        if path.name.startswith("."):
            continue
        if path.is_dir():
            if town := _load_town(reader, path, load_catalogue):
                found.append(town)
        else:
            reader.problems.warning(path, 0, "这个文件不在乡镇文件夹里，不会发布",
                                    f"每个乡镇建一个文件夹（如 {TOWNS_DIR}/chengguan/），把它的文件放进去")
    return found


def _load_town(reader: Reader, folder: Path, load_catalogue: LoadCatalogue) -> Town | None:
    problems = reader.problems
    rel = f"{TOWNS_DIR}/{folder.name}"
    ok = True
    if not _SLUG.match(folder.name):
        plain = identity.normalise(folder.name)
        hidden = f"含有{'、'.join(identity.changes(folder.name))}，" if _SLUG.match(plain) else ""  # looks right
        problems.error(folder, 0, f"乡镇文件夹名“{identity.shown(folder.name)}”{hidden}不能用作网址",
                       f"把文件夹改名为 {plain}（重新输入，不要粘贴）" if hidden else
                       "文件夹名只用小写英文字母、数字和连字符，如乡镇名称的拼音 chengguan（发布后不要再改）",
                       "consistency.lookalike" if hidden else "input")
        ok = False
    meta: tuple[Located, dict[str, Any]] | None = None
    if (folder / TOWN_FILE).is_file():
        located = read_yaml_file(folder / TOWN_FILE, problems)
        data, valid = validate(located, schemas.TOWN, problems) if located else ({}, False)
        meta = (located, data) if located and valid else None
    else:
        problems.error(folder, 0, f"乡镇文件夹 {rel} 里没有 {TOWN_FILE}", f"新建 {rel}/{TOWN_FILE}，写一行 `名称: 城关镇`（乡镇名称）")
    catalogues: list[Catalogue] = []
    villages: tuple[Village, ...] | None = ()
    catalogues_ok = True
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == TOWN_FILE:
            continue
        if path.name == VILLAGES_FILE:
            villages = _load_villages(reader, path)
        elif path.is_file() and path.suffix in (".yml", ".yaml"):
            catalogue = load_catalogue(reader, path, rel)
            if catalogue is None:
                catalogues_ok = False
            else:
                catalogues.append(_town_catalogue(reader, catalogue, folder.name))
        else:
            problems.warning(path, 0, "这个文件不是乡镇目录文件，不会发布",
                             f"{rel}/ 里只放 {TOWN_FILE}、{VILLAGES_FILE} 和各领域的目录（如 social-assistance.yml）")
    catalogues.sort(key=lambda c: vocab.DOMAINS.index(c.domain))
    if villages and catalogues_ok:
        _village_references(reader, villages, catalogues)
    if meta is None or villages is None or not ok:
        return None  # an unloaded part would show up as missing content: say only what is wrong
    located, data = meta
    return Town(slug=folder.name, name=data["名称"], address=data.get("地址"), phone=data.get("电话"),
                hours=data.get("办公时间"), catalogues=tuple(catalogues), villages=villages, source=reader.source(located))


def _town_catalogue(reader: Reader, catalogue: Catalogue, slug: str) -> Catalogue:
    for item in catalogue.items:
        if vocab.TOWN_LEVEL not in item.levels:
            reader.problems.error(item.source.file, item.source.at("公开层级"),
                                  f"乡镇目录的事项“{item.code}”公开层级没有“{vocab.TOWN_LEVEL}”",
                                  "在“公开层级”中写上 乡级；只由县级部门公开的事项写在 catalogues/county/ 的目录里")
    return dataclasses.replace(catalogue, items=tuple(dataclasses.replace(i, town=slug) for i in catalogue.items))


def _load_villages(reader: Reader, path: Path) -> tuple[Village, ...] | None:
    problems = reader.problems
    located = read_yaml_file(path, problems)
    data, ok = validate(located, schemas.VILLAGES, problems) if located else ({}, False)
    if not located or not ok:
        return None
    villages: list[Village] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(data["村居"]):
        line = located.line("村居", i, "名称")
        if entry["名称"] in seen:
            problems.error(path, line, f"村（居）“{entry['名称']}”在本文件中重复（第 {seen[entry['名称']]} 行已有）",
                           "把同一村（居）的事项合并到一处")
            ok = False
        seen.setdefault(entry["名称"], line)
        items: list[VillageItem] = []
        for j, raw in enumerate(entry["事项"]):
            day = parse_date(raw["最近公开日期"])
            if day is None:
                problems.error(path, located.line("村居", i, "事项", j, "最近公开日期"),
                               f"“最近公开日期”{raw['最近公开日期']} 这一天不存在", DAY_FIX)
                ok = False
                continue
            items.append(VillageItem(
                name=raw["名称"], content=raw["公开内容"], channels=tuple(raw["公开渠道"]), period=raw["更新周期"],
                latest=day, items=tuple(dict.fromkeys(raw.get("目录事项", []))),
                source=reader.source(located, "村居", i, "事项", j)))
        villages.append(Village(entry["名称"], entry["类型"], tuple(items), reader.source(located, "村居", i)))
    return tuple(villages) if ok else None


def _village_references(reader: Reader, villages: tuple[Village, ...], catalogues: list[Catalogue]) -> None:
    """A village item carries out an item of its own town's catalogue."""
    codes = [item.code for c in catalogues for item in c.items]
    for village in villages:
        for item in village.items:
            for code in item.items:
                if code not in codes:
                    near = suggest(code, codes)
                    hint = f"是不是“{near}”？" if near else ""
                    known = f"本乡镇目录的编号有：{choice_list(codes)}" if codes else "先在本乡镇的领域目录中添加这一事项"
                    reader.problems.error(item.source.file, item.source.at("目录事项"),
                                          f"目录事项“{code}”不在本乡镇的目录中", hint + known,
                                          "consistency.unknown-reference")


def check_references(project: Project, problems: Problems) -> None:
    """A document's 乡镇 names a town folder (one that failed to load still counts: it exists)."""
    base = project.root / TOWNS_DIR
    folders = sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    by_name = {t.name: t.slug for t in project.towns}
    for doc in project.documents:
        if doc.town is None or doc.town in folders:
            continue
        if doc.town in by_name:
            fix = f"写乡镇的文件夹名：乡镇: {by_name[doc.town]}"
        elif folders:
            near = suggest(doc.town, folders)
            fix = (f"是不是“{near}”？" if near else "") + f"写 {TOWNS_DIR}/ 下的乡镇文件夹名：{choice_list(folders)}"
        else:
            fix = f"先在 {TOWNS_DIR}/ 下为这个乡镇建文件夹和 {TOWN_FILE}，或删掉这一行"
        problems.error(doc.source.file, doc.source.at("乡镇"), f"乡镇“{doc.town}”不存在", fix, "consistency.unknown-reference")


def carried_by(town: Town) -> dict[str, list[tuple[int, Village, VillageItem]]]:
    """The village items that carry out each item of the town catalogue, with the village's 1-based position."""
    found: dict[str, list[tuple[int, Village, VillageItem]]] = {}
    for position, village in enumerate(town.villages, start=1):
        for item in village.items:
            for code in item.items:
                found.setdefault(code, []).append((position, village, item))
    return found
