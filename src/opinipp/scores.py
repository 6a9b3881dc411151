"""Exact assessment scores: two decimals on 0.00–100.00.

The Ombudsman publishes scores with two decimals and draws its bands on them (88.00 is A,
87.99 is B). Binary floats cannot hold 87.99 exactly, so a :class:`Score` keeps the number
of hundredths as an integer and hands out exact :class:`~decimal.Decimal` values.

>>> from opinipp.scores import Score
>>> Score("88.00") - Score("81.84")
Decimal('6.16')
>>> Score("81,84") == Score(81.84) == Score(Decimal("81.84"))
True
>>> str(Score(81)), Score("81.84").format("id")
('81.00', '81,84')
"""

from __future__ import annotations

import math
import operator
import sys
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Underflow,
    localcontext,
)
from fractions import Fraction
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Literal,
    SupportsIndex,
    TypeAlias,
    Union,
    overload,
)

if TYPE_CHECKING:
    from collections.abc import Callable

from opinipp._checks import exact_decimal, exact_int, exact_text
from opinipp._numbers import number_problem, split_number
from opinipp.errors import InvalidArgumentError, InvalidScoreError

__all__ = ["MAX_SCORE", "MIN_SCORE", "Score", "ScoreLike"]

_MAX_HUNDREDTHS: Final = 10_000
# Valid score texts already read, to their Score (immutable, so shared): tables repeat them.
_BY_TEXT_LIMIT: Final = 20_000
_BY_TEXT: dict[str, Score] = {}


def _reject(value: object, reason: str) -> InvalidScoreError:
    return InvalidScoreError(value, reason)


def _hundredths_from_decimal(original: object, d: Decimal, *, rounding: bool) -> int:
    if d.is_nan():
        raise _reject(original, "not a number (NaN)")
    if d.is_infinite():
        raise _reject(original, "infinite")
    # Range first: scaling a huge exponent would overflow the decimal context.
    if d < 0:
        raise _reject(original, "below 0.00")
    if d > 100 and not rounding:
        raise _reject(original, "above 100.00")
    if d > 101:
        raise _reject(original, "above 100.00")
    scaled = d.scaleb(2)
    if rounding:
        whole = int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    else:
        if scaled != scaled.to_integral_value():
            raise _reject(original, "more than two decimals (use Score.rounded to round half-up)")
        whole = int(scaled)
    return _check_range(original, whole)


def _hundredths_from_fraction(original: object, f: Fraction, *, rounding: bool) -> int:
    # The same rule as for a Decimal: negatives are refused before any rounding.
    if f < 0:
        raise _reject(original, "below 0.00")
    scaled = f * 100
    if scaled.denominator == 1:
        return _check_range(original, scaled.numerator)
    if not rounding:
        if scaled > _MAX_HUNDREDTHS:
            raise _reject(original, "above 100.00")
        raise _reject(original, "more than two decimals (use Score.rounded to round half-up)")
    floor = math.floor(scaled)
    return _check_range(original, floor + 1 if scaled - floor >= Fraction(1, 2) else floor)


def _check_range(original: object, hundredths: int) -> int:
    if hundredths < 0:
        raise _reject(original, "below 0.00")
    if hundredths > _MAX_HUNDREDTHS:
        raise _reject(original, "above 100.00")
    return hundredths


def _hundredths_from_text(original: object, text: str, *, rounding: bool) -> int:
    stripped = text.strip()
    if not stripped:
        raise _reject(original, "empty text")
    parts = split_number(stripped)
    if parts is None:
        raise _reject(original, number_problem(stripped))
    sign, whole, fraction = parts
    if sign:
        raise _reject(original, "a minus sign is not accepted (a score is never negative)")
    if fraction is not None and len(fraction) > 2 and not fraction[2:].strip("0"):
        fraction = fraction[:2]  # "81.840" is the value 81.84, as Decimal("81.840") is
    if (fraction is None or len(fraction) <= 2) and len(whole) <= 3:
        # The common case, "81.84" or "81,8": exact in hundredths without a Decimal.
        cents = 0 if fraction is None else int(fraction) * (10 if len(fraction) == 1 else 1)
        return _check_range(original, int(whole) * 100 + cents)
    if fraction is not None and len(fraction) > 2 and not rounding:
        raise _reject(
            original,
            "more than two decimals (use Score.rounded to round half-up; "
            "scores have no thousands separators)",
        )
    number = Decimal(f"{whole}.{fraction}" if fraction is not None else whole)
    return _hundredths_from_decimal(original, number, rounding=rounding)


