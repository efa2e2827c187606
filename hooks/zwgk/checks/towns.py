"""Town pages: a town with nothing to show is an empty column (空白栏目), and each village item is
checked against its own 更新周期 (村务公开: 一般事项每季度、财务每月 …).

Warnings for late village items, like the other timeliness checks; an empty town is an error.
"""

from __future__ import annotations

from datetime import date, timedelta

from zwgk.base.problems import Problems
from zwgk.site.publication import PublicSite

# 更新周期 → the longest gap since 最近公开日期: one period plus a month to post the next one.
# 随时 and 长期 items have no schedule to miss.
MAX_GAP = {"每月": timedelta(days=61), "每季度": timedelta(days=122), "每半年": timedelta(days=214),
           "每年": timedelta(days=396)}


def check_towns(public: PublicSite, problems: Problems, today: date) -> None:
    documents = {d.town for d in public.documents if d.town}
    for town in public.towns:
        if not town.catalogues and not town.villages and town.slug not in documents:
            problems.error(town.source.file, 0, f"乡镇“{town.name}”的页面没有内容",
                           f"在 catalogues/towns/{town.slug}/ 添加本乡镇的领域目录或 villages.yml，"
                           f"或在乡镇文件的文件头写“乡镇: {town.slug}”；检查指标把空白栏目计为扣分项", "sections.empty")
        for village in town.villages:
            for item in village.items:
                gap = MAX_GAP.get(item.period)
                if gap is not None and today - item.latest > gap:
                    problems.warning(item.source.file, item.source.at("最近公开日期"),
                                     f"{village.name}的“{item.name}”更新周期为{item.period}，最近公开于 {item.latest}，"
                                     f"已超期未更新（检查日期 {today}）",
                                     "按周期公开后把“最近公开日期”改为新的公开日期", "timeliness.village")
