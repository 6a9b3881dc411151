"""The value types of the SKM rule tables: an unsur (survey element) and a regulation's rules.

Each validates itself when built, so a table that breaks a rule (bands with a gap, an
unsur claimed twice) fails at import, once.

>>> from opinipp.skm import skm_rules
>>> rules = skm_rules()
>>> rules.key, len(rules.unsur), rules.weight, rules.conversion
('permenpanrb-14-2017', 9, Fraction(1, 9), 25)
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from opinipp._checks import exact_decimal
from opinipp._indices import (
    IndexBand,
    Lang,
    Provenance,
    check_bands,
    check_lang,
    instance,
    optional_text,
    plain_int,
    text_check,
    texts,
    to_tuple,
)
from opinipp.errors import InvalidArgumentError

__all__ = ["SkmRules", "Unsur", "column_key"]

_FOLD: Final = re.compile(r"[^0-9a-z]+")


def column_key(text: str) -> str:
    """Fold a column header for matching: lowercase letters and digits only.

    >>> column_key(" Sistem, Mekanisme, dan Prosedur "), column_key("U-1")
    ('sistemmekanismedanprosedur', 'u1')
    """
    return _FOLD.sub("", text.casefold())


@attrs.frozen
class Unsur:
    """One element (*unsur*) of the survey, answered by every respondent on the answer scale.

    ``code`` (``"U1"`` …) is the unsur's position in its regulation; ``key`` a short
    lowercase word for column headers. ``name`` is the regulation's name and ``name_en`` our
    English rendering, both ``None`` when the name was not retrieved (``provenance`` says so).

    >>> from opinipp.skm import skm_rules
    >>> u = skm_rules().unsur[8]
    >>> u.code, u.key, u.label(), u.label("en")
    ('U9', 'sarana', 'Sarana dan Prasarana', 'Facilities and infrastructure')
    """

    code: str = attrs.field(converter=optional_text, validator=text_check("Unsur"))
    key: str | None = attrs.field(
        converter=optional_text, validator=text_check("Unsur", optional=True)
    )
    name: str | None = attrs.field(
        converter=optional_text, validator=text_check("Unsur", optional=True)
    )
    name_en: str | None = attrs.field(
        converter=optional_text, validator=text_check("Unsur", optional=True)
    )
    provenance: Provenance = attrs.field(validator=instance(Provenance))

    def __attrs_post_init__(self) -> None:
        if (self.name is None) != (self.name_en is None):
            raise InvalidArgumentError(
                "Unsur.name_en", self.name_en, "an English name exactly when name is given"
            )
        if self.key is not None and column_key(self.key) != self.key:
            raise InvalidArgumentError("Unsur.key", self.key, "lowercase letters and digits")

    def label(self, lang: Lang = "id") -> str:
        """The name in the language asked for, or the code when the name is not known."""
        name = self.name_en if check_lang(lang) == "en" else self.name
        return self.code if name is None else name

    @property
    def headers(self) -> tuple[str, ...]:
        """The folded column headers that name this unsur: code, key and names."""
        texts = (self.code, self.key, self.name, self.name_en)
        return tuple(dict.fromkeys(column_key(t) for t in texts if t))


def _positive_int(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1 <= value <= 100:
        raise InvalidArgumentError(
            f"SkmRules.{attribute.name}", value, "a whole number from 1 to 100"
        )


def _weights(value: object) -> tuple[Decimal, ...]:
    out = []
    for given in to_tuple(value):
        w = exact_decimal(given)
        if w is None or not w.is_finite() or not 0 < w <= 1:
            raise InvalidArgumentError("SkmRules.printed_weights", given, "Decimals in (0, 1]")
        out.append(w)
    return tuple(out)


@attrs.frozen
class SkmRules:
    """The SKM rules of one regulation: its unsur, answer scale, conversion and mutu bands.

    ``IKM = Σ NRR × 1/n`` over the ``n`` unsur (:attr:`weight`, exact), on the answer scale;
    the converted value is ``IKM × conversion``; the mutu is read from ``bands`` on the
    converted value rounded half-up to two decimals. ``printed_weights`` are rounded weights
    that documents print in place of ``1/n`` (usable as an explicit option of
    :func:`~opinipp.skm.ikm`). ``bands_provenance`` and ``notes`` say where the table comes
    from; ``source`` lists reference keys.
    """

    key: str = attrs.field(converter=optional_text, validator=text_check("SkmRules"))
    name: str = attrs.field(converter=optional_text, validator=text_check("SkmRules"))
    legal_basis: str = attrs.field(converter=optional_text, validator=text_check("SkmRules"))
    source: str = attrs.field(converter=optional_text, validator=text_check("SkmRules"))
    unsur: tuple[Unsur, ...] = attrs.field(converter=to_tuple)
    bands: tuple[IndexBand, ...] = attrs.field(converter=to_tuple)
    bands_provenance: Provenance = attrs.field(validator=instance(Provenance))
    answer_min: int = attrs.field(
        default=1, converter=plain_int, validator=_positive_int, kw_only=True
    )
    answer_max: int = attrs.field(
        default=4, converter=plain_int, validator=_positive_int, kw_only=True
    )
    conversion: int = attrs.field(
        default=25, converter=plain_int, validator=_positive_int, kw_only=True
    )
    printed_weights: tuple[Decimal, ...] = attrs.field(default=(), converter=_weights, kw_only=True)
    notes: tuple[str, ...] = attrs.field(default=(), converter=texts, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.unsur or not all(isinstance(u, Unsur) for u in self.unsur):
            raise InvalidArgumentError("SkmRules.unsur", self.unsur, "a non-empty tuple of Unsur")
        codes = [u.code for u in self.unsur]
        if codes != [f"U{i}" for i in range(1, len(codes) + 1)]:
            raise InvalidArgumentError("SkmRules.unsur", codes, "codes U1, U2, … in order")
        seen: dict[str, str] = {}
        for u in self.unsur:
            for header in u.headers:
                if seen.setdefault(header, u.code) != u.code:
                    raise InvalidArgumentError(
                        "SkmRules.unsur", header, "a header naming one unsur only"
                    )
        if self.answer_max <= self.answer_min:
            raise InvalidArgumentError(
                "SkmRules.answer_max", self.answer_max, f"above answer_min {self.answer_min}"
            )
        if not all(isinstance(b, IndexBand) for b in self.bands):
            raise InvalidArgumentError("SkmRules.bands", self.bands, "IndexBand objects")
        low = Decimal(self.answer_min * self.conversion).quantize(Decimal("0.01"))
        high = Decimal(self.answer_max * self.conversion).quantize(Decimal("0.01"))
        check_bands("SkmRules", self.bands, low, high)
        for w in self.printed_weights:
            if w > self.weight:
                raise InvalidArgumentError(
                    "SkmRules.printed_weights", w, f"a rounding down of 1/{len(self.unsur)}"
                )

    @property
    def weight(self) -> Fraction:
        """The exact weight of every unsur, ``1/n``."""
        return Fraction(1, len(self.unsur))

    @property
    def lowest(self) -> Decimal:
        """The lowest converted value (every answer at the bottom of the scale)."""
        return self.bands[0].lower

    def __repr__(self) -> str:
        return f"<SkmRules {self.key}: {len(self.unsur)} unsur, {self.legal_basis}>"


def __dir__() -> list[str]:
    return list(__all__)
