"""Output of the command line: tables, JSON building blocks, and writing to a stream."""

from __future__ import annotations

import csv
import io
import shutil
import textwrap
from typing import IO, TYPE_CHECKING, Any, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

    from opinipp.assessments import Assessment
    from opinipp.entities import Entity
    from opinipp.gaps import Gap
    from opinipp.rules import Band
    from opinipp.zoning import Grade

_NARROWEST: Final = 10

# Each command returns the JSON object and the text lines; main() prints one of them.
__all__ = [
    "Output",
    "assessment_json",
    "band_json",
    "csv_text",
    "entity_json",
    "fitted",
    "gap_json",
    "grade_json",
    "table",
    "terminal_width",
    "wrapped",
    "write",
    "year_ranges",
]


class Output(NamedTuple):
    """What a command gives: its JSON object, its text lines and, if it has one, its table.

    ``main`` prints one of them: the JSON with ``--json``, the table as CSV with ``--csv``,
    else the lines.
    """

    data: dict[str, Any]
    lines: list[str]
    table: list[list[str]] | None = None


def band_json(band: Band) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lower": str(band.lower),
        "upper": str(band.upper),
        "zone": None if band.zone is None else band.zone.value,
        "category": None if band.category is None else band.category.value,
        "label": band.label,
        "label_en": band.label_en,
    }
    return {key: value for key, value in data.items() if value is not None}


def grade_json(grade: Grade) -> dict[str, Any]:
    """The library's JSON of a Grade (:func:`opinipp.serialization.to_json`)."""
    from opinipp.serialization._json import to_data

    data: dict[str, Any] = to_data(grade)
    return data


def gap_json(gap: Gap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {
        "points": str(gap.points),
        "reached": gap.reached,
        "label": gap.label,
        "target": band_json(gap.target),
    }


def entity_json(entity: Entity) -> dict[str, Any]:
    """The library's JSON of an entity (:func:`opinipp.serialization.to_json`)."""
    from opinipp.serialization._json import to_data

    data: dict[str, Any] = to_data(entity)
    return data


def assessment_json(a: Assessment) -> dict[str, Any]:
    """The library's JSON of an assessment (:func:`opinipp.serialization.to_json`)."""
    from opinipp.serialization._json import to_data

    data: dict[str, Any] = to_data(a)
    return data


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Align columns with two spaces between them (the first row is the header)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def write(stream: IO[str], text: str) -> None:
    """Write ``text``; on a terminal that cannot show a character (– →), write ``?``."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))
    stream.flush()


def terminal_width() -> int:
    """The columns of the terminal (``COLUMNS`` first), 100 when there is none."""
    return shutil.get_terminal_size((100, 24)).columns


def fitted(rows: Sequence[Sequence[str]], width: int, *, optional: Sequence[int] = ()) -> list[str]:
    """:func:`table`, within ``width`` columns.

    The ``optional`` columns (by index, the first dropped first) are left out while the
    table is too wide; then the widest cells are wrapped onto further lines.
    """
    keep = list(range(len(rows[0])))
    gap = 2

    def natural(columns: list[int]) -> list[int]:
        return [max(len(row[i]) for row in rows) for i in columns]

    for column in optional:
        widths = natural(keep)
        if sum(widths) + gap * (len(widths) - 1) <= width:
            break
        keep.remove(column)
    widths = natural(keep)
    while sum(widths) + gap * (len(widths) - 1) > width and max(widths) > _NARROWEST:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    lines: list[str] = []
    for row in rows:
        cells = [_cell_lines(row[i], cw) for i, cw in zip(keep, widths, strict=True)]
        for n in range(max(len(c) for c in cells)):
            parts = [
                (c[n] if n < len(c) else "").ljust(cw) for c, cw in zip(cells, widths, strict=True)
            ]
            lines.append("  ".join(parts).rstrip())
    return lines


def _cell_lines(cell: str, width: int) -> list[str]:
    """A cell on lines of ``width``: parts after "; " on lines of their own when it is long."""
    if len(cell) <= width:
        return [cell]
    parts = cell.split("; ")
    lines = [
        line
        for n, part in enumerate(parts)
        for line in textwrap.wrap(part + (";" if n < len(parts) - 1 else ""), width)
    ]
    return lines or [""]


def wrapped(text: str, width: int) -> list[str]:
    """A line of prose within ``width`` columns, later lines indented by two spaces."""
    return textwrap.wrap(text, width, subsequent_indent="  ", break_on_hyphens=False) or [""]


def csv_text(rows: Sequence[Sequence[object]]) -> str:
    """Rows as CSV, each cell a spreadsheet would run as a formula neutralised.

    The same neutralisation as :func:`opinipp.serialization.write_csv` (a leading quote).

    >>> print(csv_text([["entity", "score"], ["=HYPERLINK(1)", "81.84"]]), end="")
    entity,score
    '=HYPERLINK(1),81.84
    """
    from opinipp.serialization._csv import _neutralise

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([_neutralise("" if c is None else str(c)) for c in row] for row in rows)
    return out.getvalue()


def year_ranges(years: Sequence[int]) -> str:
    """``2016–2019, 2021`` for runs of consecutive years.

    >>> year_ranges([2021, 2016, 2017, 2018, 2019, 2023])
    '2016–2019, 2021, 2023'
    """
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def __dir__() -> list[str]:
    return list(__all__)
