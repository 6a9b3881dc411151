"""Assessments, entities and grades to and from JSON and CSV.

**JSON** goes through a private :mod:`cattrs` converter built by :func:`make_converter`;
nothing is registered on cattrs' global converter. :func:`to_json` and :func:`from_json`
handle :class:`~opinipp.assessments.Assessment`, :class:`~opinipp.assessments.PublishedResult`,
:class:`~opinipp.zoning.Grade`, every entity class, :class:`~opinipp.scores.Score`, and lists
or tuples of one of them. The shapes:

- a score is a string, ``"81.84"``, so no binary float ever touches it. On input a score may
  also be a JSON number: :func:`from_json` reads numbers as exact decimals, so ``81.84`` is
  81.84 and ``81.845`` is an error (more than two decimals);
- a province is ``{"code": "74", "name": "Sulawesi Tenggara"}``;
- a Pemda is ``{"kind": "kabupaten", "code": "74.13", "name": "Muna Barat"}``;
- an OPD, Puskesmas or RSUD names its Pemda by code: ``{"kind": "opd", "opd_kind":
  "dinsos", "name": "Dinas Sosial", "pemda": "74.13"}``;
- a ministry or agency is ``{"kind": "kementerian", "name": "Kementerian Luar Negeri"}``;
- a Grade is its year and the lower bound of its band, with its labels for the reader:
  ``{"year": 2023, "lower": "78.00", "zone": "hijau", "category": "B", "opinion": "Kualitas
  Tinggi"}``; reading rebuilds it with :func:`~opinipp.zoning.classify` and checks the
  labels;
- enums are their values (``"hijau"``, ``"B"``); optional fields that are ``None`` are left
  out (an Assessment always carries ``"score"``, ``null`` when unknown).

Reading is strict: unknown keys, missing keys and values of the wrong type raise
:class:`~opinipp.errors.InvalidArgumentError` naming the JSON path (``$.entity.code``);
codes and names are resolved through :mod:`opinipp.regions` and must agree with each other.

**CSV** (:func:`read_csv`, :func:`write_csv`) uses the columns of the bundled published
results (:data:`PUBLISHED_COLUMNS`, see :mod:`opinipp.datasets`), or a minimal layout
(:data:`MINIMAL_COLUMNS`: ``entity,kind,province,year,score``). The reader tells them apart
by the header, resolves every name through :mod:`opinipp.regions`, and never drops a row
silently: each bad cell becomes a :class:`~opinipp.errors.RowError` with its line number and
column. The writer makes every cell safe to open in a spreadsheet.

>>> from opinipp.serialization import from_json, to_json
>>> from opinipp.assessments import Assessment
>>> from opinipp import regions
>>> mubar = Assessment(regions.pemda("Kab. Muna Barat"), 2023, "81.84")
>>> text = to_json(mubar)
>>> text
'{"entity": {"kind": "kabupaten", "code": "74.13", "name": "Muna Barat"}, "year": 2023,
  "score": "81.84"}'
>>> from_json(text, Assessment) == mubar
True
"""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from enum import Enum
from typing import IO, TYPE_CHECKING, Any, Final, Literal, NamedTuple, NoReturn, TypeVar, get_args

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
    InvalidDataError,
    InvalidScoreError,
    InvalidTextError,
    NotApplicableError,
    OpinippError,
    RowError,
    RulesNotAvailableError,
    UnknownRegionError,
)
from opinipp.rules import Category, Dimension, Zone, rules_for
from opinipp.scores import MIN_SCORE, Score
from opinipp.zoning import Grade, classify

if TYPE_CHECKING:
    import cattrs

    from opinipp.entities import Entity

__all__ = [
    "EXTRA_COLUMNS",
    "MINIMAL_COLUMNS",
    "PUBLISHED_COLUMNS",
    "WRITTEN_COLUMNS",
    "ErrorMode",
    "assessments_from_json",
    "assessments_to_json",
    "from_json",
    "make_converter",
    "read_csv",
    "to_json",
    "write_csv",
]

T = TypeVar("T")
_E = TypeVar("_E", bound=Enum)

PUBLISHED_COLUMNS: Final = (
    "year",
    "entity_name",
    "entity_kind",
    "parent_pemda",
    "province",
    "score",
    "zone_published",
    "category_published",
    "opinion_published",
    "rank_national",
    "rank_national_of",
    "rank_province",
    "rank_province_of",
    "source_url",
    "note",
)
"""The columns of the bundled ``published_results.csv``, in order."""

EXTRA_COLUMNS: Final = (
    "code",
    "opd_kind",
    "tanpa_maladministrasi",
    "dimension_input",
    "dimension_proses",
    "dimension_output",
    "dimension_pengaduan",
)
"""Optional columns either layout may add: the Kemendagri code of the Pemda (of the parent
Pemda for a unit), the OPD kind (``dinsos`` …), the 2025 qualifier (``true``/``false``) and
the four dimension scores (DOMAIN.md §3)."""

WRITTEN_COLUMNS: Final = PUBLISHED_COLUMNS + EXTRA_COLUMNS
"""The columns :func:`write_csv` writes: the published layout plus :data:`EXTRA_COLUMNS`."""

MINIMAL_COLUMNS: Final = ("entity", "kind", "province", "year", "score")
"""The required columns of the minimal layout (``parent_pemda`` and :data:`EXTRA_COLUMNS`
may be added)."""

ErrorMode = Literal["collect", "raise"]
"""How :func:`read_csv` reports bad rows: all at once (``"collect"``) or the first (``"raise"``)."""

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
_PEMDA_CODE: Final = re.compile(r"[0-9]{2}(?:\.[0-9]{2})?")
_CODE_EXPECTED: Final = "a Kemendagri code such as '74' or '74.13'"
_MAX_INDENT: Final = 16

