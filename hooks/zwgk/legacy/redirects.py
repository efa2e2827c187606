"""Old URLs keep working: the redirect maps, old page or attachment → new page, in the forms webmasters use.

    legacy-redirects-map.conf    nginx, http { } level: `map`s from the old URL to the new one
    legacy-redirects.conf        nginx, server { } level: the two lines that answer 301 with them
    legacy-redirects.txt         Apache RewriteMap (txt:) of the same pairs
    legacy-redirects-apache.conf Apache, VirtualHost level: RewriteMap + the rules that use it
    legacy-redirects.htaccess    Apache without access to the server config: one RewriteRule per old URL
    legacy-redirects.web.config  IIS URL Rewrite: two rewriteMaps and the rules that use them

Servers compare the old URL after they decode it (nginx $uri, Apache's per-directory path), so keys are
written decoded (UTF-8 Chinese as is, %-escapes undone) and query strings (show.jsp?documentid=123) as
sent; IIS compares the raw request, so its keys are %-escaped. Targets are %-escaped absolute paths
under the new site's base path. Output is sorted, so the same redirects give the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

NGINX_MAP = "legacy-redirects-map.conf"
NGINX_SERVER = "legacy-redirects.conf"
APACHE_MAP = "legacy-redirects.txt"
APACHE_CONF = "legacy-redirects-apache.conf"
HTACCESS = "legacy-redirects.htaccess"
IIS = "legacy-redirects.web.config"
APACHE_MAP_PLACEHOLDER = "/etc/apache2/zwgk/legacy-redirects.txt"  # where legacy-redirects-apache.conf looks

_PATH_SAFE = "/-._~!*(),;=:@+&'"  # what stays unescaped in a path; never $ (an nginx variable) nor % twice
_QUERY_SAFE = "=&+-._~!*(),;:@/'"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Redirect:
    old_url: str  # as the old site served it: /xxgk/zcwj/202405/t20240508_1001.htm, /show.jsp?documentid=123
    new_path: str  # the new page from the site root: documents/2024/szbf-2024-12.html (may be %-escaped)


@dataclass(frozen=True)
class Entry:
    path: str  # decoded path of the old URL
    query: str  # its query string, normalised %-escapes, "" for none
    target: str  # %-escaped absolute path of the new page

    @property
    def key(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def raw_key(self) -> str:
        """The old URL as a browser sends it (%-escaped UTF-8), for IIS."""
        path = quote(self.path, safe=_PATH_SAFE)
        return f"{path}?{self.query}" if self.query else path


def entries(redirects: list[Redirect], base_path: str) -> tuple[list[Entry], list[str]]:
    """The redirects each server is given, sorted, one per old URL (the first wins); and, in Chinese, those left out."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    seen: dict[str, Entry] = {}
    left: list[str] = []
    for r in redirects:
        parts = urlsplit(r.old_url.strip())
        path = unquote(parts.path or "/")
        if not path.startswith("/"):
            path = "/" + path
        if _CONTROL.search(path + parts.query) or not r.new_path.strip():
            left.append(f"{r.old_url!r}: 旧网址里有控制字符或没有新网址 — 这一条没有写进跳转配置，请手工处理")
            continue
        query = quote(unquote(parts.query), safe=_QUERY_SAFE) if parts.query else ""
        target = base + quote(r.new_path.strip().lstrip("/"), safe=_PATH_SAFE + "%")
        entry = Entry(path, query, target)
        if unquote(target) == entry.key:  # the new page sits at the old address: a redirect would loop
            continue
        if entry.key in seen:
            if seen[entry.key].target != target:
                left.append(f"{r.old_url}: 已经跳转到 {seen[entry.key].target}，不再跳转到 {target} — 核对是不是同一份文件")
            continue
        seen[entry.key] = entry
    return sorted(seen.values(), key=lambda e: e.key), left


def _nginx_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _power_of_two(n: int, least: int) -> int:
    size = least
    while size < n:
        size *= 2
    return size


