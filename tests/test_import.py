"""`build.py import`: issued documents in every format and encoding editors receive them in.

The fixtures are fictional 示例县 documents written for this project: tests/fixtures/import/ holds
a GBK text file with CRLF and hard-wrapped lines, a UTF-8 text file with BOM, a Markdown file as
pandoc writes it, and a text with nothing but a title and a body; the .docx is made here.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES, copy_fixture, run_cli
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from zwgk.editor import issued
from zwgk.base import vocab
from zwgk.base.tool import command
from zwgk.editor.importer import ImportRefused, import_file, report
from zwgk.editor.issued import Line
from zwgk.kinds.project import editing_context, load_project
from zwgk.kinds.scaffold import Context

SAMPLES = FIXTURES / "import"
TODAY = date(2024, 9, 10)


def make_docx(path: Path) -> Path:
    """A 示例县 notice laid out as Word users lay it out, with the artifacts Word leaves."""
    document = docx.Document()
    for text in ["示例县人民政府办公室文件", "", "示政办发[2024]7号", "",
                 "示例县人民政府办公室关于印发《示例县2024年", "政务公开工作要点》的通知", "",
                 "各乡镇人民政府，县直各单位：",
                 "《示例县2024年政务公开工作要点》已经县人民政府同意，现印发给你们，请结合",  # Word paragraph cut mid-sentence
                 "实际认真贯彻落实。",
                 "一、推进重点领域信息公开",
                 "（一）财政预决算公开。县级部门预决算在批复后20日内公开，做到应公开尽公开。",
                 "（二）重大建设项目公开",
                 "各项目单位按照标准目录公开批准、实施信息，公开时限为信息形成之日起",
                 "",  # a stray empty paragraph inside the sentence
                 "20个工作日内。",
                 "- 2 -",
                 "二、加强政策解读",
                 "1.严格落实“三同步”",
                 "政策文件与解读材料同步组织、同步审签、同步部署。",
                 "第2页 共3页"]:
        document.add_paragraph(text)
    bookmarked = document.paragraphs[8]
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), "0"), start.set(qn("w:name"), "_GoBack"), end.set(qn("w:id"), "0")
    bookmarked._p.insert(0, start), bookmarked._p.append(end)
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("任务", "牵头单位"), ("预决算公开", "县财政局"), ("政策解读", "各起草单位")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    signature = document.add_paragraph("示例县人民政府办公室")
    signature.add_run().add_break()  # a manual line break: the date in the same paragraph
    signature.add_run("2024年5月20日")
    for text in ["（此件公开发布）", "抄送：县委办公室，县人大常委会办公室。", "示例县人民政府办公室 2024年5月21日印发"]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    return copy_fixture("mini", tmp_path)


def _ctx(tree: Path) -> Context:
    return editing_context(tree, TODAY, None, lambda _: None)


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def test_docx(tree: Path, tmp_path: Path) -> None:
    ctx = _ctx(tree)
    result = import_file(ctx, make_docx(tmp_path / "通知.docx"))
    assert result.target == tree / "content/documents/2024/szbf-2024-7.md"
    assert report(result, ctx).splitlines() == [
        "通知.docx（docx）→ content/documents/2024/szbf-2024-7.md",
        "  标题：示例县人民政府办公室关于印发《示例县2024年政务公开工作要点》的通知（第5段；原文分 2 行）",
        "  文号：示政办发〔2024〕7号（第3段；原文“示政办发[2024]7号”，已改为〔〕）",
        "  发文机关：示例县人民政府办公室（第23段；落款）",
        "  成文日期：2024-05-20（第23段；原文“2024年5月20日”）",
        "  公开属性：此件公开发布（第24段；原文“（此件公开发布）”）",
        "  发布日期：2024-09-10（导入当天，发布前可改）",
        "  有效性：现行有效（默认，可改）",
        "  索引号：11000000MB0000000X/2024-00005（已预先取号）",
        f"  待填写：文件类型、主题分类 — 打开文件逐项填写；填好之前 {command('check')} 会报错，文件不会发布",
        "  已去掉：页码 第17、21段；版记 第25-26段",
    ]
    assert _body(result.target) == """各乡镇人民政府，县直各单位：

《示例县2024年政务公开工作要点》已经县人民政府同意，现印发给你们，请结合实际认真贯彻落实。

## 一、推进重点领域信息公开

（一）财政预决算公开。县级部门预决算在批复后20日内公开，做到应公开尽公开。

### （二）重大建设项目公开

各项目单位按照标准目录公开批准、实施信息，公开时限为信息形成之日起20个工作日内。

## 二、加强政策解读

#### 1.严格落实“三同步”

政策文件与解读材料同步组织、同步审签、同步部署。

