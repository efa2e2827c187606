"""Putting the new site in place: one step, one build at a time, and nothing left behind by a killed build
(hooks/zwgk/build/site_folder.py, base/children.py, base/scratch.py, base/write_errors.py)."""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, copy_fixture, edit, run_cli

from zwgk.build import site_folder
from zwgk.build.site_folder import SiteFolder

DOCS = "content/documents/2024"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_fixture("mini", tmp_path)


def _site_with(folder: Path, marker: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(marker, encoding="utf-8")
    return folder


def _beside(tree: Path) -> list[str]:
    """The build's folders beside site/ (the lock file stays: it is the lock)."""
    return sorted(p.name for p in tree.glob(".site*") if p.name != ".site.lock")


def _wait_until_gone(tree: Path, pattern: str) -> None:
    deadline = time.monotonic() + 60  # a replaced site is deleted in the background
    while list(tree.glob(pattern)) and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.parametrize("exchange", [True, False], ids=["rename-exchange", "two-renames"])
def test_switch_puts_the_new_site_in_place_and_hands_back_the_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr(site_folder, "_exchange", lambda first, second: False)
    folder = SiteFolder(tmp_path / "site")
    _site_with(folder.target, "old")
    staging = folder.staging()
    (staging / "index.html").write_text("new", encoding="utf-8")
    replaced = folder.switch_to(staging)
    assert (folder.target / "index.html").read_text(encoding="utf-8") == "new"
    assert replaced is not None and (replaced / "site" / "index.html").read_text(encoding="utf-8") == "old"
    assert replaced.name.startswith(".site.trash-") and not staging.exists()
    assert not list(tmp_path.glob(".site.old-*"))


def test_the_switch_is_one_step_on_linux(tmp_path: Path) -> None:
    """renameat2(RENAME_EXCHANGE): at no moment is there no site/."""
    first, second = _site_with(tmp_path / "a", "a"), _site_with(tmp_path / "b", "b")
    assert site_folder._exchange(first, second)
    assert (first / "index.html").read_text(encoding="utf-8") == "b"
    assert (second / "index.html").read_text(encoding="utf-8") == "a"


def test_a_build_killed_between_two_renames_gets_its_site_back_even_if_the_next_build_fails(tree: Path) -> None:
    """The two-step switch was cut after its first rename: no site/, the old one as .site.old-PID."""
    _site_with(tree / ".site.old-4242", "the published site")
    _site_with(tree / ".site-k2j3", "half built")
    edit(tree, f"{DOCS}/cjf-2024-1.md", "发布日期: 2024-03-05", "发布日期: 2024-02-30")  # no such day
    result = run_cli("--root", tree, "build")
    assert result.code == 1
    assert f"上次生成在替换站点时中断，已恢复原来的站点 {tree / 'site'}" in result.err
    assert (tree / "site" / "index.html").read_text(encoding="utf-8") == "the published site"
    assert _beside(tree) == []


def test_the_next_build_removes_what_a_killed_build_left_beside_site(tree: Path) -> None:
    _site_with(tree / "site", "old")
    _site_with(tree / ".site-k2j3", "half built")
    _site_with(tree / ".site.trash-x8" / "site", "being deleted")
    _site_with(tree / ".site.old-4242", "an older site")
    result = run_cli("--root", tree, "build")
    assert result.code == 0, result.text
    assert "已删除上次中断的生成留下的 3 个文件夹" in result.err
    assert "上次生成在替换站点时中断" not in result.err  # site/ was there: nothing to restore
    _wait_until_gone(tree, ".site.*-*")
    assert _beside(tree) == []
    assert (tree / "site" / "index.html").stat().st_size > 1000


def test_a_second_build_at_the_same_time_is_refused_in_chinese(tree: Path) -> None:
    assert run_cli("--root", tree, "build").code == 0
    before = (tree / "site" / "index.html").read_bytes()
    fd = os.open(tree / ".site.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        os.ftruncate(fd, 0)
        os.write(fd, b"31337\n")
        result = run_cli("--root", tree, "build")
    finally:
        os.close(fd)
    assert result.code == 1
    assert f"另一个生成（进程 31337）正在写 {tree / 'site'}，这次没有运行" in result.err
    assert "Traceback" not in result.text and "ENOTEMPTY" not in result.text
    assert (tree / "site" / "index.html").read_bytes() == before
    assert run_cli("--root", tree, "build").code == 0  # the lock went with its holder


def test_two_builds_started_together_one_publishes_and_neither_breaks_the_site(tree: Path) -> None:
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(tree), "build", "--today", TODAY]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=600), run.stderr.read()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert 0 in [code for code, _ in results]
    for code, err in results:
        assert code == 0 or "正在写" in err, err
        assert "Traceback" not in err and "内部错误" not in err
    assert (tree / "site" / "index.html").is_file()


