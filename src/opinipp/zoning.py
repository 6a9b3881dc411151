"""Classification of a score in an assessment year, and how scores are formed.

:func:`classify` turns a two-decimal score and a year into a :class:`Grade`: the zone,
category, opinion, 2025 quality word or 2016–2021 predikat of the band the score falls in,
read from that year's :class:`~opinipp.rules.RuleSet`. :func:`score_from_dimensions` weighs
the four dimensions where the weights are known (2022, 2023), and :func:`pemda_score` takes
the mean of a Pemda's unit scores (2022 on, [R63][R65][R94]).

>>> from opinipp.zoning import classify
>>> g = classify("81.84", 2023)  # Kab. Muna Barat, 2023
>>> g.zone, g.category, g.opinion
(<Zone.HIJAU: 'hijau'>, <Category.B: 'B'>, 'Kualitas Tinggi')
>>> classify("65.98", 2025, tanpa_maladministrasi=True).opinion  # Provinsi Maluku Utara, 2025
'Kualitas Sedang Tanpa Maladministrasi'
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeAlias, Union

import attrs

from opinipp._checks import as_list, enum_member
from opinipp.errors import InvalidArgumentError, NotApplicableError
from opinipp.rules import (
    Band,
    Category,
    Dimension,
    RuleSet,
    Zone,
    rule_sets,
    rules_for,
    year_with_rules,
)
from opinipp.scores import Score, ScoreLike

__all__ = ["DimensionScores", "Grade", "classify", "pemda_score", "score_from_dimensions"]

DimensionScores: TypeAlias = Union[  # noqa: UP007 - evaluated at runtime on Python 3.10
    Mapping[Dimension, ScoreLike],
    Mapping[str, ScoreLike],
    Mapping[Union[Dimension, str], ScoreLike],  # noqa: UP007
]
"""Achievements per dimension: keys are :class:`~opinipp.rules.Dimension` members or names."""


def _check_instance(kind: type, expected: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidArgumentError(f"Grade.{attribute.name}", value, expected)

    return check


_REPR_FIELDS: Final = (
    "year",
    "zone",
    "category",
    "opinion",
    "quality",
    "predikat",
    "tanpa_maladministrasi",
    "opinion_en",
)


@attrs.frozen(repr=False)
class Grade:
    """The classification of a score in an assessment year.

    A Grade holds no score: every score in a band gets the same Grade, so :func:`classify`
    hands out prebuilt ones. ``opinion`` is the full label, with the "Tanpa
    Maladministrasi" qualifier when it was given (2025). A label the year's rules do not
    use is ``None``: no ``category`` before 2022, no ``zone`` in 2025, no ``predikat`` from
    2022, no ``quality`` word before 2025. A Grade stores its year, rule set, band and
    qualifier; the labels are read from the band.

    >>> g = classify("90.02", 2023)  # Kab. Mukomuko, 2023
    >>> g.zone, g.category, g.opinion, g.opinion_en
    (<Zone.HIJAU: 'hijau'>, <Category.A: 'A'>, 'Kualitas Tertinggi', 'Highest quality')
    >>> g.rule_set.scheme, str(g.band.lower)
    ('opini-pengawasan-2022', '88.00')
    """

    year: int = attrs.field(converter=year_with_rules)
    rule_set: RuleSet = attrs.field(
        repr=False, validator=_check_instance(RuleSet, "the RuleSet of the year")
    )
    band: Band = attrs.field(repr=False, validator=_check_instance(Band, "a Band of the RuleSet"))
    tanpa_maladministrasi: bool | None = None

    def __attrs_post_init__(self) -> None:
        rule_set, band = self.rule_set, self.band
        if rules_for(self.year) != rule_set:
            raise InvalidArgumentError(
                "Grade.rule_set", rule_set, f"the RuleSet of {self.year} ({rules_for(self.year)!r})"
            )
        if band not in rule_set.bands:
            raise InvalidArgumentError("Grade.band", band, f"one of the bands of {rule_set!r}")
        tm: object = self.tanpa_maladministrasi
        if tm is not None and (not isinstance(tm, bool) or not rule_set.has_tanpa_maladministrasi):
            raise InvalidArgumentError(
                "Grade.tanpa_maladministrasi",
                tm,
                f"None for {self.year}, or a bool in a year with it",
            )

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _REPR_FIELDS)
        return f"Grade({fields})"

    @classmethod
    def of(cls, rule_set: RuleSet, band: Band, year: int, tanpa: bool | None = None) -> Grade:
        """Build the Grade of ``band`` of ``rule_set`` in ``year`` (labels taken from the band).

        >>> rs = rules_for(2021)
        >>> Grade.of(rs, rs.bands[1], 2021).predikat
        'Kepatuhan Sedang'
        """
        if not isinstance(rule_set, RuleSet):
            raise InvalidArgumentError("rule_set", rule_set, "a RuleSet")
        given: object = band  # NumPy and pandas values refuse the truth of `in`
        if not isinstance(given, Band) or band not in rule_set.bands:
            raise InvalidArgumentError("band", band, f"one of the bands of {rule_set.scheme!r}")
        return cls(year, rule_set, band, tanpa)

    @property
    def zone(self) -> Zone | None:
        """The band's zone (``None`` in 2025)."""
        return self.band.zone

    @property
    def category(self) -> Category | None:
        """The band's category (``None`` outside 2022–2024)."""
        return self.band.category

    @property
    def quality(self) -> str | None:
        """The band's 2025 quality word (``None`` before 2025)."""
        return self.band.quality

    @property
    def predikat(self) -> str | None:
        """The band's 2015–2021 predikat (``None`` from 2022)."""
        return self.band.predikat

    @property
    def opinion(self) -> str | None:
        """The full opinion, with the rule set's qualifier when it was given.

        >>> classify("65.98", 2025, tanpa_maladministrasi=True).opinion
        'Kualitas Sedang Tanpa Maladministrasi'
        """
        return self.rule_set.opinion_of(self.band, qualified=self.tanpa_maladministrasi is True)

    @property
    def opinion_en(self) -> str | None:
        """The full opinion in English (see :attr:`opinion`)."""
        return self.rule_set.opinion_of(
            self.band, qualified=self.tanpa_maladministrasi is True, lang="en"
        )

    @property
    def rank(self) -> int:
        """The band's rank within the year: 0 for the lowest band."""
        return self.band.rank

    @property
    def label(self) -> str:
        """The main published label: the full opinion, else the predikat.

        >>> classify("77.02", 2021).label  # Kab. Serdang Bedagai, 2021
        'Kepatuhan Sedang'
        """
        if self.opinion is not None:
            return self.opinion
        label = self.band.label
        return "" if label is None else label

    @property
    def label_en(self) -> str:
        """The main label in English.

        >>> classify("85.18", 2025, tanpa_maladministrasi=True).label_en
        'High quality without maladministration'
        """
        if self.opinion_en is not None:
            return self.opinion_en
        label = self.band.label_en
        return "" if label is None else label

    def _repr_html_(self) -> str:
        """Jupyter: a badge in the zone's colour with the labels (see the Jupyter guide)."""
        from opinipp._html import grade_html

        return grade_html(self)


