"""The value types of an assessment instrument: dimensions, variables, indicators, evidence.

Every type validates itself when it is built (one checked construction path), so a shipped
table or a user's file that breaks a rule fails with an opinipp error naming the value.

>>> from decimal import Decimal
>>> w = Weight(Decimal("12.22"), Provenance.PUBLIC_READING, source="[R56]")
>>> str(w)
'12.22 % (one public reading [R56])'
>>> Scale(0, 3).points
3
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from html import escape
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from opinipp._checks import as_list, exact_decimal, exact_int, exact_text
from opinipp._indices import check_lang, optional_text, plain_int, text_check
from opinipp.errors import InvalidArgumentError
from opinipp.rules import Dimension as DimensionKey

if TYPE_CHECKING:
    from opinipp.rules import Lang

__all__ = [
    "Dimension",
    "Evidence",
    "Indicator",
    "Instrument",
    "Provenance",
    "Scale",
    "Variable",
    "Weight",
]

_HUNDRED: Final = Decimal(100)


class Provenance(str, Enum):
    """Where a figure of an instrument comes from.

    ``OFFICIAL``: an Ombudsman text or presentation; ``PUBLIC_READING``: one public copy or
    reading that no official text confirms; ``ASSUMED``: an assumption opinipp documents
    (for example equal weights); ``SUPPLIED``: given by the user (a weight table loaded with
    :func:`~opinipp.instruments.read_weights`).

    >>> Provenance.PUBLIC_READING.label("en"), Provenance.ASSUMED.label()
    ('one public reading', 'asumsi')
    """

    OFFICIAL = "official"
    PUBLIC_READING = "one public reading"
    ASSUMED = "assumed"
    SUPPLIED = "supplied"

    def label(self, lang: Lang = "id") -> str:
        """The provenance in words, in Indonesian (default) or English."""
        return self.value if _english(lang) else _PROVENANCE_ID[self]


_PROVENANCE_ID: Final = {
    Provenance.OFFICIAL: "resmi",
    Provenance.PUBLIC_READING: "satu bacaan publik",
    Provenance.ASSUMED: "asumsi",
    Provenance.SUPPLIED: "diberikan pengguna",
}


def _english(lang: object) -> bool:
    return check_lang(lang) == "en"


def _instance(cls: str, kind: type, expected: str, *, optional: bool = False) -> Any:  # noqa: ANN401
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind) or (kind is int and type(value) is not int):
            raise InvalidArgumentError(f"{cls}.{attribute.name}", value, expected)

    return check


T = TypeVar("T")


def as_tuple(value: object, where: str, kind: type[T], expected: str) -> tuple[T, ...]:
    """``value``'s items as a tuple, each checked to be a ``kind`` (internal)."""
    items = tuple(as_list(value, where, expected))
    for item in items:
        if not isinstance(item, kind):
            raise InvalidArgumentError(where, item, expected)
    return items


def _percent(value: object) -> Decimal:
    exact = exact_decimal(value)
    if exact is not None:
        return exact
    given = exact_text(value) if not isinstance(value, int) else exact_int(value)
    if given is not None:
        try:
            return Decimal(given)
        except ArithmeticError:
            pass
    raise InvalidArgumentError("Weight.percent", value, "a percentage (Decimal, int or text)")


@attrs.frozen(repr=False)
class Weight:
    """A known weight in percent, with where it comes from.

    ``percent`` is a positive exact :class:`~decimal.Decimal` up to 100. An unknown weight is
    not a Weight: the field that would hold it is ``None``.

    >>> Weight("21.85", Provenance.OFFICIAL, source="[R54][R55]").percent
    Decimal('21.85')
    >>> Weight("0", Provenance.OFFICIAL)
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid Weight.percent Decimal('0'): expected ...
    """

    percent: Decimal = attrs.field(converter=_percent)
    provenance: Provenance = attrs.field(validator=_instance("Weight", Provenance, "a Provenance"))
    source: str | None = attrs.field(
        default=None, converter=optional_text, validator=text_check("Weight", optional=True)
    )

    def __attrs_post_init__(self) -> None:
        p = self.percent
        if not p.is_finite() or p <= 0 or p > _HUNDRED:
            raise InvalidArgumentError("Weight.percent", p, "a positive percentage of at most 100")

    def describe(self, lang: Lang = "id") -> str:
        """The weight with its provenance: ``'12.22 % (one public reading [R56])'``."""
        where = self.provenance.label(lang)
        if self.source:
            where += f" {self.source}"
        return f"{self.percent} % ({where})"

    def __str__(self) -> str:
        return self.describe("en")

    def __repr__(self) -> str:
        return f"Weight({str(self.percent)!r}, {self.provenance.name})"


