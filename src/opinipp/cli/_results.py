"""The commands on scores, rankings and the bundled published results.

``classify``, ``gap``, ``rank``, ``show`` and ``years``.
"""

from __future__ import annotations

import argparse
import difflib
import re
from typing import TYPE_CHECKING, Any

from opinipp.cli._output import (
    Output,
    assessment_json,
    band_json,
    entity_json,
    fitted,
    gap_json,
    grade_json,
    table,
    terminal_width,
    wrapped,
    year_ranges,
)
from opinipp.cli._parsing import Parser, csv_option, year_arg
from opinipp.cli._words import (
    DASH,
    BadInput,
    Lang,
    gap_words,
    given,
    grade_words,
    legal_basis,
    names_list,
    none_dash,
    num,
    w,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from fractions import Fraction

    from opinipp.assessments import Assessment
    from opinipp.entities import Entity
    from opinipp.gaps import Gap
    from opinipp.ranking import Scope
    from opinipp.rules import Category, Zone
    from opinipp.scores import Score
    from opinipp.trends import Change
    from opinipp.zoning import Grade


__all__ = ["add_result_commands", "read_assessments"]


def add_result_commands(add: Callable[[str, str, Callable[..., Output]], Parser]) -> None:
    """Register classify, gap, rank, show and years."""
    classify = add(
        "classify",
        "zone, category and opinion of a score in an assessment year",
        _cmd_classify,
    )
    classify.add_argument("score", metavar="SCORE", help="a score such as 81.84 or 81,84")
    classify.add_argument("--year", type=year_arg, required=True, help="the assessment year")
    classify.add_argument(
        "--tanpa-maladministrasi",
        dest="tanpa_maladministrasi",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the 2025 'Tanpa Maladministrasi' qualifier (only in years that have it)",
    )

    gap = add(
        "gap",
        "points from a score to the next tier, or to a target category, zone or opinion",
        _cmd_gap,
    )
    gap.add_argument("score", metavar="SCORE", help="a score such as 81.84 or 81,84")
    gap.add_argument("--year", type=year_arg, required=True, help="the assessment year")
    gap.add_argument(
        "--target",
        help="a category (A), a zone (hijau) or an opinion (Kualitas Tertinggi); "
        "default: the next tier",
    )

    rank_cmd = add(
        "rank",
        "rank assessments within a scope, highest score first: a CSV file, standard input "
        "(-) or, with no FILE, the bundled published results",
        _cmd_rank,
    )
    rank_cmd.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="a CSV file of assessments, - for standard input; default: the bundled results",
    )
    rank_cmd.add_argument(
        "--scope",
        required=True,
        help="national:<kind> (kementerian, lembaga, provinsi, kabupaten, kota), "
        "province:<name> (its kabupaten and kota), province+provinsi:<name> (with the "
        "provincial government) or pemda:<name> (its units)",
    )
    rank_cmd.add_argument(
        "--year", type=year_arg, help="the year to rank (needed when the data holds several)"
    )
    csv_option(rank_cmd)

    show = add(
        "show",
        "an entity's published results from the bundled data, year by year",
        _cmd_show,
    )
    show.add_argument(
        "entity",
        metavar="ENTITY",
        help='a province, kabupaten or kota ("Kabupaten Muna Barat", "Kab. Muna Barat", '
        '"74.13") or the name of a ministry or agency in the bundled data',
    )
    show.add_argument("--year", type=year_arg, help="show only this year")
    csv_option(show)

    add("years", "the rules of every assessment year", _cmd_years)

    listing = add(
        "list", "the entities of the bundled published results, with their years", _cmd_list
    )
    listing.add_argument(
        "--kind", help="kementerian, lembaga, provinsi, kabupaten, kota, opd, puskesmas, rsud"
    )
    listing.add_argument("--province", help="a province (name, abbreviation or code)")
    listing.add_argument("--year", type=year_arg, help="only entities with a result that year")
    csv_option(listing)

    search = add(
        "search",
        "find entities by name, abbreviation or Kemendagri code, with the years bundled",
        _cmd_search,
    )
    search.add_argument("text", metavar="TEXT", help='part of a name or code ("muna", "74.1")')
    csv_option(search)

    score = add(
        "score",
        "a Pemda's score from its units' scores: their mean, rounded half-up (2022 on)",
        _cmd_score,
    )
    score.add_argument(
        "units", metavar="UNIT_SCORE", nargs="*", help="the score of each assessed unit"
    )
    score.add_argument("--year", type=year_arg, required=True, help="the assessment year")
    score.add_argument(
        "--file",
        help="a CSV file (- for standard input) with a 'score' column, one unit a row",
    )


_SHOWN_CANDIDATES = 5


