#!/usr/bin/env python3
"""The scale benchmark: prints build time, peak memory, growth, check time, serve's rebuild after
one edit, and a naive mkdocs-material site of the same documents for comparison.

    .venv/bin/python bench/run.py                       # N = 1,000 and 10,000 (about 15 minutes)
    .venv/bin/python bench/run.py --sizes 1000 --naive 1000 --repeat 1
    .venv/bin/python bench/run.py --memory-sizes 10000 25000 50000   # memory only: one build per size

Synthetic counties come from bench/generate.py (same seed, same files). Memory is the peak of the
proportional set size (PSS) summed over the build process and its children, so forked workers
that share pages are not counted twice; it is measured in a second build, as sampling it slows the
process it samples. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True
BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable


AUDIT = re.compile(r"发布前泄密检查：(?:[0-9,]+ 个文件，)?用时 ([0-9.]+) 秒")  # hooks/zwgk/base/progress.py


def _descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    queue += [int(c) for c in children.read().split()]
        except OSError:
            continue
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed(command: list[str], memory: bool = True, **kwargs) -> tuple[float, float, subprocess.CompletedProcess]:
    """(seconds, peak MiB of the process tree, result) of one command; without `memory`, the peak is 0 and
    nothing reads /proc while it runs (reading smaps of GB-sized processes takes CPU from what is timed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while memory and not done.is_set():
            peak = max(peak, sum(_pss_kib(p) for p in _descendants(proc.pid)))
            done.wait(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    watcher.join()
    result = subprocess.CompletedProcess(command, proc.returncode, out, err)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return elapsed, peak / 1024, result


def settled(site: Path) -> None:
    """Wait until the folders a build or check deletes in the background (the replaced site, check's scratch
    site) are gone: the next measurement would share the machine with that deletion."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (any(site.parent.glob(f".{site.name}.old-*"))
                                           or any(Path(tempfile.gettempdir()).glob("zwgk-check-*"))):
        time.sleep(0.2)


def generate_content(docs: int, workdir: Path) -> Path:
    """The generated tree of `docs` documents (bench/generate.py), not built yet."""
    tree = workdir / f"county-{docs}"
    if not (tree / ".bench-content").is_file():
        subprocess.run([PYTHON, str(BENCH / "generate.py"), "--docs", str(docs), "--out", str(tree), "--quiet"], check=True)
        (tree / ".bench-content").write_text("ok\n")
    return tree


def generate(docs: int, workdir: Path) -> Path:
    tree = generate_content(docs, workdir)
    stamp = tree / ".bench-generated"
    if not stamp.is_file():
        subprocess.run([PYTHON, str(ROOT / "build.py"), "--root", str(tree), "build", "--site-dir", str(tree / "site")],
                       check=True, capture_output=True)  # registers the 索引号 once, as editors commit them
        stamp.write_text("ok\n")
    return tree


def rebuild_after_edit(tree: Path, command: list[str], full: float) -> None:
    """Edit one document's body and build again: the time, its share of the full build, and the stage lines."""
    settled(tree / "site")
    document = sorted((tree / "content" / "documents").rglob("*.md"))[len(list((tree / "content").rglob("*.md"))) // 3]
    text = document.read_text(encoding="utf-8")
    document.write_text(text.rstrip("\n") + f"\n\n基准测试改动于 {time.time():.0f}。\n", encoding="utf-8")
    before = os.times()
    seconds, _, result = timed(command, memory=False)
    after = os.times()
    cpu = after.children_user - before.children_user + after.children_system - before.children_system
    print(f"N={len(list((tree / 'content' / 'documents').rglob('*.md'))):>6}  改一篇正文后再 build {seconds:6.1f} s，"
          f"是完整构建的 {seconds / full:.0%}（CPU {cpu:.1f} s），退出码 {result.returncode}；各阶段：")
    for line in result.stderr.splitlines():
        if "用时" in line or "沿用" in line:
            print(f"        {line}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def serve_rebuild(tree: Path, edits: int = 3) -> tuple[list[float], float, str]:
    """(seconds from saving an edited document until serve shows it, for each of `edits` edits one after the
    other; first build seconds; serve's own report of the last rebuild)."""
    port = _free_port()
    log = tree / "serve.log"
    doc = sorted((tree / "content" / "documents").rglob("*.md"))[len(list((tree / "content" / "documents").rglob("*.md"))) // 2]
    original = doc.read_text(encoding="utf-8")
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([PYTHON, str(ROOT / "build.py"), "--root", str(tree), "serve", "--addr", f"127.0.0.1:{port}"],
                                stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        while "<html" not in _fetch(base + "index.html"):
            if proc.poll() is not None or time.perf_counter() - start > 900:
                sys.exit("serve did not start:\n" + log.read_text(encoding="utf-8")[-3000:])
            time.sleep(0.2)
        first = time.perf_counter() - start
        page = f"{base}wj/{doc.stem}.html"
        seen: list[float] = []
        for number in range(edits):
            time.sleep(1)  # the first edit comes while serve is still writing its first search index
            marker = f"基准测试改动{number}-{int(time.time())}"
            edited = re.sub(r"^标题: ", f"标题: {marker}", original, count=1, flags=re.M)
            start = time.perf_counter()
            doc.write_text(edited, encoding="utf-8")
            while marker not in _fetch(page):
                if time.perf_counter() - start > 300:
                    sys.exit("serve did not show the edit:\n" + log.read_text(encoding="utf-8")[-3000:])
                time.sleep(0.05)
            seen.append(time.perf_counter() - start)
        time.sleep(0.5)
        reports = re.findall(r"预览已更新：[^\n]*", log.read_text(encoding="utf-8"))
        return seen, first, reports[-1] if reports else ""
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        doc.write_text(original, encoding="utf-8")


def naive_site(tree: Path, workdir: Path, in_nav: bool = True) -> Path:
    """Every document a Markdown page of a plain mkdocs-material site with its own search: in the nav (the usual
    approach, quadratic), or kept out of it (`bare`: linear, the least Material does with the same bodies)."""
    project = workdir / f"{'naive' if in_nav else 'bare'}-{tree.name}"
    if project.exists():
        shutil.rmtree(project)
    docs = project / "docs"
    nav: list[str] = []
    for source in sorted((tree / "content" / "documents").rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        _, front, body = text.split("---", 2)
        title = re.search(r"^标题: (.*)$", front, re.M).group(1)
        target = docs / source.relative_to(tree / "content" / "documents")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title}\n\n```\n{front.strip()}\n```\n{body}", encoding="utf-8")
        nav.append(f"  - '{title}': {target.relative_to(docs).as_posix()}")
    (docs / "index.md").write_text("# 示例县\n", encoding="utf-8")
    listed = "\n".join(nav) if in_nav else ""
    (project / "mkdocs.yml").write_text(
        "site_name: 示例县\nuse_directory_urls: false\ntheme:\n  name: material\n  language: zh\n  font: false\n"
        + ("" if in_nav else "not_in_nav: |\n  /20*/\n")
        + "plugins:\n  - search\nnav:\n  - index.md\n" + listed + "\n", encoding="utf-8")
    return project


MEMORY_SPREAD = 1.2  # the bound: per-document costs within this factor of each other


def memory_linearity(sizes: list[int], workdir: Path) -> bool:
    """Build each size once with memory sampling; print peak, peak per 1,000 documents and the marginal cost
    between sizes. The verdict uses the marginal cost (MiB per document added): "linear" means each further
    document costs the same. Peak / N is printed too but falls with N when a fixed part (the interpreter,
    MkDocs, Pagefind's parts, which have at most PART_SIZE records whatever the site) dominates."""
    peaks: dict[int, tuple[float, int]] = {}
    for docs in sorted(sizes):
        tree = generate_content(docs, workdir)  # the first build registers the 索引号, as editors' first does
        site = tree / "site"
        settled(site)
        # --no-cache: a full build whatever an earlier run left in the tree's cache
        seconds, peak, result = timed([PYTHON, str(ROOT / "build.py"), "--root", str(tree), "build", "--site-dir", str(site),
                                       "--no-cache"])
        if result.returncode != 0:  # a failed build writes no site: its peak says nothing about a build
            print(f"N={docs:>6}  构建失败（退出码 {result.returncode}），内存数字无效：\n{result.stderr[-3000:]}")
            return False
        (tree / ".bench-generated").write_text("ok\n")
        pages = sum(1 for _ in site.rglob("*.html"))
        peaks[docs] = (peak, pages)
        print(f"N={docs:>6}  {pages} 个页面，构建 {seconds:6.1f} s（采样内存时较慢），峰值内存 {peak:6.0f} MiB，"
              f"每 1,000 个文件 {peak / docs * 1000:5.1f} MiB，退出码 {result.returncode}")
    ordered = sorted(peaks)
    slopes = []
    for small, large in zip(ordered, ordered[1:]):
        slope = (peaks[large][0] - peaks[small][0]) / (large - small) * 1000
        slopes.append(slope)
        print(f"N={small}→{large}  边际内存 {slope:5.1f} MiB / 1,000 个文件（(峰值差) / (文件数差)）")
    per_doc = [peaks[d][0] / d for d in ordered]
    print(f"峰值 / 文件数：最大与最小之比 {max(per_doc) / min(per_doc):.2f}")
    if len(slopes) < 2:
        print("边际内存只有一段，无法判断是否线性（至少给三个规模）")
        return True
    positive = all(s > 0 for s in slopes)
    ratio = max(slopes) / min(slopes) if positive else float("inf")
    linear = positive and ratio <= MEMORY_SPREAD
    print(f"线性（按边际内存判断，各段之比 ≤ {MEMORY_SPREAD}）：{'是' if linear else '否'}，各段之比 {ratio:.2f}")
    return linear


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="numbers of documents")
    parser.add_argument("--naive", type=int, nargs="*", default=[1000, 2000],
                        help="sizes to build as a naive mkdocs-material site (quadratic: keep them small)")
    parser.add_argument("--bare", type=int, nargs="*", default=[],
                        help="sizes to build as a bare mkdocs-material site (documents out of the nav, Material's "
                             "own search, none of our checks), timed like ours: the ratio is printed")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/zwgk-bench"))
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurement")
    parser.add_argument("--rebuild", action="store_true",
                        help="also time `build.py build` again after one body was edited (the build cache), "
                             "against the full build (--no-cache)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="builds (and serve edits) per size; the median is reported, as one VM run varies by ±10%%")
    parser.add_argument("--memory-sizes", type=int, nargs="+", metavar="N",
                        help="only memory: build each size once with memory sampling and print peak, MiB per 1,000 "
                             "documents and the marginal MiB per 1,000 documents between sizes; the verdict (linear "
                             f"when the marginal costs are within {MEMORY_SPREAD}x of each other) uses the marginal "
                             "cost, as peak / N falls when a fixed part dominates")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"机器：{os.cpu_count()} 核，Python {sys.version.split()[0]}；工作目录 {args.workdir}")
    if args.memory_sizes:
        return 0 if memory_linearity(args.memory_sizes, args.workdir) else 1
    builds: dict[int, float] = {}
    for docs in args.sizes:
        tree = generate(docs, args.workdir)
        site = tree / "site"
        rebuild = [PYTHON, str(ROOT / "build.py"), "--root", str(tree), "build", "--site-dir", str(site)]
        command = [*rebuild, "--no-cache"]  # a full build: not the cache's reuse of the previous one
        runs = []
        for _ in range(args.repeat):
            settled(site)
            runs.append(timed(command, memory=False))
        seconds = statistics.median(r[0] for r in runs)
        settled(site)
        _, peak, _ = timed(command)  # memory in a run of its own, as sampling it slows the process it samples
        builds[docs] = seconds
        pages = sum(1 for _ in site.rglob("*.html"))
        spread = "、".join(f"{r[0]:.1f}" for r in runs)
        print(f"N={docs:>6}  完整构建 {seconds:6.1f} s（{args.repeat} 次的中位数：{spread}；{seconds / docs * 1000:.1f} ms/文件，"
              f"{pages} 个页面），峰值内存 {peak:6.0f} MiB，退出码 {max(r[2].returncode for r in runs)}")
        audits = [float(m.group(1)) for r in runs for m in [AUDIT.search(r[2].stderr)] if m]
        if audits:
            print(f"N={docs:>6}  其中发布前泄密检查 {statistics.median(audits):4.1f} s（构建日志中 {len(audits)} 次的中位数）")
        if args.rebuild:
            rebuild_after_edit(tree, rebuild, seconds)
        settled(site)
        seconds, _, result = timed([PYTHON, str(ROOT / "build.py"), "--root", str(tree), "check"], memory=False)
        settled(site)
        print(f"N={docs:>6}  check     {seconds:6.1f} s，退出码 {result.returncode}")
        if not args.no_serve:
            seen, first, report = serve_rebuild(tree, args.repeat)
            print(f"N={docs:>6}  serve 首次生成 {first:6.1f} s；改一个文件后 {statistics.median(seen):4.1f} s 在浏览器可见"
                  f"（{len(seen)} 次改动的中位数：{'、'.join(f'{s:.1f}' for s in seen)}；{report}）")
    sizes = sorted(builds)
    for small, large in zip(sizes, sizes[1:]):
        print(f"增长：文件数 ×{large / small:.1f} → 构建时间 ×{builds[large] / builds[small]:.2f}")
    naive: dict[int, float] = {}
    for docs in args.naive:
        project = naive_site(generate(docs, args.workdir), args.workdir)
        seconds, peak, _ = timed([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")])
        naive[docs] = seconds
        ours = f"，本工具同规模 {builds[docs]:.1f} s（快 {seconds / builds[docs]:.1f} 倍）" if docs in builds else ""
        print(f"N={docs:>6}  朴素 mkdocs-material（全部文件进导航）{seconds:6.1f} s，峰值内存 {peak:6.0f} MiB{ours}")
    for docs in args.bare:
        project = naive_site(generate(docs, args.workdir), args.workdir, in_nav=False)
        command = [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
        runs = [timed(command, memory=False)[0] for _ in range(args.repeat)]
        seconds = statistics.median(runs)
        _, peak, _ = timed(command)
        ours = f"；本工具完整构建 / 它 = {builds[docs] / seconds:.2f}" if docs in builds else ""
        print(f"N={docs:>6}  mkdocs-material（文件不进导航，自带搜索，不做任何检查）{seconds:6.1f} s"
              f"（{'、'.join(f'{r:.1f}' for r in runs)}），峰值内存 {peak:6.0f} MiB{ours}")
    if len(naive) >= 2:  # t = a·N + b·N², fitted through the two smallest sizes
        (n1, t1), (n2, t2) = sorted(naive.items())[:2]
        b = (t2 / n2 - t1 / n1) / (n2 - n1)
        a = t1 / n1 - b * n1
        for docs in sizes:
            if docs not in naive:
                estimate = a * docs + b * docs * docs
                print(f"N={docs:>6}  朴素 mkdocs-material 估计 {estimate:6.0f} s（按 {n1}、{n2} 的二次拟合，未实测），"
                      f"本工具 {builds[docs]:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
