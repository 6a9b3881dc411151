"""Planning the fewest (or cheapest) indicator steps from given values to a target band.

A *step* raises one indicator by one point of its scale. :func:`plan` finds a set of steps
that brings the simulated score (:func:`~opinipp.instruments.simulate`, with its rounding
per dimension and at the end) to the lower bound of a target band, with the fewest steps,
or with ``costs`` (per step of each indicator: effort, rupiah) the lowest total cost.

The search is exact. Within a dimension every step of an indicator adds the same exact
amount to the dimension's unrounded achievement; the DP over the indicators keeps, for each
reachable exact achievement, the cheapest way to reach it, so nothing is lost to rounding.
Each dimension then offers, per total cost, its best rounded dimension score; a second DP
over the dimensions keeps, per total cost, the highest weighted total. The score only grows
with each dimension score (half-up rounding and positive weights are monotone), so the
cheapest cost whose best total reaches the target is optimal, and discarding a
combination that costs more without reaching a higher total loses nothing. Ties are broken
deterministically: among the cheapest plans, the one with the higher exact total, then the
one that raises the indicators listed first (dimension by dimension, in the instrument's
order) the most. The tests compare every plan with brute force on small instruments.

>>> from opinipp.instruments import instrument_for, plan
>>> i = instrument_for(2023)
>>> p = plan(i, {x.code: 2 for x in i.indicators}, "A", assume_equal_weights=True)
>>> p.status, len(p.steps), str(p.start.score), str(p.end.score)
('reached', 18, '66.67', '88.79')
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from opinipp.errors import InvalidArgumentError, NotApplicableError
from opinipp.instruments._model import as_tuple
from opinipp.instruments.simulation import (
    Simulation,
    read_values_mapping,
    simulate,
    weights_of,
)
from opinipp.rules import Band, rules_for
from opinipp.scores import Score

if TYPE_CHECKING:
    from opinipp.instruments._model import Instrument
    from opinipp.rules import Category, Lang, Zone
    from opinipp.scores import ScoreLike

__all__ = ["Plan", "PlanStatus", "PlanStep", "plan"]

PlanStatus = Literal["reached", "already", "unreachable"]
"""``"reached"``: the steps reach the target; ``"already"``: the values already do;
``"unreachable"``: not even every indicator at the top of its scale does."""

_STATUSES: Final = ("reached", "already", "unreachable")


def _cost(value: object, code: str) -> Decimal:
    if isinstance(value, bool):
        raise InvalidArgumentError(f"costs[{code!r}]", value, "a non-negative number")
    try:
        if isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, (int, str, Decimal)):
            number = Decimal(value)
        elif hasattr(value, "__index__"):
            number = Decimal(value.__index__())
        else:
            number = Decimal(str(value)) if hasattr(value, "dtype") else Decimal("NaN")
    except (ArithmeticError, ValueError, TypeError):
        number = Decimal("NaN")
    if not number.is_finite() or number < 0 or number > Decimal("1e15"):
        raise InvalidArgumentError(f"costs[{code!r}]", value, "a non-negative number (per step)")
    return number


def _check(kind: type | tuple[type, ...], expected: str) -> Any:  # noqa: ANN401 - a validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise InvalidArgumentError(f"Plan.{attribute.name}", value, expected)

    return check


@attrs.frozen
class PlanStep:
    """One step of a plan: an indicator raised by one point, and what the score gains.

    ``points`` is the simulated score after the step minus before it (exact; a step can add
    0.00 when its gain is lost to rounding until a later step); ``cost`` is the step's cost
    (``None`` in a plan by fewest steps).

    >>> from opinipp.instruments import instrument_for, plan
    >>> i = instrument_for(2023)
    >>> step = plan(i, {x.code: 2 for x in i.indicators}, "A", assume_equal_weights=True).steps[0]
    >>> step.code, step.from_value, step.to_value, step.points
    ('OUT-01', 2, 3, Decimal('1.61'))
    """

    code: str = attrs.field(validator=_check(str, "an indicator code"))
    from_value: int = attrs.field(validator=_check(int, "a whole number"))
    to_value: int = attrs.field(validator=_check(int, "a whole number"))
    points: Decimal = attrs.field(validator=_check(Decimal, "a Decimal"))
    score: Score = attrs.field(validator=_check(Score, "a Score"))
    cost: Decimal | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.to_value != self.from_value + 1:
            raise InvalidArgumentError("PlanStep.to_value", self.to_value, f"{self.from_value + 1}")


def _steps(value: object) -> tuple[PlanStep, ...]:
    return as_tuple(value, "Plan.steps", PlanStep, "PlanStep objects")


@attrs.frozen(repr=False)
class Plan:
    """The steps from given indicator values to a target band, or why there are none.

    ``status`` is ``"reached"``, ``"already"`` (no step needed) or ``"unreachable"``
    (``end`` is then the best simulation possible, every raisable indicator at its top).
    ``target`` is the band aimed at and ``target_label`` its name; ``rules_year`` the year
    whose rules name it (borrowed when ``start.borrowed``).

    >>> from opinipp.instruments import instrument_for, plan
    >>> i = instrument_for(2023)
    >>> plan(i, {x.code: 3 for x in i.indicators}, "A", assume_equal_weights=True).status
    'already'
    """

    status: PlanStatus = attrs.field(validator=attrs.validators.in_(_STATUSES))
    target: Band = attrs.field(validator=_check(Band, "a Band"))
    target_label: str = attrs.field(validator=_check(str, "text"))
    rules_year: int = attrs.field(validator=_check(int, "a year"))
    start: Simulation = attrs.field(validator=_check(Simulation, "a Simulation"))
    end: Simulation = attrs.field(validator=_check(Simulation, "a Simulation"))
    steps: tuple[PlanStep, ...] = attrs.field(converter=_steps)
    total_cost: Decimal | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        reached = self.end.score >= self.target.lower
        if (self.status == "unreachable") == reached or (self.status == "already") != (
            self.start.score >= self.target.lower
        ):
            raise InvalidArgumentError("Plan.status", self.status, "the status the scores give")
        if self.status != "reached" and self.steps:
            raise InvalidArgumentError("Plan.steps", len(self.steps), "no steps unless reached")

    @property
    def points(self) -> Decimal:
        """The score points the plan adds (end − start)."""
        return self.end.score - self.start.score

    def lines(self, lang: Lang = "id") -> list[str]:
        """The plan as text lines."""
        english = lang == "en"
        if lang not in ("id", "en"):
            raise InvalidArgumentError("lang", lang, "'id' or 'en'")
        since = "from" if english else "mulai"
        head = f"{self.start.score} → {self.target_label} ({since} {self.target.lower})"
        if self.status == "already":
            return [
                head,
                "already there: no step needed"
                if english
                else "sudah tercapai: tidak perlu langkah",
            ]
        if self.status == "unreachable":
            best = self.end.score
            return [
                head,
                f"unreachable: at best {best}"
                if english
                else f"tidak tercapai: paling tinggi {best}",
            ]
        word = "steps" if english else "langkah"
        lines = [head, f"{len(self.steps)} {word}, {self.start.score} → {self.end.score}"]
        for n, s in enumerate(self.steps, start=1):
            cost = "" if s.cost is None else f", {'cost' if english else 'biaya'} {s.cost}"
            lines.append(
                f"{n:3d}. {s.code} {s.from_value}→{s.to_value}  +{s.points} = {s.score}{cost}"
            )
        if self.total_cost is not None:
            lines.append(f"{'total cost' if english else 'total biaya'} {self.total_cost}")
        lines.extend(f"{'assumption' if english else 'asumsi'}: {a}" for a in self.end.assumptions)
        return lines

    def __repr__(self) -> str:
        return (
            f"<Plan {self.status}: {self.start.score} → {self.end.score}, "
            f"{len(self.steps)} steps to {self.target_label}>"
        )

    def to_html(self, lang: Lang = "id") -> str:
        """The plan as an escaped HTML table, headers in ``lang``."""
        heads = (
            ("Step", "Indicator", "From", "To", "Points", "Score")
            if lang == "en"
            else ("Langkah", "Indikator", "Dari", "Ke", "Poin", "Nilai")
        )
        lines = self.lines(lang)
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{escape(str(c))}</td>"
                for c in (n, s.code, s.from_value, s.to_value, s.points, s.score)
            )
            + "</tr>"
            for n, s in enumerate(self.steps, start=1)
        )
        head = "".join(f"<th>{h}</th>" for h in heads)
        return (
            f'<div class="opinipp-plan"><p>{escape(lines[0])}</p><p>{escape(lines[1])}</p>'
            f"<table><tr>{head}</tr>{rows}</table></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html("id")


_Key = tuple[int, ...]


@attrs.frozen
class _Item:
    """An indicator in the search: its weight, step gain, position, room and step cost."""

    code: str
    weight: Fraction
    gain: Fraction  # weight / scale points: what one step adds to the dimension's sum
    now: int  # current value − low
    room: int  # high − current value
    cost: Fraction | None  # None: not raised


def _dimension_options(items: list[_Item]) -> list[tuple[Fraction, int, _Key]]:
    """Per cost, the best rounded dimension score (hundredths) and its steps' key, pruned."""
    total_weight = sum((i.weight for i in items), Fraction(0))
    base = sum((i.gain * i.now for i in items), Fraction(0))
    states: dict[Fraction, tuple[Fraction, _Key]] = {base: (Fraction(0), ())}
    for item in items:
        top = item.room if item.cost is not None else 0
        step_cost = item.cost or Fraction(0)
        grown: dict[Fraction, tuple[Fraction, _Key]] = {}
        for value, (spent, key) in states.items():
            for k in range(top + 1):
                entry = (spent + k * step_cost, (*key, -k))
                at = value + k * item.gain
                old = grown.get(at)
                if old is None or entry < old:
                    grown[at] = entry
        states = grown
    best: dict[Fraction, tuple[int, _Key]] = {}
    for value, (spent, key) in states.items():
        hundredths = Score.rounded(value * 100 / total_weight).hundredths
        seen = best.get(spent)
        if seen is None or (-hundredths, key) < (-seen[0], seen[1]):
            best[spent] = (hundredths, key)
    options: list[tuple[Fraction, int, _Key]] = []
    highest = -1
    for spent in sorted(best):
        hundredths, key = best[spent]
        if hundredths > highest:
            options.append((spent, hundredths, key))
            highest = hundredths
    return options


