"""The assessed entities: provinces, local governments (Pemda), their units, and the centre.

All entities are frozen, slotted attrs classes. They are hashable and compare equal when
their identifying fields are equal: a Pemda is its Kemendagri code, a standard OPD is its
kind within its Pemda, whatever spelling of the name a source used.

>>> from opinipp.entities import Province, Pemda, PemdaKind, OPD, OPDKind
>>> sultra = Province(code="74", name="Sulawesi Tenggara", abbreviation="Sultra")
>>> mubar = Pemda(code="74.13", name="Muna Barat", kind=PemdaKind.KABUPATEN, province=sultra)
>>> str(mubar)
'Kabupaten Muna Barat'
>>> OPD(pemda=mubar, kind=OPDKind.DPMPTSP) == OPD(
...     pemda=mubar, kind=OPDKind.DPMPTSP, name="DPM-PTSP"
... )
True

Lookup by name or code lives in :mod:`opinipp.regions`; build entities by hand only for data
the bundled tables do not cover.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import Any, ClassVar, Final, TypeAlias, Union

import attrs

from opinipp._checks import optional_text_value, text_value
from opinipp.errors import InvalidEntityError

__all__ = [
    "ENTITY_TYPES",
    "OPD",
    "Entity",
    "EntityKind",
    "Instansi",
    "InstansiKind",
    "OPDKind",
    "Pemda",
    "PemdaKind",
    "Province",
    "Puskesmas",
    "Rsud",
    "Unit",
]

_PROVINCE_CODE: Final = re.compile(r"[0-9]{2}")
_REGENCY_CODE: Final = re.compile(r"([0-9]{2})\.([0-9]{2})")
_ISO_CODE: Final = re.compile(r"ID-[A-Z]{2}")
# Kemendagri numbers kota from 71 upwards within each province (checked on all 514 rows).
_FIRST_KOTA_NUMBER: Final = 71

_Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class EntityKind(str, Enum):
    """Every kind of assessed entity, as written in data files."""

    KEMENTERIAN = "kementerian"
    LEMBAGA = "lembaga"
    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"
    OPD = "opd"
    PUSKESMAS = "puskesmas"
    RSUD = "rsud"


class PemdaKind(str, Enum):
    """The three levels of local government (Pemda)."""

    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"

    @property
    def prefix(self) -> str:
        """The word that precedes the name: ``Provinsi``, ``Kabupaten`` or ``Kota``."""
        return self.value.capitalize()

    @property
    def entity_kind(self) -> EntityKind:
        """The matching :class:`EntityKind`."""
        return EntityKind(self.value)


class InstansiKind(str, Enum):
    """Central government bodies: ministries (kementerian) and agencies (lembaga)."""

    KEMENTERIAN = "kementerian"
    LEMBAGA = "lembaga"

    @property
    def entity_kind(self) -> EntityKind:
        """The matching :class:`EntityKind`."""
        return EntityKind(self.value)


class OPDKind(str, Enum):
    """The Pemda service units (Organisasi Perangkat Daerah) the Ombudsman assesses.

    The five named kinds are the usual loci ([R30][R42][R60][R79]); any other unit is ``OTHER`` and
    must carry its own name.
    """

    DINKES = "dinkes"
    DISDIK = "disdik"
    DINSOS = "dinsos"
    DPMPTSP = "dpmptsp"
    DISDUKCAPIL = "disdukcapil"
    OTHER = "other"

    @property
    def default_name(self) -> str | None:
        """The usual full name of the unit, or ``None`` for ``OTHER``."""
        return _OPD_NAMES[self]


_OPD_NAMES: Final[dict[OPDKind, str | None]] = {
    OPDKind.DINKES: "Dinas Kesehatan",
    OPDKind.DISDIK: "Dinas Pendidikan",
    OPDKind.DINSOS: "Dinas Sosial",
    OPDKind.DPMPTSP: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    OPDKind.DISDUKCAPIL: "Dinas Kependudukan dan Pencatatan Sipil",
    OPDKind.OTHER: None,
}


def _text(entity: str) -> _Validator:
    def check(_: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise InvalidEntityError(
                entity, attribute.name, value, "non-empty text without surrounding spaces"
            )

    return check


def _optional_text(entity: str) -> _Validator:
    required = _text(entity)

    def check(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            required(instance, attribute, value)

    return check


def _instance_of(entity: str, cls: type | tuple[type, ...], expected: str) -> _Validator:
    def check(_: object, attribute: attrs.Attribute[object], value: object) -> None:
        if not isinstance(value, cls):
            raise InvalidEntityError(entity, attribute.name, value, expected)

    return check


def _check_province_code(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or _PROVINCE_CODE.fullmatch(value) is None:
        raise InvalidEntityError(
            "Province", attribute.name, value, "a 2-digit Kemendagri code such as '74'"
        )


def _check_iso(_: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or _ISO_CODE.fullmatch(value) is None):
        raise InvalidEntityError(
            "Province", attribute.name, value, "None or an ISO 3166-2 code such as 'ID-SG'"
        )


@attrs.frozen(cache_hash=True)
class Province:
    """One of Indonesia's 38 provinces, identified by its 2-digit Kemendagri code.

    >>> Province(code="74", name="Sulawesi Tenggara") == Province(code="74", name="Sultra")
    True
    """

    code: str = attrs.field(converter=text_value, validator=_check_province_code)
    name: str = attrs.field(eq=False, converter=text_value, validator=_text("Province"))
    iso_3166_2: str | None = attrs.field(
        default=None, eq=False, converter=optional_text_value, validator=_check_iso
    )
    abbreviation: str | None = attrs.field(
        default=None, eq=False, converter=optional_text_value, validator=_optional_text("Province")
    )

    @property
    def full_name(self) -> str:
        """The name with its prefix: ``Provinsi Sulawesi Tenggara``."""
        return f"Provinsi {self.name}"

    @property
    def sort_key(self) -> tuple[str, ...]:
        """Kemendagri order."""
        return (self.code,)

    def __str__(self) -> str:
        return self.full_name


@attrs.frozen(cache_hash=True)
class Pemda:
    """A local government: a provinsi, kabupaten or kota, identified by its Kemendagri code.

    Provincial governments use the province code (``"74"``); kabupaten and kota the dotted
    ``PP.RR`` code (``"74.13"``), where ``RR`` from 71 up is a kota.

    >>> sultra = Province(code="74", name="Sulawesi Tenggara")
    >>> Pemda(code="74.71", name="Kendari", kind=PemdaKind.KOTA, province=sultra).full_name
    'Kota Kendari'
    >>> Pemda(code="74.71", name="Kendari", kind=PemdaKind.KABUPATEN, province=sultra)
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidEntityError: invalid Pemda.kind <PemdaKind.KABUPATEN: 'kabupaten'>: ...
    """

    code: str = attrs.field(converter=text_value)
    name: str = attrs.field(eq=False, converter=text_value, validator=_text("Pemda"))
    kind: PemdaKind = attrs.field(
        eq=False, validator=_instance_of("Pemda", PemdaKind, "a PemdaKind")
    )
    province: Province = attrs.field(
        eq=False, validator=_instance_of("Pemda", Province, "a Province")
    )

    def __attrs_post_init__(self) -> None:
        code = self.code
        if not isinstance(code, str):
            raise InvalidEntityError("Pemda", "code", code, "a Kemendagri code as text")
        if self.kind is PemdaKind.PROVINSI:
            if code != self.province.code:
                raise InvalidEntityError(
                    "Pemda",
                    "code",
                    code,
                    f"the province code {self.province.code!r} for a provinsi",
                )
            return
        match = _REGENCY_CODE.fullmatch(code)
        if match is None:
            raise InvalidEntityError("Pemda", "code", code, "a dotted code such as '74.13'")
        if match.group(1) != self.province.code:
            raise InvalidEntityError(
                "Pemda",
                "code",
                code,
                f"a code starting with the province code {self.province.code!r}",
            )
        is_kota = int(match.group(2)) >= _FIRST_KOTA_NUMBER
        if is_kota != (self.kind is PemdaKind.KOTA):
            expected = "kota (number 71 or above)" if is_kota else "kabupaten (number below 71)"
            raise InvalidEntityError("Pemda", "kind", self.kind, f"{expected} for code {code!r}")

    @property
    def full_name(self) -> str:
        """The name with its prefix: ``Kabupaten Muna Barat``, ``Provinsi Bali``."""
        return f"{self.kind.prefix} {self.name}"

    @property
    def entity_kind(self) -> EntityKind:
        """``provinsi``, ``kabupaten`` or ``kota``."""
        return self.kind.entity_kind

    @property
    def sort_key(self) -> tuple[str, ...]:
        """Kemendagri order (provincial government first within its province)."""
        return (self.code,)

    def __str__(self) -> str:
        return self.full_name


def _name_key(name: str) -> str:
    """The key that identifies a name up to case and spacing (see :mod:`opinipp._names`)."""
    from opinipp._names import key  # _names imports this module

    return key(name)


@attrs.frozen(cache_hash=True)
class Instansi:
    """A ministry (kementerian) or agency (lembaga) of the central government.

    Two Instansi are the same when their kinds match and their names do up to case,
    spacing and punctuation, as Pemda names are matched; the name is shown as given.

    >>> kemlu = Instansi(
    ...     name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN, abbreviation="Kemlu"
    ... )
    >>> kemlu.entity_kind, str(kemlu)
    (<EntityKind.KEMENTERIAN: 'kementerian'>, 'Kementerian Luar Negeri')
    >>> shouting = Instansi(name="KEMENTERIAN  LUAR NEGERI", kind=InstansiKind.KEMENTERIAN)
    >>> shouting == kemlu, str(shouting)
    (True, 'KEMENTERIAN  LUAR NEGERI')
    """

    name: str = attrs.field(eq=_name_key, converter=text_value, validator=_text("Instansi"))
    kind: InstansiKind = attrs.field(
        validator=_instance_of("Instansi", InstansiKind, "an InstansiKind")
    )
    abbreviation: str | None = attrs.field(
        default=None, eq=False, converter=optional_text_value, validator=_optional_text("Instansi")
    )

    @property
    def full_name(self) -> str:
        """The name as given."""
        return self.name

    @property
    def entity_kind(self) -> EntityKind:
        """``kementerian`` or ``lembaga``."""
        return self.kind.entity_kind

    @property
    def sort_key(self) -> tuple[str, ...]:
        """Alphabetical order of the name."""
        return (self.kind.value, self.name.casefold())

    def __str__(self) -> str:
        return self.name


@attrs.frozen(eq=False)
class OPD:
    """A service unit of a Pemda (Organisasi Perangkat Daerah): Dinkes, Disdik, Dinsos, ….

    The five named kinds are identified by kind and Pemda, so ``"Dinas Pendidikan dan
    Kebudayaan"`` and ``"Dindik"`` of one kabupaten are the same unit. An ``OTHER`` unit needs
    a name, and is identified by it.

    >>> sultra = Province(code="74", name="Sulawesi Tenggara")
    >>> mubar = Pemda(code="74.13", name="Muna Barat", kind=PemdaKind.KABUPATEN, province=sultra)
    >>> str(OPD(pemda=mubar, kind=OPDKind.DINSOS))
    'Dinas Sosial Kabupaten Muna Barat'
    """

    pemda: Pemda = attrs.field(validator=_instance_of("OPD", Pemda, "a Pemda"))
    kind: OPDKind = attrs.field(validator=_instance_of("OPD", OPDKind, "an OPDKind"))
    name: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_optional_text("OPD")
    )

    def __attrs_post_init__(self) -> None:
        if self.kind is OPDKind.OTHER and self.name is None:
            raise InvalidEntityError("OPD", "name", None, "a name for an OPD of kind OTHER")

    @property
    def _identity(self) -> tuple[object, ...]:
        if self.kind is OPDKind.OTHER:
            return (self.pemda, self.kind, (self.name or "").casefold())
        return (self.pemda, self.kind)

    def __eq__(self, other: object) -> bool:
        if type(other) is not OPD:
            return NotImplemented
        return self._identity == other._identity

    def __ne__(self, other: object) -> bool:
        if type(other) is not OPD:
            return NotImplemented
        return self._identity != other._identity

    def __hash__(self) -> int:
        return hash((OPD, *self._identity))

    @property
    def unit_name(self) -> str:
        """The unit's own name: as given, or the usual name of its kind."""
        return self.name or self.kind.default_name or self.kind.value

    @property
    def full_name(self) -> str:
        """The unit's name followed by its Pemda's."""
        return f"{self.unit_name} {self.pemda.full_name}"

    @property
    def entity_kind(self) -> EntityKind:
        """Always ``opd``."""
        return EntityKind.OPD

    @property
    def sort_key(self) -> tuple[str, ...]:
        """Pemda code, then kind, then name."""
        return (self.pemda.code, self.kind.value, (self.name or "").casefold())

    def __str__(self) -> str:
        return self.full_name


