"""Reading editors' files: encoding, BOM, front matter, and YAML with line numbers.

All scalars are kept as text (no YAML 1.1 guessing: `是`, `no`, `010`, `1.10` stay as typed);
the schema decides what a value means. Mistakes come back as Chinese problems, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from zwgk.base.problems import Problems

KeyPath = tuple[str | int, ...]
MAX_NODES = 200_000  # a YAML alias bomb expands far beyond any real content file
MAX_DEPTH = 40  # real content nests three or four levels
MAX_FILE_BYTES = 5_000_000  # the longest real policy text is a few hundred kB; bigger is a mistake
_NULL_TAG = "tag:yaml.org,2002:null"
# libyaml's scanner is about ten times faster; thousands of catalogue items need it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Parsed YAML data plus the source line of every key and list entry."""

    data: Any
    file: Path
    lines: dict[KeyPath, int] = field(default_factory=dict)
    _children: dict[KeyPath, dict[str, int]] | None = field(default=None, repr=False)

    def key_lines(self, *path: str | int) -> dict[str, int]:
        """Line of each key of the mapping at `path` (indexed once: catalogues have thousands of items)."""
        if self._children is None:
            self._children = {}
            for p, line in self.lines.items():
                if p and isinstance(p[-1], str):
                    self._children.setdefault(p[:-1], {})[p[-1]] = line
        return self._children.get(tuple(path), {})

    def line(self, *path: str | int) -> int:
        """Line of the value at `path`, or of its nearest parent that has one."""
        p: KeyPath = tuple(path)
        while p not in self.lines and p:
            p = p[:-1]
        return self.lines.get(p, 1)


def read_text(path: Path, problems: Problems) -> str | None:
    """File content as text; a non-UTF-8 file is a problem (editors save GBK by accident)."""
    if (folder := _folder_it_leaves(path, problems.root)) is not None:
        problems.error(path, 0, f"“{path.name}”是指向 {folder}/ 以外的链接（符号链接），没有读取",
                       "把文件本身复制到这个文件夹里，不要链接到内容目录以外的文件")
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.error(path, 0, f"文件太大（{size / 1_000_000:.1f} MB），超过 {MAX_FILE_BYTES // 1_000_000} MB",
                       "正文只写文字；表格、扫描件等大文件作为附件放到 content/attachments/")
        return None
    raw = path.read_bytes()
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        what = "文件不是 UTF-8 编码" + ("（看起来是 GBK/GB2312 编码）" if decode_any(raw)[1] == "gb18030" else "")
        problems.error(path, line, what, "用编辑器把文件“另存为”UTF-8 编码后再提交（记事本：另存为→编码选 UTF-8）")
        return None
    return None if report_control_characters(text, path, problems) else text


# Characters no text of a government site has; \v and \f come from Word's manual line and page breaks.
# They would end up in feeds and sitemaps, which an XML parser then refuses.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {"\x00": "空字符", "\x08": "退格符", "\x0b": "垂直制表符（Word 的手动换行）", "\x0c": "换页符（Word 的分页符）",
                  "\x1b": "ESC 字符"}
_CONTROL_FIX = "删掉这个看不见的字符：在编辑器里打开“显示不可见字符”后删除，或把这一行重新输入一遍"
_CONTROL_LISTED = 5  # lines named per file; the rest are counted


def control_name(char: str) -> str:
    return f"{_CONTROL_NAMES.get(char, '控制字符')} U+{ord(char):04X}"


def report_control_characters(text: str, path: Path, problems: Problems, first_line: int = 1) -> bool:
    """Whether `text` holds control characters; each line with one is an error naming the character."""
    if not CONTROL.search(text):  # every content file passes here: one scan, lines only when there is a hit
        return False
    lines = [(n, m) for n, line in enumerate(text.split("\n")) if (m := CONTROL.search(line))]
    listed = lines[:_CONTROL_LISTED]
    for i, (n, match) in enumerate(listed):
        more = f"（本文件另有 {len(lines) - len(listed)} 行也有）" if i == len(listed) - 1 and len(lines) > len(listed) else ""
        problems.error(path, first_line + n, f"第 {match.start() + 1} 个字符处有看不见的{control_name(match[0])}{more}", _CONTROL_FIX)
    return bool(lines)


