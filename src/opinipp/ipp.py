"""PEKPPP: KemenPAN-RB's public-service index (Indeks Pelayanan Publik, IPP), exactly.

Six aspects, each scored 0–5 from its indicators (weighted inside the aspect), are weighted
24/25/18/11/10/12 into the IPP on the 0–5 scale (published 1–5). The value ×20 is computed on
the unrounded IPP; a Pemda's IPP is the mean of its units' *unrounded* values. Only the nine
indicator weights of Kebijakan Pelayanan are known; the other aspects' indicator weights were
not found, so they are ``None`` here and a caller who scores those aspects by indicator must
pass them (or pass the aspect's score directly). The categories A … F are a reconstruction:
no official table was retrieved, and every output says so.

Rounding: the IPP and the ×20 value are rounded half-up to two decimals for display and for
the category; nothing rounded feeds back into a computation.

>>> from decimal import Decimal
>>> result = ipp(
...     {
...         "kebijakan": [5] * 9,
...         "sdm": 4,
...         "sarpras": "4,5",
...         "sipp": 4,
...         "konsultasi": 5,
...         "inovasi": Decimal("3.5"),
...     }
... )
>>> result.value, result.ipp, result.score, result.category.name()
(Fraction(437, 100), Decimal('4.37'), Score('87.40'), 'A- (Sangat Baik; rekonstruksi)')
>>> pemda_ipp([Decimal("4.7349"), Decimal("4.6349"), Decimal("4.6349")]).ipp
Decimal('4.67')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from html import escape
from typing import Any, Final

import attrs

from opinipp._checks import as_list, exact_text
from opinipp._indices import (
    IndexBand,
    Lang,
    Provenance,
    check_bands,
    check_lang,
    exact_number,
    find_band,
    format_decimal,
    half_up,
    instance,
    optional_instance,
    optional_text,
    plain_decimal,
    text_check,
    to_tuple,
)
from opinipp.errors import InvalidArgumentError
from opinipp.scores import Score
from opinipp.skm._types import column_key

__all__ = [
    "DEFAULT_IPP_RULES",
    "Aspect",
    "AspectResult",
    "Indicator",
    "IppResult",
    "IppRules",
    "PemdaIpp",
    "category",
    "ipp",
    "pemda_ipp",
]

_HUNDRED: Final = Fraction(100)


def _weight(owner: str, *, optional: bool) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if not isinstance(value, Decimal) or not value.is_finite() or not 0 < value <= 100:
            expected = "a percentage in (0, 100] as a Decimal" + (" or None" if optional else "")
            raise InvalidArgumentError(f"{owner}.{attribute.name}", value, expected)

    return check


@attrs.frozen
class Indicator:
    """One indicator of an aspect, scored 0–5, with its weight inside the aspect (percent).

    ``name``/``name_en`` and ``weight`` are ``None`` where they are not known; ``provenance``
    says where the row comes from.
    """

    code: str = attrs.field(converter=optional_text, validator=text_check("Indicator"))
    name: str | None = attrs.field(
        converter=optional_text, validator=text_check("Indicator", optional=True)
    )
    name_en: str | None = attrs.field(
        converter=optional_text, validator=text_check("Indicator", optional=True)
    )
    weight: Decimal | None = attrs.field(
        converter=plain_decimal, validator=_weight("Indicator", optional=True)
    )
    provenance: Provenance = attrs.field(validator=instance(Provenance))

    def label(self, lang: Lang = "id") -> str:
        """The name in ``lang``, or the code when the name is not shipped."""
        name = self.name_en if check_lang(lang) == "en" else self.name
        return self.code if name is None else name


@attrs.frozen
class Aspect:
    """One aspect of the index, its weight in the IPP (percent) and its indicators.

    The indicator weights are either all known (summing to 100) or all ``None``.

    >>> kp = DEFAULT_IPP_RULES.aspects[0]
    >>> kp.code, kp.weight, len(kp.indicators), kp.weights_known
    ('kebijakan', Decimal('24'), 9, True)
    """

    code: str = attrs.field(converter=optional_text, validator=text_check("Aspect"))
    name: str = attrs.field(converter=optional_text, validator=text_check("Aspect"))
    name_en: str = attrs.field(converter=optional_text, validator=text_check("Aspect"))
    weight: Decimal = attrs.field(
        converter=plain_decimal, validator=_weight("Aspect", optional=False)
    )
    indicators: tuple[Indicator, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        if not self.indicators or not all(isinstance(i, Indicator) for i in self.indicators):
            raise InvalidArgumentError(
                "Aspect.indicators", self.indicators, "a non-empty tuple of Indicator"
            )
        weights = [i.weight for i in self.indicators]
        known = [w for w in weights if w is not None]
        if known and (len(known) != len(weights) or sum(known) != 100):
            raise InvalidArgumentError(
                "Aspect.indicators", weights, "indicator weights all None or all known, sum 100"
            )

    @property
    def weights_known(self) -> bool:
        """Whether the indicator weights of this aspect are known."""
        return self.indicators[0].weight is not None

    def label(self, lang: Lang = "id") -> str:
        """The aspect's name in ``lang``."""
        return self.name_en if check_lang(lang) == "en" else self.name


