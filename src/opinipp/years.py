"""The facts of each assessment year: rules, dates, how many were assessed, distributions.

An :class:`AssessmentYear` joins a year's :class:`~opinipp.rules.RuleSet` with its
data-collection period and announcement date, how many entities of each kind
were assessed, so that a rank can say "of 415", and the published national zone
distribution. What the sources do not give is ``None``. The table below keeps dates
as ISO text; they are parsed with python-dateutil on first use.

>>> from opinipp.years import assessment_year
>>> from opinipp.entities import PemdaKind
>>> y = assessment_year(2023)
>>> y.assessed(PemdaKind.KABUPATEN), y.assessed_total
(415, 586)
>>> y.data_collection, y.announced
((datetime.date(2023, 7, 1), datetime.date(2023, 10, 31)), datetime.date(2023, 12, 14))
>>> dict(y.zone_distribution)
{<Zone.HIJAU: 'hijau'>: 414, <Zone.KUNING: 'kuning'>: 133, <Zone.MERAH: 'merah'>: 39}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypedDict

import attrs

from opinipp._checks import FrozenMapping, as_list, exact_text
from opinipp._once import Once
from opinipp.entities import EntityKind, InstansiKind, PemdaKind
from opinipp.errors import InvalidArgumentError
from opinipp.rules import Category, RuleSet, Zone, covered_years, rules_for, year_with_rules

__all__ = ["AssessmentYear", "assessment_year"]

_K: Final = EntityKind.KEMENTERIAN
_L: Final = EntityKind.LEMBAGA
_P: Final = EntityKind.PROVINSI
_KOTA: Final = EntityKind.KOTA
_KAB: Final = EntityKind.KABUPATEN
_NATIONAL: Final = (_K, _L, _P, _KOTA, _KAB)
_H: Final = Zone.HIJAU
_Y: Final = Zone.KUNING
_M: Final = Zone.MERAH
_NOTES: Final = "AssessmentYear.notes"
_NOTES_EXPECTED: Final = "a sequence of texts"


class _Row(TypedDict, total=False):
    """One year of the table; missing keys are unknown."""

    data_collection: str  # "YYYY-MM/YYYY-MM", whole months
    announced: str  # "YYYY-MM-DD"
    assessed: dict[EntityKind, int]
    total: int
    zones: dict[Zone, int]
    zones_by_kind: dict[EntityKind, dict[Zone, int]]
    categories: dict[Category, int]
    source: str
    notes: tuple[str, ...]


_TABLE: Final[dict[int, _Row]] = {
    2015: {
        "source": "[R6][R7][R12]",
        "notes": ("Dates, coverage and results of 2015 were not found.",),
    },
    2016: {
        "source": "[R13]",
        "notes": (
            (
                "Kepatuhan tinggi (hijau) was reported for 11 kementerian, 10 lembaga, "
                "13 provinsi, 15 kabupaten and 16 kota; the other zones were not."
            ),
        ),
    },
    2017: {
        "data_collection": "2017-05/2017-07",
        "assessed": {_L: 6},
        "source": "[R14][R15][R16]",
        "notes": (
            (
                "Sources disagree on the number of kementerian (14 or 22); at least 104 Pemda were "
                "assessed."
            ),
            "About 35% hijau and 57% kuning nationally; counts were not given.",
        ),
    },
    2018: {
        "assessed": {_K: 9, _L: 4, _P: 16, _KOTA: 49, _KAB: 199},
        "total": 277,
        "zones": {_H: 97},
        "source": "[R3]",
        "notes": ("Only the hijau total (97) was published.",),
    },
    2019: {
        "assessed": {_K: 4, _L: 3, _P: 6, _KOTA: 36, _KAB: 215},
        "total": 264,
        "source": "[R10]",
        "notes": ("17,717 products in 2,366 units; the last round before the 2020 pause.",),
    },
    2021: {
        "data_collection": "2021-06/2021-10",
        "announced": "2021-12-29",
        "assessed": {_K: 24, _L: 15, _P: 34, _KOTA: 98, _KAB: 416},
        "total": 587,
        "zones": {_H: 179, _Y: 316, _M: 92},
        "zones_by_kind": {
            _K: {_H: 17, _Y: 7, _M: 0},
            _L: {_H: 12, _Y: 3, _M: 0},
            _P: {_H: 13, _Y: 19, _M: 2},
            _KOTA: {_H: 34, _Y: 61, _M: 3},
            _KAB: {_H: 103, _Y: 226, _M: 87},
        },
        "source": "[R11][R21][R23][R24]",
    },
    2022: {
        "data_collection": "2022-08/2022-11",
        "announced": "2022-12-22",
        "assessed": {_K: 25, _L: 14, _P: 34, _KOTA: 98, _KAB: 415},
        "total": 586,
        "zones": {_H: 272, _Y: 250, _M: 64},
        "zones_by_kind": {
            _K: {_H: 21, _Y: 4, _M: 0},
            _L: {_H: 9, _Y: 5, _M: 0},
            _P: {_H: 19, _Y: 13, _M: 2},
            _KOTA: {_H: 53, _Y: 42, _M: 3},
            _KAB: {_H: 170, _Y: 186, _M: 59},
        },
        "source": "[R29][R30][R31][R32][R33][R34][R37][R38]",
        "notes": ("Kab. Puncak (Papua) was not assessed, for security reasons.",),
    },
    2023: {
        "data_collection": "2023-07/2023-10",
        "announced": "2023-12-14",
        "assessed": {_K: 25, _L: 14, _P: 34, _KOTA: 98, _KAB: 415},
        "total": 586,
        "zones": {_H: 414, _Y: 133, _M: 39},
        "source": "[R42][R43][R44][R45][R46]",
        "notes": ("The zone split per kind was not found.",),
    },
    2024: {
        "data_collection": "2024-05/2024-09",
        "announced": "2024-11-14",
        "assessed": {_K: 25, _L: 14, _P: 34, _KOTA: 98, _KAB: 416},
        "total": 587,
        "zones": {_H: 494, _Y: 70, _M: 23},
        "zones_by_kind": {_KAB: {_H: 339, _Y: 55, _M: 22}},
        "categories": {
            Category.A: 337,
            Category.B: 157,
            Category.C: 70,
            Category.D: 14,
            Category.E: 9,
        },
        "source": "[R60][R62][R63][R72][R73][R77]",
        "notes": (
            (
                "The announcement date is the award ceremony; one source dates Keputusan Ketua ORI "
                "252/2024 on 25 Nov 2024, after it."
            ),
            "22 of 25 kementerian were hijau; the other per-kind splits were not found.",
        ),
    },
    2025: {
        "announced": "2026-01-29",
        "assessed": {_K: 38, _L: 8, _P: 38, _KOTA: 56, _KAB: 170},
        "total": 310,
        "source": "[R79][R80][R103][R104][R105][R106][R107]",
        "notes": (
            (
                "Data were collected until November 2025, starting in July or September depending "
                "on the source, so the period is left unknown."
            ),
            "There are no zones in 2025.",
        ),
    },
}


def _parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Read ``"2023-07/2023-10"`` as the first day of July to the last day of October."""
    from dateutil.parser import isoparse
    from dateutil.relativedelta import relativedelta

    start, end = text.split("/")
    last_day = isoparse(end) + relativedelta(day=31)
    return (isoparse(start).date(), last_day.date())


