"""政策文件: content/documents/<年>/<文件名>.md, one Markdown file per document, its front matter
checked against schemas.DOCUMENT; `build.py new document` derives the file name from the 文号 and
the next 索引号 (the registry's logic; the registry itself is left to `build.py build`)."""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from zwgk.base import docnumber, identity, vocab
from zwgk.base.dates import DAY_FIX, parse_date
from zwgk.base.problems import suggest, suggest_all
from zwgk.content import indexno, schemas
from zwgk.content.model import CatalogueItem, ChangeNote, Document
from zwgk.content.reader import Reader, read_entry
from zwgk.content.sourcefile import Located
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

# Under content/: the folder the loader reads, `new` writes into and the registry declares.
FOLDER = "documents"
_GENRE = re.compile(r"的?(通知|公告|通告|意见|决定|批复|报告|函|通报|方案)$")
_PINNED = re.compile(r"^索引号:\s*[\"']?([^\"'#\n]+?)[\"']?\s*(#.*)?$", re.M)


# --- loading -----------------------------------------------------------------------------------------

def load_documents(reader: Reader, loaded: Loaded) -> list[Document]:
    return reader.load_files(load_document, reader.markdown_files(FOLDER))


def load_document(reader: Reader, path: Path) -> Document | None:
    reader.unloaded.documents.add(path.stem)  # until it loads: references to it are not "unknown"
    entry = read_entry(reader, path, schemas.DOCUMENT)
    if entry is None:
        return None
    located, data = entry.meta, entry.data
    written = reader.date(located, data, "成文日期")
    published = reader.date(located, data, "发布日期")
    repealed = reader.date(located, data, "废止日期")
    changes = _change_notes(reader, located, data)
    if written is None or ("发布日期" in data and published is None) or ("废止日期" in data and repealed is None) \
            or changes is None:
        return None
    if published and published < written:
        reader.problems.error(path, located.line("发布日期"), "发布日期早于成文日期", "检查两个日期，发布日期不能早于成文日期")
    if data["公开属性"] == vocab.LABEL_PUBLIC and not entry.body.strip() and not entry.attachments:
        # Its page would show the metadata and nothing of the document: the public finds an empty page.
        reader.problems.error(path, located.line("公开属性"), "此件公开发布的文件没有正文，也没有附件",
                              "在第二个 --- 下面写上文件全文；原文只有扫描件时，在“附件”中列出它，如 附件: [2024/原文.pdf]")
    reader.unloaded.documents.discard(path.stem)
    return Document(
        slug=entry.slug, title=data["标题"], number=_normalise_number(reader, located, data.get("文号")),
        issuer=data["发文机关"], written=written, published=published, label=data["公开属性"],
        reason=data.get("不予公开理由"), validity=data["有效性"], repealed=repealed,
        replaced_by=data.get("替代文件"), doc_type=data["文件类型"], theme=data["主题分类"],
        domains=reader.terms(vocab.DOMAINS, data.get("领域", [])), items=tuple(data.get("目录事项", [])),
        categories=reader.terms(vocab.DISCLOSURE_CATEGORIES, data.get("公开类别", [])),
        attachments=entry.attachments, index_no=data.get("索引号", ""), keywords=tuple(data.get("关键词", [])),
        summary=data.get("内容概述"), body=entry.body, body_line=entry.body_line, source=reader.source(located),
        cleanup_batch=data.get("清理批次"),
        town=data.get("乡镇"),
        changes=changes,
    )


def _change_notes(reader: Reader, located: Located, data: dict[str, Any]) -> tuple[ChangeNote, ...] | None:
    """修改说明, oldest first; None when a date does not exist (the problem is reported)."""
    notes: list[ChangeNote] = []
    for i, note in enumerate(data.get("修改说明", [])):
        day = parse_date(note["日期"])
        if day is None:
            reader.problems.error(located.file, located.line("修改说明", i, "日期"), f"修改说明的“日期”{note['日期']} 这一天不存在",
                                  DAY_FIX)
            return None
        notes.append(ChangeNote(day, note["说明"]))
    return tuple(sorted(notes, key=lambda n: n.day))


def _normalise_number(reader: Reader, located: Located, number: str | None) -> str | None:
    """The 文号 as published and compared (docnumber.normalise); the editor hears what was changed."""
    if number is None:
        return None
    fixed = docnumber.normalise(number)
    if named := docnumber.lookalikes(number):
        message, fix = identity.lookalike("文号", number, fixed, named)
        reader.problems.warning(located.file, located.line("文号"), message, fix, "consistency.lookalike")
    elif fixed != number:
        reader.problems.warning(located.file, located.line("文号"), f"文号“{number}”的年份括号不规范，已按“{fixed}”发布",
                                "把年份括号改成六角括号〔〕")
    return fixed


# --- `build.py new document` ------------------------------------------------------------------------

