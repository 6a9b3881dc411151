"""Hypothesis strategies for opinipp's types, for property tests of code that uses opinipp.

Needs the ``hypothesis`` extra: ``pip install 'opinipp[hypothesis]'``. This is the only
module of opinipp that imports Hypothesis; ``import opinipp`` never does.

The strategies follow Hypothesis's own conventions: plural names, ``min_value`` and
``max_value`` first and every other argument keyword-only, the whole valid space by default,
arguments that may vary given as strategies, and :class:`~hypothesis.errors.InvalidArgument`
for bad arguments. Every value is valid by construction (no ``.filter``), and every strategy
shrinks towards a simple example: scores towards ``min_value``, years towards the oldest,
regions towards the first in Kemendagri order, collections towards empty.

Once the package is installed, ``st.from_type`` knows every opinipp type, through the
``hypothesis`` entry point (``st.from_type(Score)`` is :func:`scores`).

>>> from hypothesis import given
>>> from opinipp.zoning import classify
>>> @given(scores(min_value="88.00"), years(with_categories=True))
... def test_88_and_above_is_category_a(score, year):
...     assert classify(score, year).category.value == "A"
>>> test_88_and_above_is_category_a()
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar, Union

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from opinipp import regions
from opinipp._checks import exact_int, exact_text, find_member
from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import (
    OPD,
    Entity,
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
from opinipp.errors import OpinippError, _show
from opinipp.gaps import Gap, gap_to
from opinipp.ranking import (
    National,
    Provincial,
    RankedEntry,
    Ranking,
    Scope,
    Ties,
    WithinPemda,
    rank,
)
from opinipp.rules import Band, RuleSet, covered_years, rules_for
from opinipp.rules import rule_sets as _all_rule_sets
from opinipp.scores import MAX_SCORE, MIN_SCORE, Score, ScoreLike
from opinipp.trends import Change, Series
from opinipp.years import AssessmentYear, assessment_year
from opinipp.zoning import Grade, classify

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

    from opinipp.ipp import IppResult
    from opinipp.skm import IkmResult, Responses, SkmRules

__all__ = [
    "assessment_sets",
    "assessments",
    "boundary_scores",
    "entities",
    "grades",
    "ikm_results",
    "instansis",
    "ipp_results",
    "ipp_scores",
    "opds",
    "pemdas",
    "provinces",
    "puskesmas",
    "rankings",
    "rsuds",
    "rule_sets",
    "scopes",
    "scores",
    "skm_responses",
    "years",
]

T = TypeVar("T")

KindLike = Union[EntityKind, PemdaKind, InstansiKind, str]  # noqa: UP007 - runtime alias on 3.10
"""A kind of entity: an :class:`~opinipp.entities.EntityKind`, a ``PemdaKind``, an
``InstansiKind`` or its value (``"kabupaten"``, ``"kementerian"``, …)."""

_STEP: Final = 1  # hundredths: the resolution of a score
_TIES: Final[tuple[Ties, ...]] = ("min", "dense", "ordinal")

# Central government bodies assessed in 2021–2025 [R24][R30][R42][R60][R79], with their usual
# abbreviations. Names are as the Ombudsman's releases write them.
_KEMENTERIAN: Final = (
    ("Kementerian Agama", "Kemenag"),
    ("Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional", "ATR/BPN"),
    ("Kementerian Dalam Negeri", "Kemendagri"),
    ("Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", "Kemendes PDTT"),
    ("Kementerian Energi dan Sumber Daya Mineral", "ESDM"),
    ("Kementerian Hukum dan Hak Asasi Manusia", "Kemenkumham"),
    ("Kementerian Kelautan dan Perikanan", "KKP"),
    ("Kementerian Kesehatan", "Kemenkes"),
    ("Kementerian Ketenagakerjaan", "Kemnaker"),
    ("Kementerian Keuangan", "Kemenkeu"),
    ("Kementerian Komunikasi dan Digital", "Komdigi"),
    ("Kementerian Koperasi dan Usaha Kecil dan Menengah", "Kemenkop UKM"),
    ("Kementerian Lingkungan Hidup dan Kehutanan", "KLHK"),
    ("Kementerian Luar Negeri", "Kemlu"),
    ("Kementerian Pekerjaan Umum dan Perumahan Rakyat", "PUPR"),
    ("Kementerian Pelindungan Pekerja Migran Indonesia", "KP2MI"),
    ("Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi", "Kemendikbudristek"),
    ("Kementerian Perdagangan", "Kemendag"),
    ("Kementerian Perhubungan", "Kemenhub"),
    ("Kementerian Perindustrian", "Kemenperin"),
    ("Kementerian Pertahanan", "Kemhan"),
    ("Kementerian Pertanian", "Kementan"),
    ("Kementerian Pemuda dan Olahraga", "Kemenpora"),
    ("Kementerian Sekretariat Negara", "Kemensetneg"),
    ("Kementerian Sosial", "Kemensos"),
)
_LEMBAGA: Final = (
    ("Badan Informasi Geospasial", "BIG"),
    ("Badan Kepegawaian Negara", "BKN"),
    ("Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG"),
    ("Badan Narkotika Nasional", "BNN"),
    ("Badan Nasional Sertifikasi Profesi", "BNSP"),
    ("Badan Pengawas Obat dan Makanan", "BPOM"),
    ("Badan Pengawas Tenaga Nuklir", "Bapeten"),
    ("Badan Pengkajian dan Penerapan Teknologi", "BPPT"),
    ("Badan Pusat Statistik", "BPS"),
    ("Badan Standardisasi Nasional", "BSN"),
    ("Badan Tenaga Nuklir Nasional", "Batan"),
    ("Kepolisian Negara Republik Indonesia", "Polri"),
    ("Konsil Kedokteran Indonesia", "KKI"),
    ("Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah", "LKPP"),
)

# Place words for the names of Puskesmas and RSUD; several are real loci [R63][R65][R94].
_PLACES: Final = (
    "Pancur",
    "Sulang",
    "Tiworo",
    "Eromoko",
    "Pontang",
    "Wonogiri",
    "Sukamaju",
    "Sukajadi",
    "Sidomulyo",
    "Sumbersari",
    "Karangrejo",
    "Mekarsari",
    "Tanjung Harapan",
    "Kampung Baru",
    "Bukit Kemuning",
    "Sungai Lilin",
    "Batu Ampar",
    "Air Putih",
    "Lubuk Pakam",
    "Sei Rampah",
    "Kota Agung",
    "Simpang Empat",
    "Talang Ubi",
    "Rawa Jitu",
    "Banjarsari",
    "Ngemplak",
    "Kawangkoan",
    "Tondano",
    "Wangi-Wangi",
    "Lasalimu",
)
_NUMERALS: Final = ("", " I", " II", " III")
_OTHER_OPD_NAMES: Final = (
    "Dinas Perhubungan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Lingkungan Hidup",
    "Dinas Tenaga Kerja",
    "Dinas Pertanian",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Perindustrian dan Perdagangan",
    "Badan Pendapatan Daerah",
    "Satuan Polisi Pamong Praja",
)


# ---------------------------------------------------------------------------------------
# Argument checks: each turns a value into what the strategies need, or raises
# InvalidArgument naming the argument and what it accepts.


def _invalid(argument: str, value: object, expected: str) -> InvalidArgument:
    return InvalidArgument(f"{argument}={_show(value)} is invalid: expected {expected}")


def _score_argument(argument: str, value: object) -> Score:
    try:
        return Score(value)  # type: ignore[arg-type]
    except OpinippError as error:
        raise _invalid(argument, value, f"a score (0.00 to 100.00): {error}") from error


def _year_argument(value: object, argument: str = "year") -> int:
    year = exact_int(value)
    if year is None or year not in covered_years():
        covered = ", ".join(str(y) for y in covered_years())
        raise _invalid(argument, value, f"an assessment year with rules ({covered})")
    return year


def _optional_bool(argument: str, value: object) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise _invalid(argument, value, "True, False or None")
    return value


_MAX_SIZE: Final = 1_000_000
"""The largest size argument a strategy takes (far above any collection Hypothesis draws)."""


def _size_argument(argument: str, value: object, minimum: int = 0) -> int:
    size = exact_int(value)
    if size is None or not minimum <= size <= _MAX_SIZE:
        raise _invalid(argument, value, f"a whole number from {minimum} to {_MAX_SIZE:,}")
    return size


def _entity_kind(value: object) -> EntityKind | None:
    if value is None:
        return None
    found = find_member(EntityKind, value)
    if found is not None:
        return found
    expected = "None, an EntityKind, PemdaKind or InstansiKind, or one of " + ", ".join(
        repr(k.value) for k in EntityKind
    )
    raise _invalid("kind", value, expected)


def _pemda_kind(value: object) -> PemdaKind | None:
    kind = _entity_kind(value)
    if kind is None:
        return None
    found = find_member(PemdaKind, kind.value)
    if found is not None:
        return found
    raise _invalid("kind", value, "None, a PemdaKind or one of 'provinsi', 'kabupaten', 'kota'")


def _instansi_kind(value: object) -> InstansiKind | None:
    kind = _entity_kind(value)
    if kind is None:
        return None
    found = find_member(InstansiKind, kind.value)
    if found is not None:
        return found
    raise _invalid("kind", value, "None, an InstansiKind, 'kementerian' or 'lembaga'")


def _opd_kind(value: object) -> OPDKind | None:
    if value is None:
        return None
    found = find_member(OPDKind, value)
    if found is not None:
        return found
    raise _invalid("kind", value, "None, an OPDKind or one of its values ('dinkes', …)")


def _province_argument(value: object) -> Province | None:
    if value is None:
        return None
    text = exact_text(value)
    try:
        if isinstance(value, Province):
            return regions.provincial_government(value).province
        if text is not None:
            return regions.province(text)
    except OpinippError as error:
        raise _invalid("province", value, f"a known province: {error}") from error
    raise _invalid("province", value, "None, a Province, or a province name or code")


def _pemda_argument(value: object) -> Pemda | None:
    if value is None or isinstance(value, Pemda):
        return value
    text = exact_text(value)
    if text is not None:
        try:
            return regions.pemda(text)
        except OpinippError as error:
            raise _invalid("pemda", value, f"a known Pemda: {error}") from error
    raise _invalid("pemda", value, "None, a Pemda, or a Pemda name or code")


def _scope_argument(value: object) -> Scope | None:
    if value is None or isinstance(value, (National, Provincial, WithinPemda)):
        return value
    raise _invalid(
        "scope", value, "None, National(kind), Provincial(province) or WithinPemda(pemda)"
    )


def _ties_argument(value: object) -> Ties | None:
    if value is None:
        return None
    text = exact_text(value)
    for mode in _TIES:
        if text == mode:
            return mode
    raise _invalid("ties", value, "None, 'min', 'dense' or 'ordinal'")


def _choice(pool: tuple[T, ...]) -> SearchStrategy[T]:
    """Sample from ``pool`` through its indices, shrinking towards the first item.

    Unlike ``st.sampled_from(pool)``, the strategy's repr stays short however long and rich
    the pool is (Hypothesis warns about, and spends time on, reprs of many kilobytes).
    """
    return st.sampled_from(range(len(pool))).map(pool.__getitem__)


def _varying(value: object, check: Callable[[object], T]) -> SearchStrategy[T]:
    """A strategy for an argument that may be a value or a strategy of values.

    A value is checked now; values drawn from a strategy are checked as they are drawn.
    """
    if isinstance(value, SearchStrategy):
        return value.map(check)
    return st.just(check(value))


# ---------------------------------------------------------------------------------------
# Scores and years


def scores(
    min_value: ScoreLike = MIN_SCORE, max_value: ScoreLike = MAX_SCORE
) -> SearchStrategy[Score]:
    """Generate scores from ``min_value`` to ``max_value`` (both inclusive, 0.01 apart).

    Built from whole numbers of hundredths, so every two-decimal score in the range can
    appear and examples shrink towards ``min_value``. The bounds accept anything
    :class:`~opinipp.scores.Score` accepts; bad bounds, or ``min_value`` above
    ``max_value``, raise :class:`~hypothesis.errors.InvalidArgument`.

    >>> from hypothesis import given
    >>> from opinipp.zoning import classify
    >>> @given(scores("54.00", "77.99"))
    ... def test_kuning_in_2023(score):
    ...     assert classify(score, 2023).zone.value == "kuning"
    >>> test_kuning_in_2023()
    """
    low = _score_argument("min_value", min_value)
    high = _score_argument("max_value", max_value)
    if low > high:
        raise InvalidArgument(f"min_value={low!r} is above max_value={high!r}")
    return st.integers(low.hundredths, high.hundredths).map(Score.from_hundredths)


@functools.cache
def _edges(year: int | None) -> tuple[Score, ...]:
    chosen = _all_rule_sets() if year is None else (rules_for(year),)
    found: set[int] = set()
    for rule_set in chosen:
        top = rule_set.scale_max.hundredths
        for edge in (*(band.lower.hundredths for band in rule_set.bands), top):
            found.update(h for h in (edge - _STEP, edge, edge + _STEP) if 0 <= h <= top)
    return tuple(Score.from_hundredths(h) for h in sorted(found))


def boundary_scores(year: int | None = None) -> SearchStrategy[Score]:
    """Generate the scores where the rules of ``year`` change, and their neighbours.

    Every band's lower bound and the scores 0.01 either side of it, and the top of the
    scale and the score below it: for 2022–2024, 87.99, 88.00 and 88.01 around the A
    band, 77.99, 78.00 and 78.01 around B, and so on, plus 0.00, 0.01, 99.99 and 100.00
    (74.99 and 75.00 in 2015, whose scale ends at 75). With ``year=None``, the
    edges of every year. These are the scores where an off-by-0.01 mistake shows; mix them
    with :func:`scores` (``st.one_of(boundary_scores(y), scores())``) for broad tests.

    >>> from hypothesis import given
    >>> from opinipp.rules import rules_for
    >>> @given(boundary_scores(2023))
    ... def test_exactly_one_band(score):
    ...     bands = rules_for(2023).bands
    ...     assert [b.contains(score) for b in bands].count(True) == 1
    >>> test_exactly_one_band()
    >>> [str(s) for s in _edges(2023) if 87 < s.value < 89]
    ['87.99', '88.00', '88.01']
    """
    if year is not None:
        year = _year_argument(year)
    return st.sampled_from(_edges(year))


def _year_pool(
    min_value: object,
    max_value: object,
    with_zones: object,
    with_categories: object,
    with_tanpa_maladministrasi: object,
) -> tuple[int, ...]:
    low = None if min_value is None else _bounded_year("min_value", min_value)
    high = None if max_value is None else _bounded_year("max_value", max_value)
    if low is not None and high is not None and low > high:
        raise InvalidArgument(f"min_value={_show(low)} is above max_value={_show(high)}")
    wants = {
        "has_zones": _optional_bool("with_zones", with_zones),
        "has_categories": _optional_bool("with_categories", with_categories),
        "has_tanpa_maladministrasi": _optional_bool(
            "with_tanpa_maladministrasi", with_tanpa_maladministrasi
        ),
    }
    pool = tuple(
        y
        for y in covered_years()
        if (low is None or y >= low)
        and (high is None or y <= high)
        and all(want is None or getattr(rules_for(y), flag) is want for flag, want in wants.items())
    )
    if not pool:
        raise InvalidArgument(
            f"no assessment year satisfies min_value={_show(low)}, "
            f"max_value={_show(high)}, with_zones={with_zones!r}, "
            f"with_categories={with_categories!r}, "
            f"with_tanpa_maladministrasi={with_tanpa_maladministrasi!r}; covered years: "
            + ", ".join(str(y) for y in covered_years())
        )
    return pool


def _bounded_year(argument: str, value: object) -> int:
    year = exact_int(value)
    if year is None:
        raise _invalid(argument, value, "None or a year (int)")
    return year


def years(
    min_value: int | None = None,
    max_value: int | None = None,
    *,
    with_zones: bool | None = None,
    with_categories: bool | None = None,
    with_tanpa_maladministrasi: bool | None = None,
) -> SearchStrategy[int]:
    """Generate assessment years that have rules (never 2020: no assessment was held).

    ``min_value``/``max_value`` bound the year. ``with_zones``, ``with_categories`` and
    ``with_tanpa_maladministrasi`` keep only the years whose rules have (``True``) or lack
    (``False``) colour zones, categories A–E or the 2025 qualifier; ``None`` does not
    filter. Filters that leave no year raise :class:`~hypothesis.errors.InvalidArgument`.
    Shrinks towards the oldest year.

    >>> from hypothesis import given
    >>> from opinipp.rules import rules_for
    >>> @given(years(with_categories=True))
    ... def test_categories_come_with_zones(year):
    ...     assert rules_for(year).has_zones
    >>> test_categories_come_with_zones()
    """
    return st.sampled_from(
        _year_pool(min_value, max_value, with_zones, with_categories, with_tanpa_maladministrasi)
    )


def rule_sets(
    *,
    with_zones: bool | None = None,
    with_categories: bool | None = None,
    with_tanpa_maladministrasi: bool | None = None,
) -> SearchStrategy[RuleSet]:
    """Generate the bundled rule sets, oldest first, optionally filtered as in :func:`years`.

    >>> from hypothesis import given
    >>> @given(rule_sets())
    ... def test_bands_start_at_zero(rule_set):
    ...     assert str(rule_set.bands[0].lower) == "0.00"
    >>> test_bands_start_at_zero()
    """
    pool = _year_pool(None, None, with_zones, with_categories, with_tanpa_maladministrasi)
    return st.sampled_from(tuple(dict.fromkeys(rules_for(y) for y in pool)))


def _bands() -> SearchStrategy[Band]:
    """The bands of every rule set (for ``st.from_type(Band)``)."""
    return _choice(tuple(b for rs in _all_rule_sets() for b in rs.bands))


def _assessment_years() -> SearchStrategy[AssessmentYear]:
    """The :class:`~opinipp.years.AssessmentYear` of every covered year."""
    return years().map(assessment_year)


@functools.cache
def _scale_scores(year: int) -> SearchStrategy[Score]:
    """Every score the rules of ``year`` can classify, with its edges drawn often."""
    return st.one_of(scores(MIN_SCORE, rules_for(year).scale_max), boundary_scores(year))


def grades(*, year: int | SearchStrategy[int] | None = None) -> SearchStrategy[Grade]:
    """Generate :class:`~opinipp.zoning.Grade` objects: classifications of a valid score.

    ``year`` is a year, a strategy of years, or ``None`` for :func:`years`. In years with
    the "Tanpa Maladministrasi" qualifier, the qualifier is drawn too.

    >>> from hypothesis import given
    >>> @given(grades(year=2023))
    ... def test_a_and_b_are_hijau(grade):
    ...     assert (grade.category.value in "AB") == (grade.zone.value == "hijau")
    >>> test_a_and_b_are_hijau()
    """
    year_strategy = years() if year is None else _varying(year, _year_argument)
    return year_strategy.flatmap(_grades_of_year)


@functools.cache
def _qualifiers(year: int) -> SearchStrategy[bool | None]:
    if rules_for(year).has_tanpa_maladministrasi:
        return st.sampled_from((None, True, False))
    return st.none()


@functools.cache
def _grades_of_year(year: int) -> SearchStrategy[Grade]:
    return st.builds(
        lambda score, tm: classify(score, year, tanpa_maladministrasi=tm),
        _scale_scores(year),
        _qualifiers(year),
    )


# ---------------------------------------------------------------------------------------
# Regions and entities


def provinces() -> SearchStrategy[Province]:
    """Generate the 38 provinces of the bundled data, shrinking towards Aceh (code 11).

    >>> from hypothesis import given
    >>> from opinipp import regions
    >>> @given(provinces())
    ... def test_code_finds_the_province(p):
    ...     assert regions.province(p.code) == p
    >>> test_code_finds_the_province()
    """
    return st.deferred(lambda: _choice(regions.provinces()))


@functools.cache
def _pemda_pool(kind: PemdaKind | None, province: Province | None) -> tuple[Pemda, ...]:
    try:
        pool = regions.pemdas(kind=kind, province=province)
    except OpinippError as error:  # a Province built by hand, unknown to the bundled data
        raise _invalid("province", province, f"a province of the bundled data: {error}") from error
    if not pool:
        raise InvalidArgument(
            f"no Pemda of kind={kind and kind.value!r} in province="
            f"{province and province.name!r}: the combination is impossible"
        )
    return pool


@functools.cache
def _pemdas_of(kind: PemdaKind | None, province: Province | None) -> SearchStrategy[Pemda]:
    return _choice(_pemda_pool(kind, province))


def pemdas(
    *,
    kind: PemdaKind | str | SearchStrategy[PemdaKind | str] | None = None,
    province: Province | str | SearchStrategy[Province | str] | None = None,
) -> SearchStrategy[Pemda]:
    """Generate the Pemda of the bundled data (provinsi, kabupaten and kota: 552 in all).

    ``kind`` (a :class:`~opinipp.entities.PemdaKind` or its value) and ``province`` (a
    :class:`~opinipp.entities.Province` or anything :func:`opinipp.regions.province`
    accepts) narrow the choice; either may be a strategy. A combination without any Pemda
    (kota in Sulawesi Barat) raises :class:`~hypothesis.errors.InvalidArgument`.

    >>> from hypothesis import given
    >>> @given(pemdas(kind="kabupaten", province="Sultra"))
    ... def test_sultra_kabupaten(p):
    ...     assert p.code.startswith("74.") and p.full_name.startswith("Kabupaten ")
    >>> test_sultra_kabupaten()
    """
    if not isinstance(kind, SearchStrategy) and not isinstance(province, SearchStrategy):
        fixed_kind, fixed_province = _pemda_kind(kind), _province_argument(province)
        return st.deferred(lambda: _pemdas_of(fixed_kind, fixed_province))
    return st.tuples(_varying(kind, _pemda_kind), _varying(province, _province_argument)).flatmap(
        lambda args: _pemdas_of(*args)
    )


def _instansi_pool(kind: InstansiKind | None) -> tuple[Instansi, ...]:
    tables = {InstansiKind.KEMENTERIAN: _KEMENTERIAN, InstansiKind.LEMBAGA: _LEMBAGA}
    kinds = tuple(InstansiKind) if kind is None else (kind,)
    return tuple(
        Instansi(name=name, kind=k, abbreviation=abbreviation)
        for k in kinds
        for name, abbreviation in tables[k]
    )


def instansis(
    *, kind: InstansiKind | str | SearchStrategy[InstansiKind | str] | None = None
) -> SearchStrategy[Instansi]:
    """Generate ministries (kementerian) and agencies (lembaga) of the central government.

    Drawn from 25 kementerian and 14 lembaga that the Ombudsman assessed in 2021–2025, so
    names and abbreviations are real.

    >>> from hypothesis import given
    >>> @given(instansis(kind="lembaga"))
    ... def test_lembaga(body):
    ...     assert body.entity_kind.value == "lembaga" and body.abbreviation
    >>> test_lembaga()
    """
    if isinstance(kind, SearchStrategy):
        return _varying(kind, _instansi_kind).flatmap(lambda k: _choice(_instansi_pool(k)))
    return _choice(_instansi_pool(_instansi_kind(kind)))


def _unit_pemdas(pemda: object, *, kab_kota: bool) -> SearchStrategy[Pemda]:
    if pemda is None:
        if kab_kota:
            return st.one_of(
                _pemdas_of(PemdaKind.KABUPATEN, None), _pemdas_of(PemdaKind.KOTA, None)
            )
        return pemdas()
    return _varying(pemda, _pemda_argument).map(_require_pemda)


def _require_pemda(value: Pemda | None) -> Pemda:
    if value is None:
        raise _invalid("pemda", value, "a Pemda")
    return value


def _place_names(prefix: str) -> SearchStrategy[str]:
    return st.builds(
        lambda place, numeral: f"{prefix}{place}{numeral}",
        st.sampled_from(_PLACES),
        st.sampled_from(_NUMERALS),
    )


def opds(
    *,
    pemda: Pemda | str | SearchStrategy[Pemda | str] | None = None,
    kind: OPDKind | str | SearchStrategy[OPDKind | str] | None = None,
) -> SearchStrategy[OPD]:
    """Generate service units (OPD) of a Pemda: Dinkes, Disdik, Dinsos, DPMPTSP, ….

    ``pemda`` defaults to any Pemda; ``kind`` to any :class:`~opinipp.entities.OPDKind`.
    An ``OTHER`` unit gets a real unit name (``"Dinas Perhubungan"``, …); the five named
    kinds sometimes carry their usual name, which does not change their identity.

    >>> from hypothesis import given
    >>> @given(opds(pemda="Kab. Muna Barat", kind="dinsos"))
    ... def test_one_dinsos(unit):
    ...     assert str(unit) == "Dinas Sosial Kabupaten Muna Barat"
    >>> test_one_dinsos()
    """
    pemda_strategy = _unit_pemdas(pemda, kab_kota=False)
    kind_strategy = st.sampled_from(tuple(OPDKind)) if kind is None else _varying(kind, _opd_kind)
    return st.builds(
        _make_opd, pemda_strategy, kind_strategy, st.booleans(), st.sampled_from(_OTHER_OPD_NAMES)
    )


def _make_opd(pemda: Pemda, kind: OPDKind | None, named: bool, other_name: str) -> OPD:
    if kind is None:
        raise _invalid("kind", kind, "an OPDKind")
    if kind is OPDKind.OTHER:
        return OPD(pemda=pemda, kind=kind, name=other_name)
    return OPD(pemda=pemda, kind=kind, name=kind.default_name if named else None)


def puskesmas(
    *, pemda: Pemda | str | SearchStrategy[Pemda | str] | None = None
) -> SearchStrategy[Puskesmas]:
    """Generate community health centres (Puskesmas), named ``"Puskesmas <place>"``.

    ``pemda`` defaults to any kabupaten or kota (the Pemda that run Puskesmas).

    >>> from hypothesis import given
    >>> @given(puskesmas(pemda="74.13"))
    ... def test_named(p):
    ...     assert p.name.startswith("Puskesmas ")
    ...     assert p.full_name.endswith(" (Kabupaten Muna Barat)")
    >>> test_named()
    """
    return st.builds(
        lambda name, p: Puskesmas(name=name, pemda=p),
        _place_names("Puskesmas "),
        _unit_pemdas(pemda, kab_kota=True),
    )


def rsuds(
    *, pemda: Pemda | str | SearchStrategy[Pemda | str] | None = None
) -> SearchStrategy[Rsud]:
    """Generate regional public hospitals (RSUD), named ``"RSUD <place>"``, of any Pemda.

    >>> from hypothesis import given
    >>> @given(rsuds(pemda="Pemprov Banten"))
    ... def test_named(r):
    ...     assert str(r).startswith("RSUD ") and str(r).endswith(" (Provinsi Banten)")
    >>> test_named()
    """
    return st.builds(
        lambda name, p: Rsud(name=name, pemda=p),
        _place_names("RSUD "),
        _unit_pemdas(pemda, kab_kota=False),
    )


@functools.cache
def _entities_of(kind: EntityKind | None) -> SearchStrategy[Entity]:
    if kind is None:
        return st.one_of([_entities_of(k) for k in EntityKind])
    if kind in (EntityKind.KEMENTERIAN, EntityKind.LEMBAGA):
        return _choice(_instansi_pool(InstansiKind(kind.value)))
    if kind in (EntityKind.PROVINSI, EntityKind.KABUPATEN, EntityKind.KOTA):
        return st.deferred(lambda: _pemdas_of(PemdaKind(kind.value), None))
    if kind is EntityKind.OPD:
        return opds()
    if kind is EntityKind.PUSKESMAS:
        return puskesmas()
    return rsuds()


def entities(*, kind: KindLike | SearchStrategy[KindLike] | None = None) -> SearchStrategy[Entity]:
    """Generate assessed entities of any kind, or of one :class:`~opinipp.entities.EntityKind`.

    ``kind`` also accepts a ``PemdaKind``, an ``InstansiKind`` or a kind's value
    (``"kabupaten"``), or a strategy of these.

    >>> from hypothesis import given
    >>> @given(entities(kind="kota"))
    ... def test_kota(e):
    ...     assert e.full_name.startswith("Kota ")
    >>> test_kota()
    """
    return _varying(kind, _entity_kind).flatmap(_entities_of)


# ---------------------------------------------------------------------------------------
# Assessments and rankings


def _make_assessment(entity: Entity, year: int, score: Score, tm: bool | None) -> Assessment:
    return Assessment(entity, year, score, tanpa_maladministrasi=tm)


@functools.cache
def _assessments_of(kind: EntityKind | None, year: int) -> SearchStrategy[Assessment]:
    return st.builds(
        _make_assessment, _entities_of(kind), st.just(year), _scale_scores(year), _qualifiers(year)
    )


def assessments(
    *,
    year: int | SearchStrategy[int] | None = None,
    kind: KindLike | SearchStrategy[KindLike] | None = None,
) -> SearchStrategy[Assessment]:
    """Generate scored assessments: an entity, a year and a score valid for that year.

    ``year`` defaults to :func:`years` and ``kind`` to any kind of entity (see
    :func:`entities`). Scores stay on the year's scale (0–75 in 2015) and often sit on a
    band edge; ``tanpa_maladministrasi`` is drawn in 2025 and ``None`` otherwise.

    >>> from hypothesis import given
    >>> from opinipp.zoning import classify
    >>> @given(assessments(year=2015))
    ... def test_2015_scores_fit_its_scale(a):
    ...     assert a.score.value <= 75
    ...     assert classify(a.score, a.year).zone is not None
    >>> test_2015_scores_fit_its_scale()
    """
    year_strategy = years() if year is None else _varying(year, _year_argument)
    kind_strategy = _varying(kind, _entity_kind)
    return st.tuples(year_strategy, kind_strategy).flatmap(
        lambda args: _assessments_of(args[1], args[0])
    )


@functools.cache
def _pool_size(kind: EntityKind | None) -> int | None:
    """How many distinct entities of ``kind`` the strategies know (``None``: unbounded)."""
    if kind in (EntityKind.KEMENTERIAN, EntityKind.LEMBAGA):
        return len(_instansi_pool(InstansiKind(kind.value)))
    if kind in (EntityKind.PROVINSI, EntityKind.KABUPATEN, EntityKind.KOTA):
        return len(_pemda_pool(PemdaKind(kind.value), None))
    return None


class _Sizes(NamedTuple):
    """Checked ``min_size`` and ``max_size`` arguments."""

    low: int
    high: int | None

    @classmethod
    def of(cls, min_size: object, max_size: object) -> _Sizes:
        low = _size_argument("min_size", min_size)
        high = None if max_size is None else _size_argument("max_size", max_size)
        if high is not None and low > high:
            raise InvalidArgument(f"min_size={_show(low)} is above max_size={_show(high)}")
        return cls(low, high)


def _unique_assessments(
    draw: st.DrawFn,
    entities_and_pool: tuple[SearchStrategy[Entity], int | None],
    year: int,
    sizes: _Sizes,
) -> tuple[Assessment, ...]:
    """Draw assessments of distinct entities in one year, with ties drawn often.

    ``entities_and_pool`` is the entity strategy and how many distinct entities it has
    (``None``: unbounded); the size is capped at that number.
    """
    entity_strategy, pool = entities_and_pool
    min_size, max_size = sizes
    if pool is not None:
        if min_size > pool:
            raise InvalidArgument(
                f"min_size={_show(min_size)} is above the {pool} entities available"
            )
        max_size = pool if max_size is None else min(max_size, pool)
    chosen = draw(st.lists(entity_strategy, min_size=min_size, max_size=max_size, unique=True))
    if not chosen:
        return ()
    # A few shared scores, so that equal scores (ties) are common.
    shared = draw(st.lists(_scale_scores(year), min_size=1, max_size=3))
    per_entity = st.one_of(_scale_scores(year), st.sampled_from(shared))
    size = len(chosen)
    chosen_scores = draw(st.lists(per_entity, min_size=size, max_size=size))
    qualifiers = draw(st.lists(_qualifiers(year), min_size=size, max_size=size))
    return tuple(
        Assessment(e, year, s, tanpa_maladministrasi=q)
        for e, s, q in zip(chosen, chosen_scores, qualifiers, strict=True)
    )


@st.composite
def _assessment_sets(
    draw: st.DrawFn,
    year_strategy: SearchStrategy[int],
    kind_strategy: SearchStrategy[EntityKind | None],
    sizes: _Sizes,
) -> tuple[Assessment, ...]:
    year = draw(year_strategy)
    kind = draw(kind_strategy)
    return _unique_assessments(draw, (_entities_of(kind), _pool_size(kind)), year, sizes)


def assessment_sets(
    *,
    year: int | SearchStrategy[int] | None = None,
    kind: KindLike | SearchStrategy[KindLike] | None = None,
    min_size: int = 0,
    max_size: int | None = None,
) -> SearchStrategy[tuple[Assessment, ...]]:
    """Generate tuples of scored assessments of one year, each entity at most once.

    The shape of the input of :func:`opinipp.ranking.rank` and of a year's dataset.
    ``year`` and ``kind`` are as in :func:`assessments`, but drawn once per tuple. Equal
    scores are drawn often, so that ties get tested. For kinds with a fixed roster
    (kementerian, lembaga, provinsi, kabupaten, kota) the size is capped at the roster;
    ``min_size`` above it raises :class:`~hypothesis.errors.InvalidArgument`.

    >>> from hypothesis import given
    >>> @given(assessment_sets(year=2024, kind="provinsi", min_size=1))
    ... def test_one_year_distinct_entities(found):
    ...     assert {a.year for a in found} == {2024}
    ...     assert len({a.entity for a in found}) == len(found) <= 38
    >>> test_one_year_distinct_entities()
    """
    sizes = _Sizes.of(min_size, max_size)
    year_strategy = years() if year is None else _varying(year, _year_argument)
    kind_strategy = _varying(kind, _entity_kind)
    if not isinstance(kind, SearchStrategy):
        pool = _pool_size(_entity_kind(kind))
        if pool is not None and sizes.low > pool:
            raise InvalidArgument(
                f"min_size={_show(sizes.low)} is above the {pool} entities of kind {_show(kind)}"
            )
    return _assessment_sets(year_strategy, kind_strategy, sizes)


_NATIONAL_KINDS: Final = (
    PemdaKind.KABUPATEN,
    PemdaKind.KOTA,
    PemdaKind.PROVINSI,
    InstansiKind.KEMENTERIAN,
    InstansiKind.LEMBAGA,
)


def scopes() -> SearchStrategy[Scope]:
    """Generate ranking scopes: :class:`~opinipp.ranking.National`, ``Provincial``, ``WithinPemda``.

    >>> from hypothesis import given
    >>> @given(scopes())
    ... def test_admits_is_total(scope):
    ...     assert scope.admits(None) is False
    >>> test_admits_is_total()
    """
    return st.one_of(_national_scopes(), _provincial_scopes(), _within_pemda_scopes())


@functools.cache
def _any_scope() -> SearchStrategy[Scope]:
    return scopes()


def _national_scopes() -> SearchStrategy[National]:
    return st.builds(National, st.sampled_from(_NATIONAL_KINDS))


def _provincial_scopes() -> SearchStrategy[Provincial]:
    return st.builds(
        lambda p, include: Provincial(p, include_provinsi=include), provinces(), st.booleans()
    )


def _within_pemda_scopes() -> SearchStrategy[WithinPemda]:
    return st.builds(WithinPemda, pemdas())


@functools.cache
def _admitted(scope: Scope) -> tuple[SearchStrategy[Entity], int | None]:
    """The entities a scope admits, and how many there are (``None``: unbounded)."""
    if isinstance(scope, National):
        kind = EntityKind(scope.kind.value)
        return _entities_of(kind), _pool_size(kind)
    if isinstance(scope, Provincial):
        pool = tuple(
            p
            for p in _pemda_pool(None, scope.province)
            if scope.include_provinsi or p.kind is not PemdaKind.PROVINSI
        )
        return _choice(pool), len(pool)
    units: SearchStrategy[Entity] = st.one_of(
        opds(pemda=scope.pemda), puskesmas(pemda=scope.pemda), rsuds(pemda=scope.pemda)
    )
    return units, None


@st.composite
def _rankings(
    draw: st.DrawFn,
    scope_strategy: SearchStrategy[Scope | None],
    year_strategy: SearchStrategy[int],
    ties_strategy: SearchStrategy[Ties | None],
    sizes: _Sizes,
) -> Ranking:
    scope = draw(scope_strategy)
    if scope is None:
        scope = draw(_any_scope())
    year = draw(year_strategy)
    drawn_ties = draw(ties_strategy)
    ties: Ties = draw(st.sampled_from(_TIES)) if drawn_ties is None else drawn_ties
    chosen = _unique_assessments(draw, _admitted(scope), year, sizes)
    # Hand rank() the assessments in any order: the ranking must not depend on it.
    shuffled = draw(st.permutations(chosen))
    return rank(shuffled, scope, ties=ties)


def rankings(
    *,
    scope: Scope | SearchStrategy[Scope] | None = None,
    year: int | SearchStrategy[int] | None = None,
    ties: Ties | SearchStrategy[Ties] | None = None,
    min_size: int = 0,
    max_size: int | None = None,
) -> SearchStrategy[Ranking]:
    """Generate rankings built by :func:`opinipp.ranking.rank` from admissible assessments.

    ``scope`` defaults to :func:`scopes`, ``year`` to :func:`years` and ``ties`` to any of
    ``"min"``, ``"dense"`` and ``"ordinal"``; each may be a strategy. The assessments are
    of distinct entities inside the scope, in one year, with ties drawn often. A ranking may
    be empty unless ``min_size`` says otherwise.

    >>> from hypothesis import given
    >>> from opinipp.entities import PemdaKind
    >>> from opinipp.ranking import National
    >>> @given(rankings(scope=National(PemdaKind.KOTA), year=2024, ties="min"))
    ... def test_ranks_in_order(ranking):
    ...     ranks = [e.rank for e in ranking]
    ...     assert ranks == sorted(ranks) and ranks[:1] in ([], [1])
    ...     assert ranking.official_of == (98 if ranks else None)
    >>> test_ranks_in_order()
    """
    sizes = _Sizes.of(min_size, max_size)
    year_strategy = years() if year is None else _varying(year, _year_argument)
    scope_strategy = _varying(scope, _scope_argument)
    ties_strategy = _varying(ties, _ties_argument)
    return _rankings(scope_strategy, year_strategy, ties_strategy, sizes)


# --- strategies behind st.from_type for the remaining types -------------------------------


@st.composite
def _histories(draw: st.DrawFn, *, min_size: int = 0) -> tuple[Assessment, ...]:
    """Scored assessments of one entity in distinct years, oldest first."""
    entity = draw(entities())
    chosen = sorted(draw(st.lists(years(), unique=True, min_size=min_size)))
    return tuple(draw(_assessments_of_entity(entity, year)) for year in chosen)


def _assessments_of_entity(entity: Entity, year: int) -> SearchStrategy[Assessment]:
    return st.builds(
        _make_assessment, st.just(entity), st.just(year), _scale_scores(year), _qualifiers(year)
    )


def _series() -> SearchStrategy[Series]:
    """A :class:`~opinipp.trends.Series`: an entity's history, possibly empty."""
    return st.builds(Series, entities(), st.just(())) | _histories(min_size=1).map(
        lambda h: Series(h[0].entity, h)
    )


