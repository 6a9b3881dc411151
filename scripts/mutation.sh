#!/usr/bin/env bash
# Mutation testing of the rules, zoning, ranking and gaps with mutmut 3. Run by
# ./dev mutation, which installs the mutation dependency group first. Not a step of .ci/run
# (it takes longer than the rest of CI together); docs/testing.md has the figures.
#
#   scripts/mutation.sh              run every mutant, re-check the survivors, print the score
#   scripts/mutation.sh report       print the score and the survivors of the last run
#   scripts/mutation.sh show NAME    show one mutant's diff
#
# Extra arguments after "run" go to mutmut run; MUTATION_JOBS (default: the number of cores)
# sets its --max-children.
#
# mutmut 3 copies the project to mutants/ and runs pytest there. To keep the working tree
# clean, this script runs it in a scratch copy of the tree (the files git tracks or would
# track) in ${MUTATION_DIR:-$TMPDIR/opinipp-mutation}, reused between runs so that mutmut's
# cache skips the mutants whose code and tests did not change.
#
# The configuration is the [tool.mutmut] table of pyproject.toml. What makes mutmut 3 work
# with this project:
# - source_paths = ["src/"] with only_mutate globs: the src layout, bundled data included,
#   is copied to mutants/src, which mutmut puts first on sys.path (the editable install's
#   .pth entry comes later), so the tests import the mutated package.
# - pytest_add_cli_args_test_selection names the test files and the mutated modules, so
#   their doctests (collected through the project's --doctest-modules) count as tests.
# - also_copy brings docs/ and scripts/, which test_rules.py reads.
# - mutmut forks each mutant's run from a process that has already imported opinipp, and
#   credits code that runs at import (the prebuilt tables of zoning and gaps, the checks of
#   every bundled RuleSet, the validators built with the rule classes) to the first test
#   that imported the module. Mutants of that code cannot fail there, so
#   scripts/_recheck_survivors.py then runs every surviving mutant in a fresh interpreter,
#   the mutant active from the first import, against the whole selection; the score counts
#   both passes. (process_isolation = "forkserver" imports afresh but still runs only the
#   credited test, and is several times slower.)
# - Hypothesis runs under the default profile (100 examples per property).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="${MUTATION_DIR:-${TMPDIR:-/tmp}/opinipp-mutation}"
MUTMUT="$ROOT/.venv/bin/mutmut"
PY="$ROOT/.venv/bin/python"

if ! grep -q '^\[tool\.mutmut\]' pyproject.toml; then
    echo "pyproject.toml has no [tool.mutmut] table" >&2
    exit 2
fi
if [ ! -x "$MUTMUT" ]; then
    echo "no $MUTMUT: run ./dev mutation, which installs the mutation dependency group" >&2
    exit 2
fi
JOBS="${MUTATION_JOBS:-$("$PY" -c 'import os; print(os.cpu_count() or 1)')}"

sync_tree() {
    mkdir -p "$WORK"
    git ls-files -z --cached --others --exclude-standard \
        | "$PY" "$ROOT/scripts/_sync_tree.py" "$ROOT" "$WORK"
}

# Print the counts of mutmut's verdicts and write the names it did not kill to $WORK/alive.txt.
mutmut_verdicts() {
    (cd "$WORK" && "$MUTMUT" results --all true) >"$WORK/results.txt" 2>&1 || true
    "$PY" - "$WORK/results.txt" "$WORK/alive.txt" <<'PYTHON'
import collections
import sys

counts: collections.Counter[str] = collections.Counter()
alive = []
for line in open(sys.argv[1], encoding="utf-8"):
    if ": " not in line:
        continue
    name, status = (part.strip() for part in line.rsplit(": ", 1))
    counts[status] += 1
    if status not in ("killed", "timeout"):
        alive.append(name)
open(sys.argv[2], "w", encoding="utf-8").write("".join(f"{n}\n" for n in alive))
print("mutants:", sum(counts.values()), dict(counts))
PYTHON
}

score() {
    "$PY" - "$WORK/results.txt" "$WORK/survivors.txt" <<'PYTHON'
import sys

total = sum(1 for line in open(sys.argv[1], encoding="utf-8") if ": " in line)
alive = [line.strip() for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
if total:
    killed = total - len(alive)
    print(f"score: {killed} of {total} mutants killed ({100 * killed / total:.1f}%)")
print("survivors:")
for name in alive:
    print("  ", name)
PYTHON
}

case "${1:-run}" in
    run)
        start=$SECONDS
        sync_tree
        (cd "$WORK" && PATH="$ROOT/.venv/bin:$PATH" "$MUTMUT" run --max-children "$JOBS" "${@:2}") \
            || true
        mutmut_verdicts
        echo "first pass: $((SECONDS - start)) s"
        (cd "$WORK" && MUTATION_JOBS="$JOBS" \
            xargs -a alive.txt "$PY" "$ROOT/scripts/_recheck_survivors.py")
        score
        echo "wall time: $((SECONDS - start)) s with $JOBS workers"
        ;;
    report)
        mutmut_verdicts
        score
        ;;
    show)
        cd "$WORK" && "$MUTMUT" show "$2"
        ;;
    *)
        echo "usage: $0 [run|report|show NAME]" >&2
        exit 2
        ;;
esac
