"""Charts of the results with matplotlib: distributions, an entity's series, rankings, readiness.

Needs ``pip install 'opinipp[plot]'``. matplotlib is imported when a function is called,
never at ``import opinipp``; without it every function raises
:class:`~opinipp.errors.MissingExtraError` naming the extra to install.

Every function draws on ``ax`` (a new figure when ``None``), returns the
:class:`matplotlib.axes.Axes` and never calls ``plt.show()``. Every chart has a title, axis
labels and a legend, in Indonesian (``lang="id"``, the default) or English (``"en"``).
Legends list bands best first, and stacked bars put the worst at the bottom. Colours come
from the palette the HTML reprs use: zone colours, category colours (their zone's, A and E
darker), and for 2025, whose bands have neither, the category colour of the same position
from the lowest band.

- :func:`national_distribution`: the official national counts per zone or category, per
  year; a year without a published count is marked as such, never filled from press reports.
- :func:`distribution`: the same chart for a user's own assessments (not national counts).
- :func:`series`: an entity's scores over the bands of each year's regime; a band is drawn
  only across the years whose rules it belongs to, so 2021 shows zones and 2022 categories.
- :func:`ranking`: a ranking as bars in band colours, saying whether it is complete.
- :func:`readiness`: the required evidence present per dimension of an instrument.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from opinipp import plot
>>> ax = plot.national_distribution([2023, 2024], lang="en")
>>> ax.get_ylabel(), [c.get_label() for c in ax.containers]
('entities (official national count)', ['red zone', 'yellow zone', 'green zone'])
>>> [int(p.get_height()) for p in ax.containers[2]]  # hijau, 2023 and 2024
[414, 494]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, Literal, cast

from opinipp._checks import enum_member
from opinipp._palette import (
    CATEGORY_COLOURS,
    MISSING_COLOUR,
    NEUTRAL_COLOUR,
    PRESENT_COLOUR,
    ZONE_COLOURS,
    band_colour,
)
from opinipp.assessments import Assessment
from opinipp.entities import EntityKind, InstansiKind, PemdaKind
from opinipp.errors import InvalidArgumentError, MissingExtraError, NotApplicableError
from opinipp.gaps import gap_to_next_tier
from opinipp.instruments import Readiness
from opinipp.ranking import National, Provincial, Ranking
from opinipp.rules import Band, Category, Zone, covered_years, rules_for
from opinipp.trends import Series
from opinipp.years import assessment_year

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from types import ModuleType

    from matplotlib.axes import Axes

    from opinipp.gaps import Gap
    from opinipp.rules import Lang, RuleSet

__all__ = ["By", "distribution", "national_distribution", "ranking", "readiness", "series"]

By = Literal["zone", "category"]
"""What a distribution counts: ``"zone"`` (merah, kuning, hijau) or ``"category"`` (A–E)."""

_WORDS: Final[dict[str, tuple[str, str]]] = {  # key: (Indonesian, English)
    "year": ("tahun", "year"),
    "score": ("skor", "score"),
    "zone-title": ("Sebaran zona per tahun", "Zones by year"),
    "category-title": ("Sebaran kategori per tahun", "Categories by year"),
    "national": ("nasional", "national"),
    "given": ("data yang diberikan, bukan angka nasional", "the data given, not national counts"),
    "national-count": ("entitas (angka resmi nasional)", "entities (official national count)"),
    "given-count": ("hasil dalam data ini", "results in these data"),
    "no-zone": ("tanpa zona", "no zones"),
    "no-category": ("tanpa kategori", "no categories"),
    "no-count": ("tidak ada angka resmi", "no official count"),
    "partial-count": ("angka resmi sebagian", "official count partial"),
    "series-title": ("skor per tahun", "score by year"),
    "no-score": ("tanpa skor", "no score"),
    "to": ("menuju", "to"),
    "rank-title": ("Peringkat", "Ranking of"),
    "rank-axis": ("peringkat dan entitas", "rank and entity"),
    "complete": ("lengkap", "complete"),
    "partial": ("sebagian", "partial"),
    "of": ("dari", "of"),
    "size-unknown": ("jumlah resmi tidak diketahui", "official size unknown"),
    "readiness-title": ("Kesiapan per dimensi", "Readiness by dimension"),
    "dimension": ("dimensi", "dimension"),
    "evidence": ("bukti wajib yang ada (%)", "required evidence present (%)"),
    "present": ("ada", "present"),
    "missing": ("belum ada", "missing"),
    "not-counted": ("tidak dihitung", "not counted"),
}
_BY: Final = ("zone", "category")
_KINDS: Final = (EntityKind, PemdaKind, InstansiKind)


def _pyplot() -> ModuleType:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingExtraError("plot", "matplotlib") from None
    return plt


def _english(lang: object) -> bool:
    if type(lang) is not str or lang not in ("id", "en"):
        raise InvalidArgumentError("lang", lang, "'id' or 'en'")
    return lang == "en"


def _word(key: str, english: bool) -> str:
    return _WORDS[key][english]


def _lang(english: bool) -> Lang:
    return "en" if english else "id"


def _check_ax(ax: object) -> None:
    from matplotlib.axes import Axes

    if ax is not None and not isinstance(ax, Axes):
        raise InvalidArgumentError("ax", ax, "None or a matplotlib Axes")


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = _pyplot().subplots(figsize=size, layout="constrained")
    return cast("Axes", new)


def _by(by: object) -> By:
    if type(by) is not str or by not in _BY:
        raise InvalidArgumentError("by", by, "'zone' or 'category'")
    return cast("By", by)


def _items(value: object, argument: str, expected: str) -> tuple[object, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidArgumentError(argument, value, expected)
    try:
        return tuple(cast("Iterable[object]", value))
    except Exception as error:  # a user's iterable may raise anything
        raise InvalidArgumentError(argument, value, expected) from error


def _kind(kind: object) -> EntityKind | None:
    if kind is None:
        return None
    if isinstance(kind, (PemdaKind, InstansiKind)):
        return kind.entity_kind
    if isinstance(kind, EntityKind):
        return kind
    if type(kind) is str:
        return enum_member(EntityKind, kind, argument="kind")
    raise InvalidArgumentError("kind", kind, "None, an EntityKind, PemdaKind or InstansiKind")


def _groups(by: By) -> tuple[Zone, ...] | tuple[Category, ...]:
    """The zones or categories, worst first."""
    if by == "zone":
        return tuple(sorted(Zone, key=Zone.rank))
    return tuple(sorted(Category, key=Category.rank))


def _has(rules: RuleSet, group: Zone | Category) -> bool:
    return any(group in (b.zone, b.category) for b in rules.bands)


def _group_band(group: Zone | Category, years: Sequence[int]) -> Band | None:
    """The best band of ``group`` in the latest of ``years`` that has it."""
    for year in sorted(years, reverse=True):
        bands = [b for b in rules_for(year).bands if group in (b.zone, b.category)]
        if bands:
            return bands[-1]
    return None


def _group_label(group: Zone | Category, years: Sequence[int], english: bool) -> str:
    if isinstance(group, Zone):
        return f"{group.english} zone" if english else f"zona {group.value}"
    band = _group_band(group, years)
    return group.value if band is None else band.name(_lang(english))


def _group_colour(group: Zone | Category) -> str:
    if isinstance(group, Zone):
        return ZONE_COLOURS[group.value]
    return CATEGORY_COLOURS[group.value]


def _spec(by: By, years: Sequence[int], english: bool) -> list[tuple[Zone | Category, str, str]]:
    """The groups worst first, each with its legend label and colour."""
    return [(g, _group_label(g, years, english), _group_colour(g)) for g in _groups(by)]


def _stacked(
    ax: Axes,
    years: Sequence[int],
    counts: Mapping[int, Mapping[Any, int]],
    notes: Mapping[int, str],
    spec: Sequence[tuple[Zone | Category, str, str]],
) -> None:
    """Stack the counts per year, worst at the bottom; write the note of each note's year."""
    positions = list(range(len(years)))
    bottom = [0] * len(years)
    for group, label, colour in spec:
        heights = [counts.get(year, {}).get(group, 0) for year in years]
        ax.bar(positions, heights, bottom=bottom, color=colour, edgecolor="white", label=label)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    top = max([*bottom, 1])
    for position, year in enumerate(years):
        if year in notes:
            ax.text(
                position,
                top * 0.02,
                notes[year],
                rotation=90,
                ha="center",
                va="bottom",
                fontsize=8,
                color=NEUTRAL_COLOUR,
            )
    ax.set_xticks(positions, [str(year) for year in years])
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1, 1))


