"""What `build.py new` can create: one `Kind` per content type, registered in KINDS.

Derived, never asked: today's date, the next 索引号 (the registry's logic, the registry itself is
left to `build.py build`), the file name from the 文号 (示政办发〔2024〕3号 → szbf-2024-3), the next
编号 of a catalogue. Each kind is a `Kind` registered in KINDS at the end; the yearly files
(重大行政决策, 年度报告) have modules of their own, kinds_decision and kinds_report.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from zwgk.base import docnumber, vocab
from zwgk.content import indexno, schemas
from zwgk.editor.kinds_decision import DECISION
from zwgk.editor.kinds_report import REPORT
from zwgk.content.model import Document
from zwgk.base.problems import suggest
from zwgk.editor.scaffold import (Context, Field, Kind, ScaffoldError, Values, append_entry, check_text,
    existing_text, free_name, replace_file, schema_comment, write_new, yaml_lines)

BODY_HINT = "<!-- 在这一行下面写正文（Markdown）。这一行本身不会发布。 -->\n"
_GENRE = re.compile(r"的?(通知|公告|通告|意见|决定|批复|报告|函|通报|方案)$")
_PINNED = re.compile(r"^索引号:\s*[\"']?([^\"'#\n]+?)[\"']?\s*(#.*)?$", re.M)


def _today(ctx: Context, values: Values) -> str:
    return ctx.today.isoformat()


def _documents(ctx: Context) -> list[Document]:
    return ctx.project.documents if ctx.project else []


# --- 政策文件 ----------------------------------------------------------------------------------------

def _number_free(ctx: Context, number: str) -> str | None:
    for doc in _documents(ctx):
        if doc.number == docnumber.fix_brackets(number):
            return f"文号“{number}”已被 {doc.source.file} 使用 — 核对文号；同一文件不要重复新建"
    return None


def _items_exist(ctx: Context, codes: list[str]) -> str | None:
    known = [item.code for c in (ctx.project.catalogues if ctx.project else []) for item in c.items]
    for code in codes:
        if known and code not in known:
            near = suggest(code, known)
            return f"目录事项“{code}”不存在 — " + (f"是不是“{near}”？" if near else "") + "在 catalogues/ 的目录里查到正确编号"
    return None


def _public(value: str) -> bool:
    return value == vocab.LABEL_PUBLIC


def _site_name(ctx: Context, values: Values) -> str | None:
    return ctx.project.site.name if ctx.project else None


def _pinned_numbers(root: Path) -> set[str]:
    """索引号 written in any document, loaded or not (a half-finished import still holds its number)."""
    found: set[str] = set()
    for path in (root / "content" / "documents").rglob("*.md"):
        try:
            head = path.read_text(encoding="utf-8", errors="replace").split("\n---", 1)[0]
        except OSError:
            continue
        found.update(m[1].strip() for m in _PINNED.finditer(head))
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
    return root / "content" / "documents" / str(year) / f"{slug}.md"


def slug_taken(root: Path, folder: str, slug: str) -> bool:
    """File names are site-wide: the same name in another year's folder is taken too."""
    return any((root / "content" / folder).glob(f"**/{slug}.md"))


DOCUMENT_ORDER = ["标题", "文号", "发文机关", "成文日期", "发布日期", "公开属性", "不予公开理由", "有效性", "文件类型",
                  "主题分类", "领域", "目录事项", "公开类别", "关键词", "内容概述", "索引号"]


def front_matter(schema_name: str, path: Path, values: Values, order: list[str],
                 notes: dict[str, str] | None = None) -> tuple[str, str]:
    """(the front matter block, its YAML alone) with the schema line first and `notes` as end-of-line comments."""
    lines = [line + (f"  # {notes[key]}" if notes and key in notes else "")
             for key, line in zip([k for k in order if k in values], yaml_lines(values, order))]
    meta = "\n".join([schema_comment(schema_name, path), *lines]) + "\n"
    return f"---\n{meta}---\n", meta


def _create_document(ctx: Context, values: Values, slug: str | None) -> Path:
    if "文号" in values and (fixed := docnumber.fix_brackets(values["文号"])) != values["文号"]:
        ctx.say(f"文号的年份括号已改为六角括号：{fixed}")
        values = {**values, "文号": fixed}
    written = date.fromisoformat(values["成文日期"])
    if slug is None:
        slug, by_number = document_slug(values, written.year)
        if not by_number:
            slug = free_name(lambda s: slug_taken(ctx.root, "documents", s), slug)
    _check_slug(slug)
    if slug_taken(ctx.root, "documents", slug):
        existing = next((ctx.root / "content" / "documents").glob(f"**/{slug}.md"))
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


