"""A strategy the property tests of several modules share (tests only, not public API)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st

from opinipp.rules import rules_for
from opinipp.strategies import boundary_scores, scores, years

if TYPE_CHECKING:
    from opinipp.scores import Score


@st.composite
def year_and_score(draw: st.DrawFn) -> tuple[int, Score]:
    """A covered year and a score on that year's scale, band edges drawn often."""
    year = draw(years())
    top = rules_for(year).scale_max
    return year, draw(st.one_of(boundary_scores(year), scores(max_value=top)))
