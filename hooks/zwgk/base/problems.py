"""Problems found in editors' input, collected and reported together in Chinese.

Every problem names the file and line, says what is wrong and how to fix it, in one shared
phrasing: `文件:行号: 问题 — 改法`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str
    fix: str
    severity: Severity = Severity.ERROR
    rule: str = "input"  # stable id for machines: input, links.internal, coverage.missing …

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message} — {self.fix}"

    def as_json(self) -> dict[str, str | int]:
        return {"rule": self.rule, "severity": "error" if self.severity is Severity.ERROR else "warning",
                "file": self.file, "line": self.line, "message": self.message, "fix": self.fix}


@dataclass
class Problems:
    """Collects every problem of a run; nothing aborts on the first one."""

    root: Path
    items: list[Problem] = field(default_factory=list)
    _resolved_root: Path | None = field(default=None, repr=False, compare=False)

    def relative(self, path: Path | str) -> str:
        """`path` relative to the project root: paths of content files are reported that way."""
        if isinstance(path, str) and not path.startswith("/") and "\\" not in path:
            return path  # already relative to the root (Source.file): the common case, kept cheap
        path = Path(path)
        if not path.is_absolute():
            return path.as_posix()
        if self._resolved_root is None:
            self._resolved_root = self.root.resolve()
        if not path.is_relative_to(self._resolved_root):  # resolving is slow: only when needed
            path = path.resolve()
        return path.relative_to(self._resolved_root).as_posix() if path.is_relative_to(self._resolved_root) \
            else path.as_posix()

    def error(self, path: Path | str, line: int, message: str, fix: str, rule: str = "input") -> None:
        self.items.append(Problem(self.relative(path), line, message, fix, Severity.ERROR, rule))

    def warning(self, path: Path | str, line: int, message: str, fix: str, rule: str = "input") -> None:
        self.items.append(Problem(self.relative(path), line, message, fix, Severity.WARNING, rule))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def report(self) -> str:
        """The Chinese report editors read: errors, then warnings, grouped by file, with counts."""
        lines: list[str] = []
        for title, group in (("错误", self.errors), ("警告", self.warnings)):
            if not group:
                continue
            by_file: dict[str, list[Problem]] = {}
            for p in sorted(group, key=lambda p: (p.file, p.line, p.message)):
                by_file.setdefault(p.file, []).append(p)
            lines.append(f"{title}（{len(group)} 个，涉及 {len(by_file)} 个文件）：")
            for file, found in by_file.items():
                if len(by_file) > 1 or len(found) > 1:
                    lines.append(f"  {file}（{len(found)} 个）")
                lines.extend(f"    {p}" for p in found)
        if self.errors:
            lines.append(f"共 {len(self.errors)} 个错误、{len(self.warnings)} 个警告。有错误时站点不会生成，请逐条改正后重新运行。")
        return "\n".join(lines)


def suggest(value: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The nearest valid value to a mistyped one, if any is close enough."""
    found = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.4)
    return found[0] if found else None


def suggest_all(value: str, choices: tuple[str, ...] | list[str], n: int = 3) -> list[str]:
    """The valid values nearest to a mistyped one, nearest first."""
    return difflib.get_close_matches(value, list(choices), n=n, cutoff=0.6)


def quoted(choices: tuple[str, ...] | list[str]) -> str:
    """Options each in quotes: many contain 、 themselves (“财政、金融、审计”), so a bare 、 list hides where one ends."""
    return "、".join(f"“{c}”" for c in choices)


def choice_list(choices: tuple[str, ...] | list[str], limit: int = 8) -> str:
    return quoted(choices[:limit]) + ("等" if len(choices) > limit else "")


def containing(part: str, choices: tuple[str, ...] | list[str]) -> list[str]:
    """The options that `part` is a piece of (“金融” → “财政、金融、审计”), exact matches aside."""
    return [c for c in choices if part and part != c and part in c] if part not in choices else []
