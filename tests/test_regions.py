# Invalid-input tests pass wrongly typed values on purpose.
# mypy: disable-error-code="arg-type"
from __future__ import annotations

import csv
import io
import pickle
import subprocess
import sys
import textwrap
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp import errors, regions
from opinipp import strategies as ops
from opinipp.entities import (
    OPD,
    Instansi,
    InstansiKind,
    OPDKind,
    Pemda,
    PemdaKind,
    Province,
    Puskesmas,
    Rsud,
)
from opinipp.errors import (
    AmbiguousNameError,
    InvalidArgumentError,
    UnknownRegionError,
)

SHARED_PUBLISHED_RESULTS = Path(__file__).parents[2] / "shared" / "data" / "published_results.csv"

# The 26 base names that a kabupaten and a kota share (data README, "Pitfalls").
SHARED_KAB_KOTA_NAMES = (
    "Bandung",
    "Banjar",
    "Bekasi",
    "Bima",
    "Blitar",
    "Bogor",
    "Cirebon",
    "Gorontalo",
    "Jayapura",
    "Kediri",
    "Kupang",
    "Madiun",
    "Magelang",
    "Malang",
    "Mojokerto",
    "Pasuruan",
    "Pekalongan",
    "Probolinggo",
    "Semarang",
    "Serang",
    "Solok",
    "Sorong",
    "Sukabumi",
    "Tangerang",
    "Tasikmalaya",
    "Tegal",
)