def _changes() -> SearchStrategy[Change]:
    """A :class:`~opinipp.trends.Change` between two years of one entity."""
    return (
        _histories(min_size=2)
        .flatmap(lambda h: st.tuples(st.sampled_from(h[:-1]), st.just(h[-1])))
        .map(lambda pair: Change(*pair))
    )


@st.composite
def _gaps(draw: st.DrawFn) -> Gap:
    """A :class:`~opinipp.gaps.Gap` from a valid score to a band of the same year."""
    year = draw(years())
    target = draw(st.sampled_from(rules_for(year).bands))
    return gap_to(draw(_scale_scores(year)), year, target)


def _ranked_entries() -> SearchStrategy[RankedEntry]:
    """One entry of a non-empty ranking."""
    return rankings(min_size=1).flatmap(lambda r: st.sampled_from(r.entries))


def _disagreements() -> SearchStrategy[object]:
    """The documented disagreements between published labels and the rules."""
    from opinipp.datasets import audit

    return st.deferred(lambda: _choice(audit()))


_PUBLISHED_ZONES: Final = ("Zona Hijau", "Zona Kuning", "Zona Merah", "zonasi kuning", "Hijau")
_PUBLISHED_OPINIONS: Final = (
    "Kualitas Tertinggi",
    "Kualitas Tinggi",
    "Kualitas Sedang",
    "Kualitas Rendah",
    "Kualitas Terendah",
    "Kualitas Tertinggi Tanpa Maladministrasi",
    "Kepatuhan Tinggi",
)


