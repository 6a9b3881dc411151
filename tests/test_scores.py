from __future__ import annotations

import copy
import operator
import pickle
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp.errors import InvalidArgumentError, InvalidScoreError, InvalidTextError
from opinipp.locale_id import parse_number
from opinipp.scores import MAX_SCORE, MIN_SCORE, Score
from opinipp.strategies import scores


@pytest.mark.parametrize(
    "value",
    [
        "81.84",
        "81,84",
        " 81.84 ",
        "\t81,84\n",
        81.84,
        Decimal("81.84"),
        Decimal("81.840"),
        "81.840",
        "81,8400",
        Decimal("8184E-2"),
        Fraction(8184, 100),
    ],
)
def test_accepted_spellings_of_81_84(value: object) -> None:
    score = Score(value)  # type: ignore[arg-type]
    assert score.hundredths == 8184
    assert score.value == Decimal("81.84")
    assert str(score) == "81.84"


def test_int_and_whole_text() -> None:
    assert Score(81).value == Decimal("81.00")
    assert str(Score(81)) == "81.00"
    assert Score("81") == Score(81) == Score("81.0") == Score("81,00")
    assert Score(0) == MIN_SCORE
    assert Score(100) == MAX_SCORE
    assert Score("100.00").hundredths == 10_000


def test_founding_difference_is_exact() -> None:
    assert Score("88.00") - Score("81.84") == Decimal("6.16")
    assert Score("88.01") - Score("81.84") == Decimal("6.17")
    assert Score("81.84") + Decimal("6.16") == Decimal("88.00")
    assert Decimal("88.00") - Score("81.84") == Decimal("6.16")
    assert Score("90.02") - Score("60.35") == Decimal("29.67")
    assert Score("81.84") - Score("34.19") == Decimal("47.65")


def test_float_shortest_repr_has_no_artefacts() -> None:
    # 77.99 and 78.00 are not exact in binary floating point.
    assert Score(77.99).hundredths == 7799
    assert Score(78.0).hundredths == 7800
    # A float carrying an arithmetic artefact is not silently truncated...
    with pytest.raises(InvalidScoreError, match="more than two decimals"):
        Score(0.1 + 0.2)
    # ...but can be rounded on request.
    assert Score.rounded(0.1 + 0.2) == Score("0.30")
    assert Score(88.0) - Score(81.84) == Decimal("6.16")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (float("nan"), "not a number"),
        (float("inf"), "infinite"),
        (float("-inf"), "infinite"),
        (Decimal("NaN"), "not a number"),
        (Decimal("sNaN"), "not a number"),
        (Decimal("Infinity"), "infinite"),
        (-1, "below 0.00"),
        (-0.01, "below 0.00"),
        ("-5", "a minus sign is not accepted (a score is never negative)"),
        ("-0", "a minus sign is not accepted"),
        ("\u221281.84", "a minus sign is not accepted"),
        (100.5, "above 100.00"),
        ("100.01", "above 100.00"),
        (101, "above 100.00"),
        (10**100, "above 100.00"),
        (Decimal("1E+999999"), "above 100.00"),
        (True, "bool is not a score"),
        (False, "bool is not a score"),
        (None, "missing value (None)"),
        ("", "empty text"),
        ("   ", "empty text"),
        ("8l.84", "not a decimal number"),
        ("81.84.1", "more than one separator"),
        ("1.234,56", "more than one separator"),
        ("1,234.56", "more than one separator"),
        ("1.001", "more than two decimals"),
        ("81.8401", "more than two decimals"),
        ("81.845", "more than two decimals"),
        (81.845, "more than two decimals"),
        (Decimal("81.845"), "more than two decimals"),
        ("+5", "a plus sign is not accepted (write the number without it)"),
        ("1e2", "not a decimal number"),
        ("nan", "not a decimal number"),
        (".5", "not a decimal number"),
        ("81.", "not a decimal number"),
        ("٨١", "not a decimal number"),  # Arabic-Indic digits are not accepted
        ([81], "unsupported type list"),
        (b"81", "unsupported type bytes"),
        (Fraction(1, 3), "more than two decimals"),
        (Fraction(-1, 100), "below 0.00"),
        (Fraction(10001, 100), "above 100.00"),
        (complex(1, 0), "unsupported type complex"),
    ],
)
def test_rejected_values_name_the_value_and_reason(value: object, reason: str) -> None:
    with pytest.raises(InvalidScoreError) as info:
        Score(value)  # type: ignore[arg-type]
    assert reason in str(info.value)
    assert repr(value) in str(info.value)
    assert "0.00 to 100.00" in str(info.value)
    assert info.value.value is value or info.value.value == value
    assert isinstance(info.value, ValueError)


