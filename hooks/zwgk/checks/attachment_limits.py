"""Bounds on reading an attachment for the personal-data check, so a small upload cannot make the
build read gigabytes (a 2 MB .docx can hold 800 MB of text: a "decompression bomb").

Word and Excel files are zip archives. Python's zipfile never returns more than the size a
member declares and checks its CRC, so checking the declared sizes before python-docx or
openpyxl open the file bounds what they read; the text they give back is capped as well,
because one shared string of an .xlsx can be repeated in millions of cells.

An attachment over a bound is not silently skipped: it is `Unchecked`, and the check reports
it as an error the editor clears by fixing the file or by recording a check by hand.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

# 50 MB of text is about 25 million Chinese characters, some 10,000 printed pages: a county's
# largest real attachments (年度预算表, a 公示名单 of every household) are a few MB. The same
# bound applies to the XML inside a Word or Excel file, which is several times its text.
MAX_TEXT = 50 * 1024 * 1024
# Everything inside an Office file, photos included (python-docx holds each part in memory):
# a report with a hundred phone photos fits; more should be split or its pictures compressed.
MAX_UNPACKED = 200 * 1024 * 1024
# Deflate shrinks real XML 5–20 times and photos not at all; a bomb is ~1000 times. Small
# parts are exempt: a tiny, very regular part (an empty sheet) can compress far better.
MAX_RATIO = 200
RATIO_FROM = 1024 * 1024
# A .docx has a few dozen parts, an .xlsx of 500 sheets about a thousand.
MAX_MEMBERS = 5000

_MB = 1024 * 1024
_MEDIA = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", ".mp4", ".wav")
RESAVE = "用 Word 或 Excel 打开后“另存为”一份新文件"
SPLIT = "把它拆成几个较小的文件，或" + RESAVE + "（图片可先“压缩图片”）"


class Unchecked(Exception):
    """An attachment whose text could not be fully read; `reason` ends the sentence "附件…"."""

    def __init__(self, reason: str, advice: str = SPLIT) -> None:
        super().__init__(reason)
        self.reason = reason
        self.advice = advice


def read_text_bytes(path: Path) -> bytes:
    """A text attachment's bytes; never more than MAX_TEXT of them are read."""
    with path.open("rb") as f:
        raw = f.read(MAX_TEXT + 1)
    if len(raw) > MAX_TEXT:
        raise Unchecked(f"超过 {MAX_TEXT // _MB} MB")
    return raw


def check_archive(path: Path) -> None:
    """Refuse a Word/Excel file whose declared contents exceed the bounds, before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise Unchecked("已损坏或不完整，无法打开", RESAVE) from None
    if len(members) > MAX_MEMBERS:
        raise Unchecked(f"内含 {len(members)} 个文件，超过 {MAX_MEMBERS} 个")
    total = text = 0
    for member in members:
        size = member.file_size
        if size > RATIO_FROM and size > MAX_RATIO * max(member.compress_size, 1):
            ratio = size // max(member.compress_size, 1)
            raise Unchecked(f"中的 {member.filename} 压缩比异常（解压后是 {ratio} 倍大）")
        total += size
        if not member.filename.lower().endswith(_MEDIA):
            text += size
    if text > MAX_TEXT:
        raise Unchecked(f"解压后的文字部分有 {text // _MB} MB，超过 {MAX_TEXT // _MB} MB")
    if total > MAX_UNPACKED:
        raise Unchecked(f"解压后有 {total // _MB} MB，超过 {MAX_UNPACKED // _MB} MB")


class TextBudget:
    """Counts extracted text, so an attachment cannot expand past MAX_TEXT however it repeats itself."""

    def __init__(self) -> None:
        self.used = 0

    def take(self, text: str) -> str:
        self.used += len(text)
        if self.used > MAX_TEXT:
            raise Unchecked(f"的文字超过 {MAX_TEXT // _MB} MB")
        return text
