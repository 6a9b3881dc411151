"""Survey responses: one row per respondent, one answer per unsur, checked cell by cell.

Responses come from Python rows, a CSV file, an Excel workbook (the ``excel`` extra) or a
pandas data frame (the ``pandas`` extra). Every bad cell is reported as a
:class:`~opinipp.errors.RowError` with its row and column; no row is dropped.

>>> from opinipp.skm import Responses
>>> r = Responses.from_rows(
...     [[4, 3, 3, 4, 3, 3, 4, 3, 2], ["4", "4", "3", "4", "3", "3", "4", "3", "3,0"]]
... )
>>> r.count, r.answers[1][8]
(2, 3)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from opinipp._checks import as_list, exact_text
from opinipp._indices import exact_number, is_blank, optional_text, text_check
from opinipp.errors import (
    InvalidArgumentError,
    MissingExtraError,
    RowError,
    _show,
)
from opinipp.skm._tables import DEFAULT_REGULATION, SKM_RULES
from opinipp.skm._types import SkmRules, column_key

if TYPE_CHECKING:
    import os

    import pandas as pd

    from opinipp.serialization._records import ErrorMode
    from opinipp.serialization._table import Table

__all__ = ["Responses", "skm_rules"]

_BY_KEY: Final = {r.key: r for r in SKM_RULES}
if len(_BY_KEY) != len(SKM_RULES):  # pragma: no cover - a table error, caught at import
    raise InvalidArgumentError("SKM_RULES", [r.key for r in SKM_RULES], "one entry per key")


def skm_rules(regulation: SkmRules | str = DEFAULT_REGULATION, /) -> SkmRules:
    """Return the SKM rules of a regulation, by key (or the rules themselves).

    Keys: ``"permenpanrb-14-2017"`` (the default, in force), ``"permenpanrb-16-2014"`` and
    ``"kep-25-2004"``.

    >>> skm_rules("kep-25-2004").weight
    Fraction(1, 14)
    >>> skm_rules("2017")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid rules '2017': expected one of ...
    """
    given: object = regulation
    if isinstance(given, SkmRules):
        return given
    text = exact_text(given)
    found = _BY_KEY.get(text.strip().casefold()) if text is not None else None
    if found is None:
        choices = ", ".join(repr(k) for k in _BY_KEY)
        raise InvalidArgumentError("rules", given, f"one of {choices} or an SkmRules")
    return found


def _error_mode(errors: object) -> ErrorMode:
    from opinipp.serialization._records import check_error_mode

    return check_error_mode(errors)


class _BadCellError(Exception):
    def __init__(self, value: object, reason: str) -> None:
        super().__init__(reason)
        self.value = value
        self.reason = reason


def _answer(value: object, low: int, high: int) -> int:
    """One cell as an answer from ``low`` to ``high``, or _BadCellError saying why not."""
    expected = f"a whole number from {low} to {high}"
    if is_blank(value):
        raise _BadCellError(value, f"blank answer; expected {expected}")
    try:
        number = exact_number(value, "answer")
    except InvalidArgumentError:
        raise _BadCellError(value, f"not a number; expected {expected}") from None
    if number.denominator != 1:
        raise _BadCellError(value, f"not a whole number; expected {expected}")
    if not low <= number <= high:
        raise _BadCellError(value, f"outside {low}–{high}; expected {expected}")
    return int(number)


def _answers(value: object) -> tuple[tuple[int, ...], ...]:
    given = as_list(value, "Responses.answers", "a sequence of rows of answers")
    expected = "rows as tuples of int (use Responses.from_rows)"
    rows = []
    for row in given:
        if not isinstance(row, tuple):
            raise InvalidArgumentError("Responses.answers", row, expected)
        answers = tuple(as_list(row, "Responses.answers", expected))
        if not all(type(a) is int for a in answers):
            raise InvalidArgumentError("Responses.answers", row, expected)
        rows.append(answers)
    return tuple(rows)


@attrs.frozen(repr=False)
class Responses:
    """The answers of a survey: one tuple per respondent, one answer per unsur, in order.

    Built directly (``answers`` as tuples of int) or through :meth:`from_rows`,
    :meth:`read_csv`, :meth:`read_excel` and :meth:`from_pandas`, which read text and
    numbers and report every bad cell. At least one respondent is required; every answer is
    a whole number on the rules' answer scale (1–4).

    >>> Responses(((4,) * 9,)).count
    1
    >>> Responses(((5,) * 9,))
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid Responses.answers 5: expected an answer from 1 ...
    """

    answers: tuple[tuple[int, ...], ...] = attrs.field(converter=_answers)
    rules: SkmRules = attrs.field(factory=skm_rules, converter=skm_rules)
    source: str = attrs.field(
        default="responses",
        converter=optional_text,
        validator=text_check("Responses"),
        kw_only=True,
    )

    def __attrs_post_init__(self) -> None:
        if not self.answers:
            raise InvalidArgumentError("Responses.answers", self.answers, "at least one respondent")
        size = len(self.rules.unsur)
        low, high = self.rules.answer_min, self.rules.answer_max
        for row in self.answers:
            if len(row) != size:
                raise InvalidArgumentError(
                    "Responses.answers", row, f"{size} answers per respondent ({self.rules.key})"
                )
            for answer in row:
                if not low <= answer <= high:
                    raise InvalidArgumentError(
                        "Responses.answers",
                        answer,
                        f"an answer from {low} to {high} ({self.rules.key})",
                    )

    @property
    def count(self) -> int:
        """The number of respondents."""
        return len(self.answers)

    def column(self, index: int) -> tuple[int, ...]:
        """The answers to the unsur at ``index`` (0-based), one per respondent."""
        return tuple(row[index] for row in self.answers)

    def __repr__(self) -> str:
        return f"<Responses {self.source}: {self.count} respondents, {self.rules.key}>"

    # --- readers -----------------------------------------------------------------------

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[Sequence[object] | Mapping[str, object]],
        /,
        *,
        rules: SkmRules | str = DEFAULT_REGULATION,
        ignore: Iterable[str] = (),
        errors: ErrorMode = "collect",
        source: str = "responses",
    ) -> Responses:
        """Read rows of answers: sequences in unsur order, or mappings from column to answer.

        A mapping's keys name unsur by code (``"U1"``), key (``"persyaratan"``) or name, in
        any case and spacing; keys in ``ignore`` are skipped. ``row`` in the errors is the
        0-based position of the row.

        Raises:
            InvalidDataError: in collect mode, every bad cell.
            RowError: in raise mode, the first bad cell.
            InvalidArgumentError: ``rows``, ``rules``, ``ignore`` or ``errors`` not accepted.

        >>> Responses.from_rows(
        ...     [{"u1": 4, "U2": "3", **{f"U{i}": 4 for i in range(3, 10)}}]
        ... ).answers
        ((4, 3, 4, 4, 4, 4, 4, 4, 4),)
        """
        the_rules = skm_rules(rules)
        mode = _error_mode(errors)
        skipped = _ignored(ignore)
        expected = "an iterable of rows (sequences or mappings)"
        if isinstance(rows, Mapping):
            raise InvalidArgumentError("rows", rows, expected)
        reader = _Reader(the_rules, mode, source)
        for position, row in enumerate(as_list(rows, "rows", expected)):
            if isinstance(row, Mapping):
                reader.read_mapping(position, row, skipped)
            elif isinstance(row, (str, bytes)) or not isinstance(row, Sequence):
                reader.problem(RowError(position, None, row, "expected a sequence or a mapping"))
            else:
                reader.read_sequence(position, _cells(row))
        return reader.finish(cls)

    @classmethod
    def read_csv(
        cls,
        source: str | os.PathLike[str] | IO[str],
        /,
        *,
        rules: SkmRules | str = DEFAULT_REGULATION,
        ignore: Iterable[str] = (),
        errors: ErrorMode = "collect",
    ) -> Responses:
        r"""Read a CSV file: a header naming the unsur, then one line per respondent.

        Columns name unsur as in :meth:`from_rows`; columns in ``ignore`` (a respondent
        number, age, …) are skipped, any other column is an error. Rows are the file's line
        numbers (the header is line 1); blank lines are skipped. UTF-8, a byte-order mark
        allowed; a cell that is not UTF-8 text, or a row the CSV syntax cannot split, is a
        bad cell like any other.

        Raises:
            InvalidDataError: in collect mode, every bad cell and header problem.
            RowError: in raise mode, the first.
            InvalidArgumentError: ``source``, ``rules``, ``ignore`` or ``errors`` not accepted.
            OSError: the file cannot be opened.

        >>> import io
        >>> text = "no,U1,U2,U3,U4,U5,U6,U7,U8,U9\n1,4,4,3,4,3,3,4,3,2\n"
        >>> Responses.read_csv(io.StringIO(text), ignore=["no"]).answers
        ((4, 4, 3, 4, 3, 3, 4, 3, 2),)
        """
        the_rules = skm_rules(rules)
        mode = _error_mode(errors)
        skipped = _ignored(ignore)
        table = _csv_table(source)
        reader = _Reader(the_rules, mode, table.name)
        for problem in table.problems:
            reader.problem(problem)
        reader.read_table(table.header, table.rows, skipped, unreadable=table.unreadable())
        return reader.finish(cls)

    @classmethod
    def read_excel(
        cls,
        source: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        sheet: str | None = None,
        rules: SkmRules | str = DEFAULT_REGULATION,
        ignore: Iterable[str] = (),
        errors: ErrorMode = "collect",
    ) -> Responses:
        """Read an ``.xlsx`` workbook like :meth:`read_csv` (the ``excel`` extra, openpyxl).

        The first sheet, or ``sheet`` by name; the first row is the header, rows are the
        sheet's row numbers. Cell values are read as they were stored (numbers, or text as in
        a CSV file); formulas are read by their cached value.

        Raises:
            MissingExtraError: openpyxl is not installed (``pip install 'opinipp[excel]'``).
            InvalidDataError, RowError: bad cells, as in :meth:`read_csv`.
            InvalidArgumentError: not a readable workbook, an unknown ``sheet``, or another
                argument not accepted.
            OSError: the file cannot be opened.
        """
        the_rules = skm_rules(rules)
        mode = _error_mode(errors)
        skipped = _ignored(ignore)
        name, header, rows = _excel_table(source, sheet)
        reader = _Reader(the_rules, mode, name)
        reader.read_table(header, rows, skipped)
        return reader.finish(cls)

    @classmethod
    def from_pandas(
        cls,
        df: pd.DataFrame,
        /,
        *,
        rules: SkmRules | str = DEFAULT_REGULATION,
        ignore: Iterable[str] = (),
        errors: ErrorMode = "collect",
    ) -> Responses:
        """Read a pandas data frame: one row per respondent, one column per unsur.

        Columns as in :meth:`read_csv`; a missing value (``NaN``, ``None``, ``pd.NA``) is a
        blank answer and reported. ``row`` in the errors is the 0-based position
        (``df.iloc[row]``); header problems are reported at row ``-1``.

        Raises:
            MissingExtraError: pandas is not installed.
            InvalidArgumentError: ``df`` is not a DataFrame, or another argument not accepted.
            InvalidDataError, RowError: bad cells.

        >>> import pandas as pd
        >>> df = pd.DataFrame({f"U{i}": [4, 3] for i in range(1, 10)})
        >>> Responses.from_pandas(df).count
        2
        """
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - pandas is in the test environment
            raise MissingExtraError("pandas", "pandas") from None
        the_rules = skm_rules(rules)
        mode = _error_mode(errors)
        skipped = _ignored(ignore)
        if not isinstance(df, pd.DataFrame):
            raise InvalidArgumentError("df", df, "a pandas DataFrame")
        header = [str(c) for c in df.columns]
        rows = [
            (position, [None if _missing(pd, v) else v for v in values])
            for position, values in enumerate(df.itertuples(index=False, name=None))
        ]
        reader = _Reader(the_rules, mode, "the data frame")
        reader.read_table(header, rows, skipped, header_row=-1)
        return reader.finish(cls)


def _missing(module: Any, value: object) -> bool:  # noqa: ANN401 - the pandas module
    try:
        return bool(module.isna(value)) if not isinstance(value, (list, tuple)) else False
    except Exception:  # noqa: BLE001 - a value pandas cannot test is not a missing one
        return False


def _cells(row: Sequence[object]) -> list[object]:
    """A row's cells as a list; a row whose iteration raises has none (reported as too few)."""
    try:
        return as_list(row, "row", "a sequence of answers")
    except InvalidArgumentError:
        return []


