"""docs/编辑手册.md is what tools/make_handbook.py generates now, and its examples reach every place
in the domain package that reports a problem to editors: no message without its entry."""

from __future__ import annotations

import ast
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import make_handbook  # noqa: E402

# Places no example can reach, and why.
UNREACHABLE = {
    ("hooks/zwgk/content/validate.py", "不符合要求"): "fallback for JSON Schema keywords schemas.py does not use",
    ("hooks/zwgk/content/sourcefile.py", "except RecursionError"): "libyaml stops deep nesting itself; kept for the pure-Python parser",
    ("hooks/zwgk/content/sourcefile.py", "格式错误：文件无法读取"): "libyaml's unmarked error is for control characters, refused before parsing",
    ("hooks/zwgk/checks/external.py", "links.external-dead"): "check --external asks live web sites; the handbook is made offline",
    ("hooks/zwgk/checks/external.py", "links.external-redirect"): "check --external asks live web sites",
}


def _reporting_calls() -> dict[tuple[str, int], str]:
    """(file, line) of every `….problems.error(`/`.warning(` call, with the source around it."""
    found: dict[tuple[str, int], str] = {}
    for path in sorted((ROOT / "hooks" / "zwgk").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.split("\n")
        for node in ast.walk(ast.parse(source)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("error", "warning")
                    and ast.unparse(node.func.value).endswith("problems")):
                context = "\n".join(lines[max(0, node.lineno - 3): node.end_lineno])
                found[(path.relative_to(ROOT).as_posix(), node.lineno)] = context
    return found


@pytest.fixture(scope="module")
def generated() -> tuple[str, set[tuple[str, int]]]:
    hits: set[tuple[str, int]] = set()
    return make_handbook.render(hits), hits


def test_handbook_is_current(generated: tuple[str, set[tuple[str, int]]]) -> None:
    text, _ = generated
    assert (ROOT / "docs" / "编辑手册.md").read_text(encoding="utf-8") == text, "run: python tools/make_handbook.py"


def test_every_reported_problem_has_an_example(generated: tuple[str, set[tuple[str, int]]]) -> None:
    _, hits = generated
    calls = _reporting_calls()
    assert len(calls) > 60
    unreached = {site: context for site, context in calls.items() if site not in hits
                 and not any(site[0] == file and fragment in context for file, fragment in UNREACHABLE)}
    exempt_but_reached = [site for site in hits if site in calls
                          and any(site[0] == file and fragment in calls[site] for file, fragment in UNREACHABLE)]
    assert not exempt_but_reached, "remove these from UNREACHABLE: an example reaches them"
    assert not unreached, "add an example to tools/handbook_cases.py for:\n" + "\n\n".join(
        f"{file}:{line}\n{context}" for (file, line), context in sorted(unreached.items()))


def test_handbook_is_linked_from_the_readme() -> None:
    assert "docs/编辑手册.md" in (ROOT / "README.md").read_text(encoding="utf-8")
