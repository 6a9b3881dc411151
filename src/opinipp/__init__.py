"""opinipp: the rules of Ombudsman RI's public-service compliance assessment, as data.

Scores, zones (zona), categories (kategori) and opinions (opini) of the Ombudsman Republik
Indonesia's yearly assessment, year by year, with national and provincial rankings and the
exact points a local government needs for the next tier.

>>> import opinipp as op
>>> grade = op.classify("81.84", 2023)
>>> grade.zone, grade.category, grade.opinion
(<Zone.HIJAU: 'hijau'>, <Category.B: 'B'>, 'Kualitas Tinggi')
>>> op.classify("34.19", 2021).zone
<Zone.MERAH: 'merah'>
>>> op.regions.pemda("Kab. Muna Barat").code
'74.13'
>>> op.gap_to_next_tier("81.84", 2023).points
Decimal('6.16')
"""

from opinipp import datasets, errors, regions
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
    Unit,
)
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
    OpinippWarning,
    OutOfScopeError,
    RowError,
    RulesNotAvailableError,
    UnknownRegionError,
)
from opinipp.gaps import Gap, gap_to, gap_to_next_tier, points_to_rank
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
from opinipp.rules import (
    Band,
    Category,
    Dimension,
    RuleSet,
    Zone,
    covered_years,
    not_held_years,
    rule_sets,
    rules_for,
)
from opinipp.scores import MAX_SCORE, MIN_SCORE, Score, ScoreLike
from opinipp.trends import Change, Direction, Series, compare, series
from opinipp.years import AssessmentYear, assessment_year
from opinipp.zoning import Grade, classify, pemda_score, score_from_dimensions

__version__ = "0.1.0.dev0"

__all__ = [
    "MAX_SCORE",
    "MIN_SCORE",
    "OPD",
    "AmbiguousNameError",
    "Assessment",
    "AssessmentYear",
    "Band",
    "Category",
    "Change",
    "Dimension",
    "Direction",
    "DuplicateEntityError",
    "Entity",
    "EntityKind",
    "Gap",
    "Grade",
    "Instansi",
    "InstansiKind",
    "InvalidArgumentError",
    "InvalidDataError",
    "InvalidEntityError",
    "InvalidScoreError",
    "InvalidTextError",
    "MissingExtraError",
    "MixedYearsError",
    "National",
    "NotApplicableError",
    "OPDKind",
    "OpinippError",
    "OpinippWarning",
    "OutOfScopeError",
    "Pemda",
    "PemdaKind",
    "Province",
    "Provincial",
    "PublishedResult",
    "Puskesmas",
    "RankedEntry",
    "Ranking",
    "RowError",
    "Rsud",
    "RuleSet",
    "RulesNotAvailableError",
    "Scope",
    "Score",
    "ScoreLike",
    "Series",
    "Ties",
    "Unit",
    "UnknownRegionError",
    "WithinPemda",
    "Zone",
    "__version__",
    "assessment_year",
    "classify",
    "compare",
    "covered_years",
    "datasets",
    "errors",
    "gap_to",
    "gap_to_next_tier",
    "not_held_years",
    "pemda_score",
    "points_to_rank",
    "rank",
    "regions",
    "rule_sets",
    "rules_for",
    "score_from_dimensions",
    "series",
]


def __dir__() -> list[str]:
    return list(__all__)
