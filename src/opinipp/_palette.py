"""The colours of zones, categories and bands, shared by the HTML reprs and the plots.

Zones: merah ``#d62728``, kuning ``#f2c14e``, hijau ``#2ca02c``. Categories follow their
zone (2022–2024: A and B are hijau, C kuning, D and E merah), A and E a shade darker than
the zone they share, so that A and B, D and E stay apart. Years without zones and categories
(2025) colour a band by its position from the lowest band, as if it were the category at
that position: the lowest takes E's colour, the next D's, then C's, B's and A's (2025's
five quality levels line up with the five categories of 2022–2024); a band above the fifth
takes the neutral grey ``#6c757d``.

>>> from opinipp.rules import rules_for
>>> [band_colour(b) for b in rules_for(2021).bands]
['#d62728', '#f2c14e', '#2ca02c']
>>> [band_colour(b) for b in rules_for(2025).bands] == list(CATEGORY_COLOURS.values())[::-1]
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from opinipp.rules import Band

__all__ = [
    "CATEGORY_COLOURS",
    "MISSING_COLOUR",
    "NEUTRAL_COLOUR",
    "PRESENT_COLOUR",
    "ZONE_COLOURS",
    "band_colour",
]

ZONE_COLOURS: Final[dict[str, str]] = {
    "merah": "#d62728",
    "kuning": "#f2c14e",
    "hijau": "#2ca02c",
}
"""Background colour of each zone, keyed by the zone's value."""

CATEGORY_COLOURS: Final[dict[str, str]] = {
    "A": "#1a6e1a",
    "B": ZONE_COLOURS["hijau"],
    "C": ZONE_COLOURS["kuning"],
    "D": ZONE_COLOURS["merah"],
    "E": "#8b1a1a",
}
"""Colour of each category, keyed by the category's value: its zone's colour, A and E darker."""

NEUTRAL_COLOUR: Final = "#6c757d"
"""Background colour of a grade without a zone (2025) or of a result without a score."""

PRESENT_COLOUR: Final = "#3b6ea8"
"""Colour of what is present (the evidence in a readiness chart): no zone's colour."""

MISSING_COLOUR: Final = "#dee2e6"
"""Colour of what is missing (the evidence not yet present in a readiness chart)."""

_BY_POSITION: Final = tuple(CATEGORY_COLOURS[c] for c in "EDCBA")


def band_colour(band: Band) -> str:
    """Return the colour of a band: its category's, else its zone's, else its position's.

    >>> from opinipp.rules import rules_for
    >>> band_colour(rules_for(2023).bands[4]), band_colour(rules_for(2025).bands[4])
    ('#1a6e1a', '#1a6e1a')
    """
    if band.category is not None:
        return CATEGORY_COLOURS[band.category.value]
    if band.zone is not None:
        return ZONE_COLOURS[band.zone.value]
    return _BY_POSITION[band.rank] if band.rank < len(_BY_POSITION) else NEUTRAL_COLOUR


def __dir__() -> list[str]:
    return list(__all__)
