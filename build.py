#!/usr/bin/env python3
"""The one command editors and webmasters use.

    python build.py build    检查内容并生成站点到 site/（有错误则不生成，保留旧站点）
    python build.py check    检查内容和生成后的链接，不改动 site/（--json/--html 写出自查报告）
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
from datetime import date
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
    build.add_argument("--with-report", action="store_true", help="把自查报告一并放进站点（zicha.html，不进导航）")
    check = sub.add_parser("check", help="检查内容和生成后的链接，不改动 site/")
    check.add_argument("--json", type=Path, metavar="文件", help="把全部检查结果写成 JSON（供 CI 使用）")
    check.add_argument("--html", type=Path, metavar="文件", help="写出 HTML 自查报告")
    check.add_argument("--external", action="store_true", help="同时检查外部链接（需要联网）")
    package = sub.add_parser("package", help="生成站点并打包为 dist/<网站标识码>-<日期>.tar.gz 和 SHA256SUMS")
    package.add_argument("--dist-dir", type=Path, help="打包输出目录，默认为 <root>/dist")
    for command in (build, check, package):
        command.add_argument("--today", type=_date, help="检查日期（YYYY-MM-DD），默认今天")
    sub.add_parser("schemas", help="重新生成 schemas/ 下供编辑器使用的 JSON Schema")
    serve = sub.add_parser("serve", help="本地预览（自动刷新）")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000")
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，写成 2024-03-05") from None


def _mkdocs_build(root: Path, site, dest: Path) -> bool:  # noqa: ANN001 - zwgk SiteBuild
    """Render the prepared site into `dest` with MkDocs; False if MkDocs refused."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from zwgk.sitebuild import hand_over

    hand_over(root, site)
    config = load_config(config_file=str(TOOL_DIR / "mkdocs.yml"), docs_dir=str(root / "content"), site_dir=str(dest))
    try:
        mkdocs_build(config)
    except Abort as abort:
        print(abort.message, file=sys.stderr)
        return False
    return True


def _run(root: Path, dest: Path, today: date | None, external: bool):  # noqa: ANN202 - zwgk CheckRun, SiteBuild
    """Load, check, build into `dest` and check the built links. The site is None on errors."""
    from zwgk.checks.links import check_built_site
    from zwgk.report import CheckRun
    from zwgk.sitebuild import prepare

    today = today or date.today()
    site, problems = prepare(root, today)
    run = CheckRun(root.name, today, problems)
    if site is None:
        return run, None
    run.site_name, run.coverage = site.title, site.coverage
    search = site.start_search_index()  # Pagefind indexes in another process while MkDocs renders
    try:
        if not _mkdocs_build(root, site, dest):
            return run, None
        index = search.finish(dest)  # before the link check, which sees the search page's script and index
    finally:
        search.close()
    logging.getLogger("zwgk").info("站内搜索索引：%d 个页面，用时 %.1f 秒（与生成页面同时进行，页面生成后又等了 %.1f 秒）",
                                   index.records, index.seconds, index.waited)
    links = check_built_site(dest, site.locate, problems)
    run.pages, run.links, run.external_links = links.pages, links.links, len(links.external)
    if external:
        _check_external(root, site, links.external, problems)
    return run, (None if problems.errors else site)


def _check_external(root: Path, site, found: dict, problems) -> None:  # noqa: ANN001
    from zwgk.checks.external import check_links

    results = check_links(found, cache_file=root / ".cache" / "external-links.json")
    for url, status in sorted(results.items()):
        for page, href in found[url]:
            where = site.locate(page, href)
            if status.dead:
                problems.error(where.file, where.line, f"外部链接“{url}”打不开：{status.error}（在生成的页面 {page}）",
                               "改成有效的网址，或删掉这个链接", "links.external-dead")
            elif status.redirected:
                problems.warning(where.file, where.line, f"外部链接“{url}”已跳转到 {status.final_url}（在生成的页面 {page}）",
                                 "改成跳转后的网址", "links.external-redirect")


def check(root: Path, today: date | None, json_file: Path | None, html_file: Path | None, external: bool) -> int:
    from zwgk import report
    from zwgk.sitebuild import TEMPLATES

    with tempfile.TemporaryDirectory(prefix="zwgk-check-") as scratch:
        run, site = _run(root, Path(scratch) / "site", today, external)
    if run.problems.items:
        print(run.problems.report(), file=sys.stderr)
    for coverage in run.coverage:
        print(f"目录覆盖：{coverage.domain.name} {coverage.covered}/{coverage.proactive}（{coverage.percent:.1f}%）")
    if json_file:
        report.write(json_file, report.as_json(run))
    if html_file:
        report.write(html_file, report.as_html(run, TEMPLATES))
    if site is None:
        return 1
    project = site.project
    print(f"检查通过：{len(project.documents)} 个文件、{len(project.interpretations)} 篇解读、"
          f"{sum(len(c.items) for c in project.catalogues)} 个目录事项、{len(project.pages)} 个页面，"
          f"{run.pages} 个页面中的 {run.links} 个链接。")
    return 0


def build(root: Path, site_dir: Path | None, today: date | None, with_report: bool) -> int:
    return 0 if _build(root, site_dir, today, with_report) else 1


def _build(root: Path, site_dir: Path | None, today: date | None, with_report: bool):  # noqa: ANN202 - SiteBuild
    """Build into a fresh folder and swap it in only when the build and its checks succeeded."""
    from zwgk import indexno, report
    from zwgk.sitebuild import TEMPLATES

    target = (site_dir or root / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        run, site = _run(root, staging, today, external=False)
        if run.problems.items:
            print(run.problems.report(), file=sys.stderr)
        if site is None:
            shutil.rmtree(staging, ignore_errors=True)
            return None
        if with_report:
            report.write(staging / "zicha.html", report.as_html(run, TEMPLATES))
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
    project = site.project
    if project.new_index_numbers:
        indexno.save_registry(root, project.index_registry)
        print(f"已登记 {len(project.new_index_numbers)} 个新索引号，请把 {indexno.REGISTRY.as_posix()} 随内容一起提交。")
    return site


def package(root: Path, dist_dir: Path | None, today: date | None) -> int:
    """Build site/ with every check, then pack exactly that folder for the webmaster."""
    from zwgk.package import make_package

    site = _build(root, None, today, with_report=False)
    if site is None:
        return 1
    name = "zwgk-" + ("".join(ch for ch in site.project.site.site_code if ch.isascii() and ch.isalnum()) or "site")
    archive = make_package(root / "site", dist_dir or root / "dist", name, today or date.today())
    print(f"已打包：{archive}（校验值见 {archive.parent / 'SHA256SUMS'}）")
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
            return check(root, args.today, args.json, args.html, args.external)
        if args.command == "build":
            return build(root, args.site_dir, args.today, args.with_report)
        if args.command == "package":
            return package(root, args.dist_dir, args.today)
        if args.command == "schemas":
            from zwgk.schema_export import write_all

            for path in write_all(TOOL_DIR):
                print(f"已写出 {path.relative_to(TOOL_DIR)}")
            return 0
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
