"""What users read of the bundled data: plain notes, clean sources, checked figures."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from importlib import resources

import pytest

from opinipp import regions
from opinipp.assessments import Assessment
from opinipp.datasets import check_unit_means, published_results
from opinipp.entities import OPD, OPDKind
from opinipp.errors import InvalidArgumentError

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


# --- Pemda scores against the mean of their bundled units ----------------------------------

CHECKS = {f"{c.pemda.entity} {c.pemda.year}": c for c in check_unit_means()}


@pytest.mark.parametrize(
    ("pemda", "mean", "units"),
    [
        ("Kabupaten Maluku Tenggara 2023", "60.80", 7),
        ("Kabupaten Muna 2023", "42.72", 7),
        ("Kabupaten Rembang 2024", "98.90", 7),
        ("Kabupaten Bolaang Mongondow 2025", "85.18", 3),
        ("Kota Ambon 2025", "81.20", 3),
        ("Provinsi Gorontalo 2025", "76.82", 3),
    ],
)
def test_six_pemda_confirm_the_mean_of_their_units(pemda: str, mean: str, units: int) -> None:
    check = CHECKS[pemda]
    assert check.status == "agrees"
    assert (str(check.mean), str(check.pemda.score), len(check.units)) == (mean, mean, units)
    assert check.difference == 0
    assert str(check).endswith(f"mean of {units} units {mean} (agrees)")


def test_batang_2024_disagrees_by_four_hundredths() -> None:
    check = CHECKS["Kabupaten Batang 2024"]
    assert (check.status, str(check.mean), check.difference) == (
        "disagrees",
        "93.70",
        Decimal("-0.04"),
    )
    assert str(check) == (
        "Kabupaten Batang 2024: published 93.74, mean of 6 units 93.70 (disagrees by -0.04)"
    )


def test_units_without_scores_are_reported_as_incomplete() -> None:
    check = CHECKS["Kabupaten Tabalong 2022"]
    assert (check.status, check.mean, check.difference, len(check.units)) == (
        "units incomplete",
        None,
        None,
        2,
    )
    assert str(check).endswith("0 of 2 units scored (units incomplete)")


def test_every_bundled_check_is_one_of_the_three() -> None:
    statuses: dict[str, int] = {}
    for c in check_unit_means():
        statuses[c.status] = statuses.get(c.status, 0) + 1
        assert c.pemda.year >= 2022
        if c.status == "disagrees":
            assert c.difference != 0
    assert statuses == {"agrees": 6, "disagrees": 4, "units incomplete": 4}


def test_given_assessments_are_checked_and_earlier_years_skipped() -> None:
    serang = regions.pemda("Kabupaten Serang")
    units = [
        Assessment(OPD(pemda=serang, kind=OPDKind.DINSOS), 2024, "94.62"),
        Assessment(OPD(pemda=serang, kind=OPDKind.DISDIK), 2024, "89.44"),
    ]
    (check,) = check_unit_means([Assessment(serang, 2024, "92.03"), *units])
    assert (check.status, str(check.mean)) == ("agrees", "92.03")
    old = [Assessment(serang, 2021, "80.00"), Assessment(units[0].entity, 2021, "70.00")]
    assert check_unit_means(old) == ()
    with pytest.raises(InvalidArgumentError):
        check_unit_means("Kabupaten Serang")  # type: ignore[arg-type]
