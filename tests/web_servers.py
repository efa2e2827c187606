"""Debian's nginx and Apache serving an unpacked `build.py package` with the configs shipped in its deploy/.

Each server runs as a plain subprocess in the foreground on a free port, every path it writes inside a
temporary folder. nginx gets a minimal http/server block that includes the package's deploy/nginx.conf,
unchanged except for the folder it serves; Apache gets a minimal httpd.conf that maps the sub-path to site/,
into which deploy/.htaccess is copied as the webmaster is told to. So the shipped configs are what's tested.

Without a server the tests using it are skipped, unless ZWGK_REQUIRE_NGINX=1 / ZWGK_REQUIRE_APACHE=1 (CI),
where they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port

NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
SHIPPED_ALIAS = "alias /var/www/zwgk/;"  # the line of deploy/nginx.conf naming the webmaster's folder

_NGINX_CONF = """\
{user}worker_processes 1;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {snippet};
    }}
}}
"""

# What every Apache of the tests shares: a server of its own on a free port, its files under `prefix`.
_APACHE_HEAD = """\
ServerRoot "{prefix}"
ServerName localhost
Listen 127.0.0.1:{port}
PidFile "{prefix}/httpd.pid"
ErrorLog "{prefix}/error.log"
LogLevel warn
{modules}
User nobody
Group nogroup
TypesConfig /etc/mime.types
"""

# Debian's default set of modules that the .htaccess relies on; mod_unixd (User/Group) is compiled in.
_APACHE_CONF = _APACHE_HEAD + """\
Alias "{path}" "{site}/"
<Directory "/">
    AllowOverride None
    Require all denied
</Directory>
<Directory "{site}">
    AllowOverride FileInfo Indexes Options=Indexes
    Require all granted
</Directory>
"""
_APACHE_MODULES = ("mpm_event", "authz_core", "alias", "dir", "mime", "headers", "expires", "filter", "deflate")


def _require(server: Path, variable: str, package: str) -> None:
    """Skip (or fail in CI) when the Debian package of a server is not installed."""
    if not server.exists():
        why = f"{server} is not installed (apt-get install {package})"
        if os.environ.get(variable) == "1":
            pytest.fail(f"{variable}=1 but {why}", pytrace=False)
        pytest.skip(f"{package} tests skipped: {why}; with {variable}=1 this is an error")


def unpack(archive: Path, dest: Path) -> Path:
    """The package's top folder (holding site/ and deploy/) unpacked under `dest`."""
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
        top = tar.getmembers()[0].name
    return dest / top


