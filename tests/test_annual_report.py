"""Annual reports (content/reports/<年份>.yml): every identity of the national format, the checks across
years and against the site's documents, missing years, and the page as built."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from conftest import article, build, copy_fixture, edit, links, run_cli

R2023 = "content/reports/2023.yml"
R2024 = "content/reports/2024.yml"
ROWS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


def _cells(*values: int, total: int | None = None) -> str:
    cells = [f"{c}: {v}" for c, v in zip(ROWS, values + (0,) * (6 - len(values)))]
    return "{" + ", ".join(cells + ([f"总计: {total}"] if total is not None else [])) + "}"


Z = _cells()
# 2024: received 7 + 1 carried in; 5 + 2 handled; 1 carried out. Totals written here, so they are checked.
REPORT_2024 = f"""发布日期: 2025-03-20
总体情况: |
  2024年全县做好政府信息公开工作。
  第二段。
主动公开:
  规章:           {{本年制发: 0, 本年废止: 0, 现行有效: 0}}
  行政规范性文件: {{本年制发: 1, 本年废止: 0, 现行有效: 1}}
  行政许可: 30
  行政处罚: 4
  行政强制: 0
  行政事业性收费: 12.5
申请情况:
  本年新收: {_cells(5, 2, total=7)}
  上年结转: {_cells(1, total=1)}
  予以公开: {_cells(3, 1)}
  部分公开: {_cells(1)}
  不予公开:
    属于国家秘密: {Z}
    其他法律行政法规禁止公开: {Z}
    危及三安全一稳定: {Z}
    保护第三方合法权益: {_cells(1)}
    属于三类内部事务信息: {Z}
    属于四类过程性信息: {Z}
    属于行政执法案卷: {Z}
    属于行政查询事项: {Z}
  无法提供:
    本机关不掌握相关政府信息: {_cells(0, 1)}
    没有现成信息需要另行制作: {Z}
    补正后申请内容仍不明确: {Z}
  不予处理:
    信访举报投诉类申请: {Z}
    重复申请: {Z}
    要求提供公开出版物: {Z}
    无正当理由大量反复申请: {Z}
    要求确认或重新出具已获取信息: {Z}
  其他处理:
    逾期不补正: {Z}
    逾期未缴费: {Z}
    其他: {Z}
  总计: {_cells(5, 2, total=7)}
  结转下年度: {_cells(1, total=1)}
复议诉讼:
  行政复议: {{结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 1, 总计: 2}}
  未经复议直接起诉: {{结果维持: 0, 结果纠正: 1, 其他结果: 0, 尚未审结: 0, 总计: 1}}
  复议后起诉: {{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}}
存在的主要问题及改进情况: |
  问题和改进。
其他需要报告的事项: |
  本年度未收取信息处理费。
"""

# 2023: nothing carried in, one carried out to 2024; no totals written, so they are computed.
REPORT_2023 = (REPORT_2024.replace("发布日期: 2025-03-20", "发布日期: 2024-03-20")
               .replace("{本年制发: 1, 本年废止: 0, 现行有效: 1}", "{本年制发: 0, 本年废止: 0, 现行有效: 0}")
               .replace(f"本年新收: {_cells(5, 2, total=7)}", f"本年新收: {_cells(5, 2)}")
               .replace(f"上年结转: {_cells(1, total=1)}", f"上年结转: {Z}")
               .replace(f"保护第三方合法权益: {_cells(1)}", f"保护第三方合法权益: {Z}")
               .replace(f"  总计: {_cells(5, 2, total=7)}\n", "")
               .replace(f"结转下年度: {_cells(1, total=1)}", f"结转下年度: {_cells(1)}")
               .replace(", 尚未审结: 1, 总计: 2}", ", 尚未审结: 1}"))

TODAY = "2025-06-01"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The small tree with reports for 2023 and 2024 instead of its hand-written 2024 report page."""
    tree = copy_fixture("mini", tmp_path)
    (tree / "content/pages/nianbao-2024.md").unlink()
    (tree / "content/reports").mkdir()
    (tree / R2023).write_text(REPORT_2023, encoding="utf-8")
    (tree / R2024).write_text(REPORT_2024, encoding="utf-8")
    return tree


