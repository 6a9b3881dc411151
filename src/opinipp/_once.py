"""Values built once, on first use, however many threads ask at the same time (private).

``functools.cache`` does not lock: threads that call a cold cache together each run the
build. :class:`Once` runs it under a lock, so every caller gets the one value.

>>> built = []
>>> table = Once(lambda: built.append(1) or {"built": len(built)})
>>> table() is table(), built
(True, [1])
>>> table.built
True
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Once"]

T = TypeVar("T")


class Once(Generic[T]):
    """Call ``build`` on the first call, and return its value from then on."""

    __slots__ = ("_box", "_build", "_lock")

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._box: tuple[T, ...] = ()

    def __call__(self) -> T:
        box = self._box
        if not box:
            with self._lock:
                box = self._box
                if not box:  # no other thread built it while this one waited
                    box = self._box = (self._build(),)
        return box[0]

    @property
    def built(self) -> bool:
        """Whether the value has been built."""
        return bool(self._box)

    def cache_clear(self) -> None:
        """Forget the value; the next call builds it again."""
        with self._lock:
            self._box = ()


def __dir__() -> list[str]:
    return list(__all__)
