"""The commands on scores, rankings and the bundled published results.

``classify``, ``gap``, ``rank``, ``show`` and ``years``.
"""

from __future__ import annotations

import argparse
import difflib
from typing import TYPE_CHECKING, Any

from opinipp.cli._output import (
    Output,
    assessment_json,
    band_json,
    entity_json,
    gap_json,
    grade_json,
    table,
)
from opinipp.cli._parsing import Parser, year_arg
from opinipp.cli._words import DASH, Lang, gap_words, grade_words, none_dash, num, w
from opinipp.errors import InvalidArgumentError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from opinipp.assessments import Assessment
    from opinipp.entities import Entity
    from opinipp.gaps import Gap
    from opinipp.ranking import Scope
    from opinipp.rules import Category, Zone
    from opinipp.trends import Change
    from opinipp.zoning import Grade


__all__ = ["add_result_commands"]


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
        "rank the assessments of a CSV file within a scope, highest score first",
        _cmd_rank,
    )
    rank_cmd.add_argument("file", metavar="FILE", help="a CSV file of assessments")
    rank_cmd.add_argument(
        "--scope",
        required=True,
        help="national:<kind> (kementerian, lembaga, provinsi, kabupaten, kota), "
        "province:<name> (its kabupaten and kota), province+provinsi:<name> (with the "
        "provincial government) or pemda:<name> (its units)",
    )
    rank_cmd.add_argument(
        "--year", type=year_arg, help="the year to rank when the file holds several"
    )

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

    add("years", "the rules of every assessment year", _cmd_years)


_SHOWN_CANDIDATES = 5


def _zone_asked(target: str | None) -> str | None:
    """The zone word when ``--target`` names a zone (``hijau``, ``Zona Hijau``), else None."""
    from opinipp._checks import find_member
    from opinipp.rules import Zone
    from opinipp.rules._types import label_key

    zone = None if target is None else find_member(Zone, label_key(target))
    return None if zone is None else zone.value


