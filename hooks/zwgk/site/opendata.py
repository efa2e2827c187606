"""Open data (开放数据): the published catalogue and document metadata as JSON and CSV.

Made from the PublicSite only, so a withheld document is never in them and an on-request one only
with the metadata its page shows. Same input, same bytes: fixed order, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from zwgk.base import memo
from zwgk.content.model import Catalogue, Town
from zwgk.site.pages import document_path
from zwgk.site.publication import PublicSite

CATALOGUE_JSON = "catalogue.json"
CATALOGUE_CSV = "catalogue.csv"
DOCUMENTS_JSON = "documents.json"
# (title, file, format) for the 开放数据 note on the site map page.
FILES: tuple[tuple[str, str, str], ...] = (
    ("公开事项标准目录（县级和乡镇）", CATALOGUE_CSV, "CSV，可用 Excel 打开"),
    ("公开事项标准目录（县级和乡镇）", CATALOGUE_JSON, "JSON"),
    ("政策文件目录信息", DOCUMENTS_JSON, "JSON"),
)
# The columns county sites print catalogues with, then our own 编号 and where the item belongs.
CATALOGUE_COLUMNS = ("序号", "编号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
                     "公开渠道", "公开对象", "公开方式", "公开层级", "领域", "乡镇")


def _catalogues(ps: PublicSite) -> list[tuple[Town | None, Catalogue]]:
    return [(None, c) for c in ps.catalogues] + [(t, c) for t in ps.towns for c in t.catalogues]


def catalogue_rows(ps: PublicSite) -> list[dict[str, Any]]:
    """Every catalogue item of the county, then of each town; lists stay lists."""
    rows = []
    for town, catalogue in _catalogues(ps):
        for item in catalogue.items:
            rows.append({
                "序号": len(rows) + 1, "编号": item.code, "一级事项": item.level1, "二级事项": item.level2 or "",
                "公开内容": item.content, "公开依据": item.basis, "公开时限": item.time_limit, "公开主体": item.publisher,
                "公开渠道": list(item.channels), "公开对象": item.audience, "公开方式": item.mode,
                "公开层级": list(item.levels), "领域": catalogue.domain.name, "乡镇": town.name if town else "",
            })
    return rows


def document_rows(ps: PublicSite) -> list[dict[str, Any]]:
    """The metadata of every document with a page, newest first, as the site lists them."""
    towns = {t.slug: t.name for t in ps.towns}
    return [{
        "索引号": d.index_no, "标题": d.title, "文号": d.number or "", "发文机关": d.issuer,
        "成文日期": d.written.isoformat(), "发布日期": d.published.isoformat() if d.published else "",
        "有效性": d.validity, "公开属性": d.label, "文件类型": d.doc_type, "领域": [t.name for t in d.domains],
        "主题分类": d.theme, "乡镇": towns.get(d.town or "", ""), "URL": document_path(d),
    } for d in ps.documents]


def _json(data: Any) -> bytes:
    # One line per record: readable, and without `indent` json uses its fast C encoder (10,000 documents).
    if isinstance(data, list):
        return ("[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in data) + "\n]\n").encode("utf-8")
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def catalogue_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with BOM, so Excel on Windows opens it as Chinese text; lists joined with 、."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CATALOGUE_COLUMNS)
    for row in rows:
        writer.writerow(["、".join(v) if isinstance(v, list) else v for v in (row[c] for c in CATALOGUE_COLUMNS)])
    return out.getvalue().encode("utf-8-sig")


def open_data_files(ps: PublicSite) -> dict[str, bytes]:
    """Path under the site root → file content."""
    def make() -> dict[str, bytes]:
        rows = catalogue_rows(ps)
        return {CATALOGUE_JSON: _json(rows), CATALOGUE_CSV: catalogue_csv(rows), DOCUMENTS_JSON: _json(document_rows(ps))}

    # serve: the same catalogues and documents give the same files (the model objects compare by value)
    return memo.remember(("opendata", ps.catalogues, ps.towns, ps.documents), make)
