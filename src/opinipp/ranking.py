"""Rankings: national per kind, within a province, and within a Pemda.

The Ombudsman publishes national ranks separately per kind (kementerian, lembaga, provinsi,
kota, kabupaten), and its regional offices rank the kabupaten and kota of their province,
sometimes with the provincial government among them ([R21][R37][R46]). :func:`rank` computes
such a ranking over the assessments it is given, in one of three scopes:

- :class:`National` ``(kind)``: every assessed entity of one kind;
- :class:`Provincial` ``(province, include_provinsi=False)``: the kabupaten and kota of one
  province, optionally with its provincial government;
- :class:`WithinPemda` ``(pemda)``: the units (OPD, Puskesmas, RSUD) of one Pemda.

Order and ties. Entries are sorted by score, highest first. The Ombudsman has published no
tie rule ([R135]), so the default is competition ranking, ``ties="min"``
(scores 95, 90, 90, 85 rank 1, 2, 2, 4); ``"dense"`` gives 1, 2, 2, 3 and ``"ordinal"``
gives 1, 2, 3, 4, breaking ties by the entity's ``sort_key`` (the Kemendagri code of a Pemda,
the name of a ministry or agency). Tied entries are listed in ``sort_key`` order in every
mode, so the result never depends on the order of the input.

Completeness. A ranking counts what it was given. Where the size of the scope is known, the
ranking compares: nationally, the number of entities of the kind assessed that year
[R30][R42][R60][R79]; within a province, the number of kabupaten and kota the province had
that year (:func:`opinipp.regions.regency_count`, with the 2022 Papua split). A complete
ranking of the 2023 kabupaten reads ``"222 of 415"``, a partial one says how many it holds.

>>> from opinipp import regions
>>> from opinipp.assessments import Assessment
>>> from opinipp.ranking import Provincial, rank
>>> jambi = regions.province("Jambi")
>>> results = [  # Provinsi Jambi, 2022 [R36]
...     Assessment(regions.pemda("Kabupaten Tebo"), 2022, "92.50"),
...     Assessment(regions.pemda("Kabupaten Bungo"), 2022, "80.41"),
...     Assessment(regions.pemda("Kota Jambi"), 2022, "89.59"),
...     Assessment(regions.pemda("Kabupaten Batanghari"), 2022, "92.03"),
... ]
>>> ranking = rank(results, Provincial(jambi))
>>> [(e.rank, str(e.entity), str(e.score)) for e in ranking]  # doctest: +NORMALIZE_WHITESPACE
[(1, 'Kabupaten Tebo', '92.50'), (2, 'Kabupaten Batanghari', '92.03'),
 (3, 'Kota Jambi', '89.59'), (4, 'Kabupaten Bungo', '80.41')]
"""

from __future__ import annotations

from itertools import count, groupby, repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, Union, cast

import attrs

from opinipp._checks import as_list, exact_int, exact_text
from opinipp.assessments import Assessment
from opinipp.entities import (
    ENTITY_TYPES,
    OPD,
    Instansi,
    InstansiKind,
    Pemda,
    PemdaKind,
    Province,
    Puskesmas,
    Rsud,
)
from opinipp.errors import (
    DuplicateEntityError,
    InvalidArgumentError,
    MixedYearsError,
    OutOfScopeError,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from opinipp.entities import Entity
    from opinipp.scores import Score
    from opinipp.zoning import Grade

__all__ = [
    "National",
    "Provincial",
    "RankedEntry",
    "Ranking",
    "Scope",
    "Ties",
    "WithinPemda",
    "rank",
]

Ties: TypeAlias = Literal["min", "dense", "ordinal"]
"""How :func:`rank` numbers equal scores: ``"min"`` (1224), ``"dense"`` (1223), ``"ordinal"``
(1234)."""

_TIES: Final = ("min", "dense", "ordinal")
_UNITS: Final = (OPD, Puskesmas, Rsud)


def _plain_text(value: Any) -> Any:  # noqa: ANN401 - an attrs converter of any input
    """Text as a plain ``str`` (a ``str`` subclass gives its real text); anything else as is."""
    text = exact_text(value)
    return value if text is None else text


def _check_national_kind(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, (PemdaKind, InstansiKind)):
        raise InvalidArgumentError(
            "National.kind",
            value,
            "a PemdaKind (provinsi, kabupaten, kota) or an InstansiKind (kementerian, lembaga)",
        )


def _check_province(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Province):
        raise InvalidArgumentError(
            "Provincial.province", value, "a Province, e.g. opinipp.regions.province('Sultra')"
        )


def _check_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"Provincial.{attribute.name}", value, "True or False")


