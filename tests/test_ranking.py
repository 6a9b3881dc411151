"""Tests of opinipp.ranking: scopes, rank(), Ranking and RankedEntry."""

from __future__ import annotations

import pickle
import random
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Final

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp import regions
from opinipp import strategies as ops
from opinipp.assessments import Assessment
from opinipp.entities import (
    OPD,
    Instansi,
    InstansiKind,
    OPDKind,
    Pemda,
    PemdaKind,
    Puskesmas,
    Rsud,
)
from opinipp.errors import (
    DuplicateEntityError,
    InvalidArgumentError,
    InvalidScoreError,
    MixedYearsError,
    OpinippError,
    OutOfScopeError,
)
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
from opinipp.scores import Score

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

KAB, KOTA, PROV = PemdaKind.KABUPATEN, PemdaKind.KOTA, PemdaKind.PROVINSI
KEM, LEM = InstansiKind.KEMENTERIAN, InstansiKind.LEMBAGA
TIES: Final[tuple[Ties, ...]] = ("min", "dense", "ordinal")

MUNA_BARAT: Final = regions.pemda("Kabupaten Muna Barat")
SULTRA: Final = regions.province("Sultra")
PUNCAK: Final = "94.05"  # Kab. Puncak (Papua Tengah): not assessed in 2022 and 2023


def _a(name: str, year: int, score: str) -> Assessment:
    return Assessment(regions.pemda(name), year, score)


def _kabupaten_2023() -> list[Pemda]:
    return [p for p in regions.pemdas(kind=KAB) if p.code != PUNCAK]


# --- properties (public strategies) ------------------------------------------------------


@st.composite
def inputs(draw: st.DrawFn) -> tuple[tuple[Assessment, ...], Scope]:
    """Admissible assessments of any scope (national, provincial, within a Pemda), in an
    order unrelated to their ranks."""
    ranking = draw(ops.rankings(max_size=30))
    return tuple(draw(st.permutations(ranking.assessments))), ranking.scope


@given(inputs(), st.sampled_from(TIES))
def test_a_ranking_is_a_permutation_of_its_input(
    case: tuple[tuple[Assessment, ...], Scope], ties: Ties
) -> None:
    found, scope = case
    ranking = rank(found, scope, ties=ties)
    assert sorted(map(id, ranking.assessments)) == sorted(map(id, found))
    assert len(ranking) == ranking.of == len(found)
    assert [e.assessment for e in ranking] == list(ranking.assessments)


@given(inputs(), st.sampled_from(TIES))
def test_rank_order_never_increases_in_score(
    case: tuple[tuple[Assessment, ...], Scope], ties: Ties
) -> None:
    found, scope = case
    entries = rank(found, scope, ties=ties).entries
    for above, below in pairwise(entries):
        assert above.score >= below.score
        assert above.rank <= below.rank
        if above.score == below.score:
            assert above.entity.sort_key <= below.entity.sort_key


@given(inputs(), st.sampled_from(TIES), st.randoms(use_true_random=False))
def test_shuffling_the_input_changes_nothing(
    case: tuple[tuple[Assessment, ...], Scope], ties: Ties, rnd: random.Random
) -> None:
    found, scope = case
    shuffled = list(found)
    rnd.shuffle(shuffled)
    first, second = rank(found, scope, ties=ties), rank(shuffled, scope, ties=ties)
    assert first == second
    assert hash(first) == hash(second)
    assert [(e.rank, e.assessment) for e in first] == [(e.rank, e.assessment) for e in second]


@given(inputs())
def test_min_ties_share_a_rank_and_the_next_rank_skips(
    case: tuple[tuple[Assessment, ...], Scope],
) -> None:
    found, scope = case
    ranking = rank(found, scope)
    for entry in ranking:
        higher = sum(1 for a in found if a.score is not None and a.score > entry.score)
        assert entry.rank == higher + 1


@given(inputs())
def test_dense_ties_share_a_rank_and_the_next_rank_follows(
    case: tuple[tuple[Assessment, ...], Scope],
) -> None:
    found, scope = case
    ranking = rank(found, scope, ties="dense")
    for entry in ranking:
        higher = {a.score for a in found if a.score is not None and a.score > entry.score}
        assert entry.rank == len(higher) + 1


