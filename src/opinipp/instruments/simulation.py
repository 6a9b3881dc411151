"""Simulating a score from indicator values, and the 2025 composition.

A dimension's score is the weighted mean of its indicators' positions on their scales,
``(value − low) / (high − low) × 100``, computed exactly (:class:`~fractions.Fraction`) and
rounded half-up to hundredths **per dimension** (a two-decimal score, as the Ombudsman
publishes dimension values). The dimension scores are then weighed into the total: for a
year whose :class:`~opinipp.rules.RuleSet` holds the weights (2022, 2023) by
:func:`~opinipp.zoning.score_from_dimensions` itself; otherwise by the same formula,
``Σ weight × score / 100`` (plus the Kepercayaan Masyarakat share from the 2025 round),
rounded half-up to hundredths **once, at the end**.

Weights no source gives are an assumption opinipp uses only when asked
(``assume_equal_weights=True``): within a dimension the unknown indicator weights share
what the known ones leave equally; the unknown dimension weights share what is left of 100 %
(after Kepercayaan Masyarakat) equally. Without it, :class:`~opinipp.errors.NotApplicableError`
names the missing weights.

>>> from opinipp.instruments import instrument_for, simulate
>>> i = instrument_for(2023)
>>> top = {x.code: x.scale.high for x in i.indicators}
>>> s = simulate(i, top, assume_equal_weights=True)
>>> str(s.score), s.grade.category.value
('100.00', 'A')
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any, Final

import attrs

from opinipp._checks import FrozenMapping, check_year
from opinipp.errors import InvalidArgumentError, NotApplicableError
from opinipp.instruments._model import Dimension, Indicator, Instrument, Provenance, as_tuple
from opinipp.rules import covered_years, rules_for
from opinipp.scores import Score
from opinipp.zoning import Grade, classify, score_from_dimensions

if TYPE_CHECKING:
    from opinipp.rules import Lang
    from opinipp.scores import ScoreLike

__all__ = ["Simulation", "compose_score", "simulate"]

_HUNDRED: Final = Fraction(100)


@attrs.frozen
class _Weights:
    """The weights a computation uses, exact, with the assumptions behind them."""

    dimensions: tuple[tuple[Dimension, Fraction], ...]
    indicators: Mapping[str, Fraction]
    kepercayaan: Fraction
    assumptions: tuple[str, ...]
    rules_year: int | None  # a year whose RuleSet holds exactly these dimension weights


def _missing_weights(instrument: Instrument, *, indicators: bool) -> list[str]:
    missing = [d.name for d in instrument.dimensions if d.weight is None]
    if indicators:
        missing += [i.code for i in instrument.indicators if i.weight is None]
    return missing


def weights_of(  # noqa: C901 - dimension and indicator weights in one pass
    instrument: Instrument, *, assume_equal_weights: bool, indicators: bool = True
) -> _Weights:
    """The exact weights of ``instrument`` (internal; see the module docstring)."""
    if not isinstance(instrument, Instrument):
        raise InvalidArgumentError("instrument", instrument, "an Instrument (instrument_for(year))")
    if not isinstance(assume_equal_weights, bool):
        raise InvalidArgumentError("assume_equal_weights", assume_equal_weights, "True or False")
    missing = _missing_weights(instrument, indicators=indicators)
    year = instrument.years[-1]
    if missing and not assume_equal_weights:
        shown = ", ".join(missing[:10]) + (
            f" … ({len(missing)} in all)" if len(missing) > 10 else ""
        )
        raise NotApplicableError(
            "weighing without assumptions",
            year,
            f"no source gives the weights of {shown}; pass assume_equal_weights=True to assume "
            "equal weights, or load the official table with read_weights",
        )
    assumptions: list[str] = []
    km = (
        Fraction(instrument.kepercayaan_weight.percent)
        if instrument.kepercayaan_weight
        else Fraction(0)
    )
    known = sum(
        (Fraction(d.weight.percent) for d in instrument.dimensions if d.weight), Fraction(0)
    )
    unknown = [d for d in instrument.dimensions if d.weight is None]
    rest = (_HUNDRED - km - known) / len(unknown) if unknown else Fraction(0)
    if unknown:
        if rest <= 0:
            raise InvalidArgumentError(
                "instrument", instrument, "room left for the unknown dimension weights"
            )
        names = ", ".join(d.name for d in unknown)
        assumptions.append(f"equal dimension weights assumed: {names} {_percent(rest)} % each")
    dims = tuple(
        (d, Fraction(d.weight.percent) if d.weight else rest) for d in instrument.dimensions
    )
    within: dict[str, Fraction] = {}
    if indicators:
        for d in instrument.dimensions:
            items = d.indicators
            known_i = sum((Fraction(i.weight.percent) for i in items if i.weight), Fraction(0))
            open_i = [i for i in items if i.weight is None]
            share = (_HUNDRED - known_i) / len(open_i) if open_i else Fraction(0)
            if open_i and share <= 0:
                raise InvalidArgumentError(
                    "instrument", instrument, f"room left for the unknown weights in {d.name}"
                )
            if open_i:
                assumptions.append(
                    f"equal indicator weights assumed in {d.name}: {len(open_i)} of {len(items)} "
                    f"at {_percent(share)} % each"
                )
            for i in items:
                within[i.code] = Fraction(i.weight.percent) if i.weight else share
    return _Weights(dims, within, km, tuple(assumptions), _rules_year(instrument, dims, km))


def _rules_year(
    instrument: Instrument, dims: tuple[tuple[Dimension, Fraction], ...], km: Fraction
) -> int | None:
    if km:
        return None
    mine = {d.key: w for d, w in dims}
    for year in instrument.years:
        if year not in covered_years():
            continue
        weights = rules_for(year).weights
        if (
            weights is not None
            and set(mine) == set(weights)
            and all(Fraction(weights[k]) == w for k, w in mine.items() if k is not None)
        ):
            return year
    return None


def _percent(value: Fraction) -> str:
    return str(Score.rounded(value).value) if value <= 100 else str(value)


def _check_scales(instrument: Instrument, year: int) -> list[str]:
    assumptions: list[str] = []
    empty = [d.name for d in instrument.dimensions if not d.indicators]
    if empty:
        raise NotApplicableError(
            "simulating from indicator values",
            year,
            f"no source lists the indicators of {', '.join(empty)}; compose the score from "
            "dimension scores with compose_score",
        )
    unknown = [i.code for i in instrument.indicators if i.scale is None]
    if unknown:
        raise NotApplicableError(
            "simulating from indicator values",
            year,
            f"the scale of {', '.join(unknown[:10])} is not published; read an instrument of "
            "your own with read_instrument (scale_min, scale_max columns)",
        )
    assumed = sorted(
        {
            (i.scale.low, i.scale.high)
            for i in instrument.indicators
            if i.scale and i.scale.provenance is Provenance.ASSUMED
        }
    )
    assumptions.extend(f"indicator scale {lo}–{hi} assumed" for lo, hi in assumed)
    return assumptions


def indicator_value(indicator: Indicator, value: object) -> int:
    """``value`` as a whole number on the indicator's scale, or raise naming both."""
    scale = indicator.scale
    assert scale is not None  # noqa: S101 - _check_scales ran
    expected = f"a whole number {scale.low}–{scale.high} for {indicator.code}"
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise InvalidArgumentError(f"values[{indicator.code!r}]", value, expected)
    number = value.__index__()
    if not isinstance(number, int) or not scale.low <= number <= scale.high:
        raise InvalidArgumentError(f"values[{indicator.code!r}]", value, expected)
    return number


