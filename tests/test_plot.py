"""opinipp.plot draws what the data say: asserted on the artists, never on images."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle

from opinipp import plot, regions
from opinipp._palette import (
    CATEGORY_COLOURS,
    MISSING_COLOUR,
    PRESENT_COLOUR,
    ZONE_COLOURS,
    band_colour,
)
from opinipp.assessments import Assessment
from opinipp.datasets import published_results
from opinipp.entities import PemdaKind
from opinipp.errors import (
    InvalidArgumentError,
    MissingExtraError,
    NotApplicableError,
    RulesNotAvailableError,
)
from opinipp.instruments import instrument_for, readiness
from opinipp.ranking import National, Provincial, rank
from opinipp.rules import rules_for
from opinipp.strategies import scores
from opinipp.trends import series

if TYPE_CHECKING:
    from collections.abc import Iterator

    from matplotlib.axes import Axes

MERAH, KUNING, HIJAU = ZONE_COLOURS["merah"], ZONE_COLOURS["kuning"], ZONE_COLOURS["hijau"]
MUBAR = regions.pemda("Kabupaten Muna Barat")


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def legend(ax: Axes) -> list[str]:
    found = ax.get_legend()
    assert found is not None
    return [t.get_text() for t in found.get_texts()]


def heights(ax: Axes) -> dict[str, list[int]]:
    return {str(c.get_label()): [round(p.get_height()) for p in c] for c in ax.containers}


def colours(ax: Axes) -> dict[str, set[str]]:
    return {str(c.get_label()): {to_hex(p.get_facecolor()) for p in c} for c in ax.containers}


def texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def rects(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def mubar_series() -> Any:
    return series(published_results(), MUBAR)


# --- the palette ------------------------------------------------------------------------


def test_the_html_reprs_use_the_palette() -> None:
    from opinipp import _html

    assert _html.ZONE_COLOURS is ZONE_COLOURS
    assert _html.zone_colour(rules_for(2023).bands[0].zone) == MERAH


def test_band_colours_per_regime() -> None:
    assert [band_colour(b) for b in rules_for(2021).bands] == [MERAH, KUNING, HIJAU]
    assert [band_colour(b) for b in rules_for(2023).bands] == [
        "#8b1a1a",
        MERAH,
        KUNING,
        HIJAU,
        "#1a6e1a",
    ]
    # 2025 has neither zones nor categories: each band takes the colour of its position.
    assert [band_colour(b) for b in rules_for(2025).bands] == [
        band_colour(b) for b in rules_for(2024).bands
    ]
    assert CATEGORY_COLOURS["B"] == HIJAU
    assert CATEGORY_COLOURS["D"] == MERAH


# --- national distribution ----------------------------------------------------------------


def test_national_zones_are_the_official_counts() -> None:
    ax = plot.national_distribution([2021, 2022, 2023, 2024])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021", "2022", "2023", "2024"]
    assert heights(ax) == {
        "zona merah": [92, 64, 39, 23],
        "zona kuning": [316, 250, 133, 70],
        "zona hijau": [179, 272, 414, 494],
    }
    assert colours(ax) == {"zona merah": {MERAH}, "zona kuning": {KUNING}, "zona hijau": {HIJAU}}
    assert legend(ax) == ["zona hijau", "zona kuning", "zona merah"]  # best first
    assert ax.get_xlabel() == "tahun"
    assert ax.get_ylabel() == "entitas (angka resmi nasional)"
    assert ax.get_title() == "Sebaran zona per tahun (nasional)"
    assert texts(ax) == []


def test_national_stacks_worst_at_the_bottom() -> None:
    ax = plot.national_distribution([2022])
    merah, kuning, hijau = (c[0] for c in ax.containers)
    assert (merah.get_y(), kuning.get_y(), hijau.get_y()) == (0, 64, 64 + 250)


def test_years_without_official_counts_say_so_and_draw_nothing() -> None:
    ax = plot.national_distribution(lang="en")
    years = [t.get_text() for t in ax.get_xticklabels()]
    assert years == ["2018", "2019", "2021", "2022", "2023", "2024", "2025"]
    assert texts(ax) == ["official count partial: hijau 97", "no official count", "no zones"]
    for counts in heights(ax).values():
        assert counts[0] == counts[1] == counts[-1] == 0
    assert legend(ax) == ["green zone", "yellow zone", "red zone"]
    assert ax.get_ylabel() == "entities (official national count)"


def test_national_categories() -> None:
    ax = plot.national_distribution([2021, 2024], by="category", lang="en")
    assert heights(ax) == {
        "E (Lowest quality)": [0, 9],
        "D (Low quality)": [0, 14],
        "C (Medium quality)": [0, 70],
        "B (High quality)": [0, 157],
        "A (Highest quality)": [0, 337],
    }
    assert legend(ax)[0] == "A (Highest quality)"
    assert colours(ax)["A (Highest quality)"] == {CATEGORY_COLOURS["A"]}
    assert texts(ax) == ["no categories"]
    assert ax.get_title() == "Categories by year (national)"


def test_national_by_kind() -> None:
    ax = plot.national_distribution([2022, 2023, 2024], kind=PemdaKind.KABUPATEN)
    assert heights(ax)["zona merah"] == [59, 0, 22]
    assert texts(ax) == ["tidak ada angka resmi"]  # 2023: no split per kind was published
    assert ax.get_ylabel() == "kabupaten (angka resmi nasional)"
    assert ax.get_title() == "Sebaran zona per tahun (kabupaten)"
    by_text = plot.national_distribution([2022], kind="kota")
    assert heights(by_text)["zona hijau"] == [53]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: plot.national_distribution([2020]), RulesNotAvailableError),
        (lambda: plot.national_distribution([]), InvalidArgumentError),
        (lambda: plot.national_distribution(["2023"]), InvalidArgumentError),  # type: ignore[list-item]
        (lambda: plot.national_distribution(by="predikat"), InvalidArgumentError),  # type: ignore[arg-type]
        (lambda: plot.national_distribution(kind="desa"), InvalidArgumentError),
        (lambda: plot.national_distribution(lang="fr"), InvalidArgumentError),  # type: ignore[arg-type]
        (lambda: plot.national_distribution(ax="axes"), InvalidArgumentError),  # type: ignore[arg-type]
    ],
)
def test_national_rejects(call: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()


# --- a user's distribution ----------------------------------------------------------------


def test_a_users_distribution_counts_the_data_given() -> None:
    results = published_results()
    ax = plot.distribution(results)
    scored = [a for a in results if a.score is not None]
    for zone, label in (("merah", "zona merah"), ("hijau", "zona hijau")):
        by_year = heights(ax)[label]
        years = [int(t.get_text()) for t in ax.get_xticklabels()]
        expected = [
            sum(1 for a in scored if a.year == y and a.grade.zone and a.grade.zone.value == zone)
            for y in years
        ]
        assert by_year == expected
    assert ax.get_ylabel() == "hasil dalam data ini"
    assert "bukan angka nasional" in ax.get_title()
    assert "tanpa zona" in texts(ax)  # 2025


def test_a_users_distribution_in_english_on_given_axes() -> None:
    _, given_ax = plt.subplots()
    data = [Assessment(MUBAR, 2021, "34.19"), Assessment(MUBAR, 2023, "81.84")]
    ax = plot.distribution(data, lang="en", ax=given_ax)
    assert ax is given_ax
    assert heights(ax) == {"red zone": [1, 0], "yellow zone": [0, 0], "green zone": [0, 1]}
    assert ax.get_title() == "Zones by year (the data given, not national counts)"


@given(st.lists(scores(), min_size=1, max_size=20))
@settings(max_examples=25, deadline=None)
def test_a_users_distribution_counts_every_scored_result(values: list[Any]) -> None:
    pemdas = list(regions.pemdas())[: len(values)]
    data = [Assessment(p, 2023, v) for p, v in zip(pemdas, values, strict=False)]
    ax = plot.distribution(data, by="category")
    assert sum(sum(h) for h in heights(ax).values()) == len(data)
    plt.close("all")


# --- an entity's series ---------------------------------------------------------------------


def test_the_series_points_are_the_scores() -> None:
    ax = plot.series(mubar_series())
    (line,) = ax.get_lines()
    assert np.asarray(line.get_xdata()).tolist() == [2021, 2022, 2023, 2024]
    assert np.asarray(line.get_ydata()).tolist() == [34.19, 69.17, 81.84, 93.46]
    (points,) = ax.collections
    assert [to_hex(tuple(c)) for c in np.asarray(points.get_facecolor())] == [
        MERAH,
        KUNING,
        HIJAU,
        CATEGORY_COLOURS["A"],
    ]
    assert ax.get_xlabel() == "tahun"
    assert ax.get_ylabel() == "skor"
    assert ax.get_title() == "Kabupaten Muna Barat: skor per tahun"
    assert {"34.19", "69.17", "81.84", "93.46"} <= {t.get_text() for t in ax.texts}


def test_bands_stay_within_their_regime() -> None:
    ax = plot.series(mubar_series(), lang="en")
    spans = {
        (str(p.get_label()), p.get_x(), p.get_x() + p.get_width())
        for p in rects(ax)
        if p.get_label()
    }
    # the zones of 2021 stop at 2021.5; the categories start there
    assert ("green zone (High compliance)", 2020.5, 2021.5) in spans
    assert ("red zone (Low compliance)", 2020.5, 2021.5) in spans
    assert ("A (Highest quality)", 2021.5, 2023.5) in spans  # 2022–2023
    assert ("A (Highest quality)", 2023.5, 2024.5) in spans  # 2024, its own rule set
    assert all(x1 <= 2021.5 for label, _, x1 in spans if "zone" in label)
    assert all(x0 >= 2021.5 for label, x0, _ in spans if "quality" in label)
    green = next(p for p in rects(ax) if p.get_label() == "green zone (High compliance)")
    assert (green.get_y(), green.get_y() + green.get_height()) == (81.0, 100.0)
    assert to_hex(green.get_facecolor()) == HIJAU
    # legend: the score, then each regime's bands best first, each once
    assert legend(ax) == [
        "score",
        "green zone (High compliance)",
        "yellow zone (Medium compliance)",
        "red zone (Low compliance)",
        "A (Highest quality)",
        "B (High quality)",
        "C (Medium quality)",
        "D (Low quality)",
        "E (Lowest quality)",
    ]


def test_the_gap_to_the_next_tier() -> None:
    ax = plot.series(mubar_series(), gap=2023)
    assert "+6.16 menuju A" in texts(ax)
    (arrow,) = (a for a in ax.texts if a.get_text() == "" and hasattr(a, "xy"))
    assert arrow.xy == (2023, 88.0)
    english = plot.series(mubar_series(), gap=2021, lang="en")
    assert "+16.81 to yellow" in texts(english)  # 34.19 → 51.00, kuning


def test_gap_errors() -> None:
    with pytest.raises(NotApplicableError):
        plot.series(mubar_series(), gap=2024)  # 93.46 is A
    with pytest.raises(InvalidArgumentError, match="2019"):
        plot.series(mubar_series(), gap=2019)
    with pytest.raises(InvalidArgumentError):
        plot.series([Assessment(MUBAR, 2023, "81.84")])  # type: ignore[arg-type]


def test_2025_bands_take_their_positions_colours() -> None:
    s = series([Assessment(MUBAR, 2024, "93.46"), Assessment(MUBAR, 2025, "90.00")], MUBAR)
    ax = plot.series(s, lang="en")
    top = next(p for p in rects(ax) if p.get_label() == "Highest quality (Very good)")
    assert to_hex(top.get_facecolor()) == CATEGORY_COLOURS["A"]
    assert (top.get_x(), top.get_width()) == (2024.5, 1)


# --- ranking --------------------------------------------------------------------------------


def sumut_2022() -> Any:
    scope = Provincial(regions.province("Sumut"))
    chosen = [
        a
        for a in published_results()
        if a.year == 2022 and a.score is not None and scope.admits(a.entity)
    ]
    return rank(chosen, scope)


def test_the_ranking_bars() -> None:
    r = sumut_2022()
    ax = plot.ranking(r)
    bars = ax.containers[0]
    assert [p.get_width() for p in bars] == [float(e.score) for e in r.entries]
    assert [to_hex(p.get_facecolor()) for p in bars] == [
        band_colour(e.grade.band) for e in r.entries
    ]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "1. Kabupaten Deli Serdang"
    assert len(labels) == 24
    assert bars[0].get_width() == 91.99
    assert ax.get_title() == (
        "Peringkat kabupaten/kota di Provinsi Sumatera Utara, 2022\nsebagian: 24 dari 33"
    )
    assert ax.get_xlabel() == "skor"
    assert ax.get_ylabel() == "peringkat dan entitas"
    assert legend(ax) == [b.name() for b in reversed(rules_for(2022).bands)]
    assert ax.yaxis_inverted()  # best at the top


def test_the_ranking_in_english_and_complete() -> None:
    data = [Assessment(MUBAR, 2023, "81.84")]
    ax = plot.ranking(rank(data, National(PemdaKind.KABUPATEN)), lang="en")
    assert ax.get_title() == "Ranking of kabupaten nationally, 2023\npartial: 1 of 415"
    assert legend(ax)[0] == "A (Highest quality)"
    with pytest.raises(InvalidArgumentError):
        plot.ranking(rank([], National(PemdaKind.KABUPATEN)))
    with pytest.raises(InvalidArgumentError):
        plot.ranking(data)  # type: ignore[arg-type]


# --- readiness ------------------------------------------------------------------------------


def test_readiness_per_dimension() -> None:
    r = readiness(instrument_for(2026), {"IN-01": [1, 2, 3, 4, 5, 6, 7], "PR-07": range(1, 16)})
    ax = plot.readiness(r)
    present, missing = ax.containers
    assert [round(float(p.get_width()), 2) for p in present] == [46.67, 36.59, 0.0, 0.0]
    assert [round(float(p.get_width()), 2) for p in missing] == [53.33, 63.41, 0.0, 100.0]
    assert {to_hex(p.get_facecolor()) for p in present} == {PRESENT_COLOUR}
    assert {to_hex(p.get_facecolor()) for p in missing} == {MISSING_COLOUR}
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Input",
        "Proses",
        "Output",
        "Pengaduan",
    ]
    assert texts(ax) == ["7/15 (46.67 %)", "15/41 (36.59 %)", "tidak dihitung", "0/18 (0.00 %)"]
    assert legend(ax) == ["ada", "belum ada"]
    assert ax.get_xlabel() == "bukti wajib yang ada (%)"
    assert ax.get_title().startswith("Kesiapan per dimensi: 22/74 (29.73 %)")
    english = plot.readiness(r, lang="en")
    assert legend(english) == ["present", "missing"]
    assert english.get_xlabel() == "required evidence present (%)"


# --- without matplotlib ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        plot.national_distribution,
        lambda: plot.distribution([Assessment(MUBAR, 2023, "81.84")]),
        lambda: plot.series(mubar_series()),
        lambda: plot.ranking(sumut_2022()),
        lambda: plot.readiness(readiness(instrument_for(2026), {})),
    ],
)
def test_without_matplotlib_the_extra_is_named(call: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(MissingExtraError) as caught:
        call()
    assert caught.value.extra == "plot"
    assert caught.value.module == "matplotlib"
    assert "opinipp[plot]" in str(caught.value)


def test_never_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError("plt.show() called")

    monkeypatch.setattr(plt, "show", fail)
    plot.national_distribution()
    plot.series(mubar_series(), gap=2023)
    plot.ranking(sumut_2022())
