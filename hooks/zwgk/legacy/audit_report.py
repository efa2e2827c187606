"""The audit's report: JSON for tools, HTML for the inspector and the 政务公开办 (Jinja2, autoescaped).

Both show only masked personal data (audit_rules.personal never keeps a value).
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from zwgk.legacy import audit_rules
from zwgk.legacy.audit import Audit

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def summary(audit: Audit) -> dict[str, int]:
    counts = {kind: len(audit.of_kind(kind)) for kind in audit_rules.ORDER}
    return {"pages": audit.pages, "attachments": audit.attachments, "articles": len(audit.articles),
            "columns": len(audit.columns), "stale_columns": sum(c.stale for c in audit.columns),
            "blank_columns": sum(c.blank for c in audit.columns), "findings": len(audit.findings), **counts}


def as_json(audit: Audit) -> str:
    data = {
        "site": audit.site_name, "mirror": str(audit.root), "date": audit.today.isoformat(),
        "summary": summary(audit), "encodings": audit.encodings,
        "columns": [{"url": c.url, "name": c.name, "rule": c.rule, "period": c.said, "items": len(c.items),
                     "last": c.last.isoformat() if c.last else None, "stale": c.stale, "blank": c.blank}
                    for c in audit.columns],
        "findings": [f.as_json() for f in audit.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_html(audit: Audit) -> str:
    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(default=True))
    groups = [(kind, audit_rules.HEADINGS[kind], found) for kind in audit_rules.ORDER if (found := audit.of_kind(kind))]
    return env.get_template("audit.html").render(audit=audit, groups=groups, summary=summary(audit))


def write(audit: Audit, out: Path) -> tuple[Path, Path]:
    """audit.html and audit.json in `out`; each written to a temporary name first, so a cut run leaves the old."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("audit.html", as_html(audit)), ("audit.json", as_json(audit))):
        path = out / name
        part = out / f".{name}.part"
        part.write_text(text, encoding="utf-8")
        part.replace(path)
        written.append(path)
    return written[0], written[1]
