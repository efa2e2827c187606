"""重大行政决策: catalogues per year, a page per decision with its stage timeline, calls for opinions
open or closed on the day of the build, and references that must point at what may be shown."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from conftest import ROOT, article, copy_fixture, links, page, run_cli

CATALOGUE = "content/decisions/2024.yml"

# Line numbers in the messages below refer to this text.
DECISIONS = """发布日期: 2024-02-01
说明: 测试县2024年度重大行政决策事项目录。
事项:
  - 编号: zzbf
    事项名称: 测试县学生资助办法修订
    承办单位: 测试县教育局
    计划完成时间: 2024年12月
    状态: 征求意见中
    阶段:
      - 阶段: 征求意见
        征集:
          开始日期: 2024-06-15
          截止日期: 2024-07-15
          方式: 电子邮件发送至 zzbf@example.gov.cn
      - 阶段: 起草说明
        文件: cjf-2024-1
  - 编号: zsfa
    事项名称: 测试县招生工作方案
    承办单位: 测试县教育局
    计划完成时间: 2024-06-30
    状态: 已完成
    阶段:
      - 阶段: 结果
        文件: cjf-2024-2
      - 阶段: 征求意见
        征集:
          开始日期: 2024-03-01
          截止日期: 2024-03-31
          方式: 信函寄至测试县人民路1号
      - 阶段: 审议
        日期: 2024-04-01
        文件: cjf-2024-3
        说明: 经县人民政府常务会议审议通过。
