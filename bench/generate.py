#!/usr/bin/env python3
"""生成基准测试用的虚构县级政务公开内容树（content/ 和 catalogues/）。

    python bench/generate.py --docs 1000 --out /tmp/gen1000 [--seed 1]
    .venv/bin/python build.py --root /tmp/gen1000 check

只用 Python 标准库；同一个 --seed 每次生成逐字节相同的文件（不读时间、不依赖哈希顺序）。
全部内容为虚构的“示例县”数据：电话一律 0000-0000000，不出现手机号、身份证号、银行卡号等个人信息。
"""

from __future__ import annotations

import argparse
import bisect
import re
import shutil
import string
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random

sys.dont_write_bytecode = True  # no bench/__pycache__ left behind
sys.path.insert(0, str(Path(__file__).resolve().parent))
from domains import CAT_REGULATIONS, DOMAINS, GOV, GOV_OFFICE, LAW_GENERAL  # noqa: E402 - bench/domains.py

MARKER = ".zwgk-bench"  # DIR 中的标记文件：有它才允许覆盖 DIR/content 和 DIR/catalogues
FIRST_DAY = date(2021, 1, 4)
LAST_WRITTEN = date(2025, 12, 19)
LAST_DAY = date(2025, 12, 31)

LABEL_PUBLIC, LABEL_ON_REQUEST, LABEL_WITHHELD = "此件公开发布", "此件依申请公开", "此件不予公开"
NORMATIVE, OTHER = "行政规范性文件", "其他文件"
FORMS = ("文字解读", "简明问答", "图表图解", "音频视频", "案例说明")

TOWNS = ("城关镇", "东关镇", "南山乡", "北河镇", "西岭乡", "青石镇", "柳湾乡", "白马镇", "双河乡", "石桥镇", "桃源乡", "龙泉镇")
CHANNEL_EXTRA = ("政府公报", "两微一端", "广播电视", "纸质媒体", "公开查阅点", "政务服务中心", "便民服务站",
                 "社区/村公示栏（电子屏）", "精准推送", "12345热线")
TIME_LIMITS = ("信息形成或者变更之日起20个工作日内", "信息形成或者变更之日起20个工作日内", "每年3月31日前",
               "批准后20个工作日内", "每季度结束后15日内", "实时公开", "按规定时限公开")

# 不予公开理由 → 该类文件的标题模板（{o} 发文机关，{t} 话题，{y} 年份）
WITHHOLD_TEMPLATES = {
    "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息": (
        "{o}关于{t}有关问题的请示", "{o}关于{t}工作推进会议的纪要", "{o}关于调整{y}年{t}资金安排的请示",
        "{o}关于{t}实施方案起草情况的说明"),
    "属于人事管理、后勤管理、内部工作流程等内部事务信息": (
        "{o}关于{y}年机关内设机构工作人员岗位调整的通知", "{o}关于规范{t}工作内部流转程序的通知",
        "{o}关于{y}年机关车辆使用管理有关事项的通知", "{o}关于{t}工作专班人员组成的通知"),
    "属于行政执法案卷信息": (
        "{o}关于{y}年{t}执法案件查处情况的报告", "{o}关于{t}领域违法案件调查处理情况的报告"),
    "涉及商业秘密": (
        "{o}关于{t}项目有关企业成本核查情况的报告", "{o}关于{t}企业报价比对情况的报告"),
    "涉及个人隐私": (
        "{o}关于{y}年{t}对象家庭经济状况核查情况的报告", "{o}关于{t}信访事项调查核实情况的报告"),
    "公开后可能危及国家安全、公共安全、经济安全、社会稳定": (
        "{o}关于{t}领域风险隐患排查处置情况的报告",),
}
WITHHOLD_WEIGHTS = {
    "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息": 40,
    "属于人事管理、后勤管理、内部工作流程等内部事务信息": 20,
    "属于行政执法案卷信息": 15,
    "涉及商业秘密": 10,
    "涉及个人隐私": 10,
    "公开后可能危及国家安全、公共安全、经济安全、社会稳定": 5,
}

NORMATIVE_TEMPLATES = (
    ("{o}关于印发《{x}》的通知", "示例县{t}管理办法"),
    ("{o}关于印发《{x}》的通知", "示例县{t}实施细则"),
    ("{o}关于印发《{x}》的通知", "示例县{t}实施办法"),
    ("{o}关于印发《{x}》的通知", "示例县{t}若干规定"),
    ("{o}关于进一步规范{t}工作的通知", None),
    ("{o}关于调整{y}年度{t}有关标准的通知", None),
    ("{o}关于{t}有关事项的通知", None),
)
OTHER_TEMPLATES = (
    ("{o}关于做好{y}年{t}工作的通知", None),
    ("{o}关于印发《{x}》的通知", "示例县{y}年{t}工作方案"),
    ("{o}关于印发《{x}》的通知", "示例县{t}三年行动方案（{y}—{y2}年）"),
    ("{o}关于印发《{x}》的通知", "示例县{y}年{t}工作要点"),
    ("{o}关于开展{t}专项行动的通知", None),
    ("{o}关于{y}年{t}情况的通报", None),
    ("{o}关于公布{y}年{t}有关情况的公告", None),
    ("{o}关于进一步加强{t}工作的实施意见", None),
    ("{o}关于{y}年上半年{t}工作情况的通报", None),
)

