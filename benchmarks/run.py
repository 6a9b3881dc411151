"""Time opinipp against the pandas way of doing the same work, in the same run.

Usage, from the repository root (``./dev bench`` installs what it needs, then runs this)::

    python benchmarks/run.py                 # every workload; prints the tables
    python benchmarks/run.py --write-docs    # ... and regenerates docs/benchmarks.md
    python benchmarks/run.py --quick         # small sizes, few runs (seconds)
    python benchmarks/run.py --sizes 10000,100000

Workloads (see ``bench_data``): (a) one real-size year, (b) all years, (c) synthetic
assessments at each of ``--sizes``. Both pipelines read the same CSV file, and their results
are checked to be equal row by row before the figures are reported.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

ROOT: Final = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from benchmarks.bench_data import Record
    from benchmarks.bench_harness import Machine, Row, Timing
    from benchmarks.bench_pandas import BandTable

__all__ = [
    "Figure",
    "Options",
    "Workload",
    "WorkloadResult",
    "main",
    "render",
    "run_workload",
    "workloads",
]

DOC_PATH: Final = ROOT / "docs" / "benchmarks.md"
DEFAULT_SIZES: Final = (10_000, 100_000, 1_000_000)
QUICK_SIZES: Final = (1_000, 2_000)
MIB: Final = 1024 * 1024


@dataclass(frozen=True)
class Workload:
    """One dataset to run both pipelines on."""

    key: str
    label: str
    records: Callable[[], list[Record]]
    synthetic: bool


@dataclass(frozen=True)
class WorkloadResult:
    """The figures of one workload."""

    workload: Workload
    rows: int
    opinipp: Timing
    pandas: Timing
    opinipp_stages: dict[str, float]
    pandas_stages: dict[str, float]
    opinipp_peak: int | None
    pandas_peak: int | None
    opinipp_once: Timing | None
    pandas_once: Timing | None

    @property
    def ratio(self) -> float:
        """opinipp time over pandas time (below 1: opinipp is faster)."""
        return self.opinipp.median / self.pandas.median


@dataclass(frozen=True)
class Figure:
    """One line of a figures table: a measurement, its target and whether it is met."""

    name: str
    value: str
    target: str
    met: bool | None


def workloads(sizes: Sequence[int]) -> list[Workload]:
    """The workloads (a), (b) and (c) at ``sizes``."""
    from benchmarks import bench_data

    chosen = [
        Workload(
            "year",
            "(a) one year (2023): 552 Pemda and their units",
            bench_data.one_year,
            synthetic=False,
        ),
        Workload("all-years", "(b) all years, 2018–2025", bench_data.all_years, synthetic=False),
    ]
    chosen.extend(
        Workload(
            f"synthetic-{size}",
            f"(c) synthetic, {size:,} Puskesmas",
            lambda size=size: bench_data.synthetic(size),  # type: ignore[misc]
            synthetic=True,
        )
        for size in sizes
    )
    return chosen


def repeats_for(rows: int, *, quick: bool, requested: int | None) -> int:
    """Timed runs per pipeline: fewer at the largest sizes, to stay within minutes."""
    if requested is not None:
        return requested
    if quick:
        return 2
    if rows <= 10_000:
        return 9
    if rows <= 100_000:
        return 3
    return 1


def compare(opinipp_rows: Sequence[Row], pandas_rows: Sequence[Row], label: str) -> None:
    """Stop unless the two pipelines gave the same result on every row."""
    if len(opinipp_rows) != len(pandas_rows):
        msg = f"{label}: opinipp gave {len(opinipp_rows)} rows, pandas {len(pandas_rows)}"
        raise SystemExit(msg)
    for index, (mine, theirs) in enumerate(zip(opinipp_rows, pandas_rows, strict=True)):
        if mine != theirs:
            msg = f"{label}: row {index} differs: opinipp {mine!r}, pandas {theirs!r}"
            raise SystemExit(msg)


def _median_stages(samples: Sequence[dict[str, float]]) -> dict[str, float]:
    return {stage: statistics.median(s[stage] for s in samples) for stage in samples[0]}


def _one_shot_code(pipeline: str, path: Path, table: BandTable) -> str:
    """Python source that runs one pipeline in a fresh interpreter, as a script would."""
    setup = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
    if pipeline == "opinipp":
        return (
            setup + "from benchmarks.bench_opinipp import opinipp_pipeline; "
            f"opinipp_pipeline(Path({str(path)!r}))"
        )
    fields = json.dumps(asdict(table))
    return (
        setup + "import json; from benchmarks.bench_pandas import BandTable, pandas_pipeline; "
        f"t = json.loads({fields!r}); "
        "t = {k: {int(y): v for y, v in d.items()} for k, d in t.items()}; "
        f"pandas_pipeline(Path({str(path)!r}), BandTable(**t))"
    )


def one_shot(code: str, *, runs: int) -> Timing:
    """Wall time of ``python -c code`` (interpreter start, imports and one run)."""
    from benchmarks.bench_harness import Timing

    samples: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    return Timing.of(samples)


@dataclass(frozen=True)
class Options:
    """How thoroughly to measure: ``repeats`` ``None`` picks by size (see :func:`repeats_for`);
    ``one_shot_runs`` fresh-interpreter runs of each pipeline (0: none)."""

    quick: bool = False
    repeats: int | None = None
    memory: bool = True
    one_shot_runs: int = 0


def run_workload(workload: Workload, directory: Path, options: Options) -> WorkloadResult:
    """Generate the data, check both pipelines agree, then time and measure them."""
    from benchmarks import bench_data, bench_harness, bench_opinipp, bench_pandas

    records = workload.records()
    path = directory / f"{workload.key}.csv"
    bench_data.write_csv(records, path)
    table = bench_opinipp.band_table(sorted({r.year for r in records}))

    def mine() -> bench_opinipp.OpinippResult:
        return bench_opinipp.opinipp_pipeline(path)

    def theirs() -> bench_pandas.PandasResult:
        return bench_pandas.pandas_pipeline(path, table)

    runs = repeats_for(len(records), quick=options.quick, requested=options.repeats)
    # The first runs are checked for equality, and also warm both up.
    first_mine, first_theirs = mine(), theirs()
    compare(
        bench_opinipp.opinipp_rows(first_mine),
        bench_pandas.pandas_rows(first_theirs),
        workload.label,
    )
    del first_mine, first_theirs

    mine_stages: list[dict[str, float]] = []
    theirs_stages: list[dict[str, float]] = []
    mine_times: list[float] = []
    theirs_times: list[float] = []
    for _ in range(runs):  # interleaved, so both see the same machine state
        for runner, times, stages in (
            (mine, mine_times, mine_stages),
            (theirs, theirs_times, theirs_stages),
        ):
            gc.collect()
            start = time.perf_counter()
            result = runner()
            times.append(time.perf_counter() - start)
            stages.append(result.stages)
            del result

    once_mine = once_theirs = None
    if options.one_shot_runs:
        runs = options.one_shot_runs
        once_mine = one_shot(_one_shot_code("opinipp", path, table), runs=runs)
        once_theirs = one_shot(_one_shot_code("pandas", path, table), runs=runs)
    return WorkloadResult(
        workload=workload,
        rows=len(records),
        opinipp=bench_harness.Timing.of(mine_times),
        pandas=bench_harness.Timing.of(theirs_times),
        opinipp_stages=_median_stages(mine_stages),
        pandas_stages=_median_stages(theirs_stages),
        opinipp_peak=bench_harness.peak_memory(mine) if options.memory else None,
        pandas_peak=bench_harness.peak_memory(theirs) if options.memory else None,
        opinipp_once=once_mine,
        pandas_once=once_theirs,
    )


def micro_figures(*, quick: bool) -> list[Figure]:
    """``import opinipp`` over bare Python; one ``classify``; one ``rank`` of 415 kabupaten."""
    from benchmarks import bench_harness, bench_micro

    out: list[Figure] = []
    bare, loaded = bench_harness.startup_cost("import opinipp", runs=5 if quick else 20)
    import_ms = (loaded.median - bare.median) * 1000
    out.append(
        Figure(
            f"`import opinipp` over `python -c pass` (medians of {loaded.runs} runs each: "
            f"{loaded.median * 1000:.1f} ms and {bare.median * 1000:.1f} ms)",
            f"{import_ms:.1f} ms",
            "≤ 30 ms",
            import_ms <= 30,
        )
    )
    rounds = 3 if quick else 7
    for label, seconds in bench_micro.classify_per_call(rounds=rounds):
        micro_us = seconds * 1e6
        out.append(Figure(label, f"{micro_us:.2f} µs", "≤ 2 µs", micro_us <= 2))
    for label, seconds in bench_micro.rank_per_call(rounds=rounds):
        out.append(Figure(label, f"{seconds * 1e6:.0f} µs", "–", None))
    return out


def _seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms"


def _mib(value: int | None) -> str:
    return "–" if value is None else f"{value / MIB:.1f} MiB"


def _met(met: bool | None) -> str:
    if met is None:
        return ""
    return "met" if met else "**not met**"


def pipeline_table(results: Sequence[WorkloadResult]) -> list[str]:
    """The main table, as Markdown lines."""
    lines = [
        "| workload | rows | runs | opinipp | pandas | ratio | opinipp peak | pandas peak |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    lines.extend(
        f"| {r.workload.label} | {r.rows:,} | {r.opinipp.runs} | {_seconds(r.opinipp.median)} "
        f"| {_seconds(r.pandas.median)} | {r.ratio:.2f}× | {_mib(r.opinipp_peak)} "
        f"| {_mib(r.pandas_peak)} |"
        for r in results
    )
    return lines


def stage_table(results: Sequence[WorkloadResult]) -> list[str]:
    """Each stage's median seconds, opinipp / pandas, as Markdown lines."""
    from benchmarks.bench_harness import STAGES

    lines = [
        "| workload | " + " | ".join(STAGES) + " |",
        "|---|" + "--:|" * len(STAGES),
    ]
    for r in results:
        cells = " | ".join(
            f"{_seconds(r.opinipp_stages[s])} / {_seconds(r.pandas_stages[s])}" for s in STAGES
        )
        lines.append(f"| {r.workload.label} | {cells} |")
    return lines