def _problems(tree: Path, today: str = TODAY) -> list[str]:
    """The problems of the tree as editors read them, but for stale columns and the fixture's 文号 brackets."""
    from datetime import date

    from zwgk.build.sitebuild import prepare

    _, problems = prepare(tree, date.fromisoformat(today))
    return [str(p) for p in problems.items if not p.rule.startswith("timeliness") and "年份括号不规范" not in p.message]


def _line(tree: Path, rel: str, fragment: str) -> int:
    lines = (tree / rel).read_text(encoding="utf-8").split("\n")
    found = [n for n, text in enumerate(lines, start=1) if fragment in text]
    assert len(found) == 1, (fragment, found)
    return found[0]


def _only(tree: Path, expected: str, today: str = TODAY) -> None:
    """`expected` is the one problem of the tree."""
    assert _problems(tree, today) == [expected]


def test_consistent_reports_pass(tree: Path) -> None:
    assert _problems(tree) == []


# --- every identity, violated once -------------------------------------------------------------------------

# (what the editor changed in the 2024 report, the line the error is on, the one error after `file:line: `)
IDENTITIES = {
    "总计 column = the six applicant columns": (
        [(f"本年新收: {_cells(5, 2, total=7)}", f"本年新收: {_cells(5, 2, total=8)}")], "本年新收:",
        "第三部分“一、本年新收政府信息公开申请数量”行“总计”列写的是 8，按各项相加应为 7 — 改为 7，或改正相加的各项"),
    "（七）总计 = the results": (
        [(f"总计: {_cells(5, 2, total=7)}", f"总计: {_cells(4, 2, total=6)}")], "  总计:",
        "第三部分“（七）总计”行“自然人”列写的是 4，按各项相加应为 5 — 改为 5，或改正相加的各项"),
    "总计 of a sub-row, named with its group": (
        [(f"保护第三方合法权益: {_cells(1)}", f"保护第三方合法权益: {_cells(1, total=2)}")], "保护第三方合法权益:",
        "第三部分“（三）不予公开 4．保护第三方合法权益”行“总计”列写的是 2，按各项相加应为 1 — 改为 1，或改正相加的各项"),
    # the wrong 自然人 cell is reported; the total that merely adds it up is not blamed as well
    "新收 + 上年结转 = （七）总计 + 结转下年度": (
        [(f"结转下年度: {_cells(1, total=1)}", f"结转下年度: {_cells(2, total=2)}")], "结转下年度:",
        "第三部分“四、结转下年度继续办理”行“自然人”列写的是 2，按“本年新收 + 上年结转 − （七）总计”应为 1 — "
        "改为 1，或改正这一列的新收、上年结转和办理结果"),
    "more handled than received": (
        [(f"予以公开: {_cells(3, 1)}", f"予以公开: {_cells(3, 3)}"),
         (f"总计: {_cells(5, 2, total=7)}", f"总计: {_cells(5, 4, total=9)}")], "结转下年度:",
        "第三部分“四、结转下年度继续办理”行“商业企业”列写的是 0，但这一列办理结果共 4 件，多于本年新收加上年结转的 2 件 — "
        "核对这一列：本年新收加上年结转，应等于（七）总计加结转下年度继续办理"),
    "复议诉讼 总计 = its four results": (
        [("尚未审结: 0, 总计: 1}", "尚未审结: 0, 总计: 3}")], "未经复议直接起诉:",
        "第四部分“未经复议直接起诉”的“总计”写的是 3，按各项相加应为 1 — 改为 1，或改正相加的各项"),
}


@pytest.mark.parametrize("case", IDENTITIES)
def test_each_identity_violated_once_is_one_exact_error(tree: Path, case: str) -> None:
    changes, where, message = IDENTITIES[case]
    for old, new in changes:
        edit(tree, R2024, old, new)
    _only(tree, f"{R2024}:{_line(tree, R2024, where)}: {message}")


