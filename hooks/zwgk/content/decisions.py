"""重大行政决策: the yearly catalogues of major decisions in content/decisions/<年份>.yml.

Each decision goes through stages (征求意见, 起草说明, 意见采纳情况, 审议, 结果); a stage links to
a document or page of the site, and a 征求意见 stage may carry the call for opinions itself (征集:
open from 开始日期 to 截止日期, and how to send opinions). Whether a call is open depends on the
day of the build, so that is decided when pages are made, never stored.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from zwgk.base import vocab
from zwgk.base.dates import DAY_FIX, FIRST_YEAR, LAST_YEAR, parse_date
from zwgk.base.problems import Problems, suggest
from zwgk.content import schemas
from zwgk.content.model import (
    Consultation,
    Decision,
    DecisionCatalogue,
    Document,
    Page,
    Planned,
    Source,
    Stage,
)
from zwgk.content.sourcefile import Located, read_yaml_file
from zwgk.content.validate import validate

FOLDER = Path("content") / "decisions"
SECTION = vocab.SECTION_DECISIONS
CONSULTATION_STAGE = vocab.DECISION_STAGES[0]
DRAFTING_NOTE = vocab.DECISION_STAGES[1]
RESULT_STAGE = vocab.DECISION_STAGES[-1]
# 《重大行政决策程序暂行条例》第十四条: 公开征求意见的期限一般不少于30日.
MIN_CONSULTATION_DAYS = 30
_PLANNED = re.compile(r"^(\d{4})\s*年?(?:\s*[-./]?\s*(\d{1,2})\s*月?(?:\s*[-./]?\s*(\d{1,2})\s*日?)?)?$")


def year_path(year: int) -> str:
    return f"{SECTION.slug}/{year}/index.html"


def decision_path(decision: Decision) -> str:
    return f"{SECTION.slug}/{decision.year}/{decision.code}.html"


class _Reader:
    """One file's loading: where things are, what they may refer to, and the problems found."""

    def __init__(self, problems: Problems, located: Located, documents: dict[str, Document],
                 pages: dict[str, Page], unloaded: set[str]) -> None:
        self.problems = problems
        self.located = located
        self.file = located.file
        self.documents = documents
        self.pages = pages
        self.unloaded = unloaded  # file names of documents and pages that failed to load

    def source(self, *path: str | int) -> Source:
        located = self.located
        return Source(self.problems.relative(located.file), located.line(*path), located.key_lines(*path))

    def date(self, data: dict[str, Any], key: str, *path: str | int) -> date | None:
        if key not in data:
            return None
        day = parse_date(data[key])
        if day is None:
            self.problems.error(self.file, self.located.line(*path, key), f"“{key}”{data[key]} 这一天不存在",
                                DAY_FIX)
        return day


def load_all(root: Path, problems: Problems, documents: list[Document], pages: list[Page],
             unloaded_documents: set[str]) -> list[DecisionCatalogue]:
    """Every catalogue under content/decisions, stage references checked, newest year first."""
    folder = root / FOLDER
    on_disk = {p.stem for p in (root / "content" / "pages").rglob("*.md")}
    unloaded = set(unloaded_documents) | (on_disk - {p.slug for p in pages})
    by_slug = {d.slug: d for d in documents}
    pages_by_slug = {p.slug: p for p in pages}
    found: dict[int, DecisionCatalogue] = {}
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        if not re.fullmatch(r"\d{4}", path.stem) or not FIRST_YEAR <= int(path.stem) <= LAST_YEAR:
            problems.error(path, 0, f"文件名“{path.name}”不是 {FIRST_YEAR} 到 {LAST_YEAR} 之间的年份",
                           "重大行政决策事项目录每年一个文件，文件名写成年份，例如 2026.yml")
            continue
        located = read_yaml_file(path, problems)
        if located is None:
            continue
        catalogue = _catalogue(_Reader(problems, located, by_slug, pages_by_slug, unloaded), int(path.stem))
        if catalogue is None:
            continue
        if catalogue.year in found:
            problems.error(path, 0, f"{catalogue.year} 年已有目录文件 {found[catalogue.year].source.file}",
                           "一年只写一个目录文件：把两个文件合并", "consistency.duplicate")
            continue
        found[catalogue.year] = catalogue
    catalogues = [found[y] for y in sorted(found, reverse=True)]
    _check_order(catalogues, problems)
    return catalogues