def _check_pemda(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Pemda):
        raise InvalidArgumentError(
            "WithinPemda.pemda", value, "a Pemda, e.g. opinipp.regions.pemda('Kabupaten Serang')"
        )


@attrs.frozen
class National:
    """Every assessed entity of one kind in the country: the way the Ombudsman ranks.

    ``kind`` is a :class:`~opinipp.entities.PemdaKind` (provinsi, kabupaten, kota) or an
    :class:`~opinipp.entities.InstansiKind` (kementerian, lembaga).

    >>> from opinipp.entities import PemdaKind
    >>> scope = National(PemdaKind.KABUPATEN)
    >>> str(scope)
    'national ranking of kabupaten'
    >>> from opinipp import regions
    >>> scope.admits(regions.pemda("Kab. Muna Barat")), scope.admits(regions.pemda("Kota Kendari"))
    (True, False)
    """

    kind: PemdaKind | InstansiKind = attrs.field(validator=_check_national_kind)

    def admits(self, entity: object) -> bool:
        """Return whether ``entity`` belongs to this scope (never raises)."""
        return isinstance(entity, (Pemda, Instansi)) and entity.kind is self.kind

    def expected(self) -> str:
        """Describe what the scope admits, for error messages.

        >>> National(PemdaKind.KOTA).expected()
        'a kota'
        """
        return f"a {self.kind.value}"

    def official_population(self, year: int) -> int | None:
        """Return how many entities of the kind were assessed in ``year`` [R30][R42][R60][R79].

        ``None`` where the count is not known.

        >>> National(PemdaKind.KABUPATEN).official_population(2023)
        415
        """
        from opinipp.years import assessment_year

        return assessment_year(year).assessed(self.kind)

    def population_words(self, count: int) -> str:
        """Describe :meth:`official_population` in words.

        >>> National(PemdaKind.KABUPATEN).population_words(415)
        '415 assessed'
        """
        return f"{_count(count)} assessed"

    def __str__(self) -> str:
        return f"national ranking of {self.kind.value}"