# ---------------------------------------------------------------------------------------
# Unit names: the OPD kind a name stands for (one table, matched on the leading words).

_OPD_NAME_PREFIXES: Final[tuple[tuple[tuple[str, ...], OPDKind], ...]] = (
    (("dinkes",), OPDKind.DINKES),
    (("dinas", "kesehatan"), OPDKind.DINKES),
    (("disdik",), OPDKind.DISDIK),
    (("dindik",), OPDKind.DISDIK),
    (("disdikbud",), OPDKind.DISDIK),
    (("dindikbud",), OPDKind.DISDIK),
    (("dinas", "pendidikan"), OPDKind.DISDIK),
    (("dinsos",), OPDKind.DINSOS),
    (("dinas", "sosial"), OPDKind.DINSOS),
    (("dpmptsp",), OPDKind.DPMPTSP),
    (("dpm", "ptsp"), OPDKind.DPMPTSP),
    (
        ("dinas", "penanaman", "modal", "dan", "pelayanan", "terpadu", "satu", "pintu"),
        OPDKind.DPMPTSP,
    ),
    (("disdukcapil",), OPDKind.DISDUKCAPIL),
    (("dukcapil",), OPDKind.DISDUKCAPIL),
    (("dinas", "kependudukan", "dan", "pencatatan", "sipil"), OPDKind.DISDUKCAPIL),
    (("dinas", "kependudukan", "dan", "catatan", "sipil"), OPDKind.DISDUKCAPIL),
)
_WORD_SEPARATORS: Final = re.compile(r"[\W_]+")


def _opd_kind_of(name: str) -> OPDKind:
    """The OPD kind a unit name stands for: ``"Dinas Pendidikan dan Kebudayaan"`` is Disdik.

    >>> _opd_kind_of("DPM-PTSP Kabupaten Serang"), _opd_kind_of("Bappeda")
    (<OPDKind.DPMPTSP: 'dpmptsp'>, <OPDKind.OTHER: 'other'>)
    """
    words = tuple(w for w in _WORD_SEPARATORS.split(name.casefold()) if w)
    for prefix, kind in _OPD_NAME_PREFIXES:
        if words[: len(prefix)] == prefix:
            return kind
    return OPDKind.OTHER


# ---------------------------------------------------------------------------------------
# Checks shared by the JSON and CSV readers.


def _check_classifiable(year: int, score: Score | None, tanpa: bool | None) -> None:
    """Raise what :func:`classify` raises for a score or qualifier the year cannot have.

    That is a score above the year's scale (75.00 in 2015) or the "Tanpa Maladministrasi"
    qualifier outside 2025.
    """
    classify(MIN_SCORE if score is None else score, year, tanpa_maladministrasi=tanpa)


def _unit_name(entity: OPD | Puskesmas | Rsud) -> str:
    return entity.unit_name if isinstance(entity, OPD) else entity.name


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
    if not isinstance(obj, str) or _PEMDA_CODE.fullmatch(obj) is None:
        raise InvalidArgumentError(path, obj, _CODE_EXPECTED)
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
        _check_classifiable(assessment.year, assessment.score, assessment.tanpa_maladministrasi)
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
    items = _assessment_list(assessments)
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


def _assessment_list(assessments: object) -> list[Assessment]:
    if isinstance(assessments, (str, bytes, Assessment)) or not isinstance(assessments, Iterable):
        raise InvalidArgumentError("assessments", assessments, "an iterable of Assessment objects")
    items = list(assessments)
    for item in items:
        if not isinstance(item, Assessment):
            raise InvalidArgumentError("assessments", item, "Assessment objects only")
    return items


# ---------------------------------------------------------------------------------------
# CSV: formula neutralisation.

# A cell a spreadsheet would run as a formula starts with one of these. The writer prefixes
# such a cell, and any cell of quotes followed by one (so the rule can be undone exactly),
# with a single quote; the reader removes exactly one quote from a cell of that shape.
_FORMULA_START: Final = re.compile(r"'*[=+\-@\t\r]")
_QUOTED_FORMULA: Final = re.compile(r"'+[=+\-@\t\r]")


def _neutralise(cell: str) -> str:
    """Make a cell safe to open in a spreadsheet.

    >>> _neutralise("=HYPERLINK(1)"), _neutralise("'=x"), _neutralise("zona hijau")
    ("'=HYPERLINK(1)", "''=x", 'zona hijau')
    """
    return "'" + cell if _FORMULA_START.match(cell) else cell


def _restore(cell: str) -> str:
    """Undo :func:`_neutralise`.

    >>> _restore("'=HYPERLINK(1)"), _restore("''=x"), _restore("'quoted'")
    ('=HYPERLINK(1)', "'=x", "'quoted'")
    """
    return cell[1:] if cell[:1] == "'" and _QUOTED_FORMULA.match(cell) else cell


# ---------------------------------------------------------------------------------------
# CSV: layouts and records.


_DIMENSION_FIELDS: Final = {f"dimension_{d.value}": f"dimension_{d.value}" for d in Dimension}


class _Layout(NamedTuple):
    name: str
    fields: Mapping[str, str]
    """Column name to record field."""
    required: tuple[str, ...]


