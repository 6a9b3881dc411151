"""Fuzz every public function and constructor: junk raises only documented opinipp errors.

Each entry point gets one test. A call starts from valid arguments (drawn from the public
strategies, or from real data) and puts junk in one argument position, in every position,
or nowhere. Junk is text, NaN and infinite floats, ``None``, bools, huge ints,
``Decimal('sNaN')``, lists, dicts, bytes, plain objects and values of the wrong opinipp type,
and what analysts and attackers pass (``tests/fuzz_junk.py``): NumPy and pandas scalars and
arrays, subclasses of str, int, Decimal and float whose methods lie or raise, ints of 5,000
digits, lone surrogates, NUL, 10 MB strings, objects whose ``repr`` raises.

The call must either return a value of the documented type (whose public properties, str,
repr and hash then work) or raise a documented error: an :class:`OpinippError` that is also
the builtin its class subclasses (ValueError, LookupError, ...), whose str and repr render in
at most 2,000 characters. The strategies of :mod:`opinipp.strategies` are drawn from as well,
and may also raise Hypothesis's ``InvalidArgument``. One call may take at most
``CALL_SECONDS``.

Budget (:func:`fuzz_junk.fuzz_examples`): every entry point gets 10,000 Hypothesis examples,
one call each, under ``HYPOTHESIS_PROFILE=fuzz`` (``./dev fuzz``), 2,000 under ``ci`` and 200
by default. Hypothesis's own cost per example (about 0.3 ms here) is more
than most calls, so the strategies are kept cheap: junk and valid values are mostly drawn by
index from pools, and the slow ``st.decimals()`` is replaced by Decimals built from ints. A
failing example shrinks to its simplest form and names the failing call; hostile values
appear in it by their label, e.g. ``<RaisingStr('2023')>``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import inspect
import io
import math
import signal
import types
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

import opinipp
import opinipp.assessments
import opinipp.entities
import opinipp.errors
import opinipp.instruments
import opinipp.ipp
import opinipp.skm
import opinipp.strategies
from fuzz_junk import HOSTILE, HOSTILE_NOT_TEXT, HOSTILE_PATHS, Junk, fuzz_examples, resolve
from opinipp import (
    cli,
    datasets,
    frames,
    gaps,
    locale_id,
    ranking,
    regions,
    rules,
    scores,
    serialization,
    trends,
    years,
    zoning,
)
from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import (
    OPD,
    EntityKind,
    Instansi,
    InstansiKind,
    OPDKind,
    Pemda,
    PemdaKind,
    Province,
    Puskesmas,
    Rsud,
)
from opinipp.errors import InvalidScoreError, OpinippError
from opinipp.ranking import National, Provincial, RankedEntry, Ranking, WithinPemda
from opinipp.rules import Band, Category, Dimension, RuleSet, Zone, rules_for
from opinipp.scores import Score
from opinipp.strategies import (
    assessments,
    boundary_scores,
    entities,
    pemdas,
    provinces,
    rule_sets,
    scopes,
)
from opinipp.strategies import scores as score_values
from opinipp.strategies import years as year_values
from opinipp.trends import Change, Series
from opinipp.years import AssessmentYear
from opinipp.zoning import Grade

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

Call = tuple[tuple[Any, ...], dict[str, Any]]

FUZZ_EXAMPLES = fuzz_examples()
"""Hypothesis examples (one call each) per entry point (see :func:`fuzz_junk.fuzz_examples`)."""
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)

# --- junk -------------------------------------------------------------------------------

_MUBAR = regions.pemda("74.13")
_SULTRA = _MUBAR.province
_NASTY: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1,
    2020,
    2023,
    10**100,
    -(10**100),
    2**63,
    0.0,
    -0.0,
    81.84,
    1e308,
    5e-324,
    math.nan,
    math.inf,
    -math.inf,
    Decimal("sNaN"),
    Decimal("-sNaN"),
    Decimal("NaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1E+999999"),
    Decimal("1E-999999"),
    Decimal("81.845"),
    Decimal("-0"),
    Decimal(2023),
    Fraction(1, 3),
    complex(1, 1),
    "",
    " ",
    "\x00",
    "\ud800",
    "81.84",
    "81,84",
    " 81.84 ",
    "1e3",
    "NaN",
    "inf",
    "-1",
    "100.01",
    "٨١٫٨٤",
    "８１．８４",
    "2020",
    "2023",
    "A",
    "merah",
    "hijau",
    "kabupaten",
    "kota",
    "provinsi",
    "lembaga",
    "Sultra",
    "74",
    "74.13",
    "91.01",
    "Kab. Muna Barat",
    "Banjar",
    "min",
    "=1+1",
    "Selasa 4 Februari 2025",
    "4 Februari 2025 10.00 WITA",
    "x" * 5_000,
    b"81.84",
    b"\xff",
    bytearray(b"2023"),
    [],
    [1],
    ["81.84"],
    [None],
    [Decimal("sNaN")],
    [[]],
    (),
    (2023,),
    ("81.84", "x"),
    {},
    {"input": 1},
    {"proses": "81.84"},
    {None: None},
    {Dimension.INPUT: math.nan},
    set(),
    frozenset({2023}),
    object(),
    type,
    int,
    print,
    Ellipsis,
    NotImplemented,
    range(3),
    Zone.HIJAU,
    Category.A,
    Dimension.INPUT,
    EntityKind.KOTA,
    PemdaKind.KABUPATEN,
    InstansiKind.LEMBAGA,
    OPDKind.OTHER,
    Score("81.84"),
    dt.date(2023, 12, 14),
    dt.datetime(2025, 2, 4, 10, 0, tzinfo=dt.timezone.utc),
    dt.timedelta(days=1),
    _SULTRA,
    _MUBAR,
    Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN),
    OPD(pemda=_MUBAR, kind=OPDKind.DINSOS),
    Puskesmas(name="Puskesmas Tiworo", pemda=_MUBAR),
    Assessment(_MUBAR, 2023, "81.84"),
    Assessment(_MUBAR, 2023, None),
    PublishedResult(zone="hijau"),
    rules_for(2023),
    rules_for(2023).bands[4],
    zoning.classify("81.84", 2023),
    National(PemdaKind.KABUPATEN),
    Provincial(_SULTRA),
    WithinPemda(_MUBAR),
)


def _choice(pool: Iterable[Any]) -> SearchStrategy[Any]:
    """Sample from a pool by index: one draw, a short repr, shrinking to the first item."""
    items = tuple(pool)
    return st.sampled_from(range(len(items))).map(items.__getitem__)


def junk() -> SearchStrategy[Any]:
    """Values no public function should choke on: every type, every awkward value."""
    nasty = _choice(_NASTY)
    hostile = st.sampled_from(HOSTILE)  # each shown by its label
    return st.one_of(
        nasty,
        hostile,
        st.integers(),
        st.floats(),
        # st.decimals() costs four times as much per draw; NaN, sNaN and the infinities are in
        # the pool, so finite Decimals of any size and exponent are enough here.
        st.builds(Decimal.scaleb, st.integers().map(Decimal), st.integers(-40, 40)),
        st.text(max_size=12),
        st.lists(nasty | hostile, max_size=3),
    )


def not_text_junk() -> SearchStrategy[Any]:
    """Junk that could never name a file that is created: for a file path position."""
    return st.one_of(
        _choice(x for x in _NASTY if not isinstance(x, str)),
        st.sampled_from(HOSTILE_NOT_TEXT),
        st.sampled_from(HOSTILE_PATHS),
        st.integers(),
        st.floats(),
    )


_JUNK = junk()


def _hypothesis_can_hold(value: object) -> bool:
    """Whether ``st.just(value)`` works in Hypothesis itself: it hashes and shows values."""
    try:
        shown = repr(value)
    except Exception:  # noqa: BLE001 - Hypothesis would fail, whatever opinipp does
        return False
    if len(shown) > 10_000:  # a 10 MB string: Hypothesis would show it in full
        return False
    try:
        hash(value)
    except TypeError:  # unhashable: Hypothesis copes
        return True
    except Exception:  # noqa: BLE001 - as above
        return False
    return True


# Strategies take strategies for most arguments: strategies of junk, checked as they are drawn.
_JUNK_STRATEGIES = (
    *(
        Junk(f"st.just({j.label})", st.just(j.value))
        for j in HOSTILE
        if _hypothesis_can_hold(j.value)
    ),
    Junk("st.none()", st.none()),
    Junk("st.integers()", st.integers()),
    Junk("st.text()", st.text(max_size=4)),
    Junk("st.just('2023')", st.just("2023")),
    Junk("st.just(nan)", st.just(math.nan)),
    Junk("st.sampled_from([2023, 'x'])", st.sampled_from([2023, "x"])),
    Junk("st.just(st.integers())", st.just(st.integers())),
)
_STRATEGY_JUNK = st.one_of(_JUNK, st.sampled_from(_JUNK_STRATEGIES))


# --- entry points -----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A public entry point: valid calls, what may be junked, what it returns and raises.

    ``valid`` draws whole valid calls. Junk may go to the ``positional`` arguments after the
    first ``fixed`` ones (the object of a method), and to the ``keywords``. With ``draws``
    the call returns a strategy, which is drawn from: ``returns`` is then the type of the
    drawn values. ``covers`` names the other public callables the entry exercises.
    """

    name: str
    call: Callable[..., object]
    valid: SearchStrategy[Call]
    positional: int
    keywords: tuple[str, ...] = ()
    returns: type | tuple[type, ...] = object
    raises: tuple[type[BaseException], ...] = (OpinippError,)
    junk: SearchStrategy[Any] = field(default=_JUNK)
    fixed: int = 0
    draws: bool = False
    covers: tuple[str, ...] = ()


