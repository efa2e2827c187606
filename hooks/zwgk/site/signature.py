"""The 落款 of a document body: the signing organ(s) and the date under the text, which readers of
gov.cn expect right-aligned. Editors type them as plain paragraphs (`示例县教育局` then `2024年3月25日`),
sometimes in the middle of a body (a notice, signed, then the rules it issues); they are found and
marked. A body without one gets the 发文机关 and 成文日期 from the metadata at its end.
"""

from __future__ import annotations

from datetime import date

from markupsafe import escape
from selectolax.lexbor import LexborHTMLParser, LexborNode

from zwgk.base.dates import parse_date

CLASS = "zw-signature"
# An organ line is short and no sentence: no punctuation that ends or splits a clause.
_MAX_ORGAN = 30
_SENTENCE = set("。，；：！？,;:!?、")
_MAX_ORGANS = 3  # a joint document is signed by a few organs, one a line
# The last character of an organ's name (局, 人民政府, 办公室, 委员会, 领导小组, 街道办事处 ...): a short line
# such as 特此通知 before the organ is text, not signature.
_ORGAN_ENDS = set("局府室会委院办厅部处所镇乡道心站队区村司组行署社校馆")


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def mark(html: str, issuer: str, written: date) -> str:
    """`html` with its signature paragraphs marked with CLASS, or a signature from the metadata added."""
    tree = LexborHTMLParser(f"<div>{html}</div>")
    root = tree.css_first("div")
    assert root is not None
    paragraphs = [node for node in _children(root) if node.tag == "p"]
    found = False
    for p in paragraphs:
        if not _is_date(p):
            continue
        organs = _organs_before(p)
        if not organs and not _is_last(p):
            continue  # a date alone in the middle of the text is part of it
        for node in (*organs, p):
            node.attrs["class"] = CLASS
        found = True
    if found:
        return root.inner_html or ""
    return (f'{html}<p class="{CLASS}">{escape(issuer)}</p>'
            f'<p class="{CLASS}"><time datetime="{written.isoformat()}">{chinese_date(written)}</time></p>')


def _children(node: LexborNode) -> list[LexborNode]:
    return [child for child in node.iter() if child.is_element_node]


def _is_date(p: LexborNode) -> bool:
    return parse_date(p.text()) is not None


def _is_organ(node: LexborNode) -> bool:
    text = node.text().strip()
    return (node.tag == "p" and 0 < len(text) <= _MAX_ORGAN and text[-1] in _ORGAN_ENDS
            and not _SENTENCE & set(text) and "class" not in node.attributes)


def _organs_before(p: LexborNode) -> list[LexborNode]:
    organs: list[LexborNode] = []
    node = _previous(p)
    while node is not None and len(organs) < _MAX_ORGANS and _is_organ(node):
        organs.insert(0, node)
        node = _previous(node)
    return organs


def _previous(node: LexborNode) -> LexborNode | None:
    sibling = node.prev
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.prev
    return sibling


def _is_last(p: LexborNode) -> bool:
    sibling = p.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    return sibling is None
