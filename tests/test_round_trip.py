"""Round trips: generated assessments, hostile text included, through JSON, CSV and pandas.

What each format writes, it reads back equal, except for what its documentation lists as not
carried: a CSV and a data frame do not carry an Instansi's abbreviation, nor the difference
between no published labels and an empty :class:`~opinipp.assessments.PublishedResult`.
(A lone surrogate is refused by :func:`~opinipp.serialization.write_csv` before anything is
written; it is left out of the generated text here and tested in ``test_crafted_files.py``.)
At least 10,000 assessments go through every format under each Hypothesis profile (lists
of ten, in at least 1,000 examples: the ``ci`` profile's budget, raised to it under ``default``).
"""

from __future__ import annotations

import io
import math

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opinipp import strategies
from opinipp.assessments import Assessment, PublishedResult
from opinipp.entities import Instansi, Pemda
from opinipp.rules import Dimension
from opinipp.serialization import (
    assessments_from_json,
    assessments_to_json,
    read_csv,
    write_csv,
)

pd = pytest.importorskip("pandas")
from opinipp.frames import from_pandas, to_pandas  # noqa: E402 - after the pandas check

TOTAL = 10_000
"""How many assessments at least go through each format in one run of the suite."""

# Text a spreadsheet or a CSV parser could trip over: formula starts (NUL too), quotes,
# separators, line breaks, a BOM, right-to-left marks, non-ASCII letters.
_HOSTILE = st.sampled_from(
    [
        "=",
        "+",
        "-",
        "@",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "\x00",
        "'",
        '"',
        ",",
        ";",
        "\ufeff",
        "\u202e",
        "é",
        "ß",
        "🙂",
        " ",
    ]
)
_TEXT = (
    st.lists(_HOSTILE | st.text(st.characters(exclude_categories=["Cs"]), max_size=5), max_size=6)
    .map("".join)
    .filter(lambda t: t.strip() != "")
)
_RANKS = st.none() | st.integers(min_value=1, max_value=999_999_999)


@st.composite
def _published(draw: st.DrawFn) -> PublishedResult | None:
    text = st.none() | _TEXT
    published = PublishedResult(
        zone=draw(text),
        category=draw(text),
        opinion=draw(text),
        rank_national=draw(_RANKS),
        rank_national_of=draw(_RANKS),
        rank_province=draw(_RANKS),
        rank_province_of=draw(_RANKS),
        note=draw(text),
    )
    return draw(st.none() | st.just(published))


@st.composite
def _assessments(draw: st.DrawFn) -> Assessment:
    base = draw(strategies.assessments())
    dimensions = draw(
        st.none()
        | st.dictionaries(
            st.sampled_from(tuple(Dimension)), strategies.scores(), min_size=1, max_size=4
        )
    )
    return attrs.evolve(
        base,
        score=draw(st.sampled_from([base.score, None])),
        dimensions=dimensions,
        published=draw(_published()),
        source=draw(st.none() | _TEXT),
    )


_SIZE = 10
"""Assessments per example: small lists keep each example within Hypothesis' data budget."""
_EXAMPLES = max(settings().max_examples, math.ceil(TOTAL / _SIZE))


def _carried(a: Assessment) -> tuple[object, ...]:
    """Every field a CSV file or a data frame carries, entity names included."""
    entity = a.entity
    if isinstance(entity, Instansi):
        entity = attrs.evolve(entity, abbreviation=None)
    published = None if a.published == PublishedResult() else a.published
    names: tuple[object, ...] = (type(entity), str(entity))
    if isinstance(entity, Pemda):
        names += (entity.name, entity.kind, entity.province.name)
    return (
        entity,
        names,
        a.year,
        a.score,
        a.dimensions,
        a.tanpa_maladministrasi,
        published,
        a.source,
    )


def _everything(a: Assessment) -> tuple[object, ...]:
    """Every field, and what equality does not look at (names, an Instansi's abbreviation)."""
    entity = a.entity
    extra = attrs.astuple(entity, recurse=False) if attrs.has(type(entity)) else ()
    return (*_carried(a), extra, a.published)


_seen: dict[str, int] = {"json": 0, "csv": 0, "pandas": 0}


@settings(max_examples=_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def _round_trips(data: st.DataObject) -> None:
    items = data.draw(
        st.lists(
            _assessments(),
            min_size=_SIZE,
            max_size=_SIZE,
            unique_by=lambda a: (a.entity, a.year),
        )
    )
    back = assessments_from_json(assessments_to_json(items))
    assert [_everything(a) for a in back] == [_everything(a) for a in items]
    _seen["json"] += len(back)

    out = io.StringIO()
    write_csv(items, out)
    back = read_csv(io.StringIO(out.getvalue()))
    assert [_carried(a) for a in back] == [_carried(a) for a in items]
    _seen["csv"] += len(back)

    back = from_pandas(to_pandas(items))
    assert [_carried(a) for a in back] == [_carried(a) for a in items]
    _seen["pandas"] += len(back)


def test_ten_thousand_assessments_round_trip_through_every_format() -> None:
    _round_trips()
    assert min(_seen.values()) >= TOTAL, _seen
