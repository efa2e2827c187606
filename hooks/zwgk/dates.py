"""Dates as editors write them: 2024-03-05, 2024年3月5日, 2024.3.5, 2024/3/5, full-width digits."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_DATE = re.compile(r"^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$")


def parse_date(text: str) -> date | None:
    """The calendar day meant by `text`, or None if it names no real day."""
    match = _DATE.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None