CN_NUM = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1..99 → 一 … 九十九"""
    if n <= 10:
        return CN_NUM[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUM[tens - 1]) + "十" + (CN_NUM[ones - 1] if ones else "")


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def cjk_len(text: str) -> int:
    """Number of Chinese characters (CJK unified ideographs) in `text`."""
    return sum(map(len, _CJK_RUN.findall(text)))


def wide_len(text: str) -> int:
    """Non-ASCII characters in `text`: Chinese characters plus full-width punctuation, so never
    fewer than cjk_len(text). Fast (no regex); used to keep bodies under the upper bound."""
    return (len(text.encode("utf-8")) - len(text)) >> 1


def pick(rng: Random, pool: tuple[str, ...], k: int) -> list[str]:
    """k distinct entries of `pool` (k much smaller than the pool): a fast random.sample."""
    rand, size = rng.random, len(pool)
    if k == 1:
        return [pool[int(rand() * size)]]
    if k == 2:
        i, j = int(rand() * size), int(rand() * (size - 1))
        return [pool[i], pool[j + (j >= i)]]
    chosen: list[int] = []
    while len(chosen) < k:
        i = int(rand() * size)
        if i not in chosen:
            chosen.append(i)
    return [pool[i] for i in chosen]


# --------------------------------------------------------------------------- 正文素材

PUB_HEAD_FIRST = ("总体要求", "工作目标", "适用范围", "基本原则", "指导思想")
PUB_HEAD_MID = ("主要任务", "重点工作", "对象和标准", "办理程序", "职责分工", "资金管理", "监督管理",
                "信息公开", "实施步骤", "服务保障")
PUB_HEAD_LAST = ("保障措施", "工作要求", "组织实施", "其他事项")
PUB_SUB = (
    "健全{t}工作机制", "规范{t}办理流程", "加强{t}信息公开", "强化{t}资金保障", "推进{t}数字化建设",
    "压实{t}属地责任", "加大{t}政策宣传力度", "开展{t}监督检查", "提升{t}服务质量", "加强{t}队伍建设",
    "完善{t}考核评价", "畅通{t}投诉举报渠道", "做好{t}风险防范", "建立{t}工作台账", "推动{t}城乡统筹",
    "明确{t}适用对象", "严格{t}审核程序", "落实{t}部门责任",
)
PUB_SENT = (
    "各乡镇人民政府要把{t}工作列入重要议事日程，明确分管负责同志和具体经办人员，确保各项任务落到实处。",
    "{d}负责{t}工作的统筹协调和业务指导，会同有关部门研究解决工作中遇到的重大问题。",
    "到{y}年底，全县{t}工作机制基本健全，服务对象满意度达到{p}%以上。",
    "对符合条件的申请，应当在{n}个工作日内完成审核，并将审核结果在村（社区）公示栏公示{n2}天。",
    "县财政局要按照规定统筹安排{t}工作经费，确保资金及时足额到位。",
    "严禁截留、挤占、挪用专项资金，对违规使用资金的，依法依规追究有关单位和人员责任。",
    "要充分利用政府网站、政务新媒体、村（社区）公示栏等渠道，及时公开{t}政策、办理程序和实施结果。",
    "推行“一窗受理、一次办结”，申请人可以通过县政务服务中心窗口或者网上办事平台提交申请。",
    "全县现有{t}服务站点{n3}个，覆盖{n4}个乡镇和{n5}个行政村（社区）。",
    "要建立健全工作台账，实行动态管理，做到底数清、情况明、数据准。",
    "县政府督查室将{t}工作纳入年度重点督查事项，定期通报工作进展情况。",
    "各有关单位要加强协作配合，形成工作合力，共同推动{t}工作取得实效。",
    "对工作推进不力、造成不良影响的，按照有关规定严肃问责。",
    "公示期满无异议的，按程序报{d}审批；有异议的，应当及时组织复核并反馈结果。",
    "要加强政策宣传解读，通过多种形式向群众讲清楚政策内容、申请条件和办理流程，提高政策知晓率。",
    "各乡镇要于每季度末{n}日前将工作进展情况报送{d}。",
    "坚持以人民为中心的发展思想，坚持尽力而为、量力而行，突出重点、分类施策。",
    "坚持公开、公平、公正原则，严格执行标准和程序，自觉接受社会监督。",
    "{y}年，全县计划完成{t}相关任务{n3}项，安排资金{m}万元。",
    "本县已连续{n}年将{t}列入县级民生实事项目。",
    "要充分运用大数据比对、部门信息共享等方式，提高审核效率和精准度。",
    "涉及群众切身利益的重要事项，应当通过座谈会、听证会、网络征求意见等方式广泛听取意见。",
    "建立{t}工作联席会议制度，联席会议办公室设在{d}，负责日常联络和协调工作。",
    "对群众反映的问题，要及时核实处理，并在{n}个工作日内予以答复。",
    "各单位要严格落实政府信息公开保密审查制度，公开的信息不得包含个人隐私。",
    "将{t}工作完成情况纳入乡镇年度目标责任考核，考核结果作为评先评优的重要依据。",
    "加强与上级主管部门的沟通衔接，积极争取政策和资金支持。",
    "探索建立{t}第三方评估机制，每年至少开展一次绩效评价。",
    "{d}要会同县财政局加强资金监管，确保资金使用安全、规范、高效。",
    "{y}年全县{t}累计惠及群众{n6}人次，发放资金{m}万元。",
    "咨询电话：0000-0000000（工作日上午8:30—12:00，下午14:30—18:00）。",
    "对弄虚作假骗取补助资金的，一经查实，立即停止享受相关政策，追回已发放资金，并依法依规处理。",
    "乡镇人民政府应当在受理申请之日起{n}个工作日内完成入户调查，形成调查意见。",
    "鼓励社会力量参与{t}工作，形成政府主导、社会参与、群众受益的工作格局。",
    "各地要结合实际细化工作措施，明确时间表、路线图和责任人，确保按期完成目标任务。",
    "完善{t}信息系统，推动数据向乡镇和村（社区）延伸，实现“数据多跑路、群众少跑腿”。",
)
PUB_ITEMS = (
    "申请人填写申请表并提交有关证明材料", "乡镇人民政府受理并进行初审", "{d}进行审核并作出决定",
    "审核结果在政府网站和村（社区）公示栏公示", "资金通过惠民惠农财政补贴“一卡通”发放到户",
    "建立工作台账，实行动态管理", "每季度开展一次督查，年底进行综合考评", "年底前完成绩效自评并报送{d}",
    "公开{t}政策文件和办事指南", "公开{t}年度计划和实施情况", "公开投诉举报电话和受理方式",
    "组织开展政策宣传进村入户活动", "开展业务培训，提升基层经办能力", "将有关数据及时录入信息系统",
    "每年{n}月底前完成上年度工作总结", "对照目标任务开展自查自纠",
)
PUB_CLOSE = (
    "执行中遇到的问题，请及时向{d}反馈。", "本通知自印发之日起施行。",
    "请各单位认真抓好贯彻落实，重要情况及时报告。", "本方案由{d}负责解释。",
)

PRIV_HEAD = ("基本情况", "主要做法", "存在的问题", "原因分析", "拟采取的措施", "下一步工作", "请示事项", "意见建议")
PRIV_SENT = (
    "经初步测算，{t}相关事项需追加资金{m}万元，其中县级配套资金{m2}万元，拟从预备费中统筹安排。",
    "在前期核查中发现，部分单位报送的数据与实际情况存在出入，需要进一步核实后再作处理。",
    "截至{mo}月底，共受理相关案件{n3}件，已办结{n4}件，其余案件正在调查处理中。",
    "拟由×××同志牵头负责，从相关股室抽调{n}名工作人员组成工作专班，集中{n2}天开展工作。",
    "经会议研究，原则同意{d}提出的{t}工作方案，请按会议意见修改完善后按程序报批。",
    "有关企业提供的报价、成本构成等资料涉及商业秘密，已按规定登记保管，仅限本次核查使用。",
    "核查中涉及的家庭收入、财产状况等信息仅用于审核工作，不得对外提供或者用于其他用途。",
    "会议认为，当前{t}工作总体平稳，但个别乡镇进度滞后，需要进一步加大督促指导力度。",
    "对检查中发现的{n3}处问题，已逐一建立问题清单，明确整改责任单位和整改时限。",
    "经与县财政局、县审计局会商，建议对资金使用进度较慢的{n}个项目调整资金安排。",
    "案件调查过程中，执法人员依法调取了相关书证和现场照片，并制作了询问笔录。",
    "目前该事项仍处于研究论证阶段，相关方案尚未最终确定，不宜对外公开。",
    "以上意见如无不妥，请予批示。",
    "有关情况我局将持续跟踪，重大变化及时向县人民政府报告。",
    "经测算，若按新方案执行，年度支出将比现行标准增加约{p}%，需要统筹考虑财力承受能力。",
    "部分单位对内部管理制度执行不严，公文流转和车辆使用登记不够规范，已责成限期整改。",
)

INTERP_HEAD = ("起草背景", "制定依据", "主要内容", "适用对象", "创新举措", "办理流程", "施行时间", "有关说明")
INTERP_SENT = (
    "为贯彻落实上级关于{t}工作的部署要求，{d}在深入调研、广泛征求意见的基础上起草了《{x}》。",
    "起草过程中，先后召开座谈会{n}次，书面征求县直有关部门和各乡镇意见，并通过政府网站公开征求社会公众意见。",
    "《{x}》共分{k}个部分，明确了{t}的适用范围、工作标准、办理程序和保障措施。",
    "与原有政策相比，主要变化是扩大了适用范围、提高了保障标准、简化了办理程序。",
    "群众可以就近到乡镇便民服务中心或者县政务服务中心办理，也可以通过网上办事平台提交申请。",
    "{d}将加强对各乡镇的业务指导，定期开展督查，确保政策落地见效。",
    "政策执行中有疑问的，可以拨打咨询电话0000-0000000。",
    "《{x}》自{date}起施行。",
    "这次出台的政策，重点解决了群众反映较多的“办事难、办事慢”等问题。",
    "对符合条件的对象，实行“免申即享”，由部门通过数据比对主动发现、主动服务。",
)
QA_QUESTIONS = (
    ("为什么要出台这份文件？", "主要是为了贯彻落实上级关于{t}工作的部署要求，解决实际工作中标准不统一、程序不规范等问题，更好地保障群众合法权益。"),
    ("哪些人可以享受这项政策？", "具有本县户籍或者在本县居住并符合文件规定条件的对象，都可以按规定申请。具体条件见文件第二部分。"),
    ("到哪里办理？", "可以到户籍所在地乡镇便民服务中心办理，也可以通过网上办事平台提交申请。"),
    ("办理需要多长时间？", "材料齐全的，乡镇人民政府在{n}个工作日内完成初审，{d}在{n2}个工作日内完成审核。"),
    ("需要准备哪些材料？", "一般需要提供申请表和相关证明材料，能够通过部门共享获取的材料不再要求申请人提供。"),
    ("标准有什么变化？", "与原标准相比，平均提高约{p}%，新标准自文件施行之日起执行。"),
    ("对审核结果有异议怎么办？", "可以在公示期内向乡镇人民政府或者{d}提出，相关单位将在{n}个工作日内复核并答复。"),
    ("资金怎么发放？", "通过惠民惠农财政补贴“一卡通”按时发放，不收取任何费用。"),
    ("文件什么时候开始执行？", "自{date}起施行。"),
    ("有问题可以咨询谁？", "可以拨打{d}咨询电话0000-0000000，或者在工作日到县政务服务中心咨询。"),
)
CASES = (
    ("城关镇某村村民李某", "因家庭成员患病导致生活困难，经乡镇初审和{d}审核，纳入{t}保障范围，按月享受相关待遇。"),
    ("南山乡某社区居民王某", "通过网上办事平台提交申请，全程未跑腿，{n}个工作日即办结。"),
    ("白马镇某企业", "按照文件规定申请相关扶持政策，经审核符合条件，获得补助资金{m}万元。"),
    ("青石镇某村", "将{t}纳入村规民约，设立公示栏定期公开办理结果，群众满意度明显提升。"),
    ("北河镇某合作社", "带动周边{n3}户农户参与，年户均增收{n6}元。"),
)


_NUMBERS = {  # placeholder → (low, high) of the random integer it stands for
    "n": (3, 15), "n2": (5, 10), "n3": (12, 96), "n4": (8, 12), "n5": (120, 260), "n6": (1200, 9800),
    "p": (80, 98), "mo": (3, 11), "m2": (10, 900),
}
_FIELDS: dict[str, tuple[str, ...]] = {}


def _fields(text: str) -> tuple[str, ...]:
    found = _FIELDS.get(text)
    if found is None:
        found = _FIELDS[text] = tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(text) if name))
    return found


def in_order(pool: tuple, chosen: list) -> list:
    """`chosen` in the order of `pool` (headings and questions follow a logical order)."""
    return [x for x in pool if x in chosen]


def fill(rng: Random, text: str, ctx: dict) -> str:
    """Replace the placeholders of a template; numbers are drawn fresh, only those the template uses."""
    names = _fields(text)
    if not names:
        return text
    rand = rng.random
    values = {}
    for name in names:
        if name in _NUMBERS:
            low, high = _NUMBERS[name]
            values[name] = low + int(rand() * (high - low + 1))
        elif name == "m":
            values[name] = f"{50 + int(rand() * 4751)}.{int(rand() * 100):02d}"
        else:
            values[name] = ctx.get(name, "")
    return text.format_map(values)


def paragraph(rng: Random, pool: tuple[str, ...], ctx: dict, k: int) -> str:
    return "".join([fill(rng, s, ctx) for s in pick(rng, pool, k)])


def opening(rng: Random, title: str) -> str:
    """First paragraph of a public document, fitting its kind."""
    if title.endswith("公告"):
        return "根据《中华人民共和国政府信息公开条例》和有关规定，现将{y}年{t}有关情况公告如下。"
    if title.endswith("通报"):
        return "为推动{t}工作落实，现将有关工作情况通报如下。"
    if title.endswith("意见"):
        return "为进一步加强{t}工作，结合本县实际，经县人民政府同意，提出如下实施意见。"
    return rng.choice((
        "为深入贯彻落实党中央、国务院和省、市关于{t}工作的决策部署，进一步提升{t}工作水平，结合本县实际，现就有关事项通知如下。",
        "为进一步规范{t}工作，切实维护群众合法权益，根据有关法律法规和政策规定，经县人民政府同意，现将有关事项通知如下。",
        "{y}年是实施“十四五”规划的重要一年。为扎实做好{t}各项工作，结合本县实际，现将有关事项通知如下。",
    ))


def make_table(rng: Random, ctx: dict, year: int) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        rows = ["| 乡镇 | 计划数 | 完成数 | 完成率 |", "| --- | ---: | ---: | ---: |"]
        for town in rng.sample(TOWNS, rng.randint(5, 8)):
            plan = rng.randint(20, 180)
            done = rng.randint(plan * 7 // 10, plan)
            rows.append(f"| {town} | {plan} | {done} | {done * 100 // plan}% |")
    elif kind == 1:
        rows = ["| 类别 | 标准 | 发放方式 |", "| --- | --- | --- |"]
        base = rng.randint(40, 90)
        for i, label in enumerate(("一类对象", "二类对象", "三类对象", "其他对象")[: rng.randint(3, 4)]):
            rows.append(f"| {label} | 每人每月{(4 - i) * base}元 | 按月发放到“一卡通” |")
    else:
        rows = ["| 阶段 | 时间 | 主要任务 |", "| --- | --- | --- |"]
        stages = (("动员部署", "制定方案，明确责任分工"), ("组织实施", "全面推进各项任务"),
                  ("督查评估", "开展督查，及时整改问题"), ("总结验收", "总结经验，形成长效机制"))
        month = rng.randint(1, 4)
        for name, task in stages:
            end = min(month + rng.randint(1, 3), 12)
            span = f"{year}年{month}月" + (f"—{end}月" if end > month else "")
            rows.append(f"| {name} | {span} | {task} |")
            month = min(end + 1, 12)
    return "\n".join(rows)


def structured_body(rng: Random, ctx: dict, target: int, limit: int, public: bool, table: str | None) -> list[str]:
    """一、（一）1. structured sections, added until `target` Chinese characters are written, never over `limit`."""
    rand = rng.random
    if public:
        heads = [PUB_HEAD_FIRST[int(rand() * len(PUB_HEAD_FIRST))], *pick(rng, PUB_HEAD_MID, 8),
                 PUB_HEAD_LAST[int(rand() * len(PUB_HEAD_LAST))]]
        sent, subs, items, styles = PUB_SENT, PUB_SUB, PUB_ITEMS, 3
    else:
        heads = in_order(PRIV_HEAD, pick(rng, PRIV_HEAD, 7))
        sent, subs, items, styles = PRIV_SENT, PUB_SUB, (), 2
    out: list[str] = []
    count = 0
    for i, head in enumerate(heads, start=1):
        if count >= target:
            break
        block = [f"{cn(i)}、{head}", paragraph(rng, sent, ctx, 2)]
        style = int(rand() * styles)
        if style == 0:
            for j in range(1, 2 + int(rand() * 3)):
                sub = fill(rng, subs[int(rand() * len(subs))], ctx)
                block.append(f"（{cn(j)}）{sub}。{paragraph(rng, sent, ctx, 1 + int(rand() * 2))}")
        elif style == 1:
            block.append(paragraph(rng, sent, ctx, 2 + int(rand() * 2)))
        else:
            chosen = pick(rng, items, 3 + int(rand() * 3))
            block.append("\n".join([f"{j}. {fill(rng, s, ctx)}。" for j, s in enumerate(chosen, 1)]))
        if table is not None and i == 2:
            block.append(table)
        size = wide_len("".join(block))
        if out and count + size > limit:
            break
        if table is not None and i == 2:
            table = None
        out.extend(block)
        count += size
    if table is not None:
        out.append(table)
    return out


# --------------------------------------------------------------------------- model


@dataclass
class Item:
    code: str
    level1: str
    level2: str
    content: str
    topic: str
    proactive: bool


@dataclass
class Dom:
    name: str
    slug: str
    code: str
    depts: list[tuple[str, str, str]]
    theme: str
    law: str
    cats: list[str]
    weight: int
    topics: list[str]
    items: list[Item] = field(default_factory=list)


@dataclass
class Doc:
    idx: int
    dom: Dom
    written: date
    published: date
    label: str = LABEL_PUBLIC
    doc_type: str = OTHER
    reason: str | None = None
    validity: str = "现行有效"
    repealed: date | None = None
    replaced_by: "Doc | None" = None
    replaces: list["Doc"] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    slug: str = ""
    number: str | None = None
    issuer: tuple[str, str, str] = GOV
    title: str = ""
    inner: str | None = None  # 《…》 of an 印发 notice
    topic: str = ""
    categories: list[str] = field(default_factory=list)
    attachment: str | None = None
    table: bool = False  # the body has a Markdown table
    interps: list[str] = field(default_factory=list)  # forms

    @property
    def public(self) -> bool:
        return self.label == LABEL_PUBLIC


def yaml_str(value: str) -> str:
    """A plain YAML scalar when safe, else double-quoted."""
    if (not value or value[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in value or " #" in value or value != value.strip()
            or value[-1] == ":"):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(yaml_str(v) if "," not in v else '"' + v + '"' for v in values) + "]"


# --------------------------------------------------------------------------- generation


class Generator:
    def __init__(self, n_docs: int, seed: int) -> None:
        self.n = n_docs
        self.rng = Random(seed)
        self.doms: list[Dom] = []
        self.docs: list[Doc] = []
        self.files: dict[str, str | bytes] = {}  # relative path → content
        self.interp_count = 0
        self.body_sizes: list[int] = []
        self.table_count = 0
        self.attachment_count = 0

    # ---------------------------------------------------------------- catalogues

    def catalogues(self) -> None:
        rng = self.rng
        for spec in DOMAINS:
            dom = Dom(spec["name"], spec["slug"], spec["code"], list(spec["depts"]), spec["theme"], spec["law"],
                      list(spec["cats"]), spec["weight"], list(spec["topics"]))
            raw = spec["items"]
            count = rng.randint(6, min(10, len(raw)))
            rest = sorted(rng.sample(range(1, len(raw)), count - 1))
            for k, i in enumerate([0] + rest, start=1):
                text = raw[i]
                proactive = not text.startswith("*")
                level1, level2, content, topic = text.lstrip("*").split("|")
                dom.items.append(Item(f"{dom.code}-{k:02d}", level1, level2, content, topic, proactive))
            self.doms.append(dom)
            self.files[f"catalogues/county/{dom.slug}.yml"] = self.catalogue_yaml(dom)

    def catalogue_yaml(self, dom: Dom) -> str:
        rng = self.rng
        lead = dom.depts[0][0]
        updated = date(2025, 1, 1) + timedelta(days=rng.randint(0, 180))
        lines = [f"# {dom.name}领域基层政务公开标准目录（基准测试用虚构数据）", f"领域: {dom.name}", f"牵头部门: {lead}",
                 f"更新日期: {updated.isoformat()}", "事项:"]
        for item in dom.items:
            channels = ["政府网站"] + sorted(rng.sample(CHANNEL_EXTRA, rng.randint(1, 3)), key=CHANNEL_EXTRA.index)
            if not item.proactive:
                channels = sorted(rng.sample(("公开查阅点", "政务服务中心", "入户/现场", "便民服务站"), 2))
            publisher = lead if rng.random() < 0.7 else f"{lead}、各乡镇人民政府"
            levels = "[县级]" if rng.random() < 0.5 else "[县级, 乡级]"
            audience = "全社会" if item.proactive and rng.random() < 0.9 else "特定群体"
            lines += [
                f"  - 编号: {item.code}",
                f"    一级事项: {yaml_str(item.level1)}",
                f"    二级事项: {yaml_str(item.level2)}",
                f"    公开内容: {yaml_str(item.content)}",
                f"    公开依据: {LAW_GENERAL}{dom.law}",
                f"    公开时限: {rng.choice(TIME_LIMITS) if item.proactive else '收到申请之日起20个工作日内'}",
                f"    公开主体: {publisher}",
                f"    公开渠道: {yaml_list(channels)}",
                f"    公开对象: {audience}",
                f"    公开方式: {'主动' if item.proactive else '依申请'}",
                f"    公开层级: {levels}",
                "",
            ]
        return "\n".join(lines).rstrip("\n") + "\n"

    # ---------------------------------------------------------------- metadata

    def plan(self) -> None:
        rng, n = self.rng, self.n
        # Every domain at least once, the rest by weight; then shuffled.
        doms = list(self.doms[: min(n, len(self.doms))])
        weights = [d.weight for d in self.doms]
        doms += rng.choices(self.doms, weights=weights, k=n - len(doms))
        rng.shuffle(doms)
        span = (LAST_WRITTEN - FIRST_DAY).days
        docs = []
        for i, dom in enumerate(doms):
            written = FIRST_DAY + timedelta(days=rng.randint(0, span))
            if written.weekday() >= 5:
                written -= timedelta(days=written.weekday() - 4)
                if written < FIRST_DAY:
                    written = FIRST_DAY
            delta = rng.randint(1, 10)
            pub = written + timedelta(days=delta)
            if pub.weekday() >= 5:
                monday = pub + timedelta(days=7 - pub.weekday())
                pub = monday if (monday - written).days <= 10 else pub - timedelta(days=pub.weekday() - 4)
            docs.append(Doc(i, dom, written, min(pub, LAST_DAY)))
        docs.sort(key=lambda d: (d.published, d.written, d.idx))
        per_year: Counter = Counter()
        for i, doc in enumerate(docs):
            doc.idx = i
            per_year[doc.published.year] += 1
            doc.slug = f"d{doc.published.year}-{per_year[doc.published.year]:05d}"
        self.docs = docs

        # 公开属性: exact shares, then every domain gets at least one public document.
        n_on, n_wh = round(n * 0.06), round(n * 0.04)
        labels = [LABEL_ON_REQUEST] * n_on + [LABEL_WITHHELD] * n_wh + [LABEL_PUBLIC] * (n - n_on - n_wh)
        rng.shuffle(labels)
        for doc, label in zip(docs, labels):
            doc.label = label
        by_dom: dict[str, list[Doc]] = {d.slug: [] for d in self.doms}
        for doc in docs:
            by_dom[doc.dom.slug].append(doc)
        for dom in self.doms:
            mine = by_dom[dom.slug]
            if mine and not any(d.public for d in mine):
                donor = next((d for o in self.doms for d in by_dom[o.slug]
                              if d.public and sum(x.public for x in by_dom[o.slug]) > 1), None)
                if donor is not None:
                    donor.label, mine[0].label = mine[0].label, LABEL_PUBLIC
        reasons = list(WITHHOLD_WEIGHTS)
        reason_w = [WITHHOLD_WEIGHTS[r] for r in reasons]
        for doc in docs:
            if not doc.public:
                doc.reason = rng.choices(reasons, weights=reason_w)[0]

        # 行政规范性文件: 30% of all documents, all of them public.
        public = [d for d in docs if d.public]
        for doc in rng.sample(public, min(len(public), round(n * 0.30))):
            doc.doc_type = NORMATIVE

        self.assign_items(by_dom)
        self.assign_validity(by_dom)
        self.assign_titles()

    def assign_items(self, by_dom: dict[str, list[Doc]]) -> None:
        rng = self.rng
        for dom in self.doms:
            public = [d for d in by_dom[dom.slug] if d.public]
            proactive = [it for it in dom.items if it.proactive]
            on_request = [it for it in dom.items if not it.proactive]
            if public:
                # Cover every proactive item: deal them out over the domain's public documents.
                order = proactive[1:]
                rng.shuffle(order)
                start = rng.randrange(len(public))
                for j, item in enumerate(order):
                    public[(start + j) % len(public)].items.append(item)
                policy = proactive[0]
                for doc in public:
                    if not doc.items:
                        doc.items.append(rng.choice(proactive[1:] or proactive))
                    elif rng.random() < 0.15 and len(proactive) > 2:
                        extra = rng.choice(proactive[1:])
                        if extra not in doc.items:
                            doc.items.append(extra)
                    if doc.doc_type == NORMATIVE:
                        doc.items.insert(0, policy)
                if not any(policy in d.items for d in public):
                    public[rng.randrange(len(public))].items.insert(0, policy)
            for doc in by_dom[dom.slug]:
                if doc.label == LABEL_ON_REQUEST and on_request and rng.random() < 0.6:
                    doc.items.append(rng.choice(on_request))

    def assign_validity(self, by_dom: dict[str, list[Doc]]) -> None:
        rng = self.rng
        cutoff = date(2025, 1, 1)
        for doc in self.docs:
            if doc.published < cutoff:
                r = rng.random()
                doc.validity = "失效" if r < 0.06 else "废止" if r < 0.10 else "已修改" if r < 0.15 else "现行有效"
        for dom in self.doms:
            current = [d for d in by_dom[dom.slug] if d.public and d.validity == "现行有效"]
            days = [d.published for d in current]
            for doc in by_dom[dom.slug]:
                if doc.validity not in ("失效", "废止"):
                    continue
                new = None
                if rng.random() < 0.85:
                    at = bisect.bisect_left(days, doc.published + timedelta(days=90))
                    if at < len(current):
                        new = current[min(len(current) - 1, at + rng.randrange(3))]
                if new is not None:
                    doc.replaced_by = new
                    new.replaces.append(doc)
                    doc.repealed = new.published
                else:
                    doc.repealed = min(LAST_DAY, doc.published + timedelta(days=rng.randint(365, 1100)))

    def assign_titles(self) -> None:
        rng = self.rng
        serials: Counter = Counter()
        titles: set[str] = set()
        for doc in self.docs:
            dom = doc.dom
            r = rng.random()
            doc.issuer = GOV if r < 0.06 else GOV_OFFICE if r < 0.16 else rng.choice(dom.depts)
            if not doc.public:
                doc.issuer = rng.choice(dom.depts) if r < 0.85 else GOV_OFFICE
            primary = next((it for it in doc.items if it.topic), None)
            y = doc.written.year
            for attempt in range(8):  # titles unique where the templates allow
                if attempt == 0 and primary and rng.random() < 0.8:
                    doc.topic = primary.topic
                else:
                    doc.topic = rng.choice(dom.topics + [it.topic for it in dom.items if it.topic])
                ctx = dict(o=doc.issuer[0], t=doc.topic, y=y, y2=y + 2)
                if doc.public:
                    template, inner = rng.choice(NORMATIVE_TEMPLATES if doc.doc_type == NORMATIVE else OTHER_TEMPLATES)
                    doc.inner = inner.format(**ctx) if inner else None
                    doc.title = template.format(x=doc.inner, **ctx)
                else:
                    doc.title = rng.choice(WITHHOLD_TEMPLATES[doc.reason]).format(**ctx)
                if doc.title not in titles:
                    break
            if doc.title in titles and doc.inner:  # the same rules issued again: a revision
                doc.inner += f"（{y}年修订）"
                doc.title = template.format(x=doc.inner, **ctx)
            elif doc.title in titles and doc.title.endswith("的通知") and doc.title[:-3] + "的补充通知" not in titles:
                doc.title = doc.title[:-3] + "的补充通知"
            k, first = 1, doc.title
            # A withheld title must never equal a published one, nor be part of one: the leak audit would
            # rightly find it there. So the serial goes inside the title, not at its end.
            while not doc.public and doc.title in titles:
                k += 1
                doc.title = first.replace("关于", f"关于第{cn(k)}批", 1)
            titles.add(doc.title)
            if rng.random() < 0.95:
                abbr = doc.issuer[2]
                serials[(abbr, y)] += 1
                doc.number = f"{abbr}〔{y}〕{serials[(abbr, y)]}号"
            if doc.public:
                cats = []
                if doc.doc_type == NORMATIVE and rng.random() < 0.5:
                    cats.append(CAT_REGULATIONS)
                if rng.random() < 0.4:
                    cats.append(rng.choice(dom.cats))
                doc.categories = cats

    # ---------------------------------------------------------------- files

    def document_file(self, doc: Doc) -> str:
        rng = self.rng
        dom = doc.dom
        meta = [
            "---",
            f"标题: {yaml_str(doc.title)}",
        ]
        if doc.number:
            meta.append(f"文号: {doc.number}")
        meta += [
            f"发文机关: {doc.issuer[0]}",
            f"成文日期: {doc.written.isoformat()}",
            f"发布日期: {doc.published.isoformat()}",
            f"公开属性: {doc.label}",
        ]
        if doc.reason:
            meta.append(f"不予公开理由: {doc.reason}")
        meta.append(f"有效性: {doc.validity}")
        if doc.repealed:
            meta.append(f"废止日期: {doc.repealed.isoformat()}")
        if doc.replaced_by:
            meta.append(f"替代文件: {doc.replaced_by.slug}")
        meta += [f"文件类型: {doc.doc_type}", f"主题分类: {dom.theme}", f"领域: [{dom.name}]"]
        if doc.items:
            meta.append(f"目录事项: {yaml_list([it.code for it in doc.items])}")
        if doc.categories:
            meta.append(f"公开类别: {yaml_list(doc.categories)}")
        if doc.attachment:
            meta.append(f"附件: [{doc.attachment}]")
        if doc.public and rng.random() < 0.7:
            keywords = [doc.topic, dom.name] if doc.topic != dom.name else [doc.topic]
            meta.append(f"关键词: {yaml_list(keywords)}")
        if doc.public and rng.random() < 0.5:
            what = doc.inner or doc.topic
            meta.append(f"内容概述: {yaml_str(f'明确{what}的适用范围、工作标准、办理程序和保障措施。')}")
        meta.append("---")
        return "\n".join(meta) + "\n" + self.document_body(doc)

    def document_body(self, doc: Doc) -> str:
        rng = self.rng
        dept_short = doc.dom.depts[0][1]
        ctx = dict(t=doc.topic, d=dept_short, y=doc.written.year)
        target = rng.randint(900, 2500)
        parts: list[str] = []
        if doc.public:
            if doc.issuer in (GOV, GOV_OFFICE):
                parts.append("各乡镇人民政府，县政府各部门，县直各单位：")
            else:
                parts.append("各乡镇人民政府，县直有关单位：")
            if doc.inner:
                parts.append(f"《{doc.inner}》已经县人民政府同意，现印发给你们，请结合实际认真贯彻执行。")
                parts += [doc.issuer[0], cn_date(doc.written), f"## {doc.inner}"]
            else:
                parts.append(fill(rng, opening(rng, doc.title), ctx))
            table = make_table(rng, ctx, doc.written.year) if doc.table else None
            self.table_count += doc.table
            head = wide_len("".join(parts)) + (wide_len(table) if table else 0)
            parts += structured_body(rng, ctx, target - head, 2250 - head, True, table)
            if doc.doc_type == NORMATIVE:
                start = doc.published + timedelta(days=rng.randint(10, 40))
                parts.append(f"本{'办法' if doc.inner else '通知'}自{cn_date(start)}起施行，有效期{rng.choice((3, 5))}年。")
            else:
                parts.append(fill(rng, rng.choice(PUB_CLOSE), ctx))
            for old in doc.replaces[:3]:
                if old.label == LABEL_WITHHELD:
                    continue
                name = f"《{old.inner}》" if old.inner else f"《{old.title}》"
                parts.append(f"{name}{'（' + old.number + '）' if old.number else ''}同时废止。")
            if doc.attachment:
                parts.append(f"附件：{doc.attachment.rsplit('/', 1)[1].rsplit('.', 1)[0]}")
            if not doc.inner:
                parts += [doc.issuer[0], cn_date(doc.written)]
        else:
            parts.append("县人民政府：" if doc.issuer != GOV_OFFICE else "各乡镇人民政府，县政府各部门：")
            parts.append(fill(rng, rng.choice((
                "现将{y}年{t}工作有关情况报告如下。",
                "根据工作安排，我们对{t}有关情况进行了梳理，现将有关事项报告如下。",
                "为推动{t}工作，经研究，现将有关事项请示（报告）如下。",
            )), ctx))
            head = wide_len("".join(parts))
            parts += structured_body(rng, ctx, target - head, 2250 - head, False, None)
            parts += [doc.issuer[0], cn_date(doc.written)]
        body = "\n\n".join(parts) + "\n"
        return self.pad(body, ctx, public=doc.public)

    def pad(self, body: str, ctx: dict, public: bool) -> str:
        """Keep every body within 800–2500 Chinese characters."""
        rng = self.rng
        size = cjk_len(body)
        while size < 800:
            body += "\n" + paragraph(rng, PUB_SENT if public else PRIV_SENT, ctx, 2) + "\n"
            size = cjk_len(body)
        if size > 2500:  # cannot happen: sections stop at 2250 wide characters, the closing lines are short
            raise AssertionError(f"正文 {size} 个汉字，超过 2500")
        self.body_sizes.append(size)
        return body

    def attachment_file(self, doc: Doc, used: set[str]) -> None:
        rng = self.rng
        year = doc.published.year
        csv = rng.random() < 0.6
        stem = f"示例县{year}年{doc.topic}{'情况统计表' if csv else '办理须知'}"
        name, k = stem, 1
        while f"{year}/{name}" in used:
            k += 1
            name = f"{stem}-{k}"
        path = f"{year}/{name}.{'csv' if csv else 'txt'}"
        used.add(f"{year}/{name}")
        if csv:
            lines = ["乡镇,计划数,完成数,资金（万元）"]
            for town in rng.sample(TOWNS, rng.randint(4, 8)):
                plan = rng.randint(10, 200)
                lines.append(f"{town},{plan},{rng.randint(plan // 2, plan)},{rng.randint(5, 400)}.{rng.randint(0, 9)}")
            data = "\ufeff" + "\r\n".join(lines) + "\r\n"
        else:
            data = "\r\n".join([
                f"{doc.topic}办理须知",
                "",
                "一、办理地点：示例县政务服务中心一楼综合窗口，或户籍所在地乡镇便民服务中心。",
                "二、办理时间：工作日上午8:30—12:00，下午14:30—18:00。",
                f"三、所需材料：申请表、{rng.choice(('相关证明材料', '有关资格证明', '情况说明'))}（能通过部门共享获取的不再提供）。",
                f"四、办理时限：材料齐全的，{rng.randint(5, 20)}个工作日内办结。",
                "五、咨询电话：0000-0000000。",
                "",
            ])
        self.files[f"content/attachments/{path}"] = data
        doc.attachment = path
        self.attachment_count += 1

    def interpretation_file(self, doc: Doc, form: str, slug: str) -> str:
        rng = self.rng
        x = doc.inner or doc.title
        ctx = dict(t=doc.topic, d=doc.dom.depts[0][1], y=doc.written.year, x=x,
                   date=cn_date(doc.published + timedelta(days=rng.randint(10, 40))), k=cn(rng.randint(4, 8)))
        title = {
            "文字解读": f"《{x}》政策解读",
            "简明问答": f"《{x}》政策问答",
            "图表图解": f"图解：{x}",
            "音频视频": f"视频解读：{x}",
            "案例说明": f"案例解读：{x}",
        }[form]
        if "《" in x and form in ("文字解读", "简明问答"):
            title = f"《{x.replace('《', '〈').replace('》', '〉')}》{'政策解读' if form == '文字解读' else '政策问答'}"
        issuer = doc.issuer[0] if doc.issuer not in (GOV, GOV_OFFICE) else doc.dom.depts[0][0]
        parts: list[str] = []
        if form == "文字解读":
            for i, head in enumerate(in_order(INTERP_HEAD, pick(rng, INTERP_HEAD, rng.randint(4, 6))), start=1):
                parts += [f"{cn(i)}、{head}", paragraph(rng, INTERP_SENT, ctx, rng.randint(2, 3))]
        elif form == "简明问答":
            for q, a in in_order(QA_QUESTIONS, pick(rng, QA_QUESTIONS, rng.randint(5, 8))):
                parts += [f"**问：**{q}", f"**答：**{fill(rng, a, ctx)}"]
        elif form == "图表图解":
            parts.append(f"一张表看懂《{x}》。")
            parts += ["**一、政策要点**", make_table(rng, ctx, doc.written.year), "**二、实施安排**",
                      make_table(rng, ctx, doc.written.year), fill(rng, INTERP_SENT[6], ctx)]
        elif form == "音频视频":
            parts.append(f"本期视频由{ctx['d']}负责同志解读《{x}》，时长约{rng.randint(4, 12)}分钟。以下为视频主要内容文字稿。")
            for i, head in enumerate(in_order(INTERP_HEAD, pick(rng, INTERP_HEAD, 3)), start=1):
                parts += [f"{cn(i)}、{head}", paragraph(rng, INTERP_SENT, ctx, 2)]
        else:
            parts.append(f"下面通过几个案例，说明《{x}》在实际工作中怎么用。")
            for i, (who, what) in enumerate(rng.sample(CASES, rng.randint(3, 4)), start=1):
                parts += [f"**案例{cn(i)}**", f"{who}{fill(rng, what, ctx)}"]
            parts.append(fill(rng, INTERP_SENT[6], ctx))
        meta = ["---", f"标题: {yaml_str(title)}", f"解读对象: [{doc.slug}]", f"解读形式: {form}",
                f"解读机关: {issuer}", f"发布日期: {doc.published.isoformat()}", "---"]
        return "\n".join(meta) + "\n" + "\n\n".join(parts) + "\n"

    def contents(self) -> None:
        rng = self.rng
        used: set[str] = set()
        public = [d for d in self.docs if d.public]
        for doc in rng.sample(public, round(len(public) * 0.05)):
            self.attachment_file(doc, used)
        for doc in rng.sample(public, min(len(public), round(self.n * 0.05))):
            doc.table = True
        # Interpretations: ~15% of public documents, more often of normative ones; every form used.
        forms_cycle = list(FORMS)
        for doc in public:
            p = 0.40 if doc.doc_type == NORMATIVE else 0.025
            if rng.random() < p:
                form = forms_cycle.pop(0) if forms_cycle else rng.choices(FORMS, weights=(40, 25, 15, 8, 12))[0]
                doc.interps.append(form)
                if rng.random() < 0.1:
                    doc.interps.append(rng.choice([f for f in FORMS if f != form]))
        spare = [d for d in public if not d.interps]
        for form in forms_cycle:  # small trees: still one interpretation of every form
            if spare:
                spare.pop(int(rng.random() * len(spare))).interps.append(form)
        for doc in self.docs:
            year = doc.published.year
            self.files[f"content/documents/{year}/{doc.slug}.md"] = self.document_file(doc)
            for k, form in enumerate(doc.interps, start=1):
                slug = f"jd-{doc.slug}" + (f"-{k}" if k > 1 else "")
                self.files[f"content/interpretations/{year}/{slug}.md"] = self.interpretation_file(doc, form, slug)
                self.interp_count += 1
        self.files["content/site.yml"] = SITE_YML
        self.pages()

    # ---------------------------------------------------------------- pages

    def pages(self) -> None:
        y = 2024
        docs = [d for d in self.docs if d.published.year == y]
        pub = [d for d in docs if d.public]
        normative = sum(d.doc_type == NORMATIVE for d in pub)
        interps = sum(len(d.interps) for d in pub)
        on_req = sum(d.label == LABEL_ON_REQUEST for d in docs)
        withheld = sum(d.label == LABEL_WITHHELD for d in docs)
        repealed = sum(1 for d in self.docs if d.repealed and d.repealed.year == y and d.doc_type == NORMATIVE)
        current = sum(1 for d in self.docs if d.doc_type == NORMATIVE and d.published.year <= y
                      and not (d.repealed and d.repealed.year <= y))
        domains = "、".join(d.name for d in self.doms[:8])
        self.files["content/pages/nianbao-2024.md"] = NIANBAO.format(
            docs=len(pub), normative=normative, interps=interps, on_req=on_req, withheld=withheld,
            repealed=repealed, current=current, domains=domains)
        self.files["content/pages/zhinan.md"] = ZHINAN
        self.files["content/pages/zhidu-zhudong.md"] = ZHIDU_ZHUDONG
        self.files["content/pages/zhidu-yishenqing.md"] = ZHIDU_YISHENQING
        self.files["content/pages/ysqgk-shuoming.md"] = YSQGK

    # ---------------------------------------------------------------- run

    def run(self) -> None:
        self.catalogues()
        self.plan()
        self.contents()

    def summary(self) -> str:
        labels = Counter(d.label for d in self.docs)
        validity = Counter(d.validity for d in self.docs)
        types = Counter(d.doc_type for d in self.docs)
        years = Counter(d.published.year for d in self.docs)
        forms = Counter(f for d in self.docs for f in d.interps)
        items = sum(len(d.items) for d in self.doms)
        proactive = {it.code for d in self.doms for it in d.items if it.proactive}
        fulfilled = {it.code for d in self.docs if d.public for it in d.items}
        lines = [
            f"文件 {len(self.docs)} 个：" + "，".join(f"{k} {labels[k]}" for k in (LABEL_PUBLIC, LABEL_ON_REQUEST, LABEL_WITHHELD)),
            "有效性：" + "，".join(f"{k} {validity[k]}" for k in ("现行有效", "已修改", "失效", "废止"))
            + f"（有替代文件 {sum(1 for d in self.docs if d.replaced_by)}）",
            "文件类型：" + "，".join(f"{k} {types[k]}" for k in (NORMATIVE, OTHER)),
            "年份：" + "，".join(f"{k} {years[k]}" for k in sorted(years)),
            f"正文 {min(self.body_sizes)}–{max(self.body_sizes)} 个汉字，带表格 {self.table_count} 个",
            f"解读 {self.interp_count} 篇（" + "，".join(f"{k} {forms[k]}" for k in FORMS) + f"），"
            f"附件 {self.attachment_count} 个，页面 5 个",
            f"目录 {len(self.doms)} 个领域、{items} 个事项；主动公开事项 {len(proactive)} 个，"
            f"已由公开文件落实 {len(proactive & fulfilled)} 个",
        ]
        return "\n".join(lines)


def write_tree(out: Path, files: dict[str, str | bytes]) -> None:
    for folder in sorted({rel.rsplit("/", 1)[0] for rel in files}):
        (out / folder).mkdir(parents=True, exist_ok=True)
    base = str(out)
    for rel, data in files.items():
        with open(f"{base}/{rel}", "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)


def prepare(out: Path) -> None:
    """DIR/content and DIR/catalogues are replaced only if this script made them."""
    existing = [p for p in (out / "content", out / "catalogues") if p.exists()]
    if existing and not (out / MARKER).is_file():
        sys.exit(f"拒绝覆盖：{out} 中已有 content/ 或 catalogues/，但不是本脚本生成的（缺少 {MARKER}）。请换一个输出目录。")
    for p in existing:
        shutil.rmtree(p)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("由 bench/generate.py 生成；再次运行会覆盖本目录的 content/ 和 catalogues/。\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generate.py", description="生成基准测试用的虚构县级政务公开内容树")
    parser.add_argument("--docs", type=int, required=True, help="政策文件数量（建议不少于 100）")
    parser.add_argument("--out", type=Path, required=True, help="输出目录（写入 content/ 和 catalogues/）")
    parser.add_argument("--seed", type=int, default=1, help="随机种子，默认 1；同一种子输出逐字节相同")
    parser.add_argument("--quiet", action="store_true", help="不打印统计")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs 至少为 1")
    started = time.perf_counter()
    gen = Generator(args.docs, args.seed)
    gen.run()
    prepare(args.out)
    write_tree(args.out, gen.files)
    if not args.quiet:
        print(gen.summary())
        print(f"已写入 {len(gen.files)} 个文件到 {args.out}（用时 {time.perf_counter() - started:.2f} 秒）")
        if args.docs < 40:
            print("提示：文件数少于 40 时，部分领域可能没有公开文件，主动公开目录事项无法全部落实，check 会报错。", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- fixed texts

SITE_YML = """\
# 本机关信息：页脚、索引号生成使用。基准测试用虚构数据，代码和号码均为占位。
名称: 示例县人民政府
统一社会信用代码: 11000000MB0000000X
索引号格式: "{代码}/{年}-{序号:05d}"
主办单位: 示例县人民政府办公室
地址: 示例县人民路1号
邮编: "000000"
电话: 0000-0000000
网站标识码: "0000000000"
ICP备案号: 示ICP备00000000号
公安机关备案号: 示公网安备 00000000000000号
"""

ZHINAN = """\
---
标题: 示例县人民政府政府信息公开指南
栏目: 政府信息公开指南
发布日期: 2025-01-08
---
为了更好地提供政府信息公开服务，保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。本指南每年更新一次。

