"""`build.py new`: start a content file from a short form instead of a blank page.

A `Form` lists its fields; each answer, asked interactively (allowed values shown) or given as a
flag by scripts, is checked by the loader's own `validate` against the loader's schema, so the
messages are the ones `build.py check` would give. Whatever can be derived is filled in by the
kind's `create` (in its module beside this one), the finished text is validated again, and a file is only ever
created new, never overwritten.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from zwgk.base.dates import DAY_FIX, parse_date
from zwgk.base.problems import Problems, quoted
from zwgk.base.tool import TOOL_DIR, command
from zwgk.content import schemas
from zwgk.content.model import Document, Project
from zwgk.content.sourcefile import Located, parse_yaml, read_text
from zwgk.content.validate import validate

SCHEMA_DIR = TOOL_DIR / "schemas"
Values = dict[str, Any]


class ScaffoldError(Exception):
    """What stopped `new` from writing a file, as Chinese lines for the editor."""

    def __init__(self, *messages: str) -> None:
        super().__init__("\n".join(messages))
        self.messages = list(messages)


@dataclass
class Context:
    root: Path
    today: date
    ask: Callable[[str], str] | None  # None: take flags and defaults only (scripts, no terminal)
    say: Callable[[str], None] = print
    # kinds.project.load_project, given by kinds.project.editing_context: the registry this module is part of loads it
    load: Callable[[Path], tuple[Project | None, Problems]] | None = None
    # the answers so far, for the hints and checks of later fields (目录事项 of the 领域 chosen)
    answers: dict[str, Any] = dataclasses.field(default_factory=dict)

    @cached_property
    def project(self) -> Project | None:
        """The content as it stands, for references, numbers and defaults; None if site.yml is broken."""
        if self.load is None:
            raise RuntimeError("make the Context with zwgk.kinds.project.editing_context")
        return self.load(self.root)[0]

    def rel(self, path: Path) -> str:
        return Problems(self.root).relative(path)


@dataclass(frozen=True)
class Field:
    key: str  # the key written in the file, as the schema names it
    flag: str  # --flag for scripts
    required: bool = False
    default: Callable[[Context, Values], str | None] | None = None  # offered; Enter accepts it
    asked: bool = True  # False: derived, only a flag changes it
    when: Callable[[Context, Values], bool] | None = None  # asked only when this holds
    check: Callable[[Context, Any], str | None] | None = None  # beyond the schema: does a reference exist?
    schema: dict[str, Any] | None = None  # when the kind's schema has no such key
    hint: Callable[[Context], str | None] | None = None  # shown before the question (recent documents …)


@dataclass(frozen=True)
class Form:
    name: str  # the word after `build.py new`
    help: str
    schema: dict[str, Any]
    fields: tuple[Field, ...]
    create: Callable[[Context, Values, str | None], Path]  # writes the file from values and an optional --slug
    next_step: str = "下一步：运行 {check} 检查。"  # {check}: the command as the editor runs it
    slug_help: str | None = "文件名（不带 .md），默认由文号或标题生成"  # None: the kind names no file of its own

    def prop(self, field: Field) -> dict[str, Any]:
        return field.schema or self.schema["properties"][field.key]


def year_schema(description: str) -> dict[str, Any]:
    """A 年份 that is no key of the file but names it (content/decisions/2026.yml)."""
    return {"type": "string", "pattern": r"^\d{4}$", "title": "年份", "description": f"{description}，写四位数字，如 2025"}


def done(kind: Form, shown: str) -> str:
    """What `build.py new` says after writing the file."""
    return f"已写入 {shown}\n{kind.next_step.format(check=command('check'))}"


def run(kind: Form, ctx: Context, given: dict[str, str], slug: str | None = None) -> Path:
    """Ask for or take every field, then create the file; its path."""
    return kind.create(ctx, collect(kind, ctx, given), slug)


def collect(kind: Form, ctx: Context, given: dict[str, str]) -> Values:
    values: Values = {}
    ctx.answers = values
    errors: list[str] = []
    for field in kind.fields:
        if field.when and not field.when(ctx, values):
            continue
        default = field.default(ctx, values) if field.default else None
        raw = given.get(field.key)
        if raw is None and ctx.ask and field.asked:
            value = _prompt(kind, field, ctx, default)
        else:
            raw = default if raw is None else raw
            if not (raw or "").strip():
                if field.required:
                    errors.append(f"缺少 --{field.flag}（{field.key}）— {_how_to_fill(kind, field)}")
                continue
            value, problem = parse_value(kind, field, ctx, raw)
            if problem:
                errors.append(f"--{field.flag}（{field.key}）：{problem}")
                continue
        if value is not None:
            values[field.key] = value
    if errors:
        raise ScaffoldError(*errors)
    return values


def _choices(prop: dict[str, Any]) -> list[str]:
    return list(prop.get("enum") or prop.get("items", {}).get("enum") or ())


def flag_help(kind: Form, field: Field) -> str:
    prop = kind.prop(field)
    text, choices = field.key, _choices(prop)
    if choices:
        text += "，可选：" + quoted(choices)
    elif prop.get("description"):
        text = prop["description"]
    return text + ("（必填）" if field.required and not field.default else "")


def _how_to_fill(kind: Form, field: Field) -> str:
    prop = kind.prop(field)
    choices = _choices(prop)
    return "可选：" + quoted(choices) if choices else prop.get("description", "填写这一项")


def parse_value(kind: Form, field: Field, ctx: Context, raw: str | list[str]) -> tuple[Any, str | None]:
    """The value as it will be written, or the problem with it in `check`'s own words."""
    prop = kind.prop(field)
    if isinstance(raw, str):
        raw = " ".join(raw.split("\n")).strip()
    problems = Problems(ctx.root)
    located = Located({field.key: raw}, Path("输入"), {(field.key,): 1})
    data, ok = validate(located, _one_field(kind.name, field.key, prop), problems)
    if not ok:
        return None, "；".join(f"{p.message} — {p.fix}" for p in problems.errors)
    value = data[field.key]
    if problems.warnings:  # a piece of an option (“金融”), completed: say what is written instead
        ctx.say(f"{field.key}按完整的可选值填写：{quoted(value if isinstance(value, list) else [value])}")
    if prop.get("x-zwgk-date"):
        day = parse_date(value)
        if day is None:
            return None, f"“{field.key}”{value} 这一天不存在 — {DAY_FIX}"
        value = day.isoformat()
    problem = field.check(ctx, value) if field.check else None
    return (None, problem) if problem else (value, None)