def test_carried_in_equals_last_years_carried_out(tree: Path) -> None:
    edit(tree, R2024, f"上年结转: {_cells(1, total=1)}", f"上年结转: {_cells(1, 0, 0, 0, 0, 1, total=2)}")
    edit(tree, R2024, f"本年新收: {_cells(5, 2, total=7)}", f"本年新收: {_cells(5, 2, 0, 0, 0, 0, total=7)}")
    edit(tree, R2024, f"结转下年度: {_cells(1, total=1)}", f"结转下年度: {_cells(1, 0, 0, 0, 0, 1, total=2)}")
    line, last = _line(tree, R2024, "上年结转:"), _line(tree, R2023, "结转下年度:")
    _only(tree, f"{R2024}:{line}: 第三部分“二、上年结转政府信息公开申请数量”行“其他”列写的是 1，"
                f"2023 年报告的“四、结转下年度继续办理”是 0 — 本年写错了就改为 0；数字无误的（如上一年报告公布后核实有误），"
                f"不要改已公布的 2023 年报告（{R2023}:{last}），在这一行写上说明，如 上年结转: {{自然人: 1, 商业企业: 0, "
                "科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 1, 说明: 写明原因}")


def test_in_force_continues_from_last_year(tree: Path) -> None:
    edit(tree, R2023, "规章:           {本年制发: 0, 本年废止: 0, 现行有效: 0}", "规章:           {本年制发: 2, 本年废止: 0, 现行有效: 2}")
    edit(tree, R2024, "规章:           {本年制发: 0, 本年废止: 0, 现行有效: 0}", "规章:           {本年制发: 1, 本年废止: 0, 现行有效: 2}")
    line, last = _line(tree, R2024, "规章:"), _line(tree, R2023, "规章:")
    _only(tree, f"{R2024}:{line}: 第二部分“规章”的“现行有效件数”写的是 2，按 2023 年的 2 件加本年制发 1 件、减本年废止 0 件应为 3 — "
                "本年写错了就改为 3，或核对本年制发、本年废止；数字无误的（如两次报告之间开展了清理），"
                f"不要改已公布的 2023 年报告（{R2023}:{last}），在这一行写上说明，如 规章: {{本年制发: 1, 本年废止: 0, 现行有效: 2, "
                "说明: 写明原因}")


def test_errors_in_last_years_carried_out_are_not_passed_on(tree: Path) -> None:
    edit(tree, R2023, f"结转下年度: {_cells(1)}", f"结转下年度: {_cells(2)}")
    found = _problems(tree)
    assert len(found) == 1 and found[0].startswith(f"{R2023}:") and "应为 1" in found[0]


# --- a break across years, explained in the row's 说明 -------------------------------------------------------

RULES_2023 = "规章:           {本年制发: 0, 本年废止: 0, 现行有效: 0}"
# 2023 left 5 规章 in force; 2024 made 1 and repealed none, yet 3 are in force after a 清理.
IN_FORCE_BREAK = "规章:           {本年制发: 1, 本年废止: 0, 现行有效: 3}"
CLEANUP = "2024年底开展规章集中清理，宣布失效3件，未计入本年废止件数"


def _break_in_force(tree: Path, row: str = IN_FORCE_BREAK) -> None:
    edit(tree, R2023, RULES_2023, "规章:           {本年制发: 5, 本年废止: 0, 现行有效: 5}")
    edit(tree, R2024, RULES_2023, row)


def _check_json(tree: Path) -> list[dict[str, object]]:
    import json

    result = run_cli("--root", tree, "check", "--today", TODAY, "--json", tree.parent / "check.json")
    assert result.code == 0, result.err
    findings = json.loads((tree.parent / "check.json").read_text(encoding="utf-8"))["findings"]
    return [f for f in findings if str(f["rule"]).startswith("reports.")]


def _explanation(site: Path, table: str, header: str) -> str:
    """The text of the row right after the row headed `header`, which must be the 说明 row."""
    rows = article(site, "nianbao/2024.html").css(f"table.zw-report-table--{table} tr")
    at = next(n for n, tr in enumerate(rows) if (th := tr.css_first("th")) and th.text(strip=True) == header)
    below = rows[at + 1]
    assert "zw-report-explain" in below.attributes.get("class", "")
    note = below.css_first("td p")
    assert rows[at].css_first("th").attributes.get("aria-describedby") == note.attributes["id"]
    return note.text(strip=True)