def read_values_mapping(instrument: Instrument, values: object) -> dict[str, int]:
    """Every indicator's value from ``values`` (code → whole number), checked."""
    if not isinstance(values, Mapping):
        raise InvalidArgumentError("values", values, "a mapping of indicator code to value")
    found: dict[str, int] = {}
    for code, value in values.items():
        indicator = instrument.find_indicator(code)
        if indicator is None:
            raise InvalidArgumentError("indicator code", code, f"one of {instrument.code_list()}")
        if indicator.code in found:
            raise InvalidArgumentError("values", code, f"{indicator.code} only once")
        found[indicator.code] = indicator_value(indicator, value)
    missing = [i.code for i in instrument.indicators if i.code not in found]
    if missing:
        raise InvalidArgumentError(
            "values",
            f"{len(found)} values",
            f"a value for every indicator; missing {', '.join(missing[:10])}",
        )
    return {i.code: found[i.code] for i in instrument.indicators}


def dimension_fraction(
    dimension: Dimension, weights: Mapping[str, Fraction], values: Mapping[str, int]
) -> Fraction:
    """The exact achievement of a dimension, 0–100, before rounding."""
    total = sum((weights[i.code] for i in dimension.indicators), Fraction(0))
    got = Fraction(0)
    for i in dimension.indicators:
        assert i.scale is not None  # noqa: S101 - checked
        got += weights[i.code] * Fraction(values[i.code] - i.scale.low, i.scale.points)
    return got * _HUNDRED / total


