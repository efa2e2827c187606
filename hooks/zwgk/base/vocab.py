"""The fixed vocabulary of county disclosure work: every enumerated value an editor may type.

Values are the exact Chinese terms of the regulations (see shared/domain.md); slugs are the
stable ASCII names used in URLs. Schemas, loader and templates all read from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """An enumerated value with the ASCII slug its pages live under."""

    name: str
    slug: str
    aliases: tuple[str, ...] = ()


# 26 pilot domains (试点领域) of 国办发〔2019〕54号.
DOMAINS: tuple[Term, ...] = (
    Term("城乡规划", "planning", ("国土空间规划",)),
    Term("重大建设项目", "major-projects"),
    Term("公共资源交易", "public-resource-trading"),
    Term("财政预决算", "budget"),
    Term("安全生产", "work-safety"),
    Term("税收管理", "tax"),
    Term("征地补偿", "land-compensation"),
    Term("国有土地上房屋征收", "housing-expropriation"),
    Term("保障性住房", "affordable-housing"),
    Term("农村危房改造", "rural-housing"),
    Term("环境保护", "environment"),
    Term("公共文化服务", "public-culture"),
    Term("公共法律服务", "legal-services"),
    Term("扶贫", "rural-revitalization", ("乡村振兴",)),
    Term("救灾", "disaster-relief"),
    Term("食品药品监管", "food-drug"),
    Term("城市综合执法", "urban-enforcement"),
    Term("就业创业", "employment"),
    Term("社会保险", "social-insurance"),
    Term("社会救助", "social-assistance"),
    Term("养老服务", "elderly-care"),
    Term("户籍管理", "household-registration"),
    Term("涉农补贴", "farm-subsidies"),
    Term("义务教育", "education"),
    Term("医疗卫生", "health"),
    Term("市政服务", "municipal-services"),
)

# Categories of 法定主动公开内容: Art. 20 (all organs) and Art. 21 (county governments).
DISCLOSURE_CATEGORIES: tuple[Term, ...] = (
    Term("行政法规、规章和规范性文件", "regulations"),
    Term("机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "organs"),
    Term("国民经济和社会发展规划、专项规划、区域规划及相关政策", "plans"),
    Term("国民经济和社会发展统计信息", "statistics"),
    Term("办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", "licensing"),
    Term("实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定", "enforcement"),
    Term("财政预算、决算信息", "budgets"),
    Term("行政事业性收费项目及其依据、标准", "fees"),
    Term("政府集中采购项目的目录、标准及实施情况", "procurement"),
    Term("重大建设项目的批准和实施情况", "construction-projects"),
    Term("扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", "livelihood"),
    Term("突发公共事件的应急预案、预警信息及应对情况", "emergencies"),
    Term("环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", "inspections"),
    Term("公务员招考的职位、名额、报考条件等事项以及录用结果", "recruitment"),
    Term("市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息", "county-affairs"),
    Term("法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", "other"),
)

# 主题分类 as the State Council policy library uses it.
THEMES: tuple[str, ...] = (
    "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
    "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管",
    "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育",
    "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法",
    "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
)

LABEL_PUBLIC = "此件公开发布"
LABEL_ON_REQUEST = "此件依申请公开"
LABEL_WITHHELD = "此件不予公开"
LABELS: tuple[str, ...] = (LABEL_PUBLIC, LABEL_ON_REQUEST, LABEL_WITHHELD)

# Legal grounds for not publishing proactively (条例 Art. 14–16).
LEGAL_GROUNDS: tuple[str, ...] = (
    "属于国家秘密",
    "法律、行政法规禁止公开",
    "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    "涉及商业秘密",
    "涉及个人隐私",
    "属于人事管理、后勤管理、内部工作流程等内部事务信息",
    "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息",
    "属于行政执法案卷信息",
)

VALID = "现行有效"
VALIDITY: tuple[str, ...] = (VALID, "已修改", "失效", "废止")
WITHDRAWN: frozenset[str] = frozenset({"失效", "废止"})

DOCUMENT_TYPES: tuple[str, ...] = ("规章", "行政规范性文件", "其他文件")
NORMATIVE = "行政规范性文件"

# 重大行政决策: the state of each item of the year's catalogue, and the stages it goes through (in order).
DECISION_STATUSES: tuple[str, ...] = ("未启动", "征求意见中", "审议中", "已完成", "已调整")
DECISION_STAGES: tuple[Term, ...] = (
    Term("征求意见", "zqyj", ("草案", "征求意见稿")),
    Term("起草说明", "qcsm"),
    Term("意见采纳情况", "yjcn"),
    Term("审议", "sy"),
    Term("结果", "jg"),
)

INTERPRETATION_FORMS: tuple[str, ...] = ("文字解读", "简明问答", "图表图解", "音频视频", "案例说明")

AUDIENCES: tuple[str, ...] = ("全社会", "特定群体")
DISCLOSURE_MODES: tuple[str, ...] = ("主动", "依申请")
LEVELS: tuple[str, ...] = ("县级", "乡级")
TOWN_LEVEL = "乡级"
CHANNELS: tuple[str, ...] = (
    "政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
    "政务服务中心", "便民服务站", "入户/现场", "社区/村公示栏（电子屏）", "精准推送", "12345热线", "其他",
)

# 更新日志: what happened to a document. 失效/废止 documents keep their page; 撤下 ones are gone from the site.
LOG_ADDED, LOG_CHANGED, LOG_REMOVED = "新增", "修改", "撤下"
LOG_KINDS: tuple[str, ...] = (LOG_ADDED, LOG_CHANGED, "失效", "废止", LOG_REMOVED)

# 村(居)务公开: who publishes, and how often (村务公开: 一般事项每季度、财务每月、重大事项随时).
VILLAGE_KINDS: tuple[str, ...] = ("村", "社区")
UPDATE_PERIODS: tuple[str, ...] = ("每月", "每季度", "每半年", "每年", "随时", "长期")


@dataclass(frozen=True)
class Section:
    """A column of the 政府信息公开专栏 with its fixed URL."""

    name: str
    slug: str
    fixed: bool  # one of the four columns every site must have


SECTION_GUIDE = Section("政府信息公开指南", "zhinan", True)
SECTION_RULES = Section("政府信息公开制度", "zhidu", True)
SECTION_STATUTORY = Section("法定主动公开内容", "fdzdgknr", True)
SECTION_REPORTS = Section("政府信息公开年报", "nianbao", True)
SECTION_POLICIES = Section("政策文件", "zcwj", False)
SECTION_INTERPRETATIONS = Section("政策解读", "zcjd", False)
SECTION_DOMAINS = Section("重点领域信息公开", "zdly", False)
SECTION_ON_REQUEST = Section("依申请公开", "ysqgk", False)
SECTION_DECISIONS = Section("重大行政决策", "zdxzjc", False)
SECTION_TOWNS = Section("乡镇政务公开", "xzzwgk", False)
SECTION_GAZETTE = Section("政府公报", "zfgb", False)
SECTION_UPDATES = Section("更新日志", "gxrz", False)
SECTION_OTHER = Section("其他信息", "qtxx", False)

SECTIONS: tuple[Section, ...] = (
    SECTION_GUIDE, SECTION_RULES, SECTION_STATUTORY, SECTION_REPORTS,
    SECTION_POLICIES, SECTION_INTERPRETATIONS, SECTION_DOMAINS, SECTION_TOWNS, SECTION_ON_REQUEST, SECTION_DECISIONS,
    SECTION_GAZETTE, SECTION_UPDATES,
)

# Columns a hand-written page (content/pages) may belong to.
PAGE_SECTIONS: tuple[Section, ...] = (
    SECTION_GUIDE, SECTION_RULES, SECTION_REPORTS, SECTION_ON_REQUEST, SECTION_DECISIONS, SECTION_OTHER,
)


def names(terms: tuple[Term, ...]) -> tuple[str, ...]:
    """Every accepted spelling of the terms, canonical names first."""
    return tuple(t.name for t in terms) + tuple(a for t in terms for a in t.aliases)


def find_term(terms: tuple[Term, ...], value: str) -> Term | None:
    for term in terms:
        if value == term.name or value in term.aliases:
            return term
    return None


def find_section(name: str) -> Section | None:
    for section in PAGE_SECTIONS:
        if section.name == name:
            return section
    return None