def _number_free(ctx: Context, number: str) -> str | None:
    for doc in project_documents(ctx):
        if doc.number == docnumber.normalise(number):
            return f"文号“{number}”已被 {doc.source.file} 使用 — 核对文号；同一文件不要重复新建"
    return None


def _items_exist(ctx: Context, codes: list[str]) -> str | None:
    known = [item.code for c in (ctx.project.catalogues if ctx.project else []) for item in c.items]
    for code in codes:
        if known and code not in known:
            domains, items = _chosen_domains(ctx)
            if items:  # the 领域 is chosen: its own items, the nearest first
                near = [i for i in items if i.code in suggest_all(code, [i.code for i in items])]
                near += [i for i in items if code in _item_name(i) and i not in near]
                shown = "、".join(f"{i.code}（{_item_name(i)}）" for i in (near or items)[:6])
                return (f"目录事项“{code}”不存在 — {'、'.join(domains)}领域{'中相近的' if near else '的目录事项'}有：{shown}；"
                        "写其中的编号")
            near = suggest(code, known)
            return f"目录事项“{code}”不存在 — " + (f"是不是“{near}”？" if near else "") + "在 catalogues/ 的目录里查到正确编号"
    return None


def _chosen_domains(ctx: Context) -> tuple[list[str], list[CatalogueItem]]:
    """The 领域 answered before 目录事项, and the county catalogue items of those domains."""
    domains = list(ctx.answers.get("领域") or [])
    terms = {t for d in domains if (t := vocab.find_term(vocab.DOMAINS, d))}
    catalogues = ctx.project.catalogues if ctx.project else []
    return domains, [item for c in catalogues if c.domain in terms for item in c.items]


def _item_name(item: CatalogueItem) -> str:
    return item.level1 + (f"／{item.level2}" if item.level2 else "")


def _domain_items(ctx: Context) -> str | None:
    """Shown before the 目录事项 question: the chosen domains' items, 编号 and name."""
    domains, items = _chosen_domains(ctx)
    if not items:
        return None
    return f"{'、'.join(domains)}领域的目录事项：\n" + "\n".join(f"  {i.code}  {_item_name(i)}" for i in items)


def _issuer(ctx: Context, values: Values) -> str | None:
    """The organ whose 文号 代字 this is (示民发 → 示例县民政局), else the site's own organ."""
    match = docnumber.NUMBER.search(docnumber.fix_brackets(values.get("文号", "")))
    if match and ctx.project:
        return issuer_of(match["prefix"], ctx.project.documents,
                         [c.lead_department for c in ctx.project.catalogues]) or ctx.project.site.name
    return _site_name(ctx, values)


def issuer_of(prefix: str, documents: list[Document], organs: list[str]) -> str | None:
    """The 发文机关 of documents numbered with this 代字, the most frequent one; for a 代字 not used yet,
    the one known organ (an issuer or a catalogue's 牵头部门) whose name after the county's begins with its
    characters (示卫发 → 卫 → 示例县卫生健康局), else the one that holds them in order (示政办发 → 政办 →
    示例县人民政府办公室)."""
    seen: dict[str, Counter[str]] = {}
    for doc in documents:
        if doc.number and (m := docnumber.NUMBER.search(doc.number)):
            seen.setdefault(m["prefix"], Counter())[doc.issuer] += 1
    if prefix in seen:
        return seen[prefix].most_common(1)[0][0]
    county = Counter(p[0] for p in seen).most_common(1)  # the county's one-character 简称 starts its 代字
    core = prefix[1:] if county and prefix.startswith(county[0][0]) else prefix
    core = re.sub(r"[发函字令]+$", "", core)
    if not core:
        return None
    known = sorted({*(d.issuer for d in documents), *organs})
    county_name = os.path.commonprefix(known) if len(known) > 1 else ""
    in_order = ".*".join(map(re.escape, core))
    for pattern in (f"^{in_order}", in_order):
        fits = [o for o in known if re.search(pattern, o.removeprefix(county_name))]
        if len(fits) == 1:
            return fits[0]
    return None


def _public(value: str) -> bool:
    return value == vocab.LABEL_PUBLIC


def _site_name(ctx: Context, values: Values) -> str | None:
    return ctx.project.site.name if ctx.project else None


def _pinned_numbers(root: Path) -> set[str]:
    """索引号 written in any document, loaded or not (a half-finished import still holds its number)."""
    found: set[str] = set()
    for path in (root / "content" / FOLDER).rglob("*.md"):
        try:
            head = path.read_text(encoding="utf-8", errors="replace").split("\n---", 1)[0]
        except OSError:
            continue
        found.update(identity.normalise(m[1]) for m in _PINNED.finditer(head))
    return found


