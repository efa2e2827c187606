"""`build.py import FILE...`: issued documents (.docx, .txt, .md) into content/documents/<年>/.

The file is read into lines (paragraphs of a .docx), `issued.read` finds the metadata and the
body, and a document file is written: what could not be determined is written as `待填写：…`,
which the loader refuses with a Chinese message, so a half-finished import is never published.
The report says, per value, which line it came from. An existing file is replaced only with --force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from zwgk.base import docnumber, vocab
from zwgk.base.problems import Problems
from zwgk.base.tool import command
from zwgk.content import schemas
from zwgk.content.sourcefile import MAX_FILE_BYTES, decode_any, parse_yaml
from zwgk.content.validate import TODO, validate
from zwgk.editor import issued
from zwgk.editor.issued import Found, Line
from zwgk.kinds.document import DOCUMENT_ORDER, document_slug, next_index_number
from zwgk.kinds.scaffold import BODY_HINT, Context, free_name, front_matter, slug_taken

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# Values no printed document states: asked of the editor, with the reason shown by `check`.
_UNKNOWN = {
    "文件类型": "导入时无法判断，行政规范性文件须经合法性审核、统一登记",
    "主题分类": "导入时无法判断",
}


class ImportRefused(Exception):
    """A file that could not be imported, with the reason and the fix in Chinese."""


@dataclass
class Imported:
    source: Path
    target: Path
    unit: str  # 行 or 段
    encoding: str | None
    found: dict[str, Found]
    todo: list[str]
    removed: list[tuple[int, str]]
    fixed_numbers: int = 0
    notes: list[str] = field(default_factory=list)


def read_lines(path: Path) -> tuple[list[Line], str, str | None]:
    """The text of `path` as lines, the unit its positions are counted in, and its encoding."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRefused(f"{path}: 找不到这个文件 — 检查文件名和路径")
    if path.stat().st_size > MAX_FILE_BYTES * 4:
        raise ImportRefused(f"{path}: 文件太大 — 只导入公文正文；图片、扫描件作为附件放到 content/attachments/")
    if suffix == ".docx":
        return _docx_lines(path), "段", None
    if suffix not in TEXT_SUFFIXES:
        raise ImportRefused(f"{path}: 不能导入 {suffix or '无扩展名'} 文件 — 用 Word/WPS 另存为 .docx 或 .txt 后再导入")
    text, encoding = decode_any(path.read_bytes())
    if text is None:
        raise ImportRefused(f"{path}: 无法识别文件编码 — 用记事本打开后另存为 UTF-8 编码再导入")
    raw = re.sub(r"\r\n?|[\x0b\x0c\u2028\u2029]", "\n", text).split("\n")
    lines = [Line(t, n) for n, t in enumerate(raw, start=1)]
    return (_markdown_lines(lines) if suffix != ".txt" else lines), "行", encoding


def _markdown_lines(lines: list[Line]) -> list[Line]:
    """Front matter skipped, `#` headings and `|` tables marked as such."""
    if lines and lines[0].text.strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.text.strip() == "---"), 0)
        lines = lines[end + 1:]
    out = []
    for line in lines:
        heading = _MD_HEADING.match(line.text.strip())
        if heading:
            out.append(Line(heading[2], line.number, heading=len(heading[1])))
        else:
            out.append(Line(line.text, line.number, table=line.text.lstrip().startswith("|")))
    return out


def _docx_lines(path: Path) -> list[Line]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception:  # python-docx raises several kinds for a file that is not a Word document
        raise ImportRefused(f"{path}: 不是有效的 .docx 文件 — 用 Word/WPS 打开后另存为 .docx 再导入") from None
    lines: list[Line] = []
    for number, block in enumerate(document.iter_inner_content(), start=1):
        if isinstance(block, Table):
            lines.extend(Line(row, number, table=True) for row in _table_rows(block))
            continue
        style = (block.style.name if block.style is not None else "") or ""
        level = 1 if style == "Title" else (int(style[-1]) + 1 if re.fullmatch(r"Heading [1-5]", style) else 0)
        for part in re.split(r"[\n\x0b]", block.text):  # manual line breaks inside a paragraph
            lines.append(Line(part, number, heading=level if part.strip() else 0))
    return lines


def _table_rows(table) -> list[str]:  # noqa: ANN001 - python-docx Table
    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|") or " "

    rows = [[cell(c.text) for c in row.cells] for row in table.rows]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [" "] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return [lines[0], "|" + " --- |" * width, *lines[1:]]


