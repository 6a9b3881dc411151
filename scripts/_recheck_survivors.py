"""Re-run each mutant that mutmut left alive against the whole test selection, fresh.

mutmut 3 runs, for each mutant, only the tests that called the mutated function while it
collected its statistics. Code that runs when a module is imported (opinipp's prebuilt
classification and gap tables, the checks every bundled RuleSet passes at import, the
validators built when the rule classes are defined) is credited to whichever test imported
the module first, so its mutants are run against one unrelated test and survive.

This script gives those mutants a second chance: a fresh interpreter with the mutant active
from the first import, running the tests of the mutated module (``_TESTS_OF``, its
doctests and own test file first; the rules get the whole ``pytest_add_cli_args_test_selection``)
and stopping at the first failure. A narrower selection can only leave a mutant alive, never
kill one that the whole selection would not. It prints the mutants that are still alive and
writes them, one per line, to ``survivors.txt`` in the working directory.

Only the survivors of functions that run during ``import opinipp`` (found by profiling a fresh
import of the unmutated source) are re-checked, and every survivor of a module that keeps
state between calls (``_STATEFUL``: the forked first pass inherits what the statistics run
left there). The other survivors ran against every test that calls their function, and keep
mutmut's verdict: in the first trial run, 2 of the 127 mutants the re-check killed were
outside functions run at import, both in the gap memo of ``opinipp.gaps``.

Usage (from the directory where ``mutmut run`` ran):
    python _recheck_survivors.py NAME [NAME ...]
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - mutmut itself needs a TOML reader on 3.10
    import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]

__all__ = ["main", "needs_recheck"]

_TIMEOUT_SECONDS = 600
_NO_TESTS_RAN = 5

# The tests that call each module's code, fastest to fail first. The rules are used by all.
_TESTS_OF = {
    "opinipp.zoning": (
        "src/opinipp/zoning.py",
        "tests/test_zoning.py",
        "tests/test_published_zoning.py",
        "tests/test_rejections.py",
        "tests/test_gaps.py",
        "tests/test_properties.py",
        "tests/test_html.py",
    ),
    "opinipp.ranking": (
        "src/opinipp/ranking.py",
        "tests/test_ranking.py",
        "tests/test_published_ranking.py",
        "tests/test_rejections.py",
        "tests/test_gaps.py",
        "tests/test_properties.py",
        "tests/test_html.py",
    ),
    "opinipp.gaps": ("src/opinipp/gaps.py", "tests/test_gaps.py", "tests/test_rejections.py"),
}


# Modules whose functions remember earlier calls (gaps: the memo of next-tier gaps).
_STATEFUL = ("opinipp.gaps",)

_MUTANT_NAME = re.compile(r"(?P<module>[\w.]+?)\.x(?:ǁ\w+ǁ|_)(?P<function>\w+?)__mutmut_\d+")

_PROFILE_IMPORT = """
import json, sys
seen = set()
def profile(frame, event, arg):
    if event == "call":
        seen.add((frame.f_globals.get("__name__", ""), frame.f_code.co_name))
sys.setprofile(profile)
import opinipp
sys.setprofile(None)
print(json.dumps(sorted(pair for pair in seen if pair[0].startswith("opinipp"))))
"""


def _run_at_import() -> set[tuple[str, str]]:
    """(module, function name) of each function that runs during ``import opinipp``."""
    env = {**os.environ, "PYTHONPATH": str(Path("src").resolve())}
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _PROFILE_IMPORT], env=env, capture_output=True, text=True, check=True
    )
    return {(module, function) for module, function in json.loads(done.stdout)}


def needs_recheck(name: str, run_at_import: set[tuple[str, str]]) -> bool:
    """Whether mutant ``name`` may have survived only because of the forked first pass."""
    match = _MUTANT_NAME.fullmatch(name)
    if match is None:
        return True
    module, function = match["module"], match["function"]
    return module in _STATEFUL or (module, function) in run_at_import


def _config() -> dict[str, list[str]]:
    data = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))
    config: dict[str, list[str]] = data["tool"]["mutmut"]
    return config


def _selection(name: str, config: dict[str, list[str]]) -> list[str]:
    """The pytest arguments for mutant ``name``, e.g. ``opinipp.gaps.x__score__mutmut_1``."""
    module = name.split(".x", 1)[0]
    tests = _TESTS_OF.get(module, config.get("pytest_add_cli_args_test_selection", []))
    return [*tests, *config.get("pytest_add_cli_args", [])]


def _killed(name: str, selection: list[str]) -> bool:
    mutants = Path("mutants").resolve()
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": str(mutants / "src")}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", *selection]
    try:
        result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
            command,
            cwd=mutants,
            env=env,
            capture_output=True,
            check=False,
            timeout=_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return True
    return result.returncode not in (0, _NO_TESTS_RAN)


def main(names: list[str]) -> list[str]:
    """Return the mutants among ``names`` that the whole selection does not kill."""
    config = _config()
    at_import = _run_at_import()
    chosen = [n for n in names if needs_recheck(n, at_import)]
    jobs = int(os.environ.get("MUTATION_JOBS") or os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        killed = pool.map(lambda n: _killed(n, _selection(n, config)), chosen)
        verdicts = dict(zip(chosen, killed, strict=True))
    alive = [n for n in names if not verdicts.get(n, False)]
    Path("survivors.txt").write_text("".join(f"{n}\n" for n in alive), encoding="utf-8")
    print(
        f"re-checked {len(chosen)} of {len(names)} survivors: "
        f"{len(names) - len(alive)} killed, {len(alive)} alive"
    )
    for name in alive:
        print("  ", name)
    return alive


def __dir__() -> list[str]:
    return list(__all__)


if __name__ == "__main__":
    main(sys.argv[1:])
