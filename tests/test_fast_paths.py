"""Tests of the fast paths of the readers: they build exactly what the checked paths build."""

from __future__ import annotations

import io
import pickle
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opinipp import regions, serialization
from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import Puskesmas
from opinipp.errors import InvalidDataError, RowError
from opinipp.rules import Dimension
from opinipp.scores import Score
from opinipp.serialization import read_csv
from opinipp.strategies import assessments

_TEXT = st.text(min_size=1, max_size=12).filter(str.strip)
_DIMENSIONS = st.none() | st.dictionaries(
    st.sampled_from(list(Dimension)),
    st.integers(0, 10_000).map(Score.from_hundredths),
    min_size=1,
)
_PUBLISHED = st.none() | st.builds(
    PublishedResult,
    zone=st.none() | _TEXT,
    rank_national=st.none() | st.integers(1, 600),
    note=st.none() | _TEXT,
)


@settings(max_examples=150, deadline=None)
@given(
    base=assessments(),
    dimensions=_DIMENSIONS,
    published=_PUBLISHED,
    source=st.none() | _TEXT,
)
def test_trusted_equals_the_checked_constructor(
    base: Assessment,
    dimensions: dict[Dimension, Score] | None,
    published: PublishedResult | None,
    source: str | None,
) -> None:
    tanpa = base.tanpa_maladministrasi
    checked = Assessment(
        base.entity,
        base.year,
        base.score,
        dimensions=dimensions,
        tanpa_maladministrasi=tanpa,
        published=published,
        source=source,
    )
    fast = Assessment._trusted(
        base.entity,
        base.year,
        base.score,
        dimensions=dimensions,
        tanpa_maladministrasi=tanpa,
        published=published,
        source=source,
    )
    assert type(fast) is Assessment
    assert fast == checked
    assert hash(fast) == hash(checked)
    assert repr(fast) == repr(checked)
    assert pickle.dumps(fast) == pickle.dumps(checked)
    assert pickle.loads(pickle.dumps(fast)) == checked
    assert fast.dimensions == checked.dimensions
    assert (fast.grade.zone, fast.grade.category) == (checked.grade.zone, checked.grade.category)


def test_trusted_keeps_dimensions_in_dimension_order() -> None:
    pemda = regions.pemda("74.13")
    given_order = {Dimension.PENGADUAN: Score("70"), Dimension.INPUT: Score("90.5")}
    fast = Assessment._trusted(pemda, 2021, Score("81.84"), dimensions=given_order)
    assert fast.dimensions is not None
    assert list(fast.dimensions) == [Dimension.INPUT, Dimension.PENGADUAN]
    assert fast == Assessment(pemda, 2021, "81.84", dimensions=given_order)


_CSV = (
    "entity,kind,province,year,score,parent_pemda\n"
    "Puskesmas Lawa,puskesmas,Sultra,2023,81.84,Kab. Muna Barat\n"
    "Puskesmas Tiworo,puskesmas,Sultra,2023,77.10,Kabupaten Entah\n"
    "Puskesmas Kusambi,puskesmas,Sulawesi Entah,2023,70.00,Kab. Muna Barat\n"
    "Puskesmas Sawerigadi,puskesmas,Sultra,2023,66.00,Kab. Muna Barat\n"
    "Puskesmas Wadaga,puskesmas,Sultra,2023,65.00,Kabupaten Entah\n"
    "Puskesmas Maginti,puskesmas,Sulawesi Entah,2023,60.00,Kab. Muna Barat\n"
)


def test_read_csv_rows_equal_checked_assessments_and_bad_names_fail_on_every_row() -> None:
    with pytest.raises(InvalidDataError) as caught:
        read_csv(io.StringIO(_CSV))
    problems: list[RowError] = list(caught.value.exceptions)
    assert [(p.row, p.column, p.value) for p in problems] == [
        (3, "parent_pemda", "Kabupaten Entah"),
        (4, "province", "Sulawesi Entah"),
        (6, "parent_pemda", "Kabupaten Entah"),
        (7, "province", "Sulawesi Entah"),
    ]
    good = "".join(line + "\n" for line in _CSV.splitlines() if "Entah" not in line)
    rows = read_csv(io.StringIO(good))
    muna_barat = regions.pemda("Kab. Muna Barat")
    assert rows == (
        Assessment(Puskesmas(name="Puskesmas Lawa", pemda=muna_barat), 2023, "81.84"),
        Assessment(Puskesmas(name="Puskesmas Sawerigadi", pemda=muna_barat), 2023, "66.00"),
    )
    first, second = rows[0].entity, rows[1].entity
    assert isinstance(first, Puskesmas)
    assert isinstance(second, Puskesmas)
    assert first.pemda is second.pemda  # one lookup, shared


def test_read_csv_restores_quoted_cells_only_where_written() -> None:
    text = (
        "entity,kind,province,year,score\n"
        "Kabupaten Muna Barat,kabupaten,Sultra,2023,81.84\n"
        "Kementerian Luar Negeri,kementerian,,2023,94.85\n"
    )
    quoted = text.replace("Kementerian Luar Negeri", "'=Kementerian Luar Negeri")
    assert read_csv(io.StringIO(text))[1].entity.name == "Kementerian Luar Negeri"
    assert read_csv(io.StringIO(quoted))[1].entity.name == "=Kementerian Luar Negeri"


