"""What analysts and attackers pass: NumPy and pandas values, hostile subclasses, huge values.

The fuzz suite (``tests/test_fuzz.py``) draws these by index from :data:`HOSTILE`. Each value
travels through Hypothesis as a :class:`Junk` placeholder with a short label, so that a
10 MB string, an int of 5,000 digits or an object whose ``repr`` raises never reaches
Hypothesis's report; :func:`resolve` swaps the placeholders for the values just before the
call. The values are built once, at import.
"""

from __future__ import annotations

import itertools
import math
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, SupportsIndex

import numpy as np
import pandas as pd
from hypothesis import settings

BIG = 10_000_000
"""The length of the big strings: 10 MB."""


class HostileError(RuntimeError):
    """Raised by the hostile values; it must never escape a public function."""


def _boom(*_: object, **__: object) -> NoReturn:
    raise HostileError("hostile value")


_counter = itertools.count()


def _lying_hash(_: object) -> int:
    return next(_counter)


class RaisingStr(str):
    """A str whose methods, comparisons, hash, length and reprs all raise."""

    __slots__ = ()
    strip = lstrip = rstrip = casefold = lower = upper = title = _boom
    split = rsplit = replace = encode = startswith = endswith = translate = _boom
    isdigit = isdecimal = isnumeric = isascii = isspace = partition = find = _boom
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __hash__ = _boom
    __len__ = __iter__ = __getitem__ = __contains__ = __format__ = _boom
    __str__ = __repr__ = __add__ = __radd__ = __mod__ = __fspath__ = _boom


class LyingStr(str):
    """A str that lies: it strips and folds to other text and equals everything."""

    __slots__ = ()

    def strip(self, chars: str | None = None) -> str:  # noqa: ARG002
        return "hijau"

    def casefold(self) -> str:
        return "merah"

    def lower(self) -> str:
        return "kabupaten"

    def upper(self) -> str:
        return "A"

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    __hash__ = _lying_hash


class WrongTypeStr(str):
    """A str whose methods return values that are not text."""

    __slots__ = ()

    def strip(self, chars: str | None = None) -> Any:  # noqa: ARG002
        return None

    def casefold(self) -> Any:
        return 42

    def lower(self) -> Any:
        return []

    def split(self, sep: str | None = None, maxsplit: SupportsIndex = -1) -> Any:  # noqa: ARG002
        return None

    def __str__(self) -> Any:
        return 1  # noqa: PLE0307 - not text, on purpose


class RaisingInt(int):
    """An int whose conversions, reprs and hash raise."""

    __slots__ = ()
    __index__ = __int__ = __float__ = __str__ = __repr__ = __format__ = _boom
    __hash__ = __eq__ = __lt__ = __le__ = __gt__ = __ge__ = __bool__ = _boom


class LyingInt(int):
    """An int that equals everything and converts to another int."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return True

    def __index__(self) -> int:
        return -1

    __hash__ = _lying_hash


class RaisingDecimal(Decimal):
    """A Decimal whose inspection methods and reprs raise."""

    __slots__ = ()
    as_tuple = is_nan = is_snan = is_qnan = is_finite = is_infinite = quantize = _boom
    is_signed = adjusted = normalize = scaleb = to_integral_value = _boom
    __str__ = __repr__ = __format__ = __hash__ = __eq__ = __lt__ = __le__ = _boom
    __gt__ = __ge__ = __int__ = __float__ = __mul__ = __add__ = __round__ = _boom


class LyingDecimal(Decimal):
    """A Decimal (a NaN or an infinity) that says it is finite and not a NaN."""

    __slots__ = ()

    def is_nan(self) -> bool:
        return False

    def is_snan(self) -> bool:
        return False

    def is_finite(self) -> bool:
        return True

    def is_infinite(self) -> bool:
        return False


class JunkReprFloat(float):
    """A float whose repr and str are junk text (NUL, a lone surrogate, a formula)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "\x00\ud800=HYPERLINK(1)"

    __str__ = __repr__


class NotTextReprFloat(float):
    """A float whose repr returns no text, so ``repr()`` raises TypeError."""

    __slots__ = ()

    def __repr__(self) -> Any:
        return None

    __str__ = __repr__


class RaisingFloat(float):
    """A float whose reprs, formatting, comparisons and hash raise."""

    __slots__ = ()
    __repr__ = __str__ = __format__ = __hash__ = __eq__ = __lt__ = __le__ = _boom
    __gt__ = __ge__ = is_integer = as_integer_ratio = __round__ = __bool__ = _boom


class BrokenRepr:
    """An object whose repr, str and format raise."""

    __repr__ = __str__ = __format__ = _boom


class BrokenEverything:
    """An object that raises on anything Python asks of it."""

    __repr__ = __str__ = __format__ = __hash__ = __eq__ = __bool__ = _boom
    __iter__ = __len__ = __index__ = __float__ = __int__ = __fspath__ = _boom
    __getattr__ = _boom