@st.composite
def junked(draw: st.DrawFn, entry: Entry) -> Call:
    """A valid call of ``entry`` with junk in one position, in every position, or nowhere."""
    args, kwargs = draw(entry.valid)
    positions = entry.positional + len(entry.keywords)
    if positions == 0:
        return args, kwargs
    new_args, new_kwargs = list(args), dict(kwargs)
    # -1: leave the call valid; 0 to positions - 1: junk there; positions: junk everywhere.
    target = draw(st.integers(-1, positions))
    chosen = range(positions) if target == positions else [target] if target >= 0 else []
    for position in chosen:
        value = draw(entry.junk)
        if position < entry.positional:
            new_args[entry.fixed + position] = value
        else:
            new_kwargs[entry.keywords[position - entry.positional]] = value
    return tuple(new_args), new_kwargs


def calls(*args: SearchStrategy[Any], **kwargs: SearchStrategy[Any]) -> SearchStrategy[Call]:
    """Valid calls from one strategy per argument (keywords are passed or left out)."""
    return st.tuples(st.tuples(*args), st.fixed_dictionaries({}, optional=kwargs))


def fixed_calls(pool: Iterable[Call]) -> SearchStrategy[Call]:
    """Valid calls from a pool of known-good argument lists."""
    return _choice(pool)