def _to_hundredths(value: object, *, rounding: bool) -> int:
    # bool is an int subclass; True is not a score.
    if isinstance(value, bool):
        raise _reject(value, "bool is not a score")
    # A subclass of int, str or Decimal is read as its real value, never through its methods.
    if isinstance(value, int):
        whole = int.__index__(value)
        return _check_range(whole, whole * 100)
    if isinstance(value, str):
        text = str.__str__(value)
        return _hundredths_from_text(text, text, rounding=rounding)
    if isinstance(value, Decimal):
        number = Decimal(value)
        return _hundredths_from_decimal(number, number, rounding=rounding)
    if isinstance(value, float):  # np.float64 is a float subclass, with a repr of its own
        return _hundredths_from_float(value, float.__repr__(value), rounding=rounding)
    if isinstance(value, Fraction):
        return _hundredths_from_fraction(value, value, rounding=rounding)
    return _hundredths_from_other(value, rounding=rounding)


def _hundredths_from_other(value: object, *, rounding: bool) -> int:
    """Missing values, NumPy scalars and 0-d arrays, other integer types; or the refusal."""
    if value is None or type(value).__name__ in _PANDAS_MISSING:
        raise _reject(value, f"missing value ({value!r})")
    # NumPy values are recognised by their type's dtype, so that an instance __getattr__
    # is never asked; a foreign value that then fails to behave like one is refused.
    if hasattr(type(value), "dtype"):
        try:
            return _hundredths_from_numpy(value, value.dtype, rounding=rounding)  # type: ignore[attr-defined]
        except InvalidScoreError:
            raise
        except Exception as exc:
            raise _reject(value, f"unsupported type {type(value).__name__}") from exc
    whole = exact_int(value)
    if whole is None:
        raise _reject(value, f"unsupported type {type(value).__name__}")
    return _check_range(value, whole * 100)


# pandas' missing values, recognised by name so that opinipp never imports pandas.
_PANDAS_MISSING: Final = frozenset({"NAType", "NaTType"})


def _hundredths_from_float(original: object, shortest: str, *, rounding: bool) -> int:
    """Read a binary float through its shortest repr: what the user typed, 81.84 stays 81.84."""
    whole, point, fraction = shortest.partition(".")
    if point and len(fraction) <= 2 and len(whole) <= 3 and whole.isdigit():
        # The common case, "81.84" or "81.0": hundredths straight from the digits.
        return _check_range(original, int(whole) * 100 + int(fraction.ljust(2, "0")))
    if shortest in {"nan", "-nan"}:
        raise _reject(original, "not a number (NaN)")
    if shortest in {"inf", "-inf"}:
        raise _reject(original, "infinite")
    return _hundredths_from_decimal(original, Decimal(shortest), rounding=rounding)


def _hundredths_from_numpy(value: Any, dtype: Any, *, rounding: bool) -> int:  # noqa: ANN401
    """A NumPy scalar or 0-d array, recognised by its ``dtype`` (NumPy is never imported)."""
    shape = getattr(value, "shape", ())
    if shape != ():
        raise _reject(value, f"an array of shape {shape} is not a score (pass one element)")
    kind, size = getattr(dtype, "kind", ""), getattr(dtype, "itemsize", 0)
    if kind == "b":
        raise _reject(value, "bool is not a score")
    if kind in {"i", "u"}:
        whole = exact_int(value)
        if whole is None:
            raise _reject(value, f"unsupported type {type(value).__name__}")
        return _check_range(value, whole * 100)
    if kind == "f":
        if size < _FLOAT32_BYTES:
            raise _reject(
                value,
                f"{dtype} holds about three digits, too few for a two-decimal score "
                "(use float64 or float32)",
            )
        # float64 widens exactly to a Python float; float32 and longdouble are read through
        # their own shortest repr, so np.float32(81.84) is 81.84, not 81.83999633789062.
        if size == _FLOAT64_BYTES:
            return _hundredths_from_float(value, float.__repr__(float(value)), rounding=rounding)
        return _hundredths_from_float(value, str(value).strip(), rounding=rounding)
    if kind in {"O", "U"}:
        # Only a 0-d array has these kinds (their scalars are Python objects and str):
        # its one element is the value.
        return _to_hundredths(value.item(), rounding=rounding)
    raise _reject(value, f"unsupported type {type(value).__name__}")