def _package_csv(name: str) -> list[dict[str, str]]:
    text = (resources.files("opinipp") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


# --- the reference data --------------------------------------------------------------------


def test_counts() -> None:
    assert len(regions.provinces()) == 38
    everything = regions.pemdas()
    assert len(everything) == 552
    assert len(regions.pemdas(kind=PemdaKind.PROVINSI)) == 38
    assert len(regions.pemdas(kind=PemdaKind.KABUPATEN)) == 416
    assert len(regions.pemdas(kind=PemdaKind.KOTA)) == 98
    assert len(regions.pemdas(kind="kota")) == 98
    assert len({p.code for p in everything}) == 552
    assert [p.code for p in everything] == sorted(p.code for p in everything)
    assert [p.code for p in regions.provinces()] == sorted(p.code for p in regions.provinces())


def test_muna_barat() -> None:
    mubar = regions.pemda("Muna Barat")
    assert mubar.code == "74.13"
    assert mubar.name == "Muna Barat"
    assert mubar.kind is PemdaKind.KABUPATEN
    assert mubar.province.code == "74"
    assert mubar.province.name == "Sulawesi Tenggara"
    assert mubar.full_name == "Kabupaten Muna Barat"
    for text in (
        "74.13",
        "7413",
        "74 13",
        "Kab. Muna Barat",
        "KABUPATEN MUNA BARAT",
        "Pemkab Muna-Barat",
    ):
        assert regions.pemda(text) is mubar


def test_spot_checks_from_the_data_readme() -> None:
    expected = {
        "Mukomuko": ("17.06", "Bengkulu"),
        "Kaur": ("17.04", "Bengkulu"),
        "Serdang Bedagai": ("12.18", "Sumatera Utara"),
        "Kabupaten Serang": ("36.04", "Banten"),
        "Kota Serang": ("36.73", "Banten"),
        "Kabupaten Magelang": ("33.08", "Jawa Tengah"),
        "Kota Magelang": ("33.71", "Jawa Tengah"),
        "Tuban": ("35.23", "Jawa Timur"),
    }
    for text, (code, province_name) in expected.items():
        found = regions.pemda(text)
        assert (found.code, found.province.name) == (code, province_name), text


def test_kota_serang_is_not_kabupaten_serang() -> None:
    kota = regions.pemda("Kota Serang")
    kab = regions.pemda("Kabupaten Serang")
    assert kota != kab
    assert (kota.code, kota.kind) == ("36.73", PemdaKind.KOTA)
    assert (kab.code, kab.kind) == ("36.04", PemdaKind.KABUPATEN)
    assert regions.pemda("Pemkot Serang") is kota
    assert regions.pemda("Pemkab Serang") is kab
    assert regions.pemda("Serang", kind=PemdaKind.KOTA) is kota
    assert regions.pemda("Serang", kind="kabupaten") is kab
    assert len({kota, kab}) == 2


def test_provinces_by_abbreviation_and_iso_code() -> None:
    assert regions.province("Sultra").code == "74"
    assert regions.province("Sumut").name == "Sumatera Utara"
    assert regions.province("DIY").name == "Daerah Istimewa Yogyakarta"
    assert regions.province("NTB").name == "Nusa Tenggara Barat"
    assert regions.province("ID-SG").abbreviation == "Sultra"
    assert regions.province("Pemprov Kalbar").code == "61"
    assert regions.province("Kepri").code == "21"
    sultra = regions.province("Sulawesi Tenggara")
    assert (sultra.iso_3166_2, sultra.abbreviation) == ("ID-SG", "Sultra")
    assert regions.province("Aceh").abbreviation is None


def test_every_province_resolves_by_each_of_its_names() -> None:
    for prov in regions.provinces():
        forms = [prov.code, prov.name, str(prov), prov.name.upper(), f"Pemprov {prov.name}"]
        forms += [x for x in (prov.iso_3166_2, prov.abbreviation) if x is not None]
        for text in forms:
            assert regions.province(text) is prov, text
        government = regions.provincial_government(prov)
        assert government.kind is PemdaKind.PROVINSI
        assert government.code == prov.code
        assert government.province is prov
        assert regions.pemda(prov.code) is government
        assert regions.pemda(f"Provinsi {prov.name}") is government


def test_every_pemda_resolves_by_code_full_name_and_name_with_kind() -> None:
    for p in regions.pemdas():
        assert regions.pemda(p.code) is p
        assert regions.pemda(p.code.replace(".", "")) is p
        assert regions.pemda(p.full_name) is p
        assert regions.pemda(p.full_name.upper()) is p
        assert regions.pemda(p.name, kind=p.kind) is p
        assert regions.pemda(p.name, kind=p.kind, province=p.province) is p


def test_provincial_government_by_name_prefix_or_code() -> None:
    gov = regions.pemda("Sulawesi Tenggara")
    assert (gov.code, gov.kind, str(gov)) == (
        "74",
        PemdaKind.PROVINSI,
        "Provinsi Sulawesi Tenggara",
    )
    for text in (
        "Provinsi Sultra",
        "Pemprov Sultra",
        "Pemerintah Provinsi Sulawesi Tenggara",
        "74",
    ):
        assert regions.pemda(text) is gov
    assert regions.provincial_government("Sultra") is gov
    assert regions.pemda("Jambi", kind=PemdaKind.PROVINSI).code == "15"


def test_pemdas_of_a_province() -> None:
    sultra = regions.pemdas(province="Sultra")
    assert len(sultra) == 18
    assert str(sultra[0]) == "Provinsi Sulawesi Tenggara"
    assert regions.pemda("Muna Barat") in sultra
    assert [p.code for p in regions.pemdas(province="74", kind="kota")] == ["74.71", "74.72"]
    total = sum(len(regions.pemdas(province=p)) for p in regions.provinces())
    assert total == 552


def test_spelling_variants() -> None:
    assert regions.pemda("PEMKOT BAU-BAU").code == "74.72"
    assert regions.pemda("Baubau").code == "74.72"
    assert regions.pemda("Tanjungbalai").code == "12.74"
    assert regions.pemda("Tanjung Balai").code == "12.74"
    assert regions.pemda("Kab. Adm. Kep. Seribu").code == "31.01"
    assert regions.pemda("Kota Administrasi Jakarta Pusat").code == "31.71"
    assert regions.pemda("Pemerintah Kabupaten Deli Serdang").code == "12.07"
    assert regions.pemda("Pemko Tanjungpinang").code == "21.72"
    assert regions.pemda("P A P U A").code == "91"


def test_every_name_variant_resolves_to_its_code() -> None:
    rows = _package_csv("name_variants.csv") + _package_csv("extra_name_variants.csv")
    assert len(rows) >= 115
    for row in rows:
        variant, code = row["variant"], row["canonical_code"]
        if len(code) == 2:
            assert regions.province(variant).code == code, variant
        if variant == "Yogyakarta":
            continue  # also Kota Yogyakarta: see test_yogyakarta_is_resolved_by_level
        assert regions.pemda(variant).code == code, variant


def test_yogyakarta_is_resolved_by_level() -> None:
    assert regions.province("Yogyakarta").code == "34"
    with pytest.raises(AmbiguousNameError) as caught:
        regions.pemda("Yogyakarta")
    assert caught.value.candidates == ("Provinsi Daerah Istimewa Yogyakarta", "Kota Yogyakarta")
    assert regions.pemda("Kota Yogyakarta").code == "34.71"
    assert regions.pemda("Provinsi Yogyakarta").code == "34"
    assert regions.pemda("Jogja").code == "34.71"


def test_kota_baru_is_kabupaten_kotabaru() -> None:
    kotabaru = regions.pemda("Kota Baru")
    assert (kotabaru.code, kotabaru.kind) == ("63.02", PemdaKind.KABUPATEN)
    assert regions.pemda("Kabupaten Kotabaru") is kotabaru
    assert regions.pemda("Kota Mobagu").code == "71.74"
    assert regions.pemda("Kota Waringin Timur").code == "62.02"
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda("Kota Kotabaru")
    assert caught.value.suggestions == ("Kabupaten Kotabaru",)


def test_kepulauan_riau_is_not_riau() -> None:
    assert regions.province("Kepulauan Riau").code == "21"
    assert regions.province("Kep. Riau").code == "21"
    assert regions.province("Riau").code == "14"
    assert regions.pemda("Riau").code == "14"


def test_prefixed_variant_counts_only_with_its_prefix() -> None:
    assert regions.pemda("Pontianak").code == "61.71"
    assert regions.pemda("Kabupaten Pontianak").code == "61.02"
    assert regions.pemda("Kab. Pontianak").code == "61.02"
    assert regions.pemda("Pemkot Pontianak").code == "61.71"


def test_former_papua_codes_resolve_to_the_current_pemda() -> None:
    rows = _package_csv("former_codes.csv")
    assert len(rows) == 26
    for row in rows:
        current = regions.pemda(row["old_code"])
        assert current.code == row["new_code"]
        assert current.full_name == row["regency"]
        assert regions.pemda(row["old_code"].replace(".", "")) is current
    assert regions.pemda("91.01").full_name == "Kabupaten Merauke"
    assert regions.pemda("91.01").code == "93.01"
    # Kota Sorong was in Papua Barat under code 92.71.
    assert regions.pemda("Sorong", kind="kota", province="Papua Barat").code == "96.71"
    assert regions.pemda("Sorong", kind="kota", province="Papua Barat Daya").code == "96.71"
    assert regions.pemda("92.71") not in regions.pemdas(province="Papua Barat")


def _outcome(lookup: Any, query: object) -> object:
    """The lookup's result, or ``None`` when the name is ambiguous."""
    try:
        return lookup(query)
    except AmbiguousNameError:
        return None


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("Banjar", ("Kota Banjar", "Kabupaten Banjar")),
        ("Gorontalo", ("Provinsi Gorontalo", "Kabupaten Gorontalo", "Kota Gorontalo")),
        ("Serang", ("Kabupaten Serang", "Kota Serang")),
        ("Jambi", ("Provinsi Jambi", "Kota Jambi")),
        ("Bengkulu", ("Provinsi Bengkulu", "Kota Bengkulu")),
        ("pemda  SORONG", ("Kabupaten Sorong", "Kota Sorong")),
    ],
)
def test_ambiguous_names_list_their_candidates(text: str, candidates: tuple[str, ...]) -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        regions.pemda(text)
    err = caught.value
    assert err.query == text
    assert err.candidates == candidates
    assert isinstance(err, ValueError)
    for name in candidates:
        assert name in str(err)
        assert regions.pemda(name).full_name == name