def _to_kind(kind: object) -> EntityKind:
    if isinstance(kind, (PemdaKind, InstansiKind)):
        return kind.entity_kind
    if isinstance(kind, EntityKind):
        return kind
    text = exact_text(kind)
    if text is not None:
        try:
            return EntityKind(text)
        except ValueError:
            pass
    raise InvalidArgumentError(
        "kind",
        kind,
        "an EntityKind, PemdaKind or InstansiKind (kementerian, lembaga, provinsi, kota, "
        "kabupaten, opd, puskesmas, rsud)",
    )


def _optional_frozen(value: Any) -> Any:  # noqa: ANN401 - converter of optional mappings
    return None if value is None else FrozenMapping(value)


def _counts(value: Mapping[EntityKind, int]) -> FrozenMapping[EntityKind, int]:
    return FrozenMapping(value)


def _by_kind(
    value: Mapping[EntityKind, Mapping[Zone, int]] | None,
) -> FrozenMapping[EntityKind, FrozenMapping[Zone, int]] | None:
    if value is None:
        return None
    name, expected = (
        "AssessmentYear.zone_distribution_by_kind",
        "None or a mapping of kind to zones",
    )
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(name, value, expected)
    try:
        return FrozenMapping([(kind, FrozenMapping(zones)) for kind, zones in value.items()])
    except Exception as exc:  # zones that are no mapping, or a foreign mapping that raises
        raise InvalidArgumentError(name, value, expected) from exc


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    texts = [exact_text(note) for note in as_list(value, _NOTES, _NOTES_EXPECTED)]
    notes = tuple(note for note in texts if note is not None)
    if len(notes) != len(texts):
        raise InvalidArgumentError(_NOTES, value, _NOTES_EXPECTED)
    return notes


def _source(value: object) -> object:
    """The source as plain text (a non-text value is left for the type check)."""
    text = exact_text(value)
    return value if text is None else text


