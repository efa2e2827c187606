"""Where the tool itself lives: mkdocs.yml, theme/, deploy/ and schemas/ ship beside the package."""

from __future__ import annotations

from pathlib import Path

TOOL_DIR = Path(__file__).resolve().parents[3]
