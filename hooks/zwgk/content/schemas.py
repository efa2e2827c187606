"""JSON Schemas of every editor file: the one source of truth the loader validates with.

Titles and descriptions are Chinese so editor tooling can show them; enumerations come from
`vocab`. Dates are text in any of the forms editors type and are checked again for real
calendar days by the loader.
"""

from __future__ import annotations

from typing import Any

from zwgk.base import annual_format as fmt
from zwgk.base import dates, vocab
from zwgk.base.problems import quoted

DATE_PATTERN = dates.PATTERN
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _text(title: str, description: str = "") -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "title": title, "description": description or title}


def _identity(schema: dict[str, Any]) -> dict[str, Any]:
    """A value other files refer to or that must be unique (编号, 文件名, 索引号): the loader reads it without
    zero-width or full-width characters and warns when it had some (content/validate.py)."""
    return {**schema, "x-zwgk-identity": True}


def _date(title: str) -> dict[str, Any]:
    return {"type": "string", "pattern": DATE_PATTERN, "title": title,
            "description": f"{title}，写成 2024-03-05 或 2024年3月5日", "x-zwgk-date": True}


def _enum(title: str, values: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values), "title": title, "description": f"{title}，可选：" + quoted(values)}


def _list(title: str, items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items, "title": title, "description": f"{title}（可写多个）"}


def _object(title: str, properties: dict[str, Any], required: list[str], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "title": title, "properties": properties, "required": required,
            "additionalProperties": False, **extra}


SITE = _object(
    "本机关信息（content/site.yml）",
    {
        "名称": _text("机关名称", "网站名称以此开头，如 示例县人民政府"),
        "统一社会信用代码": {"type": "string", "pattern": r"^[0-9A-Z]{18}$", "title": "统一社会信用代码",
                          "description": "18位统一社会信用代码，用于生成索引号"},
        "机构代码": {"type": "string", "pattern": r"^[0-9A-Z]{8}-?[0-9X]$", "title": "组织机构代码",
                 "description": "9位组织机构代码，没有统一社会信用代码时用于生成索引号"},
        "索引号格式": {"type": "string", "pattern": r"\{序号", "title": "索引号格式",
                   "description": "可用 {代码} {年} {月} {序号:05d}，默认 {代码}/{年}-{序号:05d}"},
        "主办单位": _text("主办单位"),
        "承办单位": _text("承办单位"),
        "地址": _text("地址"),
        "邮编": _text("邮编"),
        "电话": _text("联系电话"),
        "电子邮箱": _text("电子邮箱"),
        "网站标识码": _text("网站标识码"),
        "ICP备案号": _text("ICP备案号"),
        "公安机关备案号": _text("公安机关备案号"),
        "找错链接": {"type": "string", "pattern": r"^https?://", "title": "我为政府网站找错链接",
                 "description": "页脚“我为政府网站找错”的网址，默认为全国政府网站找错平台"},
        "网站地址": {"type": "string", "pattern": r"^https?://[^\s/]+(/\S*)?$", "title": "网站地址",
                 "description": "站点对外的完整地址，如 https://www.example.gov.cn/zwgk/；"
                                "网站地图、订阅源和 404 页面用它生成链接，不写则不生成 sitemap.xml"},
        "依申请公开渠道": _object("依申请公开渠道", {
            "在线平台": _object("在线申请平台", {"网址": _text("在线申请平台的网址", "以 http:// 或 https:// 开头的才显示为链接")}, ["网址"]),
            "信函": _object("信函申请", {"邮寄地址": _text("邮寄地址"), "收件人": _text("收件人"), "邮编": _text("邮编")},
                          ["邮寄地址"]),
            "当面": _object("当面申请", {"地址": _text("受理窗口地址"), "办公时间": _text("办公时间")}, ["地址"]),
            "电话": _text("咨询电话", "申请咨询电话（电话不受理申请）"),
        }, [], description="指南页和每个依申请公开的文件页显示这些渠道，只显示写了的；一个都不写时检查给出警告"),
        "检查日期": {**_date("检查日期"),
                 "description": "只给示例、培训用的内容：不加 --today 时按这一天判断栏目是否按时更新，"
                                "让示例内容哪天检查都不报“未更新”；真实站点不要写，检查按当天进行"},
        "机关类型": {**_enum("机关类型", fmt.ORGAN_KINDS),
                 "description": "本站所属机关的类型，决定年度报告的公布期限：县级人民政府为次年 3 月 31 日，"
                                "其他机关为次年 1 月 31 日；不写即为县级人民政府"},
    },
    ["名称", "主办单位", "地址", "电话", "网站标识码", "ICP备案号", "公安机关备案号"],
    anyOf=[{"required": ["统一社会信用代码"]}, {"required": ["机构代码"]}],
)

