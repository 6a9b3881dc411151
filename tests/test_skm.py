"""opinipp.skm: the SKM rules of each regulation, the exact IKM, mutu bounds and readers."""

from __future__ import annotations

import io
import math
import pickle
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_junk import HostileError, LyingStr, RaisingDecimal, RaisingInt, RaisingList, RaisingStr
from opinipp import ipp as ipp_module
from opinipp._indices import IndexBand, Provenance
from opinipp.errors import (
    InvalidArgumentError,
    InvalidDataError,
    MissingExtraError,
    RowError,
)
from opinipp.scores import Score
from opinipp.skm import (
    SKM_RULES,
    IkmResult,
    Responses,
    SkmRules,
    Unsur,
    ikm,
    mutu,
    sample_size,
    skm_rules,
)
from opinipp.strategies import ikm_results, skm_responses

if TYPE_CHECKING:
    from pathlib import Path

HEADER = "U1,U2,U3,U4,U5,U6,U7,U8,U9"


def rows_with_total(n: int, total: int, size: int = 9) -> list[list[int]]:
    """``n`` respondents whose answers (1–4) add up to ``total``."""
    rows = [[1] * size for _ in range(n)]
    extra = total - n * size
    assert 0 <= extra <= 3 * n * size
    for row in rows:
        for i in range(size):
            step = min(3, extra)
            row[i] += step
            extra -= step
    return rows


# --- Rules as data -----------------------------------------------------------------------


def test_the_three_regulations() -> None:
    keys = [r.key for r in SKM_RULES]
    assert keys == ["permenpanrb-14-2017", "permenpanrb-16-2014", "kep-25-2004"]
    r2017, r2014, r2004 = SKM_RULES
    assert skm_rules() is r2017
    assert skm_rules(" KEP-25-2004 ") is r2004
    assert [u.key for u in r2017.unsur] == [
        "persyaratan",
        "prosedur",
        "waktu",
        "biaya",
        "produk",
        "kompetensi",
        "perilaku",
        "pengaduan",
        "sarana",
    ]
    assert [u.key for u in r2014.unsur][-1] == "maklumat"
    assert "sarana" not in [u.key for u in r2014.unsur]
    assert len(r2004.unsur) == 14
    assert [u.code for u in r2004.unsur] == [f"U{i}" for i in range(1, 15)]
    assert {u.provenance for u in r2004.unsur} == {Provenance.NOT_RETRIEVED}
    assert all(u.name is None for u in r2004.unsur)
    assert (r2017.weight, r2014.weight, r2004.weight) == (
        Fraction(1, 9),
        Fraction(1, 9),
        Fraction(1, 14),
    )
    assert r2017.printed_weights == (Decimal("0.111"), Decimal("0.11"))
    assert r2014.bands_provenance is Provenance.ASSUMPTION
    assert r2017.bands_provenance is Provenance.OFFICIAL
    assert repr(r2017).startswith("<SkmRules permenpanrb-14-2017: 9 unsur, Peraturan Menteri")


def test_unknown_regulation() -> None:
    for bad in ("2017", "", None, 2017, ["kep-25-2004"]):
        with pytest.raises(InvalidArgumentError, match="expected one of 'permenpanrb-14-2017'"):
            skm_rules(bad)  # type: ignore[arg-type]


def band(lower: str, upper: str, grade: str) -> IndexBand:
    return IndexBand(
        lower=lower,
        upper=upper,
        grade=grade,
        label=None,
        label_en=None,
        provenance=Provenance.ASSUMPTION,
    )


def new_rules(bands: tuple[IndexBand, ...], **kwargs: Any) -> SkmRules:
    unsur = (Unsur("U1", "a", "A", "A", Provenance.ASSUMPTION),)
    return SkmRules("test", "test", "test", "test", unsur, bands, Provenance.ASSUMPTION, **kwargs)


def test_a_new_regulation_is_a_table() -> None:
    rules = new_rules((band("25.00", "49.99", "X"), band("50.00", "100.00", "Y")))
    assert ikm([[2]], rules=rules).mutu == "Y"  # 2 × 25 = 50.00
    assert ikm([[1]], rules=rules).mutu == "X"
    assert mutu("49.99", rules=rules).grade == "X"


