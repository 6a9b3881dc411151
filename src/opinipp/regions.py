"""Look up Indonesia's provinces and local governments (Pemda) by name or Kemendagri code.

The bundled reference data (``opinipp/data/``, see its README) lists the 38 provinces and
the 514 kabupaten and kota of Kepmendagri 300.2.2-2138/2025. Every province also counts as a
Pemda of kind ``provinsi`` (the provincial government), so there are 552 Pemda in all. The
files are read on first use, never at ``import opinipp``.

What a lookup accepts:

- Codes: ``"74"``, ``"74.13"``, ``"7413"``; and the former codes of the 26 Papua regencies
  that were renumbered when the new provinces were coded (``"91.01"`` is Kabupaten Merauke,
  now ``93.01``).
- Names in any case, with or without spaces and hyphens (``"PEMKOT BAU-BAU"``,
  ``"Tanjung Balai"``), with or without a prefix that names the level: ``Kabupaten``,
  ``Kab.``, ``Pemkab``, ``Kota``, ``Pemkot``, ``Pemko``, ``Provinsi``, ``Prov.``,
  ``Pemprov``, ``Pemerintah Kabupaten/Kota/Provinsi``, ``Pemda``, and ``Administrasi`` for
  Jakarta. A prefix also narrows the level: ``"Kota Serang"`` is not ``"Kabupaten Serang"``.
- Province abbreviations (``"Sultra"``, ``"Sumut"``, ``"DIY"``, ``"NTB"``) and ISO 3166-2
  codes (``"ID-SG"``).
- Every variant in ``name_variants.csv`` (former names, older spellings, acronyms such as
  ``"Sergai"``) and ``extra_name_variants.csv``.

Rules worth knowing:

- A name that fits several Pemda raises :class:`~opinipp.errors.AmbiguousNameError` listing
  them: ``"Banjar"`` (a kabupaten and a kota), ``"Gorontalo"`` (province, kabupaten and
  kota), ``"Jambi"`` and ``"Bengkulu"`` (province and kota). ``"Yogyakarta"`` is the ISO name
  of the province and the name of Kota Yogyakarta, so :func:`pemda` finds it ambiguous while
  :func:`province` (which only looks at provinces) returns Daerah Istimewa Yogyakarta.
- ``"Kota Baru"`` is Kabupaten Kotabaru: when a name with a prefix finds nothing, the text is
  tried again as a whole. ``"Kepulauan Riau"`` and ``"Riau"`` are different provinces.
- A variant written with its prefix only counts with that prefix: ``"Kabupaten Pontianak"``
  (the former name of Mempawah) is Kabupaten Mempawah, while a bare ``"Pontianak"`` is Kota
  Pontianak.
- Unknown input raises :class:`~opinipp.errors.UnknownRegionError` with close matches as full
  names. Input that is not text (``None``, numbers, lists) raises it too.

>>> from opinipp import regions
>>> mubar = regions.pemda("Kab. Muna Barat")
>>> mubar.code, str(mubar), str(mubar.province)
('74.13', 'Kabupaten Muna Barat', 'Provinsi Sulawesi Tenggara')
>>> regions.pemda("7413") == regions.pemda("PEMKAB MUNA-BARAT") == mubar
True
>>> regions.province("Sultra").iso_3166_2
'ID-SG'
>>> regions.pemda("Serang")
Traceback (most recent call last):
...
opinipp.errors.AmbiguousNameError: ambiguous name 'Serang':
it could be Kabupaten Serang or Kota Serang; ...
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple, NoReturn

from opinipp import _names
from opinipp._checks import enum_member, exact_text
from opinipp._once import Once
from opinipp.entities import Pemda, PemdaKind, Province
from opinipp.errors import (
    AmbiguousNameError,
    InvalidArgumentError,
    UnknownRegionError,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "pemda",
    "pemdas",
    "province",
    "provinces",
    "provincial_government",
    "regency_count",
]

_CODE: Final = re.compile(r"([0-9]{2})(?:[.\s]?([0-9]{2}))?")
_PROVINCE_LEVEL: Final = "province"
_PEMDA_LEVEL: Final = "pemda"
_MAX_SUGGESTIONS: Final = 5
_SUGGESTION_CUTOFF: Final = 0.75
# No name is this long; longer text gets no suggestions (difflib would only waste time).
_LONGEST_KEY: Final = 100
_KIND_EXPECTED: Final = "None, a PemdaKind or one of 'provinsi', 'kabupaten', 'kota'"
_PROVINCE_EXPECTED: Final = "None, a Province, or a province name or code such as 'Sultra' or '74'"


class _Index(NamedTuple):
    """Everything the lookups need, built once from the bundled CSV files."""

    provinces: tuple[Province, ...]
    pemdas: tuple[Pemda, ...]
    by_code: dict[str, Pemda]
    """Current codes: ``"74"`` (provincial government) and ``"74.13"``."""
    former_codes: dict[str, Pemda]
    """Former codes of renumbered regencies (``"91.01"``) to the current Pemda."""
    names: dict[str, dict[str, PemdaKind | None]]
    """Name key to ``{code: prefix it needs, or None}``."""
    provinces_of: dict[str, frozenset[str]]
    """Pemda code to the codes of the provinces it is or was in."""
    province_keys: tuple[str, ...]
    """The name keys that reach a provincial government (for suggestions)."""
    regencies_in: dict[str, int]
    """Province code to its number of kabupaten and kota today."""
    boundary_changes: dict[str, frozenset[int]]
    """Province code to the years in which a regency moved into or out of it."""


def _read_csv(filename: str) -> list[dict[str, str]]:
    # Imported on first use: importlib.resources alone costs ~10 ms at `import opinipp`.
    import csv
    import io
    from importlib import resources

    text = (resources.files("opinipp") / "data" / filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _add_name(
    names: dict[str, dict[str, PemdaKind | None]], key: str, code: str, needs: PemdaKind | None
) -> None:
    entries = names.setdefault(key, {})
    if code in entries and entries[code] is None:
        return
    entries[code] = needs


def _add_variant(
    names: dict[str, dict[str, PemdaKind | None]], variant: str, target: Pemda
) -> None:
    parsed = _names.parse(variant)
    if parsed.kind is None:
        _add_name(names, parsed.key, target.code, None)
    elif parsed.kind is target.kind:
        # "Kabupaten Pontianak" names Mempawah only when written with a kabupaten prefix.
        _add_name(names, parsed.key, target.code, parsed.kind)
    else:
        # "Kota Baru" is Kabupaten Kotabaru: the first word is part of the name.
        _add_name(names, _names.key(variant), target.code, None)


def _regencies_per_province(
    province_list: list[Province], pemda_list: list[Pemda]
) -> dict[str, int]:
    counts = dict.fromkeys((p.code for p in province_list), 0)
    for p in pemda_list:
        if p.kind is not PemdaKind.PROVINSI:
            counts[p.province.code] += 1
    return counts


def _build_index() -> _Index:
    """Read the bundled CSV files and build the lookup tables."""
    province_list = [
        Province(
            code=row["code"],
            name=row["name"],
            iso_3166_2=row["iso_3166_2"] or None,
            abbreviation=row["common_abbreviation"] or None,
        )
        for row in _read_csv("provinces.csv")
    ]
    by_province = {p.code: p for p in province_list}
    pemda_list = [
        Pemda(code=p.code, name=p.name, kind=PemdaKind.PROVINSI, province=p) for p in province_list
    ]
    pemda_list.extend(
        Pemda(
            code=row["code"],
            name=row["name"],
            kind=PemdaKind(row["kind"]),
            province=by_province[row["province_code"]],
        )
        for row in _read_csv("regencies.csv")
    )
    pemda_list.sort(key=lambda p: p.code)
    by_code = {p.code: p for p in pemda_list}

    former_codes: dict[str, Pemda] = {}
    provinces_of: dict[str, set[str]] = {p.code: {p.province.code} for p in pemda_list}
    changes: dict[str, set[int]] = {}
    for row in _read_csv("former_codes.csv"):
        current = by_code[row["new_code"]]
        former_codes[row["old_code"]] = current
        provinces_of[current.code].add(row["old_code"][:2])
        for code in (row["old_code"][:2], current.province.code):
            changes.setdefault(code, set()).add(int(row["moved_in"]))

    names: dict[str, dict[str, PemdaKind | None]] = {}
    for p in pemda_list:
        _add_name(names, _names.key(p.name), p.code, None)
    for prov in province_list:
        for alias in (prov.abbreviation, prov.iso_3166_2):
            if alias is not None:
                _add_name(names, _names.key(alias), prov.code, None)
    for filename in ("name_variants.csv", "extra_name_variants.csv"):
        for row in _read_csv(filename):
            _add_variant(names, row["variant"], by_code[row["canonical_code"]])

    province_keys = tuple(
        k for k, entries in names.items() if any(len(code) == 2 for code in entries)
    )
    return _Index(
        provinces=tuple(province_list),
        pemdas=tuple(pemda_list),
        by_code=by_code,
        former_codes=former_codes,
        names=names,
        provinces_of={code: frozenset(s) for code, s in provinces_of.items()},
        province_keys=province_keys,
        regencies_in=_regencies_per_province(province_list, pemda_list),
        boundary_changes={code: frozenset(years) for code, years in changes.items()},
    )


_index: Final = Once(_build_index)  # once per process, on first use


class _Filter(NamedTuple):
    """What a match must satisfy besides its name."""

    level: str
    kind: PemdaKind | None
    province_code: str | None

    def admits(self, index: _Index, candidate: Pemda) -> bool:
        if self.level == _PROVINCE_LEVEL and candidate.kind is not PemdaKind.PROVINSI:
            return False
        if self.kind is not None and candidate.kind is not self.kind:
            return False
        return (
            self.province_code is None or self.province_code in index.provinces_of[candidate.code]
        )


def _by_key(index: _Index, key: str, prefix_kind: PemdaKind | None) -> list[Pemda]:
    """The Pemda a name key reaches when written with ``prefix_kind`` (or none)."""
    found: list[Pemda] = []
    for code, needs in index.names.get(key, {}).items():
        candidate = index.by_code[code]
        if needs is not None and needs is not prefix_kind:
            continue
        if prefix_kind is not None and candidate.kind is not prefix_kind:
            continue
        found.append(candidate)
    return found


def _name_matches(index: _Index, text: str) -> tuple[list[Pemda], _names.Parsed]:
    """Every Pemda the text names, before the caller's filters."""
    parsed = _names.parse(text)
    found = _by_key(index, parsed.key, parsed.kind)
    for fallback in parsed.fallback_keys:
        if found:
            break
        found = _by_key(index, fallback, None)
    return found, parsed


