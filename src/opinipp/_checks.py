"""Primitives shared by every module: the immutable mapping, the year check, enum-from-text.

Private to opinipp: one definition of each, so that a year or a member name is read the same
way everywhere. Input is read through :func:`exact_text`, :func:`exact_int`,
:func:`exact_decimal` and :func:`as_list`, which take the real value of a subclass of
``str``, ``int`` or ``Decimal`` without calling its methods (a subclass may override
``strip``, ``__eq__``, ``__hash__`` or ``__index__`` to lie or raise).

>>> from opinipp._checks import FrozenMapping, check_year, enum_member
>>> from opinipp.rules import Zone
>>> check_year(2023, [2023]), enum_member(Zone, " Hijau ", argument="zone")
(2023, <Zone.HIJAU: 'hijau'>)
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, SupportsIndex, TypeVar, cast

from opinipp.errors import InvalidArgumentError, RulesNotAvailableError, as_list, exact_text

__all__ = [
    "FrozenMapping",
    "as_list",
    "check_year",
    "enum_member",
    "exact_decimal",
    "exact_int",
    "exact_text",
    "find_member",
    "optional_text_value",
    "text_value",
]

K = TypeVar("K")
V = TypeVar("V")
E = TypeVar("E", bound=Enum)


class FrozenMapping(Mapping[K, V], Generic[K, V]):
    """An immutable, hashable mapping that keeps the order it was given.

    Used for the dimension weights of a :class:`~opinipp.rules.RuleSet` and the
    per-dimension scores of an assessment, so that the objects holding them stay hashable.

    >>> from opinipp.rules import Zone
    >>> m = FrozenMapping({Zone.HIJAU: 414, Zone.KUNING: 133})
    >>> m[Zone.HIJAU], len(m), m == {Zone.KUNING: 133, Zone.HIJAU: 414}
    (414, 2, True)
    >>> hash(m) == hash(FrozenMapping({Zone.KUNING: 133, Zone.HIJAU: 414}))
    True
    """

    __slots__ = ("_data",)
    _data: dict[K, V]

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = (), /) -> None:
        """Copy ``items`` (a mapping or key–value pairs)."""
        try:
            data = dict(items)
        except Exception as exc:  # not pairs, or a key's hash or iteration raised
            raise InvalidArgumentError(
                "mapping", items, "a mapping or an iterable of key-value pairs"
            ) from exc
        object.__setattr__(self, "_data", data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data != dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMapping({self._data!r})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"FrozenMapping is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"FrozenMapping is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMapping, (tuple(self._data.items()),))


def text_value(value: str) -> str:
    """An attrs converter: a ``str`` subclass becomes its real text; other values stay.

    The field's validator then sees a plain ``str`` or rejects what is not text.

    >>> class Name(str):
    ...     pass
    >>> type(text_value(Name("Aceh"))).__name__, text_value(42)
    ('str', 42)
    """
    given: object = value  # typed str for the field's __init__; any value arrives
    if type(given) is str:
        return value
    return str.__str__(value) if isinstance(given, str) else value


def optional_text_value(value: str | None) -> str | None:
    """Like :func:`text_value`, for a field that may be ``None``.

    >>> optional_text_value(None), optional_text_value("Sultra")
    (None, 'Sultra')
    """
    given: object = value
    if given is None or type(given) is str:
        return value
    return str.__str__(value) if isinstance(given, str) else value


def exact_int(value: object) -> int | None:
    """``value`` as a plain ``int`` if it is a whole number, else None; never a ``bool``.

    An ``int`` subclass gives its real value (not what its ``__index__`` says); another
    integer type, such as ``numpy.int64``, is read through ``__index__``, and one whose
    ``__index__`` refuses or raises (``numpy.bool_``) is not a whole number.

    >>> class Lying(int):
    ...     def __index__(self):
    ...         return -1
    >>> exact_int(2023), exact_int(Lying(2023)), exact_int(True), exact_int(20.23)
    (2023, 2023, None, None)
    """
    if type(value) is int:
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return int.__index__(value)
    if not hasattr(type(value), "__index__"):
        return None
    try:
        whole = operator.index(cast("SupportsIndex", value))
    except Exception:  # noqa: BLE001 - a foreign __index__ may raise anything: not a number
        return None
    return int.__index__(whole)


def exact_decimal(value: object) -> Decimal | None:
    """``value`` as a plain :class:`~decimal.Decimal` if it is one (or a subclass), else None.

    A subclass is copied, so its own ``is_nan`` or comparisons are never asked.

    >>> class Lying(Decimal):
    ...     def is_nan(self):
    ...         return False
    >>> exact_decimal(Lying("NaN")).is_nan(), exact_decimal(1)
    (True, None)
    """
    if type(value) is Decimal:
        return value
    if isinstance(value, Decimal):
        return Decimal(value)
    return None


def check_year(year: object, covered: Iterable[int]) -> int:
    """Return ``year`` as a plain ``int``, or raise :class:`RulesNotAvailableError` naming it.

    Accepts ``int`` and integer types with ``__index__`` (such as ``numpy.int64``), and
    returns them as ``int``; rejects ``bool``, ``float``, text and everything else. Whether
    the year has rules is :func:`~opinipp.rules.rules_for`'s question, not this one's.

    >>> check_year(2023, [2023])
    2023
    >>> check_year("2023", [2023])
    Traceback (most recent call last):
    ...
    opinipp.errors.RulesNotAvailableError: no assessment rules for year '2023': ...
    """
    whole = exact_int(year)
    if whole is not None:
        return whole
    raise RulesNotAvailableError(
        year,
        tuple(covered),
        f"expected the year as a whole number (int), got {type(year).__name__}",
    )


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_member(cls: type[E], text: object) -> E | None:
    """Return the member of ``cls`` whose value ``text`` names, or ``None``.

    A member is returned as it is; text matches a value without regard to case or spacing.

    >>> from opinipp.rules import Category
    >>> find_member(Category, " a"), find_member(Category, "F"), find_member(Category, 1)
    (<Category.A: 'A'>, None, None)
    """
    if isinstance(text, cls):
        return text
    plain = exact_text(text)
    if plain is None:
        return None
    key = _key(plain)
    for member in cls:
        if isinstance(member.value, str) and _key(member.value) == key:
            return member
    return None


def enum_member(cls: type[E], text: object, *, argument: str, expected: str | None = None) -> E:
    """Return the member of ``cls`` whose value ``text`` names, or raise naming the choices.

    Raises :class:`~opinipp.errors.InvalidArgumentError` for ``argument``; its message
    lists the values of ``cls`` unless ``expected`` says it otherwise.

    >>> from opinipp.rules import Zone
    >>> enum_member(Zone, "KUNING", argument="zone")
    <Zone.KUNING: 'kuning'>
    >>> enum_member(Zone, "biru", argument="zone")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid zone 'biru': expected one of 'merah', 'kuning', ...
    """
    found = find_member(cls, text)
    if found is None:
        choices = ", ".join(repr(m.value) for m in cls)
        raise InvalidArgumentError(argument, text, expected or f"one of {choices}")
    return found


def __dir__() -> list[str]:
    return list(__all__)
