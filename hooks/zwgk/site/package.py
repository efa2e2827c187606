"""The deployable package: the built site and its server configs as one reproducible .tar.gz plus SHA256SUMS.

The archive holds <name>/site/ (what the web server serves) and <name>/deploy/ (nginx, Apache and IIS
configs and the webmaster's notes). Entries are sorted and carry a fixed time and owner, so the same site
gives the same bytes, and webmasters can verify what they deploy.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import tarfile
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

# deploy/ configs are written for a site at /zwgk/. There, a URL path begins after a space, a quote or the
# ^ of a regular expression; a file-system path (alias /var/www/zwgk/) does not, and stays as written.
WRITTEN_FOR = "/zwgk/"
_URL_PATH = re.compile(r"(?<=[\s\"'^])" + re.escape(WRITTEN_FOR))
CONFIGS = ("nginx.conf", ".htaccess", "web.config")
LEGACY_REDIRECTS = "legacy-redirects"  # the names hooks/zwgk/legacy/redirects.py writes begin so


def url_path(base_url: str | None) -> str:
    """The path the site is served at: that of 网站地址, else the server root (as MkDocs assumes then)."""
    return urlsplit(base_url).path if base_url else "/"


def deploy_config(text: str, path: str) -> str:
    """A deploy/ config for a site served at `path`; comment lines stay as written."""
    return "".join(line if line.lstrip().startswith(("#", "<!--")) else _URL_PATH.sub(path, line)
                   for line in text.splitlines(keepends=True))


def deploy_files(deploy_dir: Path, path: str) -> dict[str, bytes]:
    """Every file of deploy/ (name → bytes), the server configs made for `path`."""
    files = {}
    for file in sorted(p for p in deploy_dir.iterdir() if p.is_file()):
        data = file.read_bytes()
        if file.name in CONFIGS:
            data = deploy_config(data.decode("utf-8"), path).encode("utf-8")
        files[file.name] = data
    return files


def own_deploy_files(deploy_dir: Path) -> dict[str, bytes]:
    """What `build.py migrate` wrote into the site's own deploy/: the redirect maps of its old URLs, already made
    for the site's path. They go into the package beside the tool's configs."""
    if not deploy_dir.is_dir():
        return {}
    return {file.name: file.read_bytes() for file in sorted(deploy_dir.iterdir())
            if file.is_file() and file.name.startswith(LEGACY_REDIRECTS)}


def _info(name: str, mtime: int, size: int | None = None) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
    if size is None:
        info.type, info.mode = tarfile.DIRTYPE, 0o755
    else:
        info.size, info.mode = size, 0o644
    return info


def make_package(site_dir: Path, deploy: dict[str, bytes], dist_dir: Path, name: str, day: date,
                 mtime: int = 0) -> Path:
    """Write dist/<name>-<YYYYMMDD>.tar.gz and dist/SHA256SUMS; return the archive."""
    dist_dir.mkdir(parents=True, exist_ok=True)
    archive = dist_dir / f"{name}-{day:%Y%m%d}.tar.gz"
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(_info(name, mtime))
        tar.addfile(_info(f"{name}/site", mtime))
        for path in sorted(site_dir.rglob("*")):
            entry = f"{name}/site/{path.relative_to(site_dir).as_posix()}"
            if path.is_dir():
                tar.addfile(_info(entry, mtime))
            else:
                with path.open("rb") as data:
                    tar.addfile(_info(entry, mtime, path.stat().st_size), data)
        tar.addfile(_info(f"{name}/deploy", mtime))
        for file_name, data in sorted(deploy.items()):
            tar.addfile(_info(f"{name}/deploy/{file_name}", mtime, len(data)), io.BytesIO(data))
    with archive.open("wb") as out, gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=mtime) as packed:
        packed.write(raw.getvalue())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (dist_dir / "SHA256SUMS").write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive
