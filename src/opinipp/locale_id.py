"""Indonesian text: numbers with a decimal comma and dates written in Indonesian.

News reports and Ombudsman documents write scores with a decimal comma ("90,02") and dates
in Indonesian ("Selasa 4 Februari 2025", "Senin (13/6/2022)", "Jumat 02-02-2024,17:09 WIB").
This module reads and writes both, exactly and strictly: every part of the text must be
understood, nothing is filled in from today's date, and a weekday that contradicts the date
is an error. Every failure is an :class:`~opinipp.errors.InvalidTextError` quoting the text.

>>> from opinipp.locale_id import format_number, parse_date, parse_number
>>> parse_number("90,02")
Decimal('90.02')
>>> format_number(Decimal("97.44"))
'97,44'
>>> parse_date("Selasa 4 Februari 2025")
datetime.date(2025, 2, 4)
>>> parse_date("Selasa 13/6/2022")
Traceback (most recent call last):
...
opinipp.errors.InvalidTextError: cannot read 'Selasa 13/6/2022' as an Indonesian date ...:
13 Juni 2022 is a Senin, not a Selasa

Numbers
    A number is digits with at most one decimal separator, a comma or a point, and an
    optional leading minus (``-`` or ``−``) for point differences. Scores and points never
    reach a thousand, so a single separator is always the decimal one ("1.234" is 1.234) and
    text with thousands separators ("1.234,56") is rejected rather than guessed at.

Dates
    Read through a :class:`dateutil.parser.parserinfo` with Indonesian month and weekday
    names and their abbreviations. What is accepted:

    - a day, an Indonesian month name and a four-digit year (1000–9999), in that order
      ("4 Februari 2025", "4 Feb 2025", "tanggal 4 Feb. 2025"; the older spellings
      "Pebruari" and "Nopember" too), or a day-first numeric date with one kind of
      separator ("21/5/2024", "02-02-2024", "13.06.2022");
    - optionally one weekday ("Selasa", "Sel"; "Jumat", "Jum'at", "Jum"; "Minggu", "Ahad"),
      which must match the date;
    - optionally one time ("17:09", or "17.09" as Indonesian writes it, with optional
      seconds) and after it one zone: WIB (UTC+07:00), WITA (UTC+08:00) or WIT (UTC+09:00);
    - the linking words "hari", "pada", "tanggal", "tgl", "pukul", "pkl", "jam", and
      commas, points, hyphens, slashes and parentheses between the parts.

    Anything else is rejected: unknown words ("besok"), English month and weekday names
    ("February" is not Indonesian; the abbreviations the languages share, like "Feb" and
    "Sep", are fine), incomplete dates ("4 Februari", "Februari 2025"), two-digit and
    year-first numeric dates, other zones and numeric offsets. Numeric dates are always
    day first: dateutil's ``dayfirst`` is only a tie-breaker and would read "6/13/2022" as
    13 June, so this module reads the numbers itself and rejects month 13.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, cast

from opinipp._numbers import NUMBER_EXPECTED, number_problem, split_number
from opinipp.errors import InvalidArgumentError, InvalidScoreError, InvalidTextError
from opinipp.scores import Score

if TYPE_CHECKING:
    from collections.abc import Mapping

    from dateutil.parser import parser as DateutilParser  # noqa: N812 - a class, named as one

__all__ = [
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "ZONES",
    "format_date",
    "format_number",
    "parse_date",
    "parse_datetime",
    "parse_number",
    "parse_score",
]

MONTH_NAMES: Final = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
"""The Indonesian month names, January first (``MONTH_NAMES[date.month - 1]``)."""

WEEKDAY_NAMES: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""The Indonesian weekday names, Monday first (``WEEKDAY_NAMES[date.weekday()]``)."""

ZONES: Final[Mapping[str, dt.timezone]] = MappingProxyType(
    {
        "WIB": dt.timezone(dt.timedelta(hours=7), "WIB"),
        "WITA": dt.timezone(dt.timedelta(hours=8), "WITA"),
        "WIT": dt.timezone(dt.timedelta(hours=9), "WIT"),
    }
)
"""Indonesia's three time zones as fixed offsets: Waktu Indonesia Barat (UTC+07:00),
Tengah (UTC+08:00) and Timur (UTC+09:00). None of them observes daylight saving time."""

