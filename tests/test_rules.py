"""Tests of opinipp.rules: the tables, their validation at build time, and the lookup."""

from __future__ import annotations

import importlib.util
import pickle
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import given

from opinipp import strategies as ops
from opinipp._checks import FrozenMapping
from opinipp.errors import (
    InvalidArgumentError,
    InvalidScoreError,
    OpinippError,
    RulesNotAvailableError,
)
from opinipp.rules import (
    Band,
    Category,
    Dimension,
    RuleSet,
    Zone,
    covered_years,
    not_held_years,
    rule_sets,
    rules_for,
)
from opinipp.rules import _index as build_index
from opinipp.scores import Score

ROOT = Path(__file__).resolve().parents[1]
COVERED = (2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025)


# --- lookup -------------------------------------------------------------------------------


def test_covered_years() -> None:
    assert covered_years() == COVERED


@pytest.mark.parametrize(
    ("year", "scheme"),
    [
        (2015, "kepatuhan-2015"),
        (2016, "kepatuhan-2016"),
        (2017, "kepatuhan-2016"),
        (2018, "kepatuhan-2016"),
        (2019, "kepatuhan-2016"),
        (2021, "kepatuhan-2016"),
        (2022, "opini-pengawasan-2022"),
        (2023, "opini-pengawasan-2022"),
        (2024, "opini-pengawasan-2024"),
        (2025, "opini-ombudsman-2025"),
    ],
)
def test_rules_for_each_year(year: int, scheme: str) -> None:
    rule_set = rules_for(year)
    assert rule_set.scheme == scheme
    assert year in rule_set.years
    assert rule_set.covers(year)


def test_every_covered_year_has_exactly_one_rule_set() -> None:
    years = [y for rs in rule_sets() for y in rs.years]
    assert tuple(sorted(years)) == COVERED
    assert len(years) == len(set(years))


def test_2020_raises_saying_no_assessment_was_held() -> None:
    with pytest.raises(RulesNotAvailableError) as info:
        rules_for(2020)
    message = str(info.value)
    assert "no assessment was held in 2020" in message
    assert "2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025" in message
    assert info.value.year == 2020
    assert info.value.covered_years == COVERED
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, ValueError)
    assert dict(not_held_years()) == {2020: info.value.reason}


@pytest.mark.parametrize("year", [2014, 2013, 2026, 0, -2023, 10**30])
def test_years_outside_the_table_raise_listing_the_covered_years(year: int) -> None:
    with pytest.raises(RulesNotAvailableError, match=r"covered years: 2015, 2016, .*, 2025$"):
        rules_for(year)


@pytest.mark.parametrize(
    "year", [None, True, False, "2023", 2023.0, 2023.5, Decimal(2023), [2023], (2023,), b"2023"]
)
def test_non_int_years_raise_naming_the_value(year: object) -> None:
    with pytest.raises(RulesNotAvailableError) as info:
        rules_for(year)  # type: ignore[arg-type]
    assert repr(year) in str(info.value)
    assert "covered years: 2015" in str(info.value)


def test_integer_like_years_are_accepted() -> None:
    class NumpyLikeInt:
        def __index__(self) -> int:
            return 2023

    assert rules_for(NumpyLikeInt()) is rules_for(2023)  # type: ignore[arg-type]


def test_rule_sets_are_ordered_and_non_overlapping() -> None:
    firsts = [rs.years[0] for rs in rule_sets()]
    assert firsts == sorted(firsts)
    assert [rs.scheme for rs in rule_sets()] == [
        "kepatuhan-2015",
        "kepatuhan-2016",
        "opini-pengawasan-2022",
        "opini-pengawasan-2024",
        "opini-ombudsman-2025",
    ]


def test_index_rejects_a_year_claimed_twice() -> None:
    a = rules_for(2023)
    b = attrs.evolve(rules_for(2024), years=(2023, 2024))
    with pytest.raises(InvalidArgumentError, match="both cover it"):
        build_index((a, b), {})


def test_index_rejects_a_rule_set_for_a_year_without_assessment() -> None:
    rs = attrs.evolve(rules_for(2021), years=(2020,))
    with pytest.raises(InvalidArgumentError, match="without assessment"):
        build_index((rs,), {2020: "not held"})


# --- the tables -----------------------------------------------------------------------------


def _bounds(year: int) -> list[tuple[str, str]]:
    return [(str(b.lower), str(b.upper)) for b in rules_for(year).bands]


