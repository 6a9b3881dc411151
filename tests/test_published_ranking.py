"""Every provincial ranking in the published results, recomputed and compared with the source.

published_results.csv (real results copied from news, local-government sites and Ombudsman
regional pages) gives a ``rank_province`` for some rows. The rows of one year and province
are one published ranking; a few sources rank kota and kabupaten separately, or rank units
rather than Pemda, and are split or set aside below with the reason. Each group is ranked
with :class:`~opinipp.ranking.Provincial` (with the provincial government when the group
holds it) over the rows that have a score, and the computed order is compared with the
published one pair by pair.

Where the two disagree, the source is wrong by its own numbers: each such pair is listed
in ``ORDER_ANOMALIES`` with the words of the CSV's ``note`` column, and the test checks both
that it still disagrees and that no other pair does. Every "Out of score order" note in the file
must be accounted for, either here or in ``UNDETECTABLE`` with the reason.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Final, NamedTuple

import pytest

from opinipp import regions
from opinipp.assessments import Assessment
from opinipp.entities import Pemda, PemdaKind
from opinipp.ranking import Provincial, Ranking, rank

_ROOT: Final = Path(__file__).resolve().parents[1]
# The bundled copy; the shared reference data when running from a checkout without it.
_CANDIDATES: Final = (
    _ROOT / "src" / "opinipp" / "data" / "published_results.csv",
    _ROOT.parent / "shared" / "data" / "published_results.csv",
)
_PEMDA_KINDS: Final = {k.value for k in PemdaKind}


def _rows() -> list[dict[str, str]]:
    for path in _CANDIDATES:
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                return list(csv.DictReader(handle))
    msg = f"published_results.csv not found in {[str(p) for p in _CANDIDATES]}"
    raise FileNotFoundError(msg)


ROWS: Final = _rows()

# (year, province) groups whose rank_province counts kota and kabupaten separately.
SPLIT_BY_KIND: Final = {
    (2023, "Jawa Tengah"): "Rank among kabupaten in Jateng",
}

# Rows with a rank_province that is not a ranking of Pemda (no Provincial scope fits).
NOT_A_PEMDA_RANKING: Final = {
    (2023, "Disdukcapil"): "among Disdukcapil units",
}

# (year, province) → (entity listed higher, entity listed lower, the CSV note's words).
ORDER_ANOMALIES: Final = {
    (2022, "Jawa Timur"): (
        "Kota Surabaya",
        "Kabupaten Tuban",
        "Out of score order: listed 8th with 81,10 above Tuban (9th) with 81,33",
    ),
}

# Anomaly notes the data cannot show, because a row they compare with is not in the file.
UNDETECTABLE: Final = {
    (2023, "Kota Bima"): (
        "Out of score order: listed 2nd with 83,90 above Pemprov NTB (3rd) with 84,51",
        "Pemprov NTB 2023 has no row in the file",
    ),
}


class Group(NamedTuple):
    """One published ranking: a year, a province, and which Pemda kinds it ranks."""

    year: int
    province: str
    kinds: str  # "kabupaten/kota", "kabupaten" or "kota"

    @property
    def id(self) -> str:
        return f"{self.year}-{self.province}-{self.kinds}"


def _groups() -> dict[Group, list[dict[str, str]]]:
    groups: dict[Group, list[dict[str, str]]] = defaultdict(list)
    for row in ROWS:
        if not row["rank_province"] or row["entity_kind"] not in _PEMDA_KINDS:
            continue
        year = int(row["year"])
        kinds = "kabupaten/kota"
        if (year, row["province"]) in SPLIT_BY_KIND:
            kinds = row["entity_kind"]
        groups[Group(year, row["province"], kinds)].append(row)
    return dict(groups)


GROUPS: Final = _groups()


def _pemda(row: dict[str, str]) -> Pemda:
    return regions.pemda(row["entity_name"], province=row["province"])


def _ranked(group: Group, rows: list[dict[str, str]]) -> Ranking:
    province = regions.province(group.province)
    include_provinsi = any(r["entity_kind"] == PemdaKind.PROVINSI.value for r in rows)
    scored = [Assessment(_pemda(r), group.year, r["score"]) for r in rows if r["score"]]
    return rank(scored, Provincial(province, include_provinsi=include_provinsi))


def _reversed_pairs(
    rows: list[dict[str, str]], ranking: Ranking
) -> list[tuple[dict[str, str], dict[str, str]]]:
    """Pairs the source lists in one order and the scores put strictly the other way."""
    scored = sorted((r for r in rows if r["score"]), key=lambda r: int(r["rank_province"]))
    reversed_pairs = []
    for higher, lower in combinations(scored, 2):
        if int(higher["rank_province"]) == int(lower["rank_province"]):
            continue
        if ranking.find(_pemda(higher)).rank > ranking.find(_pemda(lower)).rank:
            reversed_pairs.append((higher, lower))
    return reversed_pairs


def test_the_groups_are_the_ones_the_file_holds() -> None:
    assert len(GROUPS) >= 25
    assert any(g.kinds == "kabupaten" for g in GROUPS)
    assert any(g.kinds == "kota" for g in GROUPS)
    for year, province in SPLIT_BY_KIND:
        assert all(
            g.kinds != "kabupaten/kota" for g in GROUPS if (g.year, g.province) == (year, province)
        )
    for key in ORDER_ANOMALIES:
        assert any((g.year, g.province) == key for g in GROUPS)


def test_ranks_that_are_not_pemda_rankings_are_set_aside_for_a_reason() -> None:
    set_aside = {
        (int(r["year"]), r["entity_name"]): r["note"]
        for r in ROWS
        if r["rank_province"] and r["entity_kind"] not in _PEMDA_KINDS
    }
    assert set(set_aside) == set(NOT_A_PEMDA_RANKING)
    for key, words in NOT_A_PEMDA_RANKING.items():
        assert words in set_aside[key]


def test_split_groups_say_so_in_their_notes() -> None:
    for (year, province), words in SPLIT_BY_KIND.items():
        notes = [r["note"] for r in ROWS if (int(r["year"]), r["province"]) == (year, province)]
        assert any(words in note for note in notes)


@pytest.mark.parametrize("group", sorted(GROUPS), ids=lambda g: g.id)
def test_each_published_provincial_ranking_matches_its_scores(group: Group) -> None:
    rows = GROUPS[group]
    ranking = _ranked(group, rows)
    assert len(ranking) == sum(1 for r in rows if r["score"])
    assert ranking.year == (group.year if len(ranking) else None)
    assert ranking.official_of == (
        ranking.scope.official_population(group.year) if len(ranking) else None
    )
    reversed_pairs = _reversed_pairs(rows, ranking)
    expected = ORDER_ANOMALIES.get((group.year, group.province))
    if expected is None:
        assert reversed_pairs == [], [
            (a["entity_name"], b["entity_name"]) for a, b in reversed_pairs
        ]
        return
    higher_name, lower_name, words = expected
    assert [(a["entity_name"], b["entity_name"]) for a, b in reversed_pairs] == [
        (higher_name, lower_name)
    ]
    higher, lower = reversed_pairs[0]
    assert words in higher["note"]
    assert float(higher["score"]) < float(lower["score"])


@pytest.mark.parametrize(
    ("year", "province", "given", "had"),
    [(2023, "Bengkulu", 6, 10), (2022, "Sumatera Utara", 24, 33), (2024, "Papua Barat Daya", 5, 6)],
)
def test_a_provincial_ranking_of_the_bundled_rows_says_it_is_partial(
    year: int, province: str, given: int, had: int
) -> None:
    from opinipp.datasets import published_results

    scope = Provincial(regions.province(province))
    rows = [
        a
        for a in published_results()
        if a.year == year and a.score is not None and scope.admits(a.entity)
    ]
    ranking = rank(rows, scope)
    assert (ranking.of, ranking.official_of, ranking.is_complete) == (given, had, False)
    assert str(ranking.entries[0]) == (
        f"rank 1 among the {given} given ({had} kabupaten/kota in Provinsi {province})"
    )


def test_jawa_timur_2022_lists_surabaya_above_tuban() -> None:
    group = Group(2022, "Jawa Timur", "kabupaten/kota")
    ranking = _ranked(group, GROUPS[group])
    surabaya = ranking.find(regions.pemda("Kota Surabaya"))
    tuban = ranking.find(regions.pemda("Kabupaten Tuban"))
    assert (str(surabaya.score), str(tuban.score)) == ("81.10", "81.33")
    assert tuban.rank < surabaya.rank
    # Ranked by score, the ten listed Pemda read Sidoarjo first and Pasuruan last.
    assert [str(e.entity) for e in ranking][:2] == ["Kabupaten Sidoarjo", "Kabupaten Kediri"]
    assert str(ranking.entries[-1].entity) == "Kabupaten Pasuruan"


def test_every_order_anomaly_note_is_accounted_for() -> None:
    noted = {
        (int(r["year"]), r["entity_name"]): r["note"]
        for r in ROWS
        if "Out of score order" in r["note"]
    }
    detected = {
        (year, name)
        for (year, _), (higher, lower, _) in ORDER_ANOMALIES.items()
        for name in (higher, lower)
    }
    assert set(noted) == detected | set(UNDETECTABLE)
    for key, (words, _reason) in UNDETECTABLE.items():
        assert words in noted[key]


def test_undetectable_anomalies_really_lack_the_row_they_compare_with() -> None:
    ntb_2023 = {
        _pemda(r).kind
        for r in ROWS
        if (r["year"], r["province"]) == ("2023", "Nusa Tenggara Barat")
        if r["entity_kind"] in _PEMDA_KINDS
    }
    assert PemdaKind.PROVINSI not in ntb_2023
