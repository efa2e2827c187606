"""政府信息公开工作年度报告: content/reports/<年份>.yml, read by content/annual_report.py.

`build.py new report`: the annual report (年度报告) of a year, content/reports/<年份>.yml, as a
complete skeleton in the national format for the editor to fill in.

Every table row is there with each column 0, except what the site already knows: 上年结转 and 规章
现行有效 follow from last year's report, the 行政规范性文件 row from the site's own documents (the
numbers `check` holds the report to). 结转下年度 starts equal to 上年结转, so the skeleton adds up.
The texts are `待填写：…`, which the loader refuses: the report cannot be published before they are
written.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from zwgk.base import annual_format as fmt
from zwgk.base import vocab
from zwgk.base.tool import command
from zwgk.content import schemas
from zwgk.content.annual_report import (
    FOLDER,
    AnnualReport,
    counts_documents,
    load_reports,
    normative_documents,
    page_year,
)
from zwgk.content.reader import Reader
from zwgk.content.validate import TODO
from zwgk.kinds.kind import ContentKind, Loaded
from zwgk.kinds.scaffold import (
    Context,
    Field,
    Form,
    ScaffoldError,
    Values,
    check_text,
    schema_comment,
    write_new,
    year_schema,
)

TEXTS = {
    "总体情况": "本年度政府信息公开工作的总体情况（主动公开、依申请公开、政府信息管理、平台建设、监督保障等），每行一段",
    "存在的主要问题及改进情况": "本年度存在的主要问题和改进措施，以及上一年度报告所列问题的整改情况，每行一段",
    "其他需要报告的事项": "信息处理费收取情况、人大代表建议和政协委员提案办理情况等，每行一段",
}


def report_path(root: Path, year: int) -> Path:
    return root / FOLDER / f"{year}.yml"


def _year_done(ctx: Context, text: str) -> str | None:
    """A report is published after its year: refused for this year or later."""
    if int(text) >= ctx.today.year:
        return (f"{text} 年的年度报告要到 {int(text) + 1} 年才能写 — 年度报告在次年公布；"
                f"不写 --year 即为上一年（{ctx.today.year - 1}）")
    return None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _rows(rows: list[tuple[str, str, str]], indent: str, wide: int = 0) -> list[str]:
    """`键: 值  # 说明` lines with the values lined up, as the demo reports write their tables."""
    wide = wide or max(_width(key) for key, _, _ in rows)
    return [f"{indent}{key}:{' ' * (wide - _width(key) + 1)}{value}" + (f"  # {note}" if note else "")
            for key, value, note in rows]


def _cells(columns: tuple[str, ...], values: dict[str, int] | None = None) -> str:
    return "{" + ", ".join(f"{c}: {(values or {}).get(c, 0)}" for c in columns) + "}"


def _paragraphs(key: str) -> list[str]:
    return [f"{key}: |", f"  {TODO}：{TEXTS[key]}", ""]


def skeleton(ctx: Context, year: int, published: date) -> tuple[str, list[str]]:
    """The report's text, and what was filled in from the site (to tell the editor)."""
    project = ctx.project
    last: AnnualReport | None = next((r for r in project.reports if r.year == year - 1), None) if project else None
    documents = project.documents if project else []
    told: list[str] = []

    rules = {kind: {c: 0 for c in fmt.RULE_COLUMNS} for kind in fmt.RULE_KINDS}
    notes = dict.fromkeys(fmt.RULE_KINDS, "")
    if last:
        for kind in fmt.RULE_KINDS:
            rules[kind]["现行有效"] = last.rules[kind]["现行有效"]
            notes[kind] = f"现行有效取自 {year - 1} 年报告"
    if counts_documents(documents, year):
        found = normative_documents(documents, year)
        rules[vocab.NORMATIVE] = {column: len(docs) for column, (docs, _, _) in found.items()}
        notes[vocab.NORMATIVE] = "按本站文件统计"
        told.append("行政规范性文件的本年制发、本年废止、现行有效件数按本站文件统计："
                    + "、".join(f"{c} {n}" for c, n in rules[vocab.NORMATIVE].items()))
    carried = {c: last.requests[fmt.CARRIED_OUT][c] for c in fmt.APPLICANTS} if last else None
    if last:
        told.append(f"上年结转和规章的现行有效件数取自 {year - 1} 年的报告；结转下年度先写成与上年结转相同，按实际改写")

    site = project.site.name if project else ""
    lines = [
        schema_comment("annual-report", report_path(ctx.root, year)),
        f"# {site}{year}年政府信息公开工作年度报告（国办公开办函〔2021〕30号格式），由 {command('new report')} 生成。",
        "# 表格里每行写成 {列: 数, …}，数字先都写了 0，按本年实际改写；“总计”列和“（七）总计”行不用写，系统自动相加。",
        f"# 写着“{TODO}”的段落填好之前，{command('check')} 会报错，报告不会发布。",
        f"发布日期: {published.isoformat()}  # 公布当天改为实际的发布日期",
        f"# 标题: 不写即为“{site}{year}年政府信息公开工作年度报告”",
        "# 前言: |  （可不写）“一、总体情况”之前的文字，写法同下面的段落",
        *_paragraphs("总体情况"),
        "主动公开:",
        *_rows([(kind, _cells(fmt.RULE_COLUMNS, rules[kind]), notes[kind]) for kind in fmt.RULE_KINDS]
               + [(kind, "0", "本年处理决定数量") for kind in fmt.DECISION_KINDS]
               + [(fmt.FEES, "0", "本年收费金额（万元），可以有小数")], "  "),
        "",
        "申请情况:",
    ]
    parts = (fmt.NEW, fmt.CARRIED_IN, *fmt.RESULTS, fmt.CARRIED_OUT)
    wide = max(_width(part.path[0]) for part in parts if isinstance(part, fmt.Row))
    for part in parts:
        if isinstance(part, fmt.Group):
            lines += [f"  {part.key}:", *_rows([(r.path[1], _cells(fmt.APPLICANTS), "") for r in part.rows], "    ")]
            continue
        values, note = None, ""
        if part in (fmt.CARRIED_IN, fmt.CARRIED_OUT) and carried:
            values = carried
            note = f"与 {year - 1} 年报告的“结转下年度”相同" if part == fmt.CARRIED_IN else "= 本年新收 + 上年结转 − 办理结果"
        lines += _rows([(part.path[0], _cells(fmt.APPLICANTS, values), note)], "  ", wide)
    lines += [
        "",
        "复议诉讼:",
        *_rows([(case, _cells(fmt.REVIEW_RESULTS), "") for case in fmt.REVIEW_CASES], "  "),
        "",
        *_paragraphs("存在的主要问题及改进情况"),
        *_paragraphs("其他需要报告的事项"),
    ]
    return "\n".join(lines).rstrip("\n") + "\n", told


