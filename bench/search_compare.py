#!/usr/bin/env python3
"""比较站内搜索方案：Material 自带搜索（jieba 分词）、Pagefind 扩展版（自带中文分词）、本项目的 Pagefind 索引（二字切分）。

    .venv/bin/pip install -e '.[bench]'                        # jieba 和 Pagefind 扩展版，只有本脚本用
    .venv/bin/python bench/search_compare.py --docs 1000       # 约 5 分钟；--docs 10000 约 1 小时
    .venv/bin/python bench/search_compare.py --docs 1000 --out /tmp/sc1000 --reuse   # 复用上次的站点，只重建本项目的索引并重新查询

用 bench/generate.py 生成 N 个文件的虚构县，同一份内容：
  1. MkDocs 构建两次：不带搜索、带 Material 搜索插件（装了 jieba 就自动分词）；两者之差是 Material 搜索的耗时；
  2. 在不带搜索的站点上运行 Pagefind 扩展版（页面正文区域，自带中文分词），和本项目的 zwgk.site.search；
  3. 在 Chromium 中用各自的真实搜索代码查询（Material 的 search worker、Pagefind 的 pagefind.js、本站 search.html 的查询），
     统计索引大小、浏览器为一次查询下载的字节数、前 10 条的准确率和全部结果的召回率。
标准答案：标题、文号和正文（即 zwgk.site.search 的记录文本）中含有查询词（文号括号写法统一为〔〕）的文件、解读和页面。
只比较这些页面：列表页等其他页面出现在结果里时先去掉（两个引擎都可以配置为不收录它们）。
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.dont_write_bytecode = True
TOOL_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TOOL_DIR / "hooks"))
from zwgk.build.sitebuild import SiteBuild, hand_over, prepare  # noqa: E402
from zwgk.site import search  # noqa: E402

TODAY = date(2026, 11, 25)
CHROMIUM = "/usr/bin/chromium"
BRACKETS = re.compile(r"[\[［【(（﹝〔]\s*(\d{4})\s*[\]］】)）﹞〕]")


# --------------------------------------------------------------------------------------------- timing

@dataclass
class Clock:
    """Wall time and CPU time (this process and its children) of one step."""

    wall: float = 0.0
    cpu: float = 0.0

    def __enter__(self) -> Clock:
        self._wall, self._cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self._wall, _cpu() - self._cpu


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def mkdocs_build(root: Path, site: SiteBuild, dest: Path, plugins: list) -> Clock:
    """Render the prepared site with MkDocs into `dest`, with the given MkDocs plugins."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.rmtree(dest, ignore_errors=True)
    hand_over(root, site)
    config = load_config(config_file=str(TOOL_DIR / "mkdocs.yml"), docs_dir=str(root / "content"),
                         site_dir=str(dest), plugins=plugins)
    with Clock() as clock:
        build(config)
    return clock


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


# --------------------------------------------------------------------------------------------- queries

@dataclass(frozen=True)
class Query:
    kind: str
    text: str  # as typed
    needle: str  # what a relevant page contains (normalised)


def _norm(text: str) -> str:
    text = "".join(search._half_width(text).split())
    return BRACKETS.sub(r"〔\1〕", text)


def choose_queries(records: list[search.Record]) -> list[Query]:
    """The query set: fixed words, plus a 文号 and a title phrase picked from the content by a fixed rule."""
    docs = sorted((r for r in records if r.kind == "政策文件" and r.number), key=lambda r: r.url)
    numbered = next(r for r in docs if "〔2023〕" in r.number)
    year, serial = re.search(r"〔(\d{4})〕(\d+)号", numbered.number).groups()
    titled = next(r for r in docs if "《" in r.title)
    phrase = re.search(r"《(?:示例县)?([^》]+)》", titled.title).group(1)
    return [
        Query("单个词", "养老", "养老"),
        Query("单个词", "补贴", "补贴"),
        Query("多字词", "养老服务", "养老服务"),
        Query("多字词", "城乡低保", "城乡低保"),
        Query("长词", "惠民惠农财政补贴", "惠民惠农财政补贴"),
        Query("文号", numbered.number, numbered.number),
        Query("文号（方括号）", f"[{year}]{serial}号", f"〔{year}〕{serial}号"),
        Query("文号（空格）", f"{year} {serial}号", f"〔{year}〕{serial}号"),
        Query("标题短语", phrase, phrase),
        Query("只在正文", "联席会议", "联席会议"),
        Query("只在正文", "第三方评估", "第三方评估"),
    ]