def attrs_call(obj: Any) -> Call:
    """The arguments that rebuild an attrs instance: positional, then keyword-only."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for a in attrs.fields(type(obj)):
        if not a.init:
            continue
        value = getattr(obj, a.name)
        if a.kw_only:
            kwargs[a.alias] = value
        else:
            args.append(value)
    return tuple(args), kwargs


def attrs_entry(name: str, cls: type, pool: Iterable[Any], **options: Any) -> Entry:
    """An entry for an attrs class, fed with prototypes rebuilt from ``pool``."""
    fields_ = [a for a in attrs.fields(cls) if a.init]
    return Entry(
        name,
        cls,
        fixed_calls(attrs_call(x) for x in pool),
        positional=sum(not a.kw_only for a in fields_),
        keywords=tuple(a.alias for a in fields_ if a.kw_only),
        returns=cls,
        **options,
    )


def method(name: str) -> Callable[..., object]:
    """Call ``obj.<name>(*args, **kwargs)`` with ``obj`` as the first argument."""

    def call(obj: Any, *args: Any, **kwargs: Any) -> object:
        return getattr(obj, name)(*args, **kwargs)

    call.__name__ = name
    return call


# --- valid values ---------------------------------------------------------------------------

PUBLISHED = datasets.published_results()
SCORED = tuple(a for a in PUBLISHED if a.score is not None)
_BY_ENTITY: dict[object, list[Assessment]] = defaultdict(list)
for _a in SCORED:
    _BY_ENTITY[_a.entity].append(_a)
HISTORIES = tuple(
    sorted(group, key=lambda a: a.year) for group in _BY_ENTITY.values() if len(group) > 1
)
PAIRS = tuple((h[i], h[i + 1]) for h in HISTORIES for i in range(len(h) - 1))


def _national_rankings() -> tuple[Ranking, ...]:
    groups: dict[tuple[int, EntityKind], list[Assessment]] = defaultdict(list)
    for a in SCORED:
        if a.entity.entity_kind.value in {k.value for k in (*PemdaKind, *InstansiKind)}:
            groups[a.year, a.entity.entity_kind].append(a)
    kinds = {k.value: k for k in (*PemdaKind, *InstansiKind)}
    return tuple(
        ranking.rank(group, National(kinds[kind.value]), ties=ties)
        for (_, kind), group in sorted(groups.items(), key=lambda item: item[0][0])
        for ties in ("min", "dense", "ordinal")
    )


RANKINGS = _national_rankings()


def _assessments_of(r: Ranking) -> tuple[Assessment, ...]:
    return tuple(e.assessment for e in r)


RULE_SETS = rules.rule_sets()
BANDS = tuple(b for rs in RULE_SETS for b in rs.bands)
GRADES = tuple(
    Grade.of(rules_for(y), band, y, tanpa)
    for y in rules.covered_years()
    for band in rules_for(y).bands
    for tanpa in ((None, True, False) if rules_for(y).has_tanpa_maladministrasi else (None,))
)
ASSESSMENT_YEARS = tuple(years.assessment_year(y) for y in rules.covered_years())
GAPS = tuple(
    g
    for y in rules.covered_years()
    for s in ("0.00", "31.99", "60.35", "74.99")
    if (g := gaps.gap_to_next_tier(s, y)) is not None
)
DISAGREEMENTS = datasets.audit()
ENTRIES_OF_RANKINGS = tuple(e for r in RANKINGS for e in r)

_years = year_values()
_scores = st.one_of(score_values(), boundary_scores())
# Every score in each form a caller may pass it (Score, "81.84", "81,84", Decimal, float; int
# for whole scores), drawn by index: one draw per value keeps 10,000 calls cheap.
_SCORE_LIKE_POOL: tuple[object, ...] = tuple(
    form
    for score in map(Score.from_hundredths, range(10_001))
    for form in (score, str(score), score.format("id"), score.value, float(score))
) + tuple(range(101))
_score_likes = st.one_of(_choice(_SCORE_LIKE_POOL), boundary_scores())
_texts = st.sampled_from(["Kualitas Tinggi", "Zona Hijau", "Sumber", "x"])
_bools = st.booleans()
_optional_bools = st.none() | _bools
_pemda_kinds = st.sampled_from(PemdaKind)
_entity_kinds = st.one_of(
    st.sampled_from(EntityKind),
    _pemda_kinds,
    st.sampled_from(InstansiKind),
    st.sampled_from([k.value for k in EntityKind]),
)
_KEY_STYLES = (
    tuple(Dimension),
    tuple(d.value for d in Dimension),
    tuple(d.value.upper() for d in Dimension),
)
_dimension_maps = st.builds(
    lambda keys, values, size: dict(zip(keys[:size], values, strict=False)),
    _choice(_KEY_STYLES),
    st.lists(_scores, min_size=4, max_size=4),
    st.sampled_from((4, 3)),
)
_targets = st.one_of(
    st.sampled_from(Category),
    st.sampled_from(Zone),
    _choice(BANDS),
    st.sampled_from(["A", "B", "hijau", "zona kuning", "Kualitas Tinggi", "Sangat Baik"]),
)
_langs = st.sampled_from(["id", "en"])
_dates = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
_small_sets = st.one_of(
    _choice(_assessments_of(r) for r in RANKINGS),
    st.lists(_choice(SCORED), max_size=4),
)
_json_texts = st.one_of(
    st.text(max_size=30),
    _choice(serialization.assessments_to_json(_assessments_of(r)[:3]) for r in RANKINGS),
    _choice(serialization.to_json(a) for a in PUBLISHED[:50]),
    st.sampled_from(['{"year": 2023}', "[]", "[{}]", "NaN", '{"a": 1e999}', "[1, 2]", "null"]),
)
_CSV_HEADER = "entity,kind,province,year,score\n"
_csv_rows = st.tuples(
    st.sampled_from(["Muna Barat", "Banjar", "Kendari", "", "=cmd()", "Kemlu"]),
    st.sampled_from(["kabupaten", "kota", "kementerian", "opd", "x", ""]),
    st.sampled_from(["Sultra", "Kalsel", "", "Atlantis"]),
    st.sampled_from(["2023", "2020", "x", "", "2025"]),
    st.sampled_from(["81,84", "81.84", "101", "", "NaN", "-1"]),
)


def _written_csv(items: Iterable[Assessment]) -> str:
    out = io.StringIO()
    serialization.write_csv(items, out)
    return out.getvalue()


_csv_texts = st.one_of(
    st.text(max_size=60).map(lambda t: _CSV_HEADER + t),
    st.lists(_csv_rows, max_size=3).map(
        lambda rows: _CSV_HEADER + "".join(",".join(r) + "\n" for r in rows)
    ),
    _choice(_written_csv(_assessments_of(r)[:4]) for r in RANKINGS),
)
_MISSING_DIR = Path(__file__).resolve().parent / "no-such-directory-for-fuzzing"
_cli_tokens = st.sampled_from(
    [
        "classify",
        "gap",
        "rank",
        "show",
        "years",
        "--year",
        "--target",
        "--scope",
        "--lang",
        "--json",
        "--ties",
        "--help",
        "--version",
        "81.84",
        "81,84",
        "2023",
        "2020",
        "A",
        "en",
        "id",
        "province:Sultra",
        "national:kabupaten",
        "Kabupaten Muna Barat",
        "Banjar",
        str(_MISSING_DIR / "x.csv"),
        "\ud800",
        "",
    ]
)
_argvs = st.one_of(st.none(), st.lists(st.one_of(_cli_tokens, st.text(max_size=8)), max_size=6))


# A ranking and an entity to look up in it: one that is ranked there, or any entity.
_lookups = st.one_of(
    fixed_calls(((r, e.entity), {}) for r in RANKINGS for e in list(r)[:3]),
    calls(_choice(RANKINGS), entities()),
)


def _cli_main(argv: Any) -> object:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    if code == 2:  # the documented exit status of bad input, with one line on stderr
        assert err.getvalue().count("\n") == 1
        assert err.getvalue().startswith("opinipp: error: ")
    return code


def _read_csv_text(text: Any, **kwargs: Any) -> object:
    return serialization.read_csv(io.StringIO(text) if isinstance(text, str) else text, **kwargs)


def _write_csv_to_text(items: Any) -> object:
    serialization.write_csv(items, io.StringIO())
    return None


def _ranking_constructor(*args: Any, **kwargs: Any) -> object:
    return Ranking(*args, **kwargs)


def _grade_of_year(rule_set: Any, band: Any, year: Any, tanpa: Any = None) -> object:
    return Grade.of(rule_set, band, year, tanpa)


def _scope_methods(name: str) -> tuple[str, ...]:
    return tuple(f"{cls.__name__}.{name}" for cls in (National, Provincial, WithinPemda))


_KEEP_CELL = object()
_KEEP = Junk("the cell as it is", _KEEP_CELL)
_FRAMES = (
    *(frames.to_pandas(_assessments_of(r)[:3]) for r in RANKINGS[:6]),
    frames.to_pandas(PUBLISHED[:5]),
)


def _from_pandas_cell(value: Any, df: Any, column: str, **kwargs: Any) -> object:
    """``from_pandas(df)`` with ``value`` in the first cell of ``column`` (unless ``_KEEP``)."""
    if (
        value is not _KEEP_CELL
        and isinstance(df, pd.DataFrame)
        and column in df.columns
        and len(df)
    ):
        cells = np.empty(len(df), dtype=object)
        for i, cell in enumerate(df[column]):
            cells[i] = cell
        cells[0] = value
        df = df.copy()
        with contextlib.suppress(Exception):  # a value pandas itself cannot hold: left out
            df[column] = cells
    return frames.from_pandas(df, **kwargs)


_SP = opinipp.strategies
_ENTITY_TYPES = (Province, Pemda, Instansi, OPD, Puskesmas, Rsud)
_optional_years = st.none() | _years
_optional_kinds = st.none() | _entity_kinds
_optional_pemdas = st.one_of(st.none(), pemdas(), st.sampled_from(["74.13", "Kota Kendari"]))


def strategy_entry(
    name: str, valid: SearchStrategy[Call], positional: int, *keywords: str, returns: Any
) -> Entry:
    """An entry for a strategy: junk in its arguments, then drawn from."""
    return Entry(
        f"strategies.{name}",
        getattr(_SP, name),
        valid,
        positional,
        keywords,
        returns=returns,
        junk=_STRATEGY_JUNK,
        draws=True,
    )


_BOOLS_3 = ("with_zones", "with_categories", "with_tanpa_maladministrasi")
STRATEGY_ENTRIES: tuple[Entry, ...] = (
    strategy_entry(
        "scores",
        fixed_calls(
            [
                ((Score("0.00"), Score("100.00")), {}),
                (("31.99", "60.35"), {}),
                ((Decimal(75), 100), {}),
                ((0.5, "0,75"), {}),
            ]
        ),
        2,
        returns=Score,
    ),
    strategy_entry("boundary_scores", calls(_optional_years), 1, returns=Score),
    strategy_entry(
        "years",
        fixed_calls([((None, None), {}), ((2019, 2025), {}), ((2021, None), {"with_zones": True})]),
        2,
        *_BOOLS_3,
        returns=int,
    ),
    strategy_entry(
        "rule_sets",
        calls(**dict.fromkeys(_BOOLS_3, _optional_bools)),
        0,
        *_BOOLS_3,
        returns=RuleSet,
    ),
    strategy_entry("grades", calls(year=_optional_years), 0, "year", returns=Grade),
    strategy_entry("provinces", calls(), 0, returns=Province),
    strategy_entry("scopes", calls(), 0, returns=(National, Provincial, WithinPemda)),
    strategy_entry("entities", calls(kind=_optional_kinds), 0, "kind", returns=_ENTITY_TYPES),
    strategy_entry(
        "assessments",
        calls(year=_optional_years, kind=_optional_kinds),
        0,
        "year",
        "kind",
        returns=Assessment,
    ),
    strategy_entry(
        "assessment_sets",
        calls(
            year=_optional_years,
            kind=_optional_kinds,
            min_size=st.integers(0, 2),
            max_size=st.none() | st.integers(2, 4),
        ),
        0,
        "year",
        "kind",
        "min_size",
        "max_size",
        returns=tuple,
    ),
    strategy_entry(
        "instansis",
        calls(kind=st.none() | st.sampled_from(InstansiKind)),
        0,
        "kind",
        returns=Instansi,
    ),
    strategy_entry(
        "opds",
        calls(pemda=_optional_pemdas, kind=st.none() | st.sampled_from(OPDKind)),
        0,
        "pemda",
        "kind",
        returns=OPD,
    ),
    strategy_entry(
        "pemdas",
        calls(kind=st.none() | _pemda_kinds, province=st.none() | provinces()),
        0,
        "kind",
        "province",
        returns=Pemda,
    ),
    strategy_entry("puskesmas", calls(pemda=_optional_pemdas), 0, "pemda", returns=Puskesmas),
    strategy_entry("rsuds", calls(pemda=_optional_pemdas), 0, "pemda", returns=Rsud),
    strategy_entry(
        "skm_responses",
        fixed_calls(
            [
                ((1, 3), {}),
                ((2, 4), {"rules": "kep-25-2004"}),
                ((1, 1), {"rules": opinipp.skm.skm_rules("permenpanrb-16-2014")}),
            ]
        ),
        2,
        "rules",
        returns=opinipp.skm.Responses,
    ),
    strategy_entry(
        "ikm_results",
        calls(rules=st.none() | st.sampled_from([r.key for r in opinipp.skm.SKM_RULES])),
        0,
        "rules",
        returns=opinipp.skm.IkmResult,
    ),
    strategy_entry(
        "ipp_scores", calls(by_indicator=_optional_bools), 0, "by_indicator", returns=dict
    ),
    strategy_entry("ipp_results", calls(), 0, returns=opinipp.ipp.IppResult),
    strategy_entry(
        "instruments",
        calls(
            min_indicators=st.integers(1, 2),
            max_indicators=st.integers(2, 4),
            max_points=st.integers(1, 3),
            year=_years,
            weighted=_optional_bools,
        ),
        0,
        "min_indicators",
        "max_indicators",
        "max_points",
        "year",
        "weighted",
        returns=opinipp.instruments.Instrument,
    ),
    strategy_entry(
        "indicator_values",
        calls(
            st.one_of(
                _choice([opinipp.instruments.instrument_for(y) for y in (2022, 2023)]),
                _SP.instruments(max_indicators=3),
            )
        ),
        1,
        returns=dict,
    ),
    strategy_entry(
        "rankings",
        calls(
            scope=st.none() | scopes(),
            year=_optional_years,
            ties=st.none() | st.sampled_from(["min", "dense", "ordinal"]),
            min_size=st.integers(0, 2),
            max_size=st.none() | st.integers(2, 4),
        ),
        0,
        "scope",
        "year",
        "ties",
        "min_size",
        "max_size",
        returns=Ranking,
    ),
)

_E = opinipp.errors
_ROW_ERROR = _E.RowError(3, "score", "x", "not a number")
# One valid call per error class; junk goes to every argument.
_ERROR_CALLS: dict[type[OpinippError], Call] = {
    OpinippError: (("a message",), {}),
    _E.InvalidScoreError: (("101", "above 100.00"), {}),
    _E.InvalidEntityError: (("Pemda", "code", "99.99", "a Kemendagri code"), {}),
    _E.InvalidArgumentError: (("ties", "x", "min, dense or ordinal"), {}),
    _E.UnknownRegionError: (("Atlantis", "province", ["Aceh"]), {"reason": None}),
    _E.AmbiguousNameError: (("Banjar", ["Kabupaten Banjar", "Kota Banjar"]), {}),
    _E.RulesNotAvailableError: ((2020, (2021, 2022), "no assessment"), {}),
    _E.NotApplicableError: (("Tanpa Maladministrasi", 2023, "from 2025"), {}),
    _E.DuplicateEntityError: ((_MUBAR, National(PemdaKind.KABUPATEN)), {}),
    _E.MixedYearsError: (([2022, 2023], "a ranking"), {}),
    _E.OutOfScopeError: ((_MUBAR, Provincial(_SULTRA), "Pemdas of Sultra"), {}),
    _E.InvalidTextError: (("x", "a date", "no month"), {}),
    _E.RowError: ((3, "score", "x", "not a number"), {}),
    _E.InvalidDataError: (("bad file", [_ROW_ERROR]), {}),
    _E.MissingExtraError: (("pandas", "pandas"), {}),
}
ERROR_ENTRIES: tuple[Entry, ...] = tuple(
    Entry(cls.__name__, cls, fixed_calls([call]), len(call[0]), tuple(call[1]), returns=cls)
    for cls, call in _ERROR_CALLS.items()
)


# --- the entry points ---------------------------------------------------------------------

_NONE = type(None)

ENTRIES: tuple[Entry, ...] = (
    # scores
    Entry("Score", Score, calls(_score_likes), 1, returns=Score),
    Entry(
        "Score.from_hundredths",
        Score.from_hundredths,
        calls(st.integers(0, 10_000)),
        1,
        returns=Score,
    ),
    Entry(
        "Score.rounded",
        Score.rounded,
        calls(st.decimals(0, 100) | _score_likes),
        1,
        returns=Score,
    ),
    Entry(
        "Score.format",
        method("format"),
        calls(_scores, st.sampled_from(["en", "id"])),
        1,
        fixed=1,
        returns=str,
    ),
    # entities
    attrs_entry("Province", Province, regions.provinces()),
    attrs_entry("Pemda", Pemda, regions.pemdas()),
    attrs_entry(
        "Instansi", Instansi, (a.entity for a in PUBLISHED if isinstance(a.entity, Instansi))
    ),
    attrs_entry("OPD", OPD, (a.entity for a in PUBLISHED if isinstance(a.entity, OPD))),
    attrs_entry(
        "Puskesmas", Puskesmas, (a.entity for a in PUBLISHED if isinstance(a.entity, Puskesmas))
    ),
    attrs_entry("Rsud", Rsud, (a.entity for a in PUBLISHED if isinstance(a.entity, Rsud))),
    # assessments
    attrs_entry("Assessment", Assessment, PUBLISHED),
    Entry(
        "Assessment.grade",
        lambda a: a.grade,
        # No argument to junk: published assessments and generated ones, 10,000 distinct.
        st.one_of(fixed_calls(((a,), {}) for a in PUBLISHED), calls(assessments())),
        0,
        returns=Grade,
    ),
    attrs_entry(
        "PublishedResult", PublishedResult, (a.published for a in PUBLISHED if a.published)
    ),
    # rules
    Entry("rules_for", rules.rules_for, calls(_years), 1, returns=RuleSet),
    attrs_entry("Band", Band, BANDS),
    Entry(
        "Band.contains",
        method("contains"),
        calls(_choice(BANDS), _score_likes),
        1,
        fixed=1,
        returns=bool,
    ),
    Entry(
        "Band.name",
        method("name"),
        calls(_choice(BANDS), _langs),
        1,
        fixed=1,
        returns=str,
    ),
    Entry(
        "Band.short_name",
        method("short_name"),
        calls(_choice(BANDS), _langs, quality=_bools),
        1,
        ("quality",),
        fixed=1,
        returns=str,
    ),
    Entry(
        "Band.tags",
        method("tags"),
        calls(_choice(BANDS), _langs),
        1,
        fixed=1,
        returns=tuple,
    ),
    attrs_entry("RuleSet", RuleSet, RULE_SETS),
    Entry(
        "RuleSet.target",
        method("target"),
        calls(rule_sets(), _targets, year=_years),
        1,
        ("year",),
        fixed=1,
        returns=tuple,
    ),
    Entry(
        "RuleSet.opinion_of",
        method("opinion_of"),
        calls(rule_sets(), _choice(BANDS), qualified=_bools, lang=_langs),
        1,
        ("qualified", "lang"),
        fixed=1,
        returns=(str, _NONE),
    ),
    Entry(
        "RuleSet.target_names",
        method("target_names"),
        calls(rule_sets()),
        0,
        returns=tuple,
    ),
    Entry("RuleSet.covers", method("covers"), calls(rule_sets(), _years), 1, fixed=1, returns=bool),
    Entry(
        "RuleSet.band_for",
        method("band_for"),
        calls(rule_sets(), _score_likes),
        1,
        fixed=1,
        returns=Band,
    ),
    Entry(
        "RuleSet.above_scale",
        method("above_scale"),
        calls(rule_sets(), _scores),
        1,
        fixed=1,
        returns=InvalidScoreError,
    ),
    # zoning
    Entry(
        "classify",
        zoning.classify,
        calls(_score_likes, _years, tanpa_maladministrasi=_optional_bools),
        2,
        ("tanpa_maladministrasi",),
        returns=Grade,
    ),
    Entry(
        "score_from_dimensions",
        zoning.score_from_dimensions,
        calls(_dimension_maps, _years),
        2,
        returns=Score,
    ),
    Entry(
        "pemda_score",
        zoning.pemda_score,
        calls(st.lists(_score_likes, max_size=4), _years),
        2,
        returns=Score,
    ),
    attrs_entry("Grade", Grade, GRADES),
    Entry(
        "Grade.of",
        _grade_of_year,
        fixed_calls(((g.rule_set, g.band, g.year, g.tanpa_maladministrasi), {}) for g in GRADES),
        4,
        returns=Grade,
    ),
    # years
    Entry("assessment_year", years.assessment_year, calls(_years), 1, returns=AssessmentYear),
    attrs_entry("AssessmentYear", AssessmentYear, ASSESSMENT_YEARS),
    Entry(
        "AssessmentYear.assessed",
        method("assessed"),
        calls(_choice(ASSESSMENT_YEARS), _entity_kinds),
        1,
        fixed=1,
        returns=(int, _NONE),
    ),
    Entry(
        "AssessmentYear.zones_of",
        method("zones_of"),
        calls(_choice(ASSESSMENT_YEARS), _entity_kinds),
        1,
        fixed=1,
        returns=object,
    ),
    # regions
    Entry(
        "regions.province",
        regions.province,
        calls(st.one_of(provinces().map(lambda p: p.name), st.sampled_from(["Sultra", "74"]))),
        1,
        returns=Province,
    ),
    Entry(
        "regions.pemda",
        regions.pemda,
        calls(
            st.one_of(pemdas().map(lambda p: p.full_name), pemdas().map(lambda p: p.code)),
            kind=st.none() | _pemda_kinds,
            province=st.none() | provinces(),
        ),
        1,
        ("kind", "province"),
        returns=Pemda,
    ),
    Entry(
        "regions.pemdas",
        regions.pemdas,
        calls(province=st.none() | provinces(), kind=st.none() | _pemda_kinds),
        0,
        ("province", "kind"),
        returns=tuple,
    ),
    Entry(
        "regions.provincial_government",
        regions.provincial_government,
        calls(provinces() | provinces().map(lambda p: p.code)),
        1,
        returns=Pemda,
    ),
    Entry(
        "regions.regency_count",
        regions.regency_count,
        calls(provinces() | provinces().map(lambda p: p.code), st.integers(2010, 2030)),
        2,
        returns=(int, _NONE),
    ),
    # locale_id
    Entry(
        "parse_number",
        locale_id.parse_number,
        calls(_score_likes.map(str)),
        1,
        returns=Decimal,
    ),
    Entry(
        "parse_score",
        locale_id.parse_score,
        calls(_scores.map(lambda s: s.format("id"))),
        1,
        returns=Score,
    ),
    Entry(
        "parse_date",
        locale_id.parse_date,
        calls(_dates.map(locale_id.format_date)),
        1,
        returns=dt.date,
    ),
    Entry(
        "parse_datetime",
        locale_id.parse_datetime,
        calls(st.sampled_from(["Selasa 4 Februari 2025 10.00 WITA", "14 Desember 2023"])),
        1,
        returns=dt.datetime,
    ),
    Entry(
        "format_number",
        locale_id.format_number,
        calls(
            st.one_of(_scores, st.decimals(-(10**6), 10**6, places=3), st.integers()),
            lang=st.sampled_from(["id", "en"]),
            places=st.integers(0, 4),
        ),
        1,
        ("lang", "places"),
        returns=str,
    ),
    Entry(
        "format_date",
        locale_id.format_date,
        calls(_dates, weekday=_bools),
        1,
        ("weekday",),
        returns=str,
    ),
    # ranking
    Entry(
        "National",
        National,
        calls(st.sampled_from([*PemdaKind, *InstansiKind])),
        1,
        returns=National,
    ),
    Entry(
        "Provincial",
        Provincial,
        calls(provinces(), include_provinsi=_bools),
        1,
        ("include_provinsi",),
        returns=Provincial,
    ),
    Entry("WithinPemda", WithinPemda, calls(pemdas()), 1, returns=WithinPemda),
    Entry(
        "Scope.official_population",
        method("official_population"),
        calls(scopes(), _years),
        1,
        fixed=1,
        returns=(int, _NONE),
        covers=_scope_methods("official_population"),
    ),
    Entry(
        "Scope.admits",
        method("admits"),
        calls(scopes(), st.one_of(entities(), _choice(SCORED).map(lambda a: a.entity))),
        1,
        fixed=1,
        returns=bool,
        covers=_scope_methods("admits"),
    ),
    Entry(
        "Scope.expected",
        method("expected"),
        calls(scopes()),
        0,
        returns=str,
        covers=_scope_methods("expected"),
    ),
    Entry(
        "Scope.population_words",
        method("population_words"),
        calls(scopes(), st.integers(0, 600)),
        1,
        fixed=1,
        returns=str,
        covers=_scope_methods("population_words"),
    ),
    attrs_entry("RankedEntry", RankedEntry, ENTRIES_OF_RANKINGS),
    Entry(
        "RankedEntry.grade",
        lambda e: e.grade,
        fixed_calls(((e,), {}) for e in ENTRIES_OF_RANKINGS),
        0,
        returns=Grade,
    ),
    Entry(
        "Ranking",
        _ranking_constructor,
        fixed_calls(((_assessments_of(r), r.scope), {"ties": r.ties}) for r in RANKINGS),
        2,
        ("ties",),
        returns=Ranking,
    ),
    Entry(
        "rank",
        ranking.rank,
        fixed_calls(((_assessments_of(r), r.scope), {"ties": r.ties}) for r in RANKINGS),
        2,
        ("ties",),
        returns=Ranking,
    ),
    Entry("Ranking.find", method("find"), _lookups, 1, fixed=1, returns=RankedEntry),
    Entry("Ranking.describe", method("describe"), _lookups, 1, fixed=1, returns=str),
    # gaps
    Entry(
        "gap_to_next_tier",
        gaps.gap_to_next_tier,
        calls(_score_likes, _years),
        2,
        returns=(gaps.Gap, _NONE),
    ),
    Entry("gap_to", gaps.gap_to, calls(_score_likes, _years, _targets), 3, returns=gaps.Gap),
    Entry(
        "points_to_rank",
        gaps.points_to_rank,
        st.one_of(
            fixed_calls(((r, e.entity, 1), {}) for r in RANKINGS for e in list(r)[-2:]),
            calls(_choice(RANKINGS), entities(), st.integers(1, 5), beat=_bools),
        ),
        3,
        ("beat",),
        returns=Decimal,
    ),
    attrs_entry("Gap", gaps.Gap, GAPS),
    # trends
    Entry("compare", trends.compare, fixed_calls((p, {}) for p in PAIRS), 2, returns=Change),
    attrs_entry("Change", Change, (Change(*p) for p in PAIRS)),
    Entry(
        "series",
        trends.series,
        fixed_calls(((h, h[0].entity), {}) for h in HISTORIES),
        2,
        returns=Series,
    ),
    Entry(
        "Series",
        Series,
        fixed_calls(((h[0].entity, h), {}) for h in HISTORIES),
        2,
        returns=Series,
    ),
    # serialization
    Entry(
        "to_json",
        serialization.to_json,
        calls(
            st.one_of(_choice(PUBLISHED), _choice(GRADES), _scores, entities()),
            indent=st.none() | st.integers(0, 4),
        ),
        1,
        ("indent",),
        returns=str,
    ),
    Entry(
        "from_json",
        serialization.from_json,
        calls(_json_texts, st.sampled_from([Assessment, Score, Pemda, Province, Grade, OPD])),
        2,
        returns=object,
    ),
    Entry(
        "assessments_to_json",
        serialization.assessments_to_json,
        calls(_small_sets, indent=st.none() | st.integers(0, 4)),
        1,
        ("indent",),
        returns=str,
    ),
    Entry(
        "assessments_from_json",
        serialization.assessments_from_json,
        calls(_json_texts),
        1,
        returns=tuple,
    ),
    Entry(
        "read_csv",
        _read_csv_text,
        calls(_csv_texts, errors=st.sampled_from(["collect", "raise"])),
        1,
        ("errors",),
        returns=tuple,
    ),
    Entry(
        "read_csv(path)",
        serialization.read_csv,
        calls(st.just(_MISSING_DIR / "x.csv")),
        1,
        returns=tuple,
        raises=(OpinippError, OSError),
        junk=not_text_junk(),
    ),
    Entry("write_csv", _write_csv_to_text, calls(_small_sets), 1, returns=_NONE),
    Entry(
        "write_csv(target)",
        serialization.write_csv,
        calls(_small_sets, st.just(_MISSING_DIR / "out.csv")),
        2,
        returns=_NONE,
        raises=(OpinippError, OSError),
        junk=not_text_junk(),
    ),
    # datasets
    Entry("audit", datasets.audit, calls(st.none() | _small_sets), 1, returns=tuple),
    attrs_entry("Disagreement", datasets.Disagreement, DISAGREEMENTS),
    Entry(
        "reference",
        datasets.reference,
        calls(_choice([r.key for r in datasets.references()])),
        1,
        returns=datasets.Reference,
    ),
    attrs_entry("Reference", datasets.Reference, datasets.references()[:20]),
    Entry(
        "check_unit_means",
        datasets.check_unit_means,
        calls(st.none() | _small_sets),
        1,
        returns=tuple,
    ),
    attrs_entry("UnitMeanCheck", datasets.UnitMeanCheck, datasets.check_unit_means()),
    # frames
    Entry(
        "to_pandas",
        frames.to_pandas,
        calls(st.one_of(_small_sets, _choice(RANKINGS))),
        1,
        returns=pd.DataFrame,
    ),
    Entry(
        "from_pandas",
        _from_pandas_cell,
        calls(
            st.just(_KEEP),
            _choice(_FRAMES),
            st.sampled_from(["entity", "kind", "province", "year", "score", "zone"]),
            errors=st.sampled_from(["collect", "raise"]),
        ),
        2,
        ("errors",),
        returns=tuple,
    ),
    # strategies: junk in the arguments, InvalidArgument when drawn
    *STRATEGY_ENTRIES,
    # errors: built from junk, their messages still render
    *ERROR_ENTRIES,
    # the command line
    Entry("cli.main", _cli_main, calls(_argvs), 1, returns=int),
)

# Public callables with nothing to fuzz: they take no argument, or are type aliases.
NOT_FUZZED = frozenset(
    {
        "covered_years",
        "not_held_years",
        "rule_sets",
        "provinces",
        "published_results",
        "references",
        "make_converter",
        "Entity",
        "Unit",
        "ScoreLike",
        "Scope",
        "Ties",
        "Lang",
        "DimensionScores",
        "Field",
        "ErrorMode",
    }
)

FUZZED_MODULES = (
    opinipp,
    scores,
    rules,
    zoning,
    years,
    regions,
    locale_id,
    ranking,
    gaps,
    trends,
    serialization,
    datasets,
    frames,
    opinipp.entities,
    opinipp.assessments,
    opinipp.errors,
    opinipp.strategies,
    cli,
)


_MEMORY_HEADROOM = 2 * 1024**3


@pytest.fixture
def memory_cap() -> Iterator[None]:
    """Cap the address space while fuzzing, so a memory bomb fails fast (Linux only).

    Junk such as ``indent=10**9`` can make a function build gigabytes; under the cap it
    raises MemoryError, which the test reports, instead of exhausting the machine.
    """
    try:
        import resource

        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (ImportError, OSError):  # not Linux: run without the cap
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = pages * resource.getpagesize() + _MEMORY_HEADROOM
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


CALL_SECONDS = 5.0
"""The most one call (with its draw and the checks of its result) may take."""
MAX_MESSAGE = 2_000
"""The longest str or repr of an error, whatever the input (even a 10 MB string)."""


class TooSlowError(BaseException):
    """One call took more than ``CALL_SECONDS`` (a BaseException: no ``except`` hides it)."""


def _too_slow(_signum: int, _frame: object) -> None:
    raise TooSlowError(f"the call took more than {CALL_SECONDS} s")


@contextlib.contextmanager
def time_limit() -> Iterator[None]:
    """Interrupt a call that runs longer than ``CALL_SECONDS`` (where SIGALRM exists)."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - not POSIX
        yield
        return
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, CALL_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.usefixtures("memory_cap")
@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_junk_raises_only_documented_errors(entry: Entry) -> None:
    made = 0

    @FUZZ
    @given(call=junked(entry), data=st.data() if entry.draws else st.none())
    def fuzz(call: Call, data: st.DataObject | None) -> None:
        nonlocal made
        made += 1
        check_one_call(entry, call, data)

    fuzz()
    # Hypothesis stops early when it runs out of distinct inputs; the junk never runs out
    # (a call without arguments to junk may run out: a strategy without arguments).
    if entry.positional or entry.keywords:
        assert made >= FUZZ_EXAMPLES, f"{entry.name}: {made} examples, not {FUZZ_EXAMPLES}"
    assert made


