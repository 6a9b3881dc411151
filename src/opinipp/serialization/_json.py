"""JSON through a private cattrs converter (see :mod:`opinipp.serialization`).

The converter registers hooks for the leaves only: :class:`~opinipp.scores.Score`, the enums,
strict ``str``/``int``/``bool``, a Province or Pemda by its code (the name checked against
it), and the entity union, tagged by ``"kind"``. cattrs generates the hooks of the attrs
classes (``forbid_extra_keys``, detailed validation), and a Grade is read through a small
attrs class of its JSON shape. The error groups cattrs raises become opinipp errors that
name the JSON path (``$.entity.code``, ``$[3].score``).
"""

from __future__ import annotations

import functools
import json
import operator
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args

import attrs

from opinipp import regions
from opinipp._checks import as_list, exact_int
from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import (
    ENTITY_TYPES,
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
    DuplicateEntityError,
    InvalidArgumentError,
    InvalidDataError,
    InvalidScoreError,
    InvalidTextError,
    NotApplicableError,
    OpinippError,
    RulesNotAvailableError,
    UnknownRegionError,
)
from opinipp.rules import Category, Dimension, Zone, rules_for
from opinipp.scores import Score
from opinipp.serialization._records import (
    PEMDA_CODE,
    PEMDA_CODE_EXPECTED,
    assessment_list,
    check_known_region,
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
    "to_data",
    "to_json",
]

T = TypeVar("T")
_E = TypeVar("_E", bound=Enum)

_MAX_INDENT: Final = 16
_ENUMS: Final = (Zone, Category, Dimension, EntityKind, PemdaKind, InstansiKind, OPDKind)
_ENTITY_UNION: Final = functools.reduce(operator.or_, ENTITY_TYPES)
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
_TAGGED: Final[dict[type, EntityKind]] = {
    OPD: EntityKind.OPD,
    Puskesmas: EntityKind.PUSKESMAS,
    Rsud: EntityKind.RSUD,
}
"""Units: their ``"kind"`` is a tag beside their fields (Pemda and Instansi have a kind field)."""
_RENAMED: Final[dict[tuple[type, str], str]] = {(OPD, "kind"): "opd_kind"}
_PROVINCE_CODE_EXPECTED: Final = "a 2-digit Kemendagri code such as '74'"


class _ExpectedError(Exception):
    """Internal: a JSON value of the wrong shape (becomes an InvalidArgumentError with its path)."""

    def __init__(self, value: object, expected: str, key: str | None = None) -> None:
        super().__init__(expected)
        self.value = value
        self.expected = expected
        self.key = key


# ---------------------------------------------------------------------------------------
# The JSON shapes that are not an opinipp class field by field.


@attrs.frozen
class _ProvinceRef:
    code: str
    name: str | None = None


@attrs.frozen
class _PemdaRef:
    kind: PemdaKind
    code: str
    name: str | None = None


@attrs.frozen
class _GradeShape:
    """A Grade as JSON: its year and band, and the labels for the reader (all derived)."""

    year: int
    lower: Score
    scheme: str | None = None
    upper: Score | None = None
    zone: Zone | None = None
    category: Category | None = None
    opinion: str | None = None
    opinion_en: str | None = None
    quality: str | None = None
    predikat: str | None = None
    label: str | None = None
    label_en: str | None = None
    tanpa_maladministrasi: bool | None = None

    @classmethod
    def of(cls, g: Grade) -> _GradeShape:
        return cls(
            year=g.year,
            lower=g.band.lower,
            scheme=g.rule_set.scheme,
            upper=g.band.upper,
            zone=g.zone,
            category=g.category,
            opinion=g.opinion,
            opinion_en=g.opinion_en,
            quality=g.quality,
            predikat=g.predikat,
            label=g.label or None,
            label_en=g.label_en or None,
            tanpa_maladministrasi=g.tanpa_maladministrasi,
        )


