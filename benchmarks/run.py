"""Time opinipp against the pandas way of doing the same work, in the same run.

Usage, from the repository root (``./dev bench`` installs what it needs, then runs this)::

    python benchmarks/run.py                 # every workload; prints the tables
    python benchmarks/run.py --write-docs    # ... and regenerates docs/benchmarks.md
    python benchmarks/run.py --quick         # small sizes, few runs (seconds)
    python benchmarks/run.py --import-only --write-docs   # only the start-up figures, in place
    python benchmarks/run.py --sizes 10000,100000

Workloads (see ``bench_data``): (a) one real-size year, (b) all years, (c) synthetic
assessments at each of ``--sizes``. Both pipelines read the same CSV file, and their results
are checked to be equal row by row before the figures are reported.
"""

from __future__ import annotations

import argparse
import functools
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

__all__ = [
    "Figure",
    "Fresh",
    "Options",
    "Workload",
    "WorkloadResult",
    "import_figures",
    "main",
    "render",
    "replace_import_rows",
    "run_workload",
    "workloads",
]

DOC_PATH: Final = ROOT / "docs" / "benchmarks.md"
DEFAULT_SIZES: Final = (10_000, 100_000, 1_000_000)
QUICK_SIZES: Final = (1_000, 2_000)
IMPORT_TARGET_MS: Final = 60
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
    opinipp_fresh: Fresh
    pandas_fresh: Fresh
    floor: float

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
            functools.partial(bench_data.synthetic, size),
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
        return 5
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


@dataclass(frozen=True)
class Fresh:
    """What one pipeline costs in a fresh interpreter (see ``bench_child``).

    ``script``: wall time of whole processes (start-up, imports, one run), as a script pays;
    ``peak``: how far the peak resident memory rose during one run on the whole file.
    ``None`` where not measured.
    """

    script: Timing | None
    peak: int | None


CHILD: Final = ROOT / "benchmarks" / "bench_child.py"


