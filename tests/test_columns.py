"""opinipp.columns: exact bounds, bad rows reported, input types, options, engines."""

from __future__ import annotations

import math
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import dask.dataframe as dd
import duckdb
import narwhals as nw
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opinipp import columns
from opinipp.errors import (
    InvalidArgumentError,
    InvalidDataError,
    InvalidScoreError,
    MissingExtraError,
    NotApplicableError,
    RowError,
)
from opinipp.rules import rules_for
from opinipp.scores import Score
from opinipp.zoning import classify

if TYPE_CHECKING:
    from collections.abc import Callable

BACKENDS: dict[str, Callable[[pd.DataFrame], Any]] = {
    "pandas": lambda df: df,
    "polars": pl.from_pandas,
    "polars-lazy": lambda df: pl.from_pandas(df).lazy(),
    "pyarrow": lambda df: pa.Table.from_pandas(df, preserve_index=False),
    "duckdb": lambda df: duckdb.from_arrow(pa.Table.from_pandas(df, preserve_index=False)),
}


def _dask(frame: pd.DataFrame, npartitions: int) -> dd.DataFrame:
    partitioned: dd.DataFrame = dd.from_pandas(frame, npartitions=npartitions)  # type: ignore[no-untyped-call]
    return partitioned


DASK_WARNING = "ignore:Dask support is moving out of Narwhals:FutureWarning"


def rows(result: Any, *names: str) -> list[tuple[Any, ...]]:
    frame = nw.from_native(result)
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    if "id" in frame.columns:
        frame = frame.sort("id")
    return [tuple(None if _missing(v) else v for v in row) for row in frame.select(*names).rows()]


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)  # noqa: PLR0124


def scores(values: list[Any], years: list[int] | int = 2023) -> pd.DataFrame:
    year_list = years if isinstance(years, list) else [years] * len(values)
    frame: pd.DataFrame = pd.DataFrame(
        {"id": range(len(values)), "year": year_list, "score": values}
    )
    return frame


UNITS = pd.DataFrame(
    {
        "id": range(7),
        "year": [2024] * 7,
        "kind": ["opd", "puskesmas", "opd", "rsud", "kabupaten", "kota", "provinsi"],
        "province": ["Banten"] * 7,
        "parent_pemda": ["Kabupaten Serang"] * 4 + [None] * 3,
        "score": [94.62, 93.44, 93.44, 89.44, 80.00, 85.00, 90.00],
    }
)


BOUNDS = scores([77.99, 78.00, 87.99, 88.00, 53.99, 54.00, 31.99, 32.00])
BOUNDS_EXPECTED = [
    ("kuning", "C", "Kualitas Sedang"),
    ("hijau", "B", "Kualitas Tinggi"),
    ("hijau", "B", "Kualitas Tinggi"),
    ("hijau", "A", "Kualitas Tertinggi"),
    ("merah", "D", "Kualitas Rendah"),
    ("kuning", "C", "Kualitas Sedang"),
    ("merah", "E", "Kualitas Terendah"),
    ("merah", "D", "Kualitas Rendah"),
]


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_both_sides_of_every_2023_bound(backend: str) -> None:
    result = columns.classify(BACKENDS[backend](BOUNDS))
    assert rows(result, "zone", "category", "opinion") == BOUNDS_EXPECTED


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_native_in_native_out(backend: str) -> None:
    given_frame = BACKENDS[backend](UNITS)
    for result in (
        columns.classify(given_frame),
        columns.gap_to_next_tier(given_frame),
        columns.rank(given_frame, "national"),
    ):
        assert type(result) is type(given_frame)


def test_the_input_frame_is_left_alone() -> None:
    frame = BOUNDS.copy()
    columns.classify(frame)
    assert list(frame.columns) == ["id", "year", "score"]


