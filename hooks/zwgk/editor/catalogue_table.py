"""A 公开事项标准目录 table as counties keep it (a Word or Excel table, see shared/domain.md) read into
catalogue items, with the cell every value came from.

The layout: a title row, a one- or two-row header (公开事项 over 一级事项/二级事项, 公开对象 over
全社会/特定群体, 公开方式 over 主动/依申请, 公开层级 over 县级/乡级), merged cells down the 事项 columns,
marks (■ □ √ ✓ 是) in the object, mode, level and channel columns, blank spacer rows and footnotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from zwgk.base import vocab
from zwgk.editor.tables import Cell, Table

# Header words (spaces and bracketed remarks removed) → the catalogue field of the column.
_HEADERS = {
    "序号": "序号", "编号": "编号", "领域": "领域", "试点领域": "领域",
    "公开事项": "事项", "事项": "事项", "事项名称": "事项", "公开事项名称": "事项",
    "一级事项": "一级事项", "二级事项": "二级事项",
    "公开内容": "公开内容", "公开依据": "公开依据", "公开时限": "公开时限", "公开主体": "公开主体",
    "公开渠道": "公开渠道", "公开渠道和载体": "公开渠道", "公开载体": "公开渠道",
    "公开对象": "公开对象", "公开方式": "公开方式", "公开层级": "公开层级",
}
# Sub-headers that make a column one choice of a field.
_CHOICES = {**{v: "公开对象" for v in vocab.AUDIENCES}, **{v: "公开方式" for v in vocab.DISCLOSURE_MODES},
            **{v: "公开层级" for v in vocab.LEVELS}, "县": "公开层级", "乡": "公开层级", "乡镇": "公开层级"}
_CHOICE_NAMES = {"县": "县级", "乡": "乡级", "乡镇": "乡级"}
_TICKED = re.compile(r"^[■√✓✔☑●◆▲是yY1]$|^(是|有|yes)$", re.I)
_BLANK = re.compile(r"^[□☐○◇×✗否无nN0\-—/／]?$")
_MARK = "■□√✓✔☑●☐○"
# Words in a 公开渠道 cell → the channel they name (the exact names of vocab.CHANNELS are found as they are).
_CHANNEL_WORDS = {
    "门户网站": "政府网站", "网站": "政府网站", "公报": "政府公报", "政务新媒体": "两微一端", "微信": "两微一端",
    "微博": "两微一端", "客户端": "两微一端", "新闻发布会": "发布会/听证会", "发布会": "发布会/听证会",
    "听证会": "发布会/听证会", "广播": "广播电视", "电视": "广播电视", "报刊": "纸质媒体", "报纸": "纸质媒体",
    "宣传册": "纸质媒体", "查阅点": "公开查阅点", "档案馆": "公开查阅点", "图书馆": "公开查阅点",
    "服务中心": "政务服务中心", "服务大厅": "政务服务中心", "便民服务": "便民服务站", "入户": "入户/现场",
    "现场": "入户/现场", "公示栏": "社区/村公示栏（电子屏）", "公开栏": "社区/村公示栏（电子屏）",
    "电子屏": "社区/村公示栏（电子屏）", "短信": "精准推送", "推送": "精准推送", "12345": "12345热线", "热线": "12345热线",
}
_REQUIRED = ("公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级")


@dataclass(frozen=True)
class Column:
    index: int
    field: str | None  # None: no catalogue field (reported)
    choice: str | None  # for mark columns: the value a mark chooses
    header: Cell


@dataclass
class Row:
    """One item as read: field → value, and field → the cells it came from."""

    ref: str  # 财政预决算!第7行
    values: dict[str, object] = field(default_factory=dict)
    cells: dict[str, list[Cell]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the editor should look at, not an error
    errors: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # fields already told as errors: not told again as missing
    domain: str | None = None


@dataclass
class ReadTable:
    name: str
    title: str  # the text above the header, where a domain is often named
    rows: list[Row]
    unmapped: list[str]  # header cells with no catalogue field
    skipped: list[str]  # rows not read as items (footnotes), named


def normal_header(text: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]|\s", "", text)


def find_header(table: Table) -> int | None:
    """The index of the header row: the first of the top rows naming three or more catalogue fields."""
    for index, row in enumerate(table.rows[:15]):
        fields = {_HEADERS.get(normal_header(c.text)) for c in row} - {None}
        if len(fields) >= 3:
            return index
    return None


def columns(table: Table, top: int) -> tuple[list[Column], int]:
    """The columns below the header at `top`, and the index of the first data row (after a second header row)."""
    head = table.rows[top]
    below = table.rows[top + 1] if top + 1 < len(table.rows) else []
    subs = [normal_header(c.text) for c in below]
    # A second header row names choices under spanning (merged or blank) header cells; a data row of a
    # one-row header may hold the same words (全社会, 主动) as values under headers of their own.
    spanned = [i for i, s in enumerate(subs) if (s in _CHOICES or s in ("一级事项", "二级事项") or s in vocab.CHANNELS)
               and i < len(head) and (not head[i].text or head[i].merged_from or
                                      (i and head[i].text == head[i - 1].text))]
    second = len(spanned) >= 2
    result = []
    for index, cell in enumerate(head):
        name = _HEADERS.get(normal_header(cell.text))
        sub = subs[index] if second and index < len(subs) else ""
        if second and sub and sub != normal_header(cell.text):
            if sub in ("一级事项", "二级事项"):
                result.append(Column(index, sub, None, below[index]))
            elif sub in _CHOICES and (name in (None, _CHOICES[sub])):
                result.append(Column(index, _CHOICES[sub], _CHOICE_NAMES.get(sub, sub), below[index]))
            elif name == "公开渠道":
                result.append(Column(index, "公开渠道", _channel_of(sub), below[index]))
            else:
                result.append(Column(index, _HEADERS.get(sub) or name, None, below[index]))
        else:
            result.append(Column(index, name, None, cell))
    return result, top + (2 if second else 1)


def _channel_of(word: str) -> str:
    if word in vocab.CHANNELS:
        return word
    return next((channel for key, channel in _CHANNEL_WORDS.items() if key in word), "其他")


def read_table(table: Table) -> ReadTable | None:
    """The items of `table`, or None when it has no catalogue header (not a catalogue table)."""
    top = find_header(table)
    if top is None:
        return None
    cols, first = columns(table, top)
    title = " ".join([table.caption, *dict.fromkeys(c.text for row in table.rows[:top] for c in row if c.text)]).strip()
    unmapped = [f"表头“{c.header.text}”（{c.header.ref}）" for c in cols if c.field is None and c.header.text]
    rows: list[Row] = []
    skipped: list[str] = []
    for cells in table.rows[first:]:
        texts = [c.text for c in cells]
        if not any(texts):
            continue  # a spacer row
        ref = _row_ref(cells[0].ref)
        if len({t for t in texts if t}) == 1:  # one text in the whole row: a merged title or footnote, not an item
            skipped.append(f"{ref}（“{_short(next(t for t in texts if t))}”，看起来是标题或表格下方的说明）")
            continue
        rows.append(_row(ref, cells, cols))
    return ReadTable(table.name, title, rows, unmapped, skipped)


def _row_ref(cell_ref: str) -> str:
    """财政预决算!A7 → 财政预决算!第7行; 表2 第7行第1列 → 表2 第7行."""
    if "!" in cell_ref:
        sheet, at = cell_ref.rsplit("!", 1)
        return f"{sheet}!第{re.sub(r'^[A-Z]+', '', at)}行"
    return re.sub(r"第(\d+)列$", "", cell_ref)


def _short(text: str, limit: int = 20) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def _row(ref: str, cells: list[Cell], cols: list[Column]) -> Row:
    row = Row(ref)
    marks: dict[str, list[tuple[str, Cell]]] = {}
    for col in cols:
        if col.index >= len(cells) or col.field is None or col.field == "序号":
            continue
        cell = cells[col.index]
        if col.choice is not None:
            if _TICKED.match(cell.text):
                marks.setdefault(col.field, []).append((col.choice, cell))
            elif not _BLANK.match(cell.text):
                row.failed.add(col.field)
                row.errors.append(f"{cell.ref}：“{_short(cell.text)}”不是勾选标记 — 勾选写 ■ 或 √，不选留空或写 □")
            else:
                marks.setdefault(col.field, [])
            continue
        if not cell.text:
            continue
        row.cells.setdefault(col.field, []).append(cell)
        if col.field == "事项":
            row.values.setdefault("一级事项", cell.text)
        elif col.field in ("公开对象", "公开方式", "公开层级", "公开渠道"):
            marks.setdefault(col.field, []).extend((value, cell) for value in _values_in(col.field, cell, row))
        elif col.field == "领域":
            row.domain = cell.text
        else:
            row.values[col.field] = cell.text
    for name, chosen in marks.items():
        _choose(row, name, chosen)
    _check_required(row)
    return row


def _values_in(name: str, cell: Cell, row: Row) -> list[str]:
    """The values a text cell of a choice field names: 县级、乡级; ■政府网站 □政府公报 …"""
    if name == "公开渠道":
        return _channels(cell, row)
    options = {"公开对象": vocab.AUDIENCES, "公开方式": vocab.DISCLOSURE_MODES, "公开层级": vocab.LEVELS}[name]
    parts = [p for p in re.split(r"[、，,；;/／\s]+", cell.text) if p]
    found = []
    for part in parts:
        ticked = part[0] not in "□☐○"
        word = part.lstrip(_MARK)
        value = next((o for o in options if o == word or o.startswith(word) or word.startswith(o)), None)
        if name == "公开对象" and value is None and "特定" in word:
            value = "特定群体"
        if value is None:
            row.failed.add(name)
            row.errors.append(f"{cell.ref}：“{_short(cell.text)}”中的“{word}”不是{name}的选项 — 写成"
                              + " 或 ".join(f"“{o}”" for o in options))
        elif ticked:
            found.append(value)
    return found


def _channels(cell: Cell, row: Row) -> list[str]:
    found: list[str] = []
    # A mark belongs to the words after it; without marks every word counts.
    for mark, words in re.findall(rf"([{_MARK}]?)\s*([^{_MARK}]+)", cell.text):
        if mark in "□☐○" and mark:
            continue
        for word in (w for w in re.split(r"[、，,；;\s]+", words) if w):
            channel = word if word in vocab.CHANNELS else next(
                (c for key, c in _CHANNEL_WORDS.items() if key in word), None)
            if channel is None:
                row.notes.append(f"{cell.ref}：渠道“{word}”不在固定的渠道列表中，按“其他”导入")
                channel = "其他"
            if channel not in found:
                found.append(channel)
    return found


def _choose(row: Row, name: str, chosen: list[tuple[str, Cell]]) -> None:
    values = list(dict.fromkeys(value for value, _ in chosen))
    row.cells.setdefault(name, []).extend(cell for _, cell in chosen)
    if name in ("公开层级", "公开渠道"):
        if values:
            row.values[name] = values
        return
    if len(values) > 1:
        row.failed.add(name)
        where = "、".join(dict.fromkeys(cell.ref for _, cell in chosen))
        row.errors.append(f"{where}：{name}同时选了" + "和".join(f"“{v}”" for v in values)
                          + " — 只能选一个；两者都有时拆成两条事项")
    elif values:
        row.values[name] = values[0]


def _check_required(row: Row) -> None:
    if "一级事项" not in row.values:
        row.errors.append(f"{row.ref}：这一行没有事项名称（一级事项为空） — 补上事项名称；合并单元格拆开后也要每行有名称")
        return
    missing = [name for name in _REQUIRED if name not in row.values and name not in row.failed]
    if missing:
        row.errors.append(f"{row.ref}（{_short(str(row.values['一级事项']))}）：没有" + "、".join(missing)
                          + " — 在表格中补上后重新导入")


def sources(row: Row) -> Iterable[str]:
    """`字段 单元格` for the report: where each value of the row was read."""
    for name, cells in row.cells.items():
        refs = []
        for cell in cells:
            ref = cell.ref.rsplit("!", 1)[-1] if "!" in cell.ref else cell.ref.split(" ", 1)[-1]
            refs.append(f"{ref}（合并自 {cell.merged_from}）" if cell.merged_from else ref)
        yield f"{name} {'、'.join(dict.fromkeys(refs))}"
