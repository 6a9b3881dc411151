"""Test configuration: Hypothesis profiles chosen by the HYPOTHESIS_PROFILE variable.

- ``default``: quick, for local runs (100 examples per property, 200 per fuzz entry point).
- ``ci``: ten times the examples (1,000 per property, 2,000 per fuzz entry point; see
  ``tests/fuzz_junk.py``), derandomised so that a CI failure reproduces, with the blob to
  replay it printed.
- ``fuzz``: the ``ci`` settings with 10,000 examples per fuzz entry point (``./dev fuzz``
  runs the fuzz files so; at that budget they take longer than CI allows).

``HYPOTHESIS_PROFILE=ci python -m pytest`` selects the CI profile.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILES = {
    "default": settings(max_examples=100, deadline=None),
    "ci": settings(
        max_examples=1_000,
        deadline=None,
        derandomize=True,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow],
    ),
}
PROFILES["fuzz"] = PROFILES["ci"]
"""The profiles by name; tests read ``settings().max_examples`` to scale their own budgets."""

for _name, _profile in PROFILES.items():
    settings.register_profile(_name, _profile)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
