"""Pass three of migrate: each planned file written, its page read again for the body, its
attachments copied; what we wrote last time may be replaced, what an editor changed since is kept.

`migration/manifest.json` holds the SHA-256 of every file migrate wrote. A file whose content
still has that hash is ours to rewrite; any other existing file is left as it is and reported.
Every file is written to a temporary name and renamed, so an interrupted run leaves whole files.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from zwgk.kinds.document import DOCUMENT_ORDER
from zwgk.kinds.scaffold import front_matter
from zwgk.legacy import body as bodies
from zwgk.legacy import mirror, privacy
from zwgk.legacy.fields import GUESS
from zwgk.legacy.page import ATTACHMENT_SUFFIXES, read_page, resolve
from zwgk.legacy.plan import DOCUMENT, Plan, Planned

# Values a document may lack; the editor is told what follows from each being absent.
_LEFT_OUT = {"索引号": "旧网页没有索引号：生成站点时按本站规则分配新的；旧网站公布过的话照旧网站写上",
             "文号": "旧网页信息框没有文号：没有文号的文件（通知、公告）不用填，有的照原件写上"}
MANIFEST = Path("migration") / "manifest.json"
HELD = Path("migration") / "held"  # attachments not to be published as they are
INTERPRETATION_ORDER = ["标题", "解读对象", "解读形式", "解读机关", "发布日期", "附件"]
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f#%]')
_ATTACHMENT_LABEL = re.compile(r"^(附件\s*\d*\s*[:：.、]?\s*|下载\s*[:：]?\s*)")


@dataclass(frozen=True)
class Line:
    """One line of the migration report: 文件: 问题 — 怎么办."""
    file: str
    problem: str
    fix: str = ""


@dataclass
class Written:
    lines: list[Line] = field(default_factory=list)
    files: int = 0
    kept: int = 0  # files changed by an editor since, left alone
    removed: int = 0  # files the last run wrote that this run no longer makes
    attachments: int = 0
    redirects: list[tuple[str, str]] = field(default_factory=list)  # (old URL, new site path)
    guesses: list[tuple[str, str, str]] = field(default_factory=list)  # (file, field, why)
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # (file, field, what happens without it)


class Writer:
    def __init__(self, root: Path, mirror_dir: Path) -> None:
        self.root = root
        self.mirror_dir = mirror_dir
        self.content = root / "content"
        path = root / MANIFEST
        # per mirror: a county may migrate several old sites (the government's, a bureau's) into one
        self.all: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        self.key = mirror_dir.resolve().as_posix()
        self.previous: dict[str, str] = self.all.get(self.key, {})
        self.others = {rel for key, files in self.all.items() if key != self.key for rel in files}
        self.manifest: dict[str, str] = {}
        self.out = Written()

    def ours(self, rel: str) -> bool:
        """Whether the file at content/`rel` may be (re)written: absent, or as migrate left it."""
        path = self.content / rel
        if not path.exists():
            return True
        return self.previous.get(rel) == hashlib.sha256(path.read_bytes()).hexdigest()

    def put(self, rel: str, data: bytes) -> bool:
        path = self.content / rel
        if not self.ours(rel):
            if path.read_bytes() != data:
                self.out.kept += 1
                self.out.lines.append(Line(f"content/{rel}", "迁移后被修改过，这次没有覆盖",
                                           "要换成新的迁移结果，删掉这个文件后重新运行 migrate"))
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".migrate-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        self.manifest[rel] = hashlib.sha256(data).hexdigest()
        return True

    def save_manifest(self) -> None:
        """Record what this run wrote; files the last run wrote and this one did not (a column now 跳过)
        are removed when no one changed them, kept (and still recorded) when someone did."""
        kept: dict[str, str] = {}
        for rel, digest in self.previous.items():
            path = self.content / rel
            if rel in self.manifest or not path.is_file():
                continue
            if hashlib.sha256(path.read_bytes()).hexdigest() == digest:
                path.unlink()
                self.out.removed += 1
            else:
                kept[rel] = digest
        path = self.root / MANIFEST
        path.parent.mkdir(parents=True, exist_ok=True)
        self.all[self.key] = {**kept, **self.manifest}
        path.write_text(json.dumps(self.all, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _attachment_name(text: str, url: str) -> str:
    """A readable file name: the link's text when it names the file (附件1：实施细则 → 实施细则.pdf)."""
    base = posixpath.basename(url.split("?", 1)[0]) or "附件"
    suffix = posixpath.splitext(base)[1].lower()
    label = _UNSAFE_NAME.sub("", _ATTACHMENT_LABEL.sub("", text)).strip(" .")[:60]
    if label and not label.isdigit() and label not in ("附件", "下载", "点击下载"):
        return label if label.lower().endswith(suffix) else label + suffix
    return _UNSAFE_NAME.sub("", base)