@attrs.frozen(repr=False)
class IppRules:
    """The PEKPPP instrument: aspects and weights, the indicator scale, the categories."""

    key: str = attrs.field(converter=optional_text, validator=text_check("IppRules"))
    legal_basis: str = attrs.field(converter=optional_text, validator=text_check("IppRules"))
    source: str = attrs.field(converter=optional_text, validator=text_check("IppRules"))
    aspects: tuple[Aspect, ...] = attrs.field(converter=to_tuple)
    bands: tuple[IndexBand, ...] = attrs.field(converter=to_tuple)
    bands_provenance: Provenance = attrs.field(validator=instance(Provenance))
    conversion: int = attrs.field(default=20, kw_only=True, validator=instance(int))
    notes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.aspects or not all(isinstance(a, Aspect) for a in self.aspects):
            raise InvalidArgumentError("IppRules.aspects", self.aspects, "Aspect objects")
        if sum(a.weight for a in self.aspects) != 100:
            raise InvalidArgumentError(
                "IppRules.aspects", [a.weight for a in self.aspects], "weights summing to 100"
            )
        codes = [column_key(a.code) for a in self.aspects]
        if len(set(codes)) != len(codes) or codes != [a.code for a in self.aspects]:
            raise InvalidArgumentError("IppRules.aspects", codes, "distinct lowercase codes")
        if not all(isinstance(b, IndexBand) for b in self.bands):
            raise InvalidArgumentError("IppRules.bands", self.bands, "IndexBand objects")
        check_bands("IppRules", self.bands, Decimal("0.00"), Decimal("5.00"))

    def aspect(self, name: object) -> Aspect:
        """The aspect named by its code or name (any case and spacing).

        >>> DEFAULT_IPP_RULES.aspect("Profesionalisme SDM").code
        'sdm'
        """
        text = exact_text(name)
        key = column_key(text) if text is not None else None
        for a in self.aspects:
            if key in (a.code, column_key(a.name), column_key(a.name_en)):
                return a
        choices = ", ".join(repr(a.code) for a in self.aspects)
        raise InvalidArgumentError("aspect", name, f"one of {choices} (or an aspect's name)")

    def __repr__(self) -> str:
        return f"<IppRules {self.key}: {len(self.aspects)} aspects, {self.legal_basis}>"


# --- The table ---------------------------------------------------------------------------


def _kp(number: int, name: str, name_en: str, weight: int) -> Indicator:
    return Indicator(f"KP-{number}", name, name_en, Decimal(weight), Provenance.PUBLIC_READING)


def _unnamed(prefix: str, count: int) -> tuple[Indicator, ...]:
    return tuple(
        Indicator(f"{prefix}-{i}", None, None, None, Provenance.NOT_RETRIEVED)
        for i in range(1, count + 1)
    )


def _band(lower: str, upper: str, grade: str, label: str, label_en: str) -> IndexBand:
    return IndexBand(
        lower=lower,
        upper=upper,
        grade=grade,
        label=label,
        label_en=label_en,
        provenance=Provenance.RECONSTRUCTION,
    )