@attrs.frozen
class Provincial:
    """The kabupaten and kota of one province, as the Ombudsman's regional offices rank them.

    Regional releases sometimes list the provincial government among its kabupaten and kota;
    ``include_provinsi=True`` admits it too.

    >>> from opinipp import regions
    >>> sultra = regions.province("Sultra")
    >>> str(Provincial(sultra))
    'kabupaten/kota of Provinsi Sulawesi Tenggara'
    >>> str(Provincial(sultra, include_provinsi=True))
    'kabupaten/kota and the provincial government of Provinsi Sulawesi Tenggara'
    >>> Provincial(sultra).admits(regions.pemda("Pemprov Sultra"))
    False
    """

    province: Province = attrs.field(validator=_check_province)
    include_provinsi: bool = attrs.field(default=False, kw_only=True, validator=_check_bool)

    def admits(self, entity: object) -> bool:
        """Return whether ``entity`` belongs to this scope (never raises)."""
        if not isinstance(entity, Pemda) or entity.province.code != self.province.code:
            return False
        return self.include_provinsi or entity.kind is not PemdaKind.PROVINSI

    def expected(self) -> str:
        """Describe what the scope admits, for error messages."""
        if self.include_provinsi:
            return f"a kabupaten, kota or the provincial government of {self.province}"
        return f"a kabupaten or kota of {self.province}"

    def official_population(self, year: int) -> int | None:
        """Return how many kabupaten and kota the province had in ``year`` (``None``: unknown).

        One more with ``include_provinsi=True``. See :func:`opinipp.regions.regency_count`
        (the Papua provinces are unknown up to 2022, the year of their split).

        >>> from opinipp import regions
        >>> bengkulu = regions.province("Bengkulu")
        >>> Provincial(bengkulu).official_population(2023)
        10
        >>> Provincial(bengkulu, include_provinsi=True).official_population(2023)
        11
        >>> Provincial(regions.province("Papua Selatan")).official_population(2022) is None
        True
        """
        from opinipp.regions import regency_count

        count = regency_count(self.province, year)
        if count is None:
            return None
        return count + 1 if self.include_provinsi else count

    def population_words(self, count: int) -> str:
        """Describe :meth:`official_population` in words.

        >>> from opinipp import regions
        >>> Provincial(regions.province("Bengkulu")).population_words(10)
        '10 kabupaten/kota in Provinsi Bengkulu'
        """
        count = _count(count)
        if self.include_provinsi:
            return f"{count} Pemda in {self.province} with its provincial government"
        return f"{count} kabupaten/kota in {self.province}"

    def __str__(self) -> str:
        if self.include_provinsi:
            return f"kabupaten/kota and the provincial government of {self.province}"
        return f"kabupaten/kota of {self.province}"


@attrs.frozen
class WithinPemda:
    """The assessed units of one Pemda: its OPD, Puskesmas and RSUD.

    >>> from opinipp import regions
    >>> scope = WithinPemda(regions.pemda("Kabupaten Serang"))
    >>> str(scope)
    'units of Kabupaten Serang'
    """

    pemda: Pemda = attrs.field(validator=_check_pemda)

    def admits(self, entity: object) -> bool:
        """Return whether ``entity`` is a unit of this Pemda (never raises)."""
        return isinstance(entity, _UNITS) and entity.pemda.code == self.pemda.code

    def expected(self) -> str:
        """Describe what the scope admits, for error messages."""
        return f"an OPD, Puskesmas or RSUD of {self.pemda}"

    def official_population(self, year: int) -> int | None:  # noqa: ARG002 - one signature for every scope
        """Return ``None``: the number of assessed units per Pemda is not published."""
        return None

    def population_words(self, count: int) -> str:
        """Describe a number of units in words.

        >>> from opinipp import regions
        >>> WithinPemda(regions.pemda("Kab. Rembang")).population_words(7)
        '7 units of Kabupaten Rembang'
        """
        return f"{_count(count)} units of {self.pemda}"

    def __str__(self) -> str:
        return f"units of {self.pemda}"


_MAX_COUNT: Final = 999_999_999
"""The most entities :func:`_count` describes (as many as a rank may count)."""


def _count(count: object) -> int:
    """A number of entities for :meth:`National.population_words` and its siblings."""
    number = exact_int(count)
    if number is None or not 0 <= number <= _MAX_COUNT:
        raise InvalidArgumentError("count", count, f"a whole number from 0 to {_MAX_COUNT:,}")
    return number


Scope: TypeAlias = Union[National, Provincial, WithinPemda]  # noqa: UP007 - Python 3.10 runtime alias
"""Where a ranking is drawn: :class:`National`, :class:`Provincial` or :class:`WithinPemda`."""

_SCOPES: Final = (National, Provincial, WithinPemda)


def _describe(entry_rank: int, of: int, official_of: int | None, words: str | None) -> str:
    if official_of is None or official_of == of:
        return f"{entry_rank} of {of}"
    return f"rank {entry_rank} among the {of} given ({words or f'{official_of} assessed'})"


