"""`build.py new decision` and `build.py new report`: the yearly files, written so that `check` accepts
them (a new report only once its 待填写 texts are written)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli
from zwgk.kinds.decisions import decision_code
from zwgk.kinds.project import editing_context, load_project
from zwgk.kinds.registry import FORMS as KINDS
from zwgk.kinds.scaffold import ScaffoldError, run

DECISIONS = "content/decisions/2024.yml"


def _findings(tree: Path, tmp_path: Path, today: str) -> list[dict[str, str]]:
    out = tmp_path / f"r-{today}.json"
    run_cli("--root", tree, "check", "--today", today, "--json", out)
    return json.loads(out.read_text(encoding="utf-8"))["findings"]


def _errors(findings: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(f["file"], f["message"]) for f in findings if f["severity"] == "error"]


@pytest.mark.parametrize("name,code", [
    ("示例县城区公共停车设施专项规划（2026—2035年）", "cqgg-guihua"),
    ("示例县就业困难人员认定和公益性岗位管理办法", "jykn-banfa"),
    ("示例县城区居民生活用水阶梯水价调整方案", "cqjm-fangan"),
    ("关于调整城区公交线路的决定", "gytz-jueding"),
    ("示例县“十五五”养老服务体系建设", "swwylfwt"),  # no genre at the end: the first 8 initials
    ("2026", "jc"),
])
def test_decision_code_from_name(name: str, code: str) -> None:
    assert decision_code(name, "示例县") == code


def test_new_decision_makes_the_year_file_then_adds_to_it(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    common = ("--organ", "测试县住房和城乡建设局", "--today", "2024-07-01")
    first = run_cli("--root", tree, "new", "decision", "--name", "测试县城区公共停车设施专项规划（2024—2035年）", *common)
    assert first.code == 0, first.text
    assert "编号 cqgg-guihua" in first.out and "新建了 2024 年的目录，发布日期为今天" in first.out
    second = run_cli("--root", tree, "new", "decision", "--name", "测试县城区公共停车设施专项规划", "--planned", "2025-03",
                     "--status", "审议中", *common)
    assert second.code == 0, second.text
    assert "编号 cqgg-guihua-2" in second.out and "已加在目录末尾" in second.out
    text = (tree / DECISIONS).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert text.split("\n", 1)[1] == (
        "发布日期: 2024-07-01  # 目录公布的日期\n事项:\n"
        "  - 编号: cqgg-guihua\n    事项名称: 测试县城区公共停车设施专项规划（2024—2035年）\n    承办单位: 测试县住房和城乡建设局\n"
        "    计划完成时间: 2024年12月\n    状态: 未启动\n\n"
        "  - 编号: cqgg-guihua-2\n    事项名称: 测试县城区公共停车设施专项规划\n    承办单位: 测试县住房和城乡建设局\n"
        "    计划完成时间: 2025-03\n    状态: 审议中\n")
    project, problems = load_project(tree)
    assert not [p for p in problems.items if p.file == DECISIONS]
    assert [d.code for d in project.decisions[0].decisions] == ["cqgg-guihua", "cqgg-guihua-2"]
    assert not _errors(_findings(tree, tmp_path, "2024-07-01"))


def test_new_decision_refuses_what_check_would_refuse(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    ok = run_cli("--root", tree, "new", "decision", "--name", "测试县校车管理办法", "--organ", "测试县教育局", "--code", "xiaoche",
                 "--today", "2024-07-01")
    assert ok.code == 0, ok.text
    before = (tree / DECISIONS).read_bytes()
    again = run_cli("--root", tree, "new", "decision", "--name", "另一个", "--organ", "测试县教育局", "--code", "xiaoche",
                    "--planned", "2024年13月", "--status", "进行中", "--today", "2024-07-01")
    assert again.code == 1 and "Traceback" not in again.text
    assert again.err.splitlines() == [
        "--planned（计划完成时间）：“计划完成时间”2024年13月 这个时间不存在 — 写成 2026年12月、2026-12-31 或 2026年",
        "--status（状态）：“状态”填的“进行中”不在可选范围内 — 改成可选值之一（可选：“未启动”、“征求意见中”、“审议中”、“已完成”、“已调整”）",
        "没有写入任何文件。",
    ]
    taken = run_cli("--root", tree, "new", "decision", "--name", "另一个", "--organ", "测试县教育局", "--code", "xiaoche",
                    "--today", "2024-07-01")
    assert taken.err.splitlines()[0] == f"编号“xiaoche”在 {DECISIONS} 中已被使用 — 换一个没有用过的编号，或不写由系统生成"
    assert (tree / DECISIONS).read_bytes() == before


def test_new_decision_asks_name_organ_time_and_status(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    asked: list[str] = []
    answers = iter(["测试县学前教育发展规划", "测试县教育局", "", "2"])

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    path = run(KINDS["decision"], editing_context(tree, date(2024, 7, 1), ask, lambda _: None), {})
    assert asked == [
        "事项名称（必填）：", "承办单位（必填）：", "计划完成时间（必填） [2024年12月]：", "状态（必填，可写序号） [未启动]："]
    assert "  - 编号: xqjy-guihua\n    事项名称: 测试县学前教育发展规划\n    承办单位: 测试县教育局\n    计划完成时间: 2024年12月\n" \
           "    状态: 征求意见中\n" in path.read_text(encoding="utf-8")


# --- 年度报告 ----------------------------------------------------------------------------------------

def test_new_report_is_complete_and_only_its_texts_are_missing(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    result = run_cli("--root", tree, "new", "report", "--today", "2024-07-01")
    assert result.code == 0, result.text
    path = tree / "content/reports/2023.yml"  # last year by default
    text = path.read_text(encoding="utf-8")
    rows = re.findall(r"^\s+\S+:\s+\{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0\}$", text, re.M)
    assert len(rows) == 2 + 2 + 8 + 3 + 5 + 3 + 1  # 新收, 上年结转, （一）…（六） with their rows, 结转下年度
    assert "  行政许可:       0  # 本年处理决定数量\n" in text and "  复议后起诉:       {结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}\n" in text
    errors = _errors(_findings(tree, tmp_path, "2024-07-01"))
    assert [message.split("还没有填写")[0] for _, message in errors] == [
        "“总体情况”", "“存在的主要问题及改进情况”", "“其他需要报告的事项”"]
    assert {file for file, _ in errors} == {"content/reports/2023.yml"}

    path.write_text(text.replace("  待填写：", "  "), encoding="utf-8")
    assert not _errors(_findings(tree, tmp_path, "2024-07-01"))  # all zeros add up


def test_new_report_carries_on_from_last_year_and_counts_the_sites_documents(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    run_cli("--root", tree, "new", "report", "--today", "2024-03-01")  # 2023
    last = tree / "content/reports/2023.yml"
    text = last.read_text(encoding="utf-8").replace("  待填写：", "  ")
    zero = "{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}"
    text = (text.replace(f"本年新收:   {zero}", "本年新收:   {自然人: 3, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}")
            .replace(f"予以公开:   {zero}", "予以公开:   {自然人: 2, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}")
            .replace(f"结转下年度: {zero}", "结转下年度: {自然人: 1, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}")
            .replace("规章:           {本年制发: 0, 本年废止: 0, 现行有效: 0}", "规章:           {本年制发: 0, 本年废止: 0, 现行有效: 2}"))
    last.write_text(text, encoding="utf-8")

    result = run_cli("--root", tree, "new", "report", "--year", "2024", "--today", "2025-01-20")
    assert result.code == 0, result.text
    assert "行政规范性文件的本年制发、本年废止、现行有效件数按本站文件统计：本年制发 1、本年废止 0、现行有效 1" in result.out
    new = (tree / "content/reports/2024.yml").read_text(encoding="utf-8")
    carried = "{自然人: 1, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}"
    assert f"  上年结转:   {carried}  # 与 2023 年报告的“结转下年度”相同\n" in new
    assert f"  结转下年度: {carried}  # = 本年新收 + 上年结转 − 办理结果\n" in new
    assert "  规章:           {本年制发: 0, 本年废止: 0, 现行有效: 2}  # 现行有效取自 2023 年报告\n" in new
    assert "  行政规范性文件: {本年制发: 1, 本年废止: 0, 现行有效: 1}  # 按本站文件统计\n" in new  # cjf-2024-1
    assert "nianbao-2024.md 是 2024 年的手写年报页面" in result.out

    (tree / "content/reports/2024.yml").write_text(new.replace("  待填写：", "  "), encoding="utf-8")
    findings = _findings(tree, tmp_path, "2025-01-20")
    assert not _errors(findings)  # across years and against the documents, as derived
    assert {f["rule"] for f in findings if f["file"].startswith("content/reports")} == set()


def test_new_report_refuses_this_year_and_an_existing_report(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    now = run_cli("--root", tree, "new", "report", "--year", "2024", "--today", "2024-07-01")
    assert now.code == 1 and now.err.splitlines()[0] == (
        "--year（年份）：2024 年的年度报告要到 2025 年才能写 — 年度报告在次年公布；不写 --year 即为上一年（2023）")
    assert run_cli("--root", tree, "new", "report", "--today", "2024-07-01").code == 0
    again = run_cli("--root", tree, "new", "report", "--today", "2024-07-01")
    assert again.code == 1 and again.err.splitlines()[0] == (
        "已有 content/reports/2023.yml，没有改动它 — 打开它接着填写；要另写一年的报告用 --year")
    with pytest.raises(ScaffoldError, match="在该年度结束之前"):
        run(KINDS["report"], editing_context(tree, date(2024, 7, 1), None, print), {"年份": "2022", "发布日期": "2022-12-01"})


def test_new_decision_adds_to_a_catalogue_saved_as_yaml(tmp_path: Path) -> None:
    tree = copy_fixture("mini", tmp_path)
    run_cli("--root", tree, "new", "decision", "--name", "测试县校车管理办法", "--organ", "测试县教育局", "--today", "2024-07-01")
    (tree / DECISIONS).rename(tree / "content/decisions/2024.yaml")
    again = run_cli("--root", tree, "new", "decision", "--name", "测试县学前教育发展规划", "--organ", "测试县教育局",
                    "--today", "2024-07-01")
    assert again.code == 0 and "已加在目录末尾" in again.out, again.text
    assert [p.name for p in (tree / "content/decisions").iterdir()] == ["2024.yaml"]
