"""What the survey indices share: provenance, graded bands on a two-decimal scale, numbers.

Private to opinipp: :mod:`opinipp.skm` (IKM) and :mod:`opinipp.ipp` (PEKPPP) both grade an
exact value on a two-decimal scale with inclusive bounds, say where each table comes from, and
read the numbers an analyst passes (``int``, ``Decimal``, ``Fraction``, text with a decimal
comma, floats through their shortest repr, NumPy scalars) exactly.

>>> from decimal import Decimal
>>> band = IndexBand(
...     lower="88.31",
...     upper="100.00",
...     grade="A",
...     label="Sangat Baik",
...     label_en="Very good",
...     provenance=Provenance.OFFICIAL,
... )
>>> band.contains(Decimal("88.31")), band.contains(Decimal("88.30"))
(True, False)
>>> exact_number("3,25", "answer"), half_up(Fraction(88305, 1000))
(Fraction(13, 4), Decimal('88.31'))
"""

from __future__ import annotations

import math
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final, Literal, cast

import attrs

from opinipp._checks import as_list, exact_decimal, exact_int, exact_text
from opinipp._numbers import NUMBER_EXPECTED, number_problem, split_number
from opinipp.errors import InvalidArgumentError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "IndexBand",
    "Lang",
    "Provenance",
    "check_bands",
    "check_lang",
    "exact_number",
    "find_band",
    "format_decimal",
    "half_up",
    "instance",
    "is_blank",
    "optional_instance",
    "optional_text",
    "plain_decimal",
    "plain_int",
    "text_check",
    "texts",
    "to_tuple",
]

Lang = Literal["id", "en"]
"""The language of a text: ``"id"`` (Indonesian, the default) or ``"en"``."""

_CENT: Final = Decimal("0.01")
# Numbers an analyst types have a few digits; a longer text or exponent is junk, not data.
_MAX_DIGITS: Final = 40


class Provenance(str, Enum):
    """Where a fact in a rule table comes from.

    >>> Provenance("reconstruction").describe("en")
    'reconstructed (no official table retrieved)'
    """

    OFFICIAL = "official"
    """The regulation's own figure, as the cited sources reproduce it."""
    PUBLIC_READING = "public-reading"
    """One public document's reading, not the regulation's text."""
    RECONSTRUCTION = "reconstruction"
    """Rebuilt from published cases; no official table was retrieved."""
    ASSUMPTION = "assumption"
    """Assumed by opinipp where no source gives the fact."""
    NOT_RETRIEVED = "not-retrieved"
    """Exists in the regulation but was not retrieved; left unknown."""

    def describe(self, lang: Lang = "id") -> str:
        """Say what the provenance means, in Indonesian or English."""
        return _PROVENANCE_WORDS[self][1 if check_lang(lang) == "en" else 0]


_PROVENANCE_WORDS: Final = {
    Provenance.OFFICIAL: ("resmi", "official"),
    Provenance.PUBLIC_READING: ("satu bacaan publik", "one public reading"),
    Provenance.RECONSTRUCTION: (
        "rekonstruksi (tabel resmi tidak diperoleh)",
        "reconstructed (no official table retrieved)",
    ),
    Provenance.ASSUMPTION: ("asumsi", "an assumption"),
    Provenance.NOT_RETRIEVED: ("tidak diperoleh", "not retrieved"),
}


def instance(kind: type | tuple[type, ...]) -> Any:  # noqa: ANN401 - an attrs validator
    """An attrs validator: the field holds a ``kind``, else InvalidArgumentError naming it."""
    names = kind if isinstance(kind, tuple) else (kind,)
    expected = " or ".join(k.__name__ for k in names)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) and bool not in names:
            raise InvalidArgumentError(
                f"{type(instance).__name__}.{attribute.name}", value, f"a {expected}"
            )
        if not isinstance(value, kind):
            raise InvalidArgumentError(
                f"{type(instance).__name__}.{attribute.name}", value, f"a {expected}"
            )

    return check