_WHAT: Final[dict[type, str]] = {
    _ProvinceRef: "a Province",
    _PemdaRef: "a Pemda",
    _GradeShape: "a Grade",
    Instansi: "an Instansi",
    OPD: "an OPD",
    Puskesmas: "a Puskesmas",
    Rsud: "an Rsud",
    PublishedResult: "a PublishedResult",
    Assessment: "an Assessment",
}
_SUPPORTED: Final = (
    "Assessment, PublishedResult, Grade, Province, Pemda, Instansi, OPD, Puskesmas, Rsud or Score"
)
_TOP_LEVEL: Final = (Assessment, PublishedResult, Grade, Province, *ENTITY_TYPES, Score)


def _json_keys(cls: type) -> tuple[str, ...]:
    keys = tuple(_RENAMED.get((cls, f.name), f.name) for f in attrs.fields(cls))
    return ("kind", *keys) if cls in _TAGGED else keys


# ---------------------------------------------------------------------------------------
# Leaf hooks.


def _as_is(obj: object, _: object) -> object:
    """A year is checked by the rules of the constructor it goes to (RulesNotAvailableError)."""
    return obj


def _strict(kind: type, expected: str) -> Callable[[object, object], object]:
    def structure(obj: object, _: object) -> object:
        if type(obj) is not kind:  # bool is an int, and a str is not a number here
            raise _ExpectedError(obj, expected)
        return obj

    return structure


def _enum_hook(cls: type[_E]) -> Callable[[object, object], _E]:
    by_value = {member.value: member for member in cls}
    choices = ", ".join(repr(m.value) for m in cls)

    def structure(obj: object, _: object) -> _E:
        if isinstance(obj, cls):
            return obj
        if isinstance(obj, str) and obj in by_value:
            return by_value[obj]
        raise _ExpectedError(obj, f"one of {choices}")

    return structure


def _score_hook(obj: object, _: object) -> Score:
    return Score(obj)  # type: ignore[arg-type]  # Score rejects every other type itself


def _pemda_by_code(code: object) -> Pemda:
    if not isinstance(code, str) or PEMDA_CODE.fullmatch(code) is None:
        raise _ExpectedError(code, PEMDA_CODE_EXPECTED)
    return regions.pemda(code)


def _check_name(name: str | None, found: Pemda) -> None:
    if name is None:
        return
    try:
        named = regions.pemda(name, kind=found.kind, province=found.province)
    except (UnknownRegionError, AmbiguousNameError):
        named = None
    if named != found:
        raise _ExpectedError(name, f"a name of {found.full_name} ({found.code})", "name")


def _province_hook(converter: cattrs.Converter) -> Callable[[object, object], Province]:
    read = converter.get_structure_hook(_ProvinceRef)

    def structure(obj: object, _: object) -> Province:
        ref: _ProvinceRef = read(obj, _ProvinceRef)
        if len(ref.code) != 2 or not ref.code.isdigit():
            raise _ExpectedError(ref.code, _PROVINCE_CODE_EXPECTED, "code")
        try:
            found = regions.provincial_government(regions.province(ref.code))
        except OpinippError as err:
            raise _Located(err, "code") from None
        _check_name(ref.name, found)
        return found.province

    return structure


def _pemda_hook(converter: cattrs.Converter) -> Callable[[object, object], Pemda]:
    read = converter.get_structure_hook(_PemdaRef)

    def structure(obj: object, _: object) -> Pemda:
        ref: _PemdaRef = read(obj, _PemdaRef)
        try:
            found = _pemda_by_code(ref.code)
        except (_ExpectedError, OpinippError) as err:
            raise _Located(err, "code") from None
        if found.kind is not ref.kind:
            expected = f"{found.kind.value!r}: {found.code} is {found}"
            raise _ExpectedError(ref.kind.value, expected, "kind")
        _check_name(ref.name, found)
        return found

    return structure


def _pemda_code_hook(obj: object, _: object) -> Pemda:
    return _pemda_by_code(obj)


