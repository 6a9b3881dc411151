"""The ``opinipp`` command line (also ``python -m opinipp``).

Five commands over the library and its bundled data::

    opinipp classify 81.84 --year 2023          zone, category and opinion of a score
    opinipp gap 81.84 --year 2023 [--target A]  points to the next tier (or to a target)
    opinipp rank FILE --scope province:Sultra   rank the assessments of a CSV file
    opinipp show "Kabupaten Muna Barat"         an entity's published results, year by year
    opinipp years                               the rules of every assessment year

Every command takes ``--lang id|en`` (text in Indonesian, the default, or English; numbers
are written ``81,84`` in Indonesian and ``81.84`` in English) and ``--json`` (one JSON object
on standard output, the same whatever the language; its shape per command is documented in
the CLI guide). The names of zones, categories and opinions are the Ombudsman's own terms and
stay in Indonesian in both languages.

Exit codes: 0 on success; 2 on bad input (an invalid score, a year without rules such as
2020, an unknown entity or scope, an unreadable file, a wrong option); 74 when standard
output cannot be written (closed, or a full disk; a reader that stops early, as in
``| head -1``, is a success). A failure is a single line ``opinipp: error: <message>`` on
standard error (when standard error works), never a traceback.

>>> main(["classify", "81.84", "--year", "2023", "--lang", "en"])
81.84 in 2023: zona hijau (green), category B, Kualitas Tinggi (High quality)
band 78.00–87.99 of the opini-pengawasan-2022 rules
0
>>> main(["classify", "81.84", "--year", "2020"])
2
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import os
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, Literal, NoReturn, cast

from opinipp.errors import InvalidArgumentError, OpinippError, RowError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from decimal import Decimal

    from _typeshed import SupportsWrite

    from opinipp.assessments import Assessment
    from opinipp.entities import Entity
    from opinipp.gaps import Gap
    from opinipp.ranking import Scope
    from opinipp.rules import Band, Category, Zone
    from opinipp.scores import Score
    from opinipp.trends import Change
    from opinipp.zoning import Grade

__all__ = ["main"]

Lang = Literal["id", "en"]
_PROG = "opinipp"
_EXIT_OK = 0
_EXIT_BAD_INPUT = 2
_EXIT_OUTPUT = 74  # EX_IOERR (sysexits.h): standard output could not be written
_DASH = "–"
_SHOWN_ROW_ERRORS = 3
_SHOWN_CANDIDATES = 5


class _UsageError(Exception):
    """A command-line usage error, reported in one line (argparse would print the usage)."""


class _OutputError(Exception):
    """Standard output could not be written (argparse would ignore it)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports errors in one line, without the usage block."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # --help and --version: a failed write is reported, not silently dropped.
        if not message:
            return
        if file is None:  # sys.stdout is None: started with stdout closed
            raise _OutputError("it is closed")
        try:
            _write(cast("IO[str]", file), message)  # argparse passes sys.stdout or sys.stderr
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise _OutputError(_reason(error)) from error


# ---------------------------------------------------------------------------------------
# Words. Sentences and headers are translated; official labels (zona hijau, Kualitas Tinggi)
# are the Ombudsman's terms and are printed as published.

