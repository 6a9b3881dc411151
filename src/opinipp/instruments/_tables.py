"""The shipped instruments, year by year, as typed literals (and the 2026 checklist file).

Each figure carries its provenance: official, one public reading, or assumed; an unknown
weight is ``None``. Reference keys (``[R55]``) are those of the docs' reference table. Names
no source gives are ``None`` (the indicator keeps its code). The 2026 round is read from
the bundled ``instrument_2026_checklist.csv`` through the same reader users call,
:func:`~opinipp.instruments.read_instrument`.

>>> [i.years for i in literal_instruments()]
[(2015,), (2016, 2017, 2018, 2019, 2021), (2022, 2023), (2024,), (2025,)]
"""

from __future__ import annotations

from typing import Final

from opinipp.instruments._model import (
    Dimension,
    Indicator,
    Instrument,
    Provenance,
    Scale,
    Variable,
    Weight,
)
from opinipp.rules import Dimension as Key
from opinipp.rules import rules_for

__all__ = ["CHECKLIST_2026", "literal_instruments", "secondary_2026"]

_ENGLISH_ONLY: Final = (
    "described in English by the copies read; the instrument's Indonesian wording was not retrieved"
)


def _unnamed(dimension: str, names: tuple[str, ...]) -> tuple[Variable, ...]:
    """Variables that sources name, without indicators (none is listed)."""
    return tuple(
        Variable(name, (), note=f"indicators of {dimension} not published") for name in names
    )


def _2015() -> Instrument:
    return Instrument(
        years=(2015,),
        name="Penelitian Kepatuhan terhadap Standar Pelayanan Publik",
        dimensions=(
            Dimension(
                "Kepatuhan",
                None,
                None,
                _unnamed(
                    "2015",
                    (
                        "Standar pelayanan",
                        "Maklumat pelayanan",
                        "Pelayanan khusus",
                        "Pengelolaan pengaduan",
                        "Penilaian kinerja",
                        "Visi, misi dan motto",
                        "Kemudahan (sarana)",
                    ),
                ),
                note="one list of seven variables; the score runs 0–75",
            ),
        ),
        provenance="official: Peraturan Ombudsman 17/2015",
        references=("[R6]",),
        notes=(
            "Seven variables; weights not published; the scale of the total is 0–75.",
            (
                "Art. 16 adds a quality check (procedural deviation, asking for money, acting "
                "outside competence, incompetence, improper conduct)."
            ),
        ),
    )


def _2016() -> Instrument:
    components = tuple(
        Indicator(f"K-{n:02d}", None, None, note="scale and weight not published")
        for n in range(1, 15)
    )
    return Instrument(
        years=(2016, 2017, 2018, 2019, 2021),
        name="Penilaian Kepatuhan terhadap Standar Pelayanan Publik",
        dimensions=(
            Dimension(
                "Proses",
                Key.PROSES,
                None,
                (Variable("Komponen standar pelayanan (UU 25/2009)", components),),
                note="the single dimension, checked per service product by visible evidence",
            ),
        ),
        provenance="official: Peraturan Ombudsman 22/2016 and the Ombudsman's releases",
        references=("[R1]", "[R16]", "[R29]", "[R24]"),
        notes=(
            (
                "The Ombudsman speaks of '14 komponen standar pelayanan'; which components were "
                "checked each year is not in the sources, so they are coded K-01…K-14, unnamed."
            ),
            (
                "Scored per service product (no unit mean before 2022); weights per component "
                "not published."
            ),
        ),
    )


_SCALE_0_3: Final = Scale(0, 3, Provenance.OFFICIAL, "[R54]")
_REFS_2022: Final = ("[R54]", "[R55]", "[R56]", "[R58]")


def _named(
    prefix: str, start: int, names: tuple[str | None, ...], note: str | None = None
) -> tuple[Indicator, ...]:
    return tuple(
        Indicator(f"{prefix}-{start + n:02d}", name, _SCALE_0_3, note=note)
        for n, name in enumerate(names)
    )