def nginx_map(found: list[Entry]) -> str:
    longest = max((len(e.key.encode("utf-8")) for e in found), default=0)
    by_query = [e for e in found if e.query]
    by_path = [e for e in found if not e.query]
    lines = [
        "# 旧网站地址跳转（nginx，http { } 一级）：由 build.py migrate 生成，不要手工修改，重新迁移时会重写。",
        "# 在 nginx.conf 的 http { } 里写 include /etc/nginx/zwgk/legacy-redirects-map.conf;",
        "# 再在旧网站域名的 server { } 里 include legacy-redirects.conf（跳转规则）。",
        "# 下面两行让很长的地址也能放进 map；http { } 里已经写过这两项时，删掉这两行，保留较大的值。",
        f"map_hash_bucket_size {_power_of_two(longest + 8, 64)};",
        f"map_hash_max_size {_power_of_two(2 * len(found), 2048)};",
        "",
        "# 带查询参数的旧地址（如 show.jsp?documentid=123）",
        'map "$uri?$args" $zwgk_legacy_query {',
        '    default "";',
        *(f"    {_nginx_quoted(e.key)} {_nginx_quoted(e.target)};" for e in by_query),
        "}",
        "",
        "# 其余旧地址（按解码后的路径比较，中文地址、%编码的地址都能匹配）",
        "map $uri $zwgk_legacy_path {",
        '    default "";',
        *(f"    {_nginx_quoted(e.path)} {_nginx_quoted(e.target)};" for e in by_path),
        "}",
    ]
    return "\n".join(lines) + "\n"


NGINX_SERVER_TEXT = """\
# 旧网站地址跳转（nginx，server { } 一级）：旧地址永久跳转（301）到新站点的页面。
# 先在 http { } 里 include legacy-redirects-map.conf，再把本文件 include 进旧网站域名的 server { }。
if ($zwgk_legacy_query) {
    return 301 $zwgk_legacy_query;
}
if ($zwgk_legacy_path) {
    return 301 $zwgk_legacy_path;
}
"""


def apache_map(found: list[Entry]) -> tuple[str, list[str]]:
    left = [f"{e.key}: 地址里有空格，RewriteMap 放不下 — 用 legacy-redirects.htaccess 中的规则" for e in found
            if any(ch.isspace() for ch in e.key)]
    lines = ["# 旧网站地址跳转（Apache RewriteMap txt:）：旧地址（解码后）  新地址。由 build.py migrate 生成。"]
    lines += [f"{e.key} {e.target}" for e in found if not any(ch.isspace() for ch in e.key)]
    return "\n".join(lines) + "\n", left


APACHE_CONF_TEXT = f"""\
# 旧网站地址跳转（Apache 2.4，VirtualHost 一级，需要 mod_rewrite）：放进旧网站域名的 <VirtualHost>。
# RewriteMap 只能写在服务器配置里（不能写在 .htaccess 里）；改不了服务器配置时，用 legacy-redirects.htaccess。
# 把 legacy-redirects.txt 放到下面写的位置（或改成它所在的位置），然后 apachectl configtest && apachectl graceful。
RewriteEngine On
RewriteMap zwgklegacy "txt:{APACHE_MAP_PLACEHOLDER}"
# 查到的新地址直接写在 RewriteRule 里（不经 %1）：新地址里的 %E6 这类编码不会被当成反向引用。
RewriteCond %{{QUERY_STRING}} .
RewriteCond ${{zwgklegacy:%{{REQUEST_URI}}?%{{QUERY_STRING}}}} ^/
RewriteRule ^ ${{zwgklegacy:%{{REQUEST_URI}}?%{{QUERY_STRING}}}} [R=301,L,QSD,NE]
RewriteCond ${{zwgklegacy:%{{REQUEST_URI}}}} ^/
RewriteRule ^ ${{zwgklegacy:%{{REQUEST_URI}}}} [R=301,L,QSD,NE]
"""


