"""Example mistakes for the editors' handbook, each run through the real loader and checks.

Every case edits a copy of the small test site (tests/fixtures/mini, the fictional 测试县) and
names a fragment of the message it must produce; tools/make_handbook.py prints the message and
its fix exactly as `build.py check` does, and fails when a case no longer produces it. A test
checks that every place in hooks/zwgk that reports a problem is reached by some case here.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date

D1 = "content/documents/2024/cjf-2024-1.md"  # 行政规范性文件, with an attachment and an interpretation
D2 = "content/documents/2024/cjf-2024-2.md"
D4 = "content/documents/2024/cjf-2024-4.md"  # 此件不予公开
D0 = "content/documents/2024/cjf-2023-9.md"  # 废止, replaced by cjf-2024-2
NEW = "content/documents/2024/xin.md"
INTERP = "content/interpretations/jd-cjf-2024-1.md"
CAT = "catalogues/county/education.yml"
SITE = "content/site.yml"

# A passage of a withheld document, for the leak audit's example.
_PASSAGE = "关于学校中层干部调整的初步意见已经局党组会议讨论形成倾向性人选名单"

NEW_DOC = """---
标题: 测试县教育局关于做好校车安全管理工作的通知
文号: 测教发〔2024〕8号
发文机关: 测试县教育局
成文日期: 2024-06-03
发布日期: 2024-06-05
公开属性: 此件公开发布
有效性: 现行有效
文件类型: 其他文件
主题分类: 科技、教育
---
各学校要落实校车安全管理责任。
"""


@dataclass(frozen=True)
class Edit:
    file: str
    old: str | None = None  # None: write `new` as the whole file (bytes if given as bytes); with new None: delete
    new: str | bytes | None = None
    linked: bool = False  # `new` written outside the content tree, `file` a symbolic link to it


@dataclass(frozen=True)
class Case:
    section: str
    title: str
    did: str  # what the editor did, in their words
    edits: tuple[Edit, ...]
    expect: str  # a fragment of the message it must produce
    shown: str = ""  # what to show of the input; default: the first changed lines
    today: date = date(2024, 7, 1)
    built: bool = False  # found only in the generated pages (links, anchors)
    setup: tuple[Edit, ...] = ()  # correct content the example needs (a report, a town), made first and not shown


HEALTH_CAT = """领域: 医疗卫生
牵头部门: 测试县卫生健康局
更新日期: 2024-01-15
事项:
  - 编号: YLWS-01
    一级事项: 医疗机构
    二级事项: 医疗机构名录
    公开内容: 医疗机构名称、地址和诊疗科目
    公开依据: 《中华人民共和国政府信息公开条例》
    公开时限: 信息形成或者变更之日起20个工作日内
    公开主体: 测试县卫生健康局
    公开渠道: [政府网站]
    公开对象: 全社会
    公开方式: 主动
    公开层级: [县级]
"""


def _new(text: str, encoding: str = "utf-8") -> tuple[Edit, ...]:
    return (Edit(NEW, None, text if encoding == "utf-8" else text.encode(encoding)),)


def _doc(old: str, new: str) -> tuple[Edit, ...]:
    return _new(NEW_DOC.replace(old, new, 1))


def _zip(parts: dict[str, bytes]) -> bytes:
    """A Word file's zip, the same bytes every run (fixed dates), so the checksum the handbook prints stays put."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2024, 6, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


# 2 MB of one letter squeezed into 2 KB: what a "decompression bomb" looks like to the check.
# (Deflate output, and so the printed checksum, is stable across zlib 1.2–1.3; zlib-ng would differ.)
_BOMB = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:t>" + b"a" * (2 << 20) + b"</w:t>"})
_ATTACH = (Edit(D1, "附件: [2024/资助标准表.txt]", "附件: [2024/资助标准表.txt, 2024/名单.docx]"),)


FORMAT, VALUES, NAMES, FILES, REFS, BODY, CHECKS = (
    "文件格式和编码", "项目和取值", "文件名和位置", "附件", "引用和一致性", "正文中的链接", "发布前的内容检查")
REPORTS, DECISIONS, LISTS, TOWNS = "年度报告", "重大行政决策", "负面清单和规范性文件清理", "乡镇和村（居）务公开"
GAZETTE, UPDATES = "政府公报", "更新日志"

# --- correct files of the newer kinds, for the examples below to break --------------------------------

R23, R22 = "content/reports/2023.yml", "content/reports/2022.yml"
_ZERO = "{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}"


def _row(*values: int) -> str:
    columns = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    return "{" + ", ".join(f"{c}: {v}" for c, v in zip(columns, values + (0,) * (6 - len(values)))) + "}"


# 2023: 6 received and 1 carried in; 5 handled, 2 carried out. The test site has no normative document
# written in 2023, so the 行政规范性文件 row is all 0.
REPORT_2023 = f"""发布日期: 2024-03-20
总体情况: |
  2023年，县人民政府认真做好政府信息公开工作。
主动公开:
  规章: {{本年制发: 0, 本年废止: 0, 现行有效: 0}}
  行政规范性文件: {{本年制发: 0, 本年废止: 0, 现行有效: 0}}
  行政许可: 120
  行政处罚: 15
  行政强制: 2
  行政事业性收费: 36.5
申请情况:
  本年新收: {_row(4, 2)}
  上年结转: {_row(1)}
  予以公开: {_row(2, 1)}
  部分公开: {_row(1)}
  不予公开:
""" + "".join(f"    {k}: {_ZERO}\n" for k in ("属于国家秘密", "其他法律行政法规禁止公开", "危及三安全一稳定", "保护第三方合法权益",
                                            "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项")) + f"""  无法提供:
    本机关不掌握相关政府信息: {_row(1)}
    没有现成信息需要另行制作: {_ZERO}
    补正后申请内容仍不明确: {_ZERO}
  不予处理:
""" + "".join(f"    {k}: {_ZERO}\n" for k in ("信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
                                            "要求确认或重新出具已获取信息")) + f"""  其他处理:
    逾期不补正: {_ZERO}
    逾期未缴费: {_ZERO}
    其他: {_ZERO}
  结转下年度: {_row(1, 1)}
复议诉讼:
  行政复议: {{结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}}
  未经复议直接起诉: {{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}}
  复议后起诉: {{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}}
存在的主要问题及改进情况: |
  部分栏目更新不够及时，将按目录逐项核对。
其他需要报告的事项: |
  本年度未收取信息处理费。
"""
# 2022: one fewer received, so it carries out to 2023 exactly the one 2023 carries in.
REPORT_2022 = (REPORT_2023.replace("发布日期: 2024-03-20", "发布日期: 2023-03-20").replace("2023年，", "2022年，")
               .replace(f"本年新收: {_row(4, 2)}", f"本年新收: {_row(4, 1)}").replace(f"结转下年度: {_row(1, 1)}", f"结转下年度: {_row(1)}"))
