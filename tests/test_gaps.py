"""Tests of opinipp.gaps: gap_to_next_tier, gap_to, points_to_rank."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Final

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp import regions
from opinipp import strategies as ops
from opinipp.assessments import Assessment
from opinipp.entities import PemdaKind
from opinipp.errors import (
    InvalidArgumentError,
    InvalidScoreError,
    NotApplicableError,
    OutOfScopeError,
    RulesNotAvailableError,
)
from opinipp.gaps import Gap, gap_to, gap_to_next_tier, points_to_rank
from opinipp.ranking import National, Provincial, Ranking, rank
from opinipp.rules import Band, Category, RuleSet, Zone, rules_for
from opinipp.scores import Score
from opinipp.zoning import classify
from year_scores import year_and_score

MUNA_BARAT: Final = regions.pemda("Kabupaten Muna Barat")
NTB: Final = regions.province("NTB")

# --- the founding number: 81.84 in 2023 needs 6.16 for A --------------------------------


def test_81_84_needs_exactly_6_16_for_a() -> None:
    gap = gap_to_next_tier("81.84", 2023)
    assert gap is not None
    assert gap.points == Decimal("6.16")
    assert str(gap.points) == "6.16"
    assert gap.target.category is Category.A
    assert gap.target_score == Score("88.00")
    assert gap.year == 2023
    assert str(gap) == "6.16 points to A (Kualitas Tertinggi)"
    assert gap_to("81.84", 2023, Category.A) == gap
    assert gap_to("81.84", 2023, "Kualitas Tertinggi").points == Decimal("6.16")


def test_the_must_exceed_reading_is_one_hundredth_more() -> None:
    # The founding article's "6,17 poin" is the gap to 88.01 (docs: why 81.84 is 6.16 short of A).
    gap = gap_to("81.84", 2023, Category.A)
    assert gap.points + Decimal("0.01") == Decimal("6.17")
    assert Score("88.01") - Score("81.84") == Decimal("6.17")
    assert classify(Score("81.84") + gap.points, 2023).category is Category.A
    assert classify("88.00", 2023).category is Category.A
    assert classify("87.99", 2023).category is Category.B


@pytest.mark.parametrize(
    ("score", "year", "points", "text"),
    [
        ("34.19", 2021, "16.81", "16.81 points to zona kuning (Kepatuhan Sedang)"),  # Muna Barat
        ("69.17", 2022, "8.83", "8.83 points to B (Kualitas Tinggi)"),  # Muna Barat
        ("60.35", 2022, "17.65", "17.65 points to B (Kualitas Tinggi)"),  # Mukomuko
        ("77.02", 2021, "3.98", "3.98 points to zona hijau (Kepatuhan Tinggi)"),  # Sergai
        ("80.13", 2019, "0.87", "0.87 points to zona hijau (Kepatuhan Tinggi)"),  # Kerinci
        ("87.99", 2024, "0.01", "0.01 points to A (Kualitas Tertinggi)"),
        ("53.38", 2025, "0.62", "0.62 points to Kualitas Sedang (Cukup)"),  # Morotai
        ("31.56", 2015, "7.44", "7.44 points to zona kuning (Kepatuhan Sedang)"),  # Banyumas
        ("0.00", 2023, "32.00", "32.00 points to D (Kualitas Rendah)"),
    ],
)
def test_gap_to_the_next_tier(score: str, year: int, points: str, text: str) -> None:
    gap = gap_to_next_tier(score, year)
    assert gap is not None
    assert gap.points == Decimal(points)
    assert str(gap) == text
    assert not gap.reached


@pytest.mark.parametrize(
    ("score", "year"),
    [
        ("90.02", 2023),
        ("88.00", 2022),
        ("100", 2024),
        ("81.00", 2021),
        ("61.00", 2015),
        ("93.46", 2025),
    ],
)
def test_no_gap_at_the_top_tier(score: str, year: int) -> None:
    assert gap_to_next_tier(score, year) is None


def test_gap_to_a_zone_category_or_label() -> None:
    assert gap_to("69.17", 2022, Zone.HIJAU).points == Decimal("8.83")
    assert str(gap_to("69.17", 2022, Zone.HIJAU)) == "8.83 points to zona hijau (from 78.00)"
    assert str(gap_to("34.19", 2021, "zona hijau")) == (
        "46.81 points to zona hijau (Kepatuhan Tinggi)"
    )
    assert gap_to("34.19", 2021, "Kepatuhan Tinggi").points == Decimal("46.81")
    assert gap_to("60.35", 2023, "a").points == Decimal("27.65")
    assert gap_to("60.35", 2023, " OPINI  kualitas   TINGGI ").points == Decimal("17.65")
    assert gap_to("60.35", 2023, "Highest quality").points == Decimal("27.65")
    assert gap_to("65.98", 2025, "sangat baik").points == Decimal("22.02")
    assert gap_to("65.98", 2025, "Kualitas Tertinggi").points == Decimal("22.02")
    band = rules_for(2023).bands[3]
    assert gap_to("60.35", 2023, band).target is band


def test_already_there_is_zero_points() -> None:
    gap = gap_to("81.84", 2023, Zone.HIJAU)
    assert gap.points == Decimal("0.00")
    assert str(gap.points) == "0.00"
    assert gap.reached
    assert str(gap) == "already at or above zona hijau (from 78.00)"
    assert gap_to("90.02", 2023, Category.B).points == Decimal("0.00")
    assert gap_to("88.00", 2023, Category.A).reached


def test_gap_repr_and_pickle() -> None:
    gap = gap_to_next_tier("81.84", 2023)
    assert repr(gap) == (
        "Gap(points=Decimal('6.16'), target='A (Kualitas Tertinggi)', "
        "target_score=Score('88.00'), year=2023)"
    )
    assert pickle.loads(pickle.dumps(gap)) == gap


@pytest.mark.parametrize(
    ("year", "target", "message"),
    [
        (2025, Zone.HIJAU, "opini-ombudsman-2025 rules have no zones"),
        (2025, "kuning", "opini-ombudsman-2025 rules have no zones"),
        (2019, Category.A, "kepatuhan-2016 rules have no categories"),
        (2021, "B", "kepatuhan-2016 rules have no categories"),
        (2019, "Kualitas Tertinggi", "a label of 2022, 2023, 2024, 2025 only"),
        (2023, "Sangat Baik", "a label of 2025 only"),
        (2023, "Kepatuhan Tinggi", "a label of 2015, 2016, 2017, 2018, 2019, 2021 only"),
        (2025, "Kualitas Tertinggi Tanpa Maladministrasi", "not from the score"),
    ],
)
def test_a_target_that_does_not_exist_in_the_year(
    year: int, target: Category | Zone | str, message: str
) -> None:
    with pytest.raises(NotApplicableError) as info:
        gap_to("50.00", year, target)
    assert info.value.year == year
    assert message in str(info.value)
    assert "valid targets" in str(info.value) or "aim at" in str(info.value)


def test_unknown_text_lists_the_valid_targets() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        gap_to("50.00", 2023, "Sangat Tinggi")
    assert str(info.value) == (
        "invalid target 'Sangat Tinggi': expected one of the 2023 targets: 'A', 'hijau', "
        "'Kualitas Tertinggi', 'B', 'Kualitas Tinggi', 'C', 'kuning', 'Kualitas Sedang', "
        "'D', 'merah', 'Kualitas Rendah', 'E', 'Kualitas Terendah'"
    )


@pytest.mark.parametrize("target", [None, 1, 1.5, True, b"A", ["A"], Decimal(88), object()])
def test_junk_targets_raise(target: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        gap_to("50.00", 2023, target)  # type: ignore[arg-type]
    assert info.value.argument == "target"


def test_a_band_of_another_year_is_not_a_target() -> None:
    with pytest.raises(InvalidArgumentError, match="a band of the 2021 rules"):
        gap_to("50.00", 2021, rules_for(2023).bands[4])


@pytest.mark.parametrize("score", [None, "abc", "81.845", -1, 101, float("nan"), [81.84], True])
def test_bad_scores_raise(score: object) -> None:
    with pytest.raises(InvalidScoreError):
        gap_to_next_tier(score, 2023)  # type: ignore[arg-type]
    with pytest.raises(InvalidScoreError):
        gap_to(score, 2023, "A")  # type: ignore[arg-type]


def test_scores_above_the_2015_scale_raise() -> None:
    with pytest.raises(InvalidScoreError, match=r"above 75\.00"):
        gap_to_next_tier("80.00", 2015)
    with pytest.raises(InvalidScoreError, match=r"above 75\.00"):
        gap_to("80.00", 2015, "hijau")


@pytest.mark.parametrize("year", [2020, 2014, 2026, "2023", 2023.0, None, True])
def test_years_without_rules_raise(year: object) -> None:
    with pytest.raises(RulesNotAvailableError):
        gap_to_next_tier("50.00", year)  # type: ignore[arg-type]
    with pytest.raises(RulesNotAvailableError):
        gap_to("50.00", year, "hijau")  # type: ignore[arg-type]


def test_an_integer_like_year_is_accepted() -> None:
    class Year:
        def __index__(self) -> int:
            return 2023

    assert gap_to_next_tier("81.84", Year()) == gap_to_next_tier("81.84", 2023)  # type: ignore[arg-type]


def test_gaps_check_their_fields() -> None:
    band = rules_for(2023).bands[4]
    assert Gap(Decimal("6.16"), band, 2023, "A").points == Decimal("6.16")
    with pytest.raises(InvalidArgumentError):
        Gap(Decimal(-1), band, 2023, "A")
    with pytest.raises(InvalidArgumentError):
        Gap(6.16, band, 2023, "A")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        Gap(Decimal("6.16"), "A", 2023, "A")  # type: ignore[arg-type]
    with pytest.raises(RulesNotAvailableError):
        Gap(Decimal("6.16"), band, 2020, "A")
    with pytest.raises(InvalidArgumentError):
        Gap(Decimal("6.16"), band, 2023, " ")


# --- properties --------------------------------------------------------------------------


def _targets(rule_set: RuleSet, band: Band) -> list[Category | Zone | Band | str]:
    """Every way of naming ``band`` (or the zone it opens) as a target."""
    found: list[Category | Zone | Band | str] = [band]
    for label in (band.category, band.zone, band.opinion, band.predikat, band.quality):
        if label is not None:
            found.append(label)
            found.append(label.value if isinstance(label, (Category, Zone)) else label.upper())
    del rule_set
    return found


def _lowest_band_named(rule_set: RuleSet, target: Category | Zone | Band | str) -> Band:
    if isinstance(target, Band):
        return target

    def names(b: Band) -> set[str]:
        labels = (b.category, b.zone, b.opinion, b.predikat, b.quality)
        return {
            (x.value if isinstance(x, (Category, Zone)) else x).casefold()
            for x in labels
            if x is not None
        }

    key = target.value if isinstance(target, (Category, Zone)) else target
    return min((b for b in rule_set.bands if key.casefold() in names(b)), key=lambda b: b.rank)


@given(year_and_score(), st.data())
def test_score_plus_gap_lands_exactly_on_the_targets_lower_bound(
    case: tuple[int, Score], data: st.DataObject
) -> None:
    year, score = case
    rule_set = rules_for(year)
    band = data.draw(st.sampled_from(rule_set.bands))
    target = data.draw(st.sampled_from(_targets(rule_set, band)))
    gap = gap_to(score, year, target)
    lowest = _lowest_band_named(rule_set, target)
    assert gap.target == lowest
    assert gap.target_score == lowest.lower
    assert gap.points >= 0
    assert gap.points.as_tuple().exponent == -2
    if gap.points > 0:
        assert score + gap.points == lowest.lower.value
        assert classify(Score(score + gap.points), year).band.rank >= lowest.rank
        assert classify(Score(score + gap.points - Decimal("0.01")), year).band.rank < lowest.rank


@given(year_and_score(), st.data())
def test_the_gap_is_zero_exactly_when_already_in_the_target(
    case: tuple[int, Score], data: st.DataObject
) -> None:
    year, score = case
    rule_set = rules_for(year)
    band = data.draw(st.sampled_from(rule_set.bands))
    target = data.draw(st.sampled_from(_targets(rule_set, band)))
    gap = gap_to(score, year, target)
    at_or_above = classify(score, year).band.rank >= _lowest_band_named(rule_set, target).rank
    assert (gap.points == 0) is at_or_above
    assert gap.reached is at_or_above


@given(year_and_score())
def test_the_next_tier_is_one_band_up(case: tuple[int, Score]) -> None:
    year, score = case
    rule_set = rules_for(year)
    current = rule_set.band_for(score)
    gap = gap_to_next_tier(score, year)
    if current.rank == len(rule_set.bands) - 1:
        assert gap is None
        return
    assert gap is not None
    assert gap.target == rule_set.bands[current.rank + 1]
    assert gap.points > 0
    assert score + gap.points == gap.target.lower.value
    assert classify(gap.target.lower, year).band == gap.target
    assert gap_to(score, year, gap.target) == gap


# --- points_to_rank ----------------------------------------------------------------------


def _ntb_2023() -> Ranking:
    found = [  # NTB 2023 (nusramedia.com)
        Assessment(regions.pemda("Kabupaten Bima"), 2023, "86.65"),
        Assessment(regions.pemda("Kota Bima"), 2023, "83.90"),
        Assessment(regions.pemda("Kota Mataram"), 2023, "82.88"),
        Assessment(regions.pemda("Kabupaten Lombok Timur"), 2023, "82.17"),
        Assessment(regions.pemda("Kabupaten Lombok Barat"), 2023, "80.07"),
        Assessment(regions.pemda("Kabupaten Sumbawa"), 2023, "80.06"),
        Assessment(regions.pemda("Kabupaten Sumbawa Barat"), 2023, "78.23"),
    ]
    return rank(found, Provincial(NTB))


def test_points_to_rank_on_a_real_provincial_ranking() -> None:
    ranking = _ntb_2023()
    sumbawa = regions.pemda("Kabupaten Sumbawa")
    assert points_to_rank(ranking, sumbawa, 5) == Decimal("0.01")  # tie Lombok Barat 80.07
    assert points_to_rank(ranking, sumbawa, 5, beat=True) == Decimal("0.02")
    assert points_to_rank(ranking, sumbawa, 1) == Decimal("6.59")
    assert points_to_rank(ranking, sumbawa, 6) == Decimal("0.00")
    assert points_to_rank(ranking, sumbawa, 7, beat=True) == Decimal("0.00")
    assert points_to_rank(ranking, regions.pemda("Kabupaten Bima"), 1) == Decimal("0.00")


def test_points_to_rank_with_each_tie_mode() -> None:
    found = [
        Assessment(regions.pemda("Kota Kendari"), 2022, "58.99"),  # 74.71
        Assessment(regions.pemda("Kota Baubau"), 2022, "58.99"),  # 74.72
        Assessment(regions.pemda("Kabupaten Bombana"), 2022, "65.54"),
        Assessment(regions.pemda("Kabupaten Muna Barat"), 2022, "50.00"),
    ]
    sultra = Provincial(regions.province("Sultra"))
    baubau, kendari = regions.pemda("Kota Baubau"), regions.pemda("Kota Kendari")
    mubar = MUNA_BARAT
    by_min = rank(found, sultra)
    assert [e.rank for e in by_min] == [1, 2, 2, 4]
    assert points_to_rank(by_min, mubar, 2) == Decimal("8.99")
    assert points_to_rank(by_min, mubar, 3) == Decimal("8.99")  # no one is 3rd: tie the 2nd
    by_dense = rank(found, sultra, ties="dense")
    assert [e.rank for e in by_dense] == [1, 2, 2, 3]
    assert points_to_rank(by_dense, mubar, 2) == Decimal("8.99")
    assert points_to_rank(by_dense, mubar, 1) == Decimal("15.54")
    by_ordinal = rank(found, sultra, ties="ordinal")
    assert points_to_rank(by_ordinal, baubau, 2) == Decimal("0.01")  # Kendari's code is first
    assert points_to_rank(by_ordinal, kendari, 2) == Decimal("0.00")
    # Muna Barat (74.13) comes before Kendari (74.71) and Baubau (74.72) on a tie.
    assert points_to_rank(by_ordinal, mubar, 3) == Decimal("8.99")
    assert points_to_rank(by_ordinal, mubar, 2) == Decimal("8.99")
    assert points_to_rank(by_ordinal, baubau, 2, beat=True) == Decimal("0.01")


def test_points_to_rank_beyond_the_top_of_the_scale_raises() -> None:
    found = [
        Assessment(regions.pemda("Kabupaten Bima"), 2023, "100.00"),
        Assessment(regions.pemda("Kota Bima"), 2023, "83.90"),
    ]
    ranking = rank(found, Provincial(NTB))
    kota_bima = regions.pemda("Kota Bima")
    assert points_to_rank(ranking, kota_bima, 1) == Decimal("16.10")
    with pytest.raises(NotApplicableError, match=r"more than 100\.00"):
        points_to_rank(ranking, kota_bima, 1, beat=True)


def test_points_to_rank_errors() -> None:
    ranking = _ntb_2023()
    sumbawa = regions.pemda("Kabupaten Sumbawa")
    for bad_rank in (0, 8, -1, True, 1.0, "1", None):
        with pytest.raises(InvalidArgumentError) as info:
            points_to_rank(ranking, sumbawa, bad_rank)  # type: ignore[arg-type]
        assert info.value.argument == "rank"
    with pytest.raises(InvalidArgumentError) as bad_beat:
        points_to_rank(ranking, sumbawa, 1, beat=1)  # type: ignore[arg-type]
    assert bad_beat.value.argument == "beat"
    with pytest.raises(InvalidArgumentError) as not_ranking:
        points_to_rank([], sumbawa, 1)  # type: ignore[arg-type]
    assert not_ranking.value.argument == "ranking"
    with pytest.raises(OutOfScopeError):
        points_to_rank(ranking, MUNA_BARAT, 1)
    with pytest.raises(OutOfScopeError):
        points_to_rank(ranking, regions.pemda("Kabupaten Dompu"), 1)
    with pytest.raises(InvalidArgumentError):
        points_to_rank(ranking, None, 1)  # type: ignore[arg-type]


def _with_score(ranking: Ranking, index: int, score: Score) -> list[Assessment]:
    found = list(ranking.assessments)
    found[index] = attrs.evolve(found[index], score=score)
    return found


@given(ops.rankings(min_size=1, max_size=15), st.data(), st.booleans())
def test_points_to_rank_applied_to_the_entity_reaches_that_rank(
    ranking: Ranking, data: st.DataObject, beat: bool
) -> None:
    n = len(ranking)
    index = data.draw(st.integers(0, n - 1))
    target = data.draw(st.integers(1, n))
    entry = ranking.entries[index]
    top = rules_for(entry.assessment.year).scale_max
    try:
        points = points_to_rank(ranking, entry.entity, target, beat=beat)
    except NotApplicableError:
        # Only passing (or an ordinal tie lost on sort_key) can need more than the top,
        # and only when another entry is already there.
        assert beat or ranking.ties == "ordinal"
        assert entry.rank > target
        assert any(e.score == top for e in ranking if e is not entry)
        return
    assert points >= 0
    assert (points == 0) is (entry.rank <= target)
    if points == 0:
        return
    raised = Score(entry.score + points)
    assert raised <= top
    again = rank(_with_score(ranking, index, raised), ranking.scope, ties=ranking.ties)
    assert again.find(entry.entity).rank <= target
    if not beat:  # the fewest points: 0.01 less does not reach the rank
        short = Score(raised - Decimal("0.01"))
        before = rank(_with_score(ranking, index, short), ranking.scope, ties=ranking.ties)
        assert before.find(entry.entity).rank > target


@given(ops.rankings(min_size=1, max_size=15), st.data())
def test_beating_costs_at_most_one_hundredth_more_than_tying(
    ranking: Ranking, data: st.DataObject
) -> None:
    entry = ranking.entries[data.draw(st.integers(0, len(ranking) - 1))]
    target = data.draw(st.integers(1, len(ranking)))
    top = rules_for(entry.assessment.year).scale_max.value
    try:
        tie = points_to_rank(ranking, entry.entity, target)
    except NotApplicableError:
        # Under "ordinal" a tie at the top can be lost on sort_key: passing is impossible too.
        assert ranking.ties == "ordinal"
        tie = None
    try:
        beat = points_to_rank(ranking, entry.entity, target, beat=True)
    except NotApplicableError:
        assert tie is None or entry.score + tie == top
        return
    assert tie is not None
    if tie == 0:
        assert beat == 0
    elif ranking.ties == "ordinal":
        assert beat - tie in (Decimal("0.00"), Decimal("0.01"))
    else:
        assert beat - tie == Decimal("0.01")


def test_points_to_rank_under_dense_ties_aim_at_the_distinct_score() -> None:
    """Dense ranks count distinct scores: rank 2 is the second distinct score, not entry 2."""
    names = ("Kabupaten Tuban", "Kabupaten Mukomuko", "Kabupaten Muna Barat", "Kabupaten Bima")
    scores_ = ("95.00", "95.00", "90.00", "85.00")
    items = [Assessment(regions.pemda(n), 2023, s) for n, s in zip(names, scores_, strict=True)]
    ranking = rank(items, National(PemdaKind.KABUPATEN), ties="dense")
    bima = regions.pemda("Kabupaten Bima")
    assert [e.rank for e in ranking] == [1, 1, 2, 3]
    assert points_to_rank(ranking, bima, 2) == Decimal("5.00")
    assert points_to_rank(ranking, bima, 2, beat=True) == Decimal("5.01")
    assert points_to_rank(ranking, bima, 1) == Decimal("10.00")


def test_points_to_rank_in_a_national_ranking() -> None:
    found = [
        Assessment(regions.pemda("Kabupaten Tuban"), 2023, "97.44"),
        Assessment(regions.pemda("Kabupaten Mukomuko"), 2023, "90.02"),
        Assessment(MUNA_BARAT, 2023, "81.84"),
    ]
    ranking = rank(found, National(MUNA_BARAT.kind))
    assert points_to_rank(ranking, MUNA_BARAT, 2) == Decimal("8.18")
    assert points_to_rank(ranking, MUNA_BARAT, 1) == Decimal("15.60")


def test_gaps_read_the_real_value_of_subclasses() -> None:
    from fuzz_junk import LyingDecimal, RaisingDecimal, RaisingInt, RaisingStr

    assert gap_to_next_tier(RaisingStr("81.84"), RaisingInt(2023)) == gap_to_next_tier(
        "81.84", 2023
    )
    assert gap_to(RaisingDecimal("81.84"), 2023, RaisingStr("A")).points == Decimal("6.16")
    band = rules_for(2023).bands[4]
    gap = Gap(RaisingDecimal("6.16"), band, RaisingInt(2023), RaisingStr("A (Kualitas Tertinggi)"))
    assert (type(gap.points), type(gap.label), gap.year) == (Decimal, str, 2023)
    assert str(gap) == "6.16 points to A (Kualitas Tertinggi)"
    with pytest.raises(InvalidArgumentError) as info:
        Gap(LyingDecimal("NaN"), band, 2023, "A")
    assert info.value.argument == "Gap.points"
