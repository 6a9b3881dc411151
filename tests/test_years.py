"""Tests of opinipp.years: dates, coverage and distributions of each assessment year."""

from __future__ import annotations

import datetime as dt
import pickle
import re
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from opinipp.datasets import reference
from opinipp.entities import EntityKind, InstansiKind, PemdaKind
from opinipp.errors import InvalidArgumentError, RulesNotAvailableError
from opinipp.rules import Category, Zone, covered_years, rules_for
from opinipp.years import AssessmentYear, assessment_year

if TYPE_CHECKING:
    from collections.abc import Mapping

H, K, M = Zone.HIJAU, Zone.KUNING, Zone.MERAH


@pytest.mark.parametrize("year", covered_years())
def test_every_covered_year_has_facts(year: int) -> None:
    facts = assessment_year(year)
    assert facts.year == year
    assert facts.rule_set is rules_for(year)
    keys = re.findall(r"\[(R[0-9]+)\]", facts.source)
    assert keys
    assert facts.source == "".join(f"[{reference(k).key}]" for k in keys)
    assert assessment_year(year) is facts  # built once


@pytest.mark.parametrize(
    ("year", "start", "end", "announced"),
    [
        (2017, dt.date(2017, 5, 1), dt.date(2017, 7, 31), None),
        (2021, dt.date(2021, 6, 1), dt.date(2021, 10, 31), dt.date(2021, 12, 29)),
        (2022, dt.date(2022, 8, 1), dt.date(2022, 11, 30), dt.date(2022, 12, 22)),
        (2023, dt.date(2023, 7, 1), dt.date(2023, 10, 31), dt.date(2023, 12, 14)),
        (2024, dt.date(2024, 5, 1), dt.date(2024, 9, 30), dt.date(2024, 11, 14)),
    ],
)
def test_dates(year: int, start: dt.date, end: dt.date, announced: dt.date | None) -> None:
    facts = assessment_year(year)
    assert facts.data_collection == (start, end)
    assert facts.announced == announced


def test_unknown_dates_are_none() -> None:
    assert assessment_year(2015).data_collection is None
    assert assessment_year(2015).announced is None
    assert assessment_year(2019).announced is None
    # 2025: results released 29 Jan 2026; the start of data collection is disputed
    assert assessment_year(2025).announced == dt.date(2026, 1, 29)
    assert assessment_year(2025).data_collection is None


@pytest.mark.parametrize(
    ("year", "kementerian", "lembaga", "provinsi", "kota", "kabupaten", "total"),
    [
        (2018, 9, 4, 16, 49, 199, 277),
        (2019, 4, 3, 6, 36, 215, 264),
        (2021, 24, 15, 34, 98, 416, 587),
        (2022, 25, 14, 34, 98, 415, 586),
        (2023, 25, 14, 34, 98, 415, 586),
        (2024, 25, 14, 34, 98, 416, 587),
        (2025, 38, 8, 38, 56, 170, 310),
    ],
)
def test_assessed_counts(  # noqa: PLR0917 - one column per kind, as in the year table
    year: int, kementerian: int, lembaga: int, provinsi: int, kota: int, kabupaten: int, total: int
) -> None:
    facts = assessment_year(year)
    assert facts.assessed(InstansiKind.KEMENTERIAN) == kementerian
    assert facts.assessed(InstansiKind.LEMBAGA) == lembaga
    assert facts.assessed(PemdaKind.PROVINSI) == provinsi
    assert facts.assessed(PemdaKind.KOTA) == kota
    assert facts.assessed(PemdaKind.KABUPATEN) == kabupaten
    assert facts.assessed(EntityKind.KABUPATEN) == kabupaten
    assert facts.assessed("kabupaten") == kabupaten  # type: ignore[arg-type]
    assert facts.assessed_total == total


