"""The one record reader that CSV files, data frames and the bundled data share."""

from __future__ import annotations

import io
from importlib import resources

import pytest

from opinipp import regions
from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import Puskesmas
from opinipp.errors import InvalidArgumentError, InvalidDataError, RowError
from opinipp.serialization import read_csv
from opinipp.serialization._csv import read_csv_stream
from opinipp.serialization._records import check_error_mode, read_records

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
        return read_csv_stream(
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


def test_the_reader_reports_every_bad_cell_and_raise_mode_stops_at_the_first() -> None:
    collected = _outcome(_MIXED, "collect", strip=False)
    raised = _outcome(_MIXED, "raise", strip=False)
    assert isinstance(collected, list)
    assert isinstance(raised, list)
    assert len(raised) == 1  # the first problem only
    assert raised[0] == collected[0]
    assert [(row, column) for _, row, column, *_ in collected] == [
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
    good = _outcome(
        "".join(
            line + "\n" for i, line in enumerate(_MIXED.splitlines(), 1) if i in {1, 2, 3, 4, 5, 6}
        ),
        "raise",
        strip=False,
    )
    assert isinstance(good, tuple)
    assert [(str(a.entity), a.year, str(a.score)) for a in good] == [
        ("Provinsi Sulawesi Tenggara", 2023, "80.10"),
        ("Kabupaten Muna Barat", 2023, "81.84"),
        ("Kota Bau Bau", 2023, "70.00"),
        ("Kementerian Luar Negeri", 2023, "94.85"),
        ("Badan Pusat Statistik", 2023, "88.00"),
    ]


@pytest.mark.parametrize(
    ("filename", "rows"),
    [("published_results.csv", 683)],
)
def test_the_bundled_data_reads_the_same_in_both_modes(filename: str, rows: int) -> None:
    text = (resources.files("opinipp") / "data" / filename).read_text(encoding="utf-8")
    collected = _outcome(text, "collect", strip=True)
    raised = _outcome(text, "raise", strip=True)
    assert isinstance(collected, tuple)
    assert len(collected) == rows
    assert collected == raised


def test_a_quoted_cell_and_absent_columns_read_as_written() -> None:
    text = (
        "entity_name,entity_kind,year,score,province,parent_pemda,source_url,note\n"
        "Kabupaten Muna Barat,kabupaten,2023,81.84,Sultra,,'=https://x.test,\n"
        "Kabupaten Muna,kabupaten,2023,70.00,Sultra,,,catatan\n"
        "Dinas Sosial Kabupaten Muna,opd,2023,77.00,Sultra,Kabupaten Muna,,\n"
    )
    found = _outcome(text, "collect", strip=True)
    assert isinstance(found, tuple)
    assert [a.source for a in found] == ["=https://x.test", None, None]
    assert found[0].published is None
    assert found[1].published == PublishedResult(note="catatan")
    assert str(found[2].entity) == "Dinas Sosial Kabupaten Muna"


def test_records_from_any_source_read_like_csv_rows() -> None:
    record = {
        "name": ("entity", "Muna Barat"),
        "kind": ("kind", "kabupaten"),
        "province": ("province", "Sultra"),
        "year": ("year", "2023"),
        "score": ("score", "81,84"),
    }
    assert read_records([(0, record)], "records", "collect") == (
        Assessment(regions.pemda("74.13"), 2023, "81.84"),
    )
    bad = {**record, "score": ("score", "101")}
    with pytest.raises(InvalidDataError) as caught:
        read_records([(0, bad), (1, RowError(1, None, "x", "unreadable"))], "records", "collect")
    assert [(e.row, e.column) for e in caught.value.exceptions] == [(0, "score"), (1, None)]
    assert check_error_mode("collect") == "collect"
    with pytest.raises(InvalidArgumentError, match="errors"):
        check_error_mode("ignore")