def _official(year: int, by: By, kind: EntityKind | None) -> Mapping[Any, int] | None:
    facts = assessment_year(year)
    if by == "category":
        return facts.category_distribution if kind is None else None
    return facts.zone_distribution if kind is None else facts.zones_of(kind)


def _default_years() -> list[int]:
    """Every year from the first with an official count to the last year with rules."""
    known = [y for y in covered_years() if assessment_year(y).zone_distribution is not None]
    return [y for y in covered_years() if y >= known[0]]


def _years(years: object) -> list[int]:
    if years is None:
        return _default_years()
    items = _items(years, "years", "None or an iterable of years (int)")
    if not items or not all(type(y) is int for y in items):
        raise InvalidArgumentError("years", years, "None or a non-empty iterable of years (int)")
    checked = sorted(cast("set[int]", set(items)))
    for year in checked:
        assessment_year(year)  # raises for a year without rules
    return checked


def national_distribution(
    years: Iterable[int] | None = None,
    /,
    *,
    by: By = "zone",
    kind: EntityKind | PemdaKind | InstansiKind | str | None = None,
    lang: Lang = "id",
    ax: Axes | None = None,
) -> Axes:
    """Draw the official national counts per zone or category, one stacked bar per year.

    The counts are the published ones (:func:`opinipp.years.assessment_year`), of every kind
    or of one ``kind`` where published per kind. ``years`` defaults to every year from the
    first with an official count (2018) to the last with rules. A year whose rules have no
    zones (2025) or no categories (before 2022) says so; a year without a published count
    says "no official count", one with only part of it (2018: hijau only) "official count
    partial", and no bar is drawn for them. Raises
    :class:`~opinipp.errors.RulesNotAvailableError` for a year without rules.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = national_distribution([2021, 2024], by="category")
    >>> [t.get_text() for t in ax.texts], ax.get_legend().get_texts()[0].get_text()
    (['tanpa kategori'], 'A (Kualitas Tertinggi)')
    """
    _pyplot()
    english = _english(lang)
    chosen = _by(by)
    entity_kind = _kind(kind)
    _check_ax(ax)
    wanted = _years(years)
    counts: dict[int, Mapping[Any, int]] = {}
    notes: dict[int, str] = {}
    for year in wanted:
        groups = [g for g in _groups(chosen) if _has(rules_for(year), g)]
        published = _official(year, chosen, entity_kind)
        if not groups:
            notes[year] = _word(f"no-{chosen}", english)
        elif published is None or not published:
            notes[year] = _word("no-count", english)
        elif set(published) != set(groups):
            shown = ", ".join(f"{g.value} {n}" for g, n in published.items())
            notes[year] = f"{_word('partial-count', english)}: {shown}"
        else:
            counts[year] = published
    axes = _axes(ax, (max(4.0, 0.9 * len(wanted) + 2.5), 3.8))
    _stacked(axes, wanted, counts, notes, _spec(chosen, wanted, english))
    axes.set_xlabel(_word("year", english))
    who = _word("national", english) if entity_kind is None else f"{entity_kind.value}"
    axes.set_title(f"{_word(f'{chosen}-title', english)} ({who})")
    count_label = _word("national-count", english)
    if entity_kind is not None:
        count_label = f"{entity_kind.value} {count_label[count_label.index('(') :]}"
    axes.set_ylabel(count_label)
    return axes


