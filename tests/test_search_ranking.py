"""Ranking against a brute-force bm25: for random small archives, the search's top 10 are the
ten best articles by FTS5's bm25 formula (title weighted highest) computed here by hand,
score for score. Any shortcut a faster ranking takes must keep this true: each example runs
once as stored (impact rows for strong words only) and once with a row for every word, where
the impact order must answer on its own."""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from app.core.model import Article
from app.core.text import index_text
from app.store import Store, impacts
from app.store import search as search_module
from app.store.impacts import WEIGHTS

K1, B = 1.2, 0.75
WORDS = ("pump", "city", "flood", "library")


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in re.findall(r"\w+", index_text(text))]


def _brute_force(docs: dict[str, list[str]], term: str) -> dict[str, float]:
    """FTS5's bm25 (fts5_aux.c) for a one-token query over columns (title, dek, body, captions,
    sources), the last two empty here."""
    columns = {d: [_tokens(text) for text in fields] for d, fields in docs.items()}
    n_rows = len(columns)
    avgdl = sum(sum(len(c) for c in cols) for cols in columns.values()) / n_rows
    hits = [d for d, cols in columns.items() if any(term in c for c in cols)]
    idf = math.log((n_rows - len(hits) + 0.5) / (len(hits) + 0.5))
    idf = idf if idf > 0 else 1e-6
    scores = {}
    for d in hits:
        cols = columns[d]
        freq = sum(w * c.count(term) for w, c in zip(WEIGHTS, cols, strict=False))
        length = sum(len(c) for c in cols)
        scores[d] = idf * freq * (K1 + 1) / (freq + K1 * (1 - B + B * length / avgdl))
    return scores


FILLER = ("the", "desk", "said", "today", "記者", "報導")


def _text(with_term: bool) -> st.SearchStrategy[str]:
    """Filler words, and (when ``with_term``) the query's words among them."""
    pool = st.sampled_from(FILLER)
    if with_term:
        pool = st.one_of(pool, st.sampled_from(WORDS), st.sampled_from(BIGRAMS))
    return st.lists(pool, min_size=3, max_size=25).map(" ".join)


BIGRAMS = ("政府", "颱風", "防災")
_article = st.booleans().flatmap(lambda hit: st.tuples(_text(hit), _text(hit), _text(hit)))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],  # a store an example: shrinking would take minutes
)
@given(
    filler=st.integers(min_value=1, max_value=20),
    articles=st.lists(_article, min_size=12, max_size=30),
    query=st.sampled_from(WORDS + BIGRAMS),
    every_word=st.booleans(),
)
def test_the_top_ten_are_the_brute_force_bm25_top_ten(
    filler: int, articles: list[tuple[str, str, str]], query: str, every_word: bool
) -> None:
    floor = 0.0 if every_word else impacts.FLOOR
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store.open(Path(tmp) / "g.sqlite") as store,
        mock.patch.object(impacts, "FLOOR", floor),
        mock.patch.object(search_module, "RANK_ALL_BELOW", 0),  # the lists, however short
    ):
        docs = {}
        # More articles without the word than with it: its idf stays above zero, so scores
        # differ (FTS5 floors a non-positive idf at 1e-6, which makes every score equal).
        rows = articles + [("今日 記者", "desk", "the desk said today")] * (
            2 * len(articles) + filler
        )
        for n, (title, dek, body) in enumerate(rows):
            article = store.create_article(
                Article(id="", slug=f"a-{n}", title=title, dek=dek, body=body), author="測試者"
            )
            docs[article.id] = [article.title, article.dek, article.body, "", ""]
        expected = _brute_force(docs, query.lower())
        if every_word and len(expected) >= 10:  # the impact order must prove it alone
            scan = mock.patch.object(search_module, "_by_bm25", side_effect=AssertionError)
        else:
            scan = mock.patch.object(search_module, "_by_bm25", search_module._by_bm25)
        with scan:
            hits = store.search(query, limit=10)
        best = sorted(expected.values(), reverse=True)[:10]
        assert len(hits) == len(best)
        assert not best or best[0] > 0.01
        for hit, score in zip(hits, best, strict=True):
            assert abs(-hit.rank - score) < 1e-3  # the n-th shown has the n-th best score
            assert abs(-hit.rank - expected[hit.id]) < 1e-3  # and is an article that earns it
