"""`build.py package`: build site/ with every check, then pack exactly that folder with the server configs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from zwgk.base.tool import TOOL_DIR
from zwgk.commands.build import build_site
from zwgk.site.package import deploy_files, make_package, own_deploy_files, url_path


def package(root: Path, dist_dir: Path | None, today: date | None) -> int:
    site = build_site(root, None, today, with_report=False)
    if site is None:
        return 1
    name = "zwgk-" + ("".join(ch for ch in site.project.site.site_code if ch.isascii() and ch.isalnum()) or "site")
    path = url_path(site.project.site.base_url)
    deploy = deploy_files(TOOL_DIR / "deploy", path)
    redirects = own_deploy_files(root / "deploy")
    archive = make_package(root / "site", deploy | redirects, dist_dir or root / "dist", name, today or date.today())
    print(f"已打包：{archive}（校验值见 {archive.parent / 'SHA256SUMS'}）\n"
          f"包内 {name}/site/ 是站点，{name}/deploy/ 是按路径 {path} 写好的 nginx/Apache/IIS 配置（见其中的 README.md）。")
    if redirects:
        print(f"旧网站网址的跳转配置（build.py migrate 写的 {len(redirects)} 个文件，legacy-redirects*）也在 {name}/deploy/ 中。")
    return 0
