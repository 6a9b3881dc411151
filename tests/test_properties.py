"""Project-wide invariants, stated as properties over the public strategies.

Every test draws its data from :mod:`opinipp.strategies` only, so these are also the tests
of record that the strategies produce what the rest of the library accepts.
"""

from __future__ import annotations

import io
from decimal import Decimal
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from opinipp import regions
from opinipp.assessments import Assessment
from opinipp.entities import PemdaKind
from opinipp.errors import NotApplicableError
from opinipp.gaps import gap_to, gap_to_next_tier, points_to_rank
from opinipp.ranking import National, RankedEntry, Ranking, rank
from opinipp.rules import Band, Category, RuleSet, Zone, rules_for
from opinipp.scores import Score
from opinipp.serialization import (
    assessments_from_json,
    assessments_to_json,
    from_json,
    read_csv,
    to_json,
    write_csv,
)
from opinipp.strategies import (
    assessment_sets,
    assessments,
    boundary_scores,
    grades,
    rankings,
    rule_sets,
    scores,
    years,
)
from opinipp.zoning import Grade, classify, pemda_score, score_from_dimensions

# --- zoning -------------------------------------------------------------------------------


@st.composite
def year_and_score(draw: st.DrawFn) -> tuple[int, Score]:
    """A year and a score on that year's scale, band edges drawn often."""
    year = draw(years())
    top = rules_for(year).scale_max
    return year, draw(st.one_of(boundary_scores(year), scores(max_value=top)))


@given(year_and_score(), st.data())
def test_a_higher_score_never_gets_a_lower_band_zone_or_category(
    year_score: tuple[int, Score], data: st.DataObject
) -> None:
    """Bands are ordered: a higher score lands in the same band or a higher one."""
    year, low = year_score
    high = data.draw(scores(min_value=low, max_value=rules_for(year).scale_max))
    lower, upper = classify(low, year), classify(high, year)
    assert lower.rank <= upper.rank
    if lower.zone is not None and upper.zone is not None:
        assert lower.zone.rank() <= upper.zone.rank()
    if lower.category is not None and upper.category is not None:
        assert lower.category.rank() <= upper.category.rank()


@given(year_and_score())
def test_every_score_lies_in_exactly_one_band(year_score: tuple[int, Score]) -> None:
    """Bands are contiguous with inclusive lower bounds: 87.99 is B, 88.00 is A."""
    year, score = year_score
    rule_set = rules_for(year)
    holding = [b for b in rule_set.bands if b.contains(score)]
    assert len(holding) == 1
    grade = classify(score, year)
    assert holding == [grade.band] == [rule_set.band_for(score)]
    assert grade.band.lower <= score <= grade.band.upper


@given(boundary_scores(2023))
def test_the_inclusive_lower_bound_is_the_first_score_of_a_band(score: Score) -> None:
    """DOMAIN.md §2.3, §10: the band of a lower bound starts there; 0.01 below is the band below."""
    band = classify(score, 2023).band
    if score == band.lower and band.rank > 0:
        below = Score.from_hundredths(score.hundredths - 1)
        assert classify(below, 2023).rank == band.rank - 1


_ZONE_OF_CATEGORY = {
    Category.A: Zone.HIJAU,
    Category.B: Zone.HIJAU,
    Category.C: Zone.KUNING,
    Category.D: Zone.MERAH,
    Category.E: Zone.MERAH,
}


@given(grades(year=years(with_categories=True)))
def test_the_zone_follows_the_category(grade: Grade) -> None:
    """DOMAIN.md §0: A and B are hijau, C is kuning, D and E are merah (2022–2024)."""
    assert grade.category is not None
    assert grade.zone is _ZONE_OF_CATEGORY[grade.category]


@given(grades())
def test_a_grade_carries_exactly_the_labels_its_year_uses(grade: Grade) -> None:
    rule_set = grade.rule_set
    assert (grade.zone is not None) == rule_set.has_zones
    assert (grade.category is not None) == rule_set.has_categories
    assert grade.label
    if grade.tanpa_maladministrasi:
        assert grade.opinion is not None
        assert grade.opinion.endswith("Tanpa Maladministrasi")


