"""The rules as column expressions: classify, gap and rank inside the user's data-frame engine.

Needs ``pip install 'opinipp[columns]'`` (narwhals) and the engine of your choice: pandas,
polars (eager or lazy), pyarrow, DuckDB, or Dask for the element-wise parts. Each function
takes the user's own frame and returns a frame of the same type with columns added (native
in, native out); a lazy frame stays lazy. narwhals is imported on first call, never at
``import opinipp``.

The expressions are generated from the same :class:`~opinipp.rules.RuleSet` tables as the
object path, and compare whole numbers of hundredths, never raw floats, so 77.99 and 78.00
land exactly as :func:`opinipp.classify` puts them. A score that is missing, NaN, not on the
0.01 grid, or outside the year's scale, and a year without rules (2020), is reported: by
default an :class:`~opinipp.errors.InvalidDataError` lists every such row as a
:class:`~opinipp.errors.RowError`; with ``invalid="null"`` the added columns of those rows
are null instead. Nothing is graded silently.

========================  =====================================================================
function                  adds
========================  =====================================================================
:func:`classify`          ``zone``, ``category``, ``opinion``, ``predikat``, ``quality``,
                          ``label`` (with ``lang="en"``: ``opinion_en``, ``predikat_en``,
                          ``quality_en``, ``label_en``, and the zone in English)
:func:`gap_to_next_tier`  ``points``, ``target``, ``target_score``
:func:`rank`              ``rank``, ``of``
========================  =====================================================================

The names are those of the JSON vocabulary (:mod:`opinipp.serialization`) and of
:func:`opinipp.frames.to_pandas`. How far each engine goes is in the guide "Bulk data:
pandas, polars, DuckDB": everything runs on pandas, polars, pyarrow and DuckDB; Dask runs
:func:`classify` and :func:`gap_to_next_tier`, and :func:`rank` raises
:class:`~opinipp.errors.NotApplicableError` there.

>>> import pandas as pd
>>> from opinipp import columns
>>> df = pd.DataFrame({"score": [77.99, 78.00, 87.99, 88.00], "year": [2023] * 4})
>>> columns.classify(df)[["score", "zone", "category", "opinion"]]
   score    zone category           opinion
0  77.99  kuning        C   Kualitas Sedang
1  78.00   hijau        B   Kualitas Tinggi
2  87.99   hijau        B   Kualitas Tinggi
3  88.00   hijau        A  Kualitas Tertinggi
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, TypeVar

from opinipp.entities import EntityKind, InstansiKind, PemdaKind
from opinipp.errors import (
    InvalidArgumentError,
    InvalidDataError,
    InvalidScoreError,
    MissingExtraError,
    NotApplicableError,
    RowError,
    RulesNotAvailableError,
)
from opinipp.rules import Band, RuleSet, not_held_years, rule_sets, rules_for
from opinipp.scores import Score

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import ModuleType

    import narwhals as nw_typing

__all__ = ["Invalid", "RankScope", "classify", "gap_to_next_tier", "rank"]

FrameT = TypeVar("FrameT")

Invalid: TypeAlias = Literal["raise", "null"]
"""What to do with rows that cannot be graded: raise :class:`~opinipp.errors.InvalidDataError`
listing them all (``"raise"``), or leave their added columns null (``"null"``)."""

RankScope: TypeAlias = Literal["national", "provincial", "within_pemda"]
"""The scopes of :func:`rank`, as in :mod:`opinipp.ranking`: ``"national"`` (per kind),
``"provincial"`` (the kabupaten and kota of each province), ``"within_pemda"`` (the units of
each Pemda)."""

_PREFIX: Final = "__opinipp_"
_ROW: Final = f"{_PREFIX}row"
_H: Final = f"{_PREFIX}hundredths"
_BAND: Final = f"{_PREFIX}band"
_OK: Final = f"{_PREFIX}valid"
_GROUP: Final = f"{_PREFIX}group"
_KEY: Final = f"{_PREFIX}key"
_ORDER: Final = f"{_PREFIX}order"
_START: Final = f"{_PREFIX}start"
_SIZE: Final = f"{_PREFIX}size"

_NATIONAL_KINDS: Final = tuple(k.value for k in (*InstansiKind, *PemdaKind))
_PROVINCIAL_KINDS: Final = (PemdaKind.KABUPATEN.value, PemdaKind.KOTA.value)
_UNIT_KINDS: Final = (EntityKind.OPD.value, EntityKind.PUSKESMAS.value, EntityKind.RSUD.value)
_DEFAULT_GROUP: Final[dict[str, str | None]] = {
    "national": None,
    "provincial": "province",
    "within_pemda": "parent_pemda",
}
# How far 100 x may be from a whole number for a float x to count as a two-decimal value:
# a float64 holds a two-decimal score up to 100 within about 1e-12 hundredths, a float32
# within about 4e-4. Anything farther (81.845 is 0.5 away) is not on the grid.
_FLOAT64_NOISE: Final = 1e-6
_FLOAT32_NOISE: Final = 1e-3
# A score as a text: digits, one decimal point or comma, at most two decimals that are not
# trailing zeros (the grammar of opinipp.scores.Score).
_SCORE_TEXT: Final = r"^[0-9]+(?:[.,][0-9]{1,2}0*)?$"


def _narwhals() -> ModuleType:
    try:
        import narwhals as nw
    except ImportError:
        raise MissingExtraError("columns", "narwhals") from None
    return nw


@functools.cache
def _bands() -> tuple[tuple[RuleSet, Band], ...]:
    """Every band of every RuleSet; a band's position here is its id in the expressions."""
    return tuple((rs, band) for rs in rule_sets() for band in rs.bands)


