#!/usr/bin/env python3
"""The migrate benchmark: time and peak memory of `build.py migrate` on TRS-shaped mirrors of
1,000 and 10,000 article pages (tests/legacy_sites.py many_pages: every 10th a 解读, every 5th with
an attachment, column lists of 20 a page), then of the `build.py build` that follows.

    .venv/bin/python bench/migrate.py                 # 1,000 and 10,000 pages (about 10 minutes on 2 cores)
    .venv/bin/python bench/migrate.py --sizes 1000 --no-build

Peak memory is the largest resident set of the migrate process (os.wait4); migrate runs in one process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import legacy_sites  # noqa: E402 - the fixtures' generator lives with the tests


def _run(*args: str | Path) -> tuple[float, float, str]:
    """Seconds, peak MiB of the command's process (os.wait4's rusage of that child alone), and its output."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *map(str, args)], stdout=out,
                                stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        text = out.read()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{text}")
    return seconds, usage.ru_maxrss / 1024, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-build", action="store_true", help="only migrate")
    args = parser.parse_args()
    rows = []
    for n in sorted(args.sizes):
        with tempfile.TemporaryDirectory(prefix="zwgk-migrate-bench-") as tmp:
            mirror = legacy_sites.many_pages(Path(tmp), n)
            pages = sum(1 for _ in mirror.root.rglob("*.htm"))
            tree = Path(tmp) / "site"
            shutil.copytree(ROOT / "tests" / "fixtures" / "mini", tree)
            seconds, peak, out = _run("--root", tree, "migrate", mirror.root, "--today", "2024-07-01")
            documents = sum(1 for _ in (tree / "content" / "documents").rglob("*.md")) - 5  # the fixture's own
            rerun, _, _ = _run("--root", tree, "migrate", mirror.root, "--today", "2024-07-01")
            row = [f"{n:,}", f"{pages:,}", f"{documents:,}", f"{seconds:.1f} s", f"{peak:.0f} MiB", f"{rerun:.1f} s"]
            if not args.no_build:
                built, _, _ = _run("--root", tree, "build", "--today", "2024-07-01")
                row.append(f"{built:.1f} s")
            rows.append(row)
            print(next(line for line in out.splitlines() if line.startswith("迁移完成")), file=sys.stderr)
    head = ["文章数", "网页（含列表页）", "写出政策文件", "migrate", "峰值内存", "重新运行"]
    head += [] if args.no_build else ["随后 build"]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
