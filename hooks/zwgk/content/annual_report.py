"""The annual report (年度报告) as editors write it in content/reports/<年份>.yml, loaded into a typed model.

Totals the editor left out are computed here; totals the editor wrote are kept as written, so that
checks/report_numbers.py can hold them to the format's identities and name the wrong cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.base import annual_format as fmt
from zwgk.base import vocab
from zwgk.base.dates import DAY_FIX, FIRST_YEAR, LAST_YEAR, parse_date
from zwgk.base.problems import Problems
from zwgk.content import schemas
from zwgk.content.model import AnnualReport, Cells, Document, Page, Site, Source
from zwgk.content.sourcefile import Located, read_yaml_file
from zwgk.content.validate import validate

FOLDER = Path("content") / "reports"
_YEAR_FILE = re.compile(r"^\d{4}$")
_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年")


def page_year(page: Page) -> int | None:
    """The year a hand-written report page reports on, read from its title (示例县2024年……年度报告)."""
    match = _YEAR_IN_TITLE.search(page.title)
    return int(match.group(1)) if match else None


def by_year(entries: list[AnnualReport | Page]) -> list[AnnualReport | Page]:
    """Reports and hand-written report pages, newest year first."""
    def year(e: AnnualReport | Page) -> int:
        return e.year if isinstance(e, AnnualReport) else (page_year(e) or e.published.year - 1)

    return sorted(entries, key=lambda e: (year(e), e.published, e.title), reverse=True)


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Each line a paragraph; blank lines and the ideographic indent editors copy from Word dropped."""
    return tuple(line.strip() for line in (text or "").split("\n") if line.strip())


def _number(text: str) -> int:
    return int(unicodedata.normalize("NFKC", text))


def _cells(located: Located, problems: Problems, path: tuple[str, ...], data: dict[str, Any],
           parts: tuple[str, ...], total: str | None) -> Cells:
    """The row at `path`; its `total` column, when left out, is the sum of `parts`. Its 说明 is kept as
    one line, stripped: "" when the key is there with nothing (or only spaces) after it."""
    values = {column: _number(value) for column, value in data.items() if column != fmt.NOTE}
    written = frozenset(values)
    if total and total not in values:
        values[total] = sum(values[c] for c in parts)
    lines = located.key_lines(*path)
    note = "".join(paragraphs(data.get(fmt.NOTE))) if fmt.NOTE in lines else None
    return Cells(values, written, Source(problems.relative(located.file), located.line(*path), lines), note)


def _requests(located: Located, problems: Problems, data: dict[str, Any]) -> dict[fmt.Row, Cells]:
    rows: dict[fmt.Row, Cells] = {}
    for row in fmt.REQUEST_ROWS:
        if row == fmt.RESULTS_TOTAL:
            continue
        cells = data[row.path[0]] if len(row.path) == 1 else data[row.path[0]][row.path[1]]
        rows[row] = _cells(located, problems, ("申请情况", *row.path), cells, fmt.APPLICANTS, fmt.TOTAL)
    # （七）总计: what the editor wrote, every cell left out added up from the rows of 三、本年度办理结果
    written = data.get(fmt.TOTAL, {})
    total = {c: _number(written[c]) if c in written else sum(rows[r][c] for r in fmt.RESULT_ROWS) for c in fmt.APPLICANTS}
    total[fmt.TOTAL] = _number(written[fmt.TOTAL]) if fmt.TOTAL in written else sum(total.values())
    path = ("申请情况", fmt.TOTAL) if fmt.TOTAL in data else ("申请情况",)
    rows[fmt.RESULTS_TOTAL] = Cells(total, frozenset(written), Source(
        problems.relative(located.file), located.line(*path), located.key_lines(*path) if written else {}))
    return rows


