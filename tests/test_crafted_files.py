"""Crafted files: every fault of a CSV or JSON file is reported where it is, nothing valid is lost.

Each test builds a file with faults at known places (bytes that are not UTF-8, a stray quote,
a cut-off file, a byte-order mark, a 10 MB cell, duplicate keys …) among valid rows, and
checks the exact list of problems (row and column, or JSON path) and that the valid rows
come back unchanged. The shared row source and the atomic writer are tested here too.
"""

from __future__ import annotations

import io
import os
from typing import IO, TYPE_CHECKING

import pytest

from opinipp import regions
from opinipp.assessments import Assessment
from opinipp.entities import Pemda, Province
from opinipp.errors import (
    DuplicateEntityError,
    InvalidArgumentError,
    InvalidDataError,
    InvalidScoreError,
    RowError,
    RulesNotAvailableError,
    UnknownRegionError,
)
from opinipp.scores import Score
from opinipp.serialization import (
    MINIMAL_COLUMNS,
    assessments_from_json,
    from_json,
    read_csv,
    write_csv,
)
from opinipp.serialization._table import read_rows, write_atomically

if TYPE_CHECKING:
    from pathlib import Path

MUBAR = regions.pemda("74.13")
HEADER = ",".join(MINIMAL_COLUMNS)
GOOD = "Muna Barat,kabupaten,Sultra,2023,81.84"
TEN_MB = 10 * 1024 * 1024


def _problems(source: object) -> list[tuple[int, str | None]]:
    with pytest.raises(InvalidDataError) as info:
        read_csv(source)  # type: ignore[arg-type]
    return [(e.row, e.column) for e in info.value.exceptions if isinstance(e, RowError)]


# -- the row source -------------------------------------------------------------------------


def test_read_rows_reads_paths_text_and_binary_files_alike(tmp_path: Path) -> None:
    data = '\ufeffa,b\r\n\r\n1,"two\r\nlines"\r\n3,4\r\n'.encode()
    path = tmp_path / "rows.csv"
    path.write_bytes(data)
    expected = [(1, ["a", "b"]), (3, ["1", "two\r\nlines"]), (5, ["3", "4"])]
    assert list(read_rows(path)) == expected
    assert list(read_rows(str(path))) == expected
    assert list(read_rows(io.BytesIO(data))) == expected
    assert list(read_rows(io.StringIO(data.decode(), newline=""))) == expected
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(read_rows(handle)) == expected
        assert not handle.closed  # the caller's file stays open


def test_read_rows_reports_undecodable_cells_and_reads_on() -> None:
    data = b"a,b,c\n\xff,ok,x\xc3\n1,2,3\n"
    rows = list(read_rows(io.BytesIO(data), errors="collect"))
    problems = [(r, c.column, c.value) for r, c in rows if isinstance(c, RowError)]
    assert problems == [(2, "a", b"\xff"), (2, "c", b"x\xc3")]
    assert [(r, c) for r, c in rows if isinstance(c, list)] == [
        (1, ["a", "b", "c"]),
        (2, ["", "ok", ""]),
        (3, ["1", "2", "3"]),
    ]
    with pytest.raises(RowError) as info:
        list(read_rows(io.BytesIO(data), errors="raise"))
    assert (info.value.row, info.value.column, info.value.value) == (2, "a", b"\xff")


def test_read_rows_reads_a_ten_megabyte_cell() -> None:
    big = "x" * TEN_MB
    rows = list(read_rows(io.StringIO(f"a,b\n1,{big}\n2,3\n")))
    assert [(r, [len(c) for c in cells]) for r, cells in rows if isinstance(cells, list)] == [
        (1, [1, 1]),
        (2, [1, TEN_MB]),
        (3, [1, 1]),
    ]


@pytest.mark.parametrize("source", [None, 5, b"a.csv", ["a"], object(), io.StringIO])
def test_read_rows_rejects_what_is_not_a_file(source: object) -> None:
    with pytest.raises(InvalidArgumentError, match="source"):
        list(read_rows(source))  # type: ignore[arg-type]


# -- the atomic writer --------------------------------------------------------------------


