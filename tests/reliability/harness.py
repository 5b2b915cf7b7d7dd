"""The crash and concurrency trials, shared by the tests (small sizes) and
``benchmarks/reliability.py`` (full sizes, a table).

Each trial counts what a user would call a loss: a save that returned and is not in the
store afterwards, or a store that no longer opens or fails ``PRAGMA integrity_check``.
"""

from __future__ import annotations

import json
import os
import random
import re
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.store import Store
from app.store.backup import integrity_errors

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^\[(\w+)-(\d+)\]")


@dataclass
class TrialResult:
    name: str
    trials: int = 0
    failures: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)
    details: dict[str, float] = field(default_factory=dict)

    def fail(self, note: str) -> None:
        self.failures += 1
        if len(self.notes) < 5:
            self.notes.append(note)


def _child(
    store: Path, article_id: str, name: str, count: int, pause_ms: float = 0
) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.saver", str(store), article_id, name, str(count)]
        + ([str(pause_ms)] if pause_ms else []),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def _new_store(folder: Path) -> tuple[Path, str]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "galley.sqlite"
    with Store.open(path) as store:
        article = store.new_article("颱風季前大演練", body="[start-0]\n\n開始。", author="記者")
    return path, article.id


def _wait_for_ready(proc: subprocess.Popen[str], timeout: float = 30) -> None:
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sel.select(timeout=0.5) and proc.stdout.readline().strip() == "ready":
            return
        if proc.poll() is not None:
            raise RuntimeError(f"the saver exited early: {proc.stderr.read()}")
    raise RuntimeError("the saver did not start")


def crash_trials(trials: int, folder: Path, *, seed: int = 7) -> TrialResult:
    """Kill a saving process with SIGKILL at random moments; check what survived."""
    rng = random.Random(seed)
    result = TrialResult("crash (SIGKILL while saving)")
    path, article_id = _new_store(folder)
    saves_before_kill: list[int] = []
    for trial in range(trials):
        proc = _child(path, article_id, f"t{trial}", 0)
        _wait_for_ready(proc)
        time.sleep(rng.uniform(0.0, 0.12))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate()
        saved = [int(line.split()[1]) for line in out.splitlines() if line.startswith("saved ")]
        last = max(saved, default=0)
        saves_before_kill.append(len(saved))
        result.trials += 1
        problems = integrity_errors(path)
        if problems:
            result.fail(f"trial {trial}: integrity_check: {problems[0]}")
            result.lost += 1
            continue
        try:
            with Store.open(path) as store:
                article = store.get_article(article_id)
                head = next(
                    store._db.query("SELECT hash FROM revisions WHERE id = ?", [article.revision])
                )["hash"]
            body = article.body
            if head != article.content_hash():  # a torn save: fields and history disagree
                result.fail(f"trial {trial}: the article and its head revision disagree")
                result.lost += 1
                continue
        except Exception as exc:  # noqa: BLE001 - any failure to open is what we count
            result.fail(f"trial {trial}: the store does not open: {exc}")
            result.lost += 1
            continue
        m = MARKER.match(body)
        if last and not (m and m.group(1) == f"t{trial}" and int(m.group(2)) >= last):
            result.fail(f"trial {trial}: save {last} returned but the store has {body[:20]!r}")
            result.lost += 1
    result.details["saves per trial (median)"] = sorted(saves_before_kill)[trials // 2]
    return result


def concurrent_writers(saves_each: int, folder: Path) -> TrialResult:
    """Two processes (two windows) save the same article ``saves_each`` times each."""
    result = TrialResult("two writers, one article")
    path, article_id = _new_store(folder)
    started = time.perf_counter()
    procs = {
        name: _child(path, article_id, name, saves_each, pause_ms=4) for name in ("left", "right")
    }
    outputs = {name: proc.communicate(timeout=900) for name, proc in procs.items()}
    elapsed = time.perf_counter() - started
    saved: set[str] = set()
    conflicts = 0
    for name, (out, err) in outputs.items():
        for line in out.splitlines():
            kind, _, rest = line.partition(" ")
            if kind == "saved":
                saved.add(f"{name}-{rest}")
            elif kind == "conflict":
                conflicts += 1
            elif kind == "error":
                result.fail(f"{name}: {rest}")
        if procs[name].returncode != 0:
            result.fail(f"{name} exited {procs[name].returncode}: {err.strip()[-200:]}")
    result.trials = 2 * saves_each
    with Store.open(path) as store:
        stored = {
            f"{m.group(1)}-{m.group(2)}"
            for r in store._db.query(
                "SELECT s.content FROM revisions r JOIN snapshots s ON s.hash = r.hash "
                "WHERE r.article_seq = (SELECT seq FROM articles WHERE id = ?)",
                [article_id],
            )
            if (m := MARKER.match(json.loads(r["content"])["body"]))
        }
    missing = saved - stored
    result.lost = len(missing)
    for marker in sorted(missing)[:3]:
        result.fail(f"save {marker} returned but is not in the history")
    if integrity_errors(path):
        result.fail("integrity_check failed")
    result.details["conflicts surfaced"] = conflicts
    result.details["saves per second"] = round(result.trials / elapsed, 1)
    return result
