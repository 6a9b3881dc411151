"""Fuzz the survey-index entry points (opinipp.skm, opinipp.ipp): junk raises documented errors.

Each call starts from valid arguments and puts junk in one argument (or none). Junk is text,
``None``, bools, huge ints, NaN and infinities, ``Decimal('sNaN')``, lists, dicts, bytes,
objects and NumPy scalars. The call returns the documented type or raises an
:class:`~opinipp.errors.OpinippError` (the documented ones), whose message renders.

Budget: :func:`fuzz_junk.fuzz_examples` per entry point (10,000 under the ``fuzz`` profile,
2,000 under ``ci``, 200 by default); every example is one cheap call.
"""

from __future__ import annotations

import io
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from fuzz_junk import HOSTILE, fuzz_examples, resolve
from opinipp import ipp as ipp_module
from opinipp import skm
from opinipp.errors import OpinippError

if TYPE_CHECKING:
    from collections.abc import Callable

FUZZ = settings(
    max_examples=fuzz_examples(),
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)

_JUNK_POOL: tuple[Any, ...] = (
    "",
    " ",
    "x",
    "4,4",
    "1e400",
    "NaN",
    "-1",
    "٤",
    "\x00",
    "permenpanrb",
    None,
    True,
    False,
    0,
    -1,
    5,
    10**400,
    float("nan"),
    float("inf"),
    -0.0,
    4.5,
    Decimal("sNaN"),
    Decimal("NaN"),
    Decimal("1E+999999"),
    Fraction(7, 2),
    [],
    [None],
    [[4] * 9],
    {},
    {"U1": 4},
    b"4",
    object(),
    (4,) * 9,
    np.int64(4),
    np.float64(np.nan),
    np.float32(3.5),
    np.bool_(1),
    np.array([4] * 9),
    complex(4, 0),
    pd.NA,
)
JUNK = st.one_of(
    st.sampled_from(range(len(_JUNK_POOL))).map(_JUNK_POOL.__getitem__),
    st.sampled_from(HOSTILE),  # NumPy, pandas and hostile values, shown by their label
)
MAX_MESSAGE = 2_000
"""The longest str or repr of an error, whatever the input."""

GOOD_ROWS = [[4, 3, 3, 4, 3, 3, 4, 3, 2], [4, 4, 4, 4, 3, 3, 3, 3, 3]]
GOOD_SCORES: dict[str, Any] = {a.code: 4 for a in ipp_module.DEFAULT_IPP_RULES.aspects}
CSV_TEXT = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,3,4,3,3,4,3,2\n"


def _csv() -> io.StringIO:
    return io.StringIO(CSV_TEXT)


