"""Every kind of content file, in the order a content tree is loaded (a kind may use what the kinds
before it loaded: 重大行政决策 link to documents and pages, 年报 read the site, towns the catalogue
format). The handbook's field tables and the exported schemas follow the same order."""

from __future__ import annotations

from zwgk.kinds.annual_report import ANNUAL_REPORT_KIND
from zwgk.kinds.catalogue import CATALOGUE_KIND
from zwgk.kinds.cleanup import CLEANUP_KIND
from zwgk.kinds.decisions import DECISIONS_KIND
from zwgk.kinds.document import DOCUMENT_KIND
from zwgk.kinds.gazette import GAZETTE_KIND
from zwgk.kinds.interpretation import INTERPRETATION_KIND
from zwgk.kinds.kind import ContentKind
from zwgk.kinds.negative_list import NEGATIVE_LIST_KIND
from zwgk.kinds.page import PAGE_KIND
from zwgk.kinds.personal_data_allow import ALLOW_LIST_KIND
from zwgk.kinds.scaffold import Form
from zwgk.kinds.site import SITE_KIND
from zwgk.kinds.town import TOWN_KIND, VILLAGES_KIND

KINDS: tuple[ContentKind, ...] = (
    SITE_KIND, CATALOGUE_KIND, DOCUMENT_KIND, INTERPRETATION_KIND, PAGE_KIND, ALLOW_LIST_KIND, DECISIONS_KIND,
    NEGATIVE_LIST_KIND, CLEANUP_KIND, ANNUAL_REPORT_KIND, TOWN_KIND, VILLAGES_KIND, GAZETTE_KIND,
)
BY_NAME: dict[str, ContentKind] = {kind.name: kind for kind in KINDS}
# What `build.py new` can make, by the word after `new`; documents and interpretations, what editors make most, first.
FORMS: dict[str, Form] = {form.name: form for kind in (DOCUMENT_KIND, INTERPRETATION_KIND, *KINDS) for form in kind.forms}
