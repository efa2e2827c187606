"""Personal data (身份证号, 手机号码, 银行卡号) in anything that will be published: front matter,
bodies, catalogues, site.yml and the text of attachments. An error, so it never goes out;
numbers that may be public (a duty phone, say) are listed in content/personal-data-allow.yml.
An attachment too large or too damaged to read (checks/attachment_limits.py) is an error too: it
may hold an 身份证号 nobody saw. The editor fixes the file, or checks it by hand and records that
in the same file with the attachment's checksum, so a changed file is checked again.

Reports show only masked numbers, or the report itself would leak them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from zwgk.base import build_store, memo, vocab
from zwgk.base.problems import Problems
from zwgk.checks.attachment_limits import Unchecked
from zwgk.checks.personal_data import Finding, attachment_text, scan_text
from zwgk.content import cleanup, indexno, negative_list, schemas, update_state
from zwgk.content.model import Attachment, Project
from zwgk.content.reader import files_under
from zwgk.content.sourcefile import read_text, read_yaml_file
from zwgk.content.validate import validate
from zwgk.kinds.personal_data_allow import ALLOW_LIST_KIND
from zwgk.site.publication import PublicSite

ALLOW_LIST = Path(ALLOW_LIST_KIND.files[0])
_FIX = "删除或打码后再发布；确需公开的号码（如公开的服务电话）登记到 content/personal-data-allow.yml"


@dataclass(frozen=True)
class AllowList:
    numbers: frozenset[str] = frozenset()  # normalised like Finding.value
    attachments: dict[str, str] = field(default_factory=dict)  # path under content/attachments → checksum


def load_allow_list(root: Path, problems: Problems) -> AllowList:
    """Numbers editors confirmed may be published, and attachments they checked by hand."""
    path = root / ALLOW_LIST
    located = read_yaml_file(path, problems) if path.is_file() else None
    if located is None or located.data is None:
        return AllowList()
    data, ok = validate(located, schemas.ALLOW_LIST, problems)
    if not ok:
        return AllowList()
    # Read each entry with the detector itself, so "+86 139-…" and "139…" are the same number.
    numbers = frozenset(found.value for entry in data.get("允许公开", []) for found in scan_text(entry["号码"]))
    return AllowList(numbers, {e["附件"]: e["校验值"] for e in data.get("人工核对附件", [])})


def checksum(path: Path) -> str:
    """What editors copy into 人工核对附件: enough of a SHA-256 that any change to the file shows."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def _attachment_findings(path: Path) -> tuple[list[Finding], Unchecked | None]:
    try:
        return scan_text(attachment_text(path) or ""), None
    except Unchecked as unchecked:
        return [], unchecked


def _participation_files(project: Project) -> list[Path]:
    """重大行政决策 catalogues, the 负面清单 and the cleanup batches are published as written."""
    files = [Path(c.source.file) for c in project.decisions]
    return files + [f for f in (negative_list.FILE, cleanup.FILE) if (project.root / f).is_file()]


def check_personal_data(project: Project, public: PublicSite, attachments: list[Attachment],
                        problems: Problems) -> None:
    allowed = load_allow_list(project.root, problems)

    def report(file: str, findings: list[Finding]) -> None:
        for found in findings:
            if found.value not in allowed.numbers:
                problems.error(file, found.line, f"发现{found.kind} {found.masked}", _FIX, "privacy.personal-data")

    # files by their project-relative names, as problems name them
    sources = ["content/site.yml"]
    sources += [c.source.file for c in project.all_catalogues]
    sources += [t.source.file for t in project.towns]
    sources += sorted({v.source.file for t in project.towns for v in t.villages})
    sources += [o.source.file for o in [*public.interpretations, *public.pages]]
    sources += [d.source.file for d in public.documents if d.is_public]
    sources += [problems.relative(project.root / f) for f in _participation_files(project)]
    sources += [r.source.file for r in public.reports]
    for rel in sources:
        report(rel, _scan_file(project.root / rel, problems))
    # Of a 依申请公开 document only the front matter is published.
    for doc in public.documents:
        if not doc.is_public:
            report(doc.source.file, _scan_file(project.root / doc.source.file, problems, doc.body_line - 1))
    # A file that failed to load (a 待填写 left, a wrong value) is scanned all the same: the editor hears of
    # everything at once, not of the personal data only after fixing the rest.
    for rel, lines in _unloaded(project, set(sources) | _loaded_elsewhere(project)):
        report(rel, _scan_file(project.root / rel, Problems(project.root), lines))  # the loader said why it failed
    for attachment in attachments:
        found, unchecked = _scan_attachment(attachment)
        rel = f"content/attachments/{attachment.path}"
        report(rel, found)
        if unchecked is not None:
            _report_unchecked(attachment, rel, unchecked, allowed.attachments, problems)


