"""plan(): fewest or cheapest steps, proven against brute force on small instruments."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opinipp.errors import InvalidArgumentError, NotApplicableError
from opinipp.instruments import Instrument, instrument_for, plan, simulate
from opinipp.rules import rules_for
from opinipp.strategies import indicator_values, instruments

TARGETS = ("A", "B", "C", "hijau", "kuning", "Kualitas Tertinggi")


def brute_force(
    instrument: Instrument, values: dict[str, int], target: str, costs: dict[str, int] | None
) -> tuple[Any, ...] | None:
    """The best (cost, -unrounded, key) over every raise vector, or None."""
    lower = rules_for(2023).target(target)[0].lower
    codes = [i.code for i in instrument.indicators]
    ranges = []
    for i in instrument.indicators:
        assert i.scale is not None
        room = i.scale.high - values[i.code]
        if costs is not None and i.code not in costs:
            room = 0
        ranges.append(range(room + 1))
    best = None
    for vector in itertools.product(*ranges):
        raised = {c: values[c] + k for c, k in zip(codes, vector, strict=True)}
        s = simulate(instrument, raised, assume_equal_weights=True)
        if s.score < lower:
            continue
        cost = sum(
            k * (1 if costs is None else costs.get(c, 0))
            for c, k in zip(codes, vector, strict=True)
        )
        entry = (cost, -s.unrounded, tuple(-k for k in vector))
        if best is None or entry < best:
            best = entry
    return best


@st.composite
def cases(draw: st.DrawFn) -> tuple[Instrument, dict[str, int], str, dict[str, int] | None]:
    instrument = draw(instruments(min_indicators=2, max_indicators=4, max_points=3))
    assert isinstance(instrument, Instrument)
    values = draw(indicator_values(instrument))
    target = draw(st.sampled_from(TARGETS))
    costs = None
    if draw(st.booleans()):
        codes = [i.code for i in instrument.indicators]
        costs = {c: draw(st.integers(0, 5)) for c in codes if draw(st.integers(0, 4))}
    return instrument, values, target, costs


@settings(max_examples=max(50, settings().max_examples // 2))
@given(cases())
def test_plan_is_optimal_against_brute_force(case: tuple[Any, ...]) -> None:
    instrument, values, target, costs = case
    result = plan(instrument, values, target, costs=costs, assume_equal_weights=True)
    start = simulate(instrument, values, assume_equal_weights=True)
    lower = rules_for(2023).target(target)[0].lower
    best = brute_force(instrument, values, target, costs)
    if start.score >= lower:
        assert result.status == "already"
        assert result.steps == ()
        return
    if best is None:
        assert result.status == "unreachable"
        assert result.end.score < lower
        return
    assert result.status == "reached"
    raised = {i.code: 0 for i in instrument.indicators}
    for step in result.steps:
        raised[step.code] += 1
    cost = sum(k * (1 if costs is None else costs.get(c, 0)) for c, k in raised.items())
    key = tuple(-raised[i.code] for i in instrument.indicators)
    assert (cost, -result.end.unrounded, key) == best
    assert result.end.score >= lower
    if costs is not None:
        assert result.total_cost == Decimal(cost)
    assert (
        sum((s.points for s in result.steps), Decimal(0)) == result.end.score - result.start.score
    )


def test_muna_barat_like_values_to_a_in_2023() -> None:
    instrument = instrument_for(2023)
    values = {i.code: 2 for i in instrument.indicators}
    result = plan(instrument, values, "A", assume_equal_weights=True)
    assert str(result.start.score) == "66.67"
    assert result.status == "reached"
    assert len(result.steps) == 18
    assert str(result.end.score) == "88.79"
    assert [s.code for s in result.steps[:5]] == ["OUT-01", "OUT-02", "OUT-03", "OUT-04", "OUT-05"]
    assert result.steps[0].points == Decimal("1.61")
    assert plan(instrument, values, "A", assume_equal_weights=True) == result


def test_already_and_unreachable_are_distinct() -> None:
    instrument = instrument_for(2023)
    top = {i.code: 3 for i in instrument.indicators}
    assert plan(instrument, top, "A", assume_equal_weights=True).status == "already"
    low = {i.code: 0 for i in instrument.indicators}
    only_pr01 = {"PR-01": 1}
    result = plan(instrument, low, "A", costs=only_pr01, assume_equal_weights=True)
    assert result.status == "unreachable"
    assert result.steps == ()
    assert str(result.end.score) == "2.94"


def test_cheapest_plan_prefers_cheap_steps() -> None:
    instrument = instrument_for(2023)
    values = {i.code: 2 for i in instrument.indicators}
    costs = {i.code: 1 for i in instrument.indicators}
    costs.update({f"OUT-0{n}": 100 for n in range(1, 6)})
    result = plan(instrument, values, "A", costs=costs, assume_equal_weights=True)
    assert result.status == "reached"
    assert not any(s.code.startswith("OUT") for s in result.steps)
    assert result.total_cost == Decimal(len(result.steps))


def test_plan_needs_rules_and_known_weights() -> None:
    i2026 = instrument_for(2026)
    values = {i.code: 1 for i in i2026.indicators}
    with pytest.raises(NotApplicableError, match="rules_year"):
        plan(i2026, values, "A", kepercayaan_masyarakat=50, assume_equal_weights=True)
    borrowed = plan(
        i2026,
        values,
        "Kualitas Tertinggi",
        kepercayaan_masyarakat=50,
        assume_equal_weights=True,
        rules_year=2025,
    )
    assert borrowed.rules_year == 2025
    assert borrowed.start.borrowed
    with pytest.raises(NotApplicableError, match="IN-02"):
        plan(instrument_for(2023), {i.code: 1 for i in instrument_for(2023).indicators}, "A")
    with pytest.raises(InvalidArgumentError, match="costs"):
        plan(
            instrument_for(2023),
            {i.code: 1 for i in instrument_for(2023).indicators},
            "A",
            costs={"PR-01": -1},
            assume_equal_weights=True,
        )
