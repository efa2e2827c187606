"""更新日志: each build compares with content/update-log.yml (written by build, never by check) and logs
what was added, changed (which fields), withdrawn or taken off, newest first; page, Atom feed, home block."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import article, build, copy_fixture, edit, page, run_cli

STATE = "content/update-log.yml"
D = "content/documents/2024"
ATOM = "{http://www.w3.org/2005/Atom}"


def _rows(site: Path, path: str = "gxrz/index.html") -> list[str]:
    return [" ".join(li.text(separator=" ").split()) for li in article(site, path).css("li.zw-update")]


def _everything(site: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


def test_first_build_logs_what_is_published_and_check_writes_nothing(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    assert run_cli("--root", tree, "check").code == 0
    assert not (tree / STATE).exists()  # check only reads the state
    site = build(tree)
    assert _rows(site) == [
        "2025-01-20 新增 测试县人民政府2024年政府信息公开工作年度报告",
        "2024-05-06 新增 ONREQUESTTITLE测试县学生资助对象核定情况 测教发〔2024〕3号",
        "2024-04-03 新增 测试县2024年义务教育招生工作通知 测教发〔2024〕2号",
        "2024-03-05 新增 测试县义务教育阶段学生资助管理办法 测教发〔2024〕1号",
        "2024-03-05 新增 《测试县义务教育阶段学生资助管理办法》政策解读",  # interpretations and pages too
        "2024-01-10 新增 测试县教育局机构职能",
        "2024-01-10 新增 测试县人民政府政府信息公开指南",
        "2024-01-10 新增 测试县政府信息主动公开制度",
        "2023-04-03 新增 测试县2023年义务教育招生工作通知 测教发〔2023〕9号",
    ]
    state = (tree / STATE).read_text(encoding="utf-8")
    assert "cjf-2024-4" not in state and "WITHHELD" not in state  # a withheld document is never in the log
    block = next(s for s in article_home(site) if "最近更新" in s.css_first("h2").text())
    assert [li.css_first("time").text() for li in block.css("li")] == [
        "2025-01-20", "2024-05-06", "2024-04-03", "2024-03-05", "2024-03-05", "2024-01-10", "2024-01-10", "2024-01-10"]
    assert block.css_first("h2 a").attributes["href"] == "gxrz/index.html"
    feed = page(site, "gxrz/index.html").css_first('link[rel="alternate feed"]')
    assert feed.attributes["href"] == "feed.xml" and (site / "gxrz/feed.xml").is_file()
    sitemap = {a.text(): a.attributes["href"] for a in article(site, "wzdt/index.html").css("a")}
    assert sitemap["更新日志"] == "../gxrz/index.html"


def article_home(site: Path):  # noqa: ANN201 - selectolax Nodes
    return page(site, "index.html").css("section.zw-card")


def test_changes_are_logged_with_fields_notes_and_dates(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    build(tree)
    edit(tree, f"{D}/cjf-2024-1.md", "文件类型:", "修改说明:\n  - 日期: 2024-06-20\n    说明: 更正第三条的补助标准\n文件类型:")
    edit(tree, f"{D}/cjf-2024-1.md", "\n---\n", "\n---\n补充一段。\n")
    edit(tree, f"{D}/cjf-2024-2.md", "有效性: 现行有效", "有效性: 失效\n废止日期: 2024-06-25")
    edit(tree, f"{D}/cjf-2023-9.md", "标题: 测试县2023年义务教育招生工作通知", "标题: 测试县2023年义务教育招生工作的通知")
    edit(tree, "content/interpretations/jd-cjf-2024-1.md", "\n---\n", "\n---\n新增一段问答。\n")
    edit(tree, f"{D}/cjf-2024-3.md", "文件类型:", "修改说明:\n  - 日期: 2024-06-21\n    说明: ONREQUESTNOTE更正核定名单\n文件类型:")
    before = (tree / STATE).read_bytes()
    assert run_cli("--root", tree, "check", "--today", "2024-06-30").code == 0
    assert (tree / STATE).read_bytes() == before  # check sees the changes but records nothing
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site", "--today", "2024-06-30")
    assert result.code == 0, result.text
    assert "更新日志已记下本次的变动" in result.text
    site = tree / "site"
    assert [row for row in _rows(site) if row.startswith("2024-06")] == [
        "2024-06-30 修改 测试县2023年义务教育招生工作的通知 测教发〔2023〕9号 修改了：标题",
        "2024-06-30 修改 《测试县义务教育阶段学生资助管理办法》政策解读 修改了：正文",
        "2024-06-25 失效 测试县2024年义务教育招生工作通知 测教发〔2024〕2号",
        "2024-06-20 修改 测试县义务教育阶段学生资助管理办法 测教发〔2024〕1号 修改了：正文、修改说明 更正第三条的补助标准",
    ]
    assert len(_rows(site)) == 13  # the first build's nine entries stay
    # a 依申请公开 document's note speaks of its unpublished body: not logged, not even as a change
    assert "ONREQUESTNOTE" not in _everything(site) and "ONREQUESTNOTE" not in (tree / STATE).read_text(encoding="utf-8")
    targets = [a.attributes["href"] for a in article(site, "gxrz/index.html").css("li.zw-update a")]
    assert targets[1:3] == ["../wj/cjf-2023-9.html", "../zcjd/jd-cjf-2024-1.html"]
    feed = ET.parse(site / "gxrz/feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][1:3] == ["修改：测试县2023年义务教育招生工作的通知",
                                                                  "修改：《测试县义务教育阶段学生资助管理办法》政策解读"]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids)) == 13
    assert feed.findtext(f"{ATOM}updated") == "2025-01-20T00:00:00+08:00"  # the newest entry's day


def test_same_input_same_bytes(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    first = build(tree)
    saved = (tree / STATE).read_bytes()
    pages = {p: (first / p).read_bytes() for p in ("gxrz/index.html", "gxrz/feed.xml", "index.html")}
    result = run_cli("--root", tree, "build", "--site-dir", tree / "again")
    assert result.code == 0 and "更新日志已记下" not in result.text
    assert (tree / STATE).read_bytes() == saved
    assert {p: (tree / "again" / p).read_bytes() for p in pages} == pages


def test_a_document_that_becomes_withheld_is_logged_only_as_taken_off(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, f"{D}/cjf-2023-9.md", "标题: 测试县2023年义务教育招生工作通知", "标题: SECRETLATERTITLE招生工作通知")
    build(tree)
    assert "SECRETLATERTITLE" in (tree / STATE).read_text(encoding="utf-8")
    edit(tree, f"{D}/cjf-2023-9.md", "公开属性: 此件公开发布",
         "公开属性: 此件不予公开\n不予公开理由: 属于人事管理、后勤管理、内部工作流程等内部事务信息")
    edit(tree, f"{D}/cjf-2023-9.md", "发布日期: 2023-04-03\n", "")
    result = run_cli("--root", tree, "build", "--site-dir", tree / "site", "--today", "2024-06-30")
    assert result.code == 0, result.text
    site = tree / "site"
    rows = _rows(site)
    assert "2024-06-30 撤下 一项内容已从本站撤下" in rows
    assert rows[-1] == "2023-04-03 新增 （该内容已从本站撤下）"  # the earlier entry lost its title
    state = (tree / STATE).read_text(encoding="utf-8")
    assert "SECRETLATERTITLE" not in state and "cjf-2023-9" not in state and "测教发〔2023〕9号" not in state
    assert "SECRETLATERTITLE" not in _everything(site) and "测教发〔2023〕9号" not in _everything(site)


def test_a_broken_state_file_is_reported_in_chinese(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    (tree / STATE).write_text("日志:\n  - {日期: 2024-13-01, 变动: 新增}\n文件: {}\n", encoding="utf-8")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert "content/update-log.yml:2: 更新日志第 1 条格式不对 — 这个文件由 build.py build 维护，不要手工改" in result.text


def test_the_next_build_is_given_the_reading_of_the_saved_file(tmp_path: Path) -> None:
    """build.py hands the next build what reading the file it writes gives (content/update_state.as_read),
    so that build need not parse it: that must equal reading it, values and order alike, with notes, fields,
    withdrawn and changed entries in it."""
    from datetime import date

    from zwgk.base.problems import Problems
    from zwgk.commands.build import build_site
    from zwgk.content import update_state

    tree = copy_fixture("mini", tmp_path)
    build(tree)
    edit(tree, f"{D}/cjf-2024-1.md", "文件类型:", "修改说明:\n  - 日期: 2024-06-20\n    说明: 更正“第三条”\\n的标准\n文件类型:")
    edit(tree, f"{D}/cjf-2024-2.md", "有效性: 现行有效", "有效性: 失效\n废止日期: 2024-06-25")
    edit(tree, f"{D}/cjf-2023-9.md", "标题: 测试县2023年义务教育招生工作通知", "标题: 测试县2023年义务教育招生工作的通知")
    site = build_site(tree, tree / "site", date(2024, 6, 30), False, True)
    assert site is not None
    read = update_state._read(tree / STATE, Problems(tree))
    given = update_state.as_read(site.update_state)
    assert read is not None and given == read
    assert [(slug, list(hashes.items())) for slug, hashes in given.fingerprints.items()] == [
        (slug, list(hashes.items())) for slug, hashes in read.fingerprints.items()]
    assert any(entry.fields and entry.note for entry in read.entries)  # the edits above are in it
    assert update_state.dump(given) == (tree / STATE).read_text(encoding="utf-8")


def test_log_pages_are_cut_from_the_oldest_so_a_new_entry_changes_only_the_first(tmp_path: Path) -> None:
    """A log of 50 entries: the first page holds the newest 30, 1.html the oldest 20, newest first on each;
    the pager goes newest to oldest. Editing one document adds an entry to the first page only: the page
    of the oldest keeps its bytes (before, every entry moved one place down the pages, and all were rendered)."""
    from conftest import copy_document

    tree = copy_fixture("mini", tmp_path)
    copy_document(tree, f"{D}/cjf-2024-1.md", range(10, 51), lambda n: {
        "测试县义务教育阶段学生资助管理办法": f"测试县第{n}号民政通知", "测教发〔2024〕1号": f"测民发〔2024〕{n}号",
        "发布日期: 2024-03-05": f"发布日期: 2024-03-{2 + n % 20:02d}", "文件类型: 行政规范性文件": "文件类型: 其他文件",
        "目录事项: [YWJY-01]\n": "", "附件: [2024/资助标准表.txt]\n": ""})
    site = build(tree)
    first, oldest = _rows(site), _rows(site, "gxrz/1.html")
    assert len(first) + len(oldest) == 50 and len(oldest) == 20
    dates = [row.split()[0] for row in first + oldest]
    assert dates == sorted(dates, reverse=True)  # one list, newest first, over both pages
    assert not (site / "gxrz/2.html").exists()
    nav = article(site, "gxrz/index.html").css_first("nav.zw-pager")
    assert [a.attributes["href"] for a in nav.css("a[rel=next]")] == ["1.html"]
    assert "共 50 条" in article(site, "gxrz/index.html").text() and "共 50 条" not in article(site, "gxrz/1.html").text()
    before, inode = (site / "gxrz/1.html").read_bytes(), (site / "gxrz/1.html").stat().st_ino
    edit(tree, f"{D}/cjf-2024-2.md", "\n---\n", "\n---\n补充一段。\n")
    result = run_cli("--root", tree, "build", "--site-dir", site)  # the check day of the first build: same pages
    assert result.code == 0, result.text
    assert any(row.split()[1] == "修改" for row in _rows(site)) and len(_rows(site)) == 31, _rows(site)
    assert (site / "gxrz/1.html").read_bytes() == before
    assert (site / "gxrz/1.html").stat().st_ino == inode  # taken from the last site (linked), not rendered anew


def test_paginate_from_oldest_at_the_edges() -> None:
    from zwgk.site.pages import PAGE_SIZE, paginate_from_oldest

    for count in (0, 1, 19, 20, 21, 39, 40, 41, 59, 60, 61):
        entries = list(range(count, 0, -1))  # newest first
        pages = list(paginate_from_oldest("gxrz", entries))
        assert [e for _path, chunk, _pager in pages for e in chunk] == entries
        assert all(len(chunk) == PAGE_SIZE for _path, chunk, _pager in pages[1:])
        assert len(pages[0][1]) < 2 * PAGE_SIZE and (count < PAGE_SIZE or len(pages[0][1]) >= PAGE_SIZE)
        paths = [path for path, _chunk, _pager in pages]
        assert len(set(paths)) == len(paths) and paths[0] == "gxrz/index.html"
        assert all(pager.paths == tuple(paths) and pager.number == n for n, (_p, _c, pager) in enumerate(pages, 1))
        if len(pages) > 1:  # 1.html holds the oldest twenty, whatever the length of the log
            assert pages[-1][0] == "gxrz/1.html" and list(pages[-1][1]) == list(range(PAGE_SIZE, 0, -1))


def test_a_log_text_reads_back_as_written_whatever_its_characters() -> None:
    """The file's strings are JSON-quoted YAML; the characters YAML reads otherwise (C1 controls, NEL, line
    separators, U+FFFE) are escaped, so reading the file gives back what as_read says, and a clean build
    and a rebuild agree."""
    import tempfile
    from datetime import date

    from zwgk.base.problems import Problems
    from zwgk.content import update_state
    from zwgk.content.model import LogEntry, UpdateState

    odd = "测试\x85通知\x80\u2028\u2029\ufffe\x7f“引号”\\n\t"
    state = UpdateState({"a-1": {"标题": "ab12", "正文": "cd34"}},
                        (LogEntry(date(2024, 6, 1), "修改", "a-1", odd, f"测发〔2024〕1号{odd}", ("标题",), odd),))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "update-log.yml"
        path.write_text(update_state.dump(state), encoding="utf-8")
        read = update_state._read(path, Problems(Path(folder)))
    assert read is not None and read == update_state.as_read(state) and read.entries[0].title == odd
