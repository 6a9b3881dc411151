"""``python -m opinipp``: the same command as ``opinipp`` (see :mod:`opinipp.cli`)."""

from __future__ import annotations

import sys

from opinipp.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())


def __dir__() -> list[str]:
    return list(__all__)
