"""Every rejection in the rules, zoning, ranking and gaps names its argument, value and need.

The house rule: bad input raises the specific opinipp error, and the error carries the
offending value and what was expected. These tests pin those attributes for each check, so
that a check that stops firing, or fires with the wrong argument name or value, fails. They
also pin the edges of each check (the value just inside is accepted).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest

import opinipp.gaps
import opinipp.ranking
import opinipp.rules
import opinipp.rules._tables
import opinipp.rules._types
import opinipp.zoning
from opinipp import regions
from opinipp.assessments import Assessment
from opinipp.entities import Instansi, InstansiKind, PemdaKind
from opinipp.errors import (
    DuplicateEntityError,
    InvalidArgumentError,
    InvalidScoreError,
    MixedYearsError,
    NotApplicableError,
    OpinippError,
    OutOfScopeError,
)
from opinipp.gaps import Gap, gap_to, gap_to_next_tier, points_to_rank
from opinipp.ranking import National, Provincial, RankedEntry, Ranking, WithinPemda, rank
from opinipp.rules import Band, Category, Dimension, RuleSet, Zone, rules_for
from opinipp.rules import _index as build_index
from opinipp.rules._types import FrozenMapping
from opinipp.scores import Score
from opinipp.zoning import Grade, classify, pemda_score, score_from_dimensions

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

R2023 = rules_for(2023)
R2021 = rules_for(2021)
R2025 = rules_for(2025)
B2023 = R2023.bands  # E, D, C, B, A


def rejects(
    call: Callable[[], object], error: type[OpinippError], **expected: object
) -> OpinippError:
    """Call, expect ``error``, and compare each named attribute of it exactly."""
    with pytest.raises(error) as caught:
        call()
    for name, value in expected.items():
        assert getattr(caught.value, name) == value, name
    assert str(caught.value)
    return caught.value


def junk(value: object) -> Any:
    """Pass ``value`` where the API expects another type (for the type checker)."""
    return value


def invalid(argument: str, value: object, expected: str) -> dict[str, Any]:
    return {"argument": argument, "value": value, "expected": expected}


def with_band(index: int, **changes: Any) -> tuple[Band, ...]:
    """The 2023 bands with one band changed."""
    bands = list(B2023)
    bands[index] = attrs.evolve(bands[index], **changes)
    return tuple(bands)


# --- Band ---------------------------------------------------------------------------------


def test_band_bounds() -> None:
    rejects(
        lambda: Band("50.00", "40.00", zone=Zone.MERAH),
        InvalidArgumentError,
        **invalid("Band.upper", Score("40.00"), "a score not below the lower bound 50.00"),
    )
    assert Band("50.00", "50.00", zone=Zone.MERAH).contains("50.00")  # one score is a band


def test_band_labels_come_in_pairs() -> None:
    rejects(
        lambda: Band(0, 10, opinion="Kualitas Tinggi"),
        InvalidArgumentError,
        **invalid(
            "Band.opinion_en",
            None,
            "an English label exactly when opinion is given ('Kualitas Tinggi')",
        ),
    )
    rejects(
        lambda: Band(0, 10, zone=Zone.HIJAU, predikat_en="High compliance"),
        InvalidArgumentError,
        **invalid(
            "Band.predikat_en",
            "High compliance",
            "an English label exactly when predikat is given (None)",
        ),
    )


def test_band_needs_a_label() -> None:
    error = rejects(lambda: Band(0, 10), InvalidArgumentError, argument="Band")
    assert isinstance(error, InvalidArgumentError)
    assert isinstance(error.value, Band)
    assert error.expected == "at least one of zone, category, opinion, predikat or quality"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("opinion", "", "None or non-empty text"),
        ("opinion", "  ", "None or non-empty text"),
        ("opinion", 5, "None or non-empty text"),
        ("zone", "hijau", "a Zone or None"),
        ("category", "A", "a Category or None"),
        ("rank", -1, "a whole number from 0"),
        ("rank", True, "a whole number from 0"),
        ("rank", 1.0, "a whole number from 0"),
    ],
)
def test_band_fields(field: str, value: object, expected: str) -> None:
    kwargs: dict[str, Any] = {"zone": Zone.HIJAU, "opinion": "x", "opinion_en": "x"}
    kwargs[field] = value
    rejects(
        lambda: Band(0, 10, **kwargs),
        InvalidArgumentError,
        **invalid(f"Band.{field}", value, expected),
    )


def test_band_fields_accept_none_and_text() -> None:
    band = Band(0, 10, zone=None, category=Category.E, opinion=None, rank=0)
    assert band.label == "Kategori E"
    assert Band(0, 10, opinion="Kualitas Rendah", opinion_en="Low quality").label_en == (
        "Low quality"
    )


# --- RuleSet ------------------------------------------------------------------------------


def evolve(rule_set: RuleSet = R2023, **changes: Any) -> Callable[[], object]:
    return lambda: attrs.evolve(rule_set, **changes)


@pytest.mark.parametrize(
    ("changes", "argument", "value", "expected"),
    [
        ({"scheme": ""}, "RuleSet.scheme", "", "non-empty text"),
        ({"scheme": 5}, "RuleSet.scheme", 5, "non-empty text"),
        ({"legal_basis": " "}, "RuleSet.legal_basis", " ", "non-empty text"),
        ({"years": "2023"}, "RuleSet.years", "2023", "a sequence of years (int)"),
        ({"years": 2023}, "RuleSet.years", 2023, "a sequence of years (int)"),
        ({"years": ()}, "RuleSet.years", (), "at least one year"),
        ({"years": (2022, True)}, "RuleSet.years", (2022, True), "years as int"),
        (
            {"years": (2023, 2022)},
            "RuleSet.years",
            (2023, 2022),
            "distinct years in increasing order",
        ),
        (
            {"years": (2022, 2022)},
            "RuleSet.years",
            (2022, 2022),
            "distinct years in increasing order",
        ),
        ({"bands": 5}, "RuleSet.bands", 5, "a sequence of Band"),
        ({"bands": (B2023[0], "x")}, "RuleSet.bands", (B2023[0], "x"), "a sequence of Band"),
        ({"bands": ()}, "RuleSet.bands", (), "at least one band"),
        ({"notes": "a note"}, "RuleSet.notes", "a note", "a sequence of texts"),
        ({"notes": 5}, "RuleSet.notes", 5, "a sequence of texts"),
        ({"has_zones": "yes"}, "RuleSet.has_zones", "yes", "True or False"),
        (
            {"has_zones": False},
            "RuleSet.has_zones",
            False,
            "True exactly when every band has a zone",
        ),
        (
            {"has_categories": False},
            "RuleSet.has_categories",
            False,
            "True exactly when every band has a category",
        ),
        (
            {"has_tanpa_maladministrasi": True},
            "RuleSet.has_tanpa_maladministrasi",
            True,
            "True exactly when a qualifier label is given",
        ),
        (
            {"qualifier": "Tanpa Maladministrasi"},
            "RuleSet.has_tanpa_maladministrasi",
            False,
            "True exactly when a qualifier label is given",
        ),
        ({"name": ""}, "RuleSet.name", "", "None or non-empty text"),
        (
            {"weights": [1, 2]},
            "RuleSet.weights",
            [1, 2],
            "None or a mapping Dimension → Decimal",
        ),
    ],
)
def test_rule_set_fields(
    changes: dict[str, Any], argument: str, value: object, expected: str
) -> None:
    rejects(evolve(**changes), InvalidArgumentError, **invalid(argument, value, expected))


def test_rule_set_bands_start_at_zero_and_reach_the_top() -> None:
    rejects(
        evolve(bands=with_band(0, lower=Score("0.01"))),
        InvalidArgumentError,
        **invalid("RuleSet.bands", Score("0.01"), "the lowest band to start at 0.00"),
    )
    rejects(
        evolve(bands=with_band(4, upper=Score("99.99"))),
        InvalidArgumentError,
        **invalid(
            "RuleSet.bands",
            Score("99.99"),
            "the highest band to end at the top of the scale, 100.00",
        ),
    )


def test_rule_set_bands_are_ranked_contiguous_and_ordered() -> None:
    rejects(
        evolve(bands=with_band(1, rank=3)),
        InvalidArgumentError,
        **invalid("RuleSet.bands", 3, "rank 1 for band 1 (lowest is 0)"),
    )
    rejects(
        evolve(bands=with_band(1, lower=Score("32.01"))),
        InvalidArgumentError,
        **invalid(
            "RuleSet.bands",
            Score("32.01"),
            "bands increasing and contiguous: 31.99 + 0.01 after 0.00–31.99",
        ),
    )


def test_rule_set_zones_never_go_down() -> None:
    # A made kuning, above B (hijau).
    bands = with_band(4, zone=Zone.KUNING)
    rejects(
        evolve(bands=bands),
        InvalidArgumentError,
        **invalid("RuleSet.bands", Zone.KUNING, "a zone not below hijau higher up"),
    )
    # Equal zones on neighbouring bands are fine (A and B are both hijau).
    assert B2023[3].zone is B2023[4].zone is Zone.HIJAU


def test_rule_set_categories_strictly_rise() -> None:
    rejects(
        evolve(bands=with_band(4, category=Category.B)),
        InvalidArgumentError,
        **invalid("RuleSet.bands", Category.B, "a category above B higher up"),
    )
    rejects(
        evolve(bands=with_band(4, category=Category.C)),
        InvalidArgumentError,
        **invalid("RuleSet.bands", Category.C, "a category above B higher up"),
    )


def test_rule_set_labels_on_every_band_or_none() -> None:
    rejects(
        evolve(bands=with_band(2, opinion=None, opinion_en=None)),
        InvalidArgumentError,
        **invalid("RuleSet.bands", "opinion", "every band or no band to carry this label"),
    )


def test_rule_set_qualifier_needs_opinions_and_english() -> None:
    rejects(
        evolve(R2025, qualifier_en=None),
        InvalidArgumentError,
        **invalid("RuleSet.qualifier_en", None, "an English label with the qualifier"),
    )
    rejects(
        evolve(qualifier_en="without maladministration"),
        InvalidArgumentError,
        **invalid(
            "RuleSet.qualifier_en",
            "without maladministration",
            "an English label with the qualifier",
        ),
    )
    rejects(
        evolve(
            R2021,
            qualifier="Tanpa Maladministrasi",
            qualifier_en="without",
            has_tanpa_maladministrasi=True,
        ),
        InvalidArgumentError,
        **invalid(
            "RuleSet.qualifier", "Tanpa Maladministrasi", "opinions on every band to qualify"
        ),
    )


def test_rule_set_weights() -> None:
    weights = dict(R2023.weights or {})
    three = {d: w for d, w in weights.items() if d is not Dimension.PENGADUAN}
    rejects(
        evolve(weights=three),
        InvalidArgumentError,
        **invalid(
            "RuleSet.weights",
            FrozenMapping(three),
            "one weight for each of input, proses, output, pengaduan",
        ),
    )
    for bad in (Decimal(0), Decimal(-1), 21.54):
        rejects(
            evolve(weights={**weights, Dimension.PENGADUAN: bad}),
            InvalidArgumentError,
            **invalid("RuleSet.weights", bad, "a positive Decimal percentage"),
        )
    rejects(
        evolve(weights={**weights, Dimension.PENGADUAN: Decimal("NaN")}),
        InvalidArgumentError,
        argument="RuleSet.weights",
        expected="a positive Decimal percentage",
    )
    renamed: dict[object, Decimal] = {str(d.value): w for d, w in three.items()}
    renamed["kualitas"] = weights[Dimension.PENGADUAN]
    rejects(
        evolve(weights=renamed),
        InvalidArgumentError,
        **invalid(
            "RuleSet.weights",
            FrozenMapping(renamed),
            "one weight for each of input, proses, output, pengaduan",
        ),
    )
    small = {**weights, Dimension.INPUT: Decimal("0.50"), Dimension.PROSES: Decimal("53.72")}
    assert (evolve(weights=small)().weights or {})[Dimension.INPUT] == Decimal("0.50")  # type: ignore[attr-defined]
    rejects(
        evolve(weights={**weights, Dimension.PENGADUAN: Decimal("21.55")}),
        InvalidArgumentError,
        **invalid("RuleSet.weights", Decimal("100.01"), "weights summing to 100"),
    )
    reordered = attrs.evolve(R2023, weights=dict(reversed(list(weights.items()))))
    assert list(reordered.weights or {}) == list(Dimension)
    assert reordered.weights == R2023.weights


def test_rule_set_notes_are_texts() -> None:
    rejects(
        evolve(notes=("",)),
        InvalidArgumentError,
        **invalid("RuleSet.notes", ("",), "non-empty texts"),
    )
    assert evolve(notes=["one", "two"])().notes == ("one", "two")  # type: ignore[attr-defined]


def test_rules_for_says_why_a_year_has_no_rules() -> None:
    from opinipp.errors import RulesNotAvailableError

    rejects(
        lambda: rules_for(2014),
        RulesNotAvailableError,
        year=2014,
        reason="outside the years with known rules (2015–2025, except 2020)",
    )
    rejects(
        lambda: rules_for(junk("2023")),
        RulesNotAvailableError,
        year="2023",
        reason="expected the year as a whole number (int), got str",
    )


def test_above_scale_names_the_score_and_the_top() -> None:
    assert (
        rules_for(2023)
        .above_scale(Score("99.00"))
        .reason.startswith(
            "above 100.00, the top of the scale in 2022, 2023 (Peraturan Ombudsman RI No. 22"
        )
    )
    error = rules_for(2015).above_scale(Score("80.00"))
    assert isinstance(error, InvalidScoreError)
    assert error.value == Score("80.00")
    assert error.reason.startswith("above 75.00, the top of the scale in 2015")
    rejects(lambda: gap_to_next_tier("80.00", 2015), InvalidScoreError, value=Score("80.00"))
    rejects(lambda: rules_for(2015).band_for("75.01"), InvalidScoreError, value="75.01")


# --- FrozenMapping and the year index ------------------------------------------------------


def test_frozen_mapping() -> None:
    rejects(
        lambda: FrozenMapping(5),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("mapping", 5, "a mapping or an iterable of key-value pairs"),
    )
    a, b = FrozenMapping({Zone.HIJAU: 1}), FrozenMapping([(Zone.HIJAU, 1)])
    assert hash(a) == hash(b) == hash(frozenset({(Zone.HIJAU, 1)}))
    assert hash(a) != hash(FrozenMapping({Zone.HIJAU: 2}))
    with pytest.raises(AttributeError, match="FrozenMapping is immutable; cannot delete '_data'"):
        del a._data


def test_the_year_index_refuses_a_year_claimed_twice_or_not_held() -> None:
    rejects(
        lambda: build_index((R2023, R2023), {}),
        InvalidArgumentError,
        **invalid(
            "rule tables",
            2022,
            "one RuleSet per year; 'opini-pengawasan-2022' and 'opini-pengawasan-2022' both "
            "cover it",
        ),
    )
    rejects(
        lambda: build_index((R2023,), {2023: "not held"}),
        InvalidArgumentError,
        **invalid("rule tables", 2023, "no RuleSet for a year without assessment: not held"),
    )
    index = build_index((R2025, R2021), {})
    assert list(index) == [2016, 2017, 2018, 2019, 2021, 2025]
    assert index[2025] is R2025


# --- zoning -------------------------------------------------------------------------------


def test_grade_checks_its_parts() -> None:
    a = B2023[4]
    rejects(
        lambda: Grade(2023, R2021, a, a.zone, a.category, a.opinion, None, None),
        InvalidArgumentError,
        **invalid("Grade.rule_set", R2021, f"the RuleSet of 2023 ({R2023!r})"),
    )
    rejects(
        lambda: Grade(2023, R2023, R2021.bands[2], Zone.HIJAU, None, None, None, None),
        InvalidArgumentError,
        **invalid("Grade.band", R2021.bands[2], f"one of the bands of {R2023!r}"),
    )
    rejects(
        lambda: Grade(2023, "rules", a, None, None, None, None, None),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("Grade.rule_set", "rules", "the RuleSet of the year"),
    )
    rejects(
        lambda: Grade(2023, R2023, "A", None, None, None, None, None),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("Grade.band", "A", "a Band of the RuleSet"),
    )
    rejects(
        lambda: Grade(
            2023, R2023, a, a.zone, a.category, a.opinion, None, None, tanpa_maladministrasi=True
        ),
        InvalidArgumentError,
        argument="Grade.tanpa_maladministrasi",
        value=True,
        expected="None for 2023, or a bool in a year with it",
    )
    rejects(
        lambda: Grade(2023, R2023, a, Zone.MERAH, a.category, a.opinion, None, None),
        InvalidArgumentError,
        **invalid("Grade.zone", Zone.MERAH, "<Zone.HIJAU: 'hijau'>, as the band gives"),
    )


def test_grade_of() -> None:
    rejects(
        lambda: Grade.of(junk("rules"), B2023[4], 2023),
        InvalidArgumentError,
        **invalid("rule_set", "rules", "a RuleSet"),
    )
    rejects(
        lambda: Grade.of(R2023, "A", 2023),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("band", "A", "one of the bands of 'opini-pengawasan-2022'"),
    )
    for flag in (NotImplemented, 1, "yes"):
        # NotImplemented in a truth test warns (and errors under -W error); 1 is not a bool.
        rejects(
            functools.partial(Grade.of, R2025, R2025.bands[2], 2025, junk(flag)),
            InvalidArgumentError,
            **invalid(
                "Grade.tanpa_maladministrasi", flag, "None for 2025, or a bool in a year with it"
            ),
        )
    b = Grade.of(R2023, B2023[3], 2023)
    assert (b.zone, b.category, b.opinion, b.opinion_en) == (
        Zone.HIJAU,
        Category.B,
        "Kualitas Tinggi",
        "High quality",
    )
    plain = Grade.of(R2025, R2025.bands[2], 2025, tanpa=False)
    assert (plain.opinion, plain.opinion_en) == ("Kualitas Sedang", "Medium quality")
    qualified = Grade.of(R2025, R2025.bands[2], 2025, tanpa=True)
    assert qualified.opinion == "Kualitas Sedang Tanpa Maladministrasi"
    assert qualified.opinion_en == "Medium quality without maladministration"


def test_classify_rejects_a_qualifier_that_is_not_a_bool_or_not_of_the_year() -> None:
    rejects(
        lambda: classify("81.84", 2023, tanpa_maladministrasi="yes"),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("tanpa_maladministrasi", "yes", "True, False or None"),
    )
    rejects(
        lambda: classify("81.84", 2023, tanpa_maladministrasi=True),
        NotApplicableError,
        what="the 'Tanpa Maladministrasi' qualifier",
        year=2023,
        reason="it exists only in 2025 (Opini Ombudsman, DOMAIN.md §2.4); leave "
        "tanpa_maladministrasi as None",
    )


def test_classify_takes_any_integer_year_and_any_score_like() -> None:
    class Year:
        def __index__(self) -> int:
            return 2023

    assert classify(Score("81.84"), Year()) is classify("81.84", 2023)  # type: ignore[arg-type]
    assert classify(81.84, 2023) is classify(Decimal("81.84"), 2023)


def test_score_from_dimensions_rejections() -> None:
    four = {"input": 90, "proses": 85, "output": 80, "pengaduan": 75}
    rejects(
        lambda: score_from_dimensions([("input", 90)], 2023),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid(
            "dimensions",
            [("input", 90)],
            "a mapping of input, proses, output, pengaduan to scores",
        ),
    )
    twice = {**four, " INPUT ": 90}
    rejects(
        lambda: score_from_dimensions(twice, 2023),
        InvalidArgumentError,
        **invalid("dimensions", twice, "'input' only once"),
    )
    two = {"input": 90, "proses": 85}
    rejects(
        lambda: score_from_dimensions(two, 2023),
        InvalidArgumentError,
        **invalid("dimensions", two, "all four dimensions; missing output, pengaduan"),
    )
    rejects(
        lambda: score_from_dimensions({**four, "kualitas": 1}, 2023),
        InvalidArgumentError,
        **invalid(
            "dimension",
            "kualitas",
            "one of 'input', 'proses', 'output', 'pengaduan' (or a Dimension)",
        ),
    )
    assert score_from_dimensions(
        {" Input ": 90, "PROSES": 85, "output": 80, "pengaduan": 75}, 2022
    ) == Score("82.73")


def test_pemda_score_rejections() -> None:
    rejects(
        lambda: pemda_score(["87.95", "75.58"], 2021),
        NotApplicableError,
        what="a Pemda score as the mean of its units",
        year=2021,
        reason="the mean of unit scores is the rule in 2022–2025; before 2022 the score was "
        "counted per service product (DOMAIN.md §4)",
    )
    rejects(
        lambda: pemda_score(5, 2023),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("unit_scores", 5, "an iterable of unit scores (e.g. a list)"),
    )
    rejects(
        lambda: pemda_score([], 2023),
        InvalidArgumentError,
        **invalid("unit_scores", [], "at least one unit score"),
    )
    assert pemda_score([Score("86.83"), "85.80", 82.90], 2025) == Score("85.18")


# --- gaps ---------------------------------------------------------------------------------


def test_gap_checks_its_fields() -> None:
    a = B2023[4]
    rejects(
        lambda: Gap(Decimal("-0.01"), a, 2023, "A"),
        InvalidArgumentError,
        **invalid("Gap.points", Decimal("-0.01"), "a non-negative Decimal"),
    )
    rejects(
        lambda: Gap(Decimal("Infinity"), a, 2023, "A"),
        InvalidArgumentError,
        argument="Gap.points",
    )
    rejects(
        lambda: Gap(6.16, a, 2023, "A"),  # type: ignore[arg-type]
        InvalidArgumentError,
        argument="Gap.points",
    )
    assert Gap(Decimal(0), a, 2023, "A").reached
    assert Gap(Decimal("0.50"), a, 2023, "A").points == Decimal("0.50")
    rejects(
        lambda: Gap(Decimal(1), "A", 2023, "A"),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("Gap.target", "A", "a Band of the year's rules"),
    )
    rejects(
        lambda: Gap(Decimal(1), a, 2023, ""),
        InvalidArgumentError,
        **invalid("Gap.label", "", "non-empty text"),
    )


def test_a_reached_target_needs_exactly_zero_points() -> None:
    gap = gap_to("88.00", 2023, Category.A)
    assert str(gap.points) == "0.00"
    assert str(gap_to("90.02", 2023, Category.A).points) == "0.00"
    assert str(gap_to("87.99", 2023, Category.A).points) == "0.01"


def test_gap_targets_by_prefixed_names() -> None:
    assert gap_to("81.84", 2023, "Kategori A").points == Decimal("6.16")
    assert gap_to("34.19", 2021, "Predikat Kepatuhan Tinggi").points == Decimal("46.81")
    assert gap_to("69.17", 2022, "Opini Kualitas Tinggi").points == Decimal("8.83")
    assert gap_to("69.17", 2022, "Zona Hijau").points == Decimal("8.83")


def test_gap_target_rejections() -> None:
    rejects(
        lambda: gap_to("65.98", 2025, "Kualitas Tinggi Tanpa Maladministrasi"),
        NotApplicableError,
        what="target 'Kualitas Tinggi Tanpa Maladministrasi'",
        year=2025,
        reason="'Tanpa Maladministrasi' comes from following up the Ombudsman's supervision "
        "products, not from the score (DOMAIN.md §2.4); aim at the opinion without it, "
        "e.g. 'Kualitas Tinggi'",
    )
    rejects(
        lambda: gap_to("81.84", 2023, "Sangat Baik"),
        NotApplicableError,
        what="target 'Sangat Baik'",
        year=2023,
    )
    rejects(
        lambda: gap_to("81.84", 2023, R2021.bands[2]),
        InvalidArgumentError,
        **invalid("target", R2021.bands[2], "a band of the 2023 rules"),
    )
    rejects(
        lambda: gap_to("81.84", 2023, 5),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid(
            "target",
            5,
            "a Category, a Zone, a Band, or a label such as 'A', 'hijau' or 'Kualitas Tertinggi'",
        ),
    )


# --- ranking ------------------------------------------------------------------------------


def test_ranking_cannot_be_built_directly() -> None:
    rejects(
        lambda: Ranking(1),
        InvalidArgumentError,
        **invalid("Ranking()", (1,), "a ranking built by opinipp.rank(assessments, scope)"),
    )
    rejects(lambda: Ranking(scope=1), InvalidArgumentError, value={"scope": 1})


def test_rank_names_the_item_that_is_not_an_assessment() -> None:
    rejects(
        lambda: rank([1], National(PemdaKind.KABUPATEN)),  # type: ignore[list-item]
        InvalidArgumentError,
        **invalid("assessments", 1, "Assessment objects"),
    )


def _kabupaten_2023() -> Ranking:
    return rank(
        [
            Assessment(regions.pemda("Kabupaten Tuban"), 2023, "97.44"),
            Assessment(regions.pemda("Kabupaten Muna Barat"), 2023, "81.84"),
        ],
        National(PemdaKind.KABUPATEN),
    )


def test_rankings_compare_by_value() -> None:
    first, second = _kabupaten_2023(), _kabupaten_2023()
    assert first is not second
    assert first == second
    assert not (first != second)  # noqa: SIM202 - __ne__ itself is under test
    assert hash(first) == hash(second)


def test_ranking_repr() -> None:
    assert repr(_kabupaten_2023()) == (
        "<Ranking national ranking of kabupaten, 2023: 2 entries of 415 assessed, ties='min'>"
    )
    sultra = regions.province("Sultra")
    provincial = rank(
        [Assessment(regions.pemda("Kabupaten Muna Barat"), 2023, "81.84")],
        Provincial(sultra),
    )
    assert repr(provincial) == (
        "<Ranking kabupaten/kota of Provinsi Sulawesi Tenggara, 2023: 1 entries, ties='min'>"
    )


_MUBAR = regions.pemda("74.13")
_SULTRA = _MUBAR.province
_KEMLU = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)


@pytest.mark.parametrize(
    ("build", "argument", "value", "expected"),
    [
        (
            lambda: National(junk("kabupaten")),
            "National.kind",
            "kabupaten",
            "a PemdaKind (provinsi, kabupaten, kota) or an InstansiKind (kementerian, lembaga)",
        ),
        (
            lambda: Provincial(junk("Sultra")),
            "Provincial.province",
            "Sultra",
            "a Province, e.g. opinipp.regions.province('Sultra')",
        ),
        (
            lambda: Provincial(_SULTRA, include_provinsi=junk(1)),
            "Provincial.include_provinsi",
            1,
            "True or False",
        ),
        (
            lambda: WithinPemda(junk("74.13")),
            "WithinPemda.pemda",
            "74.13",
            "a Pemda, e.g. opinipp.regions.pemda('Kabupaten Serang')",
        ),
        (
            lambda: RankedEntry(0, 1, Assessment(_MUBAR, 2023, "81.84")),
            "RankedEntry",
            (0, 1),
            "a rank and a count with 1 <= rank <= of",
        ),
        (
            lambda: RankedEntry(1, 1, junk("81.84")),
            "RankedEntry.assessment",
            "81.84",
            "an Assessment",
        ),
        (
            lambda: RankedEntry(1, 1, Assessment(_MUBAR, 2023, "81.84"), official_of=0),
            "RankedEntry.official_of",
            0,
            "None or a whole number from 1",
        ),
        (
            lambda: rank([], junk("national")),
            "scope",
            "national",
            "National(kind), Provincial(province) or WithinPemda(pemda)",
        ),
        (
            lambda: rank([], National(PemdaKind.KOTA), ties=junk("max")),
            "ties",
            "max",
            "'min', 'dense' or 'ordinal'",
        ),
        (
            lambda: rank(junk(5), National(PemdaKind.KOTA)),
            "assessments",
            5,
            "an iterable of Assessment",
        ),
    ],
)
def test_ranking_rejections(
    build: Callable[[], object], argument: str, value: object, expected: str
) -> None:
    rejects(build, InvalidArgumentError, **invalid(argument, value, expected))


def test_a_ranked_entry_of_a_population_of_one() -> None:
    entry = RankedEntry(1, 1, Assessment(_MUBAR, 2023, "81.84"), official_of=1)
    assert str(entry) == "1 of 1"


def test_rank_names_each_kind_of_bad_input() -> None:
    kabupaten = National(PemdaKind.KABUPATEN)
    a2022, a2023 = Assessment(_MUBAR, 2022, "69.17"), Assessment(_MUBAR, 2023, "81.84")
    tuban = Assessment(regions.pemda("Kabupaten Tuban"), 2022, "97.44")
    rejects(lambda: rank([tuban, a2023], kabupaten), MixedYearsError, years=(2022, 2023))
    rejects(lambda: rank([a2022, a2022], kabupaten), DuplicateEntityError, entity=_MUBAR)
    error = rejects(
        lambda: rank([Assessment(_MUBAR, 2023, None)], kabupaten),
        InvalidArgumentError,
        argument="assessments",
        expected="assessments with a score",
    )
    assert isinstance(error, InvalidArgumentError)
    assert error.value == Assessment(_MUBAR, 2023, None)
    rejects(
        lambda: rank([Assessment(_KEMLU, 2023, "94.85")], Provincial(_SULTRA)),
        OutOfScopeError,
        entity=_KEMLU,
        expected="a kabupaten or kota of Provinsi Sulawesi Tenggara",
    )
    rejects(
        lambda: rank(
            [Assessment(regions.pemda("Pemprov Sultra"), 2023, "90")], Provincial(_SULTRA)
        ),
        OutOfScopeError,
        expected="a kabupaten or kota of Provinsi Sulawesi Tenggara",
    )
    with_provinsi = rank(
        [Assessment(regions.pemda("Pemprov Sultra"), 2023, "90"), a2023],
        Provincial(_SULTRA, include_provinsi=True),
    )
    assert [e.rank for e in with_provinsi] == [1, 2]


def test_find_in_an_empty_ranking_names_the_ranking() -> None:
    empty = rank([], National(PemdaKind.KABUPATEN))
    rejects(
        lambda: empty.find(_MUBAR),
        OutOfScopeError,
        entity=_MUBAR,
        scope="this ranking (national ranking of kabupaten)",
        expected="one of the 0 entities ranked",
    )
    rejects(
        lambda: _kabupaten_2023().find(regions.pemda("Kabupaten Serang")),
        OutOfScopeError,
        scope="this ranking (national ranking of kabupaten 2023)",
        expected="one of the 2 entities ranked",
    )
    rejects(
        lambda: empty.find("Muna Barat"),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("entity", "Muna Barat", "an Instansi, Pemda, OPD, Puskesmas or Rsud"),
    )


def test_ordinal_ties_between_names_that_differ_only_in_case() -> None:
    """Two ministries whose sort keys are equal still get a fixed order (by their repr)."""
    upper = Instansi(name="Kementerian Sosial", kind=InstansiKind.KEMENTERIAN)
    lower = Instansi(name="kementerian sosial", kind=InstansiKind.KEMENTERIAN)
    other = Instansi(name="Kementerian Agama", kind=InstansiKind.KEMENTERIAN)
    items = [Assessment(e, 2023, "80.00") for e in (lower, other, upper)]
    scope = National(InstansiKind.KEMENTERIAN)
    first = rank(items, scope, ties="ordinal")
    assert [e.entity.name for e in first] == [
        "Kementerian Agama",
        "Kementerian Sosial",
        "kementerian sosial",
    ]
    assert [e.entity for e in rank(items[::-1], scope, ties="ordinal")] == [e.entity for e in first]
    assert points_to_rank(first, lower, 2) == Decimal("0.01")
    assert points_to_rank(first, upper, 1) == Decimal("0.01")


def test_points_to_rank_rejections() -> None:
    ranking = _kabupaten_2023()
    mubar = regions.pemda("Kabupaten Muna Barat")
    rejects(
        lambda: points_to_rank("ranking", mubar, 1),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("ranking", "ranking", "a Ranking built by opinipp.rank()"),
    )
    rejects(
        lambda: points_to_rank(ranking, mubar, 1, beat=1),  # type: ignore[arg-type]
        InvalidArgumentError,
        **invalid("beat", 1, "True or False"),
    )
    rejects(
        lambda: points_to_rank(ranking, mubar, 3),
        InvalidArgumentError,
        **invalid("rank", 3, "a whole number from 1 to 2, the entries"),
    )
    top = rank(
        [
            Assessment(regions.pemda("Kabupaten Tuban"), 2023, "100.00"),
            Assessment(mubar, 2023, "81.84"),
        ],
        National(PemdaKind.KABUPATEN),
    )
    assert points_to_rank(top, mubar, 1) == Decimal("18.16")
    rejects(
        lambda: points_to_rank(top, mubar, 1, beat=True),
        NotApplicableError,
        what="passing rank 1",
        year=2023,
        reason="it would take more than 100.00, the top of the scale",
    )
    ordinal = rank(list(top.assessments), National(PemdaKind.KABUPATEN), ties="ordinal")
    rejects(
        lambda: points_to_rank(ordinal, mubar, 1),
        NotApplicableError,
        what="reaching rank 1",
        year=2023,
    )


# --- every module lists what it exports ---------------------------------------------------


@pytest.mark.parametrize(
    "module",
    [
        opinipp.rules,
        opinipp.rules._types,
        opinipp.rules._tables,
        opinipp.zoning,
        opinipp.ranking,
        opinipp.gaps,
    ],
)
def test_dir_is_all(module: ModuleType) -> None:
    assert dir(module) == sorted(module.__all__)
