"""Assessments and rankings as pandas data frames, and back (the ``pandas`` extra).

Needs ``pip install 'opinipp[pandas]'``. pandas is imported when :func:`to_pandas` or
:func:`from_pandas` is called, never at ``import opinipp``; without it they raise
:class:`~opinipp.errors.MissingExtraError` naming the extra to install.

:func:`to_pandas` writes one row per assessment, with these columns:

=========================  ==============================================================
``rank``, ``of``           for a :class:`~opinipp.ranking.Ranking` only: the entry's rank
                           and the number of entries
``year``                   the assessment year
``entity``                 the entity's full name (``Kabupaten Muna Barat``)
``kind``                   its :class:`~opinipp.entities.EntityKind` value
``name``                   its own name (``Muna Barat``, ``Dinas Sosial``, a ministry's)
``code``                   the Kemendagri code of the Pemda, or of a unit's Pemda
``province``               the province name (empty for ministries and agencies)
``parent_pemda``           a unit's Pemda (``Kabupaten Muna Barat``)
``opd_kind``               an OPD's :class:`~opinipp.entities.OPDKind` value
``score``                  the score as an exact :class:`~decimal.Decimal` (object dtype;
                           ``.astype(float)`` for plotting)
``tanpa_maladministrasi``  the 2025 qualifier (nullable boolean)
``zone``, ``category``,    the :class:`~opinipp.zoning.Grade` of the score, as the JSON of
``opinion``, ``quality``,  a Grade has them: the zone and category values, the full
``predikat``, ``label``    opinion (2022 on), the 2025 quality word, the 2015–2021
                           predikat, and the main label (the opinion, else the predikat);
                           empty without a score or where the year has no such label
``dimension_*``            the four dimension scores, as Decimals, where known
``*_published``, ranks,    the :class:`~opinipp.assessments.PublishedResult`, as printed
``note``
``source``                 the source URL
=========================  ==============================================================

:func:`from_pandas` reads those columns back to equal assessments (it ignores the computed
``entity``, the grade's columns, ``rank`` and ``of``), resolving entities
through :mod:`opinipp.regions` exactly as :func:`opinipp.serialization.read_csv` does.

>>> from opinipp import regions
>>> from opinipp.assessments import Assessment
>>> from opinipp.frames import from_pandas, to_pandas
>>> df = to_pandas([Assessment(regions.pemda("Kab. Muna Barat"), 2023, "81.84")])
>>> row = df.to_dict("records")[0]
>>> row["year"], row["entity"], row["code"], row["score"], row["zone"], row["category"]
(2023, 'Kabupaten Muna Barat', '74.13', Decimal('81.84'), 'hijau', 'B')
>>> from_pandas(df)[0].score
Score('81.84')
"""

from __future__ import annotations

import math
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, cast

from opinipp._checks import exact_decimal, exact_int, exact_text
from opinipp.entities import OPD, Instansi, Pemda
from opinipp.errors import InvalidArgumentError, MissingExtraError, RowError
from opinipp.rules import Dimension

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from types import ModuleType

    import pandas as pd

    from opinipp.assessments import Assessment
    from opinipp.ranking import Ranking
    from opinipp.serialization._records import ErrorMode, Record

__all__ = ["from_pandas", "to_pandas"]

