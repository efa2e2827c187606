"""公开事项标准目录: catalogues/county/<领域>.yml, one per pilot domain, a list of 事项 each with its
编号; `build.py new catalogue-item` adds one item (and makes the domain's file when there is none)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from zwgk.base import docnumber, vocab
from zwgk.base.dates import DAY_FIX, parse_date
from zwgk.content import schemas
from zwgk.content.model import Catalogue, CatalogueItem
from zwgk.content.reader import Reader
from zwgk.content.sourcefile import Located, read_yaml_file
from zwgk.content.validate import validate
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
    replace_file,
    schema_comment,
    write_new,
    yaml_lines,
)

COUNTY_FOLDER = "catalogues/county"
FILES = "*.y*ml"  # the names the loader reads (.yml, .yaml)


def load_catalogues(reader: Reader, loaded: Loaded) -> list[Catalogue]:
    paths = sorted((reader.root / COUNTY_FOLDER).glob(FILES))
    return [c for p in paths if (c := load_catalogue(reader, p))]


def load_catalogue(reader: Reader, path: Path, folder: str = COUNTY_FOLDER) -> Catalogue | None:
    located = read_yaml_file(path, reader.problems)
    data, ok = validate(located, schemas.CATALOGUE, reader.problems) if located else ({}, False)
    if not ok:
        reader.unloaded.catalogues = True
        return None
    domain = vocab.find_term(vocab.DOMAINS, data["领域"])
    assert domain is not None  # the schema's enum admits only known domains
    if path.stem != domain.slug:
        reader.problems.error(path, located.line("领域"), f"领域“{domain.name}”的目录文件名应为 {domain.slug}.yml",
                              f"把文件改名为 {folder}/{domain.slug}.yml，或改正“领域”")
    items = tuple(
        CatalogueItem(
            code=item["编号"], level1=item["一级事项"], level2=item.get("二级事项"), content=item["公开内容"],
            basis=item["公开依据"], time_limit=item["公开时限"], publisher=item["公开主体"],
            channels=tuple(item["公开渠道"]), audience=item["公开对象"], mode=item["公开方式"],
            levels=tuple(dict.fromkeys(item["公开层级"])), domain=domain,
            source=reader.source(located, "事项", i), no_content=_no_content(reader, located, item, i),
        )
        for i, item in enumerate(data["事项"])
    )
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.code in seen:
            reader.problems.error(path, located.line("事项", i, "编号"), f"编号“{item.code}”在本文件中重复（第 {seen[item.code]} 行已有）",
                                  "给这一事项换一个没有用过的编号")
        seen.setdefault(item.code, located.line("事项", i, "编号"))
    return Catalogue(domain, data["牵头部门"], reader.date(located, data, "更新日期"), items, reader.source(located))


def _no_content(reader: Reader, located: Located, item: dict[str, Any], index: int) -> tuple[str, date] | None:
    note = item.get("暂无内容说明")
    if note is None:
        return None
    day = parse_date(note["日期"])
    if day is None:
        reader.problems.error(located.file, located.line("事项", index, "暂无内容说明", "日期"),
                              f"“日期”{note['日期']} 这一天不存在", DAY_FIX)
        return None
    return note["原因"], day



# --- `build.py new catalogue-item` ------------------------------------------------------------------

def catalogue_path(root: Path, domain: str) -> Path:
    term = vocab.find_term(vocab.DOMAINS, domain)
    assert term is not None  # the field's enum admits only domains
    return root / COUNTY_FOLDER / f"{term.slug}.yml"


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
                 f"更新日期: {ctx.today.isoformat()}", "事项:", *item_lines(item, "  ")]
        new_text = "\n".join(lines) + "\n"
    else:
        new_text = append_entry(ctx, path, text, "事项", lambda indent: item_lines(item, indent))
    check_text(ctx, path, new_text, schemas.CATALOGUE, first_line=1)
    if text is None:
        write_new(ctx, path, new_text)
    else:
        replace_file(path, new_text)
    ctx.say(f"编号 {item['编号']}" + ("，已加在目录末尾，更新日期改为今天" if text is not None else "，新建了这个领域的目录"))
    if "暂无内容说明" in item:
        ctx.say(f"已写“暂无内容说明”（检查时给出警告）：发布落实本事项的文件或页面，在其文件头“目录事项”写上 {item['编号']}，再删掉这段说明")
    return path


def item_lines(item: Values, indent: str) -> list[str]:
    lines = yaml_lines(item, ITEM_ORDER, indent + "  ")
    if note := item.get("暂无内容说明"):
        lines += [f"{indent}  暂无内容说明:  # 发布了落实本事项的文件或页面后删掉这三行",
                  *yaml_lines(note, ["原因", "日期"], indent + "    ")]
    return [indent + "- " + lines[0].lstrip(), *lines[1:]]


def _new_catalogue(ctx: Context, values: Values) -> bool:
    return _catalogue(ctx, values)[1] is None


_DOMAIN = schemas.CATALOGUE["properties"]["领域"]
_LEAD = schemas.CATALOGUE["properties"]["牵头部门"]

CATALOGUE_ITEM = Form(
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
    "下一步：运行 {check} 检查。",
    slug_help=None,
)



CATALOGUE_KIND = ContentKind(
    "catalogue", (f"{COUNTY_FOLDER}/{FILES}",), schemas.CATALOGUE, Catalogue,
    "每个试点领域一个文件 catalogues/county/<领域>.yml，逐条列出公开事项；文件和页面在“目录事项”中写编号来落实事项。",
    load=load_catalogues, field="catalogues", forms=(CATALOGUE_ITEM,),
)