def one_shot_table(results: Sequence[WorkloadResult]) -> list[str]:
    """Fresh-interpreter runs, as Markdown lines (empty when none were made)."""
    chosen = [r for r in results if r.opinipp_once is not None and r.pandas_once is not None]
    if not chosen:
        return []
    lines = [
        "| workload | runs | opinipp script | pandas script | ratio |",
        "|---|--:|--:|--:|--:|",
    ]
    for r in chosen:
        mine, theirs = r.opinipp_once, r.pandas_once
        if mine is None or theirs is None:  # pragma: no cover - filtered above
            continue
        lines.append(
            f"| {r.workload.label} | {mine.runs} | {_seconds(mine.median)} "
            f"| {_seconds(theirs.median)} | {mine.median / theirs.median:.2f}× |"
        )
    return lines


def figure_table(figures: Sequence[Figure]) -> list[str]:
    """A figures table, as Markdown lines."""
    lines = ["| figure | measured | target | |", "|---|--:|--:|---|"]
    lines.extend(f"| {f.name} | {f.value} | {f.target} | {_met(f.met)} |" for f in figures)
    return lines


def growth(results: Sequence[WorkloadResult]) -> list[tuple[int, int, float, float]]:
    """Between consecutive synthetic sizes: opinipp's time ratio, and what n log n predicts."""
    synthetic = [r for r in results if r.workload.synthetic]
    out: list[tuple[int, int, float, float]] = []
    for small, large in itertools.pairwise(synthetic):
        measured = large.opinipp.median / small.opinipp.median
        predicted = (large.rows * math.log(large.rows)) / (small.rows * math.log(small.rows))
        out.append((small.rows, large.rows, measured, predicted))
    return out


