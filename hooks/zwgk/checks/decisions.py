"""Whether each major decision's 状态 still tells the truth on the day of the check: a call for
opinions that has closed, a plan whose time has passed. Warnings: they never stop a build.

A catalogue published after the check day is not judged (checking a past day, say).
"""

from __future__ import annotations

from datetime import date

from zwgk.base.problems import Problems
from zwgk.content.decisions import RESULT_STAGE
from zwgk.content.model import Decision, Project, cn_date

CONSULTING = "征求意见中"
DONE = "已完成"
ADJUSTED = "已调整"
_UNFINISHED = ("未启动", CONSULTING, "审议中")
RULE = "decisions.status"


def check_decisions(project: Project, problems: Problems, today: date) -> None:
    for catalogue in project.decisions:
        if catalogue.published > today:
            continue
        for decision in catalogue.decisions:
            for message, fix in _findings(decision, today):
                problems.warning(decision.source.file, decision.source.at("状态"), f"“{decision.name}”{message}", fix, RULE)


def _findings(decision: Decision, today: date) -> list[tuple[str, str]]:
    found = []
    call = decision.open_consultation(today)
    if decision.status == CONSULTING and call is None:
        found.append((f"的状态是“{CONSULTING}”，但 {today} 没有正在进行的征求意见",
                      "征求意见结束后把状态改为“审议中”等；正在征求意见的，在“征求意见”阶段写明“征集”的起止日期"))
    if call is not None and decision.status != CONSULTING:
        found.append((f"正在征求意见（截至{cn_date(call.end)}），但状态是“{decision.status}”", f"把状态改为“{CONSULTING}”"))
    if decision.status == DONE and not any(s.kind == RESULT_STAGE for s in decision.stages):
        found.append((f"的状态是“{DONE}”，但没有“{RESULT_STAGE.name}”阶段", "加一个“结果”阶段，链接公布决策结果的文件或页面"))
    if decision.status == ADJUSTED and not decision.note:
        found.append((f"的状态是“{ADJUSTED}”，但没有写明原因", "在这一事项下加一行 `说明: …`，写明调整的原因和去向"))
    if decision.status in _UNFINISHED and today > decision.planned.last_day:
        found.append((f"的计划完成时间{decision.planned.text}已过，状态仍是“{decision.status}”",
                      "按实际进展更新状态和阶段；计划有变的，把状态改为“已调整”并写明说明"))
    return found
