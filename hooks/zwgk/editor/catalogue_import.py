"""`build.py import 目录.xlsx|.docx|.csv`: a county's or town's 标准目录 table into
catalogues/county/<领域>.yml (or catalogues/towns/<乡镇>/<领域>.yml with --town).

Every table of the file is read (catalogue_table.py); every problem of every row is collected, and
only when there is none are the catalogues written, all of them, each checked against the schema
first: a refused import writes nothing. An item whose 一级事项/二级事项 did not change keeps its 编号,
so documents citing it still fulfil it; the report says, per row, which cells each value came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zwgk.base import docnumber, vocab
from zwgk.base.problems import Problems
from zwgk.base.tool import command
from zwgk.content import schemas
from zwgk.content.sourcefile import read_yaml_file
from zwgk.editor.catalogue_table import ReadTable, Row, read_table, sources
from zwgk.editor.importer import ImportRefused
from zwgk.editor.tables import TableRefused, read_tables
from zwgk.kinds.catalogue import COUNTY_FOLDER, ITEM_ORDER, NEW_ITEM_REASON, item_lines
from zwgk.kinds.scaffold import Context, ScaffoldError, check_text, replace_file, schema_comment, yaml_lines

TOWNS_FOLDER = "catalogues/towns"


@dataclass
class DomainImport:
    domain: vocab.Term
    path: Path
    rows: list[Row]
    items: list[dict[str, Any]] = field(default_factory=list)
    kept: int = 0  # items that kept their 编号
    removed: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the report's lines for this domain


def is_catalogue_file(path: Path) -> bool:
    """Whether `path` holds a catalogue table (a .docx may instead be an issued document)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".csv", ".xls", ".et"):
        return True
    if suffix != ".docx":
        return False
    try:
        return any(read_table(t) is not None for t in read_tables(path))
    except TableRefused:
        return False


def import_catalogue(ctx: Context, path: Path, town: str | None, domain_hint: str | None, force: bool = False) -> str:
    """Write the catalogues of `path`; the report. Raises ImportRefused with every problem found."""
    try:
        tables = read_tables(path)
    except TableRefused as refused:
        raise ImportRefused(str(refused)) from None
    read = [r for t in tables if (r := read_table(t)) is not None]
    if not read:
        raise ImportRefused(f"{path}: 没有找到目录表格 — 表头要有“一级事项”“公开内容”“公开依据”“公开方式”等列名"
                            f"（在前 15 行内）；其他列名见编辑手册“公开事项标准目录”")
    folder = _folder(ctx, town)
    hint = _domain(domain_hint) if domain_hint else None
    if domain_hint and hint is None:
        raise ImportRefused(f"--domain “{domain_hint}”不是 26 个试点领域之一 — 可选：" + _domains_listed())
    errors: list[str] = []
    by_domain: dict[str, DomainImport] = {}
    for table in read:
        default = hint or _table_domain(table)
        for row in table.rows:
            errors += row.errors
            domain = _domain(row.domain) if row.domain else default
            if domain is None:
                errors.append(f"{row.ref}：领域“{row.domain}”不是 26 个试点领域之一 — 可选：" + _domains_listed()
                              if row.domain else f"{table.name}：无法判断这张表属于哪个领域 — 把工作表命名为领域名称"
                              f"（如“财政预决算”），或在表格标题里写出领域，或加 --domain 领域名称")
                continue
            entry = by_domain.setdefault(domain.name, DomainImport(domain, folder / f"{domain.slug}.yml", []))
            entry.rows.append(row)
    if errors:
        raise ImportRefused(f"{path}: 没有导入，共 {len(errors)} 处需要改正（改好后重新导入；没有写入任何目录）：\n"
                            + "\n".join(f"  {e}" for e in dict.fromkeys(errors)))
    texts = {entry.path: _catalogue_text(ctx, entry, town) for entry in by_domain.values()}
    cited = [f"  {ctx.rel(e.path)}：{gone}" for e in by_domain.values() for gone in e.removed if "仍被" in gone]
    if cited and not force:
        raise ImportRefused(f"{path}: 没有导入：原目录中这些事项表中没有了，但仍有文件引用（删掉会使这些文件落空）：\n"
                            + "\n".join(cited) + "\n  — 核对表格里的事项名称是否改了字；确要删除这些事项就加 --force 重新导入，"
                            "再改正引用它们的文件的“目录事项”")
    for target, text in texts.items():  # all checked before any is written
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, text)
    return _report(ctx, path, read, by_domain)


