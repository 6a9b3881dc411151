"""The SKM rules of each regulation, as typed literals (KemenPAN-RB survey guidelines).

A new regulation is a new :class:`SkmRules` in :data:`SKM_RULES`; no logic branches on the
regulation. Reference keys (``[R120]`` …) resolve in the project's reference list.

>>> [r.key for r in SKM_RULES]
['permenpanrb-14-2017', 'permenpanrb-16-2014', 'kep-25-2004']
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from opinipp._indices import IndexBand, Provenance
from opinipp.skm._types import SkmRules, Unsur

__all__ = ["DEFAULT_REGULATION", "SKM_RULES"]

_OFFICIAL: Final = Provenance.OFFICIAL


def _unsur(number: int, key: str, name: str, name_en: str, provenance: Provenance) -> Unsur:
    return Unsur(f"U{number}", key, name, name_en, provenance)


# The names of the 2017 list [R123]; 2014 had maklumat in place of sarana & prasarana.
_PERSYARATAN: Final = ("persyaratan", "Persyaratan", "Requirements")
_PROSEDUR: Final = (
    "prosedur",
    "Sistem, Mekanisme, dan Prosedur",
    "System, mechanism and procedure",
)
_WAKTU: Final = ("waktu", "Waktu Penyelesaian", "Completion time")
_BIAYA: Final = ("biaya", "Biaya/Tarif", "Cost or tariff")
_PRODUK: Final = (
    "produk",
    "Produk Spesifikasi Jenis Pelayanan",
    "Product specification of the service",
)
_KOMPETENSI: Final = ("kompetensi", "Kompetensi Pelaksana", "Competence of the staff")
_PERILAKU: Final = ("perilaku", "Perilaku Pelaksana", "Conduct of the staff")
_PENGADUAN: Final = (
    "pengaduan",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Handling of complaints, suggestions and feedback",
)
_SARANA: Final = ("sarana", "Sarana dan Prasarana", "Facilities and infrastructure")
_MAKLUMAT: Final = ("maklumat", "Maklumat Pelayanan", "Service pledge (maklumat)")

_LIST_2017: Final = (
    _PERSYARATAN,
    _PROSEDUR,
    _WAKTU,
    _BIAYA,
    _PRODUK,
    _KOMPETENSI,
    _PERILAKU,
    _PENGADUAN,
    _SARANA,
)
_LIST_2014: Final = (*_LIST_2017[:8], _MAKLUMAT)


def _d(text: str) -> Decimal:
    return Decimal(text)


# Mutu on the converted value (NI × 25), 2 dp, bounds inclusive [R121][R120]. The NI (1–4)
# bounds of the regulation mix 3 and 4 decimals and leave gaps, so the converted value decides.
_BANDS_2017: Final = (
    IndexBand(
        lower="25.00",
        upper="64.99",
        grade="D",
        label="Tidak Baik",
        label_en="Not good",
        provenance=_OFFICIAL,
    ),
    IndexBand(
        lower="65.00",
        upper="76.60",
        grade="C",
        label="Kurang Baik",
        label_en="Less than good",
        provenance=_OFFICIAL,
    ),
    IndexBand(
        lower="76.61",
        upper="88.30",
        grade="B",
        label="Baik",
        label_en="Good",
        provenance=_OFFICIAL,
    ),
    IndexBand(
        lower="88.31",
        upper="100.00",
        grade="A",
        label="Sangat Baik",
        label_en="Very good",
        provenance=_OFFICIAL,
    ),
)

PERMENPANRB_14_2017: Final = SkmRules(
    key="permenpanrb-14-2017",
    name="Survei Kepuasan Masyarakat (PermenPANRB 14/2017)",
    legal_basis=(
        "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei "
        "Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik"
    ),
    source="[R120][R121][R122][R123]",
    unsur=tuple(_unsur(i, *names, _OFFICIAL) for i, names in enumerate(_LIST_2017, 1)),
    bands=_BANDS_2017,
    bands_provenance=_OFFICIAL,
    printed_weights=(_d("0.111"), _d("0.11")),
    notes=(
        "IKM = Σ NRR × 1/9 on the 1–4 scale; the converted value is IKM × 25 [R120][R121].",
        (
            "The BPPP Tegal copy prints the C upper bound as 76.66, a typo for 76.60: B starts at "
            "76.61 [R121]."
        ),
        (
            "The regulation's NI bounds (1–4) mix three and four decimals and leave gaps "
            "(3.0641–3.0643 is in no band), so the mutu is read on the converted value at 2 dp. "
            "A rounded 2-dp NI variant is also in use: 1.00–2.59 / 2.60–3.06 / 3.07–3.53 / "
            "3.54–4.00 [R122]."
        ),
        (
            "Documents print the weight as 0.111 or 0.11; the rounded weight changes results, so "
            "the exact 1/9 is the default and a printed weight an explicit option."
        ),
    ),
)

PERMENPANRB_16_2014: Final = SkmRules(
    key="permenpanrb-16-2014",
    name="Survei Kepuasan Masyarakat (PermenPANRB 16/2014)",
    legal_basis=(
        "Peraturan Menteri PANRB Nomor 16 Tahun 2014 tentang Pedoman Survei Kepuasan "
        "Masyarakat terhadap Penyelenggaraan Pelayanan Publik"
    ),
    source="[R120]",
    unsur=tuple(
        _unsur(i, *names, Provenance.PUBLIC_READING) for i, names in enumerate(_LIST_2014, 1)
    ),
    bands=tuple(
        IndexBand(
            lower=b.lower,
            upper=b.upper,
            grade=b.grade,
            label=b.label,
            label_en=b.label_en,
            provenance=Provenance.ASSUMPTION,
        )
        for b in _BANDS_2017
    ),
    bands_provenance=Provenance.ASSUMPTION,
    notes=(
        (
            "Replaced by PermenPANRB 14/2017 [R120]. Nine unsur: the 2017 list with Maklumat "
            "Pelayanan in place of Sarana dan Prasarana; their order in the 2014 regulation was "
            "not retrieved (the 2017 order is used, maklumat last)."
        ),
        (
            "The 2014 mutu table was not retrieved: the 2017 bands are an assumption here, and "
            "every mutu under these rules is marked as such."
        ),
    ),
)

KEP_25_2004: Final = SkmRules(
    key="kep-25-2004",
    name="Indeks Kepuasan Masyarakat (KEP/25/M.PAN/2/2004)",
    legal_basis=(
        "Keputusan Menteri PAN Nomor KEP/25/M.PAN/2/2004 tentang Pedoman Umum Penyusunan "
        "Indeks Kepuasan Masyarakat Unit Pelayanan Instansi Pemerintah"
    ),
    source="[R124]",
    unsur=tuple(Unsur(f"U{i}", None, None, None, Provenance.NOT_RETRIEVED) for i in range(1, 15)),
    bands=(
        IndexBand(
            lower="25.00",
            upper="43.75",
            grade="D",
            label=None,
            label_en=None,
            provenance=_OFFICIAL,
        ),
        IndexBand(
            lower="43.76",
            upper="62.50",
            grade="C",
            label=None,
            label_en=None,
            provenance=_OFFICIAL,
        ),
        IndexBand(
            lower="62.51",
            upper="81.25",
            grade="B",
            label=None,
            label_en=None,
            provenance=_OFFICIAL,
        ),
        IndexBand(
            lower="81.26",
            upper="100.00",
            grade="A",
            label=None,
            label_en=None,
            provenance=_OFFICIAL,
        ),
    ),
    bands_provenance=_OFFICIAL,
    notes=(
        (
            "Fourteen unsur, weight 1/14; bands 25–43.75 D, 43.76–62.50 C, 62.51–81.25 B, "
            "81.26–100 A on the converted value [R124]."
        ),
        (
            "The names of the 14 unsur and the kinerja labels of this regulation were not "
            "retrieved: the unsur are U1…U14 and the bands carry the mutu letter only."
        ),
    ),
)

SKM_RULES: Final = (PERMENPANRB_14_2017, PERMENPANRB_16_2014, KEP_25_2004)
"""Every regulation's rules, newest first."""

DEFAULT_REGULATION: Final = PERMENPANRB_14_2017.key
"""The regulation in force: PermenPANRB 14/2017."""


def __dir__() -> list[str]:
    return list(__all__)
