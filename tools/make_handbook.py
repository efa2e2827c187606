#!/usr/bin/env python3
"""生成编辑手册 docs/编辑手册.md，使手册与程序不会不一致。

- 文字说明来自 tools/handbook/template.md；
- 字段表来自检查程序使用的 JSON Schema（hooks/zwgk/content/schemas.py），示例取自示例县的真实内容；
- 每一条检查信息和改法，是把 tools/handbook_cases.py 中的错误示例交给真实的检查程序得到的；
- build.py new / import 的示例是真实运行的结果。

用法（在仓库根目录）：
    python3 tools/make_handbook.py            # 写入 docs/编辑手册.md
    python3 tools/make_handbook.py --check    # 只比较，不一致时返回 1
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tools")]

from handbook_cases import CASES, NEW_DOC, Case, Edit  # noqa: E402
from zwgk.kinds.registry import BY_NAME, KINDS  # noqa: E402
from zwgk.base import tool  # noqa: E402
from zwgk.base.problems import Problem, Problems, Severity, quoted  # noqa: E402

tool.SHOWN = ".venv/bin/python build.py"  # the examples show the command as the README writes it

TEMPLATE = ROOT / "tools" / "handbook" / "template.md"
OUT = ROOT / "docs" / "编辑手册.md"
MINI = ROOT / "tests" / "fixtures" / "mini"
SAMPLES = ROOT / "tests" / "fixtures" / "import"
TODAY = date(2024, 7, 1)
HEADER = ("<!-- 本文件由 tools/make_handbook.py 生成，不要直接修改：改 tools/handbook/template.md 或 "
          "tools/handbook_cases.py 后运行 python tools/make_handbook.py -->\n")

# Examples of keys the demo content does not use.
EXTRA_EXAMPLES = {
    ("site", "机构代码"): "机构代码: 00000000-0", ("site", "承办单位"): "承办单位: 示例县政务服务数据管理局",
    ("site", "机关类型"): "机关类型: 县级人民政府", ("site", "在线平台"): "在线平台:\n  网址: https://ysq.example.gov.cn/",
    ("site", "网址"): "网址: https://ysq.example.gov.cn/", ("site", "电子邮箱"): "电子邮箱: zwgk@example.gov.cn", ("site", "找错链接"): "找错链接: https://zfwzzc.www.gov.cn/", ("document", "索引号"): "索引号: 11000000MB0000000X/2024-00012",
    ("page", "附件"): "附件: [2024/政府信息公开申请表.docx]", ("interpretation", "附件"): "附件: [2024/图解.pdf]",
    ("catalogue", "暂无内容说明"): "暂无内容说明:\n  原因: 本年度尚未发生\n  日期: 2024-06-01",
    ("catalogue", "原因"): "原因: 本年度尚未发生", ("catalogue", "日期"): "日期: 2024-06-01",
    ("personal-data-allow", "号码"): "号码: 0000-0000000", ("personal-data-allow", "说明"): "说明: 县政务服务中心公开值班电话",
    ("personal-data-allow", "允许公开"): "允许公开:\n  - 号码: 0000-0000000\n    说明: 县政务服务中心公开值班电话",
    ("personal-data-allow", "人工核对附件"): "人工核对附件:\n  - 附件: 2024/全县低保名单.docx\n    校验值: 3f2a9c0d41b7e865\n"
                                           "    说明: 2024-07-01 张三逐页核对，无个人信息",
    ("personal-data-allow", "附件"): "附件: 2024/全县低保名单.docx", ("personal-data-allow", "校验值"): "校验值: 3f2a9c0d41b7e865",
    ("annual-report", "标题"): "标题: 示例县人民政府2024年政府信息公开工作年度报告",
    ("annual-report", "说明"): "说明: |\n  表格前需要说明的情况，每行一段",
}


# --- 字段表 ----------------------------------------------------------------------------------------

def _demo_lines(name: str) -> list[str]:
    lines: list[str] = []
    for pattern in BY_NAME[name].files:
        for path in sorted(ROOT.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".md":
                text = text[3:].split("\n---", 1)[0] if text.startswith("---") else ""
            lines += text.split("\n")
    return lines


def _example(name: str, key: str, lines: list[str]) -> str:
    if (name, key) in EXTRA_EXAMPLES:
        return EXTRA_EXAMPLES[(name, key)]
    found = _blocks(key, lines)
    if not found:
        raise SystemExit(f"字段“{key}”（{name}）没有示例：在示例县内容中用上它，或在 EXTRA_EXAMPLES 中补一个")
    first, *block = min(found, key=lambda b: _indent(b[0]))  # the key itself, not one nested further down
    indent = _indent(first)
    block = [_short(more[indent:].rstrip()) for more in block]
    return "\n".join([_tidy(first.strip().removeprefix("- ")), *block][:4]) + ("\n…" if len(block) > 3 else "")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" -"))


def _tidy(line: str) -> str:
    """Columns aligned in the file (`规章:     {…}`) closed up."""
    return re.sub(r"(?<=\S)  +", " ", line)


def _blocks(key: str, lines: list[str]) -> list[list[str]]:
    """Each `key:` line in `lines` with the more-indented lines under it (a nested block: 暂无内容说明, 事项)."""
    pattern = re.compile(rf"^\s*(?:- )?{re.escape(key)}:(\s.*)?$")
    found = []
    for i, line in enumerate(lines):
        if pattern.match(line):
            indent = _indent(line)
            block = [line]
            for more in lines[i + 1:]:
                if more.strip() and len(more) - len(more.lstrip(" ")) > indent:
                    block.append(more)
                else:
                    break
            found.append(block)
    return found


def _short(line: str, width: int = 40) -> str:
    """A paragraph under `|` shortened: the example shows the form, not the whole text."""
    line = _tidy(line)
    return line if len(line) <= width else line[:width] + "……"


def _choices(prop: dict[str, Any]) -> str:
    values = prop.get("enum") or prop.get("items", {}).get("enum") or []
    return quoted(values)


def _conditions(schema: dict[str, Any]) -> dict[str, str]:
    """必填 of keys required only in some cases, read from the schema's if/then/else and anyOf."""
    notes: dict[str, str] = {}
    for rule in schema.get("allOf", []):
        (key, cond), = rule["if"]["properties"].items()
        values = quoted(cond.get("enum") or [cond.get("const")])
        for k in rule.get("then", {}).get("required", []):
            notes[k] = f"{key}为{values}时必填"
        for k in rule.get("else", {}).get("required", []):
            notes[k] = f"{key}为{values}时不写，其余必填"
    options = [r["required"][0] for r in schema.get("anyOf", [])]
    for k in options:
        notes[k] = "与" + "、".join(o for o in options if o != k) + "二选一"
    return notes


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _code(text: str) -> str:
    """An example in a table cell; each line its own code span, indentation kept."""
    lines = [re.sub(r"^ +", lambda m: "\u00a0" * len(m[0]), line).replace("|", "\\|") for line in text.split("\n")]
    return "<br>".join(f"`{line}`" for line in lines)