def test_one_rule_for_every_type_the_value_counts_not_its_spelling() -> None:
    """A score is an exact value with at most two decimals; trailing zeros are no decimals."""
    for spelling in ("1.000", "1,00000", Decimal("1.000"), Fraction(1), 1.0, 1):
        assert Score(spelling) == Score("1.00")
    for zero in (-0.0, Decimal("-0"), Decimal("-0.000"), Fraction(0), "0.000"):
        assert Score(zero).hundredths == 0
        assert str(Score(zero)) == "0.00"
        assert str(Score.rounded(zero)) == "0.00"


@pytest.mark.parametrize("negative", [Decimal("-0.004"), Fraction(-4, 1000), -0.004, -(10**-9)])
def test_rounded_refuses_every_negative_value_alike(negative: object) -> None:
    with pytest.raises(InvalidScoreError, match=r"below 0\.00"):
        Score.rounded(negative)  # type: ignore[arg-type]


@given(st.decimals(min_value=-1, max_value=101, places=4, allow_nan=False))
def test_str_decimal_and_fraction_follow_one_rule(d: Decimal) -> None:
    """The same value is accepted or refused alike, whatever type carries it."""
    spellings: list[object] = [d, Fraction(d), float(d)] if d >= 0 else [d, Fraction(d)]
    if d >= 0:
        spellings.append(f"{d:f}")
    exact = 0 <= d <= 100 and d == d.quantize(Decimal("0.01"))
    for value in spellings:
        if exact:
            assert Score(value).value == d  # type: ignore[arg-type]
        else:
            with pytest.raises(InvalidScoreError):
                Score(value)  # type: ignore[arg-type]
        if d < 0:
            with pytest.raises(InvalidScoreError, match=r"below 0\.00"):
                Score.rounded(value)  # type: ignore[arg-type]
        elif d <= Decimal("100.004"):
            assert Score.rounded(value) == Score.rounded(d)  # type: ignore[arg-type]


def test_huge_and_long_inputs_keep_the_documented_error() -> None:
    with pytest.raises(InvalidScoreError, match=r"<int of 16610 bits>: above 100\.00"):
        Score(10**5000)
    with pytest.raises(InvalidScoreError, match=r"\(502 characters\): above 100\.00"):
        Score("9" * 500)


def test_rounded_is_half_up() -> None:
    assert Score.rounded("81.845") == Score("81.85")
    assert Score.rounded("81.844") == Score("81.84")
    assert Score.rounded(Decimal("692.31") / 7) == Score("98.90")  # Rembang 2024
    assert Score.rounded(Decimal("255.53") / 3) == Score("85.18")  # Bolmong 2025
    assert Score.rounded(Fraction(25553, 300)) == Score("85.18")
    assert Score.rounded(Fraction(1, 200)) == Score("0.01")  # exactly half rounds up
    assert Score.rounded(Decimal("0.005")) == Score("0.01")
    assert Score.rounded(Decimal("0.0049")) == Score("0.00")
    assert Score.rounded("100.004") == MAX_SCORE
    assert Score.rounded(Score("5.00")) == Score("5.00")
    with pytest.raises(InvalidScoreError, match=r"above 100\.00"):
        Score.rounded("100.005")
    with pytest.raises(InvalidScoreError, match="not a number"):
        Score.rounded(float("nan"))
    with pytest.raises(InvalidScoreError, match=r"below 0\.00"):
        Score.rounded(Fraction(-1, 3))


