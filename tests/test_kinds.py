"""The registry of content kinds is the one list the loader, `schemas`, `new` and the handbook read:
change it and each of them follows."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, copy_fixture, run_cli

from zwgk.content.model import Project
from zwgk.kinds import project as project_module
from zwgk.kinds.kind import ContentKind
from zwgk.kinds.page import PAGE_KIND
from zwgk.kinds.project import load_project
from zwgk.kinds.registry import BY_NAME, FORMS, KINDS

# Project attributes that no kind loads: the 索引号 registry fills them after loading.
NOT_A_KIND = {"root", "index_registry", "new_index_numbers", "update_state"}  # files build.py keeps, not editors
# Kinds the demo county has no file of: it publishes no number the personal-data check would stop.
NOT_IN_DEMO = {"personal-data-allow"}


def test_every_part_of_the_project_is_loaded_by_one_kind() -> None:
    fields = [kind.field for kind in KINDS if kind.load is not None]
    assert len(fields) == len(set(fields)), "two kinds fill the same Project attribute"
    assert set(fields) == {f.name for f in dataclasses.fields(Project)} - NOT_A_KIND


def test_what_each_kind_loads_is_its_model() -> None:
    project, problems = load_project(ROOT)
    assert project is not None, problems.report()
    for kind in KINDS:
        if kind.field is not None:
            value = getattr(project, kind.field)
            loaded = value if isinstance(value, list) else [value]
            assert loaded and all(isinstance(v, kind.model) for v in loaded), kind.name


def test_each_kind_declares_files_the_demo_has() -> None:
    """The globs are real: the demo county has a file of every kind (the handbook's examples come from them)."""
    for kind in KINDS:
        assert kind.files and (kind.name in NOT_IN_DEMO) != any(any(ROOT.glob(p)) for p in kind.files), kind.name
        assert kind.handbook and kind.schema.get("title"), kind.name


def test_schemas_written_are_the_registrys(tmp_path: Path) -> None:
    from zwgk.editor.schema_export import write_all

    written = sorted(p.name for p in write_all(tmp_path))
    assert written == sorted(f"{kind.name}.schema.json" for kind in KINDS)
    assert written == sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json")), "run: build.py schemas"
    document = json.loads((tmp_path / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    assert document["title"] == BY_NAME["document"].schema["title"]


def test_new_offers_every_form_of_the_registry() -> None:
    run = run_cli("new", "--help")
    assert run.code == 0, run.text
    for name, form in FORMS.items():
        assert name in run.out and form.help in run.out
    assert {form.name for kind in KINDS for form in kind.forms} == set(FORMS)


def test_the_handbook_introduces_each_kind_with_its_registry_text() -> None:
    handbook = (ROOT / "docs" / "编辑手册.md").read_text(encoding="utf-8")
    for kind in KINDS:
        heading = f"#### {kind.schema['title']}\n\n{kind.handbook}\n"
        assert heading in handbook, kind.name


def test_the_loader_loads_what_the_registry_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Take the page kind out of the registry and no page is loaded; add a kind with a check of its own
    and the check runs with the rest."""
    tree = copy_fixture("mini", tmp_path / "mini")
    project, _ = load_project(tree)
    assert project is not None and project.pages

    def no_pages(reader, loaded):  # noqa: ANN001, ANN202
        return []

    def notice_check(project: Project, reader) -> None:  # noqa: ANN001
        reader.problems.warning(reader.content / "notices.yml", 1, "新内容类型的检查", "改正它", "notices.test")

    notices = ContentKind("notices", ("content/notices.yml",), {"title": "通知公告", "type": "object"}, None, "通知公告。",
                          check=notice_check)
    kinds = tuple(dataclasses.replace(k, load=no_pages) if k is PAGE_KIND else k for k in KINDS) + (notices,)
    monkeypatch.setattr(project_module, "KINDS", kinds)
    project, problems = load_project(tree)
    assert project is not None and project.pages == [] and project.documents
    assert [p.message for p in problems.items if p.rule == "notices.test"] == ["新内容类型的检查"]


def test_a_form_made_without_the_loader_says_so() -> None:
    """A Context that cannot load the project would answer every lookup "nothing there": it refuses instead."""
    from datetime import date

    from zwgk.kinds.scaffold import Context

    with pytest.raises(RuntimeError, match="editing_context"):
        Context(FIXTURES / "mini", date(2024, 7, 1), None).project  # noqa: B018