@given(inputs())
def test_ordinal_ranks_count_up_and_break_ties_by_sort_key(
    case: tuple[tuple[Assessment, ...], Scope],
) -> None:
    found, scope = case
    ranking = rank(found, scope, ties="ordinal")
    assert [e.rank for e in ranking] == list(range(1, len(found) + 1))
    expected = sorted(found, key=lambda a: (-a.score.hundredths, a.entity.sort_key))  # type: ignore[union-attr]
    assert list(ranking.assessments) == expected


@given(ops.rankings(max_size=25))
def test_every_entry_is_found_by_its_entity(ranking: Ranking) -> None:
    for position, entry in enumerate(ranking):
        assert ranking.find(entry.entity) is entry
        assert entry.entity in ranking
        assert ranking.scope.admits(entry.entity)
        assert entry.of == len(ranking)
        assert entry.official_of == ranking.official_of
        assert 1 <= entry.rank <= position + 1
    assert ranking.year == (ranking.entries[0].assessment.year if len(ranking) else None)


@given(ops.rankings(max_size=10))
def test_rankings_survive_pickling(ranking: Ranking) -> None:
    copy = pickle.loads(pickle.dumps(ranking))
    assert copy == ranking
    assert list(copy.entries) == list(ranking.entries)


# --- "222 of 415": complete and partial national rankings ------------------------------


def _complete_2023(target_rank: int) -> list[Assessment]:
    """The 415 kabupaten of 2023 with distinct scores, Muna Barat 81.84 at ``target_rank``."""
    others = [p for p in _kabupaten_2023() if p != MUNA_BARAT]
    assert len(others) == 414
    above = [Score.from_hundredths(8184 + i) for i in range(target_rank - 1, 0, -1)]
    below = [Score.from_hundredths(8184 - i) for i in range(1, 415 - target_rank + 1)]
    scores = above + below
    found = [Assessment(p, 2023, s) for p, s in zip(others, scores, strict=True)]
    found.append(Assessment(MUNA_BARAT, 2023, "81.84"))
    return found


def test_a_complete_ranking_reads_222_of_415() -> None:
    found = _complete_2023(222)
    random.Random(7).shuffle(found)  # noqa: S311 - a fixed shuffle, not a secret
    ranking = rank(found, National(KAB))
    entry = ranking.find(MUNA_BARAT)
    assert (entry.rank, entry.of, entry.official_of) == (222, 415, 415)
    assert str(entry) == ranking.describe(MUNA_BARAT) == "222 of 415"
    assert ranking.is_complete is True
    assert ranking.year == 2023
    assert ranking.official_of == 415
    assert entry.score == Score("81.84")
    assert repr(entry) == "<RankedEntry 222 of 415: Kabupaten Muna Barat 81.84 (2023)>"
    assert repr(ranking) == (
        "<Ranking national ranking of kabupaten, 2023: 415 entries of 415 assessed, ties='min'>"
    )


def test_a_partial_ranking_says_how_many_it_holds() -> None:
    complete = _complete_2023(3)  # two kabupaten above Muna Barat, 412 below
    partial = complete[:119] + complete[-1:]
    ranking = rank(partial, National(KAB))
    assert (ranking.of, ranking.official_of, ranking.is_complete) == (120, 415, False)
    assert ranking.describe(MUNA_BARAT) == "rank 3 among the 120 given (415 assessed)"
    assert str(ranking.entries[0]) == "rank 1 among the 120 given (415 assessed)"


def test_a_provincial_ranking_knows_how_many_kabupaten_and_kota_the_province_had() -> None:
    found = [_a("Kabupaten Muna Barat", 2023, "81.84"), _a("Kota Kendari", 2023, "70.00")]
    ranking = rank(found, Provincial(SULTRA))
    assert (ranking.of, ranking.official_of, ranking.is_complete) == (2, 17, False)
    assert ranking.official_words == "17 kabupaten/kota in Provinsi Sulawesi Tenggara"
    assert ranking.describe(MUNA_BARAT) == (
        "rank 1 among the 2 given (17 kabupaten/kota in Provinsi Sulawesi Tenggara)"
    )
    assert "6 entries" not in repr(ranking)
    assert repr(ranking).endswith(
        "2 entries of 17 kabupaten/kota in Provinsi Sulawesi Tenggara, ties='min'>"
    )
    with_gov = rank(found, Provincial(SULTRA, include_provinsi=True))
    assert with_gov.official_of == 18