def _check_instance(kind: type, expected: str, *, optional: bool = False) -> Any:  # noqa: ANN401
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not (optional and value is None) and not isinstance(value, kind):
            raise InvalidArgumentError(f"Simulation.{attribute.name}", value, expected)

    return check


def _texts(value: object) -> tuple[str, ...]:
    return as_tuple(value, "Simulation.assumptions", str, "texts")


@attrs.frozen(repr=False)
class Simulation:
    """A simulated score: dimension scores, the total, and its grade where rules exist.

    ``dimension_scores`` maps each dimension's name to its two-decimal score;
    ``unrounded`` is the exact total before the final rounding; ``grade`` is ``None`` when
    no rules grade the simulated year (and none were borrowed); ``rules_year`` is the year
    whose rules graded it and ``borrowed`` says whether that year is not one of the
    instrument's own. ``assumptions`` lists every assumed figure the result rests on.

    >>> from opinipp.instruments import compose_score, instrument_for
    >>> s = compose_score(
    ...     instrument_for(2025),
    ...     {"input": 90, "proses": 85, "output": 80, "pengaduan": 75},
    ...     kepercayaan_masyarakat="70.00",
    ...     assume_equal_weights=True,
    ...     tanpa_maladministrasi=True,
    ... )
    >>> str(s.score), s.grade.opinion
    ('78.75', 'Kualitas Tinggi Tanpa Maladministrasi')
    """

    instrument: Instrument = attrs.field(validator=_check_instance(Instrument, "an Instrument"))
    values: FrozenMapping[str, int] | None = attrs.field(
        validator=_check_instance(FrozenMapping, "a FrozenMapping or None", optional=True)
    )
    dimension_scores: FrozenMapping[str, Score] = attrs.field(
        validator=_check_instance(FrozenMapping, "a FrozenMapping of dimension scores")
    )
    score: Score = attrs.field(validator=_check_instance(Score, "a Score"))
    unrounded: Fraction = attrs.field(validator=_check_instance(Fraction, "a Fraction"))
    kepercayaan_masyarakat: Score | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_check_instance(Score, "a Score or None", optional=True),
    )
    grade: Grade | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_check_instance(Grade, "a Grade or None", optional=True),
    )
    rules_year: int | None = attrs.field(
        default=None, kw_only=True, validator=_check_instance(int, "a year or None", optional=True)
    )
    borrowed: bool = attrs.field(
        default=False, kw_only=True, validator=_check_instance(bool, "a bool")
    )
    assumptions: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_texts)

    def __attrs_post_init__(self) -> None:
        if Score.rounded(self.unrounded) != self.score:
            raise InvalidArgumentError(
                "Simulation.score", self.score, f"the rounded total {self.unrounded}"
            )
        if (self.grade is None) != (self.rules_year is None):
            raise InvalidArgumentError(
                "Simulation.rules_year", self.rules_year, "a year exactly with a grade"
            )

    def lines(self, lang: Lang = "id") -> list[str]:
        """The result as text lines, with the grade and every assumption."""
        english = lang == "en"
        if lang not in ("id", "en"):
            raise InvalidArgumentError("lang", lang, "'id' or 'en'")
        dims = ", ".join(f"{k} {v}" for k, v in self.dimension_scores.items())
        lines = [f"{'score' if english else 'nilai'} {self.score} ({dims})"]
        if self.kepercayaan_masyarakat is not None:
            lines.append(f"Kepercayaan Masyarakat {self.kepercayaan_masyarakat}")
        if self.grade is not None:
            how = (
                (
                    f"graded with the {self.rules_year} rules (borrowed)"
                    if english
                    else f"dinilai dengan aturan {self.rules_year} (dipinjam)"
                )
                if self.borrowed
                else (f"{self.rules_year} rules" if english else f"aturan {self.rules_year}")
            )
            label = self.grade.label_en if english else self.grade.label
            lines.append(f"{self.grade.band.name(lang)}: {label}; {how}")
        else:
            lines.append(
                "not graded: no rules for this year"
                if english
                else "tanpa penilaian: tidak ada aturan untuk tahun ini"
            )
        lines.extend(f"{'assumption' if english else 'asumsi'}: {a}" for a in self.assumptions)
        return lines

    def __repr__(self) -> str:
        grade = "" if self.grade is None else f", {self.grade.band.short_name()}"
        borrowed = f" (rules of {self.rules_year}, borrowed)" if self.borrowed else ""
        assumed = f", {len(self.assumptions)} assumption(s)" if self.assumptions else ""
        return f"<Simulation score={self.score}{grade}{borrowed}{assumed}>"

    def to_html(self, lang: Lang = "id") -> str:
        """The result as an escaped HTML table, headers in ``lang``."""
        lines = self.lines(lang)
        heads = ("Dimension", "Score") if lang == "en" else ("Dimensi", "Nilai")
        rows = "".join(
            f"<tr><td>{escape(k)}</td><td>{escape(str(v))}</td></tr>"
            for k, v in self.dimension_scores.items()
        )
        notes = "".join(f"<li>{escape(x)}</li>" for x in lines)
        return (
            f'<div class="opinipp-simulation"><table>'
            f"<tr><th>{heads[0]}</th><th>{heads[1]}</th></tr>"
            f"{rows}</table><ul>{notes}</ul></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html("id")


def _grade(
    instrument: Instrument,
    score: Score,
    *,
    year: object,
    rules_year: int | None,
    tanpa_maladministrasi: bool | None,
) -> tuple[Grade | None, int | None, bool]:
    if year is not None and not instrument.covers(year):  # also rejects a non-int
        raise InvalidArgumentError(
            "year", year, f"one of the instrument's years {instrument.years}"
        )
    if rules_year is not None:
        ry = check_year(rules_year, covered_years())
        rules_for(ry)
        return (
            classify(score, ry, tanpa_maladministrasi=tanpa_maladministrasi),
            ry,
            not instrument.covers(ry),
        )
    years = [
        y
        for y in ([year] if year is not None else reversed(instrument.years))
        if y in covered_years()
    ]
    if not years:
        if tanpa_maladministrasi is not None:
            raise NotApplicableError(
                "the 'Tanpa Maladministrasi' qualifier",
                instrument.years[-1],
                "the result is not graded; name the rules year to borrow (rules_year=2025)",
            )
        return None, None, False
    y = check_year(years[0], covered_years())
    return classify(score, y, tanpa_maladministrasi=tanpa_maladministrasi), y, False


def _total(
    instrument: Instrument,
    weights: _Weights,
    scores: dict[str, Score],
    kepercayaan: Score | None,
) -> tuple[Score, Fraction]:
    total = sum(
        (w * Fraction(scores[d.name].hundredths, 100) for d, w in weights.dimensions), Fraction(0)
    )
    if weights.kepercayaan:
        if kepercayaan is None:
            raise InvalidArgumentError(
                "kepercayaan_masyarakat",
                None,
                "the Kepercayaan Masyarakat score (0–100), which weighs "
                f"{_percent(weights.kepercayaan)} % "
                f"in {', '.join(str(y) for y in instrument.years)}",
            )
        total += weights.kepercayaan * Fraction(kepercayaan.hundredths, 100)
    elif kepercayaan is not None:
        raise NotApplicableError(
            "a Kepercayaan Masyarakat score",
            instrument.years[-1],
            "the survey enters the score from the 2025 round on",
        )
    exact = total / _HUNDRED
    if weights.rules_year is not None:
        by_key = {d.key: scores[d.name] for d, _ in weights.dimensions if d.key is not None}
        return score_from_dimensions(by_key, weights.rules_year), exact
    return Score.rounded(exact), exact


def compose_score(  # noqa: PLR0913 - options are keyword-only
    instrument: Instrument,
    dimension_scores: Mapping[Any, ScoreLike],
    /,
    *,
    kepercayaan_masyarakat: ScoreLike | None = None,
    assume_equal_weights: bool = False,
    year: int | None = None,
    rules_year: int | None = None,
    tanpa_maladministrasi: bool | None = None,
) -> Simulation:
    """Weigh dimension scores (each 0–100) and, from 2025, Kepercayaan Masyarakat into a score.

    The 2025 composition: the four dimensions together 70 %, Kepercayaan Masyarakat 30 %
    (one public reading, [R86]); the qualifier stays separate, as in
    :func:`~opinipp.zoning.classify`'s ``tanpa_maladministrasi``. Keys are dimension names or
    :class:`opinipp.rules.Dimension` members; every dimension is required. Rounding and
    assumptions as in the module docstring; ``year``/``rules_year`` as in :func:`simulate`.

    >>> from opinipp.instruments import instrument_for
    >>> s = compose_score(
    ...     instrument_for(2023), {"input": 90, "proses": 85, "output": 80, "pengaduan": 75}
    ... )
    >>> str(s.score), s.rules_year
    ('82.73', 2023)
    """
    weights = weights_of(instrument, assume_equal_weights=assume_equal_weights, indicators=False)
    if not isinstance(dimension_scores, Mapping):
        raise InvalidArgumentError(
            "dimension_scores", dimension_scores, "a mapping of dimension to score"
        )
    scores: dict[str, Score] = {}
    for key, value in dimension_scores.items():
        dimension = instrument.find_dimension(key)
        if dimension is None:
            names = ", ".join(d.name for d in instrument.dimensions)
            raise InvalidArgumentError("dimension", key, f"one of {names}")
        if dimension.name in scores:
            raise InvalidArgumentError("dimension_scores", key, f"{dimension.name} only once")
        scores[dimension.name] = Score(value)
    missing = [d.name for d in instrument.dimensions if d.name not in scores]
    if missing:
        raise InvalidArgumentError(
            "dimension_scores", dict(scores), f"every dimension; missing {', '.join(missing)}"
        )
    return _simulation(
        instrument,
        None,
        {d.name: scores[d.name] for d in instrument.dimensions},
        weights,
        kepercayaan_masyarakat=kepercayaan_masyarakat,
        year=year,
        rules_year=rules_year,
        tanpa_maladministrasi=tanpa_maladministrasi,
        assumptions=list(weights.assumptions),
    )


def _simulation(  # noqa: PLR0913 - the parts of a Simulation
    instrument: Instrument,
    values: dict[str, int] | None,
    scores: dict[str, Score],
    weights: _Weights,
    *,
    kepercayaan_masyarakat: ScoreLike | None,
    year: object,
    rules_year: int | None,
    tanpa_maladministrasi: bool | None,
    assumptions: list[str],
) -> Simulation:
    kepercayaan = None if kepercayaan_masyarakat is None else Score(kepercayaan_masyarakat)
    score, exact = _total(instrument, weights, scores, kepercayaan)
    grade, graded_year, borrowed = _grade(
        instrument,
        score,
        year=year,
        rules_year=rules_year,
        tanpa_maladministrasi=tanpa_maladministrasi,
    )
    if borrowed:
        assumptions.append(
            f"graded with the rules of {graded_year}, borrowed: this round has no published bounds"
        )
    return Simulation(
        instrument,
        None if values is None else FrozenMapping(values),
        FrozenMapping(scores),
        score,
        exact,
        kepercayaan_masyarakat=kepercayaan,
        grade=grade,
        rules_year=graded_year,
        borrowed=borrowed,
        assumptions=tuple(assumptions),
    )


def simulate(  # noqa: PLR0913 - options are keyword-only
    instrument: Instrument,
    values: Mapping[str, int],
    /,
    *,
    kepercayaan_masyarakat: ScoreLike | None = None,
    assume_equal_weights: bool = False,
    year: int | None = None,
    rules_year: int | None = None,
    tanpa_maladministrasi: bool | None = None,
) -> Simulation:
    """Simulate the score that indicator ``values`` (code → whole number on its scale) earn.

    Every indicator needs a value. The grade uses the rules of ``year`` (one of the
    instrument's years; default its latest year with rules); for a round without published
    bounds (2026) there is no grade unless ``rules_year`` names the rules to borrow, and
    the result says so. ``kepercayaan_masyarakat`` is required where the survey weighs in
    (2025 round on).

    Raises:
        NotApplicableError: weights unknown without ``assume_equal_weights=True``, or an
            instrument without listed indicators or scales (2015, 2016–2021, 2024, 2025).
        InvalidArgumentError: an unknown code, a missing value, a value off the scale.
        RulesNotAvailableError: a ``rules_year`` without rules.

    >>> from opinipp.instruments import instrument_for
    >>> i = instrument_for(2026)
    >>> low = {x.code: x.scale.low for x in i.indicators}
    >>> s = simulate(i, low, kepercayaan_masyarakat=0, assume_equal_weights=True, rules_year=2025)
    >>> str(s.score), s.borrowed, s.grade.opinion
    ('0.00', True, 'Kualitas Terendah')
    """
    weights = weights_of(instrument, assume_equal_weights=assume_equal_weights)
    assumptions = list(weights.assumptions)
    assumptions += _check_scales(instrument, instrument.years[-1])
    checked = read_values_mapping(instrument, values)
    scores = {
        d.name: Score.rounded(dimension_fraction(d, weights.indicators, checked))
        for d in instrument.dimensions
    }
    return _simulation(
        instrument,
        checked,
        scores,
        weights,
        kepercayaan_masyarakat=kepercayaan_masyarakat,
        year=year,
        rules_year=rules_year,
        tanpa_maladministrasi=tanpa_maladministrasi,
        assumptions=assumptions,
    )


def __dir__() -> list[str]:
    return list(__all__)