def check_one_call(entry: Entry, call: Call, data: st.DataObject | None) -> None:
    """Call ``entry``: a documented error with a message, or a result of the documented type.

    The call, the draw from a returned strategy and the checks of the result run under the
    time limit; an escaping error is checked outside it.
    """
    args, kwargs = map(resolve, call)
    raises: tuple[type[BaseException], ...] = (
        (*entry.raises, InvalidArgument) if entry.draws else entry.raises
    )
    try:
        try:
            with time_limit():
                result = entry.call(*args, **kwargs)
                if data is not None:
                    assert isinstance(result, SearchStrategy), f"{type(result)} is no strategy"
                    result = data.draw(result)
                assert isinstance(result, entry.returns), (
                    f"{type(result).__name__} is not {entry.returns}"
                )
                check_result(result)
        except raises as error:
            check_error(error)
    except BaseException:
        note(f"failing call: {entry.name}(*{call[0]!r:.2000}, **{call[1]!r:.2000})")
        raise


def builtin_bases(cls: type) -> tuple[type, ...]:
    """The builtin exception classes an error class subclasses, besides Exception."""
    return tuple(
        c
        for c in cls.__mro__
        if c.__module__ == "builtins" and c not in {BaseException, Exception, object}
    )


def check_error(error: BaseException) -> None:
    """An escaping error: documented, also its builtin, and its str and repr short."""
    if isinstance(error, OpinippError):
        assert builtin_bases(type(error)), (
            f"{type(error).__name__} escaped: expected an OpinippError that is also a "
            "ValueError, LookupError or TypeError"
        )
        check_renders(error)
        if isinstance(error, opinipp.errors.InvalidDataError):
            for member in error.exceptions:
                assert isinstance(member, OpinippError), f"{type(member)} in InvalidDataError"
                check_error(member)
    else:  # Hypothesis's InvalidArgument (its message may show a strategy), or an OSError
        assert str(error)
        assert repr(error)


