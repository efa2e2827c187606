"""Reading an issued document (公文) as it was printed: where its metadata stands, what is body.

The layout follows the national format for official documents (GB/T 9704): 发文机关标志 and 文号
above the title, 主送机关 after it, then the body, the signature (发文机关署名) with the
成文日期 below it, the attribute label (此件公开发布) and the 版记 (抄送, 印发). Input is a list of
`Line`s, whatever file they came from; output is what was found, with the line it was found on,
and the body as Markdown. Pure text work: no files, no model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from zwgk.base import dates, vocab
from zwgk.editor import outline


@dataclass
class Line:
    text: str
    number: int  # line of a text file, paragraph of a .docx
    heading: int = 0  # Markdown heading level given by the source (a Word heading style, a `#` line)
    table: bool = False  # a Markdown table row, kept as it is


@dataclass(frozen=True)
class Found:
    value: str
    line: int | None  # None: not in the text (a default)
    note: str = ""


@dataclass
class Reading:
    found: dict[str, Found] = field(default_factory=dict)
    removed: list[tuple[int, str]] = field(default_factory=list)  # (line, what was removed)
    body: str = ""
    fixed_numbers: int = 0  # 文号 cited in the body whose year brackets were corrected


_TERMINAL = tuple("。！？；：…”’」』）)】!?;:")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_BOOKMARKS = [re.compile(p) for p in (
    r"\[\]\{#[^}]*\}",  # pandoc's [](#_GoBack) anchors
    r"\{#_?[A-Za-z][\w.-]*(?:\s+\.[\w-]+)*\}",  # {#_Toc123 .anchor}
    r"\[(?:bookmark|书签)[:：][^\]]*\]",
    r"<a\s+(?:name|id)=\"[^\"]*\"\s*>\s*</a>",
)]
_DASHES = "-—–―~～"
_PAGE_NUMBER = re.compile(rf"^(?:[{_DASHES}]+\s*\d{{1,4}}\s*[{_DASHES}]+|第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?"
                          r"|共\s*\d+\s*页\s*[,，、]?\s*第\s*\d+\s*页|Page\s*\d+(?:\s*of\s*\d+)?)$", re.I)
_LABEL = re.compile(r"[（(【\[〔]?\s*(?:此件(公开发布|依申请公开|不予公开|主动公开)|公开(?:方式|属性)\s*[:：]\s*(主动公开|依申请公开|不予公开|公开发布))\s*[）)】\]〕]?")
_LABELS = {"公开发布": vocab.LABEL_PUBLIC, "主动公开": vocab.LABEL_PUBLIC, "依申请公开": vocab.LABEL_ON_REQUEST,
           "不予公开": vocab.LABEL_WITHHELD}
_NUMBER = re.compile(r"([\u4e00-\u9fffA-Za-z]{1,16})\s*[\[【(（﹝［〔]\s*(\d{4})\s*[\]】)）﹞］〕]\s*(\d{1,5})\s*号")
_DATE = re.compile(rf"(?:{dates.ARABIC}|{dates.CHINESE})")
_GENRES = ("通知", "公告", "通告", "意见", "决定", "批复", "报告", "函", "通报", "纪要", "办法", "规定", "细则", "方案",
           "规划", "规则", "公报", "要点", "计划", "决议", "命令", "令", "议案", "请示", "条例", "制度", "指南", "目录", "清单")
_ORGAN_END = re.compile(r"(人民政府|政府|局|委员会|委|办公室|办|中心|院|所|站|队|会|部|处|厅|署|镇|乡|街道办事处|街道|公司|小组)$")
_BANNER = re.compile(r"^(.{2,30}?)\s*文\s*件$")  # 发文机关标志: 示例县人民政府办公室文件
_SKIP_TOP = re.compile(r"^(\d{6}|[★☆]?\s*(绝密|机密|秘密).*|特急|加急|平急|特提|签发人[:：].*|.*★.*)$")
_IMPRINT = re.compile(r"^(抄\s*送|抄\s*报|主\s*题\s*词|分\s*送)[:：]|印\s*发$|^[─—_\-=＝]{5,}$")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条")
_ATTACHMENTS = re.compile(r"^附\s*件\s*[:：\d]")


def clean(text: str) -> str:
    """A line without word-processor leftovers: zero-width characters, bookmarks, indents, trailing spaces."""
    text = _ZERO_WIDTH.sub("", text).replace("\u00a0", " ")
    for pattern in _BOOKMARKS:
        text = pattern.sub("", text)
    text = text.strip(" \t\u3000")
    return text[:-1].rstrip() if text.endswith("\\") else text  # pandoc's hard line break


def _flat(text: str) -> str:
    """For matching only: full-width digits and punctuation as ASCII, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", text).strip()))


