"""simulate() and compose_score(): bounds, monotonicity, agreement with score_from_dimensions."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp.errors import InvalidArgumentError, NotApplicableError, RulesNotAvailableError
from opinipp.instruments import Instrument, compose_score, instrument_for, simulate
from opinipp.rules import Dimension as Key
from opinipp.scores import Score
from opinipp.strategies import indicator_values, instruments, scores
from opinipp.zoning import score_from_dimensions

SIMULATED = (2023, 2026)


@pytest.mark.parametrize("year", SIMULATED)
def test_top_gives_100_and_bottom_0(year: int) -> None:
    i = instrument_for(year)
    top = {x.code: x.scale.high for x in i.indicators if x.scale}
    bottom = {x.code: x.scale.low for x in i.indicators if x.scale}
    rules = 2025 if year == 2026 else None
    high = simulate(
        i,
        top,
        kepercayaan_masyarakat=100 if rules else None,
        assume_equal_weights=True,
        rules_year=rules,
    )
    assert high.score == Score("100.00")
    low = simulate(
        i,
        bottom,
        kepercayaan_masyarakat=0 if rules else None,
        assume_equal_weights=True,
        rules_year=rules,
    )
    assert low.score == Score("0.00")


@given(instruments(max_indicators=5), st.data())
def test_raising_an_indicator_never_lowers_the_score(
    instrument: Instrument, data: st.DataObject
) -> None:
    values = data.draw(indicator_values(instrument))
    code = data.draw(st.sampled_from([i.code for i in instrument.indicators]))
    scale = instrument.indicator(code).scale
    assert scale is not None
    raised = dict(values, **{code: min(values[code] + 1, scale.high)})
    before = simulate(instrument, values, assume_equal_weights=True)
    after = simulate(instrument, raised, assume_equal_weights=True)
    assert after.score >= before.score
    assert after.unrounded >= before.unrounded


@given(indicator_values(instrument_for(2023)))
def test_2023_combines_exactly_as_score_from_dimensions(values: dict[str, int]) -> None:
    s = simulate(instrument_for(2023), values, assume_equal_weights=True)
    by_key = {Key(d.lower()): v for d, v in s.dimension_scores.items()}
    assert s.score == score_from_dimensions(by_key, 2023)
    assert Score.rounded(s.unrounded) == s.score
    assert s.rules_year == 2023
    assert not s.borrowed


@given(st.fixed_dictionaries({k: scores() for k in Key}))
def test_compose_score_agrees_with_score_from_dimensions(dims: dict[Key, Score]) -> None:
    assert compose_score(instrument_for(2022), dims).score == score_from_dimensions(dims, 2022)


def test_dimension_scores_round_half_up_per_dimension() -> None:
    i = instrument_for(2023)
    values = {x.code: 0 for x in i.indicators} | {"PR-01": 1}
    s = simulate(i, values, assume_equal_weights=True)
    # PR-01 at 1/3 of one of 11 equal indicators: 100/33 = 3.0303… → 3.03
    assert s.dimension_scores["Proses"] == Score("3.03")
    assert s.unrounded == Fraction(3237 * 303, 100 * 10000)
    assert str(s.score) == "0.98"


def test_weights_unknown_raise_unless_assumed() -> None:
    i = instrument_for(2023)
    values = {x.code: 1 for x in i.indicators}
    with pytest.raises(NotApplicableError, match="IN-02") as caught:
        simulate(i, values)
    assert "assume_equal_weights=True" in str(caught.value)
    s = simulate(i, values, assume_equal_weights=True)
    assert any("Input: 14 of 15" in a for a in s.assumptions)
    assert "6.27 % each" in " ".join(s.assumptions)


def test_2026_graded_only_with_borrowed_rules() -> None:
    i = instrument_for(2026)
    values = {x.code: 3 for x in i.indicators}
    plain = simulate(i, values, kepercayaan_masyarakat="80", assume_equal_weights=True)
    assert plain.grade is None
    assert plain.rules_year is None
    assert str(plain.score) == "94.00"
    borrowed = simulate(
        i, values, kepercayaan_masyarakat="80", assume_equal_weights=True, rules_year=2025
    )
    assert borrowed.borrowed
    assert borrowed.grade is not None
    assert borrowed.grade.opinion == "Kualitas Tertinggi"
    assert any("borrowed" in a for a in borrowed.assumptions)
    assert "borrowed" in repr(borrowed)
    assert any("scale 0–3 assumed" in a for a in borrowed.assumptions)
    with pytest.raises(RulesNotAvailableError):
        simulate(i, values, kepercayaan_masyarakat="80", assume_equal_weights=True, rules_year=2020)
    with pytest.raises(InvalidArgumentError, match="kepercayaan_masyarakat"):
        simulate(i, values, assume_equal_weights=True)


def test_2025_composition_70_30_with_the_qualifier_apart() -> None:
    i = instrument_for(2025)
    dims = {"input": "90", "proses": "85", "output": "80", "pengaduan": "75"}
    s = compose_score(
        i, dims, kepercayaan_masyarakat="70", assume_equal_weights=True, tanpa_maladministrasi=True
    )
    # 0.7 × mean(90, 85, 80, 75) + 0.3 × 70 = 57.75 + 21 = 78.75
    assert s.score == Score("78.75")
    assert s.grade is not None
    assert s.grade.opinion == "Kualitas Tinggi Tanpa Maladministrasi"
    plain = compose_score(i, dims, kepercayaan_masyarakat="70", assume_equal_weights=True)
    assert plain.grade is not None
    assert plain.grade.opinion == "Kualitas Tinggi"
    with pytest.raises(NotApplicableError, match="compose_score"):
        simulate(i, {}, kepercayaan_masyarakat=70, assume_equal_weights=True)
    with pytest.raises(NotApplicableError):
        compose_score(i, dims, kepercayaan_masyarakat="70")


def test_bad_values() -> None:
    i = instrument_for(2023)
    values = {x.code: 1 for x in i.indicators}
    bad_values: list[dict[str, Any]] = [
        {**values, "PR-01": 4},
        {**values, "PR-01": True},
        {**values, "PR-01": 1.5},
    ]
    for bad in bad_values:
        with pytest.raises(InvalidArgumentError, match="PR-01"):
            simulate(i, bad, assume_equal_weights=True)
    with pytest.raises(InvalidArgumentError, match="missing"):
        simulate(i, {"PR-01": 1}, assume_equal_weights=True)
    with pytest.raises(InvalidArgumentError, match="XX"):
        simulate(i, {**values, "XX": 1}, assume_equal_weights=True)
    assert simulate(i, values, assume_equal_weights=True).score.value == Decimal("33.33")