@attrs.frozen(repr=False)
class RankedEntry:
    """One line of a :class:`Ranking`: an assessment with its rank.

    ``of`` is the number of entries of the ranking; ``official_of`` the size of the scope
    where known (entities assessed nationally, kabupaten/kota of a province), and
    ``official_words`` that size in words. ``str()`` reads ``"222 of 415"`` when the ranking
    is complete (or its size unknown) and ``"rank 3 among the 120 given (415 assessed)"`` or
    ``"rank 1 among the 6 given (10 kabupaten/kota in Provinsi Bengkulu)"`` when it is
    partial.
    """

    rank: int
    of: int
    assessment: Assessment
    official_of: int | None = None
    official_words: str | None = attrs.field(default=None, converter=_plain_text)

    def __attrs_post_init__(self) -> None:
        rank_, of, official = self.rank, self.of, self.official_of
        if type(rank_) is not int or type(of) is not int or not 1 <= rank_ <= of:
            raise InvalidArgumentError(
                "RankedEntry", (rank_, of), "a rank and a count with 1 <= rank <= of"
            )
        if not isinstance(self.assessment, Assessment):
            raise InvalidArgumentError("RankedEntry.assessment", self.assessment, "an Assessment")
        if official is not None and (type(official) is not int or official < 1):
            raise InvalidArgumentError(
                "RankedEntry.official_of", official, "None or a whole number from 1"
            )
        words: object = self.official_words
        if words is not None and (not isinstance(words, str) or not words):
            raise InvalidArgumentError("RankedEntry.official_words", words, "None or text")

    @property
    def entity(self) -> Entity:
        """The ranked entity."""
        return self.assessment.entity

    @property
    def score(self) -> Score:
        """The entity's score."""
        score = self.assessment.score
        if score is None:  # pragma: no cover - rank() only ranks scored assessments
            raise InvalidArgumentError("RankedEntry.assessment", self.assessment, "a score")
        return score

    @property
    def grade(self) -> Grade:
        """The classification of the entity's score (see :attr:`Assessment.grade`)."""
        return self.assessment.grade

    def __str__(self) -> str:
        return _describe(self.rank, self.of, self.official_of, self.official_words)

    def __repr__(self) -> str:
        return (
            f"<RankedEntry {self}: {self.assessment.entity} {self.assessment.score} "
            f"({self.assessment.year})>"
        )