def test_narrowing_settles_ambiguous_names() -> None:
    assert str(regions.pemda("Banjar", province="Kalsel")) == "Kabupaten Banjar"
    assert str(regions.pemda("Banjar", province=regions.province("Jawa Barat"))) == "Kota Banjar"
    assert str(regions.pemda("Gorontalo", kind=PemdaKind.KOTA)) == "Kota Gorontalo"
    with pytest.raises(AmbiguousNameError) as caught:
        regions.pemda("Gorontalo", province="Gorontalo")
    assert len(caught.value.candidates) == 3


def test_the_ambiguous_names_are_exactly_the_known_ones() -> None:
    ambiguous = {p.name for p in regions.pemdas() if _outcome(regions.pemda, p.name) is None}
    assert ambiguous == {*SHARED_KAB_KOTA_NAMES, "Jambi", "Bengkulu", "Yogyakarta"}


def test_narrowing_that_excludes_every_match_suggests_the_excluded_ones() -> None:
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda("Serang", province="Jabar")
    assert caught.value.suggestions == ("Kabupaten Serang", "Kota Serang")
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda("Kota Serang", kind=PemdaKind.KABUPATEN)
    assert caught.value.suggestions == ("Kota Serang",)
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda("74.13", kind="kota")
    assert caught.value.suggestions == ("Kabupaten Muna Barat",)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Muna Barta", "Kabupaten Muna Barat"),
        ("Kab. Muna Bart", "Kabupaten Muna Barat"),
        ("Serdang Bedagi", "Kabupaten Serdang Bedagai"),
        ("Sulawesi Tengara", "Provinsi Sulawesi Tenggara"),
        ("Tanjung Balai Karimun", "Kota Tanjungbalai"),
    ],
)
def test_unknown_names_suggest_close_matches(text: str, suggestion: str) -> None:
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda(text)
    err = caught.value
    assert (err.query, err.level) == (text, "pemda")
    assert suggestion in err.suggestions
    assert repr(suggestion) in str(err)
    for name in err.suggestions:
        assert regions.pemda(name).full_name == name