class _NamedUnit:
    """What Puskesmas and Rsud share: a unit identified by its own name within its Pemda."""

    __slots__ = ()
    _ENTITY_KIND: ClassVar[EntityKind]
    name: str
    pemda: Pemda

    @property
    def full_name(self) -> str:
        """The name followed by its Pemda in brackets."""
        return f"{self.name} ({self.pemda.full_name})"

    @property
    def entity_kind(self) -> EntityKind:
        """``puskesmas`` or ``rsud``."""
        return self._ENTITY_KIND

    @property
    def sort_key(self) -> tuple[str, ...]:
        """Pemda code, then kind, then name."""
        return (self.pemda.code, self._ENTITY_KIND.value, self.name.casefold())

    def __str__(self) -> str:
        return self.full_name


@attrs.frozen(cache_hash=True)
class Puskesmas(_NamedUnit):
    """A community health centre (Puskesmas) of a Pemda, identified by name and Pemda.

    >>> sultra = Province(code="74", name="Sulawesi Tenggara")
    >>> mubar = Pemda(code="74.13", name="Muna Barat", kind=PemdaKind.KABUPATEN, province=sultra)
    >>> str(Puskesmas(name="Puskesmas Tiworo", pemda=mubar))
    'Puskesmas Tiworo (Kabupaten Muna Barat)'
    """

    _ENTITY_KIND: ClassVar[EntityKind] = EntityKind.PUSKESMAS
    name: str = attrs.field(converter=text_value, validator=_text("Puskesmas"))
    pemda: Pemda = attrs.field(validator=_instance_of("Puskesmas", Pemda, "a Pemda"))