def test_from_hundredths() -> None:
    assert Score.from_hundredths(8184) == Score("81.84")
    for bad in (-1, 10_001, True, 1.5, "8184"):
        with pytest.raises(InvalidScoreError):
            Score.from_hundredths(bad)  # type: ignore[arg-type]


def test_formatting() -> None:
    s = Score("90.02")
    assert s.format() == "90.02"
    assert s.format("en") == "90.02"
    assert s.format("id") == "90,02"
    assert f"{s}" == "90.02"
    assert f"{s:>7}" == "  90.02"
    assert repr(s) == "Score('90.02')"
    assert str(Score("5.5")) == "5.50"
    assert float(Score("97.44")) == 97.44
    assert round(Score("97.44")) == 97
    with pytest.raises(InvalidArgumentError, match="'fr'"):
        s.format("fr")  # type: ignore[arg-type]


def test_comparisons_with_exact_numbers_are_number_like() -> None:
    assert Score("77.99") < Score("78.00") <= Score("78") < Score("88")
    assert Score("88") > Score("87.99") >= Score("87.99")
    assert Score("81.84") != Score("81.85")
    assert Score("81.84") < 90
    assert operator.gt(90, Score("81.84"))  # the reflected comparison
    assert Score(81) == 81
    assert Score("81.84") == Decimal("81.84") == Decimal("81.840")
    assert Decimal("81.85") > Score("81.84") >= Decimal("81.84")
    assert Score("81.84") == Fraction(2046, 25)
    assert Score("81.84") < Fraction(8185, 100)
    assert Score("0.00") > -1
    assert Score("100") < Decimal("Infinity")
    assert Score("0") > Decimal("-1E+999999999")
    assert Score("100") < 10**5000
    assert len({Score("81.84"), Decimal("81.84"), Fraction(8184, 100)}) == 1
    assert hash(Score(81)) == hash(81)
    assert hash(Score("81.84")) == hash(Decimal("81.84")) == hash(Fraction(2046, 25))
    assert hash(Score("100.00")) == hash(100)
    assert hash(MIN_SCORE) == hash(0)


@pytest.mark.parametrize("nan", [Decimal("NaN"), Decimal("sNaN"), Decimal("-sNaN")])
def test_nan_compares_unequal_and_unordered(nan: Decimal) -> None:
    s = Score("81.84")
    assert not s == nan  # noqa: SIM201 - the operator itself is under test
    assert s != nan
    assert not nan == s  # noqa: SIM201
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        assert not compare(s, nan)


def test_floats_and_text_do_not_compare() -> None:
    """A binary float is never exactly 81.84: convert it with Score() first."""
    assert Score("81.84") != 81.84
    assert Score(90) != 90.0
    assert Score("81.84") != "81.84"
    others: tuple[Any, ...] = (90.0, "90", None, [90])
    for other in others:
        for compare in (operator.lt, operator.le, operator.gt, operator.ge):
            with pytest.raises(TypeError):
                compare(Score("81.84"), other)
            with pytest.raises(TypeError):
                compare(other, Score("81.84"))
    with pytest.raises(TypeError):
        _ = Score("1") < True
    assert Score("1") != True  # noqa: E712 - bool is not a number of points


@given(scores(), st.one_of(st.integers(-5, 105), st.decimals(-1, 101, places=3, allow_nan=False)))
def test_order_with_numbers_is_the_order_of_the_exact_value(x: Score, y: int | Decimal) -> None:
    v = x.value
    assert (x < y, x <= y, x == y, x != y, x > y, x >= y) == (
        v < y,
        v <= y,
        v == y,
        v != y,
        v > y,
        v >= y,
    )
    if x == y:
        assert hash(x) == hash(y)