@pytest.mark.parametrize(
    ("bands", "kwargs", "message"),
    [
        ((band("25.00", "49.99", "X"), band("50.01", "100.00", "Y")), {}, "no gap"),
        ((band("25.00", "50.00", "X"), band("50.00", "100.00", "Y")), {}, "no gap"),
        ((band("25.00", "99.99", "X"),), {}, "covering 25.00 to 100.00"),
        ((band("20.00", "100.00", "X"),), {}, "covering 25.00 to 100.00"),
        ((), {}, "at least one band"),
        ((band("25.00", "100.00", "X"),), {"printed_weights": (Decimal("1.5"),)}, r"\(0, 1\]"),
        ((band("25.00", "100.00", "X"),), {"answer_max": 1}, "above answer_min"),
    ],
)
def test_bad_tables_fail_when_built(bands: Any, kwargs: Any, message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        new_rules(bands, **kwargs)


def test_unsur_codes_must_run_in_order() -> None:
    unsur = (Unsur("U2", None, None, None, Provenance.NOT_RETRIEVED),)
    with pytest.raises(InvalidArgumentError, match="codes U1, U2"):
        SkmRules("t", "t", "t", "t", unsur, (band("25.00", "100.00", "X"),), Provenance.OFFICIAL)


# --- Mutu bounds: both sides of every bound, with literals ----------------------------------

BOUNDS_2017 = [
    ("25.00", "D", "Tidak Baik", "Not good"),
    ("64.99", "D", "Tidak Baik", "Not good"),
    ("65.00", "C", "Kurang Baik", "Less than good"),
    ("76.60", "C", "Kurang Baik", "Less than good"),
    ("76.61", "B", "Baik", "Good"),
    ("88.30", "B", "Baik", "Good"),
    ("88.31", "A", "Sangat Baik", "Very good"),
    ("100.00", "A", "Sangat Baik", "Very good"),
]


@pytest.mark.parametrize(("value", "grade", "label", "label_en"), BOUNDS_2017)
def test_mutu_2017(value: str, grade: str, label: str, label_en: str) -> None:
    found = mutu(value)
    assert (found.grade, found.label, found.label_en) == (grade, label, label_en)
    assert mutu(Score(value)) == found
    assert mutu(Decimal(value)) == found
    assert mutu(float(value)) == found


def test_exactly_88_31_is_a_not_b() -> None:
    # A public app grades with `nilai > 88.31`, which makes 88.31 a B.
    assert mutu("88.31").name() == "A (Sangat Baik)"
    assert mutu("88,31").grade == "A"


@pytest.mark.parametrize(
    ("value", "grade"),
    [
        ("25.00", "D"),
        ("43.75", "D"),
        ("43.76", "C"),
        ("62.50", "C"),
        ("62.51", "B"),
        ("81.25", "B"),
        ("81.26", "A"),
        ("100.00", "A"),
    ],
)
def test_mutu_2004(value: str, grade: str) -> None:
    found = mutu(value, rules="kep-25-2004")
    assert found.grade == grade
    assert found.label is None
    assert found.name("en") == grade


@pytest.mark.parametrize(("value", "grade", "label", "label_en"), BOUNDS_2017)
def test_mutu_2014_is_the_2017_table_marked_as_assumed(
    value: str, grade: str, label: str, label_en: str
) -> None:
    found = mutu(value, rules="permenpanrb-16-2014")
    assert (found.grade, found.label) == (grade, label)
    assert found.name("en") == f"{grade} ({label_en}; assumed)"


def test_mutu_rounds_half_up_to_two_decimals_first() -> None:
    assert mutu("88.305").grade == "A"
    assert mutu("88.3049").grade == "B"
    assert mutu(Fraction(15100, 171)).grade == "B"  # 88.3040…
    assert mutu("76.605").grade == "B"
    assert mutu("64.995").grade == "C"


@pytest.mark.parametrize("value", ["24.99", "100.01", "-1", "0", 101, "3.5"])
def test_mutu_outside_the_converted_scale(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match=r"from 25\.00 to 100\.00 \(IKM × 25\)"):
        mutu(value)


@pytest.mark.parametrize("value", [None, True, "abc", float("nan"), [88], {}, "1e2"])
def test_mutu_rejects_junk(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid value"):
        mutu(value)


# --- The IKM ------------------------------------------------------------------------------


def test_ikm_exact_arithmetic() -> None:
    result = ikm([[4, 4, 3, 4, 3, 3, 4, 3, 3], [4, 3, 3, 3, 3, 4, 4, 3, 3]])
    assert result.respondents == 2
    assert [u.nrr for u in result.unsur] == [
        Fraction(4),
        Fraction(7, 2),
        Fraction(3),
        Fraction(7, 2),
        Fraction(3),
        Fraction(7, 2),
        Fraction(4),
        Fraction(3),
        Fraction(3),
    ]
    assert result.weight == Fraction(1, 9)
    assert result.ikm == Fraction(61, 18)
    assert result.converted == Fraction(1525, 18)
    assert result.score == Score("84.72")
    assert (result.mutu, result.kinerja(), result.kinerja("en")) == ("B", "Baik", "Good")
    assert result.unsur[0].counts == (0, 0, 0, 2)
    assert result.unsur[1].counts == (0, 0, 1, 1)
    assert not result.printed_weight
    assert result.notes() == ()


def test_per_unsur_breakdown_and_the_weakest() -> None:
    result = ikm([[4, 4, 2, 4, 3, 3, 4, 3, 3], [4, 3, 3, 3, 3, 4, 4, 3, 3]])
    weakest = result.weakest
    assert weakest.unsur.code == "U3"
    assert weakest.nrr == Fraction(5, 2)
    assert weakest.score == Score("62.50")
    assert weakest.band.grade == "D"
    assert weakest.to_next == Decimal("2.50")  # to C at 65.00
    assert weakest.nrr_to_next == Fraction(1, 10)
    top = result.unsur[0]
    assert (top.score, top.band.grade, top.to_next, top.nrr_to_next) == (
        Score("100.00"),
        "A",
        None,
        None,
    )
    b = result.unsur[1]
    assert (b.score, b.band.grade, b.to_next) == (Score("87.50"), "B", Decimal("0.81"))


def test_weakest_on_a_tie_is_the_first() -> None:
    assert ikm([[3, 2, 2, 3, 3, 3, 3, 3, 3]]).weakest.unsur.code == "U2"


def test_all_fours_and_all_ones() -> None:
    for rules in SKM_RULES:
        size = len(rules.unsur)
        top = ikm([[4] * size] * 3, rules=rules)
        bottom = ikm([[1] * size] * 3, rules=rules)
        assert (top.ikm, top.score, top.mutu) == (Fraction(4), Score("100.00"), "A")
        assert (bottom.ikm, bottom.score, bottom.mutu) == (Fraction(1), Score("25.00"), "D")


@pytest.mark.parametrize(
    ("n", "total", "score", "grade"),
    [
        (24, 763, "88.31", "A"),
        (19, 604, "88.30", "B"),
        (19, 524, "76.61", "B"),
        (26, 717, "76.60", "C"),
        (5, 117, "65.00", "C"),
        (38, 889, "64.99", "D"),
    ],
)
def test_bounds_through_the_ikm(n: int, total: int, score: str, grade: str) -> None:
    result = ikm(rows_with_total(n, total))
    assert result.converted == Fraction(25 * total, 9 * n)
    assert (str(result.score), result.mutu) == (score, grade)


def test_the_converted_value_rounds_half_up() -> None:
    result = ikm(rows_with_total(8, 81))
    assert result.converted == Fraction(225, 8)  # 28.125
    assert result.score == Score("28.13")


def test_printed_weights_reproduce_documents() -> None:
    rows = rows_with_total(24, 763)
    exact = ikm(rows)
    printed = ikm(rows, weight="0.111")
    rougher = ikm(rows, weight=Decimal("0.11"))
    assert (exact.score, exact.mutu) == (Score("88.31"), "A")
    assert printed.ikm == Fraction(763, 24) * Fraction(111, 1000)
    assert (printed.score, printed.mutu) == (Score("88.22"), "B")
    assert (rougher.score, rougher.mutu) == (Score("87.43"), "B")
    assert printed.printed_weight
    assert printed.notes("en") == (
        "computed with the printed weight 0.111 instead of the exact 1/9",
    )
    assert ikm([[4] * 9], weight="0,111").score == Score("99.90")
    assert ikm([[4] * 9], weight="0.11").score == Score("99.00")


def test_a_printed_weight_below_the_scale_gets_the_lowest_band_and_says_so() -> None:
    result = ikm([[1] * 9], weight="0.11")
    assert result.score == Score("24.75")
    assert result.mutu == "D"
    assert result.notes("en")[-1] == (
        "the converted value is below 25.00 because of the rounded weight; given the lowest mutu"
    )


@pytest.mark.parametrize("weight", ["0.1111", "1/9", 0.111, "0.071", True, "x", Decimal("NaN")])
def test_weights_that_are_not_printed_weights(weight: object) -> None:
    with pytest.raises(InvalidArgumentError, match=r"'0\.111', '0\.11'"):
        ikm([[4] * 9], weight=weight)  # type: ignore[arg-type]


def test_no_printed_weight_for_2004() -> None:
    with pytest.raises(InvalidArgumentError, match="none for this regulation"):
        ikm([[4] * 14], rules="kep-25-2004", weight="0.071")


def test_rules_must_match_the_responses() -> None:
    responses = Responses.from_rows([[4] * 9])
    assert ikm(responses, rules="permenpanrb-14-2017").respondents == 1
    with pytest.raises(InvalidArgumentError, match="the rules the responses were read with"):
        ikm(responses, rules="permenpanrb-16-2014")


def test_notes_for_assumed_bands() -> None:
    result = ikm([[4] * 9], rules="permenpanrb-16-2014")
    assert result.notes() == ("rentang mutu permenpanrb-16-2014: asumsi (tidak diperoleh)",)


def test_repr_and_html() -> None:
    result = ikm([[4, 4, 3, 4, 3, 3, 4, 3, 3], [4, 3, 3, 3, 3, 4, 4, 3, 3]])
    assert repr(result) == (
        "<IkmResult permenpanrb-14-2017: IKM 3.3889, 84.72 B (Good), 2 respondents>"
    )
    html = result.to_html("en")
    assert "<th>Code</th>" in html
    assert "<td>U8</td><td>Handling of complaints, suggestions and feedback</td>" in html
    assert "IKM 3.3889, 84.72: B (Good)" in html
    assert result._repr_html_() == result.to_html("id")
    assert "<th>Kode</th>" in result._repr_html_()
    assert "IKM 3,3889, 84,72: B (Baik)" in result._repr_html_()


def test_results_are_hashable_and_pickle() -> None:
    result = ikm([[4, 3, 3, 4, 3, 3, 4, 3, 2]])
    assert pickle.loads(pickle.dumps(result)) == result
    assert hash(result) == hash(ikm([[4, 3, 3, 4, 3, 3, 4, 3, 2]]))
    assert isinstance(result, IkmResult)


# --- Rows, CSV, Excel, pandas ------------------------------------------------------------------


def test_rows_accept_analyst_scalars() -> None:
    rows = [
        [np.int64(4), np.float64(3.0), "3", "3,0", Decimal(4), 3.0, np.int32(4), 3, 2],
    ]
    assert Responses.from_rows(rows).answers == ((4, 3, 3, 3, 4, 3, 4, 3, 2),)


def test_rows_report_every_bad_cell() -> None:
    rows: list[Any] = [
        [4, 3, 3, 4, 3, 3, 4, 3, 2],
        [5, "", None, "x", 2.5, True, 0, float("nan"), 3],
        [4, 4],
        "4,4,4",
    ]
    with pytest.raises(InvalidDataError) as info:
        Responses.from_rows(rows)
    found = [(e.row, e.column, e.reason.split(";")[0]) for e in info.value.exceptions]
    assert found == [
        (1, "U1", "outside 1–4"),
        (1, "U2", "blank answer"),
        (1, "U3", "blank answer"),
        (1, "U4", "not a number"),
        (1, "U5", "not a whole number"),
        (1, "U6", "not a number"),
        (1, "U7", "outside 1–4"),
        (1, "U8", "blank answer"),
        (2, None, "2 answers"),
        (3, None, "expected a sequence or a mapping"),
    ]
    assert str(info.value) == "10 problem(s) in 3 row(s) of responses (10 sub-exceptions)"


def test_rows_raise_mode_raises_the_first() -> None:
    with pytest.raises(RowError, match=r"row 0, column 'U9': 5: outside 1–4"):
        Responses.from_rows([[4] * 8 + [5], [9] * 9], errors="raise")


def test_mapping_rows() -> None:
    row = {"Persyaratan": 4, "prosedur": 3, "U3": 3, **{f"u{i}": 4 for i in range(4, 10)}}
    assert Responses.from_rows([row]).answers == ((4, 3, 3, 4, 4, 4, 4, 4, 4),)
    bad = {"U1": 4, "persyaratan": 4, "umur": 30, **{f"U{i}": 4 for i in range(3, 10)}}
    with pytest.raises(InvalidDataError) as info:
        Responses.from_rows([bad])
    assert [(e.row, e.column) for e in info.value.exceptions] == [
        (0, "persyaratan"),
        (0, "umur"),
        (0, None),
    ]
    assert "no answer for U2 (Sistem, Mekanisme, dan Prosedur)" in str(info.value.exceptions[2])


def test_no_respondents() -> None:
    with pytest.raises(InvalidArgumentError, match="at least one respondent"):
        Responses.from_rows([])
    with pytest.raises(InvalidArgumentError, match="at least one respondent"):
        Responses(())


@pytest.mark.parametrize("rows", [None, 5, "4444", {"U1": 4}, b"x"])
def test_rows_that_are_not_rows(rows: object) -> None:
    with pytest.raises(InvalidArgumentError, match="invalid rows"):
        Responses.from_rows(rows)  # type: ignore[arg-type]


def test_responses_checks_its_own_fields() -> None:
    with pytest.raises(InvalidArgumentError, match="9 answers per respondent"):
        Responses(((4, 4),))
    with pytest.raises(InvalidArgumentError, match="rows as tuples of int"):
        Responses(([4] * 9,))
    with pytest.raises(InvalidArgumentError, match="rows as tuples of int"):
        Responses(((True,) * 9,))
    assert repr(Responses(((4,) * 9,))) == (
        "<Responses responses: 1 respondents, permenpanrb-14-2017>"
    )


CSV_GOOD = f"no,{HEADER}\n1,4,4,3,4,3,3,4,3,2\n\n2,4,3,3,3,3,4,4,3,3\n"


def test_csv(tmp_path: Path) -> None:
    path = tmp_path / "skm.csv"
    path.write_text("\ufeff" + CSV_GOOD, encoding="utf-8")
    responses = Responses.read_csv(path, ignore=["No"])
    assert responses.answers == ((4, 4, 3, 4, 3, 3, 4, 3, 2), (4, 3, 3, 3, 3, 4, 4, 3, 3))
    assert responses.source == str(path)
    assert ikm(responses).score == Score("83.33")
    by_name = (
        "Persyaratan,Sistem Mekanisme dan Prosedur,waktu,BIAYA,produk,kompetensi,perilaku,"
        "pengaduan,sarana\n4,4,4,4,4,4,4,4,4\n"
    )
    assert Responses.read_csv(io.StringIO(by_name)).answers == ((4,) * 9,)


def test_csv_reports_every_bad_cell_and_header_problem() -> None:
    text = f"no,{HEADER},umur\n1,4,4,3,4,3,3,4,3,2,30\n2,5,,3,x,3,3,4,3,0,31\n"
    with pytest.raises(InvalidDataError) as info:
        Responses.read_csv(io.StringIO(text), ignore=["no"])
    found = [(e.row, e.column) for e in info.value.exceptions]
    assert found == [(1, "umur"), (3, "U1"), (3, "U2"), (3, "U4"), (3, "U9")]
    text = "U1,U1,U2,U3,U4,U5,U6,U7,U8\n4,4,4,4,4,4,4,4,4,4\n"
    with pytest.raises(InvalidDataError) as info:
        Responses.read_csv(io.StringIO(text))
    messages = info.value.messages()
    assert messages[0] == "row 1, column 'U1': 'U1': a second column for U1 (Persyaratan)"
    assert messages[1].endswith("no column for U9 (Sarana dan Prasarana)")
    assert messages[2] == "row 2: ['4']: more cells than the header"


def test_csv_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(f"{HEADER}\n4,4,4,4,4,4,4,4,\xe9\n".encode("latin-1"))
    with pytest.raises(InvalidDataError) as info:
        Responses.read_csv(path)
    [problem] = info.value.exceptions
    assert isinstance(problem, RowError)
    assert (problem.row, problem.column, problem.value) == (2, "U9", b"\xe9")


def test_csv_source_and_options_checked() -> None:
    with pytest.raises(InvalidArgumentError, match="invalid source"):
        Responses.read_csv(42)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="invalid errors"):
        Responses.read_csv(io.StringIO(CSV_GOOD), errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="invalid ignore"):
        Responses.read_csv(io.StringIO(CSV_GOOD), ignore="no")


def test_csv_2004_by_code() -> None:
    header = ",".join(f"U{i}" for i in range(1, 15))
    text = f"{header}\n" + ",".join(["3"] * 14) + "\n"
    result = ikm(Responses.read_csv(io.StringIO(text), rules="kep-25-2004"))
    assert (result.score, result.mutu, result.kinerja()) == (Score("75.00"), "B", None)


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "SKM") -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_excel(tmp_path: Path) -> None:
    path = tmp_path / "skm.xlsx"
    write_xlsx(
        path,
        [
            ["No", *HEADER.split(",")],
            [1, 4, 4, 3, 4, 3, 3, 4, 3, 2],
            [2, 4, 3, 3, 3, 3, 4, 4, 3, "3"],
            [None] * 10,
        ],
    )
    responses = Responses.read_excel(path, ignore=["no"])
    assert responses.answers == ((4, 4, 3, 4, 3, 3, 4, 3, 2), (4, 3, 3, 3, 3, 4, 4, 3, 3))
    assert responses.source == f"{path}[SKM]"
    assert Responses.read_excel(path, sheet="SKM", ignore=["no"]) == responses
    with pytest.raises(InvalidArgumentError, match="invalid sheet 'Data'"):
        Responses.read_excel(path, sheet="Data")


