"""Markdown bodies → HTML, with the links editors write between content files made into links
between the published pages.

Editors link the way they see their files: `[原文](../../documents/2024/szbf-2024-3.md)` or an
attachment under content/attachments. Such links are rewritten to the page or attachment as
published; a link to a document that is not public is refused (the page would point at
something that must not be shown); anything else is left as written for the link check of the
built site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from zwgk.base import build_cache, build_store, memo, parallel, progress
from zwgk.base.problems import Problem, Problems
from zwgk.content.model import Attachment, Document, Interpretation, Page, Project
from zwgk.site.markup import to_html
from zwgk.site.pages import attachment_path, path_of, relative_url
from zwgk.site.publication import PublicSite
from zwgk.site.signature import mark as mark_signature


@dataclass(frozen=True)
class BodyLink:
    href: str  # as the editor wrote it
    line: int  # line of the source file it was written on
    target: str | None  # site-root-relative path it now points to; None when left as written


@dataclass
class Body:
    html: str
    links: list[BodyLink] = field(default_factory=list)


Owner = Document | Interpretation | Page


class BodyRenderer:
    def __init__(self, project: Project, public: PublicSite, problems: Problems) -> None:
        self.problems = problems
        self.attachments_dir = project.root / "content" / "attachments"
        self.published: dict[str, str] = {}  # content-relative .md path → page path
        for obj in [*public.documents, *public.interpretations, *public.pages]:
            if not isinstance(obj, Document) or obj.is_public:
                self.published[_content_path(obj.source.file)] = path_of(obj)
        self.hidden = {_content_path(d.source.file): d for d in project.documents if not d.is_public}
        self.hidden_attachments = {a.path: d for d in self.hidden.values() for a in d.attachments}
        self.by_name: dict[str, list[str]] = {}
        for path in [*self.published, *self.hidden]:
            self.by_name.setdefault(posixpath.basename(path), []).append(path)
        self.linked_attachments: dict[str, Attachment] = {}
        # Everything a body's links resolve against: a body is re-rendered in serve when this changes.
        self.world = hash((tuple(sorted(self.published.items())), tuple(sorted(self.hidden)),
                           tuple(sorted(self.hidden_attachments)), memo.folder_state(self.attachments_dir))
                          ) if memo.enabled() else 0

    def stable_world(self) -> str:
        """The same inputs as `world`, as a digest equal across processes and builds (base/build_store.py):
        which pages are published where, which documents are hidden, with the labels and names their
        messages show, and which attachment files exist."""
        hidden = [f"{p}\0{d.label}\0{d.slug}" for p, d in sorted(self.hidden.items())]
        hidden_attachments = [f"{p}\0{d.label}\0{d.slug}" for p, d in sorted(self.hidden_attachments.items())]
        return build_cache.digest(*(f"{k}\0{v}" for k, v in sorted(self.published.items())), "hidden", *hidden,
                                  "hidden-attachments", *hidden_attachments,
                                  build_store.folder_listing(self.attachments_dir))

    def render_alone(self, owner: Owner) -> tuple[Body, list[Problem], list[Attachment]]:
        """One body with the problems and attachments of that body alone."""
        self.problems, self.linked_attachments = Problems(self.problems.root), {}
        body = self.render(owner)
        return body, self.problems.items, list(self.linked_attachments.values())

    def render(self, owner: Owner) -> Body:
        page = path_of(owner)
        folder = posixpath.dirname(_content_path(owner.source.file))
        lines = owner.body.split("\n")
        links: list[BodyLink] = []

        def rewrite(href: str) -> str | None:
            line = owner.body_line + next((i for i, text in enumerate(lines) if href in text), 0)
            target, keep = self._resolve(href, folder, owner, line)
            links.append(BodyLink(href, line, target))
            if target is None:
                return href if keep else None
            return relative_url(target, page)

        html = to_html(owner.body, rewrite)
        if isinstance(owner, Document):  # a 公文 ends with its 落款, right-aligned as printed
            html = mark_signature(html, owner.issuer, owner.written)
        return Body(html, links)

    def _resolve(self, href: str, folder: str, owner: Owner, line: int) -> tuple[str | None, bool]:
        """(published target, keep the href) for one link of a body."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("#", "/")) or not parts.path:
            return None, True  # outside links, anchors and site-absolute paths stay as they are
        path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if path == ".." or path.startswith("../"):
            self.problems.error(owner.source.file, line, f"正文中的链接“{href}”指向 content 文件夹以外",
                                "只能链接 content/ 里的文件、附件，或完整的 https:// 网址", "links.internal")
            return None, False
        if path.startswith("attachments/"):
            return self._attachment(path[len("attachments/"):], owner, line, href, fragment)
        if not path.endswith(".md"):
            return None, True
        if path not in self.published and path not in self.hidden:
            same_name = self.by_name.get(posixpath.basename(path), [])
            path = same_name[0] if len(same_name) == 1 else path  # forgive a wrong folder
        if path in self.published:
            return self.published[path] + fragment, True
        if path in self.hidden:
            doc = self.hidden[path]
            self.problems.error(owner.source.file, line, f"正文链接到“{doc.label}”的文件 {doc.slug}",
                                "公开的页面不能链接未主动公开的文件：删掉这个链接", "consistency.hidden-reference")
            return None, False
        self.problems.error(owner.source.file, line, f"正文中的链接“{href}”指向的文件不存在",
                            "写被链接文件相对本文件的路径，例如 ../2024/szbf-2024-3.md", "links.internal")
        return None, True

    def _attachment(self, rel: str, owner: Owner, line: int, href: str, fragment: str) -> tuple[str | None, bool]:
        file = self.attachments_dir / rel
        if rel in self.hidden_attachments:
            doc = self.hidden_attachments[rel]
            self.problems.error(owner.source.file, line, f"正文链接的附件“{rel}”是“{doc.label}”文件 {doc.slug} 的附件",
                                "未公开文件的附件不能在公开页面发布：删掉这个链接", "consistency.hidden-attachment")
            return None, False
        if not file.is_file():
            self.problems.error(owner.source.file, line, f"正文中的链接“{href}”指向的附件不存在",
                                "把附件放到 content/attachments/ 下，或改正路径", "links.internal")
            return None, True
        attachment = Attachment(rel, file)
        self.linked_attachments.setdefault(rel, attachment)
        return attachment_path(attachment) + fragment, True


