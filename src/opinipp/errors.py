"""The exceptions opinipp raises.

Every error derives from :class:`OpinippError` and also from the builtin with the same
meaning, so ``except ValueError`` keeps working in code that does not know opinipp. Each
carries the offending value and the context as attributes, names them in its message, and
survives pickling.

>>> from opinipp.errors import InvalidScoreError
>>> err = InvalidScoreError("100.5", "above 100.00")
>>> print(err)
invalid score '100.5': above 100.00; expected a number from 0.00 to 100.00 with at most two decimals
>>> err.value, isinstance(err, ValueError)
('100.5', True)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self

if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
    from builtins import ExceptionGroup
else:  # pragma: no cover - cattrs requires the backport on Python 3.10
    from exceptiongroup import ExceptionGroup

__all__ = [
    "AmbiguousNameError",
    "DuplicateEntityError",
    "InvalidArgumentError",
    "InvalidDataError",
    "InvalidEntityError",
    "InvalidScoreError",
    "InvalidTextError",
    "MissingExtraError",
    "MixedYearsError",
    "NotApplicableError",
    "OpinippError",
    "OpinippWarning",
    "OutOfScopeError",
    "RowError",
    "RulesNotAvailableError",
    "UnknownRegionError",
]

SCORE_EXPECTATION = "a number from 0.00 to 100.00 with at most two decimals"
_REGION_EXPECTATION = (
    "a Kemendagri code or a name of one of Indonesia's 38 provinces or 514 kabupaten/kota"
)


_MAX_SHOWN = 120
_MAX_TEXT = 300
_MAX_ITEMS = 10
_MAX_MESSAGE = 2000


def _clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, saying how long it was."""
    if len(text) <= limit:
        return text
    tail = f"…{text[-10:]} ({len(text)} characters)"
    return text[: max(limit - len(tail), 0)] + tail


def exact_text(value: object) -> str | None:
    """``value`` as a plain ``str`` when it is text, else ``None``.

    A ``str`` subclass gives its real text (``str.__str__``), whatever its own methods do,
    so that no overridden ``strip``, ``__eq__`` or ``__hash__`` runs on user input.

    >>> class Loud(str):
    ...     def strip(self, chars=None):
    ...         return "HIJAU"
    >>> text = exact_text(Loud(" hijau "))
    >>> type(text) is str, text.strip()
    (True, 'hijau')
    >>> exact_text(2023) is None
    True
    """
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    return None


def as_list(value: object, argument: str, expected: str) -> list[Any]:
    """The items of the iterable ``value`` as a list, or :class:`InvalidArgumentError`.

    Text, bytes and what is not iterable are refused; so is an iterable that raises while
    being iterated (a 0-d NumPy array, a broken ``__iter__``): the error names ``argument``
    and comes ``from`` what was raised. An opinipp error raised while iterating (by a
    generator that builds values) passes unchanged.

    >>> as_list((1, 2), "years", "an iterable of years")
    [1, 2]
    >>> as_list("2023", "years", "an iterable of years")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid years '2023': expected an iterable of years
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidArgumentError(argument, value, expected)
    try:
        return list(value)
    except OpinippError:
        raise
    except Exception as exc:  # whatever a foreign __iter__ raises
        raise InvalidArgumentError(argument, value, expected) from exc


def _fallback_repr(value: object) -> str:
    """A repr of a value whose own ``__repr__`` failed: its builtin base's, or its type."""
    name = type(value).__name__
    try:
        if isinstance(value, str):
            return f"{name}({str.__repr__(value)})"
        if isinstance(value, float):
            return f"{name}({float.__repr__(value)})"
        if isinstance(value, Decimal):
            return f"{name}({Decimal.__str__(value)!r})"
        if isinstance(value, int):
            return f"{name}({int.__repr__(value)})"
    except ValueError:  # an int beyond sys.get_int_max_str_digits()
        return f"<{name} of {int.bit_length(value)} bits>"  # type: ignore[arg-type]
    return f"<{name} object>"


