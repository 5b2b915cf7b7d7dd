"""The command line's start (issue "Open as fast as the lightest editor"): each figure is a
whole process, start to exit, beside a floor that does the same work with no Galley code,
the two started alternately, median of RUNS (default 15) each.

- show: ``galley show ID --json``. Floor: a ``python -c`` script that opens the store with
  sqlite-utils, reads the article's row and its figures, sources and related links (the real
  schema) and prints them as JSON. Target ≤ 1.5 ×.
- list, search: ``galley list`` and ``galley search 颱風``, beside floors that run the same
  query through sqlite-utils (the newest 1,000 rows; the FTS5 phrase of bigrams, 50 best).
  No target: shown beside the show floor.
- sync: ``galley sync`` with nothing to exchange (a laptop joined to a small desk at a
  path). Floor: ``git fetch`` in a clone of the same desk. Target ≤ 2 ×. Beside it, for
  where the time goes: ``desk_floor_nothing.py`` (the store read with ``sqlite3``, the desk
  fetched with pygit2: ``bench_desk.py``'s floor) and ``python -c pass``.

Everything is built in a temporary folder (a store of the two sample articles and a few
generated ones; a desk made from it; a laptop that joined it), in a few seconds.

python benchmarks/bench_cli.py [RUNS] [--galley=CHECKOUT] [--json]

--galley=CHECKOUT runs that checkout's code as the galley process (another commit's, to
compare: ``git archive COMMIT app | tar -x -C DIR``); the store, the desk and the floors
are built by this one.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from common import Result, emit, fmt, summarise  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
WHO = "測試者"
QUERY = "颱風"
TARGETS = {"show": 1.5, "sync": 2.0}
# ``galley`` as its console script runs it, from this checkout's code (the installed script
# may import another checkout's), or from --galley=CHECKOUT's.
CHECKOUT = next(
    (Path(a.split("=", 1)[1]).resolve() for a in sys.argv if a.startswith("--galley=")), ROOT
)


def galley_of(checkout: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {str(checkout)!r}); from app.cli import main; "
        "sys.exit(main())",
    ]


GALLEY = galley_of(CHECKOUT)  # measured
BUILDER = galley_of(ROOT)  # builds the store and the desk
FLOOR_SHOW = """\
import json, sys
import sqlite_utils
db = sqlite_utils.Database(sys.argv[1])
row = next(db["articles"].rows_where("id = ?", [sys.argv[2]]))
for table in ("figures", "sources", "related"):
    row[table] = list(db[table].rows_where("article_seq = ?", [row["seq"]], order_by="position"))
for name in ("byline", "tags"):
    row[name] = json.loads(row[name])
print(json.dumps(row, ensure_ascii=False, indent=2))
"""
FLOOR_LIST = """\
import sys
import sqlite_utils
db = sqlite_utils.Database(sys.argv[1])
for r in db.query(
    "SELECT id, status, updated_at, section, title FROM articles"
    " ORDER BY updated_at DESC, seq DESC LIMIT 1000"
):
    print(f"{r['id'][:8]}  {r['status']:<9}  {r['updated_at'][:16]}  {r['section'] or '-':<6}"
          f"  {r['title']}")
"""
FLOOR_SEARCH = """\
import sys
import sqlite_utils
db = sqlite_utils.Database(sys.argv[1])
for r in db.query(
    "SELECT a.id, a.title, a.body FROM article_fts JOIN articles a ON a.seq = article_fts.rowid"
    " WHERE article_fts MATCH ? ORDER BY bm25(article_fts, 10, 4, 1, 2, 2) LIMIT 50",
    [sys.argv[2]],
):
    at = r["body"].find(sys.argv[3])
    snippet = r["body"][max(0, at - 30):at + 50].replace("\\n", " ")
    print(f"{r['id'][:8]}  {r['title']}\\n          {snippet}")
"""


def environment(home: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("GALLEY_")}
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    out |= {f"XDG_{n}_HOME": str(home / n.lower()) for n in ("CONFIG", "DATA", "STATE", "CACHE")}
    out |= {"HOME": str(home), "GALLEY_USER": WHO}
    return out


def run(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Milliseconds from start to exit of one process, the CPU time it used (user + system,
    from ``wait4``: what the machine's other load moves least), and what it printed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(child.pid, 0)
        took = (time.perf_counter() - start) * 1000
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if child.returncode:
            raise SystemExit(f"{argv} failed ({child.returncode}): {err.read()[-2000:]!r}")
        return took, (usage.ru_utime + usage.ru_stime) * 1000, out.read().decode()


def build(work: Path, env: dict[str, str]) -> tuple[Path, Path, Path, str]:
    """A store (the two samples and 20 generated articles), a desk made from it at a path,
    a laptop store that joined it, a plain git clone of the desk; the typhoon article's id."""
    store, desk, laptop = work / "store.sqlite", work / "desk.git", work / "laptop.sqlite"
    out = run(
        [*BUILDER, "--store", str(store), "import",
         str(FIXTURES / "typhoon-drill" / "article.md"),
         str(FIXTURES / "library-night" / "article.md")], env,
    )[2]  # fmt: skip
    article_id = out.split()[0]
    sys.path.insert(0, str(ROOT))
    import random

    from corpus import _clauses, make_article, vocabulary

    from app.store import Store

    rng = random.Random(20261205)
    clauses, vocab = _clauses(), vocabulary(rng, 2_000)
    with Store.open(store) as opened:
        image = opened.get_article(article_id).figures[0].image
        with opened.tx.write():
            for n in range(20):
                opened.create_article(make_article(rng, clauses, n, image, vocab), author=WHO)
    run([*BUILDER, "--store", str(store), "sync", "--create", "--remote", str(desk)], env)
    run([*BUILDER, "--store", str(laptop), "sync", "--remote", str(desk)], env)
    run([*BUILDER, "--store", str(laptop), "sync"], env)  # settled: nothing left either way
    clone = work / "clone"
    run(["git", "clone", "-q", str(desk), str(clone)], env)
    return store, laptop, clone, article_id