"""


def _tree(tmp_path: Path, text: str = DECISIONS) -> Path:
    tree = copy_fixture("mini", tmp_path)
    (tree / "content" / "decisions").mkdir()
    (tree / CATALOGUE).write_text(text, encoding="utf-8")
    return tree


def _build(tree: Path, today: str = "2024-07-01") -> Path:
    site = tree / "site"
    result = run_cli("--root", tree, "build", "--site-dir", site, "--today", today)
    assert result.code == 0, result.text
    return site


def _findings(tree: Path, today: str = "2024-07-01") -> tuple[int, list[dict]]:
    out = tree / "report.json"
    result = run_cli("--root", tree, "check", "--json", out, "--today", today)
    assert "Traceback" not in result.text
    return result.code, json.loads(out.read_text(encoding="utf-8"))["findings"]


def _errors(tree: Path) -> list[str]:
    result = run_cli("--root", tree, "check")
    assert result.code == 1 and "Traceback" not in result.text, result.text
    return [line.strip() for line in result.err.splitlines()]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(_tree(tmp_path_factory.mktemp("decisions")))


def test_section_is_in_the_navigation_with_years_and_open_calls(site: Path) -> None:
    tabs = {a.text(strip=True): a.attributes["href"] for a in page(site, "index.html").css(".md-tabs a")}
    assert tabs["重大行政决策"] == "zdxzjc/index.html"
    landing = article(site, "zdxzjc/index.html")
    assert landing.css_first("h1").text() == "重大行政决策和公众参与"
    assert links(landing)["2024年重大行政决策事项目录"] == "2024/index.html"
    calls = landing.css_first("#zw-open-calls").parent
    entry = calls.css_first("li")
    assert entry.css_first("a").text() == "测试县学生资助办法修订"
    assert entry.css_first("a").attributes["href"] == "2024/zzbf.html"
    assert entry.css_first(".zw-badge").text() == "征求意见中，截至2024年7月15日"
    assert len(calls.css("li")) == 1  # the closed call is not listed
    assert "../zdxzjc/index.html" in {a.attributes["href"] for a in article(site, "wzdt/index.html").css("a")}


def test_year_catalogue_is_a_table_linking_each_decision(site: Path) -> None:
    body = article(site, "zdxzjc/2024/index.html")
    assert body.css_first("h1").text() == "2024年重大行政决策事项目录"
    assert body.css_first(".zw-dateline time").attributes["datetime"] == "2024-02-01"
    headers = [th.text(strip=True) for th in body.css("thead th")]
    assert headers == ["序号", "事项名称", "承办单位", "计划完成时间", "状态"]
    rows = [[td.text(strip=True) for td in tr.css("td")] for tr in body.css("tbody tr")]
    assert rows == [["1", "测试县学生资助办法修订", "测试县教育局", "2024年12月", "征求意见中截至2024年7月15日"],
                    ["2", "测试县招生工作方案", "测试县教育局", "2024年6月30日", "已完成"]]
    assert links(body)["测试县招生工作方案"] == "zsfa.html"


def test_decision_page_has_an_ordered_dated_timeline(site: Path) -> None:
    body = article(site, "zdxzjc/2024/zsfa.html")
    crumbs = [a.text(strip=True) for a in body.css(".zw-crumbs a")]
    assert crumbs == ["首页", "重大行政决策", "2024年重大行政决策事项目录"]
    meta = {th.text(strip=True): th.next.text(strip=True) for th in body.css("table.zw-meta th")}
    assert meta["承办单位"] == "测试县教育局" and meta["状态"] == "已完成" and meta["计划完成时间"] == "2024年6月30日"
    timeline = body.css_first("ol.zw-timeline")
    assert timeline.attributes["aria-labelledby"] == "zw-timeline"
    stages = timeline.css("li")
    # ordered by date, whatever the order they were written in
    assert [li.css_first("strong").text() for li in stages] == ["征求意见", "审议", "结果"]
    assert [li.css_first("time").attributes["datetime"] for li in stages] == ["2024-03-01", "2024-04-01", "2024-04-03"]
    call = stages[0]
    assert call.css_first(".zw-badge").text() == "已截止（截止日期：2024年3月31日）"
    assert "信函寄至测试县人民路1号" in call.css_first("dl.zw-call").text()
    review = stages[1]
    # an on-request document is linked to its metadata page, with its label
    assert links(review)["ONREQUESTTITLE测试县学生资助对象核定情况"] == "../../wj/cjf-2024-3.html"
    assert review.css_first(".zw-badge--request").text() == "依申请公开"
    assert "经县人民政府常务会议审议通过。" in review.text()
    result = stages[2]
    target = links(result)["测试县2024年义务教育招生工作通知"]
    assert posixpath.normpath(posixpath.join("zdxzjc/2024", target)) == "wj/cjf-2024-2.html"


def test_open_call_and_pending_stages(site: Path) -> None:
    body = article(site, "zdxzjc/2024/zzbf.html")
    stages = body.css("ol.zw-timeline li")
    assert [li.css_first("strong").text() for li in stages] == ["起草说明", "征求意见"]  # 起草说明 dated by its document
    first = stages[1]
    assert "zw-timeline__stage--open" in first.attributes["class"]
    assert first.css_first(".zw-badge--open").text() == "征求意见中，截至2024年7月15日"
    assert "zzbf@example.gov.cn" in first.css_first("dl.zw-call").text()
    assert body.css_first("p.zw-sub").text() == "待进行的阶段：意见采纳情况、审议、结果"


@pytest.mark.parametrize("today,badge,listed", [
    ("2024-06-01", "尚未开始，2024年6月15日起征求意见", False),
    ("2024-07-15", "征求意见中，截至2024年7月15日", True),  # the deadline day itself is still open
    ("2024-07-16", "已截止（截止日期：2024年7月15日）", False),
])
def test_call_is_open_or_closed_relative_to_the_build_date(tmp_path: Path, today: str, badge: str, listed: bool) -> None:
    site = _build(_tree(tmp_path), today)
    body = article(site, "zdxzjc/2024/zzbf.html")
    assert body.css_first("ol.zw-timeline .zw-badge").text() == badge
    landing = article(site, "zdxzjc/index.html")
    assert ("测试县学生资助办法修订" in landing.css_first("#zw-open-calls").parent.text()) == listed
    if not listed:
        assert "目前没有正在公开征求意见的决策事项。" in landing.text()


def test_status_that_no_longer_fits_the_day_is_a_warning(tmp_path: Path) -> None:
    code, findings = _findings(_tree(tmp_path), "2025-01-05")
    assert code == 0
    found = {(f["rule"], f["file"], f["line"], f["message"], f["severity"]) for f in findings if f["rule"].startswith("decisions")}
    assert found == {
        ("decisions.status", CATALOGUE, 8, "“测试县学生资助办法修订”的状态是“征求意见中”，但 2025-01-05 没有正在进行的征求意见", "warning"),
        ("decisions.status", CATALOGUE, 8, "“测试县学生资助办法修订”的计划完成时间2024年12月已过，状态仍是“征求意见中”", "warning"),
    }


def test_catalogue_published_after_the_check_day_is_not_judged(tmp_path: Path) -> None:
    code, findings = _findings(_tree(tmp_path), "2024-01-05")
    assert code == 0 and not [f for f in findings if f["rule"].startswith("decisions")]


def test_unknown_references_name_the_line_and_the_nearest_file(tmp_path: Path) -> None:
    text = DECISIONS.replace("文件: cjf-2024-1", "文件: cjf-2024-01").replace("文件: cjf-2024-2", "页面: zhinna")
    errors = _errors(_tree(tmp_path, text))
    assert (f"{CATALOGUE}:16: 文件“cjf-2024-01”不存在 — 是不是“cjf-2024-1”？"
            "写 content/documents 下文件的文件名（不带 .md）") in errors
    assert f"{CATALOGUE}:24: 页面“zhinna”不存在 — 是不是“zhinan”？写 content/pages 下页面的文件名（不带 .md）" in errors


def test_withheld_document_as_a_stage_is_an_error(tmp_path: Path) -> None:
    tree = _tree(tmp_path, DECISIONS.replace("文件: cjf-2024-3", "文件: cjf-2024-4"))
    site = tree / "site"
    result = run_cli("--root", tree, "build", "--site-dir", site)
    assert result.code == 1
    assert (f"{CATALOGUE}:32: 文件“cjf-2024-4”是“此件不予公开”的文件 — "
            "不予公开的文件不能出现在网站上：改为链接可以公开的材料，或删掉这一行") in result.err
    assert not site.exists()


def test_withheld_stage_never_reaches_a_page_even_unchecked(tmp_path: Path) -> None:
    """publish() leaves the stage out on its own: the error is not the only guard."""
    from zwgk.kinds.project import load_project
    from zwgk.build.sitebuild import SiteBuild

    tree = _tree(tmp_path, DECISIONS.replace("文件: cjf-2024-3", "文件: cjf-2024-4"))
    project, problems = load_project(tree)
    assert project is not None and problems.errors
    built = SiteBuild(project, problems)
    html = "".join(built.html(p.path) for p in built.pages)
    assert "WITHHELD" not in html and "cjf-2024-4" not in html
    stages = [s.kind.name for s in built.public.decisions[0].decisions[1].stages]
    assert stages == ["征求意见", "结果"]


@pytest.mark.parametrize("old,new,where,message", [
    ("状态: 已完成", "状态: 完成了", f"{CATALOGUE}:21", "“事项”的第2条的“状态”填的“完成了”不在可选范围内 — 改成“已完成”"),
    ("计划完成时间: 2024-06-30", "计划完成时间: 2024年13月", f"{CATALOGUE}:20",
     "“计划完成时间”2024年13月 这个时间不存在 — 写成 2026年12月、2026-12-31 或 2026年"),
    ("计划完成时间: 2024-06-30", "计划完成时间: 年底前", f"{CATALOGUE}:20", "“计划完成时间”“年底前”格式不对"),
    ("截止日期: 2024-03-31", "截止日期: 2024-02-28", f"{CATALOGUE}:28", "征求意见的截止日期早于开始日期 — 检查两个日期"),
    ("      - 阶段: 结果\n        文件: cjf-2024-2\n", "      - 阶段: 结果\n", f"{CATALOGUE}:23",
     "“结果”阶段没有链接任何材料 — 加一行 `文件: 文件名` 或 `页面: 页面文件名`"),
    ("        文件: cjf-2024-2\n", "        文件: cjf-2024-2\n        页面: zhinan\n", f"{CATALOGUE}:25", "一个阶段只能链接一个文件或一个页面"),
    ("      - 阶段: 审议\n", "      - 阶段: 审议\n        征集: {开始日期: 2024-03-01, 截止日期: 2024-04-30, 方式: 信函}\n",
     f"{CATALOGUE}:31", "“审议”阶段不能写征集 — 征集（公开征求意见）只写在“征求意见”阶段"),
    ("  - 编号: zsfa", "  - 编号: zzbf", f"{CATALOGUE}:17", "编号“zzbf”在本文件中重复（第 4 行已有）"),
    ("  - 编号: zsfa", "  - 编号: Zsfa", f"{CATALOGUE}:17", "“事项”的第2条的“编号”“Zsfa”格式不对"),
])
def test_mistakes_in_a_catalogue_are_reported_in_chinese(tmp_path: Path, old: str, new: str, where: str, message: str) -> None:
    assert old in DECISIONS
    errors = _errors(_tree(tmp_path, DECISIONS.replace(old, new, 1)))
    assert any(line.startswith(where + ":") and message in line for line in errors), errors


def test_catalogue_file_must_be_named_by_year(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / CATALOGUE).rename(tree / "content/decisions/nian2024.yml")
    assert ("content/decisions/nian2024.yml: 文件名“nian2024.yml”不是 1949 到 2100 之间的年份 — "
            "重大行政决策事项目录每年一个文件，文件名写成年份，例如 2026.yml") in _errors(tree)


def test_short_window_and_stages_out_of_order_are_warnings(tmp_path: Path) -> None:
    text = DECISIONS.replace("截止日期: 2024-07-15", "截止日期: 2024-06-24").replace("日期: 2024-04-01", "日期: 2024-02-20")
    code, findings = _findings(_tree(tmp_path, text))
    assert code == 0
    found = {(f["rule"], f["line"], f["message"]) for f in findings if f["rule"] in ("decisions.window", "decisions.order")}
    assert found == {
        ("decisions.window", 11, "征求意见期限只有 10 天，少于 30 日"),
        ("decisions.order", 25, "“测试县招生工作方案”的“征求意见”日期 2024-03-01 晚于“审议”的 2024-02-20"),
    }


def test_hand_written_page_in_the_section(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / "content/pages/tzgg.md").write_text(
        "---\n标题: 测试县重大行政决策听证会公告\n栏目: 重大行政决策\n发布日期: 2024-06-20\n---\n听证会定于7月举行。\n",
        encoding="utf-8")
    site = _build(tree)
    assert links(article(site, "zdxzjc/index.html"))["测试县重大行政决策听证会公告"] == "tzgg.html"
    crumbs = [a.text(strip=True) for a in article(site, "zdxzjc/tzgg.html").css(".zw-crumbs a")]
    assert crumbs == ["首页", "重大行政决策"]


def test_without_decisions_the_section_is_left_out(mini_site: Path) -> None:
    tabs = [a.text(strip=True) for a in page(mini_site, "index.html").css(".md-tabs a")]
    assert "重大行政决策" not in tabs and "依申请公开" in tabs
    assert not (mini_site / "zdxzjc").exists()


def test_demo_has_every_stage_and_status_and_one_open_call() -> None:
    from datetime import date

    from zwgk.kinds.project import load_project
    from zwgk.base import vocab

    project, problems = load_project(ROOT)
    assert project is not None and not problems.errors
    decisions = [d for c in project.decisions for d in c.decisions]
    assert {c.year for c in project.decisions} == {2025, 2026}
    assert {d.status for d in decisions} == set(vocab.DECISION_STATUSES)
    assert {s.kind for d in decisions for s in d.stages} == set(vocab.DECISION_STAGES)
    today = date(2026, 11, 25)
    calls = [c for d in decisions for _, c in d.consultations]
    assert [c.is_open(today) for c in calls].count(True) == 1 and any(c.end < today for c in calls)


def test_personal_data_in_a_catalogue_is_refused(tmp_path: Path) -> None:
    errors = _errors(_tree(tmp_path, DECISIONS.replace("zzbf@example.gov.cn", "zzbf@example.gov.cn 或致电13912345678")))
    assert any(line.startswith(f"{CATALOGUE}:14: 发现手机号码 139******78") for line in errors), errors
