"""One build of the site, independent of any renderer: the public model, its pages, and HTML.

The MkDocs hook asks this object for the nav, the pages and attachments to emit, and the HTML of
each page; another static-site engine could ask the same questions.
"""

from __future__ import annotations

import posixpath
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import vocab
from .bodies import render_bodies
from .checks import DomainCoverage, check_content
from .loader import load_project
from .model import Attachment, Project, Source
from .problems import Problems
from .pages import HOME, SITEMAP, OutputPage, build_pages, path_of, relative_url, section_path
from .publication import PublicSite, publish
from .render import Renderer, Trace
from .search import IndexStats, PendingIndex, write_index


# The page templates ship with the tool, beside this package.
TOOL_DIR = Path(__file__).resolve().parents[2]
TEMPLATES = TOOL_DIR / "theme" / "zwgk"


def _tool_relative(file: str) -> str:
    try:
        return Path(file).resolve().relative_to(TOOL_DIR).as_posix()
    except ValueError:
        return file

# A build prepared by build.py and picked up by the MkDocs hook, so content is loaded once.
_prepared: dict[Path, SiteBuild] = {}


def hand_over(root: Path, site: SiteBuild) -> None:
    _prepared[root.resolve()] = site


def take_over(root: Path) -> SiteBuild | None:
    return _prepared.pop(root.resolve(), None)


def prepare(root: Path, today: date | None = None) -> tuple[SiteBuild | None, Problems]:
    """Load and check the content tree at `root`; the build is None when there are errors."""
    project, problems = load_project(root)
    if project is None:
        return None, problems
    site = SiteBuild(project, problems)
    site.coverage = check_content(project, site.public, site.pages, site.attachments(), problems, today or date.today())
    return (None if problems.errors else site), problems


class SiteBuild:
    def __init__(self, project: Project, problems: Problems, template_dir: Path = TEMPLATES) -> None:
        self.project = project
        self.problems = problems
        self.coverage: list[DomainCoverage] = []
        self.public: PublicSite = publish(project)
        self.bodies, self.body_attachments = render_bodies(project, self.public, problems)
        self.pages: list[OutputPage] = build_pages(self.public)
        self.by_path: dict[str, OutputPage] = {p.path: p for p in self.pages}
        self.renderer = Renderer(self.public, self.bodies, template_dir)
        self._owners = {path_of(o): o for o in [*self.public.documents, *self.public.interpretations, *self.public.pages]}
        self._footer = lru_cache(maxsize=None)(self.renderer.footer)

    @property
    def title(self) -> str:
        return self.public.site.title

    def nav(self) -> list[tuple[str, str]]:
        """(title, output path) of the few pages in the site navigation; documents never are."""
        return [("首页", HOME)] + [(s.name, section_path(s)) for s in vocab.SECTIONS] + [("网站地图", SITEMAP)]

    def attachments(self) -> list[Attachment]:
        """Attachments of what is published in full; nothing else under content/ is copied."""
        found: dict[str, Attachment] = {}
        owners = [*self.public.documents, *self.public.interpretations, *self.public.pages]
        for attachment in [a for owner in owners for a in owner.attachments] + self.body_attachments:
            found.setdefault(attachment.path, attachment)
        return [found[k] for k in sorted(found)]

    def search_index(self, site_dir: Path) -> IndexStats:
        """Write the search index of what this build publishes into the built site."""
        return write_index(self.public, self.bodies, site_dir)

    def start_search_index(self) -> PendingIndex:
        """Start writing the search index beside the rendering; `finish(site_dir)` puts it in place."""
        return PendingIndex(self.public, self.bodies)

    def html(self, path: str) -> str:
        return self.renderer.page(self.by_path[path])

    def locate(self, path: str, href: str) -> Source:
        """Where a link found on output page `path` was written: a content file, or a template."""
        body = self.bodies.get(path)
        owner = self._owners.get(path)
        if body is not None and owner is not None:
            for link in body.links:
                written = relative_url(link.target, path) if link.target else link.href
                if href in (written, link.href):
                    return Source(owner.source.file, link.line)
            for number, text in enumerate(owner.body.split("\n")):  # raw HTML the editor wrote
                if href in text:
                    return Source(owner.source.file, owner.body_line + number)
        trace: Trace = {}
        if path in self.by_path:
            self.renderer.page(self.by_path[path], trace)
        self.renderer.footer(path, trace)
        if href in trace:
            file, line = trace[href]
            return Source(_tool_relative(file), line)
        return Source("mkdocs.yml", 0)  # made by the theme itself

    def footer(self, path: str) -> str:
        """The footer HTML for a page; the same for every page of one folder."""
        folder = posixpath.dirname(path)
        return self._footer(posixpath.join(folder, "_"))