class RaisingList(list[Any]):
    """A list whose iteration, length and indexing raise."""

    __iter__ = __len__ = __getitem__ = __repr__ = __hash__ = _boom  # type: ignore[assignment]


class BadPath:
    """A path-like object whose ``__fspath__`` raises, or returns something that is no path."""

    def __init__(self, result: object) -> None:
        self.result = result

    def __fspath__(self) -> Any:
        if self.result is None:
            _boom()
        return self.result

    def __repr__(self) -> str:
        return f"BadPath({self.result!r})"


def _nested(depth: int) -> list[Any]:
    outer: list[Any] = []
    inner = outer
    for _ in range(depth):
        inner.append([])
        inner = inner[0]
    return outer


def _self_containing() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    return loop


class Junk:
    """A placeholder for one hostile value, shown in reports by its label."""

    __slots__ = ("label", "value")

    def __init__(self, label: str, value: object) -> None:
        self.label = label
        self.value = value

    def __repr__(self) -> str:
        return f"<{self.label}>"


def resolve(value: object) -> Any:
    """Swap :class:`Junk` placeholders (also inside a list, tuple or dict) for their values."""
    if isinstance(value, Junk):
        return value.value
    if type(value) is list and any(isinstance(v, Junk) for v in value):
        return [resolve(v) for v in value]
    if type(value) is tuple and any(isinstance(v, Junk) for v in value):
        return tuple(resolve(v) for v in value)
    if type(value) is dict and any(isinstance(v, Junk) for v in value.values()):
        return {k: resolve(v) for k, v in value.items()}
    return value


_TEXTS = ("81.84", "2023", "A", "hijau", "Sultra", "74.13", "kabupaten", "id")
_SMALL: dict[str, object] = {
    # NumPy scalars of every dtype family, 0-d and 1-d arrays
    "np.float16(81.84)": np.float16(81.84),
    "np.float32(81.84)": np.float32(81.84),
    "np.float64(81.84)": np.float64(81.84),
    "np.float64(81.845)": np.float64(81.845),
    "np.float64(nan)": np.float64(math.nan),
    "np.float64(inf)": np.float64(math.inf),
    "np.float64(-0.0)": np.float64(-0.0),
    "np.longdouble('81.84')": np.longdouble("81.84"),
    "np.int8(81)": np.int8(81),
    "np.int8(-1)": np.int8(-1),
    "np.int16(2023)": np.int16(2023),
    "np.int32(2023)": np.int32(2023),
    "np.int64(2023)": np.int64(2023),
    "np.int64(8184)": np.int64(8184),
    "np.int64(min)": np.int64(np.iinfo(np.int64).min),
    "np.uint8(81)": np.uint8(81),
    "np.uint16(2023)": np.uint16(2023),
    "np.uint32(2023)": np.uint32(2023),
    "np.uint64(2023)": np.uint64(2023),
    "np.uint64(max)": np.uint64(np.iinfo(np.uint64).max),
    "np.bool_(True)": np.bool_(True),  # noqa: FBT003
    "np.bool_(False)": np.bool_(False),  # noqa: FBT003
    "np.complex64(81.84)": np.complex64(81.84),
    "np.complex128(1j)": np.complex128(1j),
    "np.datetime64('2023-12-14')": np.datetime64("2023-12-14"),
    "np.datetime64('NaT')": np.datetime64("NaT"),
    "np.timedelta64(1, 'D')": np.timedelta64(1, "D"),
    "np.str_('81.84')": np.str_("81.84"),
    "np.str_('2023')": np.str_("2023"),
    "np.bytes_(b'81.84')": np.bytes_(b"81.84"),
    "np.array(81.84)": np.array(81.84),
    "np.array(2023)": np.array(2023),
    "np.array('81.84')": np.array("81.84"),
    "np.array([81.84])": np.array([81.84]),
    "np.array([2023])": np.array([2023]),
    "np.array(['Sultra'])": np.array(["Sultra"]),
    "np.array([])": np.array([]),
    "np.array([[1, 2], [3, 4]])": np.array([[1, 2], [3, 4]]),
    # pandas scalars and one-element containers
    "pd.NA": pd.NA,
    "pd.NaT": pd.NaT,
    "pd.Timestamp('2023-12-14')": pd.Timestamp("2023-12-14"),
    "pd.Timestamp('2025-02-04 10:00', tz='Asia/Makassar')": pd.Timestamp(
        "2025-02-04 10:00", tz="Asia/Makassar"
    ),
    "pd.Timedelta('1D')": pd.Timedelta("1D"),
    "pd.Period('2023')": pd.Period("2023"),
    "pd.Series([81.84])": pd.Series([81.84]),
    "pd.Series([2023])": pd.Series([2023]),
    "pd.Series(['81.84'])": pd.Series(["81.84"]),
    "pd.Series([pd.NA], dtype='Float64')": pd.Series([pd.NA], dtype="Float64"),
    "pd.Index([2023])": pd.Index([2023]),
    "pd.DataFrame({'score': [81.84]})": pd.DataFrame({"score": [81.84]}),
    # hostile subclasses
    **{f"RaisingStr({t!r})": RaisingStr(t) for t in _TEXTS},
    **{f"LyingStr({t!r})": LyingStr(t) for t in _TEXTS},
    **{f"WrongTypeStr({t!r})": WrongTypeStr(t) for t in _TEXTS},
    **{f"RaisingInt({i})": RaisingInt(i) for i in (2023, 81, 0, 1)},
    **{f"LyingInt({i})": LyingInt(i) for i in (2023, 81)},
    **{f"RaisingDecimal({t!r})": RaisingDecimal(t) for t in ("81.84", "2023", "NaN")},
    **{f"LyingDecimal({t!r})": LyingDecimal(t) for t in ("NaN", "sNaN", "Infinity")},
    "JunkReprFloat(81.84)": JunkReprFloat(81.84),
    "NotTextReprFloat(81.84)": NotTextReprFloat(81.84),
    "RaisingFloat(81.84)": RaisingFloat(81.84),
    "RaisingFloat(2023.0)": RaisingFloat(2023.0),
    "BrokenRepr()": BrokenRepr(),
    "BrokenEverything()": BrokenEverything(),
    "RaisingList(['81.84'])": RaisingList(["81.84"]),
    "[RaisingStr('81.84')]": [RaisingStr("81.84")],
    "{'input': RaisingFloat(81.84)}": {"input": RaisingFloat(81.84)},
    "list nested 100,000 deep": _nested(100_000),
    "list containing itself": _self_containing(),
    # huge ints, beyond the digits int() and str() convert
    "10**5000": 10**5000,
    "-10**5000": -(10**5000),
    "2**64": 2**64,
    # text with lone surrogates, NUL and formulas
    "'\\ud800'": "\ud800",
    "'\\udfff'": "\udfff",
    "'81.84\\ud800'": "81.84\ud800",
    "'\\x00'": "\x00",
    "'\\x00=HYPERLINK(1)'": "\x00=HYPERLINK(1)",
    "'81.84\\x00'": "81.84\x00",
    "'Sultra\\x00'": "Sultra\x00",
    "'=HYPERLINK(\"http://x\")'": '=HYPERLINK("http://x")',
    "'\\ufeff81.84'": "\ufeff81.84",
    "'\\u202e48.18'": "\u202e48.18",
    "'81.84\\n2023'": "81.84\n2023",
    "'9' * 5000": "9" * 5000,
    "'0.' + '0' * 5000 + '1'": "0." + "0" * 5000 + "1",
    "'1e999999999'": "1e999999999",
    "b'\\x00'": b"\x00",
}
_BIG: dict[str, object] = {
    # 10 MB strings: one in about a hundred hostile values
    "'x' * 10 MB": "x" * BIG,
    "'8' * 10 MB": "8" * BIG,
}

