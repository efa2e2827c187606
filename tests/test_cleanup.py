"""规范性文件清理结果: documents grouped by the batch named in their front matter; withheld ones never shown."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from conftest import article, build, copy_fixture, edit, links, run_cli

DOCS = "content/documents/2024"
BATCHES = """批次:
  - 编号: qingli-2024
    名称: 2024年上半年规范性文件清理
    清理日期: 2024-06-28
    依据: 《测试县规范性文件管理办法》
    说明: 对教育领域文件进行清理。
    文件: cjf-2024-1
"""


def _tree(tmp_path: Path, batches: str = BATCHES) -> Path:
    tree = copy_fixture("mini", tmp_path)
    (tree / "content/cleanup.yml").write_text(batches, encoding="utf-8")
    for slug in ("cjf-2023-9", "cjf-2024-3", "cjf-2024-4"):
        edit(tree, f"{DOCS}/{slug}.md", "文件类型:", "清理批次: qingli-2024\n文件类型:")
    edit(tree, f"{DOCS}/cjf-2024-3.md", "有效性: 现行有效", "有效性: 已修改")
    edit(tree, f"{DOCS}/cjf-2024-4.md", "有效性: 现行有效", "有效性: 失效\n废止日期: 2024-06-28")
    return tree


def test_results_page_groups_documents_by_batch(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    edit(tree, f"{DOCS}/cjf-2024-2.md", "有效性: 现行有效", "有效性: 废止\n废止日期: 2024-06-30")  # no batch
    site = build(tree)
    body = article(site, "zcwj/qljg.html")
    assert body.css_first("h1").text() == "规范性文件清理结果"
    assert body.css_first(".zw-dateline time").attributes["datetime"] == "2024-06-28"
    batch, loose = body.css("section.zw-cleanup")
    assert batch.attributes["id"] == "batch-qingli-2024"
    assert batch.css_first("h2").text() == "2024年上半年规范性文件清理"
    # the withheld document is neither listed nor counted
    assert batch.css_first(".zw-dateline").text(strip=True) == "清理日期：2024-06-28|废止 1 件、已修改 1 件"
    assert "清理依据：《测试县规范性文件管理办法》" in batch.text() and "对教育领域文件进行清理。" in batch.text()
    assert links(batch)["测试县义务教育阶段学生资助管理办法"] == "../wj/cjf-2024-1.html"  # the notice
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in batch.css("tbody tr")]
    assert rows == [
        ["测试县2023年义务教育招生工作通知测教发〔2023〕9号", "废止", "2024-04-03", "测试县2024年义务教育招生工作通知测教发〔2024〕2号"],
        ["ONREQUESTTITLE测试县学生资助对象核定情况测教发〔2024〕3号依申请公开", "已修改", "—", "—"],
    ]
    first = batch.css_first("tbody tr")
    assert posixpath.normpath(posixpath.join("zcwj", first.css_first("a").attributes["href"])) == "wj/cjf-2023-9.html"
    assert loose.css_first("h2").text() == "未列入清理批次的失效、废止或修改文件"
    assert [tr.css_first("a").text() for tr in loose.css("tbody tr")] == ["测试县2024年义务教育招生工作通知"]
    assert links(article(site, "zcwj/index.html"))["规范性文件清理结果"] == "qljg.html"
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
    assert "WITHHELD" not in everything and "cjf-2024-4" not in everything


def test_unknown_batch_is_an_error_with_the_nearest_batch(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    edit(tree, f"{DOCS}/cjf-2024-1.md", "文件类型:", "清理批次: qingli-2042\n文件类型:")
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text
    assert (f"{DOCS}/cjf-2024-1.md:9: 清理批次“qingli-2042”不存在 — 是不是“qingli-2024”？"
            "在 content/cleanup.yml 中定义这一批次，或改正编号") in result.err


def test_batch_without_cleanup_file_is_unknown(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / "content/cleanup.yml").unlink()
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert f"{DOCS}/cjf-2023-9.md:11: 清理批次“qingli-2024”不存在 — 在 content/cleanup.yml 中定义这一批次，或改正编号" in result.err


def test_batch_notice_must_be_public(tmp_path: Path) -> None:
    result = run_cli("--root", _tree(tmp_path, BATCHES.replace("文件: cjf-2024-1", "文件: cjf-2024-4")), "check")
    assert result.code == 1
    assert "content/cleanup.yml:7: 文件“cjf-2024-4”是“此件不予公开”的文件 — 清理结果应当主动公开" in result.err


def test_empty_batch_is_a_warning(tmp_path: Path) -> None:
    tree = _tree(tmp_path, BATCHES + "  - 编号: qingli-2023\n    名称: 2023年度清理\n    清理日期: 2023-12-20\n")
    out = tree / "report.json"
    result = run_cli("--root", tree, "check", "--json", out)
    assert result.code == 0, result.text
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert {"rule": "cleanup.empty-batch", "severity": "warning", "file": "content/cleanup.yml", "line": 8,
            "message": "清理批次“qingli-2023”（2023年度清理）没有任何文件",
            "fix": "在清理的文件的文件头写 `清理批次: qingli-2023`，或删掉这一批次"} in findings


def test_duplicate_batch_code(tmp_path: Path) -> None:
    tree = _tree(tmp_path, BATCHES + "  - 编号: qingli-2024\n    名称: 重复\n    清理日期: 2023-12-20\n")
    result = run_cli("--root", tree, "check")
    assert result.code == 1
    assert "content/cleanup.yml:8: 批次编号“qingli-2024”重复（第 2 行已有） — 给这一批次换一个没有用过的编号" in result.err


def test_without_batches_there_is_no_results_page(mini_site: Path) -> None:
    assert not (mini_site / "zcwj/qljg.html").exists()
    assert "规范性文件清理结果" not in links(article(mini_site, "zcwj/index.html"))
