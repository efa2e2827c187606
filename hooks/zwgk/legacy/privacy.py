"""Personal data an old site published (身份证号, 手机号码, 银行卡号 in a 公示) is not published again:
bodies are masked as the privacy check would show them; attachments that hold such data, or that
cannot be read to find out, are held back in migration/held/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path

from zwgk.checks.attachment_limits import Unchecked
from zwgk.checks.personal_data import attachment_text, scan_text


def mask_text(text: str) -> tuple[str, list[str]]:
    """`text` with each personal number masked, and the masked numbers (for the report)."""
    masked: list[str] = []
    for finding in scan_text(text):
        # The number as printed may carry spaces or hyphens between its digits.
        pattern = re.compile(r"(?<![0-9])" + r"[\s\-]?".join(map(re.escape, finding.value)) + r"(?![0-9Xx])", re.I)
        text, count = pattern.subn(finding.masked, text)
        if count:
            masked.append(finding.masked)
    return text, masked


def attachment_problem(path: Path) -> str | None:
    """Why the attachment at `path` must not be published as it is, or None."""
    try:
        findings = scan_text(attachment_text(path) or "")
    except Unchecked as unchecked:
        return f"无法检查其中有没有个人信息（{unchecked.reason}）"
    if findings:
        return "含有个人信息（" + "、".join(f.masked for f in findings[:3]) + "）"
    return None