def relevant(records: list[search.Record], query: Query) -> set[str]:
    needle = _norm(query.needle)
    return {r.url for r in records if needle in _norm(f"{r.title} {r.number} {r.text}")}


@dataclass
class Answer:
    urls: list[str] = field(default_factory=list)  # record pages only, best first
    others: int = 0  # result pages that are not documents, interpretations or pages (lists …)
    error: str = ""

    def score(self, truth: set[str]) -> tuple[float, float]:
        """(precision of the first 10 against min(10, |truth|), recall of all results)."""
        if not truth:
            return (1.0 if not self.urls else 0.0), 1.0
        top = self.urls[:10]
        return sum(u in truth for u in top) / min(10, len(truth)), len(truth & set(self.urls)) / len(truth)


# --------------------------------------------------------------------------------------------- browser

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


class Browser:
    """Chromium over a local http.server on `root`, counting the bytes every page context downloads."""

    def __init__(self, root: Path) -> None:
        from playwright.sync_api import sync_playwright

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_port}/"
        self._playwright = sync_playwright().start()
        self.chromium = self._playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])

    def page(self, path: str):  # noqa: ANN201 - (playwright Page, byte counter)
        context = self.chromium.new_context()
        counter = {"bytes": 0}

        def count(response) -> None:  # noqa: ANN001
            # the header, not the body: the body of a 200 MB index would be copied into the driver
            counter["bytes"] += int(response.headers.get("content-length") or 0)

        context.on("response", count)
        page = context.new_page()
        page.set_default_timeout(0)
        page.goto(self.base + path)
        return page, counter

    def close(self) -> None:
        self.chromium.close()
        self._playwright.stop()
        self.httpd.shutdown()


MATERIAL_SETUP = """async ([worker, index]) => {
  const started = performance.now();
  const data = await (await fetch(index)).json();
  data.options = {suggest: false};  // as Material's own page sends it (without, every query fails)
  const w = new Worker(worker);
  window.__search = (type, payload) => new Promise(resolve => {
    w.onmessage = event => resolve(event.data);
    w.postMessage({type, data: payload});
  });
  await window.__search(0, data);
  return performance.now() - started;
}"""
MATERIAL_QUERY = """async (query) => {
  const answer = await window.__search(2, query);
  return answer.data.items.map(group => group[0].location);
}"""
PAGEFIND_QUERY = """async ([bundle, query]) => {
  const url = new URL(bundle, location.href).href;
  const pf = await import(url);
  await pf.options({basePath: new URL(".", url).href});
  const found = await pf.search(query);
  await Promise.all(found.results.slice(0, 10).map(r => r.data()));  // what a result page shows
  return found.results.map(r => r.id);
}"""
OURS_QUERY = """async (query) => {
  while (!window.zwgkSearch) { await new Promise(r => setTimeout(r, 50)); }
  const answer = await window.zwgkSearch.find(query);
  await Promise.all(answer.found.results.slice(0, 10).map(r => r.data()));
  return answer.found.results.map(r => r.id);
}"""


def fragment_urls(bundle: Path) -> dict[str, str]:
    """Pagefind result id (fragment file name) → page URL, read from the compressed fragments."""
    found = {}
    for path in bundle.glob("**/fragment/*.pf_fragment"):  # every part of the index
        data = gzip.decompress(path.read_bytes())
        found[path.stem] = json.loads(data[len(b"pagefind_dcd"):])["url"]
    return found