def _show(value: object, limit: int = _MAX_SHOWN) -> str:
    """A repr that is safe and short enough for a message, whatever the value."""
    try:
        text = repr(value)
        if type(text) is not str:  # a str subclass returned by __repr__
            text = str.__str__(text)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not hide the real error
        text = _fallback_repr(value)
    return _clip(text, limit)


def _text(value: object, limit: int = _MAX_TEXT) -> str:
    """Text given as context (a reason, a scope, an entity): its str, safe and bounded."""
    text = exact_text(value)
    if text is None:
        try:
            text = str(value)
            if type(text) is not str:
                text = str.__str__(text)
        except Exception:  # noqa: BLE001 - as in _show
            return _show(value, limit)
    return _clip(text, limit)


def _items(value: object) -> tuple[Any, ...]:
    """Candidates, suggestions or years as a tuple (one odd value becomes one item)."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):
        return (value,)
    try:
        return tuple(value)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - not iterable, or iterating raised
        return (value,)


def _listed(items: tuple[Any, ...], separator: str, *, quoted: bool = False) -> str:
    """The first items, joined, and how many more there are."""
    shown = [_show(i) if quoted else _clip(_text(i), _MAX_SHOWN) for i in items[:_MAX_ITEMS]]
    more = len(items) - _MAX_ITEMS
    return separator.join(shown) + (f" (and {more} more)" if more > 0 else "")


def _rebuild(cls: type[OpinippError], args: tuple[Any, ...], state: dict[str, Any]) -> OpinippError:
    """Recreate an error from its message and attributes (the pickle path)."""
    err = cls.__new__(cls)
    Exception.__init__(err, *args)
    err.__dict__.update(state)
    return err


class OpinippError(Exception):
    """Base class of every error opinipp raises on purpose.

    Its str and repr stay short and never raise, whatever it was given.
    """

    def __str__(self) -> str:
        if len(self.args) == 1:
            return _text(self.args[0], _MAX_MESSAGE)
        try:
            text = super().__str__()
            if type(text) is not str:
                text = str.__str__(text)
        except Exception:  # noqa: BLE001 - e.g. a huge int or a broken __str__ as the message
            text = ", ".join(_show(arg) for arg in self.args)
        return _clip(text, _MAX_MESSAGE)

    def __repr__(self) -> str:
        name = type(self).__name__
        shown = self.args[:2]
        # Each argument gets its share of the bound, less the name, parentheses and commas.
        share = (_MAX_MESSAGE - len(name) - 2 - 2 * len(shown)) // max(len(shown), 1)
        args = ", ".join(_show(arg, share) for arg in shown)
        return f"{name}({args})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class OpinippWarning(UserWarning):
    """Base class of opinipp's warnings."""


class InvalidScoreError(OpinippError, ValueError):
    """A score that is not an exact two-decimal value on 0.00–100.00.

    Attributes:
        value: the rejected input, as given.
        reason: what is wrong with it.
    """

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(
            f"invalid score {_show(value)}: {_text(reason)}; expected {SCORE_EXPECTATION}"
        )


class InvalidEntityError(OpinippError, ValueError):
    """An entity (province, Pemda, OPD, …) built from values that break its rules.

    Attributes:
        entity: the class name, e.g. ``"Pemda"``.
        field: the field that was rejected.
        value: the rejected value.
        expected: what the field accepts.
    """

    def __init__(self, entity: str, field: str, value: object, expected: str) -> None:
        self.entity = entity
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(
            f"invalid {_text(entity)}.{_text(field)} {_show(value)}: expected {_text(expected)}"
        )


class InvalidArgumentError(OpinippError, ValueError):
    """An option or argument outside the values a function accepts.

    Attributes:
        argument: the parameter name.
        value: the rejected value.
        expected: what the parameter accepts.
    """

    def __init__(self, argument: str, value: object, expected: str) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        super().__init__(f"invalid {_text(argument)} {_show(value)}: expected {_text(expected)}")