def test_a_complete_provincial_ranking_says_so() -> None:
    gorontalo = regions.province("Gorontalo")
    found = [
        Assessment(p, 2023, f"{80 + i}.00")
        for i, p in enumerate(regions.pemdas(province=gorontalo, kind="kabupaten"))
    ] + [Assessment(regions.pemda("Kota Gorontalo"), 2023, "70.00")]
    ranking = rank(found, Provincial(gorontalo))
    assert (ranking.of, ranking.official_of, ranking.is_complete) == (6, 6, True)
    assert str(ranking.entries[0]) == "1 of 6"


@pytest.mark.parametrize(
    ("province", "year", "count"),
    [
        ("Papua", 2021, None),
        ("Papua", 2022, None),
        ("Papua", 2023, 9),
        ("Papua Tengah", 2022, None),
        ("Papua Tengah", 2023, 8),
        ("Papua Barat", 2022, None),
        ("Papua Barat Daya", 2024, 6),
        ("Bengkulu", 2015, 10),
        ("Bengkulu", 2014, None),
        ("Sumatera Utara", 2022, 33),
    ],
)
def test_the_province_size_follows_the_papua_split(
    province: str, year: int, count: int | None
) -> None:
    scope = Provincial(regions.province(province))
    assert scope.official_population(year) == count
    if year >= 2015:
        found = [Assessment(p, year, "70.00") for p in regions.pemdas(province=province)[1:2]]
        ranking = rank(found, scope)
        assert ranking.official_of == count
        assert ranking.is_complete is (None if count is None else count == 1)


def test_a_year_without_a_published_count_has_no_official_population() -> None:
    found = [_a("Kota Magelang", 2017, "90.00")]
    ranking = rank(found, National(KOTA))
    assert ranking.official_of is None
    assert str(ranking.entries[0]) == "1 of 1"


def test_national_population_of_every_kind() -> None:
    assert National(KAB).official_population(2021) == 416
    assert National(KOTA).official_population(2024) == 98
    assert National(PROV).official_population(2025) == 38
    assert National(KEM).official_population(2023) == 25
    assert National(LEM).official_population(2022) == 14
    assert Provincial(SULTRA).official_population(2023) == 17
    assert WithinPemda(MUNA_BARAT).official_population(2023) is None


def test_an_empty_input_gives_an_empty_ranking() -> None:
    ranking = rank([], National(KAB))
    assert len(ranking) == 0
    assert list(ranking) == []
    assert ranking.entries == ()
    assert (ranking.year, ranking.official_of, ranking.is_complete) == (None, None, None)
    assert MUNA_BARAT not in ranking
    assert ranking == rank(iter(()), National(KAB))
    with pytest.raises(OutOfScopeError, match="one of the 0 entities ranked"):
        ranking.find(MUNA_BARAT)


# --- scopes ------------------------------------------------------------------------------


def test_scopes_read_as_text() -> None:
    assert str(National(KAB)) == "national ranking of kabupaten"
    assert str(National(KEM)) == "national ranking of kementerian"
    assert str(Provincial(SULTRA)) == "kabupaten/kota of Provinsi Sulawesi Tenggara"
    assert str(Provincial(SULTRA, include_provinsi=True)) == (
        "kabupaten/kota and the provincial government of Provinsi Sulawesi Tenggara"
    )
    assert str(WithinPemda(MUNA_BARAT)) == "units of Kabupaten Muna Barat"


