"""Full-text search latency on the benchmark store: ranked top 50, median and p95.

python benchmarks/bench_search.py [ARTICLES]
"""

from __future__ import annotations

import random
import sys

from common import Result, emit, timed
from corpus import archive_size, build_store, default_store, vocabulary

from app.store import Store

QUERIES = [
    ("search: 2-char Chinese, in 99 %", "政府"),
    ("search: 2-char Chinese, in 50 %", "抽水"),
    ("search: 2-char Chinese, in 50 %", "颱風"),
    ("search: 4-char Chinese", "抽水作業"),
    ("search: 3-char word (a phrase of 2 bigrams)", "半導體"),
    ("search: English word", "Reuters"),
    ("search: two words", "政府 預算"),
    ("search: in the title", "title:政府"),
    ("search: with a filter", "政府 status:draft"),
    ("search: newest first", "政府 sort:date"),
]


def results(count: int | None = None) -> list[Result]:
    count = archive_size() if count is None else count
    path = default_store(count)
    rare = vocabulary(random.Random(build_store.__kwdefaults__["seed"]))[0][20_000]
    queries = [*QUERIES, ("search: 2-char Chinese, rare", rare)]
    out = []
    with Store.open(path) as store:
        for label, query in queries:
            matches = store.search_index.count(query)
            median, p95 = timed(lambda q=query: store.search(q, limit=50), runs=40)
            out.append(Result(f"{label} {query}", median, p95, note=f"{matches:,} matches"))
        like = f"%{rare}%"
        median, p95 = timed(
            lambda: list(
                store._db.query("SELECT count(*) FROM articles WHERE body LIKE ?", [like])
            ),
            runs=5,
        )
        out.append(Result(f"search: LIKE full scan {rare}", median, p95, note="no index, floor"))
    return out


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    emit(results(int(numbers[0]) if numbers else None))
