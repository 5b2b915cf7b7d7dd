"""Every benchmark in one table, each beside its target, with the machine it ran on.

python benchmarks/run.py            (builds the 100,000-article store once, ~4 minutes)

Each part runs in its own process so that memory and start-up figures are its own.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
import sys
from pathlib import Path

from common import Result, fmt

HERE = Path(__file__).resolve().parent
PARTS = ["bench_start.py", "bench_search.py", "bench_ui.py", "bench_publish.py"]

# what (prefix) → (target, how it compares)
TARGETS = {
    "start: ratio": ("≤ 1.50 ×", lambda r: r.median <= 1.5),
    "search: 2-char Chinese, in 99 %": ("p95 ≤ 20 ms", lambda r: (r.p95 or 0) <= 20),
    "search: 2-char Chinese, in 50 %": ("p95 ≤ 20 ms", lambda r: (r.p95 or 0) <= 20),
    "list: window": ("≤ 300 ms", lambda r: r.median <= 300),
    "open:": ("≤ 100 ms", lambda r: r.median <= 100),
    "save:": ("≤ 10 ms", lambda r: r.median <= 10),
    "keystroke:": ("≤ 16 ms", lambda r: r.median <= 16),
    "preview: render zh sample": ("≤ 50 ms", lambda r: r.median <= 50),
    "preview: render en sample": ("≤ 50 ms", lambda r: r.median <= 50),
    "export: zh sample, images cached": ("≤ 100 ms", lambda r: r.median <= 100),
    "export: batch": ("≥ 10 art/s", lambda r: r.median >= 10),
    "memory:": ("≤ 300 MB", lambda r: r.median <= 300),
}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores, {cpu}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}"
    )


def run_part(script: str) -> list[Result]:
    print(f"running {script} …", file=sys.stderr, flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, str(HERE / script), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULTS "):
            return [Result(**item) for item in json.loads(line[len("RESULTS ") :])]
    tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
    raise SystemExit(f"{script} failed (exit {done.returncode}):\n" + "\n".join(tail))


def target_of(result: Result) -> tuple[str, str]:
    for prefix, (text, ok) in TARGETS.items():
        if result.what.startswith(prefix):
            return text, ("ok" if ok(result) else "MISSED")
    return "", ""


def main() -> None:
    results = [r for part in PARTS for r in run_part(part)]
    print(f"machine: {machine()}")
    width = max(len(r.what) for r in results) + 2
    print(f"{'what':<{width}}{'median':>10}{'p95':>9}  {'unit':<6}{'target':<13}{'':<7}note")
    for r in results:
        target, verdict = target_of(r)
        print(
            f"{r.what:<{width}}{fmt(r.median, r.unit):>10}{fmt(r.p95, r.unit):>9}  "
            f"{r.unit:<6}{target:<13}{verdict:<7}{r.note}"
        )


if __name__ == "__main__":
    main()