_PUBLISHED_LAYOUT: Final = _Layout(
    name="published",
    fields={
        "year": "year",
        "entity_name": "name",
        "entity_kind": "kind",
        "parent_pemda": "parent",
        "province": "province",
        "score": "score",
        "zone_published": "zone",
        "category_published": "category",
        "opinion_published": "opinion",
        "rank_national": "rank_national",
        "rank_national_of": "rank_national_of",
        "rank_province": "rank_province",
        "rank_province_of": "rank_province_of",
        "source_url": "source",
        "note": "note",
        "code": "code",
        "opd_kind": "opd_kind",
        "tanpa_maladministrasi": "tanpa_maladministrasi",
        **_DIMENSION_FIELDS,
    },
    required=("year", "entity_name", "entity_kind", "score"),
)
_MINIMAL_LAYOUT: Final = _Layout(
    name="minimal",
    fields={
        "entity": "name",
        "kind": "kind",
        "province": "province",
        "year": "year",
        "score": "score",
        "parent_pemda": "parent",
        "code": "code",
        "opd_kind": "opd_kind",
        "tanpa_maladministrasi": "tanpa_maladministrasi",
        **_DIMENSION_FIELDS,
    },
    required=MINIMAL_COLUMNS,
)
_RANK_FIELDS: Final = ("rank_national", "rank_national_of", "rank_province", "rank_province_of")
_LABEL_FIELDS: Final = ("zone", "category", "opinion")
_PUBLISHED_FIELDS: Final = frozenset((*_LABEL_FIELDS, *_RANK_FIELDS, "note"))
_DIMENSION_FIELD_SET: Final = frozenset(_DIMENSION_FIELDS.values())
_KIND_BY_VALUE: Final = {member.value: member for member in EntityKind}
_TRUE: Final = frozenset({"true", "ya", "1"})
_FALSE: Final = frozenset({"false", "tidak", "0"})
_YEAR_TEXT: Final = re.compile(r"[0-9]{1,6}")
_RANK_TEXT: Final = re.compile(r"[0-9]{1,9}")

Record = Mapping[str, tuple[str, str]]
"""A row as ``field -> (column name, cell text)``; fields whose column is absent are left out."""


class _BadCellError(Exception):
    """Internal: one cell could not be read (turned into a RowError by the caller)."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.value = value
        self.reason = reason


class _Seen:
    """What one read has already parsed: the same few hundred cells come back on every row.

    Only valid cells are kept (a bad one is checked, and reported, on each of its rows), so
    every row still gets every check; values are immutable, so sharing them is safe.
    """

    def __init__(self) -> None:
        self.scores: dict[str, Score] = {}
        self.years: dict[str, int] = {}
        self.provinces: dict[str, Province] = {}
        self.in_scale: set[tuple[int, Score]] = set()
        self.scaled: dict[tuple[int, str], Score] = {}
        """Score cells already checked against a year's scale, by (year, text)."""
        self.pemda_by_name: dict[tuple[str, PemdaKind | None, Province | None], Pemda] = {}

    def score(self, text: str, year: int) -> Score:
        """A score cell checked against the year's scale; raises what the checks raise."""
        score = self.scores.get(text)
        if score is None:
            score = Score(text)
            self.scores[text] = score
        if (year, score) not in self.in_scale:
            _check_classifiable(year, score, None)
            self.in_scale.add((year, score))
        self.scaled[year, text] = score
        return score

    def province(self, text: str) -> Province:
        """A province cell resolved; raises what :func:`opinipp.regions.province` raises."""
        found = self.provinces.get(text)
        if found is None:
            found = regions.province(text)
            self.provinces[text] = found
        return found

    def pemda(self, name: str, kind: PemdaKind | None, province: Province | None) -> Pemda:
        """A Pemda name resolved; raises what :func:`opinipp.regions.pemda` raises."""
        key = (name, kind, province)
        found = self.pemda_by_name.get(key)
        if found is None:
            found = regions.pemda(name, kind=kind, province=province)
            self.pemda_by_name[key] = found
        return found


