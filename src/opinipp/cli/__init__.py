"""The ``opinipp`` command line (also ``python -m opinipp``).

Commands over the library and its bundled data (and, below, the instrument and survey
commands)::

    opinipp classify 81.84 --year 2023          zone, category and opinion of a score
    opinipp gap 81.84 --year 2023 [--target A]  points to the next tier (or to a target)
    opinipp rank --scope province:Sultra --year 2023 [FILE|-]
                                                rank the bundled results, a CSV file or stdin
    opinipp show "Kabupaten Muna Barat"         an entity's published results, year by year
    opinipp list [--kind K] [--province P]      the bundled entities, with their years
    opinipp search muna                         find entities by name, abbreviation or code
    opinipp score 86.83 85.80 --year 2025       a Pemda's score from its units' scores
    opinipp years                               the rules of every assessment year

Every command takes ``--lang id|en`` (text in Indonesian, the default, or English; numbers
are written ``81,84`` in Indonesian and ``81.84`` in English) and ``--json`` (one JSON object
on standard output, the same whatever the language; its shape per command is documented in
the CLI guide); ``rank``, ``show``, ``list`` and ``search`` take ``--csv``. Text fits the
terminal's width (100 columns when unknown). The names of zones, categories and opinions
are the Ombudsman's own terms and stay in Indonesian in both languages.

Exit codes: 0 on success; 2 on bad input (an invalid score, a year without rules such as
2020, an unknown entity or scope, an unreadable file, a wrong option); 74 when standard
output cannot be written (closed, or a full disk; a reader that stops early, as in
``| head -1``, is a success). A failure is a single line ``opinipp: error: <message>`` on
standard error (when standard error works), never a traceback, in the chosen language and
naming the argument as typed; with ``--json`` it is also a JSON object on standard output,
``{"error": {"type", "message", "argument", "problems"}}``. ``--all-problems`` reports every
problem of a bad file instead of the first three.

>>> main(["classify", "81.84", "--year", "2023", "--lang", "en"])
81.84 in 2023: zona hijau (green), category B, Kualitas Tinggi (High quality)
band 78.00–87.99 of the opini-pengawasan-2022 rules
0
>>> main(["classify", "81.84", "--year", "2020"])
2
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from opinipp._checks import as_list, exact_text
from opinipp.cli._instruments import add_instrument_commands
from opinipp.cli._output import csv_text, write
from opinipp.cli._parsing import OutputError, Parser, UsageError, common_options, os_reason
from opinipp.cli._results import add_result_commands
from opinipp.cli._surveys import add_survey_commands
from opinipp.cli._words import SHOWN_PROBLEMS, BadInput, error_text, problems_of, usage_text
from opinipp.errors import InvalidArgumentError, OpinippError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from opinipp.cli._output import Output
    from opinipp.cli._words import Lang

__all__ = ["main"]
_PROG = "opinipp"
_EXIT_OK = 0
_EXIT_BAD_INPUT = 2
_EXIT_OUTPUT = 74  # EX_IOERR (sysexits.h): standard output could not be written


def _parser() -> Parser:
    common = common_options(top=False)
    parser = Parser(
        prog=_PROG,
        description=(
            "The rules of Ombudsman RI's public-service compliance assessment: classify a "
            "score, find the points to the next tier, rank a CSV file or the bundled results, "
            "show, list and search the bundled entities, compute a Pemda's score from its "
            "units, list the rules of every year."
        ),
        epilog=(
            "Exit status: 0 on success, 2 on bad input, 74 when the output cannot be written "
            "(one line on standard error). "
            "Documentation: https://opinipp.readthedocs.io/"
        ),
        parents=[common_options(top=True)],
    )
    from opinipp import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, help_text: str, handler: Callable[..., Output]) -> Parser:
        sub: Parser = commands.add_parser(
            name, help=help_text, description=help_text, parents=[common]
        )
        sub.set_defaults(handler=handler)
        return sub

    add_result_commands(add)
    add_instrument_commands(add)
    add_survey_commands(add)
    return parser


def _run(args: argparse.Namespace, lang: Lang) -> Output:
    if args.json and args.csv:
        raise BadInput("--csv", None, "e_both_outputs")
    result: Output = args.handler(args, lang)
    return result


def _asked(argv: Sequence[str] | None) -> tuple[Lang, bool]:
    """The ``--lang`` and ``--json`` of an argument list argparse could not read."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = "id"
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in ("id", "en"):
            lang = "en" if value == "en" else "id"
    return lang, "--json" in args