## 一、公开主体

示例县人民政府是本县政府信息公开的主体。示例县人民政府办公室是县人民政府政府信息公开工作的主管部门，负责推进、指导、协调、监督全县政府信息公开工作。县人民政府各工作部门、各乡镇人民政府负责本机关的政府信息公开工作。

## 二、主动公开

（一）公开内容。按照《条例》第二十条、第二十一条规定，主动公开本机关职能、机构设置、政策文件、规划计划、财政预决算、重大建设项目、行政许可和行政处罚等信息，并按照26个试点领域基层政务公开标准目录逐项公开。

（二）公开方式。以示例县人民政府门户网站“政府信息公开专栏”为第一平台，同时通过政府公报、政务新媒体、公开查阅点、村（社区）公示栏等渠道公开。

（三）公开时限。属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内公开。法律、法规对公开期限另有规定的，从其规定。

## 三、依申请公开

（一）受理机构：示例县人民政府办公室政府信息公开申请受理窗口。地址：示例县人民路1号县政务服务中心一楼；邮编：000000；电话：0000-0000000；受理时间：工作日上午8:30—12:00，下午14:30—18:00。

（二）申请方式。申请人可以通过当面提交、邮寄、网上申请等方式提出申请，申请时应当提供身份证明，写明所需政府信息的名称、文号或者便于查询的其他特征性描述。

