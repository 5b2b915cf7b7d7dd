"""Per-term impact lists: exact top-k for a frequent word without ranking every match.

FTS5's bm25 costs ~0.8 µs a match, so ranking a word found in most of a million articles
takes most of a second. For one word the score of an article is ``idf * g(F, D)`` where F is
the word's weighted count in the article and D its length in tokens: the order depends on
(F, D) alone. At write time we keep, for every word that weighs much in an article, a row
``(term, impact, seq, F, D)`` with ``impact = g(F, D)`` at a fixed reference length. A search
reads a word's rows best impact first and stops as soon as no unread row (and no article
without a row) can beat the k-th best exact score: block-max/early-termination top-k over
a precomputed impact order (Lucene's "impacts", in SQL).

Rows are kept by epoch first (``seq >> EPOCH_BITS``: 16,384 articles each), then term:
a new article's ~30 rows land in the small, recently written part of the table instead of
on ~30 pages spread over all of it (at a million articles that was most of what an import
wrote and checkpointed). A search merges its word's lists from every epoch, best first.

The bound (``ceiling``): g grows with F and falls with D / a, so an article stored at
``g_ref`` under the reference length ``A_REF`` scores at most ``(k1 + 1) / (1 - r + (k1 + 1)
* r / g_ref)`` when the archive's real average length ``a`` is longer (r = A_REF / a < 1),
and at most ``g_ref`` when it is shorter; articles without a row have ``g_ref < FLOOR``.

F and D must be what FTS5 itself counts. Text made only of characters whose tokenising we
have checked against ``unicode61`` character by character (ASCII, CJK ideographs of
Unicode 6.1, the punctuation news uses; ``tests/test_search_impacts.py``) is counted in
Python (~0.15 ms an article); any other text is counted by FTS5 itself in a scratch
in-memory table (~0.9 ms).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

# FTS5's bm25 constants (fts5_aux.c) and our column weights: title, dek, body, captions, sources.
K1 = 1.2
B = 0.75
WEIGHTS = (10.0, 4.0, 1.0, 2.0, 1.0)
COLUMNS = ("title", "dek", "body", "captions", "sources")
# The reference article length for stored impacts (a news article is ~900 tokens here).
A_REF = 1000.0
# Words that weigh less than this in an article get no row: a single mention never does
# (g(1, D) < 1.7 for any D); a title word in an article of ordinary length does (~1.95).
FLOOR = 1.75
SCALE = 1_000_000  # impacts are stored as integers: floor(g * SCALE)
# Articles an epoch of impact rows holds (``seq >> EPOCH_BITS``). A search reads one list
# per epoch: 62 at a million articles; an import writes into the newest (~17 MB of rows).
EPOCH_BITS = 14

# Characters whose tokenising by unicode61 (remove_diacritics 2) we have verified: token
# characters are ASCII letters and digits (folded to lower case) and CJK ideographs; the
# rest of this set separates tokens.
_TOKEN_CHARS = "0-9A-Za-z\u3400-\u4db5\u4e00-\u9fcb"
_SAFE_TEXT = re.compile(
    f"[{_TOKEN_CHARS}\\x00-\\x7f\u00a0\u00b7\u2010-\u2027\u2030-\u203e\u3000-\u3004"
    "\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]*"
)
_TOKEN = re.compile(f"[{_TOKEN_CHARS}]+")
# FTS5 cuts a token at 32,768 bytes; far shorter runs go the exact way to be safe.
_LONG_WORD = re.compile("[0-9A-Za-z]{1000}")


@dataclass(frozen=True)
class TermWeights:
    """What bm25 needs of one article: each token's weighted count, and the length."""

    weights: dict[str, float]
    length: int


def index_token(word: str) -> str | None:
    """``word`` as the index spells it, when it is exactly one token we tokenise as FTS5
    does; else None."""
    return word.lower() if _TOKEN.fullmatch(word) and not _LONG_WORD.search(word) else None


def _python_tokens(text: str) -> list[str] | None:
    """unicode61's tokens of ``text``, or None when the text holds a character we have not
    verified (then FTS5 counts it)."""
    if not _SAFE_TEXT.fullmatch(text) or _LONG_WORD.search(text):
        return None
    return _TOKEN.findall(text.lower())  # only ASCII letters have a lower case here


def _fts5_counts(columns: Sequence[str]) -> TermWeights:
    """FTS5's own count of ``columns``, in a scratch in-memory table."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE counter USING fts5 (title, dek, body, captions, sources, "
            "content = '', tokenize = 'unicode61 remove_diacritics 2')"
        )
        conn.execute("CREATE VIRTUAL TABLE counts USING fts5vocab (counter, 'col')")
        conn.execute("INSERT INTO counter VALUES (?, ?, ?, ?, ?)", list(columns))
        weights: dict[str, float] = {}
        length = 0
        for term, column, count in conn.execute("SELECT term, col, cnt FROM counts"):
            weights[term] = weights.get(term, 0.0) + WEIGHTS[COLUMNS.index(column)] * count
            length += count
        return TermWeights(weights, length)
    finally:
        conn.close()


def term_weights(columns: Sequence[str]) -> TermWeights:
    """Weighted counts and length of an article's indexed columns, as FTS5 counts them."""
    return _term_weights(tuple(columns))


