"""`build.py migrate 镜像目录`: the old site's mirror into content/, with its report."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from zwgk.legacy.columns import ColumnsRefused
from zwgk.legacy.migrate import MigrateRefused, migrate
from zwgk.legacy.report import summary


def run(root: Path, mirror_dir: Path, today: date | None) -> int:
    try:
        result = migrate(root, mirror_dir.resolve(), today or date.today())
    except (MigrateRefused, ColumnsRefused) as refused:
        print(str(refused), file=sys.stderr)
        return 1
    print(summary(result))
    return 0