def fresh(pipeline: str, path: Path, table_path: Path, *, script_runs: int, memory: bool) -> Fresh:
    """Run ``bench_child`` for one pipeline: ``script_runs`` timed processes, one for memory."""
    from benchmarks.bench_harness import Timing

    command = [sys.executable, str(CHILD), pipeline, str(path), str(table_path)]
    walls: list[float] = []
    for _ in range(script_runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
    peak = None
    if memory:
        done = subprocess.run([*command, "--memory"], check=True, capture_output=True, text=True)
        peak = int(json.loads(done.stdout.splitlines()[-1])["peak"])
    return Fresh(Timing.of(walls) if walls else None, peak)


@dataclass(frozen=True)
class Options:
    """How thoroughly to measure.

    ``repeats``: timed runs per pipeline (``None``: by size, see :func:`repeats_for`);
    ``script_runs``: fresh-interpreter runs per pipeline, timed whole (0: none); ``memory``:
    one more fresh run per pipeline for its peak memory.
    """

    quick: bool = False
    repeats: int | None = None
    script_runs: int = 0
    memory: bool = True


WARM_UP_LIMIT: Final = 100_000
"""Up to this many rows, an untimed first run of each pipeline warms up and is compared;
above it, the first timed run is compared instead."""


def run_workload(workload: Workload, directory: Path, options: Options) -> WorkloadResult:
    """Generate the data, check both pipelines agree, then time and measure them."""
    from benchmarks import bench_data, bench_harness, bench_micro, bench_opinipp, bench_pandas

    records = workload.records()
    path = directory / f"{workload.key}.csv"
    bench_data.write_csv(records, path)
    table = bench_opinipp.band_table(sorted({r.year for r in records}))

    def mine() -> bench_opinipp.OpinippResult:
        return bench_opinipp.opinipp_pipeline(path)

    def theirs() -> bench_pandas.PandasResult:
        return bench_pandas.pandas_pipeline(path, table)

    def check(
        mine_result: bench_opinipp.OpinippResult, theirs_result: bench_pandas.PandasResult
    ) -> None:
        compare(
            bench_opinipp.opinipp_rows(mine_result),
            bench_pandas.pandas_rows(theirs_result),
            workload.label,
        )

    warm_up = len(records) <= WARM_UP_LIMIT
    if warm_up:
        check(mine(), theirs())

    runs = repeats_for(len(records), quick=options.quick, requested=options.repeats)
    samples: dict[str, list[float]] = {"opinipp": [], "pandas": []}
    stages: dict[str, list[dict[str, float]]] = {"opinipp": [], "pandas": []}
    for run in range(runs):  # the two take turns, so both see the same machine state
        gc.collect()
        start = time.perf_counter()
        mine_result = mine()
        samples["opinipp"].append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        theirs_result = theirs()
        samples["pandas"].append(time.perf_counter() - start)
        stages["opinipp"].append(mine_result.stages)
        stages["pandas"].append(theirs_result.stages)
        if run == 0 and not warm_up:
            check(mine_result, theirs_result)
        del mine_result, theirs_result

    # The first pipeline result was let go above: read the file once more for the floor.
    floor = bench_micro.object_floor(
        path, mine().assessments, rounds=5 if len(records) <= WARM_UP_LIMIT else 1
    )

    table_path = directory / f"{workload.key}.bins.json"
    table_path.write_text(json.dumps(asdict(table)), encoding="utf-8")
    fresh_mine, fresh_theirs = (
        fresh(
            name,
            path,
            table_path,
            script_runs=options.script_runs,
            memory=options.memory,
        )
        for name in ("opinipp", "pandas")
    )
    return WorkloadResult(
        workload=workload,
        rows=len(records),
        opinipp=bench_harness.Timing.of(samples["opinipp"]),
        pandas=bench_harness.Timing.of(samples["pandas"]),
        opinipp_stages=_median_stages(stages["opinipp"]),
        pandas_stages=_median_stages(stages["pandas"]),
        opinipp_fresh=fresh_mine,
        pandas_fresh=fresh_theirs,
        floor=floor,
    )


def import_figures(*, quick: bool) -> list[Figure]:
    """``import opinipp`` and a first ``classify`` over bare Python, and over ``import attrs``."""
    from benchmarks import bench_harness

    runs = 2 if quick else 20
    bare, (used, attrs) = bench_harness.startup_cost(
        ["import opinipp; opinipp.classify('81.84', 2023)", "import attrs"], runs=runs
    )
    used_ms = (used.median - bare.median) * 1000
    attrs_ms = (attrs.median - bare.median) * 1000
    return [
        Figure(
            "`import opinipp` and a first `classify('81.84', 2023)` over `python -c pass` "
            f"(medians of {used.runs} runs each: {used.median * 1000:.1f} ms and "
            f"{bare.median * 1000:.1f} ms)",
            f"{used_ms:.1f} ms",
            f"≤ {IMPORT_TARGET_MS} ms",
            used_ms <= IMPORT_TARGET_MS,
        ),
        Figure(
            "for comparison: `import attrs` over `python -c pass`",
            f"{attrs_ms:.1f} ms",
            "",
            None,
        ),
        Figure(
            "for comparison: the first figure over `import attrs` (opinipp's own modules and "
            "the standard-library modules they use)",
            f"{used_ms - attrs_ms:.1f} ms",
            "",
            None,
        ),
    ]


def micro_figures(*, quick: bool) -> list[Figure]:
    """The import figures; one ``classify``; one ``rank`` of 415 kabupaten."""
    from benchmarks import bench_micro

    out = import_figures(quick=quick)
    rounds, number = (2, 200) if quick else (7, None)
    for label, seconds in bench_micro.classify_per_call(rounds=rounds, number=number):
        micro_us = seconds * 1e6
        out.append(Figure(label, f"{micro_us:.2f} µs", "≤ 2 µs", micro_us <= 2))
    for label, seconds in bench_micro.rank_per_call(rounds=rounds, number=number):
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
        f"| {_seconds(r.pandas.median)} | {r.ratio:.2f}× | {_mib(r.opinipp_fresh.peak)} "
        f"| {_mib(r.pandas_fresh.peak)} |"
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


def script_table(results: Sequence[WorkloadResult]) -> list[str]:
    """Fresh-interpreter times, as Markdown lines (empty when there were none)."""
    lines = [
        "| workload | runs | opinipp script | pandas script | ratio |",
        "|---|--:|--:|--:|--:|",
    ]
    for r in results:
        mine, theirs = r.opinipp_fresh.script, r.pandas_fresh.script
        if mine is None or theirs is None:
            continue
        lines.append(
            f"| {r.workload.label} | {mine.runs} | {_seconds(mine.median)} "
            f"| {_seconds(theirs.median)} | {mine.median / theirs.median:.2f}× |"
        )
    return lines if len(lines) > 2 else []


def figure_table(figures: Sequence[Figure]) -> list[str]:
    """A figures table, as Markdown lines."""
    lines = ["| figure | measured | target | |", "|---|--:|--:|---|"]
    lines.extend(f"| {f.name} | {f.value} | {f.target} | {_met(f.met)} |" for f in figures)
    return lines


def growth(results: Sequence[WorkloadResult]) -> list[tuple[int, int, float, float]]:
    """Between consecutive synthetic sizes: opinipp's time ratio, and what n log n predicts.

    Uses the best run of each size, the one least disturbed by other processes.
    """
    synthetic = [r for r in results if r.workload.synthetic]
    pairs = list(itertools.pairwise(synthetic))
    if len(synthetic) > 2:  # also from the smallest size to the largest
        pairs.append((synthetic[0], synthetic[-1]))
    out: list[tuple[int, int, float, float]] = []
    for small, large in pairs:
        measured = large.opinipp.best / small.opinipp.best
        predicted = (large.rows * math.log(large.rows)) / (small.rows * math.log(small.rows))
        out.append((small.rows, large.rows, measured, predicted))
    return out


def targets(results: Sequence[WorkloadResult]) -> list[Figure]:
    """The pipeline targets: faster than pandas on (a) and (b), within 5× at the top size."""
    out: list[Figure] = []
    for r in results:
        if r.workload.synthetic:
            continue
        out.append(
            Figure(
                f"faster than pandas on {r.workload.label}, in one process",
                f"{r.ratio:.2f}×",
                "< 1×",
                r.ratio < 1,
            )
        )
        mine, theirs = r.opinipp_fresh.script, r.pandas_fresh.script
        if mine is not None and theirs is not None:
            ratio = mine.median / theirs.median
            out.append(
                Figure(
                    f"faster than pandas on {r.workload.label}, as a script",
                    f"{ratio:.2f}×",
                    "< 1×",
                    ratio < 1,
                )
            )
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
            f"growth of opinipp's time from {small:,} to {large:,} rows (best runs)",
            f"{measured:.1f}×",
            f"≤ {predicted:.1f}× (n log n)",
            measured <= predicted,
        )
        for small, large, measured, predicted in growth(results)
    )
    return out


