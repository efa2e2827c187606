"""The compliance report (自查报告) of a check run: JSON for CI, HTML for the 政务公开办.

Neither is part of the public site unless asked for; both show only what the Problems show,
so personal data appears masked.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from zwgk.base.problems import Problems, Severity
from zwgk.checks.coverage import DomainCoverage


@dataclass
class CheckRun:
    site_name: str
    today: date
    problems: Problems
    coverage: list[DomainCoverage] = field(default_factory=list)
    pages: int = 0
    links: int = 0
    external_links: int = 0
    left_out: int = 0  # problems kept out of a published report: they concern what is not published

    def counts_by_rule(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for p in self.problems.items:
            key = "error" if p.severity is Severity.ERROR else "warning"
            counts.setdefault(p.rule, {"error": 0, "warning": 0})[key] += 1
        return dict(sorted(counts.items()))


def for_publication(run: CheckRun, published_files: set[str], unnamed: Iterable[str]) -> CheckRun:
    """The run as a report inside the public site may show it: only the problems of files whose content is
    published, and none whose words name what is not (a withheld document's 文号, title or file; a file
    content/ holds but the site does not). The complete report stays with `build.py check --html`."""
    names = [n for n in unnamed if len(n) >= 3]  # a very short name would match everywhere and hide nothing more
    kept = [p for p in run.problems.items if p.file in published_files and not any(n in str(p) for n in names)]
    problems = Problems(run.problems.root)
    problems.items = kept
    return dataclasses.replace(run, problems=problems, left_out=len(run.problems.items) - len(kept))


def as_json(run: CheckRun) -> str:
    data = {
        "site": run.site_name,
        "date": run.today.isoformat(),
        "summary": {"errors": len(run.problems.errors), "warnings": len(run.problems.warnings),
                    "pages": run.pages, "links": run.links, "external_links": run.external_links,
                    "by_rule": run.counts_by_rule()},
        "coverage": [{"domain": c.domain.name, "town": c.town, "items": c.items, "proactive": c.proactive, "covered": c.covered,
                      "explained": c.explained, "percent": round(c.percent, 1)} for c in run.coverage],
        "findings": [p.as_json() for p in sorted(run.problems.items, key=lambda p: (p.severity.value, p.file, p.line))],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_html(run: CheckRun, template_dir: Path) -> str:
    env = Environment(loader=FileSystemLoader(str(template_dir)), autoescape=select_autoescape(default=True))
    errors = sorted(run.problems.errors, key=lambda p: (p.file, p.line))
    warnings = sorted(run.problems.warnings, key=lambda p: (p.file, p.line))
    return env.get_template("report.html").render(run=run, errors=errors, warnings=warnings)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
