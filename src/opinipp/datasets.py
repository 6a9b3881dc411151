"""The bundled real results: scores and labels as sources published them, with an audit.

:func:`published_results` returns the rows of ``opinipp/data/published_results.csv`` (see
``published_results.md`` beside it) as :class:`~opinipp.assessments.Assessment` objects,
2018–2025: provinsi, kabupaten, kota, their units, ministries and agencies. Every value was
copied from a public report of an Ombudsman RI result (regional news, local-government
sites, ombudsman.go.id regional pages); each row keeps its ``source`` URL. The official
result decrees were not available, so nothing here is checked against the primary tables.

How the rows become assessments: the file is read by
:func:`opinipp.serialization.read_csv` like any user file, so
``read_csv(path_of_the_bundled_file) == published_results()``. In particular:

- names are resolved through :mod:`opinipp.regions`; a unit (OPD, Puskesmas, RSUD) is
  written with its own name and its parent Pemda in ``parent_pemda``, and prints as
  ``"DPMPTSP Kota Tangerang"``;
- the zone, category, opinion, ranks and note stay exactly as printed, in a
  :class:`~opinipp.assessments.PublishedResult`; nothing is derived from the score;
- a blank score is ``None`` (the source gave only a label);
- in 2025, the ``tanpa_maladministrasi`` column is ``true`` when the published opinion says
  "Tanpa Maladministrasi", and blank (unknown) otherwise: a missing qualifier in a news
  report does not prove that the entity lacked it.

:func:`check_unit_means` compares each published Pemda score with the mean of its bundled
units.

:func:`references` lists the sources cited across opinipp (rule tables, year facts,
messages, docs) by key: ``[R6]`` is ``reference("R6")``.

:func:`audit` lists where the published labels disagree with
:func:`~opinipp.zoning.classify`, marking the documented anomalies.

>>> from opinipp.datasets import published_results
>>> mubar = [a for a in published_results() if str(a.entity) == "Kabupaten Muna Barat"]
>>> [(a.year, str(a.score), a.published.zone) for a in mubar if a.year in (2021, 2022, 2023)]
[(2021, '34.19', 'merah'), (2022, '69.17', 'kuning'), (2023, '81.84', 'hijau')]
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from opinipp._checks import exact_text, find_member
from opinipp._once import Once
from opinipp.errors import InvalidArgumentError
from opinipp.rules import Category, RuleSet, Zone, rule_sets, rules_for
from opinipp.rules._types import level_word
from opinipp.scores import Score

if TYPE_CHECKING:
    from collections.abc import Iterable

    from opinipp.assessments import Assessment
    from opinipp.zoning import Grade

__all__ = [
    "Disagreement",
    "Reference",
    "UnitMeanCheck",
    "audit",
    "check_unit_means",
    "published_results",
    "reference",
    "references",
]

_FILE: Final = "published_results.csv"


def _read(filename: str) -> tuple[Assessment, ...]:
    # Imported on first use so that `import opinipp` stays light.
    from importlib import resources

    from opinipp.serialization._csv import read_csv_stream

    text = (resources.files("opinipp") / "data" / filename).read_text(encoding="utf-8")
    return read_csv_stream(io.StringIO(text), filename, "raise")


def _read_all() -> tuple[Assessment, ...]:
    return _read(_FILE)


def _names_qualifier(rule_set: RuleSet, text: str) -> bool:
    """Whether ``text`` carries the rule set's qualifier ("Tanpa Maladministrasi")."""
    qualifier = rule_set.qualifier
    return qualifier is not None and level_word(qualifier) in level_word(text)


_published: Final = Once(_read_all)


def published_results() -> tuple[Assessment, ...]:
    """Return the bundled published results, in file order (read once, on first use).

    >>> results = published_results()
    >>> len(results), sorted({a.year for a in results})
    (683, [2018, 2019, 2021, 2022, 2023, 2024, 2025])
    >>> gorut = next(
    ...     a for a in results if str(a.entity) == "Kabupaten Gorontalo Utara" and a.year == 2023
    ... )
    >>> str(gorut.score), gorut.published.zone, gorut.published.category
    ('76.24', 'zona hijau', 'D')
    >>> sula = next(a for a in results if a.year == 2025 and a.entity.name == "Kepulauan Sula")
    >>> sula.tanpa_maladministrasi, sula.grade.opinion
    (True, 'Kualitas Sedang Tanpa Maladministrasi')
    """
    return _published()


# ---------------------------------------------------------------------------------------
# The audit.

Field = Literal["zone", "category", "opinion"]