def floor_lines(results: Sequence[WorkloadResult]) -> list[str]:
    """Why a warm pandas is hard to beat, measured: the least a reader of objects must do."""
    return [
        f"- {r.workload.label}: {_seconds(r.floor)}, {r.floor / r.pandas.median:.0%} of "
        f"pandas' whole pipeline ({_seconds(r.pandas.median)})."
        for r in results
    ]


NOTES: Final = """\
How to read the tables:

- **ratio** is opinipp's median time over pandas' median time: below 1× opinipp is faster.
  Times are medians of the number of **runs** shown, the two pipelines taking turns in one
  process after a first, untimed run of each whose results are compared row by row (above
  100,000 rows there is no untimed run: the first timed runs are compared). The largest sizes
  get fewer runs, to keep the whole benchmark within a few minutes on a 2-core machine.
- **peak** is how far the peak resident memory (`VmHWM`) of a fresh interpreter rose during
  one run of the pipeline on the whole file, measured in a separate process after a warm-up
  run on the first rows (so what either library loads on first use is not counted).
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


CONSOLIDATION: Final = """## One checked path: before and after

The consolidation removed the CSV reader's fast path and the constructor that skipped
validation: every assessment read is now built by `Assessment(...)`, with all its checks.
Measured on 2026-12-04 on this machine, the two versions taking turns in fresh interpreters
(the pipeline of workload (a) and (c) as above; fastest of 15 runs; load average about 1):

| workload | before | after | after / before |
|---|--:|--:|--:|
| (a) one year (2023), whole pipeline | 57.5 ms | 75.1 ms | 1.31× |
| (a) one year (2023), reading the CSV | 44.5 ms | 82.4 ms (median) | |
| (c) synthetic, 10,000 Puskesmas, whole pipeline | 96.2 ms | 160.3 ms | 1.67× |