HOSTILE: tuple[Junk, ...] = tuple(Junk(k, v) for k, v in {**_SMALL, **_BIG}.items())
"""The hostile values, as placeholders; cheap ones first, so that failures shrink to them."""

HOSTILE_NOT_TEXT: tuple[Junk, ...] = tuple(j for j in HOSTILE if not isinstance(j.value, str))
"""The hostile values that are not ``str`` (nor a subclass): never a file name."""

_MISSING = Path(__file__).resolve().parent / "no-such-directory-for-fuzzing"
HOSTILE_PATHS: tuple[Junk, ...] = tuple(
    Junk(k, v)
    for k, v in {
        "'\\x00'": "\x00",
        "'a\\x00b'": "a\x00b",
        "'\\ud800'": "\ud800",
        "missing/'\\ud800'": str(_MISSING / "\ud800"),
        "missing/'x' * 5000": str(_MISSING / ("x" * 5000)),
        "b'\\x00'": b"\x00",
        "b'missing'": bytes(_MISSING),
        "BadPath(raises)": BadPath(None),
        "BadPath(42)": BadPath(42),
        "BadPath(b'x')": BadPath(b"x"),
        "BadPath('\\x00')": BadPath("\x00"),
        "BadPath(BrokenEverything())": BadPath(BrokenEverything()),
    }.items()
)
"""Paths that name no file that could be created: bad characters, bad path-likes, bytes."""


_FUZZ_EXAMPLES = {"ci": 2_000, "fuzz": 10_000}


def fuzz_examples() -> int:
    """Hypothesis examples (one call each) per fuzzed entry point under the current profile.

    200 by default, 2,000 under ``ci`` (what fits in a CI run), 10,000 under ``fuzz``
    (``./dev fuzz``).
    """
    return _FUZZ_EXAMPLES.get(settings.get_current_profile_name(), 200)
