"""The one record reader that CSV files, data frames and the bundled data share (internal).

A *record* is one row as ``field -> (column name, cell text)``. :func:`read_records` turns
records into assessments: it checks every cell, resolves names and codes through
:mod:`opinipp.regions`, builds each entity and each
:class:`~opinipp.assessments.Assessment` through its own constructor, and reports each bad
cell as a :class:`~opinipp.errors.RowError` naming its row and column. The CSV reader
(:func:`opinipp.serialization.read_csv`), :func:`opinipp.frames.from_pandas` and
:func:`opinipp.datasets.published_results` call it.

>>> record = {
...     "name": ("entity", "Muna Barat"),
...     "kind": ("kind", "kabupaten"),
...     "year": ("year", "2023"),
...     "score": ("score", "81,84"),
... }
>>> read_records([(2, record)], "example", errors="raise")[0].score
Score('81.84')
>>> read_records([(2, {**record, "year": ("year", "2020")})], "example", errors="raise")
Traceback (most recent call last):
...
opinipp.errors.RowError: row 2, column 'year': '2020': no assessment rules for year 2020: ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final, Literal, NoReturn, TypeAlias

from opinipp import regions
from opinipp._checks import as_list, exact_text, find_member
from opinipp._names import opd_kind_of
from opinipp.assessments import MAX_RANK, Assessment, PublishedResult
from opinipp.entities import (
    OPD,
    Entity,
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
    NotApplicableError,
    OpinippError,
    RowError,
    RulesNotAvailableError,
    UnknownRegionError,
)
from opinipp.rules import Dimension, rules_for
from opinipp.scores import MIN_SCORE, Score
from opinipp.zoning import classify

__all__ = [
    "DIMENSION_FIELDS",
    "PEMDA_CODE",
    "PEMDA_CODE_EXPECTED",
    "ErrorMode",
    "Record",
    "assessment_list",
    "check_classifiable",
    "check_error_mode",
    "check_known_region",
    "raise_group",
    "read_records",
]

ErrorMode = Literal["collect", "raise"]
"""How a reader reports bad rows: all at once (``"collect"``) or the first (``"raise"``)."""

Record: TypeAlias = Mapping[str, tuple[str, str]]
"""A row as ``field -> (column name, cell text)``; fields whose column is absent are left out.

