"""`build.py build`: build into a fresh folder and swap it in for site/ only when every check passed."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from zwgk.build import report
from zwgk.build.sitebuild import TEMPLATES, SiteBuild
from zwgk.commands.pipeline import remove_in_background, run
from zwgk.content import indexno
from zwgk.site.publication import published_files, unnamed


def build(root: Path, site_dir: Path | None, today: date | None, with_report: bool) -> int:
    return 0 if build_site(root, site_dir, today, with_report) else 1


def build_site(root: Path, site_dir: Path | None, today: date | None, with_report: bool) -> SiteBuild | None:
    """The build now in site/ (or `site_dir`), or None when it failed and the old site was kept."""
    target = (site_dir or root / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        result, site = run(root, staging, today, external=False)
        if result.problems.items:
            print(result.problems.report(), file=sys.stderr)
        if site is None:
            shutil.rmtree(staging, ignore_errors=True)
            return None
        if with_report:
            shown = report.for_publication(result, published_files(site.public), unnamed(site.project))
            report.write(staging / "zicha.html", report.as_html(shown, TEMPLATES))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for leftover in target.parent.glob(f".{target.name}.old-*"):  # from a run the machine did not finish
        shutil.rmtree(leftover, ignore_errors=True)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    if old.exists():
        remove_in_background(old)
    print(f"站点已生成：{target}")
    project = site.project
    if project.new_index_numbers:
        indexno.save_registry(root, project.index_registry)
        print(f"已登记 {len(project.new_index_numbers)} 个新索引号，请把 {indexno.REGISTRY.as_posix()} 随内容一起提交。")
    return site