def test_national_admits_one_kind() -> None:
    kemlu = Instansi(name="Kementerian Luar Negeri", kind=KEM)
    assert National(KAB).admits(MUNA_BARAT)
    assert not National(KOTA).admits(MUNA_BARAT)
    assert National(KEM).admits(kemlu)
    assert not National(LEM).admits(kemlu)
    assert not National(PROV).admits(SULTRA)  # a Province is not the provincial government
    assert National(PROV).admits(regions.pemda("Pemprov Sultra"))
    assert not National(KAB).admits(OPD(pemda=MUNA_BARAT, kind=OPDKind.DINSOS))


def test_provincial_admits_kabupaten_and_kota_of_its_province() -> None:
    scope = Provincial(SULTRA)
    assert scope.admits(MUNA_BARAT)
    assert scope.admits(regions.pemda("Kota Baubau"))
    assert not scope.admits(regions.pemda("Kabupaten Tuban"))
    assert not scope.admits(regions.pemda("Pemprov Sultra"))
    assert Provincial(SULTRA, include_provinsi=True).admits(regions.pemda("Pemprov Sultra"))
    assert not Provincial(SULTRA, include_provinsi=True).admits(regions.pemda("Pemprov Sumut"))


def test_within_pemda_admits_the_units_of_its_pemda() -> None:
    serang = regions.pemda("Kabupaten Serang")
    scope = WithinPemda(serang)
    assert scope.admits(OPD(pemda=serang, kind=OPDKind.DINSOS))
    assert scope.admits(Puskesmas(name="UPT Puskesmas Pontang", pemda=serang))
    assert scope.admits(Rsud(name="RSUD Drajat Prawiranegara", pemda=serang))
    assert not scope.admits(OPD(pemda=regions.pemda("Kota Serang"), kind=OPDKind.DINSOS))
    assert not scope.admits(serang)


@pytest.mark.parametrize("junk", [None, True, 3, "kabupaten", [], MUNA_BARAT, object()])
def test_every_scope_admits_nothing_of_the_wrong_type(junk: object) -> None:
    for scope in (National(KAB), Provincial(SULTRA), WithinPemda(MUNA_BARAT)):
        assert scope.admits(junk) is (junk is MUNA_BARAT and not isinstance(scope, WithinPemda))


@pytest.mark.parametrize(
    ("build", "argument"),
    [
        (lambda: National("kabupaten"), "National.kind"),  # type: ignore[arg-type]
        (lambda: National(OPDKind.DINSOS), "National.kind"),  # type: ignore[arg-type]
        (lambda: National(None), "National.kind"),  # type: ignore[arg-type]
        (lambda: Provincial("Sultra"), "Provincial.province"),  # type: ignore[arg-type]
        (lambda: Provincial(MUNA_BARAT), "Provincial.province"),  # type: ignore[arg-type]
        (lambda: Provincial(SULTRA, include_provinsi=1), "Provincial.include_provinsi"),  # type: ignore[arg-type]
        (lambda: WithinPemda(SULTRA), "WithinPemda.pemda"),  # type: ignore[arg-type]
        (lambda: WithinPemda("74.13"), "WithinPemda.pemda"),  # type: ignore[arg-type]
    ],
)
def test_bad_scope_arguments_raise(build: object, argument: str) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        build()  # type: ignore[operator]
    assert info.value.argument == argument


# --- ties, examples -----------------------------------------------------------------------


SERANG_2024: Final = regions.pemda("Kabupaten Serang")


def _serang_units() -> list[Assessment]:
    """Kabupaten Serang 2024 (sources/004), with Disdukcapil set to DPMPTSP's 91.16."""
    serang = SERANG_2024
    return [
        Assessment(OPD(pemda=serang, kind=OPDKind.DINSOS), 2024, "94.62"),
        Assessment(OPD(pemda=serang, kind=OPDKind.DPMPTSP), 2024, "91.16"),
        Assessment(OPD(pemda=serang, kind=OPDKind.DISDIK), 2024, "89.44"),
        Assessment(OPD(pemda=serang, kind=OPDKind.DISDUKCAPIL), 2024, "91.16"),
        Assessment(Puskesmas(name="UPT Puskesmas Pontang", pemda=serang), 2024, "93.44"),
        Assessment(Puskesmas(name="UPT Puskesmas Pabuaran", pemda=serang), 2024, "93.30"),
    ]