CATALOGUE_ITEM = _object(
    "公开事项",
    {
        "编号": _identity(_text("编号", "全站唯一，文件的“目录事项”用它引用本事项")),
        "一级事项": _text("一级事项"),
        "二级事项": _text("二级事项"),
        "公开内容": _text("公开内容（要素）"),
        "公开依据": _text("公开依据"),
        "公开时限": _text("公开时限"),
        "公开主体": _text("公开主体"),
        "公开渠道": {**_list("公开渠道和载体", _enum("公开渠道", vocab.CHANNELS)), "minItems": 1},
        "公开对象": _enum("公开对象", vocab.AUDIENCES),
        "公开方式": _enum("公开方式", vocab.DISCLOSURE_MODES),
        "公开层级": {**_list("公开层级", _enum("公开层级", vocab.LEVELS)), "minItems": 1},
        "暂无内容说明": _object("暂无内容说明", {"原因": _text("暂无内容的原因"), "日期": _date("说明日期")},
                              ["原因", "日期"]),
    },
    ["编号", "一级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级"],
)

CATALOGUE = _object(
    "公开事项标准目录（catalogues/county/<领域>.yml、catalogues/towns/<乡镇>/<领域>.yml）",
    {
        "领域": _enum("试点领域", vocab.names(vocab.DOMAINS)),
        "牵头部门": _text("牵头部门"),
        "更新日期": _date("更新日期"),
        "事项": {**_list("公开事项", CATALOGUE_ITEM), "minItems": 1},
    },
    ["领域", "牵头部门", "事项"],
)

_WITHHOLDING = {
    "if": {"properties": {"公开属性": {"enum": [vocab.LABEL_ON_REQUEST, vocab.LABEL_WITHHELD]}},
           "required": ["公开属性"]},
    "then": {"required": ["不予公开理由"]},
}

# A withheld document is never published, so it has no publication date.
_PUBLISHED_DATE = {
    "if": {"properties": {"公开属性": {"const": vocab.LABEL_WITHHELD}}, "required": ["公开属性"]},
    "else": {"required": ["发布日期"]},
}

DOCUMENT = _object(
    "政策文件（content/documents/**.md 文件头）",
    {
        "标题": _text("标题"),
        "文号": _text("发文字号", "如 示政办发〔2024〕3号，括号用〔〕"),
        "发文机关": _text("发文机关"),
        "成文日期": _date("成文日期"),
        "发布日期": _date("发布日期"),
        "公开属性": _enum("公开属性", vocab.LABELS),
        "不予公开理由": _enum("不予公开理由", vocab.LEGAL_GROUNDS),
        "有效性": _enum("有效性", vocab.VALIDITY),
        "废止日期": _date("失效或废止日期"),
        "替代文件": _identity({"type": "string", "pattern": SLUG_PATTERN, "title": "替代文件",
                           "description": "替代本文件的新文件的文件名（不带 .md）"}),
        "文件类型": _enum("文件类型", vocab.DOCUMENT_TYPES),
        "主题分类": _enum("主题分类", vocab.THEMES),
        "领域": _list("试点领域", _enum("领域", vocab.names(vocab.DOMAINS))),
        "目录事项": _list("落实的目录事项编号", _identity(_text("目录事项编号"))),
        "公开类别": _list("法定主动公开内容类别", _enum("公开类别", vocab.names(vocab.DISCLOSURE_CATEGORIES))),
        "附件": {**_list("附件", _text("附件路径", "content/attachments/ 下的路径")), "x-zwgk-split": False},
        "索引号": _identity(_text("索引号", "一般不写，由系统生成；已公布的可写上固定")),
        "关键词": _list("关键词", _text("关键词")),
        "内容概述": _text("内容概述"),
        "清理批次": _identity(_text("清理批次", "本文件在哪一批规范性文件清理中清理：写 content/cleanup.yml 中该批次的编号")),
        "乡镇": _identity(_text("所属乡镇", "乡镇发布的文件写乡镇的文件夹名（catalogues/towns/ 下），如 chengguan")),
        "修改说明": _list("修改说明", _object("修改说明", {
            "日期": _date("修改日期"),
            "说明": _text("说明", "改了什么、为什么改，如：更正第三条中的补贴标准笔误"),
        }, ["日期", "说明"])),
    },
    ["标题", "发文机关", "成文日期", "公开属性", "有效性", "文件类型", "主题分类"],
    allOf=[_WITHHOLDING, _PUBLISHED_DATE],
)

