"""opinipp.ipp: PEKPPP aspects and weights, the exact IPP, the Pemda mean, categories."""

from __future__ import annotations

import pickle
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opinipp._indices import Provenance
from opinipp.errors import InvalidArgumentError
from opinipp.ipp import (
    DEFAULT_IPP_RULES,
    Aspect,
    Indicator,
    IppResult,
    PemdaIpp,
    category,
    ipp,
    pemda_ipp,
)
from opinipp.scores import Score
from opinipp.strategies import ipp_results, ipp_scores

if TYPE_CHECKING:
    from pathlib import Path

ALL_FOUR: dict[str, object] = {a.code: 4 for a in DEFAULT_IPP_RULES.aspects}


def test_the_instrument() -> None:
    rules = DEFAULT_IPP_RULES
    assert [(a.code, a.weight, len(a.indicators)) for a in rules.aspects] == [
        ("kebijakan", Decimal(24), 9),
        ("sdm", Decimal(25), 5),
        ("sarpras", Decimal(18), 6),
        ("sipp", Decimal(11), 4),
        ("konsultasi", Decimal(10), 4),
        ("inovasi", Decimal(12), 2),
    ]
    kp = rules.aspects[0]
    assert [i.weight for i in kp.indicators] == [
        Decimal(w) for w in (17, 14, 7, 14, 10, 17, 7, 7, 7)
    ]
    assert kp.indicators[5].name == "SKM sesuai PermenPANRB"
    for aspect in rules.aspects[1:]:
        assert not aspect.weights_known
        assert all(i.weight is None and i.name is None for i in aspect.indicators)
        assert {i.provenance for i in aspect.indicators} == {Provenance.NOT_RETRIEVED}
    assert rules.bands_provenance is Provenance.RECONSTRUCTION
    assert {b.provenance for b in rules.bands} == {Provenance.RECONSTRUCTION}
    assert any("reconstruction" in n for n in rules.notes)
    assert rules.aspect("Inovasi").code == "inovasi"
    assert rules.aspect("service policy").code == "kebijakan"


def test_aspect_weights_must_be_all_known_or_all_unknown() -> None:
    known = Indicator("X-1", "a", "a", Decimal(60), Provenance.ASSUMPTION)
    unknown = Indicator("X-2", None, None, None, Provenance.NOT_RETRIEVED)
    with pytest.raises(InvalidArgumentError, match="all None or all known, sum 100"):
        Aspect("x", "X", "X", Decimal(10), (known, unknown))
    with pytest.raises(InvalidArgumentError, match="all None or all known, sum 100"):
        Aspect("x", "X", "X", Decimal(10), (known,))
    with pytest.raises(InvalidArgumentError, match="a percentage in"):
        Indicator("X-1", None, None, Decimal(0), Provenance.ASSUMPTION)


# --- Categories: both sides of every (reconstructed) bound -------------------------------------


@pytest.mark.parametrize(
    ("value", "grade", "label"),
    [
        ("0", "F", "Gagal"),
        ("1.00", "F", "Gagal"),
        ("1.01", "E", "Sangat Buruk"),
        ("1.50", "E", "Sangat Buruk"),
        ("1.51", "D", "Buruk"),
        ("2.00", "D", "Buruk"),
        ("2.01", "C-", "Cukup (dengan catatan)"),
        ("2.50", "C-", "Cukup (dengan catatan)"),
        ("2.51", "C", "Cukup"),
        ("3.00", "C", "Cukup"),
        ("3.01", "B-", "Baik (dengan catatan)"),
        ("3.50", "B-", "Baik (dengan catatan)"),
        ("3.51", "B", "Baik"),
        ("4.00", "B", "Baik"),
        ("4.01", "A-", "Sangat Baik"),
        ("4.50", "A-", "Sangat Baik"),
        ("4.51", "A", "Pelayanan Prima"),
        ("5.00", "A", "Pelayanan Prima"),
    ],
)
def test_categories(value: str, grade: str, label: str) -> None:
    found = category(value)
    assert (found.grade, found.label) == (grade, label)
    assert found.name() == f"{grade} ({label}; rekonstruksi)"


