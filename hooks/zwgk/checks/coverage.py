"""Catalogue coverage: every 主动 item of the county catalogue has published content.

"目录中所有主动公开事项都有相应栏目进行公开" — an item is covered when at least one document
published in full (此件公开发布) or page names it in 目录事项. An item with an explicit
`暂无内容说明` is reported as a warning instead of an error. 乡级-only items belong to the
townships' catalogues and are counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Project
from ..problems import Problems
from ..publication import PublicSite
from ..vocab import Term

COUNTY = "县级"


@dataclass(frozen=True)
class DomainCoverage:
    domain: Term
    items: int  # all items of the catalogue
    proactive: int  # 主动 items at county level: the ones that must have content
    covered: int
    explained: int  # not covered, with 暂无内容说明

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.proactive if self.proactive else 100.0


def check_coverage(project: Project, public: PublicSite, problems: Problems) -> list[DomainCoverage]:
    results = []
    for catalogue in public.catalogues:
        proactive = covered = explained = 0
        for item in catalogue.items:
            if not item.proactive or COUNTY not in item.levels:
                continue
            proactive += 1
            owners = [o for o in public.fulfilled_by.get(item.code, []) if not isinstance(o, Document) or o.is_public]
            line = item.source.at("编号")
            if owners:
                covered += 1
            elif item.no_content:
                explained += 1
                reason, day = item.no_content
                problems.warning(item.source.file, line, f"主动公开事项“{item.code}”暂无内容（{reason}，说明日期 {day}）",
                                 "有内容后及时发布，并在文件头“目录事项”中写上这个编号", "coverage.explained")
            else:
                name = item.level1 + (f"/{item.level2}" if item.level2 else "")
                problems.error(item.source.file, line, f"主动公开事项“{item.code}”（{name}）没有任何已公开的文件或页面",
                               f"在落实这一事项的文件或页面文件头的“目录事项”中写上 {item.code}；"
                               "确实暂无内容的，在目录中给这一事项写“暂无内容说明”（原因、日期）", "coverage.missing")
        results.append(DomainCoverage(catalogue.domain, len(catalogue.items), proactive, covered, explained))
    return results
