"""MkDocs hooks: the only place the project talks to MkDocs. All work is delegated to `zwgk`.

on_config loads and checks the content (a failed check aborts with the Chinese report);
on_files gives MkDocs the pages and attachments the model publishes (MkDocs itself reads nothing
in content/); the page events hand MkDocs the HTML our own templates rendered.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from zwgk.base import memo, memory, progress
from zwgk.build import template_cache
from zwgk.build.sitebuild import SiteBuild, compare_with_previous, last_good_build, prepare, take_over
from zwgk.site.serve_index import SERVE_INDEX

_site: SiteBuild | None = None
_config: MkDocsConfig | None = None  # the config being built, for on_build_error
_UNREAD = ".zwgk-unread"  # see on_config


class _OwnSitemap(logging.Filter):
    """MkDocs reports skipping its sitemap.xml: on purpose, zwgk writes its own (theme/sitemap.xml is empty)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'sitemap.xml'" not in record.getMessage()


logging.getLogger("mkdocs.commands.build").addFilter(_OwnSitemap())


def _md(path: str) -> str:
    return path[: -len(".html")] + ".md"


@event_priority(-100)  # after any plugin's on_config: none of them should see the docs_dir MkDocs walks
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _config
    _config = config
    memo.hold_garbage()  # serve: collected after the rebuild (on_post_build, on_build_error)
    root = Path(config.docs_dir).parent  # content/ sits in the site's root, beside catalogues/
    _site = take_over(root) or _prepare(root, config)  # take_over: already loaded and checked by build.py
    # MkDocs themes print site_name and titles as HTML, so they get escaped text.
    config.site_name = str(escape(_site.title))
    config.nav = [{title: _md(path)} for title, path in _site.nav()]
    # 网站地址 gives the 404 page (which MkDocs links from the server root) and the sitemap their base;
    # `mkdocs serve` has already set its preview address here, and keeps it.
    if not config.site_url and _site.project.site.base_url:
        config.site_url = _site.project.site.base_url
    config.extra_css = [_fingerprint(config, path) for path in config.extra_css]
    config.extra_javascript = [_fingerprint(config, path) if isinstance(path, str) else path
                               for path in config.extra_javascript]
    if not _site.writes_shared_files() or (_site.changed is not None and not _site.reused):
        # 404.html: written by the first shard only, and in serve only when every page is rebuilt (a build
        # that reuses pages of the last site writes a whole new site, 404.html too)
        config.theme.static_templates.clear()
    # MkDocs would walk content/ making a File of each of its 10,000 files, all of which on_files drops: zwgk
    # reads content/ itself. So MkDocs walks a folder that does not exist; on_files puts docs_dir back.
    config.docs_dir = str(Path(config.docs_dir) / _UNREAD)
    return config


def _fingerprint(config: MkDocsConfig, path: str) -> str:
    """Our asset's URL with its content hash, so servers may cache assets/ for a year (deploy/)."""
    file = Path(config.theme.custom_dir or "") / path
    return f"{path}?v={hashlib.sha256(file.read_bytes()).hexdigest()[:10]}" if file.is_file() else path


def _prepare(root: Path, config: MkDocsConfig) -> SiteBuild:
    site, problems = prepare(root)
    if problems.items:
        print(problems.report(), file=sys.stderr)
    if site is not None:
        if memo.enabled():  # serve: rebuild only the pages that changed
            compare_with_previous(root, site, (site.public.site, tuple(site.nav()), _theme_state(config)))
        return site
    site = last_good_build(root) if memo.enabled() else None
    if site is None:
        raise Abort(f"内容检查发现 {len(problems.errors)} 个错误，站点没有生成。")
    # serve: MkDocs would stop answering until the errors are fixed; keep showing the last good pages
    print(f"内容检查发现 {len(problems.errors)} 个错误，预览仍是上一次没有错误时的样子；改正后自动更新。", file=sys.stderr)
    return site


class _GeneratedPage(Page):
    """A page whose HTML zwgk renders (on_page_content): nothing to read from disk and no Markdown to
    convert, where MkDocs would build a Markdown converter for each of 10,000 pages. Plugins may give a
    File its own Page this way (Material's blog plugin does)."""

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.present_anchor_ids = "", set()


class _PageFile(File):
    """A generated page. In a dirty build MkDocs renders only pages that say they changed: the nav's
    pages are in every shard's nav, but rendered by one shard only (and in serve only when changed)."""

    build_here = True

    def is_modified(self) -> bool:
        return self.build_here


def _theme_state(config: MkDocsConfig) -> int:
    """Our templates and mkdocs.yml as they are on disk: an edit there changes every page."""
    files = [Path(config.config_file_path)] if config.config_file_path else []
    theme = Path(config.config_file_path or ".").parent / "theme"
    files += sorted(f for f in theme.rglob("*") if f.is_file())
    return hash(tuple(memo.file_state(f) for f in files))


