"""Validating located YAML against a JSON Schema, with every failure phrased in Chinese.

jsonschema finds the failures; this module only says them the way editors need to hear them:
which key, on which line, what was expected, what was found, and the nearest valid value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from zwgk.base import identity, vocab
from zwgk.base.problems import Problems, Severity, choice_list, containing, quoted, suggest
from zwgk.content.sourcefile import Located

_LIST_SEPARATORS = re.compile(r"[、，,；;]+")
_ITEM_SEPARATORS = re.compile(r"[，,；;]+")  # never inside an option: 、 is (“财政、金融、审计”)
# What `build.py import` writes where it could not tell the value: never valid, always explained.
TODO = "待填写"
# Compiled once per schema. Keyed by id(), each entry keeps its schema alive: a short-lived schema
# (`build.py new` checks one field at a time) must not leave its id to be reused by the next one.
_validators: dict[int, tuple[dict[str, Any], Draft202012Validator]] = {}
_fast_checks: dict[int, tuple[dict[str, Any], Callable[[Any], Any]]] = {}


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    cached = _validators.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = _validators[id(schema)] = (schema, Draft202012Validator(schema))
    return cached[1]


def fits(data: Any, schema: dict[str, Any]) -> bool:
    """Whether `data` fits `schema`, by a compiled validator: ~20x faster than jsonschema, which
    only runs when something is wrong, to say what. (Our schemas use no keyword newer than draft 7.)"""
    cached = _fast_checks.get(id(schema))
    if cached is None or cached[0] is not schema:
        compiled = fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})
        cached = _fast_checks[id(schema)] = (schema, compiled)
    try:
        cached[1](data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _normalise(value: Any, schema: dict[str, Any]) -> Any:
    """Forgive what editors really type: empty values, lists written on one line, full-width dates."""
    if schema.get("type") == "object" and isinstance(value, dict):
        props = schema.get("properties", {})
        return {k: _normalise(v, props.get(k, {})) for k, v in value.items() if v is not None}
    if schema.get("type") == "array":
        if isinstance(value, str):
            value = _split(value, schema)
        if isinstance(value, list):
            return [_normalise(v, schema.get("items", {})) for v in value if v is not None]
    if schema.get("x-zwgk-date") and isinstance(value, str):
        return unicodedata.normalize("NFKC", value)
    if schema.get("x-zwgk-identity") and isinstance(value, str) and not value.startswith(TODO):
        return identity.normalise(value)
    return value


def _lookalikes(value: Any, path: tuple[str | int, ...], schema: dict[str, Any], located: Located,
                problems: Problems) -> None:
    """Warn of each identity (编号, 文件名, 索引号 …) that is read other than typed: a zero-width space or a
    full-width digit makes two that look the same differ."""
    if schema.get("type") == "array" and isinstance(value, str):
        value = _split(value, schema)
    if isinstance(value, dict) and schema.get("type") == "object":
        props = schema.get("properties", {})
        for key, item in value.items():
            _lookalikes(item, path + (key,), props.get(key, {}), located, problems)
    elif isinstance(value, list) and schema.get("type") == "array":
        for i, item in enumerate(value):
            _lookalikes(item, path + (i,), schema.get("items", {}), located, problems)
    elif (schema.get("x-zwgk-identity") and isinstance(value, str) and not value.startswith(TODO)
          and (fixed := identity.normalise(value)) != value):
        problems.warning(located.file, located.line(*path), *identity.lookalike(_key_name(path), value, fixed),
                         "consistency.lookalike")


def _split(value: str, schema: dict[str, Any]) -> list[str]:
    """A list written on one line (`甲、乙`). A single valid value that itself contains 、 is kept
    whole, and file paths are never split."""
    items = schema.get("items", {})
    options = items.get("enum", ())
    if not schema.get("x-zwgk-split", True) or value in options or value.startswith(TODO):
        return [value]
    parts: list[str] = []
    for piece in (p.strip() for p in _ITEM_SEPARATORS.split(value)):
        parts.extend([piece] if piece in options else _LIST_SEPARATORS.split(piece))
    return [part.strip() for part in parts if part.strip()]


def _complete(value: Any, path: tuple[str | int, ...], schema: dict[str, Any], located: Located,
              problems: Problems) -> Any:
    """A piece of exactly one option (“金融”) stands for that option: warned, and the whole one is published."""
    if isinstance(value, dict) and schema.get("type") == "object":
        props = schema.get("properties", {})
        return {k: _complete(v, path + (k,), props.get(k, {}), located, problems) for k, v in value.items()}
    if isinstance(value, list) and schema.get("type") == "array":
        done = [_complete(v, path + (i,), schema.get("items", {}), located, problems) for i, v in enumerate(value)]
        return list(dict.fromkeys(done)) if all(isinstance(v, str) for v in done) else done
    if isinstance(value, str) and "enum" in schema and len(options := containing(value, schema["enum"])) == 1:
        problems.warning(located.file, located.line(*path), f"{_where(path)}填的“{value}”不是完整的可选值，已按“{options[0]}”发布",
                         f"改成完整的“{options[0]}”")
        return options[0]
    return value


def _key_name(path: tuple[str | int, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "文件"


def _where(path: tuple[str | int, ...]) -> str:
    """`事项第3条的“公开方式”` for nested paths, `“标题”` for top-level keys."""
    parts: list[str] = []
    for p in path:
        parts.append(f"第{p + 1}条" if isinstance(p, int) else f"“{p}”")
    return "的".join(parts) if parts else "文件内容"


def validate(located: Located, schema: dict[str, Any], problems: Problems) -> tuple[dict[str, Any], bool]:
    """Normalised data and whether it fits the schema; every misfit is reported as a problem.

    The data is returned even when it does not fit, so callers can still check what is there
    (attachments, say) and editors see all their mistakes in one run.
    """
    if not isinstance(located.data, dict):
        problems.error(located.file, 1, "文件内容不是“键: 值”的形式",
                       "每行写成 `键: 值`，冒号用半角并在后面加一个空格")
        return {}, False
    _lookalikes(located.data, (), schema, located, problems)
    found = Problems(problems.root)
    data = _complete(_normalise(located.data, schema), (), schema, located, found)
    todo = _todo(located.data, (), schema, located, found)  # as typed: the hint's punctuation is not normalised
    if not todo and fits(data, schema):
        problems.items.extend(found.items)  # the pieces completed, if any
        return data, True
    errors = sorted(_validator(schema).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    errors = [e for e in errors if not any(tuple(e.absolute_path)[: len(t)] == t for t in todo)]
    # A value of the wrong type also fails its enum or pattern: say only the first thing.
    wrong_type = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    errors = [e for e in errors if e.validator == "type" or tuple(e.absolute_path) not in wrong_type]
    for error in errors:
        _report(error, located, found)
    unique = list(dict.fromkeys(found.items))
    problems.items.extend(unique)
    return data, not any(p.severity is Severity.ERROR for p in unique)


def _todo(value: Any, path: tuple[str | int, ...], schema: dict[str, Any], located: Located,
          problems: Problems) -> set[tuple[str | int, ...]]:
    """Report each `待填写：…` left by the importer; their paths, so the schema's own verdict on them is not repeated."""
    if isinstance(value, str) and value.startswith(TODO):
        hint = value[len(TODO):].lstrip("：: ")
        problems.error(located.file, located.line(*path), f"{_where(path)}还没有填写" + (f"（{hint}）" if hint else ""),
                       _todo_fix(schema))
        return {path}
    found: set[tuple[str | int, ...]] = set()
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key, item in value.items():
            found |= _todo(item, path + (key,), props.get(key, {}), located, problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found |= _todo(item, path + (i,), schema.get("items", {}), located, problems)
    return found


def _todo_fix(schema: dict[str, Any]) -> str:
    title = schema.get("title", "这一项")
    if "enum" in schema:
        return f"填写{title}，可选：{choice_list(schema['enum'], 30)}"
    if schema.get("x-zwgk-date"):
        return f"填写{title}，写成 2024-03-05 或 2024年3月5日"
    return f"填写{title}"


def _report(error: ValidationError, located: Located, problems: Problems) -> None:
    path = tuple(error.absolute_path)
    line = located.line(*path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    title = schema.get("title", _key_name(path))

    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            near = suggest(key, allowed)
            fix = f"是不是“{near}”？改成 {near}" if near else f"删掉这一项；可以写的项目有：{choice_list(allowed, 12)}"
            problems.error(located.file, located.line(*path, key), f"不认识的项目“{key}”", fix)
    elif kind == "required":
        for key in error.validator_value:
            if key in error.instance:
                continue  # every missing key yields an error; validate() drops the repeats
            prop = schema.get("properties", {}).get(key, {})
            fix = f"加上一行 `{key}: …`"
            if "enum" in prop:
                fix += f"，可选：{quoted(prop['enum'])}"
            if key == "不予公开理由":
                message = f"公开属性是“{error.instance.get('公开属性')}”，但没有写不予公开理由（法定事由）"
                fix = f"在下面加一行 `不予公开理由: …`，可选：{quoted(vocab.LEGAL_GROUNDS)}"
                line = located.line(*path, "公开属性")
            else:
                message = f"{_where(path) + '中' if path else ''}缺少必填项“{key}”（或没有填写）"
            problems.error(located.file, line, message, fix)
    elif kind == "anyOf" and not path:
        options = [r["required"][0] for r in error.validator_value]
        problems.error(located.file, 1, f"缺少{'或'.join(options)}", f"加上一行 `{options[0]}: …`（用于生成索引号）")
    elif kind == "enum":
        choices = [str(c) for c in error.validator_value]
        if len(pieces := containing(str(error.instance), choices)) > 1:
            fix = f"“{error.instance}”是几个可选值的一部分，写出其中完整的一个：{quoted(pieces)}"
        else:
            near = suggest(str(error.instance), choices)
            fix = (f"改成“{near}”" if near else "改成可选值之一") + f"（可选：{quoted(choices)}）"
        problems.error(located.file, line, f"{_where(path)}填的“{error.instance}”不在可选范围内", fix)
    elif kind == "type":
        expected = {"string": "一段文字", "array": "列表", "object": "“键: 值”的一组项目"}.get(str(error.validator_value), "其他格式")
        fix = _type_fix(str(error.validator_value))
        if schema.get("x-zwgk-number"):
            expected, fix = "一个数字", schema.get("description", "只写数字")
        problems.error(located.file, line, f"{_where(path)}应该是{expected}", fix)
    elif kind == "pattern" and schema.get("x-zwgk-date"):
        problems.error(located.file, line, f"{_where(path)}“{error.instance}”不是有效日期",
                       "写成 2024-03-05 或 2024年3月5日")
    elif kind == "pattern" and schema.get("pattern") == r"^[a-z0-9][a-z0-9-]*$":
        problems.error(located.file, line, f"{_where(path)}“{error.instance}”不是文件名",
                       "写被引用文件的文件名（不带 .md），只含小写英文字母、数字和连字符")
    elif kind in ("minItems", "minLength"):
        problems.error(located.file, line, f"{_where(path)}没有填写", f"填写{title}")
    elif kind == "pattern":
        problems.error(located.file, line, f"{_where(path)}“{error.instance}”格式不对", schema.get("description", "按说明填写"))
    elif kind in ("if", "then", "else", "allOf"):
        return  # the nested error is reported on its own
    else:
        problems.error(located.file, line, f"{_where(path)}不符合要求（{error.message}）", "按编辑参考 docs/内容格式.md 改正")


def _type_fix(expected: str) -> str:
    if expected == "array":
        return "写成 [甲, 乙] 或逐行 - 甲"
    if expected == "object":
        return "在这一项下面缩进两个空格，逐行写 `键: 值`"
    return "写成一段文字；包含冒号等符号时用英文引号括起来"
