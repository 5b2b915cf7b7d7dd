"""The reliability table: trials, failures and what was lost (must be 0) for every fault.

    python benchmarks/reliability.py            # full: 200 SIGKILLs, 2 x 1,000 saves
    python benchmarks/reliability.py --size ci  # reduced, as CI runs it

The crash and concurrency trials run here; the fault, hostile-input and property suites run
through pytest (tests/reliability) and are counted per case. Exit status 1 if anything failed
or was lost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.harness import TrialResult, concurrent_writers, crash_trials  # noqa: E402

SIZES = {"full": (200, 1000), "ci": (30, 150)}
SUITES = {
    "full disk, store gone, read-only medium, backups": "tests/reliability/test_faults.py",
    "the window: full disk, store deleted, read-only, slot exception, backup": (
        "tests/reliability/test_ui_faults.py"
    ),
    "hostile and broken input (import)": "tests/reliability/test_hostile_import.py",
    "property tests (hypothesis)": "tests/reliability/test_properties.py",
    "hostile review bundles (slug, keys, URLs, surrogates, foreign notes)": (
        "tests/gate/test_review_bundle_hostile.py"
    ),
    "hostile command-line input, imports that export can write, restores": (
        "tests/gate/test_hostile_cli.py"
    ),
    "exports: only inside --out, never half a batch, 11+ figures": (
        "tests/gate/test_export_safety.py"
    ),
    "store file replaced or moved under a running Galley": "tests/gate/test_store_file.py",
    "images keep nothing but pixels (every path in)": "tests/gate/test_image_cleaning.py",
    "desk sync: hostile desks, refused pushes, HTTP faults, killed mid-sync, convergence": (
        "tests/sync"
    ),
    "the window: other writers, background work, Cancel": "tests/gate/test_window_changes.py",
    "rules the suite used to miss (mutants)": "tests/gate/test_mutants.py",
}


def run_suite(name: str, path: str, folder: Path) -> TrialResult:
    """One pytest run; each test case is a trial. A refused or failing case is a failure."""
    report = folder / (Path(path).stem + ".xml")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", path,
         f"--junitxml={report}"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    result = TrialResult(name)
    if not report.exists():
        result.fail("pytest did not run")
        return result
    for case in ET.parse(report).iter("testcase"):
        result.trials += 1
        problem = case.find("failure") or case.find("error")
        skipped = case.find("skipped")
        if problem is not None:
            result.fail(f"{case.get('name')}: {problem.get('message', '')[:120]}")
        elif skipped is not None:
            result.notes.append(f"{case.get('name')} skipped: {skipped.get('message', '')}")
    return result


def table(results: list[tuple[TrialResult, float]]) -> str:
    rows = [("case", "trials", "failures", "lost", "seconds", "notes")]
    for r, seconds in results:
        extra = ", ".join(f"{k} {v:g}" for k, v in r.details.items())
        notes = "; ".join(filter(None, [extra, *r.notes]))
        rows.append((r.name, str(r.trials), str(r.failures), str(r.lost), f"{seconds:.1f}", notes))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [row[i].rjust(widths[i]) for i in range(1, 5)]
        lines.append("| " + " | ".join([*cells, row[5]]) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|---|")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="full")
    args = parser.parse_args()
    kills, saves = SIZES[args.size]
    results: list[tuple[TrialResult, float]] = []
    with tempfile.TemporaryDirectory(prefix="galley-reliability-") as tmp:
        folder = Path(tmp)
        for run in (
            lambda: crash_trials(kills, folder / "crash"),
            lambda: concurrent_writers(saves, folder / "writers"),
            *(lambda n=n, p=p: run_suite(n, p, folder) for n, p in SUITES.items()),
        ):
            started = time.perf_counter()
            result = run()
            results.append((result, time.perf_counter() - started))
            print(f"  {result.name}: {result.trials} trials, {result.failures} failures",
                  file=sys.stderr)  # fmt: skip
    print(f"\nGalley reliability ({args.size} size), {time.strftime('%Y-%m-%d %H:%M')}\n")
    print(table(results))
    bad = sum(r.failures + r.lost for r, _ in results)
    print(f"\n{'ALL CLEAR' if not bad else 'FAILED'}: {bad} failures or losses")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
