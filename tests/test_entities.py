# Invalid-input tests pass wrongly typed values on purpose.
# mypy: disable-error-code="arg-type"
from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest

from opinipp.entities import (
    OPD,
    EntityKind,
    Instansi,
    InstansiKind,
    OPDKind,
    Pemda,
    PemdaKind,
    Province,
    Puskesmas,
    Rsud,
)
from opinipp.errors import InvalidEntityError

SULTRA = Province(code="74", name="Sulawesi Tenggara", iso_3166_2="ID-SG", abbreviation="Sultra")
BANTEN = Province(code="36", name="Banten", iso_3166_2="ID-BT")
MUBAR = Pemda(code="74.13", name="Muna Barat", kind=PemdaKind.KABUPATEN, province=SULTRA)
KENDARI = Pemda(code="74.71", name="Kendari", kind=PemdaKind.KOTA, province=SULTRA)
PROV_SULTRA = Pemda(code="74", name="Sulawesi Tenggara", kind=PemdaKind.PROVINSI, province=SULTRA)
KAB_SERANG = Pemda(code="36.04", name="Serang", kind=PemdaKind.KABUPATEN, province=BANTEN)
KOTA_SERANG = Pemda(code="36.73", name="Serang", kind=PemdaKind.KOTA, province=BANTEN)


def test_full_names_and_kinds() -> None:
    assert str(MUBAR) == "Kabupaten Muna Barat"
    assert str(KENDARI) == "Kota Kendari"
    assert str(PROV_SULTRA) == "Provinsi Sulawesi Tenggara"
    assert str(SULTRA) == "Provinsi Sulawesi Tenggara"
    assert MUBAR.entity_kind is EntityKind.KABUPATEN
    assert PROV_SULTRA.entity_kind is EntityKind.PROVINSI
    assert PemdaKind.KOTA.prefix == "Kota"


def test_identity_is_the_code() -> None:
    assert Pemda(code="74.13", name="Mubar", kind=PemdaKind.KABUPATEN, province=SULTRA) == MUBAR
    assert Province(code="74", name="Sultra") == SULTRA
    assert KAB_SERANG != KOTA_SERANG
    assert len({KAB_SERANG, KOTA_SERANG, MUBAR, MUBAR}) == 3


def test_opd_identity_ignores_the_spelling_of_standard_units() -> None:
    a = OPD(pemda=KAB_SERANG, kind=OPDKind.DISDIK)
    b = OPD(pemda=KAB_SERANG, kind=OPDKind.DISDIK, name="Dinas Pendidikan dan Kebudayaan")
    assert a == b
    assert hash(a) == hash(b)
    assert str(b) == "Dinas Pendidikan dan Kebudayaan Kabupaten Serang"
    assert str(a) == "Dinas Pendidikan Kabupaten Serang"
    assert a != OPD(pemda=KOTA_SERANG, kind=OPDKind.DISDIK)
    assert a != OPD(pemda=KAB_SERANG, kind=OPDKind.DINSOS)
    other1 = OPD(pemda=MUBAR, kind=OPDKind.OTHER, name="Bappeda")
    other2 = OPD(pemda=MUBAR, kind=OPDKind.OTHER, name="BAPPEDA")
    assert other1 == other2
    assert other1 != OPD(pemda=MUBAR, kind=OPDKind.OTHER, name="Inspektorat")
    assert a != "Dinas Pendidikan Kabupaten Serang"
    assert OPDKind.DPMPTSP.default_name == (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
    )
    assert OPDKind.OTHER.default_name is None


def test_units_and_instansi() -> None:
    pusk = Puskesmas(name="UPT Puskesmas Pontang", pemda=KAB_SERANG)
    assert str(pusk) == "UPT Puskesmas Pontang (Kabupaten Serang)"
    assert pusk.entity_kind is EntityKind.PUSKESMAS
    rsud = Rsud(
        name="RSUD Banten",
        pemda=Pemda(code="36", name="Banten", kind=PemdaKind.PROVINSI, province=BANTEN),
    )
    assert rsud.entity_kind is EntityKind.RSUD
    kemlu = Instansi(
        name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN, abbreviation="Kemlu"
    )
    assert kemlu == Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
    assert kemlu != Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.LEMBAGA)
    assert kemlu.entity_kind is EntityKind.KEMENTERIAN