def test_2015_table_follows_the_regulation_on_a_0_to_75_scale() -> None:
    rs = rules_for(2015)
    assert rs.scale_max == Score(75)
    assert _bounds(2015) == [("0.00", "38.99"), ("39.00", "60.99"), ("61.00", "75.00")]
    assert [b.zone for b in rs.bands] == [Zone.MERAH, Zone.KUNING, Zone.HIJAU]
    assert [b.predikat for b in rs.bands] == [
        "Kepatuhan Rendah",
        "Kepatuhan Sedang",
        "Kepatuhan Tinggi",
    ]
    assert "17" in rs.legal_basis
    assert "2015" in rs.legal_basis
    assert any("unresolved" in note for note in rs.notes)


def test_2016_to_2021_table() -> None:
    rs = rules_for(2021)
    assert rs.years == (2016, 2017, 2018, 2019, 2021)
    assert _bounds(2021) == [("0.00", "50.99"), ("51.00", "80.99"), ("81.00", "100.00")]
    assert [b.category for b in rs.bands] == [None, None, None]
    assert [b.opinion for b in rs.bands] == [None, None, None]
    assert [b.predikat_en for b in rs.bands] == [
        "Low compliance",
        "Medium compliance",
        "High compliance",
    ]
    assert "22 Tahun 2016" in rs.legal_basis
    assert (rs.has_zones, rs.has_categories, rs.has_tanpa_maladministrasi) == (True, False, False)


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_2022_to_2024_tables(year: int) -> None:
    rs = rules_for(year)
    assert _bounds(year) == [
        ("0.00", "31.99"),
        ("32.00", "53.99"),
        ("54.00", "77.99"),
        ("78.00", "87.99"),
        ("88.00", "100.00"),
    ]
    assert [(b.category, b.zone) for b in rs.bands] == [
        (Category.E, Zone.MERAH),
        (Category.D, Zone.MERAH),
        (Category.C, Zone.KUNING),
        (Category.B, Zone.HIJAU),
        (Category.A, Zone.HIJAU),
    ]
    assert [b.opinion for b in rs.bands] == [
        "Kualitas Terendah",
        "Kualitas Rendah",
        "Kualitas Sedang",
        "Kualitas Tinggi",
        "Kualitas Tertinggi",
    ]
    assert [b.opinion_en for b in rs.bands] == [
        "Lowest quality",
        "Low quality",
        "Medium quality",
        "High quality",
        "Highest quality",
    ]
    assert (rs.has_zones, rs.has_categories, rs.has_tanpa_maladministrasi) == (True, True, False)
    assert rs.pemda_score_is_unit_mean


def test_decrees_of_2023_and_2024_are_cited() -> None:
    assert "418" in rules_for(2023).legal_basis
    assert "252" in rules_for(2024).legal_basis


def test_weights_are_known_for_2022_and_2023_only() -> None:
    expected = {
        Dimension.INPUT: Decimal("21.85"),
        Dimension.PROSES: Decimal("32.37"),
        Dimension.OUTPUT: Decimal("24.24"),
        Dimension.PENGADUAN: Decimal("21.54"),
    }
    assert rules_for(2022).weights == expected
    assert rules_for(2023).weights == expected
    weights = rules_for(2023).weights
    assert weights is not None
    assert list(weights) == list(Dimension)
    assert sum(weights.values()) == 100
    for year in (2015, 2016, 2019, 2021, 2024, 2025):
        assert rules_for(year).weights is None


def test_2025_table_has_quality_words_opinions_and_no_zones() -> None:
    rs = rules_for(2025)
    assert rs.legal_basis == "Peraturan Ombudsman RI No. 61 Tahun 2025"
    assert (rs.has_zones, rs.has_categories, rs.has_tanpa_maladministrasi) == (False, False, True)
    assert rs.qualifier == "Tanpa Maladministrasi"
    assert [b.quality for b in rs.bands] == [
        "Sangat Kurang",
        "Kurang",
        "Cukup",
        "Baik",
        "Sangat Baik",
    ]
    assert [b.opinion for b in rs.bands] == [
        "Kualitas Terendah",
        "Kualitas Rendah",
        "Kualitas Sedang",
        "Kualitas Tinggi",
        "Kualitas Tertinggi",
    ]
    assert {b.zone for b in rs.bands} == {None}
    assert {b.category for b in rs.bands} == {None}
    assert {b.predikat for b in rs.bands} == {None}
    assert [b.lower.hundredths for b in rs.bands] == [0, 3200, 5400, 7800, 8800]
    assert any("inferred" in note for note in rs.notes)
    assert any("never observed" in note for note in rs.notes)


