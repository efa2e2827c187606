"""External links: do the http(s) links on the site still answer?

Opt-in (`build.py check --external`) because it needs the network and takes time. Results are kept
in a JSON cache and reused while fresh, a dead link sooner re-checked than a live one, so repeated
runs are fast. Nothing here raises on a network problem: every failure becomes a `LinkStatus` with
a short Chinese reason an editor can act on.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path

from zwgk.base.problems import Problems
from zwgk.content.model import Source

USER_AGENT = "zwgk-linkcheck/1.0"
MALFORMED = "网址格式不对"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HEAD_REFUSED = frozenset({403, 405, 501})  # servers that refuse HEAD but answer GET
_SAFE = "/%:@!$&'()*+,;=~"  # kept as written when quoting; `%` keeps existing escapes intact
_CACHE_VERSION = 1


@dataclass(frozen=True)
class LinkStatus:
    url: str
    status: int | None  # final HTTP status; None when there was no response
    final_url: str | None  # after redirects; None when there was no response
    error: str | None  # short Chinese reason when dead
    checked_at: float  # epoch seconds

    @property
    def dead(self) -> bool:
        return self.status is None or self.status >= 400

    @property
    def redirected(self) -> bool:
        return not self.dead and self.final_url != self.url


@dataclass(frozen=True)
class _Outcome:
    """One target's answer, before it is fanned out to the links that share it."""

    status: int | None
    final_url: str | None  # None also when no redirect happened
    error: str | None
    retry: bool = False  # worth asking again: no response or 5xx


def check_links(
    urls: Iterable[str],
    cache_file: Path | None = None,
    *,
    timeout: float = 10.0,
    concurrency: int = 8,
    retries: int = 2,
    ok_max_age: float = 7 * 86400,
    failed_max_age: float = 86400,
    now: Callable[[], float] = time.time,
) -> dict[str, LinkStatus]:
    """The status of every distinct http(s) URL in `urls`; other schemes are left out."""
    wanted = [url for url in dict.fromkeys(urls) if _is_http(url)]
    cache = _load_cache(cache_file) if cache_file is not None else {}
    started = now()

    def fresh(status: LinkStatus) -> bool:
        age = started - status.checked_at
        return 0 <= age < (failed_max_age if status.dead else ok_max_age)

    result: dict[str, LinkStatus] = {}
    targets: dict[str, list[str]] = {}  # links differing only in #fragment need one request
    for url in wanted:
        cached = cache.get(url)
        if cached is not None and fresh(cached):
            result[url] = cached
        elif (target := _request_url(url)) is None:
            result[url] = LinkStatus(url, None, None, MALFORMED, now())
        else:
            targets.setdefault(target, []).append(url)

    if targets:
        with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(targets)))) as pool:
            outcomes = pool.map(lambda target: _probe(target, timeout, retries), targets)
            for target, outcome in zip(targets, outcomes):
                checked_at = now()  # called here, not in workers: `now` need not be thread-safe
                for url in targets[target]:
                    # Without a redirect the final URL is the link itself, not its quoted form.
                    final = url if outcome.status is not None and outcome.final_url in (None, target) else outcome.final_url
                    result[url] = LinkStatus(url, outcome.status, final, outcome.error, checked_at)

    if cache_file is not None:
        kept = {url: status for url, status in cache.items() if fresh(status)}
        _save_cache(cache_file, kept | result)
    return result


def report_external(results: dict[str, LinkStatus], found: dict[str, list[tuple[str, str]]],
                    locate: Callable[[str, str], Source], problems: Problems) -> None:
    """Each dead or redirected link as a problem of the file it was written in (`locate`: page, href → where)."""
    for url, status in sorted(results.items()):
        for page, href in found[url]:
            where = locate(page, href)
            if status.dead:
                problems.error(where.file, where.line, f"外部链接“{url}”打不开：{status.error}（在生成的页面 {page}）",
                               "改成有效的网址，或删掉这个链接", "links.external-dead")
            elif status.redirected:
                problems.warning(where.file, where.line, f"外部链接“{url}”已跳转到 {status.final_url}（在生成的页面 {page}）",
                                 "改成跳转后的网址", "links.external-redirect")


def _is_http(url: str) -> bool:
    match = _SCHEME.match(url)
    return match is not None and match.group(1).lower() in ("http", "https")


