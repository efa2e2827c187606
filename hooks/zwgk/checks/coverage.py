"""Catalogue coverage: every 主动 item of the county catalogue, and of each town's, has published content.

"目录中所有主动公开事项都有相应栏目进行公开" — an item is covered when at least one document
published in full (此件公开发布) or page names it in 目录事项; a town's item also when one of its
villages' 村(居)务公开 items names it. An item with an explicit `暂无内容说明` is reported as a
warning instead of an error. 乡级-only items of the county catalogue belong to the townships'
catalogues and are counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from zwgk.base.problems import Problems
from zwgk.base.vocab import Term
from zwgk.content.model import Catalogue, CatalogueItem, Document, Project
from zwgk.content.towns import carried_by
from zwgk.site.publication import PublicSite

COUNTY = "县级"


@dataclass(frozen=True)
class DomainCoverage:
    domain: Term
    items: int  # all items of the catalogue
    proactive: int  # 主动 items at county level (or of the town): the ones that must have content
    covered: int
    explained: int  # not covered, with 暂无内容说明
    town: str | None = None  # the town's name, for a town catalogue

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.proactive if self.proactive else 100.0

    @property
    def label(self) -> str:
        return f"{self.town}·{self.domain.name}" if self.town else self.domain.name


def check_coverage(project: Project, public: PublicSite, problems: Problems) -> list[DomainCoverage]:
    results = [_catalogue(c, [i for i in c.items if i.proactive and COUNTY in i.levels], public, set(), None, problems)
               for c in public.catalogues]
    for town in public.towns:
        by_villages = set(carried_by(town))
        results += [_catalogue(c, [i for i in c.items if i.proactive], public, by_villages, town.name, problems)
                    for c in town.catalogues]
    return results


def _catalogue(catalogue: Catalogue, wanted: list[CatalogueItem], public: PublicSite, by_villages: set[str],
               town: str | None, problems: Problems) -> DomainCoverage:
    covered = explained = 0
    for item in wanted:
        owners = [o for o in public.fulfilled_by.get(item.code, []) if not isinstance(o, Document) or o.is_public]
        line = item.source.at("编号")
        if owners or item.code in by_villages:
            covered += 1
        elif item.no_content:
            explained += 1
            reason, day = item.no_content
            problems.warning(item.source.file, line, f"主动公开事项“{item.code}”暂无内容（{reason}，说明日期 {day}）",
                             "有内容后及时发布，并在文件头“目录事项”中写上这个编号", "coverage.explained")
        else:
            name = item.level1 + (f"/{item.level2}" if item.level2 else "")
            what, where = ("文件或页面", "")
            if town:
                what, where = ("文件、页面或村（居）务公开事项", f"，或在本乡镇 villages.yml 落实它的村（居）务事项中写“目录事项: {item.code}”")
            problems.error(item.source.file, line, f"主动公开事项“{item.code}”（{name}）没有任何已公开的{what}",
                           f"在落实这一事项的文件或页面文件头的“目录事项”中写上 {item.code}{where}；"
                           "确实暂无内容的，在目录中给这一事项写“暂无内容说明”（原因、日期）", "coverage.missing")
    return DomainCoverage(catalogue.domain, len(catalogue.items), len(wanted), covered, explained, town)
