"""The rule tables, one :class:`RuleSet` per regime, as typed literals.

Every RuleSet cites the reference keys (``[R6]`` …, see :func:`opinipp.datasets.references`)
its numbers come from. A change of rules is a new RuleSet with its own years, never a branch
on the year. Years in which no assessment was held are listed in :data:`NOT_HELD` with the reason.

>>> [rs.scheme for rs in RULE_SETS]  # doctest: +NORMALIZE_WHITESPACE
['kepatuhan-2015', 'kepatuhan-2016', 'opini-pengawasan-2022', 'opini-pengawasan-2024',
 'opini-ombudsman-2025']
>>> NOT_HELD[2020]
'no assessment was held in 2020 (the method was being redesigned; [R10][R11])'
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from opinipp.rules._types import Band, Category, Dimension, RuleSet, Zone
from opinipp.scores import Score

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["NOT_HELD", "RULE_SETS"]

# --- Labels as published (Indonesian) and their English renderings ---------------------

_KEPATUHAN_TINGGI: Final = ("Kepatuhan Tinggi", "High compliance")
_KEPATUHAN_SEDANG: Final = ("Kepatuhan Sedang", "Medium compliance")
_KEPATUHAN_RENDAH: Final = ("Kepatuhan Rendah", "Low compliance")

_TERTINGGI: Final = ("Kualitas Tertinggi", "Highest quality")
_TINGGI: Final = ("Kualitas Tinggi", "High quality")
_SEDANG: Final = ("Kualitas Sedang", "Medium quality")
_RENDAH: Final = ("Kualitas Rendah", "Low quality")
_TERENDAH: Final = ("Kualitas Terendah", "Lowest quality")

_SANGAT_BAIK: Final = ("Sangat Baik", "Very good")
_BAIK: Final = ("Baik", "Good")
_CUKUP: Final = ("Cukup", "Fair")
_KURANG: Final = ("Kurang", "Poor")
_SANGAT_KURANG: Final = ("Sangat Kurang", "Very poor")


def _s(text: str) -> Score:
    return Score(text)


# --- 2015: PerOmbudsman 17/2015, Art. 15, a 0–75 scale [R6][R7][R12] ----------------------

KEPATUHAN_2015: Final = RuleSet(
    scheme="kepatuhan-2015",
    years=(2015,),
    name="Penelitian Kepatuhan terhadap Standar Pelayanan Publik",
    name_en="Study of compliance with public-service standards",
    legal_basis="Peraturan Ombudsman RI No. 17 Tahun 2015 (Art. 15)",
    source="[R6][R7][R12]",
    scale_max=_s("75.00"),
    bands=(
        Band(
            lower=_s("0.00"),
            upper=_s("38.99"),
            zone=Zone.MERAH,
            predikat=_KEPATUHAN_RENDAH[0],
            predikat_en=_KEPATUHAN_RENDAH[1],
        ),
        Band(
            lower=_s("39.00"),
            upper=_s("60.99"),
            zone=Zone.KUNING,
            predikat=_KEPATUHAN_SEDANG[0],
            predikat_en=_KEPATUHAN_SEDANG[1],
        ),
        Band(
            lower=_s("61.00"),
            upper=_s("75.00"),
            zone=Zone.HIJAU,
            predikat=_KEPATUHAN_TINGGI[0],
            predikat_en=_KEPATUHAN_TINGGI[1],
        ),
    ),
    notes=(
        (
            "The table follows the text of the regulation: a 0–75 scale with hijau 61–75, "
            "kuning 39–60 and merah 0–38. Its integer bounds are read as inclusive lower bounds "
            "on the two-decimal score, like every later table (38.99 is merah, 39.00 kuning)."
        ),
        (
            "Scores above 75.00 are rejected for 2015. The few 2015 scores in the news (Kab. "
            "Banyumas 31.56 merah) look like 0–100 values, so results may not have been "
            "published on the regulation's scale; this is unresolved ([R6][R12])."
        ),
        (
            "Only the regulation names 'kepatuhan tinggi'; the kuning and merah predikat follow "
            "the 2016 wording."
        ),
    ),
)

# --- 2016–2019 and 2021: PerOmbudsman 22/2016, three zones ([R17][R141][R142][R21]) ---

KEPATUHAN_2016: Final = RuleSet(
    scheme="kepatuhan-2016",
    years=(2016, 2017, 2018, 2019, 2021),
    name="Penilaian Kepatuhan terhadap Standar Pelayanan Publik",
    name_en="Assessment of compliance with public-service standards",
    legal_basis="Peraturan Ombudsman RI No. 22 Tahun 2016 (BN 2017 No. 333)",
    source="[R8][R17][R21][R141][R142][R144]",
    bands=(
        Band(
            lower=_s("0.00"),
            upper=_s("50.99"),
            zone=Zone.MERAH,
            predikat=_KEPATUHAN_RENDAH[0],
            predikat_en=_KEPATUHAN_RENDAH[1],
        ),
        Band(
            lower=_s("51.00"),
            upper=_s("80.99"),
            zone=Zone.KUNING,
            predikat=_KEPATUHAN_SEDANG[0],
            predikat_en=_KEPATUHAN_SEDANG[1],
        ),
        Band(
            lower=_s("81.00"),
            upper=_s("100.00"),
            zone=Zone.HIJAU,
            predikat=_KEPATUHAN_TINGGI[0],
            predikat_en=_KEPATUHAN_TINGGI[1],
        ),
    ),
    notes=(
        "2021 official wording: hijau 81.00–100, kuning 51.00–80.99, merah 0–50.99 [R21].",
        (
            "The 2016–2019 press gave integer bounds (81–100, 51–80, 0–50); the two-decimal 2019 "
            "scores show the working cuts were the same 81.00 and 51.00 (Kerinci 80.13 kuning, "
            "Buton Utara 50.39 merah) [R141][R142]."
        ),
        "No assessment was held in 2020.",
    ),
)

# --- 2022–2024: five categories A–E with zones and opinions ([R31][R47][R60][R70]) --------

_OPINI_PENGAWASAN_BANDS: Final = (
    Band(
        lower=_s("0.00"),
        upper=_s("31.99"),
        zone=Zone.MERAH,
        category=Category.E,
        opinion=_TERENDAH[0],
        opinion_en=_TERENDAH[1],
    ),
    Band(
        lower=_s("32.00"),
        upper=_s("53.99"),
        zone=Zone.MERAH,
        category=Category.D,
        opinion=_RENDAH[0],
        opinion_en=_RENDAH[1],
    ),
    Band(
        lower=_s("54.00"),
        upper=_s("77.99"),
        zone=Zone.KUNING,
        category=Category.C,
        opinion=_SEDANG[0],
        opinion_en=_SEDANG[1],
    ),
    Band(
        lower=_s("78.00"),
        upper=_s("87.99"),
        zone=Zone.HIJAU,
        category=Category.B,
        opinion=_TINGGI[0],
        opinion_en=_TINGGI[1],
    ),
    Band(
        lower=_s("88.00"),
        upper=_s("100.00"),
        zone=Zone.HIJAU,
        category=Category.A,
        opinion=_TERTINGGI[0],
        opinion_en=_TERTINGGI[1],
    ),
)

_OPINI_PENGAWASAN_NOTES: Final = (
    (
        "Bounds are inclusive lower bounds on the two-decimal score: 88.00 is A, 87.99 is B "
        "(official wording '88.00–100', 'B 78.00–87.99' [R60][R47][R70])."
    ),
    "Zones: A and B are hijau, C kuning, D and E merah [R31].",
)

OPINI_PENGAWASAN_2022: Final = RuleSet(
    scheme="opini-pengawasan-2022",
    years=(2022, 2023),
    name="Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Opini Pengawasan)",
    name_en="Assessment of compliance in public-service delivery (supervisory opinion)",
    legal_basis=(
        "Peraturan Ombudsman RI No. 22 Tahun 2016; results by Keputusan Ketua Ombudsman RI "
        "(2022: number not found; 2023: No. 418 Tahun 2023 of 4 Dec 2023)"
    ),
    source="[R31][R32][R33][R36][R47][R48][R54][R55][R56][R58]",
    bands=_OPINI_PENGAWASAN_BANDS,
    weights={
        Dimension.INPUT: Decimal("21.85"),
        Dimension.PROSES: Decimal("32.37"),
        Dimension.OUTPUT: Decimal("24.24"),
        Dimension.PENGADUAN: Decimal("21.54"),
    },
    pemda_score_is_unit_mean=True,
    notes=(
        *_OPINI_PENGAWASAN_NOTES,
        (
            "Dimension weights input 21.85%, proses 32.37%, output 24.24%, pengaduan 21.54% come "
            "from 2023 decks that show them beside the 2022 results; 2022 most likely used the "
            "same weights ([R54][R55][R58])."
        ),
        (
            "A Pemda's score is the mean of its assessed units, rounded half-up to two decimals "
            "([R63][R65][R94])."
        ),
    ),
)

OPINI_PENGAWASAN_2024: Final = RuleSet(
    scheme="opini-pengawasan-2024",
    years=(2024,),
    name="Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Opini Pengawasan)",
    name_en="Assessment of compliance in public-service delivery (supervisory opinion)",
    legal_basis=(
        "Peraturan Ombudsman RI No. 22 Tahun 2016; Keputusan Ketua Ombudsman RI No. 252 Tahun 2024"
    ),
    source="[R60][R65][R68][R70][R72][R73][R75]",
    bands=_OPINI_PENGAWASAN_BANDS,
    pemda_score_is_unit_mean=True,
    notes=(
        *_OPINI_PENGAWASAN_NOTES,
        (
            "The same four dimensions are named for 2024, but their weights were not found "
            "([R54][R55][R58])."
        ),
        (
            "A Pemda's score is the mean of its assessed units, rounded half-up to two decimals "
            "(Rembang 2024: seven units, 98.90; [R63][R65][R94])."
        ),
    ),
)

# --- 2025: Opini Ombudsman RI, no zones, optional "Tanpa Maladministrasi" ([R2][R89][R94])

OPINI_OMBUDSMAN_2025: Final = RuleSet(
    scheme="opini-ombudsman-2025",
    years=(2025,),
    name="Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik (Opini Ombudsman RI)",
    name_en="Assessment of maladministration in public-service delivery (Ombudsman opinion)",
    legal_basis="Peraturan Ombudsman RI No. 61 Tahun 2025",
    source="[R2][R84][R89][R90][R92][R93][R94][R96][R97]",
    bands=(
        Band(
            lower=_s("0.00"),
            upper=_s("31.99"),
            opinion=_TERENDAH[0],
            opinion_en=_TERENDAH[1],
            quality=_SANGAT_KURANG[0],
            quality_en=_SANGAT_KURANG[1],
        ),
        Band(
            lower=_s("32.00"),
            upper=_s("53.99"),
            opinion=_RENDAH[0],
            opinion_en=_RENDAH[1],
            quality=_KURANG[0],
            quality_en=_KURANG[1],
        ),
        Band(
            lower=_s("54.00"),
            upper=_s("77.99"),
            opinion=_SEDANG[0],
            opinion_en=_SEDANG[1],
            quality=_CUKUP[0],
            quality_en=_CUKUP[1],
        ),
        Band(
            lower=_s("78.00"),
            upper=_s("87.99"),
            opinion=_TINGGI[0],
            opinion_en=_TINGGI[1],
            quality=_BAIK[0],
            quality_en=_BAIK[1],
        ),
        Band(
            lower=_s("88.00"),
            upper=_s("100.00"),
            opinion=_TERTINGGI[0],
            opinion_en=_TERTINGGI[1],
            quality=_SANGAT_BAIK[0],
            quality_en=_SANGAT_BAIK[1],
        ),
    ),
    qualifier="Tanpa Maladministrasi",
    qualifier_en="without maladministration",
    pemda_score_is_unit_mean=True,
    notes=(
        (
            "No official 2025 table was found. The bounds 88/78/54/32 are inferred: they fit "
            "every observed score and quality word (Cukup 57.61–76.04, Kurang 53.38, Baik from "
            "80.01, Sangat Baik from 88.52) and ORI's letters reward units at 78–100 "
            "([R2][R89][R94])."
        ),
        (
            "The lowest level (Sangat Kurang / Kualitas Terendah) was never observed; it is "
            "presumed."
        ),
        "There are no colour zones and no A–E categories in 2025.",
        (
            "'Tanpa Maladministrasi' is given when the entity completed the follow-up of ORI "
            "supervision products; it is an input, not derived from the score."
        ),
        (
            "A Pemda's score is the mean of its assessed units, rounded half-up to two decimals "
            "(Bolmong 2025: three units, 85.18; [R63][R65][R94])."
        ),
    ),
)

RULE_SETS: Final[tuple[RuleSet, ...]] = (
    KEPATUHAN_2015,
    KEPATUHAN_2016,
    OPINI_PENGAWASAN_2022,
    OPINI_PENGAWASAN_2024,
    OPINI_OMBUDSMAN_2025,
)
"""Every RuleSet, oldest first."""

NOT_HELD: Final[Mapping[int, str]] = MappingProxyType(
    {2020: "no assessment was held in 2020 (the method was being redesigned; [R10][R11])"}
)
"""Years inside the covered range with no assessment, and why."""


def __dir__() -> list[str]:
    return list(__all__)