@pytest.mark.parametrize("rule_set", rule_sets(), ids=lambda rs: rs.scheme)
def test_every_rule_set_is_sourced_and_covers_its_scale(rule_set: RuleSet) -> None:
    from opinipp.datasets import reference

    keys = re.findall(r"\[(R[0-9]+)\]", rule_set.source)
    assert keys
    assert rule_set.source == "".join(f"[{reference(k).key}]" for k in keys)
    assert rule_set.legal_basis
    assert rule_set.bands[0].lower == Score(0)
    assert rule_set.bands[-1].upper == rule_set.scale_max
    for below, above in zip(rule_set.bands, rule_set.bands[1:], strict=False):
        assert above.lower.hundredths == below.upper.hundredths + 1
        assert above.rank == below.rank + 1
    assert all(b.label is not None and b.label_en is not None for b in rule_set.bands)


# --- band_for, both sides of every boundary ---------------------------------------------


BOUNDARIES = [
    # (year, just below, at)
    (2015, "38.99", "39.00"),
    (2015, "60.99", "61.00"),
    (2016, "50.99", "51.00"),
    (2016, "80.99", "81.00"),
    (2019, "50.99", "51.00"),
    (2019, "80.99", "81.00"),
    (2021, "50.99", "51.00"),
    (2021, "80.99", "81.00"),
    (2022, "31.99", "32.00"),
    (2022, "53.99", "54.00"),
    (2022, "77.99", "78.00"),
    (2022, "87.99", "88.00"),
    (2023, "31.99", "32.00"),
    (2023, "53.99", "54.00"),
    (2023, "77.99", "78.00"),
    (2023, "87.99", "88.00"),
    (2024, "31.99", "32.00"),
    (2024, "53.99", "54.00"),
    (2024, "77.99", "78.00"),
    (2024, "87.99", "88.00"),
    (2025, "31.99", "32.00"),
    (2025, "53.99", "54.00"),
    (2025, "77.99", "78.00"),
    (2025, "87.99", "88.00"),
]


@pytest.mark.parametrize(("year", "below", "at"), BOUNDARIES)
def test_band_for_on_both_sides_of_each_boundary(year: int, below: str, at: str) -> None:
    rs = rules_for(year)
    lower_band, upper_band = rs.band_for(below), rs.band_for(at)
    assert upper_band.rank == lower_band.rank + 1
    assert str(upper_band.lower) == at
    assert str(lower_band.upper) == below


@pytest.mark.parametrize("year", COVERED)
def test_band_for_the_ends_of_the_scale(year: int) -> None:
    rs = rules_for(year)
    assert rs.band_for("0.00") is rs.bands[0]
    assert rs.band_for(rs.scale_max) is rs.bands[-1]


def test_2015_rejects_scores_above_75() -> None:
    rs = rules_for(2015)
    assert rs.band_for("75.00").zone is Zone.HIJAU
    with pytest.raises(InvalidScoreError, match=r"above 75\.00.*2015"):
        rs.band_for("75.01")
    with pytest.raises(InvalidScoreError):
        rs.band_for("100")


@pytest.mark.parametrize("junk", [None, True, "abc", float("nan"), [], "100.01", -1])
def test_band_for_rejects_junk(junk: Any) -> None:
    with pytest.raises(InvalidScoreError):
        rules_for(2023).band_for(junk)


@given(ops.years(), ops.scores())
def test_every_score_in_range_gets_exactly_one_band(year: int, score: Score) -> None:
    """Every score on the scale lies in exactly one band, the one band_for returns."""
    rs = rules_for(year)
    containing = [b for b in rs.bands if b.contains(score)]
    if score > rs.scale_max:
        assert containing == []
        with pytest.raises(InvalidScoreError):
            rs.band_for(score)
        return
    assert len(containing) == 1
    assert rs.band_for(score) is containing[0]


@given(ops.years(), ops.scores(), ops.scores())
def test_a_higher_score_never_gets_a_lower_band(year: int, a: Score, b: Score) -> None:
    rs = rules_for(year)
    top = rs.scale_max.hundredths
    low, high = sorted((min(a.hundredths, top), min(b.hundredths, top)))
    assert (
        rs.band_for(Score.from_hundredths(low)).rank
        <= rs.band_for(Score.from_hundredths(high)).rank
    )


# --- value types --------------------------------------------------------------------------


def test_zone_and_category_ranks() -> None:
    assert [z.rank() for z in (Zone.MERAH, Zone.KUNING, Zone.HIJAU)] == [0, 1, 2]
    assert [c.rank() for c in (Category.E, Category.D, Category.C, Category.B, Category.A)] == [
        0,
        1,
        2,
        3,
        4,
    ]
    assert Zone("merah") is Zone.MERAH
    assert Zone.HIJAU.value == "hijau"
    assert [z.english for z in Zone] == ["red", "yellow", "green"]
    assert Category("A") is Category.A
    assert Dimension("proses").english == "process"