def test_write_atomically_replaces_only_a_complete_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)

    def half(stream: IO[str]) -> None:
        stream.write("new, but only half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(path, half)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    write_atomically(path, lambda stream: stream.write("new\r\n"))
    assert path.read_bytes() == b"new\r\n"
    assert path.stat().st_mode & 0o777 == 0o640


def test_write_atomically_refuses_a_directory_and_unencodable_text(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="not a directory"):
        write_atomically(tmp_path, lambda stream: stream.write("x"))
    path = tmp_path / "out.csv"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(path, lambda stream: stream.write("bad \udc80 text"))
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


# -- read_csv on crafted files ------------------------------------------------------------


VALID = tuple(Assessment(p, 2023, "81.84") for p in regions.pemdas()[:40])


def _line(a: Assessment) -> bytes:
    p = a.entity
    assert isinstance(p, Pemda)
    return f"{p.full_name},{p.kind.value},{p.province.name},{a.year},{a.score}".encode()


def _crafted(tmp_path: Path, bad: dict[int, bytes], *, tail: bytes = b"\n") -> Path:
    """A minimal-layout file of the VALID rows, with line ``n`` replaced by ``bad[n]``."""
    lines = [HEADER.encode()] + [bad.get(i + 2, _line(a)) for i, a in enumerate(VALID)]
    path = tmp_path / "crafted.csv"
    path.write_bytes(b"\n".join(lines) + tail)
    return path


def _kept(bad: dict[int, bytes]) -> tuple[Assessment, ...]:
    return tuple(a for i, a in enumerate(VALID) if i + 2 not in bad)


def _without(path: Path, rows: set[int]) -> tuple[Assessment, ...]:
    """What the file reads to once the reported rows are taken out."""
    lines = path.read_bytes().split(b"\n")
    return read_csv(io.BytesIO(b"\n".join(x for i, x in enumerate(lines, 1) if i not in rows)))


def test_bad_bytes_in_several_rows_are_each_reported_and_valid_rows_kept(tmp_path: Path) -> None:
    bad = {row: _line(VALID[row - 2])[:-1] + b"\xff" for row in range(2, 42, 3)}
    path = _crafted(tmp_path, bad)
    assert _problems(path) == [(row, "score") for row in range(2, 42, 3)]
    assert _without(path, set(bad)) == _kept(bad)


# -- the writer ---------------------------------------------------------------------------


def test_write_csv_refuses_unencodable_text_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv([VALID[0]], path)
    before = path.read_bytes()
    hostile = Assessment(MUBAR, 2023, "81.84", source="http://x/\udc80")
    where = r"assessments\[1\], column 'source_url'"
    with pytest.raises(InvalidArgumentError, match=where) as info:
        write_csv([VALID[1], hostile], path)
    assert info.value.value == "http://x/\udc80"
    assert path.read_bytes() == before
    out = io.StringIO()
    with pytest.raises(InvalidArgumentError, match="surrogate"):
        write_csv([hostile], out)
    assert out.getvalue() == ""


def test_write_csv_refuses_a_directory_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="not a directory"):
        write_csv([], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_bad_kind_does_not_hide_the_other_cells_of_its_row() -> None:
    text = (
        f"{HEADER},parent_pemda,opd_kind,code\nMuna Barta,kabupatn,Sultar,2023,81.84,Kab. X,xx,99\n"
    )
    assert _problems(io.StringIO(text)) == [
        (2, "kind"),
        (2, "province"),
        (2, "parent_pemda"),
        (2, "opd_kind"),
        (2, "code"),
    ]
    blank = f"{HEADER}\n,kabupatn,,2023,81.84\n"
    assert _problems(io.StringIO(blank)) == [(2, "entity"), (2, "kind")]


def test_huge_cells_are_read_and_checked_and_later_rows_too(tmp_path: Path) -> None:
    huge = b"x" * (TEN_MB + 1)
    bad = {3: huge + b",kabupaten,Sultra,2023,81.84", 5: _line(VALID[3]).replace(b"2023", b"2020")}
    path = _crafted(tmp_path, bad)
    assert _problems(path) == [(3, "entity"), (5, "year")]
    assert _without(path, set(bad)) == _kept(bad)


def test_stray_quotes_and_a_cut_off_file_are_reported_where_they_are(tmp_path: Path) -> None:
    bad = {4: b'x"y,kabupaten,Sultra,2023,81.84', 7: b'"Muna" Barat,kabupaten,Sultra,2023,1'}
    path = _crafted(tmp_path, bad, tail=b'\n"Kota Kendari,kota,Sultra,2023,8')
    assert _problems(path) == [(4, "entity"), (7, None), (42, None)]
    assert _without(path, {*bad, 42}) == _kept(bad)


# -- JSON ---------------------------------------------------------------------------------

_KENDARI = '{"kind": "kota", "code": "74.71"}'


def _json_problems(text: str | bytes) -> list[tuple[str | None, type[Exception]]]:
    with pytest.raises(InvalidDataError) as info:
        assessments_from_json(text)
    return [(getattr(e, "path", None), type(e)) for e in info.value.exceptions]


def test_every_json_problem_is_reported_with_its_path_in_the_message() -> None:
    items = [
        f'{{"entity": {_KENDARI}, "year": 2023, "score": "81.84"}}',
        f'{{"entity": {_KENDARI}, "year": 2020, "score": "101"}}',
        '{"entity": {"kind": "kota", "code": "99.99"}, "year": 2020, "score": "1"}',
        f'{{"entity": {_KENDARI}, "year": 2015, "score": "80.00"}}',
    ]
    problems = _json_problems("[" + ", ".join(items) + "]")
    assert problems == [
        ("$[1].score", InvalidScoreError),
        ("$[1].year", RulesNotAvailableError),
        ("$[2].entity.code", UnknownRegionError),
        ("$[2].year", RulesNotAvailableError),
        ("$[3].score", InvalidScoreError),
    ]
    with pytest.raises(UnknownRegionError, match=r"99\.99.*\(at \$\.code\)") as info:
        from_json('{"kind": "kota", "code": "99.99"}', Pemda)
    assert info.value.path == "$.code"  # type: ignore[attr-defined]


def test_json_may_start_with_a_byte_order_mark() -> None:
    text = f'\ufeff[{{"entity": {_KENDARI}, "year": 2023, "score": "81.84"}}]'
    expected = (Assessment(regions.pemda("74.71"), 2023, "81.84"),)
    assert assessments_from_json(text) == expected
    assert assessments_from_json(text.encode()) == expected
    assert from_json("\ufeff" + '"81.84"', Score) == Score("81.84")


def test_json_duplicate_keys_are_rejected_with_their_paths() -> None:
    text = (
        f'[{{"entity": {_KENDARI}, "year": 2023, "score": "81.84", "score": "50.00"}},'
        ' {"entity": {"kind": "kota", "code": "74.71", "code": "74.72"}, "year": 2023,'
        ' "score": "1"}]'
    )
    assert _json_problems(text) == [
        ("$[0].score", InvalidArgumentError),
        ("$[1].entity.code", InvalidArgumentError),
    ]
    with pytest.raises(InvalidArgumentError, match="twice") as info:
        from_json('{"code": "74", "code": "74"}', Province)
    assert info.value.argument == "$.code"


def test_json_duplicate_entities_name_both_items() -> None:
    one = f'{{"entity": {_KENDARI}, "year": 2023, "score": "81.84"}}'
    other = f'{{"entity": {_KENDARI}, "year": 2024, "score": "81.84"}}'
    with pytest.raises(DuplicateEntityError, match=r"\$\[0\] and \$\[2\]"):
        assessments_from_json(f"[{one}, {other}, {one}]")
    assert [type(e) for e in _json_problems_of_duplicates(one, other)] == [
        DuplicateEntityError,
        DuplicateEntityError,
    ]


def _json_problems_of_duplicates(one: str, other: str) -> list[Exception]:
    with pytest.raises(InvalidDataError) as info:
        assessments_from_json(f"[{one}, {other}, {one}, {other}]")
    assert [str(e).split(": ", 1)[0] for e in info.value.exceptions] == [
        "duplicate entity Kota Kendari in the assessments of 2023 ($[0] and $[2])",
        "duplicate entity Kota Kendari in the assessments of 2024 ($[1] and $[3])",
    ]
    return list(info.value.exceptions)


@pytest.mark.parametrize("step", ["write", "fsync", "copymode", "replace"])
def test_write_csv_interrupted_at_any_step_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    import shutil
    from pathlib import Path as RealPath

    path = tmp_path / "out.csv"
    write_csv(VALID[:3], path)
    before = path.read_bytes()

    def fail(*_: object, **__: object) -> None:
        raise OSError(f"failed at {step}")

    if step == "write":  # the rows fail half-way through the file
        monkeypatch.setattr(
            "opinipp.serialization._csv.csv.writer",
            lambda *_, **__: type("W", (), {"writerow": lambda *_: None, "writerows": fail})(),
        )
    else:
        owner = {"fsync": os, "copymode": shutil, "replace": RealPath}[step]
        monkeypatch.setattr(owner, step, fail)
    with pytest.raises(OSError, match=f"failed at {step}"):
        write_csv(VALID[3:], path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