def test_categories_of_the_published_cases() -> None:
    assert [category(v).grade for v in ("4.02", "3.34", "3.68")] == ["A-", "B-", "B"]
    assert [category(v).label for v in ("4.61", "4.67", "4.74")] == ["Pelayanan Prima"] * 3


def test_category_rounds_half_up_first() -> None:
    assert category("4.505").grade == "A"
    assert category(Decimal("4.5049")).grade == "A-"
    assert category(np.float64(3.5)).grade == "B-"


@pytest.mark.parametrize("value", ["5.01", "-0.01", 6, None, True, "x", float("inf"), [4]])
def test_category_rejects(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match="a number from 0 to 5"):
        category(value)


# --- The IPP ------------------------------------------------------------------------------------


def test_ipp_weights_the_aspects() -> None:
    result = ipp(
        {
            "kebijakan": 5,
            "sdm": 4,
            "sarpras": "4,5",
            "sipp": 4,
            "konsultasi": 5,
            "inovasi": Decimal("3.5"),
        }
    )
    assert result.value == Fraction(437, 100)
    assert (result.ipp, result.score, result.category.grade) == (
        Decimal("4.37"),
        Score("87.40"),
        "A-",
    )
    assert [a.score for a in result.aspects] == [
        Fraction(5),
        Fraction(4),
        Fraction(9, 2),
        Fraction(4),
        Fraction(5),
        Fraction(7, 2),
    ]
    assert all(a.indicators is None for a in result.aspects)


def test_kebijakan_pelayanan_by_its_indicators() -> None:
    values = [5, 4, 3, 5, 4, 5, 2, 3, 4]
    result = ipp({**ALL_FOUR, "kebijakan": values})
    kp = result.aspects[0]
    # (5·17 + 4·14 + 3·7 + 5·14 + 4·10 + 5·17 + 2·7 + 3·7 + 4·7) / 100 = 420 / 100
    assert kp.score == Fraction(420, 100)
    assert kp.weights == tuple(Fraction(w) for w in (17, 14, 7, 14, 10, 17, 7, 7, 7))
    assert not kp.weights_given
    as_mapping = {f"KP-{i}": v for i, v in enumerate(values, 1)}
    assert ipp({**ALL_FOUR, "kebijakan": as_mapping}) == result
    assert result.value == (Fraction(420, 100) * 24 + 4 * 76) / 100


def test_the_times_20_value_is_on_the_unrounded_ipp() -> None:
    # 4.7375 is published as 4.74 but converts to 94.75, not 94.80 [R131].
    result = ipp({a.code: Decimal("4.7375") for a in DEFAULT_IPP_RULES.aspects})
    assert (result.ipp, result.score) == (Decimal("4.74"), Score("94.75"))


def test_unknown_indicator_weights_are_required_input() -> None:
    with pytest.raises(
        InvalidArgumentError, match=r"the 5 indicator weights of Profesionalisme SDM"
    ):
        ipp({**ALL_FOUR, "sdm": [4, 4, 4, 4, 4]})
    result = ipp({**ALL_FOUR, "sdm": [5, 4, 3, 4, 4]}, weights={"sdm": [20, 20, 20, 20, 20]})
    sdm = result.aspects[1]
    assert (sdm.score, sdm.weights_given) == (Fraction(4), True)
    result = ipp(
        {**ALL_FOUR, "inovasi": [5, 3]}, weights={"inovasi": {"INOVASI-1": 75, "inovasi-2": 25}}
    )
    assert result.aspects[5].score == Fraction(9, 2)