def _check_column(names: Sequence[str], argument: str, column: object) -> str:
    if not isinstance(column, str) or column not in names:
        raise InvalidArgumentError(
            argument, column, f"the name of a column of the frame ({', '.join(names)})"
        )
    return column


def _check_invalid(invalid: object) -> None:
    if invalid not in ("raise", "null"):
        raise InvalidArgumentError("invalid", invalid, "'raise' or 'null'")


def _hundredths(nw: ModuleType, dtype: Any, column: str) -> tuple[Any, Any]:  # noqa: ANN401
    """The score as whole hundredths (Int64, -1 where unreadable) and whether it was readable.

    Integers are exact; a float must lie on the 0.01 grid up to the noise of binary floats
    (``|100 x - round(100 x)|`` at most :data:`_FLOAT64_NOISE` hundredths, so 81.84 is read
    as 8184 and 81.845 is refused); text and decimals are read by their digits.
    """
    x = nw.col(column)
    if dtype.is_integer():
        readable = ~x.is_null()
        h = x.cast(nw.Int64) * 100
    elif dtype in (nw.Float64, nw.Float32):
        scaled = x.cast(nw.Float64) * 100
        rounded = scaled.round(0)
        noise = _FLOAT64_NOISE if dtype == nw.Float64 else _FLOAT32_NOISE
        readable = (~x.is_null() & x.is_finite() & ((scaled - rounded).abs() <= noise)).fill_null(
            value=False
        )
        h = nw.when(readable).then(rounded).otherwise(-1).cast(nw.Int64)
    elif dtype in (nw.String, nw.Decimal, nw.Object):
        text = x.cast(nw.String).str.strip_chars()
        readable = (~x.is_null() & text.str.contains(_SCORE_TEXT)).fill_null(value=False)
        number = nw.when(readable).then(text.str.replace_all(",", ".")).otherwise(nw.lit("-1"))
        h = (number.cast(nw.Float64) * 100).round(0).cast(nw.Int64)
    else:
        raise InvalidArgumentError(
            "score",
            column,
            f"a column of numbers or text (integers, floats, decimals, strings), not {dtype}",
        )
    return h, readable


def _year_expr(nw: ModuleType, dtype: Any, column: str) -> Any:  # noqa: ANN401
    if not dtype.is_integer():
        raise InvalidArgumentError(
            "year", column, f"a column of whole years (an integer dtype), not {dtype}"
        )
    return nw.col(column)


