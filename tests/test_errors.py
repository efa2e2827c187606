"""Every class of editor mistake stops the build with a Chinese `文件:行号: 问题 — 改法` line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DOC, copy_fixture, edit, run_cli

DOCS = "content/documents/2024"


def _write(tree: Path, rel: str, text: str, encoding: str = "utf-8") -> None:
    path = tree / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


# (what the editor did, the expected line prefix of the report, a fragment of the message)
CASES = [
    # after a known key a full-width colon is read as a colon with a warning (test_robust_input); after others it breaks YAML
    ("full-width colon", lambda t: edit(t, f"{DOCS}/cjf-2024-1.md", "文号: 测教", "发文号：测教"),
     f"{DOCS}/cjf-2024-1.md:3:", "把全角冒号“：”改成半角冒号"),
    ("missing space after colon", lambda t: edit(t, f"{DOCS}/cjf-2024-2.md", "领域: 义务教育", "领域:义务教育\n  - x"),
     f"{DOCS}/cjf-2024-2.md:", "冒号"),
    ("full-width colon in a catalogue", lambda t: edit(t, "catalogues/county/education.yml", "牵头部门: 测试县教育局", "负责部门：测试县教育局"),
     "catalogues/county/education.yml:2:", "把全角冒号“：”改成半角冒号"),
    ("unknown 领域 in a catalogue", lambda t: edit(t, "catalogues/county/education.yml", "领域: 义务教育", "领域: 教育卫生"),
     "catalogues/county/education.yml:1:", "“领域”填的“教育卫生”不在可选范围内"),
    ("catalogue item value not in enumeration", lambda t: edit(t, "catalogues/county/education.yml", "公开方式: 依申请", "公开方式: 依申请公开"),
     "catalogues/county/education.yml:34:", "“事项”的第3条的“公开方式”填的“依申请公开”不在可选范围内 — 改成“依申请”"),
    ("tab indentation", lambda t: _write(t, f"{DOCS}/tab.md", DOC.replace("文号:", "\t文号:")),
     f"{DOCS}/tab.md:3:", "行首用了制表符（Tab）缩进"),
    ("ideographic space indentation", lambda t: _write(t, f"{DOCS}/ideo.md", DOC.replace("文号:", "\u3000文号:")),
     f"{DOCS}/ideo.md:3:", "行首用了全角空格缩进"),
    ("unknown key", lambda t: _write(t, f"{DOCS}/key.md", DOC.replace("发布日期:", "发布时间:")),
     f"{DOCS}/key.md:6:", "不认识的项目“发布时间” — 是不是“发布日期”？"),
    ("missing required key", lambda t: _write(t, f"{DOCS}/req.md", DOC.replace("发文机关: 测试县教育局\n", "")),
     f"{DOCS}/req.md:", "缺少必填项“发文机关”"),
    ("value not in enumeration", lambda t: _write(t, f"{DOCS}/enum.md", DOC.replace("有效性: 现行有效", "有效性: 长期有效")),
     f"{DOCS}/enum.md:8:", "“有效性”填的“长期有效”不在可选范围内 — 改成“现行有效”"),
    ("bad date", lambda t: _write(t, f"{DOCS}/date.md", DOC.replace("成文日期: 2024-03-01", "成文日期: 2024-02-30")),
     f"{DOCS}/date.md:5:", "“成文日期”2024-02-30 这一天不存在"),
    ("unparseable date", lambda t: _write(t, f"{DOCS}/date2.md", DOC.replace("成文日期: 2024-03-01", "成文日期: 三月一日")),
     f"{DOCS}/date2.md:5:", "“成文日期”“三月一日”不是有效日期"),
    ("duplicate 文号", lambda t: _write(t, f"{DOCS}/dupno.md", DOC.replace("测教发〔2024〕8号", "测教发〔2024〕1号")),
     f"{DOCS}/dupno.md:3:", "文号重复：文号“测教发〔2024〕1号”与 content/documents/2024/cjf-2024-1.md:3 相同"),
    ("duplicate 编号", lambda t: edit(t, "catalogues/county/education.yml", "编号: YWJY-03", "编号: YWJY-02"),
     "catalogues/county/education.yml:", "编号“YWJY-02”在本文件中重复"),
    ("legal reason missing", lambda t: edit(t, f"{DOCS}/cjf-2024-4.md", "不予公开理由: 属于讨论记录、过程稿、磋商信函、请示报告等过程性信息\n", ""),
     f"{DOCS}/cjf-2024-4.md:6:", "公开属性是“此件不予公开”，但没有写不予公开理由（法定事由）"),
    ("unknown 领域", lambda t: _write(t, f"{DOCS}/dom.md", DOC.replace("主题分类: 科技、教育", "主题分类: 科技、教育\n领域: [义务教", )),
     f"{DOCS}/dom.md:", "方括号"),
    ("unknown 领域 value", lambda t: _write(t, f"{DOCS}/dom2.md", DOC.replace("主题分类: 科技、教育", "主题分类: 科技、教育\n领域: [教育卫生]")),
     f"{DOCS}/dom2.md:11:", "“领域”的第1条填的“教育卫生”不在可选范围内"),
    ("unknown 目录事项", lambda t: _write(t, f"{DOCS}/item.md", DOC.replace("主题分类: 科技、教育", "主题分类: 科技、教育\n目录事项: [YWJY-09]")),
     f"{DOCS}/item.md:", "目录事项“YWJY-09”不存在"),
    ("unknown 解读对象", lambda t: edit(t, "content/interpretations/jd-cjf-2024-1.md", "[cjf-2024-1]", "[cjf-2024-10]"),
     "content/interpretations/jd-cjf-2024-1.md:", "解读对象“cjf-2024-10”不存在 — 是不是“cjf-2024-1”？"),
    ("attachment missing", lambda t: edit(t, f"{DOCS}/cjf-2024-1.md", "资助标准表.txt", "资助标准.txt"),
     f"{DOCS}/cjf-2024-1.md:13:", "附件“2024/资助标准.txt”不存在"),
    ("file not UTF-8", lambda t: _write(t, f"{DOCS}/gbk.md", DOC, encoding="gbk"),
     f"{DOCS}/gbk.md:2:", "文件不是 UTF-8 编码（看起来是 GBK/GB2312 编码） — 用编辑器把文件“另存为”UTF-8 编码"),
    ("duplicate YAML key", lambda t: _write(t, f"{DOCS}/dupkey.md", DOC.replace("标题: 新文件", "标题: 新文件\n标题: 又一个")),
     f"{DOCS}/dupkey.md:3:", "键“标题”重复出现（第 2 行已有）"),
    ("file name not usable in a URL", lambda t: _write(t, f"{DOCS}/新文件.md", DOC),
     f"{DOCS}/新文件.md:", "不能用作网址"),
    ("body link to a withheld document", lambda t: edit(t, "content/interpretations/jd-cjf-2024-1.md", "../documents/2024/cjf-2024-1.md", "../documents/2024/cjf-2024-4.md"),
     "content/interpretations/jd-cjf-2024-1.md:12:", "正文链接到“此件不予公开”的文件 cjf-2024-4"),
    ("body link to an on-request document", lambda t: edit(t, "content/pages/zhinan.md", "GUIDEBODYMARKER", "[名单](../documents/2024/cjf-2024-3.md)"),
     "content/pages/zhinan.md:8:", "正文链接到“此件依申请公开”的文件 cjf-2024-3"),
    ("body link to a missing file", lambda t: edit(t, "content/interpretations/jd-cjf-2024-1.md", "../documents/2024/cjf-2024-1.md", "../documents/2024/nope.md"),
     "content/interpretations/jd-cjf-2024-1.md:12:", "正文中的链接“../documents/2024/nope.md”指向的文件不存在"),
    ("body link to a withheld attachment", lambda t: edit(t, "content/interpretations/jd-cjf-2024-1.md", "2024/资助标准表.txt", "2024/WITHHELDATTACHMENT.txt"),
     "content/interpretations/jd-cjf-2024-1.md:12:", "正文链接的附件“2024/WITHHELDATTACHMENT.txt”是“此件不予公开”文件 cjf-2024-4 的附件"),
    ("reserved file name", lambda t: _write(t, "content/interpretations/2.md", DOC),
     "content/interpretations/2.md:", "文件名“2.md”是系统保留的名字"),
    ("fixed section empty", lambda t: (t / "content/pages/zhudong-zhidu.md").unlink(),
     "content/pages:", "固定栏目“政府信息公开制度”没有内容"),
    ("interpretation of a withheld document", lambda t: edit(t, "content/interpretations/jd-cjf-2024-1.md", "[cjf-2024-1]", "[cjf-2024-4]"),
     "content/interpretations/jd-cjf-2024-1.md:3:", "解读对象“cjf-2024-4”是“此件不予公开”的文件"),
    ("interpretation of an on-request document", lambda t: edit(t, "content/interpretations/jd-cjf-2024-1.md", "[cjf-2024-1]", "[cjf-2024-3]"),
     "content/interpretations/jd-cjf-2024-1.md:3:", "解读对象“cjf-2024-3”是“此件依申请公开”的文件"),
    ("replacement that is not public", lambda t: edit(t, f"{DOCS}/cjf-2023-9.md", "替代文件: cjf-2024-2", "替代文件: cjf-2024-4"),
     f"{DOCS}/cjf-2023-9.md:10:", "替代文件“cjf-2024-4”是“此件不予公开”的文件"),
    ("withdrawn without date", lambda t: edit(t, f"{DOCS}/cjf-2023-9.md", "废止日期: 2024-04-03\n", ""),
     f"{DOCS}/cjf-2023-9.md:8:", "文件已废止，但没有写废止日期"),
    ("attachment shared with a withheld document", lambda t: edit(t, f"{DOCS}/cjf-2024-1.md", "资助标准表.txt", "WITHHELDATTACHMENT.txt"),
     f"{DOCS}/cjf-2024-1.md:13:", "附件“2024/WITHHELDATTACHMENT.txt”也是“此件不予公开”文件 content/documents/2024/cjf-2024-4.md 的附件"),
    ("attachment path unusable", lambda t: edit(t, f"{DOCS}/cjf-2024-1.md", "2024/资助标准表.txt", "a" * 300),
     f"{DOCS}/cjf-2024-1.md:13:", "无法使用"),
    ("nesting too deep", lambda t: _write(t, f"{DOCS}/deep.md", DOC.replace("正文", "").replace("标题: 新文件", "标题: " + "[" * 3000)),
     f"{DOCS}/deep.md:", "嵌套层次太深"),
    ("list where one value is expected", lambda t: _write(t, f"{DOCS}/lst.md", DOC.replace("公开属性: 此件公开发布", "公开属性: [此件公开发布]")),
     f"{DOCS}/lst.md:7:", "“公开属性”应该是一段文字"),
]


# Mistakes in different files, made all at once: each must still be reported.
ONE_RUN = {"duplicate YAML key", "ideographic space indentation", "catalogue item value not in enumeration", "tab indentation", "unknown key",
           "missing required key", "bad date", "duplicate 文号", "file not UTF-8", "attachment missing"}


@pytest.mark.parametrize("name,mistake,where,message", CASES, ids=[c[0] for c in CASES])
def test_mistake_is_reported_in_chinese_with_file_and_line(tmp_path: Path, name: str, mistake, where: str, message: str) -> None:
    tree = copy_fixture("mini", tmp_path)
    mistake(tree)
    result = run_cli("--root", tree, "check")
    assert result.code == 1, result.text
    assert "Traceback" not in result.text
    lines = [line.strip() for line in result.err.splitlines()]
    assert any(line.startswith(where) and message in line and " — " in line for line in lines), result.err


def test_all_errors_are_reported_in_one_run_and_build_keeps_old_site(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    site = tree / "site"
    assert run_cli("--root", tree, "build", "--site-dir", site).code == 0
    before = (site / "index.html").read_bytes()
    together = [c for c in CASES if c[0] in ONE_RUN]
    assert len(together) == len(ONE_RUN)
    for _name, mistake, _where, _message in together:
        mistake(tree)
    result = run_cli("--root", tree, "build", "--site-dir", site)
    assert result.code == 1
    assert "Traceback" not in result.text
    errors = result.err.split("警告（")[0]
    listed = [line for line in errors.splitlines() if line.startswith("    ")]
    assert f"共 {len(listed)} 个错误、1 个警告。有错误时站点不会生成" in result.err and len(listed) >= len(ONE_RUN)
    for _name, _mistake, where, message in together:
        assert any(line.strip().startswith(where) and message in line for line in result.err.splitlines()), message
    assert (site / "index.html").read_bytes() == before
    assert not list(tree.glob(".site-*"))


def test_clean_tree_passes_check_with_warning_for_bracket(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    result = run_cli("--root", tree, "check")
    assert result.code == 0, result.text
    assert "检查通过" in result.out
    assert ("content/documents/2024/cjf-2024-2.md:3: 文号“测教发[2024]2号”的年份括号不规范，已按“测教发〔2024〕2号”发布"
            " — 把年份括号改成六角括号〔〕") in result.err


def test_bom_and_crlf_files_are_read(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    _write(tree, f"{DOCS}/bom.md", "\ufeff" + DOC.replace("\n", "\r\n"))
    result = run_cli("--root", tree, "check")
    assert result.code == 0, result.text


def test_documents_loaded_on_every_core_give_the_same_model_and_problems(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of documents are loaded in forked shards (Reader.load_files): the same documents, in the
    same order, and the same problems in the same order as loading them one after the other."""
    from zwgk.base import parallel
    from zwgk.kinds.project import load_project

    tree = copy_fixture("mini", tmp_path)

    def both_ways():  # noqa: ANN202
        monkeypatch.setenv("ZWGK_JOBS", "1")
        one_by_one = load_project(tree)
        monkeypatch.setenv("ZWGK_JOBS", "2")
        monkeypatch.setattr(parallel, "MIN_ITEMS_TO_SPLIT", 1)
        return one_by_one, load_project(tree)

    (project, _), (sharded, _) = both_ways()
    assert project is not None and sharded is not None and len(project.documents) >= 5
    assert project.documents == sharded.documents and project.interpretations == sharded.interpretations
    edit(tree, "content/documents/2024/cjf-2024-1.md", "成文日期: ", "成文日期: 2024-02-30\n旧字段: ")
    edit(tree, "content/documents/2024/cjf-2024-4.md", "公开属性: ", "公开属性: 此件公开\n原公开属性: ")
    (_, problems), (_, sharded_problems) = both_ways()
    assert len(problems.errors) >= 2 and problems.items == sharded_problems.items
