"""The opinipp command: every command through a subprocess, text and JSON, bad input, help."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp import strategies as ops
from opinipp.cli import main
from opinipp.errors import InvalidArgumentError
from opinipp.scores import Score
from opinipp.serialization import from_json
from opinipp.zoning import Grade, classify

ROOT = Path(__file__).resolve().parent.parent
SULTRA_2022 = ROOT / "examples" / "data" / "sultra_2022.csv"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}


def run(*args: str, module: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``python -m opinipp ARGS`` (or the ``opinipp`` script) and capture its output."""
    if module:
        command = [sys.executable, "-m", "opinipp", *args]
    else:
        command = [str(Path(sys.executable).parent / "opinipp"), *args]
    return subprocess.run(
        command, capture_output=True, text=True, env=ENV, cwd=ROOT, check=False, timeout=60
    )


def ok(*args: str) -> list[str]:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def ok_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def bad(*args: str, in_process: bool = False) -> str:
    """Assert exit status 2, nothing on stdout, one line on stderr; return that line.

    The parametrized cases run in process (fast); every command also has cases run through
    a subprocess.
    """
    if in_process:
        status, out, err = call(*args)
    else:
        result = run(*args)
        status, out, err = result.returncode, result.stdout, result.stderr
    assert status == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("opinipp: error: ")
    return lines[0]