def _ignored(ignore: object) -> frozenset[str]:
    names = [exact_text(n) for n in as_list(ignore, "ignore", "an iterable of column names")]
    if not all(n is not None for n in names):
        raise InvalidArgumentError("ignore", ignore, "column names as text")
    return frozenset(column_key(n) for n in names if n is not None)


class _Reader:
    """Collects answers and problems row by row, then builds the Responses or raises."""

    def __init__(self, rules: SkmRules, mode: ErrorMode, source: str) -> None:
        self.rules = rules
        self.mode = mode
        self.source = source
        self.rows: list[tuple[int, ...]] = []
        self.problems: list[RowError] = []
        self.index = {h: i for i, u in enumerate(rules.unsur) for h in u.headers}

    def problem(self, error: RowError) -> None:
        if self.mode == "raise":
            raise error
        self.problems.append(error)

    def cell(self, row: int, column: str, value: object) -> int | None:
        try:
            return _answer(value, self.rules.answer_min, self.rules.answer_max)
        except _BadCellError as bad:
            self.problem(RowError(row, column, bad.value, bad.reason))
            return None

    def add(self, answers: list[int | None]) -> None:
        if all(a is not None for a in answers):
            self.rows.append(tuple(a for a in answers if a is not None))

    def read_sequence(self, row: int, values: Sequence[object]) -> None:
        size = len(self.rules.unsur)
        if len(values) != size:
            self.problem(
                RowError(row, None, values, f"{len(values)} answers; expected {size} (U1…U{size})")
            )
            return
        self.add([self.cell(row, u.code, v) for u, v in zip(self.rules.unsur, values, strict=True)])

    def read_mapping(self, row: int, values: Mapping[Any, object], skipped: frozenset[str]) -> None:
        answers: list[int | None] = [None] * len(self.rules.unsur)
        seen: set[int] = set()
        ok = True
        for column, value in values.items():
            text = exact_text(column)
            key = column_key(text) if text is not None else None
            name = text if text is not None else _show(column)
            if key is not None and key in skipped:
                continue
            index = self.index.get(key) if key is not None else None
            if index is None:
                self.problem(RowError(row, name, value, _unknown_column(self.rules)))
                ok = False
            elif index in seen:
                self.problem(
                    RowError(row, name, value, f"a second column for {_unsur(self, index)}")
                )
                ok = False
            else:
                seen.add(index)
                answers[index] = self.cell(row, name, value)
        for index in range(len(answers)):
            if index not in seen:
                self.problem(RowError(row, None, None, f"no answer for {_unsur(self, index)}"))
                ok = False
        if ok:
            self.add(answers)

    def columns(
        self, header: Sequence[str], skipped: frozenset[str], header_row: int
    ) -> list[tuple[int, str, int]]:
        """Match the header to the unsur: (cell position, title, unsur index) per column."""
        columns: list[tuple[int, str, int]] = []
        seen: set[int] = set()
        for position, title in enumerate(header):
            key = column_key(title)
            if key in skipped:
                continue
            index = self.index.get(key)
            if index is None:
                self.problem(RowError(header_row, title, title, _unknown_column(self.rules)))
            elif index in seen:
                self.problem(
                    RowError(header_row, title, title, f"a second column for {_unsur(self, index)}")
                )
            else:
                seen.add(index)
                columns.append((position, title, index))
        for index in range(len(self.rules.unsur)):
            if index not in seen:
                self.problem(
                    RowError(header_row, None, list(header), f"no column for {_unsur(self, index)}")
                )
        return columns

    def read_table(
        self,
        header: Sequence[str],
        rows: Iterable[tuple[int, Sequence[object]]],
        skipped: frozenset[str],
        header_row: int = 1,
        unreadable: frozenset[tuple[int, str | None]] = frozenset(),
    ) -> None:
        """Read a header and numbered rows of cells; an empty row is not a respondent.

        Cells in ``unreadable`` were reported already (bytes that are not text).
        """
        columns = self.columns(header, skipped, header_row)
        header_ok = not self.problems
        width = len(header)
        for number, cells in rows:
            if all(is_blank(c) for c in cells):
                continue
            if len(cells) > width and not all(is_blank(c) for c in cells[width:]):
                self.problem(
                    RowError(number, None, list(cells[width:]), "more cells than the header")
                )
            answers: list[int | None] = [None] * len(self.rules.unsur)
            for position, title, index in columns:
                if (number, title) in unreadable:
                    continue
                value = cells[position] if position < len(cells) else None
                answers[index] = self.cell(number, title, value)
            if header_ok:
                self.add(answers)

    def finish(self, cls: type[Responses]) -> Responses:
        if self.problems:
            from opinipp.serialization._records import raise_group

            raise_group(self.problems, self.source)
        if not self.rows:
            raise InvalidArgumentError(self.source, "no respondents", "at least one respondent")
        return cls(tuple(self.rows), self.rules, source=self.source)


