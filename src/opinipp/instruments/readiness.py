"""Readiness of a locus: the required evidence present, per indicator and dimension.

As the evidence trackers of local offices count it: required items present over required
items, per indicator, per dimension and in all. Secondary-data indicators (Output in the
2026 checklist: IPM, SPM, IKM, national priorities) are left out, with the reason, since a
locus cannot prepare evidence for them. Where every indicator weight of a dimension is
known, the dimension also gets a percentage weighted by indicator weight. Percentages are
exact fractions shown rounded half-up to hundredths.

>>> from opinipp.instruments import instrument_for, readiness
>>> i = instrument_for(2026)
>>> r = readiness(i, {"IN-01": [1, 2, 3, 4, 5, 6, 7], "PR-07": range(1, 16)})
>>> r.present, r.required, str(r.percent)
(22, 74, '29.73')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

from opinipp.errors import InvalidArgumentError, NotApplicableError
from opinipp.instruments._model import Dimension, Evidence, Indicator, Instrument, as_tuple
from opinipp.scores import Score

if TYPE_CHECKING:
    from decimal import Decimal

    from opinipp.rules import Lang

__all__ = ["DimensionReadiness", "IndicatorReadiness", "Readiness", "readiness"]


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Score.rounded(Fraction(part * 100, whole)).value


def _nonneg(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError(f"readiness.{attribute.name}", value, "a whole number from 0")


def _missing(value: object) -> tuple[Evidence, ...]:
    return as_tuple(value, "IndicatorReadiness.missing", Evidence, "Evidence items")


def _rows(value: object) -> tuple[IndicatorReadiness, ...]:
    return as_tuple(value, "DimensionReadiness.indicators", IndicatorReadiness, "rows")


def _dimension_rows(value: object) -> tuple[DimensionReadiness, ...]:
    return as_tuple(value, "Readiness.dimensions", DimensionReadiness, "rows")


@attrs.frozen
class IndicatorReadiness:
    """One indicator: required items present, what is missing, or why it is left out.

    >>> from opinipp.instruments import instrument_for, readiness
    >>> r = readiness(instrument_for(2026), {"PR-01": [1]})
    >>> row = r.indicator("PR-01")
    >>> row.present, row.required, [e.name for e in row.missing], str(row.percent)
    (1, 2, ['Foto Ketersediaan Informasi Dasar Hukum (E/NE)'], '50.00')
    """

    indicator: Indicator
    present: int = attrs.field(validator=_nonneg)
    required: int = attrs.field(validator=_nonneg)
    missing: tuple[Evidence, ...] = attrs.field(converter=_missing)
    optional_present: int = attrs.field(default=0, validator=_nonneg)
    excluded: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.present > self.required or len(self.missing) != self.required - self.present:
            raise InvalidArgumentError(
                "IndicatorReadiness.missing", self.missing, "required − present items"
            )

    @property
    def percent(self) -> Decimal | None:
        """Required present / required × 100 (``None``: no required evidence, or excluded)."""
        return None if self.excluded else _pct(self.present, self.required)


@attrs.frozen
class DimensionReadiness:
    """One dimension: its indicators' counts together, plain and weighted where known."""

    dimension: Dimension
    indicators: tuple[IndicatorReadiness, ...] = attrs.field(converter=_rows)

    @property
    def counted(self) -> tuple[IndicatorReadiness, ...]:
        """The indicators counted (not excluded, with required evidence)."""
        return tuple(i for i in self.indicators if i.excluded is None and i.required)

    @property
    def present(self) -> int:
        """Required items present."""
        return sum(i.present for i in self.counted)

    @property
    def required(self) -> int:
        """Required items."""
        return sum(i.required for i in self.counted)

    @property
    def percent(self) -> Decimal | None:
        """Required present / required × 100; ``None`` when nothing is counted."""
        return _pct(self.present, self.required)

    @property
    def weighted_percent(self) -> Decimal | None:
        """The mean of the indicators' percentages weighted by indicator weight.

        ``None`` unless every counted indicator's weight is known.
        """
        counted = self.counted
        if not counted or any(i.indicator.weight is None for i in counted):
            return None
        total = sum(
            (Fraction(i.indicator.weight.percent) for i in counted if i.indicator.weight),
            Fraction(0),
        )
        got = sum(
            (
                Fraction(i.indicator.weight.percent) * Fraction(i.present, i.required)
                for i in counted
                if i.indicator.weight
            ),
            Fraction(0),
        )
        return Score.rounded(got * 100 / total).value


