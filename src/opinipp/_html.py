"""HTML renderings for Jupyter: the ``_repr_html_`` of Grade, Ranking and a series.

The public types call these functions from their ``_repr_html_`` methods, so a notebook shows
a grade as a badge in its zone colour, a ranking as a table and a series as a row of
badges. They render finished objects: the labels are read from the grades the objects carry,
nothing is checked or classified again. Every piece of text is escaped with
:func:`html.escape`. Zone colours: merah
``#d62728``, kuning ``#f2c14e``, hijau ``#2ca02c``; years without zones (2025) use a neutral
grey ``#6c757d``.

>>> from opinipp.zoning import classify
>>> html = grade_html(classify("81.84", 2023))
>>> "#2ca02c" in html, "Kualitas Tinggi" in html
(True, True)
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Final

from opinipp._palette import NEUTRAL_COLOUR, ZONE_COLOURS
from opinipp.errors import InvalidArgumentError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from opinipp.assessments import Assessment
    from opinipp.ranking import Ranking
    from opinipp.rules import Zone
    from opinipp.scores import Score
    from opinipp.zoning import Grade

__all__ = [
    "NEUTRAL_COLOUR",
    "ZONE_COLOURS",
    "grade_html",
    "ranking_html",
    "series_html",
    "zone_colour",
]

_TEXT_ON: Final[dict[str, str]] = {"#f2c14e": "#212529"}  # dark text on yellow, else white
_FONT: Final = "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px"


def zone_colour(zone: Zone | None) -> str:
    """Return the colour of a zone (the neutral colour for ``None``).

    >>> from opinipp.rules import Zone
    >>> zone_colour(Zone.KUNING), zone_colour(None)
    ('#f2c14e', '#6c757d')
    """
    return NEUTRAL_COLOUR if zone is None else ZONE_COLOURS[zone.value]


def _badge(text: str, colour: str, *, title: str | None = None) -> str:
    fg = _TEXT_ON.get(colour, "#ffffff")
    tip = "" if title is None else f' title="{escape(title)}"'
    return (
        f'<span class="opinipp-badge"{tip} style="background:{colour};color:{fg};'
        'padding:1px 7px;border-radius:4px;font-weight:600;white-space:nowrap">'
        f"{escape(text)}</span>"
    )


def _grade_badge(grade: Grade, title: str) -> str:
    """A badge with the category, else the zone word, else the quality word."""
    return _badge(grade.band.short_name(quality=True), zone_colour(grade.zone), title=title)


def grade_html(grade: Grade, /, score: Score | None = None) -> str:
    """Render a grade as a coloured badge with its labels, for Jupyter.

    ``score``, when given, is shown before the badge (a Grade holds no score itself).

    >>> from opinipp.zoning import classify
    >>> print(grade_html(classify("90.02", 2023)))  # doctest: +ELLIPSIS
    <div class="opinipp-grade" ...><span class="opinipp-badge" ...background:#2ca02c;...>A</span>
    <span>Kualitas Tertinggi</span> <span ...>zona hijau · 2023 · 88.00–100.00</span></div>
    """
    details = []
    if grade.zone is not None:
        details.append(f"zona {grade.zone.value}")
    if grade.quality is not None and grade.opinion is not None:
        details.append(grade.quality)
    details.extend([str(grade.year), f"{grade.band.lower}–{grade.band.upper}"])
    prefix = "" if score is None else f"<strong>{escape(str(score))}</strong> "
    return (
        f'<div class="opinipp-grade" style="{_FONT}">{prefix}'
        f"{_grade_badge(grade, grade.label_en)}\n"
        f"<span>{escape(grade.label)}</span> "
        f'<span style="color:{NEUTRAL_COLOUR}">{escape(" · ".join(details))}</span></div>'
    )


_TABLE: Final = f'<table class="opinipp-table" style="{_FONT};border-collapse:collapse">'
_CELL: Final = "padding:2px 10px;text-align:{align};border-bottom:1px solid #dee2e6"


def _cell(content: str, *, align: str = "left", header: bool = False) -> str:
    tag = "th" if header else "td"
    return f'<{tag} style="{_CELL.format(align=align)}">{content}</{tag}>'


def ranking_html(ranking: Ranking, /, *, max_rows: int = 60) -> str:
    """Render a ranking as a table (rank, score, entity, grade badge), for Jupyter.

    Shows the first ``max_rows`` entries and says how many more there are. A partial national
    ranking says how many entities were assessed.

    >>> from opinipp import regions
    >>> from opinipp.assessments import Assessment
    >>> from opinipp.ranking import Provincial, rank
    >>> sultra = regions.province("Sultra")
    >>> ranking = rank(
    ...     [
    ...         Assessment(regions.pemda("Kota Kendari"), 2022, "58.99"),
    ...         Assessment(regions.pemda("Kab. Muna Barat"), 2022, "69.17"),
    ...     ],
    ...     Provincial(sultra),
    ... )
    >>> html = ranking_html(ranking)
    >>> html.index("Kabupaten Muna Barat") < html.index("Kota Kendari"), "#f2c14e" in html
    (True, True)
    """
    rows_given: object = max_rows
    if isinstance(rows_given, bool) or not isinstance(rows_given, int) or rows_given < 1:
        raise InvalidArgumentError("max_rows", rows_given, "a whole number from 1")
    year = "" if ranking.year is None else f", {ranking.year}"
    caption = f"{ranking.scope}{year}: {ranking.of} entries"
    if ranking.is_complete is False:
        caption += f" (partial: {ranking.official_words})"
    rows = [
        "<tr>"
        + "".join(
            _cell(h, header=True, align=a)
            for h, a in (("Rank", "right"), ("Score", "right"), ("Entity", "left"), ("", "left"))
        )
        + "</tr>"
    ]
    for entry in ranking.entries[:max_rows]:
        grade = entry.grade
        badge = _grade_badge(grade, grade.label)
        rows.append(
            "<tr>"
            + _cell(escape(str(entry.rank)), align="right")
            + _cell(escape(str(entry.score)), align="right")
            + _cell(escape(entry.entity.full_name))
            + _cell(f"{badge} {escape(grade.label)}")
            + "</tr>"
        )
    more = ranking.of - max_rows
    if more > 0:
        rows.append(f'<tr><td colspan="4" style="padding:2px 10px">… {more} more</td></tr>')
    return (
        f'{_TABLE}<caption style="text-align:left;font-weight:600">{escape(caption)}</caption>'
        + "".join(rows)
        + "</table>"
    )


def series_html(series: Iterable[Assessment], /) -> str:
    """Render one entity's results over the years as a row of badges, for Jupyter.

    Each year shows its score and its grade's badge, with the change from the previous
    scored year; a result without a score shows a grey badge.

    >>> from opinipp import regions
    >>> from opinipp.assessments import Assessment
    >>> mubar = regions.pemda("Kab. Muna Barat")
    >>> html = series_html(
    ...     [
    ...         Assessment(mubar, 2021, "34.19"),
    ...         Assessment(mubar, 2022, "69.17"),
    ...         Assessment(mubar, 2023, "81.84"),
    ...     ]
    ... )
    >>> [c in html for c in ("#d62728", "#f2c14e", "#2ca02c", "+34.98", "+12.67")]
    [True, True, True, True, True]
    """
    items = sorted(series, key=lambda a: a.year)
    names = sorted({a.entity.full_name for a in items})
    cells: list[str] = []
    previous: Score | None = None
    for a in items:
        if a.score is None:
            badge = _badge("–", NEUTRAL_COLOUR, title="no published score")
            body = f"<div>{a.year}</div><div>{badge}</div>"
        else:
            grade = a.grade
            badge = _grade_badge(grade, grade.label)
            change = ""
            if previous is not None:
                delta = a.score - previous
                sign = "+" if delta > 0 else ""
                change = f'<div style="color:{NEUTRAL_COLOUR}">{sign}{escape(str(delta))}</div>'
            body = (
                f"<div>{a.year}</div><div><strong>{escape(str(a.score))}</strong> {badge}</div>"
                f"{change}"
            )
            previous = a.score
        cells.append(f'<div style="padding:0 8px;text-align:center">{body}</div>')
    title = escape(", ".join(names)) if names else "(no results)"
    return (
        f'<div class="opinipp-series" style="{_FONT}"><div style="font-weight:600">{title}</div>'
        f'<div style="display:flex;gap:4px;align-items:flex-start">{"".join(cells)}</div></div>'
    )


def __dir__() -> list[str]:
    return list(__all__)
