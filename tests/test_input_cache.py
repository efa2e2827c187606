"""The input half of the build cache (base/build_store.py): `build.py build` reuses what the previous build
loaded, rendered and scanned from the same bytes, and the result is what a clean build gives."""

from __future__ import annotations

import filecmp
import pickle
import re
import shutil
import sqlite3
from pathlib import Path

from conftest import copy_fixture, edit, run_cli

DOC = "content/documents/2024/cjf-2024-1.md"
STORE = Path(".cache") / "build" / "memo.sqlite"
ID = "110101199003071233"  # a valid 身份证号 (checksum right)


def _build(tree: Path):  # noqa: ANN202 - conftest.Run
    return run_cli("--root", tree, "build", "--site-dir", tree / "site")


def _reused(stderr: str) -> tuple[int, int]:
    found = re.search(r"构建缓存：沿用上次的结果 (\d+) 项，重新计算 (\d+) 项", stderr)
    assert found, stderr
    return int(found[1]), int(found[2])


def _problems(stderr: str) -> list[str]:
    """The problem lines of a run, without the stage and cache lines."""
    return [line for line in stderr.splitlines() if line.startswith("    ") or line.startswith(("错误", "警告", "共 "))]


def _clean(tree: Path, tmp_path: Path, name: str = "clean"):  # noqa: ANN202
    """A build of the same content with no cache: a copy of the tree without .cache and site."""
    copy = tmp_path / name
    shutil.copytree(tree, copy, ignore=shutil.ignore_patterns(".cache", "site", ".site*"))
    return copy, _build(copy)