_field_schemas: dict[tuple[str, str], dict[str, Any]] = {}


def _one_field(kind: str, key: str, prop: dict[str, Any]) -> dict[str, Any]:
    """A schema of just this field, made once: validate compiles each schema it is given."""
    return _field_schemas.setdefault((kind, key), {"type": "object", "properties": {key: prop}})


def _prompt(kind: Form, field: Field, ctx: Context, default: str | None) -> Any:
    prop = kind.prop(field)
    choices = _choices(prop)
    if field.hint and (hint := field.hint(ctx)):
        ctx.say(hint)
    if len(choices) > 1:
        ctx.say(f"{field.key}可选：")
        ctx.say("\n".join(f"  {i}. {choice}" for i, choice in enumerate(choices, start=1)))
    need = "必填" if field.required else "可不填，直接回车跳过"
    several = ("，可写多个，用逗号分隔" if any("、" in c for c in choices) else "，可写多个，用顿号分隔") \
        if prop.get("type") == "array" else ""
    number = "，可写序号" if len(choices) > 1 else ""
    question = f"{field.key}（{need}{several}{number}）" + (f" [{default}]" if default else "") + "："
    while True:
        try:
            answer = ctx.ask(question).strip()  # type: ignore[misc]
        except EOFError:
            raise ScaffoldError("输入已结束，没有新建文件") from None
        answer = answer or default or ""
        if not answer:
            if not field.required:
                return None
            ctx.say("这一项必须填写。")
            continue
        if choices:
            answer = _by_number(answer, choices)
        value, problem = parse_value(kind, field, ctx, answer)
        if problem is None:
            return value
        ctx.say(problem)


def _by_number(answer: str, choices: list[str]) -> str | list[str]:
    """`3` or `1、4` for the listed choices (a list: the choices may themselves contain 、)."""
    parts = [p.strip() for p in re.split(r"[、，,；;\s]+", answer) if p.strip()]
    if parts and all(p.isdigit() and 1 <= int(p) <= len(choices) for p in parts):
        picked = [choices[int(p) - 1] for p in parts]
        return picked if len(picked) > 1 else picked[0]
    return answer


# --- writing -------------------------------------------------------------------------------------

def yaml_value(value: Any, key: str = "") -> str:
    """One value as YAML text: quoted only where YAML needs it, dates plain like editors write them."""
    if isinstance(value, str) and parse_date(value) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if isinstance(value, str) and "\n" in value:  # one line, whatever the indent: a multi-line cell of a table
        return json.dumps(value, ensure_ascii=False)
    flow = isinstance(value, list)
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow, width=1_000_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def yaml_lines(values: Values, order: list[str], indent: str = "") -> list[str]:
    return [f"{indent}{key}: {yaml_value(values[key], key)}" for key in order if key in values]


def schema_comment(schema_name: str, path: Path) -> str:
    """The line that makes VS Code's YAML extension check the file against its schema."""
    target = SCHEMA_DIR / f"{schema_name}.schema.json"
    try:
        ref = Path(os.path.relpath(target, path.parent)).as_posix()
    except ValueError:  # another drive on Windows
        ref = target.as_posix()
    return f"# yaml-language-server: $schema={ref}"


