"""修改说明: a list of {日期, 说明} in a document's front matter, shown on its page newest first."""

from __future__ import annotations

from pathlib import Path

from conftest import article, build, copy_fixture, edit

NOTES = """修改说明:
  - 日期: 2024-04-02
    说明: 更正附件中资助标准表的<b>表头</b>
  - 日期: 2024-05-20
    说明: 补充申请材料清单
文件类型:"""


def test_notes_on_the_page_newest_first_and_escaped(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    edit(tree, "content/documents/2024/cjf-2024-1.md", "文件类型:", NOTES)
    edit(tree, "content/documents/2024/cjf-2024-3.md", "文件类型:", NOTES.replace("补充申请材料清单", "ONREQUESTNOTE"))
    site = build(tree)
    section = article(site, "wj/cjf-2024-1.html").css_first("section.zw-changes")
    assert section.css_first("h2").text() == "修改说明"
    assert [li.text().strip() for li in section.css("li")] == [
        "2024-05-20　补充申请材料清单", "2024-04-02　更正附件中资助标准表的<b>表头</b>"]
    assert section.css_first("b") is None  # text from YAML is escaped
    # a 依申请公开 document's notes would speak of the body that is not published
    assert "ONREQUESTNOTE" not in (site / "wj/cjf-2024-3.html").read_text(encoding="utf-8")
