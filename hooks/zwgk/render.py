"""Rendering page data to HTML with the Jinja2 templates under theme/zwgk (autoescaped).

Markdown is used for bodies only; every other value from content is escaped by Jinja2.
The result is the page's article HTML; the surrounding layout comes from the theme.
"""

from __future__ import annotations

import posixpath
from datetime import date
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import pages as page_paths
from . import vocab
from .pages import OutputPage
from .publication import PublicSite

_MARKDOWN_EXTENSIONS = ["tables", "sane_lists", "attr_list", "def_list", "fenced_code", "toc"]


def relative_url(target: str, current: str) -> str:
    """Link from page `current` to `target` (both site-root-relative output paths)."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    if not target:
        return anchor
    return posixpath.relpath(target, posixpath.dirname(current) or ".") + anchor


class Renderer:
    def __init__(self, public: PublicSite, template_dir: Path) -> None:
        self.public = public
        self.env = Environment(
            loader=FileSystemLoader(str(template_dir)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["date"] = lambda d: d.isoformat() if isinstance(d, date) else ""
        self.env.filters["markdown"] = self.markdown
        # Templates call page_paths functions as `paths.document_path(doc)` and so on.
        self.env.globals.update(vocab=vocab, site=public.site, paths=page_paths, sections=vocab.SECTIONS,
                                path_of=page_paths.path_of)
        self._markdown = markdown.Markdown(extensions=_MARKDOWN_EXTENSIONS,
                                           extension_configs={"toc": {"slugify": _heading_id}})

    def markdown(self, text: str) -> Markup:
        self._markdown.reset()
        return Markup(self._markdown.convert(text))

    def page(self, page: OutputPage) -> str:
        """The article HTML of one page."""
        template = self.env.get_template(page.template)
        return template.render(this=page, url=lambda target: relative_url(target, page.path), **page.context)

    def footer(self, current: str) -> str:
        """The site footer as seen from page `current` (its links are relative)."""
        return self.env.get_template("footer.html").render(url=lambda target: relative_url(target, current))


def _heading_id(value: str, separator: str) -> str:
    """Heading anchors that keep Chinese text (the default slugify drops it)."""
    return separator.join(value.split()) or "section"
