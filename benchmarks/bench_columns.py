"""The column path (:mod:`opinipp.columns`) against the hand-written pandas pipeline.

The same work as ``bench_pandas`` on a frame already in memory: classify every score in its
year, the points to the next tier, and competition ranks nationally per kind, within each
province and within each Pemda. The hand-written pandas code is ``pd.cut`` per year and one
``groupby(...).rank(method="min", ascending=False)`` per scope; the column path is
``columns.grade`` (classify and gap in one pass) and three ``columns.rank`` calls, each
checking its input (no invalid row is skipped). Both give the same zones, categories, ranks
and gaps on every row, which is checked before the timings are reported.

Usage: ``python benchmarks/run.py --only columns [--write-docs] [--quick]``, or this file
with ``script ENGINE CSV`` to run one fresh pipeline (what ``run.py`` times as a script).
"""

from __future__ import annotations

import functools
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

ROOT: Final = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import pandas as pd

    from benchmarks.bench_pandas import BandTable

__all__ = [
    "ENGINES",
    "SECTION_END",
    "SECTION_START",
    "columns_pipeline",
    "pandas_by_hand",
    "run",
    "section",
    "write_section",
]

SECTION_START: Final = "<!-- columns:start -->"
SECTION_END: Final = "<!-- columns:end -->"
SIZES: Final = (10_000, 100_000, 1_000_000)
QUICK_SIZES: Final = (1_000, 10_000)
ENGINES: Final = ("polars-lazy", "polars", "pandas", "duckdb", "pyarrow")
SCOPES: Final = (
    ("national", "rank_national"),
    ("provincial", "rank_provincial"),
    ("within_pemda", "rank_within"),
)
TARGETS: Final = {"polars-lazy": 0.3, "polars": 0.3, "pandas": 1.5}
SCRIPT_TARGET: Final = 0.6


def load(engine: str, path: Path) -> object:
    """The CSV file as the engine's own frame, in memory (reading is not timed)."""
    if engine in ("polars", "polars-lazy"):
        import polars as pl

        frame = pl.read_csv(path)
        return frame.lazy() if engine == "polars-lazy" else frame
    import pandas as pd

    df = pd.read_csv(path)
    if engine == "pandas":
        return df
    import pyarrow as pa

    table = pa.Table.from_pandas(df, preserve_index=False)
    if engine == "pyarrow":
        return table
    import duckdb

    return duckdb.from_arrow(table)


def columns_pipeline(frame: object) -> object:
    """Grade (classify and gap) and rank in three scopes with :mod:`opinipp.columns`."""
    from opinipp import columns

    out = columns.grade(frame)
    for scope, name in SCOPES:
        out = columns.rank(out, scope, output=(name, f"{name}_of"))  # type: ignore[arg-type]
    collect = getattr(out, "collect", None)  # a polars LazyFrame
    if collect is not None:
        return collect()
    arrow = getattr(out, "to_arrow_table", None)  # a DuckDB relation
    if arrow is not None:
        return arrow()
    return out


def pandas_by_hand(df: pd.DataFrame, table: BandTable) -> pd.DataFrame:
    """``pd.cut`` per year, ``groupby().rank`` per scope, a vectorised gap (as ``bench_pandas``)."""
    import numpy as np
    import pandas as pd

    from benchmarks.bench_pandas import NATIONAL_KINDS, PROVINCIAL_KINDS, UNIT_KINDS

    df = df.copy()
    years = df["year"].to_numpy()
    scores = df["score"].to_numpy(dtype=np.float64)
    zone = np.full(len(df), None, dtype=np.object_)
    category = np.full(len(df), None, dtype=np.object_)
    next_lower = np.full(len(df), np.nan)
    for year in sorted(set(years.tolist())):
        index = np.flatnonzero(years == year)
        codes = pd.cut(scores[index], table.edges[year], right=False, labels=False)
        zone[index] = np.array(table.zone[year], dtype=np.object_)[codes]
        category[index] = np.array(table.category[year], dtype=np.object_)[codes]
        next_lower[index] = np.array(table.next_lower[year], dtype=np.float64)[codes]
    df["zone"] = zone
    df["category"] = category
    for column, kinds, keys in (
        ("rank_national", NATIONAL_KINDS, ["year", "kind"]),
        ("rank_provincial", PROVINCIAL_KINDS, ["year", "province"]),
        ("rank_within", UNIT_KINDS, ["year", "parent_pemda"]),
    ):
        chosen = df["kind"].isin(kinds)
        df[column] = (
            df[chosen].groupby(keys)["score"].rank(method="min", ascending=False).astype("Int64")
        )
    df["gap"] = (next_lower - df["score"]).round(2)
    return df


