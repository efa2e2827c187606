"""The typed model of a county disclosure site, as loaded from content/ and catalogues/."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from zwgk.base import annual_format, vocab
from zwgk.base.vocab import Section, Term

if TYPE_CHECKING:  # these modules hold their own dataclasses and import this one
    from zwgk.content.cleanup import CleanupBatch
    from zwgk.content.decisions import DecisionCatalogue
    from zwgk.content.negative_list import NegativeList
    from zwgk.content.annual_report import AnnualReport


@dataclass(frozen=True)
class Source:
    """Where an object came from, for messages: project-relative file, 1-based line, line of each key."""

    file: str
    line: int = 1
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)

    def at(self, key: str) -> int:
        """Line of `key` in the source, or of the object itself when the key is absent."""
        return self.key_lines.get(key, self.line)


@dataclass(frozen=True)
class Site:
    name: str
    code: str  # 统一社会信用代码 or 机构代码, used in 索引号
    index_format: str
    host: str  # 主办单位
    organizer: str | None  # 承办单位
    address: str
    postcode: str | None
    phone: str
    email: str | None
    site_code: str  # 网站标识码
    icp: str
    police_record: str  # 公安机关备案号
    error_report_url: str  # 我为政府网站找错
    base_url: str | None = None  # 网站地址, always ending in "/"; None when the editor left it out
    organ_kind: str = annual_format.COUNTY_GOVERNMENT  # 机关类型: decides when the annual report is due

    @property
    def title(self) -> str:
        return f"{self.name}·政府信息公开"


@dataclass(frozen=True)
class CatalogueItem:
    code: str  # 编号, unique across the site
    level1: str
    level2: str | None
    content: str
    basis: str
    time_limit: str
    publisher: str
    channels: tuple[str, ...]
    audience: str
    mode: str  # 主动 / 依申请
    levels: tuple[str, ...]
    domain: Term
    source: Source
    no_content: tuple[str, date] | None = None  # 暂无内容说明: reason and date, when nothing can be published yet
    town: str | None = None  # slug of the town whose catalogue holds the item; None for the county's

    @property
    def proactive(self) -> bool:
        return self.mode == "主动"


@dataclass(frozen=True)
class Catalogue:
    domain: Term
    lead_department: str
    updated: date | None
    items: tuple[CatalogueItem, ...]
    source: Source


@dataclass(frozen=True)
class Attachment:
    path: str  # relative to content/attachments, forward slashes
    file: Path  # absolute source file

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def suffix(self) -> str:
        return self.name.rsplit(".", 1)[-1].upper() if "." in self.name else ""


@dataclass(frozen=True)
class Document:
    slug: str
    title: str
    number: str | None  # 文号
    issuer: str
    written: date  # 成文日期
    published: date | None  # 发布日期 (a withheld document has none)
    label: str  # 公开属性
    reason: str | None  # 不予公开理由
    validity: str
    repealed: date | None
    replaced_by: str | None
    doc_type: str
    theme: str
    domains: tuple[Term, ...]
    items: tuple[str, ...]  # catalogue item codes
    categories: tuple[Term, ...]
    attachments: tuple[Attachment, ...]
    index_no: str
    keywords: tuple[str, ...]
    summary: str | None
    body: str
    body_line: int  # line of the file the body starts on
    source: Source
    cleanup_batch: str | None = None  # 清理批次: 编号 of a batch in content/cleanup.yml
    town: str | None = None  # 乡镇: slug of the town that issued it

    @property
    def is_public(self) -> bool:
        return self.label == vocab.LABEL_PUBLIC

    @property
    def is_on_request(self) -> bool:
        return self.label == vocab.LABEL_ON_REQUEST

    @property
    def is_withheld(self) -> bool:
        return self.label == vocab.LABEL_WITHHELD

    @property
    def is_visible(self) -> bool:
        """Whether the document has a page at all (a 依申请公开 one has a metadata page)."""
        return not self.is_withheld

    @property
    def is_withdrawn(self) -> bool:
        return self.validity in vocab.WITHDRAWN

    @property
    def year(self) -> int:
        return (self.published or self.written).year

    @property
    def order_key(self) -> tuple[date, date, str]:
        """Publication order: by 发布日期, then 成文日期, then file name."""
        return (self.published or self.written, self.written, self.slug)


@dataclass(frozen=True)
class Interpretation:
    slug: str
    title: str
    targets: tuple[str, ...]  # document slugs
    form: str
    issuer: str
    published: date
    attachments: tuple[Attachment, ...]
    body: str
    body_line: int  # line of the file the body starts on
    source: Source


@dataclass(frozen=True)
class Page:
    """A hand-written page (指南, 制度, 年报 ...)."""

    slug: str
    title: str
    section: Section
    published: date
    categories: tuple[Term, ...]
    items: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    body: str
    body_line: int  # line of the file the body starts on
    source: Source


@dataclass(frozen=True)
class VillageItem:
    """One thing a village or community posts (村务/居务公开), e.g. on its notice board."""

    name: str
    content: str  # 公开内容
    channels: tuple[str, ...]  # 公开渠道
    period: str  # 更新周期
    latest: date  # 最近公开日期
    items: tuple[str, ...]  # codes of the town catalogue items it carries out
    source: Source


@dataclass(frozen=True)
class Village:
    name: str
    kind: str  # 村 / 社区
    items: tuple[VillageItem, ...]
    source: Source


@dataclass(frozen=True)
class Town:
    """A township (乡镇) under the county: its own catalogue and its villages' affairs disclosure."""

    slug: str  # the folder name under catalogues/towns/
    name: str
    address: str | None
    phone: str | None
    hours: str | None  # 办公时间
    catalogues: tuple[Catalogue, ...]  # in domain order
    villages: tuple[Village, ...]
    source: Source  # town.yml


@dataclass
class Project:
    """Everything loaded from one content tree; may include what must never be published."""

    root: Path
    site: Site
    catalogues: list[Catalogue] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    interpretations: list[Interpretation] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    index_registry: dict[str, str] = field(default_factory=dict)  # every 索引号 given out, by file name
    new_index_numbers: dict[str, str] = field(default_factory=dict)  # those not yet in the registry file
    decisions: list[DecisionCatalogue] = field(default_factory=list)  # content/decisions/<年份>.yml
    negative_list: NegativeList | None = None  # content/negative-list.yml
    cleanup_batches: list[CleanupBatch] = field(default_factory=list)  # content/cleanup.yml
    reports: list[AnnualReport] = field(default_factory=list)  # 年度报告 from content/reports, oldest first
    towns: list[Town] = field(default_factory=list)

    @property
    def all_catalogues(self) -> list[Catalogue]:
        """The county's catalogues, then every town's."""
        return [*self.catalogues, *(c for town in self.towns for c in town.catalogues)]
