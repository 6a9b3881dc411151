"""The benchmark code paths at a tiny size, so that they cannot rot.

Nothing here looks at timings: the tests check that the data generators are deterministic
and realistic, that the opinipp and pandas pipelines give the same zones, categories, ranks
and gaps, that those agree with opinipp's own functions, and that the report renders.
"""

from __future__ import annotations

import csv
import dataclasses
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import (  # noqa: E402 - the benchmarks live outside the package, found via ROOT
    bench_data,
    bench_harness,
    bench_micro,
    bench_opinipp,
    bench_pandas,
    run,
)

from opinipp.entities import Pemda, PemdaKind  # noqa: E402
from opinipp.gaps import gap_to_next_tier  # noqa: E402
from opinipp.ranking import National, rank  # noqa: E402
from opinipp.scores import Score  # noqa: E402
from opinipp.zoning import classify  # noqa: E402


def _pipelines(
    records: list[bench_data.Record], path: Path
) -> tuple[list[bench_harness.Row], list[bench_harness.Row]]:
    bench_data.write_csv(records, path)
    table = bench_opinipp.band_table(sorted({r.year for r in records}))
    mine = bench_opinipp.opinipp_rows(bench_opinipp.opinipp_pipeline(path))
    theirs = bench_pandas.pandas_rows(bench_pandas.pandas_pipeline(path, table))
    return mine, theirs


def test_one_year_has_every_pemda_and_about_six_units_each() -> None:
    records = bench_data.one_year()
    kinds = Counter(r.kind.value for r in records)
    assert (kinds["provinsi"], kinds["kabupaten"], kinds["kota"]) == (38, 416, 98)
    units = kinds["opd"] + kinds["puskesmas"] + kinds["rsud"]
    assert 5.5 < units / 552 < 6.5
    assert {r.year for r in records} == {2023}
    assert records == bench_data.one_year()  # seeded: the same rows every run


def test_all_years_follow_the_assessed_counts() -> None:
    records = bench_data.all_years()
    assert 5_500 < len(records) < 6_500
    assert 2020 not in {r.year for r in records}
    kabupaten = Counter(r.year for r in records if r.kind.value == "kabupaten")
    # The year table: 416 kabupaten in 2021 and 2024, 415 in 2022 and 2023, 170 in 2025.
    assert (kabupaten[2021], kabupaten[2022], kabupaten[2023], kabupaten[2025]) == (
        416,
        415,
        415,
        170,
    )


def test_synthetic_rows_are_distinct_puskesmas_dealt_over_the_pemda() -> None:
    records = bench_data.synthetic(1_104)
    assert len({(r.name, r.pemda) for r in records}) == 1_104
    per_pemda = Counter(r.pemda.code for r in records if r.pemda is not None)
    assert len(per_pemda) == 552
    assert set(per_pemda.values()) == {2}


def test_the_csv_is_the_minimal_layout_with_names(tmp_path: Path) -> None:
    path = tmp_path / "year.csv"
    bench_data.write_csv(bench_data.one_year()[:2], path)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["entity", "kind", "province", "year", "score", "parent_pemda"]
    assert rows[1][:4] == ["Provinsi Aceh", "provinsi", "Aceh", "2023"]
    assert rows[2][1] == "opd"
    assert rows[2][5] == "Provinsi Aceh"


def test_pipelines_agree_on_one_year_and_match_opinipp(tmp_path: Path) -> None:
    records = bench_data.one_year()
    mine, theirs = _pipelines(records, tmp_path / "year.csv")
    assert mine == theirs
    for record, (zone, category, national, provincial, within, gap) in zip(
        records, mine, strict=True
    ):
        grade = classify(record.score_text, record.year)
        assert zone == (None if grade.zone is None else grade.zone.value)
        assert category == (None if grade.category is None else grade.category.value)
        expected_gap = gap_to_next_tier(record.score_text, record.year)
        assert gap == (None if expected_gap is None else int(expected_gap.points * 100))
        kind = record.kind.value
        assert (national is not None) == (kind in ("provinsi", "kabupaten", "kota"))
        assert (provincial is not None) == (kind in ("kabupaten", "kota"))
        assert (within is not None) == (kind in ("opd", "puskesmas", "rsud"))
    kabupaten = [
        m[2] for r, m in zip(records, mine, strict=True) if r.kind.value == "kabupaten" and m[2]
    ]
    assert len(kabupaten) == 416
    assert min(kabupaten) == 1
    assert max(kabupaten) <= 416