The fields: ``year``, ``name``, ``kind``, ``parent``, ``province``, ``code``, ``opd_kind``,
``score``, ``tanpa_maladministrasi``, the :data:`DIMENSION_FIELDS`, the published labels and
ranks (``zone``, ``category``, ``opinion``, ``rank_national`` …, ``note``) and ``source``.
"""

DIMENSION_FIELDS: Final = tuple(f"dimension_{d.value}" for d in Dimension)
"""The record fields (and column names) of the four dimension scores."""

PEMDA_CODE: Final = re.compile(r"[0-9]{2}(?:\.[0-9]{2})?")
"""A Kemendagri code of a province (``74``) or a kabupaten/kota (``74.13``)."""

PEMDA_CODE_EXPECTED: Final = "a Kemendagri code such as '74' or '74.13'"

_UNIT_KINDS: Final = frozenset({EntityKind.OPD, EntityKind.PUSKESMAS, EntityKind.RSUD})
_RANK_FIELDS: Final = ("rank_national", "rank_national_of", "rank_province", "rank_province_of")
_LABEL_FIELDS: Final = ("zone", "category", "opinion")
_PUBLISHED_FIELDS: Final = frozenset((*_LABEL_FIELDS, *_RANK_FIELDS, "note"))
_DIMENSION_FIELD_SET: Final = frozenset(DIMENSION_FIELDS)
_TRUE: Final = frozenset({"true", "ya", "1"})
_FALSE: Final = frozenset({"false", "tidak", "0"})
_YEAR_TEXT: Final = re.compile(r"[0-9]{1,6}")
_RANK_TEXT: Final = re.compile(f"[0-9]{{1,{len(str(MAX_RANK))}}}")


def check_classifiable(year: int, score: Score | None, tanpa: bool | None) -> None:
    """Raise what :func:`~opinipp.zoning.classify` raises for what the year cannot have.

    That is a score above the year's scale (75.00 in 2015) or the "Tanpa Maladministrasi"
    qualifier outside 2025.

    >>> check_classifiable(2015, Score("80.00"), None)
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidScoreError: invalid score Score('80.00'): above 75.00, ...
    """
    classify(MIN_SCORE if score is None else score, year, tanpa_maladministrasi=tanpa)


def check_known_region(region: object, argument: str) -> None:
    """Refuse a Province or Pemda (or a unit's Pemda) that the readers would not read back.

    The readers resolve a code (and name) through :mod:`opinipp.regions`, so a writer checks
    that the code names this very region: a hand-built ``Pemda(code="99.01", …)`` or a
    renamed one raises :class:`~opinipp.errors.InvalidArgumentError` for ``argument``.

    >>> import attrs
    >>> check_known_region(attrs.evolve(regions.pemda("74.13"), name="Muna Barat (baru)"), "x")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid x Pemda(...): expected the Kemendagri region
    of code 74.13, Kabupaten Muna Barat (with its name and province), as opinipp's readers ...
    """
    found: object
    if not isinstance(region, Province):
        pemda = region if isinstance(region, Pemda) else getattr(region, "pemda", None)
        if not isinstance(pemda, Pemda):
            return
        region = pemda
    code = region.code
    try:
        found = regions.province(code) if isinstance(region, Province) else regions.pemda(code)
    except (UnknownRegionError, AmbiguousNameError):
        found = None
    if _fields(found) != _fields(region):
        known = "no region has it" if found is None else str(found)
        raise InvalidArgumentError(
            argument,
            region,
            f"the Kemendagri region of code {code}, {known} (with its name and province), "
            "as opinipp's readers resolve it",
        )


def _fields(region: object) -> tuple[object, ...]:
    """What a reader must get back (equality of regions is by code alone)."""
    if isinstance(region, Pemda):
        return (region.code, region.name, region.kind, *_fields(region.province))
    if isinstance(region, Province):
        return (region.code, region.name)
    return ()


def check_error_mode(errors: object) -> ErrorMode:
    """Return ``errors`` as an :data:`ErrorMode`, or raise InvalidArgumentError.

    >>> check_error_mode("raise")
    'raise'
    """
    text = exact_text(errors)
    if text == "collect":
        return "collect"
    if text == "raise":
        return "raise"
    raise InvalidArgumentError("errors", errors, "'collect' or 'raise'")


def assessment_list(assessments: object, argument: str = "assessments") -> list[Assessment]:
    """The items of an iterable of assessments, checked (a single Assessment is rejected).

    >>> assessment_list("x")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidArgumentError: invalid assessments 'x': expected an iterable of ...
    """
    expected = "an iterable of Assessment objects"
    if isinstance(assessments, Assessment):
        raise InvalidArgumentError(argument, assessments, expected)
    items = as_list(assessments, argument, expected)
    for item in items:
        if not isinstance(item, Assessment):
            raise InvalidArgumentError(argument, item, "Assessment objects only")
    return items


def raise_group(problems: list[RowError], source_name: str) -> NoReturn:
    """Raise the problems of a source as one :class:`~opinipp.errors.InvalidDataError`.

    >>> raise_group([RowError(3, "score", "x", "not a number")], "a.csv")
    Traceback (most recent call last):
    ...
    opinipp.errors.InvalidDataError: 1 problem(s) in 1 row(s) of a.csv (1 sub-exception)
    """
    rows = len({p.row for p in problems})
    raise InvalidDataError(
        f"{len(problems)} problem(s) in {rows} row(s) of {source_name}", problems
    )


class _BadCellError(Exception):
    """Internal: one cell could not be read (turned into a RowError by the caller)."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.value = value
        self.reason = reason


class _Seen:
    """What one read has already built: the same few hundred cells come back on every row.

    Only values that passed their checks are kept (a bad cell is checked, and reported, on
    each of its rows); they are immutable, so sharing them between rows is safe.
    """

    def __init__(self) -> None:
        self.scores: dict[str, Score] = {}
        self.years: dict[str, int] = {}
        self.provinces: dict[str, Province] = {}
        self.kinds: dict[str, EntityKind] = {}
        self.in_scale: set[tuple[int, int]] = set()
        """(year, hundredths) of the scores already checked against the year's scale."""
        self.pemda_by_name: dict[tuple[str, PemdaKind | None, Province | None], Pemda] = {}
        self.opd_kinds: dict[str, OPDKind] = {}
        """The OPD kind read from each unit name (the same few names recur in every Pemda)."""


class _RowReader:
    """Reads records into Assessments, collecting a RowError per bad cell of the current one."""

    def __init__(self, *, strip_parent_suffix: bool) -> None:
        self.strip_parent_suffix = strip_parent_suffix
        self.seen = _Seen()
        self.record: Record = {}
        self.row = 0
        self.errors: list[RowError] = []
        self.texts: dict[str, str] = {}
        """The non-blank cells of the current record, by field."""

    def start(self, record: Record, row: int) -> None:
        """Make ``record`` (at ``row``) the current record."""
        self.record = record
        self.row = row
        self.errors = []
        self.texts = {field: cell for field, (_, cell) in record.items() if cell.strip()}

    def column(self, field: str) -> str:
        entry = self.record.get(field)
        return field if entry is None else entry[0]

    def raw(self, field: str) -> str:
        entry = self.record.get(field)
        return "" if entry is None else entry[1]

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
        source = self.texts.get("source")
        if kind is None:
            self._cells_without_kind()
        entity = None if kind is None else self._entity(kind)
        if self.errors or year is None or kind is None or entity is None:
            return None
        try:
            return Assessment(
                entity,
                year,
                score,
                dimensions=dimensions,
                tanpa_maladministrasi=tanpa,
                published=published,
                source=source,
            )
        except OpinippError as err:  # pragma: no cover - the cells were checked one by one above
            self.fail_with(None, None, err)
            return None

    # -- single cells --------------------------------------------------------------------

    def _year(self) -> int | None:
        text = self.texts.get("year")
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
        text = self.texts.get("kind")
        if text is None:
            self.fail("kind", self.raw("kind"), "the entity kind is required")
            return None
        member = self.seen.kinds.get(text)
        if member is None:
            member = find_member(EntityKind, text)
        if member is not None:
            self.seen.kinds[text] = member
            return member
        choices = ", ".join(m.value for m in EntityKind)
        self.fail("kind", text, f"unknown entity kind; expected one of {choices}")
        return None

    def _score(self) -> Score | None:
        text = self.texts.get("score")
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
            text = self.texts.get(field)
            if text is None:
                continue
            try:
                found[dimension] = Score(text)
            except InvalidScoreError as err:
                self.fail_with(field, text, err)
        return found or None

    def _tanpa(self) -> bool | None:
        text = self.texts.get("tanpa_maladministrasi")
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
        if score is not None and (year, score.hundredths) not in self.seen.in_scale:
            try:
                check_classifiable(year, score, None)
            except InvalidScoreError as err:
                self.fail_with("score", self.raw("score"), err)
            else:
                self.seen.in_scale.add((year, score.hundredths))
        if tanpa is not None:
            try:
                check_classifiable(year, None, tanpa)
            except NotApplicableError as err:
                self.fail_with("tanpa_maladministrasi", self.raw("tanpa_maladministrasi"), err)

    def _rank(self, field: str) -> int | None:
        text = self.texts.get(field)
        if text is None:
            return None
        stripped = text.strip()
        if _RANK_TEXT.fullmatch(stripped) is None or not 1 <= int(stripped) <= MAX_RANK:
            self.fail(
                field, text, f"expected a rank: a whole number from 1 to {MAX_RANK} (or blank)"
            )
            return None
        return int(stripped)

    def _published(self) -> PublishedResult | None:
        if _PUBLISHED_FIELDS.isdisjoint(self.record):
            return None  # the file has no published labels, ranks or notes
        labels = {f: self.texts.get(f) for f in _LABEL_FIELDS}
        ranks = {f: self._rank(f) for f in _RANK_FIELDS}
        note = self.texts.get("note")
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
        text = self.texts.get("province")
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
        text = self.texts.get("code")
        if text is None:
            return True, None
        stripped = text.strip()
        if PEMDA_CODE.fullmatch(stripped) is None:
            self.fail("code", text, f"expected {PEMDA_CODE_EXPECTED}")
            return False, None
        try:
            return True, regions.pemda(stripped)
        except (UnknownRegionError, AmbiguousNameError) as err:
            self.fail_with("code", text, err)
            return False, None

    def _must_be_blank(self, field: str, why: str) -> bool:
        text = self.texts.get(field)
        if text is not None:
            self.fail(field, text, why)
            return False
        return True

    def _entity(self, kind: EntityKind) -> Entity | None:
        name = self.texts.get("name")
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

    def _cells_without_kind(self) -> None:
        """Check the entity's cells that do not depend on its kind (the kind is bad)."""
        if "name" not in self.texts:
            self.fail("name", self.raw("name"), "the entity name is required")
        _, province = self._province()
        self._code()
        parent = self.texts.get("parent")
        if parent is not None:
            self._pemda(parent, None, province, None, "parent")
        if "opd_kind" in self.texts:
            try:
                self._opd_kind("")
            except _BadCellError as bad:
                self.fail(bad.field, bad.value, bad.reason)

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
        parent_text = self.texts.get("parent")
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
        text = self.texts.get("opd_kind")
        if text is None:
            kind = self.seen.opd_kinds.get(name)
            if kind is None:
                kind = self.seen.opd_kinds[name] = opd_kind_of(name)
            return kind
        member = find_member(OPDKind, text)
        if member is not None:
            return member
        choices = ", ".join(m.value for m in OPDKind)
        raise _BadCellError("opd_kind", text, f"unknown OPD kind; expected one of {choices}")


def read_records(
    records: Iterable[tuple[int, Record | RowError]],
    source_name: str,
    errors: ErrorMode,
    *,
    strip_parent_suffix: bool = False,
) -> tuple[Assessment, ...]:
    """Read ``(row, record)`` pairs into assessments, in order.

    A record may already be a RowError: a row the caller could not split into cells
    (column ``None``), or one bad cell (with its column) of the row that follows it, in
    which the cell is then blank; that cell's column gets no second error. Each entity may
    appear once per year. With ``errors="collect"`` every problem is raised at once as an
    :class:`~opinipp.errors.InvalidDataError` naming ``source_name``; with ``"raise"`` the
    first :class:`~opinipp.errors.RowError`. ``strip_parent_suffix`` takes a unit's Pemda
    off the end of its name (``"DPMPTSP Kota Tangerang"``).
    """
    found: list[Assessment] = []
    problems: list[RowError] = []
    first_row: dict[tuple[object, int], int] = {}
    reader = _RowReader(strip_parent_suffix=strip_parent_suffix)
    pending: list[RowError] = []
    """The bad cells reported for the row that comes next."""
    for row, record in records:
        if pending and pending[0].row != row:
            problems.extend(pending)
            pending = []
        if isinstance(record, RowError):
            if errors == "raise":
                raise record
            (pending if record.column is not None else problems).append(record)
            continue
        reader.start(record, row)
        assessment = reader.read()
        if assessment is not None and not pending:
            first = first_row.setdefault((assessment.entity, assessment.year), row)
            if first == row:
                found.append(assessment)
            else:
                reader.fail(
                    "name",
                    reader.raw("name"),
                    f"duplicate: row {first} already has the {assessment.year} "
                    f"result of {assessment.entity}",
                )
        if reader.errors or pending:
            reported = {e.column for e in pending}
            own = [e for e in reader.errors if e.column not in reported]
            row_errors = _in_column_order([*pending, *own], record)
            pending = []
            if errors == "raise":
                raise row_errors[0]
            problems.extend(row_errors)
    problems.extend(pending)
    if problems:
        raise_group(problems, source_name)
    return tuple(found)


def _in_column_order(errors: list[RowError], record: Record) -> list[RowError]:
    """A row's errors left to right (whole-row errors first)."""
    order = {column: i for i, (column, _) in enumerate(record.values())}
    return sorted(errors, key=lambda e: -1 if e.column is None else order.get(e.column, len(order)))


def __dir__() -> list[str]:
    return list(__all__)
