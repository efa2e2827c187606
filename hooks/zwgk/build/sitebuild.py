"""One build of the site, independent of any renderer: the public model, its pages, and HTML.

The MkDocs hook asks this object for the nav, the pages and attachments to emit, and the HTML of
each page; another static-site engine could ask the same questions.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Hashable
from datetime import date
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from zwgk.base import progress, vocab
from zwgk.base.problems import Problems
from zwgk.base.tool import TOOL_DIR
from zwgk.build.render import Renderer, Trace
from zwgk.checks import DomainCoverage, check_content
from zwgk.content.model import Attachment, Document, Interpretation, Page, Project, Source
from zwgk.kinds.project import load_project
from zwgk.site import update_log
from zwgk.site.all_pages import build_pages
from zwgk.site.bodies import render_bodies
from zwgk.site.extra_pages import extra_pages
from zwgk.site.facet_pages import library_files
from zwgk.site.feeds import feed_files, feed_path
from zwgk.site.gazette_pages import gazette_pages
from zwgk.site.opendata import FILES as OPEN_DATA
from zwgk.site.opendata import open_data_files
from zwgk.site.pages import HOME, SITEMAP, OutputPage, path_of, relative_url, section_path
from zwgk.site.publication import PublicSite, publish
from zwgk.site.search import IndexStats, PendingIndex, write_index
from zwgk.site.sitemap_xml import SITEMAP_XML, sitemap
from zwgk.site.update_log_pages import update_log_pages

log = logging.getLogger("zwgk")

# The page templates ship with the tool, beside this package.
TEMPLATES = TOOL_DIR / "theme" / "zwgk"


def _tool_relative(file: str) -> str:
    try:
        return Path(file).resolve().relative_to(TOOL_DIR).as_posix()
    except ValueError:
        return file

# A build prepared by build.py and picked up by the MkDocs hook, so content is loaded once.
_prepared: dict[Path, SiteBuild] = {}


def _body_line(owner: Document | Interpretation | Page, text: str) -> Source | None:
    """The line of `owner`'s body that holds `text`."""
    for number, line in enumerate(owner.body.split("\n")):
        if text in line:
            return Source(owner.source.file, owner.body_line + number)
    return None


def hand_over(root: Path, site: SiteBuild) -> None:
    _prepared[root.resolve()] = site


def take_over(root: Path) -> SiteBuild | None:
    return _prepared.pop(root.resolve(), None)


def check_day(project: Project) -> date:
    """The day checks judge by when --today is not given: site.yml's 检查日期 (demo content), else today."""
    pinned = project.site.check_date if project.site else None
    if pinned:
        log.info("检查日期 %s（取自 content/site.yml 的“检查日期”；要按别的日期检查，加 --today）", pinned)
    return pinned or date.today()


def prepare(root: Path, today: date | None = None, index: bool = False,
            search_cache: Path | None = None, reuse: bool = True) -> tuple[SiteBuild | None, Problems]:
    """Load and check the content tree at `root`; the build is None when there are errors. With `index`,
    the search index is started before the checks (site.search), so Pagefind has the other core; parts
    found in `search_cache` are copied from there (unless not `reuse`: then only their digests are taken)."""
    with progress.stage("读取内容", unit="个文件"):
        project, problems = load_project(root)
    if project is None:
        return None, problems
    today = today or check_day(project)
    with progress.stage("生成正文", unit="篇"):
        site = SiteBuild(project, problems, today=today)
    if index:
        site.search = site.start_search_index(search_cache, reuse)
    try:
        with progress.stage("检查内容"):
            site.coverage = check_content(project, site.public, site.pages, site.attachments(), problems, today)
    except BaseException:
        site.close_search()
        raise
    if problems.errors:
        site.close_search()  # nothing will be built: Pagefind stops
        return None, problems
    return site, problems


_previous: dict[Path, tuple[SiteBuild, Hashable]] = {}


