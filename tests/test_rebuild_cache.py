"""`build.py build` again reuses what the last build made (<root>/.cache/build/): the result must be byte for
byte the site a clean build of the same content makes, and a spoilt or foreign cache is ignored with a warning.

Each test builds the small tree, changes it, builds again with the cache, builds the same content from a copy
without any cache (--no-cache), and compares the two sites file by file."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest import Run, copy_fixture, edit, page, run_cli

from zwgk.build.page_cache import ObjectDigests, stable_bytes

WITHDRAWN = """---
标题: WITHDRAWNTITLE测试县校车安全管理通知
文号: 测教发〔2024〕8号
发文机关: 测试县教育局
成文日期: 2024-03-01
发布日期: 2024-03-05
公开属性: 此件公开发布
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
---
WITHDRAWNBODYMARKER 校车安全管理的正文，写得足够长，长过三十个字，泄密检查才会逐段查找它。
"""
DOC_FILE = "content/documents/2024/cjf-2024-8.md"
MANIFEST = ".cache/build/pages.json"
_REUSED = re.compile(r"沿用上次生成的页面 ([0-9,]+) 个，重新生成 ([0-9,]+) 个")


def _build(tree: Path, *flags: str) -> Run:
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site", *flags)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    return result


def _first_build(tmp_path: Path) -> Path:
    tree = copy_fixture("mini", tmp_path)
    (tree / DOC_FILE).write_text(WITHDRAWN, encoding="utf-8")
    _build(tree)
    _build(tree)  # the first build registered index numbers and the update log: content as an editor commits it
    return tree


def _clean_copy(tree: Path, tmp_path: Path) -> Path:
    """The content as committed after the first build (index numbers, update log), without site/ or cache."""
    clean = tmp_path / "clean" / tree.name
    shutil.copytree(tree, clean, ignore=shutil.ignore_patterns(".cache", "site", ".site*"))
    return clean


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _same_sites(cached: Path, clean: Path) -> None:
    ours, theirs = _files(cached / "site"), _files(clean / "site")
    assert sorted(ours) == sorted(theirs)
    differ = [rel for rel in ours if ours[rel] != theirs[rel]]
    assert not differ, differ[:10]


def _reused(result: Run) -> tuple[int, int]:
    """(pages taken from the last site, pages rendered) as the build says; (0, all) when it reused nothing."""
    found = _REUSED.search(result.err)
    if found is None:
        return 0, -1
    return int(found.group(1).replace(",", "")), int(found.group(2).replace(",", ""))


def _both(tree: Path, tmp_path: Path, change, *flags: str) -> Run:  # noqa: ANN001 - change(tree)
    """Apply `change` to the tree and to a clean copy of it, build both, compare; the cached build's output."""
    clean = _clean_copy(tree, tmp_path)
    change(tree)
    change(clean)
    result = _build(tree, *flags)
    _build(clean, "--no-cache")
    _same_sites(tree, clean)
    return result


def _warnings(result: Run) -> list[str]:
    return [line for line in result.err.splitlines() if line.startswith("构建缓存 ")]


