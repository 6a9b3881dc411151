"""Test configuration: Hypothesis profiles chosen by the HYPOTHESIS_PROFILE variable.

- ``default``: quick, for local runs.
- ``ci``: many more examples (the fuzz tests run 10,000 per entry point), derandomised so a
  CI failure reproduces.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=1_000,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