def test_province_lookup_errors() -> None:
    with pytest.raises(UnknownRegionError) as caught:
        regions.province("Sulawesi Tengara")
    assert caught.value.level == "province"
    assert caught.value.suggestions[0] == "Provinsi Sulawesi Tenggara"
    # A kabupaten or kota is not a province, but its province is suggested.
    for text in ("74.13", "Kab. Muna Barat", "Kota Serang", "Jogja"):
        with pytest.raises(UnknownRegionError) as caught:
            regions.province(text)
        assert len(caught.value.suggestions) == 1
        assert caught.value.suggestions[0].startswith("Provinsi ")
    with pytest.raises(UnknownRegionError):
        regions.province("99")


@pytest.mark.parametrize(
    "junk",
    [
        None,
        True,
        False,
        7413,
        74,
        74.13,
        float("nan"),
        Decimal("sNaN"),
        10**100,
        [],
        ["74"],
        ("74",),
        {"code": "74"},
        b"74.13",
        object(),
    ],
)
def test_junk_types_raise_unknown_region_error(junk: object) -> None:
    for lookup in (regions.pemda, regions.province):
        with pytest.raises(UnknownRegionError) as caught:
            lookup(junk)
        assert caught.value.query is junk
        assert isinstance(caught.value, ValueError)
        assert repr(junk)[:20] in str(caught.value)


def test_an_int_code_suggests_its_text_form() -> None:
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda(7413)
    assert caught.value.suggestions == ("7413",)
    flag: object = True
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda(flag)
    assert caught.value.suggestions == ()


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Kabupaten", "Kota", "Pemda", "Provinsi", "74.99", "99", "9999", "7", "74.1", "-"],
)
def test_empty_or_unknown_text_raises_unknown_region_error(text: str) -> None:
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda(text)
    assert caught.value.query == text
    assert repr(text) in str(caught.value)


def test_bad_filter_arguments() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        regions.pemda("Serang", kind="kab")
    assert caught.value.argument == "kind"
    with pytest.raises(InvalidArgumentError):
        regions.pemdas(kind=1)
    with pytest.raises(InvalidArgumentError) as caught:
        regions.pemda("Serang", province=36)
    assert caught.value.argument == "province"
    with pytest.raises(InvalidArgumentError):
        regions.provincial_government(None)
    with pytest.raises(UnknownRegionError):
        regions.pemdas(province="Atlantis")
    with pytest.raises(UnknownRegionError):
        regions.pemdas(province=Province(code="99", name="Atlantis"))


# --- properties ----------------------------------------------------------------------------

_SEPARATORS = st.sampled_from([" ", "  ", "-", " - ", ". ", "\u00a0"])


@given(ops.pemdas(), st.data())
def test_case_spacing_and_hyphens_do_not_matter(target: Pemda, data: st.DataObject) -> None:
    words = target.full_name.split()
    cased = [data.draw(st.sampled_from([w, w.upper(), w.lower(), w.title()])) for w in words]
    text = cased[0]
    for word in cased[1:]:
        text += data.draw(_SEPARATORS) + word
    assert regions.pemda(f"  {text} ") == target


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.decimals(),
        st.binary(max_size=10),
        st.lists(st.text(max_size=5), max_size=3),
        st.text(max_size=40),
        st.from_regex(r"[0-9]{2}[. ]?[0-9]{0,2}", fullmatch=True),
    )
)
def test_junk_raises_only_documented_errors(junk: object) -> None:
    for lookup in (regions.pemda, regions.province):
        outcome = _junk_outcome(lookup, junk)
        if isinstance(outcome, (UnknownRegionError, AmbiguousNameError)):
            assert outcome.query is junk
        else:
            assert isinstance(outcome, (Pemda, Province))
            assert isinstance(junk, str)


