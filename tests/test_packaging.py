"""The built wheel and the cost of ``import opinipp``."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import opinipp

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("hypothesis", "pandas", "numpy", "matplotlib")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "--quiet",
            "-w",
            str(out),
        ],
        check=True,
    )
    (built,) = out.glob("opinipp-*.whl")
    return built


def test_wheel_carries_types_data_and_licenses(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "opinipp/py.typed",
        "opinipp/data/provinces.csv",
        "opinipp/data/regencies.csv",
        "opinipp/data/name_variants.csv",
        "opinipp/data/LICENSE-DATA.md",
        "opinipp/data/README.md",
        "opinipp/data/former_codes.csv",
        "opinipp/data/extra_name_variants.csv",
        "opinipp/data/published_results.csv",
        "opinipp/data/published_results.md",
        "opinipp/data/published_results_supplement.csv",
    ):
        assert required in names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_resolves_a_region_from_another_directory(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import opinipp, opinipp.regions as r; "
        "print(opinipp.__file__); print(r.pemda('Kab. Muna Barat')); "
        "print(len(opinipp.datasets.published_results()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    location, pemda, rows = result.stdout.splitlines()
    assert location.startswith(str(site))
    assert pemda == "Kabupaten Muna Barat"
    assert rows == "683"


def test_import_is_light_and_reads_no_data() -> None:
    probe = f"""
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and "opinipp" in args[0]:
        if not args[0].endswith((".py", ".pyc")):
            opened.append(args[0])
sys.addaudithook(hook)
import opinipp
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r})
print(json.dumps({{"opened": opened, "heavy": heavy}}))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report == {"opened": [], "heavy": []}


def test_importtime_shows_no_heavy_module() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import opinipp"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()[1:]}
    assert "opinipp" in imported
    assert not {m for m in imported if m.split(".")[0] in HEAVY}


def test_version_is_exported() -> None:
    assert opinipp.__version__.startswith("0.")
