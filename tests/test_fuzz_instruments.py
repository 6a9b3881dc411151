"""Fuzz the public callables of opinipp.instruments: junk raises only documented errors."""

from __future__ import annotations

import inspect
import io
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opinipp.instruments as ins
from fuzz_junk import HOSTILE, fuzz_examples, resolve
from opinipp.errors import OpinippError

FUZZ = settings(
    max_examples=fuzz_examples(),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.just(math.nan),
    st.text(max_size=20),
    st.lists(st.integers(-3, 5), max_size=3),
    st.dictionaries(st.text(max_size=6), st.integers(-3, 5), max_size=3),
    st.sampled_from(["A", "hijau", "IN-01", "PR-01", "2023", "", "x" * 500]),
    st.sampled_from(HOSTILE),  # NumPy, pandas and hostile values, shown by their label
)
MAX_MESSAGE = 2_000
"""The longest str or repr of an error, whatever the input."""

I2023 = ins.instrument_for(2023)
I2026 = ins.instrument_for(2026)
V2023 = {i.code: 1 for i in I2023.indicators}

# name -> (callable, valid args, valid kwargs)
ENTRIES: dict[str, tuple[Any, tuple[Any, ...], dict[str, Any]]] = {
    "instrument_for": (ins.instrument_for, (2023,), {}),
    "simulate": (ins.simulate, (I2023, V2023), {"assume_equal_weights": True}),
    "compose_score": (
        ins.compose_score,
        (I2023, {"input": 1, "proses": 2, "output": 3, "pengaduan": 4}),
        {},
    ),
    "plan": (ins.plan, (I2023, V2023, "A"), {"assume_equal_weights": True}),
    "readiness": (ins.readiness, (I2026, {"IN-01": [1]}), {}),
    "read_values": (ins.read_values, (io.StringIO("indicator_code,value\n"), I2023), {}),
    "read_costs": (ins.read_costs, (io.StringIO("indicator_code,cost\n"), I2023), {}),
    "read_evidence": (
        ins.read_evidence,
        (io.StringIO("indicator_code,evidence,present\n"), I2026),
        {},
    ),
    "read_weights": (ins.read_weights, (io.StringIO("{}"), I2023), {}),
    "read_instrument": (
        ins.read_instrument,
        (io.StringIO("dimension\n"),),
        {"years": [2023], "name": "x", "provenance": "y"},
    ),
    "Weight": (ins.Weight, ("10", ins.Provenance.OFFICIAL), {}),
    "Scale": (ins.Scale, (0, 3), {}),
    "Evidence": (ins.Evidence, (1, "x"), {}),
    "Indicator": (ins.Indicator, ("X", None, None), {}),
    "Variable": (ins.Variable, (None, ()), {}),
    "Dimension": (ins.Dimension, ("D", None, None, ()), {}),
}
NOT_FUZZED = {
    "instrument_years",
    "instruments",
    "Instrument",
    "Simulation",
    "Plan",
    "PlanStep",
    "Readiness",
    "DimensionReadiness",
    "IndicatorReadiness",
    "Provenance",
}


def test_every_public_callable_is_fuzzed() -> None:
    public = {
        n
        for n in ins.__all__
        if callable(getattr(ins, n)) and not inspect.ismodule(getattr(ins, n))
    }
    assert public - set(ENTRIES) - NOT_FUZZED == set()


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_junk_raises_only_documented_errors(name: str) -> None:
    function, args, kwargs = ENTRIES[name]
    slots = len(args) + len(kwargs)

    @FUZZ
    @given(st.integers(0, slots - 1), JUNK)
    def run(slot: int, junk: object) -> None:
        call_args = [io.StringIO(a.getvalue()) if isinstance(a, io.StringIO) else a for a in args]
        call_kwargs = dict(kwargs)
        if slot < len(call_args):
            call_args[slot] = resolve(junk)
        else:
            call_kwargs[list(kwargs)[slot - len(call_args)]] = resolve(junk)
        try:
            function(*call_args, **call_kwargs)
        except OpinippError as error:
            rendered = (str(error), repr(error))
            assert all(rendered)
            assert max(map(len, rendered)) <= MAX_MESSAGE

    run()
