"""`build.py check`: every check, the built links included, without touching site/."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from zwgk.base import scratch as scratch_folders
from zwgk.build import report
from zwgk.build.sitebuild import TEMPLATES
from zwgk.commands.pipeline import remove_in_background, run


def check(root: Path, today: date | None, json_file: Path | None, html_file: Path | None, external: bool) -> int:
    scratch = scratch_folders.folder("check")
    try:
        result, site = run(root, scratch / "site", today, external)
    finally:
        remove_in_background(scratch)  # the site built only to check its links
    if result.problems.items:
        print(result.problems.report(), file=sys.stderr)
    for coverage in result.coverage:
        print(f"目录覆盖：{coverage.label} {coverage.covered}/{coverage.proactive}（{coverage.percent:.1f}%）")
    if json_file:
        report.write(json_file, report.as_json(result))
    if html_file:
        report.write(html_file, report.as_html(result, TEMPLATES))
    if site is None:
        return 1
    project = site.project
    print(f"检查通过：{len(project.documents)} 个文件、{len(project.interpretations)} 篇解读、"
          f"{sum(len(c.items) for c in project.all_catalogues)} 个目录事项、{len(project.pages)} 个页面，"
          f"{result.pages} 个页面中的 {result.links} 个链接。")
    return 0