_DIMENSION_COLUMNS: Final = tuple(f"dimension_{d.value}" for d in Dimension)
_PUBLISHED_COLUMNS: Final = (
    ("zone_published", "zone"),
    ("category_published", "category"),
    ("opinion_published", "opinion"),
    ("rank_national", "rank_national"),
    ("rank_national_of", "rank_national_of"),
    ("rank_province", "rank_province"),
    ("rank_province_of", "rank_province_of"),
    ("note", "note"),
)
# Column -> record field (see opinipp.serialization._records) for the columns from_pandas reads.
_READ_COLUMNS: Final[dict[str, str]] = {
    "year": "year",
    "kind": "kind",
    "name": "name",
    "code": "code",
    "province": "province",
    "parent_pemda": "parent",
    "opd_kind": "opd_kind",
    "score": "score",
    "tanpa_maladministrasi": "tanpa_maladministrasi",
    **{c: c for c in _DIMENSION_COLUMNS},
    **dict(_PUBLISHED_COLUMNS),
    "source": "source",
}
_GRADE_COLUMNS: Final = ("zone", "category", "opinion", "quality", "predikat", "label")
"""The columns of the grade, named and filled as the JSON of a Grade has them."""
_COMPUTED_COLUMNS: Final = frozenset({"entity", *_GRADE_COLUMNS, "rank", "of"})
_REQUIRED_COLUMNS: Final = ("year", "kind", "score")
_INT_FIELDS: Final = frozenset(
    {"year", "rank_national", "rank_national_of", "rank_province", "rank_province_of"}
)
_DECIMAL_COLUMNS: Final = ("score", *_DIMENSION_COLUMNS)
_NULLABLE_INT_COLUMNS: Final = (
    "rank",
    "of",
    "rank_national",
    "rank_national_of",
    "rank_province",
    "rank_province_of",
)


def _pandas() -> ModuleType:
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    return pd


def _row(a: Assessment) -> dict[str, Any]:
    entity = a.entity
    code = province = parent = opd_kind = None
    if isinstance(entity, Pemda):
        name = entity.name
        code, province = entity.code, entity.province.name
    elif isinstance(entity, Instansi):
        name = entity.name
    else:
        name = entity.unit_name if isinstance(entity, OPD) else entity.name
        code, province, parent = entity.pemda.code, entity.pemda.province.name, str(entity.pemda)
        if isinstance(entity, OPD):
            opd_kind = entity.kind.value
    grade = None if a.score is None else a.grade
    row: dict[str, Any] = {
        "year": a.year,
        "entity": str(entity),
        "kind": entity.entity_kind.value,
        "name": name,
        "code": code,
        "province": province,
        "parent_pemda": parent,
        "opd_kind": opd_kind,
        "score": None if a.score is None else a.score.value,
        "tanpa_maladministrasi": a.tanpa_maladministrasi,
        "zone": None if grade is None or grade.zone is None else grade.zone.value,
        "category": None if grade is None or grade.category is None else grade.category.value,
        "opinion": None if grade is None else grade.opinion,
        "quality": None if grade is None else grade.quality,
        "predikat": None if grade is None else grade.predikat,
        "label": None if grade is None else (grade.label or None),
    }
    for dimension, column in zip(Dimension, _DIMENSION_COLUMNS, strict=True):
        value = None if a.dimensions is None else a.dimensions.get(dimension)
        row[column] = None if value is None else value.value
    for column, field in _PUBLISHED_COLUMNS:
        row[column] = None if a.published is None else getattr(a.published, field)
    row["source"] = a.source
    return row