def _2022() -> Instrument:
    weights = rules_for(2022).weights
    assert weights is not None  # noqa: S101 - the rule table publishes them
    official = "official (Ombudsman decks) [R54][R55][R56][R58]"

    def share(key: Key) -> Weight:
        return Weight(weights[key], Provenance.OFFICIAL, "[R54][R55][R56][R58]")

    kompetensi = (
        Indicator(
            "IN-01",
            "knowledge of the 14 standard-service components",
            _SCALE_0_3,
            weight=Weight("12.22", Provenance.PUBLIC_READING, "[R56]"),
            note=f"weight 12.22 % within Input in one copy of the instrument; {_ENGLISH_ONLY}",
        ),
        *_named(
            "IN",
            2,
            (
                "duties and authority of the post",
                "the Ombudsman institution",
                "forms of maladministration",
                "Ombudsman recommendations",
                "services for marginal and vulnerable groups",
            ),
            note=_ENGLISH_ONLY,
        ),
    )
    sarana = (
        *_named(
            "IN",
            7,
            (
                "frequency of internal supervision",
                "staff numbers per workload analysis (ABK)",
            ),
            note=_ENGLISH_ONLY,
        ),
        Indicator(
            "IN-09",
            "quality assurance",
            _SCALE_0_3,
            note=f"one deck says compensation instead; {_ENGLISH_ONLY}",
        ),
        *_named(
            "IN",
            10,
            (
                "security and safety guarantee",
                "staff-performance evaluation",
                "legal basis of the standard",
                "facilities for users",
                "facilities for users needing special treatment",
                "outreach",
            ),
            note=_ENGLISH_ONLY,
        ),
    )
    proses = _named(
        "PR",
        1,
        (
            "Persyaratan",
            "Prosedur",
            "Jangka waktu",
            "Biaya/tarif",
            "Produk",
            "Maklumat",
            "Pelayanan khusus",
            "Visi-misi",
            "Moto",
            "Atribut",
            "Pelayanan terpadu",
        ),
    )
    output = _named(
        "OUT",
        1,
        (
            "Penundaan berlarut",
            "Permintaan imbalan",
            "Penyimpangan prosedur",
            "Tidak kompeten",
            "Tidak patut",
        ),
    )
    pengaduan = tuple(
        Indicator(f"PG-{n:02d}", None, _SCALE_0_3, note="name not retrieved") for n in range(1, 7)
    )
    return Instrument(
        years=(2022, 2023),
        name="Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik",
        dimensions=(
            Dimension(
                "Input",
                Key.INPUT,
                share(Key.INPUT),
                (
                    Variable("Kompetensi Pelaksana", kompetensi, note="interviews with 4 staff"),
                    Variable(
                        "Sarana Prasarana",
                        sarana,
                        note="observation; one deck counts 5 + 8 instead of 6 + 9 (unresolved)",
                    ),
                ),
            ),
            Dimension(
                "Proses",
                Key.PROSES,
                share(Key.PROSES),
                (
                    Variable(
                        "Penilaian Kepatuhan",
                        proses,
                        note="observation of 2 products per Pemda unit (5 per non-vertical K/L)",
                    ),
                ),
            ),
            Dimension(
                "Output",
                Key.OUTPUT,
                share(Key.OUTPUT),
                (
                    Variable(
                        "Persepsi Maladministrasi",
                        output,
                        note="interviews with 30 service users; IKM also enters Output for K/L",
                    ),
                ),
            ),
            Dimension(
                "Pengaduan",
                Key.PENGADUAN,
                share(Key.PENGADUAN),
                (
                    Variable(
                        "Pengelolaan Pengaduan",
                        pengaduan,
                        note="interviews with 2 complaint officers; indicator names not retrieved",
                    ),
                ),
            ),
        ),
        provenance=f"dimension weights {official}; indicators from copies of the 2023 instrument",
        references=_REFS_2022,
        notes=(
            "Indicators scored 0–3 [R54].",
            (
                "Within-dimension weights are not published except IN-01 (12.22 % within Input, "
                "one copy [R56]); equal weights are an assumption to be replaced by the official "
                "table (read_weights)."
            ),
            "One deck counts '5 + 8' Input indicators instead of 6 + 9 (unresolved).",
            (
                "The 2022 weights equal the 2023 ones in the decks that show them beside the 2022 "
                "results; 2022 most likely used the same instrument."
            ),
        ),
    )