def test_band_contains_is_inclusive_at_both_ends() -> None:
    b = rules_for(2023).bands[3]
    assert b.contains("78.00")
    assert b.contains("87.99")
    assert not b.contains("77.99")
    assert not b.contains("88.00")
    assert b.contains(Score("80"))


def test_band_labels_and_repr() -> None:
    assert rules_for(2021).bands[2].label == "Kepatuhan Tinggi"
    assert rules_for(2021).bands[2].label_en == "High compliance"
    assert rules_for(2025).bands[0].label == "Kualitas Terendah"
    zone_only = Band(lower=Score(0), upper=Score(100), zone=Zone.HIJAU)
    assert (zone_only.label, zone_only.label_en) == ("Zona Hijau", "green zone")
    category_only = Band(lower=Score(0), upper=Score(100), category=Category.C)
    assert (category_only.label, category_only.label_en) == ("Kategori C", "category C")
    quality_only = Band(lower=Score(0), upper=Score(100), quality="Baik", quality_en="Good")
    assert (quality_only.label, quality_only.label_en) == ("Baik", "Good")
    assert repr(rules_for(2023).bands[4]) == (
        "Band(lower=Score('88.00'), upper=Score('100.00'), zone=<Zone.HIJAU: 'hijau'>, "
        "category=<Category.A: 'A'>, opinion='Kualitas Tertinggi', rank=4)"
    )
    assert repr(rules_for(2023)) == "RuleSet(scheme='opini-pengawasan-2022', years=(2022, 2023))"


def test_band_converts_its_bounds() -> None:
    b = Band(lower="0", upper=Decimal(100), zone=Zone.HIJAU)
    assert (b.lower, b.upper) == (Score(0), Score(100))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"lower": Score(50), "upper": Score(40), "zone": Zone.HIJAU}, "not below the lower"),
        ({"lower": Score(0), "upper": Score(1)}, "at least one of"),
        ({"lower": Score(0), "upper": Score(1), "opinion": "Kualitas Tinggi"}, "English label"),
        ({"lower": Score(0), "upper": Score(1), "predikat_en": "High"}, "English label"),
        ({"lower": Score(0), "upper": Score(1), "zone": "hijau"}, "a Zone or None"),
        ({"lower": Score(0), "upper": Score(1), "category": "A"}, "a Category or None"),
        ({"lower": Score(0), "upper": Score(1), "zone": Zone.HIJAU, "rank": -1}, "from 0"),
        ({"lower": Score(0), "upper": Score(1), "zone": Zone.HIJAU, "rank": True}, "from 0"),
        ({"lower": Score(0), "upper": Score(1), "opinion": " ", "opinion_en": "x"}, "non-empty"),
    ],
)
def test_band_validation(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidArgumentError, match=match):
        Band(**kwargs)


def test_band_rejects_a_bad_bound() -> None:
    with pytest.raises(InvalidScoreError):
        Band(lower="x", upper=Score(1), zone=Zone.HIJAU)


def _three_bands(**overrides: Any) -> RuleSet:
    bands = [
        Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=0),
        Band(lower=Score(51), upper=Score("80.99"), zone=Zone.KUNING, rank=1),
        Band(lower=Score(81), upper=Score(100), zone=Zone.HIJAU, rank=2),
    ]
    kwargs: dict[str, Any] = {
        "scheme": "test",
        "years": (2030,),
        "legal_basis": "none",
        "source": "[R24]",
        "bands": bands,
    }
    kwargs.update(overrides)
    return RuleSet(**kwargs)


def test_a_valid_hand_built_rule_set() -> None:
    rs = _three_bands()
    assert rs.band_for("80.99").zone is Zone.KUNING
    assert (rs.has_zones, rs.has_categories, rs.has_tanpa_maladministrasi) == (True, False, False)
    assert rs.bands == tuple(rs.bands)