REPORT = (Edit(R23, None, REPORT_2023),)
# 2022 with 3 规章 in force, which 2023 does not go on from
_IN_FORCE_3 = REPORT_2022.replace("规章: {本年制发: 0, 本年废止: 0, 现行有效: 0}", "规章: {本年制发: 0, 本年废止: 0, 现行有效: 3}")
_CLEANED = "2023年开展规章清理，3件规章宣布失效，未计入本年废止件数"

DEC = "content/decisions/2024.yml"
DECISION = (Edit(DEC, None, """发布日期: 2024-01-10
事项:
  - 编号: zizhu-banfa
    事项名称: 测试县义务教育阶段学生资助管理办法
    承办单位: 测试县教育局
    计划完成时间: 2024年6月
    状态: 已完成
    阶段:
      - 阶段: 征求意见
        征集:
          开始日期: 2024-01-15
          截止日期: 2024-02-14
          方式: 电子邮件发送至 zizhu@example.gov.cn
      - 阶段: 结果
        文件: cjf-2024-1
"""),)

NEG = "content/negative-list.yml"
NEGATIVE = (Edit(NEG, None, """事项:
  - 事项: 受助学生的身份证号码、家庭住址、银行账户等个人信息
    不予公开依据: 涉及个人隐私
    责任单位: 测试县教育局
    更新日期: 2024-03-01
"""),)

CLEAN = "content/cleanup.yml"
CLEANUP = (Edit(CLEAN, None, """批次:
  - 编号: qingli-2024
    名称: 2024年度规范性文件清理
    清理日期: 2024-04-03
    文件: cjf-2024-2
"""), Edit(D0, "替代文件: cjf-2024-2", "替代文件: cjf-2024-2\n清理批次: qingli-2024"))

GAZ = "content/gazette/2024.yml"
GAZETTE_SETUP = (Edit(GAZ, None, """刊名: 测试县人民政府公报
期:
  - 期号: 1
    出版日期: 2024-03-29
    PDF: gazette/2024-1.pdf
    文件: [cjf-2024-1]
  - 期号: 2
    出版日期: 2024-06-28
    PDF: gazette/2024-2.pdf
    文件:
      - cjf-2024-2
"""), *(Edit(f"content/attachments/gazette/2024-{n}.pdf", None, b"%PDF-1.4\n%%EOF\n") for n in (1, 2)))

TOWN = "catalogues/towns/chengguan"
VILLAGES = f"{TOWN}/villages.yml"
TOWN_CAT = f"{TOWN}/education.yml"
TOWN_SETUP = (
    Edit(f"{TOWN}/town.yml", None, "名称: 城关镇\n地址: 测试县城关镇解放路8号\n"),
    Edit(TOWN_CAT, None, """领域: 义务教育
牵头部门: 城关镇人民政府
事项:
  - 编号: CG-YWJY-01
    一级事项: 控辍保学
    公开内容: 控辍保学工作措施和劝返复学情况
    公开依据: 《中华人民共和国义务教育法》
    公开时限: 信息形成或者变更之日起20个工作日内
    公开主体: 城关镇人民政府
    公开渠道: [社区/村公示栏（电子屏）]
    公开对象: 全社会
    公开方式: 主动
    公开层级: [乡级]
"""),
    Edit(VILLAGES, None, """村居:
  - 名称: 东关村
    类型: 村
    事项:
      - 名称: 控辍保学情况公示
        公开内容: 本村适龄儿童入学和劝返复学情况
        公开渠道: [社区/村公示栏（电子屏）]
        更新周期: 每半年
        最近公开日期: 2024-03-01
        目录事项: [CG-YWJY-01]
"""),
)