_FLOAT32_BYTES: Final = 4
_FLOAT64_BYTES: Final = 8


class Score:
    """An exact assessment score on 0.00–100.00 at 0.01 resolution.

    One rule for every input: the *value* must be a whole number of hundredths from 0 to
    100, so trailing zeros are not decimals (``"81.840"``, ``Decimal("81.840")`` and
    ``Fraction(8184, 100)`` are all 81.84) and negative zero is 0.00. It accepts

    * ``str``: ASCII digits with one decimal point or comma (``"81.84"``, ``"81,84"``),
      surrounding spaces allowed; no sign, exponent or thousands separator;
    * ``int``, :class:`~decimal.Decimal`, :class:`~fractions.Fraction`, another
      :class:`Score`;
    * ``float`` and NumPy ``float64``, read through their shortest repr, so ``81.84``
      stays 81.84; ``float32`` and ``longdouble`` through their own shortest repr
      (``str(np.float32(81.84)) == "81.84"``); ``float16`` is refused (too few digits);
    * NumPy integers of every width (through ``operator.index``), and 0-d arrays, read as
      their one element.

    Anything else raises :class:`~opinipp.errors.InvalidScoreError` with a reason: NaN,
    infinities, values outside 0–100, more than two decimals, ``bool``, arrays with
    elements, and ``None``, ``pd.NA`` or ``pd.NaT`` ("missing value"). Use :meth:`rounded`
    to round half-up.

    Scores are immutable, hashable and totally ordered among themselves. The difference of
    two scores is an exact :class:`~decimal.Decimal`.

    >>> Score("81.84")
    Score('81.84')
    >>> Score("81.845")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidScoreError: invalid score '81.845': more than two decimals ...
    >>> Score.rounded("81.845")
    Score('81.85')
    >>> Score("77.99") < Score("78.00")
    True
    """

    __slots__ = ("_hundredths",)
    _hundredths: int

    def __new__(cls, value: ScoreLike | SupportsIndex, /) -> Score:  # noqa: PYI034
        """Build a score, rejecting anything that is not an exact two-decimal value."""
        if type(value) is cls:
            return value
        if type(value) is str:
            known = _BY_TEXT.get(value)
            if known is not None:
                return known
            made = cls._from_hundredths(_to_hundredths(value, rounding=False))
            if len(_BY_TEXT) >= _BY_TEXT_LIMIT:
                _BY_TEXT.clear()
            _BY_TEXT[value] = made
            return made
        if isinstance(value, Score):
            return cls._from_hundredths(value.hundredths)
        return cls._from_hundredths(_to_hundredths(value, rounding=False))

    @classmethod
    def _from_hundredths(cls, hundredths: int) -> Score:
        self = object.__new__(cls)
        object.__setattr__(self, "_hundredths", hundredths)
        return self

    @classmethod
    def from_hundredths(cls, hundredths: SupportsIndex, /) -> Score:
        """Build a score from a whole number of hundredths (``8184`` is 81.84).

        >>> Score.from_hundredths(8184)
        Score('81.84')
        """
        whole = exact_int(hundredths)
        if whole is None:
            raise _reject(hundredths, "hundredths must be an int")
        return cls._from_hundredths(_check_range(hundredths, whole))

    @classmethod
    def rounded(cls, value: ScoreLike | SupportsIndex, /) -> Score:
        """Round to two decimals, half-up, as the Ombudsman rounds a mean of unit scores.

        Takes what :class:`Score` takes, with any number of decimals. A value below zero
        is refused whatever it would round to (``Decimal("-0.004")`` and
        ``Fraction(-4, 1000)`` alike); a value that rounds to at most 100.00 is accepted.

        >>> Score.rounded(Decimal("692.31") / 7)
        Score('98.90')
        >>> Score.rounded("85.1766")
        Score('85.18')
        >>> Score.rounded("100.005")
        Traceback (most recent call last):
        ...
        opinipp.errors.InvalidScoreError: invalid score '100.005': above 100.00; ...
        """
        if isinstance(value, Score):
            return value
        return cls._from_hundredths(_to_hundredths(value, rounding=True))

    if TYPE_CHECKING:

        @property
        def hundredths(self) -> int:
            """The score as a whole number of hundredths (81.84 is ``8184``)."""

    else:
        # A C-level getter: ranking and band lookup read this for every assessment.
        hundredths = property(
            operator.attrgetter("_hundredths"),
            doc="The score as a whole number of hundredths (81.84 is ``8184``).",
        )

    @property
    def value(self) -> Decimal:
        """The score as an exact two-decimal :class:`~decimal.Decimal`.

        >>> Score(90).value
        Decimal('90.00')
        """
        return Decimal(self._hundredths).scaleb(-2)

    def format(self, lang: Literal["en", "id"] = "en") -> str:
        """Format with two decimals: ``"81.84"`` in English, ``"81,84"`` in Indonesian.

        >>> Score("90.02").format("id")
        '90,02'
        """
        text = str(self)
        language = exact_text(lang)
        if language == "id":
            return text.replace(".", ",")
        if language == "en":
            return text
        raise InvalidArgumentError("lang", lang, "'en' or 'id'")

    def __str__(self) -> str:
        whole, cents = divmod(self._hundredths, 100)
        return f"{whole}.{cents:02d}"

    def __repr__(self) -> str:
        return f"Score('{self}')"

    def __format__(self, spec: str) -> str:
        """Format like a number with a float-style spec, like the text otherwise.

        A spec with a numeric presentation type (``e``, ``f``, ``g``, ``n``, ``%`` and
        their capitals) formats the exact value as a :class:`~decimal.Decimal` would,
        rounding half-up; any other spec formats the text ``"81.84"`` as a ``str``. An
        invalid spec raises :class:`~opinipp.errors.InvalidArgumentError`.

        >>> s = Score("81.85")
        >>> f"{s:.1f}", f"{s:>7}", f"{s:.3e}"
        ('81.9', '  81.85', '8.185e+1')
        """
        if not spec:
            return str(self)
        try:
            if spec[-1] in _NUMERIC_TYPES:
                with localcontext(_FORMAT_CONTEXT):
                    return format(self.value, spec)
            return format(str(self), spec)
        except ValueError:
            raise InvalidArgumentError(
                "format_spec",
                spec,
                "a format spec such as '.1f', '.2f', '>8' or '^10s' (numeric types e, f, g, "
                "n, %; text formatting otherwise)",
            ) from None

    def __float__(self) -> float:
        return self._hundredths / 100

    @overload
    def __round__(self, ndigits: None = None) -> int: ...
    @overload
    def __round__(self, ndigits: SupportsIndex) -> Decimal: ...
    def __round__(self, ndigits: SupportsIndex | None = None) -> int | Decimal:
        """Round half-up, as :meth:`rounded` does.

        ``round(s)`` is an int; ``round(s, n)`` a :class:`~decimal.Decimal` with ``n``
        decimals, at most two (a score has no more), any ``n`` accepted.

        >>> round(Score("81.50")), round(Score("81.85"), 1), round(Score("81.84"), 5)
        (82, Decimal('81.9'), Decimal('81.84'))
        """
        if ndigits is None:
            whole, cents = divmod(self._hundredths, 100)
            return whole + (cents >= 50)
        # Beyond two decimals nothing changes; beyond -3 everything rounds to 0.
        places = min(max(operator.index(ndigits), -3), 2)
        if places == 2:
            return self.value
        return self.value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    def __hash__(self) -> int:
        # The hash of the exact value h/100, as int, Decimal and Fraction hash it.
        return self._hundredths * _HASH_OF_ONE_HUNDREDTH % _HASH_MODULUS

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Score):
            return self._hundredths == other._hundredths
        pair = self._compared_with(other)
        if pair is None:
            return NotImplemented
        return bool(pair[0] == pair[1])

    def __ne__(self, other: object) -> bool:
        if isinstance(other, Score):
            return self._hundredths != other._hundredths
        pair = self._compared_with(other)
        if pair is None:
            return NotImplemented
        return bool(pair[0] != pair[1])

    def __lt__(self, other: Score | int | Decimal | Fraction) -> bool:
        if isinstance(other, Score):
            return self._hundredths < other._hundredths
        pair = self._compared_with(other)
        if pair is None:
            return NotImplemented
        return bool(pair[0] < pair[1])

    def __le__(self, other: Score | int | Decimal | Fraction) -> bool:
        if isinstance(other, Score):
            return self._hundredths <= other._hundredths
        pair = self._compared_with(other)
        if pair is None:
            return NotImplemented
        return bool(pair[0] <= pair[1])

    def __gt__(self, other: Score | int | Decimal | Fraction) -> bool:
        if isinstance(other, Score):
            return self._hundredths > other._hundredths
        pair = self._compared_with(other)
        if pair is None:
            return NotImplemented
        return bool(pair[0] > pair[1])

    def __ge__(self, other: Score | int | Decimal | Fraction) -> bool:
        if isinstance(other, Score):
            return self._hundredths >= other._hundredths
        pair = self._compared_with(other)
        if pair is None:
            return NotImplemented
        return bool(pair[0] >= pair[1])

    def _compared_with(self, other: object) -> tuple[Any, Any] | None:
        """Two exact numbers that compare as this score and ``other`` do, or None.

        Exact numbers compare by value (ints, NumPy ints, Decimal, Fraction); a NaN is
        unequal and unordered. Floats, text and everything else are not compared.
        """
        number = exact_decimal(other)
        if number is not None:
            if number.is_nan():
                return (0, math.nan)
            return (self.value, number)  # exact, whatever the exponent
        if isinstance(other, Fraction):
            return (self._hundredths, other * 100)
        if isinstance(other, float):
            return None
        whole = exact_int(other)
        return None if whole is None else (self._hundredths, whole * 100)

    def __sub__(self, other: Score | Decimal | int) -> Decimal:
        """Exact difference: ``Score("88.00") - Score("81.84") == Decimal("6.16")``."""
        operand = _operand(other)
        if operand is None:
            return NotImplemented
        return _exactly(_ARITHMETIC.subtract, self.value, operand, other)

    def __rsub__(self, other: Decimal | int) -> Decimal:
        operand = _operand(other)
        if operand is None:
            return NotImplemented
        return _exactly(_ARITHMETIC.subtract, operand, self.value, other)

    def __add__(self, other: Score | Decimal | int) -> Decimal:
        """Exact sum with a number of points: ``Score("81.84") + Decimal("6.16") == 88``.

        Points are a :class:`Score`, an int or a finite :class:`~decimal.Decimal`; a NaN,
        an infinity or a sum not exact in 100 digits raises
        :class:`~opinipp.errors.InvalidArgumentError`.
        """
        operand = _operand(other)
        if operand is None:
            return NotImplemented
        return _exactly(_ARITHMETIC.add, self.value, operand, other)

    def __radd__(self, other: Decimal | int) -> Decimal:
        return self.__add__(other)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Score is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Score is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[type[Score], tuple[str]]:
        # Pickled as its text so that pickles do not depend on internals.
        return (Score, (str(self),))

    def __copy__(self) -> Score:
        return self

    def __deepcopy__(self, memo: object) -> Score:
        return self