@attrs.frozen
class _YearGrades:
    """Prebuilt Grades of one year, per band and qualifier, for the fast path."""

    rule_set: RuleSet
    lowers: tuple[int, ...]
    max_hundredths: int
    plain: tuple[Grade, ...]
    with_qualifier: tuple[Grade, ...] | None
    without_qualifier: tuple[Grade, ...] | None


def _prebuild() -> dict[int, _YearGrades]:
    table: dict[int, _YearGrades] = {}
    for rule_set in rule_sets():
        for year in rule_set.years:
            tm = rule_set.has_tanpa_maladministrasi
            table[year] = _YearGrades(
                rule_set=rule_set,
                lowers=tuple(b.lower.hundredths for b in rule_set.bands),
                max_hundredths=rule_set.scale_max.hundredths,
                plain=tuple(Grade.of(rule_set, b, year) for b in rule_set.bands),
                with_qualifier=(
                    tuple(Grade.of(rule_set, b, year, tanpa=True) for b in rule_set.bands)
                    if tm
                    else None
                ),
                without_qualifier=(
                    tuple(Grade.of(rule_set, b, year, tanpa=False) for b in rule_set.bands)
                    if tm
                    else None
                ),
            )
    return table


_GRADES: Final = _prebuild()
_TM_YEARS: Final = tuple(y for y, g in _GRADES.items() if g.with_qualifier is not None)


