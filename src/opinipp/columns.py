"""The rules as column expressions: classify, gap and rank inside the user's data-frame engine.

Needs ``pip install 'opinipp[columns]'`` (narwhals) and the engine of your choice: pandas,
polars (eager or lazy), pyarrow, DuckDB, or Dask for the element-wise parts. Each function
takes the user's own frame and returns a frame of the same type with columns added (native
in, native out); a lazy frame stays lazy. narwhals is imported on first call, never at
``import opinipp``.

The expressions are generated from the same :class:`~opinipp.rules.RuleSet` tables as the
object path (once per process), and compare whole numbers of hundredths, never raw floats,
so 77.99 and 78.00 land exactly as :func:`opinipp.classify` puts them. A float is a score
only when it is the float nearest a two-decimal value, as :class:`~opinipp.scores.Score`
reads it (``0.1 + 0.2`` is not). A score that is missing, NaN, not on the 0.01 grid, or
outside the year's scale, and a year without rules (2020), is reported: by
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
:func:`grade`             the columns of both, in one pass (the scores read and checked once)
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

__all__ = ["Invalid", "RankScope", "classify", "gap_to_next_tier", "grade", "rank"]

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
_NEXT: Final = f"{_PREFIX}next"
_IN: Final = f"{_PREFIX}in_scope"

_NATIONAL_KINDS: Final = tuple(k.value for k in (*InstansiKind, *PemdaKind))
_PROVINCIAL_KINDS: Final = (PemdaKind.KABUPATEN.value, PemdaKind.KOTA.value)
_UNIT_KINDS: Final = (EntityKind.OPD.value, EntityKind.PUSKESMAS.value, EntityKind.RSUD.value)
_DEFAULT_GROUP: Final[dict[str, str | None]] = {
    "national": None,
    "provincial": "province",
    "within_pemda": "parent_pemda",
}
# Larger scores are off every scale; refusing them before the cast keeps Int64 from overflowing.
_LARGEST: Final = 1_000_000
# A score as a text: digits, one decimal point or comma, at most two decimals that are not
# trailing zeros (the grammar of opinipp.scores.Score).
_SCORE_TEXT: Final = r"^[0-9]+(?:[.,][0-9]{1,2}0*)?$"


def _narwhals() -> ModuleType:
    try:
        import narwhals as nw
    except ImportError:
        raise MissingExtraError("columns", "narwhals") from None
    return nw


class _Plan:
    """The rule tables flattened for the expressions; built once per tuple of RuleSets."""

    def __init__(self, sets: tuple[RuleSet, ...]) -> None:
        self.sets = sets
        self.bands = tuple((rs, band) for rs in sets for band in rs.bands)
        self.years = [y for rs in sets for y in rs.years]
        # The key of a score on its year's scale is the start of its RuleSet plus its
        # hundredths: the scales laid end to end, so that the keys number the two-decimal
        # values of all RuleSets 0, 1, 2, ... (their bands cover each scale from 0.00 up).
        starts = [0]
        for rs in sets:
            starts.append(starts[-1] + rs.scale_max.hundredths + 1)
        self.size = starts[-1]
        self.bases = [starts[i] for i, rs in enumerate(sets) for _ in rs.years]
        self.tops = [rs.scale_max.hundredths for rs in sets for _ in rs.years]
        self.spans = [b.upper.hundredths - b.lower.hundredths + 1 for _, b in self.bands]
        # Every lower bound but the first as a key: a key's band id is how many it reaches.
        self.bounds = [
            starts[i] + band.lower.hundredths for i, rs in enumerate(sets) for band in rs.bands
        ][1:]
        self.top = max(rs.scale_max.hundredths for rs in sets) + 1
        following: list[Band | None] = []
        for index, (rs, _) in enumerate(self.bands):
            after = self.bands[index + 1] if index + 1 < len(self.bands) else None
            following.append(after[1] if after is not None and after[0] is rs else None)
        self.following = following


_PLANS: list[_Plan] = []


def _plan() -> _Plan:
    """The plan of the current rule tables (rebuilt if :func:`rule_sets` ever changes)."""
    sets = rule_sets()
    if not _PLANS or _PLANS[0].sets is not sets:
        _PLANS[:] = [_Plan(sets)]
    return _PLANS[0]


def _check_column(names: Sequence[str], argument: str, column: object) -> str:
    if not isinstance(column, str) or column not in names:
        raise InvalidArgumentError(
            argument, column, f"the name of a column of the frame ({', '.join(names)})"
        )
    return column


def _check_invalid(invalid: object) -> None:
    if invalid not in ("raise", "null"):
        raise InvalidArgumentError("invalid", invalid, "'raise' or 'null'")


def _score_kind(nw: ModuleType, dtype: Any, column: str) -> str:  # noqa: ANN401
    if dtype.is_integer():
        return "integer"
    if dtype == nw.Float64:
        return "float64"
    if dtype == nw.Float32:
        return "float32"
    if dtype in (nw.String, nw.Decimal, nw.Object):
        return "text"
    raise InvalidArgumentError(
        "score",
        column,
        f"a column of numbers or text (integers, floats, decimals, strings), not {dtype}",
    )


@functools.lru_cache(maxsize=64)
def _hundredths(column: str, kind: str) -> Any:  # noqa: ANN401
    """The score as whole hundredths (Int64, no nulls), -1 where it is not a two-decimal value.

    Integers are exact. A float64 x is a two-decimal value iff ``round(100 x) / 100 == x`` in
    float64 arithmetic: for k = round(100 x), k / 100 is then the double nearest k/100, and
    the doubles nearest a k/100 are exactly those whose shortest repr has at most two
    decimals, which is what :class:`~opinipp.scores.Score` accepts (81.84 is read as 8184;
    81.84000000000001, one ulp away, and 81.845 are refused). A float32 is tested the same
    way against the float32 nearest k/100. Text and decimals are read by their digits.
    """
    nw = _narwhals()
    x = nw.col(column)
    if kind == "integer":
        wide = x.cast(nw.Int64)
        in_range = (wide >= 0) & (wide <= _LARGEST)
        return nw.when(in_range).then(wide * 100).otherwise(-1).cast(nw.Int64).fill_null(-1)
    if kind == "text":
        text = x.cast(nw.String).str.strip_chars()
        readable = text.str.contains(_SCORE_TEXT) & (text.str.len_chars() <= 20)
        number = nw.when(readable).then(text.str.replace_all(",", ".")).otherwise(nw.lit("-1"))
        value = number.cast(nw.Float64)
        scaled = nw.when(value <= _LARGEST).then((value * 100).round(0)).otherwise(-1)
        return scaled.cast(nw.Int64).fill_null(-1)
    wide = x.cast(nw.Float64)
    scaled = (wide * 100).round(0)
    # Divided by a column, not a literal: polars divides by a scalar as a multiplication by
    # its reciprocal, which is not always the double nearest the quotient.
    nearest = scaled / (wide * 0 + 100)
    on_grid = (nearest == wide) if kind == "float64" else (nearest.cast(nw.Float32) == x)
    exact = on_grid & (wide.abs() <= _LARGEST)
    return nw.when(exact).then(scaled).otherwise(-1).cast(nw.Int64).fill_null(-1)


def _year_kind(dtype: Any, column: str) -> None:  # noqa: ANN401
    if not dtype.is_integer():
        raise InvalidArgumentError(
            "year", column, f"a column of whole years (an integer dtype), not {dtype}"
        )


@functools.lru_cache(maxsize=64)
def _grading(plan: _Plan, year: str) -> tuple[Any, Any, Any]:
    """Whether the hundredths in :data:`_H` are on the scale of a year with rules; the key.

    Returns the validity, the key (see :class:`_Plan`) and the band id from the key: the
    position of the band in ``plan.bands``, null where the row is not valid.
    """
    nw = _narwhals()
    years = nw.col(year)
    h = nw.col(_H)
    # One membership test per distinct scale (a lookup of the top per row costs more).
    on_scale: Any = None
    for top in sorted(set(plan.tops)):
        chosen = [y for y, t in zip(plan.years, plan.tops, strict=True) if t == top]
        here = years.is_in(chosen) & (h <= top)
        on_scale = here if on_scale is None else on_scale | here
    valid = ((h >= 0) & on_scale).fill_null(value=False)
    base = years.replace_strict(plan.years, plan.bases, default=0, return_dtype=nw.Int64)
    key = nw.col(_KEY)
    reached: Any = nw.lit(0, nw.Int64)
    for bound in plan.bounds:
        reached = reached + (key >= bound).cast(nw.Int64)
    band = nw.when(nw.col(_OK)).then(reached)
    return valid, base + h, band


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
    """Raise :class:`InvalidDataError` naming every row where ``bad`` is true, if any.

    One aggregate tells whether there is any (a lazy frame is collected for it alone); only
    then are the rows read, with their positions.
    """
    count = frame.select(bad.cast(nw.Int64).sum())
    if not (count.collect() if _is_lazy(nw, frame) else count).item():
        return
    flagged = frame.select(nw.col(score), nw.col(year), bad.alias(_ROW))
    eager = flagged.collect() if _is_lazy(nw, frame) else flagged
    position = f"{_ROW}_position"
    rows = eager.with_row_index(position).filter(nw.col(_ROW)).select(position, score, year)
    errors: list[Exception] = []
    for at, value, when in rows.rows():
        column, why = _reason(value, when, _rules_of(when))
        errors.append(RowError(at, column, value if column == "score" else when, why))
    years = ", ".join(str(y) for y in sorted(not_held_years()))
    raise InvalidDataError(
        f"{len(errors)} row(s) cannot be graded: every score must be a two-decimal value on "
        f"its year's scale, in a year with rules (none in {years}); pass invalid='null' to "
        "leave them null",
        errors,
    )


def _from_native(nw: ModuleType, frame: object) -> Any:  # noqa: ANN401
    try:
        return nw.from_native(frame)
    except TypeError:
        raise InvalidArgumentError(
            "frame",
            frame,
            "a data frame of pandas, polars, pyarrow, DuckDB or another engine narwhals supports",
        ) from None


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
        df = _from_native(nw, frame)
        schema = df.collect_schema()
        names = list(schema.names())
        _check_column(names, "score", score)
        _check_column(names, "year", year)
        kind = _score_kind(nw, schema[score], score)
        _year_kind(schema[year], year)
        plan = _plan()
        valid, key, band = _grading(plan, year)
        h = _hundredths(score, kind).alias(_H)
        if only is None:
            df = df.with_columns(h)
        else:
            df = df.with_columns(h, only.fill_null(value=False).alias(_IN))
            valid = valid & nw.col(_IN)
        df = df.with_columns(valid.alias(_OK), *([key.alias(_KEY)] if bands else []))
        if invalid == "raise":
            bad = ~nw.col(_OK) if only is None else ~nw.col(_OK) & nw.col(_IN)
            _raise_bad_rows(nw, df, bad, score, year)
        # Eager pandas and polars frames take the labels from the row of a table numbered by
        # the key; elsewhere they are looked up by the band id, one lookup per column.
        self.taken = (
            bands
            and not _is_lazy(nw, df)
            and df.implementation in (nw.Implementation.PANDAS, nw.Implementation.POLARS)
        )
        if self.taken:
            df = df.with_columns(nw.when(nw.col(_OK)).then(nw.col(_KEY)).alias(_KEY))
        elif bands:
            df = df.with_columns(band.alias(_BAND))
        self.nw = nw
        self.plan = plan
        self.names = names
        self.year = year
        self.df = df
        self.helpers = [
            _H,
            _OK,
            *([_KEY] if bands else []),
            *([_BAND] if bands and not self.taken else []),
            *([] if only is None else [_IN]),
        ]

    def finish(self, added: dict[str, Any]) -> Any:  # noqa: ANN401
        """Add the columns, drop the helpers, and return the native frame."""
        out = (self.df.with_columns(**added) if added else self.df).drop(*self.helpers)
        return self.native(out)

    def native(self, df: Any) -> Any:  # noqa: ANN401
        """The native frame of ``df``."""
        return self.nw.to_native(df)

    def looked_up(
        self,
        table: dict[str, tuple[list[Any], str]],
        computed: dict[str, Any],
        public: Sequence[str],
    ) -> Any:  # noqa: ANN401
        """Add ``table``'s columns (a value per band id), then ``computed``; the native frame.

        ``public`` is the order of the added columns; names that start with the helper
        prefix are dropped.

        On eager pandas and polars frames the values are the rows of a table of one row per
        key, taken by position; elsewhere one ``replace_strict`` of the band id per column,
        which a lazy engine drops from a query that does not need it (the later checks)
        where it would have to run a join.
        """
        nw = self.nw
        df = self.df
        implementation = df.implementation
        replaced = [n for n in (*table, *computed) if n in self.names]
        if self.taken:
            engine = "polars" if implementation is nw.Implementation.POLARS else "pandas"
            spec = tuple((n, tuple(v), t) for n, (v, t) in table.items())
            small = _key_frame(self.plan, spec, engine)
            df = _taken(nw, df.drop(*replaced), small, computed)
        else:
            df = df.with_columns(
                **{
                    name: nw.col(_BAND).replace_strict(
                        [i for i, v in enumerate(values) if v is not None],
                        [v for v in values if v is not None],
                        default=None,
                        return_dtype=nw.String if dtype == "str" else nw.Float64,
                    )
                    for name, (values, dtype) in table.items()
                }
            )
            if computed:
                df = df.with_columns(**computed)
        df = df.select(*self.names, *(n for n in public if n not in self.names))
        return self.native(df)


@functools.lru_cache(maxsize=32)
def _key_frame(
    plan: _Plan, table: tuple[tuple[str, tuple[Any, ...], str], ...], engine: str
) -> Any:  # noqa: ANN401
    """A polars or pandas frame whose row k holds the values for key k (see :class:`_Plan`).

    For each ``(name, values, dtype)`` of ``table`` a column of the value of each key's band
    (``values`` is indexed by band id), and one last row of nulls, for the rows not graded.
    """
    columns = {
        name: [
            *(v for v, span in zip(values, plan.spans, strict=True) for _ in range(span)),
            None,
        ]
        for name, values, _ in table
    }
    if engine == "polars":
        import polars as pl

        return pl.DataFrame(
            [
                pl.Series(name, columns[name], dtype=pl.String if dtype == "str" else pl.Float64)
                for name, _, dtype in table
            ]
        )
    import pandas as pd

    return pd.DataFrame(
        {
            name: pd.Series(columns[name], dtype="str" if dtype == "str" else "float64")
            for name, _, dtype in table
        }
    )


def _taken(nw: ModuleType, df: Any, small: Any, computed: dict[str, Any]) -> Any:  # noqa: ANN401
    """``df`` with the key frame's row for each key, and ``computed``, in row order.

    The rows are taken by position (the key is the row number; a row not graded takes the
    last row, of nulls); ``computed`` is evaluated on that narrow frame with the hundredths,
    and its columns are put beside ``df`` in one step.
    """
    native = df.to_native()
    last = small.shape[0] - 1
    if df.implementation is nw.Implementation.POLARS:
        import polars as pl

        rows = native.get_column(_KEY).fill_null(last).cast(pl.UInt32)
        found = small[rows].hstack([native.get_column(_H)])
        found = nw.from_native(found).with_columns(**computed).drop(_H).to_native()
        return nw.from_native(native.hstack(found.get_columns()))
    rows = native[_KEY].fillna(last).to_numpy(dtype="int64")
    found = small.take(rows).reset_index(drop=True)
    found[_H] = native[_H].to_numpy()
    found = nw.from_native(found).with_columns(**computed).drop(_H).to_native()
    found = found.set_axis(native.index)
    return nw.from_native(native.assign(**{name: found[name] for name in found.columns}))


def _check_lang(lang: object) -> bool:
    if lang not in ("id", "en"):
        raise InvalidArgumentError("lang", lang, "'id' or 'en'")
    return lang == "en"


def _labels(plan: _Plan, *, english: bool) -> dict[str, tuple[list[Any], str]]:
    bands = [band for _, band in plan.bands]
    suffix = "_en" if english else ""
    return {
        "zone": (
            [
                None if b.zone is None else b.zone.english if english else b.zone.value
                for b in bands
            ],
            "str",
        ),
        "category": ([None if b.category is None else b.category.value for b in bands], "str"),
        f"opinion{suffix}": ([b.opinion_en if english else b.opinion for b in bands], "str"),
        f"predikat{suffix}": ([b.predikat_en if english else b.predikat for b in bands], "str"),
        f"quality{suffix}": ([b.quality_en if english else b.quality for b in bands], "str"),
        f"label{suffix}": ([b.label_en if english else b.label for b in bands], "str"),
    }


def _gaps(plan: _Plan) -> dict[str, tuple[list[Any], str]]:
    following = plan.following
    bounds = [None if b is None else b.lower.hundredths for b in following]
    return {
        _NEXT: ([None if h is None else float(h) for h in bounds], "float"),
        "target": ([None if b is None else b.name() for b in following], "str"),
        "target_score": (
            [None if b is None else b.lower.hundredths / 100 for b in following],
            "float",
        ),
    }


def _graded(  # noqa: PLR0913 - keyword-only: the column names and what to add
    frame: object,
    *,
    score: str,
    year: str,
    lang: object,
    invalid: object,
    labels: bool,
    gaps: bool,
) -> Any:  # noqa: ANN401
    english = _check_lang(lang)
    prepared = _Prepared(frame, score=score, year=year, invalid=invalid)
    nw = prepared.nw
    table: dict[str, tuple[list[Any], str]] = {}
    public: list[str] = []
    computed: dict[str, Any] = {}
    if labels:
        table.update(_labels(prepared.plan, english=english))
        public += list(table)
    if gaps:
        table.update(_gaps(prepared.plan))
        # Divided by a column (null in the top band), which gives the float nearest the
        # two-decimal value on every engine: polars divides by a scalar as a multiplication.
        computed["points"] = (nw.col(_NEXT) - nw.col(_H)) / (nw.col(_NEXT) * 0 + 100)
        public += ["points", "target", "target_score"]
    return prepared.looked_up(table, computed, public)


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
    return _graded(  # type: ignore[no-any-return]
        frame, score=score, year=year, lang=lang, invalid=invalid, labels=True, gaps=False
    )


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
    return _graded(  # type: ignore[no-any-return]
        frame, score=score, year=year, lang="id", invalid=invalid, labels=False, gaps=True
    )


def grade(
    frame: FrameT,
    /,
    *,
    score: str = "score",
    year: str = "year",
    lang: Literal["id", "en"] = "id",
    invalid: Invalid = "raise",
) -> FrameT:
    """Add the columns of :func:`classify` and of :func:`gap_to_next_tier` in one pass.

    The same columns, values and errors as ``gap_to_next_tier(classify(frame))``, with the
    scores read and checked once (a lazy frame is collected once for the check, not twice):
    the call to use when both are wanted.

    >>> import polars as pl
    >>> df = pl.DataFrame({"score": [81.84, 90.02], "year": [2023, 2023]})
    >>> grade(df).select("category", "opinion", "points", "target").rows()
    [('B', 'Kualitas Tinggi', 6.16, 'A (Kualitas Tertinggi)'),
     ('A', 'Kualitas Tertinggi', None, None)]
    """
    return _graded(  # type: ignore[no-any-return]
        frame, score=score, year=year, lang=lang, invalid=invalid, labels=True, gaps=True
    )


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
    ranked = nw.col(_OK) & ~nw.col(group).is_null()
    df = prepared.df
    pandas_like = df.implementation.is_pandas_like()
    ranks, sizes = nw.col(_ORDER), nw.col(_SIZE)
    if not pandas_like:
        ranks, sizes = ranks.cast(nw.Int64), sizes.cast(nw.Int64)
    named = (ranks.alias(rank_name), sizes.alias(of_name))
    try:
        if not _is_lazy(nw, df) and not df.select(ranked.cast(nw.Int64).sum()).item():
            # No row in the scope: every rank is null, without running the window.
            none = nw.lit(None, nw.Float64)
            df = df.with_columns(none.alias(_ORDER), none.alias(_SIZE)).with_columns(*named)
        elif df.implementation is nw.Implementation.PYARROW:
            df = _arrow_ranks(nw, df, ranked, prepared.plan.top, year=year, group=group, ties=ties)
            df = df.with_columns(*named)
        else:
            value = nw.when(ranked).then(nw.col(_H))
            window = (
                value.rank(method=ties, descending=True).over(year, group).alias(_ORDER),
                nw.when(ranked).then(value.count().over(year, group)).alias(_SIZE),
            )
            if _is_lazy(nw, df):
                df = df.with_columns(*window).with_columns(*named)
            else:
                # On the columns it needs only: polars gathers the frame it computes on into
                # one piece, which for a wide frame costs more than the window itself.
                narrow = df.select(year, group, _H, _OK).with_columns(*window).select(*named)
                df = df.with_columns(narrow.get_column(rank_name), narrow.get_column(of_name))
    except NotImplementedError:
        raise _no_window_rank(prepared.df) from None
    prepared.df = df.drop(*(n for n in (_ORDER, _SIZE) if n in df.columns))
    out = prepared.finish({})
    if pandas_like:  # numpy integers have no null: pandas' nullable Int64, as in opinipp.frames
        out = out.astype({rank_name: "Int64", of_name: "Int64"})
    return out  # type: ignore[no-any-return]


def _arrow_ranks(  # noqa: PLR0913 - keyword-only: the column names and mode
    nw: ModuleType,
    df: Any,  # noqa: ANN401
    ranked: Any,  # noqa: ANN401
    top: int,
    *,
    year: str,
    group: str,
    ties: str,
) -> Any:  # noqa: ANN401
    """The ranks (:data:`_ORDER`) and sizes (:data:`_SIZE`) on pyarrow, which has no window rank.

    A ranking (year and group) is named by one number; one number per row then sorts by
    ranking, then by score downwards, one global rank numbers them all, and the rank within
    a ranking is that less the ranking's first. narwhals' pyarrow ``over`` misplaces rows
    of chunked tables (seen above 65,536 rows, narwhals 2.29): the rankings are sized by a
    join instead.
    """
    named = nw.col(group).rank(method="dense").cast(nw.Int64) * 10_000 + nw.col(year)
    df = (
        df.with_row_index(_ROW)
        .with_columns(named.alias(_GROUP))
        .with_columns(
            nw.when(ranked).then(nw.col(_GROUP) * top + (top - 1 - nw.col(_H))).alias(_KEY)
        )
        .with_columns(
            nw.when(~nw.col(_KEY).is_null())
            .then(nw.col(_KEY).rank(method=ties).cast(nw.Float64))
            .alias(_ORDER)
        )
    )
    sizes = (
        df.filter(~nw.col(_KEY).is_null())
        .group_by(_GROUP)
        .agg(nw.col(_ORDER).min().alias(_START), nw.len().alias(_SIZE))
    )
    # Joined on the two key columns only (pyarrow joins no all-null column), then put back
    # in row order beside the frame.
    slim = df.select(_ROW, _GROUP).join(sizes, on=_GROUP, how="left").sort(_ROW)
    df = df.with_columns(slim.get_column(_START), slim.get_column(_SIZE))
    return df.with_columns(
        (nw.col(_ORDER) - nw.col(_START) + 1).alias(_ORDER),
        nw.when(~nw.col(_KEY).is_null()).then(nw.col(_SIZE)).alias(_SIZE),
    ).drop(_ROW, _GROUP, _KEY, _START)


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
