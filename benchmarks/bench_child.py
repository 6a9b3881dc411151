"""Run one pipeline in a fresh interpreter: as a script would, or to read its peak memory.

``run.py`` starts this file with ``python benchmarks/bench_child.py PIPELINE CSV TABLE``:

- by default it imports the pipeline (``bench_opinipp``, or ``bench_pandas``, which imports
  no opinipp), runs it once on the CSV file and exits: the parent times the whole process,
  as a user running a script pays for it;
- with ``--memory`` it first runs the pipeline on the first rows of the file (so that what
  either library loads on first use is not counted), resets the process's peak resident
  memory, runs the pipeline on the whole file, and prints how far the peak rose, in bytes.

``TABLE`` is a JSON file with the pandas bins (:class:`bench_pandas.BandTable` as a dict).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import json
import resource
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

ROOT: Final = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["main"]

WARM_UP_LINES: Final = 200
_STATUS: Final = Path("/proc/self/status")
_CLEAR_REFS: Final = Path("/proc/self/clear_refs")


def _status_bytes(field: str) -> int | None:
    try:
        lines = _STATUS.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(field):
            return int(line.split()[1]) * 1024
    return None


def reset_peak() -> None:
    """Reset the peak resident memory to the current size (Linux; elsewhere a no-op)."""
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_text("5", encoding="ascii")


def peak() -> int:
    """This process's peak resident memory in bytes.

    ``VmHWM`` where the kernel has it: ``ru_maxrss`` can carry the parent's peak over an
    exec, and ``reset_peak`` resets only ``VmHWM``.
    """
    high_water = _status_bytes("VmHWM:")
    if high_water is not None:
        return high_water
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _pipeline(name: str, table_path: Path) -> Callable[[Path], object]:
    if name == "opinipp":
        from benchmarks.bench_opinipp import opinipp_pipeline

        return opinipp_pipeline
    from benchmarks.bench_pandas import BandTable, pandas_pipeline

    raw = json.loads(table_path.read_text(encoding="utf-8"))
    table = BandTable(**{k: {int(y): v for y, v in d.items()} for k, d in raw.items()})
    return lambda path: pandas_pipeline(path, table)


def _memory(run: Callable[[Path], object], path: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        head = Path(tmp) / "head.csv"
        with path.open(encoding="utf-8") as source:
            lines = list(itertools.islice(source, WARM_UP_LINES))
        head.write_text("".join(lines), encoding="utf-8")
        run(head)
    gc.collect()
    reset_peak()
    before = peak()
    result = run(path)
    grown = peak() - before
    del result
    return grown


def main(argv: Sequence[str] | None = None) -> int:
    """Run one pipeline as asked; print a JSON object on the last line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n", maxsplit=1)[0])
    parser.add_argument("pipeline", choices=("opinipp", "pandas"))
    parser.add_argument("csv", type=Path)
    parser.add_argument("table", type=Path)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args(argv)
    run = _pipeline(args.pipeline, args.table)
    if args.memory:
        print(json.dumps({"peak": _memory(run, args.csv)}))
    else:
        run(args.csv)
        print(json.dumps({"done": True}))
    return 0


def __dir__() -> list[str]:
    return list(__all__)


if __name__ == "__main__":
    raise SystemExit(main())
