"""`build.py serve`: the preview follows edits, and an edit re-renders only the pages it changes."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, copy_fixture, edit, free_port
from selectolax.lexbor import LexborHTMLParser

DOC = "content/documents/2024/cjf-2024-1.md"
TITLE = "测试县义务教育阶段学生资助管理办法"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def _wait_for(predicate, seconds: float = 90) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("serve did not get there in time")


@pytest.fixture
def served(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, str, Path]]:
    """serve on a copy of the mini tree; parametrized with extra arguments of serve (--poll)."""
    tree = copy_fixture("mini", tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(tree), "serve",
                                 "--addr", f"127.0.0.1:{port}", *getattr(request, "param", [])], stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: _get(base + "index.html")[0] == 200)
        yield tree, base, log
    finally:
        proc.terminate()
        # stopped by a service manager (SIGTERM), serve cleans up as on Ctrl-C: its index process, its preview site
        assert proc.wait(timeout=20) == 0


def _title(html: str) -> str:
    return LexborHTMLParser(html).css_first("main h1").text().strip()


def _list_titles(html: str) -> list[str]:
    return [a.text().strip() for a in LexborHTMLParser(html).css("main a")]


# serve hears of edits from the system; with --poll (network drives) it lists the files itself, as MkDocs does
@pytest.mark.parametrize("served", [[], ["--poll"]], indirect=True, ids=["told", "polling"])
def test_an_edit_shows_on_the_page_and_in_the_lists_and_nothing_else_is_rewritten(served) -> None:  # noqa: ANN001
    tree, base, log = served
    assert _title(_get(base + "wj/cjf-2024-1.html")[1]) == TITLE
    assert TITLE in _list_titles(_get(base + "zcwj/index.html")[1])
    builds_before = log.read_text(encoding="utf-8").count("页面生成完毕")

    edit(tree, DOC, f"标题: {TITLE}", "标题: 改过标题的资助管理办法")
    _wait_for(lambda: _title(_get(base + "wj/cjf-2024-1.html")[1]) == "改过标题的资助管理办法")
    _wait_for(lambda: log.read_text(encoding="utf-8").count("页面生成完毕") > builds_before)
    assert "改过标题的资助管理办法" in _list_titles(_get(base + "zcwj/index.html")[1])
    # A change of the body alone re-renders the document's page and nothing else.
    edit(tree, DOC, "第二条 本办法自发布之日起施行。", "第二条 本办法自印发之日起施行。")
    _wait_for(lambda: "自印发之日起施行" in _get(base + "wj/cjf-2024-1.html")[1])
    _wait_for(lambda: _rebuilt(log)[-1:] == [1])
    first_rebuild, total = _rebuilt(log, total=True)[0]
    assert 1 < first_rebuild < total / 2  # the title shows on the page, its lists and the home page
    # Building reads the content files: that is not an edit, and serve stays quiet until the next one.
    settled = log.read_text(encoding="utf-8").count("页面生成完毕")
    time.sleep(3)
    assert log.read_text(encoding="utf-8").count("页面生成完毕") == settled


def _rebuilt(log: Path, total: bool = False) -> list:
    """How many pages each rebuild rendered, from serve's own report."""
    found = re.findall(r"重新生成 (\d+) 个页面（共 (\d+) 个）", log.read_text(encoding="utf-8"))
    return [(int(n), int(t)) for n, t in found] if total else [int(n) for n, _ in found]


def test_a_deleted_document_disappears_and_an_error_keeps_the_last_good_site(served) -> None:  # noqa: ANN001
    tree, base, log = served
    (tree / "content/documents/2024/cjf-2024-4.md").unlink()
    _wait_for(lambda: _get(base + "wj/cjf-2024-4.html")[0] == 404)

    edit(tree, DOC, "公开属性: 此件公开发布", "公开属性: 此件公开的")  # no piece of an option, which serve would complete
    _wait_for(lambda: "此件公开的" in log.read_text(encoding="utf-8").split("改过")[-1]
              and "不在可选范围内" in log.read_text(encoding="utf-8"))
    assert _title(_get(base + "wj/cjf-2024-1.html")[1]) == TITLE


def test_garbage_is_collected_after_a_rebuild_not_during_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """serve holds Python's garbage collection during a rebuild and runs it when the editor has the page,
    unless the next rebuild has started; after a few rebuilds in a row it collects anyway."""
    import gc

    from zwgk.base import memo

    for name, value in (("_enabled", True), ("_built", False), ("_rebuilds", 0), ("_collected", 0), ("IDLE_SECONDS", 0.1)):
        monkeypatch.setattr(memo, name, value)
    try:
        memo.hold_garbage()
        assert gc.isenabled()  # the first build collects as usual
        memo.collect_when_idle()
        memo.hold_garbage()
        assert not gc.isenabled()
        memo.collect_when_idle()
        time.sleep(0.3)
        assert gc.isenabled() and memo._collected == 1
        memo.hold_garbage()
        memo.collect_when_idle()
        memo.hold_garbage()  # the next rebuild starts before the collection was due: it waits
        time.sleep(0.3)
        assert not gc.isenabled()
        collections = gc.get_stats()[2]["collections"]
        for _ in range(memo.HELD_REBUILDS):
            memo.collect_when_idle()
            memo.hold_garbage()
        assert gc.get_stats()[2]["collections"] > collections and not gc.isenabled()
    finally:
        gc.enable()


# watchdog warns, harmlessly, when a folder it watched comes back under the same name
@pytest.mark.filterwarnings("ignore:Callback with id:RuntimeWarning")
def test_serve_hears_of_edits_from_the_system_and_not_of_reads(tmp_path: Path) -> None:
    """The watcher build.py gives MkDocs' preview server: native, told of a config file saved as a new file
    (again and again), of a folder of documents moved away or in, and not of files being read."""
    import shutil

    from watchdog.observers.polling import PollingObserver

    from zwgk.commands.mkdocs_run import told_of_changes

    server = told_of_changes()(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    assert not isinstance(server.observer, PollingObserver)
    config, content = tmp_path / "mkdocs.yml", tmp_path / "content"
    config.write_text("site_name: a\n", encoding="utf-8")
    (content / "documents" / "2024").mkdir(parents=True)
    (content / "documents" / "2024" / "a.md").write_text("x", encoding="utf-8")
    server.watch(str(config))
    server.watch(str(content))
    server.observer.start()

    def heard(change) -> bool:  # noqa: ANN001
        server._want_rebuild = False
        change()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not server._want_rebuild:
            time.sleep(0.05)
        return server._want_rebuild

    def save_as_new(text: str) -> None:
        (tmp_path / "mkdocs.yml.tmp").write_text(text, encoding="utf-8")
        (tmp_path / "mkdocs.yml.tmp").replace(config)

    try:
        assert heard(lambda: save_as_new("site_name: b\n"))
        assert heard(lambda: save_as_new("site_name: c\n"))  # the watch outlives the first replacement
        assert not heard(lambda: (config.read_text(encoding="utf-8"),
                                  (content / "documents" / "2024" / "a.md").read_text(encoding="utf-8")))
        assert not heard(lambda: (tmp_path / "README.md").write_text("beside mkdocs.yml", encoding="utf-8"))
        assert heard(lambda: shutil.move(content / "documents" / "2024", tmp_path / "trash"))
        assert heard(lambda: shutil.move(tmp_path / "trash", content / "documents" / "2023"))  # and back in
    finally:
        server.observer.stop()
        server.observer.join()
