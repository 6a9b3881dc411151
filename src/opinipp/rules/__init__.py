"""The assessment rules of every year, as data: zones, categories, bands and rule sets.

One :class:`RuleSet` per regime: 2015 (PerOmbudsman 17/2015, a 0–75 scale),
2016–2019 and 2021 (three zones), 2022–2023 and 2024 (categories A–E with zones and
opinions; the two differ only in the published dimension weights and the decree), and 2025
(the Opini Ombudsman: quality words and opinions, no zones, the "Tanpa Maladministrasi"
qualifier). No assessment was held in 2020.

>>> from opinipp.rules import rules_for, covered_years
>>> covered_years()
(2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025)
>>> rules_for(2023).band_for("81.84").opinion
'Kualitas Tinggi'
>>> rules_for(2020)
Traceback (most recent call last):
...
opinipp.errors.RulesNotAvailableError: no assessment rules for year 2020: no assessment was held ...
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from opinipp._checks import check_year
from opinipp.errors import InvalidArgumentError, RulesNotAvailableError
from opinipp.rules._tables import NOT_HELD, RULE_SETS
from opinipp.rules._types import Band, Category, Dimension, Lang, RuleSet, Zone

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "Band",
    "Category",
    "Dimension",
    "Lang",
    "RuleSet",
    "Zone",
    "covered_years",
    "not_held_years",
    "rule_sets",
    "rules_for",
]


def _index(rule_sets: tuple[RuleSet, ...], not_held: Mapping[int, str]) -> Mapping[int, RuleSet]:
    """Build the year → RuleSet lookup, checking that no year is claimed twice."""
    by_year: dict[int, RuleSet] = {}
    for rule_set in rule_sets:
        for year in rule_set.years:
            if year in by_year:
                raise InvalidArgumentError(
                    "rule tables",
                    year,
                    f"one RuleSet per year; {by_year[year].scheme!r} and "
                    f"{rule_set.scheme!r} both cover it",
                )
            if year in not_held:
                raise InvalidArgumentError(
                    "rule tables",
                    year,
                    f"no RuleSet for a year without assessment: {not_held[year]}",
                )
            by_year[year] = rule_set
    return MappingProxyType(dict(sorted(by_year.items())))


_BY_YEAR: Final = _index(RULE_SETS, NOT_HELD)
_COVERED: Final = tuple(_BY_YEAR)


def rules_for(year: int) -> RuleSet:
    """Return the RuleSet in force for an assessment year.

    Raises :class:`~opinipp.errors.RulesNotAvailableError` (a ``LookupError`` and a
    ``ValueError``) for 2020, when no assessment was held, for years outside the table, and
    for anything that is not a whole number; the message lists the covered years.

    >>> rules_for(2021).scheme
    'kepatuhan-2016'
    >>> rules_for(2025).has_zones
    False
    >>> rules_for(2014)
    Traceback (most recent call last):
    ...
    opinipp.errors.RulesNotAvailableError: no assessment rules for year 2014: outside the years ...
    """
    if type(year) is int:
        found = _BY_YEAR.get(year)
        if found is not None:
            return found
    else:
        year = check_year(year, _COVERED)
        found = _BY_YEAR.get(year)
        if found is not None:
            return found
    reason = NOT_HELD.get(year)
    if reason is None:
        reason = f"outside the years with known rules ({_COVERED[0]}–{_COVERED[-1]}, except " + (
            ", ".join(str(y) for y in sorted(NOT_HELD)) + ")"
        )
    raise RulesNotAvailableError(year, _COVERED, reason)


def year_with_rules(year: object) -> int:
    """Return ``year`` as a plain ``int`` when it has rules, else raise like :func:`rules_for`.

    Private to opinipp (not in ``__all__``): the converter of every ``year`` field, so that
    ``numpy.int64(2023)`` is stored as ``2023``.

    >>> year_with_rules(2023)
    2023
    >>> year_with_rules(True)
    Traceback (most recent call last):
    ...
    opinipp.errors.RulesNotAvailableError: no assessment rules for year True: ...
    """
    normalized = check_year(year, _COVERED)
    rules_for(normalized)
    return normalized


def covered_years() -> tuple[int, ...]:
    """Return the assessment years that have rules, in increasing order.

    >>> 2020 in covered_years(), 2021 in covered_years()
    (False, True)
    """
    return _COVERED


def not_held_years() -> Mapping[int, str]:
    """Return the years inside the covered range with no assessment, and why.

    >>> dict(not_held_years())
    {2020: 'no assessment was held in 2020 (the method was being redesigned; [R10][R11])'}
    """
    return NOT_HELD


def rule_sets() -> tuple[RuleSet, ...]:
    """Return every RuleSet, oldest first.

    >>> [(rs.scheme, rs.years[0], rs.years[-1]) for rs in rule_sets()]
    [('kepatuhan-2015', 2015, 2015), ('kepatuhan-2016', 2016, 2021),
     ('opini-pengawasan-2022', 2022, 2023), ('opini-pengawasan-2024', 2024, 2024),
     ('opini-ombudsman-2025', 2025, 2025)]
    """
    return RULE_SETS


def __dir__() -> list[str]:
    return list(__all__)
