"""Deterministic benchmark data: what an analyst's assessment CSV looks like, at several sizes.

Every workload is built from a seeded :class:`random.Random` over the bundled reference data
(38 provinces, 416 kabupaten, 98 kota: 552 Pemda), so two runs write the same bytes.

- ``year``: one real-size year (2023): the 552 Pemda and about six units each (OPD and
  Puskesmas of a kabupaten or kota, OPD and an RSUD of a province). A Pemda's score is the
  mean of its units, rounded half-up ([R65][R94]).
- ``all-years``: about 6,000 rows over 2018–2025 (no assessment in 2020): each year's
  kementerian, lembaga and Pemda in the numbers the Ombudsman assessed (the year table, read
  from :func:`opinipp.years.assessment_year`), plus the units of some Pemda from 2022 on.
- ``synthetic``: ``n`` rows in 2023 over the 552 Pemda, beyond any real size. A year's file
  holds each entity once (:func:`opinipp.serialization.read_csv` rejects a repeated entity,
  and a ranking needs each entity once), so the rows are units: each a distinct Puskesmas of
  a real Pemda, dealt round-robin over the 552 Pemda (about 18 per Pemda at 10,000 rows,
  roughly the real number of Puskesmas in Indonesia; 1,812 per Pemda at 1,000,000).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from opinipp import regions
from opinipp.entities import EntityKind, InstansiKind, OPDKind, Pemda, PemdaKind
from opinipp.rules import rules_for
from opinipp.years import assessment_year

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from pathlib import Path

__all__ = [
    "COLUMNS",
    "SYNTHETIC_YEAR",
    "YEARS",
    "Record",
    "all_years",
    "one_year",
    "synthetic",
    "write_csv",
]

COLUMNS: Final = ("entity", "kind", "province", "year", "score", "parent_pemda")
"""The minimal layout of :func:`opinipp.serialization.read_csv`, with the parent of a unit."""

YEARS: Final = (2018, 2019, 2021, 2022, 2023, 2024, 2025)
SYNTHETIC_YEAR: Final = 2023
ALL_YEARS_ROWS: Final = 6_000

_OPD_KINDS: Final = (
    OPDKind.DINKES,
    OPDKind.DISDIK,
    OPDKind.DINSOS,
    OPDKind.DPMPTSP,
    OPDKind.DISDUKCAPIL,
)
_PROVINCE_OPD_KINDS: Final = (OPDKind.DISDIK, OPDKind.DINKES, OPDKind.DPMPTSP)
_PEMDA_KINDS: Final = frozenset({EntityKind.PROVINSI, EntityKind.KABUPATEN, EntityKind.KOTA})
_PUSKESMAS_SUFFIXES: Final = ("I", "II", "Kota", "Utara", "Selatan", "Barat", "Timur")


@dataclass(frozen=True)
class Record:
    """One assessment row, before it is written in a file format.

    ``pemda`` is the Pemda itself for a Pemda row and the parent Pemda for a unit; ``None``
    for a kementerian or lembaga. ``unit`` is the unit's name (OPD, Puskesmas, RSUD) and
    ``opd_kind`` the kind of an OPD.
    """

    year: int
    kind: EntityKind
    name: str
    pemda: Pemda | None
    hundredths: int
    opd_kind: OPDKind | None = None

    @property
    def score_text(self) -> str:
        """The score with two decimals, as sources print it."""
        whole, cents = divmod(self.hundredths, 100)
        return f"{whole}.{cents:02d}"


def _score(rng: random.Random, year: int) -> int:
    """A plausible score in hundredths: most are high, a long tail reaches the bottom."""
    top = rules_for(year).scale_max.hundredths
    value = round(rng.gauss(0.82, 0.13) * top)
    return min(top, max(0, value))


def _mean(hundredths: Sequence[int]) -> int:
    """Mean rounded half-up to a whole hundredth ([R65][R94])."""
    return (2 * sum(hundredths) + len(hundredths)) // (2 * len(hundredths))


def _units(rng: random.Random, pemda: Pemda, year: int) -> list[Record]:
    """About six assessed units of a Pemda (the usual loci)."""
    units: list[Record] = []
    if pemda.kind is PemdaKind.PROVINSI:
        for kind in _PROVINCE_OPD_KINDS:
            name = kind.default_name or kind.value
            units.append(
                Record(year, EntityKind.OPD, name, pemda, _score(rng, year), opd_kind=kind)
            )
        units.append(Record(year, EntityKind.RSUD, f"RSUD {pemda.name}", pemda, _score(rng, year)))
        return units
    for kind in sorted(rng.sample(_OPD_KINDS, 4), key=_OPD_KINDS.index):
        name = kind.default_name or kind.value
        units.append(Record(year, EntityKind.OPD, name, pemda, _score(rng, year), opd_kind=kind))
    units.extend(
        Record(
            year,
            EntityKind.PUSKESMAS,
            f"UPT Puskesmas {pemda.name} {suffix}",
            pemda,
            _score(rng, year),
        )
        for suffix in rng.sample(_PUSKESMAS_SUFFIXES, 2)
    )
    return units


def _pemda_with_units(rng: random.Random, pemda: Pemda, year: int) -> list[Record]:
    units = _units(rng, pemda, year)
    own = Record(
        year, pemda.entity_kind, pemda.full_name, pemda, _mean([u.hundredths for u in units])
    )
    return [own, *units]


def one_year(seed: int = 2023) -> list[Record]:
    """Workload (a): 2023, the 552 Pemda each followed by its units (about 3,800 rows)."""
    rng = random.Random(seed)
    rows: list[Record] = []
    for pemda in regions.pemdas():
        rows.extend(_pemda_with_units(rng, pemda, 2023))
    return rows


def _assessed_pemda(rng: random.Random, year: int) -> list[Pemda]:
    """The Pemda of a year, in the numbers of the year table (a seeded sample per kind)."""
    chosen: list[Pemda] = []
    facts = assessment_year(year)
    for kind in PemdaKind:
        pool = list(regions.pemdas(kind=kind))
        count = facts.assessed(kind)
        if count is None or count >= len(pool):
            chosen.extend(pool)
        else:
            chosen.extend(rng.sample(pool, count))
    chosen.sort(key=lambda p: p.code)
    return chosen


def _instansi(year: int) -> Iterator[Record]:
    facts = assessment_year(year)
    rng = random.Random(year)
    for kind in InstansiKind:
        word = "Kementerian" if kind is InstansiKind.KEMENTERIAN else "Badan"
        for number in range(1, (facts.assessed(kind) or 0) + 1):
            yield Record(
                year, kind.entity_kind, f"{word} Contoh {number:02d}", None, _score(rng, year)
            )


def all_years(seed: int = 2018, rows: int = ALL_YEARS_ROWS) -> list[Record]:
    """Workload (b): about ``rows`` rows over 2018–2025, each year as assessed (no 2020)."""
    rng = random.Random(seed)
    per_year: dict[int, list[Pemda]] = {year: _assessed_pemda(rng, year) for year in YEARS}
    base = sum(len(p) for p in per_year.values()) + sum(
        1 for year in YEARS for _ in _instansi(year)
    )
    # Units are published from 2022 on; give whole Pemda their units until the total is met.
    with_units: set[tuple[int, str]] = set()
    candidates = [(year, p.code) for year in YEARS if year >= 2022 for p in per_year[year]]
    rng.shuffle(candidates)
    budget = rows - base
    for year, code in candidates:
        if budget <= 0:
            break
        with_units.add((year, code))
        budget -= 6
    out: list[Record] = []
    for year in YEARS:
        out.extend(_instansi(year))
        for pemda in per_year[year]:
            if (year, pemda.code) in with_units:
                out.extend(_pemda_with_units(rng, pemda, year))
            else:
                out.append(
                    Record(year, pemda.entity_kind, pemda.full_name, pemda, _score(rng, year))
                )
    return out


def synthetic(n: int, seed: int = 552) -> list[Record]:
    """Workload (c): ``n`` distinct Puskesmas in 2023, dealt round-robin over the 552 Pemda."""
    rng = random.Random(seed)
    pemdas = regions.pemdas()
    return [
        Record(
            SYNTHETIC_YEAR,
            EntityKind.PUSKESMAS,
            f"Puskesmas Sintetis {index + 1:07d}",
            pemdas[index % len(pemdas)],
            _score(rng, SYNTHETIC_YEAR),
        )
        for index in range(n)
    ]


def write_csv(records: Iterable[Record], path: Path) -> None:
    """Write records the way an analyst's sheet holds them: names, not codes.

    The minimal layout of :func:`opinipp.serialization.read_csv`: the entity's full name
    (``Kabupaten Muna Barat``; a unit's own name), its kind, its province's name, the year,
    the score with two decimals and, for a unit, its Pemda's full name.
    """
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in records:
            pemda = r.pemda
            is_unit = pemda is not None and r.kind not in _PEMDA_KINDS
            writer.writerow(
                (
                    r.name,
                    r.kind.value,
                    "" if pemda is None else pemda.province.name,
                    r.year,
                    r.score_text,
                    pemda.full_name if is_unit and pemda is not None else "",
                )
            )


def __dir__() -> list[str]:
    return list(__all__)
