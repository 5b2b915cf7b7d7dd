"""Full-text search over title, dek, body, figure captions and source titles (FTS5).

Chinese is indexed as overlapping bigrams (see ``app.core.text``) inside the ``unicode61``
tokenizer, so a two-character query is a one-token lookup. Ranking is FTS5's bm25 with the
title weighted highest; snippets are cut from the original text in Python, for the top hits
only.
"""

from __future__ import annotations

import heapq
import math
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.core.errors import InputError
from app.core.search_query import SearchQuery, parse_query
from app.core.text import index_text, make_snippet
from app.store import impacts

if TYPE_CHECKING:
    from app.core.model import Article
    from app.store.transactions import Transactions

# An article's date for since:/until:/sort:date: when it was published, else when written.
ARTICLE_DATE = "coalesce(nullif(a.published_at, ''), a.created_at)"
# Indexed text a write transaction queues before it hands it to FTS5 (an import of 10,000
# articles then writes a few segments, and never holds all its text twice in memory).
QUEUE_CHARACTERS = 16_000_000
# Newest first over more matches than this walks the date index instead of sorting them all.
DATE_WALK_AFTER = 2_000
# A word in fewer articles than this is ranked in full (bm25, ~0.8 µs a match: 4 ms at
# most): its impact list would seldom prove a top 50, and opening it costs a read per epoch.
RANK_ALL_BELOW = 5_000


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


def index_columns(
    title: str, dek: str, body: str, captions: Iterable[str], sources: Iterable[str]
) -> tuple[str, ...]:
    """The five indexed columns as FTS5 is handed them (CJK spelled out as bigrams)."""
    return _spelled((title, dek, body, "\n".join(captions), "\n".join(sources)))


def _texts(article: Article) -> tuple[str, ...]:
    """The five texts of ``article`` the index takes, before CJK is spelled out."""
    return (
        article.title,
        article.dek,
        article.body,
        "\n".join(f"{f.caption} {f.alt}" for f in article.figures),
        "\n".join(f"{s.outlet} {s.title}" for s in article.sources),
    )