def _plain(value: object) -> object:
    if value is None or type(value).__name__ == "NAType":  # pandas' pd.NA
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def result_rows(result: Any, *, gap: str) -> list[tuple[object, ...]]:  # noqa: ANN401
    """Zone, category, the three ranks and the gap in hundredths, per row in input order."""
    import narwhals as nw

    frame = nw.from_native(result, eager_only=True)
    names = ["zone", "category", *(name for _, name in SCOPES), gap]
    out = []
    for row in frame.select(*names).rows():
        *labels, points = (_plain(v) for v in row)
        out.append(
            (
                *(None if v is None else str(v) if i < 2 else int(v) for i, v in enumerate(labels)),  # type: ignore[call-overload]
                None if points is None else round(float(points) * 100),  # type: ignore[arg-type]
            )
        )
    return out


@dataclass(frozen=True)
class Measured:
    """Median and best seconds of one engine at one size, over ``runs`` runs."""

    engine: str
    rows: int
    median: float
    best: float
    runs: int
    pandas_median: float

    @property
    def ratio(self) -> float:
        """The column path's median over the hand-written pandas median, in the same run."""
        return self.median / self.pandas_median


def _time(call: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _repeats(rows: int, *, quick: bool) -> int:
    if quick:
        return 2
    return 7 if rows <= 10_000 else 5 if rows <= 100_000 else 3


def measure_size(rows: int, directory: Path, *, quick: bool) -> list[Measured]:
    """Check every engine against pandas by hand, then time them in turns."""
    import pandas as pd

    from benchmarks import bench_data, bench_opinipp

    path = directory / f"columns-{rows}.csv"
    bench_data.write_csv(bench_data.synthetic(rows), path)
    table = bench_opinipp.band_table([bench_data.SYNTHETIC_YEAR])
    frames = {engine: load(engine, path) for engine in ENGINES}
    by_hand = pd.read_csv(path)
    expected = result_rows(pandas_by_hand(by_hand, table), gap="gap")
    for engine, frame in frames.items():
        got = columns_pipeline(frame)
        mine = result_rows(got, gap="points")
        if engine == "duckdb":  # a relation has no row order: compare as sets of rows
            mine, theirs = sorted(mine, key=repr), sorted(expected, key=repr)
        else:
            theirs = expected
        if mine != theirs:
            msg = f"columns on {engine} differs from pandas at {rows:,} rows"
            raise SystemExit(msg)
    samples: dict[str, list[float]] = {engine: [] for engine in (*ENGINES, "by hand")}
    for _ in range(_repeats(rows, quick=quick)):
        samples["by hand"].append(_time(lambda: pandas_by_hand(by_hand, table)))
        for engine, frame in frames.items():
            samples[engine].append(_time(functools.partial(columns_pipeline, frame)))
    pandas_median = statistics.median(samples["by hand"])
    return [
        Measured(
            engine,
            rows,
            statistics.median(samples[engine]),
            min(samples[engine]),
            len(samples[engine]),
            pandas_median,
        )
        for engine in (*ENGINES, "by hand")
    ]


def script(engine: str, path: Path) -> None:
    """One fresh pipeline: import, read the CSV, classify, gap, rank (what a script pays)."""
    if engine == "polars":
        import polars as pl

        columns_pipeline(pl.scan_csv(path))
    else:
        columns_pipeline(load(engine, path))


def _fresh(command: list[str], runs: int) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def measure_script(directory: Path, *, quick: bool) -> tuple[int, float, float, int]:
    """Rows, the column path's and pandas' fresh-script medians on a real year, and runs."""
    from benchmarks import bench_data, bench_opinipp

    records = bench_data.one_year()
    path = directory / "columns-year.csv"
    bench_data.write_csv(records, path)
    table_path = directory / "columns-year.bins.json"
    table = bench_opinipp.band_table(sorted({r.year for r in records}))
    table_path.write_text(json.dumps(asdict(table)), encoding="utf-8")
    runs = 2 if quick else 7
    mine = _fresh([sys.executable, __file__, "script", "polars", str(path)], runs)
    child = str(ROOT / "benchmarks" / "bench_child.py")
    theirs = _fresh([sys.executable, child, "pandas", str(path), str(table_path)], runs)
    return len(records), mine, theirs, runs


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.1f} ms"


