"""Sphinx configuration for the opinipp documentation.

Build with ``./dev docs``: ``sphinx-build -W --keep-going -b html docs docs/_build/html`` and
the same with ``-b doctest``.
"""

from __future__ import annotations

from typing import Any

import opinipp

project = "opinipp"
author = "opinipp maintainers"
copyright = "2026, opinipp maintainers"
release = opinipp.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The API reference: one ``automodule`` per public module (reference/api.md). The package
# ``opinipp`` re-exports these names; it is documented without members so that every object
# is described once, in the module that defines it.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_preserve_defaults = False  # attrs writes its defaults as attr_dict['x'].default
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

# Doctests. The ``>>>`` examples in docstrings run under pytest (``--doctest-modules``) with
# their module's globals; here only the explicit ``{doctest}`` blocks of the pages run, each
# page in its own namespace, so an example on a page shows every import it needs.
doctest_test_doctest_blocks = ""
doctest_global_setup = ""
trim_doctest_flags = True

intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
nitpicky = False

html_theme = "furo"
html_title = "opinipp"
html_static_path: list[str] = []
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]


def setup(app: Any) -> None:  # noqa: ANN401 - the Sphinx application
    """Adjust napoleon and autodoc to the library's docstrings.

    - napoleon reads the first line of a property's or a constant's docstring as ``type:
      description``, so "The main published label: the opinion, …" would render with "The
      main published label" as its type. The library writes those docstrings as plain
      sentences, so napoleon is kept to functions, classes and modules.
    - attrs shows a default computed from the other fields as ``NOTHING``; the signature
      says ``…`` instead (the docstring explains the default).
    """
    from sphinx.ext.napoleon import _process_docstring

    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is _process_docstring:
            app.disconnect(listener.id)

    def process(*args: Any) -> None:  # noqa: ANN401 - autodoc's event arguments
        _, what, *_ = args
        if what not in {"property", "data", "attribute"}:
            _process_docstring(*args)

    def signature(*args: Any) -> tuple[str | None, str | None] | None:  # noqa: ANN401
        *_, text, annotation = args
        if text is None or "=NOTHING" not in text:
            return None
        return text.replace("=NOTHING", "=…"), annotation

    app.connect("autodoc-process-docstring", process)
    app.connect("autodoc-process-signature", signature)
