"""What users read of the bundled data: plain notes, clean sources, checked figures."""

from __future__ import annotations

import csv
import io
import re
from importlib import resources

import pytest

from opinipp.datasets import published_results

_TEXT = (resources.files("opinipp") / "data" / "published_results.csv").read_text(encoding="utf-8")
ROWS = list(csv.DictReader(io.StringIO(_TEXT)))

# Working markers of the curation, and words that only make sense to whoever curated.
_MARKERS = re.compile(r"\b(?:(?i:seed)|MERGED|CONFLICT|ANOMALY|BOUNDARY|AMBIGUOUS|TODO|FIXME)\b")
_JARGON = re.compile(r"source_url|rank_province|rank_national|source rows")
# Share-link debris after an article URL (".../berita/377126/twitter.com").
_SHARE_DEBRIS = re.compile(
    r"/(?:twitter\.com|x\.com|facebook\.com|wa\.me|api\.whatsapp\.com|t\.me|line\.me)/?$"
    r"|[?&](?:utm_[a-z]+|fbclid)=",
    re.IGNORECASE,
)


def test_the_marker_pattern_catches_what_it_is_for() -> None:
    for marked in ("seed; score confirmed", "MERGED CONFLICT: x", "ORDER ANOMALY: y"):
        assert _MARKERS.search(marked)
    for plain in ("Score confirmed by the source.", "Sources differ: 82,33 elsewhere."):
        assert _MARKERS.search(plain) is None
    assert _JARGON.search("rank_province 15 (seed)")
    assert _SHARE_DEBRIS.search("https://kalteng.antaranews.com/berita/377126/twitter.com")
    assert _SHARE_DEBRIS.search("https://kalteng.antaranews.com/berita/377126") is None


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['year']}-{r['entity_name'][:30]}")
def test_every_note_is_a_plain_sentence(row: dict[str, str]) -> None:
    note = row["note"]
    if not note:
        return
    assert _MARKERS.search(note) is None, note
    assert _JARGON.search(note) is None, note
    assert note[0].isupper() or not note[0].isalpha(), note
    assert note.endswith("."), note
    assert " | " not in note, note


def test_no_source_url_carries_share_link_debris() -> None:
    urls = [row["source_url"] for row in ROWS if row["source_url"]]
    assert [u for u in urls if _SHARE_DEBRIS.search(u)] == []
    assert all(u.startswith(("http://", "https://")) for u in urls)
    # The 14 former share links point at their articles.
    assert sum(u == "https://kalteng.antaranews.com/berita/377126" for u in urls) == 10
    assert sum(u == "http://megapolitan.kompas.com/read/2022/03/04/20063541" for u in urls) == 4


def test_a_repr_shows_no_curation_marker() -> None:
    for a in published_results():
        assert _MARKERS.search(repr(a)) is None
