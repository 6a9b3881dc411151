"""The instrument commands: instrument, simulate, plan, readiness (:mod:`opinipp.instruments`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from opinipp.cli._output import Output, grade_json
from opinipp.cli._parsing import Parser, year_arg

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from decimal import Decimal

    from opinipp.cli._words import Lang


__all__ = ["add_instrument_commands"]


def add_instrument_commands(add: Callable[[str, str, Callable[..., Output]], Parser]) -> None:
    instrument = add(
        "instrument",
        "the assessment instrument of a year: dimensions, indicators, weights",
        _cmd_instrument,
    )
    instrument.add_argument(
        "year", metavar="YEAR", type=year_arg, help="the assessment year or round"
    )
    for name, help_text, handler in (
        ("simulate", "simulate a score from indicator values", _cmd_simulate),
        ("plan", "the fewest (or cheapest) indicator steps to a target", _cmd_plan),
    ):
        sub = add(name, help_text, handler)
        sub.add_argument(
            "--year", type=year_arg, required=True, help="the assessment year or round"
        )
        sub.add_argument("--values", required=True, help="CSV: indicator_code,value")
        sub.add_argument("--weights", help="CSV or JSON weight table (code,weight)")
        sub.add_argument(
            "--assume-equal-weights", action="store_true", help="assume equal unknown weights"
        )
        sub.add_argument("--kepercayaan", help="Kepercayaan Masyarakat score (2025 round on)")
        sub.add_argument("--rules-year", type=year_arg, help="the rules to borrow for the grade")
        if name == "plan":
            sub.add_argument("--target", required=True, help="A, hijau, Kualitas Tertinggi …")
            sub.add_argument("--costs", help="CSV: indicator_code,cost (per step)")
    ready = add(
        "readiness", "required evidence present, per indicator and dimension", _cmd_readiness
    )
    ready.add_argument("--year", type=year_arg, required=True, help="the assessment year or round")
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
    return Output(data, instrument.tree(lang))


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
        "grade": None if grade is None else grade_json(grade),
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
    return Output(data, result.lines(lang))


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
    return Output(data, result.lines(lang))


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
    return Output(data, result.lines(lang))


def __dir__() -> list[str]:
    return list(__all__)