def test_format_takes_float_style_specs_rounding_half_up() -> None:
    s = Score("81.84")
    assert f"{s:.1f}" == "81.8"
    assert f"{Score('81.85'):.1f}" == "81.9"  # half-up, as the Ombudsman rounds
    assert f"{Score('0.25'):.1f}" == "0.3"
    assert f"{s:.2f}" == "81.84"
    assert f"{s:.0f}" == "82"
    assert f"{s:8.3f}" == "  81.840"
    assert f"{s:+.1f}" == "+81.8"
    assert f"{s:.3e}" == "8.184e+1"
    assert f"{s:g}" == "81.84"
    assert f"{s:.2%}" == "8184.00%"
    assert f"{s:>8}" == "   81.84"  # no presentation type: the text, as before
    assert f"{s:<8}|" == "81.84   |"
    assert f"{s:^9s}" == "  81.84  "
    assert f"{s}" == str(s) == "81.84"
    for bad in ("/", "d", "x", ".1z", "=", "10.2s%"):
        with pytest.raises(InvalidArgumentError) as info:
            format(s, bad)
        assert info.value.argument == "format_spec"
        assert info.value.value == bad
        assert isinstance(info.value, ValueError)


def test_round_is_number_like_and_half_up() -> None:
    s = Score("81.84")
    assert round(s) == 82
    assert type(round(s)) is int
    assert round(Score("81.50")) == 82  # half-up
    assert round(Score("81.49")) == 81
    assert round(s, 1) == Decimal("81.8")
    assert round(Score("81.85"), 1) == Decimal("81.9")
    assert round(s, 2) == Decimal("81.84")
    assert round(s, 100) == Decimal("81.84")
    assert round(s, 10**9) == Decimal("81.84")
    assert round(s, -1) == Decimal(80)
    assert round(Score("85"), -1) == Decimal(90)
    assert round(MAX_SCORE, -2) == Decimal(100)
    assert round(s, -3) == 0
    assert round(s, -(10**9)) == 0
    with pytest.raises(TypeError):
        round(s, 1.5)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "points",
    [
        Decimal("sNaN"),
        Decimal("NaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
        Decimal("1E+999999999"),
        Decimal("1E-999999999"),
        10**200,
    ],
)
def test_arithmetic_with_specials_raises_a_documented_error(points: Decimal | int) -> None:
    s = Score("81.84")
    for operation, a, b in (
        (operator.add, s, points),
        (operator.add, points, s),
        (operator.sub, s, points),
        (operator.sub, points, s),
    ):
        with pytest.raises(InvalidArgumentError) as info:
            operation(a, b)
        assert info.value.argument == "points"
        assert info.value.value is points
        assert isinstance(info.value, ValueError)


def test_arithmetic_is_exact_beyond_the_default_precision() -> None:
    tiny = Decimal("1E-40")
    assert Score("81.84") + tiny == Decimal("81.84" + "0" * 37 + "1")
    assert (Score("81.84") + tiny) - tiny == Decimal("81.84")
    assert Score("81.84") + 10**50 - 10**50 == Decimal("81.84")
    with pytest.raises(TypeError):
        _ = Score("81.84") + 1.5  # type: ignore[operator]


def test_immutability_pickle_copy_hash() -> None:
    s = Score("81.84")
    with pytest.raises(AttributeError):
        s._hundredths = 1
    with pytest.raises(AttributeError):
        del s._hundredths
    assert pickle.loads(pickle.dumps(s)) == s
    assert b"81.84" in pickle.dumps(s)  # pickled as text, not internals
    assert copy.copy(s) is s
    assert copy.deepcopy(s) is s
    assert Score(s) is s
    assert {Score("81.84"), Score(81.84), Score("81,84")} == {s}


@given(scores())
def test_text_round_trip(s: Score) -> None:
    assert Score.from_hundredths(s.hundredths) == s
    assert Score(str(s)) == s
    assert Score(s.format("id")) == s
    assert Score(s.value) == s
    assert Score(float(s)) == s