def compare_with_previous(root: Path, site: SiteBuild, signature: Hashable) -> None:
    """For serve: mark which pages changed since the previous build of `root` in this process.
    `signature` stands for everything every page depends on (site.yml, templates); when it
    changes, every page is rebuilt. A page's own data (OutputPage, with the model objects it
    shows) and its body decide the rest."""
    previous = _previous.get(root.resolve())
    _previous[root.resolve()] = (site, signature)
    if previous is None or previous[1] != signature:
        return
    old = previous[0]
    site.rendered = old.rendered
    site.changed = set()
    for page in site.pages:
        # Cheap test first: the same page data and body render the same. Otherwise render and
        # compare (a list page's data holds whole documents, but it shows only their titles).
        if old.by_path.get(page.path) == page and old.bodies.get(page.path) == site.bodies.get(page.path):
            continue
        before = site.rendered.get(page.path)  # the same dict as the previous build's
        html = site.html(page.path)
        if before != hash(html):
            site.changed.add(page.path)
            site.fresh[page.path] = html
    site.removed = [path for path in old.by_path if path not in site.by_path]


def last_good_build(root: Path) -> SiteBuild | None:
    """The previous build of `root` in this process, set to render nothing: what serve shows
    while the content has errors."""
    previous = _previous.get(root.resolve())
    if previous is None:
        return None
    site = previous[0]
    site.changed, site.removed = set(), []
    return site


