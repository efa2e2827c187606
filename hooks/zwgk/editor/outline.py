"""Which lines of an issued document's body are headings.

Official documents number their parts 一、 / （一） / 1. / （1）. A numbered line is a heading only
when it reads like one: short, and not a sentence (no 。；：！？ at its end or 。；！？ inside).
Items numbered 1. 2. … (or （1）（2）…) under one heading are told apart as a whole: when one of
them is a sentence, they are a list of points, and every one of them stays a paragraph, so that
"1.各乡镇要于…。" and "2.发现…" come out alike.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_H2 = re.compile(r"^([一二三四五六七八九十百]+、|第[一二三四五六七八九十百零〇\d]+[章编])")
_H3 = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
_H4 = re.compile(r"^\d{1,2}\s*[.、](?!\d)")  # matched on NFKC text: 1． is 1.
_H5 = re.compile(r"^\(\d{1,2}\)")  # （1） after NFKC
HEADING_MAX = 40  # longer lines starting with 一、 are paragraphs with a lead-in, not headings
_CLOSERS = "”’」』）)】》\"'"
_SENTENCE_END = tuple("。；：！？…!?;:，,、")
_SENTENCE_INSIDE = "。；！？"


def marker_level(text: str) -> int:
    """The heading level the numbering at the start of `text` stands for (0: not numbered)."""
    flat = unicodedata.normalize("NFKC", text)
    for level, pattern in ((2, _H2), (3, _H3), (4, _H4), (5, _H5)):
        if pattern.match(flat):
            return level
    return 0


def reads_as_heading(text: str) -> bool:
    """Short and not a sentence: a 。 or ： at the end (behind any closing quote) makes it body text."""
    bare = text.rstrip(_CLOSERS + " ")
    return len(text) <= HEADING_MAX and not bare.endswith(_SENTENCE_END) \
        and not any(mark in bare for mark in _SENTENCE_INSIDE)


def heading_level(text: str) -> int:
    """The level of this line taken alone (what ends a paragraph while lines are joined)."""
    level = marker_level(text)
    return level if level and reads_as_heading(text) else 0


@dataclass(frozen=True)
class Block:
    text: str
    heading: int = 0  # a level the source gave (Word heading style, Markdown `#`)
    listed: bool = False  # an item of a list that is never a heading (the files after 附件：)


def levels(blocks: list[Block]) -> list[int]:
    """The Markdown heading level of each block, 0 for a paragraph."""
    out = [0] * len(blocks)
    runs: dict[int, list[int]] = {4: [], 5: []}  # open runs of 1. 2. … and of （1）（2）…

    def close(deeper_than: int) -> None:
        for level, run in runs.items():
            if level > deeper_than and run:
                alike = all(reads_as_heading(blocks[i].text) for i in run)
                for i in run:
                    out[i] = level if alike else 0
                run.clear()

    for i, block in enumerate(blocks):
        if block.heading:
            close(block.heading)
            out[i] = block.heading
            continue
        level = 0 if block.listed else marker_level(block.text)
        if level in (2, 3):
            close(level)
            out[i] = level if reads_as_heading(block.text) else 0
        elif level in (4, 5):
            close(level)
            runs[level].append(i)
    close(0)
    return out