class _RowReader:
    """Reads one record into an Assessment, collecting a RowError per bad cell."""

    def __init__(
        self, record: Record, row: int, *, strip_parent_suffix: bool, seen: _Seen | None = None
    ) -> None:
        self.record = record
        self.row = row
        self.strip_parent_suffix = strip_parent_suffix
        self.seen = _Seen() if seen is None else seen
        self.errors: list[RowError] = []

    def column(self, field: str) -> str:
        entry = self.record.get(field)
        return field if entry is None else entry[0]

    def raw(self, field: str) -> str:
        entry = self.record.get(field)
        return "" if entry is None else entry[1]

    def text(self, field: str) -> str | None:
        entry = self.record.get(field)
        if entry is None:
            return None
        raw = entry[1]
        return raw if raw.strip() else None

    def fail(self, field: str | None, value: object, reason: str) -> None:
        column = None if field is None else self.column(field)
        self.errors.append(RowError(self.row, column, value, reason))

    def fail_with(self, field: str | None, value: object, err: Exception) -> None:
        self.fail(field, value, str(err))

    def read(self) -> Assessment | None:
        year = self._year()
        kind = self._kind()
        score = self._score()
        tanpa = self._tanpa()
        if year is not None:
            self._check_year_rules(year, score, tanpa)
        published = self._published()
        dimensions = self._dimensions()
        source = self.text("source")
        entity = None if kind is None else self._entity(kind)
        if self.errors or year is None or kind is None or entity is None:
            return None
        try:
            # Every field was checked above, as Assessment() checks it (the year's rules, the
            # score within its scale, the qualifier only where the year has one).
            return Assessment._trusted(  # noqa: SLF001 - opinipp's own private constructor
                entity,
                year,
                score,
                dimensions=dimensions,
                tanpa_maladministrasi=tanpa,
                published=published,
                source=source,
            )
        except OpinippError as err:  # pragma: no cover - every field was checked above
            self.fail_with(None, None, err)
            return None

    # -- single cells --------------------------------------------------------------------

    def _year(self) -> int | None:
        text = self.text("year")
        if text is not None:
            known = self.seen.years.get(text)
            if known is not None:
                return known
        if text is None:
            self.fail("year", self.raw("year"), "the year is required")
            return None
        stripped = text.strip()
        if _YEAR_TEXT.fullmatch(stripped) is None:
            self.fail("year", text, "expected a year written in digits, such as 2023")
            return None
        year = int(stripped)
        try:
            rules_for(year)
        except RulesNotAvailableError as err:
            self.fail_with("year", text, err)
            return None
        self.seen.years[text] = year
        return year

    def _kind(self) -> EntityKind | None:
        text = self.text("kind")
        if text is None:
            self.fail("kind", self.raw("kind"), "the entity kind is required")
            return None
        member = _KIND_BY_VALUE.get(text.strip().lower())
        if member is not None:
            return member
        choices = ", ".join(m.value for m in EntityKind)
        self.fail("kind", text, f"unknown entity kind; expected one of {choices}")
        return None

    def _score(self) -> Score | None:
        text = self.text("score")
        if text is None:
            return None
        score = self.seen.scores.get(text)
        if score is not None:
            return score
        try:
            score = Score(text)
        except InvalidScoreError as err:
            self.fail_with("score", text, err)
            return None
        self.seen.scores[text] = score
        return score

    def _dimensions(self) -> dict[Dimension, Score] | None:
        if _DIMENSION_FIELD_SET.isdisjoint(self.record):
            return None  # the file has no dimension columns
        found: dict[Dimension, Score] = {}
        for dimension in Dimension:
            field = f"dimension_{dimension.value}"
            text = self.text(field)
            if text is None:
                continue
            try:
                found[dimension] = Score(text)
            except InvalidScoreError as err:
                self.fail_with(field, text, err)
        return found or None

    def _tanpa(self) -> bool | None:
        text = self.text("tanpa_maladministrasi")
        if text is None:
            return None
        folded = text.strip().lower()
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
        self.fail("tanpa_maladministrasi", text, "expected true or false (or blank)")
        return None

    def _check_year_rules(self, year: int, score: Score | None, tanpa: bool | None) -> None:
        if score is not None and (year, score) not in self.seen.in_scale:
            try:
                _check_classifiable(year, score, None)
            except InvalidScoreError as err:
                self.fail_with("score", self.raw("score"), err)
            else:
                self.seen.in_scale.add((year, score))
        if tanpa is not None:
            try:
                _check_classifiable(year, None, tanpa)
            except NotApplicableError as err:
                self.fail_with("tanpa_maladministrasi", self.raw("tanpa_maladministrasi"), err)

    def _rank(self, field: str) -> int | None:
        text = self.text(field)
        if text is None:
            return None
        stripped = text.strip()
        if _RANK_TEXT.fullmatch(stripped) is None or int(stripped) < 1:
            self.fail(field, text, "expected a rank: a whole number from 1 (or blank)")
            return None
        return int(stripped)

    def _published(self) -> PublishedResult | None:
        if _PUBLISHED_FIELDS.isdisjoint(self.record):
            return None  # the file has no published labels, ranks or notes
        labels = {f: self.text(f) for f in _LABEL_FIELDS}
        ranks = {f: self._rank(f) for f in _RANK_FIELDS}
        note = self.text("note")
        if all(v is None for v in (*labels.values(), *ranks.values(), note)):
            return None
        try:
            return PublishedResult(
                zone=labels["zone"],
                category=labels["category"],
                opinion=labels["opinion"],
                rank_national=ranks["rank_national"],
                rank_national_of=ranks["rank_national_of"],
                rank_province=ranks["rank_province"],
                rank_province_of=ranks["rank_province_of"],
                note=note,
            )
        except OpinippError as err:  # pragma: no cover - every field was checked above
            self.fail_with(None, None, err)
            return None

    # -- the entity ------------------------------------------------------------------------

    def _province(self) -> tuple[bool, Province | None]:
        """``(ok, province)``: the province cell, resolved (``None`` when blank)."""
        text = self.text("province")
        if text is None:
            return True, None
        known = self.seen.provinces.get(text)
        if known is not None:
            return True, known
        try:
            found = regions.province(text)
        except (UnknownRegionError, AmbiguousNameError) as err:
            self.fail_with("province", text, err)
            return False, None
        self.seen.provinces[text] = found
        return True, found

    def _code(self) -> tuple[bool, Pemda | None]:
        text = self.text("code")
        if text is None:
            return True, None
        stripped = text.strip()
        if _PEMDA_CODE.fullmatch(stripped) is None:
            self.fail("code", text, f"expected {_CODE_EXPECTED}")
            return False, None
        try:
            return True, regions.pemda(stripped)
        except (UnknownRegionError, AmbiguousNameError) as err:
            self.fail_with("code", text, err)
            return False, None

    def _must_be_blank(self, field: str, why: str) -> bool:
        text = self.text(field)
        if text is not None:
            self.fail(field, text, why)
            return False
        return True

    def _entity(self, kind: EntityKind) -> Entity | None:
        name = self.text("name")
        if name is None:
            self.fail("name", self.raw("name"), "the entity name is required")
        province_ok, province = self._province()
        code_ok, by_code = self._code()
        checks = [province_ok, code_ok]
        if kind is not EntityKind.OPD:
            checks.append(self._must_be_blank("opd_kind", "only OPD rows have an OPD kind"))
        if kind not in _UNIT_KINDS:
            checks.append(
                self._must_be_blank(
                    "parent", "only units (opd, puskesmas, rsud) have a parent Pemda"
                )
            )
        if kind in (EntityKind.KEMENTERIAN, EntityKind.LEMBAGA):
            checks.append(self._must_be_blank("province", f"a {kind.value} has no province"))
            checks.append(self._must_be_blank("code", f"a {kind.value} has no Kemendagri code"))
        if name is None or not all(checks):
            return None
        if kind in _UNIT_KINDS:
            return self._unit(kind, name, province, by_code)
        if kind in (EntityKind.KEMENTERIAN, EntityKind.LEMBAGA):
            return self._instansi(name, InstansiKind(kind.value))
        return self._pemda(name, PemdaKind(kind.value), province, by_code, "name")

    def _instansi(self, name: str, kind: InstansiKind) -> Instansi | None:
        try:
            return Instansi(name=name, kind=kind)
        except OpinippError as err:
            self.fail_with("name", name, err)
            return None

    def _pemda(
        self,
        name: str,
        kind: PemdaKind | None,
        province: Province | None,
        by_code: Pemda | None,
        field: str,
    ) -> Pemda | None:
        """Resolve a Pemda name (checking it against the code and province when given)."""
        if by_code is not None:
            if kind is not None and by_code.kind is not kind:
                reason = f"code {by_code.code} is {by_code}, not a {kind.value}"
                self.fail("code", self.raw("code"), reason)
                return None
            if not self._same_province(by_code, province):
                return None
            province = by_code.province
        key = (name, kind, province)
        found = self.seen.pemda_by_name.get(key)
        if found is None:
            try:
                found = regions.pemda(name, kind=kind, province=province)
            except (UnknownRegionError, AmbiguousNameError) as err:
                self.fail_with(field, name, err)
                return None
            self.seen.pemda_by_name[key] = found
        if by_code is not None and found != by_code:
            reason = f"names {found} ({found.code}), but the code is {by_code.code} ({by_code})"
            self.fail(field, name, reason)
            return None
        return found

    def _same_province(self, pemda: Pemda, province: Province | None) -> bool:
        if province is not None and pemda.province != province:
            self.fail("province", self.raw("province"), f"{pemda} is in {pemda.province}")
            return False
        return True

    def _unit(
        self, kind: EntityKind, name: str, province: Province | None, by_code: Pemda | None
    ) -> Entity | None:
        parent_text = self.text("parent")
        if parent_text is None:
            if by_code is None:
                reason = f"a unit ({kind.value}) needs its parent Pemda, or the Pemda's code"
                self.fail("parent", self.raw("parent"), reason)
                return None
            parent: Pemda | None = by_code if self._same_province(by_code, province) else None
        else:
            parent = self._pemda(parent_text, None, province, by_code, "parent")
            suffix = " " + parent_text
            if self.strip_parent_suffix and name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)].rstrip()
        if parent is None:
            return None
        try:
            if kind is EntityKind.OPD:
                return OPD(pemda=parent, kind=self._opd_kind(name), name=name)
            if kind is EntityKind.PUSKESMAS:
                return Puskesmas(name=name, pemda=parent)
            return Rsud(name=name, pemda=parent)
        except _BadCellError as bad:
            self.fail(bad.field, bad.value, bad.reason)
        except OpinippError as err:
            self.fail_with("name", name, err)
        return None

    def _opd_kind(self, name: str) -> OPDKind:
        text = self.text("opd_kind")
        if text is None:
            return _opd_kind_of(name)
        folded = text.strip().lower()
        for member in OPDKind:
            if member.value == folded:
                return member
        choices = ", ".join(m.value for m in OPDKind)
        raise _BadCellError("opd_kind", text, f"unknown OPD kind; expected one of {choices}")