def test_pipelines_agree_on_all_years_and_on_synthetic_data(tmp_path: Path) -> None:
    mine, theirs = _pipelines(bench_data.all_years(), tmp_path / "all.csv")
    assert mine == theirs
    # Years before 2022 have zones but no category; 2025 has neither.
    assert {m[1] for m in mine if m[0] is not None} >= {None, "A", "B"}
    mine, theirs = _pipelines(bench_data.synthetic(2_000), tmp_path / "synthetic.csv")
    assert mine == theirs
    assert all(m[4] is not None and m[2] is None for m in mine)


def test_compare_names_the_first_row_that_differs() -> None:
    same: bench_harness.Row = ("hijau", "B", 3, 1, None, 616)
    other: bench_harness.Row = ("hijau", "B", 4, 1, None, 616)
    run.compare([same], [same], "x")
    with pytest.raises(SystemExit, match=r"x: row 1 differs"):
        run.compare([same, same], [same, other], "x")


def test_a_workload_runs_and_renders(tmp_path: Path) -> None:
    workload = run.Workload(
        "tiny", "(c) synthetic, 600 Puskesmas", lambda: bench_data.synthetic(600), synthetic=True
    )
    result = run.run_workload(workload, tmp_path, run.Options(repeats=1, script_runs=1))
    assert result.rows == 600
    assert (result.opinipp.runs, result.pandas.runs) == (1, 1)
    assert tuple(result.opinipp_stages) == tuple(result.pandas_stages) == bench_harness.STAGES
    mine, theirs = result.opinipp_fresh, result.pandas_fresh
    assert mine.script is not None
    assert theirs.script is not None
    assert mine.script.runs == theirs.script.runs == 1
    assert mine.peak is not None
    assert theirs.peak is not None
    assert mine.peak > 0
    assert theirs.peak > 0
    micro = [run.Figure("one thing", "1.00 µs", "≤ 2 µs", met=True)]
    page = run.render([result], micro, bench_harness.machine(), "./dev bench --write-docs")
    assert page.startswith("# Benchmarks\n")
    assert "| (c) synthetic, 600 Puskesmas | 600 | 1 |" in page
    assert "| one thing | 1.00 µs | ≤ 2 µs | met |" in page
    assert "within 5× of pandas at 600 rows" in page
    assert "- Python " in page


def test_a_real_size_workload_reports_scripts_and_the_floor(tmp_path: Path) -> None:
    records = bench_data.one_year()
    path = tmp_path / "year.csv"
    bench_data.write_csv(records, path)
    mine = bench_opinipp.opinipp_pipeline(path)
    assert len(mine.assessments) == 3_788
    assert bench_micro.object_floor(path, mine.assessments, rounds=1) > 0
    synthetic = run.run_workload(
        run.Workload("tiny", "(c) tiny", lambda: bench_data.synthetic(60), synthetic=True),
        tmp_path,
        run.Options(repeats=1, memory=False),
    )
    real = dataclasses.replace(
        synthetic,
        workload=run.Workload("year", "(a) one year", bench_data.one_year, synthetic=False),
        floor=0.004,
    )
    assert synthetic.opinipp_fresh.peak is None
    page = run.render([real, synthetic], [], bench_harness.machine(), "./dev bench")
    assert "faster than pandas on (a) one year, in one process" in page
    assert "- (a) one year: 4.0 ms, " in page


def test_micro_figures_measure_what_they_name() -> None:
    figures = run.micro_figures(quick=True)
    names = [f.name for f in figures]
    assert names[0].startswith(
        "`import opinipp` and a first `classify('81.84', 2023)` over `python -c pass`"
    )
    assert names[1] == "for comparison: `import attrs` over `python -c pass`"
    assert names[2].startswith("for comparison: the first figure over `import attrs`")
    assert any("classify(score, 2023)" in n for n in names)
    assert any("rank` of the 415 kabupaten" in n for n in names)
    assert [f.target for f in figures[:3]] == ["≤ 60 ms", "", ""]
    assert [f.target for f in figures if f.name.startswith("one `classify(")] == ["≤ 2 µs"] * 2
    first, attrs, own = (float(f.value.removesuffix(" ms")) for f in figures[:3])
    assert own == pytest.approx(first - attrs, abs=0.2)


