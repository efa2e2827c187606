"""A long build says what stage it is in and how far along, in Chinese; in a CI log it prints one line per
stage and no carriage returns; on a terminal it redraws the stage's line, counting the forked workers' work."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, copy_fixture, run_cli
from zwgk.base import parallel, progress

STAGES = ("读取内容", "生成正文", "检查内容", "生成页面", "检查站内链接", "发布前泄密检查", "等待站内搜索索引",
          "检查搜索索引有无泄密")
STAGE_LINE = re.compile(r"^(?P<name>[^：\s]+)：(?:(?P<count>[\d,]+) (?P<unit>\S+?)，)?用时 [\d.]+ 秒$")


def _stage_lines(text: str) -> dict[str, re.Match[str]]:
    found = {}
    for line in text.splitlines():
        match = STAGE_LINE.match(line)
        if match and match["name"] in STAGES:
            assert match["name"] not in found, f"阶段重复：{line}"
            found[match["name"]] = match
    return found


def test_build_in_a_log_prints_each_stage_once_with_counts_and_no_carriage_return(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    run = run_cli("--root", tree, "build")
    assert run.code == 0, run.text
    assert "\r" not in run.text and "\x1b" not in run.text
    stages = _stage_lines(run.err)
    assert list(stages) == list(STAGES), run.err
    built = [p for p in (tree / "site").rglob("*.html")]
    # every page our model makes is counted by the workers that render it (MkDocs adds its 404 page)
    assert int(stages["生成页面"]["count"].replace(",", "")) == len(built) - 1
    assert int(stages["检查站内链接"]["count"].replace(",", "")) == len(built)
    documents = len(list((tree / "content" / "documents").rglob("*.md")))
    assert int(stages["读取内容"]["count"].replace(",", "")) >= documents
    assert "页面生成完毕" not in run.err  # MkDocs' own line is said by the stage line instead


def test_content_errors_stop_before_any_page_is_rendered(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / "content" / "documents" / "2024" / "bad.md").write_text("---\n标题: 坏\n---\n正文\n", encoding="utf-8")
    run = run_cli("--root", tree, "check")
    assert run.code == 1
    assert list(_stage_lines(run.err)) == ["读取内容", "生成正文", "检查内容"], run.err
    assert run.err.index("检查内容：") < run.err.index("错误（7 个")


def test_serve_style_calls_stay_silent(capfd: pytest.CaptureFixture[str]) -> None:
    """Only build, check and package turn progress on: elsewhere a stage says nothing."""
    progress.disable()
    with progress.stage("生成页面", total=3):
        progress.advance(3)
    assert capfd.readouterr().err == ""


def _work(seconds: float) -> int:
    for _ in range(2):
        time.sleep(seconds)
        progress.advance()
    return os.getpid()


def test_terminal_redraws_with_counts_from_forked_workers(capfd: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    progress.enable(terminal=True)
    try:
        with progress.stage("生成页面", total=4):
            pids = parallel.run([partial(_work, 0.4), partial(_work, 0.4)])
    finally:
        progress.disable()
    assert len(set(pids)) == 2 and os.getpid() not in pids  # the counting really happened in two children
    err = capfd.readouterr().err
    frames = err.split("\r\x1b[K")
    drawn = [f for f in frames if f.startswith("生成页面：") and "/ 4 个" in f]
    assert drawn, err
    assert any(f.startswith("生成页面：2 / 4 个") or f.startswith("生成页面：3 / 4 个") for f in drawn), err
    assert frames[-1].startswith("生成页面：4 个，用时 ") and frames[-1].endswith(" 秒\n"), err


def test_a_build_on_a_terminal_redraws_in_place(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(tree), "build", "--today", TODAY],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=terminal, stdin=subprocess.DEVNULL)
    os.close(terminal)
    out = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the build ended and closed its side
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait(timeout=120) == 0
    os.close(controller)
    text = out.decode("utf-8")
    for name in STAGES:
        assert f"\r\x1b[K{name}：" in text, text
