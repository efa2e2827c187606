"""Timeliness: publication within 20 working days (条例 Art. 26), and columns kept up to date
(政府网站与政务新媒体检查指标). Both are warnings: they never stop a build.

Working days follow China's official holiday calendar (package chinesecalendar, updated each
year when the State Council publishes the next year's schedule: `pip install -U chinesecalendar`).
For years it does not know yet, weekends alone are skipped and one warning says so.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import chinese_calendar

from zwgk.base import vocab
from zwgk.base.problems import Problems
from zwgk.content.model import Document, Page, Project
from zwgk.site.publication import PublicSite

LIMIT_WORKING_DAYS = 20
# Column → longest allowed gap since its last update, by the inspection rules.
HALF_YEAR = timedelta(days=183)
YEAR = timedelta(days=366)
HOMEPAGE = timedelta(days=14)


class WorkingDays:
    def __init__(self) -> None:
        self.unknown_years: set[int] = set()
        self._known: dict[date, bool] = {}  # thousands of documents ask about the same few hundred days

    def is_workday(self, day: date) -> bool:
        if day not in self._known:
            try:
                self._known[day] = chinese_calendar.is_workday(day)
            except NotImplementedError:  # the calendar has no data for this year yet
                self.unknown_years.add(day.year)
                self._known[day] = day.weekday() < 5
        return self._known[day]

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`."""
        return sum(1 for n in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(days=n)))


def check_publication_delay(project: Project, problems: Problems, calendar: WorkingDays) -> None:
    for doc in project.documents:
        if doc.published is None or doc.is_withheld:
            continue
        late = calendar.between(doc.written, doc.published)
        if late > LIMIT_WORKING_DAYS:
            problems.warning(doc.source.file, doc.source.at("发布日期"),
                             f"发布日期比成文日期晚 {late} 个工作日，超过了 {LIMIT_WORKING_DAYS} 个工作日",
                             "主动公开的信息应在形成之日起 20 个工作日内公开；核对日期，今后及时发布", "timeliness.late")


def _latest(items: list[Document] | list[Page] | list) -> Any | None:
    """The newest published item (documents, pages, reports: each has `published` and `source`)."""
    dated = [i for i in items if i.published]
    return max(dated, key=lambda i: (i.published, i.source.file)) if dated else None


def check_stale_columns(public: PublicSite, problems: Problems, today: date) -> None:
    public_docs = [d for d in public.documents if d.is_public]
    columns: list[tuple[str, Any | None, timedelta, str]] = [
        ("首页", _latest([*public_docs, *public.interpretations, *public.pages, *public.reports]), HOMEPAGE, "2 周"),
        (vocab.SECTION_POLICIES.name, _latest(public_docs), HALF_YEAR, "6 个月"),
        (vocab.SECTION_INTERPRETATIONS.name, _latest(list(public.interpretations)),
         HALF_YEAR, "6 个月"),
        (vocab.SECTION_REPORTS.name, _latest([*public.reports, *(p for p in public.pages if p.section == vocab.SECTION_REPORTS)]), YEAR, "1 年"),
    ]
    for term, members in public.categories.items():
        columns.append((f"{vocab.SECTION_STATUTORY.name}/{term.name}", _latest(members), YEAR, "1 年"))
    for name, newest, period, said in columns:
        if newest is not None and today - newest.published > period:
            # Located at the newest item's 发布日期: the editor sees what the column last got.
            problems.warning(newest.source.file, newest.source.at("发布日期"),
                             f"栏目“{name}”最新的一篇是这个文件，发布日期 {newest.published}，"
                             f"已超过 {said}未更新（检查日期 {today}）",
                             f"及时发布新信息：检查指标要求这类栏目 {said}内有更新", "timeliness.stale")


def check_timeliness(project: Project, public: PublicSite, problems: Problems, today: date) -> None:
    calendar = WorkingDays()
    check_publication_delay(project, problems, calendar)
    check_stale_columns(public, problems, today)
    if calendar.unknown_years:
        years = "、".join(str(y) for y in sorted(calendar.unknown_years))
        problems.warning("content", 0, f"节假日数据还没有 {years} 年，这些年份只按周末计算工作日",
                         "更新节假日数据：pip install -U chinesecalendar", "timeliness.calendar")
