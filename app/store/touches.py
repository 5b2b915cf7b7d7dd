"""The touch journal (``article_touches``, kept by triggers): which articles changed after
a mark, what a desk sync must write again. Apart from ``ReviewMerge``: a sync with nothing
to exchange reads it without importing what merging and review need."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.store.select import select

if TYPE_CHECKING:
    from app.store.transactions import Transactions

# Journal entries beyond two an article that a desk sync lets stand before it tidies.
TOUCHES_SLACK = 10_000


class Touches:
    def __init__(self, tx: Transactions) -> None:
        self.tx = tx

    def touched_since(self, seq: int) -> tuple[int, list[str]]:
        """The touch journal's mark now, and every article (deleted ones too) whose rows
        changed after ``seq``: what a desk sync must write again. The mark is read first, so
        a write that lands meanwhile is either in the list or after the mark."""
        db = self.tx.db
        mark = next(select(db, "SELECT coalesce(max(seq), 0) AS m FROM article_touches"))["m"]
        rows = select(
            db,
            "SELECT article_id FROM article_touches WHERE seq > ? GROUP BY article_id"
            " ORDER BY max(seq)",
            [seq],
        )
        return int(mark), [r["article_id"] for r in rows]

    def compact_touches(self) -> int:
        """Drop the journal entries a newer entry of the same article has made redundant
        (what ``touched_since`` returns for any mark stays the same); the number dropped.
        An article gets a new entry each time it is touched after another one, so a desk
        sync tidies the journal once it holds many more entries than the store has articles."""
        with self.tx.read() as db:
            entries = db.execute("SELECT count(*) FROM article_touches").fetchone()[0]
            articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        if entries <= 2 * articles + TOUCHES_SLACK:
            return 0
        with self.tx.write() as db:
            return db.execute(
                "DELETE FROM article_touches WHERE seq NOT IN "
                "(SELECT max(seq) FROM article_touches GROUP BY article_id)"
            ).rowcount
