"""Fuzz opinipp.plot: junk in any argument raises only documented opinipp errors.

Each call starts from valid arguments and puts junk in one argument (or none): the values of
``tests/fuzz_junk.py`` (NumPy and pandas values, hostile subclasses, huge ints, NUL and
surrogates) and a few of the wrong opinipp type. The call returns an ``Axes`` or raises an
:class:`~opinipp.errors.OpinippError`. Valid calls draw on one shared Axes, cleared after each
example, so that the budget is spent on calls rather than on new figures.

Budget: ``settings().max_examples`` per entry point (100 by default, 1,000 under ``ci``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes

from fuzz_junk import HOSTILE, Junk, resolve
from opinipp import plot, regions
from opinipp.assessments import Assessment
from opinipp.datasets import published_results
from opinipp.errors import OpinippError
from opinipp.instruments import instrument_for, readiness
from opinipp.ranking import Provincial, rank
from opinipp.trends import series

if TYPE_CHECKING:
    from collections.abc import Callable

FUZZ = settings(
    max_examples=settings().max_examples,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)

_MUBAR = regions.pemda("Kabupaten Muna Barat")
_SERIES = series(published_results(), _MUBAR)
_SCOPE = Provincial(regions.province("Sultra"))
_RANKING = rank(
    [
        a
        for a in published_results()
        if a.year == 2022 and a.score is not None and _SCOPE.admits(a.entity)
    ],
    _SCOPE,
)
_READINESS = readiness(instrument_for(2026), {"IN-01": [1, 2, 3]})
_OTHER = (
    Junk("Series", _SERIES),
    Junk("Ranking", _RANKING),
    Junk("Readiness", _READINESS),
    Junk("Assessment", Assessment(_MUBAR, 2023, "81.84")),
    Junk("[2020]", [2020]),
    Junk("[2023, None]", [2023, None]),
    Junk("'zone'", "zone"),
    Junk("'en'", "en"),
)
JUNK = st.sampled_from(HOSTILE[:-2] + _OTHER)  # the 10 MB strings add time, not cases

_, SHARED = plt.subplots()

ENTRY_POINTS: dict[str, tuple[Callable[..., Axes], list[Any], dict[str, Any]]] = {
    "national_distribution": (
        plot.national_distribution,
        [[2021, 2024]],
        {"by": "zone", "kind": None, "lang": "en", "ax": SHARED},
    ),
    "distribution": (
        plot.distribution,
        [list(_SERIES)],
        {"by": "category", "lang": "id", "ax": SHARED},
    ),
    "series": (plot.series, [_SERIES], {"gap": 2023, "lang": "id", "ax": SHARED}),
    "ranking": (plot.ranking, [_RANKING], {"lang": "en", "ax": SHARED}),
    "readiness": (plot.readiness, [_READINESS], {"lang": "id", "ax": SHARED}),
}


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_junk_raises_only_documented_errors(name: str) -> None:
    function, positional, keywords = ENTRY_POINTS[name]
    slots = len(positional) + len(keywords)

    @FUZZ
    @given(slot=st.integers(-1, slots - 1), junk=JUNK, nested=st.booleans())
    def run(slot: int, junk: Junk, nested: bool) -> None:
        args = list(positional)
        kwargs = dict(keywords)
        if 0 <= slot < len(args):
            valid = args[slot]
            args[slot] = [*valid[:-1], junk] if nested and isinstance(valid, list) else junk
        elif slot >= len(args):
            kwargs[sorted(kwargs)[slot - len(args)]] = junk
        note(f"{name}(*{args!r}, **{kwargs!r})")
        try:
            result = function(*resolve(args), **resolve(kwargs))
        except OpinippError as error:
            rendered = (str(error), repr(error))
            assert all(rendered)
            return
        finally:
            SHARED.cla()
            for number in plt.get_fignums()[1:]:
                plt.close(number)
        assert isinstance(result, Axes)

    run()


def test_every_public_function_is_fuzzed() -> None:
    assert {n for n in plot.__all__ if callable(getattr(plot, n)) and n != "By"} == set(
        ENTRY_POINTS
    )
