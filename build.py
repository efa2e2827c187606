#!/usr/bin/env python3
"""The one command editors and webmasters use.

    python build.py build    检查内容并生成站点到 site/（有错误则不生成，保留旧站点）
    python build.py check    检查内容和生成后的链接，不改动 site/（--json/--html 写出自查报告）
    python build.py serve    本地预览，修改内容后自动刷新

Exit code 0 only when there are no errors.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback
from datetime import date, datetime, timezone
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
    _new_parser(sub.add_parser("new", help="新建内容文件：能推算的自动填写，其余逐项询问（或用参数给出）"))
    imports = sub.add_parser("import", help="导入已印发的公文（.docx / .txt / .md）为政策文件，报告取到的每一项及其行号")
    imports.add_argument("files", nargs="+", type=Path, metavar="文件", help="要导入的公文，可以一次写多个")
    imports.add_argument("--force", action="store_true", help="覆盖已存在的同名文件")
    imports.add_argument("--today", type=_date, help="以这一天为导入日期（YYYY-MM-DD），默认今天")
    serve = sub.add_parser("serve", help="本地预览（自动刷新）")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="监听地址，默认 127.0.0.1:8000")
    serve.add_argument("--poll", action="store_true",
                       help="定时扫描文件找改动（内容放在网络盘、虚拟机共享文件夹里、改了预览却不更新时用）")
    return parser


def _new_parser(new: argparse.ArgumentParser) -> None:
    from zwgk.editor.kinds import KINDS
    from zwgk.editor.scaffold import flag_help

    kinds = new.add_subparsers(dest="kind", required=True, metavar="类型")
    for kind in KINDS.values():
        command = kinds.add_parser(kind.name, help=kind.help, description=kind.help)
        for field in kind.fields:
            command.add_argument(f"--{field.flag}", dest=f"field:{field.key}", metavar=field.key, help=flag_help(kind, field))
        if kind.slug_help:
            command.add_argument("--slug", help=kind.slug_help)
        command.add_argument("--today", type=_date, help="以这一天为今天（YYYY-MM-DD），默认今天")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，写成 2024-03-05") from None


def _mkdocs_config(root: Path, dest: Path):  # noqa: ANN202 - MkDocsConfig
    from mkdocs.config import load_config

    return load_config(config_file=str(TOOL_DIR / "mkdocs.yml"), docs_dir=str(root / "content"), site_dir=str(dest))


def _mkdocs_build(root: Path, site, dest: Path) -> bool:  # noqa: ANN001 - zwgk SiteBuild
    """Render the prepared site into `dest` with MkDocs, the pages shared out over the cores;
    False if MkDocs refused."""
    from functools import partial

    from zwgk.base import parallel

    # MkDocs' own search plugin writes one index of all pages, so it needs every page in one process.
    count = 1 if "search" in _mkdocs_config(root, dest).plugins else parallel.shards(len(site.pages))
    if count == 1:
        return _mkdocs_build_shard(root, site, dest, None)
    dest.mkdir(parents=True, exist_ok=True)
    return all(parallel.run([partial(_mkdocs_build_shard, root, site, dest, (index, count)) for index in range(count)]))


def _quiet_dirty_builds() -> None:
    """MkDocs warns that a "dirty" build may leave stale navigation; ours decides itself which
    pages to render (see hooks/zwgk_hooks.py), so the warning would only alarm editors."""
    logging.getLogger("mkdocs.commands.build").addFilter(lambda record: "'dirty'" not in record.getMessage())


def _mkdocs_build_shard(root: Path, site, dest: Path, shard: tuple[int, int] | None) -> bool:  # noqa: ANN001
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort
    from zwgk.build.sitebuild import hand_over

    site.shard = shard
    if shard is not None:  # this process is a forked child: the filter goes with it
        _quiet_dirty_builds()
    hand_over(root, site)
    config = _mkdocs_config(root, dest)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch or _content_epoch(site)
    try:
        # A shard must not clean the folder the other shards write to: "dirty" keeps it, and
        # every page of this shard reports itself modified (see hooks/zwgk_hooks.py).
        mkdocs_build(config, dirty=shard is not None)
    except Abort as abort:
        print(abort.message, file=sys.stderr)
        return False
    finally:
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    return True


def _content_epoch(site) -> str:  # noqa: ANN001 - zwgk SiteBuild
    """MkDocs dates sitemap.xml by the build day unless SOURCE_DATE_EPOCH is set: the newest 发布日期 instead,
    so the same content gives the same bytes on any day."""
    public = site.public
    dates = [d.published for d in public.documents if d.published]
    dates += [i.published for i in public.interpretations] + [p.published for p in public.pages]
    newest = max(dates, default=date(1970, 1, 1))
    return str(int(datetime(newest.year, newest.month, newest.day, tzinfo=timezone.utc).timestamp()))


def _run(root: Path, dest: Path, today: date | None, external: bool):  # noqa: ANN202 - zwgk CheckRun, SiteBuild
    """Load, check, build into `dest` and check the built links. The site is None on errors."""
    from zwgk.base import parallel
    from zwgk.checks.links import check_built_site
    from zwgk.build.report import CheckRun
    from zwgk.build.sitebuild import prepare

    today = today or date.today()
    site, problems = prepare(root, today, index=True)  # Pagefind indexes in other processes meanwhile
    run = CheckRun(root.name, today, problems)
    if site is None:
        return run, None
    run.site_name, run.coverage = site.title, site.coverage
    search = site.search
    assert search is not None
    try:
        with parallel.reserved(1):  # Pagefind has a core of its own meanwhile
            if not _mkdocs_build(root, site, dest):
                return run, None
            # The link check reads the pages only; Pagefind goes on beside it, then two parts at once (finish).
            links = check_built_site(dest, site.locate, problems, site.project.site.base_url)
        if not problems.errors:  # a failed build is thrown away, index and all
            index = search.finish(dest)
            logging.getLogger("zwgk").info("站内搜索索引：%d 个页面，用时 %.1f 秒（与生成页面同时进行，页面生成后又等了 %.1f 秒）",
                                           index.records, index.seconds, index.waited)
    finally:
        search.close()
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
    from zwgk.build import report
    from zwgk.build.sitebuild import TEMPLATES

    scratch = Path(tempfile.mkdtemp(prefix="zwgk-check-"))
    try:
        run, site = _run(root, scratch / "site", today, external)
    finally:
        _remove_in_background(scratch)  # the site built only to check its links
    if run.problems.items:
        print(run.problems.report(), file=sys.stderr)
    for coverage in run.coverage:
        print(f"目录覆盖：{coverage.label} {coverage.covered}/{coverage.proactive}（{coverage.percent:.1f}%）")
    if json_file:
        report.write(json_file, report.as_json(run))
    if html_file:
        report.write(html_file, report.as_html(run, TEMPLATES))
    if site is None:
        return 1
    project = site.project
    print(f"检查通过：{len(project.documents)} 个文件、{len(project.interpretations)} 篇解读、"
          f"{sum(len(c.items) for c in project.all_catalogues)} 个目录事项、{len(project.pages)} 个页面，"
          f"{run.pages} 个页面中的 {run.links} 个链接。")
    return 0


def build(root: Path, site_dir: Path | None, today: date | None, with_report: bool) -> int:
    return 0 if _build(root, site_dir, today, with_report) else 1


def _build(root: Path, site_dir: Path | None, today: date | None, with_report: bool):  # noqa: ANN202 - SiteBuild
    """Build into a fresh folder and swap it in only when the build and its checks succeeded."""
    from zwgk.content import indexno
    from zwgk.build import report
    from zwgk.build.sitebuild import TEMPLATES

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
    for leftover in target.parent.glob(f".{target.name}.old-*"):  # from a run the machine did not finish
        shutil.rmtree(leftover, ignore_errors=True)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    if old.exists():
        _remove_in_background(old)
    print(f"站点已生成：{target}")
    project = site.project
    if project.new_index_numbers:
        indexno.save_registry(root, project.index_registry)
        print(f"已登记 {len(project.new_index_numbers)} 个新索引号，请把 {indexno.REGISTRY.as_posix()} 随内容一起提交。")
    return site


def _remove_in_background(folder: Path) -> None:
    """A built site no longer needed (the one replaced, or the one `check` built) is deleted by a process of
    its own: 20,000 files take seconds nobody need wait for. What a switched-off machine leaves of a replaced
    site is removed by the next build; a `check` scratch folder sits in the system's temporary folder."""
    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    subprocess.Popen([sys.executable, "-c", code, str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


def package(root: Path, dist_dir: Path | None, today: date | None) -> int:
    """Build site/ with every check, then pack exactly that folder with the server configs for the webmaster."""
    from zwgk.site.package import deploy_files, make_package, url_path

    site = _build(root, None, today, with_report=False)
    if site is None:
        return 1
    name = "zwgk-" + ("".join(ch for ch in site.project.site.site_code if ch.isascii() and ch.isalnum()) or "site")
    path = url_path(site.project.site.base_url)
    deploy = deploy_files(TOOL_DIR / "deploy", path)
    archive = make_package(root / "site", deploy, dist_dir or root / "dist", name, today or date.today())
    print(f"已打包：{archive}（校验值见 {archive.parent / 'SHA256SUMS'}）\n"
          f"包内 {name}/site/ 是站点，{name}/deploy/ 是按路径 {path} 写好的 nginx/Apache/IIS 配置（见其中的 README.md）。")
    return 0


def new(root: Path, args: argparse.Namespace) -> int:
    """Scaffold one file; asks in the terminal, or takes flags only when there is no terminal."""
    from zwgk.editor.kinds import KINDS
    from zwgk.editor.scaffold import Context, ScaffoldError, done, run

    given = {key.split(":", 1)[1]: value for key, value in vars(args).items() if key.startswith("field:") and value is not None}
    ctx = Context(root, args.today or date.today(), input if sys.stdin.isatty() else None)
    try:
        kind = KINDS[args.kind]
        path = run(kind, ctx, given, getattr(args, "slug", None))
    except ScaffoldError as exc:
        print("\n".join(exc.messages) + "\n没有写入任何文件。", file=sys.stderr)
        return 1
    print(done(kind, _shown(path)))
    return 0


def import_files(root: Path, files: list[Path], force: bool, today: date | None) -> int:
    from zwgk.editor.importer import ImportRefused, import_file, report
    from zwgk.editor.scaffold import Context

    ctx = Context(root, today or date.today(), None)
    failed = 0
    for file in files:
        try:
            print(report(import_file(ctx, file, force), ctx))
        except ImportRefused as refused:
            print(str(refused), file=sys.stderr)
            failed += 1
    if failed:
        print(f"{failed} 个文件没有导入。", file=sys.stderr)
    return 1 if failed else 0


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def serve(root: Path, addr: str, poll: bool = False) -> int:
    from mkdocs.commands import serve as mkdocs_serve_module
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import Abort

    from zwgk.base import memo

    memo.enable()  # after the first build, an edit re-renders only the pages it changes
    _quiet_dirty_builds()
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a service manager: clean up as on Ctrl-C
    if not poll:
        mkdocs_serve_module.LiveReloadServer = _told_of_changes()
    try:
        mkdocs_serve(config_file=str(TOOL_DIR / "mkdocs.yml"), docs_dir=str(root / "content"), dev_addr=addr,
                     livereload=True, build_type="dirty", watch=[str(root / "catalogues")])
    except Abort as abort:
        print(abort.message, file=sys.stderr)
        return 1
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(f"地址 {addr} 已被占用（可能已经开着一个预览）：关掉它，或用 --addr 换一个端口，例如 --addr 127.0.0.1:8001",
                  file=sys.stderr)
            return 1
        if not poll and error.errno in (errno.ENOSPC, errno.EMFILE):  # the system's limit of watched folders
            print(f"系统不能再监视更多文件夹（{error.strerror}）：改用 python build.py serve --poll", file=sys.stderr)
            return 1
        raise
    return 0


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def _told_of_changes() -> type:
    """MkDocs' preview server, told of changed files by the system (inotify, FSEvents, ReadDirectoryChanges)
    instead of listing every watched file twice a second: for 10,000 documents that listing took a core's
    fifth and slowed each rebuild by seconds. `serve --poll` keeps MkDocs' listing, for network drives
    and shared folders, which do not report changes."""
    from mkdocs.livereload import LiveReloadServer
    from watchdog import events
    from watchdog.observers import Observer

    # What an edit does to files; not opening or reading them, which every build does.
    edits = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
             events.FileClosedEvent, events.DirDeletedEvent, events.DirMovedEvent]

    class Edits(events.FileSystemEventHandler):
        """MkDocs' handler, which passes over folders: a folder deleted or moved (with the documents in it)
        counts as a file deleted. With `only`, the events of that one file of the folder watched."""

        def __init__(self, inner: events.FileSystemEventHandler, only: str | None = None) -> None:
            self.inner, self.only = inner, only

        def dispatch(self, event: events.FileSystemEvent) -> None:
            if self.only is not None and self.only not in (event.src_path, event.dest_path):
                return
            self.inner.dispatch(events.FileDeletedEvent(event.src_path) if event.is_directory else event)

    class EditObserver(Observer):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **kwargs):  # noqa: ANN001, ANN003, ANN201
            path = os.path.abspath(path)
            if os.path.isfile(path):  # mkdocs.yml: its folder, as an editor often saves a file as a new one
                return super().schedule(Edits(event_handler, path), os.path.dirname(path), recursive=False,
                                        event_filter=edits, **kwargs)
            return super().schedule(Edits(event_handler), path, recursive=recursive, event_filter=edits, **kwargs)

    class Server(LiveReloadServer):
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - as LiveReloadServer's
            super().__init__(*args, **kwargs)
            self.observer = EditObserver()  # before anything is watched

    return Server


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
            from zwgk.editor.schema_export import write_all

            for path in write_all(TOOL_DIR):
                print(f"已写出 {path.relative_to(TOOL_DIR)}")
            return 0
        if args.command == "new":
            return new(root, args)
        if args.command == "import":
            return import_files(root, args.files, args.force, args.today)
        return serve(root, args.addr, args.poll)
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
