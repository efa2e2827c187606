"""Pass two of migrate, on the small records only: duplicates merged, columns mapped, file names
chosen, each 解读 linked to its 原文 (by a link, a show.jsp?documentid= link, its 文号 or its title).

Everything is decided in sorted URL order, so the same mirror gives the same files every time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ahocorasick_rs

from zwgk.base import docnumber, identity, vocab
from zwgk.kinds.document import document_slug
from zwgk.legacy import columns as cols
from zwgk.legacy.scan import Record, Scan, Skipped

DOCUMENT = "document"
INTERPRETATION = "interpretation"
_MIN_TITLE = 6  # shorter titles (通知, 公告) would match everywhere


@dataclass
class Planned:
    record: Record
    kind: str  # DOCUMENT or INTERPRETATION
    slug: str
    year: int
    originals: list[str] = field(default_factory=list)  # slugs of the documents a 解读 explains
    linked_by: str = ""  # how the 原文 was found: 链接 / 文号 / 标题
    categories: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)

    @property
    def rel(self) -> str:
        """Where the file goes, from the content root: documents/2019/szf-2019-3.md."""
        folder = "documents" if self.kind == DOCUMENT else "interpretations"
        return f"{folder}/{self.year}/{self.slug}.md"

    @property
    def page(self) -> str:
        """Where it is published in the new site."""
        return f"wj/{self.slug}.html" if self.kind == DOCUMENT else f"{vocab.SECTION_INTERPRETATIONS.slug}/{self.slug}.html"


@dataclass
class Plan:
    items: list[Planned] = field(default_factory=list)
    unlinked: list[Record] = field(default_factory=list)  # 解读 whose 原文 is not in the mirror
    skipped: list[Skipped] = field(default_factory=list)
    by_url: dict[str, Planned] = field(default_factory=dict)
    by_id: dict[str, Planned] = field(default_factory=dict)  # the CMS's ids: show.jsp?documentid=<id> links

    def target(self, url: str) -> Planned | None:
        """The migrated file an old URL (a page's, or a CMS link by document id) now is."""
        return self.by_url.get(url) or self.by_id.get(_documentid(url) or "")


def _key(record: Record) -> tuple[str, str]:
    """What makes two pages the same document: its 索引号, else its 文号, else the same body text."""
    f = record.fields
    if "索引号" in f:
        return ("索引号", f["索引号"].value)
    if "文号" in f:
        return ("文号", f["文号"].value)
    # Without either, the same title, date and body: many short notices share a body (详见附件).
    return ("标题、日期和正文", f"{_text(record, '标题')}|{_text(record, '发布日期')}|{record.digest}")


def merge_duplicates(scan: Scan) -> tuple[list[Record], list[Skipped]]:
    kept: dict[tuple[str, str], Record] = {}
    skipped: list[Skipped] = []
    # The first copy is the one the CMS made first (lowest id): the second column's copy points to it.
    for record in sorted(scan.records, key=lambda r: (int(r.doc_id) if r.doc_id else 10**12, r.url)):
        key = _key(record)
        first = kept.get(key)
        if first is None:
            kept[key] = record
            continue
        first.urls.append(record.url)
        if record.column not in first.columns:
            first.columns.append(record.column)
        skipped.append(Skipped(record.url, f"与 {first.url} 是同一份文件（{key[0]}相同）",
                               "不用处理：合并为一份文件，两个旧网址都跳转到它"))
    return sorted(kept.values(), key=lambda r: r.url), skipped


def _year(record: Record) -> int:
    for key in ("成文日期", "发布日期"):
        if key in record.fields:
            return int(record.fields[key].value[:4])
    return 2000


def _is_interpretation(record: Record, mapping: dict[str, cols.Column]) -> bool:
    targets = {mapping[c].target for c in record.columns if c in mapping}
    return cols.INTERPRETATION in targets or ("解读" in _text(record, "标题") and "文号" not in record.fields)


def _text(record: Record, key: str) -> str:
    value = record.fields.get(key)
    return value.value if value else ""


def plan(scan: Scan, mapping: dict[str, cols.Column], taken: set[str]) -> Plan:
    """`taken`: file names already used in content/ by files migrate did not write."""
    out = Plan()
    records, out.skipped = merge_duplicates(scan)
    documents: list[Record] = []
    interpretations: list[Record] = []
    for record in records:
        targets = [mapping[c].target for c in record.columns if c in mapping]
        if targets and all(t == cols.SKIP for t in targets):
            out.skipped.append(Skipped(record.url, f"栏目 {record.column} 在栏目对照表中写了“跳过”", "要迁移就改栏目对照表"))
        elif targets and all(t == cols.REPORT for t in targets):
            out.skipped.append(Skipped(record.url, "年度报告", "年度报告按 content/reports/ 的格式录入（表格要逐项核对），"
                                       "旧网址可在 deploy/ 的跳转表里手工加一行"))
        elif _is_interpretation(record, mapping):
            interpretations.append(record)
        else:
            documents.append(record)
    used = set(taken)
    for record in documents:
        values = {k: v.value for k, v in record.fields.items()}
        values.setdefault("标题", record.url.rsplit("/", 1)[-1])
        year = _year(record)
        base = docnumber.slug(values.get("文号", "")) or document_slug(values, year)[0]
        item = Planned(record, DOCUMENT, _free(base, used), year)
        for column in record.columns:
            if column in mapping:
                item.categories += [c for c in mapping[column].categories if c not in item.categories]
                item.domains += [d for d in mapping[column].domains if d not in item.domains]
        out.items.append(item)
    _link_interpretations(out, interpretations, used)
    out.by_url = {url: item for item in out.items for url in item.record.urls}
    out.by_id = {item.record.doc_id: item for item in out.items if item.record.doc_id}
    return out


def _free(base: str, used: set[str]) -> str:
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base}-{n}"
    used.add(name)
    return name