def _error_json(error: Exception, message: str, lang: Lang, *, all_problems: bool) -> str:
    """``{"error": {"type", "message", "problems"}}``: the error for a program to read."""
    from opinipp.errors import InvalidDataError

    cause = error.cause if isinstance(error, BadInput) and error.cause is not None else error
    problems: list[dict[str, object]] = []
    if isinstance(cause, InvalidDataError):
        lines = problems_of(cause, lang)
        for member, line in zip(cause.exceptions, lines, strict=True):
            problems.append(
                {
                    "row": getattr(member, "row", None),
                    "column": getattr(member, "column", None),
                    "path": getattr(member, "path", None),
                    "message": line,
                }
            )
        if not all_problems:
            problems = problems[:SHOWN_PROBLEMS]
    kind = "UsageError" if isinstance(error, UsageError) else type(cause).__name__
    if isinstance(error, BadInput) and error.cause is None:
        kind = "InvalidArgumentError"
    data = {
        "error": {
            "type": kind,
            "message": message,
            "argument": error.argument if isinstance(error, BadInput) else None,
            "problems": problems,
        }
    }
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _report(message: str) -> None:
    """Write ``opinipp: error: <message>`` on standard error, if standard error works."""
    stream = sys.stderr
    if stream is None:  # started with stderr closed
        return
    try:
        write(stream, f"{_PROG}: error: {message}\n")
    except (OSError, ValueError):
        _discard(stream)


def _discard(stream: IO[str]) -> None:
    """Point the process's standard output (or error) at the null device.

    What is still buffered then goes nowhere at exit, instead of failing again (exit
    status 120, "Exception ignored …"): the Python docs' advice for SIGPIPE. Only the
    interpreter's own streams are redirected, never a stream a caller put in their place.
    """
    if stream is not sys.__stdout__ and stream is not sys.__stderr__:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)


def _output(text: str | None, status: int) -> int:
    """Write ``text`` (``None``: only flush what argparse printed) and return the status.

    A reader that stopped early (``| head -1``) is a success; any other failure to write
    is one line on standard error and :data:`_EXIT_OUTPUT`.
    """
    stream = sys.stdout
    if stream is None:  # started with stdout closed
        return status if text is None else _output_failed("it is closed")
    try:
        if text is None:
            stream.flush()
        else:
            write(stream, text)
    except BrokenPipeError:
        _discard(stream)
        return status
    except (OSError, ValueError) as error:  # ValueError: a stream closed in the process
        return _output_failed(os_reason(error))
    return status


def _output_failed(reason: str) -> int:
    stream = sys.stdout
    if stream is not None:
        _discard(stream)
    _report(f"cannot write to standard output: {reason}")
    return _EXIT_OUTPUT


def _arguments(argv: object) -> list[str] | None:
    """``argv`` as a list of plain strings (``None`` for the process arguments), or raise."""
    expected = "None or a sequence of strings (the arguments after 'opinipp')"
    if argv is None:
        return None
    if not isinstance(argv, Sequence):
        raise InvalidArgumentError("argv", argv, expected)
    texts = [exact_text(arg) for arg in as_list(argv, "argv", expected)]
    plain = [text for text in texts if text is not None]  # a str subclass gives its real text
    if len(plain) != len(texts):
        raise InvalidArgumentError("argv", argv, expected)
    return plain


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``opinipp`` command and return its exit status.

    ``argv`` defaults to the process arguments. Output goes to standard output; errors are
    one line on standard error (none when standard error is closed). An ``argv`` that is not
    a sequence of strings raises :class:`~opinipp.errors.InvalidArgumentError`.

    Exit status: 0 on success, also when the reader of the output stops early
    (``opinipp years | head -1``); 2 on bad input; 74 (``EX_IOERR``) when standard output
    cannot be written (closed, or a full disk).

    >>> main(["gap", "81.84", "--year", "2023"])  # Kab. Muna Barat, 2023
    81,84 pada 2023: kurang 6,16 menuju A (Kualitas Tertinggi)
    0
    """
    argv = _arguments(argv)
    lang, as_json = _asked(argv)
    all_problems = "--all-problems" in (sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
        lang, as_json, all_problems = args.lang, args.json, args.all_problems
        result = _run(args, lang)
    except SystemExit as done:  # --help and --version, printed by argparse
        code = done.code
        return _output(None, code if isinstance(code, int) else _EXIT_OK)
    except (UsageError, BadInput, OpinippError) as error:
        message = (
            usage_text(error.message, error.prog, lang)
            if isinstance(error, UsageError)
            else error_text(error, lang, all_problems=all_problems)
        )
        _report(message)
        if as_json:
            _output(_error_json(error, message, lang, all_problems=all_problems), _EXIT_OK)
        return _EXIT_BAD_INPUT
    except OutputError as error:
        return _output_failed(str(error))
    except BrokenPipeError:  # --help or --version into `| head -1`
        return _output(None, _EXIT_OK)
    if args.json:
        text = json.dumps(result.data, ensure_ascii=False, indent=2) + "\n"
    elif args.csv and result.table is not None:
        text = csv_text(result.table)
    else:
        text = "\n".join(result.lines) + "\n"
    return _output(text, _EXIT_OK)


def __dir__() -> list[str]:
    return list(__all__)