# Every spelling read for each month, the full name first.
_MONTH_SPELLINGS: Final = (
    ("Januari", "Jan"),
    ("Februari", "Feb", "Pebruari"),
    ("Maret", "Mar"),
    ("April", "Apr"),
    ("Mei",),
    ("Juni", "Jun"),
    ("Juli", "Jul"),
    ("Agustus", "Agu", "Agt", "Ags"),
    ("September", "Sep", "Sept"),
    ("Oktober", "Okt"),
    ("November", "Nov", "Nopember"),
    ("Desember", "Des"),
)
# Every spelling read for each weekday, Monday first. "Jum'at" is read as "Jumat".
_WEEKDAY_SPELLINGS: Final = (
    ("Senin", "Sen"),
    ("Selasa", "Sel"),
    ("Rabu", "Rab"),
    ("Kamis", "Kam"),
    ("Jumat", "Jum"),
    ("Sabtu", "Sab"),
    ("Minggu", "Min", "Ahad"),
)
# Words and punctuation that only link the parts of a date.
_LINKING_WORDS: Final = ("hari", "pada", "tanggal", "tgl", "pukul", "pkl", "jam")
_PUNCTUATION: Final = (",", ".", "-", "/", "(", ")")

# English names that are not also Indonesian, to say what to write instead.
_ENGLISH: Final = MappingProxyType(
    {
        "january": "Januari",
        "february": "Februari",
        "march": "Maret",
        "may": "Mei",
        "june": "Juni",
        "july": "Juli",
        "august": "Agustus",
        "aug": "Agu",
        "october": "Oktober",
        "oct": "Okt",
        "december": "Desember",
        "dec": "Des",
        "monday": "Senin",
        "tuesday": "Selasa",
        "wednesday": "Rabu",
        "thursday": "Kamis",
        "friday": "Jumat",
        "saturday": "Sabtu",
        "sunday": "Minggu",
    }
)

_DATE_EXPECTED: Final = "an Indonesian date such as 'Selasa 4 Februari 2025' or '21/5/2024'"
_DATETIME_EXPECTED: Final = (
    "an Indonesian date, optionally with a time and zone, such as 'Jumat 02-02-2024,17:09 WIB'"
)

_MAX_PLACES: Final = 20
_MAX_INTEGER_DIGITS: Final = 100

_JUM_AT: Final = re.compile(r"\b(jum)['\u2019](at)\b", re.IGNORECASE)
_TOKEN: Final = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<numeric>[0-9]+(?:[-/.:][0-9]+)*)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_SEPARATOR: Final = re.compile(r"[-/.:]")


# --------------------------------------------------------------------------- numbers


def _require_text(text: object, expected: str) -> str:
    if not isinstance(text, str):
        raise InvalidTextError(text, expected, f"{type(text).__name__} is not text")
    stripped = text.strip()
    if not stripped:
        raise InvalidTextError(text, expected, "empty text")
    return stripped


def _read_number(text: object) -> Decimal:
    stripped = _require_text(text, NUMBER_EXPECTED)
    parts = split_number(stripped)
    if parts is None:
        raise InvalidTextError(text, NUMBER_EXPECTED, number_problem(stripped))
    sign, whole, fraction = parts
    value = Decimal(f"{sign}{whole}" if fraction is None else f"{sign}{whole}.{fraction}")
    # "-0,00" is zero, not negative zero.
    return value.copy_abs() if value.is_zero() else value


def parse_number(text: str, /) -> Decimal:
    """Read a number written with a decimal comma or a decimal point, exactly.

    Accepts digits with at most one decimal separator (``,`` or ``.``), surrounding spaces
    and an optional leading minus (``-`` or the typographic ``−``) for point differences.
    Rejects thousands separators, a plus sign, exponents, "NaN" and "inf", empty text and
    anything that is not a ``str``, with :class:`~opinipp.errors.InvalidTextError`.

    >>> parse_number("90,02"), parse_number("90.02"), parse_number(" 97,44 ")
    (Decimal('90.02'), Decimal('90.02'), Decimal('97.44'))
    >>> parse_number("-0,45")
    Decimal('-0.45')
    >>> parse_number("1.234,56")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidTextError: cannot read '1.234,56' as a decimal number such as
    '90,02' or '90.02': more than one separator (a score never has thousands separators)

    .. versionadded:: 0.1.0
    """
    return _read_number(text)


