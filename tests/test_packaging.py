"""The built wheel and the cost of ``import opinipp``."""

from __future__ import annotations

import ast
import importlib
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
ours = {{"opinipp", "attr", "attrs", "cattrs", "dateutil"}}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ours)
# Using the library loads modules, but still no data file until a lookup needs one.
opinipp.classify("81.84", 2023), opinipp.regions, opinipp.datasets, opinipp.serialization
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r})
print(json.dumps({{"loaded": loaded, "opened": opened, "heavy": heavy}}))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report == {"loaded": ["opinipp"], "opened": [], "heavy": []}


def _names_imported_for_type_checkers() -> dict[str, str]:
    """Name -> module of the imports under ``if TYPE_CHECKING:`` in ``opinipp/__init__.py``."""
    tree = ast.parse(Path(opinipp.__file__).read_text(encoding="utf-8"))
    (block,) = [
        n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"
    ]
    names: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            names[alias.name] = alias.name if node.module == "opinipp" else str(node.module)
    return names


def test_the_lazy_table_the_typed_imports_and_all_agree() -> None:
    typed = _names_imported_for_type_checkers()
    lazy = {
        name: name if module == name else f"opinipp.{module}"
        for name, module in opinipp._HOME.items()
    }
    assert lazy == typed
    assert sorted(opinipp.__all__) == sorted([*typed, "__version__"])


@pytest.mark.parametrize("name", opinipp.__all__)
def test_every_public_name_resolves_to_the_object_in_its_module(name: str) -> None:
    value = getattr(opinipp, name)
    module = opinipp._HOME.get(name)
    if module is None:
        assert name == "__version__"
    elif module == name:
        assert value is importlib.import_module(f"opinipp.{name}")
    else:
        assert value is getattr(importlib.import_module(f"opinipp.{module}"), name)


def test_star_import_dir_and_unknown_names() -> None:
    namespace: dict[str, object] = {}
    exec("from opinipp import *", namespace)  # noqa: S102
    assert set(namespace) - {"__builtins__"} == set(opinipp.__all__)
    assert dir(opinipp) == sorted(opinipp.__all__)
    with pytest.raises(AttributeError, match="module 'opinipp' has no attribute 'clasify'"):
        opinipp.clasify  # type: ignore[attr-defined]  # noqa: B018


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