def _valid(h: Any, readable: Any, year: Any) -> Any:  # noqa: ANN401
    """Readable, of a year with rules, and on that year's scale."""
    on_scale = None
    for rs in rule_sets():
        here = year.is_in(rs.years) & (h <= rs.scale_max.hundredths)
        on_scale = here if on_scale is None else on_scale | here
    return (readable & (h >= 0) & on_scale).fill_null(value=False)


def _band_id(nw: ModuleType, h: Any, year: Any, valid: Any) -> Any:  # noqa: ANN401
    """The id of the band (see :func:`_bands`) that each valid row falls in; null otherwise.

    Per RuleSet: the id of its lowest band plus how many of its other lower bounds the
    score reaches (bounds are inclusive lower bounds).
    """
    chain: Any = nw
    first = 0
    for rs in rule_sets():
        reached: Any = nw.lit(first, nw.Int64)
        for band in rs.bands[1:]:
            reached = reached + (h >= band.lower.hundredths).cast(nw.Int64)
        chain = chain.when(valid & year.is_in(rs.years)).then(reached)
        first += len(rs.bands)
    return chain


def _lookup(nw: ModuleType, key: str, values: Sequence[Any], dtype: Any) -> Any:  # noqa: ANN401
    """Map the band id in column ``key`` to ``values[id]`` (null for a null id or value)."""
    pairs = [(i, v) for i, v in enumerate(values) if v is not None]
    return nw.col(key).replace_strict(
        [i for i, _ in pairs], [v for _, v in pairs], default=None, return_dtype=dtype
    )


def _is_lazy(nw: ModuleType, frame: Any) -> bool:  # noqa: ANN401
    return isinstance(frame, nw.LazyFrame)


def _reason(score: object, year: object, rule_set: RuleSet | None) -> tuple[str, str]:
    """Which column is at fault and why, in the words of the object path."""
    if rule_set is None:
        if year is None:
            return "year", "missing year"
        try:
            rules_for(year)  # type: ignore[arg-type]
        except RulesNotAvailableError as error:
            return "year", error.reason or str(error)
        return "year", "no rules"  # pragma: no cover - only years without rules get here
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return "score", "missing score"
    try:
        rule_set.band_for(Score(score))  # type: ignore[arg-type]
    except InvalidScoreError as error:
        return "score", error.reason
    return "score", f"not an exact two-decimal score as stored ({type(score).__name__})"


def _rules_of(year: object) -> RuleSet | None:
    if isinstance(year, bool) or not isinstance(year, int):
        return None
    try:
        return rules_for(year)
    except RulesNotAvailableError:
        return None


def _raise_bad_rows(nw: ModuleType, frame: Any, bad: Any, score: str, year: str) -> None:  # noqa: ANN401
    """Raise :class:`InvalidDataError` naming every row where ``bad`` is true, if any."""
    flagged = [nw.col(score), nw.col(year), bad.alias(_ROW)]
    count = frame.select(bad.cast(nw.Int64).sum())
    if _is_lazy(nw, frame):
        if not count.collect().item():
            return
        eager = frame.select(*flagged).collect()
    else:
        if not count.item():
            return
        eager = frame.select(*flagged)
    position = f"{_ROW}_position"
    rows = eager.with_row_index(position).filter(nw.col(_ROW)).select(position, score, year)
    rows = rows.rows()
    if not rows:
        return
    errors: list[Exception] = []
    for position, value, when in rows:
        column, why = _reason(value, when, _rules_of(when))
        errors.append(RowError(position, column, value if column == "score" else when, why))
    years = ", ".join(str(y) for y in sorted(not_held_years()))
    raise InvalidDataError(
        f"{len(errors)} row(s) cannot be graded: every score must be a two-decimal value on "
        f"its year's scale, in a year with rules (none in {years}); pass invalid='null' to "
        "leave them null",
        errors,
    )


