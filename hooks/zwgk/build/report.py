"""The compliance report (自查报告) of a check run: JSON for CI, HTML for the 政务公开办.

Neither is part of the public site unless asked for; both show only what the Problems show,
so personal data appears masked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from zwgk.checks.coverage import DomainCoverage
from zwgk.base.problems import Problems, Severity


@dataclass
class CheckRun:
    site_name: str
    today: date
    problems: Problems
    coverage: list[DomainCoverage] = field(default_factory=list)
    pages: int = 0
    links: int = 0
    external_links: int = 0

    def counts_by_rule(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for p in self.problems.items:
            key = "error" if p.severity is Severity.ERROR else "warning"
            counts.setdefault(p.rule, {"error": 0, "warning": 0})[key] += 1
        return dict(sorted(counts.items()))


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
