"""Giving memory back to the system (hooks/zwgk/base/memory.py) must not change what is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_trimming_after_every_page_builds_the_same_bytes_as_never_trimming(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    sites = {}
    for every in ("1", "0"):  # 1: trim after each page rendered; 0: never
        tree = copy_fixture("mini", tmp_path / f"trim-{every}")
        monkeypatch.setenv("ZWGK_TRIM_EVERY", every)
        result = run_cli("--root", tree, "build", "--site-dir", tree / "site")
        assert result.code == 0, result.err
        sites[every] = _files(tree / "site")
    assert len(sites["1"]) > 20
    assert sites["1"].keys() == sites["0"].keys()
    assert [p for p in sites["1"] if sites["1"][p] != sites["0"][p]] == []
