"""The shipped instruments, year by year, and the weight/instrument loaders."""

from __future__ import annotations

import io
import pickle
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from fuzz_junk import BadPath, RaisingInt, RaisingStr
from opinipp.errors import InvalidArgumentError, InvalidDataError, RowError, RulesNotAvailableError
from opinipp.instruments import (
    Provenance,
    Scale,
    instrument_for,
    instrument_years,
    read_instrument,
    read_values,
    read_weights,
)
from opinipp.rules import Dimension as Key
from opinipp.rules import rules_for

if TYPE_CHECKING:
    from pathlib import Path


def test_years() -> None:
    assert instrument_years() == (2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025, 2026)
    with pytest.raises(RulesNotAvailableError, match="2020"):
        instrument_for(2020)
    with pytest.raises(RulesNotAvailableError):
        instrument_for(2027)
    with pytest.raises(RulesNotAvailableError):
        instrument_for("2023")  # type: ignore[arg-type]


def test_2015_seven_variables() -> None:
    i = instrument_for(2015)
    assert len(i.dimensions) == 1
    assert len(i.dimensions[0].variables) == 7
    assert i.dimensions[0].weight is None
    assert i.references == ("[R6]",)


def test_2016_to_2021_one_dimension_of_standard_components() -> None:
    i = instrument_for(2019)
    assert i is instrument_for(2021)
    assert [d.key for d in i.dimensions] == [Key.PROSES]
    assert len(i.indicators) == 14
    assert all(x.name is None and x.scale is None and x.weight is None for x in i.indicators)


def test_2022_2023_structure_and_weights() -> None:
    i = instrument_for(2022)
    assert i is instrument_for(2023)
    weights = [d.weight.percent for d in i.dimensions if d.weight]
    assert weights == [Decimal("21.85"), Decimal("32.37"), Decimal("24.24"), Decimal("21.54")]
    assert all(d.weight and d.weight.provenance is Provenance.OFFICIAL for d in i.dimensions)
    assert {d.key: d.weight.percent for d in i.dimensions if d.weight} == rules_for(2023).weights
    counts = [[len(v.indicators) for v in d.variables] for d in i.dimensions]
    assert counts == [[6, 9], [11], [5], [6]]
    assert all(x.scale and (x.scale.low, x.scale.high) == (0, 3) for x in i.indicators)
    weighted = [x for x in i.indicators if x.weight is not None]
    assert [x.code for x in weighted] == ["IN-01"]
    w = weighted[0].weight
    assert w is not None
    assert w.percent == Decimal("12.22")
    assert w.provenance is Provenance.PUBLIC_READING
    assert [x.name for x in i.dimensions[3].indicators] == [None] * 6
    assert any("5 + 8" in n for n in i.notes)


def test_2024_named_dimensions_unknown_weights() -> None:
    i = instrument_for(2024)
    assert [d.key for d in i.dimensions] == list(Key)
    assert all(d.weight is None for d in i.dimensions)


def test_2025_composition_weights() -> None:
    i = instrument_for(2025)
    assert all(d.weight is None for d in i.dimensions)
    assert i.kepercayaan_weight is not None
    assert i.kepercayaan_weight.percent == Decimal(30)
    assert i.kepercayaan_weight.provenance is Provenance.PUBLIC_READING


def test_2026_checklist() -> None:
    i = instrument_for(2026)
    assert len(i.dimensions) == 4
    assert len(i.indicators) == 30
    evidence = [e for x in i.indicators for e in x.evidence]
    assert len(evidence) == 79
    assert sum(e.required for e in evidence) == 74
    assert [x.code for x in i.indicators if x.secondary] == ["OUT-01", "OUT-02", "OUT-03", "OUT-04"]
    assert [x.code for x in i.dimensions[1].indicators][-1] == "PR-14"
    assert all(x.weight is None for x in i.indicators)
    assert "not an official Ombudsman text" in i.provenance
    assert "eviden_ombudsman" in i.references[0]
    assert all(x.scale and x.scale.provenance is Provenance.ASSUMED for x in i.indicators)


def test_immutable_hashable_picklable_and_html() -> None:
    i = instrument_for(2023)
    assert hash(i) == hash(instrument_for(2023))
    with pytest.raises(AttributeError):
        i.name = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(i)) == i
    html = i._repr_html_()
    assert "12.22 % (satu bacaan publik [R56])" in html
    assert "<script" not in html
    assert "weight unknown" in "\n".join(instrument_for(2024).tree("en"))
    assert "[R54]" in repr(i)