def test_sort_keys_follow_kemendagri_codes() -> None:
    pemdas = [KOTA_SERANG, MUBAR, KAB_SERANG, PROV_SULTRA, KENDARI]
    ordered = sorted(pemdas, key=lambda p: p.sort_key)
    assert [p.code for p in ordered] == ["36.04", "36.73", "74", "74.13", "74.71"]


ALL_ENTITIES: list[Any] = [
    SULTRA,
    MUBAR,
    KENDARI,
    PROV_SULTRA,
    OPD(pemda=MUBAR, kind=OPDKind.DPMPTSP),
    OPD(pemda=MUBAR, kind=OPDKind.OTHER, name="Bappeda"),
    Puskesmas(name="Puskesmas Tiworo", pemda=MUBAR),
    Rsud(
        name="RSUD Banten",
        pemda=Pemda(code="36", name="Banten", kind=PemdaKind.PROVINSI, province=BANTEN),
    ),
    Instansi(
        name="Badan Pengawas Obat dan Makanan", kind=InstansiKind.LEMBAGA, abbreviation="BPOM"
    ),
]


@pytest.mark.parametrize("entity", ALL_ENTITIES, ids=lambda e: type(e).__name__)
def test_entities_pickle_hash_and_are_frozen(entity: Any) -> None:
    copy = pickle.loads(pickle.dumps(entity))
    assert copy == entity
    assert hash(copy) == hash(entity)
    assert {entity: 1}[copy] == 1
    field = attrs.fields(type(entity))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(entity, field, None)


@pytest.mark.parametrize(
    ("build", "field", "fragment"),
    [
        (lambda: Province(code="7", name="X"), "code", "2-digit"),
        (lambda: Province(code=74, name="X"), "code", "2-digit"),
        (lambda: Province(code="74", name=""), "name", "non-empty"),
        (lambda: Province(code="74", name=" Sultra"), "name", "surrounding spaces"),
        (lambda: Province(code="74", name="X", iso_3166_2="SG"), "iso_3166_2", "ISO 3166-2"),
        (
            lambda: Pemda(
                code="7413", name="Muna Barat", kind=PemdaKind.KABUPATEN, province=SULTRA
            ),
            "code",
            "dotted",
        ),
        (
            lambda: Pemda(
                code="75.13", name="Muna Barat", kind=PemdaKind.KABUPATEN, province=SULTRA
            ),
            "code",
            "'74'",
        ),
        (
            lambda: Pemda(code="74.71", name="Kendari", kind=PemdaKind.KABUPATEN, province=SULTRA),
            "kind",
            "kota",
        ),
        (
            lambda: Pemda(code="74.13", name="Muna Barat", kind=PemdaKind.KOTA, province=SULTRA),
            "kind",
            "kabupaten",
        ),
        (
            lambda: Pemda(code="75", name="Sultra", kind=PemdaKind.PROVINSI, province=SULTRA),
            "code",
            "province code",
        ),
        (
            lambda: Pemda(code="74.13", name="Muna Barat", kind="kabupaten", province=SULTRA),
            "kind",
            "PemdaKind",
        ),
        (
            lambda: Pemda(code="74.13", name="Muna Barat", kind=PemdaKind.KABUPATEN, province="74"),
            "province",
            "Province",
        ),
        (
            lambda: Pemda(code=None, name="Muna Barat", kind=PemdaKind.KABUPATEN, province=SULTRA),
            "code",
            "text",
        ),
        (lambda: OPD(pemda=MUBAR, kind=OPDKind.OTHER), "name", "OTHER"),
        (lambda: OPD(pemda=MUBAR, kind="dinkes"), "kind", "OPDKind"),
        (lambda: OPD(pemda=SULTRA, kind=OPDKind.DINKES), "pemda", "Pemda"),
        (lambda: Puskesmas(name="", pemda=MUBAR), "name", "non-empty"),
        (lambda: Rsud(name="RSUD", pemda=None), "pemda", "Pemda"),
        (lambda: Instansi(name="Kemlu", kind="kementerian"), "kind", "InstansiKind"),
        (lambda: Instansi(name=True, kind=InstansiKind.LEMBAGA), "name", "non-empty"),
    ],
)
def test_invalid_entities_raise_readable_errors(build: Any, field: str, fragment: str) -> None:
    with pytest.raises(InvalidEntityError) as info:
        build()
    assert info.value.field == field
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