def _row_columns(prop: dict[str, Any]) -> list[str] | None:
    """The columns of a table row written on one line ({列: 数, …}), or None for any other object. A row
    that goes on from last year's report may have a 说明 beside its numbers: not a column."""
    props = prop.get("properties", {})
    columns = [key for key, p in props.items() if p.get("x-zwgk-number")]
    if prop.get("type") == "object" and columns and all(p.get("x-zwgk-number") or p.get("x-zwgk-note") for p in props.values()):
        return columns
    return None


def _row_description(prop: dict[str, Any]) -> str:
    required = set(prop.get("required", []))
    columns = _row_columns(prop) or []
    optional = [c for c in columns if c not in required]
    notes = [p for p in prop.get("properties", {}).values() if p.get("x-zwgk-note")]
    return (f"{prop['title']}。每列写一个整数，没有写 0"
            + (f"；{'、'.join(optional)}可不写（自动相加）" if optional else "")
            + (f"。可加“说明”：{notes[0]['description']}" if notes else ""))


def field_table(name: str, schema: dict[str, Any], lines: list[str], title: str, intro: str = "") -> list[str]:
    required, notes = set(schema.get("required", [])), _conditions(schema)
    out = [f"#### {title}", "", *([intro, ""] if intro else []), "| 项目 | 必填 | 说明 | 可选值 | 示例 |", "|---|---|---|---|---|"]
    nested: list[tuple[str, dict[str, Any], bool]] = []
    for key, prop in schema["properties"].items():
        need = "必填" if key in required else notes.get(key, "可不写")
        columns = _row_columns(prop)
        if columns:
            description, choices = _row_description(prop), "列：" + "、".join(columns)
        else:
            description, choices = prop.get("description", prop.get("title", "")).split("，可选：")[0], _choices(prop)
        example = _example(name, key, lines)
        out.append(f"| {key} | {need} | {_cell(description)} | {_cell(choices)} | {_code(example)} |")
        item = prop.get("items", {}) if prop.get("type") == "array" else prop
        if item.get("type") == "object" and not columns:
            nested.append((key, item, prop.get("type") == "array"))
    for key, item, each in nested:
        inside = [line for block in _blocks(key, lines) for line in block[1:]]
        out += ["", *field_table(name, item, inside, f"{title} → {key}" + ("（每一条）" if each else ""))]
    return out