def _report_unchecked(attachment: Attachment, rel: str, unchecked: Unchecked, checked: dict[str, str],
                      problems: Problems) -> None:
    total = checksum(attachment.file)
    if checked.get(attachment.path) == total:
        return
    changed = "（登记的校验值与文件不符：附件已改动，须重新核对）" if attachment.path in checked else ""
    problems.error(rel, 0, f"附件{unchecked.reason}，没能检查其中有没有身份证号等个人信息{changed}",
                   f"{unchecked.advice}；确已逐页核对没有个人信息的，在 {ALLOW_LIST.as_posix()} 的“人工核对附件”下登记"
                   f" 附件: {attachment.path}、校验值: {total} 和 说明", "privacy.unchecked-attachment")


_LABEL = re.compile(r"^公开属性\s*[:：]\s*[\"']?(\S+?)[\"']?\s*$", re.M)


def _loaded_elsewhere(project: Project) -> set[str]:
    """Content files that loaded but are not scanned above: what is not published, the tool's own files."""
    files = {d.source.file for d in project.documents} | {i.source.file for i in project.interpretations}
    files |= {c.source.file for c in project.decisions} | {r.source.file for r in project.reports}
    return files | {ALLOW_LIST.as_posix(), indexno.REGISTRY.as_posix(), update_state.FILE.as_posix()}


def _unloaded(project: Project, loaded: set[str]) -> list[tuple[str, int | None]]:
    """(file, lines to scan: None for all) of each content file that did not load. Of a Markdown file the
    公开属性 as written decides, as publish() would: nothing of a withheld one, the front matter of an
    on-request one, all of anything else."""
    found: list[tuple[str, int | None]] = []
    for base in (project.root / "content", project.root / "catalogues"):
        for path in files_under(base):
            rel = path.relative_to(project.root).as_posix()
            if rel in loaded or rel.startswith("content/attachments/") or path.suffix not in (".md", ".yml", ".yaml"):
                continue
            lines = None
            if path.suffix == ".md":
                text = read_text(path, Problems(project.root)) or ""  # read_text's own problems are reported
                end = text.find("\n---", 3)  # the line before the front matter's closing ---
                label = _LABEL.search(text[:end] if end >= 0 else text)
                if label and label.group(1) == vocab.LABEL_WITHHELD:
                    continue
                if label and label.group(1) == vocab.LABEL_ON_REQUEST:
                    lines = text.count("\n", 0, end + 1) + 1
            found.append((rel, lines))
    return found


def _scan_attachment(attachment: Attachment) -> tuple[list[Finding], Unchecked | None]:
    """Findings in an attachment's text; serve remembers them per file state, build per bytes and name
    (the name's extension decides how the text is read)."""
    def scan() -> tuple[list[Finding], Unchecked | None]:
        return _attachment_findings(attachment.file)

    if memo.enabled():
        return memo.remember(("privacy-attachment", memo.file_state(attachment.file)), scan)
    if build_store.active() is None:
        return scan()
    try:
        parts = (attachment.path, str(attachment.file), build_store.file_bytes(attachment.file))
    except OSError:
        return scan()
    return build_store.remember("privacy-attachment", parts, scan)


def _scan_file(path: Path, problems: Problems, lines: int | None = None) -> list[Finding]:
    """Findings in a content file (its first `lines` lines only, if given); serve remembers them per file
    state, build per bytes (base/build_store.py)."""
    def scan(found: Problems) -> list[Finding]:
        text = read_text(path, found)
        if text is not None and lines is not None:
            text = "\n".join(text.split("\n")[:lines])
        return scan_text(text) if text is not None else []

    if memo.enabled():
        try:
            key = ("privacy", memo.file_state(path), lines)
        except OSError:  # a missing file: read_text reports it
            return scan(problems)
        return memo.remember_reporting(key, problems, scan)
    if build_store.active() is None:
        return scan(problems)
    try:
        parts = (build_store.tree(problems.root), str(path), str(lines), build_store.file_bytes(path))
    except OSError:
        return scan(problems)
    return build_store.remember_reporting("privacy", parts, problems, scan)
