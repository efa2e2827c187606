"""The site search index (hooks/zwgk/site/search.py): how text is cut into tokens, and what the index holds.

Queries in a real browser are in test_browser.py (search page under a sub-path); leaks in test_no_leaks.py.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from zwgk.site.search import index_text, tokens


@pytest.mark.parametrize(("text", "expected"), [
    ("养老", ["养老"]),
    ("养老服务补贴", ["养老", "老服", "服务", "务补", "补贴"]),
    ("县", ["县"]),
    ("示政办发〔2024〕3号", ["示政", "政办", "办发", "2024", "3", "号"]),
    ("ＰＭ２．５浓度", ["PM2", "5", "浓度"]),  # full-width letters and digits count as ASCII
    ("“一卡通”，发放", ["一卡", "卡通", "发放"]),
])
def test_chinese_is_cut_into_overlapping_pairs_and_numbers_kept_whole(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize("typed", ["〔2024〕3号", "[2024]3号", "【2024】3号", "(2024)3号", "2024 3号", "2024　3号"])
def test_every_way_of_typing_a_document_number_gives_the_same_tokens(typed: str) -> None:
    assert tokens(typed) == ["2024", "3", "号"]


def test_indexed_text_keeps_punctuation_beside_the_tokens_for_excerpts() -> None:
    assert index_text("加强管理，做好“一卡通”发放。") == "加强 强管 管理， 做好“ 一卡 卡通” 发放。"
    assert index_text("示政办发〔2024〕3号") == "示政 政办 办发〔 2024〕 3 号"
    assert index_text("（一）总则") == "（一） 总则"


def fragments(site: Path) -> dict[str, dict]:
    """Every record of the built index (Pagefind fragments are gzip files starting with `pagefind_dcd`)."""
    found = {}
    for path in (site / "pagefind").glob("**/fragment/*.pf_fragment"):  # every part of the index
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        record = json.loads(data[len(b"pagefind_dcd"):])
        found[record["url"]] = record
    return found


def test_index_holds_the_published_documents_interpretations_and_pages(mini_site: Path) -> None:
    records = fragments(mini_site)
    assert set(records) == {
        "/wj/cjf-2023-9.html", "/wj/cjf-2024-1.html", "/wj/cjf-2024-2.html",
        "/wj/cjf-2024-3.html",  # 此件依申请公开: its metadata page
        "/zcjd/jd-cjf-2024-1.html",
        "/zhinan/index.html", "/zhidu/zhudong-zhidu.html", "/nianbao/nianbao-2024.html", "/qtxx/jigou.html",
    }
    public = records["/wj/cjf-2024-1.html"]
    assert public["meta"] == {"title": "测试县义务教育阶段学生资助管理办法", "number": "测教发〔2024〕1号",
                              "date": "2024-03-05", "kind": "政策文件"}
    assert public["filters"] == {}  # Pagefind 1.5 writes filters in a random order (see search.py)
    assert "PUBLICBODYMARKER" in public["content"]
    assert "测教 教发〔 2024〕 1 号" in public["content"]
    assert (mini_site / "pagefind" / "parts.json").read_text() == "[]"  # a small site's index is one part
    # the editor wrote 测教发[2024]2号; the site shows (and indexes) the corrected 〔〕 form
    assert records["/wj/cjf-2024-2.html"]["meta"]["number"] == "测教发〔2024〕2号"


def test_on_request_document_is_found_by_its_metadata_only(mini_site: Path) -> None:
    record = fragments(mini_site)["/wj/cjf-2024-3.html"]
    assert record["meta"]["title"].startswith("ONREQUESTTITLE")
    assert "ONREQUESTTITLE" in record["content"] and "测教发" not in record["content"]  # cut into pairs
    for hidden in ("ONREQUESTBODYMARKER", "ONREQUESTSUMMARYMARKER", "ONREQUESTATTACHMENTMARKER"):
        assert hidden not in record["content"]


def test_search_page_is_built_with_the_form_and_the_index_beside_it(mini_site: Path) -> None:
    from conftest import article

    form = article(mini_site, "search.html").css_first("form.zw-search")
    assert form.attributes["data-bundle"] == "pagefind/pagefind.js"
    assert form.attributes["action"] == "search.html"
    assert (mini_site / "pagefind" / "pagefind.js").is_file()
    assert (mini_site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (mini_site / "pagefind" / "pagefind-ui.js").exists()  # Pagefind's own UI is not used
    assert not (mini_site / "search").exists()  # Material's search index is gone


@pytest.fixture
def mini_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - a zwgk SiteBuild
    """The mini tree loaded and checked, its search index cut into parts of 4 records."""
    from datetime import date

    from conftest import copy_fixture
    from zwgk.site import search
    from zwgk.build.sitebuild import prepare

    site, _ = prepare(copy_fixture("mini", tmp_path / "tree"), date(2024, 7, 1))
    assert site is not None
    monkeypatch.setattr(search, "PART_SIZE", 4)
    return site


def test_index_written_beside_the_build_in_parts_equals_the_one_written_at_once(tmp_path: Path, mini_in_parts) -> None:  # noqa: ANN001
    """build.py indexes parts in other processes, one or two at a time; the result is the same bytes as
    indexing the parts one after the other."""
    site = mini_in_parts
    at_once, beside = tmp_path / "at-once", tmp_path / "beside"
    at_once.mkdir()
    beside.mkdir()
    stats = site.search_index(at_once)
    pending = site.start_search_index()
    assert pending.finish(beside).records == stats.records > 8
    files = sorted(p.relative_to(at_once) for p in at_once.rglob("*") if p.is_file())
    assert json.loads((at_once / "pagefind/parts.json").read_text()) == [f"{n}/" for n in range(1, -(-stats.records // 4))]
    assert files == sorted(p.relative_to(beside) for p in beside.rglob("*") if p.is_file())
    assert all((at_once / f).read_bytes() == (beside / f).read_bytes() for f in files)


def test_without_room_in_memory_the_pages_for_pagefind_go_to_the_temporary_folder(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Containers often give /dev/shm 64 MB: then Pagefind reads its pages from the usual temporary folder."""
    from datetime import date

    from conftest import copy_fixture
    from zwgk.site import search
    from zwgk.build.sitebuild import prepare

    site, _ = prepare(copy_fixture("mini", tmp_path / "tree"), date(2024, 7, 1))
    assert site is not None
    monkeypatch.setattr(search, "_MEMORY_NEEDED", 1 << 62)
    assert search._pages_dir() is None
    used: list[Path] = []
    run = search._run_pagefind
    monkeypatch.setattr(search, "_run_pagefind", lambda pages, out: (used.append(pages), run(pages, out)))
    stats = site.search_index(tmp_path)
    assert stats.records > 8 and (tmp_path / "pagefind" / "pagefind-entry.json").is_file()
    assert used and not str(used[0]).startswith("/dev/shm")


