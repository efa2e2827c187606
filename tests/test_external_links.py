"""The external link check against a local HTTP server (never the internet: only 127.0.0.1)."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import free_port

from zwgk.checks.external import LinkStatus, check_links

T0 = 1_700_000_000.0
DAY = 86400.0


@dataclass
class ServerState:
    lock: threading.Lock = field(default_factory=threading.Lock)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (method, path) → requests
    user_agents: set[str] = field(default_factory=set)
    in_flight: int = 0
    max_in_flight: int = 0
    stop: threading.Event = field(default_factory=threading.Event)  # lets /slow end at shutdown

    def requests(self, path: str) -> int:
        with self.lock:
            return sum(n for (_, p), n in self.counts.items() if p == path)

    def total(self) -> int:
        with self.lock:
            return sum(self.counts.values())


def _handler(state: ServerState) -> type[BaseHTTPRequestHandler]:
    chinese_path = urllib.parse.quote("/政策/文件")

    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self._answer()

        def do_GET(self) -> None:
            self._answer()

        def _answer(self) -> None:
            path = urllib.parse.urlsplit(self.path).path
            with state.lock:
                state.counts[(self.command, path)] += 1
                state.user_agents.add(self.headers.get("User-Agent", ""))
                first = state.counts[("HEAD", path)] + state.counts[("GET", path)] == 1
            try:
                if path in ("/ok", chinese_path):
                    self._send(200)
                elif path == "/moved":
                    self._send(301, {"Location": "/ok"})
                elif path.startswith("/nohead"):  # /nohead405, /nohead501, /nohead403
                    self._send(int(path[-3:]) if self.command == "HEAD" else 200)
                elif path == "/flaky":
                    self._send(503 if first else 200)
                elif path == "/down":
                    self._send(503)
                elif path == "/slow":
                    state.stop.wait(2)
                    self._send(200)
                elif path == "/busy":
                    with state.lock:
                        state.in_flight += 1
                        state.max_in_flight = max(state.max_in_flight, state.in_flight)
                    time.sleep(0.1)
                    with state.lock:
                        state.in_flight -= 1
                    self._send(200)
                else:
                    self._send(404)
            except OSError:  # the client gave up (timeout): nothing to answer
                pass

        def _send(self, code: int, headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out is expected here


@dataclass
class Site:
    base: str
    state: ServerState

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)  # 127.0.0.1 must be reached directly
    state = ServerState()
    server = QuietServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)  # quick shutdown
    thread.start()
    yield Site(f"http://127.0.0.1:{server.server_address[1]}", state)
    state.stop.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


def check(urls: list[str], **kwargs: object) -> dict[str, LinkStatus]:
    kwargs.setdefault("timeout", 2.0)
    kwargs.setdefault("retries", 0)
    kwargs.setdefault("now", lambda: T0)
    return check_links(urls, **kwargs)  # type: ignore[arg-type]


# --- statuses ---------------------------------------------------------------------------------


def test_alive_link(site: Site) -> None:
    url = site.url("/ok")
    assert check([url]) == {url: LinkStatus(url, 200, url, None, T0)}
    assert not check([url])[url].dead
    assert not check([url])[url].redirected


def test_head_first_with_tool_user_agent(site: Site) -> None:
    check([site.url("/ok")])
    assert site.state.counts == Counter({("HEAD", "/ok"): 1})
    assert site.state.user_agents == {"zwgk-linkcheck/1.0"}


def test_missing_page_is_dead(site: Site) -> None:
    url = site.url("/gone")
    status = check([url])[url]
    assert status == LinkStatus(url, 404, url, "HTTP 404", T0)
    assert status.dead and not status.redirected


def test_redirect_records_final_url(site: Site) -> None:
    url = site.url("/moved")
    status = check([url])[url]
    assert (status.status, status.final_url, status.error) == (200, site.url("/ok"), None)
    assert status.redirected and not status.dead
    assert site.state.counts == Counter({("HEAD", "/moved"): 1, ("HEAD", "/ok"): 1})  # HEAD kept


@pytest.mark.parametrize("refusal", ["405", "501", "403"])
def test_get_when_head_refused(site: Site, refusal: str) -> None:
    url = site.url("/nohead" + refusal)
    assert check([url])[url] == LinkStatus(url, 200, url, None, T0)
    assert site.state.counts == Counter({("HEAD", "/nohead" + refusal): 1, ("GET", "/nohead" + refusal): 1})


def test_chinese_path_is_quoted(site: Site) -> None:
    url = site.url("/政策/文件")
    status = check([url])[url]
    assert status == LinkStatus(url, 200, url, None, T0)
    assert not status.redirected


def test_fragments_share_one_request(site: Site) -> None:
    urls = [site.url("/ok#一"), site.url("/ok#二"), site.url("/ok")]
    result = check(urls)
    assert {url: (s.status, s.final_url, s.redirected) for url, s in result.items()} == {
        url: (200, url, False) for url in urls
    }
    assert site.state.total() == 1


def test_duplicates_checked_once(site: Site) -> None:
    url = site.url("/ok")
    assert list(check([url, url, url])) == [url]
    assert site.state.total() == 1


def test_non_http_links_ignored(site: Site) -> None:
    url = site.url("/ok")
    others = ["mailto:bgs@example.gov.cn", "ftp://127.0.0.1/a", "tel:12345", "javascript:void(0)", "../a.html", "#top"]
    assert list(check([*others, url])) == [url]
    assert site.state.total() == 1


# --- retries and failures ---------------------------------------------------------------------


def test_retry_makes_flaky_alive(site: Site) -> None:
    url = site.url("/flaky")
    assert check([url], retries=2)[url] == LinkStatus(url, 200, url, None, T0)
    assert site.state.requests("/flaky") == 2


def test_retries_exhausted_on_5xx(site: Site) -> None:
    url = site.url("/down")
    assert check([url], retries=2)[url] == LinkStatus(url, 503, url, "HTTP 503", T0)
    assert site.state.requests("/down") == 3


def test_no_retry_on_4xx(site: Site) -> None:
    check([site.url("/gone")], retries=2)
    assert site.state.requests("/gone") == 1


def test_timeout(site: Site) -> None:
    url = site.url("/slow")
    started = time.monotonic()
    status = check([url], timeout=0.5)[url]
    assert time.monotonic() - started < 1.5
    assert status == LinkStatus(url, None, None, "连接超时", T0)
    assert status.dead and not status.redirected


def test_refused_port() -> None:
    url = f"http://127.0.0.1:{free_port()}/ok"
    status = check([url], retries=1)[url]
    assert status == LinkStatus(url, None, None, "无法连接", T0)
    assert status.dead


def test_malformed_urls(site: Site) -> None:
    bad = ["http://", "https:///a", "http://127.0.0.1:http/", "http://[::1/", "http://exa mple.com/", "http://a\x00b/"]
    assert check(bad) == {url: LinkStatus(url, None, None, "网址格式不对", T0) for url in bad}


# --- cache ------------------------------------------------------------------------------------


def test_cache_reused_within_max_age(site: Site, tmp_path: Path) -> None:
    cache = tmp_path / "缓存" / "links.json"  # parent directories are created
    urls = [site.url("/ok"), site.url("/moved"), site.url("/gone")]
    first = check(urls, cache_file=cache)
    requests = site.state.total()
    assert requests == 4
    assert sorted(p.name for p in cache.parent.iterdir()) == ["links.json"]  # no temp file left
    assert set(json.loads(cache.read_text(encoding="utf-8"))["links"]) == set(urls)

    again = check(urls, cache_file=cache, now=lambda: T0 + 3600)
    assert again == first
    assert site.state.total() == requests


def test_alive_entries_expire_after_ok_max_age(site: Site, tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    url = site.url("/ok")
    check([url], cache_file=cache, ok_max_age=7 * DAY)
    check([url], cache_file=cache, ok_max_age=7 * DAY, now=lambda: T0 + 7 * DAY - 1)
    assert site.state.requests("/ok") == 1
    later = T0 + 7 * DAY + 1
    assert check([url], cache_file=cache, ok_max_age=7 * DAY, now=lambda: later)[url].checked_at == later
    assert site.state.requests("/ok") == 2


def test_dead_entries_expire_after_failed_max_age(site: Site, tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    urls = [site.url("/ok"), site.url("/gone")]
    ages = {"ok_max_age": 7 * DAY, "failed_max_age": DAY}
    check(urls, cache_file=cache, **ages)
    check(urls, cache_file=cache, now=lambda: T0 + DAY - 1, **ages)
    assert (site.state.requests("/ok"), site.state.requests("/gone")) == (1, 1)
    check(urls, cache_file=cache, now=lambda: T0 + DAY + 1, **ages)
    assert (site.state.requests("/ok"), site.state.requests("/gone")) == (1, 2)  # only the dead one again


def test_cache_keeps_other_links_and_survives_damage(site: Site, tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    cache.write_text("{ 不是 JSON", encoding="utf-8")
    check([site.url("/ok")], cache_file=cache)
    check([site.url("/gone")], cache_file=cache)
    assert set(json.loads(cache.read_text(encoding="utf-8"))["links"]) == {site.url("/ok"), site.url("/gone")}


# --- concurrency ------------------------------------------------------------------------------


def test_concurrency_limit(site: Site) -> None:
    urls = [site.url(f"/busy?n={n}") for n in range(20)]
    result = check(urls, concurrency=3)
    assert [s.status for s in result.values()] == [200] * 20
    assert site.state.requests("/busy") == 20
    assert site.state.max_in_flight == 3  # the limit, and reached: the checks do run in parallel