_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "in_year": "{score} pada {year}",
        "zone": "zona {zone}",
        "category": "kategori {category}",
        "band_line": "rentang {lower}–{upper} menurut aturan {scheme}",
        "short_of": "kurang {points} menuju {target}",
        "top": "sudah di tingkat tertinggi, {target}",
        "reached": "{target} sudah tercapai",
        "zone_from": "zona {zone} (mulai {lower})",
        "year": "Tahun",
        "score": "Nilai",
        "zone_h": "Zona",
        "category_h": "Kat.",
        "label_h": "Opini/predikat",
        "change_h": "Perubahan",
        "rank_h": "Peringkat",
        "next_h": "Menuju tingkat berikut",
        "entity_h": "Entitas",
        "code": "kode {code}",
        "published_rank": "{rank} dari {of}",
        "published_rank_province": "{rank} dari {of} se-provinsi",
        "published_rank_province_only": "ke-{rank} se-provinsi",
        "published_rank_only": "ke-{rank}",
        "published_rank_year_n": "ke-{rank} dari {of} yang dinilai",
        "latest": "{year}: {text}",
        "no_score": "tanpa nilai",
        "published": "terbit: {labels}",
        "disagree": "* {year}: terbit {field} {published!r}, menurut aturan {computed}",
        "field_zone": "zona",
        "field_category": "kategori",
        "field_opinion": "opini/predikat",
        "none": "tidak ada",
        "source": "Sumber: data hasil terbitan bawaan opinipp (lihat 'opinipp show --help').",
        "rank_title": "Peringkat {scope}, {year}",
        "scope_national": "{kind} se-Indonesia",
        "scope_province": "kabupaten/kota se-{province}",
        "scope_province_gov": "kabupaten/kota dan pemerintah provinsi se-{province}",
        "scope_pemda": "unit {pemda}",
        "grade_h": "Zona/kat.",
        "rank_of": "{rank} dari {of}",
        "rank_of_given": "{rank} dari {of} yang diberikan",
        "partial": "Sebagian: {of} dari {official} entitas yang dinilai pada {year}.",
        "partial_province": (
            "Sebagian: {of} dari {official} kabupaten/kota provinsi ini pada {year}."
        ),
        "partial_province_gov": (
            "Sebagian: {of} dari {official} Pemda provinsi ini (dengan pemprov) pada {year}."
        ),
        "skipped_scope": "{n} baris di luar cakupan dilewati.",
        "skipped_score": "{n} baris tanpa nilai dilewati.",
        "not_held": "{year}: tidak ada penilaian",
        "scale": "skala 0–{max}",
        "qualifier": "dengan kualifikasi '{qualifier}'",
        "years_title": "Aturan penilaian kepatuhan Ombudsman RI per tahun",
    },
    "en": {
        "in_year": "{score} in {year}",
        "zone": "zona {zone} ({english})",
        "category": "category {category}",
        "band_line": "band {lower}–{upper} of the {scheme} rules",
        "short_of": "{points} short of {target}",
        "top": "already in the top tier, {target}",
        "reached": "{target} already reached",
        "zone_from": "zona {zone} (from {lower})",
        "year": "Year",
        "score": "Score",
        "zone_h": "Zone",
        "category_h": "Cat.",
        "label_h": "Opinion/predikat",
        "change_h": "Change",
        "rank_h": "Rank",
        "next_h": "To the next tier",
        "entity_h": "Entity",
        "code": "code {code}",
        "published_rank": "{rank} of {of}",
        "published_rank_province": "{rank} of {of} in the province",
        "published_rank_province_only": "{rank} in the province",
        "published_rank_only": "{rank}",
        "published_rank_year_n": "{rank} of the {of} assessed",
        "latest": "{year}: {text}",
        "no_score": "no score",
        "published": "published: {labels}",
        "disagree": "* {year}: published {field} {published!r}, the rules give {computed}",
        "field_zone": "zone",
        "field_category": "category",
        "field_opinion": "opinion/predikat",
        "none": "none",
        "source": "Source: the published results bundled with opinipp (see 'opinipp show --help').",
        "rank_title": "Ranking of {scope}, {year}",
        "scope_national": "every {kind} in Indonesia",
        "scope_province": "the kabupaten/kota of {province}",
        "scope_province_gov": "the kabupaten/kota and the provincial government of {province}",
        "scope_pemda": "the units of {pemda}",
        "grade_h": "Zone/cat.",
        "rank_of": "{rank} of {of}",
        "rank_of_given": "{rank} of the {of} given",
        "partial": "Partial: {of} of the {official} entities assessed in {year}.",
        "partial_province": "Partial: {of} of the province's {official} kabupaten/kota in {year}.",
        "partial_province_gov": (
            "Partial: {of} of the province's {official} Pemda (with its government) in {year}."
        ),
        "skipped_scope": "{n} rows outside the scope skipped.",
        "skipped_score": "{n} rows without a score skipped.",
        "not_held": "{year}: {reason}",
        "scale": "scale 0–{max}",
        "qualifier": "with the qualifier '{qualifier}'",
        "years_title": "The rules of Ombudsman RI's compliance assessment, year by year",
    },
}


def _w(lang: Lang, key: str, **values: object) -> str:
    return _WORDS[lang][key].format(**values)


def _num(value: Decimal | Score, lang: Lang, *, signed: bool = False) -> str:
    """Write a number with two decimals: ``81,84`` in Indonesian, ``81.84`` in English."""
    from opinipp.locale_id import format_number
    from opinipp.scores import Score

    number = value.value if isinstance(value, Score) else value
    text = format_number(abs(number), lang=lang)
    if number < 0:
        return f"−{text}" if signed else f"-{text}"
    return f"+{text}" if signed and number > 0 else text


def _none_dash(text: str | None) -> str:
    return _DASH if text is None else text


# ---------------------------------------------------------------------------------------
# JSON building blocks (documented in docs/guides/cli.md).


def _band_json(band: Band) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lower": str(band.lower),
        "upper": str(band.upper),
        "zone": None if band.zone is None else band.zone.value,
        "category": None if band.category is None else band.category.value,
        "label": band.label,
        "label_en": band.label_en,
    }
    return {key: value for key, value in data.items() if value is not None}


def _grade_json(grade: Grade) -> dict[str, Any]:
    """The library's JSON of a Grade (:func:`opinipp.serialization.to_json`)."""
    from opinipp.serialization._json import to_data

    data: dict[str, Any] = to_data(grade)
    return data


