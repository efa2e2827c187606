"""Defence in depth: the built site, file by file, holds nothing that must not be published.

`publish()` decides what goes out (site/publication.py); this audit checks its result the way an inspector
would, after rendering and before the new site replaces the old one. Every file of the new site (pages, JSON,
XML, CSV, the search index decompressed, the text of attachments) is searched for the 标题 and 文号 of each
此件不予公开 document and for every run of 30 characters of each text that is not published: the bodies and
summaries of 此件不予公开 and 此件依申请公开 documents and the interpretations of them. A hit is an error, so
the site is not published: a passage an editor pasted into a public page is caught as well as a bug of ours.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePath

import ahocorasick_rs

from zwgk.base import build_cache, build_store, cache_file, parallel, progress
from zwgk.base.problems import Problems
from zwgk.checks.attachment_limits import Unchecked
from zwgk.checks.links import site_files
from zwgk.checks.personal_data import attachment_text
from zwgk.content.model import Document, Project, Source
from zwgk.site.publication import PublicSite
from zwgk.site.search import without_spaces

RUN = 30  # a passage: this many characters in a row, as a body gives them
_MIN_TITLE = 8  # a shorter title (会议纪要) would be found in any page
# What Markdown and HTML change or drop (markup, quotes they escape) and spaces: passages never span them.
_SEPARATORS = re.compile(r"[\s*_`#<>|\[\]()&\"'\\~^{}=!]+")
_BRACKETS = ("[]", "【】", "()", "（）", "﹝﹞", "［］")
# Files with no text of ours in them: images, fonts, Pagefind's program.
_NO_TEXT = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".woff", ".woff2", ".ttf", ".eot", ".wasm"}


@dataclass(frozen=True)
class Secret:
    """Text of the project that no published file may contain."""

    text: str
    what: str  # 标题 / 文号 / 正文
    label: str  # the 公开属性 of the document it belongs to
    source: Source  # file and line, for the message


@dataclass(frozen=True)
class Hit:
    output: str  # site-relative path of the file that holds it
    secret: Secret
    found: str  # the characters found, at least RUN of a passage


def secrets(project: Project, public: PublicSite) -> list[Secret]:
    """Titles and 文号 of withheld documents; the passages of every text that is not published."""
    found: list[Secret] = []
    for doc in project.documents:
        if doc.is_public:
            continue
        if doc.is_withheld:
            if len(doc.title) >= _MIN_TITLE:
                found.append(Secret(doc.title, "标题", doc.label, Source(doc.source.file, doc.source.at("标题"))))
            if doc.number:
                found.append(Secret(doc.number, "文号", doc.label, Source(doc.source.file, doc.source.at("文号"))))
        found += _passages(doc.label, doc.source.file, doc.body, doc.body_line)
        if doc.summary:
            found += _passages(doc.label, doc.source.file, doc.summary, doc.source.at("内容概述"))
    shown = {i.slug for i in public.interpretations}
    by_slug = {d.slug: d for d in project.documents}
    for interp in project.interpretations:
        if interp.slug not in shown:  # it retells documents that are not public
            target = next((by_slug[t] for t in interp.targets if t in by_slug), None)
            found += _passages(target.label if target else "未公开", interp.source.file, interp.body, interp.body_line)
    return found


def _passages(label: str, file: str, text: str, first_line: int) -> list[Secret]:
    return [Secret(segment, "正文", label, Source(file, line)) for segment, line in _segments(text, first_line)]


def _segments(text: str, first_line: int) -> Iterator[tuple[str, int]]:
    """The stretches of `text` between markup and spaces that are long enough to be a passage."""
    for number, line in enumerate(text.split("\n")):
        for segment in _SEPARATORS.split(line):
            if len(segment) >= RUN:
                yield segment, first_line + number


@dataclass(frozen=True)
class _Form:
    """A secret as one kind of file spells it, and how long a match must go on to be a hit."""

    secret: Secret
    text: str
    run: int  # characters in a row that make a hit; the whole text for a title or 文号
    # For each character of `text`, its place in the secret as written (an array: 4 bytes a place, not 36)
    origin: array | None = None
    # Chunks of a passage start this far apart, so that one lies inside any run: more chunks cost time to
    # build the automaton (a second per 50,000), shorter ones match common wording by the thousand.
    stride: int = 10


def _forms(secret: Secret) -> list[_Form]:
    # As written (pages, JSON, XML, CSV, attachments), and as the search index stores it without its
    # spaces: pairs of characters, half-width digits, so each Chinese character twice (示例例县县人).
    # A run of RUN Chinese characters is 2 × RUN - 2 of them there: its chunks are that long, less the stride.
    if secret.what == "正文":
        paired, origin = _paired(secret.text)
        return [_Form(secret, secret.text, RUN), _Form(secret, paired, 2 * RUN - 2, origin, stride=20)]
    paired = without_spaces(secret.text)[0]
    if secret.what == "文号":  # cited in a public text, it may have the brackets editors type (domain.md)
        spellings = {secret.text, paired} | {secret.text.replace("〔", left).replace("〕", right) for left, right in _BRACKETS}
        return [_Form(secret, text, len(text)) for text in sorted(spellings)]
    return [_Form(secret, secret.text, len(secret.text)), _Form(secret, paired, len(paired))]


def _paired(text: str) -> tuple[str, array]:
    """without_spaces(text), its places packed; `build` keeps it (base/build_store.py) as bytes (the store
    reads back no arrays): a Python step per character of every withheld text, 1–2 s at 6,000 documents."""
    def packed() -> tuple[str, bytes]:
        paired, origin = without_spaces(text)
        return paired, array("I", origin).tobytes()

    paired, places = build_store.remember("leak-paired", (text,), packed)
    origin = array("I")
    origin.frombytes(places)
    return paired, origin


_SHIFT = 32  # starts below 4 billion characters, form numbers below 2 billion: both fit in the 64 bits
_START = (1 << _SHIFT) - 1


def _add(places: dict[str, int | list[int]], chunk: str, place: int) -> None:
    known = places.get(chunk)
    if known is None:
        places[chunk] = place
    elif isinstance(known, list):
        known.append(place)
    else:
        places[chunk] = [known, place]


class Finder:
    """Every secret in one Aho-Corasick automaton (in Rust: a pass over 200 million characters takes about a
    second): a passage is looked for by chunks, one of which lies inside any run of `run` characters of it."""

    def __init__(self, found: list[Secret]) -> None:
        # Where each chunk comes from, as form number << 32 | start: at 10,000 documents there are a million
        # chunks, and tuples of (form, start) in lists took 150 MiB.
        self.forms: list[_Form] = []
        places: dict[str, int | list[int]] = {}
        for secret in found:
            for form in _forms(secret):
                number = len(self.forms) << _SHIFT
                self.forms.append(form)
                if form.run == len(form.text):
                    _add(places, form.text, number)
                    continue
                chunk = form.run - form.stride + 1
                for start in range(0, len(form.text) - chunk + 1, form.stride):
                    _add(places, form.text[start:start + chunk], number | start)
        keys = sorted(places)
        # One place a chunk in `single`; a chunk found in several places has -1 there and its list in `several`.
        self.single = array("q", (-1 if isinstance(places[key], list) else places[key] for key in keys))
        self.several = {index: places[key] for index, key in enumerate(keys) if isinstance(places[key], list)}
        del places
        # The automaton keeps its own copy of the chunks: ours are let go.
        self.automaton = ahocorasick_rs.AhoCorasick(keys) if keys else None

    def _places(self, index: int) -> Iterator[tuple[_Form, int]]:
        single = self.single[index]
        for place in (self.several[index] if single < 0 else (single,)):
            yield self.forms[place >> _SHIFT], place & _START

    def find(self, text: str) -> Iterator[tuple[Secret, str]]:
        """(secret, the characters of it found in `text`) for each secret `text` holds."""
        if self.automaton is None:
            return
        told: set[tuple[int, int, int]] = set()  # (secret, first, last): every chunk of a passage matches
        for index, begin, end in self.automaton.find_matches_as_indexes(text, overlapping=True):
            for form, start in self._places(index):
                written = form.text
                # The chunk matched: how far does the passage around it go on in `text`?
                left = 0
                while left < start and begin - left > 0 and text[begin - left - 1] == written[start - left - 1]:
                    left += 1
                stop = start + end - begin
                right = 0
                while stop + right < len(written) and end + right < len(text) and text[end + right] == written[stop + right]:
                    right += 1
                first, last = start - left, stop + right - 1
                if form.origin is not None:  # counted in characters of the secret as written
                    first, last = form.origin[first], form.origin[last]
                    found, enough = form.secret.text[first:last + 1], last - first + 1 >= RUN
                else:
                    found, enough = written[first:last + 1], last - first + 1 >= form.run
                if enough and (id(form.secret), first, last) not in told:
                    told.add((id(form.secret), first, last))
                    yield form.secret, found


def file_text(site_dir: Path, path: Path) -> str | None:
    """The text of a file of the built site as a reader or a program gets it; None if it holds no text."""
    suffix = path.suffix.lower()
    if suffix in _NO_TEXT or path.name.startswith("wasm."):
        return None
    if suffix in (".docx", ".xlsx"):
        try:
            return attachment_text(path)
        except Unchecked:  # too large to read: published only once an editor checked it by hand (privacy.py)
            return None
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":  # Pagefind's index and fragments are gzipped
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError):
            pass
    text = raw.decode("utf-8", errors="replace")
    if path.relative_to(site_dir).parts[0] == "pagefind":
        return text.replace(" ", "")  # see _forms
    if suffix == ".json" and "\\u" in text:  # JSON may spell Chinese as \u escapes
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text


def _key(site_dir: Path, path: Path, data: bytes) -> str:
    """A file as the audit reads it: its bytes, and what its place decides (file_text: suffix, index or not)."""
    return _key_of(hashlib.blake2b(data, digest_size=16).hexdigest(), path.relative_to(site_dir))


def _key_of(digest: str, rel: PurePath) -> str:
    return f"{digest}{rel.suffix.lower()}{'|p' if rel.parts[0] == 'pagefind' else ''}"


def _scan(finder: Finder, site_dir: Path, files: Sequence[Path], clean: frozenset[str] = frozenset()
          ) -> tuple[list[Hit], list[str]]:
    """The hits in `files`, and the keys of the files found clean; a file whose key is in `clean` (found
    clean under the same secrets by an earlier build) is read and hashed but not searched again."""
    hits: list[Hit] = []
    found_clean: list[str] = []
    for path in files:
        key = _key(site_dir, path, path.read_bytes())
        progress.advance()
        if key in clean:
            found_clean.append(key)
            continue
        text = file_text(site_dir, path)
        rel = path.relative_to(site_dir).as_posix()
        held = [Hit(rel, secret, found) for secret, found in finder.find(text)] if text else []
        if held:
            hits += held
        else:
            found_clean.append(key)
    return hits, found_clean


def _copies(project: Project, site_dir: Path, files: list[Path]) -> list[tuple[str, Document]]:
    """Files of the site that are byte for byte an attachment of a document that is not public."""
    hidden: dict[int, list[tuple[bytes, Document]]] = {}
    for doc in project.documents:
        if not doc.is_public:
            for attachment in doc.attachments:
                if attachment.file.is_file():
                    data = attachment.file.read_bytes()
                    hidden.setdefault(len(data), []).append((data, doc))
    found: list[tuple[str, Document]] = []
    if not hidden:
        return found
    for path in files:
        candidates = hidden.get(path.stat().st_size)
        if candidates:
            data = path.read_bytes()
            found += [(path.relative_to(site_dir).as_posix(), doc) for kept, doc in candidates if kept == data]
    return found


@dataclass
class CleanFiles:
    """Files of a site found clean (their `_key`s), and the secrets they were searched for (a digest)."""

    secrets: str = ""
    keys: frozenset[str] = frozenset()


def secrets_digest(found: list[Secret]) -> str:
    return build_cache.digest(*(f"{secret.what}|{secret.text}" for secret in found))


class LeakAudit:
    """The audit in steps, so the pages can be scanned while Pagefind still writes the search index (a core is
    free then), and the index once it is in place; `report` then tells every hit as one error per secret.
    `clean`: files an earlier build found clean (the build cache), not searched again when the secrets are the
    same."""

    def __init__(self, project: Project, public: PublicSite, site_dir: Path, clean: CleanFiles | None = None) -> None:
        self.project, self.site_dir = project, site_dir
        found = secrets(project, public)
        self.finder = Finder(found)
        self.signature = secrets_digest(found)
        self.known = clean.keys if clean is not None and clean.secrets == self.signature else frozenset()
        self.files: list[Path] = []
        self.hits: list[Hit] = []
        self.clean_keys: set[str] = set()

    def scan(self, files: list[Path], placed: dict[str, str] | None = None) -> None:
        """Search `files` of the site (sorted) for every secret. `placed`: files whose bytes are known
        (path → digest, the pages taken from the last site); those found clean before are not even read."""
        placed = placed or {}
        to_read: list[Path] = []
        found: list[tuple[list[Hit], list[str]]] = [([], [])]
        for path in files:
            rel = path.relative_to(self.site_dir)
            digest = placed.get(rel.as_posix())
            key = _key_of(digest, rel) if digest else None
            if key is not None and key in self.known:
                found[0][1].append(key)
                progress.advance()
            else:
                to_read.append(path)
        parts = parallel.shards(len(to_read))  # the automaton goes to the children with the fork
        found += parallel.run([partial(_scan, self.finder, self.site_dir, to_read[index::parts], self.known)
                               for index in range(parts)])
        self.files += files
        for hits, keys in found:
            self.hits += hits
            self.clean_keys.update(keys)

    @property
    def clean(self) -> CleanFiles:
        """The files of this site found clean, for the next build."""
        return CleanFiles(self.signature, frozenset(self.clean_keys))

    def report(self, problems: Problems, owner_of: Callable[[str, str], Source | None]) -> list[Hit]:
        """Report every hit as an error naming the output file and the source; `owner_of(output, text)` gives the
        content file (and line) an output page with `text` was made from, so the editor knows where a pasted
        passage sits."""
        hits: dict[tuple[str, int, str], list[Hit]] = {}  # one message for each secret, naming the files it is in
        for hit in sorted(self.hits, key=lambda hit: hit.output):
            place = hits.setdefault((hit.secret.source.file, hit.secret.source.line, hit.secret.what), [])
            if not place or place[-1].output != hit.output:
                place.append(hit)
        for place in hits.values():
            _report(place, owner_of, problems)
        for rel, doc in _copies(self.project, self.site_dir, sorted(self.files)):
            problems.error(doc.source.file, doc.source.at("附件"), f"生成的站点文件 {rel} 就是这份{doc.label}文件的附件",
                           "站点没有更新。把这个附件从公开的文件、页面中删去，或者改用另一份可以公开的附件", "leaks.published")
        return [hit for place in hits.values() for hit in place]


def audit(project: Project, public: PublicSite, site_dir: Path, problems: Problems,
          owner_of: Callable[[str, str], Source | None]) -> list[Hit]:
    """Every file of the built site audited at once (see LeakAudit.report)."""
    leaks = LeakAudit(project, public, site_dir)
    leaks.scan(site_files(site_dir))
    return leaks.report(problems, owner_of)


CACHE = "leaks.json"  # in the build cache: the files of the last site found clean
_CLEAN_KEY = re.compile(r"[0-9a-f]{32}(\.[^|/]+)?(\|p)?")


def cached_clean(root: Path) -> CleanFiles | None:
    body = cache_file.read(root, CACHE, "完整进行发布前泄密检查", quiet=True)
    if body is None:
        return None
    signature, keys = body.get("secrets"), body.get("clean")
    # each key as _key_of writes it: a key of any other form (an empty one would match no-digest files) spoils all
    if not isinstance(signature, str) or not isinstance(keys, list) or not all(
            isinstance(k, str) and _CLEAN_KEY.fullmatch(k) for k in keys):
        return None
    return CleanFiles(signature, frozenset(keys))


def save_clean(root: Path, clean: CleanFiles) -> None:
    cache_file.write(root, CACHE, {"secrets": clean.secrets, "clean": sorted(clean.keys)})


def _report(place: list[Hit], owner_of: Callable[[str, str], Source | None], problems: Problems) -> None:
    """One error for a secret found in one or more files; the first page an editor wrote comes first."""
    owners = [(hit, owner_of(hit.output, hit.found)) for hit in place]
    owners.sort(key=lambda pair: pair[1] is None)
    first, owner = owners[0]
    secret = first.secret
    shown = first.found if secret.what != "正文" or len(first.found) <= 24 else first.found[:24] + "…"
    where = f"{first.output}（这个页面由 {owner.file} 第 {owner.line} 行生成）" if owner else first.output
    more = f"等 {len(place)} 个文件" if len(place) > 1 else ""
    problems.error(
        secret.source.file, secret.source.line,
        f"生成的站点文件 {where}{more}含有这份{secret.label}文件的{secret.what}「{shown}」",
        "站点没有更新。如果是把这段内容复制进了公开的文件或页面，从那里删掉；"
        "如果这份文件其实可以公开，把公开属性改为 此件公开发布", "leaks.published")