def _workbook() -> bytes:
    import importlib

    book = importlib.import_module("openpyxl").Workbook()
    for row in (CSV_TEXT.splitlines()[0].split(","), GOOD_ROWS[0]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


XLSX = _workbook()


def _frame() -> pd.DataFrame:
    frame: pd.DataFrame = pd.DataFrame({f"U{i}": [4, 3] for i in range(1, 10)})
    return frame


_RESULT = skm.ikm(GOOD_ROWS)
_IPP = ipp_module.ipp(GOOD_SCORES)
_OBJECTS: tuple[Any, ...] = (
    skm.skm_rules(),
    skm.skm_rules().unsur[0],
    skm.skm_rules().bands[0],
    _RESULT,
    _RESULT.unsur[0],
    skm.sample_size(100),
    ipp_module.DEFAULT_IPP_RULES,
    ipp_module.DEFAULT_IPP_RULES.aspects[0],
    ipp_module.DEFAULT_IPP_RULES.aspects[0].indicators[0],
    _IPP,
    _IPP.aspects[0],
    ipp_module.pemda_ipp([_IPP]),
)


def _fields(obj: Any) -> tuple[Callable[[], list[Any]], dict[str, Any]]:
    """An attrs object's constructor arguments: positional fields, and keyword-only ones."""
    fields = attrs.fields(type(obj))
    values = [getattr(obj, f.name) for f in fields if not f.kw_only]
    return (lambda: list(values)), {f.name: getattr(obj, f.name) for f in fields if f.kw_only}


ENTRY_POINTS: dict[
    str, tuple[Callable[..., Any], Callable[[], list[Any]], dict[str, Any], type]
] = {
    "skm_rules": (skm.skm_rules, lambda: ["kep-25-2004"], {}, skm.SkmRules),
    "ikm": (skm.ikm, lambda: [GOOD_ROWS], {"rules": None, "weight": None}, skm.IkmResult),
    "mutu": (skm.mutu, lambda: ["81.25"], {"rules": "permenpanrb-14-2017"}, skm.IndexBand),
    "sample_size": (skm.sample_size, lambda: [100], {}, skm.SampleSize),
    "Responses": (skm.Responses, lambda: [((4,) * 9,)], {"source": "s"}, skm.Responses),
    "Responses.from_rows": (
        skm.Responses.from_rows,
        lambda: [GOOD_ROWS],
        {"rules": "permenpanrb-14-2017", "ignore": (), "errors": "collect", "source": "r"},
        skm.Responses,
    ),
    "Responses.read_csv": (
        skm.Responses.read_csv,
        lambda: [_csv()],
        {"rules": "permenpanrb-14-2017", "ignore": (), "errors": "collect"},
        skm.Responses,
    ),
    "Responses.read_excel": (
        skm.Responses.read_excel,
        lambda: [io.BytesIO(XLSX)],
        {"sheet": None, "rules": "permenpanrb-14-2017", "ignore": (), "errors": "collect"},
        skm.Responses,
    ),
    "Responses.from_pandas": (
        skm.Responses.from_pandas,
        lambda: [_frame()],
        {"rules": "permenpanrb-14-2017", "ignore": (), "errors": "raise"},
        skm.Responses,
    ),
    "ipp": (
        ipp_module.ipp,
        lambda: [dict(GOOD_SCORES)],
        {"rules": ipp_module.DEFAULT_IPP_RULES, "weights": None},
        ipp_module.IppResult,
    ),
    "pemda_ipp": (
        ipp_module.pemda_ipp,
        lambda: [["4.7349", "4.6349"]],
        {"rules": ipp_module.DEFAULT_IPP_RULES},
        ipp_module.PemdaIpp,
    ),
    "category": (
        ipp_module.category,
        lambda: ["4.67"],
        {"rules": ipp_module.DEFAULT_IPP_RULES},
        skm.IndexBand,
    ),
    **{f"{type(obj).__name__}()": (type(obj), *_fields(obj), type(obj)) for obj in _OBJECTS},
    "IppRules.aspect": (
        ipp_module.DEFAULT_IPP_RULES.aspect,
        lambda: ["sdm"],
        {},
        ipp_module.Aspect,
    ),
}


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_junk_raises_only_documented_errors(name: str) -> None:
    function, positional, keywords, returns = ENTRY_POINTS[name]
    slots = len(positional()) + len(keywords)

    @FUZZ
    @given(slot=st.integers(-1, slots - 1), junk=JUNK, nested=st.booleans())
    def run(slot: int, junk: Any, nested: bool) -> None:
        args = positional()
        kwargs = dict(keywords)
        if 0 <= slot < len(args):
            if nested and isinstance(args[slot], list) and args[slot]:
                args[slot] = [*args[slot][:-1], junk]  # junk inside a valid collection
            else:
                args[slot] = junk
        elif slot >= len(args):
            kwargs[sorted(kwargs)[slot - len(args)]] = junk
        note(f"{name}(*{args!r:.2000}, **{kwargs!r:.2000})")
        args = [resolve(a) for a in args]
        kwargs = {k: resolve(v) for k, v in kwargs.items()}
        try:
            result = function(*args, **kwargs)
        except OSError:  # documented for a path that cannot be opened
            assert name in {"Responses.read_csv", "Responses.read_excel"}
            assert isinstance(args[0], str)
            return
        except OpinippError as error:
            rendered = (str(error), repr(error))
            assert all(rendered)
            assert max(map(len, rendered)) <= MAX_MESSAGE
            return
        assert isinstance(result, returns)

    run()


def test_every_constructor_is_fuzzed() -> None:
    classes = {
        getattr(module, n)
        for module in (skm, ipp_module)
        for n in module.__all__
        if isinstance(getattr(module, n), type) and not issubclass(getattr(module, n), Enum)
    }
    assert {f"{c.__name__}()" for c in classes} - {"Responses()"} <= set(ENTRY_POINTS)


def test_every_public_callable_is_fuzzed() -> None:
    public = {
        f"{module.__name__.rsplit('.', 1)[-1]}.{n}"
        for module in (skm, ipp_module)
        for n in module.__all__
        if callable(getattr(module, n)) and not isinstance(getattr(module, n), type)
    }
    fuzzed = {"skm.skm_rules", "skm.ikm", "skm.mutu", "skm.sample_size"} | {
        f"ipp.{n}" for n in ("ipp", "pemda_ipp", "category")
    }
    assert public == fuzzed
    assert {
        "Responses",
        "Responses.from_rows",
        "Responses.read_csv",
        "Responses.read_excel",
        "Responses.from_pandas",
    } <= set(ENTRY_POINTS)