class UnknownRegionError(OpinippError, LookupError, ValueError):
    """A province or local government that the bundled reference data does not know.

    Attributes:
        query: the text or code that was looked up.
        level: ``"province"`` or ``"pemda"``.
        suggestions: close matches, best first (may be empty).
        reason: what was expected instead, when more specific than "a code or a name".
    """

    def __init__(
        self,
        query: object,
        level: str,
        suggestions: Sequence[str] = (),
        *,
        reason: str | None = None,
    ) -> None:
        self.query = query
        self.level = level
        self.suggestions = _items(suggestions)
        self.reason = reason
        hint = (
            f"; did you mean {_listed(self.suggestions, ', ', quoted=True)}?"
            if self.suggestions
            else ""
        )
        expected = ("" if reason is None else _text(reason)) or _REGION_EXPECTATION
        super().__init__(f"unknown {_text(level)} {_show(query)}: expected {expected}{hint}")


class AmbiguousNameError(OpinippError, LookupError, ValueError):
    """A name that fits more than one region, e.g. ``"Banjar"`` or ``"Gorontalo"``.

    Attributes:
        query: the text that was looked up.
        candidates: the full names it could mean.
    """

    def __init__(self, query: object, candidates: Sequence[str]) -> None:
        self.query = query
        self.candidates = _items(candidates)
        super().__init__(
            f"ambiguous name {_show(query)}: it could be {_listed(self.candidates, ' or ')}; "
            "expected a prefix (Kabupaten, Kota, Provinsi) or a Kemendagri code"
        )


class RulesNotAvailableError(OpinippError, LookupError, ValueError):
    """No assessment rules for the requested year.

    Attributes:
        year: the requested year.
        covered_years: the years opinipp has rules for.
        reason: why there are none (e.g. no assessment was held in 2020).
    """

    def __init__(self, year: object, covered_years: Sequence[int], reason: str = "") -> None:
        self.year = year
        self.covered_years = _items(covered_years)
        self.reason = reason
        given: object = reason  # callers outside the type checker pass anything
        why = "" if given is None else _text(given)
        why = f": {why}" if why else ""
        covered = _listed(self.covered_years, ", ")
        super().__init__(
            f"no assessment rules for year {_show(year)}{why}; covered years: {covered}"
        )


class NotApplicableError(OpinippError, ValueError):
    """A rule or input that exists, but not in the requested year.

    Examples: the "Tanpa Maladministrasi" qualifier before 2025, a Pemda score as the mean
    of its units before 2022, dimension weights for a year where none were published.

    Attributes:
        what: the rule or input concerned.
        year: the assessment year.
        reason: why it does not apply.
    """

    def __init__(self, what: str, year: object, reason: str) -> None:
        self.what = what
        self.year = year
        self.reason = reason
        super().__init__(f"{_text(what)} does not apply to {_show(year)}: {_text(reason)}")


class DuplicateEntityError(OpinippError, ValueError):
    """The same entity appears twice where each may appear once (e.g. in a ranking).

    Attributes:
        entity: the repeated entity.
        scope: where it was repeated.
    """

    def __init__(self, entity: object, scope: object) -> None:
        self.entity = entity
        self.scope = scope
        super().__init__(
            f"duplicate entity {_text(entity)} in {_text(scope)}: expected each entity at most once"
        )


class MixedYearsError(OpinippError, ValueError):
    """Assessments of different years where one year is expected.

    Attributes:
        years: the distinct years found, sorted.
    """

    def __init__(self, years: Sequence[int], context: str = "a ranking") -> None:
        found = _items(years)
        try:
            self.years = tuple(sorted(found))
        except Exception:  # noqa: BLE001 - not all comparable (or a comparison raised): as given
            self.years = found
        self.context = context
        super().__init__(
            f"assessments of several years [{_listed(self.years, ', ', quoted=True)}] in "
            f"{_text(context)}: "
            "expected assessments of one year"
        )


