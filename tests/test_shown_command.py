"""Messages name commands as the editor ran them (`.venv/bin/python build.py check`), not a `python` that may not be there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_fixture

pytestmark = pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="needs the tests to run in a virtual environment")


def _folder(tmp_path: Path) -> Path:
    """A folder as an editor has it: .venv/ (this very environment), build.py and a content tree 站点/."""
    (tmp_path / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    (tmp_path / "build.py").symlink_to(ROOT / "build.py")
    copy_fixture("mini", tmp_path)
    (tmp_path / "mini").rename(tmp_path / "站点")
    return tmp_path


def _run(folder: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": path if path is not None else os.environ.get("PATH", "")}
    return subprocess.run([str(Path(".venv") / "bin" / "python"), "build.py", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=300)


def test_hints_name_the_interpreter_and_root_as_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    new = _run(folder, "--root", "站点", "new", "document", "--title", "测试县教育局关于校车安全的通知", "--type", "其他文件",
               "--theme", "科技、教育", "--today", "2024-07-01", path="/usr/bin:/bin")
    assert new.returncode == 0, new.stdout + new.stderr
    assert "下一步：在文件末尾写正文，运行 .venv/bin/python build.py --root 站点 check 检查。" in new.stdout

    wrong = _run(folder, "chek", path="/usr/bin:/bin")
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines()[0].startswith("用法：.venv/bin/python build.py [-h]")
    assert wrong.stderr.splitlines()[-1].endswith("— 运行 .venv/bin/python build.py --help 查看用法")


def test_an_activated_environment_is_named_python(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    report = _run(folder, "--root", "站点", "new", "report", "--today", "2025-01-10",
                  path=f"{folder / '.venv' / 'bin'}:/usr/bin:/bin")
    assert report.returncode == 0, report.stdout + report.stderr
    assert "运行 python build.py --root 站点 check 核对" in report.stdout
    written = (folder / "站点" / "content" / "reports" / "2024.yml").read_text(encoding="utf-8")
    assert "由 python build.py --root 站点 new report 生成。" in written