def _spelled(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(index_text(text) for text in texts)  # index_text remembers each line


def _columns(article: Article) -> tuple[str, ...]:
    return _spelled(_texts(article))


@dataclass(frozen=True)
class IndexedText:
    """An article's text as the index takes it, worked out ahead of the write (an import's
    worker processes do it with ``indexed_text`` while the writer writes). The store takes
    it only for exactly the texts it was made from: one made for another article, or before
    an edit, is passed over and the article indexed from its own text."""

    texts: tuple[str, ...]
    columns: tuple[str, ...]
    counted: impacts.TermWeights  # only the words that may weigh enough for an impact row

    def describes(self, article: Article) -> bool:
        return self.texts == _texts(article)


def indexed_text(article: Article) -> IndexedText:
    """What indexing ``article`` needs of its text, for ``index_article(..., ahead=)``."""
    texts = _texts(article)
    columns = _spelled(texts)
    return IndexedText(texts, columns, impacts.heavy_terms(impacts.count_terms(columns)))


class PendingIndex:
    """The search index work of one write transaction, done together just before it commits.

    FTS5 writes its pending text out as a segment of its own whenever a statement savepoint
    opens, and every statement with a trigger opens one: indexed article by article, an import
    of 1,000 files wrote 1,000 one-article segments (and merged them again). Queued, the
    transaction's text reaches FTS5 in one run of inserts, and the impact rows in key order.

    The index is contentless, so removing an old row means handing FTS5 the old text again:
    what is queued is the text as last indexed, and the text to index now.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._queued: dict[int, tuple[tuple[str, ...] | None, tuple[str, ...]]] = {}
        self._counted: dict[int, impacts.TermWeights] = {}
        self._size = 0

    def add(
        self,
        seq: int,
        article: Article,
        previous: Article | None,
        ahead: IndexedText | None = None,
    ) -> None:
        """Index ``article`` (``previous``: as last indexed, None for a new one) at commit.
        ``ahead``: its text worked out already, taken only if it describes ``article``."""
        if seq in self._queued:  # saved again before the index took the first save's text:
            old = self._queued[seq][0]  # it still holds what it held before that save
        else:
            old = _columns(previous) if previous is not None else None
        self._counted.pop(seq, None)
        if ahead is not None and ahead.describes(article):
            new = ahead.columns
            self._counted[seq] = ahead.counted
        else:
            new = _columns(article)
        self._queued[seq] = (old, new)
        self._size += sum(map(len, new))
        if self._size > QUEUE_CHARACTERS:  # a very large import: index what it has so far
            self.finish()

    def finish(self) -> None:
        """Hand FTS5 and the impact lists what is queued (at the commit, or when it is big)."""
        # A status or metadata change leaves the indexed text as it was: nothing to write.
        changed = [(seq, old, new) for seq, (old, new) in self._queued.items() if old != new]
        counted, self._counted = self._counted, {}
        self._queued.clear()
        self._size = 0
        names = "rowid, title, dek, body, captions, sources"
        self.db.conn.executemany(
            f"INSERT INTO article_fts (article_fts, {names}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
            [(seq, *old) for seq, old, _new in changed if old is not None],
        )
        self.db.conn.executemany(
            f"INSERT INTO article_fts ({names}) VALUES (?, ?, ?, ?, ?, ?)",
            [(seq, *new) for seq, _old, new in changed],
        )
        impacts.write_impacts(self.db, changed, counted)


def index_article(
    tx: Transactions,
    seq: int,
    article: Article,
    previous: Article | None,
    ahead: IndexedText | None = None,
) -> None:
    """Replace the article's row in the index when the running write transaction commits."""
    tx.before_commit("search", lambda: PendingIndex(tx.db)).add(seq, article, previous, ahead)


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
    ranked: list[tuple[int, float]] | None = None
    try:
        if not expression or parsed.sort == "date":  # newest first: no rank to compute
            ranked = _by_date(db, expression, where, params, limit)
        elif (token := parsed.single_token()) is not None:
            ranked = _by_impact(db, token, where, params, limit)
        if ranked is None:
            ranked = _by_bm25(db, expression, where, params, limit)
    except sqlite3.OperationalError as exc:
        raise InputError(f"cannot search for '{query}': {exc}", field="query") from None
    if not ranked:
        return []
    found = {
        r["seq"]: r
        for r in db.query(
            "SELECT a.seq, a.id, a.slug, a.title, a.status, a.updated_at, a.dek, a.body "
            f"FROM articles a WHERE a.seq IN ({', '.join('?' * len(ranked))})",
            [seq for seq, _ in ranked],
        )
    }
    terms = parsed.terms()
    return [_hit(found[seq], score, terms) for seq, score in ranked]


def _by_date(
    db: Database, expression: str, where: str, params: list[Any], limit: int
) -> list[tuple[int, float]]:
    """Newest first. Many matches: walk the date index and stop at ``limit`` (the matches'
    rowids are gathered once, ~0.15 µs each); few: sort just them."""
    order = f"ORDER BY {ARTICLE_DATE} DESC, a.seq DESC LIMIT ?"
    if not expression:
        sql = f"SELECT a.seq FROM articles a INDEXED BY articles_by_date WHERE 1 {where} {order}"
        return [(r["seq"], 0.0) for r in db.query(sql, [*params, limit])]
    if _match_count(db, expression) > DATE_WALK_AFTER:
        sql = (
            "SELECT a.seq FROM articles a INDEXED BY articles_by_date WHERE a.seq IN "
            f"(SELECT rowid FROM article_fts WHERE article_fts MATCH ?) {where} {order}"
        )
    else:
        sql = (
            "SELECT a.seq FROM article_fts JOIN articles a ON a.seq = article_fts.rowid "
            f"WHERE article_fts MATCH ? {where} {order}"
        )
    return [(r["seq"], 0.0) for r in db.query(sql, [expression, *params, limit])]


def _by_bm25(
    db: Database, expression: str, where: str, params: list[Any], limit: int
) -> list[tuple[int, float]]:
    """FTS5's bm25 over every match: exact, ~0.8 µs a match. Equal scores: newest first."""
    weights = ", ".join(str(w) for w in impacts.WEIGHTS)
    # The articles' own columns are read for every match only when a filter needs them.
    joined = "JOIN articles a ON a.seq = article_fts.rowid" if where else ""
    return [
        (r["rowid"], r["score"])
        for r in db.query(
            f"SELECT article_fts.rowid AS rowid, bm25(article_fts, {weights}) AS score "
            f"FROM article_fts {joined} WHERE article_fts MATCH ? {where} "
            "ORDER BY score, article_fts.rowid DESC LIMIT ?",
            [expression, *params, limit],
        )
    ]


def _by_impact(
    db: Database, token: str, where: str, params: list[Any], limit: int
) -> list[tuple[int, float]] | None:
    """The exact top ``limit`` for one token from its impact list (``app.store.impacts``),
    reading rows best first until no unread article can beat the last of them; None when
    the list cannot prove it (then every match is ranked)."""
    token = impacts.index_token(token) or ""
    rows_total, tokens_total = impacts.index_totals(db)
    if not token or not rows_total or limit <= 0:
        return None
    average = tokens_total / rows_total
    # In how many articles the word is (its idf): FTS5 keeps no such count, so its list is
    # walked; a plain count walks it fastest (~30 ns an article; fts5vocab took 3x that).
    hits = _match_count(db, f'"{token}"')  # an index token holds no quote
    if hits < RANK_ALL_BELOW:
        return None
    idf = math.log((rows_total - hits + 0.5) / (hits + 0.5))
    if idf <= 0.0:
        idf = 1e-6
    best: list[tuple[float, int]] = []  # a min-heap of (g, seq): its root is the k-th best
    proven = False
    for row in _impact_order(db, token, where, params):
        unread = impacts.ceiling((row["impact"] + 1) / impacts.SCALE, average)
        if len(best) == limit and best[0][0] >= unread:
            proven = True
            break
        entry = (impacts.saturation(row["weight"], row["length"], average), row["seq"])
        if len(best) < limit:
            heapq.heappush(best, entry)
        elif entry > best[0]:
            heapq.heapreplace(best, entry)
    unlisted = impacts.ceiling(impacts.FLOOR, average)
    if not proven and not (len(best) == limit and best[0][0] >= unlisted):
        return None
    ranked = [(seq, -1.0 * (idf * g)) for g, seq in best]
    return sorted(ranked, key=lambda hit: (hit[1], -hit[0]))


def _impact_order(db: Database, token: str, where: str, params: list[Any]) -> Iterator[Any]:
    """The word's impact rows, best first (equal impacts: newest first), over all epochs:
    each epoch's list is read in index order and the lists are merged as they are read."""
    newest = next(db.query("SELECT max(seq) AS seq FROM articles"))["seq"] or 0
    joined = "JOIN articles a ON a.seq = t.seq" if where else ""
    sql = (
        f"SELECT t.seq, t.impact, t.weight, t.length FROM term_impacts t {joined} "
        f"WHERE t.epoch = ? AND t.term = ? {where} ORDER BY t.impact DESC, t.seq DESC"
    )
    lists = [
        db.query(sql, [epoch, token, *params])
        for epoch in range(newest >> impacts.EPOCH_BITS, -1, -1)
    ]
    return heapq.merge(*lists, key=lambda row: (-row["impact"], -row["seq"]))


def _hit(r: dict[str, Any], score: float, terms: list[str]) -> SearchHit:
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
        rank=round(score, 4),
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
    if not where:
        return _match_count(db, expression)
    rows = db.query(
        "SELECT count(*) AS n FROM article_fts JOIN articles a ON a.seq = article_fts.rowid "
        f"WHERE article_fts MATCH ? {where}",
        [expression, *params],
    )
    return int(next(rows)["n"])


def _match_count(db: Database, expression: str) -> int:
    """How many articles an FTS5 expression matches (its lists walked, nothing ranked)."""
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


def backfill_impacts(db: Database, chunk: int = 2000) -> None:
    """Impact rows for every stored article (the migration that lays them out): the columns are
    assembled as ``app.store.search`` indexes them, a chunk of articles at a time."""
    last = 0
    while True:
        articles = list(
            db.query(
                "SELECT seq, title, dek, body FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                [last, chunk],
            )
        )
        if not articles:
            return
        low, high = articles[0]["seq"], articles[-1]["seq"]
        captions = _pairs(db, "figures", "caption", "alt", low, high)
        sources = _pairs(db, "sources", "outlet", "title", low, high)
        rows: list[impacts.ImpactRow] = []
        for a in articles:
            columns = index_columns(
                a["title"],
                a["dek"],
                a["body"],
                captions.get(a["seq"], []),
                sources.get(a["seq"], []),
            )
            rows += impacts.impact_rows(a["seq"], columns)
        impacts.insert_rows(db, rows)
        last = high


def _pairs(
    db: Database, table: str, first: str, second: str, low: int, high: int
) -> dict[int, list[str]]:
    """``"first second"`` of each row of a child table, by article, in the article's order."""
    found: dict[int, list[str]] = {}
    for r in db.query(
        f"SELECT article_seq, {first}, {second} FROM {table} "
        "WHERE article_seq BETWEEN ? AND ? ORDER BY article_seq, position",
        [low, high],
    ):
        found.setdefault(r["article_seq"], []).append(f"{r[first]} {r[second]}")
    return found
