"""Normalisation of province and Pemda names for lookup (private).

A name is folded to a *key*: Unicode-normalised (NFKC), case-folded, split into words at
anything that is not a letter or a digit, with ``Kep`` read as ``Kepulauan``, and the words
joined without spaces. So ``"Bau-Bau"``, ``"Bau Bau"`` and ``"BAUBAU"`` share the key
``"baubau"``.

Leading words that name the level of government (``Kabupaten``, ``Kab.``, ``Pemkab``,
``Kota``, ``Pemkot``, ``Pemko``, ``Provinsi``, ``Pemprov``, ``Pemerintah …``, ``Pemda``, and
``Administrasi``/``Adm.`` after a kabupaten or kota prefix) are split off by :func:`parse`,
which also reports the level they name. :func:`opd_kind_of` reads the OPD kind a unit's
name stands for from its leading words.

>>> parse("Kab. Adm. Kep. Seribu")
Parsed(kind=<PemdaKind.KABUPATEN: 'kabupaten'>, key='kepulauanseribu',
       fallback_keys=('kabadmkepulauanseribu',))
>>> key("PEMKOT BAU-BAU")
'pemkotbaubau'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, NamedTuple

from opinipp._checks import exact_text
from opinipp.entities import OPDKind, PemdaKind

__all__ = ["Parsed", "key", "opd_kind_of", "parse", "words"]

_SEPARATORS: Final = re.compile(r"[\W_]+")
_APOSTROPHES: Final = re.compile(r"['\u2019\u2018`]")

# Abbreviated words that stand for a whole word inside a name.
_WORD_EXPANSIONS: Final[dict[str, str]] = {"kep": "kepulauan"}

# Words that say "the government of" without naming a level; longest first.
_GENERIC_PREFIXES: Final[tuple[tuple[str, ...], ...]] = (
    ("pemerintah", "daerah"),
    ("pemda",),
    ("pemerintah",),
)

# Words that name a level of government; longest first.
_KIND_PREFIXES: Final[tuple[tuple[tuple[str, ...], PemdaKind], ...]] = (
    (("pemprov",), PemdaKind.PROVINSI),
    (("provinsi",), PemdaKind.PROVINSI),
    (("propinsi",), PemdaKind.PROVINSI),
    (("prov",), PemdaKind.PROVINSI),
    (("pemkab",), PemdaKind.KABUPATEN),
    (("kabupaten",), PemdaKind.KABUPATEN),
    (("kab",), PemdaKind.KABUPATEN),
    (("pemkot",), PemdaKind.KOTA),
    (("pemko",), PemdaKind.KOTA),
    (("kota",), PemdaKind.KOTA),
)

# Jakarta's kabupaten and kota are "administrative": Kota Administrasi Jakarta Pusat.
_ADMINISTRATIVE: Final = frozenset({"administrasi", "adm"})
_ADMINISTRATIVE_KINDS: Final = frozenset({PemdaKind.KABUPATEN, PemdaKind.KOTA})

# The OPD kind a unit name stands for: one table, matched on the leading words.
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


class Parsed(NamedTuple):
    """A name split into the level its prefix names and the key of the rest.

    Attributes:
        kind: the level named by the prefix, or ``None`` when none was named.
        key: the key of the name without its prefix.
        fallback_keys: keys to try, without a level, when ``key`` finds nothing: the text
            without only its generic prefix (``Pemda``), then the whole text. They let
            ``"Kota Baru"`` (a spelling of Kabupaten Kotabaru) be found as ``"kotabaru"``.
    """

    kind: PemdaKind | None
    key: str
    fallback_keys: tuple[str, ...]


def words(text: str) -> list[str]:
    """Split text into normalised words, expanding ``Kep`` to ``Kepulauan``.

    A ``str`` subclass is read as its real text (its own methods are never called); a
    value that is not text has no words.

    >>> words("Kep. Siau  Tagulandang–Biaro")
    ['kepulauan', 'siau', 'tagulandang', 'biaro']
    """
    plain = exact_text(text)
    if plain is None:
        return []
    # normalize() may return its argument itself: it must be a plain str.
    folded = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", plain).casefold())
    return [_WORD_EXPANSIONS.get(w, w) for w in _SEPARATORS.split(folded) if w]


def key(text: str) -> str:
    """Return the lookup key of a text: its normalised words joined without spaces.

    >>> key("Tanjung Balai") == key("Tanjungbalai") == key("TANJUNG-BALAI")
    True
    """
    return "".join(words(text))


def _starts_with(ws: list[str], prefix: tuple[str, ...]) -> bool:
    return tuple(ws[: len(prefix)]) == prefix


def parse(text: str) -> Parsed:
    """Split a level prefix off a name.

    >>> parse("Pemerintah Kota Serang")
    Parsed(kind=<PemdaKind.KOTA: 'kota'>, key='serang',
           fallback_keys=('kotaserang', 'pemerintahkotaserang'))
    >>> parse("Muna Barat")
    Parsed(kind=None, key='munabarat', fallback_keys=())
    """
    ws = words(text)
    rest = ws
    for generic in _GENERIC_PREFIXES:
        if _starts_with(rest, generic):
            rest = rest[len(generic) :]
            break
    after_generic = rest
    kind: PemdaKind | None = None
    for prefix, prefix_kind in _KIND_PREFIXES:
        if _starts_with(rest, prefix):
            rest = rest[len(prefix) :]
            kind = prefix_kind
            break
    if kind in _ADMINISTRATIVE_KINDS and rest and rest[0] in _ADMINISTRATIVE:
        rest = rest[1:]
    name_key = "".join(rest)
    fallback_keys: list[str] = []
    for candidate in ("".join(after_generic), "".join(ws)):
        if candidate != name_key and candidate not in fallback_keys:
            fallback_keys.append(candidate)
    return Parsed(kind=kind, key=name_key, fallback_keys=tuple(fallback_keys))


def opd_kind_of(name: str) -> OPDKind:
    """The OPD kind a unit name stands for: ``"Dinas Pendidikan dan Kebudayaan"`` is Disdik.

    >>> opd_kind_of("DPM-PTSP Kabupaten Serang"), opd_kind_of("Bappeda")
    (<OPDKind.DPMPTSP: 'dpmptsp'>, <OPDKind.OTHER: 'other'>)
    """
    ws = words(name)
    for prefix, kind in _OPD_NAME_PREFIXES:
        if _starts_with(ws, prefix):
            return kind
    return OPDKind.OTHER


def __dir__() -> list[str]:
    return list(__all__)
