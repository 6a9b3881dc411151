"""Timing, memory and machine description for the benchmarks.

A small harness instead of pyperf: every figure is the median (and the best) of repeated
``time.perf_counter`` runs; peak memory is read in a separate, fresh interpreter (see
``run.py``), so measuring it never slows a timed run.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Final, Union

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "STAGES",
    "Machine",
    "Row",
    "Stopwatch",
    "Timing",
    "load_average",
    "machine",
    "per_call",
    "startup_cost",
]


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of repeated runs of one callable."""

    median: float
    best: float
    runs: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Timing:
        """Summarise raw samples."""
        return cls(statistics.median(samples), min(samples), len(samples))


def per_call(
    stmt: str, namespace: dict[str, object], *, rounds: int = 7, number: int | None = None
) -> float:
    """Return the best per-call seconds of ``stmt`` (evaluated in ``namespace``) over rounds.

    Each round makes ``number`` calls; by default as many as take about 0.2 s.
    """
    timer = timeit.Timer(stmt, globals=namespace)
    if number is None:
        number, _ = timer.autorange()
    return min(timer.repeat(repeat=rounds, number=number)) / number


def startup_cost(codes: Sequence[str], *, runs: int) -> tuple[Timing, list[Timing]]:
    """Time ``python -c pass`` and ``python -c code`` for each code, interleaved, ``runs`` times.

    Returns the timing of the bare interpreter, then one per code; the cost of a code is the
    difference of the medians. Taking turns keeps a burst of load from favouring either.
    """
    snippets = ["pass", *codes]
    samples: list[list[float]] = [[] for _ in snippets]
    # No PYTHON* settings (PYTHONDONTWRITEBYTECODE would compile every module on every run),
    # except the path, so that the children import the opinipp this process imports.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") or k == "PYTHONPATH"}
    for _ in range(runs):
        for sink, snippet in zip(samples, snippets, strict=True):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", snippet], check=True, env=env)
            sink.append(time.perf_counter() - start)
    bare, *measured = (Timing.of(s) for s in samples)
    return bare, measured


@dataclass(frozen=True)
class Machine:
    """Where the figures were measured."""

    cpu: str
    cores: int
    python: str
    platform: str
    libraries: tuple[tuple[str, str], ...]
    date: str
    load: tuple[float, float, float] | None

    def lines(self) -> list[str]:
        """The description as Markdown list items."""
        libs = ", ".join(f"{name} {version}" for name, version in self.libraries)
        return [
            f"- CPU: {self.cpu}, {self.cores} logical cores",
            f"- Python {self.python} on {self.platform}",
            f"- Libraries: {libs}",
            f"- Date: {self.date}",
            *(
                []
                if self.load is None
                else [
                    "- Load average (1, 5, 15 min) before the run: "
                    + ", ".join(f"{x:.2f}" for x in self.load)
                    + " (other processes were sharing the machine; the higher, the noisier)"
                ]
            ),
        ]


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or platform.machine() or "unknown"
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def load_average() -> tuple[float, float, float] | None:
    """The system load average, where the platform has one."""
    return os.getloadavg() if hasattr(os, "getloadavg") else None


def machine(load: tuple[float, float, float] | None = None) -> Machine:
    """Describe this machine, interpreter and the libraries measured (and the load before)."""
    return Machine(
        cpu=_cpu_model(),
        cores=os.cpu_count() or 1,
        python=platform.python_version(),
        platform=f"{platform.system()} {platform.machine()}",
        libraries=tuple(
            (name, _version(name)) for name in ("opinipp", "pandas", "numpy", "attrs", "cattrs")
        ),
        date=dt.datetime.now(dt.timezone.utc).date().isoformat(),
        load=load,
    )


Row = tuple[
    Union[str, None],  # noqa: UP007 - a runtime alias on Python 3.10
    Union[str, None],  # noqa: UP007
    Union[int, None],  # noqa: UP007
    Union[int, None],  # noqa: UP007
    Union[int, None],  # noqa: UP007
    Union[int, None],  # noqa: UP007
]
"""One row of a pipeline's result: zone, category, national rank, provincial rank, rank
within its Pemda, and the gap to the next tier in hundredths (``None`` where it does not
apply). Both pipelines are reduced to these rows to be compared."""

STAGES: Final = ("read", "classify", "rank", "gap")
"""The stages of both pipelines, in order."""


class Stopwatch:
    """Seconds per stage, recorded in order with :meth:`lap`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Close ``stage`` now and start the next one."""
        now = time.perf_counter()
        self.seconds[stage] = now - self._last
        self._last = now


def __dir__() -> list[str]:
    return list(__all__)
