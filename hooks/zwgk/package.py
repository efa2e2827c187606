"""The deployable package: the built site as one reproducible .tar.gz plus SHA256SUMS.

Entries are sorted and carry a fixed time and owner, so the same site gives the same bytes,
and webmasters can verify what they deploy.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
from datetime import date
from pathlib import Path


def _add(tar: tarfile.TarFile, path: Path, name: str, mtime: int) -> None:
    info = tar.gettarinfo(str(path), arcname=name)
    info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
    info.mode = 0o755 if info.isdir() else 0o644
    if info.isfile():
        with path.open("rb") as data:
            tar.addfile(info, data)
    else:
        tar.addfile(info)


def make_package(site_dir: Path, dist_dir: Path, name: str, day: date, mtime: int = 0) -> Path:
    """Write dist/<name>-<YYYYMMDD>.tar.gz (top folder <name>/) and dist/SHA256SUMS; return the archive."""
    dist_dir.mkdir(parents=True, exist_ok=True)
    archive = dist_dir / f"{name}-{day:%Y%m%d}.tar.gz"
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, site_dir, name, mtime)
        for path in sorted(site_dir.rglob("*")):
            _add(tar, path, f"{name}/{path.relative_to(site_dir).as_posix()}", mtime)
    with archive.open("wb") as out, gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=mtime) as packed:
        packed.write(raw.getvalue())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (dist_dir / "SHA256SUMS").write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive
