"""Tests of opinipp.strategies: validity, argument checking, shrinking and from_type."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from fuzz_junk import BrokenEverything, LyingStr, RaisingInt, RaisingStr, WrongTypeStr
from opinipp import regions
from opinipp.assessments import Assessment, PublishedResult
from opinipp.datasets import Disagreement
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
    Unit,
)
from opinipp.gaps import Gap
from opinipp.ranking import National, Provincial, RankedEntry, Ranking, Scope, WithinPemda
from opinipp.rules import Band, Category, Dimension, RuleSet, Zone, covered_years, rules_for
from opinipp.scores import Score
from opinipp.strategies import (
    assessment_sets,
    assessments,
    boundary_scores,
    entities,
    grades,
    instansis,
    opds,
    pemdas,
    provinces,
    puskesmas,
    rankings,
    rsuds,
    rule_sets,
    scopes,
    scores,
    skm_responses,
    years,
)
from opinipp.strategies import instruments as small_instruments
from opinipp.trends import Change, Direction, Series
from opinipp.years import AssessmentYear
from opinipp.zoning import Grade, classify

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")

QUIET = settings(
    database=None,
    max_examples=500,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.generate, Phase.shrink],
)


def minimal(strategy: st.SearchStrategy[T], condition: Callable[[T], bool] = bool) -> T:
    """The simplest example that satisfies ``condition`` (always true by default)."""
    return find(strategy, condition if condition is not bool else lambda _: True, settings=QUIET)


def collect(strategy: st.SearchStrategy[T], n: int = 300) -> list[T]:
    """Draw ``n`` examples (for checks over the whole output of a strategy)."""
    found: list[T] = []

    @settings(QUIET, max_examples=n, phases=[Phase.generate])
    @given(strategy)
    def run(value: T) -> None:
        found.append(value)

    run()
    return found


# --- scores ---------------------------------------------------------------------------


@given(scores("54.00", "77.99"))
def test_scores_stay_within_the_bounds(score: Score) -> None:
    assert Score("54.00") <= score <= Score("77.99")
    assert classify(score, 2023).category is Category.C


def test_scores_shrink_towards_min_value() -> None:
    assert minimal(scores("12.34", 50)) == Score("12.34")
    assert minimal(scores(), lambda s: s >= Score("88.00")) == Score("88.00")
    assert minimal(scores("20"), lambda s: s > Score("31.99")) == Score("32.00")


def test_scores_reach_both_ends_and_single_points() -> None:
    assert minimal(scores(max_value=Decimal("0.05")), lambda s: s == Score("0.05")) == Score("0.05")
    assert {str(s) for s in collect(scores("81.84", "81.84"), 20)} == {"81.84"}
    assert Score("100.00") in collect(scores("99.98"), 200)


@pytest.mark.parametrize(
    ("low", "high", "message"),
    [
        ("88", "78", "min_value=Score('88.00') is above max_value=Score('78.00')"),
        ("100.01", 100, "min_value='100.01' is invalid"),
        (0, -1, "max_value=-1 is invalid"),
        (None, 100, "min_value=None is invalid"),
        (float("nan"), 100, "min_value=nan is invalid"),
        ("81.845", 100, "more than two decimals"),
        (True, 100, "min_value=True is invalid"),
    ],
)
def test_scores_reject_bad_bounds(low: Any, high: Any, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message.replace("(", r"\(").replace(")", r"\)")):
        scores(low, high)


# --- boundary scores ------------------------------------------------------------------


def test_boundary_scores_of_2023_are_the_band_edges_and_neighbours() -> None:
    found = {str(s) for s in collect(boundary_scores(2023), 400)}
    assert found == {
        "0.00",
        "0.01",
        "31.99",
        "32.00",
        "32.01",
        "53.99",
        "54.00",
        "54.01",
        "77.99",
        "78.00",
        "78.01",
        "87.99",
        "88.00",
        "88.01",
        "99.99",
        "100.00",
    }


def test_boundary_scores_follow_the_scale_of_2015() -> None:
    found = {str(s) for s in collect(boundary_scores(2015), 300)}
    assert found == {
        "0.00",
        "0.01",
        "38.99",
        "39.00",
        "39.01",
        "60.99",
        "61.00",
        "61.01",
        "74.99",
        "75.00",
    }


@given(st.data())
def test_boundary_scores_of_any_year_hit_every_edge_of_every_year(data: st.DataObject) -> None:
    score = data.draw(boundary_scores())
    on_an_edge = [
        rs for rs in rule_sets_tuple() if any(abs(score - b.lower) <= 1 for b in rs.bands)
    ]
    assert on_an_edge or score >= Score("74.99")


def rule_sets_tuple() -> tuple[RuleSet, ...]:
    from opinipp.rules import rule_sets as all_rule_sets

    return all_rule_sets()


def test_boundary_scores_cover_each_lower_bound_of_every_year() -> None:
    found = set(collect(boundary_scores(), 600))
    for rs in rule_sets_tuple():
        for band in rs.bands:
            assert band.lower in found


@pytest.mark.parametrize("year", [2020, 2014, "2023", 2023.0, True, None.__class__])
def test_boundary_scores_reject_years_without_rules(year: Any) -> None:
    with pytest.raises(InvalidArgument, match="an assessment year with rules"):
        boundary_scores(year)


# --- years and rule sets --------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, set(covered_years())),
        ({"with_zones": False}, {2025}),
        ({"with_zones": True}, {2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024}),
        ({"with_categories": True}, {2022, 2023, 2024}),
        ({"with_categories": False}, {2015, 2016, 2017, 2018, 2019, 2021, 2025}),
        ({"with_tanpa_maladministrasi": True}, {2025}),
        ({"min_value": 2019, "max_value": 2022}, {2019, 2021, 2022}),
        ({"min_value": 2000, "max_value": 2016}, {2015, 2016}),
        ({"with_zones": True, "with_categories": False, "min_value": 2020}, {2021}),
    ],
)
def test_years_are_filtered_by_construction(kwargs: dict[str, Any], expected: set[int]) -> None:
    assert set(collect(years(**kwargs), 300)) == expected


def test_years_shrink_to_the_oldest_and_never_give_2020() -> None:
    assert minimal(years()) == 2015
    assert minimal(years(min_value=2020)) == 2021
    assert 2020 not in collect(years(), 300)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_value": 2025, "with_zones": True}, "no assessment year satisfies"),
        ({"min_value": 2026}, "no assessment year satisfies"),
        ({"min_value": 2024, "max_value": 2022}, "min_value=2024 is above max_value=2022"),
        ({"with_zones": "yes"}, "with_zones='yes' is invalid: expected True, False or None"),
        ({"min_value": "2020"}, "min_value='2020' is invalid"),
        ({"max_value": True}, "max_value=True is invalid"),
        ({"with_categories": 1}, "with_categories=1 is invalid"),
    ],
)
def test_years_reject_bad_or_impossible_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        years(**kwargs)


def test_rule_sets_give_each_bundled_rule_set_once() -> None:
    assert set(collect(rule_sets(), 200)) == set(rule_sets_tuple())
    assert {rs.scheme for rs in collect(rule_sets(with_categories=True), 100)} == {
        "opini-pengawasan-2022",
        "opini-pengawasan-2024",
    }
    assert minimal(rule_sets()).scheme == "kepatuhan-2015"
    with pytest.raises(InvalidArgument):
        rule_sets(with_zones=False, with_categories=True)


@given(grades())
def test_grades_are_what_classify_gives(grade: Grade) -> None:
    low = grade.band.lower
    assert classify(low, grade.year, tanpa_maladministrasi=grade.tanpa_maladministrasi) == grade


def test_grades_of_one_year_or_a_strategy_of_years() -> None:
    assert {g.year for g in collect(grades(year=2021), 50)} == {2021}
    assert {g.year for g in collect(grades(year=st.sampled_from([2019, 2025])), 200)} == {
        2019,
        2025,
    }
    qualifiers = {g.tanpa_maladministrasi for g in collect(grades(year=2025), 200)}
    assert qualifiers == {None, True, False}
    assert {g.tanpa_maladministrasi for g in collect(grades(year=2024), 50)} == {None}
    with pytest.raises(InvalidArgument, match="year=2020 is invalid"):
        grades(year=2020)
    with pytest.raises(InvalidArgument, match="year=2020 is invalid"):
        minimal(grades(year=st.just(2020)))


# --- regions and entities -------------------------------------------------------------


def test_provinces_are_the_bundled_38_and_shrink_to_aceh() -> None:
    found = collect(provinces(), 500)
    assert set(found) <= set(regions.provinces())
    assert len(set(found)) > 30
    assert minimal(provinces()).name == "Aceh"


@given(pemdas())
def test_pemdas_are_known_by_their_code(pemda: Pemda) -> None:
    assert regions.pemda(pemda.code) == pemda


def test_pemdas_by_kind_and_province() -> None:
    found = collect(pemdas(kind="kota", province="Sultra"), 100)
    assert {p.full_name for p in found} == {"Kota Kendari", "Kota Bau Bau"}
    assert {p.kind for p in collect(pemdas(kind=PemdaKind.PROVINSI), 100)} == {PemdaKind.PROVINSI}
    assert minimal(pemdas()).full_name == "Provinsi Aceh"
    assert minimal(pemdas(kind=EntityKind.KABUPATEN)).full_name == "Kabupaten Aceh Selatan"
    sultra = regions.province("74")
    assert {p.province for p in collect(pemdas(province=sultra), 50)} == {sultra}


def test_pemdas_with_varying_arguments() -> None:
    kinds = st.sampled_from([PemdaKind.KABUPATEN, PemdaKind.KOTA])
    found = collect(pemdas(kind=kinds, province=st.sampled_from(["Bali", "Jambi"])), 300)
    assert {p.province.name for p in found} == {"Bali", "Jambi"}
    assert {p.kind for p in found} == {PemdaKind.KABUPATEN, PemdaKind.KOTA}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "kota", "province": "Sulawesi Barat"}, "combination is impossible"),
        ({"kind": "kecamatan"}, "kind='kecamatan' is invalid"),
        ({"kind": InstansiKind.LEMBAGA}, "kind=<InstansiKind.LEMBAGA: 'lembaga'> is invalid"),
        ({"kind": 3}, "kind=3 is invalid"),
        ({"province": "Atlantis"}, "province='Atlantis' is invalid: expected a known province"),
        ({"province": 74}, "province=74 is invalid"),
        ({"province": Province(code="99", name="Nowhere")}, "province=.* is invalid"),
    ],
)
def test_pemdas_reject_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        minimal(pemdas(**kwargs))


def test_pemdas_reject_a_drawn_impossible_combination_at_draw_time() -> None:
    strategy = pemdas(kind=st.just("kota"), province=st.just("Sulawesi Barat"))
    with pytest.raises(InvalidArgument, match="combination is impossible"):
        minimal(strategy)
    with pytest.raises(InvalidArgument, match="kind='desa' is invalid"):
        minimal(pemdas(kind=st.just("desa")))


def test_instansis_are_real_bodies_of_the_kind_asked() -> None:
    found = collect(instansis(), 400)
    assert {i.kind for i in found} == set(InstansiKind)
    lembaga = collect(instansis(kind="lembaga"), 200)
    assert {i.kind for i in lembaga} == {InstansiKind.LEMBAGA}
    assert "Badan Pengawas Obat dan Makanan" in {i.name for i in lembaga}
    assert all(i.abbreviation for i in found)
    assert {i.kind for i in collect(instansis(kind=st.just(InstansiKind.KEMENTERIAN)), 20)} == {
        InstansiKind.KEMENTERIAN
    }
    with pytest.raises(InvalidArgument, match="kind='kabupaten' is invalid"):
        instansis(kind="kabupaten")


@given(opds())
def test_opds_other_units_carry_a_name(unit: OPD) -> None:
    assert (unit.kind is OPDKind.OTHER) <= (unit.name is not None)
    assert unit.name in (None, unit.kind.default_name) or unit.kind is OPDKind.OTHER
    assert str(unit).endswith(unit.pemda.full_name)


def test_opds_of_one_pemda_and_kind() -> None:
    mubar = regions.pemda("Kab. Muna Barat")
    found = collect(opds(pemda=mubar, kind=st.sampled_from([OPDKind.DINSOS, "other"])), 200)
    assert {u.pemda for u in found} == {mubar}
    assert {u.kind for u in found} == {OPDKind.DINSOS, OPDKind.OTHER}
    assert minimal(opds(pemda="74.13")) == OPD(pemda=mubar, kind=OPDKind.DINKES)
    with pytest.raises(InvalidArgument, match="kind='dinas' is invalid"):
        opds(kind="dinas")
    with pytest.raises(InvalidArgument, match="pemda='Atlantis' is invalid"):
        opds(pemda="Atlantis")
    with pytest.raises(InvalidArgument, match="pemda=3 is invalid"):
        puskesmas(pemda=3)  # type: ignore[arg-type]


@given(puskesmas())
def test_puskesmas_belong_to_a_kabupaten_or_kota(unit: Puskesmas) -> None:
    assert unit.name.startswith("Puskesmas ")
    assert unit.pemda.kind in (PemdaKind.KABUPATEN, PemdaKind.KOTA)


def test_units_of_a_given_pemda() -> None:
    serang = regions.pemda("Kabupaten Serang")
    assert {u.pemda for u in collect(puskesmas(pemda=serang), 50)} == {serang}
    banten = regions.pemda("Pemprov Banten")
    hospitals = collect(rsuds(pemda=st.just(banten)), 50)
    assert {h.pemda for h in hospitals} == {banten}
    assert all(h.name.startswith("RSUD ") for h in hospitals)
    assert str(minimal(puskesmas(pemda=serang))) == "Puskesmas Pancur (Kabupaten Serang)"


@pytest.mark.parametrize(
    ("kind", "cls"),
    [
        (EntityKind.KEMENTERIAN, Instansi),
        ("lembaga", Instansi),
        (PemdaKind.PROVINSI, Pemda),
        ("kabupaten", Pemda),
        (EntityKind.KOTA, Pemda),
        ("opd", OPD),
        (EntityKind.PUSKESMAS, Puskesmas),
        ("rsud", Rsud),
    ],
)
def test_entities_of_each_kind(kind: Any, cls: type) -> None:
    found = collect(entities(kind=kind), 30)
    assert all(isinstance(e, cls) for e in found)
    assert {e.entity_kind.value for e in found} == {str(getattr(kind, "value", kind))}


def test_entities_of_any_kind_cover_every_kind() -> None:
    assert {e.entity_kind for e in collect(entities(), 500)} == set(EntityKind)
    with pytest.raises(InvalidArgument, match="kind='desa' is invalid"):
        entities(kind="desa").validate()


# --- assessments and rankings ---------------------------------------------------------


@given(assessments())
def test_assessments_are_scored_on_the_scale_of_their_year(a: Assessment) -> None:
    assert a.score is not None
    assert a.score <= rules_for(a.year).scale_max
    classify(a.score, a.year, tanpa_maladministrasi=a.tanpa_maladministrasi)
    assert (a.tanpa_maladministrasi is None) or rules_for(a.year).has_tanpa_maladministrasi


def test_assessments_of_a_year_and_kind() -> None:
    found = collect(assessments(year=2015, kind="kota"), 200)
    assert {a.year for a in found} == {2015}
    assert {a.entity.entity_kind for a in found} == {EntityKind.KOTA}
    assert max(a.score for a in found if a.score is not None) <= Score("75.00")
    first = minimal(assessments())
    assert (first.year, first.score) == (2015, Score(0))
    with pytest.raises(InvalidArgument, match="year=2020 is invalid"):
        assessments(year=2020)


@given(assessment_sets())
def test_assessment_sets_hold_distinct_entities_of_one_year(found: tuple[Assessment, ...]) -> None:
    assert len({a.year for a in found}) <= 1
    assert len({a.entity for a in found}) == len(found)
    assert all(a.score is not None for a in found)


def test_assessment_sets_sizes_and_rosters() -> None:
    lembaga = collect(assessment_sets(kind="lembaga", min_size=14), 20)
    assert {len(s) for s in lembaga} == {14}
    sized = collect(assessment_sets(kind="opd", min_size=2, max_size=4), 100)
    assert {len(s) for s in sized} <= {2, 3, 4}
    smallest = minimal(assessment_sets(year=2024, kind="provinsi", min_size=3))
    assert [(a.entity.name, str(a.score)) for a in smallest] == [
        ("Aceh", "0.00"),
        ("Sumatera Utara", "0.00"),
        ("Sumatera Barat", "0.00"),
    ]
    assert minimal(assessment_sets()) == ()


def test_assessment_sets_draw_ties_often() -> None:
    found = collect(assessment_sets(kind="kabupaten", min_size=5), 200)
    with_ties = [s for s in found if len({a.score for a in s}) < len(s)]
    assert len(with_ties) > 20


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "lembaga", "min_size": 15}, "min_size=15 is above the 14 entities"),
        ({"min_size": 3, "max_size": 2}, "min_size=3 is above max_size=2"),
        ({"min_size": -1}, "min_size=-1 is invalid"),
        ({"max_size": 2.5}, "max_size=2.5 is invalid"),
        ({"kind": "desa"}, "kind='desa' is invalid"),
        ({"year": "2023"}, "year='2023' is invalid"),
    ],
)
def test_assessment_sets_reject_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        minimal(assessment_sets(**kwargs))


def test_assessment_sets_reject_a_drawn_kind_with_too_small_a_roster() -> None:
    with pytest.raises(InvalidArgument, match="min_size=15 is above the 14 entities available"):
        minimal(assessment_sets(kind=st.just("lembaga"), min_size=15))


@given(scopes())
def test_scopes_are_valid_and_admit_their_own_entities(scope: Scope) -> None:
    assert isinstance(scope, (National, Provincial, WithinPemda))
    assert not scope.admits(None)


@given(rankings())
def test_rankings_rank_admissible_assessments(ranking: Ranking) -> None:
    ranks = [e.rank for e in ranking]
    assert ranks == sorted(ranks)
    assert all(ranking.scope.admits(e.entity) for e in ranking)
    assert len({e.entity for e in ranking}) == len(ranking)


def test_rankings_with_fixed_arguments() -> None:
    sultra = regions.province("Sultra")
    found = collect(
        rankings(scope=Provincial(sultra), year=2023, ties="dense", min_size=2, max_size=5), 100
    )
    assert {r.year for r in found} == {2023}
    assert {r.ties for r in found} == {"dense"}
    assert {len(r) for r in found} <= {2, 3, 4, 5}
    assert all(
        isinstance(e.entity, Pemda) and e.entity.province == sultra for r in found for e in r
    )
    within = collect(rankings(scope=st.just(WithinPemda(regions.pemda("74.13")))), 50)
    assert all(isinstance(e.entity, (OPD, Puskesmas, Rsud)) for r in within for e in r)
    assert {r.ties for r in collect(rankings(min_size=1), 200)} == {"min", "dense", "ordinal"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scope": "national"}, "scope='national' is invalid"),
        ({"ties": "max"}, "ties='max' is invalid"),
        ({"ties": st.just("first")}, "ties='first' is invalid"),
        ({"scope": National(InstansiKind.LEMBAGA), "min_size": 15}, "min_size=15 is above"),
        (
            {"scope": Provincial(Province(code="99", name="Nowhere"))},
            "province=.* is invalid: expected a province of the bundled data",
        ),
    ],
)
def test_rankings_reject_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        minimal(rankings(**kwargs))


# --- st.from_type through the entry point ---------------------------------------------


@pytest.mark.parametrize(
    "cls",
    [
        Score,
        Province,
        Pemda,
        Instansi,
        OPD,
        Puskesmas,
        Rsud,
        Assessment,
        PublishedResult,
        RuleSet,
        Band,
        Grade,
        AssessmentYear,
        National,
        Provincial,
        WithinPemda,
        Ranking,
        RankedEntry,
        Gap,
        Change,
        Series,
        Disagreement,
        Zone,
        Category,
        Dimension,
        Direction,
    ],
)
def test_from_type_knows_every_type(cls: type) -> None:
    found: list[object] = collect(st.from_type(cls), 30)
    assert found
    assert all(isinstance(x, cls) for x in found)


@pytest.mark.parametrize(
    ("alias", "members"),
    [
        (Entity, (Instansi, Pemda, OPD, Puskesmas, Rsud)),
        (Unit, (OPD, Puskesmas, Rsud)),
        (Scope, (National, Provincial, WithinPemda)),
    ],
)
def test_from_type_resolves_the_unions(alias: Any, members: tuple[type, ...]) -> None:
    found = collect(st.from_type(alias), 300)
    assert {type(x) for x in found} == set(members)


def test_from_type_of_score_is_scores() -> None:
    assert minimal(st.from_type(Score)) == Score("0.00")
    assert minimal(st.from_type(Score), lambda s: s >= Score(50)) == Score("50.00")


def test_the_hook_is_light() -> None:
    probe = """
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and "opinipp" in args[0]:
        if not args[0].endswith((".py", ".pyc")) and ".dist-info" not in args[0]:
            opened.append(args[0])
