"""The fixed format of the annual report (年度报告), 国办公开办函〔2021〕30号: its rows, columns and
wording, and when a report is due. Schema, loader, checks and template all read from here.

Editors write the short keys (`本年新收`, `不予公开: 属于国家秘密`); the page prints the national
format's own wording (`一、本年新收政府信息公开申请数量`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TOTAL = "总计"

# Section 2 (主动公开政府信息情况): 第二十条第（一）项 per kind of rule-making document …
RULE_KINDS: tuple[str, ...] = ("规章", "行政规范性文件")
RULE_COLUMNS: tuple[str, ...] = ("本年制发", "本年废止", "现行有效")
RULE_COLUMN_LABELS = {"本年制发": "本年制发件数", "本年废止": "本年废止件数", "现行有效": "现行有效件数"}
# … and 本年处理决定数量 of 第二十条第（五）项 and 第（六）项, 本年收费金额 of 第（八）项.
DECISION_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("第二十条第（五）项", ("行政许可",)),
    ("第二十条第（六）项", ("行政处罚", "行政强制")),
)
DECISION_KINDS: tuple[str, ...] = tuple(kind for _, kinds in DECISION_GROUPS for kind in kinds)
FEES = "行政事业性收费"

# Section 3 (收到和处理政府信息公开申请情况): columns by applicant.
PERSON = "自然人"
ORGANISATIONS: tuple[str, ...] = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
APPLICANTS: tuple[str, ...] = (PERSON, *ORGANISATIONS)
REQUEST_COLUMNS: tuple[str, ...] = (*APPLICANTS, TOTAL)


@dataclass(frozen=True)
class Row:
    """A row of the request table: where editors write it and how the format words it."""

    path: tuple[str, ...]  # keys under 申请情况, e.g. ("不予公开", "属于国家秘密")
    label: str  # the row's own wording in the format
    group: str | None = None  # the wording of the group it belongs to, e.g. （三）不予公开

    @property
    def name(self) -> str:
        """How messages name the row: “（三）不予公开 1．属于国家秘密”."""
        return f"{self.group} {self.label}" if self.group else self.label


@dataclass(frozen=True)
class Group:
    """Rows the format prints under one heading cell: （三）不予公开 and its eight reasons."""

    key: str
    label: str
    rows: tuple[Row, ...]


def _group(key: str, label: str, rows: tuple[tuple[str, str], ...]) -> Group:
    return Group(key, label, tuple(Row((key, k), f"{n}．{text}", label) for n, (k, text) in enumerate(rows, start=1)))


NEW = Row(("本年新收",), "一、本年新收政府信息公开申请数量")
CARRIED_IN = Row(("上年结转",), "二、上年结转政府信息公开申请数量")
RESULTS_LABEL = "三、本年度办理结果"
GRANTED = Row(("予以公开",), "（一）予以公开")
PARTLY = Row(("部分公开",), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
REFUSED = _group("不予公开", "（三）不予公开", (
    ("属于国家秘密", "属于国家秘密"),
    ("其他法律行政法规禁止公开", "其他法律行政法规禁止公开"),
    ("危及三安全一稳定", "危及“三安全一稳定”"),
    ("保护第三方合法权益", "保护第三方合法权益"),
    ("属于三类内部事务信息", "属于三类内部事务信息"),
    ("属于四类过程性信息", "属于四类过程性信息"),
    ("属于行政执法案卷", "属于行政执法案卷"),
    ("属于行政查询事项", "属于行政查询事项"),
))
UNABLE = _group("无法提供", "（四）无法提供", (
    ("本机关不掌握相关政府信息", "本机关不掌握相关政府信息"),
    ("没有现成信息需要另行制作", "没有现成信息需要另行制作"),
    ("补正后申请内容仍不明确", "补正后申请内容仍不明确"),
))
NOT_HANDLED = _group("不予处理", "（五）不予处理", (
    ("信访举报投诉类申请", "信访举报投诉类申请"),
    ("重复申请", "重复申请"),
    ("要求提供公开出版物", "要求提供公开出版物"),
    ("无正当理由大量反复申请", "无正当理由大量反复申请"),
    ("要求确认或重新出具已获取信息", "要求行政机关确认或重新出具已获取信息"),
))
OTHERWISE = _group("其他处理", "（六）其他处理", (
    ("逾期不补正", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("逾期未缴费", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("其他", "其他"),
))
RESULTS_TOTAL = Row((TOTAL,), "（七）总计")
CARRIED_OUT = Row(("结转下年度",), "四、结转下年度继续办理")

# The rows that go on from last year's report (现行有效件数; 上年结转 = last year's 结转下年度). Real chains
# break (a 清理 between reports): the editor explains the break in the row's own 说明, beside its figures.
NOTE = "说明"

# 三、本年度办理结果 in the format's order: single rows and groups of rows, then （七）总计.
RESULTS: tuple[Row | Group, ...] = (GRANTED, PARTLY, REFUSED, UNABLE, NOT_HANDLED, OTHERWISE)
RESULT_ROWS: tuple[Row, ...] = tuple(r for part in RESULTS for r in (part.rows if isinstance(part, Group) else (part,)))
REQUEST_ROWS: tuple[Row, ...] = (NEW, CARRIED_IN, *RESULT_ROWS, RESULTS_TOTAL, CARRIED_OUT)

# Section 4 (行政复议、行政诉讼): three cases, each with four results and their total.
REVIEW_CASES: tuple[str, ...] = ("行政复议", "未经复议直接起诉", "复议后起诉")
REVIEW_RESULTS: tuple[str, ...] = ("结果维持", "结果纠正", "其他结果", "尚未审结")
REVIEW_COLUMNS: tuple[str, ...] = (*REVIEW_RESULTS, TOTAL)

# The sections of the report with their headings; texts are paragraphs, one a line.
SECTION_TITLES = {
    "总体情况": "一、总体情况",
    "主动公开": "二、主动公开政府信息情况",
    "申请情况": "三、收到和处理政府信息公开申请情况",
    "复议诉讼": "四、政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况": "五、存在的主要问题及改进情况",
    "其他需要报告的事项": "六、其他需要报告的事项",
}
PART_NUMBERS = {"主动公开": "第二部分", "申请情况": "第三部分", "复议诉讼": "第四部分"}

# Which kind of organ the site belongs to decides when its report is due (条例 Art. 49–50): the county
# government's consolidated report by 31 March, every other organ's by 31 January.
COUNTY_GOVERNMENT = "县级人民政府"
ORGAN_KINDS: tuple[str, ...] = (COUNTY_GOVERNMENT, "县级人民政府部门", "乡镇人民政府", "街道办事处")


def deadline(year: int, organ_kind: str) -> date:
    """The last day to publish the report on `year`."""
    return date(year + 1, 3, 31) if organ_kind == COUNTY_GOVERNMENT else date(year + 1, 1, 31)
