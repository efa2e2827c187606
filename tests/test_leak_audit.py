"""The audit of the built site before it is published: a withheld title, 文号 or passage anywhere in it stops
the build, naming the output file and the source; ordinary shared wording does not."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import copy_fixture, edit, run_cli

from zwgk.base.problems import Problems
from zwgk.checks import leak_audit
from zwgk.content.model import Source
from zwgk.site.search import index_text, without_spaces

WITHHELD = "content/documents/2024/cjf-2024-4.md"
ON_REQUEST = "content/documents/2024/cjf-2024-3.md"
PUBLIC = "content/documents/2024/cjf-2024-2.md"
PAGE = "content/pages/zhinan.md"
# Passages of more than 30 characters, with no marker word a simple search would catch.
SECRET = "关于学校中层干部调整的初步意见已经局党组会议讨论形成倾向性人选名单"
REQUESTED = "本年度核定享受资助的学生共计一百二十七名其中建档立卡家庭学生四十一名"


def _tree(tmp_path: Path) -> Path:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, WITHHELD, "WITHHELDBODYMARKER 请示正文。", f"WITHHELDBODYMARKER 请示正文。\n\n{SECRET}。")
    edit(tree, ON_REQUEST, "ONREQUESTBODYMARKER 核定名单正文。", f"ONREQUESTBODYMARKER 核定名单正文。\n\n{REQUESTED}。")
    return tree


def _append(tree: Path, rel: str, text: str) -> None:
    path = tree / rel
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def test_clean_site_passes_and_a_previous_site_survives_a_hit(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    assert run_cli("--root", tree, "build").code == 0
    old = (tree / "site" / "index.html").read_bytes()
    _append(tree, PUBLIC, f"附：{SECRET[3:36]}。")  # 33 characters of it, not from its start
    result = run_cli("--root", tree, "build")
    assert result.code == 1, result.text
    lines = [line for line in result.err.splitlines() if "含有这份此件不予公开文件的正文" in line]
    assert lines, result.text
    assert any(f"{WITHHELD}:" in line and "wj/cjf-2024-2.html" in line and f"由 {PUBLIC} 第" in line
               for line in lines), lines
    assert (tree / "site" / "index.html").read_bytes() == old  # nothing of the new site went out


def test_title_and_number_of_a_withheld_document_are_hits(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    _append(tree, PAGE, "参见测试县教育局WITHHELDTITLEMARKER关于学校人事安排的请示（WITHHELDNUMBER【2024】4号）。")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert f"{WITHHELD}:2: 生成的站点文件" in result.err and "标题「WITHHELDTITLEMARKER关于学校人事安排的请示」" in result.err
    assert f"{WITHHELD}:3: 生成的站点文件" in result.err and "文号「WITHHELDNUMBER【2024】4号」" in result.err


def test_on_request_body_pasted_into_a_page_is_a_hit(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    _append(tree, PAGE, REQUESTED)
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert "含有这份此件依申请公开文件的正文" in result.err and f"{ON_REQUEST}:" in result.err


def test_short_shared_wording_is_no_hit(tmp_path: Path) -> None:
    """The 条例's name and a 29-character run are in both texts: they are not passages."""
    tree = _tree(tmp_path)
    common = "根据《中华人民共和国政府信息公开条例》第十六条规定"
    edit(tree, WITHHELD, "请示正文。", f"请示正文。{common}")
    _append(tree, PUBLIC, common + "，" + SECRET[:29])
    result = run_cli("--root", tree, "check")
    assert result.code == 0, result.text


def test_search_index_json_and_attachments_are_read_as_a_program_reads_them(tmp_path: Path) -> None:
    """Defence in depth: what a bug of ours could leave in the site is found in every form it can take."""
    tree = _tree(tmp_path)
    assert run_cli("--root", tree, "build").code == 0
    site = tree / "site"
    project, public = _loaded(tree)
    problems = Problems(tree)
    assert leak_audit.audit(project, public, site, problems, lambda _path, _text: None) == []
    # Pagefind's pairs of characters, gzipped; Chinese as \u escapes; a copy of a withheld attachment.
    pairs = " ".join(SECRET[i:i + 2] for i in range(len(SECRET) - 1))
    (site / "pagefind" / "fragment" / "planted.pf_fragment").write_bytes(
        gzip.compress(b"pagefind_dcd" + json.dumps({"content": pairs}, ensure_ascii=False).encode()))
    (site / "planted.json").write_text(json.dumps({"正文": REQUESTED}, ensure_ascii=True), encoding="utf-8")
    (site / "copy.txt").write_bytes((tree / "content/attachments/2024/WITHHELDATTACHMENT.txt").read_bytes())
    hits = leak_audit.audit(project, public, site, problems, lambda _path, _text: Source(PAGE, 7))
    assert {(h.output, h.secret.source.file) for h in hits} == {
        ("pagefind/fragment/planted.pf_fragment", WITHHELD), ("planted.json", ON_REQUEST)}
    messages = [str(p) for p in problems.errors]
    assert any("copy.txt 就是这份此件不予公开文件的附件" in m for m in messages), messages
    assert any(f"由 {PAGE} 第 7 行生成" in m for m in messages)


