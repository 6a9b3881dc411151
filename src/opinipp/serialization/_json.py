"""JSON through a private cattrs converter (see :mod:`opinipp.serialization`)."""

from __future__ import annotations

import functools
import json
import re
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args

from opinipp import regions
from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import (
    OPD,
    EntityKind,
    Instansi,
    InstansiKind,
    OPDKind,
    Pemda,
    PemdaKind,
    Province,
    Puskesmas,
    Rsud,
)
from opinipp.errors import (
    AmbiguousNameError,
    InvalidArgumentError,
    InvalidTextError,
    OpinippError,
    UnknownRegionError,
)
from opinipp.rules import Category, Zone
from opinipp.scores import Score
from opinipp.serialization._records import (
    PEMDA_CODE,
    PEMDA_CODE_EXPECTED,
    assessment_list,
    check_classifiable,
)
from opinipp.zoning import Grade, classify

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import cattrs

    from opinipp.entities import Entity

__all__ = [
    "assessments_from_json",
    "assessments_to_json",
    "from_json",
    "make_converter",
    "to_json",
]

T = TypeVar("T")
_E = TypeVar("_E", bound=Enum)

_ENTITY_CLASSES: Final = (Pemda, Instansi, OPD, Puskesmas, Rsud)
_CLASS_OF_KIND: Final[dict[EntityKind, type]] = {
    EntityKind.KEMENTERIAN: Instansi,
    EntityKind.LEMBAGA: Instansi,
    EntityKind.PROVINSI: Pemda,
    EntityKind.KABUPATEN: Pemda,
    EntityKind.KOTA: Pemda,
    EntityKind.OPD: OPD,
    EntityKind.PUSKESMAS: Puskesmas,
    EntityKind.RSUD: Rsud,
}
_UNIT_KINDS: Final = frozenset({EntityKind.OPD, EntityKind.PUSKESMAS, EntityKind.RSUD})
_PROVINCE_CODE: Final = re.compile(r"[0-9]{2}")
_MAX_INDENT: Final = 16

# ---------------------------------------------------------------------------------------
# JSON: structuring (reading) with a path in every message.


def _note(err: BaseException, path: str) -> None:
    add_note = getattr(err, "add_note", None)  # Python 3.11+
    if add_note is not None:
        add_note(f"at {path}")


