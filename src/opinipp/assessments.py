"""An assessment: one entity's result in one assessment year.

>>> from opinipp.assessments import Assessment
>>> from opinipp.entities import Instansi, InstansiKind
>>> kemlu = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
>>> a = Assessment(kemlu, 2023, "94.85")
>>> a.score
Score('94.85')
>>> a.grade.category, a.grade.opinion
(<Category.A: 'A'>, 'Kualitas Tertinggi')
"""

from __future__ import annotations

from collections.abc import Mapping  # noqa: TC003 - annotations resolved at runtime by cattrs
from typing import TYPE_CHECKING, Any, Final

import attrs

from opinipp._checks import FrozenMapping, exact_int, optional_text_value
from opinipp.entities import ENTITY_TYPES, OPD, Instansi, Pemda, Puskesmas, Rsud
from opinipp.errors import InvalidArgumentError, InvalidEntityError, NotApplicableError
from opinipp.rules import Dimension, rules_for
from opinipp.scores import Score
from opinipp.zoning import classify, dimension_scores

if TYPE_CHECKING:
    from opinipp.zoning import Grade

__all__ = ["MAX_RANK", "Assessment", "PublishedResult"]

MAX_RANK: Final = 999_999_999
"""The highest rank a :class:`PublishedResult` holds: nine digits, as every reader reads them.

>>> PublishedResult(rank_national=MAX_RANK + 1)
Traceback (most recent call last):
...
opinipp.errors.InvalidArgumentError: invalid rank_national 1000000000: expected None or a whole
number from 1 to 999999999
"""


def _optional_score(value: Any) -> Score | None:  # noqa: ANN401 - converter takes any input
    return None if value is None else Score(value)


def _plain_year(value: Any) -> Any:  # noqa: ANN401 - converter takes any input
    """Store an integer year (a NumPy int, say) as an int; rules_for judges everything else."""
    if type(value) is int:
        return value
    whole = exact_int(value)
    return value if whole is None else whole


def _optional_rank(value: int | None) -> int | None:
    """Store a whole-number rank as an int; the validator judges everything else."""
    if value is None or type(value) is int:
        return value
    whole = exact_int(value)
    return value if whole is None else whole


def _to_dimensions(value: Any) -> FrozenMapping[Dimension, Score] | None:  # noqa: ANN401 - converter
    """Store per-dimension scores immutably, in the order input, proses, output, pengaduan."""
    if value is None:
        return None
    return FrozenMapping(dimension_scores(value))


def _check_entity(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, ENTITY_TYPES):
        raise InvalidEntityError(
            "Assessment", attribute.name, value, "an Instansi, Pemda, OPD, Puskesmas or Rsud"
        )


def _check_optional_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InvalidArgumentError(attribute.name, value, "True, False or None")


def _check_optional_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidArgumentError(attribute.name, value, "None or non-empty text")


def _check_optional_rank(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_RANK
    ):
        raise InvalidArgumentError(
            attribute.name, value, f"None or a whole number from 1 to {MAX_RANK}"
        )


def _check_published(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, PublishedResult):
        raise InvalidArgumentError(attribute.name, value, "None or a PublishedResult")


@attrs.frozen
class PublishedResult:
    """The labels and ranks exactly as a source printed them, kept for comparison.

    Nothing here is derived from the score: ``zone`` may read ``"Zona Hijau"`` or
    ``"zonasi kuning"``, and may disagree with what the rules compute (see
    :func:`opinipp.datasets.audit`). Ranks are whole numbers from 1 to :data:`MAX_RANK`.
    """

    zone: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_check_optional_text
    )
    category: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_check_optional_text
    )
    opinion: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_check_optional_text
    )
    rank_national: int | None = attrs.field(
        default=None, converter=_optional_rank, validator=_check_optional_rank
    )
    rank_national_of: int | None = attrs.field(
        default=None, converter=_optional_rank, validator=_check_optional_rank
    )
    rank_province: int | None = attrs.field(
        default=None, converter=_optional_rank, validator=_check_optional_rank
    )
    rank_province_of: int | None = attrs.field(
        default=None, converter=_optional_rank, validator=_check_optional_rank
    )
    note: str | None = attrs.field(
        default=None, converter=optional_text_value, validator=_check_optional_text
    )


@attrs.frozen
class Assessment:
    """One entity's result in one assessment year.

    ``score`` may be ``None`` where a source published only a zone or a label.
    ``dimensions`` holds the per-dimension achievements (0–100) where a source gave them,
    keyed by :class:`~opinipp.rules.Dimension` (names are accepted and converted).
    ``tanpa_maladministrasi`` is the 2025 qualifier (``None`` where it does not apply or is
    unknown). ``published`` keeps a source's own labels; ``source`` its URL.

    >>> from opinipp.entities import Instansi, InstansiKind
    >>> kemlu = Instansi(name="Kementerian Luar Negeri", kind=InstansiKind.KEMENTERIAN)
    >>> a = Assessment(kemlu, 2021, "96.87", dimensions={"proses": "96.87"})
    >>> a.dimensions
    FrozenMapping({<Dimension.PROSES: 'proses'>: Score('96.87')})
    >>> a.grade.zone, a.grade.predikat
    (<Zone.HIJAU: 'hijau'>, 'Kepatuhan Tinggi')
    """

    entity: Instansi | Pemda | OPD | Puskesmas | Rsud = attrs.field(validator=_check_entity)
    year: int = attrs.field(converter=_plain_year)  # checked by rules_for in __attrs_post_init__
    score: Score | None = attrs.field(converter=_optional_score)
    dimensions: Mapping[Dimension, Score] | None = attrs.field(
        default=None, kw_only=True, converter=_to_dimensions
    )
    tanpa_maladministrasi: bool | None = attrs.field(
        default=None, kw_only=True, validator=_check_optional_bool
    )
    published: PublishedResult | None = attrs.field(
        default=None, kw_only=True, validator=_check_published
    )
    source: str | None = attrs.field(
        default=None, kw_only=True, converter=optional_text_value, validator=_check_optional_text
    )

    def __attrs_post_init__(self) -> None:
        rule_set = rules_for(self.year)  # RulesNotAvailableError for 2020, uncovered years, junk
        if self.tanpa_maladministrasi is not None and not rule_set.has_tanpa_maladministrasi:
            raise NotApplicableError(
                "the Tanpa Maladministrasi qualifier",
                self.year,
                "it is part of the opinion only under the Opini Ombudsman rules (2025 on); "
                "pass tanpa_maladministrasi=None",
            )
        if self.score is not None:
            rule_set.band_for(self.score)  # a score above the year's scale (2015: 0-75) raises

    @property
    def grade(self) -> Grade:
        """The classification of the score under the year's rules (see :func:`~opinipp.classify`).

        Raises :class:`~opinipp.errors.NotApplicableError` for an assessment without a score.
        (A qualifier in a year without one is already rejected when the assessment is built.)

        >>> from opinipp.entities import Province, Pemda, PemdaKind
        >>> malut = Province(code="82", name="Maluku Utara")
        >>> prov = Pemda(code="82", name="Maluku Utara", kind=PemdaKind.PROVINSI, province=malut)
        >>> Assessment(prov, 2025, "65.98", tanpa_maladministrasi=True).grade.opinion
        'Kualitas Sedang Tanpa Maladministrasi'
        """
        if self.score is None:
            raise NotApplicableError(
                f"a grade of {self.entity}",
                self.year,
                "the assessment has no score (the source published only labels)",
            )
        return classify(self.score, self.year, tanpa_maladministrasi=self.tanpa_maladministrasi)


def __dir__() -> list[str]:
    return list(__all__)
