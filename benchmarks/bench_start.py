"""Cold start to the first painted main window: Galley on the 100,000-article store beside a
bare PySide6 QMainWindow (the floor), each in a fresh process, started alternately.

python benchmarks/bench_start.py [RUNS]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Result, emit, summarise
from corpus import default_store

HERE = Path(__file__).resolve().parent


def _start(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / "start_child.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "PAINTED":
            elapsed = (time.perf_counter() - start) * 1000
            break
    else:
        raise RuntimeError(f"{args[0]} never painted (exit {child.wait()})")
    child.wait(timeout=60)
    return elapsed


def results(runs: int = 15) -> list[Result]:
    store = default_store(100_000)
    home = tempfile.mkdtemp(prefix="galley-start-")
    # An installed app (and the PyInstaller build) starts from bytecode: compile Galley's
    # modules first, or a PYTHONDONTWRITEBYTECODE environment makes every start compile them
    # (measured: +37 ms a start).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "app")], check=True)
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": f"{home}/config",
        "XDG_DATA_HOME": f"{home}/data",
        "XDG_STATE_HOME": f"{home}/state",
        "XDG_CACHE_HOME": f"{home}/cache",
    }
    _start(["bare"], env), _start(["galley", str(store)], env)  # warm the page cache
    bare, galley = [], []
    for _ in range(runs):
        bare.append(_start(["bare"], env))
        galley.append(_start(["galley", str(store)], env))
    bare_median, bare_p95 = summarise(bare)
    galley_median, galley_p95 = summarise(galley)
    platform = env["QT_QPA_PLATFORM"]
    return [
        Result("start: bare PySide6 QMainWindow (floor)", bare_median, bare_p95, note=platform),
        Result("start: Galley, 100,000-article store", galley_median, galley_p95, note=platform),
        Result("start: ratio Galley / floor", galley_median / bare_median, unit="×"),
    ]


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    emit(results(int(numbers[0]) if numbers else 15))