def _catalogue(reader: _Reader, year: int) -> DecisionCatalogue | None:
    data, ok = validate(reader.located, schemas.DECISIONS, reader.problems)
    published = reader.date(data, "发布日期") if ok else None
    if published is None:
        return None
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(data["事项"]):
        decision = _decision(reader, item, i, year)
        if decision is None:
            continue
        line = decision.source.at("编号")
        if decision.code in seen:
            reader.problems.error(reader.file, line, f"编号“{decision.code}”在本文件中重复（第 {seen[decision.code]} 行已有）",
                                  "给这一事项换一个没有用过的编号", "consistency.duplicate")
            continue
        seen[decision.code] = line
        decisions.append(decision)
    return DecisionCatalogue(year, published, data.get("说明"), tuple(decisions), reader.source())


def _decision(reader: _Reader, item: dict[str, Any], index: int, year: int) -> Decision | None:
    at = ("事项", index)
    planned = parse_planned(item["计划完成时间"])
    if planned is None:
        reader.problems.error(reader.file, reader.located.line(*at, "计划完成时间"),
                              f"“计划完成时间”{item['计划完成时间']} 这个时间不存在", "写成 2026年12月、2026-12-31 或 2026年")
    if item["编号"] == "index":
        reader.problems.error(reader.file, reader.located.line(*at, "编号"), "编号“index”是系统保留的名字",
                              "换一个编号，例如 tcss-guihua")
        return None
    stages = [s for n, data in enumerate(item.get("阶段", [])) if (s := _stage(reader, data, (*at, "阶段", n)))]
    if planned is None or len(stages) < len(item.get("阶段", [])):
        return None
    order = {kind: n for n, kind in enumerate(vocab.DECISION_STAGES)}
    stages.sort(key=lambda s: (s.day or date.max, order[s.kind]))
    return Decision(item["编号"], item["事项名称"], item["承办单位"], planned, item["状态"], item.get("说明"),
                    tuple(stages), year, reader.source(*at))


def parse_planned(text: str) -> Planned | None:
    match = _PLANNED.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None  # the pattern requires it
    try:
        Planned(year, month, day).last_day  # noqa: B018 - raises for a month or day that does not exist
    except ValueError:
        return None
    return Planned(year, month, day)


def _stage(reader: _Reader, data: dict[str, Any], at: tuple[str | int, ...]) -> Stage | None:
    problems, line = reader.problems, reader.located.line
    kind = vocab.find_term(vocab.DECISION_STAGES, data["阶段"])
    assert kind is not None  # the schema's enum admits only stage names
    source = reader.source(*at)
    call = data.get("征集")
    consultation = None
    if call is not None:
        start, end = reader.date(call, "开始日期", *at, "征集"), reader.date(call, "截止日期", *at, "征集")
        if start is None or end is None:
            return None
        consultation = Consultation(start, end, call["方式"])
        if end < start:
            problems.error(reader.file, line(*at, "征集", "截止日期"), "征求意见的截止日期早于开始日期", "检查两个日期")
        elif (end - start).days + 1 < MIN_CONSULTATION_DAYS and "说明" not in data:
            problems.warning(reader.file, line(*at, "征集"),
                             f"征求意见期限只有 {(end - start).days + 1} 天，少于 {MIN_CONSULTATION_DAYS} 日",
                             "《重大行政决策程序暂行条例》规定公开征求意见期限一般不少于30日；确需缩短的，在本阶段的“说明”中写明理由",
                             "decisions.window")
        if kind != CONSULTATION_STAGE:
            problems.error(reader.file, line(*at, "征集"), f"“{kind.name}”阶段不能写征集",
                           f"征集（公开征求意见）只写在“{CONSULTATION_STAGE.name}”阶段")
    if "文件" in data and "页面" in data:
        problems.error(reader.file, line(*at, "页面"), "一个阶段只能链接一个文件或一个页面",
                       "删掉“文件”或“页面”中的一个；其他材料可以在所链接的页面正文中列出")
    elif "文件" not in data and "页面" not in data and consultation is None:
        problems.error(reader.file, line(*at), f"“{kind.name}”阶段没有链接任何材料",
                       "加一行 `文件: 文件名` 或 `页面: 页面文件名`（不带 .md），征求意见阶段也可以写“征集”")
        return None
    target = _target(reader, data, source)
    day = reader.date(data, "日期", *at) if "日期" in data else (
        consultation.start if consultation else target.published if target else None)
    return Stage(kind, day, data.get("文件"), data.get("页面"), consultation, data.get("说明"), source)