@given(assessments())
def test_an_assessment_grade_is_classify(a: Assessment) -> None:
    assert a.score is not None
    assert a.grade == classify(a.score, a.year, tanpa_maladministrasi=a.tanpa_maladministrasi)


@given(rule_sets())
def test_bands_are_contiguous_from_zero_to_the_top(rule_set: RuleSet) -> None:
    bands = rule_set.bands
    assert bands[0].lower == Score(0)
    assert bands[-1].upper == rule_set.scale_max
    for below, above in pairwise(bands):
        assert above.lower.hundredths == below.upper.hundredths + 1
        assert above.rank == below.rank + 1


@given(years(min_value=2022), st.lists(scores(), min_size=1, max_size=8))
def test_a_pemda_score_is_the_rounded_mean_of_its_units(year: int, units: list[Score]) -> None:
    """DOMAIN.md §4: the mean of the unit scores, rounded half-up, 2022 on."""
    result = pemda_score(units, year)
    assert min(units) <= result <= max(units)
    mean = sum((u.value for u in units), Decimal(0)) / len(units)
    assert abs(result.value - mean) <= Decimal("0.005")


@given(years(min_value=2022, max_value=2023), st.lists(scores(), min_size=4, max_size=4))
def test_weighted_dimensions_stay_between_the_lowest_and_highest(
    year: int, values: list[Score]
) -> None:
    """DOMAIN.md §3: the 2022–2023 weights sum to 100, so the total is a weighted mean."""
    dimensions = dict(zip(("input", "proses", "output", "pengaduan"), values, strict=True))
    total = score_from_dimensions(dimensions, year)
    assert min(values) <= total <= max(values)


# --- gaps ---------------------------------------------------------------------------------


@given(year_and_score())
def test_the_gap_to_the_next_tier_lands_on_its_lower_bound(year_score: tuple[int, Score]) -> None:
    year, score = year_score
    gap = gap_to_next_tier(score, year)
    grade = classify(score, year)
    if gap is None:
        assert grade.band is rules_for(year).bands[-1]
        return
    assert gap.points > 0
    assert score + gap.points == gap.target.lower.value
    assert gap.target.rank == grade.rank + 1
    assert classify(gap.target.lower, year).band == gap.target


@given(year_and_score(), st.data())
def test_a_gap_is_zero_exactly_when_the_target_is_reached(
    year_score: tuple[int, Score], data: st.DataObject
) -> None:
    year, score = year_score
    target: Band = data.draw(st.sampled_from(rules_for(year).bands))
    gap = gap_to(score, year, target)
    assert gap.points >= 0
    assert (gap.points == 0) == (score >= target.lower) == gap.reached
    if gap.points:
        assert score + gap.points == target.lower.value
        assert classify(target.lower, year).rank == target.rank


# --- rankings -----------------------------------------------------------------------------


def _score_of(a: Assessment) -> Score:
    assert a.score is not None
    return a.score


@given(rankings())
def test_a_ranking_is_a_permutation_sorted_by_score(ranking: Ranking) -> None:
    entries = list(ranking)
    scores_ = [e.score for e in entries]
    assert scores_ == sorted(scores_, reverse=True)
    assert len({e.entity for e in entries}) == len(entries) == ranking.of
    assert all(e.of == ranking.of for e in entries)
    assert all(ranking.scope.admits(e.entity) for e in entries)
    assert all(e.entity in ranking and ranking.find(e.entity) == e for e in entries)


@given(rankings(), st.randoms(use_true_random=False))
def test_a_ranking_does_not_depend_on_the_order_of_its_input(
    ranking: Ranking, random: object
) -> None:
    items = [e.assessment for e in ranking]
    random.shuffle(items)  # type: ignore[attr-defined]
    again = rank(items, ranking.scope, ties=ranking.ties)
    assert [(e.rank, e.assessment) for e in again] == [(e.rank, e.assessment) for e in ranking]