def distribution(
    assessments: Iterable[Assessment],
    /,
    *,
    by: By = "zone",
    lang: Lang = "id",
    ax: Axes | None = None,
) -> Axes:
    """Draw how many of the given assessments fall in each zone or category, per year.

    These are counts of the data given (a user's table, the bundled press reports), and the
    chart says so in its title and axis label: for national counts use
    :func:`national_distribution`. Assessments without a score are not counted; a year whose
    rules have no zones or no categories says so.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from opinipp import regions
    >>> mubar = regions.pemda("Kabupaten Muna Barat")
    >>> ax = distribution([Assessment(mubar, 2023, "81.84")], lang="en")
    >>> ax.get_ylabel(), [int(c[0].get_height()) for c in ax.containers]
    ('results in these data', [0, 0, 1])
    """
    _pyplot()
    english = _english(lang)
    chosen = _by(by)
    _check_ax(ax)
    items = _items(assessments, "assessments", "an iterable of Assessment")
    if not items or not all(isinstance(a, Assessment) for a in items):
        raise InvalidArgumentError("assessments", assessments, "a non-empty iterable of Assessment")
    given = cast("tuple[Assessment, ...]", items)
    wanted = sorted({a.year for a in given})
    tally: dict[int, Counter[Zone | Category]] = {year: Counter() for year in wanted}
    for a in given:
        if a.score is not None:
            group = a.grade.zone if chosen == "zone" else a.grade.category
            if group is not None:
                tally[a.year][group] += 1
    notes = {
        year: _word(f"no-{chosen}", english)
        for year in wanted
        if not any(_has(rules_for(year), g) for g in _groups(chosen))
    }
    axes = _axes(ax, (max(4.0, 0.9 * len(wanted) + 2.5), 3.8))
    _stacked(axes, wanted, tally, notes, _spec(chosen, wanted, english))
    axes.set_xlabel(_word("year", english))
    axes.set_title(f"{_word(f'{chosen}-title', english)} ({_word('given', english)})")
    axes.set_ylabel(_word("given-count", english))
    return axes