def write_item(writer: Writer, plan: Plan, item: Planned) -> None:
    record = item.record
    source = f"content/{item.rel}"
    decoded = mirror.read(record.file)
    page = read_page(record.url, decoded.text or "")
    folder = f"{item.year}/{item.slug}"
    attachments: list[str] = []
    here = posixpath.dirname(item.rel)

    def copy(url: str, text: str, is_image: bool) -> str | None:
        """The attachment's path under content/attachments/ once copied; None (and a report line) if it cannot be."""
        file = writer_file(writer, url)
        if file is None:
            what = "图片" if is_image else "附件"
            writer.out.lines.append(Line(source, f"{what} {url} 不在镜像中，已只保留文字",
                                         f"从旧网站找到这个{what}放进 content/attachments/{folder}/ 并补上链接"))
            return None
        if file.size > mirror.MAX_ATTACHMENT_BYTES:
            writer.out.lines.append(Line(source, f"附件 {url} 太大（{file.size // 1_000_000} MB），没有复制",
                                         "压缩或拆分后放进 content/attachments/ 并补上链接"))
            return None
        rel = f"{folder}/{_attachment_name('' if is_image else text, url)}"
        if problem := privacy.attachment_problem(file.path):
            held = writer.root / HELD / rel
            held.parent.mkdir(parents=True, exist_ok=True)
            held.write_bytes(file.path.read_bytes())
            writer.out.lines.append(Line(source, f"附件 {url} {problem}，没有放进站点，放在 {HELD.as_posix()}/{rel}",
                                         f"打码或核对后放进 content/attachments/{rel}，在文件的“附件”中加上它"))
            return None
        if writer.put(f"attachments/{rel}", file.path.read_bytes()):
            writer.out.attachments += 1
        if not is_image and rel not in attachments:
            attachments.append(rel)
        writer.out.redirects.append((url, "attachments/" + quote(rel)))
        return rel

    def rewrite(href: str, is_image: bool) -> str | None:
        link = resolve(record.url, href)
        if link.url is None:
            return href if href.lower().startswith(("http://", "https://")) else None
        target = plan.target(link.url)
        if target is not None:
            return posixpath.relpath(target.rel, here)
        if not is_image and not link.url.split("?", 1)[0].lower().endswith(ATTACHMENT_SUFFIXES):
            writer.out.lines.append(Line(source, f"正文链接的网页 {link.url} 没有迁移（不在镜像中或不是文章），已只保留文字",
                                         "找到这个网页现在的地址，在正文中补上链接"))
            return None
        rel = copy(link.url, _text_of(page, href), is_image)
        return posixpath.relpath(f"attachments/{rel}", here) if rel else None

    converted = bodies.to_markdown(page.body_html, rewrite)
    markdown, masked = privacy.mask_text(converted.markdown)
    if masked:
        writer.out.lines.append(Line(source, f"正文中有个人信息（{'、'.join(masked[:5])}），已打码",
                                     "核对打码是否完整；旧网站上的这一页也应撤下或打码"))
    for link in page.files:
        if link.url is not None:
            copy(link.url, link.text, False)
    for link in page.attachments + page.files:
        if link.url is None and link.host:
            writer.out.lines.append(Line(source, f"附件链接指向其他网站 {link.host}（{link.href}），没有复制",
                                         f"下载后放进 content/attachments/{folder}/，把正文中的链接改成它"))
    values, notes = _values(item, attachments)
    for key, note in notes.items():
        writer.out.guesses.append((source, key, note))
    if item.kind == DOCUMENT:
        for key, without in _LEFT_OUT.items():
            if key not in record.fields:
                writer.out.missing.append((source, key, without))
    schema = "document" if item.kind == DOCUMENT else "interpretation"
    order = DOCUMENT_ORDER + ["附件"] if item.kind == DOCUMENT else INTERPRETATION_ORDER
    head, _ = front_matter(schema, writer.content / item.rel, values, order,
                           {k: f"迁移推测：{v}" for k, v in notes.items()} | _pinned(values))
    origin = "、".join(record.urls)
    text = head + f"<!-- 迁移自旧网站 {origin} -->\n" + (markdown or "（旧网页正文为空，见附件。）\n")
    if writer.put(item.rel, text.encode("utf-8")):
        writer.out.files += 1
    for note in record.notes:
        writer.out.lines.append(Line(source, note.split(" — ")[0], note.split(" — ", 1)[1] if " — " in note else
                                     "对照旧网页核对"))
    writer.out.redirects.extend((url, item.page) for url in record.urls)


def writer_file(writer: Writer, url: str) -> mirror.MirrorFile | None:
    path = writer.mirror_dir / url.lstrip("/")
    try:
        ok = path.is_file() and not path.is_symlink() and path.resolve().is_relative_to(writer.mirror_dir.resolve())
    except (OSError, ValueError):
        ok = False
    return mirror.MirrorFile(path, url, path.stat().st_size, mirror.ATTACHMENT) if ok else None


def _text_of(page, href: str) -> str:  # noqa: ANN001 - LegacyPage
    return next((link.text for link in page.attachments if link.href == href.strip()), "")


def _pinned(values: dict) -> dict[str, str]:
    return {"索引号": "旧网站已公布的索引号，不要改"} if "索引号" in values else {}


def _values(item: Planned, attachments: list[str]) -> tuple[dict, dict[str, str]]:
    fields = item.record.fields
    notes = {k: v.why for k, v in fields.items() if v.source == GUESS}
    if item.kind == DOCUMENT:
        values: dict = {k: fields[k].value for k in DOCUMENT_ORDER if k in fields}
        values.setdefault("标题", item.slug)
        if item.domains:
            values["领域"] = item.domains
        if item.categories:
            values["公开类别"] = item.categories
    else:
        values = {"标题": fields["标题"].value if "标题" in fields else item.slug, "解读对象": item.originals,
                  "解读形式": "文字解读", "解读机关": fields["发文机关"].value}
        if "发布日期" in fields:
            values["发布日期"] = fields["发布日期"].value
        notes = {k: v for k, v in notes.items() if k in values}
        notes["解读形式"] = "旧网站不区分解读形式"
        if item.linked_by != "链接":  # a link is the 解读's own statement; a title or 文号 in its text is our reading
            notes["解读对象"] = f"正文提到原文的{item.linked_by}，按它找到的原文"
    if attachments:
        values["附件"] = attachments
    return values, notes