（三）办理时限。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日。

（四）收费。行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照有关规定收取信息处理费。

## 四、监督和救济

公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向示例县人民政府办公室投诉、举报，也可以依法申请行政复议或者提起行政诉讼。
"""

ZHIDU_ZHUDONG = """\
---
标题: 示例县人民政府政府信息主动公开制度
栏目: 政府信息公开制度
发布日期: 2022-03-11
---
第一条　为规范县人民政府及其部门的政府信息主动公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。

第二条　县人民政府办公室负责全县政府信息主动公开工作的组织协调和监督指导。县人民政府各部门、各乡镇人民政府按照“谁制作、谁公开，谁保存、谁公开”的原则，负责本机关政府信息的主动公开。

第三条　各机关应当按照县级基层政务公开标准目录，编制并及时更新本机关主动公开的政府信息目录。

第四条　公文在拟稿时应当明确公开属性，标注“此件公开发布”“此件依申请公开”或者“此件不予公开”。标注“此件依申请公开”“此件不予公开”的，应当说明法定理由。

第五条　属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内予以公开。

第六条　行政规范性文件、重大政策文件应当与政策解读同步组织、同步审签、同步部署，解读材料与文件同时发布。

第七条　各机关公开政府信息前应当进行保密审查，公开的信息不得包含身份证件号码、手机号码、银行账号等个人信息。