class OutOfScopeError(OpinippError, ValueError):
    """An entity that does not belong to the scope it was given for.

    Attributes:
        entity: the entity.
        scope: the scope it falls outside of.
        expected: what the scope admits.
    """

    def __init__(self, entity: object, scope: object, expected: str) -> None:
        self.entity = entity
        self.scope = scope
        self.expected = expected
        super().__init__(f"{_text(entity)} is outside {_text(scope)}: expected {_text(expected)}")


class InvalidTextError(OpinippError, ValueError):
    """Text (a number, a date) that cannot be read as what was asked for.

    Attributes:
        text: the text, as given.
        expected: what kind of text was expected.
        reason: what is wrong with it.
    """

    def __init__(self, text: object, expected: str, reason: str) -> None:
        self.text = text
        self.expected = expected
        self.reason = reason
        super().__init__(f"cannot read {_show(text)} as {_text(expected)}: {_text(reason)}")


class RowError(OpinippError, ValueError):
    """One bad cell or row in a data file (a cell that is not UTF-8 text is one too).

    Attributes:
        row: the 1-based line number in the file (the header is line 1); for a pandas
            data frame (:func:`opinipp.frames.from_pandas`), the 0-based row position.
        column: the column name, or ``None`` when the whole row is at fault.
        value: the offending cell value.
        reason: what is wrong.
    """

    def __init__(self, row: int, column: str | None, value: object, reason: str) -> None:
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
        where = f"row {_text(row)}"
        if column is not None:
            where += f", column {_show(column)}"
        super().__init__(f"{where}: {_show(value)}: {_text(reason)}")


class InvalidDataError(OpinippError, ExceptionGroup):  # type: ignore[misc]
    """Every problem of a data file or a JSON text at once, as an exception group.

    For a file (CSV, a data frame, the bundled data) ``errors.exceptions`` holds one
    :class:`RowError` per bad cell or row, in file order. For JSON
    (:func:`opinipp.serialization.from_json` and friends) it holds the specific errors
    (:class:`InvalidArgumentError`, :class:`InvalidScoreError`, :class:`UnknownRegionError`,
    :class:`RulesNotAvailableError`, :class:`DuplicateEntityError` …), each with the JSON
    path of its value as its ``path`` attribute (``"$[3].score"``) and in its message.
    :meth:`messages` flattens them to readable lines. A ``message`` that is not text, or
    ``exceptions`` that are not a non-empty sequence of exceptions, raise
    :class:`InvalidArgumentError`.
    """

    def __new__(cls, message: str, exceptions: Sequence[Exception]) -> Self:
        """Check the arguments that :class:`ExceptionGroup` would reject with a bare error."""
        text = exact_text(message)
        if text is None:
            raise InvalidArgumentError("message", message, "the text of the error (a str)")
        given: object = exceptions
        expected = "a non-empty sequence of exceptions (RowError)"
        if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
            raise InvalidArgumentError("exceptions", given, expected)
        members = tuple(as_list(given, "exceptions", expected))
        if not members or not all(isinstance(e, Exception) for e in members):
            raise InvalidArgumentError("exceptions", given, expected)
        return super().__new__(cls, _clip(text, _MAX_TEXT), members)

    def messages(self) -> list[str]:
        """Return one readable line per member error.

        >>> err = InvalidDataError("bad file", [RowError(3, "score", "x", "not a number")])
        >>> err.messages()
        ["row 3, column 'score': 'x': not a number"]
        """
        return [str(e) for e in self.exceptions]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, list(self.exceptions)))


class MissingExtraError(OpinippError, ImportError):
    """An optional feature whose extra is not installed.

    Attributes:
        extra: the extra to install, e.g. ``"pandas"``.
        module: the missing module.
    """

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        self.module = module
        super().__init__(
            f"this feature needs {_show(module)}, which is not installed: "
            f"pip install 'opinipp[{_text(extra)}]'"
        )


def __dir__() -> list[str]:
    return list(__all__)