The target was at most 1.5× slower: met on the real year, not on the synthetic table of
10,000 Puskesmas, where reading is nearly all of the time and every row builds a new unit.
Bulk work belongs to the column path (`opinipp.columns`, below), not to a second reader.
"""


def render(
    results: Sequence[WorkloadResult],
    micros: Sequence[Figure],
    machine: Machine,
    command: str,
) -> str:
    """The benchmarks page, as Markdown."""
    scripts = script_table(results)
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
        CONSOLIDATION,
        "## Stages",
        "",
        "Median seconds of each stage, opinipp / pandas.",
        "",
        *stage_table(results),
        "",
    ]
    if scripts:
        lines += [
            "## As a script",
            "",
            (
                "A fresh interpreter per run (`benchmarks/bench_child.py`): start-up, the "
                "imports (pandas, or opinipp) and one run of the pipeline, as a script or a "
                "command-line tool pays them. Medians."
            ),
            "",
            *scripts,
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
    floors = floor_lines(results)
    if floors:
        lines += [
            (
                "For scale, the least any reader that returns validated objects must do: split "
                "the file into cells with the `csv` module and build one `Assessment` per row "
                "from entities, years and scores already resolved (no name lookup, no parsing):"
            ),
            "",
            *floors,
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
        "--no-memory", action="store_true", help="skip the peak-memory runs (one per pipeline)"
    )
    parser.add_argument(
        "--write-docs", action="store_true", help=f"regenerate {DOC_PATH.relative_to(ROOT)}"
    )
    parser.add_argument(
        "--import-only",
        action="store_true",
        help="measure only the start-up figures (with --write-docs: replace only their rows)",
    )
    parser.add_argument(
        "--only",
        choices=("columns",),
        default=None,
        help="run one workload only: 'columns' (opinipp.columns, benchmarks/bench_columns.py)",
    )
    return parser.parse_args(argv)


def _is_import_row(line: str) -> bool:
    return line.startswith(("| `import opinipp`", "| for comparison: "))


def replace_import_rows(page: str, figures: Sequence[Figure]) -> str:
    """``page`` with the start-up rows of its micro-figures table replaced by ``figures``."""
    head, marker, tail = page.partition("## Micro-figures\n")
    if not marker:
        raise SystemExit(f"{DOC_PATH.relative_to(ROOT)} has no micro-figures section")
    section, next_heading, rest = tail.partition("\n## ")
    lines = section.split("\n")
    kept = [line for line in lines if not _is_import_row(line)]
    at = kept.index("|---|--:|--:|---|") + 1
    kept[at:at] = figure_table(figures)[2:]
    return head + marker + "\n".join(kept) + next_heading + rest


def import_only(*, write_docs: bool, quick: bool) -> int:
    """Measure the start-up figures; print them, and write them into the page if asked."""
    figures = import_figures(quick=quick)
    print("\n".join(figure_table(figures)))
    if write_docs:
        page = DOC_PATH.read_text(encoding="utf-8")
        DOC_PATH.write_text(replace_import_rows(page, figures), encoding="utf-8")
        print(f"updated the start-up figures in {DOC_PATH.relative_to(ROOT)}")
    return 0


def only_columns(args: argparse.Namespace) -> int:
    """``--only columns``: measure the column path; rewrite only its section of the page."""
    from benchmarks import bench_columns

    text = bench_columns.run(quick=args.quick, sizes=args.sizes)
    if args.write_docs:
        page = DOC_PATH.read_text(encoding="utf-8")
        DOC_PATH.write_text(bench_columns.write_section(page, text), encoding="utf-8")
        print(f"wrote its section of {DOC_PATH.relative_to(ROOT)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the tables, and write the docs page if asked."""
    from benchmarks import bench_harness

    args = parse_args(argv)
    if args.import_only:
        return import_only(write_docs=args.write_docs, quick=args.quick)
    if args.only == "columns":
        return only_columns(args)
    load = bench_harness.load_average()
    sizes: tuple[int, ...] = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    results: list[WorkloadResult] = []
    with tempfile.TemporaryDirectory(prefix="opinipp-bench-") as tmp:
        for workload in workloads(sizes):
            start = time.perf_counter()
            options = Options(
                quick=args.quick,
                repeats=args.repeats,
                script_runs=0 if workload.synthetic else (2 if args.quick else 5),
                memory=not args.no_memory,
            )
            result = run_workload(workload, Path(tmp), options)
            results.append(result)
            row = pipeline_table([result])[-1]
            print(f"{row}  ({time.perf_counter() - start:.0f} s)", flush=True)
    micros = micro_figures(quick=args.quick)
    command = "./dev bench --write-docs"
    if args.sizes:
        command += " --sizes " + ",".join(str(s) for s in sizes)
    page = render(results, micros, bench_harness.machine(load), command)
    print()
    print(page)
    if args.write_docs:
        from benchmarks.bench_columns import SECTION_END, SECTION_START, write_section

        old = DOC_PATH.read_text(encoding="utf-8")
        if SECTION_START in old:  # the column path's section is written by --only columns
            page = write_section(page, old[old.index(SECTION_START) : old.index(SECTION_END)])
            page = page.replace(SECTION_START + SECTION_START, SECTION_START)
        DOC_PATH.write_text(page, encoding="utf-8")
        print(f"wrote {DOC_PATH.relative_to(ROOT)}")
    return 0


def __dir__() -> list[str]:
    return list(__all__)


if __name__ == "__main__":
    raise SystemExit(main())
