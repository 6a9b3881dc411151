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
    Read by :func:`dateutil.parser.parse`, through a :class:`dateutil.parser.parserinfo`
    with Indonesian month and weekday names and their abbreviations, ``dayfirst`` and
    ``tzinfos`` for the three zones. This module only prepares the text for it and checks
    what dateutil would let through. What is accepted:

    - a day, an Indonesian month name and a four-digit year (1000–9999), the day before
      the year ("4 Februari 2025", "4 Feb 2025", "tanggal 4 Feb. 2025", "Februari 4, 2025";
      the older spellings "Pebruari" and "Nopember" too), or a day-first numeric date with
      one kind of separator ("21/5/2024", "02-02-2024", "13.06.2022");
    - optionally one weekday ("Selasa", "Sel"; "Jumat", "Jum'at", "Jum"; "Minggu", "Ahad"),
      which must match the date;
    - optionally one time ("17:09", or "17.09" as Indonesian writes it, with optional
      seconds) and after it one zone: WIB (UTC+07:00), WITA (UTC+08:00) or WIT (UTC+09:00);
    - the linking words "hari", "pada", "tanggal", "tgl", "pukul", "pkl", "jam", and
      commas, points, hyphens, slashes and parentheses between the parts.

    Anything else is rejected: unknown words ("besok"), English month and weekday names
    ("February" is not Indonesian; the abbreviations the languages share, like "Feb" and
    "Sep", are fine), incomplete dates ("4 Februari", "Februari 2025"), two-digit and
    year-first years, other zones and numeric offsets. Nothing is filled in from today.

    What is checked before dateutil, because dateutil reads it otherwise: numeric dates
    are day first (its ``dayfirst`` only breaks ties, so it would read "6/13/2022" as 13
    June, and it reads "2024-02-03" year first); "17.09" is a time (to dateutil, a
    decimal number); a second weekday or time (dateutil keeps the last); a number after
    the year ("13 Juni 2022 17" would be 17:00); numbers that are neither a day nor a
    four-digit year ("20240204" would be a date).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal, cast

from opinipp._checks import exact_int, exact_text
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
_TOKEN: Final = re.compile(r"[0-9]+(?:[-/.:][0-9]+)*|[^\W\d_]+|\S")
# Each kind of part _prepare finds, with the name it has in "more than one ..." (at most
# one of each); a date has two numbers, a day and a year.
_KINDS: Final = MappingProxyType(
    {
        "weekday": "weekday",
        "month": "month",
        "date": "date",
        "time": "time",
        "zone": "time zone",
        "number": "",
        "link": "",
    }
)
_SEPARATOR: Final = re.compile(r"[-/.:]")


# --------------------------------------------------------------------------- numbers


def _require_text(text: object, expected: str) -> tuple[str, str]:
    """The real text of ``text`` (a ``str`` subclass's too) and that text stripped."""
    plain = exact_text(text)
    if plain is None:
        raise InvalidTextError(text, expected, f"{type(text).__name__} is not text")
    stripped = plain.strip()
    if not stripped:
        raise InvalidTextError(plain, expected, "empty text")
    return plain, stripped


def _read_number(text: object) -> Decimal:
    plain, stripped = _require_text(text, NUMBER_EXPECTED)
    parts = split_number(stripped)
    if parts is None:
        raise InvalidTextError(plain, NUMBER_EXPECTED, number_problem(stripped))
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
        raise InvalidScoreError(exact_text(text), err.reason) from err


def _decimal_to_format(value: object) -> Decimal:
    expected = "a Decimal, an int or a Score (floats are not exact)"
    if isinstance(value, Score):
        number = value.value
    elif isinstance(value, bool):
        raise InvalidArgumentError("value", value, expected)
    elif isinstance(value, int):
        value = int.__index__(value)  # an int subclass's real value
        if value.bit_length() > 4 * _MAX_INTEGER_DIGITS:
            # Python refuses to write ints of more than 4300 digits, so name a huge one.
            shown = value if value.bit_length() < 10_000 else f"<int of {value.bit_length()} bits>"
            raise InvalidArgumentError(
                "value", shown, f"a number with at most {_MAX_INTEGER_DIGITS} integer digits"
            )
        number = Decimal(value)
    elif isinstance(value, Decimal):
        number = Decimal(value)  # a Decimal subclass's real value
        if not number.is_finite():
            raise InvalidArgumentError("value", number, f"a finite number: {expected}")
    else:
        raise InvalidArgumentError("value", value, expected)
    if not number.is_zero() and number.adjusted() >= _MAX_INTEGER_DIGITS:
        raise InvalidArgumentError(
            "value", value, f"a number with at most {_MAX_INTEGER_DIGITS} integer digits"
        )
    return number