@pytest.mark.parametrize(
    ("ties", "ranks"),
    [
        ("min", [1, 2, 3, 4, 4, 6]),
        ("dense", [1, 2, 3, 4, 4, 5]),
        ("ordinal", [1, 2, 3, 4, 5, 6]),
    ],
)
def test_the_three_tie_modes(ties: Ties, ranks: list[int]) -> None:
    ranking = rank(_serang_units(), WithinPemda(SERANG_2024), ties=ties)
    assert [e.rank for e in ranking] == ranks
    assert [str(e.score) for e in ranking] == ["94.62", "93.44", "93.30", "91.16", "91.16", "89.44"]
    # Tied units are listed by sort_key: (Pemda code, kind, name): disdukcapil < dpmptsp.
    assert [e.entity.kind for e in ranking.entries[3:5]] == [  # type: ignore[union-attr]
        OPDKind.DISDUKCAPIL,
        OPDKind.DPMPTSP,
    ]
    assert ranking.ties == ties


def test_ordinal_breaks_ties_by_kemendagri_code() -> None:
    found = [
        _a("Kota Kendari", 2022, "58.99"),
        _a("Kota Baubau", 2022, "58.99"),  # 74.72 after Kendari 74.71
        _a("Kabupaten Bombana", 2022, "65.54"),
    ]
    ranking = rank(found, Provincial(SULTRA), ties="ordinal")
    assert [(e.rank, str(e.entity)) for e in ranking] == [
        (1, "Kabupaten Bombana"),
        (2, "Kota Kendari"),
        (3, "Kota Bau Bau"),
    ]


def test_a_provincial_ranking_with_the_provincial_government() -> None:
    found = [  # NTB 2023 (nusramedia.com): Pemprov NTB was listed 3rd with 84.51
        _a("Kabupaten Bima", 2023, "86.65"),
        _a("Kota Bima", 2023, "83.90"),
        _a("Pemprov NTB", 2023, "84.51"),
    ]
    ntb = regions.province("NTB")
    with pytest.raises(OutOfScopeError, match="Provinsi Nusa Tenggara Barat is outside"):
        rank(found, Provincial(ntb))
    ranking = rank(found, Provincial(ntb, include_provinsi=True))
    assert [str(e.entity) for e in ranking] == [
        "Kabupaten Bima",
        "Provinsi Nusa Tenggara Barat",
        "Kota Bima",
    ]


def test_rank_accepts_any_iterable() -> None:
    found = _serang_units()
    scope = WithinPemda(SERANG_2024)
    assert rank(iter(found), scope) == rank(tuple(found), scope) == rank(found, scope)
    assert rank(dict.fromkeys(found), scope) == rank(found, scope)


def test_ranking_equality_depends_on_scope_ties_and_entries() -> None:
    found = _serang_units()
    scope = WithinPemda(SERANG_2024)
    assert rank(found, scope) != rank(found, scope, ties="dense")
    assert rank(found, scope) != rank(found[1:], scope)
    assert rank(found, scope) != "a ranking"
    assert rank(found, scope).__eq__("a ranking") is NotImplemented
    assert rank(found, scope).__ne__("a ranking") is NotImplemented
    assert len({rank(found, scope), rank(found[::-1], scope)}) == 1


# --- errors ------------------------------------------------------------------------------


def test_the_same_entity_twice_raises() -> None:
    found = [_a("Kabupaten Muna Barat", 2023, "81.84"), _a("Kab. Muna Barat", 2023, "81.83")]
    with pytest.raises(DuplicateEntityError) as info:
        rank(found, National(KAB))
    assert info.value.entity == MUNA_BARAT
    assert str(info.value) == (
        "duplicate entity Kabupaten Muna Barat in national ranking of kabupaten (2023): "
        "expected each entity at most once"
    )