_MAX_LOW: Final = 1_000_000
"""The largest bottom of a scale, either side of 0 (a scale has at most 1000 points)."""


@attrs.frozen(repr=False)
class Scale:
    """The whole-number points an indicator is scored on, ``low`` to ``high``.

    >>> Scale(0, 3).points, Scale(0, 3, Provenance.ASSUMED).provenance.value
    (3, 'assumed')
    >>> Scale(2, 2)
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid Scale.high 2: expected a whole number above 2
    """

    low: int = attrs.field(
        converter=plain_int, validator=_instance("Scale", int, "a whole number (int)")
    )
    high: int = attrs.field(
        converter=plain_int, validator=_instance("Scale", int, "a whole number (int)")
    )
    provenance: Provenance = attrs.field(
        default=Provenance.OFFICIAL, validator=_instance("Scale", Provenance, "a Provenance")
    )
    source: str | None = attrs.field(
        default=None, converter=optional_text, validator=text_check("Scale", optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if not -_MAX_LOW <= self.low <= _MAX_LOW:
            raise InvalidArgumentError(
                "Scale.low", self.low, f"a whole number from {-_MAX_LOW} to {_MAX_LOW}"
            )
        if self.high <= self.low:
            raise InvalidArgumentError("Scale.high", self.high, f"a whole number above {self.low}")
        if self.high - self.low > 1000:
            raise InvalidArgumentError("Scale.high", self.high, "at most 1000 points above low")

    @property
    def points(self) -> int:
        """How many one-point steps lead from the bottom to the top."""
        return self.high - self.low

    def __repr__(self) -> str:
        return f"Scale({self.low}, {self.high}, {self.provenance.name})"


@attrs.frozen
class Evidence:
    """One document or photo a locus shows for an indicator, numbered within it.

    >>> Evidence(1, "Dokumen Renstra/Renja", required=True).required
    True
    """

    number: int = attrs.field(
        converter=plain_int, validator=_instance("Evidence", int, "a whole number (int)")
    )
    name: str = attrs.field(converter=optional_text, validator=text_check("Evidence"))
    required: bool = attrs.field(
        default=True, kw_only=True, validator=_instance("Evidence", bool, "True or False")
    )

    def __attrs_post_init__(self) -> None:
        if self.number < 1:
            raise InvalidArgumentError("Evidence.number", self.number, "a whole number from 1")


def _evidence(value: object) -> tuple[Evidence, ...]:
    return as_tuple(value, "Indicator.evidence", Evidence, "Evidence items")


@attrs.frozen(repr=False)
class Indicator:
    """One scored indicator: its code, name (``None`` where no source names it), scale, weight.

    ``weight`` is the indicator's weight *within its dimension* where a source gives it, else
    ``None`` (unknown, never filled silently). ``secondary`` marks secondary data that a locus
    cannot prepare evidence for (the Output indicators of the 2026 checklist);
    ``secondary_reason`` says why.

    >>> i = Indicator("PR-01", "Persyaratan", Scale(0, 3))
    >>> i.code, i.weight, i.secondary
    ('PR-01', None, False)
    """

    code: str = attrs.field(converter=optional_text, validator=text_check("Indicator"))
    name: str | None = attrs.field(
        converter=optional_text, validator=text_check("Indicator", optional=True)
    )
    scale: Scale | None = attrs.field(
        validator=_instance("Indicator", Scale, "a Scale or None", optional=True)
    )
    weight: Weight | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_instance("Indicator", Weight, "a Weight or None", optional=True),
    )
    evidence: tuple[Evidence, ...] = attrs.field(default=(), kw_only=True, converter=_evidence)
    secondary: bool = attrs.field(
        default=False, kw_only=True, validator=_instance("Indicator", bool, "True or False")
    )
    secondary_reason: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text,
        validator=text_check("Indicator", optional=True),
    )
    note: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text,
        validator=text_check("Indicator", optional=True),
    )

    def __attrs_post_init__(self) -> None:
        if self.code != self.code.strip():
            raise InvalidArgumentError(
                "Indicator.code", self.code, "a code without spaces around it"
            )
        numbers = [e.number for e in self.evidence]
        if len(set(numbers)) != len(numbers):
            raise InvalidArgumentError(
                "Indicator.evidence", numbers, f"each evidence number once in {self.code}"
            )
        if self.secondary and self.secondary_reason is None:
            raise InvalidArgumentError(
                "Indicator.secondary_reason", None, "a reason for secondary-data indicators"
            )

    @property
    def required_evidence(self) -> tuple[Evidence, ...]:
        """The evidence items marked required."""
        return tuple(e for e in self.evidence if e.required)

    def title(self) -> str:
        """The code and name, or the code and "(name unknown)"."""
        return f"{self.code} {self.name}" if self.name else f"{self.code} (name unknown)"

    def __repr__(self) -> str:
        return f"Indicator({self.code!r}, {self.name!r})"


