"""Checks across files: unique names and numbers, and every reference pointing somewhere real."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import vocab
from .model import Project, Source
from .publication import category_members
from .problems import Problems, suggest


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
    _unique(problems, "文号", ((d.number, d.source) for d in project.documents if d.number),
            "文号重复", "核对文号，每个文件的文号必须唯一")
    _unique(problems, "编号", ((item.code, item.source) for c in project.catalogues for item in c.items),
            "目录事项编号重复", "给其中一个事项换一个没有用过的编号")

    documents = {d.slug: d for d in project.documents}
    item_codes = [item.code for c in project.catalogues for item in c.items]
    known_items = set(item_codes)
    for owner in [*project.documents, *project.pages]:
        for code in owner.items:
            if code not in known_items and not unloaded.catalogues:
                _unknown(problems, owner.source, "目录事项", code, item_codes,
                         "在 catalogues/ 的目录里查到正确编号；或先在目录中添加这一事项")
    for doc in project.documents:
        if doc.replaced_by and doc.replaced_by not in documents and doc.replaced_by not in unloaded.documents:
            _unknown(problems, doc.source, "替代文件", doc.replaced_by, list(documents), "写替代文件的文件名（不带 .md）")
    for interp in project.interpretations:
        for target in interp.targets:
            found = documents.get(target)
            if found is None and target not in unloaded.documents:
                _unknown(problems, interp.source, "解读对象", target, list(documents),
                         "写被解读文件的文件名（content/documents 下，不带 .md）")
            elif found is not None and found.is_withheld:
                problems.error(interp.source.file, interp.source.line, f"解读对象“{target}”是不予公开的文件",
                               "不予公开的文件不能发布解读：删掉这篇解读，或先核实该文件的公开属性")
    _fixed_sections(project, problems)


def _unique(problems: Problems, what: str, values: Iterable[tuple[str, Source]], message: str, fix: str) -> None:
    first: dict[str, Source] = {}
    for value, source in values:
        if value in first:
            other = first[value]
            problems.error(source.file, source.line, f"{message}：{what}“{value}”与 {other.file}:{other.line} 相同", fix)
        else:
            first[value] = source


def _unknown(problems: Problems, source: Source, key: str, value: str, known: list[str], fix: str) -> None:
    near = suggest(value, known)
    hint = f"是不是“{near}”？" if near else ""
    problems.error(source.file, source.line, f"{key}“{value}”不存在", hint + fix)


def _fixed_sections(project: Project, problems: Problems) -> None:
    """The four fixed columns must exist and hold content; the guide is a single page."""
    pages_dir = "content/pages"
    for section in (vocab.SECTION_GUIDE, vocab.SECTION_RULES, vocab.SECTION_REPORTS):
        found = [p for p in project.pages if p.section == section]
        if not found:
            problems.error(pages_dir, 0, f"固定栏目“{section.name}”没有内容",
                           f"在 content/pages/ 新建页面，文件头写 栏目: {section.name}")
        elif section == vocab.SECTION_GUIDE and len(found) > 1:
            for extra in found[1:]:
                problems.error(extra.source.file, extra.source.line, "政府信息公开指南只能有一篇",
                               f"保留 {found[0].source.file}，把这一篇合并进去或改为其他栏目")
    visible = [d for d in project.documents if not d.is_withheld]
    if not any(category_members(visible, project.pages).values()):
        problems.error(pages_dir, 0, f"固定栏目“{vocab.SECTION_STATUTORY.name}”没有内容",
                       "给文件或页面的文件头写上“公开类别”，或发布行政规范性文件")

