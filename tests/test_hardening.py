"""Hardening: error classes built with odd arguments, and first-use caches under threads."""

from __future__ import annotations

import inspect
import pickle
from decimal import Decimal
from typing import Any

import pytest

from opinipp import errors
from opinipp.errors import InvalidArgumentError, OpinippError, RowError

_BOUND = 2_500  # no message or repr is longer than this, whatever the arguments


class _BadRepr:
    """A value whose repr and str raise (module level, so that it pickles)."""

    def __repr__(self) -> str:
        raise RuntimeError("repr")

    def __str__(self) -> str:
        raise RuntimeError("str")


_ODD: list[tuple[str, object]] = [
    ("None", None),
    ("huge int", 10**5000),
    ("long str", "x" * 100_000),
    ("bad repr", _BadRepr()),
    ("float", 3.5),
    ("list", ["a", 1]),
    ("bytes", b"\xff"),
    ("long list", ["y" * 500] * 1000),
]

_CLASSES = [
    cls
    for name in errors.__all__
    if isinstance(cls := getattr(errors, name), type) and issubclass(cls, OpinippError)
]


def _arity(cls: type[OpinippError]) -> int:
    if cls is OpinippError:
        return 1
    if cls is errors.InvalidDataError:
        return 2
    parameters = inspect.signature(cls.__init__).parameters.values()
    return sum(
        p.name != "self" and p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD
        for p in parameters
    )


def test_every_error_class_is_covered() -> None:
    assert len(_CLASSES) == 15


@pytest.mark.parametrize("cls", _CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize(("label", "odd"), _ODD, ids=[label for label, _ in _ODD])
def test_error_classes_take_odd_arguments(cls: type[OpinippError], label: str, odd: object) -> None:
    args: list[Any] = [odd] * _arity(cls)
    if cls is errors.InvalidDataError:  # its documented refusal
        with pytest.raises(InvalidArgumentError) as refused:
            cls(*args)
        assert len(str(refused.value)) <= _BOUND, label
        return
    err = cls(*args)
    text, shown = str(err), repr(err)
    assert 0 < len(text) <= _BOUND
    assert shown.startswith(cls.__name__ + "(")
    assert len(shown) <= _BOUND
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls
    assert str(again) == text


def test_odd_values_are_named_in_the_message() -> None:
    assert str(errors.InvalidArgumentError("year", 10**5000, "a year")) == (
        "invalid year <int of 16610 bits>: expected a year"
    )
    assert str(errors.InvalidScoreError(_BadRepr(), "odd")).startswith(
        "invalid score <_BadRepr object>: odd;"
    )
    assert str(errors.DuplicateEntityError(_BadRepr(), None)) == (
        "duplicate entity <_BadRepr object> in None: expected each entity at most once"
    )
    long = str(errors.NotApplicableError("x" * 10_000, 2021, "r"))
    assert long.startswith("x" * 100)
    assert "(10000 characters)" in long
    odd: Any = None
    assert errors.RulesNotAvailableError(2020, odd).covered_years == ()
    odd = [2023, "2022"]
    assert errors.MixedYearsError(odd).years == (2023, "2022")
    assert str(OpinippError(10**5000)) == "<int of 16610 bits>"


def test_invalid_data_error_refuses_what_is_not_a_group_of_row_errors() -> None:
    row = RowError(2, "score", "x", "not a number")
    with pytest.raises(InvalidArgumentError, match="message"):
        errors.InvalidDataError(None, [row])  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="exceptions"):
        errors.InvalidDataError("bad file", [])
    with pytest.raises(InvalidArgumentError, match="exceptions"):
        errors.InvalidDataError("bad file", ["x"])  # type: ignore[list-item]
    err = errors.InvalidDataError("bad file", [row])
    assert str(err) == "bad file (1 sub-exception)"
    assert pickle.loads(pickle.dumps(err)).messages() == [
        "row 2, column 'score': 'x': not a number"
    ]


# --- hostile subclasses and huge messages -------------------------------------------