def parse_score(text: str, /) -> Score:
    """Read a score written with a decimal comma or point ("90,02") as a :class:`Score`.

    Text that is not a number raises :class:`~opinipp.errors.InvalidTextError`; a number
    that is not a score (above 100, negative, more than two decimals) raises
    :class:`~opinipp.errors.InvalidScoreError`.

    >>> parse_score("90,02")
    Score('90.02')
    >>> parse_score("100,01")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidScoreError: invalid score '100,01': above 100.00; ...

    .. versionadded:: 0.1.0
    """
    number = _read_number(text)
    try:
        return Score(number)
    except InvalidScoreError as err:
        raise InvalidScoreError(text, err.reason) from err


def _decimal_to_format(value: object) -> Decimal:
    expected = "a Decimal, an int or a Score (floats are not exact)"
    if isinstance(value, Score):
        number = value.value
    elif isinstance(value, bool):
        raise InvalidArgumentError("value", value, expected)
    elif isinstance(value, int):
        if value.bit_length() > 4 * _MAX_INTEGER_DIGITS:
            # Python refuses to write ints of more than 4300 digits, so name a huge one.
            shown = value if value.bit_length() < 10_000 else f"<int of {value.bit_length()} bits>"
            raise InvalidArgumentError(
                "value", shown, f"a number with at most {_MAX_INTEGER_DIGITS} integer digits"
            )
        number = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidArgumentError("value", value, f"a finite number: {expected}")
        number = value
    else:
        raise InvalidArgumentError("value", value, expected)
    if not number.is_zero() and number.adjusted() >= _MAX_INTEGER_DIGITS:
        raise InvalidArgumentError(
            "value", value, f"a number with at most {_MAX_INTEGER_DIGITS} integer digits"
        )
    return number


def _check_lang(lang: object) -> Literal["id", "en"]:
    if isinstance(lang, str) and lang in ("id", "en"):
        return cast("Literal['id', 'en']", lang)
    raise InvalidArgumentError("lang", lang, "'id' (decimal comma) or 'en' (decimal point)")


def _check_places(places: object) -> int:
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= _MAX_PLACES:
        raise InvalidArgumentError("places", places, f"an int from 0 to {_MAX_PLACES}")
    return places


