"""The example scripts run and print the real numbers they are about."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def run(script: str, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=EXAMPLES.parent.parent,  # not the repository: the scripts find their own data
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def test_every_example_script_is_tested() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py")}
    assert scripts == {
        "pemda_readiness.py",
        "rank_province.py",
        "compare_years.py",
        "plan_to_next_tier.py",
        "skm_survey.py",
        "columns_duckdb.py",
    }


def test_columns_duckdb_grades_the_table_in_sql() -> None:
    assert run("columns_duckdb.py") == [
        "1 of 4: Muna Barat 69,17, C (kuning), 8.83 to B (Kualitas Tinggi)",
        "2 of 4: Bombana 65,54, C (kuning), 12.46 to B (Kualitas Tinggi)",
        "3 of 4: Kendari 58,99, C (kuning), 19.01 to B (Kualitas Tinggi)",
        "4 of 4: Baubau 58,03, C (kuning), 19.97 to B (Kualitas Tinggi)",
        "not ranked: Sulawesi Tenggara 55,01, C (kuning), 22.99 to B (Kualitas Tinggi)",
    ]


def test_pemda_readiness() -> None:
    lines = run("pemda_readiness.py")
    assert lines[0] == "Kabupaten Rembang 2024: 7 units"
    assert "   97.40  DPMPTSP              room 2.60" in lines
    assert (
        "Pemda score 98.90 (mean of the units, rounded half-up): "
        "zona hijau, category A, Kualitas Tertinggi"
    ) in lines
    assert "Next tier: none, already in the top tier" in lines
    assert (
        "Pemda score 81.84 (mean of the units, rounded half-up): "
        "zona hijau, category B, Kualitas Tinggi"
    ) in lines
    assert "Next tier: 6.16 points short of A (Kualitas Tertinggi)" in lines
    assert "  88.00 - 81.84 = 6.16; 36.96 unit points in total across the 6 units" in lines


def test_rank_province_with_the_shipped_file() -> None:
    assert run("rank_province.py") == [
        "4 kabupaten/kota of Provinsi Sulawesi Tenggara in sultra_2022.csv, 2022:",
        "  1  69.17  Kabupaten Muna Barat     kuning C",
        "  2  65.54  Kabupaten Bombana        kuning C",
        "  3  58.99  Kota Kendari             kuning C",
        "  4  58.03  Kota Bau Bau             kuning C",
        "Kabupaten Bombana needs 3.64 points to pass Kabupaten Muna Barat",
        "Kota Kendari needs 10.19 points to pass Kabupaten Muna Barat",
        "Kota Bau Bau needs 11.15 points to pass Kabupaten Muna Barat",
    ]


def test_rank_province_with_another_file(tmp_path: Path) -> None:
    jambi = tmp_path / "jambi_2022.csv"
    jambi.write_text(
        "entity,kind,province,year,score\n"
        "Tebo,kabupaten,Jambi,2022,92.5\n"
        "Batanghari,kabupaten,Jambi,2022,92.03\n"
        "Jambi,kota,Jambi,2022,89.59\n"
        "Jambi,provinsi,Jambi,2022,89.62\n",
        encoding="utf-8",
    )
    lines = run("rank_province.py", str(jambi), "Jambi")
    assert lines[0] == "3 kabupaten/kota of Provinsi Jambi in jambi_2022.csv, 2022:"
    assert lines[1] == "  1  92.50  Kabupaten Tebo           hijau A"
    assert lines[-1] == "Kota Jambi needs 2.92 points to pass Kabupaten Tebo"


def test_compare_years() -> None:
    assert run("compare_years.py") == [
        "Kabupaten Muna Barat: 34.19 merah (2021) → 69.17 kuning C (2022) → 81.84 hijau B (2023)",
        "  2021 -> 2022: 34.19 -> 69.17 (+34.98, merah -> kuning); rules changed",
        "  2022 -> 2023: 69.17 -> 81.84 (+12.67, kuning -> hijau, C -> B)",
        "  overall 2021 -> 2023: +47.65",
        "",
        "Kabupaten Mukomuko: 60.35 kuning C (2022) → 90.02 hijau A (2023), +29.67 (up)",
        "  2022 -> 2023: 60.35 -> 90.02 (+29.67, kuning -> hijau, C -> A)",
    ]


def test_plan_to_next_tier() -> None:
    lines = run("plan_to_next_tier.py")
    assert lines[0] == "Constructed 2023 values: simulated score 81.84"
    assert lines[1] == "To A: 6 steps, 81.84 -> 88.79"
    assert "2026 readiness: 11 of 74 required documents (14.86 %)" in lines
    assert lines[-1] == "Left out: OUT-01, OUT-02, OUT-03, OUT-04 (secondary data)"


def test_skm_survey() -> None:
    lines = run("skm_survey.py")
    assert lines[0] == "skm_responses.csv: 30 respondents, permenpanrb-14-2017"
    assert lines[3].split() == ["U3", "Completion", "time", "NRR", "2.767", "69.17", "C"]
    assert lines[-4:] == [
        "IKM 3.2815, converted 82.04: B (Good)",
        "Weakest: U3 Completion time at 69.17, 7.44 points to the next mutu",
        "With the printed weight 0.111: 81.96 B (Good)",
        "A unit serving 400 users needs 196 respondents (krejcie-morgan-1970)",
    ]