class _Located(Exception):  # noqa: N818 - a carrier, never seen outside this module
    """Internal: an error of the value under ``key`` of the object a leaf hook reads."""

    def __init__(self, error: Exception, key: str) -> None:
        super().__init__(key)
        self.error = error
        self.key = key


def _grade_hook(converter: cattrs.Converter) -> Callable[[object, object], Grade]:
    read = converter.get_structure_hook(_GradeShape)
    labels = [f.name for f in attrs.fields(_GradeShape)][2:]

    def structure(obj: object, _: object) -> Grade:
        given: _GradeShape = read(obj, _GradeShape)
        grade = classify(given.lower, given.year, tanpa_maladministrasi=given.tanpa_maladministrasi)
        if grade.band.lower != given.lower:
            bounds = ", ".join(str(b.lower) for b in grade.rule_set.bands)
            expected = f"the lower bound of a band of {grade.year}: {bounds}"
            raise _ExpectedError(str(given.lower), expected, "lower")
        computed = _GradeShape.of(grade)
        for label in labels:
            value = getattr(given, label)
            if value is not None and value != getattr(computed, label):
                shown = getattr(computed, label)
                shown = shown.value if isinstance(shown, Enum) else shown
                expected = f"{shown!r}, the {label} of the band from {given.lower} in {grade.year}"
                raise _ExpectedError(_plain(value), expected, label)
        return grade

    return structure


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    return str(value) if isinstance(value, Score) else value


def _entity_hook(converter: cattrs.Converter) -> Callable[[object, object], Entity]:
    kinds = _enum_hook(EntityKind)

    def structure(obj: object, _: object) -> Entity:
        if not isinstance(obj, dict):
            raise _ExpectedError(obj, "a JSON object for an entity")
        try:
            kind = kinds(obj.get("kind"), EntityKind)
        except _ExpectedError as err:
            raise _ExpectedError(err.value, err.expected, "kind") from None
        cls = _CLASS_OF_KIND[kind]
        entity: Entity = converter.get_structure_hook(cls)(obj, cls)
        return entity

    return structure


def _object_hook(
    converter: cattrs.Converter, cls: type, overrides: dict[str, Any]
) -> Callable[[object, object], Any]:
    """The generated hook of an attrs class, for a JSON object (a unit's ``kind`` checked)."""
    from cattrs.gen import make_dict_structure_fn

    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter, **overrides)
    tag = _TAGGED.get(cls)
    what = _WHAT[cls]

    def structure(obj: object, _: object) -> Any:  # noqa: ANN401 - the class cattrs built
        if not isinstance(obj, dict):
            raise _ExpectedError(obj, f"a JSON object for {what}")
        if tag is not None:
            if obj.get("kind") != tag.value:
                raise _ExpectedError(obj.get("kind"), repr(tag.value), "kind")
            obj = {k: v for k, v in obj.items() if k != "kind"}
        if cls is Assessment:
            return _assessment(generated, obj)
        return generated(obj, cls)

    return structure


def _assessment(generated: Callable[[Any, Any], Any], obj: dict[str, Any]) -> Assessment:
    """Build an Assessment, placing each error of its constructor under the key it is about."""
    from cattrs.errors import AttributeValidationNote, ClassValidationError

    try:
        result: Assessment = generated(obj, Assessment)
    except ClassValidationError as exc:
        keyed, plain = exc.group_exceptions()
        if not keyed and len(plain) == 1:  # the constructor's own checks
            key = _CONSTRUCTOR_KEYS.get(type(plain[0]))
            if key is not None:
                raise _Located(plain[0], key) from None
        failed = {note.name for _, note in keyed}
        year = obj.get("year")
        if "year" in failed or type(year) is not int:
            raise
        try:
            rules_for(year)
        except RulesNotAvailableError as err:  # the year is wrong too: report it with the rest
            note = AttributeValidationNote("Structuring Assessment @ attribute year", "year", int)
            _set_notes(err, [note])
            raise ClassValidationError(exc.message, [*exc.exceptions, err], exc.cl) from None
        raise
    return result