def check_text(ctx: Context, path: Path, meta: str, schema: dict[str, Any], first_line: int) -> None:
    """The loader's verdict on the text about to be written; a refusal stops `new`."""
    problems = Problems(ctx.root)
    located = parse_yaml(meta, path, problems, first_line=first_line)
    if located is not None:
        validate(located, schema, problems)
    if problems.items:
        raise ScaffoldError(*(str(p) for p in problems.items))


def write_new(ctx: Context, path: Path, text: str) -> Path:
    """Create `path`; an existing file is never replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{ctx.rel(path)} 已经存在，没有改动它 — 用 --slug 换一个文件名") from None
    return path


def replace_file(path: Path, text: str) -> None:
    """Replace an existing file in one step, so an interruption never leaves half a catalogue."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(tmp, path)


def yearly_file(root: Path, folder: Path | str, year: int | str) -> Path:
    """A file of one year (decisions, gazette): the one there is (2026.yml or 2026.yaml), else a new 2026.yml."""
    paths = [root / folder / f"{year}{suffix}" for suffix in (".yml", ".yaml")]
    return next((p for p in paths if p.is_file()), paths[0])


def listed_entries(text: str | None, path: Path, ctx: Context, key: str) -> list[dict[str, Any]]:
    """The entries under `key` of a file `new` adds to, read from its text, so that a file that does not load
    yet still counts (the 编号 or 期号 already used)."""
    if text is None:
        return []
    located = parse_yaml(text, path, Problems(ctx.root))
    entries = located.data.get(key) if located and isinstance(located.data, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def existing_text(ctx: Context, path: Path) -> str | None:
    """The text of a file `new` adds to, None when it does not exist yet; unreadable stops `new`."""
    if not path.is_file():
        return None
    problems = Problems(ctx.root)
    text = read_text(path, problems)
    if text is None:
        raise ScaffoldError(*(str(p) for p in problems.items))
    return text.replace("\r\n", "\n")


def append_entry(ctx: Context, path: Path, text: str, key: str, entry: Callable[[str], list[str]]) -> str:
    """The YAML `text` with a new entry after the last one of the list under the top-level `key`
    (`entry(indent)` gives its lines); nothing else changes but 更新日期, set to today."""
    problems = Problems(ctx.root)
    located = parse_yaml(text, path, problems)
    data = located.data if located else None
    if not isinstance(data, dict) or not isinstance(data.get(key), list) or not data[key]:
        raise ScaffoldError(*(str(p) for p in problems.items),
                            f"{ctx.rel(path)} 没有可以追加的“{key}”列表 — 先运行 {command('check')} 改正这个文件")
    lines = text.split("\n")
    first = lines[located.line(key, 0) - 1]
    if not first.lstrip().startswith("- "):
        raise ScaffoldError(f"{ctx.rel(path)} 的“{key}”写成了方括号形式，无法自动追加 — 改成逐条 `- …` 的写法后重试")
    indent = first[: len(first) - len(first.lstrip())]
    top = located.key_lines()
    after = [line for k, line in top.items() if line > top[key]]
    end = (min(after) - 1 if after else len(lines))  # the list runs up to the next top-level key
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    lines[end:end] = ["", *entry(indent)]
    if "更新日期" in top:
        at = top["更新日期"] - 1
        lines[at] = re.sub(r"^(更新日期:\s*).*$", lambda m: m[1] + ctx.today.isoformat(), lines[at])
    return "\n".join(lines).rstrip("\n") + "\n"


def free_name(folder_glob: Callable[[str], bool], base: str) -> str:
    """`base`, or `base-2`, `base-3` … the first one not taken."""
    name, n = base, 1
    while folder_glob(name):
        n += 1
        name = f"{base}-{n}"
    return name


# --- shared by the forms of Markdown files ---------------------------------------------------------

BODY_HINT = "<!-- 在这一行下面写正文（Markdown）。这一行本身不会发布。 -->\n"


def today(ctx: Context, values: Values) -> str:
    return ctx.today.isoformat()


def project_documents(ctx: Context) -> list[Document]:
    return ctx.project.documents if ctx.project else []


def slug_taken(root: Path, folder: str, slug: str) -> bool:
    """File names are site-wide: the same name in another year's folder is taken too."""
    return any((root / "content" / folder).glob(f"**/{slug}.md"))


def front_matter(schema_name: str, path: Path, values: Values, order: list[str],
                 notes: dict[str, str] | None = None) -> tuple[str, str]:
    """(the front matter block, its YAML alone) with the schema line first and `notes` as end-of-line comments."""
    lines = [line + (f"  # {notes[key]}" if notes and key in notes else "")
             for key, line in zip([k for k in order if k in values], yaml_lines(values, order))]
    meta = "\n".join([schema_comment(schema_name, path), *lines]) + "\n"
    return f"---\n{meta}---\n", meta


def check_slug(slug: str) -> None:
    if not re.fullmatch(schemas.SLUG_PATTERN, slug) or slug == "index" or slug.isdigit():
        raise ScaffoldError(f"文件名“{slug}”不能用作网址 — 只用小写英文字母、数字和连字符，例如 szbf-2024-3")
