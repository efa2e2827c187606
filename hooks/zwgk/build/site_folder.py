"""The output folder (site/) and the folders beside it a build uses: a lock, the new site being built,
and the switch from the old site to the new one in one step.

Beside `site/`: `.site.lock` (held while a build runs), `.site-XXXX` (the site being built),
`.site.old-PID` (the old site during a two-step switch), `.site.trash-XXXX` (a replaced site being deleted).
Whatever of these a killed build left is put right by the next build, which holds the lock.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class FolderBusy(Exception):
    """Another build holds the output folder's lock."""

    def __init__(self, target: Path, holder: str) -> None:
        super().__init__(f"{target} is locked by {holder or 'another process'}")
        self.target, self.holder = target, holder

    def message(self) -> str:
        who = f"（进程 {self.holder}）" if self.holder.isdigit() else ""
        return (f"另一个生成{who}正在写 {self.target}，这次没有运行 — 等它结束后再运行；"
                f"两次生成同时写同一个文件夹会互相破坏")


@dataclass(frozen=True)
class SiteFolder:
    target: Path  # site/, resolved

    def _beside(self, name: str) -> Path:
        return self.target.with_name(f".{self.target.name}{name}")

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's lock, or raise FolderBusy at once (a build does not wait for another)."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks of this kind; builds there are one at a time anyway
            yield
            return
        fd = os.open(self._beside(".lock"), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise FolderBusy(self.target, os.pread(fd, 32, 0).decode("ascii", "replace").strip()) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            yield  # the lock goes with the descriptor, also when this process is killed
        finally:
            os.close(fd)

    def recover(self, remove: Callable[[Path], None]) -> list[str]:
        """Put right what a killed build left (call with the lock held), handing each folder no longer
        needed to `remove`; what was done, to tell the user."""
        told = []
        olds = sorted(self.target.parent.glob(f".{self.target.name}.old-*"), key=lambda p: p.stat().st_mtime)
        if olds and not self.target.exists():  # killed between the two steps of a switch: the old site is back
            olds.pop().rename(self.target)
            told.append(f"上次生成在替换站点时中断，已恢复原来的站点 {self.target}")
        leftovers = [*olds, *self.target.parent.glob(f".{self.target.name}-*"),
                     *self.target.parent.glob(f".{self.target.name}.trash-*")]
        for leftover in leftovers:
            remove(leftover)
        if leftovers:
            told.append(f"已删除上次中断的生成留下的 {len(leftovers)} 个文件夹")
        return told

    def staging(self) -> Path:
        """A new empty folder beside site/ (same file system, so the switch is a rename) to build into."""
        return Path(tempfile.mkdtemp(prefix=f".{self.target.name}-", dir=self.target.parent))

    def switch_to(self, staging: Path) -> Path | None:
        """Make `staging` the site: the old site/ is replaced by it in one step where the system can
        (Linux's exchange of two names), else in two renames that `recover` completes. The folder now
        holding the old site, renamed to be deleted, or None when there was none."""
        if not self.target.exists():
            staging.rename(self.target)
            return None
        trash = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.trash-", dir=self.target.parent))
        if _exchange(staging, self.target):
            staging.rename(trash / "site")  # staging now holds the old site
            return trash
        old = self._beside(f".old-{os.getpid()}")
        self.target.rename(old)
        staging.rename(self.target)
        old.rename(trash / "site")
        return trash


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two names atomically (renameat2 RENAME_EXCHANGE); False where the system or file system
    cannot, so that the caller takes the two-step way."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))