def optional_instance(kind: type) -> Any:  # noqa: ANN401 - an attrs validator
    """An attrs validator: ``None`` or a ``kind``."""
    inner = instance(kind)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def to_tuple(value: object) -> tuple[Any, ...]:
    """An attrs converter: an iterable (not text) as a tuple, else InvalidArgumentError."""
    return tuple(as_list(value, "a field", "a sequence (a tuple)"))


def optional_text(value: object) -> object:
    """An attrs converter: a ``str`` (of a subclass too) as its plain text; others unchanged.

    The field's validator then checks a plain ``str``, or rejects what is not text.

    >>> class Loud(str):
    ...     pass
    >>> type(optional_text(Loud("A"))).__name__, optional_text(None)
    ('str', None)
    """
    text = exact_text(value)
    return value if text is None else text


def text_check(owner: str, *, optional: bool = False) -> Any:  # noqa: ANN401 - a validator
    """An attrs validator: non-empty plain text (or ``None`` when ``optional``).

    Pair it with ``converter=optional_text``, so that a ``str`` subclass is stored, and
    checked, as its plain text; anything else is an InvalidArgumentError naming
    ``owner.field``.
    """
    expected = "None or non-empty text" if optional else "non-empty text"

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if type(value) is not str or not value.strip():
            raise InvalidArgumentError(f"{owner}.{attribute.name}", value, expected)

    return check


