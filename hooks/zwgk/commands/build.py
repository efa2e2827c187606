"""`build.py build`: build into a fresh folder and swap it in for site/ only when every check passed."""

from __future__ import annotations

import logging
import shutil
import sys
from datetime import date
from pathlib import Path

from zwgk.base import build_cache, build_store
from zwgk.build import report
from zwgk.build.site_folder import FolderBusy, SiteFolder
from zwgk.build.sitebuild import TEMPLATES, SiteBuild
from zwgk.commands.pipeline import remove_in_background, run
from zwgk.commands.rebuild import BuildCache
from zwgk.content import indexno, update_state
from zwgk.site.publication import published_files, unnamed

log = logging.getLogger("zwgk")


def build(root: Path, site_dir: Path | None, today: date | None, with_report: bool, use_cache: bool = True) -> int:
    return 0 if build_site(root, site_dir, today, with_report, use_cache) else 1


def build_site(root: Path, site_dir: Path | None, today: date | None, with_report: bool,
               use_cache: bool = False) -> SiteBuild | None:
    """The build now in site/ (or `site_dir`), or None when it failed and the old site was kept. With
    `use_cache`, what the last build made and did not change is reused (commands/rebuild.py); the cache
    is written anew either way."""
    folder = SiteFolder((site_dir or root / "site").resolve())
    build_cache.start()
    try:
        with folder.locked():
            for told in folder.recover(remove_in_background):
                print(told, file=sys.stderr)
            cache = BuildCache(root, folder.target, use_cache)
            site = _build_into(folder, root, today, with_report, cache)
            if site is not None:
                cache.save()  # the new site is in place: keep what it was made of
    except FolderBusy as busy:
        print(busy.message(), file=sys.stderr)
        return None
    if site is None:
        return None
    print(f"站点已生成：{folder.target}")
    project = site.project
    if project.new_index_numbers:
        indexno.save_registry(root, project.index_registry)
        print(f"已登记 {len(project.new_index_numbers)} 个新索引号，请把 {indexno.REGISTRY.as_posix()} 随内容一起提交。")
    if update_state.save(root, site.update_state):
        print(f"更新日志已记下本次的变动，请把 {update_state.FILE.as_posix()} 随内容一起提交。")
    return site


def _build_into(folder: SiteFolder, root: Path, today: date | None, with_report: bool,
                cache: BuildCache) -> SiteBuild | None:
    staging = folder.staging()
    # --no-cache: nothing of the last build is read; what this one makes is kept all the same
    store = (build_store.open_store(root) if cache.use else build_store.Store(root)) if build_cache.enabled else None
    try:
        with build_store.using(store):
            result, site = run(root, staging, today, external=False, cache=cache)
        if store is not None:
            log.info("构建缓存：沿用上次的结果 %d 项，重新计算 %d 项", store.hits, store.misses)
            if site is not None:
                update_state.remember_as_saved(store, root, site.update_state)  # build_site saves it next
                store.save()  # what this build used, for the next one
        if result.problems.items:
            print(result.problems.report(), file=sys.stderr)
        if site is None:
            shutil.rmtree(staging, ignore_errors=True)
            return None
        if with_report:
            shown = report.for_publication(result, published_files(site.public), unnamed(site.project))
            report.write(staging / "zicha.html", report.as_html(shown, TEMPLATES))
        replaced = folder.switch_to(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if store is not None:
            store.close()  # the new entries' file, unless saved, is deleted
    if replaced is not None:
        remove_in_background(replaced)
    return site
