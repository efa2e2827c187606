"""The work `check`, `build` and `package` share: load, check, build into a folder, check the built links."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

from zwgk.base import memory, parallel, progress, scratch
from zwgk.build.report import CheckRun
from zwgk.build.sitebuild import SiteBuild, prepare
from zwgk.checks import leak_audit
from zwgk.checks.links import check_built_site
from zwgk.commands import mkdocs_run
from zwgk.commands.rebuild import BuildCache
from zwgk.site.search import BUNDLE as search_bundle

log = logging.getLogger("zwgk")


def run(root: Path, dest: Path, today: date | None, external: bool,
        cache: BuildCache | None = None) -> tuple[CheckRun, SiteBuild | None]:
    """Load, check, build into `dest` and check the built links. The site is None on errors. With `cache`
    (build.py build), what the last build made and did not change is reused, and what to keep is noted."""
    scratch.remove_left_behind()  # what killed builds left in the temporary folders
    # Pagefind indexes in other processes meanwhile
    site, problems = prepare(root, today, index=True, search_cache=cache.search_folder if cache else None,
                             reuse=cache.use if cache else False)
    run = CheckRun(root.name, site.today if site else today or date.today(), problems)
    if site is None:
        return run, None
    run.site_name, run.coverage = site.title, site.coverage
    search = site.search
    assert search is not None
    try:
        if cache is not None:
            cache.plan_pages(site)
        with parallel.reserved(1):  # Pagefind has a core of its own meanwhile
            with progress.stage("生成页面", total=len(site.pages if site.changed is None else site.changed)):
                if not mkdocs_run.build(root, site, dest):
                    return run, None
            if cache is not None:
                cache.copy_pages(dest)
            memory.end_of_stage()  # what MkDocs freed: Pagefind, beside, may need the room
            # The link check reads the pages only; Pagefind goes on beside it, then two parts at once (finish).
            files = leak_audit.site_files(dest)  # the search index is not there yet
            placed = cache.placed() if cache else {}  # the pages taken from the last site: their bytes are known
            with progress.stage("检查站内链接", unit="个页面"):
                links = check_built_site(dest, site.locate, problems, site.project.site.base_url,
                                         cache.known_pages() if cache else None, placed, files)
            memory.end_of_stage()
            leaks = leak_audit.LeakAudit(site.project, site.public, dest, cache.known_clean() if cache else None)
            if not problems.errors:  # the pages' audit has the other core while Pagefind goes on
                with progress.stage("发布前泄密检查", unit="个文件"):
                    leaks.scan([f for f in files if f.relative_to(dest).parts[0] != search_bundle], placed)
        if not problems.errors:  # a failed build is thrown away, index and all
            with progress.stage("等待站内搜索索引"):
                index = search.finish(dest)
            log.info("站内搜索索引：%d 个页面，用时 %.1f 秒（与生成页面同时进行，页面生成后又等了 %.1f 秒）",
                     index.records, index.seconds, index.waited)
            with progress.stage("检查搜索索引有无泄密", unit="个文件"):
                leaks.scan(leak_audit.site_files(dest / search_bundle), search.placed)  # reused parts: not read
            leaks.report(problems, site.written_in)
            if cache is not None:
                cache.scanned, cache.clean, cache.search_parts = links, leaks.clean, tuple(search.digests)
                if search.reused:
                    log.info("站内搜索索引沿用上次生成的 %d 部分（共 %d 部分）", search.reused, len(search.digests))
    finally:
        search.close()
    run.pages, run.links, run.external_links = links.pages, links.links, len(links.external)
    if external:
        from zwgk.checks.external import check_links, report_external  # HTTP and TLS only for --external

        results = check_links(links.external, cache_file=root / ".cache" / "external-links.json")
        report_external(results, links.external, site.locate, problems)
    return run, (None if problems.errors else site)


def remove_in_background(folder: Path) -> None:
    """A built site no longer needed (the one replaced, or the one `check` built) is deleted by a process of
    its own: 20,000 files take seconds nobody need wait for. What a switched-off machine leaves of a replaced
    site is removed by the next build; a `check` scratch folder sits in the system's temporary folder."""
    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    subprocess.Popen([sys.executable, "-c", code, str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)