@attrs.frozen
class AssessmentYear:
    """One assessment year: its rules, dates, coverage and published distributions.

    ``data_collection`` is the (first, last) day of the field work, ``announced`` the day
    the results were announced; ``zone_distribution`` has the national counts per zone for
    the zones whose totals were published (2018 gives only hijau), and
    ``category_distribution`` the A–E counts where published (2024). Use :meth:`assessed`
    for the number of entities of one kind.

    >>> y = assessment_year(2024)
    >>> y.rule_set.scheme, y.announced
    ('opini-pengawasan-2024', datetime.date(2024, 11, 14))
    >>> y.category_distribution[Category.A]
    337
    """

    year: int = attrs.field(converter=year_with_rules)
    rule_set: RuleSet
    data_collection: tuple[dt.date, dt.date] | None = None
    announced: dt.date | None = None
    zone_distribution: FrozenMapping[Zone, int] | None = attrs.field(
        default=None, converter=_optional_frozen
    )
    category_distribution: FrozenMapping[Category, int] | None = attrs.field(
        default=None, kw_only=True, converter=_optional_frozen
    )
    zone_distribution_by_kind: FrozenMapping[EntityKind, FrozenMapping[Zone, int]] | None = (
        attrs.field(default=None, kw_only=True, converter=_by_kind)
    )
    assessed_counts: FrozenMapping[EntityKind, int] = attrs.field(
        factory=FrozenMapping, kw_only=True, converter=_counts
    )
    assessed_total: int | None = attrs.field(default=None, kw_only=True)
    source: str = attrs.field(default="", kw_only=True, converter=_source)
    notes: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_notes)

    def __attrs_post_init__(self) -> None:
        if type(self.rule_set) is not RuleSet or rules_for(self.year) != self.rule_set:
            raise InvalidArgumentError(
                "AssessmentYear.rule_set", self.rule_set, f"the RuleSet of {self.year}"
            )
        if self.zone_distribution is not None and not self.rule_set.has_zones:
            raise InvalidArgumentError(
                "AssessmentYear.zone_distribution", self.zone_distribution, f"None in {self.year}"
            )
        _check_types(self)
        _check_sums(self)

    def assessed(self, kind: EntityKind | PemdaKind | InstansiKind) -> int | None:
        """Return how many entities of ``kind`` were assessed nationally, or ``None``.

        Only the five national kinds are counted (kementerian, lembaga, provinsi, kota,
        kabupaten); units (OPD, Puskesmas, RSUD) and years without a figure give ``None``.

        >>> from opinipp.entities import InstansiKind, PemdaKind
        >>> assessment_year(2022).assessed(PemdaKind.KABUPATEN)  # Kab. Puncak not assessed
        415
        >>> assessment_year(2025).assessed(InstansiKind.KEMENTERIAN)
        38
        >>> assessment_year(2017).assessed(PemdaKind.KOTA) is None
        True
        """
        return self.assessed_counts.get(_to_kind(kind))

    def zones_of(
        self, kind: EntityKind | PemdaKind | InstansiKind
    ) -> FrozenMapping[Zone, int] | None:
        """Return the published zone counts of one kind, or ``None`` where not published.

        >>> from opinipp.entities import PemdaKind
        >>> dict(assessment_year(2022).zones_of(PemdaKind.KABUPATEN))
        {<Zone.HIJAU: 'hijau'>: 170, <Zone.KUNING: 'kuning'>: 186, <Zone.MERAH: 'merah'>: 59}
        """
        entity_kind = _to_kind(kind)
        if self.zone_distribution_by_kind is None:
            return None
        return self.zone_distribution_by_kind.get(entity_kind)


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


def _check_counts(name: str, counts: object, key_type: type) -> None:
    if counts is None:
        return
    assert isinstance(counts, FrozenMapping)  # the converters guarantee it  # noqa: S101
    # The keys first: a foreign key's hash may lie, so values are looked up only by members.
    if not all(isinstance(key, key_type) for key in counts) or not all(
        map(_is_count, counts.values())
    ):
        raise InvalidArgumentError(
            f"AssessmentYear.{name}", counts, f"a mapping of {key_type.__name__} to counts"
        )