# Known anomalies: (year, entity as printed by str(), field) -> explanation. From
# published_results.md ("Known anomalies"), the year's band sources and the rows' own notes.
_KNOWN_ANOMALIES: Final[dict[tuple[int, str, str], str]] = {
    (2018, "Provinsi Banten", "zone"): (
        "80.74 published as zona hijau in a 2022 article looking back; the 2016–2021 bands "
        "start hijau at 81.00, so 80.74 is kuning (published_results.md; [R17][R141][R142])"
    ),
    (2018, "Provinsi Banten", "opinion"): (
        "80.74 called 'predikat tinggi' along with the same hijau claim; the bands give "
        "Kepatuhan Sedang (published_results.md)"
    ),
    (2022, "Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)", "category"): (
        "89.11 published as category B; the 2022 bands put A at 88.00 (published_results.md; "
        "[R31][R47][R60][R70])"
    ),
    (2022, "Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)", "opinion"): (
        "89.11 published as 'opini kualitas tinggi', the opinion of category B; 89.11 is A, "
        "Kualitas Tertinggi (published_results.md)"
    ),
    (2023, "Kabupaten Gorontalo Utara", "zone"): (
        "76.24 quoted as 'zona hijau meskipun hanya berkategori D'; 76.24 is C, kuning, and "
        "D is never hijau (published_results.md; [R31][R47][R60][R70])"
    ),
    (2023, "Kabupaten Gorontalo Utara", "category"): (
        "76.24 quoted as category D; the 2022–2024 bands make 54.00–77.99 category C "
        "(published_results.md; [R31][R47][R60][R70])"
    ),
    (2023, "Kabupaten Bolaang Mongondow", "opinion"): (
        "97.5 described as 'Kualitas Tinggi'; 97.50 is A, Kualitas Tertinggi (the row's note; "
        "a slip like Simalungun 2023, [R46])"
    ),
    (2025, "Kota Ambon", "zone"): (
        "'Zona Hijau' in 2025, a year without zones; the article carries the old wording over "
        "([R2][R89][R94])"
    ),
    (2025, "Dinas Sosial Kota Ambon", "opinion"): (
        "75.16 labelled 'kualitas tinggi' by the source; the inferred 2025 cut at 78.00 gives "
        "Kualitas Sedang (the row's note; [R2][R89][R94])"
    ),
}

_ZONE_WORDS: Final[dict[str, Zone]] = {
    word: zone for zone in Zone for word in (zone.value, zone.english)
}
_ZONE_FILLERS: Final = frozenset({"zona", "zonasi", "zone"})
_CATEGORY_FILLERS: Final = frozenset({"kategori", "category"})
_BANDS: Final = tuple(b for rs in rule_sets() for b in rs.bands)
# The level words of every band's labels, longest first ("sangat baik" before "baik").
_LEVELS: Final = tuple(
    sorted(dict.fromkeys(w for b in _BANDS for w in b.levels), key=lambda w: -len(w.split()))
)
_QUALITY_LEVELS: Final = frozenset(b.quality_level for b in _BANDS if b.quality_level)
_WORDS: Final = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def _published_zone(text: str) -> Zone | None:
    """The zone a published phrase names, or ``None`` when it names none or several.

    >>> _published_zone("Zonasi Kuning"), _published_zone("red zone"), _published_zone("abu")
    (<Zone.KUNING: 'kuning'>, <Zone.MERAH: 'merah'>, None)
    """
    words = [w for w in _words(text) if w not in _ZONE_FILLERS]
    zones = {_ZONE_WORDS.get(w) for w in words}
    return zones.pop() if len(zones) == 1 and None not in zones else None


def _published_category(text: str) -> Category | None:
    words = [w for w in _words(text) if w not in _CATEGORY_FILLERS]
    return find_member(Category, words[0]) if len(words) == 1 else None


def _level(text: str) -> str | None:
    """The level word of an opinion, predikat or quality label.

    >>> (
    ...     _level("predikat kepatuhan tinggi"),
    ...     _level("Opini Kualitas Tertinggi Tanpa Maladministrasi"),
    ... )
    ('tinggi', 'tertinggi')
    >>> _level("Sangat Baik"), _level("buruk")
    ('sangat baik', None)
    """
    joined = " ".join(_words(text))
    for level in _LEVELS:
        if re.search(rf"\b{level}\b", joined):
            return level
    return None


_FIELDS: Final = ("zone", "category", "opinion")


def _plain(value: Any) -> Any:  # noqa: ANN401 - an attrs converter of any input
    """Text as a plain ``str`` (a ``str`` subclass gives its real text); anything else as is."""
    text = exact_text(value)
    return value if text is None else text