_CONSTRUCTOR_KEYS: Final[dict[type, str]] = {
    RulesNotAvailableError: "year",
    InvalidScoreError: "score",  # above the year's scale
    NotApplicableError: "tanpa_maladministrasi",  # the qualifier outside its years
}


def _array_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, object], object]]:
    """The hook of ``list[X]`` and ``tuple[X, ...]``: a JSON array, item by item."""
    from cattrs.errors import IterableValidationError, IterableValidationNote

    def factory(cls: Any) -> Callable[[object, object], object]:  # noqa: ANN401 - a type form
        container, element = _element_type(cls) or (list, object)
        read = converter.get_structure_hook(element)

        def structure(obj: object, _: object) -> object:
            if not isinstance(obj, (list, tuple)):
                raise _ExpectedError(obj, f"a JSON array of {element.__name__}")
            items, errors = [], []
            for i, item in enumerate(obj):
                try:
                    items.append(read(item, element))
                except Exception as err:  # noqa: BLE001, PERF203 - collected, raised as a group
                    note = IterableValidationNote(f"Structuring item @ index {i}", i, element)
                    _set_notes(err, [*getattr(err, "__notes__", []), note])
                    errors.append(err)
            if errors:
                raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
            return container(items)

        return structure

    return factory


def _element_type(cls: object) -> tuple[type, type] | None:
    """``(container, element)`` for ``list[X]`` or ``tuple[X, ...]`` of a supported X."""
    try:  # a hostile object's attribute lookup may raise anything: then it is no type form
        origin = getattr(cls, "__origin__", None)
        args = get_args(cls)
    except Exception:  # noqa: BLE001
        return None
    if origin is list and len(args) == 1 and args[0] in _TOP_LEVEL:
        return list, args[0]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] in _TOP_LEVEL:
        return tuple, args[0]
    return None


def _dimensions_hook(obj: object, _: object) -> object:
    """Dimension names and scores are read by the Assessment (its ``dimensions`` converter)."""
    if obj is not None and not isinstance(obj, dict):
        raise _ExpectedError(obj, "a JSON object of dimension scores, or null")
    return obj


# ---------------------------------------------------------------------------------------
# cattrs' error groups as opinipp errors with JSON paths.


def _errors(  # noqa: C901, PLR0911 - one branch per kind of cattrs error
    exc: BaseException, path: str, value: object
) -> list[tuple[str, object, Exception]]:
    """Walk a cattrs error group: ``(path, value there, leaf error)`` for every problem."""
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    found: list[tuple[str, object, Exception]] = []
    if isinstance(exc, ClassValidationError):
        keyed, plain = exc.group_exceptions()
        for err, note in keyed:
            key = _RENAMED.get((exc.cl, note.name), note.name)
            where = f"{path}.{key}"
            if isinstance(err, KeyError):  # a required key is missing
                expected = f"the key {key!r} of {_WHAT.get(exc.cl, exc.cl.__name__)}"
                found.append((where, None, InvalidArgumentError(where, None, expected)))
                continue
            inner = value.get(key) if isinstance(value, dict) else None
            found.extend(_errors(err, where, inner))
        for err in plain:
            found.extend(_errors(err, path, value))
        return found
    if isinstance(exc, IterableValidationError):
        indexed, plain = exc.group_exceptions()
        for err, inote in indexed:
            index = inote.index
            inner = value[index] if isinstance(value, list) and isinstance(index, int) else None
            found.extend(_errors(err, f"{path}[{index!r}]", inner))
        for err in plain:
            found.extend(_errors(err, path, value))
        return found
    if isinstance(exc, _Located):
        inner = value.get(exc.key) if isinstance(value, dict) else None
        return _errors(exc.error, f"{path}.{exc.key}", inner)
    if isinstance(exc, ForbiddenExtraKeysError) and exc.cl in _WHAT:
        allowed = ", ".join(_json_keys(exc.cl))
        for key in sorted(exc.extra_fields):
            item = value.get(key) if isinstance(value, dict) else None
            expected = f"only the keys {allowed} of {_WHAT[exc.cl]}"
            found.append(
                (f"{path}.{key}", item, InvalidArgumentError(f"{path}.{key}", item, expected))
            )
        return found
    if isinstance(exc, _ExpectedError):
        where = path if exc.key is None else f"{path}.{exc.key}"
        return [(where, exc.value, InvalidArgumentError(where, exc.value, exc.expected))]
    if isinstance(exc, OpinippError):
        return [(path, value, exc)]
    expected = "a JSON value opinipp can read here"
    return [(path, value, InvalidArgumentError(path, value, f"{expected} ({exc})"))]


