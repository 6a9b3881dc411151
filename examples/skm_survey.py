"""The IKM of an SKM survey file, what the weakest unsur needs, and the sample size.

    python examples/skm_survey.py [FILE]

Default: examples/data/skm_responses.csv, a constructed survey of 30 respondents (not real
data) under PermenPANRB 14/2017. Every bad cell of a file is reported at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from opinipp.skm import Responses, ikm, sample_size

DEFAULT_FILE = Path(__file__).parent / "data" / "skm_responses.csv"


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEFAULT_FILE
    responses = Responses.read_csv(path, ignore=["no"])
    result = ikm(responses)
    print(f"{path.name}: {result.respondents} respondents, {result.rules.key}")
    for u in result.unsur:
        nrr = float(u.nrr)
        print(
            f"  {u.unsur.code}  {u.unsur.label('en'):<50} NRR {nrr:.3f}  {u.score}  {u.band.grade}"
        )
    print(f"IKM {float(result.ikm):.4f}, converted {result.score}: {result.band.name('en')}")
    weakest = result.weakest
    print(
        f"Weakest: {weakest.unsur.code} {weakest.unsur.label('en')} at {weakest.score}, "
        f"{weakest.to_next} points to the next mutu"
    )
    printed = ikm(responses, weight="0.111")
    print(f"With the printed weight 0.111: {printed.score} {printed.band.name('en')}")
    size = sample_size(400)
    print(f"A unit serving 400 users needs {size.respondents} respondents ({size.method})")


if __name__ == "__main__":
    main(sys.argv[1:])
