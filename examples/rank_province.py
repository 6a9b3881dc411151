"""Rank a province's kabupaten and kota from a CSV file, and the points to climb.

    python examples/rank_province.py [FILE] [PROVINCE]

Defaults: examples/data/sultra_2022.csv and Sulawesi Tenggara. The file may be in the
minimal layout (entity,kind,province,year,score; "69,17" or 69.17) or in the layout of the
bundled published results; opinipp.serialization.read_csv reports every bad row at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from opinipp import regions
from opinipp.gaps import points_to_rank
from opinipp.ranking import Provincial, rank
from opinipp.serialization import read_csv
from opinipp.zoning import classify

DEFAULT_FILE = Path(__file__).parent / "data" / "sultra_2022.csv"


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEFAULT_FILE
    province = regions.province(argv[1] if len(argv) > 1 else "Sulawesi Tenggara")
    scope = Provincial(province)
    assessments = [a for a in read_csv(path) if scope.admits(a.entity)]
    ranking = rank(assessments, scope)
    print(f"{len(ranking)} kabupaten/kota of {province} in {path.name}, {ranking.year}:")
    for entry in ranking:
        grade = classify(entry.score, entry.assessment.year)
        labels = " ".join(
            label.value for label in (grade.zone, grade.category) if label is not None
        )
        print(f"{entry.rank:>3}  {entry.score}  {entry.entity!s:<24} {labels}")
    leader = ranking.entries[0]
    for entry in ranking.entries[1:]:
        points = points_to_rank(ranking, entry.entity, 1, beat=True)
        print(f"{entry.entity} needs {points} points to pass {leader.entity}")


if __name__ == "__main__":
    main(sys.argv[1:])
