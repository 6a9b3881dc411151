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


# Not loaded by `import opinipp`, nor by importing the modules that use them (serialization,
# frames, locale_id): the first two load on first use, the rest only with the extras.
UNLOADED = ("cattrs", "dateutil", *HEAVY)


def test_import_loads_only_attrs_and_reads_no_data() -> None:
    # Fails if any opinipp module imports cattrs, dateutil or an extra at module level.
    probe = """
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and "opinipp" in args[0]:
        if not args[0].endswith((".py", ".pyc")):
            opened.append(args[0])
sys.addaudithook(hook)
before = set(sys.modules)
import opinipp
top = {m.split(".")[0] for m in set(sys.modules) - before}
third_party = sorted(top - set(sys.stdlib_module_names) - {"exceptiongroup"})
# Using the library still opens no data file until a lookup needs one.
opinipp.classify("81.84", 2023), opinipp.regions, opinipp.datasets
import opinipp.frames, opinipp.locale_id, opinipp.serialization
top_after = {m.split(".")[0] for m in sys.modules}
print(json.dumps({"third_party": third_party, "opened": opened, "after": sorted(top_after)}))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report["third_party"] == ["attr", "attrs", "opinipp"]
    assert report["opened"] == []
    assert not set(report["after"]) & set(UNLOADED)


def _imports_of_init() -> dict[str, str]:
    """Name -> module of each ``from opinipp... import name`` in ``opinipp/__init__.py``."""
    tree = ast.parse(Path(opinipp.__file__).read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                assert alias.asname is None
                module = str(node.module)
                names[alias.name] = f"opinipp.{alias.name}" if module == "opinipp" else module
    return names


def test_init_is_explicit_imports_and_all() -> None:
    tree = ast.parse(Path(opinipp.__file__).read_text(encoding="utf-8"))
    kinds = [type(node).__name__ for node in tree.body]
    # The docstring, the imports, __version__, __all__ and __dir__: no table, no __getattr__.
    assert set(kinds) == {"Expr", "ImportFrom", "Assign", "FunctionDef"}
    functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions == ["__dir__"]
    assert sorted(opinipp.__all__) == sorted([*_imports_of_init(), "__version__"])
    assert len(opinipp.__all__) == len(set(opinipp.__all__))


def test_all_is_what_the_package_exports() -> None:
    public = {name for name in vars(opinipp) if not name.startswith("_")}
    # Besides __all__, only the submodules that the import system binds on the package.
    others = public - set(opinipp.__all__)
    assert {"rules", "zoning", "scores", "ranking", "gaps"} <= others
    for name in others:
        assert vars(opinipp)[name] is importlib.import_module(f"opinipp.{name}")


@pytest.mark.parametrize("name", opinipp.__all__)
def test_every_public_name_resolves_to_the_object_in_its_module(name: str) -> None:
    value = getattr(opinipp, name)
    module = _imports_of_init().get(name)
    if module is None:
        assert name == "__version__"
    elif module == f"opinipp.{name}":
        assert value is importlib.import_module(module)
    else:
        assert value is getattr(importlib.import_module(module), name)


def test_star_import_dir_and_unknown_names() -> None:
    namespace: dict[str, object] = {}
    exec("from opinipp import *", namespace)  # noqa: S102
    assert set(namespace) - {"__builtins__"} == set(opinipp.__all__)
    assert namespace["classify"] is opinipp.classify
    assert dir(opinipp) == sorted(opinipp.__all__)
    with pytest.raises(AttributeError, match="module 'opinipp' has no attribute 'clasify'"):
        opinipp.clasify  # type: ignore[attr-defined]  # noqa: B018


def test_importtime_shows_no_unneeded_module() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import opinipp"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()[1:]}
    assert {"opinipp", "opinipp.zoning", "opinipp.regions", "attrs"} <= imported
    # JSON, CSV, frames and Indonesian text are imported by the code that uses them.
    assert not {"opinipp.serialization", "opinipp.frames", "opinipp.locale_id"} & imported
    assert not {m for m in imported if m.split(".")[0] in UNLOADED}


def test_version_is_exported() -> None:
    assert opinipp.__version__.startswith("0.")
