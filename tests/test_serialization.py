"""JSON and CSV: shapes, strictness, row/column errors, formula safety and lossless round trips."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import cattrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_junk import (
    BadPath,
    BrokenEverything,
    HostileError,
    LyingStr,
    RaisingList,
    RaisingStr,
    WrongTypeStr,
)
from opinipp import regions, strategies
from opinipp._names import opd_kind_of
from opinipp.assessments import Assessment, PublishedResult
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
    DuplicateEntityError,
    InvalidArgumentError,
    InvalidDataError,
    InvalidEntityError,
    InvalidScoreError,
    InvalidTextError,
    NotApplicableError,
    OpinippError,
    RowError,
    RulesNotAvailableError,
    UnknownRegionError,
)
from opinipp.rules import Dimension, Zone, rule_sets
from opinipp.scores import Score
from opinipp.serialization import (
    EXTRA_COLUMNS,
    MINIMAL_COLUMNS,
    PUBLISHED_COLUMNS,
    WRITTEN_COLUMNS,
    assessments_from_json,
    assessments_to_json,
    from_json,
    make_converter,
    read_csv,
    to_json,
    write_csv,
)
from opinipp.zoning import Grade, classify

if TYPE_CHECKING:
    from collections.abc import Callable

DATA = Path(__file__).parent / "data"
MUBAR = regions.pemda("74.13")


def _read_text(text: str, **kwargs: Any) -> tuple[Assessment, ...]:
    return read_csv(io.StringIO(text), **kwargs)


def _written(assessments: list[Assessment]) -> str:
    out = io.StringIO()
    write_csv(assessments, out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------
# The converter


def test_make_converter_is_private_and_new_each_time() -> None:
    first, second = make_converter(), make_converter()
    assert first is not second
    assert first is not cattrs.global_converter
    assert first.unstructure(Score("81.84")) == "81.84"
    # Nothing was registered globally: the global converter passes a Score through as is.
    assert cattrs.global_converter.unstructure(Score("81.84")) == Score("81.84")


def test_converter_structures_every_type_with_opinipp_errors() -> None:
    conv = make_converter()
    assert conv.structure("90,02", Score) == Score("90.02")
    assert conv.structure({"kind": "kota", "code": "74.71"}, Pemda) == regions.pemda("74.71")
    with pytest.raises(InvalidArgumentError, match=r"\$\.kind"):
        conv.structure({"kind": "kota", "code": "74.13"}, Pemda)
    assert conv.structure(["81.84", 69], tuple[Score, ...]) == (Score("81.84"), Score("69.00"))
    for junk in (5, None, "81.84", {"score": "1"}):
        with pytest.raises(InvalidArgumentError, match="JSON array of Score"):
            conv.structure(junk, list[Score])
    assert conv.structure("hijau", Zone) is Zone.HIJAU
    with pytest.raises(InvalidArgumentError, match="'merah'"):
        conv.structure("green", Zone)


# ---------------------------------------------------------------------------------------
# JSON shapes


def test_json_shapes_of_entities() -> None:
    sultra = regions.province("Sultra")
    kemlu = Instansi(
        name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN, abbreviation="Kemlu"
    )
    shapes = {
        sultra: {"code": "74", "name": "Sulawesi Tenggara"},
        MUBAR: {"kind": "kabupaten", "code": "74.13", "name": "Muna Barat"},
        regions.pemda("Pemprov Sultra"): {
            "kind": "provinsi",
            "code": "74",
            "name": "Sulawesi Tenggara",
        },
        kemlu: {"kind": "kementerian", "name": "Kementerian Luar Negeri", "abbreviation": "Kemlu"},
        OPD(pemda=MUBAR, kind=OPDKind.DINSOS): {
            "kind": "opd",
            "opd_kind": "dinsos",
            "pemda": "74.13",
        },
        OPD(pemda=MUBAR, kind=OPDKind.OTHER, name="Dinas Perhubungan"): {
            "kind": "opd",
            "opd_kind": "other",
            "name": "Dinas Perhubungan",
            "pemda": "74.13",
        },
        Puskesmas(name="Puskesmas Tiworo", pemda=MUBAR): {
            "kind": "puskesmas",
            "name": "Puskesmas Tiworo",
            "pemda": "74.13",
        },
        Rsud(name="RSUD Banten", pemda=regions.pemda("36")): {
            "kind": "rsud",
            "name": "RSUD Banten",
            "pemda": "36",
        },
    }
    for entity, shape in shapes.items():
        text = to_json(entity)
        assert json.loads(text) == shape
        back = from_json(text, type(entity))
        assert back == entity
        assert str(back) == str(entity)


def test_json_shape_of_a_full_assessment() -> None:
    a = Assessment(
        MUBAR,
        2022,
        "69.17",
        dimensions={"input": "70.00", "pengaduan": "65.50"},
        published=PublishedResult(zone="kuning", category="C", rank_national=249),
        source="https://example.org/mubar",
    )
    assert json.loads(to_json(a)) == {
        "entity": {"kind": "kabupaten", "code": "74.13", "name": "Muna Barat"},
        "year": 2022,
        "score": "69.17",
        "dimensions": {"input": "70.00", "pengaduan": "65.50"},
        "published": {"zone": "kuning", "category": "C", "rank_national": 249},
        "source": "https://example.org/mubar",
    }
    assert from_json(to_json(a), Assessment) == a


def test_json_scores_are_strings_and_numbers_are_read_exactly() -> None:
    a = Assessment(MUBAR, 2023, "81.84")
    assert '"score": "81.84"' in to_json(a)
    number = '{"entity": {"kind": "kabupaten", "code": "74.13"}, "year": 2023, "score": 81.84}'
    assert from_json(number, Assessment).score == Score("81.84")
    with pytest.raises(InvalidScoreError, match="more than two decimals"):
        from_json(number.replace("81.84", "81.845"), Assessment)
    with pytest.raises(InvalidScoreError):
        from_json(number.replace("81.84", "1e400"), Assessment)
    assert from_json(number.replace("81.84", "null"), Assessment).score is None


def test_json_accepts_bytes_and_pretty_printing() -> None:
    text = to_json(MUBAR, indent=2)
    assert text.startswith('{\n  "kind"')
    assert from_json(text.encode(), Pemda) == MUBAR


@pytest.mark.parametrize(
    ("text", "cls", "error", "match"),
    [
        ("{", Pemda, InvalidTextError, "JSON"),
        ('{"kind": "kota", "code": NaN}', Pemda, InvalidTextError, "NaN"),
        ("[1, 2", list[Score], InvalidTextError, "JSON"),
        (
            '{"kind": "kota", "code": "74.71", "mayor": "x"}',
            Pemda,
            InvalidArgumentError,
            r"\$\.mayor",
        ),
        ('{"kind": "kota"}', Pemda, InvalidArgumentError, r"\$\.code"),
        ('{"kind": "kota", "code": 7471}', Pemda, InvalidArgumentError, "Kemendagri code"),
        ('{"kind": "kota", "code": "99.99"}', Pemda, UnknownRegionError, "99.99"),
        ('{"kind": "kabupaten", "code": "74.71"}', Pemda, InvalidArgumentError, "Kota Kendari"),
        (
            '{"kind": "kota", "code": "74.71", "name": "Baubau"}',
            Pemda,
            InvalidArgumentError,
            "Kendari",
        ),
        (
            '{"kind": "opd", "opd_kind": "dinsos", "pemda": "74.13"}',
            Pemda,
            InvalidDataError,
            r"4 problems in the JSON: \$\.kind, \$\.code, \$\.opd_kind, \$\.pemda",
        ),
        ('{"code": "74", "name": "Bali"}', Province, InvalidArgumentError, "Sulawesi Tenggara"),
        ('{"kind": "lembaga", "name": " BPS"}', Instansi, InvalidEntityError, "name"),
        (
            '{"kind": "opd", "opd_kind": "dishub", "pemda": "74.13"}',
            OPD,
            InvalidArgumentError,
            "opd_kind",
        ),
        ('"81,845"', Score, InvalidScoreError, "two decimals"),
        ("true", Score, InvalidScoreError, "bool"),
        ('{"year": 2023, "lower": "80.00"}', Grade, InvalidArgumentError, "lower bound"),
        ('{"year": 2023, "lower": "78.00", "zone": "kuning"}', Grade, InvalidArgumentError, "zone"),
        ('{"year": 2020, "lower": "0.00"}', Grade, RulesNotAvailableError, "2020"),
        ('{"zone": 5}', PublishedResult, InvalidArgumentError, "zone"),
        ('{"rank_national": 0}', PublishedResult, InvalidArgumentError, "rank_national"),
        ('{"kind": "kota", "code": "74.71"}', list[Pemda], InvalidArgumentError, "array"),
        ('[{"kind": "kota", "code": "74.71"}, 3]', tuple[Pemda, ...], InvalidArgumentError, r"\$"),
        ('"x"', dict, InvalidArgumentError, "cls"),
        ('"x"', list[int], InvalidArgumentError, "cls"),
    ],
)
def test_json_rejects_bad_input_loudly(
    text: str, cls: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        from_json(text, cls)


@pytest.mark.parametrize(
    ("assessment", "error", "match"),
    [
        ({"year": 2020, "score": "50.00"}, RulesNotAvailableError, "2020"),
        ({"year": "2023", "score": "50.00"}, RulesNotAvailableError, "2023"),
        (
            {"year": 2023, "score": "50.00", "tanpa_maladministrasi": True},
            NotApplicableError,
            "2025",
        ),
        ({"year": 2015, "score": "80.00"}, InvalidScoreError, "80.00"),
        (
            {"year": 2023, "score": "50.00", "tanpa_maladministrasi": "ya"},
            InvalidArgumentError,
            "tanpa",
        ),
        (
            {"year": 2023, "score": "50.00", "dimensions": ["input"]},
            InvalidArgumentError,
            "dimensions",
        ),
        (
            {"year": 2023, "score": "50.00", "dimensions": {"kualitas": "1"}},
            InvalidArgumentError,
            "kualitas",
        ),
        ({"year": 2023, "score": "50.00", "source": ""}, InvalidArgumentError, "source"),
        ({"year": 2023}, InvalidArgumentError, "score"),
        ({"year": 2023, "score": "50", "grade": "C"}, InvalidArgumentError, "grade"),
    ],
)
def test_json_assessments_are_checked(
    assessment: dict[str, object], error: type[Exception], match: str
) -> None:
    data = {"entity": {"kind": "kabupaten", "code": "74.13"}, **assessment}
    with pytest.raises(error, match=match):
        from_json(json.dumps(data), Assessment)


def test_json_error_messages_carry_the_path() -> None:
    text = (
        '[{"entity": {"kind": "kota", "code": "74.71"}, "year": 2023, "score": "1"}, '
        '{"entity": {"kind": "kota", "code": "99.99"}, "year": 2023, "score": "1"}]'
    )
    with pytest.raises(UnknownRegionError, match=r"99\.99") as info:
        assessments_from_json(text)
    if sys.version_info >= (3, 11):  # exception notes exist from Python 3.11
        notes = getattr(info.value, "__notes__", [])
        assert notes == ["at $[1].entity.code"]


def test_assessments_json_round_trip_and_duplicates() -> None:
    items = [Assessment(MUBAR, 2021, "34.19"), Assessment(MUBAR, 2022, "69.17")]
    text = assessments_to_json(items)
    assert assessments_from_json(text) == tuple(items)
    doubled = assessments_to_json([*items, Assessment(MUBAR, 2022, "69.72")])
    with pytest.raises(DuplicateEntityError, match="Muna Barat"):
        assessments_from_json(doubled)


@pytest.mark.parametrize(
    "junk", [81.84, None, "81.84", {"a": 1}, [Score("1"), 2], object(), Decimal("81.84")]
)
def test_to_json_rejects_unsupported_objects(junk: object) -> None:
    with pytest.raises(InvalidArgumentError):
        to_json(junk)


@pytest.mark.parametrize("indent", [-1, True, "2", 1.5, 17, 10**12])
def test_to_json_rejects_bad_indent(indent: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="indent"):
        to_json(MUBAR, indent=indent)


@pytest.mark.parametrize("junk", [None, 5, ["{}"], b"\xff\xfe"])
def test_from_json_rejects_junk_text(junk: Any) -> None:
    with pytest.raises((InvalidArgumentError, InvalidTextError)):
        from_json(junk, Score)


def test_every_grade_survives_json() -> None:
    for rule_set in rule_sets():
        for year in rule_set.years:
            qualifiers = (None, True, False) if rule_set.has_tanpa_maladministrasi else (None,)
            for band in rule_set.bands:
                for tanpa in qualifiers:
                    grade = classify(band.lower, year, tanpa_maladministrasi=tanpa)
                    assert from_json(to_json(grade), Grade) == grade


def test_grade_json_names_its_labels() -> None:
    assert json.loads(to_json(classify("65.98", 2025, tanpa_maladministrasi=True))) == {
        "year": 2025,
        "lower": "54.00",
        "scheme": "opini-ombudsman-2025",
        "upper": "77.99",
        "opinion": "Kualitas Sedang Tanpa Maladministrasi",
        "opinion_en": "Medium quality without maladministration",
        "quality": "Cukup",
        "label": "Kualitas Sedang Tanpa Maladministrasi",
        "label_en": "Medium quality without maladministration",
        "tanpa_maladministrasi": True,
    }
    assert json.loads(to_json(classify("34.19", 2021))) == {
        "year": 2021,
        "lower": "0.00",
        "scheme": "kepatuhan-2016",
        "upper": "50.99",
        "zone": "merah",
        "predikat": "Kepatuhan Rendah",
        "label": "Kepatuhan Rendah",
        "label_en": "Low compliance",
    }
    # The labels are checked when given, and may be left out (the year and band decide).
    assert from_json('{"year": 2021, "lower": "0.00"}', Grade) == classify("34.19", 2021)
    with pytest.raises(InvalidArgumentError, match=r"\$\.upper"):
        from_json('{"year": 2021, "lower": "0.00", "upper": "50.00"}', Grade)


# ---------------------------------------------------------------------------------------
# Strategies for round trips: opinipp's own, plus what a real dataset carries.

_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12).map(
    lambda t: t if t.strip() else "x" + t
)
_RISKY = st.sampled_from(
    [
        "=1+1",
        "+62",
        "-5",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "'=x",
        "''+y",
        "'",
        "a,b",
        'a"b',
        "a\nb",
        "zona hijau",
    ]
)
_FREE_TEXT = st.one_of(_TEXT, _RISKY)
_RANKS = st.none() | st.integers(min_value=1, max_value=600)


@st.composite
def _published(draw: st.DrawFn, *, allow_empty: bool) -> PublishedResult | None:
    texts = {f: draw(st.none() | _FREE_TEXT) for f in ("zone", "category", "opinion", "note")}
    ranks = {
        f: draw(_RANKS)
        for f in ("rank_national", "rank_national_of", "rank_province", "rank_province_of")
    }
    if not allow_empty and all(v is None for v in (*texts.values(), *ranks.values())):
        texts["note"] = "seed"
    published = PublishedResult(
        zone=texts["zone"],
        category=texts["category"],
        opinion=texts["opinion"],
        note=texts["note"],
        rank_national=ranks["rank_national"],
        rank_national_of=ranks["rank_national_of"],
        rank_province=ranks["rank_province"],
        rank_province_of=ranks["rank_province_of"],
    )
    return draw(st.none() | st.just(published))


@st.composite
def _rich_assessments(draw: st.DrawFn, *, allow_empty_published: bool = False) -> Assessment:
    base = draw(strategies.assessments())
    dimensions = draw(
        st.none()
        | st.dictionaries(
            st.sampled_from(tuple(Dimension)), strategies.scores(), min_size=1, max_size=4
        )
    )
    return attrs.evolve(
        base,
        score=draw(st.sampled_from([base.score, None])),
        dimensions=dimensions,
        published=draw(_published(allow_empty=allow_empty_published)),
        source=draw(st.none() | _FREE_TEXT),
    )


def _unique(assessments: list[Assessment]) -> list[Assessment]:
    seen: dict[tuple[object, int], Assessment] = {}
    for a in assessments:
        seen.setdefault((a.entity, a.year), a)
    return list(seen.values())


def _same(left: tuple[Assessment, ...] | list[Assessment], right: list[Assessment]) -> None:
    """Equal, and equal in what equality does not look at (names, provinces)."""
    assert list(left) == right
    for a, b in zip(left, right, strict=True):
        assert str(a.entity) == str(b.entity)
        assert type(a.entity) is type(b.entity)
        if isinstance(a.entity, Pemda):
            assert isinstance(b.entity, Pemda)
            assert (a.entity.name, a.entity.province) == (b.entity.name, b.entity.province)


@given(st.lists(_rich_assessments(allow_empty_published=True), max_size=6))
def test_json_round_trip_is_lossless(items: list[Assessment]) -> None:
    back = from_json(to_json(items), list[Assessment])
    _same(back, items)
    assert [a.published for a in back] == [a.published for a in items]
    assert [a.dimensions for a in back] == [a.dimensions for a in items]


@given(strategies.entities())
def test_json_round_trip_of_entities(entity: Any) -> None:
    back = from_json(to_json(entity), type(entity))
    assert back == entity
    assert str(back) == str(entity)


@given(strategies.grades())
def test_json_round_trip_of_grades(grade: Grade) -> None:
    assert from_json(to_json(grade), Grade) == grade


@given(st.lists(_rich_assessments(), max_size=6).map(_unique))
def test_csv_round_trip_is_lossless(items: list[Assessment]) -> None:
    back = _read_text(_written(items))
    _same(back, items)
    assert [a.published for a in back] == [a.published for a in items]
    assert [a.source for a in back] == [a.source for a in items]
    assert [a.dimensions for a in back] == [a.dimensions for a in items]
    assert [a.tanpa_maladministrasi for a in back] == [a.tanpa_maladministrasi for a in items]


def _tolerate_opinipp_errors(function: Callable[..., object], *args: object) -> None:
    """Call ``function``; an opinipp error is fine, any other exception fails the test."""
    with contextlib.suppress(OpinippError):
        function(*args)


@given(st.text(max_size=200))
def test_from_json_raises_only_opinipp_errors_on_any_text(text: str) -> None:
    for cls in (Assessment, Grade, Pemda, list[Assessment], Score):
        _tolerate_opinipp_errors(from_json, text, cls)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["entity", "year", "score", "kind", "code", "name", "published", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@given(_JSON_VALUES)
def test_structuring_junk_raises_only_opinipp_errors(value: object) -> None:
    conv = make_converter()
    for cls in (Assessment, Grade, Pemda, OPD, Province, PublishedResult, Instansi, Score):
        _tolerate_opinipp_errors(conv.structure, value, cls)
    for container in (list[Assessment], tuple[Score, ...], list[Grade]):
        _tolerate_opinipp_errors(conv.structure, value, container)


@given(st.text(max_size=300))
def test_read_csv_raises_only_opinipp_errors_on_any_text(text: str) -> None:
    for body in (text, ",".join(MINIMAL_COLUMNS) + "\n" + text):
        _tolerate_opinipp_errors(_read_text, body)


# ---------------------------------------------------------------------------------------
# CSV reading


BROKEN_ROWS = [
    (3, "year"),  # 2020: no assessment was held
    (5, "year"),  # 2030: no rules
    (6, "year"),  # "abc"
    (9, "score"),  # 101
    (11, "score"),  # "88,025": three decimals (line 10 is blank, lines 7-8 one row)
    (12, "entity_kind"),  # "kabupatn"
    (13, "entity_name"),  # no such kabupaten
    (14, "province"),  # no such province
    (15, "entity_name"),  # a second 2023 result of Muna Barat
    (16, "parent_pemda"),  # a unit without its Pemda
]


def test_broken_csv_reports_exactly_the_ten_broken_rows() -> None:
    with pytest.raises(InvalidDataError) as info:
        read_csv(DATA / "broken.csv")
    group = info.value
    assert [(e.row, e.column) for e in group.exceptions] == BROKEN_ROWS
    assert all(isinstance(e, RowError) for e in group.exceptions)
    assert "10 problem(s) in 10 row(s)" in str(group)
    messages = group.messages()
    assert messages[0].startswith("row 3, column 'year': '2020': no assessment rules for year 2020")
    assert messages[4].startswith("row 11, column 'score': '88,025': invalid score")
    assert messages[8].endswith("row 2 already has the 2023 result of Kabupaten Muna Barat")


def test_broken_csv_in_raise_mode_stops_at_the_first_bad_row() -> None:
    with pytest.raises(RowError) as info:
        read_csv(DATA / "broken.csv", errors="raise")
    assert (info.value.row, info.value.column, info.value.value) == (3, "year", "2020")


def test_the_good_rows_of_the_broken_file_read_cleanly() -> None:
    lines = (DATA / "broken.csv").read_text(encoding="utf-8").split("\n")
    bad_lines = {row for row, _ in BROKEN_ROWS}
    good = "\n".join(line for number, line in enumerate(lines, start=1) if number not in bad_lines)
    found = _read_text(good)
    assert [(str(a.entity), a.year, a.score) for a in found] == [
        ("Kabupaten Muna Barat", 2023, Score("81.84")),
        ("Kabupaten Mukomuko", 2023, Score("90.02")),
        ("Kota Kendari", 2022, Score("58.99")),
        ("Kementerian Luar Negeri", 2024, None),
        ("Puskesmas Watopute (Kabupaten Muna)", 2023, Score("66.02")),
        ("DPMPTSP Kota Banjarbaru Kota Banjarbaru", 2022, None),
    ]
    kendari = found[2]
    assert kendari.published == PublishedResult(
        zone="zona kuning",
        category="C",
        rank_national=91,
        rank_national_of=98,
        note="a note\non two lines",
    )
    opd = found[5].entity
    assert isinstance(opd, OPD)
    assert opd.kind is OPDKind.DPMPTSP
    assert opd.pemda == regions.pemda("Kota Banjarbaru")


def test_minimal_layout_with_indonesian_numbers_and_units() -> None:
    found = read_csv(DATA / "minimal.csv")
    assert [(str(a.entity), a.year, None if a.score is None else str(a.score)) for a in found] == [
        ("Kabupaten Muna Barat", 2021, "34.19"),
        ("Kabupaten Muna Barat", 2022, "69.17"),
        ("Kabupaten Muna Barat", 2023, "81.84"),
        ("Kota Kendari", 2022, "58.99"),
        ("Provinsi Sulawesi Tenggara", 2022, "55.01"),
        ("Kementerian Luar Negeri", 2023, "94.85"),
        ("Badan Pengawas Obat dan Makanan", 2023, "94.11"),
        ("Dinas Sosial Kabupaten Bolaang Mongondow", 2025, "86.83"),
        ("Dinas Pendidikan dan Kebudayaan Kabupaten Bolaang Mongondow", 2025, "85.80"),
        ("RSUD Datoe Binangkang (Kabupaten Bolaang Mongondow)", 2025, "82.90"),
        ("Puskesmas Pancur (Kabupaten Rembang)", 2024, "99.65"),
        ("Kabupaten Gorontalo Utara", 2022, None),
    ]
    kinds = [a.entity.kind for a in found if isinstance(a.entity, OPD)]
    assert kinds == [OPDKind.DINSOS, OPDKind.DISDIK]
    assert isinstance(found[5].entity, Instansi)
    assert found[5].entity.kind is InstansiKind.KEMENTERIAN


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Dinkes", OPDKind.DINKES),
        ("Dinas Kesehatan Kota Ambon", OPDKind.DINKES),
        ("Disdik", OPDKind.DISDIK),
        ("Dindik Kabupaten Muna", OPDKind.DISDIK),
        ("Dinas Pendidikan dan Kebudayaan", OPDKind.DISDIK),
        ("Dinsos", OPDKind.DINSOS),
        ("Dinas Sosial, Pemberdayaan Perempuan dan Keluarga Berencana", OPDKind.DINSOS),
        ("DPMPTSP", OPDKind.DPMPTSP),
        ("DPM-PTSP", OPDKind.DPMPTSP),
        ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", OPDKind.DPMPTSP),
        ("Disdukcapil", OPDKind.DISDUKCAPIL),
        ("Dukcapil", OPDKind.DISDUKCAPIL),
        ("Dinas Kependudukan dan Pencatatan Sipil", OPDKind.DISDUKCAPIL),
        ("Dinas Kependudukan dan Catatan Sipil", OPDKind.DISDUKCAPIL),
        ("Dinas Perhubungan", OPDKind.OTHER),
        ("Bappeda", OPDKind.OTHER),
        ("Kantor Dinas Sosial", OPDKind.OTHER),
    ],
)
def test_opd_kind_is_inferred_from_the_unit_name(name: str, kind: OPDKind) -> None:
    assert opd_kind_of(name) is kind


HEADER = ",".join(MINIMAL_COLUMNS)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Muna Barat,kabupaten,Sultra,2023,81.84,x\n", [(2, None)]),
        ("Muna Barat,kabupaten,Sultra,2023\n", [(2, None)]),
        (",kabupaten,Sultra,2023,81.84\n", [(2, "entity")]),
        ("Muna Barat,,Sultra,2023,81.84\n", [(2, "kind")]),
        ("Muna Barat,kabupaten,Sultra,,81.84\n", [(2, "year")]),
        ("Muna Barat,kabupaten,Sultra,2015,80.00\n", [(2, "score")]),
        ("Muna Barat,kota,Sultra,2023,81.84\n", [(2, "entity")]),
        ("Muna Barat,kabupaten,Bali,2023,81.84\n", [(2, "entity")]),
        ("Muna Barat,kabupaten,Sultra,2023,-1\n", [(2, "score")]),
        ("Kemlu,kementerian,Sultra,2023,94.85\n", [(2, "province")]),
        ("Serang,kabupaten,,2023,81.84\n\nSerang,kota,,2023,81.84\n", []),
        ("Gorontalo,kota,,2023,81.84\nGorontalo,kabupaten,,2023,81.84\n", []),
        (
            "Banjar,kota,,2023,1\nBanjar,,,2023,1\nBanjar,kota,,2023,2\n",
            [(3, "kind"), (4, "entity")],
        ),
    ],
)
def test_minimal_rows_report_their_row_and_column(
    body: str, expected: list[tuple[int, str | None]]
) -> None:
    if not expected:
        assert len(_read_text(HEADER + "\n" + body)) == 2
        return
    with pytest.raises(InvalidDataError) as info:
        _read_text(HEADER + "\n" + body)
    assert [(e.row, e.column) for e in info.value.exceptions] == expected


def test_a_row_with_several_bad_cells_reports_each() -> None:
    with pytest.raises(InvalidDataError) as info:
        _read_text(HEADER + ",tanpa_maladministrasi\nMuna Barat,kabupatn,Sultra,2023,101,ya\n")
    assert [(e.row, e.column) for e in info.value.exceptions] == [
        (2, "kind"),
        (2, "score"),
        (2, "tanpa_maladministrasi"),
    ]


def test_qualifier_outside_2025_and_bad_ranks_are_errors() -> None:
    header = ",".join(PUBLISHED_COLUMNS) + ",tanpa_maladministrasi"
    rows = [
        "2023,Kabupaten Muna Barat,kabupaten,,,81.84,,,,0,,,,,,true",
        "2025,Provinsi Maluku Utara,provinsi,,,65.98,,,,,x,,,,,perhaps",
        "2025,Provinsi Maluku Utara,provinsi,,,65.98,,,,,,,,,,true",
    ]
    with pytest.raises(InvalidDataError) as info:
        _read_text("\n".join([header, *rows]))
    assert [(e.row, e.column) for e in info.value.exceptions] == [
        (2, "rank_national"),
        (2, "tanpa_maladministrasi"),
        (3, "rank_national_of"),
        (3, "tanpa_maladministrasi"),
    ]
    (malut,) = _read_text("\n".join([header, rows[2]]))
    assert malut.tanpa_maladministrasi is True
    assert malut.grade.opinion == "Kualitas Sedang Tanpa Maladministrasi"


@pytest.mark.parametrize(
    ("row", "column", "match"),
    [
        ("2023,Dinas Sosial,opd,Kabupaten Muna,Sultra,1,,,,,,,,,,74.13,,", "parent_pemda", "74.13"),
        ("2023,Dinas Sosial,opd,,Bali,1,,,,,,,,,,74.13,,", "province", "Sulawesi Tenggara"),
        ("2023,Dinas Sosial,opd,,,1,,,,,,,,,,74.13,dishub,", "opd_kind", "dishub"),
        ("2023,Puskesmas Tiworo,puskesmas,,,1,,,,,,,,,,74.13,dinsos,", "opd_kind", "OPD"),
        ("2023,Kabupaten Muna Barat,kabupaten,,,1,,,,,,,,,,74.71,,", "code", "Kota Kendari"),
        ("2023,Kabupaten Muna,kabupaten,,,1,,,,,,,,,,74.13,,", "entity_name", "74.13"),
        ("2023,Kabupaten Muna,kabupaten,,,1,,,,,,,,,,99.99,,", "code", "99.99"),
        ("2023,Kabupaten Muna,kabupaten,,,1,,,,,,,,,,abc,,", "code", "Kemendagri code"),
        ("2023,Kabupaten Muna,kabupaten,Kota Kendari,,1,,,,,,,,,,,,", "parent_pemda", "units"),
        ("2023,Kementerian Sosial,kementerian,,,1,,,,,,,,,,74,,", "code", "no Kemendagri code"),
        (
            "2023,Kementerian Sosial,kementerian,Kota Kendari,,1,,,,,,,,,,,,",
            "parent_pemda",
            "units",
        ),
    ],
)
def test_codes_parents_and_kinds_must_agree(row: str, column: str, match: str) -> None:
    header = ",".join(PUBLISHED_COLUMNS) + ",code,opd_kind,tanpa_maladministrasi"
    with pytest.raises(RowError, match=match) as info:
        _read_text(header + "\n" + row, errors="raise")
    assert (info.value.row, info.value.column) == (2, column)


def test_units_resolve_their_pemda_by_code_alone() -> None:
    header = "entity,kind,province,year,score,code"
    (found,) = _read_text(header + "\nDinas Sosial,opd,,2023,62.06,74.13\n")
    assert found.entity == OPD(pemda=MUBAR, kind=OPDKind.DINSOS)


@pytest.mark.parametrize(
    ("text", "column", "reason"),
    [
        ("", None, "empty file"),
        ("\n\n", None, "empty file"),
        ("a,b,c\n", None, "unknown header"),
        ("entity,kind,province,year\n", "score", "missing required column"),
        ("entity,kind,province,year,score,colour\n", "colour", "unknown column"),
        ("entity,kind,province,year,score,score\n", "score", "duplicate column"),
        ("year,entity_name,entity_kind\n", "score", "missing required column"),
    ],
)
def test_header_problems_are_row_1(text: str, column: str | None, reason: str) -> None:
    with pytest.raises(InvalidDataError) as info:
        _read_text(text)
    (problem,) = info.value.exceptions
    assert (problem.row, problem.column) == (1, column)
    assert reason in problem.reason
    with pytest.raises(RowError, match=reason):
        _read_text(text, errors="raise")


def test_header_may_carry_a_byte_order_mark_and_spaces(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_text(
        " entity , kind,province,year,score\r\nMuna Barat,kabupaten,Sultra,2023,81.84\r\n",
        encoding="utf-8-sig",
    )
    (found,) = read_csv(path)
    assert found == Assessment(MUBAR, 2023, "81.84")
    with path.open(encoding="utf-8", newline="") as handle:
        assert read_csv(handle) == (found,)


def test_non_utf8_cells_are_row_errors_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        HEADER.encode() + b"\nB\xe9kasi,kota,,2023,1\nMuna Barat,kabupaten,Sultra,2020,1\n"
    )
    with pytest.raises(InvalidDataError) as info:
        read_csv(path)
    assert [(e.row, e.column, e.value) for e in info.value.exceptions] == [
        (2, "entity", b"B\xe9kasi"),
        (3, "year", "2020"),
    ]
    assert "UTF-8" in info.value.exceptions[0].reason
    with pytest.raises(RowError, match="UTF-8") as raised:
        read_csv(path, errors="raise")
    assert (raised.value.row, raised.value.column) == (2, "entity")


@pytest.mark.parametrize("source", [None, 5, b"a.csv", ["a"], object()])
def test_read_csv_rejects_junk_sources(source: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="source"):
        read_csv(source)


@pytest.mark.parametrize("errors", ["ignore", None, True, "Collect"])
def test_read_csv_rejects_unknown_error_modes(errors: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="errors"):
        _read_text(HEADER + "\n", errors=errors)


def test_binary_files_are_read_as_utf8_and_bad_paths_are_rejected() -> None:
    body = "\nMuna Barat,kabupaten,Sultra,2023,81.84\n"
    assert read_csv(io.BytesIO(("\ufeff" + HEADER + body).encode())) == (
        Assessment(MUBAR, 2023, "81.84"),
    )
    with pytest.raises(InvalidArgumentError, match="not binary"):
        write_csv([], io.BytesIO())  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="valid file path"):
        read_csv("broken\0.csv")
    with pytest.raises(InvalidArgumentError, match="valid file path"):
        write_csv([], "broken\0.csv")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (BadPath(None), "a path, or a file open for reading"),
        (BadPath(42), "a path, or a file open for reading"),
        (BadPath(b"x.csv"), "(a str path)"),
        (BadPath("a\0b"), "without NUL"),
        ("\ud800.csv", "without lone surrogates"),
        (BrokenEverything(), "a path, or a file open for reading"),
    ],
    ids=["raises", "int", "bytes", "NUL", "surrogate", "broken"],
)
def test_bad_path_likes_are_invalid_arguments(target: object, expected: str) -> None:
    with pytest.raises(InvalidArgumentError, match=re.escape(expected)) as info:
        read_csv(target)  # type: ignore[arg-type]
    assert info.value.argument == "source"
    assert info.value.value is target
    with pytest.raises(InvalidArgumentError) as written:
        write_csv([], target)  # type: ignore[arg-type]
    assert written.value.argument == "target"


def test_hostile_iterables_and_error_modes_are_invalid_arguments() -> None:
    with pytest.raises(InvalidArgumentError, match="iterable of Assessment") as info:
        write_csv(RaisingList([Assessment(MUBAR, 2023, "81.84")]), io.StringIO())
    assert isinstance(info.value.__cause__, HostileError)
    with pytest.raises(InvalidArgumentError, match="iterable of Assessment"):
        write_csv(np.array(81.84), io.StringIO())
    for mode in (LyingStr("x"), RaisingStr("x"), WrongTypeStr("x")):
        with pytest.raises(InvalidArgumentError, match="'collect' or 'raise'"):
            _read_text(HEADER + "\n", errors=mode)
    # a str subclass is read for its own characters, whatever its methods say
    for mode in (LyingStr("collect"), RaisingStr("raise"), WrongTypeStr("raise")):
        assert _read_text(HEADER + "\n", errors=mode) == ()


def test_read_csv_of_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_csv(tmp_path / "absent.csv")


# ---------------------------------------------------------------------------------------
# CSV writing


def test_writer_header_is_the_published_layout_plus_extras() -> None:
    assert WRITTEN_COLUMNS == PUBLISHED_COLUMNS + EXTRA_COLUMNS
    assert _written([]).splitlines() == [",".join(WRITTEN_COLUMNS)]


def test_writer_rows_look_like_the_published_file() -> None:
    dinsos = OPD(pemda=regions.pemda("Kab. Bolaang Mongondow"), kind=OPDKind.DINSOS)
    items = [
        Assessment(
            MUBAR, 2023, "81.84", published=PublishedResult(zone="hijau", rank_national=222)
        ),
        Assessment(dinsos, 2025, "86.83", tanpa_maladministrasi=True),
    ]
    lines = _written(items).splitlines()
    assert lines[1] == (
        "2023,Kabupaten Muna Barat,kabupaten,,Sulawesi Tenggara,81.84,hijau,,,222,,,,,,74.13,,,,,,"
    )
    assert lines[2] == (
        "2025,Dinas Sosial,opd,Kabupaten Bolaang Mongondow,Sulawesi Utara,86.83,,,,,,,,,,"
        "71.01,dinsos,true,,,,"
    )


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+62 812", "'+62 812"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already quoted", "''=already quoted"),
        ('\x00=HYPERLINK("http://x")', '\'\x00=HYPERLINK("http://x")'),
        ("'\x00@x", "''\x00@x"),
        ("'just a quote'", "'just a quote'"),
        ("zona = hijau", "zona = hijau"),
    ],
)
def test_cells_a_spreadsheet_would_run_are_neutralised(text: str, cell: str) -> None:
    a = Assessment(MUBAR, 2023, "81.84", published=PublishedResult(note=text), source=text)
    written = _written([a])
    row = next(iter(csv.reader(io.StringIO(written.split("\n", 1)[1]))))
    assert row[PUBLISHED_COLUMNS.index("note")] == cell
    assert row[PUBLISHED_COLUMNS.index("source_url")] == cell
    (back,) = _read_text(written)
    assert back.published is not None
    assert (back.published.note, back.source) == (text, text)


def test_unit_and_pemda_names_that_look_like_formulas_round_trip() -> None:
    unit = OPD(pemda=MUBAR, kind=OPDKind.OTHER, name="-Dinas Aneh")
    kemlu = Instansi(name="@Kemlu", kind=InstansiKind.KEMENTERIAN)
    items = [Assessment(unit, 2023, "50"), Assessment(kemlu, 2023, "60")]
    text = _written(items)
    assert "'-Dinas Aneh" in text
    assert "'@Kemlu" in text
    assert list(_read_text(text)) == items


def test_write_csv_to_a_path_and_back(tmp_path: Path) -> None:
    items = list(read_csv(DATA / "minimal.csv"))
    path = tmp_path / "out.csv"
    write_csv(items, path)
    assert read_csv(path) == tuple(items)
    assert path.read_bytes().startswith(b"year,entity_name,")


@pytest.mark.parametrize(
    ("items", "target"),
    [
        ("not assessments", io.StringIO()),
        ([Assessment(MUBAR, 2023, "1"), "x"], io.StringIO()),
        (Assessment(MUBAR, 2023, "1"), io.StringIO()),
        ([], None),
        ([], 5),
    ],
)
def test_write_csv_rejects_junk(items: Any, target: Any) -> None:
    with pytest.raises(InvalidArgumentError):
        write_csv(items, target)


def test_write_csv_writes_nothing_when_an_item_is_bad(tmp_path: Path) -> None:
    path = tmp_path / "never.csv"
    with pytest.raises(InvalidArgumentError):
        write_csv([Assessment(MUBAR, 2023, "1"), None], path)  # type: ignore[list-item]
    assert not path.exists()


def test_empty_published_result_is_written_as_blank_cells() -> None:
    a = Assessment(MUBAR, 2023, "81.84", published=PublishedResult())
    (back,) = _read_text(_written([a]))
    assert back.published is None
    assert back == attrs.evolve(a, published=None)


def test_the_converter_refuses_what_it_cannot_unstructure() -> None:
    from opinipp.trends import series

    history = [Assessment(MUBAR, 2022, "69.17"), Assessment(MUBAR, 2023, "81.84")]
    with pytest.raises(InvalidArgumentError, match="Series") as info:
        make_converter().unstructure(series(history, MUBAR))
    assert info.value.argument == "obj"
    assert make_converter().unstructure(history[0]) == json.loads(to_json(history[0]))


def test_ranks_are_limited_to_what_the_readers_read() -> None:
    PublishedResult(rank_national=999_999_999)
    with pytest.raises(InvalidArgumentError, match="999999999"):
        PublishedResult(rank_national=1_000_000_000)
    with pytest.raises(InvalidArgumentError, match="rank_province_of"):
        PublishedResult(rank_province_of=10**100)
    top = Assessment(MUBAR, 2023, "81.84", published=PublishedResult(rank_national=999_999_999))
    assert _read_text(_written([top])) == (top,)
    assert from_json(to_json(top), Assessment) == top


def test_writers_refuse_a_pemda_the_readers_would_not_know() -> None:
    renamed = attrs.evolve(MUBAR, name="Muna Barat (baru)")
    invented = Pemda(code="74.49", name="Baru", kind=PemdaKind.KABUPATEN, province=MUBAR.province)
    for pemda in (renamed, invented):
        item = Assessment(pemda, 2023, "81.84")
        with pytest.raises(InvalidArgumentError, match=re.escape(pemda.code)):
            to_json(item)
        with pytest.raises(InvalidArgumentError, match=re.escape(pemda.code)):
            write_csv([item], io.StringIO())
        unit = Assessment(Puskesmas(name="Puskesmas Tiworo", pemda=pemda), 2023, "81.84")
        with pytest.raises(InvalidArgumentError, match=re.escape(pemda.code)):
            assessments_to_json([unit])