def test_equal_entities_spelled_differently_are_the_same_entity() -> None:
    respelled = Pemda(code="74.13", name="Mubar", kind=KAB, province=SULTRA)
    found = [_a("Kabupaten Muna Barat", 2023, "81.84"), Assessment(respelled, 2023, "70.00")]
    with pytest.raises(DuplicateEntityError):
        rank(found, Provincial(SULTRA))
    dinsos = OPD(pemda=SERANG_2024, kind=OPDKind.DINSOS)
    renamed = OPD(pemda=SERANG_2024, kind=OPDKind.DINSOS, name="Dinas Sosial Kab. Serang")
    units = [Assessment(dinsos, 2024, "94.62"), Assessment(renamed, 2024, "90.00")]
    with pytest.raises(DuplicateEntityError):
        rank(units, WithinPemda(SERANG_2024))
    kemlu = [
        Assessment(Instansi(name="Kementerian Luar Negeri", kind=KEM), 2023, "94.85"),
        Assessment(
            Instansi(name="Kementerian Luar Negeri", kind=KEM, abbreviation="Kemlu"), 2023, "94.85"
        ),
    ]
    with pytest.raises(DuplicateEntityError):
        rank(kemlu, National(KEM))


def test_assessments_of_different_years_raise() -> None:
    found = [_a("Kabupaten Muna Barat", 2022, "69.17"), _a("Kabupaten Muna Barat", 2023, "81.84")]
    with pytest.raises(MixedYearsError) as info:
        rank(found, National(KAB))
    assert info.value.years == (2022, 2023)
    assert "national ranking of kabupaten" in str(info.value)


@pytest.mark.parametrize(
    ("scope", "name", "expected"),
    [
        (National(KAB), "Kota Kendari", "a kabupaten"),
        (National(KOTA), "Kabupaten Muna Barat", "a kota"),
        (
            Provincial(SULTRA),
            "Kabupaten Tuban",
            "a kabupaten or kota of Provinsi Sulawesi Tenggara",
        ),
        (Provincial(SULTRA), "Pemprov Sultra", "a kabupaten or kota of Provinsi Sulawesi Tenggara"),
        (
            WithinPemda(MUNA_BARAT),
            "Kabupaten Muna",
            "an OPD, Puskesmas or RSUD of Kabupaten Muna Barat",
        ),
    ],
)
def test_an_entity_outside_the_scope_raises(scope: Scope, name: str, expected: str) -> None:
    found = [Assessment(regions.pemda(name), 2023, "70.00")]
    with pytest.raises(OutOfScopeError) as info:
        rank(found, scope)
    assert info.value.entity == regions.pemda(name)
    assert info.value.scope == scope
    assert info.value.expected == expected
    assert str(info.value) == f"{regions.pemda(name)} is outside {scope}: expected {expected}"


def test_a_unit_of_another_pemda_is_outside_within_pemda() -> None:
    other = OPD(pemda=regions.pemda("Kota Serang"), kind=OPDKind.DINSOS)
    found = [*_serang_units(), Assessment(other, 2024, "80.00")]
    with pytest.raises(OutOfScopeError, match="Dinas Sosial Kota Serang is outside units of"):
        rank(found, WithinPemda(SERANG_2024))


def test_an_assessment_without_a_score_cannot_be_ranked() -> None:
    unscored = Assessment(regions.pemda("Kabupaten Bengkalis"), 2022, None)
    with pytest.raises(InvalidArgumentError) as info:
        rank([_a("Kabupaten Siak", 2022, "80.00"), unscored], National(KAB))
    assert info.value.value is unscored
    assert str(info.value) == (
        "invalid assessments 'Kabupaten Bengkalis (2022, no score)': "
        "expected assessments with a score"
    )


def test_the_first_problem_in_input_order_is_reported() -> None:
    found = [
        _a("Kabupaten Muna Barat", 2023, "81.84"),
        _a("Kota Kendari", 2023, "70.00"),  # out of scope, comes first
        _a("Kabupaten Muna Barat", 2023, "81.84"),  # duplicate
        _a("Kabupaten Muna", 2022, "42.72"),  # another year
    ]
    with pytest.raises(OutOfScopeError):
        rank(found, National(KAB))
    with pytest.raises(DuplicateEntityError):
        rank([found[0], found[2], found[1]], National(KAB))
    with pytest.raises(MixedYearsError):
        rank([found[0], found[3], found[1]], National(KAB))


