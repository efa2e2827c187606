"""Hostile or broken content: escaped everywhere, refused with a Chinese message, or bounded."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, build, copy_fixture, edit, page, run_cli

DOCS = "content/documents/2024"
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "<svg onload=alert(3)>",
    "javascript:alert(4)",
    "</title><script>alert(5)</script>",
    "{{ 7*7 }}{% raw %}",
    "' onmouseover='alert(6)",
]


def _set(tree: Path, rel: str, key: str, value: str) -> None:
    """Replace the value of `key:` (first occurrence) with a YAML-quoted `value`."""
    path = tree / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        stripped = line.lstrip(" -")
        if stripped.startswith(f"{key}:"):
            indent = line[: len(line) - len(stripped)]
            lines[i] = f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}"
            break
    else:
        raise AssertionError(f"{key} not in {rel}")
    path.write_text("\n".join(lines), encoding="utf-8")


FIELDS = [
    ("content/site.yml", ["名称", "主办单位", "地址", "电话", "网站标识码", "ICP备案号", "公安机关备案号"]),
    ("catalogues/county/education.yml", ["牵头部门", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体"]),
    (f"{DOCS}/cjf-2024-1.md", ["标题", "文号", "发文机关"]),
    (f"{DOCS}/cjf-2024-3.md", ["标题", "内容概述"]),
    ("content/interpretations/jd-cjf-2024-1.md", ["标题", "解读机关"]),
    ("content/pages/zhinan.md", ["标题"]),
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_text_field_is_rendered_inert(tmp_path: Path, payload: str) -> None:
    tree = copy_fixture("mini", tmp_path)
    for n, (rel, keys) in enumerate(FIELDS):
        for key in keys:
            _set(tree, rel, key, f"{key}{n}{payload}")
    doc = tree / f"{DOCS}/cjf-2024-1.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("领域: [义务教育]", f"领域: [义务教育]\n关键词: [{json.dumps(payload, ensure_ascii=False)}]"),
                   encoding="utf-8")
    site = build(tree)
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    assert len(pages) > 20
    for rel in pages:
        tree_ = page(site, rel)
        for script in tree_.css("script"):
            assert "alert(" not in script.text(), rel
        for node in tree_.css("*"):
            for name, value in node.attributes.items():
                assert not name.lower().startswith("on"), (rel, name)
                if name in ("href", "src"):
                    assert not (value or "").lower().startswith("javascript:"), (rel, value)
        assert "<svg onload" not in (site / rel).read_text(encoding="utf-8")
    if "{{" in payload:
        assert "{{ 7*7 }}" in (site / "wj/cjf-2024-1.html").read_text(encoding="utf-8")


def test_links_and_attachments_outside_content_are_refused(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text("SECRET", encoding="utf-8")
    os.symlink(outside, tree / "content/attachments/2024/link.txt")
    doc = tree / f"{DOCS}/cjf-2024-2.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("目录事项: YWJY-02", "目录事项: YWJY-02\n附件: [2024/link.txt, ../../../secret.txt, /etc/passwd]")
                   + "\n[口令](../../../../secret.txt)\n", encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text
    err = result.err
    assert f"{DOCS}/cjf-2024-2.md:13: 附件路径“2024/link.txt”指向 content/attachments 以外" in err
    assert f"{DOCS}/cjf-2024-2.md:13: 附件路径“../../../secret.txt”指向 content/attachments 以外" in err
    assert f"{DOCS}/cjf-2024-2.md:13: 附件路径“/etc/passwd”指向 content/attachments 以外" in err
    assert "正文中的链接“../../../../secret.txt”指向 content 文件夹以外" in err


def test_content_files_linked_from_outside_the_tree_are_not_read(tmp_path: Path) -> None:
    """A symbolic link in content/ or catalogues/ to a file elsewhere would publish that file: refused, every kind."""
    tree = copy_fixture("mini", tmp_path / "mini")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    doc = (tree / f"{DOCS}/cjf-2024-1.md").read_text(encoding="utf-8")
    (outside / "secret.md").write_text(doc.replace("测教发〔2024〕1号", "测教发〔2024〕77号").replace("PUBLICBODYMARKER", "OUTSIDEMARKER"),
                                       encoding="utf-8")
    os.symlink(outside / "secret.md", tree / f"{DOCS}/linked.md")
    catalogue = next((tree / "catalogues/county").glob("*.yml"))
    (outside / "catalogue.yml").write_text(catalogue.read_text(encoding="utf-8"), encoding="utf-8")
    catalogue.unlink()
    os.symlink(outside / "catalogue.yml", catalogue)
    os.symlink(tree / f"{DOCS}/cjf-2024-2.md", tree / "content/pages/inside-link.md")  # inside the tree: not this rule
    result = run_cli("--root", tree, "build")
    assert result.code == 1 and "Traceback" not in result.text
    assert f"{DOCS}/linked.md: “linked.md”是指向 content/ 以外的链接（符号链接），没有读取" in result.err
    assert f"catalogues/county/{catalogue.name}: “{catalogue.name}”是指向 catalogues/ 以外的链接（符号链接），没有读取" in result.err
    assert "inside-link.md: “inside-link.md”是指向" not in result.err
    assert not (tree / "site").exists()


def test_impossible_years_and_huge_counts_are_content_errors(tmp_path: Path) -> None:
    """A 年报 for 9999, a count of 5,001 digits (beyond Python's int limit) and a document dated 0001-01-01
    are the editor's typos: Chinese file:line messages and exit 1, never an internal error."""
    tree = copy_fixture("mini", tmp_path)
    report = (ROOT / "content/reports/2024.yml").read_text(encoding="utf-8")
    (tree / "content/reports").mkdir()
    (tree / "content/reports/9999.yml").write_text(report, encoding="utf-8")
    (tree / "content/reports/2024.yml").write_text(report.replace("行政许可: 3126", "行政许可: " + "9" * 5001), encoding="utf-8")
    edit(tree, f"{DOCS}/cjf-2024-2.md", "成文日期: 2024-04-01", "成文日期: 0001-01-01")
    edit(tree, f"{DOCS}/cjf-2024-1.md", "发布日期: 2024-03-05", "发布日期: 2101-03-05")
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "内部错误" not in result.text and "Traceback" not in result.text
    err = result.err
    assert "content/reports/9999.yml: 年度报告的文件名“9999.yml”不是 1949 到 2100 之间的年份" in err
    line = report.split("\n").index("  行政许可: 3126                # 本年处理决定数量") + 1
    assert f"content/reports/2024.yml:{line}:" in err and "最多 9 位" in err
    assert f"{DOCS}/cjf-2024-2.md:5: “成文日期”0001-01-01 这一天不存在 — 检查年月日，写成 2024-03-05（年份在 1949 到 2100 之间）" in err
    assert f"{DOCS}/cjf-2024-1.md:6: “发布日期”2101-03-05 这一天不存在" in err


def test_control_characters_are_refused_with_their_line(tmp_path: Path) -> None:
    """\\v from Word in a title (escaped in double quotes), raw in the front matter and in a body: each named
    at its line, nothing built. Left in, they made feed.xml invalid XML."""
    tree = copy_fixture("mini", tmp_path)
    edit(tree, f"{DOCS}/cjf-2024-1.md", "标题: 测试县义务教育阶段学生资助管理办法", '标题: "测试县义务教育\\v阶段学生资助管理办法"')
    edit(tree, f"{DOCS}/cjf-2024-2.md", "主题分类:", "关键词: 招生\x0b入学\n主题分类:")
    edit(tree, "content/interpretations/jd-cjf-2024-1.md", "资助标准见", "资助\x0c标准见")
    result = run_cli("--root", tree, "build")
    assert result.code == 1 and "Traceback" not in result.text and not (tree / "site").exists()
    err = result.err
    assert f"{DOCS}/cjf-2024-1.md:2: 引号里的内容含看不见的垂直制表符（Word 的手动换行） U+000B" in err
    line = (tree / f"{DOCS}/cjf-2024-2.md").read_text(encoding="utf-8").split("\n").index("关键词: 招生\x0b入学") + 1
    assert f"{DOCS}/cjf-2024-2.md:{line}: 第 8 个字符处有看不见的垂直制表符（Word 的手动换行） U+000B" in err
    assert "content/interpretations/jd-cjf-2024-1.md:" in err and "换页符（Word 的分页符） U+000C" in err


def test_every_feed_and_sitemap_is_xml(mini_site: Path) -> None:
    import xml.etree.ElementTree as ET

    xml_files = sorted(mini_site.rglob("*.xml"))
    assert any(f.name == "sitemap.xml" for f in xml_files) and any("feed" in f.name for f in xml_files), xml_files
    for file in xml_files:
        ET.parse(file)  # raises on a character XML forbids


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        previous = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        bomb.append(f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]")
    (tree / "catalogues/county/health.yml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text
    assert "catalogues/county/health.yml:1: 内容展开后过大（可能滥用了 & 和 * 引用）" in result.err


def test_huge_document_is_refused_quickly(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    big = tree / f"{DOCS}/big.md"
    head = (tree / f"{DOCS}/cjf-2024-2.md").read_text(encoding="utf-8").replace("测教发[2024]2号", "测教发〔2024〕99号")
    with big.open("w", encoding="utf-8") as out:
        out.write(head)
        line = "这是一段很长的正文。" * 100 + "\n"
        for _ in range(50_000_000 // len(line.encode("utf-8")) + 1):
            out.write(line)
    assert big.stat().st_size > 50_000_000
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text
    assert f"{DOCS}/big.md: 文件太大（50.0 MB），超过 5 MB" in result.err


def test_ten_thousand_item_catalogue_builds(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    path = tree / "catalogues/county/education.yml"
    text = path.read_text(encoding="utf-8")
    item = text[text.index("  - 编号: YWJY-03"):]
    extra = "".join(item.replace("YWJY-03", f"YWJY-X{n:05d}").replace("公开方式: 依申请", "公开方式: 依申请")
                    for n in range(10_000))
    path.write_text(text + extra, encoding="utf-8")
    site = build(tree)
    rows = page(site, "zdly/education.html").css("table.zw-catalogue tbody tr")
    assert len(rows) == 10_003


def test_public_document_needs_a_body_or_an_attachment(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    path = tree / DOCS / "cjf-2024-2.md"
    front, _body = path.read_text(encoding="utf-8").rsplit("---\n", 1)
    path.write_text(front + "---\n\u3000\n\t\n", encoding="utf-8")  # what an editor sees as nothing
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert f"{DOCS}/cjf-2024-2.md:7: 此件公开发布的文件没有正文，也没有附件 — " in result.err, result.text
    # A scanned original as its attachment is enough, and an on-request document never shows a body.
    (tree / "content/attachments/2024/原文.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    edit(tree, f"{DOCS}/cjf-2024-2.md", "目录事项: YWJY-02\n", "目录事项: YWJY-02\n附件: [2024/原文.pdf]\n")
    on_request = tree / DOCS / "cjf-2024-3.md"
    on_request.write_text(on_request.read_text(encoding="utf-8").rsplit("---\n", 1)[0] + "---\n", encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 0, result.text


UNFINISHED = """---
标题: 待填写：标题
文号: 测教发〔2024〕8号
发文机关: 测试县教育局
成文日期: 2024-13-45
发布日期: 2024-03-05
公开属性: {label}
不予公开理由: 涉及个人隐私
有效性: 现行有效
文件类型: 其他文件
主题分类: 待填写：主题分类
领域: [义务教育, 不存在的领域]
内容概述: 联系电话 13912345678
---
联系人李某，电话 13812345678。
"""


@pytest.mark.parametrize("label", ["此件公开发布", "此件依申请公开", "此件不予公开"])
def test_every_check_that_can_run_on_an_unfinished_file_runs(tmp_path: Path, label: str) -> None:
    """The 待填写, the impossible date, the wrong value and the personal data: all in the first run,
    the personal data only where publish() would publish it."""
    tree = copy_fixture("mini", tmp_path)
    (tree / DOCS / "xin.md").write_text(UNFINISHED.format(label=label), encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    found = {line.split(": ", 1)[0].strip(): line for line in result.err.splitlines() if f"{DOCS}/xin.md:" in line}
    where = {f"{DOCS}/xin.md:{n}" for n in (2, 5, 11, 12)}
    assert where <= set(found), result.err
    assert "这一天不存在" in found[f"{DOCS}/xin.md:5"] and "不存在的领域" in found[f"{DOCS}/xin.md:12"]
    phones = {key for key, line in found.items() if "发现手机号码" in line}
    assert phones == {"此件公开发布": {f"{DOCS}/xin.md:13", f"{DOCS}/xin.md:15"},
                      "此件依申请公开": {f"{DOCS}/xin.md:13"}, "此件不予公开": set()}[label]


# --- attachments the personal-data check reads: bounded, and what it could not read is an error ---

ATTACHED = "content/attachments/2024/名单.docx"
UNCHECKED = "没能检查其中有没有身份证号等个人信息"


def _attach(tree: Path, *names: str) -> Path:
    """The first of `names` (default 名单.docx), all listed as attachments of cjf-2024-1."""
    names = names or ("名单.docx",)
    listed = ", ".join(f"2024/{name}" for name in names)
    edit(tree, f"{DOCS}/cjf-2024-1.md", "附件: [2024/资助标准表.txt]", f"附件: [2024/资助标准表.txt, {listed}]")
    return tree / "content/attachments/2024" / names[0]


def _docx_bomb(path: Path, megabytes: int) -> None:
    """A real .docx whose document.xml unpacks to `megabytes` MB of 'a', written in chunks: small on disk."""
    import docx

    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist() if name != "word/document.xml"}
        head = src.read("word/document.xml").split(b"<w:body>")[0] + b"<w:body><w:p><w:r><w:t>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
        with out.open("word/document.xml", "w", force_zip64=True) as xml:
            xml.write(head)
            for _ in range(megabytes):
                xml.write(b"a" * (1 << 20))
            xml.write(b"</w:t></w:r></w:p></w:body></w:document>")


def test_decompression_bomb_attachment_is_refused_by_name(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    bomb = _attach(tree)
    _docx_bomb(bomb, 200)
    assert bomb.stat().st_size < 1_000_000
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text
    assert f"{ATTACHED}: 附件中的 word/document.xml 压缩比异常（解压后是 " in result.err
    assert UNCHECKED in result.err and "“人工核对附件”下登记 附件: 2024/名单.docx、校验值: " in result.err


def test_attachment_too_large_to_check_even_when_compressed_normally(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    path = _attach(tree, "名单.txt")
    with path.open("wb") as out:  # a plain-text attachment is read up to 50 MB, no further
        for n in range(52):
            out.write((f"{n:08d}" * (1 << 17)).encode())
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text
    assert f"content/attachments/2024/名单.txt: 附件超过 50 MB，{UNCHECKED}" in result.err


def test_truncated_and_overfull_archives_are_reported(tmp_path: Path) -> None:
    import docx

    tree = copy_fixture("mini", tmp_path)
    whole = _attach(tree, "名单.docx", "表.xlsx", "多.docx")
    docx.Document().save(str(whole))
    (whole.parent / "表.xlsx").write_bytes(whole.read_bytes()[:4000])  # an upload cut short
    with zipfile.ZipFile(tree / "content/attachments/2024/多.docx", "w") as many:
        for n in range(5001):
            many.writestr(f"word/media/{n}.png", b"")
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text
    assert "content/attachments/2024/表.xlsx: 附件已损坏或不完整，无法打开" in result.err
    assert "用 Word 或 Excel 打开后“另存为”一份新文件；" in result.err
    assert f"content/attachments/2024/多.docx: 附件内含 5001 个文件，超过 5000 个，{UNCHECKED}" in result.err
    assert "名单.docx:" not in result.err  # an ordinary empty .docx is read and clean


def test_attachment_checked_by_hand_is_cleared_until_it_changes(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    bomb = _attach(tree)
    _docx_bomb(bomb, 5)
    first = run_cli("--root", tree, "check")
    assert first.code == 1
    digest = first.err.split("校验值: ")[1][:16]
    (tree / "content/personal-data-allow.yml").write_text(
        f"人工核对附件:\n  - 附件: 2024/名单.docx\n    校验值: {digest}\n    说明: 2024-07-01 张三逐页核对，无个人信息\n",
        encoding="utf-8")
    assert run_cli("--root", tree, "check").code == 0
    _docx_bomb(bomb, 6)
    again = run_cli("--root", tree, "check")
    assert again.code == 1 and "登记的校验值与文件不符：附件已改动，须重新核对" in again.err


def test_small_docx_with_an_id_number_is_still_found(tmp_path: Path) -> None:
    import docx

    tree = copy_fixture("mini", tmp_path)
    document = docx.Document()
    document.add_paragraph("补助名单")
    document.add_paragraph("张三 110101199003071233")  # fictional: region 110101, born 1990-03-07
    document.save(str(_attach(tree)))
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert f"{ATTACHED}:2: 发现身份证号 1101**********1233" in result.err
