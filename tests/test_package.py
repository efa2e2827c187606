"""build.py package: the built site and its server configs (deploy/) as a reproducible archive with its checksum."""

from __future__ import annotations

import hashlib
import tarfile
from pathlib import Path

from conftest import copy_fixture, run_cli


def test_package_is_the_site_and_is_reproducible(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    result = run_cli("--root", tree, "package")
    assert result.code == 0, result.text
    archive = tree / "dist" / "zwgk-0000000001-20240701.tar.gz"
    sums = (tree / "dist" / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"
    with tarfile.open(archive) as tar:
        names = {m.name for m in tar.getmembers()}
        assert all(m.mtime == 0 and m.uid == 0 for m in tar.getmembers())
    site_files = {f"zwgk-0000000001/site/{p.relative_to(tree / 'site').as_posix()}" for p in (tree / "site").rglob("*")}
    deploy_files = {f"zwgk-0000000001/deploy/{name}" for name in ("nginx.conf", ".htaccess", "web.config", "README.md")}
    assert names == site_files | deploy_files | {"zwgk-0000000001", "zwgk-0000000001/site", "zwgk-0000000001/deploy"}
    first = archive.read_bytes()
    assert run_cli("--root", tree, "package").code == 0
    assert archive.read_bytes() == first


def test_package_refuses_content_with_errors(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / "content/pages/zhinan.md").unlink()
    result = run_cli("--root", tree, "package")
    assert result.code == 1
    assert not (tree / "dist").exists()
