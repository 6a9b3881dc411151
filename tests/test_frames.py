"""to_pandas / from_pandas: columns, exact scores, rankings, round trips, the missing extra."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_junk import (
    BrokenEverything,
    JunkReprFloat,
    LyingStr,
    RaisingDecimal,
    RaisingInt,
    WrongTypeStr,
)
from opinipp import regions, strategies
from opinipp.assessments import Assessment, PublishedResult
from opinipp.datasets import published_results
from opinipp.entities import OPD, OPDKind, PemdaKind
from opinipp.errors import InvalidArgumentError, InvalidDataError, MissingExtraError, RowError
from opinipp.frames import from_pandas, to_pandas
from opinipp.ranking import National, rank
from opinipp.scores import Score

MUBAR = regions.pemda("Kab. Muna Barat")
COLUMNS = [
    "year",
    "entity",
    "kind",
    "name",
    "code",
    "province",
    "parent_pemda",
    "opd_kind",
    "score",
    "tanpa_maladministrasi",
    "zone",
    "category",
    "opinion",
    "quality",
    "predikat",
    "label",
    "dimension_input",
    "dimension_proses",
    "dimension_output",
    "dimension_pengaduan",
    "zone_published",
    "category_published",
    "opinion_published",
    "rank_national",
    "rank_national_of",
    "rank_province",
    "rank_province_of",
    "note",
    "source",
]


def _plain(value: object) -> object:
    """A frame cell with pandas' missing markers (NaN, pd.NA) as None."""
    if isinstance(value, (str, Decimal)) or value is None:
        return value
    return None if pd.isna(value) else value  # type: ignore[call-overload]


def test_columns_and_values_of_assessments() -> None:
    dinsos = OPD(pemda=regions.pemda("Kab. Bolaang Mongondow"), kind=OPDKind.DINSOS)
    items = [
        Assessment(MUBAR, 2021, "34.19"),
        Assessment(
            MUBAR, 2022, "69.17", published=PublishedResult(zone="kuning", rank_national=249)
        ),
        Assessment(MUBAR, 2023, "81.84", dimensions={"input": "90.00"}),
        Assessment(dinsos, 2025, "86.83", tanpa_maladministrasi=True),
        Assessment(MUBAR, 2024, None, source="https://example.org"),
    ]
    df = to_pandas(items)
    assert list(df.columns) == COLUMNS
    rows = [{k: _plain(v) for k, v in r.items()} for r in df.to_dict("records")]
    assert [r["score"] for r in rows[:4]] == [
        Decimal("34.19"),
        Decimal("69.17"),
        Decimal("81.84"),
        Decimal("86.83"),
    ]
    assert all(isinstance(r["score"], Decimal) for r in rows[:4])
    labels = ("zone", "category", "opinion", "quality", "predikat", "label")
    assert [tuple(r[k] for k in labels) for r in rows] == [
        ("merah", None, None, None, "Kepatuhan Rendah", "Kepatuhan Rendah"),
        ("kuning", "C", "Kualitas Sedang", None, None, "Kualitas Sedang"),
        ("hijau", "B", "Kualitas Tinggi", None, None, "Kualitas Tinggi"),
        (
            None,
            None,
            "Kualitas Tinggi Tanpa Maladministrasi",
            "Baik",
            None,
            "Kualitas Tinggi Tanpa Maladministrasi",
        ),
        (None, None, None, None, None, None),
    ]
    assert rows[3]["entity"] == "Dinas Sosial Kabupaten Bolaang Mongondow"
    assert (rows[3]["kind"], rows[3]["name"], rows[3]["opd_kind"], rows[3]["code"]) == (
        "opd",
        "Dinas Sosial",
        "dinsos",
        "71.01",
    )
    assert rows[3]["parent_pemda"] == "Kabupaten Bolaang Mongondow"
    assert rows[3]["opinion"] == "Kualitas Tinggi Tanpa Maladministrasi"
    assert rows[3]["zone"] is None
    assert rows[3]["tanpa_maladministrasi"] is True
    assert rows[0]["tanpa_maladministrasi"] is None
    assert rows[1]["zone_published"] == "kuning"
    assert rows[1]["rank_national"] == 249
    assert rows[2]["dimension_input"] == Decimal("90.00")
    assert rows[4]["score"] is None
    assert rows[4]["zone"] is None
    assert rows[4]["source"] == "https://example.org"
    assert str(df["year"].dtype) == "int64"
    assert str(df["rank_national"].dtype) == "Int64"