def _check_lang(lang: object) -> Literal["id", "en"]:
    language = exact_text(lang)
    if language in ("id", "en"):
        return cast("Literal['id', 'en']", language)
    raise InvalidArgumentError("lang", lang, "'id' (decimal comma) or 'en' (decimal point)")


def _check_places(places: object) -> int:
    digits = exact_int(places)
    if digits is None or not 0 <= digits <= _MAX_PLACES:
        raise InvalidArgumentError("places", places, f"an int from 0 to {_MAX_PLACES}")
    return digits


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

        JUMP = [" ", *_LINKING_WORDS]  # noqa: RUF012 - dateutil's API
        # dateutil reads tuples of any length; its type stubs say pairs or triples.
        WEEKDAYS = cast("list[tuple[str, str]]", list(_WEEKDAY_SPELLINGS))
        MONTHS = cast("list[tuple[str, str] | tuple[str, str, str]]", list(_MONTH_SPELLINGS))
        HMS: list[tuple[str, str, str]] = []  # noqa: RUF012 - no "17h05" or "5 menit"
        AMPM: list[tuple[str, str]] = []  # noqa: RUF012 - Indonesian uses the 24-hour clock
        UTCZONE: list[str] = []  # noqa: RUF012 - UTC, GMT and Z are not Indonesian zones
        PERTAIN: list[str] = []  # noqa: RUF012

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            # No century is guessed from the current year: "25" stays year 25 (refused).
            del century_specified
            return year

    return parser.parser(_IndonesianParserInfo(dayfirst=True))