def _flat(text: str) -> str:
    return "".join(identity.normalise(text).split()).strip("《》")


def _link_interpretations(out: Plan, interpretations: list[Record], used: set[str]) -> None:
    docs = [i for i in out.items if i.kind == DOCUMENT]
    by_url = {url: d for d in docs for url in d.record.urls}
    by_id = {d.record.doc_id: d for d in docs if d.record.doc_id}
    by_number = {d.record.fields["文号"].value: d for d in docs if "文号" in d.record.fields}
    titles: dict[str, Planned] = {}
    for d in docs:
        title = _flat(_text(d.record, "标题"))
        inner = title.split("《", 1)[1].split("》", 1)[0] if "《" in title and "》" in title else ""
        for name in (title, inner):
            if len(name) >= _MIN_TITLE:
                titles.setdefault(name, d)
    finder = ahocorasick_rs.AhoCorasick(list(titles), matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST) \
        if titles else None
    for record in interpretations:
        found: list[Planned] = []
        how = ""
        for link in record.links:
            target = by_url.get(link.url or "") or by_id.get(_documentid(link.url or ""))
            if target and target not in found:
                found.append(target)
                how = "链接"
        text = identity.normalise(f"{_text(record, '标题')} {record.head_text}")
        if not found:
            for match in docnumber.NUMBER.finditer(docnumber.fix_brackets("".join(text.split()))):
                # the 代字 run may have taken in the words before it (…现解读如下示卫健〔2023〕21号)
                rest = match.group(0)[len(match["prefix"]):]
                target = next((by_number[n] for i in range(len(match["prefix"]))
                               if (n := match["prefix"][i:] + rest) in by_number), None)
                if target and target not in found:
                    found.append(target)
                    how = "文号"
        if not found and finder is not None:
            for name in finder.find_matches_as_strings("".join(text.split())):
                target = titles[name]
                if target not in found:
                    found.append(target)
                    how = "标题"
        if not found:
            out.unlinked.append(record)
            continue
        year = int(record.fields["发布日期"].value[:4]) if "发布日期" in record.fields else found[0].year
        item = Planned(record, INTERPRETATION, _free(f"jd-{found[0].slug}", used), year,
                       [d.slug for d in found], how)
        out.items.append(item)


def _documentid(url: str) -> str | None:
    if "documentid=" not in url.lower():
        return None
    value = url.lower().split("documentid=", 1)[1].split("&", 1)[0]
    return value if value.isdigit() else None