def test_a_break_in_the_in_force_chain_stops_the_build_with_both_figures(tree: Path) -> None:
    _break_in_force(tree)
    result = run_cli("--root", tree, "build", "--today", TODAY)
    assert result.code == 1
    assert "第二部分“规章”的“现行有效件数”写的是 3，按 2023 年的 5 件加本年制发 1 件、减本年废止 0 件应为 6" in result.err
    assert "在这一行写上说明，如 规章: {本年制发: 1, 本年废止: 0, 现行有效: 3, 说明: 写明原因}" in result.err
    assert not (tree / "site").exists()


def test_a_break_explained_in_its_row_is_a_warning_and_the_report_shows_the_explanation(tree: Path) -> None:
    _break_in_force(tree, IN_FORCE_BREAK.replace("}", f", 说明: {CLEANUP}}}"))
    line = _line(tree, R2024, "规章:")
    warning = (f"{R2024}:{line}: 第二部分“规章”的“现行有效件数”写的是 3，按 2023 年的 5 件加本年制发 1 件、减本年废止 0 件应为 6；"
               f"本行的说明：{CLEANUP} — 已按说明发布，报告页面在这一行下显示说明；核对说明写清了与上一年报告不一致的原因")
    result = run_cli("--root", tree, "build", "--today", TODAY)
    assert result.code == 0, result.err
    assert warning in result.err
    assert _explanation(tree / "site", "proactive", "规章") == f"说明：{CLEANUP}"
    # the figures stay as written, the other row has no 说明
    grid = [[c.text(strip=True) for c in tr.css("th, td")]
            for tr in article(tree / "site", "nianbao/2024.html").css("table.zw-report-table--proactive tr")]
    assert grid[2:5] == [["规章", "1", "0", "3"], [f"说明：{CLEANUP}"], ["行政规范性文件", "1", "0", "1"]]
    assert [(f["severity"], f["line"], f["message"]) for f in _check_json(tree)] == [
        ("warning", line, warning.split(": ", 1)[1].split(" — ")[0])]


def test_a_carried_in_break_explained_in_block_style_is_shown_under_its_row(tree: Path) -> None:
    # 2023 carried 1 out; 2024 carries 2 in (and out, so the year adds up), explained on the row's own lines
    edit(tree, R2024, f"上年结转: {_cells(1, total=1)}",
         "上年结转:\n    自然人: 2\n    商业企业: 0\n    科研机构: 0\n    社会公益组织: 0\n    法律服务机构: 0\n    其他: 0\n"
         "    说明: |\n      2023年报告公布后核实，\n      1件2023年12月收到的申请漏统计。")
    edit(tree, R2024, f"结转下年度: {_cells(1, total=1)}", f"结转下年度: {_cells(2, total=2)}")
    result = run_cli("--root", tree, "build", "--today", TODAY)
    assert result.code == 0, result.err
    line = _line(tree, R2024, "    自然人: 2")
    assert (f"{R2024}:{line}: 第三部分“二、上年结转政府信息公开申请数量”行“自然人”列写的是 2，2023 年报告的“四、结转下年度继续办理”是 1；"
            "本行的说明：2023年报告公布后核实，1件2023年12月收到的申请漏统计。 — ") in result.err
    label = "二、上年结转政府信息公开申请数量"
    assert _explanation(tree / "site", "requests", label) == "说明：2023年报告公布后核实，1件2023年12月收到的申请漏统计。"
    explain = article(tree / "site", "nianbao/2024.html").css_first("tr.zw-report-explain td")
    assert explain.attributes["colspan"] == "10"


@pytest.mark.parametrize("note", ["说明: ", "说明: ''", "说明: '   '", "说明: '　'"])
def test_an_empty_explanation_does_not_count(tree: Path, note: str) -> None:
    _break_in_force(tree, IN_FORCE_BREAK.replace("}", f", {note}}}"))
    line = _line(tree, R2024, "规章:")
    found = _problems(tree)
    assert len(found) == 1, found
    assert found[0].startswith(f"{R2024}:{line}: 第二部分“规章”的“现行有效件数”写的是 3，按 2023 年的 5 件加本年制发 1 件、减本年废止 0 件"
                               "应为 6；这一行写了“说明”，但说明是空的 — 本年写错了就改为 6")
    assert run_cli("--root", tree, "build", "--today", TODAY).code == 1


