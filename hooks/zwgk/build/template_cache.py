"""Compiled Jinja templates kept between the rebuilds of `serve` (see base/memo.py: the same switch)."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from zwgk.base import memo


class _TemplateCache(BytecodeCache):
    """Compiled Jinja templates, kept across the environments each rebuild creates (Jinja checks the
    template source's checksum, so an edited template is compiled again)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_templates = _TemplateCache()


def template_cache() -> BytecodeCache | None:
    return _templates if memo.enabled() else None
