"""三同步: an interpretation is published together with its document, and every normative
document (行政规范性文件) has one. Warnings: a late interpretation is better than none.
"""

from __future__ import annotations

from zwgk.base import vocab
from zwgk.base.problems import Problems
from zwgk.site.publication import PublicSite


def check_interpretations(public: PublicSite, problems: Problems) -> None:
    for interp in public.interpretations:
        for slug in interp.targets:
            doc = public.document(slug)
            if doc is None or doc.published is None:
                continue
            gap = (interp.published - doc.published).days
            if gap > 0:
                problems.warning(interp.source.file, interp.source.at("发布日期"),
                                 f"解读比原文 {doc.slug} 晚 {gap} 天发布（原文 {doc.published}，解读 {interp.published}）",
                                 "政策解读应与文件同步起草、同步审签、同步发布", "sync.late-interpretation")
    for doc in public.documents:
        if doc.is_public and doc.doc_type == vocab.NORMATIVE and doc.validity == vocab.VALID \
                and not public.interpretations_of.get(doc.slug):
            problems.warning(doc.source.file, doc.source.at("文件类型"), "行政规范性文件没有政策解读",
                             "按“谁起草谁解读”同步发布解读：在 content/interpretations/ 新建解读，解读对象写本文件名",
                             "sync.missing-interpretation")
