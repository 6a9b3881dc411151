"""Point gaps: how far a score is from the next tier, a target label, or a rank.

Bands have inclusive lower bounds on the two-decimal score ([R47][R60][R70]), so the gap
to a band is its lower bound minus the score, exactly: Kabupaten Muna Barat's 81.84 of 2023
needs 88.00 − 81.84 = 6.16 points for category A. (A founding article quotes 6.17, which is
the gap to 88.01, the reading "A means more than 88"; the docs page "Why 6.16 and not 6.17"
explains why opinipp does not follow it.)

>>> from opinipp.gaps import gap_to, gap_to_next_tier
>>> gap = gap_to_next_tier("81.84", 2023)
>>> gap.points, str(gap.target_score)
(Decimal('6.16'), '88.00')
>>> str(gap)
'6.16 points to A (Kualitas Tertinggi)'
>>> str(gap_to("34.19", 2021, "hijau"))  # Muna Barat, 2021
'46.81 points to zona hijau (Kepatuhan Tinggi)'
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from opinipp._checks import exact_decimal, exact_int, text_value
from opinipp.errors import InvalidArgumentError, NotApplicableError
from opinipp.ranking import Ranking
from opinipp.rules import Band, Category, RuleSet, Zone, rule_sets, rules_for, year_with_rules
from opinipp.scores import Score

if TYPE_CHECKING:
    from opinipp.entities import Entity
    from opinipp.scores import ScoreLike

__all__ = ["Gap", "gap_to", "gap_to_next_tier", "points_to_rank"]

_ZERO: Final = Decimal("0.00")


def _to_points(value: Decimal) -> Decimal:
    number = exact_decimal(value)
    return value if number is None else number


def _check_points(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise InvalidArgumentError("Gap.points", value, "a non-negative Decimal")


def _check_band(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Band):
        raise InvalidArgumentError("Gap.target", value, "a Band of the year's rules")


def _check_text(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError("Gap.label", value, "non-empty text")


@attrs.frozen(repr=False)
class Gap:
    """The points a score needs to reach a band, exactly.

    ``points`` is an exact :class:`~decimal.Decimal` (``Decimal("0.00")`` when the score is
    already there); ``target`` the band to reach and ``target_score`` its inclusive lower
    bound; ``label`` names the target as it was asked for ("A (Kualitas Tertinggi)",
    "zona hijau", …). ``reached`` tells whether no points are needed.

    >>> gap = gap_to_next_tier("60.35", 2022)  # Kabupaten Mukomuko, 2022
    >>> gap
    Gap(points=Decimal('17.65'), target='B (Kualitas Tinggi)', target_score=Score('78.00'),
        year=2022)
    >>> gap.reached
    False
    """

    points: Decimal = attrs.field(converter=_to_points, validator=_check_points)
    target: Band = attrs.field(validator=_check_band)
    year: int = attrs.field(converter=year_with_rules)
    label: str = attrs.field(converter=text_value, validator=_check_text)

    @property
    def target_score(self) -> Score:
        """The lowest score of the target: its inclusive lower bound."""
        return self.target.lower

    @property
    def reached(self) -> bool:
        """Whether the score is already at or above the target."""
        return self.points == 0

    def __str__(self) -> str:
        if self.reached:
            return f"already at or above {self.label}"
        return f"{self.points} points to {self.label}"

    def __repr__(self) -> str:
        return (
            f"Gap(points={self.points!r}, target={self.label!r}, "
            f"target_score={self.target_score!r}, year={self.year})"
        )


def _score(score: object) -> Score:
    return score if type(score) is Score else Score(score)  # type: ignore[arg-type]


def _gap(score: Score, band: Band, year: int, label: str) -> Gap:
    missing = band.lower.hundredths - score.hundredths
    return Gap(Decimal(missing).scaleb(-2) if missing > 0 else _ZERO, band, year, label)


class _Tiers(NamedTuple):
    """One year's bands prepared for :func:`gap_to_next_tier`: bisect, then look up."""

    lowers: tuple[int, ...]
    top: int
    rule_set: RuleSet
    next_up: tuple[tuple[Band, str] | None, ...]


def _prepare() -> dict[int, _Tiers]:
    table: dict[int, _Tiers] = {}
    for rule_set in rule_sets():
        bands = rule_set.bands
        next_up = tuple(
            (bands[i + 1], bands[i + 1].name()) if i + 1 < len(bands) else None
            for i in range(len(bands))
        )
        tiers = _Tiers(
            tuple(b.lower.hundredths for b in bands),
            rule_set.scale_max.hundredths,
            rule_set,
            next_up,
        )
        for year in rule_set.years:
            table[year] = tiers
    return table


