"""Catalogue tables in the layouts counties keep them in, written by the tests (openpyxl, python-docx)."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

TITLE = "示例县{domain}领域基层政务公开标准目录"
HEAD = ["序号", "公开事项", None, "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
        "公开对象", None, "公开方式", None, "公开层级", None]
SUB = [None, "一级事项", "二级事项", None, None, None, None, None, "全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
# 序号, 一级, 二级, 内容, 依据, 时限, 主体, 渠道, 全社会, 特定群体, 主动, 依申请, 县级, 乡级
ROWS = [
    ["1", "政策文件", "预决算公开制度", "预决算公开的规范性文件及解读",
     "【法律】《中华人民共和国预算法》\n【行政法规】《中华人民共和国政府信息公开条例》",
     "信息形成或者变更之日起20个工作日内", "示例县财政局", "■政府网站 □政府公报 ■公开查阅点", "√", "", "√", "", "√", ""],
    ["2", "政府预算", "县级政府预算", "一般公共预算、政府性基金预算报表及说明", "【法律】《中华人民共和国预算法》",
     "经本级人民代表大会批准后20日内", "示例县财政局", "政府网站、政务新媒体", "√", "", "√", "", "√", ""],
    ["3", None, "乡镇预算", "乡镇一般公共预算报表", "【法律】《中华人民共和国预算法》",
     "经乡镇人民代表大会批准后20日内", "各乡镇人民政府", "政府网站\n社区/村公示栏（电子屏）", "√", "", "√", "", "", "√"],
    [None] * 14,
    ["4", "部门预算", "部门预算明细", "部门收支预算明细", "【法律】《中华人民共和国预算法》",
     "财政部门批复后20日内", "各预算部门", "政府网站", "", "√", "", "√", "√", ""],
]
NOTE = "注：“公开渠道和载体”中 ■ 为已采用的渠道。"


def workbook(path: Path, sheets: dict[str, list[list]] | None = None, domain: str = "财政预决算") -> Path:
    """A workbook with one sheet per domain: title row, two-row header with merged spans, merged 一级事项
    down rows 2–3 of the items, a spacer row and a footnote under the table."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in (sheets or {domain: ROWS}).items():
        sheet = book.create_sheet(name)
        sheet.append([TITLE.format(domain=name)] + [None] * 13)
        sheet.merge_cells("A1:N1")
        sheet.append(HEAD)
        sheet.append(SUB)
        for merged in ("A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:L2", "M2:N2"):
            sheet.merge_cells(merged)
        for row in rows:
            sheet.append(row)
        for number, row in enumerate(rows, start=4):  # an 一级事项 left blank is merged with the one above (政府预算)
            if row[1] is None and any(row):
                sheet.merge_cells(f"B{number - 1}:B{number}")
        sheet.append([NOTE] + [None] * 13)
        sheet.merge_cells(f"A{sheet.max_row}:N{sheet.max_row}")
    book.save(path)
    return path


def word_table(path: Path, rows: list[list] = ROWS, domain: str = "财政预决算") -> Path:
    """The same table in a Word file, under a title paragraph, with the same merged cells."""
    document = docx.Document()
    document.add_paragraph(TITLE.format(domain=domain))
    table = document.add_table(rows=2 + len(rows), cols=14)
    for r, values in enumerate([HEAD, SUB, *rows]):
        for c, value in enumerate(values):
            if value is not None:
                table.cell(r, c).text = value
    for (r1, c1), (r2, c2) in [((0, 0), (1, 0)), ((0, 1), (0, 2)), ((0, 8), (0, 9)), ((0, 10), (0, 11)),
                               ((0, 12), (0, 13)), ((0, 3), (1, 3)), ((3, 1), (4, 1))]:
        keep = table.cell(r1, c1).text
        merged = table.cell(r1, c1).merge(table.cell(r2, c2))
        merged.text = keep
    document.add_paragraph(NOTE)
    document.save(str(path))
    return path