def _search(
    dimensions: list[tuple[Fraction, list[_Item]]], fixed: Fraction
) -> list[tuple[Fraction, Fraction, _Key]]:
    """Per total cost, the best exact total (score × 100) and its key, cheapest first."""
    frontier: dict[Fraction, tuple[Fraction, _Key]] = {Fraction(0): (fixed, ())}
    for weight, items in dimensions:
        options = _dimension_options(items)
        grown: dict[Fraction, tuple[Fraction, _Key]] = {}
        for spent, (total, key) in frontier.items():
            for cost, hundredths, more in options:
                entry = (total + weight * Fraction(hundredths, 100), (*key, *more))
                at = spent + cost
                old = grown.get(at)
                if old is None or (-entry[0], entry[1]) < (-old[0], old[1]):
                    grown[at] = entry
        frontier = {}
        highest: Fraction | None = None
        for at in sorted(grown):
            if highest is None or grown[at][0] > highest:
                frontier[at] = grown[at]
                highest = grown[at][0]
    return [(at, total, key) for at, (total, key) in sorted(frontier.items())]


def plan(  # noqa: C901, PLR0912, PLR0913 - options are keyword-only
    instrument: Instrument,
    values: Mapping[str, int],
    target: Category | Zone | Band | str,
    /,
    *,
    costs: Mapping[str, object] | None = None,
    kepercayaan_masyarakat: ScoreLike | None = None,
    assume_equal_weights: bool = False,
    year: int | None = None,
    rules_year: int | None = None,
) -> Plan:
    """Plan the fewest indicator steps (or, with ``costs``, the cheapest) to ``target``.

    ``target`` is a category, zone or opinion as :func:`~opinipp.gaps.gap_to` accepts it
    (``"A"``, ``"hijau"``, ``"Kualitas Tertinggi"``), named in the rules that grade the
    simulation (``year``, or ``rules_year`` to borrow). ``costs`` maps indicator codes to the
    cost of one step (a non-negative number); indicators it leaves out are not raised. The
    other arguments are those of :func:`~opinipp.instruments.simulate`.

    Raises:
        NotApplicableError: no rules grade the simulation (pass ``rules_year``), a target
            of other rules, or what :func:`~opinipp.instruments.simulate` raises.
        InvalidArgumentError: bad values, costs or target.

    >>> from opinipp.instruments import instrument_for
    >>> i = instrument_for(2023)
    >>> p = plan(i, {x.code: 0 for x in i.indicators}, "A", assume_equal_weights=True)
    >>> len(p.steps), str(p.end.score)
    (85, '88.13')
    """
    common: dict[str, Any] = {
        "kepercayaan_masyarakat": kepercayaan_masyarakat,
        "assume_equal_weights": assume_equal_weights,
        "year": year,
        "rules_year": rules_year,
    }
    start = simulate(instrument, values, **common)
    if start.rules_year is None:
        raise NotApplicableError(
            "planning to a band",
            instrument.years[-1],
            "no published bounds for this round; name the rules to borrow (rules_year=2025)",
        )
    band, label = rules_for(start.rules_year).target(target, year=start.rules_year)
    checked = read_values_mapping(instrument, values)
    step_costs: dict[str, Decimal] | None = None
    if costs is not None:
        if not isinstance(costs, Mapping):
            raise InvalidArgumentError("costs", costs, "a mapping of indicator code to step cost")
        step_costs = {}
        for code, value in costs.items():
            indicator = instrument.find_indicator(code)
            if indicator is None:
                raise InvalidArgumentError(
                    "costs", code, f"indicator codes ({instrument.code_list()})"
                )
            step_costs[indicator.code] = _cost(value, indicator.code)
    if start.score >= band.lower:
        return Plan("already", band, label, start.rules_year, start, start, ())
    weights = weights_of(instrument, assume_equal_weights=assume_equal_weights)
    dims: list[tuple[Fraction, list[_Item]]] = []
    for dimension, weight in weights.dimensions:
        items = []
        for i in dimension.indicators:
            assert i.scale is not None  # noqa: S101 - simulate checked
            w = weights.indicators[i.code]
            cost: Fraction | None = Fraction(1)
            if step_costs is not None:
                cost = Fraction(step_costs[i.code]) if i.code in step_costs else None
            value = checked[i.code]
            items.append(
                _Item(
                    i.code, w, w / i.scale.points, value - i.scale.low, i.scale.high - value, cost
                )
            )
        dims.append((weight, items))
    km = (
        Fraction(0)
        if start.kepercayaan_masyarakat is None
        else Fraction(start.kepercayaan_masyarakat.hundredths, 100)
    )
    frontier = _search(dims, weights.kepercayaan * km)
    chosen = next(
        (f for f in frontier if Score.rounded(f[1] / 100).hundredths >= band.lower.hundredths), None
    )
    order = [i.code for i in instrument.indicators]
    if chosen is None:
        best = frontier[-1]
        top = dict(checked)
        for code, k in zip(order, best[2], strict=True):
            top[code] -= k
        end = simulate(instrument, top, **common)
        return Plan("unreachable", band, label, start.rules_year, start, end, ())
    raises = {code: -k for code, k in zip(order, chosen[2], strict=True) if k}
    gains = {
        item.code: item.gain * weight / sum((x.weight for x in items), Fraction(0))
        for weight, items in dims
        for item in items
    }
    sequence = sorted(raises, key=lambda c: (-gains[c], order.index(c)))
    current = dict(checked)
    steps, before = [], start.score
    for code in sequence:
        for _ in range(raises[code]):
            current[code] += 1
            after = simulate(instrument, current, **common).score
            steps.append(
                PlanStep(
                    code,
                    current[code] - 1,
                    current[code],
                    after - before,
                    after,
                    None if step_costs is None else step_costs[code],
                )
            )
            before = after
    end = simulate(instrument, current, **common)
    total = None if step_costs is None else sum((s.cost or Decimal(0) for s in steps), Decimal(0))
    return Plan("reached", band, label, start.rules_year, start, end, steps, total)


def __dir__() -> list[str]:
    return list(__all__)