sys.addaudithook(hook)
import hypothesis
from hypothesis import strategies as st
from opinipp.scores import Score
registered = Score in st._internal.types._global_type_lookup
print(json.dumps({
    "opened": opened,
    "strategies": "opinipp.strategies" in sys.modules,
    "registered": registered,
}))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == {"opened": [], "strategies": False, "registered": True}


_HUGE: Any = 10**5000  # beyond int -> str conversion (sys.get_int_max_str_digits())


@pytest.mark.parametrize(
    ("build", "argument"),
    [
        (lambda: scores(min_value=_HUGE), "min_value"),
        (lambda: scores(max_value=_HUGE), "max_value"),
        (lambda: scores(min_value=-_HUGE), "min_value"),
        (lambda: years(min_value=_HUGE), "min_value"),
        (lambda: years(min_value=_HUGE, max_value=2023), "min_value"),
        (lambda: years(max_value=-_HUGE), "max_value"),
        (lambda: grades(year=_HUGE), "year"),
        (lambda: boundary_scores(_HUGE), "year"),
        (lambda: assessment_sets(kind="provinsi", min_size=_HUGE), "min_size"),
        (lambda: assessment_sets(min_size=_HUGE, max_size=1), "min_size"),
        (lambda: pemdas(province=_HUGE), "province"),
    ],
)
def test_huge_int_arguments_raise_invalid_argument(build: Any, argument: str) -> None:
    with pytest.raises(InvalidArgument, match=f"{argument}=") as caught:
        build().validate()
    assert "<int of 16610 bits>" in str(caught.value)
    assert len(str(caught.value)) < 1000


