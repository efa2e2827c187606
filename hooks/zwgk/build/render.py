"""Rendering page data to HTML with the Jinja2 templates under theme/zwgk (autoescaped).

Bodies arrive already rendered from Markdown (see bodies.py); every other value from content
is escaped by Jinja2. The result is the page's article HTML; the layout comes from the theme.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from zwgk.base import vocab
from zwgk.build import template_cache
from zwgk.content.model import Document, Interpretation, Page
from zwgk.site import pages as page_paths
from zwgk.site.bodies import Body
from zwgk.site.pages import OutputPage, relative_url
from zwgk.site.publication import PublicSite


class Renderer:
    def __init__(self, public: PublicSite, bodies: dict[str, Body], template_dir: Path) -> None:
        self.bodies = bodies
        self.env = Environment(
            loader=FileSystemLoader(str(template_dir)),
            bytecode_cache=template_cache.template_cache(),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # a new Renderer each build: no need to stat every template on every include
        )
        self.env.filters["date"] = lambda d: d.isoformat() if isinstance(d, date) else ""
        # Templates call page_paths functions as `paths.document_path(doc)` and so on.
        self.env.globals.update(vocab=vocab, site=public.site, paths=page_paths, sections=vocab.SECTIONS,
                                path_of=page_paths.path_of, body=self.body)

    def body(self, owner: Document | Interpretation | Page) -> Markup:
        found = self.bodies.get(page_paths.path_of(owner))
        return Markup(found.html) if found else Markup("")

    def page(self, page: OutputPage, trace: Trace | None = None) -> str:
        """The article HTML of one page; with `trace`, which template line made each link."""
        template = self.env.get_template(page.template)
        return template.render(this=page, url=_url_function(page.path, trace), **page.context)

    def footer(self, current: str, trace: Trace | None = None, root: str | None = None) -> str:
        """The site footer as seen from page `current` (its links are relative), or with links from the server
        path `root` (for the 404 page, which is served at any address)."""
        return self.env.get_template("footer.html").render(url=_url_function(current, trace, root))


Trace = dict[str, tuple[str, int]]  # link as rendered → (template file, line)


def _url_function(current: str, trace: Trace | None, root: str | None = None) -> Callable[[str], str]:
    def url(target: str) -> str:
        link = root + relative_url(target, "index.html") if root else relative_url(target, current)
        if trace is not None:
            # Compiled Jinja2 templates carry their Template object in their globals.
            frame = sys._getframe(1)
            while frame is not None and "__jinja_template__" not in frame.f_globals:
                frame = frame.f_back
            if frame is not None:
                template = frame.f_globals["__jinja_template__"]
                trace.setdefault(link, (template.filename or template.name, template.get_corresponding_lineno(frame.f_lineno)))
        return link

    return url