_OPTIONAL_FIELDS: Final = frozenset(
    ("tanpa_maladministrasi", *_PUBLISHED_FIELDS, *_DIMENSION_FIELD_SET)
)
_PEMDA_KINDS: Final = {EntityKind(k.value): k for k in PemdaKind}
_INSTANSI_KINDS: Final = {EntityKind(k.value): k for k in InstansiKind}


_ABSENT: Final = ("", "")


def _filled(cell: tuple[str, str] | None) -> str | None:
    """The text of a cell, ``None`` when absent or blank (as :meth:`_RowReader.text`)."""
    return None if cell is None or not cell[1].strip() else cell[1]


def _fast_read(record: Record, seen: _Seen, *, strip_parent_suffix: bool) -> Assessment | None:
    """Read the common row from what this read has already checked, or ``None``.

    The common row has a year an earlier row of the same read has checked (see
    :class:`_Seen`), a known kind, a score within the year's scale, a province and Pemda that
    resolve, no code, OPD kind, qualifier, published labels or dimensions, and names an
    entity its class accepts. For such a row :class:`_RowReader` would find no error and
    build this very assessment (the same lookups, the same memo); for any other row, or any
    error, this returns ``None`` and the caller reads the row with :class:`_RowReader`, which
    checks and reports every cell. Entities are still built through their checked
    constructors.
    """
    for field in _OPTIONAL_FIELDS.intersection(record):
        if record[field][1].strip():
            return None
    get = record.get
    return _fast_row(
        get("name", _ABSENT)[1],
        get("year", _ABSENT)[1],
        get("kind", _ABSENT)[1],
        get("score", _ABSENT)[1],
        get("province", _ABSENT)[1],
        get("parent", _ABSENT)[1],
        get("code", _ABSENT)[1] + get("opd_kind", _ABSENT)[1],
        get("source", _ABSENT)[1],
        seen,
        strip_parent_suffix=strip_parent_suffix,
    )


class _Shape(NamedTuple):
    """Where a CSV header puts each field: column indexes, ``-1`` for an absent one."""

    fields: list[str]
    columns: list[str]
    name: int
    year: int
    kind: int
    score: int
    province: int
    parent: int
    code: int
    opd_kind: int
    source: int
    optional: tuple[int, ...]

    @classmethod
    def of(cls, columns: list[str], layout: _Layout) -> _Shape:
        fields = [layout.fields[c] for c in columns]

        def at(field: str) -> int:
            return fields.index(field) if field in fields else -1

        return cls(
            fields=fields,
            columns=columns,
            name=at("name"),
            year=at("year"),
            kind=at("kind"),
            score=at("score"),
            province=at("province"),
            parent=at("parent"),
            code=at("code"),
            opd_kind=at("opd_kind"),
            source=at("source"),
            optional=tuple(i for i, f in enumerate(fields) if f in _OPTIONAL_FIELDS),
        )

    def record(self, cells: list[str]) -> Record:
        """The record of a row's cells.

        A blank cell that :func:`_fast_cells` appended is left out: zip stops at the
        header's width.
        """
        return dict(zip(self.fields, zip(self.columns, cells, strict=False), strict=False))