DEFAULT_IPP_RULES: Final = IppRules(
    key="pekppp-2023",
    legal_basis=(
        "UU 25/2009 art. 7(3)(c); PermenPANRB 29/2022 as amended by 4/2023; Pedoman MenPANRB "
        "5/2023 (replacing 1/2022)"
    ),
    source="[R125][R126][R127][R128][R129][R130][R131][R132][R134]",
    aspects=(
        Aspect(
            "kebijakan",
            "Kebijakan Pelayanan",
            "Service policy",
            Decimal(24),
            (
                _kp(1, "Standar Pelayanan tersedia", "Service standard in place", 17),
                _kp(
                    2, "Standar Pelayanan melibatkan masyarakat", "Standard set with the public", 14
                ),
                _kp(3, "Media publikasi", "Publication media", 7),
                _kp(4, "Peninjauan ulang Standar Pelayanan", "Review of the standard", 14),
                _kp(5, "Maklumat pelayanan", "Service pledge (maklumat)", 10),
                _kp(6, "SKM sesuai PermenPANRB", "SKM as the PermenPANRB prescribes", 17),
                _kp(7, "Publikasi hasil SKM", "Publication of the SKM results", 7),
                _kp(8, "Persentase tindak lanjut hasil SKM", "Share of SKM results acted on", 7),
                _kp(9, "Kecepatan tindak lanjut", "Speed of the follow-up", 7),
            ),
        ),
        Aspect(
            "sdm", "Profesionalisme SDM", "Staff professionalism", Decimal(25), _unnamed("SDM", 5)
        ),
        Aspect(
            "sarpras",
            "Sarana Prasarana",
            "Facilities and infrastructure",
            Decimal(18),
            _unnamed("SARPRAS", 6),
        ),
        Aspect(
            "sipp",
            "Sistem Informasi Pelayanan Publik",
            "Public-service information system",
            Decimal(11),
            _unnamed("SIPP", 4),
        ),
        Aspect(
            "konsultasi",
            "Konsultasi dan Pengaduan",
            "Consultation and complaints",
            Decimal(10),
            _unnamed("KONSULTASI", 4),
        ),
        Aspect("inovasi", "Inovasi", "Innovation", Decimal(12), _unnamed("INOVASI", 2)),
    ),
    bands=(
        _band("0.00", "1.00", "F", "Gagal", "Failed"),
        _band("1.01", "1.50", "E", "Sangat Buruk", "Very poor"),
        _band("1.51", "2.00", "D", "Buruk", "Poor"),
        _band("2.01", "2.50", "C-", "Cukup (dengan catatan)", "Fair (with notes)"),
        _band("2.51", "3.00", "C", "Cukup", "Fair"),
        _band("3.01", "3.50", "B-", "Baik (dengan catatan)", "Good (with notes)"),
        _band("3.51", "4.00", "B", "Baik", "Good"),
        _band("4.01", "4.50", "A-", "Sangat Baik", "Very good"),
        _band("4.51", "5.00", "A", "Pelayanan Prima", "Excellent service"),
    ),
    bands_provenance=Provenance.RECONSTRUCTION,
    notes=(
        (
            "Aspect weights 24/25/18/11/10/12 [R125][R126][R127][R130]; Kebijakan Pelayanan's nine "
            "indicator weights (17, 14, 7, 14, 10, 17, 7, 7, 7) from the instrument decks."
        ),
        (
            "The other aspects have 5, 6, 4, 4 and 2 indicators; their names are in a public "
            "source that is not shipped here, and their weights were not found: they are None "
            "and must be passed to score those aspects by indicator."
        ),
        (
            "Categories: the official table was not retrieved. The bounds are a reconstruction, "
            "consistent with every published case (4.02 A-, 3.34 B-, 3.68 B [R134]; 4.61, 4.67, "
            "4.74 A, Pelayanan Prima [R131][R132]); [R133] calls 4.67 'A (sangat baik)'."
        ),
    ),
)
"""The PEKPPP instrument of PermenPANRB 29/2022 as amended by 4/2023 (Pedoman 5/2023)."""


# --- Results -----------------------------------------------------------------------------


