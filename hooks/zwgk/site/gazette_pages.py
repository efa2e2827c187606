"""The 政府公报 section: all years → a year's issues → an issue's table of contents. Reads only a PublicSite."""

from __future__ import annotations

from zwgk.content import gazette
from zwgk.content.model import GazetteIssue, GazetteYear
from zwgk.site.pages import OutputPage, section_path
from zwgk.site.publication import PublicSite

SECTION = gazette.SECTION


def _year_title(year: GazetteYear) -> str:
    return f"{year.title}（{year.year}年）"


def gazette_pages(ps: PublicSite) -> list[OutputPage]:
    """Nothing without a gazette file: the section has no page rather than an empty one."""
    if not ps.gazette:
        return []
    crumb = (SECTION.name, section_path(SECTION))
    helpers = {"year_path": gazette.year_path, "issue_path": gazette.issue_path, "issue_name": gazette.issue_name}
    out = [OutputPage(section_path(SECTION), SECTION.name, "gazette.html", {"years": ps.gazette, **helpers})]
    for year in ps.gazette:
        out.append(OutputPage(gazette.year_path(year.year), _year_title(year), "gazette_year.html",
                              {"year": year, **helpers}, (crumb,)))
        out += [_issue(year, issue, crumb, helpers) for issue in year.issues]
    return out


def _issue(year: GazetteYear, issue: GazetteIssue, crumb: tuple[str, str], helpers: dict) -> OutputPage:
    crumbs = (crumb, (_year_title(year), gazette.year_path(year.year)))
    return OutputPage(gazette.issue_path(issue), gazette.issue_name(year.title, issue), "gazette_issue.html",
                      {"year": year, "issue": issue, **helpers}, crumbs)
