#!/usr/bin/env python3
"""The one command editors and webmasters use.

    python build.py build    检查内容并生成站点到 site/（有错误则不生成，保留旧站点）
    python build.py check    检查内容和生成后的链接，不改动 site/（--json/--html 写出自查报告）
    python build.py serve    本地预览，修改内容后自动刷新

Exit code 0 only when there are no errors. This file parses the flags; hooks/zwgk/commands/ does the work.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from datetime import date
from pathlib import Path

TOOL_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOL_DIR / "hooks"))  # the domain package works without installing it

from zwgk.base.tool import invocation  # noqa: E402 - after the path above
from zwgk.commands import log_text  # noqa: E402
from zwgk.commands.cli_text import ChineseParser  # noqa: E402


def _parser() -> argparse.ArgumentParser:
    # prog: usage lines and hints name the command as the editor typed it (.venv/bin/python build.py)
    parser = ChineseParser(prog=invocation(), description="政务公开专栏站点生成器")
    parser.add_argument("--root", type=Path, default=TOOL_DIR, metavar="目录",
                        help="站点内容所在目录（含 content/ 和 catalogues/），默认为本目录")
    parser.add_argument("--debug", action="store_true", help="出现内部错误时显示详细信息")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    build = sub.add_parser("build", help="检查内容并生成站点")
    build.add_argument("--site-dir", type=Path, metavar="目录", help="输出目录，默认为 <root>/site")
    build.add_argument("--with-report", action="store_true", help="把自查报告一并放进站点（zicha.html，不进导航）")
    build.add_argument("--no-cache", action="store_true",
                       help="不沿用上次生成的结果（.cache/build/），完整生成，并重新写下构建缓存")
    check = sub.add_parser("check", help="检查内容和生成后的链接，不改动 site/")
    check.add_argument("--json", type=Path, metavar="文件", help="把全部检查结果写成 JSON（供 CI 使用）")
    check.add_argument("--html", type=Path, metavar="文件", help="写出 HTML 自查报告")
    check.add_argument("--external", action="store_true", help="同时检查外部链接（需要联网）")
    package = sub.add_parser("package", help="生成站点并打包为 dist/<网站标识码>-<日期>.tar.gz 和 SHA256SUMS")
    package.add_argument("--dist-dir", type=Path, metavar="目录", help="打包输出目录，默认为 <root>/dist")
    for command in (build, check, package):
        command.add_argument("--today", type=_date, metavar="日期", help="检查日期（YYYY-MM-DD），默认今天")
    sub.add_parser("schemas", help="重新生成 schemas/ 下供编辑器使用的 JSON Schema")
    _new_parser(sub.add_parser("new", help="新建内容文件：能推算的自动填写，其余逐项询问（或用参数给出）"))
    imports = sub.add_parser("import", help="导入已印发的公文（.docx / .txt / .md）为政策文件，或标准目录表格"
                             "（.xlsx / .docx / .csv）为目录，报告取到的每一项及其出处")
    imports.add_argument("files", nargs="+", type=Path, metavar="文件", help="要导入的公文或目录表格，可以一次写多个")
    imports.add_argument("--town", metavar="乡镇", help="目录表格是这个乡镇的（catalogues/towns/ 下的文件夹名）")
    imports.add_argument("--domain", metavar="领域", help="表格里看不出领域时，用这个领域")
    imports.add_argument("--force", action="store_true", help="覆盖已存在的同名文件")
    imports.add_argument("--today", type=_date, metavar="日期", help="以这一天为导入日期（YYYY-MM-DD），默认今天")
    audit = sub.add_parser("audit", help="迁移之前检查旧网站的镜像，写出 HTML 和 JSON 检查报告")
    audit.add_argument("mirror", type=Path, metavar="镜像目录", help="旧网站的镜像（wget --mirror 或网站后台导出的文件夹）")
    audit.add_argument("--out", type=Path, metavar="目录", help="报告写到这里，默认为镜像旁边的 <镜像目录>-检查报告/")
    audit.add_argument("--today", type=_date, metavar="日期", help="以这一天判断栏目是否按时更新（YYYY-MM-DD），默认今天")
    migrate = sub.add_parser("migrate", help="把旧网站的镜像（wget --mirror 或网站导出的文件夹）迁移为本站内容，"
                             "保留索引号和旧网址（写出跳转配置和迁移报告）")
    migrate.add_argument("mirror", type=Path, metavar="镜像目录", help="旧网站镜像所在的文件夹")
    migrate.add_argument("--today", type=_date, metavar="日期", help="以这一天为迁移日期（YYYY-MM-DD），默认今天")
    serve = sub.add_parser("serve", help="本地预览（自动刷新）")
    serve.add_argument("--addr", default="127.0.0.1:8000", metavar="地址", help="监听地址，默认 127.0.0.1:8000")
    serve.add_argument("--poll", action="store_true",
                       help="定时扫描文件找改动（内容放在网络盘、虚拟机共享文件夹里、改了预览却不更新时用）")
    return parser


def _new_parser(new: argparse.ArgumentParser) -> None:
    from zwgk.kinds.registry import FORMS
    from zwgk.kinds.scaffold import flag_help

    kinds = new.add_subparsers(dest="kind", required=True, metavar="类型")
    for form in FORMS.values():
        command = kinds.add_parser(form.name, help=form.help, description=form.help)
        for field in form.fields:
            command.add_argument(f"--{field.flag}", dest=f"field:{field.key}", metavar=field.key, help=flag_help(form, field))
        if form.slug_help:
            command.add_argument("--slug", metavar="文件名", help=form.slug_help)
        command.add_argument("--today", type=_date, metavar="日期", help="以这一天为今天（YYYY-MM-DD），默认今天")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，写成 2024-03-05") from None


def _dispatch(args: argparse.Namespace, root: Path) -> int:
    """The command's module is imported only when it runs: `new` and `--help` never load MkDocs."""
    if args.command == "check":
        from zwgk.commands.check import check

        return check(root, args.today, args.json, args.html, args.external)
    if args.command == "build":
        from zwgk.commands.build import build

        return build(root, args.site_dir, args.today, args.with_report, use_cache=not args.no_cache)
    if args.command == "package":
        from zwgk.commands.package import package

        return package(root, args.dist_dir, args.today)
    if args.command == "serve":
        from zwgk.commands.serve import serve

        return serve(root, args.addr, args.poll)
    if args.command == "audit":
        from zwgk.commands.audit import audit

        return audit(args.mirror.resolve(), args.out, args.today)
    if args.command == "migrate":
        from zwgk.commands.migrate import run

        return run(root, args.mirror, args.today)
    from zwgk.commands import editing

    if args.command == "schemas":
        return editing.write_schemas()
    if args.command == "new":
        given = {key.split(":", 1)[1]: value for key, value in vars(args).items()
                 if key.startswith("field:") and value is not None}
        return editing.new(root, args.kind, given, getattr(args, "slug", None), args.today)
    return editing.import_files(root, args.files, args.force, args.today, args.town, args.domain)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    log_text.setup()
    if args.command in ("build", "check", "package", "migrate", "audit"):
        from zwgk.base import progress

        progress.enable()
    try:
        return _dispatch(args, args.root.resolve())
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        from zwgk.base import write_errors  # a full disk or a read-only folder is the webmaster's to fix

        if (told := write_errors.describe(exc)) is None:
            return _internal(exc, args.debug)
        print(told, file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - said in one line, without a traceback
        return _internal(exc, args.debug)


def _internal(exc: Exception, debug: bool) -> int:
    """A bug of ours, not an editor's mistake: say so briefly."""
    if debug:
        traceback.print_exc()
    print(f"内部错误（不是内容的问题）：{type(exc).__name__}: {exc}\n"
          "请加 --debug 重新运行，把输出发给技术支持。", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