def _gap_json(gap: Gap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {
        "points": str(gap.points),
        "reached": gap.reached,
        "label": gap.label,
        "target": _band_json(gap.target),
    }


def _entity_json(entity: Entity) -> dict[str, Any]:
    """The library's JSON of an entity (:func:`opinipp.serialization.to_json`)."""
    from opinipp.serialization._json import to_data

    data: dict[str, Any] = to_data(entity)
    return data


def _assessment_json(a: Assessment) -> dict[str, Any]:
    """The library's JSON of an assessment (:func:`opinipp.serialization.to_json`)."""
    from opinipp.serialization._json import to_data

    data: dict[str, Any] = to_data(a)
    return data


# ---------------------------------------------------------------------------------------
# Text building blocks.


def _zone_asked(target: str | None) -> str | None:
    """The zone word when ``--target`` names a zone (``hijau``, ``Zona Hijau``), else None."""
    from opinipp._checks import find_member
    from opinipp.rules import Zone
    from opinipp.rules._types import label_key

    zone = None if target is None else find_member(Zone, label_key(target))
    return None if zone is None else zone.value


def _grade_words(grade: Grade, lang: Lang) -> str:
    """``zona hijau, kategori B, Kualitas Tinggi`` (English glosses with ``lang="en"``)."""
    parts: list[str] = []
    if grade.zone is not None:
        parts.append(_w(lang, "zone", zone=grade.zone.value, english=grade.zone.english))
    if grade.category is not None:
        parts.append(_w(lang, "category", category=grade.category.value))
    if grade.quality is not None and grade.opinion is not None:
        parts.append(grade.quality)
    label, label_en = grade.label, grade.label_en
    if label:
        parts.append(f"{label} ({label_en})" if lang == "en" and label_en else label)
    return ", ".join(parts)


def _gap_words(
    gap: Gap | None, grade: Grade, lang: Lang, *, short: bool = False, zone: str | None = None
) -> str:
    """``kurang 6,16 menuju A (Kualitas Tertinggi)`` / ``6.16 short of A (…)``.

    ``short`` names the target briefly (``A``), for a table column; ``zone`` names a zone
    that was asked for (its lowest band is the target).
    """
    if gap is None:
        return _DASH if short else _w(lang, "top", target=grade.band.name())
    if zone is not None:
        target = _w(lang, "zone_from", zone=zone, lower=_num(gap.target.lower, lang))
    elif short:
        target = gap.target.short_name()
    else:
        target = gap.target.name()
    if gap.reached:
        return _w(lang, "reached", target=target)
    return _w(lang, "short_of", points=_num(gap.points, lang), target=target)


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Align columns with two spaces between them (the first row is the header)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


# ---------------------------------------------------------------------------------------
# Commands. Each returns the JSON object and the text lines; main() prints one of them.

Output = tuple[dict[str, Any], list[str]]


def _cmd_classify(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.scores import Score
    from opinipp.zoning import classify

    score = Score(args.score)
    grade = classify(score, args.year, tanpa_maladministrasi=args.tanpa_maladministrasi)
    data = {"command": "classify", "score": str(score), "year": args.year}
    data["grade"] = _grade_json(grade)
    head = _w(lang, "in_year", score=_num(score, lang), year=args.year)
    lines = [
        f"{head}: {_grade_words(grade, lang)}",
        _w(
            lang,
            "band_line",
            lower=_num(grade.band.lower, lang),
            upper=_num(grade.band.upper, lang),
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
        "grade": _grade_json(grade),
        "gap": _gap_json(gap),
    }
    head = _w(lang, "in_year", score=_num(score, lang), year=args.year)
    zone = _zone_asked(args.target)
    return data, [f"{head}: {_gap_words(gap, grade, lang, zone=zone)}"]


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
        return _w(lang, "scope_national", kind=scope.kind.value)
    if isinstance(scope, Provincial):
        key = "scope_province_gov" if scope.include_provinsi else "scope_province"
        return _w(lang, key, province=scope.province)
    return _w(lang, "scope_pemda", pemda=scope.pemda)


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
    table = [[_w(lang, "rank_h"), _w(lang, "score"), _w(lang, "entity_h"), _w(lang, "grade_h")]]
    rank_key = "rank_of_given" if ranking.is_complete is False else "rank_of"
    for entry in ranking:
        grade = classify(entry.score, entry.assessment.year)
        entries.append(
            {
                "rank": entry.rank,
                "of": entry.of,
                "score": str(entry.score),
                "entity": _entity_json(entry.entity),
                "entity_name": entry.entity.full_name,
                "grade": _grade_json(grade),
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
        table.append(
            [
                _w(lang, rank_key, rank=entry.rank, of=entry.of),
                _num(entry.score, lang),
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
    lines = [_w(lang, "rank_title", scope=_scope_words(scope, lang), year=year), *_table(table)]
    if ranking.is_complete is False:
        key = "partial"
        if isinstance(scope, Provincial):
            key = "partial_province_gov" if scope.include_provinsi else "partial_province"
        lines.append(_w(lang, key, of=ranking.of, official=ranking.official_of, year=year))
    if skipped_scope:
        lines.append(_w(lang, "skipped_scope", n=skipped_scope))
    if skipped_score:
        lines.append(_w(lang, "skipped_score", n=skipped_score))
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
        return _DASH
    parts: list[str] = []
    if published.rank_national is not None:
        of = published.rank_national_of
        key = "published_rank"
        if of is None:
            of = _assessed_that_year(assessment)
            key = "published_rank_only" if of is None else "published_rank_year_n"
        parts.append(_w(lang, key, rank=published.rank_national, of=of))
    if published.rank_province is not None:
        key = (
            "published_rank_province"
            if published.rank_province_of is not None
            else "published_rank_province_only"
        )
        parts.append(_w(lang, key, rank=published.rank_province, of=published.rank_province_of))
    return "; ".join(parts) or _DASH


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
    text = _num(change.delta, lang, signed=True)
    return f"{text} ({', '.join(moves)})" if moves else text


def _show_row(
    a: Assessment, change: Change | None, flagged: bool, lang: Lang
) -> tuple[dict[str, Any], list[str], Grade | None, Gap | None]:
    """One year of ``show``: its JSON item, its table row, its grade and gap."""
    from opinipp.gaps import gap_to_next_tier

    item: dict[str, Any] = {
        "assessment": _assessment_json(a),
        "grade": None,
        "change": None if change is None else _change_json(change),
        "gap": None,
        "disagreements": [],
    }
    rank = _published_rank(a, lang)
    if a.score is None:
        label = _none_dash(_published_labels(a))
        return item, [str(a.year), _DASH, _DASH, _DASH, label, _DASH, rank, _DASH], None, None
    grade = a.grade
    gap = gap_to_next_tier(a.score, a.year)
    item["grade"] = _grade_json(grade)
    item["gap"] = _gap_json(gap)
    row = [
        str(a.year),
        _num(a.score, lang) + ("*" if flagged else ""),
        _none_dash(None if grade.zone is None else grade.zone.value),
        _none_dash(None if grade.category is None else grade.category.value),
        grade.label,
        _DASH if change is None else _change_words(change, lang),
        rank,
        _gap_words(gap, grade, lang, short=True),
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
    table = [
        [_w(lang, key) for key in ("year", "score", "zone_h", "category_h", "label_h", "change_h")]
        + [_w(lang, "rank_h"), _w(lang, "next_h")]
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
        table.append(row)
        if grade is not None:
            latest = (a.year, grade, gap)
    details = _entity_details(entity, lang)
    lines = [f"{entity.full_name} ({details})", *_table(table)]
    lines.extend(
        _w(
            lang,
            "disagree",
            year=d.assessment.year,
            field=_w(lang, f"field_{d.field}"),
            published=d.published,
            computed=_w(lang, "none") if d.computed is None else repr(d.computed),
        )
        for d in disagreements
    )
    if latest is not None:
        year, grade, gap = latest
        lines.append(_w(lang, "latest", year=year, text=_gap_words(gap, grade, lang)))
    data = {
        "command": "show",
        "entity": _entity_json(entity),
        "entity_name": entity.full_name,
        "results": items,
    }
    return data, lines


def _entity_details(entity: Entity, lang: Lang) -> str:
    from opinipp.entities import Pemda, PemdaKind

    if isinstance(entity, Pemda):
        code = _w(lang, "code", code=entity.code)
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
        (year, ["", _w(lang, "not_held", year=year, reason=reason)])
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
            "bands": [_band_json(b) for b in reversed(rs.bands)],
        }
        items.extend({"year": year, **rule_set} for year in rs.years)
        top = rs.scale_max.value
        scale = str(int(top)) if top == top.to_integral_value() else _num(top, lang)
        notes = [rs.scheme, rs.legal_basis, _w(lang, "scale", max=scale)]
        if rs.has_tanpa_maladministrasi and rs.qualifier:
            notes.append(_w(lang, "qualifier", qualifier=rs.qualifier))
        rows = [
            [
                f"  {_num(b.lower, lang)}–{_num(b.upper, lang)}",
                _none_dash(None if b.zone is None else b.zone.value),
                _none_dash(None if b.category is None else b.category.value),
                _none_dash(b.label) if b.quality is None else f"{b.quality} · {b.label}",
            ]
            for b in reversed(rs.bands)
        ]
        head = f"{_year_ranges(rs.years)}: " + " · ".join(notes)
        blocks.append((rs.years[0], ["", head, *_table(rows)]))
    items.sort(key=lambda item: int(item["year"]))
    lines = [_w(lang, "years_title")]
    for _, block in sorted(blocks, key=lambda b: b[0]):
        lines.extend(block)
    return {"command": "years", "years": items}, lines


# ---------------------------------------------------------------------------------------
# The parser.


def _year(text: str) -> int:
    """Read a year argument as a whole number (the rules decide whether it is covered)."""
    stripped = text.strip()
    if not stripped.isascii() or not stripped.isdigit():
        msg = f"invalid year {text!r}: expected a four-digit year such as 2023"
        raise argparse.ArgumentTypeError(msg)
    return int(stripped)


def _common(*, top: bool) -> _Parser:
    """The options every command takes, before or after the command's name.

    The top level holds the defaults; below it an option left out sets nothing, so that
    ``opinipp --lang en show …`` and ``opinipp show … --lang en`` mean the same. (Each
    parser gets its own copy: argparse shares the actions of a parent parser.)
    """
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id" if top else argparse.SUPPRESS,
        help="language of the text output: id (Indonesian, the default) or en (English)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="print one JSON object instead of text (the same in every language)",
    )
    return common


def _parser() -> _Parser:
    common = _common(top=False)
    parser = _Parser(
        prog=_PROG,
        description=(
            "The rules of Ombudsman RI's public-service compliance assessment: classify a "
            "score, find the points to the next tier, rank a CSV file, show an entity's "
            "published results, list the rules of every year."
        ),
        epilog=(
            "Exit status: 0 on success, 2 on bad input, 74 when the output cannot be written "
            "(one line on standard error). "
            "Documentation: https://opinipp.readthedocs.io/"
        ),
        parents=[_common(top=True)],
    )
    from opinipp import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, help_text: str, handler: Callable[..., Output]) -> _Parser:
        sub: _Parser = commands.add_parser(
            name, help=help_text, description=help_text, parents=[common]
        )
        sub.set_defaults(handler=handler)
        return sub

    classify = add(
        "classify",
        "zone, category and opinion of a score in an assessment year",
        _cmd_classify,
    )
    classify.add_argument("score", metavar="SCORE", help="a score such as 81.84 or 81,84")
    classify.add_argument("--year", type=_year, required=True, help="the assessment year")
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
    gap.add_argument("--year", type=_year, required=True, help="the assessment year")
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
    rank_cmd.add_argument("--year", type=_year, help="the year to rank when the file holds several")

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
    show.add_argument("--year", type=_year, help="show only this year")

    add("years", "the rules of every assessment year", _cmd_years)
    _add_instrument_commands(add)
    _add_survey_commands(add)
    return parser


def _one_line(error: Exception) -> str:
    """The error's message on one line; a file's bad rows as their first few messages."""
    from opinipp.errors import InvalidDataError

    if isinstance(error, InvalidDataError):
        messages = error.messages()
        shown = "; ".join(messages[:_SHOWN_ROW_ERRORS])
        more = len(messages) - _SHOWN_ROW_ERRORS
        text = f"{error.message}: {shown}" + (f"; … {more} more" if more > 0 else "")
    else:
        text = str(error)
    return " ".join(text.split())


def _write(stream: IO[str], text: str) -> None:
    """Write ``text``; on a terminal that cannot show a character (– →), write ``?``."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))
    stream.flush()


def _report(message: str) -> None:
    """Write ``opinipp: error: <message>`` on standard error, if standard error works."""
    stream = sys.stderr
    if stream is None:  # started with stderr closed
        return
    try:
        _write(stream, f"{_PROG}: error: {message}\n")
    except (OSError, ValueError):
        _discard(stream)


def _discard(stream: IO[str]) -> None:
    """Point the process's standard output (or error) at the null device.

    What is still buffered then goes nowhere at exit, instead of failing again (exit
    status 120, "Exception ignored …"): the Python docs' advice for SIGPIPE. Only the
    interpreter's own streams are redirected, never a stream a caller put in their place.
    """
    if stream is not sys.__stdout__ and stream is not sys.__stderr__:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)


def _output(text: str | None, status: int) -> int:
    """Write ``text`` (``None``: only flush what argparse printed) and return the status.

    A reader that stopped early (``| head -1``) is a success; any other failure to write
    is one line on standard error and :data:`_EXIT_OUTPUT`.
    """
    stream = sys.stdout
    if stream is None:  # started with stdout closed
        return status if text is None else _output_failed("it is closed")
    try:
        if text is None:
            stream.flush()
        else:
            _write(stream, text)
    except BrokenPipeError:
        _discard(stream)
        return status
    except (OSError, ValueError) as error:  # ValueError: a stream closed in the process
        return _output_failed(_reason(error))
    return status


def _reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def _output_failed(reason: str) -> int:
    stream = sys.stdout
    if stream is not None:
        _discard(stream)
    _report(f"cannot write to standard output: {reason}")
    return _EXIT_OUTPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``opinipp`` command and return its exit status.

    ``argv`` defaults to the process arguments. Output goes to standard output; errors are
    one line on standard error (none when standard error is closed). An ``argv`` that is not
    a sequence of strings raises :class:`~opinipp.errors.InvalidArgumentError`.

    Exit status: 0 on success, also when the reader of the output stops early
    (``opinipp years | head -1``); 2 on bad input; 74 (``EX_IOERR``) when standard output
    cannot be written (closed, or a full disk).

    >>> main(["gap", "81.84", "--year", "2023"])  # Kab. Muna Barat, 2023
    81,84 pada 2023: kurang 6,16 menuju A (Kualitas Tertinggi)
    0
    """
    given: object = argv
    if given is not None and (
        isinstance(given, (str, bytes))
        or not isinstance(given, Sequence)
        or not all(isinstance(arg, str) for arg in given)
    ):
        raise InvalidArgumentError(
            "argv", given, "None or a sequence of strings (the arguments after 'opinipp')"
        )
    try:
        args = _parser().parse_args(argv)
        lang: Lang = args.lang
        data, lines = args.handler(args, lang)
    except SystemExit as done:  # --help and --version, printed by argparse
        code = done.code
        return _output(None, code if isinstance(code, int) else _EXIT_OK)
    except (_UsageError, OpinippError) as error:
        _report(_one_line(error))
        return _EXIT_BAD_INPUT
    except _OutputError as error:
        return _output_failed(str(error))
    except BrokenPipeError:  # --help or --version into `| head -1`
        return _output(None, _EXIT_OK)
    if args.json:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n".join(lines) + "\n"
    return _output(text, _EXIT_OK)


# ---------------------------------------------------------------------------------------
# The instrument commands: instrument, simulate, plan, readiness (opinipp.instruments).


def _add_instrument_commands(add: Callable[[str, str, Callable[..., Output]], _Parser]) -> None:
    instrument = add(
        "instrument",
        "the assessment instrument of a year: dimensions, indicators, weights",
        _cmd_instrument,
    )
    instrument.add_argument("year", metavar="YEAR", type=_year, help="the assessment year or round")
    for name, help_text, handler in (
        ("simulate", "simulate a score from indicator values", _cmd_simulate),
        ("plan", "the fewest (or cheapest) indicator steps to a target", _cmd_plan),
    ):
        sub = add(name, help_text, handler)
        sub.add_argument("--year", type=_year, required=True, help="the assessment year or round")
        sub.add_argument("--values", required=True, help="CSV: indicator_code,value")
        sub.add_argument("--weights", help="CSV or JSON weight table (code,weight)")
        sub.add_argument(
            "--assume-equal-weights", action="store_true", help="assume equal unknown weights"
        )
        sub.add_argument("--kepercayaan", help="Kepercayaan Masyarakat score (2025 round on)")
        sub.add_argument("--rules-year", type=_year, help="the rules to borrow for the grade")
        if name == "plan":
            sub.add_argument("--target", required=True, help="A, hijau, Kualitas Tertinggi …")
            sub.add_argument("--costs", help="CSV: indicator_code,cost (per step)")
    ready = add(
        "readiness", "required evidence present, per indicator and dimension", _cmd_readiness
    )
    ready.add_argument("--year", type=_year, required=True, help="the assessment year or round")
    ready.add_argument("--evidence", required=True, help="CSV: indicator_code,evidence,present")


def _instrument_of(args: argparse.Namespace) -> Any:  # noqa: ANN401 - an Instrument
    from opinipp.instruments import instrument_for, read_weights

    instrument = instrument_for(args.year)
    if getattr(args, "weights", None):
        instrument = read_weights(args.weights, instrument)
    return instrument


def _cmd_instrument(args: argparse.Namespace, lang: Lang) -> Output:
    instrument = _instrument_of(args)
    data = {
        "command": "instrument",
        "years": list(instrument.years),
        "name": instrument.name,
        "provenance": instrument.provenance,
        "references": list(instrument.references),
        "dimensions": [
            {
                "name": d.name,
                "weight": None if d.weight is None else str(d.weight.percent),
                "weight_provenance": None if d.weight is None else d.weight.provenance.value,
                "indicators": [
                    {
                        "code": i.code,
                        "name": i.name,
                        "weight": None if i.weight is None else str(i.weight.percent),
                        "secondary": i.secondary,
                        "evidence": len(i.evidence),
                    }
                    for i in d.indicators
                ],
            }
            for d in instrument.dimensions
        ],
        "notes": list(instrument.notes),
    }
    return data, instrument.tree(lang)


def _simulation_args(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    from opinipp.instruments import read_values

    instrument = _instrument_of(args)
    values = read_values(args.values, instrument)
    options = {
        "kepercayaan_masyarakat": args.kepercayaan,
        "assume_equal_weights": args.assume_equal_weights,
        "rules_year": args.rules_year,
    }
    return instrument, {"values": values, **options}


def _simulation_json(simulation: Any) -> dict[str, Any]:  # noqa: ANN401 - a Simulation
    grade = simulation.grade
    return {
        "score": str(simulation.score),
        "dimension_scores": {k: str(v) for k, v in simulation.dimension_scores.items()},
        "grade": None if grade is None else _grade_json(grade),
        "rules_year": simulation.rules_year,
        "borrowed": simulation.borrowed,
        "assumptions": list(simulation.assumptions),
    }


def _cmd_simulate(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.instruments import simulate

    instrument, options = _simulation_args(args)
    values = options.pop("values")
    result = simulate(instrument, values, **options)
    data = {"command": "simulate", "year": args.year, **_simulation_json(result)}
    return data, result.lines(lang)


def _cmd_plan(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.instruments import plan, read_costs

    instrument, options = _simulation_args(args)
    values = options.pop("values")
    costs = None if args.costs is None else read_costs(args.costs, instrument)
    result = plan(instrument, values, args.target, costs=costs, **options)
    data = {
        "command": "plan",
        "year": args.year,
        "target": result.target_label,
        "status": result.status,
        "start": _simulation_json(result.start),
        "end": _simulation_json(result.end),
        "steps": [
            {
                "code": s.code,
                "from": s.from_value,
                "to": s.to_value,
                "points": str(s.points),
                "score": str(s.score),
                "cost": None if s.cost is None else str(s.cost),
            }
            for s in result.steps
        ],
        "total_cost": None if result.total_cost is None else str(result.total_cost),
    }
    return data, result.lines(lang)


def _cmd_readiness(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.instruments import read_evidence, readiness

    instrument = _instrument_of(args)
    result = readiness(instrument, read_evidence(args.evidence, instrument))

    def pct(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    data = {
        "command": "readiness",
        "year": args.year,
        "present": result.present,
        "required": result.required,
        "percent": pct(result.percent),
        "dimensions": [
            {
                "name": d.dimension.name,
                "present": d.present,
                "required": d.required,
                "percent": pct(d.percent),
                "weighted_percent": pct(d.weighted_percent),
            }
            for d in result.dimensions
        ],
        "excluded": [{"code": c, "reason": r} for c, r in result.excluded],
        "missing": [{"code": c, "number": e.number, "evidence": e.name} for c, e in result.missing],
    }
    return data, result.lines(lang)


def __dir__() -> list[str]:
    return list(__all__)


# ---------------------------------------------------------------------------------------
# Survey indices: `opinipp skm FILE` (SKM/IKM) and `opinipp ipp FILE` (PEKPPP).

_SURVEY_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "skm_title": "SKM menurut {rules}: {n} responden",
        "code": "Kode",
        "unsur": "Unsur",
        "ikm_line": "IKM {ikm}; nilai konversi (×{conversion}) {score}: mutu {band}",
        "weakest": "Unsur terlemah: {code} {name}, {score} ({grade})",
        "to_next": "kurang {points} menuju {grade}",
        "top": "sudah di mutu tertinggi",
        "note": "Catatan: {note}",
        "aspect": "Aspek",
        "weight": "Bobot",
        "score": "Nilai",
        "ipp_title": "Indeks Pelayanan Publik (PEKPPP) menurut {rules}",
        "reconstructed": "Kategori adalah rekonstruksi: tabel resmi tidak diperoleh.",
    },
    "en": {
        "skm_title": "SKM under {rules}: {n} respondents",
        "code": "Code",
        "unsur": "Unsur",
        "ikm_line": "IKM {ikm}; converted value (×{conversion}) {score}: mutu {band}",
        "weakest": "Weakest unsur: {code} {name}, {score} ({grade})",
        "to_next": "{points} short of {grade}",
        "top": "already in the top mutu",
        "note": "Note: {note}",
        "aspect": "Aspect",
        "weight": "Weight",
        "score": "Score",
        "ipp_title": "Public-service index (PEKPPP) under {rules}",
        "reconstructed": "The categories are a reconstruction: no official table was retrieved.",
    },
}
_IPP_COLUMNS = ("aspect", "indicator", "value", "weight")


def _sw(lang: Lang, key: str, **values: object) -> str:
    return _SURVEY_WORDS[lang][key].format(**values)


def _add_survey_commands(add: Callable[[str, str, Callable[..., Output]], _Parser]) -> None:
    skm = add(
        "skm",
        "the IKM of SKM responses (CSV or .xlsx): NRR per unsur, IKM, converted value, mutu",
        _cmd_skm,
    )
    skm.add_argument(
        "file", metavar="FILE", help="responses: one row per respondent, one column per unsur"
    )
    skm.add_argument(
        "--rules",
        default="permenpanrb-14-2017",
        help="permenpanrb-14-2017 (default), permenpanrb-16-2014 or kep-25-2004",
    )
    skm.add_argument("--weight", help="a printed weight (0.111 or 0.11) instead of the exact 1/n")
    skm.add_argument("--sheet", help="the sheet of an .xlsx file (default: the first)")
    skm.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="COLUMN",
        help="a column to skip (respondent number, age, …); may be repeated",
    )
    ipp_cmd = add(
        "ipp",
        "the PEKPPP index (IPP) of a unit from a CSV of aspect or indicator scores",
        _cmd_ipp,
    )
    ipp_cmd.add_argument(
        "file",
        metavar="FILE",
        help="CSV with columns aspect, value and optionally indicator and weight",
    )


def _survey_file(path: str, action: Callable[[], Any]) -> Any:  # noqa: ANN401 - the read value
    try:
        return action()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InvalidArgumentError("FILE", path, f"a readable file ({reason})") from None


def _dec(value: Any, places: int, lang: Lang) -> str:  # noqa: ANN401 - a Fraction
    from opinipp._indices import format_decimal, half_up

    return format_decimal(half_up(value, places), lang)


def _cmd_skm(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.skm import Responses, ikm, skm_rules

    rules = skm_rules(args.rules)
    path: str = args.file
    if path.casefold().endswith((".xlsx", ".xlsm")):
        responses = _survey_file(
            path,
            lambda: Responses.read_excel(path, sheet=args.sheet, rules=rules, ignore=args.ignore),
        )
    else:
        responses = _survey_file(
            path, lambda: Responses.read_csv(path, rules=rules, ignore=args.ignore)
        )
    result = ikm(responses, weight=args.weight)
    weakest = result.weakest
    following = (
        None
        if weakest.to_next is None
        else next(b for b in rules.bands if b.lower == weakest.score.value + weakest.to_next)
    )
    data: dict[str, Any] = {
        "command": "skm",
        "rules": rules.key,
        "respondents": result.respondents,
        "weight": str(result.weight),
        "unsur": [
            {
                "code": u.unsur.code,
                "name": u.unsur.name,
                "nrr": str(u.nrr),
                "converted": str(u.score),
                "mutu": u.band.grade,
                "to_next": None if u.to_next is None else str(u.to_next),
            }
            for u in result.unsur
        ],
        "ikm": str(result.ikm),
        "converted": str(result.score),
        "mutu": result.mutu,
        "kinerja": result.kinerja(),
        "weakest": weakest.unsur.code,
        "notes": list(result.notes("en")),
    }
    rows = [[_sw(lang, "code"), _sw(lang, "unsur"), "NRR", f"×{rules.conversion}", "Mutu"]]
    rows.extend(
        [
            u.unsur.code,
            u.unsur.label(lang),
            _dec(u.nrr, 3, lang),
            u.score.format(lang),
            u.band.grade,
        ]
        for u in result.unsur
    )
    step = (
        _sw(lang, "top")
        if weakest.to_next is None or following is None
        else _sw(lang, "to_next", points=_num(weakest.to_next, lang), grade=following.grade)
    )
    lines = [
        _sw(lang, "skm_title", rules=rules.key, n=result.respondents),
        *_table(rows),
        _sw(
            lang,
            "ikm_line",
            ikm=_dec(result.ikm, 4, lang),
            conversion=rules.conversion,
            score=result.score.format(lang),
            band=result.band.name(lang),
        ),
        _sw(
            lang,
            "weakest",
            code=weakest.unsur.code,
            name=weakest.unsur.label(lang),
            score=weakest.score.format(lang),
            grade=weakest.band.grade,
        )
        + f": {step}",
    ]
    lines.extend(_sw(lang, "note", note=n) for n in result.notes(lang))
    return data, lines


def _ipp_header(header: list[str]) -> list[RowError]:
    problems = [
        RowError(1, column, column, f"expected one of {', '.join(_IPP_COLUMNS)}")
        for column in header
        if column not in _IPP_COLUMNS
    ]
    problems.extend(
        RowError(1, None, header, f"a column {column!r} is required")
        for column in ("aspect", "value")
        if column not in header
    )
    return problems


def _ipp_input(path: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Aspect scores (a number, or indicator → value) and indicator weights from a CSV."""
    from opinipp.serialization._records import raise_group
    from opinipp.serialization._table import read_table

    table = read_table(path)
    header = [h.casefold() for h in table.header]
    problems = _ipp_header(header)
    if problems:
        raise_group(problems, table.name)
    problems.extend(table.problems)
    scores: dict[str, Any] = {}
    weights: dict[str, Any] = {}
    for line, cells in table.rows:
        row = dict(zip(header, cells, strict=False))
        aspect = (row.get("aspect") or "").strip()
        indicator = (row.get("indicator") or "").strip()
        if not aspect:
            problems.append(RowError(line, "aspect", "", "a blank aspect"))
            continue
        if not indicator:
            scores[aspect] = row.get("value")
            continue
        scores.setdefault(aspect, {})
        if not isinstance(scores[aspect], dict):
            problems.append(RowError(line, "indicator", indicator, "aspect already scored"))
            continue
        scores[aspect][indicator] = row.get("value")
        if (row.get("weight") or "").strip():
            weights.setdefault(aspect, {})[indicator] = row.get("weight")
    if problems:
        raise_group(problems, table.name)
    return scores, weights


def _cmd_ipp(args: argparse.Namespace, lang: Lang) -> Output:
    from opinipp.ipp import DEFAULT_IPP_RULES, ipp

    path: str = args.file
    scores, weights = _survey_file(path, lambda: _ipp_input(path))
    result = ipp(scores, weights=weights or None)
    band = result.category
    data: dict[str, Any] = {
        "command": "ipp",
        "rules": DEFAULT_IPP_RULES.key,
        "aspects": [
            {"code": a.aspect.code, "weight": str(a.aspect.weight), "score": str(a.score)}
            for a in result.aspects
        ],
        "value": str(result.value),
        "ipp": str(result.ipp),
        "score": str(result.score),
        "category": band.grade,
        "label": band.label,
        "reconstructed": True,
    }
    rows = [[_sw(lang, "aspect"), _sw(lang, "weight"), _sw(lang, "score")]]
    rows.extend(
        [a.aspect.label(lang), f"{a.aspect.weight}%", _dec(a.score, 2, lang)]
        for a in result.aspects
    )
    lines = [
        _sw(lang, "ipp_title", rules=DEFAULT_IPP_RULES.key),
        *_table(rows),
        result.summary(lang),
        _sw(lang, "reconstructed"),
    ]
    return data, lines