def test_a_ranking_adds_rank_and_of() -> None:
    results = [
        Assessment(regions.pemda("Kabupaten Tuban"), 2023, "97.44"),
        Assessment(regions.pemda("Kabupaten Muna Barat"), 2023, "81.84"),
        Assessment(regions.pemda("Kabupaten Mukomuko"), 2023, "90.02"),
        Assessment(regions.pemda("Kabupaten Seluma"), 2023, "90.02"),
    ]
    ranking = rank(results, National(PemdaKind.KABUPATEN))
    df = to_pandas(ranking)
    assert list(df.columns) == ["rank", "of", *COLUMNS]
    assert df[["rank", "of", "entity"]].to_dict("split")["data"] == [
        [1, 4, "Kabupaten Tuban"],
        [2, 4, "Kabupaten Seluma"],  # ties in Kemendagri order: 17.05 before 17.06
        [2, 4, "Kabupaten Mukomuko"],
        [4, 4, "Kabupaten Muna Barat"],
    ]
    assert from_pandas(df) == ranking.assessments


def test_empty_input_gives_an_empty_frame_with_every_column() -> None:
    df = to_pandas([])
    assert list(df.columns) == COLUMNS
    assert len(df) == 0
    assert from_pandas(df) == ()


def test_the_bundled_dataset_survives_a_round_trip() -> None:
    results = published_results()
    back = from_pandas(to_pandas(results))
    assert back == results
    assert [a.published for a in back] == [a.published for a in results]
    assert [a.source for a in back] == [a.source for a in results]
    assert [a.tanpa_maladministrasi for a in back] == [a.tanpa_maladministrasi for a in results]


def test_a_frame_through_a_csv_file_comes_back_with_codes_as_text() -> None:
    results = published_results()[:50]
    text = to_pandas(results).to_csv(index=False)
    df = pd.read_csv(io.StringIO(text), dtype={"code": str})
    assert from_pandas(df) == results


@given(st.lists(strategies.assessments(), max_size=5))
def test_round_trip_is_lossless(items: list[Assessment]) -> None:
    seen: dict[tuple[object, int], Assessment] = {}
    for a in items:
        seen.setdefault((a.entity, a.year), a)
    unique = list(seen.values())
    back = from_pandas(to_pandas(unique))
    assert list(back) == unique
    assert [str(a.entity) for a in back] == [str(a.entity) for a in unique]
    assert [a.tanpa_maladministrasi for a in back] == [a.tanpa_maladministrasi for a in unique]


def test_from_pandas_reads_plain_frames() -> None:
    df = pd.DataFrame(
        {
            "year": [2021, 2022, 2023, 2023],
            "kind": ["kabupaten", "kabupaten", "kabupaten", "kementerian"],
            "entity": [
                "Kab. Muna Barat",
                "Muna Barat",
                "Kabupaten Muna Barat",
                "Kementerian Luar Negeri",
            ],
            "score": ["34,19", 69.17, Decimal("81.84"), None],
        }
    )
    found = from_pandas(df)
    assert [(str(a.entity), a.year, a.score) for a in found] == [
        ("Kabupaten Muna Barat", 2021, Score("34.19")),
        ("Kabupaten Muna Barat", 2022, Score("69.17")),
        ("Kabupaten Muna Barat", 2023, Score("81.84")),
        ("Kementerian Luar Negeri", 2023, None),
    ]


def test_from_pandas_reports_bad_rows_by_position() -> None:
    df = pd.DataFrame(
        {
            "year": [2023, 2020, 2023, 2023],
            "kind": ["kabupaten", "kabupaten", "kota", "kabupaten"],
            "name": ["Muna Barat", "Muna Barat", "Muna Barat", "Tuban"],
            "score": ["81.84", "50", "81.84", 81.845],
        }
    )
    with pytest.raises(InvalidDataError) as info:
        from_pandas(df)
    assert [(e.row, e.column) for e in info.value.exceptions] == [
        (1, "year"),
        (2, "name"),
        (3, "score"),
    ]
    with pytest.raises(RowError) as first:
        from_pandas(df, errors="raise")
    assert (first.value.row, first.value.column) == (1, "year")


def test_from_pandas_rejects_cells_of_the_wrong_type() -> None:
    df = pd.DataFrame(
        {"year": [2023], "kind": ["kabupaten"], "name": ["Muna Barat"], "score": [[81.84]]}
    )
    with pytest.raises(RowError, match="unsupported value type list"):
        from_pandas(df, errors="raise")
    nan_decimal = df.assign(score=[Decimal("NaN")])
    with pytest.raises(RowError, match="NaN"):
        from_pandas(nan_decimal, errors="raise")


