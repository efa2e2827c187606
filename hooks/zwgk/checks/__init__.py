"""Checks run on the content and on the built site.

Content checks need only the loaded model; the link check reads the built HTML.
"""

from __future__ import annotations

from datetime import date

from ..model import Attachment, Project
from ..pages import OutputPage
from ..problems import Problems
from ..publication import PublicSite
from .coverage import DomainCoverage, check_coverage
from .decisions import check_decisions
from .empty import check_empty
from .privacy import check_personal_data
from .report_numbers import check_reports
from .site_url import check_base_url
from .sync import check_interpretations
from .timeliness import check_timeliness
from .towns import check_towns


def check_content(project: Project, public: PublicSite, pages: list[OutputPage], attachments: list[Attachment],
                  problems: Problems, today: date) -> list[DomainCoverage]:
    """Every content check; returns the per-domain catalogue coverage for the report."""
    coverage = check_coverage(project, public, problems)
    check_empty(pages, problems)
    check_timeliness(project, public, problems, today)
    check_interpretations(public, problems)
    check_personal_data(project, public, attachments, problems)
    check_decisions(project, problems, today)
    check_reports(project, problems, today)
    check_towns(public, problems, today)
    check_base_url(project, problems)
    return coverage