INTERPRETATION = _object(
    "政策解读（content/interpretations/**.md 文件头）",
    {
        "标题": _text("标题"),
        "解读对象": {**_list("解读对象", _identity({"type": "string", "pattern": SLUG_PATTERN,
                                                   "title": "被解读文件的文件名（不带 .md）"})), "minItems": 1},
        "解读形式": _enum("解读形式", vocab.INTERPRETATION_FORMS),
        "解读机关": _text("解读机关"),
        "发布日期": _date("发布日期"),
        "附件": {**_list("附件", _text("附件路径", "content/attachments/ 下的路径")), "x-zwgk-split": False},
    },
    ["标题", "解读对象", "解读形式", "解读机关", "发布日期"],
)

ALLOW_LIST = _object(
    "个人信息白名单（content/personal-data-allow.yml）",
    {"允许公开": _list("允许公开的号码", _object(
        "允许公开的号码", {"号码": _text("号码", "手机号码、身份证号或银行卡号，照原样写"),
                       "说明": _text("为什么可以公开", "例如：公开的值班电话")}, ["号码", "说明"])),
     "人工核对附件": _list("太大或无法读取、已人工核对没有个人信息的附件", _object(
         "人工核对的附件", {"附件": _text("附件路径", "content/attachments/ 下的路径，照检查报告写"),
                      "校验值": {"type": "string", "pattern": "^[0-9a-f]{16}$", "title": "校验值",
                              "description": "检查报告给出的16位校验值；附件改动后校验值会变，须重新核对"},
                      "说明": _text("谁在何时核对", "例如：2024-07-01 张三逐页核对，无个人信息")},
         ["附件", "校验值", "说明"]))},
    [],
)

PAGE = _object(
    "页面（content/pages/*.md 文件头）",
    {
        "标题": _text("标题"),
        "栏目": _enum("栏目", tuple(s.name for s in vocab.PAGE_SECTIONS)),
        "发布日期": _date("发布日期"),
        "公开类别": _list("法定主动公开内容类别", _enum("公开类别", vocab.names(vocab.DISCLOSURE_CATEGORIES))),
        "目录事项": _list("落实的目录事项编号", _identity(_text("目录事项编号"))),
        "附件": {**_list("附件", _text("附件路径", "content/attachments/ 下的路径")), "x-zwgk-split": False},
    },
    ["标题", "栏目", "发布日期"],
)

# A code editors give (批次编号, 决策编号), not a file name: validate words SLUG_PATTERN misfits as file names.
CODE_PATTERN = r"^[0-9a-z][0-9a-z-]*$"
# 计划完成时间 as catalogues print it: 2026年, 2026年12月, 2026-12, or a full date.
PLANNED_PATTERN = r"^[0-9０-９]{4}\s*年?(\s*[-./]?\s*[0-9０-９]{1,2}\s*月?(\s*[-./]?\s*[0-9０-９]{1,2}\s*日?)?)?$"


