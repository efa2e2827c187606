"""`build.py migrate 镜像目录`: an old site's mirror → content/documents, interpretations, attachments,
pinned 索引号, redirect maps in deploy/, and a migration report (migration/report.html + .json).

Passes: audit (the old site against the inspection rules, legacy/audit.py), scan (read every page into small records), columns (write/read the mapping file),
plan (duplicates, file names, 解读 → 原文), write (bodies, attachments), registry, redirects, report.
Nothing here stops the build that follows: every value the schema requires is written, guesses
marked as such in the file and in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from zwgk.base import progress
from zwgk.base.problems import Problems
from zwgk.content import indexno
from zwgk.content.sourcefile import read_yaml_file
from zwgk.legacy import audit_report, report
from zwgk.legacy import columns as cols
from zwgk.legacy.audit import run_audit
from zwgk.legacy.fields import GUESS, Value
from zwgk.legacy.plan import DOCUMENT, plan
from zwgk.legacy.scan import scan
from zwgk.legacy.write import Line, Writer, write_item

AUDIT_DIR = Path("migration") / "旧网站检查报告"


class MigrateRefused(Exception):
    """migrate cannot start: the message says why and what to do, in Chinese."""


@dataclass(frozen=True)
class Redirect:
    old_url: str  # as the old site served it: /xxgk/202401/t20240105_1.htm, /show.jsp?documentid=1
    new_path: str  # the new page, from the site root: wj/szf-2024-3.html


def _site(root: Path) -> tuple[str, str]:
    """The organ's name and the site's base path (/zwgk/) from content/site.yml."""
    path = root / "content" / "site.yml"
    if not path.is_file():
        raise MigrateRefused(f"{path}: 找不到 — migrate 要写进一个站点目录：先复制示例的 content/site.yml 改成本机关信息")
    located = read_yaml_file(path, Problems(root))
    data = located.data if located is not None and isinstance(located.data, dict) else {}
    base = urlsplit(str(data.get("网站地址") or "")).path or "/"
    return str(data.get("名称") or "本机关"), base if base.endswith("/") else base + "/"


def _one_more(_n: int) -> None:
    progress.advance()


def _taken(root: Path, writer: Writer) -> set[str]:
    """File names used by documents and interpretations migrate did not write (the county's own)."""
    names: set[str] = set()
    for folder in ("documents", "interpretations"):
        for path in (root / "content" / folder).rglob("*.md"):
            rel = path.relative_to(root / "content").as_posix()
            if rel not in writer.previous:
                names.add(path.stem)
    return names


def _fill_dates(records, today: date) -> None:  # noqa: ANN001 - list[Record]
    """A page with no date anywhere still gets the dates the schema requires, marked as guesses."""
    for record in records:
        if "发布日期" not in record.fields:
            record.fields["发布日期"] = Value(today.isoformat(), GUESS, "旧网页和网址都没有日期，暂填迁移当天")
        if "成文日期" not in record.fields:
            record.fields["成文日期"] = replace(record.fields["发布日期"], source=GUESS,
                                            why="旧网页没有成文日期，暂填发布日期")


def migrate(root: Path, mirror_dir: Path, today: date) -> report.Report:
    if not mirror_dir.is_dir():
        raise MigrateRefused(f"{mirror_dir}: 找不到这个文件夹 — 写旧网站镜像（wget --mirror 或网站导出）所在的文件夹")
    organ, base_path = _site(root)
    # The old site as an inspector would judge it, before anything is moved (legacy/audit.py).
    with progress.stage("检查旧网站", unit="个网页"):
        audited = run_audit(mirror_dir, today, _one_more)
    audit_html, _ = audit_report.write(audited, root / AUDIT_DIR)
    total = sum(1 for f in _pages(mirror_dir))
    with progress.stage("读取网页", total=total):
        scanned = scan(mirror_dir, organ, _one_more)
    _fill_dates(scanned.records, today)

    mapping = cols.read(root)
    for column, count in sorted(scanned.column_pages.items()):
        name = scanned.column_names.get(column, "")
        if column in mapping:
            mapping[column].pages, mapping[column].name = count, mapping[column].name or name
        elif any(r.column == column for r in scanned.records):
            mapping[column] = cols.Column(column, name, count, cols.guess(column, name))
    cols.write(root, mapping)

    writer = Writer(root, mirror_dir)
    planned = plan(scanned, mapping, _taken(root, writer))
    with progress.stage("写入文件", total=len(planned.items)):
        for item in planned.items:
            try:
                write_item(writer, planned, item)
            except Exception as exc:  # noqa: BLE001 - reported; the files already written stay
                writer.out.lines.append(Line(item.record.url, f"迁移时出错（{type(exc).__name__}），没有写出",
                                             "用浏览器打开旧网页核对，手工录入"))
            progress.advance()
    writer.save_manifest()
    pinned = _pin_numbers(root, planned.items, writer)
    # One target per old URL (a map with a key twice is refused by nginx): an attachment two documents
    # link to goes to the first document's copy.
    first: dict[str, str] = {}
    for old, new in writer.out.redirects:
        first.setdefault(old, new)
    redirects = [Redirect(old, new) for old, new in sorted(first.items())]
    written_maps = _write_redirects(root, redirects, base_path)
    for record in planned.unlinked:
        writer.out.lines.append(Line(record.url, "政策解读的原文不在镜像中（正文里也没有找到原文的标题或文号），没有迁移",
                                     "先把原文迁移或录入，再用 build.py new interpretation 录入这篇解读"))
    result = report.Report(mirror=str(mirror_dir), pages_read=scanned.pages_read, encodings=scanned.encodings,
                           scan=scanned, plan=planned, written=writer.out, pinned=pinned, redirects=len(redirects),
                           redirect_files=written_maps, mapping=mapping,
                           audit=(len(audited.findings), audit_html.relative_to(root).as_posix()))
    report.write(root, result)
    return result


def _pages(mirror_dir: Path):  # noqa: ANN202 - an iterator
    from zwgk.legacy import mirror

    return (f for f in mirror.walk(mirror_dir) if f.kind == mirror.PAGE)


def _pin_numbers(root: Path, items, writer: Writer) -> int:  # noqa: ANN001 - list[Planned]
    """Published 索引号 into content/index-numbers.yml, so no build ever gives the document another."""
    problems = Problems(root)
    registry = indexno.load_registry(root, problems)
    owner = {number: slug for slug, number in registry.items()}
    pinned = 0
    for item in items:
        number = item.record.fields.get("索引号")
        if item.kind != DOCUMENT or number is None:
            continue
        if owner.get(number.value, item.slug) != item.slug:
            writer.out.lines.append(Line(f"content/{item.rel}", f"索引号“{number.value}”已登记给 {owner[number.value]}",
                                         "核对两份文件是否同一份；不是的话，其中一份的索引号须按旧网站改正"))
            continue
        registry[item.slug] = number.value
        owner[number.value] = item.slug
        pinned += 1
    (root / "content").mkdir(exist_ok=True)
    indexno.save_registry(root, registry)
    return pinned


def _write_redirects(root: Path, redirects: list[Redirect], base_path: str) -> list[str]:
    """deploy/ maps for nginx, Apache and IIS (legacy/redirects.py), and migration/redirects.tsv for reading."""
    tsv = root / "migration" / "redirects.tsv"
    tsv.parent.mkdir(parents=True, exist_ok=True)
    tsv.write_text("旧网址\t新网址\n" + "".join(f"{r.old_url}\t{base_path}{r.new_path}\n" for r in redirects),
                   encoding="utf-8")
    files = [tsv.relative_to(root).as_posix()]
    try:
        from zwgk.legacy import redirects as maps
    except ImportError:  # written by the other half of issue 17; the TSV stands in until it lands
        return files
    made = maps.write_redirects([maps.Redirect(r.old_url, r.new_path) for r in redirects], root / "deploy", base_path)
    return files + [Path(p).relative_to(root).as_posix() if Path(p).is_absolute() else str(p) for p in made or []]