def test_import_only_replaces_the_start_up_rows_and_nothing_else() -> None:
    page = "\n".join(
        [
            "# Benchmarks",
            "## Micro-figures",
            "",
            *run.figure_table(
                [
                    run.Figure(
                        "`import opinipp` over `python -c pass`", "0.2 ms", "≤ 30 ms", met=True
                    ),
                    run.Figure("for comparison: the 71 other modules", "32.8 ms", "", met=None),
                    run.Figure("one `classify(score, 2023)`", "0.20 µs", "≤ 2 µs", met=True),
                ]
            ),
            "",
            "## Targets",
            "",
            "| for comparison: not in the micro-figures | 1 | | |",
        ]
    )
    new = [run.Figure("`import opinipp` and a first `classify`", "50.0 ms", "≤ 60 ms", met=True)]
    assert run.replace_import_rows(page, new).split("\n") == [
        "# Benchmarks",
        "## Micro-figures",
        "",
        "| figure | measured | target | |",
        "|---|--:|--:|---|",
        "| `import opinipp` and a first `classify` | 50.0 ms | ≤ 60 ms | met |",
        "| one `classify(score, 2023)` | 0.20 µs | ≤ 2 µs | met |",
        "",
        "## Targets",
        "",
        "| for comparison: not in the micro-figures | 1 | | |",
    ]
    with pytest.raises(SystemExit, match="no micro-figures section"):
        run.replace_import_rows("# Benchmarks\n", new)


def test_micro_workloads_are_the_415_kabupaten_of_2023() -> None:
    assessments = bench_micro.kabupaten_2023()
    assert len(assessments) == 415
    codes = {a.entity.code for a in assessments if isinstance(a.entity, Pemda)}
    assert len(codes) == 415
    assert "94.05" not in codes  # Kabupaten Puncak, not assessed in 2023 (the year table)
    ranking = rank(assessments, National(PemdaKind.KABUPATEN))
    assert ranking.of == ranking.official_of == 415
    assert ranking.is_complete is True


# --- the optimised paths keep every check ----------------------------------------------------


def test_region_lookups_are_memoised_but_errors_are_not() -> None:
    from opinipp import regions
    from opinipp.errors import AmbiguousNameError, UnknownRegionError

    first = regions.pemda("Kab. Muna Barat", province="Sultra")
    assert regions.pemda("Kab. Muna Barat", province="Sultra") is first
    assert first.code == "74.13"
    # The same text under another filter is looked up again, and fails as before.
    with pytest.raises(UnknownRegionError, match="Muna Barat"):
        regions.pemda("Kab. Muna Barat", province="Jambi")
    for _ in range(2):  # an error is rebuilt every time, never remembered
        with pytest.raises(AmbiguousNameError, match=r"ambiguous name .Banjar."):
            regions.pemda("Banjar")
    # The memo stays bounded whatever the input.
    for index in range(regions._MEMO_LIMIT + 10):
        assert regions.pemda(" " * index + "Kab. Muna Barat") == first
    assert 0 < len(regions._memo) <= regions._MEMO_LIMIT


def test_read_csv_still_checks_every_row_with_its_memo() -> None:
    import io

    from opinipp.errors import InvalidDataError
    from opinipp.serialization import read_csv

    text = (
        "entity,kind,province,year,score\n"
        "Muna Barat,kabupaten,Sultra,2023,80.00\n"
        "Buton,kabupaten,Sultra,2015,80.00\n"  # valid text, but above the 2015 scale (75.00)
        "Kendari,kota,Sultra,2023,81.845\n"
        "Baubau,kota,Sultra,2023,81.845\n"  # the same bad cell is reported on each row
        "Konawe,kabupaten,Sultra,2020,70.00\n"
        "Kolaka,kabupaten,Sultra,2020,70.00\n"
    )
    with pytest.raises(InvalidDataError) as caught:
        read_csv(io.StringIO(text))
    problems = [(e.row, e.column) for e in caught.value.exceptions]
    assert problems == [
        (3, "score"),
        (4, "score"),
        (5, "score"),
        (6, "year"),
        (7, "year"),
    ]
    good = read_csv(io.StringIO(text.split("Buton", maxsplit=1)[0]))
    assert [(str(a.entity), str(a.score)) for a in good] == [("Kabupaten Muna Barat", "80.00")]


def test_gap_memo_keeps_the_year_and_its_scale() -> None:
    from decimal import Decimal

    from opinipp import gaps
    from opinipp.errors import InvalidScoreError

    first = gap_to_next_tier("80.00", 2023)
    assert first is not None
    assert first.points == Decimal("8.00")
    assert gap_to_next_tier("80.00", 2023) == first
    again = gap_to_next_tier("80.00", 2021)  # the same score, another year's tiers
    assert again is not None
    assert (again.points, again.year) == (Decimal("1.00"), 2021)
    for _ in range(2):  # valid in 2023, above the 0–75 scale of 2015: refused every time
        with pytest.raises(InvalidScoreError, match=r"80\.00"):
            gap_to_next_tier("80.00", 2015)
    for hundredths in range(gaps._NEXT_TIER_GAPS_LIMIT + 10):
        gap_to_next_tier(Score.from_hundredths(hundredths % 10_001), 2016 + hundredths // 10_001)
    assert 0 < len(gaps._NEXT_TIER_GAPS) <= gaps._NEXT_TIER_GAPS_LIMIT