def _code(title: str, example: str) -> dict[str, Any]:
    return _identity({"type": "string", "pattern": CODE_PATTERN, "title": title,
                      "description": f"{title}只用小写英文字母、数字和连字符，例如 {example}，公布后不要再改"})


def _reference(title: str, where: str) -> dict[str, Any]:
    return _identity({"type": "string", "pattern": SLUG_PATTERN, "title": title, "description": f"{where}的文件名（不带 .md）"})


CONSULTATION = _object(
    "公开征求意见",
    {
        "开始日期": _date("征求意见开始日期"),
        "截止日期": _date("征求意见截止日期"),
        "方式": _text("提交意见的方式", "如：电子邮件发送至……；信函寄至……，信封注明“……意见”"),
    },
    ["开始日期", "截止日期", "方式"],
)

DECISION_STAGE = _object(
    "决策阶段",
    {
        "阶段": _enum("阶段", vocab.names(vocab.DECISION_STAGES)),
        "日期": _date("日期（不写时取征求意见开始日期或所链接文件、页面的发布日期）"),
        "文件": _reference("本阶段的文件", "content/documents 下文件"),
        "页面": _reference("本阶段的页面", "content/pages 下页面"),
        "征集": CONSULTATION,
        "说明": _text("说明", "如：经县人民政府第12次常务会议审议通过"),
    },
    ["阶段"],
)

DECISION = _object(
    "重大行政决策事项",
    {
        "编号": _code("编号", "tcss-guihua"),
        "事项名称": _text("事项名称"),
        "承办单位": _text("承办单位"),
        "计划完成时间": {"type": "string", "pattern": PLANNED_PATTERN, "title": "计划完成时间",
                    "description": "写成 2026年12月、2026-12-31 或 2026年"},
        "状态": _enum("状态", vocab.DECISION_STATUSES),
        "说明": _text("说明", "如：调整的原因"),
        "阶段": _list("决策阶段", DECISION_STAGE),
    },
    ["编号", "事项名称", "承办单位", "计划完成时间", "状态"],
)

DECISIONS = _object(
    "重大行政决策事项目录（content/decisions/<年份>.yml）",
    {
        "发布日期": _date("目录发布日期"),
        "说明": _text("说明", "目录的简要说明，如审议通过的会议"),
        "事项": {**_list("重大行政决策事项", DECISION), "minItems": 1},
    },
    ["发布日期", "事项"],
)

NEGATIVE_LIST = _object(
    "政府信息公开负面清单（content/negative-list.yml）",
    {
        "标题": _text("标题", "不写时为“政府信息公开负面清单”"),
        "说明": _text("说明"),
        "事项": {**_list("不予公开的事项", _object("负面清单事项", {
            "事项": _text("不予公开的事项", "具体写明哪一类信息"),
            "不予公开依据": _enum("不予公开依据", vocab.LEGAL_GROUNDS),
            "责任单位": _text("责任单位"),
            "更新日期": _date("更新日期"),
        }, ["事项", "不予公开依据", "责任单位", "更新日期"])), "minItems": 1},
    },
    ["事项"],
)

CLEANUP = _object(
    "规范性文件清理批次（content/cleanup.yml）",
    {"批次": {**_list("清理批次", _object("清理批次", {
        "编号": _code("批次编号", "2024-qingli"),
        "名称": _text("批次名称", "如：2024年度行政规范性文件清理"),
        "清理日期": _date("清理日期"),
        "依据": _text("清理依据", "如：《示例县行政规范性文件管理办法》"),
        "说明": _text("说明"),
        "文件": _reference("公布清理结果的文件", "content/documents 下文件"),
    }, ["编号", "名称", "清理日期"])), "minItems": 1}},
    ["批次"],
)