@attrs.frozen(cache_hash=True)
class Rsud(_NamedUnit):
    """A regional public hospital (Rumah Sakit Umum Daerah) of a Pemda.

    >>> banten = Province(code="36", name="Banten")
    >>> prov = Pemda(code="36", name="Banten", kind=PemdaKind.PROVINSI, province=banten)
    >>> str(Rsud(name="RSUD Banten", pemda=prov))
    'RSUD Banten (Provinsi Banten)'
    """

    _ENTITY_KIND: ClassVar[EntityKind] = EntityKind.RSUD
    name: str = attrs.field(converter=text_value, validator=_text("Rsud"))
    pemda: Pemda = attrs.field(validator=_instance_of("Rsud", Pemda, "a Pemda"))


Unit = Union[OPD, Puskesmas, Rsud]  # noqa: UP007
"""A unit assessed inside a Pemda."""

Entity = Union[Instansi, Pemda, OPD, Puskesmas, Rsud]  # noqa: UP007
"""Anything that receives a score."""

ENTITY_TYPES: Final = (Instansi, Pemda, OPD, Puskesmas, Rsud)
"""The classes of :data:`Entity`, for ``isinstance`` checks.

>>> isinstance(Province(code="74", name="Sulawesi Tenggara"), ENTITY_TYPES)
False
>>> [cls.__name__ for cls in ENTITY_TYPES]
['Instansi', 'Pemda', 'OPD', 'Puskesmas', 'Rsud']
"""


def __dir__() -> list[str]:
    return list(__all__)
