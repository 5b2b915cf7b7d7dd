"""Full-text search over title, dek, body, figure captions and source titles (FTS5).

Chinese is indexed as overlapping bigrams (see ``app.core.text``) inside the ``unicode61``
tokenizer, so a two-character query is a one-token lookup. Ranking is FTS5's bm25 with the
title weighted highest; snippets are cut from the original text in Python, for the top hits
only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.errors import InputError
from app.core.text import fts_query, index_text, make_snippet, query_terms

if TYPE_CHECKING:
    from app.core.model import Article

# bm25 weights for: title, dek, body, captions, sources.
WEIGHTS = (10.0, 4.0, 1.0, 2.0, 1.0)
# Ranking costs ~0.8 µs a match: a word found in most of a 100,000-article archive would take
# ~80 ms. Past this many matches, only the newest this-many are ranked (a newsroom wants
# recent stories first anyway), which keeps every query under ~15 ms.
RANK_WINDOW = 12_000


@dataclass(frozen=True)
class SearchHit:
    id: str
    slug: str
    title: str
    status: str
    updated: str
    snippet: str
    match: tuple[int, int] | None
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "slug": self.slug,
            "title": self.title,
            "status": self.status,
            "updated": self.updated,
            "snippet": self.snippet,
            "match": list(self.match) if self.match else None,
            "rank": self.rank,
        }


def _columns(article: Article) -> list[str]:
    captions = "\n".join(f"{f.caption} {f.alt}" for f in article.figures)
    sources = "\n".join(f"{s.outlet} {s.title}" for s in article.sources)
    return [
        index_text(article.title),
        index_text(article.dek),
        index_text(article.body),
        index_text(captions),
        index_text(sources),
    ]


def index_article(db: Database, seq: int, article: Article, previous: Article | None) -> None:
    """Replace the article's row in the index. Caller holds the write transaction.

    The index is contentless, so removing the old row means handing FTS5 the old text again:
    ``previous`` is the article as last indexed (None for a new article).
    """
    names = "rowid, title, dek, body, captions, sources"
    if previous is not None:
        db.execute(
            f"INSERT INTO article_fts (article_fts, {names}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
            [seq, *_columns(previous)],
        )
    db.execute(
        f"INSERT INTO article_fts ({names}) VALUES (?, ?, ?, ?, ?, ?)", [seq, *_columns(article)]
    )


def search(db: Database, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Ranked matches for ``query``: all its words must occur (Chinese as substrings)."""
    expression = fts_query(query)
    if not expression:
        return []
    weights = ", ".join(str(w) for w in WEIGHTS)
    try:
        floor = list(
            db.query(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                [expression, RANK_WINDOW],
            )
        )
        window = "AND rowid > ?" if floor else ""
        params = [expression, floor[0]["rowid"], limit] if floor else [expression, limit]
        rows = list(
            db.query(
                f"SELECT a.id, a.slug, a.title, a.status, a.updated_at, a.dek, a.body, hit.score "
                f"FROM (SELECT rowid, bm25(article_fts, {weights}) AS score FROM article_fts "
                f"      WHERE article_fts MATCH ? {window} ORDER BY score LIMIT ?) AS hit "
                f"JOIN articles a ON a.seq = hit.rowid ORDER BY hit.score",
                params,
            )
        )
    except sqlite3.OperationalError as exc:
        raise InputError(f"cannot search for '{query}': {exc}", field="query") from None
    terms = query_terms(query)
    hits = []
    for r in rows:
        text = r["body"] if _contains(r["body"], terms) else r["dek"] or r["body"]
        snippet, match = make_snippet(text, terms)
        hits.append(
            SearchHit(
                id=r["id"],
                slug=r["slug"],
                title=r["title"],
                status=r["status"],
                updated=r["updated_at"],
                snippet=snippet,
                match=match,
                rank=round(r["score"], 4),
            )
        )
    return hits


def count_matches(db: Database, query: str) -> int:
    """How many articles match (cheap: no ranking), for "about N results"."""
    expression = fts_query(query)
    if not expression:
        return 0
    rows = db.query("SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH ?", [expression])
    return int(next(rows)["n"])


def _contains(text: str, terms: list[str]) -> bool:
    lowered = text.lower()
    return any(t.lower() in lowered for t in terms)


class SearchIndex:
    """Full-text search over the store's articles (the index is written by ``Articles``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        return search(self.db, query, limit=limit)

    def count(self, query: str) -> int:
        return count_matches(self.db, query)