_TIERS: Final = _prepare()

# Gaps already computed, by (year, hundredths): a Gap is immutable, and a table of a few
# thousand rows holds far fewer distinct scores. Only valid scores get here; the memo is
# emptied when it is full, so it stays small whatever the input.
_NEXT_TIER_GAPS_LIMIT: Final = 20_000
_NEXT_TIER_GAPS: dict[tuple[int, int], Gap | None] = {}


def gap_to_next_tier(score: ScoreLike, year: int) -> Gap | None:
    """Return the points from ``score`` to the next band up in ``year``, or ``None`` at the top.

    The tiers are the bands of the year's rules: the three zones before 2022, the
    categories A–E in 2022–2024, the quality levels of the 2025 Opini Ombudsman.

    Raises:
        InvalidScoreError: ``score`` is not a two-decimal score on the year's scale.
        RulesNotAvailableError: no rules for ``year`` (2020, uncovered years, non-integers).

    >>> str(gap_to_next_tier("81.84", 2023))  # Muna Barat, 2023: B, 6.16 short of A
    '6.16 points to A (Kualitas Tertinggi)'
    >>> str(gap_to_next_tier("69.17", 2022))  # Muna Barat, 2022: C
    '8.83 points to B (Kualitas Tinggi)'
    >>> gap_to_next_tier("90.02", 2023) is None  # Mukomuko, 2023: already A
    True
    >>> str(gap_to_next_tier("53.38", 2025))  # Kab. Pulau Morotai, 2025: Kurang
    '0.62 points to Kualitas Sedang (Cukup)'
    """
    value = score if type(score) is Score else Score(score)
    tiers = _TIERS.get(year) if type(year) is int else None
    if tiers is None:
        return gap_to_next_tier(value, year_with_rules(year))
    hundredths = value.hundredths
    key = (year, hundredths)
    if key in _NEXT_TIER_GAPS:
        return _NEXT_TIER_GAPS[key]
    if hundredths > tiers.top:
        raise tiers.rule_set.above_scale(value)
    above = tiers.next_up[bisect_right(tiers.lowers, hundredths) - 1]
    gap = None if above is None else _gap(value, above[0], year, above[1])
    if len(_NEXT_TIER_GAPS) >= _NEXT_TIER_GAPS_LIMIT:
        _NEXT_TIER_GAPS.clear()
    _NEXT_TIER_GAPS[key] = gap
    return gap


def gap_to(score: ScoreLike, year: int, target: Category | Zone | Band | str) -> Gap:
    """Return the points from ``score`` to ``target`` in ``year``; 0.00 when already there.

    ``target`` is a :class:`~opinipp.rules.Category` (``Category.A``), a
    :class:`~opinipp.rules.Zone` (``Zone.HIJAU``: the lowest band of that zone), a
    :class:`~opinipp.rules.Band` of the year, or text naming one of them, matched without
    regard to case or spacing: a category letter (``"A"``), a zone (``"hijau"``, ``"Zona
    Hijau"``), an opinion (``"Kualitas Tertinggi"``, ``"Opini Kualitas Tinggi"``, or the
    English ``"Highest quality"``), a 2016–2021 predikat (``"Kepatuhan Tinggi"``) or a 2025
    quality word (``"Sangat Baik"``).

    Raises:
        NotApplicableError: the target does not exist in ``year`` (a zone in 2025, a category
            before 2022, a 2025 quality word in 2023), or it is the "Tanpa Maladministrasi"
            qualifier, which does not depend on the score; the message lists the valid
            targets.
        InvalidArgumentError: the target is of another type, or text that names nothing.
        InvalidScoreError: ``score`` is not a two-decimal score on the year's scale.
        RulesNotAvailableError: no rules for ``year``.

    >>> from opinipp.rules import Category, Zone
    >>> gap_to("81.84", 2023, Category.A).points  # Muna Barat, 2023
    Decimal('6.16')
    >>> gap_to("81.84", 2023, Zone.HIJAU).points
    Decimal('0.00')
    >>> str(gap_to("60.35", 2022, "kualitas tertinggi"))  # Mukomuko, 2022
    '27.65 points to A (Kualitas Tertinggi)'
    >>> str(gap_to("65.98", 2025, "Sangat Baik"))  # Provinsi Maluku Utara, 2025
    '22.02 points to Kualitas Tertinggi (Sangat Baik)'
    >>> gap_to("65.98", 2025, Zone.HIJAU)
    Traceback (most recent call last):
    ...
    opinipp.errors.NotApplicableError: target 'hijau' does not apply to 2025: the
    opini-ombudsman-2025 rules have no zones; valid targets: 'Kualitas Tertinggi', ...
    """
    rule_set = rules_for(year)
    value = _score(score)
    rule_set.band_for(value)  # rejects a score above the year's scale
    band, label = rule_set.target(target, year=year)
    return _gap(value, band, year, label)


