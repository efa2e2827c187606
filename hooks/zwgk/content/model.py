"""The typed model of a county disclosure site, as loaded from content/ and catalogues/."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from zwgk.base import annual_format, vocab
from zwgk.base import annual_format as fmt
from zwgk.base.vocab import Section, Term


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
class RequestChannels:
    """依申请公开渠道 of site.yml: how the public applies; None where the organ offers no such way."""

    online_url: str | None = None  # 在线平台 网址
    mail_address: str | None = None  # 信函 邮寄地址
    mail_recipient: str | None = None
    mail_postcode: str | None = None
    desk_address: str | None = None  # 当面 地址
    desk_hours: str | None = None
    phone: str | None = None  # 咨询电话

    @property
    def any(self) -> bool:
        return bool(self.online_url or self.mail_address or self.desk_address or self.phone)

    @property
    def online_is_link(self) -> bool:
        return bool(self.online_url and self.online_url.lower().startswith(("http://", "https://")))


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
    channels: RequestChannels = field(default_factory=RequestChannels)  # 依申请公开渠道
    check_date: date | None = None  # 检查日期: the day checks see without --today (demo content only)

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
class ChangeNote:
    """修改说明: what an editor changed on a published document, and when (as GOV.UK's change notes)."""

    day: date
    text: str


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
    changes: tuple[ChangeNote, ...] = ()  # 修改说明, oldest first

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
    gazette: list[GazetteYear] = field(default_factory=list)  # content/gazette/<年>.yml, newest year first
    update_state: UpdateState | None = None  # content/update-log.yml: what the last build published

    @property
    def all_catalogues(self) -> list[Catalogue]:
        """The county's catalogues, then every town's."""
        return [*self.catalogues, *(c for town in self.towns for c in town.catalogues)]


# --- 年度报告 --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cells:
    """One row of a report table: a number per column, including computed totals."""

    values: Mapping[str, int]
    written: frozenset[str]  # the columns the editor wrote; the others were computed
    source: Source  # the row's line and the line of each cell written
    # the row's 说明 of a break with last year's report: None when not written, "" when written empty
    note: str | None = None

    def __getitem__(self, column: str) -> int:
        return self.values[column]

    def line(self, column: str) -> int:
        return self.source.at(column)


@dataclass(frozen=True, eq=False)
class AnnualReport:
    year: int
    title: str
    published: date
    preface: tuple[str, ...]  # paragraphs
    overview: tuple[str, ...]  # 一、总体情况
    rules: Mapping[str, Cells]  # 规章 / 行政规范性文件 → 本年制发, 本年废止, 现行有效
    decisions: Mapping[str, int]  # 行政许可 / 行政处罚 / 行政强制 → 本年处理决定数量
    fees: Decimal  # 行政事业性收费 本年收费金额（万元）, as written
    requests: Mapping[fmt.Row, Cells]  # 三、every row of the request table
    reviews: Mapping[str, Cells]  # 四、行政复议 / 未经复议直接起诉 / 复议后起诉
    notes: Mapping[str, tuple[str, ...]]  # text before the table of 主动公开 / 申请情况 / 复议诉讼
    issues: tuple[str, ...]  # 五、存在的主要问题及改进情况
    other: tuple[str, ...]  # 六、其他需要报告的事项
    source: Source

    @property
    def slug(self) -> str:
        return str(self.year)


# --- 规范性文件清理 --------------------------------------------------------------------------------

@dataclass(frozen=True)
class CleanupBatch:
    code: str  # 编号, what documents write in 清理批次
    name: str
    day: date  # 清理日期
    basis: str | None  # 依据
    note: str | None  # 说明
    notice: str | None  # 文件: the document that published the results
    source: Source


@dataclass(frozen=True)
class CleanupGroup:
    batch: CleanupBatch | None  # None: documents that left force outside any batch
    documents: tuple[Document, ...]
    notice: Document | None = None


# --- 负面清单 --------------------------------------------------------------------------------

# The article of 《中华人民共和国政府信息公开条例》 each ground comes from.
ARTICLES: dict[str, str] = dict(zip(vocab.LEGAL_GROUNDS, ["第十四条"] * 3 + ["第十五条"] * 2 + ["第十六条"] * 3, strict=True))


@dataclass(frozen=True)
class NegativeItem:
    matter: str  # 事项
    ground: str  # 不予公开依据, one of vocab.LEGAL_GROUNDS
    organ: str  # 责任单位
    updated: date  # 更新日期
    source: Source

    @property
    def article(self) -> str:
        return ARTICLES[self.ground]


@dataclass(frozen=True)
class NegativeList:
    title: str
    note: str | None
    items: tuple[NegativeItem, ...]
    source: Source

    @property
    def updated(self) -> date:
        return max(item.updated for item in self.items)


# --- 重大行政决策 --------------------------------------------------------------------------------

def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Planned:
    """计划完成时间, as precise as the editor wrote it: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def text(self) -> str:
        return f"{self.year}年" + (f"{self.month}月" if self.month else "") + (f"{self.day}日" if self.day else "")

    @property
    def last_day(self) -> date:
        """The last day the plan still allows."""
        month = self.month or 12
        return date(self.year, month, self.day or monthrange(self.year, month)[1])


@dataclass(frozen=True)
class Consultation:
    """征集: a public call for opinions on a draft."""

    start: date  # 开始日期
    end: date  # 截止日期, the last day opinions are accepted
    how: str  # 方式: how to send opinions

    def is_open(self, today: date) -> bool:
        return self.start <= today <= self.end

    @property
    def until(self) -> str:
        return f"截至{cn_date(self.end)}"

    def state(self, today: date) -> str:
        """What the public reads beside the call: open until when, closed, or not yet open."""
        if today < self.start:
            return f"尚未开始，{cn_date(self.start)}起征求意见"
        if today > self.end:
            return f"已截止（截止日期：{cn_date(self.end)}）"
        return f"征求意见中，{self.until}"


@dataclass(frozen=True)
class Stage:
    kind: Term  # one of vocab.DECISION_STAGES
    day: date | None  # 日期 as written, else the call's start or the linked material's 发布日期
    document: str | None  # 文件: slug of a document
    page: str | None  # 页面: slug of a page
    consultation: Consultation | None
    note: str | None  # 说明
    source: Source
    target: Document | Page | None = None  # the published material, set by publish()


@dataclass(frozen=True)
class Decision:
    code: str  # 编号: its page is zdxzjc/<year>/<code>.html
    name: str  # 事项名称
    organ: str  # 承办单位
    planned: Planned  # 计划完成时间
    status: str  # one of vocab.DECISION_STATUSES
    note: str | None
    stages: tuple[Stage, ...]  # timeline order: by date, then by the order of the stages
    year: int
    source: Source

    @property
    def consultations(self) -> list[tuple[Stage, Consultation]]:
        return [(s, s.consultation) for s in self.stages if s.consultation]

    def open_consultation(self, today: date) -> Consultation | None:
        return next((c for _, c in self.consultations if c.is_open(today)), None)

    @property
    def updated(self) -> date | None:
        """The day of the latest stage: when the decision's page last changed."""
        return max((s.day for s in self.stages if s.day), default=None)

    @property
    def pending(self) -> tuple[Term, ...]:
        """The stages still to come: those after the last one reached."""
        reached = [vocab.DECISION_STAGES.index(s.kind) for s in self.stages]
        return vocab.DECISION_STAGES[max(reached, default=-1) + 1:]


@dataclass(frozen=True)
class DecisionCatalogue:
    year: int
    published: date  # 发布日期 of the catalogue
    note: str | None
    decisions: tuple[Decision, ...]
    source: Source


# --- 政府公报 --------------------------------------------------------------------------------

@dataclass(frozen=True)
class GazetteIssue:
    year: int
    number: int  # 期号, from 1 each year
    published: date  # 出版日期
    pdf: Attachment | None  # the printed issue
    slugs: tuple[str, ...]  # 文件: the documents in it, in the order printed
    source: Source
    documents: tuple[Document, ...] = ()  # the published documents, set by publish()


@dataclass(frozen=True)
class GazetteYear:
    year: int
    title: str  # 刊名, e.g. 示例县人民政府公报
    issues: tuple[GazetteIssue, ...]  # by 期号
    source: Source


# --- 更新日志 --------------------------------------------------------------------------------

@dataclass(frozen=True)
class LogEntry:
    """One line of the update log. A document that left the site keeps its entries without 标题 or 文件:
    it may have left because its very title is not public."""

    day: date
    kind: str  # one of vocab.LOG_KINDS
    slug: str | None = None  # 文件; None once the document is no longer published
    title: str | None = None
    number: str | None = None  # 文号
    fields: tuple[str, ...] = ()  # what changed, for 修改
    note: str | None = None  # the 修改说明 written with the change


@dataclass(frozen=True)
class UpdateState:
    """content/update-log.yml: a fingerprint of every published document as the last build saw it, and the log."""

    fingerprints: Mapping[str, Mapping[str, str]]  # slug → field → short hash
    entries: tuple[LogEntry, ...]  # newest first
