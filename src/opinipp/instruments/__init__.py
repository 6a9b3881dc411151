"""The assessment instrument of each year as data, and what offices do with it.

An :class:`Instrument` is the structure behind a score: dimensions → variables →
indicators → the evidence a locus must show, year by year, every weight marked official,
one public reading, assumed or supplied, and unknown weights left ``None``. On it:
:func:`simulate` (indicator values → dimension scores → score → grade), :func:`plan` (the
fewest, or cheapest, indicator steps to a target band) and :func:`readiness` (required
evidence present, per indicator and dimension).

:class:`Dimension` here is the instrument's dimension *object*; :class:`opinipp.rules.Dimension`
is the enum of the four dimension names, and ``Dimension.key`` maps one to the other.

>>> from opinipp.instruments import instrument_for
>>> i = instrument_for(2026)
>>> len(i.dimensions), len(i.indicators), sum(len(x.evidence) for x in i.indicators)
(4, 30, 79)
>>> i.provenance  # doctest: +ELLIPSIS
'one public reading: the evidence tracker of a Pemda social-affairs office ...'
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Final

from opinipp._checks import check_year
from opinipp.errors import RulesNotAvailableError
from opinipp.instruments._files import (
    read_costs,
    read_evidence,
    read_instrument,
    read_values,
    read_weights,
)
from opinipp.instruments._model import (
    Dimension,
    Evidence,
    Indicator,
    Instrument,
    Provenance,
    Scale,
    Variable,
    Weight,
)
from opinipp.instruments._tables import CHECKLIST_2026, literal_instruments, secondary_2026
from opinipp.instruments.planning import Plan, PlanStep, plan
from opinipp.instruments.readiness import (
    DimensionReadiness,
    IndicatorReadiness,
    Readiness,
    readiness,
)
from opinipp.instruments.simulation import Simulation, compose_score, simulate

__all__ = [
    "Dimension",
    "DimensionReadiness",
    "Evidence",
    "Indicator",
    "IndicatorReadiness",
    "Instrument",
    "Plan",
    "PlanStep",
    "Provenance",
    "Readiness",
    "Scale",
    "Simulation",
    "Variable",
    "Weight",
    "compose_score",
    "instrument_for",
    "instrument_years",
    "instruments",
    "plan",
    "read_costs",
    "read_evidence",
    "read_instrument",
    "read_values",
    "read_weights",
    "readiness",
    "simulate",
]

_TRACKER: Final = "github.com/febrianataum-pixel/eviden_ombudsman, src/data/seedData.ts (Jul 2026)"


def _checklist_2026() -> Instrument:
    source = resources.files("opinipp") / "data" / CHECKLIST_2026
    with source.open(encoding="utf-8") as stream:
        return read_instrument(
            stream,
            years=(2026,),
            name="Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik, 2026 round",
            provenance=(
                "one public reading: the evidence tracker of a Pemda social-affairs office "
                "(Blora) preparing the 2026 round; not an official Ombudsman text"
            ),
            references=(_TRACKER,),
            scale=Scale(0, 3, Provenance.ASSUMED, "(as 2022–2023 [R54]; 2026 not published)"),
            secondary=secondary_2026(),
            kepercayaan_weight=Weight("30", Provenance.PUBLIC_READING, "[R86]"),
            notes=(
                (
                    "Indicators and evidence as one local government reads them; PR-01…PR-14 are "
                    "the 14 components of UU 25/2009."
                ),
                (
                    "No weights: the tracker counts documents only. The indicator scale 0–3 is "
                    "assumed from 2022–2023."
                ),
                (
                    "Output indicators are secondary data (BPS, Kemendagri, KemenPAN-RB, "
                    "Bappenas); readiness leaves them out."
                ),
                (
                    "Kepercayaan Masyarakat 30 % as reported for the 2025 round [R86] and in Feb "
                    "2026 (lampung7.com); respondents: at least 30 per service product."
                ),
            ),
        )


@functools.cache
def instruments() -> tuple[Instrument, ...]:
    """Every shipped instrument, oldest first (built and checked once, on first use).

    >>> [i.years[0] for i in instruments()]
    [2015, 2016, 2022, 2024, 2025, 2026]
    """
    return (*literal_instruments(), _checklist_2026())


def instrument_years() -> tuple[int, ...]:
    """The years with a shipped instrument (2020 had no assessment).

    >>> instrument_years()[-3:]
    (2024, 2025, 2026)
    """
    return tuple(y for i in instruments() for y in i.years)


def instrument_for(year: int) -> Instrument:
    """Return the instrument of an assessment year (or round: 2026).

    Raises :class:`~opinipp.errors.RulesNotAvailableError` for 2020 (no assessment) and
    years outside 2015–2026, listing the covered years.

    >>> instrument_for(2023).dimensions[0].weight.percent
    Decimal('21.85')
    >>> instrument_for(2020)
    Traceback (most recent call last):
    ...
    opinipp.errors.RulesNotAvailableError: no assessment rules for year 2020: no instrument ...
    """
    covered = instrument_years()
    number = check_year(year, covered)
    for instrument in instruments():
        if number in instrument.years:
            return instrument
    raise RulesNotAvailableError(
        number, covered, "no instrument for this year (none was held in 2020)"
    )


def __dir__() -> list[str]:
    return list(__all__)