def _junk_outcome(lookup: Any, junk: object) -> object:
    """The lookup's result or the opinipp lookup error it raised; anything else propagates."""
    try:
        return lookup(junk)
    except (UnknownRegionError, AmbiguousNameError) as err:
        return err


# --- published results ---------------------------------------------------------------------


def _published_results() -> list[dict[str, str]]:
    bundled = resources.files("opinipp") / "data" / "published_results.csv"
    text = (
        bundled.read_text(encoding="utf-8")
        if bundled.is_file()
        else SHARED_PUBLISHED_RESULTS.read_text(encoding="utf-8")
    )
    return list(csv.DictReader(io.StringIO(text)))


def _was_in(pemda: Pemda, province: Province) -> bool:
    """Whether ``pemda`` is, or under a former code was, in ``province``."""
    if pemda.province == province:
        return True
    return any(
        row["new_code"] == pemda.code and row["old_code"][:2] == province.code
        for row in _package_csv("former_codes.csv")
    )


def test_every_name_in_the_published_results_resolves() -> None:
    rows = _published_results()
    assert len(rows) >= 600
    checked = 0
    for row in rows:
        where = f"{row['year']} {row['entity_name']!r}"
        province = regions.province(row["province"]) if row["province"] else None
        if row["entity_kind"] in {"provinsi", "kabupaten", "kota"}:
            found = regions.pemda(row["entity_name"])
            assert found.kind.value == row["entity_kind"], where
            assert province is not None, where
            assert _was_in(found, province), where
            checked += 1
        if row["parent_pemda"]:
            parent = regions.pemda(row["parent_pemda"])
            assert province is not None, where
            assert parent.province == province, where
            checked += 1
    assert checked >= 550


def test_published_results_spot_checks() -> None:
    assert regions.pemda("Kabupaten Toba Samosir").code == "12.12"
    assert regions.pemda("Provinsi DKI Jakarta").code == "31"
    assert regions.province("DKI Jakarta").code == "31"
    assert regions.pemda("Kota Administrasi Jakarta Barat").code == "31.73"
    assert regions.pemda("Kota Palangka Raya").code == "62.71"
    assert regions.pemda("Kabupaten Tojo Una-Una").code == "72.09"


# --- pickling and hashing ------------------------------------------------------------------


def _entities() -> list[object]:
    mubar = regions.pemda("Kabupaten Muna Barat")
    banten = regions.provincial_government("Banten")
    return [
        regions.province("Sultra"),
        mubar,
        banten,
        regions.pemda("Kota Serang"),
        Instansi(
            name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN, abbreviation="Kemlu"
        ),
        OPD(pemda=mubar, kind=OPDKind.DPMPTSP),
        OPD(pemda=mubar, kind=OPDKind.OTHER, name="Bappeda"),
        Puskesmas(name="Puskesmas Tiworo", pemda=mubar),
        Rsud(name="RSUD Banten", pemda=banten),
    ]


def test_every_entity_pickles_and_hashes() -> None:
    entities = _entities()
    assert {type(e) for e in entities} == {Province, Pemda, Instansi, OPD, Puskesmas, Rsud}
    for entity in entities:
        copy = pickle.loads(pickle.dumps(entity))
        assert type(copy) is type(entity)
        assert copy == entity
        assert hash(copy) == hash(entity)
        assert repr(copy) == repr(entity)
        assert str(copy) == str(entity)
    assert len(set(entities)) == len(entities)
    lookup = {e: i for i, e in enumerate(entities)}
    assert lookup[regions.pemda("74.13")] == 1


def _error_samples() -> list[BaseException]:
    with pytest.raises(AmbiguousNameError) as ambiguous:
        regions.pemda("Banjar")
    with pytest.raises(UnknownRegionError) as unknown:
        regions.pemda("Muna Barta")
    mubar = regions.pemda("74.13")
    row = errors.RowError(3, "score", "x", "not a number")
    return [
        ambiguous.value,
        unknown.value,
        errors.DuplicateEntityError(mubar, "National(kabupaten)"),
        errors.InvalidArgumentError("kind", "kab", "a PemdaKind"),
        errors.InvalidDataError("bad file", [row, errors.RowError(4, None, "", "empty row")]),
        errors.InvalidEntityError("Pemda", "code", "74.1", "a dotted code such as '74.13'"),
        errors.InvalidScoreError("100.5", "above 100.00"),
        errors.InvalidTextError("4 Febuari 2025", "a date", "unknown month"),
        errors.MissingExtraError("pandas", "pandas"),
        errors.MixedYearsError([2023, 2022]),
        errors.NotApplicableError("the Tanpa Maladministrasi qualifier", 2023, "2025 on"),
        errors.OpinippError("something went wrong"),
        errors.OutOfScopeError(mubar, "Provinsi Banten", "kab/kota of Banten"),
        row,
        errors.RulesNotAvailableError(2020, [2019, 2021], "no assessment was held"),
        errors.OpinippWarning("a warning"),
    ]


