"""Checks run on the content and on the built site.

Content checks need only the loaded model; the link check reads the built HTML.
"""

from __future__ import annotations

from datetime import date

from zwgk.base.problems import Problems
from zwgk.checks.coverage import DomainCoverage, check_coverage
from zwgk.checks.decisions import check_decisions
from zwgk.checks.empty import check_domain_pages, check_empty
from zwgk.checks.privacy import check_personal_data
from zwgk.checks.report_numbers import check_reports
from zwgk.checks.site_url import check_base_url
from zwgk.checks.sync import check_interpretations
from zwgk.checks.timeliness import check_timeliness
from zwgk.checks.towns import check_towns
from zwgk.content.model import Attachment, Project
from zwgk.site.pages import OutputPage
from zwgk.site.publication import PublicSite


def check_content(project: Project, public: PublicSite, pages: list[OutputPage], attachments: list[Attachment],
                  problems: Problems, today: date) -> list[DomainCoverage]:
    """Every content check; returns the per-domain catalogue coverage for the report."""
    coverage = check_coverage(project, public, problems)
    check_empty(pages, problems)
    check_domain_pages(pages, problems)
    check_timeliness(project, public, problems, today)
    check_interpretations(public, problems)
    check_personal_data(project, public, attachments, problems)
    check_decisions(project, problems, today)
    check_reports(project, problems, today)
    check_towns(public, problems, today)
    check_base_url(project, problems)
    return coverage