GAZETTE = _object(
    "政府公报（content/gazette/<年>.yml）",
    {
        "刊名": _text("刊名", "不写时为“<机关名称>公报”，如 示例县人民政府公报"),
        "期": {**_list("各期", _object("一期公报", {
            "期号": {"type": "string", "pattern": r"^[0-9０-９]{1,3}$", "title": "期号",
                   "description": "本年第几期，从 1 开始，按出版顺序递增"},
            "出版日期": _date("出版日期"),
            "PDF": _text("本期 PDF", "content/attachments/ 下的路径，如 gazette/2025-1.pdf"),
            "文件": {**_list("本期刊登的文件", _reference("文件", "content/documents 下文件")), "minItems": 1},
        }, ["期号", "出版日期", "PDF", "文件"])), "minItems": 1},
    },
    ["期"],
)


# --- the annual report (年度报告), 国办公开办函〔2021〕30号 ---------------------------------------------

# Numbers stay text like every scalar; the exported schema also accepts them as YAML numbers.
_DIGITS = "[0-9０-９]"


def _count(title: str) -> dict[str, Any]:
    return {"type": "string", "pattern": f"^{_DIGITS}{{1,9}}$", "title": title, "x-zwgk-number": "count",
            "description": f"{title}：件数，只写不小于 0 的整数（如 12，最多 9 位），没有写 0"}


def _money(title: str) -> dict[str, Any]:
    return {"type": "string", "pattern": f"^{_DIGITS}{{1,12}}([.．]{_DIGITS}{{1,6}})?$", "title": title, "x-zwgk-number": "amount",
            "description": f"{title}：金额（万元），只写数字，可以有小数（如 1268.45），没有写 0"}


def _cells(title: str, columns: tuple[str, ...], optional: tuple[str, ...] = (),
           note: tuple[str, str, str] | None = None) -> dict[str, Any]:
    """A table row: one number per column, written as {列: 数, …} on one line. A row that goes on from
    last year's report may add its 说明 of a break; `note` is (the break, its usual cause, an example)."""
    properties: dict[str, Any] = {c: _count(c) for c in columns}
    if note:
        properties[fmt.NOTE] = _row_note(*note)
    return _object(title, properties, [c for c in columns if c not in optional])


def _row_note(broken: str, cause: str, example: str) -> dict[str, Any]:
    # No minLength: a 说明 written empty is read, and the check says it is empty (the break stays an error).
    return {"type": "string", "title": "说明（与上一年报告接不上的原因，可不写）", "x-zwgk-note": True,
            "description": f"{broken}时（{cause}），不要改已公布的数字，在这一行加“说明”写明原因，如 说明: {example}。"
                           "写了说明，检查只给出警告，报告页面在这一行下显示说明；空的说明不算"}


_IN_FORCE_NOTE = ("本行的现行有效件数不等于上一年的现行有效件数加本年制发、减本年废止", "如两次报告之间开展了清理",
                  "2024年底开展规范性文件集中清理，宣布失效3件，未计入本年废止件数")
_CARRIED_IN_NOTE = (f"本行与上一年报告的“{fmt.CARRIED_OUT.label}”不一致", "如上一年报告公布后核实有误",
                    "2023年报告公布后核实，1件2023年12月收到的申请漏统计")


def _paragraphs(title: str) -> dict[str, Any]:
    return _text(title, f"{title}：每行一段，用 | 开头另起一行缩进书写")


def _request_table() -> dict[str, Any]:
    properties: dict[str, Any] = {"说明": _paragraphs("说明（表格前的文字，可不写）")}
    groups = {g.key: g for g in fmt.RESULTS if isinstance(g, fmt.Group)}
    for row in fmt.REQUEST_ROWS:
        key = row.path[0]
        if key in groups:
            rows = groups[key].rows
            properties[key] = _object(groups[key].label, {r.path[1]: _cells(r.label, fmt.REQUEST_COLUMNS, (fmt.TOTAL,))
                                                          for r in rows}, [r.path[1] for r in rows])
        else:
            optional = fmt.REQUEST_COLUMNS if row == fmt.RESULTS_TOTAL else (fmt.TOTAL,)
            properties[key] = _cells(row.label, fmt.REQUEST_COLUMNS, optional,
                                     _CARRIED_IN_NOTE if row == fmt.CARRIED_IN else None)
    required = [k for k in properties if k not in ("说明", fmt.RESULTS_TOTAL.path[0])]
    return _object(fmt.SECTION_TITLES["申请情况"], properties, required)