def _code_match(index: _Index, code_text: str) -> Pemda | None:
    match = _CODE.fullmatch(code_text)
    if match is None:
        return None
    code = match.group(1) if match.group(2) is None else f"{match.group(1)}.{match.group(2)}"
    return index.by_code.get(code) or index.former_codes.get(code)


def _full_name(candidate: Pemda, level: str) -> str:
    return str(candidate.province) if level == _PROVINCE_LEVEL else candidate.full_name


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))[:_MAX_SUGGESTIONS]


def _close_matches(index: _Index, parsed: _names.Parsed, flt: _Filter) -> tuple[str, ...]:
    import difflib

    universe = index.province_keys if flt.level == _PROVINCE_LEVEL else tuple(index.names)
    lookup_key = parsed.key or (parsed.fallback_keys[-1] if parsed.fallback_keys else "")
    if not lookup_key or len(lookup_key) > _LONGEST_KEY:
        return ()
    keys = difflib.get_close_matches(
        lookup_key, universe, n=2 * _MAX_SUGGESTIONS, cutoff=_SUGGESTION_CUTOFF
    )
    candidates = [index.by_code[code] for k in keys for code in index.names[k]]
    if flt.level == _PROVINCE_LEVEL:
        candidates = [c for c in candidates if c.kind is PemdaKind.PROVINSI]
    narrowed = [c for c in candidates if flt.admits(index, c)]
    if parsed.kind is not None:
        narrowed = [c for c in narrowed if c.kind is parsed.kind] or narrowed
    return _unique(_full_name(c, flt.level) for c in (narrowed or candidates))


