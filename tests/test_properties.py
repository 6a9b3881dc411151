"""Project-wide invariants, stated as properties over the public strategies.

Every test draws its data from :mod:`opinipp.strategies` only, so these are also the tests
of record that the strategies produce what the rest of the library accepts. The properties of
rankings and gaps are in ``test_ranking.py`` and ``test_gaps.py``.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from opinipp.rules import Category, RuleSet, Zone, rules_for
from opinipp.scores import Score
from opinipp.strategies import (
    assessments,
    boundary_scores,
    grades,
    rule_sets,
    scores,
    years,
)
from opinipp.zoning import Grade, classify, pemda_score, score_from_dimensions
from year_scores import year_and_score

if TYPE_CHECKING:
    from opinipp.assessments import Assessment

# --- zoning -------------------------------------------------------------------------------


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
    assert (grade.zone, grade.category) == (grade.band.zone, grade.band.category)


@given(boundary_scores(2023))
def test_the_inclusive_lower_bound_is_the_first_score_of_a_band(score: Score) -> None:
    """Inclusive lower bounds: a band starts at its lower bound; 0.01 below is the band below."""
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
    """A and B are hijau, C is kuning, D and E are merah (2022–2024)."""
    assert grade.category is not None
    assert grade.zone is _ZONE_OF_CATEGORY[grade.category]


@given(grades())
def test_a_grade_carries_exactly_the_labels_its_year_uses(grade: Grade) -> None:
    rule_set = grade.rule_set
    assert (grade.zone is not None) == rule_set.has_zones
    assert (grade.category is not None) == rule_set.has_categories
    assert grade.label
    assert grade.quality == grade.band.quality
    if grade.opinion is None:
        assert grade.band.opinion is None
        assert not grade.tanpa_maladministrasi
    else:
        qualified = grade.tanpa_maladministrasi is True
        assert grade.opinion.endswith("Tanpa Maladministrasi") is qualified


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


@given(years(min_value=2022), st.lists(scores(), min_size=1, max_size=12))
def test_a_pemda_score_is_the_rounded_mean_of_its_units(year: int, units: list[Score]) -> None:
    """A Pemda's score: the mean of the unit scores, rounded half-up, 2022 on."""
    result = pemda_score(units, year)
    # Half-up on whole hundredths, in integers: floor(total / n + 1/2).
    total, n = sum(u.hundredths for u in units), len(units)
    assert result.hundredths == (2 * total + n) // (2 * n)
    assert min(units) <= result <= max(units)


@given(years(min_value=2022, max_value=2023), st.lists(scores(), min_size=4, max_size=4))
def test_weighted_dimensions_stay_between_the_lowest_and_highest(
    year: int, values: list[Score]
) -> None:
    """The 2022–2023 weights sum to 100, so the total is a weighted mean."""
    dimensions = dict(zip(("input", "proses", "output", "pengaduan"), values, strict=True))
    total = score_from_dimensions(dimensions, year)
    assert min(values) <= total <= max(values)