_PROACTIVE = _object(
    fmt.SECTION_TITLES["主动公开"],
    {
        "说明": _paragraphs("说明（表格前的文字，可不写）"),
        **{kind: _cells(kind, fmt.RULE_COLUMNS, note=_IN_FORCE_NOTE) for kind in fmt.RULE_KINDS},
        **{kind: _count(f"{kind}本年处理决定数量") for kind in fmt.DECISION_KINDS},
        fmt.FEES: _money("行政事业性收费本年收费金额"),
    },
    [*fmt.RULE_KINDS, *fmt.DECISION_KINDS, fmt.FEES],
)

_REVIEWS = _object(
    fmt.SECTION_TITLES["复议诉讼"],
    {"说明": _paragraphs("说明（表格前的文字，可不写）"),
     **{case: _cells(case, fmt.REVIEW_COLUMNS, (fmt.TOTAL,)) for case in fmt.REVIEW_CASES}},
    list(fmt.REVIEW_CASES),
)

ANNUAL_REPORT = _object(
    "政府信息公开工作年度报告（content/reports/<年份>.yml）",
    {
        "标题": _text("标题", "可不写，默认为“<机关名称><年份>年政府信息公开工作年度报告”"),
        "发布日期": _date("发布日期"),
        "前言": _paragraphs("前言（一、总体情况之前的文字，可不写）"),
        "总体情况": _paragraphs(fmt.SECTION_TITLES["总体情况"]),
        "主动公开": _PROACTIVE,
        "申请情况": _request_table(),
        "复议诉讼": _REVIEWS,
        "存在的主要问题及改进情况": _paragraphs(fmt.SECTION_TITLES["存在的主要问题及改进情况"]),
        "其他需要报告的事项": _paragraphs(fmt.SECTION_TITLES["其他需要报告的事项"]),
    },
    ["发布日期", "总体情况", "主动公开", "申请情况", "复议诉讼", "存在的主要问题及改进情况", "其他需要报告的事项"],
)


TOWN = _object(
    "乡镇信息（catalogues/towns/<乡镇>/town.yml）",
    {
        "名称": _text("乡镇名称", "如 城关镇；文件夹名（如 chengguan）是它的网址"),
        "地址": _text("办公地址"),
        "电话": _text("联系电话"),
        "办公时间": _text("办公时间"),
    },
    ["名称"],
)

VILLAGE_ITEM = _object(
    "村（居）务公开事项",
    {
        "名称": _text("公开事项名称", "如 低保对象公示、村级财务收支"),
        "公开内容": _text("公开内容"),
        "公开渠道": {**_list("公开渠道和载体", _enum("公开渠道", vocab.CHANNELS)), "minItems": 1},
        "更新周期": _enum("更新周期", vocab.UPDATE_PERIODS),
        "最近公开日期": _date("最近公开日期"),
        "目录事项": _list("落实的乡镇目录事项编号", _identity(_text("目录事项编号", "本乡镇目录中的事项编号"))),
    },
    ["名称", "公开内容", "公开渠道", "更新周期", "最近公开日期"],
)

VILLAGES = _object(
    "村（居）务公开（catalogues/towns/<乡镇>/villages.yml）",
    {
        "村居": {**_list("村（居）", _object(
            "村（居）",
            {"名称": _text("村（居）名称", "如 东关村、城北社区"), "类型": _enum("类型", vocab.VILLAGE_KINDS),
             "事项": {**_list("公开事项", VILLAGE_ITEM), "minItems": 1}},
            ["名称", "类型", "事项"])), "minItems": 1},
    },
    ["村居"],
)

def _keys(schema: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        found |= set(schema.get("properties", {}))
        for value in schema.values():
            found |= _keys(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _keys(value)
    return found


# Every key of every editor file (the loader reads `键：值` typed with a Chinese input method for these).
KEYS: frozenset[str] = frozenset(key for value in list(globals().values()) if isinstance(value, dict) for key in _keys(value))