@pytest.mark.parametrize(
    ("bands", "match"),
    [
        ([], "at least one band"),
        (["not a band"], "a sequence of Band"),
        (
            [
                Band(lower=Score(1), upper=Score("50.99"), zone=Zone.MERAH, rank=0),
                Band(lower=Score(51), upper=Score(100), zone=Zone.HIJAU, rank=1),
            ],
            "start at 0.00",
        ),
        (
            [
                Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=0),
                Band(lower=Score(51), upper=Score("99.99"), zone=Zone.HIJAU, rank=1),
            ],
            "end at the top of the scale",
        ),
        (
            [
                Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=0),
                Band(lower=Score("51.01"), upper=Score(100), zone=Zone.HIJAU, rank=1),
            ],
            "contiguous",
        ),
        (
            [
                Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=0),
                Band(lower=Score("50.99"), upper=Score(100), zone=Zone.HIJAU, rank=1),
            ],
            "contiguous",
        ),
        (
            [
                Band(lower=Score(51), upper=Score(100), zone=Zone.HIJAU, rank=0),
                Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=1),
            ],
            "start at 0.00",
        ),
        (
            [
                Band(lower=Score(0), upper=Score("50.99"), zone=Zone.HIJAU, rank=0),
                Band(lower=Score(51), upper=Score(100), zone=Zone.MERAH, rank=1),
            ],
            "zone not below",
        ),
        (
            [
                Band(lower=Score(0), upper=Score("50.99"), category=Category.A, rank=0),
                Band(lower=Score(51), upper=Score(100), category=Category.B, rank=1),
            ],
            "category above",
        ),
        (
            [
                Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=0),
                Band(lower=Score(51), upper=Score(100), category=Category.A, rank=1),
            ],
            "every band or no band",
        ),
    ],
)
def test_rule_set_rejects_bad_bands(bands: list[Any], match: str) -> None:
    with pytest.raises(InvalidArgumentError, match=match):
        _three_bands(bands=bands)


@pytest.mark.parametrize(
    ("overrides", "match"),
    [
        ({"years": ()}, "at least one year"),
        ({"years": (2031, 2030)}, "increasing"),
        ({"years": (2030, 2030)}, "increasing"),
        ({"years": ("2030",)}, "years as int"),
        ({"years": (True,)}, "years as int"),
        ({"years": 2030}, "a sequence of years"),
        ({"years": "2030"}, "a sequence of years"),
        ({"scheme": ""}, "non-empty text"),
        ({"legal_basis": None}, "non-empty text"),
        ({"bands": 5}, "a sequence of Band"),
        ({"qualifier": "Tanpa Maladministrasi"}, "English label"),
        (
            {"qualifier": "Tanpa Maladministrasi", "qualifier_en": "without maladministration"},
            "opinions on every band",
        ),
        ({"notes": ("",)}, "non-empty texts"),
        ({"notes": "a note"}, "a sequence of texts"),
        ({"weights": [1, 2]}, "mapping"),
        ({"weights": {Dimension.INPUT: Decimal(100)}}, "one weight for each"),
        ({"weights": dict.fromkeys(Dimension, Decimal(30))}, "summing to 100"),
        ({"weights": dict.fromkeys(Dimension, 25)}, "positive Decimal"),
        (
            {"weights": {**dict.fromkeys(Dimension, Decimal(50)), Dimension.INPUT: Decimal(-50)}},
            "positive Decimal",
        ),
        ({"weights": dict.fromkeys(Dimension, Decimal("NaN"))}, "positive Decimal"),
    ],
)
def test_rule_set_rejects_bad_fields(overrides: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidArgumentError, match=match):
        _three_bands(**overrides)


def test_rule_set_derives_band_ranks_from_their_positions() -> None:
    rs = _three_bands(
        bands=[
            Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=7),
            Band(lower=Score(51), upper=Score(100), zone=Zone.HIJAU),
        ]
    )
    assert [b.rank for b in rs.bands] == [0, 1]
    assert rs.bands[0] == Band(lower=Score(0), upper=Score("50.99"), zone=Zone.MERAH, rank=0)
    assert [b.rank for b in rules_for(2023).bands] == [0, 1, 2, 3, 4]


def test_rule_set_flags_are_derived_from_the_bands_and_the_qualifier() -> None:
    flags = [
        (rs.scheme, rs.has_zones, rs.has_categories, rs.has_tanpa_maladministrasi)
        for rs in rule_sets()
    ]
    assert flags == [
        ("kepatuhan-2015", True, False, False),
        ("kepatuhan-2016", True, False, False),
        ("opini-pengawasan-2022", True, True, False),
        ("opini-pengawasan-2024", True, True, False),
        ("opini-ombudsman-2025", False, False, True),
    ]
    for flag in ("has_zones", "has_categories", "has_tanpa_maladministrasi"):
        with pytest.raises(TypeError, match=flag):
            _three_bands(**{flag: True})


def test_rule_set_orders_its_weights_by_dimension() -> None:
    weights = {
        Dimension.PENGADUAN: Decimal("21.54"),
        Dimension.OUTPUT: Decimal("24.24"),
        Dimension.PROSES: Decimal("32.37"),
        Dimension.INPUT: Decimal("21.85"),
    }
    rs = _three_bands(weights=weights)
    assert rs.weights is not None
    assert list(rs.weights) == list(Dimension)


