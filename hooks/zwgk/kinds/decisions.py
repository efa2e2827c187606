"""`build.py new decision`: one more item in the year's catalogue of major decisions
(content/decisions/<年份>.yml), the file made when the year has none.

Asked: 事项名称, 承办单位, 计划完成时间, 状态. Derived: the year (this year), the catalogue's 发布日期
(today, for a new file) and the item's 编号 from its name: the initials of the subject and the
genre spelled out, as the demo writes them (城区公共停车设施专项规划 → cqgg-guihua), made unique.
"""

from __future__ import annotations

import re
from pathlib import Path

from zwgk.base import docnumber, vocab
from zwgk.content import decisions, schemas
from zwgk.content.model import DecisionCatalogue
from zwgk.content.reader import Reader
from zwgk.kinds.kind import ContentKind, Loaded
from zwgk.kinds.scaffold import (
    Context,
    Field,
    Form,
    ScaffoldError,
    Values,
    append_entry,
    check_text,
    existing_text,
    free_name,
    listed_entries,
    replace_file,
    schema_comment,
    write_new,
    yaml_lines,
    year_schema,
    yearly_file,
)

ITEM_ORDER = ["编号", "事项名称", "承办单位", "计划完成时间", "状态"]
# What a decision is, at the end of its name: spelled out in the 编号 (…-guihua, …-banfa).
_GENRES = ("实施细则", "实施方案", "实施意见", "规划", "办法", "方案", "意见", "规定", "细则", "政策", "标准", "计划", "措施",
           "决定", "条例")
_NOISE = re.compile(r"（[^）]*）|\([^)]*\)|[“”\"《》〈〉「」\d０-９年]")


def _codes(text: str | None, path: Path, ctx: Context) -> list[str]:
    """编号 already used in the year's catalogue."""
    return [str(i.get("编号")) for i in listed_entries(text, path, ctx, "事项")]


def _county(ctx: Context) -> str:
    """示例县 of 示例县人民政府: names start with it and it says nothing in a 编号."""
    name = ctx.project.site.name if ctx.project else ""
    match = re.match(r"^.+?[县市区旗]", name)
    return match[0] if match else ""


def decision_code(name: str, county: str = "") -> str:
    """示例县城区公共停车设施专项规划（2026—2035年） → cqgg-guihua; no known genre: the first 8 initials."""
    subject = _NOISE.sub("", name.removeprefix(county) if county else name).strip()
    genre = next((g for g in _GENRES if subject.endswith(g) and len(subject) > len(g)), None)
    if genre:
        code = f"{docnumber.initials(subject.removesuffix(genre), 4)}-{docnumber.spelled(genre)}".strip("-")
    else:
        code = docnumber.initials(subject, 8)
    return code if re.fullmatch(schemas.CODE_PATTERN, code) and code != "index" else "jc"


def _not_reserved(ctx: Context, code: str) -> str | None:
    """The pattern is the schema's; uniqueness is checked against the year's file when it is written."""
    return "编号“index”是系统保留的名字 — 换一个编号，例如 tcss-guihua" if code == "index" else None


def _planned_exists(ctx: Context, text: str) -> str | None:
    if decisions.parse_planned(text) is None:
        return f"“计划完成时间”{text} 这个时间不存在 — 写成 2026年12月、2026-12-31 或 2026年"
    return None


def _create(ctx: Context, values: Values, slug: str | None) -> Path:
    year = values["年份"]
    path = yearly_file(ctx.root, decisions.FOLDER, year)
    text = existing_text(ctx, path)
    taken = _codes(text, path, ctx)
    item = {k: v for k, v in values.items() if k in ITEM_ORDER}
    if "编号" in item:
        if item["编号"] in taken:
            raise ScaffoldError(f"编号“{item['编号']}”在 {ctx.rel(path)} 中已被使用 — 换一个没有用过的编号，或不写由系统生成")
    else:
        item["编号"] = free_name(lambda c: c in taken, decision_code(item["事项名称"], _county(ctx)))
    def entry(indent: str) -> list[str]:
        lines = yaml_lines(item, ITEM_ORDER, indent + "  ")
        return [indent + "- " + lines[0].lstrip(), *lines[1:]]

    if text is None:
        new_text = "\n".join([schema_comment("decisions", path), f"发布日期: {ctx.today.isoformat()}  # 目录公布的日期",
                              "事项:", *entry("  ")]) + "\n"
    else:
        new_text = append_entry(ctx, path, text, "事项", entry)
    check_text(ctx, path, new_text, schemas.DECISIONS, first_line=1)
    if text is None:
        write_new(ctx, path, new_text)
    else:
        replace_file(path, new_text)
    ctx.say(f"编号 {item['编号']}（决策页面的网址，公布后不要再改；可用 --code 指定）"
            + ("，已加在目录末尾" if text is not None else f"，新建了 {year} 年的目录，发布日期为今天"))
    return path


DECISION = Form(
    "decision", "在重大行政决策事项目录中新增一个事项（content/decisions/<年份>.yml，没有则新建）", schemas.DECISION,
    (
        Field("年份", "year", required=True, default=lambda c, v: str(c.today.year), asked=False, schema=year_schema("目录的年份，默认今年")),
        Field("事项名称", "name", required=True),
        Field("编号", "code", asked=False, check=_not_reserved),
        Field("承办单位", "organ", required=True),
        Field("计划完成时间", "planned", required=True, default=lambda c, v: f"{v.get('年份', c.today.year)}年12月",
              check=_planned_exists),
        Field("状态", "status", required=True, default=lambda c, v: vocab.DECISION_STATUSES[0]),
    ),
    _create,
    "下一步：每个阶段的材料（征求意见稿、起草说明、意见采纳情况、审议、结果）发布后，在这一事项下加“阶段”并更新“状态”"
    "（写法见 docs/编辑手册.md），运行 {check} 检查。",
    slug_help=None,
)


def load_decisions(reader: Reader, loaded: Loaded) -> list[DecisionCatalogue]:
    return decisions.load_all(reader.root, reader.problems, loaded["documents"], loaded["pages"], reader.unloaded.documents)


DECISIONS_KIND = ContentKind(
    "decisions", ("content/decisions/*.yml",), schemas.DECISIONS, DecisionCatalogue,
    "重大行政决策事项目录，一年一个文件 content/decisions/<年份>.yml；每个事项的各阶段链接到已发布的文件或页面。",
    load=load_decisions, field="decisions", forms=(DECISION,),
)