class _IppValue:
    """The figures derived from an exact IPP value: rounded IPP, ×20 value, category."""

    rules: IppRules
    value: Fraction

    @property
    def ipp(self) -> Decimal:
        """The IPP rounded half-up to two decimals, as published (``4.67``)."""
        return half_up(self.value)

    @property
    def score(self) -> Score:
        """The IPP ×20 computed on the unrounded value, rounded half-up to two decimals."""
        return Score.rounded(self.value * self.rules.conversion)

    @property
    def category(self) -> IndexBand:
        """The category of :attr:`ipp` (a reconstruction; see :data:`DEFAULT_IPP_RULES`)."""
        return _category_of(self.rules, self.ipp)

    def summary(self, lang: Lang = "id") -> str:
        """One line: the IPP, the ×20 value and the category, marked as reconstructed.

        >>> pemda_ipp(["4.02", "3.34"]).summary("en")
        'IPP 3.68 (×20: 73.60): B (Good; reconstructed)'
        """
        ipp_text = format_decimal(self.ipp, lang)
        return f"IPP {ipp_text} (×20: {self.score.format(lang)}): {self.category.name(lang)}"


def _category_of(rules: IppRules, value: Decimal) -> IndexBand:
    band = find_band(rules.bands, value)
    if band is None:  # pragma: no cover - the bands cover 0.00–5.00 and values are checked
        raise InvalidArgumentError("value", value, "an IPP from 0.00 to 5.00")
    return band


@attrs.frozen
class AspectResult:
    """The score of one aspect (0–5, exact), with the indicator values and weights it used.

    ``indicators`` and ``weights`` are ``None`` when the aspect's score was given directly;
    ``weights_given`` says whether the caller supplied the indicator weights.
    """

    aspect: Aspect = attrs.field(validator=instance(Aspect))
    score: Fraction = attrs.field(validator=instance(Fraction))
    indicators: tuple[Fraction, ...] | None = attrs.field(
        default=None, validator=optional_instance(tuple)
    )
    weights: tuple[Fraction, ...] | None = attrs.field(
        default=None, validator=optional_instance(tuple)
    )
    weights_given: bool = attrs.field(default=False, validator=instance(bool))


