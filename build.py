#!/usr/bin/env python3
"""The one command editors and webmasters use.

    python build.py build    检查内容并生成站点到 site/（有错误则不生成，保留旧站点）
    python build.py check    只检查内容，不生成站点
    python build.py serve    本地预览，修改内容后自动刷新

Exit code 0 only when there are no errors.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

TOOL_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOL_DIR / "hooks"))  # the domain package works without installing it


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="政务公开专栏站点生成器")
    parser.add_argument("--root", type=Path, default=TOOL_DIR,
                        help="站点内容所在目录（含 content/ 和 catalogues/），默认为本目录")
    parser.add_argument("--debug", action="store_true", help="出现内部错误时显示详细信息")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    build = sub.add_parser("build", help="检查内容并生成站点")
    build.add_argument("--site-dir", type=Path, help="输出目录，默认为 <root>/site")
    sub.add_parser("check", help="只检查内容，不生成站点")
    serve = sub.add_parser("serve", help="本地预览（自动刷新）")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000")
    return parser


def _mkdocs_config(root: Path, site_dir: Path | None = None):  # noqa: ANN202 - MkDocsConfig
    from mkdocs.config import load_config

    options = {"docs_dir": str(root / "content")}
    if site_dir is not None:
        options["site_dir"] = str(site_dir)
    return load_config(config_file=str(TOOL_DIR / "mkdocs.yml"), **options)


def _prepare(root: Path):  # noqa: ANN202 - zwgk SiteBuild or None
    """Load and check the content; print every problem. None when there are errors."""
    from zwgk.sitebuild import prepare

    site, problems = prepare(root)
    if problems.items:
        print(problems.report(), file=sys.stderr)
    return site


def check(root: Path) -> int:
    site = _prepare(root)
    if site is None:
        return 1
    project = site.project
    print(f"检查通过：{len(project.documents)} 个文件、{len(project.interpretations)} 篇解读、"
          f"{sum(len(c.items) for c in project.catalogues)} 个目录事项、{len(project.pages)} 个页面。")
    return 0


def build(root: Path, site_dir: Path | None) -> int:
    """Build into a fresh folder and swap it in only when the build succeeded."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort
    from zwgk import indexno
    from zwgk.sitebuild import hand_over

    site = _prepare(root)
    if site is None:
        return 1
    project = site.project
    hand_over(root, site)
    target = (site_dir or root / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        mkdocs_build(_mkdocs_config(root, staging))
    except Abort as abort:
        shutil.rmtree(staging, ignore_errors=True)
        print(abort.message, file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"站点已生成：{target}")
    if project.new_index_numbers:
        indexno.save_registry(root, project.index_registry)
        print(f"已登记 {len(project.new_index_numbers)} 个新索引号，请把 {indexno.REGISTRY.as_posix()} 随内容一起提交。")
    return 0


def serve(root: Path, addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort

    try:
        mkdocs_serve(config_file=str(TOOL_DIR / "mkdocs.yml"), docs_dir=str(root / "content"), dev_addr=addr,
                     livereload=True, watch=[str(root / "catalogues")])
    except Abort as abort:
        print(abort.message, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    root = args.root.resolve()
    try:
        if args.command == "check":
            return check(root)
        if args.command == "build":
            return build(root, args.site_dir)
        return serve(root, args.addr)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours, not an editor's mistake: say so briefly
        if args.debug:
            traceback.print_exc()
        print(f"内部错误（不是内容的问题）：{type(exc).__name__}: {exc}\n"
              "请加 --debug 重新运行，把输出发给技术支持。", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