def _object(
    obj: object, path: str, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> dict[str, Any]:
    allowed = (*required, *optional)
    if not isinstance(obj, dict):
        raise InvalidArgumentError(path, obj, f"a JSON object for {what}")
    for key in obj:
        if key not in allowed:
            raise InvalidArgumentError(
                f"{path}.{key}", obj[key], f"only the keys {', '.join(allowed)} of {what}"
            )
    for key in required:
        if key not in obj:
            raise InvalidArgumentError(f"{path}.{key}", None, f"the key {key!r} of {what}")
    return obj


def _enum(cls: type[_E], obj: object, path: str) -> _E:
    if isinstance(obj, cls):
        return obj
    if isinstance(obj, str):
        for member in cls:
            if member.value == obj:
                return member
    choices = ", ".join(repr(m.value) for m in cls)
    raise InvalidArgumentError(path, obj, f"one of {choices}")


def _pemda_by_code(obj: object, path: str) -> Pemda:
    if not isinstance(obj, str) or PEMDA_CODE.fullmatch(obj) is None:
        raise InvalidArgumentError(path, obj, PEMDA_CODE_EXPECTED)
    try:
        return regions.pemda(obj)
    except OpinippError as err:
        _note(err, path)
        raise


def _check_pemda_name(name: object, path: str, found: Pemda) -> None:
    expected = f"a name of {found.full_name} ({found.code})"
    if not isinstance(name, str):
        raise InvalidArgumentError(path, name, expected)
    try:
        named = regions.pemda(name, kind=found.kind, province=found.province)
    except (UnknownRegionError, AmbiguousNameError):
        named = None
    if named != found:
        raise InvalidArgumentError(path, name, expected)


def _province_from(obj: object, path: str) -> Province:
    data = _object(obj, path, "a Province", ("code",), ("name",))
    code = data["code"]
    if not isinstance(code, str) or _PROVINCE_CODE.fullmatch(code) is None:
        raise InvalidArgumentError(f"{path}.code", code, "a 2-digit Kemendagri code such as '74'")
    found = regions.provincial_government(_located(f"{path}.code", regions.province, code))
    if "name" in data:
        _check_pemda_name(data["name"], f"{path}.name", found)
    return found.province


def _located(path: str, lookup: Callable[[str], T], text: str) -> T:
    try:
        return lookup(text)
    except OpinippError as err:
        _note(err, path)
        raise


def _pemda_from(obj: object, path: str) -> Pemda:
    data = _object(obj, path, "a Pemda", ("kind", "code"), ("name",))
    kind = _enum(PemdaKind, data["kind"], f"{path}.kind")
    found = _pemda_by_code(data["code"], f"{path}.code")
    if found.kind is not kind:
        raise InvalidArgumentError(
            f"{path}.kind", data["kind"], f"{found.kind.value!r}: {found.code} is {found}"
        )
    if "name" in data:
        _check_pemda_name(data["name"], f"{path}.name", found)
    return found


def _instansi_from(obj: object, path: str) -> Instansi:
    data = _object(obj, path, "an Instansi", ("kind", "name"), ("abbreviation",))
    kind = _enum(InstansiKind, data["kind"], f"{path}.kind")
    return _built(
        path, Instansi, name=data["name"], kind=kind, abbreviation=data.get("abbreviation")
    )


def _opd_from(obj: object, path: str) -> OPD:
    data = _object(obj, path, "an OPD", ("kind", "opd_kind", "pemda"), ("name",))
    _enum(EntityKind, data["kind"], f"{path}.kind")
    opd_kind = _enum(OPDKind, data["opd_kind"], f"{path}.opd_kind")
    pemda = _pemda_by_code(data["pemda"], f"{path}.pemda")
    return _built(path, OPD, pemda=pemda, kind=opd_kind, name=data.get("name"))


def _puskesmas_from(obj: object, path: str) -> Puskesmas:
    data = _object(obj, path, "a Puskesmas", ("kind", "name", "pemda"))
    pemda = _pemda_by_code(data["pemda"], f"{path}.pemda")
    return _built(path, Puskesmas, name=data["name"], pemda=pemda)


def _rsud_from(obj: object, path: str) -> Rsud:
    data = _object(obj, path, "an Rsud", ("kind", "name", "pemda"))
    pemda = _pemda_by_code(data["pemda"], f"{path}.pemda")
    return _built(path, Rsud, name=data["name"], pemda=pemda)


def _built(path: str, cls: Callable[..., T], **fields: Any) -> T:  # noqa: ANN401
    try:
        return cls(**fields)
    except OpinippError as err:
        _note(err, path)
        raise


_ENTITY_READERS: Final[dict[type, Callable[[object, str], Any]]] = {
    Pemda: _pemda_from,
    Instansi: _instansi_from,
    OPD: _opd_from,
    Puskesmas: _puskesmas_from,
    Rsud: _rsud_from,
}


def _entity_from(obj: object, path: str, allowed: tuple[type, ...] = _ENTITY_CLASSES) -> Entity:
    if not isinstance(obj, dict):
        raise InvalidArgumentError(path, obj, "a JSON object for an entity")
    kind = _enum(EntityKind, obj.get("kind"), f"{path}.kind")
    cls = _CLASS_OF_KIND[kind]
    if cls not in allowed:
        kinds = ", ".join(repr(k.value) for k, c in _CLASS_OF_KIND.items() if c in allowed)
        raise InvalidArgumentError(f"{path}.kind", kind.value, f"one of {kinds}")
    result: Entity = _ENTITY_READERS[cls](obj, path)
    if result.entity_kind is not kind:
        raise InvalidArgumentError(f"{path}.kind", kind.value, repr(result.entity_kind.value))
    return result


def _score_from(obj: object, path: str) -> Score:
    try:
        return Score(obj)  # type: ignore[arg-type]  # Score rejects every other type itself
    except OpinippError as err:
        _note(err, path)
        raise


def _published_from(obj: object, path: str) -> PublishedResult:
    names = tuple(f.name for f in PublishedResult.__attrs_attrs__)
    data = _object(obj, path, "a PublishedResult", (), names)
    return _built(path, PublishedResult, **data)


def _assessment_from(obj: object, path: str) -> Assessment:
    data = _object(
        obj,
        path,
        "an Assessment",
        ("entity", "year", "score"),
        ("dimensions", "tanpa_maladministrasi", "published", "source"),
    )
    entity = _entity_from(data["entity"], f"{path}.entity")
    dimensions = data.get("dimensions")
    if dimensions is not None and not isinstance(dimensions, dict):
        raise InvalidArgumentError(
            f"{path}.dimensions", dimensions, "a JSON object of dimension scores, or null"
        )
    score = None if data["score"] is None else _score_from(data["score"], f"{path}.score")
    published = data.get("published")
    if published is not None:
        published = _published_from(published, f"{path}.published")
    assessment = _built(
        path,
        Assessment,
        entity=entity,
        year=data["year"],
        score=score,
        dimensions=dimensions,
        tanpa_maladministrasi=data.get("tanpa_maladministrasi"),
        published=published,
        source=data.get("source"),
    )
    try:
        check_classifiable(assessment.year, assessment.score, assessment.tanpa_maladministrasi)
    except OpinippError as err:
        _note(err, path)
        raise
    return assessment


_GRADE_LABELS: Final = ("zone", "category", "opinion", "quality", "predikat")


def _grade_from(obj: object, path: str) -> Grade:
    data = _object(
        obj, path, "a Grade", ("year", "lower"), (*_GRADE_LABELS, "tanpa_maladministrasi")
    )
    lower = _score_from(data["lower"], f"{path}.lower")
    try:
        grade = classify(
            lower, data["year"], tanpa_maladministrasi=data.get("tanpa_maladministrasi")
        )
    except OpinippError as err:
        _note(err, path)
        raise
    if grade.band.lower != lower:
        bounds = ", ".join(str(b.lower) for b in grade.rule_set.bands)
        raise InvalidArgumentError(
            f"{path}.lower", data["lower"], f"the lower bound of a band of {grade.year}: {bounds}"
        )
    unstructured = _grade_to(grade)
    for label in _GRADE_LABELS:
        if data.get(label) != unstructured.get(label):
            raise InvalidArgumentError(
                f"{path}.{label}",
                data.get(label),
                f"{unstructured.get(label)!r}, the {label} of the band from {lower} "
                f"in {grade.year}",
            )
    return grade


# ---------------------------------------------------------------------------------------
# JSON: unstructuring (writing).


def _province_to(p: Province) -> dict[str, Any]:
    return {"code": p.code, "name": p.name}


def _pemda_to(p: Pemda) -> dict[str, Any]:
    return {"kind": p.kind.value, "code": p.code, "name": p.name}


def _instansi_to(i: Instansi) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": i.kind.value, "name": i.name}
    if i.abbreviation is not None:
        out["abbreviation"] = i.abbreviation
    return out


def _opd_to(o: OPD) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": EntityKind.OPD.value, "opd_kind": o.kind.value}
    if o.name is not None:
        out["name"] = o.name
    out["pemda"] = o.pemda.code
    return out


def _facility_to(u: Puskesmas | Rsud) -> dict[str, Any]:
    return {"kind": u.entity_kind.value, "name": u.name, "pemda": u.pemda.code}


def _entity_to(e: Entity) -> dict[str, Any]:
    if isinstance(e, Pemda):
        return _pemda_to(e)
    if isinstance(e, Instansi):
        return _instansi_to(e)
    if isinstance(e, OPD):
        return _opd_to(e)
    return _facility_to(e)


def _published_to(p: PublishedResult) -> dict[str, Any]:
    return {
        f.name: getattr(p, f.name)
        for f in PublishedResult.__attrs_attrs__
        if getattr(p, f.name) is not None
    }


def _assessment_to(a: Assessment) -> dict[str, Any]:
    out: dict[str, Any] = {
        "entity": _entity_to(a.entity),
        "year": a.year,
        "score": None if a.score is None else str(a.score),
    }
    if a.dimensions is not None:
        out["dimensions"] = {d.value: str(s) for d, s in a.dimensions.items()}
    if a.tanpa_maladministrasi is not None:
        out["tanpa_maladministrasi"] = a.tanpa_maladministrasi
    if a.published is not None:
        out["published"] = _published_to(a.published)
    if a.source is not None:
        out["source"] = a.source
    return out


def _grade_to(g: Grade) -> dict[str, Any]:
    out: dict[str, Any] = {"year": g.year, "lower": str(g.band.lower)}
    for label in _GRADE_LABELS:
        value = getattr(g, label)
        if value is not None:
            out[label] = value.value if isinstance(value, Enum) else value
    if g.tanpa_maladministrasi is not None:
        out["tanpa_maladministrasi"] = g.tanpa_maladministrasi
    return out


_READERS: Final[dict[type, Callable[[object, str], Any]]] = {
    Assessment: _assessment_from,
    PublishedResult: _published_from,
    Grade: _grade_from,
    Province: _province_from,
    Score: _score_from,
    **_ENTITY_READERS,
}
_WRITERS: Final[dict[type, Callable[[Any], Any]]] = {
    Assessment: _assessment_to,
    PublishedResult: _published_to,
    Grade: _grade_to,
    Province: _province_to,
    Score: str,
    Pemda: _pemda_to,
    Instansi: _instansi_to,
    OPD: _opd_to,
    Puskesmas: _facility_to,
    Rsud: _facility_to,
}
_ENUMS: Final = (Zone, Category, EntityKind, PemdaKind, InstansiKind, OPDKind)
_SUPPORTED: Final = (
    "Assessment, PublishedResult, Grade, Province, Pemda, Instansi, OPD, Puskesmas, Rsud or Score"
)


def make_converter() -> cattrs.Converter:
    """Return a new cattrs converter that knows opinipp's types (a private one, never global).

    It (un)structures :class:`~opinipp.assessments.Assessment`,
    :class:`~opinipp.assessments.PublishedResult`, :class:`~opinipp.zoning.Grade`, the entity
    classes, :class:`~opinipp.scores.Score` and opinipp's enums, in the shapes described in
    the module documentation, and is built with ``forbid_extra_keys=True`` so that any other
    attrs class it structures is just as strict. Structuring raises opinipp errors that name
    the path of the bad value.

    >>> conv = make_converter()
    >>> conv.unstructure(Score("81.84")), conv.structure("90,02", Score)
    ('81.84', Score('90.02'))
    >>> conv.structure({"code": "74"}, Province).name
    'Sulawesi Tenggara'
    >>> import cattrs
    >>> conv is not cattrs.global_converter and conv is not make_converter()
    True
    """
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    for cls, read in _READERS.items():
        converter.register_structure_hook(cls, _hook(read))
    for cls, write in _WRITERS.items():
        converter.register_unstructure_hook(cls, write)
    for enum in _ENUMS:
        converter.register_structure_hook(enum, _enum_hook(enum))
        converter.register_unstructure_hook(enum, _enum_value)
    converter.register_structure_hook_factory(
        lambda cls: _element_type(cls) is not None, _container_hook(converter)
    )
    return converter


def _hook(read: Callable[[object, str], T]) -> Callable[[object, Any], T]:
    def structure(obj: object, _: Any) -> T:  # noqa: ANN401 - cattrs passes the type
        return read(obj, "$")

    return structure


def _enum_hook(cls: type[_E]) -> Callable[[object, Any], _E]:
    def structure(obj: object, _: Any) -> _E:  # noqa: ANN401 - cattrs passes the type
        return _enum(cls, obj, "$")

    return structure


def _container_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, Any], object]]:
    """Build the hook of ``list[X]`` and ``tuple[X, ...]``: a JSON array, item by item."""

    def factory(cls: Any) -> Callable[[object, Any], object]:  # noqa: ANN401 - a type form
        found = _element_type(cls)
        if found is None:  # pragma: no cover - the predicate checked it
            raise InvalidArgumentError("cls", cls, "list[X] or tuple[X, ...]")
        kind, element = found

        def structure(obj: object, _: Any) -> object:  # noqa: ANN401 - cattrs passes the type
            if not isinstance(obj, (list, tuple)):
                raise InvalidArgumentError("$", obj, f"a JSON array of {element.__name__}")
            return kind(_structure_item(converter, item, element, i) for i, item in enumerate(obj))

        return structure

    return factory


