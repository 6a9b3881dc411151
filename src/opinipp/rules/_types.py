"""The value types of the rule tables: zones, categories, dimensions, bands and rule sets.

Each type validates itself when it is built, so a table literal that breaks a rule (bands
that overlap, leave a gap, or do not reach the top of the scale) fails at import, once.

>>> from opinipp.rules._types import Band, Category, Zone
>>> from opinipp.scores import Score
>>> a = Band(
...     lower=Score("88.00"),
...     upper=Score("100.00"),
...     zone=Zone.HIJAU,
...     category=Category.A,
...     opinion="Kualitas Tertinggi",
...     opinion_en="Highest quality",
... )
>>> a.contains(Score("88.00")), a.contains(Score("87.99"))
(True, False)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final, Literal, cast

import attrs

from opinipp._checks import (
    FrozenMapping,
    as_list,
    check_year,
    exact_decimal,
    exact_int,
    exact_text,
    find_member,
    optional_text_value,
    text_value,
)
from opinipp.errors import (
    InvalidArgumentError,
    InvalidScoreError,
    NotApplicableError,
    RulesNotAvailableError,
)
from opinipp.scores import MIN_SCORE, Score

if TYPE_CHECKING:
    from opinipp.scores import ScoreLike

__all__ = [
    "Band",
    "Category",
    "Dimension",
    "FrozenMapping",  # defined in opinipp._checks; still importable from here
    "Lang",
    "RuleSet",
    "Zone",
]

_HUNDRED: Final = Decimal(100)


class Zone(str, Enum):
    """The colour zones of 2015–2024: merah (red), kuning (yellow), hijau (green).

    ``value`` is the lowercase Indonesian word. Zones compare as strings (the ``str``
    base); use :meth:`rank` to order them from worst to best.

    >>> Zone("hijau") is Zone.HIJAU
    True
    >>> sorted([Zone.HIJAU, Zone.MERAH, Zone.KUNING], key=Zone.rank)
    [<Zone.MERAH: 'merah'>, <Zone.KUNING: 'kuning'>, <Zone.HIJAU: 'hijau'>]
    >>> Zone.KUNING.english
    'yellow'
    """

    MERAH = "merah"
    KUNING = "kuning"
    HIJAU = "hijau"

    def rank(self) -> int:
        """Return the order from worst to best: merah 0, kuning 1, hijau 2.

        >>> Zone.MERAH.rank() < Zone.HIJAU.rank()
        True
        """
        return _ZONE_RANK[self]

    @property
    def english(self) -> str:
        """The colour in English: ``"red"``, ``"yellow"`` or ``"green"``."""
        return _ZONE_ENGLISH[self]


_ZONE_RANK: Final[dict[Zone, int]] = {Zone.MERAH: 0, Zone.KUNING: 1, Zone.HIJAU: 2}
_ZONE_ENGLISH: Final[dict[Zone, str]] = {
    Zone.MERAH: "red",
    Zone.KUNING: "yellow",
    Zone.HIJAU: "green",
}


class Category(str, Enum):
    """The five categories of 2022–2024, A (best) to E ([R31][R47][R60][R70]).

    Categories compare as strings (``"A" < "B"``); use :meth:`rank` to order them by
    quality.

    >>> Category.A.rank() > Category.B.rank()
    True
    """

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"

    def rank(self) -> int:
        """Return the order from worst to best: E 0, D 1, C 2, B 3, A 4.

        >>> Category.E.rank(), Category.A.rank()
        (0, 4)
        """
        return _CATEGORY_RANK[self]


_CATEGORY_RANK: Final[dict[Category, int]] = {
    Category.E: 0,
    Category.D: 1,
    Category.C: 2,
    Category.B: 3,
    Category.A: 4,
}


class Dimension(str, Enum):
    """The four dimensions scored from 2022 on ([R54][R55][R58]).

    >>> [d.value for d in Dimension]
    ['input', 'proses', 'output', 'pengaduan']
    >>> Dimension("pengaduan").english
    'complaint handling'
    """

    INPUT = "input"
    PROSES = "proses"
    OUTPUT = "output"
    PENGADUAN = "pengaduan"

    @property
    def english(self) -> str:
        """The dimension in English."""
        return _DIMENSION_ENGLISH[self]


_DIMENSION_ENGLISH: Final[dict[Dimension, str]] = {
    Dimension.INPUT: "input",
    Dimension.PROSES: "process",
    Dimension.OUTPUT: "output",
    Dimension.PENGADUAN: "complaint handling",
}
_DIMENSION_ORDER: Final[dict[Dimension, int]] = {d: i for i, d in enumerate(Dimension)}


# ---------------------------------------------------------------------------------------
# Field validators: single-field checks raising opinipp errors with the class and field.


def _text_or_none(cls: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InvalidArgumentError(f"{cls}.{attribute.name}", value, "None or non-empty text")

    return check


def _text(cls: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidArgumentError(f"{cls}.{attribute.name}", value, "non-empty text")

    return check


def _instance_or_none(cls: str, kind: type, expected: str) -> Any:  # noqa: ANN401 - a validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise InvalidArgumentError(f"{cls}.{attribute.name}", value, expected)

    return check


def _bool(cls: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, bool):
            raise InvalidArgumentError(f"{cls}.{attribute.name}", value, "True or False")

    return check


Lang = Literal["id", "en"]
"""The language of a label: ``"id"`` (Indonesian, the published wording) or ``"en"``."""


def _english(lang: object) -> bool:
    language = exact_text(lang)
    if language not in ("id", "en"):
        raise InvalidArgumentError("lang", lang, "'id' or 'en'")
    return language == "en"


def _to_score(value: ScoreLike) -> Score:
    return Score(value)


def _to_rank(value: int) -> int:
    if type(value) is int:
        return value
    whole = exact_int(value)
    return value if whole is None else whole


def _check_rank(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError(f"Band.{attribute.name}", value, "a whole number from 0")


@attrs.frozen(repr=False)
class Band:
    """One row of a year's table: a score range and the labels it earns.

    ``lower`` and ``upper`` are both inclusive at 0.01 resolution, so the B band of 2022–2024
    runs from 78.00 to 87.99 and 87.99 is B while 88.00 is A ([R31][R47][R60][R70]).
    ``rank`` is the band's position in its :class:`RuleSet`, 0 for the lowest band; the
    RuleSet sets it (a band on its own has rank 0). A label that a regime does not use is
    ``None``: no ``category`` before 2022, no ``zone`` in 2025.

    >>> from opinipp.rules import rules_for
    >>> b = rules_for(2023).bands[3]
    >>> b.category, b.zone, b.opinion, str(b.lower), str(b.upper)
    (<Category.B: 'B'>, <Zone.HIJAU: 'hijau'>, 'Kualitas Tinggi', '78.00', '87.99')
    >>> b.label, b.label_en
    ('Kualitas Tinggi', 'High quality')
    """

    lower: Score = attrs.field(converter=_to_score)
    upper: Score = attrs.field(converter=_to_score)
    zone: Zone | None = attrs.field(
        default=None, validator=_instance_or_none("Band", Zone, "a Zone or None")
    )
    category: Category | None = attrs.field(
        default=None, validator=_instance_or_none("Band", Category, "a Category or None")
    )
    opinion: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_text_or_none("Band")
    )
    opinion_en: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_text_or_none("Band")
    )
    predikat: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_text_or_none("Band")
    )
    quality: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_text_or_none("Band")
    )
    rank: int = attrs.field(default=0, converter=_to_rank, validator=_check_rank)
    predikat_en: str | None = attrs.field(
        default=None, kw_only=True, converter=optional_text_value, validator=_text_or_none("Band")
    )
    quality_en: str | None = attrs.field(
        default=None, kw_only=True, converter=optional_text_value, validator=_text_or_none("Band")
    )

    def __attrs_post_init__(self) -> None:
        if self.upper < self.lower:
            raise InvalidArgumentError(
                "Band.upper", self.upper, f"a score not below the lower bound {self.lower}"
            )
        for ident, english in (
            ("opinion", "opinion_en"),
            ("predikat", "predikat_en"),
            ("quality", "quality_en"),
        ):
            if (getattr(self, ident) is None) != (getattr(self, english) is None):
                raise InvalidArgumentError(
                    f"Band.{english}",
                    getattr(self, english),
                    f"an English label exactly when {ident} is given ({getattr(self, ident)!r})",
                )
        if self.label is None:
            raise InvalidArgumentError(
                "Band", self, "at least one of zone, category, opinion, predikat or quality"
            )

    def __repr__(self) -> str:
        parts = [f"lower={self.lower!r}", f"upper={self.upper!r}"]
        parts.extend(
            f"{name}={getattr(self, name)!r}"
            for name in ("zone", "category", "opinion", "predikat", "quality")
            if getattr(self, name) is not None
        )
        parts.append(f"rank={self.rank}")
        return f"Band({', '.join(parts)})"

    def contains(self, score: ScoreLike) -> bool:
        """Return whether ``score`` lies in this band (both bounds inclusive).

        >>> from opinipp.rules import rules_for
        >>> rules_for(2021).bands[1].contains("80.99")  # kuning runs 51.00–80.99
        True
        """
        value = score if type(score) is Score else Score(score)
        return self.lower <= value <= self.upper

    @property
    def label(self) -> str | None:
        """The main published label: the opinion, else the predikat, else the zone word."""
        return self._main_label(english=False)

    @property
    def label_en(self) -> str | None:
        """The main label in English (see :attr:`label`)."""
        return self._main_label(english=True)

    def _main_label(self, *, english: bool) -> str | None:
        if english:
            words = (self.opinion_en, self.predikat_en, self.quality_en)
        else:
            words = (self.opinion, self.predikat, self.quality)
        for word in words:
            if word is not None:
                return word
        if self.zone is not None:
            return f"{self.zone.english} zone" if english else f"Zona {self.zone.value.title()}"
        if self.category is not None:
            return (
                f"category {self.category.value}" if english else f"Kategori {self.category.value}"
            )
        return None

    def _label(self, lang: Lang) -> str:
        label = self.label_en if _english(lang) else self.label
        return "" if label is None else label  # never empty: __attrs_post_init__ checks

    def name(self, lang: Lang = "id") -> str:
        """Name the band as a reader expects: the category or zone first, then the label.

        >>> from opinipp.rules import rules_for
        >>> rules_for(2023).bands[4].name(), rules_for(2021).bands[2].name()
        ('A (Kualitas Tertinggi)', 'zona hijau (Kepatuhan Tinggi)')
        >>> rules_for(2025).bands[4].name(), rules_for(2025).bands[4].name("en")
        ('Kualitas Tertinggi (Sangat Baik)', 'Highest quality (Very good)')
        >>> rules_for(2021).bands[2].name("en")
        'green zone (High compliance)'
        """
        english = _english(lang)
        label = self._label(lang)
        if self.category is not None:
            return f"{self.category.value} ({label})"
        if self.zone is not None:
            zone = f"{self.zone.english} zone" if english else f"zona {self.zone.value}"
            predikat = self.predikat_en if english else self.predikat
            return zone if predikat is None else f"{zone} ({predikat})"
        quality = self.quality_en if english else self.quality
        if quality is not None and self.opinion is not None:
            return f"{label} ({quality})"
        return label

    def tags(self, lang: Lang = "id") -> tuple[str, ...]:
        """The zone word and category letter the band carries, in that order.

        >>> from opinipp.rules import rules_for
        >>> rules_for(2022).bands[2].tags(), rules_for(2022).bands[2].tags("en")
        (('kuning', 'C'), ('yellow', 'C'))
        >>> rules_for(2025).bands[2].tags()
        ()
        """
        english = _english(lang)
        zone = None if self.zone is None else self.zone.english if english else self.zone.value
        category = None if self.category is None else self.category.value
        return tuple(t for t in (zone, category) if t is not None)

    def short_name(self, lang: Lang = "id", *, quality: bool = False) -> str:
        """Name the band briefly: the category, else the zone, else its label.

        With ``quality=True`` a band without zone and category is named by its quality
        word (2025: ``"Cukup"`` rather than ``"Kualitas Sedang"``).

        >>> from opinipp.rules import rules_for
        >>> [rules_for(y).bands[2].short_name() for y in (2023, 2021, 2025)]
        ['C', 'hijau', 'Kualitas Sedang']
        >>> rules_for(2025).bands[2].short_name(quality=True)
        'Cukup'
        """
        if not isinstance(quality, bool):
            raise InvalidArgumentError("quality", quality, "True or False")
        tags = self.tags(lang)
        if tags:
            return tags[-1]
        word = self.quality_en if _english(lang) else self.quality
        return word if quality and word is not None else self._label(lang)

    @property
    def texts(self) -> tuple[str, ...]:
        """Every text that names the band (or a group of bands it is in), normalised.

        Lowercase, single-spaced, without a leading "opini", "zona", "kategori" or
        "predikat": what :meth:`RuleSet.target` compares a target text with.

        >>> from opinipp.rules import rules_for
        >>> rules_for(2025).bands[4].texts
        ('kualitas tertinggi', 'highest quality', 'sangat baik', 'very good')
        """
        texts = (
            None if self.category is None else self.category.value,
            None if self.zone is None else self.zone.value,
            self.opinion,
            self.opinion_en,
            self.predikat,
            self.predikat_en,
            self.quality,
            self.quality_en,
        )
        return tuple(label_key(t) for t in texts if t)

    @property
    def levels(self) -> tuple[str, ...]:
        """The level words of the opinion, predikat and quality word ("tinggi", "baik").

        A level is the label without "Opini", "Kepatuhan" or "Kualitas", lowercase; a
        published label is compared with a band by its level.

        >>> from opinipp.rules import rules_for
        >>> rules_for(2025).bands[4].levels, rules_for(2021).bands[1].levels
        (('tertinggi', 'sangat baik'), ('sedang',))
        """
        return tuple(level_word(t) for t in (self.opinion, self.predikat, self.quality) if t)

    @property
    def quality_level(self) -> str | None:
        """The level word of the 2025 quality word (``None`` before 2025)."""
        return None if self.quality is None else level_word(self.quality)


_TEXT_PREFIXES: Final = ("opini ", "zona ", "kategori ", "predikat ")
_LEVEL_PREFIXES: Final = ("opini ", "kepatuhan ", "kualitas ")


def label_key(text: str) -> str:
    """Normalise a label for matching: lowercase, single spaces, no leading kind word.

    Private to opinipp (not in ``__all__``).

    >>> label_key("  Zona   Hijau"), label_key("Opini Kualitas Tinggi")
    ('hijau', 'kualitas tinggi')
    """
    return _folded(text, _TEXT_PREFIXES)


def level_word(label: str) -> str:
    """The level word of a label: ``"Kepatuhan Tinggi"`` → ``"tinggi"``.

    Private to opinipp (not in ``__all__``).

    >>> level_word("Opini Kualitas Tertinggi"), level_word("Sangat Baik")
    ('tertinggi', 'sangat baik')
    """
    return _folded(label, _LEVEL_PREFIXES)


def _folded(text: str, prefixes: tuple[str, ...]) -> str:
    """``text`` lowercase and single-spaced, without the leading ``prefixes`` (in turn)."""
    folded = " ".join(text.split()).casefold()
    for prefix in prefixes:
        folded = folded.removeprefix(prefix)
    return folded


def _check_band_above(below: Band, band: Band) -> None:
    """Check that ``band`` starts 0.01 above ``below`` and does not rank lower."""
    if band.lower.hundredths != below.upper.hundredths + 1:
        raise InvalidArgumentError(
            "RuleSet.bands",
            band.lower,
            f"bands increasing and contiguous: {below.upper} + 0.01 after "
            f"{below.lower}–{below.upper}",
        )
    if band.zone is not None and below.zone is not None and band.zone.rank() < below.zone.rank():
        raise InvalidArgumentError(
            "RuleSet.bands", band.zone, f"a zone not below {below.zone.value} higher up"
        )
    if (
        band.category is not None
        and below.category is not None
        and band.category.rank() <= below.category.rank()
    ):
        raise InvalidArgumentError(
            "RuleSet.bands", band.category, f"a category above {below.category.value} higher up"
        )


def _to_notes(value: Iterable[str]) -> tuple[str, ...]:
    notes = as_list(value, "RuleSet.notes", "a sequence of texts")
    return tuple(text_value(note) for note in notes)


def _to_years(value: Iterable[int]) -> tuple[int, ...]:
    years = as_list(value, "RuleSet.years", "a sequence of years (int)")
    return tuple(_to_rank(year) for year in years)


def _check_years(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        raise InvalidArgumentError("RuleSet.years", value, "at least one year")
    for year in value:
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidArgumentError("RuleSet.years", value, "years as int")
    if list(value) != sorted(set(value)):  # type: ignore[type-var]
        raise InvalidArgumentError(
            f"RuleSet.{attribute.name}", value, "distinct years in increasing order"
        )


def _to_bands(value: Iterable[Band]) -> tuple[Band, ...]:
    """The bands as a tuple, each with its position as its rank."""
    bands = as_list(value, "RuleSet.bands", "a sequence of Band")
    if not all(isinstance(b, Band) for b in bands):
        raise InvalidArgumentError("RuleSet.bands", value, "a sequence of Band")
    return tuple(
        band if band.rank == index else attrs.evolve(band, rank=index)
        for index, band in enumerate(cast("list[Band]", bands))
    )


def _to_weights(
    value: Mapping[Dimension, Decimal] | None,
) -> FrozenMapping[Dimension, Decimal] | None:
    if value is None:
        return None
    expected = "None or a mapping Dimension → Decimal"
    if not isinstance(value, Mapping):
        raise InvalidArgumentError("RuleSet.weights", value, expected)
    pairs = as_list(value.items(), "RuleSet.weights", expected)
    weights: dict[Dimension, Decimal] = {}
    for key, weight in pairs:
        dimension = key if isinstance(key, Dimension) else _DIMENSIONS.get(exact_text(key))
        if dimension is None or dimension in weights:
            raise InvalidArgumentError(
                "RuleSet.weights", value, "one weight for each of input, proses, output, pengaduan"
            )
        weights[dimension] = weight
    return FrozenMapping(weights)


_DIMENSIONS: Final[dict[str | None, Dimension]] = {d.value: d for d in Dimension}


@attrs.frozen(repr=False)
class RuleSet:
    """The rules of one regime: its years, legal basis, source and table of bands.

    A rule that changes is a new RuleSet with its own years; the library never branches on
    the year. The bands run upwards from 0.00, each starting 0.01 above the previous one's
    upper bound, and the last ends at ``scale_max``. Everything is checked when the RuleSet
    is built, which for the bundled tables happens once, at import.

    ``weights`` are the dimension weights in percent where they were published (2022 and
    2023, [R54][R55][R58]). ``qualifier`` is the optional suffix of an opinion ("Tanpa
    Maladministrasi", 2025). ``pemda_score_is_unit_mean`` says whether a Pemda's score is the
    mean of its assessed units (2022 on, [R63][R65][R94]). ``notes`` explain readings and
    inferences that the table relies on.

    >>> from opinipp.rules import rules_for
    >>> rs = rules_for(2023)
    >>> rs.scheme, rs.years, rs.has_zones, rs.has_categories, rs.has_tanpa_maladministrasi
    ('opini-pengawasan-2022', (2022, 2023), True, True, False)
    >>> rs.band_for(Score("90.02")).category
    <Category.A: 'A'>
    """

    scheme: str = attrs.field(converter=text_value, validator=_text("RuleSet"))
    years: tuple[int, ...] = attrs.field(converter=_to_years, validator=_check_years)
    legal_basis: str = attrs.field(converter=text_value, validator=_text("RuleSet"))
    source: str = attrs.field(converter=text_value, validator=_text("RuleSet"))
    bands: tuple[Band, ...] = attrs.field(converter=_to_bands)
    scale_max: Score = attrs.field(default=Score(100), converter=_to_score)
    weights: FrozenMapping[Dimension, Decimal] | None = attrs.field(
        default=None, converter=_to_weights
    )
    name: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text_value,
        validator=_text_or_none("RuleSet"),
    )
    name_en: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text_value,
        validator=_text_or_none("RuleSet"),
    )
    qualifier: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text_value,
        validator=_text_or_none("RuleSet"),
    )
    qualifier_en: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text_value,
        validator=_text_or_none("RuleSet"),
    )
    pemda_score_is_unit_mean: bool = attrs.field(
        default=False, kw_only=True, validator=_bool("RuleSet")
    )
    notes: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_to_notes)
    # Derived once in __attrs_post_init__: the lower bounds in hundredths, for bisect.
    _lowers: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        self._check_bands()
        self._check_qualifier()
        self._check_weights()
        notes: tuple[object, ...] = self.notes
        for note in notes:
            if not isinstance(note, str) or not note.strip():
                raise InvalidArgumentError("RuleSet.notes", self.notes, "non-empty texts")
        object.__setattr__(self, "_lowers", tuple(b.lower.hundredths for b in self.bands))

    def _check_bands(self) -> None:
        bands = self.bands
        if not bands:
            raise InvalidArgumentError("RuleSet.bands", bands, "at least one band")
        if bands[0].lower != MIN_SCORE:
            raise InvalidArgumentError(
                "RuleSet.bands", bands[0].lower, f"the lowest band to start at {MIN_SCORE}"
            )
        if bands[-1].upper != self.scale_max:
            raise InvalidArgumentError(
                "RuleSet.bands",
                bands[-1].upper,
                f"the highest band to end at the top of the scale, {self.scale_max}",
            )
        for below, band in pairwise(bands):
            _check_band_above(below, band)
        for field in ("zone", "category", "opinion", "predikat", "quality"):
            present = {getattr(b, field) is not None for b in bands}
            if len(present) != 1:
                raise InvalidArgumentError(
                    "RuleSet.bands", field, "every band or no band to carry this label"
                )

    def _check_qualifier(self) -> None:
        if (self.qualifier is None) != (self.qualifier_en is None):
            raise InvalidArgumentError(
                "RuleSet.qualifier_en", self.qualifier_en, "an English label with the qualifier"
            )
        if self.has_tanpa_maladministrasi and any(b.opinion is None for b in self.bands):
            raise InvalidArgumentError(
                "RuleSet.qualifier", self.qualifier, "opinions on every band to qualify"
            )

    def _check_weights(self) -> None:
        weights = self.weights
        if weights is None:
            return
        if set(weights) != set(Dimension) or len(weights) != len(Dimension):
            raise InvalidArgumentError(
                "RuleSet.weights",
                weights,
                "one weight for each of input, proses, output, pengaduan",
            )
        percentages: dict[Dimension, Decimal] = {}
        for dimension, given in weights.items():
            value = exact_decimal(given)
            if value is None or not value.is_finite() or value <= 0:
                raise InvalidArgumentError(
                    "RuleSet.weights", given, "a positive Decimal percentage"
                )
            percentages[dimension] = value
        total = sum(percentages.values())
        if total != _HUNDRED:
            raise InvalidArgumentError("RuleSet.weights", total, "weights summing to 100")
        ordered = sorted(percentages.items(), key=lambda item: _DIMENSION_ORDER[item[0]])
        object.__setattr__(self, "weights", FrozenMapping(ordered))

    def __repr__(self) -> str:
        return f"RuleSet(scheme={self.scheme!r}, years={self.years!r})"

    @property
    def has_zones(self) -> bool:
        """Whether every band has a zone (up to 2024)."""
        return all(b.zone is not None for b in self.bands)

    @property
    def has_categories(self) -> bool:
        """Whether every band has a category (2022–2024)."""
        return all(b.category is not None for b in self.bands)

    @property
    def has_tanpa_maladministrasi(self) -> bool:
        """Whether opinions take the :attr:`qualifier` ("Tanpa Maladministrasi", 2025)."""
        return self.qualifier is not None

    def opinion_of(self, band: Band, *, qualified: bool = False, lang: Lang = "id") -> str | None:
        """Return the opinion of ``band``, followed by the :attr:`qualifier` when ``qualified``.

        ``None`` for a band without an opinion (before 2022). ``lang="en"`` gives English.

        >>> from opinipp.rules import rules_for
        >>> rs = rules_for(2025)
        >>> rs.opinion_of(rs.bands[2], qualified=True)
        'Kualitas Sedang Tanpa Maladministrasi'
        >>> rs.opinion_of(rs.bands[2], qualified=True, lang="en")
        'Medium quality without maladministration'
        """
        english = _english(lang)
        given: object = band  # NumPy and pandas values refuse the truth of `in`
        if not isinstance(given, Band) or band not in self.bands:
            raise InvalidArgumentError("band", band, f"one of the bands of {self.scheme!r}")
        if not isinstance(qualified, bool):
            raise InvalidArgumentError("qualified", qualified, "True or False")
        opinion = band.opinion_en if english else band.opinion
        qualifier = self.qualifier_en if english else self.qualifier
        if qualified and opinion is not None and qualifier is not None:
            return f"{opinion} {qualifier}"
        return opinion

    def target_names(self) -> tuple[str, ...]:
        """The texts that name a target in these rules, highest band first.

        >>> from opinipp.rules import rules_for
        >>> rules_for(2021).target_names()
        ('hijau', 'Kepatuhan Tinggi', 'kuning', 'Kepatuhan Sedang', 'merah', 'Kepatuhan Rendah')
        """
        names: dict[str, None] = {}
        for band in reversed(self.bands):
            for text in (
                None if band.category is None else band.category.value,
                None if band.zone is None else band.zone.value,
                band.opinion,
                band.predikat,
                band.quality,
            ):
                if text:
                    names.setdefault(text, None)
        return tuple(names)

    def target(
        self, target: Category | Zone | Band | str, /, *, year: int | None = None
    ) -> tuple[Band, str]:
        """Return the band a target names and the label that names it.

        ``target`` is a :class:`Category`, a :class:`Zone` (its lowest band), one of the
        bands, or text matched without regard to case or spacing: a category letter, a
        zone (``"Zona Hijau"``), an opinion (``"Opini Kualitas Tinggi"``, or in English),
        a predikat or a quality word. Text that names several bands gives the lowest.
        ``year`` is the assessment year the messages name (by default these rules' years).

        Raises:
            NotApplicableError: the target exists only under other rules, or it is the
                qualifier ("… Tanpa Maladministrasi"), which does not depend on the score.
            InvalidArgumentError: text that names nothing (the message lists
                :meth:`target_names`), a band of other rules, a value of another type, or a
                ``year`` these rules do not cover.

        >>> from opinipp.rules import rules_for
        >>> band, label = rules_for(2023).target("kualitas tertinggi")
        >>> str(band.lower), label
        ('88.00', 'A (Kualitas Tertinggi)')
        >>> rules_for(2023).target(Zone.HIJAU)[1]
        'zona hijau (from 78.00)'
        >>> rules_for(2025).target("Sangat Baik", year=2025)[1]
        'Kualitas Tertinggi (Sangat Baik)'
        >>> rules_for(2023).target("Sangat Baik", year=2023)
        Traceback (most recent call last):
        ...
        opinipp.errors.NotApplicableError: target 'Sangat Baik' does not apply to 2023: it is a
        label of 2025 only; valid targets in 2023: 'A', 'hijau', 'Kualitas Tertinggi', ...
        """
        if year is None:
            shown: object = self.years[0] if len(self.years) == 1 else self.years
        elif self.covers(year):
            shown = year
        else:
            raise InvalidArgumentError("year", year, f"one of the years of {self.scheme}")
        if isinstance(target, (Category, Zone)):
            return self._enum_target(target, shown)
        if isinstance(target, Band):
            if target not in self.bands:
                raise InvalidArgumentError("target", target, f"a band of the {shown} rules")
            return target, target.name()
        text = exact_text(target)
        if text is not None:
            return self._text_target(text, shown)
        raise InvalidArgumentError(
            "target",
            target,
            "a Category, a Zone, a Band, or a label such as 'A', 'hijau' or 'Kualitas Tertinggi'",
        )

    def _listed_targets(self) -> str:
        return ", ".join(repr(t) for t in self.target_names())

    def _enum_target(self, target: Category | Zone, year: object) -> tuple[Band, str]:
        if isinstance(target, Category):
            found = [b for b in self.bands if b.category is target]
            kind = "categories"
        else:
            found = [b for b in self.bands if b.zone is target]
            kind = "zones"
        if not found:
            raise NotApplicableError(
                f"target {target.value!r}",
                year,
                f"the {self.scheme} rules have no {kind}; valid targets: {self._listed_targets()}",
            )
        band = found[0]
        if isinstance(target, Category) or len(found) == 1:
            return band, band.name()
        return band, f"zona {target.value} (from {band.lower})"

    def _text_target(self, text: str, year: object) -> tuple[Band, str]:
        from opinipp.rules import rule_sets

        key = label_key(text)
        member = find_member(Category, key) or find_member(Zone, key)
        if member is not None:
            return self._enum_target(member, year)
        found = [b for b in self.bands if key in b.texts]
        if found:
            band = found[0]
            return band, band.name() if len(found) == 1 else f"{text} (from {band.lower})"
        for qualifier in {rs.qualifier for rs in rule_sets() if rs.qualifier is not None}:
            suffix = " " + label_key(qualifier)
            if key.endswith(suffix):
                raise NotApplicableError(
                    f"target {text!r}",
                    year,
                    f"{qualifier!r} comes from following up the Ombudsman's supervision "
                    "products, not from the score ([R2][R89][R94]); aim at the opinion without "
                    f"it, e.g. {text[: -len(suffix)].strip()!r}",
                )
        elsewhere = [
            str(y) for rs in rule_sets() for y in rs.years if any(key in b.texts for b in rs.bands)
        ]
        if elsewhere:
            raise NotApplicableError(
                f"target {text!r}",
                year,
                f"it is a label of {', '.join(elsewhere)} only; valid targets in {year}: "
                f"{self._listed_targets()}",
            )
        raise InvalidArgumentError(
            "target", text, f"one of the {year} targets: {self._listed_targets()}"
        )

    def covers(self, year: int) -> bool:
        """Return whether this RuleSet applies to ``year``.

        >>> from opinipp.rules import rules_for
        >>> rules_for(2019).covers(2021), rules_for(2019).covers(2020)
        (True, False)
        >>> rules_for(2019).covers("2019")
        False
        """
        try:
            return check_year(year, self.years) in self.years
        except RulesNotAvailableError:
            return False

    def band_for(self, score: ScoreLike) -> Band:
        """Return the band that ``score`` falls in (bisect over the lower bounds).

        Raises :class:`~opinipp.errors.InvalidScoreError` for a score above ``scale_max``
        (only the 2015 table, on a 0–75 scale, has one below 100).

        >>> from opinipp.rules import rules_for
        >>> rules_for(2023).band_for("87.99").category, rules_for(2023).band_for("88.00").category
        (<Category.B: 'B'>, <Category.A: 'A'>)
        >>> rules_for(2015).band_for("80.00")
        Traceback (most recent call last):
        ...
        opinipp.errors.InvalidScoreError: invalid score '80.00': above 75.00, ...
        """
        value = score if type(score) is Score else Score(score)
        hundredths = value.hundredths
        if hundredths > self.scale_max.hundredths:
            raise self.above_scale(score)
        return self.bands[bisect_right(self._lowers, hundredths) - 1]

    def above_scale(self, score: object) -> InvalidScoreError:
        """Return the error for a score above this RuleSet's ``scale_max``.

        >>> from opinipp.rules import rules_for
        >>> print(rules_for(2015).above_scale("80.00"))  # doctest: +ELLIPSIS
        invalid score '80.00': above 75.00, the top of the scale in 2015 (Peraturan ...
        """
        years = ", ".join(str(y) for y in self.years)
        return InvalidScoreError(
            score,
            f"above {self.scale_max}, the top of the scale in {years} ({self.legal_basis})",
        )


def __dir__() -> list[str]:
    return list(__all__)
