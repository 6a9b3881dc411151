"""The pandas way: what an analyst's notebook does with the same CSV file.

``pd.read_csv``; ``pd.cut`` per year with the year's bins; one
``groupby(...).rank(method="min", ascending=False)`` per scope (national per kind, the
kabupaten and kota of a province, the units of a Pemda); and a vectorised gap to the next
bin. This module imports neither opinipp nor anything heavy besides pandas, so that a fresh
interpreter running it pays only for pandas (see ``run.py``, one-shot runs); the bins come in
a :class:`BandTable` built from opinipp's rule tables by ``bench_opinipp.band_table``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from benchmarks.bench_harness import Row, Stopwatch

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

__all__ = ["BandTable", "PandasResult", "pandas_pipeline", "pandas_rows"]

NATIONAL_KINDS: Final = ("kementerian", "lembaga", "provinsi", "kabupaten", "kota")
PROVINCIAL_KINDS: Final = ("kabupaten", "kota")
UNIT_KINDS: Final = ("opd", "puskesmas", "rsud")


@dataclass(frozen=True)
class BandTable:
    """The bins of each year for ``pd.cut``, and what each bin means.

    ``edges[year]`` are the inclusive lower bounds of the bands, then one bound just above
    the top of the scale; ``zone``, ``category`` and ``next_lower`` give, per band, its zone,
    its category and the lower bound of the band above (NaN for the top band).
    """

    edges: dict[int, list[float]]
    zone: dict[int, list[str | None]]
    category: dict[int, list[str | None]]
    next_lower: dict[int, list[float]]


@dataclass(frozen=True)
class PandasResult:
    """What the pandas pipeline produces: one frame with the new columns."""

    frame: pd.DataFrame
    stages: dict[str, float]


def pandas_pipeline(path: Path, table: BandTable) -> PandasResult:
    """Read, classify, rank in every scope, and find the gap of every row, with pandas."""
    import numpy as np
    import pandas as pd

    watch = Stopwatch()
    df = pd.read_csv(path)
    watch.lap("read")

    years = df["year"].to_numpy()
    scores = df["score"].to_numpy(dtype=np.float64)
    band = np.full(len(df), -1, dtype=np.int64)
    zone = np.full(len(df), None, dtype=np.object_)
    category = np.full(len(df), None, dtype=np.object_)
    next_lower = np.full(len(df), np.nan)
    for year in sorted(set(years.tolist())):
        index = np.flatnonzero(years == year)
        codes = pd.cut(scores[index], table.edges[year], right=False, labels=False)
        band[index] = codes
        zone[index] = np.array(table.zone[year], dtype=np.object_)[codes]
        category[index] = np.array(table.category[year], dtype=np.object_)[codes]
        next_lower[index] = np.array(table.next_lower[year], dtype=np.float64)[codes]
    df["band"] = band
    df["zone"] = zone
    df["category"] = category
    watch.lap("classify")

    for column, kinds, keys in (
        ("rank_national", NATIONAL_KINDS, ["year", "kind"]),
        ("rank_provincial", PROVINCIAL_KINDS, ["year", "province"]),
        ("rank_within", UNIT_KINDS, ["year", "parent_pemda"]),
    ):
        chosen = df["kind"].isin(kinds)
        df[column] = (
            df[chosen].groupby(keys)["score"].rank(method="min", ascending=False).astype("Int64")
        )
    watch.lap("rank")

    df["gap"] = (next_lower - df["score"]).round(2)
    watch.lap("gap")
    return PandasResult(df, watch.seconds)


def _optional_text(value: object) -> str | None:
    # pandas may hold a missing label as NaN (its string dtype) rather than None.
    return value if isinstance(value, str) else None


def _optional_int(value: object) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value == value:  # noqa: PLR0124 - NaN is not equal to itself
        return int(value)
    return None  # None, NaN or pd.NA


def pandas_rows(result: PandasResult) -> list[Row]:
    """The pandas result as plain rows, in input order."""
    df = result.frame
    return [
        (
            _optional_text(zone),
            _optional_text(category),
            _optional_int(national),
            _optional_int(provincial),
            _optional_int(within),
            None if gap != gap else round(gap * 100),  # noqa: PLR0124 - NaN check
        )
        for zone, category, national, provincial, within, gap in zip(
            df["zone"].tolist(),
            df["category"].tolist(),
            df["rank_national"].tolist(),
            df["rank_provincial"].tolist(),
            df["rank_within"].tolist(),
            df["gap"].tolist(),
            strict=True,
        )
    ]


def __dir__() -> list[str]:
    return list(__all__)