@functools.lru_cache(maxsize=16)
def _term_weights(columns: tuple[str, ...]) -> TermWeights:
    """Remembered: a save counts the text it replaces, which the previous save counted."""
    return count_terms(columns)


def count_terms(columns: Sequence[str]) -> TermWeights:
    """``term_weights`` without remembering (an import's worker counts each text once)."""
    per_column = [_python_tokens(text) for text in columns]
    if any(tokens is None for tokens in per_column):
        return _fts5_counts(columns)
    # Words of the columns of weight 1 (the body: most of them) are counted in C; the short
    # weighted columns are added word by word. Every weight is a whole number, so the sums
    # are exact in any order: the same doubles as adding column by column.
    counts: Counter[str] = Counter()
    length = 0
    for weight, tokens in zip(WEIGHTS, per_column, strict=True):
        assert tokens is not None
        length += len(tokens)
        if weight == 1.0:
            counts.update(tokens)
    weights: dict[str, float] = dict(counts)
    for weight, tokens in zip(WEIGHTS, per_column, strict=True):
        if weight != 1.0 and tokens:
            for token, count in Counter(tokens).items():
                weights[token] = weights.get(token, 0) + weight * count
    return TermWeights(weights, length)


def saturation(weight: float, length: float, average: float) -> float:
    """bm25's per-phrase factor, written as fts5_aux.c computes it (same operation order,
    so the same double)."""
    return (weight * (K1 + 1.0)) / (weight + K1 * (1 - B + B * length / average))


def ceiling(impact: float, average: float) -> float:
    """The most an article stored at ``impact`` (under A_REF) can score when the archive's
    average length is ``average``: the limit of g as F grows with g_ref held fixed."""
    ratio = min(1.0, A_REF / average)
    if ratio >= 1.0 or impact <= 0.0:
        return impact
    return (K1 + 1.0) / (1.0 - ratio + (K1 + 1.0) * ratio / impact)


ImpactRow = tuple[int, str, int, int, float, int]


def _least_weight(length: int) -> float:
    """g(F, D) >= FLOOR needs F >= FLOOR * x / (k1 + 1 - FLOOR): most words (one mention)
    weigh less and are passed over without computing g; the exact test still decides."""
    spread = K1 * (1 - B + B * length / A_REF)
    return FLOOR * spread / (K1 + 1.0 - FLOOR) * 0.999


def heavy_terms(counted: TermWeights) -> TermWeights:
    """``counted`` with only the words that may weigh FLOOR: ``impact_rows`` gives the same
    rows from it (an import's worker hands the writer ~40 words an article, not ~300)."""
    least = _least_weight(counted.length)
    return TermWeights({t: w for t, w in counted.weights.items() if w >= least}, counted.length)


def impact_rows(
    seq: int, columns: Sequence[str], counted: TermWeights | None = None
) -> Iterator[ImpactRow]:
    """(epoch, term, impact, seq, weight, length) for each word that weighs at least FLOOR:
    the table's key first. ``counted``: ``term_weights(columns)``, when known already."""
    if counted is None:
        counted = term_weights(columns)
    epoch = seq >> EPOCH_BITS
    least = _least_weight(counted.length)
    for term, weight in counted.weights.items():
        if weight < least:
            continue
        impact = saturation(weight, counted.length, A_REF)
        if impact >= FLOOR:
            yield epoch, term, int(impact * SCALE), seq, float(weight), counted.length


def write_impacts(
    db: Database,
    changed: Sequence[tuple[int, Sequence[str] | None, Sequence[str]]],
    counted: Mapping[int, TermWeights] | None = None,
) -> None:
    """Replace the impact rows of articles whose indexed text changed: (seq, previous
    columns or None, columns) each; ``counted`` has the new columns' ``term_weights`` of
    those it knows (by seq). Caller holds the write transaction.

    Rows are keyed (epoch, term, impact, seq) and found again from the previous text, as
    the contentless FTS5 index is: no second index by article. Written in key order, the
    rows of a whole import share the newest epoch's pages."""
    gone = sorted(
        row[:4]
        for seq, previous, _columns in changed
        if previous is not None
        for row in impact_rows(seq, previous)
    )
    db.conn.executemany(
        "DELETE FROM term_impacts WHERE epoch = ? AND term = ? AND impact = ? AND seq = ?", gone
    )
    known = counted or {}
    insert_rows(
        db,
        sorted(
            row
            for seq, _previous, columns in changed
            for row in impact_rows(seq, columns, known.get(seq))
        ),
    )


def insert_rows(db: Database, rows: list[ImpactRow]) -> None:
    """Store impact rows as ``impact_rows`` makes them."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO term_impacts (epoch, term, impact, seq, weight, length) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def _varints(blob: bytes) -> list[int]:
    """SQLite varints (big-endian, 7 bits a byte, the ninth byte whole)."""
    values, at = [], 0
    while at < len(blob):
        value = 0
        for n in range(9):
            byte = blob[at]
            at += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def index_totals(db: Database) -> tuple[int, int]:
    """(rows, tokens) of the full-text index, as bm25 reads them: FTS5's averages record
    (``article_fts_data`` row 1: the row count, then each column's token total)."""
    rows = list(db.query("SELECT block FROM article_fts_data WHERE id = 1"))
    if not rows or not rows[0]["block"]:
        return 0, 0
    values = _varints(rows[0]["block"])
    return values[0], sum(values[1:])
