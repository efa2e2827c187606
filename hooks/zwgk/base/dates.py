"""Dates as editors write them: 2024-03-05, 2024年3月5日, 2024.3.5, 2024/3/5, full-width digits
and separators, and the Chinese numerals printed on issued documents (二〇二四年三月五日).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# The two written forms, without anchors, so the importer can find them inside a line too.
ARABIC = r"\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?"
_CN_DIGIT = "〇零○一二三四五六七八九"
CHINESE = rf"[{_CN_DIGIT}]{{4}}\s*年\s*[一二三四五六七八九十]{{1,3}}\s*月\s*[一二三四五六七八九十]{{1,3}}\s*日"
PATTERN = rf"^(?:{ARABIC}|{CHINESE})$"

# Years a government document of this site can carry: a typo such as 0001 or 9999 is no day at all.
FIRST_YEAR, LAST_YEAR = 1949, 2100
# The fix of every "这一天不存在" message.
DAY_FIX = f"检查年月日，写成 2024-03-05（年份在 {FIRST_YEAR} 到 {LAST_YEAR} 之间）"

_ARABIC = re.compile(r"^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$")
_CHINESE = re.compile(rf"^([{_CN_DIGIT}]{{4}})\s*年\s*([一二三四五六七八九十]{{1,3}})\s*月\s*([一二三四五六七八九十]{{1,3}})\s*日$")
_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _chinese_number(text: str) -> int | None:
    """一 … 三十一: the numbers months and days are written with."""
    if len(text) == 1 and text in _DIGITS:
        return _DIGITS[text]
    tens, ten, ones = text.partition("十")
    if not ten:
        return None
    high = _DIGITS.get(tens) if tens else 1
    low = _DIGITS.get(ones) if ones else 0
    return None if high is None or low is None else high * 10 + low


def parse_date(text: str) -> date | None:
    """The calendar day meant by `text`, or None if it names no real day."""
    text = unicodedata.normalize("NFKC", text).strip()
    if match := _ARABIC.match(text):
        parts: tuple[int | None, ...] = tuple(int(g) for g in match.groups())
    elif match := _CHINESE.match(text):
        year = int("".join(str(_DIGITS[ch]) for ch in match[1]))
        parts = (year, _chinese_number(match[2]), _chinese_number(match[3]))
    else:
        return None
    if None in parts or not FIRST_YEAR <= parts[0] <= LAST_YEAR:  # type: ignore[operator]
        return None
    try:
        return date(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None