def test_every_error_class_pickles_with_its_message_and_attributes() -> None:
    samples = _error_samples()
    exported = {
        getattr(errors, name) for name in errors.__all__ if isinstance(getattr(errors, name), type)
    }
    assert {type(e) for e in samples} == exported
    for err in samples:
        copy = pickle.loads(pickle.dumps(err))
        assert type(copy) is type(err)
        assert str(copy) == str(err)
        assert hash(copy) == hash(copy)  # hashable
        assert hash(err) == hash(err)
        if isinstance(err, errors.InvalidDataError):
            assert isinstance(copy, errors.InvalidDataError)
            assert copy.message == err.message
            assert copy.messages() == err.messages()
            assert [type(e) for e in copy.exceptions] == [type(e) for e in err.exceptions]
        else:
            assert copy.args == err.args
            assert vars(copy) == vars(err)


def test_lookup_errors_keep_their_attributes_through_pickle() -> None:
    for text, kind in (("Gorontalo", AmbiguousNameError), ("Kota Kotabaru", UnknownRegionError)):
        with pytest.raises(kind) as caught:
            regions.pemda(text)
        copy = pickle.loads(pickle.dumps(caught.value))
        assert copy.query == text
        if isinstance(copy, AmbiguousNameError):
            assert copy.candidates == (
                "Provinsi Gorontalo",
                "Kabupaten Gorontalo",
                "Kota Gorontalo",
            )
        else:
            assert copy.suggestions == ("Kabupaten Kotabaru",)


# --- laziness ------------------------------------------------------------------------------

_LAZINESS_PROBE = textwrap.dedent(
    """
    import sys

    opened = []

    def audit(event, args):
        if event == "open" and str(args[0]).endswith(".csv"):
            opened.append(str(args[0]))

    sys.addaudithook(audit)
    import opinipp
    import opinipp.regions
    from opinipp import regions
    print(len(opened), int(regions._index.built))
    regions.pemda("Muna Barat")
    print(len(opened), int(regions._index.built))
    """
)


def test_importing_reads_no_file() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _LAZINESS_PROBE],
        capture_output=True,
        text=True,
        check=True,
    )
    before, after = result.stdout.split("\n")[:2]
    assert before == "0 0"
    # The probe does see the files once a lookup needs them.
    assert after == "5 1"


def test_a_huge_int_is_an_unknown_region_not_a_conversion_error() -> None:
    huge = 10**5000  # beyond int -> str conversion (sys.get_int_max_str_digits())
    for lookup in (regions.pemda, regions.province):
        with pytest.raises(UnknownRegionError) as caught:
            lookup(huge)
        assert caught.value.query is huge
        assert caught.value.suggestions == ()
        assert "<int of 16610 bits>" in str(caught.value)


def test_a_str_subclass_is_looked_up_by_its_real_text() -> None:
    from fuzz_junk import LyingStr, RaisingStr, WrongTypeStr

    assert regions.pemda(LyingStr(" 74.13 ")).code == "74.13"  # strip would say "hijau"
    assert regions.province(WrongTypeStr("Sultra")).code == "74"  # strip would say None
    assert regions.province(RaisingStr("Sulawesi Tenggara")).code == "74"
    assert regions.pemdas(province=RaisingStr("74"))[0].code == "74"
    with pytest.raises(UnknownRegionError) as caught:
        regions.province(WrongTypeStr("Atlantis"))
    assert caught.value.query == "Atlantis"
    assert type(caught.value.query) is str


def test_an_int_subclass_is_read_by_its_value() -> None:
    from fuzz_junk import LyingInt, RaisingInt

    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda(RaisingInt(7413))
    assert caught.value.suggestions == ("7413",)
    with pytest.raises(UnknownRegionError) as caught:
        regions.pemda(LyingInt(7413))  # its __index__ says -1
    assert caught.value.suggestions == ("7413",)
    assert regions.regency_count("Bengkulu", RaisingInt(2023)) == 10
    assert regions.regency_count("Bengkulu", LyingInt(2023)) == 10