def test_serve_writes_again_only_the_part_of_the_index_that_changed(tmp_path: Path, mini_in_parts) -> None:  # noqa: ANN001
    """serve keeps the parts of its index: after an edit, the part holding the edited record is indexed again
    and the others are linked in unchanged; the result is the index a fresh build writes."""
    import dataclasses
    from zwgk.site.serve_index import BackgroundIndex

    site = mini_in_parts
    served, fresh = tmp_path / "served", tmp_path / "fresh"
    served.mkdir()
    fresh.mkdir()
    index = BackgroundIndex()
    index.request(site.public, site.bodies, served)
    index.wait()

    def files(site_dir: Path) -> dict[Path, os.stat_result]:
        return {p.relative_to(site_dir): p.stat() for p in (site_dir / "pagefind").rglob("*") if p.is_file()}

    before = files(served)
    first, *others = site.public.documents  # the first record: in the first part, pagefind/ itself
    edited = dataclasses.replace(site.public, documents=(dataclasses.replace(first, title="改过的标题"), *others))
    index.request(edited, site.bodies, served)
    index.wait()
    after = files(served)
    assert "改过的标题" in {r["meta"]["title"] for r in fragments(served).values()}
    kept = {f for f in after if f.parts[1].isdigit()}  # pagefind/1/…, pagefind/2/…: the other parts
    assert kept and all(after[f].st_ino == before[f].st_ino for f in kept)
    assert any(f not in before for f in after if not f.parts[1].isdigit())  # the first part's new fragment
    site.public = edited
    site.search_index(fresh)
    assert sorted(after) == sorted(files(fresh))
    assert all((served / f).read_bytes() == (fresh / f).read_bytes() for f in after)


def test_serve_removes_the_index_parts_a_killed_serve_left_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from zwgk.base import scratch

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # its pid is free now
    dead, alive = tmp_path / f"zwgk-serve-search-{ended.pid}-abc", tmp_path / f"zwgk-serve-search-{os.getpid()}-abc"
    for folder in (dead, alive):
        (folder / "part-0").mkdir(parents=True)
    scratch.remove_left_behind()
    assert alive.is_dir() and not dead.exists()