CASES: tuple[Case, ...] = (
    # --- 文件格式和编码 ---
    Case(FORMAT, "文件是指向内容目录以外的链接", "在 content/documents/ 里放了一个指向别处文件的符号链接（快捷方式）",
         (Edit(NEW, None, NEW_DOC, linked=True),), "是指向 content/ 以外的链接", shown="（xin.md 是指向 /home/编辑/xin.md 的符号链接）"),
    Case(FORMAT, "文件不是 UTF-8 编码", "用记事本以 ANSI（GBK）编码保存了文件", _new(NEW_DOC, "gbk"), "不是 UTF-8 编码",
         shown="（文件按 GBK 编码保存）"),
    Case(FORMAT, "行首用了 Tab", "用 Tab 键缩进", _doc("文号:", "\t文号:"), "制表符", shown="→文号: 测教发〔2024〕8号（行首是 Tab）"),
    Case(FORMAT, "行首用了全角空格", "中文输入法下按空格缩进", _doc("文号:", "\u3000文号:"), "全角空格缩进"),
    Case(FORMAT, "已知项目后面用了全角冒号（警告）", "中文输入法下输入冒号", _doc("成文日期: ", "成文日期："), "已按半角冒号读取"),
    Case(FORMAT, "不认识的项目后面用了全角冒号", "中文输入法下输入冒号，项目名也写错了", _doc("发文机关: ", "发文单位："), "全角冒号"),
    Case(FORMAT, "冒号后面没有空格", "冒号后面紧接着写了内容", _doc("发文机关: ", "发文机关:"), "后面要加一个空格"),
    Case(FORMAT, "同一项目写了两次", "复制粘贴后忘了删", _doc("标题: ", "标题: 测试县校车安全通知\n标题: "), "重复出现"),
    Case(FORMAT, "方括号没写完整", "列表少了右括号", _doc("主题分类: 科技、教育", "主题分类: 科技、教育\n领域: [义务教育"), "格式错误"),
    Case(FORMAT, "引号不成对", "只写了左引号", _doc("标题: 测试县", "标题: \"测试县"), "格式错误"),
    Case(FORMAT, "键不是文字", "把方括号写在了冒号前面", _doc("主题分类: 科技、教育", "主题分类: 科技、教育\n[领域]: 义务教育"), "键不是文字"),
    Case(FORMAT, "文件里有看不见的控制字符", "从别的软件粘贴时带进了控制字符", _doc("标题: 测试县", "标题: 测试县\x01"), "看不见的控制字符 U+0001",
         shown="标题: 测试县\\x01教育局……（\\x01 是看不见的控制字符）"),
    Case(FORMAT, "引号里转义出控制字符", "标题里要换行，在双引号里写了 \\v", _doc("标题: 测试县教育局关于做好校车安全管理工作的通知",
                                                                  '标题: "测试县教育局\\v关于做好校车安全管理工作的通知"'),
         "引号里的内容含看不见的", shown='标题: "测试县教育局\\v关于做好……"'),
    Case(FORMAT, "缺少文件头", "正文前没有写两行 ---", _new(NEW_DOC.removeprefix("---\n").replace("\n---\n", "\n\n", 1)), "缺少文件头"),
    Case(FORMAT, "文件头没有结束", "少写了第二行 ---", _new(NEW_DOC.replace("\n---\n", "\n\n", 1)), "文件头没有结束"),
    Case(FORMAT, "文件头不是“键: 值”", "文件头写成了列表", _new("---\n- 标题\n- 文号\n---\n正文\n"), "不是“键: 值”的形式"),
    Case(FORMAT, "嵌套层次太深", "括号层层嵌套", _doc("标题: 测试县教育局关于做好校车安全管理工作的通知", "标题: " + "[" * 50 + "]" * 50),
         "嵌套层次太深", shown="标题: [[[[[[[[……]]]]]]]]"),
    Case(FORMAT, "滥用 & 和 * 引用", "用引用把内容成倍展开",
         _doc("主题分类: 科技、教育", "主题分类: 科技、教育\n关键词: &a [甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲]\n"
              + "".join(f"内容概述{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(5)).rstrip("\n")),
         "内容展开后过大", shown="关键词: &a [甲, 甲, ……]\n内容概述0: &b [*a, *a, ……]"),
    Case(FORMAT, "文件太大", "把扫描件的文字或大表格整个贴进正文", _new(NEW_DOC + "很长的正文。" * 300_000), "文件太大",
         shown="（正文超过 5 MB）"),
    # --- 项目和取值 ---
    Case(VALUES, "项目名写错", "把“发布日期”写成了“发布时间”", _doc("发布日期:", "发布时间:"), "不认识的项目"),
    Case(VALUES, "缺少必填项", "漏写了发文机关", _doc("发文机关: 测试县教育局\n", ""), "缺少必填项", shown="（没有“发文机关”这一行）"),
    Case(VALUES, "依申请公开、不予公开没有写理由", "公开属性写了“此件依申请公开”，没写法定事由",
         _doc("公开属性: 此件公开发布", "公开属性: 此件依申请公开"), "没有写不予公开理由"),
    Case(VALUES, "site.yml 缺少代码", "删掉了统一社会信用代码", (Edit(SITE, "统一社会信用代码: 11000000MB0000000X\n", ""),),
         "缺少统一社会信用代码或机构代码", shown="（content/site.yml 中没有“统一社会信用代码”或“机构代码”）"),
    Case(VALUES, "填的值不在可选范围内", "主题分类写成了“教育科技”", _doc("主题分类: 科技、教育", "主题分类: 教育科技"), "不在可选范围内"),
    Case(VALUES, "只写了可选值的一部分（警告）", "主题分类只写了“教育”，可选值里只有“科技、教育”含有它",
         _doc("主题分类: 科技、教育", "主题分类: 教育"), "不是完整的可选值"),
    Case(VALUES, "写的一部分出现在几个可选值里", "主题分类只写了“安全”", _doc("主题分类: 科技、教育", "主题分类: 安全"),
         "是几个可选值的一部分"),
    Case(VALUES, "yes、no、是、否 之类的值", "公开属性写成了“是”", _doc("公开属性: 此件公开发布", "公开属性: 是"), "不在可选范围内"),
    Case(VALUES, "该写一段文字的写成了列表", "给公开属性加了方括号", _doc("公开属性: 此件公开发布", "公开属性: [此件公开发布]"), "应该是一段文字"),
    Case(VALUES, "日期写法不对", "日期写成了“三月一日”", _doc("成文日期: 2024-06-03", "成文日期: 六月三日"), "不是有效日期"),
    Case(VALUES, "日期不存在", "写了 2 月 30 日", _doc("成文日期: 2024-06-03", "成文日期: 2024-02-30"), "这一天不存在"),
    Case(VALUES, "发布日期早于成文日期", "两个日期写反了", _doc("发布日期: 2024-06-05", "发布日期: 2024-06-01"), "发布日期早于成文日期"),
    Case(VALUES, "文件名写成了带 .md 的", "替代文件写了 .md", _doc("主题分类: 科技、教育", "主题分类: 科技、教育\n替代文件: cjf-2024-2.md"),
         "不是文件名"),
    Case(VALUES, "列表是空的", "解读对象写了空的方括号", (Edit(INTERP, "解读对象: [cjf-2024-1]", "解读对象: []"),), "没有填写"),
    Case(VALUES, "代码格式不对", "统一社会信用代码少了几位", (Edit(SITE, "统一社会信用代码: 11000000MB0000000X", "统一社会信用代码: 11000000MB"),),
         "格式不对"),
    Case(VALUES, "导入后留下的“待填写”", "用 build.py import 导入后还没补全", _doc("主题分类: 科技、教育", "主题分类: 待填写：导入时无法判断"),
         "还没有填写"),
    Case(VALUES, "文号括号不规范（警告）", "年份用了方括号", _doc("文号: 测教发〔2024〕8号", "文号: 测教发[2024]8号"), "年份括号不规范"),
    Case(VALUES, "文号里有看不见的字符或全角数字（警告）", "从网页上复制了文号",
         _doc("文号: 测教发〔2024〕8号", "文号: 测教发〔２０２４〕\u200b8号"), "零宽空格 U+200B",
         shown="文号: 测教发〔２０２４〕8号（年份是全角数字，8 前面还有一个看不见的零宽空格）"),
    Case(VALUES, "编号、文件名引用里有看不见的字符（警告）", "从聊天软件里复制了被解读文件的文件名",
         (Edit(INTERP, "解读对象: [cjf-2024-1]", "解读对象: [cjf-2024-\u200b1]"),), "已按“cjf-2024-1”读取",
         shown="解读对象: [cjf-2024-1]（1 前面有一个看不见的零宽空格）"),
    Case(VALUES, "索引号格式无法使用", "索引号格式里没有 {年}", (Edit(SITE, "统一社会信用代码: 11000000MB0000000X",
                                                                 "统一社会信用代码: 11000000MB0000000X\n索引号格式: \"{代码}-{序号}\""),),
         "索引号格式"),
    Case(VALUES, "修改说明的日期不存在", "文件头的修改说明日期写错", _doc("主题分类: 科技、教育", "主题分类: 科技、教育\n修改说明:\n"
                                                                  "  - 日期: 2024-06-31\n    说明: 更正附件"), "修改说明的“日期”",
         shown=""),
    Case(VALUES, "暂无内容说明的日期不存在", "说明日期写错", (Edit(CAT, "    公开层级: 县级\n", "    公开层级: 县级\n    暂无内容说明:\n"
                                                                       "      原因: 本年度尚未发生\n      日期: 2024-06-31\n"),),
         "这一天不存在"),
    # --- 文件名和位置 ---
    Case(NAMES, "文件名不能用作网址", "文件名用了汉字", (Edit("content/documents/2024/校车通知.md", None, NEW_DOC),), "不能用作网址",
         shown="content/documents/2024/校车通知.md"),
    Case(NAMES, "文件名是保留的名字", "文件名起成了 index.md", (Edit("content/documents/2024/index.md", None, NEW_DOC),), "系统保留",
         shown="content/documents/2024/index.md"),
    Case(NAMES, "文件名里有看不见的字符", "从网页上复制了文件名", (Edit("content/documents/2024/cjf-2024-\u200b8.md", None, NEW_DOC),),
         "含有零宽空格", shown="content/documents/2024/cjf-2024-8.md（8 前面有一个看不见的零宽空格）"),
    Case(NAMES, "文件夹里放了别的文件（警告）", "把 Word 原件放进了 documents", (Edit("content/documents/2024/原件.docx", None, b"PK"),),
         "不是 .md 文件", shown="content/documents/2024/原件.docx"),
    Case(NAMES, "缺少 site.yml", "删掉或改名了本机关信息文件", (Edit(SITE),), "缺少本机关信息文件", shown="（没有 content/site.yml）"),
    Case(NAMES, "目录文件名和领域不符", "在 education.yml 里写了别的领域", (Edit(CAT, "领域: 义务教育", "领域: 社会救助"),), "目录文件名应为"),
    # --- 附件 ---
    Case(FILES, "附件不存在", "附件文件名少了一个字", (Edit(D1, "资助标准表.txt", "资助标准.txt"),), "不存在"),
    Case(FILES, "附件在 attachments 以外", "附件路径写到了别的文件夹", (Edit(D1, "2024/资助标准表.txt", "../site.yml"),), "以外"),
    Case(FILES, "附件路径无法使用", "附件路径太长", (Edit(D1, "2024/资助标准表.txt", "很长的名字" * 60),), "无法使用",
         shown="附件: [很长的名字很长的名字……]"),
    # --- 引用和一致性 ---
    Case(REFS, "文号重复", "新文件用了已有文件的文号", _doc("测教发〔2024〕8号", "测教发〔2024〕1号"), "文号重复"),
    Case(REFS, "目录编号重复", "复制事项后忘了改编号", (Edit(CAT, "编号: YWJY-03", "编号: YWJY-02"),), "在本文件中重复"),
    Case(REFS, "目录事项不存在", "编号写错", _doc("主题分类: 科技、教育", "主题分类: 科技、教育\n目录事项: [YWJY-09]"), "不存在"),
    Case(REFS, "解读对象不存在", "文件名写错", (Edit(INTERP, "[cjf-2024-1]", "[cjf-2024-10]"),), "不存在"),
    Case(REFS, "替代文件未公开", "替代文件是不予公开的文件", (Edit(D0, "替代文件: cjf-2024-2", "替代文件: cjf-2024-4"),), "替代文件"),
    Case(REFS, "解读了未公开的文件", "解读对象是不予公开的文件", (Edit(INTERP, "[cjf-2024-1]", "[cjf-2024-4]"),), "只能解读"),
    Case(REFS, "已废止没有写废止日期", "有效性改成废止，没写日期", (Edit(D0, "废止日期: 2024-04-03\n", ""),), "没有写废止日期",
         shown="有效性: 废止\n（没有“废止日期”这一行）"),
    Case(REFS, "公开文件用了未公开文件的附件", "两个文件列了同一个附件", (Edit(D1, "资助标准表.txt", "WITHHELDATTACHMENT.txt"),),
         "未公开文件的附件"),
    Case(REFS, "固定栏目没有内容", "删掉了唯一的制度页面", (Edit("content/pages/zhudong-zhidu.md"),), "固定栏目",
         shown="（content/pages/ 下没有栏目为“政府信息公开制度”的页面）"),
    Case(REFS, "指南写了两篇", "又建了一篇指南", (Edit("content/pages/zhinan-2.md", None, "---\n标题: 指南（新）\n栏目: 政府信息公开指南\n"
                                                          "发布日期: 2024-06-01\n---\n正文\n"),), "只能有一篇"),
    Case(REFS, "法定主动公开内容是空的", "文件和页面都没写公开类别", (Edit(D1, "文件类型: 行政规范性文件", "文件类型: 其他文件"),
                                                          Edit("content/pages/jigou.md", "公开类别: [机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名]\n", "")),
         "法定主动公开内容", shown="（没有一个文件或页面写了“公开类别”，也没有行政规范性文件）"),
    Case(REFS, "两个文件写了同一个索引号", "复制文件时连索引号一起复制了",
         (Edit(D1, "有效性: 现行有效", "有效性: 现行有效\n索引号: 11000000MB0000000X/2024-00001"),
          Edit(D2, "有效性: 现行有效", "有效性: 现行有效\n索引号: 11000000MB0000000X/2024-00001")), "已经属于"),
    Case(REFS, "索引号登记表格式不对", "手工改了登记表", (Edit("content/index-numbers.yml", None, "- cjf-2024-1\n- cjf-2024-2\n"),),
         "登记表格式不对"),
    Case(REFS, "索引号登记了两次", "合并分支时登记表冲突没解决好",
         (Edit("content/index-numbers.yml", None, 'cjf-2024-1: "11000000MB0000000X/2024-00001"\n'
                                                  'cjf-2024-2: "11000000MB0000000X/2024-00001"\n'),), "登记了两次"),
    Case(REFS, "索引号登记表里有全角数字（警告）", "手工改了登记表",
         (Edit("content/index-numbers.yml", None, 'cjf-2024-1: "11000000MB0000000X/2024-０００01"\n'),), "全角数字 ０００"),
    # --- 正文中的链接 ---
    Case(BODY, "链接指向 content 以外", "链接写了太多 ../", (Edit(INTERP, "../documents/2024/cjf-2024-1.md", "../../../x.md"),), "以外"),
    Case(BODY, "链接到未公开的文件", "链接了不予公开的文件", (Edit(INTERP, "../documents/2024/cjf-2024-1.md", "../documents/2024/cjf-2024-4.md"),),
         "正文链接到"),
    Case(BODY, "链接的文件不存在", "文件名写错", (Edit(INTERP, "../documents/2024/cjf-2024-1.md", "../documents/2024/cjf-2024-11.md"),),
         "指向的文件不存在"),
    Case(BODY, "链接到未公开文件的附件", "链接了不予公开文件的附件", (Edit(INTERP, "2024/资助标准表.txt", "2024/WITHHELDATTACHMENT.txt"),),
         "的附件"),
    Case(BODY, "链接的附件不存在", "附件文件名写错", (Edit(INTERP, "2024/资助标准表.txt", "2024/资助标准.txt"),), "指向的附件不存在"),
    Case(BODY, "链接的位置不存在", "链接到页面中并不存在的小标题",
         (Edit(INTERP, "../documents/2024/cjf-2024-1.md", "../documents/2024/cjf-2024-1.md#第三条"),), "在页面中不存在", built=True),
    # --- 发布前的内容检查 ---
    Case(CHECKS, "主动公开事项没有内容", "落实事项的文件删掉了目录事项", (Edit(D2, "目录事项: YWJY-02\n", ""),), "没有任何已公开的文件或页面",
         shown="（没有一个公开的文件或页面在“目录事项”中写 YWJY-02）"),
    Case(CHECKS, "主动公开事项暂无内容（警告）", "写了暂无内容说明",
         (Edit(D2, "目录事项: YWJY-02\n", ""), Edit(CAT, "    公开层级: 县级\n", "    公开层级: 县级\n    暂无内容说明:\n"
                                                                            "      原因: 本年度尚未发生\n      日期: 2024-06-01\n")),
         "暂无内容"),
    Case(CHECKS, "领域有文件但没有标准目录（警告）", "给文件写了领域，这个领域还没有编目录",
         (Edit(D1, "领域: [义务教育]", "领域: [义务教育, 社会救助]"),), "没有公开事项标准目录"),
    Case(CHECKS, "领域目录没有一个事项有内容（警告）", "新建了一个领域的目录，还没有发布落实它的文件",
         (Edit("catalogues/county/health.yml", None, HEALTH_CAT),), "没有一个主动公开事项有已公开的文件或页面"),
    Case(CHECKS, "公开的文件没有正文", "只填了文件头，正文还没贴进来", _new(NEW_DOC.replace("各学校要落实校车安全管理责任。\n", "")),
         "没有正文，也没有附件", shown="（xin.md 在第二个 --- 之后什么也没有写）"),
    Case(CHECKS, "不公开的内容出现在站点里", "把不予公开文件里的一段话复制进了公开文件",
         (Edit(D4, "WITHHELDBODYMARKER 请示正文。", "WITHHELDBODYMARKER 请示正文。\n\n" + _PASSAGE),
          Edit(D2, "全县适龄儿童。", "全县适龄儿童。" + _PASSAGE[:32] + "。")), "含有这份此件不予公开文件的正文",
         shown=f"（cjf-2024-4.md 是此件不予公开的文件，正文有“{_PASSAGE}”；cjf-2024-2.md 的正文里也写了其中 32 个字）", built=True),
    Case(CHECKS, "不公开文件的附件出现在站点里", "公开文件引用了不予公开文件的附件",
         (Edit("content/attachments/2024/请示附件.txt", None, "WITHHELDATTACHMENTMARKER\n"),
          Edit(D2, "目录事项: YWJY-02\n", "目录事项: YWJY-02\n附件: [2024/请示附件.txt]\n")),
         "就是这份此件不予公开文件的附件", built=True,
         shown="（请示附件.txt 是 cjf-2024-4.md 的附件 WITHHELDATTACHMENT.txt 的副本，换了文件名）"),
    Case(CHECKS, "栏目没有内容", "删掉了全部政策解读", (Edit(INTERP),), "没有内容", shown="（content/interpretations/ 下没有解读）"),
    Case(CHECKS, "发布晚于 20 个工作日（警告）", "文件形成很久后才发布", _doc("发布日期: 2024-06-05", "发布日期: 2024-07-30"),
         "个工作日", today=date(2024, 8, 1)),
    Case(CHECKS, "栏目长期没有更新（警告）", "半年多没有发布新文件", (), "未更新", today=date(2025, 3, 1),
         shown="（2025 年 3 月 1 日检查时，政策文件栏目最近一次更新已在半年以前）"),
    Case(CHECKS, "节假日数据过旧（警告）", "文件日期超出了节假日数据的年份", _new(NEW_DOC.replace("2024-06-0", "2099-06-0")),
         "节假日数据", today=date(2099, 7, 1), shown="成文日期: 2099-06-03\n发布日期: 2099-06-05"),
    Case(CHECKS, "解读晚于原文（警告）", "解读比文件晚了一个月", (Edit(INTERP, "发布日期: 2024-03-05", "发布日期: 2024-04-05"),), "晚"),
    Case(CHECKS, "行政规范性文件没有解读（警告）", "删掉了解读，换上别的页面", (Edit(INTERP, "解读对象: [cjf-2024-1]", "解读对象: [cjf-2024-2]"),),
         "没有政策解读"),
    Case(CHECKS, "正文里有手机号码", "正文写了个人手机号码", _doc("各学校要落实校车安全管理责任。", "联系人：王某，电话 13812345678。"),
         "手机号码", shown="联系人：王某，电话 138……（正文中）"),
    Case(CHECKS, "附件太大，无法检查个人信息", "附件是一个解压后极大的 Word 文件",
         _ATTACH + (Edit("content/attachments/2024/名单.docx", None, _BOMB),), "压缩比异常",
         shown="附件: [2024/资助标准表.txt, 2024/名单.docx]\n（名单.docx 只有 2 KB，解压后有 2 MB）"),
    Case(CHECKS, "附件损坏，无法检查个人信息", "附件没有上传完整",
         _ATTACH + (Edit("content/attachments/2024/名单.docx", None, _BOMB[:1000]),), "已损坏或不完整",
         shown="附件: [2024/资助标准表.txt, 2024/名单.docx]\n（名单.docx 只上传了一部分）"),
    Case(CHECKS, "没有写依申请公开渠道（警告）", "site.yml 里没有“依申请公开渠道”，公众不知道怎样申请",
         (Edit(SITE, "依申请公开渠道:\n  在线平台:\n    网址: https://ysq.ceshi.example.gov.cn/?a=1&b=<2>\n  信函:\n"
                     "    邮寄地址: 测试县人民路1号\n    收件人: 测试县人民政府办公室\n    邮编: \"000001\"\n  电话: 0000-0000001\n", ""),),
         "没有写依申请公开渠道", shown="（content/site.yml 中没有“依申请公开渠道”）"),
    Case(CHECKS, "没有写网站地址（警告）", "site.yml 里没有“网站地址”", (Edit(SITE, "网站地址: https://zwgk.ceshi.example.gov.cn/\n", ""),), "网站地址",
         shown="（content/site.yml 中没有“网站地址”一行）"),
    # --- 年度报告 ---
    Case(REPORTS, "报告文件名不是年份", "把报告存成了 nianbao-2023.yml", (Edit("content/reports/nianbao-2023.yml", None, REPORT_2023),),
         "之间的年份", shown="content/reports/nianbao-2023.yml"),
    Case(REPORTS, "同一年写了两个报告", "另存了一份 2023.yaml", (Edit("content/reports/2023.yaml", None, REPORT_2023),), "已有年度报告",
         setup=REPORT, shown="content/reports/2023.yml\ncontent/reports/2023.yaml"),
    Case(REPORTS, "报告文件夹里放了别的文件（警告）", "把 Word 版年报放进了 reports", (Edit("content/reports/2023.docx", None, b"PK"),),
         "不是 .yml 文件", shown="content/reports/2023.docx"),
    Case(REPORTS, "报告的发布日期不存在", "日期写错", (Edit(R23, "发布日期: 2024-03-20", "发布日期: 2024-02-30"),), "这一天不存在", setup=REPORT),
    Case(REPORTS, "发布日期在报告年度之内", "2023 年的报告写了 2023 年的发布日期",
         (Edit(R23, "发布日期: 2024-03-20", "发布日期: 2023-12-20"),), "在该年度结束之前", setup=REPORT),
    Case(REPORTS, "总计与各项相加不符", "“本年新收”的总计算错了",
         (Edit(R23, f"本年新收: {_row(4, 2)}", f"本年新收: {_row(4, 2)[:-1]}, 总计: 7}}"),), "按各项相加应为", setup=REPORT),
    Case(REPORTS, "结转下年度与其他各行对不上", "结转下年度少算了一件", (Edit(R23, f"结转下年度: {_row(1, 1)}", f"结转下年度: {_row(1)}"),),
         "本年新收 + 上年结转", setup=REPORT),
    Case(REPORTS, "办理结果多于收到的申请", "“予以公开”多填了", (Edit(R23, f"予以公开: {_row(2, 1)}", f"予以公开: {_row(2, 4)}"),),
         "多于本年新收加上年结转", setup=REPORT),
    Case(REPORTS, "上年结转与上一年的报告不符", "上一年的报告结转下年度 2 件，今年只写了上年结转 1 件",
         (Edit(R22, None, REPORT_2022.replace(f"本年新收: {_row(4, 1)}", f"本年新收: {_row(4, 2)}")
               .replace(f"结转下年度: {_row(1)}", f"结转下年度: {_row(1, 1)}")),), "结转下年度继续办理”是", setup=REPORT,
         shown=f"2022.yml  结转下年度: {_row(1, 1)}\n2023.yml  上年结转: {_row(1)}"),
    Case(REPORTS, "现行有效件数与上一年接不上", "上一年现行有效的规章 3 件，今年写成 0 件",
         (Edit(R22, None, _IN_FORCE_3),), "现行有效件数”写的是", setup=REPORT,
         shown="2022.yml  规章: {本年制发: 0, 本年废止: 0, 现行有效: 3}\n2023.yml  规章: {本年制发: 0, 本年废止: 0, 现行有效: 0}"),
    Case(REPORTS, "与上一年接不上，写了说明（警告）", "上一年现行有效的规章 3 件，今年清理后只有 0 件，在这一行写了说明",
         (Edit(R22, None, _IN_FORCE_3),
          Edit(R23, "规章: {本年制发: 0, 本年废止: 0, 现行有效: 0}", f"规章: {{本年制发: 0, 本年废止: 0, 现行有效: 0, 说明: {_CLEANED}}}")),
         "本行的说明", setup=REPORT,
         shown=f"2022.yml  规章: {{本年制发: 0, 本年废止: 0, 现行有效: 3}}\n"
               f"2023.yml  规章: {{本年制发: 0, 本年废止: 0, 现行有效: 0, 说明: {_CLEANED}}}"),
    Case(REPORTS, "说明是空的", "写了“说明:”，后面没有写原因",
         (Edit(R22, None, _IN_FORCE_3),
          Edit(R23, "规章: {本年制发: 0, 本年废止: 0, 现行有效: 0}", "规章: {本年制发: 0, 本年废止: 0, 现行有效: 0, 说明: }")),
         "说明是空的", setup=REPORT,
         shown="2022.yml  规章: {本年制发: 0, 本年废止: 0, 现行有效: 3}\n2023.yml  规章: {本年制发: 0, 本年废止: 0, 现行有效: 0, 说明: }"),
    Case(REPORTS, "不需要的说明（警告）", "数字改对了，说明还留着",
         (Edit(R23, "规章: {本年制发: 0, 本年废止: 0, 现行有效: 0}", f"规章: {{本年制发: 0, 本年废止: 0, 现行有效: 0, 说明: {_CLEANED}}}"),),
         "不需要说明", setup=(*REPORT, Edit(R22, None, REPORT_2022))),
    Case(REPORTS, "规范性文件件数与本站的文件不符", "写了本年制发 1 件，本站 2023 年没有行政规范性文件",
         (Edit(R23, "行政规范性文件: {本年制发: 0, 本年废止: 0, 现行有效: 0}", "行政规范性文件: {本年制发: 1, 本年废止: 0, 现行有效: 1}"),),
         "本站 2023 年制发", setup=REPORT),
    Case(REPORTS, "年度报告发布晚了（警告）", "2023 年的报告 5 月才发布", (Edit(R23, "发布日期: 2024-03-20", "发布日期: 2024-05-20"),),
         "晚于法定期限", setup=REPORT),
    Case(REPORTS, "缺少年度报告（警告）", "过了 3 月 31 日还没有上一年的报告", (), "缺少 2025 年", today=date(2026, 4, 1),
         shown="（2026 年 4 月 1 日检查时，content/reports/ 没有 2025.yml，也没有 2025 年的年报页面）"),
    Case(REPORTS, "手写年报页面与报告文件重复（警告）", "写了 2024.yml，旧的手写年报页面还在", (Edit("content/reports/2024.yml", None,
         REPORT_2023.replace("发布日期: 2024-03-20", "发布日期: 2025-01-20").replace("行政规范性文件: {本年制发: 0, 本年废止: 0, 现行有效: 0}",
                                                                               "行政规范性文件: {本年制发: 1, 本年废止: 0, 现行有效: 1}")),),
         "手写页面与它重复", setup=REPORT, shown="content/reports/2024.yml\ncontent/pages/nianbao-2024.md（栏目: 政府信息公开年报）"),
    # --- 重大行政决策 ---
    Case(DECISIONS, "目录文件名不是年份", "目录存成了 zhongda.yml", (Edit("content/decisions/zhongda.yml", None, DECISION[0].new),), "之间的年份",
         shown="content/decisions/zhongda.yml"),
    Case(DECISIONS, "同一年写了两个目录", "年中增补的事项另建了 2024.yaml", (Edit("content/decisions/2024.yaml", None, DECISION[0].new),),
         "已有目录文件", setup=DECISION, shown="content/decisions/2024.yml\ncontent/decisions/2024.yaml"),
    Case(DECISIONS, "事项编号重复", "复制事项后忘了改编号", (Edit(DEC, "        文件: cjf-2024-1\n", "        文件: cjf-2024-1\n"
                                                              "  - 编号: zizhu-banfa\n    事项名称: 测试县校车安全管理办法\n"
                                                              "    承办单位: 测试县教育局\n    计划完成时间: 2024年12月\n    状态: 未启动\n"),),
         "在本文件中重复", setup=DECISION),
    Case(DECISIONS, "编号用了保留的名字", "编号写成了 index", (Edit(DEC, "编号: zizhu-banfa", "编号: index"),), "系统保留", setup=DECISION),
    Case(DECISIONS, "计划完成时间不存在", "月份写错", (Edit(DEC, "计划完成时间: 2024年6月", "计划完成时间: 2024年13月"),), "这个时间不存在",
         setup=DECISION),
    Case(DECISIONS, "征集的日期不存在", "日期写错", (Edit(DEC, "截止日期: 2024-02-14", "截止日期: 2024-02-30"),), "这一天不存在", setup=DECISION),
    Case(DECISIONS, "截止日期早于开始日期", "两个日期写反了", (Edit(DEC, "开始日期: 2024-01-15", "开始日期: 2024-02-15"),), "截止日期早于开始日期",
         setup=DECISION),
    Case(DECISIONS, "征求意见不足 30 日（警告）", "只征求了两周意见", (Edit(DEC, "截止日期: 2024-02-14", "截止日期: 2024-01-28"),), "少于 30 日",
         setup=DECISION),
    Case(DECISIONS, "征集写在了别的阶段", "把征集写在了“审议”阶段", (Edit(DEC, "      - 阶段: 征求意见", "      - 阶段: 审议"),), "阶段不能写征集",
         setup=DECISION),
    Case(DECISIONS, "一个阶段链接了文件又链接了页面", "同时写了文件和页面", (Edit(DEC, "        文件: cjf-2024-1", "        文件: cjf-2024-1\n        页面: jigou"),),
         "只能链接一个", setup=DECISION),
    Case(DECISIONS, "阶段没有链接材料", "只写了阶段名", (Edit(DEC, "        文件: cjf-2024-1\n", ""),), "没有链接任何材料", setup=DECISION,
         shown="      - 阶段: 结果\n（下面没有“文件”或“页面”）"),
    Case(DECISIONS, "阶段链接的文件不存在", "文件名写错", (Edit(DEC, "文件: cjf-2024-1", "文件: cjf-2024-11"),), "不存在", setup=DECISION),
    Case(DECISIONS, "阶段链接了不予公开的文件", "链接了内部请示", (Edit(DEC, "文件: cjf-2024-1", "文件: cjf-2024-4"),), "不能出现在网站上",
         setup=DECISION),
    Case(DECISIONS, "阶段日期先后颠倒（警告）", "结果阶段的日期写早了", (Edit(DEC, "        文件: cjf-2024-1", "        日期: 2024-01-05\n        文件: cjf-2024-1"),),
         "晚于", setup=DECISION),
    Case(DECISIONS, "状态与实际不符（警告）", "征求意见已经结束，状态还是“征求意见中”", (Edit(DEC, "状态: 已完成", "状态: 征求意见中"),),
         "没有正在进行的征求意见", setup=DECISION),
    # --- 负面清单和规范性文件清理 ---
    Case(LISTS, "负面清单的更新日期不存在", "日期写错", (Edit(NEG, "更新日期: 2024-03-01", "更新日期: 2024-02-30"),), "这一天不存在", setup=NEGATIVE),
    Case(LISTS, "负面清单事项重复", "同一事项写了两次", (Edit(NEG, "    更新日期: 2024-03-01\n", "    更新日期: 2024-03-01\n"
                                                          "  - 事项: 受助学生的身份证号码、家庭住址、银行账户等个人信息\n    不予公开依据: 涉及个人隐私\n"
                                                          "    责任单位: 测试县教育局\n    更新日期: 2024-03-01\n"),), "重复", setup=NEGATIVE),
    Case(LISTS, "页面占用了负面清单的文件名", "依申请公开栏目的页面起名 fmqd.md", (Edit("content/pages/fmqd.md", None, "---\n标题: 不予公开的信息\n"
                                                                            "栏目: 依申请公开\n发布日期: 2024-06-01\n---\n正文\n"),),
         "留给负面清单页面", setup=NEGATIVE, shown="content/pages/fmqd.md（栏目: 依申请公开）"),
    Case(LISTS, "清理日期不存在", "日期写错", (Edit(CLEAN, "清理日期: 2024-04-03", "清理日期: 2024-04-31"),), "这一天不存在", setup=CLEANUP),
    Case(LISTS, "清理批次编号重复", "复制批次后忘了改编号", (Edit(CLEAN, "    文件: cjf-2024-2\n", "    文件: cjf-2024-2\n  - 编号: qingli-2024\n"
                                                                "    名称: 2024年度第二批规范性文件清理\n    清理日期: 2024-06-20\n"),),
         "重复", setup=CLEANUP),
    Case(LISTS, "文件写的清理批次不存在", "批次编号写错", (Edit(D0, "清理批次: qingli-2024", "清理批次: qingli-2042"),), "不存在", setup=CLEANUP),
    Case(LISTS, "清理批次的文件不存在", "公布清理结果的文件名写错", (Edit(CLEAN, "文件: cjf-2024-2", "文件: cjf-2024-20"),), "不存在", setup=CLEANUP),
    Case(LISTS, "清理结果文件未公开", "链接了不予公开的文件", (Edit(CLEAN, "文件: cjf-2024-2", "文件: cjf-2024-4"),), "应当主动公开", setup=CLEANUP),
    Case(LISTS, "清理批次没有文件（警告）", "定义了批次，被清理的文件没写“清理批次”", (Edit(D0, "清理批次: qingli-2024\n", ""),), "没有任何文件",
         setup=CLEANUP, shown="（没有一个文件的文件头写 清理批次: qingli-2024）"),
    # --- 乡镇和村（居）务公开 ---
    Case(TOWNS, "乡镇文件夹名不能用作网址", "文件夹用了汉字", (Edit("catalogues/towns/城关镇/town.yml", None, "名称: 城关镇\n"),),
         "不能用作网址", shown="catalogues/towns/城关镇/town.yml"),
    Case(TOWNS, "乡镇文件夹里没有 town.yml", "只放了目录文件", (Edit(f"{TOWN}/town.yml"),), "里没有 town.yml", setup=TOWN_SETUP,
         shown="catalogues/towns/chengguan/education.yml（没有 town.yml）"),
    Case(TOWNS, "文件没有放进乡镇文件夹（警告）", "把乡镇目录直接放在 towns 下", (Edit("catalogues/towns/education.yml", None, TOWN_SETUP[1].new),),
         "不在乡镇文件夹里", shown="catalogues/towns/education.yml"),
    Case(TOWNS, "乡镇文件夹里放了别的文件（警告）", "把公示照片放进了乡镇文件夹", (Edit(f"{TOWN}/公示栏.jpg", None, b"\xff\xd8"),),
         "不是乡镇目录文件", setup=TOWN_SETUP, shown="catalogues/towns/chengguan/公示栏.jpg"),
    Case(TOWNS, "乡镇目录的事项不是乡级", "从县级目录复制事项时没改公开层级", (Edit(TOWN_CAT, "公开层级: [乡级]", "公开层级: [县级]"),),
         "没有“乡级”", setup=TOWN_SETUP),
    Case(TOWNS, "乡镇页面没有内容", "建了乡镇文件夹，还没有目录和村（居）务公开", (Edit(TOWN_CAT), Edit(VILLAGES)), "页面没有内容",
         setup=TOWN_SETUP, shown="catalogues/towns/chengguan/town.yml（文件夹里只有这一个文件）"),
    Case(TOWNS, "村（居）写了两次", "同一个村分成两处写", (Edit(VILLAGES, "        目录事项: [CG-YWJY-01]\n", "        目录事项: [CG-YWJY-01]\n"
                                                          "  - 名称: 东关村\n    类型: 村\n    事项:\n      - 名称: 村级财务收支\n"
                                                          "        公开内容: 村集体收入、支出明细\n        公开渠道: [社区/村公示栏（电子屏）]\n"
                                                          "        更新周期: 每月\n        最近公开日期: 2024-06-05\n"),),
         "在本文件中重复", setup=TOWN_SETUP),
    Case(TOWNS, "最近公开日期不存在", "日期写错", (Edit(VILLAGES, "最近公开日期: 2024-03-01", "最近公开日期: 2024-02-30"),), "这一天不存在",
         setup=TOWN_SETUP),
    Case(TOWNS, "村（居）务事项的目录事项不在本乡镇目录中", "写了县级目录的编号", (Edit(VILLAGES, "目录事项: [CG-YWJY-01]", "目录事项: [YWJY-01]"),),
         "不在本乡镇的目录中", setup=TOWN_SETUP),
    Case(TOWNS, "文件写的乡镇不存在", "乡镇写了中文名", _doc("主题分类: 科技、教育", "主题分类: 科技、教育\n乡镇: 城关镇"), "乡镇“城关镇”不存在",
         setup=TOWN_SETUP),
    Case(TOWNS, "村（居）务公开超期未更新（警告）", "每半年公开一次的事项已经一年没更新", (Edit(VILLAGES, "最近公开日期: 2024-03-01", "最近公开日期: 2023-06-01"),),
         "已超期未更新", setup=TOWN_SETUP),
    # --- 政府公报 ---
    Case(GAZETTE, "公报文件名不是年份", "公报存成了 gongbao.yml", (Edit("content/gazette/gongbao.yml", None, GAZETTE_SETUP[0].new),),
         "之间的年份", setup=GAZETTE_SETUP[1:], shown="content/gazette/gongbao.yml"),
    Case(GAZETTE, "同一年写了两个公报文件", "年中另建了 2024.yaml", (Edit("content/gazette/2024.yaml", None, GAZETTE_SETUP[0].new),),
         "已有公报文件", setup=GAZETTE_SETUP, shown="content/gazette/2024.yml\ncontent/gazette/2024.yaml"),
    Case(GAZETTE, "出版日期不存在", "日期写错", (Edit(GAZ, "出版日期: 2024-06-28", "出版日期: 2024-06-31"),), "这一天不存在",
         setup=GAZETTE_SETUP),
    Case(GAZETTE, "一期写进了别的年份", "2025 年第 1 期写在 2024.yml 里", (Edit(GAZ, "出版日期: 2024-06-28", "出版日期: 2025-01-10"),),
         "不在 2024 年", setup=GAZETTE_SETUP),
    Case(GAZETTE, "期号写成 0", "从 0 开始编号", (Edit(GAZ, "期号: 1", "期号: 0"),), "期号“0”不存在", setup=GAZETTE_SETUP),
    Case(GAZETTE, "期号重复", "复制一期后忘了改期号", (Edit(GAZ, "期号: 2", "期号: 1"),), "写了两次", setup=GAZETTE_SETUP),
    Case(GAZETTE, "各期顺序不对", "第 2 期的出版日期早于第 1 期", (Edit(GAZ, "出版日期: 2024-06-28", "出版日期: 2024-03-01"),), "顺序不对",
         setup=GAZETTE_SETUP),
    Case(GAZETTE, "刊登的文件不存在", "文件名写错", (Edit(GAZ, "文件: [cjf-2024-1]", "文件: [cjf-2024-10]"),), "不存在", setup=GAZETTE_SETUP),
    Case(GAZETTE, "刊登了未主动公开的文件", "把不予公开的文件列进了公报", (Edit(GAZ, "文件: [cjf-2024-1]", "文件: [cjf-2024-1, cjf-2024-4]"),),
         "只刊登主动公开的文件", setup=GAZETTE_SETUP),
    Case(GAZETTE, "公报 PDF 不存在", "PDF 文件名写错", (Edit(GAZ, "PDF: gazette/2024-2.pdf", "PDF: gazette/2024-02.pdf"),), "不存在",
         setup=GAZETTE_SETUP),
    Case(GAZETTE, "公报 PDF 在附件文件夹以外", "写了电脑上的完整路径", (Edit(GAZ, "PDF: gazette/2024-2.pdf", "PDF: /home/编辑/公报.pdf"),),
         "指向 content/attachments 以外", setup=GAZETTE_SETUP),
    Case(GAZETTE, "公报写的不是 PDF", "写成了 Word 文件", (Edit(GAZ, "PDF: gazette/2024-2.pdf", "PDF: 2024/资助标准表.txt"),), "不是 PDF 文件",
         setup=GAZETTE_SETUP),
    # --- 更新日志 ---
    Case(UPDATES, "更新日志文件被改坏", "手工编辑 content/update-log.yml 时把“文件”写成了列表",
         (Edit("content/update-log.yml", None, "日志: []\n文件:\n  - cjf-2024-1\n"),), "更新日志文件格式不对"),
    Case(UPDATES, "更新日志中的一条被改坏", "手工改了一条记录的日期", (Edit("content/update-log.yml", None,
         "日志:\n  - {日期: 2024-13-01, 变动: 新增, 文件: \"cjf-2024-1\"}\n文件: {}\n"),), "格式不对"),
)