def test_an_explanation_is_escaped_on_the_page(tree: Path) -> None:
    _break_in_force(tree, IN_FORCE_BREAK.replace("}", ', 说明: "清理<script>alert(1)</script><b>3</b>件"}'))
    assert run_cli("--root", tree, "build", "--today", TODAY).code == 0
    html = (tree / "site/nianbao/2024.html").read_text(encoding="utf-8")
    assert "清理&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;3&lt;/b&gt;件" in html
    assert _explanation(tree / "site", "proactive", "规章") == "说明：清理<script>alert(1)</script><b>3</b>件"
    assert not article(tree / "site", "nianbao/2024.html").css("tr.zw-report-explain script, tr.zw-report-explain b")


def test_an_explanation_where_nothing_breaks_is_a_warning_and_still_shown(tree: Path) -> None:
    edit(tree, R2024, "行政规范性文件: {本年制发: 1, 本年废止: 0, 现行有效: 1}",
         f"行政规范性文件: {{本年制发: 1, 本年废止: 0, 现行有效: 1, 说明: {CLEANUP}}}")
    line = _line(tree, R2024, "行政规范性文件:")
    _only(tree, f"{R2024}:{line}: 第二部分“行政规范性文件”写了说明，但这一行现行有效件数 1 正是 2023 年的 0 件加本年制发、减本年废止，"
                "不需要说明 — 删掉这一行的“说明”；其他要说明的写在“主动公开”下的“说明”（表格前的文字）")
    site = build(tree)
    assert _explanation(site, "proactive", "行政规范性文件") == f"说明：{CLEANUP}"


def test_an_explanation_without_last_years_report_is_shown_unchecked(tree: Path) -> None:
    (tree / R2023).unlink()
    edit(tree, R2024, RULES_2023, IN_FORCE_BREAK.replace("}", f", 说明: {CLEANUP}}}"))
    assert [p for p in _problems(tree) if "说明" in p] == []
    assert _explanation(build(tree), "proactive", "规章") == f"说明：{CLEANUP}"


def test_only_rows_that_go_on_from_last_year_take_an_explanation(tree: Path) -> None:
    edit(tree, R2024, f"本年新收: {_cells(5, 2, total=7)}", f"本年新收: {_cells(5, 2, total=7)[:-1]}, 说明: 多收了}}")
    line = _line(tree, R2024, "本年新收:")
    assert any(p.startswith(f"{R2024}:{line}: 不认识的项目“说明”") for p in _problems(tree))


# --- against the documents of the site ---------------------------------------------------------------------

def test_normative_documents_of_the_year_are_counted(tree: Path) -> None:
    edit(tree, R2024, "{本年制发: 1, 本年废止: 0, 现行有效: 1}", "{本年制发: 2, 本年废止: 0, 现行有效: 1}")
    line = _line(tree, R2024, "行政规范性文件:")
    assert f"{R2024}:{line}: 第二部分“行政规范性文件”的“本年制发件数”写的是 2 件，本站 2024 年制发（成文日期在 2024 年）" \
           "的行政规范性文件有 1 件（测教发〔2024〕1号） — 改为 1，或在 content/documents/ 补上缺少的文件，" \
           "或改正文件的“文件类型”“成文日期”" in _problems(tree)  # beside the 现行有效 that no longer adds up


def test_withheld_normative_documents_count_but_are_named_by_file_only(tree: Path) -> None:
    edit(tree, "content/documents/2024/cjf-2024-4.md", "文件类型: 其他文件", "文件类型: 行政规范性文件")
    found = [p for p in _problems(tree) if "reports" in p]
    assert len(found) == 2, found  # 本年制发 and 现行有效
    assert "有 2 件（测教发〔2024〕1号、content/documents/2024/cjf-2024-4.md）" in found[0]
    assert "WITHHELD" not in "\n".join(found)


