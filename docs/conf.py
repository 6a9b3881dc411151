"""Sphinx configuration for the opinipp documentation."""

from __future__ import annotations

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

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True

intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
nitpicky = False

html_theme = "furo"
html_title = "opinipp"
exclude_patterns = ["_build"]
