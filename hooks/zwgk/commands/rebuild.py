"""The output half of `build.py build`'s cache (<root>/.cache/build/): rendered pages (build/page_cache.py),
what the link check parsed of each page (checks/links.py), the files the leak audit found clean
(checks/leak_audit.py) and the parts of the search index (site/search_cache.py).

Everything is read before the build and written only after the new site/ is switched in, so a failed or
killed build leaves the cache of the site that is still published. `check` and `package` do not use it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from zwgk.base import build_cache
from zwgk.build import page_cache
from zwgk.build.sitebuild import SiteBuild
from zwgk.checks import leak_audit, links
from zwgk.site import search_cache

log = logging.getLogger("zwgk")


@dataclass
class BuildCache:
    root: Path
    previous: Path  # site/: the last build until the switch, then the new one
    use: bool = True  # False (--no-cache): build in full, and write the cache anew
    pages: page_cache.PageCache | None = None
    scanned: links.LinkReport | None = None
    clean: leak_audit.CleanFiles | None = None
    search_parts: tuple[str, ...] = ()

    @property
    def search_folder(self) -> Path:
        return build_cache.folder(self.root) / "search"

    def plan_pages(self, site: SiteBuild) -> None:
        self.pages = page_cache.plan(self.root, site, self.previous, self.use)
        if self.pages.reused:
            log.info("沿用上次生成的页面 %d 个，重新生成 %d 个（构建缓存 %s）", len(self.pages.reused),
                     len(site.pages) - len(self.pages.reused), (build_cache.FOLDER / page_cache.MANIFEST).as_posix())

    def copy_pages(self, dest: Path) -> None:
        if self.pages is not None:
            page_cache.copy_reused(self.pages, self.previous, dest)

    def placed(self) -> dict[str, str]:
        """The pages taken from the last site, by path: the digest of their bytes, known without reading them."""
        return self.pages.placed if self.pages is not None else {}

    def known_pages(self) -> dict[str, links.ScannedPage]:
        return links.cached_pages(self.root) if self.use else {}  # by the pages' bytes: good whatever was rendered

    def known_clean(self) -> leak_audit.CleanFiles | None:
        return leak_audit.cached_clean(self.root) if self.use else None

    def save(self) -> None:
        """After the switch: keep what this build made for the next one."""
        if self.pages is not None and self.scanned is not None:
            page_cache.save(self.pages, self.scanned.digests)
            links.save_pages(self.root, self.scanned)
        if self.clean is not None:
            leak_audit.save_clean(self.root, self.clean)
        if self.search_parts:
            search_cache.keep(self.previous / "pagefind", self.search_folder, list(self.search_parts))
