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
- a Grade is its year and the lower bound of its band, with the band's upper bound, the
  rule scheme and its labels for the reader: ``{"year": 2023, "lower": "78.00", "scheme":
  "opini-pengawasan-2022", "upper": "87.99", "zone": "hijau", "category": "B", "opinion":
  "Kualitas Tinggi", "opinion_en": "High quality", "label": "Kualitas Tinggi", "label_en":
  "High quality"}``. Reading rebuilds it with :func:`~opinipp.zoning.classify`; every label
  given must agree, and labels may be left out (the year, the band and the qualifier decide);
- enums are their values (``"hijau"``, ``"B"``); optional fields that are ``None`` are left
  out (an Assessment always carries ``"score"``, ``null`` when unknown; a ``null`` is read
  as a left-out field).

The same shapes are used by the command line's ``--json`` (``opinipp.cli``), and the
interchange format is published as a JSON Schema (draft 2020-12) in
``opinipp/data/interchange.schema.json``.

Reading is strict: unknown keys, missing keys and values of the wrong type (a year or a
rank written as text, a flag written as ``"ya"``) raise
:class:`~opinipp.errors.InvalidArgumentError` naming the JSON path (``$.entity.code``,
``$[3].score``); codes and names are resolved through :mod:`opinipp.regions` and must agree
with each other. Every other error (a bad score, an unknown code …) is raised as itself,
its message ending with its path (``(at $[3].score)``); every error carries the path as its
``path`` attribute. Every problem of a text is reported, several together as an
:class:`~opinipp.errors.InvalidDataError`. A leading byte-order mark is allowed, a key
repeated in one object is an error.

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

from opinipp.serialization._csv import (
    EXTRA_COLUMNS,
    MINIMAL_COLUMNS,
    PUBLISHED_COLUMNS,
    WRITTEN_COLUMNS,
    read_csv,
    write_csv,
)
from opinipp.serialization._json import (
    assessments_from_json,
    assessments_to_json,
    from_json,
    make_converter,
    to_json,
)
from opinipp.serialization._records import ErrorMode

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


def __dir__() -> list[str]:
    return list(__all__)
