"""政府公报: the gazette, one file a year (content/gazette/<年>.yml) listing its issues.

An issue has its 期号, 出版日期, the PDF of the printed issue and the documents it printed, by file
name. A listed document must exist and be 此件公开发布 (a gazette is printed for the public); the
issues of a year are numbered 1, 2, 3 … in the order they came out.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from pathlib import Path
from typing import Any

from zwgk.base import vocab
from zwgk.base.dates import DAY_FIX, FIRST_YEAR, LAST_YEAR, parse_date
from zwgk.base.problems import Problems, suggest
from zwgk.content import schemas
from zwgk.content.model import Attachment, Document, GazetteIssue, GazetteYear, Source
from zwgk.content.sourcefile import Located, read_yaml_file
from zwgk.content.validate import validate

FOLDER = Path("content") / "gazette"
SECTION = vocab.SECTION_GAZETTE


def year_path(year: int) -> str:
    return f"{SECTION.slug}/{year}/index.html"


def issue_path(issue: GazetteIssue) -> str:
    return f"{SECTION.slug}/{issue.year}/{issue.number}.html"


def issue_name(title: str, issue: GazetteIssue) -> str:
    """《示例县人民政府公报》2025年第1期: how a document cites the issue it was printed in."""
    return f"《{title}》{issue.year}年第{issue.number}期"


def load_all(root: Path, problems: Problems, documents: list[Document], unloaded: set[str],
             default_title: str) -> list[GazetteYear]:
    """Every year under content/gazette, references checked, newest year first."""
    folder = root / FOLDER
    by_slug = {d.slug: d for d in documents}
    found: dict[int, GazetteYear] = {}
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        if not re.fullmatch(r"\d{4}", path.stem) or not FIRST_YEAR <= int(path.stem) <= LAST_YEAR:
            problems.error(path, 0, f"文件名“{path.name}”不是 {FIRST_YEAR} 到 {LAST_YEAR} 之间的年份",
                           "政府公报每年一个文件，文件名写成年份，例如 2025.yml")
            continue
        if int(path.stem) in found:
            problems.error(path, 0, f"{path.stem} 年已有公报文件 {found[int(path.stem)].source.file}",
                           "一年只写一个公报文件：把两个文件合并", "consistency.duplicate")
            continue
        located = read_yaml_file(path, problems)
        year = _year(root, problems, located, int(path.stem), by_slug, unloaded, default_title) if located else None
        if year is not None:
            found[year.year] = year
    return [found[y] for y in sorted(found, reverse=True)]


def _year(root: Path, problems: Problems, located: Located, year: int, documents: dict[str, Document],
          unloaded: set[str], default_title: str) -> GazetteYear | None:
    data, ok = validate(located, schemas.GAZETTE, problems)
    if not ok:
        return None
    file = located.file
    issues: list[GazetteIssue] = []
    for i, item in enumerate(data["期"]):
        source = Source(problems.relative(file), located.line("期", i), located.key_lines("期", i))
        lines = [located.line("期", i, "文件", j) for j in range(len(item["文件"]))]
        issue = _issue(root, problems, file, item, source, year, documents, unloaded, lines)
        if issue is not None:
            issues.append(issue)
    _check_order(problems, file, issues)
    return GazetteYear(year, data.get("刊名", default_title), tuple(issues),
                       Source(problems.relative(file), 1, located.key_lines()))


def _issue(root: Path, problems: Problems, file: Path, item: dict[str, Any], source: Source, year: int,
           documents: dict[str, Document], unloaded: set[str], lines: list[int]) -> GazetteIssue | None:
    number = int(unicodedata.normalize("NFKC", item["期号"]))
    day = parse_date(item["出版日期"])
    if day is None:
        problems.error(file, source.at("出版日期"), f"“出版日期”{item['出版日期']} 这一天不存在", DAY_FIX)
        return None
    if day.year != year:
        problems.error(file, source.at("出版日期"), f"第{number}期的出版日期 {day} 不在 {year} 年",
                       f"这一期写到 {day.year}.yml 中，或改正出版日期")
    if number < 1:
        problems.error(file, source.at("期号"), "期号“0”不存在", "每年的公报从第 1 期编起")
        return None
    for slug, line in zip(item["文件"], lines, strict=True):
        _check_document(problems, source.file, line, slug, documents, unloaded)
    return GazetteIssue(year, number, day, _pdf(root, problems, file, source, item["PDF"]),
                        tuple(dict.fromkeys(item["文件"])), source)


def _check_document(problems: Problems, file: str, line: int, slug: str, documents: dict[str, Document],
                    unloaded: set[str]) -> None:
    doc = documents.get(slug)
    if doc is None:
        if slug not in unloaded:
            near = suggest(slug, [s for s, d in documents.items() if d.is_public])  # only what may be listed
            problems.error(file, line, f"文件“{slug}”不存在",
                           (f"是不是“{near}”？" if near else "") + "写 content/documents 下文件的文件名（不带 .md）",
                           "consistency.unknown-reference")
    elif not doc.is_public:
        # Only the label is named: a withheld document's title must not reach any message.
        problems.error(file, line, f"文件“{slug}”是“{doc.label}”的文件",
                       "公报只刊登主动公开的文件：删掉这一行，或核对文件的公开属性", "consistency.hidden-reference")


def _pdf(root: Path, problems: Problems, file: Path, source: Source, rel: str) -> Attachment | None:
    base = (root / "content" / "attachments").resolve()
    rel = rel.replace("\\", "/").strip()
    try:
        target = (base / rel).resolve()
        exists = target.is_file()
    except (OSError, ValueError):  # NUL bytes, names too long for the file system
        exists, target = False, base
    if rel.startswith("/") or not target.is_relative_to(base):
        problems.error(file, source.at("PDF"), f"PDF 路径“{rel}”指向 content/attachments 以外",
                       "把公报 PDF 放进 content/attachments/ 文件夹，这里只写它在该文件夹下的路径")
    elif not exists:
        problems.error(file, source.at("PDF"), f"公报 PDF“{rel}”不存在",
                       "把这一期的 PDF 放到 content/attachments/ 下，或改正路径（注意文件名和扩展名）")
    elif target.suffix.lower() != ".pdf":
        problems.error(file, source.at("PDF"), f"“{rel}”不是 PDF 文件", "写这一期公报的 PDF 文件（扩展名 .pdf）")
    else:
        return Attachment(target.relative_to(base).as_posix(), target)
    return None


def _check_order(problems: Problems, file: Path, issues: list[GazetteIssue]) -> None:
    """Issue numbers are unique and grow with the 出版日期, as the issues came out."""
    seen: dict[int, GazetteIssue] = {}
    previous: GazetteIssue | None = None
    for issue in issues:
        if issue.number in seen:
            problems.error(file, issue.source.at("期号"), f"第{issue.number}期写了两次（第 {seen[issue.number].source.line} 行已有）",
                           "每期只写一次：改正期号，或把两期的文件合并", "consistency.duplicate")
            continue
        seen[issue.number] = issue
        if previous is not None and (issue.number < previous.number or issue.published < previous.published):
            problems.error(file, issue.source.at("期号"),
                           f"第{issue.number}期（{issue.published}）排在第{previous.number}期（{previous.published}）之后，顺序不对",
                           "各期按期号从小到大写，期号大的出版日期不能更早：检查期号和出版日期")
        previous = issue


def publish(years: list[GazetteYear], documents: dict[str, Document]) -> tuple[GazetteYear, ...]:
    """The years with each issue's published documents attached; `documents` holds only what may be shown,
    and a gazette lists only public ones (a 依申请公开 document has no text to print)."""
    out = []
    for year in years:
        issues = tuple(dataclasses.replace(i, documents=tuple(d for s in i.slugs if (d := documents.get(s)) and d.is_public))
                       for i in sorted(year.issues, key=lambda i: i.number))
        out.append(dataclasses.replace(year, issues=issues))
    return tuple(out)


def printed_in(years: tuple[GazetteYear, ...]) -> dict[str, list[tuple[GazetteYear, GazetteIssue]]]:
    """Document slug → the issues that printed it, oldest first."""
    found: dict[str, list[tuple[GazetteYear, GazetteIssue]]] = {}
    for year in sorted(years, key=lambda y: y.year):
        for issue in year.issues:
            for doc in issue.documents:
                found.setdefault(doc.slug, []).append((year, issue))
    return found