def _regimes(years: Sequence[int]) -> list[tuple[int, int, RuleSet]]:
    """Runs of consecutive series years under one rule set: (first, last, rules)."""
    runs: list[tuple[int, int, RuleSet]] = []
    for year in years:
        rules = rules_for(year)
        if runs and runs[-1][2] == rules:
            runs[-1] = (runs[-1][0], year, rules)
        else:
            runs.append((year, year, rules))
    return runs


def _draw_bands(ax: Axes, first: int, last: int, rules: RuleSet, english: bool) -> list[Any]:
    """Fill the bands of ``rules`` from half a year before ``first`` to half after ``last``."""
    from matplotlib.patches import Rectangle

    patches = []
    tops = [b.lower for b in rules.bands[1:]] + [rules.scale_max]
    for band, top in reversed(list(zip(rules.bands, tops, strict=True))):
        lower = float(band.lower)
        patch = Rectangle(
            (first - 0.5, lower),
            last - first + 1,
            float(top) - lower,
            facecolor=band_colour(band),
            alpha=0.25,
            edgecolor="none",
            label=band.name(_lang(english)),
            zorder=1,
        )
        ax.add_patch(patch)
        ax.text(
            first - 0.45,
            lower + 0.5,
            band.short_name(_lang(english)),
            fontsize=7,
            va="bottom",
            color="#343a40",
            zorder=2,
        )
        patches.append(patch)
    return patches


def _gap_of(scored: Sequence[Assessment], gap: object) -> tuple[float, Gap]:
    chosen = next((a for a in scored if type(gap) is int and a.year == gap), None)
    if chosen is None or chosen.score is None:
        raise InvalidArgumentError(
            "gap", gap, f"None or a year of the series with a score: {[a.year for a in scored]}"
        )
    found = gap_to_next_tier(chosen.score, chosen.year)
    if found is None:
        raise NotApplicableError("a gap to the next tier", gap, "the score is in the top band")
    return float(chosen.score), found


def _draw_gap(ax: Axes, start: float, gap: Gap, english: bool) -> None:
    end = float(gap.target_score)
    ax.annotate(
        "",
        xy=(gap.year, end),
        xytext=(gap.year, start),
        arrowprops={"arrowstyle": "->", "linestyle": "--", "color": "#212529"},
        zorder=5,
    )
    name = gap.target.short_name(_lang(english))
    label = f"+{gap.points} {_word('to', english)} {name}"
    ax.text(gap.year + 0.06, (start + end) / 2, label, va="center", fontsize=8)


