"""The Survei Kepuasan Masyarakat (SKM) and its index, the IKM, by regulation version.

Every public-service unit surveys its users at least once a year [R120]. Each respondent
answers every *unsur* (element) on a 1–4 scale; per unsur the NRR is the mean answer; the IKM
is ``Σ NRR × 1/n`` over the ``n`` unsur, on the answer scale; the converted value is
``IKM × 25``; the mutu (A–D) and the unit's kinerja are read from the converted value at two
decimals, bounds inclusive. Arithmetic is exact (:class:`~fractions.Fraction`): the only
rounding is the converted value to two decimals, half-up, before the mutu is read (and the
display of NRR and IKM, which does not feed back).

Rules per regulation (:func:`skm_rules`): ``"permenpanrb-14-2017"`` (the default, nine unsur),
``"permenpanrb-16-2014"`` (maklumat in place of sarana & prasarana; its bands are an
assumption) and ``"kep-25-2004"`` (14 unsur, four bands of its own).

>>> result = ikm([[4, 4, 3, 4, 3, 3, 4, 3, 3], [4, 3, 3, 3, 3, 4, 4, 3, 3]])
>>> result.ikm, str(result.score), result.mutu, result.kinerja(), result.kinerja("en")
(Fraction(61, 18), '84.72', 'B', 'Baik', 'Good')
>>> result.weakest.unsur.code, str(result.weakest.to_next)
('U3', '1.61')
>>> mutu("88.31").grade, mutu("88.30").grade
('A', 'B')
>>> sample_size(1000).respondents
278
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any, Final

import attrs

from opinipp._checks import exact_decimal, exact_int, exact_text
from opinipp._indices import (
    IndexBand,
    Lang,
    Provenance,
    check_lang,
    exact_number,
    find_band,
    format_decimal,
    half_up,
    instance,
    optional_instance,
)
from opinipp.errors import InvalidArgumentError
from opinipp.scores import Score
from opinipp.skm._responses import Responses, skm_rules
from opinipp.skm._tables import DEFAULT_REGULATION, SKM_RULES
from opinipp.skm._types import SkmRules, Unsur

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "DEFAULT_REGULATION",
    "SKM_RULES",
    "IkmResult",
    "IndexBand",
    "Provenance",
    "Responses",
    "SampleSize",
    "SkmRules",
    "Unsur",
    "UnsurResult",
    "ikm",
    "mutu",
    "sample_size",
    "skm_rules",
]

_NRR_PLACES: Final = 3
_IKM_PLACES: Final = 4


def _is_frame(value: object) -> bool:
    return type(value).__module__.startswith("pandas") and hasattr(value, "columns")


def _responses(responses: object, rules: SkmRules | str | None) -> Responses:
    if isinstance(responses, Responses):
        if rules is not None and skm_rules(rules) != responses.rules:
            raise InvalidArgumentError(
                "rules", rules, f"the rules the responses were read with ({responses.rules.key})"
            )
        return responses
    the_rules = DEFAULT_REGULATION if rules is None else rules
    if _is_frame(responses):
        return Responses.from_pandas(responses, rules=the_rules)  # type: ignore[arg-type]
    return Responses.from_rows(responses, rules=the_rules)  # type: ignore[arg-type]


def _weight(weight: object, rules: SkmRules) -> Fraction:
    if weight is None:
        return rules.weight
    printed = ", ".join(repr(str(w)) for w in rules.printed_weights) or "none for this regulation"
    expected = f"None (the exact 1/{len(rules.unsur)}) or a printed weight: {printed}"
    text = exact_text(weight)
    try:
        value = (
            Decimal(text.strip().replace(",", ".")) if text is not None else exact_decimal(weight)
        )
    except ArithmeticError:
        raise InvalidArgumentError("weight", weight, expected) from None
    if value is not None and value.is_finite() and value in rules.printed_weights:
        return Fraction(value)
    raise InvalidArgumentError("weight", weight, expected)


def _next_band(bands: Sequence[IndexBand], band: IndexBand) -> IndexBand | None:
    index = bands.index(band)
    return bands[index + 1] if index + 1 < len(bands) else None


def _band_of(rules: SkmRules, value: Decimal) -> IndexBand:
    """The band of a 2-dp converted value; below the scale (a rounded weight) is the lowest."""
    return find_band(rules.bands, value) or rules.bands[0]


@attrs.frozen
class UnsurResult:
    """The result of one unsur: its NRR, answer counts, converted value and mutu.

    ``counts`` holds how many respondents gave each answer, from the lowest answer up;
    ``converted`` is ``NRR × 25`` (exact), ``score`` the same rounded half-up to two
    decimals, ``band`` its mutu on the regulation's bands. ``to_next`` is what the unsur
    lacks on the converted scale to the next mutu (``None`` in the top band), and
    :attr:`nrr_to_next` the same on the answer scale: what a unit acts on.
    """

    unsur: Unsur = attrs.field(validator=instance(Unsur))
    nrr: Fraction = attrs.field(validator=instance(Fraction))
    counts: tuple[int, ...] = attrs.field(validator=instance(tuple))
    converted: Fraction = attrs.field(validator=instance(Fraction))
    score: Score = attrs.field(validator=instance(Score))
    band: IndexBand = attrs.field(validator=instance(IndexBand))
    to_next: Decimal | None = attrs.field(validator=optional_instance(Decimal))

    @property
    def nrr_to_next(self) -> Fraction | None:
        """The NRR points (answer scale) to the next mutu, exact; ``None`` in the top band."""
        if self.to_next is None:
            return None
        return Fraction(self.to_next) / (self.converted / self.nrr)


@attrs.frozen(repr=False)
class IkmResult:
    """The IKM of a survey: per-unsur NRR, the index, its converted value and its mutu.

    ``ikm`` is exact on the answer scale (1–4), ``converted`` is ``ikm × 25`` exact, and
    ``score`` the converted value rounded half-up to two decimals, on which ``band`` (the mutu
    and kinerja) is read. ``weight`` is the weight every unsur received: the exact ``1/n``, or
    a printed rounding of it when asked for (``printed_weight``). With a printed weight the
    converted value can fall below 25.00; it is then given the lowest band, and
    :meth:`notes` says so.
    """

    rules: SkmRules = attrs.field(validator=instance(SkmRules))
    respondents: int = attrs.field(validator=instance(int))
    weight: Fraction = attrs.field(validator=instance(Fraction))
    unsur: tuple[UnsurResult, ...] = attrs.field(validator=instance(tuple))
    ikm: Fraction = attrs.field(validator=instance(Fraction))
    converted: Fraction = attrs.field(validator=instance(Fraction))
    score: Score = attrs.field(validator=instance(Score))
    band: IndexBand = attrs.field(validator=instance(IndexBand))

    def __attrs_post_init__(self) -> None:
        if len(self.unsur) != len(self.rules.unsur):
            raise InvalidArgumentError(
                "IkmResult.unsur", self.unsur, f"one result per unsur of {self.rules.key}"
            )
        if self.converted != self.ikm * self.rules.conversion:
            raise InvalidArgumentError(
                "IkmResult.converted", self.converted, f"ikm × {self.rules.conversion}"
            )
        if self.score != Score.rounded(self.converted) or self.band != _band_of(
            self.rules, self.score.value
        ):
            raise InvalidArgumentError(
                "IkmResult.score", self.score, "the converted value rounded, and its band"
            )

    @property
    def printed_weight(self) -> bool:
        """Whether a printed (rounded) weight was used instead of the exact ``1/n``."""
        return self.weight != self.rules.weight

    @property
    def mutu(self) -> str:
        """The mutu letter, ``"A"`` to ``"D"``."""
        return self.band.grade

    def kinerja(self, lang: Lang = "id") -> str | None:
        """The unit's kinerja (``"Sangat Baik"`` …), or ``None`` where it was not retrieved."""
        return self.band.label_en if check_lang(lang) == "en" else self.band.label

    @property
    def weakest(self) -> UnsurResult:
        """The unsur with the lowest NRR (the first of them on a tie)."""
        return min(self.unsur, key=lambda u: u.nrr)

    def notes(self, lang: Lang = "id") -> tuple[str, ...]:
        """What the reader must know: assumed or reconstructed bands, a printed weight.

        >>> ikm([[4] * 9], rules="permenpanrb-16-2014").notes("en")
        ('the mutu bands of permenpanrb-16-2014 are an assumption (not retrieved)',)
        """
        english = check_lang(lang) == "en"
        out = []
        if self.rules.bands_provenance is not Provenance.OFFICIAL:
            what = self.rules.bands_provenance.describe(lang)
            out.append(
                f"the mutu bands of {self.rules.key} are {what} (not retrieved)"
                if english
                else f"rentang mutu {self.rules.key}: {what} (tidak diperoleh)"
            )
        if self.printed_weight:
            weight = format_decimal(Decimal(self.weight.numerator) / self.weight.denominator, lang)
            out.append(
                f"computed with the printed weight {weight} instead of the exact "
                f"1/{len(self.unsur)}"
                if english
                else f"dihitung dengan bobot cetak {weight}, bukan 1/{len(self.unsur)} yang tepat"
            )
        if self.score.value < self.rules.lowest:
            lowest = format_decimal(self.rules.lowest, lang)
            out.append(
                f"the converted value is below {lowest} because of the rounded weight; "
                "given the lowest mutu"
                if english
                else f"nilai konversi di bawah {lowest} karena bobot yang dibulatkan; "
                "diberi mutu terendah"
            )
        return tuple(out)

    def to_html(self, lang: Lang = "id") -> str:
        """An HTML table of the unsur and the index (escaped), headers in ``lang``.

        >>> "<td>U9</td>" in ikm([[4] * 9]).to_html()
        True
        """
        english = check_lang(lang) == "en"
        heads = (
            ("Code", "Unsur", "NRR", "×25", "Mutu")
            if english
            else ("Kode", "Unsur", "NRR", "×25", "Mutu")
        )
        head = "".join(f"<th>{h}</th>" for h in heads)
        rows = "".join(
            "<tr>"
            f"<td>{escape(u.unsur.code)}</td><td>{escape(u.unsur.label(lang))}</td>"
            f"<td>{escape(format_decimal(half_up(u.nrr, _NRR_PLACES), lang))}</td>"
            f"<td>{escape(u.score.format(lang))}</td><td>{escape(u.band.grade)}</td>"
            "</tr>"
            for u in self.unsur
        )
        total = (
            f"IKM {format_decimal(half_up(self.ikm, _IKM_PLACES), lang)}, "
            f"{self.score.format(lang)}: {self.band.name(lang)}"
        )
        notes = "".join(f"<br><small>{escape(n)}</small>" for n in self.notes(lang))
        return (
            f'<table class="opinipp-ikm"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>'
            f"</table><p><b>{escape(total)}</b> ({self.respondents} "
            f"{'respondents' if english else 'responden'}, {escape(self.rules.key)}){notes}</p>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        ikm_text = half_up(self.ikm, _IKM_PLACES)
        extra = "".join(f"; {n}" for n in self.notes("en"))
        return (
            f"<IkmResult {self.rules.key}: IKM {ikm_text}, {self.score} "
            f"{self.band.name('en')}, {self.respondents} respondents{extra}>"
        )


def ikm(
    responses: Responses | Iterable[Sequence[object] | Mapping[str, object]] | Any,  # noqa: ANN401
    /,
    *,
    rules: SkmRules | str | None = None,
    weight: str | Decimal | None = None,
) -> IkmResult:
    """Compute the IKM of survey responses, per unsur and in total, exactly.

    ``responses`` is a :class:`Responses` (read from a file, for instance), rows of answers
    (sequences in unsur order, or mappings from column to answer, as
    :meth:`Responses.from_rows` reads them) or a pandas data frame. ``rules`` is the
    regulation (default: the rules the responses were read with, else
    ``"permenpanrb-14-2017"``).

    ``weight=None`` uses the exact ``1/n``; a printed weight of the rules
    (``"0.111"`` or ``"0.11"`` for 2017) reproduces a document that computed with it.

    Raises:
        InvalidDataError, RowError: bad answers in rows or a frame (every cell reported).
        InvalidArgumentError: unknown rules or weight, rules that differ from those of
            ``responses``, or rows that are not rows.

    >>> r = ikm([[4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3]])
    >>> r.ikm, r.converted, r.score
    (Fraction(7, 2), Fraction(175, 2), Score('87.50'))
    >>> str(ikm([[4] * 9], weight="0.111").score)
    '99.90'
    """
    read = _responses(responses, rules)
    the_rules = read.rules
    w = _weight(weight, the_rules)
    n = read.count
    low, high = the_rules.answer_min, the_rules.answer_max
    unsur = []
    for index, element in enumerate(the_rules.unsur):
        answers = read.column(index)
        nrr = Fraction(sum(answers), n)
        converted = nrr * the_rules.conversion
        score = Score.rounded(converted)
        band = _band_of(the_rules, score.value)
        following = _next_band(the_rules.bands, band)
        unsur.append(
            UnsurResult(
                element,
                nrr,
                tuple(answers.count(a) for a in range(low, high + 1)),
                converted,
                score,
                band,
                None if following is None else following.lower - score.value,
            )
        )
    index_value = sum((u.nrr * w for u in unsur), Fraction(0))
    converted = index_value * the_rules.conversion
    score = Score.rounded(converted)
    return IkmResult(
        the_rules,
        n,
        w,
        tuple(unsur),
        index_value,
        converted,
        score,
        _band_of(the_rules, score.value),
    )


def mutu(value: object, /, *, rules: SkmRules | str = DEFAULT_REGULATION) -> IndexBand:
    """Return the mutu band of a converted IKM value (IKM × 25) someone already has.

    The value is rounded half-up to two decimals first, then read on the regulation's bands,
    bounds inclusive: for 2017 A 88.31–100.00, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99.
    Not on the 1–4 scale: the regulation's NI bounds leave gaps.

    Raises:
        InvalidArgumentError: not a number, or outside 25.00–100.00; unknown rules.

    >>> mutu("76.60").name(), mutu(Score("76.61")).name("en")
    ('C (Kurang Baik)', 'B (Good)')
    >>> mutu("81.25", rules="kep-25-2004").grade, mutu("81.26", rules="kep-25-2004").grade
    ('B', 'A')
    """
    the_rules = skm_rules(rules)
    expected = (
        f"a converted IKM value from {the_rules.lowest} to {the_rules.bands[-1].upper} (IKM × "
        f"{the_rules.conversion})"
    )
    number = (
        Fraction(value.value)
        if isinstance(value, Score)
        else exact_number(value, "value", expected)
    )
    if not the_rules.lowest <= number <= the_rules.bands[-1].upper:
        raise InvalidArgumentError("value", value, expected)
    return _band_of(the_rules, half_up(number))


_KM_CHI_SQUARE: Final = Fraction(3841, 1000)
_KM_P: Final = Fraction(1, 2)
_KM_D: Final = Fraction(5, 100)


@attrs.frozen
class SampleSize:
    """How many respondents a survey of ``population`` service users needs, and by what method.

    ``exact`` is the formula's value before rounding; ``respondents`` it rounded half-up.
    """

    population: int = attrs.field(validator=instance(int))
    respondents: int = attrs.field(validator=instance(int))
    exact: Fraction = attrs.field(validator=instance(Fraction))
    method: str = attrs.field(default="krejcie-morgan-1970")

    FORMULA: Final = (
        "s = χ² N P (1 − P) / (d² (N − 1) + χ² P (1 − P)), χ² = 3.841, P = 0.5, d = 0.05"
    )

    def note(self, lang: Lang = "id") -> str:
        """Name the method, and say that the regulation's own requirement must be checked."""
        if check_lang(lang) == "en":
            return (
                "Krejcie and Morgan (1970), the table public SKM tools use; whether the "
                "regulation prescribes it is uncertain: check its own requirement."
            )
        return (
            "Krejcie dan Morgan (1970), tabel yang dipakai aplikasi SKM publik; apakah "
            "peraturan mewajibkannya belum pasti: periksa ketentuan peraturan itu sendiri."
        )


def sample_size(population: int, /) -> SampleSize:
    """The respondents needed for ``population`` users, by the Krejcie–Morgan formula.

    :attr:`SampleSize.FORMULA` is the formula behind the Krejcie and Morgan (1970) table
    that public SKM tools use (95 % confidence, 5 % margin, P = 0.5), rounded half-up. Whether
    PermenPANRB 14/2017 prescribes it is uncertain: check the regulation's own requirement.

    Raises:
        InvalidArgumentError: not a whole number (``int`` or ``numpy.int64``) of at least 1.

    >>> [sample_size(n).respondents for n in (10, 100, 1000, 10_000, 1_000_000)]
    [10, 80, 278, 370, 384]
    """
    expected = "a whole number of service users, at least 1"
    size = exact_int(population)
    if size is None or size < 1:
        raise InvalidArgumentError("population", population, expected)
    spread = _KM_CHI_SQUARE * _KM_P * (1 - _KM_P)
    exact = spread * size / (_KM_D**2 * (size - 1) + spread)
    return SampleSize(size, int(half_up(exact, 0)), exact)


def __dir__() -> list[str]:
    return list(__all__)
