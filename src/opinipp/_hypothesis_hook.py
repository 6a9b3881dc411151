"""Hypothesis entry point: teaches ``st.from_type`` every opinipp type.

Hypothesis calls :func:`_register_strategies` when it is imported, through the
``[project.entry-points.hypothesis]`` table of opinipp's ``pyproject.toml``. The hook
imports only the modules that define the types (no data file is read) and registers each
type with a callable, so :mod:`opinipp.strategies` is imported only when a strategy is
first asked for.

>>> from hypothesis import given, strategies as st
>>> from opinipp.scores import Score
>>> @given(st.from_type(Score))
... def test_scores_are_on_the_scale(score):
...     assert 0 <= score.value <= 100
>>> test_scores_are_on_the_scale()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []


def _lazy(name: str) -> Callable[[type], SearchStrategy[object]]:
    """A resolver that builds ``opinipp.strategies.<name>()`` when first needed."""

    def resolve(_: type) -> SearchStrategy[object]:
        from opinipp import strategies

        factory: Callable[[], SearchStrategy[object]] = getattr(strategies, name)
        return factory()

    resolve.__name__ = resolve.__qualname__ = f"opinipp.strategies.{name}"
    return resolve


def _register_strategies() -> None:
    """Register a strategy for every concrete opinipp type (called by Hypothesis)."""
    from hypothesis import strategies as st

    from opinipp.assessments import Assessment, PublishedResult
    from opinipp.datasets import Disagreement
    from opinipp.entities import OPD, Instansi, Pemda, Province, Puskesmas, Rsud
    from opinipp.gaps import Gap
    from opinipp.instruments import Instrument
    from opinipp.ranking import National, Provincial, RankedEntry, Ranking, WithinPemda
    from opinipp.rules import Band, RuleSet
    from opinipp.scores import Score
    from opinipp.trends import Change, Series
    from opinipp.years import AssessmentYear
    from opinipp.zoning import Grade

    for cls, name in (
        (Instrument, "instruments"),
        (Score, "scores"),
        (Province, "provinces"),
        (Pemda, "pemdas"),
        (Instansi, "instansis"),
        (OPD, "opds"),
        (Puskesmas, "puskesmas"),
        (Rsud, "rsuds"),
        (Assessment, "assessments"),
        (PublishedResult, "_published_results"),
        (RuleSet, "rule_sets"),
        (Band, "_bands"),
        (Grade, "grades"),
        (AssessmentYear, "_assessment_years"),
        (National, "_national_scopes"),
        (Provincial, "_provincial_scopes"),
        (WithinPemda, "_within_pemda_scopes"),
        (Ranking, "rankings"),
        (RankedEntry, "_ranked_entries"),
        (Gap, "_gaps"),
        (Change, "_changes"),
        (Series, "_series"),
        (Disagreement, "_disagreements"),
    ):
        st.register_type_strategy(cls, _lazy(name))

    from opinipp.ipp import IppResult
    from opinipp.skm import IkmResult, Responses, SkmRules

    survey: tuple[tuple[type, str], ...] = (
        (Responses, "skm_responses"),
        (IkmResult, "ikm_results"),
        (SkmRules, "_skm_rule_sets"),
        (IppResult, "ipp_results"),
    )
    for kind, name in survey:
        st.register_type_strategy(kind, _lazy(name))


def __dir__() -> list[str]:
    return list(__all__)
