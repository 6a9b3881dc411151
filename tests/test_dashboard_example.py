"""The example of docs/strategies.md: a dashboard's badge colour, tested with opinipp.strategies.

The first half is application code as a provincial dashboard might hold it: its own copy of
the zone thresholds, written as the news prints them. The second half tests it against
opinipp, on every kind of score and on every band edge, with the public strategies.
"""

# ruff: noqa: E402 - the tests follow the application code they test, as on the page

from __future__ import annotations

# --- the dashboard ------------------------------------------------------------------------

GREEN, YELLOW, RED, GREY = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e"

# The lowest score that is hijau, and the lowest that is kuning, per regime (first and last
# assessment year). From 2025 the Opini Ombudsman has no colour zones: the badge is grey.
ZONE_THRESHOLDS = {
    (2015, 2015): (61, 39),  # PerOmbudsman 17/2015, on a 0–75 scale
    (2016, 2021): (81, 51),
    (2022, 2024): (78, 54),  # categories A and B are hijau, C is kuning
}


def badge_colour(score: float, year: int) -> str:
    """The colour of a Pemda's badge for its published score."""
    for (first, last), (hijau, kuning) in ZONE_THRESHOLDS.items():
        if first <= year <= last:
            if score >= hijau:
                return GREEN
            if score >= kuning:
                return YELLOW
            return RED
    return GREY


# --- its tests ----------------------------------------------------------------------------

from hypothesis import given
from hypothesis import strategies as st

from opinipp import Assessment, Zone, classify
from opinipp.strategies import assessments, boundary_scores, years

COLOUR_OF_ZONE = {Zone.HIJAU: GREEN, Zone.KUNING: YELLOW, Zone.MERAH: RED, None: GREY}


@given(assessments())
def test_the_badge_colour_matches_the_zone(assessment: Assessment) -> None:
    score, year = assessment.score, assessment.year
    assert score is not None  # strategies always give a score
    expected = COLOUR_OF_ZONE[classify(score, year).zone]
    assert badge_colour(float(score), year) == expected


@given(st.data())
def test_the_badge_colour_is_right_on_every_band_edge(data: st.DataObject) -> None:
    year = data.draw(years(), label="year")
    score = data.draw(boundary_scores(year), label="score")  # 77.99, 78.00, 78.01, …
    expected = COLOUR_OF_ZONE[classify(score, year).zone]
    assert badge_colour(float(score), year) == expected


# --- not shown on the page: the edge test does catch an off-by-one threshold ----------------


def test_the_edge_test_catches_a_strict_threshold() -> None:
    import pytest

    def strict_colour(score: float, year: int) -> str:
        hijau = next((h for (a, b), (h, _) in ZONE_THRESHOLDS.items() if a <= year <= b), None)
        if hijau is not None and score == hijau:  # ">" where ">=" was meant
            return YELLOW
        return badge_colour(score, year)

    @given(st.data())
    def edges(data: st.DataObject) -> None:
        year = data.draw(years(with_zones=True))
        score = data.draw(boundary_scores(year))
        assert strict_colour(float(score), year) == COLOUR_OF_ZONE[classify(score, year).zone]

    with pytest.raises(AssertionError):
        edges()