def _enum_value(member: Enum) -> Any:  # noqa: ANN401 - enum values are str here
    return member.value


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def _check_json_object(obj: object) -> None:
    if isinstance(obj, (list, tuple)):
        for item in obj:
            if type(item) not in _WRITERS:
                raise InvalidArgumentError(
                    "obj", item, f"list items of a supported type: {_SUPPORTED}"
                )
        return
    if type(obj) not in _WRITERS:
        raise InvalidArgumentError("obj", obj, f"an {_SUPPORTED}, or a list of one of them")


def to_json(obj: object, /, *, indent: int | None = None) -> str:
    """Write an Assessment, entity, Grade, PublishedResult or Score (or a list of them) as JSON.

    Non-ASCII text is written as is; ``indent`` (0 to 16 spaces) pretty-prints.

    >>> from opinipp.zoning import classify
    >>> to_json(classify("81.84", 2023))
    '{"year": 2023, "lower": "78.00", "zone": "hijau", "category": "B",
      "opinion": "Kualitas Tinggi"}'
    >>> to_json([Score("34.19"), Score("69.17"), Score("81.84")])
    '["34.19", "69.17", "81.84"]'
    >>> to_json(81.84)
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid obj 81.84: expected an Assessment, ...
    """
    given: object = indent
    if given is not None and (
        isinstance(given, bool) or not isinstance(given, int) or not 0 <= given <= _MAX_INDENT
    ):
        raise InvalidArgumentError(
            "indent", indent, f"None or a whole number from 0 to {_MAX_INDENT}"
        )
    _check_json_object(obj)
    return json.dumps(_converter().unstructure(obj), ensure_ascii=False, indent=indent)