def _locate(err: Exception, where: str) -> None:
    """Give ``err`` the JSON path of its value: a ``path`` attribute, and in its message."""
    setattr(err, "path", where)  # noqa: B010 - an attribute of any opinipp error
    if isinstance(err, InvalidArgumentError) and err.argument == where:
        return  # the message starts with the path
    _set_notes(err, [f"at {where}"])
    if err.args and isinstance(err.args[0], str):
        err.args = (f"{err.args[0]} (at {where})", *err.args[1:])


def _set_notes(err: Exception, notes: list[object]) -> None:
    setattr(err, "__notes__", notes)  # noqa: B010 - Python 3.10's typing has no __notes__


def _opinipp_error(exc: Exception, obj: object) -> Exception:
    """The opinipp error for what structuring ``obj`` raised: the one error, or a group."""
    found = _errors(exc, "$", obj)
    for where, _, err in found:
        _locate(err, where)
    if len(found) == 1:
        return found[0][2]
    return InvalidDataError(
        f"{len(found)} problems in the JSON: {', '.join(w for w, _, _ in found)}",
        [err for _, _, err in found],
    )


# ---------------------------------------------------------------------------------------
# Unstructuring leaves.


def _province_to(p: Province) -> dict[str, Any]:
    check_known_region(p, "obj")
    return {"code": p.code, "name": p.name}


def _pemda_to(p: Pemda) -> dict[str, Any]:
    check_known_region(p, "obj")
    return {"kind": p.kind.value, "code": p.code, "name": p.name}


def _pemda_code_to(p: Pemda) -> str:
    check_known_region(p, "obj")
    return p.code


def _kind_first(
    generated: Callable[[Any], dict[str, Any]],
) -> Callable[[Entity], dict[str, Any]]:
    def unstructure(entity: Entity) -> dict[str, Any]:
        return {"kind": entity.entity_kind.value, **generated(entity)}

    return unstructure


def _enum_value(member: Enum) -> Any:  # noqa: ANN401 - enum values are str here
    return member.value