def test_passages_are_found_as_the_search_index_spells_them() -> None:
    """Pairs of characters, half-width digits: a run of 30 Chinese characters is found, one of 29 is not."""
    han = leak_audit.Secret(SECRET, "正文", "此件不予公开", Source(WITHHELD, 9))
    mixed = leak_audit.Secret("示例县二〇二四年第３季度内部审计发现的问题清单及整改责任人安排意见和下一步工作打算", "正文",
                              "此件不予公开", Source(WITHHELD, 11))
    finder = leak_audit.Finder([han, mixed])

    def indexed(text: str) -> str:  # as site/search.py writes it, and the audit reads it (without spaces)
        return index_text(text).replace(" ", "")

    assert [found for _s, found in finder.find(indexed("前文。" + SECRET[2:32] + "。后文"))] == [SECRET[2:32]]
    assert list(finder.find(indexed("前文。" + SECRET[2:31] + "。后文"))) == []
    # 〇 and ３ are not in runs of Chinese there: what is found is told as the editor wrote it.
    assert [(s.source.line, found) for s, found in finder.find(indexed(mixed.text))] == [(11, mixed.text)]
    # As written (pages): exactly 30.
    assert [found for _s, found in finder.find("前文" + mixed.text[:30] + "后文")] == [mixed.text[:30]]
    assert list(finder.find("前文" + mixed.text[1:30] + "后文")) == []


@pytest.mark.parametrize("text", ["示例县人民政府", "关于印发《示例县2024年公益性岗位开发方案》的通知", "ａｂ１２〔2024〕３号", "一二",
                                  "甲乙丙 丁戊", "abc def", "《》", ""])
def test_index_text_without_spaces_keeps_its_origins(text: str) -> None:
    paired, origin = without_spaces(text)
    assert paired == index_text(text).replace(" ", "")
    assert len(origin) == len(paired) and origin == sorted(origin)
    half = text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
    assert all(half[place] == char for place, char in zip(origin, paired))


def _loaded(tree: Path):  # type: ignore[no-untyped-def]
    from zwgk.kinds.project import load_project
    from zwgk.site.publication import publish

    project, problems = load_project(tree)
    assert project is not None and not problems.errors, problems.report()
    return project, publish(project)


def test_the_demo_has_secrets_to_look_for() -> None:
    """The demo builds (test_demo) with this audit on: that means something only if it has secrets."""
    from conftest import ROOT

    project, public = _loaded(ROOT)
    found = leak_audit.secrets(project, public)
    kinds = {(s.label, s.what) for s in found}
    assert {("此件不予公开", "标题"), ("此件不予公开", "文号"), ("此件不予公开", "正文"), ("此件依申请公开", "正文")} <= kinds


def test_pages_audited_beside_pagefind_and_the_index_after_it_give_one_error(tmp_path: Path) -> None:
    """build audits the pages while Pagefind still indexes, and the search index once it is in place: a passage
    pasted into a public document is in both, and both scans find it, told as one error naming every file."""
    tree = _tree(tmp_path)
    _append(tree, PUBLIC, f"附：{SECRET}。")
    result = run_cli("--root", tree, "build")
    assert result.code == 1, result.text
    lines = [line for line in result.err.splitlines() if f"{WITHHELD}:" in line and "含有这份此件不予公开文件的正文" in line]
    assert len(lines) == 1, result.text
    assert "wj/cjf-2024-2.html" in lines[0] and "等 " in lines[0], lines
    assert not (tree / "site").exists()


def test_the_audit_in_two_steps_finds_a_secret_only_in_the_search_index(tmp_path: Path) -> None:
    """A secret that only the search index holds is found by the second step (scan of pagefind/ after the wait)."""
    tree = _tree(tmp_path)
    assert run_cli("--root", tree, "build").code == 0
    site = tree / "site"
    project, public = _loaded(tree)
    pairs = " ".join(SECRET[i:i + 2] for i in range(len(SECRET) - 1))
    (site / "pagefind" / "fragment" / "planted.pf_fragment").write_bytes(
        gzip.compress(b"pagefind_dcd" + json.dumps({"content": pairs}, ensure_ascii=False).encode()))
    leaks = leak_audit.LeakAudit(project, public, site)
    leaks.scan([f for f in leak_audit.site_files(site) if f.relative_to(site).parts[0] != "pagefind"])
    assert leaks.hits == []
    leaks.scan(leak_audit.site_files(site / "pagefind"))
    problems = Problems(tree)
    hits = leaks.report(problems, lambda _path, _text: None)
    assert [(h.output, h.secret.source.file) for h in hits] == [("pagefind/fragment/planted.pf_fragment", WITHHELD)]
    assert len(problems.errors) == 1


def test_theme_holds_no_document_number() -> None:
    """Every site carries the theme's files: a 文号 written there as an example (a placeholder, a comment in a
    script) is published on every page, and the audit rightly stops the build of a county whose withheld
    document has that number (a generated 2,000-document county had 示民发〔2022〕8号)."""
    import re

    theme = Path(__file__).resolve().parent.parent / "theme"
    number = re.compile(r"[\u4e00-\u9fff]{2,10}〔\d{4}〕\d+号")  # an organ's 代字 and 发/函, a year, a serial
    template_comment = re.compile(r"\{#.*?#\}", re.S)  # not in the output
    found = [(p.relative_to(theme).as_posix(), m.group()) for p in sorted(theme.rglob("*"))
             if p.is_file() and p.suffix in (".html", ".js", ".css")
             for m in number.finditer(template_comment.sub("", p.read_text(encoding="utf-8")))]
    assert found == []