def test_from_pandas_reports_every_cell_of_an_unsupported_type() -> None:
    import numpy as np

    df = pd.DataFrame(
        {
            "year": [2023, 2023, np.array([2023, 2024])],
            "kind": ["kabupaten", "kabupaten", "kabupaten"],
            "name": ["Muna Barat", np.array(["x", "y"]), "Tuban"],
            "score": [np.array([81.84, 1.0]), np.float64(69.17), {"a": 1}],
        }
    )
    with pytest.raises(InvalidDataError) as info:
        from_pandas(df)
    assert [(e.row, e.column) for e in info.value.exceptions] == [
        (0, "score"),
        (1, "name"),
        (2, "year"),
        (2, "score"),
    ]
    assert all("unsupported value type" in e.reason for e in info.value.exceptions)
    with pytest.raises(RowError, match="unsupported value type ndarray"):
        from_pandas(df, errors="raise")


def test_from_pandas_reads_subclasses_for_their_value_alone() -> None:
    cells = {
        "year": [RaisingInt(2023)],
        "kind": [LyingStr("kabupaten")],
        "name": [WrongTypeStr("Muna Barat")],
        "score": [RaisingDecimal("81.84")],
    }
    df = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in cells.items()})
    assert from_pandas(df) == (Assessment(regions.pemda("74.13"), 2023, "81.84"),)
    floats = df.assign(score=pd.Series([JunkReprFloat(81.84)], dtype=object))
    assert from_pandas(floats)[0].score == Score("81.84")


def test_from_pandas_reports_huge_ints_and_hostile_cells() -> None:
    df = pd.DataFrame(
        {
            "year": pd.Series([10**5000, 2023], dtype=object),
            "kind": ["kabupaten", "kabupaten"],
            "name": ["Muna Barat", "Muna Barat"],
            "score": pd.Series(["81.84", BrokenEverything()], dtype=object),
        }
    )
    with pytest.raises(InvalidDataError) as info:
        from_pandas(df)
    assert [(e.row, e.column, e.reason) for e in info.value.exceptions] == [
        (0, "year", "a whole number of 16610 bits: too large"),
        (1, "score", "unsupported value type BrokenEverything"),
    ]


@pytest.mark.parametrize(
    ("columns", "match"),
    [
        (["year", "kind", "name"], "score"),
        (["year", "kind", "score"], "name"),
        (["year", "name", "score"], "kind"),
        (["year", "kind", "name", "score", "gap"], "gap"),
        (["year", "kind", "name", "score", "zone", "rank"], None),
    ],
)
def test_from_pandas_checks_the_columns(columns: list[str], match: str | None) -> None:
    values = {
        "year": 2023,
        "kind": "kabupaten",
        "name": "Muna Barat",
        "score": "81.84",
        "gap": 1,
        "zone": "hijau",
        "rank": 1,
    }
    df = pd.DataFrame({c: [values[c]] for c in columns})
    if match is None:
        assert from_pandas(df) == (Assessment(MUBAR, 2023, "81.84"),)
        return
    with pytest.raises(InvalidArgumentError, match=match):
        from_pandas(df)


def test_repeated_columns_are_rejected() -> None:
    df = pd.DataFrame([[2023, "kabupaten", "Muna Barat", "1", "2"]])
    df.columns = pd.Index(["year", "kind", "name", "score", "score"])
    with pytest.raises(InvalidArgumentError, match="each column once"):
        from_pandas(df)


@pytest.mark.parametrize("junk", [None, "Muna Barat", 5, [1, 2], Assessment(MUBAR, 2023, "1")])
def test_to_pandas_rejects_junk(junk: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="Ranking"):
        to_pandas(junk)


@pytest.mark.parametrize("junk", [None, {"year": [2023]}, [Assessment(MUBAR, 2023, "1")]])
def test_from_pandas_rejects_junk(junk: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="DataFrame"):
        from_pandas(junk)


def test_from_pandas_rejects_unknown_error_modes() -> None:
    with pytest.raises(InvalidArgumentError, match="errors"):
        from_pandas(to_pandas([]), errors="skip")  # type: ignore[arg-type]


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError) as info:
        to_pandas([Assessment(MUBAR, 2023, "81.84")])
    assert info.value.extra == "pandas"
    assert "pip install 'opinipp[pandas]'" in str(info.value)
    assert isinstance(info.value, ImportError)
    with pytest.raises(MissingExtraError, match=r"opinipp\[pandas\]"):
        from_pandas(object())  # type: ignore[arg-type]


def test_frames_keep_dimensions_and_published_labels() -> None:
    a = Assessment(
        MUBAR,
        2022,
        "69.17",
        dimensions={"input": "70.00", "proses": "68.50", "output": "69.00", "pengaduan": "69.10"},
        published=PublishedResult(
            zone="kuning", category="C", opinion="kualitas sedang", note="seed"
        ),
        source="https://example.org",
    )
    (back,) = from_pandas(to_pandas([a]))
    assert back == a
    assert attrs.asdict(back, recurse=False) == attrs.asdict(a, recurse=False)
