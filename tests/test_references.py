"""References ship: every cited key resolves, and nothing cites a file users cannot open."""

from __future__ import annotations

import csv
import io
import re
from importlib import resources
from pathlib import Path

import pytest

from opinipp.datasets import Reference, reference, references
from opinipp.errors import InvalidArgumentError, OpinippError
from opinipp.years import assessment_year

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "opinipp"
DOCS = ROOT / "docs"

_CITATION = re.compile(r"\[(R[0-9]+)\]")
# Files and folders of the project's working notes, which are in neither the repository,
# the wheel nor the docs.
_UNOPENABLE = re.compile(
    r"DOMAIN\.md|INSTRUMENTS\.md|DESIGN\.md|STYLE\.md|shared/|sources/0[0-9]{2}|\bsources/\b|§\s?[0-9]"
)
_SUFFIXES = {".py", ".md", ".csv", ".json", ".txt", ".toml"}


def _user_facing_files() -> list[Path]:
    files = [p for p in PACKAGE.rglob("*") if p.suffix in _SUFFIXES and p.is_file()]
    files += [p for p in DOCS.rglob("*") if p.suffix in _SUFFIXES and "_build" not in p.parts]
    files.append(ROOT / "README.md")
    return sorted(files)


FILES = _user_facing_files()


def test_the_table_is_complete_and_well_formed() -> None:
    text = (resources.files("opinipp") / "data" / "references.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["key", "url", "title", "supports"]
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)) == len(references()) == 127
    assert keys == sorted(keys, key=lambda k: int(k[1:]))
    for row in rows:
        assert all(row.values()), row
    assert reference("R6").url == (
        "https://www.global-regulation.com/translation/indonesia/8420548/"
        "regulation-of-the-ombudsman-of-the-republic-of-indonesia-number-17-by-2015.html"
    )
    assert reference("[R94]") is reference("R94")
    assert isinstance(references()[0], Reference)


@pytest.mark.parametrize("bad", ["R19", "R0", "DOMAIN.md §5", "", 6, None])
def test_an_unknown_key_is_an_error_naming_it(bad: object) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        reference(bad)  # type: ignore[arg-type]
    assert isinstance(caught.value, (OpinippError, ValueError))
    assert repr(bad)[:10] in str(caught.value)
    assert "R1 … R144" in str(caught.value)


def test_a_reference_is_checked_when_built() -> None:
    with pytest.raises(InvalidArgumentError, match="reference key"):
        Reference("6", "https://x.test", "t", "s")
    with pytest.raises(InvalidArgumentError, match="non-empty text"):
        Reference("R6", "", "t", "s")


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_citation_resolves_and_no_file_users_cannot_open_is_named(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    keys = {r.key for r in references()}
    unknown = sorted(set(_CITATION.findall(text)) - keys)
    assert unknown == [], f"{path.name}: keys not in references.csv: {unknown}"
    named = sorted({m.group(0) for m in _UNOPENABLE.finditer(text)})
    assert named == [], f"{path.name} names working files users cannot open: {named}"


def test_the_pattern_catches_a_working_file_and_an_unknown_key() -> None:
    assert _UNOPENABLE.search("(DOMAIN.md §5)")
    assert _UNOPENABLE.search("Kabupaten Serang 2024 (sources/004)")
    assert _UNOPENABLE.search("see §2.3")
    assert _CITATION.findall("[R6][R19]") == ["R6", "R19"]


def test_every_year_source_resolves() -> None:
    for year in (2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025):
        cited = _CITATION.findall(assessment_year(year).source)
        assert cited, year
        for key in cited:
            assert reference(key).key == key


def test_the_docs_page_lists_every_reference() -> None:
    page = (DOCS / "references.md").read_text(encoding="utf-8")
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in page.splitlines()}
    for ref in references():
        assert ref.key in rows, ref.key
        assert ref.url in rows[ref.key]
        assert ref.title.replace("|", "\\|") in rows[ref.key]
    assert "references" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_references_read_a_str_subclass_as_its_real_text() -> None:
    from fuzz_junk import LyingStr, RaisingStr, WrongTypeStr

    assert reference(WrongTypeStr("[R6]")).key == "R6"
    assert reference(LyingStr(" R94 ")).key == "R94"  # its strip says "hijau"
    copied = Reference(RaisingStr("R6"), *(RaisingStr(t) for t in ("https://x", "t", "s")))
    assert (copied.key, copied.url, copied.title, copied.supports) == ("R6", "https://x", "t", "s")
    assert all(type(t) is str for t in (copied.key, copied.url, copied.title, copied.supports))
    assert str(copied) == "[R6] t <https://x>"