def read(lines: list[Line]) -> Reading:
    """Metadata and Markdown body of the document printed on `lines`."""
    reading = Reading()
    kept: list[Line] = []
    for line in lines:
        text = line.text if line.table else clean(line.text)
        if not line.table and text and is_page_number(text):
            reading.removed.append((line.number, "页码"))
            continue
        if text != line.text.strip(" \t\u3000") and not line.table and any(p.search(line.text) for p in _BOOKMARKS):
            reading.removed.append((line.number, "书签"))
        kept.append(Line(text, line.number, line.heading, line.table))
    kept = _take_label(kept, reading)
    kept = _take_imprint(kept, reading)
    start = _take_header(kept, reading)
    _take_signature(kept, start, reading)
    reading.fixed_numbers = sum(1 for line in kept[start:] for m in _NUMBER.finditer(line.text) if "〔" not in m[0])
    reading.body = to_markdown(kept[start:])
    return reading


def _take_label(lines: list[Line], reading: Reading) -> list[Line]:
    """公开属性 printed anywhere, with or without brackets, on a line of its own (or beside the date);
    the label is not body text. A sentence that mentions a label is left alone."""
    out = []
    for line in lines:
        match = None if line.table or "公开属性" in reading.found else _LABEL.search(line.text)
        rest = (line.text[: match.start()] + line.text[match.end():]).strip() if match else ""
        if match and (not rest or _DATE.fullmatch(rest)):
            reading.found["公开属性"] = Found(_LABELS[match[1] or match[2]], line.number, f"原文“{match[0].strip()}”")
            if rest:
                out.append(Line(rest, line.number, line.heading))
            continue
        out.append(line)
    return out


def _take_imprint(lines: list[Line], reading: Reading) -> list[Line]:
    """The 版记 at the end (抄送, 印发 and their rules) is distribution detail, not the published text."""
    text_lines = [i for i, line in enumerate(lines) if line.text]
    tail = text_lines[-12:]
    starts = [i for i in tail if _IMPRINT.search(_flat(lines[i].text))]
    if not starts:
        return lines
    cut = starts[0]
    reading.removed.extend((line.number, "版记") for line in lines[cut:] if line.text)
    return lines[:cut]


def _number_in(text: str) -> re.Match[str] | None:
    return _NUMBER.search(unicodedata.normalize("NFKC", text).replace(" ", ""))


def _take_header(lines: list[Line], reading: Reading) -> int:
    """标志, 文号 and 标题 above the body; the index of the first body line."""
    first = next((i for i, line in enumerate(lines) if line.text), len(lines))
    i = first
    header_end = min(len(lines), first + 15)
    while i < header_end:
        line = lines[i]
        flat = _flat(line.text)
        if not flat or _SKIP_TOP.match(flat):
            i += 1
        elif banner := _BANNER.match(flat):
            reading.found.setdefault("发文机关", Found(banner[1], line.number, "发文机关标志"))
            i += 1
        elif (match := _number_in(line.text)) and len(flat) <= 40 and "文号" not in reading.found:
            fixed = f"{match[1]}〔{match[2]}〕{int(match[3])}号"
            printed = line.text.strip()
            reading.found["文号"] = Found(fixed, line.number, "" if fixed in printed else f"原文“{printed}”，已改为〔〕")
            i += 1
        else:
            break
    titled = next((k for k in range(i, len(lines)) if lines[k].heading == 1), None)
    if titled is not None:  # a Markdown `# 标题` or a Word title style says which line is the title
        reading.found["标题"] = Found(lines[titled].text, lines[titled].number)
        return titled + 1
    return _take_title(lines, i, reading) if i < len(lines) else i


def _take_title(lines: list[Line], i: int, reading: Reading) -> int:
    """The title: one to three lines, ending with the genre (通知, 办法 …) of the document."""
    parts: list[Line] = []
    for line in lines[i: i + 3]:
        if not line.text or line.table or line.text.endswith(_TERMINAL):
            break
        parts.append(line)
        if line.text.endswith(_GENRES):
            break
    if not parts:
        return i
    if not parts[-1].text.endswith(_GENRES):
        parts = parts[:1]  # no genre word within three lines: only the first line is surely title
    title = "".join(p.text for p in parts)
    reading.found["标题"] = Found(title, parts[0].number, "" if len(parts) == 1 else f"原文分 {len(parts)} 行")
    if "发文机关" not in reading.found and "关于" in title:
        organ = title.split("关于", 1)[0]
        if _ORGAN_END.search(organ):
            reading.found["发文机关"] = Found(organ, parts[0].number, "取自标题")
    return i + len(parts)


