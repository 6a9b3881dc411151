from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp import locale_id
from opinipp.errors import InvalidArgumentError, InvalidScoreError, InvalidTextError
from opinipp.locale_id import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    ZONES,
    format_date,
    format_number,
    parse_date,
    parse_datetime,
    parse_number,
    parse_score,
)
from opinipp.scores import Score

if TYPE_CHECKING:
    from collections.abc import Callable

WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))
WIT = dt.timezone(dt.timedelta(hours=9))

# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90,02", Decimal("90.02")),  # Mukomuko 2023
        ("90.02", Decimal("90.02")),
        ("97,44", Decimal("97.44")),  # Tuban 2023, the national top
        ("60,35", Decimal("60.35")),
        (" 77,02\n", Decimal("77.02")),
        ("88", Decimal(88)),
        ("0,5", Decimal("0.5")),
        ("-0,45", Decimal("-0.45")),
        ("\u22122,35", Decimal("-2.35")),  # the typographic minus
        ("90,020", Decimal("90.020")),
        ("1.234", Decimal("1.234")),  # one separator is always the decimal one
    ],
)
def test_parse_number_reads_exactly(text: str, expected: Decimal) -> None:
    value = parse_number(text)
    assert value == expected
    assert value.as_tuple() == expected.as_tuple()


def test_parse_number_has_no_negative_zero() -> None:
    for text in ("-0", "-0,00", "\u22120.0"):
        value = parse_number(text)
        assert value == 0
        assert not value.is_signed()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.234,56", "more than one separator (a score never has thousands separators)"),
        ("1,234.5", "more than one separator"),
        ("1.000.000", "more than one separator"),
        ("90,02,1", "more than one separator"),
        ("+2,35", "a plus sign is not accepted"),
        ("1e2", "not a decimal number"),
        ("NaN", "not a decimal number"),
        ("inf", "not a decimal number"),
        ("-inf", "not a decimal number"),
        (".5", "not a decimal number"),
        ("5.", "not a decimal number"),
        ("90,", "not a decimal number"),
        ("- 5", "not a decimal number"),
        ("--5", "not a decimal number"),
        ("90, 02", "not a decimal number"),
        ("1_000", "not a decimal number"),
        ("٩٠", "not a decimal number"),  # Arabic-Indic digits
        ("sembilan puluh", "not a decimal number"),
        ("", "empty text"),
        (" \t", "empty text"),
    ],
)
def test_parse_number_rejects_and_quotes_the_text(text: str, reason: str) -> None:
    with pytest.raises(InvalidTextError) as info:
        parse_number(text)
    err = info.value
    assert err.text == text
    assert reason in err.reason
    assert str(err).startswith(f"cannot read {text!r} as a decimal number such as '90,02'")
    assert isinstance(err, ValueError)


@pytest.mark.parametrize(
    "junk", [None, 12.5, 90, True, Decimal("90.02"), b"90,02", ["90,02"], Score("90.02")]
)
def test_parse_number_rejects_non_text(junk: object) -> None:
    with pytest.raises(InvalidTextError) as info:
        parse_number(junk)  # type: ignore[arg-type]
    assert info.value.text is junk
    assert info.value.reason == f"{type(junk).__name__} is not text"


def test_parse_score() -> None:
    assert parse_score("90,02") == Score("90.02")
    assert parse_score("97.44") == Score("97.44")
    assert parse_score(" 100 ") == Score(100)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("100,01", "above 100.00"),
        ("-1", "below 0.00"),
        ("90,025", "more than two decimals"),
    ],
)
def test_parse_score_keeps_score_errors(text: str, reason: str) -> None:
    with pytest.raises(InvalidScoreError) as info:
        parse_score(text)
    assert info.value.value == text
    assert info.value.reason.startswith(reason)
    assert repr(text) in str(info.value)