@given(rankings(ties="min"))
def test_min_ties_count_the_entries_strictly_ahead(ranking: Ranking) -> None:
    """Competition ranking (1224): a rank is one more than the number of higher scores."""
    entries = list(ranking)
    for entry in entries:
        ahead = sum(other.score > entry.score for other in entries)
        assert entry.rank == ahead + 1


@given(rankings(ties="dense"))
def test_dense_ties_count_the_distinct_scores_ahead(ranking: Ranking) -> None:
    entries = list(ranking)
    for entry in entries:
        assert entry.rank == len({o.score for o in entries if o.score > entry.score}) + 1


@given(rankings(ties="ordinal"))
def test_ordinal_ranks_are_one_to_n_with_ties_in_sort_key_order(ranking: Ranking) -> None:
    entries = list(ranking)
    assert [e.rank for e in entries] == list(range(1, len(entries) + 1))
    for first, second in pairwise(entries):
        if first.score == second.score:
            assert first.entity.sort_key <= second.entity.sort_key


def _rank_with(ranking: Ranking, entry: RankedEntry, score: Score) -> int:
    """The entry's rank once its score is changed to ``score``, the others unchanged."""
    others = [e.assessment for e in ranking if e is not entry]
    moved = Assessment(entry.entity, entry.assessment.year, score)
    return rank([*others, moved], ranking.scope, ties=ranking.ties).find(entry.entity).rank


@given(rankings(min_size=1), st.data())
def test_points_to_rank_are_enough_and_no_more(ranking: Ranking, data: st.DataObject) -> None:
    entries = list(ranking)
    entry = data.draw(st.sampled_from(entries))
    target = data.draw(st.integers(1, len(entries)))
    beat = data.draw(st.booleans())
    try:
        points = points_to_rank(ranking, entry.entity, target, beat=beat)
    except NotApplicableError:
        # Only passing (or an ordinal tie lost on sort_key) can need more than the top.
        assert beat or ranking.ties == "ordinal"
        top = rules_for(entry.assessment.year).scale_max
        assert any(e.score == top for e in entries if e is not entry)
        return
    assert points >= 0
    assert (points == 0) == (entry.rank <= target)
    reached = Score(entry.score + points)
    assert _rank_with(ranking, entry, reached) <= target
    if points > 0 and not beat:
        short = Score.from_hundredths(reached.hundredths - 1)
        assert _rank_with(ranking, entry, short) > target


@given(rankings(min_size=1), st.data())
def test_passing_costs_at_most_one_hundredth_more_than_tying(
    ranking: Ranking, data: st.DataObject
) -> None:
    entries = list(ranking)
    entry = data.draw(st.sampled_from(entries))
    target = data.draw(st.integers(1, len(entries)))
    top = rules_for(entry.assessment.year).scale_max.value
    try:
        tie = points_to_rank(ranking, entry.entity, target)
    except NotApplicableError:
        # Under "ordinal" a tie at the top can be lost on sort_key: passing is impossible too.
        assert ranking.ties == "ordinal"
        tie = None
    try:
        passing = points_to_rank(ranking, entry.entity, target, beat=True)
    except NotApplicableError:
        assert tie is None or entry.score + tie == top
        return
    assert tie is not None
    assert passing - tie in (Decimal(0), Decimal("0.01"))
    assert (passing == 0) == (tie == 0)


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


# --- serialization ------------------------------------------------------------------------


@given(assessment_sets())
def test_json_round_trip_keeps_every_assessment(items: tuple[Assessment, ...]) -> None:
    assert assessments_from_json(assessments_to_json(items)) == items


@given(assessments())
def test_json_round_trip_of_one_assessment(a: Assessment) -> None:
    assert from_json(to_json(a), Assessment) == a


@given(grades())
def test_json_round_trip_of_a_grade(grade: Grade) -> None:
    assert from_json(to_json(grade), Grade) == grade


@given(assessment_sets())
def test_csv_round_trip_keeps_every_assessment(items: tuple[Assessment, ...]) -> None:
    out = io.StringIO()
    write_csv(items, out)
    assert read_csv(io.StringIO(out.getvalue())) == items
