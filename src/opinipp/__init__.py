"""opinipp: the rules of Ombudsman RI's public-service compliance assessment, as data."""

from opinipp.errors import OpinippError
from opinipp.scores import Score

__all__ = ["OpinippError", "Score", "__version__"]

__version__ = "0.1.0.dev0"
