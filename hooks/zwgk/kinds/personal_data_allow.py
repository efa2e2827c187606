"""允许公开的号码: content/personal-data-allow.yml, numbers the personal-data check lets through (a duty phone)."""

from __future__ import annotations

from zwgk.content import schemas
from zwgk.kinds.kind import ContentKind

# Read by the check it serves (checks/privacy.py), not into the project.
ALLOW_LIST_KIND = ContentKind(
    "personal-data-allow", ("content/personal-data-allow.yml",), schemas.ALLOW_LIST, None,
    "个人信息检查会拦下正文和附件里的身份证号、手机号等；确需公开的号码（如公开的服务电话）登记在这里。",
)
