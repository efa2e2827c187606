"""The annual reports' numbers: the identities of the national format, the agreement between one
year's report and the last, and with the normative documents the site holds; and reports that are
missing or late (warnings).

Every wrong number is an error on the line of its cell, naming row and column, what is written
and what it should be.
"""

from __future__ import annotations

from datetime import date

from zwgk.base import annual_format as fmt
from zwgk.base import vocab
from zwgk.base.problems import Problems
from zwgk.content.annual_report import FOLDER, counts_documents, normative_documents, page_year
from zwgk.content.model import AnnualReport, Cells, Document, Project

_SUM_FIX = "改为 {expected}，或改正相加的各项"
_LISTED = 10  # documents named in one message


def check_reports(project: Project, problems: Problems, today: date) -> None:
    by_year = {r.year: r for r in project.reports}
    for report in project.reports:
        _requests(report, problems)
        _reviews(report, problems)
        _documents(report, project.documents, problems)
        if report.year - 1 in by_year:
            _across_years(by_year[report.year - 1], report, problems)
    _on_time(project, problems, today)


def _wrong_sum(problems: Problems, report: AnnualReport, cells: Cells, where: str, column: str, expected: int) -> None:
    problems.error(report.source.file, cells.line(column),
                   f"{where}写的是 {cells[column]}，按各项相加应为 {expected}", _SUM_FIX.format(expected=expected),
                   "reports.arithmetic")


def _results(report: AnnualReport) -> dict[str, int]:
    """（七）总计 per applicant column as the rows of 三、本年度办理结果 add up."""
    return {c: sum(report.requests[r][c] for r in fmt.RESULT_ROWS) for c in fmt.APPLICANTS}


def _balance(report: AnnualReport, column: str) -> int:
    """结转下年度继续办理 as it follows from the others: 一 + 二 − 三（七）."""
    rows = report.requests
    return rows[fmt.NEW][column] + rows[fmt.CARRIED_IN][column] - _results(report)[column]


def _requests(report: AnnualReport, problems: Problems) -> None:
    rows = report.requests
    sums = _results(report)
    # Rows whose cells follow from other rows are checked cell by cell first; their 总计 is judged only
    # when those cells are right, or a wrong cell would be blamed on the total.
    wrong: set[fmt.Row] = set()
    # （七）总计 = （一）…（六） with their sub-rows, column by column
    total = rows[fmt.RESULTS_TOTAL]
    for column in fmt.APPLICANTS:
        if column in total.written and total[column] != sums[column]:
            _wrong_sum(problems, report, total, f"第三部分“{fmt.RESULTS_TOTAL.label}”行“{column}”列", column, sums[column])
            wrong.add(fmt.RESULTS_TOTAL)
    # 一 + 二 = 三（七）+ 四: blamed on 结转下年度, the number that follows from the others
    out = rows[fmt.CARRIED_OUT]
    for column in fmt.APPLICANTS:
        expected = _balance(report, column)
        if out[column] == expected:
            continue
        wrong.add(fmt.CARRIED_OUT)
        where = f"第三部分“{fmt.CARRIED_OUT.label}”行“{column}”列写的是 {out[column]}"
        if expected >= 0:
            problems.error(report.source.file, out.line(column),
                           f"{where}，按“本年新收 + 上年结转 − （七）总计”应为 {expected}",
                           f"改为 {expected}，或改正这一列的新收、上年结转和办理结果", "reports.arithmetic")
        else:
            problems.error(report.source.file, out.line(column),
                           f"{where}，但这一列办理结果共 {sums[column]} 件，多于本年新收加上年结转的 {sums[column] + expected} 件",
                           "核对这一列：本年新收加上年结转，应等于（七）总计加结转下年度继续办理", "reports.arithmetic")
    # each 总计 column = 自然人 + the five kinds of 法人或其他组织
    for row, cells in rows.items():
        expected = sum(cells[c] for c in fmt.APPLICANTS)
        if row not in wrong and fmt.TOTAL in cells.written and cells[fmt.TOTAL] != expected:
            _wrong_sum(problems, report, cells, f"第三部分“{row.name}”行“总计”列", fmt.TOTAL, expected)