def _target(reader: _Reader, data: dict[str, Any], source: Source) -> Document | Page | None:
    """The document or page a stage links to; a withheld document is refused (it must not be named)."""
    if "文件" in data:
        slug = data["文件"]
        doc = reader.documents.get(slug)
        if doc is None:
            if slug not in reader.unloaded:
                _unknown(reader.problems, source, "文件", slug, list(reader.documents),
                         "写 content/documents 下文件的文件名（不带 .md）")
            return None
        if doc.is_withheld:
            reader.problems.error(source.file, source.at("文件"), f"文件“{slug}”是“{doc.label}”的文件",
                                  "不予公开的文件不能出现在网站上：改为链接可以公开的材料，或删掉这一行",
                                  "consistency.hidden-reference")
            return None
        return doc
    if "页面" in data:
        page = reader.pages.get(data["页面"])
        if page is None and data["页面"] not in reader.unloaded:
            _unknown(reader.problems, source, "页面", data["页面"], list(reader.pages),
                     "写 content/pages 下页面的文件名（不带 .md）")
        return page
    return None


def _unknown(problems: Problems, source: Source, key: str, value: str, known: list[str], fix: str) -> None:
    """Same words as crossref's unknown references: what is missing, the nearest name, the fix."""
    near = suggest(value, known)
    hint = f"是不是“{near}”？" if near else ""
    problems.error(source.file, source.at(key), f"{key}“{value}”不存在", hint + fix, "consistency.unknown-reference")


def _check_order(catalogues: list[DecisionCatalogue], problems: Problems) -> None:
    """A stage dated before one that comes earlier in the process is most likely a mistyped date.
    The 起草说明 goes with the draft and may come out before or after it, so it is not compared."""
    order = {kind: n for n, kind in enumerate(vocab.DECISION_STAGES) if kind != DRAFTING_NOTE}
    for catalogue in catalogues:
        for decision in catalogue.decisions:
            stages = [s for s in decision.stages if s.kind in order]
            for n, later in enumerate(stages):
                earlier = next((s for s in stages[n + 1:] if order[s.kind] < order[later.kind]), None)
                if earlier is not None and later.day and earlier.day:
                    problems.warning(earlier.source.file, earlier.source.at("日期"),
                                     f"“{decision.name}”的“{earlier.kind.name}”日期 {earlier.day} 晚于“{later.kind.name}”的 {later.day}",
                                     "检查日期：决策按 征求意见、起草说明、意见采纳情况、审议、结果 的顺序进行", "decisions.order")


def publish(catalogues: list[DecisionCatalogue], documents: dict[str, Document], pages: dict[str, Page]
            ) -> tuple[DecisionCatalogue, ...]:
    """The catalogues with each stage's material attached; a stage whose material is not published
    (withheld, or failed to load) is left out rather than linked or named."""
    out = []
    for catalogue in catalogues:
        decisions = []
        for decision in catalogue.decisions:
            stages = []
            for stage in decision.stages:
                target = documents.get(stage.document) if stage.document else pages.get(stage.page) if stage.page else None
                if (stage.document or stage.page) and target is None:
                    continue
                stages.append(dataclasses.replace(stage, target=target))
            decisions.append(dataclasses.replace(decision, stages=tuple(stages)))
        out.append(dataclasses.replace(catalogue, decisions=tuple(decisions)))
    return tuple(out)