def _descendants(pid: int) -> set[int]:
    """Every process below `pid`, read from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent has not asked yet


def _names(pids: set[int]) -> list[str]:
    names = []
    for pid in pids:
        try:
            names.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120])
        except OSError:
            pass
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_a_killed_build_takes_its_children_with_it_and_the_next_build_cleans_up(tree: Path, tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "ZWGK_JOBS": "2"}
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(tree), "build", "--today", TODAY]
    build = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    # Kill it once the search index's workers run (they are spawned as the checks start).
    while time.monotonic() < deadline and build.poll() is None:
        seen |= _descendants(build.pid)
        if any("multiprocessing" in name and "spawn" in name for name in _names(seen)) and list(tree.glob(".site-*")):
            break
        time.sleep(0.02)
    assert build.poll() is None, "the build ended before it could be killed"
    seen |= _descendants(build.pid)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    assert seen, "the build had no children to watch"
    deadline = time.monotonic() + 15
    while any(map(_running, seen)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in seen if _running(pid)], _names({pid for pid in seen if _running(pid)})
    assert list(tree.glob(".site-*")), "the killed build left its half-built site (as a killed build does)"

    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    _wait_until_gone(tree, ".site.*-*")
    assert _beside(tree) == []
    dead = f"-{build.pid}-"
    assert not [p.name for p in scratch.iterdir() if dead in p.name]
    assert not [p.name for p in Path("/dev/shm").glob("zwgk-*") if not _alive_owner(p.name)]


def _alive_owner(name: str) -> bool:
    parts = name.split("-")
    pids = [int(part) for part in parts if part.isdigit()]
    return bool(pids) and _running(pids[0])


def test_the_next_build_removes_scratch_folders_of_dead_processes_only(tree: Path, tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # its pid is free now
    dead = [scratch / f"zwgk-search-{ended.pid}-ab12", scratch / f"zwgk-check-{ended.pid}-cd34"]
    alive = scratch / f"zwgk-search-{os.getpid()}-ef56"
    for folder in (*dead, alive):
        (folder / "part-0").mkdir(parents=True)
    env = {**os.environ, "TMPDIR": str(scratch)}
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(tree), "check", "--today", TODAY],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert alive.is_dir() and not any(folder.exists() for folder in dead)


def test_a_full_disk_is_told_in_chinese_and_the_old_site_stays(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT))
    import build as cli

    _site_with(tree / "site", "old")

    def full(self: SiteFolder) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.target.parent / ".site-x"))

    monkeypatch.setattr(SiteFolder, "staging", full)
    assert cli.main(["--root", str(tree), "build", "--today", TODAY]) == 1
    err = capsys.readouterr().err
    assert f"无法写入：{tree / '.site-x'}（磁盘已满）— 腾出磁盘空间" in err and "内部错误" not in err
    assert (tree / "site" / "index.html").read_text(encoding="utf-8") == "old"


def _mount(target: Path, options: str) -> bool:
    target.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    return done.returncode == 0


@pytest.mark.parametrize(("options", "told"), [("size=300k", "磁盘已满"), ("ro", "磁盘是只读的")], ids=["full", "read-only"])
def test_a_real_full_or_read_only_disk_gets_a_chinese_message(tree: Path, tmp_path: Path, options: str,
                                                             told: str) -> None:
    disk = tmp_path / "disk"
    if not _mount(disk, options):
        pytest.skip("this machine does not let tests mount a small file system")
    try:
        result = run_cli("--root", tree, "build", "--site-dir", disk / "site")
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
    assert result.code == 1, result.text
    assert told in result.err and "原来的站点没有改动" in result.err, result.err
    assert "内部错误" not in result.text and "Traceback" not in result.text