# Successful lookups, by query text and filter: reading a table resolves the same few
# hundred names over and over. Only successes are kept (an error is rebuilt, with its
# suggestions, every time), and the memo is emptied when it reaches _MEMO_LIMIT entries, so
# it stays small whatever the input.
_MEMO_LIMIT: Final = 4096
# An int is never a lookup key, but one that reads as a code (7413) suggests its text form;
# larger ones are not turned into text (a huge int cannot be).
_CODE_LIMIT: Final = 10**6
_memo: dict[tuple[str, _Filter], Pemda] = {}


def _resolve(query: object, flt: _Filter) -> Pemda:
    """Find the one Pemda ``query`` names within the filter, or raise."""
    text = exact_text(query)
    if text is None:
        _reject_not_text(query, flt)
    key = (text, flt)
    found = _memo.get(key)
    if found is None:
        found = _lookup(text, flt)
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[key] = found
    return found


def _reject_not_text(query: object, flt: _Filter) -> NoReturn:
    """Raise :class:`UnknownRegionError` for a query that is not text."""
    hint: tuple[str, ...] = ()
    if isinstance(query, int) and not isinstance(query, bool):
        number = int.__index__(query)  # the int's value, whatever a subclass overrides
        if 0 <= number < _CODE_LIMIT:
            try:
                _resolve(str(number), flt)
                hint = (str(number),)
            except (UnknownRegionError, AmbiguousNameError):
                hint = ()
    raise UnknownRegionError(query, flt.level, hint)


