"""Checks across files: unique names and numbers, every reference pointing somewhere real,
and no public page pointing at what is not public.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from zwgk.base import vocab
from zwgk.base.problems import Problems, suggest
from zwgk.base.vocab import Term
from zwgk.content.model import Document, Interpretation, Page, Project, Source

# Document types that are 法定主动公开内容 of the first category by their nature.
_REGULATION_TYPES = frozenset({"规章", vocab.NORMATIVE})


def category_members(documents: Sequence[Document], pages: Sequence[Page]) -> dict[Term, list[Document | Page]]:
    """Proactively published documents and pages per 法定主动公开内容 category, newest first."""
    members: dict[Term, list[Document | Page]] = {t: [] for t in vocab.DISCLOSURE_CATEGORIES}
    regulations = vocab.DISCLOSURE_CATEGORIES[0]
    for doc in documents:
        if not doc.is_public:
            continue
        terms = set(doc.categories)
        if doc.doc_type in _REGULATION_TYPES:
            terms.add(regulations)
        for term in terms:
            members[term].append(doc)
    for page in pages:
        for term in page.categories:
            members[term].append(page)
    for found in members.values():
        found.sort(key=lambda m: (m.published, m.title), reverse=True)
    return members


@dataclass
class Unloaded:
    """What failed to load: references to it are not reported again as unknown."""

    documents: set[str] = field(default_factory=set)
    catalogues: bool = False


def check(project: Project, problems: Problems, unloaded: Unloaded | None = None) -> None:
    unloaded = unloaded or Unloaded()
    _unique(problems, "文件名", ((d.slug, d.source) for d in project.documents),
            "两个文件的文件名相同（网址会冲突）", "把其中一个文件改名")
    _unique(problems, "解读文件名", ((i.slug, i.source) for i in project.interpretations),
            "两篇解读的文件名相同（网址会冲突）", "把其中一个文件改名")
    _unique(problems, "页面文件名", ((p.slug, p.source) for p in project.pages),
            "两个页面的文件名相同（网址会冲突）", "把其中一个文件改名")
    _unique(problems, "文号", ((d.number, _at(d.source, "文号")) for d in project.documents if d.number),
            "文号重复", "核对文号，每个文件的文号必须唯一")
    _unique(problems, "编号", ((item.code, _at(item.source, "编号")) for c in project.all_catalogues for item in c.items),
            "目录事项编号重复", "给其中一个事项换一个没有用过的编号")
    _unique(problems, "领域", ((c.domain.name, c.source) for c in project.catalogues),
            "同一领域有两个目录文件", "把两个文件合并成一个")
    _references(project, problems, unloaded)
    _withdrawn(project, problems)
    _shared_attachments(project, problems)
    _fixed_sections(project, problems)


def _at(source: Source, key: str) -> Source:
    return Source(source.file, source.at(key))


def _unique(problems: Problems, what: str, values: Iterable[tuple[str, Source]], message: str, fix: str,
            rule: str = "consistency.duplicate") -> None:
    first: dict[str, Source] = {}
    for value, source in values:
        if value in first:
            other = first[value]
            problems.error(source.file, source.line, f"{message}：{what}“{value}”与 {other.file}:{other.line} 相同", fix, rule)
        else:
            first[value] = source


def _unknown(problems: Problems, source: Source, key: str, value: str, known: list[str], fix: str) -> None:
    near = suggest(value, known)
    hint = f"是不是“{near}”？" if near else ""
    problems.error(source.file, source.at(key), f"{key}“{value}”不存在", hint + fix, "consistency.unknown-reference")


def _references(project: Project, problems: Problems, unloaded: Unloaded) -> None:
    documents = {d.slug: d for d in project.documents}
    item_codes = [item.code for c in project.all_catalogues for item in c.items]
    known_items = set(item_codes)
    for owner in [*project.documents, *project.pages]:
        for code in owner.items:
            if code not in known_items and not unloaded.catalogues:
                _unknown(problems, owner.source, "目录事项", code, item_codes,
                         "在 catalogues/ 的目录里查到正确编号；或先在目录中添加这一事项")

    def target(source: Source, key: str, slug: str, fix: str) -> Document | None:
        found = documents.get(slug)
        if found is None and slug not in unloaded.documents:
            _unknown(problems, source, key, slug, list(documents), fix)
        return found

    for doc in project.documents:
        if doc.replaced_by and (new := target(doc.source, "替代文件", doc.replaced_by, "写替代文件的文件名（不带 .md）")):
            if doc.is_public and not new.is_public:
                problems.error(doc.source.file, doc.source.at("替代文件"), f"替代文件“{new.slug}”是“{new.label}”的文件",
                               "公开的页面不能链接未主动公开的文件：改写公开发布的替代文件，或删掉这一行",
                               "consistency.hidden-reference")
    for interp in project.interpretations:
        for slug in interp.targets:
            found = target(interp.source, "解读对象", slug, "写被解读文件的文件名（content/documents 下，不带 .md）")
            if found is not None and not found.is_public:
                problems.error(interp.source.file, interp.source.at("解读对象"), f"解读对象“{slug}”是“{found.label}”的文件",
                               "解读会转述原文，只能解读“此件公开发布”的文件：删掉这篇解读，或先核实该文件的公开属性",
                               "consistency.withheld-interpretation")


def _withdrawn(project: Project, problems: Problems) -> None:
    for doc in project.documents:
        if doc.is_withdrawn and doc.repealed is None:
            problems.error(doc.source.file, doc.source.at("有效性"), f"文件已{doc.validity}，但没有写废止日期",
                           f"加一行 `废止日期: …`，写{doc.validity}之日", "consistency.no-repeal-date")


def _shared_attachments(project: Project, problems: Problems) -> None:
    """An attachment of a document that is not public must not also be published by a public page."""
    owners: dict[str, list[Document | Interpretation | Page]] = defaultdict(list)
    for owner in [*project.documents, *project.interpretations, *project.pages]:
        for attachment in owner.attachments:
            owners[attachment.path].append(owner)
    for path, found in owners.items():
        hidden = [o for o in found if isinstance(o, Document) and not o.is_public]
        if not hidden:
            continue
        for owner in found:
            if not (isinstance(owner, Document) and not owner.is_public):
                problems.error(owner.source.file, owner.source.at("附件"),
                               f"附件“{path}”也是“{hidden[0].label}”文件 {hidden[0].source.file} 的附件",
                               "未公开文件的附件不能在公开页面发布：确认可以公开后另存一份不同文件名的附件再引用",
                               "consistency.hidden-attachment")


def _fixed_sections(project: Project, problems: Problems) -> None:
    """The four fixed columns must exist and hold content; the guide is a single page."""
    pages_dir = "content/pages"
    for section in vocab.PAGE_SECTIONS:
        if not section.fixed:
            continue
        found = [p for p in project.pages if p.section == section]
        if section == vocab.SECTION_REPORTS and project.reports:
            continue
        if not found:
            fix = f"在 content/pages/ 新建页面，文件头写 栏目: {section.name}"
            if section == vocab.SECTION_REPORTS:
                fix = "在 content/reports/ 新建年度报告，如 2024.yml（格式见 docs/内容格式.md）"
            problems.error(pages_dir, 0, f"固定栏目“{section.name}”没有内容", fix, "sections.empty")
        elif section == vocab.SECTION_GUIDE and len(found) > 1:
            for extra in found[1:]:
                problems.error(extra.source.file, extra.source.line, "政府信息公开指南只能有一篇",
                               f"保留 {found[0].source.file}，把这一篇合并进去或改为其他栏目", "sections.guide")
    if not any(category_members(project.documents, project.pages).values()):
        problems.error(pages_dir, 0, f"固定栏目“{vocab.SECTION_STATUTORY.name}”没有内容",
                       "给文件或页面的文件头写上“公开类别”，或发布行政规范性文件", "sections.empty")