def plain_int(value: object) -> object:
    """An attrs converter: an ``int`` subclass as its plain value; its validator checks types.

    >>> class Lying(int):
    ...     def __index__(self):
    ...         return -1
    >>> plain_int(Lying(4)), type(plain_int(Lying(4))).__name__, plain_int(True), plain_int("4")
    (4, 'int', True, '4')
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return int.__index__(value)
    return value


def plain_decimal(value: object) -> object:
    """An attrs converter: a :class:`~decimal.Decimal` subclass as a plain Decimal, others as given.

    >>> class Lying(Decimal):
    ...     def is_nan(self):
    ...         return False
    >>> plain_decimal(Lying("NaN")).is_nan(), plain_decimal(4)
    (True, 4)
    """
    exact = exact_decimal(value)
    return value if exact is None else exact


def texts(value: object) -> tuple[str, ...]:
    """An attrs converter: an iterable of text as a tuple of plain ``str``.

    A ``str`` subclass becomes its plain text; text that is not an iterable of text raises
    InvalidArgumentError.

    >>> texts(["a note"])
    ('a note',)
    """
    items = to_tuple(value)
    plain = tuple(exact_text(t) for t in items)
    if any(t is None for t in plain):
        raise InvalidArgumentError("a field", value, "a sequence of texts")
    return cast("tuple[str, ...]", plain)


def check_lang(lang: object) -> Lang:
    """Return ``lang`` if it is ``"id"`` or ``"en"``, else raise InvalidArgumentError."""
    text = exact_text(lang)
    if text == "id":
        return "id"
    if text == "en":
        return "en"
    raise InvalidArgumentError("lang", lang, "'id' or 'en'")


def _two_decimals(value: object) -> Decimal:
    expected = "a two-decimal number from 0 to 100"
    text = exact_text(value)
    try:
        number = Decimal(text) if text is not None else exact_decimal(value)
        if (
            number is None
            or not number.is_finite()
            or not 0 <= number <= 100
            or number != number.quantize(_CENT)
        ):
            raise InvalidArgumentError("IndexBand bound", value, expected)
        return number.quantize(_CENT)
    except ArithmeticError:  # text that is no number
        raise InvalidArgumentError("IndexBand bound", value, expected) from None


def _text_or_none(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not str or not value.strip()):
        raise InvalidArgumentError(f"IndexBand.{attribute.name}", value, "None or non-empty text")


def _grade_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or not value.strip():
        raise InvalidArgumentError(f"IndexBand.{attribute.name}", value, "non-empty text")


@attrs.frozen
class IndexBand:
    """One graded range of an index, both bounds inclusive at 0.01.

    ``label`` is the published Indonesian label (``None`` where it was not retrieved) and
    ``label_en`` our English rendering of it; ``provenance`` says where the row comes from.
    """

    lower: Decimal = attrs.field(converter=_two_decimals)
    upper: Decimal = attrs.field(converter=_two_decimals)
    grade: str = attrs.field(converter=optional_text, validator=_grade_text)
    label: str | None = attrs.field(converter=optional_text, validator=_text_or_none)
    label_en: str | None = attrs.field(converter=optional_text, validator=_text_or_none)
    provenance: Provenance = attrs.field(validator=instance(Provenance), kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.upper < self.lower:
            raise InvalidArgumentError(
                "IndexBand.upper", self.upper, f"a bound not below the lower bound {self.lower}"
            )
        if (self.label is None) != (self.label_en is None):
            raise InvalidArgumentError(
                "IndexBand.label_en", self.label_en, "an English label exactly when label is given"
            )

    def contains(self, value: Decimal) -> bool:
        """Return whether the two-decimal ``value`` lies in this band (bounds inclusive)."""
        return self.lower <= value <= self.upper

    def name(self, lang: Lang = "id") -> str:
        """The grade and its label: ``"A (Sangat Baik)"``; marked when reconstructed.

        >>> b = IndexBand(
        ...     lower="4.51",
        ...     upper="5.00",
        ...     grade="A",
        ...     label="Pelayanan Prima",
        ...     label_en="Excellent service",
        ...     provenance=Provenance.RECONSTRUCTION,
        ... )
        >>> b.name(), b.name("en")
        ('A (Pelayanan Prima; rekonstruksi)', 'A (Excellent service; reconstructed)')
        """
        english = check_lang(lang) == "en"
        parts = []
        label = self.label_en if english else self.label
        if label is not None:
            parts.append(label)
        if self.provenance is Provenance.RECONSTRUCTION:
            parts.append("reconstructed" if english else "rekonstruksi")
        elif self.provenance is Provenance.ASSUMPTION:
            parts.append("assumed" if english else "asumsi")
        return f"{self.grade} ({'; '.join(parts)})" if parts else self.grade


def check_bands(owner: str, bands: Sequence[IndexBand], low: Decimal, high: Decimal) -> None:
    """Check that ``bands`` run upwards from ``low`` to ``high`` without gap or overlap."""
    if not bands:
        raise InvalidArgumentError(f"{owner}.bands", bands, "at least one band")
    if bands[0].lower != low or bands[-1].upper != high:
        raise InvalidArgumentError(
            f"{owner}.bands", bands, f"bands covering {low} to {high} from the lowest up"
        )
    for below, above in pairwise(bands):
        if above.lower != below.upper + _CENT:
            raise InvalidArgumentError(
                f"{owner}.bands",
                above.lower,
                f"a band starting 0.01 above {below.upper} (no gap, no overlap)",
            )


def find_band(bands: Sequence[IndexBand], value: Decimal) -> IndexBand | None:
    """The band of a two-decimal ``value``, or ``None`` outside every band."""
    for band in bands:
        if band.contains(value):
            return band
    return None


def half_up(value: Fraction, places: int = 2) -> Decimal:
    """Round a non-negative exact value half-up to ``places`` decimals.

    >>> half_up(Fraction(1, 8)), half_up(Fraction(2, 3), 4)
    (Decimal('0.13'), Decimal('0.6667'))
    """
    scale = 10**places
    whole = math.floor(value * scale + Fraction(1, 2))
    return Decimal(whole).scaleb(-places)


def format_decimal(value: Decimal, lang: Lang = "id") -> str:
    """Write a decimal with a comma in Indonesian and a point in English.

    >>> format_decimal(Decimal("81.25")), format_decimal(Decimal("81.25"), "en")
    ('81,25', '81.25')
    """
    text = f"{value:f}"
    return text.replace(".", ",") if check_lang(lang) == "id" else text


def _from_decimal(value: Decimal, original: object, argument: str, expected: str) -> Fraction:
    if not value.is_finite():
        raise InvalidArgumentError(argument, original, f"{expected} (not NaN or infinite)")
    digits = value.as_tuple()
    if len(digits.digits) > _MAX_DIGITS or abs(int(digits.exponent)) > _MAX_DIGITS:
        raise InvalidArgumentError(argument, original, f"{expected} with at most 40 digits")
    return Fraction(value)


def exact_number(value: object, argument: str, expected: str = "a number") -> Fraction:
    """Read a number exactly, or raise :class:`~opinipp.errors.InvalidArgumentError`.

    Accepts ``int`` (and integer types with ``__index__``, e.g. ``numpy.int64``),
    :class:`~fractions.Fraction`, finite :class:`~decimal.Decimal`, finite floats (through their
    shortest repr, so ``3.1`` is 31/10; ``numpy.float64`` and ``numpy.float32`` too) and text
    (``"3,25"`` or ``"3.25"``). Rejects ``bool``, NumPy booleans, NaN, infinities and everything
    else.

    >>> exact_number(3.1, "x"), exact_number("  4 ", "x")
    (Fraction(31, 10), Fraction(4, 1))
    >>> exact_number(True, "answer")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid answer True: expected a number
    """
    if isinstance(value, bool) or _is_numpy_bool(value):
        raise InvalidArgumentError(argument, value, expected)
    if type(value) is int or type(value) is Fraction:
        return Fraction(value)
    if isinstance(value, Fraction):  # a subclass: its numerator and denominator alone
        return Fraction(int.__index__(value.numerator), int.__index__(value.denominator))
    exact = exact_decimal(value)
    if exact is not None:
        return _from_decimal(exact, value, argument, expected)
    given = exact_text(value)
    if given is not None:
        text = given.strip()
        parts = split_number(text) if len(text) <= _MAX_DIGITS else None
        if parts is None:
            reason = number_problem(text) if text else "empty text"
            raise InvalidArgumentError(argument, value, f"{expected}, {NUMBER_EXPECTED} ({reason})")
        sign, whole, fraction = parts
        number = Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
        return Fraction(number)
    if isinstance(value, float):  # numpy.float64 too; a subclass's own methods are not asked
        return _from_decimal(Decimal(repr(float.__float__(value))), value, argument, expected)
    return _duck_number(value, argument, expected)


def _is_numpy_bool(value: object) -> bool:
    """Whether ``value`` has a boolean NumPy (or pandas) dtype; a lookup that raises: no."""
    try:
        return getattr(getattr(value, "dtype", None), "kind", None) == "b"
    except Exception:  # noqa: BLE001 - an object whose attribute lookup raises has no dtype
        return False


def _duck_number(value: object, argument: str, expected: str) -> Fraction:
    """A NumPy (or other) scalar: an integer through ``__index__``, else through a float."""
    whole = exact_int(value)
    if whole is not None:
        return Fraction(whole)
    if hasattr(type(value), "__float__") and not isinstance(value, (bytes, complex)):
        try:
            as_float = float(value)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a foreign __float__ may raise anything
            raise InvalidArgumentError(argument, value, expected) from None
        return _from_decimal(Decimal(repr(as_float)), value, argument, expected)
    raise InvalidArgumentError(argument, value, expected)


def is_blank(value: object) -> bool:
    """Whether a cell is empty: ``None``, blank text, or a NaN (a missing value in pandas).

    >>> is_blank(" "), is_blank(float("nan")), is_blank(0)
    (True, True, False)
    """
    if value is None:
        return True
    text = exact_text(value)
    if text is not None:
        return not text.strip()
    if isinstance(value, (bool, int, Fraction, Decimal, bytes)):
        return False
    if hasattr(type(value), "__float__") and not isinstance(value, complex):
        try:
            return math.isnan(float(value))  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a value whose __float__ raises is not a NaN
            return False
    return False


def __dir__() -> list[str]:
    return list(__all__)
