r"""Reading instrument files: a whole instrument, a weight table, values, costs, evidence.

Every reader reports every bad cell as a :class:`~opinipp.errors.RowError` naming its row
(the file's line number, the header being line 1) and column, all at once in an
:class:`~opinipp.errors.InvalidDataError` (``errors="collect"``, the default) or the first
one (``errors="raise"``). No row is dropped silently. CSV text goes through one function,
:func:`_csv_rows`.

>>> import io
>>> from opinipp.instruments import instrument_for
>>> values = read_values(io.StringIO("indicator_code,value\nPR-01,3\n"), instrument_for(2023))
>>> dict(values)
{'PR-01': 3}
"""

from __future__ import annotations

import io
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final, TypeVar

import attrs

from opinipp._checks import FrozenMapping, exact_text
from opinipp.errors import InvalidArgumentError, InvalidTextError, OpinippError, RowError
from opinipp.instruments._model import (
    Dimension,
    Evidence,
    Indicator,
    Instrument,
    Provenance,
    Scale,
    Variable,
    Weight,
)
from opinipp.rules import Dimension as Key
from opinipp.serialization._records import ErrorMode, check_error_mode, raise_group
from opinipp.serialization._table import file_path, method_of, source_name_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

__all__ = [
    "read_costs",
    "read_evidence",
    "read_instrument",
    "read_values",
    "read_weights",
]

T = TypeVar("T")

_TRUE: Final = frozenset({"true", "ya", "yes", "1", "ada"})
_FALSE: Final = frozenset({"false", "tidak", "no", "0", "", "belum"})
KEPERCAYAAN: Final = "kepercayaan_masyarakat"


def _open(source: object) -> tuple[IO[str], str, bool]:
    path = file_path(source, "source", "a path or a text file")
    if path is not None:
        try:
            return open(path, encoding="utf-8-sig", newline=""), path, True  # noqa: PTH123
        except OSError as exc:
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            raise InvalidArgumentError("source", source, f"a readable file ({reason})") from None
    if method_of(source, "read") is not None:
        return source, source_name_of(source), False  # type: ignore[return-value]
    raise InvalidArgumentError("source", source, "a path or a text file")


def _check_instrument(instrument: object) -> None:
    if not isinstance(instrument, Instrument):
        raise InvalidArgumentError("instrument", instrument, "an Instrument (instrument_for(year))")


def _read_text(source: object) -> tuple[str, str]:
    stream, name, owned = _open(source)
    try:
        text = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidTextError(name, "a UTF-8 text file", str(exc)) from None
    finally:
        if owned:
            stream.close()
    plain = exact_text(text)
    if plain is None:
        raise InvalidArgumentError("source", source, "a file opened in text mode")
    return plain.lstrip("\ufeff"), name