# --- Instansi identity: the name up to case and spacing, and the kind -----------------

KEMLU = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)


@pytest.mark.parametrize(
    "spelling",
    [
        "KEMENTERIAN LUAR NEGERI",
        "kementerian luar negeri",
        "Kementerian  Luar   Negeri",
        "Kementerian\tLuar Negeri",
        "Kementerian Luar\u00a0Negeri",
    ],
)
def test_instansi_names_that_differ_in_case_or_spacing_are_one_instansi(spelling: str) -> None:
    other = Instansi(name=spelling, kind=InstansiKind.KEMENTERIAN)
    assert other == KEMLU
    assert hash(other) == hash(KEMLU)
    assert len({other, KEMLU}) == 1
    assert other.name == spelling  # shown as given
    assert other != Instansi(name=spelling, kind=InstansiKind.LEMBAGA)


def test_instansi_with_other_words_stay_distinct() -> None:
    assert Instansi(name="Kementerian Dalam Negeri", kind=InstansiKind.KEMENTERIAN) != KEMLU
    assert Instansi(name="Kementerian Luar Negeri RI", kind=InstansiKind.KEMENTERIAN) != KEMLU


def test_two_spellings_of_one_instansi_cannot_be_ranked_twice(tmp_path: Any) -> None:
    import opinipp
    from opinipp.errors import DuplicateEntityError

    shouting = Instansi(name="KEMENTERIAN LUAR NEGERI", kind=InstansiKind.KEMENTERIAN)
    both = [
        opinipp.Assessment(KEMLU, 2023, "91.20"),
        opinipp.Assessment(shouting, 2023, "88.10"),
    ]
    national = opinipp.National(InstansiKind.KEMENTERIAN)
    with pytest.raises(DuplicateEntityError) as caught:
        opinipp.rank(both, national)
    assert caught.value.entity == KEMLU
    path = tmp_path / "two.csv"
    path.write_text(
        "entity,kind,province,year,score,parent_pemda\n"
        "Kementerian Luar Negeri,kementerian,,2023,91.20,\n"
        "KEMENTERIAN  LUAR NEGERI,kementerian,,2023,88.10,\n",
        encoding="utf-8",
    )
    from opinipp.errors import InvalidDataError
    from opinipp.serialization import read_csv

    with pytest.raises(InvalidDataError) as refused:
        read_csv(path)
    (row_error,) = refused.value.exceptions
    assert (row_error.row, row_error.column) == (3, "entity")
    assert row_error.value == "KEMENTERIAN  LUAR NEGERI"
    assert "duplicate: row 2 already has the 2023 result" in row_error.reason


def test_entities_store_the_real_text_of_str_subclasses() -> None:
    from fuzz_junk import LyingStr, RaisingStr, WrongTypeStr

    province = Province(code=RaisingStr("74"), name=LyingStr("Sulawesi Tenggara"))
    pemda = Pemda(
        code=WrongTypeStr("74.13"), name="Muna Barat", kind=PemdaKind.KABUPATEN, province=province
    )
    units: list[Rsud | Puskesmas | OPD | Instansi] = [
        Rsud(name=RaisingStr("RSUD Muna Barat"), pemda=pemda),
        Puskesmas(name=LyingStr("Puskesmas Tiworo"), pemda=pemda),
        OPD(pemda=pemda, kind=OPDKind.OTHER, name=RaisingStr("Bappeda")),
        Instansi(name=WrongTypeStr("Kementerian Luar Negeri"), kind=InstansiKind.KEMENTERIAN),
    ]
    assert (province, pemda) == (SULTRA, MUBAR)
    assert [str(u) for u in units] == [
        "RSUD Muna Barat (Kabupaten Muna Barat)",
        "Puskesmas Tiworo (Kabupaten Muna Barat)",
        "Bappeda Kabupaten Muna Barat",
        "Kementerian Luar Negeri",
    ]
    assert {type(v) for v in (province.code, province.name, pemda.code)} == {str}
    assert {type(u.name) for u in units} == {str}
    with pytest.raises(InvalidEntityError) as info:
        Rsud(name=LyingStr(" RSUD "), pemda=pemda)
    assert info.value.field == "name"
