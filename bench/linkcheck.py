#!/usr/bin/env python3
"""Benchmark: the link check of the built site (错链断链) on the demo county and on generated
counties of 1,000 and 2,000 documents. Prints figures; asserts nothing.

    python bench/linkcheck.py            # demo, 1,000 and 2,000 documents
    python bench/linkcheck.py --docs 500 2000 4000
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from zwgk.base.problems import Problems  # noqa: E402
from zwgk.checks.links import check_built_site  # noqa: E402
from zwgk.content.model import Source  # noqa: E402


def build(root: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "build", "--site-dir", str(site)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def measure(name: str, site: Path, build_seconds: float) -> tuple[int, float]:
    problems = Problems(site)
    start = time.perf_counter()
    report = check_built_site(site, lambda page, href: Source(page, 0), problems)
    seconds = time.perf_counter() - start
    print(f"{name:>12} | {report.pages:6d} 页 | {report.links:8d} 链接 | 构建 {build_seconds:6.1f} s | "
          f"链接检查 {seconds:6.2f} s | {1000 * seconds / report.pages:5.2f} ms/页 | "
          f"{1e6 * seconds / report.links:5.1f} µs/链接 | 断链 {report.broken}")
    return report.pages, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, nargs="*", default=[1000, 2000])
    args = parser.parse_args()
    print("机器：", subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(), "核")
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-") as tmp:
        work = Path(tmp)
        measure("示例县", work / "demo-site", build(ROOT, work / "demo-site"))
        results = []
        for docs in args.docs:
            tree = work / f"county-{docs}"
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--docs", str(docs), "--out", str(tree),
                            "--quiet"], check=True)
            results.append(measure(f"{docs} 个文件", tree / "site", build(tree, tree / "site")))
        for (pages_a, secs_a), (pages_b, secs_b) in zip(results, results[1:]):
            print(f"页面数 ×{pages_b / pages_a:.2f} → 链接检查时间 ×{secs_b / secs_a:.2f}（线性增长时两者相近）")


if __name__ == "__main__":
    main()
