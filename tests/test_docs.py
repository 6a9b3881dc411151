"""The documentation covers the API, its toctree lists every page, the README's examples run.

The Sphinx builds (HTML with ``-W``, and the doctests of the pages) are not tests: they run
in ``./dev docs``, their own step of CI.
"""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

from opinipp.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
PACKAGE = ROOT / "src" / "opinipp"


def public_modules() -> set[str]:
    modules = {p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_")}
    modules |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    return {f"opinipp.{m}" for m in modules}


def test_every_public_module_is_in_the_api_reference() -> None:
    documented = {
        match
        for page in DOCS.rglob("*.md")
        for match in re.findall(r"automodule:: (opinipp(?:\.\w+)*)", page.read_text("utf-8"))
    }
    assert public_modules() - documented == set()
    assert "opinipp" in documented


def test_the_toctree_names_every_page() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    pages = {
        p.relative_to(DOCS).with_suffix("").as_posix()
        for p in DOCS.rglob("*.md")
        if "_build" not in p.parts
    } - {"index"}
    listed = set(re.findall(r"^([\w/-]+)$", index, flags=re.MULTILINE))
    assert pages <= listed
    for required in ("rules", "gap-6-16", "strategies", "benchmarks", "changelog", "data"):
        assert required in listed


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(
        rf"^## {re.escape(title)}\n(.*?)(?=^## )", text, flags=re.DOTALL | re.MULTILINE
    )
    assert match is not None, title
    return match.group(1)


def test_the_readme_quickstart_is_two_commands() -> None:
    blocks = re.findall(r"```bash\n(.*?)```", readme_section("Quickstart"), flags=re.DOTALL)
    assert len(blocks) == 1
    commands = [line.split("#")[0].strip() for line in blocks[0].splitlines() if line.strip()]
    assert commands == ["./dev demo", "./dev test"]


def test_the_readme_tour_runs() -> None:
    (block,) = re.findall(r"```pycon\n(.*?)```", readme_section("A short tour"), re.DOTALL)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block, {}, "README tour", str(README), 0)
    assert 8 <= sum(1 for e in test.examples if not e.source.startswith("import")) <= 12
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test)
    assert result.failed == 0
    assert "6.16" in block
    assert "98.90" in block


@pytest.mark.parametrize(
    ("args", "keys"),
    [
        (["classify", "81.84", "--year", "2023"], ["score", "year", "grade"]),
        (["gap", "81.84", "--year", "2023"], ["score", "year", "target", "grade", "gap"]),
        (
            ["rank", str(ROOT / "examples" / "data" / "sultra_2022.csv"), "--scope", "province:74"],
            ["scope", "year", "of", "official_of", "complete", "skipped", "entries"],
        ),
        (["show", "74.13"], ["entity", "entity_name", "results"]),
        (["years"], ["years"]),
    ],
)
def test_the_cli_guide_documents_the_json_keys(
    args: list[str], keys: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["command", *keys]
    guide = (DOCS / "guides" / "cli.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith(f"| `{args[0]}` |"))
    for key in keys:
        assert f"`{key}`" in row