_MIXED = (
    "entity,kind,province,year,score,parent_pemda,code,opd_kind,tanpa_maladministrasi\n"
    "Provinsi Sulawesi Tenggara,provinsi,Sultra,2023,80.10,,,,\n"
    "Kabupaten Muna Barat,kabupaten,Sultra,2023,81.84,,,,\n"
    "Kota Baubau,kota,,2023,70.00,,,,\n"
    "Kementerian Luar Negeri,kementerian,,2023,94.85,,,,\n"
    "Badan Pusat Statistik,lembaga,,2023,88.00,,,,\n"
    "Dinas Sosial,opd,Sultra,2023,77.77,Kab. Muna Barat,,,\n"
    "Dinas Sosial,opd,Sultra,2023,77.77,Kab. Muna Barat,,,\n"
    "Dinas Kesehatan,opd,,2023,60.00,,74.13,dinkes,\n"
    "RSUD Muna Barat,rsud,Sultra,2023,90.00,Kab. Muna Barat,,,\n"
    "Puskesmas Lawa,puskesmas,Sultra,2023,101.00,Kab. Muna Barat,,,\n"
    "Puskesmas Tiworo,puskesmas,Sultra,2015,80.00,Kab. Muna Barat,,,\n"
    "Puskesmas Kusambi,puskesmas,Sultra,2023,80.00,Kab. Muna Barat,,,true\n"
    "Puskesmas Maginti,puskesmas,Sultra,2025,80.00,Kab. Muna Barat,,,true\n"
    "Kementerian Agama,kementerian,Sultra,2023,80.00,,,,\n"
    "Kabupaten Muna Barat,kota,Sultra,2023,80.00,,,,\n"
    "   ,puskesmas,Sultra,2023,80.00,Kab. Muna Barat,,,\n"
    "Puskesmas Wadaga,puskesmas,Sultra,2023,80.00,,,,\n"
    "Puskesmas Lasehao,puskesmas,Sultra,2023,80.00,Kab. Muna Barat,,dinkes,\n"
    "Kabupaten Muna,kabupaten,Sultra,2023,75.5,Kab. Muna Barat,,,\n"
    "Kabupaten Muna,kabupaten,Sultra,2023,75.5,,,,\n"
)


_Outcome = tuple[Assessment, ...] | list[tuple[object, ...]]


def _outcome(text: str, mode: str, *, strip: bool) -> _Outcome:
    """The assessments read from ``text``, or the details of every RowError raised."""
    try:
        return serialization._read_csv_stream(
            io.StringIO(text),
            "x.csv",
            "collect" if mode == "collect" else "raise",
            strip_parent_suffix=strip,
        )
    except (InvalidDataError, RowError) as err:
        found = err.exceptions if isinstance(err, InvalidDataError) else [err]
        return [
            (type(e), e.row, e.column, e.value, e.reason, str(e))
            for e in found
            if isinstance(e, RowError)
        ]


def _both_ways(monkeypatch: pytest.MonkeyPatch, text: str, *, strip: bool) -> list[_Outcome]:
    """Read ``text`` with and without the fast path, collecting then raising."""
    outcomes: list[_Outcome] = []
    for fast in (True, False):
        with monkeypatch.context() as patched:
            if not fast:
                patched.setattr(serialization, "_fast_read", lambda *_, **__: None)
                patched.setattr(serialization, "_fast_cells", lambda *_, **__: None)
            outcomes.extend(_outcome(text, mode, strip=strip) for mode in ("collect", "raise"))
    return outcomes


def test_the_fast_path_reads_and_reports_exactly_like_the_full_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast_collect, fast_raise, full_collect, full_raise = _both_ways(
        monkeypatch, _MIXED, strip=False
    )
    assert isinstance(full_collect, list)
    assert isinstance(fast_raise, list)
    assert fast_collect == full_collect
    assert fast_raise == full_raise
    assert len(fast_raise) == 1  # the first problem only
    assert fast_raise[0] == full_collect[0]
    assert [(row, column) for _, row, column, *_ in full_collect] == [
        (8, "entity"),
        (11, "score"),
        (12, "score"),
        (13, "tanpa_maladministrasi"),
        (15, "province"),
        (16, "entity"),
        (17, "entity"),
        (18, "parent_pemda"),
        (19, "opd_kind"),
        (20, "parent_pemda"),
    ]


@pytest.mark.parametrize(
    ("filename", "rows"),
    [("published_results.csv", 100), ("published_results_supplement.csv", 1)],
)
def test_the_fast_path_reads_the_bundled_data_like_the_full_reader(
    monkeypatch: pytest.MonkeyPatch, filename: str, rows: int
) -> None:
    text = (resources.files("opinipp") / "data" / filename).read_text(encoding="utf-8")
    fast, _, full, _ = _both_ways(monkeypatch, text, strip=True)
    assert isinstance(fast, tuple)
    assert len(fast) >= rows
    assert fast == full
    assert [repr(a) for a in fast] == [repr(a) for a in full]


def test_the_fast_path_sees_a_quoted_cell_and_absent_columns_as_the_full_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "entity_name,entity_kind,year,score,province,parent_pemda,source_url,note\n"
        "Kabupaten Muna Barat,kabupaten,2023,81.84,Sultra,,'=https://x.test,\n"
        "Kabupaten Muna,kabupaten,2023,70.00,Sultra,,,catatan\n"
        "Dinas Sosial Kabupaten Muna,opd,2023,77.00,Sultra,Kabupaten Muna,,\n"
    )
    fast, _, full, _ = _both_ways(monkeypatch, text, strip=True)
    assert isinstance(fast, tuple)
    assert fast == full
    assert [a.source for a in fast] == ["=https://x.test", None, None]
    assert fast[1].published == PublishedResult(note="catatan")
    assert str(fast[2].entity) == "Dinas Sosial Kabupaten Muna"