def measure(
    rows: dict[str, tuple[list[str], Path | None]], env: dict[str, str], runs: int
) -> dict[str, tuple[list[float], list[float]]]:
    """Each row's command in turn, ``runs`` rounds (after one round that warms the page
    cache), so that the load of the machine falls on all of them alike: wall and CPU ms."""
    samples: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in rows}
    for n in range(runs + 1):
        for name, (argv, cwd) in rows.items():
            took, cpu, _out = run(argv, env, cwd)
            if n:
                samples[name][0].append(took)
                samples[name][1].append(cpu)
    return samples


# Each figure: its command, its floor (the ratio and the target are to this one), and rows
# shown beside them for where the time goes.
FIGURES = {
    "show": ("show", "show floor", ()),
    "list": ("list", "list floor", ()),
    "search": ("search", "search floor", ()),
    "sync": ("sync", "git fetch", ("pygit2 floor", "python")),
}
LABELS = {
    "show": "galley show ID --json",
    "show floor": "  floor: sqlite-utils, the row and its lists as JSON",
    "list": "galley list",
    "list floor": "  floor: sqlite-utils, the newest 1,000 rows",
    "search": f"galley search {QUERY}",
    "search floor": "  floor: sqlite-utils, FTS5 phrase, 50 best",
    "sync": "galley sync, nothing to exchange",
    "git fetch": "  floor: git fetch in a clone of the desk",
    "pygit2 floor": "  beside: sqlite3 read + pygit2 fetch (desk_floor_nothing)",
    "python": "  beside: python -c pass (the interpreter's start)",
}


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    runs = int(numbers[0]) if numbers else 15
    for code in {ROOT, CHECKOUT}:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "app")], check=True)
    work = Path(tempfile.mkdtemp(prefix="galley-cli-"))
    try:
        env = environment(work / "home")
        store, laptop, clone, article_id = build(work, env)
        from app.core.text import index_text

        phrase = '"' + " ".join(index_text(QUERY).split()) + '"'
        py = [sys.executable, "-c"]
        rows = {
            "show": ([*GALLEY, "--store", str(store), "show", article_id, "--json"], None),
            "show floor": ([*py, FLOOR_SHOW, str(store), article_id], None),
            "list": ([*GALLEY, "--store", str(store), "list"], None),
            "list floor": ([*py, FLOOR_LIST, str(store)], None),
            "search": ([*GALLEY, "--store", str(store), "search", QUERY], None),
            "search floor": ([*py, FLOOR_SEARCH, str(store), phrase, QUERY], None),
            "sync": ([*GALLEY, "--store", str(laptop), "sync"], None),
            "git fetch": (["git", "fetch", "-q"], clone),
            "pygit2 floor": ([sys.executable, str(HERE / "desk_floor_nothing.py"), str(laptop)],
                             None),
            "python": ([*py, "pass"], None),
        }  # fmt: skip
        said = run(rows["sync"][0], env)[2]
        assert "nothing new" in said, said
        samples = measure(rows, env, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results: list[Result] = []
    for name, (ours, floor, beside) in FIGURES.items():
        mine, base = statistics.median(samples[ours][0]), statistics.median(samples[floor][0])
        cpu = {key: statistics.median(samples[key][1]) for key in (ours, floor, *beside)}
        for key in (ours, floor, *beside):
            median, p95 = summarise(samples[key][0])
            note = f"CPU {cpu[key]:.0f} ms"
            if key != ours:
                note += f"; galley {mine / median:.2f} × this (CPU {cpu[ours] / cpu[key]:.2f} ×)"
            results.append(Result(f"cli: {LABELS[key]}", median, p95, "ms", note))
        results.append(Result(f"cli ratio: {name}", mine / base, None, "×",
                              f"wall to wall, galley / {floor}"))  # fmt: skip
    if "--json" in sys.argv:
        emit(results)
        return
    print(f"machine: {os.cpu_count()} cores; Python {platform.python_version()}; whole "
          f"processes, median and p95 of {runs} rounds, each command once a round")  # fmt: skip
    print_table(results)


def verdict(r: Result) -> tuple[str, str]:
    """A ratio row's target and whether it is met ("" for the others)."""
    target = TARGETS.get(r.what.removeprefix("cli ratio: ")) if "ratio" in r.what else None
    if target is None:
        return "", ""
    return f"≤ {target:.1f} ×", "ok" if r.median <= target else "MISSED"


def print_table(results: list[Result]) -> None:
    print(f"{'what':<62}{'median':>8}{'p95':>8}  {'unit':<5}{'target':<9}{'':<7}note")
    for r in results:
        target, ok = verdict(r)
        what = r.what.removeprefix("cli: ").removeprefix("cli ")
        print(f"{what:<62}{fmt(r.median, r.unit):>8}{fmt(r.p95, r.unit):>8}  {r.unit:<5}"
              f"{target:<9}{ok:<7}{r.note}")  # fmt: skip


if __name__ == "__main__":
    main()