def _fast_cells(
    cells: list[str], shape: _Shape, seen: _Seen, *, strip_parent_suffix: bool
) -> Assessment | None:
    """:func:`_fast_read` for the cells of a CSV row, without building its record."""
    cells.append("")  # an absent column (index -1) reads as this blank cell
    for i in shape.optional:
        if cells[i].strip():
            return None
    return _fast_row(
        cells[shape.name],
        cells[shape.year],
        cells[shape.kind],
        cells[shape.score],
        cells[shape.province],
        cells[shape.parent],
        cells[shape.code] + cells[shape.opd_kind],
        cells[shape.source],
        seen,
        strip_parent_suffix=strip_parent_suffix,
    )


def _fast_row(  # noqa: PLR0913, PLR0917 - the cells of a row
    name: str,
    year_text: str,
    kind_text: str,
    score_text: str,
    province_text: str,
    parent_text: str,
    code_and_opd_kind: str,
    source: str,
    seen: _Seen,
    *,
    strip_parent_suffix: bool,
) -> Assessment | None:
    """The core of :func:`_fast_read`: cells as text, ``""`` for an absent column."""
    year = seen.years.get(year_text)  # only non-blank valid texts are kept
    kind = _KIND_BY_VALUE.get(kind_text.strip().lower())
    if year is None or kind is None or not name.strip() or code_and_opd_kind.strip():
        return None
    try:  # any error: _RowReader reads the row again, and reports it
        score = seen.scaled.get((year, score_text))
        if score is None and score_text.strip():
            score = seen.score(score_text, year)
        province = seen.province(province_text) if province_text.strip() else None
        entity = _fast_entity(
            kind,
            name,
            province,
            parent_text if parent_text.strip() else None,
            seen=seen,
            strip_parent_suffix=strip_parent_suffix,
        )
    except OpinippError:
        return None
    if entity is None:
        return None
    return Assessment._trusted(  # noqa: SLF001 - every field checked as Assessment() would
        entity, year, score, source=source if source.strip() else None
    )


def _fast_entity(  # noqa: PLR0911, PLR0913 - one way out per kind; the cells it reads
    kind: EntityKind,
    name: str,
    province: Province | None,
    parent_text: str | None,
    *,
    seen: _Seen,
    strip_parent_suffix: bool,
) -> Entity | None:
    """The entity of a :func:`_fast_read` row, or ``None`` for :class:`_RowReader` to read."""
    if kind in _UNIT_KINDS:
        if parent_text is None:
            return None
        parent = seen.pemda(parent_text, None, province)
        suffix = " " + parent_text
        if strip_parent_suffix and name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)].rstrip()
        if kind is EntityKind.PUSKESMAS:
            return Puskesmas(name=name, pemda=parent)
        if kind is EntityKind.OPD:
            return OPD(pemda=parent, kind=_opd_kind_of(name), name=name)
        return Rsud(name=name, pemda=parent)
    if parent_text is not None:
        return None
    pemda_kind = _PEMDA_KINDS.get(kind)
    if pemda_kind is not None:
        return seen.pemda(name, pemda_kind, province)
    if province is not None:
        return None
    return Instansi(name=name, kind=_INSTANSI_KINDS[kind])


def _read_records(  # noqa: C901, PLR0912 - fast paths, the full reader, duplicates, modes
    records: Iterable[tuple[int, Record | list[str] | RowError]],
    source_name: str,
    errors: ErrorMode,
    *,
    strip_parent_suffix: bool = False,
    shape: _Shape | None = None,
) -> tuple[Assessment, ...]:
    """Read records into assessments; raise the first RowError or all of them as a group.

    A record may already be a RowError (a row the caller could not split into cells), or
    the cells of a CSV row laid out as ``shape`` says.
    """
    found: list[Assessment] = []
    problems: list[RowError] = []
    first_row: dict[tuple[object, int], int] = {}
    seen = _Seen()
    for row, item in records:
        record: Record | RowError
        if isinstance(item, list):  # the cells of a CSV row
            if shape is None:  # pragma: no cover - the CSV reader always passes its shape
                raise TypeError
            assessment = _fast_cells(item, shape, seen, strip_parent_suffix=strip_parent_suffix)
            if (
                assessment is not None
                and first_row.setdefault((assessment.entity, assessment.year), row) == row
            ):
                found.append(assessment)
                continue
            record = shape.record(item)  # read in full below: an error, or a duplicate
        else:
            record = item
        if isinstance(record, RowError):
            if errors == "raise":
                raise record
            problems.append(record)
            continue
        assessment = _fast_read(record, seen, strip_parent_suffix=strip_parent_suffix)
        reader = None
        if assessment is None:
            reader = _RowReader(record, row, strip_parent_suffix=strip_parent_suffix, seen=seen)
            assessment = reader.read()
        if assessment is not None:
            first = first_row.setdefault((assessment.entity, assessment.year), row)
            if first != row:
                if reader is None:
                    reader = _RowReader(
                        record, row, strip_parent_suffix=strip_parent_suffix, seen=seen
                    )
                reader.fail(
                    "name",
                    reader.raw("name"),
                    f"duplicate: row {first} already has the {assessment.year} "
                    f"result of {assessment.entity}",
                )
            else:
                found.append(assessment)
        if reader is not None and reader.errors:
            row_errors = _in_column_order(reader.errors, record)
            if errors == "raise":
                raise row_errors[0]
            problems.extend(row_errors)
    if problems:
        _raise_group(problems, source_name)
    return tuple(found)


