"""Desk sync (issue 15): two laptops and a desk repository on this disk. Times a first sync
that sends a whole store, an empty laptop joining, then 10 articles changed on each side
and the syncs that exchange them; sizes of the desk repository beside the store.

python benchmarks/bench_sync.py [N]            N articles of one repeated text, no images
python benchmarks/bench_sync.py N --corpus     the benchmark corpus (``corpus.py``): varied
                                               text, a photo an article, a quarter published
    --keep=DIR    work in DIR (new) and keep the laptops and the desk there afterwards
    --again=DIR   the 10-a-side exchange again, on laptops a --keep run left in DIR
    --rounds=N    the exchange N times (each round edits 10 more on each side)

Each sync's phases (fetch, merge, write, send) are timed on stderr.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import pygit2  # noqa: E402

from app.core.model import Article  # noqa: E402
from app.exchange.desk_sync import DeskSync  # noqa: E402
from app.store import Store  # noqa: E402

BODY = ("市府今天宣布防災計畫,預計明年完成,各區抽水站也將同步更新。" * 30 + "\n\n") * 3


def _option(name: str) -> str | None:
    """The value of ``--NAME=VALUE`` on the command line, if given."""
    return next((a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")), None)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 10_000
    corpus = "--corpus" in sys.argv
    rows: list[tuple[str, float, str]] = []
    keep, again = _option("keep"), _option("again")
    with tempfile.TemporaryDirectory(dir=HERE / "cache" if corpus else None) as tmp:
        root = Path(again or keep or tmp)
        desk = root / "desk.git"
        if not again:
            pygit2.init_repository(str(desk), bare=True)
            (root / "a").mkdir()
        start = time.perf_counter()
        if corpus and not again:
            from benchmarks.corpus import default_store

            shutil.copy(default_store(n), root / "a" / "g.sqlite")
        with Store.open(root / "a" / "g.sqlite") as a, Store.open(root / "b" / "g.sqlite") as b:
            if not corpus and not again:
                for i in range(n):
                    a.create_article(
                        Article(id="", slug="", title=f"第 {i} 篇報導", body=BODY), author="測試者"
                    )
            rows.append(("store filled", time.perf_counter() - start, "s"))

            def timed(what: str, run) -> None:  # noqa: ANN001
                start = time.perf_counter()
                report = run()
                rows.append((what, (time.perf_counter() - start) * 1000, report.summary()))

            def phases(what: str):  # noqa: ANN202 - each phase's start, on stderr
                start = time.perf_counter()
                return lambda text: print(
                    f"  {what}: {time.perf_counter() - start:8.2f} s  {text}", file=sys.stderr
                )

            if not again:
                timed(
                    "first sync: the whole store sent",
                    lambda: DeskSync(a, by="測試者").sync(str(desk), progress=phases("first sync")),
                )
                timed(
                    "an empty laptop joins",
                    lambda: DeskSync(b, by="測試者").sync(str(desk), progress=phases("join")),
                )
            rounds = int(
                next((x.split("=", 1)[1] for x in sys.argv if x.startswith("--rounds=")), 1)
            )
            for round_ in range(1, rounds + 1):
                # Later rounds show the steady state: the first pays what a process or a
                # store does once (imports, the photo's renditions in b's store).
                edit, tag = f" {time.time():.0f}", f" (round {round_})" if rounds > 1 else ""
                for store, mark, pick in (
                    (a, "更正。", slice(0, 10)),
                    (b, "補充。", slice(-10, None)),
                ):
                    for summary in store.list_articles()[pick]:
                        article = store.get_article(summary.id)
                        article.body += mark + edit
                        store.save_article(article, author="測試者")
                timed(
                    "10 changed on each side: a syncs" + tag,
                    lambda: DeskSync(a, by="測試者").sync(progress=phases("a")),
                )
                timed(
                    "b syncs (gets a's 10, sends its 10)" + tag,
                    lambda: DeskSync(b, by="測試者").sync(progress=phases("b")),
                )
                timed(
                    "a syncs again (gets b's 10)" + tag,
                    lambda: DeskSync(a, by="測試者").sync(progress=phases("a")),
                )
            timed("nothing changed: a syncs", lambda: DeskSync(a, by="測試者").sync())
            size = sum(p.stat().st_size for p in desk.rglob("*") if p.is_file())
            store_size = (root / "a" / "g.sqlite").stat().st_size
            rows.append(("desk repository", size / 1e6, f"MB; the store {store_size / 1e6:.1f} MB"))
            own = sum(
                p.stat().st_size for p in (root / "a").rglob("*.desk.git/**/*") if p.is_file()
            )
            rows.append(("a's own repository", own / 1e6, "MB"))
    kind = "corpus articles" if corpus else "articles, no images"
    print(f"{'what':<50} {'value':>10}  note ({n:,} {kind})")
    for what, value, note in rows:
        unit = "ms" if not note.startswith(("s", "MB")) and what != "store filled" else ""
        print(f"{what:<50} {value:>10,.1f}  {unit + ' ' if unit else ''}{note}")


if __name__ == "__main__":
    main()
