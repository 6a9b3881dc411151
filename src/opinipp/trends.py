"""Year-over-year change of one entity: score delta, zone and category movement, series.

:func:`compare` puts two assessments of the same entity side by side; :func:`series` lines up
every assessment of an entity by year, with the change between consecutive scored years.
Scores of different regimes are still compared as numbers (the scale is 0–100 from 2016 on),
but a :class:`Change` says which scheme each side was graded under, and
:attr:`Change.crosses_regime` flags a change of rules (three zones up to 2021, categories
A–E in 2022–2024, the Opini Ombudsman without zones in 2025).

>>> from opinipp import regions
>>> from opinipp.assessments import Assessment
>>> from opinipp.trends import compare, series
>>> mubar = regions.pemda("Kabupaten Muna Barat")
>>> history = [  # the bundled results
...     Assessment(mubar, 2023, "81.84"),
...     Assessment(mubar, 2021, "34.19"),
...     Assessment(mubar, 2022, "69.17"),
... ]
>>> print(series(history, mubar))
Kabupaten Muna Barat: 34.19 merah (2021) → 69.17 kuning C (2022) → 81.84 hijau B (2023)
>>> change = compare(history[1], history[2])
>>> change.delta, change.direction.value, change.crosses_regime
(Decimal('34.98'), 'up', True)
"""

from __future__ import annotations

from enum import Enum
from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

import attrs

from opinipp._checks import as_list
from opinipp.assessments import Assessment
from opinipp.entities import ENTITY_TYPES
from opinipp.errors import DuplicateEntityError, InvalidArgumentError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from decimal import Decimal

    from opinipp.entities import Entity
    from opinipp.rules import Category, Zone
    from opinipp.scores import Score
    from opinipp.zoning import Grade

__all__ = ["Change", "Direction", "Series", "compare", "series"]


class Direction(str, Enum):
    """Which way a score moved between two years.

    >>> Direction.UP.value, Direction("same") is Direction.SAME
    ('up', True)
    """

    UP = "up"
    DOWN = "down"
    SAME = "same"


def _grade(assessment: Assessment) -> Grade:
    return assessment.grade


def _score(assessment: Assessment) -> Score:
    score = assessment.score
    if score is None:  # pragma: no cover - Change checks for a score first
        raise InvalidArgumentError("assessment", assessment, "an assessment with a score")
    return score


def _summary(assessment: Assessment) -> str:
    """``"69.17 kuning C (2022)"``: the score and the labels its year uses."""
    grade = _grade(assessment)
    words = (str(assessment.score), *(grade.band.tags() or (grade.label,)))
    return f"{' '.join(words)} ({assessment.year})"


def _reject(argument: str, value: object, expected: str) -> InvalidArgumentError:
    """An error whose message names an assessment briefly; ``.value`` keeps the object."""
    if isinstance(value, Assessment):
        error = InvalidArgumentError(argument, f"{value.entity} ({value.year})", expected)
        error.value = value
        return error
    return InvalidArgumentError(argument, value, expected)


def _check_assessment(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Assessment):
        raise InvalidArgumentError(attribute.name, value, "an Assessment")
    if value.score is None:
        raise _reject(attribute.name, value, "an assessment with a score")