@attrs.frozen(init=False, repr=False, eq=False)
class Ranking:
    """The result of :func:`rank`: entries in rank order, with the scope and year.

    ``entries`` lists :class:`RankedEntry` objects best first; equal scores are listed in
    ``sort_key`` order. ``of`` is the number of entries; ``official_of`` the size of the
    scope that year where known (the entities of the kind assessed nationally
    [R30][R42][R60][R79]; the kabupaten and kota a province had), ``official_words`` that size
    in words, and ``is_complete`` whether the two agree (``None`` when the size is unknown).
    ``year`` and ``official_of`` are ``None`` for an empty ranking.

    Iterating a ranking yields its entries; ``len()`` counts them; ``entity in ranking`` tells
    whether an entity is ranked. Two rankings are equal when they have the same scope, year,
    tie mode and entries. ``Ranking(assessments, scope, ties=...)`` checks and ranks its
    input; :func:`rank` calls it and documents the rules and errors.

    >>> from opinipp import regions
    >>> from opinipp.entities import PemdaKind
    >>> one = [Assessment(regions.pemda("Kabupaten Muna Barat"), 2023, "81.84")]
    >>> Ranking(one, National(PemdaKind.KABUPATEN)) == rank(one, National(PemdaKind.KABUPATEN))
    True
    """

    scope: Scope
    year: int | None
    ties: Ties
    official_of: int | None
    _ranks: tuple[int, ...]
    # The assessments by score, highest first. Equal scores (``_tied``) are put in
    # ``sort_key`` order on first need, so that ranking a million assessments does not pay
    # for ordering ties nobody looks at; ``_order`` then holds the result.
    _by_score: tuple[Assessment, ...]
    _tied: bool
    _order: tuple[Assessment, ...] | None = None
    _entries: tuple[RankedEntry, ...] | None = None
    _index: dict[object, int] | None = None

    def __init__(
        self, assessments: Iterable[Assessment], scope: Scope, *, ties: Ties = "min"
    ) -> None:
        """Check ``assessments`` against ``scope`` and rank them (see :func:`rank`)."""
        if not isinstance(scope, _SCOPES):
            raise InvalidArgumentError(
                "scope", scope, "National(kind), Provincial(province) or WithinPemda(pemda)"
            )
        ties = _check_ties(ties)
        items = _items(assessments)
        hundredths = _valid_scores(items, scope)
        if hundredths is None:
            _check_each(items, scope)  # raises the first problem, in input order
            hundredths = list(map(_SCORE_HUNDREDTHS, items))
        year = items[0].year if items else None
        ranks, tied = _number(sorted(hundredths, reverse=True), ties)
        put = object.__setattr__  # the class is frozen
        put(self, "scope", scope)
        put(self, "year", year)
        put(self, "ties", ties)
        put(self, "official_of", None if year is None else scope.official_population(year))
        put(self, "_ranks", ranks)
        # Sorts on int keys only; equal scores stay in input order until settled.
        put(self, "_by_score", tuple(sorted(items, key=_SCORE_HUNDREDTHS, reverse=True)))
        put(self, "_tied", tied)
        put(self, "_order", None)
        put(self, "_entries", None)
        put(self, "_index", None)
        if ties == "ordinal":
            self.assessments  # noqa: B018 - ordinal ranks follow the tie order: settle it now

    @property
    def of(self) -> int:
        """The number of entries."""
        return len(self._ranks)

    @property
    def is_complete(self) -> bool | None:
        """Whether the ranking holds every entity assessed in its scope (``None``: unknown)."""
        if self.official_of is None:
            return None
        return len(self._ranks) == self.official_of

    @property
    def official_words(self) -> str | None:
        """The size of the scope in words (``"415 assessed"``), or ``None`` when unknown."""
        official = self.official_of
        return None if official is None else self.scope.population_words(official)

    @property
    def assessments(self) -> tuple[Assessment, ...]:
        """The ranked assessments, best first (ties in ``sort_key`` order)."""
        order = self._order
        if order is None:
            if self._tied:
                settled: list[Assessment] = []
                for _, run in groupby(self._by_score, key=_SCORE_HUNDREDTHS):
                    members = list(run)
                    settled.extend(_tie_order(members) if len(members) > 1 else members)
                order = tuple(settled)
            else:
                order = self._by_score
            object.__setattr__(self, "_order", order)
        return order

    @property
    def entries(self) -> tuple[RankedEntry, ...]:
        """The entries, best first."""
        entries = self._entries
        if entries is None:
            of, official, words = len(self._ranks), self.official_of, self.official_words
            entries = tuple(
                map(
                    RankedEntry,
                    self._ranks,
                    repeat(of),
                    self.assessments,
                    repeat(official),
                    repeat(words),
                )
            )
            object.__setattr__(self, "_entries", entries)
        return entries

    def _position(self, entity: object) -> int | None:
        if type(entity) is not Pemda and not isinstance(entity, ENTITY_TYPES):
            return None  # a foreign object is never hashed
        index = self._index
        if index is None:
            index = {}
            for i, a in enumerate(self.assessments):
                index[a.entity] = i
            object.__setattr__(self, "_index", index)
        return index.get(entity)

    def find(self, entity: Entity) -> RankedEntry:
        """Return the entry of ``entity``.

        Raises :class:`~opinipp.errors.OutOfScopeError` when the entity is not in the ranking
        (outside the scope, or not among the assessments given), and
        :class:`~opinipp.errors.InvalidArgumentError` when it is not an entity at all.

        >>> from opinipp import regions
        >>> from opinipp.entities import PemdaKind
        >>> muna_barat = regions.pemda("Kabupaten Muna Barat")
        >>> ranking = rank([Assessment(muna_barat, 2023, "81.84")], National(PemdaKind.KABUPATEN))
        >>> ranking.find(muna_barat).rank
        1
        >>> ranking.find(regions.pemda("Kabupaten Buton"))
        Traceback (most recent call last):
        ...
        opinipp.errors.OutOfScopeError: Kabupaten Buton is outside this ranking (national ranking
        of kabupaten 2023): expected one of the 1 entities ranked
        """
        position = self._position(entity)
        if position is None:
            if not isinstance(entity, ENTITY_TYPES):
                raise InvalidArgumentError(
                    "entity", entity, "an Instansi, Pemda, OPD, Puskesmas or Rsud"
                )
            if not self.scope.admits(entity):
                raise OutOfScopeError(entity, self.scope, self.scope.expected())
            year = "" if self.year is None else f" {self.year}"
            raise OutOfScopeError(
                entity,
                f"this ranking ({self.scope}{year})",
                f"one of the {len(self._ranks)} entities ranked",
            )
        return self.entries[position]

    def describe(self, entity: Entity) -> str:
        """Return the entity's place in words: ``"222 of 415"``, or the partial form.

        Same errors as :meth:`find`.
        """
        return str(self.find(entity))

    def _key(self) -> tuple[object, ...]:
        return (self.scope, self.year, self.ties, self.official_of, self._ranks, self.assessments)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Ranking:
            return NotImplemented
        return self._key() == other._key()

    def __ne__(self, other: object) -> bool:
        if type(other) is not Ranking:
            return NotImplemented
        return self._key() != other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __contains__(self, entity: object) -> bool:
        return self._position(entity) is not None

    def __len__(self) -> int:
        return len(self._ranks)

    def __iter__(self) -> Iterator[RankedEntry]:
        return iter(self.entries)

    def _repr_html_(self) -> str:
        """Jupyter: a table of rank, score, entity and grade (see the Jupyter guide)."""
        from opinipp._html import ranking_html

        return ranking_html(self)

    def __repr__(self) -> str:
        completeness = ""
        if self.official_words is not None:
            completeness = f" of {self.official_words}"
        return (
            f"<Ranking {self.scope}, {self.year}: {len(self._ranks)} entries{completeness}, "
            f"ties={self.ties!r}>"
        )


