"""手写页面 (指南, 制度, 机构信息 …): content/pages/<文件名>.md, each in one fixed section (栏目)."""

from __future__ import annotations

from pathlib import Path

from zwgk.base import vocab
from zwgk.content import schemas
from zwgk.content.model import Page
from zwgk.content.reader import Reader, read_entry
from zwgk.kinds.kind import ContentKind, Loaded

FOLDER = "pages"  # under content/, subfolders included


def load_pages(reader: Reader, loaded: Loaded) -> list[Page]:
    return reader.load_files(load_page, reader.markdown_files(FOLDER))


def load_page(reader: Reader, path: Path) -> Page | None:
    entry = read_entry(reader, path, schemas.PAGE)
    published = entry and reader.date(entry.meta, entry.data, "发布日期")
    if entry is None or published is None:
        return None
    data = entry.data
    section = vocab.find_section(data["栏目"])
    assert section is not None  # the schema's enum admits only page sections
    return Page(
        slug=entry.slug, title=data["标题"], section=section, published=published,
        categories=reader.terms(vocab.DISCLOSURE_CATEGORIES, data.get("公开类别", [])),
        items=tuple(data.get("目录事项", [])), attachments=entry.attachments, body=entry.body, body_line=entry.body_line,
        source=reader.source(entry.meta),
    )


PAGE_KIND = ContentKind(
    "page", (f"content/{FOLDER}/**/*.md",), schemas.PAGE, Page,
    "指南、制度、机构职能等手写页面，每页一个 .md 文件，放在 content/pages/ 下，“栏目”决定它出现在哪个固定栏目。",
    load=load_pages, field="pages",
)