def _frame(module: ModuleType, rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    series = module.Series
    data: dict[str, Any] = {}
    for column in columns:
        values = [r[column] for r in rows]
        if column in _DECIMAL_COLUMNS:
            data[column] = series(values, dtype=object)
        elif column in _NULLABLE_INT_COLUMNS:
            data[column] = series(values, dtype="Int64")
        elif column == "year":
            data[column] = series(values, dtype="int64")
        elif column == "tanpa_maladministrasi":
            data[column] = series(values, dtype="boolean")
        else:
            data[column] = series(values, dtype=object if not values else None)
    return cast("pd.DataFrame", module.DataFrame(data, columns=columns))


def _ranking_type() -> type[Ranking]:
    from opinipp.ranking import Ranking

    return Ranking


def to_pandas(obj: Iterable[Assessment] | Ranking, /) -> pd.DataFrame:
    """Return a data frame of assessments, or of a ranking's entries (best first).

    See the module documentation for the columns. Scores are exact Decimals.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'opinipp[pandas]'``).
        InvalidArgumentError: ``obj`` is neither a Ranking nor an iterable of Assessments,
            or an entity's Pemda is not the one :mod:`opinipp.regions` gives for its code
            (which :func:`from_pandas` would not read back).

    >>> from opinipp import regions
    >>> from opinipp.assessments import Assessment
    >>> from opinipp.ranking import National, rank
    >>> from opinipp.entities import PemdaKind
    >>> results = [
    ...     Assessment(regions.pemda("Kabupaten Tuban"), 2023, "97.44"),
    ...     Assessment(regions.pemda("Kabupaten Muna Barat"), 2023, "81.84"),
    ...     Assessment(regions.pemda("Kabupaten Mukomuko"), 2023, "90.02"),
    ... ]
    >>> df = to_pandas(rank(results, National(PemdaKind.KABUPATEN)))
    >>> for row in df.itertuples():
    ...     print(row.rank, row.of, row.entity, row.score, row.category)
    1 3 Kabupaten Tuban 97.44 A
    2 3 Kabupaten Mukomuko 90.02 A
    3 3 Kabupaten Muna Barat 81.84 B
    """
    module = _pandas()
    ranking_type = _ranking_type()
    if isinstance(obj, ranking_type):
        rows = [{"rank": e.rank, "of": e.of, **_row(e.assessment)} for e in obj.entries]
        columns = ["rank", "of", *_columns()]
    else:
        from opinipp.serialization._records import assessment_list, check_known_region

        try:
            items = assessment_list(obj)
        except InvalidArgumentError:
            raise InvalidArgumentError(
                "obj", obj, "a Ranking or an iterable of Assessment objects"
            ) from None
        for i, a in enumerate(items):
            check_known_region(a.entity, f"obj[{i}].entity")
        rows = [_row(a) for a in items]
        columns = _columns()
    return _frame(module, rows, columns)


def _columns() -> list[str]:
    return [
        "year",
        "entity",
        "kind",
        "name",
        "code",
        "province",
        "parent_pemda",
        "opd_kind",
        "score",
        "tanpa_maladministrasi",
        "zone",
        "category",
        "opinion",
        "quality",
        "predikat",
        "label",
        *_DIMENSION_COLUMNS,
        *(c for c, _ in _PUBLISHED_COLUMNS),
        "source",
    ]


class _UnsupportedCellError(Exception):
    """Internal: a cell that cannot be read as text (the message says why)."""


_MAX_INT_BITS: Final = 64
"""The widest int cell read: wider ones are no year, rank or score (and may not print)."""


def _cell(value: object, field: str, is_missing: Any) -> str:  # noqa: ANN401 - pd.isna
    """A frame cell as the text the record reader expects ("" for a missing value).

    Text and numbers (subclasses of them too) are read for their value alone; NumPy scalars
    become Python ones first.
    """
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:
        value = value.item()  # type: ignore[attr-defined]  # NumPy scalars to Python ones
    given = type(value).__name__
    if isinstance(value, Enum):
        value = value.value
    text = exact_text(value)
    if text is None:
        text = _number_text(value, field)
    if text is not None:
        return text
    if value is None:
        return ""
    if not isinstance(value, (bytes, list, tuple, dict, set)):
        try:
            missing = is_missing(value)
        except Exception:  # noqa: BLE001 - a value pandas cannot test is not a missing one
            missing = False
        if isinstance(missing, bool) and missing:
            return ""
    raise _UnsupportedCellError(f"unsupported value type {given}")


def _number_text(value: object, field: str) -> str | None:
    """The text of a bool, int, float or Decimal ("" for a float NaN); ``None`` for others."""
    if isinstance(value, bool):
        return "true" if value else "false"
    number = exact_int(value)
    if number is not None:
        if number.bit_length() > _MAX_INT_BITS:
            raise _UnsupportedCellError(f"a whole number of {number.bit_length()} bits: too large")
        return str(number)
    if isinstance(value, float):
        real = float.__float__(value)
        if math.isnan(real):
            return ""
        return str(int(real)) if field in _INT_FIELDS and real.is_integer() else repr(real)
    exact = exact_decimal(value)
    if exact is not None:
        return format(exact, "f") if exact.is_finite() else str(exact)
    return None


def _records(
    df: pd.DataFrame,
    name_column: str,
    is_missing: Any,  # noqa: ANN401
) -> Iterator[tuple[int, Record | RowError]]:
    columns = [c for c in df.columns if c in _READ_COLUMNS or c == name_column]
    for position, values in enumerate(df[columns].itertuples(index=False, name=None)):
        record: dict[str, tuple[str, str]] = {}
        for column, value in zip(columns, values, strict=True):
            field = "name" if column == name_column else _READ_COLUMNS[column]
            try:
                record[field] = (column, _cell(value, field, is_missing))
            except _UnsupportedCellError as err:
                yield position, RowError(position, column, value, str(err))
                record[field] = (column, "")  # reported above; the row's other cells are read
        yield position, record


def _check_columns(columns: list[object], name_column: str) -> None:
    expected = f"columns of to_pandas(): {', '.join(_columns())}"
    seen: set[object] = set()
    for column in columns:
        if column in seen:
            raise InvalidArgumentError("df column", column, f"each column once; {expected}")
        seen.add(column)
        if column not in _READ_COLUMNS and column not in _COMPUTED_COLUMNS:
            raise InvalidArgumentError("df column", column, expected)
    for required in (*_REQUIRED_COLUMNS, name_column):
        if required not in seen:
            raise InvalidArgumentError(
                "df", f"no column {required!r}", "the columns year, kind, score and name"
            )


def from_pandas(df: pd.DataFrame, /, *, errors: ErrorMode = "collect") -> tuple[Assessment, ...]:
    """Read assessments from a data frame with the columns :func:`to_pandas` writes.

    ``year``, ``kind`` and ``score`` are required, and ``name`` or ``entity``; every other
    column of :func:`to_pandas` is optional. Each row is read as
    :func:`opinipp.serialization.read_csv` reads a CSV row (the same checks, the same
    resolution of names and codes through :mod:`opinipp.regions`). A missing value (``None``,
    ``NaN``, ``pd.NA``) is a blank cell; scores may be Decimals, strings (``"81,84"`` too),
    ints or floats (read through their shortest repr). Columns :func:`to_pandas` computes
    (``entity`` when ``name`` is present, ``zone``, ``category``, ``opinion``, ``quality``,
    ``predikat``, ``label``, ``rank``, ``of``) are ignored; any other column is an error
    (drop your own columns first).

    Errors are reported like :func:`~opinipp.serialization.read_csv` reports them, except
    that :attr:`~opinipp.errors.RowError.row` is the row's 0-based position in the frame
    (``df.iloc[row]``): with ``errors="collect"`` all at once as an
    :class:`~opinipp.errors.InvalidDataError`, with ``errors="raise"`` the first.

    Raises:
        MissingExtraError: pandas is not installed.
        InvalidArgumentError: ``df`` is not a DataFrame, a required column is missing, a
            column is unknown or repeated, or ``errors`` is not accepted.
        InvalidDataError, RowError: bad rows.

    >>> import pandas as pd
    >>> df = pd.DataFrame(
    ...     {"year": [2022], "kind": ["kabupaten"], "name": ["Muna Barat"], "score": ["69,17"]}
    ... )
    >>> [(str(a.entity), a.year, a.score) for a in from_pandas(df)]
    [('Kabupaten Muna Barat', 2022, Score('69.17'))]
    """
    module = _pandas()
    from opinipp.serialization._records import check_error_mode, read_records

    mode = check_error_mode(errors)
    if not isinstance(df, module.DataFrame):
        raise InvalidArgumentError("df", df, "a pandas DataFrame")
    columns = list(df.columns)
    name_column = "name" if "name" in columns else "entity"
    _check_columns(columns, name_column)
    return read_records(_records(df, name_column, module.isna), "the data frame", mode)


def __dir__() -> list[str]:
    return list(__all__)
