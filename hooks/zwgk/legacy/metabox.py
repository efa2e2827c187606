"""The metadata box of a government-file page (信息公开目录的 index_box): label/value pairs.

Vendors lay it out as table cells (`<td>索&ensp;引&ensp;号：</td><td>…</td>`), as spans in list items
(`<li><span>发布机构：</span>示例县人民政府</li>`) or as `<dt>/<dd>`. A label is recognised by its text
once spaces, &ensp;/&emsp;, full-width spaces and the colon are removed; its value is what follows it.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

# Labels as vendors print them; the canonical key (the one our YAML uses) is the value.
LABELS = {
    "索引号": "索引号", "信息索引号": "索引号", "主题分类": "主题分类", "信息分类": "主题分类", "分类": "主题分类",
    "发文机关": "发文机关", "发布机构": "发文机关", "发布单位": "发文机关", "信息来源": "信息来源", "来源": "信息来源",
    "成文日期": "成文日期", "生成日期": "成文日期", "发文日期": "成文日期",
    "标题": "标题", "名称": "标题", "文件名称": "标题", "信息名称": "标题",
    "发文字号": "文号", "文号": "文号", "发文文号": "文号",
    "发布日期": "发布日期", "发布时间": "发布日期", "公开日期": "发布日期", "日期": "发布日期",
    "有效性": "有效性", "效力状态": "有效性", "是否有效": "有效性", "时效": "有效性",
    "公开方式": "公开方式", "公开属性": "公开属性", "公开范围": "公开范围",
    "体裁分类": "体裁分类", "组配分类": "组配分类", "主题词": "主题词", "关键词": "主题词",
    "失效日期": "失效日期", "废止日期": "废止日期", "生效日期": "生效日期",
}
_SPACES = dict.fromkeys(map(ord, " \t\r\n\u00a0\u2002\u2003\u2009\u3000"), None)
_CANDIDATES = "td, th, dt, dd, span, label, b, strong, em, li, p, div, font"
_MAX_LABEL = 12


def squeeze(text: str) -> str:
    """Text without any kind of space: how a label is compared."""
    return text.translate(_SPACES)


def label_of(text: str) -> tuple[str, str] | None:
    """(canonical key, the value written after the colon in the same text) when `text` starts with a label."""
    flat = squeeze(text)
    for colon in ("：", ":"):
        if colon in flat:
            head, rest = flat.split(colon, 1)
            if head in LABELS:
                return LABELS[head], text.split(colon, 1)[1].strip(" \t\r\n\u00a0\u2002\u2003\u3000")
            return None
    return (LABELS[flat], "") if flat in LABELS and len(flat) <= _MAX_LABEL else None


def read_box(root: LexborNode) -> dict[str, str]:
    """Every label/value pair under `root`, the first of each label kept (a box is printed once; a
    second 发布日期 is usually a list's date). Values keep their inner spaces, trimmed at the ends."""
    found: dict[str, str] = {}
    for node in root.css(_CANDIDATES):
        own = node.text(deep=True)
        if len(own) > 200 or not own.strip():
            continue
        hit = label_of(own)
        if hit is None:
            continue
        key, value = hit
        if not value:
            value = _following(node)
        elif _has_label_children(node):
            continue  # <div>…<td>索引号：</td><td>x</td>…</div>: the cells are read one by one
        if key not in found and value and not label_of(value):
            found[key] = " ".join(value.split())
    return found


def _has_label_children(node: LexborNode) -> bool:
    """Whether a label sits in an element inside `node`: then those inner elements are read instead."""
    return any(label_of(inner.text(deep=True) or "") for inner in node.css(_CANDIDATES))


def _following(node: LexborNode) -> str:
    """The value after a label element: the text nodes after it, else the next element (the next cell)."""
    parts: list[str] = []
    sibling = node.next
    while sibling is not None:
        text = (sibling.text(deep=True) or "").strip()
        if sibling.is_element_node:
            if label_of(text) is not None:
                break
            if text:
                parts.append(text)
                break
        elif sibling.is_text_node and text:
            parts.append(text)
        sibling = sibling.next
    return " ".join(parts).strip()