@attrs.frozen(repr=False)
class IppResult(_IppValue):
    """The IPP of one unit: aspect scores, the exact IPP, and (derived) IPP, ×20 and category."""

    rules: IppRules = attrs.field(validator=instance(IppRules))
    aspects: tuple[AspectResult, ...] = attrs.field(converter=to_tuple)
    value: Fraction = attrs.field(validator=instance(Fraction))

    def __attrs_post_init__(self) -> None:
        if not all(isinstance(a, AspectResult) for a in self.aspects) or [
            a.aspect for a in self.aspects
        ] != list(self.rules.aspects):
            raise InvalidArgumentError(
                "IppResult.aspects", self.aspects, "one AspectResult per aspect, in order"
            )
        weighted = sum((a.score * Fraction(a.aspect.weight) for a in self.aspects), Fraction(0))
        if self.value != weighted / _HUNDRED:
            raise InvalidArgumentError("IppResult.value", self.value, "the weighted aspect scores")

    def to_html(self, lang: Lang = "id") -> str:
        """An HTML table of the aspects and the index (escaped), headers in ``lang``."""
        english = check_lang(lang) == "en"
        heads = ("Aspect", "Weight", "Score") if english else ("Aspek", "Bobot", "Nilai")
        head = "".join(f"<th>{h}</th>" for h in heads)
        rows = "".join(
            f"<tr><td>{escape(a.aspect.label(lang))}</td><td>{a.aspect.weight}%</td>"
            f"<td>{escape(format_decimal(half_up(a.score), lang))}</td></tr>"
            for a in self.aspects
        )
        return (
            f'<table class="opinipp-ipp"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>'
            f"</table><p><b>{escape(self.summary(lang))}</b></p>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"<IppResult {self.rules.key}: {self.summary('en')}>"


@attrs.frozen(repr=False)
class PemdaIpp(_IppValue):
    """A Pemda's IPP: the mean of its units' unrounded values (``units``, exact)."""

    rules: IppRules = attrs.field(validator=instance(IppRules))
    units: tuple[Fraction, ...] = attrs.field(converter=to_tuple)
    value: Fraction = attrs.field(validator=instance(Fraction))

    def __attrs_post_init__(self) -> None:
        if not self.units or not all(isinstance(u, Fraction) for u in self.units):
            raise InvalidArgumentError("PemdaIpp.units", self.units, "exact unit values (Fraction)")
        if self.value != sum(self.units, Fraction(0)) / len(self.units):
            raise InvalidArgumentError("PemdaIpp.value", self.value, "the mean of the units")

    def __repr__(self) -> str:
        return f"<PemdaIpp {len(self.units)} units: {self.summary('en')}>"


# --- Functions ---------------------------------------------------------------------------

_SCORE_EXPECTED: Final = "a number from 0 to 5"


def _in_scale(value: object, argument: str) -> Fraction:
    number = exact_number(value, argument, _SCORE_EXPECTED)
    if not 0 <= number <= 5:
        raise InvalidArgumentError(argument, value, _SCORE_EXPECTED)
    return number


def _values(given: object, aspect: Aspect, argument: str, kind: str) -> tuple[object, ...]:
    """Indicator values (or weights) as a sequence in indicator order, or a mapping by code."""
    count = len(aspect.indicators)
    expected = (
        f"{count} {kind} (a sequence in order, or a mapping from {aspect.indicators[0].code} …)"
    )
    if isinstance(given, Mapping):
        pairs = list(given.items())
        keys = {column_key(t): v for k, v in pairs if (t := exact_text(k)) is not None}
        codes = [column_key(i.code) for i in aspect.indicators]
        if set(keys) != set(codes) or len(keys) != len(pairs):
            raise InvalidArgumentError(argument, given, expected)
        return tuple(keys[c] for c in codes)
    if not isinstance(given, Sequence):
        raise InvalidArgumentError(argument, given, expected)
    values = as_list(given, argument, expected)
    if len(values) != count:
        raise InvalidArgumentError(argument, given, expected)
    return tuple(values)


def _weights_for(
    aspect: Aspect, weights: Mapping[object, object]
) -> tuple[tuple[Fraction, ...], bool]:
    given = next((v for k, v in weights.items() if _named(k, aspect)), None)
    if aspect.weights_known:
        return tuple(Fraction(i.weight) for i in aspect.indicators if i.weight is not None), False
    argument = f"weights[{aspect.code!r}]"
    if given is None:
        raise InvalidArgumentError(
            argument,
            None,
            f"the {len(aspect.indicators)} indicator weights of {aspect.name} (not published; "
            "pass them, or pass the aspect's score as one number)",
        )
    values = tuple(
        exact_number(v, argument, "a percentage")
        for v in _values(given, aspect, argument, "weights")
    )
    if any(v < 0 for v in values) or sum(values) != _HUNDRED:
        raise InvalidArgumentError(argument, given, "percentages from 0 summing to 100")
    return values, True


def _named(key: object, aspect: Aspect) -> bool:
    text = exact_text(key)
    return text is not None and column_key(text) in (
        aspect.code,
        column_key(aspect.name),
        column_key(aspect.name_en),
    )


def _aspect_result(aspect: Aspect, given: object, weights: Mapping[object, object]) -> AspectResult:
    argument = f"scores[{aspect.code!r}]"
    if isinstance(given, (Mapping, list, tuple)):
        values = tuple(
            _in_scale(v, argument) for v in _values(given, aspect, argument, "indicator scores")
        )
        w, weights_given = _weights_for(aspect, weights)
        score = sum((v * x for v, x in zip(values, w, strict=True)), Fraction(0)) / _HUNDRED
        return AspectResult(aspect, score, values, w, weights_given)
    return AspectResult(aspect, _in_scale(given, argument))


def ipp(
    scores: Mapping[str, object],
    /,
    *,
    rules: IppRules = DEFAULT_IPP_RULES,
    weights: Mapping[str, object] | None = None,
) -> IppResult:
    """Compute a unit's IPP from its aspect or indicator scores, exactly.

    ``scores`` maps each of the six aspects (code or name) to either its score (a number
    0–5, as an evaluation report gives it) or its indicator scores (0–5 each; a sequence in
    indicator order or a mapping from indicator code). An aspect scored by indicators is
    ``Σ score × weight / 100`` over its indicator weights; for the aspects whose weights are
    not published, pass them in ``weights`` (aspect → weights summing to 100). The IPP is
    ``Σ aspect score × aspect weight / 100``.

    Raises:
        InvalidArgumentError: an aspect missing, unknown or given twice; a score outside 0–5
            or not a number; indicator scores of the wrong count; missing, unneeded or bad
            weights.

    >>> r = ipp({"kebijakan": 4, "sdm": 4, "sarpras": 4, "sipp": 4, "konsultasi": 4, "inovasi": 4})
    >>> r.ipp, r.score, r.category.grade
    (Decimal('4.00'), Score('80.00'), 'B')
    >>> ipp(
    ...     {"kebijakan": 5, "sdm": [5] * 5, "sarpras": 4, "sipp": 4, "konsultasi": 4, "inovasi": 4}
    ... )
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid weights['sdm'] None: expected the 5 ...
    """
    if not isinstance(rules, IppRules):
        raise InvalidArgumentError("rules", rules, "an IppRules (DEFAULT_IPP_RULES)")
    if not isinstance(scores, Mapping):
        raise InvalidArgumentError("scores", scores, "a mapping from aspect to score(s)")
    given_weights: object = {} if weights is None else weights
    if not isinstance(given_weights, Mapping):
        raise InvalidArgumentError("weights", weights, "None or a mapping from aspect to weights")
    by_aspect: dict[str, object] = {}
    for key, value in scores.items():
        aspect = rules.aspect(key)
        if aspect.code in by_aspect:
            raise InvalidArgumentError("scores", key, f"each aspect once ({aspect.code} repeated)")
        by_aspect[aspect.code] = value
    for key in given_weights:
        aspect = rules.aspect(key)
        if aspect.weights_known or not isinstance(
            by_aspect.get(aspect.code), (Mapping, list, tuple)
        ):
            raise InvalidArgumentError(
                "weights",
                key,
                "weights only for aspects scored by indicator whose weights are unknown",
            )
    missing = [a.code for a in rules.aspects if a.code not in by_aspect]
    if missing:
        raise InvalidArgumentError(
            "scores", scores, f"a score for every aspect (missing: {missing})"
        )
    results = tuple(_aspect_result(a, by_aspect[a.code], given_weights) for a in rules.aspects)
    value = sum((r.score * Fraction(r.aspect.weight) for r in results), Fraction(0)) / _HUNDRED
    return IppResult(rules, results, value)


def pemda_ipp(
    unit_results: Iterable[IppResult | object], /, *, rules: IppRules = DEFAULT_IPP_RULES
) -> PemdaIpp:
    """A Pemda's IPP: the mean of its units' *unrounded* IPP values.

    ``unit_results`` holds :class:`IppResult` objects or the units' values as numbers (0–5,
    as exact as you have them). Averaging the rounded unit figures can differ by 0.01: Kota
    Madiun's units were published as 4.73, 4.63 and 4.63, whose mean is 4.66, while its IPP
    was published as 4.67 [R132]. The rounded figures sum to 13.99, but each unit may lie up to
    0.005 above its figure: a mean of at least 4.665 (4.67 rounded) needs an unrounded sum of
    at least 13.995, which the units' values reach while each still rounds as published.

    Raises:
        InvalidArgumentError: no units, or a unit that is not an IppResult or a number 0–5.

    >>> pemda_ipp([Decimal("4.02"), Decimal("3.34")]).ipp  # Bojonegoro 2020 [R134]
    Decimal('3.68')
    """
    expected = "an iterable of IppResult or numbers"
    if isinstance(unit_results, Mapping):
        raise InvalidArgumentError("unit_results", unit_results, expected)
    items = as_list(unit_results, "unit_results", expected)
    if not isinstance(rules, IppRules):
        raise InvalidArgumentError("rules", rules, "an IppRules (DEFAULT_IPP_RULES)")
    units = tuple(
        u.value if isinstance(u, IppResult) else _in_scale(u, "unit_results") for u in items
    )
    if not units:
        raise InvalidArgumentError("unit_results", units, "at least one unit")
    return PemdaIpp(rules, units, sum(units, Fraction(0)) / len(units))


def category(value: object, /, *, rules: IppRules = DEFAULT_IPP_RULES) -> IndexBand:
    """The (reconstructed) category of an IPP value 0–5, rounded half-up to two decimals first.

    Raises:
        InvalidArgumentError: not a number, or outside 0–5.

    >>> category("4.50").grade, category("4.505").grade, category(1).name("en")
    ('A-', 'A', 'F (Failed; reconstructed)')
    """
    if not isinstance(rules, IppRules):
        raise InvalidArgumentError("rules", rules, "an IppRules (DEFAULT_IPP_RULES)")
    return _category_of(rules, half_up(_in_scale(value, "value")))


def __dir__() -> list[str]:
    return list(__all__)