def _in_column_order(errors: list[RowError], record: Record) -> list[RowError]:
    """A row's errors left to right (whole-row errors first)."""
    order = {column: i for i, (column, _) in enumerate(record.values())}
    return sorted(errors, key=lambda e: -1 if e.column is None else order.get(e.column, len(order)))


def _raise_group(problems: list[RowError], source_name: str) -> NoReturn:
    rows = len({p.row for p in problems})
    raise InvalidDataError(
        f"{len(problems)} problem(s) in {rows} row(s) of {source_name}", problems
    )


def _check_errors(errors: object) -> ErrorMode:
    if isinstance(errors, str) and errors == "collect":
        return "collect"
    if isinstance(errors, str) and errors == "raise":
        return "raise"
    raise InvalidArgumentError("errors", errors, "'collect' or 'raise'")


def _fail_header(problems: list[RowError], errors: ErrorMode, source_name: str) -> NoReturn:
    if errors == "raise":
        raise problems[0]
    _raise_group(problems, source_name)


def _header_layout(names: list[str], errors: ErrorMode, source_name: str) -> _Layout:
    if "entity_name" in names:
        layout = _PUBLISHED_LAYOUT
    elif "entity" in names:
        layout = _MINIMAL_LAYOUT
    else:
        reason = (
            "unknown header: expected the published layout (with entity_name) or the "
            "minimal layout (entity,kind,province,year,score)"
        )
        _fail_header([RowError(1, None, ",".join(names), reason)], errors, source_name)
    problems: list[RowError] = []
    seen: set[str] = set()
    for name in names:
        if name not in layout.fields:
            expected = ", ".join(layout.fields)
            reason = f"unknown column for the {layout.name} layout; expected {expected}"
            problems.append(RowError(1, name, name, reason))
        elif name in seen:
            problems.append(RowError(1, name, name, "duplicate column"))
        seen.add(name)
    problems.extend(
        RowError(1, name, None, f"missing required column of the {layout.name} layout")
        for name in layout.required
        if name not in seen
    )
    if problems:
        _fail_header(problems, errors, source_name)
    return layout


def _csv_records(
    reader: Any,  # noqa: ANN401 - a csv reader object (its type is private to csv)
    columns: list[str],
    source_name: str,
) -> Iterator[tuple[int, list[str] | RowError]]:
    """Yield ``(line number, cells)`` for each row; a row of the wrong width is a RowError."""
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as err:
            yield reader.line_num, RowError(reader.line_num, None, None, f"unreadable CSV: {err}")
            return
        except UnicodeDecodeError as err:
            raise InvalidTextError(source_name, "a UTF-8 CSV file", str(err)) from None
        if cells is None:
            return
        row, start = start, reader.line_num + 1
        if not cells:
            continue  # a blank line holds no row
        if len(cells) != len(columns):
            reason = f"expected {len(columns)} cells as in the header, found {len(cells)}"
            yield row, RowError(row, None, ",".join(cells), reason)
            continue
        if "'" in "".join(cells):  # only a cell starting with a quote may need restoring
            cells = [_restore(v) for v in cells]
        yield row, cells


def _read_csv_stream(
    stream: Iterable[str],
    source_name: str,
    errors: ErrorMode,
    *,
    strip_parent_suffix: bool = False,
) -> tuple[Assessment, ...]:
    reader = csv.reader(stream)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as err:
        raise InvalidTextError(source_name, "a UTF-8 CSV file", str(err)) from None
    names = [h.strip() for h in header or []]
    if names:
        names[0] = names[0].lstrip("\ufeff").strip()
    if not any(names):
        _fail_header(
            [RowError(1, None, "", "empty file: expected a header row")], errors, source_name
        )
    layout = _header_layout(names, errors, source_name)
    return _read_records(
        _csv_records(reader, names, source_name),
        source_name,
        errors,
        strip_parent_suffix=strip_parent_suffix,
        shape=_Shape.of(names, layout),
    )


@contextlib.contextmanager
def _text_source(source: object, mode: Literal["r", "w"]) -> Iterator[tuple[IO[str], str]]:
    argument = "source" if mode == "r" else "target"
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not isinstance(path, str):
            raise InvalidArgumentError(argument, source, "a str path or a text file")
        encoding = "utf-8-sig" if mode == "r" else "utf-8"
        try:
            handle = open(path, mode, encoding=encoding, newline="")  # noqa: PTH123, SIM115
        except ValueError as err:  # an embedded NUL character
            raise InvalidArgumentError(argument, source, f"a valid file path ({err})") from None
        with handle:
            yield handle, path
        return
    needed = "read" if mode == "r" else "write"
    if not callable(getattr(source, needed, None)) or isinstance(source, (bytes, bytearray)):
        raise InvalidArgumentError(
            argument,
            source,
            f"a path or a text file open for {'reading' if mode == 'r' else 'writing'}",
        )
    yield source, str(getattr(source, "name", "<stream>"))  # type: ignore[misc]


