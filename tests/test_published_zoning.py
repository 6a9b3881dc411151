"""Every published result with a score agrees with classify(), except documented anomalies.

The bundled results (:func:`opinipp.datasets.published_results`) keep the zone, category and
label words exactly as sources printed them ("zona hijau", "Zona Hijau", "red zone",
"zonasi kuning", "predikat kepatuhan tinggi", "Opini Kualitas Sedang Tanpa
Maladministrasi", …). :func:`opinipp.datasets.audit` normalises those words and compares
them with what the rules compute for the published score; these tests pin what it reports
on the bundled data, and how it reads each spelling the data uses.
"""

from __future__ import annotations

from typing import Final

import pytest

from opinipp import regions
from opinipp.assessments import Assessment, PublishedResult
from opinipp.datasets import audit, published_results

RESULTS: Final = published_results()
ZONED: Final = [
    a
    for a in RESULTS
    if a.score is not None and a.published and (a.published.zone or a.published.category)
]
LABELLED: Final = [
    a for a in RESULTS if a.score is not None and a.published and a.published.opinion
]


def test_the_data_has_labels_to_compare() -> None:
    assert (len(RESULTS), len(ZONED), len(LABELLED)) == (683, 305, 175)
    assert {a.year for a in ZONED} | {a.year for a in LABELLED} == {
        2018,
        2019,
        2021,
        2022,
        2023,
        2024,
        2025,
    }


# (entity, year, field, published, computed): every disagreement on the bundled data.
DISAGREEMENTS: Final = {
    ("Provinsi Banten", 2018, "zone", "zona hijau", "kuning"),
    ("Provinsi Banten", 2018, "opinion", "predikat tinggi", "Kepatuhan Sedang"),
    ("Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)", 2022, "category", "B", "A"),
    (
        "Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)",
        2022,
        "opinion",
        "opini kualitas tinggi",
        "Kualitas Tertinggi",
    ),
    ("Kabupaten Gorontalo Utara", 2023, "zone", "zona hijau", "kuning"),
    ("Kabupaten Gorontalo Utara", 2023, "category", "D", "C"),
    ("Kabupaten Bolaang Mongondow", 2023, "opinion", "Kualitas Tinggi", "Kualitas Tertinggi"),
    ("Kota Ambon", 2025, "zone", "Zona Hijau", None),
    ("Dinas Sosial Kota Ambon", 2025, "opinion", "kualitas tinggi", "Kualitas Sedang"),
}


def test_the_bundled_data_disagrees_only_where_documented() -> None:
    found = audit()
    assert {
        (str(d.assessment.entity), d.assessment.year, d.field, d.published, d.computed)
        for d in found
    } == DISAGREEMENTS
    assert len(found) == len(DISAGREEMENTS)
    unexplained = [str(d) for d in found if not d.known_anomaly]
    assert unexplained == []


def test_a_published_qualifier_is_read_and_graded() -> None:
    qualified = [
        a
        for a in LABELLED
        if a.published is not None
        and a.published.opinion is not None
        and "tanpa maladministrasi" in a.published.opinion.casefold()
    ]
    assert sorted((str(a.entity), a.year) for a in qualified) == [
        ("Kabupaten Bolaang Mongondow", 2025),
        ("Kabupaten Kepulauan Sula", 2025),
        ("Kota Tidore Kepulauan", 2025),
        ("Provinsi Gorontalo", 2025),
    ]
    for a in qualified:
        assert a.tanpa_maladministrasi is True
        assert a.grade.opinion is not None
        assert a.grade.opinion.endswith(" Tanpa Maladministrasi")


# --- the spellings, through audit on hand-built assessments ------------------------------

MUBAR: Final = regions.pemda("Kab. Muna Barat")
# A 2023 score in each zone.
SCORE_IN_ZONE: Final = {"hijau": "81.84", "kuning": "60.35", "merah": "34.19"}


def _audited(
    year: int, score: str, published: PublishedResult, tanpa: bool | None = None
) -> list[tuple[str, str, str | None]]:
    a = Assessment(MUBAR, year, score, tanpa_maladministrasi=tanpa, published=published)
    return [(d.field, d.published, d.computed) for d in audit([a])]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("zona hijau", "hijau"),
        ("Zona Hijau", "hijau"),
        ("Hijau", "hijau"),
        ("red zone", "merah"),
        ("yellow zone", "kuning"),
        ("zonasi kuning", "kuning"),
        ("Zonasi Kuning", "kuning"),
    ],
)
def test_zone_spellings_are_read(text: str, zone: str) -> None:
    published = PublishedResult(zone=text)
    for computed, score in SCORE_IN_ZONE.items():
        expected = [] if computed == zone else [("zone", text, computed)]
        assert _audited(2023, score, published) == expected, computed


# Each case: the text, its year and qualifier, a score at the edge of the band it names, the
# score 0.01 outside that band, and the label the rules give there.
LABEL_CASES: Final = [
    ("predikat kepatuhan tinggi", 2018, None, "81.00", "80.99", "Kepatuhan Sedang"),
    ("tingkat kepatuhan rendah", 2018, None, "50.99", "51.00", "Kepatuhan Sedang"),
    ("kategori nilai sedang", 2023, None, "54.00", "53.99", "Kualitas Rendah"),
    (
        "Opini Kualitas Tertinggi Tanpa Maladministrasi",
        2025,
        True,
        "88.00",
        "87.99",
        "Kualitas Tinggi Tanpa Maladministrasi",
    ),
    ("Sangat Baik", 2025, None, "88.00", "87.99", "Baik"),
    ("Baik", 2025, None, "78.00", "77.99", "Cukup"),
]


@pytest.mark.parametrize("case", LABEL_CASES, ids=lambda c: f"{c[1]}-{c[0]}")
def test_label_spellings_are_read(case: tuple[str, int, bool | None, str, str, str]) -> None:
    text, year, tanpa, inside, outside, computed = case
    published = PublishedResult(opinion=text)
    assert _audited(year, inside, published, tanpa) == []
    assert _audited(year, outside, published, tanpa) == [("opinion", text, computed)]


def test_the_levels_above_are_not_the_levels_below() -> None:
    # "tinggi" is not "tertinggi", "baik" is not "sangat baik".
    assert _audited(2023, "88.00", PublishedResult(opinion="Kualitas Tinggi")) == [
        ("opinion", "Kualitas Tinggi", "Kualitas Tertinggi")
    ]
    assert _audited(2025, "88.00", PublishedResult(opinion="Baik")) == [
        ("opinion", "Baik", "Sangat Baik")
    ]


def test_unreadable_words_are_listed() -> None:
    assert _audited(2023, "81.84", PublishedResult(zone="zona abu-abu")) == [
        ("zone", "zona abu-abu", "hijau")
    ]
    assert _audited(2018, "40.00", PublishedResult(opinion="buruk")) == [
        ("opinion", "buruk", "Kepatuhan Rendah")
    ]
