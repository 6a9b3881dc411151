"""The bundled published results: every row loads, labels stay as printed, the audit."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest

from opinipp import regions
from opinipp.assessments import Assessment, PublishedResult
from opinipp.datasets import Disagreement, audit, published_results
from opinipp.entities import OPD, Instansi, OPDKind, Pemda, Puskesmas, Rsud
from opinipp.errors import InvalidArgumentError

if TYPE_CHECKING:
    from pathlib import Path

_FILE = "published_results.csv"
_UNIT_KINDS = {"opd", "puskesmas", "rsud"}


def _rows(filename: str) -> list[dict[str, str]]:
    text = (resources.files("opinipp") / "data" / filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


ROWS = _rows(_FILE)
RESULTS = published_results()


def _find(name: str, year: int) -> Assessment:
    (found,) = [a for a in RESULTS if str(a.entity) == name and a.year == year]
    return found


def test_every_row_becomes_one_assessment() -> None:
    assert len(RESULTS) == len(ROWS) == 683
    assert published_results() is RESULTS


def test_the_package_data_is_documented() -> None:
    data = resources.files("opinipp") / "data"
    readme = (data / "published_results.md").read_text(encoding="utf-8")
    assert "Puskesmas Kecamatan Kembangan 2022" in readme
    assert "published_results.csv" in (data / "LICENSE-DATA.md").read_text(encoding="utf-8")


def test_zero_unresolved_entities_and_kinds_as_printed() -> None:
    for row, a in zip(ROWS, RESULTS, strict=True):
        assert a.year == int(row["year"])
        assert a.entity.entity_kind.value == row["entity_kind"]
        entity = a.entity
        if isinstance(entity, Pemda):
            assert entity == regions.pemda(row["entity_name"], kind=row["entity_kind"])
            # The province as printed, or the one it belonged to then (the 2022 Papua split).
            assert entity == regions.pemda(
                row["entity_name"], kind=row["entity_kind"], province=row["province"]
            )
        elif isinstance(entity, Instansi):
            assert entity.name == row["entity_name"]
            assert not row["province"]
        else:
            assert isinstance(entity, (OPD, Puskesmas, Rsud))
            assert entity.pemda == regions.pemda(row["parent_pemda"], province=row["province"])


def test_unit_names_are_their_own() -> None:
    for row, a in zip(ROWS, RESULTS, strict=True):
        if row["entity_kind"] not in _UNIT_KINDS:
            continue
        entity = a.entity
        assert isinstance(entity, (OPD, Puskesmas, Rsud))
        own = entity.unit_name if isinstance(entity, OPD) else entity.name
        printed = row["entity_name"]
        assert printed == own
        assert not printed.endswith(" " + row["parent_pemda"])
    dpmptsp = _find("DPMPTSP Kota Tangerang", 2021).entity
    assert isinstance(dpmptsp, OPD)
    assert (dpmptsp.kind, dpmptsp.name, dpmptsp.pemda) == (
        OPDKind.DPMPTSP,
        "DPMPTSP",
        regions.pemda("Kota Tangerang"),
    )
    rembang_dinsos = _find(
        "Dinas Sosial, Pemberdayaan Perempuan dan Keluarga Berencana Kabupaten Rembang", 2024
    )
    assert isinstance(rembang_dinsos.entity, OPD)
    assert rembang_dinsos.entity.kind is OPDKind.DINSOS
    assert str(rembang_dinsos.score) == "100.00"


def test_published_labels_ranks_notes_and_sources_are_kept_exactly() -> None:
    for row, a in zip(ROWS, RESULTS, strict=True):
        published = a.published or PublishedResult()
        assert (published.zone or "") == row["zone_published"]
        assert (published.category or "") == row["category_published"]
        assert (published.opinion or "") == row["opinion_published"]
        assert (published.note or "") == row["note"]
        for field in ("rank_national", "rank_national_of", "rank_province", "rank_province_of"):
            value = getattr(published, field)
            assert ("" if value is None else str(value)) == row[field]
        assert (a.source or "") == row["source_url"]
        assert (a.score is None) == (row["score"] == "")


def test_rows_without_a_public_page_have_no_source_and_say_so() -> None:
    unsourced = [a for a in RESULTS if a.source is None]
    assert sorted((str(a.entity), a.year) for a in unsourced) == [
        ("Kabupaten Mukomuko", 2022),
        ("Kabupaten Mukomuko", 2023),
        ("Kabupaten Muna Barat", 2022),
        ("Kabupaten Muna Barat", 2023),
        ("Kabupaten Serdang Bedagai", 2021),
    ]
    for a in unsourced:
        assert a.published is not None
        assert a.published.note is not None
        assert a.published.note.startswith("No public page with this")


def test_muna_barat_2021_to_2023_as_published() -> None:
    found = {a.year: a for a in RESULTS if str(a.entity) == "Kabupaten Muna Barat"}
    a21, a22, a23 = found[2021], found[2022], found[2023]
    assert [str(a.score) for a in (a21, a22, a23)] == ["34.19", "69.17", "81.84"]
    assert a21.published is not None
    assert (a21.published.zone, a21.published.opinion) == ("merah", "kualitas rendah")
    assert (a21.published.rank_national, a21.published.rank_province) == (381, 15)
    assert a22.published is not None
    assert (a22.published.zone, a22.published.category, a22.published.opinion) == (
        "kuning",
        "C",
        "kualitas sedang",
    )
    assert (a22.published.rank_national, a22.published.rank_province) == (249, 1)
    assert a23.published is not None
    assert (a23.published.zone, a23.published.opinion) == ("hijau", "kualitas tinggi")
    assert (a23.published.rank_national, a23.published.rank_national_of) == (222, 415)
    assert [a.grade.zone.value for a in (a21, a22, a23) if a.grade.zone] == [
        "merah",
        "kuning",
        "hijau",
    ]


def test_the_2025_qualifier_comes_from_the_published_opinion() -> None:
    for a in RESULTS:
        opinion = (a.published.opinion or "") if a.published else ""
        if "tanpa maladministrasi" in opinion.lower():
            assert a.year == 2025
            assert a.tanpa_maladministrasi is True
        else:
            assert a.tanpa_maladministrasi is None
    bolmong = _find("Kabupaten Bolaang Mongondow", 2025)
    assert bolmong.grade.opinion == "Kualitas Tinggi Tanpa Maladministrasi"
    morotai = _find("Kabupaten Pulau Morotai", 2025)
    assert morotai.grade.opinion == "Kualitas Rendah"


def test_reading_the_bundled_file_gives_the_published_results(tmp_path: Path) -> None:
    from opinipp.serialization import read_csv

    bundled = resources.files("opinipp") / "data" / _FILE
    copy = tmp_path / _FILE
    copy.write_bytes(bundled.read_bytes())
    read = read_csv(copy)
    assert len(read) == 683
    assert read == RESULTS
    assert [str(a.entity) for a in read] == [str(a.entity) for a in RESULTS]
    assert [a.tanpa_maladministrasi for a in read] == [a.tanpa_maladministrasi for a in RESULTS]


def test_the_bundled_file_is_one_file() -> None:
    data = resources.files("opinipp") / "data"
    assert not (data / "published_results_supplement.csv").is_file()


def test_kembangan_comes_last_with_its_source() -> None:
    kembangan = RESULTS[-1]
    assert str(kembangan.entity) == "Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)"
    assert (kembangan.year, str(kembangan.score)) == (2022, "89.11")
    assert kembangan.published is not None
    assert kembangan.published.category == "B"
    assert kembangan.source is not None
    assert kembangan.source.startswith("https://barat.jakarta.go.id/")


# ---------------------------------------------------------------------------------------
# The audit

EXPECTED_DISAGREEMENTS = [
    ("Provinsi Banten", 2018, "zone", "zona hijau", "kuning"),
    ("Provinsi Banten", 2018, "opinion", "predikat tinggi", "Kepatuhan Sedang"),
    ("Kabupaten Gorontalo Utara", 2023, "zone", "zona hijau", "kuning"),
    ("Kabupaten Gorontalo Utara", 2023, "category", "D", "C"),
    ("Kabupaten Bolaang Mongondow", 2023, "opinion", "Kualitas Tinggi", "Kualitas Tertinggi"),
    ("Kota Ambon", 2025, "zone", "Zona Hijau", None),
    ("Dinas Sosial Kota Ambon", 2025, "opinion", "kualitas tinggi", "Kualitas Sedang"),
    ("Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)", 2022, "category", "B", "A"),
    (
        "Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)",
        2022,
        "opinion",
        "opini kualitas tinggi",
        "Kualitas Tertinggi",
    ),
]


def test_audit_lists_exactly_the_documented_anomalies() -> None:
    found = audit()
    assert [
        (str(d.assessment.entity), d.assessment.year, d.field, d.published, d.computed)
        for d in found
    ] == EXPECTED_DISAGREEMENTS
    assert all(d.known_anomaly for d in found)


def test_audit_contains_the_three_required_cases() -> None:
    keys = {(str(d.assessment.entity), d.assessment.year) for d in audit()}
    assert ("Provinsi Banten", 2018) in keys
    assert ("Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)", 2022) in keys
    assert ("Kabupaten Gorontalo Utara", 2023) in keys


def test_disagreement_reads_well() -> None:
    banten = audit()[0]
    assert str(banten) == (
        "Provinsi Banten 2018, score 80.74: zone 'zona hijau' published, the rules give "
        "'kuning' (known anomaly)"
    )
    assert banten.known_anomaly is not None
    assert "81.00" in banten.known_anomaly


MUBAR = regions.pemda("Kab. Muna Barat")


@pytest.mark.parametrize(
    ("published", "year", "score", "expected"),
    [
        (PublishedResult(zone="green zone"), 2023, "81.84", []),
        (PublishedResult(zone="ZONASI HIJAU"), 2023, "81.84", []),
        (PublishedResult(zone="red zone"), 2023, "81.84", [("zone", "hijau")]),
        (PublishedResult(zone="zona abu-abu"), 2023, "81.84", [("zone", "hijau")]),
        (PublishedResult(zone="hijau kuning"), 2023, "81.84", [("zone", "hijau")]),
        (PublishedResult(category="kategori B"), 2023, "81.84", []),
        (PublishedResult(category="A"), 2023, "81.84", [("category", "B")]),
        (PublishedResult(category="B"), 2021, "81.84", [("category", None)]),
        (PublishedResult(opinion="Opini Kualitas Tinggi"), 2023, "81.84", []),
        (PublishedResult(opinion="buruk"), 2018, "40.00", [("opinion", "Kepatuhan Rendah")]),
        (PublishedResult(opinion="tingkat kepatuhan rendah"), 2018, "40.00", []),
        (PublishedResult(opinion="Baik"), 2025, "80.01", []),
        (PublishedResult(opinion="Sangat Baik"), 2025, "80.01", [("opinion", "Baik")]),
        (PublishedResult(note="no labels"), 2023, "81.84", []),
    ],
)
def test_audit_of_given_assessments(
    published: PublishedResult, year: int, score: str, expected: list[tuple[str, str | None]]
) -> None:
    a = Assessment(MUBAR, year, score, published=published)
    found = audit([a])
    assert [(d.field, d.computed) for d in found] == expected
    assert all(d.known_anomaly is None for d in found)


def test_audit_checks_the_2025_qualifier() -> None:
    plain = Assessment(MUBAR, 2025, "65.98", published=PublishedResult(opinion="Kualitas Sedang"))
    qualified = Assessment(
        MUBAR,
        2025,
        "65.98",
        tanpa_maladministrasi=True,
        published=PublishedResult(opinion="Kualitas Sedang Tanpa Maladministrasi"),
    )
    assert audit([plain, qualified]) == ()
    mismatch = Assessment(
        MUBAR,
        2025,
        "65.98",
        published=PublishedResult(opinion="Kualitas Sedang Tanpa Maladministrasi"),
    )
    (d,) = audit([mismatch])
    assert (d.field, d.computed) == ("opinion", "Kualitas Sedang")


def test_audit_skips_assessments_without_score_or_labels() -> None:
    assert audit([Assessment(MUBAR, 2023, None, published=PublishedResult(zone="merah"))]) == ()
    assert audit([Assessment(MUBAR, 2023, "1")]) == ()
    assert audit([]) == ()


@pytest.mark.parametrize("junk", ["Muna Barat", 5, [None], Assessment(MUBAR, 2023, "1")])
def test_audit_rejects_junk(junk: Any) -> None:
    with pytest.raises(InvalidArgumentError):
        audit(junk)


def test_disagreement_is_frozen() -> None:
    d = audit()[0]
    assert isinstance(d, Disagreement)
    with pytest.raises(AttributeError):
        d.field = "category"  # type: ignore[misc]


def test_importing_the_modules_reads_no_data_and_imports_no_pandas() -> None:
    probe = """
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and "opinipp" in args[0]:
        if not args[0].endswith((".py", ".pyc")):
            opened.append(args[0])
sys.addaudithook(hook)
import opinipp.datasets, opinipp.serialization, opinipp.frames
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"pandas", "numpy", "hypothesis"})
print(json.dumps({"opened": opened, "heavy": heavy}))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == {"opened": [], "heavy": []}
