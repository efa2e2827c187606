"""The migration report: migration/report.json (figures and every line) and report.html (the same,
for a person: Jinja2 with autoescape, no script, no outside request), and the summary printed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, select_autoescape

from zwgk.legacy.columns import Column
from zwgk.legacy.fields import GUESS
from zwgk.legacy.plan import DOCUMENT, Plan
from zwgk.legacy.scan import Scan
from zwgk.legacy.write import Written

FIELDS = ("标题", "索引号", "文号", "发文机关", "成文日期", "发布日期", "主题分类", "有效性")
JSON_FILE = Path("migration") / "report.json"
HTML_FILE = Path("migration") / "report.html"


@dataclass
class Report:
    mirror: str
    pages_read: int
    encodings: dict[str, int]
    scan: Scan
    plan: Plan
    written: Written
    pinned: int
    redirects: int
    redirect_files: list[str] = field(default_factory=list)
    mapping: dict[str, Column] = field(default_factory=dict)
    audit: tuple[int, str] = (0, "")  # problems the audit of the old site found, and its report

    def data(self) -> dict:
        items = self.plan.items
        documents = [i for i in items if i.kind == DOCUMENT]
        found = {key: {"找到": 0, "推测": 0, "没有": 0} for key in FIELDS}
        for item in documents:
            for key in FIELDS:
                value = item.record.fields.get(key)
                found[key]["没有" if value is None else "推测" if value.source == GUESS else "找到"] += 1
        skipped = sorted(self.plan.skipped + self.scan.skipped, key=lambda s: s.url)
        reasons: dict[str, int] = {}
        for s in skipped:
            reason = s.why.split("（", 1)[0]
            reasons[reason] = reasons.get(reason, 0) + 1
        return {
            "镜像": self.mirror,
            "数字": {"读取网页": self.pages_read, "写出政策文件": len(documents),
                   "写出政策解读": len(items) - len(documents), "未找到原文的解读": len(self.plan.unlinked),
                   "跳过的网页": len(skipped), "复制附件": self.written.attachments, "推测的值": len(self.written.guesses),
                   "固定的索引号": self.pinned, "旧网址跳转": self.redirects, "编辑改过未覆盖": self.written.kept,
                   "删除上次迁移的文件": self.written.removed},
            "编码": self.encodings,
            "各项找到情况": found,
            "跳过原因": reasons,
            "跳过的网页": [{"网址": s.url, "原因": s.why, "怎么办": s.fix} for s in skipped],
            "推测": [{"文件": f, "项目": k, "原因": why} for f, k, why in self.written.guesses],
            "没有找到的项": [{"文件": f, "项目": k, "说明": why} for f, k, why in self.written.missing],
            "问题": [{"文件": line.file, "问题": line.problem, "怎么办": line.fix} for line in self.written.lines],
            "栏目": [{"栏目": c.path, "名称": c.name, "页数": c.pages, "归入": c.target, "推测": c.guessed}
                   for c in sorted(self.mapping.values(), key=lambda c: c.path)],
            "文件": [{"文件": f"content/{i.rel}", "旧网址": i.record.urls, "新网页": i.page,
                    **({"原文": i.originals, "原文找法": i.linked_by} if i.kind != DOCUMENT else {})} for i in items],
            "跳转配置": self.redirect_files,
            "旧网站检查": {"问题": self.audit[0], "报告": self.audit[1]},
        }


_TEMPLATE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>旧网站迁移报告</title>
<style>body{font-family:sans-serif;max-width:70em;margin:1em auto;padding:0 1em;line-height:1.6}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.25em .5em;
text-align:left;vertical-align:top;word-break:break-all}th{background:#eee}.n{text-align:right}
table.figures{width:auto;min-width:20em}</style></head>
<body><h1>旧网站迁移报告</h1><p>镜像：{{ d["镜像"] }}</p>
<p>迁移前对旧网站的检查：{{ d["旧网站检查"]["问题"] }} 个问题，见 <a href="{{ d["旧网站检查"]["报告"]|replace("migration/", "", 1) }}">{{ d["旧网站检查"]["报告"] }}</a></p>
<h2>数字</h2><table class="figures">{% for k, v in d["数字"].items() %}<tr><th>{{ k }}</th><td class="n">{{ v }}</td></tr>{% endfor %}
{% for k, v in d["编码"].items() %}<tr><th>{{ k }} 编码的网页</th><td class="n">{{ v }}</td></tr>{% endfor %}</table>
<h2>各项找到情况（政策文件）</h2><table><tr><th>项目</th><th>旧网页写明</th><th>推测</th><th>没有</th></tr>
{% for k, v in d["各项找到情况"].items() %}<tr><td>{{ k }}</td><td class="n">{{ v["找到"] }}</td>
<td class="n">{{ v["推测"] }}</td><td class="n">{{ v["没有"] }}</td></tr>{% endfor %}</table>
<h2>要处理的问题（{{ d["问题"]|length }}）</h2><table><tr><th>文件</th><th>问题</th><th>怎么办</th></tr>
{% for p in d["问题"] %}<tr><td>{{ p["文件"] }}</td><td>{{ p["问题"] }}</td><td>{{ p["怎么办"] }}</td></tr>{% endfor %}</table>
<h2>推测的值（{{ d["推测"]|length }}）：核对后删掉文件中这一行的“# 迁移推测”注释</h2>
<table><tr><th>文件</th><th>项目</th><th>原因</th></tr>
{% for g in d["推测"] %}<tr><td>{{ g["文件"] }}</td><td>{{ g["项目"] }}</td><td>{{ g["原因"] }}</td></tr>{% endfor %}</table>
<h2>没有找到的项（{{ d["没有找到的项"]|length }}）</h2><table><tr><th>文件</th><th>项目</th><th>说明</th></tr>
{% for g in d["没有找到的项"] %}<tr><td>{{ g["文件"] }}</td><td>{{ g["项目"] }}</td><td>{{ g["说明"] }}</td></tr>{% endfor %}
</table>
<h2>栏目对照（migration/columns.yml）</h2><table><tr><th>栏目</th><th>名称</th><th>页数</th><th>归入</th></tr>
{% for c in d["栏目"] %}<tr><td>{{ c["栏目"] }}</td><td>{{ c["名称"] }}</td><td class="n">{{ c["页数"] }}</td>
<td>{{ c["归入"] }}{% if c["推测"] %}（推测）{% endif %}</td></tr>{% endfor %}</table>
<h2>跳过的网页（{{ d["跳过的网页"]|length }}）</h2><table><tr><th>旧网址</th><th>原因</th><th>怎么办</th></tr>
{% for s in d["跳过的网页"] %}<tr><td>{{ s["网址"] }}</td><td>{{ s["原因"] }}</td><td>{{ s["怎么办"] }}</td></tr>{% endfor %}
</table><h2>写出的文件（{{ d["文件"]|length }}）</h2><table><tr><th>文件</th><th>旧网址</th><th>新网页</th></tr>
{% for f in d["文件"] %}<tr><td>{{ f["文件"] }}</td><td>{{ f["旧网址"]|join("\n") }}</td><td>{{ f["新网页"] }}</td></tr>
{% endfor %}</table><p>跳转配置：{{ d["跳转配置"]|join("、") }}</p></body></html>
"""


def write(root: Path, report: Report) -> None:
    data = report.data()
    (root / JSON_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / JSON_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    (root / HTML_FILE).write_text(env.from_string(_TEMPLATE).render(d=data), encoding="utf-8")


def summary(report: Report) -> str:
    figures = report.data()["数字"]
    lines = ["迁移完成：" + "，".join(f"{k} {v}" for k, v in figures.items() if v or k in ("写出政策文件", "读取网页"))]
    lines += [f"  {line.file}: {line.problem} — {line.fix}" for line in report.written.lines[:20]]
    if len(report.written.lines) > 20:
        lines.append(f"  …… 共 {len(report.written.lines)} 条，全部见报告")
    lines.append(f"旧网站检查：{report.audit[0]} 个问题，报告 {report.audit[1]}")
    lines.append(f"报告：{HTML_FILE}（{JSON_FILE}）；栏目对照表：migration/columns.yml，改后可重新运行")
    return "\n".join(lines)
