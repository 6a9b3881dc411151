"""NumPy and pandas values through every entry point that takes a score or a year.

An analyst's scores come out of a data frame as NumPy scalars (``np.float64``, ``np.int64``),
0-d arrays or pandas' missing values; each either gives the value the user sees or a
documented :class:`~opinipp.errors.InvalidScoreError`, never a stray ``decimal`` error.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from opinipp.assessments import Assessment
from opinipp.entities import Instansi, InstansiKind
from opinipp.errors import InvalidScoreError
from opinipp.gaps import gap_to, gap_to_next_tier
from opinipp.rules import Band, Category, Dimension, Zone, rules_for
from opinipp.scores import Score
from opinipp.strategies import scores
from opinipp.zoning import classify, pemda_score, score_from_dimensions

KEMLU = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)

# 81.84 (Kabupaten Muna Barat, 2023) as a data frame hands it out.
SPELLINGS_OF_81_84: list[Any] = [
    np.float64(81.84),
    np.float32(81.84),
    np.longdouble("81.84"),
    np.array(81.84),
    np.array(81.84, dtype=np.float32),
    np.array("81.84"),
    np.array(Decimal("81.84"), dtype=object),
    pd.Series([81.84]).iloc[0],
    pd.array([81.84], dtype="Float64")[0],
]
INT_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
# 81 through every NumPy integer width, a 0-d array and pandas' nullable Int64.
SPELLINGS_OF_81: list[Any] = [
    *(t(81) for t in INT_DTYPES),
    np.array(81),
    pd.Series([81]).iloc[0],
    pd.array([81], dtype="Int64")[0],
]


def _ids(values: list[Any]) -> list[str]:
    return [f"{type(v).__name__}:{getattr(v, 'dtype', '')}" for v in values]


@pytest.mark.parametrize("value", SPELLINGS_OF_81_84, ids=_ids(SPELLINGS_OF_81_84))
def test_every_entry_point_reads_numpy_81_84(value: Any) -> None:
    expected = Score("81.84")
    assert Score(value) == expected
    assert Score(value).hundredths == 8184
    assert Score.rounded(value) == expected
    grade = classify(value, 2023)
    assert (grade.category, grade.zone) == (Category.B, Zone.HIJAU)
    assert gap_to(value, 2023, "A").points == Decimal("6.16")
    assert gap_to_next_tier(value, 2023) == gap_to("81.84", 2023, "A")
    assert pemda_score([value, "81.85"], 2023) == Score("81.85")  # 81.845 rounds half-up
    assessment = Assessment(KEMLU, 2023, value, dimensions={"proses": value})
    assert assessment.score == expected
    assert assessment.dimensions == {Dimension.PROSES: expected}
    band = Band(value, value, category=Category.B)
    assert (band.lower, band.upper) == (expected, expected)
    assert band.contains(value)
    assert not Band("81.85", "90", category=Category.B).contains(value)
    assert rules_for(2023).band_for(value).category is Category.B
    assert find(scores(value, value), lambda _: True) == expected
    four = dict.fromkeys(("input", "proses", "output", "pengaduan"), value)
    assert score_from_dimensions(four, 2023) == expected  # the 2023 weights sum to 100 %


@pytest.mark.parametrize("value", SPELLINGS_OF_81, ids=_ids(SPELLINGS_OF_81))
def test_every_entry_point_reads_numpy_81(value: Any) -> None:
    expected = Score("81.00")
    assert Score(value) == expected
    assert Score.rounded(value) == expected
    assert classify(value, 2023).category is Category.B
    assert gap_to(value, 2023, "A").points == Decimal("7.00")
    assert gap_to_next_tier(value, 2023).points == Decimal("7.00")  # type: ignore[union-attr]
    assert pemda_score([value, value], 2023) == expected
    assert Assessment(KEMLU, 2023, value).score == expected
    assert Band(value, value, category=Category.B).contains(value)
    assert rules_for(2023).band_for(value).category is Category.B
    assert find(scores(value, value), lambda _: True) == expected


@pytest.mark.parametrize("hundredths", [np.int64(8184), np.uint16(8184), np.array(8184)])
def test_from_hundredths_takes_numpy_ints(hundredths: Any) -> None:
    assert Score.from_hundredths(hundredths) == Score("81.84")


def test_pemda_score_takes_a_numpy_array_and_a_series() -> None:
    rembang = [100, 99.65, 99.30, 99.16, 99.08, 97.72, 97.40]  # 2024
    assert pemda_score(np.array(rembang), 2024) == Score("98.90")
    assert pemda_score(pd.Series(rembang), 2024) == Score("98.90")
    assert pemda_score(np.array(rembang, dtype=np.float32), 2024) == Score("98.90")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "missing value (None)"),
        (pd.NA, "missing value (<NA>)"),
        (pd.NaT, "missing value (NaT)"),
        (np.float64("nan"), "not a number (NaN)"),
        (np.float32("nan"), "not a number (NaN)"),
        (np.array(np.nan), "not a number (NaN)"),
        (np.float64("inf"), "infinite"),
        (np.float32("-inf"), "infinite"),
        (np.float64(81.845), "more than two decimals"),
        (np.float32(81.845), "more than two decimals"),
        (np.float64(-0.01), "below 0.00"),
        (np.float64(100.01), "above 100.00"),
        (np.int64(-1), "below 0.00"),
        (np.int8(-1), "below 0.00"),
        (np.uint64(2**64 - 1), "above 100.00"),
        (np.int64(101), "above 100.00"),
        (np.True_, "bool is not a score"),
        (np.array([True]).reshape(()), "bool is not a score"),
        (np.float16(81.84), "float16 holds about three digits"),
        (np.array([81.84]), "an array of shape (1,)"),
        (np.array([[81]]), "an array of shape (1, 1)"),
        (pd.Series([81.84]), "an array of shape (1,)"),
        (np.complex128(81), "unsupported type complex128"),
        (np.datetime64("2023-12-14"), "unsupported type datetime64"),
        (np.timedelta64(81, "D"), "unsupported type timedelta64"),
        (np.bytes_(b"81"), "unsupported type bytes_"),
    ],
    ids=repr,
)
def test_numpy_and_pandas_rejections_are_documented(value: Any, reason: str) -> None:
    builders = [Score] if "two decimals" in reason else [Score, Score.rounded]
    for build in builders:
        with pytest.raises(InvalidScoreError) as info:
            build(value)
        assert reason in info.value.reason
        assert info.value.value is value
        assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidScoreError):
        classify(value, 2023)


def test_longdouble_is_read_at_its_own_precision() -> None:
    # np.longdouble(81.84) widens the binary double 81.8400000000000034..., not 81.84.
    wide = np.longdouble(81.84)
    if str(wide) == "81.84":  # pragma: no cover - platforms where longdouble is a double
        assert Score(wide) == Score("81.84")
    else:
        with pytest.raises(InvalidScoreError, match="more than two decimals"):
            Score(wide)
        assert Score.rounded(wide) == Score("81.84")


@given(st.integers(0, 10_000))
def test_numpy_float64_and_float32_read_like_python_floats(hundredths: int) -> None:
    f = hundredths / 100  # every finite float with at most two decimals on 0-100
    assert Score(np.float64(f)) == Score(f) == Score.from_hundredths(hundredths)
    assert Score(np.float32(f)) == Score(f)
    assert Score(np.array(f)) == Score(f)


@given(st.integers(0, 100), st.sampled_from(INT_DTYPES))
def test_numpy_ints_of_every_width_read_like_ints(i: int, dtype: Any) -> None:
    assert Score(dtype(i)) == Score(i)
    assert Score(np.array(i, dtype=dtype)) == Score(i)


def test_assessment_year_is_stored_as_a_plain_int() -> None:
    for year in (np.int64(2023), np.int16(2023), np.uint16(2023), np.array(2023)):
        assessment = Assessment(KEMLU, year, np.float64(81.84))
        assert type(assessment.year) is int
        assert assessment.year == 2023
        assert assessment == Assessment(KEMLU, 2023, "81.84")
        assert hash(assessment) == hash(Assessment(KEMLU, 2023, "81.84"))


def test_import_does_not_load_numpy() -> None:
    code = "import sys, opinipp; print('numpy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


def test_numpy_operands_behave_like_their_python_counterparts() -> None:
    s = Score("81.84")
    assert s < np.int64(90)
    assert np.int64(90) > s
    assert s + np.int64(6) == Decimal("87.84")
    assert np.uint8(90) - s == Decimal("8.16")
    with pytest.raises(TypeError):
        _ = s < np.float64(90)
    with pytest.raises(TypeError):
        _ = np.float32(90) > s
    with pytest.raises(TypeError):
        _ = s + np.float64(6)