def test_errors_read_hostile_text_as_its_real_text() -> None:
    from fuzz_junk import LyingStr, RaisingInt, RaisingStr, WrongTypeStr

    assert str(InvalidArgumentError("ties", RaisingStr("min"), "a tie mode")) == (
        "invalid ties RaisingStr('min'): expected a tie mode"
    )
    assert str(errors.NotApplicableError(WrongTypeStr("Tanpa"), 2023, "from 2025")) == (
        "Tanpa does not apply to 2023: from 2025"
    )
    assert str(errors.MissingExtraError(RaisingStr("pandas"), LyingStr("pandas"))) == (
        "this feature needs 'pandas', which is not installed: pip install 'opinipp[pandas]'"
    )
    assert str(errors.RowError(RaisingInt(3), "score", "x", "no")) == (
        "row RaisingInt(3), column 'score': 'x': no"
    )
    assert str(OpinippError(WrongTypeStr("a message"))) == "a message"


def test_errors_take_context_whose_truth_or_order_raises() -> None:
    from fuzz_junk import BrokenEverything

    broken: Any = BrokenEverything()
    assert str(errors.UnknownRegionError("Atlantis", "province", reason=broken)) == (
        "unknown province 'Atlantis': expected <BrokenEverything object>"
    )
    assert str(errors.RulesNotAvailableError(2020, (2021,), broken)) == (
        "no assessment rules for year 2020: <BrokenEverything object>; covered years: 2021"
    )
    snan: Any = Decimal("sNaN")
    assert errors.MixedYearsError([True, snan]).years == (True, snan)


def test_invalid_data_error_refuses_exceptions_that_raise_when_iterated() -> None:
    from fuzz_junk import HostileError, RaisingList

    with pytest.raises(InvalidArgumentError, match="exceptions") as refused:
        errors.InvalidDataError("bad file", RaisingList([RowError(2, "score", "x", "no")]))
    assert isinstance(refused.value.__cause__, HostileError)


@pytest.mark.parametrize("length", [1_999, 2_000, 2_001, 5_000, 10_000_000])
def test_str_and_repr_stay_within_2000_characters(length: int) -> None:
    err = OpinippError("9" * length)
    text, shown = str(err), repr(err)
    assert len(text) == min(length, 2_000)
    assert len(shown) <= 2_000
    assert shown.startswith("OpinippError('999")
    if length > 2_000:
        assert text.endswith(f"…9999999999 ({length} characters)")
    data = errors.InvalidDataError("9" * length, [RowError(2, "x" * length, "y" * length, "z")])
    assert len(str(data)) <= 2_000
    assert len(repr(data)) <= 2_000


# --- Disagreement checks its fields ---------------------------------------------------


def _a_disagreement() -> Any:
    from opinipp.datasets import audit

    return audit()[0]


@pytest.mark.parametrize(
    ("field", "junk"),
    [
        ("assessment", None),
        ("assessment", "Provinsi Banten 2018"),
        ("field", "score"),
        ("field", None),
        ("published", None),
        ("published", ""),
        ("published", 3),
        ("computed", 3),
        ("computed", ""),
        ("known_anomaly", b"x"),
        ("known_anomaly", ""),
    ],
)
def test_disagreement_rejects_junk_fields(field: str, junk: object) -> None:
    import attrs

    from opinipp.datasets import Disagreement

    good = _a_disagreement()
    values = attrs.asdict(good, recurse=False) | {field: junk}
    with pytest.raises(InvalidArgumentError) as caught:
        Disagreement(**values)
    assert caught.value.argument == field
    assert caught.value.value is junk


def test_disagreement_accepts_what_audit_builds() -> None:
    import attrs

    from opinipp.datasets import Disagreement

    good = _a_disagreement()
    again = Disagreement(**attrs.asdict(good, recurse=False))
    assert again == good
    assert str(again) == (
        "Provinsi Banten 2018, score 80.74: zone 'zona hijau' published, the rules give 'kuning'"
        " (known anomaly)"
    )