def _published_results() -> SearchStrategy[PublishedResult]:
    """Labels and ranks as a source may print them (for ``st.from_type(PublishedResult)``)."""
    ranks = st.none() | st.integers(1, 600)
    return st.builds(
        PublishedResult,
        zone=st.none() | st.sampled_from(_PUBLISHED_ZONES),
        category=st.none() | st.sampled_from(("A", "B", "C", "D", "E")),
        opinion=st.none() | st.sampled_from(_PUBLISHED_OPINIONS),
        rank_national=ranks,
        rank_national_of=ranks,
        rank_province=ranks,
        rank_province_of=ranks,
        note=st.none() | st.just("Sumber: siaran pers Ombudsman RI"),
    )


# ---------------------------------------------------------------------------------------
# Survey indices: SKM responses (opinipp.skm) and PEKPPP scores (opinipp.ipp)


def _skm_rules_argument(value: object) -> tuple[SkmRules, ...]:
    from opinipp.skm import SKM_RULES, skm_rules

    if value is None:
        return SKM_RULES
    try:
        return (skm_rules(value),)  # type: ignore[arg-type]  # checked by skm_rules
    except OpinippError as error:
        raise _invalid("rules", value, f"None, an SkmRules or a regulation key: {error}") from None


def skm_responses(
    min_size: int = 1, max_size: int = 30, *, rules: object = None
) -> SearchStrategy[Responses]:
    """Generate :class:`~opinipp.skm.Responses`: ``min_size`` to ``max_size`` respondents.

    ``rules`` is a regulation key or :class:`~opinipp.skm.SkmRules` (default: any
    regulation). Every answer is on the rules' scale; examples shrink towards one respondent
    answering the lowest value everywhere.

    >>> from hypothesis import given
    >>> from opinipp.skm import ikm
    >>> @given(skm_responses(rules="permenpanrb-14-2017"))
    ... def test_the_ikm_is_on_the_answer_scale(responses):
    ...     assert 1 <= ikm(responses).ikm <= 4
    >>> test_the_ikm_is_on_the_answer_scale()
    """
    from opinipp.skm import Responses

    pool = _skm_rules_argument(rules)
    low = _size_argument("min_size", min_size, 1)
    high = _size_argument("max_size", max_size, 1)
    if low > high:
        raise _invalid("min_size", min_size, f"at least 1 and not above max_size={high}")

    def of(r: SkmRules) -> SearchStrategy[Responses]:
        row = st.lists(
            st.integers(r.answer_min, r.answer_max), min_size=len(r.unsur), max_size=len(r.unsur)
        ).map(tuple)
        return st.lists(row, min_size=low, max_size=high).map(
            lambda rows: Responses(tuple(rows), r)
        )

    return _choice(pool).flatmap(of)


