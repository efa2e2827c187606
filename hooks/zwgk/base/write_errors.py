"""What to tell a webmaster when the output cannot be written: the disk is full, the folder is read-only
or belongs to someone else. These are not bugs of ours, and not editors' mistakes either."""

from __future__ import annotations

import errno

_MESSAGES = {
    errno.ENOSPC: "磁盘已满", errno.EDQUOT: "磁盘配额已用完", errno.EROFS: "文件夹所在的磁盘是只读的",
    errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
}
_FIX = {
    errno.ENOSPC: "腾出磁盘空间（生成时约需站点大小的两倍）后重新运行",
    errno.EDQUOT: "请管理员调高配额或清理文件后重新运行",
    errno.EROFS: "换一个可写的位置（--site-dir），或请管理员把磁盘挂载为可写",
    errno.EACCES: "用有写入权限的账号运行，或换一个位置（--site-dir）",
    errno.EPERM: "用有写入权限的账号运行，或换一个位置（--site-dir）",
}


def describe(error: OSError) -> str | None:
    """A Chinese message for an output-writing error, or None when it is not one of those."""
    if error.errno not in _MESSAGES:
        return None
    where = f"：{error.filename}" if error.filename else ""
    return f"无法写入{where}（{_MESSAGES[error.errno]}）— {_FIX[error.errno]}。原来的站点没有改动。"