def _zone_asked(target: str | None) -> str | None:
    """The zone word when ``--target`` names a zone (``hijau``, ``Zona Hijau``), else None."""
    from opinipp._checks import find_member
    from opinipp.rules import Zone
    from opinipp.rules._types import label_key

    zone = None if target is None else find_member(Zone, label_key(target))
    return None if zone is None else zone.value


def _checked_year(year: int) -> None:
    """Raise for a year without rules (2020, 2030) before anything else is read."""
    from opinipp.rules import rules_for

    with given("--year", year):
        rules_for(year)


def _score_of(text: str, year: int) -> Score:
    """The SCORE argument, checked against the year's scale."""
    from opinipp.scores import Score

    with given("SCORE", text, year=year):
        score = Score(text)
        from opinipp.zoning import classify

        classify(score, year)
    return score


def _cmd_classify(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.zoning import classify

    _checked_year(args.year)
    score = _score_of(args.score, args.year)
    flag = "--tanpa-maladministrasi" if args.tanpa_maladministrasi else "--no-tanpa-maladministrasi"
    with given(flag, None, year=args.year):
        grade = classify(score, args.year, tanpa_maladministrasi=args.tanpa_maladministrasi)
    data = {"command": "classify", "score": str(score), "year": args.year}
    data["grade"] = grade_json(grade)
    head = w(lang, "in_year", score=num(score, lang), year=args.year)
    lines = [
        f"{head}: {grade_words(grade, lang)}",
        w(
            lang,
            "band_line",
            lower=num(grade.band.lower, lang),
            upper=num(grade.band.upper, lang),
            scheme=grade.rule_set.scheme,
        ),
    ]
    return Output(data, lines)


def _cmd_gap(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.gaps import gap_to, gap_to_next_tier
    from opinipp.zoning import classify

    _checked_year(args.year)
    score = _score_of(args.score, args.year)
    grade = classify(score, args.year)
    with given("--target", args.target, year=args.year):
        gap = (
            gap_to_next_tier(score, args.year)
            if args.target is None
            else gap_to(score, args.year, args.target)
        )
    data: dict[str, Any] = {
        "command": "gap",
        "score": str(score),
        "year": args.year,
        "target": args.target,
        "grade": grade_json(grade),
        "gap": gap_json(gap),
    }
    head = w(lang, "in_year", score=num(score, lang), year=args.year)
    zone = _zone_asked(args.target)
    return Output(data, [f"{head}: {gap_words(gap, grade, lang, zone=zone)}"])


def _parse_scope(text: str) -> Scope:
    """Read ``national:<kind>``, ``province:<name>`` or ``pemda:<name>`` (or Indonesian)."""
    from opinipp import regions
    from opinipp._checks import find_member
    from opinipp.entities import InstansiKind, PemdaKind
    from opinipp.ranking import National, Provincial, WithinPemda

    kind_text, sep, value = text.partition(":")
    kind_text, value = kind_text.strip().casefold(), value.strip()
    if not sep or not value:
        raise BadInput("--scope", text, "e_scope")
    with given("--scope", text):
        if kind_text in {"national", "nasional"}:
            kind = find_member(PemdaKind, value) or find_member(InstansiKind, value)
            if kind is None:
                raise BadInput("--scope", text, "e_scope")
            return National(kind)
        if kind_text in {"province", "provinsi"}:
            return Provincial(regions.province(value))
        if kind_text in {"province+provinsi", "provinsi+pemprov"}:
            return Provincial(regions.province(value), include_provinsi=True)
        if kind_text == "pemda":
            return WithinPemda(regions.pemda(value))
    raise BadInput("--scope", text, "e_scope")


def _scope_key(scope: Scope) -> str:
    from opinipp.ranking import National, Provincial

    if isinstance(scope, National):
        return f"national:{scope.kind.value}"
    if isinstance(scope, Provincial):
        prefix = "province+provinsi" if scope.include_provinsi else "province"
        return f"{prefix}:{scope.province.name}"
    return f"pemda:{scope.pemda.code}"


def _scope_words(scope: Scope, lang: Lang) -> str:
    from opinipp.ranking import National, Provincial

    if isinstance(scope, National):
        return w(lang, "scope_national", kind=scope.kind.value)
    if isinstance(scope, Provincial):
        key = "scope_province_gov" if scope.include_provinsi else "scope_province"
        return w(lang, key, province=scope.province)
    return w(lang, "scope_pemda", pemda=scope.pemda)


def read_assessments(path: str, argument: str = "FILE") -> tuple[Assessment, ...]:
    """The assessments of a CSV file, or of standard input for ``-``."""
    import sys

    from opinipp.serialization import read_csv

    try:
        return tuple(read_csv(sys.stdin if path == "-" else path))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BadInput(argument, path, "e_unreadable", reason=reason) from None


def _rank_rows(args: argparse.Namespace, scope: Scope) -> tuple[Assessment, ...]:
    """The rows to rank, of one year: of the file, of standard input or the bundled ones."""
    from opinipp.datasets import published_results

    if args.file is None:
        rows = published_results()
        source = "bundled"
    else:
        rows = read_assessments(args.file)
        source = "<stdin>" if args.file == "-" else args.file
    years = sorted({a.year for a in rows})
    if args.year is not None:
        _checked_year(args.year)  # a year without rules is an error before "no rows"
        if args.year not in years:
            raise BadInput(
                "--year", args.year, "e_year_not_in_file", file=source, years=year_ranges(years)
            )
        return tuple(a for a in rows if a.year == args.year)
    if args.file is None:
        in_scope = sorted({a.year for a in rows if scope.admits(a.entity) and a.score})
        if len(in_scope) == 1:
            return tuple(a for a in rows if a.year == in_scope[0])
        raise BadInput("--year", None, "e_bundled_year", years=year_ranges(in_scope or years))
    if len(years) > 1:
        raise BadInput("FILE", source, "e_mixed_years", years=", ".join(map(str, years)))
    return rows


def _cmd_rank(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.ranking import Provincial, rank
    from opinipp.zoning import classify

    scope = _parse_scope(args.scope)
    rows = _rank_rows(args, scope)
    bundled = args.file is None
    in_scope = [a for a in rows if scope.admits(a.entity)]
    scored = [a for a in in_scope if a.score is not None]
    ranking = rank(scored, scope)
    if not len(ranking):
        raise BadInput("--scope", args.scope, "e_empty_scope", scope=_scope_words(scope, lang))
    skipped_scope = len(rows) - len(in_scope)
    skipped_score = len(in_scope) - len(scored)
    year = ranking.year
    entries = []
    grid = [[w(lang, "rank_h"), w(lang, "score"), w(lang, "entity_h"), w(lang, "grade_h")]]
    csv_rows = [["rank", "of", "score", "entity", "code", "zone", "category", "label"]]
    rank_key = "rank_of_given" if ranking.is_complete is False and not bundled else "rank_of"
    for entry in ranking:
        grade = classify(entry.score, entry.assessment.year)
        entries.append(
            {
                "rank": entry.rank,
                "of": entry.of,
                "score": str(entry.score),
                "entity": entity_json(entry.entity),
                "entity_name": entry.entity.full_name,
                "grade": grade_json(grade),
            }
        )
        zone = None if grade.zone is None else grade.zone.value
        category = None if grade.category is None else grade.category.value
        labels = " ".join(x for x in (zone, category) if x is not None)
        grid.append(
            [
                w(lang, rank_key, rank=entry.rank, of=entry.of),
                num(entry.score, lang),
                entry.entity.full_name,
                labels or grade.label,
            ]
        )
        code = getattr(entry.entity, "code", None)
        csv_rows.append(
            [
                str(entry.rank),
                str(entry.of),
                str(entry.score),
                entry.entity.full_name,
                code or "",
                zone or "",
                category or "",
                grade.label,
            ]
        )
    data: dict[str, Any] = {
        "command": "rank",
        "scope": _scope_key(scope),
        "year": year,
        "of": ranking.of,
        "official_of": ranking.official_of,
        "complete": ranking.is_complete,
        "skipped": {"outside_scope": skipped_scope, "without_score": skipped_score},
        "entries": entries,
    }
    width = terminal_width()
    lines = [
        w(lang, "rank_title", scope=_scope_words(scope, lang), year=year),
        *fitted(grid, width),
    ]
    if ranking.is_complete is False:
        key = "partial_bundled" if bundled else "partial"
        if isinstance(scope, Provincial) and not bundled:
            key = "partial_province_gov" if scope.include_provinsi else "partial_province"
        lines.extend(
            wrapped(w(lang, key, of=ranking.of, official=ranking.official_of, year=year), width)
        )
    if bundled:
        lines.extend(wrapped(w(lang, "bundled_data", n=len(rows), year=year), width))
    elif skipped_scope:
        lines.append(w(lang, "skipped_scope", n=skipped_scope))
    if skipped_score:
        lines.append(w(lang, "skipped_score", n=skipped_score))
    return Output(data, lines, csv_rows)


def _normalized(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


def _names_of(entity: Entity) -> set[str]:
    """The names ``show`` accepts for an entity of the bundled results (normalized)."""
    from opinipp.entities import Instansi, Pemda

    names = {entity.full_name}
    if isinstance(entity, Instansi):
        names.add(entity.name)
        if entity.abbreviation:
            names.add(entity.abbreviation)
    elif not isinstance(entity, Pemda):
        names.add(str(getattr(entity, "name", None) or entity.full_name))
    return {_normalized(n) for n in names}


def _resolve_entity(query: str, results: Iterable[Assessment]) -> Entity:
    """A Pemda by name or code, else an entity of the bundled results by its name.

    A unit (OPD, Puskesmas, RSUD) may be named with or without its Pemda
    (``"Puskesmas Pancur"``) as long as only one unit has that name.
    """
    from opinipp import regions
    from opinipp.errors import AmbiguousNameError, UnknownRegionError

    try:
        return regions.pemda(query)
    except AmbiguousNameError as error:
        raise BadInput("ENTITY", query, cause=error) from error
    except UnknownRegionError as region_error:
        by_name: dict[str, dict[Entity, None]] = {}
        for a in results:
            for name in _names_of(a.entity):
                by_name.setdefault(name, {})[a.entity] = None
        found = list(by_name.get(_normalized(query), {}))
        if len(found) == 1:
            return found[0]
        if found:
            names = names_list([e.full_name for e in found], "en", joiner=" / ")
            raise BadInput("ENTITY", query, "e_entity_many", names=names) from None
        full_names = sorted({e.full_name for group in by_name.values() for e in group})
        close = difflib.get_close_matches(query, full_names, n=3, cutoff=0.6)
        close = close or list(region_error.suggestions)
        raise BadInput("ENTITY", query, "e_entity", suggestions=close) from None


def _published_labels(assessment: Assessment) -> str | None:
    published = assessment.published
    if published is None:
        return None
    labels = [x for x in (published.zone, published.category, published.opinion) if x]
    return ", ".join(labels) or None


def _province_of(entity: Entity) -> str | None:
    """The short name of the entity's province (``Sultra``), for ``1 dari 17 se-Sultra``."""
    from opinipp.entities import Pemda

    pemda = entity if isinstance(entity, Pemda) else getattr(entity, "pemda", None)
    if not isinstance(pemda, Pemda):
        return None
    return pemda.province.abbreviation or pemda.province.name


def _published_rank(assessment: Assessment, lang: Lang) -> str:
    """``222 dari 415 kabupaten; 1 dari 17 se-Sultra``: the published ranks, one format."""
    published = assessment.published
    if published is None:
        return DASH
    parts: list[str] = []
    entity = assessment.entity
    kind = str(getattr(getattr(entity, "kind", None), "value", entity.entity_kind.value))
    if published.rank_national is not None:
        of = published.rank_national_of or _assessed_that_year(assessment)
        key = "rank_published_unknown" if of is None else "rank_published"
        parts.append(w(lang, key, rank=published.rank_national, of=of, kind=kind))
    if published.rank_province is not None:
        province = _province_of(entity) or DASH
        of = published.rank_province_of
        key = "rank_province_unknown" if of is None else "rank_province"
        parts.append(w(lang, key, rank=published.rank_province, of=of, province=province))
    return "; ".join(parts) or DASH


def _assessed_that_year(assessment: Assessment) -> int | None:
    """How many entities of the assessment's kind were assessed nationally that year."""
    from opinipp.entities import Instansi, Pemda
    from opinipp.years import assessment_year

    entity = assessment.entity
    if not isinstance(entity, (Pemda, Instansi)):
        return None
    return assessment_year(assessment.year).assessed(entity.kind)


def _change_json(change: Change) -> dict[str, Any]:
    def value(member: Zone | Category | None) -> str | None:
        return None if member is None else member.value

    return {
        "from_year": change.earlier.year,
        "points": str(change.delta),
        "zone": [value(change.zone_before), value(change.zone_after)],
        "category": [value(change.category_before), value(change.category_after)],
        "crosses_regime": change.crosses_regime,
    }


def _change_words(change: Change, lang: Lang, since: int | None) -> str:
    """``+34,98 (merah → kuning)``; ``since`` labels a change across a missing year."""
    moves = [
        f"{before.value} → {after.value}"
        for before, after in (
            (change.zone_before, change.zone_after),
            (change.category_before, change.category_after),
        )
        if before is not None and after is not None and before != after
    ]
    text = num(change.delta, lang, signed=True)
    if since is not None:
        text = w(lang, "change_since", change=text, year=since)
    return f"{text} ({', '.join(moves)})" if moves else text


def _previous_held(year: int) -> int:
    """The assessment year before ``year`` (2019 before 2021: none was held in 2020)."""
    from opinipp.rules import not_held_years

    skipped = dict(not_held_years())
    before = year - 1
    while before in skipped:
        before -= 1
    return before


def _show_row(
    a: Assessment, change: Change | None, flagged: bool, lang: Lang
) -> tuple[dict[str, Any], list[str], Grade | None, Gap | None]:
    """One year of ``show``: its JSON item, its table row, its grade and gap."""
    from opinipp.gaps import gap_to_next_tier

    item: dict[str, Any] = {
        "assessment": assessment_json(a),
        "grade": None,
        "change": None if change is None else _change_json(change),
        "gap": None,
        "disagreements": [],
        "conflicts": _conflicts(a),
    }
    rank = _published_rank(a, lang)
    if a.score is None:
        label = none_dash(_published_labels(a))
        return item, [str(a.year), DASH, DASH, DASH, label, DASH, rank, DASH], None, None
    grade = a.grade
    gap = gap_to_next_tier(a.score, a.year)
    item["grade"] = grade_json(grade)
    item["gap"] = gap_json(gap)
    since = None
    if change is not None and change.earlier.year != _previous_held(a.year):
        since = change.earlier.year
    row = [
        str(a.year),
        num(a.score, lang) + ("*" if flagged else ""),
        none_dash(None if grade.zone is None else grade.zone.value),
        none_dash(None if grade.category is None else grade.category.value),
        grade.label,
        DASH if change is None else _change_words(change, lang, since),
        rank,
        gap_words(gap, grade, lang, short=True),
    ]
    return item, row, grade, gap


# A note's record of sources that differ, one field at a time, separated by semicolons.
_DIFFER = re.compile(r"Sources differ: (?P<body>[^.]*(?:\.(?=\w)[^.]*)*)\.")
_FIELD = re.compile(
    r"^(?P<field>provincial rank|provincial total|national rank|score|zone) (?P<values>.+ vs .+)$"
)
_VALUE = re.compile(r"(?P<value>[^()]+?) \((?P<source>[^()]+)\)")


def _conflicts(a: Assessment) -> list[dict[str, Any]]:
    """The values the sources disagree on, as the row's note records them."""
    note = None if a.published is None else a.published.note
    found: list[dict[str, Any]] = []
    for match in _DIFFER.finditer(note or ""):
        for part in match["body"].split(";"):
            field = _FIELD.match(part.strip())
            if field is None:
                continue
            values = [
                {"value": v["value"].strip(), "source": v["source"].strip()}
                for part in field["values"].split(" vs ")
                for v in _VALUE.finditer(part)
            ]
            if len(values) > 1:
                found.append({"field": field["field"], "values": values})
    return found


def _source_name(source: str, lang: Lang) -> str:
    return w(lang, "first_report") if source == "first report" else source


def _conflict_lines(a: Assessment, lang: Lang) -> list[str]:
    lines = []
    for conflict in _conflicts(a):
        values = ", ".join(
            f"{v['value']} ({_source_name(v['source'], lang)})" for v in conflict["values"]
        )
        field = w(lang, f"conflict_{conflict['field']}")
        lines.append(w(lang, "conflict", year=a.year, field=field, values=values))
    return lines


def _source_words(chosen: Sequence[Assessment], lang: Lang) -> str:
    """``2021 telisik.id; 2023 tanpa tautan``: each year's source, by its site."""
    from urllib.parse import urlsplit

    parts = []
    for a in chosen:
        site = urlsplit(a.source).netloc.removeprefix("www.") if a.source else ""
        parts.append(f"{a.year} {site or w(lang, 'no_source')}")
    return "; ".join(parts)


def _units_of(
    entity: Entity, years: Sequence[int], results: Iterable[Assessment]
) -> dict[int, list[Assessment]]:
    """The bundled units (OPD, Puskesmas, RSUD) of a Pemda, per year."""
    from opinipp.entities import Pemda

    units: dict[int, list[Assessment]] = {}
    if not isinstance(entity, Pemda):
        return units
    for a in results:
        if a.year in years and getattr(a.entity, "pemda", None) == entity:
            units.setdefault(a.year, []).append(a)
    return units


def _unit_lines(
    entity: Entity,
    units: dict[int, list[Assessment]],
    chosen: Sequence[Assessment],
    lang: Lang,
    width: int,
) -> list[str]:
    from decimal import Decimal

    from opinipp.datasets import check_unit_means

    checks = {
        c.pemda.year: c
        for c in check_unit_means([*chosen, *(u for v in units.values() for u in v)])
        if c.pemda.entity == entity
    }
    lines: list[str] = []
    for year in sorted(units):
        found = sorted(
            units[year], key=lambda u: (u.score is None, -(u.score.hundredths if u.score else 0))
        )
        lines.append(w(lang, "units_title", pemda=entity.full_name, year=year, n=len(found)))
        grid = [[w(lang, "unit_h"), w(lang, "score")]]
        grid.extend(
            [u.entity.name or u.entity.full_name, DASH if u.score is None else num(u.score, lang)]
            for u in found
        )
        lines.extend(f"  {line}" for line in fitted(grid, width - 2))
        check = checks.get(year)
        if check is None:
            continue
        if check.mean is None:
            scored = sum(u.score is not None for u in check.units)
            verdict = w(lang, "mean_incomplete", scored=scored, n=len(check.units))
            lines.append(f"  {verdict}")
            continue
        if check.difference == 0:
            verdict = w(lang, "mean_agrees")
        else:
            published = DASH if check.pemda.score is None else num(check.pemda.score, lang)
            verdict = w(
                lang,
                "mean_disagrees",
                difference=num(Decimal(check.difference or 0), lang, signed=True),
                published=published,
            )
        lines.extend(
            f"  {x}"
            for x in wrapped(
                w(
                    lang,
                    "unit_mean",
                    n=len(check.units),
                    mean=num(check.mean, lang),
                    verdict=verdict,
                ),
                width - 2,
            )
        )
    return lines


def _cmd_show(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.datasets import audit, published_results
    from opinipp.trends import series

    results = published_results()
    entity = _resolve_entity(args.entity, results)
    history = series(results, entity)
    if not len(history):
        raise BadInput("ENTITY", args.entity, "e_no_results", entity=entity.full_name)
    chosen = history.assessments
    if args.year is not None:
        _checked_year(args.year)  # 2020 is an error of its own, before "no result that year"
        chosen = tuple(a for a in chosen if a.year == args.year)
        if not chosen:
            raise BadInput(
                "--year",
                args.year,
                "e_year_not_shown",
                entity=entity.full_name,
                years=year_ranges(history.years),
            )
    width = terminal_width()
    changes = {c.later.year: c for c in history.changes}
    disagreements = audit(chosen)
    grid = [
        [w(lang, key) for key in ("year", "score", "zone_h", "category_h", "label_h", "change_h")]
        + [w(lang, "rank_h"), w(lang, "next_h")]
    ]
    csv_rows = [list(_SHOW_CSV)]
    items: list[dict[str, Any]] = []
    for a in chosen:
        mine = [d for d in disagreements if d.assessment is a]
        item, row, _, _ = _show_row(a, changes.get(a.year), bool(mine), lang)
        item["disagreements"] = [
            {"field": d.field, "published": d.published, "computed": d.computed} for d in mine
        ]
        items.append(item)
        grid.append(row)
        csv_rows.append(_show_csv_row(a, changes.get(a.year)))
    units = _units_of(entity, [a.year for a in chosen], results)
    for item in items:
        year = item["assessment"]["year"]
        item["units"] = [assessment_json(u) for u in units.get(year, [])]
    details = _entity_details(entity, lang)
    lines = [
        *wrapped(f"{entity.full_name} ({details})", width),
        *fitted(grid, width, optional=(7,)),
    ]
    for d in disagreements:
        text = w(
            lang,
            "disagree",
            year=d.assessment.year,
            field=w(lang, f"field_{d.field}"),
            published=d.published,
            computed=w(lang, "none") if d.computed is None else repr(d.computed),
        )
        lines.extend(wrapped(text, width))
    for a in chosen:
        for text in _conflict_lines(a, lang):
            lines.extend(wrapped(text, width))
    lines.extend(_unit_lines(entity, units, chosen, lang, width))
    lines.extend(wrapped(w(lang, "sources", sources=_source_words(chosen, lang)), width))
    last = chosen[-1]
    if last.score is None:
        closing = w(lang, "latest_no_score", year=last.year)
    else:
        from opinipp.gaps import gap_to_next_tier

        closing = w(
            lang,
            "latest",
            year=last.year,
            text=gap_words(gap_to_next_tier(last.score, last.year), last.grade, lang),
        )
    lines.extend(wrapped(closing, width))
    data = {
        "command": "show",
        "entity": entity_json(entity),
        "entity_name": entity.full_name,
        "results": items,
    }
    return Output(data, lines, csv_rows)


_SHOW_CSV = (
    "year",
    "score",
    "zone",
    "category",
    "label",
    "change",
    "change_from_year",
    "rank_national",
    "rank_national_of",
    "rank_province",
    "rank_province_of",
    "source",
)


def _show_csv_row(a: Assessment, change: Change | None) -> list[str]:
    """One year of ``show --csv``: plain values, as in the JSON."""
    grade = None if a.score is None else a.grade
    p = a.published

    def cell(value: object) -> str:
        return "" if value is None else str(getattr(value, "value", value))

    return [
        str(a.year),
        cell(a.score),
        cell(None if grade is None else grade.zone),
        cell(None if grade is None else grade.category),
        "" if grade is None else grade.label,
        "" if change is None else str(change.delta),
        "" if change is None else str(change.earlier.year),
        cell(None if p is None else p.rank_national),
        cell(None if p is None else p.rank_national_of or _assessed_that_year(a)),
        cell(None if p is None else p.rank_province),
        cell(None if p is None else p.rank_province_of),
        cell(a.source),
    ]


def _kind_of(entity: Entity) -> str:
    return entity.entity_kind.value


def _province_name(entity: Entity) -> str | None:
    from opinipp.entities import Pemda

    pemda = entity if isinstance(entity, Pemda) else getattr(entity, "pemda", None)
    return pemda.province.name if isinstance(pemda, Pemda) else None


def _bundled_years() -> dict[Entity, list[int]]:
    """Every entity of the bundled results, with the years it has a result."""
    from opinipp.datasets import published_results

    years: dict[Entity, list[int]] = {}
    for a in published_results():
        years.setdefault(a.entity, [])
        if a.year not in years[a.entity]:
            years[a.entity].append(a.year)
    return years


def _entity_table(
    found: Sequence[tuple[Entity, Sequence[int]]], lang: Lang
) -> tuple[list[dict[str, Any]], list[list[str]], list[list[str]]]:
    """JSON items, text rows and CSV rows of entities with their bundled years."""
    items: list[dict[str, Any]] = []
    grid = [[w(lang, "entity_h"), w(lang, "kind_h"), w(lang, "province_h"), w(lang, "years_h")]]
    csv_rows = [["entity", "code", "kind", "province", "years"]]
    for entity, years in found:
        province = _province_name(entity)
        items.append(
            {
                "entity": entity_json(entity),
                "entity_name": entity.full_name,
                "kind": _kind_of(entity),
                "province": province,
                "years": sorted(years),
            }
        )
        years_text = year_ranges(years) if years else w(lang, "not_bundled")
        grid.append([entity.full_name, _kind_of(entity), none_dash(province), years_text])
        code = getattr(entity, "code", None)
        csv_rows.append(
            [
                entity.full_name,
                code or "",
                _kind_of(entity),
                province or "",
                " ".join(map(str, sorted(years))),
            ]
        )
    return items, grid, csv_rows


def _cmd_list(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp import regions

    province = None
    if args.province is not None:
        with given("--province", args.province):
            province = regions.province(args.province)
    if args.year is not None:
        _checked_year(args.year)
    kind = None if args.kind is None else args.kind.strip().casefold()
    found = [
        (entity, years)
        for entity, years in sorted(
            _bundled_years().items(), key=lambda item: item[0].full_name.casefold()
        )
        if (kind is None or _kind_of(entity) == kind)
        and (province is None or _province_name(entity) == province.name)
        and (args.year is None or args.year in years)
    ]
    if kind is not None and not found and kind not in {_kind_of(e) for e in _bundled_years()}:
        raise BadInput("--kind", args.kind, "e_kind")
    items, grid, csv_rows = _entity_table(found, lang)
    lines = [*fitted(grid, terminal_width()), w(lang, "listed", n=len(found))]
    return Output({"command": "list", "entities": items}, lines, csv_rows)


def _cmd_search(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp import regions

    text = _normalized(args.text)
    if not text:
        raise BadInput("TEXT", args.text, "e_search")
    bundled = _bundled_years()
    candidates: dict[Entity, list[int]] = {p: [] for p in regions.pemdas()}
    candidates.update(bundled)
    found = []
    for entity, years in candidates.items():
        keys = {*_names_of(entity), _normalized(getattr(entity, "code", "") or "")}
        if any(text in key for key in keys if key):
            found.append((entity, years))
    found.sort(key=lambda item: (not item[1], item[0].full_name.casefold()))
    items, grid, csv_rows = _entity_table(found, lang)
    lines = [*fitted(grid, terminal_width()), w(lang, "found", n=len(found), text=args.text)]
    return Output({"command": "search", "text": args.text, "entities": items}, lines, csv_rows)


def _unit_scores(args: argparse.Namespace) -> list[tuple[str, str]]:
    """The unit scores given (argument name, text), from the arguments and ``--file``."""
    import csv
    import io
    import sys

    given_scores = [("UNIT_SCORE", text) for text in args.units]
    if args.file is not None:
        try:
            if args.file == "-":
                content = sys.stdin.read()
            else:
                with open(args.file, encoding="utf-8-sig") as stream:  # noqa: PTH123
                    content = stream.read()
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise BadInput("--file", args.file, "e_unreadable", reason=reason) from None
        rows = list(csv.reader(io.StringIO(content)))
        header = [h.strip().casefold() for h in rows[0]] if rows else []
        if "score" not in header:
            raise BadInput("--file", args.file, "e_score_column")
        column = header.index("score")
        given_scores.extend(
            (f"--file {args.file}, {i}", row[column] if column < len(row) else "")
            for i, row in enumerate(rows[1:], start=2)
            if any(cell.strip() for cell in row)
        )
    return given_scores


def _mean_text(mean: Fraction, lang: Lang) -> str:
    """The exact mean: every digit when it ends (``98,905``), else four and ``…``."""
    from decimal import ROUND_DOWN, Decimal, localcontext

    rest = mean.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    with localcontext() as context:
        context.prec = 60
        value = Decimal(mean.numerator) / Decimal(mean.denominator)
        if rest == 1:
            hundredths = value.quantize(Decimal("0.01"))
            text = f"{hundredths if value == hundredths else value.normalize():f}"
        else:
            text = f"{value.quantize(Decimal('0.0001'), rounding=ROUND_DOWN):f}…"
    return text.replace(".", ",") if lang == "id" else text


def _cmd_score(args: argparse.Namespace, lang: Lang) -> Output:
    from fractions import Fraction

    from opinipp.scores import Score
    from opinipp.zoning import classify, pemda_score

    _checked_year(args.year)
    scores = []
    for argument, text in _unit_scores(args):
        with given(argument, text, year=args.year):
            scores.append(Score(text))
    with given("--year", args.year):
        if not scores:
            pemda_score(["0"], args.year)  # before 2022 that is the error to report
            raise BadInput("UNIT_SCORE", None, "e_no_units")
        score = pemda_score(scores, args.year)
    mean = Fraction(sum(s.hundredths for s in scores), 100 * len(scores))
    grade = classify(score, args.year)
    data = {
        "command": "score",
        "year": args.year,
        "units": [str(s) for s in scores],
        "mean": f"{mean.numerator}/{mean.denominator}",
        "score": str(score),
        "grade": grade_json(grade),
    }
    width = terminal_width()
    lines = [
        w(lang, "pemda_score", year=args.year, score=num(score, lang)),
        *wrapped(w(lang, "pemda_score_how", n=len(scores), mean=_mean_text(mean, lang)), width),
        *wrapped(
            w(
                lang,
                "pemda_score_grade",
                score=num(score, lang),
                year=args.year,
                grade=grade_words(grade, lang),
            ),
            width,
        ),
    ]
    return Output(data, lines)


def _entity_details(entity: Entity, lang: Lang) -> str:
    from opinipp.entities import Pemda, PemdaKind

    if isinstance(entity, Pemda):
        code = w(lang, "code", code=entity.code)
        if entity.kind is PemdaKind.PROVINSI:
            return code
        return f"{code}, {entity.province}"
    return entity.entity_kind.value


def _cmd_years(args: argparse.Namespace, lang: Lang) -> Output:  # noqa: ARG001 - one signature
    from opinipp.rules import not_held_years, rule_sets

    not_held = dict(not_held_years())
    items: list[dict[str, Any]] = []
    blocks: list[tuple[int, list[str]]] = [
        (year, ["", w(lang, "not_held", year=year, reason=reason)])
        for year, reason in not_held.items()
    ]
    items.extend({"year": y, "held": False, "reason": r} for y, r in not_held.items())
    for rs in rule_sets():
        rule_set = {
            "held": True,
            "scheme": rs.scheme,
            "name": rs.name,
            "legal_basis": rs.legal_basis,
            "source": rs.source,
            "scale_max": str(rs.scale_max),
            "has_zones": rs.has_zones,
            "has_categories": rs.has_categories,
            "has_tanpa_maladministrasi": rs.has_tanpa_maladministrasi,
            "qualifier": rs.qualifier if rs.has_tanpa_maladministrasi else None,
            "bands": [band_json(b) for b in reversed(rs.bands)],
        }
        items.extend({"year": year, **rule_set} for year in rs.years)
        top = rs.scale_max.value
        scale = str(int(top)) if top == top.to_integral_value() else num(top, lang)
        notes = [rs.scheme, legal_basis(rs.legal_basis, lang), w(lang, "scale", max=scale)]
        if rs.has_tanpa_maladministrasi and rs.qualifier:
            notes.append(w(lang, "qualifier", qualifier=rs.qualifier))
        rows = [
            [
                f"  {num(b.lower, lang)}–{num(b.upper, lang)}",
                none_dash(None if b.zone is None else b.zone.value),
                none_dash(None if b.category is None else b.category.value),
                none_dash(b.label) if b.quality is None else f"{b.quality} · {b.label}",
            ]
            for b in reversed(rs.bands)
        ]
        head = f"{year_ranges(rs.years)}: " + " · ".join(notes)
        blocks.append((rs.years[0], ["", *wrapped(head, terminal_width()), *table(rows)]))
    items.sort(key=lambda item: int(item["year"]))
    lines = [w(lang, "years_title")]
    for _, block in sorted(blocks, key=lambda b: b[0]):
        lines.extend(block)
    return Output({"command": "years", "years": items}, lines)


def __dir__() -> list[str]:
    return list(__all__)
