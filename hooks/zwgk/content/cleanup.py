"""规范性文件清理: cleanup batches (content/cleanup.yml) and the 清理结果 page made from documents.

A document names its batch in its front matter (`清理批次: <编号>`), beside 有效性, 废止日期 and
替代文件, so everything about its end is written in one place. The results page groups the
published documents by batch; documents that are 失效/废止/已修改 outside any batch follow in a
group of their own. A withheld document is never listed nor counted: the page shows only what
the public may see, and a count would already say that something unseen exists.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from zwgk.base import vocab
from zwgk.base.dates import DAY_FIX, parse_date
from zwgk.base.problems import Problems, suggest
from zwgk.content import schemas
from zwgk.content.model import CleanupBatch, CleanupGroup, Document, Project, Source
from zwgk.content.sourcefile import read_yaml_file
from zwgk.content.validate import validate

FILE = Path("content") / "cleanup.yml"
PAGE_PATH = f"{vocab.SECTION_POLICIES.slug}/qljg.html"
TITLE = "规范性文件清理结果"
KEPT = "继续有效"  # what a cleanup calls a document it reviewed and kept
# How the results are listed, as cleanup notices do: repealed first, kept last.
RESULT_ORDER = ("废止", "失效", "已修改", KEPT)


def result(doc: Document) -> str:
    """The outcome of the cleanup for one document, in the words of cleanup notices."""
    return KEPT if doc.validity == vocab.VALID else doc.validity


def load(root: Path, problems: Problems) -> list[CleanupBatch]:
    path = root / FILE
    if not path.is_file():
        return []
    located = read_yaml_file(path, problems)
    data, ok = validate(located, schemas.CLEANUP, problems) if located else ({}, False)
    if not ok:
        return []
    batches: list[CleanupBatch] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(data["批次"]):
        source = Source(problems.relative(path), located.line("批次", i), located.key_lines("批次", i))
        day = parse_date(entry["清理日期"])
        if day is None:
            problems.error(path, source.at("清理日期"), f"“清理日期”{entry['清理日期']} 这一天不存在", DAY_FIX)
            continue
        if entry["编号"] in seen:
            problems.error(path, source.at("编号"), f"批次编号“{entry['编号']}”重复（第 {seen[entry['编号']]} 行已有）",
                           "给这一批次换一个没有用过的编号", "consistency.duplicate")
            continue
        seen[entry["编号"]] = source.at("编号")
        batches.append(CleanupBatch(entry["编号"], entry["名称"], day, entry.get("依据"), entry.get("说明"),
                                    entry.get("文件"), source))
    return batches


def check(project: Project, problems: Problems, unloaded_documents: set[str]) -> None:
    """Every 清理批次 names a batch, every batch's notice is a document that may be shown, and
    every batch has documents."""
    if not project.cleanup_batches and (project.root / FILE).is_file():
        return  # the file did not load: its problems are reported, the references are not unknown
    codes = [b.code for b in project.cleanup_batches]
    used: set[str] = set()
    for doc in project.documents:
        if doc.cleanup_batch is None:
            continue
        used.add(doc.cleanup_batch)
        if doc.cleanup_batch not in codes:
            near = suggest(doc.cleanup_batch, codes)
            problems.error(doc.source.file, doc.source.at("清理批次"), f"清理批次“{doc.cleanup_batch}”不存在",
                           (f"是不是“{near}”？" if near else "") + f"在 {FILE.as_posix()} 中定义这一批次，或改正编号",
                           "consistency.unknown-reference")
    documents = {d.slug: d for d in project.documents}
    for batch in project.cleanup_batches:
        if batch.notice and (notice := documents.get(batch.notice)) is None and batch.notice not in unloaded_documents:
            near = suggest(batch.notice, list(documents))
            problems.error(batch.source.file, batch.source.at("文件"), f"文件“{batch.notice}”不存在",
                           (f"是不是“{near}”？" if near else "") + "写公布清理结果的文件的文件名（不带 .md）",
                           "consistency.unknown-reference")
        elif batch.notice and notice is not None and not notice.is_public:
            problems.error(batch.source.file, batch.source.at("文件"), f"文件“{batch.notice}”是“{notice.label}”的文件",
                           "清理结果应当主动公开：改写公开发布的清理结果文件，或删掉这一行", "consistency.hidden-reference")
        if batch.code not in used:
            problems.warning(batch.source.file, batch.source.line, f"清理批次“{batch.code}”（{batch.name}）没有任何文件",
                             f"在清理的文件的文件头写 `清理批次: {batch.code}`，或删掉这一批次", "cleanup.empty-batch")


def publish(batches: list[CleanupBatch], documents: tuple[Document, ...]) -> tuple[CleanupGroup, ...]:
    """Published documents by batch, newest batch first; `documents` holds only what may be shown."""
    if not batches:
        return ()
    by_slug = {d.slug: d for d in documents}

    def rows(found: list[Document]) -> tuple[Document, ...]:
        return tuple(sorted(found, key=lambda d: (RESULT_ORDER.index(result(d)), d.repealed or date.min, d.slug)))

    groups = [CleanupGroup(b, rows([d for d in documents if d.cleanup_batch == b.code]),
                           by_slug.get(b.notice) if b.notice else None)
              for b in sorted(batches, key=lambda b: (b.day, b.code), reverse=True)]
    loose = [d for d in documents if d.cleanup_batch is None and d.validity != vocab.VALID]
    if loose:
        groups.append(CleanupGroup(None, rows(loose)))
    return tuple(groups)