@contextlib.contextmanager
def _running(command: list[str], port: int, log: Path) -> Iterator[str]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(400):  # wait until it listens (not a timing assertion: it either starts or says why)
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} stopped: {log.read_text(errors='replace') if log.exists() else ''}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.05)
        else:
            raise RuntimeError(f"{command[0]} did not start listening on {port}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextlib.contextmanager
def nginx(package: Path, prefix: Path) -> Iterator[str]:
    """nginx serving package/site/ with package/deploy/nginx.conf; yields http://127.0.0.1:PORT."""
    _require(NGINX, "ZWGK_REQUIRE_NGINX", "nginx")
    prefix.mkdir(parents=True, exist_ok=True)
    shipped = (package / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert shipped.count(SHIPPED_ALIAS) == 1, f"deploy/nginx.conf no longer has the line {SHIPPED_ALIAS}"
    snippet = prefix / "zwgk.conf"
    snippet.write_text(shipped.replace(SHIPPED_ALIAS, f"alias {package / 'site'}/;"), encoding="utf-8")
    port = free_port()
    # nginx started by root runs its workers as nobody, who may not read pytest's private temporary folders
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = prefix / "nginx.conf"
    conf.write_text(_NGINX_CONF.format(user=user, prefix=prefix, port=port, snippet=snippet), encoding="utf-8")
    log = prefix / "error.log"
    command = [str(NGINX), "-p", str(prefix), "-c", str(conf), "-e", str(log)]
    tested = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert tested.returncode == 0, f"nginx -t rejects the shipped config:\n{tested.stderr}"
    with _running([*command, "-g", "daemon off;"], port, log) as origin:
        yield origin


@contextlib.contextmanager
def apache(package: Path, path: str) -> Iterator[str]:
    """Apache serving package/site/ at `path` with deploy/.htaccess copied into it; yields http://127.0.0.1:PORT."""
    _require(APACHE, "ZWGK_REQUIRE_APACHE", "apache2")
    # Apache never serves as root: its workers run as nobody, so the site sits in a folder anyone may read.
    served = Path(tempfile.mkdtemp(prefix="zwgk-apache-"))
    try:
        served.chmod(0o755)
        site = served / "site"
        shutil.copytree(package / "site", site)
        shutil.copy(package / "deploy" / ".htaccess", site / ".htaccess")
        port = free_port()
        modules = "\n".join(f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so" for name in _APACHE_MODULES)
        with _apache_running(served, port, _APACHE_CONF.format(prefix=served, port=port, modules=modules, path=path,
                                                                 site=site)) as origin:
            yield origin
    finally:
        shutil.rmtree(served, ignore_errors=True)


@contextlib.contextmanager
def _apache_running(served: Path, port: int, config: str) -> Iterator[str]:
    """Apache in the foreground with `config` (written to served/httpd.conf), once `apache2 -t` accepts it."""
    conf = served / "httpd.conf"
    conf.write_text(config, encoding="utf-8")
    command = [str(APACHE), "-f", str(conf), "-DFOREGROUND"]
    tested = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert tested.returncode == 0, f"apache2 -t rejects the config:\n{tested.stderr}"
    with _running(command, port, served / "error.log") as origin:
        yield origin


_NGINX_LEGACY_CONF = """\
{user}worker_processes 1;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {deploy}/legacy-redirects-map.conf;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {deploy}/legacy-redirects.conf;
        location {base} {{
            alias {site}/;
            index index.html;
        }}
    }}
}}
"""


@contextlib.contextmanager
def nginx_legacy(site: Path, base: str, deploy: Path, prefix: Path) -> Iterator[str]:
    """nginx serving `site` at `base` with the legacy redirect maps of `deploy` (legacy/redirects.py) included
    unchanged, as the webmaster is told: the map at http level, the rules in the old site's server."""
    _require(NGINX, "ZWGK_REQUIRE_NGINX", "nginx")
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = prefix / "nginx.conf"
    conf.write_text(_NGINX_LEGACY_CONF.format(user=user, prefix=prefix, port=port, deploy=deploy, base=base,
                                              site=site), encoding="utf-8")
    log = prefix / "error.log"
    command = [str(NGINX), "-p", str(prefix), "-c", str(conf), "-e", str(log)]
    tested = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert tested.returncode == 0, f"nginx -t rejects the redirect maps:\n{tested.stderr}"
    with _running([*command, "-g", "daemon off;"], port, log) as origin:
        yield origin


_APACHE_LEGACY_CONF = _APACHE_HEAD + """\
DocumentRoot "{www}"
Alias "{base}" "{site}/"
<Directory "/">
    AllowOverride None
    Require all denied
</Directory>
<Directory "{www}">
    AllowOverride FileInfo
    Require all granted
</Directory>
<Directory "{site}">
    Require all granted
</Directory>
{server_rules}
"""


@contextlib.contextmanager
def apache_legacy(site: Path, base: str, deploy: Path, form: str) -> Iterator[str]:
    """Apache serving `site` at `base` and answering old URLs with the redirects of `deploy` in one of the two
    forms a webmaster is given: "map" (legacy-redirects-apache.conf in the server config, its RewriteMap file
    where the config is told it is) or "htaccess" (legacy-redirects.htaccess as the old site root's .htaccess)."""
    _require(APACHE, "ZWGK_REQUIRE_APACHE", "apache2")
    served = Path(tempfile.mkdtemp(prefix="zwgk-apache-legacy-"))
    try:
        served.chmod(0o755)
        shutil.copytree(site, served / "site")
        for path in [served / "site", *(served / "site").rglob("*")]:  # a build writes private temporary files; Apache reads as nobody
            path.chmod(0o755 if path.is_dir() else 0o644)
        www = served / "www"
        www.mkdir()
        rules = ""
        if form == "map":
            shutil.copy(deploy / "legacy-redirects.txt", served / "legacy-redirects.txt")
            rules = (deploy / "legacy-redirects-apache.conf").read_text(encoding="utf-8").replace(
                "/etc/apache2/zwgk/legacy-redirects.txt", str(served / "legacy-redirects.txt"))
        else:
            shutil.copy(deploy / "legacy-redirects.htaccess", www / ".htaccess")
        port = free_port()
        modules = "\n".join(f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so"
                            for name in (*_APACHE_MODULES, "rewrite"))
        with _apache_running(served, port, _APACHE_LEGACY_CONF.format(
                prefix=served, port=port, modules=modules, www=www, base=base, site=served / "site",
                server_rules=rules)) as origin:
            yield origin
    finally:
        shutil.rmtree(served, ignore_errors=True)