def _check_slug(slug: str) -> None:
    if not re.fullmatch(schemas.SLUG_PATTERN, slug) or slug == "index" or slug.isdigit():
        raise ScaffoldError(f"文件名“{slug}”不能用作网址 — 只用小写英文字母、数字和连字符，例如 szbf-2024-3")


DOCUMENT = Kind(
    "document", "新建政策文件（content/documents/<年>/<文件名>.md）", schemas.DOCUMENT,
    (
        Field("标题", "title", required=True),
        Field("文号", "number", check=_number_free),
        Field("发文机关", "issuer", required=True, default=_site_name),
        Field("成文日期", "written", required=True, default=_today),
        Field("公开属性", "label", required=True, default=lambda c, v: vocab.LABEL_PUBLIC),
        Field("不予公开理由", "reason", required=True, when=lambda c, v: not _public(v.get("公开属性", ""))),
        Field("发布日期", "published", required=True, default=_today, asked=False,
              when=lambda c, v: v.get("公开属性") != vocab.LABEL_WITHHELD),
        Field("有效性", "validity", required=True, default=lambda c, v: vocab.VALID),
        Field("文件类型", "type", required=True),
        Field("主题分类", "theme", required=True),
        Field("领域", "domains"),
        Field("目录事项", "items", check=_items_exist),
        Field("公开类别", "categories"),
        Field("关键词", "keywords"),
        Field("内容概述", "summary"),
    ),
    _create_document,
    "下一步：在文件末尾写正文，运行 python build.py check 检查。",
)


# --- 政策解读 ----------------------------------------------------------------------------------------

def _target(ctx: Context, values: Values) -> Document | None:
    slugs = values.get("解读对象") or []
    return next((d for d in _documents(ctx) if slugs and d.slug == slugs[0]), None)


def _targets_public(ctx: Context, slugs: list[str]) -> str | None:
    documents = {d.slug: d for d in _documents(ctx)}
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
    recent = sorted((d for d in _documents(ctx) if d.is_public), key=lambda d: d.order_key, reverse=True)[:10]
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
        slug = free_name(lambda s: slug_taken(ctx.root, "interpretations", s), f"jd-{values['解读对象'][0]}")
    _check_slug(slug)
    path = ctx.root / "content" / "interpretations" / str(published.year) / f"{slug}.md"
    if slug_taken(ctx.root, "interpretations", slug):
        raise ScaffoldError(f"已有解读 {slug}.md，没有改动它 — 用 --slug 换一个文件名")
    head, meta = front_matter("interpretation", path, values, ["标题", "解读对象", "解读形式", "解读机关", "发布日期"])
    check_text(ctx, path, meta, schemas.INTERPRETATION, first_line=2)
    write_new(ctx, path, head + BODY_HINT)
    return path


INTERPRETATION = Kind(
    "interpretation", "新建政策解读（content/interpretations/<年>/jd-<文件名>.md）", schemas.INTERPRETATION,
    (
        Field("解读对象", "target", required=True, hint=_recent_documents, check=_targets_public),
        Field("标题", "title", required=True, default=_interpretation_title),
        Field("解读形式", "form", required=True, default=lambda c, v: vocab.INTERPRETATION_FORMS[0]),
        Field("解读机关", "issuer", required=True, default=lambda c, v: (d := _target(c, v)) and d.issuer),
        Field("发布日期", "published", required=True, default=_today, asked=False),
    ),
    _create_interpretation,
    "下一步：在文件末尾写解读正文，运行 python build.py check 检查。",
)


# --- 公开事项（目录中的一条） -------------------------------------------------------------------------

def catalogue_path(root: Path, domain: str) -> Path:
    term = vocab.find_term(vocab.DOMAINS, domain)
    assert term is not None  # the field's enum admits only domains
    return root / "catalogues" / "county" / f"{term.slug}.yml"


def _catalogue(ctx: Context, values: Values) -> tuple[Path, str | None]:
    """The catalogue file of the chosen domain and its text (None when it does not exist yet)."""
    path = catalogue_path(ctx.root, values["领域"])
    return path, existing_text(ctx, path)


def _existing_lead(ctx: Context, values: Values) -> str | None:
    match = re.search(r"^牵头部门:\s*(.+?)\s*$", _catalogue(ctx, values)[1] or "", re.M)
    return match[1] if match else None


def _all_codes(ctx: Context) -> list[str]:
    return [item.code for c in (ctx.project.catalogues if ctx.project else []) for item in c.items]