def _reviews(report: AnnualReport, problems: Problems) -> None:
    for case, cells in report.reviews.items():
        expected = sum(cells[c] for c in fmt.REVIEW_RESULTS)
        if fmt.TOTAL in cells.written and cells[fmt.TOTAL] != expected:
            _wrong_sum(problems, report, cells, f"第四部分“{case}”的“总计”", fmt.TOTAL, expected)


def _across_years(last: AnnualReport, this: AnnualReport, problems: Problems) -> None:
    """This year's 上年结转 is last year's 结转下年度; 现行有效 goes on from last year's. A break the row's
    说明 explains is a warning; a 说明 where nothing breaks is one too."""
    def at(line: int) -> str:
        return f"{last.year} 年报告（{last.source.file}:{line}）"

    carried_in, carried_out = this.requests[fmt.CARRIED_IN], last.requests[fmt.CARRIED_OUT]
    for column in fmt.APPLICANTS:
        # a 结转下年度 already wrong in last year's report is reported there, not passed on
        if carried_in[column] != carried_out[column] and carried_out[column] == _balance(last, column):
            _broken(problems, this, carried_in, column,
                    f"第三部分“{fmt.CARRIED_IN.label}”行“{column}”列写的是 {carried_in[column]}，"
                    f"{last.year} 年报告的“{fmt.CARRIED_OUT.label}”是 {carried_out[column]}",
                    f"本年写错了就改为 {carried_out[column]}", "如上一年报告公布后核实有误", at(carried_out.line(column)),
                    _with_note(fmt.CARRIED_IN.path[0], carried_in, fmt.APPLICANTS))
    if all(carried_in[c] == carried_out[c] for c in fmt.APPLICANTS):
        _needless(problems, this, carried_in, f"第三部分“{fmt.CARRIED_IN.label}”",
                  f"各列都等于 {last.year} 年报告的“{fmt.CARRIED_OUT.label}”", "申请情况")
    for kind in fmt.RULE_KINDS:
        now, before = this.rules[kind], last.rules[kind]
        expected = before["现行有效"] + now["本年制发"] - now["本年废止"]
        if now["现行有效"] != expected:
            _broken(problems, this, now, "现行有效",
                    f"第二部分“{kind}”的“现行有效件数”写的是 {now['现行有效']}，按 {last.year} 年的 "
                    f"{before['现行有效']} 件加本年制发 {now['本年制发']} 件、减本年废止 {now['本年废止']} 件应为 {expected}",
                    f"本年写错了就改为 {expected}，或核对本年制发、本年废止", "如两次报告之间开展了清理",
                    at(before.line("现行有效")),
                    _with_note(kind, now, fmt.RULE_COLUMNS))
        else:
            _needless(problems, this, now, f"第二部分“{kind}”",
                      f"现行有效件数 {now['现行有效']} 正是 {last.year} 年的 {before['现行有效']} 件加本年制发、减本年废止", "主动公开")


def _with_note(key: str, cells: Cells, columns: tuple[str, ...]) -> str:
    """The row as the editor writes it, with a 说明 added: the example of how to explain its break."""
    return f"{key}: {{" + ", ".join(f"{c}: {cells[c]}" for c in columns) + f", {fmt.NOTE}: 写明原因}}"