@given(scores(), scores())
def test_order_and_difference_agree_with_decimal(x: Score, y: Score) -> None:
    a, b = x.hundredths, y.hundredths
    assert (x < y) == (x.value < y.value)
    assert (x == y) == (a == b)
    assert x - y == x.value - y.value
    assert x - y == Decimal(a - b) / 100


@given(st.decimals(min_value=0, max_value=100, places=4))
def test_rounded_matches_decimal_half_up(d: Decimal) -> None:
    from decimal import ROUND_HALF_UP

    assert Score.rounded(d).value == d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_repeated_text_is_read_once_and_errors_are_never_remembered() -> None:
    assert Score("81.84") is Score("81.84")
    assert Score("81,8") == Score("81.80")
    for _ in range(2):
        with pytest.raises(InvalidScoreError, match="more than two decimals"):
            Score("81.845")
        with pytest.raises(InvalidScoreError, match=r"above 100\.00"):
            Score("100.01")


@given(st.integers(min_value=0, max_value=999), st.text("0123456789", min_size=0, max_size=4))
def test_text_fast_path_agrees_with_decimal(whole: int, fraction: str) -> None:
    text = f"{whole}.{fraction}" if fraction else str(whole)
    expected = Decimal(text)
    if expected > 100 or expected != expected.quantize(Decimal("0.01")):
        with pytest.raises(InvalidScoreError):
            Score(text)
    else:
        assert Score(text).value == expected


@given(st.text("0123456789.,-+\u2212 e", max_size=8))
def test_score_text_follows_the_number_grammar(text: str) -> None:
    """Score reads text with parse_number's grammar: the same refusals, the same reasons."""
    refusal: str | None = None
    try:
        number = parse_number(text)
    except InvalidTextError as err:
        refusal = err.reason
    if refusal is not None:
        with pytest.raises(InvalidScoreError) as info:
            Score(text)
        assert info.value.reason == refusal
        return
    signed = text.strip().startswith(("-", "\u2212"))
    if signed or number > 100 or number != number.quantize(Decimal("0.01")):
        with pytest.raises(InvalidScoreError):
            Score(text)
    else:
        assert Score(text).value == number


def test_subclasses_are_read_by_their_real_value_not_their_methods() -> None:
    from fuzz_junk import LyingDecimal, LyingInt, LyingStr, RaisingDecimal, RaisingInt, RaisingStr

    assert Score(RaisingStr("81.84")) == Score(LyingStr(" 81.84 ")) == Score("81.84")
    assert Score(RaisingDecimal("81.84")).hundredths == 8184
    assert Score(LyingInt(81)).hundredths == Score(RaisingInt(81)).hundredths == 8100
    assert Score.from_hundredths(LyingInt(8184)) == Score("81.84")
    assert Score.rounded(RaisingDecimal("81.845")) == Score("81.85")
    with pytest.raises(InvalidScoreError, match="not a number"):
        Score(LyingDecimal("NaN"))
    with pytest.raises(InvalidScoreError, match="infinite"):
        Score(LyingDecimal("Infinity"))
    assert Score("81.84") == RaisingDecimal("81.84")
    assert Score("81.84") + RaisingDecimal("6.16") == Decimal("88.00")


def test_a_value_whose_attributes_raise_is_an_unsupported_type() -> None:
    from fuzz_junk import BrokenEverything

    for build in (Score, Score.rounded):
        with pytest.raises(InvalidScoreError, match="unsupported type BrokenEverything"):
            build(BrokenEverything())


def test_format_reads_the_language_as_text_before_comparing() -> None:
    import numpy as np
    import pandas as pd

    from fuzz_junk import LyingStr, RaisingStr

    assert Score("81.84").format(RaisingStr("id")) == "81,84"  # type: ignore[arg-type]
    assert Score("81.84").format(LyingStr("en")) == "81.84"  # type: ignore[arg-type]
    junk: list[Any] = [pd.Series(["id"]), np.array([]), pd.NA]
    for lang in junk:
        with pytest.raises(InvalidArgumentError) as info:
            Score("81.84").format(lang)
        assert info.value.argument == "lang"
