"""Tests of opinipp.zoning: classify, score_from_dimensions, pemda_score, Assessment.grade."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest

from opinipp.assessments import Assessment
from opinipp.entities import OPD, Instansi, InstansiKind, OPDKind, Pemda, PemdaKind, Province
from opinipp.errors import (
    InvalidArgumentError,
    InvalidScoreError,
    NotApplicableError,
    RulesNotAvailableError,
)
from opinipp.rules import Category, Dimension, Zone, rules_for
from opinipp.scores import Score
from opinipp.zoning import Grade, classify, pemda_score, score_from_dimensions

H, K, M = Zone.HIJAU, Zone.KUNING, Zone.MERAH
A, B, C, D, E = Category.A, Category.B, Category.C, Category.D, Category.E

# --- both sides of every boundary, every regime ---------------------------------------

# Each case: the year, a score, and the zone, category, opinion, predikat and quality it gets.
BOUNDARY_CASES: list[
    tuple[int, str, Zone | None, Category | None, str | None, str | None, str | None]
] = [
    # 2015, PerOmbudsman 17/2015 on 0–75
    (2015, "0.00", M, None, None, "Kepatuhan Rendah", None),
    (2015, "38.99", M, None, None, "Kepatuhan Rendah", None),
    (2015, "39.00", K, None, None, "Kepatuhan Sedang", None),
    (2015, "60.99", K, None, None, "Kepatuhan Sedang", None),
    (2015, "61.00", H, None, None, "Kepatuhan Tinggi", None),
    (2015, "75.00", H, None, None, "Kepatuhan Tinggi", None),
]
for _year in (2016, 2017, 2018, 2019, 2021):
    BOUNDARY_CASES += [
        (_year, "0.00", M, None, None, "Kepatuhan Rendah", None),
        (_year, "50.99", M, None, None, "Kepatuhan Rendah", None),
        (_year, "51.00", K, None, None, "Kepatuhan Sedang", None),
        (_year, "80.99", K, None, None, "Kepatuhan Sedang", None),
        (_year, "81.00", H, None, None, "Kepatuhan Tinggi", None),
        (_year, "100.00", H, None, None, "Kepatuhan Tinggi", None),
    ]
for _year in (2022, 2023, 2024):
    BOUNDARY_CASES += [
        (_year, "0.00", M, E, "Kualitas Terendah", None, None),
        (_year, "31.99", M, E, "Kualitas Terendah", None, None),
        (_year, "32.00", M, D, "Kualitas Rendah", None, None),
        (_year, "53.99", M, D, "Kualitas Rendah", None, None),
        (_year, "54.00", K, C, "Kualitas Sedang", None, None),
        (_year, "77.99", K, C, "Kualitas Sedang", None, None),
        (_year, "78.00", H, B, "Kualitas Tinggi", None, None),
        (_year, "87.99", H, B, "Kualitas Tinggi", None, None),
        (_year, "88.00", H, A, "Kualitas Tertinggi", None, None),
        (_year, "100.00", H, A, "Kualitas Tertinggi", None, None),
        # the 2016–2021 cuts mean nothing from 2022 on
        (_year, "50.99", M, D, "Kualitas Rendah", None, None),
        (_year, "51.00", M, D, "Kualitas Rendah", None, None),
        (_year, "80.99", H, B, "Kualitas Tinggi", None, None),
        (_year, "81.00", H, B, "Kualitas Tinggi", None, None),
    ]
BOUNDARY_CASES += [
    (2025, "0.00", None, None, "Kualitas Terendah", None, "Sangat Kurang"),
    (2025, "31.99", None, None, "Kualitas Terendah", None, "Sangat Kurang"),
    (2025, "32.00", None, None, "Kualitas Rendah", None, "Kurang"),
    (2025, "53.99", None, None, "Kualitas Rendah", None, "Kurang"),
    (2025, "54.00", None, None, "Kualitas Sedang", None, "Cukup"),
    (2025, "77.99", None, None, "Kualitas Sedang", None, "Cukup"),
    (2025, "78.00", None, None, "Kualitas Tinggi", None, "Baik"),
    (2025, "87.99", None, None, "Kualitas Tinggi", None, "Baik"),
    (2025, "88.00", None, None, "Kualitas Tertinggi", None, "Sangat Baik"),
    (2025, "100.00", None, None, "Kualitas Tertinggi", None, "Sangat Baik"),
]


@pytest.mark.parametrize("case", BOUNDARY_CASES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_boundaries(
    case: tuple[int, str, Zone | None, Category | None, str | None, str | None, str | None],
) -> None:
    year, score, *expected = case
    grade = classify(score, year)
    assert [grade.zone, grade.category, grade.opinion, grade.predikat, grade.quality] == expected
    assert grade.year == year
    assert grade.rule_set is rules_for(year)
    assert grade.band.contains(score)
    assert grade.tanpa_maladministrasi is None


def test_2015_rejects_scores_above_the_regulation_scale() -> None:
    with pytest.raises(InvalidScoreError) as info:
        classify("75.01", 2015)
    assert info.value.value == "75.01"
    assert info.value.reason.startswith("above 75.00, the top of the scale")
    with pytest.raises(InvalidScoreError) as info:
        classify(Score(100), 2015)
    assert info.value.value == Score(100)


# --- the founding documents' cases ---------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "score", "zone", "category"),
    [
        (2023, "90.02", H, A),  # Kab. Mukomuko, "kategori zona hijau atau A"
        (2023, "81.84", H, B),  # Kab. Muna Barat, "zona hijau … kualitas tinggi"
        (2021, "34.19", M, None),  # Kab. Muna Barat, "zona merah"
        (2022, "69.17", K, C),  # Kab. Muna Barat, "zona kuning"
        (2021, "77.02", K, None),  # Kab. Serdang Bedagai, "predikat zona kuning"
        (2023, "95.94", H, A),  # Kab. Kaur, "kategori A … zona hijau"
        (2023, "60.35", K, C),  # Kab. Mukomuko's earlier "kuning … 60,35"
        (2023, "97.44", H, A),  # the 2023 national top score (Tuban)
    ],
)
def test_founding_documents(year: int, score: str, zone: Zone, category: Category | None) -> None:
    grade = classify(score, year)
    assert (grade.zone, grade.category) == (zone, category)


@pytest.mark.parametrize(
    ("unit", "score"),
    [
        ("Dinsos", "94.62"),
        ("DPMPTSP", "91.16"),
        ("Dindik", "89.44"),
        ("Disdukcapil", "89.94"),
        ("UPT Puskesmas Pontang", "93.44"),
        ("UPT Puskesmas Pabuaran", "93.30"),
    ],
)
def test_kabupaten_serang_2024_units_are_hijau(unit: str, score: str) -> None:
    grade = classify(score, 2024)
    assert grade.zone is Zone.HIJAU, unit
    assert grade.opinion == "Kualitas Tertinggi"


def test_muna_barat_2023_is_6_16_points_short_of_a() -> None:
    grade = classify("81.84", 2023)
    a_band = rules_for(2023).bands[-1]
    assert a_band.lower - Score("81.84") == Decimal("6.16")
    assert grade.band.upper == Score("87.99")


@pytest.mark.parametrize(
    ("year", "score", "expected"),
    [
        (2019, "80.13", K),  # Kerinci
        (2019, "85.22", H),  # Kota Jambi
        (2019, "50.39", M),  # Buton Utara
        (2019, "53.15", K),  # Baubau
        (2021, "79.72", K),  # Kota Palu
        (2021, "47.39", M),  # Banggai Laut
        (2022, "51.15", M),  # Sibolga: D under the 2022 bands
        (2022, "55.01", K),  # Sultra prov
        (2023, "88.01", H),  # Halmahera Selatan, A
        (2023, "52.77", M),  # Malut prov, D
    ],
)
def test_domain_checks(year: int, score: str, expected: Zone) -> None:
    assert classify(score, year).zone is expected


# --- the 2025 qualifier --------------------------------------------------------------------


def test_tanpa_maladministrasi_in_2025() -> None:
    with_tm = classify("65.98", 2025, tanpa_maladministrasi=True)  # Malut prov
    assert with_tm.opinion == "Kualitas Sedang Tanpa Maladministrasi"
    assert with_tm.opinion_en == "Medium quality without maladministration"
    assert with_tm.quality == "Cukup"
    assert with_tm.zone is None
    assert with_tm.tanpa_maladministrasi is True
    plain = classify("69.63", 2025)  # Halmahera Utara: plain "Kualitas Sedang"
    assert plain.opinion == "Kualitas Sedang"
    assert plain.tanpa_maladministrasi is None
    without = classify("69.63", 2025, tanpa_maladministrasi=False)
    assert without.opinion == "Kualitas Sedang"
    assert without.tanpa_maladministrasi is False
    bolmong = classify("85.18", 2025, tanpa_maladministrasi=True)
    assert bolmong.opinion == "Kualitas Tinggi Tanpa Maladministrasi"
    assert bolmong.label == bolmong.opinion
    assert bolmong.label_en == "High quality without maladministration"


@pytest.mark.parametrize("year", [2015, 2016, 2019, 2021, 2022, 2023, 2024])
@pytest.mark.parametrize("value", [True, False])
def test_tanpa_maladministrasi_raises_where_it_means_nothing(year: int, value: bool) -> None:
    with pytest.raises(NotApplicableError) as info:
        classify("60.00", year, tanpa_maladministrasi=value)
    assert (info.value.what, info.value.year) == ("the 'Tanpa Maladministrasi' qualifier", year)


@pytest.mark.parametrize("value", [1, 0, "yes", "True", Decimal(1), [], 1.0])
@pytest.mark.parametrize("year", [2023, 2025])
def test_tanpa_maladministrasi_must_be_a_bool(value: object, year: int) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        classify("60.00", year, tanpa_maladministrasi=value)  # type: ignore[arg-type]
    assert (info.value.argument, info.value.value) == ("tanpa_maladministrasi", value)


# --- inputs -----------------------------------------------------------------------------


@pytest.mark.parametrize("score", ["81.84", "81,84", 81.84, Decimal("81.84"), Score("81.84")])
def test_classify_accepts_every_score_like(score: Any) -> None:
    assert classify(score, 2023) is classify(Score("81.84"), 2023)


def test_classify_returns_one_cached_grade_per_band() -> None:
    assert classify("78.00", 2023) is classify("87.99", 2023)
    assert classify("78.00", 2023) is not classify("78.00", 2022)
    assert classify("78.00", 2023) != classify("78.00", 2022)  # the year differs


@pytest.mark.parametrize(
    "junk",
    [None, True, "", "abc", "81.845", "-1", "100.01", float("nan"), float("inf"), [], {}, object()],
)
def test_classify_rejects_junk_scores(junk: Any) -> None:
    with pytest.raises(InvalidScoreError):
        classify(junk, 2023)


@pytest.mark.parametrize("year", [2020, 2014, 2026, None, "2023", 2023.0, True])
def test_classify_rejects_years_without_rules(year: Any) -> None:
    with pytest.raises(RulesNotAvailableError):
        classify("80.00", year)


def test_classify_accepts_integer_like_years() -> None:
    class Year:
        def __index__(self) -> int:
            return 2021

    assert classify("80.00", Year()) is classify("80.00", 2021)  # type: ignore[arg-type]


# --- Grade ------------------------------------------------------------------------------


def test_grade_fields_and_repr() -> None:
    grade = classify("81.84", 2023)
    assert grade.rank == 3
    assert grade.label == "Kualitas Tinggi"
    assert grade.label_en == "High quality"
    assert repr(grade) == (
        "Grade(year=2023, zone=<Zone.HIJAU: 'hijau'>, category=<Category.B: 'B'>, "
        "opinion='Kualitas Tinggi', quality=None, predikat=None, tanpa_maladministrasi=None, "
        "opinion_en='High quality')"
    )
    old = classify("77.02", 2021)
    assert (old.label, old.label_en, old.opinion_en) == (
        "Kepatuhan Sedang",
        "Medium compliance",
        None,
    )
    assert pickle.loads(pickle.dumps(grade)) == grade
    assert hash(pickle.loads(pickle.dumps(grade))) == hash(grade)


def test_grade_of_builds_consistent_grades() -> None:
    rs = rules_for(2025)
    grade = Grade.of(rs, rs.bands[2], 2025, tanpa=True)
    assert grade == classify("65.98", 2025, tanpa_maladministrasi=True)


@pytest.mark.parametrize(
    ("change", "argument"),
    [
        ({"year": 2024}, "Grade.rule_set"),
        ({"band": rules_for(2021).bands[0]}, "Grade.band"),
        ({"band": "B"}, "Grade.band"),
        ({"rule_set": "opini"}, "Grade.rule_set"),
        ({"tanpa_maladministrasi": True}, "Grade.tanpa_maladministrasi"),
    ],
)
def test_grade_rejects_inconsistent_fields(change: dict[str, Any], argument: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        attrs.evolve(classify("81.84", 2023), **change)
    assert info.value.argument == argument
    if "year" not in change:
        assert info.value.value == next(iter(change.values()))


def test_a_grade_of_a_year_without_rules_is_rejected() -> None:
    with pytest.raises(RulesNotAvailableError) as info:
        attrs.evolve(classify("81.84", 2023), year=2020)
    assert info.value.year == 2020


def test_grade_rejects_a_non_bool_qualifier() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        attrs.evolve(classify("81.84", 2025), tanpa_maladministrasi="yes")  # type: ignore[arg-type]
    assert (info.value.argument, info.value.value) == ("Grade.tanpa_maladministrasi", "yes")


# --- score_from_dimensions ---------------------------------------------------------------


def test_score_from_dimensions_weighs_the_2022_2023_weights() -> None:
    achieved = {"input": 90, "proses": 85, "output": 80, "pengaduan": 75}
    # 21.85×90 + 32.37×85 + 24.24×80 + 21.54×75 = 8272.65 → 82.7265 → 82.73
    assert score_from_dimensions(achieved, 2023) == Score("82.73")
    assert score_from_dimensions(achieved, 2022) == Score("82.73")
    assert score_from_dimensions(dict.fromkeys(Dimension, 0), 2023) == Score(0)
    assert score_from_dimensions(dict.fromkeys(Dimension, 100), 2023) == Score(100)
    one_hot = {Dimension.INPUT: 100, Dimension.PROSES: 0, Dimension.OUTPUT: 0, "PENGADUAN": 0}
    assert score_from_dimensions(one_hot, 2023) == Score("21.85")


def test_score_from_dimensions_rounds_half_up() -> None:
    # 21.85×0.01 = 0.2185 % → 0.002185 → 0.00; 50% in each → 50.00
    assert score_from_dimensions(dict.fromkeys(Dimension, "50.00"), 2022) == Score(50)
    achieved: dict[str, str | int] = {"input": "0.10", "proses": 0, "output": 0, "pengaduan": 0}
    assert score_from_dimensions(achieved, 2022) == Score("0.02")  # 0.02185 → 0.02
    achieved = {"input": 0, "proses": 0, "output": 0, "pengaduan": "0.10"}
    assert score_from_dimensions(achieved, 2022) == Score("0.02")  # 0.02154 → 0.02


@pytest.mark.parametrize("year", [2015, 2016, 2019, 2021, 2024, 2025])
def test_score_from_dimensions_raises_without_weights(year: int) -> None:
    with pytest.raises(NotApplicableError) as info:
        score_from_dimensions(dict.fromkeys(Dimension, 100), year)
    assert (info.value.what, info.value.year) == ("weighing the dimensions", year)
    assert "known for 2022, 2023" in info.value.reason


def test_score_from_dimensions_raises_for_2020() -> None:
    with pytest.raises(RulesNotAvailableError):
        score_from_dimensions(dict.fromkeys(Dimension, 100), 2020)


ALL_ONE: dict[object, int] = dict.fromkeys(Dimension, 1)
THREE = {"input": 1, "proses": 1, "output": 1}


@pytest.mark.parametrize(
    ("dimensions", "argument", "value", "need"),
    [
        (THREE, "dimensions", THREE, "missing pengaduan"),
        ({}, "dimensions", {}, "missing input, proses, output, pengaduan"),
        ({**ALL_ONE, "Input": 2}, "dimensions", {**ALL_ONE, "Input": 2}, "only once"),
        ({**ALL_ONE, "kepercayaan": 2}, "dimension", "kepercayaan", "one of 'input'"),
        ({**ALL_ONE, 3: 2}, "dimension", 3, "one of 'input'"),
        ([("input", 1)], "dimensions", [("input", 1)], "a mapping"),
        ("input", "dimensions", "input", "a mapping"),
        (None, "dimensions", None, "a mapping"),
    ],
)
def test_score_from_dimensions_rejects_bad_dimensions(
    dimensions: Any, argument: str, value: object, need: str
) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        score_from_dimensions(dimensions, 2023)
    assert (info.value.argument, info.value.value) == (argument, value)
    assert need in info.value.expected


@pytest.mark.parametrize("value", ["101", -1, None, "x", float("nan")])
def test_score_from_dimensions_rejects_bad_achievements(value: Any) -> None:
    with pytest.raises(InvalidScoreError):
        score_from_dimensions({**dict.fromkeys(Dimension, 50), Dimension.OUTPUT: value}, 2023)


# --- pemda_score ---------------------------------------------------------------------------


# Pemda whose published score is the mean of their units in published_results.csv.
@pytest.mark.parametrize(
    ("year", "units", "published"),
    [
        (2023, ["59.85", "74.82", "52.86", "62.06", "71.08", "55.09", "49.85"], "60.80"),
        (2023, ["47.75", "26.19", "31.87", "32.25", "61.60", "33.35", "66.02"], "42.72"),
        (2024, ["100", "99.65", "99.30", "99.16", "99.08", "97.72", "97.40"], "98.90"),
        (2025, ["86.83", "85.80", "82.90"], "85.18"),
        (2025, ["84.92", "83.53", "75.16"], "81.20"),
        (2025, ["68.79", "77.55", "84.11"], "76.82"),
    ],
    ids=[
        "maluku-tenggara-2023",
        "muna-2023",
        "rembang-2024",
        "bolmong-2025",
        "kota-ambon-2025",
        "provinsi-gorontalo-2025",
    ],
)
def test_pemda_score_of_published_pemda(year: int, units: list[str], published: str) -> None:
    assert pemda_score(units, year) == Score(published)


def test_pemda_score_other_cases() -> None:
    # Kota Magelang 2022 pre-evaluation: 93.2775 → 93.28
    assert pemda_score([100, 100, "80.19", "92.92"], 2022) == Score("93.28")
    # Wonogiri 2024 with a sixth unit at 99.65: 598.25 / 6 = 99.708… → 99.71
    assert pemda_score(["99.65", "99.65", "100", "99.65", "99.65", "99.65"], 2024) == Score("99.71")
    # half-up: 0.005 rounds up
    assert pemda_score(["0.01", "0.00"], 2023) == Score("0.01")
    assert pemda_score(iter([Score("90.02")]), 2023) == Score("90.02")
    assert pemda_score((s for s in ("50", "51")), 2023) == Score("50.50")


@pytest.mark.parametrize("year", [2015, 2016, 2019, 2021])
def test_pemda_score_raises_before_2022(year: int) -> None:
    with pytest.raises(NotApplicableError) as info:
        pemda_score(["87.95", "75.58", "62.17", "23.15"], year)
    assert (info.value.what, info.value.year) == ("a Pemda score as the mean of its units", year)


@pytest.mark.parametrize(
    ("units", "error"),
    [
        ([], InvalidArgumentError),
        ("98.90", InvalidArgumentError),
        (b"98", InvalidArgumentError),
        (Score("98.90"), InvalidArgumentError),
        (98.9, InvalidArgumentError),
        (None, InvalidArgumentError),
        (["98.90", None], InvalidScoreError),
        (["98.901"], InvalidScoreError),
        (["101"], InvalidScoreError),
    ],
)
def test_pemda_score_rejects_bad_input(units: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        pemda_score(units, 2024)


# --- Assessment.dimensions and Assessment.grade -----------------------------------------------

SULTRA = Province(code="74", name="Sulawesi Tenggara")
MUBAR = Pemda(code="74.13", name="Muna Barat", kind=PemdaKind.KABUPATEN, province=SULTRA)
KEMLU = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)


def test_assessment_grade() -> None:
    assert Assessment(MUBAR, 2023, "81.84").grade == classify("81.84", 2023)
    assert Assessment(MUBAR, 2021, "34.19").grade.zone is Zone.MERAH
    malut = Assessment(MUBAR, 2025, "65.98", tanpa_maladministrasi=True)
    assert malut.grade.opinion == "Kualitas Sedang Tanpa Maladministrasi"


def test_assessment_grade_without_a_score_raises() -> None:
    with pytest.raises(NotApplicableError) as info:
        _ = Assessment(MUBAR, 2019, None).grade
    assert (info.value.what, info.value.year) == ("a grade of Kabupaten Muna Barat", 2019)


def test_assessment_with_a_qualifier_outside_2025_is_rejected() -> None:
    for year, flag in ((2023, True), (2021, False)):
        with pytest.raises(NotApplicableError) as info:
            Assessment(MUBAR, year, "81.84", tanpa_maladministrasi=flag)
        assert (info.value.what, info.value.year) == ("the Tanpa Maladministrasi qualifier", year)
    assert Assessment(MUBAR, 2025, "81.84", tanpa_maladministrasi=False).grade.opinion == (
        "Kualitas Tinggi"
    )


def test_assessment_above_the_2015_scale_is_rejected() -> None:
    with pytest.raises(InvalidScoreError) as info:
        Assessment(MUBAR, 2015, "75.01")
    assert info.value.value == Score("75.01")
    assert Assessment(MUBAR, 2015, "75.00").grade.zone is Zone.HIJAU


def test_assessment_dimensions_are_converted_and_hashable() -> None:
    a = Assessment(
        KEMLU,
        2023,
        "94.85",
        dimensions={"pengaduan": "90", Dimension.INPUT: 95.5, "Proses": Decimal("96.10")},
    )
    assert a.dimensions == {
        Dimension.INPUT: Score("95.50"),
        Dimension.PROSES: Score("96.10"),
        Dimension.PENGADUAN: Score(90),
    }
    assert a.dimensions is not None
    assert list(a.dimensions) == [Dimension.INPUT, Dimension.PROSES, Dimension.PENGADUAN]
    assert hash(a) == hash(
        Assessment(
            KEMLU,
            2023,
            "94.85",
            dimensions={"input": "95.50", "proses": "96.10", "pengaduan": 90},
        )
    )
    assert pickle.loads(pickle.dumps(a)) == a
    assert Assessment(KEMLU, 2023, "94.85").dimensions is None
    with pytest.raises(TypeError):
        a.dimensions[Dimension.OUTPUT] = Score(1)  # type: ignore[index]


@pytest.mark.parametrize(
    ("dimensions", "error"),
    [
        ([("input", 1)], InvalidArgumentError),
        ("input", InvalidArgumentError),
        ({"kepercayaan": 1}, InvalidArgumentError),
        ({1: 1}, InvalidArgumentError),
        ({"input": 1, "INPUT": 2}, InvalidArgumentError),
        ({"input": "x"}, InvalidScoreError),
        ({"input": 101}, InvalidScoreError),
    ],
)
def test_assessment_rejects_bad_dimensions(dimensions: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        Assessment(KEMLU, 2023, "94.85", dimensions=dimensions)


def test_assessment_of_a_unit_grades_like_any_other() -> None:
    dinsos = OPD(pemda=MUBAR, kind=OPDKind.DINSOS)
    assert Assessment(dinsos, 2024, "94.62").grade.category is Category.A


def test_grades_and_pemda_scores_check_types_before_comparing() -> None:
    import numpy as np
    import pandas as pd

    from fuzz_junk import HostileError, RaisingList, RaisingStr

    rs = rules_for(2023)
    for junk in (pd.Series([81.84]), RaisingStr("A")):
        with pytest.raises(InvalidArgumentError) as info:
            Grade.of(rs, junk, 2023)  # type: ignore[arg-type]
        assert info.value.argument == "band"
    with pytest.raises(InvalidArgumentError) as info:
        pemda_score(np.array(81.84), 2023)
    assert info.value.argument == "unit_scores"
    with pytest.raises(InvalidArgumentError) as info:
        pemda_score(RaisingList(["81.84"]), 2023)
    assert isinstance(info.value.__cause__, HostileError)
    assert pemda_score([RaisingStr("81.84"), np.float64(81.85)], 2023) == Score("81.85")


def test_assessments_store_the_real_value_of_subclasses() -> None:
    from fuzz_junk import LyingStr, RaisingInt, RaisingStr
    from opinipp.assessments import PublishedResult

    kemlu = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
    published = PublishedResult(
        zone=RaisingStr("zona hijau"),
        opinion=LyingStr("kualitas tinggi"),
        rank_national=RaisingInt(3),
    )
    a = Assessment(
        kemlu,
        RaisingInt(2023),
        RaisingStr("94.85"),
        published=published,
        source=RaisingStr("https://ombudsman.go.id"),
    )
    assert (a.year, a.score, a.source) == (2023, Score("94.85"), "https://ombudsman.go.id")
    assert (published.zone, published.opinion, published.rank_national) == (
        "zona hijau",
        "kualitas tinggi",
        3,
    )
    assert {type(v) for v in (a.year, a.source, published.zone, published.rank_national)} == {
        int,
        str,
    }
    with pytest.raises(InvalidArgumentError) as info:
        PublishedResult(rank_national=RaisingInt(0))
    assert info.value.argument == "rank_national"
