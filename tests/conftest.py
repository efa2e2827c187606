"""Shared helpers: run the real CLI on small content trees and read the built HTML."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
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


def copy_document(tree: Path, rel: str, numbers: range, edits: Callable[[int], dict[str, str]]) -> None:
    """Copies of a document beside it, named <prefix>-<n>.md, each with its own replacements."""
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    for n in numbers:
        copy = text
        for old, new in edits(n).items():
            assert old in copy, (rel, old)
            copy = copy.replace(old, new)
        (path.parent / f"{path.stem.rsplit('-', 1)[0]}-{n}.md").write_text(copy, encoding="utf-8")


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


# A township for the small tree: a catalogue with three kinds of item, two villages, and documents
# of the town that are public, on request and withheld (markers must never leak).
TOWN_FILES = {
    "catalogues/towns/zhen/town.yml": "名称: 测试镇\n地址: 测试镇人民路2号\n电话: 0000-0000002\n",
    "catalogues/towns/zhen/education.yml": """领域: 义务教育
牵头部门: 测试镇教育办
更新日期: 2024-02-01
事项:
  - 编号: ZX-01
    一级事项: 控辍保学
    二级事项: 工作方案
    公开内容: 控辍保学工作方案和联系人
    公开依据: 《中华人民共和国义务教育法》
    公开时限: 信息形成或者变更之日起20个工作日内
    公开主体: 测试镇人民政府
    公开渠道: [政府网站]
    公开对象: 全社会
    公开方式: 主动
    公开层级: [乡级]
  - 编号: ZX-02
    一级事项: 学生资助
    二级事项: 受助学生公示
    公开内容: 受助学生人数和资助金额
    公开依据: 《学生资助资金管理办法》
    公开时限: 审核后公示5天
    公开主体: 测试镇人民政府、各村
    公开渠道: [社区/村公示栏（电子屏）]
    公开对象: 全社会
    公开方式: 主动
    公开层级: [乡级]
  - 编号: ZX-03
    一级事项: 学生资助
    二级事项: 受助学生名单
    公开内容: 受助学生姓名
    公开依据: 《学生资助资金管理办法》
    公开时限: 审核后
    公开主体: 测试镇人民政府
    公开渠道: [便民服务站]
    公开对象: 特定群体
    公开方式: 依申请
    公开层级: [乡级]
""",
    "catalogues/towns/zhen/villages.yml": """村居:
  - 名称: 测试村
    类型: 村
    事项:
      - 名称: 村级财务收支
        公开内容: 村集体收入和支出
        公开渠道: [社区/村公示栏（电子屏）]
        更新周期: 每月
        最近公开日期: 2024-06-05
      - 名称: 受助学生公示
        公开内容: 本村受助学生人数和资助金额
        公开渠道: [社区/村公示栏（电子屏）, 入户/现场]
        更新周期: 每季度
        最近公开日期: 2024-04-10
        目录事项: [ZX-02]
  - 名称: 测试社区
    类型: 社区
    事项:
      - 名称: 居务公开
        公开内容: 社区重大事项
        公开渠道: [社区/村公示栏（电子屏）]
        更新周期: 长期
        最近公开日期: 2024-03-01
""",
    "content/documents/2024/czf-2024-1.md": """---
标题: 测试镇控辍保学工作方案
文号: 测镇发〔2024〕1号
发文机关: 测试镇人民政府
成文日期: 2024-03-10
发布日期: 2024-03-12
公开属性: 此件公开发布
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
领域: [义务教育]
目录事项: [ZX-01]
乡镇: zhen
---
控辍保学工作方案正文。TOWNPUBLICBODY
""",
    "content/documents/2024/czf-2024-2.md": """---
标题: TOWNONREQUESTTITLE测试镇受助学生名单
文号: 测镇发〔2024〕2号
发文机关: 测试镇人民政府
成文日期: 2024-04-10
发布日期: 2024-04-12
公开属性: 此件依申请公开
不予公开理由: 涉及个人隐私
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
目录事项: [ZX-03]
乡镇: zhen
---
TOWNONREQUESTBODY 名单正文。
""",
    "content/documents/2024/czf-2024-3.md": """---
标题: TOWNWITHHELDTITLE测试镇人事安排请示
文号: TOWNWITHHELDNUMBER〔2024〕3号
发文机关: 测试镇人民政府
成文日期: 2024-05-10
公开属性: 此件不予公开
不予公开理由: 属于讨论记录、过程稿、磋商信函、请示报告等过程性信息
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
乡镇: zhen
---
TOWNWITHHELDBODY 请示正文。
""",
}


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped demo county, built once for every test file that reads it."""
    tree = tmp_path_factory.mktemp("demo")
    for part in ("content", "catalogues"):
        shutil.copytree(ROOT / part, tree / part)
    return build(tree)


def add_town(tree: Path) -> Path:
    for rel, text in TOWN_FILES.items():
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text(text, encoding="utf-8")
    return tree


@pytest.fixture(scope="session")
def town_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small tree with a town, built once."""
    return build(add_town(copy_fixture("mini", tmp_path_factory.mktemp("town"))))


def free_port() -> int:
    """A port nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
