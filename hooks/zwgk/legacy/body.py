"""An old article's body container → clean Markdown (markdownify), without the page's chrome.

Vendors' editor containers hold more than the text: inline scripts, share widgets, 打印/关闭 links,
字号 大/中/小 switches, styles and &nbsp;/full-width-space indents. Those are removed from the parsed
tree first; links and images are then handed to `rewrite`, which says where each now points
(a migrated document, an attachment under content/attachments/) or None to keep only its text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markdownify import MarkdownConverter
from selectolax.lexbor import LexborHTMLParser, LexborNode

_DROP_TAGS = "script, style, noscript, iframe, frame, object, embed, form, input, button, select, textarea, link, meta"
_CHROME_CLASSES = ("share", "bdshare", "jiathis", "print", "close", "fontsize", "font-size", "zihao", "crumb", "bread",
                   "location", "position", "dqwz", "related", "xgwz", "xglj", "pager", "qrcode", "ewm")
# Text of controls that only make sense on the old page.
_CHROME_TEXT = {"打印", "打印本页", "【打印本页】", "[打印本页]", "关闭", "关闭窗口", "【关闭窗口】", "[关闭窗口]", "【打印】",
                "【关闭】", "返回顶部", "分享到", "分享到：", "字号：", "字号", "大", "中", "小", "【大", "中", "小】", "收藏",
                "【字体：大中小】", "字体：大中小", "[大中小]", "【大中小】", "扫一扫在手机打开当前页"}
_INDENT = " \t\u00a0\u2002\u2003\u3000"

Rewrite = Callable[[str, bool], "str | None"]  # (href, is_image) → new href, or None to keep only the text


@dataclass
class Converted:
    markdown: str
    dropped: list[str] = field(default_factory=list)  # what was removed, for the report (分享按钮、脚本 …)


class _Converter(MarkdownConverter):
    """markdownify with a plain rule for images whose file stayed behind: their alt text, not a broken image."""

    def convert_img(self, el, text, parent_tags):  # noqa: ANN001 - markdownify's signature
        if not el.get("src"):
            return el.get("alt") or ""
        return super().convert_img(el, text, parent_tags)


def _is_chrome(node: LexborNode) -> bool:
    classes = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    if any(name in classes for name in _CHROME_CLASSES):
        return True
    text = "".join((node.text(deep=True) or "").split())
    return node.tag in ("a", "span", "div", "p", "li") and text in _CHROME_TEXT


def _clean(root: LexborNode, rewrite: Rewrite, dropped: list[str]) -> None:
    for node in root.css(_DROP_TAGS):
        dropped.append("脚本" if node.tag == "script" else "样式" if node.tag in ("style", "link") else
                       "内嵌框架" if node.tag in ("iframe", "frame") else "表单控件")
        node.decompose()
    for node in root.css("a, span, div, p, li, ul, table"):
        if node.parent is not None and _is_chrome(node):
            dropped.append("页面按钮、分享、面包屑")
            node.decompose()
    for node in root.css("a"):
        href = node.attributes.get("href") or ""
        target = rewrite(href, False) if href.strip() and not href.strip().startswith("#") else None
        if target is None:
            node.unwrap()
        else:
            for name in list(node.attributes):
                del node.attrs[name]
            node.attrs["href"] = target
    for node in root.css("img"):
        target = rewrite(node.attributes.get("src") or "", True)
        alt = node.attributes.get("alt") or ""
        for name in list(node.attributes):
            del node.attrs[name]
        node.attrs["alt"] = alt
        if target is not None:
            node.attrs["src"] = target
    for node in root.css("[style], [class], [id], [align], [width], [height], [border]"):
        for name in ("style", "class", "id", "align", "width", "height", "border"):
            if name in node.attributes:
                del node.attrs[name]


def _tidy(markdown: str) -> str:
    """Indents removed (four spaces would make a code block), runs of blank lines closed up."""
    lines: list[str] = []
    for line in markdown.split("\n"):
        line = line.rstrip(_INDENT) if line.lstrip().startswith("|") else line.strip(_INDENT)
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip() + "\n" if any(lines) else ""


def to_markdown(body_html: str, rewrite: Rewrite) -> Converted:
    """The body as Markdown: paragraphs, headings, tables and lists kept, everything else dropped."""
    tree = LexborHTMLParser(f"<div id='zwgk-body'>{body_html}</div>")
    root = tree.css_first("#zwgk-body")
    dropped: list[str] = []
    if root is None:
        return Converted("")
    _clean(root, rewrite, dropped)
    markdown = _Converter(heading_style="ATX", bullets="-", table_infer_header=True, escape_misc=False,
                          strip=["span", "font", "u", "o:p"]).convert(root.inner_html or "")
    return Converted(_tidy(markdown), sorted(set(dropped)))
