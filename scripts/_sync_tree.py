"""Copy the files named on stdin (NUL-separated, relative to ROOT) into WORK.

Used by scripts/mutation.sh: files are copied only when they changed, and files under
WORK/src and WORK/tests that are no longer in the tree are removed, so that mutmut's
state in WORK (mutants/, its cache) survives between runs.

Usage: git ls-files -z --cached --others --exclude-standard | python _sync_tree.py ROOT WORK
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

__all__ = ["main"]


def main(root: Path, work: Path, names: list[str]) -> None:
    """Mirror ``names`` from ``root`` into ``work``."""
    keep: set[Path] = set()
    for name in names:
        source = root / name
        if not source.is_file():
            continue
        target = work / name
        keep.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or source.read_bytes() != target.read_bytes():
            shutil.copy2(source, target)
    for top in ("src", "tests"):
        for path in (work / top).rglob("*"):
            if path.is_file() and path not in keep and "__pycache__" not in path.parts:
                path.unlink()


def __dir__() -> list[str]:
    return list(__all__)


if __name__ == "__main__":
    main(
        Path(sys.argv[1]),
        Path(sys.argv[2]),
        [n for n in sys.stdin.buffer.read().decode().split("\0") if n],
    )