def _resolve_year(year: object) -> _YearGrades:
    """Slow path for a year that is not a covered plain int: validate, then look up."""
    return _GRADES[year_with_rules(year)]


def _not_applicable_qualifier(year: int, value: object) -> Exception:
    if not isinstance(value, bool):
        return InvalidArgumentError("tanpa_maladministrasi", value, "True, False or None")
    years = ", ".join(str(y) for y in _TM_YEARS)
    return NotApplicableError(
        "the 'Tanpa Maladministrasi' qualifier",
        year,
        f"it exists only in {years} (Opini Ombudsman, [R2][R89][R94]); "
        f"leave tanpa_maladministrasi as None",
    )


def classify(score: ScoreLike, year: int, *, tanpa_maladministrasi: bool | None = None) -> Grade:
    """Classify a two-decimal score under the rules of an assessment year.

    Bounds are inclusive lower bounds ([R47][R60][R70]): 88.00 is A and 87.99 is B in
    2022–2024. ``tanpa_maladministrasi`` is the 2025 qualifier: ``True`` appends "Tanpa
    Maladministrasi" to the opinion, ``False`` or ``None`` leave it plain. Passing ``True``
    or ``False`` in a year without the qualifier raises
    :class:`~opinipp.errors.NotApplicableError`; a non-bool raises
    :class:`~opinipp.errors.InvalidArgumentError`. An invalid score raises
    :class:`~opinipp.errors.InvalidScoreError` (also for 2015 scores above 75.00, the top
    of the regulation's scale); 2020 and uncovered years raise
    :class:`~opinipp.errors.RulesNotAvailableError`.

    >>> classify("80.13", 2019).zone, classify("80.13", 2019).category  # Kab. Kerinci, 2019
    (<Zone.KUNING: 'kuning'>, None)
    >>> classify("34.19", 2021).predikat  # Kab. Muna Barat, 2021
    'Kepatuhan Rendah'
    >>> g = classify("53.38", 2025)  # Kab. Pulau Morotai, 2025
    >>> g.zone, g.quality, g.opinion
    (None, 'Kurang', 'Kualitas Rendah')
    >>> classify("90.02", 2023, tanpa_maladministrasi=True)
    Traceback (most recent call last):
    ...
    opinipp.errors.NotApplicableError: the 'Tanpa Maladministrasi' qualifier does not apply ...
    """
    grades = _GRADES.get(year) if type(year) is int else None
    if grades is None:
        grades = _resolve_year(year)
    hundredths = score.hundredths if type(score) is Score else Score(score).hundredths
    if hundredths > grades.max_hundredths:
        raise grades.rule_set.above_scale(score)
    index = bisect_right(grades.lowers, hundredths) - 1
    if tanpa_maladministrasi is None:
        return grades.plain[index]
    if tanpa_maladministrasi is True and grades.with_qualifier is not None:
        return grades.with_qualifier[index]
    if tanpa_maladministrasi is False and grades.without_qualifier is not None:
        return grades.without_qualifier[index]
    raise _not_applicable_qualifier(grades.plain[index].year, tanpa_maladministrasi)


def _weights_years() -> str:
    return ", ".join(str(y) for rs in rule_sets() if rs.weights is not None for y in rs.years)


