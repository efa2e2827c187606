"""What editors really type is accepted and normalised, YAML 1.1 never guesses, and no edit of a
file, however mangled, gets anything but Chinese `文件:行号` messages from the loader."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import DOC, FIXTURES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zwgk.kinds.project import load_project
from zwgk.build.sitebuild import prepare

REL = "content/documents/2024/new.md"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("robust") / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target


def _load(tree: Path, text: str, rel: str = REL):  # noqa: ANN202 - (Document | None, [str])
    path = tree / rel
    original = path.read_bytes() if path.exists() else None
    path.write_text(text, encoding="utf-8")
    try:
        project, problems = load_project(tree)
    finally:
        path.write_bytes(original) if original is not None else path.unlink()
    mine = [str(p) for p in problems.items if p.file == rel]
    doc = next((d for d in project.documents if d.source.file == rel), None) if project else None
    return doc, mine


@pytest.mark.parametrize("written", [
    "2024-03-01", "2024年3月1日", "2024.3.1", "2024/3/1", "2024/03/01", "２０２４年３月１日", "２０２４－０３－０１",
    "2024．3．1", "2024／3／1", "2024 年 3 月 1 日", "二〇二四年三月一日", "二零二四年三月一日", "\"2024-03-01\"",
])
def test_date_forms_editors_type(tree: Path, written: str) -> None:
    doc, problems = _load(tree, DOC.replace("成文日期: 2024-03-01", f"成文日期: {written}"))
    assert problems == [] and doc.written == date(2024, 3, 1)


@pytest.mark.parametrize("written,message", [
    ("2024-02-30", "“成文日期”2024-02-30 这一天不存在"),
    ("二〇二四年二月三十日", "“成文日期”二〇二四年二月三十日 这一天不存在"),
    ("3/1/2024", "“成文日期”“3/1/2024”不是有效日期"),
    ("2024-03-01 10:30", "“成文日期”“2024-03-01 10:30”不是有效日期"),
])
def test_dates_that_are_not_days(tree: Path, written: str, message: str) -> None:
    doc, problems = _load(tree, DOC.replace("成文日期: 2024-03-01", f"成文日期: {written}"))
    assert doc is None and len(problems) == 1 and problems[0].startswith(f"{REL}:5: {message}")


def test_full_width_colon_after_a_key_is_read_with_a_warning(tree: Path) -> None:
    doc, problems = _load(tree, DOC.replace("成文日期: 2024-03-01", "成文日期：２０２４年３月１日"))
    assert doc.written == date(2024, 3, 1)
    assert problems == [f"{REL}:5: “成文日期”后面用了全角冒号“：”，已按半角冒号读取 — 把“：”改成半角冒号加一个空格，例如 `成文日期: …`"]


# YAML 1.1 would read these as booleans, octal, sexagesimal numbers, floats or null.
SURPRISES = ["是", "否", "yes", "no", "on", "off", "Y", "010", "0o17", "0x1F", "1:30", "1_000", "1e3", ".inf", "2024-03-01"]


@pytest.mark.parametrize("value", SURPRISES)
def test_yaml_11_values_stay_text_in_text_fields(tree: Path, value: str) -> None:
    text = DOC.replace("标题: 新文件", f"标题: {value}").replace("主题分类: 科技、教育", f"主题分类: 科技、教育\n关键词: [{value}, {value}x]")
    doc, problems = _load(tree, text)
    assert problems == [] and doc.title == value and doc.keywords == (value, f"{value}x")


@pytest.mark.parametrize("value", SURPRISES)
def test_yaml_11_values_in_choice_fields_get_a_chinese_message(tree: Path, value: str) -> None:
    doc, problems = _load(tree, DOC.replace("公开属性: 此件公开发布", f"公开属性: {value}"))
    assert doc is None
    assert problems == [f"{REL}:7: “公开属性”填的“{value}”不在可选范围内 — 改成可选值之一（可选：“此件公开发布”、“此件依申请公开”、“此件不予公开”）"]


@pytest.mark.parametrize("value", ["~", "null", "", "Null"])
def test_null_is_an_empty_value(tree: Path, value: str) -> None:
    doc, problems = _load(tree, DOC.replace("标题: 新文件", f"标题: {value}"))
    assert doc is None and problems == [f"{REL}:2: 缺少必填项“标题”（或没有填写） — 加上一行 `标题: …`"]


@pytest.mark.parametrize("value", ["~", "null", ""])
def test_an_empty_optional_value_is_left_out(tree: Path, value: str) -> None:
    doc, problems = _load(tree, DOC.replace("文号: 测教发〔2024〕8号", f"文号: {value}\n关键词: {value}"))
    assert problems == [] and doc.number is None and doc.keywords == ()


def test_numbers_in_site_and_catalogue_stay_as_typed(tree: Path) -> None:
    site = (tree / "content/site.yml").read_text(encoding="utf-8")
    catalogue = (tree / "catalogues/county/education.yml").read_text(encoding="utf-8")
    try:
        (tree / "content/site.yml").write_text(site + "邮编: 010010\n承办单位: yes\n", encoding="utf-8")
        (tree / "catalogues/county/education.yml").write_text(catalogue.replace("编号: YWJY-03", "编号: 0103"), encoding="utf-8")
        project, _ = load_project(tree)
    finally:
        (tree / "content/site.yml").write_text(site, encoding="utf-8")
        (tree / "catalogues/county/education.yml").write_text(catalogue, encoding="utf-8")
    assert (project.site.postcode, project.site.organizer) == ("010010", "yes")
    assert "0103" in [item.code for c in project.catalogues for item in c.items]


def test_bom_and_gbk(tree: Path) -> None:
    path = tree / REL
    path.write_bytes(b"\xef\xbb\xbf" + DOC.replace("\n", "\r\n").encode("utf-8"))
    try:
        _, problems = load_project(tree)
        assert not [p for p in problems.items if p.file == REL]
        path.write_bytes(DOC.encode("gbk"))
        _, problems = load_project(tree)
    finally:
        path.unlink()
    assert [str(p) for p in problems.items if p.file == REL] == [
        f"{REL}:2: 文件不是 UTF-8 编码（看起来是 GBK/GB2312 编码） — 用编辑器把文件“另存为”UTF-8 编码后再提交（记事本：另存为→编码选 UTF-8）"]


# --- fuzz: random edits of demo files ----------------------------------------------------------------

DEMO = [("content/site.yml", "content/site.yml"), ("catalogues/county/education.yml", "catalogues/county/education.yml"),
        ("content/documents/2024/sjf-2024-4.md", "content/documents/2024/fuzz.md"),
        ("content/documents/2023/scf-2023-14.md", "content/documents/2024/fuzz.md"),
        ("content/interpretations/2024/jd-scf-2024-9.md", "content/interpretations/fuzz.md"),
        ("content/pages/zhinan.md", "content/pages/zhinan.md")]
INSERTS = list("：，　（）【】〔〕\t\u3000＃－｜:#-[]{}&*!|>%@`'\"\\") + ["\n", "---\n", "  ", "是", "no", "010", "1:30", "~", "&a", "*a"]

line_edit = st.tuples(st.sampled_from(["delete", "duplicate", "swap"]), st.integers(0, 10_000), st.integers(0, 10_000))
insert = st.tuples(st.just("insert"), st.integers(0, 100_000), st.sampled_from(INSERTS))
noise = st.tuples(st.just("bytes"), st.integers(0, 100_000), st.binary(min_size=1, max_size=4))
whole = st.tuples(st.sampled_from(["truncate", "gbk"]), st.integers(0, 100_000), st.just(None))
edits = st.lists(st.one_of(line_edit, insert, noise, whole), min_size=1, max_size=5)


def _apply(data: bytes, edit: tuple) -> bytes:
    kind, at, arg = edit
    if kind in ("delete", "duplicate", "swap"):
        lines = data.split(b"\n")
        i, j = at % len(lines), arg % len(lines)
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    position = at % (len(data) + 1)
    if kind == "insert":
        return data[:position] + arg.encode("utf-8") + data[position:]
    if kind == "bytes":
        return data[:position] + arg + data[position:]
    if kind == "truncate":
        return data[:position]
    return data.decode("utf-8", "replace").encode("gbk", "replace")


CJK = re.compile("[\u4e00-\u9fff]")
# Folders a message may name as where to add what is missing (a column not updated), present or not.
ADD_TO = {"content/reports"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(source=st.sampled_from(DEMO), changes=edits)
def test_mangled_files_get_chinese_file_line_messages_never_a_traceback(tree: Path, source: tuple[str, str], changes: list) -> None:
    demo, rel = source
    data = (ROOT / demo).read_bytes()
    for change in changes:
        data = _apply(data, change)
    path = tree / rel
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(data)
    try:
        _, problems = prepare(tree, date(2026, 11, 25))  # load, check and render: no exception may escape
    finally:
        path.write_bytes(original) if original is not None else path.unlink()
    lines = data.count(b"\n") + 1
    for problem in problems.items:
        assert CJK.search(problem.message) and CJK.search(problem.fix), problem
        assert not problem.file.startswith("/") and ((tree / problem.file).exists() or problem.file in ADD_TO) \
            or problem.file == rel, problem
        if problem.file == rel:
            assert 0 <= problem.line <= lines + 1, (problem, lines)


def test_a_schema_made_for_one_check_is_never_mistaken_for_another() -> None:
    """validate compiles each schema once, by identity: a schema dropped after use (build.py new makes
    one per field) must not hand its compiled check to the next schema that gets the same id()."""
    from zwgk.base.problems import Problems
    from zwgk.content.sourcefile import Located
    from zwgk.content.validate import validate

    def check(key: str, value: str) -> bool:
        located = Located({key: value}, Path("输入"), {(key,): 1})
        return validate(located, {"type": "object", "properties": {key: {"enum": ["对"]}}}, Problems(ROOT))[1]

    for n in range(100):
        assert check(f"甲{n}", "对")  # fits: compiled, then the schema is dropped
        assert not check(f"乙{n}", "错"), n