def _request_url(url: str) -> str | None:
    """`url` as it can go on the wire (IDNA host, percent-quoted path), or None if malformed."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urllib.parse.urlsplit(url)
        if not parts.hostname or any(ch.isspace() for ch in parts.netloc):
            return None
        port = parts.port  # raises ValueError on a bad port
        netloc = parts.netloc
        if not netloc.isascii():  # Chinese domain names are real on county sites
            netloc = parts.hostname.encode("idna").decode("ascii") + (f":{port}" if port is not None else "")
        path = urllib.parse.quote(parts.path, safe=_SAFE)
        query = urllib.parse.quote(parts.query, safe=_SAFE + "?")
        return urllib.parse.urlunsplit((parts.scheme.lower(), netloc, path, query, ""))
    except ValueError:  # includes UnicodeError from the IDNA codec
        return None


def _probe(target: str, timeout: float, retries: int) -> _Outcome:
    method = "HEAD"  # cheap: no body
    outcome = _fetch(target, method, timeout)
    for attempt in range(1, retries + 2):
        if method == "HEAD" and outcome.status in _HEAD_REFUSED:
            method = "GET"  # and stay on GET for the retries
            outcome = _fetch(target, method, timeout)
        if not outcome.retry or attempt > retries:
            break
        time.sleep(0.2 * attempt)
        outcome = _fetch(target, method, timeout)
    return outcome


class _KeepHeadOnRedirect(urllib.request.HTTPRedirectHandler):
    """urllib turns a redirected HEAD into GET; keep HEAD so a redirect costs no body."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


def _fetch(target: str, method: str, timeout: float) -> _Outcome:
    request = urllib.request.Request(target, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    # A cookie jar per request: some sites redirect to themselves after setting a cookie.
    opener = urllib.request.build_opener(_KeepHeadOnRedirect, urllib.request.HTTPCookieProcessor(CookieJar()))
    try:
        with opener.open(request, timeout=timeout) as response:  # body never read: headers suffice
            return _Outcome(response.status, response.geturl(), None)
    except urllib.error.HTTPError as err:
        err.close()
        if err.code >= 400:
            return _Outcome(err.code, err.geturl(), f"HTTP {err.code}", retry=err.code >= 500)
        return _Outcome(None, None, "重定向失败（循环或跳到不支持的网址）")
    except urllib.error.URLError as err:
        return _no_response(err.reason)
    except (OSError, http.client.HTTPException) as err:  # raised past urllib's wrapper, e.g. a read timeout
        return _no_response(err)
    except ValueError:
        return _Outcome(None, None, MALFORMED)
    except Exception:  # one odd server must never stop the whole check
        return _Outcome(None, None, "检查失败")


def _no_response(reason: object) -> _Outcome:
    if isinstance(reason, TimeoutError):
        return _Outcome(None, None, "连接超时", retry=True)
    if isinstance(reason, socket.gaierror):
        return _Outcome(None, None, "域名无法解析", retry=True)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return _Outcome(None, None, "网站证书无效")
    if isinstance(reason, ssl.SSLError):
        return _Outcome(None, None, "加密连接失败", retry=True)
    if isinstance(reason, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
        return _Outcome(None, None, "连接被中断", retry=True)
    if isinstance(reason, (str, http.client.InvalidURL)):  # urllib's "no host given", "unknown url type"
        return _Outcome(None, None, MALFORMED)
    if isinstance(reason, http.client.HTTPException):
        return _Outcome(None, None, "服务器响应不正确", retry=True)
    return _Outcome(None, None, "无法连接", retry=True)


def _load_cache(path: Path) -> dict[str, LinkStatus]:
    """The cached statuses; a missing or damaged cache is just empty (it is only a cache)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _CACHE_VERSION or not isinstance(data.get("links"), dict):
        return {}
    statuses: dict[str, LinkStatus] = {}
    for url, entry in data["links"].items():
        try:
            status = LinkStatus(url, entry["status"], entry["final_url"], entry["error"], float(entry["checked_at"]))
        except (TypeError, KeyError, ValueError):
            continue
        if (status.status is None or type(status.status) is int) and all(
            value is None or isinstance(value, str) for value in (status.final_url, status.error)
        ):
            statuses[url] = status
    return statuses


def _save_cache(path: Path, statuses: dict[str, LinkStatus]) -> None:
    """Write via a temp file and os.replace, so a crash or a parallel run never leaves half a file."""
    links = {
        url: {"status": s.status, "final_url": s.final_url, "error": s.error, "checked_at": s.checked_at}
        for url, s in sorted(statuses.items())
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"version": _CACHE_VERSION, "links": links}, out, ensure_ascii=False, indent=1)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
