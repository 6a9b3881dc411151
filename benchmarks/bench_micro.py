"""Micro-figures: one ``classify`` call and one ``rank`` of the 415 kabupaten of 2023."""

from __future__ import annotations

import random
from typing import Final

from benchmarks.bench_harness import per_call
from opinipp import regions
from opinipp.assessments import Assessment
from opinipp.entities import PemdaKind
from opinipp.ranking import National, rank
from opinipp.scores import Score
from opinipp.zoning import classify

__all__ = ["classify_per_call", "kabupaten_2023", "rank_per_call"]

# Kabupaten Puncak (Papua Tengah) was not assessed in 2022 and 2023 (DOMAIN.md §5).
NOT_ASSESSED_2023: Final = "94.05"


def classify_per_call(*, rounds: int) -> list[tuple[str, float]]:
    """Seconds per ``classify`` call, with a :class:`Score` and with text."""
    namespace: dict[str, object] = {"classify": classify, "score": Score("81.84")}
    return [
        (
            "one `classify(score, 2023)`, `score = Score('81.84')`",
            per_call("classify(score, 2023)", namespace, rounds=rounds),
        ),
        (
            "one `classify('81.84', 2023)` (text parsed on every call)",
            per_call("classify('81.84', 2023)", namespace, rounds=rounds),
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


def rank_per_call(*, rounds: int) -> list[tuple[str, float]]:
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
            per_call("rank(assessments, scope)", namespace, rounds=rounds),
        ),
        (
            f"pandas `Series.rank(method='min', ascending=False)` of {len(scores)} floats",
            per_call("scores.rank(method='min', ascending=False)", namespace, rounds=rounds),
        ),
    ]


def __dir__() -> list[str]:
    return list(__all__)