def _domains_listed() -> str:
    return "".join(f"\n    “{d.name}”" for d in vocab.DOMAINS)


def _folder(ctx: Context, town: str | None) -> Path:
    if town is None:
        return ctx.root / COUNTY_FOLDER
    folder = ctx.root / TOWNS_FOLDER / town
    if not (folder / "town.yml").is_file():
        known = sorted(p.parent.name for p in (ctx.root / TOWNS_FOLDER).glob("*/town.yml"))
        raise ImportRefused(f"--town {town}：没有这个乡镇（{TOWNS_FOLDER}/{town}/town.yml 不存在） — "
                            + (f"已有：{'、'.join(known)}" if known else "先建立乡镇文件夹和其中的 town.yml（见编辑手册“乡镇”）"))
    return folder


def _domain(name: str) -> vocab.Term | None:
    name = name.strip().removesuffix("领域")
    return vocab.find_term(vocab.DOMAINS, name) or next(
        (d for d in vocab.DOMAINS if d.name in name or any(a in name for a in d.aliases)), None)


def _table_domain(table: ReadTable) -> vocab.Term | None:
    """The domain a sheet is named after, else the one its title names."""
    return _domain(table.name) or (_domain(table.title) if table.title else None)


def _existing(path: Path, ctx: Context) -> dict[str, Any]:
    if not path.is_file():
        return {}
    problems = Problems(ctx.root)
    located = read_yaml_file(path, problems)
    if located is None or not isinstance(located.data, dict):
        raise ImportRefused(f"{ctx.rel(path)}：现有目录无法读取，没有覆盖它 — 先运行 {command('check')} 改正，或把它移走后再导入\n"
                            + "\n".join(f"  {p}" for p in problems.items))
    return located.data


def _key(level1: object, level2: object) -> tuple[str, str]:
    return ("".join(str(level1 or "").split()), "".join(str(level2 or "").split()))