class _Prepared:
    """A frame from narwhals with the score's hundredths, its validity and the band id added."""

    def __init__(  # noqa: PLR0913 - keyword-only: the column names and what to add
        self,
        frame: object,
        *,
        score: str,
        year: str,
        invalid: object,
        only: Any = None,  # noqa: ANN401 - a narwhals boolean expression
        bands: bool = True,
    ) -> None:
        nw = _narwhals()
        _check_invalid(invalid)
        try:
            df = nw.from_native(frame)
        except TypeError:
            raise InvalidArgumentError(
                "frame",
                frame,
                "a data frame of pandas, polars, pyarrow, DuckDB or another engine narwhals "
                "supports",
            ) from None
        schema = df.collect_schema()
        names = list(schema.names())
        _check_column(names, "score", score)
        _check_column(names, "year", year)
        h, readable = _hundredths(nw, schema[score], score)
        year_expr = _year_expr(nw, schema[year], year)
        df = df.with_columns(h.alias(_H), readable.alias(_OK))
        df = df.with_columns(_valid(nw.col(_H), nw.col(_OK), year_expr).alias(_OK))
        inside = None if only is None else only.fill_null(value=False)
        if invalid == "raise":
            bad = ~nw.col(_OK) if inside is None else ~nw.col(_OK) & inside
            _raise_bad_rows(nw, df, bad, score, year)
        if inside is not None:
            df = df.with_columns((nw.col(_OK) & inside).alias(_OK))
        self.nw = nw
        self.names = names
        if bands:
            df = df.with_columns(_band_id(nw, nw.col(_H), year_expr, nw.col(_OK)).alias(_BAND))
        self.df = df
        self.helpers = [_H, _OK, _BAND] if bands else [_H, _OK]

    def finish(self, added: dict[str, Any]) -> Any:  # noqa: ANN401
        """Add the columns, drop the helpers, and return the native frame."""
        out = (self.df.with_columns(**added) if added else self.df).drop(*self.helpers)
        return self.nw.to_native(out)


def _check_lang(lang: object) -> bool:
    if lang not in ("id", "en"):
        raise InvalidArgumentError("lang", lang, "'id' or 'en'")
    return lang == "en"


def classify(
    frame: FrameT,
    /,
    *,
    score: str = "score",
    year: str = "year",
    lang: Literal["id", "en"] = "id",
    invalid: Invalid = "raise",
) -> FrameT:
    """Add the zone, category, opinion, predikat, quality word and main label of each score.

    The columns are those of :class:`~opinipp.zoning.Grade` and of the JSON vocabulary:
    ``zone`` (``"hijau"``; null in 2025), ``category`` (``"A"``–``"E"``, 2022–2024),
    ``opinion`` (2022 on), ``predikat`` (2015–2021), ``quality`` (2025) and ``label`` (the
    opinion, else the predikat). With ``lang="en"`` the texts are English and named
    ``opinion_en``, ``predikat_en``, ``quality_en`` and ``label_en``, and ``zone`` is the
    English colour. Opinions are those of :func:`opinipp.classify` without the 2025
    "Tanpa Maladministrasi" qualifier, which is not derived from the score. A column that
    already has one of these names is replaced.

    ``score`` names a column of integers, floats, decimals or text (``"81,84"`` too);
    ``year`` a column of whole years.

    Raises:
        InvalidDataError: with ``invalid="raise"``, every row whose score is missing, NaN,
            not a two-decimal value, or off its year's scale, or whose year has no rules,
            as :class:`~opinipp.errors.RowError` (the 0-based row position; in a lazy frame
            the position in the order the engine returns the rows).
        InvalidArgumentError: a column that is not in the frame or of the wrong type, a
            ``lang`` or ``invalid`` that is not one of the choices, or a ``frame`` that is
            not a data frame.
        MissingExtraError: narwhals is not installed.

    >>> import polars as pl
    >>> df = pl.DataFrame({"score": ["80.13", "88,00"], "year": [2019, 2025]})
    >>> classify(df).select("zone", "predikat", "quality", "label").rows()
    [('kuning', 'Kepatuhan Sedang', None, 'Kepatuhan Sedang'),
     (None, None, 'Sangat Baik', 'Kualitas Tertinggi')]
    >>> classify(pl.DataFrame({"score": [81.845], "year": [2023]}))
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidDataError: 1 row(s) cannot be graded: ... (1 sub-exception)
    """
    english = _check_lang(lang)
    prepared = _Prepared(frame, score=score, year=year, invalid=invalid)
    nw = prepared.nw
    bands = [band for _, band in _bands()]
    suffix = "_en" if english else ""

    def text(values: list[str | None]) -> Any:  # noqa: ANN401
        return _lookup(nw, _BAND, values, nw.String)

    added = {
        "zone": text(
            [None if b.zone is None else b.zone.english if english else b.zone.value for b in bands]
        ),
        "category": text([None if b.category is None else b.category.value for b in bands]),
        f"opinion{suffix}": text([b.opinion_en if english else b.opinion for b in bands]),
        f"predikat{suffix}": text([b.predikat_en if english else b.predikat for b in bands]),
        f"quality{suffix}": text([b.quality_en if english else b.quality for b in bands]),
        f"label{suffix}": text([b.label_en if english else b.label for b in bands]),
    }
    return prepared.finish(added)  # type: ignore[no-any-return]