def ikm_results(*, rules: object = None) -> SearchStrategy[IkmResult]:
    """Generate :class:`~opinipp.skm.IkmResult` objects from :func:`skm_responses`."""
    from opinipp.skm import ikm

    return skm_responses(rules=rules).map(ikm)


def _ipp_score_values() -> SearchStrategy[Decimal]:
    from decimal import Decimal

    return st.integers(0, 500).map(lambda n: Decimal(n).scaleb(-2))


def ipp_scores(*, by_indicator: bool | None = None) -> SearchStrategy[dict[str, object]]:
    """Generate valid input of :func:`opinipp.ipp.ipp`: every aspect scored 0–5.

    Kebijakan Pelayanan is scored by its nine indicators (``by_indicator=True``), by its
    aspect score (``False``) or either way (``None``); the aspects whose indicator weights
    are unknown are given their aspect score. Scores are two-decimal Decimals.

    >>> from hypothesis import given
    >>> from opinipp.ipp import ipp
    >>> @given(ipp_scores())
    ... def test_the_ipp_is_on_the_scale(scores):
    ...     assert 0 <= ipp(scores).value <= 5
    >>> test_the_ipp_is_on_the_scale()
    """
    from opinipp.ipp import DEFAULT_IPP_RULES

    choice = _optional_bool("by_indicator", by_indicator)
    value = _ipp_score_values()
    kinds = st.just(choice) if choice is not None else st.booleans()

    def build(indicators: bool) -> SearchStrategy[dict[str, object]]:
        parts: dict[str, SearchStrategy[object]] = {}
        for aspect in DEFAULT_IPP_RULES.aspects:
            if indicators and aspect.weights_known:
                parts[aspect.code] = st.lists(
                    value, min_size=len(aspect.indicators), max_size=len(aspect.indicators)
                )
            else:
                parts[aspect.code] = value
        return st.fixed_dictionaries(parts)

    return kinds.flatmap(build)