def _unsur(reader: _Reader, index: int) -> str:
    u = reader.rules.unsur[index]
    return u.code if u.name is None else f"{u.code} ({u.name})"


def _unknown_column(rules: SkmRules) -> str:
    size = len(rules.unsur)
    return (
        f"unknown column; expected U1…U{size}, an unsur's key or name ({rules.key}), "
        "or a column passed in ignore"
    )


def _csv_table(source: object) -> Table:
    """The CSV source read whole (line numbers; the header is line 1).

    The one place that reads CSV text for this module.
    """
    from opinipp.serialization._table import read_table

    return read_table(source)  # type: ignore[arg-type]  # read_table rejects other types


def _excel_table(
    source: object, sheet: object
) -> tuple[str, list[str], list[tuple[int, list[object]]]]:
    """The name, header and numbered rows of the first (or named) sheet of a workbook."""
    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        raise MissingExtraError("excel", "openpyxl") from None
    from opinipp.serialization._table import file_path, method_of, source_name_of

    sheet_name = exact_text(sheet)
    if sheet is not None and sheet_name is None:
        raise InvalidArgumentError("sheet", sheet, "None or a sheet name")
    path = file_path(source, "source", "a path or a binary file open for reading")
    opened: object = source
    if path is not None:
        name = opened = path
    elif method_of(source, "read") is not None and not isinstance(source, (bytes, bytearray)):
        name = source_name_of(source)
    else:
        raise InvalidArgumentError("source", source, "a path or a binary file open for reading")
    try:
        book = openpyxl.load_workbook(opened, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as err:  # noqa: BLE001 - zipfile, XML and openpyxl errors alike
        raise InvalidArgumentError("source", name, f"an .xlsx workbook ({err})") from None
    try:
        if sheet_name is None:
            ws = book.worksheets[0]
        elif sheet_name in book.sheetnames:
            ws = book[sheet_name]
        else:
            raise InvalidArgumentError("sheet", sheet, f"one of {book.sheetnames}")
        lines = ws.iter_rows(values_only=True)
        first = next(lines, ())
        header = ["" if h is None else str(h).strip() for h in first]
        rows = [(number, list(cells)) for number, cells in enumerate(lines, 2)]
    finally:
        book.close()
    return f"{name}[{ws.title}]", header, rows


def __dir__() -> list[str]:
    return list(__all__)