@pytest.mark.parametrize(
    ("scores", "weights", "message"),
    [
        ({**ALL_FOUR, "sdm": [4] * 5}, {"sdm": [50, 50, 0, 0, 1]}, "summing to 100"),
        ({**ALL_FOUR, "sdm": [4] * 5}, {"sdm": [50, 50]}, "5 weights"),
        ({**ALL_FOUR, "sdm": [4] * 5}, {"sdm": [-10, 50, 20, 20, 20]}, "percentages from 0"),
        (ALL_FOUR, {"kebijakan": [100] + [0] * 8}, "weights only for aspects"),
        (ALL_FOUR, {"sdm": [20] * 5}, "weights only for aspects"),
        (ALL_FOUR, {"nope": [1]}, "invalid aspect 'nope'"),
        (ALL_FOUR, [1], "invalid weights"),
        ({**ALL_FOUR, "kebijakan": [4] * 8}, None, "9 indicator scores"),
        ({**ALL_FOUR, "kebijakan": {"KP-1": 4}}, None, "9 indicator scores"),
        ({**ALL_FOUR, "kebijakan": "4;4"}, None, "a number from 0 to 5"),
        ({**ALL_FOUR, "sdm": 5.5}, None, "a number from 0 to 5"),
        ({**ALL_FOUR, "sdm": None}, None, "a number from 0 to 5"),
        ({k: v for k, v in ALL_FOUR.items() if k != "sipp"}, None, r"missing: \['sipp'\]"),
        ({**ALL_FOUR, "Inovasi": 4}, None, "inovasi repeated"),
        ({**ALL_FOUR, "x": 4}, None, "invalid aspect 'x'"),
        ([4] * 6, None, "a mapping from aspect"),
    ],
)
def test_ipp_rejects(scores: Any, weights: Any, message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        ipp(scores, weights=weights)


def test_ipp_accepts_numpy_scalars() -> None:
    scores = {
        **ALL_FOUR,
        "sdm": np.float64(4.5),
        "sipp": np.int64(3),
        "kebijakan": np.array([4] * 9).tolist(),
    }
    result = ipp(scores)
    assert result.aspects[1].score == Fraction(9, 2)
    assert result.aspects[3].score == Fraction(3)


def test_repr_summary_and_html() -> None:
    result = ipp(ALL_FOUR)
    assert repr(result) == "<IppResult pekppp-2023: IPP 4.00 (×20: 80.00): B (Good; reconstructed)>"
    assert result.summary() == "IPP 4,00 (×20: 80,00): B (Baik; rekonstruksi)"
    assert "<th>Aspek</th>" in result._repr_html_()
    assert "<td>Staff professionalism</td><td>25%</td><td>4.00</td>" in result.to_html("en")
    assert pickle.loads(pickle.dumps(result)) == result
    assert hash(result) == hash(ipp(ALL_FOUR))


# --- Pemda: the mean of the units' unrounded values ---------------------------------------------


def test_pemda_ipp_is_the_mean_of_unrounded_values() -> None:
    units = [Decimal("4.7349"), Decimal("4.6349"), Decimal("4.6349")]
    rounded = [Decimal("4.73"), Decimal("4.63"), Decimal("4.63")]
    assert pemda_ipp(units).ipp == Decimal("4.67")
    assert pemda_ipp(rounded).ipp == Decimal("4.66")
    # The rule, at its edge: a mean of unrounded values reaching 4.665 rounds to 4.67.
    assert pemda_ipp(["4.734", "4.631", "4.630"]).ipp == Decimal("4.67")  # sum 13.995
    assert pemda_ipp(["4.734", "4.631", "4.6299"]).ipp == Decimal("4.66")  # sum 13.9949


def test_pemda_ipp_from_results() -> None:
    a = ipp({x.code: Decimal("4.7349") for x in DEFAULT_IPP_RULES.aspects})
    b = ipp({x.code: Decimal("4.6349") for x in DEFAULT_IPP_RULES.aspects})
    pemda = pemda_ipp([a, b, b])
    assert pemda.units == (a.value, b.value, b.value)
    assert pemda.value == (a.value + 2 * b.value) / 3
    assert (pemda.ipp, pemda.category.label) == (Decimal("4.67"), "Pelayanan Prima")
    assert (
        repr(pemda)
        == "<PemdaIpp 3 units: IPP 4.67 (×20: 93.36): A (Excellent service; reconstructed)>"
    )
    assert pemda_ipp(["4.02", "3.34"]).ipp == Decimal("3.68")


@pytest.mark.parametrize("units", [[], None, "4.5", {"a": 4}, [4, "x"], [6], [True]])
def test_pemda_ipp_rejects(units: Any) -> None:
    with pytest.raises(InvalidArgumentError):
        pemda_ipp(units)


def test_pemda_value_is_checked() -> None:
    with pytest.raises(InvalidArgumentError, match="the mean of the units"):
        PemdaIpp(DEFAULT_IPP_RULES, (Fraction(4),), Fraction(3))


# --- Properties ------------------------------------------------------------------------------


@given(ipp_scores())
def test_the_ipp_is_the_weighted_aspect_scores(scores: dict[str, object]) -> None:
    result = ipp(scores)
    assert result.value == sum(a.score * Fraction(a.aspect.weight) for a in result.aspects) / 100
    assert 0 <= result.value <= 5
    assert result.score == Score.rounded(result.value * 20)
    assert result.category == category(result.ipp)


@given(ipp_results(), ipp_results())
def test_the_pemda_ipp_lies_between_its_units(a: IppResult, b: IppResult) -> None:
    pemda = pemda_ipp([a, b])
    assert min(a.value, b.value) <= pemda.value <= max(a.value, b.value)


@given(st.integers(0, 500), st.integers(0, 500))
def test_the_category_is_monotone(a: int, b: int) -> None:
    grades = [band.grade for band in DEFAULT_IPP_RULES.bands]
    low, high = sorted((a, b))
    below = category(Decimal(low).scaleb(-2)).grade
    above = category(Decimal(high).scaleb(-2)).grade
    assert grades.index(below) <= grades.index(above)


# --- Command line ---------------------------------------------------------------------------

IPP_CSV = """aspect,indicator,value,weight
kebijakan,KP-1,5,
kebijakan,KP-2,4,
kebijakan,KP-3,3,
kebijakan,KP-4,5,
kebijakan,KP-5,4,
kebijakan,KP-6,5,
kebijakan,KP-7,2,
kebijakan,KP-8,3,
kebijakan,KP-9,4,
sdm,,"4,5",
sarpras,,4,
sipp,,4,
konsultasi,,5,
inovasi,INOVASI-1,5,75
inovasi,INOVASI-2,3,25
"""


def test_cli_ipp(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from opinipp.cli import main

    path = tmp_path / "ipp.csv"
    path.write_text(IPP_CSV, encoding="utf-8")
    assert main(["ipp", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Indeks Pelayanan Publik (PEKPPP) menurut pekppp-2023"
    assert out[2].split() == ["Kebijakan", "Pelayanan", "24%", "4,20"]
    assert out[-2] == "IPP 4,33 (×20: 86,66): A- (Sangat Baik; rekonstruksi)"
    assert out[-1] == "Kategori adalah rekonstruksi: tabel resmi tidak diperoleh."
    assert main(["ipp", str(path), "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "command",
        "rules",
        "aspects",
        "value",
        "ipp",
        "score",
        "category",
        "label",
        "reconstructed",
    ]
    assert (data["value"], data["ipp"], data["score"], data["category"]) == (
        "4333/1000",
        "4.33",
        "86.66",
        "A-",
    )
    assert data["reconstructed"] is True


def test_cli_ipp_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opinipp.cli import main

    path = tmp_path / "ipp.csv"
    path.write_text("aspect,nilai\nsdm,4\n", encoding="utf-8")
    assert main(["ipp", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "row 1, column 'nilai'" in err
    assert "a column 'value' is required" in err
    path.write_text(IPP_CSV.replace("inovasi,INOVASI-2,3,25\n", ""), encoding="utf-8")
    assert main(["ipp", str(path)]) == 2
    assert "invalid scores['inovasi']" in capsys.readouterr().err
    assert main(["ipp", str(tmp_path / "none.csv")]) == 2
