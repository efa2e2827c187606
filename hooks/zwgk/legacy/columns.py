"""The column mapping file `migration/columns.yml`: which old column becomes what here.

migrate writes it first with a guess per column (from the column's name and path), then reads it
back; a county edits it and re-runs. Columns already in the file keep what the editor wrote;
new columns are added. Each entry:

    /xxgk/zcwj/:            # the column's folder on the old site
      栏目名称: 政策文件     # ColumnName of its pages (for reading only)
      页数: 12
      归入: 政策文件         # 政策文件 / 政策解读 / 年度报告 / 跳过
      公开类别: [...]        # optional, given to every document of the column
      领域: [...]            # optional
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zwgk.base import vocab
from zwgk.base.problems import Problems
from zwgk.content.sourcefile import read_yaml_file

FILE = Path("migration") / "columns.yml"
POLICY = "政策文件"
INTERPRETATION = "政策解读"
REPORT = "年度报告"
SKIP = "跳过"
TARGETS = (POLICY, INTERPRETATION, REPORT, SKIP)
# Words in a column's name or folder that say what it holds; the first that matches wins.
_GUESSES = ((INTERPRETATION, ("解读", "zcjd", "jd")), (REPORT, ("年报", "年度报告", "ndbg", "nb")),
            (SKIP, ("图片", "视频", "tpxw", "spxw", "ldzc", "领导")))


class ColumnsRefused(Exception):
    """The mapping file cannot be used as it is: the message names file:line and the fix."""


@dataclass
class Column:
    path: str
    name: str = ""
    pages: int = 0
    target: str = POLICY
    categories: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    guessed: bool = True  # migrate chose `target`; no editor has confirmed it


def column_of(url: str) -> str:
    """The column folder of an old URL: `/xxgk/zcwj/201910/t20191011_1.htm` → `/xxgk/zcwj/`; 大汉's
    `/art/2023/11/2/art_5123_3001.html` → `/col/col5123/` (its lists are there)."""
    name = url.split("?", 1)[0].rsplit("/", 1)[-1]
    if name.startswith("art_") and name.count("_") == 2 and name.split("_")[1].isdigit():
        return f"/col/col{name.split('_')[1]}/"
    parts = url.split("?", 1)[0].split("/")[1:-1]
    if parts and len(parts[-1]) == 6 and parts[-1].isdigit():  # the yyyymm folder TRS makes per month
        parts = parts[:-1]
    return "/" + "".join(f"{p}/" for p in parts)


def guess(path: str, name: str) -> str:
    words = f"{name} {path}".lower()
    segments = [s for s in path.lower().split("/") if s]
    for target, hints in _GUESSES:
        for hint in hints:
            if (hint.isascii() and hint in segments) or (not hint.isascii() and hint in words):
                return target
    return POLICY


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(root: Path, columns: dict[str, Column]) -> Path:
    path = root / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# 栏目对照表：旧网站每个栏目（文件夹）归入本站哪里。由 build.py migrate 生成，可以修改后重新运行 migrate。",
             f"# 归入：{' / '.join(TARGETS)}；可加 公开类别: [..]、领域: [..]，给这个栏目的每份文件。",
             "# 写着“（推测）”的是按栏目名称推测的，核对后删掉“（推测）”这几个字。", ""]
    for key in sorted(columns):
        col = columns[key]
        lines.append(f"{_quote(key)}:")
        lines.append(f"  栏目名称: {_quote(col.name)}")
        lines.append(f"  页数: {col.pages}")
        lines.append(f"  归入: {col.target}{'（推测）' if col.guessed else ''}")
        if col.categories:
            lines.append(f"  公开类别: [{', '.join(_quote(c) for c in col.categories)}]")
        if col.domains:
            lines.append(f"  领域: [{', '.join(_quote(d) for d in col.domains)}]")
    text = "\n".join(lines) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def read(root: Path) -> dict[str, Column]:
    """The mapping as the editor left it; {} when there is none yet."""
    path = root / FILE
    if not path.is_file():
        return {}
    problems = Problems(root)
    located = read_yaml_file(path, problems)
    if located is None or problems.errors:
        raise ColumnsRefused("\n".join(str(p) for p in problems.items) or f"{FILE}: 无法读取 — 删掉这个文件重新运行 migrate")
    data = located.data or {}
    if not isinstance(data, dict):
        raise ColumnsRefused(f"{FILE}:1: 格式不对 — 每个栏目写成“/栏目路径/:”，下面缩进写 归入 等项；也可删掉文件重新生成")
    known = {"categories": vocab.names(vocab.DISCLOSURE_CATEGORIES), "domains": vocab.names(vocab.DOMAINS)}
    columns: dict[str, Column] = {}
    for key, entry in data.items():
        line = located.line(key)
        if not isinstance(entry, dict):
            raise ColumnsRefused(f"{FILE}:{line}: 栏目“{key}”下面没有内容 — 缩进两格写“归入: 政策文件”等")
        target = str(entry.get("归入", POLICY)).strip()
        guessed = target.endswith("（推测）")
        target = target.removesuffix("（推测）").strip()
        if target not in TARGETS:
            raise ColumnsRefused(f"{FILE}:{located.line(key, '归入')}: 归入“{target}”不是可选的值 — 写 {'、'.join(TARGETS)} 之一")
        column = Column(str(key), str(entry.get("栏目名称") or ""), int(entry.get("页数") or 0), target, guessed=guessed)
        for yaml_key, attr in (("公开类别", "categories"), ("领域", "domains")):
            values = entry.get(yaml_key) or []
            values = [values] if isinstance(values, str) else values
            for value in values:
                if value not in known[attr]:
                    raise ColumnsRefused(f"{FILE}:{located.line(key, yaml_key)}: {yaml_key}“{value}”不是可选的值 — "
                                         f"照 docs/内容格式.md 写{yaml_key}的名称")
            setattr(column, attr, [str(v) for v in values])
        columns[str(key)] = column
    return columns