class _NotADateError(Exception):
    """Internal: a reason why the text is not a date (turned into InvalidTextError)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _english_hint(word: str) -> str:
    indonesian = _ENGLISH.get(word.lower())
    if indonesian is None:
        return f"unknown word {word!r}"
    return f"{word!r} is English; Indonesian text is expected (write {indonesian!r})"


def _prepare_word(word: str) -> tuple[str, str]:
    """The kind of a word (weekday, month, zone, link) and how dateutil is given it."""
    if not word.isalpha():  # e.g. "²", a word character to regular expressions
        odd = next(c for c in word if not c.isalpha())
        raise _NotADateError(f"unexpected character {odd!r}")
    info = _dateutil_parser().info
    if info.weekday(word) is not None:
        return "weekday", word
    if info.month(word) is not None:
        return "month", word
    if word.upper() in ZONES:
        # dateutil takes a zone name only in capitals, and only after a time.
        return "zone", word.upper()
    if word.lower() in _LINKING_WORDS:
        # In lower case, so that dateutil never takes "JAM" after a time for a zone.
        return "link", word.lower()
    raise _NotADateError(_english_hint(word))


def _prepare_numeric_date(token: str, parts: list[str]) -> str:
    """Check a numeric date is day first with a four-digit year; write it d/m/yyyy.

    dateutil's ``dayfirst`` only breaks ties: it would read "6/13/2022" as 13 June, and
    it reads year-first ("2024-02-03") and two-digit years. So the shape is checked here.
    """
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
    return f"{day}/{month}/{year}"


def _prepare_number(token: str) -> tuple[str, str]:
    """The kind of a token of digits (number, date, time) and how dateutil is given it."""
    separators = set(_SEPARATOR.findall(token))
    parts = _SEPARATOR.split(token)
    if not separators:
        if len(token) not in (1, 2, 4):
            # dateutil would read "20240204" as a date and "202" as a year.
            raise _NotADateError(f"{token!r} is not a four-digit year nor a day")
        return "number", token
    if (separators == {":"} and len(parts) <= 3) or (separators == {"."} and len(parts) == 2):
        # Indonesian writes "17.09"; dateutil would read it as a decimal number.
        if len(parts[0]) > 2 or any(len(p) != 2 for p in parts[1:]):
            raise _NotADateError(f"{token!r} is not a time (expected hh:mm or hh.mm, e.g. '17:09')")
        return "time", ":".join(parts)
    if len(separators) == 1 and ":" not in separators:
        if len(parts) == 3:
            return "date", _prepare_numeric_date(token, parts)
        if len(parts) == 2:
            raise _NotADateError(f"incomplete date {token!r}: no year (e.g. '21/5/2024')")
    raise _NotADateError(f"{token!r} is neither a date (e.g. '21/5/2024') nor a time ('17:09')")


def _prepare_token(token: str) -> tuple[str, str]:
    if token[0] in "0123456789":
        return _prepare_number(token)
    if len(token) == 1 and not token.isalpha():
        raise _NotADateError(f"unexpected character {token!r}")
    return _prepare_word(token)


def _check_parentheses(tokens: list[str]) -> None:
    depth = 0
    for token in tokens:
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth < 0:
            break
    if depth:
        raise _NotADateError("unbalanced parentheses")


def _check_order(kind: str, token: str, found: Mapping[str, list[str]]) -> None:
    """Refuse what dateutil would read in an order Indonesian does not write."""
    year = next((n for n in found["number"] if len(n) == 4), None)
    if kind == "number" and found["date"]:
        raise _NotADateError(f"unexpected number {token!r} beside the date {found['date'][0]!r}")
    if kind == "number" and year is not None:
        # dateutil would read "2025 Februari 4" as 4 Februari and "13 Juni 2022 17" as 17:00.
        raise _NotADateError(
            f"unexpected number {token!r} after the year {year!r} "
            "(dates are written day, month, year; a time is written '17:09')"
        )
    if kind == "zone" and not found["time"]:
        raise _NotADateError(f"time zone {token!r} without a time before it (e.g. '17:09 WIB')")


def _check_counts(found: Mapping[str, list[str]]) -> None:
    """Refuse parts written twice: dateutil keeps the last weekday or time it reads."""
    for kind, name in _KINDS.items():
        if name and len(found[kind]) > 1:
            first, second = found[kind][:2]
            raise _NotADateError(f"more than one {name} ({first!r}, {second!r})")
    if found["date"] and found["month"]:
        first, second = found["date"][0], found["month"][0]
        raise _NotADateError(f"more than one date ({first!r}, {second!r})")
    if len(found["number"]) > 2:
        listed = ", ".join(repr(n) for n in found["number"])
        raise _NotADateError(f"too many numbers ({listed}): a date is a day, a month and a year")
    if not found["date"] and not found["month"]:
        raise _NotADateError(
            "no month (expected a month name such as 'Februari' or a day-first "
            "numeric date such as '21/5/2024')"
        )


def _prepare(text: str) -> tuple[str, dict[str, list[str]]]:
    """The text as dateutil is given it, and the words and numbers it has, by kind.

    Every word and character must be known, and a date has one weekday at most, one month
    (a name or a numeric date), one time, one zone after the time. Punctuation only
    separates the parts and is dropped: after a time, dateutil reads "-" as the sign of a
    UTC offset.
    """
    tokens = _TOKEN.findall(_JUM_AT.sub(r"\1\2", text))
    prepared = [(token, *_prepare_token(token)) for token in tokens if token not in _PUNCTUATION]
    _check_parentheses(tokens)
    found: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for token, kind, _ in prepared:
        _check_order(kind, token, found)
        found[kind].append(token)
    _check_counts(found)
    return " ".join(piece for _, _, piece in prepared), found


def _parse_prepared(prepared: str, found: Mapping[str, list[str]]) -> dt.datetime:
    from dateutil.parser import ParserError

    parser = _dateutil_parser()
    try:
        result = parser.parse(prepared, default=_DEFAULT, tzinfos=ZONES)
    except ParserError as err:
        # Out of range (31 Februari, 25:00): datetime's own words, from err.__cause__.
        raise _NotADateError(f"no such date or time ({err.__cause__})") from err
    if not found["date"] and len(found["number"]) < 2:
        missing = "year" if result.year == _DEFAULT.year else "day"
        if not found["number"]:
            missing = "day and no year"
        raise _NotADateError(f"incomplete date: no {missing} (e.g. '4 Februari 2025')")
    if result.year < 1000:
        raise _NotADateError(
            f"year {result.year:04d} is not a four-digit year from 1000 to 9999"
            " (write the year in full)"
        )
    date = result.date()
    for written in found["weekday"]:
        if parser.info.weekday(written) != date.weekday():
            raise _NotADateError(
                f"{format_date(date)} is a {WEEKDAY_NAMES[date.weekday()]}, not a {written}"
            )
    return result


# dateutil fills the parts missing from the text from this date, not from today. Only a
# day or a year can be missing once _prepare has found a month; year 1 is never meant.
_DEFAULT: Final = dt.datetime(1, 1, 1)  # noqa: DTZ001 - naive, like a date without a zone


def _read_datetime(text: object, expected: str) -> dt.datetime:
    plain, stripped = _require_text(text, expected)
    try:
        return _parse_prepared(*_prepare(stripped))
    except _NotADateError as fail:
        raise InvalidTextError(plain, expected, fail.reason) from None


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
    incomplete date: no year (e.g. '4 Februari 2025')

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
