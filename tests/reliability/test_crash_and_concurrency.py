"""SIGKILL during autosave and two writers on one article, at CI size. The full sizes (200
kills, 1,000 saves each) run from ``benchmarks/reliability.py``, which prints the table."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.harness import concurrent_writers, crash_trials


def test_sigkill_while_saving_loses_nothing(tmp_path: Path) -> None:
    result = crash_trials(25, tmp_path)
    assert result.trials == 25
    assert (result.failures, result.lost) == (0, 0), result.notes
    assert result.details["saves per trial (median)"] > 0  # the kills did land mid-saving


def test_two_writers_no_lock_errors_no_silent_loss(tmp_path: Path) -> None:
    result = concurrent_writers(150, tmp_path)
    assert (result.failures, result.lost) == (0, 0), result.notes
    # The two did overlap, and every overlap reached the writer as a conflict to resolve
    # (remove the revision check in save_article and this is 0).
    assert result.details["conflicts surfaced"] > 0
