"""Loading a content tree into the model: every file read, validated and converted, every
problem collected; nothing stops at the first mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from zwgk.base import annual_format, docnumber, vocab
from zwgk.content import annual_report, cleanup, crossref, decisions, indexno, negative_list, schemas, towns
from zwgk.base.dates import parse_date
from zwgk.content.model import (Attachment, Catalogue, CatalogueItem, Document, Interpretation, Page, Project, Site)
from zwgk.base.problems import Problems
from zwgk.content.sourcefile import Located, read_markdown, read_yaml_file
from zwgk.content.reader import Reader
from zwgk.content.validate import validate

# The national platform every government site links to from its footer.
ERROR_REPORT_URL = "https://zfwzzc.www.gov.cn/"
SLUG = re.compile(schemas.SLUG_PATTERN)
T = TypeVar("T")


def load_project(root: Path) -> tuple[Project | None, Problems]:
    """The whole model of `root`, and every problem found while loading it."""
    reader = Reader(root)
    site = _load_site(reader)
    catalogues = [c for p in sorted((root / "catalogues" / "county").glob("*.y*ml")) if (c := _load_catalogue(reader, p))]
    documents = reader.load_files(_load_document, reader.markdown_files("documents"))
    interpretations = reader.load_files(_load_interpretation, reader.markdown_files("interpretations"))
    pages = reader.load_files(_load_page, reader.markdown_files("pages"))
    decision_catalogues = decisions.load_all(root, reader.problems, documents, pages, reader.unloaded.documents)
    negative = negative_list.load(root, reader.problems)
    batches = cleanup.load(root, reader.problems)
    reports = annual_report.load_reports(root, site, reader.problems)
    town_list = towns.load_towns(reader, _load_catalogue)
    if site is None:
        return None, reader.problems
    project = Project(root, site, catalogues, documents, interpretations, pages, towns=town_list,
                      decisions=decision_catalogues, negative_list=negative, cleanup_batches=batches)
    project.reports = reports
    registry = indexno.load_registry(root, reader.problems)
    project.documents, project.index_registry = indexno.assign(project, registry, reader.problems)
    project.new_index_numbers = {k: v for k, v in project.index_registry.items() if registry.get(k) != v}
    crossref.check(project, reader.problems, reader.unloaded)
    cleanup.check(project, reader.problems, reader.unloaded.documents)
    negative_list.check_page_names(negative, pages, reader.problems)
    towns.check_references(project, reader.problems)
    return project, reader.problems


def _load_site(reader: Reader) -> Site | None:
    path = reader.content / "site.yml"
    if not path.is_file():
        reader.problems.error(path, 0, "缺少本机关信息文件 content/site.yml", "按 docs/内容格式.md 新建 content/site.yml")
        return None
    located = read_yaml_file(path, reader.problems)
    if located is None:
        return None
    data, ok = validate(located, schemas.SITE, reader.problems)
    if not ok:
        return None
    index_format = data.get("索引号格式", indexno.DEFAULT_FORMAT)
    if not indexno.format_ok(index_format):
        reader.problems.error(path, located.line("索引号格式"), f"索引号格式“{index_format}”无法使用",
                              "必须含 {年} 和 {序号}，只能用 {代码} {年} {月} {序号:05d} 这几个占位符，例如 {代码}/{年}-{序号:05d}")
        return None
    return Site(
        name=data["名称"], code=data.get("统一社会信用代码") or data["机构代码"], index_format=index_format,
        host=data["主办单位"], organizer=data.get("承办单位"), address=data["地址"], postcode=data.get("邮编"),
        phone=data["电话"], email=data.get("电子邮箱"), site_code=data["网站标识码"], icp=data["ICP备案号"],
        police_record=data["公安机关备案号"], error_report_url=data.get("找错链接", ERROR_REPORT_URL),
        base_url=_base_url(data.get("网站地址")),
        organ_kind=data.get("机关类型", annual_format.COUNTY_GOVERNMENT),
    )


def _base_url(url: str | None) -> str | None:
    """网站地址 as the base of absolute links: sitemap, feeds, the 404 page."""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def _load_catalogue(reader: Reader, path: Path, folder: str = "catalogues/county") -> Catalogue | None:
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
                              f"“日期”{note['日期']} 这一天不存在", "检查年月日，写成 2024-03-05")
        return None
    return note["原因"], day


def _normalise_number(reader: Reader, located: Located, number: str | None) -> str | None:
    if number is None:
        return None
    fixed = docnumber.fix_brackets(number)
    if fixed != number:
        reader.problems.warning(located.file, located.line("文号"), f"文号“{number}”的年份括号不规范，已按“{fixed}”发布",
                                "把年份括号改成六角括号〔〕")
    return fixed


@dataclass
class _Entry:
    """A Markdown file whose front matter fits its schema."""

    slug: str
    meta: Located
    data: dict[str, Any]
    attachments: tuple[Attachment, ...]
    body: str
    body_line: int


def _read_entry(reader: Reader, path: Path, schema: dict[str, Any]) -> _Entry | None:
    """Read and validate one Markdown file; attachments are checked even when other keys are wrong."""
    slug = reader.slug(path)
    source = read_markdown(path, reader.problems)
    if source is None:
        return None
    data, ok = validate(source.meta, schema, reader.problems)
    attachments = reader.attachments(source.meta, data)
    if not ok or slug is None:
        return None
    return _Entry(slug, source.meta, data, attachments, source.body, source.body_line)


def _load_document(reader: Reader, path: Path) -> Document | None:
    reader.unloaded.documents.add(path.stem)  # until it loads: references to it are not "unknown"
    entry = _read_entry(reader, path, schemas.DOCUMENT)
    if entry is None:
        return None
    located, data = entry.meta, entry.data
    written = reader.date(located, data, "成文日期")
    published = reader.date(located, data, "发布日期")
    repealed = reader.date(located, data, "废止日期")
    if written is None or ("发布日期" in data and published is None) or ("废止日期" in data and repealed is None):
        return None
    if published and published < written:
        reader.problems.error(path, located.line("发布日期"), "发布日期早于成文日期", "检查两个日期，发布日期不能早于成文日期")
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
    )


def _load_interpretation(reader: Reader, path: Path) -> Interpretation | None:
    entry = _read_entry(reader, path, schemas.INTERPRETATION)
    published = entry and reader.date(entry.meta, entry.data, "发布日期")
    if entry is None or published is None:
        return None
    data = entry.data
    return Interpretation(
        slug=entry.slug, title=data["标题"], targets=tuple(dict.fromkeys(data["解读对象"])), form=data["解读形式"],
        issuer=data["解读机关"], published=published, attachments=entry.attachments, body=entry.body, body_line=entry.body_line,
        source=reader.source(entry.meta),
    )


def _load_page(reader: Reader, path: Path) -> Page | None:
    entry = _read_entry(reader, path, schemas.PAGE)
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
