"""Shared helpers for the benchmark scripts: timing, result rows, one table, JSON hand-off."""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Result:
    """One measured figure; ``p95`` is ``None`` for a one-off measurement."""

    what: str
    median: float
    p95: float | None = None
    unit: str = "ms"
    note: str = ""


def percentile95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(len(ordered) * 0.95) - 1)]


def summarise(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), percentile95(samples)


def timed(fn: Callable[[], object], runs: int = 30, *, warm: bool = True) -> tuple[float, float]:
    """Median and p95 in milliseconds of ``runs`` calls (after one warm-up call)."""
    if warm:
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return summarise(samples)


def fmt(value: float | None, unit: str = "ms") -> str:
    if value is None:
        return ""
    if unit in {"ms", "MB"}:
        return f"{value:,.1f}"
    if unit == "×":
        return f"{value:.2f}"
    return f"{value:,.0f}"


def print_table(results: list[Result], title: str = "") -> None:
    if title:
        print(title)
    width = max(44, *(len(r.what) + 2 for r in results))
    print(f"{'what':<{width}}{'median':>11}{'p95':>10}  unit   note")
    for r in results:
        print(
            f"{r.what:<{width}}{fmt(r.median, r.unit):>11}{fmt(r.p95, r.unit):>10}  "
            f"{r.unit:<6} {r.note}"
        )


def emit(results: list[Result]) -> None:
    """Print as a table, or as JSON for ``run.py`` when called with ``--json``."""
    if "--json" in sys.argv:
        print("RESULTS " + json.dumps([asdict(r) for r in results], ensure_ascii=False))
    else:
        print_table(results)
    sys.stdout.flush()
