"""Hypothesis entry point: registers opinipp's strategies for ``st.from_type``."""

from __future__ import annotations


def _register_strategies() -> None:
    """Called by Hypothesis at import through the ``hypothesis`` entry point."""
