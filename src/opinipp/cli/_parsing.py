"""The argument parser's parts: one-line usage errors, the options of every command, years."""

from __future__ import annotations

import argparse
from typing import IO, TYPE_CHECKING, NoReturn, cast

from opinipp.cli._output import write
from opinipp.cli._words import YEAR_FORM

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


__all__ = [
    "OutputError",
    "Parser",
    "UsageError",
    "common_options",
    "csv_option",
    "os_reason",
    "year_arg",
]


class UsageError(Exception):
    """A command-line usage error, reported in one line (argparse would print the usage).

    ``message`` is argparse's (English) text and ``prog`` the command that was run; the
    report puts both in the user's language (:func:`opinipp.cli._words.usage_text`).
    """

    def __init__(self, message: str, prog: str) -> None:
        self.message = message
        self.prog = prog
        super().__init__(f"{message} (see '{prog} --help')")


class OutputError(Exception):
    """Standard output could not be written (argparse would ignore it)."""


class Parser(argparse.ArgumentParser):
    """An argument parser that reports errors in one line, without the usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # --help and --version: a failed write is reported, not silently dropped.
        if not message:
            return
        if file is None:  # sys.stdout is None: started with stdout closed
            raise OutputError("it is closed")
        try:
            write(cast("IO[str]", file), message)  # argparse passes sys.stdout or sys.stderr
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise OutputError(os_reason(error)) from error


def os_reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def year_arg(text: str) -> int:
    """Read a year argument as a whole number (the rules decide whether it is covered)."""
    stripped = text.strip()
    if not stripped.isascii() or not stripped.isdigit():
        msg = f"{text!r} {YEAR_FORM}"
        raise argparse.ArgumentTypeError(msg)
    return int(stripped)


def common_options(*, top: bool) -> Parser:
    """The options every command takes, before or after the command's name.

    The top level holds the defaults; below it an option left out sets nothing, so that
    ``opinipp --lang en show …`` and ``opinipp show … --lang en`` mean the same. (Each
    parser gets its own copy: argparse shares the actions of a parent parser.)
    """
    common = Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id" if top else argparse.SUPPRESS,
        help="language of the text output: id (Indonesian, the default) or en (English)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="print one JSON object instead of text (the same in every language); an error "
        "is then a JSON object too",
    )
    common.add_argument(
        "--all-problems",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="report every problem of a bad file, not only the first three",
    )
    if top:
        common.set_defaults(csv=False)
    return common


def csv_option(parser: Parser) -> None:
    """``--csv``: the command's table as CSV (cells a spreadsheet would run are neutralised)."""
    parser.add_argument(
        "--csv",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the table as CSV instead of text (safe to open in a spreadsheet)",
    )


def __dir__() -> list[str]:
    return list(__all__)
