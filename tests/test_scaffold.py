"""`build.py new`: derived values filled in, the rest asked or flagged, and what it writes passes `check`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, copy_fixture, run_cli
from zwgk.base import docnumber
from zwgk.base.problems import quoted
from zwgk.kinds.project import editing_context, load_project
from zwgk.kinds.registry import FORMS as KINDS
from zwgk.kinds.scaffold import Context, ScaffoldError, run

TODAY = date(2024, 7, 1)


def _ctx(tree: Path, answers: list[str] | None = None) -> tuple[Context, list[str]]:
    said: list[str] = []
    queue = list(answers or [])

    def ask(question: str) -> str:
        said.append(question)
        if not queue:
            raise EOFError
        return queue.pop(0)

    return editing_context(tree, TODAY, ask if answers is not None else None, said.append), said


def test_new_files_of_every_kind_pass_check(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    made = []
    for args in (
        ["document", "--title", "测试县教育局关于做好2024年秋季学期开学工作的通知", "--number", "测教发[2024]12号",
         "--issuer", "测试县教育局", "--type", "其他文件", "--theme", "科技、教育", "--domains", "义务教育", "--items", "YWJY-01"],
        ["interpretation", "--target", "cjf-2024-12", "--form", "简明问答"],
        ["catalogue-item", "--domain", "义务教育", "--level1", "招生入学", "--content", "随迁子女入学条件和流程"],
        ["catalogue-item", "--domain", "社会救助", "--lead", "测试县民政局", "--level1", "低保", "--content", "低保标准"],
    ):
        result = run_cli("--root", tree, "new", *args, "--today", "2024-07-01")
        assert result.code == 0, result.text
        made.append(result.out.split("已写入 ", 1)[1].split("\n", 1)[0])
    assert [Path(m).relative_to(tree).as_posix() for m in made] == [
        "content/documents/2024/cjf-2024-12.md", "content/interpretations/2024/jd-cjf-2024-12.md",
        "catalogues/county/education.yml", "catalogues/county/social-assistance.yml"]
    assert "文号的年份括号已改为六角括号：测教发〔2024〕13号" in run_cli("--root", tree, "new", "document", "--title", "另一个",
                                                        "--number", "测教发（2024）13号", "--type", "其他文件",
                                                        "--theme", "其他", "--today", "2024-07-01").out

    result = run_cli("--root", tree, "check", "--json", tmp_path / "r.json")
    assert result.code == 0, result.text
    problems = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]
    mine = [p for p in problems if p["file"] in {Path(m).relative_to(tree).as_posix() for m in made}]
    # the new catalogue items say they have no content yet: a warning, not an error; the new domain's page has
    # nothing fulfilled yet: a warning too
    assert sorted((p["rule"], p["severity"]) for p in mine) == [("coverage.explained", "warning")] * 2 + [
        ("domains.thin", "warning")]

    doc = (tree / made[0]).read_text(encoding="utf-8")
    assert doc.startswith("---\n# yaml-language-server: $schema=")
    assert (tree / made[0]).parent.joinpath(doc.split("$schema=")[1].split("\n")[0]).resolve() == \
        ROOT / "schemas" / "document.schema.json"
    assert "文号: 测教发〔2024〕12号\n" in doc and "成文日期: 2024-07-01\n发布日期: 2024-07-01\n" in doc
    # mini's 2024 documents hold numbers 1-4 (cjf-2024-4 is withheld, but numbered); the next is 5
    assert "索引号: 11000000MB0000000X/2024-00005  # 已预先取号" in doc
    interp = (tree / made[1]).read_text(encoding="utf-8")
    assert "标题: 《测试县教育局关于做好2024年秋季学期开学工作的通知》政策解读\n解读对象: [cjf-2024-12]\n解读形式: 简明问答\n解读机关: 测试县教育局\n" in interp
    catalogue = (tree / made[2]).read_text(encoding="utf-8")
    assert "更新日期: 2024-07-01" in catalogue and "  - 编号: YWJY-04\n    一级事项: 招生入学\n" in catalogue
    assert "公开主体: 测试县教育局\n" in catalogue.split("YWJY-04")[1]


def test_never_overwrites(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    existing = tree / "content/documents/2024/cjf-2024-1.md"
    before = existing.read_bytes()
    ctx, _ = _ctx(tree)
    with pytest.raises(ScaffoldError) as refused:
        run(KINDS["document"], ctx, {"标题": "重复", "文号": "测教发〔2024〕1号", "文件类型": "其他文件", "主题分类": "其他"})
    assert refused.value.messages == ["--number（文号）：文号“测教发〔2024〕1号”已被 content/documents/2024/cjf-2024-1.md 使用"
                                      " — 核对文号；同一文件不要重复新建"]
    with pytest.raises(ScaffoldError, match="已有文件 content/documents/2024/cjf-2024-1.md，没有改动它"):
        run(KINDS["document"], ctx, {"标题": "重复", "文件类型": "其他文件", "主题分类": "其他"}, slug="cjf-2024-1")
    assert existing.read_bytes() == before


def test_flags_without_a_terminal_list_every_missing_or_wrong_value(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    result = run_cli("--root", tree, "new", "document", "--title", "缺项", "--label", "此件公开的", "--items", "YWJY-010")
    assert result.code == 1 and "Traceback" not in result.text
    assert result.err.splitlines() == [
        "--label（公开属性）：“公开属性”填的“此件公开的”不在可选范围内 — 改成“此件公开发布”（可选：“此件公开发布”、“此件依申请公开”、“此件不予公开”）",
        "缺少 --reason（不予公开理由）— 可选：" + quoted(KINDS["document"].schema["properties"]["不予公开理由"]["enum"]),
        "缺少 --type（文件类型）— 可选：“规章”、“行政规范性文件”、“其他文件”",
        "缺少 --theme（主题分类）— 可选：" + quoted(KINDS["document"].schema["properties"]["主题分类"]["enum"]),
        "--items（目录事项）：目录事项“YWJY-010”不存在 — 是不是“YWJY-01”？在 catalogues/ 的目录里查到正确编号",
        "没有写入任何文件。",
    ]
    assert not list((tree / "content/documents").glob("*/*缺*"))


def test_interactive_answers_are_checked_and_asked_again(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    answers = ["测试县教育局关于校车安全的通知", "", "", "2024年6月3日", "此件公开的", "3", "1", "", "3", "10", "", "", "", "", ""]
    ctx, said = _ctx(tree, answers)
    path = run(KINDS["document"], ctx, {})
    assert "“公开属性”填的“此件公开的”不在可选范围内 — 改成“此件公开发布”（可选：“此件公开发布”、“此件依申请公开”、“此件不予公开”）" in said
    assert "发文机关（必填） [测试县人民政府]：" in said and "公开属性（必填，可写序号） [此件公开发布]：" in said
    text = path.read_text(encoding="utf-8")
    assert path == tree / "content/documents/2024/xcaq-2024.md"  # 校车安全, from the title
    # 此件不予公开 (answer 3): no 发布日期, the legal reason asked; no 文号, so the name comes from the title
    assert "公开属性: 此件不予公开\n不予公开理由: 属于国家秘密\n有效性: 现行有效\n文件类型: 其他文件\n主题分类: 科技、教育\n" in text
    assert "发布日期" not in text and "成文日期: 2024-06-03\n" in text
    project, problems = load_project(tree)
    assert not [p for p in problems.items if p.file.endswith(path.name)]
    assert project is not None and path.stem in {d.slug for d in project.documents}


def test_end_of_input_writes_nothing(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    ctx, _ = _ctx(tree, ["只有标题"])
    with pytest.raises(ScaffoldError, match="输入已结束，没有新建文件"):
        run(KINDS["document"], ctx, {})
    assert len(list((tree / "content/documents").rglob("*.md"))) == 5


def test_interpretation_of_a_withheld_document_is_refused(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    ctx, _ = _ctx(tree)
    with pytest.raises(ScaffoldError) as refused:
        run(KINDS["interpretation"], ctx, {"解读对象": "cjf-2024-4"})
    assert refused.value.messages[0] == "--target（解读对象）：解读对象“cjf-2024-4”是“此件不予公开”的文件 — 只能解读“此件公开发布”的文件"


def test_second_interpretation_of_a_document_gets_its_own_name(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    ctx, _ = _ctx(tree)
    first = run(KINDS["interpretation"], ctx, {"解读对象": "cjf-2024-2", "解读形式": "图表图解"})
    second = run(KINDS["interpretation"], ctx, {"解读对象": "cjf-2024-2", "解读形式": "简明问答"})
    assert (first.name, second.name) == ("jd-cjf-2024-2.md", "jd-cjf-2024-2-2.md")


def test_catalogue_item_goes_after_the_last_item_even_with_keys_after_it(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    path = tree / "catalogues/county/education.yml"
    text = path.read_text(encoding="utf-8")
    head, items = text.split("事项:\n", 1)
    path.write_text("事项:\n" + items.rstrip("\n") + "\n\n# 以下为目录信息\n" + head, encoding="utf-8")
    ctx, _ = _ctx(tree)
    run(KINDS["catalogue-item"], ctx, {"领域": "义务教育", "一级事项": "招生", "公开内容": "招生计划", "公开方式": "依申请",
                                       "编号": "YWJY-77"})
    new = path.read_text(encoding="utf-8")
    assert new.index("编号: YWJY-77") < new.index("# 以下为目录信息") < new.index("牵头部门")
    assert "暂无内容说明" not in new  # only 主动 items must have content
    project, problems = load_project(tree)
    assert not [p for p in problems.items if "education" in p.file]
    assert "YWJY-77" in [i.code for c in project.catalogues for i in c.items]


@pytest.mark.parametrize("number,slug", [
    ("示政办发〔2024〕3号", "szbf-2024-3"), ("示政办发[2024]03号", "szbf-2024-3"), ("示教发【2024】12号", "sjf-2024-12"),
    ("示财发（2024）2号", "scf-2024-2"), ("示财发 (２０２４) 2号", "scf-2024-2"), ("示人社发﹝2025﹞1号", "srsf-2025-1"),
    ("示ABC发〔2024〕3号", "sabcf-2024-3"), ("没有文号", None),
])
def test_file_name_from_number(number: str, slug: str | None) -> None:
    assert docnumber.slug(number) == slug


def test_demo_file_names_follow_their_numbers() -> None:
    checked = 0
    for path in (ROOT / "content/documents").rglob("*.md"):
        number = next((line[4:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("文号: ")), None)
        if number:
            assert docnumber.slug(number) == path.stem
            checked += 1
    assert checked > 40


def test_issuer_follows_from_the_number_prefix(tmp_path: Path) -> None:
    """示民发 → 示例县民政局: learned from the documents' 文号 and 发文机关, else from an organ whose name fits the 代字."""
    tree = copy_fixture("mini", tmp_path)
    doc = (tree / "content/documents/2024/cjf-2024-1.md").read_text(encoding="utf-8")
    (tree / "content/documents/2024/cmf-2024-1.md").write_text(
        doc.replace("测教发〔2024〕1号", "测民发〔2024〕1号").replace("发文机关: 测试县教育局", "发文机关: 测试县民政局"),
        encoding="utf-8")
    made = run_cli("--root", tree, "new", "catalogue-item", "--domain", "医疗卫生", "--lead", "测试县卫生健康局",
                   "--level1", "医疗机构", "--content", "医疗机构名单", "--today", "2024-07-01")
    assert made.code == 0, made.text
    issuers = {}
    for number in ("测民发〔2024〕2号", "测教发〔2024〕20号", "测卫发〔2024〕1号", "测农发〔2024〕1号"):
        result = run_cli("--root", tree, "new", "document", "--title", f"测试{number}", "--number", number,
                         "--type", "其他文件", "--theme", "其他", "--today", "2024-07-01")
        assert result.code == 0, result.text
        written = tree / "content/documents/2024" / f"{docnumber.slug(number)}.md"
        issuers[number] = written.read_text(encoding="utf-8").split("发文机关: ", 1)[1].split("\n", 1)[0]
    assert issuers == {
        "测民发〔2024〕2号": "测试县民政局",  # learned from cmf-2024-1
        "测教发〔2024〕20号": "测试县教育局",
        "测卫发〔2024〕1号": "测试县卫生健康局",  # no document yet: the one organ whose name begins with 卫
        "测农发〔2024〕1号": "测试县人民政府",  # no organ fits: the site's own
    }


def test_catalogue_items_of_the_chosen_domain_are_listed_and_suggested(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    answers = ["测试县教育局关于学生资助的通知", "测教发〔2024〕30号", "", "", "", "", "3", "科技、教育", "义务教育",
               "YWJY-9", "资助", "YWJY-03", "", "", ""]
    ctx, said = _ctx(tree, answers)
    path = run(KINDS["document"], ctx, {})
    assert "发文机关（必填） [测试县教育局]：" in said
    listing = "义务教育领域的目录事项：\n  YWJY-01  政策文件／义务教育政策文件\n  YWJY-02  招生入学"
    assert any(line.startswith(listing) for line in said), said
    nearest = [line for line in said if line.startswith("目录事项“")]
    assert nearest[0].startswith("目录事项“YWJY-9”不存在 — 义务教育领域中相近的有：YWJY-01（政策文件／义务教育政策文件）、")
    assert nearest[1] == "目录事项“资助”不存在 — 义务教育领域中相近的有：YWJY-03（学生资助）；写其中的编号"
    assert "目录事项: [YWJY-03]\n" in path.read_text(encoding="utf-8")