@attrs.frozen(repr=False)
class Change:
    """How one entity's result moved from an earlier assessment year to a later one.

    Built by :func:`compare` (or directly, with the same checks). ``delta`` is the exact
    score difference, later minus earlier; ``direction`` its sign. The grades, zones,
    categories and schemes are those of each side's own year, so a change across a regime
    (2021 → 2022, 2024 → 2025) shows both classifications and sets ``crosses_regime``.

    >>> from opinipp import regions
    >>> mukomuko = regions.pemda("Kabupaten Mukomuko")
    >>> change = compare(Assessment(mukomuko, 2022, "60.35"), Assessment(mukomuko, 2023, "90.02"))
    >>> print(change)
    Kabupaten Mukomuko: 60.35 kuning C (2022) → 90.02 hijau A (2023), +29.67 (up)
    >>> change.category_before, change.category_after, change.crosses_regime
    (<Category.C: 'C'>, <Category.A: 'A'>, False)
    """

    earlier: Assessment = attrs.field(validator=_check_assessment)
    later: Assessment = attrs.field(validator=_check_assessment)

    def __attrs_post_init__(self) -> None:
        earlier, later = self.earlier, self.later
        if later.entity != earlier.entity:
            raise _reject("later", later, f"an assessment of {earlier.entity}")
        if later.year <= earlier.year:
            raise _reject("later", later, f"an assessment of a year after {earlier.year}")
        # Classify both now, so that a change that cannot be graded fails here.
        _grade(earlier)
        _grade(later)

    @property
    def entity(self) -> Entity:
        """The entity both assessments are of."""
        return self.earlier.entity

    @property
    def delta(self) -> Decimal:
        """The exact score difference, later minus earlier (``Decimal('34.98')``)."""
        return _score(self.later) - _score(self.earlier)

    @property
    def direction(self) -> Direction:
        """:attr:`Direction.UP`, :attr:`Direction.DOWN` or :attr:`Direction.SAME`."""
        before, after = _score(self.earlier), _score(self.later)
        if after > before:
            return Direction.UP
        if after < before:
            return Direction.DOWN
        return Direction.SAME

    @property
    def earlier_grade(self) -> Grade:
        """The classification of the earlier score under its year's rules."""
        return _grade(self.earlier)

    @property
    def later_grade(self) -> Grade:
        """The classification of the later score under its year's rules."""
        return _grade(self.later)

    @property
    def zone_before(self) -> Zone | None:
        """The earlier zone (``None`` in 2025, which has no zones)."""
        return self.earlier_grade.zone

    @property
    def zone_after(self) -> Zone | None:
        """The later zone (``None`` in 2025, which has no zones)."""
        return self.later_grade.zone

    @property
    def category_before(self) -> Category | None:
        """The earlier category (``None`` outside 2022–2024)."""
        return self.earlier_grade.category

    @property
    def category_after(self) -> Category | None:
        """The later category (``None`` outside 2022–2024)."""
        return self.later_grade.category

    @property
    def scheme_before(self) -> str:
        """The scheme the earlier score was graded under, e.g. ``"kepatuhan-2016"``."""
        return self.earlier_grade.rule_set.scheme

    @property
    def scheme_after(self) -> str:
        """The scheme the later score was graded under, e.g. ``"opini-pengawasan-2022"``."""
        return self.later_grade.rule_set.scheme

    @property
    def crosses_regime(self) -> bool:
        """Whether the two years were graded under different schemes."""
        return self.scheme_before != self.scheme_after

    def __str__(self) -> str:
        text = (
            f"{self.entity}: {_summary(self.earlier)} → {_summary(self.later)}, "
            f"{self.delta:+} ({self.direction.value})"
        )
        if self.crosses_regime:
            text += f"; rules changed from {self.scheme_before} to {self.scheme_after}"
        return text

    def __repr__(self) -> str:
        return f"<Change {self}>"


def compare(earlier: Assessment, later: Assessment, /) -> Change:
    """Compare two assessments of the same entity, ``earlier`` of an earlier year.

    Raises:
        InvalidArgumentError: an argument is not an :class:`~opinipp.assessments.Assessment`
            or has no score, the two are of different entities, or ``later`` is not of a
            later year.
        NotApplicableError: an assessment carries the 2025 "Tanpa Maladministrasi"
            qualifier in a year without it.

    Muna Barat crossed from the three-zone rules of 2021 to the categories of 2022:

    >>> from opinipp import regions
    >>> mubar = regions.pemda("Kabupaten Muna Barat")
    >>> change = compare(Assessment(mubar, 2021, "34.19"), Assessment(mubar, 2022, "69.17"))
    >>> print(change)  # doctest: +NORMALIZE_WHITESPACE
    Kabupaten Muna Barat: 34.19 merah (2021) → 69.17 kuning C (2022), +34.98 (up);
    rules changed from kepatuhan-2016 to opini-pengawasan-2022
    >>> change.zone_before.value, change.zone_after.value, change.category_before
    ('merah', 'kuning', None)
    >>> compare(Assessment(mubar, 2022, "69.17"), Assessment(mubar, 2021, "34.19"))
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid later 'Kabupaten Muna Barat (2021)': expected
    an assessment of a year after 2022
    """
    return Change(earlier, later)


def _check_entity(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, ENTITY_TYPES):
        raise InvalidArgumentError("entity", value, "an Instansi, Pemda, OPD, Puskesmas or Rsud")


def _to_tuple(value: object) -> tuple[Assessment, ...]:
    if isinstance(value, Assessment):
        raise InvalidArgumentError("assessments", value, "an iterable of Assessment")
    return tuple(as_list(value, "assessments", "an iterable of Assessment"))