def test_unchanged_content_reuses_every_page(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    result = _both(tree, tmp_path, lambda t: None)
    reused, rendered = _reused(result)
    assert reused > 20 and rendered == 0
    assert "站内搜索索引沿用上次生成的 1 部分" in result.err
    assert (tree / "site" / "404.html").is_file()
    assert not _warnings(result)


def test_edit_one_body_renders_only_its_pages(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    result = _both(tree, tmp_path, lambda t: edit(t, "content/documents/2024/cjf-2024-1.md", "制定本办法。",
                                                  "制定本办法。EDITEDBODYMARKER"))
    reused, rendered = _reused(result)
    # the document's page, the lists and update log that show it changed: a few pages, not the site
    assert 1 <= rendered < reused, result.err
    assert "EDITEDBODYMARKER" in page(tree / "site", "wj/cjf-2024-1.html").text()


def test_rename_a_document(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)

    def rename(t: Path) -> None:
        (t / DOC_FILE).rename(t / "content/documents/2024/cjf-2024-18.md")

    _both(tree, tmp_path, rename)
    assert not (tree / "site" / "wj/cjf-2024-8.html").exists()
    assert (tree / "site" / "wj/cjf-2024-18.html").is_file()


def test_delete_a_document(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    assert (tree / "site" / "wj/cjf-2024-8.html").is_file()
    _both(tree, tmp_path, lambda t: (t / DOC_FILE).unlink())
    assert not (tree / "site" / "wj/cjf-2024-8.html").exists()


def _site_text(site: Path) -> str:
    """Everything a reader or program gets from the site: pages as text and as markup, the other files as they
    are, the gzipped search index decompressed (without its spaces, as it cuts words in pairs)."""
    texts = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8", errors="replace")
        texts.append(text.replace(" ", "") if "pagefind" in path.parts else text)
        if path.suffix == ".html":
            texts.append(page(site, path.relative_to(site).as_posix()).text())
    return "\n".join(texts)


def test_withdrawn_document_disappears_from_every_file(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    before = _site_text(tree / "site")
    assert "WITHDRAWNTITLE" in before and "WITHDRAWNBODYMARKER" in before

    def withdraw(t: Path) -> None:
        edit(t, DOC_FILE, "公开属性: 此件公开发布", "公开属性: 此件不予公开\n"
             "不予公开理由: 属于讨论记录、过程稿、磋商信函、请示报告等过程性信息")

    result = _both(tree, tmp_path, withdraw)
    assert _reused(result)[0] > 0  # the rest of the site was reused, and still nothing of it is left
    after = _site_text(tree / "site")
    for secret in ("WITHDRAWNTITLE", "WITHDRAWNBODYMARKER", "测教发〔2024〕8号", "校车安全管理"):
        assert secret not in after, secret
    assert not (tree / "site" / "wj/cjf-2024-8.html").exists()


def test_title_edit_renders_the_lists_that_show_it(tmp_path: Path) -> None:
    """A title is on the document's page and on every list, facet and update-log page that shows the document:
    all of those must render again (their keys hold the document's digest), the rest is reused."""
    tree = _first_build(tmp_path)
    result = _both(tree, tmp_path, lambda t: edit(t, DOC_FILE, "标题: WITHDRAWNTITLE", "标题: RETITLEDMARKER"))
    reused, rendered = _reused(result)
    assert 2 <= rendered < reused, result.err
    showing = [rel for rel, body in _files(tree / "site").items() if rel.endswith(".html") and b"RETITLEDMARKER" in body]
    assert len(showing) >= 3, showing  # its page and at least two lists
    assert "RETITLEDMARKER" in page(tree / "site", "wj/cjf-2024-8.html").text()


@dataclass
class _Inner:
    tags: set[str]


@dataclass
class _Outer:
    name: str
    inner: _Inner
    more: list[_Inner]


def test_object_digests_follow_content_not_identity() -> None:
    a = _Outer("x", _Inner({"b", "a"}), [_Inner({"c"})])
    b = _Outer("x", _Inner({"a", "b"}), [_Inner({"c"})])
    assert stable_bytes(a) == stable_bytes(b)  # equal content, distinct objects, sets in another order
    digests = ObjectDigests()
    first = stable_bytes([a, a], digests=digests)
    assert first == stable_bytes([a, b])  # the memo of one build changes nothing in the bytes
    b.more[0].tags.add("d")  # a change two levels down changes the digest of the whole
    assert stable_bytes(a) != stable_bytes(b)


def test_change_a_catalogue_item(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    result = _both(tree, tmp_path, lambda t: edit(t, "catalogues/county/education.yml", "招生计划、范围、程序",
                                                  "招生计划、范围、程序和CATALOGUEMARKER"))
    assert "CATALOGUEMARKER" in _site_text(tree / "site")
    assert _reused(result)[0] > 0


def test_site_yml_change_renders_every_page(tmp_path: Path) -> None:
    """site.yml is in every page (the footer): the global signature changes, nothing is reused. The
    templates ship with the tool, so a template change is tested the same way through the tool signature
    (test_foreign_cache_is_ignored) rather than by editing the tool's theme/."""
    tree = _first_build(tmp_path)
    result = _both(tree, tmp_path, lambda t: edit(t, "content/site.yml", "电话: 0000-0000000", "电话: 0000-0000009"))
    assert _reused(result) == (0, -1)
    assert "0000-0000009" in page(tree / "site", "wj/cjf-2024-8.html").text()


def _spoil(tree: Path, how) -> None:  # noqa: ANN001 - how(bytes) -> bytes
    manifest = tree / MANIFEST
    manifest.write_bytes(how(manifest.read_bytes()))


def _edit_body(t: Path) -> None:
    edit(t, DOC_FILE, "WITHDRAWNBODYMARKER", "WITHDRAWNBODYMARKER SPOILTCACHEMARKER")


def _one_warning(result: Run, why: str, file: str = MANIFEST) -> None:
    warnings = _warnings(result)
    assert len(warnings) == 1, result.err
    assert warnings[0].startswith(f"构建缓存 {file} 无法使用（") and warnings[0].endswith("本次完整生成")
    assert why in warnings[0]
    assert _reused(result) == (0, -1)


def test_garbage_manifest_is_ignored(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    _spoil(tree, lambda raw: b"\x00\xff garbage" + raw[:40])
    result = _both(tree, tmp_path, _edit_body)
    _one_warning(result, "损坏")
    assert "SPOILTCACHEMARKER" in page(tree / "site", "wj/cjf-2024-8.html").text()


def test_truncated_manifest_is_ignored(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    _spoil(tree, lambda raw: raw[: len(raw) // 2])
    _one_warning(_both(tree, tmp_path, _edit_body), "损坏")


def test_wrong_types_in_manifest_are_ignored(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)

    def wrong(raw: bytes) -> bytes:
        data = json.loads(raw)
        data["body"]["pages"] = {path: 7 for path in data["body"]["pages"]}
        return json.dumps(data).encode()

    _spoil(tree, wrong)
    _one_warning(_both(tree, tmp_path, _edit_body), "格式不对")


def test_foreign_cache_is_ignored(tmp_path: Path) -> None:
    """Another tool signature (another version of the code, templates, mkdocs.yml or libraries)."""
    tree = _first_build(tmp_path)

    def foreign(raw: bytes) -> bytes:
        data = json.loads(raw)
        data["tool"] = "0" * 32
        return json.dumps(data).encode()

    _spoil(tree, foreign)
    _one_warning(_both(tree, tmp_path, _edit_body), "另一个版本")


def test_cache_of_another_root_is_ignored(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    moved = tmp_path / "moved" / tree.name
    shutil.copytree(tree, moved, symlinks=True)
    # every file of the cache is another folder's: the first one read (the input store) says so, once
    _one_warning(_both(moved, tmp_path, _edit_body), "另一个内容目录", ".cache/build/memo.sqlite")


def test_hand_edited_page_is_not_reused(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    hand = tree / "site" / "wj/cjf-2024-1.html"
    hand.write_text(hand.read_text(encoding="utf-8").replace("制定本办法", "HANDEDITED"), encoding="utf-8")
    _one_warning(_both(tree, tmp_path, lambda t: None), "被改动过")
    assert "HANDEDITED" not in hand.read_text(encoding="utf-8")


def test_page_edited_in_place_to_the_same_size_is_not_reused(tmp_path: Path) -> None:
    """The last site's pages are read again only when their size, time or inode differ from those recorded:
    an edit in place that keeps the size still changes the time, and is found."""
    tree = _first_build(tmp_path)
    hand = tree / "site" / "wj/cjf-2024-1.html"
    text = hand.read_text(encoding="utf-8")
    assert "制定本办法" in text
    with hand.open("r+b") as page:  # same inode, same size
        page.write(text.replace("制定本办法", "手工改的字").encode("utf-8"))
    _one_warning(_both(tree, tmp_path, lambda t: None), "被改动过")
    assert "手工改的字" not in hand.read_text(encoding="utf-8")


def test_no_cache_builds_in_full_and_writes_the_cache(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    (tree / MANIFEST).unlink()
    result = _both(tree, tmp_path, _edit_body, "--no-cache")
    assert _reused(result) == (0, -1) and not _warnings(result)
    assert (tree / MANIFEST).is_file()
    assert _reused(_build(tree))[0] > 20  # and the next build uses it


def test_spoilt_search_part_is_indexed_again(tmp_path: Path) -> None:
    tree = _first_build(tmp_path)
    (part,) = (tree / ".cache/build/search").iterdir()
    victim = next(p for p in sorted(part.rglob("*")) if p.is_file() and p.name != "files.json")
    victim.write_bytes(victim.read_bytes()[:10])
    result = _both(tree, tmp_path, lambda t: None)
    assert "站内搜索索引沿用" not in result.err
    assert any("重新生成这一部分站内搜索索引" in w for w in _warnings(result))


def test_pages_taken_from_the_last_site_are_trusted_by_their_digest_not_read(tmp_path: Path) -> None:
    """The link check and the leak audit take a reused page's bytes to be those the page cache verified
    (`placed`: path → digest), so they do not read it again; without `placed` they read the file."""
    from zwgk.base.problems import Problems
    from zwgk.checks.links import check_built_site
    from zwgk.content.model import Source

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text('<html><body><a href="b.html#x">b</a></body></html>', encoding="utf-8")
    (site / "b.html").write_text('<html><body><p id="x">x</p></body></html>', encoding="utf-8")

    def check(placed: dict[str, str] | None, known: dict | None = None) -> tuple[Problems, object]:
        problems = Problems(tmp_path)
        report = check_built_site(site, lambda _page, _href: Source("a.md", 1), problems, None, known, placed)
        return problems, report

    problems, first = check(None)
    assert not problems.errors
    # b.html changes on disk after its digest was verified: trusted, the old reading of it stands ...
    (site / "b.html").write_text('<html><body><p id="y">y</p></body></html>', encoding="utf-8")
    trusted, _ = check({"b.html": first.digests["b.html"]}, first.scanned)
    assert not trusted.errors
    # ... and read, the missing anchor is found
    read, _ = check(None, first.scanned)
    assert [p.message for p in read.errors] and "#x" in read.errors[0].message


def test_leak_audit_skips_only_trusted_pages_found_clean_under_the_same_secrets(tmp_path: Path) -> None:
    from zwgk.checks import leak_audit
    from zwgk.kinds.project import load_project
    from zwgk.site.publication import publish

    tree = copy_fixture("mini", tmp_path)
    (tree / DOC_FILE).write_text(WITHDRAWN.replace("此件公开发布", "此件不予公开\n不予公开理由: 内部事务信息"),
                                 encoding="utf-8")
    project, problems = load_project(tree)
    assert project is not None and not problems.errors, problems.report()
    public = publish(project)
    site = tmp_path / "site"
    site.mkdir()
    page_file = site / "a.html"
    page_file.write_text("<p>公开的内容</p>", encoding="utf-8")
    first = leak_audit.LeakAudit(project, public, site)
    first.scan([page_file])
    assert not first.hits
    digest = leak_audit.hashlib.blake2b(page_file.read_bytes(), digest_size=16).hexdigest()
    page_file.write_text("<p>WITHDRAWNBODYMARKER 校车安全管理的正文，写得足够长，长过三十个字，泄密检查才会逐段查找它。</p>",
                         encoding="utf-8")
    trusted = leak_audit.LeakAudit(project, public, site, first.clean)
    trusted.scan([page_file], {"a.html": digest})
    assert not trusted.hits  # taken to be the bytes found clean: not read
    read = leak_audit.LeakAudit(project, public, site, first.clean)
    read.scan([page_file])
    assert read.hits  # the file as it is now holds the withheld body


def test_a_search_part_planted_in_the_cache_with_its_digest_is_still_audited(tmp_path: Path) -> None:
    """A reused part whose files match files.json is linked into the site without being written; the leak
    audit still reads any of its files whose bytes it has not found clean before. Here a withheld title is
    planted in a kept part and files.json made to agree: the build must refuse, as for any leak."""
    tree = _first_build(tmp_path)
    (part,) = (tree / ".cache/build/search").iterdir()
    listed = json.loads((part / "files.json").read_text(encoding="utf-8"))
    victim = next(rel for rel in sorted(listed) if rel.startswith("fragment/"))
    secret = "WITHHELDTITLEMARKER关于学校人事安排的请示"
    planted = gzip.compress(b"pagefind_dcd" + json.dumps({"content": secret}, ensure_ascii=False).encode())
    (part / victim).write_bytes(planted)
    listed[victim] = hashlib.blake2b(planted, digest_size=16).hexdigest()
    (part / "files.json").write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site")
    assert "站内搜索索引沿用" in result.err  # the planted part was taken (its digests agree) ...
    assert result.code == 1 and f"pagefind/{victim}" in result.text  # ... and audited all the same


def test_leak_cache_with_a_key_of_another_form_is_not_used(tmp_path: Path) -> None:
    """leaks.json lists the files found clean by their keys; an empty key (which would match every file with
    no known digest) or any key not of the form the audit writes makes the whole file unusable."""
    from zwgk.checks import leak_audit

    tree = _first_build(tmp_path)
    path = tree / ".cache/build/leaks.json"
    good = json.loads(path.read_text(encoding="utf-8"))
    assert leak_audit.cached_clean(tree) is not None and good["body"]["clean"]
    for wrong in ("", "abc", "0" * 32 + "/x"):
        data = json.loads(json.dumps(good))
        data["body"]["clean"].append(wrong)
        path.write_text(json.dumps(data), encoding="utf-8")
        assert leak_audit.cached_clean(tree) is None, wrong
    # a page newly rendered with a withheld passage in it is found with that file in place
    edit(tree, "content/documents/2024/cjf-2024-1.md", "第二条", "WITHHELDTITLEMARKER关于学校人事安排的请示 第二条")
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site")
    assert result.code == 1 and "WITHHELDTITLEMARKER" in result.text


def test_link_check_cache_round_trip_and_spoilt_forms(tmp_path: Path) -> None:
    """links.json numbers each id and link once; reading it gives back what was saved, and a file whose
    numbers are of the wrong type or out of range is not used (the pages are parsed anew, the site the same)."""
    from zwgk.checks import links

    report = links.LinkReport()
    d1, d2 = "1" * 32, "2" * 32
    report.scanned = {d1: links.ScannedPage({"top", "x"}, ["../index.html", "#top", "../index.html"]),
                      d2: links.ScannedPage(set(), ["../index.html"])}
    root = tmp_path / "root"
    root.mkdir()
    links.save_pages(root, report)
    assert links.cached_pages(root) == report.scanned
    saved = json.loads((root / ".cache/build/links.json").read_text(encoding="utf-8"))
    assert saved["body"]["strings"].count("../index.html") == 1

    tree = _first_build(tmp_path)
    path = tree / ".cache/build/links.json"
    good = json.loads(path.read_text(encoding="utf-8"))
    digest = next(iter(good["body"]["pages"]))
    spoilt = [{"pages": {digest: [[99999], []]}}, {"pages": {digest: ["ab", []]}}, {"strings": [1, 2]}, {"pages": 7},
              {"pages": {digest: [[-1], []]}}, {"pages": {digest: [[True], []]}},
              {"pages": {**good["body"]["pages"], "": [[], []]}}]  # an empty digest would stand for unread pages
    for spoil in spoilt:
        data = json.loads(json.dumps(good))
        data["body"].update(spoil)
        path.write_text(json.dumps(data), encoding="utf-8")
        assert links.cached_pages(tree) == {}
    _both(tree, tmp_path, _edit_body)  # with the last of them in place: a clean build's site