class SiteBuild:
    def __init__(self, project: Project, problems: Problems, template_dir: Path = TEMPLATES,
                 today: date | None = None) -> None:
        self.project = project
        self.problems = problems
        self.coverage: list[DomainCoverage] = []
        # Whether a call for opinions is open depends on the day of the build.
        self.today = today or date.today()  # the check date: pages that say "as of" show the same day
        public = publish(project)
        # build.py build saves it when it differs from project.update_state; check and serve never do
        self.update_state = update_log.record(public, project.update_state, self.today)
        self.public: PublicSite = update_log.with_log(public, self.update_state)
        self.bodies, self.body_attachments = render_bodies(project, self.public, problems)
        self.pages: list[OutputPage] = build_pages(self.public, [*extra_pages(self.public, self.today),
                                                                 *gazette_pages(self.public),
                                                                 *update_log_pages(self.public)])
        self.by_path: dict[str, OutputPage] = {p.path: p for p in self.pages}
        self.renderer = Renderer(self.public, self.bodies, template_dir)
        self._owners = {path_of(o): o for o in [*self.public.documents, *self.public.interpretations, *self.public.pages]}
        self._footer = lru_cache(maxsize=None)(self.renderer.footer)
        self._position = {page.path: index for index, page in enumerate(self.pages)}
        self.shard: tuple[int, int] | None = None  # (index, count) when MkDocs runs in several processes
        self.changed: set[str] | None = None  # in serve: the pages that differ from the previous build
        self.removed: list[str] = []  # in serve: pages of the previous build that are gone
        self.reused: set[str] = set()  # in build: pages taken from the previous site/ (build/page_cache.py)
        self.rendered: dict[str, int] = {}  # hash of the HTML of every page as last rendered
        self.fresh: dict[str, str] = {}  # HTML rendered while comparing, used by the build
        self.search: PendingIndex | None = None  # the search index being written (build.py)
        self.files = self._data_files()
        self.feeds = {s.slug: feed_path(s) for s in vocab.SECTIONS if feed_path(s) in self.files}
        self.renderer.env.globals.update(feeds=self.feeds, open_data=OPEN_DATA,
                                         sitemap_xml=SITEMAP_XML if SITEMAP_XML in self.files else None)

    def builds(self, path: str) -> bool:
        """Whether this process renders output page `path`: all of them, unless sharded, or unless
        serve or the build cache knows the page is the same as in the previous build."""
        if self.changed is not None and path not in self.changed:
            return False
        if self.shard is None:
            return True
        index, count = self.shard
        return self._position[path] % count == index

    def writes_shared_files(self) -> bool:
        """Theme assets, attachments and MkDocs' own pages come from one process only."""
        return self.shard is None or self.shard[0] == 0

    def _data_files(self) -> dict[str, bytes]:
        """Non-HTML files of the site (path → bytes): open data always; feeds and sitemap need 网站地址."""
        files = open_data_files(self.public) | library_files(self.public)
        base = self.public.site.base_url
        if base:
            files |= feed_files(self.public, base)
            files[SITEMAP_XML] = sitemap(base, self.pages)
        return dict(sorted(files.items()))

    def head(self, path: str) -> Markup:
        """<link> elements for the page's <head>: its column's feed, on the list pages and the home page."""
        page = self.by_path.get(path)
        if page is None or page.template not in ("home.html", "documents.html", "interpretations.html", "update_log.html"):
            return Markup("")
        slugs = list(self.feeds) if path == HOME else [path.split("/", 1)[0]]
        names = {s.slug: s.name for s in vocab.SECTIONS}
        # rel "alternate feed": readers see the token alternate, while Material's script, which fetches a
        # sitemap.xml beside every link whose rel is exactly "alternate" (for its language switch), skips it.
        return Markup("").join(
            Markup('<link rel="alternate feed" type="application/atom+xml" title="{}" href="{}">').format(
                f"{self.public.site.name}·{names[slug]}", relative_url(self.feeds[slug], path))
            for slug in slugs if slug in self.feeds)

    @property
    def title(self) -> str:
        return self.public.site.title

    def nav(self) -> list[tuple[str, str]]:
        """(title, output path) of the few pages in the site navigation; documents never are."""
        # 更新日志 is reached from the home page and the site map: the bar already fills a line
        sections = [(s.name, section_path(s)) for s in vocab.SECTIONS
                    if section_path(s) in self.by_path and s != vocab.SECTION_UPDATES]
        return [("首页", HOME), *sections, ("网站地图", SITEMAP)]

    def attachments(self) -> list[Attachment]:
        """Attachments of what is published in full; nothing else under content/ is copied."""
        found: dict[str, Attachment] = {}
        owners = [*self.public.documents, *self.public.interpretations, *self.public.pages]
        issues = [issue.pdf for year in self.public.gazette for issue in year.issues if issue.pdf]
        for attachment in [a for owner in owners for a in owner.attachments] + self.body_attachments + issues:
            found.setdefault(attachment.path, attachment)
        return [found[k] for k in sorted(found)]

    def search_index(self, site_dir: Path) -> IndexStats:
        """Write the search index of what this build publishes into the built site."""
        return write_index(self.public, self.bodies, site_dir)

    def start_search_index(self, cache: Path | None = None, reuse: bool = True) -> PendingIndex:
        """Start writing the search index beside the rendering; `finish(site_dir)` puts it in place."""
        return PendingIndex(self.public, self.bodies, cache, reuse)

    def close_search(self) -> None:
        if self.search is not None:
            self.search.close()

    def html(self, path: str) -> str:
        html = self.fresh.pop(path, None) or self.renderer.page(self.by_path[path])
        self.rendered[path] = hash(html)
        return html

    def locate(self, path: str, href: str) -> Source:
        """Where a link found on output page `path` was written: a content file, or a template."""
        body = self.bodies.get(path)
        owner = self._owners.get(path)
        if body is not None and owner is not None:
            for link in body.links:
                written = relative_url(link.target, path) if link.target else link.href
                if href in (written, link.href):
                    return Source(owner.source.file, link.line)
            written_at = _body_line(owner, href)  # raw HTML the editor wrote
            if written_at is not None:
                return written_at
        trace: Trace = {}
        if path in self.by_path:
            self.renderer.page(self.by_path[path], trace)
        self.renderer.footer(path, trace)
        if href in trace:
            file, line = trace[href]
            return Source(_tool_relative(file), line)
        return Source("mkdocs.yml", 0)  # made by the theme itself

    def written_in(self, path: str, text: str) -> Source | None:
        """The content file, and its line, that wrote `text` on output page `path`; None for other files."""
        owner = self._owners.get(path)
        if owner is None:
            return None
        return _body_line(owner, text[:12]) or Source(owner.source.file, owner.source.line)

    def footer(self, path: str) -> str:
        """The footer HTML for a page; the same for every page of one folder."""
        folder = posixpath.dirname(path)
        return self._footer(posixpath.join(folder, "_"))

    def not_found_footer(self, root: str) -> str:
        """The footer of the 404 page, served at any address: its links start from the site's server path."""
        return self.renderer.footer("404.html", root=root)
