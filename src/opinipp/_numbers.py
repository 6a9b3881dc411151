"""The one grammar of numbers written as text, shared by scores and Indonesian text.

A number is ASCII digits with at most one decimal separator, a comma or a point, and an
optional leading minus (``-`` or the typographic ``−``). Scores and points never reach a
thousand, so a single separator is always the decimal one and a second one is refused
rather than read as a thousands separator. Callers add their own rules on top (a score
takes no sign and at most two decimals).

>>> split_number("90,02"), split_number("\u22120.5"), split_number("88")
(('', '90', '02'), ('-', '0', '5'), ('', '88', None))
>>> split_number("1.234,56") is None
True
>>> number_problem("1.234,56")
'more than one separator (a score never has thousands separators)'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["NUMBER_EXPECTED", "number_problem", "split_number"]

NUMBER_EXPECTED: Final = "a decimal number such as '90,02' or '90.02'"
"""What a number written as text looks like, for error messages."""

_NUMBER: Final = re.compile(r"([-\u2212]?)([0-9]+)(?:[.,]([0-9]+))?")


def split_number(text: str) -> tuple[str, str, str | None] | None:
    """The sign (``""`` or ``"-"``), whole digits and decimal digits of ``text``, or None.

    ``text`` is already stripped of surrounding spaces.

    >>> split_number("-0,45"), split_number("+5")
    (('-', '0', '45'), None)
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    sign, whole, fraction = match.groups()
    return ("-" if sign else "", whole, fraction)


def number_problem(text: str) -> str:
    """Why ``text`` (stripped, and not a number by :func:`split_number`) is not a number.

    >>> number_problem("+5")
    'a plus sign is not accepted (write the number without it)'
    >>> number_problem("1e2")
    'not a decimal number (digits with at most one decimal comma or point)'
    """
    if text.count(".") + text.count(",") > 1:
        return "more than one separator (a score never has thousands separators)"
    if text.startswith("+"):
        return "a plus sign is not accepted (write the number without it)"
    return "not a decimal number (digits with at most one decimal comma or point)"


def __dir__() -> list[str]:
    return list(__all__)