def _catalogue_text(ctx: Context, entry: DomainImport, town: str | None) -> str:
    old = _existing(entry.path, ctx)
    old_items = [i for i in old.get("事项") or [] if isinstance(i, dict)]
    by_name = {_key(i.get("一级事项"), i.get("二级事项")): i for i in old_items}
    own_codes = {str(i.get("编号")) for i in old_items}
    taken = {item.code for c in (ctx.project.all_catalogues if ctx.project else []) for item in c.items} - own_codes
    prefix = _prefix(old_items, entry.domain, town)
    used: set[str] = set()
    for row in entry.rows:
        item = {k: row.values[k] for k in ITEM_ORDER if k in row.values}
        before = by_name.get(_key(item.get("一级事项"), item.get("二级事项")))
        code = str(row.values.get("编号") or (before or {}).get("编号") or "")
        if not code or code in used or code in taken:
            code = _next_code(prefix, used | taken | own_codes)
            how = "新编号"
        else:
            how = "沿用原编号" if before else "表中的编号"
            entry.kept += before is not None
        used.add(code)
        item["编号"] = code
        if before and before.get("暂无内容说明"):
            item["暂无内容说明"] = before["暂无内容说明"]
        elif item.get("公开方式") == "主动" and not before:  # nothing fulfils it yet: said, or the build stops
            item["暂无内容说明"] = {"原因": NEW_ITEM_REASON, "日期": ctx.today.isoformat()}
        entry.items.append(item)
        entry.lines.append(f"  {row.ref} → {code}（{how}）{item['一级事项']}"
                           + (f" / {item['二级事项']}" if item.get("二级事项") else "") + "：" + "，".join(sources(row)))
        entry.lines += [f"    注意：{note}" for note in row.notes]
    citing = _citing(ctx)
    for gone in old_items:
        if str(gone.get("编号")) not in used:
            users = citing.get(str(gone.get("编号")), [])
            entry.removed.append(f"{gone.get('编号')} {gone.get('一级事项')}" + (
                f"（仍被 {'、'.join(users)} 引用：改正这些文件的“目录事项”）" if users else ""))
    lead = old.get("牵头部门") or Counter(str(i["公开主体"]) for i in entry.items).most_common(1)[0][0]
    values = {"领域": entry.domain.name, "牵头部门": lead}
    lines = [schema_comment("catalogue", entry.path), *yaml_lines(values, ["领域", "牵头部门"]),
             f"更新日期: {ctx.today.isoformat()}", "事项:"]
    for number, item in enumerate(entry.items):
        lines += [""] * bool(number) + item_lines(item, "  ")
    text = "\n".join(lines) + "\n"
    try:
        check_text(ctx, entry.path, text, schemas.CATALOGUE, first_line=1)
    except ScaffoldError as refused:
        raise ImportRefused(f"{ctx.rel(entry.path)}：导入结果没有通过检查，没有写入：\n"
                            + "\n".join(f"  {m}" for m in refused.args)) from None
    return text


def _prefix(old_items: list[dict[str, Any]], domain: vocab.Term, town: str | None) -> str:
    for item in reversed(old_items):
        if match := re.fullmatch(r"(.*?)\d+", str(item.get("编号", ""))):
            return match[1]
    town_part = (docnumber.initials(town).upper() + "-") if town else ""
    return f"{town_part}{docnumber.initials(domain.name).upper()}-"


def _next_code(prefix: str, taken: set[str]) -> str:
    """After the highest number given with `prefix`: a number once used (and perhaps cited) is not given again."""
    numbers = [int(m[1]) for code in taken if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", code))]
    start = max(numbers, default=0) + 1
    return next(f"{prefix}{n:02d}" for n in range(start, start + 100_000) if f"{prefix}{n:02d}" not in taken)


def _citing(ctx: Context) -> dict[str, list[str]]:
    citing: dict[str, list[str]] = {}
    for owner in [*(ctx.project.documents if ctx.project else []), *(ctx.project.pages if ctx.project else [])]:
        for code in owner.items:
            citing.setdefault(code, []).append(ctx.rel(owner.source.file))
    return citing


def _report(ctx: Context, path: Path, read: list[ReadTable], by_domain: dict[str, DomainImport]) -> str:
    out = [f"已导入 {path}："]
    for entry in by_domain.values():
        new = sum(1 for i in entry.items if "暂无内容说明" in i and i["暂无内容说明"].get("原因") == NEW_ITEM_REASON)
        out.append(f"{ctx.rel(entry.path)}：领域“{entry.domain.name}”，{len(entry.items)} 个事项"
                   + (f"（{entry.kept} 个沿用原编号）" if entry.kept else ""))
        out += entry.lines
        if entry.removed:
            out.append("  原目录中有、表中没有的事项，已删除：" + "；".join(entry.removed))
        if new:
            out.append(f"  {new} 个新的主动公开事项写了“暂无内容说明”：发布落实它们的文件后，在文件头“目录事项”写上编号，再删掉说明")
    for table in read:
        for header in table.unmapped:
            out.append(f"没有导入的列：{table.name} {header}，没有对应的目录字段")
        for skipped in table.skipped:
            out.append(f"没有导入的行：{skipped}")
    out.append(f"下一步：运行 {command('check')} 检查，确认后把 catalogues/ 的改动提交。")
    return "\n".join(out)