def _same_tree(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert filecmp.cmp(a / rel, b / rel, shallow=False), rel


def test_edited_body_rebuild_is_a_clean_build(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    first = _build(tree)
    assert first.code == 0, first.text
    assert _reused(first.err)[0] == 0
    assert (tree / STORE).is_file()
    edit(tree, DOC, "第二条 本办法自发布之日起施行。", "第二条 本办法自2024年4月1日起施行。EDITEDMARKER")
    again = _build(tree)
    assert again.code == 0, again.text
    hits, misses = _reused(again.err)
    assert hits > 10 and 0 < misses < 6  # the edited file's load, body and scan; the update log changed too
    copy, clean = _clean(tree, tmp_path)
    assert clean.code == 0, clean.text
    _same_tree(tree / "site", copy / "site")
    assert _problems(again.err) == _problems(clean.err)
    assert any("EDITEDMARKER" in p.read_text(encoding="utf-8") for p in (tree / "site").rglob("*.html"))


def test_unchanged_rebuild_renders_nothing(tmp_path: Path) -> None:
    """Proof the store is used: nothing is recomputed when nothing changed, not even the reading of the
    update log the first build wrote (that build gave the store what reading it gives)."""
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    again = _build(tree)
    assert again.code == 0, again.text
    hits, misses = _reused(again.err)
    assert hits > 10 and misses == 0


def test_site_yml_edit(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    text = (tree / "content/site.yml").read_text(encoding="utf-8")
    (tree / "content/site.yml").write_text(text + f"\n# 联系人身份证 {ID}\n", encoding="utf-8")
    again = _build(tree)
    copy, clean = _clean(tree, tmp_path)
    assert again.code == clean.code == 1
    assert "content/site.yml" in again.err and "1101**********1233" in again.err
    assert _problems(again.err) == _problems(clean.err)


def test_attachment_new_bytes_are_scanned(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    attachment = tree / "content/attachments/2024/资助标准表.txt"
    attachment.write_text(attachment.read_text(encoding="utf-8") + f"\n申请人身份证号：{ID}\n", encoding="utf-8")
    again = _build(tree)
    assert again.code == 1
    assert "content/attachments/2024/资助标准表.txt" in again.err and "1101**********1233" in again.err
    _, clean = _clean(tree, tmp_path)
    assert _problems(again.err) == _problems(clean.err)


def test_error_in_cached_file_at_its_line(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    edit(tree, DOC, "第二条 本办法自发布之日起施行。", "第二条 见[旧办法](../2023/nowhere.md)。")
    again = _build(tree)
    assert again.code == 1
    assert f"{DOC}:17: 正文中的链接“../2023/nowhere.md”指向的文件不存在" in again.err
    _, clean = _clean(tree, tmp_path)
    assert _problems(again.err) == _problems(clean.err)


def test_gbk_and_bom_after_utf8(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    path = tree / DOC
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    gbk = _build(tree)
    assert gbk.code == 1 and f"{DOC}:2: 文件不是 UTF-8 编码" in gbk.err
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    bom = _build(tree)
    assert bom.code == 0, bom.text
    copy, clean = _clean(tree, tmp_path)
    _same_tree(tree / "site", copy / "site")
    assert _problems(bom.err) == _problems(clean.err)


def _changed(good: bytes, tmp_path: Path, *statements: tuple[str, tuple]) -> bytes:
    """The store file `good` with SQL `statements` run on it."""
    copy = tmp_path / "store-copy.sqlite"
    copy.write_bytes(good)
    with sqlite3.connect(copy) as db:
        for sql, args in statements:
            db.execute(sql, args)
    db.close()
    return copy.read_bytes()


def _meta(name: str, value: str) -> tuple[str, tuple]:
    return "UPDATE meta SET value = ? WHERE name = ?", (value, name)


def _every_entry(value: bytes) -> tuple[str, tuple]:
    return "UPDATE entries SET value = ?", (value,)


def test_corrupted_and_foreign_stores_are_ignored(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    store = tree / STORE
    good = store.read_bytes()
    cases = {
        "garbage": b"not a database at all",
        "truncated": good[: len(good) // 2],
        "no tables": _changed(good, tmp_path, ("DROP TABLE meta", ()), ("DROP TABLE entries", ())),
        "foreign signature": _changed(good, tmp_path, _meta("signature", "another tool")),
        "foreign root": _changed(good, tmp_path, _meta("root", "/elsewhere")),
        "old format": _changed(good, tmp_path, _meta("format", "1")),
        "bad entry": _changed(good, tmp_path, _every_entry(b"\x80\x05junk")),
    }
    for name, data in cases.items():
        store.write_bytes(data)
        result = _build(tree)
        assert result.code == 0, (name, result.text)
        warnings = [line for line in result.err.splitlines() if line.startswith("构建缓存 .cache/build/memo.sqlite 无法使用")]
        assert len(warnings) == 1 and warnings[0].endswith("，本次完整生成"), (name, result.err)
        assert "Traceback" not in result.err
        assert _reused(result.err)[0] == 0, name
        copy, _ = _clean(tree, tmp_path, f"clean-{name.replace(' ', '-')}")
        _same_tree(tree / "site", copy / "site")
        assert store.read_bytes() != data  # rewritten for the next build
        assert [p.name for p in store.parent.iterdir() if p.name.startswith(".memo-")] == []  # no file left behind


class _Planted:
    def __reduce__(self):  # noqa: ANN204
        import os

        return (os.system, (f"touch {_Planted.marker}",))

    marker = ""


def test_planted_pickle_does_not_run(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    store = tree / STORE
    good = store.read_bytes()
    marker = tmp_path / "RAN"
    _Planted.marker = str(marker)
    planted = pickle.dumps(_Planted())
    for data, told in ((planted, "无法使用（内容已损坏"),  # a pickle in place of the file: not a database
                       (_changed(good, tmp_path, _every_entry(planted)), "无法使用（含有不允许的内容 posix.system")):
        store.write_bytes(data)
        result = _build(tree)
        assert result.code == 0, result.text
        assert told in result.err
        assert not marker.exists()


class _CallsPackage:
    """A planted entry that would call one of the package's own functions (it deletes a folder)."""

    folder = ""

    def __reduce__(self):  # noqa: ANN204
        from zwgk.commands.pipeline import remove_in_background

        return (remove_in_background, (Path(_CallsPackage.folder),))


def test_planted_call_of_a_package_function_is_refused(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    store = tree / STORE
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "file.txt").write_text("x", encoding="utf-8")
    _CallsPackage.folder = str(keep)
    store.write_bytes(_changed(store.read_bytes(), tmp_path, _every_entry(pickle.dumps(_CallsPackage()))))
    result = _build(tree)
    assert result.code == 0, result.text
    assert "无法使用（含有不允许的内容 zwgk.commands.pipeline.remove_in_background）" in result.err
    assert (keep / "file.txt").is_file()


def test_failed_build_keeps_the_old_store(tmp_path: Path) -> None:
    """A build that stops on an error leaves the store of the site still published, and no new file."""
    tree = copy_fixture("mini", tmp_path)
    assert _build(tree).code == 0
    store = tree / STORE
    good = store.read_bytes()
    edit(tree, DOC, "公开属性: 此件公开发布", "公开属性: 此件乱写")
    assert _build(tree).code == 1
    assert store.read_bytes() == good
    assert [p.name for p in store.parent.iterdir() if p.name.startswith(".memo-")] == []


def test_withhold_rename_delete_rebuild_is_a_clean_build(tmp_path: Path) -> None:
    """A document that becomes 此件不予公开 disappears from every output file on the rebuild; a renamed page
    and a deleted interpretation are as in a clean build."""
    tree = copy_fixture("mini", tmp_path)
    second = "content/documents/2024/cjf-2024-2.md"
    text = (tree / second).read_text(encoding="utf-8")
    (tree / second).write_text(text.rstrip("\n") + "\nSECONDBODYMARKER\n", encoding="utf-8")
    assert _build(tree).code == 0
    assert any("SECONDBODYMARKER" in p.read_text(encoding="utf-8", errors="replace") for p in (tree / "site").rglob("*.html"))
    edit(tree, second, "公开属性: 此件公开发布", "公开属性: 此件不予公开\n不予公开理由: 属于讨论记录、过程稿、磋商信函、请示报告等过程性信息")
    edit(tree, "content/documents/2024/cjf-2023-9.md", "替代文件: cjf-2024-2\n", "")
    edit(tree, DOC, "目录事项: [YWJY-01]", "目录事项: [YWJY-01, YWJY-02]")  # the item stays covered
    (tree / "content/pages/jigou.md").rename(tree / "content/pages/jigou-xinxi.md")
    again = _build(tree)
    assert again.code == 0, again.text
    assert _reused(again.err)[0] > 0
    copy, clean = _clean(tree, tmp_path)
    assert _problems(again.err) == _problems(clean.err)
    _same_tree(tree / "site", copy / "site")
    assert not any(b"SECONDBODYMARKER" in p.read_bytes() for p in (tree / "site").rglob("*") if p.is_file())
    (tree / "content/interpretations/jd-cjf-2024-1.md").unlink()  # deleted: its page goes too
    deleted = _build(tree)
    copy, clean = _clean(tree, tmp_path, "clean-deleted")
    assert deleted.code == clean.code, (deleted.text, clean.text)
    assert _problems(deleted.err) == _problems(clean.err)
    if deleted.code == 0:
        _same_tree(tree / "site", copy / "site")
