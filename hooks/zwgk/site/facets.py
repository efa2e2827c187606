"""The facets of the policy documents (政策文件库): 发文机关, 主题分类, 文件类型, 年份, 有效性, 领域.

One definition serves both the static lists (a paginated list per value, for readers without
JavaScript) and the data file the 政策文件库 page filters in the browser, so their counts agree.
Plain data from the model: no page, template or MkDocs here.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zwgk.base import vocab
from zwgk.content.model import Document

FOLDER = vocab.SECTION_POLICIES.slug


@dataclass(frozen=True)
class Value:
    """One value of a facet with the documents that have it (newest first) and its static list."""

    name: str  # as shown and as written in the 政策文件库's URL
    folder: str  # site-root-relative folder of its static list, e.g. zcwj/jg/1a2b3c4d
    documents: tuple[Document, ...]

    @property
    def path(self) -> str:
        return f"{self.folder}/index.html"


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter of the 政策文件库 page
    label: str
    values: tuple[Value, ...]


def _stable_slug(name: str) -> str:
    # Organs and themes are free or long Chinese names: a hash of the name stays the same across builds
    # and rebuilds, so a bookmarked list keeps working while the name does.
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class _Spec:
    key: str
    label: str
    of: Callable[[Document], Sequence[str]]  # the values a document has
    order: Callable[[list[str]], list[str]]
    folder: Callable[[str], str]


def _vocab_order(terms: Sequence[str]) -> Callable[[list[str]], list[str]]:
    return lambda found: [t for t in terms if t in found] + sorted(t for t in found if t not in terms)


_DOMAIN_SLUGS = {t.name: t.slug for t in vocab.DOMAINS}

SPECS: tuple[_Spec, ...] = (
    _Spec("jg", "发文机关", lambda d: (d.issuer,), sorted, lambda v: f"{FOLDER}/jg/{_stable_slug(v)}"),
    _Spec("zt", "主题分类", lambda d: (d.theme,), _vocab_order(vocab.THEMES), lambda v: f"{FOLDER}/zt/{_stable_slug(v)}"),
    _Spec("lx", "文件类型", lambda d: (d.doc_type,), _vocab_order(vocab.DOCUMENT_TYPES),
          lambda v: f"{FOLDER}/lx/{_stable_slug(v)}"),
    # 年份 and 领域 keep the folders the 政策文件 section has always had (zcwj/2024/, zcwj/education/); 年份 is
    # the year of 发布日期 as those lists have it (成文日期 when there is none)
    _Spec("nf", "年份", lambda d: (str(d.year),), lambda found: sorted(found, reverse=True), lambda v: f"{FOLDER}/{v}"),
    _Spec("yx", "有效性", lambda d: (d.validity,), _vocab_order(vocab.VALIDITY), lambda v: f"{FOLDER}/yx/{_stable_slug(v)}"),
    _Spec("ly", "领域", lambda d: tuple(t.name for t in d.domains), _vocab_order([t.name for t in vocab.DOMAINS]),
          lambda v: f"{FOLDER}/{_DOMAIN_SLUGS[v]}"),
)


def facets(documents: Sequence[Document]) -> tuple[Facet, ...]:
    """Every facet with the values the documents have, in the vocabulary's order (years newest first);
    the documents keep their order (newest first)."""
    out = []
    for spec in SPECS:
        members: dict[str, list[Document]] = defaultdict(list)
        for doc in documents:
            for value in spec.of(doc):
                members[value].append(doc)
        values = tuple(Value(v, spec.folder(v), tuple(members[v])) for v in spec.order(list(members)))
        out.append(Facet(spec.key, spec.label, values))
    return tuple(out)


def library_documents(documents: Sequence[Document]) -> list[Document]:
    """What the 政策文件库 and its lists hold: the documents published in full, withdrawn ones too
    (their 有效性 says so); 依申请公开 ones are listed under 依申请公开."""
    return [d for d in documents if d.is_public]


LIBRARY = f"{FOLDER}/wjk.html"  # the 政策文件库 page
LIBRARY_DATA = f"{FOLDER}/wjk/data.js"  # what it filters: loaded by a <script> element, so file:// works too


def list_title(facet: Facet, value: Value) -> str:
    """Title of a value's static list: 2024年政策文件 and 义务教育政策文件 as before, 发文机关：… for the rest."""
    if facet.key in ("nf", "ly"):
        return f"{value.name}年政策文件" if facet.key == "nf" else f"{value.name}政策文件"
    return f"政策文件·{facet.label}：{value.name}"