def _next_code(ctx: Context, values: Values) -> str:
    text = _catalogue(ctx, values)[1] or ""
    codes = re.findall(r"^\s*-?\s*编号:\s*[\"']?([^\"'#\s]+)", text, re.M)
    taken = set(codes) | set(_all_codes(ctx))
    last = re.fullmatch(r"(.*?)(\d+)", codes[-1]) if codes else None
    prefix, digits = (last[1], len(last[2])) if last else (docnumber.initials(values["领域"]).upper() + "-", 2)
    start = int(last[2]) + 1 if last else 1
    return next(f"{prefix}{n:0{digits}d}" for n in range(start, start + 10_000) if f"{prefix}{n:0{digits}d}" not in taken)


def _code_free(ctx: Context, code: str) -> str | None:
    return f"编号“{code}”已被使用 — 换一个没有用过的编号，或不写由系统生成" if code in _all_codes(ctx) else None


NEW_ITEM_REASON = "新增事项，内容尚待发布"
ITEM_ORDER = ["编号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
              "公开方式", "公开层级"]


def _create_item(ctx: Context, values: Values, slug: str | None) -> Path:
    path, text = _catalogue(ctx, values)
    item = {k: v for k, v in values.items() if k in ITEM_ORDER}
    item.setdefault("编号", _next_code(ctx, values))
    if item["编号"] in _all_codes(ctx):
        raise ScaffoldError(_code_free(ctx, item["编号"]) or "")
    if item["公开方式"] == "主动":  # nothing is published for it yet: say so, or the build stops on coverage
        item["暂无内容说明"] = {"原因": NEW_ITEM_REASON, "日期": ctx.today.isoformat()}
    if text is None:
        lines = [schema_comment("catalogue", path), *yaml_lines(values, ["领域", "牵头部门"]),
                 f"更新日期: {ctx.today.isoformat()}", "事项:", *_item_lines(item, "  ")]
        new_text = "\n".join(lines) + "\n"
    else:
        new_text = append_entry(ctx, path, text, "事项", lambda indent: _item_lines(item, indent))
    check_text(ctx, path, new_text, schemas.CATALOGUE, first_line=1)
    if text is None:
        write_new(ctx, path, new_text)
    else:
        replace_file(path, new_text)
    ctx.say(f"编号 {item['编号']}" + ("，已加在目录末尾，更新日期改为今天" if text is not None else "，新建了这个领域的目录"))
    if "暂无内容说明" in item:
        ctx.say(f"已写“暂无内容说明”（检查时给出警告）：发布落实本事项的文件或页面，在其文件头“目录事项”写上 {item['编号']}，再删掉这段说明")
    return path


def _item_lines(item: Values, indent: str) -> list[str]:
    lines = yaml_lines(item, ITEM_ORDER, indent + "  ")
    if note := item.get("暂无内容说明"):
        lines += [f"{indent}  暂无内容说明:  # 发布了落实本事项的文件或页面后删掉这三行",
                  *yaml_lines(note, ["原因", "日期"], indent + "    ")]
    return [indent + "- " + lines[0].lstrip(), *lines[1:]]


def _new_catalogue(ctx: Context, values: Values) -> bool:
    return _catalogue(ctx, values)[1] is None


_DOMAIN = schemas.CATALOGUE["properties"]["领域"]
_LEAD = schemas.CATALOGUE["properties"]["牵头部门"]

CATALOGUE_ITEM = Kind(
    "catalogue-item", "在公开事项标准目录中新增一条事项（catalogues/county/<领域>.yml，没有则新建）", schemas.CATALOGUE_ITEM,
    (
        Field("领域", "domain", required=True, schema=_DOMAIN),
        Field("牵头部门", "lead", required=True, schema=_LEAD, when=_new_catalogue),
        Field("编号", "code", asked=False, check=_code_free),
        Field("一级事项", "level1", required=True),
        Field("二级事项", "level2"),
        Field("公开内容", "content", required=True),
        Field("公开依据", "basis", required=True, default=lambda c, v: "《中华人民共和国政府信息公开条例》"),
        Field("公开时限", "time-limit", required=True, default=lambda c, v: "信息形成或者变更之日起20个工作日内"),
        Field("公开主体", "publisher", required=True, default=lambda c, v: v.get("牵头部门") or _existing_lead(c, v)),
        Field("公开渠道", "channels", required=True, default=lambda c, v: vocab.CHANNELS[0]),
        Field("公开对象", "audience", required=True, default=lambda c, v: vocab.AUDIENCES[0]),
        Field("公开方式", "mode", required=True, default=lambda c, v: vocab.DISCLOSURE_MODES[0]),
        Field("公开层级", "levels", required=True, default=lambda c, v: "县级"),
    ),
    _create_item,
    "下一步：运行 python build.py check 检查。",
    slug_help=None,
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (DOCUMENT, INTERPRETATION, CATALOGUE_ITEM, DECISION, REPORT)}