def _folder_it_leaves(path: Path, root: Path) -> str | None:
    """content or catalogues, when the file is under it but its real location (after symbolic links) is
    not: reading it would publish whatever it points to."""
    try:
        top = path.absolute().relative_to(root.absolute()).parts[0]
    except (ValueError, IndexError):
        return None  # not a file of the content tree (an issued document being imported)
    return None if path.resolve().is_relative_to((root / top).resolve()) else top


_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_any(raw: bytes) -> tuple[str | None, str]:
    """Text of a file from outside (an issued document saved as .txt) and the encoding it was in:
    UTF-8 with or without BOM, UTF-16 with BOM (Notepad's “Unicode”), else GBK/GB18030."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    elif raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, "utf-16"
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, "unknown"


def _indentation_problems(text: str, path: Path, first_line: int, problems: Problems) -> bool:
    """Report tabs and ideographic spaces used as indentation; YAML only accepts plain spaces."""
    found = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        indent = line[: len(line) - len(line.lstrip(" \t\u3000"))]
        if "\t" in indent:
            problems.error(path, number, "行首用了制表符（Tab）缩进", "把行首的 Tab 换成半角空格（每级两个空格）")
            found = True
        elif "\u3000" in indent:
            problems.error(path, number, "行首用了全角空格缩进", "把行首的全角空格“　”换成半角空格（每级两个空格）")
            found = True
    return found


def _syntax_hint(lines: list[str], index: int) -> tuple[int, str]:
    """Point at the likely culprit of a YAML syntax error and say how to fix it."""
    for i in (index, index - 1, index + 1):
        if 0 <= i < len(lines):
            text = lines[i]
            if "：" in text and ":" not in text:
                return i, "把全角冒号“：”改成半角冒号“:”，冒号后加一个空格，例如 `标题: 示例`"
            if re.match(r"^\s*[^\s#:-][^:]*:[^\s/]", text) and "://" not in text:
                return i, "半角冒号“:”后面要加一个空格，例如 `标题: 示例`"
    return index, "检查这一行及上一行的缩进、冒号和引号是否成对；值里有冒号或#号时用英文引号把整个值括起来"


_EXPLANATIONS = {
    "could not find expected ':'": "这一行缺少“键: 值”中的半角冒号",
    "mapping values are not allowed here": "这一行的冒号位置不对",
    "did not find expected key": "缩进不一致",
    "did not find expected '-' indicator": "列表的缩进不一致",
    "found undefined alias": "用了未定义的 * 引用",
    "found unexpected end of stream": "引号或括号没有成对",
    "expected ',' or ']', but got": "方括号列表没有写完整",
    "did not find expected ',' or ']'": "方括号列表没有写完整",
    "did not find expected ',' or '}'": "花括号没有写完整",
    "exceeded maximum nesting depth": "内容嵌套层次太深",
    "found character that cannot start any token": "这一行有不能出现在开头的字符（如 Tab、@、`）",
    "expected ',' or '}', but got": "花括号没有写完整",
    "found unknown escape character": "双引号里有反斜杠",
}


def _explain(problem: str) -> str:
    for english, chinese in _EXPLANATIONS.items():
        if problem.startswith(english):
            return chinese
    return "文件写法不符合格式要求"


_KEY_COLON: re.Pattern[str] | None = None


def _full_width_colons(text: str, path: Path, first_line: int, problems: Problems) -> str:
    """`成文日期：2024-03-05` as typed with a Chinese input method, read as `成文日期: 2024-03-05` for
    known keys only (elsewhere `：` is just text), with a warning so the file gets fixed."""
    global _KEY_COLON
    if "：" not in text:
        return text
    if _KEY_COLON is None:
        from zwgk.content.schemas import KEYS

        keys = "|".join(re.escape(k) for k in sorted(KEYS, key=len, reverse=True))
        _KEY_COLON = re.compile(rf"^(\s*(?:-\s+)?)({keys})[ \t]*：[ \t\u3000]*", re.M)

    def fix(match: re.Match[str]) -> str:
        line = first_line + text.count("\n", 0, match.start())
        problems.warning(path, line, f"“{match[2]}”后面用了全角冒号“：”，已按半角冒号读取",
                         f"把“：”改成半角冒号加一个空格，例如 `{match[2]}: …`")
        return f"{match[1]}{match[2]}: "

    return _KEY_COLON.sub(fix, text)


def parse_yaml(text: str, path: Path, problems: Problems, first_line: int = 1) -> Located | None:
    """YAML text → Located data. `first_line` is the file line the text starts on."""
    text = _full_width_colons(text, path, first_line, problems)
    if _indentation_problems(text, path, first_line, problems):
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except RecursionError:
        problems.error(path, first_line, "格式错误：内容嵌套层次太深", "检查括号 [ ] { } 是否成对，内容不要层层嵌套")
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        index = mark.line if mark else 0
        index, fix = _syntax_hint(text.split("\n"), index)
        problems.error(path, index + first_line, f"格式错误：{_explain(exc.problem or exc.context or '')}", fix)
        return None
    except yaml.YAMLError:
        problems.error(path, first_line, "格式错误：文件无法读取", "检查文件的缩进、冒号和引号")
        return None
    located = Located(None, path)
    if node is None:
        return located
    budget = _Budget()
    located.data = _convert(node, (), located, first_line, problems, budget)
    if budget.nodes < 0:
        problems.error(path, first_line, "内容展开后过大（可能滥用了 & 和 * 引用）", "不要使用 & 和 * 引用，直接写出内容")
        return None
    if budget.too_deep:
        problems.error(path, first_line, "格式错误：内容嵌套层次太深", "检查括号 [ ] { } 是否成对，内容不要层层嵌套")
        return None
    return located


@dataclass
class _Budget:
    """Limits that keep hostile YAML (alias bombs, endless nesting) from eating the machine."""

    nodes: int = MAX_NODES
    too_deep: bool = False


def _convert(node: Node, at: KeyPath, out: Located, first_line: int, problems: Problems, budget: _Budget) -> Any:
    budget.nodes -= 1
    if budget.nodes < 0 or budget.too_deep:
        return None
    if len(at) > MAX_DEPTH:
        budget.too_deep = True
        return None
    out.lines.setdefault(at, node.start_mark.line + first_line)
    if isinstance(node, ScalarNode):
        if node.tag == _NULL_TAG and not node.style:  # libyaml gives "" where the pure-Python parser gives None
            return None
        value = str(node.value).strip()
        if match := CONTROL.search(value):  # written as an escape in double quotes ("…\v…"): the file itself is clean
            problems.error(out.file, node.start_mark.line + first_line, f"引号里的内容含看不见的{control_name(match[0])}",
                           "删掉引号里的反斜杠转义（如 \\v、\\f、\\x0b）")
        return value
    if isinstance(node, SequenceNode):
        return [_convert(item, at + (i,), out, first_line, problems, budget) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + first_line
            if not isinstance(key_node, ScalarNode):
                problems.error(out.file, line, "这里的键不是文字", "每行写成 `键: 值` 的形式")
                continue
            key = str(key_node.value).strip()
            if key in result:
                first = out.lines.get(at + (key,), line)
                problems.error(out.file, line, f"键“{key}”重复出现（第 {first} 行已有）", "删掉其中一个，只保留正确的那一行")
                continue
            out.lines[at + (key,)] = line
            result[key] = _convert(value_node, at + (key,), out, first_line, problems, budget)
        return result
    return None


@dataclass
class MarkdownSource:
    meta: Located
    body: str
    body_line: int  # line of the file the body starts on


def read_markdown(path: Path, problems: Problems) -> MarkdownSource | None:
    """A Markdown file with a YAML front matter block between `---` lines."""
    text = read_text(path, problems)
    if text is None:
        return None
    text = text.replace("\r\n", "\n")
    if not frontmatter.YAMLHandler.FM_BOUNDARY.match(text):
        problems.error(path, 1, "文件开头缺少文件头（两行 --- 之间的元数据）", "在文件第一行写 ---，接着写 标题: 等项目，再写一行 --- 后写正文")
        return None
    try:
        meta_text, body = frontmatter.YAMLHandler().split(text)
    except ValueError:
        problems.error(path, 1, "文件头没有结束（缺少第二行 ---）", "在元数据后面单独写一行 ---，再写正文")
        return None
    # Line numbers count from where the front matter text starts inside the file.
    first_line = text[: text.find(meta_text)].count("\n") + 1
    meta = parse_yaml(meta_text, path, problems, first_line=first_line)
    if meta is None:
        return None
    start = text.find(body, text.find(meta_text) + len(meta_text))
    stripped = body.lstrip("\n")
    body_line = text[:start].count("\n") + 1 + (len(body) - len(stripped))
    return MarkdownSource(meta, stripped.rstrip("\n") + "\n", body_line)


def read_yaml_file(path: Path, problems: Problems) -> Located | None:
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(text.replace("\r\n", "\n"), path, problems)