def field_tables() -> str:
    parts: list[str] = []
    for kind in KINDS:
        parts += field_table(kind.name, kind.schema, _demo_lines(kind.name), kind.schema["title"], kind.handbook) + [""]
    return "\n".join(parts).rstrip("\n")


# --- 错误示例 --------------------------------------------------------------------------------------

@contextmanager
def recording(hits: set[tuple[str, int]]) -> Iterator[None]:
    """Note the file and line of every place that reports a problem while cases run."""
    originals = Problems.error, Problems.warning

    def wrap(method):  # noqa: ANN001, ANN202
        def record(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            caller = sys._getframe(1)
            hits.add((Path(caller.f_code.co_filename).resolve().relative_to(ROOT).as_posix(), caller.f_lineno))
            return method(self, *args, **kwargs)
        return record

    Problems.error, Problems.warning = wrap(originals[0]), wrap(originals[1])
    try:
        yield
    finally:
        Problems.error, Problems.warning = originals


def _apply(tree: Path, edit: Edit) -> tuple[str, str]:
    """Make the edit; the text before and after, for showing what changed."""
    path = tree / edit.file
    before = path.read_text(encoding="utf-8") if path.is_file() else NEW_DOC
    if edit.old is None:
        if edit.new is None:
            path.unlink()
            return before, ""
        path.parent.mkdir(parents=True, exist_ok=True)
        target = tree.parent / f"outside-{path.name}" if edit.linked else path
        target.write_bytes(edit.new if isinstance(edit.new, bytes) else edit.new.encode("utf-8"))
        if edit.linked:
            path.symlink_to(target)
        return before, edit.new if isinstance(edit.new, str) else ""
    if edit.old not in before:
        raise SystemExit(f"{edit.file} 中没有“{edit.old}”：按 tests/fixtures/mini 改正 tools/handbook_cases.py")
    after = before.replace(edit.old, edit.new or "", 1)
    path.write_text(after, encoding="utf-8")
    return before, after


def _shown(case: Case, changes: list[tuple[str, str]]) -> str:
    if case.shown:
        return case.shown
    added = [line[2:] for before, after in changes for line in difflib.ndiff(before.split("\n"), after.split("\n"))
             if line.startswith("+ ")]
    return "\n".join(added[:6])


def _built_problems(tree: Path, today: date) -> Problems:
    """Links are checked in the generated pages: build the site the way build.py does."""
    from zwgk.commands.pipeline import run

    result, _ = run(tree, tree / "site", today, external=False)
    return result.problems


def run_case(case: Case, scratch: Path) -> tuple[str, list[Problem]]:
    from zwgk.build.sitebuild import prepare

    tree = Path(tempfile.mkdtemp(dir=scratch))
    shutil.copytree(MINI, tree / "mini")
    tree = tree / "mini"
    for edit in case.setup:
        _apply(tree, edit)
    changes = [_apply(tree, edit) for edit in case.edits]
    problems = _built_problems(tree, case.today) if case.built else prepare(tree, case.today)[1]
    found = [p for p in problems.items if case.expect in f"{p.message} — {p.fix}"]
    if not found:
        raise SystemExit(f"示例“{case.title}”没有得到含“{case.expect}”的信息，实际得到：\n{problems.report()}")
    return _shown(case, changes), found[:2]


def error_sections(hits: set[tuple[str, int]]) -> str:
    out: list[str] = []
    section = None
    with tempfile.TemporaryDirectory(prefix="zwgk-handbook-") as scratch, recording(hits):
        for case in CASES:
            shown, found = run_case(case, Path(scratch))
            if case.section != section:
                section = case.section
                out += [f"### {section}", ""]
            level = "警告" if all(p.severity is Severity.WARNING for p in found) else "错误"
            out += [f"#### {case.title}", "", f"{case.did}：", "", "```text", shown, "```", "",
                    f"检查报告（{level}，规则 `{found[0].rule}`）：", "", "```text", *(str(p) for p in found), "```", "",
                    f"**改法**：{found[0].fix}", ""]
    return "\n".join(out).rstrip("\n")


def error_index() -> str:
    out, section = [], None
    for case in CASES:
        if case.section != section:
            section = case.section
            out.append(f"- **{section}**：" + "；".join(c.title for c in CASES if c.section == section))
    return "\n".join(out)


# --- new / import 的真实运行 -----------------------------------------------------------------------

def _session_tree(scratch: Path, name: str = "mini") -> Path:
    tree = scratch / name
    if not tree.exists():
        shutil.copytree(MINI, tree)
    return tree


def _as_in_repo(text: str, rel: str) -> str:
    """The schema line as it reads in this repository, not in the scratch copy."""
    ref = Path(os.path.relpath(ROOT / "schemas", (ROOT / rel).parent)).as_posix()
    return re.sub(r"\$schema=\S*/schemas/", f"$schema={ref}/", text)


def new_session(scratch: Path, kind_name: str, flags: dict[str, str], answers: list[str] | None = None) -> str:
    from zwgk.kinds.project import editing_context
    from zwgk.kinds.registry import FORMS
    from zwgk.kinds.scaffold import done, run

    kind = FORMS[kind_name]
    tree = _session_tree(scratch)
    said: list[str] = []
    queue = list(answers or [])

    def ask(question: str) -> str:
        answer = queue.pop(0)
        said.append(question + answer)
        return answer

    ctx = editing_context(tree, TODAY, ask if answers is not None else None, said.append)
    path = run(kind, ctx, {k.key: flags[k.flag] for k in kind.fields if k.flag in flags})
    rel = ctx.rel(path)
    command = ".venv/bin/python build.py new " + kind_name + "".join(f" --{k} {v}" for k, v in flags.items())
    text = _as_in_repo(path.read_text(encoding="utf-8"), rel)
    if kind_name == "catalogue-item":
        text = "…\n" + text[text.rindex("\n  - 编号"):].lstrip("\n")
    if kind_name == "report":  # the first rows of each table show the form
        lines = text.split("\n")
        text = "\n".join([*lines[:22], "  ……", *lines[lines.index("复议诉讼:"):]])
    return "\n".join(["```text", f"$ {command}", *said, done(kind, rel), "```", "", f"写出的 `{rel}`：", "",
                      "```" + ("yaml" if path.suffix == ".yml" else "markdown"), text.rstrip("\n"), "```"])


def import_session(scratch: Path) -> str:
    from zwgk.editor.importer import import_file, report
    from zwgk.kinds.project import editing_context

    tree = _session_tree(scratch, "import")
    ctx = editing_context(tree, TODAY, None, lambda _: None)
    result = import_file(ctx, SAMPLES / "jiaoyu-gbk.txt")
    text = _as_in_repo(result.target.read_text(encoding="utf-8"), ctx.rel(result.target))
    head, body = text.split("\n---\n", 1)
    return "\n".join(["```text", "$ .venv/bin/python build.py import 开学通知.txt", report(result, ctx).replace("jiaoyu-gbk.txt", "开学通知.txt"),
                      "```", "", f"写出的 `{ctx.rel(result.target)}`（开头部分）：", "", "```markdown", head, "---",
                      *body.split("\n")[:12], "…", "```"])


def import_catalogue_session(scratch: Path) -> str:
    """A workbook in the layout counties keep (the tests' own, tests/tables.py), imported into the mini tree."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tables import workbook

    from zwgk.editor.catalogue_import import import_catalogue
    from zwgk.kinds.project import editing_context

    tree = _session_tree(scratch, "import-catalogue")
    ctx = editing_context(tree, TODAY, None, lambda _: None)
    told = import_catalogue(ctx, workbook(scratch / "财政预决算目录.xlsx"), None, None)
    told = told.replace(str(scratch / "财政预决算目录.xlsx"), "财政预决算目录.xlsx")
    rel = "catalogues/county/budget.yml"
    text = _as_in_repo((tree / rel).read_text(encoding="utf-8"), rel)
    return "\n".join(["```text", "$ python build.py import 财政预决算目录.xlsx", told, "```", "",
                      f"写出的 `{rel}`（开头部分）：", "", "```yaml", *text.split("\n")[:19], "…", "```"])


def sessions() -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="zwgk-handbook-") as scratch:
        scratch_path = Path(scratch)
        return {
            "new-document": new_session(scratch_path, "document", {
                "title": "测试县教育局关于做好校车安全管理工作的通知", "number": "测教发〔2024〕8号", "issuer": "测试县教育局",
                "written": "2024-06-28", "type": "其他文件", "theme": "科技、教育", "domains": "义务教育", "items": "YWJY-01"}),
            "new-interpretation": new_session(scratch_path, "interpretation", {"target": "cjf-2024-8"}, answers=["", "2", ""]),
            "new-catalogue-item": new_session(scratch_path, "catalogue-item", {
                "domain": "义务教育", "level1": "校车管理", "content": "校车线路、站点、运行时间", "channels": "政府网站、公开查阅点"}),
            "new-decision": new_session(scratch_path, "decision", {}, answers=[
                "测试县义务教育学校布局专项规划（2024—2035年）", "测试县教育局", "2025年6月", ""]),
            "new-report": new_session(scratch_path, "report", {}),
            "import": import_session(scratch_path),
            "import-catalogue": import_catalogue_session(scratch_path),
        }


# --- 合成 ------------------------------------------------------------------------------------------

def render(hits: set[tuple[str, int]] | None = None) -> str:
    parts = {"字段": field_tables(), "错误目录": error_index(), "错误": error_sections(hits if hits is not None else set()),
             **sessions()}
    text = TEMPLATE.read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        return parts.pop(match[1])

    text = re.sub(r"<!-- 生成：(\S+) -->", fill, text)
    if parts:
        raise SystemExit(f"模板中缺少 <!-- 生成：{next(iter(parts))} -->")
    return HEADER + text


def main() -> int:
    parser = argparse.ArgumentParser(description="生成编辑手册 docs/编辑手册.md")
    parser.add_argument("--check", action="store_true", help="只比较，不一致时返回 1")
    args = parser.parse_args()
    text = render()
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} 不是最新的：运行 python tools/make_handbook.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"已写出 {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