@pytest.mark.parametrize(
    ("build", "shown"),
    [
        (lambda: rankings(ties=RaisingStr("x")), r"ties=RaisingStr\('x'\) is invalid"),  # type: ignore[arg-type]
        (lambda: rankings(ties=LyingStr("x")), "ties='x' is invalid"),  # type: ignore[arg-type]
        (lambda: pemdas(kind=WrongTypeStr("desa")), "kind='desa' is invalid"),
        (lambda: pemdas(province=RaisingStr("Atlantis")), r"province=RaisingStr\('Atlantis'\)"),
        (lambda: rsuds(pemda=WrongTypeStr("Atlantis")), "pemda='Atlantis' is invalid"),
        (lambda: grades(year=RaisingInt(2020)), r"year=RaisingInt\(2020\) is invalid"),
        (
            lambda: years(min_value=RaisingInt(2030)),
            "no assessment year satisfies min_value=2030, ",
        ),
        (
            lambda: assessment_sets(min_size=RaisingInt(1), max_size=RaisingInt(0)),
            "min_size=1 is above max_size=0",
        ),
        (
            lambda: small_instruments(min_indicators=RaisingInt(0)),
            r"min_indicators=RaisingInt\(0\)",
        ),
        (lambda: small_instruments(max_points=RaisingInt(11)), r"max_points=RaisingInt\(11\)"),
        (lambda: small_instruments(weighted=BrokenEverything()), "weighted=<"),  # type: ignore[arg-type]
        (lambda: small_instruments(year=RaisingInt(2020)), r"year=RaisingInt\(2020\)"),
        (lambda: skm_responses(min_size=RaisingInt(0)), r"min_size=RaisingInt\(0\)"),
    ],
)
def test_hostile_arguments_raise_invalid_argument(build: Any, shown: str) -> None:
    with pytest.raises(InvalidArgument, match=f"^{shown}") as caught:
        build().validate()
    assert len(str(caught.value)) < 1000


@given(
    rankings(ties=RaisingStr("dense"), year=RaisingInt(2023), min_size=RaisingInt(1)),  # type: ignore[arg-type]
    pemdas(kind=LyingStr("kota"), province=WrongTypeStr("Sultra")),
)
def test_subclass_arguments_are_read_for_their_own_value(ranking: Ranking, pemda: Pemda) -> None:
    assert (ranking.ties, ranking.year, type(ranking.ties)) == ("dense", 2023, str)
    assert len(ranking) >= 1
    assert pemda.kind is PemdaKind.KOTA
    assert pemda.code.startswith("74.")