def _check_types(y: AssessmentYear) -> None:
    """Reject values of the wrong type with opinipp errors before any arithmetic."""
    period: object = y.data_collection
    if period is not None and not (
        isinstance(period, tuple)
        and len(period) == 2
        and all(type(d) is dt.date for d in period)
        and period[0] <= period[1]
    ):
        raise InvalidArgumentError(
            "AssessmentYear.data_collection", period, "None or a (first, last) pair of dates"
        )
    if y.announced is not None and type(y.announced) is not dt.date:
        raise InvalidArgumentError("AssessmentYear.announced", y.announced, "None or a date")
    if y.assessed_total is not None and not _is_count(y.assessed_total):
        raise InvalidArgumentError(
            "AssessmentYear.assessed_total", y.assessed_total, "None or a count"
        )
    if not isinstance(y.source, str):
        raise InvalidArgumentError("AssessmentYear.source", y.source, "text")
    _check_counts("zone_distribution", y.zone_distribution, Zone)
    _check_counts("category_distribution", y.category_distribution, Category)
    _check_counts("assessed_counts", y.assessed_counts, EntityKind)
    by_kind = y.zone_distribution_by_kind
    if by_kind is not None:
        for kind in by_kind:
            if not isinstance(kind, EntityKind):
                raise InvalidArgumentError(
                    "AssessmentYear.zone_distribution_by_kind", kind, "an EntityKind"
                )
        for zones in by_kind.values():
            _check_counts("zone_distribution_by_kind", zones, Zone)


def _check_sums(y: AssessmentYear) -> None:
    """Check that the published figures add up ([R24][R31][R42][R62], arithmetic checks)."""
    counts = y.assessed_counts
    total = y.assessed_total
    if (
        total is not None
        and all(k in counts for k in _NATIONAL)
        and sum(counts[k] for k in _NATIONAL) != total
    ):
        raise InvalidArgumentError(
            "AssessmentYear.assessed_total", total, f"the sum of the per-kind counts in {y.year}"
        )
    for name, dist, full in (
        ("zone", y.zone_distribution, len(Zone)),
        ("category", y.category_distribution, len(Category)),
    ):
        if (
            dist is not None
            and total is not None
            and len(dist) == full
            and sum(dist.values()) != total
        ):
            raise InvalidArgumentError(
                f"AssessmentYear.{name}_distribution", dist, f"counts summing to {total}"
            )
    _check_kind_sums(y)


def _check_kind_sums(y: AssessmentYear) -> None:
    """Check the per-kind zone counts against the coverage and the national totals."""
    by_kind = y.zone_distribution_by_kind
    if by_kind is None:
        return
    counts = y.assessed_counts
    for kind, zones in by_kind.items():
        if kind in counts and sum(zones.values()) != counts[kind]:
            raise InvalidArgumentError(
                "AssessmentYear.zone_distribution_by_kind",
                zones,
                f"counts summing to the {counts[kind]} {kind.value} assessed in {y.year}",
            )
    if y.zone_distribution is None or len(by_kind) != len(_NATIONAL):
        return
    for zone, count in y.zone_distribution.items():
        if sum(z.get(zone, 0) for z in by_kind.values()) != count:
            raise InvalidArgumentError(
                "AssessmentYear.zone_distribution_by_kind",
                by_kind,
                f"per-kind {zone.value} counts summing to {count}",
            )


def _build(year: int, row: _Row) -> AssessmentYear:
    # dateutil is imported here, on first use, to keep `import opinipp` light.
    from dateutil.parser import isoparse

    period = row.get("data_collection")
    announced = row.get("announced")
    by_kind = row.get("zones_by_kind")
    return AssessmentYear(
        year,
        rules_for(year),
        None if period is None else _parse_period(period),
        None if announced is None else isoparse(announced).date(),
        row.get("zones"),
        category_distribution=row.get("categories"),
        zone_distribution_by_kind=by_kind,
        assessed_counts=row.get("assessed", {}),
        assessed_total=row.get("total"),
        source=row["source"],
        notes=row.get("notes", ()),
    )


def _build_years() -> dict[int, AssessmentYear]:
    if tuple(_TABLE) != covered_years():
        raise InvalidArgumentError(
            "years table", tuple(_TABLE), f"one row per covered year {covered_years()}"
        )
    return {year: _build(year, row) for year, row in _TABLE.items()}


_years: Final = Once(_build_years)  # once per process, on first use


def assessment_year(year: int) -> AssessmentYear:
    """Return the facts of an assessment year.

    Raises :class:`~opinipp.errors.RulesNotAvailableError` for 2020 (no assessment was
    held) and years outside the table, like :func:`~opinipp.rules.rules_for`.

    >>> assessment_year(2021).announced
    datetime.date(2021, 12, 29)
    >>> assessment_year(2020)
    Traceback (most recent call last):
    ...
    opinipp.errors.RulesNotAvailableError: no assessment rules for year 2020: no assessment ...
    """
    return _years()[year_with_rules(year)]


def __dir__() -> list[str]:
    return list(__all__)