第八条　本制度自印发之日起施行。
"""

ZHIDU_YISHENQING = """\
---
标题: 示例县人民政府政府信息依申请公开办理制度
栏目: 政府信息公开制度
发布日期: 2022-03-11
---
第一条　为规范政府信息依申请公开办理工作，保障申请人依法获取政府信息，根据《中华人民共和国政府信息公开条例》，制定本制度。

第二条　县人民政府办公室设立政府信息公开申请受理窗口，统一受理向县人民政府提出的政府信息公开申请。

第三条　受理窗口收到申请后，应当当日登记，并在2个工作日内转交承办机构办理。

第四条　申请内容不明确的，应当自收到申请之日起7个工作日内一次性告知申请人补正。

第五条　承办机构应当根据下列情形分别作出答复：所申请信息已经主动公开的，告知获取方式和途径；可以公开的，向申请人提供；依法不予公开的，告知申请人并说明理由；不掌握相关信息的，告知申请人，能够确定负责公开机关的，告知其名称和联系方式。

第六条　答复书由承办机构拟稿，经法制审核后以县人民政府办公室名义出具。

第七条　申请办理材料应当一件一档，归档保存。

第八条　本制度自印发之日起施行。
"""

YSQGK = """\
---
标题: 示例县人民政府政府信息公开申请办理说明
栏目: 依申请公开
发布日期: 2025-01-08
---
公民、法人或者其他组织需要获取县人民政府主动公开以外的政府信息，可以按照以下说明提出申请。申请前，建议先在本网站“政策文件”“重点领域信息公开”等栏目检索，所需信息可能已经主动公开。