def test_each_regime_and_its_labels() -> None:
    frame = scores([50.99, 51.00, 38.99, 61.00, 65.98, 88.00], [2021, 2021, 2015, 2015, 2025, 2025])
    result = columns.classify(frame)
    assert rows(result, "zone", "category", "opinion", "predikat", "quality", "label") == [
        ("merah", None, None, "Kepatuhan Rendah", None, "Kepatuhan Rendah"),
        ("kuning", None, None, "Kepatuhan Sedang", None, "Kepatuhan Sedang"),
        ("merah", None, None, "Kepatuhan Rendah", None, "Kepatuhan Rendah"),
        ("hijau", None, None, "Kepatuhan Tinggi", None, "Kepatuhan Tinggi"),
        (None, None, "Kualitas Sedang", None, "Cukup", "Kualitas Sedang"),
        (None, None, "Kualitas Tertinggi", None, "Sangat Baik", "Kualitas Tertinggi"),
    ]


def test_english_labels_take_the_json_names() -> None:
    frame = scores([81.84, 80.13], [2023, 2019])
    result = columns.classify(frame, lang="en")
    assert rows(result, "zone", "category", "opinion_en", "predikat_en", "label_en") == [
        ("green", "B", "High quality", None, "High quality"),
        ("yellow", None, None, "Medium compliance", "Medium compliance"),
    ]
    assert "opinion" not in result.columns


@pytest.mark.parametrize(
    ("column", "dtype"),
    [
        (["81.84", " 88,00 ", "77.990", "100"], "str"),
        ([Decimal("81.84"), Decimal("88.00"), Decimal("77.990"), Decimal(100)], "object"),
        ([81.84, 88.0, 77.99, 100.0], "float32"),
        ([81.84, 88.0, 77.99, 100.0], "float64"),
    ],
)
def test_score_types_are_read_exactly(column: list[Any], dtype: str) -> None:
    frame = scores(column).astype({"score": dtype})
    result = columns.classify(frame)
    assert rows(result, "category") == [("B",), ("A",), ("C",), ("A",)]


def test_integer_scores() -> None:
    result = columns.classify(scores([78, 88, 100, 0]))
    assert rows(result, "category") == [("B",), ("A",), ("A",), ("E",)]


@pytest.mark.parametrize(
    "native",
    [
        lambda: pa.table(
            {
                "year": [2023, 2023],
                "score": pa.array([Decimal("87.99"), Decimal("88.00")], pa.decimal128(5, 2)),
            }
        ),
        lambda: duckdb.sql(
            "select 2023 as year, 87.99::decimal(5,2) as score union all select 2023, 88.00"
        ),
        lambda: pl.DataFrame({"year": [2023, 2023], "score": [Decimal("87.99"), Decimal("88.00")]}),
    ],
    ids=["pyarrow-decimal", "duckdb-decimal", "polars-decimal"],
)
def test_decimal_columns_of_each_engine(native: Callable[[], Any]) -> None:
    result = columns.classify(native())
    assert sorted(rows(result, "category")) == [("A",), ("B",)]


