"""Example mistakes for the editors' handbook, each run through the real loader and checks.

Every case edits a copy of the small test site (tests/fixtures/mini, the fictional 测试县) and
names a fragment of the message it must produce; tools/make_handbook.py prints the message and
its fix exactly as `build.py check` does, and fails when a case no longer produces it. A test
checks that every place in hooks/zwgk that reports a problem is reached by some case here.
"""

from __future__ import annotations

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


def _new(text: str, encoding: str = "utf-8") -> tuple[Edit, ...]:
    return (Edit(NEW, None, text if encoding == "utf-8" else text.encode(encoding)),)


def _doc(old: str, new: str) -> tuple[Edit, ...]:
    return _new(NEW_DOC.replace(old, new, 1))


FORMAT, VALUES, NAMES, FILES, REFS, BODY, CHECKS = (
    "文件格式和编码", "项目和取值", "文件名和位置", "附件", "引用和一致性", "正文中的链接", "发布前的内容检查")

CASES: tuple[Case, ...] = (
    # --- 文件格式和编码 ---
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
    Case(FORMAT, "文件里有看不见的控制字符", "从别的软件粘贴时带进了控制字符", _doc("标题: 测试县", "标题: 测试县\x01"), "文件无法读取",
         shown="标题: 测试县\\x01教育局……（\\x01 是看不见的控制字符）"),
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
    Case(VALUES, "填的值不在可选范围内", "有效性写成了“有效”", _doc("有效性: 现行有效", "有效性: 有效"), "不在可选范围内"),
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
    Case(VALUES, "索引号格式无法使用", "索引号格式里没有 {年}", (Edit(SITE, "统一社会信用代码: 11000000MB0000000X",
                                                                 "统一社会信用代码: 11000000MB0000000X\n索引号格式: \"{代码}-{序号}\""),),
         "索引号格式"),
    Case(VALUES, "暂无内容说明的日期不存在", "说明日期写错", (Edit(CAT, "    公开层级: 县级\n", "    公开层级: 县级\n    暂无内容说明:\n"
                                                                       "      原因: 本年度尚未发生\n      日期: 2024-06-31\n"),),
         "这一天不存在"),
    # --- 文件名和位置 ---
    Case(NAMES, "文件名不能用作网址", "文件名用了汉字", (Edit("content/documents/2024/校车通知.md", None, NEW_DOC),), "不能用作网址",
         shown="content/documents/2024/校车通知.md"),
    Case(NAMES, "文件名是保留的名字", "文件名起成了 index.md", (Edit("content/documents/2024/index.md", None, NEW_DOC),), "系统保留",
         shown="content/documents/2024/index.md"),
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
)