def test_rule_set_rejects_a_bad_scale_max() -> None:
    with pytest.raises(InvalidScoreError):
        _three_bands(scale_max="101")


def test_rule_sets_are_hashable_picklable_and_immutable() -> None:
    for rs in rule_sets():
        assert pickle.loads(pickle.dumps(rs)) == rs
        assert hash(pickle.loads(pickle.dumps(rs))) == hash(rs)
        assert pickle.loads(pickle.dumps(rs)).band_for("50.00") == rs.band_for("50.00")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rules_for(2023).scheme = "x"  # type: ignore[misc]
    assert len({rules_for(y) for y in COVERED}) == 5


def test_frozen_mapping() -> None:
    m = FrozenMapping({Zone.HIJAU: 1, Zone.KUNING: 2})
    assert m == {Zone.KUNING: 2, Zone.HIJAU: 1}
    assert m != {Zone.HIJAU: 1}
    assert (m == 5) is False
    assert m != 5
    assert hash(m) == hash(FrozenMapping([(Zone.KUNING, 2), (Zone.HIJAU, 1)]))
    assert pickle.loads(pickle.dumps(m)) == m
    assert repr(FrozenMapping({"a": 1})) == "FrozenMapping({'a': 1})"
    assert list(m) == [Zone.HIJAU, Zone.KUNING]
    with pytest.raises(AttributeError):
        m._data = {}
    with pytest.raises(AttributeError):
        del m._data
    with pytest.raises(TypeError):
        m[Zone.MERAH] = 3  # type: ignore[index]


def test_errors_of_the_rules_are_all_opinipp_errors() -> None:
    for call in (
        lambda: rules_for(2020),
        lambda: rules_for("x"),  # type: ignore[arg-type]
        lambda: rules_for(2023).band_for("x"),
        lambda: _three_bands(bands=[]),
    ):
        with pytest.raises(OpinippError):
            call()


# --- the generated reference page ---------------------------------------------------------