def format_number(
    value: Decimal | int | Score, /, *, lang: Literal["id", "en"] = "id", places: int = 2
) -> str:
    """Write a number with ``places`` decimals, rounded half-up, exactly.

    ``lang="id"`` writes a decimal comma ("90,02"), ``lang="en"`` a decimal point ("90.02").
    No thousands separators are written, so :func:`parse_number` reads the text back.
    Floats are refused because they are not exact; pass a :class:`~decimal.Decimal`, an
    ``int`` or a :class:`~opinipp.scores.Score`. ``places`` is 0 to 20; values have at most
    100 digits before the decimal separator.

    >>> format_number(Decimal("90.02")), format_number(Score("97.44"), lang="en")
    ('90,02', '97.44')
    >>> format_number(Score("88.00") - Score("81.84"))
    '6,16'
    >>> format_number(Decimal("-0.45")), format_number(90), format_number(Decimal("85.1766"))
    ('-0,45', '90,00', '85,18')
    >>> format_number(Decimal("81.845"), places=1, lang="en")
    '81.8'

    .. versionadded:: 0.1.0
    """
    number = _decimal_to_format(value)
    language = _check_lang(lang)
    digits = _check_places(places)
    with localcontext() as ctx:
        ctx.prec = _MAX_INTEGER_DIGITS + _MAX_PLACES + 2
        rounded = number.quantize(Decimal((0, (1,), -digits)), rounding=ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = rounded.copy_abs()
    text = f"{rounded:f}"
    return text.replace(".", ",") if language == "id" else text


# --------------------------------------------------------------------------- dates


@functools.cache
def _dateutil_parser() -> DateutilParser:
    """Build the dateutil parser with Indonesian words (imported on first use)."""
    from dateutil import parser

    class _IndonesianParserInfo(parser.parserinfo):
        """Indonesian vocabulary for :mod:`dateutil.parser`; nothing English."""

        JUMP = [" ", *_PUNCTUATION, *_LINKING_WORDS]  # noqa: RUF012 - dateutil's API
        # dateutil reads tuples of any length; its type stubs say pairs or triples.
        WEEKDAYS = cast("list[tuple[str, str]]", list(_WEEKDAY_SPELLINGS))
        MONTHS = cast("list[tuple[str, str] | tuple[str, str, str]]", list(_MONTH_SPELLINGS))
        HMS: list[tuple[str, str, str]] = []  # noqa: RUF012 - no "17h05" or "5 menit"
        AMPM: list[tuple[str, str]] = []  # noqa: RUF012 - Indonesian uses the 24-hour clock
        UTCZONE: list[str] = []  # noqa: RUF012 - UTC, GMT and Z are not Indonesian zones
        PERTAIN: list[str] = []  # noqa: RUF012
        TZOFFSET = {  # noqa: RUF012
            name: int(zone.utcoffset(None).total_seconds()) for name, zone in ZONES.items()
        }

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            # Years are always written with four digits here, so there is no century to
            # guess, and no result depends on the current year (which dateutil would use).
            del century_specified
            return year

    return parser.parser(_IndonesianParserInfo(dayfirst=True))


class _Reading(NamedTuple):
    """What the text says, checked, before dateutil assembles it."""

    canonical: str  # the text with every part spelled out, for dateutil
    date: dt.date
    time: tuple[int, int, int] | None
    zone: str | None


class _Position(NamedTuple):
    order: int
    text: str


def _english_hint(word: str) -> str:
    indonesian = _ENGLISH.get(word.lower())
    if indonesian is None:
        return f"unknown word {word!r}"
    return f"{word!r} is English; Indonesian text is expected (write {indonesian!r})"


def _read_time(token: str, parts: list[str]) -> tuple[int, int, int]:
    if len(parts[0]) > 2 or any(len(p) != 2 for p in parts[1:]):
        raise _NotADateError(f"{token!r} is not a time (expected hh:mm or hh.mm, e.g. '17:09')")
    hour, minute, second = (int(p) for p in (*parts, "0")[:3])
    if hour > 23 or minute > 59 or second > 59:
        raise _NotADateError(f"no such time {token!r} (hours go 0–23, minutes and seconds 0–59)")
    return hour, minute, second


def _read_numeric_date(token: str, parts: list[str]) -> tuple[int, int, int]:
    day, month, year = parts
    if len(day) == 4:
        raise _NotADateError(
            f"{token!r} is year first; numeric dates are read day first (e.g. '21/5/2024')"
        )
    if len(year) == 2 and len(day) <= 2 and len(month) <= 2:
        raise _NotADateError(
            f"{token!r} has a two-digit year; write the year in full (e.g. '21/5/2024')"
        )
    if len(day) > 2 or len(month) > 2 or len(year) != 4:
        raise _NotADateError(f"{token!r} is not a day-first date (e.g. '21/5/2024')")
    if not 1 <= int(month) <= 12:
        raise _NotADateError(
            f"{token!r} has no month {int(month)} (numeric dates are read day first)"
        )
    return int(day), int(month), int(year)


class _NotADateError(Exception):
    """Internal: a reason why the text is not a date (turned into InvalidTextError)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _scan(text: str) -> _Reading:  # noqa: C901, PLR0912, PLR0915 - one pass, one check per rule
    info = _dateutil_parser().info
    pieces: list[str] = []
    weekdays: list[_Position] = []
    months: list[tuple[_Position, int]] = []
    numbers: list[_Position] = []
    numeric_dates: list[tuple[int, int, int]] = []
    times: list[tuple[_Position, tuple[int, int, int]]] = []
    zones: list[_Position] = []
    parentheses = 0
    for match in _TOKEN.finditer(_JUM_AT.sub(r"\1\2", text)):
        kind, token = match.lastgroup, match.group()
        here = _Position(len(pieces), token)
        if kind == "space":
            continue
        if kind == "other":
            if token not in _PUNCTUATION:
                raise _NotADateError(f"unexpected character {token!r}")
            parentheses += {"(": 1, ")": -1}.get(token, 0)
            if parentheses < 0:
                raise _NotADateError("unbalanced parentheses")
            # Punctuation only separates the parts, so dateutil does not see it: after a
            # time it would read "-" as the sign of a UTC offset.
        elif kind == "word":
            if not token.isalpha():  # e.g. "²", a word character to regular expressions
                odd = next(c for c in token if not c.isalpha())
                raise _NotADateError(f"unexpected character {odd!r}")
            weekday, month = info.weekday(token), info.month(token)
            if weekday is not None:
                weekdays.append(here)
                pieces.append(WEEKDAY_NAMES[weekday])
            elif month is not None:
                months.append((here, month))
                pieces.append(MONTH_NAMES[month - 1])
            elif token.upper() in ZONES:
                zones.append(here)
                pieces.append(token.upper())
            elif token.lower() in _LINKING_WORDS:
                pieces.append(token.lower())
            else:
                raise _NotADateError(_english_hint(token))
        else:
            separators = set(_SEPARATOR.findall(token))
            parts = _SEPARATOR.split(token)
            if not separators:
                numbers.append(here)
                pieces.append(token)
            elif (separators == {":"} and len(parts) <= 3) or (
                separators == {"."} and len(parts) == 2
            ):
                times.append((here, _read_time(token, parts)))
                pieces.append(":".join(parts))
            elif len(separators) == 1 and len(parts) == 3 and ":" not in separators:
                day, month, year = _read_numeric_date(token, parts)
                numeric_dates.append((day, month, year))
                pieces.append(f"{day} {MONTH_NAMES[month - 1]} {year}")
            elif len(separators) == 1 and len(parts) == 2 and ":" not in separators:
                raise _NotADateError(f"incomplete date {token!r}: no year (e.g. '21/5/2024')")
            else:
                raise _NotADateError(
                    f"{token!r} is neither a date (e.g. '21/5/2024') nor a time ('17:09')"
                )
    if parentheses:
        raise _NotADateError("unbalanced parentheses")
    if len(weekdays) > 1:
        raise _NotADateError(f"more than one weekday ({weekdays[0].text!r}, {weekdays[1].text!r})")
    if len(times) > 1:
        raise _NotADateError(f"more than one time ({times[0][0].text!r}, {times[1][0].text!r})")
    if len(zones) > 1:
        raise _NotADateError(f"more than one time zone ({zones[0].text!r}, {zones[1].text!r})")
    if zones and (not times or times[0][0].order > zones[0].order):
        raise _NotADateError(
            f"time zone {zones[0].text!r} without a time before it (e.g. '17:09 WIB')"
        )

    if numeric_dates:
        if len(numeric_dates) > 1 or months:
            raise _NotADateError("more than one date")
        if numbers:
            raise _NotADateError(f"unexpected number {numbers[0].text!r}")
        day, month, year = numeric_dates[0]
    else:
        if not months:
            raise _NotADateError(
                "no month (expected a month name such as 'Februari' or a day-first "
                "numeric date such as '21/5/2024')"
            )
        if len(months) > 1:
            raise _NotADateError(
                f"more than one month ({months[0][0].text!r}, {months[1][0].text!r})"
            )
        (at, month) = months[0]
        before = [n for n in numbers if n.order < at.order]
        after = [n for n in numbers if n.order > at.order]
        if not before:
            raise _NotADateError(
                f"incomplete date: no day before {at.text!r} (e.g. '4 Februari 2025')"
            )
        if not after:
            raise _NotADateError(
                f"incomplete date: no year after {at.text!r} (e.g. '4 Februari 2025')"
            )
        if len(before) > 1:
            raise _NotADateError(f"unexpected number {before[0].text!r}")
        if len(after) > 1:
            raise _NotADateError(f"unexpected number {after[1].text!r}")
        day_text, year_text = before[0].text, after[0].text
        if len(day_text) > 2:
            raise _NotADateError(f"{day_text!r} is not a day (expected day, month, year)")
        if len(year_text) == 2:
            raise _NotADateError(f"two-digit year {year_text!r}; write the year in full")
        if len(year_text) != 4:
            raise _NotADateError(f"{year_text!r} is not a four-digit year")
        day, year = int(day_text), int(year_text)

    if year < 1000:
        raise _NotADateError(f"year {year:04d} is not a four-digit year from 1000 to 9999")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise _NotADateError(
            f"no day {day} in {MONTH_NAMES[month - 1]} {year} (it has {days_in_month} days)"
        )
    date = dt.date(year, month, day)
    named_weekday = weekdays[0].text if weekdays else None
    if named_weekday is not None and info.weekday(named_weekday) != date.weekday():
        raise _NotADateError(
            f"{format_date(date)} is a {WEEKDAY_NAMES[date.weekday()]}, not a {named_weekday}"
        )
    return _Reading(
        canonical=" ".join(pieces),
        date=date,
        time=times[0][1] if times else None,
        zone=zones[0].text.upper() if zones else None,
    )


# The date dateutil would fill missing parts from; the checks above leave none missing,
# and passing it keeps dateutil from reading today's date.
_NO_DEFAULT: Final = dt.datetime(1, 1, 1)  # noqa: DTZ001 - a placeholder, never returned


def _read_datetime(text: object, expected: str) -> dt.datetime:
    stripped = _require_text(text, expected)
    try:
        reading = _scan(stripped)
    except _NotADateError as fail:
        raise InvalidTextError(text, expected, fail.reason) from None
    from dateutil.parser import ParserError

    try:
        result = _dateutil_parser().parse(reading.canonical, default=_NO_DEFAULT, tzinfos=ZONES)
    except (ParserError, ValueError, OverflowError) as err:  # pragma: no cover - checked above
        raise InvalidTextError(text, expected, f"not a date dateutil can read ({err})") from err
    hour, minute, second = reading.time or (0, 0, 0)
    wanted = dt.datetime.combine(reading.date, dt.time(hour, minute, second))
    if reading.zone is not None:
        wanted = wanted.replace(tzinfo=ZONES[reading.zone])
    if result != wanted or result.tzinfo is not wanted.tzinfo:  # pragma: no cover - guard
        raise InvalidTextError(
            text, expected, f"ambiguous: read as {result.isoformat()} and {wanted.isoformat()}"
        )
    return result


def parse_datetime(text: str, /) -> dt.datetime:
    """Read an Indonesian date with an optional time and zone as a ``datetime``.

    The result is aware (a fixed offset from :data:`ZONES`) when the text names WIB, WITA or
    WIT, and naive otherwise; a text without a time gives midnight. See the module
    documentation for what is accepted; anything else raises
    :class:`~opinipp.errors.InvalidTextError` quoting the text.

    >>> parse_datetime("Jumat 02-02-2024,17:09 WIB")
    datetime.datetime(2024, 2, 2, 17, 9,
                      tzinfo=datetime.timezone(datetime.timedelta(seconds=25200), 'WIB'))
    >>> parse_datetime("Selasa 4 Februari 2025")
    datetime.datetime(2025, 2, 4, 0, 0)
    >>> parse_datetime("Kamis (14/12/2023) pukul 10.30 WITA").isoformat()
    '2023-12-14T10:30:00+08:00'

    .. versionadded:: 0.1.0
    """
    return _read_datetime(text, _DATETIME_EXPECTED)


def parse_date(text: str, /) -> dt.date:
    """Read an Indonesian date as a ``date``.

    A time and zone in the text are read and checked, then dropped: the result is the
    calendar date as written. See the module documentation for what is accepted; anything
    else raises :class:`~opinipp.errors.InvalidTextError` quoting the text.

    >>> parse_date("Jumat 02-02-2024,17:09 WIB")
    datetime.date(2024, 2, 2)
    >>> parse_date("Senin (13/6/2022)"), parse_date("21/5/2024"), parse_date("4 Feb 2025")
    (datetime.date(2022, 6, 13), datetime.date(2024, 5, 21), datetime.date(2025, 2, 4))
    >>> parse_date("4 Februari")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidTextError: cannot read '4 Februari' as an Indonesian date ...:
    incomplete date: no year after 'Februari' (e.g. '4 Februari 2025')

    .. versionadded:: 0.1.0
    """
    return _read_datetime(text, _DATE_EXPECTED).date()


def _check_date(value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidArgumentError("date", value, "a datetime.date (for a datetime, pass .date())")
    return value


def _check_flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgumentError(name, value, "True or False")
    return value


def format_date(d: dt.date, /, *, weekday: bool = False) -> str:
    """Write a date in Indonesian: "4 Februari 2025", or "Selasa, 4 Februari 2025".

    Takes a :class:`datetime.date`; a ``datetime`` is refused (pass ``.date()``) so that
    a time is never dropped unnoticed. :func:`parse_date` reads the result back.

    >>> format_date(dt.date(2025, 2, 4))
    '4 Februari 2025'
    >>> format_date(dt.date(2024, 2, 2), weekday=True)
    'Jumat, 2 Februari 2024'

    .. versionadded:: 0.1.0
    """
    date = _check_date(d)
    with_weekday = _check_flag("weekday", weekday)
    text = f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"
    return f"{WEEKDAY_NAMES[date.weekday()]}, {text}" if with_weekday else text


def __dir__() -> list[str]:
    return list(__all__)