def score_from_dimensions(dimensions: DimensionScores, year: int) -> Score:
    """Weigh the four dimension achievements (each 0–100) into a total score.

    Only for years whose weights were published: 2022 and 2023 (input 21.85, proses 32.37,
    output 24.24, pengaduan 21.54; [R54][R55][R58]). Other years raise
    :class:`~opinipp.errors.NotApplicableError` naming the missing weights. Keys may be
    :class:`~opinipp.rules.Dimension` members or their names; all four are required. The
    total is rounded half-up to two decimals.

    >>> score_from_dimensions({"input": 90, "proses": 85, "output": 80, "pengaduan": 75}, 2023)
    Score('82.73')
    >>> score_from_dimensions(dict.fromkeys(Dimension, 100), 2022)
    Score('100.00')
    >>> score_from_dimensions(dict.fromkeys(Dimension, 100), 2024)
    Traceback (most recent call last):
    ...
    opinipp.errors.NotApplicableError: weighing the dimensions does not apply to 2024: ...
    """
    rule_set = rules_for(year)
    weights = rule_set.weights
    if weights is None:
        raise NotApplicableError(
            "weighing the dimensions",
            year,
            f"the weights of input, proses, output and pengaduan were not published for "
            f"{year}; they are known for {_weights_years()} ([R54][R55][R58])",
        )
    achieved = dimension_scores(dimensions)
    missing = [d.value for d in Dimension if d not in achieved]
    if missing:
        raise InvalidArgumentError(
            "dimensions", dimensions, f"all four dimensions; missing {', '.join(missing)}"
        )
    total = sum((weights[d] * achieved[d].value for d in Dimension), Decimal(0)) / 100
    return Score.rounded(total)


def dimension_scores(dimensions: object) -> dict[Dimension, Score]:
    """Read per-dimension scores, keyed by Dimension or its name, in Dimension order.

    Private to opinipp (not in ``__all__``): shared by :func:`score_from_dimensions` and
    :class:`~opinipp.assessments.Assessment`.
    """
    if not isinstance(dimensions, Mapping):
        raise InvalidArgumentError(
            "dimensions", dimensions, "a mapping of input, proses, output, pengaduan to scores"
        )
    achieved: dict[Dimension, Score] = {}
    for key, value in dimensions.items():
        dimension = _to_dimension(key)
        if dimension in achieved:
            raise InvalidArgumentError("dimensions", dimensions, f"{dimension.value!r} only once")
        achieved[dimension] = Score(value)
    return {d: achieved[d] for d in Dimension if d in achieved}


def _to_dimension(key: object) -> Dimension:
    return enum_member(
        Dimension,
        key,
        argument="dimension",
        expected="one of 'input', 'proses', 'output', 'pengaduan' (or a Dimension)",
    )


def _unit_mean_years() -> str:
    years = [y for rs in rule_sets() if rs.pemda_score_is_unit_mean for y in rs.years]
    return f"{years[0]}–{years[-1]}" if years else "no year"


def pemda_score(unit_scores: Iterable[ScoreLike], year: int) -> Score:
    """Return a Pemda's score: the mean of its assessed units, rounded half-up to 2 dp.

    The Ombudsman scores a Pemda this way from 2022 on ([R63][R65][R94]); before that the
    score was counted per service product, so earlier years raise
    :class:`~opinipp.errors.NotApplicableError`.

    >>> pemda_score(["100", "99.65", "99.30", "99.16", "99.08", "97.72", "97.40"], 2024)  # Rembang
    Score('98.90')
    >>> pemda_score(["86.83", "85.80", "82.90"], 2025)  # Kab. Bolaang Mongondow
    Score('85.18')
    >>> pemda_score(["87.95", "75.58", "62.17", "23.15"], 2021)  # Kota Magelang
    Traceback (most recent call last):
    ...
    opinipp.errors.NotApplicableError: a Pemda score as the mean of its units does not apply ...
    """
    rule_set = rules_for(year)
    if not rule_set.pemda_score_is_unit_mean:
        raise NotApplicableError(
            "a Pemda score as the mean of its units",
            year,
            f"the mean of unit scores is the rule in {_unit_mean_years()}; before 2022 the "
            "score was counted per service product ([R24])",
        )
    units = as_list(unit_scores, "unit_scores", "an iterable of unit scores (e.g. a list)")
    hundredths = [s.hundredths if type(s) is Score else Score(s).hundredths for s in units]
    if not hundredths:
        raise InvalidArgumentError("unit_scores", unit_scores, "at least one unit score")
    return Score.rounded(Fraction(sum(hundredths), 100 * len(hundredths)))


def __dir__() -> list[str]:
    return list(__all__)