def _content_path(source_file: str) -> str:
    """`content/documents/2024/a.md` → `documents/2024/a.md`."""
    return source_file.split("/", 1)[1] if source_file.startswith("content/") else source_file


def render_bodies(project: Project, public: PublicSite, problems: Problems) -> tuple[dict[str, Body], list[Attachment]]:
    """HTML of every published body, by page path, and the attachments the bodies link to."""
    owners = [o for o in [*public.documents, *public.interpretations, *public.pages] if o.body]
    store = None if memo.enabled() else build_store.active()
    keys: list[str] = []
    if store is not None:  # build: what the previous build rendered from the same inputs is reused
        world = BodyRenderer(project, public, Problems(problems.root)).stable_world()
        # repr: every field of the owner (body, its lines, file, path, 落款), in a stable spelling
        keys = [store.key("body", world, repr(owner)) for owner in owners]

    def compute(todo: list[Owner]) -> list[Rendered]:
        render = partial(_render_shard, project, public, problems.root)
        # serve renders in-process, so that what it remembers (memo) outlives the render
        return render(todo) if memo.enabled() else parallel.map_in_pieces(render, todo)

    rendered = build_store.remember_many(store, keys, owners, compute)
    bodies: dict[str, Body] = {}
    attachments: dict[str, Attachment] = {}
    for owner, done in zip(owners, rendered):
        assert done is not None
        body, found, linked = done
        bodies[path_of(owner)] = body
        problems.items.extend(found)
        for attachment in linked:
            attachments.setdefault(attachment.path, attachment)
    return bodies, list(attachments.values())


# One body rendered: its HTML and links, its problems, the attachments it links to.
Rendered = tuple[Body, list[Problem], list[Attachment]]


def _render_shard(project: Project, public: PublicSite, root: Path, owners: Sequence[Owner]) -> list[Rendered]:
    renderer = BodyRenderer(project, public, Problems(root))
    rendered: list[Rendered] = []
    for owner in owners:
        rendered.append(memo.remember(("body", owner, renderer.world), partial(renderer.render_alone, owner)))
        progress.advance()
    return rendered