def _reject_constant(name: str) -> object:
    raise InvalidTextError(name, "JSON", "NaN and infinities are not JSON numbers")


def _excerpt(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def _load_json(given: object) -> object:
    if isinstance(given, (bytes, bytearray)):
        try:
            text = bytes(given).decode("utf-8")
        except UnicodeDecodeError as err:
            raise InvalidTextError(bytes(given[:80]), "UTF-8 JSON", str(err)) from None
    elif isinstance(given, str):
        text = given
    else:
        raise InvalidArgumentError("text", given, "JSON text (a str, or UTF-8 bytes)")
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except OpinippError:
        raise
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}"
        raise InvalidTextError(_excerpt(text), "JSON", f"{err.msg} at {where}") from None
    except (ValueError, RecursionError) as err:  # huge integers, deep nesting
        raise InvalidTextError(_excerpt(text), "JSON", str(err) or type(err).__name__) from None


def _element_type(cls: object) -> tuple[type, type] | None:
    """``(container, element)`` for ``list[X]`` or ``tuple[X, ...]`` of a supported X."""
    origin = getattr(cls, "__origin__", None)
    args = get_args(cls)
    if origin is list and len(args) == 1 and args[0] in _READERS:
        return list, args[0]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] in _READERS:
        return tuple, args[0]
    return None