def import_file(ctx: Context, source: Path, force: bool = False) -> Imported:
    lines, unit, encoding = read_lines(source)
    reading = issued.read(lines)
    found = reading.found
    values: dict[str, str] = {}
    todo: list[str] = []

    def put(key: str, hint: str) -> None:
        if key in found:
            values[key] = found[key].value
        else:
            values[key] = f"{TODO}：{hint}"
            todo.append(key)

    put("标题", "原文中没有找到标题")
    if "文号" in found:
        values["文号"] = found["文号"].value
    put("发文机关", "原文中没有找到，看落款或标题中的机关名称")
    put("成文日期", "原文中没有找到落款日期")
    put("公开属性", "原文中没有找到“此件公开发布”等标注")
    label = values["公开属性"]
    if label in (vocab.LABEL_ON_REQUEST, vocab.LABEL_WITHHELD):
        values["不予公开理由"] = f"{TODO}：原文标注“{label}”，须写明法定事由"
        todo.append("不予公开理由")
    if label != vocab.LABEL_WITHHELD:
        values["发布日期"] = ctx.today.isoformat()
    values["有效性"] = vocab.VALID
    for key, hint in _UNKNOWN.items():
        values[key] = f"{TODO}：{hint}"
        todo.append(key)

    written = found.get("成文日期")
    year = int(written.value[:4]) if written else int(values["文号"].split("〔")[1][:4]) if "文号" in values else ctx.today.year
    target = _target(ctx, source, values, year, force)
    day = date.fromisoformat(values.get("发布日期", written.value if written else ctx.today.isoformat()))
    number = next_index_number(ctx, day)
    if number:
        values["索引号"] = number
    head, meta = front_matter("document", target, values, DOCUMENT_ORDER, {"索引号": "已预先取号，发布后不要再改"})
    _check(ctx, target, meta, todo)
    body = reading.body
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w" if force else "x", encoding="utf-8", newline="\n") as out:
        out.write(head + (body or BODY_HINT))
    result = Imported(source, target, unit, encoding, found, todo, reading.removed, reading.fixed_numbers)
    if number:
        result.notes.append(f"索引号：{number}（已预先取号）")
    return result


def _target(ctx: Context, source: Path, values: dict[str, str], year: int, force: bool) -> Path:
    """content/documents/<年>/<文件名>.md: the name from the 文号, else from the title or the source file."""
    number = values.get("文号")
    slug = docnumber.slug(number) if number else None
    if number:
        for doc in (ctx.project.documents if ctx.project else []):
            if doc.number == number and doc.slug != slug:
                raise ImportRefused(f"{source}: 文号“{number}”已被 {doc.source.file} 使用 — 同一文件不要重复导入")
    if slug is None:
        stem = source.stem.lower()
        if not values["标题"].startswith(TODO):
            base = document_slug(values, year)[0]
        else:
            base = stem if re.fullmatch(schemas.SLUG_PATTERN, stem) else f"wj-{year}"
        slug = free_name(lambda s: slug_taken(ctx.root, "documents", s) and not force, base)
    existing = next((ctx.root / "content" / "documents").glob(f"**/{slug}.md"), None)
    target = existing or ctx.root / "content" / "documents" / str(year) / f"{slug}.md"
    if existing and not force:
        raise ImportRefused(f"{source}: {ctx.rel(existing)} 已经存在，没有改动它 — 确认要用导入结果替换时加 --force")
    return target


def _check(ctx: Context, target: Path, meta: str, todo: list[str]) -> None:
    """Every problem the loader will find must be a 待填写 we know of; anything else is refused."""
    problems = Problems(ctx.root)
    located = parse_yaml(meta, target, problems, first_line=2)
    if located is not None:
        validate(located, schemas.DOCUMENT, problems)
    other = [p for p in problems.items if "还没有填写" not in p.message]
    if other:
        raise ImportRefused("\n".join(str(p) for p in other))


def report(result: Imported, ctx: Context) -> str:
    """What was found and where, what is left to fill in, what was removed."""
    unit = result.unit
    where = f"，{result.encoding.upper().replace('GB18030', 'GBK/GB18030')} 编码" if result.encoding else ""
    lines = [f"{result.source.name}（{result.source.suffix.lstrip('.').lower()}{where}）→ {ctx.rel(result.target)}"]
    for key in ("标题", "文号", "发文机关", "成文日期", "公开属性"):
        if key in result.found:
            f = result.found[key]
            detail = "；".join(x for x in (f"第{f.line}{unit}" if f.line else "", f.note) if x)
            lines.append(f"  {key}：{f.value}（{detail}）")
    if "公开属性" in result.found and result.found["公开属性"].value != vocab.LABEL_WITHHELD or "公开属性" in result.todo:
        lines.append(f"  发布日期：{ctx.today.isoformat()}（导入当天，发布前可改）")
    lines.append(f"  有效性：{vocab.VALID}（默认，可改）")
    lines.extend(f"  {note}" for note in result.notes)
    if result.todo:
        lines.append(f"  待填写：{'、'.join(result.todo)} — 打开文件逐项填写；填好之前 {command('check')} 会报错，文件不会发布")
    removed: dict[str, list[int]] = {}
    for line, what in result.removed:
        removed.setdefault(what, []).append(line)
    if result.fixed_numbers:
        lines.append(f"  正文中引用的文号：{result.fixed_numbers} 处年份括号已改为〔〕")
    if removed:
        lines.append("  已去掉：" + "；".join(f"{what} 第{_ranges(nums)}{unit}" for what, nums in removed.items()))
    return "\n".join(lines)


def _ranges(numbers: list[int]) -> str:
    """3、5-7、9"""
    out: list[str] = []
    for n in sorted(set(numbers)):
        if out and (last := out[-1].split("-")[-1]) and int(last) == n - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return "、".join(out)
