"""Desk sync against git (issue: "slow against git"): each figure is a whole ``galley``
process, start to exit, beside a floor measured in the same run, with its ratio and target.

- join: ``galley sync --remote DESK`` into an empty store, 10,000-article desk with 1,000
  photos. Floor: ``git clone DESK`` plus ``desk_floor_join.py`` (no Galley code: the cloned
  articles' text into a fresh SQLite file with Galley's FTS5 table and CJK bigrams, one
  transaction). Target ≤ 1.5 ×. Peak memory (the child's ``ru_maxrss``) of the join of the
  30,000-article desk: ≤ 300 MB.
- send: 10 articles edited on a laptop synced with the desk (10,000 and 100,000 articles),
  then ``galley sync``. Floor: in a clone of a copy of the same desk, the same 10 articles'
  files (as Galley's sync wrote them) written, then ``git commit -a``, ``git pull --rebase``
  and ``git push`` (git's CLI). Target ≤ 1.5 ×.
- nothing to exchange: ``galley sync`` with nothing new on either side (median of 5). Floor:
  ``desk_floor_nothing.py`` (the store opened with ``sqlite3``, the desk fetched with
  pygit2), median of 5. Target ≤ 2 ×.

The desks are built once (``desk_corpus.py``, ~25 minutes for all three) into
``benchmarks/cache/``; each run works on copies.

python benchmarks/bench_desk.py [--parts=join,memory,send,nothing] [--sizes=10000,100000]
                                [--galley=CHECKOUT] [--keep] [--json]

--galley=CHECKOUT runs that checkout's code as the galley process (another commit's, to
compare); the floors are the same.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import Result, emit  # noqa: E402
from corpus import CACHE  # noqa: E402
from desk_corpus import WHO, build, desk_path, laptop_path  # noqa: E402

GALLEY = str(Path(sys.executable).parent / "galley")
GIT = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@localhost"]
TARGETS = {"join": 1.5, "send": 1.5, "nothing": 2.0}
MEMORY_TARGET = 300.0


def _option(name: str, default: str) -> str:
    return next((a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")), default)


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out["GALLEY_USER"] = WHO
    return out


def run_measured(argv: list[str], **kw) -> tuple[float, float, str]:  # noqa: ANN003
    """As ``run``, with the peak taken by ``wait4`` of this very child (its own rusage)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        argv,
        cwd=kw.get("cwd"),
        env=kw.get("environ") or env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Read the pipes on threads so the child never blocks, and reap it with wait4 here.
    import threading

    chunks: dict[str, bytes] = {}

    def drain(name: str, pipe) -> None:  # noqa: ANN001
        chunks[name] = pipe.read()

    readers = [
        threading.Thread(target=drain, args=("out", child.stdout)),
        threading.Thread(target=drain, args=("err", child.stderr)),
    ]
    for r in readers:
        r.start()
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    for r in readers:
        r.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(
            f"{' '.join(argv)} failed ({child.returncode}): {chunks['err'].decode()[-2000:]}"
        )
    return seconds, usage.ru_maxrss / 1024, chunks["out"].decode()


def galley(store: Path, *args: str) -> tuple[float, float, str]:
    """``galley --store STORE sync ARGS`` (``--galley=CHECKOUT``: that checkout's code, to
    compare with an earlier commit)."""
    checkout = _option("galley", "")
    command = [GALLEY]
    if checkout:
        command = [sys.executable, "-c", f"import sys; sys.path.insert(0, {checkout!r}); "
                   "from app.cli import main; sys.exit(main())"]  # fmt: skip
    return run_measured([*command, "--store", str(store), "sync", *args])


def join(size: int, work: Path, results: list[Result], *, floor: bool) -> None:
    desk = desk_path(size)
    seconds, peak, out = galley(work / f"join-{size}" / "g.sqlite", "--remote", str(desk))
    note = f"{out.strip()[:60]}; peak {peak:,.0f} MB"
    if not floor:
        results.append(
            Result(f"desk memory: join {size:,}, peak", peak, None, "MB", f"join {seconds:.1f} s")
        )
        return
    clone, _p, _o = run_measured([*GIT, "clone", "-q", str(desk), str(work / f"clone-{size}")])
    insert, _p, count = run_measured(
        [sys.executable, str(HERE / "desk_floor_join.py"), str(work / f"clone-{size}"),
         str(work / f"floor-{size}.sqlite")]
    )  # fmt: skip
    add(results, "join", f"join {size:,}-article desk", seconds, clone + insert, "s",
        f"floor: clone {clone:.1f} s + insert {int(count):,} {insert:.1f} s; {note}")  # fmt: skip


def add(results: list[Result], kind: str, what: str, value: float, floor: float, unit: str,
        note: str) -> None:  # fmt: skip
    """The figure (its floor in the ``p95`` slot) and its ratio, a row each."""
    results.append(Result(f"desk: {what}", value, floor, unit, note))
    results.append(Result(f"desk ratio: {kind}: {what}", value / floor, None, "×", ""))


def edit_ten(store_path: Path, tag: str) -> list[str]:
    """Ten articles edited through the store, spread over the desk (not timed)."""
    from app.store import Store

    with Store.open(store_path) as store:
        rows = store._db.conn.execute("SELECT id FROM articles ORDER BY seq").fetchall()
        picked = random.Random(tag).sample([r[0] for r in rows], 10)
        for article_id in picked:
            article = store.get_article(article_id)
            article.body += f"\n\n更正:數字已更新。{tag}\n"
            store.save_article(article, author=WHO)
    return picked