def from_json(text: str | bytes, cls: type[T], /) -> T:
    """Read JSON written by :func:`to_json` (or by hand) as ``cls``.

    ``cls`` is one of the supported classes, or ``list[X]`` / ``tuple[X, ...]`` of one.
    Numbers are read as exact decimals, so a score written as the JSON number ``81.84`` is
    exactly 81.84.

    Raises:
        InvalidTextError: the text is not JSON (or not UTF-8).
        InvalidArgumentError: a key is unknown or missing, a value has the wrong type, or
            ``cls`` is not supported; the message names the JSON path.
        InvalidScoreError, UnknownRegionError, RulesNotAvailableError, InvalidEntityError,
            NotApplicableError: a value the library rejects (a bad score, an unknown code,
            year 2020, the 2025 qualifier in another year …).

    >>> from opinipp.entities import Pemda
    >>> str(from_json('{"kind": "kota", "code": "74.71"}', Pemda))
    'Kota Kendari'
    >>> from_json('["81.84", 69.17]', list[Score])
    [Score('81.84'), Score('69.17')]
    >>> from_json('{"kind": "kota", "code": "74.71", "mayor": "x"}', Pemda)
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid $.mayor 'x': expected only the keys kind, code,
    name of a Pemda
    """
    container = _element_type(cls)
    target: object = cls
    if container is None and (not isinstance(target, type) or target not in _READERS):
        raise InvalidArgumentError(
            "cls", cls, f"one of {_SUPPORTED}, or list[…] / tuple[…, ...] of one of them"
        )
    result: T = _converter().structure(_load_json(text), cls)
    return result