def test_repealed_normative_documents_count_in_the_year_of_repeal(tree: Path) -> None:
    doc = "content/documents/2024/cjf-2024-1.md"
    edit(tree, doc, "有效性: 现行有效", "有效性: 废止\n废止日期: 2024-12-01")
    line = _line(tree, R2024, "行政规范性文件:")
    found = [p for p in _problems(tree) if p.startswith(f"{R2024}:")]
    assert found == [
        f"{R2024}:{line}: 第二部分“行政规范性文件”的“本年废止件数”写的是 0 件，本站 2024 年失效或废止的行政规范性文件有 1 件"
        "（测教发〔2024〕1号） — 改为 1，或核对文件的“有效性”和“废止日期”",
        f"{R2024}:{line}: 第二部分“行政规范性文件”的“现行有效件数”写的是 1 件，本站 2024 年底现行有效的行政规范性文件有 0 件 — "
        "改为 0，或核对文件的“有效性”和“废止日期”，在 content/documents/ 补上缺少的文件",
    ]


# --- input mistakes ----------------------------------------------------------------------------------------

def test_counts_are_non_negative_integers_and_no_cell_is_forgotten(tree: Path) -> None:
    edit(tree, R2024, "行政许可: 30", "行政许可: -3")
    edit(tree, R2024, "行政处罚: 4", "行政处罚: 4件")
    edit(tree, R2024, f"部分公开: {_cells(1)}", "部分公开: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0}")
    found = _problems(tree)
    assert f"{R2024}:{_line(tree, R2024, '行政许可:')}: “主动公开”的“行政许可”“-3”格式不对 — " \
           "行政许可本年处理决定数量：件数，只写不小于 0 的整数（如 12，最多 9 位），没有写 0" in found
    assert any(p.startswith(f"{R2024}:{_line(tree, R2024, '行政处罚:')}: “主动公开”的“行政处罚”“4件”格式不对") for p in found)
    assert f"{R2024}:{_line(tree, R2024, '部分公开:')}: “申请情况”的“部分公开”中缺少必填项“其他”（或没有填写） — " \
           "加上一行 `其他: …`" in found


def test_a_misspelt_row_gets_a_suggestion(tree: Path) -> None:
    edit(tree, R2024, "  危及三安全一稳定:", "  危及“三安全一稳定”:")
    found = _problems(tree)
    line = _line(tree, R2024, "危及“三安全一稳定”:")
    assert f"{R2024}:{line}: 不认识的项目“危及“三安全一稳定”” — 是不是“危及三安全一稳定”？改成 危及三安全一稳定" in found


def test_file_name_must_be_the_year(tree: Path) -> None:
    (tree / R2023).rename(tree / "content/reports/nianbao-2023.yml")
    assert "content/reports/nianbao-2023.yml: 年度报告的文件名“nianbao-2023.yml”不是 1949 到 2100 之间的年份 — " \
           "文件名写报告所属的年份，例如 2024 年的报告写成 content/reports/2024.yml" in _problems(tree)


# --- missing and late reports ------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "before", "after", "due"), [
    (None, "2026-03-31", "2026-04-01", "2026-03-31"),
    ("乡镇人民政府", "2026-01-31", "2026-02-01", "2026-01-31"),
])
def test_last_years_report_is_missing_once_it_is_due(tree: Path, kind: str | None, before: str, after: str,
                                                     due: str) -> None:
    if kind:
        (tree / "content/site.yml").write_text((tree / "content/site.yml").read_text(encoding="utf-8")
                                               + f"机关类型: {kind}\n", encoding="utf-8")
    assert not [p for p in _problems(tree, before) if "缺少" in p]
    missing = [p for p in _problems(tree, after) if "缺少" in p]
    assert missing == [f"content/reports: 缺少 2025 年的政府信息公开工作年度报告：{kind or '县级人民政府'}应在 {due} 前公布"
                f"（检查日期 {after}） — 在 content/reports/ 新建 2025.yml（格式见 docs/内容格式.md）"]


def test_a_gap_between_reports_is_missing_too_and_hand_written_reports_count(tree: Path) -> None:
    (tree / R2023).rename(tree / "content/reports/2022.yml")
    edit(tree, "content/reports/2022.yml", "发布日期: 2024-03-20", "发布日期: 2023-03-20")
    found = [p for p in _problems(tree, "2025-06-01") if "缺少" in p]
    assert [p.split("：")[0] for p in found] == ["content/reports: 缺少 2023 年的政府信息公开工作年度报告"]
    page = tree / "content/pages/nianbao-2023.md"
    page.write_text("---\n标题: 测试县人民政府2023年政府信息公开工作年度报告\n栏目: 政府信息公开年报\n发布日期: 2024-01-20\n---\n正文\n",
                    encoding="utf-8")
    assert not [p for p in _problems(tree, "2025-06-01") if "缺少" in p]