def on_post_build(config: MkDocsConfig) -> None:
    assert _site is not None
    for path in _site.removed:  # serve: a deleted document's page goes too
        (Path(config.site_dir) / path).unlink(missing_ok=True)
    if _site.changed is not None and not _site.reused:
        print(f"预览已更新：重新生成 {len(_site.changed)} 个页面（共 {len(_site.pages)} 个）", file=sys.stderr)
    if memo.enabled():  # serve: build.py writes the index after MkDocs; here it is written in the background
        SERVE_INDEX.request(_site.public, _site.bodies, Path(config.site_dir))
    memo.collect_when_idle()


def _restore_docs_dir(config: MkDocsConfig) -> None:
    if Path(config.docs_dir).name == _UNREAD:
        config.docs_dir = str(Path(config.docs_dir).parent)  # serve watches it


def on_build_error(error: Exception) -> None:
    if _config is not None:
        _restore_docs_dir(_config)
    memo.collect_when_idle()


def on_shutdown() -> None:
    SERVE_INDEX.close()  # serve stops: before MkDocs deletes the preview site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    _restore_docs_dir(config)
    docs_dir = Path(config.docs_dir).resolve()
    outside = {d for d in {f.src_dir for f in files} if d is not None and Path(d).resolve() != docs_dir}
    kept = [f for f in files if f.src_dir is None or f.src_dir in outside]
    if not _site.writes_shared_files():
        kept = []  # theme assets are copied by one shard only
    in_nav = {path: title for title, path in _site.nav()}
    for page in _site.pages:
        builds = _site.builds(page.path)
        if not builds and page.path not in in_nav:
            continue  # another shard's, or unchanged in serve: MkDocs need not know it (links are ours)
        inclusion = InclusionLevel.UNDEFINED if page.path in in_nav else InclusionLevel.NOT_IN_NAV
        file = _PageFile.generated(config, _md(page.path), content="", inclusion=inclusion)
        file.build_here = builds
        _GeneratedPage(in_nav.get(page.path, page.title), file, config)  # the nav names 首页 by its role
        kept.append(file)
    if not _site.writes_shared_files():
        return Files(kept)
    attachments_dir = str(docs_dir / "attachments")
    for attachment in _site.attachments():
        kept.append(File(attachment.path, attachments_dir, config.site_dir, config.use_directory_urls,
                         dest_uri=f"attachments/{attachment.path}"))  # the file name as is; links quote it
    for path, data in _site.files.items():  # open data, feeds, sitemap.xml
        kept.append(File.generated(config, path, content=data))
    return Files(kept)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _site is not None
    page.meta["title"] = str(escape(_site.by_path[page.file.dest_uri].title))
    page.meta["hide"] = ["navigation", "toc"]  # the tabs are the navigation; wide tables need the room
    return ""


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _site is not None
    return _site.html(page.file.dest_uri)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    progress.advance()  # 生成页面 n / N, counted across the shards
    # MkDocs keeps every Page's HTML (ours, from on_page_content) until the build ends, beside Pagefind;
    # it is written out after this event and not read again.
    page.content = None
    memory.after_page()
    # Material writes lang="zh" and offers a skip link only on pages with a table of contents.
    output = output.replace('<html lang="zh"', '<html lang="zh-CN"', 1)
    return output.replace('<div data-md-component="skip">',
                          '<div data-md-component="skip"><a href="#zw-main" class="md-skip">跳到正文</a>', 1)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Pages MkDocs renders from templates alone (404.html) get the same language tag."""
    return output_content.replace('<html lang="zh"', '<html lang="zh-CN"', 1)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    assert _site is not None
    env.bytecode_cache = template_cache.template_cache()  # serve: Material's templates compiled once, not per rebuild
    env.auto_reload = False  # a new environment each build: no need to stat every template on every include
    # The one page MkDocs renders itself (404) links from the server path of site_url, as MkDocs does.
    env.globals["zwgk_footer"] = _site.not_found_footer(urlsplit(config.site_url or "/").path)
    env.filters["zwgk_fingerprint"] = lambda path: _fingerprint(config, path)
    env.globals["zwgk_head"] = ""
    env.globals["zwgk_shared"], env.globals["zwgk_keep"] = _folder_blocks({path for _, path in _site.nav()})
    return env


def _folder_blocks(in_nav: set[str]):  # noqa: ANN202 - two Jinja functions
    """theme/main.html draws Material's tabs, sidebars, styles and scripts once per folder: they differ
    only by the relative links, so every document of a folder shares them, saving MkDocs a third of its
    time. Pages in the nav are drawn in full, as their own tab is marked active."""
    drawn: dict[tuple[str, str], str] = {}

    def key(context: jinja2.runtime.Context, block: str) -> tuple[str, str] | None:
        page = context.get("page")
        if not isinstance(page, Page) or page.file.dest_uri in in_nav:
            return None
        return block, posixpath.dirname(page.file.dest_uri)

    @jinja2.pass_context
    def shared(context: jinja2.runtime.Context, block: str) -> str:
        found = key(context, block)
        return drawn.get(found, "") if found else ""

    @jinja2.pass_context
    def keep(context: jinja2.runtime.Context, block: str, html: str) -> str:
        found = key(context, block)
        if found:
            drawn[found] = html
        return html

    return shared, keep


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    assert _site is not None
    context["zwgk_footer"] = _site.footer(page.file.dest_uri)
    context["zwgk_head"] = _site.head(page.file.dest_uri)
    return context