def _broken(problems: Problems, report: AnnualReport, cells: Cells, column: str, message: str, fix: str,
            cause: str, last: str, example: str) -> None:
    """A break with last year's report: an error, or, when the row's 说明 explains it, a warning that shows
    both figures and the 说明 (the published report shows it beside the row)."""
    if cells.note:
        problems.warning(report.source.file, cells.line(column), f"{message}；本行的说明：{cells.note}",
                         "已按说明发布，报告页面在这一行下显示说明；核对说明写清了与上一年报告不一致的原因",
                         "reports.across-years")
        return
    empty = "；这一行写了“说明”，但说明是空的" if cells.note == "" else ""
    problems.error(report.source.file, cells.line(column), message + empty,
                   f"{fix}；数字无误的（{cause}），不要改已公布的 {last}，"
                   f"在这一行写上说明，如 {example}", "reports.across-years")


def _needless(problems: Problems, report: AnnualReport, cells: Cells, where: str, why: str, section: str) -> None:
    """A 说明 on a row that goes on from last year's report without a break: a warning; the page still shows it."""
    if cells.note is None:
        return
    empty = "写了空的“说明”，" if cells.note == "" else "写了说明，"
    problems.warning(report.source.file, cells.line(fmt.NOTE), f"{where}{empty}但这一行{why}，不需要说明",
                     f"删掉这一行的“说明”；其他要说明的写在“{section}”下的“说明”（表格前的文字）", "reports.needless-note")


def _documents(report: AnnualReport, documents: list[Document], problems: Problems) -> None:
    """行政规范性文件 counts against every normative document the site knows."""
    if not counts_documents(documents, report.year):
        return
    cells = report.rules[vocab.NORMATIVE]
    for column, (docs, what, fix) in normative_documents(documents, report.year).items():
        if cells[column] != len(docs):
            problems.error(report.source.file, cells.line(column),
                           f"第二部分“行政规范性文件”的“{fmt.RULE_COLUMN_LABELS[column]}”写的是 {cells[column]} 件，"
                           f"本站 {what}的行政规范性文件有 {len(docs)} 件{_named(docs)}",
                           f"改为 {len(docs)}，或{fix}", "reports.documents")


def _named(docs: list[Document]) -> str:
    """The documents by 文号 (else file); a withheld one only by its file, never by title or number."""
    if not docs:
        return ""
    names = [d.source.file if d.is_withheld else (d.number or d.source.file) for d in sorted(docs, key=lambda d: d.written)]
    more = f"等 {len(names)} 件" if len(names) > _LISTED else ""
    return "（" + "、".join(names[:_LISTED]) + more + "）"


def _on_time(project: Project, problems: Problems, today: date) -> None:
    """Warnings: a year without a report once its deadline has passed, a report published late, a year
    reported twice (a YAML report and a hand-written page)."""
    kind = project.site.organ_kind
    years = {r.year for r in project.reports}
    for page in project.pages:
        year = page_year(page) if page.section == vocab.SECTION_REPORTS else None
        if year in years:
            problems.warning(page.source.file, page.source.at("标题"),
                             f"{year} 年的年度报告已写在 {FOLDER.as_posix()}/{year}.yml，这篇手写页面与它重复",
                             "删掉这篇手写页面，或把它的“栏目”改为其他栏目", "reports.duplicate")
        elif year:
            years.add(year)
    for report in project.reports:
        due = fmt.deadline(report.year, kind)
        if report.published > due:
            problems.warning(report.source.file, report.source.at("发布日期"),
                             f"{report.year} 年的年度报告发布日期 {report.published} 晚于法定期限 {due}（{kind}）",
                             "核对发布日期；年度报告应按期公布（条例第四十九、五十条）", "reports.late")
    if not years:
        return  # the empty fixed column is an error of its own
    last = today.year - 1
    for year in range(min(years), last + 1):
        due = fmt.deadline(year, kind)
        if year not in years and today > due:
            problems.warning(FOLDER.as_posix(), 0,
                             f"缺少 {year} 年的政府信息公开工作年度报告：{kind}应在 {due} 前公布（检查日期 {today}）",
                             f"在 {FOLDER.as_posix()}/ 新建 {year}.yml（格式见 docs/内容格式.md）", "reports.missing")