def _cmd_classify(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.scores import Score
    from opinipp.zoning import classify

    score = Score(args.score)
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
    return data, lines


def _cmd_gap(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.gaps import gap_to, gap_to_next_tier
    from opinipp.scores import Score
    from opinipp.zoning import classify

    score = Score(args.score)
    grade = classify(score, args.year)
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
    return data, [f"{head}: {gap_words(gap, grade, lang, zone=zone)}"]


def _parse_scope(text: str) -> Scope:
    """Read ``national:<kind>``, ``province:<name>`` or ``pemda:<name>`` (or Indonesian)."""
    from opinipp import regions
    from opinipp._checks import find_member
    from opinipp.entities import InstansiKind, PemdaKind
    from opinipp.ranking import National, Provincial, WithinPemda

    expected = (
        "national:<kind> (kind: kementerian, lembaga, provinsi, kabupaten or kota), "
        "province:<name> or pemda:<name>"
    )
    kind_text, sep, value = text.partition(":")
    kind_text, value = kind_text.strip().casefold(), value.strip()
    if not sep or not value:
        raise InvalidArgumentError("--scope", text, expected)
    if kind_text in {"national", "nasional"}:
        kind = find_member(PemdaKind, value) or find_member(InstansiKind, value)
        if kind is None:
            raise InvalidArgumentError("--scope", text, expected)
        return National(kind)
    if kind_text in {"province", "provinsi"}:
        return Provincial(regions.province(value))
    if kind_text in {"province+provinsi", "provinsi+pemprov"}:
        return Provincial(regions.province(value), include_provinsi=True)
    if kind_text == "pemda":
        return WithinPemda(regions.pemda(value))
    raise InvalidArgumentError("--scope", text, expected)


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


def _read_assessments(path: str) -> tuple[Assessment, ...]:
    from opinipp.serialization import read_csv

    try:
        return tuple(read_csv(path))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InvalidArgumentError("FILE", path, f"a readable CSV file ({reason})") from None


def _cmd_rank(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.errors import MixedYearsError
    from opinipp.ranking import Provincial, rank
    from opinipp.zoning import classify

    scope = _parse_scope(args.scope)
    rows = _read_assessments(args.file)
    years = sorted({a.year for a in rows})
    if args.year is not None:
        from opinipp.rules import rules_for

        rules_for(args.year)  # a year without rules is an error before "no rows"
        if args.year not in years:
            raise InvalidArgumentError(
                "--year", args.year, f"a year in {args.file} ({', '.join(map(str, years))})"
            )
        rows = tuple(a for a in rows if a.year == args.year)
    elif len(years) > 1:
        raise MixedYearsError(years, f"{args.file}; choose one with --year")
    in_scope = [a for a in rows if scope.admits(a.entity)]
    scored = [a for a in in_scope if a.score is not None]
    ranking = rank(scored, scope)
    if not len(ranking):
        raise InvalidArgumentError(
            "FILE", args.file, f"scored assessments in the scope {scope} ({args.scope})"
        )
    skipped_scope = len(rows) - len(in_scope)
    skipped_score = len(in_scope) - len(scored)
    year = ranking.year
    entries = []
    grid = [[w(lang, "rank_h"), w(lang, "score"), w(lang, "entity_h"), w(lang, "grade_h")]]
    rank_key = "rank_of_given" if ranking.is_complete is False else "rank_of"
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
        labels = " ".join(
            x
            for x in (
                None if grade.zone is None else grade.zone.value,
                None if grade.category is None else grade.category.value,
            )
            if x is not None
        )
        grid.append(
            [
                w(lang, rank_key, rank=entry.rank, of=entry.of),
                num(entry.score, lang),
                entry.entity.full_name,
                labels or grade.label,
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
    lines = [w(lang, "rank_title", scope=_scope_words(scope, lang), year=year), *table(grid)]
    if ranking.is_complete is False:
        key = "partial"
        if isinstance(scope, Provincial):
            key = "partial_province_gov" if scope.include_provinsi else "partial_province"
        lines.append(w(lang, key, of=ranking.of, official=ranking.official_of, year=year))
    if skipped_scope:
        lines.append(w(lang, "skipped_scope", n=skipped_scope))
    if skipped_score:
        lines.append(w(lang, "skipped_score", n=skipped_score))
    return data, lines


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
    from opinipp.errors import UnknownRegionError

    try:
        return regions.pemda(query)
    except UnknownRegionError as region_error:
        by_name: dict[str, dict[Entity, None]] = {}
        for a in results:
            for name in _names_of(a.entity):
                by_name.setdefault(name, {})[a.entity] = None
        found = list(by_name.get(_normalized(query), {}))
        if len(found) == 1:
            return found[0]
        if found:
            names = " or ".join(repr(e.full_name) for e in found[:_SHOWN_CANDIDATES])
            more = len(found) - _SHOWN_CANDIDATES
            names += f" (… {more} more)" if more > 0 else ""
            raise InvalidArgumentError(
                "ENTITY", query, f"the full name of one entity; it could be {names}"
            ) from None
        full_names = sorted({e.full_name for group in by_name.values() for e in group})
        close = difflib.get_close_matches(query, full_names, n=3, cutoff=0.6)
        close = close or list(region_error.suggestions)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise InvalidArgumentError(
            "ENTITY",
            query,
            "a province, kabupaten or kota (name or Kemendagri code) or the name of an "
            f"entity in the bundled results{hint}",
        ) from None


def _published_labels(assessment: Assessment) -> str | None:
    published = assessment.published
    if published is None:
        return None
    labels = [x for x in (published.zone, published.category, published.opinion) if x]
    return ", ".join(labels) or None


def _published_rank(assessment: Assessment, lang: Lang) -> str:
    published = assessment.published
    if published is None:
        return DASH
    parts: list[str] = []
    if published.rank_national is not None:
        of = published.rank_national_of
        key = "published_rank"
        if of is None:
            of = _assessed_that_year(assessment)
            key = "published_rank_only" if of is None else "published_rank_year_n"
        parts.append(w(lang, key, rank=published.rank_national, of=of))
    if published.rank_province is not None:
        key = (
            "published_rank_province"
            if published.rank_province_of is not None
            else "published_rank_province_only"
        )
        parts.append(w(lang, key, rank=published.rank_province, of=published.rank_province_of))
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


def _change_words(change: Change, lang: Lang) -> str:
    """``+34,98 (merah → kuning)``: the score change and any zone or category move."""
    moves = [
        f"{before.value} → {after.value}"
        for before, after in (
            (change.zone_before, change.zone_after),
            (change.category_before, change.category_after),
        )
        if before is not None and after is not None and before != after
    ]
    text = num(change.delta, lang, signed=True)
    return f"{text} ({', '.join(moves)})" if moves else text


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
    }
    rank = _published_rank(a, lang)
    if a.score is None:
        label = none_dash(_published_labels(a))
        return item, [str(a.year), DASH, DASH, DASH, label, DASH, rank, DASH], None, None
    grade = a.grade
    gap = gap_to_next_tier(a.score, a.year)
    item["grade"] = grade_json(grade)
    item["gap"] = gap_json(gap)
    row = [
        str(a.year),
        num(a.score, lang) + ("*" if flagged else ""),
        none_dash(None if grade.zone is None else grade.zone.value),
        none_dash(None if grade.category is None else grade.category.value),
        grade.label,
        DASH if change is None else _change_words(change, lang),
        rank,
        gap_words(gap, grade, lang, short=True),
    ]
    return item, row, grade, gap


def _cmd_show(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.datasets import audit, published_results
    from opinipp.trends import series

    results = published_results()
    entity = _resolve_entity(args.entity, results)
    history = series(results, entity)
    if not len(history):
        raise InvalidArgumentError(
            "ENTITY", args.entity, f"an entity with published results; {entity} has none bundled"
        )
    chosen = history.assessments
    if args.year is not None:
        from opinipp.rules import rules_for

        rules_for(args.year)  # 2020 is an error of its own, before "no result that year"
        chosen = tuple(a for a in chosen if a.year == args.year)
        if not chosen:
            years = ", ".join(str(y) for y in history.years)
            raise InvalidArgumentError(
                "--year", args.year, f"a year with a published result for {entity} ({years})"
            )
    changes = {c.later.year: c for c in history.changes}
    disagreements = audit(chosen)
    grid = [
        [w(lang, key) for key in ("year", "score", "zone_h", "category_h", "label_h", "change_h")]
        + [w(lang, "rank_h"), w(lang, "next_h")]
    ]
    items: list[dict[str, Any]] = []
    latest: tuple[int, Grade, Gap | None] | None = None
    for a in chosen:
        mine = [d for d in disagreements if d.assessment is a]
        item, row, grade, gap = _show_row(a, changes.get(a.year), bool(mine), lang)
        item["disagreements"] = [
            {"field": d.field, "published": d.published, "computed": d.computed} for d in mine
        ]
        items.append(item)
        grid.append(row)
        if grade is not None:
            latest = (a.year, grade, gap)
    details = _entity_details(entity, lang)
    lines = [f"{entity.full_name} ({details})", *table(grid)]
    lines.extend(
        w(
            lang,
            "disagree",
            year=d.assessment.year,
            field=w(lang, f"field_{d.field}"),
            published=d.published,
            computed=w(lang, "none") if d.computed is None else repr(d.computed),
        )
        for d in disagreements
    )
    if latest is not None:
        year, grade, gap = latest
        lines.append(w(lang, "latest", year=year, text=gap_words(gap, grade, lang)))
    data = {
        "command": "show",
        "entity": entity_json(entity),
        "entity_name": entity.full_name,
        "results": items,
    }
    return data, lines


def _entity_details(entity: Entity, lang: Lang) -> str:
    from opinipp.entities import Pemda, PemdaKind

    if isinstance(entity, Pemda):
        code = w(lang, "code", code=entity.code)
        if entity.kind is PemdaKind.PROVINSI:
            return code
        return f"{code}, {entity.province}"
    return entity.entity_kind.value


def _year_ranges(years: Sequence[int]) -> str:
    """``2016–2019, 2021`` for runs of consecutive years."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


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
        notes = [rs.scheme, rs.legal_basis, w(lang, "scale", max=scale)]
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
        head = f"{_year_ranges(rs.years)}: " + " · ".join(notes)
        blocks.append((rs.years[0], ["", head, *table(rows)]))
    items.sort(key=lambda item: int(item["year"]))
    lines = [w(lang, "years_title")]
    for _, block in sorted(blocks, key=lambda b: b[0]):
        lines.extend(block)
    return {"command": "years", "years": items}, lines


def __dir__() -> list[str]:
    return list(__all__)