def call(*args: str) -> tuple[int, str, str]:
    """Run main() in this process (fast, for property tests)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------------------------------
# classify


def test_classify_in_indonesian_by_default() -> None:
    assert ok("classify", "81.84", "--year", "2023") == [
        "81,84 pada 2023: zona hijau, kategori B, Kualitas Tinggi",
        "rentang 78,00–87,99 menurut aturan opini-pengawasan-2022",
    ]


def test_classify_in_english_and_with_a_decimal_comma() -> None:
    assert ok("classify", "69,17", "--year", "2022", "--lang", "en") == [
        "69.17 in 2022: zona kuning (yellow), category C, Kualitas Sedang (Medium quality)",
        "band 54.00–77.99 of the opini-pengawasan-2022 rules",
    ]


def test_classify_2021_gives_a_zone_and_a_predikat() -> None:
    assert ok("classify", "34.19", "--year", "2021")[0] == (
        "34,19 pada 2021: zona merah, Kepatuhan Rendah"
    )


def test_classify_2025_with_the_qualifier() -> None:
    lines = ok("classify", "65.98", "--year", "2025", "--tanpa-maladministrasi")
    assert lines[0] == "65,98 pada 2025: Cukup, Kualitas Sedang Tanpa Maladministrasi"


def test_classify_json() -> None:
    data = ok_json("classify", "81.84", "--year", "2023")
    assert data["command"] == "classify"
    assert data["score"] == "81.84"
    assert data["year"] == 2023
    grade = data["grade"]
    assert (grade["zone"], grade["category"], grade["opinion"]) == ("hijau", "B", "Kualitas Tinggi")
    assert (grade["lower"], grade["upper"]) == ("78.00", "87.99")
    assert grade["scheme"] == "opini-pengawasan-2022"
    assert grade["opinion_en"] == "High quality"
    assert from_json(json.dumps(grade), Grade) == classify("81.84", 2023)


def test_json_is_the_same_in_both_languages() -> None:
    args = ("show", "Kabupaten Muna Barat")
    assert ok_json(*args, "--lang", "id") == ok_json(*args, "--lang", "en")


def test_options_go_before_or_after_the_command() -> None:
    assert ok("--lang", "en", "classify", "88.00", "--year", "2024") == ok(
        "classify", "88.00", "--year", "2024", "--lang", "en"
    )
    data = json.loads(run("--json", "classify", "87.99", "--year", "2024").stdout)
    assert data["grade"]["category"] == "B"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("classify", "abc", "--year", "2023"), "SCORE 'abc': not a score: not a decimal number"),
        (("classify", "101", "--year", "2023"), "SCORE '101': not a score: above 100;"),
        (("classify", "81.845", "--year", "2023"), "more than two decimals (round it first"),
        (("classify", "81.84", "--year", "2020"), "--year 2020: no assessment was held in 2020"),
        (("classify", "81.84", "--year", "2030"), "no assessment rules for year 2030"),
        (("classify", "81.84", "--year", "20x3"), "--year '20x3': not a year"),
        (("classify", "81.84"), "the following arguments are required: --year"),
        (
            ("classify", "81.84", "--year", "2023", "--tanpa-maladministrasi"),
            (
                "--tanpa-maladministrasi: the 'Tanpa Maladministrasi' qualifier does not apply "
                "to 2023, only to 2025"
            ),
        ),
        (("classify", "80", "--year", "2015"), "above 75, the top of the 2015 scale (0–75)"),
    ],
)
def test_classify_bad_input(args: tuple[str, ...], message: str) -> None:
    line = bad(*args, "--lang", "en", in_process=True)
    assert message in line
    assert "Score.rounded" not in line
    assert "tanpa_maladministrasi" not in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("classify", "abc", "--year", "2023"), "SCORE 'abc': bukan nilai: bukan angka desimal"),
        (("gap", "-1", "--year", "2023"), "SCORE '-1': bukan nilai: nilai tidak pernah negatif"),
        (("classify", "80", "--year", "2015"), "di atas 75, batas atas skala 2015 (0–75)"),
        (("classify", "81.84", "--year", "2020"), "--year 2020: tidak ada penilaian pada 2020"),
        (("classify", "81.84"), "argumen wajib belum diberikan: --year (lihat 'opinipp"),
        (
            ("classify", "81.84", "--year", "2023", "--tanpa-maladministrasi"),
            (
                "--tanpa-maladministrasi: kualifikasi 'Tanpa Maladministrasi' tidak berlaku "
                "pada 2023, hanya pada 2025"
            ),
        ),
        (("years", "--colour"), "argumen tidak dikenal: --colour"),
    ],
)
def test_errors_are_in_indonesian_by_default(args: tuple[str, ...], message: str) -> None:
    assert message in bad(*args, in_process=True)


def test_classify_bad_input_through_a_subprocess() -> None:
    assert "--year 2020: tidak ada penilaian pada 2020" in bad(
        "classify", "81.84", "--year", "2020"
    )


# ---------------------------------------------------------------------------------------
# gap


def test_gap_to_the_next_tier() -> None:
    assert ok("gap", "81.84", "--year", "2023") == [
        "81,84 pada 2023: kurang 6,16 menuju A (Kualitas Tertinggi)"
    ]
    assert ok("gap", "81.84", "--year", "2023", "--lang", "en") == [
        "81.84 in 2023: 6.16 short of A (Kualitas Tertinggi)"
    ]


def test_gap_at_the_top() -> None:
    assert ok("gap", "93.46", "--year", "2024") == [
        "93,46 pada 2024: sudah di tingkat tertinggi, A (Kualitas Tertinggi)"
    ]
    data = ok_json("gap", "93.46", "--year", "2024")
    assert data["gap"] is None
    assert data["grade"]["category"] == "A"


def test_gap_to_a_target() -> None:
    assert ok("gap", "60.35", "--year", "2022", "--target", "Kualitas Tertinggi") == [
        "60,35 pada 2022: kurang 27,65 menuju A (Kualitas Tertinggi)"
    ]
    assert ok("gap", "60.35", "--year", "2022", "--target", "hijau", "--lang", "en") == [
        "60.35 in 2022: 17.65 short of zona hijau (from 78.00)"
    ]
    assert ok("gap", "81.84", "--year", "2023", "--target", "Zona Hijau") == [
        "81,84 pada 2023: zona hijau (mulai 78,00) sudah tercapai"
    ]


def test_gap_json() -> None:
    data = ok_json("gap", "81.84", "--year", "2023", "--target", "A")
    assert data["command"] == "gap"
    assert data["target"] == "A"
    assert data["gap"]["points"] == "6.16"
    assert data["gap"]["reached"] is False
    assert data["gap"]["target"]["lower"] == "88.00"
    assert data["gap"]["target"]["category"] == "A"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gap", "81.84", "--year", "2023", "--target", "X"), "--target 'X': not a target in 2023"),
        (("gap", "65.98", "--year", "2025", "--target", "hijau"), "the 2025 rules have no zones"),
        (("gap", "-1", "--year", "2023"), "SCORE '-1': not a score: scores are not negative"),
        (("gap", "81.84", "--year", "2020"), "no assessment was held in 2020"),
    ],
)
def test_gap_bad_input(args: tuple[str, ...], message: str) -> None:
    assert message in bad(*args, "--lang", "en", in_process=True)


def test_gap_bad_input_through_a_subprocess() -> None:
    assert "--target 'X': bukan target pada 2023; target yang sah: 'A'" in bad(
        "gap", "81.84", "--year", "2023", "--target", "X"
    )


# ---------------------------------------------------------------------------------------
# rank


def test_rank_a_province_from_a_csv_file() -> None:
    assert ok("rank", str(SULTRA_2022), "--scope", "province:Sultra") == [
        "Peringkat kabupaten/kota se-Provinsi Sulawesi Tenggara, 2022",
        "Peringkat                Nilai  Entitas               Zona/kat.",
        "1 dari 4 yang diberikan  69,17  Kabupaten Muna Barat  kuning C",
        "2 dari 4 yang diberikan  65,54  Kabupaten Bombana     kuning C",
        "3 dari 4 yang diberikan  58,99  Kota Kendari          kuning C",
        "4 dari 4 yang diberikan  58,03  Kota Bau Bau          kuning C",
        "Sebagian: 4 dari 17 kabupaten/kota provinsi ini pada 2022.",
        "1 baris di luar cakupan dilewati.",
    ]
    data = ok_json("rank", str(SULTRA_2022), "--scope", "province:Sultra")
    assert (data["of"], data["official_of"], data["complete"]) == (4, 17, False)


def test_rank_with_the_provincial_government_in_english() -> None:
    lines = ok(
        "rank", str(SULTRA_2022), "--scope", "province+provinsi:Sulawesi Tenggara", "--lang", "en"
    )
    assert lines[-2:] == [
        "5 of the 5 given  55.01  Provinsi Sulawesi Tenggara  kuning C",
        "Partial: 5 of the province's 18 Pemda (with its government) in 2022.",
    ]


def test_rank_national_says_when_it_is_partial() -> None:
    lines = ok("rank", str(SULTRA_2022), "--scope", "national:kabupaten", "--lang", "en")
    assert "Partial: 2 of the 415 entities assessed in 2022." in lines
    data = ok_json("rank", str(SULTRA_2022), "--scope", "nasional:kabupaten")
    assert data["scope"] == "national:kabupaten"
    assert (data["of"], data["official_of"], data["complete"]) == (2, 415, False)
    assert data["skipped"] == {"outside_scope": 3, "without_score": 0}
    assert [(e["rank"], e["score"], e["entity"]["code"]) for e in data["entries"]] == [
        (1, "69.17", "74.13"),
        (2, "65.54", "74.06"),
    ]


def test_rank_json() -> None:
    data = ok_json("rank", str(SULTRA_2022), "--scope", "province:Sultra", "--year", "2022")
    assert data["command"] == "rank"
    assert data["year"] == 2022
    assert data["scope"] == "province:Sulawesi Tenggara"
    first = data["entries"][0]
    assert first["entity"] == {"kind": "kabupaten", "code": "74.13", "name": "Muna Barat"}
    assert first["entity_name"] == "Kabupaten Muna Barat"
    assert first["grade"]["category"] == "C"


def test_rank_a_file_of_several_years_needs_a_year(tmp_path: Path) -> None:
    mixed = tmp_path / "mubar.csv"
    mixed.write_text(
        "entity,kind,province,year,score\n"
        "Muna Barat,kabupaten,Sultra,2021,34.19\n"
        "Muna Barat,kabupaten,Sultra,2022,69.17\n",
        encoding="utf-8",
    )
    assert "holds assessments of several years [2021, 2022]" in bad(
        "rank", str(mixed), "--scope", "province:Sultra", "--lang", "en"
    )
    lines = ok("rank", str(mixed), "--scope", "province:Sultra", "--year", "2021")
    assert lines[-2:] == [
        "1 dari 1 yang diberikan  34,19  Kabupaten Muna Barat  merah",
        "Sebagian: 1 dari 17 kabupaten/kota provinsi ini pada 2021.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--scope", "national:kecamatan"), "--scope 'national:kecamatan': not a scope"),
        (("--scope", "kabupaten"), "--scope 'kabupaten': not a scope"),
        (("--scope", "province:Atlantis"), "--scope 'province:Atlantis': 'Atlantis': unknown"),
        (("--scope", "province:Jambi"), "no scored assessments in the scope"),
        (("--scope", "province:Sultra", "--year", "2021"), "--year 2021: not in"),
        (("--scope", "province:Sultra", "--year", "2020"), "no assessment was held in 2020"),
    ],
)
def test_rank_bad_input(args: tuple[str, ...], message: str) -> None:
    assert message in bad("rank", str(SULTRA_2022), *args, "--lang", "en", in_process=True)


def test_rank_bad_files(tmp_path: Path) -> None:
    assert "No such file or directory" in bad(
        "rank", str(tmp_path / "missing.csv"), "--scope", "national:kota", "--lang", "en"
    )
    broken = tmp_path / "broken.csv"
    broken.write_text(
        "entity,kind,province,year,score\n"
        "Muna Barat,kabupaten,Sultra,2020,34.19\n"
        "Muna Barta,kabupaten,Sultra,2022,69.17\n",
        encoding="utf-8",
    )
    line = bad("rank", str(broken), "--scope", "province:Sultra", "--lang", "en")
    assert "row 2, column 'year'" in line
    assert "row 3" in line
    line = bad("rank", str(broken), "--scope", "province:Sultra")
    assert "baris 2, kolom 'year'" in line
    assert "baris 3" in line


# ---------------------------------------------------------------------------------------
# show


def test_show_muna_barat() -> None:
    lines = ok("show", "Kabupaten Muna Barat")
    assert lines == [
        "Kabupaten Muna Barat (kode 74.13, Provinsi Sulawesi Tenggara)",
        "Tahun  Nilai  Zona    Kat.  Opini/predikat      Perubahan                  Peringkat",
        "2021   34,19  merah   –     Kepatuhan Rendah    –                          381 dari 416 kabupaten;",  # noqa: E501 - a whole output line
        "                                                                           15 dari 17 se-Sultra",  # noqa: E501 - a whole output line
        "2022   69,17  kuning  C     Kualitas Sedang     +34,98 (merah → kuning)    249 dari 415 kabupaten;",  # noqa: E501 - a whole output line
        "                                                                           1 dari 17 se-Sultra",  # noqa: E501 - a whole output line
        "2023   81,84  hijau   B     Kualitas Tinggi     +12,67 (kuning → hijau, C  222 dari 415 kabupaten",  # noqa: E501 - a whole output line
        "                                                → B)",
        "2024   93,46  hijau   A     Kualitas Tertinggi  +11,62 (B → A)             1 dari 17 se-Sultra",  # noqa: E501 - a whole output line
        "2021: sumber berbeda tentang peringkat se-provinsi: 15 (laporan pertama), 16 (telisik.id), 13",  # noqa: E501 - a whole output line
        "  (sultranesia.com)",
        "2021: sumber berbeda tentang jumlah se-provinsi: 17 (laporan pertama), 18 (haluanrakyat.com)",  # noqa: E501 - a whole output line
        "2022: sumber berbeda tentang nilai: 69.17 (laporan pertama), 69.72 (sultranesia.com), 69.27",  # noqa: E501 - a whole output line
        "  (haluanrakyat.com), 69.2 (telisik.id)",
        "2022: sumber berbeda tentang jumlah se-provinsi: 17 (laporan pertama), 15 (sultranesia.com)",  # noqa: E501 - a whole output line
        "Sumber: 2021 telisik.id; 2022 tanpa tautan; 2023 tanpa tautan; 2024 kominfo.munabarat.go.id",  # noqa: E501 - a whole output line
        "2024: sudah di tingkat tertinggi, A (Kualitas Tertinggi)",
    ]
    assert max(map(len, lines)) <= 100


def test_show_fits_a_wide_terminal_with_the_next_tier() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "opinipp", "show", "74.13", "--lang", "en"],
        capture_output=True,
        text=True,
        env={**ENV, "COLUMNS": "160"},
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    lines = result.stdout.splitlines()
    assert lines[1].endswith("Rank                                      To the next tier")
    assert lines[4].endswith("222 of 415 kabupaten                      6.16 short of A")
    assert lines[2].endswith("381 of 416 kabupaten; 15 of 17 in Sultra  16.81 short of kuning")


def test_show_labels_a_change_across_missing_years_and_lists_units() -> None:
    lines = ok("show", "Provinsi Gorontalo", "--lang", "en")
    assert "+9.24 against 2021" in "\n".join(lines)
    assert "−16.38 against 2018 (hijau" in "\n".join(lines)  # 2019 is missing, 2020 not held
    assert "  Mean of the 3 units 76.82: equal to the published score" in lines
    assert lines[-1] == "2025: 1.18 short of Kualitas Tinggi (Baik)"
    rembang = ok("show", "Kabupaten Rembang")
    assert rembang[3] == "Unit Kabupaten Rembang pada 2024 (7):"
    assert rembang[5].split() == [
        "Dinas",
        "Sosial,",
        "Pemberdayaan",
        "Perempuan",
        "dan",
        "Keluarga",
        "Berencana",
        "100,00",
    ]
    assert "  Rata-rata 7 unit 98,90: sama dengan nilai terbit" in rembang
    data = ok_json("show", "Kabupaten Rembang")
    assert len(data["results"][0]["units"]) == 7


def test_show_closing_line_is_about_the_latest_year_shown() -> None:
    lines = ok("show", "Provinsi Gorontalo", "--year", "2022")
    assert lines[-1] == "2022: tanpa nilai terbit"


def test_show_one_year_in_english() -> None:
    lines = ok("show", "Kab. Muna Barat", "--year", "2023", "--lang", "en")
    assert lines == [
        "Kabupaten Muna Barat (code 74.13, Provinsi Sulawesi Tenggara)",
        "Year  Score  Zone   Cat.  Opinion/predikat  Change                          Rank",
        "2023  81.84  hijau  B     Kualitas Tinggi   +12.67 (kuning → hijau, C → B)  222 of 415 kabupaten",  # noqa: E501 - a whole output line
        "Sources: 2023 no link",
        "2023: 6.16 short of A (Kualitas Tertinggi)",
    ]


def test_show_conflicts_in_json() -> None:
    data = ok_json("show", "74.13", "--year", "2021")
    assert data["results"][0]["conflicts"][0] == {
        "field": "provincial rank",
        "values": [
            {"value": "15", "source": "first report"},
            {"value": "16", "source": "telisik.id"},
            {"value": "13", "source": "sultranesia.com"},
        ],
    }


def test_show_json() -> None:
    data = ok_json("show", "74.13")
    assert data["command"] == "show"
    assert data["entity"] == {"kind": "kabupaten", "code": "74.13", "name": "Muna Barat"}
    assert data["entity_name"] == "Kabupaten Muna Barat"
    results = data["results"]
    assert [(r["assessment"]["year"], r["assessment"]["score"]) for r in results] == [
        (2021, "34.19"),
        (2022, "69.17"),
        (2023, "81.84"),
        (2024, "93.46"),
    ]
    assert results[0]["change"] is None
    assert results[1]["change"]["points"] == "34.98"
    assert results[1]["change"]["zone"] == ["merah", "kuning"]
    assert results[2]["gap"]["points"] == "6.16"
    assert results[2]["gap"]["target"]["category"] == "A"
    assert results[3]["gap"] is None
    assert results[2]["assessment"]["published"]["rank_national"] == 222


def test_show_marks_published_labels_that_disagree_with_the_rules() -> None:
    lines = ok("show", "Provinsi Banten", "--year", "2018")
    assert "80,74*" in lines[2]
    assert "* 2018: terbit zona 'zona hijau', menurut aturan 'kuning'" in lines
    data = ok_json("show", "Provinsi Banten", "--year", "2018")
    assert {"field": "zone", "published": "zona hijau", "computed": "kuning"} in data["results"][0][
        "disagreements"
    ]


def test_show_a_ministry_by_name() -> None:
    data = ok_json("show", "Kementerian Luar Negeri", "--year", "2021")
    assert data["entity"] == {"kind": "kementerian", "name": "Kementerian Luar Negeri"}
    assert data["results"][0]["assessment"]["score"] == "96.87"


def test_show_a_unit_by_its_own_name() -> None:
    data = ok_json("show", "Puskesmas Pancur")
    assert data["entity_name"] == "Puskesmas Pancur (Kabupaten Rembang)"
    assert data["entity"] == {"kind": "puskesmas", "name": "Puskesmas Pancur", "pemda": "33.17"}
    assert [(r["assessment"]["year"], r["assessment"]["score"]) for r in data["results"]] == [
        (2024, "99.65")
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Kementrian Luar Negeri",), "did you mean 'Kementerian Luar Negeri'"),
        (("Dinas Sosial",), "it could be several entities: 'Dinas Sosial Provinsi Banten' /"),
        (("Banjar",), "ENTITY 'Banjar': ambiguous name"),
        (("Kabupaten Aceh Selatan",), "no published results are bundled for Kabupaten Aceh"),
        (("Muna Barat", "--year", "2019"), "(years: 2021–2024)"),
        (("Muna Barat", "--year", "2020"), "no assessment was held in 2020"),
        ((), "the following arguments are required: ENTITY"),
    ],
)
def test_show_bad_input(args: tuple[str, ...], message: str) -> None:
    assert message in bad("show", *args, "--lang", "en", in_process=True)


def test_show_bad_input_through_a_subprocess() -> None:
    assert "ENTITY 'Banjar': nama ambigu, bisa 'Kota Banjar' / 'Kabupaten Banjar'" in bad(
        "show", "Banjar"
    )


# ---------------------------------------------------------------------------------------
# years


def test_years_lists_every_rule_set_and_2020() -> None:
    lines = ok("years")
    assert lines[0] == "Aturan penilaian kepatuhan Ombudsman RI per tahun"
    assert "2020: tidak ada penilaian" in lines
    heads = [line.split(":")[0] for line in lines if line[:1].isdigit()]
    assert (
        "2015: kepatuhan-2015 · Peraturan Ombudsman RI No. 17 Tahun 2015 (Pasal 15) · skala 0–75"
        in lines
    )
    assert (
        "  Keputusan Ketua Ombudsman RI (2022: nomor tidak ditemukan; 2023: No. 418 Tahun 2023 "
        "tanggal 4 Des" in lines
    )
    assert max(map(len, lines)) <= 100
    assert heads == ["2015", "2016–2019, 2021", "2020", "2022–2023", "2024", "2025"]
    assert "  88,00–100,00  hijau   A  Kualitas Tertinggi" in lines


def test_years_json() -> None:
    data = ok_json("years")
    by_year = {item["year"]: item for item in data["years"]}
    assert sorted(by_year) == [*range(2015, 2026)]
    assert by_year[2020]["held"] is False
    a = by_year[2023]["bands"][0]
    assert (a["lower"], a["category"], a["zone"], a["label"]) == (
        "88.00",
        "A",
        "hijau",
        "Kualitas Tertinggi",
    )
    assert by_year[2015]["scale_max"] == "75.00"
    assert by_year[2025]["has_zones"] is False
    assert by_year[2025]["qualifier"] == "Tanpa Maladministrasi"


# ---------------------------------------------------------------------------------------
# The bundled data: rank without a file, list, search, score; CSV


def test_rank_the_bundled_results_of_a_province() -> None:
    assert ok("rank", "--year", "2023", "--scope", "province:Bengkulu") == [
        "Peringkat kabupaten/kota se-Provinsi Bengkulu, 2023",
        "Peringkat  Nilai  Entitas                     Zona/kat.",
        "1 dari 6   95,94  Kabupaten Kaur              hijau A",
        "2 dari 6   94,08  Kabupaten Bengkulu Selatan  hijau A",
        "3 dari 6   92,00  Kabupaten Lebong            hijau A",
        "4 dari 6   90,02  Kabupaten Mukomuko          hijau A",
        "5 dari 6   84,88  Kabupaten Bengkulu Tengah   hijau B",
        "6 dari 6   79,14  Kabupaten Bengkulu Utara    hijau B",
        "Sebagian: data bawaan opinipp memuat 6 dari 10 yang dinilai pada 2023.",
        "Data: hasil terbitan bawaan opinipp (99 baris tahun 2023).",
    ]
    data = ok_json("rank", "--year", "2023", "--scope", "national:kabupaten")
    assert (data["of"], data["official_of"], data["complete"]) == (43, 415, False)
    assert data["entries"][-1]["entity_name"] == "Kabupaten Muna"
    units = ok_json("rank", "--year", "2024", "--scope", "pemda:Rembang")
    assert [e["score"] for e in units["entries"]][:2] == ["100.00", "99.65"]
    assert "--year: the bundled data holds several years" in bad(
        "rank", "--scope", "national:kota", "--lang", "en", in_process=True
    )


def test_rank_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "opinipp", "rank", "-", "--scope", "province:Sultra", "--csv"],
        input=SULTRA_2022.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "rank,of,score,entity,code,zone,category,label",
        "1,4,69.17,Kabupaten Muna Barat,74.13,kuning,C,Kualitas Sedang",
    ]


def test_csv_cells_are_formula_safe() -> None:
    status, out, _ = call("show", "74.13", "--year", "2021", "--csv")
    assert status == 0
    assert out.splitlines() == [
        (
            "year,score,zone,category,label,change,change_from_year,rank_national,"
            "rank_national_of,rank_province,rank_province_of,source"
        ),
        (
            "2021,34.19,merah,,Kepatuhan Rendah,,,381,416,15,17,https://telisik.id/news/raih-nilai-"
            "tertinggi-pemda-muna-barat-genjot-pembangunan-mall-pelayanan-publik"
        ),
    ]
    from opinipp.cli._output import csv_text

    assert csv_text([["=1+1", "-2", "@x", "ok"]]) == "'=1+1,'-2,'@x,ok\n"
    status, out, err = call("show", "74.13", "--json", "--csv", "--lang", "en")
    assert status == 2
    assert err == "opinipp: error: --csv: choose one of --json and --csv\n"
    assert json.loads(out)["error"]["argument"] == "--csv"


def test_list_and_search_give_the_years_bundled() -> None:
    assert ok("list", "--province", "Sultra", "--year", "2024") == [
        "Entitas               Jenis      Provinsi           Tahun bawaan",
        "Kabupaten Muna Barat  kabupaten  Sulawesi Tenggara  2021–2024",
        "1 entitas.",
    ]
    data = ok_json("list", "--kind", "puskesmas")
    assert len(data["entities"]) == 19  # Puskesmas with a result in 2022, 2023 or 2024
    assert all(e["kind"] == "puskesmas" for e in data["entities"])
    lines = ok("search", "muna", "--lang", "en")
    assert "Kabupaten Muna Barat                 kabupaten  Sulawesi Tenggara  2021–2024" in lines
    assert lines[-1] == "Found for 'muna': 9."
    found = ok_json("search", "74.13")["entities"]
    assert [(e["entity_name"], e["years"]) for e in found] == [
        ("Kabupaten Muna Barat", [2021, 2022, 2023, 2024])
    ]
    aceh = ok_json("search", "Aceh Selatan")["entities"]
    assert [(e["entity_name"], e["years"]) for e in aceh] == [("Kabupaten Aceh Selatan", [])]
    assert "--kind 'desa': not a kind" in bad("list", "--kind", "desa", "--lang", "en")


def test_score_of_a_pemda_from_its_units(tmp_path: Path) -> None:
    units = ("100", "99.65", "99.30", "99.16", "99.08", "97.72", "97.40")
    assert ok("score", *units, "--year", "2024") == [
        "Nilai Pemda 2024: 98,90",
        "rata-rata 7 unit, 98,9014…, dibulatkan setengah ke atas ke 2 desimal",
        "98,90 pada 2024: zona hijau, kategori A, Kualitas Tertinggi",
    ]
    path = tmp_path / "units.csv"
    path.write_text("unit,score\nRSUD,86.83\nDinsos,85.80\nDisdik,82.90\n", encoding="utf-8")
    assert ok("score", "--file", str(path), "--year", "2025", "--lang", "en")[:2] == [
        "Pemda score 2025: 85.18",
        "the mean of 3 units, 85.1766…, rounded half-up to 2 decimals",
    ]
    assert ok_json("score", "80", "81", "--year", "2023")["score"] == "80.50"
    assert ok("score", "80", "81", "--year", "2023", "--lang", "en")[1] == (
        "the mean of 2 units, 80.50, rounded half-up to 2 decimals"
    )
    line = bad("score", "87.95", "75.58", "--year", "2021")
    assert "--year 2021: pada 2021 nilai Pemda bukan rata-rata unitnya" in line
    assert "UNIT_SCORE '-3': not a score: scores are not negative" in bad(
        "score", "90", "-3", "--year", "2024", "--lang", "en"
    )
    assert "UNIT_SCORE: no unit scores" in bad("score", "--year", "2024", "--lang", "en")


def test_json_errors_are_an_object_on_stdout_with_status_2() -> None:
    result = run("classify", "-1", "--year", "2023", "--json")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error == {
        "type": "InvalidScoreError",
        "message": "SCORE '-1': bukan nilai: nilai tidak pernah negatif; yang diharapkan angka 0 "
        "sampai 100 dengan paling banyak dua desimal, misalnya 65,50",
        "argument": "SCORE",
        "problems": [],
    }
    assert result.stderr == f"opinipp: error: {error['message']}\n"
    usage = run("frobnicate", "--json")
    assert usage.returncode == 2
    assert json.loads(usage.stdout)["error"]["type"] == "UsageError"


def test_all_problems_shows_every_problem_of_a_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    rows = "".join(f"Muna Barat,kabupaten,Sultra,2022,{101 + i}\n" for i in range(8))
    broken.write_text("entity,kind,province,year,score\n" + rows, encoding="utf-8")
    line = bad("rank", str(broken), "--scope", "province:Sultra", "--lang", "en")
    assert line.count("row ") == 3
    assert line.endswith("… 5 more (all of them: --all-problems)")
    every = bad("rank", str(broken), "--scope", "province:Sultra", "--all-problems")
    assert every.count("baris ") == 9  # "8 masalah dalam 8 baris …" and one per row
    assert "lagi" not in every
    data = json.loads(
        run("rank", str(broken), "--scope", "province:Sultra", "--json", "--all-problems").stdout
    )
    assert [p["row"] for p in data["error"]["problems"]] == list(range(2, 10))


# ---------------------------------------------------------------------------------------
# The command as a whole


@pytest.mark.parametrize("command", [None, "classify", "gap", "rank", "show", "years"])
def test_help_on_every_command(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = run(*args)
    assert result.returncode == 0
    prog = "opinipp" if command is None else f"opinipp {command}"
    assert result.stdout.startswith(f"usage: {prog} ")
    assert "--lang" in result.stdout
    assert "--json" in result.stdout


def test_usage_errors_through_a_subprocess() -> None:
    assert "pilihan tidak sah 'fr'" in bad("years", "--lang", "fr")
    assert "argumen wajib belum diberikan: COMMAND" in bad()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "the following arguments are required: COMMAND"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("years", "--lang", "fr"), "invalid choice: 'fr'"),
        (("years", "--colour"), "unrecognized arguments: --colour"),
    ],
)
def test_usage_errors_are_one_line(args: tuple[str, ...], message: str) -> None:
    line = bad(*args, "--lang", "en", in_process=True)
    assert message in line
    assert "--help" in line


def test_the_console_script_and_version() -> None:
    result = run("classify", "90.02", "--year", "2023", module=False)
    assert result.returncode == 0
    assert result.stdout.startswith("90,02 pada 2023: zona hijau, kategori A, Kualitas Tertinggi")
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("opinipp ")


def test_a_terminal_that_cannot_show_the_dashes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "opinipp", "show", "Kabupaten Mukomuko"],
        capture_output=True,
        text=True,
        env={**ENV, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"},
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "+29,67 (kuning ? hijau, C ? A)" in result.stdout


# ---------------------------------------------------------------------------------------
# Properties, in process


@given(score=ops.scores(), year=ops.years())
def test_classify_json_agrees_with_the_library(score: Score, year: int) -> None:
    text = str(score)
    status, out, err = call("classify", text, "--year", str(year), "--json")
    if year == 2015 and score > Score("75.00"):
        assert status == 2
        assert err.startswith(f"opinipp: error: SCORE '{text}': bukan nilai: di atas 75,")
        error = json.loads(out)["error"]
        assert (error["type"], error["argument"]) == ("InvalidScoreError", "SCORE")
        assert error["message"] == err.removeprefix("opinipp: error: ").strip()
        return
    assert status == 0
    assert err == ""
    grade = classify(text, year)
    data = json.loads(out)["grade"]
    assert data.get("zone") == (None if grade.zone is None else grade.zone.value)
    assert data.get("category") == (None if grade.category is None else grade.category.value)
    assert data["label"] == grade.label
    assert from_json(json.dumps(data), Grade) == grade


@given(junk=st.text(max_size=12))
def test_junk_scores_never_raise(junk: str) -> None:
    status, out, err = call("classify", junk, "--year", "2023")
    if status == 0:
        assert out.startswith(f"{junk.strip().replace('.', ',')[:2]}")
        return
    assert status == 2
    assert out == ""
    assert err.startswith("opinipp: error: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize("junk", [True, "classify 81.84", b"years", 2023, [2023], ["years", None]])
def test_main_refuses_an_argv_that_is_not_a_list_of_strings(junk: object) -> None:
    with pytest.raises(InvalidArgumentError, match="a sequence of strings"):
        main(junk)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Streams that fail: closed, full, a reader that stops early


def shell(command: str, *, unbuffered: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in bash, with ``opinipp`` standing for ``python -m opinipp``.

    ``unbuffered`` sets ``PYTHONUNBUFFERED``: a write then fails at once, not at the flush.
    """
    script = f'opinipp() {{ "{sys.executable}" -m opinipp "$@"; }}\n{command}'
    env = {k: v for k, v in ENV.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    "command",
    [
        "opinipp years >&-",
        "opinipp classify 81.84 --year 2023 >&-",
        "opinipp years > /dev/full",
        "opinipp classify 81.84 --year 2023 > /dev/full",
        "opinipp show 74.13 --json > /dev/full",
        "opinipp --help > /dev/full",
        "opinipp --version >&-",
    ],
)
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_output_that_cannot_be_written_is_one_line_and_status_74(
    command: str, unbuffered: bool
) -> None:
    result = shell(command, unbuffered=unbuffered)
    assert result.returncode == 74, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("opinipp: error: cannot write to standard output: ")
    assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize(
    "command",
    ["opinipp years >&- 2>&-", "opinipp years > /dev/full 2>&-", "opinipp years >/dev/full 2>&1"],
)
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_output_failure_without_a_working_stderr_is_silent_with_status_74(
    command: str, unbuffered: bool
) -> None:
    result = shell(command, unbuffered=unbuffered)
    assert (result.returncode, result.stdout, result.stderr) == (74, "", "")


def test_bad_input_with_stderr_closed_is_still_status_2() -> None:
    result = shell("opinipp classify abc --year 2023 2>&-")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "")
    for redirect in (">&- 2>&-", "2>/dev/full"):
        also = shell(f"opinipp classify abc --year 2023 {redirect}")
        assert (also.returncode, also.stdout, also.stderr) == (2, "", ""), redirect


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_reader_that_stops_early_is_a_quiet_success(unbuffered: bool) -> None:
    result = shell('opinipp years | head -1; echo "status ${PIPESTATUS[0]}"', unbuffered=unbuffered)
    assert result.stdout == ("Aturan penilaian kepatuhan Ombudsman RI per tahun\nstatus 0\n")
    assert result.stderr == ""
    # `true` has exited before opinipp writes: the write meets a closed pipe.
    for command in ("opinipp show 74.13 --json", "opinipp --help"):
        gone = shell(f'{command} | true; echo "status ${{PIPESTATUS[0]}}"', unbuffered=unbuffered)
        assert (gone.stdout, gone.stderr) == ("status 0\n", "")