def test_excel_reports_every_bad_cell(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    write_xlsx(
        path, [HEADER.split(","), [4, 4, 3, 4, 3, 3, 4, 3, 2], [4.5, None, 3, 4, 3, 3, 4, 3, 7]]
    )
    with pytest.raises(InvalidDataError) as info:
        Responses.read_excel(path)
    assert [(e.row, e.column) for e in info.value.exceptions] == [(3, "U1"), (3, "U2"), (3, "U9")]


def test_excel_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "skm.xlsx"
    path.write_text(CSV_GOOD, encoding="utf-8")
    with pytest.raises(InvalidArgumentError, match=r"an \.xlsx workbook"):
        Responses.read_excel(path)
    with pytest.raises(InvalidArgumentError, match="invalid source"):
        Responses.read_excel(3.5)  # type: ignore[arg-type]


def test_excel_without_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib

    real = importlib.import_module

    def fake(name: str, *args: Any) -> Any:
        if name == "openpyxl":
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(MissingExtraError, match=r"pip install 'opinipp\[excel\]'") as info:
        Responses.read_excel(tmp_path / "x.xlsx")
    assert (info.value.extra, info.value.module) == ("excel", "openpyxl")


def test_pandas() -> None:
    df = pd.DataFrame({f"U{i}": [4, 3] for i in range(1, 10)})
    df["U5"] = [np.int64(2), 3]
    assert Responses.from_pandas(df).answers == (
        (4, 4, 4, 4, 2, 4, 4, 4, 4),
        (3, 3, 3, 3, 3, 3, 3, 3, 3),
    )
    assert ikm(df).score == ikm(Responses.from_pandas(df)).score
    df.loc[1, "U2"] = np.nan
    df["umur"] = [20, 30]
    with pytest.raises(InvalidDataError) as info:
        Responses.from_pandas(df)
    assert [(e.row, e.column) for e in info.value.exceptions] == [(-1, "umur"), (1, "U2")]
    assert Responses.from_pandas(df.drop(index=1), ignore=["umur"]).count == 1
    with pytest.raises(InvalidArgumentError, match="a pandas DataFrame"):
        Responses.from_pandas([[4] * 9])  # type: ignore[arg-type]


# --- Sample size -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("population", "respondents"),
    [(1, 1), (10, 10), (15, 14), (50, 44), (100, 80), (1000, 278), (10_000, 370), (1_000_000, 384)],
)
def test_sample_size(population: int, respondents: int) -> None:
    found = sample_size(population)
    assert (found.population, found.respondents) == (population, respondents)
    assert found.method == "krejcie-morgan-1970"
    assert "χ² = 3.841" in found.FORMULA
    assert "check its own requirement" in found.note("en")