def make_converter() -> cattrs.Converter:
    """Return a new cattrs converter that knows opinipp's types (a private one, never global).

    It (un)structures :class:`~opinipp.assessments.Assessment`,
    :class:`~opinipp.assessments.PublishedResult`, :class:`~opinipp.zoning.Grade`, the entity
    classes, :class:`~opinipp.scores.Score` and opinipp's enums, in the shapes described in
    :mod:`opinipp.serialization`. It is a ``cattrs.Converter(forbid_extra_keys=True,
    detailed_validation=True)``: cattrs generates the hooks of the attrs classes, and any
    other attrs class it structures is just as strict (``str``, ``int`` and ``bool`` are
    not converted from one another). :meth:`structure` raises opinipp errors that name the
    JSON path of the bad value (an :class:`~opinipp.errors.InvalidDataError` when there are
    several). :meth:`unstructure` raises :class:`~opinipp.errors.InvalidArgumentError` for
    an object it cannot write (such as a :class:`~opinipp.trends.Series`).

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
    from cattrs.gen import override

    class _Converter(cattrs.Converter):
        def structure(self, obj: Any, cl: Any) -> Any:  # noqa: ANN401 - as cattrs types it
            try:
                return super().structure(obj, cl)
            except Exception as exc:  # noqa: BLE001 - every error becomes an opinipp error
                raise _opinipp_error(exc, obj) from None

        def unstructure(self, obj: Any, unstructure_as: Any = None) -> Any:  # noqa: ANN401
            try:
                return super().unstructure(obj, unstructure_as)
            except OpinippError:
                raise
            except Exception:  # noqa: BLE001 - a class whose hooks cannot be generated
                expected = f"an {_SUPPORTED}, or an attrs class of such fields"
                raise InvalidArgumentError("obj", obj, expected) from None

    converter = _Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict(str, "a JSON string"))
    converter.register_structure_hook(int, _strict(int, "a whole JSON number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(Score, _score_hook)
    converter.register_unstructure_hook(Score, str)
    for enum in _ENUMS:
        converter.register_structure_hook(enum, _enum_hook(enum))
        converter.register_unstructure_hook(enum, _enum_value)
    as_code = override(struct_hook=_pemda_code_hook, unstruct_hook=_pemda_code_to)
    year = override(struct_hook=_as_is)
    shapes: tuple[tuple[type, dict[str, Any]], ...] = (
        (_ProvinceRef, {"code": override(struct_hook=_strict(str, _PROVINCE_CODE_EXPECTED))}),
        (_PemdaRef, {"code": override(struct_hook=_strict(str, PEMDA_CODE_EXPECTED))}),
        (_GradeShape, {"year": year}),
    )
    classes: tuple[tuple[type, dict[str, Any]], ...] = (
        (PublishedResult, {}),
        (Instansi, {}),
        (OPD, {"kind": override(rename="opd_kind"), "pemda": as_code}),
        (Puskesmas, {"pemda": as_code}),
        (Rsud, {"pemda": as_code}),
        (
            Assessment,
            {
                "year": year,
                "score": override(omit_if_default=False),
                "dimensions": override(struct_hook=_dimensions_hook),
            },
        ),
    )
    for cls, overrides in shapes:
        _register(converter, cls, overrides)
    # The leaves the classes below are generated with.
    converter.register_structure_hook(Province, _province_hook(converter))
    converter.register_structure_hook(Pemda, _pemda_hook(converter))
    converter.register_structure_hook(Grade, _grade_hook(converter))
    converter.register_structure_hook_func(lambda t: t == _ENTITY_UNION, _entity_hook(converter))
    converter.register_unstructure_hook(Province, _province_to)
    converter.register_unstructure_hook(Pemda, _pemda_to)
    converter.register_unstructure_hook(Grade, lambda g: converter.unstructure(_GradeShape.of(g)))
    for cls, overrides in classes:
        _register(converter, cls, overrides)
    converter.register_structure_hook_factory(
        lambda t: _element_type(t) is not None, _array_hook(converter)
    )
    return converter


def _register(converter: cattrs.Converter, cls: type, overrides: dict[str, Any]) -> None:
    """Register the cattrs-generated hooks of an attrs class (None fields are left out)."""
    from cattrs.gen import make_dict_unstructure_fn

    converter.register_structure_hook(cls, _object_hook(converter, cls, overrides))
    generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **overrides
    )
    converter.register_unstructure_hook(
        cls, _kind_first(generated) if cls in (Instansi, *_TAGGED) else generated
    )


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def _json_items(obj: object) -> list[Any] | None:
    """The items of a list or tuple to write (``None`` for one object), each of a written type."""
    if isinstance(obj, (list, tuple)):
        items = as_list(obj, "obj", f"a list of {_SUPPORTED}")
        for item in items:
            if type(item) not in _TOP_LEVEL:
                raise InvalidArgumentError(
                    "obj", item, f"list items of a supported type: {_SUPPORTED}"
                )
        return items
    if type(obj) not in _TOP_LEVEL:
        raise InvalidArgumentError("obj", obj, f"an {_SUPPORTED}, or a list of one of them")
    return None


def to_json(obj: object, /, *, indent: int | None = None) -> str:
    """Write an Assessment, entity, Grade, PublishedResult or Score (or a list of them) as JSON.

    Non-ASCII text is written as is; ``indent`` (0 to 16 spaces) pretty-prints. A Province
    or Pemda (an assessment's, a unit's) must be the one :mod:`opinipp.regions` gives for
    its code, as :func:`from_json` resolves it: a hand-built or renamed one raises
    :class:`~opinipp.errors.InvalidArgumentError`, so that what is written reads back equal.

    >>> from opinipp.zoning import classify
    >>> to_json(classify("81.84", 2023))
    '{"year": 2023, "lower": "78.00", "scheme": "opini-pengawasan-2022", "upper": "87.99",
      "zone": "hijau", "category": "B", "opinion": "Kualitas Tinggi", "opinion_en": "High quality",
      "label": "Kualitas Tinggi", "label_en": "High quality"}'
    >>> to_json([Score("34.19"), Score("69.17"), Score("81.84")])
    '["34.19", "69.17", "81.84"]'
    >>> to_json(81.84)
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid obj 81.84: expected an Assessment, ...
    """
    spaces = None if indent is None else exact_int(indent)
    if indent is not None and (spaces is None or not 0 <= spaces <= _MAX_INDENT):
        raise InvalidArgumentError(
            "indent", indent, f"None or a whole number from 0 to {_MAX_INDENT}"
        )
    return json.dumps(to_data(obj), ensure_ascii=False, indent=spaces)


def to_data(obj: object) -> Any:  # noqa: ANN401 - JSON data: dicts, lists, str, int, bool, None
    """What :func:`to_json` writes, as Python data (the CLI's ``--json`` embeds it).

    >>> to_data(Score("81.84")), to_data(regions.pemda("74.71"))
    ('81.84', {'kind': 'kota', 'code': '74.71', 'name': 'Kendari'})
    """
    items = _json_items(obj)
    converter = _converter()
    if items is not None:
        return [converter.unstructure(item) for item in items]
    return converter.unstructure(obj)


def _reject_constant(name: str) -> object:
    raise InvalidTextError(name, "JSON", "NaN and infinities are not JSON numbers")


def _excerpt(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


class _Repeated(dict):  # type: ignore[type-arg]
    """A JSON object in which a key appears more than once (the keys in ``repeated``)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.repeated: list[str] = []
        for key, _ in pairs:
            if key in seen:
                self.repeated.append(key)
            seen.add(key)
        self.pairs = pairs


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    return found if len(found) == len(pairs) else _Repeated(pairs)


def _repeated_keys(value: object, path: str = "$") -> list[Exception]:
    """An InvalidArgumentError for each key that a JSON object repeats, with its path."""
    found: list[Exception] = []
    if isinstance(value, _Repeated):
        for key in dict.fromkeys(value.repeated):
            where = f"{path}.{key}"
            values = [v for k, v in value.pairs if k == key]
            expected = f"each key once in a JSON object (this one has {key!r} twice or more)"
            err = InvalidArgumentError(where, values, expected)
            setattr(err, "path", where)  # noqa: B010 - as _locate does
            found.append(err)
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_repeated_keys(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(_repeated_keys(item, f"{path}[{i}]"))
    return found


def _load_json(given: object) -> object:
    if isinstance(given, (bytes, bytearray)):
        try:
            text = bytes(given).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InvalidTextError(bytes(given[:80]), "UTF-8 JSON", str(err)) from None
    elif isinstance(given, str):
        text = given.removeprefix("\ufeff")
    else:
        raise InvalidArgumentError("text", given, "JSON text (a str, or UTF-8 bytes)")
    repeated = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        found = _object(pairs)
        repeated = repeated or isinstance(found, _Repeated)
        return found

    try:
        data = json.loads(
            text, parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=pairs_hook
        )
    except OpinippError:
        raise
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}"
        raise InvalidTextError(_excerpt(text), "JSON", f"{err.msg} at {where}") from None
    except (ValueError, RecursionError) as err:  # huge integers, deep nesting
        raise InvalidTextError(_excerpt(text), "JSON", str(err) or type(err).__name__) from None
    if repeated:
        problems = _repeated_keys(data)
        if len(problems) == 1:
            raise problems[0]
        paths = ", ".join(getattr(e, "path", "$") for e in problems)
        raise InvalidDataError(f"{len(problems)} problems in the JSON: {paths}", problems)
    return data


def from_json(text: str | bytes, cls: type[T], /) -> T:
    """Read JSON written by :func:`to_json` (or by hand) as ``cls``.

    ``cls`` is one of the supported classes, or ``list[X]`` / ``tuple[X, ...]`` of one.
    Numbers are read as exact decimals, so a score written as the JSON number ``81.84`` is
    exactly 81.84. A leading byte-order mark is allowed; a key that appears twice in one
    object is an error. Every problem is reported, each with the JSON path of its value in
    a ``path`` attribute (``"$[3].score"``) and in its message (an
    :class:`~opinipp.errors.InvalidArgumentError` starts with it, any other error ends with
    ``(at $[3].score)``); several problems are raised together as an
    :class:`~opinipp.errors.InvalidDataError`.

    Raises:
        InvalidTextError: the text is not JSON (or not UTF-8).
        InvalidArgumentError: a key is unknown, missing or repeated, a value has the wrong
            type, or ``cls`` is not supported; the message names the JSON path.
        InvalidScoreError, UnknownRegionError, RulesNotAvailableError, InvalidEntityError,
            NotApplicableError: a value the library rejects (a bad score, an unknown code,
            year 2020, the 2025 qualifier in another year …).
        InvalidDataError: several of these at once.

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
    >>> from_json('{"kind": "kota", "code": "99.99"}', Pemda)
    Traceback (most recent call last):
    ...
    opinipp.errors.UnknownRegionError: unknown pemda '99.99': ...
    """
    target: object = cls
    if _element_type(cls) is None and (not isinstance(target, type) or target not in _TOP_LEVEL):
        raise InvalidArgumentError(
            "cls", cls, f"one of {_SUPPORTED}, or list[…] / tuple[…, ...] of one of them"
        )
    result: T = _converter().structure(_load_json(text), cls)
    return result


def assessments_to_json(assessments: Iterable[Assessment], /, *, indent: int | None = None) -> str:
    """Write assessments as a JSON array (see :mod:`opinipp.serialization` for the shape).

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
    year, naming both items (``$[0] and $[2]``; several duplicates together as an
    :class:`~opinipp.errors.InvalidDataError`).

    >>> text = (
    ...     '[{"entity": {"kind": "kabupaten", "code": "74.13"}, "year": 2022, "score": "69.17"}]'
    ... )
    >>> [(str(a.entity), a.year, str(a.score)) for a in assessments_from_json(text)]
    [('Kabupaten Muna Barat', 2022, '69.17')]
    """
    result = from_json(text, tuple[Assessment, ...])
    first: dict[tuple[object, int], int] = {}
    problems: list[Exception] = []
    for i, a in enumerate(result):
        earlier = first.setdefault((a.entity, a.year), i)
        if earlier != i:
            err = DuplicateEntityError(
                a.entity, f"the assessments of {a.year} ($[{earlier}] and $[{i}])"
            )
            setattr(err, "path", f"$[{i}]")  # noqa: B010 - as the other JSON errors
            problems.append(err)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        paths = ", ".join(getattr(e, "path", "$") for e in problems)
        raise InvalidDataError(f"{len(problems)} problems in the JSON: {paths}", problems)
    return result


def __dir__() -> list[str]:
    return list(__all__)