def test_read_weights_csv_and_json(tmp_path: Path) -> None:
    path = tmp_path / "official.csv"
    rows = ["code,weight"] + [f"PR-{n:02d},{Decimal(100) / 10:.0f}" for n in range(1, 11)]
    path.write_text("\n".join(rows) + "\nPR-11,0\n", encoding="utf-8")
    with pytest.raises(InvalidDataError) as caught:
        read_weights(path, instrument_for(2023))
    (error,) = caught.value.exceptions
    assert isinstance(error, RowError)
    assert (error.row, error.column) == (12, "weight")
    with pytest.raises(InvalidArgumentError, match="Proses"):
        read_weights(io.StringIO('{"PR-01": "60", "PR-02": "50"}'), instrument_for(2023))
    table = {f"PR-{n:02d}": "9.09" for n in range(1, 11)} | {"PR-11": "9.10", "input": "25"}
    with pytest.raises(InvalidArgumentError, match="summing to 100"):
        read_weights(io.StringIO(str(table).replace("'", '"')), instrument_for(2023))
    del table["input"]
    loaded = read_weights(io.StringIO(str(table).replace("'", '"')), instrument_for(2023))
    w = loaded.indicator("PR-11").weight
    assert w is not None
    assert w.percent == Decimal("9.10")
    assert w.provenance is Provenance.SUPPLIED
    with pytest.raises(InvalidDataError) as caught:
        read_weights(io.StringIO("code,weight\nXX-9,5\ninput,abc\n"), instrument_for(2023))
    assert [(e.row, e.column) for e in caught.value.exceptions] == [(2, "code"), (3, "weight")]


def test_read_instrument_of_ones_own() -> None:
    text = (
        "dimension,indicator_code,indicator,evidence_number,evidence,required,scale_max,weight,"
        "dimension_weight\n"
        "proses,P1,Persyaratan,1,Papan,true,3,60,100\n"
        "proses,P2,Prosedur,1,Alur,false,3,40,100\n"
    )
    own = read_instrument(io.StringIO(text), years=[2023], name="Mine", provenance="our office")
    assert [x.weight.percent for x in own.indicators if x.weight] == [Decimal(60), Decimal(40)]
    bad = text.replace("P2,Prosedur,1", "P 2,Prosedur,x") + "proses,P3,X,1,Y,maybe,3,,\n"
    with pytest.raises(InvalidDataError) as caught:
        read_instrument(io.StringIO(bad), years=[2023], name="Mine", provenance="ours")
    assert [(e.row, e.column) for e in caught.value.exceptions] == [
        (3, "indicator_code"),
        (4, "required"),
    ]


def test_cli_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from opinipp.cli import main

    assert main(["instrument", "2023", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Input: 21.85 % (official [R54][R55][R56][R58])" in out
    assert "IN-01 knowledge of the 14 standard-service components, 0–3; 12.22 %" in out
    values = tmp_path / "values.csv"
    values.write_text(
        "indicator_code,value\n"
        + "".join(f"{i.code},2\n" for i in instrument_for(2023).indicators),
        encoding="utf-8",
    )
    assert (
        main(
            [
                "plan",
                "--year",
                "2023",
                "--values",
                str(values),
                "--target",
                "A",
                "--assume-equal-weights",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["status"], len(data["steps"]), data["end"]["score"]) == ("reached", 18, "88.79")
    assert main(["simulate", "--year", "2023", "--values", str(values)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("opinipp: error: weighing without assumptions")
    assert err.count("\n") == 1
    evidence = tmp_path / "evidence.csv"
    evidence.write_text("indicator_code,evidence,present\nIN-01,1,ya\nZZ,1,ya\n", encoding="utf-8")
    assert main(["readiness", "--year", "2026", "--evidence", str(evidence), "--lang", "en"]) == 2
    assert "row 3, column 'indicator_code'" in capsys.readouterr().err
    evidence.write_text("indicator_code,evidence,present\nIN-01,1,ya\n", encoding="utf-8")
    assert main(["readiness", "--year", "2026", "--evidence", str(evidence), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("readiness: 1/74 (1.35 %)")
    assert main(["instrument", "2020"]) == 2
    assert main(["simulate", "--year", "2023", "--values", str(tmp_path / "nope.csv")]) == 2


def test_subclasses_are_read_for_their_own_value() -> None:
    scale = Scale(RaisingInt(0), RaisingInt(3))
    assert (scale.points, type(scale.low), type(scale.high)) == (3, int, int)
    instrument = instrument_for(2023)
    assert instrument.find_indicator(RaisingStr("in-01")) is instrument.indicator("IN-01")
    assert instrument.covers(RaisingInt(2023))


def test_a_scale_starts_near_zero() -> None:
    with pytest.raises(InvalidArgumentError, match=r"invalid Scale.low <int of 16610 bits>"):
        Scale(10**5000, 10**5000 + 3)
    assert Scale(-1_000_000, -999_000).points == 1000


@pytest.mark.parametrize("source", [BadPath(None), BadPath(42), "\ud800.csv"], ids=repr)
def test_bad_paths_are_invalid_arguments(source: object) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid source"):
        read_values(source, instrument_for(2023))
