"""Pass one of migrate: every file of the mirror read once into a small `Record` (no bodies kept,
so memory stays bounded at 10,000 pages); pages that are not articles are set aside with the reason."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from zwgk.legacy import columns, mirror
from zwgk.legacy.fields import Value, doc_id, read_fields
from zwgk.legacy.page import ARTICLE, FRAMESET, LIST, NO_BODY, Link, read_page

_TITLE_KEEP = 400  # characters of body text kept for a 解读 (it names its 原文 near the start)


@dataclass
class Record:
    url: str
    file: mirror.MirrorFile
    column: str
    column_name: str
    encoding: str
    fields: dict[str, Value]
    links: list[Link]
    attachments: list[Link]
    digest: str  # of the body text: the same page saved under two URLs
    doc_id: str | None = None  # the CMS's id (t20191011_<id>.htm): show.jsp?documentid=<id> links reach it
    head_text: str = ""  # start of the body text, for finding a 解读's 原文 by title or 文号
    notes: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)  # every old URL of this document (duplicates merged in)
    columns: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    url: str
    why: str  # Chinese, for the report
    fix: str = ""


@dataclass
class Scan:
    records: list[Record] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    attachments: dict[str, mirror.MirrorFile] = field(default_factory=dict)  # URL → file
    pages_read: int = 0
    encodings: dict[str, int] = field(default_factory=dict)
    column_names: dict[str, str] = field(default_factory=dict)
    column_pages: dict[str, int] = field(default_factory=dict)


def scan(root_dir, organ: str, progress: Callable[[int], None] = lambda n: None) -> Scan:  # noqa: ANN001 - Path
    out = Scan()
    for n, file in enumerate(_files(root_dir, out), start=1):
        progress(n)
        out.pages_read += 1
        column = columns.column_of(file.url)
        out.column_pages[column] = out.column_pages.get(column, 0) + 1
        try:
            _one(file, column, organ, out)
        except Exception as exc:  # noqa: BLE001 - one unreadable page must not stop 10,000
            out.skipped.append(Skipped(file.url, f"网页无法读取（{type(exc).__name__}）", "用浏览器打开核对，必要时手工录入"))
    return out


def _files(root_dir, out: Scan) -> Iterator[mirror.MirrorFile]:  # noqa: ANN001 - Path
    for file in mirror.walk(root_dir):
        if file.kind == mirror.ATTACHMENT:
            out.attachments[file.url] = file
        else:
            yield file


def _one(file: mirror.MirrorFile, column: str, organ: str, out: Scan) -> None:
    if file.size > mirror.MAX_PAGE_BYTES:
        out.skipped.append(Skipped(file.url, f"文件太大（{file.size // 1_000_000} MB），不像一篇文章",
                                   "用浏览器打开核对；是文章就另存为较小的网页或手工录入"))
        return
    decoded = mirror.read(file)
    if decoded.text is None:
        out.skipped.append(Skipped(file.url, "无法读取文件内容", "用浏览器打开核对"))
        return
    label = {"gb18030": "GBK/GB18030"}.get(decoded.encoding, decoded.encoding.upper())
    out.encodings[label] = out.encodings.get(label, 0) + 1
    page = read_page(file.url, decoded.text)
    if page.meta.get("columnname"):
        out.column_names.setdefault(column, page.meta["columnname"])
    if page.kind == LIST:
        out.skipped.append(Skipped(file.url, f"栏目列表页（{len(page.list_items)} 条）", "不用处理：本站自动生成列表"))
        return
    if page.kind == FRAMESET:
        frames = "、".join(page.frames[:3]) or "无"
        out.skipped.append(Skipped(file.url, f"框架页，正文在框架里（{frames}）",
                                   "框架指向的网页在镜像中会单独迁移；不在镜像中的，把它们也下载下来"))
        return
    if page.kind == NO_BODY or not page.body_text.strip() and not page.attachments and not page.files:
        out.skipped.append(Skipped(file.url, "网页没有正文", "用浏览器打开核对；有内容的话手工录入"))
        return
    assert page.kind == ARTICLE
    record = Record(file.url, file, column, page.meta.get("columnname", ""), label, read_fields(page, organ),
                    page.links, page.attachments, hashlib.blake2b(page.body_text.encode()).hexdigest(),
                    doc_id(file.url), page.body_text[:_TITLE_KEEP], urls=[file.url], columns=[column])
    if decoded.lossy:
        record.notes.append(f"网页编码不一致，少数字符无法识别（按 {label} 读取）— 对照旧网页核对正文")
    record.notes.extend(page.notes)
    if page.frames:
        record.notes.append(f"正文中有内嵌框架（{'、'.join(page.frames[:3])}），迁移时去掉了 — 需要的话把内容作为附件或链接补上")
    out.records.append(record)