def ipp_results() -> SearchStrategy[IppResult]:
    """Generate :class:`~opinipp.ipp.IppResult` objects from :func:`ipp_scores`."""
    from opinipp.ipp import ipp

    return ipp_scores().map(ipp)


def _skm_rule_sets() -> SearchStrategy[SkmRules]:
    from opinipp.skm import SKM_RULES

    return _choice(SKM_RULES)


def __dir__() -> list[str]:
    return list(__all__)


# ---------------------------------------------------------------------------------------
# Instruments (opinipp.instruments): small instruments and indicator values.

_MAX_INDICATORS: Final = 40
_MAX_POINTS: Final = 10


@st.composite
def _small_instruments(  # noqa: PLR0913, PLR0917 - private, called once
    draw: st.DrawFn,
    min_indicators: int,
    max_indicators: int,
    max_points: int,
    year: int,
    weighted: bool | None,
) -> object:
    from opinipp.instruments import Dimension, Indicator, Instrument, Provenance, Scale, Variable
    from opinipp.instruments import Weight as IWeight
    from opinipp.rules import Dimension as Key

    count = draw(st.integers(min_indicators, max_indicators))
    n_dims = draw(st.integers(1, min(count, len(Key))))
    cuts = (
        sorted(
            draw(
                st.lists(
                    st.integers(1, count - 1), min_size=n_dims - 1, max_size=n_dims - 1, unique=True
                )
            )
        )
        if n_dims > 1
        else []
    )
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, count], strict=True)]
    weigh = draw(st.booleans()) if weighted is None else weighted
    shares = _split(draw, 100, n_dims) if weigh else [None] * n_dims
    dimensions, n = [], 0
    for key, size, share in zip(list(Key)[:n_dims], sizes, shares, strict=True):
        within = _split(draw, 100, size) if weigh else [None] * size
        indicators = []
        for w in within:
            n += 1
            high = draw(st.integers(1, max_points))
            indicators.append(
                Indicator(
                    f"X-{n:02d}",
                    None,
                    Scale(0, high),
                    weight=None if w is None else IWeight(w, Provenance.ASSUMED),
                )
            )
        dimensions.append(
            Dimension(
                key.value.title(),
                key,
                None if share is None else IWeight(share, Provenance.ASSUMED),
                (Variable(None, indicators),),
            )
        )
    return Instrument(
        years=(year,), name="generated", dimensions=dimensions, provenance="generated for tests"
    )


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``parts`` positive whole numbers summing to ``total``."""
    if parts == 1:
        return [total]
    cuts = sorted(
        draw(
            st.lists(st.integers(1, total - 1), min_size=parts - 1, max_size=parts - 1, unique=True)
        )
    )
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def instruments(
    *,
    min_indicators: int = 1,
    max_indicators: int = 4,
    max_points: int = 3,
    year: int = 2023,
    weighted: bool | None = None,
) -> SearchStrategy[object]:
    """Small :class:`~opinipp.instruments.Instrument` objects, built through their constructors.

    ``min_indicators``–``max_indicators`` indicators coded ``X-01``…, spread over one to
    four dimensions, each on a scale ``0``–``1..max_points``; ``year`` the instrument's year
    (graded with its rules); ``weighted``: every weight known (``True``), none (``False``:
    simulations need ``assume_equal_weights=True``) or either (``None``). Shrinks towards one
    indicator on a 0–1 scale.

    >>> from hypothesis import given
    >>> @given(instruments(max_indicators=3))
    ... def test_small(instrument):
    ...     assert 1 <= len(instrument.indicators) <= 3
    >>> test_small()
    """

    def check() -> SearchStrategy[object]:
        low = _size_argument("min_indicators", min_indicators, 1)
        high = _size_argument("max_indicators", max_indicators, 1)
        points = _size_argument("max_points", max_points, 1)
        if high < low or high > _MAX_INDICATORS:
            raise _invalid("max_indicators", max_indicators, f"{low}..{_MAX_INDICATORS}")
        if points > _MAX_POINTS:
            raise _invalid("max_points", max_points, f"at most {_MAX_POINTS}")
        choice = _optional_bool("weighted", weighted)
        return _small_instruments(low, high, points, _year_argument(year), choice)

    return st.deferred(check)


def indicator_values(instrument: object) -> SearchStrategy[dict[str, int]]:
    """Values for every indicator of ``instrument``, each on its scale (shrinks to the lows).

    >>> from hypothesis import given
    >>> from opinipp.instruments import instrument_for
    >>> @given(indicator_values(instrument_for(2023)))
    ... def test_on_scale(values):
    ...     assert all(0 <= v <= 3 for v in values.values())
    >>> test_on_scale()
    """
    from opinipp.instruments import Instrument

    def check() -> SearchStrategy[dict[str, int]]:
        if not isinstance(instrument, Instrument):
            raise _invalid("instrument", instrument, "an Instrument")
        if any(i.scale is None for i in instrument.indicators) or not instrument.indicators:
            raise _invalid("instrument", instrument, "an Instrument whose indicators have scales")
        return st.fixed_dictionaries(
            {
                i.code: st.integers(i.scale.low, i.scale.high)
                for i in instrument.indicators
                if i.scale
            }
        )

    return st.deferred(check)


__all__ += ["indicator_values", "instruments"]
