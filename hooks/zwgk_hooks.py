"""MkDocs hooks: the only place the project talks to MkDocs. All work is delegated to `zwgk`.

on_config loads and checks the content (a failed check aborts with the Chinese report);
on_files replaces everything MkDocs found in content/ by the pages and attachments the model
publishes; the page events hand MkDocs the HTML our own templates rendered.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from zwgk.sitebuild import SiteBuild, prepare, take_over

_site: SiteBuild | None = None
_serving = False  # build.py writes the search index after MkDocs; `serve` has only these hooks to do it


def _md(path: str) -> str:
    return path[: -len(".html")] + ".md"


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    root = Path(config.docs_dir).parent  # content/ sits in the site's root, beside catalogues/
    _site = take_over(root)  # already loaded and checked by build.py
    if _site is None:
        _site, problems = prepare(root)
        if problems.items:
            print(problems.report(), file=sys.stderr)
        if _site is None:
            raise Abort(f"内容检查发现 {len(problems.errors)} 个错误，站点没有生成。")
    # MkDocs themes print site_name and titles as HTML, so they get escaped text.
    config.site_name = str(escape(_site.title))
    config.nav = [{title: _md(path)} for title, path in _site.nav()]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    docs_dir = Path(config.docs_dir).resolve()
    kept = [f for f in files if f.src_dir is None or Path(f.src_dir).resolve() != docs_dir]
    in_nav = {path for _, path in _site.nav()}
    for page in _site.pages:
        inclusion = InclusionLevel.UNDEFINED if page.path in in_nav else InclusionLevel.NOT_IN_NAV
        kept.append(File.generated(config, _md(page.path), content="", inclusion=inclusion))
    attachments_dir = str(docs_dir / "attachments")
    for attachment in _site.attachments():
        kept.append(File(attachment.path, attachments_dir, config.site_dir, config.use_directory_urls,
                         dest_uri=f"attachments/{attachment.path}"))  # the file name as is; links quote it
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
    # Material writes lang="zh" and offers a skip link only on pages with a table of contents.
    output = output.replace('<html lang="zh"', '<html lang="zh-CN"', 1)
    return output.replace('<div data-md-component="skip">',
                          '<div data-md-component="skip"><a href="#zw-main" class="md-skip">跳到正文</a>', 1)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Pages MkDocs renders from templates alone (404.html) get the same language tag."""
    return output_content.replace('<html lang="zh"', '<html lang="zh-CN"', 1)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    assert _site is not None
    env.globals["zwgk_footer"] = _site.footer("404.html")  # pages MkDocs renders itself (404)
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    assert _site is not None
    context["zwgk_footer"] = _site.footer(page.file.dest_uri)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if _serving and _site is not None:
        _site.search_index(Path(config.site_dir))