def test_late_report_and_report_before_its_year_ended(tree: Path) -> None:
    edit(tree, R2024, "发布日期: 2025-03-20", "发布日期: 2025-04-02")
    _only(tree, f"{R2024}:1: 2024 年的年度报告发布日期 2025-04-02 晚于法定期限 2025-03-31（县级人民政府） — "
                "核对发布日期；年度报告应按期公布（条例第四十九、五十条）")
    edit(tree, R2024, "发布日期: 2025-04-02", "发布日期: 2024-12-20")
    _only(tree, f"{R2024}:1: 2024 年的年度报告发布日期是 2024-12-20，在该年度结束之前 — "
                "年度报告在次年公布：核对发布日期，或把文件名改成报告所属的年份（2023.yml）")


def test_hand_written_report_of_a_year_with_a_yaml_report_is_a_duplicate(tree: Path) -> None:
    page = "content/pages/nianbao-2024.md"
    (tree / page).write_text("---\n标题: 测试县人民政府2024年政府信息公开工作年度报告\n栏目: 政府信息公开年报\n"
                             "发布日期: 2025-01-20\n---\n正文\n", encoding="utf-8")
    _only(tree, f"{page}:2: 2024 年的年度报告已写在 content/reports/2024.yml，这篇手写页面与它重复 — "
                "删掉这篇手写页面，或把它的“栏目”改为其他栏目")


# --- the built pages ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reports for 2023 and 2024 beside the fixture's hand-written 2024 page renamed to 2022."""
    tree = copy_fixture("mini", tmp_path_factory.mktemp("reports"))
    edit(tree, "content/pages/nianbao-2024.md", "2024年政府信息公开", "2022年政府信息公开")
    (tree / "content/reports").mkdir()
    (tree / R2023).write_text(REPORT_2023, encoding="utf-8")
    (tree / R2024).write_text(REPORT_2024, encoding="utf-8")
    return build(tree)


def _grid(table) -> list[list[str]]:  # noqa: ANN001 - selectolax Node
    """The table's rows as a grid of cell texts, rowspan and colspan filled in as a reader sees them."""
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.css("tr")):
        row: list[str] = []
        for cell in tr.css("th, td"):
            while (r, len(row)) in pending:
                row.append(pending.pop((r, len(row))))
            text = cell.text(strip=True)
            rows, cols = int(cell.attributes.get("rowspan") or 1), int(cell.attributes.get("colspan") or 1)
            for dc in range(cols):
                for dr in range(1, rows):
                    pending[(r + dr, len(row) + dc)] = text
            row.extend([text] * cols)
        while (r, len(row)) in pending:
            row.append(pending.pop((r, len(row))))
        grid.append(row)
    return grid


def test_report_page_has_the_sections_and_paragraphs(site: Path) -> None:
    body = article(site, "nianbao/2024.html")
    assert body.css_first("h1").text() == "测试县人民政府2024年政府信息公开工作年度报告"
    assert body.css_first(".zw-dateline time").attributes["datetime"] == "2025-03-20"
    assert [h.text() for h in body.css("h2")] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    paragraphs = [p.text() for p in body.css(".zw-report > p")]
    assert paragraphs[:2] == ["2024年全县做好政府信息公开工作。", "第二段。"]
    assert paragraphs[-1] == "本年度未收取信息处理费。"


def test_proactive_table(site: Path) -> None:
    table = article(site, "nianbao/2024.html").css_first("table.zw-report-table--proactive")
    assert table.css_first("caption").text() == "主动公开政府信息情况"
    assert _grid(table) == [
        ["第二十条第（一）项"] * 4,
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "1", "0", "1"],
        ["第二十条第（五）项"] * 4,
        ["信息内容"] + ["本年处理决定数量"] * 3,
        ["行政许可"] + ["30"] * 3,
        ["第二十条第（六）项"] * 4,
        ["信息内容"] + ["本年处理决定数量"] * 3,
        ["行政处罚"] + ["4"] * 3,
        ["行政强制"] + ["0"] * 3,
        ["第二十条第（八）项"] * 4,
        ["信息内容"] + ["本年收费金额（单位：万元）"] * 3,
        ["行政事业性收费"] + ["12.5"] * 3,
    ]
    assert [th.attributes.get("scope") for th in table.css("tr")[3].css("th")] == ["row"]