| 任务 | 牵头单位 |
| --- | --- |
| 预决算公开 | 县财政局 |
| 政策解读 | 各起草单位 |

示例县人民政府办公室

2024年5月20日
"""


def test_gbk_text_with_hard_line_breaks(tree: Path) -> None:
    ctx = _ctx(tree)
    result = import_file(ctx, SAMPLES / "jiaoyu-gbk.txt")
    lines = report(result, ctx).splitlines()
    assert lines[0] == "jiaoyu-gbk.txt（txt，GBK/GB18030 编码）→ content/documents/2024/sjf-2024-15.md"
    assert lines[1:6] == [
        "  标题：示例县教育局关于做好2024年秋季学期义务教育阶段学校开学工作的通知（第5行；原文分 2 行）",
        "  文号：示教发〔2024〕15号（第3行；原文“示教发【2024】15号”，已改为〔〕）",
        "  发文机关：示例县教育局（第33行；落款）",
        "  成文日期：2024-08-20（第34行；原文“二〇二四年八月二十日”）",
        "  公开属性：此件公开发布（第35行；原文“此件公开发布”）",
    ]
    assert lines[-2:] == ["  正文中引用的文号：1 处年份括号已改为〔〕", "  已去掉：页码 第24行；版记 第37-38行"]
    body = _body(result.target)
    assert "为做好2024年秋季学期开学工作，确保师生平安、有序返校，现将有关事项通知如下。\n" in body  # 通|知 joined
    assert "## 一、总体要求\n" in body and "### （一）校园安全排查\n" in body and "#### 1．错峰报到\n" in body
    assert "根据示教发〔2023〕9号文件精神" in body
    assert "附件：1.秋季学期开学准备工作检查表\n\n2\\.开学工作总结报送模板\n" in body  # a list, not headings
    assert not re.search("— 2 —|抄送|印发|此件公开发布", body)


def test_utf8_bom_text_with_label_at_the_top(tree: Path) -> None:
    ctx = _ctx(tree)
    result = import_file(ctx, SAMPLES / "caizheng-bom.txt")
    lines = report(result, ctx).splitlines()
    assert lines[:6] == [
        "caizheng-bom.txt（txt，UTF-8 编码）→ content/documents/2024/scf-2024-6.md",
        "  标题：示例县财政局关于公开2023年县级决算的公告（第3行）",
        "  文号：示财发〔2024〕6号（第2行；原文“示财发(2024)6号”，已改为〔〕）",
        "  发文机关：示例县财政局（第12行；落款）",
        "  成文日期：2024-06-28（第13行；原文“２０２４年６月２８日”）",
        "  公开属性：此件公开发布（第1行；原文“公开方式：主动公开”）",
    ]
    body = _body(result.target)
    assert "一般公共预算支出完成318600万元。" in body  # a number cut by a line break, joined without a space
    assert "-3-" not in body and "\ufeff" not in result.target.read_text(encoding="utf-8")


def test_markdown_from_pandoc(tree: Path) -> None:
    ctx = _ctx(tree)
    result = import_file(ctx, SAMPLES / "minzheng.md")
    lines = report(result, ctx).splitlines()
    assert lines[1:6] == [
        "  标题：示例县民政局关于调整2024年城乡最低生活保障标准的通知（第3行）",
        "  文号：示民发〔2024〕4号（第1行；原文“示民发﹝2024﹞4号”，已改为〔〕）",
        "  发文机关：示例县民政局（第22行；落款）",
        "  成文日期：2024-06-18（第24行；原文“2024年6月18日”）",
        "  公开属性：此件公开发布（第26行；原文“【此件公开发布】”）",
    ]
    assert lines[-1] == "  已去掉：书签 第1行"
    body = _body(result.target)
    assert body.startswith("各乡镇人民政府：\n\n经县人民政府同意")  # pandoc's trailing backslash dropped
    assert "提高到每人每年7680元。" in body and "| 城市低保（元/人·月） | 720 | 760 |\n| 农村低保" in body
    assert "_GoBack" not in body


def test_what_cannot_be_found_is_left_for_the_editor_and_refused_by_the_loader(tree: Path) -> None:
    result = import_file(_ctx(tree), SAMPLES / "jianshen.txt")
    assert result.todo == ["发文机关", "成文日期", "公开属性", "文件类型", "主题分类"]
    rel = result.target.relative_to(tree).as_posix()
    _, problems = load_project(tree)
    assert [str(p) for p in problems.items if p.file == rel] == [
        f"{rel}:4: “发文机关”还没有填写（原文中没有找到，看落款或标题中的机关名称） — 填写发文机关",
        f"{rel}:5: “成文日期”还没有填写（原文中没有找到落款日期） — 填写成文日期，写成 2024-03-05 或 2024年3月5日",
        f"{rel}:7: “公开属性”还没有填写（原文中没有找到“此件公开发布”等标注） — 填写公开属性，可选：“此件公开发布”、“此件依申请公开”、“此件不予公开”",
        f"{rel}:9: “文件类型”还没有填写（导入时无法判断，行政规范性文件须经合法性审核、统一登记） — 填写文件类型，可选：“规章”、“行政规范性文件”、“其他文件”",
        f"{rel}:10: “主题分类”还没有填写（导入时无法判断） — 填写主题分类，可选：" + "、".join(
            f"“{theme}”" for theme in vocab.THEMES),
    ]


def test_filled_in_import_loads(tree: Path, tmp_path: Path) -> None:
    result = import_file(_ctx(tree), make_docx(tmp_path / "a.docx"))
    text = result.target.read_text(encoding="utf-8")
    text = re.sub(r"文件类型: .*", "文件类型: 其他文件", re.sub(r"主题分类: .*", "主题分类: 综合政务", text))
    result.target.write_text(text, encoding="utf-8")
    project, problems = load_project(tree)
    assert not [p for p in problems.items if "szbf-2024-7" in p.file]
    doc = next(d for d in project.documents if d.slug == "szbf-2024-7")
    assert (doc.number, doc.issuer, doc.written, doc.label) == ("示政办发〔2024〕7号", "示例县人民政府办公室", date(2024, 5, 20), "此件公开发布")


def test_on_request_label_asks_for_the_legal_reason(tree: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("示例县应急管理局关于2024年防汛值班安排的通知\n各乡镇：\n值班安排见附件。\n示例县应急管理局\n2024年6月1日\n此件依申请公开\n",
                      encoding="utf-8")
    result = import_file(_ctx(tree), source)
    assert result.found["公开属性"].value == "此件依申请公开" and "不予公开理由" in result.todo
    assert "不予公开理由: 待填写：原文标注“此件依申请公开”，须写明法定事由\n" in result.target.read_text(encoding="utf-8")


def test_never_overwrites_without_force(tree: Path) -> None:
    ctx = _ctx(tree)
    first = import_file(ctx, SAMPLES / "minzheng.md")
    first.target.write_text("编辑改过的内容", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_file(ctx, SAMPLES / "minzheng.md")
    assert str(refused.value).endswith("content/documents/2024/smf-2024-4.md 已经存在，没有改动它 — 确认要用导入结果替换时加 --force")
    assert first.target.read_text(encoding="utf-8") == "编辑改过的内容"
    assert import_file(ctx, SAMPLES / "minzheng.md", force=True).target == first.target
    assert "标题: 示例县民政局" in first.target.read_text(encoding="utf-8")


def test_cli_imports_each_file_and_refuses_what_it_cannot_read(tree: Path, tmp_path: Path) -> None:
    (tmp_path / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really")
    (tmp_path / "坏的.docx").write_bytes(b"PK not a zip")
    result = run_cli("--root", tree, "import", *sorted(SAMPLES.iterdir()), tmp_path / "旧格式.doc", tmp_path / "坏的.docx",
                     "--today", "2024-09-10")
    assert result.code == 1 and "Traceback" not in result.text
    assert result.out.count("→ content/documents/") == 4
    assert f"{tmp_path / '旧格式.doc'}: 不能导入 .doc 文件 — 用 Word/WPS 另存为 .docx 或 .txt 后再导入" in result.err
    assert f"{tmp_path / '坏的.docx'}: 不是有效的 .docx 文件 — 用 Word/WPS 打开后另存为 .docx 再导入" in result.err
    assert "2 个文件没有导入。" in result.err


@pytest.mark.parametrize("printed,label", [
    ("此件公开发布", "此件公开发布"), ("（此件公开发布）", "此件公开发布"), ("(此件依申请公开)", "此件依申请公开"),
    ("【此件不予公开】", "此件不予公开"), ("公开方式：依申请公开", "此件依申请公开"), ("公开属性:主动公开", "此件公开发布"),
    ("2024年3月5日（此件公开发布）", "此件公开发布"),
])
def test_label_forms(printed: str, label: str) -> None:
    reading = issued.read([Line("标题的通知", 1), Line("正文。", 2), Line(printed, 3)])
    assert reading.found["公开属性"].value == label


def test_a_sentence_mentioning_a_label_is_not_the_label() -> None:
    reading = issued.read([Line("关于公开属性标注的通知", 1), Line("文件印发时标注“此件不予公开”的，须写明理由。", 2)])
    assert "公开属性" not in reading.found and "此件不予公开" in reading.body


@pytest.mark.parametrize("printed", ["示政发〔2024〕3号", "示政发[2024]3号", "示政发【2024】3号", "示政发(2024)3号",
                                     "示政发（2024）3号", "示政发﹝2024﹞3号", "示政发［2024］3号", "示政发 〔２０２４〕 ３号"])
def test_number_forms(printed: str) -> None:
    reading = issued.read([Line(printed, 1), Line("示例县人民政府关于某事的通知", 2)])
    assert reading.found["文号"].value == "示政发〔2024〕3号"


@pytest.mark.parametrize("line", ["— 3 —", "-3-", "- 12 -", "－３－", "第3页 共5页", "第 3 页", "共5页 第3页", "~ 4 ~"])
def test_page_number_lines(line: str) -> None:
    assert issued.is_page_number(line)


@pytest.mark.parametrize("line", ["3", "2024-03-05", "第三条 本办法自发布之日起施行。", "一、总体要求"])
def test_not_page_numbers(line: str) -> None:
    assert not issued.is_page_number(line)


def _imported_body(tree: Path, tmp_path: Path, paragraphs: list[str]) -> str:
    """The body `build.py import` writes for a .docx notice whose body is `paragraphs`."""
    document = docx.Document()
    for text in ["示例县人民政府办公室关于做好2024年工资支付检查的通知", "各乡镇人民政府，县直各单位：", *paragraphs,
                 "示例县人民政府办公室", "2024年3月5日", "此件公开发布"]:
        document.add_paragraph(text)
    source = tmp_path / "检查.docx"
    document.save(str(source))
    result = run_cli("--root", tree, "import", source, "--today", "2024-09-10")
    assert result.code == 0, result.text
    written = re.search(r"→ (content/documents/\S+\.md)", result.out)
    assert written, result.out
    target = tree / written[1]
    return _body(target)


def test_a_numbered_sentence_is_not_a_heading(tree: Path, tmp_path: Path) -> None:
    body = _imported_body(tree, tmp_path, ["一、检查内容", "（一）工资专用账户设立情况。", "各项目是否按规定设立工资专用账户。",
                                          "（二）工资支付情况", "是否按月足额支付农民工工资。"])
    assert "## 一、检查内容\n\n（一）工资专用账户设立情况。\n\n各项目" in body
    assert "### （二）工资支付情况\n" in body


@pytest.mark.parametrize("end", ["。", "；", "：", "！", "？", "。”"])
def test_a_line_ending_in_sentence_punctuation_is_not_a_heading(tree: Path, tmp_path: Path, end: str) -> None:
    body = _imported_body(tree, tmp_path, ["一、总体要求" + end, "各单位要高度重视。"])
    assert "#" not in body and "一、总体要求" + end + "\n\n各单位要高度重视。" in body


def test_numbered_points_are_alike_when_one_is_a_sentence(tree: Path, tmp_path: Path) -> None:
    body = _imported_body(tree, tmp_path, [
        "二、工作要求",
        "1.各乡镇要于3月31日前完成自查。",
        "2.发现拖欠工资问题的，要立即督促整改，整改情况于4月15日前报县人力资源和社会保障局，逾期未报的予以通报",
        "3.加强宣传"])
    assert "\\#" not in body and "####" not in body
    assert "1\\.各乡镇要于3月31日前完成自查。\n\n2\\.发现拖欠工资问题的" in body and "\n\n3\\.加强宣传\n" in body


def test_short_numbered_points_are_headings(tree: Path, tmp_path: Path) -> None:
    body = _imported_body(tree, tmp_path, ["二、保障措施", "1、加强组织领导", "各乡镇主要负责同志要亲自部署。",
                                          "2、强化督促检查", "县人社局每季度通报一次。"])
    assert "#### 1、加强组织领导\n\n各乡镇主要负责同志要亲自部署。\n\n#### 2、强化督促检查\n" in body


def test_parenthesised_numbers_alike_and_not_joined(tree: Path, tmp_path: Path) -> None:
    body = _imported_body(tree, tmp_path, [
        "1.检查方式", "采取以下方式开展检查",  # no end punctuation: the next line must not be glued to it
        "（1）查阅工资支付台账和银行代发记录，核对工资是否按月足额发放；", "（2）个别访谈", "2.检查时间", "4月至6月。"])
    assert "#### 1.检查方式\n\n采取以下方式开展检查\n\n（1）查阅工资支付台账" in body
    assert "\n\n（2）个别访谈\n\n#### 2.检查时间\n" in body  # （2） like （1）: both paragraphs


def test_short_parenthesised_numbers_are_headings(tree: Path, tmp_path: Path) -> None:
    body = _imported_body(tree, tmp_path, ["（一）检查方式", "（1）查阅台账", "核对工资发放记录。", "（2）个别访谈",
                                          "每个项目访谈不少于5名农民工。"])
    assert "### （一）检查方式\n\n##### （1）查阅台账\n\n核对工资发放记录。\n\n##### （2）个别访谈\n" in body
