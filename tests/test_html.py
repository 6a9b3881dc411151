"""The Jupyter renderings: zone colours, scores, labels, escaping, and bad input."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given

from opinipp import regions
from opinipp import strategies as ops
from opinipp._html import (
    NEUTRAL_COLOUR,
    ZONE_COLOURS,
    grade_html,
    ranking_html,
    series_html,
    zone_colour,
)
from opinipp.assessments import Assessment
from opinipp.entities import OPD, Instansi, InstansiKind, OPDKind, PemdaKind
from opinipp.errors import InvalidArgumentError
from opinipp.ranking import National, Provincial, WithinPemda, rank
from opinipp.rules import Zone
from opinipp.scores import Score
from opinipp.trends import series
from opinipp.zoning import classify

MERAH, KUNING, HIJAU = ZONE_COLOURS["merah"], ZONE_COLOURS["kuning"], ZONE_COLOURS["hijau"]
MUBAR = regions.pemda("Kabupaten Muna Barat")


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_the_colours() -> None:
    assert (MERAH, KUNING, HIJAU) == ("#d62728", "#f2c14e", "#2ca02c")
    assert [zone_colour(z) for z in (Zone.MERAH, Zone.KUNING, Zone.HIJAU)] == [
        MERAH,
        KUNING,
        HIJAU,
    ]
    assert zone_colour(None) == NEUTRAL_COLOUR


@pytest.mark.parametrize(
    ("score", "year", "colour", "badge", "label"),
    [
        ("34.19", 2021, MERAH, "merah", "Kepatuhan Rendah"),  # Muna Barat 2021
        ("69.17", 2022, KUNING, "C", "Kualitas Sedang"),  # Muna Barat 2022
        ("81.84", 2023, HIJAU, "B", "Kualitas Tinggi"),  # Muna Barat 2023
        ("98.90", 2024, HIJAU, "A", "Kualitas Tertinggi"),  # Rembang 2024
        ("53.38", 2025, NEUTRAL_COLOUR, "Kurang", "Kualitas Rendah"),  # Morotai 2025
    ],
)
def test_grade_badge(score: str, year: int, colour: str, badge: str, label: str) -> None:
    markup = grade_html(classify(score, year))
    assert f"background:{colour}" in markup
    assert f">{badge}</span>" in markup
    assert label in visible_text(markup)
    assert str(year) in visible_text(markup)


def test_grade_with_its_score_and_band() -> None:
    grade = classify("81.84", 2023)
    text = visible_text(grade_html(grade, score=Score("81.84")))
    assert text.split()[:2] == ["81.84", "B"]
    assert "78.00–87.99" in text
    assert "81.84" not in visible_text(grade_html(grade))


def test_grade_repr_html() -> None:
    grade = classify("90.02", 2023)  # Kabupaten Mukomuko, 2023
    assert grade._repr_html_() == grade_html(grade)
    qualified = classify("65.98", 2025, tanpa_maladministrasi=True)._repr_html_()
    assert "Kualitas Sedang Tanpa Maladministrasi" in visible_text(qualified)
    assert f"background:{NEUTRAL_COLOUR}" in qualified


@given(score=ops.scores(max_value="75.00"), year=ops.years())
def test_every_grade_renders_in_its_zone_colour(score: Score, year: int) -> None:
    grade = classify(score, year)
    markup = grade_html(grade)
    assert f"background:{zone_colour(grade.zone)}" in markup
    assert grade.label in visible_text(markup)
    assert markup.count("<div") == markup.count("</div>")


def sultra_2022() -> list[Assessment]:
    return [
        Assessment(regions.pemda("Kota Kendari"), 2022, "58.99"),
        Assessment(MUBAR, 2022, "69.17"),
        Assessment(regions.pemda("Kabupaten Bombana"), 2022, "65.54"),
        Assessment(regions.pemda("Kota Baubau"), 2022, "58.03"),
    ]


def test_ranking_table() -> None:
    ranking = rank(sultra_2022(), Provincial(regions.province("Sultra")))
    markup = ranking_html(ranking)
    text = visible_text(markup)
    assert "kabupaten/kota of Provinsi Sulawesi Tenggara, 2022: 4 entries" in text
    order = [text.index(name) for name in ("Muna Barat", "Bombana", "Kendari", "Bau Bau")]
    assert order == sorted(order)
    assert "69.17" in text
    assert markup.count("<tr>") == 5
    assert f"background:{KUNING}" in markup
    assert "(partial: 17 kabupaten/kota in Provinsi Sulawesi Tenggara)" in text
    units = rank(
        [Assessment(OPD(pemda=MUBAR, kind=OPDKind.DINSOS), 2022, "70.00")], WithinPemda(MUBAR)
    )
    assert "partial" not in visible_text(ranking_html(units))


def test_a_partial_ranking_says_so_and_long_ones_are_cut() -> None:
    ranking = rank(sultra_2022()[1:3], National(PemdaKind.KABUPATEN))
    assert "(partial: 415 assessed)" in visible_text(ranking_html(ranking))
    cut = ranking_html(rank(sultra_2022(), Provincial(regions.province("Sultra"))), max_rows=3)
    assert "… 1 more" in visible_text(cut)
    assert "Bau Bau" not in visible_text(cut)


def test_names_are_escaped() -> None:
    odd = Instansi(name='<script>alert("x")</script> & Co', kind=InstansiKind.LEMBAGA)
    results = [Assessment(odd, 2021, "95.30"), Assessment(odd, 2023, "94.11")]
    for markup in (
        ranking_html(rank(results[:1], National(InstansiKind.LEMBAGA))),
        series_html(results),
    ):
        assert "<script>" not in markup
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in markup


def test_series_row() -> None:
    markup = series_html(
        [
            Assessment(MUBAR, 2023, "81.84"),
            Assessment(MUBAR, 2021, "34.19"),
            Assessment(MUBAR, 2022, "69.17"),
        ]
    )
    text = visible_text(markup)
    assert text.index("2021") < text.index("2022") < text.index("2023")
    assert "+34.98" in text
    assert "+12.67" in text
    for colour in (MERAH, KUNING, HIJAU):
        assert f"background:{colour}" in markup
    assert "Kabupaten Muna Barat" in text


def test_series_with_a_fall_and_a_year_without_score() -> None:
    kemlu = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
    markup = series_html(
        [
            Assessment(kemlu, 2018, None),
            Assessment(kemlu, 2019, "100"),
            Assessment(kemlu, 2021, "96.87"),
        ]
    )
    text = visible_text(markup)
    assert "-3.13" in text
    assert f"background:{NEUTRAL_COLOUR}" in markup
    assert "no published score" in markup


@pytest.mark.parametrize("max_rows", [0, -1, True, 2.5, "10"])
def test_bad_max_rows(max_rows: object) -> None:
    ranking = rank(sultra_2022(), Provincial(regions.province("Sultra")))
    with pytest.raises(InvalidArgumentError):
        ranking_html(ranking, max_rows=max_rows)  # type: ignore[arg-type]


def test_ranking_and_series_repr_html() -> None:
    ranking = rank(sultra_2022(), Provincial(regions.province("Sultra")))
    assert ranking._repr_html_() == ranking_html(ranking)
    trend = series([Assessment(MUBAR, 2021, "34.19"), Assessment(MUBAR, 2022, "69.17")], MUBAR)
    assert trend._repr_html_() == series_html(trend)
    assert "+34.98" in visible_text(trend._repr_html_())