def test_parse_score_text_errors_are_text_errors() -> None:
    with pytest.raises(InvalidTextError, match="more than one separator"):
        parse_score("1.234,56")
    with pytest.raises(InvalidTextError, match="NoneType is not text"):
        parse_score(None)  # type: ignore[arg-type]


def test_format_number_examples() -> None:
    assert format_number(Decimal("90.02")) == "90,02"
    assert format_number(Decimal("90.02"), lang="en") == "90.02"
    assert format_number(Score("97.44")) == "97,44"
    assert format_number(Score("97.44"), lang="en") == "97.44"
    assert format_number(Score("88.00") - Score("81.84")) == "6,16"
    assert format_number(90) == "90,00"
    assert format_number(90, places=0) == "90"
    assert format_number(Decimal("-0.45")) == "-0,45"
    assert format_number(Decimal("90.02"), places=4) == "90,0200"
    assert format_number(Score("81.84"), places=1) == "81,8"


def test_format_number_rounds_half_up_exactly() -> None:
    assert format_number(Decimal("81.845")) == "81,85"
    assert format_number(Decimal("81.8449999")) == "81,84"
    assert format_number(Decimal("692.31") / 7) == "98,90"  # Rembang 2024, a mean of 7 units
    assert format_number(Decimal("0.005")) == "0,01"
    assert format_number(Decimal("-0.005")) == "-0,01"  # ties go away from zero
    assert format_number(Decimal("-0.004")) == "0,00"  # no negative zero
    assert format_number(Decimal("9.995"), lang="en") == "10.00"
    assert format_number(Decimal("1E+99"), places=0) == "1" + "0" * 99
    assert format_number(Decimal("1E-999999")) == "0,00"


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"value": 90.02}, "value"),
        ({"value": True}, "value"),
        ({"value": None}, "value"),
        ({"value": "90,02"}, "value"),
        ({"value": Fraction(1, 3)}, "value"),
        ({"value": Decimal("NaN")}, "value"),
        ({"value": Decimal("sNaN")}, "value"),
        ({"value": Decimal("Infinity")}, "value"),
        ({"value": Decimal("1E+100")}, "value"),
        ({"value": 10**100}, "value"),
        ({"value": 10**100_000}, "value"),
        ({"value": Decimal(1), "lang": "fr"}, "lang"),
        ({"value": Decimal(1), "lang": "ID"}, "lang"),
        ({"value": Decimal(1), "lang": None}, "lang"),
        ({"value": Decimal(1), "lang": ["id"]}, "lang"),
        ({"value": Decimal(1), "places": -1}, "places"),
        ({"value": Decimal(1), "places": 21}, "places"),
        ({"value": Decimal(1), "places": True}, "places"),
        ({"value": Decimal(1), "places": 2.0}, "places"),
        ({"value": Decimal(1), "places": "2"}, "places"),
    ],
)
def test_format_number_rejects_bad_arguments(kwargs: dict[str, object], argument: str) -> None:
    value = kwargs.pop("value")
    with pytest.raises(InvalidArgumentError) as info:
        format_number(value, **kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


@given(
    st.decimals(places=2, min_value=-(10**9), max_value=10**9),
    st.sampled_from(["id", "en"]),
)
def test_number_round_trip(value: Decimal, lang: str) -> None:
    text = format_number(value, lang=lang)  # type: ignore[arg-type]
    assert parse_number(text) == value
    assert ("," in text) == (lang == "id")


@given(st.integers(min_value=0, max_value=10_000))
def test_score_round_trip(hundredths: int) -> None:
    score = Score.from_hundredths(hundredths)
    assert parse_score(format_number(score)) == score
    assert format_number(score, lang="en") == str(score)
    assert format_number(score) == score.format("id")


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The examples of the founding articles. 2 Feb 2024 was a Friday, 4 Feb 2025 a
        # Tuesday, 13 Jun 2022 a Monday and 14 Dec 2023 a Thursday.
        ("Jumat 02-02-2024,17:09 WIB", dt.datetime(2024, 2, 2, 17, 9, tzinfo=WIB)),
        ("Selasa 4 Februari 2025", dt.datetime(2025, 2, 4)),  # noqa: DTZ001 - naive on purpose
        ("Senin (13/6/2022)", dt.datetime(2022, 6, 13)),  # noqa: DTZ001
        ("Kamis (14/12/2023)", dt.datetime(2023, 12, 14)),  # noqa: DTZ001
        ("21/5/2024", dt.datetime(2024, 5, 21)),  # noqa: DTZ001
        ("selasa (21/5/2024)", dt.datetime(2024, 5, 21)),  # noqa: DTZ001
        ("4 Feb 2025", dt.datetime(2025, 2, 4)),  # noqa: DTZ001
        # Other spellings.
        ("Jum'at, 2 Februari 2024 pukul 17.09 WITA", dt.datetime(2024, 2, 2, 17, 9, tzinfo=WITA)),
        ("Jum\u2019at 2 Feb 2024 17:09:59 WIT", dt.datetime(2024, 2, 2, 17, 9, 59, tzinfo=WIT)),
        ("tgl. 4 Feb. 2025 jam 08.00 wib", dt.datetime(2025, 2, 4, 8, 0, tzinfo=WIB)),
        ("pada hari Selasa, tanggal 4 Februari 2025", dt.datetime(2025, 2, 4)),  # noqa: DTZ001
        ("Sel 04/02/2025", dt.datetime(2025, 2, 4)),  # noqa: DTZ001
        ("13.06.2022", dt.datetime(2022, 6, 13)),  # noqa: DTZ001
        ("2-Feb-2024", dt.datetime(2024, 2, 2)),  # noqa: DTZ001
        ("Minggu, 2 Februari 2025", dt.datetime(2025, 2, 2)),  # noqa: DTZ001
        ("Ahad 2 Feb 2025", dt.datetime(2025, 2, 2)),  # noqa: DTZ001
        ("17 Agt 1945", dt.datetime(1945, 8, 17)),  # noqa: DTZ001
        ("17 Agustus 1945 10:00", dt.datetime(1945, 8, 17, 10, 0)),  # noqa: DTZ001
        ("10 Nopember 1945", dt.datetime(1945, 11, 10)),  # noqa: DTZ001
        ("29 Februari 2024", dt.datetime(2024, 2, 29)),  # noqa: DTZ001
        ("  4\u00a0Feb   2025  ", dt.datetime(2025, 2, 4)),  # noqa: DTZ001
        # dateutil reads the day after the month too, and a time before the date.
        ("Februari 4, 2025", dt.datetime(2025, 2, 4)),  # noqa: DTZ001
        ("17:09 WIB, Jumat 2 Feb 2024", dt.datetime(2024, 2, 2, 17, 9, tzinfo=WIB)),
    ],
)
def test_parse_datetime_examples(text: str, expected: dt.datetime) -> None:
    result = parse_datetime(text)
    assert result == expected
    assert result.tzinfo == expected.tzinfo
    if expected.tzinfo is not None:
        assert result.utcoffset() == expected.utcoffset()
        assert result.tzname() in ZONES
    assert parse_date(text) == expected.date()