def _take_signature(lines: list[Line], start: int, reading: Reading) -> None:
    """成文日期 from the last date standing alone, 发文机关 from the signature above it."""
    for i in range(len(lines) - 1, start - 1, -1):
        text = lines[i].text
        match = _DATE.search(text) if text and not lines[i].table else None
        if not match or len(_flat(text[match.end():])) > 2:
            continue
        before = text[: match.start()].strip(" （(")
        day = dates.parse_date(match[0])
        if day is None or (before and not _ORGAN_END.search(_flat(before))):
            continue
        reading.found["成文日期"] = Found(day.isoformat(), lines[i].number, f"原文“{match[0]}”")
        signers = [before] if before else []
        j = i - 1
        while j >= start and not signers and not lines[j].text:
            j -= 1
        while j >= start and not before and lines[j].text and _ORGAN_END.search(_flat(lines[j].text)) \
                and len(lines[j].text) <= 40 and not lines[j].text.endswith(_TERMINAL):
            signers.insert(0, lines[j].text)
            j -= 1
        organs = [o for s in signers for o in re.split(r"\s{2,}|\u3000+", s) if o.strip()]
        if organs:
            reading.found["发文机关"] = Found("、".join(organs), lines[j + 1].number if not before else lines[i].number, "落款")
        return


# --- the body -------------------------------------------------------------------------------------

def _starts_block(line: Line) -> bool:
    text = unicodedata.normalize("NFKC", line.text)
    return bool(line.heading or line.table or outline.marker_level(text)
                or _ARTICLE.match(text) or _ATTACHMENTS.match(text) or _DATE.fullmatch(text.strip()))


def _ends_block(line: Line) -> bool:
    return bool(line.heading or line.table or line.text.endswith(_TERMINAL) or outline.heading_level(line.text)
                or _ATTACHMENTS.match(line.text) or _ORGAN_END.search(line.text) and len(line.text) <= 20)


def paragraphs(lines: list[Line]) -> list[Line]:
    """Lines joined into paragraphs where a line break (or a stray blank line) cut a sentence."""
    out: list[Line] = []
    blank = False
    for line in lines:
        if not line.text:
            blank = True
            continue
        prev = out[-1] if out else None
        if prev and not _ends_block(prev) and not _starts_block(line) and (not blank or len(prev.text) >= 15):
            glue = " " if prev.text[-1:].isascii() and prev.text[-1:].isalpha() and line.text[:1].isascii() and line.text[:1].isalpha() else ""
            out[-1] = Line(prev.text + glue + line.text, prev.number)
        else:
            out.append(Line(line.text, line.number, line.heading, line.table))
        blank = False
    return out


_ESCAPE = re.compile(r"([\\`*_<\[\]])")


def _escape(text: str) -> str:
    text = _ESCAPE.sub(r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)  # 1. at the start would become a numbered list
    return re.sub(r"^([#>+\-|])", r"\\\1", text)


def fix_numbers(text: str) -> str:
    """文号 cited in the text with the wrong brackets, printed with 〔〕."""
    return _NUMBER.sub(lambda m: f"{m[1]}〔{m[2]}〕{m[3]}号", text)


def to_markdown(lines: list[Line]) -> str:
    paras = [p if p.table else Line(fix_numbers(p.text), p.number, p.heading) for p in paragraphs(lines)]
    blocks: list[outline.Block] = []
    in_attachments = False
    for para in paras:
        in_attachments = bool(_ATTACHMENTS.match(para.text)) or (
            in_attachments and outline.marker_level(para.text) == 4 and not para.table)
        blocks.append(outline.Block(para.text, para.heading, listed=in_attachments or para.table))
    out: list[str] = []
    for para, level in zip(paras, outline.levels(blocks)):
        if para.table:
            if out and out[-1].startswith("|"):
                out[-1] += "\n" + para.text
            else:
                out.append(para.text)
        else:
            out.append("#" * level + " " + _ESCAPE.sub(r"\\\1", para.text) if level else _escape(para.text))
    return "\n\n".join(out) + "\n" if out else ""
