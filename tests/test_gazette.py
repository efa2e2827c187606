"""政府公报: content/gazette/<年>.yml → all years → a year's issues → an issue's contents; 刊登于 on documents."""

from __future__ import annotations

from pathlib import Path

from conftest import article, build, copy_fixture, links, run_cli

GAZETTE = """刊名: 测试县人民政府公报
期:
  - 期号: 1
    出版日期: 2024-03-29
    PDF: gazette/2024-1.pdf
    文件: [cjf-2024-1, cjf-2023-9]
  - 期号: 2
    出版日期: 2024-06-28
    PDF: gazette/2024-2.pdf
    文件:
      - cjf-2024-2
"""


def _tree(tmp_path: Path, text: str = GAZETTE) -> Path:
    tree = copy_fixture("mini", tmp_path)
    (tree / "content/gazette").mkdir()
    (tree / "content/gazette/2024.yml").write_text(text, encoding="utf-8")
    pdfs = tree / "content/attachments/gazette"
    pdfs.mkdir()
    for n in (1, 2):
        (pdfs / f"2024-{n}.pdf").write_bytes(b"%PDF-1.4\n% gazette issue " + str(n).encode() + b"\n%%EOF\n")
    return tree


def test_years_issues_and_contents(tmp_path: Path) -> None:
    site = build(_tree(tmp_path))
    landing = article(site, "zfgb/index.html")
    assert landing.css_first("h1").text() == "政府公报"
    assert links(landing) == {"首页": "../index.html", "2024年": "2024/index.html",
                              "《测试县人民政府公报》2024年第2期": "2024/2.html", "《测试县人民政府公报》2024年第1期": "2024/1.html"}
    year = article(site, "zfgb/2024/index.html")
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in year.css("tbody tr")]
    assert rows == [["2024年第2期", "2024-06-28", "1 件", "PDF"], ["2024年第1期", "2024-03-29", "2 件", "PDF"]]
    issue = article(site, "zfgb/2024/1.html")
    assert issue.css_first("h1").text() == "《测试县人民政府公报》2024年第1期"
    assert [a.text() for a in issue.css("ol a")] == ["测试县义务教育阶段学生资助管理办法", "测试县2023年义务教育招生工作通知"]
    assert issue.css_first("ol a").attributes["href"] == "../../wj/cjf-2024-1.html"
    assert "废止" in issue.css("ol li")[1].text()  # a repealed document keeps its status in the list
    pdf = links(issue)["下载本期 PDF"]
    assert pdf == "../../attachments/gazette/2024-1.pdf" and (site / "zfgb/2024" / pdf).resolve().is_file()
    crumbs = [a.text() for a in issue.css(".zw-crumbs a")]
    assert crumbs == ["首页", "政府公报", "测试县人民政府公报（2024年）"]


def test_document_page_says_where_it_was_printed(tmp_path: Path) -> None:
    site = build(_tree(tmp_path))
    row = next(tr for tr in article(site, "wj/cjf-2024-2.html").css("table.zw-meta tr") if "刊登于" in tr.text())
    assert row.css_first("a").text() == "《测试县人民政府公报》2024年第2期"
    assert row.css_first("a").attributes["href"] == "../zfgb/2024/2.html"
    assert "刊登于" not in article(site, "wj/cjf-2024-3.html").text()
    sitemap = links(article(site, "wzdt/index.html"))
    assert sitemap["政府公报"] == "../zfgb/index.html" and "《测试县人民政府公报》2024年第1期" in sitemap


def test_no_gazette_no_section(mini_site: Path) -> None:
    assert not (mini_site / "zfgb").exists()
    assert "政府公报" not in links(article(mini_site, "wzdt/index.html"))


def test_listed_document_must_exist_and_be_public(tmp_path: Path) -> None:
    tree = _tree(tmp_path, GAZETTE.replace("[cjf-2024-1, cjf-2023-9]", "[cjf-2024-l, cjf-2024-3, cjf-2024-4]"))
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert "content/gazette/2024.yml:6: 文件“cjf-2024-l”不存在 — 是不是“cjf-2024-2”？" in result.text
    assert "文件“cjf-2024-3”是“此件依申请公开”的文件 — 公报只刊登主动公开的文件" in result.text
    assert "文件“cjf-2024-4”是“此件不予公开”的文件" in result.text
    assert "WITHHELD" not in result.text  # the withheld document's title is never said


def test_issue_numbers_unique_and_in_order(tmp_path: Path) -> None:
    tree = _tree(tmp_path, GAZETTE.replace("期号: 2", "期号: 1"))
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "content/gazette/2024.yml:7: 第1期写了两次（第 3 行已有）" in result.text
    tree = _tree(tmp_path / "b", GAZETTE.replace("出版日期: 2024-06-28", "出版日期: 2024-03-01"))
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "第2期（2024-03-01）排在第1期（2024-03-29）之后，顺序不对" in result.text
    tree = _tree(tmp_path / "c", GAZETTE.replace("出版日期: 2024-06-28", "出版日期: 2025-01-05"))
    assert "第2期的出版日期 2025-01-05 不在 2024 年" in run_cli("--root", tree, "check").text


def test_pdf_must_exist(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / "content/attachments/gazette/2024-2.pdf").unlink()
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert "content/gazette/2024.yml:9: 公报 PDF“gazette/2024-2.pdf”不存在 — 把这一期的 PDF 放到 content/attachments/ 下" in result.text


def test_file_name_is_a_year(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / "content/gazette/2024.yml").rename(tree / "content/gazette/gongbao.yml")
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "content/gazette/gongbao.yml: 文件名“gongbao.yml”不是" in result.text


def test_new_gazette_adds_the_next_issue(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / "content/gazette/2024.yml").unlink()
    common = ("--today", "2024-07-01")
    first = run_cli("--root", tree, "new", "gazette", "--date", "2024-03-29", "--pdf", "gazette/2024-1.pdf",
                    "--documents", "cjf-2024-1,cjf-2023-9", *common)
    assert first.code == 0 and "2024年第1期，新建了 2024 年的公报文件" in first.out, first.text
    second = run_cli("--root", tree, "new", "gazette", "--date", "2024-06-28", "--pdf", "gazette/2024-2.pdf",
                     "--documents", "cjf-2024-2", *common)
    assert second.code == 0 and "2024年第2期，已加在本年各期之后" in second.out, second.text
    assert (tree / "content/gazette/2024.yml").read_text(encoding="utf-8").split("\n", 1)[1] == (
        "期:\n  - 期号: 1\n    出版日期: 2024-03-29\n    PDF: gazette/2024-1.pdf\n    文件: [cjf-2024-1, cjf-2023-9]\n\n"
        "  - 期号: 2\n    出版日期: 2024-06-28\n    PDF: gazette/2024-2.pdf\n    文件: [cjf-2024-2]\n")
    site = build(tree)
    assert [a.text() for a in article(site, "zfgb/2024/2.html").css("ol a")] == ["测试县2024年义务教育招生工作通知"]
    refused = run_cli("--root", tree, "new", "gazette", "--pdf", "gazette/2024-3.pdf", "--documents", "cjf-2024-4", *common)
    assert refused.code != 0
    assert "--pdf（PDF）：content/attachments/gazette/2024-3.pdf 不是已有的 PDF 文件" in refused.text
    assert "文件“cjf-2024-4”是“此件不予公开”的文件 — 公报只刊登主动公开的文件" in refused.text
    assert "WITHHELD" not in refused.text