def test_sample_size_exact_and_numpy() -> None:
    assert sample_size(np.int64(100)).exact == Fraction(38410, 48310) * 100
    assert sample_size(100).exact == Fraction(3841 * 25, 1000) / Fraction(120775, 100000)


@pytest.mark.parametrize("population", [0, -5, True, 10.0, "100", None, np.float64(100)])
def test_sample_size_rejects(population: object) -> None:
    with pytest.raises(InvalidArgumentError, match="a whole number of service users"):
        sample_size(population)  # type: ignore[arg-type]


# --- Properties ----------------------------------------------------------------------------


@given(skm_responses(rules="permenpanrb-14-2017"), st.data())
def test_a_respondent_above_the_nrr_never_lowers_that_unsur(
    responses: Responses, data: st.DataObject
) -> None:
    before = ikm(responses)
    index = data.draw(st.integers(0, 8))
    nrr = before.unsur[index].nrr
    answer = data.draw(st.integers(min(math.floor(nrr) + 1, 4), 4))
    row = [*data.draw(st.lists(st.integers(1, 4), min_size=9, max_size=9))]
    row[index] = answer
    after = ikm(Responses((*responses.answers, tuple(row)), responses.rules))
    assert after.unsur[index].nrr >= nrr


@given(ikm_results())
def test_the_ikm_is_the_weighted_nrr_and_the_score_its_rounding(result: IkmResult) -> None:
    assert result.ikm == sum(u.nrr for u in result.unsur) / len(result.unsur)
    assert result.converted == result.ikm * 25
    assert result.score == Score.rounded(result.converted)
    assert result.band == mutu(result.score, rules=result.rules)
    assert 1 <= result.ikm <= 4


