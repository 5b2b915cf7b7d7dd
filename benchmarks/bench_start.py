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


def _start(args: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Milliseconds to the first paint, and (Galley) to the list and article being shown."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / "start_child.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    painted = ready = None
    for line in child.stdout:
        if line.strip() == "PAINTED":
            painted = (time.perf_counter() - start) * 1000
            if args[0] == "bare":
                break
        elif line.strip() == "READY":
            ready = (time.perf_counter() - start) * 1000
            break
    if painted is None or (args[0] != "bare" and ready is None):
        raise RuntimeError(f"{args[0]} never painted or got ready (exit {child.wait()})")
    child.wait(timeout=60)
    return painted, ready


def results(runs: int = 15) -> list[Result]:
    store = default_store()
    home = tempfile.mkdtemp(prefix="galley-start-")
    # An installed app (and the PyInstaller build) starts from bytecode: compile Galley's
    # modules first, or a PYTHONDONTWRITEBYTECODE environment makes every start compile them
    # (measured: +37 ms a start).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "app")], check=True)
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "GALLEY_USER": "benchmark",  # no first-run name question on a real display
        "XDG_CONFIG_HOME": f"{home}/config",
        "XDG_DATA_HOME": f"{home}/data",
        "XDG_STATE_HOME": f"{home}/state",
        "XDG_CACHE_HOME": f"{home}/cache",
    }
    _start(["bare"], env), _start(["galley", str(store)], env)  # warm the page cache
    bare, galley, ready = [], [], []
    for _ in range(runs):
        bare.append(_start(["bare"], env)[0])
        painted, shown = _start(["galley", str(store)], env)
        galley.append(painted)
        ready.append(shown)
    bare_median, bare_p95 = summarise(bare)
    galley_median, galley_p95 = summarise(galley)
    ready_median, ready_p95 = summarise(ready)
    platform = env["QT_QPA_PLATFORM"]
    return [
        Result("start: bare PySide6 QMainWindow (floor)", bare_median, bare_p95, note=platform),
        Result(
            "start: Galley, archive store",
            galley_median,
            galley_p95,
            note=f"{platform}; first paint of the window frame",
        ),
        Result("start: ratio Galley / floor", galley_median / bare_median, unit="×"),
        Result(
            "start: Galley list and newest article shown",
            ready_median,
            ready_p95,
            note=f"ratio {ready_median / bare_median:.2f} × the floor",
        ),
    ]


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    emit(results(int(numbers[0]) if numbers else 15))
