"""政府公报: content/gazette/<年>.yml, the issues of a year and the documents each printed.

`build.py new gazette` adds the next issue to its year's file (made when the year has none). Asked:
出版日期 (today by default), PDF and 文件. Derived: the year from 出版日期, the 期号 after the last.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from zwgk.base.dates import parse_date
from zwgk.base.problems import suggest
from zwgk.content import gazette, schemas
from zwgk.content.model import GazetteYear
from zwgk.content.reader import Reader
from zwgk.kinds.kind import ContentKind, Loaded
from zwgk.kinds.scaffold import (
    Context,
    Field,
    Form,
    ScaffoldError,
    Values,
    append_entry,
    check_text,
    existing_text,
    listed_entries,
    project_documents,
    replace_file,
    schema_comment,
    today,
    write_new,
    yaml_lines,
    yearly_file,
)

ISSUE = schemas.GAZETTE["properties"]["期"]["items"]
ORDER = ["期号", "出版日期", "PDF", "文件"]


def _load(reader: Reader, loaded: Loaded) -> list[GazetteYear]:
    site = loaded.get("site")
    title = f"{site.name}公报" if site else "政府公报"
    return gazette.load_all(reader.root, reader.problems, loaded["documents"], reader.unloaded.documents, title)


def _numbers(text: str | None, path: Path, ctx: Context) -> list[int]:
    """期号 already in the year's file."""
    numbers = [unicodedata.normalize("NFKC", str(i.get("期号", ""))) for i in listed_entries(text, path, ctx, "期")]
    return [int(n) for n in numbers if re.fullmatch(r"\d{1,3}", n)]


def _pdf_exists(ctx: Context, rel: str) -> str | None:
    base = (ctx.root / "content" / "attachments").resolve()
    target = (base / rel.replace("\\", "/").strip()).resolve()
    if not target.is_relative_to(base) or not target.is_file() or target.suffix.lower() != ".pdf":
        return f"content/attachments/{rel} 不是已有的 PDF 文件 — 先把这一期的 PDF 放到 content/attachments/ 下（如 gazette/2025-1.pdf）"
    return None


def _documents_public(ctx: Context, slugs: list[str]) -> str | None:
    documents = {d.slug: d for d in project_documents(ctx)}
    public = [s for s, d in documents.items() if d.is_public]
    for slug in slugs:
        doc = documents.get(slug)
        if doc is None:
            near = suggest(slug, public)
            return f"文件“{slug}”不存在 — " + (f"是不是“{near}”？" if near else "") + "写 content/documents 下文件的文件名（不带 .md）"
        if not doc.is_public:
            return f"文件“{slug}”是“{doc.label}”的文件 — 公报只刊登主动公开的文件"
    return None


def _create(ctx: Context, values: Values, slug: str | None) -> Path:
    day = parse_date(values["出版日期"])
    assert day is not None  # the schema and parse_value checked it
    path = yearly_file(ctx.root, gazette.FOLDER, day.year)
    text = existing_text(ctx, path)
    taken = _numbers(text, path, ctx)
    issue = {**values, "期号": max(taken, default=0) + 1}
    if values.get("期号") is not None:
        issue["期号"] = int(unicodedata.normalize("NFKC", values["期号"]))
        if issue["期号"] in taken:
            raise ScaffoldError(f"第{issue['期号']}期在 {ctx.rel(path)} 中已有 — 换一个期号，或不写由系统按上一期加一")

    def entry(indent: str) -> list[str]:
        lines = yaml_lines(issue, ORDER, indent + "  ")
        return [indent + "- " + lines[0].lstrip(), *lines[1:]]

    if text is None:
        new_text = "\n".join([schema_comment("gazette", path), "期:", *entry("  ")]) + "\n"
    else:
        new_text = append_entry(ctx, path, text, "期", entry)
    check_text(ctx, path, new_text, schemas.GAZETTE, first_line=1)
    if text is None:
        write_new(ctx, path, new_text)
    else:
        replace_file(path, new_text)
    ctx.say(f"{day.year}年第{issue['期号']}期" + ("，已加在本年各期之后" if text is not None else f"，新建了 {day.year} 年的公报文件"))
    return path


GAZETTE_ISSUE = Form(
    "gazette", "在政府公报中新增一期（content/gazette/<年>.yml，没有则新建）", ISSUE,
    (
        Field("出版日期", "date", required=True, default=today),
        Field("期号", "number", asked=False),
        Field("PDF", "pdf", required=True, check=_pdf_exists),
        Field("文件", "documents", required=True, check=_documents_public),
    ),
    _create,
    "下一步：运行 {check} 检查；各文件的页面会显示“刊登于”这一期。",
    slug_help=None,
)

GAZETTE_KIND = ContentKind(
    "gazette", ("content/gazette/*.yml",), schemas.GAZETTE, GazetteYear,
    "政府公报，一年一个文件 content/gazette/<年>.yml：每期的期号、出版日期、PDF 和刊登的文件；"
    "网站按 全部年份 → 一年各期 → 一期目录 列出，文件页显示“刊登于《…公报》某年第几期”。",
    load=_load, field="gazette", forms=(GAZETTE_ISSUE,),
)