def _page_url(url: str) -> str:
    return url.split("#", 1)[0].lstrip("/")


def answers_from(urls: list[str], wanted: set[str]) -> Answer:
    answer, seen = Answer(), set()
    for url in map(_page_url, urls):
        if url in seen:
            continue
        seen.add(url)
        if url in wanted:
            answer.urls.append(url)
        else:
            answer.others += 1
    return answer


# --------------------------------------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, help="工作目录，默认 /tmp/zwgk-search-compare-<docs>")
    parser.add_argument("--reuse", action="store_true", help="复用工作目录里上次生成的内容、站点、索引和它们的耗时")
    parser.add_argument("--material-timeout", type=float, default=600, help="等 Material 搜索在浏览器里建好索引的最长秒数")
    args = parser.parse_args()
    out = (args.out or Path(f"/tmp/zwgk-search-compare-{args.docs}")).resolve()
    tree = out / "tree"
    try:
        import jieba  # noqa: F401
        import pagefind_bin_extended
    except ImportError as missing:
        print(f"缺少 {missing.name}：先运行 .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
        return 2

    if not (args.reuse and (tree / "content").is_dir()):
        subprocess.run([sys.executable, str(TOOL_DIR / "bench" / "generate.py"), "--docs", str(args.docs),
                        "--out", str(tree), "--quiet"], check=True)
    import logging
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)

    site, problems = prepare(tree, TODAY)
    if site is None:
        print(problems.report(), file=sys.stderr)
        return 1
    records = search.records(site.public, site.bodies)
    wanted = {r.url for r in records}
    print(f"{args.docs} 个文件：{len(records)} 个可搜索页面（公开的文件、依申请公开文件的目录信息、解读、页面）")

    plain, material = out / "www" / "plain", out / "www" / "material"
    extended = out / "www" / "pf-extended"
    saved = out / "timings.json"
    if args.reuse and saved.is_file():  # the builds of an earlier run, and how long they took; ours anew
        t_plain, t_material, t_extended, _ = (Clock(*pair) for pair in json.loads(saved.read_text()))
        shutil.copy(TOOL_DIR / "theme" / "assets" / "zwgk-search.js", plain / "assets")  # the search page as it is now
        with Clock() as t_ours:
            site.search_index(plain)
    else:
        t_plain = mkdocs_build(tree, site, plain, plugins=[])
        t_material = mkdocs_build(tree, site, material, plugins=["search"])
        shutil.rmtree(extended, ignore_errors=True)
        with Clock() as t_extended:
            subprocess.run([str(pagefind_bin_extended.get_executable()), "--site", str(plain), "--output-path",
                            str(extended), "--root-selector", "article.md-content__inner", "--keep-index-url",
                            "--quiet"], check=True, capture_output=True)
        with Clock() as t_ours:
            site.search_index(plain)
    saved.write_text(json.dumps([[c.wall, c.cpu] for c in (t_plain, t_material, t_extended, t_ours)]))

    index_json = material / "search" / "search_index.json"
    material_bytes = index_json.stat().st_size
    material_gz = len(gzip.compress(index_json.read_bytes(), 6))
    sizes = {"Material + jieba": (1, material_bytes), "Pagefind 扩展版": folder_bytes(extended),
             "本项目（Pagefind，二字切分）": folder_bytes(plain / search.BUNDLE)}
    times = {"Material + jieba": Clock(t_material.wall - t_plain.wall, t_material.cpu - t_plain.cpu),
             "Pagefind 扩展版": t_extended, "本项目（Pagefind，二字切分）": t_ours}

    queries = choose_queries(records)
    truth = {q: relevant(records, q) for q in queries}
    engines = list(sizes)
    answers: dict[str, dict[Query, Answer]] = {e: {} for e in engines}
    download: dict[str, list[int]] = {e: [] for e in engines}
    ready = {}
    browser = Browser(out / "www")
    try:
        worker = next((material / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
        page, counter = browser.page("material/index.html")
        try:
            page.set_default_timeout(args.material_timeout * 1000)
            ready["Material + jieba"] = page.evaluate(MATERIAL_SETUP, [
                f"assets/javascripts/workers/{worker}", "search/search_index.json"]) / 1000
            download["Material + jieba"].append(counter["bytes"])
            for q in queries:
                answers["Material + jieba"][q] = answers_from(page.evaluate(MATERIAL_QUERY, q.text), wanted)
        except Exception as error:  # noqa: BLE001 - a browser that gives up is a result too
            for q in queries:
                answers["Material + jieba"].setdefault(q, Answer(error=str(error).splitlines()[0]))
        page.context.close()
        for engine, start, script, bundle in (
                ("Pagefind 扩展版", "plain/index.html", PAGEFIND_QUERY, extended),
                ("本项目（Pagefind，二字切分）", "plain/search.html", OURS_QUERY, plain / search.BUNDLE)):
            ids = fragment_urls(bundle)
            for q in queries:
                page, counter = browser.page(start)
                page.wait_for_load_state("load")
                before = counter["bytes"]
                found = page.evaluate(script, ["../pf-extended/pagefind.js", q.text] if engine == "Pagefind 扩展版" else q.text)
                download[engine].append(counter["bytes"] - before)
                answers[engine][q] = answers_from([ids[i] for i in found], wanted)
                page.context.close()
    finally:
        browser.close()

    report(args.docs, t_plain, sizes, material_gz, times, download, ready, queries, truth, answers)
    return 0


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} KB"


def report(docs, t_plain, sizes, material_gz, times, download, ready, queries, truth, answers) -> None:  # noqa: ANN001
    engines = list(sizes)
    print(f"\n## {docs} 个文件\n")
    print(f"MkDocs 构建（不带搜索）：{t_plain.wall:.1f} s（CPU {t_plain.cpu:.1f} s）\n")
    print("| 方案 | 索引文件 | 索引大小 | 生成索引耗时 | 浏览器一次查询下载 | 浏览器可查询前 |")
    print("|---|---|---|---|---|---|")
    for e in engines:
        files, size = sizes[e]
        extra = f"（gzip 后 {_mb(material_gz)}）" if e.startswith("Material") else ""
        got = download[e]
        per_query = f"{_mb(sum(got) / len(got))}（平均）" if got else "—"
        if e.startswith("Material"):  # the whole index, once (the page's own search box fetches it as well)
            per_query = f"{_mb(size)}（整个索引，gzip 后 {_mb(material_gz)}）"
        wait = f"{ready[e]:.1f} s 建索引" if e in ready else ("无结果" if e.startswith("Material") else "—")
        print(f"| {e} | {files} | {_mb(size)}{extra} | {times[e].wall:.1f} s（CPU {times[e].cpu:.1f} s） | {per_query} | {wait} |")
    print("\n前 10 条准确率 / 全部结果召回率（标准答案：标题、文号、正文含查询词的页面数）：\n")
    print("| 查询 | 类型 | 标准答案 | " + " | ".join(engines) + " |")
    print("|---|---|---|" + "---|" * len(engines))
    totals = {e: [0.0, 0.0] for e in engines}
    for q in queries:
        cells = []
        for e in engines:
            a = answers[e][q]
            if a.error:
                cells.append("出错")
                continue
            p, r = a.score(truth[q])
            totals[e][0] += p
            totals[e][1] += r
            cells.append(f"{p:.0%} / {r:.0%}（{len(a.urls)} 条{f'，另有 {a.others} 个列表等页面' if a.others else ''}）")
        print(f"| `{q.text}` | {q.kind} | {len(truth[q])} | " + " | ".join(cells) + " |")
    n = len(queries)
    print("| **平均** | | | " + " | ".join(f"**{t[0] / n:.0%} / {t[1] / n:.0%}**" for t in totals.values()) + " |")


if __name__ == "__main__":
    sys.exit(main())