def series(
    trend: Series,
    /,
    *,
    gap: int | None = None,
    lang: Lang = "id",
    ax: Axes | None = None,
) -> Axes:
    """Draw an entity's scores over the bands of each year's rules.

    The bands of a regime are filled only across the years of the series under that regime,
    from half a year before its first to half a year after its last, so a series across
    2021→2022 shows the three zones, then the five categories. Each score is a point in its
    band's colour, with its value. ``gap``, a year of the series with a score, adds an arrow
    from that score to the next tier with the points it needs
    (:func:`~opinipp.gaps.gap_to_next_tier`); a score in the highest band raises
    :class:`~opinipp.errors.NotApplicableError`.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from opinipp import regions
    >>> from opinipp.trends import series as trend_of
    >>> mubar = regions.pemda("Kabupaten Muna Barat")
    >>> s = trend_of([Assessment(mubar, 2021, "34.19"), Assessment(mubar, 2023, "81.84")], mubar)
    >>> ax = series(s, gap=2023, lang="en")
    >>> [p.get_x() + p.get_width() for p in ax.patches if p.get_label().startswith("green")]
    [2021.5]
    >>> [t.get_text() for t in ax.texts if t.get_text().startswith("+")]
    ['+6.16 to A']
    """
    _pyplot()
    english = _english(lang)
    if not isinstance(trend, Series):
        raise InvalidArgumentError("trend", trend, "an opinipp Series (opinipp.series)")
    _check_ax(ax)
    if not trend.assessments:
        raise InvalidArgumentError("trend", trend, "a series with at least one assessment")
    scored = [a for a in trend.assessments if a.score is not None]
    target = None if gap is None else _gap_of(scored, gap)
    axes = _axes(ax, (max(5.0, 1.1 * len(trend.years) + 3.5), 4.2))
    bands: dict[str, Any] = {}
    for first, last, rules in _regimes(trend.years):
        for patch in _draw_bands(axes, first, last, rules, english):
            bands.setdefault(str(patch.get_label()), patch)
    xs = [a.year for a in scored]
    ys = [float(cast("Any", a.score)) for a in scored]
    (line,) = axes.plot(xs, ys, color="#343a40", linewidth=1.5, label=_word("score", english))
    axes.scatter(
        xs,
        ys,
        c=[band_colour(a.grade.band) for a in scored],
        s=70,
        edgecolors="#212529",
        zorder=4,
    )
    for a, y in zip(scored, ys, strict=True):
        axes.annotate(
            str(a.score), (a.year, y), textcoords="offset points", xytext=(0, 8), ha="center"
        )
    for a in trend.assessments:
        if a.score is None:
            axes.text(a.year, 2, _word("no-score", english), ha="center", color=NEUTRAL_COLOUR)
    if target is not None:
        _draw_gap(axes, *target, english)
    scale = max(float(rules_for(y).scale_max) for y in trend.years)
    axes.set_xlim(trend.years[0] - 0.5, trend.years[-1] + 0.5)
    axes.set_ylim(0, scale)
    axes.set_xticks(trend.years, [str(y) for y in trend.years])
    axes.set_xlabel(_word("year", english))
    axes.set_ylabel(_word("score", english))
    axes.set_title(f"{trend.entity}: {_word('series-title', english)}")
    axes.legend(
        [line, *bands.values()],
        [str(line.get_label()), *bands],
        loc="upper left",
        bbox_to_anchor=(1, 1),
        fontsize=8,
    )
    return axes


def _scope_words(result: Ranking, english: bool) -> str:
    scope = result.scope
    if isinstance(scope, National):
        return f"{scope.kind.value} {'nationally' if english else 'se-Indonesia'}"
    if isinstance(scope, Provincial):
        if scope.include_provinsi:
            who = "the provinsi and kabupaten/kota" if english else "provinsi dan kabupaten/kota"
        else:
            who = "kabupaten/kota"
        return f"{who} {'in' if english else 'di'} {scope.province}"
    return f"{'units in' if english else 'unit di'} {scope.pemda}"


def _completeness(result: Ranking, english: bool) -> str:
    if result.official_of is None:
        return _word("size-unknown", english)
    state = _word("complete" if result.is_complete else "partial", english)
    return f"{state}: {result.of} {_word('of', english)} {result.official_of}"


