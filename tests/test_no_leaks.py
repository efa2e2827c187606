"""Nothing withheld reaches site/: not a page, title, file name, search entry or attachment."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

WITHHELD = ["WITHHELDTITLEMARKER", "WITHHELDNUMBER", "WITHHELDBODYMARKER", "WITHHELDATTACHMENT", "cjf-2024-4"]
ON_REQUEST_BODY = ["ONREQUESTBODYMARKER", "ONREQUESTSUMMARYMARKER", "ONREQUESTATTACHMENTMARKER", "核定名单"]


def _all_text(site: Path) -> dict[str, str]:
    """Every file of the site as text, compressed files unpacked (*.gz, and the search index files, which are
    gzip without the suffix), keyed by path (names count too)."""
    texts = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            texts[str(path.relative_to(site))] = data.decode("utf-8", errors="replace")
    return texts


@pytest.mark.parametrize("marker", WITHHELD + ON_REQUEST_BODY)
def test_marker_appears_in_no_file_and_no_file_name(mini_site: Path, marker: str) -> None:
    texts = _all_text(mini_site)
    assert texts, "site is empty"
    assert "pagefind/pagefind-entry.json" in texts and "sitemap.xml" in texts
    # the search index holds its words in lower case
    leaked = [name for name, text in texts.items() if marker.lower() in text.lower() or marker in name]
    assert leaked == [], f"{marker} leaked into {leaked}"


def test_markers_are_really_in_the_content(mini_site: Path) -> None:
    """The leak test is only meaningful if the markers are there to leak, and public text is found."""
    content = mini_site.parent / "content"
    sources = "".join(p.name + p.read_text(encoding="utf-8") for p in content.rglob("*.md"))
    sources += "".join(p.name + p.read_text(encoding="utf-8") for p in (content / "attachments").rglob("*.txt"))
    for marker in WITHHELD + ON_REQUEST_BODY:
        assert marker in sources, marker
    texts = _all_text(mini_site)
    assert any("PUBLICBODYMARKER" in t for t in texts.values())
    index = {name: t for name, t in texts.items() if name.startswith("pagefind/")}
    assert any("PUBLICBODYMARKER" in t for name, t in index.items() if name.endswith(".pf_fragment"))
    assert any("publicbodymarker" in t for name, t in index.items() if name.endswith(".pf_index"))
    # the 依申请公开 document itself is listed with its metadata
    assert any("ONREQUESTTITLE" in t for t in texts.values())