@pytest.mark.parametrize(
    "junk",
    [None, 5, True, 1.5, "Muna Barat", b"bytes", Decimal("NaN"), object()],
)
def test_junk_instead_of_assessments_raises(junk: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        rank(junk, National(KAB))  # type: ignore[arg-type]
    assert info.value.argument == "assessments"


def test_a_single_assessment_instead_of_an_iterable_raises() -> None:
    with pytest.raises(InvalidArgumentError, match="an iterable of Assessment"):
        rank(_a("Kabupaten Muna Barat", 2023, "81.84"), National(KAB))  # type: ignore[arg-type]


@pytest.mark.parametrize("junk", [None, "81.84", MUNA_BARAT, 81.84, [None]])
def test_junk_among_the_assessments_raises(junk: object) -> None:
    found = [_a("Kabupaten Muna Barat", 2023, "81.84"), junk]
    with pytest.raises(InvalidArgumentError, match="expected Assessment objects"):
        rank(found, National(KAB))  # type: ignore[arg-type]


@pytest.mark.parametrize("scope", [None, "national", KAB, SULTRA, MUNA_BARAT, National])
def test_a_bad_scope_raises(scope: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        rank([], scope)  # type: ignore[arg-type]
    assert info.value.argument == "scope"


@pytest.mark.parametrize("ties", [None, "average", "MIN", 1, [], {}, ["min"]])
def test_a_bad_tie_mode_raises(ties: object) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        rank([], National(KAB), ties=ties)  # type: ignore[arg-type]
    assert info.value.argument == "ties"


def test_assessments_that_raise_while_iterated_raise_invalid_argument() -> None:
    from fuzz_junk import BrokenEverything, HostileError, RaisingList

    def failing() -> Iterator[Assessment]:
        yield _a("Kabupaten Muna Barat", 2023, "81.84")
        raise KeyError("lost")

    for junk, cause in ((RaisingList(), HostileError), (BrokenEverything(), HostileError)):
        with pytest.raises(InvalidArgumentError, match="an iterable of Assessment") as info:
            rank(junk, National(KAB))
        assert isinstance(info.value.__cause__, cause)
    with pytest.raises(InvalidArgumentError, match="an iterable of Assessment") as info:
        rank(failing(), National(KAB))
    assert isinstance(info.value.__cause__, KeyError)


def test_an_opinipp_error_raised_while_iterating_passes_unchanged() -> None:
    def building() -> Iterator[Assessment]:
        yield _a("Kabupaten Muna Barat", 2023, "81.84")
        yield _a("Kabupaten Mukomuko", 2023, "100.01")

    with pytest.raises(InvalidScoreError, match=r"100\.01"):
        rank(building(), National(KAB))


def test_ranked_entry_words_are_kept_as_plain_text() -> None:
    from fuzz_junk import RaisingStr

    given = _a("Kabupaten Muna Barat", 2023, "81.84")
    entry = RankedEntry(1, 1, given, 415, RaisingStr("415 assessed"))
    assert entry.official_words == "415 assessed"
    assert type(entry.official_words) is str
    assert str(entry) == "rank 1 among the 1 given (415 assessed)"
    with pytest.raises(InvalidArgumentError) as info:
        RankedEntry(1, 1, given, 415, RaisingStr(""))
    assert info.value.argument == "RankedEntry.official_words"


def test_a_tie_mode_given_as_a_str_subclass_is_read_as_its_text() -> None:
    from fuzz_junk import LyingStr, RaisingStr

    given = [_a("Kabupaten Muna Barat", 2023, "81.84"), _a("Kabupaten Mukomuko", 2023, "81.84")]
    ranking = rank(given, National(KAB), ties=RaisingStr("dense"))  # type: ignore[arg-type]
    assert ranking.ties == "dense"
    assert type(ranking.ties) is str
    assert [e.rank for e in ranking] == [1, 1]
    with pytest.raises(InvalidArgumentError) as info:
        rank(given, National(KAB), ties=LyingStr("average"))  # type: ignore[arg-type]
    assert info.value.argument == "ties"


def test_find_refuses_a_foreign_object_before_hashing_it() -> None:
    from fuzz_junk import RaisingStr

    ranking = rank([_a("Kabupaten Muna Barat", 2023, "81.84")], National(KAB))
    with pytest.raises(InvalidArgumentError, match="an Instansi, Pemda") as info:
        ranking.find(RaisingStr("Kabupaten Muna Barat"))  # type: ignore[arg-type]
    assert info.value.argument == "entity"
    assert RaisingStr("x") not in ranking


def test_the_constructor_checks_and_ranks_like_rank() -> None:
    given = [_a("Kabupaten Muna Barat", 2023, "81.84"), _a("Kabupaten Mukomuko", 2023, "90.02")]
    built = Ranking(given, National(KAB), ties="dense")
    assert built == rank(given, National(KAB), ties="dense")
    assert [(e.rank, str(e.entity)) for e in built] == [
        (1, "Kabupaten Mukomuko"),
        (2, "Kabupaten Muna Barat"),
    ]
    with pytest.raises(InvalidArgumentError, match="an iterable of Assessment"):
        Ranking(National(KAB), National(KAB))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="National"):
        Ranking(given, 2023)  # type: ignore[arg-type]


def test_find_names_what_is_missing() -> None:
    ranking = rank([_a("Kabupaten Muna Barat", 2023, "81.84")], National(KAB))
    with pytest.raises(OutOfScopeError) as info:
        ranking.find(regions.pemda("Kota Kendari"))
    assert info.value.expected == "a kota" or "a kabupaten" in str(info.value)
    assert str(info.value) == (
        "Kota Kendari is outside national ranking of kabupaten: expected a kabupaten"
    )
    with pytest.raises(OutOfScopeError) as absent:
        ranking.describe(regions.pemda("Kabupaten Buton"))
    assert str(absent.value) == (
        "Kabupaten Buton is outside this ranking (national ranking of kabupaten 2023): "
        "expected one of the 1 entities ranked"
    )
    for junk in (None, "Kabupaten Muna Barat", [MUNA_BARAT], SULTRA):
        with pytest.raises(InvalidArgumentError):
            ranking.find(junk)  # type: ignore[arg-type]
        assert junk not in ranking


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        ((0, 1, None), "RankedEntry"),
        ((2, 1, None), "RankedEntry"),
        ((True, 1, None), "RankedEntry"),
        ((1, 1, "x"), "RankedEntry.assessment"),
        ((1, 2, None, 0), "RankedEntry.official_of"),
    ],
)
def test_ranked_entries_check_their_fields(args: tuple[object, ...], argument: str) -> None:
    rank_, of, assessment, *official = args
    with pytest.raises(InvalidArgumentError) as info:
        RankedEntry(
            rank_,  # type: ignore[arg-type]
            of,  # type: ignore[arg-type]
            assessment if assessment is not None else _a("Kabupaten Muna Barat", 2023, "81.84"),  # type: ignore[arg-type]
            *official,  # type: ignore[arg-type]
        )
    assert info.value.argument == argument


def test_every_error_is_an_opinipp_error_and_a_value_error() -> None:
    calls: list[Callable[[], object]] = [
        lambda: rank(None, National(KAB)),  # type: ignore[arg-type]
        lambda: rank([], None),  # type: ignore[arg-type]
        lambda: rank([_a("Kota Kendari", 2023, "1")], National(KAB)),
    ]
    for call in calls:
        with pytest.raises(OpinippError) as info:
            call()
        assert isinstance(info.value, ValueError)


def test_entries_are_built_once_and_kept() -> None:
    ranking = rank(_serang_units(), WithinPemda(SERANG_2024))
    assert ranking.entries is ranking.entries
    assert ranking.find(OPD(pemda=SERANG_2024, kind=OPDKind.DINSOS)) is ranking.entries[0]


def test_a_ranked_entry_can_be_rebuilt_with_evolve() -> None:
    entry = rank(_serang_units(), WithinPemda(SERANG_2024)).entries[0]
    assert attrs.evolve(entry, official_of=6).official_of == 6