def ranking(
    result: Ranking,
    /,
    *,
    lang: Lang = "id",
    ax: Axes | None = None,
) -> Axes:
    r"""Draw a ranking as horizontal bars in band colours, best at the top.

    Each bar is one entry's score, labelled with its rank and entity; dotted lines mark the
    lower bounds of the year's bands, and the legend names the bands, best first. The title
    names the scope and year and says whether the ranking is complete ("partial: 24 of 33")
    or its scope's size is unknown. An empty ranking raises
    :class:`~opinipp.errors.InvalidArgumentError`.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from opinipp import regions
    >>> from opinipp.entities import PemdaKind
    >>> from opinipp.ranking import rank
    >>> one = [Assessment(regions.pemda("Kabupaten Muna Barat"), 2023, "81.84")]
    >>> ax = ranking(rank(one, National(PemdaKind.KABUPATEN)), lang="en")
    >>> ax.get_title()
    'Ranking of kabupaten nationally, 2023\npartial: 1 of 415'
    >>> [t.get_text() for t in ax.get_yticklabels()], float(ax.patches[0].get_width())
    (['1. Kabupaten Muna Barat'], 81.84)
    """
    _pyplot()
    english = _english(lang)
    if not isinstance(result, Ranking):
        raise InvalidArgumentError("result", result, "an opinipp Ranking (opinipp.rank)")
    _check_ax(ax)
    entries = result.entries
    if not entries or result.year is None:
        raise InvalidArgumentError("result", result, "a ranking with at least one entry")
    rules = rules_for(result.year)
    axes = _axes(ax, (8.0, 0.3 * len(entries) + 1.8))
    positions = list(range(len(entries)))
    scores = [float(e.score) for e in entries]
    axes.barh(positions, scores, color=[band_colour(e.grade.band) for e in entries])
    for position, entry, score in zip(positions, entries, scores, strict=True):
        axes.text(score + 0.5, position, str(entry.score), va="center", fontsize=7)
    from matplotlib.patches import Patch

    legend = []
    for band in reversed(rules.bands):
        if band.rank:
            axes.axvline(float(band.lower), color=band_colour(band), linestyle=":", linewidth=1)
        legend.append(Patch(facecolor=band_colour(band), label=band.name(_lang(english))))
    axes.set_yticks(positions, [f"{e.rank}. {e.entity}" for e in entries], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, float(rules.scale_max) + 8)
    axes.set_xlabel(_word("score", english))
    axes.set_ylabel(_word("rank-axis", english))
    axes.set_title(
        f"{_word('rank-title', english)} {_scope_words(result, english)}, {result.year}\n"
        f"{_completeness(result, english)}"
    )
    axes.legend(handles=legend, loc="upper left", bbox_to_anchor=(1, 1), fontsize=8)
    return axes


def readiness(
    result: Readiness,
    /,
    *,
    lang: Lang = "id",
    ax: Axes | None = None,
) -> Axes:
    """Draw the required evidence present per dimension, as a share of what is required.

    One bar per dimension: the present share, then the missing share to 100 %, labelled
    ``present/required (percent %)``. A dimension with nothing counted (only secondary data,
    or no required evidence) is marked "not counted" instead.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from opinipp.instruments import instrument_for
    >>> from opinipp.instruments import readiness as readiness_of
    >>> r = readiness_of(instrument_for(2026), {"IN-01": [1, 2, 3, 4, 5, 6, 7]})
    >>> ax = readiness(r, lang="en")
    >>> [round(float(p.get_width()), 2) for p in ax.containers[0]]
    [46.67, 0.0, 0.0, 0.0]
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Input', 'Proses', 'Output', 'Pengaduan']
    """
    _pyplot()
    english = _english(lang)
    if not isinstance(result, Readiness):
        raise InvalidArgumentError("result", result, "an opinipp Readiness (instruments.readiness)")
    _check_ax(ax)
    rows = result.dimensions
    axes = _axes(ax, (7.0, 0.5 * len(rows) + 1.8))
    positions = list(range(len(rows)))
    shares = [0.0 if d.percent is None else float(d.percent) for d in rows]
    rest = [0.0 if d.percent is None else 100 - s for d, s in zip(rows, shares, strict=True)]
    axes.barh(positions, shares, color=PRESENT_COLOUR, label=_word("present", english))
    axes.barh(positions, rest, left=shares, color=MISSING_COLOUR, label=_word("missing", english))
    for position, d in zip(positions, rows, strict=True):
        text = (
            _word("not-counted", english)
            if d.percent is None
            else f"{d.present}/{d.required} ({d.percent} %)"
        )
        axes.text(1, position, text, va="center", fontsize=8, color="#212529")
    axes.set_yticks(positions, [d.dimension.name for d in rows])
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel(_word("evidence", english))
    axes.set_ylabel(_word("dimension", english))
    axes.set_title(
        f"{_word('readiness-title', english)}: {result.present}/{result.required} "
        f"({result.percent} %)\n{result.instrument.name}",
        fontsize=10,
    )
    axes.legend(loc="upper left", bbox_to_anchor=(1, 1))
    return axes


def __dir__() -> list[str]:
    return list(__all__)
