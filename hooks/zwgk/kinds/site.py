"""本机关信息: content/site.yml, the one file every page's header and footer is made from."""

from __future__ import annotations

from pathlib import Path

from zwgk.base import annual_format
from zwgk.base.dates import parse_date
from zwgk.content import indexno, schemas
from zwgk.content.model import RequestChannels, Site
from zwgk.content.reader import Reader
from zwgk.content.sourcefile import Located, read_yaml_file
from zwgk.content.validate import validate
from zwgk.kinds.kind import ContentKind, Loaded

# The national platform every government site links to from its footer.
ERROR_REPORT_URL = "https://zfwzzc.www.gov.cn/"


def load_site(reader: Reader, loaded: Loaded) -> Site | None:
    path = reader.content / "site.yml"
    if not path.is_file():
        reader.problems.error(path, 0, "缺少本机关信息文件 content/site.yml", "按 docs/内容格式.md 新建 content/site.yml")
        return None
    located = read_yaml_file(path, reader.problems)
    if located is None:
        return None
    data, ok = validate(located, schemas.SITE, reader.problems)
    if not ok:
        return None
    index_format = data.get("索引号格式", indexno.DEFAULT_FORMAT)
    if not indexno.format_ok(index_format):
        reader.problems.error(path, located.line("索引号格式"), f"索引号格式“{index_format}”无法使用",
                              "必须含 {年} 和 {序号}，只能用 {代码} {年} {月} {序号:05d} 这几个占位符，例如 {代码}/{年}-{序号:05d}")
        return None
    return Site(
        name=data["名称"], code=data.get("统一社会信用代码") or data["机构代码"], index_format=index_format,
        host=data["主办单位"], organizer=data.get("承办单位"), address=data["地址"], postcode=data.get("邮编"),
        phone=data["电话"], email=data.get("电子邮箱"), site_code=data["网站标识码"], icp=data["ICP备案号"],
        police_record=data["公安机关备案号"], error_report_url=data.get("找错链接", ERROR_REPORT_URL),
        base_url=_base_url(data.get("网站地址")),
        organ_kind=data.get("机关类型", annual_format.COUNTY_GOVERNMENT),
        channels=_channels(data.get("依申请公开渠道") or {}, path, located, reader),
        check_date=parse_date(data["检查日期"]) if "检查日期" in data else None,
    )


def _channels(data: dict, path: Path, located: Located, reader: Reader) -> RequestChannels:
    online, mail, desk = data.get("在线平台") or {}, data.get("信函") or {}, data.get("当面") or {}
    channels = RequestChannels(online.get("网址"), mail.get("邮寄地址"), mail.get("收件人"), mail.get("邮编"),
                               desk.get("地址"), desk.get("办公时间"), data.get("电话"))
    if not channels.any:  # 条例 Art. 29: the public must be told where and how to apply
        reader.problems.warning(path, located.line("依申请公开渠道"), "没有写依申请公开渠道，指南页和依申请公开的文件页无法告诉公众怎样申请",
                                "在 site.yml 写“依申请公开渠道:”，至少写一种：在线平台（网址）、信函（邮寄地址、收件人、邮编）、"
                                "当面（地址、办公时间）、电话", "site.no-request-channel")
    return channels


def _base_url(url: str | None) -> str | None:
    """网站地址 as the base of absolute links: sitemap, feeds, the 404 page."""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"




SITE_KIND = ContentKind(
    "site", ("content/site.yml",), schemas.SITE, Site,
    "本机关的名称、代码、联系方式和备案信息，生成每页的页头页脚；整个站点只有这一个文件。",
    load=load_site, field="site",
)
