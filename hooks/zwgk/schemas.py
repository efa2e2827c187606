"""JSON Schemas of every editor file: the one source of truth the loader validates with.

Titles and descriptions are Chinese so editor tooling can show them; enumerations come from
`vocab`. Dates are text in any of the forms editors type and are checked again for real
calendar days by the loader.
"""

from __future__ import annotations

from typing import Any

from . import dates, vocab

DATE_PATTERN = dates.PATTERN
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _text(title: str, description: str = "") -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "title": title, "description": description or title}


def _date(title: str) -> dict[str, Any]:
    return {"type": "string", "pattern": DATE_PATTERN, "title": title,
            "description": f"{title}，写成 2024-03-05 或 2024年3月5日", "x-zwgk-date": True}


def _enum(title: str, values: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(values), "title": title, "description": f"{title}，可选：" + "、".join(values)}


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
    },
    ["名称", "主办单位", "地址", "电话", "网站标识码", "ICP备案号", "公安机关备案号"],
    anyOf=[{"required": ["统一社会信用代码"]}, {"required": ["机构代码"]}],
)

CATALOGUE_ITEM = _object(
    "公开事项",
    {
        "编号": _text("编号", "全站唯一，文件的“目录事项”用它引用本事项"),
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
    "公开事项标准目录（catalogues/county/<领域>.yml）",
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
        "替代文件": {"type": "string", "pattern": SLUG_PATTERN, "title": "替代文件",
                 "description": "替代本文件的新文件的文件名（不带 .md）"},
        "文件类型": _enum("文件类型", vocab.DOCUMENT_TYPES),
        "主题分类": _enum("主题分类", vocab.THEMES),
        "领域": _list("试点领域", _enum("领域", vocab.names(vocab.DOMAINS))),
        "目录事项": _list("落实的目录事项编号", _text("目录事项编号")),
        "公开类别": _list("法定主动公开内容类别", _enum("公开类别", vocab.names(vocab.DISCLOSURE_CATEGORIES))),
        "附件": {**_list("附件", _text("附件路径", "content/attachments/ 下的路径")), "x-zwgk-split": False},
        "索引号": _text("索引号", "一般不写，由系统生成；已公布的可写上固定"),
        "关键词": _list("关键词", _text("关键词")),
        "内容概述": _text("内容概述"),
    },
    ["标题", "发文机关", "成文日期", "公开属性", "有效性", "文件类型", "主题分类"],
    allOf=[_WITHHOLDING, _PUBLISHED_DATE],
)

INTERPRETATION = _object(
    "政策解读（content/interpretations/**.md 文件头）",
    {
        "标题": _text("标题"),
        "解读对象": {**_list("解读对象", {"type": "string", "pattern": SLUG_PATTERN,
                                         "title": "被解读文件的文件名（不带 .md）"}), "minItems": 1},
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
                       "说明": _text("为什么可以公开", "例如：公开的值班电话")}, ["号码", "说明"]))},
    ["允许公开"],
)

PAGE = _object(
    "页面（content/pages/*.md 文件头）",
    {
        "标题": _text("标题"),
        "栏目": _enum("栏目", tuple(s.name for s in vocab.PAGE_SECTIONS)),
        "发布日期": _date("发布日期"),
        "公开类别": _list("法定主动公开内容类别", _enum("公开类别", vocab.names(vocab.DISCLOSURE_CATEGORIES))),
        "目录事项": _list("落实的目录事项编号", _text("目录事项编号")),
        "附件": {**_list("附件", _text("附件路径", "content/attachments/ 下的路径")), "x-zwgk-split": False},
    },
    ["标题", "栏目", "发布日期"],
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