def next_index_number(ctx: Context, day: Any, taken: set[str] | None = None) -> str | None:
    """The 索引号 `build.py build` would give the next new document of that day's year."""
    if ctx.project is None:
        return None
    numbers = indexno.Allocator(ctx.project.site, set(ctx.project.index_registry.values()) | _pinned_numbers(ctx.root)
                                | (taken or set()))
    return numbers.next(day)


def document_slug(values: Values, year: int) -> tuple[str, bool]:
    """The file name from the 文号, else from the title's initials; whether it came from the 文号."""
    by_number = docnumber.slug(values.get("文号", ""))
    if by_number:
        return by_number, True
    title = values["标题"]
    title = title.split("关于", 1)[1] if "关于" in title else title.removeprefix(values.get("发文机关", ""))
    title = re.sub(r"\d+", "", _GENRE.sub("", title))  # 开展2024年健身活动的通知 → 开展年健身活动
    return f"{docnumber.initials(title, 8) or 'wj'}-{year}", False


def document_path(root: Path, slug: str, year: int) -> Path:
    return root / "content" / FOLDER / str(year) / f"{slug}.md"


DOCUMENT_ORDER = ["标题", "文号", "发文机关", "成文日期", "发布日期", "公开属性", "不予公开理由", "有效性", "文件类型",
                  "主题分类", "领域", "目录事项", "公开类别", "关键词", "内容概述", "索引号"]


def _fixed_number(ctx: Context, number: str) -> str:
    """The 文号 `new` writes, as the loader reads it; the editor is told what changed."""
    fixed = docnumber.normalise(number)
    if named := docnumber.lookalikes(number):
        ctx.say(f"文号已去掉{'、'.join(named)}：{fixed}")
    elif fixed != number:
        ctx.say(f"文号的年份括号已改为六角括号：{fixed}")
    return fixed


def _create_document(ctx: Context, values: Values, slug: str | None) -> Path:
    if "文号" in values:
        values = {**values, "文号": _fixed_number(ctx, values["文号"])}
    written = date.fromisoformat(values["成文日期"])
    if slug is None:
        slug, by_number = document_slug(values, written.year)
        if not by_number:
            slug = free_name(lambda s: slug_taken(ctx.root, FOLDER, s), slug)
    check_slug(slug)
    if slug_taken(ctx.root, FOLDER, slug):
        existing = next((ctx.root / "content" / FOLDER).glob(f"**/{slug}.md"))
        raise ScaffoldError(f"已有文件 {ctx.rel(existing)}，没有改动它 — 文号相同就是同一文件；确是另一文件时用 --slug 另起文件名")
    path = document_path(ctx.root, slug, written.year)
    number = next_index_number(ctx, date.fromisoformat(values.get("发布日期", values["成文日期"])))
    if number:
        values = {**values, "索引号": number}
    head, meta = front_matter("document", path, values, DOCUMENT_ORDER, {"索引号": "已预先取号，发布后不要再改"})
    check_text(ctx, path, meta, schemas.DOCUMENT, first_line=2)
    write_new(ctx, path, head + BODY_HINT)
    ctx.say(f"文件名 {slug}（{'取自文号' if '文号' in values and docnumber.slug(values['文号']) == slug else '可用 --slug 指定'}）"
            + (f"，索引号 {number}" if number else "，索引号在生成站点时分配"))
    return path


DOCUMENT = Form(
    "document", "新建政策文件（content/documents/<年>/<文件名>.md）", schemas.DOCUMENT,
    (
        Field("标题", "title", required=True),
        Field("文号", "number", check=_number_free),
        Field("发文机关", "issuer", required=True, default=_issuer),
        Field("成文日期", "written", required=True, default=today),
        Field("公开属性", "label", required=True, default=lambda c, v: vocab.LABEL_PUBLIC),
        Field("不予公开理由", "reason", required=True, when=lambda c, v: not _public(v.get("公开属性", ""))),
        Field("发布日期", "published", required=True, default=today, asked=False,
              when=lambda c, v: v.get("公开属性") != vocab.LABEL_WITHHELD),
        Field("有效性", "validity", required=True, default=lambda c, v: vocab.VALID),
        Field("文件类型", "type", required=True),
        Field("主题分类", "theme", required=True),
        Field("领域", "domains"),
        Field("目录事项", "items", check=_items_exist, hint=_domain_items),
        Field("公开类别", "categories"),
        Field("关键词", "keywords"),
        Field("内容概述", "summary"),
    ),
    _create_document,
    "下一步：在文件末尾写正文，运行 {check} 检查。",
)




DOCUMENT_KIND = ContentKind(
    "document", (f"content/{FOLDER}/**/*.md",), schemas.DOCUMENT, Document,
    "每份政策文件一个 .md 文件，放在 content/documents/<年>/ 下，文件名即网址（如 szbf-2024-3.md）；文件头写下表各项，其后是正文。",
    load=load_documents, field="documents", forms=(DOCUMENT,),
)
