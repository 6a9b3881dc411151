"""Tests of opinipp.trends: compare, Change, series, Series."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp import regions
from opinipp import strategies as ops
from opinipp.assessments import Assessment
from opinipp.entities import Instansi, InstansiKind
from opinipp.errors import (
    DuplicateEntityError,
    InvalidArgumentError,
    NotApplicableError,
    RulesNotAvailableError,
)
from opinipp.rules import Category, Zone
from opinipp.trends import Change, Direction, Series, compare, series
from opinipp.zoning import classify

MUNA_BARAT: Final = regions.pemda("Kabupaten Muna Barat")
MUKOMUKO: Final = regions.pemda("Kabupaten Mukomuko")


def _mubar(year: int, score: str | None) -> Assessment:
    return Assessment(MUNA_BARAT, year, score)


# --- the founding numbers ----------------------------------------------------------------


def test_muna_barat_2021_to_2023() -> None:
    found = series(
        [_mubar(2023, "81.84"), _mubar(2021, "34.19"), _mubar(2022, "69.17")], MUNA_BARAT
    )
    assert str(found) == (
        "Kabupaten Muna Barat: 34.19 merah (2021) → 69.17 kuning C (2022) → 81.84 hijau B (2023)"
    )
    assert found.years == (2021, 2022, 2023)
    assert len(found) == 3
    assert [a.year for a in found] == [2021, 2022, 2023]
    first, second = found.changes
    assert first.delta == Decimal("34.98")
    assert (first.zone_before, first.zone_after) == (Zone.MERAH, Zone.KUNING)
    assert (first.category_before, first.category_after) == (None, Category.C)
    assert (first.scheme_before, first.scheme_after) == ("kepatuhan-2016", "opini-pengawasan-2022")
    assert first.crosses_regime
    assert second.delta == Decimal("12.67")
    assert (second.zone_before, second.zone_after) == (Zone.KUNING, Zone.HIJAU)
    assert (second.category_before, second.category_after) == (Category.C, Category.B)
    assert not second.crosses_regime
    assert second.direction is Direction.UP
    overall = found.overall
    assert overall is not None
    assert overall.delta == Decimal("47.65")
    assert overall.crosses_regime


def test_mukomuko_2022_to_2023() -> None:
    change = compare(Assessment(MUKOMUKO, 2022, "60.35"), Assessment(MUKOMUKO, 2023, "90.02"))
    assert change.delta == Decimal("29.67")
    assert str(change) == (
        "Kabupaten Mukomuko: 60.35 kuning C (2022) → 90.02 hijau A (2023), +29.67 (up)"
    )
    assert repr(change) == f"<Change {change}>"
    assert change.earlier_grade == classify("60.35", 2022)
    assert change.later_grade == classify("90.02", 2023)
    assert change.entity == MUKOMUKO


def test_a_change_across_the_2025_regime_says_which_scheme_each_side_used() -> None:
    # Muna Barat 2024 (its own site); the 2025 score is made up for the example.
    change = compare(
        _mubar(2024, "93.46"), Assessment(MUNA_BARAT, 2025, "85.18", tanpa_maladministrasi=True)
    )
    assert change.direction is Direction.DOWN
    assert change.delta == Decimal("-8.28")
    assert (change.zone_before, change.zone_after) == (Zone.HIJAU, None)
    assert (change.category_before, change.category_after) == (Category.A, None)
    assert (change.scheme_before, change.scheme_after) == (
        "opini-pengawasan-2024",
        "opini-ombudsman-2025",
    )
    assert change.crosses_regime
    assert str(change) == (
        "Kabupaten Muna Barat: 93.46 hijau A (2024) → 85.18 Kualitas Tinggi Tanpa "
        "Maladministrasi (2025), -8.28 (down); rules changed from opini-pengawasan-2024 to "
        "opini-ombudsman-2025"
    )


def test_an_unchanged_score_is_same() -> None:
    kemlu = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
    change = compare(Assessment(kemlu, 2022, "78.92"), Assessment(kemlu, 2024, "78.92"))
    assert change.direction is Direction.SAME
    assert change.delta == Decimal("0.00")
    assert str(change).endswith(
        "+0.00 (same); rules changed from opini-pengawasan-2022 to opini-pengawasan-2024"
    )


def test_change_pickles() -> None:
    change = compare(_mubar(2021, "34.19"), _mubar(2022, "69.17"))
    assert pickle.loads(pickle.dumps(change)) == change


# --- series ------------------------------------------------------------------------------


def test_series_keeps_only_the_entity_and_skips_unscored_years_in_changes() -> None:
    others = [Assessment(MUKOMUKO, 2022, "60.35"), Assessment(MUKOMUKO, 2023, "90.02")]
    found = series(
        [*others, _mubar(2022, None), _mubar(2021, "34.19"), _mubar(2023, "81.84")], MUNA_BARAT
    )
    assert found.years == (2021, 2022, 2023)
    assert str(found) == (
        "Kabupaten Muna Barat: 34.19 merah (2021) → no score (2022) → 81.84 hijau B (2023)"
    )
    assert [(c.earlier.year, c.later.year) for c in found.changes] == [(2021, 2023)]
    assert found.overall == found.changes[0]


def test_a_series_of_one_or_none() -> None:
    assert series([_mubar(2023, "81.84")], MUNA_BARAT).changes == ()
    assert series([_mubar(2023, "81.84")], MUNA_BARAT).overall is None
    empty = series([], MUKOMUKO)
    assert len(empty) == 0
    assert empty.overall is None
    assert str(empty) == "Kabupaten Mukomuko: "
    assert repr(series([_mubar(2023, "81.84")], MUNA_BARAT)) == (
        "<Series Kabupaten Muna Barat: 81.84 hijau B (2023)>"
    )


def test_a_duplicate_year_raises() -> None:
    with pytest.raises(DuplicateEntityError) as info:
        series([_mubar(2022, "69.17"), _mubar(2023, "81.84"), _mubar(2022, "69.72")], MUNA_BARAT)
    assert info.value.entity == MUNA_BARAT
    assert str(info.value) == (
        "duplicate entity Kabupaten Muna Barat in the assessments of 2022: "
        "expected each entity at most once"
    )
    with pytest.raises(DuplicateEntityError):
        Series(MUNA_BARAT, (_mubar(2022, "69.17"), _mubar(2022, "69.72")))


def test_series_checks_what_it_holds() -> None:
    with pytest.raises(InvalidArgumentError, match="increasing year order"):
        Series(MUNA_BARAT, (_mubar(2023, "81.84"), _mubar(2022, "69.17")))
    with pytest.raises(InvalidArgumentError, match="assessments of Kabupaten Muna Barat"):
        Series(MUNA_BARAT, (Assessment(MUKOMUKO, 2023, "90.02"),))
    with pytest.raises(InvalidArgumentError, match="Assessment objects"):
        Series(MUNA_BARAT, ("81.84",))
    with pytest.raises(InvalidArgumentError):
        Series("Muna Barat", ())  # type: ignore[arg-type]


@pytest.mark.parametrize("junk", [None, 5, "Muna Barat", b"x", Decimal(1)])
def test_series_rejects_junk(junk: object) -> None:
    with pytest.raises(InvalidArgumentError) as bad_list:
        series(junk, MUNA_BARAT)  # type: ignore[arg-type]
    assert bad_list.value.argument == "assessments"
    with pytest.raises(InvalidArgumentError) as bad_entity:
        series([], junk)  # type: ignore[arg-type]
    assert bad_entity.value.argument == "entity"
    with pytest.raises(InvalidArgumentError):
        series([_mubar(2023, "81.84"), junk], MUNA_BARAT)  # type: ignore[list-item]


def test_assessments_that_raise_while_iterated_raise_invalid_argument() -> None:
    from fuzz_junk import BrokenEverything, HostileError, RaisingList

    junk: object
    for junk in (RaisingList([_mubar(2023, "81.84")]), BrokenEverything()):
        with pytest.raises(InvalidArgumentError, match="an iterable of Assessment") as info:
            series(junk, MUNA_BARAT)
        assert isinstance(info.value.__cause__, HostileError)
        with pytest.raises(InvalidArgumentError, match="an iterable of Assessment") as info:
            Series(MUNA_BARAT, junk)
        assert isinstance(info.value.__cause__, HostileError)


# --- errors ------------------------------------------------------------------------------


def test_compare_needs_the_same_entity() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        compare(_mubar(2022, "69.17"), Assessment(MUKOMUKO, 2023, "90.02"))
    assert str(info.value) == (
        "invalid later 'Kabupaten Mukomuko (2023)': expected an assessment of Kabupaten Muna Barat"
    )
    assert info.value.value == Assessment(MUKOMUKO, 2023, "90.02")


@pytest.mark.parametrize(("earlier", "later"), [(2023, 2023), (2023, 2022)])
def test_compare_needs_a_later_year(earlier: int, later: int) -> None:
    with pytest.raises(InvalidArgumentError, match=f"a year after {earlier}"):
        compare(_mubar(earlier, "81.84"), _mubar(later, "69.17"))


def test_compare_needs_scores() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        compare(_mubar(2022, None), _mubar(2023, "81.84"))
    assert str(info.value) == (
        "invalid earlier 'Kabupaten Muna Barat (2022)': expected an assessment with a score"
    )
    with pytest.raises(InvalidArgumentError, match="later"):
        compare(_mubar(2022, "69.17"), _mubar(2023, None))


@pytest.mark.parametrize("junk", [None, "81.84", 81.84, MUNA_BARAT, [], object()])
def test_compare_rejects_junk(junk: object) -> None:
    with pytest.raises(InvalidArgumentError):
        compare(junk, _mubar(2023, "81.84"))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        compare(_mubar(2023, "81.84"), junk)  # type: ignore[arg-type]


def test_a_qualifier_outside_2025_cannot_even_be_built() -> None:
    with pytest.raises(NotApplicableError, match="Tanpa Maladministrasi qualifier"):
        Assessment(MUNA_BARAT, 2024, "93.46", tanpa_maladministrasi=True)


def test_compare_takes_assessments_positionally() -> None:
    with pytest.raises(TypeError):
        compare(earlier=_mubar(2021, "34.19"), later=_mubar(2022, "69.17"))  # type: ignore[call-arg]


def test_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="year after"):
        compare(_mubar(2023, "81.84"), _mubar(2021, "34.19"))
    with pytest.raises(RulesNotAvailableError):
        _mubar(2020, "50.00")


# --- properties --------------------------------------------------------------------------


@st.composite
def two_years_of_one_entity(draw: st.DrawFn) -> tuple[Assessment, Assessment]:
    first = draw(ops.assessments())
    later_year = draw(ops.years(min_value=first.year + 1)) if first.year < 2025 else None
    if later_year is None:
        return first, first
    second = draw(ops.assessments(year=later_year))
    return first, Assessment(
        first.entity,
        later_year,
        second.score,
        tanpa_maladministrasi=second.tanpa_maladministrasi,
    )


@given(two_years_of_one_entity())
def test_delta_direction_and_grades_agree(pair: tuple[Assessment, Assessment]) -> None:
    earlier, later = pair
    if earlier is later:
        return
    change = compare(earlier, later)
    assert earlier.score is not None
    assert later.score is not None
    assert change.delta == later.score - earlier.score
    assert earlier.score + change.delta == later.score.value
    expected = {1: Direction.UP, -1: Direction.DOWN, 0: Direction.SAME}
    assert change.direction is expected[(change.delta > 0) - (change.delta < 0)]
    assert change.zone_before == classify(earlier.score, earlier.year).zone
    assert change.category_after == classify(later.score, later.year).category
    assert change.crosses_regime is (
        change.earlier_grade.rule_set is not change.later_grade.rule_set
    )
    assert isinstance(change, Change)
