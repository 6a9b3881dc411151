"""Micro-figures: one ``classify`` call, one ``rank`` of the 415 kabupaten of 2023, and the
least a reader of Assessments must do."""

from __future__ import annotations

import csv
import random
import time
from typing import TYPE_CHECKING, Final

from benchmarks.bench_harness import per_call
from opinipp import regions
from opinipp.assessments import Assessment
from opinipp.entities import PemdaKind
from opinipp.ranking import National, rank
from opinipp.scores import Score
from opinipp.zoning import classify

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = ["classify_per_call", "kabupaten_2023", "object_floor", "rank_per_call"]

# Kabupaten Puncak (Papua Tengah) was not assessed in 2022 and 2023 (the year table, opinipp.years).
NOT_ASSESSED_2023: Final = "94.05"


def classify_per_call(*, rounds: int, number: int | None = None) -> list[tuple[str, float]]:
    """Seconds per ``classify`` call, with a :class:`Score` and with text."""
    namespace: dict[str, object] = {"classify": classify, "score": Score("81.84")}
    return [
        (
            "one `classify(score, 2023)`, `score = Score('81.84')`",
            per_call("classify(score, 2023)", namespace, rounds=rounds, number=number),
        ),
        (
            "one `classify('81.84', 2023)` (text parsed on every call)",
            per_call("classify('81.84', 2023)", namespace, rounds=rounds, number=number),
        ),
    ]


def kabupaten_2023(seed: int = 415) -> list[Assessment]:
    """The 415 kabupaten assessed in 2023, with seeded scores."""
    rng = random.Random(seed)
    return [
        Assessment(p, 2023, Score.from_hundredths(rng.randint(3000, 10000)))
        for p in regions.pemdas(kind=PemdaKind.KABUPATEN)
        if p.code != NOT_ASSESSED_2023
    ]


def rank_per_call(*, rounds: int, number: int | None = None) -> list[tuple[str, float]]:
    """Seconds per ``rank`` of the 415 kabupaten, and pandas' ``Series.rank`` for scale."""
    import pandas as pd

    assessments = kabupaten_2023()
    scores = pd.Series([float(a.score) for a in assessments if a.score is not None])
    namespace: dict[str, object] = {
        "rank": rank,
        "assessments": assessments,
        "scope": National(PemdaKind.KABUPATEN),
        "scores": scores,
    }
    return [
        (
            f"one `rank` of the {len(assessments)} kabupaten of 2023",
            per_call("rank(assessments, scope)", namespace, rounds=rounds, number=number),
        ),
        (
            f"pandas `Series.rank(method='min', ascending=False)` of {len(scores)} floats",
            per_call(
                "scores.rank(method='min', ascending=False)",
                namespace,
                rounds=rounds,
                number=number,
            ),
        ),
    ]


def object_floor(path: Path, assessments: Sequence[Assessment], *, rounds: int = 5) -> float:
    """Seconds for the least any reader that returns validated Assessments has to do.

    Splitting the file into cells with the ``csv`` module, then building one
    :class:`~opinipp.assessments.Assessment` per row from entities, years and scores that
    are already resolved (no name lookup, no score parsing): the best of ``rounds`` runs of
    each, added.
    """
    rows = [(a.entity, a.year, a.score) for a in assessments]

    def split() -> list[list[str]]:
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.reader(f))

    def build() -> list[Assessment]:
        return [Assessment(entity, year, score) for entity, year, score in rows]

    best: list[float] = []
    for step in (split, build):
        samples: list[float] = []
        for _ in range(rounds):
            start = time.perf_counter()
            step()
            samples.append(time.perf_counter() - start)
        best.append(min(samples))
    return sum(best)


def __dir__() -> list[str]:
    return list(__all__)