@attrs.frozen(repr=False)
class Series:
    """Every assessment of one entity, by year, with the changes between them.

    ``assessments`` are in increasing year order, one per year. ``changes`` compares each
    scored assessment with the previous scored one (years published without a score are
    kept in ``assessments`` but skipped by the changes). ``overall`` compares the first and
    last scored years.

    >>> from opinipp import regions
    >>> mubar = regions.pemda("Kabupaten Muna Barat")
    >>> s = series(
    ...     [
    ...         Assessment(mubar, y, x)
    ...         for y, x in [(2021, "34.19"), (2022, "69.17"), (2023, "81.84")]
    ...     ],
    ...     mubar,
    ... )
    >>> [str(c.delta) for c in s.changes], str(s.overall.delta)
    (['34.98', '12.67'], '47.65')
    """

    entity: Entity = attrs.field(validator=_check_entity)
    assessments: tuple[Assessment, ...] = attrs.field(converter=_to_tuple)

    def __attrs_post_init__(self) -> None:
        previous: int | None = None
        for a in cast("tuple[object, ...]", self.assessments):
            if not isinstance(a, Assessment):
                raise InvalidArgumentError("assessments", a, "Assessment objects")
            if a.entity != self.entity:
                raise _reject("assessments", a, f"assessments of {self.entity}")
            if previous is not None and a.year <= previous:
                if a.year == previous:
                    raise DuplicateEntityError(self.entity, f"the assessments of {a.year}")
                raise _reject("assessments", a, "assessments in increasing year order")
            previous = a.year

    @property
    def years(self) -> tuple[int, ...]:
        """The assessment years, increasing."""
        return tuple(a.year for a in self.assessments)

    @property
    def changes(self) -> tuple[Change, ...]:
        """The change from each scored year to the next scored year."""
        scored = [a for a in self.assessments if a.score is not None]
        return tuple(Change(a, b) for a, b in pairwise(scored))

    @property
    def overall(self) -> Change | None:
        """The change from the first to the last scored year (``None`` with fewer than two)."""
        scored = [a for a in self.assessments if a.score is not None]
        return Change(scored[0], scored[-1]) if len(scored) > 1 else None

    def __len__(self) -> int:
        return len(self.assessments)

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.assessments)

    def __str__(self) -> str:
        steps = [
            _summary(a) if a.score is not None else f"no score ({a.year})" for a in self.assessments
        ]
        return f"{self.entity}: {' → '.join(steps)}"

    def __repr__(self) -> str:
        return f"<Series {self}>"

    def _repr_html_(self) -> str:
        """Jupyter: a row of years with scores, zone-coloured badges and changes."""
        from opinipp._html import series_html

        return series_html(self)


def series(assessments: Iterable[Assessment], entity: Entity, /) -> Series:
    """Collect the assessments of ``entity`` from ``assessments`` and order them by year.

    Assessments of other entities are left out, so a whole dataset can be passed.

    Raises:
        InvalidArgumentError: ``assessments`` is not an iterable of
            :class:`~opinipp.assessments.Assessment`, or ``entity`` is not an entity.
        DuplicateEntityError: the entity has two assessments of the same year.

    Kabupaten Mukomuko went from kuning (C) in 2022 to A in 2023 (the bundled results):

    >>> from opinipp import regions
    >>> mukomuko = regions.pemda("Kabupaten Mukomuko")
    >>> s = series(
    ...     [Assessment(mukomuko, 2023, "90.02"), Assessment(mukomuko, 2022, "60.35")], mukomuko
    ... )
    >>> print(s)
    Kabupaten Mukomuko: 60.35 kuning C (2022) → 90.02 hijau A (2023)
    >>> s.years, str(s.changes[0].delta)
    ((2022, 2023), '29.67')
    """
    _check_entity(None, cast("attrs.Attribute[Any]", None), entity)
    items = _to_tuple(assessments)
    mine: list[Assessment] = []
    for a in cast("tuple[object, ...]", items):
        if not isinstance(a, Assessment):
            raise InvalidArgumentError("assessments", a, "Assessment objects")
        if a.entity == entity:
            mine.append(a)
    mine.sort(key=lambda a: a.year)
    for a, b in pairwise(mine):
        if a.year == b.year:
            raise DuplicateEntityError(entity, f"the assessments of {a.year}")
    return Series(entity, tuple(mine))


def __dir__() -> list[str]:
    return list(__all__)
