"""An assessment: one entity's result in one assessment year.

>>> from opinipp.assessments import Assessment
>>> from opinipp.entities import Instansi, InstansiKind
>>> kemlu = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
>>> a = Assessment(kemlu, 2023, "94.85")
>>> a.score
Score('94.85')
"""

from __future__ import annotations

from typing import Any

import attrs

from opinipp.entities import OPD, Instansi, Pemda, Puskesmas, Rsud
from opinipp.errors import InvalidArgumentError, InvalidEntityError
from opinipp.scores import Score

__all__ = ["Assessment", "PublishedResult"]

_ENTITY_TYPES = (Instansi, Pemda, OPD, Puskesmas, Rsud)


def _optional_score(value: Any) -> Score | None:  # noqa: ANN401 - converter takes any input
    return None if value is None else Score(value)


def _check_entity(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _ENTITY_TYPES):
        raise InvalidEntityError(
            "Assessment", attribute.name, value, "an Instansi, Pemda, OPD, Puskesmas or Rsud"
        )


def _check_year(_: object, __: attrs.Attribute[Any], value: object) -> None:
    from opinipp.rules import rules_for

    rules_for(value)  # raises RulesNotAvailableError for 2020 and uncovered years


def _check_optional_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InvalidArgumentError(attribute.name, value, "True, False or None")


def _check_optional_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidArgumentError(attribute.name, value, "None or non-empty text")


def _check_optional_rank(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidArgumentError(attribute.name, value, "None or a whole number from 1")


def _check_published(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, PublishedResult):
        raise InvalidArgumentError(attribute.name, value, "None or a PublishedResult")


@attrs.frozen
class PublishedResult:
    """The labels and ranks exactly as a source printed them, kept for comparison.

    Nothing here is derived from the score: ``zone`` may read ``"Zona Hijau"`` or
    ``"zonasi kuning"``, and may disagree with what the rules compute (see
    :func:`opinipp.datasets.audit`).
    """

    zone: str | None = attrs.field(default=None, validator=_check_optional_text)
    category: str | None = attrs.field(default=None, validator=_check_optional_text)
    opinion: str | None = attrs.field(default=None, validator=_check_optional_text)
    rank_national: int | None = attrs.field(default=None, validator=_check_optional_rank)
    rank_national_of: int | None = attrs.field(default=None, validator=_check_optional_rank)
    rank_province: int | None = attrs.field(default=None, validator=_check_optional_rank)
    rank_province_of: int | None = attrs.field(default=None, validator=_check_optional_rank)
    note: str | None = attrs.field(default=None, validator=_check_optional_text)


@attrs.frozen
class Assessment:
    """One entity's result in one assessment year.

    ``score`` may be ``None`` where a source published only a zone or a label.
    ``tanpa_maladministrasi`` is the 2025 qualifier (``None`` where it does not apply or is
    unknown). ``published`` keeps a source's own labels; ``source`` its URL.
    """

    entity: Instansi | Pemda | OPD | Puskesmas | Rsud = attrs.field(validator=_check_entity)
    year: int = attrs.field(validator=_check_year)
    score: Score | None = attrs.field(converter=_optional_score)
    tanpa_maladministrasi: bool | None = attrs.field(
        default=None, kw_only=True, validator=_check_optional_bool
    )
    published: PublishedResult | None = attrs.field(
        default=None, kw_only=True, validator=_check_published
    )
    source: str | None = attrs.field(default=None, kw_only=True, validator=_check_optional_text)


def __dir__() -> list[str]:
    return list(__all__)