def test_request_table_is_laid_out_as_the_national_format(site: Path) -> None:
    table = article(site, "nianbao/2024.html").css_first("table.zw-report-table--requests")
    grid = _grid(table)
    assert all(len(row) == 10 for row in grid), grid
    assert grid[0][3:] == ["申请人情况"] * 7
    assert grid[1][3:] == ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert grid[2][3:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    body = grid[3:]
    assert len(body) == 25
    assert body[0] == ["一、本年新收政府信息公开申请数量"] * 3 + ["5", "2", "0", "0", "0", "0", "7"]
    assert body[2][:3] == ["三、本年度办理结果", "（一）予以公开", "（一）予以公开"]
    assert body[2][3:] == ["3", "1", "0", "0", "0", "0", "4"]  # 总计 not written: computed
    assert body[7] == ["三、本年度办理结果", "（三）不予公开", "4．保护第三方合法权益", "1", "0", "0", "0", "0", "0", "1"]
    assert body[19][1:3] == ["（五）不予处理", "5．要求行政机关确认或重新出具已获取信息"]
    assert body[21][1:3] == ["（六）其他处理", "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]
    assert body[23] == ["三、本年度办理结果", "（七）总计", "（七）总计", "5", "2", "0", "0", "0", "0", "7"]
    assert body[24][0] == "四、结转下年度继续办理" and body[24][3:] == ["1", "0", "0", "0", "0", "0", "1"]
    assert {th.attributes.get("scope") for th in table.css("tbody th")} == {"row"}
    assert {th.attributes.get("scope") for th in table.css("thead th")} == {"col"}
    wrapper = table.parent
    assert wrapper.attributes.get("class") == "zw-table-wrap" and wrapper.attributes.get("role") == "region"


def test_omitted_totals_are_computed_and_shown(site: Path) -> None:
    grid = _grid(article(site, "nianbao/2023.html").css_first("table.zw-report-table--requests"))
    assert grid[3][3:] == ["5", "2", "0", "0", "0", "0", "7"]  # 本年新收 without 总计
    assert grid[26] == ["三、本年度办理结果", "（七）总计", "（七）总计", "4", "2", "0", "0", "0", "0", "6"]  # row not written
    reviews = _grid(article(site, "nianbao/2023.html").css_first("table.zw-report-table--reviews"))
    assert reviews[0] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert reviews[1] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert reviews[2][5:] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    assert reviews[3] == ["1", "0", "0", "1", "2", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"]


def test_reports_are_listed_by_year_with_hand_written_ones(site: Path) -> None:
    body = article(site, "nianbao/index.html")
    entries = [(a.text(), a.attributes["href"]) for a in body.css("a.zw-entry__title")]
    assert entries == [("测试县人民政府2024年政府信息公开工作年度报告", "2024.html"),
                       ("测试县人民政府2023年政府信息公开工作年度报告", "2023.html"),
                       ("测试县人民政府2022年政府信息公开工作年度报告", "nianbao-2024.html")]
    assert [t.attributes["datetime"] for t in body.css("li.zw-entry time")] == ["2025-03-20", "2024-03-20", "2025-01-20"]
    home = links(article(site, "index.html").css_first(f"a[href='{posixpath.join('nianbao', 'index.html')}']").parent.parent)
    assert home["测试县人民政府2024年政府信息公开工作年度报告"] == "nianbao/2024.html"
    crumbs = links(article(site, "nianbao/2024.html").css_first(".zw-crumbs"))
    assert crumbs["政府信息公开年报"] == "index.html"


def test_a_wrong_number_stops_the_build(tree: Path) -> None:
    edit(tree, R2024, "尚未审结: 1, 总计: 2}", "尚未审结: 1, 总计: 5}")
    result = run_cli("--root", tree, "build", "--today", TODAY)
    assert result.code == 1 and "第四部分“行政复议”的“总计”写的是 5，按各项相加应为 2" in result.err
    assert not (tree / "site").exists()
