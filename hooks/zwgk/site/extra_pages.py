"""Pages made from the participation and cleanup data: the 重大行政决策 section (landing page, a
catalogue per year, a page per decision with its stage timeline), the 负面清单 under 依申请公开 and
the 清理结果 under 政策文件. Like pages.py it reads only a PublicSite.
"""

from __future__ import annotations

from datetime import date

from zwgk.base import vocab
from zwgk.content import cleanup, decisions, negative_list
from zwgk.content.model import Decision, DecisionCatalogue
from zwgk.site.pages import OutputPage, section_path
from zwgk.site.publication import PublicSite

SECTION = vocab.SECTION_DECISIONS


def extra_pages(ps: PublicSite, today: date) -> list[OutputPage]:
    return [*_decision_pages(ps, today), *_negative_list(ps), *_cleanup(ps)]


def _crumb(section: vocab.Section) -> tuple[str, str]:
    return (section.name, section_path(section))


def _year_title(year: int) -> str:
    return f"{year}年重大行政决策事项目录"


def _decision_pages(ps: PublicSite, today: date) -> list[OutputPage]:
    """The section exists once there is a catalogue or a hand-written page in it; the landing page
    lists the hand-written pages no decision links to (the others are reached from their decision)."""
    own_pages = [p for p in ps.pages if p.section == SECTION]
    if not ps.decisions and not own_pages:
        return []
    linked = {s.page for cat in ps.decisions for d in cat.decisions for s in d.stages}
    open_calls = sorted(((d, c) for cat in ps.decisions for d in cat.decisions
                         if (c := d.open_consultation(today))), key=lambda found: (found[1].end, found[0].name))
    out = [OutputPage(section_path(SECTION), "重大行政决策和公众参与", "decisions.html", {
        "catalogues": ps.decisions, "open_calls": open_calls,
        "own_pages": [p for p in own_pages if p.slug not in linked], "today": today,
        "year_path": decisions.year_path, "decision_path": decisions.decision_path, "year_title": _year_title,
    })]
    for catalogue in ps.decisions:
        out.append(OutputPage(decisions.year_path(catalogue.year), _year_title(catalogue.year), "decision_year.html", {
            "catalogue": catalogue, "today": today, "decision_path": decisions.decision_path,
        }, (_crumb(SECTION),)))
        out += [_decision(catalogue, d, today) for d in catalogue.decisions]
    return out


def _decision(catalogue: DecisionCatalogue, decision: Decision, today: date) -> OutputPage:
    crumbs = (_crumb(SECTION), (_year_title(catalogue.year), decisions.year_path(catalogue.year)))
    return OutputPage(decisions.decision_path(decision), decision.name, "decision.html", {
        "decision": decision, "catalogue": catalogue, "today": today, "year_path": decisions.year_path(catalogue.year),
        "pending": decision.pending if decision.status not in ("已完成", "已调整") else (),
    }, crumbs)


def _negative_list(ps: PublicSite) -> list[OutputPage]:
    found = ps.negative_list
    if found is None:
        return []
    return [OutputPage(negative_list.PAGE_PATH, found.title, "negative_list.html", {"negative_list": found},
                       (_crumb(vocab.SECTION_ON_REQUEST),))]


def _cleanup(ps: PublicSite) -> list[OutputPage]:
    if not ps.cleanup:
        return []
    groups = []
    for group in ps.cleanup:
        rows = [(doc, cleanup.result(doc), ps.document(doc.replaced_by) if doc.replaced_by else None)
                for doc in group.documents]
        counts = [(name, n) for name in cleanup.RESULT_ORDER if (n := sum(1 for _, r, _ in rows if r == name))]
        groups.append((group, rows, counts))
    dates = [g.batch.day for g in ps.cleanup if g.batch]
    return [OutputPage(cleanup.PAGE_PATH, cleanup.TITLE, "cleanup.html", {
        "groups": groups, "latest": max(dates),
    }, (_crumb(vocab.SECTION_POLICIES),))]
