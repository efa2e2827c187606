"""网站地址 (site.yml): sitemap.xml and the Atom feeds need absolute links, so without it they are
not written. A warning, since the site itself works without them."""

from __future__ import annotations

from zwgk.base.problems import Problems
from zwgk.content.model import Project

SITE_FILE = "content/site.yml"


def check_base_url(project: Project, problems: Problems) -> None:
    if project.site.base_url:
        return
    path = project.root / SITE_FILE
    last_line = len(path.read_text(encoding="utf-8-sig").splitlines()) if path.is_file() else 0
    problems.warning(SITE_FILE, last_line, "没有写“网站地址”，不生成 sitemap.xml 和政策文件、政策解读的订阅（Atom）",
                     "在文件末尾加一行 `网站地址: https://…/`，写本站对外的完整地址（部署在子目录时写到子目录）",
                     "site.no-base-url")
