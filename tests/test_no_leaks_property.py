"""Property: whatever mix of labels editors use, no text of a withheld document and no body of an
on-request document reaches any file of the built site or of the deployable package."""

from __future__ import annotations

import gzip
import shutil
import tarfile
import tempfile
from pathlib import Path

from conftest import FIXTURES, ROOT, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LABELS = ["此件公开发布", "此件依申请公开", "此件不予公开"]
VALIDITY = ["现行有效", "已修改", "失效", "废止"]
REASON = "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息"

documents = st.lists(
    st.tuples(st.sampled_from(LABELS), st.sampled_from(VALIDITY), st.booleans(), st.booleans(),
              st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=6, max_size=6)),
    min_size=1, max_size=6,
)


def _document(i: int, label: str, validity: str, attach: bool, interpreted: bool, tag: str) -> tuple[str, str]:
    marker = f"MK{i}{tag}"
    lines = ["---", f"标题: 文件{marker}标题", f"文号: 测试发〔2024〕{100 + i}号{marker}", "发文机关: 测试县教育局",
             "成文日期: 2024-03-01", "发布日期: 2024-03-05", f"公开属性: {label}", f"有效性: {validity}",
             "文件类型: 其他文件", "主题分类: 科技、教育", "领域: [义务教育]", f"内容概述: 概述{marker}概述"]
    if label != LABELS[0]:
        lines.append(f"不予公开理由: {REASON}")
    if validity in ("失效", "废止"):
        lines.append("废止日期: 2024-05-01")
    if attach:
        lines.append(f"附件: [hyp/附件{marker}.txt]")
    lines += ["---", f"正文{marker}正文", ""]
    return marker, "\n".join(lines)


def _site_text(site: Path) -> str:
    parts = []
    for path in site.rglob("*"):
        parts.append(path.name)
        if path.is_file():
            data = path.read_bytes()
            parts.append((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
    return "\n".join(parts)


def _package_text(dist: Path) -> str:
    """Every member name and file of the package, compressed members unpacked."""
    parts = []
    for archive in dist.glob("*.tar.gz"):
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                parts.append(member.name)
                if member.isfile():
                    data = tar.extractfile(member).read()
                    parts.append((gzip.decompress(data) if member.name.endswith(".gz") else data).decode("utf-8", "replace"))
    assert parts, "no package was written"
    return "\n".join(parts)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_no_marker_of_a_non_public_document_reaches_the_site(docs: list) -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    import build as cli

    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "mini"
        shutil.copytree(FIXTURES / "mini", tree)
        (tree / "content/attachments/hyp").mkdir()
        secret, public = [], []
        interpretation_targets = []
        for i, (label, validity, attach, interpreted, tag) in enumerate(docs):
            marker, text = _document(i, label, validity, attach, interpreted, tag)
            (tree / f"content/documents/hyp-{i}.md").write_text(text, encoding="utf-8")
            if attach:
                (tree / f"content/attachments/hyp/附件{marker}.txt").write_text(f"附件内容{marker}", encoding="utf-8")
            if label == LABELS[0]:
                public.append(marker)
                if interpreted:
                    interpretation_targets.append(f"hyp-{i}")
            elif label == LABELS[1]:
                secret += [f"正文{marker}", f"概述{marker}", f"附件内容{marker}", f"附件{marker}"]
            else:
                secret.append(marker)
        if interpretation_targets:
            (tree / "content/interpretations/jd-hyp.md").write_text(
                "---\n标题: 解读\n解读对象: [" + ", ".join(interpretation_targets) + "]\n解读形式: 文字解读\n"
                "解读机关: 测试县教育局\n发布日期: 2024-03-05\n---\n解读正文\n", encoding="utf-8")
        dist = Path(tmp) / "dist"
        code = cli.main(["--root", str(tree), "package", "--dist-dir", str(dist), "--today", TODAY])
        assert code == 0
        text = _site_text(tree / "site") + _package_text(dist)
        for marker in secret:
            assert marker not in text, marker
        for marker in public:
            assert f"正文{marker}正文" in text  # the property is not vacuous: public text does get out
