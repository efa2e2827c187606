"""Shared helpers: run the real CLI on small content trees and read the built HTML."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


# A valid document of the mini fixture's county, for tests that add one.
DOC = """---
标题: 新文件
文号: 测教发〔2024〕8号
发文机关: 测试县教育局
成文日期: 2024-03-01
发布日期: 2024-03-05
公开属性: 此件公开发布
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
---
正文
"""


# Checks that depend on the date (stale columns) see this day unless a test says otherwise.
TODAY = "2024-07-01"


def run_cli(*args: str | Path) -> Run:
    args = tuple(map(str, args))
    if any(command in args for command in ("check", "build", "package")) and "--today" not in args:
        args += ("--today", TODAY)
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_fixture(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copytree(FIXTURES / name, target)
    return target


def edit(tree: Path, rel: str, old: str, new: str) -> None:
    """Replace the first `old` in a file of the tree; the test is wrong if `old` is not there."""
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(tree: Path) -> Path:
    site = tree / "site"
    result = run_cli("--root", tree, "build", "--site-dir", site)
    assert result.code == 0, result.text
    return site


def page(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path).read_text(encoding="utf-8"))


def article(site: Path, path: str):  # noqa: ANN201 - selectolax Node
    """The page's own content (inside Material's article), without header, nav and footer."""
    node = page(site, path).css_first("article.md-content__inner")
    assert node is not None, f"{path} has no article"
    return node


def links(node) -> dict[str, str]:  # noqa: ANN001
    """Link text → href of every link in `node`."""
    return {a.text(strip=True): a.attributes.get("href", "") for a in node.css("a")}


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture tree, built once through the real CLI."""
    tree = copy_fixture("mini", tmp_path_factory.mktemp("mini"))
    return build(tree)
