"""Every rejection in the rules, zoning, ranking and gaps: its error class and attributes.

The house rule: bad input raises the specific opinipp error, which is also the matching
builtin, and carries the offending value and what was expected as attributes. Each case
below pins the class and those attributes, so that a check that stops firing, or fires
with the wrong argument or value, fails. The message is checked once per error class
(``test_the_message_names_the_value_and_what_was_expected``), not per case. The last
section pins the edges: the value just inside each check is accepted.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

import attrs
import pytest

import opinipp.errors
import opinipp.gaps
import opinipp.ranking
import opinipp.rules
import opinipp.zoning
from opinipp import locale_id, regions
from opinipp.assessments import Assessment
from opinipp.entities import Instansi, InstansiKind, PemdaKind, Province
from opinipp.errors import (
    AmbiguousNameError,
    DuplicateEntityError,
    InvalidArgumentError,
    InvalidDataError,
    InvalidEntityError,
    InvalidScoreError,
    InvalidTextError,
    MissingExtraError,
    MixedYearsError,
    NotApplicableError,
    OpinippError,
    OutOfScopeError,
    RowError,
    RulesNotAvailableError,
    UnknownRegionError,
)
from opinipp.gaps import Gap, gap_to, gap_to_next_tier, points_to_rank
from opinipp.ranking import National, Provincial, RankedEntry, Ranking, WithinPemda, rank
from opinipp.rules import Band, Category, Dimension, RuleSet, Zone, rules_for
from opinipp.scores import Score
from opinipp.serialization import read_csv, write_csv
from opinipp.zoning import Grade, classify, pemda_score, score_from_dimensions

if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
    from builtins import ExceptionGroup
else:  # pragma: no cover
    from exceptiongroup import ExceptionGroup

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

R2021, R2023, R2025 = rules_for(2021), rules_for(2023), rules_for(2025)
B2023 = R2023.bands  # E, D, C, B, A
WEIGHTS = dict(R2023.weights or {})
THREE_WEIGHTS = {d: w for d, w in WEIGHTS.items() if d is not Dimension.PENGADUAN}
RENAMED_WEIGHTS: dict[object, Decimal] = {
    **{str(d.value): w for d, w in THREE_WEIGHTS.items()},
    "kualitas": WEIGHTS[Dimension.PENGADUAN],
}
FOUR = {"input": 90, "proses": 85, "output": 80, "pengaduan": 75}
MUBAR = regions.pemda("74.13")
SULTRA = MUBAR.province
TUBAN = regions.pemda("Kabupaten Tuban")
PEMPROV_SULTRA = regions.pemda("Pemprov Sultra")
KEMLU = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
KABUPATEN = National(PemdaKind.KABUPATEN)

# The builtins each error class also derives from.
BUILTINS: dict[type[OpinippError], tuple[type[Exception], ...]] = {
    InvalidArgumentError: (ValueError,),
    InvalidScoreError: (ValueError,),
    NotApplicableError: (ValueError,),
    RulesNotAvailableError: (LookupError, ValueError),
    MixedYearsError: (ValueError,),
    DuplicateEntityError: (ValueError,),
    OutOfScopeError: (ValueError,),
    UnknownRegionError: (LookupError, ValueError),
    AmbiguousNameError: (LookupError, ValueError),
    InvalidEntityError: (ValueError,),
    InvalidTextError: (ValueError,),
    RowError: (ValueError,),
    InvalidDataError: (ExceptionGroup,),
    MissingExtraError: (ImportError,),
}


@dataclass(frozen=True, eq=False)
class Like:
    """An expected attribute that a case can only describe, e.g. "a Band"."""

    description: str
    test: Callable[[object], bool]

    def __eq__(self, other: object) -> bool:
        return self.test(other)

    def __hash__(self) -> int:
        return hash(self.description)

    def __repr__(self) -> str:
        return self.description


def starts_with(prefix: str) -> Like:
    return Like(f"text starting with {prefix!r}", lambda v: str(v).startswith(prefix))


def junk(value: object) -> Any:
    """Pass ``value`` where the API expects another type (for the type checker)."""
    return value


def with_band(index: int, **changes: Any) -> tuple[Band, ...]:
    """The 2023 bands with one band changed."""
    bands = list(B2023)
    bands[index] = attrs.evolve(bands[index], **changes)
    return tuple(bands)


def evolve(rule_set: RuleSet = R2023, **changes: Any) -> Callable[[], object]:
    return lambda: attrs.evolve(rule_set, **changes)


def ranking_2023() -> Ranking:
    return rank([Assessment(TUBAN, 2023, "97.44"), Assessment(MUBAR, 2023, "81.84")], KABUPATEN)


def empty_ranking() -> Ranking:
    return rank([], KABUPATEN)


def top_ranking(ties: opinipp.ranking.Ties = "min") -> Ranking:
    found = [Assessment(TUBAN, 2023, "100.00"), Assessment(MUBAR, 2023, "81.84")]
    return rank(found, KABUPATEN, ties=ties)


def band(**kwargs: Any) -> Callable[[], object]:
    """A Band with valid fields, one of them replaced."""
    return lambda: Band(0, 10, **{"zone": Zone.HIJAU, "opinion": "x", "opinion_en": "x", **kwargs})


def grade(**changes: Any) -> Callable[[], object]:
    """A Grade of band A in 2023, one field replaced."""
    a = B2023[4]
    fields: dict[str, Any] = {"year": 2023, "rule_set": R2023, "band": a, **changes}
    return lambda: Grade(**fields)


def find_in(ranking: Callable[[], Ranking], entity: object) -> Callable[[], object]:
    return lambda: ranking().find(junk(entity))


NO_ENGLISH = "an English label exactly when {} is given ({!r})"
NON_EMPTY = "None or non-empty text"
WHOLE = "a whole number from 0"
SEQUENCE = "a sequence of {}"
YEARS = SEQUENCE.format("years (int)")
INCREASING = "distinct years in increasing order"
FOUR_WEIGHTS = "one weight for each of input, proses, output, pengaduan"
POSITIVE = "a positive Decimal percentage"
QUALIFIER_EN = "an English label with the qualifier"
NONE_OR_BOOL = "None for {}, or a bool in a year with it"
NON_NEGATIVE = "a non-negative Decimal"
SULTRA_UNITS = "a kabupaten or kota of Provinsi Sulawesi Tenggara"
TARGETS = "a Category, a Zone, a Band, or a label such as 'A', 'hijau' or 'Kualitas Tertinggi'"
SCOPE_KINDS = "a PemdaKind (provinsi, kabupaten, kota) or an InstansiKind (kementerian, lembaga)"
ABOVE_2015 = starts_with("above 75.00, the top of the scale in 2015")
NAN = Like("Decimal('NaN')", lambda v: isinstance(v, Decimal) and v.is_nan())
A_BAND = Like("a Band", lambda v: isinstance(v, Band))
MIXED = [Assessment(TUBAN, 2022, "97.44"), Assessment(MUBAR, 2023, "81.84")]
TWICE = [Assessment(MUBAR, 2022, "69.17")] * 2
SERANG = regions.pemda("Kabupaten Serang")

# Each row: an id, the call, and the InvalidArgumentError's argument, value and expected.
# fmt: off
INVALID: list[tuple[str, Callable[[], object], str, object, object]] = [
    # Band
    ("band-upper-below-lower", lambda: Band("50.00", "40.00", zone=Zone.MERAH),
     "Band.upper", Score("40.00"), "a score not below the lower bound 50.00"),
    ("band-opinion-without-english", lambda: Band(0, 10, opinion="Kualitas Tinggi"),
     "Band.opinion_en", None, NO_ENGLISH.format("opinion", "Kualitas Tinggi")),
    ("band-english-without-predikat", band(predikat_en="High compliance"),
     "Band.predikat_en", "High compliance", NO_ENGLISH.format("predikat", None)),
    ("band-without-a-label", lambda: Band(0, 10),
     "Band", A_BAND, "at least one of zone, category, opinion, predikat or quality"),
    ("band-opinion-empty", band(opinion=""), "Band.opinion", "", NON_EMPTY),
    ("band-opinion-blank", band(opinion="  "), "Band.opinion", "  ", NON_EMPTY),
    ("band-opinion-int", band(opinion=5), "Band.opinion", 5, NON_EMPTY),
    ("band-zone-text", band(zone="hijau"), "Band.zone", "hijau", "a Zone or None"),
    ("band-category-text", band(category="A"), "Band.category", "A", "a Category or None"),
    ("band-rank-negative", band(rank=-1), "Band.rank", -1, WHOLE),
    ("band-rank-bool", band(rank=True), "Band.rank", True, WHOLE),
    ("band-rank-float", band(rank=1.0), "Band.rank", 1.0, WHOLE),
    # RuleSet fields
    ("rules-scheme-empty", evolve(scheme=""), "RuleSet.scheme", "", "non-empty text"),
    ("rules-scheme-int", evolve(scheme=5), "RuleSet.scheme", 5, "non-empty text"),
    ("rules-legal-basis-blank", evolve(legal_basis=" "),
     "RuleSet.legal_basis", " ", "non-empty text"),
    ("rules-years-text", evolve(years="2023"), "RuleSet.years", "2023", YEARS),
    ("rules-years-int", evolve(years=2023), "RuleSet.years", 2023, YEARS),
    ("rules-years-empty", evolve(years=()), "RuleSet.years", (), "at least one year"),
    ("rules-years-bool", evolve(years=(2022, True)), "RuleSet.years", (2022, True), "years as int"),
    ("rules-years-down", evolve(years=(2023, 2022)), "RuleSet.years", (2023, 2022), INCREASING),
    ("rules-years-twice", evolve(years=(2022, 2022)), "RuleSet.years", (2022, 2022), INCREASING),
    ("rules-bands-int", evolve(bands=5), "RuleSet.bands", 5, SEQUENCE.format("Band")),
    ("rules-bands-text", evolve(bands=(B2023[0], "x")),
     "RuleSet.bands", (B2023[0], "x"), SEQUENCE.format("Band")),
    ("rules-bands-empty", evolve(bands=()), "RuleSet.bands", (), "at least one band"),
    ("rules-notes-text", evolve(notes="a note"),
     "RuleSet.notes", "a note", SEQUENCE.format("texts")),
    ("rules-notes-int", evolve(notes=5), "RuleSet.notes", 5, SEQUENCE.format("texts")),
    ("rules-notes-empty-text", evolve(notes=("",)), "RuleSet.notes", ("",), "non-empty texts"),
    ("rules-name-empty", evolve(name=""), "RuleSet.name", "", "None or non-empty text"),
    ("rules-qualifier-english-alone", evolve(qualifier_en="without maladministration"),
     "RuleSet.qualifier_en", "without maladministration", QUALIFIER_EN),
    ("rules-qualifier-without-english", evolve(R2025, qualifier_en=None),
     "RuleSet.qualifier_en", None, QUALIFIER_EN),
    ("rules-qualifier-without-opinions",
     evolve(R2021, qualifier="Tanpa Maladministrasi", qualifier_en="without"),
     "RuleSet.qualifier", "Tanpa Maladministrasi", "opinions on every band to qualify"),
    # RuleSet bands
    ("rules-lowest-band-above-zero", evolve(bands=with_band(0, lower=Score("0.01"))),
     "RuleSet.bands", Score("0.01"), "the lowest band to start at 0.00"),
    ("rules-highest-band-below-top", evolve(bands=with_band(4, upper=Score("99.99"))),
     "RuleSet.bands", Score("99.99"), "the highest band to end at the top of the scale, 100.00"),
    ("rules-bands-not-contiguous", evolve(bands=with_band(1, lower=Score("32.01"))),
     "RuleSet.bands", Score("32.01"),
     "bands increasing and contiguous: 31.99 + 0.01 after 0.00–31.99"),
    ("rules-zone-goes-down", evolve(bands=with_band(4, zone=Zone.KUNING)),  # A kuning, B hijau
     "RuleSet.bands", Zone.KUNING, "a zone not below hijau higher up"),
    ("rules-category-repeated", evolve(bands=with_band(4, category=Category.B)),
     "RuleSet.bands", Category.B, "a category above B higher up"),
    ("rules-category-goes-down", evolve(bands=with_band(4, category=Category.C)),
     "RuleSet.bands", Category.C, "a category above B higher up"),
    ("rules-label-on-some-bands", evolve(bands=with_band(2, opinion=None, opinion_en=None)),
     "RuleSet.bands", "opinion", "every band or no band to carry this label"),
    # RuleSet weights
    ("rules-weights-list", evolve(weights=[1, 2]),
     "RuleSet.weights", [1, 2], "None or a mapping Dimension → Decimal"),
    ("rules-weights-three", evolve(weights=THREE_WEIGHTS),
     "RuleSet.weights", THREE_WEIGHTS, FOUR_WEIGHTS),
    ("rules-weights-renamed", evolve(weights=RENAMED_WEIGHTS),
     "RuleSet.weights", RENAMED_WEIGHTS, FOUR_WEIGHTS),
    *((f"rules-weight-{bad}", evolve(weights={**WEIGHTS, Dimension.PENGADUAN: bad}),
       "RuleSet.weights", bad, POSITIVE) for bad in (Decimal(0), Decimal(-1), 21.54)),
    ("rules-weight-nan", evolve(weights={**WEIGHTS, Dimension.PENGADUAN: Decimal("NaN")}),
     "RuleSet.weights", NAN, POSITIVE),
    ("rules-weights-sum-above-100",
     evolve(weights={**WEIGHTS, Dimension.PENGADUAN: Decimal("21.55")}),
     "RuleSet.weights", Decimal("100.01"), "weights summing to 100"),
    # Grade
    ("grade-rule-set-of-another-year", grade(rule_set=R2021),
     "Grade.rule_set", R2021, f"the RuleSet of 2023 ({R2023!r})"),
    ("grade-band-of-another-year", grade(band=R2021.bands[2]),
     "Grade.band", R2021.bands[2], f"one of the bands of {R2023!r}"),
    ("grade-rule-set-text", grade(rule_set="rules"),
     "Grade.rule_set", "rules", "the RuleSet of the year"),
    ("grade-band-text", grade(band="A"),
     "Grade.band", "A", "a Band of the RuleSet"),
    ("grade-qualifier-in-2023", grade(tanpa_maladministrasi=True),
     "Grade.tanpa_maladministrasi", True, NONE_OR_BOOL.format(2023)),
    ("grade-of-rule-set-text", lambda: Grade.of(junk("rules"), B2023[4], 2023),
     "rule_set", "rules", "a RuleSet"),
    ("grade-of-band-text", lambda: Grade.of(R2023, junk("A"), 2023),
     "band", "A", "one of the bands of 'opini-pengawasan-2022'"),
    # NotImplemented in a truth test warns (and errors under -W error); 1 is not a bool.
    *((f"grade-of-qualifier-{flag!r}", partial(Grade.of, R2025, R2025.bands[2], 2025, junk(flag)),
       "Grade.tanpa_maladministrasi", flag, NONE_OR_BOOL.format(2025))
      for flag in (NotImplemented, 1, "yes")),
    # classify, score_from_dimensions, pemda_score
    ("classify-qualifier-text", lambda: classify("81.84", 2023, tanpa_maladministrasi=junk("yes")),
     "tanpa_maladministrasi", "yes", "True, False or None"),
    ("dimensions-pairs", lambda: score_from_dimensions(junk([("input", 90)]), 2023),
     "dimensions", [("input", 90)], "a mapping of input, proses, output, pengaduan to scores"),
    ("dimension-twice", lambda: score_from_dimensions({**FOUR, " INPUT ": 90}, 2023),
     "dimensions", {**FOUR, " INPUT ": 90}, "'input' only once"),
    ("dimensions-missing", lambda: score_from_dimensions({"input": 90, "proses": 85}, 2023),
     "dimensions", {"input": 90, "proses": 85}, "all four dimensions; missing output, pengaduan"),
    ("dimension-unknown", lambda: score_from_dimensions({**FOUR, "kualitas": 1}, 2023),
     "dimension", "kualitas", "one of 'input', 'proses', 'output', 'pengaduan' (or a Dimension)"),
    ("pemda-score-int", lambda: pemda_score(junk(5), 2023),
     "unit_scores", 5, "an iterable of unit scores (e.g. a list)"),
    ("pemda-score-empty", lambda: pemda_score([], 2023),
     "unit_scores", [], "at least one unit score"),
    # gaps
    ("gap-negative", lambda: Gap(Decimal("-0.01"), B2023[4], 2023, "A"),
     "Gap.points", Decimal("-0.01"), NON_NEGATIVE),
    ("gap-infinite", lambda: Gap(Decimal("Infinity"), B2023[4], 2023, "A"),
     "Gap.points", Decimal("Infinity"), NON_NEGATIVE),
    ("gap-float", lambda: Gap(junk(6.16), B2023[4], 2023, "A"), "Gap.points", 6.16, NON_NEGATIVE),
    ("gap-target-text", lambda: Gap(Decimal(1), junk("A"), 2023, "A"),
     "Gap.target", "A", "a Band of the year's rules"),
    ("gap-label-empty", lambda: Gap(Decimal(1), B2023[4], 2023, ""),
     "Gap.label", "", "non-empty text"),
    ("target-band-of-another-year", lambda: gap_to("81.84", 2023, R2021.bands[2]),
     "target", R2021.bands[2], "a band of the 2023 rules"),
    ("target-int", lambda: gap_to("81.84", 2023, junk(5)), "target", 5, TARGETS),
    ("points-to-rank-of-text", lambda: points_to_rank(junk("ranking"), MUBAR, 1),
     "ranking", "ranking", "a Ranking built by opinipp.rank()"),
    ("points-to-rank-beat-int", lambda: points_to_rank(ranking_2023(), MUBAR, 1, beat=junk(1)),
     "beat", 1, "True or False"),
    ("points-to-rank-beyond-the-entries", lambda: points_to_rank(ranking_2023(), MUBAR, 3),
     "rank", 3, "a whole number from 1 to 2, the entries"),
    # ranking
    ("ranking-of-a-text-scope", lambda: Ranking([], junk("kabupaten")),
     "scope", "kabupaten", "National(kind), Provincial(province) or WithinPemda(pemda)"),
    ("rank-an-int-among-assessments", lambda: rank(junk([1]), KABUPATEN),
     "assessments", 1, "Assessment objects"),
    ("rank-without-a-score", lambda: rank([Assessment(MUBAR, 2023, None)], KABUPATEN),
     "assessments", Assessment(MUBAR, 2023, None), "assessments with a score"),
    ("national-kind-text", lambda: National(junk("kabupaten")),
     "National.kind", "kabupaten", SCOPE_KINDS),
    ("provincial-province-text", lambda: Provincial(junk("Sultra")),
     "Provincial.province", "Sultra", "a Province, e.g. opinipp.regions.province('Sultra')"),
    ("provincial-include-provinsi-int", lambda: Provincial(SULTRA, include_provinsi=junk(1)),
     "Provincial.include_provinsi", 1, "True or False"),
    ("within-pemda-text", lambda: WithinPemda(junk("74.13")),
     "WithinPemda.pemda", "74.13", "a Pemda, e.g. opinipp.regions.pemda('Kabupaten Serang')"),
    ("ranked-entry-rank-0", lambda: RankedEntry(0, 1, Assessment(MUBAR, 2023, "81.84")),
     "RankedEntry", (0, 1), "a rank and a count with 1 <= rank <= of"),
    ("ranked-entry-of-text", lambda: RankedEntry(1, 1, junk("81.84")),
     "RankedEntry.assessment", "81.84", "an Assessment"),
    ("ranked-entry-official-of-0",
     lambda: RankedEntry(1, 1, Assessment(MUBAR, 2023, "81.84"), official_of=0),
     "RankedEntry.official_of", 0, "None or a whole number from 1"),
    ("scope-text", lambda: rank([], junk("national")),
     "scope", "national", "National(kind), Provincial(province) or WithinPemda(pemda)"),
    ("ties-max", lambda: rank([], National(PemdaKind.KOTA), ties=junk("max")),
     "ties", "max", "'min', 'dense' or 'ordinal'"),
    ("assessments-int", lambda: rank(junk(5), National(PemdaKind.KOTA)),
     "assessments", 5, "an iterable of Assessment"),
    ("find-text", find_in(empty_ranking, "Muna Barat"),
     "entity", "Muna Barat", "an Instansi, Pemda, OPD, Puskesmas or Rsud"),
]

# Each row: an id, the call, the error and the attributes it must carry.
OTHER: list[tuple[str, Callable[[], object], type[OpinippError], dict[str, object]]] = [
    ("rules-for-2014", lambda: rules_for(2014), RulesNotAvailableError,
     {"year": 2014, "reason": "outside the years with known rules (2015–2025, except 2020)"}),
    ("rules-for-text", lambda: rules_for(junk("2023")), RulesNotAvailableError,
     {"year": "2023", "reason": "expected the year as a whole number (int), got str"}),
    ("next-tier-above-the-2015-scale", lambda: gap_to_next_tier("80.00", 2015),
     InvalidScoreError, {"value": Score("80.00"), "reason": ABOVE_2015}),
    ("band-for-above-the-2015-scale", lambda: rules_for(2015).band_for("75.01"),
     InvalidScoreError, {"value": "75.01", "reason": ABOVE_2015}),
    ("classify-qualifier-in-2023", lambda: classify("81.84", 2023, tanpa_maladministrasi=True),
     NotApplicableError,
     {"what": "the 'Tanpa Maladministrasi' qualifier", "year": 2023,
      "reason": "it exists only in 2025 (Opini Ombudsman, [R2][R89][R94]); leave "
                "tanpa_maladministrasi as None"}),
    ("pemda-score-before-2022", lambda: pemda_score(["87.95", "75.58"], 2021), NotApplicableError,
     {"what": "a Pemda score as the mean of its units", "year": 2021,
      "reason": "the mean of unit scores is the rule in 2022–2025; before 2022 the score was "
                "counted per service product ([R24])"}),
    ("target-with-qualifier",
     lambda: gap_to("65.98", 2025, "Kualitas Tinggi Tanpa Maladministrasi"), NotApplicableError,
     {"what": "target 'Kualitas Tinggi Tanpa Maladministrasi'", "year": 2025,
      "reason": "'Tanpa Maladministrasi' comes from following up the Ombudsman's supervision "
                "products, not from the score ([R2][R89][R94]); aim at the opinion without "
                "it, e.g. 'Kualitas Tinggi'"}),
    ("target-of-another-year", lambda: gap_to("81.84", 2023, "Sangat Baik"), NotApplicableError,
     {"what": "target 'Sangat Baik'", "year": 2023}),
    ("beating-the-top-of-the-scale", lambda: points_to_rank(top_ranking(), MUBAR, 1, beat=True),
     NotApplicableError,
     {"what": "passing rank 1", "year": 2023,
      "reason": "it would take more than 100.00, the top of the scale"}),
    ("reaching-an-ordinal-rank-held-at-the-top",
     lambda: points_to_rank(top_ranking("ordinal"), MUBAR, 1), NotApplicableError,
     {"what": "reaching rank 1", "year": 2023}),
    ("mixed-years", lambda: rank(MIXED, KABUPATEN), MixedYearsError, {"years": (2022, 2023)}),
    ("same-entity-twice", lambda: rank(TWICE, KABUPATEN), DuplicateEntityError,
     {"entity": MUBAR}),
    ("ministry-in-a-province", lambda: rank([Assessment(KEMLU, 2023, "94.85")], Provincial(SULTRA)),
     OutOfScopeError, {"entity": KEMLU, "expected": SULTRA_UNITS}),
    ("provinsi-in-a-province",
     lambda: rank([Assessment(PEMPROV_SULTRA, 2023, "90")], Provincial(SULTRA)),
     OutOfScopeError, {"entity": PEMPROV_SULTRA, "expected": SULTRA_UNITS}),
    ("find-in-an-empty-ranking", find_in(empty_ranking, MUBAR), OutOfScopeError,
     {"entity": MUBAR, "scope": "this ranking (national ranking of kabupaten)",
      "expected": "one of the 0 entities ranked"}),
    ("find-an-entity-not-ranked", find_in(ranking_2023, SERANG), OutOfScopeError,
     {"entity": SERANG, "scope": "this ranking (national ranking of kabupaten 2023)",
      "expected": "one of the 2 entities ranked"}),
]
# fmt: on

CASES = [
    *(
        pytest.param(call, InvalidArgumentError, {"argument": a, "value": v, "expected": e}, id=i)
        for i, call, a, v, e in INVALID
    ),
    *(pytest.param(call, error, attributes, id=i) for i, call, error, attributes in OTHER),
]


@pytest.mark.parametrize(("call", "error", "attributes"), CASES)
def test_rejection(
    call: Callable[[], object], error: type[OpinippError], attributes: dict[str, object]
) -> None:
    with pytest.raises(OpinippError) as caught:
        call()
    found = caught.value
    assert type(found) is error
    assert isinstance(found, BUILTINS[error])
    assert str(found)
    for name, expected in attributes.items():
        assert expected == getattr(found, name), name


# --- the message, once per error class ----------------------------------------------------


def raised(call: Callable[[], object]) -> OpinippError:
    with pytest.raises(OpinippError) as caught:
        call()
    return caught.value


def _bad_csv_row() -> RowError:
    out = io.StringIO()
    write_csv([Assessment(MUBAR, 2023, "81.84")], out)
    bad = io.StringIO(out.getvalue().replace("81.84", "81.845"))
    group = raised(lambda: read_csv(bad))
    assert isinstance(group, InvalidDataError)
    (row,) = group.exceptions
    assert isinstance(row, RowError)
    return row


def _message_case(error: type[OpinippError], make: Callable[[], object], *parts: str) -> Any:
    return pytest.param(error, make, parts, id=error.__name__)


# Each row: the error, a call that raises it (or returns it), and what its message must
# contain: the bad value as shown, and the expectation.
MESSAGE_CASES = [
    _message_case(
        InvalidArgumentError,
        lambda: raised(lambda: rank([], KABUPATEN, ties=junk("max"))),
        "ties",
        "'max'",
        "expected 'min', 'dense' or 'ordinal'",
    ),
    _message_case(
        InvalidScoreError,
        lambda: raised(lambda: classify("100.01", 2023)),
        "'100.01'",
        "above 100.00",
        "expected a number from 0.00 to 100.00",
    ),
    _message_case(
        NotApplicableError,
        lambda: raised(lambda: pemda_score(["87.95"], 2021)),
        "a Pemda score as the mean of its units",
        "2021",
        "before 2022",
    ),
    _message_case(
        RulesNotAvailableError,
        lambda: raised(lambda: rules_for(2014)),
        "2014",
        "outside the years with known rules",
        "covered years: 2015, 2016",
    ),
    _message_case(
        MixedYearsError,
        lambda: raised(
            lambda: rank(
                [Assessment(TUBAN, 2022, "97.44"), Assessment(MUBAR, 2023, "81.84")], KABUPATEN
            )
        ),
        "[2022, 2023]",
        "expected assessments of one year",
    ),
    _message_case(
        DuplicateEntityError,
        lambda: raised(lambda: rank([Assessment(MUBAR, 2022, "69.17")] * 2, KABUPATEN)),
        "Kabupaten Muna Barat",
        "expected each entity at most once",
    ),
    _message_case(
        OutOfScopeError,
        lambda: raised(lambda: rank([Assessment(KEMLU, 2023, "94.85")], Provincial(SULTRA))),
        "Kementerian Luar Negeri",
        f"expected {SULTRA_UNITS}",
    ),
    _message_case(
        UnknownRegionError,
        lambda: raised(lambda: regions.pemda("Atlantis")),
        "'Atlantis'",
        "expected a Kemendagri code or a name",
    ),
    _message_case(
        AmbiguousNameError,
        lambda: raised(lambda: regions.pemda("Banjar")),
        "'Banjar'",
        "Kota Banjar",
        "Kabupaten Banjar",
        "expected a prefix",
    ),
    _message_case(
        InvalidEntityError,
        lambda: raised(lambda: Province(code="x", name="Aceh")),
        "Province.code",
        "'x'",
        "expected a 2-digit Kemendagri code",
    ),
    _message_case(
        InvalidTextError,
        lambda: raised(lambda: locale_id.parse_number("1,2,3")),
        "'1,2,3'",
        "a decimal number",
        "more than one separator",
    ),
    _message_case(RowError, _bad_csv_row, "row 2", "'score'", "'81.845'", "more than two decimals"),
    _message_case(
        InvalidDataError,
        lambda: InvalidDataError("1 problem in data.csv", [RowError(3, "score", "x", "no")]),
        "1 problem in data.csv",
    ),
    _message_case(
        MissingExtraError,
        lambda: MissingExtraError("pandas", "pandas"),
        "'pandas'",
        "pip install 'opinipp[pandas]'",
    ),
]


@pytest.mark.parametrize(("error", "make", "parts"), MESSAGE_CASES)
def test_the_message_names_the_value_and_what_was_expected(
    error: type[OpinippError], make: Callable[[], object], parts: tuple[str, ...]
) -> None:
    found = make()
    assert type(found) is error
    assert isinstance(found, BUILTINS[error])
    message = str(found)
    for part in parts:
        assert part in message, part


def test_every_error_class_has_a_message_case() -> None:
    tested = {p.values[0] for p in MESSAGE_CASES}
    assert tested == set(BUILTINS)
    public = {
        getattr(opinipp.errors, name)
        for name in opinipp.errors.__all__
        if name not in {"OpinippError", "OpinippWarning"}
    }
    assert public == set(BUILTINS)


# --- the edges: just inside each check is accepted ----------------------------------------


def test_band_edges() -> None:
    assert Band("50.00", "50.00", zone=Zone.MERAH).contains("50.00")  # one score is a band
    band_e = Band(0, 10, zone=None, category=Category.E, opinion=None, rank=0)
    assert band_e.label == "Kategori E"
    assert Band(0, 10, opinion="Kualitas Rendah", opinion_en="Low quality").label_en == (
        "Low quality"
    )
    # Equal zones on neighbouring bands are fine (A and B are both hijau).
    assert B2023[3].zone is B2023[4].zone is Zone.HIJAU


def test_rule_set_edges() -> None:
    small = {**WEIGHTS, Dimension.INPUT: Decimal("0.50"), Dimension.PROSES: Decimal("53.72")}
    assert attrs.evolve(R2023, weights=small).weights == small
    reordered = attrs.evolve(R2023, weights=dict(reversed(list(WEIGHTS.items()))))
    assert list(reordered.weights or {}) == list(Dimension)
    assert reordered.weights == R2023.weights
    assert attrs.evolve(R2023, notes=["one", "two"]).notes == ("one", "two")


def test_above_scale_names_the_score_and_the_top() -> None:
    assert R2023.above_scale(Score("99.00")).reason.startswith(
        "above 100.00, the top of the scale in 2022, 2023 (Peraturan Ombudsman RI No. 22"
    )
    error = rules_for(2015).above_scale(Score("80.00"))
    assert type(error) is InvalidScoreError
    assert error.value == Score("80.00")
    assert error.reason.startswith("above 75.00, the top of the scale in 2015")


def test_zoning_edges() -> None:
    class Year:
        def __index__(self) -> int:
            return 2023

    assert classify(Score("81.84"), junk(Year())) is classify("81.84", 2023)
    assert classify(81.84, 2023) is classify(Decimal("81.84"), 2023)
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
    assert score_from_dimensions(
        {" Input ": 90, "PROSES": 85, "output": 80, "pengaduan": 75}, 2022
    ) == Score("82.73")
    assert pemda_score([Score("86.83"), "85.80", 82.90], 2025) == Score("85.18")


def test_gap_edges() -> None:
    assert Gap(Decimal(0), B2023[4], 2023, "A").reached
    assert Gap(Decimal("0.50"), B2023[4], 2023, "A").points == Decimal("0.50")
    assert str(gap_to("88.00", 2023, Category.A).points) == "0.00"
    assert str(gap_to("90.02", 2023, Category.A).points) == "0.00"
    assert str(gap_to("87.99", 2023, Category.A).points) == "0.01"
    assert gap_to("81.84", 2023, "Kategori A").points == Decimal("6.16")
    assert gap_to("34.19", 2021, "Predikat Kepatuhan Tinggi").points == Decimal("46.81")
    assert gap_to("69.17", 2022, "Opini Kualitas Tinggi").points == Decimal("8.83")
    assert gap_to("69.17", 2022, "Zona Hijau").points == Decimal("8.83")
    assert points_to_rank(top_ranking(), MUBAR, 1) == Decimal("18.16")


def test_ranking_edges() -> None:
    with_provinsi = rank(
        [Assessment(PEMPROV_SULTRA, 2023, "90"), Assessment(MUBAR, 2023, "81.84")],
        Provincial(SULTRA, include_provinsi=True),
    )
    assert [e.rank for e in with_provinsi] == [1, 2]
    assert str(RankedEntry(1, 1, Assessment(MUBAR, 2023, "81.84"), official_of=1)) == "1 of 1"
    first, second = ranking_2023(), ranking_2023()
    assert first is not second
    assert first == second
    assert not (first != second)  # noqa: SIM202 - __ne__ itself is under test
    assert hash(first) == hash(second)
    assert repr(first) == (
        "<Ranking national ranking of kabupaten, 2023: 2 entries of 415 assessed, ties='min'>"
    )
    provincial = rank([Assessment(MUBAR, 2023, "81.84")], Provincial(SULTRA))
    assert repr(provincial) == (
        "<Ranking kabupaten/kota of Provinsi Sulawesi Tenggara, 2023: 1 entries of 17 "
        "kabupaten/kota in Provinsi Sulawesi Tenggara, ties='min'>"
    )


@pytest.mark.parametrize(
    "module", [opinipp.rules, opinipp.zoning, opinipp.ranking, opinipp.gaps, opinipp.errors]
)
def test_dir_is_all(module: ModuleType) -> None:
    assert dir(module) == sorted(module.__all__)