def test_unknown_counts_are_none() -> None:
    assert assessment_year(2015).assessed(PemdaKind.KABUPATEN) is None
    assert assessment_year(2017).assessed(InstansiKind.KEMENTERIAN) is None  # 14 or 22
    assert assessment_year(2017).assessed(InstansiKind.LEMBAGA) == 6
    assert assessment_year(2017).assessed_total is None
    assert assessment_year(2023).assessed(EntityKind.OPD) is None
    assert assessment_year(2023).assessed(EntityKind.PUSKESMAS) is None


@pytest.mark.parametrize("kind", ["pemda", "", None, 3, Zone.HIJAU, "Kabupaten"])
def test_assessed_rejects_unknown_kinds(kind: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="kind"):
        assessment_year(2023).assessed(kind)
    with pytest.raises(InvalidArgumentError, match="kind"):
        assessment_year(2023).zones_of(kind)


@pytest.mark.parametrize(
    ("year", "hijau", "kuning", "merah"),
    [(2021, 179, 316, 92), (2022, 272, 250, 64), (2023, 414, 133, 39), (2024, 494, 70, 23)],
)
def test_national_zone_distribution(year: int, hijau: int, kuning: int, merah: int) -> None:
    facts = assessment_year(year)
    assert facts.zone_distribution == {H: hijau, K: kuning, M: merah}
    assert sum(facts.zone_distribution.values()) == facts.assessed_total


def test_partial_and_missing_distributions() -> None:
    assert assessment_year(2018).zone_distribution == {H: 97}
    assert assessment_year(2019).zone_distribution is None
    assert assessment_year(2025).zone_distribution is None  # no zones in 2025
    assert assessment_year(2023).zones_of(PemdaKind.KABUPATEN) is None
    assert assessment_year(2019).zones_of(PemdaKind.KABUPATEN) is None


def test_2024_category_distribution() -> None:
    dist = assessment_year(2024).category_distribution
    assert dist == {Category.A: 337, Category.B: 157, Category.C: 70, Category.D: 14, Category.E: 9}
    assert assessment_year(2023).category_distribution is None


def test_zones_per_kind() -> None:
    y2021 = assessment_year(2021)
    assert y2021.zones_of(PemdaKind.KABUPATEN) == {H: 103, K: 226, M: 87}
    assert y2021.zones_of(InstansiKind.KEMENTERIAN) == {H: 17, K: 7, M: 0}
    assert assessment_year(2022).zones_of(PemdaKind.KOTA) == {H: 53, K: 42, M: 3}
    assert assessment_year(2024).zones_of(PemdaKind.KABUPATEN) == {H: 339, K: 55, M: 22}
    assert assessment_year(2024).zones_of(PemdaKind.KOTA) is None


def test_per_kind_zones_add_up_to_the_national_totals() -> None:
    for year in (2021, 2022):
        facts = assessment_year(year)
        assert facts.zone_distribution_by_kind is not None
        assert facts.zone_distribution is not None
        for zone, count in facts.zone_distribution.items():
            assert sum(z[zone] for z in facts.zone_distribution_by_kind.values()) == count


@pytest.mark.parametrize("year", [2020, 2014, 2026, "2023", None, 2023.0, True])
def test_years_without_rules_raise(year: Any) -> None:
    with pytest.raises(RulesNotAvailableError):
        assessment_year(year)


def test_2020_says_no_assessment_was_held() -> None:
    with pytest.raises(RulesNotAvailableError, match="no assessment was held in 2020"):
        assessment_year(2020)


def test_assessment_year_is_immutable_hashable_and_picklable() -> None:
    facts = assessment_year(2024)
    assert pickle.loads(pickle.dumps(facts)) == facts
    assert hash(pickle.loads(pickle.dumps(facts))) == hash(facts)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        facts.year = 2025  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"rule_set": rules_for(2021)}, "the RuleSet of 2022"),
        ({"assessed_total": 587}, "sum of the per-kind counts"),
        ({"zone_distribution": {H: 1, K: 1, M: 1}}, "summing to 586"),
        ({"category_distribution": dict.fromkeys(Category, 1)}, "summing to 586"),
    ],
)
def test_assessment_year_checks_its_sums(change: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidArgumentError, match=match):
        attrs.evolve(assessment_year(2022), **change)