def test_parse_date_of_the_founding_articles() -> None:
    assert parse_date("Jumat 02-02-2024,17:09 WIB") == dt.date(2024, 2, 2)
    assert parse_date("Selasa 4 Februari 2025") == dt.date(2025, 2, 4)
    assert parse_date("Senin (13/6/2022)") == dt.date(2022, 6, 13)
    assert parse_date("Kamis (14/12/2023)") == dt.date(2023, 12, 14)
    assert parse_date("21/5/2024") == dt.date(2024, 5, 21)
    assert parse_date("4 Feb 2025") == dt.date(2025, 2, 4)
    assert type(parse_date("4 Feb 2025")) is dt.date


def test_zones_are_real_offsets() -> None:
    wib = parse_datetime("Jumat 02-02-2024,17:09 WIB")
    wita = parse_datetime("Jumat 02-02-2024,18:09 WITA")
    wit = parse_datetime("Jumat 02-02-2024,19:09 WIT")
    assert wib == wita == wit  # the same instant in three zones
    assert wib.astimezone(dt.timezone.utc) == dt.datetime(2024, 2, 2, 10, 9, tzinfo=dt.timezone.utc)
    assert [z.utcoffset(None) for z in ZONES.values()] == [
        dt.timedelta(hours=7),
        dt.timedelta(hours=8),
        dt.timedelta(hours=9),
    ]
    assert parse_datetime("4 Feb 2025 17:09").tzinfo is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # A weekday that contradicts the date: 13 June 2022 was a Monday.
        ("Selasa 13/6/2022", "13 Juni 2022 is a Senin, not a Selasa"),
        ("Kamis 02-02-2024,17:09 WIB", "2 Februari 2024 is a Jumat, not a Kamis"),
        ("Senin 4 Feb 2025", "4 Februari 2025 is a Selasa, not a Senin"),
        ("Senin Selasa 4 Feb 2025", "more than one weekday"),
        # Dates that do not exist.
        ("31 Februari 2024", "no such date or time (day"),  # worded by datetime
        ("29 Februari 2023", "no such date or time (day"),
        ("0 Januari 2024", "no such date or time (day"),
        ("13/13/2024", "'13/13/2024' has no month 13 (numeric dates are read day first)"),
        ("6/13/2022", "has no month 13"),  # month first is never guessed
        ("31/4/2024", "no such date or time (day"),
        ("4 Feb 0999", "not a four-digit year from 1000 to 9999"),
        # Incomplete dates: nothing is filled in from today.
        ("4 Februari", "incomplete date: no year (e.g. '4 Februari 2025')"),
        ("Februari 2025", "incomplete date: no day (e.g. '4 Februari 2025')"),
        ("Februari", "incomplete date: no day and no year"),
        ("Selasa", "no month"),
        ("13/6", "incomplete date '13/6': no year"),
        ("17:09 WIB", "no month"),
        # Unknown words are never skipped.
        ("kemarin", "unknown word 'kemarin'"),
        ("Senin 13 Juni 2022 besok", "unknown word 'besok'"),
        (
            "4 February 2025",
            "'February' is English; Indonesian text is expected (write 'Februari')",
        ),
        ("Tuesday 4 Feb 2025", "'Tuesday' is English"),
        ("4 Feb 2025 17:09 UTC", "unknown word 'UTC'"),
        # Other shapes that are not read.
        ("2024-02-03", "'2024-02-03' is year first"),
        ("4 Feb 25", "year 0025 is not a four-digit year from 1000 to 9999"),
        ("4 Feb 0001", "year 0001 is not a four-digit year from 1000 to 9999"),
        ("20240204", "'20240204' is not a four-digit year nor a day"),
        ("21/5/24", "'21/5/24' has a two-digit year"),
        ("21/5/202", "is not a day-first date"),
        ("21-5/2024", "is neither a date"),
        ("2025 Februari 4", "unexpected number '4' after the year '2025'"),
        ("4 Februari 202", "'202' is not a four-digit year"),
        ("Senin 13 Juni 2022 17", "unexpected number '17'"),
        ("1 13 Juni 2022", "too many numbers ('1', '13', '2022')"),
        ("13/6/2022 17", "unexpected number '17'"),
        ("13/6/2022 13 Juni 2022", "unexpected number '13' beside the date '13/6/2022'"),
        ("13/6/2022 Juni", "more than one date ('13/6/2022', 'Juni')"),
        ("13/6/2022 4.2.2025", "more than one date ('13/6/2022', '4.2.2025')"),
        ("4 Feb Mei 2025", "more than one month"),
        ("Selasa 4 Februari 2025 25:00", "no such date or time (hour"),
        ("4 Feb 2025 17:60", "no such date or time (minute"),
        ("4 Feb 2025 17:9", "'17:9' is not a time"),
        ("4 Feb 2025 17:09 18:00", "more than one time"),
        ("4 Feb 2025 WIB", "time zone 'WIB' without a time before it"),
        ("4 Feb 2025 WIB 17:09", "time zone 'WIB' without a time before it"),
        ("4 Feb 2025 17:09 WIB WITA", "more than one time zone"),
        ("4 Feb 2025 17:09 +0700", "unexpected character '+'"),
        ("4 Feb 2025 12 pm", "unknown word 'pm'"),
        ("Senin (13/6/2022", "unbalanced parentheses"),
        ("Senin )13/6/2022(", "unbalanced parentheses"),
        ("4 Fébruari 2025", "unknown word 'Fébruari'"),
        ("4 Feb 2025 \u00b2", "unexpected character '²'"),
        ("\u0664 Feb 2025", "unexpected character '\u0664'"),
        ("", "empty text"),
        ("   ", "empty text"),
    ],
)
def test_bad_dates_are_rejected_with_the_text_quoted(text: str, reason: str) -> None:
    for parse in (parse_date, parse_datetime):
        with pytest.raises(InvalidTextError) as info:
            parse(text)
        err = info.value
        assert err.text == text
        assert reason in err.reason
        assert str(err).startswith(f"cannot read {text!r} as an Indonesian date")