def _load(path: Path, site: Site | None, problems: Problems) -> AnnualReport | None:
    located = read_yaml_file(path, problems)
    if located is None:
        return None
    data, ok = validate(located, schemas.ANNUAL_REPORT, problems)
    published = parse_date(data["发布日期"]) if ok else None
    if ok and published is None:
        problems.error(path, located.line("发布日期"), f"“发布日期”{data['发布日期']} 这一天不存在", DAY_FIX)
    if published is None:
        return None
    year = int(path.stem)
    if published.year <= year:
        problems.error(path, located.line("发布日期"), f"{year} 年的年度报告发布日期是 {published}，在该年度结束之前",
                       f"年度报告在次年公布：核对发布日期，或把文件名改成报告所属的年份（{published.year - 1}.yml）")
    proactive, reviews = data["主动公开"], data["复议诉讼"]
    return AnnualReport(
        year=year, title=data.get("标题", f"{site.name if site else ''}{year}年政府信息公开工作年度报告"), published=published,
        preface=paragraphs(data.get("前言")), overview=paragraphs(data["总体情况"]),
        rules={kind: _cells(located, problems, ("主动公开", kind), proactive[kind], (), None) for kind in fmt.RULE_KINDS},
        decisions={kind: _number(proactive[kind]) for kind in fmt.DECISION_KINDS},
        fees=Decimal(unicodedata.normalize("NFKC", proactive[fmt.FEES])),
        requests=_requests(located, problems, data["申请情况"]),
        reviews={case: _cells(located, problems, ("复议诉讼", case), reviews[case], fmt.REVIEW_RESULTS, fmt.TOTAL)
                 for case in fmt.REVIEW_CASES},
        notes={key: paragraphs(data[key].get("说明")) for key in fmt.PART_NUMBERS},
        issues=paragraphs(data["存在的主要问题及改进情况"]), other=paragraphs(data["其他需要报告的事项"]),
        source=Source(problems.relative(path), 1, located.key_lines()),
    )


def load_reports(root: Path, site: Site | None, problems: Problems) -> list[AnnualReport]:
    """Every report under content/reports, oldest first; a file that does not load is reported and left out."""
    folder = root / FOLDER
    reports: dict[int, AnnualReport] = {}
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix not in (".yml", ".yaml"):
            problems.warning(path, 0, "这个文件不是 .yml 文件，不会发布", "年度报告写成 content/reports/<年份>.yml，例如 2024.yml")
            continue
        if not _YEAR_FILE.match(path.stem) or not FIRST_YEAR <= int(path.stem) <= LAST_YEAR:
            problems.error(path, 0, f"年度报告的文件名“{path.name}”不是 {FIRST_YEAR} 到 {LAST_YEAR} 之间的年份",
                           "文件名写报告所属的年份，例如 2024 年的报告写成 content/reports/2024.yml")
            continue
        if path.stem in seen:
            problems.error(path, 0, f"{path.stem} 年已有年度报告 {problems.relative(seen[path.stem])}",
                           "一年只写一个报告文件：删掉其中一个")
            continue
        seen[path.stem] = path
        if report := _load(path, site, problems):
            reports[report.year] = report
    return [reports[year] for year in sorted(reports)]


def normative_documents(documents: list[Document], year: int) -> dict[str, tuple[list[Document], str, str]]:
    """For each 行政规范性文件 column of the `year` report: the site's documents it counts, what they
    are and how to set them right. Withheld ones count too: they were issued all the same."""
    normative = [d for d in documents if d.doc_type == vocab.NORMATIVE]
    year_end = date(year, 12, 31)

    def withdrawn_by(doc: Document, day: date) -> bool:
        return doc.is_withdrawn and doc.repealed is not None and doc.repealed <= day

    return {
        "本年制发": ([d for d in normative if d.written.year == year], f"{year} 年制发（成文日期在 {year} 年）",
                 "在 content/documents/ 补上缺少的文件，或改正文件的“文件类型”“成文日期”"),
        "本年废止": ([d for d in normative if d.is_withdrawn and d.repealed and d.repealed.year == year],
                 f"{year} 年失效或废止", "核对文件的“有效性”和“废止日期”"),
        "现行有效": ([d for d in normative if d.written <= year_end and not withdrawn_by(d, year_end)],
                 f"{year} 年底现行有效", "核对文件的“有效性”和“废止日期”，在 content/documents/ 补上缺少的文件"),
    }


def counts_documents(documents: list[Document], year: int) -> bool:
    """Whether the site's documents are held against the `year` report: not for years before the
    site's oldest document, whose documents may never have been entered."""
    return bool(documents) and year >= min(d.written.year for d in documents)