def _operand(other: object) -> Decimal | None:
    """The exact value of an arithmetic operand, or None for unsupported types."""
    if isinstance(other, Score):
        return other.value
    number = exact_decimal(other)
    if number is not None:
        if not number.is_finite():
            raise InvalidArgumentError("points", other, _POINTS_EXPECTED)
        return number
    whole = exact_int(other)
    return None if whole is None else Decimal(whole)


def _exactly(
    operation: Callable[[Decimal, Decimal], Decimal], a: Decimal, b: Decimal, other: object
) -> Decimal:
    try:
        return operation(a, b)
    except ArithmeticError:  # Inexact: the exact result needs more digits than we allow
        raise InvalidArgumentError("points", other, _POINTS_EXPECTED) from None


_EXACT_DIGITS: Final = 100
_POINTS_EXPECTED: Final = (
    f"a finite number of points (a Score, an int or a Decimal) whose exact sum or difference "
    f"with the score fits in {_EXACT_DIGITS} digits"
)
# Score arithmetic is exact or refused, never rounded to the caller's context.
_ARITHMETIC: Final = Context(
    prec=_EXACT_DIGITS,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, Inexact, Overflow, Underflow, DivisionByZero],
)
_FORMAT_CONTEXT: Final = Context(rounding=ROUND_HALF_UP)
_NUMERIC_TYPES: Final = frozenset("eEfFgGn%")
_HASH_MODULUS: Final = sys.hash_info.modulus
_HASH_OF_ONE_HUNDREDTH: Final = pow(100, -1, _HASH_MODULUS)


MIN_SCORE: Final = Score(0)
"""The lowest possible score, 0.00."""
MAX_SCORE: Final = Score(100)
"""The highest possible score, 100.00."""

ScoreLike: TypeAlias = Union[Score, str, int, float, Decimal, Fraction]  # noqa: UP007
"""What functions that take a score accept: a :class:`Score` or anything it is built from."""


def __dir__() -> list[str]:
    return list(__all__)
