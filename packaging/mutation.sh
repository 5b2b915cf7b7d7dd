#!/usr/bin/env bash
# Mutation testing of the rules (app/core, app/store, app/publish, app/exchange) with mutmut.
# Not in CI: it runs the fast tests once per mutant, hours for all four packages.
#
#   packaging/mutation.sh                          every mutant of the four packages
#   packaging/mutation.sh app/core/workflow.py     one module (or a package: app/store)
#   packaging/mutation.sh app/core/checks.py app/core/text.py
#   packaging/mutation.sh 'app.core.checks.x_title_length*'   mutants by name (mutmut's globs)
#
# Run it with the venv active (or MUTMUT=.venv/bin/mutmut). Results: `mutmut results` (survivors), `mutmut show NAME` (a mutant's diff), `mutmut browse`;
# mutants/mutmut-cicd-stats.json holds the counts. One worker at the lowest priority, so the
# machine stays usable (MUTMUT_CHILDREN=2 for more). The configuration (which files mutate,
# which tests run) is [tool.mutmut] in pyproject.toml; docs/testing.md has the last scores.
set -euo pipefail
cd "$(dirname "$0")/.."
mutmut=${MUTMUT:-mutmut}
patterns=()
for target in "$@"; do
    if [[ $target == *"*"* ]]; then  # a mutant name pattern: 'app.core.checks.x_title_length*'
        patterns+=("$target")
        continue
    fi
    target=${target%.py}
    target=${target%/}
    patterns+=("${target//\//.}.*")
done
nice -n 19 "$mutmut" run --max-children "${MUTMUT_CHILDREN:-1}" "${patterns[@]}"
"$mutmut" export-cicd-stats
cat mutants/mutmut-cicd-stats.json