@given(st.sampled_from(SKM_RULES), st.integers(2500, 10_000), st.integers(2500, 10_000))
def test_the_mutu_is_monotone_in_the_value(rules: SkmRules, a: int, b: int) -> None:
    low, high = sorted((a, b))
    grades = [band.grade for band in rules.bands]
    below = mutu(Score.from_hundredths(low), rules=rules)
    above = mutu(Score.from_hundredths(high), rules=rules)
    assert grades.index(below.grade) <= grades.index(above.grade)


@given(st.sampled_from(SKM_RULES), st.integers(1, 20))
def test_all_fours_is_100_and_all_ones_25(rules: SkmRules, n: int) -> None:
    size = len(rules.unsur)
    assert ikm([[4] * size] * n, rules=rules).score == Score("100.00")
    assert ikm([[1] * size] * n, rules=rules).score == Score("25.00")


# --- Command line ---------------------------------------------------------------------------


def test_cli_skm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from opinipp.cli import main

    path = tmp_path / "skm.csv"
    path.write_text(f"no,{HEADER}\n1,4,4,2,4,3,3,4,3,3\n2,4,3,3,3,3,4,4,3,3\n", encoding="utf-8")
    assert main(["skm", str(path), "--ignore", "no"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "SKM menurut permenpanrb-14-2017: 2 responden"
    assert out[1].split() == ["Kode", "Unsur", "NRR", "×25", "Mutu"]
    assert out[4].split() == ["U3", "Waktu", "Penyelesaian", "2,500", "62,50", "D"]
    assert out[-2] == "IKM 3,3333; nilai konversi (×25) 83,33: mutu B (Baik)"
    assert out[-1] == "Unsur terlemah: U3 Waktu Penyelesaian, 62,50 (D): kurang 2,50 menuju C"
    assert main(["skm", str(path), "--ignore", "no", "--lang", "en", "--weight", "0.111"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-3] == "IKM 3.3300; converted value (×25) 83.25: mutu B (Good)"
    assert out[-1] == "Note: computed with the printed weight 0.111 instead of the exact 1/9"
    assert main(["skm", str(path), "--ignore", "no", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "command",
        "rules",
        "respondents",
        "weight",
        "unsur",
        "ikm",
        "converted",
        "mutu",
        "kinerja",
        "weakest",
        "notes",
    ]
    assert (data["ikm"], data["converted"], data["mutu"], data["weakest"]) == (
        "10/3",
        "83.33",
        "B",
        "U3",
    )
    assert data["unsur"][2] == {
        "code": "U3",
        "name": "Waktu Penyelesaian",
        "nrr": "5/2",
        "converted": "62.50",
        "mutu": "D",
        "to_next": "2.50",
    }


def test_cli_skm_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opinipp.cli import main

    path = tmp_path / "skm.xlsx"
    write_xlsx(path, [HEADER.split(","), [4] * 9, [3] * 9])
    assert main(["skm", str(path), "--lang", "en"]) == 0
    assert "IKM 3.5000; converted value (×25) 87.50: mutu B (Good)" in capsys.readouterr().out


def test_cli_skm_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opinipp.cli import main

    path = tmp_path / "skm.csv"
    path.write_text(f"{HEADER}\n5,4,4,4,4,4,4,4,\n", encoding="utf-8")
    assert main(["skm", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "row 2, column 'U1': '5': outside 1–4" in err
    assert "row 2, column 'U9': '': blank answer" in err
    assert main(["skm", str(tmp_path / "missing.csv")]) == 2
    assert "expected a readable file" in capsys.readouterr().err
    assert main(["skm", str(path), "--rules", "2017"]) == 2
    assert main(["skm", str(path), "--weight", "0.2"]) == 2


def test_subclasses_are_read_for_their_own_value() -> None:
    assert skm_rules(LyingStr("kep-25-2004")).key == "kep-25-2004"
    assert sample_size(RaisingInt(100)).respondents == 80
    rows = [[RaisingInt(4)] * 9, (4, 3, 3, 4, 3, 3, 4, 3, 2)]
    assert Responses.from_rows(rows).answers[0] == (4,) * 9
    source = Responses(((4,) * 9,), source=RaisingStr("survey.csv")).source
    assert (source, type(source)) == ("survey.csv", str)
    aspect = ipp_module.DEFAULT_IPP_RULES.aspects[0]
    assert ipp_module.DEFAULT_IPP_RULES.aspect(RaisingStr("kebijakan")) is aspect
    indicator = ipp_module.Indicator("X-1", None, None, RaisingDecimal("50"), Provenance.ASSUMPTION)
    assert (indicator.weight, type(indicator.weight)) == (Decimal(50), Decimal)


def test_hostile_iterables_are_invalid_arguments() -> None:
    with pytest.raises(InvalidArgumentError, match="invalid rows") as info:
        Responses.from_rows(RaisingList([[4] * 9]))
    assert isinstance(info.value.__cause__, HostileError)
    with pytest.raises(InvalidArgumentError, match="invalid unit_results"):
        ipp_module.pemda_ipp(np.array(4.0))
    with pytest.raises(InvalidArgumentError, match="invalid ignore"):
        Responses.from_rows([[4] * 9], ignore=np.array("no"))