def _generator() -> Any:
    path = ROOT / "scripts" / "generate_rules_doc.py"
    spec = importlib.util.spec_from_file_location("generate_rules_doc", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_rules_page_is_generated_from_the_rule_sets() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert _generator().render() == committed, "run scripts/generate_rules_doc.py"


def test_docs_rules_page_shows_every_rule_set_and_band() -> None:
    text = _generator().render()
    for rs in rule_sets():
        assert f"`{rs.scheme}`" in text
        assert rs.legal_basis in text
        for band in rs.bands:
            assert f"| {band.lower}–{band.upper} |" in text


def test_generator_check_mode(tmp_path: Path) -> None:
    generator = _generator()
    out = tmp_path / "rules.md"
    assert generator.main(["--check", "--output", str(out)]) == 1
    assert generator.main(["--output", str(out)]) == 0
    assert generator.main(["--check", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == generator.render()


class _IntLike:
    """An integer type that is not ``int`` (like ``numpy.int64``)."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def test_year_with_rules_gives_a_plain_int() -> None:
    from opinipp.rules import year_with_rules
    from opinipp.years import AssessmentYear, assessment_year

    year = year_with_rules(_IntLike(2023))
    assert (type(year), year) == (int, 2023)
    same = AssessmentYear(_IntLike(2024), rules_for(2024))
    assert type(same.year) is int
    assert assessment_year(_IntLike(2021)).year == 2021  # type: ignore[arg-type]
    for junk in (True, 2023.0, "2023", _IntLike(2020)):
        with pytest.raises(RulesNotAvailableError):
            year_with_rules(junk)


def test_enum_member_reads_text_without_regard_to_case_or_spacing() -> None:
    from opinipp._checks import enum_member, find_member

    assert enum_member(Zone, "  HIJAU ", argument="zone") is Zone.HIJAU
    assert enum_member(Dimension, " Pengaduan ", argument="d") is Dimension.PENGADUAN
    assert enum_member(Category, Category.B, argument="c") is Category.B
    assert find_member(Category, "f") is None
    assert find_member(Zone, 3) is None
    with pytest.raises(InvalidArgumentError, match="expected one of 'A', 'B', 'C', 'D', 'E'"):
        enum_member(Category, "F", argument="category")


# --- labels -------------------------------------------------------------------------------


def test_band_names_in_both_languages() -> None:
    r2015, r2021, r2023, r2025 = (rules_for(y) for y in (2015, 2021, 2023, 2025))
    assert [b.name() for b in r2023.bands] == [
        "E (Kualitas Terendah)",
        "D (Kualitas Rendah)",
        "C (Kualitas Sedang)",
        "B (Kualitas Tinggi)",
        "A (Kualitas Tertinggi)",
    ]
    assert r2023.bands[3].name("en") == "B (High quality)"
    assert r2015.bands[0].name() == "zona merah (Kepatuhan Rendah)"
    assert r2021.bands[1].name("en") == "yellow zone (Medium compliance)"
    assert r2025.bands[1].name() == "Kualitas Rendah (Kurang)"
    assert r2025.bands[1].name("en") == "Low quality (Poor)"
    zone_only = Band(lower=Score(0), upper=Score(100), zone=Zone.HIJAU)
    assert (zone_only.name(), zone_only.name("en")) == ("zona hijau", "green zone")
    quality_only = Band(lower=Score(0), upper=Score(100), quality="Baik", quality_en="Good")
    assert (quality_only.name(), quality_only.short_name("en")) == ("Baik", "Good")


def test_band_short_names_and_tags() -> None:
    r2022, r2025 = rules_for(2022), rules_for(2025)
    assert [b.short_name() for b in r2022.bands] == ["E", "D", "C", "B", "A"]
    assert [b.tags() for b in r2022.bands[1:3]] == [("merah", "D"), ("kuning", "C")]
    assert rules_for(2019).bands[0].tags("en") == ("red",)
    assert rules_for(2019).bands[0].short_name("en") == "red"
    assert [b.short_name() for b in r2025.bands][:2] == ["Kualitas Terendah", "Kualitas Rendah"]
    assert [b.short_name("en", quality=True) for b in r2025.bands][:2] == ["Very poor", "Poor"]
    assert r2025.bands[3].tags() == ()


def test_band_texts_and_levels() -> None:
    band = rules_for(2023).bands[3]
    assert band.texts == ("b", "hijau", "kualitas tinggi", "high quality")
    assert band.levels == ("tinggi",)
    assert band.quality_level is None
    assert rules_for(2025).bands[0].quality_level == "sangat kurang"
    assert rules_for(2016).bands[2].texts == ("hijau", "kepatuhan tinggi", "high compliance")


@pytest.mark.parametrize("lang", ["ID", "de", None, 1])
def test_labels_reject_an_unknown_language(lang: Any) -> None:
    band = rules_for(2023).bands[0]
    for call in (band.name, band.short_name, band.tags):
        with pytest.raises(InvalidArgumentError, match="'id' or 'en'"):
            call(lang)
    with pytest.raises(InvalidArgumentError, match="'id' or 'en'"):
        rules_for(2025).opinion_of(band, lang=lang)


def test_opinion_of_uses_the_rule_set_qualifier() -> None:
    r2025, r2023 = rules_for(2025), rules_for(2023)
    assert r2025.opinion_of(r2025.bands[4]) == "Kualitas Tertinggi"
    assert r2025.opinion_of(r2025.bands[4], qualified=True) == (
        "Kualitas Tertinggi Tanpa Maladministrasi"
    )
    assert r2023.opinion_of(r2023.bands[4], qualified=True) == "Kualitas Tertinggi"
    assert rules_for(2021).opinion_of(rules_for(2021).bands[0], qualified=True) is None


def test_target_names_list_each_text_once_from_the_top() -> None:
    assert rules_for(2023).target_names() == (
        "A",
        "hijau",
        "Kualitas Tertinggi",
        "B",
        "Kualitas Tinggi",
        "C",
        "kuning",
        "Kualitas Sedang",
        "D",
        "merah",
        "Kualitas Rendah",
        "E",
        "Kualitas Terendah",
    )
    assert rules_for(2025).target_names()[:3] == (
        "Kualitas Tertinggi",
        "Sangat Baik",
        "Kualitas Tinggi",
    )


def test_target_matches_texts_enums_and_bands() -> None:
    r2023, r2025 = rules_for(2023), rules_for(2025)
    assert r2023.target(" opini  KUALITAS tinggi") == (r2023.bands[3], "B (Kualitas Tinggi)")
    assert r2023.target("Zona Hijau") == (r2023.bands[3], "zona hijau (from 78.00)")
    assert r2023.target(Category.E) == (r2023.bands[0], "E (Kualitas Terendah)")
    assert r2023.target(r2023.bands[2]) == (r2023.bands[2], "C (Kualitas Sedang)")
    assert r2025.target("very good") == (r2025.bands[4], "Kualitas Tertinggi (Sangat Baik)")
    assert rules_for(2021).target(Zone.KUNING)[1] == "zona kuning (Kepatuhan Sedang)"


def test_target_rejections() -> None:
    from opinipp.errors import NotApplicableError

    r2023, r2025 = rules_for(2023), rules_for(2025)
    with pytest.raises(NotApplicableError, match=r"does not apply to 2025: the opini-ombudsman"):
        r2025.target(Zone.HIJAU, year=2025)
    with pytest.raises(NotApplicableError, match="'Tanpa Maladministrasi' comes from") as info:
        r2025.target("Kualitas Tinggi Tanpa Maladministrasi", year=2025)
    assert "'Kualitas Tinggi'" in str(info.value)
    with pytest.raises(NotApplicableError, match=r"label of 2025 only"):
        r2023.target("Cukup", year=2023)
    with pytest.raises(InvalidArgumentError, match="one of the 2023 targets: 'A', 'hijau'"):
        r2023.target("biru", year=2023)
    with pytest.raises(InvalidArgumentError, match="a band of the"):
        r2023.target(rules_for(2021).bands[0])
    with pytest.raises(InvalidArgumentError, match="a Category, a Zone, a Band"):
        r2023.target(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="one of the years of opini-pengawasan-2022"):
        r2023.target("A", year=2024)


def test_labels_reject_a_language_that_numpy_or_pandas_cannot_compare() -> None:
    import numpy as np
    import pandas as pd

    from fuzz_junk import RaisingStr

    rs = rules_for(2023)
    band = rs.bands[4]
    assert band.name(RaisingStr("en")) == "A (Highest quality)"  # type: ignore[arg-type]
    assert band.tags(RaisingStr("en")) == ("green", "A")  # type: ignore[arg-type]
    junk: list[Any] = [pd.Series(["id"]), np.array([]), pd.NA]
    for lang in junk:
        for call in (band.name, band.tags, band.short_name):
            with pytest.raises(InvalidArgumentError) as info:
                call(lang)
            assert info.value.argument == "lang"
    with pytest.raises(InvalidArgumentError) as info:
        band.short_name(quality=pd.Series([True]))  # type: ignore[arg-type]
    assert info.value.argument == "quality"
    for bad in (pd.Series([81.84]), np.array([]), RaisingStr("A")):
        with pytest.raises(InvalidArgumentError) as info:
            rs.opinion_of(bad)  # type: ignore[arg-type]
        assert info.value.argument == "band"


def test_rule_set_sequences_refuse_0d_arrays_and_iterations_that_raise() -> None:
    import numpy as np

    from fuzz_junk import HostileError, RaisingList

    rs = rules_for(2021)
    for field in ("notes", "years", "bands"):
        with pytest.raises(InvalidArgumentError) as info:
            attrs.evolve(rs, **cast("dict[str, Any]", {field: np.array(81.84)}))
        assert info.value.argument == f"RuleSet.{field}"
        with pytest.raises(InvalidArgumentError) as info:
            attrs.evolve(rs, **cast("dict[str, Any]", {field: RaisingList([1])}))
        assert info.value.argument == f"RuleSet.{field}"
        assert isinstance(info.value.__cause__, HostileError)


def test_rule_tables_store_the_real_text_and_numbers_of_subclasses() -> None:
    from fuzz_junk import LyingDecimal, LyingStr, RaisingDecimal, RaisingInt, RaisingStr

    band = attrs.evolve(rules_for(2021).bands[0], predikat=RaisingStr("Kepatuhan Rendah"))
    assert type(band.predikat) is str
    assert band.predikat == "Kepatuhan Rendah"
    rs = attrs.evolve(
        rules_for(2021),
        scheme=LyingStr("kepatuhan-2016"),
        years=(RaisingInt(2016), 2017),
        notes=(RaisingStr("a note"),),
    )
    assert (type(rs.scheme), rs.scheme, rs.years, rs.notes) == (
        str,
        "kepatuhan-2016",
        (2016, 2017),
        ("a note",),
    )
    assert type(rs.years[0]) is int
    weights = dict(rules_for(2023).weights or {})
    rs = attrs.evolve(
        rules_for(2023), weights={**weights, Dimension.INPUT: RaisingDecimal("21.85")}
    )
    assert rs.weights == weights
    with pytest.raises(InvalidArgumentError) as info:
        attrs.evolve(rules_for(2023), weights={**weights, Dimension.INPUT: LyingDecimal("NaN")})
    assert "a positive Decimal percentage" in str(info.value)
    named: dict[Any, Decimal] = {
        LyingStr(d.value) if d is Dimension.INPUT else d: w for d, w in weights.items()
    }
    assert attrs.evolve(rules_for(2023), weights=named).weights == weights