def _lookup(query: str, flt: _Filter) -> Pemda:
    """Find the one Pemda the text ``query`` names within the filter, or raise (no memo)."""
    index = _index()
    text = query.strip()
    by_code = _code_match(index, text)
    parsed: _names.Parsed | None = None
    if by_code is not None:
        found = [by_code]
    else:
        found, parsed = _name_matches(index, text)
    admitted = sorted((c for c in found if flt.admits(index, c)), key=lambda c: c.code)
    if len(admitted) == 1:
        return admitted[0]
    if admitted:
        raise AmbiguousNameError(query, [c.full_name for c in admitted])
    if not found and parsed is not None:
        # "Kota Kotabaru": the name is known, but its prefix names another level.
        found = [index.by_code[code] for code in index.names.get(parsed.key, {})]
    if found:
        # The name is known, but not at this level, of this kind or in this province.
        raise UnknownRegionError(query, flt.level, _unique(_full_name(c, flt.level) for c in found))
    suggestions = () if parsed is None else _close_matches(index, parsed, flt)
    raise UnknownRegionError(query, flt.level, suggestions)


def _kind_argument(kind: object) -> PemdaKind | None:
    if kind is None:
        return None
    return enum_member(PemdaKind, kind, argument="kind", expected=_KIND_EXPECTED)


def _province_argument(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Province):
        known = _index().by_code.get(value.code)
        if known is None:
            raise UnknownRegionError(value.code, _PROVINCE_LEVEL)
        return known.code
    if isinstance(value, str):
        return _resolve(value, _Filter(_PROVINCE_LEVEL, None, None)).code
    raise InvalidArgumentError("province", value, _PROVINCE_EXPECTED)


def province(query: str, /) -> Province:
    """Return the province a name, abbreviation or code stands for.

    Accepts the 2-digit Kemendagri code, the name (``"Sulawesi Tenggara"``), the usual
    abbreviation (``"Sultra"``), the ISO 3166-2 code (``"ID-SG"``), any known variant, with or
    without ``Provinsi``/``Pemprov``.

    Raises:
        UnknownRegionError: the text names no province (close matches are suggested; a
            kabupaten or kota suggests its province), or is not text.

    >>> p = province("Sultra")
    >>> p.code, p.name, p.iso_3166_2, p.abbreviation
    ('74', 'Sulawesi Tenggara', 'ID-SG', 'Sultra')
    >>> province("Pemprov Sumut").name
    'Sumatera Utara'
    >>> province("Yogyakarta").name
    'Daerah Istimewa Yogyakarta'
    >>> province("Kota Serang")
    Traceback (most recent call last):
    ...
    opinipp.errors.UnknownRegionError: unknown province 'Kota Serang': ...;
    did you mean 'Provinsi Banten'?
    """
    return _resolve(query, _Filter(_PROVINCE_LEVEL, None, None)).province


def pemda(
    query: str,
    /,
    *,
    kind: PemdaKind | str | None = None,
    province: Province | str | None = None,
) -> Pemda:
    """Return the local government (provinsi, kabupaten or kota) a name or code stands for.

    Args:
        query: a Kemendagri code (``"74.13"``, ``"7413"``, ``"74"`` for the provincial
            government, or a former Papua code such as ``"91.01"``) or a name with or without
            its prefix (``"Kab. Muna Barat"``, ``"Pemkot Bau-Bau"``, ``"Pemprov Sultra"``).
        kind: keep only Pemda of this kind; settles names such as ``"Serang"``.
        province: keep only Pemda that are, or under a former code were, in this province
            (a :class:`~opinipp.entities.Province`, or anything :func:`province` accepts).

    Raises:
        AmbiguousNameError: several Pemda fit; ``candidates`` lists their full names.
        UnknownRegionError: none fits, or the query is not text; ``suggestions`` lists close
            matches, or the Pemda of that name that the ``kind``/``province`` filters left out.
        InvalidArgumentError: ``kind`` or ``province`` is not one of the accepted types.

    >>> pemda("Kab. Muna Barat").code
    '74.13'
    >>> str(pemda("Serang", kind=PemdaKind.KOTA)), str(pemda("Banjar", province="Kalsel"))
    ('Kota Serang', 'Kabupaten Banjar')
    >>> str(pemda("Pemprov Sultra")), pemda("74").kind.value
    ('Provinsi Sulawesi Tenggara', 'provinsi')
    >>> str(pemda("Kota Baru")), str(pemda("91.01")), pemda("91.01").code
    ('Kabupaten Kotabaru', 'Kabupaten Merauke', '93.01')
    >>> pemda("Gorontalo")
    Traceback (most recent call last):
    ...
    opinipp.errors.AmbiguousNameError: ambiguous name 'Gorontalo':
    it could be Provinsi Gorontalo or Kabupaten Gorontalo or Kota Gorontalo; ...
    >>> pemda("Muna Barta")
    Traceback (most recent call last):
    ...
    opinipp.errors.UnknownRegionError: unknown pemda 'Muna Barta': ...;
    did you mean 'Kabupaten Muna Barat'?
    """
    flt = _Filter(_PEMDA_LEVEL, _kind_argument(kind), _province_argument(province))
    return _resolve(query, flt)