def targets(results: Sequence[WorkloadResult]) -> list[Figure]:
    """The pipeline targets: faster than pandas on (a) and (b), within 5× at the top size."""
    out = [
        Figure(
            f"faster than pandas on {r.workload.label}",
            f"{r.ratio:.2f}×",
            "< 1×",
            r.ratio < 1,
        )
        for r in results
        if not r.workload.synthetic
    ]
    synthetic = [r for r in results if r.workload.synthetic]
    if synthetic:
        largest = max(synthetic, key=lambda r: r.rows)
        out.append(
            Figure(
                f"within 5× of pandas at {largest.rows:,} rows",
                f"{largest.ratio:.2f}×",
                "≤ 5×",
                largest.ratio <= 5,
            )
        )
    out.extend(
        Figure(
            f"growth of opinipp's time from {small:,} to {large:,} rows",
            f"{measured:.1f}×",
            f"≤ {predicted:.1f}× (n log n)",
            measured <= predicted,
        )
        for small, large, measured, predicted in growth(results)
    )
    return out


NOTES: Final = """\
How to read the tables:

- **ratio** is opinipp's median time over pandas' median time: below 1× opinipp is faster.
  Times are medians of the number of **runs** shown, the two pipelines taking turns in one
  process after a first, untimed run of each (whose results are compared row by row). The
  largest sizes get fewer runs, to keep the whole benchmark within a few minutes on a 2-core
  machine.
- **peak** is the most memory allocated at once during a separate, untimed run of the
  pipeline, measured with `tracemalloc` (the Python heap and NumPy's buffers; the bytes the
  interpreter and the libraries hold before the run are not counted).
- Both pipelines do the same work on the same CSV file: read it; classify every score in its
  year (zone, category); rank every row in each scope it belongs to, with competition ranking
  (ties share the best rank: `ties="min"`, `method="min"`): nationally per kind (kementerian,
  lembaga, provinsi, kabupaten, kota), the kabupaten and kota within their province, and the
  units (OPD, Puskesmas, RSUD) within their Pemda; and compute the points to the next tier.
- opinipp: `opinipp.serialization.read_csv`, `classify` per row, one `rank` per group,
  `gap_to_next_tier` per row. Reading checks every cell and resolves every name to the
  bundled Pemda (a misspelt Pemda or a 2020 row is an error naming its line); pandas reads
  the text as it is.
- pandas: `pd.read_csv`, `pd.cut` per year with the bounds read from opinipp's rule tables,
  one `groupby(...).rank(method="min", ascending=False)` per scope, a vectorised gap.
- (a) is 2023 with all 552 Pemda (38 provinsi, 416 kabupaten, 98 kota) and about six units
  each (four OPD and two Puskesmas of a kabupaten or kota; three OPD and an RSUD of a
  province); a Pemda's score is the mean of its units. (b) is every year 2018–2025 (none was
  held in 2020) with as many kementerian, lembaga and Pemda as the Ombudsman assessed that
  year, and the units of some Pemda from 2022 on.
- (c) is synthetic and larger than any real table. A year's file holds each entity once
  (`read_csv` rejects a repeated one, and so does `rank`), so the rows are distinct Puskesmas
  of 2023, dealt in turn to the 552 Pemda: about 18 per Pemda at 10,000 rows (close to the
  real number of Puskesmas in Indonesia), 1,812 at 1,000,000. They are ranked within their
  Pemda, so the rankings grow with the table, and the growth target compares opinipp's time
  with n log n.
- The data comes from a fixed seed: every run reads the same files.
"""