def points_to_rank(ranking: Ranking, entity: Entity, rank: int, *, beat: bool = False) -> Decimal:
    """Return the fewest points that lift ``entity`` to ``rank`` or better, others unchanged.

    With ``beat=False`` the entity needs to tie the score of the entity now at that rank
    (under ``ties="ordinal"`` a tie only counts when the entity's ``sort_key`` comes first,
    otherwise 0.01 more is needed). With ``beat=True`` it needs 0.01 more than that score,
    so that it passes rather than ties. An entity already at ``rank`` or better needs
    ``Decimal("0.00")``.

    Raises:
        OutOfScopeError: ``entity`` is not in the ranking.
        InvalidArgumentError: ``ranking`` is not a :class:`~opinipp.ranking.Ranking`,
            ``rank`` is not a whole number from 1 to the number of entries, or ``beat`` is
            not a bool.
        NotApplicableError: the required score would exceed the top of the scale (passing
            an entity at 100.00, or under ``"ordinal"`` reaching the rank of an entity at
            100.00 that comes first on a tie).

    >>> from opinipp import regions
    >>> from opinipp.assessments import Assessment
    >>> from opinipp.ranking import Provincial, rank as rank_
    >>> ntb = [  # Nusa Tenggara Barat, 2023 (nusramedia.com)
    ...     Assessment(regions.pemda("Kabupaten Bima"), 2023, "86.65"),
    ...     Assessment(regions.pemda("Kota Bima"), 2023, "83.90"),
    ...     Assessment(regions.pemda("Kota Mataram"), 2023, "82.88"),
    ...     Assessment(regions.pemda("Kabupaten Sumbawa"), 2023, "80.06"),
    ... ]
    >>> ranking = rank_(ntb, Provincial(regions.province("NTB")))
    >>> sumbawa = regions.pemda("Kabupaten Sumbawa")
    >>> points_to_rank(ranking, sumbawa, 1), points_to_rank(ranking, sumbawa, 1, beat=True)
    (Decimal('6.59'), Decimal('6.60'))
    >>> points_to_rank(ranking, regions.pemda("Kabupaten Bima"), 2)
    Decimal('0.00')
    """
    if not isinstance(ranking, Ranking):
        raise InvalidArgumentError("ranking", ranking, "a Ranking built by opinipp.rank()")
    if not isinstance(beat, bool):
        raise InvalidArgumentError("beat", beat, "True or False")
    entry = ranking.find(entity)
    n = len(ranking)
    given: object = rank
    wanted = exact_int(given) if isinstance(given, int) else None
    if wanted is None or not 1 <= wanted <= n:
        raise InvalidArgumentError("rank", rank, f"a whole number from 1 to {n}, the entries")
    rank = wanted
    if entry.rank <= rank:
        return _ZERO
    own = entry.score.hundredths
    others = [a for a in ranking.assessments if a.entity != entry.entity]
    if ranking.ties == "dense":
        distinct = sorted({a.score.hundredths for a in others if a.score is not None}, reverse=True)
        needed = distinct[rank - 1]
        passes = beat
    else:
        rival = others[rank - 1]
        needed = rival.score.hundredths if rival.score is not None else 0
        passes = beat or (
            ranking.ties == "ordinal" and _tie_key(rival.entity) < _tie_key(entry.entity)
        )
    if passes:
        needed += 1
    top = rules_for(entry.assessment.year).scale_max
    if needed > top.hundredths:
        raise NotApplicableError(
            f"{'passing' if beat else 'reaching'} rank {rank}",
            entry.assessment.year,
            f"it would take more than {top}, the top of the scale",
        )
    return Decimal(needed - own).scaleb(-2)


def _tie_key(entity: Entity) -> tuple[object, ...]:
    """The order of tied entities in a ranking (see opinipp.ranking)."""
    return (entity.sort_key, repr(entity))


def __dir__() -> list[str]:
    return list(__all__)
