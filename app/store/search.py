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
from app.core.search_query import SearchQuery, parse_query
from app.core.text import index_text, make_snippet

if TYPE_CHECKING:
    from app.core.model import Article

# bm25 weights for: title, dek, body, captions, sources.
WEIGHTS = (10.0, 4.0, 1.0, 2.0, 1.0)
# Ranking costs ~0.8 µs a match: a word found in most of a 100,000-article archive would take
# ~80 ms. Past this many matches, only the newest this-many are ranked (a newsroom wants
# recent stories first anyway), which keeps every query under ~15 ms.
RANK_WINDOW = 12_000
# An article's date for since:/until:/sort:date: when it was published, else when written.
ARTICLE_DATE = "coalesce(nullif(a.published_at, ''), a.created_at)"


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


def _filters(parsed: SearchQuery) -> tuple[str, list[Any]]:
    """SQL conditions on ``a`` (the articles table) for the query's field filters."""
    conditions, params = [], []
    if parsed.status is not None:
        conditions.append("a.status = ?")
        params.append(parsed.status)
    if parsed.section is not None:
        conditions.append("a.section = ?")
        params.append(parsed.section)
    if parsed.since is not None:
        conditions.append(f"substr({ARTICLE_DATE}, 1, 10) >= ?")
        params.append(parsed.since)
    if parsed.until is not None:
        conditions.append(f"substr({ARTICLE_DATE}, 1, 10) <= ?")
        params.append(parsed.until)
    if parsed.byline is not None:  # the byline list is stored as JSON text
        conditions.append("a.byline LIKE ? ESCAPE '\\'")
        escaped = parsed.byline.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    return "".join(f" AND {c}" for c in conditions), params


def _parsed(query: str) -> SearchQuery:
    parsed = parse_query(query)
    if parsed.problems:
        raise InputError(parsed.problems[0], field="query")
    if parsed.exclude and not parsed.has_text and not parsed.has_filter:
        raise InputError(
            f"'{query.strip()}' only says what to leave out; add a word to look for",
            field="query",
        )
    return parsed


def search(db: Database, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Ranked matches for ``query`` (``app.core.search_query``: words, "phrases", -exclusions,
    title:/section:/byline:/status:). A query of filters only lists its articles, newest
    first."""
    parsed = _parsed(query)
    expression = parsed.fts_expression()
    where, params = _filters(parsed)
    if not expression and not where:
        return []
    if not expression or parsed.sort == "date":  # newest first: no rank to compute
        matched = (
            "article_fts JOIN articles a ON a.seq = article_fts.rowid WHERE article_fts MATCH ?"
            if expression
            else "articles a WHERE 1"
        )
        rows = list(
            db.query(
                "SELECT a.id, a.slug, a.title, a.status, a.updated_at, a.dek, a.body, 0.0 AS score "
                f"FROM {matched} {where} ORDER BY {ARTICLE_DATE} DESC LIMIT ?",
                [*([expression] if expression else []), *params, limit],
            )
        )
        return [_hit(r, parsed.terms()) for r in rows]
    weights = ", ".join(str(w) for w in WEIGHTS)
    try:
        floor = list(
            db.query(
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                [expression, RANK_WINDOW],
            )
        )
        window = "AND article_fts.rowid > ?" if floor else ""
        # The articles' own columns are read for every match only when a filter needs them.
        joined = "JOIN articles a ON a.seq = article_fts.rowid" if where else ""
        rows = list(
            db.query(
                f"SELECT a.id, a.slug, a.title, a.status, a.updated_at, a.dek, a.body, hit.score "
                f"FROM (SELECT article_fts.rowid AS rowid, bm25(article_fts, {weights}) AS score "
                f"      FROM article_fts {joined} "
                f"      WHERE article_fts MATCH ? {window} {where} ORDER BY score LIMIT ?) AS hit "
                f"JOIN articles a ON a.seq = hit.rowid ORDER BY hit.score",
                [expression, *([floor[0]["rowid"]] if floor else []), *params, limit],
            )
        )
    except sqlite3.OperationalError as exc:
        raise InputError(f"cannot search for '{query}': {exc}", field="query") from None
    terms = parsed.terms()
    return [_hit(r, terms) for r in rows]


def _hit(r: Any, terms: list[str]) -> SearchHit:
    text = r["body"] if _contains(r["body"], terms) else r["dek"] or r["body"]
    snippet, match = make_snippet(text, terms)
    return SearchHit(
        id=r["id"],
        slug=r["slug"],
        title=r["title"],
        status=r["status"],
        updated=r["updated_at"],
        snippet=snippet,
        match=match,
        rank=round(r["score"], 4),
    )


def count_matches(db: Database, query: str) -> int:
    """How many articles match (cheap: no ranking), for "about N results"."""
    parsed = _parsed(query)
    expression = parsed.fts_expression()
    where, params = _filters(parsed)
    if not expression:
        if not where:
            return 0
        rows = db.query(f"SELECT count(*) AS n FROM articles a WHERE 1 {where}", params)
        return int(next(rows)["n"])
    rows = db.query(
        "SELECT count(*) AS n FROM article_fts JOIN articles a ON a.seq = article_fts.rowid "
        f"WHERE article_fts MATCH ? {where}",
        [expression, *params],
    )
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