def _check_assessment(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    from opinipp.assessments import Assessment

    if not isinstance(value, Assessment):
        raise InvalidArgumentError(attribute.name, value, "an Assessment")


def _check_field(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or value not in _FIELDS:
        raise InvalidArgumentError(attribute.name, value, "'zone', 'category' or 'opinion'")


def _check_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidArgumentError(attribute.name, value, "non-empty text")


def _check_optional_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_text(_, attribute, value)


@attrs.frozen
class Disagreement:
    """A published label that differs from what the rules compute for the published score.

    ``field`` is ``"zone"``, ``"category"`` or ``"opinion"`` (the opinion, predikat or 2025
    quality word); ``published`` the text as printed; ``computed`` the rules' label
    (``None`` when the year has no such label, such as zones in 2025); ``known_anomaly``
    the documented explanation, or ``None`` for a disagreement nobody has explained.

    >>> d = next(d for d in audit() if d.assessment.year == 2018)
    >>> str(d)
    "Provinsi Banten 2018, score 80.74: zone 'zona hijau' published, the rules give 'kuning'
     (known anomaly)"
    """

    assessment: Assessment = attrs.field(validator=_check_assessment)
    field: Field = attrs.field(converter=_plain, validator=_check_field)
    published: str = attrs.field(converter=_plain, validator=_check_text)
    computed: str | None = attrs.field(converter=_plain, validator=_check_optional_text)
    known_anomaly: str | None = attrs.field(
        default=None, converter=_plain, validator=_check_optional_text
    )

    def __str__(self) -> str:
        a = self.assessment
        rules = "no such label" if self.computed is None else repr(self.computed)
        known = " (known anomaly)" if self.known_anomaly is not None else ""
        return (
            f"{a.entity} {a.year}, score {a.score}: {self.field} {self.published!r} "
            f"published, the rules give {rules}{known}"
        )


def _disagreement(
    a: Assessment, field: Field, published: str, computed: str | None
) -> Disagreement:
    known = _KNOWN_ANOMALIES.get((a.year, str(a.entity), field))
    return Disagreement(a, field, published, computed, known)


def _opinion_disagrees(grade: Grade, text: str, tanpa: bool | None) -> tuple[bool, str | None]:
    """``(disagrees, computed label)`` for a published opinion, predikat or quality word."""
    level = _level(text)
    band = grade.band
    if level in _QUALITY_LEVELS and band.quality is not None:
        computed: str | None = band.quality
    else:
        computed = grade.opinion or band.predikat or band.quality
    disagrees = level is None or level not in band.levels
    if grade.rule_set.has_tanpa_maladministrasi and level not in _QUALITY_LEVELS:
        disagrees = disagrees or (_names_qualifier(grade.rule_set, text) != bool(tanpa))
    return disagrees, computed


def _disagreements(a: Assessment) -> Iterable[Disagreement]:
    published = a.published
    if published is None or a.score is None:
        return
    grade = a.grade
    if published.zone is not None:
        computed_zone = None if grade.zone is None else grade.zone.value
        if _published_zone(published.zone) is not grade.zone or grade.zone is None:
            yield _disagreement(a, "zone", published.zone, computed_zone)
    if published.category is not None:
        computed_category = None if grade.category is None else grade.category.value
        if _published_category(published.category) is not grade.category or not computed_category:
            yield _disagreement(a, "category", published.category, computed_category)
    if published.opinion is not None:
        disagrees, computed = _opinion_disagrees(grade, published.opinion, a.tanpa_maladministrasi)
        if disagrees:
            yield _disagreement(a, "opinion", published.opinion, computed)


def audit(assessments: Iterable[Assessment] | None = None, /) -> tuple[Disagreement, ...]:
    """List where published labels disagree with :func:`~opinipp.zoning.classify`.

    Looks at every assessment with a score and a :class:`~opinipp.assessments.PublishedResult`
    (by default :func:`published_results`) and compares, after normalising the wording:

    - the zone: ``"zona hijau"``, ``"Zona Hijau"``, ``"hijau"``, ``"zonasi kuning"``,
      ``"green zone"``, ``"red zone"`` … (any case); a zone printed for a year without zones
      (2025) disagrees;
    - the category letter (``"B"``, ``"kategori B"``);
    - the opinion, predikat or quality word by its level (``"predikat kepatuhan tinggi"``
      and ``"Kepatuhan Tinggi"`` agree; ``"opini kualitas tinggi"`` and ``"Kualitas
      Tertinggi"`` do not), and in 2025 the "Tanpa Maladministrasi" qualifier.

    A label that is absent is not compared; one that cannot be read (``"buruk"``) is listed.
    Documented anomalies carry their explanation in ``known_anomaly``.

    >>> found = {(str(d.assessment.entity), d.assessment.year, d.field) for d in audit()}
    >>> {
    ...     ("Provinsi Banten", 2018, "zone"),
    ...     ("Puskesmas Kecamatan Kembangan (Kota Jakarta Barat)", 2022, "category"),
    ...     ("Kabupaten Gorontalo Utara", 2023, "zone"),
    ... } <= found
    True
    >>> all(d.known_anomaly for d in audit())
    True
    """
    if assessments is None:
        items: Iterable[Assessment] = published_results()
    else:
        from opinipp.serialization._records import assessment_list

        items = assessment_list(assessments)
    return tuple(d for a in items for d in _disagreements(a))


# ---------------------------------------------------------------------------------------
# Pemda scores against the mean of their units.

UnitMeanStatus = Literal["agrees", "disagrees", "units incomplete"]
_STATUSES: Final = ("agrees", "disagrees", "units incomplete")


def _check_units(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    from opinipp.assessments import Assessment

    if not isinstance(value, tuple) or not all(isinstance(u, Assessment) for u in value):
        raise InvalidArgumentError(attribute.name, value, "a tuple of Assessment")


def _check_status(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or value not in _STATUSES:
        raise InvalidArgumentError(
            attribute.name, value, "'agrees', 'disagrees' or 'units incomplete'"
        )


def _check_optional(kind: type, expected: str) -> Any:  # noqa: ANN401 - an attrs validator
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise InvalidArgumentError(attribute.name, value, expected)

    return check


def _plain_decimal(value: Any) -> Any:  # noqa: ANN401 - an attrs converter of any input
    """A Decimal subclass as a plain Decimal of its value (its own methods never run)."""
    return Decimal(value) if isinstance(value, Decimal) else value


def _check_difference(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, Decimal) and value.is_finite()):
        raise InvalidArgumentError(attribute.name, value, "None or a finite Decimal")


@attrs.frozen
class UnitMeanCheck:
    """A published Pemda score compared with the mean of its units in the same data.

    ``status`` is ``"agrees"`` (the mean of the units, rounded half-up to two decimals,
    equals the published score), ``"disagrees"`` (``difference`` is the mean minus the
    published score; a unit left out of the data is the usual cause) or ``"units
    incomplete"`` (some units have no score, so there is no mean to compare; ``mean`` and
    ``difference`` are ``None``). ``units`` are the unit assessments found.

    >>> batang = next(c for c in check_unit_means() if c.pemda.entity.name == "Batang")
    >>> str(batang)
    'Kabupaten Batang 2024: published 93.74, mean of 6 units 93.70 (disagrees by -0.04)'
    """

    pemda: Assessment = attrs.field(validator=_check_assessment)
    units: tuple[Assessment, ...] = attrs.field(validator=_check_units)
    mean: Score | None = attrs.field(validator=_check_optional(Score, "None or a Score"))
    status: UnitMeanStatus = attrs.field(converter=_plain, validator=_check_status)
    difference: Decimal | None = attrs.field(converter=_plain_decimal, validator=_check_difference)

    def __attrs_post_init__(self) -> None:
        difference = self.difference
        if (self.mean is None) != (difference is None):
            raise InvalidArgumentError("difference", difference, "None exactly when mean is None")
        if difference is None:
            expected = "units incomplete"
        else:
            expected = "agrees" if difference == 0 else "disagrees"
        if self.status != expected:
            raise InvalidArgumentError(
                "status", self.status, f"{expected!r} for this mean and difference"
            )

    def __str__(self) -> str:
        a = self.pemda
        head = f"{a.entity} {a.year}: published {a.score}"
        if self.mean is None:
            scored = sum(u.score is not None for u in self.units)
            return f"{head}, {scored} of {len(self.units)} units scored (units incomplete)"
        tail = "agrees" if self.difference == 0 else f"disagrees by {self.difference:+}"
        return f"{head}, mean of {len(self.units)} units {self.mean} ({tail})"


def check_unit_means(
    assessments: Iterable[Assessment] | None = None, /
) -> tuple[UnitMeanCheck, ...]:
    """Compare every published Pemda score with the mean of its units in the same data.

    Looks at the years in which a Pemda's score is the mean of its units (2022 on, see
    :func:`~opinipp.zoning.pemda_score`) and at each Pemda with a score and at least one
    unit (OPD, Puskesmas, RSUD) of the same year among ``assessments`` (by default
    :func:`published_results`). The number of units the Ombudsman assessed per Pemda is not
    published, so a disagreement may mean a unit is missing from the data.

    >>> checks = check_unit_means()
    >>> sorted(f"{c.pemda.entity} {c.pemda.year}" for c in checks if c.status == "agrees")
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Kabupaten Bolaang Mongondow 2025', 'Kabupaten Maluku Tenggara 2023', 'Kabupaten Muna
     2023', 'Kabupaten Rembang 2024', 'Kota Ambon 2025', 'Provinsi Gorontalo 2025']
    """
    from opinipp.entities import OPD, Pemda, Puskesmas, Rsud
    from opinipp.zoning import pemda_score

    if assessments is None:
        items: Iterable[Assessment] = published_results()
    else:
        from opinipp.serialization._records import assessment_list

        items = assessment_list(assessments)
    items = list(items)
    units: dict[tuple[int, str], list[Assessment]] = {}
    for a in items:
        if isinstance(a.entity, (OPD, Puskesmas, Rsud)):
            units.setdefault((a.year, a.entity.pemda.code), []).append(a)
    checks: list[UnitMeanCheck] = []
    for a in items:
        entity = a.entity
        if not isinstance(entity, Pemda) or a.score is None:
            continue
        found = units.get((a.year, entity.code))
        if not found or not rules_for(a.year).pemda_score_is_unit_mean:
            continue
        scores = [u.score for u in found]
        if None in scores:
            checks.append(UnitMeanCheck(a, tuple(found), None, "units incomplete", None))
            continue
        mean = pemda_score([s for s in scores if s is not None], a.year)
        difference = (mean.hundredths - a.score.hundredths) / Decimal(100)
        status: UnitMeanStatus = "agrees" if difference == 0 else "disagrees"
        checks.append(UnitMeanCheck(a, tuple(found), mean, status, difference))
    return tuple(checks)


# ---------------------------------------------------------------------------------------
# References.

_KEY: Final = re.compile(r"R[0-9]{1,4}")


def _check_key(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _KEY.fullmatch(value) is None:
        raise InvalidArgumentError(attribute.name, value, "a reference key such as 'R6'")


@attrs.frozen
class Reference:
    """A public source that opinipp cites as ``[key]``.

    ``url`` is the address as known (a few are known only in part and end in ``…``);
    ``title`` a short description of the page (the site and what the page is, not a quoted
    headline); ``supports`` the facts it is cited for.

    >>> r = reference("R6")
    >>> r.key, r.url.startswith("https://www.global-regulation.com/")
    ('R6', True)
    >>> str(r)  # doctest: +ELLIPSIS
    '[R6] global-regulation.com: regulation of the ombudsman ... number 17 by 2015 <https://...>'
    """

    key: str = attrs.field(converter=_plain, validator=_check_key)
    url: str = attrs.field(converter=_plain, validator=_check_text)
    title: str = attrs.field(converter=_plain, validator=_check_text)
    supports: str = attrs.field(converter=_plain, validator=_check_text)

    def __str__(self) -> str:
        return f"[{self.key}] {self.title} <{self.url}>"


def _read_references() -> dict[str, Reference]:
    import csv
    from importlib import resources

    text = (resources.files("opinipp") / "data" / "references.csv").read_text(encoding="utf-8")
    found: dict[str, Reference] = {}
    for row in csv.DictReader(io.StringIO(text)):
        ref = Reference(row["key"], row["url"], row["title"], row["supports"])
        if ref.key in found:
            raise InvalidArgumentError("references.csv", ref.key, "each key once")
        found[ref.key] = ref
    return found


_references: Final = Once(_read_references)


def references() -> tuple[Reference, ...]:
    """Return every cited source, in key order (read once, on first use).

    >>> refs = references()
    >>> refs[0].key, len(refs) > 100
    ('R1', True)
    """
    return tuple(_references().values())


def reference(key: str) -> Reference:
    """Return the source cited as ``[key]`` (``"R6"`` or ``"[R6]"``).

    >>> reference("[R94]").url  # doctest: +ELLIPSIS
    'https://www.nalarsulut.id/2026/03/bolmong-naik-kelas-pemkab-sabet-opini-tertinggi-...'
    >>> reference("R19")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid key 'R19': expected a key of the reference table
    (R1 … R144)
    """
    table = _references()
    text = exact_text(key)
    found = None
    if text is not None:
        found = table.get(text.strip().removeprefix("[").removesuffix("]"))
    if found is None:
        keys = list(table)
        raise InvalidArgumentError(
            "key", key, f"a key of the reference table ({keys[0]} … {keys[-1]})"
        )
    return found


def __dir__() -> list[str]:
    return list(__all__)