## 一、向谁申请

向县人民政府申请的，由示例县人民政府办公室受理。受理窗口设在示例县人民路1号县政务服务中心一楼，咨询电话0000-0000000。

## 二、申请方式

（一）当面申请：在受理窗口填写《政府信息公开申请表》。

（二）信函申请：将申请表邮寄至受理窗口，信封左下角注明“政府信息公开申请”字样。

（三）网上申请：通过县人民政府门户网站在线提交。

## 三、办理流程

1. 受理窗口登记并出具回执。
2. 承办机构检索、审查并拟定答复意见。
3. 在法定期限内作出书面答复。

## 四、标注“此件依申请公开”的文件

本网站政策文件栏目中标注“此件依申请公开”的文件，只公开目录信息。需要获取全文的，请按上述方式提出申请，并在申请表中写明文件标题和文号。
"""

NIANBAO = """\
---
标题: 示例县人民政府2024年政府信息公开工作年度报告
栏目: 政府信息公开年报
发布日期: 2025-03-20
---
本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，所列数据统计期限为2024年1月1日至2024年12月31日。

## 一、总体情况

（一）主动公开。全年通过“政府信息公开专栏”发布政策文件{docs}件，其中行政规范性文件{normative}件；同步发布政策解读{interps}篇。按照{domains}等领域公开事项标准目录，逐项落实主动公开事项。

（二）政府信息管理。严格落实公文公开属性源头认定，全年标注“此件依申请公开”文件{on_req}件、“此件不予公开”文件{withheld}件，均注明法定理由。

（三）监督保障。将政务公开工作纳入县直部门和乡镇年度绩效考核，每季度开展一次网站内容检查。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| --- | ---: | ---: | ---: |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | {normative} | {repealed} | {current} |

## 三、存在的主要问题及改进情况

部分领域公开内容更新不够及时，政策解读形式还比较单一。下一步将加强标准目录动态更新，丰富图表图解、简明问答等解读形式。

## 四、其他需要报告的事项

本年度未收取信息处理费。
"""


if __name__ == "__main__":
    sys.exit(main())
