"""政策解读: content/interpretations/<年>/<文件名>.md, each naming the documents it explains (解读对象)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from zwgk.base import vocab
from zwgk.base.problems import suggest
from zwgk.content import schemas
from zwgk.content.model import Document, Interpretation
from zwgk.content.reader import Reader, read_entry
from zwgk.kinds.kind import ContentKind, Loaded
from zwgk.kinds.scaffold import (
    BODY_HINT,
    Context,
    Field,
    Form,
    ScaffoldError,
    Values,
    check_slug,
    check_text,
    free_name,
    front_matter,
    project_documents,
    slug_taken,
    today,
    write_new,
)

FOLDER = "interpretations"  # under content/: read, written by `new`, declared


def load_interpretations(reader: Reader, loaded: Loaded) -> list[Interpretation]:
    return reader.load_files(load_interpretation, reader.markdown_files(FOLDER))


def load_interpretation(reader: Reader, path: Path) -> Interpretation | None:
    entry = read_entry(reader, path, schemas.INTERPRETATION)
    published = entry and reader.date(entry.meta, entry.data, "发布日期")
    if entry is None or published is None:
        return None
    data = entry.data
    return Interpretation(
        slug=entry.slug, title=data["标题"], targets=tuple(dict.fromkeys(data["解读对象"])), form=data["解读形式"],
        issuer=data["解读机关"], published=published, attachments=entry.attachments, body=entry.body, body_line=entry.body_line,
        source=reader.source(entry.meta),
    )



# --- `build.py new interpretation` ------------------------------------------------------------------

def _target(ctx: Context, values: Values) -> Document | None:
    slugs = values.get("解读对象") or []
    return next((d for d in project_documents(ctx) if slugs and d.slug == slugs[0]), None)


def _targets_public(ctx: Context, slugs: list[str]) -> str | None:
    documents = {d.slug: d for d in project_documents(ctx)}
    for slug in slugs:
        doc = documents.get(slug)
        if doc is None:
            near = suggest(slug, list(documents))
            return f"解读对象“{slug}”不存在 — " + (f"是不是“{near}”？" if near else "") + "写被解读文件的文件名（不带 .md）"
        if not doc.is_public:
            return f"解读对象“{slug}”是“{doc.label}”的文件 — 只能解读“此件公开发布”的文件"
    return None


def _recent_documents(ctx: Context) -> str | None:
    """The latest public documents, to pick the one explained."""
    recent = sorted((d for d in project_documents(ctx) if d.is_public), key=lambda d: d.order_key, reverse=True)[:10]
    if not recent:
        return None
    return "最近发布的文件（解读对象写文件名）：\n" + "\n".join(f"  {d.slug}  {d.title}" for d in recent)


def _interpretation_title(ctx: Context, values: Values) -> str | None:
    doc = _target(ctx, values)
    if doc is None:
        return None
    named = re.search(r"《([^》]+)》", doc.title)  # 关于印发《办法》的通知 → the 办法 is what is explained
    return f"《{named[1] if named else doc.title}》政策解读"


def _create_interpretation(ctx: Context, values: Values, slug: str | None) -> Path:
    published = date.fromisoformat(values["发布日期"])
    if slug is None:
        slug = free_name(lambda s: slug_taken(ctx.root, FOLDER, s), f"jd-{values['解读对象'][0]}")
    check_slug(slug)
    path = ctx.root / "content" / FOLDER / str(published.year) / f"{slug}.md"
    if slug_taken(ctx.root, FOLDER, slug):
        raise ScaffoldError(f"已有解读 {slug}.md，没有改动它 — 用 --slug 换一个文件名")
    head, meta = front_matter("interpretation", path, values, ["标题", "解读对象", "解读形式", "解读机关", "发布日期"])
    check_text(ctx, path, meta, schemas.INTERPRETATION, first_line=2)
    write_new(ctx, path, head + BODY_HINT)
    return path


INTERPRETATION = Form(
    "interpretation", "新建政策解读（content/interpretations/<年>/jd-<文件名>.md）", schemas.INTERPRETATION,
    (
        Field("解读对象", "target", required=True, hint=_recent_documents, check=_targets_public),
        Field("标题", "title", required=True, default=_interpretation_title),
        Field("解读形式", "form", required=True, default=lambda c, v: vocab.INTERPRETATION_FORMS[0]),
        Field("解读机关", "issuer", required=True, default=lambda c, v: (d := _target(c, v)) and d.issuer),
        Field("发布日期", "published", required=True, default=today, asked=False),
    ),
    _create_interpretation,
    "下一步：在文件末尾写解读正文，运行 {check} 检查。",
)




INTERPRETATION_KIND = ContentKind(
    "interpretation", (f"content/{FOLDER}/**/*.md",), schemas.INTERPRETATION, Interpretation,
    "每篇政策解读一个 .md 文件，放在 content/interpretations/<年>/ 下；“解读对象”写被解读文件的文件名，解读与文件互相链接。",
    load=load_interpretations, field="interpretations", forms=(INTERPRETATION,),
)