def test_assessment_year_checks_per_kind_sums() -> None:
    facts = assessment_year(2022)
    assert facts.zone_distribution_by_kind is not None
    bad_kind: dict[EntityKind, Mapping[Zone, int]] = dict(facts.zone_distribution_by_kind)
    bad_kind[EntityKind.KOTA] = {H: 1, K: 1, M: 1}
    with pytest.raises(InvalidArgumentError, match="98 kota"):
        attrs.evolve(facts, zone_distribution_by_kind=bad_kind)
    shifted: dict[EntityKind, Mapping[Zone, int]] = dict(facts.zone_distribution_by_kind)
    shifted[EntityKind.KOTA] = {H: 54, K: 41, M: 3}
    with pytest.raises(InvalidArgumentError, match="per-kind hijau counts summing to 272"):
        attrs.evolve(facts, zone_distribution_by_kind=shifted)


def test_no_zone_distribution_in_a_year_without_zones() -> None:
    with pytest.raises(InvalidArgumentError, match="None in 2025"):
        attrs.evolve(assessment_year(2025), zone_distribution={H: 310})


def test_an_assessment_year_can_be_built_by_hand() -> None:
    facts = AssessmentYear(2019, rules_for(2019), None, None, None)
    assert facts.assessed(PemdaKind.KOTA) is None
    assert facts.notes == ()


def test_a_kind_given_as_a_str_subclass_is_read_as_its_text() -> None:
    from fuzz_junk import LyingStr, RaisingStr

    assert assessment_year(2023).assessed(RaisingStr("kabupaten")) == 415  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="kind"):
        assessment_year(2023).zones_of(LyingStr("pemda"))  # type: ignore[arg-type]


def test_notes_and_source_are_kept_as_plain_text() -> None:
    from fuzz_junk import HostileError, RaisingList, RaisingStr

    facts = AssessmentYear(
        2019,
        rules_for(2019),
        None,
        None,
        None,
        source=RaisingStr("[R31]"),
        notes=[RaisingStr("a note")],
    )
    assert (facts.source, facts.notes) == ("[R31]", ("a note",))
    assert type(facts.source) is str
    assert type(facts.notes[0]) is str
    with pytest.raises(InvalidArgumentError, match="notes") as info:
        AssessmentYear(2019, rules_for(2019), None, None, None, notes=RaisingList(["a"]))
    assert isinstance(info.value.__cause__, HostileError)


def test_a_rule_set_that_is_not_a_rule_set_is_refused_before_comparing() -> None:
    from fuzz_junk import BrokenEverything

    with pytest.raises(InvalidArgumentError, match="rule_set"):
        AssessmentYear(2019, BrokenEverything(), None, None, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["zone_distribution", "category_distribution", "assessed_counts"])
def test_a_count_keyed_by_a_lying_str_is_refused(field: str) -> None:
    from fuzz_junk import LyingStr  # equal to everything, with a new hash on every call

    lying: Any = {LyingStr("hijau"): 1}
    with pytest.raises(InvalidArgumentError, match=f"AssessmentYear.{field}"):
        AssessmentYear(2015, rules_for(2015), None, None, **{field: lying})
    with pytest.raises(InvalidArgumentError, match="None or a mapping of kind to zones"):
        AssessmentYear(2015, rules_for(2015), None, None, zone_distribution_by_kind=lying)
    by_kind: Any = {LyingStr("kota"): {}}
    with pytest.raises(InvalidArgumentError, match="expected an EntityKind"):
        AssessmentYear(2015, rules_for(2015), None, None, zone_distribution_by_kind=by_kind)