def provinces() -> tuple[Province, ...]:
    """Return the 38 provinces in Kemendagri code order.

    >>> ps = provinces()
    >>> len(ps), str(ps[0]), str(ps[-1])
    (38, 'Provinsi Aceh', 'Provinsi Papua Barat Daya')
    """
    return _index().provinces


def pemdas(
    *, province: Province | str | None = None, kind: PemdaKind | str | None = None
) -> tuple[Pemda, ...]:
    """Return the Pemda in Kemendagri code order, optionally of one province and/or kind.

    Provincial governments are included, with kind ``provinsi`` and the province code; each
    comes before its province's kabupaten and kota. ``province`` selects by the current
    province only.

    Raises:
        UnknownRegionError: ``province`` names no province.
        InvalidArgumentError: ``kind`` or ``province`` is not one of the accepted types.

    >>> len(pemdas()), len(pemdas(kind=PemdaKind.KABUPATEN)), len(pemdas(kind="kota"))
    (552, 416, 98)
    >>> [str(p) for p in pemdas(province="Gorontalo")][:3]
    ['Provinsi Gorontalo', 'Kabupaten Gorontalo', 'Kabupaten Boalemo']
    """
    kind_filter = _kind_argument(kind)
    province_code = _province_argument(province)
    return tuple(
        p
        for p in _index().pemdas
        if (kind_filter is None or p.kind is kind_filter)
        and (province_code is None or p.province.code == province_code)
    )


def provincial_government(province: Province | str, /) -> Pemda:
    """Return the Pemda of kind ``provinsi`` of a province (its provincial government).

    Raises:
        UnknownRegionError: the argument names no province.
        InvalidArgumentError: the argument is neither a Province nor text.

    >>> gov = provincial_government("Sultra")
    >>> gov.code, gov.kind.value, str(gov)
    ('74', 'provinsi', 'Provinsi Sulawesi Tenggara')
    """
    code = _province_argument(province)
    if code is None:
        raise InvalidArgumentError("province", province, "a Province, or a province name or code")
    return _index().by_code[code]


# The region table holds today's boundaries, which held from this year on except where
# ``former_codes.csv`` records a later move; regencies were still being created in 2014.
_FIRST_YEAR_OF_THE_TABLE: Final = 2015


def regency_count(province: Province | str, year: int, /) -> int | None:
    """Return how many kabupaten and kota ``province`` had in ``year``, or ``None`` (unknown).

    The count comes from the region table (today's boundaries, Kepmendagri
    300.2.2-2138/2025) and its record of regencies that changed province
    (``former_codes.csv``: the 2022 Papua split into Papua, Papua Selatan, Papua Tengah,
    Papua Pegunungan and Papua Barat Daya). A province is counted from the year after its
    last change; for that year and earlier the count is ``None``, because rankings and
    lookups here use today's provinces. Years before 2015 are ``None`` too (regencies were
    still being created in 2013–2014).

    Raises:
        UnknownRegionError: ``province`` names no province.
        InvalidArgumentError: ``province`` or ``year`` is not one of the accepted types.

    >>> regency_count("Bengkulu", 2023), regency_count("Sumut", 2022)
    (10, 33)
    >>> regency_count("Papua Tengah", 2022), regency_count("Papua Tengah", 2023)
    (None, 8)
    >>> regency_count("Papua", 2021), regency_count("Sultra", 2014)
    (None, None)
    """
    code = _province_argument(province)
    if code is None:
        raise InvalidArgumentError("province", province, "a Province, or a province name or code")
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidArgumentError("year", year, "a year such as 2023")
    year = int.__index__(year)  # the int's value, whatever a subclass overrides
    index = _index()
    changed = index.boundary_changes.get(code, frozenset())
    if year < _FIRST_YEAR_OF_THE_TABLE or any(year <= moved for moved in changed):
        return None
    return index.regencies_in[code]


def __dir__() -> list[str]:
    return list(__all__)