def _tie_order(group: list[Assessment]) -> list[Assessment]:
    """Sort assessments with equal scores by their entity's ``sort_key``.

    Two different entities can share a ``sort_key`` (names that differ only in case); the
    full ``repr`` then settles the order, so that it never depends on the input order.
    """
    keys: list[object] = [a.entity.sort_key for a in group]
    if len(set(keys)) < len(keys):
        keys = [(k, repr(a.entity)) for k, a in zip(keys, group, strict=True)]
    order = sorted(range(len(group)), key=keys.__getitem__)  # type: ignore[arg-type]
    return [group[i] for i in order]


def _reject_assessment(
    argument: str, assessment: Assessment, expected: str
) -> InvalidArgumentError:
    """An error naming the assessment briefly in its message, keeping the object in ``.value``."""
    error = InvalidArgumentError(
        argument, f"{assessment.entity} ({assessment.year}, no score)", expected
    )
    error.value = assessment
    return error


def rank(assessments: Iterable[Assessment], scope: Scope, /, *, ties: Ties = "min") -> Ranking:
    """Rank assessments of one year within a scope, highest score first.

    Args:
        assessments: the assessments to rank, all of the same year, each entity once, each
            with a score. An empty iterable gives an empty :class:`Ranking`.
        scope: :class:`National`, :class:`Provincial` or :class:`WithinPemda`.
        ties: ``"min"`` (competition ranking, 1224, the default), ``"dense"`` (1223) or
            ``"ordinal"`` (1234, ties broken by the entity's ``sort_key``: the Kemendagri
            code of a Pemda, the name of a ministry or agency). The Ombudsman has published
            no tie rule ([R135]).

    Raises:
        InvalidArgumentError: ``assessments`` is not an iterable of
            :class:`~opinipp.assessments.Assessment`, an assessment has no score (a source
            published only labels), ``scope`` is not a scope, or ``ties`` is not one of the
            three modes.
        MixedYearsError: the assessments are of more than one year.
        OutOfScopeError: an entity is outside the scope (a kota in
            ``National(PemdaKind.KABUPATEN)``, a kabupaten of another province).
        DuplicateEntityError: an entity appears twice.

    Kabupaten Muna Barat scored 81.84 in 2023 and ranked 222nd of the 415 kabupaten
    (the bundled results). With three of them:

    >>> from opinipp import regions
    >>> from opinipp.entities import PemdaKind
    >>> results = [
    ...     Assessment(regions.pemda("Kabupaten Tuban"), 2023, "97.44"),
    ...     Assessment(regions.pemda("Kabupaten Muna Barat"), 2023, "81.84"),
    ...     Assessment(regions.pemda("Kabupaten Mukomuko"), 2023, "90.02"),
    ... ]
    >>> ranking = rank(results, National(PemdaKind.KABUPATEN))
    >>> ranking.describe(regions.pemda("Kab. Muna Barat"))
    'rank 3 among the 3 given (415 assessed)'
    >>> ranking.is_complete, ranking.of, ranking.official_of
    (False, 3, 415)
    >>> rank(results, National(PemdaKind.KOTA))
    Traceback (most recent call last):
    ...
    opinipp.errors.OutOfScopeError: Kabupaten Tuban is outside national ranking of kota: ...

    Ties:

    >>> serang = regions.pemda("Kabupaten Serang")
    >>> from opinipp.entities import OPD, OPDKind, Puskesmas
    >>> units = [  # Kabupaten Serang 2024 (bundled results), one score changed to show a tie
    ...     Assessment(OPD(pemda=serang, kind=OPDKind.DINSOS), 2024, "94.62"),
    ...     Assessment(Puskesmas(name="UPT Puskesmas Pontang", pemda=serang), 2024, "93.44"),
    ...     Assessment(OPD(pemda=serang, kind=OPDKind.DPMPTSP), 2024, "93.44"),
    ...     Assessment(OPD(pemda=serang, kind=OPDKind.DISDIK), 2024, "89.44"),
    ... ]
    >>> [e.rank for e in rank(units, WithinPemda(serang))]
    [1, 2, 2, 4]
    >>> [e.rank for e in rank(units, WithinPemda(serang), ties="dense")]
    [1, 2, 2, 3]
    >>> [e.rank for e in rank(units, WithinPemda(serang), ties="ordinal")]
    [1, 2, 3, 4]
    """
    return Ranking(assessments, scope, ties=ties)