def gap_to_next_tier(
    frame: FrameT,
    /,
    *,
    score: str = "score",
    year: str = "year",
    invalid: Invalid = "raise",
) -> FrameT:
    """Add the points from each score to the next band up, as :func:`opinipp.gap_to_next_tier`.

    ``points`` is the gap as a float on the 0.01 grid (``6.16``; exactly the two-decimal
    value when read back through :class:`~opinipp.scores.Score`), ``target`` names the band
    to reach as :class:`~opinipp.gaps.Gap` does (``"A (Kualitas Tertinggi)"``) and
    ``target_score`` is its lower bound. All three are null in the top band. Invalid rows
    are handled as in :func:`classify`.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"score": [81.84, 90.02], "year": [2023, 2023]})
    >>> gap_to_next_tier(df)[["points", "target", "target_score"]]
       points                  target  target_score
    0    6.16  A (Kualitas Tertinggi)          88.0
    1     NaN                     NaN           NaN
    """
    prepared = _Prepared(frame, score=score, year=year, invalid=invalid)
    nw = prepared.nw
    pairs = _bands()
    following: list[Band | None] = []
    for index, (rs, _) in enumerate(pairs):
        after = pairs[index + 1] if index + 1 < len(pairs) else None
        following.append(after[1] if after is not None and after[0] is rs else None)
    next_lower = _lookup(
        nw, _BAND, [None if b is None else b.lower.hundredths for b in following], nw.Float64
    )
    added = {
        # Rounding to two decimals gives the float nearest the two-decimal value, which a
        # bare division does not on every engine (polars multiplies by 0.01).
        "points": ((next_lower - nw.col(_H)) / 100).round(2),
        "target": _lookup(
            nw, _BAND, [None if b is None else b.name() for b in following], nw.String
        ),
        "target_score": (next_lower / 100).round(2),
    }
    return prepared.finish(added)  # type: ignore[no-any-return]


def _admitted(nw: ModuleType, scope: str, kind: str, *, include_provinsi: bool) -> Any:  # noqa: ANN401
    if scope == "national":
        kinds: tuple[str, ...] = _NATIONAL_KINDS
    elif scope == "provincial":
        kinds = (
            (*_PROVINCIAL_KINDS, PemdaKind.PROVINSI.value)
            if include_provinsi
            else _PROVINCIAL_KINDS
        )
    else:
        kinds = _UNIT_KINDS
    return nw.col(kind).is_in(kinds)