def _apache_quoted(text: str) -> str:
    # Apache's config reader undoes a backslash only before the quote: the regex's own backslashes stay as they are
    return '"' + text.replace('"', '\\"') + '"'


def htaccess(found: list[Entry]) -> str:
    lines = [
        "# 旧网站地址跳转（Apache 2.4 .htaccess，需要 mod_rewrite 和 AllowOverride FileInfo）。由 build.py migrate 生成。",
        "# 把下面的内容加到旧网站根目录的 .htaccess 里（不是新站点 site/ 里的那个）。",
        "RewriteEngine On",
    ]
    for e in sorted(found, key=lambda e: (not e.query, e.key)):  # those with a query first: more specific
        pattern = _apache_quoted("^" + re.escape(e.path.lstrip("/")) + "$")
        if e.query:
            lines.append(f"RewriteCond %{{QUERY_STRING}} {_apache_quoted('^' + re.escape(e.query) + '$')}")
        # \% : a literal %, or mod_rewrite reads %9 of %96 as a back-reference to a RewriteCond
        lines.append(f"RewriteRule {pattern} {_apache_quoted(e.target.replace('%', chr(92) + '%'))} [R=301,L,QSD,NE]")
    return "\n".join(lines) + "\n"


def web_config(found: list[Entry]) -> str:
    """IIS URL Rewrite: {UNENCODED_URL} (raw path and query) for old URLs with a query, {URL} (the path) for the rest."""
    root = ET.Element("configuration")
    rewrite = ET.SubElement(ET.SubElement(root, "system.webServer"), "rewrite")
    maps = ET.SubElement(rewrite, "rewriteMaps")
    rules = ET.SubElement(rewrite, "rules")
    for name, variable, chosen in (("ZwgkLegacyQuery", "UNENCODED_URL", [e for e in found if e.query]),
                                   ("ZwgkLegacyPath", "URL", [e for e in found if not e.query])):
        table = ET.SubElement(maps, "rewriteMap", name=name)
        for e in chosen:
            ET.SubElement(table, "add", key=e.raw_key if e.query else e.path, value=e.target)
        rule = ET.SubElement(rules, "rule", name=name, stopProcessing="true")
        ET.SubElement(rule, "match", url=".*")
        conditions = ET.SubElement(rule, "conditions")
        ET.SubElement(conditions, "add", input=f"{{{name}:{{{variable}}}}}", pattern="(.+)")
        ET.SubElement(rule, "action", type="Redirect", url="{C:1}", redirectType="Permanent",
                      appendQueryString="false")
    ET.indent(root)
    comment = ("<!-- 旧网站地址跳转（IIS，需要 URL Rewrite 模块）：把 <rewrite> 一节并入旧网站根目录的 web.config。"
               "由 build.py migrate 生成。 -->\n")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + comment + ET.tostring(root, encoding="unicode") + "\n"


def write_redirects(redirects: list[Redirect], deploy_dir: Path, base_path: str) -> list[Path]:
    """Write every form into `deploy_dir`; returns the files written (and the list of what was left out,
    legacy-redirects-left-out.txt, when something was)."""
    found, left = entries(redirects, base_path)
    apache_text, apache_left = apache_map(found)
    texts = {NGINX_MAP: nginx_map(found), NGINX_SERVER: NGINX_SERVER_TEXT, APACHE_MAP: apache_text,
             APACHE_CONF: APACHE_CONF_TEXT, HTACCESS: htaccess(found), IIS: web_config(found)}
    deploy_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts.items():
        path = deploy_dir / name
        part = deploy_dir / f".{name}.part"
        part.write_text(text, encoding="utf-8")
        part.replace(path)  # a cut run leaves the previous map whole
        written.append(path)
    notes = deploy_dir / "legacy-redirects-left-out.txt"
    if left or apache_left:
        notes.write_text("没有写进跳转配置的旧网址：\n" + "".join(f"{line}\n" for line in left + apache_left),
                         encoding="utf-8")
        written.append(notes)
    elif notes.exists():
        notes.unlink()
    return written