_YEAR: Final = attrgetter("year")
_SCORE_HUNDREDTHS: Final = attrgetter("score.hundredths")
_ENTITY: Final = attrgetter("entity")
_CODE: Final = attrgetter("code")
_KIND: Final = attrgetter("kind")
_PROVINCE_CODE: Final = attrgetter("province.code")
_PEMDA_CODE: Final = attrgetter("pemda.code")


def _check_ties(ties: object) -> Ties:
    """Return the tie mode as plain text, or raise naming the three modes."""
    text = exact_text(ties)
    if text is None or text not in _TIES:
        raise InvalidArgumentError("ties", ties, "'min', 'dense' or 'ordinal'")
    return cast("Ties", text)


def _items(assessments: object) -> list[Assessment]:
    if isinstance(assessments, Assessment):
        raise InvalidArgumentError("assessments", assessments, "an iterable of Assessment")
    return as_list(assessments, "assessments", "an iterable of Assessment")


def _valid_scores(items: list[Assessment], scope: Scope) -> list[int] | None:
    """Check every rule at once in C-level passes and return the scores in hundredths.

    ``None`` means some rule failed; :func:`_check_each` then finds which. Lists are compared
    with ``count`` (identity first) rather than put in sets where the elements are enum
    members, whose hashing runs Python code.
    """
    n = len(items)
    if not n:
        return []
    if set(map(type, items)) != {Assessment} or list(map(_YEAR, items)).count(items[0].year) != n:
        return None
    try:
        hundredths = list(map(_SCORE_HUNDREDTHS, items))
    except AttributeError:  # a score of None
        return None
    entities = list(map(_ENTITY, items))
    types = set(map(type, entities))
    if not _all_admitted(entities, types, scope) or not _all_distinct(entities, types):
        return None
    return hundredths


