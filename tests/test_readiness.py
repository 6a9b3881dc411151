"""readiness(): required evidence per indicator and dimension, and the evidence file reader."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from opinipp.errors import InvalidArgumentError, InvalidDataError, NotApplicableError
from opinipp.instruments import (
    Dimension,
    Evidence,
    Indicator,
    Instrument,
    Provenance,
    Scale,
    Variable,
    Weight,
    instrument_for,
    read_evidence,
    readiness,
)


def test_nothing_present_counts_74_required() -> None:
    r = readiness(instrument_for(2026), {})
    assert (r.present, r.required, r.percent) == (0, 74, Decimal("0.00"))
    assert len(r.missing) == 74
    assert [c for c, _ in r.excluded] == ["OUT-01", "OUT-02", "OUT-03", "OUT-04"]
    output = r.dimensions[2]
    assert output.required == 0
    assert output.percent is None


def test_per_indicator_and_dimension() -> None:
    everything = {i.code: [e.number for e in i.evidence] for i in instrument_for(2026).indicators}
    r = readiness(instrument_for(2026), everything)
    assert (r.present, r.required, r.percent) == (74, 74, Decimal("100.00"))
    partial = readiness(
        instrument_for(2026), {"IN-02": [1, 2, 6], "IN-03": ["Daftar Usulan Program"]}
    )
    row = partial.indicator("IN-02")
    assert (row.present, row.required, row.optional_present) == (2, 5, 1)
    assert partial.dimensions[0].present == 3
    assert partial.dimensions[0].required == 15
    assert partial.dimensions[0].percent == Decimal("20.00")
    assert partial.dimensions[0].weighted_percent is None
    assert "  missing: IN-02 #3 RKPD (PD)" in partial.lines("en")


def test_weighted_where_weights_are_known() -> None:
    a = Indicator(
        "A",
        "a",
        Scale(0, 3),
        weight=Weight(75, Provenance.OFFICIAL),
        evidence=[Evidence(1, "x"), Evidence(2, "y")],
    )
    b = Indicator(
        "B", "b", Scale(0, 3), weight=Weight(25, Provenance.OFFICIAL), evidence=[Evidence(1, "z")]
    )
    instrument = Instrument(
        years=(2026,),
        name="t",
        provenance="test",
        dimensions=[Dimension("Proses", None, None, [Variable(None, [a, b])])],
    )
    r = readiness(instrument, {"A": [1], "B": [1]})
    assert r.dimensions[0].percent == Decimal("66.67")
    assert r.dimensions[0].weighted_percent == Decimal("62.50")


def test_rejections() -> None:
    with pytest.raises(NotApplicableError):
        readiness(instrument_for(2023), {})
    with pytest.raises(InvalidArgumentError, match="XX"):
        readiness(instrument_for(2026), {"XX": [1]})
    with pytest.raises(InvalidArgumentError, match="IN-01"):
        readiness(instrument_for(2026), {"IN-01": [99]})


def test_evidence_file_row_and_column_errors() -> None:
    text = (
        "indicator_code,evidence,present\n"
        "IN-01,1,ya\n"
        "IN-99,1,ya\n"
        "IN-01,Nonexistent,true\n"
        "IN-01,2,perhaps\n"
    )
    with pytest.raises(InvalidDataError) as caught:
        read_evidence(io.StringIO(text), instrument_for(2026))
    assert [(e.row, e.column) for e in caught.value.exceptions] == [
        (3, "indicator_code"),
        (4, "evidence"),
        (5, "present"),
    ]
    good = read_evidence(io.StringIO(text.split("IN-99", maxsplit=1)[0]), instrument_for(2026))
    assert readiness(instrument_for(2026), good).present == 1