def _csv_rows(
    text: str, name: str, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of CSV ``text`` as ``(line number, {column: cell})``; the header is line 1.

    Read through the project's row source
    (:func:`~opinipp.serialization._table.read_rows`); a row it cannot read, or of the
    wrong width, comes as ``{"": reason}``. Raises
    :class:`~opinipp.errors.InvalidDataError` for a header without ``required``.
    """
    from opinipp.serialization._table import read_table

    table = read_table(io.StringIO(text, newline=""), source_name=name)
    header = [h.casefold() for h in table.header]
    missing = [c for c in required if c not in header]
    if missing or len(set(header)) != len(header):
        reason = (
            f"missing column(s) {', '.join(missing)}; expected {', '.join(required)}"
            if missing
            else "a column named twice"
        )
        raise_group([RowError(1, None, ",".join(header), reason)], name)
    unreadable = {p.row: p.reason for p in table.problems}
    for line, cells in table.rows:
        if line in unreadable:
            yield line, {"": unreadable.pop(line)}
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            yield line, {"": f"{len(cells)} cells, expected {len(header)}"}
            continue
        yield line, {h: c.strip() for h, c in zip(header, cells, strict=True)}
    for line, reason in unreadable.items():  # rows the CSV syntax could not split
        yield line, {"": reason}


class _Problems:
    """Collects RowErrors; raises the first at once in ``"raise"`` mode."""

    def __init__(self, errors: ErrorMode, name: str) -> None:
        self.mode, self.name, self.found = errors, name, list[RowError]()

    def add(self, row: int, column: str | None, value: object, reason: str) -> None:
        error = RowError(row, column, value, reason)
        if self.mode == "raise":
            raise error
        self.found.append(error)

    def row_shape(self, row: int, cells: dict[str, str]) -> bool:
        if "" in cells and len(cells) == 1:
            self.add(row, None, cells[""], "wrong number of cells")
            return False
        return True

    def done(self) -> None:
        if self.found:
            raise_group(self.found, self.name)


def _indicator(
    instrument: Instrument, text: str, row: int, column: str, problems: _Problems
) -> Indicator | None:
    found = instrument.find_indicator(text)
    if found is None:
        problems.add(
            row, column, text, f"unknown indicator code; expected one of {instrument.code_list()}"
        )
    return found


def _whole(text: str) -> int | None:
    stripped = text.strip()
    sign = stripped[:1] == "-"
    digits = stripped[1:] if sign else stripped
    if digits.isascii() and digits.isdigit() and len(digits) <= 6:
        return -int(digits) if sign else int(digits)
    return None


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and abs(value) < Decimal("1e12") else None


def _per_indicator(
    source: object,
    instrument: Instrument,
    column: str,
    read: Callable[[str, Indicator | None], tuple[T | None, str]],
    errors: ErrorMode,
) -> FrozenMapping[str, T]:
    """A table of ``indicator_code`` and ``column``: each cell read by ``read``, each code once.

    ``read`` returns the value, or ``None`` and the reason; every bad cell is reported.
    """
    _check_instrument(instrument)
    mode = check_error_mode(errors)
    text, name = _read_text(source)
    problems = _Problems(mode, name)
    found: dict[str, T] = {}
    for row, cells in _csv_rows(text, name, ("indicator_code", column)):
        if not problems.row_shape(row, cells):
            continue
        indicator = _indicator(instrument, cells["indicator_code"], row, "indicator_code", problems)
        value, reason = read(cells[column], indicator)
        if value is None:
            problems.add(row, column, cells[column], reason)
        if indicator is None or value is None:
            continue
        if indicator.code in found:
            problems.add(row, "indicator_code", cells["indicator_code"], "code given twice")
        found[indicator.code] = value
    problems.done()
    return FrozenMapping(found)


def read_values(
    source: object, instrument: Instrument, /, *, errors: ErrorMode = "collect"
) -> FrozenMapping[str, int]:
    r"""Read indicator values (columns ``indicator_code``, ``value``) for ``instrument``.

    Each value is a whole number on the indicator's scale; each code once.

    >>> import io
    >>> from opinipp.instruments import instrument_for
    >>> from opinipp.errors import InvalidDataError
    >>> try:
    ...     read_values(io.StringIO("indicator_code,value\nPR-01,4\nXX,1\n"), instrument_for(2023))
    ... except InvalidDataError as error:
    ...     print("\n".join(error.messages()))  # doctest: +ELLIPSIS
    row 2, column 'value': '4': expected 0–3
    row 3, column 'indicator_code': 'XX': unknown indicator code; expected one of IN-01, ...
    """

    def value_of(cell: str, indicator: Indicator | None) -> tuple[int | None, str]:
        value = _whole(cell)
        if value is None:
            return None, "expected a whole number"
        scale = None if indicator is None else indicator.scale
        if scale is not None and not scale.low <= value <= scale.high:
            return None, f"expected {scale.low}–{scale.high}"
        return value, ""

    return _per_indicator(source, instrument, "value", value_of, errors)


def read_costs(
    source: object, instrument: Instrument, /, *, errors: ErrorMode = "collect"
) -> FrozenMapping[str, Decimal]:
    r"""Read the cost of one step of each indicator (columns ``indicator_code``, ``cost``).

    A cost is a non-negative number (effort, rupiah); indicators not listed cannot be raised
    in a plan with costs.

    >>> import io
    >>> from opinipp.instruments import instrument_for
    >>> dict(read_costs(io.StringIO("indicator_code,cost\nPR-01,250000\n"), instrument_for(2023)))
    {'PR-01': Decimal('250000')}
    """

    def cost_of(cell: str, _: Indicator | None) -> tuple[Decimal | None, str]:
        cost = _decimal(cell)
        if cost is None or cost < 0:
            return None, "expected a non-negative number"
        return cost, ""

    return _per_indicator(source, instrument, "cost", cost_of, errors)


def _flag(text: str) -> bool | None:
    key = text.strip().casefold()
    return True if key in _TRUE else False if key in _FALSE else None


def read_evidence(
    source: object, instrument: Instrument, /, *, errors: ErrorMode = "collect"
) -> FrozenMapping[str, tuple[int, ...]]:
    r"""Read an evidence file: columns ``indicator_code``, ``evidence``, ``present``.

    ``evidence`` is the item's number within its indicator or its name (case-insensitive);
    ``present`` is true/false (also ya/tidak, 1/0). Returns the present evidence numbers per
    indicator code, for :func:`~opinipp.instruments.readiness`.

    >>> import io
    >>> from opinipp.instruments import instrument_for
    >>> text = "indicator_code,evidence,present\nIN-01,1,ya\nIN-01,Laporan Kinerja (LAKIP),true\n"
    >>> dict(read_evidence(io.StringIO(text), instrument_for(2026)))
    {'IN-01': (1, 2)}
    """
    _check_instrument(instrument)
    mode = check_error_mode(errors)
    text, name = _read_text(source)
    problems = _Problems(mode, name)
    found: dict[str, set[int]] = {}
    for row, cells in _csv_rows(text, name, ("indicator_code", "evidence", "present")):
        if not problems.row_shape(row, cells):
            continue
        indicator = _indicator(instrument, cells["indicator_code"], row, "indicator_code", problems)
        present = _flag(cells["present"])
        if present is None:
            problems.add(row, "present", cells["present"], "expected true/false (ya/tidak, 1/0)")
        if indicator is None:
            continue
        item = _evidence_item(indicator, cells["evidence"])
        if item is None:
            names = "; ".join(f"{e.number} {e.name}" for e in indicator.evidence) or "none"
            problems.add(
                row, "evidence", cells["evidence"], f"unknown evidence of {indicator.code}: {names}"
            )
            continue
        if present:
            found.setdefault(indicator.code, set()).add(item.number)
    problems.done()
    return FrozenMapping({code: tuple(sorted(n)) for code, n in found.items()})


def _evidence_item(indicator: Indicator, text: str) -> Evidence | None:
    number = _whole(text)
    key = " ".join(text.split()).casefold()
    for item in indicator.evidence:
        if item.number == number or " ".join(item.name.split()).casefold() == key:
            return item
    return None


def _weight_entries(text: str, name: str) -> Iterator[tuple[int, str, str, str]]:
    """``(row, code, weight text, column)`` from a CSV or a JSON weight table."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(text, parse_float=str, parse_int=str)
        except json.JSONDecodeError as exc:
            raise InvalidTextError(name, "a JSON weight table", str(exc)) from None
        if isinstance(data, dict):
            data = [{"code": k, "weight": v} for k, v in data.items()]
        if not isinstance(data, list):
            raise InvalidTextError(name, "a JSON weight table", "expected an object or a list")
        for n, entry in enumerate(data, start=1):
            if not isinstance(entry, dict) or set(entry) != {"code", "weight"}:
                yield n, "", repr(entry)[:80], ""
                continue
            yield n, str(entry["code"]), str(entry["weight"]), "weight"
        return
    for row, cells in _csv_rows(text, name, ("code", "weight")):
        if "" in cells and len(cells) == 1:
            yield row, "", cells[""], ""
            continue
        yield row, cells["code"], cells["weight"], "weight"


def read_weights(
    source: object, instrument: Instrument, /, *, errors: ErrorMode = "collect"
) -> Instrument:
    """Return ``instrument`` with the weights of a table laid over its structure.

    The table is CSV (columns ``code``, ``weight``) or JSON (``{"IN-01": "12.22", …}`` or a
    list of ``{"code": …, "weight": …}``; in JSON a row is the entry's position). A code is
    an indicator code (its weight *within its dimension*, in percent), a dimension name or
    key (``input``; its share of the total score), or ``kepercayaan_masyarakat``. Loaded
    weights are marked :attr:`~opinipp.instruments.Provenance.SUPPLIED` with the file's
    name; weights the table leaves out stay as shipped. The new instrument is built through
    its constructors, so weights that do not sum to 100 % raise
    :class:`~opinipp.errors.InvalidArgumentError` naming the dimension.

    >>> import io
    >>> from opinipp.instruments import instrument_for
    >>> table = io.StringIO('{"PR-01": "10", "PR-02": "10"}')
    >>> read_weights(table, instrument_for(2023)).indicator("PR-02").weight
    Weight('10', SUPPLIED)
    """
    _check_instrument(instrument)
    mode = check_error_mode(errors)
    text, name = _read_text(source)
    problems = _Problems(mode, name)
    indicators: dict[str, Weight] = {}
    dimensions: dict[str, Weight] = {}
    kepercayaan: Weight | None = None
    for row, code, raw, column in _weight_entries(text, name):
        if not column:
            problems.add(row, None, raw, "expected a code and a weight")
            continue
        value = _decimal(raw)
        weight = None
        if value is None or not 0 < value <= 100:
            problems.add(row, "weight", raw, "expected a percentage above 0 and at most 100")
        else:
            weight = Weight(value, Provenance.SUPPLIED, f"({Path(name).name})")
        indicator = instrument.find_indicator(code)
        dimension = instrument.find_dimension(code)
        if code.strip().casefold() == KEPERCAYAAN:
            if weight is not None:
                kepercayaan = weight
        elif indicator is not None:
            if weight is not None:
                indicators[indicator.code] = weight
        elif dimension is not None:
            if weight is not None:
                dimensions[dimension.name] = weight
        else:
            dims = ", ".join(d.key.value if d.key else d.name for d in instrument.dimensions)
            problems.add(
                row,
                "code",
                code,
                f"unknown code; expected an indicator code ({instrument.code_list()}), a dimension "
                f"({dims}) or {KEPERCAYAAN}",
            )
    problems.done()
    return with_weights(
        instrument, indicators=indicators, dimensions=dimensions, kepercayaan=kepercayaan
    )


def with_weights(
    instrument: Instrument,
    *,
    indicators: Mapping[str, Weight] | None = None,
    dimensions: Mapping[str, Weight] | None = None,
    kepercayaan: Weight | None = None,
) -> Instrument:
    """Rebuild ``instrument`` (through its constructors) with some weights replaced."""
    indicators = indicators or {}
    dimensions = dimensions or {}

    def variable(v: Variable) -> Variable:
        return attrs.evolve(
            v,
            indicators=tuple(
                attrs.evolve(i, weight=indicators.get(i.code, i.weight)) for i in v.indicators
            ),
        )

    return attrs.evolve(
        instrument,
        dimensions=tuple(
            attrs.evolve(
                d,
                weight=dimensions.get(d.name, d.weight),
                variables=tuple(variable(v) for v in d.variables),
            )
            for d in instrument.dimensions
        ),
        kepercayaan_weight=kepercayaan or instrument.kepercayaan_weight,
    )


_INSTRUMENT_COLUMNS: Final = (
    "dimension",
    "indicator_code",
    "indicator",
    "evidence_number",
    "evidence",
    "required",
)


def read_instrument(  # noqa: C901, PLR0912, PLR0913, PLR0915 - one pass; keyword-only options
    source: object,
    /,
    *,
    years: Iterable[int],
    name: str,
    provenance: str,
    references: Iterable[str] = (),
    scale: Scale | None = None,
    secondary: Mapping[str, str] | None = None,
    kepercayaan_weight: Weight | None = None,
    notes: Iterable[str] = (),
    errors: ErrorMode = "collect",
) -> Instrument:
    r"""Read a whole instrument from a checklist CSV (the layout of the 2026 checklist).

    Columns ``dimension`` (``input``, ``proses``, ``output``, ``pengaduan`` or any name),
    ``indicator_code``, ``indicator``, ``evidence_number``, ``evidence``, ``required``; a
    row per evidence item (an indicator without evidence: blank ``evidence_number`` and
    ``evidence``). Optional columns: ``variable``, ``scale_min`` and ``scale_max`` (else
    ``scale``), ``weight`` (the indicator's within-dimension weight, percent, blank if
    unknown), ``dimension_weight`` (blank if unknown) and ``secondary`` (true/false, else
    the codes in ``secondary`` with their reason). Weights from the file are marked
    :attr:`~opinipp.instruments.Provenance.SUPPLIED`.

    >>> import io
    >>> text = (
    ...     "dimension,indicator_code,indicator,evidence_number,evidence,required,scale_max\n"
    ...     "proses,P1,Persyaratan,1,Papan informasi,true,3\n"
    ... )
    >>> own = read_instrument(io.StringIO(text), years=[2026], name="Mine", provenance="ours")
    >>> own.indicator("P1").scale, own.indicator("P1").evidence[0].name
    (Scale(0, 3, SUPPLIED), 'Papan informasi')
    """
    mode = check_error_mode(errors)
    text, source_name = _read_text(source)
    problems = _Problems(mode, source_name)
    secondary = dict(secondary or {})
    tag = f"({Path(source_name).name})"
    dims: dict[str, dict[str, object]] = {}
    evidence: dict[str, list[Evidence]] = {}
    info: dict[str, tuple[str, str | None, Scale | None, Weight | None, bool, str]] = {}
    for row, cells in _csv_rows(text, source_name, _INSTRUMENT_COLUMNS):
        if not problems.row_shape(row, cells):
            continue
        dim_name = cells["dimension"]
        code = cells["indicator_code"]
        if not dim_name:
            problems.add(row, "dimension", dim_name, "expected a dimension name")
            continue
        if not code or any(c.isspace() for c in code):
            problems.add(row, "indicator_code", code, "expected a code without spaces")
            continue
        dim = dims.setdefault(
            dim_name.casefold(), {"name": dim_name, "variables": {}, "weight": None}
        )
        raw_dw = cells.get("dimension_weight", "")
        if raw_dw:
            dw = _decimal(raw_dw)
            if dw is None or not 0 < dw <= 100:
                problems.add(
                    row, "dimension_weight", raw_dw, "expected a percentage above 0, at most 100"
                )
            else:
                dim["weight"] = Weight(dw, Provenance.SUPPLIED, tag)
        variable = cells.get("variable", "") or None
        row_scale = scale
        if cells.get("scale_max", ""):
            low = _whole(cells.get("scale_min", "") or "0")
            high = _whole(cells["scale_max"])
            if low is None or high is None or high <= low:
                problems.add(
                    row, "scale_max", cells["scale_max"], "expected whole numbers, max above min"
                )
            else:
                row_scale = Scale(low, high, Provenance.SUPPLIED, tag)
        weight = None
        if cells.get("weight", ""):
            w = _decimal(cells["weight"])
            if w is None or not 0 < w <= 100:
                problems.add(
                    row, "weight", cells["weight"], "expected a percentage above 0, at most 100"
                )
            else:
                weight = Weight(w, Provenance.SUPPLIED, tag)
        is_secondary = code in secondary
        if cells.get("secondary", ""):
            flag = _flag(cells["secondary"])
            if flag is None:
                problems.add(row, "secondary", cells["secondary"], "expected true or false")
            elif flag:
                is_secondary = True
                secondary.setdefault(code, "secondary data (marked in the file)")
        key = code.casefold()
        if key not in info:
            info[key] = (
                code,
                cells["indicator"] or None,
                row_scale,
                weight,
                is_secondary,
                dim_name.casefold(),
            )
            dim_vars = dim["variables"]
            assert isinstance(dim_vars, dict)  # noqa: S101 - built above
            dim_vars.setdefault(variable, []).append(key)
            evidence[key] = []
        elif info[key][5] != dim_name.casefold() or (info[key][1] or "") != cells["indicator"]:
            problems.add(
                row, "indicator", cells["indicator"], f"{code} named or placed differently above"
            )
            continue
        number_text, item = cells["evidence_number"], cells["evidence"]
        if not number_text and not item:
            continue
        number = _whole(number_text)
        required = _flag(cells["required"])
        if number is None or number < 1:
            problems.add(row, "evidence_number", number_text, "expected a whole number from 1")
        elif any(e.number == number for e in evidence[key]):
            problems.add(row, "evidence_number", number_text, f"number used twice in {code}")
        elif not item:
            problems.add(row, "evidence", item, "expected the evidence's name")
        elif required is None:
            problems.add(row, "required", cells["required"], "expected true or false")
        else:
            evidence[key].append(Evidence(number, item, required=required))
    problems.done()
    dimensions = []
    for dim in dims.values():
        variables = []
        dim_vars = dim["variables"]
        assert isinstance(dim_vars, dict)  # noqa: S101 - built above
        for variable, keys in dim_vars.items():
            built = []
            for key in keys:
                code, title, row_scale, weight, is_secondary, _ = info[key]
                built.append(
                    Indicator(
                        code,
                        title,
                        row_scale,
                        weight=weight,
                        evidence=evidence[key],
                        secondary=is_secondary,
                        secondary_reason=secondary.get(code) if is_secondary else None,
                    )
                )
            variables.append(Variable(variable, built))
        dim_name = str(dim["name"])
        member = next((k for k in Key if k.value == dim_name.casefold()), None)
        weight_value = dim["weight"]
        assert weight_value is None or isinstance(weight_value, Weight)  # noqa: S101
        dimensions.append(
            Dimension(dim_name.title() if member else dim_name, member, weight_value, variables)
        )
    try:
        return Instrument(
            years=tuple(years),
            name=name,
            dimensions=dimensions,
            provenance=provenance,
            references=tuple(references),
            kepercayaan_weight=kepercayaan_weight,
            notes=tuple(notes),
        )
    except OpinippError:
        raise
    except (TypeError, ValueError) as exc:  # pragma: no cover - constructors raise ours
        raise InvalidArgumentError("source", source_name, str(exc)) from None


def __dir__() -> list[str]:
    return list(__all__)
