"""Compare an entity's results across years, from the bundled published results.

    python examples/compare_years.py

Kabupaten Muna Barat, 2021 -> 2022 -> 2023 (the regent's account: merah, then kuning and
first in Sulawesi Tenggara, then hijau), and Kabupaten Mukomuko, 2022 -> 2023 (kuning 60.35,
then A with 90.02).
"""

from __future__ import annotations

from opinipp import regions
from opinipp.datasets import published_results
from opinipp.trends import Change, compare, series


def describe(change: Change) -> str:
    """One line per change: years, scores, the move in zone and category."""
    before, after = change.earlier, change.later
    moves = [
        f"{a.value} -> {b.value}"
        for a, b in (
            (change.zone_before, change.zone_after),
            (change.category_before, change.category_after),
        )
        if a is not None and b is not None and a != b
    ]
    note = "; rules changed" if change.crosses_regime else ""
    return (
        f"  {before.year} -> {after.year}: {before.score} -> {after.score} "
        f"({change.delta:+}{', ' if moves else ''}{', '.join(moves)}){note}"
    )


def main() -> None:
    results = published_results()

    mubar = regions.pemda("Kabupaten Muna Barat")
    history = series([a for a in results if a.year <= 2023], mubar)
    print(history)
    for change in history.changes:
        print(describe(change))
    overall = history.overall
    if overall is not None:
        print(f"  overall {overall.earlier.year} -> {overall.later.year}: {overall.delta:+}")

    print()
    mukomuko = regions.pemda("Kabupaten Mukomuko")
    by_year = {a.year: a for a in results if a.entity == mukomuko}
    change = compare(by_year[2022], by_year[2023])
    print(change)
    print(describe(change))


if __name__ == "__main__":
    main()
