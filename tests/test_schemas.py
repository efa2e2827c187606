"""The JSON Schemas shipped for editors match the loader: same source, same verdicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator
from zwgk.content import schemas
from zwgk.base import vocab
from zwgk.base.problems import Problems
from zwgk.editor.schema_export import EXPORTED, exported
from zwgk.content.sourcefile import parse_yaml, read_markdown, read_yaml_file
from zwgk.content.validate import validate


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", list(EXPORTED))
def test_shipped_schema_files_are_up_to_date(name: str) -> None:
    shipped = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert shipped == exported(name), "run: python build.py schemas"


def _demo_files() -> list[tuple[str, Path]]:
    files = [("site", ROOT / "content/site.yml")]
    files += [("catalogue", p) for p in sorted((ROOT / "catalogues/county").glob("*.yml"))]
    files += [("town", p) for p in sorted((ROOT / "catalogues/towns").glob("*/town.yml"))]
    files += [("villages", p) for p in sorted((ROOT / "catalogues/towns").glob("*/villages.yml"))]
    files += [("catalogue", p) for p in sorted((ROOT / "catalogues/towns").glob("*/*.yml"))
              if p.name not in ("town.yml", "villages.yml")]
    files += [("document", p) for p in sorted((ROOT / "content/documents").rglob("*.md"))]
    files += [("interpretation", p) for p in sorted((ROOT / "content/interpretations").rglob("*.md"))]
    files += [("page", p) for p in sorted((ROOT / "content/pages").rglob("*.md"))]
    files += [("decisions", p) for p in sorted((ROOT / "content/decisions").glob("*.yml"))]
    files += [("negative-list", ROOT / "content/negative-list.yml"), ("cleanup", ROOT / "content/cleanup.yml")]
    files += [("annual-report", p) for p in sorted((ROOT / "content/reports").glob("*.yml"))]
    return files


def test_every_demo_file_validates_against_its_schema() -> None:
    problems = Problems(ROOT)
    checked = 0
    for name, path in _demo_files():
        located = read_markdown(path, problems).meta if path.suffix == ".md" else read_yaml_file(path, problems)
        errors = [e.message for e in _validator(name).iter_errors(located.data)]
        assert not errors, (path, errors)
        checked += 1
    assert checked > 80 and not problems.items


DOC = """标题: 示例
发文机关: 示例县教育局
成文日期: 2024-03-01
发布日期: 2024-03-05
公开属性: 此件公开发布
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
"""

# (what changes in the document front matter, whether loader and schema should accept it)
CASES = [
    ("", True),
    ("领域: 义务教育、社会救助\n", True),  # a list written on one line
    ("目录事项: [A-1, A-2]\n", True),
    ("关键词:\n  - 招生\n  - 入学\n", True),
    ("公开类别: 财政预算、决算信息\n", True),  # one value that itself contains 、
    ("废止日期: ２０２４年３月５日\n", True),  # full-width digits
    ("发布时间: 2024-03-05\n", False),  # unknown key
    ("领域: [教育卫生]\n", False),  # not a domain
    ("领域: 教育卫生、社会救助\n", False),  # one of a one-line list is not a domain
    ("领域: 义务教育、 社会救助\n", True),
    ("废止日期: 三月五日\n", False),
    ("公开属性: 此件公开的\n", False),
    # A piece of one option (“此件公开”) is the one difference: the loader completes it with a warning,
    # while the editor's schema marks it, so the editor writes the whole value (tests/test_option_lists.py).
    ("公开属性: 此件不予公开\n", False),  # legal reason missing
    ("替代文件: 新文件.md\n", False),
    ("文号: [a, b]\n", False),
]


@pytest.mark.parametrize("extra,accepted", CASES)
def test_schema_and_loader_agree(extra: str, accepted: bool) -> None:
    text = DOC
    key = extra.split(":", 1)[0]
    if key and f"{key}:" in text:
        text = "\n".join(line for line in text.split("\n") if not line.startswith(f"{key}:"))
    text = text.rstrip("\n") + "\n" + extra
    problems = Problems(ROOT)
    located = parse_yaml(text, ROOT / "x.md", problems)
    _, loader_ok = validate(located, schemas.DOCUMENT, problems)
    schema_ok = not list(_validator("document").iter_errors(located.data))
    assert (loader_ok, schema_ok) == (accepted, accepted), problems.report()


def test_vscode_maps_the_yaml_files_to_their_schemas() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for schema, pattern in settings.items():
        assert (ROOT / schema).is_file()
    # town folders hold town.yml and villages.yml beside the domain catalogues: list the domains exactly
    domains = ",".join(t.slug for t in vocab.DOMAINS)
    assert settings["./schemas/catalogue.schema.json"] == ["catalogues/county/*.yml", f"catalogues/towns/*/{{{domains}}}.yml"]
    assert settings["./schemas/town.schema.json"] == "catalogues/towns/*/town.yml"
    assert settings["./schemas/villages.schema.json"] == "catalogues/towns/*/villages.yml"


@pytest.mark.parametrize("extra,accepted", CASES)
def test_fast_check_and_jsonschema_agree(extra: str, accepted: bool) -> None:
    """The loader trusts the compiled check when it passes; it must never pass what jsonschema fails."""
    from zwgk.content.validate import _normalise, _validator, fits

    text = DOC.rstrip("\n") + "\n" + extra
    located = parse_yaml(text, ROOT / "x.md", Problems(ROOT))
    data = _normalise(located.data, schemas.DOCUMENT)
    assert fits(data, schemas.DOCUMENT) == (not list(_validator(schemas.DOCUMENT).iter_errors(data)))


def test_fast_check_and_jsonschema_agree_on_every_demo_file() -> None:
    from zwgk.content.validate import _normalise, _validator, fits

    by_name = {"site": schemas.SITE, "catalogue": schemas.CATALOGUE, "document": schemas.DOCUMENT,
               "interpretation": schemas.INTERPRETATION, "page": schemas.PAGE}
    for name, path in _demo_files():
        if name not in by_name:
            continue
        problems = Problems(ROOT)
        located = read_markdown(path, problems).meta if path.suffix == ".md" else read_yaml_file(path, problems)
        data = _normalise(located.data, by_name[name])
        assert fits(data, by_name[name]) and not list(_validator(by_name[name]).iter_errors(data)), path


def _rows_with_a_note(schema: dict[str, object], path: tuple[str, ...] = ()) -> dict[tuple[str, ...], dict[str, object]]:
    found: dict[tuple[str, ...], dict[str, object]] = {}
    for key, prop in schema.get("properties", {}).items():  # type: ignore[union-attr]
        if key == "说明" and prop.get("x-zwgk-note"):
            found[path] = prop
        elif isinstance(prop, dict):
            found |= _rows_with_a_note(prop, (*path, key))
    return found


def test_the_rows_that_go_on_from_last_year_take_a_described_note() -> None:
    """规章, 行政规范性文件 and 上年结转 may carry a 说明 of a break; the shipped schema says so in Chinese and
    accepts it written in the row, empty too (the check, not the schema, says an empty one does not count)."""
    shipped = json.loads((ROOT / "schemas/annual-report.schema.json").read_text(encoding="utf-8"))
    rows = _rows_with_a_note(shipped)
    assert set(rows) == {("主动公开", "规章"), ("主动公开", "行政规范性文件"), ("申请情况", "上年结转")}
    for prop in rows.values():
        assert prop["type"] == "string" and "minLength" not in prop
        assert str(prop["title"]).startswith("说明") and "不要改已公布的数字" in str(prop["description"])
    demo = read_yaml_file(ROOT / "content/reports/2025.yml", Problems(ROOT)).data
    for note in ("2025年开展清理，宣布失效2件", ""):
        demo["主动公开"]["行政规范性文件"] = {"本年制发": 1, "本年废止": 0, "现行有效": 12, "说明": note}
        demo["申请情况"]["上年结转"] = {**demo["申请情况"]["上年结转"], "说明": note}
        assert not list(_validator("annual-report").iter_errors(demo))
    demo["申请情况"]["本年新收"] = {**demo["申请情况"]["本年新收"], "说明": "不是接着上一年的行"}
    assert list(_validator("annual-report").iter_errors(demo))