def _all_distinct(entities: list[Entity], types: set[type]) -> bool:
    """Whether no entity repeats, comparing identities rather than hashing the objects.

    An entity's identity is documented in :mod:`opinipp.entities`: a Pemda is its
    Kemendagri code (hashing the text is C work); other entities, an Instansi among them
    (its name up to case and spacing, and its kind), are hashed as objects.
    """
    if types == {Pemda}:
        keys: Iterable[object] = map(_CODE, entities)
    else:
        keys = entities
    return len(set(keys)) == len(entities)


def _all_admitted(entities: list[Entity], types: set[type], scope: Scope) -> bool:
    n = len(entities)
    if isinstance(scope, National):
        return types <= {Pemda, Instansi} and list(map(_KIND, entities)).count(scope.kind) == n
    if isinstance(scope, Provincial):
        return (
            types == {Pemda}
            and list(map(_PROVINCE_CODE, entities)).count(scope.province.code) == n
            and (scope.include_provinsi or PemdaKind.PROVINSI not in map(_KIND, entities))
        )
    return types <= set(_UNITS) and list(map(_PEMDA_CODE, entities)).count(scope.pemda.code) == n


def _check_each(items: list[Assessment], scope: Scope) -> None:
    """Find the first invalid assessment, in input order, and raise its error."""
    seen: set[Entity] = set()
    year: int | None = None
    for a in cast("list[object]", items):
        if not isinstance(a, Assessment):
            raise InvalidArgumentError("assessments", a, "Assessment objects")
        if a.year != year:
            if year is not None:
                raise MixedYearsError([year, a.year], f"a ranking ({scope})")
            year = a.year
        if a.score is None:
            raise _reject_assessment("assessments", a, "assessments with a score")
        entity = a.entity
        if not scope.admits(entity):
            raise OutOfScopeError(entity, scope, scope.expected())
        size = len(seen)
        seen.add(entity)
        if len(seen) == size:
            raise DuplicateEntityError(entity, f"{scope} ({year})")


def _number(descending: list[int], ties: str) -> tuple[tuple[int, ...], bool]:
    """Number scores sorted highest first (in hundredths); also tell whether any are equal.

    Dictionaries built from C iterators do the work: for ``"min"`` the last write of each
    score, walking from the bottom, is its first position from the top.
    """
    n = len(descending)
    if ties == "min":
        first = dict(zip(reversed(descending), range(n, 0, -1), strict=True))
        return tuple(map(first.__getitem__, descending)), len(first) < n
    if ties == "dense":
        dense = dict(zip(dict.fromkeys(descending), count(1)))
        return tuple(map(dense.__getitem__, descending)), len(dense) < n
    return tuple(range(1, n + 1)), len(set(descending)) < n


def __dir__() -> list[str]:
    return list(__all__)