def render(
    results: Sequence[WorkloadResult],
    micros: Sequence[Figure],
    machine: Machine,
    command: str,
) -> str:
    """The benchmarks page, as Markdown."""
    once = one_shot_table(results)
    lines = [
        "# Benchmarks",
        "",
        "<!-- Generated by benchmarks/run.py --write-docs. Do not edit by hand. -->",
        "",
        (
            "opinipp against an idiomatic pandas notebook doing the same work on the same "
            f"data, timed in the same run. Regenerate this page with `{command}`."
        ),
        "",
        "## Machine",
        "",
        *machine.lines(),
        "",
        "## Pipelines",
        "",
        *pipeline_table(results),
        "",
        NOTES,
        "## Stages",
        "",
        "Median seconds of each stage, opinipp / pandas.",
        "",
        *stage_table(results),
        "",
    ]
    if once:
        lines += [
            "## As a script",
            "",
            (
                "A fresh interpreter per run (`python -c ...`): start-up, imports (pandas or "
                "opinipp) and one run of the pipeline, as a script or a command-line tool "
                "pays them. Medians."
            ),
            "",
            *once,
            "",
        ]
    lines += [
        "## Micro-figures",
        "",
        *figure_table(micros),
        "",
        "## Targets",
        "",
        *figure_table(targets(results)),
        "",
    ]
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n", maxsplit=1)[0])
    parser.add_argument(
        "--quick", action="store_true", help="small sizes and 2 runs each (a quick check)"
    )
    parser.add_argument(
        "--sizes",
        type=lambda text: tuple(int(part) for part in text.split(",")),
        default=None,
        help="comma-separated sizes of the synthetic workload (default 10000,100000,1000000)",
    )
    parser.add_argument("--repeats", type=int, default=None, help="timed runs per pipeline")
    parser.add_argument(
        "--no-memory", action="store_true", help="skip the peak-memory runs (tracemalloc)"
    )
    parser.add_argument(
        "--write-docs", action="store_true", help=f"regenerate {DOC_PATH.relative_to(ROOT)}"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the tables, and write the docs page if asked."""
    from benchmarks import bench_harness

    args = parse_args(argv)
    sizes: tuple[int, ...] = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    results: list[WorkloadResult] = []
    with tempfile.TemporaryDirectory(prefix="opinipp-bench-") as tmp:
        for workload in workloads(sizes):
            start = time.perf_counter()
            options = Options(
                quick=args.quick,
                repeats=args.repeats,
                memory=not args.no_memory,
                one_shot_runs=0 if workload.synthetic else (2 if args.quick else 5),
            )
            result = run_workload(workload, Path(tmp), options)
            results.append(result)
            row = pipeline_table([result])[-1]
            print(f"{row}  ({time.perf_counter() - start:.0f} s)", flush=True)
    micros = micro_figures(quick=args.quick)
    command = "./dev bench --write-docs"
    if args.sizes:
        command += " --sizes " + ",".join(str(s) for s in sizes)
    page = render(results, micros, bench_harness.machine(), command)
    print()
    print(page)
    if args.write_docs:
        DOC_PATH.write_text(page, encoding="utf-8")
        print(f"wrote {DOC_PATH.relative_to(ROOT)}")
    return 0


def __dir__() -> list[str]:
    return list(__all__)


if __name__ == "__main__":
    raise SystemExit(main())
