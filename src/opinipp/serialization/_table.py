r"""The CSV row source and the atomic file writer that every opinipp file format shares (internal).

:func:`read_rows` reads the rows of a CSV file (or text or binary stream) as lists of cells;
:func:`write_atomically` writes a text file so that a failure at any point leaves the previous
file as it was. :func:`opinipp.serialization.read_csv` and
:func:`~opinipp.serialization.write_csv` are built on them; other readers of tabular files
should be too, and report their bad cells with
:func:`~opinipp.serialization._records.raise_group` (after checking their ``errors``
argument with :func:`~opinipp.serialization._records.check_error_mode`).

>>> import io
>>> rows = read_rows(io.BytesIO(b"a,b\r\n1,\xff\r\n"), source_name="x.csv", errors="collect")
>>> for row, cells in rows:
...     print(row, cells)
1 ['a', 'b']
2 row 2, column 'b': b'\xff': not UTF-8 text (byte 0xff at character 1); expected a UTF-8 file
2 ['1', '']
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import secrets
import shutil
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, NamedTuple, cast

from opinipp._checks import exact_int, exact_text
from opinipp.errors import InvalidArgumentError, RowError

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator

    from opinipp.serialization._records import ErrorMode

__all__ = [
    "MAX_CELL",
    "SURROGATE",
    "Table",
    "file_path",
    "method_of",
    "read_rows",
    "read_table",
    "source_name_of",
    "write_atomically",
]

MAX_CELL: Final = 2**31 - 1
"""The longest cell :func:`read_rows` reads, in characters: in practice, no limit."""

SURROGATE: Final = re.compile("[\ud800-\udfff]")
"""A lone surrogate: what undecodable bytes become when read, and what UTF-8 cannot encode."""
_BOM: Final = "\ufeff"


def file_path(source: object, argument: str, expected: str) -> str | None:
    r"""The path that ``source`` (a ``str`` or :class:`os.PathLike`) names; ``None`` for others.

    A path-like whose ``__fspath__`` raises or gives no ``str``, and a path with a NUL or a
    character the file system cannot encode (a lone surrogate such as ``'\ud800'``), raise
    :class:`~opinipp.errors.InvalidArgumentError` for ``argument``, which accepts ``expected``.

    >>> import pathlib
    >>> file_path(pathlib.Path("data/skm.csv"), "source", "a path"), file_path(3, "source", "")
    ('data/skm.csv', None)
    >>> file_path("a\x00b", "source", "a path")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid source 'a\x00b': expected a valid file path ...
    """
    text = exact_text(source)
    if text is None:
        if not isinstance(source, os.PathLike):
            return None
        try:
            text = exact_text(os.fspath(source))
        except Exception as error:  # whatever a path-like raises
            raise InvalidArgumentError(argument, source, expected) from error
        if text is None:
            raise InvalidArgumentError(argument, source, f"{expected} (a str path)")
    if "\x00" in text:
        raise InvalidArgumentError(argument, source, "a valid file path (without NUL)")
    try:
        os.fsencode(text)
    except UnicodeEncodeError as error:
        raise InvalidArgumentError(
            argument, source, "a valid file path (without lone surrogates)"
        ) from error
    return text


def method_of(obj: object, name: str) -> Callable[..., Any] | None:
    """``obj``'s attribute ``name`` if it is callable, else ``None`` (also when looking raises).

    >>> import io
    >>> method_of(io.StringIO(), "read") is not None, method_of(3, "read")
    (True, None)
    """
    try:
        found = getattr(obj, name, None)
    except Exception:  # noqa: BLE001 - an object whose attribute lookup raises has none
        return None
    return found if callable(found) else None


def _undecodable(row: int, column: str | None, cell: str) -> RowError:
    """The RowError of a cell holding undecodable bytes (or, from a text stream, surrogates)."""
    first = SURROGATE.search(cell)
    at = 0 if first is None else first.start() + 1
    try:
        raw: object = cell.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate handed over as text, not a byte
        reason = f"not text: a lone surrogate at character {at}; expected Unicode text"
        return RowError(row, column, cell, reason)
    byte = ord(cell[at - 1]) - 0xDC00
    reason = f"not UTF-8 text (byte {byte:#04x} at character {at}); expected a UTF-8 file"
    return RowError(row, column, raw, reason)


def _lines(source: object, argument: str) -> tuple[Iterable[str], io.TextIOWrapper[Any] | None]:
    """The lines of ``source`` as text (bytes decoded as UTF-8, undecodable bytes escaped)."""
    read = method_of(source, "read")
    if read is None or isinstance(source, (str, bytes, bytearray, type)):
        raise InvalidArgumentError(argument, source, "a path, or a file open for reading")
    try:
        probe = read(0)
    except TypeError:
        raise InvalidArgumentError(argument, source, "a path, or a file open for reading") from None
    if isinstance(probe, str):
        return source, None  # type: ignore[return-value]  # a text stream iterates over lines
    if not isinstance(probe, bytes):
        raise InvalidArgumentError(argument, source, "a path, or a file open for reading")
    try:
        wrapper = io.TextIOWrapper(
            cast("IO[bytes]", source),  # read() gives bytes
            encoding="utf-8-sig",
            errors="surrogateescape",
            newline="",
        )
    except (AttributeError, TypeError):
        raise InvalidArgumentError(argument, source, "a readable binary file object") from None
    return cast("Iterable[str]", wrapper), wrapper


@contextlib.contextmanager
def _opened(source: object, argument: str) -> Iterator[tuple[Iterable[str], str]]:
    with contextlib.ExitStack() as stack:
        path = file_path(source, argument, "a path, or a file open for reading")
        if path is not None:
            handle = open(path, "rb")  # noqa: PTH123, SIM115 - closed by the stack
            stack.enter_context(handle)
            name, source = path, handle
        else:
            name = source_name_of(source, argument)
        lines, wrapper = _lines(source, argument)
        if wrapper is not None:
            stack.callback(wrapper.detach)  # a caller's file stays open
        yield lines, name


def read_rows(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    /,
    *,
    source_name: str | None = None,
    errors: ErrorMode = "collect",
    argument: str = "source",
) -> Generator[tuple[int, list[str] | RowError], None, None]:
    r"""Yield ``(row, cells)`` for each row of a CSV file, the header first, blank lines skipped.

    ``source`` is a path (``str`` or :class:`os.PathLike`), a text file (opened with
    ``newline=""``) or a binary file. Bytes are read as UTF-8, with or without a byte-order
    mark (the mark is removed). ``row`` is the line number where the row starts (the header
    is line 1). Cells may be of any length: the first call raises the :mod:`csv` module's
    field size limit, for the whole process, to :data:`MAX_CELL` (it is never lowered).

    Problems come as ``(row, RowError)`` items in file order, and reading goes on after
    them; the caller reports them with its own (e.g. through
    :func:`~opinipp.serialization._records.raise_group` in ``errors="collect"`` mode):

    - a cell holding bytes that are not UTF-8 (or a lone surrogate, from a text stream) is a
      RowError naming its row and column (the header's name for it; ``None`` in the header
      row or beyond the header's width), yielded just before its row, in which that cell
      is given as ``""``;
    - a row the CSV syntax cannot split (a quote inside an unquoted cell, text after a
      closing quote, a file that ends inside a quoted cell) is one RowError with column
      ``None``, instead of the row.

    With ``errors="raise"`` the first such problem is raised instead of yielded.
    ``source_name`` names the source in messages (by default the path or the stream's
    ``name``); ``argument`` names ``source`` in an :class:`~opinipp.errors.InvalidArgumentError`
    for a source that is neither a path nor a readable file.

    Raises:
        RowError: ``errors="raise"`` and a row that cannot be read.
        InvalidArgumentError: ``source`` is not a path or a readable file.
        OSError: the file cannot be opened.

    >>> import io
    >>> list(read_rows(io.StringIO('\ufeffyear,name\n\n2023,"Muna\nBarat"\n2024,"x\n')))
    [(1, ['year', 'name']), (3, ['2023', 'Muna\nBarat']), (5, RowError(...))]
    """
    from opinipp.serialization._records import check_error_mode

    mode = check_error_mode(errors)
    if csv.field_size_limit() < MAX_CELL:
        csv.field_size_limit(MAX_CELL)
    with _opened(source, argument) as (lines, name):
        yield from _rows(lines, source_name or name, mode)


def source_name_of(source: object, argument: str = "source") -> str:
    """The name of a source in messages: its path, or the stream's ``name``.

    A bad path raises as in :func:`file_path` (for ``argument``).

    >>> import io
    >>> source_name_of("data/skm.csv"), source_name_of(io.StringIO())
    ('data/skm.csv', '<stream>')
    """
    path = file_path(source, argument, "a path, or a file open for reading")
    if path is not None:
        return path
    try:
        name = getattr(source, "name", None)
    except Exception:  # noqa: BLE001 - a stream whose attribute lookup raises has no name
        name = None
    text = exact_text(name)
    if text is not None:
        return text
    descriptor = exact_int(name)  # a file opened from a descriptor
    return "<stream>" if descriptor is None else str(descriptor)


class Table(NamedTuple):
    """A whole CSV file, as :func:`read_table` reads it."""

    name: str
    """The source's name in messages."""
    header: list[str]
    """The header's cells, stripped (empty for an empty file)."""
    rows: list[tuple[int, list[str]]]
    """The other rows as ``(line number, cells)``; an unreadable cell is ``""``."""
    problems: list[RowError]
    """What :func:`read_rows` could not read, in file order."""

    def unreadable(self) -> frozenset[tuple[int, str | None]]:
        """The ``(row, column)`` of every cell that could not be read.

        A reader that checks cells skips these, so that a cell is reported once.
        """
        return frozenset((p.row, p.column) for p in self.problems)


def read_table(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    /,
    *,
    source_name: str | None = None,
    argument: str = "source",
) -> Table:
    r"""Read a whole CSV file with :func:`read_rows`, collecting what it cannot read.

    For the small tables opinipp reads whole (survey responses, evidence and weight
    tables); the caller checks the cells and reports the :attr:`Table.problems` with its
    own, through :func:`~opinipp.serialization._records.raise_group`.

    >>> import io
    >>> table = read_table(io.BytesIO(b"code,present\r\nIN-01,\xff\r\n"), source_name="e.csv")
    >>> table.header, table.rows, [str(p) for p in table.problems]  # doctest: +ELLIPSIS
    (['code', 'present'], [(2, ['IN-01', ''])], ["row 2, column 'present': b'\\xff': ..."])
    """
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    problems: list[RowError] = []
    items = read_rows(source, source_name=source_name, errors="collect", argument=argument)
    with contextlib.closing(items):
        for row, cells in items:
            if isinstance(cells, RowError):
                problems.append(cells)
            elif header is None:
                header = [c.strip() for c in cells]
            else:
                rows.append((row, cells))
    return Table(source_name or source_name_of(source, argument), header or [], rows, problems)


def _rows(
    lines: Iterable[str], source_name: str, errors: ErrorMode
) -> Iterator[tuple[int, list[str] | RowError]]:
    del source_name  # the rows name their own line; the caller names the source
    reader = csv.reader(lines, strict=True)
    columns: list[str] | None = None
    start = 1
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as err:
            row, start = start, reader.line_num + 1
            problem = RowError(row, None, None, f"unreadable CSV row: {err}")
            if errors == "raise":
                raise problem from None
            yield row, problem
            continue
        if cells is None:
            return
        row, start = start, reader.line_num + 1
        if columns is None:
            if cells:
                cells[0] = cells[0].removeprefix(_BOM)
            yield from _checked(row, cells, None, errors)
            columns = [c.strip() for c in cells]
        elif cells:
            yield from _checked(row, cells, columns, errors)


def _checked(
    row: int, cells: list[str], columns: list[str] | None, errors: ErrorMode
) -> Iterator[tuple[int, list[str] | RowError]]:
    """The row, after a RowError for each cell that is not text (blanked in the row)."""
    joined = "".join(cells)
    if not joined.isascii() and SURROGATE.search(joined) is not None:
        for i, cell in enumerate(cells):
            if SURROGATE.search(cell) is not None:
                column = columns[i] if columns is not None and i < len(columns) else None
                problem = _undecodable(row, column, cell)
                if errors == "raise":
                    raise problem
                yield row, problem
                cells[i] = ""
    yield row, cells


def write_atomically(
    target: str | os.PathLike[str],
    write: Callable[[IO[str]], object],
    /,
    *,
    argument: str = "target",
) -> None:
    r"""Write a text file through ``write(stream)`` so that it is replaced only when complete.

    ``write`` gets a UTF-8 text stream (opened with ``newline=""``) on a new temporary file
    in the target's directory. When it returns, the file is flushed to disk and renamed
    over ``target`` (:func:`os.replace`, atomic on POSIX and Windows), keeping the
    permission bits of the file it replaces; if anything fails before that (``write``
    raises, text that UTF-8 cannot encode, a full disk, an interrupt), the temporary file
    is removed, ``target`` is left as it was, and the error propagates. A symbolic link is
    followed: the file it points to is replaced.

    Raises:
        InvalidArgumentError: ``target`` is a directory, or not a path (``argument`` names
            it in the message).
        OSError: the directory cannot be written to.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
    >>> write_atomically(path, lambda out: out.write("year\r\n2023\r\n"))
    >>> path.read_bytes()
    b'year\r\n2023\r\n'
    >>> def fail(out):
    ...     out.write("half a file")
    ...     raise OSError("disk full")
    >>> write_atomically(path, fail)
    Traceback (most recent call last):
    ...
    OSError: disk full
    >>> path.read_bytes(), [p.name for p in path.parent.iterdir()]
    (b'year\r\n2023\r\n', ['out.csv'])
    """
    path = file_path(target, argument, "a str path or a text file")
    if path is None:
        raise InvalidArgumentError(argument, target, "a str path or a text file")
    final = Path(path).resolve()
    if final.is_dir():
        raise InvalidArgumentError(argument, target, "a file path, not a directory")
    temporary = final.with_name(f".{final.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o666)
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if final.exists():
            shutil.copymode(final, temporary)
        temporary.replace(final)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def __dir__() -> list[str]:
    return list(__all__)