def _structure_item(converter: cattrs.Converter, item: object, element: type, index: int) -> object:
    try:
        return converter.structure(item, element)
    except OpinippError as err:
        _note(err, f"item {index} of the array")
        raise


def assessments_to_json(assessments: Iterable[Assessment], /, *, indent: int | None = None) -> str:
    """Write assessments as a JSON array (see the module documentation for the shape).

    >>> from opinipp.assessments import Assessment
    >>> kemlu = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
    >>> assessments_to_json([Assessment(kemlu, 2023, "94.85")])
    '[{"entity": {"kind": "kementerian", "name": "Kementerian Luar Negeri"}, "year": 2023,
       "score": "94.85"}]'
    """
    items = assessment_list(assessments)
    return to_json(items, indent=indent)


def assessments_from_json(text: str | bytes, /) -> tuple[Assessment, ...]:
    """Read a JSON array of assessments; each entity may appear once per year.

    Raises what :func:`from_json` raises, and
    :class:`~opinipp.errors.DuplicateEntityError` for a second result of one entity in one
    year.

    >>> text = (
    ...     '[{"entity": {"kind": "kabupaten", "code": "74.13"}, "year": 2022, "score": "69.17"}]'
    ... )
    >>> [(str(a.entity), a.year, str(a.score)) for a in assessments_from_json(text)]
    [('Kabupaten Muna Barat', 2022, '69.17')]
    """
    from opinipp.errors import DuplicateEntityError

    result = from_json(text, tuple[Assessment, ...])
    seen: set[tuple[object, int]] = set()
    for a in result:
        key = (a.entity, a.year)
        if key in seen:
            raise DuplicateEntityError(a.entity, f"the assessments of {a.year}")
        seen.add(key)
    return result


def __dir__() -> list[str]:
    return list(__all__)
