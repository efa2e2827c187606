#!/usr/bin/env python3
"""生成演示站点（示例县）文件所引用的附件：PDF、XLSX、TXT。

只用 Python 标准库；输出是确定的（不写时间戳，ZIP 条目日期固定），
重复运行得到逐字节相同的文件。所有内容均为虚构的演示数据。

用法（在仓库根目录）：
    python3 tools/make_demo_attachments.py            # 写入 content/attachments/
    python3 tools/make_demo_attachments.py --check    # 只比较，不一致时返回 1

PDF 采用 PDF 阅读器内置的 CJK 字体 STSong-Light（编码 UniGB-UCS2-H），
文字以 UTF-16BE 十六进制串写入，不嵌入字体文件。
XLSX 是最小的 SpreadsheetML 包（共享字符串 + 一个工作表），条目不压缩。
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "attachments"

ZIP_DATE = (2024, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- PDF

PAGE_W, PAGE_H = 595, 842  # A4, pt
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72, 80, 72


def _hex(text: str) -> str:
    """UTF-16BE hex string for UniGB-UCS2-H (BMP characters only)."""
    for ch in text:
        if ord(ch) > 0xFFFF:
            raise ValueError(f"字符超出 BMP：{ch!r}")
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _width(text: str, size: float) -> float:
    """Approximate advance width: ASCII half-width (W 1..95 = 500), others full width."""
    return sum(0.5 if ord(ch) < 0x7F else 1.0 for ch in text) * size


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines, cur = [], ""
    for ch in text:
        if cur and _width(cur + ch, size) > width:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    lines.append(cur)
    return lines


def make_pdf(title: str, paragraphs: list[str], footer: str = "") -> bytes:
    """A small multi-page PDF: a centred title and wrapped body paragraphs."""
    body_size, title_size, leading = 11.0, 16.0, 19.0
    usable = PAGE_W - 2 * MARGIN_X

    # Lay out lines: (size, x, text); None marks a page break.
    laid: list[tuple[float, float, str]] = []
    for line in _wrap(title, title_size, usable):
        laid.append((title_size, (PAGE_W - _width(line, title_size)) / 2, line))
    laid.append((body_size, MARGIN_X, ""))
    for para in paragraphs:
        for line in _wrap(para, body_size, usable):
            laid.append((body_size, MARGIN_X, line))
    if footer:
        laid.append((body_size, MARGIN_X, ""))
        laid.append((body_size, PAGE_W - MARGIN_X - _width(footer, body_size), footer))

    per_page = int((PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) // leading)
    pages = [laid[i:i + per_page] for i in range(0, len(laid), per_page)] or [[]]

    streams = []
    for number, page in enumerate(pages, 1):
        ops = []
        y = PAGE_H - MARGIN_TOP
        for size, x, text in page:
            if text:
                ops.append(f"BT /F1 {size:g} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm {_hex(text)} Tj ET")
            y -= leading
        if len(pages) > 1:
            mark = f"- {number} -"
            ops.append(f"BT /F1 9 Tf 1 0 0 1 {(PAGE_W - _width(mark, 9)) / 2:.2f} 40 Tm {_hex(mark)} Tj ET")
        streams.append("\n".join(ops).encode("ascii"))

    # Objects: 1 catalog, 2 pages, 3 Type0 font, 4 CIDFont, 5 descriptor, 6 info,
    # then for each page: page object, content stream.
    n_fixed = 6
    page_ids = [n_fixed + 1 + 2 * i for i in range(len(pages))]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: ("<< /Type /Pages /Kids [" + " ".join(f"{p} 0 R" for p in page_ids)
            + f"] /Count {len(pages)} >>").encode("ascii"),
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
           b" /DescendantFonts [4 0 R] >>",
        4: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
           b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>"
           b" /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>",
        5: b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
           b" /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120"
           b" /CapHeight 880 /StemV 93 >>",
        6: ("<< /Title <FEFF" + title.encode("utf-16-be").hex().upper()
            + "> /Producer (make_demo_attachments.py) >>").encode("ascii"),
    }
    for pid, stream in zip(page_ids, streams):
        objects[pid] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}]"
                        f" /Resources << /Font << /F1 3 0 R >> >> /Contents {pid + 1} 0 R >>").encode("ascii")
        objects[pid + 1] = (f"<< /Length {len(stream)} >>\nstream\n").encode("ascii") + stream + b"\nendstream"

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = out.tell()
        out.write(f"{num} 0 obj\n".encode("ascii") + objects[num] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(f"xref\n0 {size}\n".encode("ascii"))
    out.write(b"0000000000 65535 f \n")
    for num in range(1, size):
        out.write(f"{offsets[num]:010d} 00000 n \n".encode("ascii"))
    out.write(f"trailer\n<< /Size {size} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii"))
    return out.getvalue()


# -------------------------------------------------------------------------- XLSX

def _col(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def make_xlsx(sheet_name: str, rows: list[list[object]], widths: list[int] | None = None,
              title_rows: int = 1) -> bytes:
    """One worksheet; strings go to sharedStrings, ints/floats stay numbers.

    The first ``title_rows`` rows are bold (style 1).
    """
    strings: list[str] = []
    index: dict[str, int] = {}

    def sid(text: str) -> int:
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet_rows = []
    for r, row in enumerate(rows, 1):
        cells = []
        style = ' s="1"' if r <= title_rows else ""
        for c, value in enumerate(row):
            ref = f"{_col(c)}{r}"
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                raise TypeError("布尔值不用于演示表格")
            if isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{style} t="s"><v>{sid(str(value))}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    cols = ""
    if widths:
        cols = "<cols>" + "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1)
        ) + "</cols>"
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<worksheet xmlns="{ns}" xmlns:r="{rel_ns}">{cols}<sheetData>{"".join(sheet_rows)}</sheetData></worksheet>')
    shared = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="{ns}" count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<workbook xmlns="{ns}" xmlns:r="{rel_ns}"><sheets>'
                f'<sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<styleSheet xmlns="{ns}">'
              '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font>'
              '<font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill>'
              '<fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
              '</styleSheet>')
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>')
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>')
    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", root_rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", shared),
        ("xl/styles.xml", styles),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def make_txt(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# ------------------------------------------------------------------------ content

TOWNS = ["城关镇", "东山镇", "西河乡", "南岭乡", "北坪镇", "青石镇", "柳溪乡"]


def elderly_list_pdf() -> bytes:
    items = [
        ("1", "高龄津贴", "80周岁及以上本县户籍老年人", "按季度发放，80-89周岁每人每月30元，90-99周岁每人每月80元，100周岁及以上每人每月300元", "县民政局、县财政局"),
        ("2", "经济困难老年人养老服务补贴", "低保、低保边缘家庭中60周岁及以上老年人", "每人每月100元，失能的每人每月200元", "县民政局"),
        ("3", "特困老年人供养服务", "符合条件的特困老年人", "集中供养或分散供养，提供基本生活、照料服务、疾病治疗、办理丧葬事宜", "县民政局、各乡镇人民政府"),
        ("4", "探访关爱服务", "独居、空巢、留守、失能、重残、计划生育特殊家庭老年人", "每月至少探访1次，了解生活状况，及时协调解决困难", "各乡镇人民政府、村（居）民委员会"),
        ("5", "老年人健康管理", "65周岁及以上常住老年人", "每年1次免费健康体检、生活方式和健康状况评估、健康指导", "县卫生健康局"),
        ("6", "老年人优待服务", "60周岁及以上老年人", "公园、博物馆免费开放；65周岁及以上老年人免费乘坐县内公交车", "县文化和旅游局、县交通运输局"),
        ("7", "适老化改造", "特殊困难老年人家庭", "对居家环境进行防滑、扶手、照明等基础改造，每户补助不超过3000元", "县民政局"),
        ("8", "老年人能力评估", "申请享受养老服务补贴或入住公办养老机构的老年人", "免费开展能力评估，评估结果作为服务提供依据", "县民政局"),
    ]
    paras = ["说明：本清单所列服务项目为示例县基本养老服务项目，根据经济社会发展水平动态调整。具体办理可咨询户籍所在乡镇人民政府民政办或县民政局，咨询电话：0000-0000000。", ""]
    for num, name, who, what, dept in items:
        paras.append(f"{num}. {name}")
        paras.append(f"    服务对象：{who}")
        paras.append(f"    服务内容和标准：{what}")
        paras.append(f"    责任单位：{dept}")
    return make_pdf("示例县基本养老服务清单（2023年版）", paras, "示例县人民政府　2023年5月")


def school_fee_pdf() -> bytes:
    paras = [
        "一、免收项目",
        "义务教育阶段公办学校学生免交学费、杂费，免费提供国家课程教科书。任何学校不得以任何名义向学生收取择校费、赞助费、借读费。",
        "二、服务性收费（学生自愿选择）",
        "1. 寄宿生住宿费：每生每学期不超过200元。",
        "2. 课后服务费：每生每学期不超过300元，家庭经济困难学生免收。",
        "3. 学生伙食费：按照非营利原则据实收取，每学期公布收支情况。",
        "三、代收费（学生自愿选择，据实结算，多退少补）",
        "1. 作业本费：每生每学期不超过20元。",
        "2. 校服费：按照招标价格收取，不得强制购买。",
        "3. 研学实践活动费用：按实际发生费用收取，不得强制参加。",
        "四、公示和监督",
        "各学校应在校门口显著位置和家长群公示收费项目、标准、依据和举报电话。学生和家长对收费有疑问的，可向县教育局或县市场监督管理局反映。",
        "县教育局监督电话：0000-0000000",
        "县市场监督管理局价格举报电话：12315",
    ]
    return make_pdf("示例县义务教育阶段学校收费项目和标准（2024—2025学年）", paras, "示例县教育局　2024年8月")


def budget_2025_pdf() -> bytes:
    paras = [
        "一、一般公共预算",
        "2025年县级一般公共预算收入安排89800万元，比上年预算增长3.8%，其中税收收入60500万元，非税收入29300万元。加上上级补助收入、债务转贷收入和上年结转，收入总计331500万元。",
        "一般公共预算支出安排331500万元。其中：教育支出69800万元，社会保障和就业支出54100万元，卫生健康支出37600万元，农林水支出59200万元。",
        "二、政府性基金预算",
        "2025年政府性基金预算收入安排42000万元，支出安排42000万元，主要用于城乡社区建设和专项债券付息。",
        "三、国有资本经营预算",
        "2025年国有资本经营预算收入安排360万元，支出安排360万元。",
        "四、“三公”经费预算",
        "2025年县级“三公”经费财政拨款预算486.3万元，比上年减少3.1%。其中：因公出国（境）费0万元；公务用车购置及运行费328.6万元（购置费0万元，运行费328.6万元）；公务接待费157.7万元。减少的主要原因是严格落实过紧日子要求，压减公务接待和公务用车运行支出。",
        "五、政府债务",
        "2025年全县政府债务限额402000万元。截至2024年底，全县政府债务余额373800万元，在限额以内。",
        "六、其他说明",
        "部门预算由各预算部门在本部门网站或本网站“财政预决算”栏目公开。如对预算公开内容有疑问，请联系县财政局预算股，电话0000-0000000。",
    ]
    return make_pdf("示例县2025年县级预算公开说明", paras, "示例县财政局　2025年1月")


def school_zones_xlsx() -> bytes:
    rows: list[list[object]] = [
        ["示例县2024年义务教育学校招生划片范围和招生计划"],
        ["序号", "学校名称", "学段", "划片范围", "计划班数", "计划人数", "咨询电话"],
        [1, "示例县第一小学", "小学", "城关镇人民路以东、文化路以北区域", 6, 270, "0000-0000101"],
        [2, "示例县第二小学", "小学", "城关镇人民路以西、文化路以北区域", 5, 225, "0000-0000102"],
        [3, "示例县实验小学", "小学", "城关镇文化路以南区域", 6, 270, "0000-0000103"],
        [4, "示例县第一初级中学", "初中", "示例县第一小学、示例县第二小学对口片区", 8, 400, "0000-0000104"],
        [5, "示例县第二初级中学", "初中", "示例县实验小学对口片区及城关镇所辖各村", 7, 350, "0000-0000105"],
        [6, "东山镇中心小学", "小学", "东山镇全域", 3, 120, "0000-0000106"],
        [7, "东山镇初级中学", "初中", "东山镇全域", 3, 150, "0000-0000107"],
        [8, "西河乡中心小学", "小学", "西河乡全域", 2, 80, "0000-0000108"],
        [9, "南岭乡九年一贯制学校", "小学、初中", "南岭乡全域", 4, 160, "0000-0000109"],
        [10, "北坪镇中心小学", "小学", "北坪镇全域", 3, 110, "0000-0000110"],
        [11, "北坪镇初级中学", "初中", "北坪镇、柳溪乡全域", 4, 180, "0000-0000111"],
        [12, "青石镇中心小学", "小学", "青石镇全域", 2, 90, "0000-0000112"],
        [13, "柳溪乡中心小学", "小学", "柳溪乡全域", 2, 70, "0000-0000113"],
        ["", "合计", "", "", 55, 2475, ""],
    ]
    return make_xlsx("划片范围", rows, [6, 24, 10, 44, 10, 10, 16], title_rows=2)


def schools_2025_xlsx() -> bytes:
    schools = [
        ("示例县第一小学", "小学", "公办", "城关镇人民路12号", 1480),
        ("示例县第二小学", "小学", "公办", "城关镇西街8号", 1260),
        ("示例县实验小学", "小学", "公办", "城关镇文化路66号", 1530),
        ("示例县第一初级中学", "初中", "公办", "城关镇学府路1号", 1950),
        ("示例县第二初级中学", "初中", "公办", "城关镇南环路20号", 1720),
        ("东山镇中心小学", "小学", "公办", "东山镇东山街3号", 690),
        ("东山镇初级中学", "初中", "公办", "东山镇东山街15号", 460),
        ("西河乡中心小学", "小学", "公办", "西河乡河西村", 410),
        ("南岭乡九年一贯制学校", "九年一贯制", "公办", "南岭乡岭南街2号", 620),
        ("北坪镇中心小学", "小学", "公办", "北坪镇坪中路5号", 580),
        ("北坪镇初级中学", "初中", "公办", "北坪镇坪中路9号", 520),
        ("青石镇中心小学", "小学", "公办", "青石镇石桥街1号", 450),
        ("柳溪乡中心小学", "小学", "公办", "柳溪乡溪口村", 330),
        ("示例县育才学校", "九年一贯制", "民办", "城关镇北环路88号", 860),
    ]
    rows: list[list[object]] = [
        ["示例县2025年义务教育学校名录"],
        ["序号", "学校名称", "学段", "办学性质", "办学地址", "在校生数（人）", "联系电话"],
    ]
    for i, (name, stage, kind, addr, n) in enumerate(schools, 1):
        rows.append([i, name, stage, kind, addr, n, f"0000-0000{100 + i:03d}"])
    rows.append(["", "合计", "", "", "", sum(s[4] for s in schools), ""])
    return make_xlsx("学校名录", rows, [6, 24, 12, 10, 24, 14, 16], title_rows=2)


BUDGET_2024_EXPENDITURE = [
    ("一般公共服务支出", 28650), ("公共安全支出", 12380), ("教育支出", 68420),
    ("科学技术支出", 2150), ("文化旅游体育与传媒支出", 4260), ("社会保障和就业支出", 52370),
    ("卫生健康支出", 36890), ("节能环保支出", 8420), ("城乡社区支出", 21560),
    ("农林水支出", 58740), ("交通运输支出", 9830), ("住房保障支出", 7260),
    ("债务付息支出", 5600), ("其他支出", 10270),
]
BUDGET_2024_REVENUE = [
    ("税收收入", 58200), ("非税收入", 28300), ("上级补助收入", 218600),
    ("债务转贷收入", 15000), ("上年结转", 6700),
]


def budget_2024_xlsx() -> bytes:
    rev_total = sum(v for _, v in BUDGET_2024_REVENUE)
    exp_total = sum(v for _, v in BUDGET_2024_EXPENDITURE)
    assert rev_total == exp_total == 326800, (rev_total, exp_total)
    rows: list[list[object]] = [
        ["示例县2024年县级一般公共预算收支表（单位：万元）"],
        ["收入项目", "预算数", "支出项目", "预算数"],
    ]
    n = max(len(BUDGET_2024_REVENUE), len(BUDGET_2024_EXPENDITURE))
    for i in range(n):
        r = BUDGET_2024_REVENUE[i] if i < len(BUDGET_2024_REVENUE) else ("", "")
        e = BUDGET_2024_EXPENDITURE[i] if i < len(BUDGET_2024_EXPENDITURE) else ("", "")
        rows.append([r[0], r[1], e[0], e[1]])
    rows.append(["收入总计", rev_total, "支出总计", exp_total])
    return make_xlsx("一般公共预算", rows, [20, 12, 26, 12], title_rows=2)


def clinics_xlsx() -> bytes:
    clinics = [
        ("示例县人民医院", "二级甲等综合医院", "城关镇人民路30号", "内科、外科、妇产科、儿科、急诊医学科、医学影像科等"),
        ("示例县中医医院", "二级甲等中医医院", "城关镇健康路6号", "中医科、针灸科、推拿科、内科、外科等"),
        ("示例县妇幼保健院", "妇幼保健院", "城关镇文化路40号", "妇科、产科、儿科、儿童保健科、妇女保健科"),
        ("示例县城关社区卫生服务中心", "社区卫生服务中心", "城关镇西街21号", "全科医疗科、预防保健科、中医科"),
        ("东山镇中心卫生院", "乡镇卫生院", "东山镇东山街30号", "内科、外科、妇科、中医科、预防保健科"),
        ("西河乡卫生院", "乡镇卫生院", "西河乡河西村", "全科医疗科、中医科、预防保健科"),
        ("南岭乡卫生院", "乡镇卫生院", "南岭乡岭南街10号", "全科医疗科、中医科、预防保健科"),
        ("北坪镇卫生院", "乡镇卫生院", "北坪镇坪中路18号", "内科、外科、中医科、预防保健科"),
        ("青石镇卫生院", "乡镇卫生院", "青石镇石桥街12号", "全科医疗科、中医科、预防保健科"),
        ("柳溪乡卫生院", "乡镇卫生院", "柳溪乡溪口村", "全科医疗科、预防保健科"),
    ]
    rows: list[list[object]] = [
        ["示例县医疗机构名录（公立医疗机构，截至2024年6月30日）"],
        ["序号", "机构名称", "机构类别", "地址", "主要诊疗科目", "联系电话"],
    ]
    for i, (name, kind, addr, subj) in enumerate(clinics, 1):
        rows.append([i, name, kind, addr, subj, f"0000-0000{200 + i:03d}"])
    return make_xlsx("医疗机构", rows, [6, 28, 18, 24, 50, 16], title_rows=2)


def dibao_check_xlsx() -> bytes:
    # 不予公开文件的附件：只有汇总数字，不含任何个人信息。
    data = [(412, 395), (268, 259), (175, 170), (203, 196), (236, 228), (188, 181), (142, 139)]
    rows: list[list[object]] = [
        ["2024年第三季度低保家庭经济状况核对情况汇总表"],
        ["乡镇", "核对户数", "符合条件户数", "不符合条件户数", "主要原因"],
    ]
    for town, (checked, ok) in zip(TOWNS, data):
        rows.append([town, checked, ok, checked - ok, "家庭成员名下有机动车辆或经营性收入超标"])
    rows.append(["合计", sum(c for c, _ in data), sum(o for _, o in data),
                 sum(c - o for c, o in data), ""])
    return make_xlsx("核对汇总", rows, [12, 12, 14, 16, 40], title_rows=2)


def training_xlsx() -> bytes:
    plan = [
        ("养老护理员", "初级（五级）", 120, 3, "示例县职业技能培训中心", 1200),
        ("家政服务员", "初级（五级）", 150, 4, "示例县职业技能培训中心", 1000),
        ("中式烹调师", "初级（五级）", 90, 2, "示例县职业中等专业学校", 1200),
        ("电工", "中级（四级）", 60, 2, "示例县职业中等专业学校", 1600),
        ("焊工", "初级（五级）", 60, 2, "示例县职业中等专业学校", 1400),
        ("互联网营销师", "初级（五级）", 80, 2, "示例县电子商务公共服务中心", 1000),
        ("农业经理人", "专项能力", 100, 2, "示例县农业技术推广中心", 800),
        ("育婴员", "初级（五级）", 60, 2, "示例县职业技能培训中心", 1000),
    ]
    rows: list[list[object]] = [
        ["示例县2025年第一季度职业技能培训计划表"],
        ["序号", "培训工种", "培训等级", "计划人数", "期次", "定点培训机构", "补贴标准（元/人）"],
    ]
    for i, item in enumerate(plan, 1):
        rows.append([i, *item])
    rows.append(["", "合计", "", sum(p[2] for p in plan), sum(p[3] for p in plan), "", ""])
    return make_xlsx("培训计划", rows, [6, 16, 14, 10, 8, 28, 18], title_rows=2)


def elderly_institutions_xlsx() -> bytes:
    items = [
        ("示例县社会福利中心", "公办（委托运营）", "城关镇北环路10号", 220, "特困、失能、半失能及社会老年人"),
        ("示例县康宁养老院", "民办", "城关镇南环路36号", 120, "社会老年人"),
        ("东山镇敬老院", "公办", "东山镇东山街50号", 60, "特困老年人"),
        ("南岭乡敬老院", "公办", "南岭乡岭南街22号", 48, "特困老年人"),
        ("北坪镇区域养老服务中心", "公建民营", "北坪镇坪中路40号", 90, "特困、失能及社会老年人"),
        ("城关镇养老服务中心", "公建民营", "城关镇西街33号", 30, "日间照料、助餐、上门服务"),
        ("青石镇养老服务中心", "公办", "青石镇石桥街20号", 20, "日间照料、助餐"),
    ]
    rows: list[list[object]] = [
        ["示例县养老服务机构名录（2025年）"],
        ["序号", "机构名称", "运营方式", "地址", "床位数（张）", "服务对象", "联系电话"],
    ]
    for i, (name, kind, addr, beds, who) in enumerate(items, 1):
        rows.append([i, name, kind, addr, beds, who, f"0000-0000{300 + i:03d}"])
    rows.append(["", "合计", "", "", sum(i[3] for i in items), "", ""])
    return make_xlsx("养老机构", rows, [6, 26, 16, 24, 12, 30, 16], title_rows=2)


def training_notice_txt() -> bytes:
    return make_txt([
        "示例县2025年职业技能培训报名须知",
        "",
        "一、报名对象",
        "本县户籍或在本县就业的劳动年龄内人员，重点是农村转移劳动力、脱贫人口、高校毕业生、就业困难人员和退役军人。",
        "",
        "二、报名方式",
        "1. 现场报名：携带本人身份证件到户籍所在地乡镇便民服务中心或县公共就业服务中心（示例县人民路1号政务服务中心一楼）报名。",
        "2. 电话咨询：0000-0000000（工作日上午8:30-12:00，下午14:30-17:30）。",
        "",
        "三、注意事项",
        "1. 每人每年享受职业技能培训补贴不超过3次，同一职业同一等级不可重复享受。",
        "2. 培训期间实行实名签到，出勤率达到90%以上方可参加考核。",
        "3. 培训免费，任何机构不得以任何名义向学员收取费用，发现违规收费请拨打监督电话0000-0000000。",
    ])


# 《示例县人民政府公报》: each issue's table of contents (title, 文号), as content/gazette/<年>.yml lists it.
GAZETTE_ISSUES: dict[tuple[int, int], tuple[str, list[tuple[str, str]]]] = {
    (2025, 1): ("2025年3月31日", [
        ("示例县人民政府办公室关于公布行政规范性文件清理结果的通知", "示政办发〔2025〕2号"),
        ("示例县民政局关于提高2025年城乡最低生活保障和特困人员救助供养标准的通知", "示民发〔2025〕1号"),
        ("示例县财政局关于公开2025年县级预算的公告", "示财发〔2025〕3号"),
        ("示例县教育局关于公布2025年义务教育学校名录的公告", "示教发〔2025〕2号")]),
    (2025, 2): ("2025年6月30日", [
        ("示例县卫生健康局关于印发《示例县2025年基本公共卫生服务项目实施方案》的通知", "示卫健发〔2025〕1号"),
        ("示例县卫生健康局关于印发《示例县医疗卫生机构医疗服务价格公示管理办法》的通知", "示卫健发〔2025〕2号"),
        ("示例县民政局关于2025年第一季度城乡低保和特困人员救助供养资金发放情况的公告", "示民发〔2025〕5号"),
        ("2024年示例县生态环境状况公报", "")]),
    (2025, 3): ("2025年10月31日", [
        ("示例县人民政府关于印发《示例县义务教育学校布局专项规划（2025—2035年）》的通知", "示政发〔2025〕6号")]),
    (2026, 1): ("2026年3月31日", [
        ("示例县人力资源和社会保障局关于印发《示例县促进高校毕业生等青年就业三年行动计划（2026—2028年）》的通知",
         "示人社发〔2026〕1号"),
        ("示例县财政局关于公开2026年县级预算和行政事业性收费目录清单的公告", "示财发〔2026〕2号")]),
    (2026, 2): ("2026年6月30日", [
        ("示例县人力资源和社会保障局关于印发《示例县就业困难人员认定和公益性岗位管理办法》的通知", "示人社发〔2026〕5号")]),
    (2026, 3): ("2026年11月30日", [
        ("示例县人民政府办公室关于印发《示例县重污染天气应急预案（2026年修订）》的通知", "示政办发〔2026〕11号"),
        ("示例县人民政府关于城南产业园二期项目征地补偿安置方案的公告", "示政征〔2026〕12号"),
        ("示例县人民政府关于老城东街片区房屋征收决定的公告", "示政房征〔2026〕3号"),
        ("示例县民政局关于印发《示例县临时救助实施办法》的通知", "示民发〔2026〕9号")]),
}


def gazette_pdf(year: int, number: int) -> bytes:
    day, contents = GAZETTE_ISSUES[(year, number)]
    paras = [f"{year}年第{number}期　　{day}出版", "示例县人民政府办公室编印（虚构的演示内容）", "目　录"]
    paras += [f"{n}. {title}" + (f"（{docno}）" if docno else "") for n, (title, docno) in enumerate(contents, 1)]
    paras.append("本期所载文件以本公报刊登的文本为标准文本。")
    return make_pdf(f"示例县人民政府公报　{year}年第{number}期", paras, f"示例县人民政府办公室　{day}")


ATTACHMENTS = {
    "2023/示例县基本养老服务清单.pdf": elderly_list_pdf,
    "2024/示例县2024年义务教育学校招生划片范围.xlsx": school_zones_xlsx,
    "2024/示例县义务教育阶段学校收费项目和标准.pdf": school_fee_pdf,
    "2024/示例县2024年县级一般公共预算收支表.xlsx": budget_2024_xlsx,
    "2024/示例县医疗机构名录.xlsx": clinics_xlsx,
    "2024/低保家庭经济状况核对情况汇总表.xlsx": dibao_check_xlsx,
    "2025/示例县2025年义务教育学校名录.xlsx": schools_2025_xlsx,
    "2025/示例县2025年职业技能培训计划表.xlsx": training_xlsx,
    "2025/职业技能培训报名须知.txt": training_notice_txt,
    "2025/示例县养老服务机构名录.xlsx": elderly_institutions_xlsx,
    "2025/示例县2025年县级预算公开说明.pdf": budget_2025_pdf,
    **{f"gazette/{y}-{n}.pdf": (lambda y=y, n=n: gazette_pdf(y, n)) for y, n in GAZETTE_ISSUES},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="只检查现有文件是否与生成结果一致")
    args = parser.parse_args(argv)
    stale = []
    for rel, builder in ATTACHMENTS.items():
        data = builder()
        path = OUT / rel
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"写入 {path.relative_to(ROOT)}（{len(data)} 字节）")
    if stale:
        print("以下附件与生成结果不一致：" + "、".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
