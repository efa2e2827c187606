"""Look-alike identities: a 文号, 编号, 索引号 or file name with a zero-width space or full-width digits is
the same identity as the plain one — duplicates are found, references resolve, the editor is warned
and shown the plain form, and the site publishes the plain form."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DOC, ROOT, article, build, copy_fixture, edit, run_cli

from zwgk.base import identity
from zwgk.base.problems import Problem, Problems
from zwgk.kinds.project import load_project

D1 = "content/documents/2024/cjf-2024-1.md"  # 文号 测教发〔2024〕1号, 目录事项 [YWJY-01]
D2 = "content/documents/2024/cjf-2024-2.md"  # 目录事项 YWJY-02
NEW = "content/documents/2024/xin.md"
INTERP = "content/interpretations/jd-cjf-2024-1.md"
CAT = "catalogues/county/education.yml"
ZWSP = "\u200b"


def _load(tree: Path) -> tuple[object, Problems]:
    project, problems = load_project(tree)
    assert project is not None, problems.report()
    return project, problems


def _rule(problems: Problems, rule: str) -> list[Problem]:
    return [p for p in problems.items if p.rule == rule]


@pytest.mark.parametrize(("typed", "plain", "named"), [
    (f"示财发〔2024〕{ZWSP}9号", "示财发〔2024〕9号", ["零宽空格 U+200B"]),
    ("示财发〔２０２４〕９号", "示财发〔2024〕9号", ["全角数字 ２０２４、９"]),
    ("\ufeffＪＹ-01\u00ad\u3000", "JY-01", ["字节顺序标记（BOM） U+FEFF", "全角字母 ＪＹ", "软连字符 U+00AD", "全角空格 U+3000"]),
    ("示财发〔2024〕9号", "示财发〔2024〕9号", []),
])
def test_normalise_and_name_what_changed(typed: str, plain: str, named: list[str]) -> None:
    assert identity.normalise(typed) == plain
    assert identity.changes(typed) == named


def test_a_number_loses_inner_spaces_only_when_asked() -> None:
    assert identity.normalise(" 示财发 〔2024〕 9号 ", spaces=True) == "示财发〔2024〕9号"
    assert identity.normalise(" 甲 乙 ") == "甲 乙"


def test_full_width_brackets_become_year_brackets() -> None:
    """NFKC makes （２０２４） into (2024) first, which the bracket fix then makes 〔2024〕."""
    from zwgk.base import docnumber

    assert docnumber.fix_brackets(identity.normalise("示财发（２０２４）９号", spaces=True)) == "示财发〔2024〕9号"
    assert docnumber.slug(f"示财发〔2024〕{ZWSP}9号") is not None


@pytest.mark.parametrize("number", [f"测教发〔2024〕{ZWSP}1号", "测教发〔２０２４〕１号", "测教发（２０２４）1号"])
def test_duplicate_number_is_found_through_look_alikes(tmp_path: Path, number: str) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / NEW).write_text(DOC.replace("测教发〔2024〕8号", number), encoding="utf-8")
    _, problems = _load(tree)
    duplicate = _rule(problems, "consistency.duplicate")
    assert [p.file for p in duplicate] == [NEW], problems.report()
    assert "文号“测教发〔2024〕1号”与 content/documents/2024/cjf-2024-1.md:3 相同" in duplicate[0].message
    [warned] = _rule(problems, "consistency.lookalike")
    assert (warned.file, warned.line) == (NEW, 3)
    assert "已按“测教发〔2024〕1号”读取" in warned.message and "直接写成“测教发〔2024〕1号”" in warned.fix


def test_number_warning_names_the_code_point_and_the_plain_form(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, D1, "文号: 测教发〔2024〕1号", f"文号: 测教发〔２０２４〕{ZWSP}1号")
    _, problems = _load(tree)
    assert not problems.errors, problems.report()
    [warned] = _rule(problems, "consistency.lookalike")
    assert str(warned) == (
        "content/documents/2024/cjf-2024-1.md:3: 文号“测教发〔２０２４〕<U+200B>1号”含有全角数字 ２０２４、零宽空格 U+200B，"
        "已按“测教发〔2024〕1号”读取 — 直接写成“测教发〔2024〕1号”：删掉看不见的字符，数字和字母用半角"
        "（看起来一样的文号，写法不同就对不上）")


def test_only_year_brackets_get_the_bracket_warning(tmp_path: Path) -> None:
    """（2024） is a bracket mistake, not a look-alike, although NFKC changes it too."""
    tree = copy_fixture("mini", tmp_path)
    edit(tree, D1, "文号: 测教发〔2024〕1号", "文号: 测教发（2024）1号")
    _, problems = _load(tree)
    assert not _rule(problems, "consistency.lookalike"), problems.report()
    assert any("年份括号不规范，已按“测教发〔2024〕1号”发布" in p.message for p in problems.warnings)


def test_look_alike_warning_does_not_name_the_brackets(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, D1, "文号: 测教发〔2024〕1号", "文号: 测教发（２０２４）1号")
    _, problems = _load(tree)
    [warned] = _rule(problems, "consistency.lookalike")
    assert "含有全角数字 ２０２４，已按“测教发〔2024〕1号”读取" in warned.message


def test_new_document_writes_the_plain_number(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    result = run_cli("--root", tree, "new", "document", "--title", "另一个", "--number", f"测教发〔２０２４〕{ZWSP}13号",
                     "--type", "其他文件", "--theme", "其他", "--today", "2024-07-01")
    assert result.code == 0, result.text
    assert "文号已去掉全角数字 ２０２４、零宽空格 U+200B：测教发〔2024〕13号" in result.out
    assert "文号: 测教发〔2024〕13号\n" in (tree / "content/documents/2024/cjf-2024-13.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", ["ＹＷＪＹ－０１", f"YWJY-{ZWSP}01"])
def test_duplicate_catalogue_code_is_found_through_look_alikes(tmp_path: Path, code: str) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, CAT, "- 编号: YWJY-03", f"- 编号: {code}")
    _, problems = _load(tree)
    assert any("编号“YWJY-01”" in p.message and "重复" in p.message for p in problems.errors), problems.report()
    [warned] = _rule(problems, "consistency.lookalike")
    assert warned.file == CAT and "已按“YWJY-01”读取" in warned.message


def test_interpretation_target_with_a_zero_width_space_still_resolves(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, INTERP, "解读对象: [cjf-2024-1]", f"解读对象: [cjf-2024{ZWSP}-1]")
    project, problems = _load(tree)
    assert not problems.errors, problems.report()
    assert project.interpretations[0].targets == ("cjf-2024-1",)
    [warned] = _rule(problems, "consistency.lookalike")
    assert (warned.file, warned.line) == (INTERP, 3)
    assert "解读对象“cjf-2024<U+200B>-1”含有零宽空格 U+200B，已按“cjf-2024-1”读取" in warned.message


def test_catalogue_item_reference_with_look_alikes_still_resolves(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, D2, "目录事项: YWJY-02", f"目录事项: YWJY{ZWSP}-０２")
    project, problems = _load(tree)
    assert not problems.errors, problems.report()
    assert next(d for d in project.documents if d.slug == "cjf-2024-2").items == ("YWJY-02",)
    [warned] = _rule(problems, "consistency.lookalike")
    assert warned.file == D2 and "零宽空格 U+200B" in warned.message and "全角数字 ０２" in warned.message


def test_duplicate_index_number_is_found_through_look_alikes(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, D1, "主题分类: 科技、教育\n", "主题分类: 科技、教育\n索引号: 11000000MB0000000X/2024-00007\n")
    edit(tree, D2, "主题分类: 科技、教育\n", f"主题分类: 科技、教育\n索引号: 11000000MB0000000X/2024-0000７{ZWSP}\n")
    _, problems = _load(tree)
    [duplicate] = _rule(problems, "consistency.duplicate-index")
    assert "索引号“11000000MB0000000X/2024-00007”已经属于" in duplicate.message
    [warned] = _rule(problems, "consistency.lookalike")
    assert warned.file == D2 and "已按“11000000MB0000000X/2024-00007”读取" in warned.message


def test_registry_with_look_alikes_is_read_plain(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / "content" / "index-numbers.yml").write_text(
        f'cjf-2024-1: "11000000MB0000000X/2024-0000１"\ncjf-2024-2: "11000000MB0000000X/2024-00001{ZWSP}"\n',
        encoding="utf-8")
    _, problems = _load(tree)
    assert any("登记了两次" in p.message for p in problems.errors), problems.report()
    assert len(_rule(problems, "consistency.lookalike")) == 2


def test_file_name_with_a_zero_width_space_names_the_plain_name(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / f"content/documents/2024/cjf-2024-{ZWSP}8.md").write_text(DOC, encoding="utf-8")
    _, problems = _load(tree)
    [named] = _rule(problems, "consistency.lookalike")
    assert named.message == "文件名“cjf-2024-<U+200B>8.md”含有零宽空格 U+200B，不能用作网址"
    assert named.fix.startswith("把文件改名为 cjf-2024-8.md")


def test_published_page_shows_the_plain_number(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, D1, "文号: 测教发〔2024〕1号", f"文号: 测教发（２０２４）{ZWSP}1号")
    site = build(tree)
    body = article(site, "wj/cjf-2024-1.html")
    meta = {th.text(strip=True): th.next.text(strip=True) for th in body.css("table.zw-meta th")}
    assert meta["发文字号"] == "测教发〔2024〕1号"
    assert ZWSP not in (site / "wj" / "cjf-2024-1.html").read_text(encoding="utf-8")


def test_demo_content_has_no_look_alikes() -> None:
    _, problems = _load(ROOT)
    assert not _rule(problems, "consistency.lookalike"), problems.report()