def _rank_options(
    scope: object, kind: str, group: str | None, *, ties: object, include_provinsi: object
) -> str:
    """Check the options of :func:`rank`; return the grouping column."""
    if scope not in _DEFAULT_GROUP:
        raise InvalidArgumentError("scope", scope, "'national', 'provincial' or 'within_pemda'")
    if ties == "ordinal":
        raise NotApplicableError(
            "ties='ordinal'",
            "opinipp.columns.rank",
            "ordinal ties are broken by the entity's sort_key, which a frame does not carry; "
            "use ties='min' or 'dense', or rank Assessment objects with opinipp.rank",
        )
    if ties not in ("min", "dense"):
        raise InvalidArgumentError("ties", ties, "'min' or 'dense'")
    if not isinstance(include_provinsi, bool):
        raise InvalidArgumentError("include_provinsi", include_provinsi, "True or False")
    if scope == "national":
        if group is not None:
            raise InvalidArgumentError("group", group, "None for a national ranking (per kind)")
        return kind
    if group is None:
        return _DEFAULT_GROUP[scope]  # type: ignore[return-value]
    return group


def rank(  # noqa: PLR0913 - keyword-only options: the column names and modes
    frame: FrameT,
    scope: RankScope,
    /,
    *,
    score: str = "score",
    year: str = "year",
    kind: str = "kind",
    group: str | None = None,
    include_provinsi: bool = False,
    ties: Literal["min", "dense"] = "min",
    invalid: Invalid = "raise",
    output: tuple[str, str] = ("rank", "of"),
) -> FrameT:
    """Add each row's ``rank`` (highest score first) and ``of`` (the size of its ranking).

    One ranking per year and group, as :func:`opinipp.rank` draws them:

    - ``"national"``: per ``kind`` (kementerian, lembaga, provinsi, kabupaten, kota);
    - ``"provincial"``: the kabupaten and kota of each ``group`` (default ``"province"``),
      with the provincial government when ``include_provinsi``;
    - ``"within_pemda"``: the units (opd, puskesmas, rsud) of each ``group`` (default
      ``"parent_pemda"``).

    ``kind`` names the column of :class:`~opinipp.entities.EntityKind` values; rows of
    other kinds get null. ``ties`` is ``"min"`` (competition ranking, 1224) or ``"dense"``
    (1223). ``"ordinal"`` breaks ties by the entity's ``sort_key``, which a frame does not
    carry: it raises :class:`~opinipp.errors.NotApplicableError` (rank objects with
    :func:`opinipp.rank`). Each entity must appear once per year; the column path does not
    check it. Invalid scores and years of ranked rows are handled as in :func:`classify`.
    ``output`` renames the two columns, to keep the ranks of several scopes side by side
    (``output=("rank_province", "rank_province_of")``).

    Raises:
        NotApplicableError: ``ties="ordinal"``, or an engine without window ranks (Dask:
            classify and gap run there; rank after ``.compute()``, or on DuckDB or polars).
        InvalidDataError: as in :func:`classify`, for the rows of the scope.
        InvalidArgumentError: an unknown ``scope``, ``ties``, column or option.

    >>> import pandas as pd
    >>> df = pd.DataFrame(
    ...     {
    ...         "kind": ["kabupaten"] * 3 + ["kota"],
    ...         "year": [2023] * 4,
    ...         "score": [97.44, 81.84, 97.44, 81.84],
    ...     }
    ... )
    >>> rank(df, "national")[["kind", "score", "rank", "of"]]
            kind  score  rank  of
    0  kabupaten  97.44     1   3
    1  kabupaten  81.84     3   3
    2  kabupaten  97.44     1   3
    3       kota  81.84     1   1
    """
    group = _rank_options(scope, kind, group, ties=ties, include_provinsi=include_provinsi)
    rank_name, of_name = _output_names(output)
    nw = _narwhals()
    native_names = _names(nw, frame)
    _check_column(native_names, "kind", kind)
    group = _check_column(native_names, "group", group)
    only = _admitted(nw, scope, kind, include_provinsi=include_provinsi)
    prepared = _Prepared(frame, score=score, year=year, invalid=invalid, only=only, bands=False)
    top = max(rs.scale_max.hundredths for rs in rule_sets()) + 1
    ranked = nw.col(_OK) & ~nw.col(group).is_null()
    df = prepared.df
    try:
        if _is_lazy(nw, df):
            df = df.with_row_index(_ROW, order_by=[score])  # any order: only unique ids count
        else:
            df = df.with_row_index(_ROW)
        # narwhals' pyarrow `over` misplaces rows of chunked tables (seen above 65,536 rows,
        # narwhals 2.29): there, rankings are named by their key and sized by a join.
        arrow = df.implementation is nw.Implementation.PYARROW
        if arrow:
            named = nw.col(group).rank(method="dense").cast(nw.Int64) * 10_000 + nw.col(year)
        else:
            named = nw.col(_ROW).cast(nw.Int64).min().over(year, group)
        df = (
            # A ranking (year and group) is named by one number (its first row); one number
            # per row then sorts by ranking, then by score downwards, and one global rank
            # numbers them all.
            df.with_columns(named.alias(_GROUP))
            .with_columns(
                nw.when(ranked).then(nw.col(_GROUP) * top + (top - 1 - nw.col(_H))).alias(_KEY)
            )
            .with_columns(
                nw.when(~nw.col(_KEY).is_null())
                .then(nw.col(_KEY).rank(method=ties).cast(nw.Float64))
                .alias(_ORDER)
            )
        )
        if arrow:
            sizes = (
                df.filter(~nw.col(_KEY).is_null())
                .group_by(_GROUP)
                .agg(nw.col(_ORDER).min().alias(_START), nw.len().alias(_SIZE))
            )
            # Joined on the two key columns only (pyarrow joins no all-null column), then put
            # back in row order beside the frame.
            slim = df.select(_ROW, _GROUP).join(sizes, on=_GROUP, how="left").sort(_ROW)
            df = df.with_columns(slim.get_column(_START), slim.get_column(_SIZE))
        else:
            df = df.with_columns(
                nw.col(_ORDER).min().over(_GROUP).alias(_START),
                nw.col(_KEY).count().over(_GROUP).alias(_SIZE),
            )
        df = df.with_columns(
            (nw.col(_ORDER) - nw.col(_START) + 1).alias("rank"),
            nw.when(~nw.col(_KEY).is_null()).then(nw.col(_SIZE)).alias("of"),
        )
    except NotImplementedError:
        raise _no_window_rank(prepared.df) from None
    df = df.rename({"rank": rank_name, "of": of_name}) if output != ("rank", "of") else df
    pandas_like = df.implementation.is_pandas_like()
    if not pandas_like:
        df = df.with_columns(nw.col(rank_name, of_name).cast(nw.Int64))
    prepared.df = df.drop(_ROW, _GROUP, _KEY, _ORDER, _START, _SIZE)
    out = prepared.finish({})
    if pandas_like:  # numpy integers have no null: pandas' nullable Int64, as in opinipp.frames
        out = out.astype({rank_name: "Int64", of_name: "Int64"})
    return out  # type: ignore[no-any-return]


def _output_names(output: object) -> tuple[str, str]:
    if (
        not isinstance(output, tuple)
        or len(output) != 2
        or not all(isinstance(n, str) and n and not n.startswith(_PREFIX) for n in output)
        or output[0] == output[1]
    ):
        raise InvalidArgumentError(
            "output", output, "two different column names, e.g. ('rank', 'of')"
        )
    return output[0], output[1]


def _no_window_rank(df: nw_typing.DataFrame[Any] | nw_typing.LazyFrame[Any]) -> Exception:
    engine = str(df.implementation.name).lower()
    return NotApplicableError(
        f"ranking within groups on {engine}",
        engine,
        "this engine has no window rank through narwhals; classify and gap_to_next_tier run "
        "on it, and rank runs on pandas, polars, pyarrow or DuckDB (for Dask: .compute() "
        "first)",
    )


def _names(nw: ModuleType, frame: object) -> list[str]:
    try:
        return list(nw.from_native(frame).collect_schema().names())
    except TypeError:
        raise InvalidArgumentError(
            "frame", frame, "a data frame of pandas, polars, pyarrow, DuckDB or Dask"
        ) from None


def __dir__() -> list[str]:
    return list(__all__)