@pytest.mark.parametrize(
    "junk", [None, 12.5, 20240202, True, b"4 Feb 2025", ["4 Feb 2025"], dt.date(2025, 2, 4)]
)
def test_dates_reject_non_text(junk: object) -> None:
    for parse in (parse_date, parse_datetime):
        with pytest.raises(InvalidTextError) as info:
            parse(junk)  # type: ignore[arg-type]
        assert info.value.text is junk
        assert info.value.reason == f"{type(junk).__name__} is not text"


def test_format_date() -> None:
    assert format_date(dt.date(2025, 2, 4)) == "4 Februari 2025"
    assert format_date(dt.date(2025, 2, 4), weekday=True) == "Selasa, 4 Februari 2025"
    assert format_date(dt.date(2024, 2, 2), weekday=True) == "Jumat, 2 Februari 2024"
    assert format_date(dt.date(2022, 6, 13), weekday=True) == "Senin, 13 Juni 2022"


@pytest.mark.parametrize(
    ("args", "kwargs", "argument"),
    [
        ((dt.datetime(2025, 2, 4, 17, 9, tzinfo=WIB),), {}, "date"),
        (("4 Februari 2025",), {}, "date"),
        ((None,), {}, "date"),
        ((dt.date(2025, 2, 4),), {"weekday": 1}, "weekday"),
        ((dt.date(2025, 2, 4),), {"weekday": None}, "weekday"),
    ],
)
def test_format_date_rejects_bad_arguments(
    args: tuple[object, ...], kwargs: dict[str, object], argument: str
) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        format_date(*args, **kwargs)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_names() -> None:
    assert len(MONTH_NAMES) == 12
    assert MONTH_NAMES[1] == "Februari"
    assert WEEKDAY_NAMES[dt.date(2025, 2, 4).weekday()] == "Selasa"
    assert list(ZONES) == ["WIB", "WITA", "WIT"]
    with pytest.raises(TypeError):
        ZONES["WITA"] = WIB  # type: ignore[index]


dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


@given(dates)
def test_date_round_trip(d: dt.date) -> None:
    weekday, month = WEEKDAY_NAMES[d.weekday()], MONTH_NAMES[d.month - 1]
    assert parse_date(f"{weekday} {d.day} {month} {d.year}") == d
    assert parse_date(f"{d.day:02d}/{d.month:02d}/{d.year}") == d
    assert parse_date(f"{d.day}/{d.month}/{d.year}") == d
    assert parse_date(format_date(d)) == d
    assert parse_date(format_date(d, weekday=True)) == d


@given(dates, st.integers(min_value=1, max_value=6))
def test_a_wrong_weekday_is_always_rejected(d: dt.date, shift: int) -> None:
    wrong = WEEKDAY_NAMES[(d.weekday() + shift) % 7]
    with pytest.raises(InvalidTextError, match=f"not a {wrong}"):
        parse_date(f"{wrong}, {format_date(d)}")


@given(dates, st.times().map(lambda t: t.replace(microsecond=0)), st.sampled_from(list(ZONES)))
def test_datetime_round_trip(d: dt.date, t: dt.time, zone: str) -> None:
    text = f"{WEEKDAY_NAMES[d.weekday()]} {d:%d-%m-%Y},{t:%H:%M:%S} {zone}"
    assert parse_datetime(text) == dt.datetime.combine(d, t, tzinfo=ZONES[zone])


