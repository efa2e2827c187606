"""`build.py audit 镜像目录`: check the OLD site, from its mirror, before migrating it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from zwgk.base import progress
from zwgk.legacy import audit_report
from zwgk.legacy.audit import run_audit


def _one_more(_pages: int) -> None:
    progress.advance()


def audit(mirror_dir: Path, out: Path | None, today: date | None) -> int:
    if not mirror_dir.is_dir():
        print(f"{mirror_dir}: 找不到这个文件夹 — 写旧网站镜像所在的文件夹（wget --mirror 或网站后台导出的目录）",
              file=sys.stderr)
        return 1
    with progress.stage("检查旧网站", unit="个网页"):
        result = run_audit(mirror_dir, today or date.today(), _one_more)
    if result.pages == 0:
        print(f"{mirror_dir}: 文件夹里没有网页（.htm/.html）— 确认镜像下载完整、写的是镜像的顶层文件夹", file=sys.stderr)
        return 1
    html, json_path = audit_report.write(result, out or mirror_dir.parent / f"{mirror_dir.name}-检查报告")
    for finding in result.findings:
        print(finding)
    print(f"读了 {result.pages} 个网页、{len(result.columns)} 个栏目，发现 {len(result.findings)} 个问题"
          f"（检查日期 {result.today}）。\n报告：{html}\n机器可读：{json_path}")
    return 0