def _indicators(value: object) -> tuple[Indicator, ...]:
    return as_tuple(value, "Variable.indicators", Indicator, "Indicator objects")


@attrs.frozen(repr=False)
class Variable:
    """A group of indicators within a dimension (``name`` ``None`` where unknown).

    A variable without indicators is one whose indicators no source lists (2015, 2024).

    >>> Variable("Kompetensi Pelaksana", ()).indicators
    ()
    """

    name: str | None = attrs.field(
        converter=optional_text, validator=text_check("Variable", optional=True)
    )
    indicators: tuple[Indicator, ...] = attrs.field(converter=_indicators)
    note: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text,
        validator=text_check("Variable", optional=True),
    )

    def __repr__(self) -> str:
        return f"Variable({self.name!r}, {len(self.indicators)} indicators)"


def _variables(value: object) -> tuple[Variable, ...]:
    return as_tuple(value, "Dimension.variables", Variable, "Variable objects")


@attrs.frozen(repr=False)
class Dimension:
    """A dimension of an instrument: its name, weight in the total score, and variables.

    Not to be confused with :class:`opinipp.rules.Dimension`, the enum of the four dimension
    *names* scored from 2022 on: ``key`` maps this dimension to that enum member (``None``
    for the single list of 2015). ``weight`` is the share of the total score in percent, or
    ``None`` where no source gives it.

    >>> from opinipp.rules import Dimension as Key
    >>> d = Dimension("Input", Key.INPUT, None, ())
    >>> d.key.value, d.weight, d.indicators
    ('input', None, ())
    """

    name: str = attrs.field(converter=optional_text, validator=text_check("Dimension"))
    key: DimensionKey | None = attrs.field(
        validator=_instance(
            "Dimension", DimensionKey, "an opinipp.rules.Dimension or None", optional=True
        )
    )
    weight: Weight | None = attrs.field(
        validator=_instance("Dimension", Weight, "a Weight or None", optional=True)
    )
    variables: tuple[Variable, ...] = attrs.field(converter=_variables)
    note: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=optional_text,
        validator=text_check("Dimension", optional=True),
    )

    def __attrs_post_init__(self) -> None:
        known = [i.weight.percent for i in self.indicators if i.weight is not None]
        total = sum(known, Decimal(0))
        if total > _HUNDRED or (len(known) == len(self.indicators) and known and total != _HUNDRED):
            raise InvalidArgumentError(
                "Dimension.variables",
                str(total),
                f"indicator weights within {self.name} summing to 100 % "
                "(at most 100 % while some are unknown)",
            )

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator of the dimension, variable by variable."""
        return tuple(i for v in self.variables for i in v.indicators)

    def __repr__(self) -> str:
        weight = "weight unknown" if self.weight is None else str(self.weight)
        return f"Dimension({self.name!r}, {weight}, {len(self.indicators)} indicators)"


def _years(value: object) -> tuple[int, ...]:
    given = as_list(value, "Instrument.years", "a sequence of years")
    years = tuple(
        int.__index__(y) if isinstance(y, int) and not isinstance(y, bool) else y for y in given
    )
    if not years or any(type(y) is not int for y in years) or list(years) != sorted(set(years)):
        raise InvalidArgumentError("Instrument.years", value, "increasing whole-number years")
    return years


def _texts(value: object) -> tuple[str, ...]:
    items = tuple(
        exact_text(t) for t in as_tuple(value, "Instrument.notes", str, "non-empty texts")
    )
    texts = tuple(t for t in items if t is not None and t.strip())
    if len(texts) != len(items):
        raise InvalidArgumentError("Instrument.notes", value, "non-empty texts")
    return texts


def _dimensions(value: object) -> tuple[Dimension, ...]:
    return as_tuple(value, "Instrument.dimensions", Dimension, "Dimension objects")


@attrs.frozen(repr=False)
class Instrument:
    """The assessment instrument of one or more years, as data.

    ``provenance`` says in a sentence where the structure comes from and ``references`` lists
    the reference keys (``[R55]``) or addresses behind it. ``kepercayaan_weight`` is the
    share of the Kepercayaan Masyarakat survey in the total (2025 round on), or ``None``.
    Indicator codes are unique across the instrument; known dimension weights, with the
    Kepercayaan Masyarakat share, sum to 100 % (at most 100 % while some are unknown).

    >>> from opinipp.instruments import instrument_for
    >>> i = instrument_for(2023)
    >>> i.years, [d.name for d in i.dimensions], len(i.indicators)
    ((2022, 2023), ['Input', 'Proses', 'Output', 'Pengaduan'], 37)
    >>> i.indicator("IN-01").weight
    Weight('12.22', PUBLIC_READING)
    """

    years: tuple[int, ...] = attrs.field(converter=_years)
    name: str = attrs.field(converter=optional_text, validator=text_check("Instrument"))
    dimensions: tuple[Dimension, ...] = attrs.field(converter=_dimensions)
    provenance: str = attrs.field(converter=optional_text, validator=text_check("Instrument"))
    references: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_texts)
    kepercayaan_weight: Weight | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_instance("Instrument", Weight, "a Weight or None", optional=True),
    )
    notes: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_texts)

    def __attrs_post_init__(self) -> None:
        if not self.dimensions:
            raise InvalidArgumentError("Instrument.dimensions", (), "at least one dimension")
        names = [d.name.casefold() for d in self.dimensions]
        keys = [d.key for d in self.dimensions if d.key is not None]
        if len(set(names)) != len(names) or len(set(keys)) != len(keys):
            raise InvalidArgumentError("Instrument.dimensions", names, "each dimension once")
        codes = [i.code for i in self.indicators]
        seen: set[str] = set()
        for code in codes:
            if code.casefold() in seen:
                raise InvalidArgumentError(
                    "Instrument.dimensions", code, "each indicator code once"
                )
            seen.add(code.casefold())
        shares = [d.weight.percent for d in self.dimensions if d.weight is not None]
        if self.kepercayaan_weight is not None:
            shares.append(self.kepercayaan_weight.percent)
        total = sum(shares, Decimal(0))
        complete = len(shares) == len(self.dimensions) + (self.kepercayaan_weight is not None)
        if total > _HUNDRED or (complete and total != _HUNDRED):
            raise InvalidArgumentError(
                "Instrument.dimensions",
                str(total),
                "dimension weights (with Kepercayaan Masyarakat) summing to 100 % "
                "(at most 100 % while some are unknown)",
            )

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, dimension by dimension."""
        return tuple(i for d in self.dimensions for i in d.indicators)

    def indicator(self, code: str) -> Indicator:
        """Return the indicator with ``code`` (case-insensitive), or raise naming the codes.

        >>> from opinipp.instruments import instrument_for
        >>> instrument_for(2026).indicator("out-03").name
        'Indeks Kepuasan Masyarakat (IKM)'
        """
        found = self.find_indicator(code)
        if found is None:
            raise InvalidArgumentError("indicator code", code, f"one of {self.code_list()}")
        return found

    def find_indicator(self, code: object) -> Indicator | None:
        """Return the indicator with ``code`` (case-insensitive), or ``None``."""
        text = exact_text(code)
        if text is None:
            return None
        key = text.strip().casefold()
        for indicator in self.indicators:
            if indicator.code.casefold() == key:
                return indicator
        return None

    def dimension_of(self, indicator: Indicator) -> Dimension:
        """Return the dimension that holds ``indicator``."""
        for dimension in self.dimensions:
            if indicator in dimension.indicators:
                return dimension
        raise InvalidArgumentError("indicator", indicator, f"an indicator of {self.name!r}")

    def find_dimension(self, text: object) -> Dimension | None:
        """Return the dimension named ``text`` (its name or key, case-insensitive), or ``None``.

        >>> from opinipp.instruments import instrument_for
        >>> instrument_for(2023).find_dimension("PROSES").weight.percent
        Decimal('32.37')
        """
        if isinstance(text, DimensionKey):
            return next((d for d in self.dimensions if d.key is text), None)
        given = exact_text(text)
        if given is None:
            return None
        key = " ".join(given.split()).casefold()
        for dimension in self.dimensions:
            if key in (dimension.name.casefold(), getattr(dimension.key, "value", None)):
                return dimension
        return None

    def code_list(self) -> str:
        """The indicator codes as text for messages (the first eight and how many)."""
        codes = [i.code for i in self.indicators]
        shown = ", ".join(codes[:8])
        return (
            shown + (f" … ({len(codes)} codes)" if len(codes) > 8 else "") if codes else "no codes"
        )

    def covers(self, year: object) -> bool:
        """Return whether this instrument is the one of ``year``."""
        whole = exact_int(year)
        return whole is not None and whole in self.years

    def tree(self, lang: Lang = "id") -> list[str]:
        r"""The instrument as indented lines: dimensions, variables, indicators, weights.

        >>> from opinipp.instruments import instrument_for
        >>> print("\n".join(instrument_for(2024).tree("en")[:3]))
        Instrument 2024: ...
        provenance: ...
        Input: weight unknown
        """
        english = _english(lang)
        unknown = "weight unknown" if english else "bobot tidak diketahui"
        years = ", ".join(str(y) for y in self.years)
        lines = [
            f"{'Instrument' if english else 'Instrumen'} {years}: {self.name}",
            f"{'provenance' if english else 'asal'}: {self.provenance}"
            + (f" {''.join(self.references)}" if self.references else ""),
        ]
        for dimension in self.dimensions:
            weight = unknown if dimension.weight is None else dimension.weight.describe(lang)
            lines.append(f"{dimension.name}: {weight}")
            for variable in dimension.variables:
                name = variable.name or (
                    "(variable name unknown)" if english else "(nama variabel tidak diketahui)"
                )
                lines.append(f"  {name}")
                for indicator in variable.indicators:
                    w = unknown if indicator.weight is None else indicator.weight.describe(lang)
                    scale = (
                        ""
                        if indicator.scale is None
                        else f", {indicator.scale.low}–{indicator.scale.high}"
                    )
                    extra = (
                        " [data sekunder]"
                        if indicator.secondary and not english
                        else (" [secondary data]" if indicator.secondary else "")
                    )
                    lines.append(f"    {indicator.title()}{scale}; {w}{extra}")
        if self.kepercayaan_weight is not None:
            lines.append(f"Kepercayaan Masyarakat: {self.kepercayaan_weight.describe(lang)}")
        lines.extend(f"{'note' if english else 'catatan'}: {n}" for n in self.notes)
        return lines

    def __repr__(self) -> str:
        years = ", ".join(str(y) for y in self.years)
        return (
            f"<Instrument {years}: {len(self.dimensions)} dimensions, "
            f"{len(self.indicators)} indicators; {self.provenance}>"
        )

    def to_html(self, lang: Lang = "id") -> str:
        """The instrument as an HTML table (escaped), with weights and provenance."""
        english = _english(lang)
        heads = (
            ("Dimension", "Variable", "Indicator", "Scale", "Weight")
            if english
            else ("Dimensi", "Variabel", "Indikator", "Skala", "Bobot")
        )
        unknown = "unknown" if english else "tidak diketahui"
        rows = []
        for d in self.dimensions:
            dw = unknown if d.weight is None else d.weight.describe(lang)
            rows.append((f"{d.name} ({dw})", "", "", "", ""))
            for v in d.variables:
                rows.append(("", v.name or "?", "", "", ""))
                for i in v.indicators:
                    scale = "" if i.scale is None else f"{i.scale.low}–{i.scale.high}"
                    w = unknown if i.weight is None else i.weight.describe(lang)
                    rows.append(("", "", i.title(), scale, w))
        head = "".join(f"<th>{escape(h)}</th>" for h in heads)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        years = ", ".join(str(y) for y in self.years)
        caption = escape(f"{self.name} ({years}) — {self.provenance} {''.join(self.references)}")
        return (
            f'<table class="opinipp-instrument"><caption>{caption}</caption>'
            f"<tr>{head}</tr>{body}</table>"
        )

    def _repr_html_(self) -> str:
        return self.to_html("id")


def __dir__() -> list[str]:
    return list(__all__)