def _2024() -> Instrument:
    def dim(name: str, key: Key, variables: tuple[str, ...]) -> Dimension:
        return Dimension(name, key, None, _unnamed(name, variables))

    return Instrument(
        years=(2024,),
        name="Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik",
        dimensions=(
            dim("Input", Key.INPUT, ("Kompetensi pelaksana", "Sarana prasarana")),
            dim("Proses", Key.PROSES, ("Standar pelayanan", "Prosedur", "Tarif", "Produk")),
            dim("Output", Key.OUTPUT, ("Persepsi maladministrasi", "Produk", "IKM")),
            dim("Pengaduan", Key.PENGADUAN, ("Kemudahan pengaduan", "Tindak lanjut")),
        ),
        provenance="one public reading: the dimensions as named in regional releases",
        references=("[R65]", "[R71]", "[R69]"),
        notes=("The four dimensions are named; their weights and indicators were not found.",),
    )


def _2025() -> Instrument:
    def dim(name: str, key: Key, variables: tuple[str, ...], note: str | None = None) -> Dimension:
        return Dimension(name, key, None, _unnamed(name, variables), note=note)

    return Instrument(
        years=(2025,),
        name="Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik (Opini Ombudsman RI)",
        dimensions=(
            dim(
                "Input",
                Key.INPUT,
                (
                    "Pengetahuan pelaksana",
                    "Perencanaan dengan partisipasi masyarakat",
                    "Jaminan pelayanan",
                    "Pengawasan internal",
                    "Kompensasi",
                ),
            ),
            dim("Proses", Key.PROSES, ("Persepsi pemenuhan standar dan maladministrasi",)),
            dim(
                "Output",
                Key.OUTPUT,
                ("Data sekunder (BPS, KemenPAN-RB, Kemendagri, Bappenas)",),
                note="secondary data from national agencies",
            ),
            dim(
                "Pengaduan",
                Key.PENGADUAN,
                ("Budaya pengelolaan pengaduan", "Tindak lanjut produk Ombudsman"),
                note="whether compliance with Ombudsman products sits here is open",
            ),
        ),
        provenance="one public reading: regional Ombudsman releases (Peraturan Ombudsman 61/2025)",
        references=("[R86]", "[R87]", "[R80]", "[R81]", "[R85]", "[R88]", "[R82]"),
        kepercayaan_weight=Weight("30", Provenance.PUBLIC_READING, "[R86]"),
        notes=(
            (
                "The four dimensions together weigh 70 %, the Kepercayaan Masyarakat survey 30 % "
                "(lampost.co [R86]; lampung7.com, Feb 2026); the weight of each dimension is not "
                "published."
            ),
            (
                "Compliance with Ombudsman products drives the 'Tanpa Maladministrasi' qualifier, "
                "which is kept apart from the score."
            ),
            (
                "Indicator weights and the category bounds were not published (the 2025 bounds "
                "in the rule tables are inferred)."
            ),
        ),
    )


def literal_instruments() -> tuple[Instrument, ...]:
    """The instruments written as literals here, oldest first (2026 comes from a file)."""
    return (_2015(), _2016(), _2022(), _2024(), _2025())


CHECKLIST_2026: Final = "instrument_2026_checklist.csv"
"""The bundled file of the 2026-round checklist (one public reading)."""


def secondary_2026() -> dict[str, str]:
    """The secondary-data indicators of the 2026 checklist, with the reason."""
    return {
        "OUT-01": "secondary data: IPM from BPS",
        "OUT-02": "secondary data: SPM from Kemendagri",
        "OUT-03": "secondary data: IKM from KemenPAN-RB",
        "OUT-04": "secondary data: national priority programmes from Bappenas",
    }


def __dir__() -> list[str]:
    return list(__all__)
