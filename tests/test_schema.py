"""The JSON Schema of the interchange format: shipped, valid, and met by every writer."""

from __future__ import annotations

import contextlib
import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from opinipp import strategies
from opinipp.assessments import Assessment, PublishedResult
from opinipp.cli import main
from opinipp.datasets import published_results
from opinipp.errors import InvalidDataError
from opinipp.rules import rule_sets
from opinipp.scores import Score
from opinipp.serialization import assessments_to_json, from_json, to_json
from opinipp.zoning import classify

ROOT = Path(__file__).resolve().parent.parent
SULTRA_2022 = ROOT / "examples" / "data" / "sultra_2022.csv"
SCHEMA: dict[str, Any] = json.loads(
    (resources.files("opinipp") / "data" / "interchange.schema.json").read_text(encoding="utf-8")
)


def _validator(definition: str | None = None) -> Draft202012Validator:
    if definition is None:
        return Draft202012Validator(SCHEMA)
    return Draft202012Validator(
        {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{definition}"}
    )


def _valid(data: object, definition: str | None = None) -> None:
    errors = [e.message for e in _validator(definition).iter_errors(data)]
    assert errors == [], (definition, data)


def _invalid(data: object, definition: str) -> None:
    assert not _validator(definition).is_valid(data), (definition, data)


def _cli_json(*args: str) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main([*args, "--json"])
    assert status == 0
    return json.loads(out.getvalue())


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(SCHEMA["$defs"]) >= {"Assessment", "Entity", "Grade", "PublishedResult", "Score"}


def test_the_schema_rejects_what_from_json_rejects() -> None:
    _invalid({"kind": "kota", "code": "74.71", "mayor": "x"}, "Entity")
    _invalid({"kind": "kota", "code": 7471}, "Entity")
    _invalid({"kind": "opd", "opd_kind": "dishub", "pemda": "74.13"}, "Entity")
    _invalid("81,845", "Score")
    _invalid("100.01", "Score")
    _invalid(json.loads("true"), "Score")
    _invalid({"year": 2023}, "Assessment")
    _invalid({"rank_national": 0}, "PublishedResult")
    _invalid({"year": 2023, "lower": "78.00", "grade": "B"}, "Grade")
    _valid("81,84", "Score")
    _valid(81.84, "Score")
    _valid({"year": 2023, "lower": "78.00"}, "Grade")


@given(strategies.entities())
def test_every_entity_written_meets_the_schema(entity: Any) -> None:
    _valid(json.loads(to_json(entity)), "Entity")
    _valid(json.loads(to_json(entity)))


@given(strategies.assessments())
def test_every_assessment_written_meets_the_schema(assessment: Assessment) -> None:
    _valid(json.loads(to_json(assessment)), "Assessment")
    _valid(json.loads(to_json([assessment])))


@given(strategies.grades())
def test_every_grade_written_meets_the_schema(grade: Any) -> None:
    _valid(json.loads(to_json(grade)), "Grade")


@given(
    st.builds(
        PublishedResult,
        zone=st.none() | st.sampled_from(["zona hijau", "kuning"]),
        category=st.none() | st.sampled_from(["B", "kategori C"]),
        rank_national=st.none() | st.integers(1, 600),
        rank_province_of=st.none() | st.integers(1, 40),
        note=st.none() | st.just("catatan"),
    ),
    st.integers(0, 10_000).map(Score.from_hundredths),
)
def test_published_results_and_scores_written_meet_the_schema(
    published: PublishedResult, score: Score
) -> None:
    _valid(json.loads(to_json(published)), "PublishedResult")
    _valid(json.loads(to_json(score)), "Score")


def test_every_grade_of_every_year_and_the_bundled_results_meet_the_schema() -> None:
    for rule_set in rule_sets():
        for year in rule_set.years:
            for band in rule_set.bands:
                _valid(json.loads(to_json(classify(band.lower, year))), "Grade")
    data = json.loads(assessments_to_json(published_results()))
    assert len(data) == len(published_results())
    _valid(data)


def _cli_outputs() -> dict[str, Any]:
    return {
        "classify": _cli_json("classify", "65.98", "--year", "2025", "--tanpa-maladministrasi"),
        "gap": _cli_json("gap", "81.84", "--year", "2023", "--target", "A"),
        "rank": _cli_json("rank", str(SULTRA_2022), "--scope", "province:Sultra"),
        "show": _cli_json("show", "Kabupaten Muna Barat"),
        "show_unit": _cli_json("show", "Puskesmas Pancur"),
        "years": _cli_json("years"),
    }


def test_every_object_in_the_cli_json_meets_the_schema() -> None:
    out = _cli_outputs()
    _valid(out["classify"]["grade"], "Grade")
    _valid(out["gap"]["grade"], "Grade")
    _valid(out["gap"]["gap"]["target"], "Band")
    for entry in out["rank"]["entries"]:
        _valid(entry["entity"], "Entity")
        _valid(entry["grade"], "Grade")
        _valid(entry["score"], "Score")
    for name in ("show", "show_unit"):
        _valid(out[name]["entity"], "Entity")
        for item in out[name]["results"]:
            _valid(item["assessment"], "Assessment")
            if item["grade"] is not None:
                _valid(item["grade"], "Grade")
            if item["gap"] is not None:
                _valid(item["gap"]["target"], "Band")
    bands = [b for year in out["years"]["years"] for b in year.get("bands", [])]
    assert len(bands) == 38  # the bands of every held year, 2015–2025
    for band in bands:
        _valid(band, "Band")


def test_the_cli_grades_read_back_as_the_library_grades() -> None:
    from opinipp.zoning import Grade

    grade = _cli_json("classify", "65.98", "--year", "2025", "--tanpa-maladministrasi")["grade"]
    assert from_json(json.dumps(grade), Grade) == classify(
        "65.98", 2025, tanpa_maladministrasi=True
    )


@pytest.mark.parametrize("name", ["Kabupaten Muna Barat", "Puskesmas Pancur"])
def test_show_json_holds_the_bundled_assessments(name: str) -> None:
    data = _cli_json("show", name)
    read = [from_json(json.dumps(item["assessment"]), Assessment) for item in data["results"]]
    bundled = [a for a in published_results() if a.entity.full_name == data["entity_name"]]
    assert read == bundled
    assert len(read) == (4 if name == "Kabupaten Muna Barat" else 1)
    with pytest.raises(InvalidDataError):
        from_json(json.dumps(data["results"]), list[Assessment])  # the envelope is not one
