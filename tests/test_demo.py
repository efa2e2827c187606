"""The shipped demo county (示例县) builds cleanly, is complete, and leaks nothing."""

from __future__ import annotations

import gzip
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, article, links
from zwgk.base import annual_format as fmt


@pytest.fixture(scope="session")
def demo_project():  # noqa: ANN201 - zwgk Project
    from zwgk.kinds.project import load_project

    project, problems = load_project(ROOT)
    assert project is not None and not problems.errors, problems.report()
    return project


def test_demo_meets_the_content_brief(demo_project) -> None:  # noqa: ANN001
    docs = demo_project.documents
    assert len(docs) >= 30
    labels = Counter(d.label for d in docs)
    assert set(labels) == {"此件公开发布", "此件依申请公开", "此件不予公开"}
    assert set(Counter(d.validity for d in docs)) == {"现行有效", "已修改", "失效", "废止"}
    assert len({d.year for d in docs}) >= 3
    assert len(demo_project.catalogues) >= 6
    assert sum(len(c.items) for c in demo_project.catalogues) >= 40
    assert len(demo_project.interpretations) >= 8
    assert len({i.form for i in demo_project.interpretations}) >= 3
    assert {p.section.name for p in demo_project.pages} >= {"政府信息公开指南", "政府信息公开制度"}
    assert [r.year for r in demo_project.reports] == [2024, 2025]
    assert any(r.requests[fmt.CARRIED_IN]["自然人"] for r in demo_project.reports)  # one with 结转
    assert any(d.attachments for d in docs if d.is_public)
    assert len(demo_project.towns) == 2 and sum(len(t.villages) for t in demo_project.towns) == 3
    assert all(t.catalogues for t in demo_project.towns) and {d.town for d in docs} >= {t.slug for t in demo_project.towns}


def test_every_document_page_and_interpretation_exists(demo_project, demo_site: Path) -> None:  # noqa: ANN001
    for doc in demo_project.documents:
        assert (demo_site / "wj" / f"{doc.slug}.html").exists() != doc.is_withheld, doc.slug
    for interp in demo_project.interpretations:
        body = article(demo_site, f"zcjd/{interp.slug}.html")
        back = links(body.css_first(".zw-related--source"))
        assert back, interp.slug
    for catalogue in demo_project.catalogues:
        body = article(demo_site, f"zdly/{catalogue.domain.slug}.html")
        assert len(body.css("table.zw-catalogue tbody tr")) == len(catalogue.items)


def _site_text(site: Path) -> str:
    parts = []
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            parts.append(path.name)
            parts.append((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
    return "\n".join(parts)


def test_withheld_and_on_request_texts_are_not_published(demo_project, demo_site: Path) -> None:  # noqa: ANN001
    text = _site_text(demo_site)
    owners = [*demo_project.documents, *demo_project.interpretations, *demo_project.pages]
    public_files = {a.name for o in owners if getattr(o, "is_public", True) for a in o.attachments}
    checked = 0
    for doc in demo_project.documents:
        if doc.is_public:
            continue
        secret_lines = [line.strip() for line in doc.body.splitlines() if len(line.strip()) >= 20]
        if doc.is_withheld:
            secret_lines += [doc.title, doc.slug] + ([doc.number] if doc.number else [])
            secret_lines += [a.name for a in doc.attachments if a.name not in public_files]
        for line in secret_lines:
            assert line not in text, f"{doc.slug}: {line[:30]}"
            checked += 1
    assert checked >= 10


def test_demo_is_checked_on_its_pinned_day_unless_told(tmp_path: Path) -> None:
    """`build.py check` on the demo, any day it is run, warns of no stale column; --today still wins."""
    import json
    import subprocess
    import sys

    tree = tmp_path / "demo"
    for part in ("content", "catalogues"):
        shutil.copytree(ROOT / part, tree / part)

    def check(*extra: str) -> tuple[list[dict], str]:
        proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(tree), "check",
                               "--json", str(tmp_path / "r.json"), *extra],  # run_cli would add --today
                              capture_output=True, text=True, cwd=ROOT, timeout=600)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"], proc.stdout + proc.stderr

    findings, said = check()
    assert not [f for f in findings if f["rule"].startswith("timeliness.stale")]
    pinned = re.search(r"^检查日期: (\S+)", (ROOT / "content/site.yml").read_text(encoding="utf-8"), re.M)[1]
    assert f"检查日期 {pinned}（取自 content/site.yml 的“检查日期”" in said
    findings, said = check("--today", "2027-06-01")
    assert "取自 content/site.yml" not in said
    stale = {f["file"] for f in findings if f["rule"] == "timeliness.stale"}
    assert stale and all((tree / name).is_file() for name in stale)  # each names the column's newest file
