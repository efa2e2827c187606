"""政策文件库: our own static index (zcwj/wjk/data.js) against Pagefind's filters, on one built site.

    .venv/bin/python bench/generate.py --docs 10000 --out /tmp/f10k --quiet
    .venv/bin/python build.py --root /tmp/f10k build
    .venv/bin/python bench/facets.py --site /tmp/f10k/site

From the site's own data.js it writes one small page per document with the same six facets as Pagefind
filters (and 文号, 发文机关, 成文日期, 有效性 as metadata, 发布日期 as a sort key, the title cut in two-character
pieces as search.py does), indexes them with the Pagefind the project uses, and serves both over a local
server that gzips text as nginx does (gzip_comp_level 1; Pagefind's own files are compressed already).
In Chromium, each scenario in a fresh browser context (empty cache): open with a shared URL of two facets,
then add a third facet, then a word of the title with a facet. Printed: bytes downloaded (index files only,
and everything) and the time from navigation start to the first result list on screen, on this machine's
loopback and on a link emulated at 4 Mbit/s with 100 ms latency. The figures are in docs/政策文件库.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from zwgk.site.search import index_text  # noqa: E402

TEXT = (".html", ".js", ".css", ".json")
SLOW = {"offline": False, "latency": 100, "downloadThroughput": 4_000_000 / 8, "uploadThroughput": 1_000_000 / 8}


class Gzipping(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # noqa: ANN201
        path = Path(self.translate_path(self.path))
        if path.suffix not in TEXT or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 1)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)


def load(site: Path) -> dict:
    text = (site / "zcwj/wjk/data.js").read_text(encoding="utf-8")
    return json.loads(text[len("window.zwgkLibrary="):-2])


def pagefind_site(data: dict, out: Path) -> None:
    """One page per document of the library, with Pagefind filters, metadata and a sort key."""
    facets = data["facets"]
    e = html.escape
    for row in data["docs"]:
        filters = []
        for column, (key, _label, values) in enumerate(facets):
            picked = row[7 + column]
            for n in picked if isinstance(picked, list) else [picked]:
                filters.append(f'<span data-pagefind-filter="{key}">{e(values[n])}</span>')
        meta = [("title", row[1]), ("number", row[2]), ("issuer", facets[0][2][row[7]]), ("written", row[3]),
                ("validity", facets[4][2][row[11]])]
        shown = "".join(f'<p data-pagefind-meta="{k}">{e(v)}</p>' for k, v in meta)
        (out / f"{row[0]}.html").write_text(
            f'<!doctype html><html lang="und"><head><meta charset="utf-8"></head><body>{shown}'
            f'<main data-pagefind-body data-pagefind-sort="date:{row[4]}"><h1>{e(index_text(row[1]))}</h1>'
            f'<p data-pagefind-weight="10">{e(index_text(row[2]))}</p>'
            f'<div data-pagefind-ignore>{"".join(filters)}</div></main></body></html>', encoding="utf-8")


# The bench's Pagefind page: a filter-only search sorted by 发布日期, the data of the first 20 results, the counts.
PAGEFIND_PAGE = """<!doctype html><html lang="und"><head><meta charset="utf-8"><title>pagefind</title></head><body>
<p id="status"></p><ol id="results"></ol>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.options({});
window.run = async (term, filters) => {
  const started = performance.now();
  const found = await pagefind.search(term, {filters, sort: term ? undefined : {date: "desc"}});
  const rows = await Promise.all(found.results.slice(0, 20).map(r => r.data()));
  const list = document.getElementById("results");
  list.textContent = "";
  for (const row of rows) { const li = document.createElement("li"); li.textContent = row.meta.title; list.append(li); }
  document.getElementById("status").textContent = found.results.length + " " + JSON.stringify(found.filters).length;
  return {count: found.results.length, ms: performance.now() - started, at: performance.now()};
};
const params = JSON.parse(decodeURIComponent(location.hash.slice(1)));
window.first = await window.run(params.term, params.filters);
</script></body></html>
"""


def scenarios(data: dict) -> list[tuple[str, dict[str, str], dict[str, str], tuple[str, dict[str, str]]]]:
    """(name, first facets, facet added next, (word, facet)): the busiest organ and year, 废止 documents."""
    facets = {f[0]: f[2] for f in data["facets"]}
    organ = facets["jg"][max(range(len(facets["jg"])), key=lambda n: sum(1 for r in data["docs"] if r[7] == n))]
    year = facets["nf"][1] if len(facets["nf"]) > 1 else facets["nf"][0]
    return [("两个筛选（有效性 + 年份），再加发文机关", {"yx": "现行有效", "nf": year}, {"jg": organ},
             ("通知", {"lx": "行政规范性文件"}))]


class Browser:
    def __init__(self, base: str) -> None:
        from playwright.sync_api import sync_playwright

        self.base = base
        self._pw = sync_playwright().start()
        self.chromium = self._pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])

    def open(self, url: str, slow: bool, wait: str):  # noqa: ANN201
        context = self.chromium.new_context()
        context.add_init_script(FIRST_LI)
        page = context.new_page()
        counted = {"index": 0, "all": 0}

        def count(response) -> None:  # noqa: ANN001
            size = int(response.headers.get("content-length") or 0)
            counted["all"] += size
            if "/pagefind/" in response.url or "/wjk/" in response.url:
                counted["index"] += size

        page.on("response", count)
        if slow:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW)
        page.goto(self.base + url)
        page.wait_for_function(wait, timeout=600_000)
        return page, counted

    def close(self) -> None:
        self.chromium.close()
        self._pw.stop()


# In every page before its own scripts: the moment the 政策文件库 draws its first result list.
FIRST_LI = """document.addEventListener("DOMContentLoaded", () => {
  const ol = document.querySelector(".zw-library__results");
  if (!ol) return;
  new MutationObserver(() => { if (ol.children.length && !window.__first) window.__first = performance.now(); })
    .observe(ol, {childList: true});
});"""


def ours(browser: Browser, data: dict, slow: bool) -> list[tuple[str, int, int, float]]:
    """(step, index bytes, all bytes, ms) for the 政策文件库 page."""
    out = []
    for _name, first, added, (word, facet) in scenarios(data):
        query = "&".join(f"{k}={quote(v)}" for k, v in first.items())
        context_page, counted = browser.open("site/zcwj/wjk.html?" + query, slow, "() => window.__first")
        first_ms = context_page.evaluate("window.__first")
        out.append(("打开分享的链接（两个筛选）", counted["index"], counted["all"], first_ms))
        # the third step starts again from the first two facets, as Pagefind's does
        third = {"q": word, **{k: "" for k in added}, **facet}
        for step, changes in (("再加一个筛选", added), (f"标题含“{word}”并筛选", third)):
            before = dict(counted)
            ms = context_page.evaluate("""(changes) => { const form = document.querySelector('form.zw-library');
              const t = performance.now();
              for (const [k, v] of Object.entries(changes)) { form.elements[k].value = v; }
              form.dispatchEvent(new Event('submit', {cancelable: true}));
              return performance.now() - t; }""", changes)
            out.append((step, counted["index"] - before["index"], counted["all"] - before["all"], ms))
        context_page.context.close()
    return out


def theirs(browser: Browser, data: dict, slow: bool) -> list[tuple[str, int, int, float]]:
    out = []
    for _name, first, added, (word, facet) in scenarios(data):
        params = {"term": None, "filters": first}
        page, counted = browser.open("pf/index.html#" + quote(json.dumps(params, ensure_ascii=False)), slow,
                                     "() => window.first !== undefined")
        out.append(("打开分享的链接（两个筛选）", counted["index"], counted["all"], page.evaluate("window.first.at")))
        for step, term, filters in (("再加一个筛选", None, {**first, **added}),
                                    (f"标题含“{word}”并筛选", index_text(word), {**first, **facet})):
            before = dict(counted)
            result = page.evaluate("([term, filters]) => window.run(term, filters)", [term, filters])
            page.wait_for_timeout(200)  # responses still being counted
            out.append((step, counted["index"] - before["index"], counted["all"] - before["all"], result["ms"]))
        page.context.close()
    return out


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a site built by build.py (its zcwj/wjk/data.js)")
    parser.add_argument("--runs", type=int, default=3, help="fresh browser contexts per engine and link (median)")
    args = parser.parse_args()
    data = load(args.site)
    print(f"文件库：{len(data['docs'])} 件文件，{sum(len(f[2]) for f in data['facets'])} 个筛选值")

    work = Path(tempfile.mkdtemp(prefix="zwgk-facets-"))
    try:
        (work / "site").symlink_to(args.site.resolve())
        pages = work / "pages"
        pages.mkdir()
        pagefind_site(data, pages)
        from pagefind_bin import get_executable

        started = time.perf_counter()
        subprocess.run([str(get_executable()), "--site", str(pages), "--output-path", str(work / "pf" / "pagefind"),
                        "--quiet"], check=True)
        pf_seconds = time.perf_counter() - started
        (work / "pf" / "index.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
        raw = (args.site / "zcwj/wjk/data.js").read_bytes()
        files, size = folder_bytes(work / "pf" / "pagefind")
        print(f"本项目 data.js：1 个文件，{len(raw) / 1e6:.2f} MB，gzip（级别 1）后 {len(gzip.compress(raw, 1)) / 1e6:.2f} MB")
        print(f"Pagefind 筛选索引：{files} 个文件，{size / 1e6:.2f} MB，生成 {pf_seconds:.1f} s")

        handler = functools.partial(Gzipping, directory=str(work))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        browser = Browser(f"http://127.0.0.1:{httpd.server_port}/")
        try:
            for slow in (False, True):
                print(f"\n## {'4 Mbit/s，延迟 100 ms' if slow else '本机回环'}（{args.runs} 次的中位数）")
                print("| 步骤 | 方案 | 下载（索引） | 下载（全部） | 到出现结果 |")
                print("|---|---|---|---|---|")
                for engine, measure in (("本项目 data.js", ours), ("Pagefind 筛选", theirs)):
                    runs = [measure(browser, data, slow) for _ in range(args.runs)]
                    for i, (step, *_rest) in enumerate(runs[0]):
                        index = statistics.median(r[i][1] for r in runs)
                        every = statistics.median(r[i][2] for r in runs)
                        ms = statistics.median(r[i][3] for r in runs)
                        print(f"| {step} | {engine} | {index / 1e3:.0f} KB | {every / 1e3:.0f} KB | {ms:.0f} ms |")
        finally:
            browser.close()
            httpd.shutdown()
            httpd.server_close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