BAD = scores(
    [81.84, 81.845, float("nan"), 100.01, 80.00, 70.00, None, 77.99],
    [2023, 2023, 2023, 2023, 2015, 2020, 2023, 2014],
)


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_every_bad_row_is_reported_with_its_position(backend: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        columns.classify(BACKENDS[backend](BAD))
    found = [(e.row, e.column) for e in caught.value.exceptions if isinstance(e, RowError)]
    assert found == [
        (1, "score"),
        (2, "score"),
        (3, "score"),
        (4, "score"),
        (5, "year"),
        (6, "score"),
        (7, "year"),
    ]
    reasons = [e.reason for e in caught.value.exceptions if isinstance(e, RowError)]
    assert "more than two decimals" in reasons[0]
    assert reasons[1] == reasons[5] == "missing score"
    assert "above 100.00" in reasons[2]
    assert "above 75.00" in reasons[3]
    assert "no assessment was held in 2020" in reasons[4]
    assert "outside the years" in reasons[6]


def test_a_bad_row_error_names_the_value() -> None:
    with pytest.raises(InvalidDataError) as caught:
        columns.gap_to_next_tier(scores([81.845]))
    assert caught.value.messages() == [
        "row 0, column 'score': 81.845: more than two decimals (use Score.rounded to round half-up)"
    ]


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_invalid_null_leaves_bad_rows_empty(backend: str) -> None:
    result = columns.classify(BACKENDS[backend](BAD), invalid="null")
    assert rows(result, "category") == [("B",)] + [(None,)] * 7
    gaps = columns.gap_to_next_tier(BACKENDS[backend](BAD), invalid="null")
    assert rows(gaps, "points") == [(pytest.approx(6.16),)] + [(None,)] * 7


@pytest.mark.parametrize(
    "text", ["81.845", "abc", "-5", "+5", "8 1", "1e2", "81.84.1", "", "101", "81."]
)
def test_text_that_is_not_a_score_is_reported(text: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        columns.classify(scores([text]))
    (error,) = caught.value.exceptions
    assert isinstance(error, RowError)
    assert (error.row, error.column, error.value) == (0, "score", text)


def test_a_float_off_the_grid_is_reported_on_the_grid_it_is_not() -> None:
    # 0.1 + 0.2 is 0.30000000000000004, which Score refuses too: no float is let through
    # for being near the grid.
    off = [0.1 + 0.2, 81.84 + 1e-7, math.nextafter(81.84, math.inf), math.nextafter(88.0, 0)]
    result = columns.classify(scores([*off, 81.84]), invalid="null")
    assert rows(result, "category") == [(None,), (None,), (None,), (None,), ("B",)]


def _score_accepts(value: float, year: int) -> bool:
    try:
        rules_for(year).band_for(Score(value))
    except InvalidScoreError:
        return False
    return True


NEAR_GRID = st.integers(0, 10_050).flatmap(
    lambda h: st.sampled_from(
        [h / 100, math.nextafter(h / 100, math.inf), math.nextafter(h / 100, -math.inf)]
    )
)
FLOATS = st.one_of(NEAR_GRID, st.floats(allow_nan=True, allow_infinity=True))


@pytest.mark.parametrize("backend", list(BACKENDS))
@settings(max_examples=40, deadline=None)
@given(values=st.lists(FLOATS, min_size=1, max_size=20), year=st.sampled_from([2015, 2023]))
def test_a_float_is_graded_iff_score_accepts_it(
    backend: str, values: list[float], year: int
) -> None:
    result = columns.classify(BACKENDS[backend](scores(values, year)), invalid="null")
    graded = [label is not None for (label,) in rows(result, "label")]
    assert graded == [_score_accepts(v, year) for v in values]


@settings(max_examples=40, deadline=None)
@given(values=st.lists(st.one_of(NEAR_GRID, st.floats(width=32)), min_size=1, max_size=20))
def test_a_float32_is_graded_iff_score_accepts_it(values: list[float]) -> None:
    frame = scores(values).astype({"score": "float32"})
    for native in (frame, pl.from_pandas(frame)):
        result = columns.classify(native, invalid="null")
        graded = [label is not None for (label,) in rows(result, "label")]
        assert graded == [_score_accepts(np.float32(v), 2023) for v in values]


def test_gap_columns() -> None:
    frame = scores([81.84, 60.35, 90.02, 53.38, 34.19], [2023, 2022, 2023, 2025, 2021])
    result = columns.gap_to_next_tier(frame)
    assert rows(result, "points", "target", "target_score") == [
        (6.16, "A (Kualitas Tertinggi)", 88.0),
        (17.65, "B (Kualitas Tinggi)", 78.0),
        (None, None, None),
        (0.62, "Kualitas Sedang (Cukup)", 54.0),
        (16.81, "zona kuning (Kepatuhan Sedang)", 51.0),
    ]


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_rank_within_a_pemda_and_a_province(backend: str) -> None:
    native = BACKENDS[backend]
    assert rows(columns.rank(native(UNITS), "within_pemda"), "rank", "of") == [
        (1, 4),
        (2, 4),
        (2, 4),
        (4, 4),
        (None, None),
        (None, None),
        (None, None),
    ]
    dense = columns.rank(native(UNITS), "within_pemda", ties="dense")
    assert rows(dense, "rank") == [(1,), (2,), (2,), (3,), (None,), (None,), (None,)]
    provincial = columns.rank(native(UNITS), "provincial")
    assert rows(provincial, "rank", "of")[4:] == [(2, 2), (1, 2), (None, None)]
    with_provinsi = columns.rank(native(UNITS), "provincial", include_provinsi=True)
    assert rows(with_provinsi, "rank", "of")[4:] == [(3, 3), (2, 3), (1, 3)]


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_ranks_of_several_scopes_side_by_side(backend: str) -> None:
    frame = columns.rank(BACKENDS[backend](UNITS), "national", output=("rank_national", "n"))
    frame = columns.rank(frame, "within_pemda")
    assert rows(frame, "rank_national", "n", "rank", "of")[3:5] == [
        (None, None, 4, 4),
        (1, 1, None, None),
    ]


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_a_scope_without_rows_ranks_nothing(backend: str) -> None:
    units = UNITS[UNITS["kind"].isin(["opd", "puskesmas", "rsud"])]
    result = columns.rank(BACKENDS[backend](units), "national")
    assert rows(result, "rank", "of") == [(None, None)] * 4
    assert rows(columns.rank(BACKENDS[backend](units), "within_pemda"), "rank") == [
        (1,),
        (2,),
        (2,),
        (4,),
    ]


def test_rank_on_pandas_is_nullable_int() -> None:
    empty = columns.rank(UNITS[UNITS["kind"] == "opd"], "provincial")
    assert str(empty["rank"].dtype) == str(empty["of"].dtype) == "Int64"
    result = columns.rank(UNITS, "national")
    assert str(result["rank"].dtype) == "Int64"
    assert result["rank"].tolist()[4:] == [1, 1, 1]


def test_rank_reports_bad_scores_of_the_scope_only() -> None:
    frame = UNITS.assign(score=[94.62, 93.44, 93.44, 89.44, 80.005, 85.0, 90.0])
    assert rows(columns.rank(frame, "within_pemda"), "rank")[:4] == [(1,), (2,), (2,), (4,)]
    with pytest.raises(InvalidDataError) as caught:
        columns.rank(frame, "provincial")
    assert [(e.row, e.column) for e in caught.value.exceptions] == [(4, "score")]


def test_ordinal_ties_are_not_offered() -> None:
    with pytest.raises(NotApplicableError, match="sort_key"):
        columns.rank(UNITS, "national", ties="ordinal")  # type: ignore[arg-type]


@pytest.mark.filterwarnings(DASK_WARNING)
def test_dask_classifies_and_gaps_a_partitioned_frame() -> None:
    frame = scores([77.99, 78.00, 87.99, 88.00, 81.84, 34.19], [2023] * 5 + [2021])
    partitioned = _dask(frame, npartitions=3)
    assert partitioned.npartitions == 3
    graded = columns.classify(partitioned)
    assert isinstance(graded, dd.DataFrame)
    categories = graded.compute()["category"]  # type: ignore[no-untyped-call]
    assert categories.tolist()[:5] == ["C", "B", "B", "A", "B"]
    gaps = columns.gap_to_next_tier(partitioned).compute()  # type: ignore[no-untyped-call]
    assert gaps["points"].isna().tolist() == [False, False, False, True, False, False]
    assert [round(p * 100) for p in gaps["points"].dropna().tolist()] == [1, 1000, 1, 616, 1681]


@pytest.mark.filterwarnings(DASK_WARNING)
def test_dask_reports_bad_rows() -> None:
    with pytest.raises(InvalidDataError) as caught:
        columns.classify(_dask(BAD, npartitions=2))
    assert [e.row for e in caught.value.exceptions] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.filterwarnings(DASK_WARNING)
def test_dask_cannot_rank() -> None:
    with pytest.raises(NotApplicableError) as caught:
        columns.rank(_dask(UNITS, npartitions=2), "within_pemda")
    assert "dask" in str(caught.value)
    assert ".compute()" in str(caught.value)


def test_lazy_frames_stay_lazy() -> None:
    lazy = pl.from_pandas(BOUNDS).lazy()
    assert isinstance(columns.classify(lazy), pl.LazyFrame)
    assert isinstance(columns.rank(pl.from_pandas(UNITS).lazy(), "national"), pl.LazyFrame)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: columns.classify(BOUNDS, score="points"), "score"),
        (lambda: columns.classify(BOUNDS, year="jahr"), "year"),
        (lambda: columns.classify(BOUNDS.astype({"year": "float64"})), "year"),
        (lambda: columns.classify(BOUNDS.astype({"score": "bool"})), "score"),
        (lambda: columns.classify(BOUNDS, lang="fr"), "lang"),  # type: ignore[arg-type]
        (lambda: columns.classify(BOUNDS, invalid="skip"), "invalid"),  # type: ignore[arg-type]
        (lambda: columns.classify([1, 2, 3]), "frame"),
        (lambda: columns.rank(UNITS, "regional"), "scope"),  # type: ignore[arg-type]
        (lambda: columns.rank(UNITS, "national", ties="max"), "ties"),  # type: ignore[arg-type]
        (lambda: columns.rank(UNITS, "national", group="province"), "group"),
        (lambda: columns.rank(UNITS, "provincial", group="pemda"), "group"),
        (lambda: columns.rank(UNITS, "national", kind="type"), "kind"),
        (lambda: columns.rank(UNITS, "national", output=("r", "r")), "output"),
        (lambda: columns.rank(UNITS, "national", output="rank"), "output"),  # type: ignore[arg-type]
        (lambda: columns.rank(UNITS, "provincial", include_provinsi=1), "include_provinsi"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_name_themselves(call: Callable[[], object], argument: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        call()
    assert caught.value.argument == argument


def test_without_narwhals_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "narwhals", None)
    with pytest.raises(MissingExtraError) as caught:
        columns.classify(BOUNDS)
    assert caught.value.extra == "columns"


def test_no_bound_is_written_twice() -> None:
    # The expressions are generated from the rule tables: changing nothing in the module,
    # every lower bound of every year lands on the band the RuleSet says.
    years, values = [], []
    for year in (2015, 2019, 2021, 2022, 2024, 2025):
        for band in rules_for(year).bands:
            years.append(year)
            values.append(float(band.lower.value))
    result = columns.classify(scores(values, years))
    expected = [classify(v, y).band.label for v, y in zip(values, years, strict=True)]
    assert [r[0] for r in rows(result, "label")] == expected


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.integers(0, 10_000), min_size=1, max_size=30), st.sampled_from([2021, 2023, 2025])
)
def test_text_float_and_integer_hundredths_agree(hundredths: list[int], year: int) -> None:
    as_float = scores([h / 100 for h in hundredths], year)
    as_text = scores([f"{h // 100},{h % 100:02d}" for h in hundredths], year)
    expected = [(classify(f"{h / 100:.2f}", year).band.label,) for h in hundredths]
    assert rows(columns.classify(as_float), "label") == expected
    assert rows(columns.classify(pl.from_pandas(as_text)), "label") == expected


JUNK = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.floats(), st.booleans())


@settings(max_examples=50, deadline=None)
@given(score=JUNK, year=JUNK, lang=JUNK, invalid=JUNK)
def test_junk_arguments_raise_only_opinipp_errors(
    score: object, year: object, lang: object, invalid: object
) -> None:
    try:
        columns.classify(BOUNDS, score=score, year=year, lang=lang, invalid=invalid)  # type: ignore[arg-type]
    except InvalidArgumentError as error:
        message = str(error)
    else:
        message = "graded"
    assert message