def changed_files(desk: Path, before: str) -> dict[str, bytes]:
    """The files the desk's head changed since ``before``, as bytes."""
    import pygit2

    repo = pygit2.Repository(str(desk))
    head = repo.references["refs/heads/main"].peel(pygit2.Commit)
    diff = repo.diff(repo[before].peel(pygit2.Commit).tree, head.tree)
    return {
        d.delta.new_file.path: repo[d.delta.new_file.id].data
        for d in diff
        if d.delta.status_char() in "AM"
    }


def head_of(desk: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(desk), "rev-parse", "refs/heads/main"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def send_and_nothing(size: int, work: Path, results: list[Result], parts: set[str]) -> None:
    desk, laptop = work / f"desk-{size}.git", work / f"laptop-{size}"
    plain, clone = work / f"git-desk-{size}.git", work / f"git-clone-{size}"
    shutil.copytree(desk_path(size), desk, symlinks=True)
    shutil.copytree(desk_path(size), plain, symlinks=True)
    shutil.copytree(laptop_path(size), laptop, symlinks=True)
    subprocess.run([*GIT, "clone", "-q", str(plain), str(clone)], check=True)
    store = laptop / "g.sqlite"
    galley(store, "--remote", str(desk))  # the copy's address; nothing else to exchange
    if "nothing" in parts:
        ours = [galley(store)[0] for _ in range(5)]
        floor = [
            run_measured([sys.executable, str(HERE / "desk_floor_nothing.py"), str(store)])[0]
            for _ in range(5)
        ]
        mine, base = statistics.median(ours), statistics.median(floor)
        add(results, "nothing", f"nothing to exchange, {size:,}", mine * 1000, base * 1000,
            "ms", "median of 5 each; floor: sqlite3 open + pygit2 fetch")  # fmt: skip
    if "send" not in parts:
        return
    before = head_of(desk)
    edit_ten(store, f"{time.time():.0f}")
    seconds, peak, out = galley(store)
    files = changed_files(desk, before)
    for path, data in files.items():
        (clone / path).parent.mkdir(parents=True, exist_ok=True)
        (clone / path).write_bytes(data)
    steps = []
    for argv in (
        [*GIT, "-C", str(clone), "commit", "-qam", "10 articles changed"],
        [*GIT, "-C", str(clone), "pull", "-q", "--rebase"],
        [*GIT, "-C", str(clone), "push", "-q"],
    ):
        steps.append(run_measured(argv)[0])
    add(results, "send", f"send 10 changed, {size:,}", seconds * 1000, sum(steps) * 1000, "ms",
        f"{len(files)} files; git commit {steps[0] * 1000:.0f} + pull --rebase "
        f"{steps[1] * 1000:.0f} + push {steps[2] * 1000:.0f} ms; {out.strip()[:50]}")  # fmt: skip


def main() -> None:
    parts = set(_option("parts", "join,memory,send,nothing").split(","))
    sizes = [int(s) for s in _option("sizes", "10000,100000").split(",")]
    needed = set(sizes) | ({10_000} if "join" in parts else set())
    needed |= {30_000} if "memory" in parts else set()
    build(sorted(needed))
    code = Path(_option("galley", str(HERE.parent))) / "app"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(code)], check=True)
    results: list[Result] = []
    work = Path(tempfile.mkdtemp(dir=CACHE, prefix="desk-run-"))
    try:
        if "join" in parts:
            join(10_000, work, results, floor=True)
        if "memory" in parts:
            join(30_000, work, results, floor=False)
        shutil.rmtree(work / "join-10000", ignore_errors=True)
        shutil.rmtree(work / "join-30000", ignore_errors=True)
        for size in sizes:
            if parts & {"send", "nothing"}:
                send_and_nothing(size, work, results, parts)
                for leftover in work.glob(f"*-{size}*"):
                    shutil.rmtree(leftover, ignore_errors=True)
    finally:
        if "--keep" not in sys.argv:
            shutil.rmtree(work, ignore_errors=True)
    if "--json" in sys.argv:  # for run.py's table: the floor goes in the note
        emit(
            [
                Result(r.what, r.median, None, r.unit, f"floor {r.p95:,.2f}; {r.note}")
                if r.p95 is not None
                else r
                for r in results
            ]
        )
        return
    print_table(results)


def verdict(r: Result) -> tuple[str, str]:
    """The target of a row and whether it is met ("" for rows without one)."""
    if r.what.startswith("desk ratio: "):
        target = TARGETS[r.what.split(": ")[1]]
        return f"≤ {target:.1f} ×", "ok" if r.median <= target else "MISSED"
    if r.what.startswith("desk memory: "):
        return f"≤ {MEMORY_TARGET:.0f} MB", "ok" if r.median <= MEMORY_TARGET else "MISSED"
    return "", ""


def print_table(results: list[Result]) -> None:
    """figure, floor, ratio, target, verdict: a figure's ratio row folded into its line."""
    import platform

    print(f"machine: {os.cpu_count()} cores; Python {platform.python_version()}")
    print(f"{'what':<40}{'figure':>9}{'floor':>9}{'ratio':>7}  {'target':<10}{'':<7}note")
    rows = iter(results)
    for r in rows:
        ratio, target, ok = "", *verdict(r)
        if r.p95 is not None:
            pair = next(rows)
            ratio, (target, ok) = f"{pair.median:.2f}", verdict(pair)
        digits = 2 if r.unit == "s" else 0
        value = f"{r.median:,.{digits}f} {r.unit}"
        floor = "" if r.p95 is None else f"{r.p95:,.{digits}f}"
        what = r.what.removeprefix("desk: ").removeprefix("desk ")
        print(f"{what:<40}{value:>9}{floor:>9}{ratio:>7}  {target:<10}{ok:<7}{r.note}")


if __name__ == "__main__":
    main()