def check_renders(error: BaseException, *, empty: bool = False) -> None:
    """The str and repr of an error render, in at most ``MAX_MESSAGE`` characters.

    Only an error built by the caller (``empty``) may have an empty message.
    """
    text, shown = str(error), repr(error)
    assert text or empty, f"{type(error).__name__} has no message"
    assert len(text) <= MAX_MESSAGE, f"str of {len(text)} characters: {text[:300]!r}…"
    assert len(shown) <= MAX_MESSAGE, f"repr of {len(shown)} characters: {shown[:300]!r}…"


def check_result(result: object) -> None:
    """A returned opinipp value: its public properties, str, repr and hash work."""
    if isinstance(result, BaseException):  # an error class, called with junk
        check_renders(result, empty=True)
        return
    cls = type(result)
    if not cls.__module__.startswith("opinipp.") or isinstance(result, enum.Enum):
        return
    for name in _properties(cls):
        getattr(result, name)
    assert str(result)
    assert repr(result)
    if cls.__hash__ is not None:
        hash(result)


_PROPERTIES: dict[type, tuple[str, ...]] = {}


def _properties(cls: type) -> tuple[str, ...]:
    """The public properties and fields of a class."""
    if cls not in _PROPERTIES:
        _PROPERTIES[cls] = tuple(
            name
            for name in dir(cls)
            if not name.startswith("_")
            and isinstance(
                inspect.getattr_static(cls, name), (property, types.MemberDescriptorType)
            )
        )
    return _PROPERTIES[cls]