def _is_plain_str(value: object) -> bool:
    return type(value) is str


def test_disagreement_and_unit_mean_check_keep_plain_values() -> None:
    import attrs

    from fuzz_junk import LyingDecimal, LyingStr, RaisingDecimal, RaisingStr
    from opinipp.datasets import check_unit_means

    good = _a_disagreement()
    again = attrs.evolve(good, field=RaisingStr("zone"), published=RaisingStr("zona hijau"))
    assert again == good
    assert _is_plain_str(again.field)
    assert _is_plain_str(again.published)
    with pytest.raises(InvalidArgumentError, match="'zone', 'category' or 'opinion'"):
        attrs.evolve(good, field=LyingStr("score"))  # its __eq__ says it equals "zone"
    check = next(c for c in check_unit_means() if c.status == "disagrees")
    status: Any = RaisingStr(check.status)
    copied = attrs.evolve(check, status=status)
    assert copied.status == check.status
    assert _is_plain_str(copied.status)
    difference = RaisingDecimal(str(check.difference))
    assert attrs.evolve(check, difference=difference).difference == check.difference
    for junk in (LyingDecimal("NaN"), Decimal("sNaN"), Decimal("Infinity")):
        with pytest.raises(InvalidArgumentError, match="None or a finite Decimal"):
            attrs.evolve(check, difference=junk)


def test_a_unit_mean_check_is_consistent() -> None:
    import attrs

    from opinipp.datasets import check_unit_means

    checks = check_unit_means()
    incomplete = next(c for c in checks if c.status == "units incomplete")
    disagrees = next(c for c in checks if c.status == "disagrees")
    with pytest.raises(InvalidArgumentError, match="None exactly when mean is None"):
        attrs.evolve(disagrees, difference=None)
    with pytest.raises(InvalidArgumentError, match="None exactly when mean is None"):
        attrs.evolve(incomplete, difference=Decimal(0))
    with pytest.raises(InvalidArgumentError, match="'disagrees' for this mean and difference"):
        attrs.evolve(disagrees, status="agrees")
    with pytest.raises(InvalidArgumentError, match="'agrees' for this mean and difference"):
        attrs.evolve(disagrees, difference=Decimal(0))


# --- first-use caches are built once under threads --------------------------------------

# Each case: the module, the function its first-use build calls (wrapped to count the calls
# and to sleep, so that every thread is inside the build together), the public call, and
# how many calls one build makes.
_COLD_CACHE_PROBE = """
import json, sys, threading, time
import importlib

module_name, inner, call = sys.argv[1:4]
module = importlib.import_module(module_name)
real = getattr(module, inner)
calls = []

def counting(*args, **kwargs):
    calls.append(args)
    time.sleep(0.05)
    return real(*args, **kwargs)

setattr(module, inner, counting)
public = eval(call, {"opinipp": importlib.import_module("opinipp"), "module": module})
barrier = threading.Barrier(16)
results = [None] * 16

def run(i):
    barrier.wait()
    results[i] = public()

threads = [threading.Thread(target=run, args=(i,)) for i in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps({"calls": len(calls), "distinct": len({id(r) for r in results})}))
"""


@pytest.mark.parametrize(
    ("module", "inner", "call", "calls_per_build"),
    [
        ("opinipp.datasets", "_read", "module.published_results", 1),
        ("opinipp.regions", "_read_csv", "module.provinces", 5),
        ("opinipp.years", "_build", "lambda: module.assessment_year(2023)", 10),
    ],
    ids=["published_results", "regions", "years"],
)
def test_a_cold_cache_is_built_once_under_16_threads(
    module: str, inner: str, call: str, calls_per_build: int
) -> None:
    import json
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src"
    result = subprocess.run(
        [sys.executable, "-c", _COLD_CACHE_PROBE, module, inner, call],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(src), "PATH": ""},
    )
    found = json.loads(result.stdout)
    assert found == {"calls": calls_per_build, "distinct": 1}
