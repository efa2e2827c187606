"""规范性文件清理结果: content/cleanup.yml, the batches of a cleanup and the documents each kept or repealed."""

from __future__ import annotations

from zwgk.content import cleanup, schemas
from zwgk.content.model import CleanupBatch, Project
from zwgk.content.reader import Reader
from zwgk.kinds.kind import ContentKind, Loaded


def _load(reader: Reader, loaded: Loaded) -> list[CleanupBatch]:
    return cleanup.load(reader.root, reader.problems)


def _check(project: Project, reader: Reader) -> None:
    cleanup.check(project, reader.problems, reader.unloaded.documents)


CLEANUP_KIND = ContentKind(
    "cleanup", (cleanup.FILE.as_posix(),), schemas.CLEANUP, CleanupBatch,
    "规范性文件清理批次：每批的决定文件和清理日期；文件头写“清理批次”的文件按批列在清理结果页面上。",
    load=_load, field="cleanup_batches", check=_check,
)