def section(
    results: Sequence[Measured],
    year_script: tuple[int, float, float, int],
    load: tuple[float, float, float] | None = None,
) -> str:
    """The Markdown section of docs/benchmarks.md for the column path."""
    sizes = sorted({r.rows for r in results})
    lines = [
        SECTION_START,
        "## The column path (`opinipp.columns`)",
        "",
        (
            "Generated by `benchmarks/run.py --only columns --write-docs` "
            "(`benchmarks/bench_columns.py`). The same work as the pipelines above on a frame "
            "already in memory — classify, the gap to the next tier, and competition ranks "
            "nationally per kind, within each province and within each Pemda — through "
            "`columns.grade` (classify and gap in one pass) and three `columns.rank` calls, "
            "each checking every row it grades. The baseline is the hand-written pandas "
            'code (`pd.cut` per year, one `groupby().rank(method="min")` per scope), timed '
            "in turns with every engine in the same run; the results of every engine are "
            "checked to equal it row by row first. Rows are the synthetic Puskesmas of (c)."
            + (
                ""
                if load is None
                else " Load average (1, 5, 15 min) before the run: "
                + ", ".join(f"{v:.2f}" for v in load)
                + " on 2 shared cores (the higher, the noisier)."
            )
        ),
        "",
        "| engine | " + " | ".join(f"{s:,} rows" for s in sizes) + " | ratio at the top size |",
        "|---|" + "--:|" * len(sizes) + "--:|",
    ]
    top = sizes[-1]
    for engine in (*ENGINES, "by hand"):
        mine = {r.rows: r for r in results if r.engine == engine}
        cells = " | ".join(_seconds(mine[s].median) for s in sizes)
        label = "pandas by hand (`pd.cut` + `groupby().rank`)" if engine == "by hand" else engine
        ratio = "1.00×" if engine == "by hand" else f"{mine[top].ratio:.2f}×"
        lines.append(f"| {label} | {cells} | {ratio} |")
    lines += ["", "| figure | measured | target | |", "|---|--:|--:|---|"]
    for engine, limit in TARGETS.items():
        r = next(r for r in results if r.engine == engine and r.rows == top)
        met = "met" if r.ratio <= limit else "**not met**"
        lines.append(
            f"| column path on {engine} at {top:,} rows over pandas by hand, in one process "
            f"| {r.ratio:.2f}× | ≤ {limit}× | {met} |"
        )
    rows, mine_script, theirs_script, runs = year_script
    script_ratio = mine_script / theirs_script
    verdict = "met" if script_ratio <= SCRIPT_TARGET else "**not met**"
    lines.append(
        f"| a real year ({rows:,} rows) as a fresh script, polars (`scan_csv`, grade, "
        f"three ranks) over the pandas script (`read_csv`, `pd.cut`, `groupby().rank`), "
        f"medians of {runs}: {_seconds(mine_script)} and {_seconds(theirs_script)} "
        f"| {script_ratio:.2f}× | ≤ {SCRIPT_TARGET}× | {verdict} |"
    )
    if len(sizes) > 1:
        for engine in ("polars-lazy", "polars", "pandas"):
            small = next(r for r in results if r.engine == engine and r.rows == sizes[0])
            large = next(r for r in results if r.engine == engine and r.rows == top)
            lines.append(
                f"| growth on {engine} from {sizes[0]:,} to {top:,} rows (best runs) "
                f"| {large.best / small.best:.1f}× | ≤ {top / sizes[0]:.0f}× (linear) | "
                f"{'met' if large.best / small.best <= top / sizes[0] else '**not met**'} |"
            )
    lines += [
        "",
        (
            "Dask is not timed: it runs `classify` and `gap_to_next_tier` on partitioned "
            "frames (tested), and `rank` raises `NotApplicableError` there (see the guide "
            "*Bulk data: pandas, polars, DuckDB*)."
        ),
        SECTION_END,
    ]
    return "\n".join(lines)


def write_section(page: str, text: str) -> str:
    """``page`` with its column-path section replaced by ``text`` (or ``text`` appended)."""
    start, end = page.find(SECTION_START), page.find(SECTION_END)
    if start != -1 and end != -1:
        return page[:start] + text + page[end + len(SECTION_END) :]
    return page.rstrip("\n") + "\n\n" + text + "\n"


def run(*, quick: bool, sizes: Sequence[int] | None = None) -> str:
    """Measure every size and the fresh script; print and return the section."""
    chosen = tuple(sizes) if sizes else (QUICK_SIZES if quick else SIZES)
    load = os.getloadavg()
    results: list[Measured] = []
    with tempfile.TemporaryDirectory(prefix="opinipp-columns-") as tmp:
        for rows in chosen:
            start = time.perf_counter()
            measured = measure_size(rows, Path(tmp), quick=quick)
            results.extend(measured)
            summary = ", ".join(f"{m.engine} {m.ratio:.2f}×" for m in measured[:-1])
            print(f"{rows:,} rows: {summary} ({time.perf_counter() - start:.0f} s)", flush=True)
        year_script = measure_script(Path(tmp), quick=quick)
    text = section(results, year_script, load)
    print(text)
    return text


def _main(argv: Sequence[str]) -> int:
    if len(argv) == 3 and argv[0] == "script":
        script(argv[1], Path(argv[2]))
        return 0
    run(quick="--quick" in argv)
    return 0


def __dir__() -> list[str]:
    return list(__all__)


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