def _public_callables() -> set[str]:
    """Every public function and class, and every public method of a public class.

    Strategies are named ``strategies.<name>``, methods ``<Class>.<name>``.
    """
    names: set[str] = set()
    for module in FUZZED_MODULES:
        prefix = "strategies." if module is opinipp.strategies else ""
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.ismodule(obj) or not callable(obj):
                continue
            if inspect.isclass(obj) and issubclass(obj, (enum.Enum, Warning)):
                continue
            names.add(prefix + name)
            if inspect.isclass(obj) and not issubclass(obj, BaseException):
                names.update(
                    f"{name}.{attr}"
                    for attr, value in vars(obj).items()
                    if not attr.startswith("_")
                    and isinstance(value, (types.FunctionType, classmethod, staticmethod))
                )
    return names


def _fuzzed_names(entry: Entry) -> set[str]:
    """The public names an entry fuzzes: its own, a module function's bare name, ``covers``."""
    base = entry.name.split("(")[0]
    names = {base, *entry.covers}
    module, _, bare = base.rpartition(".")
    if module and module[0].islower() and module != "strategies":  # regions.pemda
        names.add(bare)
    return names


def test_every_public_callable_is_fuzzed() -> None:
    fuzzed = set().union(*map(_fuzzed_names, ENTRIES))
    missing = _public_callables() - fuzzed - NOT_FUZZED
    assert missing == set(), f"add a fuzz entry for {sorted(missing)}"


def test_the_public_callables_include_methods_strategies_and_errors() -> None:
    # The enumeration reaches the consolidation's new methods, the strategies and the errors.
    found = _public_callables()
    for name in (
        "Band.name",
        "Band.short_name",
        "Band.tags",
        "RuleSet.target",
        "RuleSet.target_names",
        "RuleSet.opinion_of",
        "Ranking",
        "Score.rounded",
        "strategies.rankings",
        "strategies.scores",
        "from_pandas",
        "InvalidDataError",
    ):
        assert name in found, name


def test_the_profile_sets_the_number_of_examples() -> None:
    expected = {"ci": 2_000, "fuzz": 10_000}.get(settings.get_current_profile_name(), 200)
    assert FUZZ.max_examples == expected == FUZZ_EXAMPLES
