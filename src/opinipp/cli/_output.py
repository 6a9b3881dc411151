"""Output of the command line: tables, JSON building blocks, and writing to a stream."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from opinipp.assessments import Assessment
    from opinipp.entities import Entity
    from opinipp.gaps import Gap
    from opinipp.rules import Band
    from opinipp.zoning import Grade

# Each command returns the JSON object and the text lines; main() prints one of them.
__all__ = [
    "Output",
    "assessment_json",
    "band_json",
    "entity_json",
    "gap_json",
    "grade_json",
    "table",
    "write",
]

Output = tuple[dict[str, Any], list[str]]


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


def __dir__() -> list[str]:
    return list(__all__)
