"""A Pemda's readiness: unit scores -> Pemda score -> grade -> points to the next tier.

What a local government's planning office asks after its report card: what was our score,
which category did it earn, how far are we from an A, and which units have the most room?

    python examples/pemda_readiness.py

Kabupaten Rembang 2024: the seven unit scores published by jatengpers.com (December 2024).
Muna Barat-like 2023: six unit scores made up so that their mean is Kabupaten Muna Barat's
published 81.84 (unit scores are only in each Pemda's own report).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opinipp.gaps import gap_to_next_tier
from opinipp.scores import Score
from opinipp.zoning import classify, pemda_score

if TYPE_CHECKING:
    from collections.abc import Mapping

REMBANG_2024 = {
    "Dinas Sosial, P3AKB": "100",
    "Puskesmas Pancur": "99.65",
    "Disdukcapil": "99.30",
    "Dinas Kesehatan": "99.16",
    "Puskesmas Sulang": "99.08",
    "Dinas Pendidikan": "97.72",
    "DPMPTSP": "97.40",
}

MUNA_BARAT_LIKE_2023 = {
    "DPMPTSP": "92.40",
    "Disdukcapil": "88.10",
    "Dinas Sosial": "83.55",
    "Dinas Pendidikan": "79.02",
    "Puskesmas Tiworo": "76.96",
    "Puskesmas Lawa": "71.01",
}


def report(name: str, units: Mapping[str, str], year: int) -> list[str]:
    """The readiness report of one Pemda, as lines of text."""
    score = pemda_score(units.values(), year)
    grade = classify(score, year)
    lines = [f"{name} {year}: {len(units)} units"]
    for unit, text in sorted(units.items(), key=lambda item: Score(item[1])):
        unit_score = Score(text)
        room = Score(100) - unit_score
        lines.append(f"  {unit_score!s:>6}  {unit:<20} room {room}")
    labels = []
    if grade.zone is not None:
        labels.append(f"zona {grade.zone.value}")
    if grade.category is not None:
        labels.append(f"category {grade.category.value}")
    labels.append(grade.label)
    lines.append(f"Pemda score {score} (mean of the units, rounded half-up): {', '.join(labels)}")
    gap = gap_to_next_tier(score, year)
    if gap is None:
        lines.append("Next tier: none, already in the top tier")
    else:
        total = gap.points * len(units)
        lines.append(f"Next tier: {gap.points} points short of {gap.label}")
        lines.append(
            f"  {gap.target_score} - {score} = {gap.points}; "
            f"{total} unit points in total across the {len(units)} units"
        )
    return lines


def main() -> None:
    print("\n".join(report("Kabupaten Rembang", REMBANG_2024, 2024)))
    print()
    print("\n".join(report("Muna Barat-like", MUNA_BARAT_LIKE_2023, 2023)))


if __name__ == "__main__":
    main()
