"""From a score to the indicators that reach the next tier: simulate, plan, readiness.

    python examples/plan_to_next_tier.py

The indicator values in data/muna_barat_like_2023_values.csv are CONSTRUCTED: Kabupaten
Muna Barat's indicator values are not public, so these are made up so that the simulated
2023 score is its published 81.84 (under the assumption of equal within-dimension weights,
which no source publishes). The evidence file data/loket_2026_evidence.csv is constructed
too: an office that has gathered a few documents for the 2026 round.
"""

from __future__ import annotations

from pathlib import Path

from opinipp.instruments import instrument_for, plan, read_evidence, read_values, readiness

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    instrument = instrument_for(2023)
    values = read_values(DATA / "muna_barat_like_2023_values.csv", instrument)
    result = plan(instrument, values, "A", assume_equal_weights=True)
    print(f"Constructed 2023 values: simulated score {result.start.score}")
    print(f"To A: {len(result.steps)} steps, {result.start.score} -> {result.end.score}")
    for step in result.steps:
        print(f"  {step.code} {step.from_value}->{step.to_value}  +{step.points}  = {step.score}")
    for assumption in result.end.assumptions:
        print(f"Assumption: {assumption}")
    checklist = instrument_for(2026)
    ready = readiness(checklist, read_evidence(DATA / "loket_2026_evidence.csv", checklist))
    counts = f"{ready.present} of {ready.required} required documents ({ready.percent} %)"
    print(f"2026 readiness: {counts}")
    for dimension in ready.dimensions:
        print(f"  {dimension.dimension.name}: {dimension.present}/{dimension.required}")
    print(f"Left out: {', '.join(code for code, _ in ready.excluded)} (secondary data)")


if __name__ == "__main__":
    main()
