"""Personal data that must never be published: 身份证号, 手机号码, 银行卡号.

Inspections count any such leak on a government site, so the build scans what editors write
(and the text inside their attachments) and refuses to publish it. Matching is strict on
purpose — check digits, birth dates, card prefixes — so 文号, 索引号, 统一社会信用代码,
landlines and amounts do not stop a build.

A Finding's `value` is kept only so a caller can compare it against an allow-list; reports
must show `masked`, never `value`, or the report itself becomes the leak.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import openpyxl

from zwgk.checks.attachment_limits import RESAVE, TextBudget, Unchecked, check_archive, read_text_bytes

ID_CARD = "身份证号"
MOBILE = "手机号码"
BANK_CARD = "银行卡号"

_TEXT_SUFFIXES = {".txt", ".csv", ".md"}

# ASCII classes, not \d: after NFKC any remaining non-ASCII digits (e.g. Arabic-Indic) are not ours.
_ID = re.compile(r"(?<![0-9A-Za-z])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(
    r"(?<![0-9])(?:\+86[ -]?|86-)?"
    r"(?:1[3-9][0-9]{9}|1[3-9][0-9]([ -])[0-9]{4}\1[0-9]{4})"
    r"(?![0-9])"
)
# Letters next to a card-shaped run mean a code (采购项目编号 SDGP3701…), not a card.
# Grouped form: 4-digit groups and an optional 1–3 digit tail (19-digit UnionPay is printed 4-4-4-4-3);
# a neighbouring separator+digit means the groups belong to a longer number.
# Every ID, mobile and card number has at least 11 digits, at most one space or hyphen apart.
_CANDIDATE = re.compile(r"[0-9](?:[ -]?[0-9]){10}")
_CARD = re.compile(
    r"(?<![0-9A-Za-z])(?:[3-69][0-9]{15,18}(?![0-9A-Za-z])"
    r"|(?<![0-9][ -])[3-69][0-9]{3}([ -])[0-9]{4}(?:\1[0-9]{4}){2}(?:\1[0-9]{1,3})?(?![0-9A-Za-z])(?![ -][0-9]))"
)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# GB 32100 统一社会信用代码: 双公示 pages list enterprises' codes, and all-digit ones look like 18-digit cards.
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@dataclass(frozen=True)
class Finding:
    kind: str  # ID_CARD | MOBILE | BANK_CARD
    value: str  # ASCII digits without separators or +86 (X upper-case); for allow-lists only, never print
    masked: str  # what reports show
    line: int  # 1-based line within the scanned text


def mask(value: str) -> str:
    """`value` with its middle starred; at most half of it is ever visible."""
    n = len(value)
    head, tail = (4, 4) if n >= 16 else (3, 2) if n >= 10 else (n // 4, n // 4)
    return value[:head] + "*" * (n - head - tail) + value[n - tail:]


def _id_ok(value: str) -> bool:
    total = sum(int(c) * w for c, w in zip(value, _ID_WEIGHTS))
    if _ID_CHECK[total % 11] != value[17].upper():
        return False
    year, month, day = int(value[6:10]), int(value[10:12]), int(value[12:14])
    if not 1900 <= year <= 2099:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _credit_code_ok(digits: str) -> bool:
    if len(digits) != 18:
        return False
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(digits, _CREDIT_WEIGHTS))
    return _CREDIT_CHARS[-total % 31] == digits[17]


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def _scan_line(line: str, number: int) -> list[tuple[int, Finding]]:
    found: list[tuple[int, Finding]] = []
    taken: list[tuple[int, int]] = []  # spans already reported, so a card never re-reports an ID or mobile
    for m in _ID.finditer(line):
        value = m.group().upper()
        if _id_ok(value):
            found.append((m.start(), Finding(ID_CARD, value, mask(value), number)))
            taken.append(m.span())
    for m in _MOBILE.finditer(line):
        value = _digits(m.group())[-11:]  # drop the 86 country code
        found.append((m.start(), Finding(MOBILE, value, mask(value), number)))
        taken.append(m.span())
    for m in _CARD.finditer(line):
        value = _digits(m.group())
        if not _luhn_ok(value) or _credit_code_ok(value):
            continue
        if not any(m.start() < end and start < m.end() for start, end in taken):
            found.append((m.start(), Finding(BANK_CARD, value, mask(value), number)))
    return found


def scan_text(text: str) -> list[Finding]:
    """Personal data in `text`, by line then position; one finding per value per line."""
    findings: list[Finding] = []
    whole = unicodedata.normalize("NFKC", text)
    if not _CANDIDATE.search(whole):
        return findings  # most texts: nothing that could be a number worth scanning
    lines = whole.split("\n")
    if len(lines) != text.count("\n") + 1:  # NFKC never should change the lines; if it did, go line by line
        lines = [unicodedata.normalize("NFKC", line) for line in text.split("\n")]
    for number, normalised in enumerate(lines, start=1):
        seen: set[str] = set()
        if not _CANDIDATE.search(normalised):
            continue
        for _, finding in sorted(_scan_line(normalised, number), key=lambda p: p[0]):
            if finding.value not in seen:
                seen.add(finding.value)
                findings.append(finding)
    return findings


def _decode(raw: bytes) -> str | None:
    # Notepad's "Unicode" and Excel's "Unicode 文本" are UTF-16 with a BOM; otherwise UTF-8, then GBK's superset.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _cell_text(value: object) -> str:
    # A number typed into Excel comes back as float: 13800138000.0 would still match, but keep it tidy.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    budget = TextBudget()
    try:
        # Tabs between cells, so numbers in neighbouring cells never run together into one "card number".
        return "\n".join(budget.take("\t".join(_cell_text(v) for v in row))
                         for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    finally:
        book.close()


def _table_cells(tables: list, budget: TextBudget) -> list[str]:
    cells: list[str] = []
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                cells.append(budget.take(cell.text))
                cells.extend(_table_cells(cell.tables, budget))  # nested tables are not part of cell.text
    return cells


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    budget = TextBudget()
    return "\n".join([budget.take(p.text) for p in document.paragraphs] + _table_cells(document.tables, budget))


def attachment_text(path: Path) -> str | None:
    """The text of an attachment worth scanning, or None for other types, missing and undecodable files.

    Raises Unchecked for one that exceeds the bounds of attachment_limits or is a damaged Word/Excel
    file: its text may hold personal data nobody has seen, so the caller must say so.
    """
    suffix = path.suffix.lower()
    if suffix not in _TEXT_SUFFIXES and suffix not in (".xlsx", ".docx"):
        return None
    try:
        if suffix in _TEXT_SUFFIXES:
            return _decode(read_text_bytes(path))
        check_archive(path)
        return _xlsx_text(path) if suffix == ".xlsx" else _docx_text(path)
    except Unchecked:
        raise
    except OSError:  # missing or unreadable: the attachment check reports that
        return None
    except Exception:  # broken XML inside a sound zip, …: a damaged upload must not crash the build
        raise Unchecked("已损坏，无法读取其中的文字", RESAVE) from None