_PIECES = [
    *("Senin", "Sel", "Jum'at", "Minggu", "Feb", "Februari", "Mei", "Agt", "Des"),
    *("WIB", "wita", "pukul", "tgl", "hari", "besok", "UTC", "pm"),
    *(",", ".", "-", "/", "(", ")", ":", "+", " ", "4", "04", "13", "31", "2024"),
    *("17:09", "17.09", "24:00", "02-02-2024", "13/6/2022", "4.2.2025", "2024-02-03", "13/6"),
]


def _outcome(parse: Callable[[str], object], text: str) -> object:
    """The result of ``parse(text)``, or the InvalidTextError it raised (anything else fails)."""
    try:
        return parse(text)
    except InvalidTextError as err:
        return err


@given(st.lists(st.sampled_from(_PIECES), max_size=8), st.sampled_from(["", " "]))
def test_fuzz_text_is_read_or_rejected_consistently(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    result = _outcome(parse_datetime, text)
    if isinstance(result, InvalidTextError):
        assert result.text == text
        return
    assert isinstance(result, dt.datetime)
    # Whatever was read is a complete, real date that reads back the same.
    assert parse_date(format_date(result.date(), weekday=True)) == result.date()
    assert result.tzinfo is None or result.tzname() in ZONES


@given(st.text(max_size=40))
def test_fuzz_any_text_raises_only_invalid_text(text: str) -> None:
    for parse in (parse_number, parse_date, parse_datetime):
        result = _outcome(parse, text)
        assert not isinstance(result, InvalidTextError) or result.text == text


def test_module_exports() -> None:
    assert sorted(dir(locale_id)) == sorted(locale_id.__all__)
    assert all(getattr(locale_id, name) is not None for name in locale_id.__all__)


def test_importing_does_not_load_dateutil_parser() -> None:
    probe = (
        "import sys, opinipp.locale_id as m; "
        "before = 'dateutil.parser' in sys.modules; "
        "m.format_number(1); m.format_date(__import__('datetime').date(2025, 2, 4)); "
        "middle = 'dateutil.parser' in sys.modules; "
        "m.parse_date('4 Feb 2025'); "
        "print(before, middle, 'dateutil.parser' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False", "True"]


def test_text_and_numbers_are_read_by_their_real_value() -> None:
    from fuzz_junk import LyingDecimal, LyingInt, LyingStr, RaisingDecimal, RaisingStr

    assert parse_number(RaisingStr(" 90,02 ")) == Decimal("90.02")
    assert parse_score(LyingStr("97,44")) == Score("97.44")
    assert parse_date(RaisingStr("21/5/2024")) == dt.date(2024, 5, 21)
    assert format_number(RaisingDecimal("81.845"), lang=RaisingStr("en")) == "81.85"  # type: ignore[arg-type]
    assert format_number(LyingInt(90)) == "90,00"
    with pytest.raises(InvalidArgumentError, match="a finite number"):
        format_number(LyingDecimal("sNaN"))
    with pytest.raises(InvalidTextError) as info:
        parse_number(RaisingStr("1.234,56"))
    assert "'1.234,56'" in str(info.value)
