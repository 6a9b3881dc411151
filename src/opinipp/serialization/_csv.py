"""CSV files: the published and the minimal layout (see :mod:`opinipp.serialization`)."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from typing import IO, TYPE_CHECKING, Final, NamedTuple, NoReturn

from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import OPD, Instansi, Pemda
from opinipp.errors import InvalidArgumentError, RowError
from opinipp.rules import Dimension
from opinipp.serialization._records import (
    DIMENSION_FIELDS,
    ErrorMode,
    Record,
    assessment_list,
    check_error_mode,
    check_known_region,
    raise_group,
    read_records,
)
from opinipp.serialization._table import (
    SURROGATE,
    file_path,
    method_of,
    read_rows,
    source_name_of,
    write_atomically,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator, Mapping

    from opinipp.scores import Score

__all__ = [
    "EXTRA_COLUMNS",
    "MINIMAL_COLUMNS",
    "PUBLISHED_COLUMNS",
    "WRITTEN_COLUMNS",
    "read_csv",
    "read_csv_stream",
    "write_csv",
]

PUBLISHED_COLUMNS: Final = (
    "year",
    "entity_name",
    "entity_kind",
    "parent_pemda",
    "province",
    "score",
    "zone_published",
    "category_published",
    "opinion_published",
    "rank_national",
    "rank_national_of",
    "rank_province",
    "rank_province_of",
    "source_url",
    "note",
)
"""The columns of the bundled ``published_results.csv``, in order."""

EXTRA_COLUMNS: Final = (
    "code",
    "opd_kind",
    "tanpa_maladministrasi",
    "dimension_input",
    "dimension_proses",
    "dimension_output",
    "dimension_pengaduan",
)
"""Optional columns either layout may add: the Kemendagri code of the Pemda (of the parent
Pemda for a unit), the OPD kind (``dinsos`` …), the 2025 qualifier (``true``/``false``) and
the four dimension scores ([R54][R55][R58])."""

WRITTEN_COLUMNS: Final = PUBLISHED_COLUMNS + EXTRA_COLUMNS
"""The columns :func:`write_csv` writes: the published layout plus :data:`EXTRA_COLUMNS`."""

MINIMAL_COLUMNS: Final = ("entity", "kind", "province", "year", "score")
"""The required columns of the minimal layout (``parent_pemda`` and :data:`EXTRA_COLUMNS`
may be added)."""

# A cell a spreadsheet would run as a formula starts with one of these (some skip a leading
# NUL). The writer prefixes
# such a cell, and any cell of quotes followed by one (so the rule can be undone exactly),
# with a single quote; the reader removes exactly one quote from a cell of that shape.
_FORMULA_START: Final = re.compile(r"'*[=+\-@\t\r\x00]")
_QUOTED_FORMULA: Final = re.compile(r"'+[=+\-@\t\r\x00]")


def _neutralise(cell: str) -> str:
    """Make a cell safe to open in a spreadsheet.

    >>> _neutralise("=HYPERLINK(1)"), _neutralise("'=x"), _neutralise("zona hijau")
    ("'=HYPERLINK(1)", "''=x", 'zona hijau')
    """
    return "'" + cell if _FORMULA_START.match(cell) else cell


def _restore(cell: str) -> str:
    """Undo :func:`_neutralise`.

    >>> _restore("'=HYPERLINK(1)"), _restore("''=x"), _restore("'quoted'")
    ('=HYPERLINK(1)', "'=x", "'quoted'")
    """
    return cell[1:] if cell[:1] == "'" and _QUOTED_FORMULA.match(cell) else cell


class _Layout(NamedTuple):
    name: str
    fields: Mapping[str, str]
    """Column name to record field."""
    required: tuple[str, ...]


_PUBLISHED_LAYOUT: Final = _Layout(
    name="published",
    fields={
        "year": "year",
        "entity_name": "name",
        "entity_kind": "kind",
        "parent_pemda": "parent",
        "province": "province",
        "score": "score",
        "zone_published": "zone",
        "category_published": "category",
        "opinion_published": "opinion",
        "rank_national": "rank_national",
        "rank_national_of": "rank_national_of",
        "rank_province": "rank_province",
        "rank_province_of": "rank_province_of",
        "source_url": "source",
        "note": "note",
        "code": "code",
        "opd_kind": "opd_kind",
        "tanpa_maladministrasi": "tanpa_maladministrasi",
        **{f: f for f in DIMENSION_FIELDS},
    },
    required=("year", "entity_name", "entity_kind", "score"),
)
_MINIMAL_LAYOUT: Final = _Layout(
    name="minimal",
    fields={
        "entity": "name",
        "kind": "kind",
        "province": "province",
        "year": "year",
        "score": "score",
        "parent_pemda": "parent",
        "code": "code",
        "opd_kind": "opd_kind",
        "tanpa_maladministrasi": "tanpa_maladministrasi",
        **{f: f for f in DIMENSION_FIELDS},
    },
    required=MINIMAL_COLUMNS,
)


def _fail_header(problems: list[RowError], errors: ErrorMode, source_name: str) -> NoReturn:
    if errors == "raise":
        raise problems[0]
    raise_group(problems, source_name)


def _header_layout(names: list[str], errors: ErrorMode, source_name: str) -> _Layout:
    if "entity_name" in names:
        layout = _PUBLISHED_LAYOUT
    elif "entity" in names:
        layout = _MINIMAL_LAYOUT
    else:
        reason = (
            "unknown header: expected the published layout (with entity_name) or the "
            "minimal layout (entity,kind,province,year,score)"
        )
        _fail_header([RowError(1, None, ",".join(names), reason)], errors, source_name)
    problems: list[RowError] = []
    seen: set[str] = set()
    for name in names:
        if name not in layout.fields:
            expected = ", ".join(layout.fields)
            reason = f"unknown column for the {layout.name} layout; expected {expected}"
            problems.append(RowError(1, name, name, reason))
        elif name in seen:
            problems.append(RowError(1, name, name, "duplicate column"))
        seen.add(name)
    problems.extend(
        RowError(1, name, None, f"missing required column of the {layout.name} layout")
        for name in layout.required
        if name not in seen
    )
    if problems:
        _fail_header(problems, errors, source_name)
    return layout


def _csv_records(
    rows: Iterator[tuple[int, list[str] | RowError]], columns: list[str], layout: _Layout
) -> Iterator[tuple[int, Record | RowError]]:
    """Yield ``(line number, record)`` for each row; a row of the wrong width is a RowError."""
    fields = [layout.fields[c] for c in columns]
    for row, cells in rows:
        if isinstance(cells, RowError):
            yield row, cells
            continue
        if len(cells) != len(columns):
            reason = f"expected {len(columns)} cells as in the header, found {len(cells)}"
            yield row, RowError(row, None, ",".join(cells), reason)
            continue
        if "'" in "".join(cells):  # only a cell starting with a quote may need restoring
            cells = [_restore(v) for v in cells]  # noqa: PLW2901 - the restored cells
        yield row, dict(zip(fields, zip(columns, cells, strict=True), strict=True))


def read_csv_stream(
    stream: str | os.PathLike[str] | IO[str] | IO[bytes],
    source_name: str | None,
    errors: ErrorMode,
    *,
    strip_parent_suffix: bool = False,
) -> tuple[Assessment, ...]:
    """Read CSV in either layout from anything :func:`~._table.read_rows` reads.

    The internal reader of :func:`read_csv`. ``source_name`` names the source in errors (by
    default the path or the stream's name); ``strip_parent_suffix`` is passed on to
    :func:`~opinipp.serialization._records.read_records`.
    """
    with contextlib.closing(read_rows(stream, source_name=source_name, errors=errors)) as rows:
        name = source_name or source_name_of(stream)
        header: list[str] | None = None
        early: list[RowError] = []
        for _, cells in rows:
            if isinstance(cells, RowError):
                early.append(cells)  # an undecodable header cell
                continue
            header = cells
            break
        names = [h.strip() for h in header or []]
        if early:
            _fail_header(early, errors, name)
        if not any(names):
            _fail_header([RowError(1, None, "", "empty file: expected a header row")], errors, name)
        layout = _header_layout(names, errors, name)
        return read_records(
            _csv_records(rows, names, layout),
            name,
            errors,
            strip_parent_suffix=strip_parent_suffix,
        )


def read_csv(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], /, *, errors: ErrorMode = "collect"
) -> tuple[Assessment, ...]:
    r"""Read assessments from a CSV file in the published or the minimal layout.

    The header decides the layout: with ``entity_name`` it is the published layout
    (:data:`PUBLISHED_COLUMNS`; ``year``, ``entity_name``, ``entity_kind`` and ``score`` are
    required columns), with ``entity`` the minimal one (:data:`MINIMAL_COLUMNS`, all
    required). Both accept ``parent_pemda`` and the :data:`EXTRA_COLUMNS`. A blank optional
    cell is fine; a blank score is an unknown score.

    Each row is read like this:

    - ``year`` must be a covered assessment year (2020 and 2030 are errors);
    - the kind is an :class:`~opinipp.entities.EntityKind` value; the score anything
      :class:`~opinipp.scores.Score` reads (``"90,02"`` too);
    - provinsi, kabupaten and kota are found with :func:`opinipp.regions.pemda` by name,
      kind and province (and checked against ``code`` when given);
    - an OPD, Puskesmas or RSUD keeps its own name and finds its Pemda through
      ``parent_pemda`` (or ``code``); an OPD's kind comes from ``opd_kind`` or, when blank,
      from its name (Dinkes, Disdik, Dinsos, DPMPTSP, Disdukcapil; anything else is OTHER);
    - a kementerian or lembaga has no province, parent or code;
    - the same entity may appear once per year;
    - a cell that starts with ``'`` followed by ``=``, ``+``, ``-``, ``@``, a tab, a carriage
      return or a NUL loses that one quote (the mark :func:`write_csv` adds).

    No row is dropped silently. With ``errors="collect"`` (the default) every problem is
    reported at once as an :class:`~opinipp.errors.InvalidDataError` whose ``exceptions``
    are :class:`~opinipp.errors.RowError` objects in file order (``row`` is the line number,
    the header being line 1; ``column`` the column name). With ``errors="raise"`` the first
    RowError is raised. Blank lines are skipped. Every cell is checked, however many are bad:
    a cell that is not UTF-8 (reported with its row and column, the rest of the file still
    read), a row the CSV syntax cannot split (a stray quote, a file cut off inside a quoted
    cell) and a row of the wrong width are RowErrors like the others. Cells may be of any
    length.

    ``source`` is a path, a text file (open it with ``newline=""``) or a binary file. Bytes
    are read as UTF-8 (a byte-order mark is allowed).

    Raises:
        InvalidDataError: in collect mode, the bad rows.
        RowError: in raise mode, the first bad row.
        InvalidArgumentError: ``source`` or ``errors`` is not one of the accepted values.
        OSError: the file cannot be opened.

    >>> import io
    >>> text = 'entity,kind,province,year,score\nMuna Barat,kabupaten,Sultra,2023,"81,84"\n'
    >>> [(str(a.entity), a.year, str(a.score)) for a in read_csv(io.StringIO(text))]
    [('Kabupaten Muna Barat', 2023, '81.84')]
    >>> bad = "entity,kind,province,year,score\nMuna Barat,kabupaten,Sultra,2020,34.19\n"
    >>> read_csv(io.StringIO(bad), errors="raise")
    Traceback (most recent call last):
    ...
    opinipp.errors.RowError: row 2, column 'year': '2020': no assessment rules for year 2020: ...
    """
    mode = check_error_mode(errors)
    return read_csv_stream(source, None, mode)


def _row_of(a: Assessment) -> list[str]:
    entity = a.entity
    parent = province = code = opd_kind = ""
    if isinstance(entity, Pemda):
        name = entity.full_name
        province, code = entity.province.name, entity.code
    elif isinstance(entity, Instansi):
        name = entity.name
    else:
        name = entity.unit_name if isinstance(entity, OPD) else entity.name
        parent, province, code = (
            entity.pemda.full_name,
            entity.pemda.province.name,
            entity.pemda.code,
        )
        if isinstance(entity, OPD):
            opd_kind = entity.kind.value
    p = a.published or PublishedResult()
    tanpa = "" if a.tanpa_maladministrasi is None else str(a.tanpa_maladministrasi).lower()
    cells: list[object] = [
        a.year,
        name,
        entity.entity_kind.value,
        parent,
        province,
        a.score,
        p.zone,
        p.category,
        p.opinion,
        p.rank_national,
        p.rank_national_of,
        p.rank_province,
        p.rank_province_of,
        a.source,
        p.note,
        code,
        opd_kind,
        tanpa,
        *(_dimension_cell(a, d) for d in Dimension),
    ]
    return [_neutralise("" if c is None else str(c)) for c in cells]


def _check_encodable(index: int, cells: list[str]) -> None:
    """Refuse a row with text UTF-8 cannot encode (a lone surrogate), before anything is written."""
    if "".join(cells).isascii():
        return
    for column, cell in zip(WRITTEN_COLUMNS, cells, strict=True):
        if SURROGATE.search(cell) is not None:
            raise InvalidArgumentError(
                f"assessments[{index}], column {column!r},",
                _restore(cell),
                "text that UTF-8 can encode (no lone surrogates such as '\\udc80')",
            )


def _dimension_cell(a: Assessment, dimension: Dimension) -> Score | None:
    return None if a.dimensions is None else a.dimensions.get(dimension)


def write_csv(
    assessments: Iterable[Assessment], target: str | os.PathLike[str] | IO[str], /
) -> None:
    """Write assessments as CSV in the published layout plus :data:`EXTRA_COLUMNS`.

    :func:`read_csv` reads the file back to equal assessments, in the same order. The
    entity is written as its name (``Kabupaten Muna Barat``; a unit's own name with its
    ``parent_pemda``), its province's name and its Kemendagri ``code``. Scores are written
    with a decimal point. Two things a CSV does not carry: an Instansi's abbreviation, and
    the difference between no published labels and an empty
    :class:`~opinipp.assessments.PublishedResult` (both are blank cells, read as ``None``).

    Every cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``,
    ``-``, ``@``, a tab, a carriage return or a NUL character), and every cell of quotes
    followed by one of those, gets a leading single quote, which :func:`read_csv` removes
    again.

    ``target`` is a path or a text file (open it with ``newline=""``). A path is written as
    UTF-8 to a temporary file beside it, which replaces the file only once complete: a
    failure at any point leaves the previous file as it was. A directory is refused with
    :class:`~opinipp.errors.InvalidArgumentError`. A text file is written in one call, after
    every row was prepared. Lines end with CRLF, as RFC 4180 has it, so that a carriage
    return inside a cell is quoted. Nothing is written when an item is not an Assessment,
    when its Pemda is not the one :mod:`opinipp.regions` gives for its code (a hand-built
    or renamed one, which :func:`read_csv` would not read back), or when it holds text that
    UTF-8 cannot encode (a lone surrogate, which Python strings allow): each raises
    :class:`~opinipp.errors.InvalidArgumentError`, naming the item (and the column).

    >>> import io
    >>> from opinipp import regions
    >>> from opinipp.assessments import Assessment
    >>> out = io.StringIO()
    >>> write_csv([Assessment(regions.pemda("74.13"), 2023, "81.84", source="=cmd()")], out)
    >>> print(out.getvalue().splitlines()[1])
    2023,Kabupaten Muna Barat,kabupaten,,Sulawesi Tenggara,81.84,,,,,,,,'=cmd(),,74.13,,,,,,
    >>> read_csv(io.StringIO(out.getvalue()))[0].source
    '=cmd()'
    """
    items = assessment_list(assessments)
    rows = [_row_of(a) for a in items]
    for i, (a, cells) in enumerate(zip(items, rows, strict=True)):
        check_known_region(a.entity, f"assessments[{i}].entity")
        _check_encodable(i, cells)

    def write(stream: IO[str]) -> None:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(WRITTEN_COLUMNS)
        writer.writerows(rows)

    if file_path(target, "target", "a path or a text file open for writing") is not None:
        write_atomically(target, write)  # type: ignore[arg-type]  # a checked path
        return
    write_to = method_of(target, "write")
    if write_to is None or isinstance(target, (bytes, bytearray)):
        raise InvalidArgumentError("target", target, "a path or a text file open for writing")
    text = io.StringIO()
    write(text)
    try:
        write_to(text.getvalue())
    except TypeError:  # a file opened in binary mode
        raise InvalidArgumentError(
            "target", target, "a path or a text file open for writing (not binary)"
        ) from None


def __dir__() -> list[str]:
    return list(__all__)
