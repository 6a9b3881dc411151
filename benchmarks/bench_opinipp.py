"""The opinipp way: read the CSV into Assessments, classify, rank and find the gaps.

``opinipp.serialization.read_csv`` (which checks every cell and resolves every name to the
bundled Pemda); ``classify`` per row; ``rank`` once per group in each scope
(``National(kind)`` for kementerian, lembaga, provinsi, kabupaten and kota;
``Provincial(province)`` for the kabupaten and kota of a province; ``WithinPemda(pemda)``
for the units of a Pemda); ``gap_to_next_tier`` per row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from benchmarks.bench_harness import Row, Stopwatch
from benchmarks.bench_pandas import BandTable
from opinipp.entities import (
    OPD,
    Instansi,
    InstansiKind,
    Pemda,
    PemdaKind,
    Province,
    Puskesmas,
    Rsud,
)
from opinipp.gaps import gap_to_next_tier
from opinipp.ranking import National, Provincial, WithinPemda, rank
from opinipp.rules import rules_for
from opinipp.serialization import read_csv
from opinipp.zoning import classify

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from opinipp.assessments import Assessment
    from opinipp.gaps import Gap
    from opinipp.ranking import Ranking
    from opinipp.zoning import Grade

__all__ = ["OpinippResult", "band_table", "opinipp_pipeline", "opinipp_rows"]

_UNITS: Final = (OPD, Puskesmas, Rsud)


@dataclass(frozen=True)
class OpinippResult:
    """What the opinipp pipeline produces: the library's own objects."""

    assessments: Sequence[Assessment]
    grades: list[Grade]
    rankings: dict[str, list[Ranking]]
    gaps: list[Gap | None]
    stages: dict[str, float] = field(compare=False)


def _rank_all(assessments: Sequence[Assessment]) -> dict[str, list[Ranking]]:
    """Rank every assessment in each scope it belongs to, one ``rank`` call per group."""
    national: dict[tuple[int, PemdaKind | InstansiKind], list[Assessment]] = defaultdict(list)
    provincial: dict[tuple[int, Province], list[Assessment]] = defaultdict(list)
    within: dict[tuple[int, Pemda], list[Assessment]] = defaultdict(list)
    for a in assessments:
        entity = a.entity
        if type(entity) is Pemda:
            national[a.year, entity.kind].append(a)
            if entity.kind is not PemdaKind.PROVINSI:
                provincial[a.year, entity.province].append(a)
        elif type(entity) is Instansi:
            national[a.year, entity.kind].append(a)
        elif isinstance(entity, _UNITS):
            within[a.year, entity.pemda].append(a)
    return {
        "national": [rank(group, National(kind)) for (_, kind), group in national.items()],
        "provincial": [rank(group, Provincial(p)) for (_, p), group in provincial.items()],
        "within": [rank(group, WithinPemda(pemda)) for (_, pemda), group in within.items()],
    }


def opinipp_pipeline(path: Path) -> OpinippResult:
    """Read, classify, rank in every scope, and find the gap of every row."""
    watch = Stopwatch()
    assessments = read_csv(path)
    watch.lap("read")
    grades = [classify(a.score, a.year) for a in assessments]  # type: ignore[arg-type]
    watch.lap("classify")
    rankings = _rank_all(assessments)
    watch.lap("rank")
    gaps = [gap_to_next_tier(a.score, a.year) for a in assessments]  # type: ignore[arg-type]
    watch.lap("gap")
    return OpinippResult(assessments, grades, rankings, gaps, watch.seconds)


def opinipp_rows(result: OpinippResult) -> list[Row]:
    """The opinipp result as plain rows, in input order."""
    position = {id(a): i for i, a in enumerate(result.assessments)}
    ranks: dict[str, dict[int, int]] = {scope: {} for scope in result.rankings}
    for scope, rankings in result.rankings.items():
        for ranking in rankings:
            for entry in ranking:
                ranks[scope][position[id(entry.assessment)]] = entry.rank
    return [
        (
            None if grade.zone is None else grade.zone.value,
            None if grade.category is None else grade.category.value,
            ranks["national"].get(i),
            ranks["provincial"].get(i),
            ranks["within"].get(i),
            None if gap is None else int(gap.points * 100),
        )
        for i, (grade, gap) in enumerate(zip(result.grades, result.gaps, strict=True))
    ]


def band_table(years: Sequence[int]) -> BandTable:
    """The pandas bins of ``years``, read from opinipp's RuleSets (the fair way to get them)."""
    edges: dict[int, list[float]] = {}
    zone: dict[int, list[str | None]] = {}
    category: dict[int, list[str | None]] = {}
    next_lower: dict[int, list[float]] = {}
    for year in years:
        rule_set = rules_for(year)
        lowers = [b.lower.hundredths / 100 for b in rule_set.bands]
        # Bins are [lower, next lower); the last one closes just above the top of the scale.
        edges[year] = [*lowers, rule_set.scale_max.hundredths / 100 + 0.01]
        zone[year] = [None if b.zone is None else b.zone.value for b in rule_set.bands]
        category[year] = [None if b.category is None else b.category.value for b in rule_set.bands]
        next_lower[year] = [*lowers[1:], float("nan")]
    return BandTable(edges, zone, category, next_lower)


def __dir__() -> list[str]:
    return list(__all__)
