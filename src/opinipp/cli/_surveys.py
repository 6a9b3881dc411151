"""Survey indices: ``opinipp skm FILE`` (SKM/IKM) and ``opinipp ipp FILE`` (PEKPPP)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from opinipp.cli._output import Output, table
from opinipp.cli._words import num, w
from opinipp.errors import InvalidArgumentError, RowError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from opinipp.cli._parsing import Parser
    from opinipp.cli._words import Lang

__all__ = ["add_survey_commands"]

_IPP_COLUMNS = ("aspect", "indicator", "value", "weight")


def add_survey_commands(add: Callable[[str, str, Callable[..., Output]], Parser]) -> None:
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
    rows = [[w(lang, "code_h"), w(lang, "unsur"), "NRR", f"×{rules.conversion}", "Mutu"]]
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
        w(lang, "mutu_top")
        if weakest.to_next is None or following is None
        else w(lang, "mutu_to_next", points=num(weakest.to_next, lang), grade=following.grade)
    )
    lines = [
        w(lang, "skm_title", rules=rules.key, n=result.respondents),
        *table(rows),
        w(
            lang,
            "ikm_line",
            ikm=_dec(result.ikm, 4, lang),
            conversion=rules.conversion,
            score=result.score.format(lang),
            band=result.band.name(lang),
        ),
        w(
            lang,
            "weakest",
            code=weakest.unsur.code,
            name=weakest.unsur.label(lang),
            score=weakest.score.format(lang),
            grade=weakest.band.grade,
        )
        + f": {step}",
    ]
    lines.extend(w(lang, "note", note=n) for n in result.notes(lang))
    return Output(data, lines)


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
    rows = [[w(lang, "aspect"), w(lang, "weight"), w(lang, "score")]]
    rows.extend(
        [a.aspect.label(lang), f"{a.aspect.weight}%", _dec(a.score, 2, lang)]
        for a in result.aspects
    )
    lines = [
        w(lang, "ipp_title", rules=DEFAULT_IPP_RULES.key),
        *table(rows),
        result.summary(lang),
        w(lang, "reconstructed"),
    ]
    return Output(data, lines)


def __dir__() -> list[str]:
    return list(__all__)
