"""Full-text search latency on the benchmark store: ranked top 50, median and p95.

python benchmarks/bench_search.py [ARTICLES]
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from corpus import build_store, default_store, vocabulary

from app.store import Store

QUERIES = [
    ("2-char Chinese, common", "政府"),
    ("2-char Chinese, sample", "抽水"),
    ("2-char Chinese, mid", "颱風"),
    ("4-char Chinese", "抽水作業"),
    ("English word", "Reuters"),
]


def timed(fn, runs: int = 40) -> tuple[float, float]:  # noqa: ANN001
    fn()  # warm the page cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = default_store(count)
    rare = vocabulary(random.Random(build_store.__kwdefaults__["seed"]))[0][20_000]
    queries = [*QUERIES, ("2-char Chinese, rare", rare)]
    with Store.open(path) as store:
        total = store.count_articles()
        print(f"store: {path.name}, {total:,} articles, {path.stat().st_size / 1e6:,.0f} MB")
        print(f"{'query':<28}{'text':<10}{'matches':>9}{'median ms':>11}{'p95 ms':>9}")
        for label, query in queries:
            from app.core.text import fts_query

            matches = next(
                store.db.query(
                    "SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH ?",
                    [fts_query(query)],
                )
            )["n"]
            median, p95 = timed(lambda q=query: store.search(q, limit=50))
            print(f"{label:<28}{query:<10}{matches:>9,}{median:>11.1f}{p95:>9.1f}")
        like = f"%{rare}%"
        median, p95 = timed(
            lambda: list(store.db.query("SELECT count(*) FROM articles WHERE body LIKE ?", [like])),
            runs=5,
        )
        print(f"{'LIKE full scan (no index)':<28}{rare:<10}{'':>9}{median:>11.1f}{p95:>9.1f}")


if __name__ == "__main__":
    main()