@attrs.frozen(repr=False)
class Readiness:
    """A locus's readiness over an instrument: per dimension, per indicator, in all.

    ``percent`` is required present over required, over the counted indicators (secondary
    data left out, see :attr:`excluded`).
    """

    instrument: Instrument
    dimensions: tuple[DimensionReadiness, ...] = attrs.field(converter=_dimension_rows)

    @property
    def present(self) -> int:
        """Required items present, in all."""
        return sum(d.present for d in self.dimensions)

    @property
    def required(self) -> int:
        """Required items, in all (secondary data left out)."""
        return sum(d.required for d in self.dimensions)

    @property
    def percent(self) -> Decimal | None:
        """Required present / required × 100, rounded half-up to hundredths."""
        return _pct(self.present, self.required)

    @property
    def excluded(self) -> tuple[tuple[str, str], ...]:
        """The indicators left out, with the reason: ``(code, reason)``."""
        return tuple(
            (i.indicator.code, i.excluded)
            for d in self.dimensions
            for i in d.indicators
            if i.excluded
        )

    @property
    def missing(self) -> tuple[tuple[str, Evidence], ...]:
        """Every required item not present: ``(indicator code, evidence)``."""
        return tuple(
            (i.indicator.code, e) for d in self.dimensions for i in d.indicators for e in i.missing
        )

    def indicator(self, code: str) -> IndicatorReadiness:
        """The row of the indicator with ``code``."""
        wanted = self.instrument.indicator(code)
        return next(i for d in self.dimensions for i in d.indicators if i.indicator == wanted)

    def lines(self, lang: Lang = "id") -> list[str]:
        """The readiness as text lines: in all, per dimension, the missing items."""
        english = lang == "en"
        if lang not in ("id", "en"):
            raise InvalidArgumentError("lang", lang, "'id' or 'en'")
        word = "readiness" if english else "kesiapan"
        lines = [f"{word}: {self.present}/{self.required} ({self.percent} %)"]
        for d in self.dimensions:
            weighted = (
                ""
                if d.weighted_percent is None
                else f", {'weighted' if english else 'tertimbang'} {d.weighted_percent} %"
            )
            pct = "–" if d.percent is None else f"{d.percent} %"
            lines.append(f"  {d.dimension.name}: {d.present}/{d.required} ({pct}){weighted}")
        for code, reason in self.excluded:
            lines.append(f"  {'left out' if english else 'tidak dihitung'}: {code} ({reason})")
        for code, item in self.missing:
            lines.append(
                f"  {'missing' if english else 'belum ada'}: {code} #{item.number} {item.name}"
            )
        return lines

    def __repr__(self) -> str:
        counts = f"{self.present}/{self.required} ({self.percent} %)"
        return f"<Readiness {counts}, {len(self.missing)} missing>"

    def to_html(self, lang: Lang = "id") -> str:
        """The readiness per dimension as an escaped HTML table, headers in ``lang``."""
        heads = (
            ("Dimension", "Present", "Required", "%")
            if lang == "en"
            else ("Dimensi", "Ada", "Wajib", "%")
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{escape(str(c))}</td>"
                for c in (d.dimension.name, d.present, d.required, d.percent)
            )
            + "</tr>"
            for d in self.dimensions
        )
        head = "".join(f"<th>{h}</th>" for h in heads)
        return f'<table class="opinipp-readiness"><tr>{head}</tr>{rows}</table>'

    def _repr_html_(self) -> str:
        return self.to_html("id")


def _present_numbers(indicator: Indicator, items: object) -> set[int]:
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InvalidArgumentError(
            f"present[{indicator.code!r}]", items, "evidence numbers or names (a list)"
        )
    numbers: set[int] = set()
    for item in items:
        found = None
        if isinstance(item, str):
            key = " ".join(item.split()).casefold()
            found = next(
                (e for e in indicator.evidence if " ".join(e.name.split()).casefold() == key), None
            )
        elif not isinstance(item, bool) and hasattr(item, "__index__"):
            number = item.__index__()
            found = next((e for e in indicator.evidence if e.number == number), None)
        if found is None:
            names = "; ".join(f"{e.number} {e.name}" for e in indicator.evidence) or "none"
            raise InvalidArgumentError(
                f"present[{indicator.code!r}]", item, f"evidence of {indicator.code}: {names}"
            )
        numbers.add(found.number)
    return numbers


def readiness(instrument: Instrument, present: Mapping[str, Iterable[int | str]], /) -> Readiness:
    """Count the required evidence ``present`` per indicator (code → numbers or names).

    Indicators not in ``present`` have nothing present. Accepts what
    :func:`~opinipp.instruments.read_evidence` returns.

    Raises:
        NotApplicableError: the instrument lists no evidence (before the 2026 checklist).
        InvalidArgumentError: an unknown code or evidence item.

    >>> from opinipp.instruments import instrument_for
    >>> r = readiness(instrument_for(2026), {})
    >>> r.required, r.excluded[0]
    (74, ('OUT-01', 'secondary data: IPM from BPS'))
    """
    if not isinstance(instrument, Instrument):
        raise InvalidArgumentError("instrument", instrument, "an Instrument")
    if not any(i.evidence for i in instrument.indicators):
        raise NotApplicableError(
            "readiness", instrument.years[-1], "this instrument lists no evidence items"
        )
    if not isinstance(present, Mapping):
        raise InvalidArgumentError("present", present, "a mapping of indicator code to evidence")
    given: dict[str, set[int]] = {}
    for code, items in present.items():
        indicator = instrument.find_indicator(code)
        if indicator is None:
            raise InvalidArgumentError("indicator code", code, f"one of {instrument.code_list()}")
        given.setdefault(indicator.code, set()).update(_present_numbers(indicator, items))
    dimensions = []
    for d in instrument.dimensions:
        rows = []
        for i in d.indicators:
            have = given.get(i.code, set())
            required = i.required_evidence
            if i.secondary:
                rows.append(
                    IndicatorReadiness(i, 0, 0, (), 0, i.secondary_reason or "secondary data")
                )
                continue
            rows.append(
                IndicatorReadiness(
                    i,
                    sum(e.number in have for e in required),
                    len(required),
                    tuple(e for e in required if e.number not in have),
                    sum(e.number in have for e in i.evidence if not e.required),
                )
            )
        dimensions.append(DimensionReadiness(d, rows))
    return Readiness(instrument, dimensions)


def __dir__() -> list[str]:
    return list(__all__)