def _create(ctx: Context, values: Values, slug: str | None) -> Path:
    year, published = int(values["年份"]), date.fromisoformat(values["发布日期"])
    if published.year <= year:
        raise ScaffoldError(f"{year} 年的年度报告发布日期是 {published}，在该年度结束之前 — 年度报告在次年公布：核对 --published")
    path = report_path(ctx.root, year)
    for existing in (path, path.with_suffix(".yaml")):
        if existing.is_file():
            raise ScaffoldError(f"已有 {ctx.rel(existing)}，没有改动它 — 打开它接着填写；要另写一年的报告用 --year")
    text, told = skeleton(ctx, year, published)
    # Checked as it will be once the texts are written: everything but the 待填写 must be valid already.
    check_text(ctx, path, text.replace(f"  {TODO}：", "  "), schemas.ANNUAL_REPORT, first_line=1)
    write_new(ctx, path, text)
    for line in told:
        ctx.say(line)
    pages = [p for p in (ctx.project.pages if ctx.project else []) if p.section == vocab.SECTION_REPORTS and page_year(p) == year]
    for page in pages:
        ctx.say(f"{page.source.file} 是 {year} 年的手写年报页面：新报告写好后删掉它，否则检查会给出警告")
    return path


REPORT = Form(
    "report", "新建政府信息公开工作年度报告（content/reports/<年份>.yml，默认上一年），表格先全部填 0", schemas.ANNUAL_REPORT,
    (
        Field("年份", "year", required=True, default=lambda c, v: str(c.today.year - 1), asked=False,
              schema=year_schema("报告所属的年份，默认上一年"), check=_year_done),
        Field("发布日期", "published", required=True, default=lambda c, v: c.today.isoformat(), asked=False),
    ),
    _create,
    f"下一步：按本年实际改写表格中的数字，填写写着“{TODO}”的段落，运行 {{check}} 核对"
    "（各行总计、结转下年度、与上一年报告和本站文件是否一致）。",
    slug_help=None,
)


def _load(reader: Reader, loaded: Loaded) -> list[AnnualReport]:
    return load_reports(reader.root, loaded["site"], reader.problems)


ANNUAL_REPORT_KIND = ContentKind(
    "annual-report", ("content/reports/*.yml",), schemas.ANNUAL_REPORT, AnnualReport,
    "政府信息公开工作年度报告，一年一个文件 content/reports/<年份>.yml，按国家规定的格式生成年报页面并核对各表数字。",
    load=_load, field="reports", forms=(REPORT,),
)
