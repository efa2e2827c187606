"""文号 (发文字号), `机关代字〔年份〕序号号`: the year brackets as they must be printed, and the ASCII
file name a document gets from its number (示政办发〔2024〕3号 → szbf-2024-3).
"""

from __future__ import annotations

import re
import unicodedata

from zwgk.base import identity

# Brackets editors and word processors put around the year instead of the correct 〔〕.
BRACKETED_YEAR = re.compile(r"[\[【(（﹝［〔]\s*(\d{4})\s*[\]】)）﹞］〕]")
# A 文号 once its brackets are fixed; 代字 are Chinese characters, sometimes with Latin letters.
NUMBER = re.compile(r"(?P<prefix>[\u4e00-\u9fffA-Za-z]{1,16})〔(?P<year>\d{4})〕(?P<serial>\d{1,5})号")


def fix_brackets(number: str) -> str:
    return BRACKETED_YEAR.sub(r"〔\1〕", number)


def normalise(number: str) -> str:
    """The 文号 as published and compared: no invisible or full-width characters, no spaces, year brackets 〔〕.
    NFKC comes first: it makes （２０２４） into (2024), which fix_brackets knows."""
    return fix_brackets(identity.normalise(number, spaces=True))


def lookalikes(number: str) -> list[str]:
    """What `normalise` changes in `number` besides its year brackets, named for the editor; [] for nothing."""
    bracketed = fix_brackets(number)
    if bracketed == normalise(number):
        return []
    return identity.changes(bracketed) or ["多余的空格"]


def initials(text: str, limit: int = 12) -> str:
    """Pinyin initials of the Chinese characters, Latin letters and digits kept: 示政办发 → szbf."""
    from pypinyin import Style, lazy_pinyin  # only editors' commands need it, not the build

    letters: list[str] = []
    for part in lazy_pinyin(unicodedata.normalize("NFKC", text), style=Style.FIRST_LETTER, errors="default"):
        letters.extend(ch.lower() for ch in part if ch.isascii() and ch.isalnum())
    return "".join(letters[:limit])


def spelled(text: str) -> str:
    """Pinyin of the Chinese characters, run together in ASCII: 规划 → guihua."""
    from pypinyin import lazy_pinyin  # only editors' commands need it, not the build

    return "".join(ch for part in lazy_pinyin(unicodedata.normalize("NFKC", text)) for ch in part.lower()
                   if ch.isascii() and ch.isalnum())


def slug(number: str) -> str | None:
    """The file name of the document numbered `number`, or None when it is no 文号."""
    match = NUMBER.search(normalise(number))
    if not match:
        return None
    prefix = initials(match["prefix"]) or "wj"
    return f"{prefix}-{match['year']}-{int(match['serial'])}"