def read_csv(
    source: str | os.PathLike[str] | IO[str], /, *, errors: ErrorMode = "collect"
) -> tuple[Assessment, ...]:
    r"""Read assessments from a CSV file in the published or the minimal layout.

    The header decides the layout: with ``entity_name`` it is the published layout
    (:data:`PUBLISHED_COLUMNS`; ``year``, ``entity_name``, ``entity_kind`` and ``score`` are
    required columns), with ``entity`` the minimal one (:data:`MINIMAL_COLUMNS`, all
    required). Both accept ``parent_pemda`` and the :data:`EXTRA_COLUMNS`. A blank optional
    cell is fine; a blank score is an unknown score.

    Each row is read like this:

    - ``year`` must be a covered assessment year (2020 and 2030 are errors);
    - the kind is an :class:`~opinipp.entities.EntityKind` value; the score anything
      :class:`~opinipp.scores.Score` reads (``"90,02"`` too);
    - provinsi, kabupaten and kota are found with :func:`opinipp.regions.pemda` by name,
      kind and province (and checked against ``code`` when given);
    - an OPD, Puskesmas or RSUD keeps its own name and finds its Pemda through
      ``parent_pemda`` (or ``code``); an OPD's kind comes from ``opd_kind`` or, when blank,
      from its name (Dinkes, Disdik, Dinsos, DPMPTSP, Disdukcapil; anything else is OTHER);
    - a kementerian or lembaga has no province, parent or code;
    - the same entity may appear once per year;
    - a cell that starts with ``'`` followed by ``=``, ``+``, ``-``, ``@``, a tab or a carriage
      return loses that one quote (the mark :func:`write_csv` adds).

    No row is dropped silently. With ``errors="collect"`` (the default) every problem is
    reported at once as an :class:`~opinipp.errors.InvalidDataError` whose ``exceptions``
    are :class:`~opinipp.errors.RowError` objects in file order (``row`` is the line number,
    the header being line 1; ``column`` the column name). With ``errors="raise"`` the first
    RowError is raised. Blank lines are skipped.

    ``source`` is a path or a text file (open it with ``newline=""``). Files are read as
    UTF-8 (a byte-order mark is allowed).

    Raises:
        InvalidDataError: in collect mode, the bad rows.
        RowError: in raise mode, the first bad row.
        InvalidTextError: the file is not UTF-8 text.
        InvalidArgumentError: ``source`` or ``errors`` is not one of the accepted values.
        OSError: the file cannot be opened.

    >>> import io
    >>> text = 'entity,kind,province,year,score\nMuna Barat,kabupaten,Sultra,2023,"81,84"\n'
    >>> [(str(a.entity), a.year, str(a.score)) for a in read_csv(io.StringIO(text))]
    [('Kabupaten Muna Barat', 2023, '81.84')]
    >>> bad = "entity,kind,province,year,score\nMuna Barat,kabupaten,Sultra,2020,34.19\n"
    >>> read_csv(io.StringIO(bad), errors="raise")
    Traceback (most recent call last):
    ...
    opinipp.errors.RowError: row 2, column 'year': '2020': no assessment rules for year 2020: ...
    """
    mode = _check_errors(errors)
    with _text_source(source, "r") as (stream, name):
        return _read_csv_stream(stream, name, mode)


def _row_of(a: Assessment) -> list[str]:
    entity = a.entity
    parent = province = code = opd_kind = ""
    if isinstance(entity, Pemda):
        name = entity.full_name
        province, code = entity.province.name, entity.code
    elif isinstance(entity, Instansi):
        name = entity.name
    else:
        name = _unit_name(entity)
        parent, province, code = (
            entity.pemda.full_name,
            entity.pemda.province.name,
            entity.pemda.code,
        )
        if isinstance(entity, OPD):
            opd_kind = entity.kind.value
    p = a.published or PublishedResult()
    tanpa = "" if a.tanpa_maladministrasi is None else str(a.tanpa_maladministrasi).lower()
    cells: list[object] = [
        a.year,
        name,
        entity.entity_kind.value,
        parent,
        province,
        a.score,
        p.zone,
        p.category,
        p.opinion,
        p.rank_national,
        p.rank_national_of,
        p.rank_province,
        p.rank_province_of,
        a.source,
        p.note,
        code,
        opd_kind,
        tanpa,
        *(_dimension_cell(a, d) for d in Dimension),
    ]
    return [_neutralise("" if c is None else str(c)) for c in cells]


def _dimension_cell(a: Assessment, dimension: Dimension) -> Score | None:
    return None if a.dimensions is None else a.dimensions.get(dimension)


def write_csv(
    assessments: Iterable[Assessment], target: str | os.PathLike[str] | IO[str], /
) -> None:
    """Write assessments as CSV in the published layout plus :data:`EXTRA_COLUMNS`.

    :func:`read_csv` reads the file back to equal assessments, in the same order. The
    entity is written as its name (``Kabupaten Muna Barat``; a unit's own name with its
    ``parent_pemda``), its province's name and its Kemendagri ``code``. Scores are written
    with a decimal point. Two things a CSV does not carry: an Instansi's abbreviation, and
    the difference between no published labels and an empty
    :class:`~opinipp.assessments.PublishedResult` (both are blank cells, read as ``None``).

    Every cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return), and every cell of quotes followed by one of
    those, gets a leading single quote, which :func:`read_csv` removes again.

    ``target`` is a path (written as UTF-8) or a text file (open it with ``newline=""``).
    Lines end with CRLF, as RFC 4180 has it, so that a carriage return inside a cell is
    quoted. Nothing is written when an item is not an Assessment.

    >>> import io
    >>> from opinipp.assessments import Assessment
    >>> out = io.StringIO()
    >>> write_csv([Assessment(regions.pemda("74.13"), 2023, "81.84", source="=cmd()")], out)
    >>> print(out.getvalue().splitlines()[1])
    2023,Kabupaten Muna Barat,kabupaten,,Sulawesi Tenggara,81.84,,,,,,,,'=cmd(),,74.13,,,,,,
    >>> read_csv(io.StringIO(out.getvalue()))[0].source
    '=cmd()'
    """
    items = _assessment_list(assessments)
    rows = [_row_of(a) for a in items]
    with _text_source(target, "w") as (stream, _):
        writer = csv.writer(stream, lineterminator="\r\n")
        try:
            writer.writerow(WRITTEN_COLUMNS)
            writer.writerows(rows)
        except TypeError:  # a file opened in binary mode
            raise InvalidArgumentError(
                "target", target, "a path or a text file open for writing (not binary)"
            ) from None


def __dir__() -> list[str]:
    return list(__all__)
