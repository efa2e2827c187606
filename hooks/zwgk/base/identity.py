"""Identities editors type — 文号, 编号, 索引号, file names — in the one form they are compared in.

Text pasted from Word, web pages or chat apps carries characters a reader cannot see (zero-width
spaces, soft hyphens, byte-order marks) or cannot tell apart (full-width ２０２４ beside 2024).
Two numbers that look the same must be the same: NFKC, then drop format and control characters.
"""

from __future__ import annotations

import unicodedata
from itertools import groupby

# Characters with no width of their own: Word, web pages and chat apps leave them in copied text.
_INVISIBLE_NAMES = {
    "\u200b": "零宽空格", "\u200c": "零宽非连接符", "\u200d": "零宽连接符", "\u2060": "词连接符（零宽）",
    "\ufeff": "字节顺序标记（BOM）", "\u00ad": "软连字符", "\u200e": "从左到右标记", "\u200f": "从右到左标记",
}
_DROPPED = frozenset({"Cf", "Cc"})  # format and control characters


def normalise(text: str, *, spaces: bool = False) -> str:
    """`text` as compared: NFKC, no format or control characters, no spaces at the ends; with `spaces`
    none inside either (a 文号 has none)."""
    if text.isascii() and text.isprintable() and not spaces:  # most codes and file names: NFKC keeps ASCII as it is
        return text.strip()
    text = "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) not in _DROPPED)
    return "".join(text.split()) if spaces else text.strip()


def _kind(ch: str) -> str | None:
    """What an editor should be told `ch` is, or None for an ordinary character."""
    if unicodedata.category(ch) in _DROPPED:
        return _INVISIBLE_NAMES.get(ch, "看不见的控制字符" if unicodedata.category(ch) == "Cc" else "看不见的格式字符")
    if ch == "\u3000":
        return "全角空格"
    if unicodedata.normalize("NFKC", ch) == ch:
        return None
    if unicodedata.decomposition(ch).startswith("<wide>"):
        plain = unicodedata.normalize("NFKC", ch)
        return "全角数字" if plain.isdigit() else "全角字母" if plain.isalpha() else "全角符号"
    return "兼容字符"


def _visible(kind: str) -> bool:
    return kind.startswith("全角") and kind != "全角空格" or kind == "兼容字符"


def changes(text: str) -> list[str]:
    """What `normalise` changes in `text`, named for the editor: 零宽空格 U+200B, 全角数字 ２０２４、９."""
    runs: dict[str, list[str]] = {}  # kind → its runs of characters, in order, each once
    for kind, chars in groupby(text, _kind):
        if kind is not None:
            run = "".join(chars) if _visible(kind) else " ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(chars))
            if run not in runs.setdefault(kind, []):
                runs[kind].append(run)
    return [f"{kind} " + "、".join(found) for kind, found in runs.items()]


def shown(text: str) -> str:
    """`text` with each invisible character written out, so the editor sees where it is: 9<U+200B>号."""
    return "".join(f"<U+{ord(ch):04X}>" if unicodedata.category(ch) in _DROPPED or ch == "\u3000" else ch for ch in text)


def lookalike(what: str, original: str, normalised: str, named: list[str] | None = None) -> tuple[str, str]:
    """The warning's message and fix for an identity read as `normalised` although written `original`;
    `named`: what changed, when not all of it is to be named."""
    named_text = "、".join(changes(original) if named is None else named) or "多余的空格"
    return (f"{what}“{shown(original)}”含有{named_text}，已按“{normalised}”读取",
            f"直接写成“{normalised}”：删掉看不见的字符，数字和字母用半角（看起来一样的{what}，写法不同就对不上）")
