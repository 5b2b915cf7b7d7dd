"""Start to usable: ``galley gui --open ID --screenshot F`` (the article shown and its preview
rendered, then grabbed) beside a bare PySide6 window with a QPlainTextEdit that grabs itself
once painted. Each run is a fresh process; they are started in turn; the time is from
process start to the moment the PNG is written (each prints its path right then).

Two more windows in the same rotation show what the stack itself costs
(``stack_floor_child.py``): the same article in a list, an editor and a preview with no
Galley code, read through sqlite-utils and rendered by Python-Markdown; and that window
with neither (its shape alone).

python benchmarks/bench_screenshot.py [RUNS] [--size N]
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
TARGET = 2.0


def _run(args: list[str], env: dict[str, str], out: Path) -> float:
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    child = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    took = (time.perf_counter() - start) * 1000
    child.wait(timeout=60)
    if line.strip() != str(out) or not out.is_file() or out.stat().st_size < 1000:
        raise RuntimeError(f"{args[1]} wrote no screenshot")
    return took


def results(runs: int = 15, size: int = 100_000) -> list[Result]:
    store = default_store(size)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "app")], check=True)
    home = tempfile.mkdtemp(prefix="galley-grab-")
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "GALLEY_USER": "benchmark",
        "PYTHONPATH": str(HERE.parent),
        **{f"XDG_{k}_HOME": f"{home}/{k.lower()}" for k in ("CONFIG", "DATA", "STATE", "CACHE")},
    }
    newest = subprocess.run(
        [sys.executable, "-m", "app.cli", "list", "--store", str(store), "--limit", "1"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[0]
    out = Path(home) / "shot.png"
    bare_cmd = [sys.executable, str(HERE / "grab_child.py"), str(out)]
    floor_cmd = [sys.executable, str(HERE / "stack_floor_child.py"), str(store), newest, str(out)]
    panes_env = {**env, "GALLEY_FLOOR_PANES_ONLY": "1"}
    galley_cmd = [
        sys.executable,
        "-m",
        "app.cli",
        "gui",
        "--store",
        str(store),
        "--open",
        newest,
        "--screenshot",
        str(out),
    ]
    # The floor script twice: its environment picks the window's shape alone or the stack.
    rotation = [(bare_cmd, env), (floor_cmd, panes_env), (floor_cmd, env), (galley_cmd, env)]
    for cmd, cmd_env in rotation:  # warm the page cache
        _run(cmd, cmd_env, out)
    times: list[list[float]] = [[] for _ in rotation]
    for _ in range(runs):
        for (cmd, cmd_env), took in zip(rotation, times, strict=True):
            took.append(_run(cmd, cmd_env, out))
    bare, panes, floor, galley = times
    bare_median, bare_p95 = summarise(bare)
    galley_median, galley_p95 = summarise(galley)
    platform = env["QT_QPA_PLATFORM"]
    floors = []
    for label, numbers in (
        ("the window's shape alone: list, editor, preview", panes),
        ("+ sqlite-utils and Python-Markdown (the stack's floor)", floor),
    ):
        median, p95 = summarise(numbers)
        note = f"{median / bare_median:.2f} × bare; no Galley code"
        floors.append(Result(f"usable: {label}", median, p95, note=note))
    return [
        Result(
            "usable: bare PySide6 + QPlainTextEdit, grabbed", bare_median, bare_p95, note=platform
        ),
        *floors,
        Result(
            f"usable: galley gui --open --screenshot ({size:,} articles)",
            galley_median,
            galley_p95,
            note="article shown, preview rendered, grabbed",
        ),
        Result(
            "usable: ratio Galley / bare",
            galley_median / bare_median,
            unit="×",
            note=f"target ≤ {TARGET} ×",
        ),
        Result(
            "usable: ratio Galley / the stack's floor",
            galley_median / summarise(floor)[0],
            unit="×",
            note="what Galley's own code adds",
        ),
    ]


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    size = 100_000
    if "--size" in sys.argv:
        size = int(sys.argv[sys.argv.index("--size") + 1])
        numbers = [n for n in numbers if int(n) != size]
    emit(results(int(numbers[0]) if numbers else 15, size))
